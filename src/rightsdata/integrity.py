"""Integrity across records: what no single record can check on its own.

- every ID is unique across all kinds;
- every reference resolves to a record (the reference's prefix, already checked by the model,
  then guarantees the kind the field expects);
- every citation names a known source (a citation's source is a reference like any other);
- ``part_of`` chains end, without cycles;
- a rating's ``previous`` level matches the rating before it (same country and scale, by date).

Problems are located like the converter's: ``events.json[3].participants[0].actor``.

>>> from rightsdata.integrity import check_integrity
>>> check_integrity({}, {})
[]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from rightsdata._typing import field_hints, nested_part
from rightsdata._validators import REF
from rightsdata.errors import Problem, ProblemCode
from rightsdata.model import Event, Rating, Record, Relationship

__all__ = ["check_integrity"]


class _FieldPlan(NamedTuple):  # not attrs: an attrs class costs ~1 ms to build at import
    name: str
    prefixes: tuple[str, ...] | None  # a reference field
    nested: type | None  # the attrs class of the nested part(s) it holds
    many: bool  # a tuple of references or of nested parts


_plans: dict[type, tuple[_FieldPlan, ...]] = {}


def _plan(cls: type) -> tuple[_FieldPlan, ...]:
    """Which fields of ``cls`` hold references or nested parts (computed once per class)."""
    cached = _plans.get(cls)
    if cached is not None:
        return cached
    hints = field_hints(cls)
    plan = []
    for field in attrs.fields(cls):
        if field.name == "id":
            continue
        prefixes = field.metadata.get(REF)
        nested, many = nested_part(hints[field.name])
        if prefixes is not None or nested is not None:
            plan.append(_FieldPlan(field.name, prefixes, nested, many))
    result = _plans[cls] = tuple(plan)
    return result


Collector = Callable[[Any, Callable[[str], None], Callable[[Iterable[str]], None]], None]
_collectors: dict[type, Collector] = {}


def _collector(cls: type) -> Collector:
    """A function ``(record, add, extend)`` passing every ID the record refers to (generated
    once per class, with the nested parts inlined: the cheap first pass over every record)."""
    collect = _collectors.get(cls)
    if collect is None:
        lines = ["def collect(o0, add, extend):", *(_collect_lines(cls, 0) or ["    pass"])]
        namespace: dict[str, Any] = {}
        exec(
            compile("\n".join(lines), f"<rightsdata references of {cls.__name__}>", "exec"),
            namespace,
        )
        collect = _collectors[cls] = namespace["collect"]
    return collect


def _collect_lines(cls: type, depth: int) -> list[str]:
    pad, obj, inner = "    " * (depth + 1), f"o{depth}", f"o{depth + 1}"
    lines: list[str] = []
    for step in _plan(cls):
        value = f"{obj}.{step.name}"
        if step.nested is not None:
            body = _collect_lines(step.nested, depth + 1)
            if not body:
                continue
            if step.many:
                lines.append(f"{pad}for {inner} in {value}:")
            else:
                lines += [f"{pad}{inner} = {value}", f"{pad}if {inner} is not None:"]
            lines += body
        elif step.many:
            lines.append(f"{pad}extend({value})")
        else:
            lines.append(f"{pad}add({value})")  # None too: the caller discards it
    return lines


def _references(obj: Any, path: str) -> Iterator[tuple[str, str]]:
    """(location, referenced id) for every reference inside ``obj``."""
    for step in _plan(type(obj)):
        value = getattr(obj, step.name)
        if value is None:
            continue
        where = f"{path}.{step.name}"
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if step.nested is not None:
                    yield from _references(item, f"{where}[{index}]")
                else:
                    yield f"{where}[{index}]", item
        elif step.nested is not None:
            yield from _references(value, where)
        else:
            yield where, value


Where = str | Sequence[str]


def _locate(where: Mapping[str, Where], kind: str, index: int) -> str:
    label = where.get(kind, kind)
    return f"{label}[{index}]" if isinstance(label, str) else label[index]


def check_integrity(
    records: Mapping[str, Sequence[Record]],
    where: Mapping[str, Where],
    redirects: Mapping[str, str] | None = None,
    redirects_where: str = "redirects",
    *,
    ids: Mapping[str, Collection[str]] | None = None,
) -> list[Problem]:
    """Every integrity problem among ``records`` (kind -> records in file order).

    ``where`` maps a kind to the name its records are located by (``'events.json'``, giving
    ``events.json[3]``), or to one location per record (JSON Lines: ``data.jsonl:12``).
    ``redirects`` (old ID -> new ID) must lead to existing records of the same kind.
    ``ids`` may give, for some kinds, every ID their records hold (their own and every one
    they name), as the fast path gathers them; those records' references are not walked again.
    """
    own = {kind: [record.id for record in items] for kind, items in records.items()}
    known = set(itertools.chain.from_iterable(own.values()))
    problems: list[Problem] = []
    if len(known) != sum(map(len, own.values())):
        problems += _duplicates(own, where)
    problems += _dangling(records, where, known, ids or {})
    for index, record in enumerate(records.get("relationships", ())):
        if isinstance(record, Relationship) and record.subject == record.object:
            problems.append(
                Problem(
                    f"{_locate(where, 'relationships', index)}.object",
                    "a relationship's subject and object are the same record",
                    ProblemCode.INTEGRITY,
                )
            )
    problems += _part_of_cycles(records.get("events", ()), where)
    problems += _rating_sequences(records.get("ratings", ()), where)
    problems += _redirect_problems(redirects or {}, own, where, redirects_where)
    return problems


def _duplicates(own: Mapping[str, list[str]], where: Mapping[str, Where]) -> list[Problem]:
    """A problem for every use of an ID after its first."""
    problems: list[Problem] = []
    first_at = _first_places(own)
    for kind, record_ids in own.items():
        for index, record_id in enumerate(record_ids):
            first = first_at[record_id]
            if first != (kind, index):
                problems.append(
                    Problem(
                        f"{_locate(where, kind, index)}.id",
                        f"{record_id!r} is used twice; first at {_locate(where, *first)}",
                        ProblemCode.INTEGRITY,
                    )
                )
    return problems


def _first_places(own: Mapping[str, list[str]]) -> dict[str, tuple[str, int]]:
    """Where each ID is first used: (kind, index)."""
    first_at: dict[str, tuple[str, int]] = {}
    for kind, record_ids in own.items():
        for index, record_id in enumerate(record_ids):
            first_at.setdefault(record_id, (kind, index))
    return first_at


def _dangling(
    records: Mapping[str, Sequence[Record]],
    where: Mapping[str, Where],
    known: set[str],
    ids: Mapping[str, Collection[str]],
) -> list[Problem]:
    """A problem for every reference to an ID that no record has."""
    targets: list[str] = []
    add, extend = targets.append, targets.extend
    named: set[str] = set()
    for kind, items in records.items():
        gathered = ids.get(kind)
        if gathered is not None:
            named.update(gathered)
            continue
        for record in items:
            _collector(type(record))(record, add, extend)
    missing = named.union(targets).difference(known)
    missing.discard(None)  # optional references that are null
    if not missing:
        return []
    # Locate them (rare, so the location strings are built only now).
    problems: list[Problem] = []
    for kind, items in records.items():
        for index, record in enumerate(items):
            for location, target in _references(record, _locate(where, kind, index)):
                if target in missing:
                    problems.append(
                        Problem(location, f"{target!r} does not exist", ProblemCode.INTEGRITY)
                    )
    return problems


def _redirect_problems(
    redirects: Mapping[str, str],
    own: Mapping[str, list[str]],
    where_records: Mapping[str, Where],
    label: str,
) -> list[Problem]:
    if not redirects:
        return []
    located = _first_places(own)
    problems: list[Problem] = []
    for index, (old, new) in enumerate(redirects.items()):
        where = f"{label}[{index}]"
        if old in located:
            problems.append(
                Problem(
                    f"{where}.id",
                    f"{old!r} is still the id of a record "
                    f"({_locate(where_records, *located[old])}); a redirect "
                    "replaces a retired id",
                    ProblemCode.INTEGRITY,
                )
            )
        target, seen = new, {old}
        while target in redirects and target not in seen:
            seen.add(target)
            target = redirects[target]
        if target in seen:
            problems.append(Problem(f"{where}.to", "redirects form a cycle", ProblemCode.INTEGRITY))
        elif target not in located:
            problems.append(
                Problem(f"{where}.to", f"{target!r} does not exist", ProblemCode.INTEGRITY)
            )
        elif old.partition(":")[0] != target.partition(":")[0]:
            problems.append(
                Problem(
                    f"{where}.to",
                    f"{old!r} redirects to {target!r}, a record of another kind",
                    ProblemCode.INTEGRITY,
                )
            )
    return problems


def _part_of_cycles(events: Sequence[Record], where: Mapping[str, Where]) -> list[Problem]:
    parent = {e.id: e.part_of for e in events if isinstance(e, Event) and e.part_of}
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in parent:
        seen = [start]
        current = parent.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parent.get(current)
        if current is not None and start == current and start not in reported:
            cycle = seen[seen.index(current) :]
            reported.update(cycle)
            index = next(i for i, event in enumerate(events) if event.id == start)
            problems.append(
                Problem(
                    f"{_locate(where, 'events', index)}.part_of",
                    "part_of forms a cycle: " + " -> ".join([*cycle, current]),
                    ProblemCode.INTEGRITY,
                )
            )
    return problems


def _rating_sequences(ratings: Sequence[Record], where: Mapping[str, Where]) -> list[Problem]:
    series: dict[tuple[str, str], list[tuple[int, Rating]]] = {}
    for index, rating in enumerate(ratings):
        if isinstance(rating, Rating):
            series.setdefault((rating.country, rating.scale.value), []).append((index, rating))
    problems: list[Problem] = []
    for entries in series.values():
        entries.sort(key=lambda pair: pair[1].as_of.sort_key())
        for (_, before), (index, after) in itertools.pairwise(entries):
            if after.previous is not None and after.previous is not before.level:
                problems.append(
                    Problem(
                        f"{_locate(where, 'ratings', index)}.previous",
                        f"says the level before was {after.previous.value!r}, but the rating "
                        f"before it ({before.id}, as of {before.as_of}) is "
                        f"{before.level.value!r}",
                        ProblemCode.INTEGRITY,
                    )
                )
    return problems
