"""The tables as Apache Arrow tables and Parquet files (needs ``rightsdata[arrow]``).

Arrow types: IDs, text, EDTF dates and durations as ``string``; vocabulary terms as
``dictionary<int32, string>`` whose dictionary is the whole vocabulary, in its order (a pandas
categorical, a Polars categorical, a DuckDB enum-like column); days as ``date32``; counts and
positions as ``int64``; numbers with a fraction (degrees) as ``float64``; a citation's
``fields`` as ``list<string>``. Columns that are never empty are non-nullable. Each table's
schema carries the table's description and its Table Schema (primary and foreign keys) as JSON
under the metadata key ``rightsdata``, with the dataset's name, version, licences and
citation (``licenses``, ``citation``: :mod:`rightsdata._tables.about`) and the format a
writer declares for its data (``rightsdata_format``), whose terms the Table Schema's
vocabularies list (the Arrow dictionaries, a type shared by every dataset, hold them all).

>>> import rightsdata
>>> table = arrow_table(rightsdata.load(), TABLES["figures"])
>>> str(table.schema.field("measure").type), str(table.schema.field("low").type)
('dictionary<values=string, indices=int32, ordered=0>', 'int64')
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from rightsdata._data.dataset import Dataset
from rightsdata._model.records import KINDS, RECORD_TYPES
from rightsdata._tables.tables import (
    TABLES,
    UNIX_EPOCH_ORDINAL,
    Column,
    ColumnType,
    Table,
    TableName,
    as_table,
    check_integers,
    checked_dataset,
    column_values,
    key_lists,
    kind_level,
    label_field,
    labels,
    raw_columns,
    read_lists,
    walk,
    written_tables,
)
from rightsdata._values.errors import checked
from rightsdata._values.extras import require
from rightsdata._values.format import FORMAT_KEY, FormatVersion, lowest_format
from rightsdata._values.lazymodule import LazyModule

if TYPE_CHECKING:
    import pyarrow
else:  # imported when used, or when typing.get_type_hints reads an annotation
    pyarrow = LazyModule("pyarrow")

__all__ = ["arrow_table", "arrow_type", "memory_pool", "parquet_files"]


_DICT_OR_NONE: Final = (dict, type(None))


def _pyarrow() -> Any:
    require("numpy", "arrow")  # (the key columns are made in numpy)
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
    """One column's Arrow array, from its raw values (days as proleptic ordinals)."""
    return _column(pa, column, [_part(pa, column, values)])


_INDEXES: dict[tuple[str, ...], dict[str, int]] = {}


def _part(pa: Any, column: Column, values: list[Any]) -> Any:
    """One part of a column, from its raw values: a vocabulary column's codes (a numpy
    array, -1 for null), a day column's ordinals (an Arrow ``int64`` array), any other
    column's Arrow array. :func:`_column` makes the column from its parts."""
    pool = memory_pool()
    if column.type is ColumnType.TERM:
        import numpy as np

        index = _INDEXES.get(column.terms)
        if index is None:
            index = _INDEXES[column.terms] = {term: n for n, term in enumerate(column.terms)}
        return np.fromiter(  # each term's code, looked up in C
            map(index.get, values, itertools.repeat(-1)), dtype=np.int32, count=len(values)
        )
    if column.type is ColumnType.DAY:
        return pa.array(values, pa.int64(), memory_pool=pool)
    return pa.array(values, arrow_type(column), memory_pool=pool)


