"""The lookups behind a dataset's queries: built lazily, once, thread-safely; never rebuilt.

:class:`Indexes` holds one lazily built value per index. The first query that needs an index
builds it under that index's own lock (checked again once the lock is held, so concurrent
first calls build it once, and a build waits for no other index's); every later call reads
it without locking. A dataset is immutable, so an index is
never rebuilt or invalidated. Nothing here refers back to the :class:`~rightsdata.Dataset`
(the builders are functions of the records, not bound methods), so a dataset and its indexes
form no reference cycle and are freed as soon as the last reference goes.

The indexes:

* ``event_fields`` (``EventFields``): the events' ID fields (actors, places, the
  other records they name) flattened into texts (``Flat``), searched with
  ``str.rfind``: ``timeline`` and ``related`` find an ID's events there and sort only those;
* ``events`` (:class:`EventIndex`): the events in chronological order (see
  :func:`date_order`; each date's key computed once), each rank's possible first and last
  day, and postings (the events, as sorted ranks) by role and by kind (a pass each the
  first time a query needs them) and by actor, place and the other records events name
  (from ``event_fields``, a key when asked); a place's events with those at places within
  it, and :class:`DateIndex` for windows, are derived on first use;
* ``search`` (:class:`~rightsdata._data.search.SearchIndex`): the normalised names, aliases,
  titles and summaries, with an inverted index of their words;
* ``sources``: the records citing each source;
* ``references``: the relationships, statements and ratings naming each record;
* ``ratings``: each country's ratings in date order, with the days they are certain from;
* ``countries``: the country place of each ISO 3166-1 alpha-2 code.

>>> import rightsdata
>>> events = rightsdata.load()._answers()._indexes.events()   # built on first use
>>> len(events.order) == len(rightsdata.load().events)
True
"""

from __future__ import annotations

import re
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import accumulate, chain, compress, groupby, repeat
from operator import attrgetter, itemgetter
from typing import Any, Final, Generic, TypeVar, overload

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
from rightsdata._validation.bulkcheck import (
    MARKED_BLOCK,
    Gathered,
    Group,
    gathered,
    named_prefixes,
)
from rightsdata._values.dates import EDTF, date_object_lead
from rightsdata._values.errors import what_was_given
from rightsdata._values.gcpause import gc_paused
from rightsdata.vocab import PlaceKind

