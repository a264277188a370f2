"""Plain-English wording of values (internal), shared by the notebook cards and the plot.

>>> describe_date(EDTF("2012-01-26/2012-10-08"))
'from 26 January to 8 October 2012'
>>> from rightsdata._values.durations import parse_duration
>>> duration_text(parse_duration("P7Y6M"))
'7 years 6 months'
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs

from rightsdata._model.records import (
    Citation,
    Coordinates,
    Event,
    Figure,
    Identifier,
    Part,
    Record,
    figure_claim,
    figure_quantity,
)
from rightsdata._values.calendarwords import MONTH_NAMES, SEASON_MONTHS, SEASON_NAMES
from rightsdata._values.columns import display_width, fit
from rightsdata._values.dates import EDTF, Precision
from rightsdata._values.durations import Duration, format_duration
from rightsdata._values.errors import one_line
from rightsdata._values.ids import is_valid_id
from rightsdata._values.joined import one_of
from rightsdata.vocab import (
    DateMeaning,
    EventStatus,
    FigureQualifier,
    FigureUnit,
    IdentifierScheme,
    RangeMeaning,
)

__all__ = [
    "INFERRED_LEGEND",
    "INFERRED_MARK",
    "cited_for",
    "coordinates_text",
    "date_field",
    "describe_date",
    "duration_text",
    "event_kind_mark",
    "event_status",
    "figure_text",
    "figure_value",
    "figures_summary",
    "holds_rtl",
    "identifier_text",
    "identifier_url",
    "isolated",
    "isolated_lines",
    "isolated_parts",
    "listed_date",
    "notable_status",
    "other_fields",
    "pad",
    "part_more",
    "periods_differ",
    "redirect_note",
    "short_date",
    "status_note",
    "term",
    "truncate",
    "unit_text",
    "value_text",
    "within_note",
]

_MONTHS: Final = MONTH_NAMES
_DASH: Final = " \u2013 "  # an en dash between the sides of an interval
#: Each season code (as text) and its name with its months: spring (March to May).
_SEASONS: Final = {
    str(code): f"{SEASON_NAMES[code]} ("
    + " to ".join(dict.fromkeys(MONTH_NAMES[month - 1] for month in months))
    + ")"
    for code, months in SEASON_MONTHS.items()
}
#: The units written as a sign after the number, with no space: 20°C, 5%.
_UNITS: Final = {FigureUnit.DEGREES_CELSIUS: "°C", FigureUnit.PERCENT: "%"}
#: The worded units whose singular is not their term less its final s.
_SINGULAR: Final = {
    FigureUnit.PEOPLE: "person",
    FigureUnit.CITIES: "city",
    FigureUnit.COUNTRIES: "country",
}
#: The worded units whose singular is their term less its final s (1 day, 1 time). With
#: _SINGULAR, every worded unit: a test holds them to it, so that no unit's singular is made
#: by dropping an s it does not end in ("1 sheep").
_SINGULAR_LESS_S: Final = frozenset(
    {
        FigureUnit.CASES,
        FigureUnit.NEWSPAPERS,
        FigureUnit.WEBSITES,
        FigureUnit.OUTLETS,
        FigureUnit.DAYS,
        FigureUnit.MONTHS,
        FigureUnit.YEARS,
        FigureUnit.HOURS,
        FigureUnit.MINUTES,
        FigureUnit.KILOMETRES,
        FigureUnit.TIMES,
    }
)
#: The units written as a word after the number (its term; in the singular after 1): those
#: of _SINGULAR and _SINGULAR_LESS_S. With _UNITS, every unit: a unit added to the
#: vocabulary is placed in one (tests/model/test_vocabulary_partitions.py), not written as a
#: word unseen.
_WORDED_UNITS: Final = frozenset(_SINGULAR) | _SINGULAR_LESS_S
_DURATION_UNITS: Final = ("year", "month", "day", "hour", "minute", "second")


def term(value: str) -> str:
    """A vocabulary term as words: ``prison_punishment`` -> ``prison punishment``."""
    return str(value).replace("_", " ")


def truncate(text: str, width: int, *, escape: bool = True) -> str:
    """``text`` on one line, cut to at most ``width`` columns (:func:`display_width`: a CJK
    character takes two), ending in an ellipsis if it was cut. A text may hold line breaks:
    each run of white space becomes one space, so that a list's line or a plot's label stays
    one line. A cut never halves a wide character nor parts a combining mark from its letter.
    A control or misleading invisible character is shown as its escape (:func:`one_line`),
    unless not ``escape`` (for ``repr()``, which escapes them itself).

    >>> truncate("Vladimir Kozlov detained", 12), truncate("Line one\\nline two", 40)
    ('Vladimir Ko…', 'Line one line two')
    >>> truncate("北京市の記者", 8)
    '北京市…'
    """
    if escape:
        text = one_line(text)
    elif not text.isprintable() or "  " in text:  # (a space is printable; a line break is not)
        text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    return text[: fit(text, width - 1)].rstrip(" ,;:") + "…"


#: The first and last isolates: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE; and the
#: isolates of a set direction, LEFT-TO-RIGHT and RIGHT-TO-LEFT ISOLATE.
_FSI: Final = "\u2068"
_PDI: Final = "\u2069"
_LRI: Final = "\u2066"
_RLI: Final = "\u2067"


def isolated(text: str) -> str:
    """``text`` (a name or title from the data, already shown as :func:`one_line` shows it)
    between the isolates FSI and PDI where it holds a letter of a right-to-left script
    (Arabic, Hebrew...): within a line of left-to-right words (``Name (victim)``, a list's
    date and title), it then keeps its own direction and cannot reorder the words around it,
    as ``<bdi>`` keeps it in HTML. Other text is left as it is. The isolates take no column
    (:func:`display_width`).

    >>> isolated("Vladimir Kozlov"), isolated("محمد علي") == "\u2068محمد علي\u2069"
    ('Vladimir Kozlov', True)
    """
    if not holds_rtl(text):
        return text
    return f"{_FSI}{text}{_PDI}"


def holds_rtl(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script: one of the characters from
    U+0590 on (Hebrew is the first such script) whose direction is R or AL."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in _FROM_HEBREW.findall(text))


_FROM_HEBREW: Final = re.compile("[\u0590-\U0010ffff]")


def isolated_parts(parts: Sequence[str]) -> list[str]:
    """The parts of one text (a name or title from the data) that a wrap or a cut put on
    lines of their own, each isolated on its line as :func:`isolated` isolates a text on one
    line, where the text holds a letter of a right-to-left script. Each in the direction of
    the whole text (the isolate RLI or LRI, by its first letter of a direction, as FSI
    finds it on one line): a part isolated by FSI would take the direction of its own first
    letter, and a line that starts with a Latin word within an Arabic name would show that
    part of it left to right, its words in the other order. One part is :func:`isolated`.

    >>> isolated_parts(["محمد", "Ali علي"]) == ["\u2067محمد\u2069", "\u2067Ali علي\u2069"]
    True
    >>> isolated_parts(["Vladimir", "Kozlov"]), isolated_parts(["محمد"]) == ["\u2068محمد\u2069"]
    (['Vladimir', 'Kozlov'], True)
    """
    if len(parts) == 1:
        return [isolated(parts[0])]
    whole = "".join(parts)
    if not holds_rtl(whole):
        return list(parts)
    first = next((d for d in map(unicodedata.bidirectional, whole) if d in ("L", "R", "AL")), "R")
    opener = _LRI if first == "L" else _RLI
    return [f"{opener}{part}{_PDI}" if part else part for part in parts]


def isolated_lines(text: str) -> str:
    """``text`` broken into lines (a plot's heading wrapped, a label cut) where it held
    isolated text (:func:`isolated`): each isolate a line break parts isolated on each line
    on its own (:func:`isolated_parts`), and one a cut left open (its PDI cut off) closed
    where its line ends. An isolate is for one line: a terminal or a renderer lays out each
    line apart, and the rest of a name on the next line would be shown with no isolate.

    >>> isolated_lines("\u2068محمد\\nعلي\u2069 — 1 event") == (
    ...     "\u2067محمد\u2069\\n\u2067علي\u2069 — 1 event"
    ... )
    True
    >>> isolated_lines("\u2068محمد…") == "\u2068محمد…\u2069"
    True
    """
    if _FSI not in text:
        return text
    out: list[str] = []
    rest = text
    while (start := rest.find(_FSI)) >= 0:
        out.append(rest[:start])
        end = rest.find(_PDI, start)
        end = len(rest) if end < 0 else end
        out.append("\n".join(isolated_parts(rest[start + 1 : end].split("\n"))))
        rest = rest[end + 1 :]
    out.append(rest)
    return "".join(out)


def pad(text: str, width: int) -> str:
    """``text`` and spaces after it to fill ``width`` columns (:func:`display_width`), as
    ``f"{text:<{width}}"`` does for text of one column a character.

    >>> pad("北京", 6) + "|", pad("Almaty", 8) + "|"
    ('北京  |', 'Almaty  |')
    """
    return text + " " * (width - display_width(text))


def _plain_words(date: EDTF, short: bool) -> str:
    """One side without its qualifier: '8 October 2012' ('8 Oct 2012' if short), 'summer 2015';
    its year in four digits, as EDTF and ISO 8601 write it ('3 May 0012', '0999'): never '12'
    or '999', which read as a short year or a count."""
    text = date.text.rstrip("?~%")
    precision = date.precision or Precision.DAY
    year = text[:4]
    if precision is Precision.YEAR:
        return year
    if precision is Precision.SEASON:
        return f"{_SEASONS[text[5:7]].split(' ', 1)[0]} {year}"
    month = _MONTHS[int(text[5:7]) - 1]
    month = month[:3] if short else month
    if precision is Precision.MONTH:
        return f"{month} {year}"
    return f"{int(text[8:10])} {month} {year}"


def _short_single(date: EDTF) -> str:
    words = _plain_words(date, short=True)
    return ("c. " if date.approximate else "") + words + ("?" if date.uncertain else "")


def _ends_note(start: EDTF | None, end: EDTF | None) -> str:
    """Which end of an interval is uncertain or approximate, in the words every display
    puts after it: ``' (end uncertain)'``, ``' (start approximate; end uncertain)'``,
    ``' (start and end uncertain)'``; ``''`` where neither is. Said of the end, not beside
    it: a '?' or '(uncertain)' after the interval would read as the whole interval's.

    >>> _ends_note(EDTF("2012-01-26~"), EDTF("2012-10-08?")), _ends_note(None, EDTF("2012%"))
    (' (start approximate; end uncertain)', ' (end uncertain and approximate)')
    """

    def said(side: EDTF | None) -> str:
        if side is None:
            return ""
        return " and ".join(
            word
            for word, is_so in (("uncertain", side.uncertain), ("approximate", side.approximate))
            if is_so
        )

    first, last = said(start), said(end)
    if first and first == last:
        return f" (start and end {first})"
    notes = [f"{name} {what}" for name, what in (("start", first), ("end", last)) if what]
    return f" ({'; '.join(notes)})" if notes else ""


def _sides(start: EDTF, end: EDTF, short: bool) -> tuple[str, str]:
    """Two dates in words, without their qualifiers (:func:`_ends_note` says them), what they
    share written once, with the last: ``('26 January', '8 October 2012')``, ``('14', '20
    January 2012')``."""
    first, last = _plain_words(start, short), _plain_words(end, short)
    head, _, year = first.rpartition(" ")  # (the year: its last word)
    if not head or not last.endswith(f" {year}"):
        return first, last  # (a year alone, or different years)
    rest = last.removesuffix(f" {year}")
    shared = f" {rest.split(' ')[-1]}" if rest.count(" ") == 1 else None
    if start.precision is end.precision is Precision.DAY and shared and head.endswith(shared):
        return head.removesuffix(shared), last  # (one month: '14' to '20 January 2012')
    return head, last


def _set_words(date: EDTF, short: bool) -> str:
    """A set in words: its dates as alternatives, days of one month (months of one year)
    written once with it ('14 or 15 January 2022'); a range as 'some day between A and B'
    ('between A and B' if ``short``), an open one as 'some day on or before B' ('by B')."""
    members = date.members
    plain = [m for m in members if not m.is_interval]
    if len(plain) == len(members) and len({m.precision for m in plain}) == 1:
        precision = plain[0].precision
        texts = [m.text for m in plain]
        if precision is Precision.DAY and len({t[:7] for t in texts}) == 1:
            tail = _plain_words(EDTF(texts[0][:7]), short)
            return f"{one_of([str(int(t[8:10])) for t in texts])} {tail}"
        if precision is Precision.MONTH and len({t[:4] for t in texts}) == 1:
            months = [_plain_words(m, short).split(" ")[0] for m in plain]
            return f"{one_of(months)} {_plain_words(EDTF(texts[0][:4]), short)}"
    words = []
    for member in members:
        if not member.is_interval:
            words.append(_plain_words(member, short))
            continue
        start, end = member.start, member.end
        what = "" if short else "some day " if _days(member) else "some time "
        if start is None:
            assert end is not None  # (a range is open on one side at most)
            near = "by" if short else "on or before" if _days(member) else "in or before"
            words.append(f"{what}{near} {_plain_words(end, short)}")
        elif end is None:
            near = "from" if short else "on or after" if _days(member) else "in or after"
            words.append(f"{what}{near} {_plain_words(start, short)}")
        else:
            first, last = _sides(start, end, short)
            words.append(f"{what}between {first} and {last}")
    return one_of(words)


def _days(member: EDTF) -> bool:
    """Whether a set's range is written in days."""
    side = member.start or member.end
    return side is not None and side.precision is Precision.DAY


def short_date(date: EDTF) -> str:
    """A date as a short label: ``8 Oct 2012``, ``summer 2015``, ``c. 29 Jun 2013``;
    an interval's sides joined by an en dash, what they share written once (``Jan``, ``8 Oct
    2012``), an unknown side as ``?``, an open one as ``…``; an end that is uncertain or
    approximate named (``(end uncertain)`` after the interval), both ends alike marked as a
    day is (``c.`` before it: both about); a set's dates as alternatives (``14 or 15
    Jan 2022``, ``between 16 Dec 2011 and 31 Jan 2012``, ``by 31 Jan 2012``).

    >>> [short_date(EDTF(t)) for t in ("2012-10-08", "2015-22", "2013-06-29~", "2012?")]
    ['8 Oct 2012', 'summer 2015', 'c. 29 Jun 2013', '2012?']
    >>> [short_date(EDTF(t)).split(_DASH) for t in ("2012-01/2012-10-08", "/2012", "2020/..")]
    [['Jan', '8 Oct 2012'], ['?', '2012'], ['2020', '…']]
    >>> [short_date(EDTF(t)) for t in ("[2022-01-14,2022-01-15]", "[..2012-01-31]")]
    ['14 or 15 Jan 2022', 'by 31 Jan 2012']
    """
    if date.is_set:
        return _set_words(date, short=True)
    if not date.is_interval:
        return _short_single(date)
    start, end = date.start, date.end
    note = _ends_note(start, end)
    if start is not None and end is not None:
        sides = _DASH.join(_sides(start, end, short=True))
        if note.startswith(" (start and end"):  # (both ends alike: marked as one, as a day is)
            about = "c. " if start.approximate else ""
            return f"{about}{sides}{'?' if start.uncertain else ''}"
        return sides + note
    first = _plain_words(start, short=True) if start else "…" if date.open_start else "?"
    last = _plain_words(end, short=True) if end else "…" if date.open_end else "?"
    return f"{first}{_DASH}{last}{note}"


def describe_date(date: EDTF, brief: bool = False) -> str:
    """What an EDTF date means, in words: its precision, qualifiers and open or unknown ends;
    for a set, which dates it may be.

    ``brief`` leaves out what a single date's precision leaves unknown: ``December 2015``
    rather than ``in December 2015 (day not known)``.

    >>> [describe_date(EDTF(t)) for t in ("2012-10-08", "2012", "2015-22", "2013-06-29~")]
    ['8 October 2012', 'in 2012 (month and day not known)', \
'in summer 2015 (June to August; month and day not known)', 'about 29 June 2013']
    >>> describe_date(EDTF("/2012-10-08")), describe_date(EDTF("2020/.."))
    ('to 8 October 2012; the start is not known', 'from 2020, open-ended')
    >>> describe_date(EDTF("2015-12"), brief=True)
    'December 2015'
    >>> describe_date(EDTF("[2022-01-14,2022-01-15]"))
    '14 or 15 January 2022'
    >>> describe_date(EDTF("[2011-12-16..2012-01-31]"))
    'some day between 16 December 2011 and 31 January 2012'
    >>> describe_date(EDTF("[2011-12,2012-02..2012-03,2013..]"))
    'December 2011, some time between February and March 2012 or some time in or after 2013'
    """
    if date.is_set:
        return _set_words(date, short=False)
    if not date.is_interval:
        return _single_words(date, brief)
    start, end = date.start, date.end
    note = _ends_note(start, end)  # (which end is uncertain or approximate, after it all)
    if start is not None and end is not None:
        first, last = _sides(start, end, short=False)
        return f"from {first} to {last}{note}"
    if start is not None:
        if date.open_end:
            return f"from {_plain_words(start, short=False)}, open-ended{note}"
        return f"from {_plain_words(start, short=False)}; the end is not known{note}"
    assert end is not None  # an interval has at least one date side
    if date.open_start:
        return f"to {_plain_words(end, short=False)}, with no start (open){note}"
    return f"to {_plain_words(end, short=False)}; the start is not known{note}"


def _single_words(date: EDTF, brief: bool) -> str:
    """A single date in words, with what is uncertain or not known in one parenthesis:
    'in 2012 (uncertain; month and day not known)', 'in winter 2012 (December 2012; day not
    known)': by this library's rule a winter is the December of its year alone."""
    words = _plain_words(date, short=False)
    if date.approximate:
        words = f"about {words}"
    notes = ["uncertain"] if date.uncertain else []
    precision = date.precision or Precision.DAY
    if precision is not Precision.DAY and not brief:
        words = f"in {words}"
        if precision is Precision.SEASON:
            months = _SEASONS[date.text[5:7]].split(" ", 1)[1][1:-1]
            if " to " in months:
                notes += [months, "month and day not known"]
            else:  # (winter: one month, so known)
                notes += [f"{months} {_plain_words(EDTF(date.text[:4]), short=False)}"]
                notes.append("day not known")
        else:
            notes.append(
                "day not known" if precision is Precision.MONTH else "month and day not known"
            )
    return f"{words} ({'; '.join(notes)})" if notes else words


def duration_text(duration: Duration) -> str:
    """A canonical duration in words: ``P7Y6M`` -> ``7 years 6 months``.

    >>> from rightsdata._values.durations import parse_duration
    >>> duration_text(parse_duration("P1Y15D")), duration_text(parse_duration("P0D"))
    ('1 year 15 days', '0 days')
    """
    components = (
        duration.years,
        duration.months,
        duration.days,
        duration.hours,
        duration.minutes,
        duration.seconds,
    )
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}"
        for n, unit in zip(components, _DURATION_UNITS, strict=True)
        if n
    ]
    return " ".join(parts) or "0 days"