def _column(pa: Any, column: Column, parts: list[Any]) -> Any:
    """A column from its parts (:func:`_part`), converted once for the whole column in
    numpy and Arrow's compute functions (each call costs tens of microseconds: per part,
    that was a third of the cost of a day column), not in Python."""
    pool = memory_pool()
    if column.type is ColumnType.TERM:
        import numpy as np

        codes = parts[0] if len(parts) == 1 else np.concatenate(parts)
        missing = codes < 0
        indices = pa.array(
            codes, pa.int32(), mask=missing if missing.any() else None, memory_pool=pool
        )
        return pa.DictionaryArray.from_arrays(indices, _vocabulary(pa, column.terms))
    if column.type is ColumnType.DAY:
        compute = require("pyarrow.compute", "arrow")
        ordinals = _joined(pa, parts, pa.int64())
        days = compute.subtract(ordinals, UNIX_EPOCH_ORDINAL, memory_pool=pool)
        days = compute.cast(days, pa.int32(), memory_pool=pool)
        return compute.cast(days, pa.date32(), memory_pool=pool)
    return _joined(pa, parts, arrow_type(column))


_VOCABULARIES: dict[tuple[str, ...], Any] = {}


def _vocabulary(pa: Any, terms: tuple[str, ...]) -> Any:
    """The Arrow array of a vocabulary, made once: every part of a column (and every column
    of the vocabulary) shares it, so the Parquet writer sees one dictionary throughout."""
    found = _VOCABULARIES.get(terms)
    if found is None:
        found = _VOCABULARIES[terms] = pa.array(terms, pa.string())
    return found


def _kind_ids(pa: Any, dataset: Dataset, kind: str, cache: dict[Any, Any]) -> Any:
    """The IDs of ``kind``'s records as an Arrow array, made once per export: the ``id``
    column of its table, its rows of ``records`` and the owner column of its lists."""
    here = ("arrow ids", kind)
    found = cache.get(here)
    if found is None:
        ids = kind_level(dataset, kind, cache)[0]
        found = cache[here] = pa.array(ids, pa.string(), memory_pool=memory_pool())
    return found


def _owner_ids(pa: Any, dataset: Dataset, kinds: tuple[str, ...], cache: dict[Any, Any]) -> Any:
    """The IDs of the records of ``kinds``, in order, as one Arrow array. Joined once per
    export for a set of kinds that several tables share (``figures`` and the three tables
    of its lists each joined them again); kept only for those, as the joined IDs of all the
    kinds are as large as the ``id`` column of ``records``."""
    here = ("arrow owner ids", kinds)
    found = cache.get(here)
    if found is None:
        arrays = [_kind_ids(pa, dataset, k, cache) for k in kinds]
        if len(arrays) == 1:
            return arrays[0]
        found = pa.concat_arrays(arrays, memory_pool=memory_pool())
        if sum(1 for t in TABLES.values() if t.kinds == kinds) > 1:
            cache[here] = found
    return found


def _chunks(array: Any) -> list[Any]:
    """The arrays an Arrow array or chunked array is made of."""
    chunks = getattr(array, "chunks", None)
    return [array] if chunks is None else list(chunks)


def _joined(pa: Any, parts: list[Any], type: Any) -> Any:
    """One column from its parts: the part itself if there is one, else a chunked array (the
    parts are not copied into one array: that copy took fresh pages for every column)."""
    if len(parts) == 1:
        return parts[0]
    return pa.chunked_array(parts, type=type)


def _key_arrays(pa: Any, dataset: Dataset, table: Table, cache: dict[Any, Any]) -> list[Any]:
    """The key columns of a table of items (the owner's ID, a position per level), made in
    numpy and Arrow from the number of items of each owner: the owners' IDs are taken from
    their Arrow array, never converted from Python text again."""
    ids = _owner_ids(pa, dataset, table.kinds, cache)
    if not table.path:
        return [ids]
    levels = walk(dataset, table, cache)
    owners, positions = _key_rows(table.kinds, table.path, levels, cache, keep=False)
    pool = memory_pool()
    compute = require("pyarrow.compute", "arrow")
    taken = pa.array(owners, pa.int64(), memory_pool=pool)
    try:
        owner = compute.take(ids, taken, boundscheck=False, memory_pool=pool)
    except pa.ArrowException:  # more than 2 GB of text for one array: from Python, in chunks
        owner = pa.array(key_lists(dataset, table, cache)[0], pa.string(), memory_pool=pool)
    return [owner, *(pa.array(p, pa.int64(), memory_pool=pool) for p in positions)]


