"""What a folder of CSV tables says about itself: the tables it should hold, and the
``csv_formulas`` option they were written with.

An export lists the files it wrote in its manifest (:data:`MANIFEST`,
with the ``csv_formulas`` option of a CSV export), and a ``datapackage`` export's
``datapackage.json`` lists each table as a resource, whose CSV dialect records the option
too (:data:`FORMULAS_KEY`), so that a copy without the hidden manifest still says it.
:func:`rightsdata.tables.read_directory` reads them so that a table missing from a copy of
the export (a file not copied, an upload that dropped one) is an error rather than a table of
no rows, and so that the texts are read back with the option they were written with. A
manifest or descriptor that cannot be read, or is not as an export writes it, says nothing
(a folder of CSV files may be anyone's); but an option recorded that is none
(:func:`written_option`) is an error, as the texts cannot be read back without it.

>>> import rightsdata, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = rightsdata.load().export(folder, "csv", csv_formulas="keep")
...     listed = listed_tables(Path(folder))
...     listed["events.participants"], written_option(Path(folder))
('.rightsdata-export', Written(option='keep', where="the export's manifest (.rightsdata-export)"))
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple, get_args

from rightsdata._data.bytemarks import unmarked
from rightsdata._tables.tables import TABLES
from rightsdata._values.errors import (
    InvalidDataError,
    Problem,
    ProblemCode,
    ProblemCodeValue,
    describe_json,
)
from rightsdata._values.format import EXPORT_MANIFEST
from rightsdata._values.names import FormulaOption

__all__ = [
    "FORMULAS_KEY",
    "MANIFEST",
    "Written",
    "kinds_missing",
    "listed_tables",
    "missing_tables",
    "other_layout",
    "written_option",
]

#: The name of the hidden file in which an export lists the files it wrote (``{"format": ...,
#: "files": [...], "own": {name: {"bytes": ..., "sha256": ..., "format": ...}}}``), so that
#: the next export into the directory knows which files are its own, unchanged.
MANIFEST: Final = EXPORT_MANIFEST

#: The descriptor a ``datapackage`` export writes beside its tables.
_DESCRIPTOR = "datapackage.json"
#: The property of each resource's CSV dialect (a table's file) in a ``datapackage``
#: export's ``datapackage.json`` that records the ``csv_formulas`` option it was written
#: with: a custom property, which Data Package v2 allows, named as the descriptor's
#: ``rightsdata_format`` is. The dialect says how the file is written (its delimiter, its
#: quotes), which a reader needs to read the cells back exactly; it is not the dataset's,
#: so the descriptor a dataset takes is as it was, with or without ``resources`` (a
#: descriptor's dialect may be any object). The manifest's key is the option's own name,
#: ``csv_formulas``.
FORMULAS_KEY: Final = "rightsdata_csv_formulas"
#: The manifest's key for the option.
_MANIFEST_KEY: Final = "csv_formulas"


def _read_json(path: Path) -> Any:
    """The JSON value in the regular file at ``path`` (read past the byte-order marks it may
    start with, as every reader does); None if there is none, or it cannot be read."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return json.loads(unmarked(path.read_bytes())[0])
    except (ValueError, RecursionError, OSError):  # (UnicodeDecodeError is a ValueError)
        return None


def _manifest(folder: Path) -> dict[str, Any]:
    """The export's manifest in ``folder``, if it is an object (else empty)."""
    manifest = _read_json(folder / MANIFEST)
    return manifest if isinstance(manifest, dict) else {}


def _table_of(path: object) -> str | None:
    """The table whose CSV file a listed ``path`` names (``events.csv``, ``./events.csv``),
    or None."""
    if not isinstance(path, str):
        return None
    name = posixpath.normpath(path)
    if not name.endswith(".csv") or name[: -len(".csv")] not in TABLES:
        return None
    return name[: -len(".csv")]


