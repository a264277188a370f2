"""Reading datasets: the bundled ones by name, and folders in the same format.

A dataset folder holds ``datapackage.json`` (name, version, resources) and one JSON file per
record kind (``events.json``: a list of records). Reading is all or nothing: every problem in
every file is collected, and one :class:`~rightsdata.InvalidDataError` lists them all.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds is rightsdata.load()
True
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from rightsdata._resources import datasets_root
from rightsdata.convert import describe_json, structure_many
from rightsdata.dataset import Dataset
from rightsdata.errors import InvalidDataError, Problem, ProblemCode
from rightsdata.integrity import check_integrity
from rightsdata.model import KINDS, Record

__all__ = ["DESCRIPTOR", "datasets", "load", "read_folder"]

DESCRIPTOR = "datapackage.json"
_BOM = b"\xef\xbb\xbf"

_cache: dict[str, Dataset] = {}
_cache_lock = threading.Lock()


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


def read_folder(folder: Traversable | Path, *, label: str | None = None) -> Dataset:
    """Read, structure and check a dataset folder; raise InvalidDataError listing every problem."""
    what = label or str(folder)
    problems: list[Problem] = []
    descriptor: dict[str, Any] | None = None
    if folder.joinpath(DESCRIPTOR).is_file():
        raw, found = read_json(folder.joinpath(DESCRIPTOR), DESCRIPTOR)
        problems += found
        if raw is not None:
            descriptor, found = _check_descriptor(raw)
            problems += found
    records: dict[str, list[Record]] = {}
    where: dict[str, str] = {}
    present = [kind for kind in KINDS if folder.joinpath(f"{kind}.json").is_file()]
    if not present:
        problems.append(
            Problem(
                what,
                f"no record files found; expected some of {', '.join(k + '.json' for k in KINDS)}",
                ProblemCode.MISSING,
            )
        )
    with _gc_paused():
        for kind in present:
            file_name = f"{kind}.json"
            where[kind] = file_name
            documents, found = read_json(folder.joinpath(file_name), file_name)
            problems += found
            if found:
                continue
            structured, found = structure_many(kind, documents, file_name)
            records[kind] = structured
            problems += found
    if not problems:
        problems += check_integrity(records, where)
    if problems:
        raise InvalidDataError(problems, what)
    return Dataset(
        records,
        name=descriptor.get("name") if descriptor else None,
        version=descriptor.get("version") if descriptor else None,
        descriptor=descriptor,
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed: JSON has no NaN or Infinity")


def read_json(file: Traversable | Path, label: str) -> tuple[Any, list[Problem]]:
    """Parse one JSON file strictly: UTF-8, no byte-order mark, no NaN or Infinity."""
    data = file.read_bytes()
    if data.startswith(_BOM):
        return None, [
            Problem(
                label,
                "starts with a byte-order mark; save it as UTF-8 without a BOM",
                ProblemCode.SYNTAX,
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                label,
                f"is not UTF-8: byte {exc.start} is {data[exc.start]:#04x}",
                ProblemCode.SYNTAX,
            )
        ]
    if not text.strip():
        return None, [Problem(label, "is empty; expected JSON", ProblemCode.SYNTAX)]
    try:
        return json.loads(text, parse_constant=_reject_constant), []
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


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building many small objects triggers the cyclic collector over and over; the records
    # hold no cycles, so pausing it during a bulk read only saves time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
