"""Reading datasets: the bundled ones by name, and anyone's in the same format.

Three layouts are read (see docs/loading.md):

- a **folder**: ``datapackage.json`` (optional for your own data) and one JSON file per record
  kind (``events.json``: a list of records), plus ``redirects.json`` if IDs were retired;
- a **JSON document**: one object with a list per kind, ``{"persons": [...], "events": [...]}``,
  and maybe its descriptor under ``"datapackage"``;
- **JSON Lines** (``.jsonl`` or ``.ndjson``): one record per line, its kind in a ``"$kind"``
  field (``"events"``), or taken from its ID's prefix when the field is absent; maybe the
  descriptor first, ``{"$kind": "datapackage", ...}``.

Reading is all or nothing: every problem in every file is collected, and one
:class:`~rightsdata.InvalidDataError` lists them all, each located by file, record and field.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds is rightsdata.load()
True
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import stat
import sys
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from itertools import takewhile
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

from rightsdata._data.bytemarks import BOM, consecutive, left_where, unmarked
from rightsdata._data.dataset import (
    Dataset,
    base_of,
    checked_descriptor,
    checked_redirects_mapping,
    with_base,
)
from rightsdata._data.filetext import decode_text
from rightsdata._data.listedfiles import Listed, file_type, listed_file, not_regular, outside
from rightsdata._data.redirectlist import check_redirects
from rightsdata._model.records import KINDS, RECORD_TYPES, Record
from rightsdata._validation.integrity import Base, Failed, Where, check_integrity, failed_record
from rightsdata._values.errors import (
    DatasetVersionError,
    InvalidDataError,
    Problem,
    ProblemCode,
    Problems,
    UnknownDatasetError,
    checked,
    counted,
    describe_json,
    not_text_key,
    number_of_digits,
    printable,
    problem_parts,
    shown_repr,
    what_was_given,
)
from rightsdata._values.exitleave import leave_at_exit
from rightsdata._values.flags import flag
from rightsdata._values.format import (
    DESCRIPTOR,
    EMBEDDED,
    FORMAT,
    FORMAT_KEY,
    JSON_LINES_SUFFIXES,
    KIND_FIELD,
    READABLE,
    format_of,
    format_problems,
    is_hidden,
    kind_file,
    kind_format,
    may_write_null_field,
    null_field_problems,
    schema_id,
)
from rightsdata._values.gcpause import freeze_when_done, gc_paused
from rightsdata._values.heap import TRIMMED_FROM, trim_heap
from rightsdata._values.ids import KIND_OF_PREFIX, a_noun, meant_prefix, prefix_of
from rightsdata._values.nesting import deeper_than_limit, nesting_problem
from rightsdata._values.places import Places, RecordPlace, identify
from rightsdata._values.resources import BUNDLED_NAME, DEFAULT_NAME, datasets_root
from rightsdata._values.windows import link_loop, name_too_long, nothing_there

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from rightsdata._validation.bulkcheck import Gathered
    from rightsdata._validation.fastpath import Decoded
    from rightsdata._validation.sharing import Sharing
    from rightsdata._values.requirement import Requirement

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DESCRIPTOR",
    "REDIRECTS",
    "ReadOptions",
    "base_of",
    "bundled_name",
    "dataset_problems",
    "datasets",
    "filed",
    "json_lines",
    "load",
    "load_documents",
    "load_path",
    "own_files",
    "own_part",
    "read_folder",
    "read_kind_file",
    "unsure",
]

REDIRECTS: Final = "redirects.json"
#: How a file over the limit can be read (in Python, and on the command line).
_RAISE_THE_LIMIT: Final = "pass a larger max_bytes= (--max-bytes on the command line) to read it"
#: The largest file read by default (1 GiB); raise it with ``max_bytes=``. A JSON file takes
#: several times its size in memory once parsed, so the limit keeps a mistaken path (a disk
#: image, a database dump) from exhausting memory.
DEFAULT_MAX_BYTES: Final = 1 << 30
#: The endings of the files a layout may hold records in: a folder's load reads some of them
#: and says which others it found.
_RECORD_SUFFIXES: Final = (".json", *JSON_LINES_SUFFIXES)
_CHUNK: Final = 1 << 20

_cache: dict[str, Dataset] = {}
_cache_lock = threading.Lock()


# --- public entry points --------------------------------------------------------------------


def load(name: str = DEFAULT_NAME, *, version: str | None = None) -> Dataset:
    """The bundled dataset ``name``, validated; cached, so every call returns the same object.

    Thread-safe. The dataset is immutable, so sharing it is safe. A name no bundled dataset
    has raises :class:`~rightsdata.UnknownDatasetError` (a ValueError).

    ``version`` requires a version of the data (:attr:`Dataset.version`, a semantic version
    ``MAJOR.MINOR.PATCH``): one to three numbers, meaning that version or a later one of the
    same major (Cargo's caret, ``^``, but with major 0 a major like the others); the parts
    left out are 0. ``"3"`` is any 3.x.y;
    ``"3.1"`` is 3.1.0 or a later 3.x (3.1.5, 3.4.0; not 3.0.9 or 4.0.0); ``"3.1.2"`` is 3.1.2
    or a later 3.x. A major version changes the data's fields, a minor adds data, a patch
    corrects it (docs/loading.md, "Requiring a dataset version"). A dataset that does not
    meet it raises :class:`~rightsdata.DatasetVersionError`, which says what to do (update
    the code, or the rightsdata to install); a malformed requirement raises ``ValueError``.
    The cached dataset is checked too, on every call.

    >>> import rightsdata
    >>> rightsdata.load().version  # doctest: +ELLIPSIS
    '...'
    >>> rightsdata.load(version="3") is rightsdata.load()
    True
    """
    required = _requirement(version)
    if not isinstance(name, str):  # (before the cache: a list is unhashable)
        _not_a_name(name)
    dataset = _cache.get(name)
    if dataset is None:
        dataset = _load_bundled(name)
    if required is not None:
        _check_version(dataset, name, version, required, bundled=True)
    return dataset


def _requirement(version: object) -> Requirement | None:
    if version is None:
        return None
    if not isinstance(version, str):  # (its value by shown_repr: a huge int is not written)
        raise TypeError(
            f"version is a requirement in text, such as '3' or '3.1', not {what_was_given(version)}"
        )
    from rightsdata._values.requirement import parse_requirement

    return parse_requirement(version)


def _check_version(
    dataset: Dataset, name: str, version: Any, required: Requirement, *, bundled: bool
) -> None:
    from rightsdata._values.requirement import meets

    if not meets(dataset.version, required):
        raise DatasetVersionError(name, dataset.version, version, bundled)


def _not_a_name(name: object) -> NoReturn:
    """The TypeError of :func:`load` given ``name`` that is not text."""
    from rightsdata._values.shell import python_call  # (a message's)

    raise TypeError(
        f"load() takes the name of a bundled dataset, not {what_was_given(name)}; "
        f"bundled: {', '.join(datasets()) or 'none'}. To read a folder or file, use "
        f"{python_call('rightsdata.load_path(path)')}"
    )


def _load_bundled(name: str) -> Dataset:
    if not isinstance(name, str):
        _not_a_name(name)
    if not BUNDLED_NAME.fullmatch(name):  # (a path, or not a name: no folder is looked for)
        raise UnknownDatasetError(name, datasets())
    with _cache_lock:
        dataset = _cache.get(name)
        if dataset is None:
            folder = datasets_root().joinpath(name)
            if not folder.joinpath(DESCRIPTOR).is_file():
                raise UnknownDatasetError(name, datasets())
            # Sizes, not hashes, and the descriptor not held to its schema: the bundled files'
            # hashes and descriptor are checked by the project's tests, and hashing (importing
            # hashlib alone: 3-7 ms) and the descriptor's check (about 3 ms with its import)
            # would cost a cold load() several per cent.
            dataset = read_folder(
                folder,
                label=f"bundled dataset {name!r}",
                check_resources="sizes",
                check_descriptor=False,
            )
            _cache[name] = dataset
    return dataset


def datasets() -> dict[str, str | None]:
    """The bundled datasets' names, each with its data version.

    >>> import rightsdata
    >>> "kazakhstan" in rightsdata.datasets()
    True
    """
    found: dict[str, str | None] = {}
    for entry in sorted(datasets_root().iterdir(), key=lambda e: e.name):
        descriptor = entry.joinpath(DESCRIPTOR)
        if BUNDLED_NAME.fullmatch(entry.name) and descriptor.is_file():
            raw, problems = read_json(descriptor, DESCRIPTOR)
            version = raw.get("version") if not problems and type(raw) is dict else None
            found[entry.name] = version if isinstance(version, str) else None
    return found


def bundled_name(dataset: object) -> str | None:
    """The name :func:`load` returned this very ``dataset`` under, or ``None`` for any other
    dataset (loaded from a path, or made in Python), which the command line cannot name by
    ``--name``.

    >>> bundled_name(load()), bundled_name(Dataset({}))
    ('kazakhstan', None)
    """
    for name, cached in list(_cache.items()):
        if cached is dataset:
            return name
    return None


def load_path(
    path: str | os.PathLike[str],
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    share: bool = False,
    freeze: bool = False,
    version: str | None = None,
    base: Dataset | None = None,
    strict: bool = False,
    max_problems: int | None = None,
) -> Dataset:
    """Read a dataset from a folder, a JSON document or a JSON Lines file, and validate it.

    Returns the whole dataset, or raises :class:`~rightsdata.InvalidDataError` listing every
    problem in every file. ``schema=True`` also checks each record against the JSON Schemas
    (slower; needs ``rightsdata[schema]``, else raises ``MissingExtraError``, an ImportError).
    Files larger than ``max_bytes`` are refused; docs/loading.md lists every limit.

    ``share=True`` makes equal values among the records one object: every text and ID
    (a reference shares the string of the ID it names), equal participants, aliases,
    charges, penalties, inferences, and equal tuples of them. On the benchmark's data it
    holds 22% less memory for a load about 1.8 times as long (docs/performance.md);
    records are immutable, so nothing else changes.

    ``freeze=True`` ends a successful load with ``gc.freeze()``: the dataset, and every
    other object alive in the process, moves to the garbage collector's permanent
    generation, which no collection walks. For a large dataset kept for the process's life
    it saves the time of every later full collection (about 0.6 s each at 100,000 events);
    ``del`` still frees the dataset at once (it holds no reference cycle), and
    ``gc.unfreeze()`` undoes it. A frozen dataset still alive when the interpreter exits is
    left to the system rather than freed (CPython): a script holding a million events to its
    end exits in 0.48 s with it; without it the dataset is released at the exit and its
    records freed, 2.9 s, unless kept usable with :meth:`Dataset.keep_at_exit` for code
    that runs later (docs/loading.md, At the interpreter's exit). (Without it, a load
    hands what it built to the collector's oldest generation without walking it.) See
    docs/performance.md.

    A load of 100,000 records or more ends by giving the C heap's free pages back to the
    system (glibc's ``malloc_trim``; docs/loading.md).

    ``version`` requires a version of the data, as for :func:`load` (``"3.1"``: 3.1.0 or a
    later 3.x): a dataset that does not meet it, or has no semantic version
    (``datapackage.json``'s ``version``, or that of the descriptor a JSON Lines file or JSON
    document carries), raises :class:`~rightsdata.DatasetVersionError`,
    whose ``name`` is ``path``. A malformed requirement raises ``ValueError`` before anything
    is read.

    ``base`` is a dataset the one at ``path`` builds on (``rightsdata.load()``, or another
    :func:`load_path`'s): its records may refer to the base's, and the result holds the
    records of both, named, versioned and described as the dataset at ``path`` is
    (``version=`` requires that version; ``share=`` shares among its records only). Its
    records may not take an ID the base has, or retired; every problem is located in its
    files, and the base's own records are never judged again (docs/loading.md, "Building on
    another dataset"). Its own records are those not in the base: ``[r for r in ds if r.id
    not in base]``.

    ``strict=True`` also reports data that is well-formed but almost certainly wrong (a
    country code ISO 3166-1 does not assign, a rating of a city, the same participant twice,
    a place whose country disagrees with that of the place it lies within): each a problem of
    code ``strict``, raised with every other (docs/loading.md, "Strict checks" lists them).
    Without it such data loads, as it always has; and the load does no more work.

    ``max_problems`` bounds what a failed load collects, for data from people you do not
    trust (a service checking uploads): by default (None) every problem is found; given a
    positive integer, the load stops judging once it holds that many, and raises the error
    with them, its ``stopped_at`` that number (the data may have more). The problems kept
    are those reported first (docs/loading.md, "Stopping at a number of problems").

    >>> import rightsdata, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "more.json").write_text(
    ...     '{"events": [{"id": "event:kozlov-interview", "kind": "interview", '
    ...     '"title": "An interview", "date": "2016-05-01", "citations": '
    ...     '[{"source": "source:hrf-2012-12-14"}], "participants": '
    ...     '[{"actor": "person:vladimir-kozlov", "role": "interviewee"}]}]}', encoding="utf-8")
    >>> both = rightsdata.load_path(folder / "more.json", base=rightsdata.load())
    >>> [e.id for e in both.timeline("person:vladimir-kozlov")][-1]
    'event:kozlov-interview'
    >>> _ = (folder / "data.json").write_text('{"persons": [{"id": "person:x"}]}', encoding="utf-8")
    >>> rightsdata.load_path(folder / "data.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rightsdata.InvalidDataError: 2 problems in .../data.json:
      data.json:persons[0] person:x.name: required field is missing
    ...
    >>> import shutil; shutil.rmtree(folder)
    """
    from pathlib import Path  # here: loading the bundled data does without it

    checked(path, "path", _PATH_TAKEN, (str, os.PathLike))
    flag(freeze, "freeze")
    required = _requirement(version)
    over = None if base is None else base_of(base)
    # One pause for the whole load: the readers' and the integrity check's pauses nest in it,
    # so what they build is handed to the old generation (or frozen) once, at the end.
    with gc_paused():
        options = ReadOptions(
            schema=schema,
            max_bytes=max_bytes,
            share=share,
            strict=strict,
            base=over,
            max_problems=max_problems,
        )
        dataset, problems, unchecked = _read(Path(path), options)
        if dataset is not None and not problems:
            if required is not None:  # (before a freeze: a dataset refused is not kept)
                _check_version(dataset, _shown(path), version, required, bundled=False)
            if freeze:
                freeze_when_done()
    if problems or dataset is None:
        stopped = max_problems if options.stopped else None
        raise InvalidDataError(problems, _shown(path), unchecked, stopped_at=stopped)
    if freeze:
        leave_at_exit(dataset)  # (rightsdata._values.exitleave)
    if sum(dataset.counts().values()) >= TRIMMED_FROM:
        trim_heap()  # what the load freed goes back to the system (rightsdata._values.heap)
    return dataset


#: What a path argument takes, as its TypeError says.
_PATH_TAKEN: Final = "a path (a str or a pathlib.Path)"


def _shown(path: object) -> str:
    return os.fsdecode(path) if isinstance(path, str | os.PathLike) else str(path)


def dataset_problems(
    path: str | os.PathLike[str],
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    base: Dataset | None = None,
    strict: bool = False,
    max_problems: int | None = None,
) -> Problems:
    """Every problem :func:`load_path` would raise for ``path``, returned instead, with the
    kinds not checked in full (and where it stopped, under ``max_problems``):
    :func:`rightsdata.validate` for anything but one kind's file
    (``rightsdata._data.validating``)."""
    from pathlib import Path

    checked(path, "path", _PATH_TAKEN, (str, os.PathLike))
    over = None if base is None else base_of(base)
    options = ReadOptions(
        schema=schema, max_bytes=max_bytes, strict=strict, base=over, max_problems=max_problems
    )
    _, problems, unchecked = _read(Path(path), options)
    return Problems(problems, unchecked, stopped_at=max_problems if options.stopped else None)


def read_folder(
    folder: Traversable | Path,
    *,
    label: str | None = None,
    check_resources: bool | Literal["sizes"] = False,
    check_descriptor: bool = True,
    declared_format: bool = True,
    base: Dataset | None = None,
    bom: bool = False,
) -> Dataset:
    """Read, structure and check a dataset folder; raise InvalidDataError listing every problem.

    ``check_resources=True`` also holds the folder to its ``datapackage.json`` resources
    (every file listed exists, with the bytes and hash listed), as :func:`load_path` does;
    ``"sizes"`` checks all but the hashes, as :func:`load` does for the bundled data;
    ``rightsdata fmt`` reads without, to rewrite stale hashes. ``check_descriptor=False``
    skips holding ``datapackage.json`` to its schema (only for the bundled data, which the
    project's tests check). ``declared_format=False`` reads what the folder holds whatever
    format its descriptor declares (``rightsdata fmt --upgrade``, which then declares the
    format the data needs). ``base``: the dataset it builds on, as for :func:`load_path`.
    ``bom=True`` reads a file that starts with a UTF-8 byte-order mark as if it had none
    (``rightsdata fmt``, which rewrites it without); a load refuses it, as JSON does.
    """
    over = None if base is None else base_of(base)
    dataset, problems, unchecked = _read_folder(
        folder,
        ReadOptions(base=over),
        check_resources=check_resources,
        check_descriptor=check_descriptor,
        declared_format=declared_format,
        bom=bom,
    )
    if problems or dataset is None:
        raise InvalidDataError(problems, label or str(folder), unchecked)
    return dataset


def own_part(dataset: Dataset, base: Dataset) -> Dataset:
    """The records and redirects of ``dataset`` (loaded over ``base``) that are not the
    base's: what its own files hold, as a dataset of its name, version and descriptor, for
    ``rightsdata fmt`` to write. Its references to the base's records are not checked again
    (they were, over the base), so it is no dataset to query: the records it names are not
    in it."""
    records: dict[str, list[Record]] = {
        kind: [record for record in dataset.collection(kind) if record.id not in base]
        for kind in KINDS
    }
    retired = base.redirects
    redirects = {old: new for old, new in dataset.redirects.items() if old not in retired}
    return Dataset._of_checked(
        records, dataset.name, dataset.version, dataset.descriptor, redirects, {}, {}
    )


# --- the layouts ----------------------------------------------------------------------------

_ALL_KINDS: Final = "*"

#: What a reader gives: the dataset (None if it has problems), every problem, and the kinds
#: not checked in full (references to them, and the checks that need their records)
#: (:attr:`~rightsdata.InvalidDataError.unchecked`).
_Read = tuple[Dataset | None, list[Problem], tuple[str, ...]]


class ReadOptions:
    """What a load was asked for, handed as one from the entry points to the readers: whether
    to hold each record to the JSON Schemas (``schema``), the largest file to read
    (``max_bytes``), whether to share equal values (``share``), whether to run the strict
    checks (``strict``), the dataset the data builds on (``base``), and the most problems to
    collect (``max_problems``), as :func:`load_path` takes them; and, set by the reader,
    whether it ``stopped`` at ``max_problems``.

    A plain class, as :class:`_Parts` is (a NamedTuple or attrs class costs a cold
    ``rightsdata.load()`` its creation).
    """

    __slots__ = ("base", "max_bytes", "max_problems", "schema", "share", "stopped", "strict")

    def __init__(
        self,
        *,
        schema: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        share: bool = False,
        strict: bool = False,
        base: Base | None = None,
        max_problems: int | None = None,
    ) -> None:
        self.schema = flag(schema, "schema")
        self.max_bytes = max_bytes
        self.share = flag(share, "share")
        self.strict = flag(strict, "strict")
        self.base = base
        self.max_problems = max_problems
        #: whether the read stopped at ``max_problems`` (the data may have more problems)
        self.stopped = False


#: What a read with nothing asked for is asked: a bundled dataset's, a descriptor's check.
_DEFAULTS: Final = ReadOptions()


class _Parts:
    """What a layout reader collected, before integrity checks, and what it was asked for
    (``options``).

    A plain class, not attrs: building an attrs class costs about 1 ms, and this module is
    imported by every cold ``rightsdata.load()``.
    """

    __slots__ = (
        "declared",
        "declared_in",
        "descriptor",
        "descriptor_at",
        "failed",
        "failed_ids",
        "folder",
        "gathered",
        "ids",
        "named",
        "nameless",
        "options",
        "problems",
        "records",
        "redirect_indexes",
        "redirect_lines",
        "redirects",
        "redirects_where",
        "sharing",
        "unsure",
        "where",
    )

    def __init__(self, options: ReadOptions = _DEFAULTS, redirects_where: str = REDIRECTS) -> None:
        self.options = options
        self.records: dict[str, list[Record]] = {}
        #: every ID a kind's records hold, where the fast path gathered them
        self.ids: dict[str, set[str]] = {}
        #: what the fast path's walk gathered of a kind's records for the queries (in the
        #: order of the records read; the dataset keeps it if that is the ID order)
        self.gathered: dict[str, Gathered] = {}
        self.where: dict[str, Where] = {}
        self.redirects: dict[str, str] = {}
        self.redirects_where = redirects_where
        #: each redirect's line, by its old ID, for a JSON Lines file's redirects (whose
        #: problems are then located at their lines, ``redirects_where`` the file's name)
        self.redirect_lines: dict[str, int] = {}
        #: each redirect's index in the list it was read from, by its old ID (its position
        #: among ``redirects`` is another after a redirect named twice)
        self.redirect_indexes: dict[str, int] = {}
        self.descriptor: dict[str, Any] | None = None
        #: the format the descriptor declares (1 if it has no rightsdata_format); None
        #: without a descriptor (a folder without one, a JSON document or JSON Lines without
        #: one of their own)
        self.declared: int | None = None
        #: where the descriptor is, as a problem locates it (``data.jsonl:1 datapackage``)
        self.declared_in = DESCRIPTOR
        #: where the descriptor kept in ``descriptor`` (or the name and version given) is,
        #: as its strict rule locates a problem: that location, its file and its line; None
        #: without one, or where it has problems (as a record that failed, it is not judged)
        self.descriptor_at: tuple[str, str, int | None] | None = None
        #: the dataset's folder on disk, as shown (None for one file, or package data)
        self.folder: str | None = None
        #: the name and version given, where they are not the descriptor's (load_documents)
        self.named: tuple[str | None, str | None] | None = None
        self.problems: list[Problem] = []
        #: the IDs of records that are in the files but failed to structure
        self.failed_ids: set[str] = set()
        #: those records of a known kind, with the references they make, still checked
        self.failed: list[Failed] = []
        #: kinds (or "*": any) some of whose records' IDs are unknown (a file or line unread)
        self.unsure: set[str] = set()
        #: where the records are, by kind, whose IDs could not be read (the kind's others were)
        self.nameless: dict[str, list[str]] = {}
        #: the values shared so far, with ``options.share`` (made on the first large file)
        self.sharing: Sharing | None = None


def check_max_bytes(max_bytes: object) -> None:
    """Raise ValueError unless ``max_bytes`` is a positive integer (a limit of 0 or less would
    refuse every file, with a message naming a limit no file can meet); TypeError if it is
    not an integer at all (a bool, a float, text)."""
    if type(max_bytes) is not int or max_bytes < 1:
        error = ValueError if type(max_bytes) is int else TypeError
        raise error(
            f"max_bytes is the size of the largest file to read, a positive integer of bytes; "
            f"got {shown_repr(max_bytes)}"
        )


#: The largest ``max_problems`` taken: no load holds more problems (each takes memory).
_MOST_PROBLEMS: Final = sys.maxsize


def check_max_problems(max_problems: object) -> None:
    """Raise ValueError unless ``max_problems`` is None (every problem) or a positive integer
    no larger than ``sys.maxsize`` (0 or a negative count is refused, as ``max_bytes``
    refuses them: a cap of 0 would stop before the first problem); TypeError if it is not an
    integer at all (a bool, a float, text).

    >>> check_max_problems(0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: max_problems is the most problems to collect, ... got 0
    """
    if max_problems is None:
        return
    if type(max_problems) is not int or not 1 <= max_problems <= _MOST_PROBLEMS:
        error = ValueError if type(max_problems) is int else TypeError
        raise error(
            "max_problems is the most problems to collect, a positive integer (or None for "
            f"every problem); got {shown_repr(max_problems)}"
            + (f" (the most is {_MOST_PROBLEMS:,})" if _over(max_problems) else "")
        )


def _over(max_problems: object) -> bool:
    """Whether ``max_problems`` is an integer over the most taken (said with the refusal)."""
    return type(max_problems) is int and max_problems > _MOST_PROBLEMS


def _check_options(options: ReadOptions) -> None:
    """Raise what is wrong with what a read was asked for, before anything is read."""
    check_max_bytes(options.max_bytes)
    check_max_problems(options.max_problems)
    if options.schema:
        from rightsdata._values.extras import require

        require("jsonschema", "schema")  # MissingExtraError before reading anything


def _read(path: Path, options: ReadOptions) -> _Read:
    _check_options(options)
    try:
        dataset, problems, unchecked = _read_any(path, options)
        return dataset, capped(_in_reading_order(problems), options), unchecked
    except (RecursionError, OSError) as exc:
        return None, [_backstop(path, exc)], ()


def capped(problems: list[Problem], options: ReadOptions) -> list[Problem]:
    """``problems`` (in reading order) cut to ``options.max_problems``, marking the read
    ``stopped`` if that leaves some out (a reader that stopped at the cap marked it)."""
    cap = options.max_problems
    if cap is not None and len(problems) > cap:
        options.stopped = True
        return problems[:cap]
    return problems


def _room(parts: _Parts) -> int | None:
    """How many more problems a capped read may collect (None: no cap)."""
    cap = parts.options.max_problems
    return None if cap is None else cap - len(parts.problems)


def _full_with(parts: _Parts, problems: list[Problem]) -> bool:
    """Whether a capped read holds its ``max_problems`` in ``problems`` (its records' and
    those across them), marking it ``stopped``."""
    cap = parts.options.max_problems
    if cap is not None and len(problems) >= cap:
        parts.options.stopped = True
    return parts.options.stopped


def _full(parts: _Parts) -> bool:
    """Whether a capped read holds its ``max_problems``: it then stops judging (marked
    ``stopped``), and the checks across records do not run."""
    return _full_with(parts, parts.problems)


def _backstop(path: Path, exc: RecursionError | OSError) -> Problem:
    """The problem of a read that failed where no check caught it: every reader bounds
    nesting before it recurses, and every read is checked, but a disk can fail anywhere."""
    if isinstance(exc, RecursionError):
        return Problem(_shown(path), "is nested too deeply to read", ProblemCode.LIMIT)
    return _os_problem(_shown(path), os.fspath(path), exc)


def read_kind_file(path: Path, options: ReadOptions) -> tuple[Any, list[Problem], list[Problem]]:
    """The JSON of one kind's file read alone (``rightsdata validate events.json``:
    ``rightsdata._data.kindfile``), the problem of the byte-order marks it starts with (if
    any: its JSON is read still, and its records are judged with it), and the problems that
    keep it from being read, through the checks a load makes of any file first, in the same
    order and words: what was asked (``max_bytes``, the schema extra), the path (no such
    file, a name too long, a null byte), the file (not a regular file, too large), its bytes
    (a Parquet table, known by its magic bytes; not UTF-8), then JSON's rules.
    ``options.schema`` and ``options.max_bytes`` are those it heeds."""
    _check_options(options)
    try:
        info = _stat(path)
        if isinstance(info, Problem):
            return None, [], [info]
        data, problem = _file_bytes(path, options.max_bytes)
        if problem is not None:
            return None, [], [problem]
        text, marked = _decode(data, path.name)
        del data
        if text is None:
            return None, [], marked
        value, found = _parse(text, path.name)
        return value, marked, found
    except (RecursionError, OSError) as exc:
        return None, [], [_backstop(path, exc)]


def _in_reading_order(problems: list[Problem]) -> list[Problem]:
    """``problems`` grouped by file (in the order the files were first named) and, within one,
    in the order of its records: by line (JSON Lines), else by kind and index (a document's
    lists); those of a file as a whole first. The reader found them kind by kind, and the
    cross-record checks after them all."""
    if len(problems) < 2:
        return problems
    files: dict[str | None, int] = {}
    kinds: dict[str | None, int] = {None: -1}  # (a problem of no record: its file's first)
    for problem in problems:
        files.setdefault(problem.file, len(files))
        kinds.setdefault(problem.kind, len(kinds))

    def place(problem: Problem) -> tuple[int, int, int, int]:
        line = -1 if problem.line is None else problem.line
        index = -1 if problem.index is None else problem.index
        return files[problem.file], line, kinds[problem.kind], index

    return sorted(problems, key=place)


def _stat(path: Path) -> os.stat_result | Problem:
    """What the system says of ``path``, or the problem of a path it cannot say it of (no
    such file, a name too long, a loop of links, a null byte)."""
    try:
        return os.stat(path)
    except OSError as exc:
        return _os_problem(_shown(path), os.fspath(path), exc)
    except ValueError:  # a NUL byte: no system call takes such a path
        # (said in our words: Python's changed from "null byte" to "null character" in 3.13)
        message = "is not a path: it holds a null byte (\\x00), which no file's name can hold"
        return Problem(repr(_shown(path)), message, ProblemCode.FILE)


def _read_any(path: Path, options: ReadOptions) -> _Read:
    info = _stat(path)
    if isinstance(info, Problem):
        if path.suffix.lower() in _RECORD_SUFFIXES:
            # (a path named as a file, missing or unreadable: the problem concerns that file,
            # named as its other problems would name it; a folder's is no file's)
            info = Problem(info.location, info.message, info.code, file=printable(path.name))
        return None, [info], ()
    if stat.S_ISDIR(info.st_mode):
        return _read_folder(path, options, check_resources=True)
    table = _table_format(path)
    if table is not None:  # an export's table, not a dataset: say what it is, not "not JSON"
        from rightsdata._data.folderfiles import table_file_problem

        beside = _names_in(path.parent)
        return None, [table_file_problem(path.name, _shown(path.parent), beside, table)], ()
    if path.suffix.lower() in JSON_LINES_SUFFIXES:
        parts = _read_json_lines(path, options)
        whole = list(takewhile(lambda problem: problem.line is None, parts.problems))
        if _document_as_lines(path, parts.problems[len(whole) :]):
            # (the file's byte-order marks, if any, told with it: they hide nothing)
            return None, [*whole, _document_named_as_lines(path)], ()
    else:
        parts = _read_document(path, options)
    dataset, problems, unchecked = _finish(parts)
    return dataset, filed(problems, [path.name]), unchecked


def _document_as_lines(path: Path, problems: list[Problem]) -> bool:
    """Whether ``path``, read as JSON Lines with ``problems``, is one JSON document across
    its lines, as a ``document`` export writes it (``export --format document - >
    data.jsonl``): its first line is not JSON alone, and its start is a document's."""
    if not problems or problems[0].line != 1 or problems[0].code != ProblemCode.SYNTAX:
        return False
    from rightsdata._data.folderfiles import shows_a_document

    return shows_a_document(path)


def _document_named_as_lines(path: Path) -> Problem:
    """The one problem of a ``document`` export named as JSON Lines, rather than one for each
    of its lines: what it is, and how to load it."""
    message = (
        f"is one JSON document, as `rightsdata export --format document` writes it, not JSON "
        f"Lines (one record a line), as its name ({path.suffix}) says: give it a name that "
        "ends in .json, which a load reads as one document"
    )
    return Problem(path.name, message, ProblemCode.SYNTAX, file=path.name)


def _table_format(path: Path) -> str | None:
    """``"CSV"`` or ``"Parquet"`` if ``path`` is a table, as an export writes them, by its
    suffix (a Parquet file of another name is known by its bytes once read: _parquet)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".parquet"):
        return "CSV" if suffix == ".csv" else "Parquet"
    return None


def _parquet(path: Path, data: bytes) -> Problem | None:
    """The table problem if ``data``, read from ``path``, is a Parquet file (the magic bytes it
    starts and ends with), else None. Looked at in the bytes the bounded read gave, never by
    opening the file again: a FIFO put in its place would block an open."""
    if len(data) < 12 or data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        return None
    from rightsdata._data.folderfiles import table_file_problem

    return table_file_problem(path.name, _shown(path.parent), _names_in(path.parent), "Parquet")


def _file_bytes(path: Path, max_bytes: int) -> tuple[bytes, Problem | None]:
    """A file's bytes, as :func:`_read_bytes` reads them, or its problem: that too if they
    are a Parquet table's (:func:`_parquet`), whatever its name."""
    data, problem = _read_bytes(path, path.name, max_bytes)
    if problem is None:
        problem = _parquet(path, data)
    return data, problem


def filed(problems: list[Problem], names: list[str]) -> list[Problem]:
    """``problems``, each that names no file given the one of ``names`` its location starts
    with: a problem in no record still concerns a file (``persons.json: is empty``,
    ``datapackage.json.name``, ``redirects.json[0].to``), and says which in ``file``.

    >>> [p.file for p in filed([Problem("redirects.json[0].to", "?")], ["redirects.json"])]
    ['redirects.json']
    """
    ordered = sorted((printable(name) for name in names), key=len, reverse=True)
    return [_filed(problem, ordered) for problem in problems]


def _filed(problem: Problem, names: list[str]) -> Problem:
    if problem.file is not None:
        return problem
    location = problem.location
    for name in names:
        if location.startswith(name) and location[len(name) : len(name) + 1] in _AFTER_A_FILE:
            return Problem(
                location,
                problem.message,
                problem.code,
                file=name,
                missing_id=problem.missing_id,
                redirects_to=problem.redirects_to,
            )
    return problem


#: What may follow a file's name in a location: nothing, a field, an index, a key or line.
_AFTER_A_FILE: Final = ("", ".", "[", ":")


def _present(folder: Traversable | Path, names: list[str]) -> tuple[set[str], Problem | None]:
    """Which of ``names`` exist in ``folder`` as anything at all (a directory, a FIFO, a
    broken link: reading them then says what is wrong), or why the folder cannot be read."""
    if not isinstance(folder, os.PathLike):  # package data that is not on disk
        return {n for n in names if folder.joinpath(n).is_file()}, None
    found: set[str] = set()
    for name in names:
        try:
            os.lstat(os.path.join(folder, name))
        except (FileNotFoundError, NotADirectoryError) as exc:
            if isinstance(exc, NotADirectoryError) or nothing_there(exc):
                continue
            return set(), _os_problem(_shown(folder), "", exc)  # (Windows: a path too long)
        except OSError as exc:
            label = _shown(folder)
            return set(), Problem(label, f"cannot be read: {exc.strerror or exc}", ProblemCode.FILE)
        found.add(name)
    return found, None


def _read_folder(
    folder: Traversable | Path,
    options: ReadOptions,
    *,
    check_resources: bool | Literal["sizes"],
    check_descriptor: bool = True,
    declared_format: bool = True,
    bom: bool = False,
) -> _Read:
    hashes = check_resources is True
    max_bytes = options.max_bytes
    parts = _Parts(options)
    parts.folder = _shown(folder) if isinstance(folder, os.PathLike) else None
    kind_files = list(map(kind_file, KINDS))
    present, problem = _present(folder, [DESCRIPTOR, *kind_files, REDIRECTS])
    if problem is not None:
        return None, [problem], ()
    entries = _names_in(folder)
    if not present.intersection(kind_files) and _holds_tables(entries):
        # an export's tables (and their descriptor, which is not this layout's): say so alone
        from rightsdata._data.folderfiles import no_records_problem

        return None, [no_records_problem(_shown(folder), entries)], ()
    # each path listed, with every entry that lists it (a path listed twice: both checked)
    resources: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    if DESCRIPTOR in present:
        raw, marked, found = _read_json_marked(
            folder.joinpath(DESCRIPTOR), DESCRIPTOR, max_bytes, bom=bom
        )
        parts.problems += marked
        if not found and check_descriptor:
            from rightsdata._validation.descriptor import descriptor_problems

            found = descriptor_problems(raw, DESCRIPTOR, limit=options.max_problems)
        elif not found and type(raw) is not dict:  # (the bundled one: never; but be sure)
            found = [Problem(DESCRIPTOR, "expected an object", ProblemCode.PACKAGE)]
        parts.problems += found
        if not found:
            parts.descriptor = raw
            parts.descriptor_at = DESCRIPTOR, DESCRIPTOR, None
            parts.declared = format_of(raw) if declared_format else None
            checkable = list(enumerate(raw.get("resources", ())))
        else:  # its problems hide no other: what of it is sound is still used
            checkable = _sound_part(parts, raw, declared_format=declared_format)
        if check_resources:
            for index, entry in checkable:
                resources.setdefault(entry["path"], []).append((index, entry))
    # (the files a descriptor lists are no strays even where it has problems of its own)
    listing = raw if DESCRIPTOR in present and isinstance(raw, dict) else {}
    known = {*_OWN_FILES, *_listed_names(listing)}
    strays = [n for n in _strays(entries, known) if not _same_as_one_of(folder, n, present)]
    records = bool(present.intersection(kind_files))
    if strays or not records:
        from rightsdata._data.folderfiles import resembled_kind, unread_problems

        parts.problems += unread_problems(
            _shown(folder), entries, strays, others=(DESCRIPTOR, REDIRECTS), records=records
        )
        there = {kind for kind in KINDS if kind_file(kind) in present}
        for stray in strays:
            _may_hold(parts, resembled_kind(stray, _shown(folder)), there)
    with gc_paused():
        for kind, name in zip(KINDS, kind_files, strict=True):
            if name not in present:
                continue
            if _full(parts):  # (max_problems: the files after are not read)
                break
            listed = resources.pop(name, ())
            data, problem = _read_bytes(folder.joinpath(name), name, max_bytes)
            if problem is not None:
                parts.problems.append(problem)
                parts.unsure.add(kind)
                continue
            if bom:
                data = unmarked(data)[0]
            for index, entry in listed:
                parts.problems += _resource_problems(
                    index, entry, data, hashes=hashes, folder=folder
                )
                parts.problems += _named_schema_problems(index, entry, name, parts.declared, folder)
            _decode_kind(parts, kind, data, name)
    if REDIRECTS in present and not _full(parts):
        raw, marked, found = _read_json_marked(
            folder.joinpath(REDIRECTS), REDIRECTS, max_bytes, bom=bom
        )
        parts.problems += marked
        parts.problems += found
        if not found:
            parts.redirects, found = check_redirects(raw, REDIRECTS, limit=_room(parts))
            parts.problems += found
            parts.redirect_indexes = _first_indexes(raw, parts.redirects)
    disk = _on_disk(folder) if resources else None
    listed_from = len(parts.problems)
    for path, listed in resources.items():  # the files listed besides the kinds'
        if _full(parts):
            break
        for index, entry in listed:
            parts.problems += _named_schema_problems(index, entry, path, parts.declared, folder)
        if path in kind_files:  # listed, and not there: its records' IDs are unknown too
            parts.unsure.add(path.removesuffix(".json"))
        rule = listed_file(disk, path)
        names = rule.names
        if rule.link is not None:  # never read through a link (listedfiles says why)
            parts.problems += _link_problems(rule, path, listed, folder)
            continue
        if names is None:  # (the descriptor's check refuses it first, when it runs)
            data, problem = (
                b"",
                Problem(path, f"{outside(path)}: never opened", ProblemCode.PACKAGE),
            )
        elif rule.refused:  # missing, or no regular file: said as fmt says it (listedfiles)
            data, problem = b"", None
        else:
            data, problem = _read_bytes(folder.joinpath(*names), path, max_bytes)
        for index, entry in listed:
            if problem is None and not rule.refused:
                parts.problems += _resource_problems(
                    index, entry, data, hashes=hashes, folder=folder
                )
                continue
            parts.problems.append(
                Problem(
                    f"{DESCRIPTOR}.resources[{index}].path",
                    rule.said(path)
                    if problem is None
                    else f"names {path!r}, which {problem.message.removeprefix('is ')}"
                    if problem.code == ProblemCode.MISSING
                    else f"names {path!r}: {problem.message}",
                    ProblemCode.PACKAGE,
                    file=None if names is None else path,
                )
            )
    # (a load's own: fmt reads without holding the files to the descriptor's resources)
    unseen = set(parts.problems[listed_from:])
    dataset, problems, unchecked = _finish(parts)
    base = None if options.base is None else BASE_SHOWN.get() or "..."
    problems = _fmt_waits(problems, unseen, folder, base=base)
    return dataset, filed(problems, [DESCRIPTOR, REDIRECTS, *kind_files]), unchecked


def _sound_part(
    parts: _Parts, raw: object, *, declared_format: bool
) -> list[tuple[int, dict[str, Any]]]:
    """What of a ``datapackage.json`` with problems is still used: the format it
    declares, if that is sound, into ``parts``; and the resources whose files can still be
    checked against it (each ``(index, entry)``), so that one run reports the problems of the
    descriptor and of the files it lists together."""
    if type(raw) is not dict:  # (not read, or not an object: nothing of it is usable)
        return []
    from rightsdata._validation.descriptor import checkable_resources
    from rightsdata._validation.descriptor import declared_format as declared_by

    parts.declared = declared_by(raw) if declared_format else None
    return checkable_resources(raw)


def _names_in(folder: Traversable | Path) -> list[str]:
    """The names of the entries at the top of ``folder`` ([] if it cannot be listed: a
    folder one may enter but not list still has its kind files read)."""
    try:
        if isinstance(folder, os.PathLike):
            return os.listdir(folder)
        return [entry.name for entry in folder.iterdir()]
    except OSError:
        return []


def _strays(names: list[str], known: set[str]) -> list[str]:
    """The JSON and JSON Lines files among ``names`` that are not ``known``: files a load of
    the folder would not read (hidden ones, ``.name``, are not looked at).

    >>> _strays(["events.json", "law.json", ".x.json", "notes.txt", "a.JSONL"], {"events.json"})
    ['a.JSONL', 'law.json']
    """
    return sorted(
        name
        for name in names
        if name.lower().endswith(_RECORD_SUFFIXES) and name not in known and not is_hidden(name)
    )


#: The files of a dataset folder that its load reads: the descriptor, one a kind, redirects.
_OWN_FILES: Final = frozenset({DESCRIPTOR, REDIRECTS, *map(kind_file, KINDS)})


def own_files() -> frozenset[str]:
    """The names of the files a folder's load reads (:data:`DESCRIPTOR`, a kind's file each,
    :data:`REDIRECTS`)."""
    return _OWN_FILES


def _listed_names(descriptor: dict[str, Any]) -> set[str]:
    """The names of the files at the top of a folder that ``descriptor``'s resources list
    (``notes.json`` and ``./notes.json`` alike)."""
    names = set()
    resources = descriptor.get("resources")
    for entry in resources if isinstance(resources, list) else ():
        path = entry.get("path") if isinstance(entry, dict) else None
        if isinstance(path, str) and "/" not in (name := posixpath.normpath(path)):
            names.add(name)
    return names


def _same_as_one_of(folder: Traversable | Path, name: str, present: set[str]) -> bool:
    """Whether ``name`` is the very file of one of ``present`` under another spelling (a
    case-insensitive file system finds ``Persons.json`` as ``persons.json``)."""
    spelled = next((p for p in present if p.lower() == name.lower() and p != name), None)
    if spelled is None or not isinstance(folder, os.PathLike):
        return False
    try:
        return os.path.samefile(os.path.join(folder, name), os.path.join(folder, spelled))
    except OSError:
        return False


def _holds_tables(names: list[str]) -> bool:
    """Whether ``names`` hold tables, as an export writes them (CSV or Parquet files)."""
    from rightsdata._data.folderfiles import tables_in

    return bool(tables_in(names))


def _on_disk(folder: Traversable | Path) -> Path | None:
    """``folder`` as a path on disk, where a symbolic link may be; None for package data that
    is not on disk (a zip import), which holds none."""
    from pathlib import Path

    return Path(os.fspath(folder)) if isinstance(folder, os.PathLike) else None


def _link_problems(
    rule: Listed,
    path: str,
    listed: list[tuple[int, dict[str, Any]]],
    folder: Traversable | Path,
) -> list[Problem]:
    """The problems of the entries ``listed`` for ``path``, reached through a symbolic link
    (``rule.link``), which is never read: each if the link leads to no regular file (as a
    missing file), and each entry that gives a size or hash, which cannot be checked (fmt,
    the command of the dataset's ``folder``, removes them)."""
    problems = []
    for index, entry in listed:
        at = f"{DESCRIPTOR}.resources[{index}].path"
        found = Problem(at, rule.said(path), ProblemCode.PACKAGE, file=path)
        if rule.refused:
            problems.append(found)
        elif {"bytes", "hash"} & entry.keys():
            before = (
                f"{rule.said(path)}: a load does not check its size and hash (it never reads "
                "another file through a link, which may lead outside the folder); run "
            )
            after = ", which removes them, or list the file itself"
            problems.append(_FmtAdvice(found, before, after, folder=folder))
    return problems


#: What advice to run fmt adds where the folder has problems fmt cannot fix (:func:`_fmt_waits`).
_FMT_WAITS: Final = (
    " (first fix the other problems: fmt refuses a folder that has any, and rewrites nothing)"
)


#: How the command line running a load gave its base, as a word of a command (``kazakhstan``),
#: for the advice a load words (``rightsdata fmt my-data --base kazakhstan``); None where the
#: base is not known as one (a Python load: ``--base ...``). Set by the command line alone.
BASE_SHOWN: Final[ContextVar[str | None]] = ContextVar("rightsdata_base_shown", default=None)
#: How the command line running a load says a file over ``max_bytes`` can be read, in its
#: options' words (``give a larger --max-bytes``: ``validate``'s); None in Python, where a
#: load says ``max_bytes=``. Set by the command line alone.
LIMIT_SHOWN: Final[ContextVar[str | None]] = ContextVar("rightsdata_limit_shown", default=None)


class _FmtAdvice(Problem):
    """A problem whose advice is to run ``rightsdata fmt`` on a dataset folder: its message
    is ``before``, the command in backticks, then ``after``. The command is worded by
    :func:`_fmt_waits` once the folder's other problems are known (``--upgrade`` if any
    advice needs it, ``--base`` over a base, what comes first), from these parts, never
    found again in the message's text. ``folder`` None: the folder the load reads (a file's
    byte-order mark, found before the folder is known); its message is then ``alone``.
    ``upgrade``: the advice is ``fmt --upgrade`` (plain fmt refuses the folder). A load
    returns plain :class:`Problem` objects (:func:`_fmt_waits` words them)."""

    __slots__ = ("after", "alone", "before", "folder", "upgrade")

    before: str
    after: str
    alone: str
    folder: object
    upgrade: bool

    def __init__(
        self,
        problem: Problem,
        before: str,
        after: str,
        *,
        folder: object = None,
        upgrade: bool = False,
        alone: str = "",
    ) -> None:
        message = alone if folder is None else _fmt_worded(before, after, folder, upgrade)
        super().__init__(problem.location, message, problem.code, **problem_parts(problem))
        setter = object.__setattr__
        for name, value in (
            ("before", before),
            ("after", after),
            ("alone", alone),
            ("folder", folder),
            ("upgrade", upgrade),
        ):
            setter(self, name, value)


def _fmt_worded(
    before: str, after: str, folder: object, upgrade: bool, base: str | None = None
) -> str:
    """An advice's message, its command ``rightsdata fmt [--upgrade] FOLDER [--base BASE]``."""
    return f"{before}`{fmt_command(folder, upgrade=upgrade, base=base)}`{after}"


def fmt_command(folder: object, *, upgrade: bool = False, base: str | None = None) -> str:
    """The command that rewrites a dataset folder: ``rightsdata fmt FOLDER``, ``--upgrade``
    where plain fmt refuses it, ``--base BASE`` (a word of a command, quoted already) where
    it is read over a base.

    >>> fmt_command("my data", upgrade=True, base="kazakhstan")
    "rightsdata fmt --upgrade 'my data' --base kazakhstan"
    """
    from rightsdata._values.shell import shell_path  # (a message's: not on a load's path)

    upgraded = "--upgrade " if upgrade else ""
    over = "" if base is None else f" --base {base}"
    return f"rightsdata fmt {upgraded}{shell_path(_shown(folder))}{over}"


def _fmt_waits(
    problems: list[Problem], unseen: set[Problem], folder: object, *, base: str | None = None
) -> list[Problem]:
    """``problems``, each whose advice is to run ``rightsdata fmt`` (an :class:`_FmtAdvice`)
    worded as one command for the ``folder`` read: ``fmt --upgrade`` if any advice needs it
    (it fixes what plain fmt would, too), and told that the others come first if any of them
    makes fmt refuse it: fmt reads the folder as a load does and rewrites nothing while it
    has a problem. Those it does not refuse are what it fixes (its advice's), a strict
    check's (fmt runs none), and those of the ``unseen`` files (the descriptor's other
    entries: fmt does not hold the files to them). ``base``: the base the folder was read
    over, as its fmt command takes it too (without it, fmt finds the references to the
    base's records dangling): the option's value as a command shows it (``...`` where it is
    not known).

    >>> found = Problem("datapackage.json.resources[0].bytes", "")
    >>> stale = _FmtAdvice(found, "is stale; run ", "", folder="d")
    >>> [p.message for p in _fmt_waits([stale], set(), "d")]
    ['is stale; run `rightsdata fmt d`']
    >>> bad = Problem("events.json[0] event:a.kind", "'x' is not an event kind")
    >>> print(_fmt_waits([stale, bad], set(), "d")[0].message)  # doctest: +ELLIPSIS
    is stale; run `rightsdata fmt d` (first fix the other problems: fmt refuses ... nothing)
    >>> print(_fmt_waits([stale], set(), "d", base="...")[0].message)
    is stale; run `rightsdata fmt d --base ...`
    """
    advice = [p for p in problems if isinstance(p, _FmtAdvice)]
    if not advice:
        return problems
    upgrade = any(p.upgrade for p in advice)
    refused = any(
        not isinstance(p, _FmtAdvice) and p.code != ProblemCode.STRICT and p not in unseen
        for p in problems
    )
    worded = []
    for problem in problems:
        if isinstance(problem, _FmtAdvice):
            there = folder if problem.folder is None else problem.folder
            message = _fmt_worded(problem.before, problem.after, there, upgrade, base)
            message += _FMT_WAITS if refused else ""
            problem = Problem(problem.location, message, problem.code, **problem_parts(problem))
        worded.append(problem)
    return worded


def _resource_problems(
    index: int,
    entry: dict[str, Any],
    data: bytes,
    *,
    hashes: bool,
    folder: object,
) -> list[Problem]:
    """Where the bytes of a file differ from its entry in the descriptor's resources; the
    command that rewrites them names the dataset's ``folder`` (``rightsdata fmt`` alone
    rewrites the bundled datasets; :func:`_fmt_waits` says what must come first). (The
    command is worded only for a problem: every file of every load is checked here.)"""
    at = f"{DESCRIPTOR}.resources[{index}]"
    path = entry["path"]
    if "bytes" in entry and int(entry["bytes"]) != len(data):
        # One problem for the one edit: a file of another size has another hash too, which
        # is not computed (the size alone says the entry is stale).
        recorded = "size and hash" if "hash" in entry else "size"
        return _entry_advice(
            f"{at}.bytes",
            path,
            f"says {counted(int(entry['bytes']), 'byte')}, but {path} has {len(data):,}: "
            f"the file changed since {DESCRIPTOR} recorded its {recorded}; run ",
            " if it was changed on purpose",
            folder,
        )
    if hashes and "hash" in entry:
        import hashlib  # here: only a data package's resources need it

        algorithm, _, digest = str(entry["hash"]).rpartition(":")
        actual = hashlib.new(algorithm or "md5", data).hexdigest()
        if actual != digest:
            return _entry_advice(
                f"{at}.hash",
                path,
                f"does not match {path}: the file changed since {DESCRIPTOR} recorded "
                "its hash (its size is the same); run ",
                " if it was changed on purpose",
                folder,
            )
    return []


def _entry_advice(
    location: str, path: str, before: str, after: str, folder: object
) -> list[Problem]:
    """The problem at ``location`` (in the descriptor's entry of the file ``path``) whose
    advice is to run ``rightsdata fmt`` on ``folder``, said between ``before`` and ``after``."""
    problem = Problem(location, "", ProblemCode.PACKAGE, file=path)
    return [_FmtAdvice(problem, before, after, folder=folder)]


def _named_schema_problems(
    index: int, entry: dict[str, Any], path: str, declared: int | None, folder: object
) -> list[Problem]:
    """Where the entry of the file ``path`` names a schema that is wrong for it
    (:func:`~rightsdata._data.schemanames.wrong_schema`): an ID in rightsdata's namespace
    that is none it ships (misspelt, or of a format or a name it has not), or, for a file of
    the dataset's (a kind's file, ``redirects.json``), another kind's. A reader that
    validates the file by the schema its entry names (jsonschema, ajv: docs/exports.md)
    would otherwise find no schema, or hold it to another kind's rules. The advice for a file
    of the dataset's is ``rightsdata fmt``, which writes its entry (a kind's) or leaves it
    out (``redirects.json``'s); a file of the author's keeps its entry through ``fmt``, so
    its advice is to name a schema rightsdata ships, or none."""
    said = entry.get("schema")
    if type(said) is not str:
        return []
    name = posixpath.normpath(path)
    own = name.removesuffix(".json") if name in _OWN_FILES and name != DESCRIPTOR else None
    written = declared if declared in READABLE else FORMAT
    if own is not None and said == schema_id(own, max(written, kind_format(own))):
        return []  # (the schema fmt writes: no module to import for the entries of most loads)
    from rightsdata._data.schemanames import shipped_ids, wrong_schema

    what = wrong_schema(said, own)
    if what is None:
        return []
    location = f"{DESCRIPTOR}.resources[{index}].schema"
    if own is None:
        from rightsdata._values.spelling import close, did_you_mean

        # (the IDs share a long prefix: only an ID this close is the one meant)
        hint = did_you_mean(close(said.strip(), shipped_ids(), n=1, cutoff=0.95))
        return [
            Problem(
                location,
                f"names {said!r}, {what}{f' ({hint})' if hint else ''}; name one it ships by "
                f"its $id (as {schema_id('events')!r}), or leave `schema` out",
                ProblemCode.PACKAGE,
                file=path,
            )
        ]
    right = schema_id(own, max(written, kind_format(own)) if own in KINDS else written)
    holds = f"the file of {own}" if own in KINDS else "the dataset's redirects"
    return _entry_advice(
        location,
        path,
        f"names {said!r}, {what}, but {path} is {holds}, whose schema is {right!r}; run ",
        ", which writes it (or leave `schema` out)"
        if own in KINDS
        else ", which leaves that entry out (or name its schema, or leave `schema` out)",
        folder,
    )


def _sharing() -> Sharing:
    """A new :class:`~rightsdata._validation.sharing.Sharing`, imported only by loads that
    ask to share (``share=True``)."""
    from rightsdata._validation.sharing import Sharing

    return Sharing()


def _decode_kind(parts: _Parts, kind: str, data: bytes, name: str) -> None:
    """One kind's file: the fast decoder first; on any doubt, the diagnostic path decides."""
    places = Places(kind, name)
    parts.where[kind] = places
    schema = parts.options.schema
    # (the schema check needs the parsed documents, and so does a newer field's null)
    if not schema and not may_write_null_field(parts.declared, data):
        from rightsdata._validation.fastpath import REFUSED, decode_kind

        if parts.options.share and parts.sharing is None:
            parts.sharing = _sharing()
        try:
            decoded = decode_kind(kind, data, parts.sharing)
        except REFUSED:
            pass  # the diagnostic path below decides, and says what is wrong and where
        else:
            _keep(parts, kind, decoded)
            return
    text, marked = _decode(data, name, fmt=True)
    parts.problems += marked  # (byte-order marks hide none of the file's other problems)
    if text is None:
        parts.unsure.add(kind)
        return
    documents, found = _parse(text, name)
    if not found and type(documents) is dict and parts.folder is not None:
        from rightsdata._data.folderfiles import document_problem

        # a `document` export saved as the kind's file: said as a stray one is
        found = [p for p in [document_problem(parts.folder, name, data)] if p is not None]
    if found:
        parts.problems += found
        parts.unsure.add(kind)
        return
    _judged(parts, kind, documents, places)


def _judged(parts: _Parts, kind: str, documents: Any, places: Places) -> None:
    """Hold a kind's documents to the schemas (``schema=True``) and structure them into
    ``parts``, as many as ``max_problems`` leaves room for (marking the read ``stopped``
    where it is reached)."""
    if parts.declared is not None and type(documents) is list:
        room = _room(parts)
        found = _null_field_problems(parts, documents, places)
        if room is not None and len(found) >= room:  # (max_problems: reached here)
            parts.problems += found[:room]
            parts.options.stopped = True
            return
        parts.problems += found
    room = _room(parts)
    if parts.options.schema and room is not None and type(documents) is list:
        stopped = _structure_each(parts, kind, documents, places, room)
    else:
        if parts.options.schema:
            parts.problems += _schema_problems(kind, documents, places, parts.declared)
        stopped = _structure(parts, kind, documents, places, _room(parts))
    if stopped:
        parts.options.stopped = True


def _null_field_problems(parts: _Parts, documents: Sequence[Any], places: Places) -> list[Problem]:
    """:func:`~rightsdata._values.format.null_field_problems` of a kind's ``documents``, under
    the format ``parts`` declares (not None): in a folder whose ``datapackage.json`` declares
    it, told to run ``fmt --upgrade``, which reads the folder whatever it declares and
    writes the records without those null keys (a figure's ``of``)."""
    assert parts.declared is not None
    cls = RECORD_TYPES[places.kind]
    if parts.folder is None or parts.declared_in != DESCRIPTOR:
        return null_field_problems(cls, documents, places, parts.declared)
    fix = f"run {_COMMAND}, which leaves it out"
    found = null_field_problems(cls, documents, places, parts.declared, fix)
    advice: list[Problem] = []
    for problem in found:
        before, _, after = problem.message.partition(_COMMAND)
        advice.append(_FmtAdvice(problem, before, after, folder=parts.folder, upgrade=True))
    return advice


def _keep(parts: _Parts, kind: str, decoded: Decoded) -> None:
    """Keep what the fast path decoded of one kind."""
    parts.records[kind] = decoded.records
    parts.ids[kind] = decoded.ids
    if decoded.gathered is not None:
        parts.gathered[kind] = decoded.gathered


def _structure(
    parts: _Parts, kind: str, documents: Any, places: Places, limit: int | None = None
) -> bool:
    """Structure a kind's documents into ``parts``: all of them, or, if some fail, those that
    do (found one by one), so that integrity can still be checked among them. ``limit``: the
    most problems to add (``max_problems``); True if they reached it (the records after the
    one that did are not judged, and nothing is kept for the checks across records, which
    do not run)."""
    from rightsdata._validation.convert import structure_located, structure_many  # (cattrs)

    records, found = structure_many(kind, documents, places, limit=limit)
    parts.where[kind] = places
    parts.records[kind] = records
    if not found:
        return False
    parts.problems += found
    if limit is not None and len(found) >= limit:
        return True
    if type(documents) is not list:
        parts.unsure.add(kind)
        return False
    # The rare case: find which records structured (again, one by one) and where they are.
    kept: list[Record] = []
    kept_at: list[int] = []
    nameless: list[str] = []
    for n, document in enumerate(documents):
        built, errors = structure_located(kind, [document], places.subset([n]))
        if not errors:
            kept += built
            kept_at.append(n)
            continue
        _failed(parts, kind, document, places, n, nameless)
    _kept(parts, kind, len(documents), places, kept, kept_at, nameless)
    return False


def _failed(
    parts: _Parts, kind: str, document: object, places: Places, n: int, nameless: list[str]
) -> None:
    """Keep what the checks across records need of the ``n``-th of a kind's documents, which
    failed: the record as read, and its ID (or, having none, its position in ``nameless``)."""
    from rightsdata._validation.convert import judged_kind

    parts.failed.append(failed_record(judged_kind(kind, document), document, places, n))
    record_id = document.get("id") if type(document) is dict else None
    if type(record_id) is str:
        parts.failed_ids.add(record_id)
    else:
        nameless.append(places.position(n))


def _kept(
    parts: _Parts,
    kind: str,
    count: int,
    places: Places,
    kept: list[Record],
    kept_at: list[int],
    nameless: list[str],
) -> None:
    """Keep the records of a kind's ``count`` documents that structured (``kept``, at the
    positions ``kept_at``), and which failed records had no ID (``nameless``)."""
    if nameless and len(nameless) == count:  # no record of the kind has an ID to go by
        parts.unsure.add(kind)
    elif nameless:  # the others' are known: a reference to none of them is judged
        parts.nameless[kind] = nameless
    parts.records[kind] = kept
    parts.where[kind] = places.subset(kept_at)


def _structure_each(
    parts: _Parts, kind: str, documents: list[Any], places: Places, limit: int
) -> bool:
    """:func:`_structure` with the schemas (``schema=True``) under ``max_problems``: record
    by record, each held to the schemas and to the model, its problems told once (a schema
    problem that restates the model's is dropped, as the whole load drops it), until they
    reach ``limit`` (True: the records after are not judged). So the problems kept are
    those a full run reports first, record by record."""
    parts.where[kind] = places
    kept: list[Record] = []
    kept_at: list[int] = []
    nameless: list[str] = []
    count = 0
    for n, document in enumerate(documents):
        built, errors = _judge_record(parts, kind, document, places.subset([n]), limit - count)
        if not errors:
            kept += built
            kept_at.append(n)
            continue
        parts.problems += errors
        count += len(errors)
        if count >= limit:
            return True
        if not built:  # (only the schemas may refuse a record the model builds)
            _failed(parts, kind, document, places, n, nameless)
        else:
            kept += built
            kept_at.append(n)
    _kept(parts, kind, len(documents), places, kept, kept_at, nameless)
    return False


def _judge_record(
    parts: _Parts, kind: str, document: object, at: Places, room: int
) -> tuple[list[Record], list[Problem]]:
    """One record (``document``, the one at hand of ``at``) judged under ``max_problems``:
    the record, if it structured, and its problems, no further than ``room`` (their first,
    in order; a record held to the schemas, ``schema=True``, is judged whole), each told
    once (a schema problem that restates the model's is dropped, as the whole load drops
    it). With the schemas, a record the model builds may have problems all the same."""
    from rightsdata._validation.convert import structure_located

    if not parts.options.schema:
        return structure_located(kind, [document], at, limit=room)
    from rightsdata._validation.restated import told_once

    said = _schema_problems(kind, [document], at, parts.declared)
    built, errors = structure_located(kind, [document], at)
    return built, told_once(said + errors) if said else errors


def _read_document(path: Path, options: ReadOptions) -> _Parts:
    parts = _Parts(options, f"{path.name}:redirects")
    data, problem = _file_bytes(path, options.max_bytes)
    if problem is not None:
        parts.problems.append(problem)
        parts.unsure.add(_ALL_KINDS)  # (nothing of the document read: no record judged)
        return parts
    if not options.schema and _fast_document(parts, path.name, data):
        return parts
    text, marked = _decode(data, path.name)
    del data
    parts.problems += marked  # (byte-order marks hide none of the file's other problems)
    if text is None:
        parts.unsure.add(_ALL_KINDS)
        return parts
    raw, found = _parse(text, path.name)
    parts.problems += found
    if found:
        parts.unsure.add(_ALL_KINDS)
        return parts
    from rightsdata._data.folderfiles import folder_file_problem, lone_list_problem

    beside = folder_file_problem(path, raw, _shown(path))  # (datapackage.json given alone)
    if beside is not None:
        parts.problems.append(beside)
        parts.unsure.add(_ALL_KINDS)
        return parts
    if type(raw) is list:  # one kind's records (persons.json), not a dataset: say what to do
        parts.problems.append(lone_list_problem(path, raw, _shown(path)))
        parts.unsure.add(_ALL_KINDS)
        return parts
    if type(raw) is not dict:
        parts.problems.append(
            Problem(
                path.name,
                f"expected an object with a list per record kind, got {describe_json(raw)}",
                ProblemCode.TYPE,
            )
        )
        parts.unsure.add(_ALL_KINDS)
        return parts
    lone = _lone_record(raw, path.name)
    if lone is not None:
        parts.problems.append(lone)
        parts.unsure.add(_ALL_KINDS)
        return parts
    _structure_kinds(parts, raw, path.name, redirects=True, descriptor=True)
    return parts


def _lone_record(raw: Mapping[Any, Any], label: str) -> Problem | None:
    """The problem of a JSON document that is one record (``{"id": "event:x", "kind": ...}``),
    or None: it has an ``id`` whose prefix names a kind, and none of the kinds' lists (no
    document has an ``id``; a document with a stray one is told it is no kind). Told key by
    key, each of its fields was "not a record kind"."""
    record_id = raw.get("id")
    if type(record_id) is not str or any(type(raw.get(kind)) is list for kind in KINDS):
        return None
    kind = KIND_OF_PREFIX.get(prefix_of(record_id))
    if kind is None:
        return None
    return Problem(
        label,
        f"is one record ({a_noun(kind)}, as its id says), not a dataset: a JSON document is an "
        f'object with a list per record kind: write it as {{"{kind}": [...]}}',
        ProblemCode.TYPE,
    )


def _structure_kinds(
    parts: _Parts,
    raw: Mapping[Any, Any],
    label: str,
    *,
    redirects: bool,
    descriptor: bool = False,
    present: Collection[object] | None = None,
) -> None:
    """Structure ``raw``'s lists of records by kind into ``parts`` (and its ``"redirects"``
    list, if ``redirects``; its ``"datapackage"`` descriptor, if ``descriptor``), located
    under ``label``: an unknown key is a problem. ``present``: the keys of the whole of
    which ``raw`` is a part (a key spelled like a kind is told so, and may hold that kind's
    records only where the kind's own key is not there); ``raw``'s own by default."""
    known = (*KINDS, *(["redirects"] if redirects else []), *([EMBEDDED] if descriptor else []))
    with gc_paused():
        if descriptor and EMBEDDED in raw:  # first: the format it declares picks the schemas
            _embedded_descriptor(parts, raw[EMBEDDED], f"{label}:{EMBEDDED}", label)
        for key, documents in _in_checking_order(parts, raw):
            if descriptor and key == EMBEDDED:
                continue
            if _full(parts):  # (max_problems: what follows is not judged)
                break
            if not isinstance(key, str):  # (only Python gives one: told at the document)
                parts.problems.append(Problem(label, not_text_key(key), ProblemCode.TYPE))
                continue
            # (an empty key is told at the document, not at "label:", as a record's field)
            empty = key == ""
            where = label if empty else f"{label}:{key}"
            if redirects and key == "redirects":
                parts.redirects, found = check_redirects(documents, where, limit=_room(parts))
                parts.problems += found
                parts.redirect_indexes = _first_indexes(documents, parts.redirects)
                continue
            if key not in KINDS:
                from rightsdata._values.spelling import close, did_you_mean

                like = close(key, KINDS, n=1)
                expected = f"{did_you_mean(like)} Expected" if like else "expected"
                named = "key '' is " if empty else ""
                parts.problems.append(
                    Problem(
                        where,
                        f"{named}not a record kind; {expected} {', '.join(known)}",
                        ProblemCode.UNKNOWN_FIELD,
                    )
                )
                _may_hold(
                    parts, like[0] if like else None, raw.keys() if present is None else present
                )
                continue
            _judged(parts, key, documents, Places(key, label, keyed=True))


def _in_checking_order(parts: _Parts, raw: Mapping[Any, Any]) -> list[tuple[Any, Any]]:
    """``raw``'s items in the order a load checks them: as written; under ``max_problems``,
    the keys that are no kind's (redirects, a stray key) first, as the problems of a
    document are reported (those of no record first, then the kinds' lists), so that a
    load that stops at the cap has found the problems reported first."""
    items = list(raw.items())
    if parts.options.max_problems is None:
        return items
    return [item for item in items if item[0] not in KINDS] + [
        item for item in items if item[0] in KINDS
    ]


def _may_hold(parts: _Parts, kind: str | None, present: Collection[object]) -> None:
    """A file or list under a name spelled like ``kind``'s (``person.json``, ``"persns"``)
    may hold that kind's records, if the kind's own file or list (``present``: the kinds
    that have one) is not there: then the references to that kind are not judged (the
    error says they were not checked). Beside the kind's own, it is a stray only, and the
    references are judged against the kind's own records."""
    if kind is not None and kind not in present:
        parts.unsure.add(kind)


def load_documents(
    documents: Mapping[str, Any],
    *,
    name: str | None = None,
    version: str | None = None,
    descriptor: Mapping[str, Any] | None = None,
    redirects: Mapping[str, str] | None = None,
    base: Dataset | None = None,
    strict: bool = False,
    share: bool = False,
    freeze: bool = False,
    schema: bool = False,
    max_problems: int | None = None,
) -> Dataset:
    """The dataset of ``documents``: each kind's JSON-ready records, as
    :meth:`Dataset.to_dict` gives them and as a kind's file holds them (already parsed),
    checked as a load checks a file: strictly structured, integrity across them, and one
    :class:`~rightsdata.InvalidDataError` listing every problem, each located under
    ``documents`` (``documents:persons[0] person:x.name``). ``name``, ``version``,
    ``descriptor`` and ``redirects`` are :class:`~rightsdata.Dataset`'s (a name or version
    not given is the descriptor's; one given wins over it and is written into it). ``base`` is a
    dataset the documents build on, as for :func:`load_path`: the result holds the records
    of both, under ``name``, ``version`` and ``descriptor``. ``strict=True`` reports
    questionable data too, as :func:`load_path` does.

    Documents built only of what ``json.loads`` makes (``dict``, ``list``, ``str``, ``int``,
    finite ``float``, ``bool``, ``None``, exactly: what ``Dataset.to_dict()`` and
    :func:`~rightsdata.tables.documents_from_rows` give) are read by the fast path of
    :func:`load_path`, as the JSON document they would be written as: a third to a half of
    the time, for more memory while it reads (the JSON text) and a dataset whose texts are its
    own, not the documents' (docs/loading.md). Anything else (a tuple, a ``str`` subclass, an
    enum member, a list held in two places) is judged as given, value by value.

    ``share=True`` and ``freeze=True`` are :func:`load_path`'s, for large datasets read
    back: equal values among the records made one object (by the fast path), and the
    dataset, with every other object alive in the process, moved out of the garbage
    collector's walks at the end of a successful load (docs/loading.md, Large datasets).

    ``schema=True`` and ``max_problems`` are :func:`load_path`'s too: each record also held to
    the JSON Schemas (needs ``rightsdata[schema]``; the documents are then judged value by
    value), and, for documents from people you do not trust (a service checking what it is
    sent), the most problems a failed load collects before it stops judging: the error then
    holds the first that many, as the full run reports them, and its ``stopped_at`` is the
    cap (docs/loading.md, "Stopping at a number of problems").

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> again = rightsdata.load_documents(
    ...     ds.to_dict(), name=ds.name, version=ds.version, descriptor=ds.descriptor,
    ...     redirects=ds.redirects)
    >>> again == ds
    True
    >>> rightsdata.load_documents({"persons": [{"id": "person:x", "name": 5}]})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rightsdata.InvalidDataError: 2 problems in documents:
      documents:persons[0] person:x.name: expected text, got an integer (5)
    ...
    """
    label = "documents"
    if not isinstance(documents, Mapping):
        from rightsdata._values.shell import python_call  # (a message's)

        raise TypeError(
            "load_documents takes a mapping of record kinds to lists of documents (as "
            f"{python_call('ds.to_dict()')} returns), not {describe_json(documents)}"
        )
    checked_descriptor(descriptor)
    if redirects is not None:
        checked_redirects_mapping(redirects)
    flag(freeze, "freeze")
    over = None if base is None else base_of(base)
    options = ReadOptions(
        strict=strict, base=over, share=share, schema=schema, max_problems=max_problems
    )
    _check_options(options)
    parts = _Parts(options, f"{label}:redirects")
    parts.named = (name, version)
    # (not copied deeply here: the Dataset copies its descriptor)
    parts.descriptor = dict(descriptor) if descriptor is not None else None
    named = {
        key: value for key, value in (("name", name), ("version", version)) if value is not None
    }
    if descriptor is not None or named:  # held to what datapackage.json is, so that it loads again
        from rightsdata._validation.descriptor import descriptor_problems

        held = {**(descriptor if isinstance(descriptor, Mapping) else {}), **named}
        found = descriptor_problems(held, f"{label}:datapackage", limit=max_problems)
        parts.problems += found
        if not found:
            parts.descriptor_at = f"{label}:datapackage", label, None
    # (a descriptor given in Python without the key declares no format, as Dataset's)
    parts.declared = format_of(descriptor) if descriptor and FORMAT_KEY in descriptor else None
    parts.declared_in = _GIVEN
    # One pause for the whole load, as load_path's: what it builds is handed to the old
    # generation (or frozen) once, at the end.
    with gc_paused():
        # Judged in the order their problems are reported, so that a load that stops at
        # max_problems keeps those a full run reports first, as the JSON document the
        # documents would be written as does: those of no record (the descriptor's, a key
        # that is no kind's, the redirects'), then the kinds' records.
        items = list(documents.items())  # (once: a mapping's views could disagree, or cost)
        kinds: dict[str, Any] = {
            key: value for key, value in items if isinstance(key, str) and key in KINDS
        }
        if len(kinds) < len(items) and not _full(parts):
            strays = [(key, value) for key, value in items if key not in kinds]
            present = [key for key, _ in items]
            _structure_kinds(parts, dict(strays), label, redirects=False, present=present)
        retired: dict[str, str] = {}
        if redirects and not _full(parts):
            listed = [{"id": old, "to": new} for old, new in redirects.items()]
            retired, found = check_redirects(listed, parts.redirects_where, limit=_room(parts))
            parts.problems += found
            parts.redirect_indexes = _first_indexes(listed, retired)
        if not _full(parts) and (
            schema or len(kinds) < len(items) or not _fast_documents(parts, kinds, label)
        ):
            _structure_kinds(parts, kinds, label, redirects=False)
        parts.redirects = retired
        dataset, problems, unchecked = _finish(parts)
        if freeze and dataset is not None and not problems:
            freeze_when_done()
    if problems or dataset is None:
        # (a problem of no record, the descriptor's or a redirect's, is of the documents too)
        in_order = _in_reading_order(filed(problems, [label]))
        kept = capped(in_order, options)  # (marks it stopped if it cuts)
        stopped = max_problems if options.stopped else None
        raise InvalidDataError(kept, label, unchecked, stopped_at=stopped)
    if freeze:
        leave_at_exit(dataset)  # (rightsdata._values.exitleave)
    if sum(dataset.counts().values()) >= TRIMMED_FROM:
        trim_heap()  # the JSON text and what the load freed go back to the system
    return dataset


def _fast_documents(parts: _Parts, documents: Mapping[str, Any], label: str) -> bool:
    """Read the documents given to :func:`load_documents` with the fast path into
    ``parts``, as the JSON document they would be written as; False (``parts`` untouched) if
    they are not plain JSON (a tuple, a ``str`` subclass, ``nan``: the trip through JSON
    text would change them), hold a key that is no kind's, or the fast path cannot vouch for
    them: the diagnostic path then judges them as given, and says what is wrong and where.

    Plain JSON reads back from its text as equal values of the same types, and the fast
    path accepts exactly what the diagnostic path accepts of parsed JSON (the differential
    tests), so the dataset is the one the diagnostic path would build, and the kinds are
    kept in the documents' order, so that the problems found across records come in the
    same order. It takes a third to a half of the diagnostic path's time (0.46 s against 1.39
    s for 10,000 events of the benchmark's realistic shape, in one process: the test for
    plain JSON 0.17 s, encoding 0.03 s, the fast path 0.26 s; bench/bench_readback.py's
    ``load_documents``), for a copy of the documents as JSON text held while it reads them
    (30 MB for those 10,000 events)."""
    from rightsdata._values.plainjson import plain_json

    items = list(documents.items())  # (once: a mapping's views could disagree, or cost)
    if not all(type(key) is str and key in KINDS for key, _ in items):
        return False  # (the diagnostic path names what is no kind, or not text)
    if not plain_json([records for _, records in items]):
        return False
    import msgspec

    try:
        data = msgspec.json.encode(dict(items))
    except (msgspec.EncodeError, TypeError, ValueError, OverflowError, RecursionError):
        return False  # (a lone surrogate in a text: the diagnostic path says where)
    return _fast_document(parts, label, data, [key for key, _ in items])


def _fast_document(
    parts: _Parts, name: str, data: bytes, order: Sequence[str] | None = None
) -> bool:
    """Read a JSON document with the fast path into ``parts``; False (``parts`` untouched) if
    it cannot vouch for it, or if its redirects have a problem: the diagnostic path then
    reads it and says what is wrong and where. ``order``: its keys' order, where known."""
    from rightsdata._validation.fastpath import REFUSED, decode_document

    try:
        kinds, redirects_text, descriptor_text = decode_document(
            data, _sharing() if parts.options.share else None, order
        )
    except REFUSED:
        return False
    declared = parts.descriptor, parts.declared, parts.declared_in
    if descriptor_text is not None and not _fast_descriptor(
        parts, descriptor_text, f"{name}:{EMBEDDED}", name
    ):
        return False
    if may_write_null_field(parts.declared, data):  # (a newer field's null: the diagnostic path's)
        parts.descriptor, parts.declared, parts.declared_in = declared
        return False
    redirects: dict[str, str] = {}
    if redirects_text is not None:
        text = _utf8(redirects_text)  # (msgspec skipped it unread)
        if text is None:
            return False
        raw, found = _parse(text, name)
        if not found:
            redirects, found = check_redirects(raw, parts.redirects_where)
        if found:
            return False
    for kind, decoded in kinds.items():
        _keep(parts, kind, decoded)
        parts.where[kind] = Places(kind, name, keyed=True)
    parts.redirects = redirects
    return True


def _fast_json_lines(parts: _Parts, name: str, data: bytes) -> bool:
    """Read JSON Lines with the fast path into ``parts``, as :func:`_fast_document` does."""
    from rightsdata._validation.fastpath import REFUSED, decode_json_lines

    try:
        kinds, redirect_lines, descriptor_line = decode_json_lines(
            data, _sharing() if parts.options.share else None
        )
    except REFUSED:
        return False
    declared = parts.descriptor, parts.declared, parts.declared_in
    if descriptor_line is not None and not _fast_descriptor(
        parts, descriptor_line, f"{name}:1 {EMBEDDED}", name, line=1
    ):
        return False
    if may_write_null_field(parts.declared, data):  # (a newer field's null: the diagnostic path's)
        parts.descriptor, parts.declared, parts.declared_in = declared
        return False
    redirects: dict[str, str] = {}
    numbers = [number for number, _ in redirect_lines]
    if redirect_lines:
        values: list[object] = []
        for number, line in redirect_lines:
            text = _utf8(line)  # (msgspec did not read the redirects' lines)
            if text is None:
                return False
            value, found = _parse(text, f"{name}:{number}")
            if found or type(value) is not dict:
                return False
            value.pop(KIND_FIELD, None)
            values.append(value)
        redirects, found = check_redirects(values, name, numbers)
        if found:
            return False
    for kind, decoded in kinds.items():
        _keep(parts, kind, decoded)
        parts.where[kind] = Places(kind, name, lines=decoded.lines or ())
    parts.redirects = redirects
    _at_lines(parts, name, redirects, numbers)
    return True


def _fast_descriptor(
    parts: _Parts, text: bytes, where: str, file: str, *, line: int | None = None
) -> bool:
    """Check the descriptor a JSON document or JSON Lines file carries (its JSON ``text``,
    which msgspec skipped unread) into ``parts``; False (``parts`` untouched) if it has a
    problem, which the diagnostic path then reports."""
    decoded = _utf8(text)
    if decoded is None:
        return False
    raw, found = _parse(decoded, where)
    if found or type(raw) is not dict:
        return False
    if line is not None:
        raw.pop(KIND_FIELD, None)
    # (whether it has a problem, the first found: the diagnostic path tells them all)
    checked = _Parts(ReadOptions(max_problems=1))
    _embedded_descriptor(checked, raw, where, file, line=line)
    if checked.problems:
        return False
    parts.descriptor, parts.declared, parts.declared_in = (
        checked.descriptor,
        checked.declared,
        checked.declared_in,
    )
    parts.descriptor_at = checked.descriptor_at
    return True


def _embedded_descriptor(
    parts: _Parts, raw: object, where: str, file: str, *, line: int | None = None
) -> None:
    """Check the descriptor a JSON document (its ``"datapackage"``) or JSON Lines file (its
    first line, without its ``"$kind"``) carries, as ``datapackage.json`` is checked, located
    under ``where`` (``all.json:datapackage``, ``data.jsonl:1 datapackage``); keep it in
    ``parts`` if it has no problem (if it has some, the format it declares, if that is
    sound, still picks the schemas). It lists no resources: those describe a folder's
    files."""
    from rightsdata._validation.descriptor import declared_format, descriptor_problems

    found = descriptor_problems(raw, where, limit=parts.options.max_problems)
    if type(raw) is dict and "resources" in raw:
        found.append(
            Problem(
                f"{where}.resources",
                f"a descriptor inside {file} lists no resources (they describe a dataset "
                "folder's files, their sizes and hashes; the records here are the one "
                "resource): leave resources out",
                ProblemCode.PACKAGE,
            )
        )
    parts.problems += [Problem(p.location, p.message, p.code, file=file, line=line) for p in found]
    if not found and type(raw) is dict:
        parts.descriptor = raw
        parts.descriptor_at = where, file, line
        parts.declared = format_of(raw)
        parts.declared_in = where
    elif (declared := declared_format(raw)) is not None:
        parts.declared, parts.declared_in = declared, where


def _utf8(data: bytes) -> str | None:
    """``data`` decoded, or None if it is not UTF-8 (the diagnostic path then says where)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def json_lines(text: str) -> Iterator[str]:
    r"""The lines of JSON Lines text, one at a time (a read that stops early splits no more):
    split at "\n" only (a "\r" before it is dropped), never at the other line breaks
    str.splitlines() knows (U+2028, U+0085...), which JSON text may hold unescaped
    (rightsdata writes them escaped; a file from elsewhere, or from an earlier rightsdata,
    may hold them raw).

    >>> list(json_lines('{"a": "x\u2028y"}\r\n{}\n'))
    ['{"a": "x\u2028y"}', '{}']
    """
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop < 0:
            stop = end
        line = text[start:stop]
        yield line[:-1] if line.endswith("\r") else line
        start = stop + 1


#: JSON's white space, of which a blank JSON Lines line may hold some (its "\n" is split
#: off); a line of other white space (a form feed, a no-break space) is told, not skipped.
_JSON_SPACE: Final = " \t\r"


def _read_json_lines(path: Path, options: ReadOptions) -> _Parts:
    parts = _Parts(options, f"{path.name}:redirects")
    schema = options.schema
    data, problem = _file_bytes(path, options.max_bytes)
    if problem is None and not schema and _fast_json_lines(parts, path.name, data):
        return parts
    if problem is not None:
        parts.problems.append(problem)
        return parts
    # JSON Lines of no records is a file without lines, as it exports an empty dataset
    text, marked = _decode(data, path.name, empty=True)
    del data
    parts.problems += marked  # (byte-order marks hide none of the file's other problems)
    if text is None:
        return parts
    if options.max_problems is not None:
        _judge_lines(parts, path.name, text, options.max_problems)
        return parts
    documents: dict[str, list[object]] = {}
    lines: dict[str, list[int]] = {}
    redirect_lines: list[object] = []
    redirect_numbers: list[int] = []
    for number, kind, value in _line_values(parts, path.name, text, json_lines(text)):
        if kind is _ONE_DOCUMENT:
            _structure_kinds(parts, value, path.name, redirects=True, descriptor=True)
            return parts
        if kind == "redirects":
            redirect_lines.append(value)
            redirect_numbers.append(number)
        elif kind is not None:
            documents.setdefault(kind, []).append(value)
            lines.setdefault(kind, []).append(number)
    _no_records(parts, path.name, bool(documents), bool(redirect_lines))
    with gc_paused():
        for kind in KINDS:
            if kind in documents:
                places = Places(kind, path.name, lines=lines[kind])
                _judged(parts, kind, documents[kind], places)
    if redirect_lines:
        _redirect_lines(parts, path.name, redirect_lines, redirect_numbers)
    return parts


#: What :func:`_line_values` gives as the kind of a file's one line that is a whole document.
_ONE_DOCUMENT: Final = "(document)"


def _line_values(
    parts: _Parts, name: str, text: str, lines: Iterable[str]
) -> Iterator[tuple[int, str | None, Any]]:
    """Each of JSON Lines ``text``'s ``lines`` that is not blank, as its number, its kind
    (``"redirects"`` for a redirect, :data:`_ONE_DOCUMENT` for a whole document on the file's
    one line) and its value; ``None`` for its kind where the line is no record or redirect (a
    line that is not JSON, the descriptor, one that says no kind), whose problems are then in
    ``parts``, with what the checks across records need to know of it."""
    for number, line in enumerate(lines, start=1):
        if not line.strip(_JSON_SPACE):  # (a form feed or a no-break space is told)
            continue
        where = f"{name}:{number}"
        value, found = _parse(line, where, one_line=True)
        if found:  # (a line that is not JSON: its problem carries its number too)
            parts.problems += [
                Problem(p.location, p.message, p.code, file=name, line=number) for p in found
            ]
            parts.unsure.add(_ALL_KINDS)  # that line may have been a record of any kind
            yield number, None, None
            continue
        if number == 1 and _document_on_one_line(value, text):
            yield number, _ONE_DOCUMENT, value
            return
        if type(value) is dict and value.get(KIND_FIELD) == EMBEDDED:
            where = f"{where} {EMBEDDED}"
            if number == 1:
                del value[KIND_FIELD]
                _embedded_descriptor(parts, value, where, name, line=number)
            else:
                parts.problems.append(_misplaced_descriptor(where, name, number))
            yield number, None, None
            continue
        kind, found = _kind_of_line(value, name, number)
        parts.problems += found
        if kind is None:
            if type(value) is dict and type(value.get("id")) is str:
                parts.failed_ids.add(value["id"])
            else:
                parts.unsure.add(_ALL_KINDS)
        yield number, kind, value


def _no_records(parts: _Parts, name: str, records: bool, redirects: bool) -> None:
    """A JSON Lines file of redirect lines and no ``records`` is told so (beside the other
    problems, the descriptor's among them), unless a line that may be a record failed, or
    the lines after a cap were not read."""
    if redirects and not (records or parts.failed_ids or parts.unsure or parts.options.stopped):
        parts.problems.append(Problem(name, "holds no records", ProblemCode.MISSING))


def _redirect_lines(parts: _Parts, name: str, values: list[object], numbers: list[int]) -> None:
    """Check a JSON Lines file's redirect lines (``values``, at lines ``numbers``) into
    ``parts``: under ``max_problems``, no further than the cap, the first by line kept."""
    cap = parts.options.max_problems
    found_redirects, found = check_redirects(values, name, numbers, limit=cap)
    parts.problems += found
    if cap is not None:
        parts.problems = _first_lines(parts.problems, cap, parts.options)
    parts.redirects = found_redirects
    _at_lines(parts, name, found_redirects, numbers, values)


def _judge_lines(parts: _Parts, name: str, text: str, cap: int) -> None:
    """Read JSON Lines ``text`` into ``parts`` under ``max_problems`` (``cap``), judging each
    line as it is read, no further than the room the lines before it left: once the problems
    reach the cap, a later line's problems would sort after them and could not be kept, so
    the lines after are not read (each kind's cap cannot be reached first: a kind at the cap
    already fills it). Redirect lines are judged at the end, on those read, as a file of
    redirects alone is told it holds no records; their problems do not stop the reading.
    The records kept are those of each kind, in their order, as :func:`_judged` keeps them,
    for the checks across records, which run only where the cap was not reached."""
    kinds: dict[str, _KindLines] = {}
    redirect_lines: list[object] = []
    redirect_numbers: list[int] = []
    with gc_paused():
        for number, kind, value in _line_values(parts, name, text, json_lines(text)):
            if kind is _ONE_DOCUMENT:
                _structure_kinds(parts, value, name, redirects=True, descriptor=True)
                return
            if kind == "redirects":
                redirect_lines.append(value)
                redirect_numbers.append(number)
            elif kind is not None:
                held = kinds.get(kind)
                if held is None:
                    held = kinds[kind] = _KindLines(kind, name)
                held.judge(parts, value, number, cap - len(parts.problems))
            if _full(parts):  # (max_problems: the lines after are not read)
                break
    _no_records(parts, name, bool(kinds), bool(redirect_lines))
    for kind in KINDS:
        if kind in kinds:
            kinds[kind].keep(parts)
    # (the failed records as a load without a cap lists them: kind by kind, as read)
    parts.failed.sort(key=lambda failed: _KIND_ORDER[failed.place.kind])
    if redirect_lines:
        _redirect_lines(parts, name, redirect_lines, redirect_numbers)


#: Each kind's place among :data:`KINDS`.
_KIND_ORDER: Final[dict[str | None, int]] = {kind: n for n, kind in enumerate(KINDS)}


class _KindLines:
    """The lines of one kind in a JSON Lines file judged under ``max_problems``: the records
    that structured and where, and where those that failed without an ID are."""

    __slots__ = ("kept", "kept_at", "kind", "lines", "nameless", "places")

    def __init__(self, kind: str, name: str) -> None:
        self.kind = kind
        self.lines: list[int] = []
        self.places = Places(kind, name, lines=self.lines)
        self.kept: list[Record] = []
        self.kept_at: list[int] = []
        self.nameless: list[str] = []

    def judge(self, parts: _Parts, document: object, number: int, room: int) -> None:
        """Judge the kind's record on line ``number`` (``document``) into ``parts``, no
        further than ``room`` (:func:`_judge_record`)."""
        n = len(self.lines)
        self.lines.append(number)
        if parts.declared is not None:  # (a newer field's null, under an older format)
            found = _null_field_problems(parts, [document], self.places.subset([n]))[:room]
            parts.problems += found
            room -= len(found)
            if room <= 0:  # (at the cap: the lines after are not read)
                return
        built, errors = _judge_record(parts, self.kind, document, self.places.subset([n]), room)
        parts.problems += errors
        if built:
            self.kept += built
            self.kept_at.append(n)
        else:
            _failed(parts, self.kind, document, self.places, n, self.nameless)

    def keep(self, parts: _Parts) -> None:
        """Keep the kind's records in ``parts``, for the checks across records."""
        _kept(
            parts,
            self.kind,
            len(self.lines),
            self.places,
            self.kept,
            self.kept_at,
            self.nameless,
        )


def _first_lines(problems: list[Problem], cap: int, options: ReadOptions) -> list[Problem]:
    """The first ``cap`` of a JSON Lines file's ``problems`` by line (those of the file as a
    whole first), marking the read ``stopped`` if some are left out."""
    if len(problems) < cap:
        return problems
    options.stopped = True
    problems.sort(key=lambda p: -1 if p.line is None else p.line)
    return problems[:cap]


def _at_lines(
    parts: _Parts,
    name: str,
    redirects: dict[str, str],
    numbers: list[int],
    values: list[object] | None = None,
) -> None:
    """Locate ``parts``' redirects (``redirects``, read from the lines ``numbers`` of JSON
    Lines file ``name``) at their lines, each at its first (``data.jsonl:11 redirects``), as
    the integrity rules then say where one is."""
    parts.redirects_where = name
    if values is None:  # (the fast path: one line a redirect, none twice: it had no problem)
        parts.redirect_lines = dict(zip(redirects, numbers, strict=True))
        return
    first = _first_indexes(values, redirects)  # (values and numbers go line for line)
    parts.redirect_lines = {old: numbers[index] for old, index in first.items()}


def _document_on_one_line(value: object, text: str) -> bool:
    """Whether JSON Lines ``text``, whose first line is ``value``, is a whole ``document``
    export on its one line (as ``json.dumps`` or ``jq -c`` writes one): an object with no
    ``$kind`` that starts as a document does (its first key its descriptor's, its redirects'
    or a kind's), each of whose kinds holds a list of records (objects), and which holds a
    record in one of them unless all its keys are a document's.

    So a record's line is not so read: it says its kind by ``$kind``, or has an ``id`` (which
    no document has: an event whose citations were written ``"sources"``, first, is an event
    told so, not a document whose ``id`` is no kind), or is an event whose ``places`` (the one
    field named as a kind) holds IDs, not records, or holds nothing that says it is a
    document (``{"places": [], "kind": ...}``). A document with a stray key (``"name"``) is
    read as one, and told that the key is no kind.

    >>> _document_on_one_line({"persons": [], "events": []}, '{"persons": [], "events": []}')
    True
    >>> _document_on_one_line({"persons": [{"id": "person:a"}], "name": "x"}, "...")
    True
    >>> _document_on_one_line({"places": ["place:kz"], "id": "event:a"}, "...")
    False
    >>> _document_on_one_line({"places": [], "kind": "verdict"}, "...")
    False
    >>> _document_on_one_line({"sources": [{"source": "source:a"}], "id": "event:a"}, "...")
    False
    >>> _document_on_one_line({"persons": []}, '{"persons": []}\\n{"persons": []}\\n')
    False
    """
    if type(value) is not dict or not value or KIND_FIELD in value or "id" in value:
        return False
    if next(iter(value)) not in _DOCUMENT_KEYS:
        return False
    kinds = [records for key, records in value.items() if key in KINDS]
    if not all(type(r) is list and all(type(x) is dict for x in r) for r in kinds):
        return False
    if not value.keys() <= _DOCUMENT_KEYS and not any(kinds):
        return False
    return sum(1 for line in json_lines(text) if line.strip(_JSON_SPACE)) == 1


#: The keys of a ``document`` export: its descriptor, its redirects and the kinds' lists.
_DOCUMENT_KEYS: Final = frozenset((EMBEDDED, "redirects", *KINDS))


def _misplaced_descriptor(where: str, file: str, number: int) -> Problem:
    """The problem of a descriptor line that is not a JSON Lines file's first line."""
    return Problem(
        where,
        f"a descriptor ({KIND_FIELD!r}: {EMBEDDED!r}) is the file's first line, and only "
        "there: move it to line 1, with no blank line before it (a file carries one "
        "descriptor at most)",
        ProblemCode.PACKAGE,
        file=file,
        line=number,
    )


def _line(file: str, number: int, value: object) -> RecordPlace:
    """The record on line ``number`` of a JSON Lines ``file``, before its kind is known."""
    record_id, note = identify(value)
    return RecordPlace(f"{file}:{number}", record_id, note=note, file=file, line=number)


def _kind_of_line(value: object, file: str, number: int) -> tuple[str | None, list[Problem]]:
    if type(value) is not dict:
        return None, [
            _line(file, number, value).problem(
                "",
                f"expected a record (an object), got {describe_json(value)}",
                ProblemCode.TYPE,
            )
        ]
    kind = value.pop(KIND_FIELD, None)
    record_id = value.get("id")
    from_id = KIND_OF_PREFIX.get(prefix_of(record_id)) if isinstance(record_id, str) else None
    if kind is None:
        if value.keys() == _REDIRECT_FIELDS:  # (no record has a "to": this is a redirect)
            return None, [_redirect_without_kind(_line(file, number, value), value)]
        if from_id is None:
            message = f"says neither its kind ({KIND_FIELD!r}) nor an id whose prefix names one"
            return None, [
                _line(file, number, value).problem(
                    "", message + _prefix_hint(record_id), ProblemCode.MISSING
                )
            ]
        return from_id, []
    if kind == "redirects":
        return kind, []
    if kind not in KINDS:
        from rightsdata._values.spelling import close, did_you_mean

        near = did_you_mean(close(str(kind), [*KINDS, "redirects"], n=1))
        return None, [
            _line(file, number, value).problem(
                KIND_FIELD,
                f"{printable(repr(kind))} is not a record kind; "
                + (f"{near} Expected" if near else "expected")
                + f" one of {', '.join(KINDS)}",
                ProblemCode.VALUE,
            )
        ]
    # (a "$kind" its id disagrees with is told where the line's record is judged, as a record
    # of another kind in a kind's file is: convert.misfiled_problems)
    return kind, []


#: A redirect's fields, as an export writes its line (after its ``"$kind": "redirects"``).
_REDIRECT_FIELDS: Final = frozenset(("id", "to"))


def _redirect_without_kind(place: RecordPlace, value: dict[str, Any]) -> Problem:
    """The problem of a line with a redirect's fields and no ``"$kind"``: read by its id's
    prefix, it would be a record of that kind missing its required fields, with ``to``
    unknown; it is a redirect that does not say so.

    >>> from rightsdata._values.places import RecordPlace
    >>> at = RecordPlace("x.jsonl:3", "person:a", file="x.jsonl", line=3)
    >>> said = _redirect_without_kind(at, {"id": "person:a", "to": "person:b"}).message
    >>> print(said.replace(" first, ", " first,\\n"))
    holds a redirect's fields (id and to) but not its kind: write "$kind": "redirects" first,
    as in {"$kind": "redirects", "id": "person:a", "to": "person:b"}
    """
    old, new = value["id"], value["to"]
    short = all(type(v) is str and len(v) <= _SHOWN_ID for v in (old, new))
    line = json.dumps({KIND_FIELD: "redirects", "id": old, "to": new}, ensure_ascii=False)
    example = printable(line) if short else f'{{"{KIND_FIELD}": "redirects", "id": ..., "to": ...}}'
    return place.problem(
        "",
        "holds a redirect's fields (id and to) but not its kind: write "
        f'"{KIND_FIELD}": "redirects" first, as in {example}',
        ProblemCode.MISSING,
    )


#: The longest ID shown in :func:`_redirect_without_kind`'s example line (others are "...").
_SHOWN_ID: Final = 80


def _prefix_hint(record_id: object) -> str:
    """For an id whose prefix names no kind (``evnt:a``), the prefix it is spelled like."""
    if not isinstance(record_id, str) or ":" not in record_id:
        return ""
    prefix = prefix_of(record_id)
    meant = meant_prefix(prefix)
    if meant is None:
        return ""
    return (
        f"; its id's prefix {printable(repr(prefix))} names no kind: did you mean "
        f"{meant!r} ({a_noun(KIND_OF_PREFIX[meant])})?"
    )


def _finish(parts: _Parts) -> _Read:
    with gc_paused():  # integrity and the Dataset's collections build many objects too
        return _finish_paused(parts, parts.options.base)


def _format_problems(parts: _Parts, declared: int) -> list[Problem]:
    """A problem for each thing a reader of the declared format cannot read (a date that is
    a set under format 1 or 2, a figure's ``of`` under format 1 to 3, a record of a kind a
    later format added, or a file's list of one, even empty)."""
    said = None if parts.descriptor is not None and FORMAT_KEY not in parts.descriptor else declared
    # (the documents given in Python are no file: Dataset.to_dict() gives every kind's list)
    present = () if parts.declared_in == _GIVEN else parts.where
    if parts.folder is None or parts.declared_in != DESCRIPTOR:
        return format_problems(parts.records, said, parts.declared_in, parts.where, present=present)
    # fmt --upgrade declares it, and rewrites the sizes and hashes the edit made stale: the
    # advice's command is worded with the folder's others (_fmt_waits), in the place of
    # _COMMAND (no date, the one value the message holds, has braces)
    fix = f"run {_COMMAND}, which declares format {{format}} in {DESCRIPTOR}"
    problems = format_problems(
        parts.records, said, parts.declared_in, parts.where, fix, present=present
    )
    advice: list[Problem] = []
    for problem in problems:
        before, _, after = problem.message.partition(_COMMAND)
        advice.append(_FmtAdvice(problem, before, after, folder=parts.folder, upgrade=True))
    return advice


#: Where :func:`_format_problems`'s advice has its command, until it is worded.
_COMMAND: Final = "{command}"
#: Where the format of the documents given to :func:`load_documents` is declared.
_GIVEN: Final = "the descriptor given"


def unsure(parts: _Parts) -> tuple[set[str], dict[str, list[str]]]:
    """What the integrity check cannot be sure of, once some records failed: the kinds some of
    whose records may be missing (``partial``: a reference to one is not judged), and, of the
    others, where the records are whose IDs could not be read (``nameless``: a reference to
    such a kind is judged, and its problem names them)."""
    partial: set[str] = set(KINDS) if _ALL_KINDS in parts.unsure else set(parts.unsure)
    return partial, {k: at for k, at in parts.nameless.items() if k not in partial}


def _finish_paused(parts: _Parts, base: Base | None = None) -> _Read:
    # Integrity is checked among the records that structured even when others did not, so
    # that one load reports every problem, not the first layer of them.
    problems = parts.problems
    if _full(parts):  # (max_problems: stopped at the cap; nothing across records is judged)
        return None, problems, ()
    partial: set[str] = set()
    nameless: dict[str, list[str]] = {}
    if problems:  # some records failed to structure: judge nothing that depends on them
        partial, nameless = unsure(parts)
    unjudged: set[str] = set()
    # each kind's records' IDs, in their order: read once, for integrity and the collections
    own = {kind: [record.id for record in items] for kind, items in parts.records.items()}
    if parts.declared is not None and parts.declared < FORMAT:
        problems = problems + _format_problems(parts, parts.declared)
    if parts.options.schema and problems:  # each said once (a set's too: format 2's schemas)
        from rightsdata._validation.restated import told_once

        problems = told_once(problems)
    if _full_with(parts, problems):  # (max_problems: reached by the formats' problems)
        return None, problems, ()
    cap = parts.options.max_problems
    problems = problems + check_integrity(
        parts.records,
        parts.where,
        parts.redirects,
        parts.redirects_where,
        ids=parts.ids,
        redirect_lines=parts.redirect_lines,
        redirect_indexes=parts.redirect_indexes,
        exists=parts.failed_ids,
        partial=partial,
        own=own,
        gathered=parts.gathered,
        failed=parts.failed,
        nameless=nameless,
        unjudged=unjudged,
        base=base,
        # (one more than there is room for: more than the room says the rules stopped)
        limit=None if cap is None else cap - len(problems) + 1,
    )
    if cap is not None and (
        len(problems) > cap or (len(problems) == cap and parts.options.strict)
    ):  # (max_problems: stopped among the rules, or the strict checks not run)
        parts.options.stopped = True
        return None, problems, tuple(kind for kind in KINDS if kind in unjudged | partial)
    if parts.options.strict:  # (after the normal checks, on the records that structured)
        from rightsdata._validation.strict import check_strict

        problems = problems + _version_problems(parts)
        problems += check_strict(
            parts.records, parts.where, base, failed=parts.failed, unjudged=unjudged
        )
    # A kind whose file or list could not be read (not JSON, not a list, no file: a FIFO) had
    # none of those records judged, strictly or not, though nothing refers to them: it is
    # unchecked, as a kind's file checked alone says (kindfile), and a load after the fix may
    # find more in it.
    unjudged.update(partial)
    if problems:
        return None, problems, tuple(kind for kind in KINDS if kind in unjudged)
    descriptor = parts.descriptor
    name, version = parts.named or (
        (descriptor.get("name"), descriptor.get("version")) if descriptor else (None, None)
    )
    if base is not None:
        return _merged(parts, base, name, version, own), [], ()
    dataset = Dataset._of_checked(  # (check_integrity ran above)
        parts.records,
        name,
        version,
        descriptor,
        parts.redirects,
        parts.gathered,
        own,
    )
    return dataset, [], ()


def _version_problems(parts: _Parts) -> list[Problem]:
    """The strict problem of the data's own version (the name and version given to
    ``load_documents`` take the descriptor's place), if it is not a semantic version
    (:mod:`rightsdata._validation.strictversion`); none where there is no version, or no
    descriptor that was kept (one with problems is not judged, as a record that failed is
    not)."""
    if parts.descriptor_at is None:
        return []
    where, file, line = parts.descriptor_at
    given = parts.named[1] if parts.named is not None else None
    version = given if given is not None else (parts.descriptor or {}).get("version")
    if type(version) is not str:
        return []
    from rightsdata._validation.strictversion import version_problems

    return version_problems(version, f"{where}.version", file=file, line=line)


def _merged(
    parts: _Parts, base: Base, name: str | None, version: str | None, own: dict[str, list[str]]
) -> Dataset:
    """The dataset of the base's records and the extension's (``parts``, checked against
    them), named, versioned and described as the extension is; the redirects of both. The
    records and redirects are joined as ``Dataset(records, base=...)`` joins them
    (:func:`~rightsdata._data.dataset.with_base`); only what a load keeps besides is here.

    A kind of both keeps no gathered texts and no IDs: its collection sorts the records of
    both, and its indexes are made on its first query, from all of them. A kind of the
    extension's alone keeps what its load gathered, as a load without a base does."""
    records, redirects = with_base(base, parts.records, parts.redirects)
    ids: dict[str, list[str]] = {}
    gathered: dict[str, Gathered] = {}
    for kind in KINDS:
        if parts.records.get(kind) and not base.by_kind.get(kind):  # the extension's alone
            ids[kind] = own[kind]
            if kind in parts.gathered:
                gathered[kind] = parts.gathered[kind]
    return Dataset._of_checked(
        records, name, version, parts.descriptor, redirects, gathered, ids, base.built_on
    )


# --- reading JSON strictly ------------------------------------------------------------------


def _read_bytes(
    file: Traversable | Path, label: str, max_bytes: int
) -> tuple[bytes, Problem | None]:
    """A file's bytes, never more than ``max_bytes`` read (whatever its size claims), and
    only from a regular file: a directory, FIFO, device or socket is refused before opening
    (a FIFO without a writer would block; /dev/zero never ends)."""
    try:
        if isinstance(file, os.PathLike):
            data = _read_disk_file(os.fspath(file), max_bytes)
        else:  # package data that is not on disk (a zip import)
            with file.open("rb") as stream:
                data = _read_bounded(stream.read, max_bytes)
    except _NotRegularError as exc:
        return b"", Problem(label, not_regular(str(exc)), ProblemCode.FILE)
    except _TooLargeError as exc:
        return b"", Problem(
            label,
            f"is {counted(exc.size, 'byte')}, over the limit of {max_bytes:,}; "
            f"{_raise_the_limit()}",
            ProblemCode.LIMIT,
        )
    except OSError as exc:
        return b"", _os_problem(
            label, os.fspath(file) if isinstance(file, os.PathLike) else "", exc
        )
    if len(data) > max_bytes:
        return b"", Problem(
            label,
            f"is over the limit of {counted(max_bytes, 'byte')}; {_raise_the_limit()}",
            ProblemCode.LIMIT,
        )
    return data, None


class _NotRegularError(Exception):
    """A path that is not a regular file; the message says what it is."""


def _read_disk_file(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of a regular file (one more than allowed tells the
    caller it is too large)."""
    info = os.stat(path)
    kind = file_type(info.st_mode)
    if kind is not None:
        raise _NotRegularError(kind)
    if info.st_size > max_bytes:
        raise _TooLargeError(info.st_size)
    # O_NONBLOCK: if the path became a FIFO since the stat, opening it must not wait;
    # O_BINARY: Windows reads the bytes as they are (rightsdata._values.windows)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with open(fd, "rb", buffering=0, closefd=True) as stream:
        info = os.fstat(fd)
        kind = file_type(info.st_mode)
        if kind is not None:
            raise _NotRegularError(kind)
        if info.st_size > max_bytes:
            raise _TooLargeError(info.st_size)
        return _read_bounded(stream.read, max_bytes, info.st_size)


class _TooLargeError(Exception):
    """A file whose size is over the limit, refused before reading it."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_bounded(read: Any, max_bytes: int, expected: int = _CHUNK) -> bytes:
    """Read with ``read(n)`` until the end or until more than ``max_bytes`` were read."""
    chunks: list[bytes] = []
    total = 0
    want = min(expected, max_bytes) + 1
    while total <= max_bytes:
        chunk = read(min(want, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(chunks)


def _raise_the_limit() -> str:
    """How a file over the limit can be read: in Python's words, or the command line's
    (:data:`LIMIT_SHOWN`)."""
    return LIMIT_SHOWN.get() or _RAISE_THE_LIMIT


def _os_problem(label: str, path: str, exc: OSError) -> Problem:
    """A located problem for a failed stat, open or read (Windows' own codes read too: a
    path too long is no missing file there, :mod:`rightsdata._values.windows`)."""
    if name_too_long(exc):
        return Problem(label, "is a name too long for this system", ProblemCode.FILE)
    if link_loop(exc):
        return Problem(label, "is a loop of symbolic links", ProblemCode.FILE)
    if isinstance(exc, FileNotFoundError):
        if path and os.path.islink(path):
            return Problem(label, "is a symbolic link to nothing (broken)", ProblemCode.FILE)
        return Problem(label, "does not exist", ProblemCode.MISSING)
    return Problem(label, f"cannot be read: {exc.strerror or exc}", ProblemCode.FILE)


def _decode(
    data: bytes, label: str, *, empty: bool = False, fmt: bool = False
) -> tuple[str | None, list[Problem]]:
    """``data`` as text (None where it cannot be read), with the problems of its encoding.
    The UTF-8 byte-order marks at its start (:func:`~rightsdata._data.bytemarks.unmarked`)
    are one problem (JSON allows none), and the text after them is read still, so that a
    load reports the file's other problems with it, in every layout. ``fmt``: the file is a
    dataset folder's, and the advice names ``rightsdata fmt``, which reads past them: it
    would find the others only then, and refuse the folder (:func:`_fmt_waits` tells them to
    come first, as it does a stale hash's). ``empty`` allows an empty text, or one of white
    space only. A file without a mark costs one ``startswith`` more.

    >>> _decode(b'\\xef\\xbb\\xbf[]', "persons.json")[0]
    '[]'
    """
    if not data.startswith(BOM):
        text, problem = decode_text(data, label, empty=empty)
        return (None, [problem]) if problem is not None else (text, [])
    rest, marks = unmarked(data)
    marked = _marks_problem(label, marks, fmt=fmt, where=left_where(data) if marks > 1 else "")
    # (a conversion of the file reads past the marks where they stand with nothing between,
    # as before UTF-16: the bytes after them are then its end)
    skip = len(data) - len(rest) if consecutive(data) == marks else None
    text, problem = decode_text(rest, label, empty=empty, skip=skip)
    return (None, [marked, problem]) if problem is not None else (text, [marked])


def _marks_problem(label: str, marks: int, *, fmt: bool, where: str) -> Problem:
    """The problem of a file that starts with ``marks`` byte-order marks, the marks after
    the first standing ``where`` (:func:`~rightsdata._data.bytemarks.left_where`). Its
    advice is an editor's; ``fmt``: a dataset folder's file, whose advice names
    ``rightsdata fmt`` too (an :class:`_FmtAdvice`), which rewrites dataset folders (not a
    file alone)."""
    if marks == 1:
        alone = (
            "starts with a byte-order mark (U+FEFF, an invisible character some editors "
            "write), which JSON does not allow: save it as UTF-8 without a BOM"
        )
    else:  # (saved without a BOM, a file loses one: the others are characters of its text)
        left = (
            "the invisible character"
            if marks == 2
            else f"the {counted(marks - 1, 'invisible character')}"
        )
        alone = (
            f"starts with {counted(marks, 'byte-order mark')} (U+FEFF, an invisible character "
            "some editors write), which JSON does not allow: save it as UTF-8 without a BOM, "
            f"then delete {left} still {where}"
        )
    problem = Problem(label, alone, ProblemCode.SYNTAX)
    if not fmt:
        return problem
    them = "it" if marks == 1 else "them"
    return _FmtAdvice(problem, f"{alone} (", f" removes {them})", alone=alone)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed: JSON has no NaN or Infinity; write null")


class _Duplicates:
    """An ``object_pairs_hook`` that builds dicts and remembers repeated keys."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.keys.append(key)
                seen.add(key)
        return result


#: Up to this many characters, a JSON file (a descriptor, redirects) is parsed by msgspec
#: when that is sure to give what the strict parse gives: importing the json module (and
#: compiling its regexes) cost a cold ``rightsdata.load()`` 4.8 M instructions of 385 M
#: (callgrind), and the bundled data needs json for nothing else.
_QUICK_MAX: Final = 1 << 16
_NOT_QUICK: Final = object()


def _quick_parse(text: str) -> Any:
    """``text`` parsed by msgspec, or :data:`_NOT_QUICK` if the strict parse must decide.

    msgspec is never more lenient than the strict parse (NaN, a lone surrogate, an
    out-of-range float: both reject, or msgspec alone), except that it keeps the last of
    repeated keys; every key-value pair has one ``:`` outside strings, so a file that holds
    more colons than its pairs and strings account for repeated a key. An escaped colon
    (``\\u003a``) could hide one: such a file goes to the strict parse.
    """
    if len(text) > _QUICK_MAX or "\\u003" in text:
        return _NOT_QUICK
    import msgspec  # (the fast path imports it anyway)

    try:
        value = msgspec.json.decode(text)
    except (msgspec.DecodeError, RecursionError):  # (the strict parse says what is wrong)
        return _NOT_QUICK
    colons = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            colons += len(item) + sum(key.count(":") for key in item)
            stack += item.values()
        elif type(item) is list:
            stack += item
        elif type(item) is str:
            colons += item.count(":")
    return value if colons == text.count(":") else _NOT_QUICK


#: Python's refusal of an integer too long to convert (``sys.get_int_max_str_digits``).
_DIGITS_LIMIT: Final = re.compile(r"Exceeds the limit \((\d+) digits\).*value has (\d+) digits")


def _parse(text: str, label: str, *, one_line: bool = False) -> tuple[Any, list[Problem]]:
    """``text`` parsed strictly (the diagnostic path's parse, and that of every descriptor and
    redirects file), or the problems that refuse it, each saying where (line and column, and
    the record; only the column if ``one_line``: a JSON Lines line) and why in words
    (:mod:`rightsdata._data.jsontext`); nested more than ``MAX_NESTING`` levels is one of
    them, under every Python (:mod:`rightsdata._values.nesting`)."""
    quick = _quick_parse(text)
    if quick is not _NOT_QUICK:
        return _within_nesting(quick, label)
    import json  # here: the bundled data parses quickly (above)

    duplicates = _Duplicates()
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        from rightsdata._data import jsontext  # (only a file that is not JSON needs it)

        said = jsontext.syntax_message(text, exc.pos, exc.msg, one_line=one_line)
        return None, [Problem(label, said, ProblemCode.SYNTAX)]
    except ValueError as exc:
        from rightsdata._data import jsontext

        digits = _DIGITS_LIMIT.match(str(exc))
        if digits:  # (Python's message names a Python setting, no use to a data's author)
            at = jsontext.long_number_position(text, int(digits[1]))
            where = "" if at < 0 else f" at {jsontext.place(text, at, one_line=one_line)}"
            return None, [
                Problem(
                    label,
                    f"holds {number_of_digits(int(digits[2]))}{where}; at most {int(digits[1]):,}",
                    ProblemCode.LIMIT,
                )
            ]
        at = jsontext.constant_position(text)
        if at >= 0:  # NaN or Infinity (_reject_constant)
            where = jsontext.place(text, at, one_line=one_line)
            return None, [
                Problem(label, f"is not valid JSON at {where}: {exc}", ProblemCode.SYNTAX)
            ]
        return None, [Problem(label, str(exc), ProblemCode.SYNTAX)]
    except RecursionError:  # (past MAX_NESTING, where Python's parser gives up)
        return None, [nesting_problem(label)]
    if duplicates.keys:
        from rightsdata._data import jsontext

        names = ", ".join(repr(k) for k in dict.fromkeys(duplicates.keys))
        at = jsontext.repeated_key_position(text)
        where = "" if at < 0 else f", the first at {jsontext.place(text, at, one_line=one_line)}"
        return None, [
            Problem(
                label,
                f"repeats keys within an object ({names}){where}; JSON objects must not "
                "repeat keys",
                ProblemCode.SYNTAX,
            )
        ]
    return _within_nesting(value, label)


def _within_nesting(value: Any, label: str) -> tuple[Any, list[Problem]]:
    """``value``, or its problem if it nests deeper than the parsers of some Python read."""
    if deeper_than_limit(value):
        return None, [nesting_problem(label)]
    return value, []


def read_json(
    file: Traversable | Path,
    label: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    bom: bool = False,
) -> tuple[Any, list[Problem]]:
    """Parse one JSON file strictly: a size limit, UTF-8 without a byte-order mark (unless
    ``bom``: those at the start are then dropped), no NaN or Infinity, no repeated keys,
    bounded nesting."""
    value, marked, found = _read_json_marked(file, label, max_bytes, bom=bom, fmt=False)
    return (None, marked + found) if marked else (value, found)


def _read_json_marked(
    file: Traversable | Path, label: str, max_bytes: int, *, bom: bool, fmt: bool = True
) -> tuple[Any, list[Problem], list[Problem]]:
    """:func:`read_json`'s value, the problem of the byte-order marks at the start (if any,
    and not ``bom``; ``fmt``: a dataset folder's file, :func:`_decode`), and the other
    problems: the text after the marks is read still, so that a load reports them with it."""
    data, problem = _read_bytes(file, label, max_bytes)
    if problem is not None:
        return None, [], [problem]
    if bom:
        data = unmarked(data)[0]
    text, marked = _decode(data, label, fmt=fmt)
    if text is None:
        return None, [], marked
    value, found = _parse(text, label)
    return value, marked, found


def _schema_problems(
    kind: str, documents: object, where: str | Places, declared: int | None = None
) -> list[Problem]:
    """JSON Schema problems of a list of documents, each located by its place and ID
    (``where``: the list's :class:`Places`, or a file's name), against the schemas of the
    format ``declared`` (the newest where none is)."""
    from rightsdata._validation.convert import judged_kind, names_another_kind
    from rightsdata.schema import _problems_at

    if type(documents) is not list:
        return []  # the converter reports it
    places = where if isinstance(where, Places) else Places(kind, where)
    version = declared if declared in READABLE else FORMAT
    found: list[Problem] = []
    for n, document in enumerate(documents):
        at = places.of_document(n, document)
        # (a record of another kind, as its id and fields say, is held to that kind's schema,
        # as the model judges it: convert.misfiled_problems)
        judged = judged_kind(kind, document)
        # (a record of a kind a later format added: held to that format's schema, the
        # kind's own problem says the format it needs)
        said = _problems_at(judged, document, at, format=max(version, kind_format(judged)))
        if judged == kind and names_another_kind(kind, document):  # (its id is wrong: the
            said = [p for p in said if p.field != "id"]  # misfiling's one problem says so)
        found += said
    return found


def _first_indexes(raw: object, redirects: Mapping[str, str]) -> dict[str, int]:
    """Where in ``raw``, the list ``redirects`` were read from, each is: its first entry's
    index, by its old ID (a problem of a redirect is located there).

    >>> _first_indexes([{"id": "a:x"}, {"id": "a:x"}, {"id": "a:y"}], {"a:x": "", "a:y": ""})
    {'a:x': 0, 'a:y': 2}
    """
    found: dict[str, int] = {}
    for index, item in enumerate(raw if type(raw) is list else ()):
        old = item.get("id") if type(item) is dict else None
        if isinstance(old, str) and old in redirects:
            found.setdefault(old, index)
    return found
