"""The tables as Apache Arrow tables and Parquet files (needs ``rightsdata[arrow]``).

Arrow types: IDs, text, EDTF dates and durations as ``string``; vocabulary terms as
``dictionary<int32, string>`` whose dictionary is the whole vocabulary, in its order (a pandas
categorical, a Polars categorical, a DuckDB enum-like column); days as ``date32``; counts
and positions as ``int64``; a citation's ``fields`` as ``list<string>``. Columns that are
never empty are non-nullable. Each table's schema carries the table's description and its
Table Schema (primary and foreign keys) as JSON under the metadata key ``rightsdata``, with
the dataset's name and version.

>>> import rightsdata
>>> table = arrow_table(rightsdata.load(), TABLES["events.figures"])
>>> str(table.schema.field("measure").type), str(table.schema.field("low").type)
('dictionary<values=string, indices=int32, ordered=0>', 'int64')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rightsdata._extras import require
from rightsdata.tables import TABLES, Column, ColumnType, Table, rows

if TYPE_CHECKING:
    import pyarrow

    from rightsdata.dataset import Dataset

__all__ = ["arrow_table", "arrow_type", "write_parquet"]


def _pyarrow() -> Any:
    return require("pyarrow", "arrow")


def arrow_type(column: Column) -> pyarrow.DataType:
    """The Arrow type of ``column``.

    >>> str(arrow_type(TABLES["citations"].column("fields")))
    'list<item: string>'
    """
    pa = _pyarrow()
    types: dict[ColumnType, Any] = {
        ColumnType.ID: pa.string(),
        ColumnType.TEXT: pa.string(),
        ColumnType.EDTF: pa.string(),
        ColumnType.DURATION: pa.string(),
        ColumnType.TERM: pa.dictionary(pa.int32(), pa.string()),
        ColumnType.DAY: pa.date32(),
        ColumnType.COUNT: pa.int64(),
        ColumnType.POSITION: pa.int64(),
        ColumnType.TEXT_LIST: pa.list_(pa.string()),
    }
    return types[column.type]  # type: ignore[no-any-return]


def _array(pa: Any, column: Column, values: list[Any]) -> Any:
    if column.type is ColumnType.TERM:
        index = {term: i for i, term in enumerate(column.terms)}
        indices = pa.array([None if v is None else index[v] for v in values], pa.int32())
        return pa.DictionaryArray.from_arrays(indices, pa.array(column.terms, pa.string()))
    if column.type is ColumnType.TEXT_LIST:
        values = [None if v is None else list(v) for v in values]
    return pa.array(values, arrow_type(column))


def arrow_table(dataset: Dataset, table: Table) -> pyarrow.Table:
    """``table``'s rows for ``dataset`` as a ``pyarrow.Table``."""
    from rightsdata.tablepackage import table_schema

    pa = _pyarrow()
    data = list(rows(dataset, table))
    columns = list(zip(*data, strict=True)) if data else [() for _ in table.columns]
    fields = [
        pa.field(
            c.name,
            arrow_type(c),
            nullable=not c.required,
            metadata={"description": c.description},
        )
        for c in table.columns
    ]
    metadata = {
        "rightsdata": json.dumps(
            {
                "dataset": dataset.name,
                "version": dataset.version,
                "table": table.name,
                "description": table.description,
                "schema": table_schema(table),
            },
            ensure_ascii=False,
        )
    }
    schema = pa.schema(fields, metadata=metadata)
    arrays = [_array(pa, c, list(v)) for c, v in zip(table.columns, columns, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)  # type: ignore[no-any-return]


def write_parquet(dataset: Dataset, directory: Path) -> list[Path]:
    """Write one Parquet file per table (``events.participants.parquet``) into
    ``directory``; return their paths."""
    require("pyarrow", "arrow")
    parquet = require("pyarrow.parquet", "arrow")
    written = []
    for name, table in TABLES.items():
        path = directory / f"{name}.parquet"
        parquet.write_table(arrow_table(dataset, table), path)
        written.append(path)
    return written
