"""EDTF dates: the dates of events, at the precision the source gives.

rightsdata records dates as EDTF strings (Library of Congress Extended Date/Time Format,
ISO 8601-2). An unknown day is never replaced by the first of the month: ``2012-05`` stays
a month, and its bounds are 2012-05-01 and 2012-05-31.

Supported subset (everything else is rejected with :class:`EDTFError`):

* ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``: four-digit years 0001-9999 (year 0000 is valid
  EDTF but cannot be represented by :class:`datetime.date`, so it is rejected) and real
  calendar dates (``2012-02-30`` and ``2011-02-29`` are rejected);
* seasons ``YYYY-21`` (spring), ``YYYY-22`` (summer), ``YYYY-23`` (autumn), ``YYYY-24``
  (winter). Their bounds follow the ``edtf`` reference package (``lower_strict`` /
  ``upper_strict``): spring is March-May, summer June-August, autumn September-November,
  and winter is **December of the same year only** (``2012-24`` is 2012-12-01 to
  2012-12-31; ``edtf`` does not wrap winter into the next year);
* one qualifier at the end of a day, month or year: ``?`` uncertain, ``~`` approximate,
  ``%`` both. It applies to the whole date and does not change its bounds. Seasons cannot
  be qualified (``edtf`` rejects ``2012-21?``);
* intervals ``A/B`` where each side is one of the above, ``..`` (open: no bound) or empty
  (unknown), e.g. ``2012-01-26/2012-10-08``, ``2020-08-12/..``, ``../2012``, ``2019/``,
  ``/2019-05``. At least one side must be a date (``../..``, ``/``, ``/..`` are rejected)
  and the start may not lie after the end (``start.earliest > end.latest``). An interval is
  a span: from its start to its end;
* sets ("one of a set", ISO 8601-2 Level 2): the date is **one** of the dates listed, not
  known which: ``[2022-01-14,2022-01-15]`` (the 14th or the 15th), ``[2011-12-16..2012-01-31]``
  (some day of that range), ``[..2012-01-31]`` (some day by then), ``[2011-12-16..]``.
  Each date is a day, month or year without a qualifier (a season or ``?~%`` inside a set is
  refused: the set already says what is known), or a range ``A..B`` of two such dates of
  one precision (as the ``edtf`` package requires) whose start ends before its end begins;
  ``..B`` may open only the first date, ``A..`` only the last. The dates are written without
  spaces, in order and without overlapping (each ends before the next begins), so that a
  set reads in date order and no day is given twice. A meaning may still have several texts
  (``[2012-01,2012-02]`` and ``[2012-01..2012-02]`` are the same days), and they are not
  equal, as ``2012`` and ``2012-01/2012-12`` are not; a set of one date that is not a range
  is that date (``[2012]`` is refused: write ``2012``). A set's bounds are its first date's
  earliest and its last date's latest (None for an open end); its precision is None.

Ordering: dates, including uncertain and approximate ones, are ordered by their earliest
bound, then latest bound, then text; an open (or unknown) start sorts first, an open (or
unknown) end last. Equality and hashing use the text only, so ``2012`` and ``2012?`` differ.

Relations: :meth:`EDTF.contains` answers only on what is known (an unknown side is bounded
at the known side; an open side is unbounded); :meth:`EDTF.overlaps` asks whether some day
could be in both (open and unknown sides are unbounded). A set's days are those of its dates,
not the gaps between them. Against ``edtf``: an open side
is ``-inf`` / ``inf`` there and None here; for an unknown side ``edtf`` guesses a date ten
years from the known side, and we give None.

Bounds are stored as proleptic-Gregorian ordinals computed by a small hand-written parser;
:class:`pendulum.Date` objects are built only when ``.earliest`` / ``.latest`` are read.
Parsed values are cached by text (the cache is cleared when it holds 65,536 texts), and the
bounds of each ``YYYY`` and ``YYYY-MM`` seen are memoised. Measured with ``time.perf_counter``
loops (best of 40) on CPython 3.11, on a machine where ``int("2012")`` takes 0.10 us and
``pendulum.parse("2012-01-26")`` 14 us: a text not yet in the cache takes about 1.2-2 us
for a day, month or year (qualified or not) and 2.5-4 us for an interval; a text already in
the cache takes about 0.2 us. A set (rare) is looked for only once a text failed as a single
date: a set of two days takes about 6 us.

>>> d = EDTF.parse("2012-02")
>>> d.earliest, d.latest, d.precision
(Date(2012, 2, 1), Date(2012, 2, 29), <Precision.MONTH: 'month'>)
>>> sorted([EDTF("2012"), EDTF("../2011"), EDTF("2012-05~"), EDTF("2011/..")])
[EDTF('../2011'), EDTF('2011/..'), EDTF('2012'), EDTF('2012-05~')]
>>> both = EDTF("[2022-01-14,2022-01-15]")
>>> both.is_set, both.earliest, both.latest, both.members
(True, Date(2022, 1, 14), Date(2022, 1, 15), (EDTF('2022-01-14'), EDTF('2022-01-15')))
"""

from __future__ import annotations

import datetime
import enum
import re
import sys
from typing import TYPE_CHECKING, Any, Final, NoReturn, final

from rightsdata._values.calendarwords import SEASON_MONTHS, SEASON_NAMES
from rightsdata._values.errors import RightsdataError, checked, what_was_given
from rightsdata._values.joined import one_of
from rightsdata._values.lazymodule import LazyModule

if TYPE_CHECKING:
    import pendulum
else:  # imported when a function needs it, or when typing.get_type_hints reads an annotation
    pendulum = LazyModule("pendulum")

