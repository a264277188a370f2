"""Every text file a test opens names its encoding: without one, Python takes the locale's,
which on Windows is not UTF-8 (cp1252 and the like), so a test that writes or reads
Cyrillic, or compares a file's bytes, fails there though the library is right. Read from the
source (tests/, and the examples of docs/*.md and of the package's docstrings, which run as
doctests), so that an open added anywhere is held to it too, as
tests/project/test_binary_opens.py holds the package's ``os.open``."""

from __future__ import annotations

import ast
import doctest
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from conftest import ROOT

#: The calls named ``open`` that open no file: (file, the call's source) with the reason.
_NOT_FILES: Final = {("test_threads.py", "gate.open()"): "a gate the test opens"}

#: Modules whose ``open`` is no text file's (an archive's, a file descriptor's).
_OTHER_OPENS: Final = frozenset({"bz2", "gzip", "lzma", "os", "tarfile", "webbrowser", "zipfile"})


def missing_encoding(call: ast.Call) -> str | None:
    """What ``call`` opens as text without naming the encoding, or None: ``read_text()``,
    ``write_text(data)``, ``open(path)``, ``open(path, "w")``, ``path.open("a")``...; an
    ``open`` whose mode is not written out is taken for text (say the encoding, or open
    bytes).

    >>> def said(code: str) -> str | None:
    ...     call = ast.parse(code).body[0].value
    ...     return missing_encoding(call)
    >>> said("p.read_text()"), said("p.read_text('utf-8')"), said("p.write_text(t, 'utf-8')")
    ('read_text', None, None)
    >>> said("open(p, 'w')"), said("open(p, 'rb')"), said("p.open()"), said("p.open('wb')")
    ("open in mode 'w'", None, "open in mode 'r'", None)
    >>> said("io.open(p, mode)"), said("gzip.open(p)"), said("open(p, 'r', -1, 'utf-8')")
    ('open in mode mode', None, None)
    """
    function = call.func
    keywords = {keyword.arg for keyword in call.keywords}
    if "encoding" in keywords:
        return None
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name == "read_text" and isinstance(function, ast.Attribute):
        return None if call.args else "read_text"
    if name == "write_text" and isinstance(function, ast.Attribute):
        return None if len(call.args) > 1 else "write_text"
    if name != "open":
        return None
    # open(file, mode, buffering, encoding) and io.open; a path's open(mode, buffering, encoding)
    owner = function.value if isinstance(function, ast.Attribute) else None
    if isinstance(owner, ast.Name) and owner.id in _OTHER_OPENS:
        return None
    builtin = owner is None or (isinstance(owner, ast.Name) and owner.id == "io")
    at = 1 if builtin else 0
    mode: ast.expr = next(
        (keyword.value for keyword in call.keywords if keyword.arg == "mode"),
        call.args[at] if len(call.args) > at else ast.Constant("r"),
    )
    if len(call.args) > at + 2:  # (the encoding given by its place)
        return None
    if isinstance(mode, ast.Constant) and isinstance(mode.value, str):
        return None if "b" in mode.value else f"open in mode {mode.value!r}"
    return f"open in mode {ast.unparse(mode)}"


def _sources() -> Iterator[tuple[str, int, str]]:
    """Each piece of Python the tests run, with its file and first line: every file of
    tests/, and the examples of README.md, docs/*.md and the package's docstrings."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        yield str(path.relative_to(ROOT)), 1, path.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for example in parser.get_examples(path.read_text(encoding="utf-8")):
            yield str(path.relative_to(ROOT)), example.lineno + 1, example.source
    for path in sorted((ROOT / "src" / "rightsdata").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if ">>>" not in text or not _may_open(text):
            continue
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                continue
            docstring = ast.get_docstring(node, clean=False)
            if docstring is None or ">>>" not in docstring:
                continue
            start = node.body[0].lineno
            for example in parser.get_examples(docstring):
                yield str(path.relative_to(ROOT)), start + example.lineno, example.source


def _may_open(source: str) -> bool:
    """Whether ``source`` names a call the search looks for (most hold none: not parsed)."""
    return any(name in source for name in ("open", "read_text", "write_text"))


def _unnamed() -> list[str]:
    """Where a text file is opened without its encoding: ``file:line: what (the call)``."""
    found = []
    for file, first, source in _sources():
        if not _may_open(source):
            continue
        calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
        for node in calls:
            what = missing_encoding(node)
            if what is None:
                continue
            call = ast.unparse(node)
            if (Path(file).name, call) not in _NOT_FILES:
                line = first + node.lineno - 1
                found.append(f"{file}:{line}: {what} without encoding= ({call[:60]})")
    return found


def test_every_text_file_a_test_opens_names_its_encoding() -> None:
    assert _unnamed() == []


def test_the_search_finds_the_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    # (an open the search misses would pass the test above for ever)
    sources = [
        ("tests/x.py", 1, "p.write_text(t)\nopen(p, 'a')\np.read_text()\np.open('rb')"),
        ("docs/x.md", 5, "_ = p.write_text(t, 'utf-8')\n_ = json.loads(p.read_text())"),
        ("tests/test_threads.py", 1, "gate.open()"),
    ]
    monkeypatch.setattr(sys.modules[__name__], "_sources", lambda: iter(sources))
    assert [line.split(" without")[0] for line in _unnamed()] == [
        "tests/x.py:1: write_text",
        "tests/x.py:2: open in mode 'a'",
        "tests/x.py:3: read_text",
        "docs/x.md:6: read_text",
    ]