__all__ = [
    "NEG",
    "POS",
    "DateIndex",
    "EventIndex",
    "Indexes",
    "Listed",
    "Posting",
    "Postings",
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

_ID: Final = attrgetter("id")


def bounds(date: EDTF) -> tuple[int, int]:
    """(first, last) day ordinals a date could cover; an open or unknown side is NEG / POS.

    These are the bounds :meth:`EDTF.overlaps` uses.

    >>> bounds(EDTF("2012"))
    (734503, 734868)
    """
    key = date.sort_key()
    return key[0], key[1]


def certain_from(as_of: EDTF) -> int:
    """The ordinal of the first day by which a rating dated ``as_of`` is certain to have
    been given: its last possible day (:attr:`EDTF.latest`, read as a day number, so that
    no pendulum date is made). A date with no last possible
    day (an open or unknown end, ``2019/..``, ``[2015-12-08..]``) counts from its first
    possible day, since nothing later is known (and with no first possible day either, from
    any day).

    >>> import datetime
    >>> certain_from(EDTF("2022")) == datetime.date(2022, 12, 31).toordinal()
    True
    >>> certain_from(EDTF("2016/..")) == datetime.date(2016, 1, 1).toordinal()
    True
    """
    first, last = bounds(as_of)
    return first if last == POS else last


def chronological_key(date: EDTF | str | None) -> tuple[int, str]:
    """Where a date sorts in a chronology: by its last possible day; on the same last day an
    interval or a set before a single date, then the narrower first (the later first day),
    then the text; undated after every date.

    So a date sorts where it is sure to have happened: ``2020-06-15``, then ``2020-06`` (by
    30 June), then ``2020`` (by 31 December); a span that ends on a day (a trial
    ``/2012-10-08``) just before what happened that day (the verdict ``2012-10-08``), and so
    does a set that may end on it (a charge on some day up to the verdict,
    ``[2012-01-26..2012-10-08]``: the sources date by a set what led up to a dated outcome);
    an open or unknown end after every closed one; ``2012`` just before ``2012?``. The days
    are packed into one int, so that sorting mostly compares ints.

    Public as ``rightsdata.chronological_key``: the queries' order for a list of your own
    (``sorted(dates)`` orders EDTF values by their first possible day instead). A date's
    text is read as :class:`~rightsdata.EDTF` reads it (:class:`~rightsdata.EDTFError` if it
    is not one), so a table's ``date`` column sorts in this order too:
    ``frame.sort_values("date", key=lambda d: d.map(chronological_key, na_action="ignore"),
    kind="stable")`` (the text itself sorts ``[2012-01-26..2012-10-08]`` after ``2015``;
    ``kind="stable"`` keeps equal dates in the table's ID order, as the queries do, where
    pandas' default sort may reorder them).

    >>> days = ["2020", "2020-06", "2020-06-15", "2020-12-31", "2019/2020-06-15"]
    >>> sorted(days, key=lambda d: chronological_key(EDTF(d)))
    ['2019/2020-06-15', '2020-06-15', '2020-06', '2020-12-31', '2020']
    >>> sorted(["2020-06-15", "[2020-06-01,2020-06-15]", "2020-06-01/2020-06-15"],
    ...        key=lambda d: chronological_key(EDTF(d)))
    ['2020-06-01/2020-06-15', '[2020-06-01,2020-06-15]', '2020-06-15']
    >>> chronological_key("2012") == chronological_key(EDTF("2012"))
    True
    >>> chronological_key(2012)  # type: ignore[arg-type]
    Traceback (most recent call last):
    TypeError: chronological_key takes an EDTF, its text or None, not an int (2012)
    """
    if date is None:
        return (_UNDATED_KEY, "")
    if isinstance(date, str):
        date = EDTF.parse(date)
    try:
        first, last, text = date.sort_key()
    except AttributeError:
        if isinstance(date, EDTF):
            raise
        raise TypeError(
            f"chronological_key takes an EDTF, its text or None, not {what_was_given(date)}"
            f"{date_object_lead(date, 'chronological_key({})')}"
        ) from None
    single = 0 if date.is_interval or date.is_set else _SINGLE
    return ((last << _SHIFT) + single + (_OFFSET - first), text)


def date_order(date: EDTF | None, record_id: str) -> tuple[tuple[int, str], str]:
    """The sort key of a dated record in a chronology: :func:`chronological_key`, then ID.

    >>> sorted(["b", "a"], key=lambda i: date_order(None if i == "a" else EDTF("2012"), i))
    ['b', 'a']
    """
    return (chronological_key(date), record_id)


class _Lazy(Generic[T]):
    """A value built on first use, under a lock of its own: a thread's first query waits for
    the build of the index it needs, not for another's. (Under one lock for them all, a
    first ``events(kind=...)``, 8 ms alone at 100,000 events, took 410 ms while another
    thread's first ``cited_by`` gathered the records citing each source; 8 ms now. The
    locks cost a single thread nothing that can be measured: its first queries took 412 ms
    of CPU against 415, medians of seven fresh processes each, interleaved.)

    ``build`` is a plain function of the owner (not a bound method, which would make the
    owner refer to itself through this object: a reference cycle). A build may take another
    index (the event index takes ``event_fields``), never its own, and no index's build
    takes one that takes it back: the locks are always taken in that order.
    """

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[Indexes], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
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

    __slots__ = ("_members", "_ranks")

    _ranks: tuple[int, ...] | None
    _members: frozenset[int] | None

    def __init__(self, ranks: tuple[int, ...], members: frozenset[int] | None = None) -> None:
        object.__setattr__(self, "_ranks", ranks)
        object.__setattr__(self, "_members", members)

    @property
    def ranks(self) -> tuple[int, ...]:
        """The ranks, ascending."""
        return self._ranks  # type: ignore[return-value]  # (None only in Listed)

    @property
    def size(self) -> int:
        """How many ranks."""
        return len(self.ranks)

    @property
    def members(self) -> frozenset[int]:
        """The ranks as a set, for membership tests and intersections."""
        members = self._members
        if members is None:
            members = frozenset(self.ranks)
            object.__setattr__(self, "_members", members)
        return members

    def keep(self, ranks: Iterable[int]) -> Iterator[int]:
        """Those of ``ranks`` that are this posting's, in their order.

        >>> list(Posting((1, 4)).keep([4, 2, 1]))
        [4, 1]
        """
        return filter(self.members.__contains__, ranks)

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


class Listed(Posting):
    """A posting of many events known first by their positions among the items (the events
    by ID), in rank order: what a query of this posting alone picks. ``held`` is the
    positions as a set, ``ranked`` the position of each rank (the date order). Its ranks
    are found when a query needs them (it drives a query with other conditions), by a pass
    over the date order testing each position; other ranks are tested by their positions.

    A query of one key with many events (``role="victim"``: a fifth of the events) needs
    the events, not their ranks: the positions in rank order come from one C-level pass
    over the date order, and the events from them, without a range of every rank and a
    second look-up of each rank's position; and a query with a smaller condition tests the
    few ranks it finds by their positions, without a set of this posting's ranks.

    >>> listed = Listed(array("q", [5, 2]), frozenset({2, 5}), array("q", [0, 5, 1, 2]))
    >>> list(listed.positions), listed.size, list(listed.keep([3, 0, 1])), listed.ranks
    ([5, 2], 2, [3, 1], (1, 3))
    """

    __slots__ = ("_held", "_lock", "_ranked", "positions")

    positions: Sequence[int]
    _held: frozenset[int]
    _ranked: Sequence[int]
    _lock: threading.Lock

    def __init__(
        self, positions: Sequence[int], held: frozenset[int], ranked: Sequence[int]
    ) -> None:
        super().__init__(None, None)  # type: ignore[arg-type]  # (the ranks, made on first use)
        object.__setattr__(self, "positions", positions)
        object.__setattr__(self, "_held", held)
        object.__setattr__(self, "_ranked", ranked)
        object.__setattr__(self, "_lock", threading.Lock())

    @property
    def ranks(self) -> tuple[int, ...]:
        """The ranks, ascending: made on first use, once (under the lock: threads that all
        came to make them at once each made a pass over the date order and a tuple of a
        sixteenth of the events or more)."""
        ranks = self._ranks
        if ranks is None:
            with self._lock:
                ranks = self._ranks
                if ranks is None:
                    ranked = self._ranked
                    held = map(self._held.__contains__, ranked)
                    ranks = tuple(compress(range(len(ranked)), held))
                    object.__setattr__(self, "_ranks", ranks)
        return ranks

    @property
    def members(self) -> frozenset[int]:
        """The ranks as a set, made once as :attr:`ranks` are (a fifth of a million events'
        ranks: about 8 MB)."""
        members = self._members
        if members is None:
            ranks = self.ranks  # (first: it takes the lock too)
            with self._lock:
                members = self._members
                if members is None:
                    members = frozenset(ranks)
                    object.__setattr__(self, "_members", members)
        return members

    def keep(self, ranks: Iterable[int]) -> Iterator[int]:
        """Those of ``ranks`` that are this posting's, in their order: by their positions."""
        found = ranks if isinstance(ranks, list | tuple) else list(ranks)
        return compress(found, map(self._held.__contains__, map(self._ranked.__getitem__, found)))

    @property
    def size(self) -> int:
        """How many ranks (without making them)."""
        return len(self.positions)


EMPTY: Final = Posting(())


@attrs.frozen
class _Runs:
    """Runs of consecutive ranks with the same dates, sorted by one of their days (``days``):
    run ``i`` is ranks ``starts[i]`` to ``stops[i]`` (excluded), ``counts[i]`` the ranks in
    the runs before it."""

    days: list[int]
    starts: list[int]
    stops: list[int]
    counts: list[int]

    @classmethod
    def of(cls, runs: list[tuple[int, int, int]]) -> _Runs:
        """From ``(day, start, stop)`` triples."""
        runs.sort()
        counts = [0, *accumulate(stop - start for _, start, stop in runs)]
        return cls([r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs], counts)

    def count(self, low: int, high: int) -> int:
        """The ranks in the runs ``low`` to ``high`` (excluded)."""
        return self.counts[high] - self.counts[low] if high > low else 0

    def ranks(self, low: int, high: int) -> Iterator[int]:
        """The ranks of the runs ``low`` to ``high`` (excluded)."""
        for start, stop in zip(self.starts[low:high], self.stops[low:high], strict=True):
            yield from range(start, stop)


@attrs.frozen
class _Bucket:
    """Runs of dated events whose span (last - first day) is at most ``max_span``, sorted by
    first day, with each run's last day."""

    max_span: int
    runs: _Runs
    lasts: list[int]


@attrs.frozen
class DateIndex:
    """The events' dates for window queries (overlap of closed day ranges).

    Windows are answered from buckets of events of similar span (powers of two days), each
    sorted by first day: an event overlapping ``[lo, hi]`` in a bucket of spans up to ``s``
    starts in ``[lo - s, hi]``, found by bisection. Events with an open or unknown side are
    kept apart: those with no first day sorted by last day, those with no last day by first
    day, those with neither matched always. Consecutive ranks with the same days (events in
    date order share few distinct dates) are kept as one run: the index is built from the
    runs of the date order (``of_runs``), a Python step per run. A query costs
    O(buckets x log n + candidates).

    >>> index = DateIndex.of_runs([(1, 3, 2), (5, 9, 1), (NEG, 4, 1)])
    >>> sorted(index.overlapping(2, 2)), sorted(index.overlapping(6, 6)), index.estimate(2, 2)
    ([0, 1, 3], [2], 3)
    """

    buckets: tuple[_Bucket, ...]
    no_first: _Runs  # events with no first day, by last day
    no_last: _Runs  # events with no last day, by first day
    unbounded: _Runs  # events with neither bound

    @classmethod
    def of_runs(cls, runs: Iterable[tuple[int, int, int]]) -> DateIndex:
        """Index runs of consecutive ranks: each run's ``(first, last, count)``, the first
        run from rank 0 (undated runs, UNDATED_*, are left out). Consecutive runs with the
        same days are one.

        >>> DateIndex.of_runs([(1, 3, 1), (1, 3, 1), (5, 9, 1)]) == DateIndex.of_runs(
        ...     [(1, 3, 2), (5, 9, 1)])
        True
        """
        by_span: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        no_first: list[tuple[int, int, int]] = []
        no_last: list[tuple[int, int, int]] = []
        unbounded: list[tuple[int, int, int]] = []
        start = 0
        for (first, last), counts in groupby(runs, key=itemgetter(0, 1)):
            stop = start + sum(count for _, _, count in counts)
            if first == UNDATED_FIRST:
                pass
            elif first == NEG and last == POS:
                unbounded.append((0, start, stop))
            elif first == NEG:
                no_first.append((last, start, stop))
            elif last == POS:
                no_last.append((first, start, stop))
            else:
                by_span[(last - first).bit_length()].append((first, start, stop, last))
            start = stop
        buckets = []
        for bits, items in sorted(by_span.items()):
            items.sort()
            bucket = _Runs.of([(first, start, stop) for first, start, stop, _ in items])
            buckets.append(_Bucket((1 << bits) - 1, bucket, [i[3] for i in items]))
        return cls(tuple(buckets), _Runs.of(no_first), _Runs.of(no_last), _Runs.of(unbounded))

    def _bounds(self, lo: int, hi: int) -> Iterator[tuple[_Runs, int, int]]:
        """Each group of runs, with the slice of its runs that may overlap ``[lo, hi]``."""
        yield self.unbounded, 0, len(self.unbounded.days)
        no_first = self.no_first
        yield no_first, bisect_left(no_first.days, lo), len(no_first.days)
        yield self.no_last, 0, bisect_right(self.no_last.days, hi)
        for bucket in self.buckets:
            days = bucket.runs.days
            yield bucket.runs, bisect_left(days, lo - bucket.max_span), bisect_right(days, hi)

    def estimate(self, lo: int, hi: int) -> int:
        """An upper bound on the number of events overlapping ``[lo, hi]``, in O(log n)."""
        return sum(runs.count(low, high) for runs, low, high in self._bounds(lo, hi))

    def overlapping(self, lo: int, hi: int) -> Iterator[int]:
        """The ranks of the events whose date overlaps ``[lo, hi]``, in no particular order."""
        buckets = {id(bucket.runs): bucket.lasts for bucket in self.buckets}
        for runs, low, high in self._bounds(lo, hi):
            lasts = buckets.get(id(runs))
            if lasts is None:
                yield from runs.ranks(low, high)
                continue
            for i in range(low, high):
                if lasts[i] >= lo:
                    yield from range(runs.starts[i], runs.stops[i])


class Postings(Mapping[str, Posting]):
    """The postings of one family, by key: each key's ranks (ascending, perhaps repeated)
    become a :class:`Posting` the first time it is asked for.

    An index of 100,000 events has a posting for each of about 100,000 actors, of which a
    session asks for a few: making them all up front cost most of the family's first pass.
    Concurrent first asks of a key store equal postings.

    >>> postings = Postings({"a": [1, 1, 4]})
    >>> postings["a"].ranks, postings.get("b", EMPTY).ranks, len(postings), "a" in postings
    ((1, 4), (), 1, True)
    """

    __slots__ = ("_made", "_raw")

    def __init__(self, raw: dict[str, list[int]]) -> None:
        self._raw = raw
        self._made: dict[str, Posting] = {}

    def __getitem__(self, key: str) -> Posting:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Posting.of_ascending(self._raw[key])
        return made

    def get(self, key: str, default: Any = None) -> Any:
        """The posting of ``key``, or ``default`` if no event has it."""
        made = self._made.get(key)
        if made is not None:
            return made
        if key not in self._raw:
            return default
        return self[key]

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class Flat:
    """The IDs one family of fields of every record names (``_NAMES``), flattened: each
    record's IDs in rank order, a line each, and after each record's a line holding
    ``\x1e`` (which no ID contains): the text :func:`rightsdata._validation.bulkcheck.named_text`
    writes, and the load gathers.

    :meth:`ranks` finds a key with ``str.rfind`` in the text (a C loop over contiguous
    memory: well under a millisecond for 100,000 records) and works out the rank of each hit
    by counting the breaks before it, from the start of its block where the text has
    ``marks`` (:func:`~rightsdata._validation.bulkcheck.break_marks`); not at all if the
    family's fields cannot hold the key (``prefixes``: the IDs they hold start with one of
    them). It holds no Python object per
    value: an index needs no dict of lists for the 100,000 IDs events name, of which a
    session asks about a few.

    >>> flat = Flat.of_lists([("a", "b"), (), ("a",)])
    >>> flat.ranks("a"), flat.ranks("z")
    ([0, 2], [])
    >>> Flat("\\na\\nb\\n\\x1e\\n\\x1e\\na\\n\\x1e\\n").ranks("a")
    [0, 2]
    """

    __slots__ = ("marks", "prefixes", "text")

    def __init__(
        self,
        text: str,
        prefixes: frozenset[str] | None = None,
        marks: Sequence[int] | None = None,
    ) -> None:
        self.text = text
        self.prefixes = prefixes
        self.marks = marks

    @classmethod
    def of_lists(cls, lists: Iterable[Sequence[str]]) -> Flat:
        """From each rank's list of values (IDs)."""
        lines = ["\n"]
        for ids in lists:
            lines += [f"{value}\n" for value in ids]
            lines.append("\x1e\n")
        return cls("".join(lines))

    def ranks(self, key: str) -> list[int]:
        """The ranks whose values include ``key``, ascending (repeated if a rank holds it
        more than once)."""
        if not key or "\n" in key or "\x1e" in key:
            return []
        if self.prefixes is not None and key.partition(":")[0] not in self.prefixes:
            return []
        text = self.text
        needle = f"\n{key}\n"
        # From the end: str.rfind is CPython's plain search, which skips ahead on a character
        # the key does not hold; str.find, on a long text, the two-way search, whose skips
        # stay short on texts of IDs spelt with the key's letters (a million events' texts a
        # person's related reads, 182 MB: 31 ms against 90).
        hits: list[int] = []
        at = text.rfind(needle)
        while at >= 0:
            hits.append(at)
            at = text.rfind(needle, 0, at + 1)  # (the hit before may end in this one's "\n")
        hits.reverse()
        return self._ranks_at(hits)

    def _ranks_at(self, hits: Iterable[int]) -> list[int]:
        """The ranks of the lines at ``hits`` (the offsets of the line breaks before them,
        ascending): the breaks before each, counted from the hit before or from the start of
        its block (``marks``)."""
        text, marks = self.text, self.marks
        found: list[int] = []
        rank = 0  # the rank of the hit at ``at``: the breaks before it
        counted = 0  # text[:counted] is counted
        for at in hits:
            if marks is not None and at - counted > MARKED_BLOCK:
                block = at // MARKED_BLOCK
                rank, counted = marks[block], block * MARKED_BLOCK
            rank += text.count("\x1e", counted, at)
            counted = at
            found.append(rank)
        return found

    def ranks_of(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Each key's ranks, as :meth:`ranks` gives them (every key given is in the dict).

        From :data:`_ONE_PASS_FROM` to :data:`_ONE_PASS_UPTO` keys that the family may hold,
        one pass over the text with a regular expression of them all, not a search a key
        (:meth:`ranks`): ``re`` tries each line against the keys, slower than a search for
        one key, so it gains from about a dozen keys on (random places' keys in the events'
        places at 100,000 events, a pass of ``re`` against a search a key: 8 keys 3.1 ms
        against 2.4, 16 keys 3.9 against 4.8, 64 keys 14 against 18; keys that begin alike
        share their tries: 256 such keys 1.9 ms against 90 with ``str.find``).

        >>> flat = Flat.of_lists([("a", "b"), ("c",), ("a", "c"), ("d",), ("ab",)])
        >>> flat.ranks_of(["a", "c", "b", "ab", "z"])
        {'a': [0, 2], 'c': [1, 2], 'b': [0], 'ab': [4], 'z': []}
        """
        found: dict[str, list[int]] = {key: [] for key in keys}
        prefixes = self.prefixes
        wanted = [
            key
            for key in found
            if key
            and "\n" not in key
            and "\x1e" not in key
            and (prefixes is None or key.partition(":")[0] in prefixes)
        ]
        if not _ONE_PASS_FROM <= len(wanted) <= _ONE_PASS_UPTO:
            for key in wanted:
                found[key] = self.ranks(key)
            return found
        # "\nkey" followed by "\n" (not taken: the next line's match starts with it); a key
        # that begins another is tried on, the lookahead failing for the shorter one. (No
        # group: the key is the match less its "\n"; a group cost a sixth more, 45 ms.)
        pattern = re.compile("\n(?:" + "|".join(map(re.escape, wanted)) + ")(?=\n)")
        matches = list(pattern.finditer(self.text))
        ranks = self._ranks_at([match.start() for match in matches])
        for match, rank in zip(matches, ranks, strict=True):
            found[match.group()[1:]].append(rank)
        return found

    def keys(self) -> Iterator[str]:
        """Every value, with repeats."""
        return (v for v in self.text.split("\n") if v and v != "\x1e")


#: :meth:`Flat.ranks_of` makes one pass for this many keys or more (measured: see there) ...
_ONE_PASS_FROM: Final = 12
#: ... up to this many: ``re`` tries the keys of an alternation one after another where
#: they begin differently, so its lead stays small (random places' keys in the events'
#: places at 100,000 events: 256 keys 58 ms against 78 a search each; with ``str.find``,
#: 1,024 keys 431 against 513).
_ONE_PASS_UPTO: Final = 256


class ScanPostings(Mapping[str, Posting]):
    """A family of postings whose keys are found when asked (by ``find``, which gives the
    posting of a key, :data:`EMPTY` if no event has it), each kept once made. ``keys``
    lists every key, for iteration (rarely needed)."""

    __slots__ = ("_find", "_find_many", "_keys", "_made")

    def __init__(
        self,
        find: Callable[[str], Posting],
        keys: Callable[[], Iterable[str]],
        find_many: Callable[[list[str]], dict[str, Posting]] | None = None,
    ) -> None:
        self._find = find
        self._keys = keys
        self._find_many = find_many  # several keys at once (by default, find of each)
        self._made: dict[str, Posting] = {}

    def get_many(self, keys: Iterable[str]) -> list[Posting]:
        """The posting of each key (:data:`EMPTY` if no event has it), those not made yet
        found together (``find_many``)."""
        made = self._made
        keys = list(keys)
        new = [key for key in dict.fromkeys(keys) if key not in made and isinstance(key, str)]
        if len(new) > 1 and self._find_many is not None:
            made.update(self._find_many(new))  # concurrent first asks store equal postings
        return [made[key] if key in made else self._get_made(key) for key in keys]

    def _get_made(self, key: str) -> Posting:
        found = self.get(key)
        return EMPTY if found is None else found

    def get(self, key: str, default: Any = None) -> Any:
        """The posting of ``key``, or ``default`` if no event has it."""
        made = self._made.get(key)
        if made is None:
            if not isinstance(key, str):
                return default
            made = self._find(key)
            self._made[key] = made  # concurrent first asks store equal postings
        return default if made is EMPTY else made

    def __getitem__(self, key: str) -> Posting:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(self._keys()))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class EventFields:
    """The ID fields of events (in the order given: the collection's, by ID) flattened into
    one ``Flat`` text a family of ``Event._NAMES``: ``actors``
    (participants and the accused of charges), ``places``, ``references`` (a charge's
    provision, a figure's asserter and partners, ``part_of``). A load gathers them while it
    checks the events, with the events grouped by date (``gathered``); otherwise all are
    made on first use by the same generated walk
    (:func:`rightsdata._validation.bulkcheck.gathered`).

    ``timeline`` and ``related`` answer from these without sorting every event: they find
    the few events naming a record and sort those (:meth:`naming`, :meth:`positions`).
    The :class:`EventIndex` translates the same positions into its ranks.
    """

    __slots__ = (
        "_flats",
        "_groups",
        "_involving",
        "_lock",
        "_marks",
        "_named",
        "_naming",
        "events",
    )

    def __init__(self, events: Sequence[Event], gathered: Gathered | None = None) -> None:
        """``gathered``: what the load gathered of ``events``, in this order."""
        self.events = events
        self._named = dict(gathered.named) if gathered is not None else {}
        self._groups = dict(gathered.groups) if gathered is not None else {}
        self._marks = dict(gathered.marks) if gathered is not None else {}
        self._flats: dict[str, tuple[Flat, ...]] = {}
        self._naming: dict[str, tuple[Event, ...]] = {}
        self._involving: dict[str, tuple[Event, ...]] = {}
        self._lock = threading.Lock()

    def flats(self, family: str) -> tuple[Flat, ...]:
        """The fields of one family, flattened on first use (or by the load)."""
        flats = self._flats.get(family)
        if flats is None:
            with self._lock:
                flats = self._flats.get(family)
                if flats is None:
                    if family not in self._named:
                        self._walk()
                    text = self._named.pop(family, "\n")
                    marks = self._marks.pop(family, None)
                    flats = (Flat(text, named_prefixes(Event, family), marks),)
                    self._flats[family] = flats
        return flats

    def take_groups(self, field: str) -> dict[int, Group]:
        """The events' positions by each distinct value of one field of ``Event._GROUPS``
        (see :class:`~rightsdata._validation.bulkcheck.Gathered`), let go once given: the
        chronology is made of them once, and keeps what it needs."""
        with self._lock:
            if field not in self._groups:
                self._walk()
            return self._groups.pop(field, {})  # (no events: none)

    def _walk(self) -> None:
        """Make what the load would have gathered, every family and group in one walk
        (under the lock); a family already flattened is not made again."""
        found = gathered(self.events)
        for family, text in found.named.items():
            if family not in self._flats:
                self._named.setdefault(family, text)
                if family in found.marks:
                    self._marks.setdefault(family, found.marks[family])
        for field, groups in found.groups.items():
            self._groups.setdefault(field, groups)

    def positions(self, family: str, key: str) -> list[int]:
        """Where the events naming ``key`` in one family's fields are, ascending, once each."""
        found = [flat.ranks(key) for flat in self.flats(family)]
        if len(found) == 1:
            return list(dict.fromkeys(found[0]))
        return sorted({p for positions in found for p in positions})

    def positions_of(self, family: str, keys: Iterable[str]) -> dict[str, list[int]]:
        """:meth:`positions` of each key (every key given is in the dict), the keys found
        together in each text (:meth:`Flat.ranks_of`)."""
        keys = list(keys)
        found = [flat.ranks_of(keys) for flat in self.flats(family)]
        if len(found) == 1:
            return {key: list(dict.fromkeys(ranks)) for key, ranks in found[0].items()}
        return {key: sorted({p for ranks in found for p in ranks[key]}) for key in keys}

    def keys(self, family: str) -> Iterator[str]:
        """Every key of one family (with repeats)."""
        for flat in self.flats(family):
            yield from flat.keys()

    def involving(self, actor: str) -> tuple[Event, ...]:
        """The events of an actor (as a participant or the accused of a charge), in date
        order. Kept once asked."""
        known = self._involving.get(actor)
        if known is None:
            events = self.events
            known = chronological(events[p] for p in self.positions("actors", actor))
            self._involving[actor] = known
        return known

    def naming(self, record_id: str) -> tuple[Event, ...]:
        """The events that name a record: as participant or accused, provision, place (not
        through ``within``), asserter of a figure, or the event they are part of; in date
        order (:func:`date_order`). Kept once asked (concurrent first asks store equal
        tuples)."""
        known = self._naming.get(record_id)
        if known is not None:
            return known
        found: set[int] = set()
        for family in ("actors", "places", "references"):
            found.update(self.positions(family, record_id))
        events = self.events
        naming = chronological(events[p] for p in found if events[p].id != record_id)
        self._naming[record_id] = naming
        return naming


#: Runs of ranks whose date is a set, each ``(start, stop, date)``: a window within its
#: bounds may fall between its dates (``rightsdata._data.query`` looks again at these).
SetRuns = list[tuple[int, int, EDTF]]


def _chronology(
    groups: Mapping[int, Group],
) -> tuple[array[int], list[tuple[int, int, int]], SetRuns]:
    """The positions of events in :func:`date_order`, from their groups by date (each
    distinct date object with its events' positions, ascending: in ID order), the runs
    of that order: each distinct date's ``(first, last, count)`` (undated: UNDATED_*), and
    the runs whose date is a set (:data:`SetRuns`).

    Distinct objects of one date (not shared: a dataset made in Python) are one run, their
    positions merged in ID order.

    >>> a, b = EDTF("2012"), EDTF("2012")
    >>> ranked, runs, sets = _chronology(
    ...     {1: (a, array("q", [0, 3])), 2: (None, array("q", [1])), 3: (b, array("q", [2]))})
    >>> list(ranked), runs == [(*bounds(a), 3), (UNDATED_FIRST, UNDATED_LAST, 1)], sets
    ([0, 2, 3, 1], True, [])
    """
    keyed = sorted((chronological_key(date), key) for key, (date, _) in groups.items())
    ranked: array[int] = array("q")
    runs: list[tuple[int, int, int]] = []
    sets: SetRuns = []
    for _, same in groupby(keyed, key=itemgetter(0)):
        members = [groups[key] for _, key in same]
        date, positions = members[0]
        if len(members) > 1:
            positions = array("q", sorted(chain.from_iterable(p for _, p in members)))
        if date is not None and date.is_set:
            sets.append((len(ranked), len(ranked) + len(positions), date))
        ranked.extend(positions)
        first, last = (UNDATED_FIRST, UNDATED_LAST) if date is None else bounds(date)
        runs.append((first, last, len(positions)))
    return ranked, runs, sets


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """``events`` in :func:`date_order`."""
    return tuple(sorted(events, key=lambda e: date_order(e.date, e.id)))


def _postings(lists: dict[str, list[int]]) -> Postings:
    if isinstance(lists, defaultdict):
        lists.default_factory = None  # a missing key raises KeyError, as in a dict
    return Postings(lists)


#: A pick of at least this fraction of the records (1 / _KEEP_FROM) is one of many (Ranked).
_KEEP_FROM: Final = 16


class Ranked(Sequence[T]):
    """Records in another order: item ``r`` is ``items[ranked[r]]``, kept as a tuple in that
    order from the second :meth:`pick` of many (at least a sixteenth of them) on.

    A million events' chronology as a tuple costs about 50 ms to make (a reference to each
    event, in an order scattered over memory), so the first query reads only the ranks it
    found through ``ranked``; a query picking many from the tuple is about three times as
    fast (180,000 of a million: about 25 ms against 85), so the second such query makes it.
    A pick of few (a place's 700 events of a million) reads them through ``ranked``, which
    costs it microseconds, and does not make the tuple.

    >>> order = Ranked("abc", [2, 0, 1])
    >>> list(order), order.pick([0, 2]), order.pick([1])
    (['c', 'a', 'b'], ['c', 'b'], ['a'])
    """

    __slots__ = ("_items", "_kept", "_lock", "_picked", "_ranked")

    def __init__(self, items: Sequence[T], ranked: Sequence[int]) -> None:
        self._items = items
        self._ranked = ranked
        self._picked = False
        self._kept: tuple[T, ...] | None = None
        self._lock = threading.Lock()

    @overload
    def __getitem__(self, rank: int) -> T: ...
    @overload
    def __getitem__(self, rank: slice) -> tuple[T, ...]: ...
    def __getitem__(self, rank: int | slice) -> T | tuple[T, ...]:
        kept = self._kept
        if kept is not None:
            return kept[rank]
        if isinstance(rank, slice):
            return tuple(map(self._items.__getitem__, self._ranked[rank]))
        return self._items[self._ranked[rank]]

    def __len__(self) -> int:
        return len(self._ranked)

    def __iter__(self) -> Iterator[T]:
        kept = self._kept
        return iter(kept) if kept is not None else map(self._items.__getitem__, self._ranked)

    def pick(self, ranks: Iterable[int]) -> list[T]:
        """The items at ``ranks``, in that order."""
        kept = self._kept
        if kept is None:
            ranks = ranks if isinstance(ranks, list | tuple) else list(ranks)
            many = len(ranks) * _KEEP_FROM >= len(self._ranked)
            if not (many and self._picked):
                self._picked = self._picked or many
                return list(map(self._items.__getitem__, map(self._ranked.__getitem__, ranks)))
            kept = self._keep()
        return list(map(kept.__getitem__, ranks))

    def _keep(self) -> tuple[T, ...]:
        """The items in this order, made once under the lock: threads that all came to
        make it at once each made one (a million events': 8 MB and 50 ms each)."""
        with self._lock:
            kept = self._kept
            if kept is None:
                kept = self._kept = tuple(map(self._items.__getitem__, self._ranked))
        return kept


class EventIndex:
    """Every event by rank (its position in chronological order), with postings per key.

    ``order`` is the events in the order of :func:`date_order` (undated last, ties by ID).
    ``firsts`` / ``lasts`` give each rank's possible bounds (open or unknown sides NEG / POS);
    an undated event has ``POS + 1`` / ``NEG - 1``, so that no window overlaps it.

    :meth:`build` sorts the distinct dates of the events' groups by date. The postings (the
    events under a key, as ascending ranks) come in families, each made the first time a
    query needs it, under the index's lock, a key at a time, from the events' positions
    (by ID) under the key: ``by_role`` and ``by_kind`` from the groups the load made
    (``Event._GROUPS``); ``by_actor`` (participants, and the accused of charges),
    ``at_place`` (the places events happened at) and ``by_reference`` (a charge's
    provision, a figure's asserter, the event an event is part of) from ``EventFields``;
    ``by_place`` (a place with those within it) and ``dates`` are derived on first use.
    Roles and kinds are keyed by their string values (``"victim"``): hashing a str is
    cheaper than an enum member.
    """

    __slots__ = (
        "_bounds",
        "_by_place",
        "_dates",
        "_families",
        "_fields",
        "_grouped",
        "_lock",
        "_naming",
        "_posting_of",
        "_rank",
        "_ranked",
        "_runs",
        "contained",
        "order",
        "sets",
    )

    def __init__(
        self,
        fields: EventFields,
        ranked: Sequence[int],
        contained: Mapping[str, tuple[str, ...]],
        runs: Sequence[tuple[int, int, int]],
        grouped: Mapping[str, Mapping[str, Sequence[int]]],
        sets: SetRuns | None = None,
    ) -> None:
        """``fields``: the events (sorted by ID) and their fields; ``ranked``: the
        positions there of the events in date order; ``runs``: the runs of ranks of one
        date each, as ``DateIndex.of_runs`` takes them; ``grouped``: the positions of the
        events under each value of a family of postings the load grouped (``kind``,
        ``role``; perhaps repeated); ``sets``: the runs whose date is a set."""
        self.order = Ranked(fields.events, ranked)
        self._fields = fields
        self._ranked = ranked
        self._bounds: tuple[list[int], list[int]] | None = None
        self.contained = contained  # each place -> the places within it, however deep
        self._families: dict[str, dict[str, ScanPostings]] = {}
        self._by_place: dict[str, Posting] = {}
        self._dates: DateIndex | None = None
        self._runs = runs
        self._grouped = grouped
        self._posting_of: Callable[[Sequence[int]], Posting] | None = None
        self._rank: dict[str, int] | None = None
        self._naming: dict[str, tuple[Event, ...]] = {}
        self._lock = threading.Lock()
        self.sets: SetRuns = [] if sets is None else sets

    @classmethod
    def build(
        cls,
        events: Sequence[Event],
        contained: Mapping[str, tuple[str, ...]] | None = None,
        *,
        by_id: bool = False,
        fields: EventFields | None = None,
    ) -> EventIndex:
        """Sort ``events`` chronologically; ``contained`` maps a place to those within it.

        ``by_id``: the events are already sorted by ID (as a collection holds them), so that
        ties keep ID order; otherwise they are sorted first. The events come grouped by date
        (each distinct date object with its events' positions: ``fields`` has them from the
        load, or makes them in one walk), so only the distinct dates are sorted, each
        date's key and bounds computed once (parsed dates are shared: a million events of
        the realistic shape have 56).
        """
        if not by_id:
            events = sorted(events, key=_ID)
        if fields is not None and (not by_id or fields.events is not events):
            raise ValueError("fields must be those of the events given, sorted by ID")
        fields = EventFields(events) if fields is None else fields
        ranked, runs, sets = _chronology(fields.take_groups("date"))
        grouped = {
            name: {value._value_: at for value, at in fields.take_groups(field).values()}
            for name, field in _GROUPED.items()
        }
        contained = {} if contained is None else contained
        return cls(fields, ranked, contained, runs, grouped, sets)

    @property
    def firsts(self) -> list[int]:
        """Each rank's first possible day (see the class); made when a query first has a
        window (two lists of a million entries took about 30 ms)."""
        return self._day_bounds()[0]

    @property
    def lasts(self) -> list[int]:
        """Each rank's last possible day (see the class); made with :attr:`firsts`."""
        return self._day_bounds()[1]

    def _day_bounds(self) -> tuple[list[int], list[int]]:
        bounds = self._bounds
        if bounds is None:
            # (under the lock: threads whose first windows came at once each made both
            # lists, 16 MB at a million events)
            with self._lock:
                bounds = self._bounds
                if bounds is None:
                    runs = self._runs
                    firsts = list(chain.from_iterable(repeat(first, n) for first, _, n in runs))
                    lasts = list(chain.from_iterable(repeat(last, n) for _, last, n in runs))
                    bounds = self._bounds = (firsts, lasts)
        return bounds

    def _scanned(self, name: str) -> ScanPostings:
        """A family found in the events' fields (see ``EventFields``)."""
        family = self._families.get(name)
        if family is None:
            with self._lock:
                family = self._families.get(name)
                if family is None:
                    family = {name: self._scan(name)}
                    self._families[name] = family
        return family[name]

    def _scan(self, name: str) -> ScanPostings:
        """The postings of one family, from the events' positions (by ID) under each key."""
        # The closures hold the fields, lists and dicts, not this index (no reference cycle).
        many: Callable[[list[str]], Mapping[str, Sequence[int]]] | None = None
        if name in self._grouped:
            groups = self._grouped[name]
            positions: Callable[[str], Sequence[int]] = partial(_positions_of, groups)
            keys: Callable[[], Iterable[str]] = groups.keys
        else:
            family = _SCANNED[name]
            positions = partial(self._fields.positions, family)
            many = partial(self._fields.positions_of, family)
            keys = partial(self._fields.keys, family)
        posting_of = self._posting_of
        if posting_of is None:  # (threads that both get here make equal functions)
            posting_of = _posting_finder(self._fields.events, self._ranked, self._runs)
            self._posting_of = posting_of

        def find_many(asked: list[str]) -> dict[str, Posting]:
            assert many is not None  # (given only then)
            return {key: posting_of(at) for key, at in many(asked).items()}

        return ScanPostings(
            lambda key: posting_of(positions(key)), keys, None if many is None else find_many
        )

    @property
    def by_actor(self) -> Mapping[str, Posting]:
        """Each actor's events: as a participant (any role) or as the accused of a charge."""
        return self._scanned("actor")

    @property
    def by_role(self) -> Mapping[str, Posting]:
        """The events with a participant in each role."""
        return self._scanned("role")

    @property
    def by_kind(self) -> Mapping[str, Posting]:
        """The events of each kind."""
        return self._scanned("kind")

    @property
    def at_place(self) -> ScanPostings:
        """The events at each place (directly, not through ``within``)."""
        return self._scanned("place")

    @property
    def by_reference(self) -> Mapping[str, Posting]:
        """The events naming a record as a charge's provision, a figure's asserter, or the
        event they are part of."""
        return self._scanned("reference")

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
            postings = [p for p in at_place.get_many(inner) if p is not EMPTY]  # (together)
            if not postings:
                found = EMPTY
            elif len(postings) == 1:
                found = postings[0]
            else:
                found = Posting.of(r for p in postings for r in p.ranks)
            self._by_place[place_id] = found  # concurrent builders store equal values
        return found

    def events_of(self, posting: Posting) -> list[Event]:
        """The events of a posting, in date order: from their positions if it has them
        (:class:`Listed`), else through its ranks."""
        if isinstance(posting, Listed):
            return list(map(self._fields.events.__getitem__, posting.positions))
        return self.order.pick(posting.ranks)

    @property
    def dates(self) -> DateIndex:
        """The window index, built on first use from the runs of dates."""
        dates = self._dates
        if dates is None:
            with self._lock:
                dates = self._dates
                if dates is None:
                    dates = self._dates = DateIndex.of_runs(self._runs)
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


#: Below this share of the events, a key's events are given ranks by bisection in their
#: date's run; above it, by a pass over the ranks.
_BISECT_BELOW: Final = 1 / 16


def _positions_of(groups: Mapping[str, Sequence[int]], key: str) -> Sequence[int]:
    return groups.get(key, ())


def _posting_finder(
    events: Sequence[Event], ranked: Sequence[int], runs: Sequence[tuple[int, int, int]]
) -> Callable[[Sequence[int]], Posting]:
    """A function from positions of events (sorted by ID, perhaps repeated) to the posting
    of their ranks (in date order)."""
    date_runs: dict[EDTF | None, tuple[int, int]] = {}  # each date's (start, stop)
    start = 0
    for _, _, count in runs:
        date_runs[events[ranked[start]].date] = (start, start + count)
        start += count

    def posting_of(positions: Sequence[int]) -> Posting:
        if not positions:
            return EMPTY
        if len(positions) < len(ranked) * _BISECT_BELOW:
            # An event's rank is in its date's run, where positions ascend: bisection takes
            # about a microsecond an event.
            found = []
            for position in positions:
                start, stop = date_runs[events[position].date]
                found.append(bisect_left(ranked, position, start, stop))
            return Posting.of(found)
        # Many: the positions that are one of them, in date order, in one C-level pass over
        # the date order (a sort making its inverse took about 200 ms at a million events);
        # they come once each. Their ranks are found when a query needs them (Listed).
        held = frozenset(positions)
        return Listed(array("q", filter(held.__contains__, ranked)), held, ranked)

    return posting_of


#: The postings of EventIndex found in EventFields: its family, and the name it has there.
_SCANNED: Final = {"actor": "actors", "place": "places", "reference": "references"}
#: The postings of EventIndex the load groups (Event._GROUPS): the name, and the field.
_GROUPED: Final = {"kind": "kind", "role": "participants.role"}


@attrs.frozen
class RatingIndex:
    """Ratings in date order (by ``as_of``), overall and per country, with the day from
    which each country's ratings are certain to have been given, for ``rating_on``.

    Ratings keep the order by :meth:`EDTF.sort_key` (first possible day, then last, then
    text). :meth:`~rightsdata.Dataset.rating_on` bisects ``certain`` (each country's
    :func:`certain_from` days, sorted) and answers the matching entry of ``in_force``: the
    latest in date order of the ratings certain by that day.
    """

    order: tuple[Rating, ...]
    by_country: dict[str, tuple[Rating, ...]]
    certain: dict[str, list[int]]  # per country, the certain_from days (sorted)
    in_force: dict[str, list[Rating]]  # [i]: latest in date order of those up to certain[i]

    @classmethod
    def build(cls, ratings: Iterable[Rating]) -> RatingIndex:
        """Index ``ratings``."""
        by_date = sorted(ratings, key=lambda r: (r.as_of.sort_key(), r.id))
        grouped: dict[str, list[Rating]] = defaultdict(list)
        for rating in by_date:
            grouped[rating.country].append(rating)
        rank: dict[int, int] = {}  # (by id(): a rating's place in its run of one date)
        for country, country_ratings in grouped.items():
            grouped[country] = chained(country_ratings)
            for n, rating in enumerate(grouped[country]):
                rank[id(rating)] = n
        order = tuple(sorted(by_date, key=lambda r: (r.as_of.sort_key(), rank[id(r)], r.id)))
        certain: dict[str, list[int]] = {}
        in_force: dict[str, list[Rating]] = {}
        for country, country_ratings in grouped.items():
            # by the day each is certain, then by date order; a running maximum of the
            # position in date order gives the latest certain by each of those days
            by_day = sorted(
                range(len(country_ratings)),
                key=lambda i: (certain_from(country_ratings[i].as_of), i),
            )
            certain[country] = [certain_from(country_ratings[i].as_of) for i in by_day]
            latest = -1
            chosen: list[Rating] = []
            for i in by_day:
                latest = max(latest, i)
                chosen.append(country_ratings[latest])
            in_force[country] = chosen
        return cls(
            order=order,
            by_country={k: tuple(v) for k, v in grouped.items()},
            certain=certain,
            in_force=in_force,
        )


def chained(ratings: Sequence[Rating]) -> list[Rating]:
    """One country's ``ratings`` (in date order, then by ID), each run of one ``as_of`` in
    the order its ``previous`` levels tell: a rating whose ``previous`` is the level of the
    rating before it comes next (of those that fit, the first by ID), where ``previous``
    gives the order that the date cannot (the loader takes ratings of one date in any
    order); where none fits (no ``previous``, or one that names no level at hand), the
    first by ID.

    >>> from rightsdata import Citation, EDTF, Rating
    >>> from rightsdata.vocab import Level, RatingScale
    >>> def rating(n: str, level: str, previous: str | None) -> Rating:
    ...     return Rating(id=f"rating:{n}", country="place:kz", scale=RatingScale.CIVICUS_MONITOR,
    ...         level=Level(level), as_of=EDTF("2020-05-01"), rated_by="org:monitor",
    ...         previous=None if previous is None else Level(previous),
    ...         citations=(Citation(source="source:a"),))
    >>> [r.id for r in chained([rating("a", "repressed", "obstructed"),
    ...                         rating("b", "obstructed", "open")])]
    ['rating:b', 'rating:a']
    """
    found: list[Rating] = []
    start = 0
    while start < len(ratings):
        stop = start + 1
        while stop < len(ratings) and ratings[stop].as_of == ratings[start].as_of:
            stop += 1
        run = list(ratings[start:stop])
        level = found[-1].level if found else None
        while run:
            fits = next((r for r in run if r.previous is not None and r.previous is level), None)
            if fits is None:  # (a first: one whose previous no other of the run holds)
                levels = {r.level for r in run}
                fits = next((r for r in run if r.previous not in levels), run[0])
            run.remove(fits)
            found.append(fits)
            level = fits.level
        start = stop
    return found


@attrs.frozen
class References:
    """The records of three kinds that name a record (events are in :class:`EventIndex`)."""

    relationships: tuple[Relationship, ...] = ()
    statements: tuple[Statement, ...] = ()
    ratings: tuple[Rating, ...] = ()


class ReferenceIndex:
    """The relationships, statements and ratings naming each record, for ``related``.

    :meth:`build` flattens the fields that name records (``Flat``), sorting nothing;
    :meth:`get` finds the records naming one ID and puts those few in date order (a session
    asks about a few of the 100,000 records named).
    """

    __slots__ = ("_asked", "_kinds")

    def __init__(self, kinds: Sequence[tuple[Sequence[Any], Sequence[Flat]]]) -> None:
        self._kinds = tuple(kinds)
        self._asked: dict[str, References | None] = {}

    @classmethod
    def build(
        cls,
        relationships: Sequence[Relationship],
        statements: Sequence[Statement],
        ratings: Sequence[Rating],
        loaded: Mapping[str, Gathered | None] | None = None,
    ) -> ReferenceIndex:
        """Index records of the three kinds (each kind's ``_NAMES`` family ``named``: from
        what the load gathered (``loaded``, by kind) where it did, else made now)."""
        loaded = loaded or {}

        def flat(record_type: type, records: Sequence[Any]) -> list[Flat]:
            found = loaded.get(record_type.kind_name)  # type: ignore[attr-defined]
            if found is None:
                found = gathered(records)
            text = found.named.get("named", "\n")
            marks = found.marks.get("named")
            return [Flat(text, named_prefixes(record_type, "named"), marks)]

        return cls(
            [
                (relationships, flat(Relationship, relationships)),
                (statements, flat(Statement, statements)),
                (ratings, flat(Rating, ratings)),
            ]
        )

    def get(self, record_id: str) -> References | None:
        """The records naming ``record_id`` (each tuple in date order), or None if none does.
        Kept once asked (concurrent first asks store equal values)."""
        if record_id in self._asked:
            return self._asked[record_id]
        references = self._asked[record_id] = self._find(record_id)
        return references

    def _find(self, record_id: str) -> References | None:
        found = []
        for records, fields in self._kinds:
            ranks = sorted({r for field in fields for r in field.ranks(record_id)})
            found.append([records[r] for r in ranks if records[r].id != record_id])
        relationships, statements, ratings = found
        if not (relationships or statements or ratings):
            return None
        return References(
            relationships=tuple(sorted(relationships, key=lambda r: date_order(r.start, r.id))),
            statements=tuple(sorted(statements, key=lambda s: date_order(s.date, s.id))),
            ratings=tuple(sorted(ratings, key=lambda r: (r.as_of.sort_key(), r.id))),
        )


@attrs.frozen
class StatementIndex:
    """Statements in chronological order, with postings by speaker, addressee, subject and
    kind."""

    order: tuple[Statement, ...]
    firsts: list[int]
    lasts: list[int]
    by_speaker: Postings
    by_addressee: Postings
    by_about: Postings
    by_kind: Postings
    sets: SetRuns

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
        sets: SetRuns = []
        for rank, statement in enumerate(order):
            if statement.date is not None and statement.date.is_set:
                # one run per date, as the events' (equal dates are next to each other):
                # a windowed query tests each run's date, so one a statement cost 12 ms a
                # query at 100,000 events (12,405 statements dated by sets)
                if sets and sets[-1][1] == rank and sets[-1][2] == statement.date:
                    sets[-1] = (sets[-1][0], rank + 1, statement.date)
                else:
                    sets.append((rank, rank + 1, statement.date))
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
        return cls(
            order,
            firsts,
            lasts,
            _postings(speaker),
            _postings(addressee),
            _postings(about),
            _postings(kind),
            sets,
        )


class Contained(Mapping[str, tuple[str, ...]]):
    """Each place's places within it, however deep (``within``, transitively), in ID order,
    kept once asked (a cycle stops a walk). Its keys are the places something is within.

    Where the load gathered the places' ``within`` (``within``: the :class:`Flat` of
    ``Place._NAMES``), a place's descendants are found by a walk down from it, a level at a
    time, each level's places looked up together in that text (:meth:`Flat.ranks_of`), as
    long as the walk has asked about at most :data:`_WALK_KEYS` places; else (and
    without the text) from the inverse of ``within``, made in one pass over the places the
    first time it is needed (at a million events, 300,000 places: 27-54 ms, against about
    1 ms a place looked up in the text).

    >>> import rightsdata
    >>> "place:almaty" in Contained(rightsdata.load().places)["place:kazakhstan"]
    True
    """

    __slots__ = ("_children", "_found", "_lock", "_places", "_within")

    def __init__(self, places: Sequence[Place], within: Flat | None = None) -> None:
        self._places = places  # sorted by ID, as a collection holds them
        self._within = within  # their within, a line each (the ranks are positions here)
        self._children: dict[str, list[str]] | None = None
        self._found: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def _walk_down(self, place_id: str) -> set[str] | None:
        """The places within ``place_id`` found in the text of ``within``; None if the walk
        asks about more than :data:`_WALK_KEYS` places, or there is no text, or the inverse
        is made (which answers at once)."""
        within = self._within
        if within is None or self._children is not None:
            return None
        places = self._places
        seen = {place_id}
        level = [place_id]
        asked = 0
        while level:
            asked += len(level)
            if asked > _WALK_KEYS:
                return None
            below = within.ranks_of(level)
            level = []
            for ranks in below.values():
                for rank in ranks:
                    child = places[rank].id
                    if child not in seen:
                        seen.add(child)
                        level.append(child)
        seen.discard(place_id)
        return seen

    def _inverse(self) -> dict[str, list[str]]:
        children = self._children
        if children is None:
            with self._lock:  # (once: a million events' 300,000 places take 27-54 ms)
                children = self._children
                if children is None:
                    children = self._children = _children_of(self._places)
        return children

    def __getitem__(self, place_id: str) -> tuple[str, ...]:
        found = self._found.get(place_id)
        if found is not None:
            return found
        walked = self._walk_down(place_id)
        if walked is not None:
            if not walked:
                raise KeyError(place_id)  # nothing is within it
            found = self._found[place_id] = tuple(sorted(walked))
            return found
        children = self._inverse()
        below = children[place_id]  # (a KeyError: nothing is within it)
        seen = {place_id, *below}
        stack = list(below)
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        seen.discard(place_id)
        found = self._found[place_id] = tuple(sorted(seen))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._inverse())

    def __len__(self) -> int:
        return len(self._inverse())


def _children_of(places: Iterable[Place]) -> dict[str, list[str]]:
    """The places directly within each place (the inverse of ``within``), in one pass over
    the places, not a walk up from every place to its top (which took about 30 ms at
    100,000 events, 30,000 places)."""
    children: dict[str, list[str]] = {}
    for place in places:
        parent = place.within
        if parent is not None and parent != place.id:  # (within itself: no key)
            found = children.get(parent)
            if found is None:
                children[parent] = [place.id]
            else:
                found.append(place.id)
    return children


#: A walk down from a place in the text of ``within`` asks about at most this many places
#: (each a pass over the text, or a share of one: Flat.ranks_of), else the inverse is made.
_WALK_KEYS: Final = 32


class Indexes:
    """All the lazily built indexes of one dataset's records (see the module docstring)."""

    __slots__ = (
        "_by_kind",
        "_containers",
        "_countries",
        "_event_fields",
        "_events",
        "_gathered",
        "_ratings",
        "_records",
        "_references",
        "_search",
        "_sources",
        "_statements",
    )

    def __init__(
        self,
        records: Mapping[str, Sequence[Record]],
        gathered: Mapping[str, Gathered] | None = None,
    ) -> None:
        """``records``: each kind's records, sorted by ID (as the collections hold them);
        ``gathered``: what a load gathered of them for the queries, by kind (in that
        order)."""
        self._records = records
        self._gathered = gathered if gathered is not None else {}
        self._containers = _Lazy(_build_containers)
        self._events = _Lazy(_build_events)
        self._event_fields = _Lazy(_build_event_fields)
        self._search = _Lazy(_build_search)
        self._sources = _Lazy(_build_sources)
        self._references = _Lazy(_build_references)
        self._ratings = _Lazy(_build_ratings)
        self._statements = _Lazy(_build_statements)
        self._countries = _Lazy(_build_countries)

    def records(self, kind: str) -> Sequence[Any]:
        """The records of one kind, sorted by ID."""
        return self._records.get(kind, ())

    def gathered(self, kind: str) -> Gathered | None:
        """What the load gathered of one kind's records for the queries, if it did."""
        return self._gathered.get(kind)

    # -- accessors ------------------------------------------------------------------------

    def containers(self) -> dict[str, tuple[str, ...]]:
        """Each place's containing places, nearest first (``within``, transitively)."""
        return self._containers.get(self)

    def events(self) -> EventIndex:
        """The event index."""
        return self._events.get(self)

    def event_fields(self) -> EventFields:
        """The events' ID fields, flattened (by ID, as the collection holds them)."""
        return self._event_fields.get(self)

    def search(self) -> SearchIndex:
        """The search index."""
        return self._search.get(self)

    def sources(self) -> dict[str, tuple[Record, ...]]:
        """The records citing each source (record-level or figure citations), kind then ID."""
        return self._sources.get(self)

    def references(self) -> ReferenceIndex:
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
    return _chains(indexes.records("places"))


def _chains(places: Iterable[Place]) -> dict[str, tuple[str, ...]]:
    """Each place's containing places, nearest first."""
    within: dict[str, str | None] = {p.id: p.within for p in places}
    result: dict[str, tuple[str, ...]] = {}
    for place_id in within:
        chain_: list[str] = []
        seen = {place_id}
        parent = within.get(place_id)
        while parent is not None and parent not in seen:  # a cycle stops the walk
            chain_.append(parent)
            seen.add(parent)
            parent = within.get(parent)
        result[place_id] = tuple(chain_)
    return result


def _build_events(indexes: Indexes) -> EventIndex:
    fields = indexes.event_fields()
    places: Sequence[Place] = indexes.records("places")
    loaded = indexes.gathered("places")
    within = None
    if loaded is not None and "within" in loaded.named:
        text, marks = loaded.named["within"], loaded.marks.get("within")
        within = Flat(text, named_prefixes(Place, "within"), marks)
    contained = Contained(places, within)
    return EventIndex.build(fields.events, contained, by_id=True, fields=fields)


def _build_event_fields(indexes: Indexes) -> EventFields:
    events: Sequence[Event] = indexes.records("events")
    return EventFields(events, indexes.gathered("events"))


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


def _build_references(indexes: Indexes) -> ReferenceIndex:
    kinds = ("relationships", "statements", "ratings")
    return ReferenceIndex.build(
        indexes.records("relationships"),
        indexes.records("statements"),
        indexes.records("ratings"),
        {kind: indexes.gathered(kind) for kind in kinds},
    )


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
