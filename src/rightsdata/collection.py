"""An immutable, typed collection of records of one kind, looked up by ID.

``ds.events`` and ``ds.ratings`` are collections that can also be called with filters
(:class:`EventCollection`, :class:`RatingCollection`).

>>> import rightsdata
>>> ds = rightsdata.load()
>>> person = ds.persons.get("person:vladimir-kozlov")
>>> person.name, "person:vladimir-kozlov" in ds.persons
('Vladimir Kozlov', True)
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Generic, TypeVar, overload

from rightsdata.errors import UnknownIdError
from rightsdata.model import Event, Rating, Record

if TYPE_CHECKING:
    from rightsdata.query import DateLike, Queries
    from rightsdata.vocab import EventKind, Role

__all__ = ["Collection", "EventCollection", "RatingCollection", "follow_redirects"]

_ID: Final = operator.attrgetter("id")

R = TypeVar("R", bound=Record)


def follow_redirects(
    record_id: str, redirects: Mapping[str, str], exists: Callable[[str], bool]
) -> str:
    """Follow ``redirects`` (old ID -> new ID) from ``record_id`` to an ID that exists.

    Stops at the first ID that ``exists`` or that has no redirect, and returns it (the
    caller decides what a missing record means). A chain that comes back on itself raises
    :class:`~rightsdata.UnknownIdError` naming the cycle.

    >>> follow_redirects("person:a", {"person:a": "person:b", "person:b": "person:c"},
    ...                  lambda i: i == "person:c")
    'person:c'
    >>> try:
    ...     follow_redirects("person:a", {"person:a": "person:b", "person:b": "person:a"},
    ...                      lambda i: False)
    ... except UnknownIdError as error:
    ...     print(error.hint)
    its redirects form a cycle: person:a -> person:b -> person:a
    """
    chain = [record_id]
    current = record_id
    while not exists(current) and current in redirects:
        current = redirects[current]
        if current in chain:
            path = " -> ".join([*chain, current])
            raise UnknownIdError(record_id, f"its redirects form a cycle: {path}")
        chain.append(current)
    return current


class Collection(Sequence[R], Generic[R]):
    """Records of one kind, sorted by ID: iterable, sized, indexable, and searchable by ID.

    ``x in collection`` accepts a record or an ID (the ID of a record in the collection, not
    an old ID); ``get`` also follows ``redirects`` (old ID -> new ID) of renamed or merged
    records, like :meth:`Dataset.get <rightsdata.Dataset.get>`.
    """

    __slots__ = ("_by_id", "_kind", "_records", "_redirects")

    def __init__(
        self, kind: str, records: Iterable[R], redirects: Mapping[str, str] | None = None
    ) -> None:
        self._kind = kind
        self._records: tuple[R, ...] = tuple(sorted(records, key=_ID))
        self._by_id: dict[str, R] = dict(zip(map(_ID, self._records), self._records, strict=True))
        self._redirects: Mapping[str, str] = redirects if redirects is not None else {}

    @property
    def kind(self) -> str:
        """The record kind, as in file names: ``'events'``."""
        return self._kind

    def get(self, record_id: str) -> R:
        """The record with this ID; raises :class:`~rightsdata.UnknownIdError` if none.

        >>> import rightsdata
        >>> rightsdata.load().places.get("place:almaty").name
        'Almaty'
        """
        record = self._by_id.get(record_id)
        if record is not None:
            return record
        if record_id in self._redirects:
            target = follow_redirects(record_id, self._redirects, self._by_id.__contains__)
            record = self._by_id.get(target)
            if record is not None:
                return record
            hint = f"it redirects to {target!r}, not a {self._kind} record"
            raise UnknownIdError(record_id, hint)
        raise UnknownIdError(record_id, f"no {self._kind} record has it")

    def ids(self) -> tuple[str, ...]:
        """The IDs, sorted."""
        return tuple(self._by_id)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._by_id.get(record_id) == item

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[R, ...]: ...
    def __getitem__(self, index: int | slice) -> R | tuple[R, ...]:
        return self._records[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._kind == other._kind and self._records == other._records

    def __hash__(self) -> int:
        return hash((self._kind, self._records))

    def __repr__(self) -> str:
        return f"<Collection {self._kind}: {len(self._records)} records>"


class EventCollection(Collection[Event]):
    """The events: a :class:`Collection` (by ID) that can also be called to filter them.

    ``ds.events(...)`` returns a list of events in date order; see :meth:`__call__`.
    """

    __slots__ = ("_queries",)

    def __init__(
        self,
        records: Iterable[Event],
        queries: Callable[[], Queries],
        redirects: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__("events", records, redirects)
        self._queries = queries

    def __call__(
        self,
        *,
        kind: EventKind | str | Iterable[EventKind | str] | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        involving: str | Record | None = None,
        place: str | Record | None = None,
        role: Role | str | None = None,
    ) -> list[Event]:
        """The events that meet every condition given, in date order.

        * ``kind``: an :class:`~rightsdata.vocab.EventKind`, its string, or a collection of
          them (any of them);
        * ``between=(start, end)``: the events whose date overlaps the window from the first
          day of ``start`` to the last day of ``end``. Each side is an EDTF text or value
          (``'2012'`` starts on 1 January and ends on 31 December), a :class:`datetime.date`
          or datetime (pendulum's too), or None for an open side. A date with an open or
          unknown side could cover any day on that side, so it overlaps every window on
          that side; an event with no date is in no window;
        * ``involving``: an actor (ID or record) who took part (a participant) or was
          charged; with ``role``, only events where that actor took part in that role;
        * ``place``: a place (ID or record): events at it or at a place within it, however
          deep (``within``): events in Almaty are events in Kazakhstan;
        * ``role``: a :class:`~rightsdata.vocab.Role` or its string; alone, events with any
          participant in that role.

        Date order is :meth:`EDTF.sort_key <rightsdata.EDTF.sort_key>`: first possible day,
        then last possible day, then the date's text (an unknown or open start comes first);
        events with no date come last; ties by ID. IDs follow redirects; an unknown ID raises
        :class:`~rightsdata.UnknownIdError`, and a wrong type or value TypeError or
        ValueError.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> [e.id for e in ds.events(involving="person:vladimir-kozlov", between=("2015", None))]
        ... # doctest: +NORMALIZE_WHITESPACE
        ['event:kozlov-stricter-regime-2015', 'event:kozlov-video-interview-recorded-2015',
         'event:kozlov-solitary-confinement-2015-07-17', 'event:kozlov-55th-birthday-2015',
         'event:kozlov-parole-hearing-2015-12-08']
        >>> [str(e.date) for e in ds.events(place="place:kazakhstan", kind="killing")]
        ['2011-12']
        >>> len(ds.events(role="judge")), len(ds.events())
        (1, 115)
        """
        return self._queries().events(kind, between, involving, place, role)

    def __repr__(self) -> str:
        return f"<EventCollection: {len(self)} records>"


class RatingCollection(Collection[Rating]):
    """The ratings: a :class:`Collection` (by ID) that can also be called to filter them."""

    __slots__ = ("_queries",)

    def __init__(
        self,
        records: Iterable[Rating],
        queries: Callable[[], Queries],
        redirects: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__("ratings", records, redirects)
        self._queries = queries

    def __call__(self, *, country: str | Record | None = None) -> list[Rating]:
        """The ratings (of one country, a place ID or record, if given) in date order.

        Date order is by ``as_of`` (:meth:`EDTF.sort_key <rightsdata.EDTF.sort_key>`: first
        possible day, then last, then text), ties by ID. Ratings are of the country itself:
        ``country`` does not take in the places within it.

        >>> import rightsdata
        >>> [(str(r.as_of), r.level.value)
        ...  for r in rightsdata.load().ratings(country="place:kazakhstan")]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('2019-09/2019-10', 'obstructed'), ('2020', 'obstructed'),
         ('2022-01/2022-08', 'obstructed'), ('2022', 'repressed')]
        """
        return self._queries().ratings(country)

    def __repr__(self) -> str:
        return f"<RatingCollection: {len(self)} records>"
