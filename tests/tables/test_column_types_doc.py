"""docs/pandas.md's "Column types" table names the pandas dtype of every column type
(``Float64``, a place's latitude and longitude, was left out)."""

from __future__ import annotations

import re

import pytest

from rightsdata.tables import TABLES, ColumnType

from conftest import ROOT

PAGE = ROOT / "docs" / "pandas.md"


def _table_dtypes() -> set[str]:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("## Column types", 1)[1].split("\n\n", 2)[1]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| ")]
    return {dtype for row in rows[2:] for dtype in re.findall(r"`([^`]+)`", row[1])}


def test_every_column_types_dtype_is_in_the_table() -> None:
    pytest.importorskip("pandas")
    from rightsdata._tables.frames import dtype

    documented = _table_dtypes()
    for kind in ColumnType:
        if kind is ColumnType.TEXT_LIST:  # (object: told in words, tuples of text or None)
            continue
        column = next(c for t in TABLES.values() for c in t.columns if c.type is kind)
        assert str(dtype(column)) in documented, (kind, dtype(column), documented)
    assert "| a citation's `fields` | tuples of text" in PAGE.read_text(encoding="utf-8")