def _key_rows(
    kinds: tuple[str, ...],
    path: tuple[str, ...],
    levels: list[Any],
    cache: dict[Any, Any],
    keep: bool = True,
) -> tuple[Any, list[Any]]:
    """For each item at the end of ``path`` (``levels``: the walk to it or below it): its
    record's row among the records of ``kinds`` and its position at each level, as numpy
    arrays. A level above a table's own is kept in ``cache`` (``keep``) for the other tables
    below it: the three tables of figures' lists share the figures' level."""
    import numpy as np

    here = ("arrow key rows", kinds, path)
    found = cache.get(here)
    if found is None:
        counts = levels[len(path) - 1][0]
        count = np.fromiter(counts, dtype=np.int64, count=len(counts))
        parent = np.repeat(np.arange(len(count), dtype=np.int64), count)
        starts = np.cumsum(count) - count
        here_positions = np.arange(len(parent), dtype=np.int64) - starts[parent]
        if len(path) == 1:
            found = (parent, [here_positions])
        else:
            owners, positions = _key_rows(kinds, path[:-1], levels, cache)
            found = (owners[parent], [*(p[parent] for p in positions), here_positions])
        if keep:
            cache[here] = found
    return found


def _records_arrays(pa: Any, dataset: Dataset, table: Table, cache: dict[Any, Any]) -> list[Any]:
    """``records``: each kind's IDs, the kind, and the label, reusing the arrays of the kind
    tables where the label is a column of them (``name``, ``title``): each column is the
    kinds' arrays one after another, as parts of a chunked array, not copied."""
    import numpy as np

    ids, codes, found = [], [], []
    terms = table.column("kind").terms
    for kind in KINDS:
        ids.append(_kind_ids(pa, dataset, kind, cache))
        records = kind_level(dataset, kind, cache)[1]
        codes.append(np.full(len(records), terms.index(kind), dtype=np.int32))
        named = label_field(RECORD_TYPES[kind])
        array = None if named is None else cache.get(("arrow column", kind, (named,)))
        if array is None:
            array = pa.array(
                labels(records, RECORD_TYPES[kind], dataset), pa.string(), memory_pool=memory_pool()
            )
        found += _chunks(array)
    kinds = pa.DictionaryArray.from_arrays(
        pa.array(np.concatenate(codes), pa.int32(), memory_pool=memory_pool()),
        _vocabulary(pa, terms),
    )
    return [_joined(pa, ids, pa.string()), kinds, _joined(pa, found, pa.string())]


#: Items read and converted at a time by :func:`_arrays`. Parts take as much user CPU as
#: whole columns and less system time (the lists of one part's values and its Arrow
#: buffers reuse the memory of the part before): all 27 tables at 100,000 events, medians
#: of six exports alternating in one process, 2.21 s whole (system 0.30 s), 2.23 s in parts
#: of 16,384 items (system 0.19 s), 2.26 s in parts of 4,096; 2.14 against 2.09 s in another
#: such run. The lists of the values of a whole column are no longer held at once.
PART_ROWS: Final = 16_384


def _arrays(pa: Any, dataset: Dataset, table: Table, cache: dict[Any, Any]) -> list[Any]:
    """The Arrow arrays of ``table``'s columns, in order (a column of more than
    :data:`PART_ROWS` rows as a chunked array of its parts)."""
    if table.name == "records":
        return _records_arrays(pa, dataset, table, cache)
    if table.name == "redirects":
        found = raw_columns(dataset, table, cache)
        return [_array(pa, c, v) for c, v in zip(table.columns, found, strict=True)]
    items = walk(dataset, table, cache)[-1][1]
    arrays = _key_arrays(pa, dataset, table, cache)
    columns = table.columns[table.keys :]
    parts: list[list[Any]] = [[] for _ in columns]
    for start in range(0, max(len(items), 1), PART_ROWS):
        part = items[start : start + PART_ROWS] if len(items) > PART_ROWS else items
        seen: dict[Any, list[Any]] = {}
        for column, done in zip(columns, parts, strict=True):
            values = column_values(column, part, seen)
            try:
                done.append(_part(pa, column, values))
            except OverflowError as error:
                check_integers(table, raw_columns(dataset, table, cache))
                raise ValueError(f"table {table.name!r}: {error}") from error
    kind_table = table.path == () and len(table.kinds) == 1
    for column, done in zip(columns, parts, strict=True):
        array = _column(pa, column, done)
        if kind_table and column.field == (label_field(RECORD_TYPES[table.kinds[0]]),):
            cache["arrow column", table.kinds[0], column.field] = array  # for ``records``
        arrays.append(array)
    return arrays


