"""The lookups behind a dataset's queries: built lazily, once, thread-safely; never rebuilt.

:class:`Indexes` holds one lazily built value per index. The first query that needs an index
builds it under a lock (checked again once the lock is held, so concurrent first calls build
it once); every later call reads it without locking. A dataset is immutable, so an index is
never rebuilt or invalidated. Nothing here refers back to the :class:`~rightsdata.Dataset`
(the builders are functions of the records, not bound methods), so a dataset and its indexes
form no reference cycle and are freed as soon as the last reference goes.

The indexes:

* ``events`` (:class:`EventIndex`): the events in chronological order (see
  :func:`date_order`; each date's key computed once), each rank's possible first and last
  day, and postings (the events, as sorted ranks) by actor (participant or charged), by
  role, by kind, by the place they happened at, and by the other records they name (for
  ``related``), each family built by one pass the first time a query needs it; a place's
  events with those at places within it, and :class:`DateIndex` for windows, are derived
  from these on first use;
* ``search`` (:class:`~rightsdata._data.search.SearchIndex`): the normalised names, aliases,
  titles and summaries, with an inverted index of their words;
* ``sources``: the records citing each source;
* ``references``: the relationships, statements and ratings naming each record;
* ``ratings``: each country's ratings in date order, with their start days for bisection;
* ``countries``: the country place of each ISO 3166-1 alpha-2 code.

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
from operator import attrgetter
from typing import Any, Final, Generic, TypeVar

import attrs

from rightsdata._data.search import SearchIndex
from rightsdata._model.records import (
    KINDS,
    Event,
    Place,
    Rating,
    Record,
    Relationship,
    Statement,
)
from rightsdata._values.dates import EDTF
from rightsdata._values.gcpause import gc_paused
from rightsdata.vocab import PlaceKind

__all__ = [
    "NEG",
    "POS",
    "DateIndex",
    "EventIndex",
    "Indexes",
    "Posting",
    "RatingIndex",
    "bounds",
    "chronological_key",
    "date_order",
]

T = TypeVar("T")

#: Stand-ins for a missing bound: below / above every date ordinal (as in EDTF.sort_key).
NEG: Final = -sys.maxsize - 1
POS: Final = sys.maxsize
# The bounds an undated event gets in EventIndex: outside every window, even an open one.
UNDATED_FIRST: Final = POS + 1
UNDATED_LAST: Final = NEG - 1
# chronological_key packs (last day, single date?, -first day) into one int: last << _SHIFT,
# plus 2**66 for a single date, plus -first + 2**64, in [0, 2**65) for every first day.
_SHIFT: Final = 67
_SINGLE: Final = 1 << 66
_OFFSET: Final = 1 << 64
_UNDATED_KEY: Final = (POS + 2) << _SHIFT

_DATE: Final = attrgetter("date")
_ID: Final = attrgetter("id")
_KIND: Final = attrgetter("kind")
_PLACES: Final = attrgetter("places")


def bounds(date: EDTF) -> tuple[int, int]:
    """(first, last) day ordinals a date could cover; an open or unknown side is NEG / POS.

    These are the bounds :meth:`EDTF.overlaps` uses.

    >>> bounds(EDTF("2012"))
    (734503, 734868)
    """
    key = date.sort_key()
    return key[0], key[1]


def chronological_key(date: EDTF | None) -> tuple[int, str]:
    """Where a date sorts in a chronology: by its last possible day; on the same last day an
    interval before a single date, then the narrower first (the later first day), then the
    text; undated after every date.

    So a date sorts where it is sure to have happened: ``2020-06-15``, then ``2020-06`` (by
    30 June), then ``2020`` (by 31 December); a span that ends on a day (a trial
    ``/2012-10-08``) just before what happened that day (the verdict ``2012-10-08``); an open
    or unknown end after every closed one; ``2012`` just before ``2012?``. The days are
    packed into one int, so that sorting mostly compares ints.

    >>> days = ["2020", "2020-06", "2020-06-15", "2020-12-31", "2019/2020-06-15"]
    >>> sorted(days, key=lambda d: chronological_key(EDTF(d)))
    ['2019/2020-06-15', '2020-06-15', '2020-06', '2020-12-31', '2020']
    """
    if date is None:
        return (_UNDATED_KEY, "")
    first, last, text = date.sort_key()
    single = 0 if date.is_interval else _SINGLE
    return ((last << _SHIFT) + single + (_OFFSET - first), text)


def date_order(date: EDTF | None, record_id: str) -> tuple[tuple[int, str], str]:
    """The sort key of a dated record in a chronology: :func:`chronological_key`, then ID.

    >>> sorted(["b", "a"], key=lambda i: date_order(None if i == "a" else EDTF("2012"), i))
    ['b', 'a']
    """
    return (chronological_key(date), record_id)


class _Lazy(Generic[T]):
    """A value built on first use, under a lock shared by all the indexes of one dataset.

    ``build`` is a plain function of the owner (not a bound method, which would make the
    owner refer to itself through this object: a reference cycle).
    """

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[Indexes], T], lock: threading.RLock) -> None:
        self._build = build
        self._lock = lock
        self._value: T | None = None

    def get(self, owner: Indexes) -> T:
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    with gc_paused():  # an index of 100,000 events is many objects
                        value = self._value = self._build(owner)
        return value


class Posting:
    """The events under one key: their ranks, ascending (= date order), and as a set.

    A plain immutable class rather than attrs, and the set is built on first use: an index
    of 100,000 events holds thousands of postings, most never intersected.
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

    Windows are answered from buckets of events of similar span (powers of two days), each
    sorted by first day: an event overlapping ``[lo, hi]`` in a bucket of spans up to ``s``
    starts in ``[lo - s, hi]``, found by bisection. Events with an open or unknown side are
    kept apart: those with no first day sorted by last day, those with no last day by first
    day, those with neither matched always. A query costs O(buckets x log n + candidates).
    """

    buckets: tuple[_Bucket, ...]
    no_first_lasts: list[int]  # sorted last days of events with no first day
    no_first_ranks: list[int]
    no_last_firsts: list[int]  # sorted first days of events with no last day
    no_last_ranks: list[int]
    unbounded: tuple[int, ...]  # events with neither bound

    @classmethod
    def build(cls, firsts: Sequence[int], lasts: Sequence[int]) -> DateIndex:
        """Index each rank's ``(first, last)`` days; undated ranks (UNDATED_*) are left out."""
        by_span: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        no_first: list[tuple[int, int]] = []
        no_last: list[tuple[int, int]] = []
        unbounded: list[int] = []
        for rank, (first, last) in enumerate(zip(firsts, lasts, strict=True)):
            if first == UNDATED_FIRST:
                continue
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
        return cls(
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


def _postings(lists: Mapping[str, list[int]]) -> dict[str, Posting]:
    return {key: Posting.of_ascending(ranks) for key, ranks in lists.items()}


class EventIndex:
    """Every event by rank (its position in chronological order), with postings per key.

    ``order`` is the events in the order of :func:`date_order` (undated last, ties by ID).
    ``firsts`` / ``lasts`` give each rank's possible bounds (open or unknown sides NEG / POS);
    an undated event has ``POS + 1`` / ``NEG - 1``, so that no window overlaps it.

    :meth:`build` sorts the events, computing each date's key once. The postings (the
    events under a key, as ascending ranks) come in families, each built by one pass over
    the events in rank order the first time a query needs it, under the index's lock:
    ``by_actor`` and ``by_role`` (participants, and the accused of charges), ``by_kind``,
    ``at_place`` (the places events happened at), ``by_reference`` (a charge's provision, a
    figure's asserter, the event an event is part of); ``by_place`` (a place with those
    within it) and ``dates`` are derived on first use. So the first ``timeline`` pays
    for the actors only, the first ``events(kind=)`` for the kinds. Roles and kinds are keyed
    by their string values (``"victim"``): hashing a str is cheaper than an enum member.
    """

    __slots__ = (
        "_by_place",
        "_dates",
        "_families",
        "_lock",
        "_naming",
        "_rank",
        "contained",
        "firsts",
        "lasts",
        "order",
    )

    def __init__(
        self,
        order: tuple[Event, ...],
        firsts: list[int],
        lasts: list[int],
        contained: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.order = order
        self.firsts = firsts
        self.lasts = lasts
        self.contained = contained  # each place -> the places within it, however deep
        self._families: dict[str, dict[str, dict[str, Posting]]] = {}
        self._by_place: dict[str, Posting] = {}
        self._dates: DateIndex | None = None
        self._rank: dict[str, int] | None = None
        self._naming: dict[str, tuple[Event, ...]] = {}
        self._lock = threading.Lock()

    @classmethod
    def build(
        cls,
        events: Sequence[Event],
        contained: Mapping[str, tuple[str, ...]] | None = None,
        *,
        by_id: bool = False,
    ) -> EventIndex:
        """Sort ``events`` chronologically; ``contained`` maps a place to those within it.

        ``by_id``: the events are already sorted by ID (as a collection holds them), so that
        ties keep ID order (sort is stable); otherwise they are sorted first. Each date's key
        and bounds are computed once per distinct date object (parsed dates are shared, so
        most events reuse one); the events are sorted by an int, their date's rank.
        """
        if not by_id:
            events = sorted(events, key=_ID)
        dates = list(map(_DATE, events))
        date_ids = list(map(id, dates))
        distinct = dict(zip(date_ids, dates, strict=True))
        keyed = sorted((chronological_key(d), i) for i, d in distinct.items())
        dense = {i: rank for rank, (_, i) in enumerate(keyed)}
        ranked = sorted(range(len(events)), key=list(map(dense.__getitem__, date_ids)).__getitem__)
        order = tuple(map(events.__getitem__, ranked))
        ranked_ids = list(map(date_ids.__getitem__, ranked))
        span: dict[int, tuple[int, int]] = {
            i: (UNDATED_FIRST, UNDATED_LAST) if d is None else bounds(d)
            for i, d in distinct.items()
        }
        firsts = list(map({i: s[0] for i, s in span.items()}.__getitem__, ranked_ids))
        lasts = list(map({i: s[1] for i, s in span.items()}.__getitem__, ranked_ids))
        return cls(order, firsts, lasts, contained or {})

    def _family(self, name: str) -> dict[str, dict[str, Posting]]:
        family = self._families.get(name)
        if family is None:
            with self._lock:
                family = self._families.get(name)
                if family is None:
                    with gc_paused():
                        family = _FAMILIES[name](self.order)
                    self._families[name] = family
        return family

    @property
    def by_actor(self) -> dict[str, Posting]:
        """Each actor's events: as a participant (any role) or as the accused of a charge."""
        return self._family("actors")["actor"]

    @property
    def by_role(self) -> dict[str, Posting]:
        """The events with a participant in each role."""
        return self._family("actors")["role"]

    @property
    def by_kind(self) -> dict[str, Posting]:
        """The events of each kind."""
        return self._family("kinds")["kind"]

    @property
    def at_place(self) -> dict[str, Posting]:
        """The events at each place (directly, not through ``within``)."""
        return self._family("places")["place"]

    @property
    def by_reference(self) -> dict[str, Posting]:
        """The events naming a record as a charge's provision, a figure's asserter, or the
        event they are part of."""
        return self._family("references")["reference"]

    @property
    def rank(self) -> dict[str, int]:
        """Each event's rank, by ID."""
        rank = self._rank
        if rank is None:
            rank = self._rank = {e.id: i for i, e in enumerate(self.order)}
        return rank

    def by_place(self, place_id: str) -> Posting:
        """The events at a place or at any place within it, however deep."""
        found = self._by_place.get(place_id)
        if found is None:
            at_place = self.at_place
            inner = (place_id, *self.contained.get(place_id, ()))
            postings = [at_place[p] for p in inner if p in at_place]
            if not postings:
                found = EMPTY
            elif len(postings) == 1:
                found = postings[0]
            else:
                found = Posting.of(r for p in postings for r in p.ranks)
            self._by_place[place_id] = found  # concurrent builders store equal values
        return found

    @property
    def dates(self) -> DateIndex:
        """The window index, built on first use from ``firsts`` and ``lasts``."""
        dates = self._dates
        if dates is None:
            with self._lock:
                dates = self._dates
                if dates is None:
                    with gc_paused():  # a tuple per event, briefly
                        dates = self._dates = DateIndex.build(self.firsts, self.lasts)
        return dates

    def naming(self, record_id: str) -> tuple[Event, ...]:
        """The events that name a record: as participant or accused, provision, place (not
        through ``within``), asserter of a figure, or the event they are part of.

        Kept once asked (concurrent first asks store equal tuples)."""
        known = self._naming.get(record_id)
        if known is not None:
            return known
        found: set[int] = set()
        for postings in (self.by_actor, self.at_place, self.by_reference):
            posting = postings.get(record_id)
            if posting is not None:
                found.update(posting.ranks)
        order = self.order
        naming = tuple(order[r] for r in sorted(found) if order[r].id != record_id)
        self._naming[record_id] = naming
        return naming


def _actors(order: Sequence[Event]) -> dict[str, dict[str, Posting]]:
    actor: defaultdict[str, list[int]] = defaultdict(list)
    role: defaultdict[str, list[int]] = defaultdict(list)
    for rank, event in enumerate(order):
        for participant in event.participants:
            actor[participant.actor].append(rank)
            role[participant.role._value_].append(rank)  # _value_: no descriptor call
        for charge in event.charges:
            actor[charge.against].append(rank)
    return {"actor": _postings(actor), "role": _postings(role)}


def _kinds(order: Sequence[Event]) -> dict[str, dict[str, Posting]]:
    kind: defaultdict[str, list[int]] = defaultdict(list)
    for rank, value in enumerate(map(_KIND, order)):
        kind[value._value_].append(rank)
    return {"kind": _postings(kind)}


def _places(order: Sequence[Event]) -> dict[str, dict[str, Posting]]:
    place: defaultdict[str, list[int]] = defaultdict(list)
    for rank, places in enumerate(map(_PLACES, order)):
        for place_id in places:
            place[place_id].append(rank)
    return {"place": _postings(place)}


def _references(order: Sequence[Event]) -> dict[str, dict[str, Posting]]:
    reference: defaultdict[str, list[int]] = defaultdict(list)
    for rank, event in enumerate(order):
        for charge in event.charges:
            reference[charge.provision].append(rank)
        for figure in event.figures:
            if figure.asserted_by is not None:
                reference[figure.asserted_by].append(rank)
            for actor in (*figure.joined_by, *figure.relayed_by):
                reference[actor].append(rank)
        if event.part_of is not None:
            reference[event.part_of].append(rank)
    return {"reference": _postings(reference)}


_FAMILIES: Final[dict[str, Callable[[Sequence[Event]], dict[str, dict[str, Posting]]]]] = {
    "actors": _actors,
    "kinds": _kinds,
    "places": _places,
    "references": _references,
}


@attrs.frozen
class RatingIndex:
    """Ratings in date order (by ``as_of``), overall and per country, with start days.

    Ratings keep the order by :meth:`EDTF.sort_key` (first possible day, then last, then
    text): :meth:`~rightsdata.Dataset.rating_on` bisects their start days.
    """

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
    """The records of three kinds that name a record (events are in :class:`EventIndex`)."""

    relationships: tuple[Relationship, ...] = ()
    statements: tuple[Statement, ...] = ()
    ratings: tuple[Rating, ...] = ()


def _referenced(record: Record) -> set[str]:
    """The IDs a relationship, statement or rating names (citations aside)."""
    if isinstance(record, Relationship):
        return {record.subject, record.object}
    if isinstance(record, Statement):
        return {
            record.speaker,
            *record.joined_by,
            *record.relayed_by,
            *record.addressed_to,
            *record.about,
        }
    if isinstance(record, Rating):
        return {record.country, record.rated_by}
    return set()


@attrs.frozen
class StatementIndex:
    """Statements in chronological order, with postings by speaker, addressee, subject and
    kind."""

    order: tuple[Statement, ...]
    firsts: list[int]
    lasts: list[int]
    by_speaker: dict[str, Posting]
    by_addressee: dict[str, Posting]
    by_about: dict[str, Posting]
    by_kind: dict[str, Posting]

    @classmethod
    def build(cls, statements: Iterable[Statement]) -> StatementIndex:
        """Index ``statements``."""
        order = tuple(sorted(statements, key=lambda s: date_order(s.date, s.id)))
        speaker: defaultdict[str, list[int]] = defaultdict(list)
        addressee: defaultdict[str, list[int]] = defaultdict(list)
        about: defaultdict[str, list[int]] = defaultdict(list)
        kind: defaultdict[str, list[int]] = defaultdict(list)
        firsts: list[int] = []
        lasts: list[int] = []
        for rank, statement in enumerate(order):
            first, last = (
                (UNDATED_FIRST, UNDATED_LAST) if statement.date is None else bounds(statement.date)
            )
            firsts.append(first)
            lasts.append(last)
            speaker[statement.speaker].append(rank)
            kind[statement.kind._value_].append(rank)
            for record_id in statement.addressed_to:
                addressee[record_id].append(rank)
            for record_id in statement.about:
                about[record_id].append(rank)
        postings = [_postings(p) for p in (speaker, addressee, about, kind)]
        return cls(order, firsts, lasts, *postings)


class Indexes:
    """All the lazily built indexes of one dataset's records (see the module docstring)."""

    __slots__ = (
        "_by_kind",
        "_containers",
        "_countries",
        "_events",
        "_lock",
        "_ratings",
        "_records",
        "_references",
        "_search",
        "_sources",
        "_statements",
    )

    def __init__(self, records: Mapping[str, Sequence[Record]]) -> None:
        """``records``: each kind's records, sorted by ID (as the collections hold them)."""
        self._records = records
        lock = self._lock = threading.RLock()
        self._containers = _Lazy(_build_containers, lock)
        self._events = _Lazy(_build_events, lock)
        self._search = _Lazy(_build_search, lock)
        self._sources = _Lazy(_build_sources, lock)
        self._references = _Lazy(_build_references, lock)
        self._ratings = _Lazy(_build_ratings, lock)
        self._statements = _Lazy(_build_statements, lock)
        self._countries = _Lazy(_build_countries, lock)

    def records(self, kind: str) -> Sequence[Any]:
        """The records of one kind, sorted by ID."""
        return self._records.get(kind, ())

    # -- accessors ------------------------------------------------------------------------

    def containers(self) -> dict[str, tuple[str, ...]]:
        """Each place's containing places, nearest first (``within``, transitively)."""
        return self._containers.get(self)

    def events(self) -> EventIndex:
        """The event index."""
        return self._events.get(self)

    def search(self) -> SearchIndex:
        """The search index."""
        return self._search.get(self)

    def sources(self) -> dict[str, tuple[Record, ...]]:
        """The records citing each source (record-level or figure citations), kind then ID."""
        return self._sources.get(self)

    def references(self) -> dict[str, References]:
        """The relationships, statements and ratings naming each record."""
        return self._references.get(self)

    def ratings(self) -> RatingIndex:
        """The rating index."""
        return self._ratings.get(self)

    def statements(self) -> StatementIndex:
        """The statement index."""
        return self._statements.get(self)

    def countries(self) -> dict[str, Place]:
        """The country place (``kind`` country) of each ISO code, by code."""
        return self._countries.get(self)


# -- builders (plain functions of the Indexes: see _Lazy) --------------------------------------


def _build_containers(indexes: Indexes) -> dict[str, tuple[str, ...]]:
    within: dict[str, str | None] = {p.id: p.within for p in indexes.records("places")}
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


def _build_events(indexes: Indexes) -> EventIndex:
    contained: defaultdict[str, list[str]] = defaultdict(list)
    for place_id, chain in indexes.containers().items():
        for container in chain:
            contained[container].append(place_id)
    events: Sequence[Event] = indexes.records("events")
    return EventIndex.build(events, {k: tuple(v) for k, v in contained.items()}, by_id=True)


def _build_search(indexes: Indexes) -> SearchIndex:
    return SearchIndex.build((kind, indexes.records(kind)) for kind in KINDS)


def _build_sources(indexes: Indexes) -> dict[str, tuple[Record, ...]]:
    citing: dict[str, list[Record]] = defaultdict(list)
    for kind in KINDS:
        for record in indexes.records(kind):
            cited = {c.source for c in getattr(record, "citations", ())}
            for figure in getattr(record, "figures", ()):
                cited.update(c.source for c in figure.citations)
            for source in cited:
                citing[source].append(record)
    return {source: tuple(records) for source, records in citing.items()}


def _build_references(indexes: Indexes) -> dict[str, References]:
    found: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for kind in ("relationships", "statements", "ratings"):
        for record in indexes.records(kind):
            for target in _referenced(record):
                if target != record.id:
                    found[target][kind].append(record)

    def dated(records: list[Any], field: str) -> tuple[Any, ...]:
        return tuple(sorted(records, key=lambda r: date_order(getattr(r, field), r.id)))

    return {
        target: References(
            relationships=dated(kinds["relationships"], "start"),
            statements=dated(kinds["statements"], "date"),
            ratings=tuple(sorted(kinds["ratings"], key=lambda r: (r.as_of.sort_key(), r.id))),
        )
        for target, kinds in found.items()
    }


def _build_ratings(indexes: Indexes) -> RatingIndex:
    ratings: Sequence[Rating] = indexes.records("ratings")
    return RatingIndex.build(ratings)


def _build_statements(indexes: Indexes) -> StatementIndex:
    statements: Sequence[Statement] = indexes.records("statements")
    return StatementIndex.build(statements)


def _build_countries(indexes: Indexes) -> dict[str, Place]:
    countries: dict[str, Place] = {}
    for place in indexes.records("places"):
        if place.kind is PlaceKind.COUNTRY and place.country is not None:
            countries.setdefault(place.country, place)  # places come by ID: the first wins
    return countries
