"""docs/exports.md's advice to readers outside rightsdata holds: pandas with every column read
as text gives each CSV cell back as written (``NA``, Namibia's code, and ``3.10`` included),
its list of the columns to convert names exactly the tables' counts, positions, numbers and
days, and the regular expression it gives undoes the formula escape as ``unescape_formula``
does."""

from __future__ import annotations

import ast
import csv
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata.tables import TABLES, ColumnType, escape_formula, unescape_formula

from conftest import ROOT

PAGE = ROOT / "docs" / "exports.md"

#: Texts that a reader's guessing or its missing values would change.
RISKY = ("NA", "N/A", "null", "NaN", "None", "#N/A", "TRUE", "3.10", "0012", "1e5", "2019-04")


def _documented_whole() -> set[str]:
    """The counts and positions the page's ``read_table`` converts to ``Int64``."""
    found = re.search(r">>> WHOLE = (\{.*?\})\n", PAGE.read_text(encoding="utf-8"), re.S)
    assert found is not None
    literal = found.group(1).replace("\n...", "\n")
    whole = ast.literal_eval(literal)
    assert isinstance(whole, set)
    return {str(name) for name in whole}


def test_the_page_converts_every_count_position_number_and_day() -> None:
    by_type: dict[ColumnType, set[str]] = {}
    for table in TABLES.values():
        for column in table.columns:
            by_type.setdefault(column.type, set()).add(column.name)
    assert _documented_whole() == by_type[ColumnType.COUNT] | by_type[ColumnType.POSITION]
    assert by_type[ColumnType.NUMBER] == {"coordinates_latitude", "coordinates_longitude"}
    days = by_type[ColumnType.DAY]
    assert all(name.endswith(("_earliest", "_latest")) for name in days)
    others = set().union(*(names for kind, names in by_type.items() if kind is not ColumnType.DAY))
    assert not {n for n in others if n.endswith(("_earliest", "_latest"))}


def _risky_dataset() -> rightsdata.Dataset:
    source = {"id": "source:s", "title": "S", "kind": "report", "language": "en"}
    cite = [{"source": "source:s"}]
    persons = [
        {"id": f"person:p{i}", "name": text, "country": "NA", "summary": text, "citations": cite}
        for i, text in enumerate(RISKY)
    ]
    laws = [
        {
            "id": "law:a",
            "instrument": "1993",
            "jurisdiction": "NA",
            "article": "3.10",
            "part": "-1",
            "citations": cite,
        }
    ]
    return rightsdata.load_documents({"sources": [source], "persons": persons, "laws": laws})


def _cells_as_written(path: Path) -> list[list[str | None]]:
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    return [[cell or None for cell in row] for row in rows[1:]]


@pytest.mark.parametrize("which", ["bundled", "risky"])
def test_pandas_reads_every_cell_as_written(which: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    ds = rightsdata.load() if which == "bundled" else _risky_dataset()
    ds.export(tmp_path, "csv")
    for table in TABLES:
        path = tmp_path / f"{table}.csv"
        read = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        cells: list[list[Any]] = read.astype(object).where(read.notna(), None).values.tolist()
        assert cells == _cells_as_written(path), table
        assert all(isinstance(c, str) for row in cells for c in row if c is not None), table


def test_converted_columns_hold_what_to_pandas_gives(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    ds = rightsdata.load()
    ds.export(tmp_path, "csv")
    whole = _documented_whole()
    for name, table in TABLES.items():
        read = pd.read_csv(
            tmp_path / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""]
        )
        typed = ds.to_pandas(name)
        for column in table.columns:
            if column.name in whole:
                got = read[column.name].astype("Int64")
            elif column.type is ColumnType.NUMBER:
                got = read[column.name].astype("Float64")
            elif column.name.endswith(("_earliest", "_latest")):
                got = read[column.name].astype("datetime64[s]")
            else:
                continue
            want = typed[column.name]
            assert got.isna().tolist() == want.isna().tolist(), (name, column.name)
            assert got.dropna().tolist() == want.dropna().tolist(), (name, column.name)


def test_namibia_is_missing_to_pandas_defaults_and_text_when_read_as_text(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    _risky_dataset().export(tmp_path, "csv")
    laws = pd.read_csv(tmp_path / "laws.csv")
    assert laws["jurisdiction"].isna().all() and laws["article"].tolist() == [3.1]
    laws = pd.read_csv(tmp_path / "laws.csv", dtype=str, keep_default_na=False, na_values=[""])
    assert laws[["jurisdiction", "article"]].values.tolist() == [["NA", "3.10"]]


def test_the_pages_regular_expression_undoes_the_escape() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "replace the regular expression `^'('*[-=+@\\t\\r])` with its group" in text
    assert """re.sub(r"^'('*[-=+@\\t\\r])", r"\\1",""" in text
    rule = re.compile(r"^'('*[-=+@\t\r])")
    alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", "\n", " "]
    for size in range(6):
        for letters in itertools.product(alphabet, repeat=size):
            written = "".join(letters)
            assert rule.sub(r"\1", escape_formula(written)) == written
            assert rule.sub(r"\1", written) == unescape_formula(written)
