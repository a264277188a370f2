"""The two ways a CSV table is read back (rightsdata._tables.csvtables): a column at a time
(``_rows_by_column``, each distinct text read once) and row by row (``_rows``, which finds
and tells what is wrong). Wherever the first gives rows, they are the second's; wherever it
gives none, ``parse`` raises what the row-wise read raises; and ``read_column`` reads what
``read_cell`` reads, cell by cell."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata._data.canonical import without_empty_fields
from rightsdata._model.records import RECORD_TYPES
from rightsdata._tables.cells import read_cell, read_column
from rightsdata._tables.csvtables import _rows, _rows_by_column, parse, render
from rightsdata.tables import TABLES, Column, Row, documents_from_rows, rows

from conftest import examples

#: Texts that are a value of some column and not of others, or of none: a cell is replaced
#: by one of them.
TRICKY = [
    "",
    "0",
    "15",
    "015",
    "-3",
    " 15",
    "\uff11\uff15",  # (full-width digits)
    "1.5",
    "1e-05",
    "nan",
    "2012-01-26",
    "2012-13-01",
    "20120126",
    "2012",
    "2012-01-26/2012-02",
    "P3Y",
    "3 years",
    '["date", "places"]',
    "[1]",
    "person:vladimir-kozlov",
    "person:Bad ID",
    "event:kozlov-charged-2012",
    "=HYPERLINK(1)",
    "'=x",
    "''=x",
    "'ok",
    "arrested",
    "arested",
    'a "quoted", text',
    "a line\r\nbreak",
]
#: Tables with a column of each type: days, counts, numbers, lists, terms, IDs, EDTF dates.
NAMES = ["events", "events.charges", "figures", "citations", "places", "persons", "redirects"]


def _dataset_rows() -> dict[str, list[Row]]:
    dataset = rightsdata.load()
    return {name: list(rows(dataset, TABLES[name]))[:40] for name in NAMES}


BASE = _dataset_rows()


def _outcome(read: Callable[[], list[Row]]) -> tuple[str, object]:
    """What calling ``read`` gives: its rows, or its error's type and words."""
    try:
        return "rows", read()
    except (ValueError, TypeError) as error:
        return type(error).__name__, str(error)


def _row_wise(name: str, text: str, formulas: str) -> tuple[str, object]:
    """What :func:`parse` with the row-wise read alone gives (the read before the other)."""
    table = TABLES[name]
    reader = csv.reader(io.StringIO(text, newline=""))

    def read() -> list[Row]:
        try:
            return _rows(table, reader, formulas == "escape", f"{name}.csv")
        except csv.Error as error:
            raise ValueError(f"csv: {error}") from None

    return _outcome(read)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.sampled_from(NAMES),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 30), st.sampled_from(TRICKY)), max_size=3
    ),
    st.sampled_from(["none", "drop_field", "add_field", "blank_line", "header"]),
    st.sampled_from(["escape", "keep"]),
)
@example("events", [(2, 3, "'=x")], "none", "escape")  # (a title whose escape is undone)
@example("events", [(2, 3, "'=x")], "none", "keep")
@example("events", [(2, 0, "person:Bad ID"), (9, 4, "2012-13-01")], "none", "escape")
@example("figures", [(5, 4, "015"), (1, 9, "x")], "add_field", "escape")
def test_both_reads_give_the_same_rows_or_the_same_error(
    name: str, edits: list[tuple[int, int, str]], shape: str, formulas: str
) -> None:
    table = TABLES[name]
    found = [list(row) for row in BASE[name]]
    lines = render(table, [tuple(row) for row in found], formulas).split("\r\n")
    fields = [next(csv.reader([line])) if line else [] for line in lines]
    for row, column, text in edits:
        if 0 < row + 1 < len(fields) and fields[row + 1]:
            fields[row + 1][column % len(table.columns)] = text
    if shape == "drop_field" and len(fields) > 3:
        fields[3] = fields[3][:-1]
    elif shape == "add_field" and len(fields) > 3:
        fields[3] = [*fields[3], "x"]
    elif shape == "blank_line":
        fields.insert(2, [])
    elif shape == "header":
        fields[0] = list(reversed(fields[0]))
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(fields)
    text = buffer.getvalue()
    fast = _rows_by_column(table, text, formulas == "escape")
    slow = _row_wise(name, text, formulas)
    if fast is not None:
        assert slow == ("rows", fast)
    whole = _outcome(lambda: parse(table, text, formulas))
    if slow[0] == "rows":  # (or a derived cell that disagrees, checked after either read)
        assert whole == slow or whole[0] == "InvalidDataError"
    elif not str(slow[1]).startswith("csv: "):  # (parse words the csv module's errors)
        assert whole == slow


@pytest.mark.parametrize("name", list(TABLES))
def test_read_column_reads_what_read_cell_reads(name: str) -> None:
    table = TABLES[name]
    for column in table.columns:
        texts = [t for t in TRICKY if _reads(column, t)]
        assert read_column(column, texts) == [read_cell(column, t) for t in texts]
        wrong = [t for t in TRICKY if not _reads(column, t)]
        for text in wrong:
            with pytest.raises(ValueError, match=re.escape(_said(column, text))):
                read_column(column, [*texts, text])


def _reads(column: Column, text: str) -> bool:
    return _said(column, text) == ""


def _said(column: Column, text: str) -> str:
    """What :func:`read_cell` says of ``text`` in ``column`` ("" if it reads it)."""
    try:
        read_cell(column, text)
    except ValueError as error:
        return str(error)
    return ""


def test_documents_read_back_keep_the_canonical_order_of_fields() -> None:
    dataset = rightsdata.load()
    documents, _ = documents_from_rows({name: rows(dataset, name) for name in TABLES})
    assert json.dumps(documents) == json.dumps(dataset.to_dict())  # (the keys' order too)
    canonical = {
        kind: [without_empty_fields(RECORD_TYPES[kind], d) for d in found]
        for kind, found in documents.items()
    }  # (what the documents were made with before they were built in canonical form)
    assert json.dumps(documents) == json.dumps(canonical)