def _number(n: int | None) -> str:
    return "?" if n is None else f"{n:,}"


#: The words of each qualifier but 'imprecise', and the fields whose numbers they hold.
_QUALIFIER_NUMBERS: Final[dict[FigureQualifier, tuple[str, tuple[str, ...]]]] = {
    FigureQualifier.EXACT: ("{}", ("best",)),
    FigureQualifier.ABOUT: ("about {}", ("best",)),
    FigureQualifier.AT_LEAST: ("at least {}", ("low",)),
    FigureQualifier.MORE_THAN: ("more than {}", ("low",)),
    FigureQualifier.AT_MOST: ("at most {}", ("high",)),
    FigureQualifier.LESS_THAN: ("less than {}", ("high",)),
    FigureQualifier.BETWEEN: ("between {} and {}", ("low", "high")),
}
#: The qualifiers whose words hold no number, their numbers shown after them: 'imprecise
#: (10, 20)'. With _QUALIFIER_NUMBERS, every qualifier (a test holds them to the
#: vocabulary: a qualifier added unplaced would be shown as imprecise).
_NUMBERLESS: Final = frozenset({FigureQualifier.IMPRECISE})


def unit_text(unit: FigureUnit, per: Duration | None = None, one: bool = False) -> str:
    """What follows a figure's number: its unit (singular if ``one``: ``1 person``), and for
    a rate the period it is counted per; ``°C`` and ``%`` follow the number with no space.

    >>> from rightsdata._values.durations import parse_duration
    >>> unit_text(FigureUnit.PEOPLE), unit_text(FigureUnit.PEOPLE, one=True)
    (' people', ' person')
    >>> unit_text(FigureUnit.TIMES, parse_duration("P7D")), unit_text(FigureUnit.PERCENT)
    (' times per 7 days', '%')
    >>> unit_text(FigureUnit.TIMES, parse_duration("P1D"), one=True)
    ' time per day'
    """
    sign = _UNITS.get(unit)
    if sign is not None:
        text = sign
    else:
        word = _SINGULAR.get(unit, unit.value.removesuffix("s")) if one else term(unit)
        text = f" {word}"
    if per is not None:
        period = duration_text(per)
        text += f" per {period.removeprefix('1 ') if ' ' not in period[2:] else period}"
    return text


