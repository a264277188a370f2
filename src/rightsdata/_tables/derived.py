"""The derived columns of a table read back, held to the values they derive from.

A date's ``_earliest`` and ``_latest`` days and a duration's ``_days`` (``penalty_term_days``)
are written beside the value they derive from (``Column.source``) and are not read back: the
records are rebuilt from the values alone. A derived cell that disagrees with its value (the
date edited, its earliest day not) would be lost without a word; :func:`disagreement` finds
the first such row, so that :func:`rightsdata.tables.read_directory` and
:func:`rightsdata.tables.documents_from_rows` refuse it. An empty derived cell is taken: it
says nothing, and the records do not need it.

Each distinct combination of a value and its derived cells is checked once (a few thousand
dates in 100,000 events): the rows themselves are only gathered into a set, in C.

>>> import datetime
>>> from rightsdata.tables import TABLES
>>> events = TABLES["events"]
>>> row = dict.fromkeys(events.column_names)
>>> row.update(date="2012-01-26", date_earliest=datetime.date(2012, 1, 1))
>>> found = disagreement(events, [tuple(row.values())])
>>> assert found is not None
>>> index, column, message = found
>>> index, column.name
(0, 'date_earliest')
>>> print(message)
2012-01-01 disagrees with date '2012-01-26', whose first day is 2012-01-26: write 2012-01-26, \
or leave the cell empty (derived columns are not read back)
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable, Sequence
from typing import Any, Final

from rightsdata._tables.tables import Cell, Column, Row, Table
from rightsdata._values.errors import what_was_given

__all__ = ["derived_groups", "disagreement"]

#: What every message on a derived cell ends with when the cell may be emptied.
_OR_EMPTY: Final = "or leave the cell empty (derived columns are not read back)"


def derived_groups(table: Table) -> list[tuple[int, list[tuple[int, Column]]]]:
    """The index of each value column with derived columns in ``table``, and the index and
    column of each derived one."""
    groups: dict[int, list[tuple[int, Column]]] = {}
    where = {c.field: i for i, c in enumerate(table.columns) if c.field is not None}
    for index, column in enumerate(table.columns):
        if column.derive is not None:
            assert column.source is not None
            groups.setdefault(where[column.source], []).append((index, column))
    return list(groups.items())


def _day(value: object) -> object:
    """A day as a plain :class:`datetime.date` (a ``datetime`` or a subclass compared as its
    day)."""
    if isinstance(value, datetime.date) and type(value) is not datetime.date:
        return datetime.date(value.year, value.month, value.day)
    return value


def _expected(column: Column, source: str) -> tuple[bool, Any]:
    """Whether ``source`` (the value's text) could be read, and what ``column`` derives from
    it (None where the date's side is open or unknown)."""
    if column.derive == "days":
        from rightsdata._tables.tables import duration_days
        from rightsdata._values.durations import parse_duration

        try:
            return True, duration_days(parse_duration(source))
        except ValueError:
            return False, None
    from rightsdata._values.dates import EDTF

    try:
        date = EDTF.parse(source)
    except ValueError:
        return False, None
    ordinal = date._lo if column.derive == "earliest" else date._hi
    return True, None if ordinal is None else datetime.date.fromordinal(ordinal)


def _shown(value: Cell) -> str:
    """A derived cell as a message shows it: a day as the day it is (``2000-01-01``, a
    ``datetime`` too, compared as its day), a number of days as written, text as its
    ``repr``, anything else in words (``a float (1.5)``)."""
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, value.day).isoformat()
    if type(value) is int:
        return str(value)
    return repr(value) if isinstance(value, str) else what_was_given(value)


def _said(column: Column, source_column: Column, source: Cell, value: Cell) -> str | None:
    """What is wrong with ``value``, ``column``'s cell beside ``source`` (the value of
    ``source_column``); None if nothing is."""
    if value is None:
        return None
    shown = _shown(value)
    if source is None:
        return f"{shown} is given, but {source_column.name} is empty: leave the cell empty"
    if not isinstance(source, str):
        return None  # (a value of the wrong type is told by its own column)
    readable, expected = _expected(column, source)
    if not readable or _day(value) == expected:
        return None  # (a value that cannot be read is told as the record's field)
    of = f"{source_column.name} {source!r}"
    if column.derive == "days":
        return (
            f"{shown} disagrees with {of}, which is {expected} days: write {expected}, {_OR_EMPTY}"
        )
    side, end = ("first", "start") if column.derive == "earliest" else ("last", "end")
    if expected is None:
        return f"{shown} disagrees with {of}, whose {end} is open or unknown: leave the cell empty"
    day = expected.isoformat()
    return f"{shown} disagrees with {of}, whose {side} day is {day}: write {day}, {_OR_EMPTY}"


def disagreement(table: Table, rows: Sequence[Row]) -> tuple[int, Column, str] | None:
    """The first of ``rows`` (its index) with a derived cell that disagrees with the value it
    derives from, that cell's column and what is wrong, in words; None if every one agrees.
    The rows are ``table``'s, of its width."""
    found: list[tuple[int, int, Column, str]] = []
    for source_index, derived in derived_groups(table):
        source_column = table.columns[source_index]
        get: Callable[[Row], Any] = operator.itemgetter(source_index, *(i for i, _ in derived))
        bad: dict[tuple[Any, ...], tuple[int, Column, str]] = {}
        for combination in set(map(get, rows)):
            source, *values = combination
            for (index, column), value in zip(derived, values, strict=True):
                message = _said(column, source_column, source, value)
                if message is not None:
                    bad[combination] = (index, column, message)
                    break
        if bad:  # (only when wrong: the first row in order, whatever the set's order)
            row = next(i for i, r in enumerate(rows) if get(r) in bad)
            found.append((row, *bad[get(rows[row])]))
    if not found:
        return None
    row, _, column, message = min(found, key=operator.itemgetter(0, 1))
    return row, column, message
