"""Checking one kind's file on its own (``rightsdata validate events.json``; internal).

A kind file (``events.json``: a list of events) is checked as its kind: every record, field
by field, then the integrity of the records among themselves (duplicate IDs, an event that is
part of another event of the file that does not exist, cycles), and the strict checks if
asked. Where some records fail, the others are still checked, as a folder's load checks them,
and what could not be judged is said (``unjudged``). References to records of *other* kinds
(an event's participants, its sources) cannot be checked without their files: they are
counted and reported as not checked, never as dangling.

>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "places.json").write_text(json.dumps([{"id": "place:x", "name": "X",
...     "aliases": [], "kind": "city", "country": None, "within": None,
...     "citations": [{"source": "source:s", "locator": None, "quote": None, "fields": None}],
...     "inferred": []}]), encoding="utf-8")
>>> check = check_kind_file(folder / "places.json")
>>> check.kind, check.records, check.problems, check.unchecked
('places', 1, [], {'sources': 1})
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs

from rightsdata._data.loading import (
    DEFAULT_MAX_BYTES,
    DESCRIPTOR,
    ReadOptions,
    capped,
    check_max_bytes,
    check_max_problems,
    filed,
    read_kind_file,
    unsure,
)
from rightsdata._model.records import KINDS
from rightsdata._values.errors import Problem
from rightsdata._values.format import format_problems
from rightsdata._values.places import Places

__all__ = ["KindFileCheck", "check_kind_file", "kind_file_alone", "kind_of_file"]


@attrs.frozen
class KindFileCheck:
    """What checking a kind file found."""

    kind: str
    records: int  #: how many records the file holds (0 if it could not be read)
    problems: list[Problem]
    #: references to other kinds, not checked: kind -> how many, in the order of the kinds
    unchecked: dict[str, int]
    #: the kinds not checked in full (references to them, checks that need their records) among
    #: the file's records, because some of them failed (the file's own kind; ``ratings``
    #: for a sequence), in the order of the kinds, as :attr:`InvalidDataError.unchecked`
    unjudged: tuple[str, ...] = ()
    #: the ``max_problems`` the check stopped at (its file may have more problems), or None
    stopped_at: int | None = None

    @property
    def not_checked(self) -> tuple[str, ...]:
        """Every kind not checked: those the file refers to (``unchecked``) and those
        ``unjudged`` names, in the order of the kinds (``rightsdata.Problems.unchecked``)."""
        return tuple(k for k in KINDS if k in self.unchecked or k in self.unjudged)


def kind_of_file(path: Path) -> str | None:
    """The kind a file is named for (``events.json`` -> ``'events'``), if it is one."""
    kind = path.name.removesuffix(".json")
    return kind if path.suffix == ".json" and kind in KINDS else None


def kind_file_alone(path: Path) -> str | None:
    """The kind of ``path`` if it is to be checked alone, as its kind (``rightsdata
    validate``, ``rightsdata.validate``): named for its kind, and not a folder. Whatever is
    wrong with the path (no such file, a name too long, not a regular file) is a problem its
    check reports, in the words a load uses. A ``document`` export saved under a kind's
    name is known by its start (:func:`~rightsdata._data.folderfiles.shows_a_document`) and
    checked as the dataset it is, as :func:`rightsdata.load_path` reads it."""
    from rightsdata._data.folderfiles import shows_a_document

    kind = kind_of_file(path)
    if kind is None or os.path.isdir(path) or shows_a_document(path):
        return None
    return kind


def declared_beside(path: Path) -> int | None:
    """The format the ``datapackage.json`` beside ``path`` declares (1 where it declares
    none), if there is one that can be read and declares a format that can be; else None
    (a kind's file on its own, held to no format but the latest)."""
    from rightsdata._data.bytemarks import unmarked
    from rightsdata._validation.descriptor import declared_format

    beside = path.parent / DESCRIPTOR
    try:
        raw = json.loads(unmarked(beside.read_bytes())[0]) if beside.is_file() else None
    except (ValueError, RecursionError, OSError):  # (its own problems: the folder's load's)
        return None
    return declared_format(raw)


def check_kind_file(
    path: Path,
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    max_problems: int | None = None,
) -> KindFileCheck:
    """Check ``path``, a file named for its kind (``events.json``), as that kind alone;
    ``strict=True`` runs the strict checks on its records too (those that need a record of
    another kind, a rating's place, pass what they cannot look up). Where some records fail,
    the others are checked among themselves (and strictly) as a folder's load checks them,
    and ``unjudged`` names what could not be. ``max_problems``: stop at that many problems,
    as a load does (``stopped_at`` then says so)."""
    check = _check(
        path, schema=schema, max_bytes=max_bytes, strict=strict, max_problems=max_problems
    )
    return attrs.evolve(check, problems=filed(check.problems, [path.name]))


def _check(
    path: Path, *, schema: bool, max_bytes: int, strict: bool, max_problems: int | None
) -> KindFileCheck:
    from rightsdata._data.loading import _in_reading_order, _judged, _Parts
    from rightsdata._validation.integrity import check_integrity

    check_max_bytes(max_bytes)
    check_max_problems(max_problems)
    kind = kind_of_file(path)
    if kind is None:
        raise ValueError(f"{path.name} is not named for a record kind ({', '.join(KINDS)})")
    name = path.name
    options = ReadOptions(schema=schema, max_bytes=max_bytes, max_problems=max_problems)
    documents, marked, problems = read_kind_file(path, options)
    if problems:  # no record read: nothing among them was checked
        return KindFileCheck(kind, 0, marked + problems, {}, (kind,))
    count = len(documents) if isinstance(documents, list) else 0
    parts = _Parts(options)
    # (held to the format its folder's descriptor declares, as the folder's load holds it)
    parts.declared = declared_beside(path)
    parts.problems += marked  # (byte-order marks: its records are judged still)
    # (those that structure, if some fail: checked among themselves, as a folder's are)
    _judged(parts, kind, documents, Places(kind, name))
    problems = parts.problems
    if parts.declared is not None and not options.stopped:
        problems += format_problems(
            parts.records, parts.declared, DESCRIPTOR, parts.where, present=parts.where
        )
    if schema:
        from rightsdata._validation.restated import told_once

        problems = told_once(problems)
    if options.stopped:  # (max_problems: nothing across records is judged)
        problems = capped(_in_reading_order(problems), options)
        return KindFileCheck(kind, count, problems, {}, (), stopped_at=max_problems)
    partial, nameless = unsure(parts)
    unjudged: set[str] = set(partial)  # (records may be missing: none of theirs was judged)
    # references to the other kinds, whose records are elsewhere: counted, not reported,
    # every one whatever the cap (so they take none of its room, and the counts are whole)
    elsewhere: dict[str, int] = {other: 0 for other in KINDS if other != kind}
    problems += check_integrity(
        parts.records,
        parts.where,
        exists=parts.failed_ids,
        partial=partial,
        failed=parts.failed,
        nameless=nameless,
        unjudged=unjudged,
        elsewhere=elsewhere,
        # (one more than there is room for: more than the room says the rules stopped)
        limit=None if max_problems is None else max_problems - len(problems) + 1,
    )
    unchecked: dict[str, int] = {k: count for k, count in elsewhere.items() if count}
    if max_problems is not None and len(problems) >= max_problems:
        # (stopped among the rules, or, where exactly full, the strict checks not run)
        if len(problems) > max_problems or strict:
            options.stopped = True
    elif strict:
        from rightsdata._validation.strict import check_strict

        problems += check_strict(parts.records, parts.where, failed=parts.failed, unjudged=unjudged)
    problems = capped(_in_reading_order(problems), options)
    return KindFileCheck(
        kind,
        count,
        problems,
        unchecked,
        tuple(k for k in KINDS if k in unjudged),
        stopped_at=max_problems if options.stopped else None,
    )
