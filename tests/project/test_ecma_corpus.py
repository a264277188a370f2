"""scripts/ecma_corpus.py writes its corpus as JSON Lines, a case to a line, for
scripts/check_schemas_ecma.mjs to read a line at a time (the corpus, some 570 MB, is more than
a string Node can hold, so a single JSON document of it could not be read)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "ecma_corpus.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ecma_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_a_case_to_a_line(tmp_path: Path) -> None:
    # each a case the checker must read whole from its line: line breaks of every kind, a
    # lone surrogate, an astral character, a number beyond a double
    awkward = ["a\nb", "a\r\nb", "a\u2028b", "a\u2029b", "\x85", "\ud800", "\U0001f600", "é"]
    cases: list[dict[str, Any]] = [
        {
            "kind": kind,
            "label": repr(text),
            "path": ["name"],
            "document": {"name": text},
            "schema": True,
            "model": False,
        }
        for kind, text in zip(["persons", "v2/persons"] * 4, awkward, strict=True)
    ]
    cases.append(
        {
            "kind": "events",
            "label": "big",
            "path": [],
            "document": {"n": 10**400},
            "schema": False,
            "model": False,
        }
    )
    out = tmp_path / "corpus.jsonl"
    counts = _script().write_corpus(iter(cases), out)
    assert dict(counts) == {"persons": 4, "v2/persons": 4, "events": 1}
    data = out.read_bytes()
    assert data.isascii() and data.endswith(b"\n")
    lines = data.decode("ascii").split("\n")[:-1]  # (as readline splits: \n, and \r\n)
    assert [json.loads(line) for line in lines] == cases
