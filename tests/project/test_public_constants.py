"""The public modules' constants are read-only: a caller cannot change what the library
writes or checks by changing one (``TABLES.pop("events.participants")`` once made a CSV
export drop that table without a word)."""

from __future__ import annotations

import importlib
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._model.records import RECORD_TYPES  # (what rightsdata.testing holds)
from rightsdata.tables import FORMATS, TABLES

from conftest import PUBLIC_MODULES

MUTABLE = (dict, list, set, bytearray)


def constants(module_name: str) -> Iterator[tuple[str, Any]]:
    """Every module-level value a caller can reach by a public name (``__all__`` aside)."""
    module = importlib.import_module(module_name)
    names = set(getattr(module, "__all__", ())) | {
        name for name in vars(module) if not name.startswith("_")
    }
    for name in sorted(names):
        value = getattr(module, name)
        if not isinstance(value, types.ModuleType):
            yield name, value


def test_the_public_modules_are_found() -> None:
    assert {"rightsdata.tables", "rightsdata.vocab", "rightsdata.testing"} <= set(PUBLIC_MODULES)
    assert "rightsdata.schema" in PUBLIC_MODULES and "rightsdata._version" not in PUBLIC_MODULES


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_no_public_constant_is_mutable(module_name: str) -> None:
    mutable = [
        f"{module_name}.{name} is a {type(value).__name__}"
        for name, value in constants(module_name)
        if isinstance(value, MUTABLE)
        or (isinstance(value, tuple | frozenset) and any(isinstance(v, MUTABLE) for v in value))
        or (isinstance(value, Mapping) and any(isinstance(v, MUTABLE) for v in value.values()))
    ]
    assert not mutable


@pytest.mark.parametrize(
    "constant", [TABLES, FORMATS, RECORD_TYPES], ids=["TABLES", "FORMATS", "RECORD_TYPES"]
)
def test_the_mappings_refuse_changes_and_read_as_before(constant: Mapping[str, Any]) -> None:
    first = next(iter(constant))
    with pytest.raises(TypeError):
        constant[first] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        del constant[first]  # type: ignore[attr-defined]
    for change in ("pop", "clear", "update", "setdefault", "popitem"):
        assert not hasattr(constant, change)
    assert dict(constant)[first] is constant[first] and len(constant) == len(dict(constant))


def test_an_export_writes_every_table(tmp_path: Path) -> None:
    written = rightsdata.load().export(tmp_path, "csv")
    assert sorted(p.stem for p in written if p.suffix == ".csv") == sorted(TABLES)
    assert [p.name for p in written if p.suffix != ".csv"] == ["README.txt"]  # (the licence)
    assert "events.participants" in TABLES and set(FORMATS) >= {"csv", "json", "jsonl"}
