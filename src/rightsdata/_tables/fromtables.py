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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, cast

import attrs

from rightsdata._model.fields import spec_of
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
from rightsdata._values.gcpause import gc_paused
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.shell import python_call

__all__ = ["documents_from_rows"]

Document = dict[str, Any]


def _maker(cls: type, table: Table) -> Callable[[Row], Document]:
    """The document of a row of ``table``, a record or an item of ``cls``, in canonical form
    (:func:`~rightsdata._data.canonical.without_empty_fields`: the fields in the class's
    order, an optional one left out where null) but for the lists that come from other
    tables: each is there, empty, for :func:`_fill`, and :func:`_compacted` leaves it out
    where it stays empty. Which column goes where is found once per table (every row of it
    asks), and a row's cells are taken in one call."""
    make = _MAKERS.get((cls, table.name))
    if make is None:
        make = _MAKERS[cls, table.name] = _new_maker(cls, table)
    return make


#: :func:`_maker` of each class and table, by the class and the table's name.
_MAKERS: Final[dict[tuple[type, str], Callable[[Row], Document]]] = {}


def _new_maker(cls: type, table: Table) -> Callable[[Row], Document]:
    plain: dict[str, int] = {}  # a field's column, by the field's name
    parts: dict[str, dict[str, int]] = {}  # a flattened part's columns, by its field's name
    for index, column in enumerate(table.columns):
        if column.field is None:
            continue
        *parents, name = column.field
        if parents:
            assert len(parents) == 1 and column.type is not ColumnType.TEXT_LIST, column
            parts.setdefault(parents[0], {})[name] = index
        else:
            plain[name] = index
    children = set(_child_lists(table))
    hints = field_hints(cls)
    width = len(table.columns)  # (the index of the None after a row's cells: a field
    names: list[str] = []  # that no column holds)
    indexes: list[int] = []
    kept: set[str] = set()  # the fields kept when null (required ones)
    lists: list[tuple[int, bool]] = []  # the position of a list column's value, and
    nested: list[tuple[int, Callable[[Row], Document | None]]] = []  # whether [] is left out
    empty: list[int] = []  # the positions of the lists that come from other tables
    for field in attrs.fields(cls):
        spec = spec_of(field)
        if not spec.optional:
            kept.add(field.name)
        names.append(field.name)
        if field.name in plain:
            indexes.append(plain[field.name])
            if table.columns[plain[field.name]].type is ColumnType.TEXT_LIST:
                lists.append((len(indexes) - 1, spec.optional and spec.many))
        else:
            indexes.append(width)
            if field.name in parts:
                part = nested_part(hints[field.name])[0]
                assert part is not None, field
                nested.append((len(indexes) - 1, _part_maker(part, parts[field.name])))
            elif field.name in children:
                empty.append(len(indexes) - 1)
    cells = _getter(indexes)

    def make(row: Row) -> Document:
        values = list(cells((*row, None)))
        for at, dropped in lists:
            value = values[at]
            if isinstance(value, tuple):
                values[at] = value = list(value)
            if dropped and value == []:
                values[at] = None
        for at, part in nested:
            values[at] = part(row)
        for at in empty:
            values[at] = []
        return {
            name: value
            for name, value in zip(names, values, strict=True)
            if value is not None or name in kept
        }

    return make


def _part_maker(cls: type, columns: dict[str, int]) -> Callable[[Row], Document | None]:
    """A flattened part of class ``cls`` from its ``columns`` (by field name) of a row, in
    canonical form; None where they are all empty (the part was null)."""
    fields = [(f.name, not spec_of(f).optional) for f in attrs.fields(cls)]
    assert set(columns) <= {name for name, _ in fields}, cls
    names = [name for name, _ in fields if name in columns]
    kept = {name for name, required in fields if required}
    cells = _getter([columns[name] for name in names])

    def part(row: Row) -> Document | None:
        values = cells(row)
        # (the cells' types are checked: only None equals None)
        if values.count(None) == len(values):
            return None
        return {
            name: value
            for name, value in zip(names, values, strict=True)
            if value is not None or name in kept
        }

    return part


def _compacted(cls: type, documents: list[Document]) -> None:
    """Leave out of each of ``documents`` (records or items of ``cls``) each optional list
    that comes from another table and stayed empty, as
    :func:`~rightsdata._data.canonical.without_empty_fields` does; and so in their items."""
    for name, dropped, item in _child_fields(cls):
        if dropped:
            for document in documents:
                if document.get(name) == []:
                    del document[name]
        if item is not None and _child_fields(item):
            for document in documents:
                items = document.get(name)
                if isinstance(items, list):
                    _compacted(item, items)


