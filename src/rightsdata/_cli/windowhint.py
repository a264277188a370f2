"""The options people reach for to give a date window, and the ``--between`` to write
instead (internal): a spelling match sends ``--from`` to ``--format`` and ``--date`` to
``--data``, so these are known by name, before any spelling match is tried.

Every ``--between`` told is one ``rightsdata events`` takes (its own check runs on it), and
a word is copied into it only if it is a date: else the form is given with its placeholders.

>>> window_hint(["--from", "2022-01", "--to", "2022-02"], ["events", "--from", "2022-01",
...     "--to", "2022-02"], "events", ["--between"])
"the window option is --between START/END (both sides included, '..' for an open side): \
--between 2022-01/2022-02"
>>> window_hint(["2022-02"], ["events", "--between", "2022-01", "2022-02"], "events",
...     ["--between"])
'--between takes one value, a date or START/END: --between 2022-01/2022-02'
>>> window_hint(["--before", "2012"], ["events", "--before", "2012"], "events", ["--between"])
"the window option is --between START/END (both sides included, '..' for an open side): \
--between ../2011 (before 2012)"
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Final, Literal

__all__ = ["WINDOW_ALIASES", "window_hint"]

#: What the date of an option people write for a window gives: the ``start`` or ``end`` of
#: ``--between``, a bound the window excludes (``after``, ``before``: the side is the next
#: or the previous year, month or day), or ``both`` (the window is the date itself).
WINDOW_ALIASES: Final[dict[str, Literal["start", "end", "after", "before", "both"]]] = {
    "--from": "start",
    "--since": "start",
    "--after": "after",
    "--start": "start",
    "--to": "end",
    "--until": "end",
    "--till": "end",
    "--before": "before",
    "--end": "end",
    "--date": "both",
    "--on": "both",
    "--in": "both",
    "--year": "both",
    "--when": "both",
    "--during": "both",
    "--dates": "both",
    "--window": "both",
}

_OPEN: Final = ".."
_SIDES: Final = f"both sides included, '{_OPEN}' for an open side"
_FORM: Final = f"the window option is --between DATE or START/END ({_SIDES})"


def _words(words: Sequence[str]) -> list[str]:
    """The first of ``words`` that are no option: the date a shell split at its spaces
    (``2012 to 2013``, ``2012-01 - 2012-03``), a dash alone among them."""
    taken: list[str] = []
    for word in words:
        if word.startswith("-") and word.strip("-\u2013\u2014"):
            break
        taken.append(word)
    return taken


def _given(extras: Sequence[str]) -> dict[str, str]:
    """The window aliases among ``extras`` and the dates given with them (``--from 2022``,
    ``--from=2022``; the words after it, which may write a span: ``--date 2012 to 2013``);
    "" where none follows."""
    found: dict[str, str] = {}
    for i, word in enumerate(extras):
        name, equals, value = word.partition("=")
        if name not in WINDOW_ALIASES:
            continue
        if not equals:
            value = " ".join(_words(extras[i + 1 :]))
        found.setdefault(name, value)
    return found


def _span(text: str) -> str | None:
    """The window ``START/END`` that ``text``, a span in words or a range, writes
    (``2012 to 2013``, ``2012-01..2012-03``: ``2012-01/2012-03``); None if it is none."""
    from rightsdata._values.dates import is_edtf
    from rightsdata._values.datewords import span_of

    sides = span_of(text, is_edtf)
    if sides is None or not all(side == "" or _is_date(side) for side in sides):
        return None
    return "/".join(side or _OPEN for side in sides)


def _reads(text: str) -> bool:
    """Whether EDTF reads ``text``."""
    from rightsdata._values.dates import is_edtf

    return is_edtf(text)


def _is_date(text: str) -> bool:
    """Whether ``text`` is one date (not an interval or a set), as a side of a window."""
    from rightsdata._values.dates import EDTF, EDTFError

    try:
        date = EDTF.parse(text)
    except EDTFError:
        return False
    return not (date.is_interval or date.is_set)


def _step(text: str, by: Literal[-1, 1]) -> str | None:
    """The year, month or day just before (``by`` -1) or after (1) the date ``text``, at its
    precision (a season: the month before or after it); None for another date (qualified,
    an interval) or beyond the years 0001-9999."""
    from rightsdata._values.calendarwords import SEASON_MONTHS

    if re.fullmatch(r"\d{4}", text) and _is_date(text):
        year = int(text) + by
        return f"{year:04}" if 1 <= year <= 9999 else None
    if re.fullmatch(r"\d{4}-\d{2}", text) and _is_date(text):
        year, month = int(text[:4]), int(text[5:])
        if month in SEASON_MONTHS:
            month = SEASON_MONTHS[month][0 if by < 0 else 1]
        year, index = divmod(year * 12 + month - 1 + by, 12)
        return f"{year:04}-{index + 1:02}" if 1 <= year <= 9999 else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and _is_date(text):
        try:
            return (datetime.date.fromisoformat(text) + datetime.timedelta(days=by)).isoformat()
        except OverflowError:
            return None
    return None


def _checked(window: str) -> str | None:
    """Why ``rightsdata events --between WINDOW`` is refused (``the start '2013' is after
    the end '2012'``), or None if it is taken."""
    from rightsdata._cli.commands.events import _window
    from rightsdata._cli.exits import UsageError

    try:
        _window(window)
    except UsageError as error:
        return str(error).removeprefix(f"--between {window!r}: ")
    return None


def _given_between(argv: Sequence[str]) -> str | None:
    """The value of the ``--between`` in ``argv``, if one is given."""
    for i, word in enumerate(argv):
        if word.startswith("--between="):
            return word.partition("=")[2]
        if word == "--between" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def _between(given: dict[str, str], argv: Sequence[str]) -> tuple[str, str] | None:
    """The ``--between`` value the aliases given mean (with the ``--between`` already in
    ``argv``, if it is one date or START/END: ``--between 2012 --to 2013`` is 2012/2013), and
    what was asked ("before 2012", or ""); None where a value is missing or is no date."""
    start = end = None
    asked = ""
    for name, value in given.items():
        side = WINDOW_ALIASES[name]
        if side == "both" and _reads(value):  # (the window itself: one date or START/END)
            return value, ""
        spanned = _span(value)  # (a span: --date 2012-01..2012-03, --from 2012 to 2013)
        if spanned is not None and (side == "both" or " " in value):
            return spanned, ""
        value = value.partition(" ")[0]  # (its date: the words after it are none of it)
        if side == "both":
            return (value, "") if _reads(value) else None
        if not _is_date(value):
            return None
        if side in ("after", "before"):
            moved = _step(value, 1 if side == "after" else -1)
            if moved is None:
                return None
            asked = f"{side} {value}"
            value = moved
        if side in ("start", "after"):
            start = value
        else:
            end = value
    already = _given_between(argv)
    if already is not None and (start is None or end is None):
        first, slash, last = already.partition("/")
        if not slash:  # (one date: the side the aliases do not give)
            first = last = already
        if _is_date(first) or first in ("", _OPEN):
            start = start or first or None
        if _is_date(last) or last in ("", _OPEN):
            end = end or last or None
    return f"{start or _OPEN}/{end or _OPEN}", asked


def _after_between(extras: Sequence[str], argv: Sequence[str]) -> str | None:
    """What to tell where the first of ``extras`` is a word that follows ``--between``'s
    value (``--between 2022-01 2022-02``): ``--between START/END`` if both are dates that
    make a window, else the form; None if it follows no ``--between``."""
    if not extras or _words(extras[:1]) != extras[:1]:
        return None
    stray = extras[0]
    for i, word in enumerate(argv):
        if word.startswith("--between=") and argv[i + 1 : i + 2] == [stray]:
            first, after = word.partition("=")[2], i + 1
        elif word == "--between" and list(argv[i + 2 : i + 3]) == [stray]:
            first, after = argv[i + 1], i + 2
        else:
            continue
        said = "--between takes one value, a date or START/END"
        following = _words(argv[after:])
        if following != list(extras[: len(following)]):
            following = [stray]
        # (a span the shell split at its spaces: --between 2012 to 2013; else two dates)
        value = _span(" ".join([first, *following])) if following[1:] else None
        if value is None and _is_date(first) and _is_date(stray):
            value = f"{first}/{stray}"
        if value is None:
            return f"{said} ({_SIDES})"
        refused = _checked(value)
        if refused is not None:  # (the start after the end)
            return f"{said}; {refused}"
        return f"{said}: --between {value}"
    return None


def window_hint(
    extras: Sequence[str], argv: Sequence[str], command: str, options: Sequence[str]
) -> str | None:
    """What to tell of ``extras`` (the words the command did not take, of ``argv``) that
    give a date window by another name: the ``--between`` to write, or where ``command``
    takes no window, that ``rightsdata events`` does. None if they give none."""
    if "--between" in options:
        told = _after_between(extras, list(argv))
        if told is not None:
            return told
    given = _given(extras)
    if not given:
        return None
    found = _between(given, argv if "--between" in options else ())
    written = asked = refused = None
    if found is not None:
        value, asked = found
        refused = _checked(value)
        written = None if refused else f"--between {value}" + (f" ({asked})" if asked else "")
    if "--between" not in options:
        example = written or "--between DATE or START/END"
        return f"rightsdata {command} takes no dates; rightsdata events takes a window: {example}"
    if refused is not None:
        return f"{_FORM}; {refused}"
    if written is None:
        return _FORM
    if "/" not in written:
        return f"the window option is --between: {written}"
    return f"the window option is --between START/END ({_SIDES}): {written}"
