"""Type checking as a downstream user meets it: mypy --strict on example files and the docs.

tests/typing/typed_access.py must check clean; tests/typing/untyped_access.py must give
exactly the errors marked on its lines; the Python examples of README and of the pages a
reader copies from (quickstart, loading, queries, concepts; exports, pandas and plotting, with
the libraries they use) must check clean. And what
type checkers read is what runs: the package's lazily imported names are the ones imported
for type checkers, and the overloads by kind name cover every kind, each with its class.
"""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
import tomllib
import typing
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis.strategies import SearchStrategy

import rightsdata
import rightsdata.testing
from rightsdata._data.collection import Collection
from rightsdata._data.dataset import Dataset
from rightsdata._model.records import KINDS, RECORD_TYPES, Record
from rightsdata._validation.convert import structure

from conftest import ROOT

TYPING = ROOT / "tests" / "typing"
ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")
MARK = re.compile(r"# error: (?P<code>[a-z-]+)")


#: The pages whose Python examples a reader copies into code of their own: each must
#: type-check as written under ``mypy --strict`` (quickstart.md's first lookup gave 14
#: union-attr errors, loading.md's record built in Python passed text where its fields take
#: terms and an EDTF). exports.md, pandas.md and plotting.md use pandas', pyarrow's and
#: matplotlib's own APIs too: matplotlib's types (its own) hold, pandas and pyarrow are Any
#: (:data:`MYPY_OVERRIDES`).
COPIED_PAGES: Final = (
    "README.md",
    "docs/quickstart.md",
    "docs/loading.md",
    "docs/queries.md",
    "docs/concepts.md",
    "docs/exports.md",
    "docs/pandas.md",
    "docs/plotting.md",
)

#: What this test's mypy config adds to the project's ([tool.mypy], whose ``files`` it drops):
#: pandas, pyarrow and jsonschema, which ship no types of their own, are Any, not read from the
#: stub packages a developer may have installed (pandas-stubs, pyarrow-stubs and
#: types-jsonschema are in the dev extra, not the test extra, so that the README's test command
#: found ``import jsonschema`` untyped where CI did not; and the stubs refuse ordinary calls:
#: ``read_csv(path, **options)``, ``ChunkedArray.dtype``); the pages' examples are held to
#: rightsdata's types, not theirs.
MYPY_OVERRIDES: Final = """
[mypy-pandas,pandas.*,pyarrow,pyarrow.*,jsonschema,jsonschema.*]
follow_imports = skip
follow_imports_for_stubs = True
ignore_missing_imports = True
"""

#: The errors a page's example may give for a reason outside rightsdata, by page and error
#: code: the statement's text that gives it, and why it cannot be written to check.
UNCHECKABLE: Final = {
    ("docs/plotting.md", "no-untyped-call"): (
        "num2date(",
        "matplotlib.dates has no annotations: under --strict any call of it is an error",
    ),
}


