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

import datetime
import re
import threading
from collections.abc import Callable
from typing import Final

from rightsdata._values.calendarwords import MONTH_NAMES, SEASON_NAMES

__all__ = ["date_words"]

_MONTHS: Final = {
    spelt: number
    for number, name in enumerate((name.casefold() for name in MONTH_NAMES), start=1)
    for spelt in {name, name[:3], *(("sept",) if number == 9 else ())}
}
#: Each season's name, and "fall", by its EDTF code.
_SEASONS: Final = {name: code for code, name in SEASON_NAMES.items()} | {"fall": 23}

_ORDINAL: Final = r"(?:st|nd|rd|th)?"
_MONTH_YEAR: Final = re.compile(r"([a-z]+)\.?,?\s+(\d{4})")
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
            return f"{year}-{_MONTHS[name]:02}"
        if name in _SEASONS:
            return f"{year}-{_SEASONS[name]}"
        return None
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        if found := pattern.fullmatch(words):
            day, name, year = (found.group(i + 1) for i in order)
            if name not in _MONTHS:
                return None
            try:
                return datetime.date(int(year), _MONTHS[name], int(day)).isoformat()
            except ValueError:
                return None
    return None


def _sides(first: str, second: str, reads: Reads) -> tuple[str, str] | None:
    """Both sides as EDTF (either may be empty: open), or None."""
    a = _edtf(first, reads) if first else ""
    b = _edtf(second, reads) if second else ""
    if a is None or b is None or not (a or b):
        return None
    return a, b


def date_words(text: str, reads: Reads) -> str | None:
    """What to tell of ``text``, a date EDTF does not read (see :func:`_date_words`);
    ``reads`` tells whether EDTF reads a text."""
    if getattr(_READING, "on", False):
        return None
    _READING.on = True
    try:
        return _date_words(text, reads)
    finally:
        _READING.on = False


def _date_words(text: str, reads: Reads) -> str | None:
    """What to tell of ``text``, a date EDTF does not read, if it is a common English or
    spreadsheet form: the EDTF to write. None for anything else.

    >>> from rightsdata._values.dates import is_edtf
    >>> print(date_words("8 October 2012", is_edtf))
    EDTF writes a day in digits, year first: 2012-10-08
    >>> print(date_words("2012-2013", is_edtf))
    EDTF writes a span as an interval START/END: 2012/2013 (or [2012..2013] for one day within it)
    >>> print(date_words("early 2012", is_edtf))
    EDTF has no 'early': write the year, 2012 (some day of it), or the months meant as an \
interval, such as 2012-01/2012-04
    >>> print(date_words("1990s", is_edtf))
    EDTF writes a decade as an interval: 1990/1999 (or [1990..1999] for one year within it)
    """
    words = " ".join(text.split())
    written = _edtf(words, reads)
    if written is not None and written != words:
        kind = "a month" if len(written) == 7 else "a day"
        if int(written[5:7]) in SEASON_NAMES:
            return f"EDTF writes a season as YYYY-21..24 (spring to winter): {written}"
        return f"EDTF writes {kind} in digits, year first: {written}"
    folded = words.casefold()
    for pattern, mark, meaning in ((_ABOUT, "~", "about"), (_UNCERTAIN, "?", "uncertain")):
        if found := pattern.fullmatch(folded):
            rest = words[found.start(found.lastindex or 1) :]
            inner = _edtf(rest, reads)
            said = f"EDTF writes {meaning!r} as {mark} after the date"
            if inner is not None and inner.count("/") == 1 and "[" not in inner:
                marked = [
                    f"{side}{mark}" if side not in ("", "..") else side for side in inner.split("/")
                ]
                return f"{said}, on each side of an interval: {'/'.join(marked)}"
            if inner is not None and inner[-1:] in "?~%" and inner[:1] != "[":
                # already qualified: ? and ~ together are EDTF's %
                both = inner[:-1] + (inner[-1] if inner[-1] == mark else "%")
                return f"{said}, and both as %: {both}" if both[-1] == "%" else f"{said}: {both}"
            if inner is None or inner[:1] == "[":
                return f"{said} (for example: 2012{mark})"
            return f"{said}: {inner}{mark}"
    if "/" not in words and "[" not in words and (found := _RANGE.fullmatch(words)):
        first, second = found.groups()
        sides = _sides(first, second, reads)
        if sides is not None:
            a, b = sides
            interval = f"{a or '..'}/{b or '..'}"
            return (
                f"a range A..B is written in a set's brackets: [{a}..{b}] (one day within it), "
                f"or an interval {interval} (the whole span)"
            )
    if found := _SPAN.fullmatch(folded):
        pairs = [found.group(i) for i in range(1, 7)]
        first, second = next((pairs[i], pairs[i + 1]) for i in (0, 2, 4) if pairs[i])
        start = folded.index(first)
        first = words[start : start + len(first)]
        second = words[len(words) - len(second) :]
        sides = _sides(first, second, reads)
        if sides is not None and all(sides):
            a, b = sides
            return (
                f"EDTF writes a span as an interval START/END: {a}/{b} "
                f"(or [{a}..{b}] for one day within it)"
            )
    if found := _PART.fullmatch(folded):
        part, year = found.groups()
        months = {"early": "01/{y}-04", "beginning of": "01/{y}-03", "start of": "01/{y}-03"}
        months |= {"mid": "05/{y}-08", "middle": "05/{y}-08", "late": "09/{y}-12"}
        months |= {"end of": "10/{y}-12"}
        span = f"{year}-" + months[part].format(y=year)
        return (
            f"EDTF has no {part!r}: write the year, {year} (some day of it), or the months "
            f"meant as an interval, such as {span}"
        )
    if found := _DECADE.fullmatch(folded):
        head, last = found.groups()
        decade = f"{head}0/{head}9 (or [{head}0..{head}9] for one year within it)"
        if last == "0":
            return f"EDTF writes a decade as an interval: {decade}"
        return f"EDTF has no plural years: write the year, {head}{last}, or a decade, {decade}"
    return None
