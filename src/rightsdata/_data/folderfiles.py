"""What a dataset folder holds besides the files a load reads, said rather than skipped
(internal; :mod:`rightsdata._data.loading` asks only when there is something to say).

A folder's load reads ``datapackage.json``, one file per record kind (``laws.json``) and
``redirects.json``. Any other JSON or JSON Lines file at its top is a problem: a misspelt kind
file (``law.json``) would otherwise be skipped, its records missing without a word. A folder
of no kind files that holds another layout (JSON Lines, the JSON document or the CSV tables
of an export) is told how to read it.

>>> [str(p) for p in stray_problems("ds", ["law.json", "notes.json"], [])]  # doctest: +ELLIPSIS
["law.json: not a record kind's file, so it is not read; did you mean laws.json? ...", ...]
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from rightsdata._data.bytemarks import unmarked
from rightsdata._model.records import KINDS
from rightsdata._values.errors import Problem, ProblemCode, counted, printable
from rightsdata._values.format import (
    DESCRIPTOR,
    DOCUMENT_FILE,
    EXPORT_MANIFEST,
    JSON_LINES_SUFFIXES,
    is_hidden,
    kind_file,
)
from rightsdata._values.ids import KIND_OF_PREFIX, prefix_of
from rightsdata._values.joined import all_of
from rightsdata._values.spelling import close

__all__ = [
    "document_problem",
    "lone_list_problem",
    "no_records_problem",
    "not_a_dataset",
    "resembled_kind",
    "shows_a_document",
    "stray_problems",
    "tables_in",
    "unread_problems",
]

_TABLE_SUFFIXES: Final = (".csv", ".parquet")


def _kind_files() -> list[str]:
    return list(map(kind_file, KINDS))


def _one_file_layout(name: str, folder: str | None = None) -> str | None:
    """What ``name`` is if it is named as a dataset of its own in one file, as an export
    writes it (``"JSON Lines"``, ``"a JSON document"``), which a folder's load does not
    read; else None. A JSON document's name alone does not show it is one (``dataset.json``
    is a common name): :func:`shows_a_document` reads its start. A ``document`` export saved
    under another name (``mydata.json``) is known by that start, where ``folder`` (the one
    that holds it) is given.

    >>> _one_file_layout("records.jsonl"), _one_file_layout("dataset.json")
    ('JSON Lines', 'a JSON document')
    >>> _one_file_layout("law.json") is None
    True
    """
    lowered = name.lower()
    if lowered.endswith(JSON_LINES_SUFFIXES):
        return "JSON Lines"
    if lowered == DOCUMENT_FILE:
        return "a JSON document"
    if folder is not None and lowered.endswith(".json"):
        return "a JSON document" if shows_a_document(os.path.join(folder, name)) else None
    return None


#: What a file named as a ``document`` export is, or looks like.
_DOCUMENT: Final = "a `document` export (`rightsdata export --format document`)"
#: How a ``document`` export starts (after the byte-order marks a file may start with,
#: :mod:`rightsdata._data.bytemarks`): an object whose first key is its descriptor, its
#: redirects or a kind's list of records.
_DOCUMENT_START: Final = re.compile(
    rb'\A[ \t\n\r]*\{[ \t\n\r]*"(?:datapackage|redirects|'
    + "|".join(KINDS).encode()
    + rb')"[ \t\n\r]*:'
)  # (JSON's whitespace is these four, not all of \s: \x0b and \x0c are none)


def shows_a_document(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` starts as a ``document`` export does (its first bytes
    only; never blocking on a FIFO, and False for what cannot be read).

    >>> shows_a_document("no-such-file.json")
    False
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        start = os.read(handle, 4096)
    except OSError:
        return False
    finally:
        os.close(handle)
    return _DOCUMENT_START.match(unmarked(start)[0]) is not None


def document_problem(folder: str, name: str, data: bytes) -> Problem | None:
    """The problem of a kind's file ``name`` of ``folder`` whose bytes (``data``) start as a
    ``document`` export does (it was saved as ``events.json``): a dataset of its own, to read
    alone; None if they do not (the file is then said to be no list of records).

    >>> problem = document_problem("d", "events.json", b'{"datapackage": {}}')
    >>> print(problem and problem.message)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    is a `document` export (...), a dataset of its own, not a list of records: read it
    alone with `rightsdata validate d/events.json` (...), or move it out of the dataset's
    folder
    """
    if _DOCUMENT_START.match(unmarked(data[:4096])[0]) is None:
        return None
    message = (
        f"is {_DOCUMENT}, a dataset of its own, not a list of records: read it alone with "
        f"{_load_the_file(folder, name)}, or move it out of the dataset's folder"
    )
    return Problem(name, message, ProblemCode.TYPE, file=name)


def _is_regular(path: str) -> bool:
    """Whether ``path`` is a regular file (where a link leads): a directory, FIFO or device
    named as a dataset's file is none, and is never offered as one to load.

    >>> _is_regular("no-such-file.json")
    False
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _described(folder: str, name: str) -> str:
    """What the file ``name`` of ``folder`` (of :func:`_one_file_layout`) is, with its name.

    >>> _described("no-such-folder", "dataset.json")
    'dataset.json (named as a `document` export (...), though it does not start as one)'
    """
    layout = _one_file_layout(name, folder)
    if layout != "a JSON document":
        return f"{layout} ({name})"
    if shows_a_document(os.path.join(folder, name)):
        return f"a `document` export ({name})"
    return f"{name} (named as {_DOCUMENT}, though it does not start as one)"


