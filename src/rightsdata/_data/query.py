"""The queries of a :class:`~rightsdata.Dataset` (their result types are in
``rightsdata._data.answers``).

:class:`Queries` answers every query from the dataset's :class:`~rightsdata._data.indexes.Indexes`;
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
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from functools import partial
from itertools import chain
from typing import Any, Final, Literal, NamedTuple, Protocol, TypeVar

import attrs

from rightsdata._data.answers import Figures, Related, SearchResults
from rightsdata._data.indexes import EMPTY, NEG, POS, Indexes, Posting, bounds
from rightsdata._model.forms import ascii_upper
from rightsdata._model.records import (
    ACTOR_TYPES,
    KINDS,
    RECORD_TYPES,
    Event,
    Figure,
    Place,
    Rating,
    Record,
    Source,
    Statement,
)
from rightsdata._values.conversion import a_term_of
from rightsdata._values.dates import (
    EDTF,
    EDTFError,
    date_only,
    other_date_lead,
    overlaps_days,
    refuse_missing,
)
from rightsdata._values.durations import Duration, DurationError, parse_duration
from rightsdata._values.errors import (
    UnknownIdError,
    counted,
    shown_repr,
    what_was_given,
    with_article,
)
from rightsdata._values.flags import flag
from rightsdata._values.ids import (
    KIND_OF_PREFIX,
    PREFIX_OF_KIND,
    follow_redirects,
    in_lowercase,
    noun,
    prefix_of,
)
from rightsdata._values.joined import one_of
from rightsdata.vocab import (
    RATED,
    EventKind,
    FigureUnit,
    Measure,
    PlaceKind,
    Role,
    StatementKind,
)

__all__ = [
    "SEARCHED_FROM",
    "Queries",
    "code_in_any_case",
    "country_code",
    "filter_values",
    "place_code",
]

T = TypeVar("T")
E = TypeVar("E", EventKind, Role, Measure, FigureUnit, StatementKind)

#: An unknown ID's hint searches the records' names and texts for what was given only from
#: this many letters or digits on, counted as given (``'Шо'`` is two, though searched as
#: ``sho``): fewer start arbitrary words ('in' found the International Bar Association).
SEARCHED_FROM: Final = 3

# With fewer candidates than this from an ID posting, a date window is not worth estimating.
_SMALL: Final = 64


def country_code(value: object) -> str | None:
    """``value`` if it is an ISO 3166-1 alpha-2 code (two capital letters A-Z), else None.

    >>> country_code("KZ"), country_code("place:kazakhstan"), country_code("kz"), country_code("X1")
    ('KZ', None, None, None)
    """
    if (
        isinstance(value, str)
        and len(value) == 2
        and value.isascii()
        and value.isalpha()  # ('X1'.isupper() is true)
        and value.isupper()
    ):
        return value
    return None


def code_in_any_case(value: object) -> str | None:
    """The country code ``value`` spells in any case (``'kz'``: ``'KZ'``), or None: two ASCII
    letters, tested before changing case (``'ß'.upper()`` is ``'SS'``, ``'ﬁ'.upper()``
    ``'FI'``, as :func:`rightsdata._model.forms.ascii_upper` says). The one reading of a code
    from text that may be in small letters.

    >>> code_in_any_case("kz"), code_in_any_case("Kz"), code_in_any_case("ß"), code_in_any_case("ﬁ")
    ('KZ', 'KZ', None, None)
    """
    return country_code(ascii_upper(value)) if isinstance(value, str) else None


def place_code(value: str, country: Callable[[str], Place]) -> str | None:
    """The country's ISO code ``value`` is where a place is wanted (``'KZ'``), or None if it is
    an ID. Two small letters are a code too, mistyped, and so are two letters with a space
    around them (no ID is two letters): ``country`` (a dataset's ``country``) raises for
    them, saying the code is in capitals and without a space, or listing the codes there
    are."""
    code = country_code(value)
    if code is None and code_in_any_case(value.strip()) is not None:
        country(value)  # (raises: no country has a code in small letters, or spaced)
    return code


class _Filter(NamedTuple):
    """One condition of an events query: its size, how to list it, and how to keep the
    ranks that meet it of others' (used only for a condition that does not drive the query:
    a posting's set of ranks costs about 10 ms at 200,000 ranks)."""

    size: int
    ranks: Callable[[], Iterable[int]]
    ordered: bool  # ranks() yields ascending ranks
    keep: Callable[[Iterable[int]], Iterable[int]]  # those of some ranks that meet it, in order
    is_window: bool = False


class _Bounds(Protocol):
    """Each rank's first and last possible days (an index of records in date order)."""

    @property
    def firsts(self) -> Sequence[int]: ...
    @property
    def lasts(self) -> Sequence[int]: ...
    @property
    def sets(self) -> Sequence[tuple[int, int, EDTF]]: ...


def _posting_filter(posting: Posting) -> _Filter:
    return _Filter(posting.size, lambda: posting.ranks, True, posting.keep)


def _in_role(posting: Posting, order: Sequence[Event], actor: str, role: Role) -> Posting:
    """The events of ``posting`` in which ``actor`` took part as ``role``."""
    return Posting(
        tuple(
            rank
            for rank in posting.ranks
            if any(p.actor == actor and p.role is role for p in order[rank].participants)
        )
    )


def _period(value: object) -> Duration:
    """``per=``: a :class:`~rightsdata.Duration` or its ISO 8601 text (``"P7D"``); (False,
    the figures that are not rates, is taken before)."""
    if isinstance(value, Duration):
        return value
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except DurationError as error:
            raise ValueError(f"per={value!r} is not a period: {error}") from None
    raise TypeError(
        "per must be a Duration or its ISO 8601 text ('P7D'), or False for the figures that "
        f"are not rates, not {what_was_given(value)}"
    )


def _term(cls: type[E], value: object, argument: str) -> E:
    """The term of ``cls`` that ``value`` (a filter's value, given as ``argument``) is: a
    member of ``cls`` or its text. A member of another vocabulary is a TypeError naming its
    vocabulary, though it is text (``Role.VICTIM`` for an event kind; ``EventKind.OTHER``,
    spelled as ``Role.OTHER``, is not that either); several terms in one text, as the
    command line takes them (``'arrest,verdict'``), are told to be a list.

    >>> from rightsdata.vocab import EventKind, Role
    >>> _term(EventKind, "arrest", "event kind") is EventKind.ARREST
    True
    >>> _term(Role, EventKind.OTHER, "role")
    Traceback (most recent call last):
    TypeError: the role must be a role (Role) or its text, not an event kind (EventKind.OTHER)
    >>> _term(EventKind, "arrest, verdict", "event kind")
    Traceback (most recent call last):
    ValueError: the event kind 'arrest, verdict' is not an event kind but several: pass them \
as a list, ['arrest', 'verdict']
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, Enum):  # (another vocabulary's term is text, but another term)
        raise TypeError(
            f"the {argument} must be {a_term_of(cls)} ({cls.__name__}) or its text, not "
            f"{a_term_of(type(value))} ({type(value).__name__}.{value.name})"
        )
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            terms = [m.value for m in cls]
            several = [part.strip() for part in value.split(",")]
            if len(several) > 1 and all(part in terms for part in several):
                raise ValueError(
                    f"the {argument} {value!r} is not {a_term_of(cls)} but several: pass them "
                    f"as a list, {several!r}"
                ) from None
            from rightsdata._values.spelling import spelled_like  # (only when wrong)

            raise ValueError(
                f"the {argument} {value!r} is not {a_term_of(cls)}"
                f"{spelled_like(value, terms)}; expected one of: {', '.join(terms)}"
            ) from None
    raise TypeError(
        f"the {argument} must be {a_term_of(cls)} ({cls.__name__}) or its text, "
        f"not {what_was_given(value)}"
    )


def _parsed(value: object, problem: str) -> object:
    """``value``, an EDTF if it was text; an :class:`EDTFError` starting with ``problem`` if
    the text is not EDTF (a date argument, as a date in the data, is one: ``except
    rightsdata.EDTFError`` catches both)."""
    if not isinstance(value, str):
        return value
    try:
        return EDTF.parse(value)
    except EDTFError as error:
        raise EDTFError(error.text, error.reason, problem) from error


def _python_window(start: str, end: str) -> str:
    """``between=`` from ``start`` to ``end`` as a Python call writes it (None if open), in
    backticks as a message writes code."""
    from rightsdata._values.shell import python_call

    sides = (None if s in ("", "..") else s for s in (start, end))
    return python_call(f"between=({', '.join(map(repr, sides))})")


def _window_of(text: str) -> str:
    """What to tell of ``text`` given as the whole window (``between='2012 to 2013'``): the
    pair it means, if it writes one date, an interval or a span the window takes (``;
    pass `between=('2012', '2013')```), or backwards, the pair in order; else ""."""
    from rightsdata._values.dates import is_edtf
    from rightsdata._values.datewords import span_of

    try:
        parsed = EDTF.parse(text)
    except EDTFError:
        sides = span_of(text, is_edtf)
    else:
        if parsed.is_set:
            return ""
        first, _, last = text.partition("/")
        sides = (first, last) if parsed.is_interval else (text, text)
    if sides is None:
        return ""
    start, end = (None if s in ("", "..") else s for s in sides)
    for pair, order in (((start, end), ""), ((end, start), " in order")):
        try:
            window(pair)
        except ValueError:
            continue
        return f"; pass the window{order}: {_python_window(*(s or '' for s in pair))}"
    return ""


def _side(text: str, side: Literal["start", "end"]) -> EDTF:
    """The window side ``text``; an :class:`EDTFError` saying what to write if it is not a
    date (a span's words are told the side or the window, which a side takes, not an
    interval)."""
    try:
        return EDTF.parse(text)
    except EDTFError as error:
        from rightsdata._values.dates import is_edtf
        from rightsdata._values.datewords import Window, in_window

        reason = in_window(text, error.reason, is_edtf, Window(side, _python_window))
        raise EDTFError(text, reason, f"between: the {side} is not a date") from error


def _bound(value: object, side: str) -> int:
    """The first (start) or last (end) day ordinal of a window side; NEG / POS if open."""
    start = side == "start"
    if value is None:
        return NEG if start else POS
    if isinstance(value, str):
        value = _side(value, "start" if start else "end")
    if isinstance(value, EDTF):
        if value.is_set:  # (its bounds would take the days between its dates in)
            raise ValueError(
                f"between: the {side} {str(value)!r} is one of some dates, not a window's "
                "side; ask of each of its dates in turn"
            )
        if value.is_interval:  # (which of its days would be the side is a guess)
            raise ValueError(
                f"between: the {side} {str(value)!r} is an interval, not a window's side; "
                "pass its ends as the window's start and end, or give the "
                f"{'first' if start else 'last'} day you mean"
            )
        first, last = bounds(value)
        return first if start else last
    instead = f"pass None for an open {side}"
    if isinstance(value, datetime.date):  # also pendulum's Date (a datetime is refused)
        return date_only(value, f"between: the {side}", instead).toordinal()
    refuse_missing(value, f"between: the {side}", instead)
    raise TypeError(
        f"between: the {side} must be an EDTF, a date, a string or None, "
        f"not {what_was_given(value)}{other_date_lead(value)}"
    )


class CertainSpelling(NamedTuple):
    """How the words of :func:`certain_refusal` are written where it is told: in Python
    (``ds.events(certain=True)``, ``between=(None, None)``) or on the command line
    (``--certain``, ``--between '..'``)."""

    asked: str  # certain as it was asked for: "`ds.events(certain=True)`", "--certain"
    option: str  # what to leave out: "certain", "--certain"
    window: str  # the window as it was given: "between=(None, None)", "--between '..'"
    add_window: str  # how to give a window: "pass between=(start, end)"
    one_side: str  # a window with one side given: "between=('2019-06', None)", "2019-06/.."


def certain_refusal(window_: tuple[int, int] | None, record: str, spelled: CertainSpelling) -> str:
    """Why ``certain`` cannot be taken with the window ``window_`` (None: no window; else
    its days, from :func:`window`), of records named ``record`` (``"event"``), or "" if it
    can: the one rule of ``ds.events``, ``ds.statements`` and ``rightsdata events
    --certain``. Certain means every day a record's date could denote lies in the window,
    which needs a window, and one that bounds something: within a window open on both sides
    every dated record is certainly (and an undated one is in no window), so ``certain``
    would change nothing.

    >>> python = CertainSpelling("events(certain=True)", "certain", "between=(None, None)",
    ...     "pass between=(start, end)", "between=('2019-06', None)")
    >>> certain_refusal(window((None, "2015")), "event", python)
    ''
    >>> print(certain_refusal(window((None, None)), "event", python))
    events(certain=True) would be ignored: between=(None, None) is open on both sides, and \
every event it keeps (the dated ones) is certainly within it; give a side \
(between=('2019-06', None)), or leave certain out
    """
    if _bounds_something(window_):
        return ""
    if window_ is None:
        return (
            f"{spelled.asked} keeps the {record}s certainly within a window, and no window "
            f"was given: {spelled.add_window}"
        )
    return (
        f"{spelled.asked} would be ignored: {spelled.window} is open on both sides, and "
        f"every {record} it keeps (the dated ones) is certainly within it; give a side "
        f"({spelled.one_side}), or leave {spelled.option} out"
    )


def _bounds_something(window_: tuple[int, int] | None) -> bool:
    """Whether ``window_`` (a window's days, or None for none) has a side: what ``certain``
    needs (:func:`certain_refusal`)."""
    return window_ is not None and window_ != (NEG, POS)


def _certain(
    wanted: bool, window_: tuple[int, int] | None, between: object, method: str, record: str
) -> None:
    """``certain=True`` of ``method`` (``"events"``), given the window's days ``window_``
    (None if no ``between``): a ValueError if :func:`certain_refusal` says it cannot be
    taken (a check of two values: the warm queries do not notice it)."""
    if wanted and not _bounds_something(window_):
        from rightsdata._values.shell import python_call

        spelled = CertainSpelling(
            python_call(f"ds.{method}(certain=True)"),
            "certain",
            python_call(f"between={between!r}"),
            "pass between=(start, end)",
            python_call("between=('2019-06', None)"),
        )
        raise ValueError(certain_refusal(window_, record, spelled))


def window(between: object) -> tuple[int, int]:
    """``(start, end)`` as (first day, last day) ordinals; open sides are NEG / POS.

    >>> window(("2012", "2012-10-08")) == (datetime.date(2012, 1, 1).toordinal(),
    ...                                    datetime.date(2012, 10, 8).toordinal())
    True
    """
    if isinstance(between, str | bytes | EDTF) or not isinstance(between, Sequence):
        said = f"between: expected a (start, end) pair, not {what_was_given(between)}"
        # (an EDTF is told as its text is: an interval its ends, a day (d, d))
        text = str(between) if isinstance(between, str | EDTF) else None
        told = "" if text is None else _window_of(text)
        if not told and isinstance(between, EDTF) and between.is_set:
            told = "; a set is no window: ask of each of its dates in turn"
        raise TypeError(said + (told or "; for a single date d, pass (d, d)"))
    if len(between) != 2:
        given = counted(len(between), "value")
        told = _window_of(between[0]) if len(between) == 1 and isinstance(between[0], str) else ""
        raise ValueError(f"between: expected a (start, end) pair, not {given}{told}")
    lo, hi = _bound(between[0], "start"), _bound(between[1], "end")
    if lo > hi:  # (so neither side is open, and the other way round the window is taken)
        start, end = between[0], between[1]
        from rightsdata._values.shell import python_call

        raise ValueError(
            f"between: the start {start!r} is after the end {end!r}; in order: "
            + python_call(f"between=({end!r}, {start!r})")
        )
    return lo, hi


def day(value: object, what: str = "the day") -> int:
    """The ordinal of one day: a date (not a datetime), or an EDTF (or its text) that
    denotes a single day; every refusal names the argument, ``what``
    (``"rating_on: the day"``), as ``between``'s name its side.

    >>> day("2012-10-08") == datetime.date(2012, 10, 8).toordinal()
    True
    >>> day("2022-13-01", "rating_on: the day")
    Traceback (most recent call last):
    rightsdata.EDTFError: rating_on: the day is not a date: '2022-13-01' is not \
an EDTF date: month 13 does not exist
    """
    instead = "ask of a day, such as '2012-10-08'"
    if isinstance(value, datetime.date):
        return date_only(value, what, instead).toordinal()
    refuse_missing(value, what, instead)
    value = _parsed(value, f"{what} is not a date")
    if isinstance(value, EDTF):
        first, last = bounds(value)
        if first != last:
            raise ValueError(
                f"{what} {str(value)!r} is not a single day; pass a day such as 'YYYY-MM-DD' "
                "(the first or last day of the period you mean)"
            )
        return first
    raise TypeError(
        f"{what} must be a date, an EDTF day or its text, not {what_was_given(value)}"
        + other_date_lead(value)
    )


_KIND_OF_TYPE: Final[dict[type, str]] = {cls: kind for kind, cls in RECORD_TYPES.items()}


#: The record classes that hold figures (a ``figures`` field).
_HOLDERS: Final[tuple[type, ...]] = tuple(
    cls for cls in _KIND_OF_TYPE if "figures" in attrs.fields_dict(cls)
)


def _kind_words(types: Sequence[type]) -> str:
    """``'a person, an organisation or a group'`` for (Person, Organization, Group)."""
    words = []
    for cls in types:
        kind = getattr(cls, "kind_name", None)
        name = noun(kind) if isinstance(kind, str) else cls.__name__
        words.append(with_article(name))
    return one_of(words)


class Queries:
    """Answers a dataset's queries from its indexes (used by :class:`~rightsdata.Dataset`).

    ``tables`` maps each kind to its records by ID (the collections' own dicts: looking a
    record up needs no index).
    """

    __slots__ = ("_indexes", "_redirects", "_tables")

    def __init__(
        self,
        indexes: Indexes,
        redirects: Mapping[str, str],
        tables: Mapping[str, Mapping[str, Record]],
    ) -> None:
        self._indexes = indexes
        self._redirects = redirects
        self._tables = tables

    # -- IDs --------------------------------------------------------------------------------

    def _find(self, record_id: str) -> Record | None:
        kind = KIND_OF_PREFIX.get(prefix_of(record_id))
        table = self._tables.get(kind) if kind is not None else None
        return None if table is None else table.get(record_id)

    def _exists(self, record_id: str) -> bool:
        return self._find(record_id) is not None

    def resolve(self, record_id: str, types: tuple[type, ...] = ()) -> str:
        """The ID of an existing record, following redirects; UnknownIdError if none, whose
        hint, for an ID without its kind, names IDs of ``types`` (what the argument takes)."""
        if not isinstance(record_id, str):
            raise TypeError(f"a record ID is a string, not {what_was_given(record_id)}")
        if self._find(record_id) is not None:
            return record_id
        target = follow_redirects(record_id, self._redirects, self._exists)
        if self._find(target) is not None:
            return target
        # A dead end (or, in follow_redirects, a cycle) is unreachable through the public API:
        # Dataset(...) and the loaders reject such redirects. Kept so that a dataset made by the
        # private Dataset._of_checked (or a crafted pickle) still gets a true message, not a
        # suggestion of IDs; tests/data/test_queries.py reaches it that way.
        if target != record_id:
            raise UnknownIdError(record_id, f"it redirects to {target!r}, which no record has")
        raise self.unknown(record_id, types)

    def get(self, record_id: str, types: tuple[type, ...] = ()) -> Record:
        """The record with this ID, following redirects (an unknown ID is told IDs of
        ``types``, if given)."""
        record = self._find(self.resolve(record_id, types))
        assert record is not None
        return record

    def unknown(
        self, record_id: str, types: tuple[type, ...] = (), what: str = "record"
    ) -> UnknownIdError:
        """The error for an ID no record has, given where a record of one of ``types`` (any,
        if none) is taken: its hint (:meth:`suggestion`) is found only when it is read."""
        suggest = partial(self.suggestion, record_id, types)
        return UnknownIdError(record_id, None, what, suggest=suggest)

    def suggestion(self, record_id: str, types: tuple[type, ...] = ()) -> str | None:
        """What to tell of ``record_id``, which no record has, where a record of one of
        ``types`` (any, if none) is taken: the one way every lookup by ID words it (the
        queries, the collections, ``Dataset.get``, the command line, plots).

        Where places are taken, two ASCII letters (``'KZ'``, ``'kz'``, ``'US'``) are a
        country's code, told of the countries only: ``did you mean`` its place, or for a code
        no country has the codes there are, in the words of :meth:`country` (no search:
        ``'US'`` found words starting ``us``). Otherwise ``did you mean`` the IDs meant, of
        those kinds (of the ID's own kind if it is one of them): records whose names match the
        ID's name part or the name given in its place (``'Vladimir Kozlov'``,
        ``person:kozlov``; searched for, or looked for inside IDs, only from
        :data:`SEARCHED_FROM` letters or digits on, counted as given, as fewer start arbitrary
        words), then IDs spelled like it. With none, an ID in capitals that in lowercase is
        one of those kinds is told so (``IDs are in lowercase: 'person:x'``), and an ID
        without a kind, or of a kind not taken, is shown an ID of this dataset of those kinds
        (``IDs are a kind and a name, like 'place:almaty'``); a country's code where no place
        is taken (``events(involving='KZ')``) is said to be one, and that events take it as
        their place where any actor is taken (a person, an organisation or a group: events'
        ``involving``, a statement's ``speaker``), not where one kind is (``persons['KZ']``).
        Else None.
        """
        from rightsdata._values.spelling import close, did_you_mean, like_id

        kinds = [k for k, cls in RECORD_TYPES.items() if not types or cls in types]
        given, _, slug = record_id.rpartition(":")
        own = KIND_OF_PREFIX.get(given) or KIND_OF_PREFIX.get(given.lower())  # (PERSON:x)
        wanted = [own] if own in kinds else kinds
        found: list[str] = []
        notes: list[str] = []
        code = code_in_any_case(record_id)
        if code is not None and "places" in kinds:  # a country's code: told of the countries
            country = self._indexes.countries().get(code)
            if country is None:
                notes.append(self._no_country_hint())
            else:
                found.append(country.id)
        else:  # (two letters where no place is taken: an ID of the kinds taken, as any other)
            words = slug.replace("-", " ").replace("_", " ")
            # (counted as given: 'Шо' is searched as 'sho')
            searched = sum(c.isalnum() for c in words) >= SEARCHED_FROM
            if searched:
                found += [r.id for r in self.search(words.strip(), 10, wanted)]
            same = {i.partition(":")[2]: i for k in wanted for i in self._tables.get(k, {})}
            found += like_id(f":{slug}", same.values())
            if own is None and given:  # a kind misspelt ('persn:ana'): the whole ID compared
                found += close(record_id, [i for k in kinds for i in self._tables.get(k, {})])
            if not found:  # looser: spelled less alike, or a name cut short ('person:ana')
                found += like_id(f":{slug}", same.values(), 3, 0.6)
                if searched and (own is not None or types):  # ('to' is in many names)
                    found += [i for s, i in same.items() if slug in s]
        hint = did_you_mean(list(dict.fromkeys(found))[:3])
        country = None if code is None else self._indexes.countries().get(code)
        if not hint and country is not None and "places" not in kinds:
            # (where any actor is taken, as by timeline or events(involving=), the place was
            # likely meant; a lookup of one kind, persons["KZ"], is told no more)
            taken = " (events take it as their place)" if set(types) == set(ACTOR_TYPES) else ""
            notes.append(f"{code!r} is the country code of {country.id!r}{taken}")
        lowered = in_lowercase(record_id, tuple(PREFIX_OF_KIND[k] for k in kinds))
        if not hint and lowered is not None:  # ('PERSON:X', of a kind taken)
            notes.append(f"IDs are in lowercase: {lowered!r}")
        elif not hint and own not in kinds and (code is None or "places" not in kinds):
            shown = [k for k in ("persons", *kinds) if k in kinds]  # (a person's, if taken)
            example = next((i for k in shown for i in self._tables.get(k, {})), None)
            if example is not None and own is None and country is None:
                notes.append(f"IDs are a kind and a name, like {example!r}")
            elif example is not None:  # (of a kind not taken here, or a place's code)
                notes.append(f"{_kind_words(types)} is wanted here, like {example!r}")
        return "; ".join([hint, *notes] if hint else notes) or None

    def country(self, code: str) -> Place:
        """The place of kind country with this ISO 3166-1 alpha-2 code."""
        place = self._indexes.countries().get(code)
        if place is None:
            upper = code_in_any_case(code.strip())
            if upper is not None and upper in self._indexes.countries():
                spaced = ", with no space" if code != code.strip() else ""
                hint = f"a country's code is two capital letters{spaced}: {upper!r}"
                raise UnknownIdError(code, hint, "country")
            told = self._id_for_code(code) or self._name_for_code(code)
            raise UnknownIdError(code, told or self._no_country_hint(), "country")
        return place

    def _name_for_code(self, code: str) -> str | None:
        """What a country's name (or any text but two letters) given where its code is
        taken is told: the code of the country place of that name or alias, if one has it
        (None for two letters, a code no place has, told the codes there are)."""
        if code_in_any_case(code.strip()) is not None:
            return None
        wanted = code.strip().casefold()
        for place in self._indexes.countries().values():
            names = (place.name, *(alias.name for alias in place.aliases))
            if wanted in {name.casefold() for name in names}:
                return (
                    f"a country is found by its ISO 3166-1 code, not its name: give "
                    f"{place.country!r} (the place {place.id!r})"
                )
        return (
            "a country is found by its ISO 3166-1 alpha-2 code, such as 'KZ' (codes: "
            f"{self._known_codes()})"
        )

    def _id_for_code(self, code: str) -> str | None:
        """What an ID given where a country's code is taken is told: the code to give, for a
        place that has one (None for text that is no ID)."""
        if prefix_of(code) not in KIND_OF_PREFIX:
            return None
        from rightsdata._values.shell import python_call  # (a message's)

        place = self._tables.get("places", {}).get(code)
        country = getattr(place, "country", None)
        if isinstance(place, Place) and place.kind.value in ("country", "territory") and country:
            return (
                f"a country is found by its ISO 3166-1 code, not its ID: give {country!r} "
                f"(the place is {python_call(f'ds.places[{code!r}]')})"
            )
        return "a country is found by its ISO 3166-1 code, such as 'KZ', not by an ID" + (
            f" (the place is {python_call(f'ds.places[{code!r}]')})" if place is not None else ""
        )

    def _no_country_hint(self) -> str:
        """What a country's code no place has is told, wherever it is given (here, in
        :meth:`suggestion`, and so on the command line): the codes there are."""
        return f"no place of kind country has this code (codes: {self._known_codes()})"

    def _known_codes(self) -> str:
        """The codes of the dataset's country places, as the hints list them."""
        return ", ".join(sorted(self._indexes.countries())) or "none"

    def _id_of(self, value: object, argument: str, *types: type) -> str:
        """The resolved ID of a record or ID given as ``argument``, of one of ``types``.

        Where a place is expected, a country's ISO code (``'KZ'``) stands for its place.
        """
        if isinstance(value, str):
            code = place_code(value, self.country) if Place in types else None
            record_id = self.country(code).id if code is not None else self.resolve(value, types)
        elif isinstance(value, types):
            record_id = self.resolve(value.id)  # type: ignore[attr-defined]
        else:
            raise TypeError(
                f"the {argument} must be an ID or {_kind_words(types)} record, "
                f"not {what_was_given(value)}"
            )
        record = self._find(record_id)
        if not isinstance(record, types):
            found = _kind_words([type(record)])
            raise ValueError(
                f"the {argument} must be {_kind_words(types)}, but {record_id} is {found}"
            )
        return record_id

    # -- queries ----------------------------------------------------------------------------

    def search(self, text: str, limit: int | None, kinds: Iterable[str] | None) -> SearchResults:
        """See :meth:`rightsdata.Dataset.search`."""
        if not isinstance(text, str):
            raise TypeError(f"search text must be a str, not {what_was_given(text)}")
        if limit is not None and (type(limit) is not int or limit < 1):
            # (as the command line's --limit: "a whole number above 0")
            said = "search: the limit must be a whole number above 0 (or None for every match)"
            if type(limit) is int:  # (0 or less would keep nothing)
                raise ValueError(f"{said}, not {shown_repr(limit)}")
            raise TypeError(f"{said}, not {what_was_given(limit)}")
        orders = None
        if kinds is not None:
            given = filter_values(kinds, "record kind", "a kind's name")
            wrong = [kind for kind in given if not isinstance(kind, str)]
            if wrong:  # (before the set: a list given for a kind cannot go in one)
                raise TypeError(
                    f"the record kind must be a kind's name (a str), such as 'persons', not "
                    f"{what_was_given(wrong[0])}"
                )
            wanted = set(given)
            unknown = wanted - set(KINDS)
            if unknown:
                from rightsdata._values.spelling import spelled_like  # (only when wrong)

                like = "".join(spelled_like(k, KINDS) for k in unknown) if len(unknown) == 1 else ""
                raise ValueError(
                    f"unknown kinds to search: {', '.join(map(repr, sorted(unknown)))}{like}; "
                    f"expected some of {', '.join(KINDS)}"
                )
            orders = frozenset(KINDS.index(k) for k in wanted)
        # one more than asked, to know whether the limit left any out
        ids = self._indexes.search().search(text, None if limit is None else limit + 1, orders)
        truncated = limit is not None and len(ids) > limit
        return SearchResults((self.get(i) for i in ids[:limit]), truncated=truncated, limit=limit)

    def events(
        self,
        kind: object = None,
        between: object = None,
        involving: object = None,
        place: object = None,
        role: object = None,
        certain: object = False,
    ) -> list[Event]:
        """See :meth:`rightsdata.EventCollection.__call__`."""
        only_certain = flag(certain, "certain")
        the_role = None if role is None else _term(Role, role, "role")
        actor = None if involving is None else self._id_of(involving, "actor", *ACTOR_TYPES)
        place_id = None if place is None else self._id_of(place, "place", Place)
        kinds = None if kind is None else _terms(EventKind, kind, "event kind")
        window_ = None if between is None else window(between)
        _certain(only_certain, window_, between, "events", "event")
        if actor is not None and place_id is None and kinds is None and window_ is None:
            # An actor's events alone (a timeline): found in the events' fields and sorted,
            # without the chronological index of every event.
            involving = self._indexes.event_fields().involving(actor)
            if the_role is None:
                return list(involving)
            return [
                e
                for e in involving
                if any(p.actor == actor and p.role is the_role for p in e.participants)
            ]
        index = self._indexes.events()
        filters: list[_Filter] = []
        postings: list[Posting] = []
        if actor is not None:
            posting = index.by_actor.get(actor, EMPTY)
            if the_role is not None:
                # An actor's events are few: test them rather than index every actor-role
                # pair (about 1.5 postings an event, most never asked for).
                posting = _in_role(posting, index.order, actor, the_role)
            postings.append(posting)
        elif the_role is not None:
            postings.append(index.by_role.get(the_role.value, EMPTY))
        if place_id is not None:
            postings.append(index.by_place(place_id))
        if kinds is not None and len(kinds) == 1:
            postings.append(index.by_kind.get(kinds[0].value, EMPTY))
        elif kinds is not None:
            filters.append(_any_filter([index.by_kind.get(k.value, EMPTY) for k in kinds]))
        if window_ is None and not filters and len(postings) == 1:
            # One key's events: picked by the index (by their positions where it has them,
            # without their ranks).
            return index.events_of(postings[0])
        filters += map(_posting_filter, postings)
        order = index.order
        return _select(order, index, filters, window_, index, order.pick, certain=only_certain)

    def timeline(self, actor: object) -> list[Event]:
        """See :meth:`rightsdata.Dataset.timeline`: the actor or place is required (None is a
        TypeError, not every event)."""
        subject = self._id_of(actor, "actor or place", *ACTOR_TYPES, Place)
        if isinstance(self._find(subject), Place):
            return self.events(place=subject)  # (as the command line's timeline and the plot)
        return self.events(involving=subject)

    def statements(
        self,
        speaker: object = None,
        about: object = None,
        addressed_to: object = None,
        between: object = None,
        kind: object = None,
        certain: object = False,
    ) -> list[Statement]:
        """See :meth:`rightsdata.StatementCollection.__call__`."""
        only_certain = flag(certain, "certain")
        actors = ACTOR_TYPES
        who = None if speaker is None else self._id_of(speaker, "speaker", *actors)
        to = None if addressed_to is None else self._id_of(addressed_to, "addressee", *actors)
        subject = None if about is None else self._id_of(about, "subject", *_KIND_OF_TYPE)
        kinds = None if kind is None else _terms(StatementKind, kind, "statement kind")
        window_ = None if between is None else window(between)
        _certain(only_certain, window_, between, "statements", "statement")
        index = self._indexes.statements()
        filters: list[_Filter] = []
        if who is not None:
            filters.append(_posting_filter(index.by_speaker.get(who, EMPTY)))
        if to is not None:
            filters.append(_posting_filter(index.by_addressee.get(to, EMPTY)))
        if subject is not None:
            filters.append(_posting_filter(index.by_about.get(subject, EMPTY)))
        if kinds is not None:
            filters.append(_any_filter([index.by_kind.get(k.value, EMPTY) for k in kinds]))
        return _select(index.order, index, filters, window_, None, certain=only_certain)

    def figures(
        self,
        holder: object,
        measure: object,
        unit: object = None,
        per: object = None,
        of: object = None,
    ) -> Figures:
        """See :meth:`rightsdata.Dataset.figures`."""
        holder_id = self._id_of(holder, "record", *_HOLDERS)
        record = self._find(holder_id)
        wanted = None if measure is None else _term(Measure, measure, "measure")
        counted = None if unit is None else _term(FigureUnit, unit, "unit")
        period: Duration | Literal[False] | None = (
            None if per is None else False if per is False else _period(per)
        )
        what = _what_counted(of)
        found = tuple(
            f
            for f in record.figures  # type: ignore[union-attr]
            if (wanted is None or f.measure is wanted)
            and (counted is None or f.unit is counted)
            and (period is None or (f.per is None if period is False else f.per == period))
            and (what is None or f.of == (None if what is False else what))
        )
        return Figures(
            record=holder_id, measure=wanted, figures=found, unit=counted, per=period, of=what
        )

    def _rated(self, country: object) -> str:
        """The ID of the place given as ``country`` to a ratings query: a ValueError for a
        place of a kind no rating rates (a city: its ratings are its country's), naming what
        it is and the country it lies within, unless the data rates it anyway."""
        place_id = self._id_of(country, "country", Place)
        place = self._find(place_id)
        if not isinstance(place, Place) or place.kind is PlaceKind.COUNTRY:
            return place_id
        if place.kind in RATED or place_id in self._indexes.ratings().by_country:
            return place_id
        said = (
            f"the country must be a place of kind country (or territory), but {place_id} is "
            f"{with_article(place.kind.value)}"
        )
        outer = self._country_around(place)
        if outer is not None:
            said += f" in {outer.id} ({outer.name}): ratings are its country's; give {outer.id!r}"
        raise ValueError(said)

    def _country_around(self, place: Place) -> Place | None:
        """The first country or territory ``place`` lies within (by ``within``), else the
        place of its country code, if any."""
        seen = {place.id}
        within = place.within
        while within is not None and within not in seen:
            seen.add(within)
            found = self._find(within)
            if not isinstance(found, Place):
                break
            if found.kind in RATED:
                return found
            within = found.within
        if place.country is None:
            return None
        try:
            return self.country(place.country)
        except (UnknownIdError, ValueError):
            return None

    def ratings(self, country: object) -> list[Rating]:
        """See :class:`rightsdata._data.collection.RatingCollection`."""
        index = self._indexes.ratings()
        if country is None:
            return list(index.order)
        return list(index.by_country.get(self._rated(country), ()))

    def rating_on(self, country: object, date: object) -> Rating | None:
        """See :meth:`rightsdata.Dataset.rating_on`."""
        place_id = self._rated(country)
        when = day(date, "rating_on: the day")
        index = self._indexes.ratings()
        certain = index.certain.get(place_id)
        if not certain:
            return None
        position = bisect_right(certain, when)
        return index.in_force[place_id][position - 1] if position else None

    def cited_by(self, source: object) -> list[Record]:
        """See :meth:`rightsdata.Dataset.cited_by`."""
        source_id = self._id_of(source, "source", Source)
        return list(self._indexes.sources().get(source_id, ()))

    def related(self, record: object) -> Related:
        """See :meth:`rightsdata.Dataset.related`."""
        if isinstance(record, str):  # (any record is taken, a place too: a code stands for it)
            code = place_code(record, self.country)
            record_id = self.country(code).id if code is not None else self.resolve(record)
        elif hasattr(record, "id") and isinstance(record.id, str):
            record_id = self.resolve(record.id)
        else:
            raise TypeError(f"related() expects an ID or a record, not {what_was_given(record)}")
        events = self._indexes.event_fields().naming(record_id)
        found = self._indexes.references().get(record_id)
        if found is None:
            return Related(record_id, (), events, (), ())
        return Related(record_id, found.relationships, events, found.statements, found.ratings)


def _what_counted(of: object) -> str | Literal[False] | None:
    """The ``of=`` filter of ``figures``: a figure's ``of`` text, False (the figures without
    one) or None (no filter); anything else is a TypeError.

    >>> _what_counted("police officers"), _what_counted(False)
    ('police officers', False)
    >>> _what_counted(3)
    Traceback (most recent call last):
    ...
    TypeError: of must be the text of a figure's of ('police officers'), False for the \
figures without one, or None, not an int (3)

    A text no figure's ``of`` can be (empty, with a space at an end, on two lines) would
    keep nothing, whatever the data: it is a ValueError, saying why.

    >>> _what_counted(" police officers")
    Traceback (most recent call last):
    ...
    ValueError: of=' police officers' keeps no figure: a figure's of must be non-empty text \
without leading or trailing spaces
    """
    if isinstance(of, str):
        from rightsdata._values.errors import FieldError, printable

        try:
            attrs.fields(Figure).of.metadata["rightsdata_spec"].check("of", of)
        except FieldError as error:
            raise ValueError(
                f"of={printable(repr(of))} keeps no figure: a figure's of {error.message}"
            ) from None
        return of
    if of is None or of is False:
        return of
    raise TypeError(
        "of must be the text of a figure's of ('police officers'), False for the figures "
        f"without one, or None, not {what_was_given(of)}"
    )


def filter_values(value: object, what: str, one: str) -> list[Any]:
    """The values of a filter that takes one value or a collection of them (any of them):
    ``[value]`` for one string (a string is one value, not a collection of letters), else
    the collection's values in order. The rule of every such filter: an empty collection
    is a ValueError, since it would keep nothing and is almost always a bug; None (checked
    by the caller) means no filter. ``what`` names a value (``"event kind"``), ``one``
    what one value is, for the TypeError of a value that is neither.

    >>> filter_values("killing", "event kind", "an EventKind"), filter_values(("a", "b"), "x", "")
    (['killing'], ['a', 'b'])
    >>> filter_values([], "event kind", "an EventKind")
    Traceback (most recent call last):
    ...
    ValueError: no event kind given: an empty collection would keep nothing; pass None for \
every event kind
    """
    if isinstance(value, str):  # an enum member is a str too
        return [value]
    if isinstance(value, bytes | bytearray) or not isinstance(value, Iterable):
        told = f"the {what} must be {one} or a collection of them, not {what_was_given(value)}"
        if isinstance(value, bytes | bytearray):  # (a collection of ints, one a letter)
            told += f"; pass its text, {value.decode('utf-8', 'replace')!r}"
        raise TypeError(told)
    values = list(value)
    if not values:
        raise ValueError(
            f"no {what} given: an empty collection would keep nothing; pass None for every {what}"
        )
    return values


def _terms(cls: type[E], value: object, argument: str) -> list[E]:
    """One term or a non-empty collection of them (any of them), without repeats."""
    one = f"{a_term_of(cls)} ({cls.__name__}), its text"
    values = filter_values(value, argument, one)
    return list(dict.fromkeys(_term(cls, v, argument) for v in values))


def _any_filter(postings: list[Posting]) -> _Filter:
    """Ranks in any of ``postings``."""
    if len(postings) == 1:
        return _posting_filter(postings[0])

    def keep(ranks: Iterable[int]) -> Iterable[int]:
        members = [p.members for p in postings]
        return filter(lambda r: any(r in m for m in members), ranks)

    return _Filter(
        sum(p.size for p in postings),
        lambda: chain.from_iterable(p.ranks for p in postings),
        False,
        keep,
    )


def _select(
    order: Sequence[T],
    bounds: _Bounds,
    filters: list[_Filter],
    window_: tuple[int, int] | None,
    events: Any,
    pick: Callable[[Iterable[int]], list[T]] | None = None,
    *,
    certain: bool = False,
) -> list[T]:
    """The records of ``order`` (by rank) that pass every filter and overlap the window
    (``bounds`` gives each rank's first and last possible days, read only for a window), or
    with ``certain``, whose every possible day lies within it.

    ``events`` (an EventIndex, or None) offers a date index to drive a window query when
    every other condition is large; ``pick`` gives the records at some ranks (by default
    ``order[r]`` for each).
    """
    if window_ is None:
        if not filters:
            return list(order)
        lo, hi = NEG, POS
        dated_only = False
    else:
        lo, hi = window_
        dated_only = True
        firsts, lasts = bounds.firsts, bounds.lasts
        smallest = min((f.size for f in filters), default=POS)
        if smallest > _SMALL and events is not None:
            dates = events.dates
            filters.append(
                _Filter(
                    dates.estimate(lo, hi),
                    lambda: dates.overlapping(lo, hi),
                    False,
                    partial(filter, lambda r: firsts[r] <= hi and lasts[r] >= lo),
                    is_window=True,
                )
            )
        elif not filters:
            filters.append(_Filter(len(order), lambda: range(len(order)), True, _everything))
    filters.sort(key=lambda f: f.size)
    driver = filters[0]
    found: Iterable[int] = driver.ranks()
    if dated_only and not driver.is_window:
        found = [r for r in found if firsts[r] <= hi and lasts[r] >= lo]
    for other in filters[1:]:
        if not other.is_window:
            found = other.keep(found)
    if certain:
        # (of those that overlap it: an undated rank's bounds, POS + 1 / NEG - 1, never do;
        # a set within the window is within it whichever of its dates it is)
        found = [r for r in found if lo <= firsts[r] and lasts[r] <= hi]
    elif window_ is not None and bounds.sets:
        found = _in_a_date(found, bounds.sets, lo, hi)
    if pick is None:
        pick = partial(_picked, order)
    return pick(found if driver.ordered else sorted(found))


def _in_a_date(
    found: Iterable[int], sets: Sequence[tuple[int, int, EDTF]], lo: int, hi: int
) -> list[int]:
    """``found`` (ranks within the window ``lo``..``hi`` by their bounds) without those whose
    date is a set none of whose dates meets the window (it falls between two of them)."""
    apart = [(start, stop) for start, stop, date in sets if not overlaps_days(date, lo, hi)]
    found = found if isinstance(found, list) else list(found)
    if not apart:
        return found
    # Few ranks found (an actor's events) are each looked up among the runs (which are in
    # rank order) by bisection; many are tested against a set of the ranks apart. A set of
    # them all for the 19 events of the bench's actor at 100,000 events took 73 us a query,
    # 0.7 of the whole warm query (its 12,000 ranks apart made and hashed each time).
    if len(found) * 8 < sum(stop - start for start, stop in apart):
        starts = [start for start, _ in apart]
        kept = []
        for rank in found:
            at = bisect_right(starts, rank) - 1
            if at < 0 or rank >= apart[at][1]:
                kept.append(rank)
        return kept
    ranks: set[int] = set()
    for start, stop in apart:
        ranks.update(range(start, stop))
    return [rank for rank in found if rank not in ranks]


def _everything(ranks: Iterable[int]) -> Iterable[int]:
    return ranks


def _picked(order: Sequence[T], ranks: Iterable[int]) -> list[T]:
    return list(map(order.__getitem__, ranks))
