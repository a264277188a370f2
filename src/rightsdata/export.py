"""Writing a dataset out: JSON, JSON Lines, CSV tables, a Frictionless Data Package, Parquet.

Every format writes into a directory (created if missing; files of the same name are
replaced, others left alone) and returns the paths written. docs/exports.md describes each
layout.

- ``json``: the canonical dataset folder (one file per kind and ``datapackage.json``), exactly
  as ``rightsdata fmt`` writes it; ``rightsdata.load_path`` reads it back to an equal dataset.
- ``jsonl``: ``records.jsonl``, one record a line with its kind in ``"$kind"`` (and a line per
  redirect); ``rightsdata.load_path`` reads it back (without the name and version, which
  JSON Lines has no place for).
- ``csv``: one CSV file per table of :mod:`rightsdata.tables`.
- ``datapackage``: the CSV files and a ``datapackage.json`` (Data Package v2) with a Table
  Schema per table: types, primary keys and foreign keys.
- ``parquet``: one Parquet file per table (needs ``rightsdata[arrow]``).

>>> import rightsdata, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     [p.name for p in export(rightsdata.load(), folder, "csv")][:3]
['sources.csv', 'persons.csv', 'organizations.csv']
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from rightsdata.dataset import Dataset

__all__ = ["FORMATS", "JSON_LINES_FILE", "export"]

#: The formats :func:`export` writes, and what each needs.
FORMATS: Final[dict[str, str]] = {
    "json": "one JSON file per record kind, and datapackage.json (the dataset's own layout)",
    "jsonl": "records.jsonl: one record a line, its kind in a $kind field",
    "csv": "one CSV file per table",
    "datapackage": "the CSV tables and datapackage.json with their Table Schemas and keys",
    "parquet": "one Parquet file per table (needs rightsdata[arrow])",
}
JSON_LINES_FILE: Final = "records.jsonl"


def export(dataset: Dataset, directory: str | os.PathLike[str], format: str = "json") -> list[Path]:
    """Write ``dataset`` into ``directory`` in ``format`` (see :data:`FORMATS`); return the
    paths written, in order.

    An unknown format raises ValueError; ``parquet`` without pyarrow raises
    ``rightsdata._extras.MissingExtraError`` (an ImportError) before writing anything.

    >>> import rightsdata, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (path,) = export(rightsdata.load(), folder, "jsonl")
    ...     rightsdata.load_path(path).counts() == rightsdata.load().counts()
    True
    """
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
    if format == "parquet":
        from rightsdata._extras import require

        require("pyarrow", "arrow")
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    return writer(dataset, target)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _json(dataset: Dataset, directory: Path) -> list[Path]:
    from rightsdata.canonical import render_folder

    return [
        _write(directory / name, text.encode("utf-8"))
        for name, text in render_folder(dataset).items()
    ]


def _json_lines(dataset: Dataset, directory: Path) -> list[Path]:
    from rightsdata.loading import KIND_FIELD

    lines = [
        json.dumps({KIND_FIELD: kind, **document}, ensure_ascii=False)
        for kind, documents in dataset.to_dict().items()
        for document in documents
    ]
    lines += [
        json.dumps({KIND_FIELD: "redirects", "id": old, "to": new}, ensure_ascii=False)
        for old, new in sorted(dataset.redirects.items())
    ]
    text = "".join(line + "\n" for line in lines)
    return [_write(directory / JSON_LINES_FILE, text.encode("utf-8"))]


def _csv_files(dataset: Dataset) -> dict[str, bytes]:
    from rightsdata.csvtables import render
    from rightsdata.tables import TABLES, rows

    return {name: render(t, rows(dataset, t)).encode("utf-8") for name, t in TABLES.items()}


def _csv(dataset: Dataset, directory: Path) -> list[Path]:
    return [_write(directory / f"{name}.csv", data) for name, data in _csv_files(dataset).items()]


def _datapackage(dataset: Dataset, directory: Path) -> list[Path]:
    from rightsdata.canonical import dumps
    from rightsdata.loading import DESCRIPTOR
    from rightsdata.tablepackage import descriptor

    files = _csv_files(dataset)
    written = [_write(directory / f"{name}.csv", data) for name, data in files.items()]
    package = dumps(descriptor(dataset, files)).encode("utf-8")
    return [*written, _write(directory / DESCRIPTOR, package)]


def _parquet(dataset: Dataset, directory: Path) -> list[Path]:
    from rightsdata.arrow import write_parquet

    return write_parquet(dataset, directory)


_WRITERS: Final = {
    "json": _json,
    "jsonl": _json_lines,
    "csv": _csv,
    "datapackage": _datapackage,
    "parquet": _parquet,
}