def figure_value(figure: Figure) -> str:
    """A figure's numbers in words, by its qualifier, with its unit (and period, for a
    rate), and what exactly it counts where it says (``of``, in brackets): 'at least 15
    people', 'more than 60 cities', '2 times per 7 days', '5 people (police officers)'. A
    number the qualifier's words do not hold follows in brackets ('12 (low 10, high 15)
    people').

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> figure_value(ds.figures("event:zhanaozen-massacre-2011", "killed")[0])
    'at least 15 people'
    >>> figure_value(ds.figures("event:bloody-january-2022", "other", unit="days")[0])
    'between 2 and 3 days (time the protests took to spread)'
    """
    if _no_number(figure):
        return f"an unstated number of{unit_text(figure.unit, figure.per)}{_of(figure)}"
    value, last = _value_words(figure)
    counted = value + unit_text(figure.unit, figure.per, one=last == 1)
    counted += _of(figure)
    if figure.range_meaning is RangeMeaning.SPREAD:
        counted += ", varying across those counted"
    return counted


def _value_words(figure: Figure) -> tuple[str, int | None]:
    """(a figure's numbers in its qualifier's words, without the unit: 'about 30', 'less
    than 10', 'imprecise (10, 20)'; the number the unit follows, for its singular) of a
    figure that states one."""
    said = _QUALIFIER_NUMBERS.get(figure.qualifier)
    if said is None:  # imprecise
        stated = [_number(n) for n in (figure.low, figure.best, figure.high) if n is not None]
        return f"imprecise ({', '.join(stated)})", None
    words, fields = said
    value = words.format(*(_number(getattr(figure, name)) for name in fields))
    extra = [
        f"{name} {_number(n)}"
        for name in ("low", "best", "high")
        if name not in fields and (n := getattr(figure, name)) is not None
    ]
    if extra:
        value += f" ({', '.join(extra)})"
    return value, getattr(figure, fields[-1])


