"""The options people reach for to give a date window, and the ``--between`` to write
instead (internal): a spelling match sends ``--from`` to ``--format`` and ``--date`` to
``--data``, so these are known by name, before any spelling match is tried.

>>> window_hint(["--from", "2022-01", "--to", "2022-02"], ["events", "--from", "2022-01",
...     "--to", "2022-02"], "events", ["--between"])
"the window option is --between START/END (both sides included, '..' for an open side): \
--between 2022-01/2022-02"
>>> window_hint(["2022-02"], ["events", "--between", "2022-01", "2022-02"], "events",
...     ["--between"])
'--between takes one value, a date or START/END: --between 2022-01/2022-02'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

__all__ = ["WINDOW_ALIASES", "window_hint"]

#: An option people write for a window, and the side of ``--between`` its date gives:
#: ``start``, ``end``, or ``both`` (the window is the date itself).
WINDOW_ALIASES: Final[dict[str, Literal["start", "end", "both"]]] = {
    "--from": "start",
    "--since": "start",
    "--after": "start",
    "--start": "start",
    "--to": "end",
    "--until": "end",
    "--till": "end",
    "--before": "end",
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


def _given(extras: Sequence[str]) -> dict[str, str]:
    """The window aliases among ``extras`` and the dates given with them (``--from 2022``,
    ``--from=2022``); "" where none follows."""
    found: dict[str, str] = {}
    for i, word in enumerate(extras):
        name, equals, value = word.partition("=")
        if name not in WINDOW_ALIASES:
            continue
        if not equals:
            following = extras[i + 1] if i + 1 < len(extras) else ""
            value = "" if following.startswith("-") else following
        found.setdefault(name, value)
    return found


def _between(given: dict[str, str]) -> str | None:
    """The ``--between`` the aliases given mean, or None where a date is missing."""
    start = end = None
    for name, value in given.items():
        side = WINDOW_ALIASES[name]
        if not value:
            return None
        if side == "both":
            return f"--between {value}"
        if side == "start":
            start = value
        else:
            end = value
    return f"--between {start or _OPEN}/{end or _OPEN}"


def _after_between(extras: Sequence[str], argv: Sequence[str]) -> str | None:
    """``--between START/END`` where the first of ``extras`` is a word that follows
    ``--between``'s value (``--between 2022-01 2022-02``), else None."""
    if not extras or extras[0].startswith("-"):
        return None
    stray = extras[0]
    for i, word in enumerate(argv):
        if word.startswith("--between=") and argv[i + 1 : i + 2] == [stray]:
            return f"--between {word.partition('=')[2]}/{stray}"
        if word == "--between" and list(argv[i + 2 : i + 3]) == [stray]:
            return f"--between {argv[i + 1]}/{stray}"
    return None


def window_hint(
    extras: Sequence[str], argv: Sequence[str], command: str, options: Sequence[str]
) -> str | None:
    """What to tell of ``extras`` (the words the command did not take, of ``argv``) that
    give a date window by another name: the ``--between`` to write, or where ``command``
    takes no window, that ``rightsdata events`` does. None if they give none."""
    between = _after_between(extras, list(argv))
    if between is not None and "--between" in options:
        return f"--between takes one value, a date or START/END: {between}"
    given = _given(extras)
    if not given:
        return None
    written = _between(given)
    if "--between" not in options:
        example = written or "--between 2012/2013"
        return f"rightsdata {command} takes no dates; rightsdata events takes a window: {example}"
    if written is None:
        return f"the window option is --between DATE or START/END ({_SIDES})"
    if "/" not in written:
        return f"the window option is --between: {written}"
    return f"the window option is --between START/END ({_SIDES}): {written}"
