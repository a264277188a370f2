"""rightsdata._tables.cells: a CSV table's cells read back take only the text the export
writes for each column type, and any other text is refused in plain words (never Python's:
``invalid literal for int()``, ``Invalid isoformat string``), located by
``read_directory`` to the file, line and column."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

import rightsdata
from rightsdata._tables.cells import cell_reader, read_cell
from rightsdata.tables import TABLES, ColumnType, read_directory, rows

#: (table, column, cell, the message's words) for each column type.
REFUSED = [
    ("figures", "low", "15.0", "expected a whole number of 0 or more in the digits 0-9 alone"),
    ("figures", "low", "abc", "(as 15); got 'abc'"),
    ("figures", "low", "1e3", "got '1e3'"),
    ("figures", "low", " 15", "got ' 15' (white space around it)"),
    ("figures", "low", "\uff10\uff11", "got '\uff10\uff11' (digits other than 0-9)"),
    ("figures", "low", "+5", "got '+5'"),
    ("figures", "low", "1_000", "got '1_000'"),
    ("figures", "low", "015", "'015' has a leading zero; write 15"),
    ("figures", "low", "-1", "'-1' is negative; counts start at 0"),
    ("figures", "low", "9" * 5000, "a number of 5,000 digits is larger than the largest count"),
    ("figures", "position", "1.0", "expected a whole number"),
    ("places", "coordinates_latitude", "nan", "expected a number as JSON writes it"),
    ("places", "coordinates_latitude", "inf", "got 'inf'"),
    ("places", "coordinates_latitude", " 43.2", "got ' 43.2' (white space around it)"),
    ("places", "coordinates_latitude", "4\uff13", "(digits other than 0-9)"),
    ("places", "coordinates_latitude", "1e999", "'1e999' is outside the range of numbers"),
    ("events", "date_earliest", "x", "expected a day as YYYY-MM-DD (as 2012-01-26); got 'x'"),
    ("events", "date_earliest", "20120126", "expected a day as YYYY-MM-DD"),
    ("events", "date_earliest", "2012-13-01", "'2012-13-01' is not a day: month 13 does not"),
    ("events", "date_earliest", "2012-02-30", "day 30 does not exist in 2012-02"),
    ("events", "date_earliest", "0000-01-01", "'0000-01-01' is not a day: year 0000"),
    ("events", "date_earliest", "\uff12012-01-26", "(digits other than 0-9)"),
    ("citations", "fields", "x", 'expected a JSON array of text (as ["date", "places"])'),
    ("citations", "fields", "[1]", "got '[1]'"),
    ("citations", "fields", ' ["date"]', "(white space around it)"),
    ("events", "kind", "verdictt", "'verdictt' is none of the column's terms; did you mean"),
    ("events", "kind", " arrest", "' arrest' (white space around it) is none of"),
    ("records", "kind", "eventz", "did you mean 'events'?"),
    ("events", "id", "event:a_b", "'event:a_b' is not an id (kind:slug"),
    ("events", "id", "person:x", "'person:x' names 'person'; expected an event"),
    ("events", "date", " 2012", "' 2012' is not an EDTF date: leading or trailing whitespace"),
    ("events", "penalty_term", "P7Y ", "'P7Y ' is not a canonical ISO 8601 duration"),
]


@pytest.mark.parametrize(("table", "column", "text", "words"), REFUSED)
def test_a_cell_the_export_never_writes_is_refused_in_plain_words(
    table: str, column: str, text: str, words: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(words)) as caught:
        read_cell(TABLES[table].column(column), text)
    message = str(caught.value)
    for python in ("invalid literal", "isoformat", "must be in", "could not convert", "Exceeds"):
        assert python not in message


@pytest.mark.parametrize(("table", "column", "text", "words"), REFUSED[:1] + REFUSED[16:19])
def test_read_directory_names_the_file_line_and_column_of_a_bad_cell(
    table: str, column: str, text: str, words: str, tmp_path: Path
) -> None:
    rightsdata.load().export(tmp_path, "csv")
    path = tmp_path / f"{table}.csv"
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    lines[3][lines[0].index(column)] = text
    buffer = io.StringIO()
    csv.writer(buffer).writerows(lines)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        read_directory(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (f"{table}.csv", 4, column)
    assert f"table {table!r}, line 4, column {column!r}: " in problem.message
    assert words in problem.message


def test_every_cell_the_export_writes_reads_back_as_its_value() -> None:
    """The canonical forms are accepted: every cell of the bundled dataset's tables, and
    numbers as JSON writes them (an integer for a whole number of degrees)."""
    from rightsdata._tables.csvtables import cell_text

    dataset = rightsdata.load()
    for table in TABLES.values():
        readers = [cell_reader(c) for c in table.columns]
        for row in rows(dataset, table):
            texts = [cell_text(v) for v in row]
            assert tuple(read(t) for read, t in zip(readers, texts, strict=True)) == row
    latitude = TABLES["places"].column("coordinates_latitude")
    assert [read_cell(latitude, t) for t in ("43", "-0.5", "1e-05", "1E+16")] == [
        43.0,
        -0.5,
        1e-05,
        1e16,
    ]
    assert read_cell(latitude, "") is None
    assert {c.type for t in TABLES.values() for c in t.columns} == set(ColumnType)
