"""The package's layers: imports flow one way, from values to the model, to validation, to
the dataset and its queries, to tables and exports, to display, to the command line; and no
module imports, however indirectly, one that imports it.

Read from the source with :mod:`ast`, so function-local imports count too. The few imports
that go up are listed in ``_ALLOWED_UP``, each with the reason: an optional extra that loads
only when its feature is used, or a documented hook.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "rightsdata"

#: Each module's layer, lowest first. A module may import only from its own layer or below.
LAYERS: dict[str, int] = {
    # 0 values: the words and scalar values every other layer uses
    **dict.fromkeys(
        [
            "errors",
            "vocab",
            "ids",
            "dates",
            "durations",
            "_conversion",
            "_codegen",
            "_typing",
            "_format",
            "_extras",
            "_version",
            "_resources",
            "_gcpause",
            "search",
        ],
        0,
    ),
    # 1 the model: field specs, generated checks, the record classes, strategies for them
    **dict.fromkeys(["_validators", "_checkgen", "model"], 1),
    # 2 validation: the fast path, the converter, integrity, JSON Schemas, and the
    # strategies that build valid records and documents
    **dict.fromkeys(
        [
            "_bulkcheck",
            "_walks",
            "fastpath",
            "convert",
            "integrity",
            "schema",
            "testing",
        ],
        2,
    ),
    # 3 the dataset and its queries, and reading and writing dataset folders
    **dict.fromkeys(
        [
            "loading",
            "dataset",
            "collection",
            "indexes",
            "query",
            "_registry",
            "canonical",
        ],
        3,
    ),
    # 4 projections: tables and exports
    **dict.fromkeys(
        ["tables", "frames", "arrow", "csvtables", "tablepackage", "fromtables", "export"], 4
    ),
    # 5 display: cards, labels, plots
    **dict.fromkeys(["_text", "_cards", "_marks", "display", "plot"], 5),
    # 6 the command line, and the package's front door
    **dict.fromkeys(["cli", "__main__", "__init__"], 6),
}

#: Imports that go up a layer, each for a reason the layering accepts.
_ALLOWED_UP: dict[tuple[str, str], str] = {
    ("model", "display"): "records' _repr_html_: the notebook hook, loaded when Jupyter asks",
    ("dataset", "display"): "Dataset._repr_html_: the notebook hook",
    ("dataset", "frames"): "Dataset.to_pandas: the pandas extra",
    ("dataset", "export"): "Dataset.export: writes files in the formats of the extras",
    ("dataset", "plot"): "Dataset.plot_timeline: the plot extra",
}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(_PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(_PACKAGE).with_suffix("").parts)
        yield name, path


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """(imported rightsdata module, line) for every import in ``path``, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "rightsdata":
                for alias in node.names:
                    if f"{alias.name}" in LAYERS:
                        yield alias.name, node.lineno
                    else:
                        yield "__init__", node.lineno
            elif node.module.startswith("rightsdata."):
                yield node.module.removeprefix("rightsdata."), node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("rightsdata."):
                    yield alias.name.removeprefix("rightsdata."), node.lineno
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            continue  # the package's lazy names: checked by test_every_lazy_name_is_public


def _edges() -> list[tuple[str, str, int]]:
    return [(name, target, line) for name, path in _modules() for target, line in _imports(path)]


def test_every_module_has_a_layer() -> None:
    assert sorted(name for name, _ in _modules() if name not in LAYERS) == []


def test_imports_flow_down() -> None:
    up = [
        f"{source}:{line} imports {target} (layer {LAYERS[source]} -> {LAYERS[target]})"
        for source, target, line in _edges()
        if target in LAYERS
        and LAYERS[target] > LAYERS[source]
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
        for nxt in graph.get(node, ()):
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
    # The package's __init__ names everything lazily; it is the front door, not a participant.
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


def test_repository_generators_stay_out_of_the_package() -> None:
    # scripts/ writes schemas/, the generated docs pages and the compiled walks; the wheel
    # ships src/rightsdata only.
    generators = {path.stem for path in (_PACKAGE.parent.parent / "scripts").glob("*.py")}
    assert generators >= {"schemagen", "docgen"}
    assert generators.isdisjoint(name for name, _ in _modules())