def mypy_config(folder: Path) -> Path:
    """The project's mypy config (pyproject.toml's [tool.mypy], less its ``files``) with
    :data:`MYPY_OVERRIDES`, as an ini file in ``folder``."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        project: dict[str, Any] = tomllib.load(file)["tool"]["mypy"]
    assert "overrides" not in project, "merge the project's overrides here"
    settings = [f"{key} = {value}" for key, value in project.items() if key != "files"]
    path = folder / "mypy.ini"
    path.write_text("\n".join(["[mypy]", *settings, MYPY_OVERRIDES]), encoding="utf-8")
    return path


def page_examples(page: str) -> str:
    """A page's ```python blocks as one module: a doctest block's statements (its lines with a
    ``>>>`` or ``...`` prompt, the prompt removed; the output lines left out), and a block
    without a prompt (a program to copy, as loading.md's loop over ``validate``) whole."""
    text = (ROOT / page).read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        if not any(
            line.startswith((">>> ", "... ")) or line in (">>>", "...")
            for line in block.splitlines()
        ):
            lines += block.splitlines()
            continue
        for line in block.splitlines():
            if line.startswith((">>> ", "... ")):
                lines.append(line[4:])
            elif line in (">>>", "..."):
                lines.append("")
    return "\n".join(lines) + "\n"


def examples_module(page: str) -> str:
    """The name of the module of ``page``'s examples: ``quickstart_examples.py``."""
    return Path(page).stem.lower() + "_examples.py"


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str]]]:
    """mypy --strict on the example files and the copied pages' examples, in one run: errors
    by file."""
    folder = tmp_path_factory.mktemp("pages")
    pages = []
    for page in COPIED_PAGES:
        pages.append(folder / examples_module(page))
        pages[-1].write_text(page_examples(page), encoding="utf-8")
    files = [TYPING / "typed_access.py", TYPING / "untyped_access.py", *pages]
    config = ["--config-file", str(mypy_config(folder))]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *config, "--strict", "--no-error-summary", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    # 2 would be a crash or bad usage; anything on stderr (no mypy at all) is not a verdict
    assert result.returncode in (0, 1) and not result.stderr.strip(), result.stderr
    errors: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            errors[Path(match["path"]).name].append((int(match["line"]), match["code"]))
        else:
            assert ": note: " in line, line  # every line is an error or a note on one
    return errors


def test_typed_access_checks_clean(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    assert mypy_errors["typed_access.py"] == []


def test_untyped_access_gives_the_marked_errors(
    mypy_errors: dict[str, list[tuple[int, str]]],
) -> None:
    source = (TYPING / "untyped_access.py").read_text(encoding="utf-8").splitlines()
    expected = [
        (number, match["code"])
        for number, line in enumerate(source, start=1)
        if (match := MARK.search(line))
    ]
    assert len(expected) == 42
    assert sorted(set(mypy_errors["untyped_access.py"])) == expected


@pytest.mark.parametrize("page", COPIED_PAGES)
def test_the_examples_a_reader_copies_check_clean(
    page: str, mypy_errors: dict[str, list[tuple[int, str]]]
) -> None:
    examples = page_examples(page)
    assert "rightsdata.load(" in examples  # the extraction found the examples
    lines = examples.splitlines()
    errors = [
        (number, code, lines[number - 1])
        for number, code in mypy_errors[examples_module(page)]
        if UNCHECKABLE.get((page, code), ("\0",))[0] not in lines[number - 1]
    ]
    assert errors == []


def test_type_checkers_see_every_public_name_where_it_is_loaded_from() -> None:
    """The lazy ``__getattr__`` is hidden from type checkers (so that a name rightsdata does
    not have is an error, not Any): every public name must be imported for them instead,
    from the module the lazy import loads it from."""
    tree = ast.parse((ROOT / "src" / "rightsdata" / "__init__.py").read_text(encoding="utf-8"))
    for_checkers: dict[str, str] = {}
    eager: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                for alias in statement.names:
                    for_checkers[alias.asname or alias.name] = statement.module
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rightsdata"):
            eager.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.FunctionDef):
            assert node.name != "__getattr__", "a module __getattr__ type checkers can see"
    lazy: dict[str, str] = rightsdata._LAZY
    assert for_checkers.pop("__version__") == "rightsdata._version"
    # the public modules, imported when named (not in __all__: a star import imports none)
    submodules: tuple[str, ...] = rightsdata._SUBMODULES
    assert {name: for_checkers.pop(name) for name in submodules} == dict.fromkeys(
        submodules, "rightsdata"
    )
    assert for_checkers == lazy
    assert set(for_checkers) | eager | {"__version__"} == set(rightsdata.__all__)
    with pytest.raises(AttributeError, match="module 'rightsdata' has no attribute 'lod'"):
        rightsdata.lod  # type: ignore[attr-defined]  # noqa: B018


def _kind_overloads(function: Callable[..., Any]) -> dict[str, Any]:
    """Each overload's return type by the kind name it takes (``KindName`` for the fallback,
    which takes any kind: a misspelt one, or any ``str``, matches none)."""
    found: dict[str, Any] = {}
    for overload in typing.get_overloads(function):
        hints = typing.get_type_hints(overload)
        kinds = typing.get_args(hints["kind"])
        if kinds == KINDS:
            found["KindName"] = hints["return"]
        else:
            (kind,) = kinds
            found[kind] = hints["return"]
    return found


