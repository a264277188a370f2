"""Dates written as people write them in English, and the EDTF to write instead (internal):
month names (``Oct 2012``, ``8 October 2012``), seasons, "about" (``c. 2012``), a range
without its set's brackets (``2012-01-26..2012-10-08``), a span by a dash or words (``2012-2013``,
``2012 to 2013``), "early 2012", and decades (``1990s``). Read only once a date has failed, so
that its error says what to write rather than the whole grammar. It is given the test of
what EDTF reads (``reads``, :func:`rightsdata._values.dates.is_edtf`), so that the dates
module, which asks it, is not imported by it.

>>> from rightsdata._values.dates import is_edtf
>>> print(date_words("Oct 2012", is_edtf))
EDTF writes a month in digits, year first: 2012-10
>>> print(date_words("c. 2012", is_edtf))
EDTF writes 'about' as ~ after the date: 2012~
>>> print(date_words("2012-01-26..2012-10-08", is_edtf))
a range A..B is written in a set's brackets: [2012-01-26..2012-10-08] (one day within it), \
or an interval 2012-01-26/2012-10-08 (the whole span)
>>> date_words("yesterday", is_edtf) is None
True
"""

from __future__ import annotations

import calendar
import collections
import datetime
import functools
import itertools
import re
import threading
from collections.abc import Callable
from typing import Final, Literal, NamedTuple

from rightsdata._values.calendarwords import MONTH_NAMES, SEASON_NAMES

__all__ = ["Window", "date_words", "in_window", "span_of"]

_MONTHS: Final = {
    spelt: number
    for number, name in enumerate((name.casefold() for name in MONTH_NAMES), start=1)
    for spelt in {name, name[:3], *(("sept",) if number == 9 else ())}
}
#: Each season's name, and "fall", by its EDTF code.
_SEASONS: Final = {name: code for code, name in SEASON_NAMES.items()} | {"fall": 23}

_ORDINAL: Final = r"(?:st|nd|rd|th)?"
_MONTH_YEAR: Final = re.compile(r"([a-z]+)\.?,?\s+(?:of\s+)?(\d{4})")
_DAY_MONTH_YEAR: Final = re.compile(rf"(\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{{4}})")
_MONTH_DAY_YEAR: Final = re.compile(rf"([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})")
_ABOUT: Final = re.compile(
    r"(?:circa|approximately|approx|around|about|abt|ca|c)(?:\.\s*|\s+)(.+)|~\s*(.+)"
)
_UNCERTAIN: Final = re.compile(r"\?\s*(.+)")
_RANGE: Final = re.compile(r"(.*?)\s*\.\.\s*(.*)")
_SPAN: Final = re.compile(
    r"(?:from\s+)?(.+?)\s*(?:\s(?:to|until|till|through|thru)\s|\s[-–—]\s|[–—])\s*(.+)"  # noqa: RUF001
    r"|between\s+(.+?)\s+and\s+(.+)"
    r"|(\d{4})-(\d{4})"
)
_PART: Final = re.compile(
    r"(early|mid|middle|late|beginning of|start of|end of)[\s-]+(?:in\s+)?(\d{4})"
)
_DECADE: Final = re.compile(r"(\d{3})(\d)'?s")

#: Whether EDTF reads a text.
Reads = Callable[[str], bool]


class Window(NamedTuple):
    """Where a date is read, if it is in a window rather than a record: its ``side``
    (``start``, ``end``, or ``both``, a window given as one value, as ``--between``'s), and
    how a window from A to B is ``written`` there (``between=('A', 'B')``,
    ``--between A/B``). A window's side is one date, and it takes no set."""

    side: Literal["start", "end", "both"]
    written: Callable[[str, str], str]


#: Set while a text is read here: the EDTF parse of a part that fails asks no words of it.
_READING: Final = threading.local()


def _edtf(text: str, reads: Reads) -> str | None:
    """``text`` as EDTF: itself if it is a date EDTF reads, or a day or month by its English
    name (``8 October 2012``, ``Oct 2012``), or a season (``summer 2012``); else None."""
    if reads(text):
        return text
    words = " ".join(text.casefold().split())
    if found := _MONTH_YEAR.fullmatch(words):
        name, year = found.groups()
        if name in _MONTHS:
            written = f"{year}-{_MONTHS[name]:02}"
        elif name in _SEASONS:
            written = f"{year}-{_SEASONS[name]}"
        else:
            return None
        return written if reads(written) else None
    named = _named_day(words)
    if named is None:
        return None
    year, month, day = named
    try:
        written = datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
    return written if reads(written) else None


