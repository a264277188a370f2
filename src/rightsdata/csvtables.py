"""The tables as CSV text, and back (the ``csv`` and ``datapackage`` exports).

RFC 4180 CSV: UTF-8 without a byte-order mark, a header row of column names, ``\\r\\n`` line
ends, fields quoted only where needed. An empty cell is null (no text field may be empty, so
this is unambiguous); whole numbers in decimal; days as ``YYYY-MM-DD``; a citation's
``fields`` as a JSON array (``["date", "places"]``; an empty cell where it is null).

>>> import rightsdata
>>> from rightsdata.tables import get_table, rows
>>> table = get_table("events.charges")
>>> text = render(table, rows(rightsdata.load(), table))
>>> print(text.splitlines()[1])
event:kozlov-charged-2012,0,law:kz-cc-1997-164,person:vladimir-kozlov
>>> parse(table, text) == list(rows(rightsdata.load(), table))
True
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from rightsdata.tables import TABLES, Cell, Column, ColumnType, Row, Table

__all__ = ["cell_text", "parse", "read_directory", "render"]

_INTEGERS: Final = (ColumnType.COUNT, ColumnType.POSITION)


def cell_text(value: Cell) -> str:
    """One cell as CSV text.

    >>> [cell_text(v) for v in (None, 15, datetime.date(2012, 1, 26), ("date", "places"))]
    ['', '15', '2012-01-26', '["date", "places"]']
    """
    if value is None:
        return ""
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _cell(column: Column, text: str) -> Cell:
    if text == "":
        return None
    if column.type in _INTEGERS:
        return int(text)
    if column.type is ColumnType.DAY:
        return datetime.date.fromisoformat(text)
    if column.type is ColumnType.TEXT_LIST:
        items = json.loads(text)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"column {column.name!r}: expected a JSON array of text: {text!r}")
        return tuple(items)
    return text


def render(table: Table, rows: Iterable[Row]) -> str:
    """The CSV text of ``table`` with ``rows``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.column_names)
    writer.writerows([cell_text(value) for value in row] for row in rows)
    return buffer.getvalue()


def parse(table: Table, text: str) -> list[Row]:
    """The rows of ``table``'s CSV text, typed by its columns (the inverse of :func:`render`).

    A header that does not match the table's columns raises ValueError.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != table.column_names:
        raise ValueError(
            f"table {table.name!r}: expected the columns {', '.join(table.column_names)}; "
            f"got {', '.join(header or [])}"
        )
    columns = table.columns
    return [tuple(_cell(c, t) for c, t in zip(columns, line, strict=True)) for line in reader]


def read_directory(directory: Path) -> dict[str, list[Row]]:
    """The rows of every table whose CSV file (``<table>.csv``) is in ``directory``."""
    found = {}
    for name, table in TABLES.items():
        path = directory / f"{name}.csv"
        if path.is_file():
            found[name] = parse(table, path.read_bytes().decode("utf-8"))
    return found
