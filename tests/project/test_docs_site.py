"""The documentation: the generated reference pages, the notebook, and the Sphinx site.

The code examples of the pages run as doctests (pytest's ``--doctest-glob=*.md``); here the
notebook is executed with nbclient, and the whole site is built with warnings as errors.
"""

from __future__ import annotations

import ast
import html as htmltext
import importlib
import inspect
import json
import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from docgen import data_model_page, vocabularies_page
from markdown_it import MarkdownIt
from nbclient import NotebookClient
from schemagen import HAND_WRITTEN

from conftest import PUBLIC_MODULES, ROOT

DOCS = ROOT / "docs"
NOTEBOOK = DOCS / "notebooks" / "explore.ipynb"

#: nbformat's functions these tests call, which nbformat leaves unannotated (a call to one is
#: an error under mypy --strict), with the types of what they return.
read_notebook: Callable[..., nbformat.NotebookNode] = nbformat.read
new_code_cell: Callable[[str], nbformat.NotebookNode] = nbformat.v4.new_code_cell


def _repo_schemas() -> dict[str, dict[str, Any]]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "schemas").glob("*.schema.json"))
        if path.name not in HAND_WRITTEN
    }


# --- the generated pages ---------------------------------------------------------------------


def test_generated_pages_are_current() -> None:
    assert (DOCS / "data-model.md").read_text(encoding="utf-8") == data_model_page(
        _repo_schemas()
    ), "run python scripts/generate_docs.py"
    assert (DOCS / "vocabularies.md").read_text(encoding="utf-8") == vocabularies_page()


def test_data_model_page_says_what_the_schemas_say() -> None:
    page = data_model_page(_repo_schemas())
    # every field of every record kind and nested part has a row
    for name, schema in _repo_schemas().items():
        objects = [schema] if name != "common.schema.json" else list(schema["$defs"].values())
        for obj in objects:
            for field in obj.get("properties", {}):
                assert f"| `{field}` |" in page, (name, field)
    # constraints come through: a pattern (with its | escaped for the table), a bound, a count
    assert "pattern `^(?:person\\|org\\|group):[a-z0-9]+(?:-[a-z0-9]+)*$(?![\\s\\S])`" in page
    assert "| `quote` | [text](#text) or null | at most 600 characters |" in page
    assert "| array of [Citation](#citation) | at least 1 item |" in page
    assert "- low <= best <= high where stated;" in page


def test_data_model_page_refuses_what_it_cannot_describe() -> None:
    schemas = _repo_schemas()
    schemas["events.schema.json"]["properties"]["title"]["format"] = "uri"
    with pytest.raises(ValueError, match="does not describe"):
        data_model_page(schemas)


def test_terms_that_share_a_value_keep_their_own_meanings() -> None:
    # OrgStatus.CLOSED and Level.CLOSED are both "closed" (and OrgKind.COURT and Role.COURT
    # both "court"): each vocabulary's table gives its own meaning.
    page = vocabularies_page()
    org_status = page.split("## OrgStatus")[1].split("## ")[0]
    level = page.split("## Level")[1]
    assert "| `closed` | No longer operating. |" in org_status
    assert "| `closed` | Civic space is completely closed (CIVICUS: worst). |" in level
    org_kind = page.split("## OrgKind")[1].split("## ")[0]
    assert "| `court` | A court of law. |" in org_kind


# --- the pages' Markdown ----------------------------------------------------------------------