def listed_tables(folder: Path) -> dict[str, str]:
    """The tables whose CSV files ``folder``'s manifest or ``datapackage.json`` lists, each
    with the file that lists it (the manifest first)."""
    listed: dict[str, str] = {}
    files = _manifest(folder).get("files")
    for name in files if isinstance(files, list) else ():
        table = _table_of(name)
        if table is not None:
            listed.setdefault(table, MANIFEST)
    resources = _descriptor(folder).get("resources")
    for entry in resources if isinstance(resources, list) else ():
        table = _table_of(entry.get("path")) if isinstance(entry, dict) else None
        if table is not None:
            listed.setdefault(table, _DESCRIPTOR)
    return listed


def missing_tables(folder: Path) -> str | None:
    """Why ``folder`` cannot be read whole (said of the folder): the CSV files its manifest
    or ``datapackage.json`` lists that are not there, and what to do; None if every listed
    one is there."""
    from rightsdata._values.joined import all_of

    missing = {
        table: where
        for table, where in listed_tables(folder).items()
        if not (folder / f"{table}.csv").is_file()
    }
    if not missing:
        return None
    files = all_of(f"{table}.csv" for table in missing)
    sources = all_of(
        f"the export's list of its files ({MANIFEST})" if where == MANIFEST else where
        for where in dict.fromkeys(missing.values())
    )
    are, it, its = ("are", "them", "their") if len(missing) > 1 else ("is", "it", "its")
    return (
        f"{files} {are} missing, though {sources} names {it} (a file not copied?): "
        f"read without {it}, {its} rows would be lost without a word; copy the export "
        "whole, or export again"
    )


def other_layout(folder: Path) -> str | None:
    """What reads ``folder`` back, if it holds no CSV table but another layout an export
    writes (said of the folder), by its manifest's ``format`` or else by the files it holds
    (a copy without the hidden manifest); None if it looks like none of them.

    >>> import rightsdata, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = rightsdata.load().export(folder, "jsonl")
    ...     print(other_layout(Path(folder)))
    holds a `jsonl` export's files, not CSV tables: read it back with \
`rightsdata.load_path()` of its records.jsonl
    """
    from rightsdata._model.records import KINDS
    from rightsdata._values.format import kind_file

    said = _manifest(folder).get("format")
    layout = said if said in _READ_BY else None
    if layout is None:
        parquet = any((folder / f"{table}.parquet").is_file() for table in TABLES)
        json_files = any((folder / kind_file(kind)).is_file() for kind in KINDS)
        named = {"parquet": parquet, "json": json_files}
        named |= {name: (folder / _FILE_OF[name]).is_file() for name in ("jsonl", "document")}
        layout = next((name for name, found in named.items() if found), None)
    if layout is None:
        return None
    return f"holds a `{layout}` export's files, not CSV tables: {_READ_BY[layout]}"


#: What reads each layout back that is not CSV tables, as docs/exports.md says.
_READ_BY: Final = {
    "parquet": (
        "there is no reader back from Parquet to records; read its tables with pandas, "
        "pyarrow or DuckDB (`pandas.read_parquet()`), or load the dataset itself, or its "
        "`json`, `jsonl` or `csv` export"
    ),
    "json": "read it back with `rightsdata.load_path()` of the folder",
    "jsonl": "read it back with `rightsdata.load_path()` of its records.jsonl",
    "document": "read it back with `rightsdata.load_path()` of its dataset.json",
}
#: The one file of the layouts that write one.
_FILE_OF: Final = {"jsonl": "records.jsonl", "document": "dataset.json"}