def _unsure(folder: str, name: str) -> bool:
    """Whether ``name`` in ``folder`` is only named as a dataset of its own (a ``document``
    export's name, which is a common one), its start not showing it is one."""
    path = os.path.join(folder, name)
    return _one_file_layout(name, folder) == "a JSON document" and not shows_a_document(path)


def unread_problems(
    folder: str,
    names: Sequence[str],
    strays: Sequence[str],
    *,
    others: Sequence[str],
    records: bool,
) -> list[Problem]:
    """The problems of a folder (shown as ``folder``) whose entries are ``names``, of which
    ``strays`` are JSON or JSON Lines files its load does not read (it reads the kinds'
    files and ``others``): one for each stray, and, if it holds no record kind's file (not
    ``records``), one saying what it holds instead (JSON Lines, tables) and how to read
    that."""
    if records:
        return stray_problems(folder, strays, others)
    # JSON Lines and a JSON document are said by the folder's problem; a misspelt kind
    # file by its own
    misspelt = [name for name in strays if _one_file_layout(name, folder) is None]
    return [no_records_problem(folder, names), *stray_problems(folder, misspelt, others)]


def _load_the_file(folder: str, name: str) -> str:
    """How to read the file ``name`` of ``folder``, a dataset of its own, alone (:func:`_alone`:
    in Python, :func:`rightsdata.load_path` loads it).

    >>> print(_load_the_file("my data", "records.jsonl").replace(" (in", "\\n(in"))
    `rightsdata validate 'my data/records.jsonl'`
    (in Python, `rightsdata.load_path('my data/records.jsonl')`)
    """
    return _alone(os.path.join(folder, name), "load_path")


