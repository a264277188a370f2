"""What a timeline plot draws, without matplotlib (internal; see :mod:`rightsdata._display.plot`).

:func:`subject_events` turns a plot's subject into its events; :func:`mark_of` turns an
event's date into a mark: a day, a span (a month, season or year, or a set of dates: some
day within it, from its first possible day to its last; a set's gaps are not drawn), or an
interval (from a start to an end), each side known, open (``..``) or unknown (empty).

>>> import rightsdata
>>> ds = rightsdata.load()
>>> mark = mark_of(ds.events["event:kozlov-trial-2012"])
>>> mark.shape, mark.first, mark.last, mark.start_side
('interval', None, datetime.date(2012, 10, 8), 'unknown')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Final, Literal

import attrs

from rightsdata._data.answers import DateLike
from rightsdata._data.dataset import Dataset
from rightsdata._data.indexes import date_order
from rightsdata._data.query import place_code
from rightsdata._display.given import given
from rightsdata._display.words import isolated, within_note
from rightsdata._model.records import ACTOR_TYPES, RECORD_CLASSES, Actor, Event, Place, Record
from rightsdata._values.dates import EDTF, Precision
from rightsdata._values.errors import UnknownIdError, one_line, what_was_given
from rightsdata._values.ids import KIND_OF_PREFIX, a_noun, prefix_of
from rightsdata.vocab import EventKind, EventKindValue

__all__ = ["Mark", "Subject", "case_events", "case_root", "mark_of", "subject_events"]

Shape = Literal["day", "span", "interval", "undated"]
Side = Literal["known", "open", "unknown"]


@attrs.frozen(kw_only=True)
class Mark:
    """How one event is drawn.

    ``first`` and ``last`` are the first and last day the date could cover (None where a
    side is open or unknown, and for an undated event); ``qualified`` is true when the date,
    or a side of it, carries ``?``, ``~`` or ``%``. For an interval, ``sure_first`` and
    ``sure_last`` are the days it surely covers: from its start's last possible day to its
    end's first (``2011/2013``: from 31 December 2011 to 1 January 2013; the same as
    ``first`` and ``last`` where both ends are days; None on an open or unknown side); for
    any other date, ``first`` and ``last``.
    """

    event: Event
    shape: Shape
    first: datetime.date | None
    last: datetime.date | None
    start_side: Side
    end_side: Side
    qualified: bool
    sure_first: datetime.date | None = None
    sure_last: datetime.date | None = None

    @property
    def imprecise_ends(self) -> bool:
        """Whether this is an interval an end of which is a month, a season or a year, so
        that it surely covers less than it may (``2011/2011-12``)."""
        return self.shape == "interval" and (
            (self.start_side == "known" and self.sure_first != self.first)
            or (self.end_side == "known" and self.sure_last != self.last)
        )


@attrs.frozen(kw_only=True)
class Subject:
    """A plot's subject resolved: its default title (what is drawn and how many events), its
    events in date order, and the record asked for (None for some events chosen); for a
    place, ``within`` says how many of its events are at places within it
    (:func:`~rightsdata._display.words.within_note`: ``' (2 at places within it)'``, or
    ``''``), as the title and ``rightsdata timeline``'s heading say it."""

    heading: str
    events: tuple[Event, ...]
    record: Actor | Place | Event | None
    is_case: bool = False
    within: str = ""


def _plain(day: datetime.date | None) -> datetime.date | None:
    return None if day is None else datetime.date.fromordinal(day.toordinal())


def _qualified(date: EDTF) -> bool:
    sides = (date.start, date.end) if date.is_interval else (date,)
    return any(s is not None and (s.uncertain or s.approximate) for s in sides)