def kinds_missing(found: Mapping[str, Sequence[tuple[Any, ...]]]) -> str | None:
    """Why the tables ``found`` in a folder (by table name) are not whole (said of the
    folder), by what they say of themselves: the ``records`` table lists every record's ID
    and kind, so a kind it lists records of whose own table is not there would lose them;
    None if none is missing. (A kind's child tables cannot be told so: any of them may have
    no rows.)

    >>> str(kinds_missing({"records": [("person:a", "persons", "A")]}))[:57]
    'records.csv lists 1 record of persons, but persons.csv is'
    """
    from rightsdata._values.errors import counted
    from rightsdata._values.joined import all_of

    listed: dict[str, int] = {}
    for row in found.get("records", ()):
        kind = row[1]
        if isinstance(kind, str) and kind in TABLES and kind not in found:
            listed[kind] = listed.get(kind, 0) + 1
    if not listed:
        return None
    records = all_of(f"{counted(n, 'record')} of {kind}" for kind, n in listed.items())
    files = all_of(f"{kind}.csv" for kind in listed)
    are, it = ("are", "them") if len(listed) > 1 else ("is", "it")
    return (
        f"records.csv lists {records}, but {files} {are} missing: read without "
        f"{it}, those records would be lost without a word; copy the export whole, or "
        "export again"
    )


class Written(NamedTuple):
    """The ``csv_formulas`` option a folder's tables were written with, and where it is
    recorded, in words (``"the export's manifest (.rightsdata-export)"``)."""

    option: FormulaOption
    where: str


def written_option(folder: Path) -> Written | None:
    """The ``csv_formulas`` option ``folder``'s CSV tables were written with, as the export's
    manifest (``csv_formulas``) or the resources' dialects in a ``datapackage.json`` beside
    them (:data:`FORMULAS_KEY`) record it, and where; None if none records one (a manifest
    without it, a ``csv`` export copied without its manifest, or no export). An option
    recorded that is none of the options, or records that differ, raise
    :class:`rightsdata.InvalidDataError` naming the file and the property: read with the
    other option, a text that starts with a quote or a formula character would come back
    changed."""
    found: Written | None = None
    for file, location, option, where in _records(folder):
        if type(option) is not str or option not in _OPTIONS:
            from rightsdata._values.spelling import spelled_like  # (only when wrong)

            hint = spelled_like(option, _OPTIONS) if type(option) is str else ""
            got = f"got {describe_json(option)}{hint}"
            raise _wrong(folder, file, location, f"expected {_SAID}, {got}")
        if found is None:
            found = Written(option, where)
        elif option != found.option:
            raise _wrong(
                folder,
                file,
                location,
                f"is {option!r}, but {found.where} records csv_formulas={found.option!r}: "
                "the tables were written with one of them; make the two agree, or give "
                "read_directory the csv_formulas they were written with",
            )
    return found


def _records(folder: Path) -> Iterator[tuple[str, str, object, str]]:
    """Each record of the option in ``folder``: its file, its location (the file's name
    and the property's path), the value, and where it is, in words (for a message)."""
    manifest = _manifest(folder)
    if _MANIFEST_KEY in manifest:
        where = f"the export's manifest ({MANIFEST})"
        yield MANIFEST, f"{MANIFEST}.{_MANIFEST_KEY}", manifest[_MANIFEST_KEY], where
    resources = _descriptor(folder).get("resources")
    for index, entry in enumerate(resources if isinstance(resources, list) else ()):
        dialect = entry.get("dialect") if isinstance(entry, dict) else None
        if isinstance(dialect, dict) and FORMULAS_KEY in dialect:
            location = f"{_DESCRIPTOR}.resources[{index}].dialect.{FORMULAS_KEY}"
            yield _DESCRIPTOR, location, dialect[FORMULAS_KEY], location


#: The options an export writes, and how a message says them.
_OPTIONS: Final[tuple[FormulaOption, ...]] = get_args(FormulaOption)
_SAID: Final = " or ".join(map(repr, _OPTIONS)) + " (the csv_formulas the tables were written with)"


def _descriptor(folder: Path) -> dict[str, Any]:
    """The ``datapackage.json`` in ``folder``, if it is an object (else empty)."""
    found = _read_json(folder / _DESCRIPTOR)
    return found if isinstance(found, dict) else {}


def _wrong(folder: Path, file: str, location: str, message: str) -> InvalidDataError:
    """The data error of the option recorded at ``location`` of ``file`` in ``folder``."""
    code: ProblemCodeValue = ProblemCode.PACKAGE if file == _DESCRIPTOR else ProblemCode.VALUE
    return InvalidDataError([Problem(location, message, code, file=file)], str(folder))