def _stray_problem(folder: str, name: str, expected: Sequence[str]) -> Problem:
    layout = _one_file_layout(name, folder)
    alone = _load_the_file(folder, name)
    if layout is not None and not _is_regular(os.path.join(folder, name)):
        # (a directory or FIFO so named is no file to load)
        message = (
            "not a record kind's file, so it is not read; named as a dataset of its own, but "
            "not a regular file: move it out of the dataset's folder"
        )
        return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)
    if layout == "a JSON document" and not shows_a_document(os.path.join(folder, name)):
        # named as an export, but the name is a common one: say what it may be
        message = (
            f"not a record kind's file, so it is not read; by its name it looks like "
            f"{_DOCUMENT}, a dataset of its own: if it is one, read it alone with {alone}; "
            "else move it out of the dataset's folder"
        )
        return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)
    if layout is not None:
        what = _DOCUMENT if layout == "a JSON document" else layout
        message = (
            f"is {what}, a dataset of its own that a folder's load does not read; read it "
            f"alone with {alone}, or move it out of the dataset's folder"
        )
        return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)
    other = _not_a_file(os.path.join(folder, name))
    if other is not None:
        # (no misspelt kind file: renaming it would give the kind no records to read)
        message = (
            f"not a record kind's file, so it is not read: it is {other}, not a regular file; "
            "move it out of the dataset's folder"
        )
        return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)
    near = resembled_kind(name)
    if near and os.path.lexists(os.path.join(folder, kind_file(near))):
        # (renamed, it would replace the kind's file the folder holds)
        message = (
            f"not a record kind's file, so it is not read; it is named like {kind_file(near)}, "
            f"which the folder holds too: move its records into {kind_file(near)}, or move it "
            "out of the dataset's folder"
        )
        return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)
    hint = f"did you mean {near}.json? Expected" if near else "expected"
    message = (
        f"not a record kind's file, so it is not read; {hint} one of "
        f"{', '.join(expected)} (or move other files out of the dataset's folder)"
    )
    return Problem(name, message, ProblemCode.UNKNOWN_FIELD, file=name)


def _not_a_file(path: str) -> str | None:
    """What the entry at ``path`` is if it is no regular file where a link leads (``"a
    directory"``, ``"a symbolic link to nothing"``); None for a regular file, or one that
    cannot be looked at (whose read says why).

    >>> _not_a_file("."), _not_a_file("no-such-file.json")
    ('a directory', None)
    """
    from rightsdata._data.listedfiles import file_type

    try:
        return file_type(os.stat(path).st_mode)
    except FileNotFoundError:
        return "a symbolic link to nothing" if os.path.islink(path) else None
    except (OSError, ValueError):
        return None


def resembled_kind(name: str, folder: str | None = None) -> str | None:
    """The kind whose file a stray file's ``name`` is spelled like (``person.json``), if any;
    None for JSON Lines or a JSON document (``dataset.json``), a dataset of its own, and for
    what is no regular file in ``folder`` (a directory ``event.json``), if it is given.

    >>> resembled_kind("person.json"), resembled_kind("stuff.json"), resembled_kind("a.jsonl")
    ('persons', None, None)
    """
    if _one_file_layout(name, folder) is not None:
        return None
    if folder is not None and _not_a_file(os.path.join(folder, name)) is not None:
        return None
    stem = name.lower().rpartition(".")[0]
    near = close(stem, KINDS, n=1)  # (stems: 'stuff' is not 'sources')
    return near[0] if near else None


def stray_problems(folder: str, names: Sequence[str], others: Sequence[str]) -> list[Problem]:
    """A problem for each of ``names``, files at the top of ``folder`` that its load does not
    read: naming the kind file it resembles, or how to read JSON Lines or a JSON document
    (``dataset.json``), datasets of their own. ``others`` are the
    files besides the kinds' that it reads (``datapackage.json``, ``redirects.json``)."""
    expected = [*_kind_files(), *others]
    return [_stray_problem(folder, name, expected) for name in names]


def tables_in(names: Iterable[str]) -> list[str]:
    """The CSV and Parquet files among ``names`` (hidden ones left out): tables, as an export
    writes them.

    >>> tables_in(["events.csv", "notes.txt", "events.participants.parquet", ".old.csv"])
    ['events.csv', 'events.participants.parquet']
    """
    return sorted(n for n in names if n.lower().endswith(_TABLE_SUFFIXES) and not is_hidden(n))


