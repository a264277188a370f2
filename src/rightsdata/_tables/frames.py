"""The tables of :mod:`rightsdata._tables.tables` as pandas DataFrames (needs
``rightsdata[pandas]``).

Column types: IDs, text, EDTF dates and durations as pandas' ``string`` dtype; a date's
``_earliest`` and ``_latest`` days as ``datetime64[s]`` (which holds years 1 to 9999; NaT where
open or unknown); vocabulary terms as categoricals whose categories are the whole vocabulary, in
its order; counts as nullable ``Int64``; numbers (degrees) as nullable ``Float64``; positions as
``int64``; a citation's ``fields`` as tuples of text (or None). Tables keyed by ``id`` keep
``id`` as their first column and are indexed by it too (the index has no name, so that ``"id"``
means the column everywhere).

Each column is built straight from the table's column lists (numpy arrays of day numbers,
category codes), never from rows.

>>> import rightsdata
>>> from rightsdata._tables.tables import get_table
>>> charges = frame(rightsdata.load(), get_table("events.charges"))
>>> list(charges.columns), str(charges["position"].dtype)
(['event_id', 'position', 'provision', 'against'], 'int64')
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rightsdata._data.dataset import Dataset
from rightsdata._tables.tables import (
    TABLES,
    UNIX_EPOCH_ORDINAL,
    Column,
    ColumnType,
    Table,
    TableName,
    as_table,
    check_integers,
    raw_columns,
)
from rightsdata._values.extras import require
from rightsdata._values.lazymodule import LazyModule

if TYPE_CHECKING:
    import pandas
else:  # imported when used, or when typing.get_type_hints reads an annotation
    pandas = LazyModule("pandas")

__all__ = ["dtype", "frame", "frames", "to_pandas", "to_pandas_all"]

_SIMPLE: dict[ColumnType, str] = {
    ColumnType.ID: "string",
    ColumnType.TEXT: "string",
    ColumnType.EDTF: "string",
    ColumnType.DURATION: "string",
    ColumnType.DAY: "datetime64[s]",
    ColumnType.COUNT: "Int64",
    ColumnType.NUMBER: "Float64",
    ColumnType.POSITION: "int64",
    ColumnType.TEXT_LIST: "object",
}


def _pandas() -> Any:
    return require("pandas", "pandas")


def dtype(column: Column) -> Any:
    """The pandas dtype of ``column``.

    >>> from rightsdata._tables.tables import get_table
    >>> dtype(get_table("events").column("kind")).categories[:3].tolist()
    ['protest', 'strike', 'unrest']
    """
    pd = _pandas()
    if column.type is ColumnType.TERM:
        return pd.CategoricalDtype(categories=list(column.terms))
    return _SIMPLE[column.type]


#: ``_ZERO.get(v, v)``: 0 for None, the value itself otherwise (a count's or number's data
#: under its null mask).
_ZERO: dict[Any, int] = {None: 0}


def _series_data(pd: Any, column: Column, values: Sequence[Any]) -> Any:
    """The array of one column, built from its raw values (days as ordinals)."""
    import numpy as np

    kind = column.type
    if kind is ColumnType.TERM:
        index = {term: code for code, term in enumerate(column.terms)}
        # every value is a term of the vocabulary (or None: -1), looked up in C
        codes = np.fromiter(
            map(index.get, values, itertools.repeat(-1)), dtype=np.int32, count=len(values)
        )
        return pd.Categorical.from_codes(codes, dtype=dtype(column))
    if kind is ColumnType.DAY:
        # days repeat (a few thousand distinct dates in 100,000 events): each is converted once
        unix = {v: v - UNIX_EPOCH_ORDINAL for v in set(values) if v is not None}
        unix[None] = np.iinfo(np.int64).min  # NaT's bit pattern
        days = np.fromiter(map(unix.__getitem__, values), dtype=np.int64, count=len(values))
        return days.view("datetime64[D]").astype("datetime64[s]")
    if kind is ColumnType.POSITION:
        return np.fromiter(values, dtype=np.int64, count=len(values))
    if kind in (ColumnType.COUNT, ColumnType.NUMBER):
        # the values and the mask of the nulls, each made in one C-level pass
        count = len(values)
        missing = np.fromiter(
            map(operator.is_, values, itertools.repeat(None)), dtype=np.bool_, count=count
        )
        if kind is ColumnType.COUNT:  # a count too large for int64 raises OverflowError
            data = np.fromiter(map(_ZERO.get, values, values), dtype=np.int64, count=count)
            return pd.arrays.IntegerArray(data, missing)
        data = np.fromiter(map(_ZERO.get, values, values), dtype=np.float64, count=count)
        return pd.arrays.FloatingArray(data, missing)
    if kind is ColumnType.TEXT_LIST:
        array = np.empty(len(values), dtype=object)
        for i, value in enumerate(values):
            array[i] = value
        return array
    return _strings(pd, values)


def _strings(pd: Any, values: Sequence[Any]) -> Any:
    """A ``string`` array. Where pandas keeps its ``string`` dtype in Arrow (pandas 3 with
    pyarrow), building the Arrow array directly is about four times faster than
    ``pd.array(values, dtype="string")``, with the same dtype."""
    if pd.StringDtype().storage == "pyarrow":
        import pyarrow as pa

        from rightsdata._tables.arrow import memory_pool

        array = pa.array(values, pa.large_string(), memory_pool=memory_pool())
        return pd.arrays.ArrowStringArray(array)
    return pd.array(values, dtype="string")


def frame(dataset: Dataset, table: Table, cache: dict[Any, Any] | None = None) -> pandas.DataFrame:
    """``table``'s rows for ``dataset`` as a DataFrame with typed columns (``cache``: see
    :func:`rightsdata._tables.tables.raw_columns`)."""
    pd = _pandas()
    found = raw_columns(dataset, table, cache)
    try:
        data = {
            column.name: _series_data(pd, column, values)
            for column, values in zip(table.columns, found, strict=True)
        }
    except OverflowError as error:
        check_integers(table, found)  # says which record's count is too large
        raise ValueError(f"table {table.name!r}: {error}") from error
    index = pd.Index(data["id"]) if table.primary_key == ("id",) else None
    return pd.DataFrame(data, index=index, copy=False)  # type: ignore[no-any-return]


def frames(dataset: Dataset) -> dict[str, pandas.DataFrame]:
    """Every table of ``dataset`` as a DataFrame, by name, in the order of ``TABLES``.

    >>> import rightsdata
    >>> all_tables = frames(rightsdata.load())
    >>> list(all_tables)[:3], len(all_tables["events"])
    (['sources', 'persons', 'organizations'], 130)
    """
    cache: dict[Any, Any] = {}  # the tables share their walks through the records
    return {name: frame(dataset, table, cache) for name, table in TABLES.items()}


def to_pandas(dataset: Dataset, table: Table | TableName) -> pandas.DataFrame:
    """One table (a :class:`Table` or its name, as for ``rows``) as a pandas DataFrame
    (needs ``rightsdata[pandas]``); see docs/pandas.md.

    Kind tables (and ``records``, ``redirects``) have ``id`` as their first column and as
    their (unnamed) index; the long tables keep their key columns as columns, so that they
    join naturally. :func:`to_pandas_all` gives every table at once.

    >>> import rightsdata
    >>> events = to_pandas(rightsdata.load(), "events")
    >>> str(events.loc["event:kozlov-verdict-2012-10-08", "date_latest"].date())
    '2012-10-08'
    """
    return frame(dataset, as_table(table))


def to_pandas_all(dataset: Dataset) -> dict[str, pandas.DataFrame]:
    """Every table as a pandas DataFrame, by table name (needs ``rightsdata[pandas]``).

    >>> import rightsdata
    >>> tables = to_pandas_all(rightsdata.load())
    >>> len(tables) == len(TABLES), tables["events.charges"].columns[0]
    (True, 'event_id')
    """
    return frames(dataset)