def _named_day(words: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a day written with its month's English name (``8 October
    2012``, ``Oct. 8, 2012``), whether or not it exists; None for anything else."""
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        if found := pattern.fullmatch(words):
            day, name, year = (found.group(i + 1) for i in order)
            if name in _MONTHS:
                return int(year), _MONTHS[name], int(day)
    return None


def _sides(first: str, second: str, reads: Reads) -> tuple[str, str] | None:
    """Both sides as EDTF (either may be empty: open), or None."""
    a = _edtf(first, reads) if first else ""
    b = _edtf(second, reads) if second else ""
    if a is None or b is None or not (a or b):
        return None
    return a, b


def date_words(text: str, reads: Reads, window: Window | None = None) -> str | None:
    """What to tell of ``text``, a date EDTF does not read (see :func:`_date_words`);
    ``reads`` tells whether EDTF reads a text; ``window`` says where in a window it was
    given, if it was."""
    if getattr(_READING, "on", False):
        return None
    _READING.on = True
    try:
        return _date_words(text, reads, window)
    finally:
        _READING.on = False


def in_window(text: str, reason: str, reads: Reads, window: Window) -> str:
    """What to tell of ``text``, a date EDTF does not read for ``reason``, given in
    ``window``: what the date words tell there, where they told ``reason`` (in a record they
    offer intervals and sets, which a window's side does not take); else ``reason``.

    >>> from rightsdata._values.dates import is_edtf
    >>> cli = Window("both", lambda a, b: f"--between {a}/{b}")
    >>> print(in_window("1990s", date_words("1990s", is_edtf) or "", is_edtf, cli))
    a window is written START/END, as a decade is: --between 1990/1999
    """
    if date_words(text, reads) != reason:
        return reason
    return date_words(text, reads, window) or reason


def span_of(text: str, reads: Reads) -> tuple[str, str] | None:
    """The start and end of the span ``text`` writes in words or as a range (``2012 to
    2013``, ``2012-01..2012-03``, ``1990s``, ``2013/2012``), each as EDTF, "" if open, as
    written (the start may be after the end); None if it writes none. For a window given as
    one text, which a window's two sides are to hold.

    >>> from rightsdata._values.dates import is_edtf
    >>> span_of("2012-01 - 2012-03", is_edtf), span_of("..2012", is_edtf)
    (('2012-01', '2012-03'), ('', '2012'))
    >>> span_of("circa 2013 to 2012", is_edtf)  # (about: ~ on each side)
    ('2013~', '2012~')
    """
    words = " ".join(text.split())
    for pattern, mark in ((_ABOUT, "~"), (_UNCERTAIN, "?")):
        if found := pattern.fullmatch(words.casefold()):
            sides = span_of(words[found.start(found.lastindex or 1) :], reads)
            if sides is None or any(side[-1:] in "?~%" for side in sides):
                return None
            start, end = (side and f"{side}{mark}" for side in sides)
            return start, end
    span = _span(words, reads)
    return None if span is None else span[1:]


def _span(words: str, reads: Reads) -> tuple[str, str, str] | None:
    """A span ``words`` writes (``2012-2013``, ``2012 to 2013``, ``2012-01..2012-03``,
    ``1990s``, or an interval EDTF refused, ``2013/2012``, ``Oct 2012/Dec 2012``): (its kind,
    "span", "range", "decade" or "interval"; its start; its end), either side "" if open (a
    range or an interval only), whether or not the start is before the end; None if it is
    none."""
    folded = words.casefold()
    if words.count("/") == 1 and "[" not in words:
        first, second = ("" if side.strip() == _OPEN else side.strip() for side in words.split("/"))
        sides = _sides(first, second, reads)
        if sides is not None:
            return "interval", *sides
    if "/" not in words and "[" not in words and (found := _RANGE.fullmatch(words)):
        first, second = found.groups()
        sides = _sides(first, second, reads)
        if sides is not None:
            return "range", *sides
    if found := _SPAN.fullmatch(folded):
        pairs = [found.group(i) for i in range(1, 7)]
        first, second = next((pairs[i], pairs[i + 1]) for i in (0, 2, 4) if pairs[i])
        start = folded.index(first)
        first = words[start : start + len(first)]
        second = words[len(words) - len(second) :]
        sides = _sides(first, second, reads)
        if sides is not None and all(sides):
            return "span", *sides
    if (found := _DECADE.fullmatch(folded)) and found.group(2) == "0":
        head = found.group(1)
        if reads(f"{head}0") and reads(f"{head}9"):
            return "decade", f"{head}0", f"{head}9"
    return None


_OPEN: Final = ".."


def _interval(a: str, b: str) -> str:
    return f"{a or _OPEN}/{b or _OPEN}"


def _told_span(kind: str, a: str, b: str, reads: Reads, window: Window | None) -> str | None:
    """What to tell of a span from ``a`` to ``b`` (``kind``: see :func:`_span`), each form
    offered one that EDTF reads where it is given: in a record, an interval or one of a set;
    in a window, the window (for a side: that side's end of the span, or the window it
    means). None if there is nothing to offer."""
    interval = _interval(a, b)
    what = {"range": "a range A..B", "span": "a span", "decade": "a decade"}.get(kind, "")
    if not reads(interval):
        if a and b and reads(_interval(b, a)):
            return _reversed(kind, a, b, reads, window)
        return None
    if kind == "interval":  # (its sides in words: Oct 2012/Dec 2012)
        if window is not None:
            told = window.written(a or _OPEN, b or _OPEN)
            return f"a window's {window.side} is one date, not an interval: the window, {told}"
        return f"an interval's sides are EDTF dates: {interval}"
    if window is not None:
        told = window.written(a or _OPEN, b or _OPEN)
        end = {"start": a, "end": b}.get(window.side, "")
        if not end:  # (the window itself, or the side it leaves open)
            return f"a window is written START/END, as {what} is: {told}"
        name = "first" if window.side == "start" else "last"
        return (
            f"a window's {window.side} is one date, not {what}: the {name} of it, {end}, "
            f"or the whole as the window, {told}"
        )
    one = "one year" if kind == "decade" else "one day"
    within = f"[{a}..{b}]"
    alternative = f" (or {within} for {one} within it)" if reads(within) else ""
    if kind == "range":
        if a == b and reads(a):  # (one day within a range of one date: any day of it)
            return f"a range A..B whose two ends are the same date is that one date: {a}"
        if not alternative:
            return f"a range A..B is written as an interval: {interval}"
        return (
            f"a range A..B is written in a set's brackets: {within} (one day within it), "
            f"or an interval {interval} (the whole span)"
        )
    if kind == "decade":
        return f"EDTF writes a decade as an interval: {interval}{alternative}"
    return f"EDTF writes a span as an interval START/END: {interval}{alternative}"


def _reversed(kind: str, a: str, b: str, reads: Reads, window: Window | None) -> str:
    """What to tell of a span from ``a`` to ``b`` written backwards (``b/a`` reads): that it
    runs from its start to its end, and the same in order (in a window, the window).

    >>> from rightsdata._values.dates import is_edtf
    >>> print(_reversed("span", "2013", "2012", is_edtf, None))
    a span runs from its start to its end, and 2013 is after 2012: in order, 2012/2013 (or \
[2012..2013] for one day within it)
    """
    if kind == "interval":
        said = f"the start {a!r} is after the end {b!r}"
    else:
        what = {"range": "a range A..B", "span": "a span", "decade": "a decade"}[kind]
        said = f"{what} runs from its start to its end, and {a} is after {b}"
    if window is not None:
        return f"{said}: the window in order, {window.written(b, a)}"
    within = f"[{b}..{a}]"
    alternative = (
        f" (or {within} for one day within it)" if kind != "interval" and reads(within) else ""
    )
    return f"{said}: in order, {_interval(b, a)}{alternative}"


def _set_words(words: str, reads: Reads, window: Window | None) -> str | None:
    """What to tell of a set ``[A,B..C]`` (or an all-of list ``{A,B..C}``) EDTF refuses for
    the order of its dates: a range written backwards (a range runs from its start to its
    end), a range whose two ends are the same date (that date), a date written twice, or
    dates out of order; and the same dates in order (its spaces dropped), read before it is
    offered: for ``{A..B}``, all of one range, the interval in order; a set of one date, that
    date; in a window, the window in order (a range alone) or that a side is one date. Where
    the dates overlap once in order, that they do, and the set with each two that overlap
    joined into one (:func:`_joined`: the days they meant). None if none of these is wrong,
    or if nothing that reads can be offered.

    >>> from rightsdata._values.dates import is_edtf
    >>> print(_set_words("[2010, 2013..2012]", is_edtf, None))
    a range A..B runs from its start to its end, and 2013 is after 2012 (and a set is \
written without spaces): in order, [2010,2012..2013]
    >>> print(_set_words("[2013..2012,2011]", is_edtf, None))
    a range A..B runs from its start to its end, and 2013 is after 2012: in order, \
[2011,2012..2013]
    >>> print(_set_words("{2013..2012}", is_edtf, None))
    a range A..B runs from its start to its end, and 2013 is after 2012; '{...}' (all of a \
set) is not supported: all of it in order is the interval 2012/2013 (or [2012..2013] for \
one day within it)
    >>> print(_set_words("[2013,2012]", is_edtf, None))
    a set's dates are written in order, earliest first: in order, [2012,2013]
    >>> print(_set_words("[2012..2012,2014]", is_edtf, None))
    a range A..B whose two ends are the same date is that one date (2012..2012 is 2012): \
write [2012,2014]
    >>> print(_set_words("[2013..2012,2012..2011]", is_edtf, None))
    a range A..B runs from its start to its end, and 2013 is after 2012, 2012 is after 2011; \
a set's dates may not overlap, and '2012..2013' and '2011..2012' do: in order and joined, \
[2011..2013]
    >>> print(_set_words("[2013,2012..2014]", is_edtf, None))
    a set's dates may not overlap, and '2013' and '2012..2014' do: joined, [2012..2014]
    """
    all_of = words[:1] == "{"
    if not (words[:1] in ("[", "{") and words[-1:] == ("}" if all_of else "]")):
        return None
    written: list[str] = []
    turned: list[tuple[str, str]] = []
    same: list[str] = []
    precise: list[str] = []
    spaced = False
    for part in words[1:-1].split(","):
        spaced = spaced or part != part.strip()
        first, dots, second = (side.strip() for side in part.partition(".."))
        sides = _sides(first, second, reads) if dots else None
        if sides is not None and all(sides):
            a, b = sides
            if a == b and not reads(f"[{a}..{b}]") and reads(a):
                same.append(a)
                written.append(a)
                continue
            if len(a) != len(b) and (ends := _one_precision(a, b, reads)) is not None:
                early, late = ends
                if _days(a)[0] > _days(b)[0]:
                    turned.append((a, b))
                else:
                    precise.append(f"{a}..{b} is {early}..{late}")
                written.append(f"{early}..{late}")
                continue
            if not reads(f"[{a}..{b}]") and reads(f"[{b}..{a}]"):
                turned.append((a, b))
                first, second = b, a
        written.append(f"{first}{dots}{second}")
    # (each as a set's date: a range alone, or a date as a range's end, as the set reads both)
    if not all(reads(f"[{part}]" if ".." in part else f"[..{part}]") for part in written):
        return None  # (a date of it is wrong on its own: its own error tells it)
    counts = collections.Counter(written)
    twice = [part for part, count in counts.items() if count > 1]
    parts = list(counts)

    # in order by what EDTF reads of each two, rather than by their text; dates that overlap,
    # which no order reads, by their starts' text
    def before(x: str, y: str) -> int:
        return _order(x, y, reads, text=True)

    ordered = sorted(parts, key=functools.cmp_to_key(before))
    overlaps = [(x, y) for x, y in itertools.pairwise(ordered) if not _order(x, y, reads)]
    reordered = ordered != parts
    if overlaps and reordered:  # (out of order only if two dates that do not overlap are)
        reordered = any(_order(x, y, reads) == 1 for x, y in itertools.combinations(parts, 2))
    clauses: list[str] = []
    if turned:
        after = ", ".join(f"{a} is after {b}" for a, b in turned)
        clauses.append(f"a range A..B runs from its start to its end, and {after}")
    if same:
        ones = ", ".join(f"{a}..{a} is {a}" for a in same)
        clauses.append(f"a range A..B whose two ends are the same date is that one date ({ones})")
    if precise:
        ones = ", ".join(precise)
        clauses.append(f"a range A..B has its two ends at one precision ({ones})")
    if twice:
        clauses.append(f"a set has each date once, and {', '.join(twice)} is written twice")
    if reordered and not turned:
        clauses.append("a set's dates are written in order, earliest first")
    date = ordered[0] if len(ordered) == 1 and ".." not in ordered[0] else None
    fixed = date or f"[{','.join(ordered)}]"
    joined = False
    if not reads(fixed):
        together = _joined(ordered)
        if not overlaps or together is None:
            return None  # (nothing that reads to offer: the parser's message tells which)
        # each two as written (a range turned: as it is to be written)
        pairs = ", ".join(
            f"{x!r} and {y!r}" for x, y in (sorted(pair, key=parts.index) for pair in overlaps)
        )
        clauses.append(f"a set's dates may not overlap, and {pairs} do")
        date = together[0] if len(together) == 1 and ".." not in together[0] else None
        fixed = date or f"[{','.join(together)}]"
        if not reads(fixed):
            return None
        joined = True
    if not clauses:
        return None  # (only its spaces: the parser says so)
    said = "; ".join(clauses)
    if spaced:
        said += " (and a set is written without spaces)"
    # (joined: the dates that overlap as one, the very days they meant)
    done = [*(["in order"] if turned or reordered else []), *(["joined"] if joined else [])]
    in_order = f"{' and '.join(done)}, " if done else ""
    one = fixed[:1] == "[" and "," not in fixed and fixed.count("..") == 1
    if window is not None:
        side = "side" if window.side == "both" else window.side
        if date is not None:
            if window.side == "both":
                return f"{said}: the window, {window.written(date, date)}"
            return f"{said}: a window's {side} is one date, {date}"
        pair = fixed[1:-1].split("..")
        if not one or not all(pair):
            return f"{said}; a window's {side} is one date, not one of a set"
        if window.side == "both":
            return f"{said}: the window in order, {window.written(*pair)}"
        end = pair[0] if window.side == "start" else pair[1]
        name = "first" if window.side == "start" else "last"
        return (
            f"{said}; a window's {side} is one date, not one of a set: the {name} of it, {end}, "
            f"or the whole as the window, {window.written(*pair)}"
        )
    if all_of:
        said += "; '{...}' (all of a set) is not supported"
        ordered_ = f" {in_order[:-2]}" if in_order else ""
        if date is not None:
            return f"{said}: all of one date is that date, {date}"
        interval = fixed[1:-1].replace("..", "/")
        if one and reads(interval):
            alternative = f" (or {fixed} for one day within it)"
            return f"{said}: all of it{ordered_} is the interval {interval}{alternative}"
        return f"{said}: for one of its dates{ordered_}, {fixed}"
    return f"{said}: {in_order or 'write '}{fixed}"


def _one_precision(a: str, b: str, reads: Reads) -> tuple[str, str] | None:
    """The ends of a range in a set from ``a`` to ``b`` (either way round) at one precision,
    the finer of the two, where they are dates of a set and one starts and ends no later
    than the other (``2012-06``, ``2012-07-01``: ``2012-06-01``, ``2012-07-01``; the month
    ``2012-02`` and its last day, written in that order: ``2012-02-01``, ``2012-02-29``);
    else None (``2012`` and ``2012-05``: a range from a year to a month within it that the
    year outlasts means nothing to write at one precision).

    >>> from rightsdata._values.dates import is_edtf
    >>> _one_precision("2013", "2012-05", is_edtf), _one_precision("2012", "2012-05", is_edtf)
    (('2012-05', '2013-12'), None)
    >>> _one_precision("2012-02", "2012-02-29", is_edtf)
    ('2012-02-01', '2012-02-29')
    """
    if not (reads(f"[..{a}]") and reads(f"[..{b}]")):  # (each a date a set can hold)
        return None
    backwards = _days(a)[0] > _days(b)[0]
    early, late = (b, a) if backwards else (a, b)
    # Written backwards, ends that overlap say no days for certain: only apart are they
    # ends the wrong way round.
    if _days(early)[1] > _days(late)[1] or (backwards and _days(early)[1] >= _days(late)[0]):
        return None
    length = max(len(a), len(b))
    return _at(early, length, last=False), _at(late, length, last=True)


#: The text past which every day's sorts: an end left open.
_LATEST: Final = "~"


def _days(date: str) -> tuple[str, str]:
    """The first and last day of a set's date (a year, a month or a day), as text.

    >>> _days("2012"), _days("2012-02"), _days("2012-02-03")
    (('2012-01-01', '2012-12-31'), ('2012-02-01', '2012-02-29'), ('2012-02-03', '2012-02-03'))
    """
    return _at(date, 10, last=False), _at(date, 10, last=True)


def _at(date: str, length: int, *, last: bool) -> str:
    """``date`` (a year, a month or a day) written to the precision of ``length`` characters
    (7: a month, 10: a day), as its first or ``last`` month or day.

    >>> _at("2012", 7, last=True), _at("2012-02", 10, last=True), _at("2012", 10, last=False)
    ('2012-12', '2012-02-29', '2012-01-01')
    """
    if len(date) < 7 <= length:
        date += "-12" if last else "-01"
    if len(date) < 10 <= length:
        year, month = int(date[:4]), int(date[5:7])
        date += f"-{calendar.monthrange(year, month)[1]:02}" if last else "-01"
    return date


def _joined(parts: list[str]) -> list[str] | None:
    """A set's dates (``parts``: days, months, years and ranges ``A..B``, either side open)
    with the dates that overlap joined into one, from the earliest start among them to the
    latest end, at the finer precision of the two (a range's ends have one precision): the
    days the set's dates meant, none of them given twice; None if that is every day (an open
    start joined to an open end), which a set cannot write.

    >>> _joined(["2012..2013", "2013..2014", "2016"]), _joined(["2012", "2012-05"])
    (['2012..2014', '2016'], ['2012'])
    >>> _joined(["2012-11..2013-02", "2013"]), _joined(["..2012", "2011.."])
    (['2012-11..2013-12'], None)
    """
    spans: list[tuple[str, str]] = []  # each joined date's start and end, "" if open
    for part in sorted(
        parts, key=lambda part: _days(part.partition("..")[0])[0] if part[:2] != _OPEN else ""
    ):
        first, dots, second = part.partition("..")
        start, end = (first, second) if dots else (part, part)
        if spans and (not start or _days(start)[0] <= _end_day(spans[-1][1])):
            held_start, held_end = spans[-1]
            if _end_day(end) > _end_day(held_end):
                held_end = end
            spans[-1] = (held_start, held_end)
        else:
            spans.append((start, end))
    written: list[str] = []
    for start, end in spans:
        if not start and not end:
            return None
        if start == end:
            written.append(start)
            continue
        length = max(len(start), len(end)) if start and end else 0
        a = _at(start, length, last=False) if start else ""
        b = _at(end, length, last=True) if end else ""
        written.append(f"{a}..{b}")
    return written


def _end_day(end: str) -> str:
    """The last day of a date's end, as text; past every day if it is open ("")."""
    return _days(end)[1] if end else _LATEST


def _order(x: str, y: str, reads: Reads, *, text: bool = False) -> int:
    """-1 if the set's date ``x`` is before ``y`` (``[x,y]`` reads), 1 if after; if they
    overlap, 0, or with ``text`` the order of their starts' text."""
    if reads(f"[{x},{y}]"):
        return -1
    if reads(f"[{y},{x}]"):
        return 1
    if not text:
        return 0
    a, b = x.partition("..")[0], y.partition("..")[0]
    return (a > b) - (a < b)


def _date_words(text: str, reads: Reads, window: Window | None = None) -> str | None:
    """What to tell of ``text``, a date EDTF does not read, if it is a common English or
    spreadsheet form: the EDTF to write, each form offered one that EDTF reads where it is
    given (in a ``window``: as its side or as the window). None for anything else.

    >>> from rightsdata._values.dates import is_edtf
    >>> print(date_words("8 October 2012", is_edtf))
    EDTF writes a day in digits, year first: 2012-10-08
    >>> print(date_words("2012-2013", is_edtf))
    EDTF writes a span as an interval START/END: 2012/2013 (or [2012..2013] for one day within it)
    >>> side = Window("start", lambda a, b: f"between=({a!r}, {b!r})")
    >>> print(date_words("2012-2013", is_edtf, side))
    a window's start is one date, not a span: the first of it, 2012, or the whole as the \
window, between=('2012', '2013')
    >>> print(date_words("early 2012", is_edtf))
    EDTF has no 'early': write the year, 2012 (some day of it), or the months meant as an \
interval, such as 2012-01/2012-04
    >>> print(date_words("1990s", is_edtf))
    EDTF writes a decade as an interval: 1990/1999 (or [1990..1999] for one year within it)
    """
    words = " ".join(text.split())
    if (told := _set_words(words, reads, window)) is not None:
        return told
    written = _edtf(words, reads)
    if written is not None and written != words:
        kind = "a month" if len(written) == 7 else "a day"
        if int(written[5:7]) in SEASON_NAMES:
            return f"EDTF writes a season as YYYY-21..24 (spring to winter): {written}"
        return f"EDTF writes {kind} in digits, year first: {written}"
    folded = words.casefold()
    if (named := _named_day(folded)) is not None:
        in_year, month, day = named
        return f"{MONTH_NAMES[month - 1]} {in_year:04} has no day {day}"
    for pattern, mark, meaning in ((_ABOUT, "~", "about"), (_UNCERTAIN, "?", "uncertain")):
        if found := pattern.fullmatch(folded):
            return _qualified(
                words[found.start(found.lastindex or 1) :], mark, meaning, reads, window
            )
    if (span := _span(words, reads)) is not None:
        return _told_span(*span, reads, window)
    if found := _PART.fullmatch(folded):
        part, year = found.groups()
        months = {"early": "01/{y}-04", "beginning of": "01/{y}-03", "start of": "01/{y}-03"}
        months |= {"mid": "05/{y}-08", "middle": "05/{y}-08", "late": "09/{y}-12"}
        months |= {"end of": "10/{y}-12"}
        span_ = f"{year}-" + months[part].format(y=year)
        if not reads(span_):
            return None
        meant = "an interval, such as " + span_
        if window is not None:
            meant = "the window, such as " + window.written(*span_.split("/"))
        return (
            f"EDTF has no {part!r}: write the year, {year} (some day of it), or the months "
            f"meant as {meant}"
        )
    if (found := _DECADE.fullmatch(folded)) and reads(year := "".join(found.groups())):
        return _plural(year, found.group(1), reads, window)
    return None


def _plural(year: str, head: str, reads: Reads, window: Window | None) -> str:
    """What to tell of a plural year (``2012s``): the year, or its decade."""
    said = f"EDTF has no plural years: write the year, {year}"
    decade = _span(f"{head}0s", reads)
    if decade is None:
        return said
    _, a, b = decade
    if window is not None:
        return f"{said}, or the decade as the window, {window.written(a, b)}"
    within = f"[{a}..{b}]"
    alternative = f" (or {within} for one year within it)" if reads(within) else ""
    return f"{said}, or a decade, {a}/{b}{alternative}"


def _qualified(rest: str, mark: str, meaning: str, reads: Reads, window: Window | None) -> str:
    """What to tell of ``rest`` said to be ``meaning`` (about, uncertain), EDTF's ``mark``
    after it."""
    said = f"EDTF writes {meaning!r} as {mark} after the date"
    example = f"{said} (for example: 2012{mark})"
    inner = _edtf(rest, reads)
    order = ""
    if inner is None and (span := _span(rest, reads)) is not None:
        _, a, b = span
        if a and b and not reads(_interval(a, b)) and reads(_interval(b, a)):
            order, a, b = f", start first ({a} is after {b})", b, a
        inner = _interval(a, b)
    if inner is not None and inner.count("/") == 1 and "[" not in inner:
        a, b = (side if side in ("", "..") else f"{side}{mark}" for side in inner.split("/"))
        marked = f"{a}/{b}"
        if not reads(marked):
            return example
        if window is not None:
            return f"{said}, on each side of the window{order}: {window.written(a, b)}"
        return f"{said}, on each side of an interval{order}: {marked}"
    if inner is not None and inner[-1:] in "?~%" and inner[:1] != "[":
        # already qualified: ? and ~ together are EDTF's %
        both = inner[:-1] + (inner[-1] if inner[-1] == mark else "%")
        if not reads(both):
            return example
        return f"{said}, and both as %: {both}" if both[-1] == "%" else f"{said}: {both}"
    if inner is None or inner[:1] == "[" or not reads(f"{inner}{mark}"):
        return example
    return f"{said}: {inner}{mark}"
