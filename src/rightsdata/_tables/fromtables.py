"""The records' JSON documents rebuilt from table rows: the inverse of
:mod:`rightsdata._tables.tables`.

It reads only the columns that hold data (``Column.field``), never the derived ones (a
date's earliest and latest day, a record's label), so rebuilding a dataset from its tables
proves that no field was lost on the way. The tests do that for the bundled dataset and for
generated ones, from rows, CSV files and Parquet files.

>>> import rightsdata
>>> from rightsdata._tables.tables import TABLES, rows
>>> ds = rightsdata.load()
>>> documents, redirects = documents_from_rows({n: rows(ds, t) for n, t in TABLES.items()})
>>> documents == ds.to_dict(), redirects == dict(ds.redirects)
(True, True)
"""

from __future__ import annotations

import datetime
import itertools
import operator
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from rightsdata._model.records import KINDS, RECORD_TYPES
from rightsdata._tables.derived import disagreement
from rightsdata._tables.tableerrors import table_error
from rightsdata._tables.tables import (
    TABLES,
    Column,
    ColumnType,
    Row,
    Table,
    TableName,
    as_table,
)
from rightsdata._values.errors import (
    InvalidDataError,
    ProblemCode,
    ProblemCodeValue,
    what_was_given,
)
from rightsdata._values.shell import python_call

__all__ = ["documents_from_rows"]

Document = dict[str, Any]


def _blank(cls: type) -> Document:
    """A document with every field of ``cls``: lists that come from other tables empty."""
    return {f.name: None for f in attrs.fields(cls)}


def _document(cls: type, table: Table, row: Row) -> Document:
    document = _blank(cls)
    nested: set[str] = set()
    for column, value in zip(table.columns, row, strict=True):
        if column.field is None:
            continue
        *parents, name = column.field
        target = document
        for parent in parents:
            nested.add(parent)
            if target.get(parent) is None:
                target[parent] = {}
            target = target[parent]
        target[name] = list(value) if isinstance(value, tuple) else value
    for name in nested:  # a flattened part whose columns are all empty was null
        if all(v is None for v in document[name].values()):
            document[name] = None
    for child in _child_lists(table):
        document[child] = []
    return document


def _child_lists(table: Table) -> list[str]:
    """The list fields of ``table``'s items that are tables of their own (found once per
    table: every row of it asks)."""
    found = _CHILD_LISTS.get(table.name)
    if found is None:
        found = _CHILD_LISTS[table.name] = _find_child_lists(table)
    return found


#: :func:`_child_lists` of each table, by name.
_CHILD_LISTS: Final[dict[str, list[str]]] = {}


def _find_child_lists(table: Table) -> list[str]:
    depth = len(table.path) + 1
    return [
        t.path[-1]
        for t in TABLES.values()
        if len(t.path) == depth and t.path[:-1] == table.path and set(t.kinds) & set(table.kinds)
    ]


def documents_from_rows(
    tables: Mapping[TableName, Iterable[Row]] | Mapping[str, Iterable[Row]],
) -> tuple[dict[str, list[Document]], dict[str, str]]:
    """Rebuild every record's JSON document, and the redirects, from the rows of the tables.

    ``tables`` maps table names to their rows (a missing table has none). Returns the
    documents by kind in canonical form, as :meth:`Dataset.to_dict
    <rightsdata.Dataset.to_dict>` gives them,
    and the redirects. Each table's rows are tuples of cells in the order of its columns, as
    :func:`read_directory` and :func:`rows` give them. A key that names no table raises
    ValueError; a value, a row or a cell of the wrong type (a row that is not a tuple, a list
    or a number where text is due) raises TypeError naming the table, the row (from 1, in
    the order given) and the column. A row of another width than its table's, an empty key
    cell, a row whose owner is missing, a gap in positions, or a derived cell that disagrees
    with the value it derives from (a date's earliest or latest day, a term's days; an
    empty one is taken) raises :class:`rightsdata.InvalidDataError` (a ``ValueError``)
    naming the table, the row and the column. :func:`rightsdata.load_documents` checks the
    documents and builds the dataset.

    >>> import rightsdata
    >>> from rightsdata.tables import TABLES, rows
    >>> ds = rightsdata.load()
    >>> tables = {name: list(rows(ds, name)) for name in TABLES}  # or read_directory(folder)
    >>> documents, redirects = documents_from_rows(tables)
    >>> documents == ds.to_dict(), redirects == dict(ds.redirects)
    (True, True)
    >>> back = rightsdata.load_documents(documents, redirects=redirects)
    >>> len(back.events) == len(ds.events)
    True
    """
    if not isinstance(tables, Mapping):
        raise TypeError(
            "documents_from_rows: tables must be a mapping of table names to their rows (as "
            f"{python_call('read_directory(folder)')} gives), not {what_was_given(tables)}"
        )
    given = {name: _checked_rows(table, rows) for name, table, rows in _named_tables(tables)}
    documents: dict[str, list[Document]] = {kind: [] for kind in KINDS}
    by_id: dict[str, tuple[str, Document]] = {}
    for kind in KINDS:
        for row in given.get(kind, ()):
            document = _document(RECORD_TYPES[kind], TABLES[kind], row)
            documents[kind].append(document)
            by_id[document["id"]] = (kind, document)
    for table in TABLES.values():
        if table.path:
            found = given.get(table.name, [])
            _fill(table, found, _key_order(table, found), by_id)
    from rightsdata._data.canonical import without_empty_fields

    for name, kind_documents in documents.items():
        kind_documents[:] = [without_empty_fields(RECORD_TYPES[name], d) for d in kind_documents]
        kind_documents.sort(key=lambda d: str(d["id"]))
    redirects = {str(row[0]): str(row[1]) for row in given.get("redirects", ())}
    return documents, redirects