def arrow_table(
    dataset: Dataset, table: Table | TableName, cache: dict[Any, Any] | None = None
) -> pyarrow.Table:
    """``table``'s rows (a :class:`Table` or its name, as for :func:`rows`) for ``dataset``
    as a ``pyarrow.Table``; ``cache`` (a dict, empty at first) lets the tables of one
    dataset share their walks and arrays.

    A count too large for a 64-bit integer raises ValueError naming the table, column and
    record.

    >>> import rightsdata
    >>> arrow_table(rightsdata.load(), "events.charges").num_rows > 0
    True
    """
    from rightsdata._tables.tablepackage import table_schema

    dataset = checked_dataset(dataset, "arrow_table")
    table = as_table(table)
    checked(cache, "arrow_table: cache", "a dict or None", _DICT_OR_NONE)
    pa = _pyarrow()
    cache = {} if cache is None else cache
    format = _format(dataset, cache)
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
                **_about(dataset, cache),
                "table": table.name,
                "description": table.description,
                FORMAT_KEY: format,
                "schema": table_schema(table, format),
            },
            ensure_ascii=False,
        )
    }
    schema = pa.schema(fields, metadata=metadata)
    arrays = _arrays(pa, dataset, table, cache)
    return pa.Table.from_arrays(arrays, schema=schema)  # type: ignore[no-any-return]


def _about(dataset: Dataset, cache: dict[Any, Any]) -> dict[str, Any]:
    """The dataset's licences and citation (:func:`rightsdata._tables.about.about`), found
    once for the tables that share ``cache``."""
    here = ("arrow about",)
    found: dict[str, Any] | None = cache.get(here)
    if found is None:
        from rightsdata._tables.about import about

        found = cache[here] = about(dataset)
    return found


def _format(dataset: Dataset, cache: dict[Any, Any]) -> FormatVersion:
    """The format a writer declares for ``dataset`` (:func:`lowest_format`), found once for
    the tables that share ``cache``: it reads every record."""
    here = ("arrow format",)
    found: FormatVersion | None = cache.get(here)
    if found is None:
        found = cache[here] = lowest_format({kind: getattr(dataset, kind) for kind in KINDS})
    return found


def parquet_files(dataset: Dataset) -> dict[str, Callable[[Path], None]]:
    """For each table, its file name (``events.participants.parquet``) and a function that
    builds the table and writes it to a path given.

    Each table is built when its turn comes and let go once written, so the memory of one is
    reused for the next (all of them built first held the whole export's Arrow data at
    once, and at a million events the fresh pages it took cost more system time than the
    rest of the export). The export stays all or nothing: a table that cannot be built
    (a count too large) raises inside :func:`rightsdata._values.atomic.write_all`, which
    removes what it wrote.
    """
    _pyarrow()
    parquet = require("pyarrow.parquet", "arrow")
    cache: dict[Any, Any] = {}  # the tables share their walks through the records
    found: dict[Any, Any] = {}
    format = _format(dataset, found)  # (once: the tables it writes are that format's)

    def writer(table: Table) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            if not cache:
                read_lists(dataset, cache)
                cache.update(found)
            built = arrow_table(dataset, table, cache)
            parquet.write_table(built, str(path), memory_pool=memory_pool())

        return write

    return {f"{name}.parquet": writer(table) for name, table in written_tables(format)}