def _numbers_words(figure: Figure) -> str:
    """A figure's numbers in its qualifier's words (:func:`_value_words`), or, for a claim
    in words (``imprecise``), its numbers alone: the list it is shown in says what it is."""
    if figure.qualifier is FigureQualifier.IMPRECISE:
        return ", ".join(
            _number(n) for n in (figure.low, figure.best, figure.high) if n is not None
        )
    return _value_words(figure)[0]


def _of(figure: Figure) -> str:
    """What follows a figure's unit: what exactly it counts, in brackets, if it says (its
    hidden characters escaped, as a name's are)."""
    return "" if figure.of is None else f" ({one_line(figure.of)})"


def figure_text(figure: Figure) -> str:
    """A figure's measure and :func:`figure_value`: 'killed: at least 15 people'.

    >>> import rightsdata
    >>> figure = rightsdata.load().figures("event:zhanaozen-massacre-2011", "killed")[0]
    >>> figure_text(figure)
    'killed: at least 15 people'
    """
    return f"{term(figure.measure)}: {figure_value(figure)}"


#: What follows a date a list or a plot shows where the date was inferred rather than stated
#: (a record's ``inferred`` names its field), and the legend line that says what it means.
INFERRED_MARK: Final = "*"
INFERRED_LEGEND: Final = "* date inferred, not stated: the record's card says from what"


