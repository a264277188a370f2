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

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from rightsdata._model.records import KINDS, RECORD_TYPES
from rightsdata._tables.tableerrors import table_error
from rightsdata._tables.tables import TABLES, Row, Table, TableName
from rightsdata._values.errors import InvalidDataError, ProblemCode, what_was_given
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
    and the redirects. A row whose owner is missing, a gap in positions, or a row of another
    width than its table's raises :class:`rightsdata.InvalidDataError` (a ``ValueError``)
    naming the table and the row. :func:`rightsdata.load_documents` checks the documents and
    builds the dataset.

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
    documents: dict[str, list[Document]] = {kind: [] for kind in KINDS}
    by_id: dict[str, Document] = {}
    for kind in KINDS:
        for row in tables.get(kind, ()):
            _check_width(TABLES[kind], row)
            document = _document(RECORD_TYPES[kind], TABLES[kind], row)
            documents[kind].append(document)
            by_id[document["id"]] = document
    for table in TABLES.values():
        if table.path:
            _fill(table, sorted(tables.get(table.name, ()), key=_key(table)), by_id)
    from rightsdata._data.canonical import without_empty_fields

    for name, kind_documents in documents.items():
        kind_documents[:] = [without_empty_fields(RECORD_TYPES[name], d) for d in kind_documents]
        kind_documents.sort(key=lambda d: str(d["id"]))
    redirects = {str(row[0]): str(row[1]) for row in tables.get("redirects", ())}
    return documents, redirects


def _key(table: Table) -> Any:
    keys = table.keys

    def key(row: Row) -> tuple[Any, ...]:
        return row[:keys]

    return key


def _error(table: Table, message: str, code: str, row: Row) -> InvalidDataError:
    """Bad rows are bad data: an :class:`InvalidDataError` at the table (``table 'x'``),
    whose message names the row, as :func:`rightsdata.load_path` names a record."""
    owner = row[0] if row and isinstance(row[0], str) else None
    return table_error(f"table {table.name!r}", message, code, record_id=owner)


def _check_width(table: Table, row: Row) -> None:
    if len(row) != len(table.columns):
        raise _error(
            table,
            f"row {row!r} has {len(row)} cells; expected {len(table.columns)} "
            f"({', '.join(table.column_names)})",
            ProblemCode.VALUE,
            row,
        )


def _fill(table: Table, rows: list[Row], by_id: Mapping[str, Document]) -> None:
    """Append each row's item to the list it belongs to, checking positions."""
    for row in rows:
        _check_width(table, row)
        owner = by_id.get(str(row[0]))
        if owner is None:
            raise _error(
                table, f"no record {row[0]!r} owns the row {row!r}", ProblemCode.INTEGRITY, row
            )
        target: Any = owner
        for field, position in zip(table.path[:-1], row[1 : table.keys - 1], strict=True):
            target = target[field][position]
        items: list[Any] = target[table.path[-1]]
        if row[table.keys - 1] != len(items):
            raise _error(
                table,
                f"row {row!r} has position {row[table.keys - 1]}; expected {len(items)}",
                ProblemCode.VALUE,
                row,
            )
        if table.item is str:
            items.append(row[table.keys])
        else:
            assert table.item is not None
            items.append(_document(table.item, table, row))
