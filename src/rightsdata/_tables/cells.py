"""The cells of a CSV table read back, by their column's type: only the text the export
writes for a value is that value, and any other text gets a message in plain words.

Python's own parsers take more than the export writes (``int(" 15")``, ``int()`` of full-width
digits and ``float("nan")`` are numbers to them, ``date.fromisoformat("20120126")`` a day) and, for
what they refuse, speak Python (``invalid literal for int() with base 10``). Here a count is
the digits 0-9 alone, a number JSON's number, a day ``YYYY-MM-DD``, a list a JSON array of
text, a term one of its column's terms, an ID, an EDTF date or a duration as the model
writes it; the message says what was expected and what the cell holds, and
:func:`rightsdata._tables.csvtables.parse` puts the file, line and column in front of it.

>>> from rightsdata.tables import TABLES
>>> read_cell(TABLES["figures"].column("low"), "15")
15
>>> read_cell(TABLES["figures"].column("low"), "15.0")
Traceback (most recent call last):
...
ValueError: expected a whole number of 0 or more in the digits 0-9 alone (as 15); got '15.0'
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable, Sequence
from typing import Final

from rightsdata._tables.tables import Cell, Column, ColumnType
from rightsdata._values.errors import shown_repr

__all__ = ["cell_reader", "read_cell", "read_column"]

#: A count or a position as the export writes it: decimal digits, no sign, no leading zero.
_WHOLE: Final = re.compile("0|[1-9][0-9]*")
#: A number as the export writes it (a float's repr), or as JSON writes one (``43``).
_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_DAY: Final = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: More digits than this are no count the model holds (its largest, 2**53-1, has 16), and
#: are told by their number, never converted (Python refuses to convert 4,301 or more).
_MAX_DIGITS: Final = 20


def _shown(text: str) -> str:
    """The cell as a message quotes it, with what makes it look right and not be: white
    space around it, digits other than 0-9 (full-width, Arabic-Indic, ...)."""
    shown = shown_repr(text)
    if text != text.strip():
        return f"{shown} (white space around it)"
    if any(c.isdigit() and not c.isascii() for c in text):
        return f"{shown} (digits other than 0-9)"
    return shown


def _whole(column: Column, text: str) -> int:
    if _WHOLE.fullmatch(text) is None:
        if text.isascii() and text.isdigit():
            raise ValueError(f"{shown_repr(text)} has a leading zero; write {int(text)}")
        if text.startswith("-") and _WHOLE.fullmatch(text[1:]):
            raise ValueError(f"{shown_repr(text)} is negative; counts start at 0")
        raise ValueError(
            f"expected a whole number of 0 or more in the digits 0-9 alone (as 15); "
            f"got {_shown(text)}"
        )
    if len(text) > _MAX_DIGITS:
        from rightsdata._model.fields import COUNT_MAX

        raise ValueError(
            f"a number of {len(text):,} digits is larger than the largest count, {COUNT_MAX}"
        )
    return int(text)


def _number(column: Column, text: str) -> float:
    if _NUMBER.fullmatch(text) is None:
        raise ValueError(
            "expected a number as JSON writes it, in the digits 0-9 with a point before a "
            f"fraction (as 43.238, -1.5 or 1e-05); got {_shown(text)}"
        )
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError(
            f"{shown_repr(text)} is outside the range of numbers, about -1.8e308 to 1.8e308"
        )
    return number


def _day(column: Column, text: str) -> datetime.date:
    if _DAY.fullmatch(text) is None:
        raise ValueError(f"expected a day as YYYY-MM-DD (as 2012-01-26); got {_shown(text)}")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    from rightsdata._values.dates import EDTF, EDTFError

    try:
        EDTF.parse(text)
    except EDTFError as error:  # (its words for a month or day that does not exist)
        reason = str(error).partition(": ")[2]
        raise ValueError(f"{shown_repr(text)} is not a day: {reason}") from None
    raise ValueError(f"{shown_repr(text)} is not a day: years start at 0001")


def _text_list(column: Column, text: str) -> tuple[str, ...]:
    items: object = None
    if text.startswith("[") and text.endswith("]"):  # (json.loads takes white space around)
        try:
            items = json.loads(text)
        except (ValueError, RecursionError):  # (nested deeper than this Python parses)
            items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ValueError(
            f'expected a JSON array of text (as ["date", "places"]); got {_shown(text)}'
        )
    return tuple(items)


def _term(column: Column, text: str) -> str:
    if text not in column.terms:
        from rightsdata._values.spelling import close, did_you_mean  # (only when wrong)

        hint = did_you_mean(close(text, column.terms, n=2))
        allowed = ", ".join(column.terms)
        said = f"{_shown(text)} is none of the column's terms"
        raise ValueError(f"{said}; {hint} (allowed: {allowed})" if hint else f"{said}: {allowed}")
    return text


def _id(column: Column, text: str) -> str:
    if _id_pattern(column.refs).fullmatch(text) is None:
        from rightsdata._model.fields import check_ref
        from rightsdata._values.errors import FieldError

        try:
            check_ref(column.name, text, column.refs)
        except FieldError as error:  # (the model's words for the ID)
            raise ValueError(error.message) from None
    return text


@functools.cache
def _id_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    from rightsdata._values.ids import id_pattern

    return re.compile(id_pattern(prefixes).removesuffix("$"))  # (fullmatch: no final newline)


def _edtf(column: Column, text: str) -> str:
    from rightsdata._values.dates import EDTF

    EDTF.parse(text)  # an EDTFError (a ValueError) in the model's words
    return text


def _duration(column: Column, text: str) -> str:
    from rightsdata._values.durations import parse_duration

    parse_duration(text)  # a DurationError (a ValueError) in the model's words
    return text


def _text(column: Column, text: str) -> str:
    return text


_READERS: Final[dict[ColumnType, Callable[[Column, str], Cell]]] = {
    ColumnType.ID: _id,
    ColumnType.TEXT: _text,
    ColumnType.TERM: _term,
    ColumnType.EDTF: _edtf,
    ColumnType.DAY: _day,
    ColumnType.COUNT: _whole,
    ColumnType.NUMBER: _number,
    ColumnType.POSITION: _whole,
    ColumnType.DURATION: _duration,
    ColumnType.TEXT_LIST: _text_list,
}


def read_cell(column: Column, text: str) -> Cell:
    """The value of the cell ``text`` of ``column`` (None for an empty cell), or ValueError
    saying what the column holds and what the cell does (formulas are not unescaped here).

    >>> from rightsdata.tables import TABLES
    >>> read_cell(TABLES["events"].column("date_earliest"), "2012-01-26")
    datetime.date(2012, 1, 26)
    >>> read_cell(TABLES["events"].column("date_earliest"), "2012-13-01")
    Traceback (most recent call last):
    ...
    ValueError: '2012-13-01' is not a day: month 13 does not exist
    """
    return None if text == "" else _READERS[column.type](column, text)


def cell_reader(column: Column) -> Callable[[str], Cell]:
    """:func:`read_cell` for ``column``'s cells, reading each distinct text once (dates,
    terms, counts and references repeat down a column: one check, then a dictionary lookup).
    Text is read as it is; an ID, unique down its own key column, is checked each time.
    """
    read = _READERS[column.type]
    if column.type is ColumnType.TEXT:
        return _text_cell
    if column.type is ColumnType.ID:
        return functools.partial(_id_cell, _id_pattern(column.refs).fullmatch, column)
    known: dict[str, Cell] = {"": None}

    def cell(text: str) -> Cell:
        try:
            return known[text]
        except KeyError:
            value = known[text] = read(column, text)
            return value

    return cell


def _text_cell(text: str) -> str | None:
    return text or None


def _id_cell(match: Callable[[str], object], column: Column, text: str) -> str | None:
    if match(text) is not None:
        return text
    return None if text == "" else _id(column, text)


def read_column(column: Column, texts: Sequence[str]) -> list[Cell]:
    """:func:`read_cell` of each of ``texts``, cells of ``column``: each distinct text read
    once (an ID checked by its pattern, and by the model's own check only where that fails;
    a text as it is). A ValueError for a text that is not a value, which of several is not
    said (:func:`read_cell`, cell by cell, tells the first).

    >>> from rightsdata.tables import TABLES
    >>> read_column(TABLES["figures"].column("low"), ["15", "", "15"])
    [15, None, 15]
    """
    if column.type is ColumnType.TEXT:
        return [t or None for t in texts]
    if column.type is ColumnType.ID:  # (each distinct one matched once)
        match = _id_pattern(column.refs).fullmatch
        for wrong in [t for t in set(texts) if t and match(t) is None]:
            _id(column, wrong)  # (the model's own words, if it is wrong)
        return [t or None for t in texts]
    read = _READERS[column.type]
    known: dict[str, Cell] = {t: read(column, t) for t in set(texts) if t}
    known[""] = None
    return list(map(known.__getitem__, texts))