#: What an export's tables are, said to whoever tries to load them.
_TABLES_ARE: Final = (
    "tables, as `rightsdata export` writes them (--format csv, datapackage or parquet), are "
    "a copy for other tools, not a dataset to load"
)
#: The exports that a load reads back, named to whoever tries to load tables.
_AS_RECORDS: Final = "as JSON, JSON Lines or one JSON document (--format json, jsonl or document)"
_PARQUET_BACK: Final = (
    "no reader turns Parquet tables back into records: read them as tables with pandas "
    "(pandas.read_parquet) or pyarrow"
)


def _table_formats(tables: Sequence[str]) -> str:
    """``"CSV"``, ``"Parquet"`` or ``"CSV and Parquet"``: what ``tables`` are."""
    suffixes = {name.lower().rpartition(".")[2] for name in tables}
    return " and ".join(name for name in ("CSV", "Parquet") if name.lower() in suffixes)


def _read_back(folder: str, tables: Sequence[str], *, parquet: bool = False) -> str:
    """How the tables of ``folder`` can be read back, after a ``; ``: its CSV files of the
    kinds' tables by ``rightsdata.tables.load_directory`` (which reads only those), Parquet
    files (among ``tables``, or a file of it whatever its name, if ``parquet``) by no reader
    of ours.

    >>> _read_back("out", ["events.csv"]).startswith("; `rightsdata.tables.load_directory('out')`")
    True
    >>> _read_back("out", ["events.parquet"])
    '; no reader turns Parquet tables back into records: ...'
    >>> _read_back("out", ["notes.csv"])
    ''
    """
    said = []
    if any(_is_kind_table(name, ".csv") for name in tables):
        from rightsdata._values.shell import python_call, python_literal  # (a message's)

        load = python_call(f"rightsdata.tables.load_directory({python_literal(folder)})")
        rows = python_call("rightsdata.tables.read_directory")
        said.append(
            f"{load} reads its CSV tables back into a dataset, each problem told at its file "
            f"and line ({rows} gives their rows)"
        )
    if parquet or any(name.lower().endswith(".parquet") for name in tables):
        said.append(_PARQUET_BACK)
    return "".join(f"; {part}" for part in said)


def _is_kind_table(name: str, suffix: str) -> bool:
    """Whether ``name`` is the file of a record kind's table, or of one of its lists, in the
    format of ``suffix`` (``events.csv``, ``events.participants.csv``): what a reader of the
    records needs, as an export names it.

    >>> _is_kind_table("events.participants.csv", ".csv"), _is_kind_table("notes.csv", ".csv")
    (True, False)
    """
    return name.endswith(suffix) and name.partition(".")[0] in KINDS


def table_file_problem(name: str, folder: str, names: Sequence[str], table_format: str) -> Problem:
    """The problem of the file ``name`` in ``folder`` (which holds ``names``), read as a
    dataset, being a table of ``table_format`` (``"CSV"``, ``"Parquet"``), as an export writes
    them: what it is and how to read it, as a folder of them is told
    (:func:`no_records_problem`).

    >>> names = ["events.csv", "records.csv"]
    >>> message = table_file_problem("records.csv", "out", names, "CSV").message
    >>> message.startswith("is a CSV file, a table as `rightsdata export` writes them")
    True
    >>> "; `rightsdata.tables.load_directory('out')` reads its CSV tables" in message
    True
    """
    parquet = table_format == "Parquet"  # (whatever its name says)
    message = (
        f"is a {table_format} file, a table as `rightsdata export` writes them (--format csv, "
        "datapackage or parquet): a copy for other tools, not a dataset to load. Load the "
        f"dataset it was exported from, or its export {_AS_RECORDS}"
        f"{_read_back(folder, tables_in(names), parquet=parquet)}"
    )
    return Problem(name, message, ProblemCode.FILE, file=name)


