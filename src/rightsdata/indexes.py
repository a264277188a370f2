"""The lookups behind a dataset's queries: built lazily, once, thread-safely; never rebuilt.

:class:`Indexes` holds one lazily built value per index. The first query that needs an index
builds it under a lock (checked again once the lock is held, so concurrent first calls build
it once); every later call reads it without locking. A dataset is immutable, so an index is
never rebuilt or invalidated.

The indexes:

* ``by_id``: every record by ID;
* ``events`` (:class:`EventIndex`): every event's rank in date order, and postings (the
  events, as sorted ranks plus a set) by actor (participant or charged), by role, by kind,
  and by place, where an event is posted under each of its places and
  every place that contains them (``within``, transitively); plus :class:`DateIndex` for
  windows;
* ``search``: the normalised names and aliases of persons, organisations and places, and
  each law's "<instrument> article <n> [part <m>]" (law titles describe rather than name,
  and are not searched);
* ``sources``: the records citing each source;
* ``references``: the relationships, events, statements and ratings naming each record;
* ``ratings``: each country's ratings in date order, with their start days for bisection.

>>> import rightsdata
>>> events = rightsdata.load()._answers()._indexes.events()   # built on first use
>>> len(events.order) == len(rightsdata.load().events)
True
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Generic, TypeVar

import attrs

from rightsdata._gcpause import gc_paused
from rightsdata.dates import EDTF
from rightsdata.model import (
    KINDS,
    Event,
    Law,
    Organization,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Statement,
)
from rightsdata.search import SearchEntry

__all__ = [
    "NEG",
    "POS",
    "DateIndex",
    "EventIndex",
    "Indexes",
    "Posting",
    "RatingIndex",
    "bounds",
    "date_order",
]

T = TypeVar("T")

#: Stand-ins for a missing bound: below / above every date ordinal (as in EDTF.sort_key).
NEG: Final = -sys.maxsize - 1
POS: Final = sys.maxsize
# The bounds an undated event gets in EventIndex: outside every window, even an open one.
UNDATED_FIRST: Final = POS + 1
UNDATED_LAST: Final = NEG - 1


def bounds(date: EDTF) -> tuple[int, int]:
    """(first, last) day ordinals a date could cover; an open or unknown side is NEG / POS.

    These are the bounds :meth:`EDTF.overlaps` uses.

    >>> bounds(EDTF("2012"))
    (734503, 734868)
    """
    key = date.sort_key()
    return key[0], key[1]


def date_order(date: EDTF | None, record_id: str) -> tuple[int, tuple[int, int, str], str]:
    """The sort key of a dated record: by :meth:`EDTF.sort_key`, undated last, then by ID.

    >>> sorted(["b", "a"], key=lambda i: date_order(None if i == "a" else EDTF("2012"), i))
    ['b', 'a']
    """
    if date is None:
        return (1, (0, 0, ""), record_id)
    return (0, date.sort_key(), record_id)


class _Lazy(Generic[T]):
    """A value built on first use, under a lock shared by all the indexes of one dataset."""

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[], T], lock: threading.RLock) -> None:
        self._build = build
        self._lock = lock
        self._value: T | None = None

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    with gc_paused():  # an index of 100,000 events is a million objects
                        value = self._value = self._build()
        return value


class Posting:
    """The events under one key: their ranks, ascending (= date order), and as a set.

    A plain immutable class rather than attrs, and the set is built on first use: an index
    of 100,000 events holds about 185,000 postings, most never intersected.
    """

    __slots__ = ("_members", "ranks")

    ranks: tuple[int, ...]
    _members: frozenset[int] | None

    def __init__(self, ranks: tuple[int, ...], members: frozenset[int] | None = None) -> None:
        object.__setattr__(self, "ranks", ranks)
        object.__setattr__(self, "_members", members)

    @property
    def members(self) -> frozenset[int]:
        """The ranks as a set, for membership tests and intersections."""
        members = self._members
        if members is None:
            members = frozenset(self.ranks)
            object.__setattr__(self, "_members", members)
        return members

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Posting is immutable: cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Posting) and other.ranks == self.ranks

    def __hash__(self) -> int:
        return hash(self.ranks)

    def __repr__(self) -> str:
        return f"Posting({self.ranks!r})"

    @classmethod
    def of(cls, ranks: Iterable[int]) -> Posting:
        """A posting from ranks in any order (duplicates are dropped)."""
        unique = frozenset(ranks)
        return cls(tuple(sorted(unique)), unique)

    @classmethod
    def of_ascending(cls, ranks: Sequence[int]) -> Posting:
        """A posting from ranks in ascending order, perhaps repeated.

        >>> Posting.of_ascending([1, 1, 4]).ranks, 4 in Posting.of_ascending([1, 4]).members
        ((1, 4), True)
        """
        if len(ranks) == 1:
            return cls((ranks[0],))
        return cls(tuple(dict.fromkeys(ranks)))


EMPTY: Final = Posting(())


@attrs.frozen
class _Bucket:
    """Dated events whose span (last - first day) is at most ``max_span``, sorted by first."""

    max_span: int
    firsts: list[int]
    lasts: list[int]
    ranks: list[int]


@attrs.frozen
class DateIndex:
    """The events' dates for window queries (overlap of closed day ranges).

    ``keys`` is the sorted list of ``(EDTF.sort_key(), event ID)`` of the dated events.
    Windows are answered from buckets of events of similar span (powers of two days), each
    sorted by first day: an event overlapping ``[lo, hi]`` in a bucket of spans up to ``s``
    starts in ``[lo - s, hi]``, found by bisection. Events with an open or unknown side are
    kept apart: those with no first day sorted by last day, those with no last day by first
    day, those with neither matched always. A query costs O(buckets x log n + candidates).
    """

    keys: list[tuple[tuple[int, int, str], str]]
    buckets: tuple[_Bucket, ...]
    no_first_lasts: list[int]  # sorted last days of events with no first day
    no_first_ranks: list[int]
    no_last_firsts: list[int]  # sorted first days of events with no last day
    no_last_ranks: list[int]
    unbounded: tuple[int, ...]  # events with neither bound

    @classmethod
    def build(cls, events: Sequence[tuple[int, Event]]) -> DateIndex:
        """Index ``(rank, event)`` pairs; undated events are left out."""
        by_span: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        no_first: list[tuple[int, int]] = []
        no_last: list[tuple[int, int]] = []
        unbounded: list[int] = []
        keys = []
        for rank, event in events:
            if event.date is None:
                continue
            keys.append((event.date.sort_key(), event.id))
            first, last = bounds(event.date)
            if first == NEG and last == POS:
                unbounded.append(rank)
            elif first == NEG:
                no_first.append((last, rank))
            elif last == POS:
                no_last.append((first, rank))
            else:
                by_span[(last - first).bit_length()].append((first, last, rank))
        buckets = []
        for bits, items in sorted(by_span.items()):
            items.sort()
            buckets.append(
                _Bucket(
                    max_span=(1 << bits) - 1,
                    firsts=[i[0] for i in items],
                    lasts=[i[1] for i in items],
                    ranks=[i[2] for i in items],
                )
            )
        no_first.sort()
        no_last.sort()
        keys.sort()
        return cls(
            keys=keys,
            buckets=tuple(buckets),
            no_first_lasts=[i[0] for i in no_first],
            no_first_ranks=[i[1] for i in no_first],
            no_last_firsts=[i[0] for i in no_last],
            no_last_ranks=[i[1] for i in no_last],
            unbounded=tuple(unbounded),
        )

    def estimate(self, lo: int, hi: int) -> int:
        """An upper bound on the number of events overlapping ``[lo, hi]``, in O(log n)."""
        total = len(self.unbounded)
        total += len(self.no_first_lasts) - bisect_left(self.no_first_lasts, lo)
        total += bisect_right(self.no_last_firsts, hi)
        for bucket in self.buckets:
            firsts = bucket.firsts
            total += bisect_right(firsts, hi) - bisect_left(firsts, lo - bucket.max_span)
        return total

    def overlapping(self, lo: int, hi: int) -> Iterator[int]:
        """The ranks of the events whose date overlaps ``[lo, hi]``, in no particular order."""
        yield from self.unbounded
        lasts = self.no_first_lasts
        yield from self.no_first_ranks[bisect_left(lasts, lo) :]
        yield from self.no_last_ranks[: bisect_right(self.no_last_firsts, hi)]
        for bucket in self.buckets:
            firsts = bucket.firsts
            start = bisect_left(firsts, lo - bucket.max_span)
            stop = bisect_right(firsts, hi)
            bucket_lasts, ranks = bucket.lasts, bucket.ranks
            for i in range(start, stop):
                if bucket_lasts[i] >= lo:
                    yield ranks[i]


@attrs.frozen
class EventIndex:
    """Every event by rank (its position in date order), with postings per key.

    ``order`` is the events in date order: by :meth:`EDTF.sort_key` (first possible day,
    then last possible day, then the date's text), undated events last, ties by ID.
    ``firsts`` / ``lasts`` give each rank's possible bounds (open or unknown sides NEG / POS);
    an undated event has ``POS + 1`` / ``NEG - 1``, so that no window overlaps it.
    Roles and kinds are keyed by their string values (``"victim"``): hashing a str is
    cheaper than hashing an enum member.
    """

    order: tuple[Event, ...]
    rank: dict[str, int]
    firsts: list[int]
    lasts: list[int]
    by_actor: dict[str, Posting]
    by_role: dict[str, Posting]
    by_kind: dict[str, Posting]
    by_place: dict[str, Posting]
    dates: DateIndex

    @classmethod
    def build(
        cls, events: Iterable[Event], containers: Mapping[str, tuple[str, ...]]
    ) -> EventIndex:
        """Index ``events``; ``containers`` maps a place to every place containing it."""
        order = tuple(sorted(events, key=lambda e: date_order(e.date, e.id)))
        firsts: list[int] = []
        lasts: list[int] = []
        actor: dict[str, list[int]] = defaultdict(list)
        role: dict[str, list[int]] = defaultdict(list)
        kind: dict[str, list[int]] = defaultdict(list)
        place: dict[str, list[int]] = defaultdict(list)
        for rank, event in enumerate(order):
            if event.date is None:
                firsts.append(UNDATED_FIRST)
                lasts.append(UNDATED_LAST)
            else:
                first, last = bounds(event.date)
                firsts.append(first)
                lasts.append(last)
            kind[event.kind._value_].append(rank)  # _value_: no descriptor call (see above)
            for participant in event.participants:
                role_name = participant.role._value_
                actor[participant.actor].append(rank)
                role[role_name].append(rank)
            for charge in event.charges:
                actor[charge.against].append(rank)
            for place_id in event.places:
                place[place_id].append(rank)
                for container in containers.get(place_id, ()):
                    place[container].append(rank)

        def postings(lists: Mapping[T, list[int]]) -> dict[T, Posting]:
            return {key: Posting.of_ascending(ranks) for key, ranks in lists.items()}

        return cls(
            order=order,
            rank={e.id: i for i, e in enumerate(order)},
            firsts=firsts,
            lasts=lasts,
            by_actor=postings(actor),
            by_role=postings(role),
            by_kind=postings(kind),
            by_place=postings(place),
            dates=DateIndex.build(list(enumerate(order))),
        )


@attrs.frozen
class RatingIndex:
    """Ratings in date order (by ``as_of``), overall and per country, with start days."""

    order: tuple[Rating, ...]
    by_country: dict[str, tuple[Rating, ...]]
    starts: dict[str, list[int]]  # per country, each rating's first possible day (sorted)

    @classmethod
    def build(cls, ratings: Iterable[Rating]) -> RatingIndex:
        """Index ``ratings``."""
        order = tuple(sorted(ratings, key=lambda r: (r.as_of.sort_key(), r.id)))
        grouped: dict[str, list[Rating]] = defaultdict(list)
        for rating in order:
            grouped[rating.country].append(rating)
        return cls(
            order=order,
            by_country={k: tuple(v) for k, v in grouped.items()},
            starts={k: [bounds(r.as_of)[0] for r in v] for k, v in grouped.items()},
        )


@attrs.frozen
class References:
    """The records of four kinds that name a record (for ``Dataset.related``)."""

    relationships: tuple[Relationship, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    ratings: tuple[Rating, ...] = ()


def _referenced(record: Record) -> set[str]:
    """The IDs a relationship, event, statement or rating names (citations aside)."""
    if isinstance(record, Relationship):
        return {record.subject, record.object}
    if isinstance(record, Event):
        found = {p.actor for p in record.participants}
        found.update(c.against for c in record.charges)
        found.update(c.provision for c in record.charges)
        found.update(record.places)
        found.update(f.asserted_by for f in record.figures if f.asserted_by is not None)
        if record.part_of is not None:
            found.add(record.part_of)
        return found
    if isinstance(record, Statement):
        return {record.speaker, *record.addressed_to, *record.about}
    if isinstance(record, Rating):
        return {record.country, record.rated_by}
    return set()


class Indexes:
    """All the lazily built indexes of one dataset's records (see the module docstring)."""

    __slots__ = (
        "_by_id",
        "_containers",
        "_events",
        "_lock",
        "_ratings",
        "_records",
        "_references",
        "_search",
        "_sources",
    )

    def __init__(self, records: Mapping[str, Sequence[Record]]) -> None:
        """``records``: each kind's records, sorted by ID (as the collections hold them)."""
        self._records = records
        lock = self._lock = threading.RLock()
        self._by_id = _Lazy(self._build_by_id, lock)
        self._containers = _Lazy(self._build_containers, lock)
        self._events = _Lazy(self._build_events, lock)
        self._search = _Lazy(self._build_search, lock)
        self._sources = _Lazy(self._build_sources, lock)
        self._references = _Lazy(self._build_references, lock)
        self._ratings = _Lazy(self._build_ratings, lock)

    # -- accessors ------------------------------------------------------------------------

    def by_id(self) -> dict[str, Record]:
        """Every record by ID."""
        return self._by_id.get()

    def containers(self) -> dict[str, tuple[str, ...]]:
        """Each place's containing places, nearest first (``within``, transitively)."""
        return self._containers.get()

    def events(self) -> EventIndex:
        """The event index."""
        index: EventIndex = self._events.get()
        return index

    def search(self) -> tuple[SearchEntry, ...]:
        """The searchable names."""
        return self._search.get()

    def sources(self) -> dict[str, tuple[Record, ...]]:
        """The records citing each source (record-level or figure citations), kind then ID."""
        return self._sources.get()

    def references(self) -> dict[str, References]:
        """The relationships, events, statements and ratings naming each record."""
        return self._references.get()

    def ratings(self) -> RatingIndex:
        """The rating index."""
        return self._ratings.get()

    # -- builders -------------------------------------------------------------------------

    def _build_by_id(self) -> dict[str, Record]:
        return {r.id: r for kind in KINDS for r in self._records.get(kind, ())}

    def _build_containers(self) -> dict[str, tuple[str, ...]]:
        within: dict[str, str | None] = {p.id: p.within for p in self._places()}
        result: dict[str, tuple[str, ...]] = {}
        for place_id in within:
            chain: list[str] = []
            seen = {place_id}
            parent = within.get(place_id)
            while parent is not None and parent not in seen:  # a cycle stops the walk
                chain.append(parent)
                seen.add(parent)
                parent = within.get(parent)
            result[place_id] = tuple(chain)
        return result

    def _places(self) -> Sequence[Place]:
        places: Sequence[Place] = self._records.get("places", ())  # type: ignore[assignment]
        return places

    def _build_events(self) -> EventIndex:
        events: Sequence[Event] = self._records.get("events", ())  # type: ignore[assignment]
        index: EventIndex = EventIndex.build(events, self.containers())
        return index

    def _build_search(self) -> tuple[SearchEntry, ...]:
        entries: list[SearchEntry] = []
        for order, kind in enumerate(KINDS):
            for record in self._records.get(kind, ()):
                for name, is_alias in _names(record):
                    entries.append(SearchEntry.of(record.id, order, name, is_alias))
        return tuple(entries)

    def _build_sources(self) -> dict[str, tuple[Record, ...]]:
        citing: dict[str, list[Record]] = defaultdict(list)
        for kind in KINDS:
            for record in self._records.get(kind, ()):
                cited = {c.source for c in getattr(record, "citations", ())}
                for figure in getattr(record, "figures", ()):
                    cited.update(c.source for c in figure.citations)
                for source in cited:
                    citing[source].append(record)
        return {source: tuple(records) for source, records in citing.items()}

    def _build_references(self) -> dict[str, References]:
        found: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for kind in ("relationships", "events", "statements", "ratings"):
            for record in self._records.get(kind, ()):
                for target in _referenced(record):
                    if target != record.id:
                        found[target][kind].append(record)

        def dated(records: list[Any], field: str) -> tuple[Any, ...]:
            return tuple(sorted(records, key=lambda r: date_order(getattr(r, field), r.id)))

        return {
            target: References(
                relationships=dated(kinds["relationships"], "start"),
                events=dated(kinds["events"], "date"),
                statements=dated(kinds["statements"], "date"),
                ratings=dated(kinds["ratings"], "as_of"),
            )
            for target, kinds in found.items()
        }

    def _build_ratings(self) -> RatingIndex:
        ratings: Sequence[Rating] = self._records.get("ratings", ())  # type: ignore[assignment]
        return RatingIndex.build(ratings)


def _names(record: Record) -> Iterator[tuple[str, bool]]:
    """The searchable names of a record: (name, is_alias)."""
    if isinstance(record, Person | Organization | Place):
        yield record.name, False
        for alias in record.aliases:
            yield alias.name, True
    elif isinstance(record, Law):
        part = f" part {record.part}" if record.part else ""
        yield f"{record.instrument} article {record.article}{part}", False
