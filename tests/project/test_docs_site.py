"""The documentation: the generated reference pages, the notebook, and the Sphinx site.

The code examples of the pages run as doctests (pytest's ``--doctest-glob=*.md``); here the
notebook is executed with nbclient, and the whole site is built with warnings as errors.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from docgen import data_model_page, vocabularies_page
from nbclient import NotebookClient
from schemagen import HAND_WRITTEN

from conftest import ROOT

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


# --- the notebook ----------------------------------------------------------------------------


def test_notebook_is_committed_without_outputs() -> None:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


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
    # every public function and class of these modules (schema's listed only load_schema)
    import types

    import rightsdata.schema
    import rightsdata.tables

    for module in (rightsdata.schema, rightsdata.tables):
        for name in module.__all__:
            value = getattr(module, name)
            if callable(value) and not isinstance(value, types.GenericAlias):  # (Row: an alias)
                assert f'id="{module.__name__}.{name}"' in api, name
    # source links lead to the defining module, though the classes are named by the package
    for link in ("rightsdata/_model/records.html#Event", "rightsdata/_data/dataset.html#Dataset"):
        assert link in api, link
    # the notebook ran during the build, so the page shows its outputs
    notebook = (html / "notebooks" / "explore.html").read_text(encoding="utf-8")
    assert "range: (15, 17) | more possible: True | disagree: True" in notebook
    assert "Library 0.1.0" in (html / "changelog.html").read_text(encoding="utf-8")

    if (DOCS / "plotting.md").is_file():
        plotting = (html / "plotting.html").read_text(encoding="utf-8")
        images = re.findall(r'<img[^>]+src="([^"]+\.png)"', plotting)
        assert images, "docs/plotting.md drew no figure"
        assert all((html / src).is_file() for src in images), images