def no_records_problem(folder: str, names: Sequence[str]) -> Problem:
    """The problem of a folder that holds no record kind's file, saying what it holds
    instead (the tables of an export, JSON Lines, a JSON document) and how to read that."""
    tables = tables_in(names)
    named = [n for n in names if not is_hidden(n) and _one_file_layout(n, folder) is not None]
    # (a directory or FIFO so named is no file to load: it is only named)
    files = sorted(n for n in named if _is_regular(os.path.join(folder, n)))
    odd = sorted(set(named) - set(files))
    expected = f"expected some of {', '.join(_kind_files())}"
    if tables:
        shown = ", ".join(tables[:2]) + (", ..." if len(tables) > 2 else "")
        message = (
            f"holds no record files but {counted(len(tables), _table_formats(tables) + ' file')} "
            f"({shown}): {_TABLES_ARE}. Load the dataset they were exported from, or its export "
            f"{_AS_RECORDS}{_read_back(folder, tables)}"
        )
    elif len(files) == 1 and _unsure(folder, files[0]):
        message = (
            f"holds no record files but {_described(folder, files[0])}: if it is one, a "
            f"dataset of its own, read it alone with {_load_the_file(folder, files[0])}; a "
            f"folder is read as one file per kind ({expected})"
        )
    elif len(files) == 1:
        message = (
            f"holds no record files but {_described(folder, files[0])}, a dataset of its own: "
            f"read it alone with {_load_the_file(folder, files[0])}; a folder is read as one file "
            f"per kind ({expected})"
        )
    elif files:
        each = ", or ".join(_load_the_file(folder, name) for name in files)
        described = all_of(_described(folder, name) for name in files)
        unsure = any(_unsure(folder, name) for name in files)
        each_is = (
            "named as a dataset of its own: read whichever is one alone, with"
            if unsure
            else "a dataset of its own: read one of the files alone with"
        )
        message = (
            f"holds no record files but {described}, each {each_is} {each}; a folder is "
            f"read as one file per kind ({expected})"
        )
    else:
        message = f"no record files found; {expected}"
    if odd and not tables:
        message += f" ({all_of(odd)}: named as a dataset of its own, but not a regular file)"
    return Problem(folder, message, ProblemCode.MISSING)


def lone_list_problem(path: Path, documents: list[object], shown: str) -> Problem:
    """The problem of ``path`` (shown as ``shown``), read as a dataset, holding a list: one
    kind's records, as a folder's kind file holds them (``persons.json``), not a dataset. A
    load cannot take it: a dataset's references are checked among all its kinds, and these
    records' references to other kinds would all dangle. The message says what the file is
    and what to do: load the folder that holds it, or check it alone (``rightsdata validate``
    or :func:`rightsdata.validate`, which count the references to other kinds rather than
    failing them); for a name that
    is no kind's (``event.json``), the kind file it was meant to be.

    >>> message = lone_list_problem(Path("ds/persons.json"), [], "ds/persons.json").message
    >>> message.startswith("is one kind's file (a list of persons), not a dataset: load the")
    True
    >>> message.endswith("check the file alone with `rightsdata validate ds/persons.json` (in "
    ...                  "Python, `rightsdata.validate('ds/persons.json')`)")
    True
    >>> "did you mean events.json?" in lone_list_problem(Path("event.json"), [], "x").message
    True
    """

    folder = printable(str(Path(shown).parent))
    load = (
        f"load the folder that holds it ({folder}), which checks the records' references "
        "to other kinds"
    )
    kind = path.name.removesuffix(".json")
    if path.suffix == ".json" and kind in KINDS:
        return Problem(
            path.name,
            f"is one kind's file (a list of {kind}), not a dataset: {load}, or check the file "
            f"alone with {_alone(shown)}",
            ProblemCode.TYPE,
        )
    what = "is a list of records, as one kind's file holds them, not a dataset"
    spelt, named = _kind_named(path, documents)
    if named is None:
        hint = (
            " (a JSON document is an object with a list per kind); name it for its kind "
            f"({', '.join(map(kind_file, KINDS))})"
        )
        alone = _alone(str(Path(shown).with_name("KIND.json")))
    elif _another_file(path, path.with_name(kind_file(named))):
        # (renamed, it would replace the kind's file beside it)
        said = (
            f"did you mean {kind_file(named)}? {folder} holds one already"
            if spelt
            else f"its records' ids name {named}, whose file {folder} holds already "
            f"({kind_file(named)})"
        )
        hint = f"; {said}: move these records into it"
        alone = _alone(str(Path(shown).with_name(kind_file(named))))
    else:
        said = "did you mean" if spelt else f"its records' ids name {named}: name it"
        hint = f"; {said} {kind_file(named)}{'? Name it so' if spelt else ''}"
        alone = _alone(str(Path(shown).with_name(kind_file(named))))
    return Problem(
        path.name,
        f"{what}{hint}, and {load}, or check it alone with {alone}",
        ProblemCode.TYPE,
    )