def mark_of(event: Event) -> Mark:
    """The mark that stands for ``event``'s date (see the module doc).

    >>> import rightsdata
    >>> mark = mark_of(rightsdata.load().events["event:kozlov-stricter-regime-2015"])
    >>> mark.shape, mark.first, mark.last       # some day from 17 July to 31 August 2015
    ('span', datetime.date(2015, 7, 17), datetime.date(2015, 8, 31))
    """
    date = event.date
    if date is None:
        return Mark(
            event=event,
            shape="undated",
            first=None,
            last=None,
            start_side="unknown",
            end_side="unknown",
            qualified=False,
        )
    first, last = _plain(date.earliest), _plain(date.latest)
    shape: Shape
    if date.is_interval:
        shape = "day" if first is not None and first == last else "interval"
    else:
        shape = "day" if date.precision is Precision.DAY else "span"
    start_side: Side = "open" if date.open_start else "unknown" if first is None else "known"
    end_side: Side = "open" if date.open_end else "unknown" if last is None else "known"
    sure_first, sure_last = first, last
    if date.is_interval:  # (from the start's last possible day to the end's first)
        start, end = date.start, date.end
        sure_first = _plain(start.latest) if start is not None and first is not None else None
        sure_last = _plain(end.earliest) if end is not None and last is not None else None
    return Mark(
        event=event,
        shape=shape,
        first=first,
        last=last,
        start_side=start_side,
        end_side=end_side,
        qualified=_qualified(date),
        sure_first=sure_first,
        sure_last=sure_last,
    )


def case_root(dataset: Dataset, event: str | Event) -> Event:
    """The largest event ``event`` is part of: ``part_of`` followed up as far as it goes.

    >>> import rightsdata
    >>> case_root(rightsdata.load(), "event:kozlov-verdict-2012-10-08").id
    'event:kozlov-trial-2012'
    """
    given(dataset, "case_events", "dataset", "a Dataset", Dataset)
    if not isinstance(event, str | Event):  # (None, a number: not "has no attribute 'id'")
        raise TypeError(f"a case's event is an ID or an Event, not {what_was_given(event)}")
    record = dataset.get(event if isinstance(event, str) else event.id)
    if not isinstance(record, Event):
        raise ValueError(f"{record.id!r} is a {type(record).__name__}, not an Event")
    root, seen = record, {record.id}
    while root.part_of is not None and root.part_of not in seen:  # seen: never loop
        parent = dataset.get(root.part_of)
        assert isinstance(parent, Event)  # integrity: part_of names an event
        root = parent
        seen.add(root.id)
    return root


def case_events(dataset: Dataset, event: str | Event) -> list[Event]:
    """The events of the case an event belongs to, in date order.

    The case is the largest event ``event`` is part of (``part_of`` followed up as far as
    it goes; the event itself if it is part of none) and every event part of that one,
    however deep (``part_of`` followed down).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> [e.id for e in case_events(ds, "event:kozlov-verdict-2012-10-08")]
    ['event:kozlov-trial-2012', 'event:kozlov-verdict-2012-10-08']
    >>> len(case_events(ds, "event:bloody-january-2022"))
    14
    """
    root = case_root(dataset, event)
    found: dict[str, Event] = {root.id: root}
    pending = [root.id]
    while pending:
        current = pending.pop()
        for child in dataset.related(current).events:
            if child.part_of == current and child.id not in found:
                found[child.id] = child
                pending.append(child.id)
    return sorted(found.values(), key=lambda e: date_order(e.date, e.id))


#: What a timeline is drawn for, in the words of the errors that say so.
_ACCEPTED: Final = (
    "a person, an organisation, a group, a place (its events and those at places within it), "
    "an event (for its case) or some events (Event records or their IDs)"
)


def _record_of(dataset: Dataset, item: str | Record) -> Record:
    """The record ``item`` (an ID or a record) is, as the dataset has it; an ID without its
    kind is looked for among the events (the IDs suggested are events')."""
    if not isinstance(item, str):
        return dataset.get(item.id)
    try:
        return dataset.get(item)
    except UnknownIdError:
        if KIND_OF_PREFIX.get(prefix_of(item)) is not None:
            raise
    return dataset.get(item, Event)


def _chosen_event(dataset: Dataset, item: object, position: int) -> Event:
    """The event ``item`` of a chosen set (an ID or a record) is, as the dataset has it."""
    if not isinstance(item, str) and not isinstance(item, RECORD_CLASSES):
        raise TypeError(
            f"the events of a timeline are Event records or their IDs; the item at index "
            f"{position} is {what_was_given(item)}"
        )
    try:
        record = _record_of(dataset, item)
    except UnknownIdError as error:  # (named by its index, as every other bad item is)
        error.at = f"the item at index {position}"
        raise
    named = repr(item if isinstance(item, str) else item.id)
    if not isinstance(record, Event):
        raise ValueError(
            f"the events of a timeline are Event records or their IDs; the item at index "
            f"{position} ({named}) is {a_noun(record.kind_name)}"
            + (
                "; for its events, give it alone as the subject"
                if isinstance(record, (*ACTOR_TYPES, Place))
                else ""
            )
        )
    return record