__all__ = [
    "EDTF",
    "EDTF_PATTERN",
    "EDTF_PATTERN_NO_SETS",
    "EDTFError",
    "Precision",
    "edtf_pattern",
]


_PATTERN_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001-9999
_PATTERN_LEAP_YEAR = (
    "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
)
_PATTERN_DAY = (
    f"(?:{_PATTERN_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    f"|02-(?:0[1-9]|1[0-9]|2[0-8]))|{_PATTERN_LEAP_YEAR}-02-29)"
)
# A season takes no qualifier (that is EDTF level 2).
_PATTERN_SINGLE = (
    f"(?:(?:{_PATTERN_DAY}|{_PATTERN_YEAR}-(?:0[1-9]|1[0-2])|{_PATTERN_YEAR})[?~%]?"
    f"|{_PATTERN_YEAR}-2[1-4])"
)
# A member of a set: a day, month or year, unqualified; a range of two, or open on one side.
_PATTERN_MONTH = f"{_PATTERN_YEAR}-(?:0[1-9]|1[0-2])"
_PATTERN_MEMBER = f"(?:{_PATTERN_DAY}|{_PATTERN_MONTH}|{_PATTERN_YEAR})"
# (a range's two dates have one precision, as the edtf package requires)
_PATTERN_RANGE = (
    f"(?:{_PATTERN_DAY}(?:\\.\\.{_PATTERN_DAY})?|{_PATTERN_MONTH}(?:\\.\\.{_PATTERN_MONTH})?"
    f"|{_PATTERN_YEAR}(?:\\.\\.{_PATTERN_YEAR})?)"
)
# '..b' first only, 'a..' last only; one member only if it is a range (the look-ahead).
_PATTERN_SET = (
    f"\\[(?!{_PATTERN_MEMBER}\\])(?:\\.\\.{_PATTERN_MEMBER}|{_PATTERN_RANGE})"
    f"(?:,{_PATTERN_RANGE})*(?:,{_PATTERN_MEMBER}\\.\\.)?\\]|\\[{_PATTERN_MEMBER}\\.\\.\\]"
)


def edtf_pattern(sets: bool = True) -> str:
    """The EDTF subset rightsdata accepts, as one regular expression: with sets (formats 3
    on), or without (formats 1-2). Whether an interval's start comes before its end, and a
    set's members are in order, is beyond a regular expression; the parser checks it
    (:func:`edtf_rules` says how, in words, for the schemas' descriptions).

    >>> import re
    >>> [bool(re.match(edtf_pattern(sets), "[2012,2014]")) for sets in (True, False)]
    [True, False]
    """
    single = (
        f"{_PATTERN_SINGLE}|{_PATTERN_SINGLE}/(?:{_PATTERN_SINGLE}|\\.\\.)?"
        f"|(?:\\.\\.)?/{_PATTERN_SINGLE}"
    )
    return f"^(?:{single}|{_PATTERN_SET})$" if sets else f"^(?:{single})$"


def edtf_rules(sets: bool = True) -> tuple[str, ...]:
    """The rules of a date that :func:`edtf_pattern` cannot state and the parser keeps, in
    words (a date that matches the pattern is refused only for breaking one): of every date,
    and, ``sets`` (formats 3 on), of a set.

    >>> len(edtf_rules()), len(edtf_rules(sets=False))
    (3, 1)
    """
    every = (
        "an interval's start does not begin after its end ends (2013/2012 is refused, "
        "2012-06/2012 taken)",
    )
    if not sets:
        return every
    return (
        *every,
        "a range A..B in a set ends A before B begins ([2012..2013], not [2012..2012])",
        "a set's dates are in order, each ending before the next begins: none is written "
        "twice or overlaps another ([2012,2013], not [2013,2012], [2012,2012] or "
        "[2012,2012-05])",
    )


#: The EDTF subset rightsdata accepts (:func:`edtf_pattern`), sets included.
EDTF_PATTERN: Final = edtf_pattern()
#: The EDTF subset of formats 1-2, which have no sets.
EDTF_PATTERN_NO_SETS: Final = edtf_pattern(sets=False)


class EDTFError(RightsdataError, ValueError):
    """A string is not an EDTF date of the supported subset.

    The message names the input and says what is wrong; so do two attributes, for a program
    that shows them its own way: ``text``, the input (a ``str``: every parse is of text, a
    value of another type is a TypeError, and so is an error made with one), and ``reason``,
    what is wrong with it (the message without the input).
    A date given as an argument (``ds.events(between=("2020-13", None))``) has ``context``
    too, what it was given as, which the message says first (``between: the start is not a
    date``); None for a date parsed alone. Made as ``EDTFError(text, reason)``, or
    ``EDTFError(text, reason, context)``.

    >>> try:
    ...     EDTF.parse("2012-13-01")
    ... except EDTFError as error:
    ...     print(error)
    ...     print(error.text, "|", error.reason)
    '2012-13-01' is not an EDTF date: month 13 does not exist
    2012-13-01 | month 13 does not exist
    """

    #: The input that is not an EDTF date.
    text: str
    #: What is wrong with it: the message without the input.
    reason: str
    #: What the input was given as (``"between: the start is not a date"``), or None.
    context: str | None

    def __init__(self, text: str, reason: str, context: str | None = None) -> None:
        checked(text, "text", "a str (the input that is not a date)", str)
        message = f"{text!r} is not an EDTF date: {reason}"
        super().__init__(message if context is None else f"{context}: {message}")
        self.text = text
        self.reason = reason
        self.context = context

    def __reduce__(self) -> tuple[type[EDTFError], tuple[str, str, str | None]]:
        return (type(self), (self.text, self.reason, self.context))


