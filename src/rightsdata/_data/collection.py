"""An immutable, typed collection of records of one kind, looked up by ID.

A collection is a sequence of its records (sorted by ID) that is also looked up by ID:
``ds.persons[id]``, ``ds.persons.get(id)`` (None if no such record), ``id in ds.persons``,
``ds.persons.ids()``. It is not a mapping: it has no ``keys``, ``values`` or ``items``.
``ds.events``, ``ds.statements`` and ``ds.ratings`` can also be called with filters
(:class:`EventCollection`, :class:`StatementCollection`, :class:`RatingCollection`).

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds.persons["person:vladimir-kozlov"].name, "person:vladimir-kozlov" in ds.persons
('Vladimir Kozlov', True)
>>> ds.persons.get("person:nobody") is None
True
"""

from __future__ import annotations

import functools
import operator
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Generic, TypeVar, overload

from rightsdata._data.answers import DateLike
from rightsdata._model.records import RECORD_TYPES, Event, Rating, Record, Statement
from rightsdata._values.errors import UnknownIdError, counted, what_was_given
from rightsdata._values.exitleave import RELEASED
from rightsdata._values.ids import (
    KIND_OF_PREFIX,
    describe_prefixes,
    follow_redirects,
    noun,
    prefix_of,
)
from rightsdata._values.lazymodule import LazyModule
from rightsdata.vocab import (
    EventKind,
    EventKindValue,
    Role,
    RoleValue,
    StatementKind,
    StatementKindValue,
)

if TYPE_CHECKING:
    from rightsdata._data import query
else:  # imported when used, or when typing.get_type_hints reads an annotation
    query = LazyModule("rightsdata._data.query")  # (with the indexes and search: 7.7 ms)

__all__ = [
    "Collection",
    "EventCollection",
    "QueryHandle",
    "RatingCollection",
    "StatementCollection",
]

_ID: Final = operator.attrgetter("id")

R = TypeVar("R", bound=Record)
D = TypeVar("D")


class QueryHandle:
    """The queries of one dataset, set up on first use (internal).

    Shared by the dataset and its callable collections. It holds what the queries need (the
    records, the redirects), never the dataset: a collection that held a bound method of its
    dataset would make a reference cycle, freed only by the cyclic collector.
    """

    __slots__ = ("_lock", "_queries", "_setup")

    def __init__(self, setup: Callable[[], query.Queries]) -> None:
        self._setup = setup
        self._queries: query.Queries | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> Callable[[], query.Queries]:
        """A pickle holds how to set the queries up, never them or the lock."""
        return self._setup

    def __setstate__(self, setup: Callable[[], query.Queries]) -> None:
        self.__init__(setup)  # type: ignore[misc]

    def __call__(self) -> query.Queries:
        queries = self._queries
        if queries is None:
            with self._lock:
                queries = self._queries
                if queries is None:
                    queries = self._queries = self._setup()
        return queries


def of_another_kind(record_id: str, target: str) -> str:
    """The hint of an ID looked up among records of a kind that ``target`` (the ID itself, or
    where its redirects lead) is not of: ``it redirects to 'group:x', the ID of a group``."""
    elsewhere = describe_prefixes((prefix_of(target),))
    if target == record_id:
        return f"it is the ID of {elsewhere}"
    return f"it redirects to {target!r}, the ID of {elsewhere}"


def _suggestion(ask: Callable[[], query.Queries], record_id: str, cls: type) -> str | None:
    """The hint of an ID that no record of class ``cls`` has, in the dataset's one wording
    (:meth:`rightsdata._data.query.Queries.suggestion`)."""
    return ask().suggestion(record_id, (cls,))


def _in_order(ids: list[str]) -> bool:
    """Whether text IDs are in sorted order already: a sort of the IDs alone (C-level
    comparisons of text; a sorted run is one pass) gives back the same list. (Equal IDs keep
    their order in a sort, so the same list means the same order.)"""
    return sorted(ids) == ids