def _kept(
    dataset: Dataset,
    events: Iterable[Event],
    kind: EventKind | EventKindValue | Iterable[EventKind | EventKindValue] | None,
    between: tuple[DateLike | None, DateLike | None] | None,
) -> list[Event]:
    """Those of ``events`` that ``ds.events(kind=, between=)`` would return."""
    if kind is None and between is None:
        return list(events)
    kept = {e.id for e in dataset.events(kind=kind, between=between)}
    return [e for e in events if e.id in kept]


def _plural(n: int) -> str:
    return f"{n} event{'' if n == 1 else 's'}"


def subject_events(
    dataset: Dataset,
    subject: str | Record | Iterable[str | Event],
    kind: EventKind | EventKindValue | Iterable[EventKind | EventKindValue] | None = None,
    between: tuple[DateLike | None, DateLike | None] | None = None,
) -> Subject:
    """Resolve a plot's subject: an actor's events (:meth:`~rightsdata.Dataset.timeline`),
    a place's (``ds.events(place=)``: at it or at a place within it), an event's case
    (:func:`case_events`) or some events (records or IDs, each once, in date order), kept to
    ``kind`` and ``between`` as :meth:`ds.events() <rightsdata.EventCollection.__call__>`
    does.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> subject_events(ds, "place:zhanaozen", kind="protest").heading
    'Zhanaozen — 2 events (1 at a place within it)'
    >>> chosen = ["event:kozlov-verdict-2012-10-08", "event:kozlov-detention-2012-01-26"]
    >>> found = subject_events(ds, chosen)
    >>> found.heading, [e.id for e in found.events]
    ('2 events', ['event:kozlov-detention-2012-01-26', 'event:kozlov-verdict-2012-10-08'])
    """
    if isinstance(subject, str):
        code = place_code(subject, dataset.country)  # ('KZ': its place, as in events(place=))
        # (an unknown ID: told IDs of the kinds a subject may be)
        kinds = (*ACTOR_TYPES, Place, Event)
        record = dataset._answers().get(subject, kinds) if code is None else dataset.country(code)
    elif isinstance(subject, RECORD_CLASSES):
        record = dataset.get(subject.id)
    elif isinstance(subject, Iterable) and not isinstance(subject, bytes | bytearray):
        found: dict[str, Event] = {}
        for position, item in enumerate(subject):
            event = _chosen_event(dataset, item, position)
            found.setdefault(event.id, event)
        chosen = sorted(found.values(), key=lambda e: date_order(e.date, e.id))
        events = _kept(dataset, chosen, kind, between)
        return Subject(heading=_plural(len(events)), events=tuple(events), record=None)
    else:
        raise TypeError(
            f"the subject of a timeline is some events (Event records or their IDs), "
            f"an ID or a record, not {what_was_given(subject)}"
        )
    if isinstance(record, ACTOR_TYPES):
        events = dataset.events(involving=record, kind=kind, between=between)
        heading = f"{isolated(one_line(record.name))} — {_plural(len(events))}"
        return Subject(heading=heading, events=tuple(events), record=record)
    if isinstance(record, Place):
        events = dataset.events(place=record, kind=kind, between=between)
        within = within_note(record.id, events)
        heading = f"{isolated(one_line(record.name))} — {_plural(len(events))}{within}"
        return Subject(heading=heading, events=tuple(events), record=record, within=within)
    if isinstance(record, Event):
        case = _kept(dataset, case_events(dataset, record), kind, between)
        root = isolated(one_line(case_root(dataset, record).title))
        heading = f"Case: {root} — {_plural(len(case))}"
        return Subject(heading=heading, events=tuple(case), record=record, is_case=True)
    raise ValueError(
        f"a timeline is drawn for {_ACCEPTED}, not for {record.id!r}, a {type(record).__name__}"
    )