def date_field(record: Record) -> str | None:
    """The field of the date a list shows for ``record``: when an event happened or a
    statement was made (``date``), a source was published, a rating given (``as_of``), a
    relationship began (``start``), a person born, an organisation founded; None for a kind
    that has none.

    >>> import rightsdata
    >>> date_field(rightsdata.load().get("rating:civicus-kazakhstan-2022-downgrade"))
    'as_of'
    """
    return _DATE_FIELDS.get(type(record).__name__)


_DATE_FIELDS: Final = {
    "Event": "date",
    "Statement": "date",
    "Source": "published",
    "Rating": "as_of",
    "Relationship": "start",
    "Person": "born",
    "Organization": "founded",
}


def listed_date(record: Record) -> str | None:
    """The date a list or a plot shows for ``record`` (:func:`date_field`), short
    (:func:`short_date`), followed by :data:`INFERRED_MARK` where the record says it was
    inferred rather than stated (the card's "Inferred" section says from what); None where
    it has none.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> listed_date(ds.events["event:kozlov-verdict-2012-10-08"])  # (HRF gives no year)
    '8 Oct 2012*'
    >>> listed_date(ds.events["event:kozlov-detention-2012-01-26"])
    '26 Jan 2012'
    """
    field = date_field(record)
    date = None if field is None else getattr(record, field)
    if not isinstance(date, EDTF):
        return None
    inferred = any(i.field == field for i in record.inferred)
    return short_date(date) + (INFERRED_MARK if inferred else "")


def redirect_note(asked: str, record_id: str) -> str:
    """What a card, or ``rightsdata show``, says of an ID asked for that redirects (a record
    merged into another, or renamed: ``ds.redirects``) to the record shown.

    >>> redirect_note("org:kazakhstan-authorities", "group:kazakhstan-authorities")
    'org:kazakhstan-authorities is a retired ID: it redirects to group:kazakhstan-authorities'
    """
    asked, record_id = one_line(asked), one_line(record_id)
    return f"{asked} is a retired ID: it redirects to {record_id}"


def within_note(place_id: str, events: Iterable[Event]) -> str:
    """How many of a place's events (``ds.events(place=)``) are at places within it and not
    at it, as a note after their count: ``' (3 at places within it)'``, or ``''`` if none is.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> within_note("place:almaty", ds.events(place="place:almaty"))
    ' (2 at places within it)'
    """
    n = sum(place_id not in e.places for e in events)
    return "" if n == 0 else f" ({n} at {'a place' if n == 1 else 'places'} within it)"


def _one_or_n(n: int, noun: str) -> str:
    return f"one {noun}" if n == 1 else f"{n:,} {noun}s"


def periods_differ(periods: Iterable[Duration | None]) -> str:
    """How the periods of claims on one measure and unit differ (``per``, None for a claim
    that is not a rate: at least two of them, one a period), as :class:`~rightsdata.Figures`
    says it: its repr, and the error of its ``range``.

    >>> from rightsdata import parse_duration
    >>> week, day = parse_duration("P7D"), parse_duration("P1D")
    >>> periods_differ([week, day]), periods_differ([week, None])
    ('rates over different periods', 'rates and claims that are not rates')
    >>> periods_differ([week, day, None])
    'rates over different periods and claims that are not rates'
    """
    periods = set(periods)
    rates = "rates over different periods" if len(periods - {None}) > 1 else "rates"
    return f"{rates} and claims that are not rates" if None in periods else rates


def figures_summary(
    figures: Sequence[Figure], disagree: bool, name: Callable[[str], str] = str
) -> str:
    """What the claims of a :class:`~rightsdata.Figures` say, in a line (``disagree``: its
    ``disagree``): how many, then,
    where they count one quantity (one measure, unit and period, of one thing), their numbers
    with the unit. One claim, or claims that all say the same, in their own words ('more than
    60 cities'), and so claims that state numbers alike (beside claims of no number: 'about
    30 people'); claims that differ as the lowest to the highest number they state (the
    number, where they state one), then the claims that leave an end open and those that
    are approximate, in their words, so that no bound is shown that no claim made and no
    qualifier is dropped ('10 people, one claim approximate (about 10)'); but claims of one
    number that none states as it is, in each one's words ('less than 10 or more than 10
    people': never '10 people', which both exclude); and whether they disagree. Claims
    that state no number ("thousands") are shown in their words, which alone tell them
    apart. A field of a figure that has no words here (nor on the cards:
    :data:`PART_SHOWN`) is said after them, as a card says it after a part
    (:func:`part_more`; ``name`` turns a record ID into a name): a field added to
    :class:`~rightsdata.Figure` is never left out of the line.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> killed = ds.figures("event:zhanaozen-massacre-2011", "killed")
    >>> figures_summary(killed, killed.disagree)
    '3 claims, 15 to 17 people, one claim open-ended (at least 15), disagree'
    >>> figures_summary(ds.figures("event:bloody-january-2022", "other", "cities"), False)
    '1 claim, more than 60 cities (cities the protests spread to)'
    >>> figures_summary(ds.figures("event:bloody-january-2022", "participants"), False)
    "2 claims, an unstated number of people ('thousands of people voicing demands', 'many \
thousands took to the streets')"
    """
    parts = [*_claims_said(figures), *_claims_more(figures, name)]
    if disagree:
        parts.append("disagree")
    return ", ".join(parts)