def _key_order(table: Table, rows: list[Row]) -> list[int]:
    """The indexes of ``rows`` in the order of their key cells (rows with the same keys in
    the order given): each row keeps its own place, so that an error names it, not the first
    row equal to it."""
    keys = table.keys
    return sorted(range(len(rows)), key=lambda index: rows[index][:keys])


def _named_tables(tables: Mapping[Any, Any]) -> Iterator[tuple[str, Table, object]]:
    """Each table ``tables`` names, with its rows as given: TypeError for a key that is not
    text, ValueError (:func:`rightsdata.tables.get_table`'s words) for one no table has."""
    for name, rows in tables.items():
        if not isinstance(name, str):
            raise TypeError(
                "documents_from_rows: tables must be keyed by the tables' names (such as "
                f"'events'), not {what_was_given(name)}"
            )
        try:
            table = as_table(name)
        except ValueError as error:
            raise ValueError(f"documents_from_rows: {error}") from None
        yield name, table, rows


#: The types each column type's cells may have (besides None), and how a message says them.
_TYPES: Final[dict[ColumnType, tuple[tuple[type, ...], str]]] = {
    ColumnType.ID: ((str,), "an ID (a str)"),
    ColumnType.TEXT: ((str,), "text (a str)"),
    ColumnType.TERM: ((str,), "a term (a str)"),
    ColumnType.EDTF: ((str,), "an EDTF date as text (a str)"),
    ColumnType.DURATION: ((str,), "a duration as text (a str)"),
    ColumnType.DAY: ((datetime.date,), "a day (a datetime.date)"),
    ColumnType.COUNT: ((int,), "a whole number (an int)"),
    ColumnType.POSITION: ((int,), "a position (an int)"),
    ColumnType.NUMBER: ((float, int), "a number (a float)"),
    ColumnType.TEXT_LIST: ((tuple, list), "a list of text (a tuple of str)"),
}
_ROW_TYPES: Final = (tuple, list)


def _takes(types: tuple[type, ...], value: object) -> bool:
    """Whether a cell may hold ``value``: None, or one of ``types`` (a bool is no number)."""
    return value is None or (isinstance(value, types) and not isinstance(value, bool))


def _checked_rows(table: Table, rows: object) -> list[Row]:
    """``table``'s rows as given, each a tuple or list of its width whose cells have the types
    of its columns and whose key cells are not empty; TypeError for a wrong type, the data
    error (:func:`_error`) for a wrong width, an empty key or a derived cell that disagrees
    with its value."""
    where = f"documents_from_rows: table {table.name!r}"
    if isinstance(rows, (str, bytes, bytearray, Mapping)) or not isinstance(rows, Iterable):
        raise TypeError(
            f"{where}: its rows must be an iterable of rows (tuples of cells in the order of "
            f"its columns, as {python_call('read_directory(folder)')} gives them), not "
            f"{what_was_given(rows)}"
        )
    found: list[Any] = list(rows)
    if not set(map(type, found)) <= {tuple, list}:
        for number, row in enumerate(found, 1):
            if not isinstance(row, _ROW_TYPES):
                names = ", ".join(table.column_names)
                raise TypeError(
                    f"{where}, row {number}: a row must be a tuple of cells in the order of "
                    f"the table's columns ({names}), not {what_was_given(row)}"
                )
    width = len(table.columns)
    if set(map(len, found)) - {width}:
        number, row = next((n, r) for n, r in enumerate(found, 1) if len(r) != width)
        raise _error(
            table,
            f"row {number} has {len(row)} cells; expected {width} "
            f"({', '.join(table.column_names)})",
            ProblemCode.VALUE,
            row,
        )
    if table.name != "records":  # (not read: the records are the kinds' tables)
        for index, column in enumerate(table.columns):
            _check_cells(table, index, column, found)
    wrong = disagreement(table, found)
    if wrong is not None:
        number, column, message = wrong
        raise _error(
            table,
            f"row {number + 1}, column {column.name!r}: {message}",
            ProblemCode.RULE,
            found[number],
            column.name,
        )
    return found