def _markdown_sources() -> dict[str, str]:
    """The Markdown the site renders: CHANGELOG.md, the pages, the notebook's text cells."""
    sources = {"CHANGELOG.md": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")}
    for page in sorted(DOCS.glob("*.md")):
        sources[f"docs/{page.name}"] = page.read_text(encoding="utf-8")
    notebook = read_notebook(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            sources[f"{NOTEBOOK.name}:{cell.get('id')}"] = cell.source
    return sources


def test_no_page_shows_a_stray_backtick() -> None:
    # A backtick inside a code span written with single backticks ends the span: the rest
    # of the paragraph renders inside out, code as prose and prose as code, and a backtick
    # is left over as text. A span holding a backtick is written with two and spaces
    # (`` `` x`y `` ``); a backtick a reader should see as text would be escaped (\`).
    parser = MarkdownIt("commonmark")
    stray = [
        f"{name}:{token.map[0] + 1 if token.map else '?'}: {child.content!r}"
        for name, text in _markdown_sources().items()
        for token in parser.parse(text)
        if token.type == "inline"
        for child in token.children or []
        if child.type == "text" and "`" in child.content
    ]
    assert stray == []


def test_the_signatures_written_in_the_api_page_are_the_classes_public_ones() -> None:
    # docs/api.md writes the signature of a class whose own would show private parameters
    # (Collection's _ids) or types (Dataset's _Kind): what it writes is the class's
    # parameters without the private ones (attrs names a private field's parameter without
    # its underscore: Figures' dataset), in order, each of its kind, with its default.
    import attrs

    import rightsdata

    api = (DOCS / "api.md").read_text(encoding="utf-8")
    written = re.findall(r"^\.\. autoclass:: (\w+)\((.+)\)$", api, flags=re.M)
    assert {name for name, _ in written} >= {"Collection", "Dataset", "Figures", "Related"}
    for name, signature in written:
        cls = getattr(rightsdata, name)
        private = (
            {f.alias for f in attrs.fields(cls) if f.name.startswith("_")}
            if attrs.has(cls)
            else set()
        )
        expected = [
            (p.name, p.kind == p.KEYWORD_ONLY, p.default)
            for p in inspect.signature(cls).parameters.values()
            if not p.name.startswith("_") and p.name not in private
        ]
        function = ast.parse(f"def f({signature}): pass").body[0]
        assert isinstance(function, ast.FunctionDef)
        arguments = function.args
        defaults = [None] * (len(arguments.args) - len(arguments.defaults))
        shown = [
            (a.arg, False, ast.literal_eval(d) if d else inspect.Parameter.empty)
            for a, d in zip(arguments.args, [*defaults, *arguments.defaults], strict=True)
        ]
        shown += [
            (a.arg, True, ast.literal_eval(d) if d else inspect.Parameter.empty)
            for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
        ]
        assert shown == expected, name


# --- the notebook ----------------------------------------------------------------------------


def test_notebook_is_committed_without_outputs() -> None:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_notebook_figures_have_alt_text() -> None:
    # myst-nb gives a figure the alt text of its cell's metadata ({"mystnb": {"image":
    # {"alt": ...}}}); without it, the page's alt text is the image's file name.
    notebook = read_notebook(NOTEBOOK, as_version=4)
    drawing = [cell for cell in notebook.cells if "plt.show()" in cell.source]
    assert len(drawing) == 3
    for cell in drawing:
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
        assert len(alt.split()) >= 10 and not alt.endswith(".png"), cell.get("id")


def test_notebook_prints_each_line_in_one_write() -> None:
    # print(a, b) writes a and b separately; a busy kernel may send them as two stream
    # messages, and myst-nb's stream merge puts a line break after each message, so the
    # docs page would show one printed line broken in two. One f-string is one write.
    notebook = read_notebook(NOTEBOOK, as_version=4)
    calls = [
        node
        for cell in notebook.cells
        if cell.cell_type == "code"
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
    ]
    assert calls
    several = [ast.unparse(call) for call in calls if len(call.args) > 1 or call.keywords]
    assert several == [], "print one f-string instead"


def _outputs(cell: nbformat.NotebookNode) -> str:
    texts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            texts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            texts.append(output.data.get("text/plain", ""))
    return "".join(texts)


def test_notebook_runs() -> None:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    # The kernel is the notebook's own ("python3", as Jupyter resolves it); this cell,
    # added here only, checks that it is this interpreter, with this rightsdata installed.
    notebook.cells.append(new_code_cell("import sys\nprint(sys.executable)"))
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError naming the cell if any cell fails

    cells = {cell.get("id"): cell for cell in notebook.cells}
    assert _outputs(notebook.cells[-1]).strip() == sys.executable, (
        "the notebook ran in another interpreter: a 'python3' kernel spec elsewhere "
        "(jupyter kernelspec list) shadows this environment's"
    )
    # facts from the data, as the notebook prints them
    assert "range: (15, 17) | more possible: True | disagree: True" in _outputs(
        cells["zhanaozen-range"]
    )
    assert "repressed since 2022 - previously obstructed" in _outputs(cells["rating-on"])
    assert "Vladimir Kozlov born 1960-08" in _outputs(cells["kozlov"])
    assert "2013-06~" in _outputs(cells["timeline"])
    for figure in ("figures-plot", "ratings-plot", "plot-timeline"):
        assert any("image/png" in o.get("data", {}) for o in cells[figure].outputs), figure


# --- the site --------------------------------------------------------------------------------


def _documented_objects(html: Path) -> set[str]:
    """The Python objects the built site has an entry for, from its inventory (objects.inv:
    four lines of header, then zlib-compressed lines of "name domain:role priority uri ...")."""
    body = zlib.decompress((html / "objects.inv").read_bytes().split(b"\n", 4)[4])
    entries = (line.split(" ") for line in body.decode("utf-8").splitlines())
    return {entry[0] for entry in entries if len(entry) > 1 and entry[1].startswith("py:")}


def _signatures(page: str) -> list[tuple[str, str]]:
    """Each object's entry on a page, by its ID, as the reader sees its signature without the
    object's own name (parameters, types, defaults, a data item's value)."""
    names = (
        r'<span class="sig-(?:pre)?name desc(?:class)?name"><span class="pre">[^<]*</span></span>'
    )
    return [
        (ident, htmltext.unescape(re.sub(r"<[^>]+>", "", re.sub(names, "", signature))))
        for ident, signature in re.findall(
            r'<dt class="sig sig-object py"[^>]*id="([^"]+)"[^>]*>(.*?)</dt>', page, flags=re.S
        )
    ]


def _prose(page: Path) -> str:
    """A built page's text outside code (code and pre blocks left out)."""
    text = re.sub(r"<(pre|code)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return htmltext.unescape(re.sub(r"<[^>]+>", "", text))


@pytest.mark.slow
def test_site_builds_without_warnings(tmp_path: Path) -> None:
    html = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html", "-q"]
    command += ["-d", str(tmp_path / "doctrees"), str(DOCS), str(html)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode == 0, result.stderr[-20000:]

    pages = ["index", "quickstart", "concepts", "loading", "queries", "data-model"]
    pages += ["vocabularies", "dataset", "api", "performance", "changelog", "notebooks/explore"]
    for page in pages:
        assert (html / f"{page}.html").is_file(), page

    api = (html / "api.html").read_text(encoding="utf-8")
    for name in ("rightsdata.load", "rightsdata.Dataset.timeline", "rightsdata.Event"):
        assert f'id="{name}"' in api, name
    # every public name has an entry: functions and classes, and data too (TABLES, Cell)
    documented = _documented_objects(html)
    missing = [
        f"{module_name}.{name}"
        for module_name in PUBLIC_MODULES
        for name in importlib.import_module(module_name).__all__
        if f"{module_name}.{name}" not in documented
    ]
    assert missing == []
    # a signature shows what a caller passes, not the internals: no private parameter
    # (Collection's _ids), type variable (_Kind) or module (rightsdata._values), and no
    # default as the source attrs generates writes it (attr_dict['unit'].default)
    internal = {
        name: shown
        for name, shown in _signatures(api)
        if re.search(r"(?<!\w)_(?!_)\w|attr_dict", shown) and "._" not in name
    }
    assert internal == {}
    # a data item's entry says what it is, not what its type is (tuple's, str's docstring)
    for name in ("rightsdata.KINDS", "rightsdata.tables.MANIFEST", "rightsdata.tables.Row"):
        entry = api.split(f'id="{name}"')[1].split("</dd>")[0]
        assert "Built-in" not in entry and "Represent a" not in entry, name
    # source links lead to the defining module, though the classes are named by the package
    for link in ("rightsdata/_model/records.html#Event", "rightsdata/_data/dataset.html#Dataset"):
        assert link in api, link
    # the notebook ran during the build, so the page shows its outputs
    notebook = (html / "notebooks" / "explore.html").read_text(encoding="utf-8")
    assert "range: (15, 17) | more possible: True | disagree: True" in notebook
    alts = re.findall(r'<img alt="([^"]*)"', notebook)
    assert len(alts) == 3 and not any(alt.endswith(".png") for alt in alts), alts
    # "--" stays two hyphens in prose (--format), not an en dash: smartquotes_action
    dashed = {
        str(page.relative_to(html)): found
        for page in html.rglob("*.html")
        if "_modules" not in page.parts
        if (found := re.findall(r"[\u2013\u2014][A-Za-z]+", _prose(page)))
    }
    assert dashed == {}
    assert "Library 0.1.0" in (html / "changelog.html").read_text(encoding="utf-8")

    if (DOCS / "plotting.md").is_file():
        plotting = (html / "plotting.html").read_text(encoding="utf-8")
        images = re.findall(r'<img[^>]+src="([^"]+\.png)"', plotting)
        assert images, "docs/plotting.md drew no figure"
        assert all((html / src).is_file() for src in images), images
