"""The package's layers: imports flow one way, from values to the model, to validation, to
the dataset and its queries, to tables and exports, to display, to the command line; and no
module imports, however indirectly, one that imports it.

Read from the source with :mod:`ast`, so function-local imports count too. The few imports
that go up are listed in ``_ALLOWED_UP``, each with its reason: an optional extra that loads
only when its feature is used, or the notebook's display hook.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT

_PACKAGE = ROOT / "src" / "rightsdata"

#: Each part of the package and its layer, lowest first: a module may import only from its own
#: layer or below. A subpackage is one family; the public modules sit in the layer they use.
LAYERS: dict[str, int] = {
    "_values": 0,  # errors, dates, durations, IDs, and the small tools every layer uses
    "vocab": 0,
    "_version": 0,
    "_model": 1,  # field specs, generated checks, the record classes
    "_validation": 2,  # the fast path, the converter, integrity across records
    "schema": 2,
    "_data": 3,  # reading and writing dataset folders, the Dataset, its queries
    "testing": 3,  # strategies that build valid records, documents and datasets
    "_testing": 3,  # what those strategies need of a base dataset, and its repairs
    "_tables": 4,  # tables, pandas, Arrow, CSV, data packages, exports
    "tables": 4,
    "_display": 5,  # words for values, cards, timeline marks, plots
    "textcard": 5,
    "display": 5,
    "plot": 5,
    "_cli": 6,  # the command line
    "__main__": 6,
    "__init__": 6,
}

#: Imports that go up a layer, each for a reason the layering accepts.
_ALLOWED_UP: dict[tuple[str, str], str] = {
    ("_model.records", "_display.display"): "records' _repr_html_: the notebook hook",
    ("_data.dataset", "_display.display"): "Dataset._repr_html_: the notebook hook",
    ("_data.collection", "_display.display"): "Collection._repr_html_: the notebook hook",
    ("_data.answers", "_display.display"): "Figures' and Related's _repr_html_: the hook",
    ("_data.answers", "_display.words"): "Figures.__repr__: a figure's numbers in words",
    ("_data.dataset", "_tables.frames"): "Dataset.to_pandas: the pandas extra",
    ("_data.dataset", "_tables.tables"): "Dataset.to_pandas: the Table it takes, on use",
    ("_data.dataset", "_tables.export"): "Dataset.export: the formats of the extras",
    ("_data.dataset", "_display.plot"): "Dataset.plot_timeline: the plot extra",
}


def layer(module: str) -> int:
    """The layer of a module: ``"_data.dataset"`` is in ``_data``'s."""
    return LAYERS[module.split(".")[0]]


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(_PACKAGE.rglob("*.py")):
        parts = path.relative_to(_PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        yield ".".join(parts), path


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """(imported rightsdata module, line) for every import in ``path``, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "rightsdata":
                for alias in node.names:
                    top = alias.name.split(".")[0]
                    yield (alias.name if top in LAYERS else "__init__"), node.lineno
            elif node.module.startswith("rightsdata."):
                module = node.module.removeprefix("rightsdata.")
                if "." not in module and module.startswith("_") and module in _SUBPACKAGES:
                    # from rightsdata._data import dataset: the module named
                    for alias in node.names:
                        yield f"{module}.{alias.name}", node.lineno
                else:
                    yield module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("rightsdata."):
                    yield alias.name.removeprefix("rightsdata."), node.lineno


_SUBPACKAGES = {path.name for path in _PACKAGE.iterdir() if (path / "__init__.py").exists()}


def _edges() -> list[tuple[str, str, int]]:
    return [(name, target, line) for name, path in _modules() for target, line in _imports(path)]


def test_every_module_has_a_layer() -> None:
    assert sorted(name for name, _ in _modules() if name.split(".")[0] not in LAYERS) == []


def test_imports_flow_down() -> None:
    up = [
        f"{source}:{line} imports {target} (layer {layer(source)} -> {layer(target)})"
        for source, target, line in _edges()
        if layer(target) > layer(source)
        and (source, target) not in _ALLOWED_UP
        and source != "__init__"
    ]
    assert up == []


def test_every_allowed_upward_import_is_still_needed() -> None:
    edges = {(source, target) for source, target, _ in _edges()}
    assert sorted(set(_ALLOWED_UP) - edges) == []


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    found: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    counter = [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_of_any_kind() -> None:
    # The package's __init__ names everything lazily: it is the front door, not a participant.
    # The upward imports allowed above are hooks that load on use; they are the only way back.
    edges = {
        (source, target)
        for source, target, _ in _edges()
        if source != target
        and "__init__" not in (source, target)
        and (source, target) not in _ALLOWED_UP
    }
    assert _cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]


def test_the_queries_take_vocabulary_facts_from_the_vocabulary() -> None:
    # which place kinds a rating rates is a fact of the vocabulary (rightsdata.vocab.RATED),
    # not of the strict checks, which only the loading of a strict dataset runs
    reaching = [
        (name, line)
        for name, target, line in _edges()
        if name == "_data.query" and target == "_validation.strict"
    ]
    assert reaching == []


def test_private_by_name() -> None:
    # the public modules are the ones docs/api.md documents; everything else starts with "_"
    public = {name for name, _ in _modules() if not name.split(".")[-1].startswith("_")}
    public -= {name for name, _ in _modules() if name.split(".")[0].startswith("_")}
    assert public == {"vocab", "schema", "testing", "tables", "display", "plot", "textcard"}


def test_repository_generators_stay_out_of_the_package() -> None:
    # scripts/ writes schemas/ and the generated docs pages; the wheel ships src/rightsdata
    generators = {path.stem for path in (_PACKAGE.parent.parent / "scripts").glob("*.py")}
    assert generators >= {"schemagen", "docgen"}
    assert generators.isdisjoint(name.split(".")[-1] for name, _ in _modules())