def _child_fields(cls: type) -> list[tuple[str, bool, type | None]]:
    """The list fields of ``cls`` that are tables of their own: each one's name, whether it
    is left out where empty (an optional list), and its items' class (None for text)."""
    found = _CHILD_FIELDS.get(cls)
    if found is None:
        lists = {t.path[-1]: t.item for t in TABLES.values() if t.path}
        hints = field_hints(cls)
        found = _CHILD_FIELDS[cls] = [
            (f.name, spec_of(f).optional and spec_of(f).many, nested_part(hints[f.name])[0])
            for f in attrs.fields(cls)
            if f.name in lists and nested_part(hints[f.name])[1]
        ]
    return found


#: :func:`_child_fields` of each class.
_CHILD_FIELDS: Final[dict[type, list[tuple[str, bool, type | None]]]] = {}


def _getter(indexes: list[int]) -> Callable[[Row], tuple[Any, ...]]:
    """The cells at ``indexes`` of a row, as a tuple (even of one or none)."""
    if len(indexes) == 1:
        (index,) = indexes
        return lambda row: (row[index],)
    if not indexes:
        return lambda row: ()
    return operator.itemgetter(*indexes)


def _child_lists(table: Table) -> list[str]:
    """The list fields of ``table``'s items that are tables of their own."""
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
    cell, an ID (or a retired ID) on two rows, a row whose owner is missing, a gap in
    positions, or a derived cell that disagrees with the value it derives from (a date's
    earliest or latest day, a term's days; an empty one is taken) raises
    :class:`rightsdata.InvalidDataError` (a ``ValueError``) naming the table, the row and
    the column.
    :func:`rightsdata.load_documents` checks the documents and builds the dataset.

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
    with gc_paused():  # (many small documents, and no reference cycles among them)
        given = {name: _checked_rows(table, rows) for name, table, rows in _named_tables(tables)}
        documents: dict[str, list[Document]] = {kind: [] for kind in KINDS}
        by_id: dict[str, tuple[str, Document]] = {}
        for kind in KINDS:
            documents[kind] = made = list(
                map(_maker(RECORD_TYPES[kind], TABLES[kind]), given.get(kind, ()))
            )
            by_id.update((document["id"], (kind, document)) for document in made)
        if len(by_id) < sum(map(len, documents.values())):
            raise _repeated_id(given)
        for table in TABLES.values():
            if table.path:
                found = given.get(table.name, [])
                _fill(table, found, _key_order(table, found), by_id)
        for name, kind_documents in documents.items():
            _compacted(RECORD_TYPES[name], kind_documents)
            kind_documents.sort(key=_ID)  # (every ID is text: _check_cells)
    retired = given.get("redirects", [])
    redirects = {str(row[0]): str(row[1]) for row in retired}
    if len(redirects) < len(retired):  # (a dict would keep the last row's target unsaid)
        raise _redirected_twice(retired)
    return documents, redirects


def _redirected_twice(retired: list[Row]) -> InvalidDataError:
    """The data error for the first row of the redirects whose retired ID a row before it
    has, naming both rows (in a load's words: ``'x' is redirected twice``)."""
    first: dict[object, int] = {}
    for number, row in enumerate(retired, 1):
        before = first.setdefault(row[0], number)
        if before != number:
            message = f"row {number}: {row[0]!r} is redirected twice; first at row {before}"
            return _error(
                TABLES["redirects"], message, ProblemCode.INTEGRITY, row, "id", number=number
            )
    raise AssertionError("no retired ID is repeated")  # (the caller counted one)


def _repeated_id(given: Mapping[str, list[Row]]) -> InvalidDataError:
    """The data error for the first row of the kinds' tables whose ID a row before it has
    (the items of both would be filled into one record), naming both rows."""
    first: dict[object, tuple[str, int]] = {}  # (by ID: text, _check_cells)
    for kind in KINDS:
        for number, row in enumerate(given.get(kind, ()), 1):
            before = first.setdefault(row[0], (kind, number))
            if before != (kind, number):
                at = (
                    f"row {before[1]}"
                    if before[0] == kind
                    else f"table {before[0]!r}, row {before[1]}"
                )
                message = f"row {number}: {row[0]!r} is used twice; first at {at}"
                return _error(
                    TABLES[kind], message, ProblemCode.INTEGRITY, row, "id", number=number
                )
    raise AssertionError("no ID is repeated")  # (the caller counted one)


def _key_order(table: Table, rows: list[Row]) -> list[int]:
    """The indexes of ``rows`` in the order of their key cells (rows with the same keys in
    the order given): each row keeps its own place, so that an error names it, not the first
    row equal to it."""
    keys = list(map(operator.itemgetter(slice(None, table.keys)), rows))
    return sorted(range(len(rows)), key=keys.__getitem__)


_ID: Final = operator.itemgetter("id")


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
    types = set(map(type, found))
    if not types <= {tuple, list}:
        for number, row in enumerate(found, 1):
            if not isinstance(row, _ROW_TYPES):
                names = ", ".join(table.column_names)
                raise TypeError(
                    f"{where}, row {number}: a row must be a tuple of cells in the order of "
                    f"the table's columns ({names}), not {what_was_given(row)}"
                )
    if types - {tuple}:  # (rows are sorted as tuples: a list and a tuple do not compare)
        found = list(map(tuple, found))
    width = len(table.columns)
    if set(map(len, found)) - {width}:
        number, row = next((n, r) for n, r in enumerate(found, 1) if len(r) != width)
        raise _error(
            table,
            f"row {number} has {len(row)} cells; expected {width} "
            f"({', '.join(table.column_names)})",
            ProblemCode.VALUE,
            row,
            number=number,
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
            number=number + 1,
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
            number=number,
        )


def _error(
    table: Table,
    message: str,
    code: ProblemCodeValue,
    row: Row,
    column: str | None = None,
    *,
    number: int,
) -> InvalidDataError:
    """Bad rows are bad data: an :class:`InvalidDataError` at the table (``table 'x'``),
    whose message names the row, as :func:`rightsdata.load_path` names a record; its
    problem's ``index`` is the row's position (``number`` less one), so that a reader of the
    table's file can say the row's line (:func:`rightsdata.tables.load_directory`)."""
    owner = row[0] if row and isinstance(row[0], str) else None
    return table_error(
        f"table {table.name!r}", message, code, column=column, record_id=owner, row=number
    )


def _fill(
    table: Table, given: list[Row], order: list[int], by_id: Mapping[str, tuple[str, Document]]
) -> None:
    """Append each row's item to the list it belongs to, checking owners and positions
    (``order`` is the indexes of ``given`` in key order; an error names a row by its place
    in ``given``)."""
    _check_owners(table, given, by_id)
    keys, field = table.keys, table.path[-1]
    ordered = list(map(given.__getitem__, order))
    if table.item is str:
        values = list(map(operator.itemgetter(keys), ordered))
    else:
        values = list(map(_maker(cast(type, table.item), table), ordered))
    nested = len(table.path) > 1
    for index, row, value in zip(order, ordered, values, strict=True):
        target = by_id[row[0]][1]  # type: ignore[index]
        if nested:
            target = _within(table, index, row, target)
        items = target[field]
        if row[keys - 1] != len(items):
            raise _misplaced(table, given, row)
        items.append(value)


#: What every message of a wrong position ends with.
_POSITIONS: Final = "(positions run 0, 1, 2, ... with no gap or repeat)"


def _misplaced(table: Table, given: list[Row], found: Row) -> InvalidDataError:
    """The data error for the positions of the list that holds ``found``, a row whose
    position is not the next in its list's (the rows taken in the order of their keys): the
    first row of that list, in the order given, whose position is outside 0 to its count of
    rows less one, or else the later of two with the same position. So the row named is one
    that was changed, copied or added, not an untouched row after it in that order."""
    keys, field = table.keys, table.path[-1]
    group = found[: keys - 1]
    rows = [(number, row) for number, row in enumerate(given, 1) if row[: keys - 1] == group]
    count = len(rows)
    for number, row in rows:
        if not 0 <= row[keys - 1] < count:  # type: ignore[operator]
            expected = "0" if count == 1 else f"0 to {count - 1}, for its {count} rows"
            return _error(
                table,
                f"row {number}: position {row[keys - 1]} in the {field} of {row[0]!r}; "
                f"expected {expected} {_POSITIONS}",
                ProblemCode.VALUE,
                row,
                "position",
                number=number,
            )
    # every position is one of 0 to count - 1, so one is held twice and another by none
    seen: dict[object, int] = {}
    for number, row in rows:
        before = seen.setdefault(row[keys - 1], number)
        if before != number:
            held = {row[keys - 1] for _, row in rows}
            missing = next(n for n in range(count) if n not in held)
            return _error(
                table,
                f"row {number}: position {row[keys - 1]} in the {field} of {row[0]!r}, as at "
                f"row {before}, and no row has position {missing} {_POSITIONS}",
                ProblemCode.VALUE,
                row,
                "position",
                number=number,
            )
    raise AssertionError("positions in order")  # (the caller found one out of it)


def _within(table: Table, index: int, row: Row, target: Document) -> Document:
    """The item of the record ``target`` that holds row ``index`` (``row``) of ``table``, a
    table of items within items (``figures.citations``): the data error for a position
    that names none."""
    positions = row[1 : table.keys - 1]
    for at, (part, position) in enumerate(zip(table.path[:-1], positions, strict=True), 1):
        items = target[part]
        if not 0 <= position < len(items):  # type: ignore[operator]
            raise _error(
                table,
                f"row {index + 1}: {table.column_names[at]} {position} names none of "
                f"the {part} of {row[0]!r} (it has {len(items)})",
                ProblemCode.INTEGRITY,
                row,
                table.column_names[at],
                number=index + 1,
            )
        target = items[position]
    return target


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
        number=number,
    )
