"""The queries of a :class:`~rightsdata.Dataset`, and their result types.

:class:`Queries` answers every query from the dataset's :class:`~rightsdata.indexes.Indexes`;
the :class:`~rightsdata.Dataset` methods, ``ds.events(...)`` and ``ds.ratings(...)`` call it.
The semantics (date order, window overlap, place containment, search ranking) are described
in docs/queries.md and in the methods' docstrings on :class:`~rightsdata.Dataset`.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> counts = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
>>> counts.range, counts.disagree
((15, 17), True)
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any, Final, NamedTuple, TypeVar, overload

import attrs

from rightsdata.collection import follow_redirects
from rightsdata.dates import EDTF, EDTFError
from rightsdata.errors import UnknownIdError
from rightsdata.ids import KIND_OF_PREFIX, prefix_of
from rightsdata.indexes import EMPTY, NEG, POS, Indexes, Posting, bounds
from rightsdata.model import (
    KINDS,
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata.search import rank
from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure, Role

__all__ = ["DateLike", "Figures", "Queries", "Related"]

E = TypeVar("E", EventKind, Role, Measure, FigureUnit)

#: What a window side or a day may be given as.
DateLike = EDTF | datetime.date | str

# With fewer candidates than this from an ID posting, a date window is not worth estimating.
_SMALL: Final = 64


_OPEN_ABOVE: Final = frozenset({FigureQualifier.AT_LEAST, FigureQualifier.MORE_THAN})
_OPEN_BELOW: Final = frozenset({FigureQualifier.AT_MOST, FigureQualifier.LESS_THAN})


@attrs.frozen
class Figures(Sequence[Figure]):
    """The claims (figures) on one event: a sequence of :class:`~rightsdata.Figure`.

    Each figure says who asserted it (``asserted_by``) and where (``citations``). Derived
    values summarise the claims without hiding a disagreement:

    * ``range``: ``(lowest, highest)``, the smallest and the largest number any claim states
      (its ``low``, ``best`` or ``high``), so every stated number lies within it; None if
      there are no claims, and ``(None, None)`` if no claim states a number ("thousands").
      It raises ValueError if the claims count different measures or units (pass
      ``measure=`` or ``unit=``): one range over killed and injured, or over newspapers and
      websites, would mean nothing.
    * ``open_above``: True if a claim leaves the top open ("at least 15", "more than 220",
      with no ``high``): the number may be above ``range[1]``. ``open_below`` likewise for
      "at most" and "less than" with no ``low``.
    * ``disagree``: True if, for some measure and unit, the claims do not all state the same
      numbers with the same qualifier: "at least 15", "exactly 15" and "exactly 17" disagree
      (with one another, pairwise), and so do "at least 15" and "exactly 15".

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> killed = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    >>> [(f.qualifier.value, f.low, f.best, f.asserted_by) for f in killed]
    [('at_least', 15, None, 'org:human-rights-foundation'), ('exact', None, 15, None), \
('exact', None, 17, 'org:kazakhstan-authorities')]
    >>> killed.range, killed.open_above, killed.disagree
    ((15, 17), True, True)
    >>> killed = ds.figures("event:bloody-january-2022", measure="killed")
    >>> [f.as_given for f in killed]
    ['200 people were killed', 'over 200 people were killed', 'More than 220 people were killed']
    >>> killed.range, killed.open_above
    ((200, 220), True)
    """

    event: str
    measure: Measure | None
    figures: tuple[Figure, ...]
    unit: FigureUnit | None = None

    @overload
    def __getitem__(self, index: int) -> Figure: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Figure, ...]: ...
    def __getitem__(self, index: int | slice) -> Figure | tuple[Figure, ...]:
        return self.figures[index]

    def __len__(self) -> int:
        return len(self.figures)

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    @property
    def range(self) -> tuple[int | None, int | None] | None:
        """(smallest, largest) number the claims state; see the class doc."""
        if not self.figures:
            return None
        self._one_quantity()
        stated = [n for f in self.figures for n in (f.low, f.best, f.high) if n is not None]
        if not stated:
            return (None, None)
        return (min(stated), max(stated))

    @property
    def open_above(self) -> bool:
        """True if a claim ("at least", "more than") leaves room above :attr:`range`."""
        return any(f.qualifier in _OPEN_ABOVE and f.high is None for f in self.figures)

    @property
    def open_below(self) -> bool:
        """True if a claim ("at most", "less than") leaves room below :attr:`range`."""
        return any(f.qualifier in _OPEN_BELOW and f.low is None for f in self.figures)

    def _one_quantity(self) -> None:
        counted = {(f.measure, f.unit) for f in self.figures}
        if len(counted) <= 1:
            return
        what = ", ".join(sorted(f"{m.value} ({u.value})" for m, u in counted))
        advice = (
            "pass measure= to get one range"
            if len({m for m, _ in counted}) > 1
            else "they are in different units; pass unit= to get one range"
        )
        raise ValueError(f"the figures on {self.event} count different things ({what}); {advice}")

    @property
    def disagree(self) -> bool:
        """True if the claims on one measure (and unit) are not all the same numbers."""
        claims: dict[tuple[Measure, Any], set[tuple[Any, ...]]] = {}
        for f in self.figures:
            claims.setdefault((f.measure, f.unit), set()).add((f.qualifier, f.low, f.best, f.high))
        return any(len(numbers) > 1 for numbers in claims.values())


@attrs.frozen
class Related:
    """The relationships, events, statements and ratings that name a record.

    A relationship names it as subject or object; an event as a participant, the accused
    or provision of a charge, one of its places (directly, not through ``within``), the
    event it is part of, or who asserted one of its figures; a statement as speaker,
    addressee or what it is about; a rating as its country or who rated it. Each tuple is in
    date order (relationships by ``start``, events and statements by ``date``, ratings by
    ``as_of``; by :meth:`EDTF.sort_key`, undated last, ties by ID). Citations are not
    references: see :meth:`Dataset.cited_by <rightsdata.Dataset.cited_by>`.
    """

    record: str
    relationships: tuple[Relationship, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    ratings: tuple[Rating, ...]

    def __len__(self) -> int:
        return len(self.relationships) + len(self.events) + len(self.statements) + len(self.ratings)


class _Filter(NamedTuple):
    """One condition of an events query: its size, how to list it, how to test a rank."""

    size: int
    ranks: Callable[[], Iterable[int]]
    ordered: bool  # ranks() yields ascending ranks
    test: Callable[[int], bool]
    is_window: bool = False


def _posting_filter(posting: Posting) -> _Filter:
    return _Filter(len(posting.ranks), lambda: posting.ranks, True, posting.members.__contains__)


def _in_role(posting: Posting, order: Sequence[Event], actor: str, role: Role) -> Posting:
    """The events of ``posting`` in which ``actor`` took part as ``role``."""
    return Posting(
        tuple(
            rank
            for rank in posting.ranks
            if any(p.actor == actor and p.role is role for p in order[rank].participants)
        )
    )


def _term(cls: type[E], value: object, argument: str) -> E:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            terms = ", ".join(m.value for m in cls)
            raise ValueError(
                f"{argument}={value!r} is not a {cls.__name__}; expected one of: {terms}"
            ) from None
    raise TypeError(
        f"{argument}= expects a {cls.__name__} or its string, not {type(value).__name__}"
    )


def _parsed(value: object, problem: str) -> object:
    """``value``, an EDTF if it was text; a ValueError starting with ``problem`` if the text
    is not EDTF."""
    if not isinstance(value, str):
        return value
    try:
        return EDTF.parse(value)
    except EDTFError as error:
        raise ValueError(f"{problem}: {error}") from None


def _bound(value: object, side: str) -> int:
    """The first (start) or last (end) day ordinal of a window side; NEG / POS if open."""
    start = side == "start"
    if value is None:
        return NEG if start else POS
    value = _parsed(value, f"between: the {side} is not a date")
    if isinstance(value, EDTF):
        first, last = bounds(value)
        return first if start else last
    if isinstance(value, datetime.date):  # also datetime and pendulum Date / DateTime
        return value.toordinal()
    raise TypeError(
        f"between: the {side} must be an EDTF, a date, a string or None, not {type(value).__name__}"
    )


def window(between: object) -> tuple[int, int]:
    """``(start, end)`` as (first day, last day) ordinals; open sides are NEG / POS.

    >>> window(("2012", "2012-10-08")) == (datetime.date(2012, 1, 1).toordinal(),
    ...                                    datetime.date(2012, 10, 8).toordinal())
    True
    """
    if isinstance(between, str | bytes | EDTF) or not isinstance(between, Sequence):
        raise TypeError(
            f"between= expects a (start, end) pair, not {type(between).__name__}; "
            "for a single date d, pass (d, d)"
        )
    if len(between) != 2:
        raise ValueError(f"between= expects a (start, end) pair, not {len(between)} values")
    lo, hi = _bound(between[0], "start"), _bound(between[1], "end")
    if lo > hi:
        raise ValueError(f"between: the start {between[0]!r} is after the end {between[1]!r}")
    return lo, hi


def day(value: object) -> int:
    """The ordinal of one day: a date, or an EDTF (or its text) that denotes a single day."""
    if isinstance(value, datetime.date):
        return value.toordinal()
    value = _parsed(value, "not a date")
    if isinstance(value, EDTF):
        first, last = bounds(value)
        if first != last:
            raise ValueError(
                f"{str(value)!r} is not a single day; pass a day such as 'YYYY-MM-DD' "
                "(the first or last day of the period you mean)"
            )
        return first
    raise TypeError(f"expected a date, an EDTF day or its text, not {type(value).__name__}")


class Queries:
    """Answers a dataset's queries from its indexes (used by :class:`~rightsdata.Dataset`)."""

    __slots__ = ("_indexes", "_redirects")

    def __init__(self, indexes: Indexes, redirects: Mapping[str, str]) -> None:
        self._indexes = indexes
        self._redirects = redirects

    # -- IDs --------------------------------------------------------------------------------

    def resolve(self, record_id: str) -> str:
        """The ID of an existing record, following redirects; UnknownIdError if none."""
        by_id = self._indexes.by_id()
        if record_id in by_id:
            return record_id
        if not isinstance(record_id, str):
            raise TypeError(f"a record ID is a string, not {type(record_id).__name__}")
        target = follow_redirects(record_id, self._redirects, by_id.__contains__)
        if target in by_id:
            return target
        if target != record_id:
            raise UnknownIdError(record_id, f"it redirects to {target!r}, which no record has")
        kind = KIND_OF_PREFIX.get(prefix_of(record_id))
        raise UnknownIdError(record_id, None if kind else "IDs look like 'person:vladimir-kozlov'")

    def get(self, record_id: str) -> Record:
        """The record with this ID, following redirects."""
        return self._indexes.by_id()[self.resolve(record_id)]

    def _id_of(self, value: object, argument: str, *types: type) -> str:
        """The resolved ID of a record or ID given as ``argument``, of one of ``types``."""
        if isinstance(value, str):
            record_id = self.resolve(value)
        elif isinstance(value, types):
            record_id = self.resolve(value.id)  # type: ignore[attr-defined]
        else:
            names = " or ".join(t.__name__ for t in types)
            raise TypeError(
                f"{argument}= expects an ID or a {names} record, not {type(value).__name__}"
            )
        record = self._indexes.by_id()[record_id]
        if not isinstance(record, types):
            names = " or ".join(t.__name__ for t in types)
            raise ValueError(
                f"{argument}={value!r} is a {type(record).__name__}, not a {names} record"
            )
        return record_id

    # -- queries ----------------------------------------------------------------------------

    def search(self, text: str, limit: int | None, kinds: Iterable[str] | None) -> list[Record]:
        """See :meth:`rightsdata.Dataset.search`."""
        if not isinstance(text, str):
            raise TypeError(f"search text must be a str, not {type(text).__name__}")
        if limit is not None and (type(limit) is not int or limit < 1):
            raise ValueError(f"limit= must be a positive int or None, not {limit!r}")
        entries: Iterable[Any] = self._indexes.search()
        if kinds is not None:
            if isinstance(kinds, str):
                kinds = (kinds,)
            wanted = set(kinds)
            unknown = wanted - set(KINDS)
            if unknown:
                raise ValueError(
                    f"kinds=: unknown kinds {', '.join(sorted(unknown))}; "
                    "searchable: persons, organizations, places, laws"
                )
            orders = {KINDS.index(k) for k in wanted}
            entries = [e for e in entries if e.kind_order in orders]
        by_id = self._indexes.by_id()
        ids = rank(text, entries)
        return [by_id[i] for i in (ids if limit is None else ids[:limit])]

    def events(
        self,
        kind: object = None,
        between: object = None,
        involving: object = None,
        place: object = None,
        role: object = None,
    ) -> list[Event]:
        """See :meth:`rightsdata.collection.EventCollection.__call__`."""
        index = self._indexes.events()
        filters: list[_Filter] = []
        the_role = None if role is None else _term(Role, role, "role")
        if involving is not None:
            actor = self._id_of(involving, "involving", Person, Organization)
            posting = index.by_actor.get(actor, EMPTY)
            if the_role is not None:
                # An actor's events are few: test them rather than index every actor-role
                # pair (about 1.5 postings an event, most never asked for).
                posting = _in_role(posting, index.order, actor, the_role)
            filters.append(_posting_filter(posting))
        elif the_role is not None:
            filters.append(_posting_filter(index.by_role.get(the_role.value, EMPTY)))
        if place is not None:
            place_id = self._id_of(place, "place", Place)
            filters.append(_posting_filter(index.by_place.get(place_id, EMPTY)))
        if kind is not None:
            filters.append(self._kind_filter(kind))
        order = index.order
        if between is None:
            if not filters:
                return list(order)
            lo, hi = NEG, POS
            dated_only = False
        else:
            lo, hi = window(between)
            dated_only = True
            smallest = min((f.size for f in filters), default=POS)
            if smallest > _SMALL:
                filters.append(self._window_filter(lo, hi))
        filters.sort(key=lambda f: f.size)
        driver = filters[0]
        found: Iterable[int] = driver.ranks()
        if dated_only and not driver.is_window:
            firsts, lasts = index.firsts, index.lasts
            found = [r for r in found if firsts[r] <= hi and lasts[r] >= lo]
        for other in filters[1:]:
            if not other.is_window:
                found = filter(other.test, found)
        if driver.ordered:
            return [order[r] for r in found]
        return [order[r] for r in sorted(found)]

    def _kind_filter(self, kind: object) -> _Filter:
        index = self._indexes.events()
        if isinstance(kind, str):  # EventKind is a str too
            kinds = [_term(EventKind, kind, "kind")]
        elif isinstance(kind, Iterable):
            kinds = [_term(EventKind, k, "kind") for k in kind]
            if not kinds:
                raise ValueError("kind= is an empty collection; pass None for every kind")
        else:
            raise TypeError(
                f"kind= expects an EventKind, its string, or a collection of them, "
                f"not {type(kind).__name__}"
            )
        postings = [index.by_kind.get(k, EMPTY) for k in {k.value for k in kinds}]
        if len(postings) == 1:
            return _posting_filter(postings[0])
        members = [p.members for p in postings]
        return _Filter(
            sum(len(p.ranks) for p in postings),
            lambda: chain.from_iterable(p.ranks for p in postings),
            False,
            lambda r: any(r in m for m in members),
        )

    def _window_filter(self, lo: int, hi: int) -> _Filter:
        index = self._indexes.events()
        dates, firsts, lasts = index.dates, index.firsts, index.lasts
        return _Filter(
            dates.estimate(lo, hi),
            lambda: dates.overlapping(lo, hi),
            False,
            lambda r: firsts[r] <= hi and lasts[r] >= lo,
            is_window=True,
        )

    def figures(self, event: object, measure: object, unit: object = None) -> Figures:
        """See :meth:`rightsdata.Dataset.figures`."""
        event_id = self._id_of(event, "event", Event)
        record = self._indexes.by_id()[event_id]
        assert isinstance(record, Event)
        wanted = None if measure is None else _term(Measure, measure, "measure")
        counted = None if unit is None else _term(FigureUnit, unit, "unit")
        found = tuple(
            f
            for f in record.figures
            if (wanted is None or f.measure is wanted) and (counted is None or f.unit is counted)
        )
        return Figures(event=event_id, measure=wanted, figures=found, unit=counted)

    def ratings(self, country: object) -> list[Rating]:
        """See :class:`rightsdata.collection.RatingCollection`."""
        index = self._indexes.ratings()
        if country is None:
            return list(index.order)
        return list(index.by_country.get(self._id_of(country, "country", Place), ()))

    def rating_on(self, country: object, date: object) -> Rating | None:
        """See :meth:`rightsdata.Dataset.rating_on`."""
        place_id = self._id_of(country, "country", Place)
        when = day(date)
        index = self._indexes.ratings()
        starts = index.starts.get(place_id)
        if not starts:
            return None
        position = bisect_right(starts, when)
        return index.by_country[place_id][position - 1] if position else None

    def cited_by(self, source: object) -> list[Record]:
        """See :meth:`rightsdata.Dataset.cited_by`."""
        source_id = self._id_of(source, "source", Source)
        return list(self._indexes.sources().get(source_id, ()))

    def related(self, record: object) -> Related:
        """See :meth:`rightsdata.Dataset.related`."""
        if isinstance(record, str):
            record_id = self.resolve(record)
        elif hasattr(record, "id") and isinstance(record.id, str):
            record_id = self.resolve(record.id)
        else:
            raise TypeError(f"related() expects an ID or a record, not {type(record).__name__}")
        found = self._indexes.references().get(record_id)
        if found is None:
            return Related(record_id, (), (), (), ())
        return Related(
            record_id, found.relationships, found.events, found.statements, found.ratings
        )
