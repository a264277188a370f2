"""The docstrings' examples type-check as a user copies them: mypy --strict on each docstring's
examples (those pytest runs as doctests, in every module of the package) as one file.

A doctest runs in its module's namespace, so an example may use a name of the module without
importing it (``Identifier(...)`` in Identifier's own docstring); its file imports each such
name first, from where a user imports it: a public name from its public module
(``from rightsdata import Identifier``), any other from the module that defines it. The runtime
takes text for a term and a date, and a list for a tuple, which ``mypy --strict`` refuses: an
example passes the term (``EventKind.DETENTION``), the ``EDTF`` and the tuple it is typed to
take, or, where it shows a refusal or the conversion of text itself, marks its line
``# type: ignore[code]`` (:data:`MARKED`).
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Final

import pytest

import rightsdata
from test_typing import mypy_config

from conftest import ROOT

ERROR: Final = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")
IGNORE: Final = re.compile(r"# type: ignore\[[a-z-]+(, *[a-z-]+)*\]")

#: The docstrings (by the name doctest gives them) with an example marked
#: ``# type: ignore[...]``, and why: kept rare, a new one is a choice to make here. (mypy
#: --strict reports a mark that no longer hides an error.)
MARKED: Final = {
    "rightsdata._data.dataset._Redirects": "shows the TypeError for a list as the key",
    "rightsdata._data.indexes.chronological_key": "shows the TypeError for an int",
    "rightsdata._tables.tables.get_table": "shows the ValueError for a table's wrong name",
    "rightsdata._values.durations.parse_duration": "shows the TypeError for an int",
    "rightsdata._display.plotdates": "matplotlib.dates has no annotations",
    # (the signature a type checker reads is the new one: it refuses the old keyword)
    "rightsdata._values.deprecation": "shows an old keyword still taken",
    "rightsdata._values.deprecation.renamed_keywords": "shows an old keyword given with its new",
}


@dataclass(frozen=True)
class Docstring:
    """One docstring's examples as a module mypy reads, and where each line came from."""

    name: str  # as doctest names it: rightsdata._model.records.Identifier
    module: str
    source: str  # the file's text: the imports of the module's names it uses, then the examples
    lines: tuple[int, ...]  # for each line of source, its line in the module's file


def modules() -> Iterator[ModuleType]:
    """The package and each of its modules, as pytest's ``--doctest-modules`` collects them
    (``__main__`` aside: importing it runs the CLI)."""
    yield rightsdata
    for found in pkgutil.walk_packages(rightsdata.__path__, "rightsdata."):
        if not found.name.endswith(".__main__"):
            yield importlib.import_module(found.name)


def public_homes() -> dict[int, tuple[str, str]]:
    """Each public object, by identity, with the module a user imports it from and its name
    there (the package first, then its public modules)."""
    homes = {id(getattr(rightsdata, name)): ("rightsdata", name) for name in rightsdata.__all__}
    for submodule in rightsdata._SUBMODULES:
        module = importlib.import_module(f"rightsdata.{submodule}")
        homes.setdefault(id(module), ("rightsdata", submodule))
        for name in module.__all__:
            homes.setdefault(id(getattr(module, name)), (module.__name__, name))
    return homes


def free_names(source: str) -> list[str]:
    """The names ``source`` reads and does not bind itself, in the order first read."""
    bound: set[str] = set()
    read: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                read.append(node.id)
            else:
                bound.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return [name for name in dict.fromkeys(read) if name not in bound]


def imports(source: str, module: ModuleType, homes: dict[int, tuple[str, str]]) -> list[str]:
    """The import of each name of ``module`` that ``source`` uses without importing it."""
    lines = []
    for name in free_names(source):
        if name not in vars(module) or name.startswith("__"):  # (__name__: every module has one)
            continue
        value = vars(module)[name]
        if id(value) in homes:
            where, public = homes[id(value)]
            alias = "" if public == name else f" as {name}"
            lines.append(f"from {where} import {public}{alias}")
        elif isinstance(value, ModuleType):
            lines.append(f"import {value.__name__} as {name}")
        else:
            defined = getattr(value, "__module__", None)
            if not (defined and getattr(sys.modules.get(defined), name, None) is value):
                defined = module.__name__  # a constant: of the module whose global it is
            lines.append(f"from {defined} import {name}")
    return lines


def docstrings() -> list[Docstring]:
    """Every docstring with examples, in every module, as a module of its own."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    homes = public_homes()
    found = []
    for module in modules():
        for test in finder.find(module, module.__name__):
            if not test.examples or test.lineno is None:
                continue
            head = test.lineno + 1  # the docstring's first line (doctest counts from 0)
            body = "".join(example.source for example in test.examples)
            lines = [  # (an example's text may hold a newline a string's \\n became)
                head + example.lineno + offset
                for example in test.examples
                for offset in range(example.source.count("\n"))
            ]
            prelude = imports(body, module, homes)
            source = "".join(f"{line}\n" for line in prelude) + body
            found.append(
                Docstring(test.name, module.__name__, source, (head,) * len(prelude) + (*lines,))
            )
    return found


def module_file(name: str) -> str:
    """The source file of module ``name``, from the repository's root."""
    path = Path(inspect.getfile(importlib.import_module(name))).resolve()
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def found() -> list[Docstring]:
    return docstrings()


@pytest.fixture(scope="module")
def mypy_errors(found: list[Docstring], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """mypy --strict on every docstring's file, in one run: each error located at the line
    of the module it came from, with the docstring's name."""
    folder = tmp_path_factory.mktemp("docstrings")
    files = {}
    for number, docstring in enumerate(found):
        path = folder / f"docstring_{number:04d}.py"
        path.write_text(docstring.source, encoding="utf-8")
        files[path] = docstring
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
    errors = []
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            # (by the file's name: mypy's cache may give the folder of an earlier run)
            docstring = files[folder / Path(match["path"]).name]
            at = docstring.lines[int(match["line"]) - 1]
            errors.append(
                f"{module_file(docstring.module)}:{at} ({docstring.name}): {match['message']}"
            )
        else:
            assert ": note: " in line, line  # every line is an error or a note on one
    return sorted(errors)


def test_the_examples_are_found(found: list[Docstring]) -> None:
    names = {docstring.name for docstring in found}
    assert {
        "rightsdata",
        "rightsdata._model.records.Identifier",
        "rightsdata._data.dataset.Dataset",
        "rightsdata.testing.events",
        "rightsdata._display.words.event_status",
    } <= names
    assert len(found) > 400
    identifier = next(d for d in found if d.name == "rightsdata._model.records.Identifier")
    assert identifier.source.startswith("from rightsdata import Identifier\n")


def test_every_docstring_example_checks_clean(mypy_errors: list[str]) -> None:
    assert mypy_errors == []


def test_the_marked_examples_are_the_listed_few(found: list[Docstring]) -> None:
    marked = {docstring.name for docstring in found if IGNORE.search(docstring.source)}
    assert marked == set(MARKED)