class Precision(enum.Enum):
    """How precise a single EDTF date is.

    >>> EDTF("2012-22").precision
    <Precision.SEASON: 'season'>
    >>> Precision("day")
    <Precision.DAY: 'day'>
    """

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


_DAY: Final = Precision.DAY
_MONTH: Final = Precision.MONTH
_SEASON: Final = Precision.SEASON
_YEAR: Final = Precision.YEAR

# Flag bits kept in one int slot.
_UNCERTAIN: Final = 1
_APPROXIMATE: Final = 2
_INTERVAL: Final = 4
_OPEN_START: Final = 8
_OPEN_END: Final = 16
_UNKNOWN_START: Final = 32
_UNKNOWN_END: Final = 64
_SET: Final = 128

# Sort-key stand-ins for a missing bound: below / above every date ordinal.
_NEG: Final = -sys.maxsize - 1
_POS: Final = sys.maxsize

_QUALIFIER_FLAGS: Final[dict[str, int]] = {
    "?": _UNCERTAIN,
    "~": _APPROXIMATE,
    "%": _UNCERTAIN | _APPROXIMATE,
}
_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Memoised bounds: "YYYY" -> (lo, hi); "YYYY-MM" -> (lo, hi, MONTH or SEASON).
_YEARS: dict[str, tuple[int, int]] = {}
_MONTHS: dict[str, tuple[int, int, Precision]] = {}
_ordinal = datetime.date.toordinal
_date = datetime.date


def _pendulum_date(ordinal: int) -> pendulum.Date:
    # pendulum is imported on the first bound read, not with the module: loading and
    # querying dates work on ordinals and never need it.
    import pendulum

    return pendulum.Date.fromordinal(ordinal)


_CACHE: dict[str, EDTF] = {}
_CACHE_MAX: Final = 65536

