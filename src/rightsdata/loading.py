"""Reading datasets: the bundled ones by name, and anyone's in the same format.

Three layouts are read (see docs/loading.md):

- a **folder**: ``datapackage.json`` (optional for your own data) and one JSON file per record
  kind (``events.json``: a list of records), plus ``redirects.json`` if IDs were retired;
- a **JSON document**: one object with a list per kind, ``{"persons": [...], "events": [...]}``;
- **JSON Lines** (``.jsonl`` or ``.ndjson``): one record per line, its kind in a ``"$kind"``
  field (``"events"``), or taken from its ID's prefix when the field is absent.

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
import threading
from typing import TYPE_CHECKING, Any, Final

from rightsdata._gcpause import gc_paused
from rightsdata._resources import datasets_root
from rightsdata.dataset import Dataset
from rightsdata.errors import InvalidDataError, Problem, ProblemCode, describe_json
from rightsdata.ids import KIND_OF_PREFIX, is_valid_id, prefix_of
from rightsdata.integrity import Where, check_integrity
from rightsdata.model import KINDS, Record

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DESCRIPTOR",
    "REDIRECTS",
    "datasets",
    "load",
    "load_path",
    "read_folder",
    "validate",
]

DESCRIPTOR: Final = "datapackage.json"
REDIRECTS: Final = "redirects.json"
KIND_FIELD: Final = "$kind"
#: The largest file read by default (1 GiB); raise it with ``max_bytes=``. A JSON file takes
#: several times its size in memory once parsed, so the limit keeps a mistaken path (a disk
#: image, a database dump) from exhausting memory.
DEFAULT_MAX_BYTES: Final = 1 << 30
_JSON_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
_BOM: Final = b"\xef\xbb\xbf"

_cache: dict[str, Dataset] = {}
_cache_lock = threading.Lock()


# --- public entry points --------------------------------------------------------------------


def load(name: str = "kazakhstan") -> Dataset:
    """The bundled dataset ``name``, validated; cached, so every call returns the same object.

    Thread-safe. The dataset is immutable, so sharing it is safe.

    >>> import rightsdata
    >>> rightsdata.load().version  # doctest: +ELLIPSIS
    '...'
    """
    dataset = _cache.get(name)
    if dataset is not None:
        return dataset
    with _cache_lock:
        dataset = _cache.get(name)
        if dataset is None:
            folder = datasets_root().joinpath(name)
            if not folder.joinpath(DESCRIPTOR).is_file():
                known = ", ".join(datasets()) or "none"
                raise ValueError(f"no bundled dataset is called {name!r}; bundled: {known}")
            dataset = _cache[name] = read_folder(folder, label=f"bundled dataset {name!r}")
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
        if descriptor.is_file():
            version = json.loads(descriptor.read_text(encoding="utf-8")).get("version")
            found[entry.name] = version if isinstance(version, str) else None
    return found


def load_path(
    path: str | os.PathLike[str],
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dataset:
    """Read a dataset from a folder, a JSON document or a JSON Lines file, and validate it.

    Returns the whole dataset, or raises :class:`~rightsdata.InvalidDataError` listing every
    problem in every file. ``schema=True`` also checks each record against the JSON Schemas
    (slower; needs ``rightsdata[schema]``). Files larger than ``max_bytes`` are refused.

    >>> import rightsdata, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "data.json").write_text('{"persons": [{"id": "person:x"}]}')
    >>> rightsdata.load_path(folder / "data.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rightsdata.errors.InvalidDataError: 7 problems in .../data.json:
      data.json:persons[0].name: required field is missing
    ...
    """
    from pathlib import Path  # here: loading the bundled data does without it

    dataset, problems = _read(Path(path), schema=schema, max_bytes=max_bytes)
    if problems or dataset is None:
        raise InvalidDataError(problems, str(path))
    return dataset


def validate(
    path: str | os.PathLike[str],
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Problem]:
    """Every problem :func:`load_path` would raise for ``path``, returned instead; [] if valid.

    >>> import rightsdata
    >>> from rightsdata._resources import datasets_root
    >>> rightsdata.validate(str(datasets_root().joinpath("kazakhstan")))
    []
    """
    from pathlib import Path

    return _read(Path(path), schema=schema, max_bytes=max_bytes)[1]


def read_folder(folder: Traversable | Path, *, label: str | None = None) -> Dataset:
    """Read, structure and check a dataset folder; raise InvalidDataError listing every problem."""
    dataset, problems = _read_folder(folder, schema=False, max_bytes=DEFAULT_MAX_BYTES)
    if problems or dataset is None:
        raise InvalidDataError(problems, label or str(folder))
    return dataset


# --- the layouts ----------------------------------------------------------------------------


class _Parts:
    """What a layout reader collected, before integrity checks.

    A plain class, not attrs: building an attrs class costs about 1 ms, and this module is
    imported by every cold ``rightsdata.load()``.
    """

    __slots__ = (
        "descriptor",
        "ids",
        "problems",
        "records",
        "redirects",
        "redirects_where",
        "where",
    )

    def __init__(self, redirects_where: str = REDIRECTS) -> None:
        self.records: dict[str, list[Record]] = {}
        #: every ID a kind's records hold, where the fast path gathered them
        self.ids: dict[str, set[str]] = {}
        self.where: dict[str, Where] = {}
        self.redirects: dict[str, str] = {}
        self.redirects_where = redirects_where
        self.descriptor: dict[str, Any] | None = None
        self.problems: list[Problem] = []


def _read(path: Path, *, schema: bool, max_bytes: int) -> tuple[Dataset | None, list[Problem]]:
    if path.is_dir():
        return _read_folder(path, schema=schema, max_bytes=max_bytes)
    if not path.exists():
        return None, [Problem(str(path), "does not exist", ProblemCode.MISSING)]
    if path.suffix.lower() in _JSON_LINES_SUFFIXES:
        parts = _read_json_lines(path, schema=schema, max_bytes=max_bytes)
    else:
        parts = _read_document(path, schema=schema, max_bytes=max_bytes)
    return _finish(parts)


def _read_folder(
    folder: Traversable | Path, *, schema: bool, max_bytes: int
) -> tuple[Dataset | None, list[Problem]]:
    parts = _Parts()
    if folder.joinpath(DESCRIPTOR).is_file():
        raw, found = read_json(folder.joinpath(DESCRIPTOR), DESCRIPTOR, max_bytes)
        parts.problems += found
        if raw is not None:
            parts.descriptor, found = _check_descriptor(raw)
            parts.problems += found
    present = [kind for kind in KINDS if folder.joinpath(f"{kind}.json").is_file()]
    if not present:
        expected = ", ".join(f"{k}.json" for k in KINDS)
        parts.problems.append(
            Problem(
                str(folder),
                f"no record files found; expected some of {expected}",
                ProblemCode.MISSING,
            )
        )
    with gc_paused():
        for kind in present:
            name = f"{kind}.json"
            parts.where[kind] = name
            records, found, ids = _read_kind_file(
                folder.joinpath(name), kind, name, schema, max_bytes
            )
            parts.problems += found
            if not found:
                parts.records[kind] = records
                if ids is not None:
                    parts.ids[kind] = ids
    if folder.joinpath(REDIRECTS).is_file():
        raw, found = read_json(folder.joinpath(REDIRECTS), REDIRECTS, max_bytes)
        parts.problems += found
        if not found:
            parts.redirects, found = _check_redirects(raw, REDIRECTS)
            parts.problems += found
    return _finish(parts)


def _read_kind_file(
    file: Traversable | Path, kind: str, name: str, schema: bool, max_bytes: int
) -> tuple[list[Record], list[Problem], set[str] | None]:
    """One kind's file: the fast decoder first; on any doubt, the diagnostic path decides.
    The third item is every ID the records hold, if the fast path gathered them."""
    data, problem = _read_bytes(file, name, max_bytes)
    if problem is not None:
        return [], [problem], None
    if not schema:  # the schema check needs the parsed documents
        from rightsdata.fastpath import decode_with_ids

        try:
            records, ids = decode_with_ids(kind, data)
        except Exception:
            pass
        else:
            return records, [], ids
    text, problem = _decode(data, name)
    if problem is not None:
        return [], [problem], None
    documents, found = _parse(text, name)
    if found:
        return [], found, None
    from rightsdata.convert import structure_many  # the diagnostic path: cattrs on demand

    problems = _schema_problems(kind, documents, name) if schema else []
    records, found = structure_many(kind, documents, name)
    return records, problems + found, None


def _read_document(path: Path, *, schema: bool, max_bytes: int) -> _Parts:
    parts = _Parts(redirects_where=f"{path.name}:redirects")
    raw, found = read_json(path, path.name, max_bytes)
    parts.problems += found
    if found:
        return parts
    if type(raw) is not dict:
        parts.problems.append(
            Problem(
                path.name,
                f"expected an object with a list per record kind, got {describe_json(raw)}",
                ProblemCode.TYPE,
            )
        )
        return parts
    with gc_paused():
        for key, documents in raw.items():
            where = f"{path.name}:{key}"
            if key == "redirects":
                parts.redirects, found = _check_redirects(documents, where)
                parts.problems += found
                continue
            if key not in KINDS:
                allowed = ", ".join((*KINDS, "redirects"))
                parts.problems.append(
                    Problem(
                        where, f"not a record kind; expected {allowed}", ProblemCode.UNKNOWN_FIELD
                    )
                )
                continue
            from rightsdata.convert import structure_many

            parts.where[key] = where
            if schema and type(documents) is list:
                parts.problems += _schema_problems(key, documents, where)
            parts.records[key], found = structure_many(key, documents, where)
            parts.problems += found
    return parts


def _read_json_lines(path: Path, *, schema: bool, max_bytes: int) -> _Parts:
    parts = _Parts(redirects_where=f"{path.name}:redirects")
    data, problem = _read_bytes(path, path.name, max_bytes)
    if problem is not None:
        parts.problems.append(problem)
        return parts
    text, problem = _decode(data, path.name)
    if problem is not None:
        parts.problems.append(problem)
        return parts
    documents: dict[str, list[object]] = {}
    locations: dict[str, list[str]] = {}
    redirect_lines: list[object] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        value, found = _parse(line, where)
        if found:
            parts.problems += found
            continue
        kind, found = _kind_of_line(value, where)
        parts.problems += found
        if kind == "redirects":
            redirect_lines.append(value)
        elif kind is not None:
            documents.setdefault(kind, []).append(value)
            locations.setdefault(kind, []).append(where)
    if not documents and not parts.problems:
        parts.problems.append(Problem(path.name, "holds no records", ProblemCode.MISSING))
    with gc_paused():
        for kind in KINDS:
            if kind not in documents:
                continue
            parts.where[kind] = locations[kind]
            if schema:
                from rightsdata.schema import schema_problems

                for document, where in zip(documents[kind], locations[kind], strict=True):
                    parts.problems += schema_problems(kind, document, where)
            from rightsdata.convert import structure_located

            parts.records[kind], found = structure_located(kind, documents[kind], locations[kind])
            parts.problems += found
    if redirect_lines:
        parts.redirects, found = _check_redirects(redirect_lines, parts.redirects_where)
        parts.problems += found
    return parts


def _kind_of_line(value: object, where: str) -> tuple[str | None, list[Problem]]:
    if type(value) is not dict:
        return None, [
            Problem(
                where,
                f"expected a record (an object), got {describe_json(value)}",
                ProblemCode.TYPE,
            )
        ]
    kind = value.pop(KIND_FIELD, None)
    record_id = value.get("id")
    from_id = KIND_OF_PREFIX.get(prefix_of(record_id)) if isinstance(record_id, str) else None
    if kind is None:
        if from_id is None:
            return None, [
                Problem(
                    where,
                    f"says neither its kind ({KIND_FIELD!r}) nor an id whose prefix names one",
                    ProblemCode.MISSING,
                )
            ]
        return from_id, []
    if kind == "redirects":
        return kind, []
    if kind not in KINDS:
        return None, [
            Problem(
                f"{where}.{KIND_FIELD}",
                f"{kind!r} is not a record kind; expected one of {', '.join(KINDS)}",
                ProblemCode.VALUE,
            )
        ]
    if from_id is not None and from_id != kind:
        return None, [
            Problem(
                f"{where}.{KIND_FIELD}",
                f"says {kind!r} but the id {record_id!r} is of {from_id}",
                ProblemCode.VALUE,
            )
        ]
    return kind, []


def _finish(parts: _Parts) -> tuple[Dataset | None, list[Problem]]:
    with gc_paused():  # integrity and the Dataset's collections build many objects too
        return _finish_paused(parts)


def _finish_paused(parts: _Parts) -> tuple[Dataset | None, list[Problem]]:
    problems = parts.problems
    if not problems:
        problems = check_integrity(
            parts.records, parts.where, parts.redirects, parts.redirects_where, ids=parts.ids
        )
    if problems:
        return None, problems
    descriptor = parts.descriptor
    dataset = Dataset(
        parts.records,
        name=descriptor.get("name") if descriptor else None,
        version=descriptor.get("version") if descriptor else None,
        descriptor=descriptor,
        redirects=parts.redirects,
        _checked=True,  # check_integrity ran above
    )
    return dataset, []


# --- reading JSON strictly ------------------------------------------------------------------


def _read_bytes(
    file: Traversable | Path, label: str, max_bytes: int
) -> tuple[bytes, Problem | None]:
    try:
        if isinstance(file, os.PathLike):  # a file on disk: refuse it before reading it
            size = os.stat(file).st_size
            if size > max_bytes:
                return b"", Problem(
                    label,
                    f"is {size:,} bytes, over the limit of "
                    f"{max_bytes:,}; pass max_bytes= to read it",
                    ProblemCode.LIMIT,
                )
        data = file.read_bytes()
    except OSError as exc:
        return b"", Problem(label, f"cannot be read: {exc.strerror or exc}", ProblemCode.SYNTAX)
    if len(data) > max_bytes:
        return b"", Problem(
            label,
            f"is {len(data):,} bytes, over the limit of {max_bytes:,}; pass max_bytes= to read it",
            ProblemCode.LIMIT,
        )
    return data, None


def _decode(data: bytes, label: str) -> tuple[str, Problem | None]:
    if data.startswith(_BOM):
        return "", Problem(
            label,
            "starts with a byte-order mark; save it as UTF-8 without a BOM",
            ProblemCode.SYNTAX,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "", Problem(
            label, f"is not UTF-8: byte {exc.start} is {data[exc.start]:#04x}", ProblemCode.SYNTAX
        )
    if not text.strip():
        return "", Problem(label, "is empty; expected JSON", ProblemCode.SYNTAX)
    return text, None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed: JSON has no NaN or Infinity")


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


def _parse(text: str, label: str) -> tuple[Any, list[Problem]]:
    duplicates = _Duplicates()
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        return None, [
            Problem(
                label,
                f"is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                ProblemCode.SYNTAX,
            )
        ]
    except ValueError as exc:
        return None, [Problem(label, str(exc), ProblemCode.SYNTAX)]
    except RecursionError:
        return None, [Problem(label, "is nested too deeply to read", ProblemCode.LIMIT)]
    if duplicates.keys:
        names = ", ".join(repr(k) for k in dict.fromkeys(duplicates.keys))
        return None, [
            Problem(
                label,
                f"repeats keys within an object ({names}); JSON objects must not repeat keys",
                ProblemCode.SYNTAX,
            )
        ]
    return value, []


def read_json(
    file: Traversable | Path, label: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Any, list[Problem]]:
    """Parse one JSON file strictly: a size limit, UTF-8 without a byte-order mark, no NaN or
    Infinity, no repeated keys, bounded nesting."""
    data, problem = _read_bytes(file, label, max_bytes)
    if problem is not None:
        return None, [problem]
    text, problem = _decode(data, label)
    if problem is not None:
        return None, [problem]
    return _parse(text, label)


def _schema_problems(kind: str, documents: object, where: str) -> list[Problem]:
    """JSON Schema problems of a list of documents, located ``where[i]``."""
    from rightsdata.schema import schema_problems

    if type(documents) is not list:
        return []  # the converter reports it
    found: list[Problem] = []
    for index, document in enumerate(documents):
        found += schema_problems(kind, document, f"{where}[{index}]")
    return found


def _check_descriptor(raw: Any) -> tuple[dict[str, Any] | None, list[Problem]]:
    if type(raw) is not dict:
        return None, [
            Problem(
                DESCRIPTOR, f"expected an object, got {describe_json(raw)}", ProblemCode.PACKAGE
            )
        ]
    problems = [
        Problem(
            f"{DESCRIPTOR}.{key}",
            f"expected text, got {describe_json(raw.get(key))}",
            ProblemCode.PACKAGE,
        )
        for key in ("name", "version")
        if key in raw and type(raw[key]) is not str
    ]
    return raw, problems


def _check_redirects(raw: object, where: str) -> tuple[dict[str, str], list[Problem]]:
    """``[{"id": old, "to": new}, ...]`` -> {old: new}. Why an ID was retired belongs in the
    dataset's changelog."""
    if type(raw) is not list:
        return {}, [
            Problem(
                where, f"expected a list of redirects, got {describe_json(raw)}", ProblemCode.TYPE
            )
        ]
    redirects: dict[str, str] = {}
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        at = f"{where}[{index}]"
        if type(item) is not dict:
            problems.append(
                Problem(at, f"expected an object, got {describe_json(item)}", ProblemCode.TYPE)
            )
            continue
        extra = sorted(set(item) - {"id", "to"})
        problems += [
            Problem(f"{at}.{k}", "unknown field", ProblemCode.UNKNOWN_FIELD) for k in extra
        ]
        for key in ("id", "to"):
            value = item.get(key)
            if not isinstance(value, str) or not is_valid_id(value):
                problems.append(
                    Problem(
                        f"{at}.{key}",
                        f"expected an id, got {describe_json(value)}",
                        ProblemCode.VALUE,
                    )
                )
        old, new = item.get("id"), item.get("to")
        if isinstance(old, str) and isinstance(new, str):
            if old in redirects:
                problems.append(
                    Problem(f"{at}.id", f"{old!r} is redirected twice", ProblemCode.INTEGRITY)
                )
            redirects[old] = new
    return redirects, problems
