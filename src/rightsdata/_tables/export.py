"""Writing a dataset out: JSON, JSON Lines, one JSON document, CSV tables, a Frictionless Data
Package, Parquet.

Every format writes into a directory (created if missing) and returns the paths written.
docs/exports.md describes each layout.

- ``json``: the canonical dataset folder (one file per kind and ``datapackage.json``), exactly
  as ``rightsdata fmt --hashes`` writes it; ``rightsdata.load_path`` reads it back to an equal
  dataset.
- ``jsonl``: ``records.jsonl``, one record a line with its kind in ``"$kind"`` (and a line per
  redirect), after a first line that carries the descriptor (``{"$kind": "datapackage",
  ...}``, format 3) when the dataset has a name, version or descriptor;
  ``rightsdata.load_path`` reads it back, name and version too. An empty dataset with none
  of those writes an empty file: no lines, no records.
- ``document``: ``dataset.json``, one JSON document: the descriptor under ``"datapackage"``
  (as in JSON Lines, when the dataset has one), a list of records per kind, and
  ``"redirects"``; ``rightsdata.load_path`` reads it back to an equal dataset. What
  ``json.dump(ds.to_dict(), file)`` would write, with what ``to_dict`` leaves out.
- ``csv``: one CSV file per table of :mod:`rightsdata._tables.tables`, and ``README.txt``:
  the dataset's licence and citation, which a CSV file has no place for
  (:mod:`rightsdata._tables.about`).
- ``datapackage``: the CSV files and ``README.txt``, and a ``datapackage.json`` (Data
  Package v2) with a Table Schema per table: types, primary keys and foreign keys.
- ``parquet``: one Parquet file per table (needs ``rightsdata[arrow]``), each carrying the
  licence and citation in its metadata.

Every export's manifest (:data:`MANIFEST`) records the dataset's licences and citation too.

An export is all or nothing: every file is built in memory and written to a temporary file
beside its name, and only when all are written are they renamed into place
(:mod:`rightsdata._values.atomic`), the files they replace kept until all are in place, to be
put back if a rename fails; a failure leaves the directory as it was (one the export created
is removed again), and a folder at an output name is refused before anything is written.
An interrupt (Ctrl-C) leaves it as it was, or with the new export whole if it came once every
file was in place, and no temporary file; those an export killed outright left (``SIGKILL``)
are removed by the next export with ``force`` (:func:`leftovers`: only those).

An export replaces or removes only its own files (:mod:`rightsdata._tables.exportclaims`):
each records in :data:`MANIFEST` the files it wrote where nothing of anyone else's was, with
their sizes and SHA-256 hashes, and the next export into the directory replaces them, or
removes those it does not write itself (a stale ``redirects.json``, the tables of another
format), only while they still match. Anything else at a name it writes (a file you
changed, your dataset's own files, a symbolic link, a file the manifest lists without a size
and hash) is refused before any file is put in place, unless it holds the very
bytes the export writes; anything else beside it is left alone. The files of a ``json``,
``jsonl`` or ``document`` export (a dataset, perhaps the one exported, loaded from there)
are replaced or removed only by an export of the same format.

>>> import rightsdata, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     [p.name for p in export(rightsdata.load(), folder, "csv")][:3]
['sources.csv', 'persons.csv', 'organizations.csv']
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from rightsdata._tables.exportclaims import (
    Claim,
    EarlierExport,
    Reason,
    claim_of,
    claim_of_file,
    earlier_export,
    matches,
    not_ours,
    refusal,
    removable,
)
from rightsdata._tables.exportfolder import MANIFEST
from rightsdata._values.errors import checked, not_a_name
from rightsdata._values.flags import flag
from rightsdata._values.format import DOCUMENT_FILE, JSON_LINES_FILE, KIND_FIELD
from rightsdata._values.namedmap import NamedMapping
from rightsdata._values.names import FormatName, FormulaOption

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset
    from rightsdata._tables.tables import Table
    from rightsdata._values.atomic import Content
    from rightsdata._values.format import FormatVersion

__all__ = [
    "DOCUMENT_FILE",
    "FORMATS",
    "JSON_LINES_FILE",
    "MANIFEST",
    "FormatName",
    "FormulaOption",
    "export",
    "export_names",
    "json_line",
    "refuse_to_overwrite",
]

#: The formats :func:`export` writes, and what each needs (read-only); their names are the
#: type :data:`FormatName`.
FORMATS: Final[NamedMapping[FormatName, str]] = NamedMapping(
    {
        "json": "one JSON file per record kind, and datapackage.json (the dataset's own layout)",
        "jsonl": (
            "records.jsonl: one record a line, its kind in a $kind field; first, the "
            "descriptor's line if the dataset has a name, version or descriptor, or is built "
            "on another"
        ),
        "document": (
            "dataset.json: one JSON document, a list of records per kind, the redirects and "
            "the descriptor"
        ),
        "csv": "one CSV file per table, and README.txt (the licence and citation)",
        "datapackage": (
            "the CSV tables, README.txt, and datapackage.json with their Table Schemas and keys"
        ),
        "parquet": "one Parquet file per table (needs rightsdata[arrow])",
    }
)
#: What writing into a folder that is not empty does to the files there, as the refusal
#: without ``force`` says.
FORCE_REPLACES: Final = (
    "only the files an earlier export wrote there, unchanged since, are replaced or removed"
)
#: What to do about what is in the way of a file an export writes (a folder, a pipe).
_IN_THE_WAY: Final = "move it out of the folder, or export into another folder"
#: The formats that write CSV files, the only ones ``csv_formulas`` applies to.
_CSV_FORMATS: Final = ("csv", "datapackage")


def export_names() -> frozenset[str]:
    """The name of every file some format of :func:`export` may write: what an export
    removes from its directory when it does not write it this time.

    >>> sorted(n for n in export_names() if not n.endswith((".csv", ".parquet")))[:4]
    ['README.txt', 'datapackage.json', 'dataset.json', 'events.json']
    """
    from rightsdata._data.loading import own_files
    from rightsdata._tables.about import README
    from rightsdata._tables.tables import TABLES

    names = {*own_files(), JSON_LINES_FILE, DOCUMENT_FILE, README}
    names.update(f"{name}.{suffix}" for name in TABLES for suffix in ("csv", "parquet"))
    return frozenset(names)


def export(
    dataset: Dataset,
    directory: str | os.PathLike[str],
    format: FormatName = "json",
    *,
    csv_formulas: FormulaOption = "escape",
    force: bool = False,
) -> list[Path]:
    """Write ``dataset`` into ``directory`` in ``format`` (see :data:`FORMATS`); return the
    paths written, in order.

    ``directory`` is created if it is missing; one that exists and is not empty (your own
    dataset's folder, an earlier export) raises ``FileExistsError`` before anything is
    written, unless ``force=True`` (the command line's ``--force``): then the files an
    earlier export wrote there (as its :data:`MANIFEST` says), unchanged since, are replaced,
    and those of them this export does not write are removed; any other file at a name it
    writes (one you changed, your dataset's own, a link) raises ``FileExistsError`` naming it,
    and nothing is written, unless it holds the very bytes this export writes there; other
    files are left alone, but for the temporary files an export killed outright left there
    (:func:`leftovers`), which ``force`` removes. All the files are written or none (a
    failure, or an interrupt before every file is in place, leaves ``directory``
    as it was, or removes it again if the export created it; a folder, or anything but a
    file or a link, at the name of a file to write raises ``IsADirectoryError`` or
    ``FileExistsError`` naming it before anything is written). ``csv_formulas`` (``csv`` and
    ``datapackage``): ``"escape"`` puts a ``'`` before
    text that a spreadsheet would run as a formula (see :mod:`rightsdata._tables.csvtables`;
    ``rightsdata.tables.read_directory`` takes it off, given the same ``csv_formulas``);
    ``"keep"`` writes it as it is, and for another format, which writes every text as it
    is, raises ValueError.

    An unknown format or option raises ValueError (one that is not text, TypeError);
    ``parquet`` without pyarrow raises ``rightsdata.MissingExtraError`` (an ImportError)
    before writing anything.

    >>> import rightsdata, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> (path,) = export(rightsdata.load(), folder, "jsonl")
    >>> rightsdata.load_path(path).counts() == rightsdata.load().counts()
    True
    >>> export(rightsdata.load(), folder, "csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: ... is not empty: export writes into a new or empty folder; pass ...
    >>> from rightsdata.tables import TABLES
    >>> written = export(rightsdata.load(), folder, "csv", force=True)
    >>> len(written) == len(TABLES) + 1, written[-1].name  # a file each, and the licence's
    (True, 'README.txt')
    >>> import shutil; shutil.rmtree(folder)
    """
    from rightsdata._tables.about import about
    from rightsdata._tables.csvtables import FORMULA_OPTIONS
    from rightsdata._values.atomic import despite_interrupts, write_all

    checked(directory, "export: directory", "a folder's path (a str or a Path)", (str, os.PathLike))
    for value, noun, example in (
        (format, "an export format", "json"),
        (csv_formulas, "a csv_formulas option", "escape"),
    ):
        wrong = not_a_name(value, noun, example)
        if wrong is not None:  # (the type of an argument is told by TypeError, docs/api.md)
            raise TypeError(wrong)
    writer = _WRITERS.get(format)
    if writer is None:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown export format {format!r}{spelled_like(format, FORMATS)}; expected one of "
            f"{', '.join(FORMATS)}"
        )
    flag(force, "force")
    if csv_formulas not in FORMULA_OPTIONS:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown csv_formulas option {csv_formulas!r}"
            f"{spelled_like(csv_formulas, FORMULA_OPTIONS)}; expected one of "
            f"{', '.join(FORMULA_OPTIONS)}"
        )
    if csv_formulas != "escape" and format not in _CSV_FORMATS:
        raise ValueError(
            f"csv_formulas={csv_formulas!r} applies to the CSV formats only "
            f"({', '.join(_CSV_FORMATS)}); {format} writes every text as it is: leave "
            "csv_formulas out"
        )
    if format == "parquet":
        from rightsdata._values.extras import require

        require("numpy", "arrow")
        require("pyarrow", "arrow")
    target = Path(directory)
    refuse_to_overwrite(target, force=force)
    files = writer(dataset, csv_formulas)
    earlier = earlier_export(target, export_names()) if target.is_dir() else EarlierExport()
    claims: dict[str, Claim] = {}  # what each file holds, as it is written
    removed: list[str] = []
    listed: list[bytes] = []  # the manifest written, once it is

    def manifest(path: Path) -> None:
        # write_all fills the files in order, this one last: every other is written (to its
        # temporary name) and claimed, and none is in place yet, so a refusal writes nothing
        # (in the files' order: a file given as bytes is claimed before one written)
        ordered = {name: claims[name] for name in files}
        own, refused, stale = _settle(target, ordered, earlier, format)
        if refused:
            raise FileExistsError(refusal(target, refused))
        removed.extend(stale)
        listing: dict[str, Any] = {"format": format, "files": list(files)}
        if format in _CSV_FORMATS:  # (read_directory reads the tables back with it)
            listing["csv_formulas"] = csv_formulas
        listing.update(about(dataset))  # (its licences and citation)
        listing["own"] = {name: claim.as_json() for name, claim in own.items()}
        listed.append(json.dumps(listing).encode("utf-8"))
        path.write_bytes(listed[-1])

    contents = {name: _claimed(name, content, format, claims) for name, content in files.items()}
    made = _missing_folders(target)
    target.mkdir(parents=True, exist_ok=True)
    try:
        written = write_all(target, {**contents, MANIFEST: manifest}, todo=_IN_THE_WAY)
    except BaseException:
        if listed and _holds(target / MANIFEST, listed[-1]):
            # an interrupt after the last rename (the manifest's): every file is in place
            _tidy(target, removed, earlier, force)
        else:
            for folder in made:  # (the deepest first; each is empty, as write_all left it)
                despite_interrupts(partial(_rmdir, folder))
        raise
    _tidy(target, removed, earlier, force)
    return written[:-1]  # not the manifest


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds ``data``."""
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _rmdir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def _tidy(target: Path, removed: list[str], earlier: EarlierExport, force: bool) -> None:
    """Once every file of an export is in place in ``target``: remove the earlier export's
    files it does not write (``removed``) that are unchanged, and, where it was given
    ``force``, the temporary files and second names (:data:`~rightsdata._values.atomic.
    LEFTOVER`) of the files exports write that an export killed outright left, all of them
    though an interrupt lands meanwhile (then raised)."""
    from rightsdata._values.atomic import despite_interrupts, remove_files

    interrupt: BaseException | None = None
    for name in removed:
        path = target / name
        if matches(path, earlier.claims[name]):  # (still: not changed while this export ran)
            interrupt = despite_interrupts(partial(_remove, path)) or interrupt
    if force:
        interrupt = despite_interrupts(lambda: remove_files(leftovers(target))) or interrupt
    if interrupt is not None:
        raise interrupt


def _remove(path: Path) -> None:
    """Remove the earlier export's file at ``path``, read-only or not: on Windows, which
    removes no read-only file, the attribute is taken off it first, as POSIX removes a file
    whatever its mode."""
    from rightsdata._values.windows import remove_file

    remove_file(path)


def leftovers(directory: Path) -> list[Path]:
    """The files in ``directory`` that an export killed outright (SIGKILL, a power cut) left
    beside the files it writes: a temporary file, or a replaced file's second name, of a
    name some export writes (``.events.json.0a1b2c3d4e5f.tmp``,
    :data:`~rightsdata._values.atomic.LEFTOVER`), a regular file. No file of another name:
    an export with ``force`` removes these alone."""
    from rightsdata._values.atomic import LEFTOVER

    names = {*export_names(), MANIFEST}
    found = []
    with contextlib.suppress(OSError):
        for entry in directory.iterdir():
            match = LEFTOVER.fullmatch(entry.name)
            if match is None or match["name"] not in names:
                continue
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.lstat(entry).st_mode):
                    found.append(entry)
    return sorted(found)


def _claimed(name: str, content: Content, format: str, claims: dict[str, Claim]) -> Content:
    """``content``, which records its claim in ``claims`` as it is written."""
    if isinstance(content, bytes):
        claims[name] = claim_of(content, format)
        return content

    def write(path: Path) -> None:
        content(path)
        claim = claim_of_file(path, format)
        if claim is None:
            raise OSError(f"{path}: the file just written cannot be read back")
        claims[name] = claim

    return write


def _settle(
    directory: Path, claims: dict[str, Claim], earlier: EarlierExport, format: str
) -> tuple[dict[str, Claim], dict[str, Reason], list[str]]:
    """What an export of ``format`` writing the files ``claims`` gives into ``directory``
    may do: the files its manifest owns; those it may not write over, each with why
    (:func:`~rightsdata._tables.exportclaims.not_ours`); and the earlier export's files it
    removes.

    A file is written where nothing is, over a file the earlier export owns and that is
    unchanged (not a dataset's that another format wrote), or over a file that holds the
    very bytes it writes (nothing is lost, but the file stays its owner's); the earlier
    export's other files that still match are removed, or kept and still owned if they are
    a dataset's that another format wrote.
    """
    own: dict[str, Claim] = {}
    refused: dict[str, Reason] = {}
    for name, claim in claims.items():
        path = directory / name
        earlier_claim = earlier.claims.get(name)
        if not os.path.lexists(path) or (
            earlier_claim is not None
            and removable(earlier_claim, format)
            and matches(path, earlier_claim)
        ):
            own[name] = claim  # (nothing there, or the earlier export's file, unchanged)
        elif not matches(path, claim):
            refused[name] = not_ours(path, earlier, format)
    stale = []
    for name, claim in earlier.claims.items():
        if name in claims or not matches(directory / name, claim):
            continue  # (written now, or changed: no longer the earlier export's)
        if removable(claim, format):
            stale.append(name)
        else:
            own[name] = claim  # a dataset's: kept, and still the exports' to replace
    return own, refused, sorted(stale)


def _missing_folders(directory: Path) -> list[Path]:
    """The folders ``directory.mkdir(parents=True)`` would create, the deepest first: those
    a failed export removes again.

    >>> [p.name for p in _missing_folders(Path("no-such-folder") / "out")]
    ['out', 'no-such-folder']
    """
    missing = []
    for folder in (directory, *directory.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    return missing


def refuse_to_overwrite(directory: Path, *, force: bool) -> None:
    """Raise unless an export may write into ``directory``: it does not exist, or is an empty
    folder, or ``force`` says to write into it anyway (never into a file, nor where a file or
    a link that leads nowhere is in the way: NotADirectoryError then, naming it).
    FileExistsError says what to pass."""
    from rightsdata._values.folders import in_the_way, not_a_folder

    blocker = in_the_way(directory)  # (it, or a folder it would be made in: the system's
    if blocker is not None:  # words name no file, and a link leading nowhere would be made)
        raise NotADirectoryError(
            f"{not_a_folder(directory, blocker)}; export writes a folder: give the path of a "
            "new or empty folder"
        )
    if not force and directory.is_dir() and any(directory.iterdir()):
        raise FileExistsError(
            f"{directory} is not empty: export writes into a new or empty folder; pass "
            f"force=True to write into it ({FORCE_REPLACES})"
        )


def _json(dataset: Dataset, formulas: str) -> dict[str, Content]:
    from rightsdata._data.canonical import render_folder

    return {name: text.encode("utf-8") for name, text in render_folder(dataset).items()}


#: The characters str.splitlines() (and JavaScript) break a line at that JSON may hold raw in
#: a string, as their escapes. (JSON escapes the others, "\n", "\x0b", "\x1c"..., as it
#: escapes every control character; tests/tables/test_export.py checks the list against
#: str.splitlines().)
_RAW_LINE_BREAKS: Final = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_line(value: object) -> str:
    r"""``value`` as one line of JSON Lines: JSON text (UTF-8, not ASCII escapes) that every
    line splitter reads as one line, since the line breaks JSON allows raw (U+0085, U+2028,
    U+2029) are written as escapes, which every JSON reader reads back.

    >>> json_line({"title": "one\u2028two"})
    '{"title": "one\\u2028two"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # (rare: a scan, not a copy)
        text = text.translate(_RAW_LINE_BREAKS)
    return text


def _json_lines(dataset: Dataset, formulas: str) -> dict[str, Content]:
    from rightsdata._data.canonical import embedded_descriptor
    from rightsdata._values.format import EMBEDDED

    descriptor = embedded_descriptor(dataset)
    lines = [] if descriptor is None else [json_line({KIND_FIELD: EMBEDDED, **descriptor})]
    lines += [
        json_line({KIND_FIELD: kind, **document})
        for kind, documents in dataset.to_dict().items()
        for document in documents
    ]
    lines += [
        json_line({KIND_FIELD: "redirects", "id": old, "to": new})
        for old, new in sorted(dataset.redirects.items())
    ]
    text = "".join(line + "\n" for line in lines)
    return {JSON_LINES_FILE: text.encode("utf-8")}


def _document(dataset: Dataset, formulas: str) -> dict[str, Content]:
    """One JSON document, keys in the order a reader wants them: the descriptor first (the
    format it declares picks the schemas), then each kind (one a later format added only
    where it has records, or where the format written has it: a reader of an older format
    refuses its key, even with no record), then the redirects."""
    from rightsdata._data.canonical import dumps, embedded_descriptor
    from rightsdata._values.format import EMBEDDED, FORMAT_KEY, kinds_in, lowest_format

    descriptor = embedded_descriptor(dataset)
    document: dict[str, Any] = {} if descriptor is None else {EMBEDDED: descriptor}
    records = dataset.to_dict()
    if len(kinds_in(1)) < len(records):  # (the format written, where a kind is newer)
        written = (
            descriptor[FORMAT_KEY]
            if descriptor is not None
            else lowest_format({kind: getattr(dataset, kind) for kind in records})
        )
        readable = kinds_in(written)
        records = {kind: docs for kind, docs in records.items() if docs or kind in readable}
    document.update(records)
    if dataset.redirects:
        document["redirects"] = [
            {"id": old, "to": new} for old, new in sorted(dataset.redirects.items())
        ]
    return {DOCUMENT_FILE: dumps(document).encode("utf-8")}


def _written_format(dataset: Dataset) -> FormatVersion:
    """The format a table export of ``dataset`` is written in: the lowest its records need,
    as a folder written from it declares (``datapackage.json`` says it; the tables of a kind
    a later format added are written only from that format on: ``written_tables``)."""
    from rightsdata._model.records import KINDS
    from rightsdata._values.format import lowest_format

    return lowest_format({kind: getattr(dataset, kind) for kind in KINDS})


def _csv_files(dataset: Dataset, formulas: str, format: FormatVersion) -> dict[str, bytes]:
    """Each table's CSV bytes, by table name: those ``format`` has."""
    from rightsdata._tables.csvtables import render_columns
    from rightsdata._tables.tables import raw_columns, read_lists, written_tables

    cache: dict[str, object] = {}  # the tables share their walks through the records
    read_lists(dataset, cache)
    return {
        name: render_columns(table, raw_columns(dataset, table, cache), formulas).encode("utf-8")
        for name, table in written_tables(format)
    }


def _csv(dataset: Dataset, formulas: str) -> dict[str, Content]:
    """Each table's CSV file (those of the format written), rendered and written a piece at
    a time when its turn comes (the export stays all or nothing:
    :func:`rightsdata._values.atomic.write_all` removes what it wrote if any file fails), then
    the README with the licence and citation."""
    from rightsdata._tables.about import README, readme_text
    from rightsdata._tables.csvtables import write_columns
    from rightsdata._tables.tables import raw_columns, read_lists

    cache: dict[Any, Any] = {}  # the tables share their walks through the records

    def writer(table: Table) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            if not cache:
                read_lists(dataset, cache)
            with path.open("wb") as file:
                write_columns(table, raw_columns(dataset, table, cache), file, formulas)

        return write

    files: dict[str, Content] = {
        f"{name}.csv": writer(table) for name, table in _tables_of(dataset)
    }
    files[README] = readme_text(dataset, "csv").encode("utf-8")
    return files


def _tables_of(dataset: Dataset) -> list[tuple[str, Table]]:
    """The tables a ``csv`` export of ``dataset`` writes: those of the format it is written
    in (found only where a kind is newer than format 1: it reads every record)."""
    from rightsdata._model.records import KINDS
    from rightsdata._tables.tables import TABLES, written_tables
    from rightsdata._values.format import kinds_in

    if len(kinds_in(1)) == len(KINDS):  # (no kind a later format added: every table)
        return list(TABLES.items())
    return list(written_tables(_written_format(dataset)))


def _datapackage(dataset: Dataset, formulas: str) -> dict[str, Content]:
    from rightsdata._data.canonical import dumps
    from rightsdata._data.loading import DESCRIPTOR
    from rightsdata._tables.about import README, readme_text
    from rightsdata._tables.tablepackage import descriptor

    format = _written_format(dataset)
    tables = _csv_files(dataset, formulas, format)
    files: dict[str, Content] = {f"{name}.csv": data for name, data in tables.items()}
    files[README] = readme_text(dataset, "datapackage").encode("utf-8")
    files[DESCRIPTOR] = dumps(descriptor(dataset, tables, formulas, format)).encode("utf-8")
    return files


def _parquet(dataset: Dataset, formulas: str) -> dict[str, Content]:
    from rightsdata._tables.arrow import parquet_files

    return dict(parquet_files(dataset))


_WRITERS: Final[dict[str, Callable[[Dataset, str], dict[str, Content]]]] = {
    "json": _json,
    "jsonl": _json_lines,
    "document": _document,
    "csv": _csv,
    "datapackage": _datapackage,
    "parquet": _parquet,
}
