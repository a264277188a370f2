"""The Frictionless Data Package (v2) of CSV tables: Table Schemas and ``datapackage.json``.

Each table of :mod:`rightsdata._tables.tables` is one CSV resource with a Table Schema: its
fields typed (IDs with their pattern, vocabulary terms with their ``enum`` and ``categories``,
EDTF dates with their pattern, days as ``date``, counts as ``integer``, degrees as ``number``
with their bounds), its ``primaryKey`` and its ``foreignKeys``. The package's other properties
(name, version, licence, sources) are the dataset's own, as in its ``datapackage.json``.
``frictionless validate`` accepts the result. A vocabulary's ``enum`` holds the terms of the
format the package declares (``rightsdata_format``): a term a later format added
(``TERMS_FROM``) is left out of an older format's, as its JSON Schemas leave it out, and so
is a record kind a later format added (``KINDS_FROM``): its tables, its name among the
``records`` table's kinds, its ID prefix in the ID patterns.

>>> schema = table_schema(TABLES["figures.citations"])
>>> schema["primaryKey"]
['record_id', 'figure_position', 'position']
>>> schema["foreignKeys"][0]
{'fields': ['record_id', 'figure_position'], 'reference': {'resource': 'figures', \
'fields': ['record_id', 'position']}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from rightsdata._data.dataset import Dataset
from rightsdata._tables.csvtables import DIALECT
from rightsdata._tables.tables import TABLES, Column, ColumnType, ForeignKey, Table
from rightsdata._values.format import FORMAT, FormatVersion, prefixes_in
from rightsdata._values.ids import id_pattern

__all__ = ["TABLESCHEMA_PROFILE", "descriptor", "field_descriptor", "table_schema"]

TABLESCHEMA_PROFILE: Final = "https://datapackage.org/profiles/2.0/tableschema.json"

_TYPES: Final[dict[ColumnType, str]] = {
    ColumnType.ID: "string",
    ColumnType.TEXT: "string",
    ColumnType.TERM: "string",
    ColumnType.EDTF: "string",
    ColumnType.DAY: "date",
    ColumnType.COUNT: "integer",
    ColumnType.NUMBER: "number",
    ColumnType.POSITION: "integer",
    ColumnType.DURATION: "duration",
    ColumnType.TEXT_LIST: "array",
}


def _unanchored(pattern: str) -> str:
    """Table Schema patterns match the whole value already (XML Schema style)."""
    return pattern.removeprefix("^").removesuffix("$")


def _edtf_pattern() -> str:
    from rightsdata._values.dates import EDTF_PATTERN

    return _unanchored(EDTF_PATTERN)


def field_descriptor(column: Column, format: int = FORMAT) -> dict[str, Any]:
    """The Table Schema field for ``column`` in a package declaring ``format`` (by default
    the newest), whose terms a vocabulary's ``enum`` and ``categories`` list.

    >>> field_descriptor(TABLES["events.participants"].column("role"))["constraints"]["enum"][:2]
    ['victim', 'perpetrator']
    """
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TYPES[column.type],
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.type is ColumnType.ID:
        # (not a kind a later format added: KINDS_FROM; none left, a newer field's column)
        refs = prefixes_in(column.refs, format) or column.refs
        constraints["pattern"] = _unanchored(id_pattern(refs))
    elif column.type is ColumnType.TERM:
        terms = list(column.terms_in(format))
        field["categories"] = terms
        constraints["enum"] = list(terms)
    elif column.type is ColumnType.EDTF:
        constraints["pattern"] = _edtf_pattern()
    elif column.type in (ColumnType.COUNT, ColumnType.POSITION):
        constraints["minimum"] = 0
    if column.bounds is not None:
        constraints["minimum"], constraints["maximum"] = column.bounds
    if column.max_length is not None:
        constraints["maxLength"] = column.max_length
    if constraints:
        field["constraints"] = constraints
    return field


def _foreign_key(key: ForeignKey, table: Table) -> dict[str, Any]:
    reference: dict[str, Any] = {"fields": list(key.table_columns)}
    if key.table != table.name:  # a reference to the table itself names no resource
        reference = {"resource": key.table, **reference}
    return {"fields": list(key.columns), "reference": reference}


def table_schema(table: Table, format: int = FORMAT) -> dict[str, Any]:
    """The Table Schema (v2) of ``table`` in a package declaring ``format`` (by default the
    newest): fields, primary key, foreign keys."""
    schema: dict[str, Any] = {
        "$schema": TABLESCHEMA_PROFILE,
        "fields": [field_descriptor(c, format) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [_foreign_key(k, table) for k in table.foreign_keys]
    return schema


def descriptor(
    dataset: Dataset,
    files: Mapping[str, bytes],
    formulas: str = "escape",
    format: FormatVersion | None = None,
) -> dict[str, Any]:
    """``datapackage.json`` for ``dataset``'s CSV tables, whose bytes ``files`` holds by table
    name (those of ``written_tables``), written with the ``csv_formulas`` option
    ``formulas``: the dataset's own descriptor, with one resource per table. Its
    ``rightsdata_format`` is ``format``, by default the lowest format the data needs
    (``_values.format.lowest_format``), as a folder written from the dataset would declare,
    whatever the dataset was read from, and its Table Schemas' vocabularies and ID patterns
    are that format's. Each resource's CSV dialect says how its file is written,
    ``formulas`` too (``rightsdata_csv_formulas``), which
    :func:`rightsdata.tables.read_directory` reads the tables back with (the export's
    manifest says it too, but a copy of the folder may leave that hidden file out)."""
    from rightsdata._data.canonical import sha256
    from rightsdata._data.packagemeta import package_metadata
    from rightsdata._model.records import KINDS
    from rightsdata._tables.exportfolder import FORMULAS_KEY
    from rightsdata._values.format import FORMAT_KEY, lowest_format

    package = package_metadata(dataset)
    if format is None:
        format = lowest_format({kind: getattr(dataset, kind) for kind in KINDS})
    package[FORMAT_KEY] = format
    package["resources"] = [
        {
            "name": name,
            "type": "table",
            "path": f"{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {**DIALECT, FORMULAS_KEY: formulas},
            "description": table.description,
            "bytes": len(files[name]),
            "hash": sha256(files[name].decode("utf-8")),
            "schema": table_schema(table, format),
        }
        for name, table in TABLES.items()
        if name in files
    ]
    return package
