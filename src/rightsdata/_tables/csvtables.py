"""The tables as CSV text, and back (the ``csv`` and ``datapackage`` exports).

RFC 4180 CSV: UTF-8 without a byte-order mark, a header row of column names, ``\\r\\n`` line
ends, fields quoted only where needed. An empty cell is null (no text field may be empty, so
this is unambiguous); whole numbers in decimal; days as ``YYYY-MM-DD``; a citation's
``fields`` as a JSON array (``["date", "places"]``; an empty cell where it is null).

Formulas (``formulas="escape"``, the default; the export's and
:func:`read_directory`'s ``csv_formulas``): a spreadsheet runs a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, so a text cell that starts
with one of those (after any ``'``) gets a ``'`` in front (OWASP's advice on CSV injection);
:func:`parse` with the same option takes it off again, so the round trip is exact. Only
free-text columns can start so: IDs, terms, dates, durations, numbers and lists cannot.
``formulas="keep"`` writes and reads the text as it is.

>>> import rightsdata
>>> from rightsdata._tables.tables import get_table, rows
>>> table = get_table("events.charges")
>>> text = render(table, rows(rightsdata.load(), table))
>>> print(text.splitlines()[1])
event:kozlov-charged-2012,0,law:kz-cc-1997-164,person:vladimir-kozlov
>>> parse(table, text) == list(rows(rightsdata.load(), table))
True
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import operator
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Final, TypeAlias

from rightsdata._data.bytemarks import after_white_space, unmarked
from rightsdata._tables.cells import cell_reader, read_cell, read_column
from rightsdata._tables.derived import disagreement
from rightsdata._tables.tableerrors import table_error
from rightsdata._tables.tables import TABLES, Cell, Column, ColumnType, Row, Table
from rightsdata._values.errors import (
    InvalidDataError,
    ProblemCode,
    checked,
    counted,
    not_a_name,
)
from rightsdata._values.gcpause import gc_paused
from rightsdata._values.names import FormulaOption

__all__ = [
    "DIALECT",
    "FORMULA_OPTIONS",
    "FORMULA_STARTS",
    "FormulaOption",
    "cell_text",
    "escape_formula",
    "parse",
    "read_directory",
    "render",
    "render_columns",
    "unescape_formula",
    "write_columns",
]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
#: What gets a ``'`` in front: a formula start, after any quotes already there (so that
#: ``'=x``, which the escape would produce from ``=x``, is escaped too and reads back).
_ESCAPED: Final = re.compile("'*[=+\\-@\t\r]")
#: What loses its first ``'`` when read: exactly what :data:`_ESCAPED` produces.
_UNESCAPE: Final = re.compile("''*[=+\\-@\t\r]")
_QUOTE_OR_FORMULA: Final = (*FORMULA_STARTS, "'")
#: What a folder's path is given as (bytes are not: a path's text is decoded as the system's).
_PATHS: Final = (str, os.PathLike)
#: The values of the ``csv_formulas`` option: escape formula-like text (default), or keep it.
FORMULA_OPTIONS: Final[tuple[FormulaOption, ...]] = ("escape", "keep")


def _check_option(formulas: str) -> bool:
    """Whether to escape; TypeError for a value that is not text, ValueError for an unknown
    option."""
    wrong = not_a_name(formulas, "a csv_formulas option", "escape")
    if wrong is not None:
        raise TypeError(wrong)
    if formulas not in FORMULA_OPTIONS:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown csv_formulas option {formulas!r}{spelled_like(formulas, FORMULA_OPTIONS)}"
            f"; expected one of {', '.join(FORMULA_OPTIONS)}"
        )
    return formulas == "escape"


def escape_formula(text: str) -> str:
    """``text`` with a ``'`` in front if a spreadsheet would run it as a formula: if it
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, after any number of
    ``'`` (so that the escape can be undone: :func:`unescape_formula`).

    >>> escape_formula("=HYPERLINK(1)"), escape_formula("-5 degrees"), escape_formula("ok")
    ("'=HYPERLINK(1)", "'-5 degrees", 'ok')
    >>> escape_formula("'=x"), escape_formula("'quoted'")
    ("''=x", "'quoted'")
    """
    checked(text, "escape_formula: text", "a str", str)
    if text.startswith(_QUOTE_OR_FORMULA) and _ESCAPED.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """The text :func:`escape_formula` was given for ``text``.

    >>> unescape_formula("'=HYPERLINK(1)"), unescape_formula("''=x"), unescape_formula("'ok")
    ('=HYPERLINK(1)', "'=x", "'ok")
    """
    checked(text, "unescape_formula: text", "a str", str)
    return text[1:] if text.startswith("'") and _UNESCAPE.match(text) else text


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


#: How the tables are written, as a Table Dialect (the data package declares it, so that no
#: reader guesses it from a table's first rows: frictionless took ';' for the delimiter of
#: a table whose first rows held a text with a semicolon and quotes). It is the csv module's
#: "excel" dialect, which :func:`render` writes with and :func:`_field` follows.
DIALECT: Final = MappingProxyType(
    {
        "delimiter": csv.excel.delimiter,
        "lineTerminator": csv.excel.lineterminator,
        "quoteChar": csv.excel.quotechar,
        "doubleQuote": csv.excel.doublequote,
        "header": True,
    }
)


def _field(text: str) -> str:
    """One field as RFC 4180 writes it: quoted where it holds a comma, a quote or a line
    break (the csv module's minimal quoting), its quotes doubled."""
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def _by_value(values: list[Any], text: Callable[[Any], str]) -> list[str]:
    """``text`` of each value (None an empty field), computed once per distinct value (days,
    counts and lists repeat: 100,000 events have a few thousand distinct dates)."""
    found = {v: text(v) for v in set(values) if v is not None}
    found[None] = ""
    return list(map(found.__getitem__, values))


def _day_text(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()


def _list_text(items: tuple[str, ...]) -> str:
    return _field(json.dumps(list(items), ensure_ascii=False))


def _nulls_empty(values: list[Any]) -> list[Any]:
    """Text values with each None an empty field (the list itself if it has none). Whether it
    has any is asked with ``all`` (text is true unless empty, which is its own field anyway):
    in C, a length each, where ``None in values`` compares every text with None."""
    return values if all(values) else ["" if v is None else v for v in values]


def _quoted(values: list[Any]) -> list[Any]:
    """Text values (and None) as fields, quoted where they hold a quote, a comma or a line
    break. Whether any value holds each of those characters is found once, in the values
    joined (a search in C); only the characters found are looked for value by value."""
    joined = "".join(filter(None, values))  # None (and "", which needs no quotes) left out
    quote, comma = '"' in joined, "," in joined
    breaks = "\n" in joined or "\r" in joined
    if not (quote or comma or breaks):
        return _nulls_empty(values)
    if quote:
        return [
            ""
            if v is None
            else '"' + v.replace('"', '""') + '"'
            if '"' in v
            else f'"{v}"'
            if "," in v or "\n" in v or "\r" in v
            else v
            for v in values
        ]
    if not breaks:
        return ["" if v is None else f'"{v}"' if "," in v else v for v in values]
    return [
        "" if v is None else f'"{v}"' if "," in v or "\n" in v or "\r" in v else v for v in values
    ]


#: The first characters of a text that :func:`escape_formula` may change.
_RISKY_STARTS: Final = frozenset(_QUOTE_OR_FORMULA)
_FIRST: Final = operator.itemgetter(slice(0, 1))


def _escaped(values: list[Any]) -> list[Any]:
    """Text values with :func:`escape_formula` applied; the first characters of all of them
    are gathered in C, and the values are looked at one by one only if one of them is risky."""
    present = filter(None, values)  # None, and "" (no text is empty; it is left alone anyway)
    if _RISKY_STARTS.isdisjoint(map(_FIRST, present)):
        return values
    risky = _QUOTE_OR_FORMULA
    return [escape_formula(v) if v is not None and v.startswith(risky) else v for v in values]


def _text_column(column: Column, values: list[Any], escape: bool) -> list[str]:
    """One column's fields, quoted, from its raw values (None is an empty field)."""
    kind = column.type
    if kind is ColumnType.POSITION:  # never null; 0, 1, ...: each one's text, by index
        texts = [repr(p) for p in range(max(values, default=-1) + 1)]
        return list(map(texts.__getitem__, values))
    if kind is ColumnType.COUNT:  # counts repeat
        return _by_value(values, repr)
    if kind is ColumnType.NUMBER:  # a float's repr reads back exactly
        return ["" if v is None else repr(v) for v in values]
    if kind is ColumnType.DAY:
        return _by_value(values, _day_text)
    if kind is ColumnType.TEXT_LIST:
        return _by_value(values, _list_text)
    if kind in (ColumnType.ID, ColumnType.TERM):  # patterns and vocabularies: never quoted
        return _nulls_empty(values)
    if kind is ColumnType.TEXT and escape:
        values = _escaped(values)
    return _quoted(values)


#: Rows rendered at a time: each piece of text, and its UTF-8 bytes, is made and written in
#: turn, so the memory it takes is reused for the next one (a whole table's text at once
#: took fresh pages of memory that the system clears: about 1.5 s of system time for the CSV
#: export of 100,000 events, on top of holding the text twice). Small enough that the cells
#: of a piece are still in the processor's cache when its fields are joined: each pass over
#: the cells costs most in reaching them (rendering every table of 100,000 events took 1.13 s
#: in pieces of 20,000 rows, 0.82 s in pieces of 2,000).
CHUNK_ROWS: Final = 2_000


def _pieces(table: Table, columns: list[list[Any]], escape: bool) -> Iterator[str]:
    """The CSV text of ``table`` from its raw columns, in pieces: the header line, then the
    lines of :data:`CHUNK_ROWS` rows at a time (each line ending with ``\r\n``).

    Each piece is one join of a flat list: every row's fields with a ``,`` between them and
    ``\r\n`` after the last, laid out by repeating one row's template and filling each
    column's slots with one slice assignment (a join per row cost twice as much)."""
    yield ",".join(_field(n) for n in table.column_names) + "\r\n"
    width = 2 * len(table.columns)
    template: list[Any] = [",", ","] * len(table.columns)
    template[-1] = "\r\n"
    total = len(columns[0]) if columns else 0
    for start in range(0, total, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, total)
        flat = template * (stop - start)
        for slot, (column, values) in enumerate(zip(table.columns, columns, strict=True)):
            flat[2 * slot :: width] = _text_column(column, values[start:stop], escape)
        yield "".join(flat)


def render_columns(table: Table, columns: list[list[Any]], formulas: str = "escape") -> str:
    """The CSV text of ``table`` from its raw columns
    (:func:`rightsdata._tables.tables.raw_columns`:
    days as ordinals), built a column at a time; the same text :func:`render` writes."""
    return "".join(_pieces(table, columns, _check_option(formulas)))


def write_columns(
    table: Table, columns: list[list[Any]], file: BinaryIO, formulas: str = "escape"
) -> None:
    """Write the UTF-8 bytes of :func:`render_columns` to ``file``, a piece at a time."""
    for piece in _pieces(table, columns, _check_option(formulas)):
        file.write(piece.encode("utf-8"))


def render(table: Table, rows: Iterable[Row], formulas: str = "escape") -> str:
    """The CSV text of ``table`` with ``rows``."""
    escape = _check_option(formulas)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.column_names)
    text = [c.type is ColumnType.TEXT for c in table.columns]
    writer.writerows(
        [
            escape_formula(value)
            if escape and is_text and isinstance(value, str)
            else cell_text(value)
            for value, is_text in zip(row, text, strict=True)
        ]
        for row in rows
    )
    return buffer.getvalue()


def parse(
    table: Table, text: str, formulas: str = "escape", *, where: str | None = None
) -> list[Row]:
    """The rows of ``table``'s CSV text, typed by its columns (the inverse of :func:`render`
    with the same ``formulas`` option). Blank lines (an editor's final newline) hold no row.
    A cell may be as long as the text (no text field has a length limit: a summary of
    150,000 characters reads back whole, past the :mod:`csv` module's default limit of
    131,072; :func:`_fields_up_to`).

    A header that does not match the table's columns, a row with another number of fields
    or a cell its column cannot hold (any text but the one the export writes for a value:
    :mod:`rightsdata._tables.cells`, whose words say why) raises
    :class:`rightsdata.InvalidDataError` (a ``ValueError``) naming the table, the line (from
    1, the header's included; a row whose quoted text runs over lines is told at the lines
    it spans, ``lines 4-6``, and its ``line`` is the first, where it starts) and the column,
    at ``where`` (the file's path; ``<table>.csv`` if not given), which its one problem's
    ``file``, ``line`` and ``field`` give too; so does text the :mod:`csv` module cannot
    read.
    """
    unescape = _check_option(formulas)
    where = f"{table.name}.csv" if where is None else where
    reader = csv.reader(io.StringIO(text, newline=""))
    with _fields_up_to(len(text)), gc_paused():  # (many rows, and no cycles among them)
        try:
            fast = _rows_by_column(table, text, unescape)
            found = _rows(table, reader, unescape, where) if fast is None else fast
        except _RowError as error:  # (what the csv module cannot read, in the row at hand)
            raise table_error(
                where,
                f"table {table.name!r}, {lines_said(error.lines)}: {error.cause}",
                ProblemCode.SYNTAX,
                line=error.lines[0],
            ) from None
        wrong = disagreement(table, found)
        if wrong is not None:
            index, column, message = wrong
            lines = _lines_of_rows(text)[index]
            raise table_error(
                where,
                f"table {table.name!r}, {lines_said(lines)}, column {column.name!r}: {message}",
                ProblemCode.RULE,
                line=lines[0],
                column=column.name,
            )
    return found


#: A row's lines in its file (from 1): the first, where the row starts, and the last, where
#: a quoted text that runs over lines ends it (the same line for most rows).
Lines: TypeAlias = tuple[int, int]


def lines_said(lines: Lines) -> str:
    """A row's lines in words, as the messages name them: ``line 4``, or ``lines 4-6`` for
    a row whose quoted text runs over lines (its ``line`` is the first: where it starts).

    >>> lines_said((4, 4)), lines_said((4, 6))
    ('line 4', 'lines 4-6')
    """
    first, last = lines
    return f"line {first}" if first == last else f"lines {first}-{last}"


class _RowError(csv.Error):
    """What the :mod:`csv` module could not read (``cause``, its :class:`csv.Error`), and the
    lines of the row it was reading (from the row's first to the line it stopped at)."""

    def __init__(self, cause: csv.Error, lines: Lines) -> None:
        super().__init__(cause)
        self.cause = cause
        self.lines = lines


def _numbered(reader: Any) -> Iterator[tuple[Lines, list[str]]]:
    """Each row ``reader`` reads that is not blank (a blank line holds no row), with its
    lines: the one place a row's lines are worked out (:func:`_rows`, :func:`_lines_of_rows`).
    A row is told at the line where it starts, not at the last line of a quoted text that
    runs over lines, which the reader's ``line_num`` is once it has read the row. What the
    :mod:`csv` module cannot read is :class:`_RowError`, with the lines of the row it was
    reading."""
    first = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _RowError(error, (first, max(first, reader.line_num))) from None
        last = reader.line_num
        if row:
            yield (first, last), row
        first = last + 1


def _lines_of_rows(text: str) -> list[Lines]:
    """The lines of each row of the CSV ``text``, the header not counted, as :func:`_rows`
    names them (:func:`_numbered`). (The caller lets the :mod:`csv` module read fields as
    long as the text's: :func:`_fields_up_to`.)"""
    reader = csv.reader(io.StringIO(text, newline=""))
    return [lines for lines, _ in _numbered(reader)][1:]


def row_lines(path: Path, table: Table) -> list[Lines]:
    """The lines of each row of ``table``'s CSV file at ``path``, the header not counted
    (:func:`_lines_of_rows`): where each row of :func:`read_directory`'s is, from the line
    where it starts to the one where it ends.

    >>> import rightsdata, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = rightsdata.load().export(folder, "csv")
    >>> row_lines(folder / "redirects.csv", TABLES["redirects"])[:3]
    [(2, 2), (3, 3), (4, 4)]
    >>> import shutil; shutil.rmtree(folder)
    """
    text, _ = _text_of(path, table)
    with _fields_up_to(len(text)):
        return _lines_of_rows(text)


def _rows_by_column(table: Table, text: str, unescape: bool) -> list[Row] | None:
    """The rows :func:`_rows` reads from ``text``, read a column at a time: each column's
    distinct texts read once by its type (:func:`rightsdata._tables.cells.read_cell`), a text
    column's cells as they are, the rows made in C by zips; None where anything is wrong
    (the CSV, the header, a row's width, a cell), for :func:`_rows` to find and tell, row by
    row, what it would have told first. Both give the same rows (tests/tables/test_csv_paths.py).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        lines = list(filter(None, reader))  # (a blank line holds no row)
    except csv.Error:
        return None
    if header is None or tuple(header) != table.column_names:
        return None
    if not lines:
        return []
    if set(map(len, lines)) != {len(table.columns)}:
        return None
    columns = []
    for column, texts in zip(table.columns, zip(*lines, strict=True), strict=True):
        values = _column_values(column, texts, unescape)
        if values is None:
            return None
        columns.append(values)
    return list(zip(*columns, strict=True))


def _column_values(column: Column, texts: tuple[str, ...], unescape: bool) -> list[Cell] | None:
    """The values of ``column``'s cells ``texts``, or None if one of them is not one."""
    try:
        values = read_column(column, texts)
    except Exception:  # (told, or raised again, by _rows: whatever a row-wise read does)
        return None
    if unescape and column.type is ColumnType.TEXT and "'" in map(_FIRST, texts):
        values = [unescape_formula(v) if isinstance(v, str) and v[0] == "'" else v for v in values]
    return values


def _rows(table: Table, reader: Any, unescape: bool, where: str) -> list[Row]:
    """The rows :func:`parse` reads with ``reader``, the header first; a row's problem told
    at its lines (:func:`_numbered`)."""
    numbered = _numbered(reader)
    header = next(numbered, None)
    if header is None or tuple(header[1]) != table.column_names:
        raise table_error(
            where,
            f"table {table.name!r}: expected the columns {', '.join(table.column_names)}; "
            f"got {', '.join(header[1] if header else [])}",
            ProblemCode.SYNTAX,
            line=1,
        )
    columns = table.columns
    readers = [cell_reader(c) for c in columns]
    unescaped = [unescape and c.type is ColumnType.TEXT for c in columns]
    found = []
    for lines, line in numbered:
        if len(line) != len(columns):
            raise table_error(
                where,
                f"table {table.name!r}, {lines_said(lines)}: {counted(len(line), 'field')}; "
                f"expected {len(columns)} ({', '.join(table.column_names)})",
                ProblemCode.SYNTAX,
                line=lines[0],
            )
        try:
            cells = [read(t) for read, t in zip(readers, line, strict=True)]
        except ValueError:
            raise _cell_error(table, line, where, lines) from None
        if unescape:
            cells = [
                unescape_formula(v) if u and isinstance(v, str) else v
                for v, u in zip(cells, unescaped, strict=True)
            ]
        found.append(tuple(cells))
    return found


def _cell_error(table: Table, line: list[str], where: str, lines: Lines) -> InvalidDataError:
    """The error for the first cell of ``line`` (the row at ``lines``) that its column
    cannot hold: where it is, and why in :func:`rightsdata._tables.cells.read_cell`'s
    words."""
    for column, text in zip(table.columns, line, strict=True):
        try:
            read_cell(column, text)
        except ValueError as error:
            return table_error(
                where,
                f"table {table.name!r}, {lines_said(lines)}, column {column.name!r}: {error}",
                ProblemCode.VALUE,
                line=lines[0],
                column=column.name,
            )
    raise AssertionError("no cell of the line is wrong")  # pragma: no cover


#: Held by each read of :func:`_fields_up_to`: the csv module's field size limit is the whole
#: process's, and two reads of rightsdata's must not raise and restore it across each other.
_FIELD_LIMIT_LOCK: Final = threading.Lock()


@contextlib.contextmanager
def _fields_up_to(size: int) -> Iterator[None]:
    """Let the :mod:`csv` module read fields of up to ``size`` characters meanwhile.

    ``csv.field_size_limit`` is process-wide: it is raised only for text longer than the
    limit set (most tables are far shorter: nothing changes) and set back afterwards, each
    read holding a lock, so that rightsdata's reads in other threads wait rather than read
    under a limit about to be lowered. Another thread's own csv reader meanwhile reads under
    the higher limit (which is only more lenient); a limit it sets meanwhile is undone by the
    restore.
    """
    with _FIELD_LIMIT_LOCK:
        before = csv.field_size_limit()
        if size <= before:
            yield
            return
        csv.field_size_limit(size)
        try:
            yield
        finally:
            csv.field_size_limit(before)


def read_directory(
    directory: str | os.PathLike[str],
    csv_formulas: FormulaOption | None = None,
) -> dict[str, list[Row]]:
    """The rows of every table whose CSV file (``<table>.csv``) is in ``directory`` (a path
    or its text), read with the ``csv_formulas`` option they were written with (the export's
    option of that name: ``"escape"`` or ``"keep"``). By default, the option the export's
    manifest (``.rightsdata-export``) records, or else a ``datapackage.json`` beside the
    tables (its resources' ``dialect.rightsdata_csv_formulas``, which a ``datapackage``
    export writes: a copy without the hidden manifest still says it), or ``"escape"`` (the
    export's default) where neither records one; an option given that is not the one
    recorded raises ValueError (a wrong argument), as it would read some texts back
    changed, and an option recorded that is none of the two, or records that differ, raise
    :class:`rightsdata.InvalidDataError` naming the file and the property. A file may start
    with a byte-order mark, as a
    spreadsheet that saves CSV as "UTF-8" writes one (or with more, one after the other:
    each is read past; a mark after a space or a line end is text, as in any CSV reader, and
    is told as such).

    A ``directory`` that is not one raises NotADirectoryError (FileNotFoundError if it does
    not exist). Bad data raises :class:`rightsdata.InvalidDataError` (a ``RightsdataError``
    and a ``ValueError``), whose problem names the file, the line and the column (its
    ``file``, ``line`` and ``field``): a file that is not UTF-8 or not the table's CSV (a
    header, a row's width, a cell its column cannot hold; the files are read in the order of
    their names, and the first problem is told), and a folder that holds no table's CSV
    file (an empty result would read as a dataset of no records). So does a table that the
    export's manifest, or a ``datapackage.json`` beside the tables, lists and that is not
    there (a copy that missed a file): read without it, its rows would be lost without a
    word. Without either, the tables that are there are read, and a table not there has no
    rows (docs/exports.md), except a kind's table of which the ``records`` table lists
    records (InvalidDataError).

    >>> import rightsdata, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = rightsdata.load().export(folder, "csv")
    ...     len(read_directory(folder)["events"]) == len(rightsdata.load().events)
    True
    """
    from rightsdata._tables.exportfolder import (
        kinds_missing,
        missing_tables,
        other_layout,
        written_option,
    )

    if csv_formulas is not None:
        _check_option(csv_formulas)  # (before anything is read)
    checked(directory, "read_directory: directory", "a folder's path (a str or a Path)", _PATHS)
    folder = Path(directory)
    if not folder.is_dir():
        if not folder.exists():
            raise FileNotFoundError(f"{os.fspath(directory)}: no such folder")
        raise NotADirectoryError(f"{os.fspath(directory)} is not a folder of CSV tables")
    written = written_option(folder)
    if csv_formulas is not None and written is not None and csv_formulas != written.option:
        raise ValueError(
            f"{os.fspath(directory)}: its tables were written with csv_formulas="
            f"{written.option!r}, as {written.where} says; read with {csv_formulas!r}, a "
            "text that starts with a quote or a formula character would come back changed: "
            f"give csv_formulas={written.option!r}, or leave it out"
        )
    option = csv_formulas or (written.option if written is not None else "escape")
    missing = missing_tables(folder)
    if missing is not None:
        raise table_error(os.fspath(folder), missing, ProblemCode.MISSING)
    read: dict[str, list[Row]] = {}
    # (read in the order of the files' names, so that the problem told is the first file's,
    # as load_directory lists its problems; given back in the tables' order)
    for name in sorted(TABLES, key=lambda name: f"{name}.csv"):
        table, path = TABLES[name], folder / f"{name}.csv"
        if path.is_file():
            text, data = _text_of(path, table)
            if after_white_space(data):
                raise table_error(os.fspath(path), _mark_after_space(table), ProblemCode.SYNTAX)
            read[name] = parse(table, text, option, where=os.fspath(path))
    found: dict[str, list[Row]] = {name: read[name] for name in TABLES if name in read}
    if not found:
        other = other_layout(folder)
        if other is not None:
            raise table_error(os.fspath(directory), other, ProblemCode.MISSING)
        raise table_error(
            os.fspath(directory),
            "holds no table's CSV file (events.csv, events.participants.csv, ...), as "
            "`rightsdata export --format csv` writes them",
            ProblemCode.MISSING,
        )
    lost = kinds_missing(found)
    if lost is not None:
        raise table_error(os.fspath(folder), lost, ProblemCode.MISSING)
    return found


def _text_of(path: Path, table: Table) -> tuple[str, bytes]:
    """The text of a table's CSV file, and its bytes past the byte-order marks it starts
    with; the data error of a file that is not UTF-8, told as a load tells a JSON file's
    (where, the encoding it seems to be in, the command that converts it: a spreadsheet's
    "CSV" is often Windows-1252, its "Unicode text" UTF-16)."""
    from rightsdata._data.filetext import decode_text, not_utf8_line

    raw = path.read_bytes()
    # (CSV's rule: a space or a line end is data, and a mark after it is text)
    data, _ = unmarked(raw, spaced=False)
    where = os.fspath(path)
    skip = len(raw) - len(data)
    first = table.column_names[0]
    starts = (first, f'"{first}"')  # (the header, its first name quoted or not)
    text, problem = decode_text(data, where, empty=True, skip=skip, starts=starts)
    if problem is not None:
        line = not_utf8_line(data, starts)
        raise table_error(where, problem.message, ProblemCode.SYNTAX, line=line)
    return text, data


def _mark_after_space(table: Table) -> str:
    """What to say of a table's file whose white space at the start is followed by a
    byte-order mark (:func:`~rightsdata._data.bytemarks.after_white_space`)."""
    return (
        f"table {table.name!r}: starts with white space, then a byte-order mark (U+FEFF, an "
        "invisible character some editors and spreadsheets write): in CSV white space is "
        "data (a line end ends a row), and a mark after it is text, not a mark; delete "
        f"everything before the header row ({','.join(table.column_names[:2])},...)"
    )