#: What each file a dataset folder, or an export's, holds beside its records' files is, by
#: name: given alone, it is told so, not read as a dataset whose every key is no kind.
_FOLDER_FILES: Final = {
    DESCRIPTOR: "a data package's descriptor (its name, version and files)",
    "redirects.json": "a dataset folder's list of retired IDs and what replaced them",
    EXPORT_MANIFEST: "the list of the files an export wrote into its folder",
}
#: The keys a dataset's JSON document may hold beside the kinds' (format 3 and later).
_DOCUMENT_KEYS: Final = frozenset({*KINDS, "datapackage", "redirects"})


def folder_file_problem(path: Path, document: object, shown: str) -> Problem | None:
    """The problem of ``path`` (shown as ``shown``), read as a dataset, if it is one of the
    files a dataset folder or an export holds beside the records' files (``datapackage.json``,
    ``redirects.json``, an export's list of its files) and is no JSON document: what it is,
    and what to read instead: the folder that holds it, or, where that holds an export's
    tables, what reads them (as the folder itself is told: :func:`no_records_problem`). None
    for any other file, or a JSON document under such a name (:func:`_is_document`).

    >>> found = folder_file_problem(Path("no-such-ds/datapackage.json"), {"name": "x"}, "ds/x")
    >>> assert found is not None
    >>> print(found.message.replace(": load", ":\\nload").replace(" (in", "\\n(in"))
    is a data package's descriptor (its name, version and files), not a dataset:
    load the folder that holds it, with `rightsdata validate ds`
    (in Python, `rightsdata.load_path('ds')`)
    >>> folder_file_problem(Path("ds/datapackage.json"), {"events": []}, "x") is None
    True
    """
    what = _FOLDER_FILES.get(path.name)
    if what is None or _is_document(document):
        return None
    folder = str(Path(shown).parent)
    try:
        names = os.listdir(path.parent)
    except OSError:
        names = []
    tables = tables_in(names)
    # (an export of one file, JSON Lines or a document: that file is the dataset)
    single = None if set(_kind_files()) & set(names) else _one_file(names)
    if tables:  # (an export's tables: the folder is no dataset either)
        message = (
            f"is {what}, beside {counted(len(tables), _table_formats(tables) + ' file')}: "
            f"{_TABLES_ARE}. Load the dataset they were exported from, or its export "
            f"{_AS_RECORDS}{_read_back(folder, tables)}"
        )
    elif single is not None:
        message = (
            f"is {what}, not a dataset: load the {single} beside it, with "
            f"{_alone(os.path.join(folder, single), 'load_path')}"
        )
    else:
        message = (
            f"is {what}, not a dataset: load the folder that holds it, with "
            f"{_alone(folder, 'load_path')}"
        )
    return Problem(path.name, message, ProblemCode.TYPE)


#: The one file of an export that writes one (``jsonl``, ``document``): the dataset it is.
_ONE_FILE: Final = ("records.jsonl", "dataset.json")


def _one_file(names: Sequence[str]) -> str | None:
    """The one file among ``names`` (a folder's) that an export of one file writes."""
    return next((name for name in _ONE_FILE if name in names), None)