_SYNTAX: Final = (
    "expected YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21..24, optionally followed by one "
    "of ? ~ %, an interval A/B whose sides are such dates, '..' (open) or empty (unknown), "
    "or a set [A,B], one of its dates (each a day, month, year or range A..B)"
)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_end(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _syntax_reason(text: str) -> str:
    """Explain why ``text`` (one side, no '/') does not match the date pattern."""
    if not text:
        return "empty string"
    if text != text.strip():
        return "leading or trailing whitespace"
    if "T" in text or ":" in text:
        return "times are not supported, only dates"
    if text.startswith("-"):
        return "negative years are not supported"
    if text.startswith("Y") or (len(text) > 4 and text[:5].isdigit()):
        return "years must have exactly four digits (0001-9999)"
    if re.search(r"\d[Xu]|[Xu]\d|[Xu]{2}", text):  # (digit-shaped: not the u of June)
        return "unspecified digits (X) are not supported"
    if text == "..":
        return "'..' is only allowed as a side of an interval"
    if text.startswith("{"):
        return "'{...}' (all of a set) is not supported; for one of some dates write [A,B]"
    if re.fullmatch(r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", text):
        return "dates are written year first: YYYY-MM-DD"
    if re.fullmatch(r"[0-9]{4}(-[0-9]{1,2}){1,2}[?~%]?", text):
        return "months and days must have two digits"
    if re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}[?~%]{2,}", text):
        return "at most one qualifier (? ~ %) is allowed"
    return _SYNTAX


def _year_month(ym: str) -> tuple[int, int, Precision] | str:
    """Bounds of a valid ``YYYY-MM`` or ``YYYY-SS`` (digits already checked), or a reason."""
    ys, ms = ym[:4], ym[5:]
    year, month = int(ys), int(ms)
    if not year:
        return "year 0000 is not supported (years 0001-9999)"
    if 0 < month < 13:
        lo = _ordinal(_date(year, month, 1))
        return lo, lo + _month_end(year, month) - 1, _MONTH
    season = SEASON_MONTHS.get(month)
    if season is None:
        if 25 <= month <= 41:
            return f"{ms} is a Level 2 season code; only seasons 21-24 are supported"
        return f"month {ms} does not exist"
    first, last = season
    lo = _ordinal(_date(year, first, 1))
    return lo, _ordinal(_date(year, last, _month_end(year, last))), _SEASON


def _single(text: str) -> tuple[int, int, Precision, int] | str:
    """Parse one date (no '/'): (lo ordinal, hi ordinal, precision, flags) or a reason.

    Hand-written for speed: the bounds of each ``YYYY`` and ``YYYY-MM`` seen are memoised,
    so a day costs a few slices, one dict lookup and one ``int()``.
    """
    n = len(text)
    flags = _QUALIFIER_FLAGS.get(text[-1:], 0)
    if flags:
        n -= 1
    if not text.isascii():
        return _syntax_reason(text)
    if n == 4:
        ys = text[:4]
        bounds = _YEARS.get(ys)
        if bounds is None:
            if not ys.isdigit():
                return _syntax_reason(text)
            year = int(ys)
            if not year:
                return "year 0000 is not supported (years 0001-9999)"
            lo = _ordinal(_date(year, 1, 1))
            bounds = _YEARS[ys] = (lo, _ordinal(_date(year, 12, 31)))
        return bounds[0], bounds[1], _YEAR, flags
    if (n != 7 and n != 10) or text[4] != "-":
        return _syntax_reason(text)
    ym = text[:7]
    info = _MONTHS.get(ym)
    if info is None:
        if not (ym[:4].isdigit() and ym[5:].isdigit()):
            return _syntax_reason(text)
        computed = _year_month(ym)
        if isinstance(computed, str):
            return computed
        if len(_MONTHS) >= _CACHE_MAX:
            _MONTHS.clear()
        info = _MONTHS[ym] = computed
    lo, hi, precision = info
    if n == 7:
        if flags and precision is _SEASON:
            season = SEASON_NAMES[int(text[5:7])]
            return f"a season ({text[5:7]}, {season}) cannot carry a qualifier (? ~ %)"
        return lo, hi, precision, flags
    ds = text[8:10]
    if text[7] != "-" or not ds.isdigit():
        return _syntax_reason(text)
    if precision is _SEASON:
        return f"{text[5:7]} is a season ({SEASON_NAMES[int(text[5:7])]}) and cannot have a day"
    day = int(ds)
    if day < 1 or lo + day - 1 > hi:
        return f"day {ds} does not exist in {ym}"
    lo += day - 1
    return lo, lo, _DAY, flags


#: A day written with the year last (``05/03/2021``, ``5.3.2021``), or first but not with
#: hyphens (``2021/03/05``, ``2021.03.05``).
_YEAR_LAST: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_FIRST: Final = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")


def _fail(text: str, reason: str) -> NoReturn:
    raise EDTFError(text, _common_mistake(text) or reason)


def _common_mistake(text: str) -> str | None:
    """What to say of a day written as people often write one, whatever failed first."""
    if (found := _YEAR_FIRST.fullmatch(text)) is not None:
        year, month, day = map(int, found.groups())
        days = [(year, month, day)]
    elif (found := _YEAR_LAST.fullmatch(text)) is not None:
        first, second, year = map(int, found.groups())
        days = list(dict.fromkeys([(year, second, first), (year, first, second)]))
    else:
        from rightsdata._values.datewords import date_words  # (only once a date failed)

        return date_words(text, is_edtf)
    real = [f"{y:04}-{m:02}-{d:02}" for y, m, d in days if _is_day(y, m, d)]
    if not real:
        return "EDTF writes a day year first, with hyphens: YYYY-MM-DD"
    return f"EDTF writes a day year first, with hyphens: {one_of(real)}"


def is_edtf(text: str) -> bool:
    """Whether ``text`` is a date EDTF reads.

    >>> is_edtf("2012-10"), is_edtf("Oct 2012")
    (True, False)
    """
    try:
        EDTF(text)
    except EDTFError:
        return False
    return True


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _make(
    text: str,
    lo: int | None,
    hi: int | None,
    precision: Precision | None,
    flags: int,
    start: EDTF | None,
    end: EDTF | None,
) -> EDTF:
    obj = object.__new__(EDTF)
    obj._text = text
    obj._lo = lo
    obj._hi = hi
    obj._precision = precision
    obj._flags = flags
    obj._start = start
    obj._end = end
    return obj


def _side(whole: str, text: str, label: str) -> EDTF | None:
    """One side of an interval: None for '..' or '' (the caller sets the flags)."""
    if text == ".." or not text:
        return None
    cached = _CACHE.get(text)
    if cached is not None and not cached._flags & _SET:  # (a set is no side, cached or not)
        return cached
    parsed = _single(text)
    if isinstance(parsed, str):
        if whole[:1] == "[":  # a set cannot hold a '/': say what is wrong with it as a set
            _set(whole)
        _fail(whole, f"{label} {text!r}: {parsed}")
    obj = _make(text, *parsed, None, None)
    _store(text, obj)
    return obj


def missing_date(value: object) -> str:
    """How a message names ``value`` if it is a missing value rather than a date: pandas'
    ``NaT`` (what a notebook meets in ``to_pandas``' date columns, and a ``datetime`` to
    Python), NumPy's ``datetime64('NaT')``, a NaN or ``pandas.NA``; "" for any other value.

    >>> import math
    >>> missing_date(math.nan), missing_date("2012"), missing_date(None)
    ('a missing value (NaN)', '', '')
    """
    if value is None or isinstance(value, str | EDTF | int):
        return ""  # (None is the open end where one is taken; text and EDTFs are dates)
    cls = type(value)
    if cls.__name__ == "NAType" and cls.__module__.startswith("pandas"):
        return "a missing value (pandas.NA)"  # (its != is NA, whose truth is an error)
    try:
        missing = bool(value != value)  # (NaN and NaT alone are unequal to themselves)
    except Exception:  # (an array's truth is ambiguous: not a date either way)
        return ""
    if not missing:
        return ""
    if cls.__name__ == "NaTType":
        return "a missing date (pandas.NaT)"
    if cls.__name__ == "datetime64":
        return "a missing date (numpy.datetime64('NaT'))"
    return "a missing value (NaN)"


def refuse_missing(value: object, what: str, instead: str) -> None:
    """A TypeError if ``value``, given as ``what`` (``"between: the start"``), is a missing
    value (:func:`missing_date`), saying what to pass ``instead``; nothing for any other
    value. A missing date is no date: it is refused rather than taken as an open end, which
    None says.

    >>> import math
    >>> refuse_missing(math.nan, "the day", "ask of a day, such as '2012-10-08'")
    Traceback (most recent call last):
    TypeError: the day is a missing value (NaN), not a date; ask of a day, such as '2012-10-08'
    """
    missing = missing_date(value)
    if missing:
        raise TypeError(f"{what} is {missing}, not a date; {instead}")


def other_date_lead(value: object) -> str:
    """What to add to a refusal of ``value``, of a type no date is taken as, if it is a date
    of NumPy's (``numpy.datetime64``): how to make it a ``datetime.date``; "" otherwise.

    >>> other_date_lead(5)
    ''
    """
    if type(value).__name__ != "datetime64":
        return ""
    from rightsdata._values.shell import python_call  # (a message's)

    return (
        f"; pass a datetime.date ({python_call('value.item()')} gives one for a datetime64 of days)"
    )


def date_only(value: datetime.date, what: str, instead: str = "") -> datetime.date:
    """``value``, a date; a TypeError for a datetime (pendulum's DateTime and pandas'
    Timestamp too), as a time in text (``'2012-01-01T00:00'``) is refused: which day a
    moment falls on depends on its time zone, and a window or a day is days (internal: every
    public function taking a date asks it). pandas' ``NaT`` (a datetime to Python) is told
    that it is a missing date, and what to pass ``instead`` (:func:`refuse_missing`).

    >>> date_only(datetime.datetime(2012, 1, 1, 23, 59), "between: the start")
    Traceback (most recent call last):
    TypeError: between: the start is not a date: datetime.datetime(2012, 1, 1, 23, 59) has a \
time of day: times are not supported, only dates; pass its day, `datetime.date(2012, 1, 1)`
    """
    if isinstance(value, datetime.datetime):
        refuse_missing(value, what, instead or "give a date")
        from rightsdata._values.shell import python_call

        raise TypeError(
            f"{what} is not a date: {value!r} has a time of day: times are not supported, only "
            "dates; pass its day, "
            + python_call(repr(datetime.date(value.year, value.month, value.day)))
        )
    return value


def date_object_lead(value: object, call: str) -> str:
    """What to add to a refusal of ``value`` where an EDTF date's text is taken: for a
    ``datetime.date`` (pendulum's and pandas' too), its text to pass, written in ``call``
    (``EDTF({})``), and for a datetime its day's, which is told that times are not supported
    (as a window's side tells it); "" for anything else (internal: each public place that
    takes a date's text asks it).

    >>> print(date_object_lead(datetime.date(2012, 1, 26), "EDTF({})"))
    : pass its text, `EDTF('2012-01-26')`
    >>> print(date_object_lead(datetime.datetime(2012, 1, 26, 9), "{}"))
    : it has a time of day: times are not supported, only dates; pass its day's text, \
`'2012-01-26'`
    """
    missing = missing_date(value)
    if missing:
        return f": it is {missing}, not a date"
    if not isinstance(value, datetime.date):
        return other_date_lead(value)
    from rightsdata._values.shell import python_call, python_literal  # (a message's)

    day = f"{value.year:04}-{value.month:02}-{value.day:02}"
    written = python_call(call.format(python_literal(day)))
    if isinstance(value, datetime.datetime):
        return (
            ": it has a time of day: times are not supported, only dates; pass its day's "
            f"text, {written}"
        )
    return f": pass its text, {written}"


def _bounds_of(other: object, *, possible: bool) -> tuple[int, int]:
    """The bounds of what :meth:`EDTF.contains` or :meth:`EDTF.overlaps` is given: an EDTF
    (its possible or known bounds), its text, or a day (not a datetime: TypeError)."""
    if isinstance(other, str):
        other = _parse(other)
    if isinstance(other, EDTF):
        return other._possible_bounds() if possible else other._known_bounds()
    method = "overlaps" if possible else "contains"
    instead = "ask of a date, an EDTF or its text"
    if isinstance(other, datetime.date):
        day = _ordinal(date_only(other, f"EDTF.{method}: other", instead))
        return day, day
    refuse_missing(other, f"EDTF.{method}: other", instead)
    raise TypeError(
        f"EDTF.{method}: expected an EDTF, its text or a date, not {what_was_given(other)}"
        + other_date_lead(other)
    )


def _store(text: str, obj: EDTF) -> None:
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[text] = obj


def _parse(text: str | EDTF) -> EDTF:
    if type(text) is not str:
        if isinstance(text, EDTF):  # (immutable: EDTF(d) is d, as str(s) is s)
            return text
        if not isinstance(text, str):
            lead = date_object_lead(text, "EDTF({})")
            raise TypeError(
                "EDTF takes an EDTF date's text, such as '2012-10-08', or an EDTF, not "
                f"{what_was_given(text)}{lead}"
            )
        text = str(text)
    cached = _CACHE.get(text)
    if cached is not None:
        return cached
    if "/" not in text:
        parsed = _single(text)
        if isinstance(parsed, str):
            if text[:1] != "[":
                _fail(text, parsed)
            obj = _set(text)  # (sets are rare: looked for only once a single date failed)
        else:
            obj = _make(text, *parsed, None, None)
    else:
        left, _, right = text.partition("/")
        if "/" in right:
            _fail(text, "an interval has exactly one '/'")
        start = _side(text, left, "start")
        end = _side(text, right, "end")
        flags = _INTERVAL
        if start is None:
            flags |= _OPEN_START if left == ".." else _UNKNOWN_START
        if end is None:
            flags |= _OPEN_END if right == ".." else _UNKNOWN_END
        if start is None and end is None:
            _fail(text, "an interval needs a date on at least one side")
        s_lo = None if start is None else start._lo
        e_hi = None if end is None else end._hi
        if s_lo is not None and e_hi is not None and s_lo > e_hi:
            _fail(text, f"the start {left!r} is after the end {right!r}")
        obj = _make(
            text,
            s_lo,
            e_hi,
            None,
            flags,
            start,
            end,
        )
    _store(text, obj)
    return obj


def _member(whole: str, text: str, label: str) -> EDTF:
    """One date of a set: a day, month or year, without a qualifier."""
    if not text:
        _fail(whole, f"{label} is empty")
    if text != text.strip():
        _fail(whole, f"{label} {text!r}: a set is written without spaces ([A,B])")
    if text[-1] in _QUALIFIER_FLAGS:
        _fail(whole, f"{label} {text!r}: a date in a set cannot carry a qualifier (? ~ %)")
    parsed = _single(text)
    if isinstance(parsed, str):
        if "/" in text:
            parsed = "a set holds dates and ranges A..B, not intervals A/B"
        _fail(whole, f"{label} {text!r}: {parsed}")
    if parsed[2] is _SEASON:
        _fail(whole, f"{label} {text!r}: a season cannot be in a set (write its months)")
    cached = _CACHE.get(text)
    if cached is not None:
        return cached
    obj = _make(text, *parsed, None, None)
    _store(text, obj)
    return obj


def _set(text: str) -> EDTF:
    """Parse a set ``[A,B..C]``: one of its dates (see the module docstring)."""
    if text[-1:] != "]":
        _fail(text, "a set starts with '[' and ends with ']'")
    body = text[1:-1]
    if not body:
        _fail(text, "a set needs at least one date")
    parts = body.split(",")
    last = len(parts) - 1
    members: list[EDTF] = []
    for n, part in enumerate(parts):
        label = f"date {n + 1}"
        if ".." not in part:
            members.append(_member(text, part, label))
            continue
        first, _, second = part.partition("..")
        if ".." in second:
            _fail(text, f"{label} {part!r}: a range A..B has one '..'")
        if not first and not second:
            _fail(text, f"{label}: '..' alone is not a date; write ..B or A..")
        if not first and n:
            _fail(text, f"{label} {part!r}: only the first date may be open at its start (..B)")
        if not second and n != last:
            _fail(text, f"{label} {part!r}: only the last date may be open at its end (A..)")
        start = _member(text, first, f"{label}'s start") if first else None
        end = _member(text, second, f"{label}'s end") if second else None
        if start is not None and end is not None:
            if start._precision is not end._precision:
                _fail(text, f"{label} {part!r}: a range's two dates have the same precision")
            if start._hi >= end._lo:  # type: ignore[operator]
                _fail(text, f"{label} {part!r}: a range's start must end before its end begins")
        members.append(_parse(f"{first or '..'}/{second or '..'}"))
    if len(members) == 1 and not members[0]._flags & _INTERVAL:
        _fail(text, f"a set of one date is that date: write {body!r}")
    for n in range(1, len(members)):
        before, after = members[n - 1], members[n]
        if before._hi >= after._lo:  # type: ignore[operator]  # (open sides only at the ends)
            _fail(
                text,
                f"its dates must be in order without overlapping: {_member_text(before)!r} "
                f"does not end before {_member_text(after)!r} begins",
            )
    flags = _SET
    start, end = members[0]._start, members[-1]._end
    if members[0]._flags & _INTERVAL:
        flags |= members[0]._flags & _OPEN_START
    else:
        start = members[0]
    if members[-1]._flags & _INTERVAL:
        flags |= members[-1]._flags & _OPEN_END
    else:
        end = members[-1]
    obj = _make(text, members[0]._lo, members[-1]._hi, None, flags, start, end)
    obj._members = tuple(members)
    _SETS_PARSED[0] = True
    return obj


#: Whether a set has been parsed in this process (so that a check for sets among many dates
#: is skipped while none exists).
_SETS_PARSED: Final = [False]


def sets_parsed() -> bool:
    """Whether some date parsed in this process is a set (internal: if not, no record can
    hold one).

    >>> _ = EDTF("[2012,2014]"); sets_parsed()
    True
    """
    return _SETS_PARSED[0]


def _member_text(member: EDTF) -> str:
    """A member of a set as the set writes it: ``2012``, ``2012..2013``, ``..2012``."""
    return member._text.replace("/", "..").replace("....", "..")


def _spans(date: EDTF) -> tuple[tuple[int, int], ...]:
    """The day ranges a date may lie in: a set's members (adjacent ones joined), else its
    possible bounds."""
    if not date._flags & _SET:
        return (date._possible_bounds(),)
    runs: list[tuple[int, int]] = []
    for member in date._members:
        lo, hi = member._possible_bounds()
        if runs and runs[-1][1] + 1 >= lo:
            runs[-1] = (runs[-1][0], hi)
        else:
            runs.append((lo, hi))
    return tuple(runs)


def overlaps_days(date: EDTF, lo: int, hi: int) -> bool:
    """Whether ``date`` could fall on a day of ``lo``..``hi`` (ordinals; NEG / POS for open
    ends), among days already within its bounds: only a set's gaps can say no (internal:
    the queries' windows)."""
    return not date._flags & _SET or any(a <= hi and lo <= b for a, b in _spans(date))


@final
class EDTF:
    """An immutable, hashable EDTF date, interval or set (see the module docstring for the
    subset).

    ``EDTF(text)`` and ``EDTF.parse(text)`` are the same; both raise :class:`EDTFError` for
    text that is not a date of the subset, and TypeError for a value that is not text (a
    ``datetime.date``'s refusal gives its text to pass; pandas' ``NaT`` is told that it is
    a missing date). Given an EDTF, both return it: ``EDTF(d) is d``.
    Instances are immutable: every public attribute is a read-only property, ``__slots__``
    forbids new attributes, and the private slots are written once, at parse time (a plain
    slot store: an overriding ``__setattr__`` would double the cost of parsing). Parsed
    values are shared through a cache, so never write to the private slots.

    >>> d = EDTF("2012-01-26/2012-10-08")
    >>> d.is_interval, d.earliest, d.latest
    (True, Date(2012, 1, 26), Date(2012, 10, 8))
    >>> str(d), d == EDTF.parse("2012-01-26/2012-10-08"), EDTF(d) is d
    ('2012-01-26/2012-10-08', True, True)
    """

    __slots__ = ("_end", "_flags", "_hi", "_lo", "_members", "_precision", "_start", "_text")

    _text: str
    _lo: int | None
    _hi: int | None
    _precision: Precision | None
    _flags: int
    _start: EDTF | None
    _end: EDTF | None
    _members: tuple[EDTF, ...]  # a set's only (not written for other dates)

    def __new__(cls, text: str | EDTF) -> EDTF:
        return _parse(text)

    @classmethod
    def parse(cls, text: str | EDTF) -> EDTF:
        """Parse ``text``; raise :class:`EDTFError` if it is outside the supported subset
        (TypeError if it is not text; an EDTF is returned as it is).

        >>> EDTF.parse("2019/")
        EDTF('2019/')
        >>> try:
        ...     EDTF.parse("2012-02-30")
        ... except EDTFError as error:
        ...     print(error)
        '2012-02-30' is not an EDTF date: day 30 does not exist in 2012-02
        """
        return _parse(text)

    # -- pickling, copying -------------------------------------------------------------------

    def __reduce__(self) -> tuple[type[EDTF], tuple[str]]:
        return (EDTF, (self._text,))

    def __copy__(self) -> EDTF:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> EDTF:
        return self

    # -- attributes -----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The text exactly as given.

        >>> EDTF("2012?").text
        '2012?'
        """
        return self._text

    @property
    def earliest(self) -> pendulum.Date | None:
        """The first day the date may denote; None only for an open or unknown start.

        >>> EDTF("2012-23").earliest, EDTF("../2012").earliest
        (Date(2012, 9, 1), None)
        """
        lo = self._lo
        return None if lo is None else _pendulum_date(lo)

    @property
    def latest(self) -> pendulum.Date | None:
        """The last day the date may denote; None only for an open or unknown end.

        >>> EDTF("2012-24").latest, EDTF("2019/").latest
        (Date(2012, 12, 31), None)
        """
        hi = self._hi
        return None if hi is None else _pendulum_date(hi)

    @property
    def precision(self) -> Precision | None:
        """The precision of a single date; None for an interval or a set.

        >>> EDTF("2012-01-05~").precision, EDTF("2012/2013").precision
        (<Precision.DAY: 'day'>, None)
        """
        return self._precision

    @property
    def uncertain(self) -> bool:
        """True for a single date qualified with ``?`` or ``%`` (False for intervals and sets).

        >>> EDTF("2012?").uncertain, EDTF("2012%").uncertain, EDTF("2012~").uncertain
        (True, True, False)
        """
        return bool(self._flags & _UNCERTAIN)

    @property
    def approximate(self) -> bool:
        """True for a single date qualified with ``~`` or ``%`` (False for intervals and sets).

        >>> EDTF("2012~").approximate, EDTF("2012?/2013~").approximate
        (True, False)
        """
        return bool(self._flags & _APPROXIMATE)

    @property
    def is_interval(self) -> bool:
        """True for ``A/B``.

        >>> EDTF("2012/..").is_interval, EDTF("2012").is_interval
        (True, False)
        """
        return bool(self._flags & _INTERVAL)

    @property
    def is_set(self) -> bool:
        """True for a set ``[A,B]``: one of its dates, not known which.

        >>> EDTF("[2022-01-14,2022-01-15]").is_set, EDTF("2022-01").is_set
        (True, False)
        """
        return bool(self._flags & _SET)

    @property
    def members(self) -> tuple[EDTF, ...]:
        """A set's dates, in order; a range ``A..B`` is given as the interval ``A/B`` with
        its bounds (``..B`` as ``../B``, ``A..`` as ``A/..``). Empty for any other date.

        >>> EDTF("[2012-01,2012-03..2012-05]").members
        (EDTF('2012-01'), EDTF('2012-03/2012-05'))
        >>> EDTF("2012").members
        ()
        """
        return self._members if self._flags & _SET else ()

    @property
    def start(self) -> EDTF | None:
        """The start side of an interval (None for ``..`` or empty); a single date itself;
        a set's first date (its first range's start; None if it is open, ``..B``).

        >>> EDTF("2012?/2013").start, EDTF("../2013").start, EDTF("2012").start
        (EDTF('2012?'), None, EDTF('2012'))
        >>> EDTF("[2011-12-16..2012-01-31]").start
        EDTF('2011-12-16')
        """
        return self._start if self._flags & (_INTERVAL | _SET) else self

    @property
    def end(self) -> EDTF | None:
        """The end side of an interval (None for ``..`` or empty); a single date itself;
        a set's last date (its last range's end; None if it is open, ``A..``).

        >>> EDTF("2012/2013~").end, EDTF("2012/").end, EDTF("2012").end
        (EDTF('2013~'), None, EDTF('2012'))
        >>> EDTF("[2022-01-14,2022-01-15]").end
        EDTF('2022-01-15')
        """
        return self._end if self._flags & (_INTERVAL | _SET) else self

    @property
    def open_start(self) -> bool:
        """True for an interval starting with ``..`` (no lower bound), or a set whose first
        date is open at its start (``[..2012-01-31]``).

        >>> EDTF("../2012").open_start, EDTF("/2012").open_start
        (True, False)
        """
        return bool(self._flags & _OPEN_START)

    @property
    def open_end(self) -> bool:
        """True for an interval ending with ``..`` (no upper bound), or a set whose last date
        is open at its end (``[2011-12-16..]``).

        >>> EDTF("2012/..").open_end, EDTF("2012/").open_end
        (True, False)
        """
        return bool(self._flags & _OPEN_END)

    @property
    def unknown_start(self) -> bool:
        """True for an interval with an empty start (a bound exists but is not known).

        >>> EDTF("/2012").unknown_start, EDTF("../2012").unknown_start
        (True, False)
        """
        return bool(self._flags & _UNKNOWN_START)

    @property
    def unknown_end(self) -> bool:
        """True for an interval with an empty end (a bound exists but is not known).

        >>> EDTF("2012/").unknown_end, EDTF("2012/..").unknown_end
        (True, False)
        """
        return bool(self._flags & _UNKNOWN_END)

    # -- relations ------------------------------------------------------------------------

    def _known_bounds(self) -> tuple[int, int]:
        """Bounds for ``contains``: an unknown side collapses onto the known side."""
        flags = self._flags
        lo, hi = self._lo, self._hi
        if lo is None:
            if flags & _OPEN_START:
                lo = _NEG
            else:
                end = self._end
                assert end is not None
                lo = end._lo
        if hi is None:
            if flags & _OPEN_END:
                hi = _POS
            else:
                start = self._start
                assert start is not None
                hi = start._hi
        assert lo is not None
        assert hi is not None
        return lo, hi

    def _possible_bounds(self) -> tuple[int, int]:
        """Bounds for ``overlaps``: open and unknown sides are unbounded."""
        lo, hi = self._lo, self._hi
        return (_NEG if lo is None else lo, _POS if hi is None else hi)

    def contains(self, other: EDTF | str | datetime.date) -> bool:
        """True if every day of ``other`` lies within this date's bounds.

        An open side (``..``) is unbounded. An unknown side (empty) answers only on what is
        known: it is bounded at the known side, for both ``self`` and ``other``; so
        ``2019/`` contains exactly the days of 2019, and ``2012-05/`` (known to cover May
        2012) counts as contained in ``2012``. A :class:`datetime.date` (or
        :class:`pendulum.Date`) is one day; a datetime is refused (TypeError, naming its
        day to pass), as a time in text is (EDTFError); a text is parsed
        (``EDTF("2012").contains("2012-05")``). A set's days are those of its dates: it
        contains what lies within them (not what falls in a gap between two), and is
        contained in what contains every one of them.

        >>> EDTF("2012").contains(EDTF("2012-05~")), EDTF("2012").contains(EDTF("2012/2013"))
        (True, False)
        >>> EDTF("2012/..").contains(datetime.date(2030, 1, 1))
        True
        >>> EDTF("2019/").contains(EDTF("2019-06")), EDTF("2019/").contains(EDTF("2020"))
        (True, False)
        >>> either = EDTF("[2012-01,2012-05]")
        >>> EDTF("2012").contains(either), either.contains("2012-03"), either.contains("2012-05-02")
        (True, False, True)
        """
        lo, hi = self._known_bounds()
        olo, ohi = _bounds_of(other, possible=False)
        if not (lo <= olo and ohi <= hi):
            return False
        if not self._flags & _SET:
            return True  # (within the bounds of a set is within each of its dates' bounds)
        if isinstance(other, str):
            other = _parse(other)
        theirs = _spans(other) if isinstance(other, EDTF) and other._flags & _SET else ((olo, ohi),)
        runs = _spans(self)
        return all(any(a <= c and d <= b for a, b in runs) for c, d in theirs)

    def overlaps(self, other: EDTF | str | datetime.date) -> bool:
        """True if some day could belong to both (open and unknown sides are unbounded; a
        set's days are those of its dates, not the gaps between them). ``other`` is taken as
        by :meth:`contains`: a datetime is refused (TypeError, naming its day to pass).

        >>> EDTF("2012/2013").overlaps(EDTF("2013-06")), EDTF("2012").overlaps(EDTF("2013"))
        (True, False)
        >>> EDTF("2019/").overlaps(EDTF("2030"))
        True
        >>> EDTF("2012-05").overlaps(datetime.date(2012, 5, 9))
        True
        >>> either = EDTF("[2012-01,2012-05]")
        >>> either.overlaps("2012-03"), EDTF("2012-03/..").overlaps(either)
        (False, True)
        """
        lo, hi = self._possible_bounds()
        olo, ohi = _bounds_of(other, possible=True)
        if not (lo <= ohi and olo <= hi):
            return False
        if isinstance(other, str):
            other = _parse(other)
        if isinstance(other, EDTF) and other._flags & _SET:
            spans = _spans(other)
            return any(lo <= d and c <= hi and overlaps_days(self, c, d) for c, d in spans)
        return overlaps_days(self, olo, ohi)

    # -- ordering, equality -----------------------------------------------------------------

    def sort_key(self) -> tuple[int, int, str]:
        """(earliest ordinal, latest ordinal, text); a missing bound is -/+ sys.maxsize.

        >>> EDTF("2012-05").sort_key()
        (734624, 734654, '2012-05')
        >>> EDTF("../2012").sort_key()[0] < EDTF("0001").sort_key()[0]
        True
        """
        lo, hi = self._lo, self._hi
        return (_NEG if lo is None else lo, _POS if hi is None else hi, self._text)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, EDTF):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, EDTF):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, EDTF):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, EDTF):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EDTF):
            return NotImplemented
        return self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"EDTF({self._text!r})"


EDTFError.__module__ = "rightsdata"  # its public name
