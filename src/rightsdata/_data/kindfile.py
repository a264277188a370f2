"""Checking one kind's file on its own (``rightsdata validate events.json``; internal).

A kind file (``events.json``: a list of events) is checked as its kind: every record, field
by field, then the integrity of the records among themselves (duplicate IDs, an event that is
part of another event of the file that does not exist, cycles). References to records of
*other* kinds (an event's participants, its sources) cannot be checked without their files:
they are counted and reported as not checked, never as dangling.

>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "places.json").write_text(json.dumps([{"id": "place:x", "name": "X",
...     "aliases": [], "kind": "city", "country": None, "within": None,
...     "citations": [{"source": "source:s", "locator": None, "quote": None, "fields": None}],
...     "inferred": []}]))
>>> check = check_kind_file(folder / "places.json")
>>> check.kind, check.records, check.problems, check.unchecked
('places', 1, [], {'sources': 1})
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

from pathlib import Path

import attrs

from rightsdata._data.loading import DEFAULT_MAX_BYTES, check_max_bytes, filed, read_json
from rightsdata._model.records import KINDS
from rightsdata._values.errors import Problem, ProblemCode
from rightsdata._values.ids import KIND_OF_PREFIX, prefix_of

__all__ = ["KindFileCheck", "check_kind_file", "kind_of_file"]


@attrs.frozen
class KindFileCheck:
    """What checking a kind file found."""

    kind: str
    records: int  #: how many records the file holds (0 if it could not be read)
    problems: list[Problem]
    unchecked: dict[str, int]  #: references to other kinds, not checked: kind -> how many


def kind_of_file(path: Path) -> str | None:
    """The kind a file is named for (``events.json`` -> ``'events'``), if it is one."""
    kind = path.name.removesuffix(".json")
    return kind if path.suffix == ".json" and kind in KINDS else None


def check_kind_file(
    path: Path, *, schema: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False
) -> KindFileCheck:
    """Check ``path``, a file named for its kind (``events.json``), as that kind alone;
    ``strict=True`` runs the strict checks on its records too (those that need a record of
    another kind, a rating's place, pass what they cannot look up)."""
    check = _check(path, schema=schema, max_bytes=max_bytes, strict=strict)
    return attrs.evolve(check, problems=filed(check.problems, [path.name]))


def _check(path: Path, *, schema: bool, max_bytes: int, strict: bool) -> KindFileCheck:
    from rightsdata._validation.convert import structure_many
    from rightsdata._validation.integrity import check_integrity, dangling_target

    check_max_bytes(max_bytes)
    kind = kind_of_file(path)
    if kind is None:
        raise ValueError(f"{path.name} is not named for a record kind ({', '.join(KINDS)})")
    name = path.name
    documents, problems = read_json(path, name, max_bytes)
    if problems:
        return KindFileCheck(kind, 0, problems, {})
    count = len(documents) if isinstance(documents, list) else 0
    if schema and isinstance(documents, list):
        from rightsdata._data.loading import _schema_problems

        problems += _schema_problems(kind, documents, name)
    records, found = structure_many(kind, documents, name)
    problems += found
    if schema:
        from rightsdata._data.loading import schema_finds_alone

        problems = schema_finds_alone(problems)
    if problems:
        return KindFileCheck(kind, count, problems, {})
    unchecked: dict[str, int] = {}
    for problem in check_integrity({kind: records}, {kind: name}):
        target = dangling_target(problem.message)
        target_kind = KIND_OF_PREFIX.get(prefix_of(target)) if target is not None else None
        if problem.code == ProblemCode.INTEGRITY and target_kind not in (None, kind):
            unchecked[str(target_kind)] = unchecked.get(str(target_kind), 0) + 1
        else:
            problems.append(problem)
    if strict:
        from rightsdata._validation.strict import check_strict

        problems += check_strict({kind: records}, {kind: name})
    return KindFileCheck(kind, count, problems, dict(sorted(unchecked.items())))