def _claims_said(figures: Sequence[Figure]) -> list[str]:
    """The parts of :func:`figures_summary` that say what the claims count, and how many."""
    n = len(figures)
    parts = [f"{n:,} claim{'' if n == 1 else 's'}"]
    quantities = set(map(figure_quantity, figures))
    if len(quantities) > 1 and len({(m, u, per) for m, u, per, _ in quantities}) == 1:
        return [*parts, "of different things"]  # "police officers", "officials"
    if len(quantities) > 1 and len({(m, u) for m, u, _, _ in quantities}) == 1:
        # "twice a week", "3 times a day"; and, where they say so, of different things too
        periods = periods_differ({per for _, _, per, _ in quantities})
        things = ", of different things" if len({of for *_, of in quantities}) > 1 else ""
        return [*parts, f"{periods}{things}"]
    if len(quantities) != 1:
        # (one line of numbers over different quantities would mean nothing; whether the
        # claims on one of them disagree is said all the same)
        return parts
    said = set(map(figure_claim, figures))
    if len(said) == 1:
        return [*parts, figure_value(figures[0]) + _worded(figures)]
    first = figures[0]
    numbered = [f for f in figures if not _no_number(f)]
    stated = [n for f in numbered for n in (f.low, f.best, f.high) if n is not None]
    if stated:  # (Figures.range: the lowest and the highest number stated)
        low, high = min(stated), max(stated)
        unit = unit_text(first.unit, first.per, one=high == 1) + _of(first)
        exactly = {FigureQualifier.EXACT, FigureQualifier.BETWEEN}  # (of low == high: that one)
        if len(set(map(figure_claim, numbered))) == 1:
            parts.append(figure_value(numbered[0]))  # ('about 30', beside a 'dozens')
        elif (low == high and not any(f.qualifier in exactly for f in numbered)) or all(
            f.qualifier in _OPEN and None in (f.low, f.high) for f in numbered
        ):
            # one number, which no claim states as it is ('less than 10', 'more than 10'), or
            # numbers each an end left open ('less than 5', 'more than 20'): each claim's
            # words, never a number or a range that the claims may all exclude
            words = _distinct(_value_words(f)[0] for f in numbered)
            more = len(words) - _OPEN_SHOWN  # (the others counted, as the open-ended list does)
            parts.append(
                " or ".join(words[:_OPEN_SHOWN])
                + unit
                + (f" (and {more} more)" if more > 0 else "")
            )
        else:
            numbers = _number(low) if low == high else f"{_number(low)} to {_number(high)}"
            parts.append(numbers + unit)
            # (as Figures.open_above and open_below: "at least 15" with no high, ...)
            open_claims = [f for f in figures if f.qualifier in _OPEN and None in (f.low, f.high)]
            about = [f for f in figures if f.qualifier is FigureQualifier.ABOUT]
            # (a claim in words that gives a number, "around a hundred or so", is no firmer
            # than its words: not a number of the range as firm as an exact one's)
            worded = [f for f in numbered if f.qualifier is FigureQualifier.IMPRECISE]
            listed = (open_claims, "open-ended"), (about, "approximate"), (worded, "imprecise")
            for claims, what in listed:
                words = _distinct(_numbers_words(f) for f in claims)
                if words:
                    shown = words[:_OPEN_SHOWN]
                    if len(words) > _OPEN_SHOWN:
                        shown.append(f"and {len(words) - _OPEN_SHOWN} more")
                    parts.append(f"{_one_or_n(len(claims), 'claim')} {what} ({', '.join(shown)})")
    unstated = sum(map(_no_number, figures))
    if unstated:
        parts.append(f"{_one_or_n(unstated, 'claim')} with no number{_worded(figures)}")
    return parts


#: The most of a field's values a summary names (the others counted), and the widest each.
_MORE_SHOWN: Final = 3
_MORE_WIDTH: Final = 60


def _claims_more(figures: Sequence[Figure], name: Callable[[str], str]) -> list[str]:
    """The fields of the claims that :func:`figures_summary` has no words for (those of
    :func:`part_more`), each as ``label value`` with the values that differ joined by
    ``or`` (the first :data:`_MORE_SHOWN`, the others counted; each cut to
    :data:`_MORE_WIDTH` columns, the card showing it whole beside its claim).

    >>> import rightsdata
    >>> _claims_more(rightsdata.load().figures("event:zhanaozen-massacre-2011", "killed"), str)
    []
    """
    values: dict[str, list[str]] = {}
    for figure in figures:
        for label, held in other_fields(figure):
            text = truncate(value_text(held, name), _MORE_WIDTH)
            if text not in values.setdefault(label, []):
                values[label].append(text)
    said = []
    for label, texts in values.items():
        shown = " or ".join(texts[:_MORE_SHOWN])
        more = len(texts) - _MORE_SHOWN
        said.append(f"{label} {shown}" + (f" (and {more} more)" if more > 0 else ""))
    return said


def _no_number(figure: Figure) -> bool:
    return figure.low is None and figure.best is None and figure.high is None


def _worded(figures: Sequence[Figure]) -> str:
    """The source's words of the claims that state no number, in brackets (the first
    :data:`_OPEN_SHOWN` that differ, the others counted), or nothing: "thousands" and
    "dozens" are both "an unstated number", and only their words tell them apart.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> _worded(ds.figures("event:bloody-january-2022", "injured"))
    " ('thousands injured')"
    """
    words = _distinct(repr(f.as_given) for f in figures if _no_number(f) and f.as_given)
    if not words:
        return ""
    shown = words[:_OPEN_SHOWN]
    if len(words) > _OPEN_SHOWN:
        shown.append(f"and {len(words) - _OPEN_SHOWN} more")
    return f" ({', '.join(shown)})"


