"""Sphinx configuration: furo, MyST markdown (myst-nb, which also renders the notebook), autodoc.

Build the site with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
Nothing is downloaded at build time: intersphinx is off, so references to other projects'
objects (pendulum, attrs, pandas, ...) have no target and are listed in ``nitpick_ignore_regex``;
every reference to rightsdata's own objects must resolve (``nitpicky``).
"""

from __future__ import annotations

from typing import Any

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
    # Annotations imported under TYPE_CHECKING reach autodoc as bare names.
    ("py:class", "Path"),  # pathlib.Path (not imported at run time, for a lighter import)
    ("py:class", "StrEnum"),  # enum.StrEnum
    # A type variable, not an object to document.
    ("py:class", "rightsdata._data.collection.R"),
    ("py:class", "rightsdata._data.collection.D"),
    ("py:class", "rightsdata._data.dataset.R"),
    ("py:class", "rightsdata._data.dataset.R2"),
    ("py:class", "rightsdata._data.dataset.R3"),
    ("py:class", "rightsdata._data.dataset.R4"),
    ("py:class", "rightsdata._data.dataset._Kind"),  # the key type of Dataset(records)
    # Type aliases of the tables' cells and rows.
    ("py:class", "Cell"),
    ("py:class", "Row"),
    # What the dataset registry needs of a dataset (a protocol: Dataset imports the registry).
    ("py:class", "rightsdata._data.registry._Holder"),
    ("py:class", "_Holder"),
    # What a load gathered for the queries: the type of a private keyword of Dataset.
    ("py:class", "Gathered"),
    # A dataset's queries (internal): the type of a private keyword of Collection.
    ("py:class", "rightsdata._data.query.Queries"),
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


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", _public_name)
    app.connect("viewcode-follow-imported", _defining_module)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
