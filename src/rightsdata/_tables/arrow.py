"""The tables as Apache Arrow tables and Parquet files (needs ``rightsdata[arrow]``).

Arrow types: IDs, text, EDTF dates and durations as ``string``; vocabulary terms as
``dictionary<int32, string>`` whose dictionary is the whole vocabulary, in its order (a pandas
categorical, a Polars categorical, a DuckDB enum-like column); days as ``date32``; counts and
positions as ``int64``; numbers with a fraction (degrees) as ``float64``; a citation's
``fields`` as ``list<string>``. Columns that are never empty are non-nullable. Each table's
schema carries the table's description and its Table Schema (primary and foreign keys) as JSON
under the metadata key ``rightsdata``, with the dataset's name and version.

>>> import rightsdata
>>> table = arrow_table(rightsdata.load(), TABLES["figures"])
>>> str(table.schema.field("measure").type), str(table.schema.field("low").type)
('dictionary<values=string, indices=int32, ordered=0>', 'int64')
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rightsdata._tables.tables import (
    TABLES,
    UNIX_EPOCH_ORDINAL,
    Column,
    ColumnType,
    Table,
    check_integers,
    raw_columns,
)
from rightsdata._values.extras import require

if TYPE_CHECKING:
    import pyarrow

    from rightsdata._data.dataset import Dataset

__all__ = ["arrow_table", "arrow_type", "memory_pool", "parquet_files", "write_parquet"]


def _pyarrow() -> Any:
    return require("pyarrow", "arrow")


_POOL: list[Any] = []


def memory_pool() -> Any:
    """The Arrow memory pool the tables are built in: jemalloc's where pyarrow has it.

    Arrow's default pool on Linux (mimalloc) hands large freed blocks back to the system at
    once, so each column's growing buffers land on fresh pages that the kernel must clear: at
    100,000 events that was about 1.4 s of system time for the Parquet export, against 0.5 s
    in jemalloc's pool, which keeps freed pages for reuse. Only the tables' own buffers are
    allocated here; pyarrow's default pool is left as it is.
    """
    if not _POOL:
        pa = _pyarrow()
        try:
            _POOL.append(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a pyarrow built without jemalloc (Windows)
            _POOL.append(pa.default_memory_pool())
    return _POOL[0]


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
        ColumnType.NUMBER: pa.float64(),
        ColumnType.POSITION: pa.int64(),
        ColumnType.TEXT_LIST: pa.list_(pa.string()),
    }
    return types[column.type]  # type: ignore[no-any-return]


def _array(pa: Any, column: Column, values: list[Any]) -> Any:
    """One column's Arrow array, from its raw values (days as proleptic ordinals); the
    conversions run in Arrow's compute functions, not in Python."""
    compute = require("pyarrow.compute", "arrow")
    pool = memory_pool()
    if column.type is ColumnType.TERM:
        terms = pa.array(column.terms, pa.string())
        found = compute.index_in(
            pa.array(values, pa.string(), memory_pool=pool), value_set=terms, memory_pool=pool
        )
        return pa.DictionaryArray.from_arrays(
            compute.cast(found, pa.int32(), memory_pool=pool), terms
        )
    if column.type is ColumnType.DAY:
        days = compute.subtract(
            pa.array(values, pa.int64(), memory_pool=pool), UNIX_EPOCH_ORDINAL, memory_pool=pool
        )
        days = compute.cast(days, pa.int32(), memory_pool=pool)
        return compute.cast(days, pa.date32(), memory_pool=pool)
    return pa.array(values, arrow_type(column), memory_pool=pool)


def arrow_table(
    dataset: Dataset, table: Table, cache: dict[Any, Any] | None = None
) -> pyarrow.Table:
    """``table``'s rows for ``dataset`` as a ``pyarrow.Table``.

    A count too large for a 64-bit integer raises ValueError naming the table, column and
    record.
    """
    from rightsdata._tables.tablepackage import table_schema

    pa = _pyarrow()
    found = raw_columns(dataset, table, cache)
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
    try:
        arrays = [_array(pa, c, v) for c, v in zip(table.columns, found, strict=True)]
    except OverflowError as error:
        check_integers(table, found)  # says which record's count is too large
        raise ValueError(f"table {table.name!r}: {error}") from error
    return pa.Table.from_arrays(arrays, schema=schema)  # type: ignore[no-any-return]


def parquet_files(dataset: Dataset) -> dict[str, Callable[[Path], None]]:
    """For each table, its file name (``events.participants.parquet``) and a function that
    writes it to a path given; every table is built (and checked) before this returns, so
    nothing is written for a dataset that cannot be."""
    require("pyarrow", "arrow")
    parquet = require("pyarrow.parquet", "arrow")
    cache: dict[Any, Any] = {}  # the tables share their walks through the records
    built = {name: arrow_table(dataset, table, cache) for name, table in TABLES.items()}

    def writer(table: Any) -> Callable[[Path], None]:
        return lambda path: parquet.write_table(table, str(path), memory_pool=memory_pool())

    return {f"{name}.parquet": writer(table) for name, table in built.items()}


def write_parquet(dataset: Dataset, directory: Path) -> list[Path]:
    """Write one Parquet file per table (``events.participants.parquet``) into
    ``directory``, all or none (:func:`rightsdata._values.atomic.write_all`); return their paths."""
    from rightsdata._values.atomic import write_all

    return write_all(directory, parquet_files(dataset))