def test_the_overloads_by_kind_name_cover_every_kind_with_its_class() -> None:
    by_structure = _kind_overloads(structure)
    assert list(by_structure) == [*KINDS, "KindName"]
    assert by_structure == {**RECORD_TYPES, "KindName": Record}
    by_records = _kind_overloads(rightsdata.testing.records)
    # each SearchStrategy[cls] (compared by its parts: a type checker reads X[cls] as a type)
    assert {kind: (typing.get_origin(t), typing.get_args(t)) for kind, t in by_records.items()} == {
        kind: (SearchStrategy, (cls,)) for kind, cls in by_structure.items()
    }
    # each overload takes every keyword the function does (two lacked strict=)
    taken = inspect.signature(rightsdata.testing.records).parameters
    for overload in typing.get_overloads(rightsdata.testing.records):
        assert list(inspect.signature(overload).parameters) == list(taken)
    ds = rightsdata.load()
    by_collection = _kind_overloads(Dataset.collection)
    assert list(by_collection) == [*KINDS, "KindName"]
    assert by_collection.pop("KindName") == Collection[Record]
    for kind, returned in by_collection.items():
        assert kind in KINDS
        collection = ds.collection(kind)
        if typing.get_origin(returned) is Collection:  # Collection[Person]
            assert type(collection) is Collection
            assert typing.get_args(returned) == (RECORD_TYPES[kind],)
        else:  # EventCollection, a Collection[Event]
            assert type(collection) is returned
            bases = vars(returned)["__orig_bases__"]
            assert [(typing.get_origin(b), typing.get_args(b)) for b in bases] == [
                (Collection, (RECORD_TYPES[kind],))
            ]


def test_each_literal_type_of_names_is_its_set() -> None:
    """The ``Literal`` types that make a misspelt selector a type error are written out (a
    type checker reads no computed set): each must be its set, in its order, or a correct
    name would be an error to mypy, or a wrong one pass."""
    import rightsdata.tables
    import rightsdata.vocab
    from rightsdata.schema import SchemaName

    assert typing.get_args(rightsdata.KindName) == KINDS == tuple(RECORD_TYPES)
    # (TableName is the kinds' tables, KindName, and the others: the same set, in another order)
    tables = typing.get_args(rightsdata.tables.TableName)
    assert sorted(tables) == sorted(rightsdata.tables.TABLES) and len(set(tables)) == len(tables)
    assert typing.get_args(rightsdata.tables.FormatName) == tuple(rightsdata.tables.FORMATS)
    options = rightsdata.tables.FORMULA_OPTIONS
    schemas = [name for part in typing.get_args(SchemaName) for name in typing.get_args(part)]
    assert sorted(schemas) == sorted(("common", *KINDS, "redirects", "datapackage"))
    assert typing.get_args(rightsdata.tables.FormulaOption) == options
    # a format's version: those this rightsdata reads
    from rightsdata._values.format import READABLE, FormatVersion

    assert typing.get_args(FormatVersion) == READABLE
    format_property = vars(rightsdata.Dataset)["format"]
    assert isinstance(format_property, property)
    assert typing.get_type_hints(format_property.fget)["return"] == FormatVersion
    # a Table's own name is typed so too: ds.to_pandas(table.name) checks
    assert typing.get_type_hints(rightsdata.tables.Table)["name"] == rightsdata.tables.TableName
    values = {
        name.removesuffix("Value"): getattr(rightsdata.vocab, name)
        for name in rightsdata.vocab.__all__
        if name.endswith("Value")
    }
    assert sorted(values) == ["EventKind", "FigureUnit", "Measure", "Role", "StatementKind"]
    for vocabulary, literal in values.items():
        terms = getattr(rightsdata.vocab, vocabulary)
        assert typing.get_args(literal) == tuple(term.value for term in terms), vocabulary
