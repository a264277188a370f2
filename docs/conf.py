"""Sphinx configuration: furo, MyST markdown (myst-nb, which also renders the notebook), autodoc.

Build the site with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
Nothing is downloaded at build time: intersphinx is off, so references to other projects'
objects (pendulum, attrs, pandas, ...) have no target and are listed in ``nitpick_ignore_regex``;
every reference to rightsdata's own objects must resolve (``nitpicky``).
"""

from __future__ import annotations

import inspect
import sys
import typing
from typing import Any

from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer

import rightsdata

project = "rightsdata"
author = "rightsdata developers"
project_copyright = "rightsdata developers"
release = rightsdata.__version__
version = release

extensions = [
    "myst_nb",  # MyST markdown for the .md pages, and .ipynb notebooks (executed at build)
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "matplotlib.sphinxext.plot_directive",
]

exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]

# --- MyST ----------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
# Anchors for headings, so that [Citation](#citation) and vocabularies.md#role resolve, as on
# GitHub, where the same pages are read too.
myst_heading_anchors = 3

# Smart quotes turn "..." into curly quotes and ... into an ellipsis, but not -- into a dash
# (Sphinx's default "qDe" does): the pages name options such as --format in running text,
# outside code, and there "--" must stay two hyphens.
smartquotes_action = "qe"

# --- The notebook (myst-nb) -----------------------------------------------------------------

# The notebook is committed without outputs; the build runs it so that the site shows them.
# An error in a cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 180
nb_merge_streams = True

# --- Autodoc (the docstrings are reST) ------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
python_use_unqualified_type_names = True

# --- Figures drawn at build time (docs/plotting.md) ---------------------------------------

# Write them as ".. plot::" inside an {eval-rst} block: the plot directive inserts reST into
# the parser's input, which MyST's own ```{plot}``` fence does not support ("MockStateMachine
# has not yet implemented attribute 'insert_input'").

plot_formats = ["png"]
plot_html_show_source_link = False
plot_html_show_formats = False

# --- Warnings --------------------------------------------------------------------------------

nitpicky = True
# Other projects' objects: with intersphinx off (no network at build time) they have no
# target here. Only names outside rightsdata are listed; rightsdata's own must all resolve.
_EXTERNAL = (
    r"(attrs|cattrs|pendulum|hypothesis|pandas|pyarrow|matplotlib|numpy|msgspec|jsonschema"
    r"|collections|datetime|difflib|enum|pathlib|typing|types|importlib|re|os|json)(\..+)?"
)
nitpick_ignore_regex = [(r"py:.*", _EXTERNAL)]
nitpick_ignore = [
    # An annotation imported under TYPE_CHECKING reaches autodoc as a bare name.
    ("py:class", "StrEnum"),  # enum.StrEnum
    # A type variable, not an object to document.
    ("py:class", "rightsdata._data.collection.R"),
    ("py:class", "rightsdata._data.collection.D"),
    ("py:class", "rightsdata._data.dataset.R"),
    ("py:class", "rightsdata._data.dataset.R2"),
    ("py:class", "rightsdata._data.dataset.R3"),
    ("py:class", "rightsdata._data.dataset.R4"),
]

# --- HTML ------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"rightsdata {release}"
html_static_path: list[str] = []


# --- Public names for references written with the defining module -----------------------


def _public_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a reference that Sphinx could not, by the name the API reference uses.

    The API reference documents objects under the names users import (``rightsdata.Dataset``,
    ``rightsdata.EventCollection.__call__``); docstrings and annotations may name them by
    the module that defines them (``rightsdata._data.collection.EventCollection.__call__``), by
    a bare name from a ``TYPE_CHECKING`` import (``DateLike``), or relative to a class
    (``EDTF.sort_key`` from another module). Such a reference is tried again under the
    public name, or else as the one documented object whose name ends with it. What still
    has no target (no object, or several) is reported as usual.
    """
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    target: str = node["reftarget"]
    parts = target.split(".")
    candidates = []
    if len(parts) > 2 and parts[0] == "rightsdata":  # rightsdata._data.collection.X -> rightsdata.X
        candidates += [".".join(["rightsdata", *parts[i:]]) for i in range(2, len(parts))]
    if parts[0] != "rightsdata":
        suffix = "." + target
        matches = [name for name in domain.objects if name.endswith(suffix)]
        if len(matches) == 1:
            candidates.append(matches[0])
    for candidate in candidates:
        resolved = domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode
        )
        if resolved is not None:
            return resolved
    return None


def _defining_module(app: Any, modname: str, attribute: str) -> str | None:
    """viewcode: the module that defines a public name (``rightsdata.Person`` is defined in
    ``rightsdata._model.records``), for the source links: ``rightsdata`` imports its names
    lazily, so viewcode would not find them there."""
    if modname != "rightsdata":
        return None
    lazy: dict[str, str] = rightsdata._LAZY
    return lazy.get(attribute.split(".")[0])


def _data_comment(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """autodoc: the ``#:`` comment of a data item documented where it is imported.

    ``rightsdata.tables.TABLES`` and ``rightsdata.KINDS`` are defined, with their ``#:``
    comments, in private modules; autodoc reads comments in the module it documents, finds
    none, and takes the value's own docstring: that of its class (``tuple``, ``str``, a
    union type) or of an alias's origin, which says nothing of the item. Such a docstring is
    replaced by the comment where the same object has the same name in a rightsdata module,
    or else left out.
    """
    if what != "data" or not lines:
        return
    # (an alias such as tuple[Cell, ...] gives its origin's docstring: tuple's)
    classes = [cls for cls in (type(obj), typing.get_origin(obj)) if cls is not None]
    inherited = {inspect.cleandoc(getattr(cls, "__doc__", None) or "") for cls in classes}
    if "\n".join(lines).strip() not in inherited:
        return
    short = name.rpartition(".")[2]
    comment: list[str] = []
    for modname, module in sorted(sys.modules.items()):
        if modname.partition(".")[0] != "rightsdata" or vars(module).get(short) is not obj:
            continue
        try:
            comment = list(ModuleAnalyzer.for_module(modname).find_attr_docs().get(("", short), []))
        except PycodeError:
            continue
        if comment:
            break
    lines[:] = comment


def _attrs_defaults(app: Any, obj: Any, bound_method: bool) -> None:
    """autodoc: the default values of an attrs class's ``__init__`` as values (``= None``).

    ``autodoc_preserve_defaults`` shows a default as written in the source, and the source of
    the ``__init__`` attrs generates writes each as ``attr_dict['required'].default``. Run
    after it, this drops the signature it made for such an ``__init__``, so that the
    defaults' values are shown.
    """
    code = getattr(obj, "__code__", None)
    if code is not None and code.co_filename.startswith("<attrs generated"):
        getattr(obj, "__dict__", {}).pop("__signature__", None)  # (a method: its function's)


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", _public_name)
    app.connect("autodoc-process-docstring", _data_comment)
    # (after autodoc's own handler, at the default priority 500, which preserves defaults)
    app.connect("autodoc-before-process-signature", _attrs_defaults, priority=600)
    app.connect("viewcode-follow-imported", _defining_module)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