def _check_cells(table: Table, index: int, column: Column, rows: list[Any]) -> None:
    """TypeError for the first cell of column ``index`` of ``rows`` of a type that ``column``
    does not hold; the data error for an empty key cell. The cells' types are gathered into
    a set in C: only a column with a type outside its own is looked at cell by cell."""
    types, said = _TYPES[column.type]
    found = set(map(type, map(operator.itemgetter(index), rows)))
    key = index < max(table.keys, 1) or table.name == "redirects"
    allowed = set(types) if key else {*types, type(None)}
    if found <= allowed and column.type is not ColumnType.TEXT_LIST:
        return  # (the cells of most columns: one pass in C)
    cells = list(map(operator.itemgetter(index), rows))
    if not found <= {*types, type(None)} and not all(map(_takes, itertools.repeat(types), cells)):
        number = next(n for n, c in enumerate(cells, 1) if not _takes(types, c))
        raise TypeError(
            f"documents_from_rows: table {table.name!r}, row {number}, column "
            f"{column.name!r}: expected {said}{'' if key else ' or None'}, not "
            f"{what_was_given(cells[number - 1])}"
        )
    if column.type is ColumnType.TEXT_LIST and not all(
        map(isinstance, itertools.chain.from_iterable(filter(None, cells)), itertools.repeat(str))
    ):
        number, item = next(
            (n, i) for n, c in enumerate(cells, 1) for i in c or () if not isinstance(i, str)
        )
        raise TypeError(
            f"documents_from_rows: table {table.name!r}, row {number}, column "
            f"{column.name!r}: expected a list of text, not one that holds "
            f"{what_was_given(item)}"
        )
    if key and type(None) in found:
        number = cells.index(None) + 1
        raise _error(
            table,
            f"row {number}, column {column.name!r} is empty; every row of the table needs one",
            ProblemCode.MISSING,
            rows[number - 1],
            column.name,
        )


def _error(
    table: Table, message: str, code: ProblemCodeValue, row: Row, column: str | None = None
) -> InvalidDataError:
    """Bad rows are bad data: an :class:`InvalidDataError` at the table (``table 'x'``),
    whose message names the row, as :func:`rightsdata.load_path` names a record."""
    owner = row[0] if row and isinstance(row[0], str) else None
    return table_error(f"table {table.name!r}", message, code, column=column, record_id=owner)


def _fill(
    table: Table, given: list[Row], order: list[int], by_id: Mapping[str, tuple[str, Document]]
) -> None:
    """Append each row's item to the list it belongs to, checking owners and positions
    (``order`` is the indexes of ``given`` in key order; an error names a row by its place
    in ``given``)."""
    _check_owners(table, given, by_id)
    for index in order:
        row = given[index]
        owner = row[0]
        target = by_id[owner][1]  # type: ignore[index]
        for at, (field, position) in enumerate(
            zip(table.path[:-1], row[1 : table.keys - 1], strict=True), 1
        ):
            items = target[field]
            if not 0 <= position < len(items):  # type: ignore[operator]
                raise _error(
                    table,
                    f"row {index + 1}: {table.column_names[at]} {position} names none of "
                    f"the {field} of {owner!r} (it has {len(items)})",
                    ProblemCode.INTEGRITY,
                    row,
                    table.column_names[at],
                )
            target = items[position]
        items = target[table.path[-1]]
        if row[table.keys - 1] != len(items):
            raise _error(
                table,
                f"row {index + 1}: position {row[table.keys - 1]} in the {table.path[-1]} "
                f"of {owner!r}; expected {len(items)} (positions run 0, 1, 2, ... with no "
                "gap or repeat)",
                ProblemCode.VALUE,
                row,
                "position",
            )
        if table.item is str:
            items.append(row[table.keys])
        else:
            assert table.item is not None
            items.append(_document(table.item, table, row))


def _check_owners(table: Table, rows: list[Row], by_id: Mapping[str, tuple[str, Document]]) -> None:
    """The data error for the first of ``rows`` whose owner (its first cell) is no record of
    the table's kinds; each distinct owner is looked up once."""
    missing = set()
    for owner in set(map(operator.itemgetter(0), rows)):
        kind, _ = by_id.get(owner, (None, None))
        if kind not in table.kinds:
            missing.add(owner)
    if not missing:
        return
    number, row = next((n, r) for n, r in enumerate(rows, 1) if r[0] in missing)
    tables = (
        f"the table {table.kinds[0]!r}"
        if len(table.kinds) == 1
        else f"one of the tables {', '.join(table.kinds)}"
    )
    raise _error(
        table,
        f"row {number}: no record {row[0]!r} owns the row ({table.column_names[0]} must be "
        f"the ID of a row of {tables})",
        ProblemCode.INTEGRITY,
        row,
        table.column_names[0],
    )