class Collection(Sequence[R], Generic[R]):
    """Records of one kind, sorted by ID: a sequence, also looked up by ID.

    ``collection[id]`` is the record with that ID (an int or slice indexes the sequence);
    ``get(id)`` returns None (or ``default``) where ``[id]`` raises
    :class:`~rightsdata.UnknownIdError` (a KeyError). Both follow ``redirects`` (old ID ->
    new ID) of renamed or merged records, like :meth:`Dataset.get <rightsdata.Dataset.get>`.
    ``x in collection`` accepts a record (in it if it has an equal record of that ID) or an ID
    (a current ID, not an old one); any other value is not in it; ``index`` and ``count``
    take the same. ``ids()`` gives the IDs in order. It is not a
    :class:`~collections.abc.Mapping`: there is no ``keys``, ``values`` or ``items``.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> ds.persons, ds.persons.kind
    (<Collection persons: 50 records>, 'persons')
    >>> ds.persons["person:vladimir-kozlov"].name, ds.persons[0].id
    ('Vladimir Kozlov', 'person:aarti-narsee')
    >>> ds.persons.get("person:nobody") is None, "person:vladimir-kozlov" in ds.persons
    (True, True)
    """

    __slots__ = ("_ask", "_by_id", "_kind", "_records", "_redirects")

    def __init__(
        self,
        kind: str,
        records: Iterable[R],
        redirects: Mapping[str, str] | None = None,
        *,
        _ids: list[str] | None = None,
        _ask: Callable[[], query.Queries] | None = None,
    ) -> None:
        self._kind = kind
        self._ask = _ask  # a dataset's queries: what an unknown ID is told (None: spelling only)
        self._records: tuple[R, ...]
        if _ids is not None and _in_order(_ids):
            # (a loader's records, with their IDs: kept as read when already sorted by ID, as
            # canonical files are; the IDs are not fetched again)
            self._records = tuple(records)
            self._by_id: dict[str, R] = dict(zip(_ids, self._records, strict=True))
        else:
            self._records = tuple(sorted(records, key=_ID))
            self._by_id = dict(zip(map(_ID, self._records), self._records, strict=True))
        self._redirects: Mapping[str, str] = redirects if redirects is not None else {}

    @property
    def kind(self) -> str:
        """The record kind, as in file names: ``'events'``."""
        return self._kind

    def _release(self) -> None:
        """Let go of the records, and of the queries' indexes in the collections that have
        them (at the interpreter's exit: :mod:`rightsdata._values.exitleave`); every later
        use raises RuntimeError. Every slot of the class and its subclasses but the kind."""
        for cls in type(self).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if name != "_kind":
                    setattr(self, name, RELEASED)

    def _lookup(self, record_id: str) -> R:
        try:
            record = self._by_id.get(record_id)
        except TypeError:  # (unhashable, a list given for an ID: told below)
            record = None
        if record is not None:
            return record
        what = noun(self._kind)
        if not isinstance(record_id, str):
            raise TypeError(f"a record ID is a string, not {what_was_given(record_id)}")
        if record_id in self._redirects:
            target = follow_redirects(record_id, self._redirects, self._by_id.__contains__)
            record = self._by_id.get(target)
            if record is not None:
                return record
            if prefix_of(target) != prefix_of(record_id) and prefix_of(target) in KIND_OF_PREFIX:
                raise UnknownIdError(record_id, of_another_kind(record_id, target), what)
            raise UnknownIdError(record_id, f"it redirects to {target!r}", what)
        other = KIND_OF_PREFIX.get(prefix_of(record_id))
        if other is not None and other != self._kind:
            raise UnknownIdError(record_id, of_another_kind(record_id, record_id), what)
        if self._ask is not None:  # (the dataset's one wording: IDs of this kind meant)
            # the queries are set up only when the hint is read: a miss caught costs nothing
            said = functools.partial(_suggestion, self._ask, record_id, RECORD_TYPES[self._kind])
            raise UnknownIdError(record_id, None, what, suggest=said)
        raise UnknownIdError(record_id, None, what, among=self._by_id.keys)

    @overload
    def get(self, record_id: str) -> R | None: ...
    @overload
    def get(self, record_id: str, default: D) -> R | D: ...
    def get(self, record_id: str, default: object = None) -> object:
        """The record with this ID (following redirects), or ``default`` if none.

        >>> import rightsdata
        >>> rightsdata.load().places.get("place:almaty")
        <Place place:almaty city 'Almaty'>
        >>> rightsdata.load().places.get("place:atlantis", "no such place")
        'no such place'
        """
        try:
            return self._lookup(record_id)
        except UnknownIdError:
            return default

    def ids(self) -> tuple[str, ...]:
        """The IDs, sorted.

        >>> import rightsdata
        >>> rightsdata.load().persons.ids()[:2]
        ('person:aarti-narsee', 'person:abay-begimbetov')
        """
        return tuple(self._by_id)

    def __contains__(self, item: object) -> bool:
        """Whether ``item``, a record or an ID, is in the collection: an ID if a record has it
        now (an old ID, which a lookup follows, is not in it), a record if an equal record
        has its ID; any other value is not in it.

        >>> import rightsdata
        >>> persons = rightsdata.load().persons
        >>> "person:vladimir-kozlov" in persons, persons[0] in persons, 5 in persons
        (True, True, False)
        """
        if isinstance(item, str):
            return item in self._by_id
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._by_id.get(record_id) == item

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """The position of ``value``, a record or an ID, as ``in`` takes them (a sequence's
        ``index`` compared each record to an ID, and found none); between ``start`` and
        ``stop`` as for a list. One that is not in the collection raises ValueError saying so.

        >>> import rightsdata
        >>> persons = rightsdata.load().persons
        >>> at = persons.index("person:vladimir-kozlov")
        >>> persons[at].id, persons.index(persons[at]) == at
        ('person:vladimir-kozlov', True)
        >>> persons.index("person:nobody")
        Traceback (most recent call last):
        ValueError: 'person:nobody' is not in the persons: no person has this ID
        """
        if value in self:
            record_id = value if isinstance(value, str) else _ID(value)
            import bisect  # (only here: the records are sorted by ID)

            position = bisect.bisect_left(self._records, record_id, key=_ID)
            if position in range(len(self._records))[start:stop]:
                return position
            within = f"from {start} on" if stop is None else f"between {start} and {stop}"
            raise ValueError(f"{record_id!r} is at {position} in the {self._kind}, not {within}")
        if isinstance(value, str):
            raise ValueError(f"{value!r} is not in the {self._kind}: {self._no_id(value)}")
        record_id = getattr(value, "id", None)
        if isinstance(record_id, str):
            told = (
                "the record of this ID differs"
                if record_id in self._by_id
                else self._no_id(record_id)
            )
            raise ValueError(f"the record {record_id!r} is not in the {self._kind}: {told}")
        raise ValueError(
            f"{what_was_given(value)} is not in the {self._kind}: it holds records, found by "
            "a record or its ID"
        )

    def _no_id(self, record_id: str) -> str:
        """Why no record of the collection has ``record_id``, for :meth:`index`."""
        if record_id in self._redirects:  # (to the end of a chain: the ID to use now)
            target = follow_redirects(record_id, self._redirects, self._by_id.__contains__)
            return f"it was retired, and redirects to {target!r}"
        return f"no {noun(self._kind)} has this ID"

    def count(self, value: object) -> int:
        """How many times ``value``, a record or an ID, is in the collection: 1 or 0 (as
        ``in`` says: each ID is one record's).

        >>> import rightsdata
        >>> rightsdata.load().persons.count("person:vladimir-kozlov")
        1
        """
        return 1 if value in self else 0

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: str) -> R: ...
    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[R, ...]: ...
    def __getitem__(self, index: str | int | slice) -> R | tuple[R, ...]:
        """The record with an ID (``ds.persons["person:x"]``), or at a position; a slice is
        a tuple of records. An unknown ID raises :class:`~rightsdata.UnknownIdError`.

        >>> import rightsdata
        >>> persons = rightsdata.load().persons
        >>> persons["person:vladimir-kozlov"].name, persons[0].id, len(persons[:2])
        ('Vladimir Kozlov', 'person:aarti-narsee', 2)
        """
        if isinstance(index, str):
            return self._lookup(index)
        try:
            return self._records[index]
        except IndexError:  # (the tuple's words name a tuple, not the collection)
            raise IndexError(
                f"{self._kind}: no record at position {index!r}: the collection holds "
                f"{counted(len(self._records), 'record')} (positions 0 to "
                f"{len(self._records) - 1}, or -1 back to -{len(self._records)})"
                if self._records
                else f"{self._kind}: no record at position {index!r}: the collection is empty"
            ) from None
        except TypeError:  # (the tuple's words would name a tuple, and no ID)
            raise TypeError(
                f"a collection takes a record ID (a str), a position (an int) or a slice, not "
                f"{what_was_given(index)}"
            ) from None

    def _ipython_key_completions_(self) -> list[str]:
        """The IDs, which IPython and Jupyter offer after ``ds.persons["``."""
        return list(self._by_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._kind == other._kind and self._records == other._records

    def __hash__(self) -> int:
        return hash((self._kind, self._records))

    def __repr__(self) -> str:
        """``<Collection persons: 50 records>``, ``<EventCollection events: 121 records>``:
        the class, the kind, the count (one pattern for every collection)."""
        return f"<{type(self).__name__} {self._kind}: {counted(len(self._records), 'record')}>"

    def _repr_html_(self) -> str:
        """A table in a notebook: the first records' IDs, names or titles, kinds and dates."""
        from rightsdata._display.display import collection_html

        return collection_html(self)


class EventCollection(Collection[Event]):
    """The events: a :class:`Collection` (by ID) that can also be called to filter them.

    ``ds.events(...)`` returns a list of events in date order; see :meth:`__call__`.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> ds.events, ds.events["event:kozlov-verdict-2012-10-08"].kind.value
    (<EventCollection events: 130 records>, 'verdict')
    >>> [e.id for e in ds.events(kind="verdict", between=("2012", "2012"))]
    ['event:kozlov-verdict-2012-10-08', 'event:zhanaozen-oil-workers-convictions-2012']
    """

    __slots__ = ("_queries",)

    def __init__(
        self,
        records: Iterable[Event],
        queries: Callable[[], query.Queries],
        redirects: Mapping[str, str] | None = None,
        *,
        _ids: list[str] | None = None,
    ) -> None:
        super().__init__("events", records, redirects, _ids=_ids, _ask=queries)
        self._queries = queries

    def __call__(
        self,
        *,
        kind: EventKind | EventKindValue | Iterable[EventKind | EventKindValue] | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        involving: str | Record | None = None,
        place: str | Record | None = None,
        role: Role | RoleValue | None = None,
        certain: bool = False,
    ) -> list[Event]:
        """The events that meet every condition given, in date order.

        * ``kind``: an :class:`~rightsdata.vocab.EventKind`, its string, or a non-empty
          collection of them (any of them; an empty one raises ValueError);
        * ``between=(start, end)``: the events whose date overlaps the window from the first
          day of ``start`` to the last day of ``end``. Each side is an EDTF text or value
          (``'2012'`` starts on 1 January and ends on 31 December), a :class:`datetime.date`
          (not a datetime, which raises TypeError), or None for an open side. A date with
          an open or unknown side could cover any day on that side, so it overlaps every
          window on that side; a set (``[2022-01-14,2022-01-20]``, one of its dates) overlaps a
          window that meets one of its dates, not one that falls between them; an event
          with no date is in no window;
        * ``certain``: with ``between``, True keeps only the events **certainly** within
          the window: every day their date could denote lies in it (a date with an open or
          unknown side, ``2015-12-08/``, ``[2015-12-08..]``, is certainly in none but an
          open window on that side; a set is, if all of its dates are). False, the
          default, keeps every event that could be in it, as above. True without a window,
          or with one open on both sides (``(None, None)``, within which every dated event
          certainly is: it would change nothing), raises ValueError;
        * ``involving``: an actor (ID or record) who took part (a participant) or was
          charged; with ``role``, only events where that actor took part in that role;
        * ``place``: a place (ID, record, or a country's ISO code such as ``'KZ'``): events
          at it or at a place within it, however deep (``within``): events in Almaty are
          events in Kazakhstan;
        * ``role``: a :class:`~rightsdata.vocab.Role` or its string; alone, events with any
          participant in that role.

        Date order is chronological (:func:`rightsdata.chronological_key`, then the ID): by the
        last day a date could denote; on one day a span before a single date, then the narrower date
        first, then the date's text; events with no date come last; ties by ID
        (docs/queries.md says why). Windows and the order read ``date`` alone: an event's
        ``date_of`` (a date of its report or announcement) and ``status`` (only planned,
        alleged...) change neither, and no filter reads them; keep ``e.status in (None,
        EventStatus.OCCURRED)`` for the events reported as having happened. IDs follow
        redirects; an unknown ID raises
        :class:`~rightsdata.UnknownIdError`, and a wrong type or value TypeError or
        ValueError.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> [e.id for e in ds.events(involving="person:vladimir-kozlov", between=("2015", None))]
        ... # doctest: +NORMALIZE_WHITESPACE
        ['event:kozlov-ordered-to-stand-in-heat', 'event:kozlov-solitary-confinement-2015-07-17',
         'event:kozlov-stricter-regime-2015', 'event:kozlov-video-interview-recorded-2015',
         'event:kozlov-55th-birthday-2015', 'event:kozlov-parole-hearing-2015-12-08']
        >>> [str(e.date) for e in ds.events(place="KZ", kind="killing")]
        ['2011-12']
        >>> len(ds.events(role="judge")), len(ds.events())
        (1, 130)
        >>> june = ("2019-06", "2019-06")
        >>> len(ds.events(between=june)), len(ds.events(between=june, certain=True))
        (18, 2)
        """
        return self._queries().events(kind, between, involving, place, role, certain)


class StatementCollection(Collection[Statement]):
    """The statements: a :class:`Collection` (by ID) that can also be called to filter them
    (see :meth:`__call__`).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> ds.statements
    <StatementCollection statements: 80 records>
    >>> [s.id for s in ds.statements(speaker="person:vladimir-kozlov")][:2]
    ['statement:kozlov-2015-continue-human-rights-work', 'statement:kozlov-2015-prison-conditions']
    """

    __slots__ = ("_queries",)

    def __init__(
        self,
        records: Iterable[Statement],
        queries: Callable[[], query.Queries],
        redirects: Mapping[str, str] | None = None,
        *,
        _ids: list[str] | None = None,
    ) -> None:
        super().__init__("statements", records, redirects, _ids=_ids, _ask=queries)
        self._queries = queries

    def __call__(
        self,
        *,
        speaker: str | Record | None = None,
        about: str | Record | None = None,
        addressed_to: str | Record | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        kind: StatementKind
        | StatementKindValue
        | Iterable[StatementKind | StatementKindValue]
        | None = None,
        certain: bool = False,
    ) -> list[Statement]:
        """The statements that meet every condition given, in date order (as for events).

        * ``speaker``: who said it (a person, organisation or group, by ID or record): the
          speaker only, not those who joined it (``joined_by``), whose statements
          :meth:`ds.related(actor).statements <rightsdata.Dataset.related>` has too;
        * ``about``: a record (of any kind) the statement is about;
        * ``addressed_to``: an actor it was addressed to;
        * ``between=(start, end)``: statements whose date overlaps the window, exactly as
          for :meth:`ds.events <EventCollection.__call__>` (an undated one is in none);
        * ``certain``: with ``between``, True keeps only the statements certainly within
          the window (every day their date could denote lies in it), as for events (and
          refused, as there, without a window or with one open on both sides);
        * ``kind``: a :class:`~rightsdata.vocab.StatementKind`, its string, or a non-empty
          collection of them (any of them; an empty one raises ValueError).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> found = ds.statements(about="person:vladimir-kozlov", between=("2015", "2015"))
        >>> all("person:vladimir-kozlov" in s.about for s in found)
        True
        >>> year = ("2022", "2022")
        >>> [str(s.date) for s in ds.statements(between=year)][-1]  # a day on or after it
        '[2015-12-08..]'
        >>> len(ds.statements(between=year)), len(ds.statements(between=year, certain=True))
        (23, 20)
        """
        return self._queries().statements(speaker, about, addressed_to, between, kind, certain)


class RatingCollection(Collection[Rating]):
    """The ratings: a :class:`Collection` (by ID) that can also be called to filter them
    (see :meth:`__call__`).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> ds.ratings, len(ds.ratings(country="KZ")) <= len(ds.ratings)
    (<RatingCollection ratings: 8 records>, True)
    """

    __slots__ = ("_queries",)

    def __init__(
        self,
        records: Iterable[Rating],
        queries: Callable[[], query.Queries],
        redirects: Mapping[str, str] | None = None,
        *,
        _ids: list[str] | None = None,
    ) -> None:
        super().__init__("ratings", records, redirects, _ids=_ids, _ask=queries)
        self._queries = queries

    def __call__(self, *, country: str | Record | None = None) -> list[Rating]:
        """The ratings (of one country: a place ID or record, or its ISO code) in date order.

        Date order is by ``as_of`` (:meth:`EDTF.sort_key <rightsdata.EDTF.sort_key>`: first
        possible day, then last, then text), ties by ID: the order by which
        :meth:`~rightsdata.Dataset.rating_on` picks the latest of the ratings certainly
        given by a day. Ratings are of the country itself: ``country`` does not take in the
        places within it, and a place of a kind no rating rates (a city) raises ValueError
        naming the country it lies within.

        >>> import rightsdata
        >>> [(str(r.as_of), r.level.value) for r in rightsdata.load().ratings(country="KZ")]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('[2019-09..2019-10]', 'obstructed'), ('2020', 'obstructed'),
         ('[2022-01..2022-08]', 'obstructed'), ('2022', 'repressed')]
        """
        return self._queries().ratings(country)