def _is_document(document: object) -> bool:
    """Whether ``document`` may be a dataset's JSON document: an object with none of a
    descriptor's ``resources`` that is empty or holds a key a document holds (a kind's, a
    descriptor's or redirects'; a descriptor's ``sources`` is a Data Package property).

    >>> _is_document({"sources": [], "resources": []}), _is_document({"sources": []})
    (False, True)
    >>> _is_document({}), _is_document({"redirects": []}), _is_document({"name": "x"})
    (True, True, False)
    """
    return (
        isinstance(document, dict)
        and "resources" not in document
        and (not document or any(key in _DOCUMENT_KEYS for key in document))
    )


def _another_file(path: Path, other: Path) -> bool:
    """Whether ``other`` exists and is not the file ``path`` is (``Events.JSON`` is
    ``events.json`` on a file system that ignores case).

    >>> _another_file(Path("no-such-file.json"), Path("no-such-file.json"))
    False
    """
    try:
        return other.exists() and not os.path.samefile(path, other)
    except OSError:
        return other.exists()


def _alone(path: str, python: str = "validate") -> str:
    """How to check the file at ``path`` alone, on the command line and in Python: what
    every message that tells to check a file alone says. ``rightsdata validate`` checks one
    kind's file alone and a dataset's file; in Python, ``python`` names the function:
    :func:`rightsdata.validate` for a kind's file (:func:`rightsdata.load_path` refuses it,
    as no dataset), ``"load_path"`` for a dataset of its own (JSON Lines, a document).

    >>> print(_alone("my data/persons.json").replace(" (in", "\\n(in"))
    `rightsdata validate 'my data/persons.json'`
    (in Python, `rightsdata.validate('my data/persons.json')`)
    """
    from rightsdata._values.shell import python_call, python_literal, shell_path  # (a message's)

    called = python_call(f"rightsdata.{python}({python_literal(path)})")
    return f"`rightsdata validate {shell_path(path)}` (in Python, {called})"


def _kind_named(path: Path, documents: list[object]) -> tuple[bool, str | None]:
    """The kind a list of records is of, and whether its file's name is spelled like it
    (``event.json``): else the kind its records' IDs all name; None if neither tells."""
    stem = path.name.rpartition(".")[0].lower() or path.name.lower()
    near = close(stem, KINDS, n=1)
    if near:
        return True, near[0]
    kinds = {
        KIND_OF_PREFIX.get(prefix_of(d["id"]))
        for d in documents[:1000]
        if isinstance(d, dict) and isinstance(d.get("id"), str)
    }
    return False, (kinds.pop() if len(kinds) == 1 and None not in kinds else None)


#: How each problem of a path that holds no dataset at all opens (the functions above word
#: them): a kind's file alone, a folder's other file, a table, a folder of no record files.
_NOT_A_DATASET: Final = (
    "is one kind's file (a list of ",
    "is a list of records, as one kind's file holds them",
    *(f"is {what}" for what in _FOLDER_FILES.values()),
    "is a CSV file, a table as",
    "is a Parquet file, a table as",
    "holds no record files but",
    "no record files found",
)


def not_a_dataset(problems: Sequence[Problem]) -> bool:
    """Whether ``problems`` are those of a path that is no dataset at all, rather than of a
    dataset's data: one problem, from :func:`lone_list_problem`, :func:`folder_file_problem`,
    :func:`table_file_problem` or :func:`no_records_problem`. The command line tells such a
    path as the wrong kind of argument (exit code 2), saying what to give instead.

    >>> not_a_dataset([lone_list_problem(Path("ds/events.json"), [], "ds/events.json")])
    True
    >>> not_a_dataset([Problem("events.json[0] event:a.kind", "'x' is not an event kind")])
    False
    """
    return (
        len(problems) == 1
        and problems[0].record_id is None
        and problems[0].message.startswith(_NOT_A_DATASET)
    )
