"""The tables of :mod:`rightsdata.tables` as pandas DataFrames (needs ``rightsdata[pandas]``).

Column types: IDs, text, EDTF dates and durations as pandas' ``string`` dtype; a date's
``_earliest`` and ``_latest`` days as ``datetime64[s]`` (which holds years 1 to 9999; NaT where
open or unknown); vocabulary terms as categoricals whose categories are the whole vocabulary,
in its order; counts as nullable ``Int64``; positions as ``int64``; a citation's ``fields`` as
tuples of text (or None). Tables keyed by ``id`` are indexed by it.

>>> import rightsdata
>>> from rightsdata.tables import get_table
>>> charges = frame(rightsdata.load(), get_table("events.charges"))
>>> list(charges.columns), str(charges["position"].dtype)
(['event_id', 'position', 'provision', 'against'], 'int64')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rightsdata._extras import require
from rightsdata.tables import Column, ColumnType, Table, rows

if TYPE_CHECKING:
    import pandas

    from rightsdata.dataset import Dataset

__all__ = ["dtype", "frame"]

_SIMPLE: dict[ColumnType, str] = {
    ColumnType.ID: "string",
    ColumnType.TEXT: "string",
    ColumnType.EDTF: "string",
    ColumnType.DURATION: "string",
    ColumnType.DAY: "datetime64[s]",
    ColumnType.COUNT: "Int64",
    ColumnType.POSITION: "int64",
    ColumnType.TEXT_LIST: "object",
}


def _pandas() -> Any:
    return require("pandas", "pandas")


def dtype(column: Column) -> Any:
    """The pandas dtype of ``column``.

    >>> from rightsdata.tables import get_table
    >>> dtype(get_table("events").column("kind")).categories[:3].tolist()
    ['protest', 'strike', 'unrest']
    """
    pd = _pandas()
    if column.type is ColumnType.TERM:
        return pd.CategoricalDtype(categories=list(column.terms))
    return _SIMPLE[column.type]


def frame(dataset: Dataset, table: Table) -> pandas.DataFrame:
    """``table``'s rows for ``dataset`` as a DataFrame with typed columns."""
    pd = _pandas()
    data = list(rows(dataset, table))
    columns = list(zip(*data, strict=True)) if data else [() for _ in table.columns]
    result = pd.DataFrame(
        {
            column.name: pd.Series(list(values), dtype=dtype(column))
            for column, values in zip(table.columns, columns, strict=True)
        }
    )
    if table.primary_key == ("id",):
        result = result.set_index("id")
    return result  # type: ignore[no-any-return]
