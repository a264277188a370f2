"""Terminal columns (internal): how wide a text shows, and how much of it fits.

Imported where text is laid out for a terminal (lists, cards, reprs, plots' labels), not by
``import rightsdata``: it needs :mod:`unicodedata` for the characters outside the blocks
whose every character takes one column.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from functools import cache
from typing import Final

__all__ = ["MAX_WIDTH", "MIN_WIDTH", "display_width", "fit", "terminal_columns"]

#: The widest a card or list is drawn, however wide the terminal: long lines are hard to read.
MAX_WIDTH: Final = 96
#: The narrowest: below it, labels and values no longer fit side by side.
MIN_WIDTH: Final = 40


def terminal_columns(width: int | None = None) -> int:
    """``width`` if given, else the terminal's (``$COLUMNS``, else 80), kept within
    :data:`MIN_WIDTH` and :data:`MAX_WIDTH` (``rightsdata.textcard.terminal_width``; here for
    the command line's help, which must not import the cards).

    >>> terminal_columns(200), terminal_columns(10), terminal_columns(72)
    (96, 40, 72)
    """
    columns = width if width is not None else shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for an East Asian wide or fullwidth
    character (CJK, Hangul, fullwidth forms: ``unicodedata.east_asian_width`` W or F), none
    for a combining mark (it sits on the character before it) or a direction isolate (U+2066
    to U+2069, which the displays put around a right-to-left name: it is not drawn), one for
    any other. The one measure of every width the library fits text to (lists, cards, reprs).

    >>> display_width("Kozlov"), display_width("北京"), display_width("Kozlo\u0301v")
    (6, 4, 6)
    """
    if _one_column_each(text):
        return len(text)
    return sum(map(_char_width, text))


def fit(text: str, columns: int) -> int:
    """How many characters of ``text``, from its start, fit in ``columns``: never half of a
    wide character, and a combining mark always with the character it sits on.

    >>> text = "北京 Kozlo\u0301v"
    >>> fit(text, 3), fit(text, 10), text[: fit(text, 10)] == "北京 Kozlo\u0301"
    (1, 9, True)
    """
    if _one_column_each(text):
        return min(len(text), max(columns, 0))
    used = 0
    for index, width in enumerate(map(_char_width, text)):
        used += width
        if used > columns:
            return index
    return len(text)


#: Any character outside the blocks whose every character takes one column: Latin (and
#: the controls, which a shown text has as escapes: :func:`printable`), Cyrillic but its
#: combining marks, and general punctuation (dashes, quotes, the ellipsis).
#: tests/display/test_textcard.py checks those blocks character by character.
_NOT_SURELY_ONE: Final = re.compile(
    "[^\x00-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]"
)


def _one_column_each(text: str) -> bool:
    """Whether every character of ``text`` surely takes one column: the fast path for the
    texts most lists show (thousands of rows), ASCII or Latin, Cyrillic, punctuation."""
    return text.isascii() or _NOT_SURELY_ONE.search(text) is None


@cache
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0
    if "\u2066" <= char <= "\u2069":  # a direction isolate (around a right-to-left name)
        return 0  # is not drawn
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
