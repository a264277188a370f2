"""Every ``os.open`` of the package gives ``os.O_BINARY`` (0 but on Windows), without which
Windows opens a file in text mode: a read turns ``\\r\\n`` into ``\\n`` and stops at the byte
0x1A (tests/data/test_windows_files.py shows the loads, ``fmt`` and exports that do). Read
from the source, so that an ``os.open`` added anywhere is held to it too."""

from __future__ import annotations

import ast
from typing import Final

from conftest import ROOT

#: The functions whose ``os.open`` needs no O_BINARY, each with its reason.
_EXEMPT: Final = {"_sync_folder": "a folder, opened on POSIX alone, for its fsync"}


def test_every_os_open_gives_o_binary() -> None:
    found, missing = [], []
    for path in sorted((ROOT / "src" / "rightsdata").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            opens = [
                node
                for node in ast.walk(function)
                if isinstance(node, ast.Call)
                and ast.unparse(node.func) == "os.open"
                and node in _own_calls(function)
            ]
            if not opens or function.name in _EXEMPT:
                continue
            where = f"{path.relative_to(ROOT)}:{function.name}"
            found.append(where)
            if "O_BINARY" not in ast.unparse(function):
                missing.append(where)
    assert len(found) >= 5, found  # (the search finds them)
    assert missing == []


def _own_calls(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    """The calls in ``function`` that are not in a function nested in it."""
    nested = {
        id(node)
        for inner in ast.walk(function)
        if inner is not function and isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(inner)
    }
    return [node for node in ast.walk(function) if id(node) not in nested]