def _distinct(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


_OPEN_SHOWN: Final = 3  # open-ended claims named in a summary; the others counted
#: The qualifiers of a claim that may leave an end open ("at least 15"): the summary names
#: them as open-ended claims. Their bound is held in one field each (``OPEN_BOUND`` of
#: rightsdata._validation.strict: a test holds the two, and Figures' open ends, alike).
_OPEN: Final = frozenset(
    {
        FigureQualifier.AT_LEAST,
        FigureQualifier.MORE_THAN,
        FigureQualifier.AT_MOST,
        FigureQualifier.LESS_THAN,
    }
)
#: The qualifiers that leave no end open: one number, about one, a range, or words that state
#: none. With _OPEN, every qualifier (a test holds them to the vocabulary).
_NOT_OPEN: Final = frozenset(
    {
        FigureQualifier.EXACT,
        FigureQualifier.ABOUT,
        FigureQualifier.BETWEEN,
        FigureQualifier.IMPRECISE,
    }
)


def event_status(event: Event) -> str | None:
    """What an event's status and ``date_of`` add to its date, in words; None if nothing
    (it happened, and its date is when).

    >>> from rightsdata import EDTF, Citation, Event
    >>> from rightsdata.vocab import DateMeaning, EventKind, EventStatus
    >>> event = Event(id="event:a", kind=EventKind.VISIT, title="A visit", date=EDTF("2022-05"),
    ...     status=EventStatus.PLANNED, date_of=DateMeaning.ANNOUNCEMENT,
    ...     citations=(Citation(source="source:a"),))
    >>> event_status(event)
    'planned; the date is of its announcement'
    """
    status, date_of = notable_status(event)
    parts = [] if status is None else [term(status)]
    if date_of is not None:
        parts.append(f"the date is {_DATE_OF[date_of]}")
    return "; ".join(parts) or None


def status_note(event: Event) -> str | None:
    """What every list of events says of one beside its kind or date, where it did not simply
    happen then: its status, and what its date is of; None where it did. The one wording of
    the command line's lists (:func:`event_kind_mark`), the notebook's tables, a record's repr
    and the timeline plot: a list must not make a planned hearing read as held (a card's
    status row says it in full: :func:`event_status`).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> status_note(ds.events["event:kozlov-supreme-court-hearing-2013"])
    'planned; date: planned for'
    >>> status_note(ds.events["event:kozlov-verdict-2012-10-08"]) is None
    True
    """
    status, date_of = notable_status(event)
    notes = [] if status is None else [term(status)]
    if date_of is not None:
        notes.append(f"date: {term(date_of)}")
    return "; ".join(notes) or None


def event_kind_mark(event: Event) -> str:
    """An event's kind in words, and in brackets its :func:`status_note` where it has one:
    what a list shows beside an event's ID or in its kind column.

    >>> import rightsdata
    >>> event_kind_mark(rightsdata.load().events["event:bloody-january-torture-2022"])
    'ill treatment (alleged)'
    """
    note = status_note(event)
    return f"{term(event.kind)} ({note})" if note else term(event.kind)


def notable_status(event: Event) -> tuple[EventStatus | None, DateMeaning | None]:
    """An event's ``status`` and ``date_of`` where each adds to its date (not where it
    happened, and its date is when): what a card and a list say of it, each in its words."""
    status, date_of = event.status, event.date_of
    return (
        None if status is EventStatus.OCCURRED else status,
        None if date_of is DateMeaning.OCCURRENCE else date_of,
    )


_DATE_OF: Final = {
    DateMeaning.OCCURRENCE: "when it happened",
    DateMeaning.ANNOUNCEMENT: "of its announcement",
    DateMeaning.REPORT: "of a report of it",
    DateMeaning.PLANNED_FOR: "when it was planned for",
}


def coordinates_text(coordinates: Coordinates) -> str:
    """Latitude and longitude in degrees, and the precision where stated.

    >>> coordinates_text(Coordinates(latitude=43.25, longitude=76.95, precision_m=5000))
    '43.25° N, 76.95° E (within 5,000 m)'
    """
    lat, lon = coordinates.latitude, coordinates.longitude
    text = f"{abs(lat):g}° {'S' if lat < 0 else 'N'}, {abs(lon):g}° {'W' if lon < 0 else 'E'}"
    if coordinates.precision_m is not None:
        text += f" (within {coordinates.precision_m:,} m)"
    return text


_SCHEME_NAMES: Final = {
    IdentifierScheme.WIKIDATA: "Wikidata",
    IdentifierScheme.ISO_3166_1: "ISO 3166-1",
    IdentifierScheme.ISO_3166_2: "ISO 3166-2",
    IdentifierScheme.OPENSTREETMAP: "OpenStreetMap",
    IdentifierScheme.GEONAMES: "GeoNames",
    IdentifierScheme.OTHER: "other",
}
_SCHEME_URLS: Final = {
    IdentifierScheme.WIKIDATA: "https://www.wikidata.org/wiki/{}",
    IdentifierScheme.OPENSTREETMAP: "https://www.openstreetmap.org/{}",
    IdentifierScheme.GEONAMES: "https://www.geonames.org/{}",
}
#: The schemes whose identifiers have no page at an address made from them (an ISO 3166
#: code, another register's): shown unlinked. With _SCHEME_URLS, every scheme (a test holds
#: them to the vocabulary: a register added with pages would otherwise go unlinked unseen).
_NO_PAGE: Final = frozenset(
    {IdentifierScheme.ISO_3166_1, IdentifierScheme.ISO_3166_2, IdentifierScheme.OTHER}
)


def years_of(events: Sequence[Event]) -> str:
    """The years ``events``' dates could cover, first to last (``'2012 to 2015'``, one year
    alone); '' if none is dated. What both cards say beside an actor's events.

    >>> import rightsdata
    >>> years_of(rightsdata.load().timeline("person:vladimir-kozlov"))
    '2012 to 2015'
    """
    firsts = [e.date.earliest for e in events if e.date is not None and e.date.earliest]
    lasts = [e.date.latest for e in events if e.date is not None and e.date.latest]
    years = sorted({min(firsts).year, max(lasts).year}) if firsts and lasts else []
    return " to ".join(f"{y:04d}" for y in years)


def cited_details(
    citation: Citation,
    shown: Callable[[str], str] = str,
    mark: Callable[[str], str] = str,
    name: Callable[[str], str] = str,
) -> list[str]:
    """What both cards say of a citation beside its source: where in it (its locator,
    through ``shown``), what it supports (the fields' names through ``mark``) and how sure
    (its confidence); each only where the citation says it. Then its other fields
    (:func:`part_more`, through ``shown``; ``name`` turns a record ID into a name).

    >>> from rightsdata import Citation
    >>> cited_details(Citation(source="source:a", locator="p. 3", fields=("date",)))
    ['p. 3', 'for date']
    """
    said = [shown(citation.locator)] if citation.locator else []
    supports = cited_for(citation.fields, mark)
    if supports is not None:
        said.append(supports)
    if citation.confidence is not None:
        said.append(f"confidence {shown(citation.confidence)}")
    more = part_more(citation, name)
    if more:
        said.append(shown(more))
    return said


def cited_for(fields: tuple[str, ...] | None, mark: Callable[[str], str] = str) -> str | None:
    """What a citation's ``fields`` say it supports, each field's name through ``mark``: None
    where it supports the whole record (null), and an empty list in words, not as nothing.

    >>> cited_for(None), cited_for(("date", "places")), cited_for(())
    (None, 'for date, places', 'for no field')
    """
    if fields is None:
        return None
    return "for " + ", ".join(map(mark, fields)) if fields else "for no field"


def identifier_text(identifier: Identifier) -> str:
    """The register and the value: ``'Wikidata Q232'``."""
    return f"{_SCHEME_NAMES[identifier.scheme]} {identifier.value}"


def identifier_url(identifier: Identifier) -> str | None:
    """The register's page for the identifier, where it has one at a known address.

    >>> identifier_url(Identifier(scheme=IdentifierScheme.WIKIDATA, value="Q232"))
    'https://www.wikidata.org/wiki/Q232'
    """
    pattern = _SCHEME_URLS.get(identifier.scheme)
    return None if pattern is None else pattern.format(identifier.value)


#: The fields every kind's cards render in their own way: in the title, the kind line, the
#: summary, a row of their own or a section. Both cards (HTML and text) show the same
#: fields. A field not named here is still shown, by the generic row of
#: :func:`other_fields`, so a field added to the model appears on both cards with no edit
#: here; naming it here (with a row of its own on each card) is how it gets better words.
_EVERY_KIND: Final = frozenset({"id", "citations", "inferred", "figures", "identifiers"})
SHOWN: Final[dict[str, frozenset[str]]] = {
    name: _EVERY_KIND | frozenset(fields.split())
    for name, fields in {
        "Source": "title publisher published kind language url note retrieved archive_url",
        "Person": "name aliases born country summary",
        "Organization": "name aliases kind country status founded summary",
        "Group": "name kind size belongs_to country summary",
        "Place": "name aliases kind country within coordinates",
        "Law": "instrument jurisdiction article part title",
        "Event": "kind title summary date places participants charges penalty part_of status "
        "date_of",
        "Relationship": "subject kind object title start end",
        "Statement": "speaker date kind summary quote addressed_to about joined_by relayed_by",
        "Rating": "country scale level as_of previous rated_by",
    }.items()
}
#: The fields each part's renderers on both cards show in their own way (a charge's
#: provision and accused, a figure's numbers and who asserted them). As for a record's
#: fields, a field not named here is still shown, after the part in brackets, in the words
#: of :func:`other_fields` (:func:`part_more`): a field added to a part needs no edit here.
PART_SHOWN: Final[dict[str, frozenset[str]]] = {
    name: frozenset(fields.split())
    for name, fields in {
        "Citation": "source locator quote fields confidence",
        "Inference": "field basis",
        "Alias": "name language",
        "Identifier": "scheme value",
        "Coordinates": "latitude longitude precision_m",
        "Participant": "actor role",
        "Charge": "provision against",
        "Penalty": "kind term",
        "Figure": "measure unit of low best high qualifier as_given asserted_by per "
        "range_meaning joined_by relayed_by citations",
    }.items()
}


def _shown(cls: type) -> frozenset[str]:
    for klass in cls.__mro__:  # a subclass shows what its record or part class shows
        if klass.__name__ in SHOWN:
            return SHOWN[klass.__name__]
        if klass.__name__ in PART_SHOWN:
            return PART_SHOWN[klass.__name__]
    return _EVERY_KIND if hasattr(cls, "kind_name") else frozenset()


def other_fields(value: Record | Part) -> list[tuple[str, Any]]:
    """The fields of a record or part that have a value and no place of their own on its
    cards, as (label, value): the generic rows at the end of a record's card, and what
    follows a part (:func:`part_more`).

    >>> import rightsdata
    >>> other_fields(rightsdata.load().get("place:almaty"))
    []
    """
    shown = _shown(type(value))
    return [
        (field.name.replace("_", " "), held)
        for field in attrs.fields(type(value))
        if field.name not in shown and not _empty(held := getattr(value, field.name))
    ]


def part_more(part: Part, name: Callable[[str], str]) -> str:
    """What both cards add after a part (a charge, a figure, an alias...): its fields that
    have a value and no words of its renderers' (:data:`PART_SHOWN`), as ``label value``
    joined by ``; `` (:func:`value_text`; ``name`` turns a record ID into a name), or ``''``.

    >>> part_more(Citation(source="source:a", locator="p. 3"), str)
    ''
    """
    return "; ".join(f"{label} {value_text(held, name)}" for label, held in other_fields(part))


def _empty(value: object) -> bool:
    return value is None or value == () or value == ""


def value_text(value: Any, name: Callable[[str], str]) -> str:
    """Any field's value in plain words; ``name`` turns a record ID into a name.

    >>> value_text(("person:a", EDTF("2012-10")), lambda i: i.upper())
    'PERSON:A; October 2012 (2012-10)'
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, EDTF):
        return f"{describe_date(value, brief=True)} ({value.text})"
    if isinstance(value, Duration):
        return f"{duration_text(value)} ({format_duration(value)})"
    if isinstance(value, enum.Enum):
        return term(value.value)
    if isinstance(value, str):
        return name(value) if ":" in value and is_valid_id(value) else value
    if isinstance(value, int | float):
        return f"{value:,}"
    if isinstance(value, tuple):
        return "; ".join(value_text(item, name) for item in value if not _empty(item))
    if attrs.has(type(value)):
        return ", ".join(
            f"{field.name.replace('_', ' ')} {value_text(item, name)}"
            for field in attrs.fields(type(value))
            if not _empty(item := getattr(value, field.name))
        )
    return str(value)
