"""Control characters: which a text may not hold, and how one is shown where it must be.

A control character says nothing in prose, and some act on the terminal that shows them:
ESC starts an escape sequence (which can clear the screen or retitle the window), a carriage
return alone sends the cursor back over the line, BEL rings. Text from a mis-decoded file
holds them too (``"\\x85"`` is a Windows "..." read as Latin-1). So a text of a record
(:class:`~rightsdata._model.fields.Text`) may hold a tab and a line feed and no other: no C0
control (U+0000 to U+001F), no DEL (U+007F), no C1 control (U+0080 to U+009F). Where one
must still be shown (a problem quoting bad input), :data:`ESCAPES` shows it as its escape.

>>> find_control("a\\x1b[2Jb"), find_control("two\\nlines,\\ta tab"), find_control("Алматы")
(1, -1, -1)
>>> name_control("\\x1b")
'U+001B'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "C1_UTF8",
    "CONTROLS",
    "CONTROL_CLASS",
    "ESCAPES",
    "HIDDEN",
    "SURROGATE_MESSAGE",
    "find_control",
    "has_surrogate",
    "name_control",
]

#: The control characters a text may not hold.
CONTROLS: Final = frozenset(
    chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n"
)
#: :data:`CONTROLS` as the inside of a regex's character class, in the escapes both Python's
#: ``re`` and JSON Schema's ECMA-262 read (the schemas' text pattern is built from it).
CONTROL_CLASS: Final = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f"
_CONTROL: Final = re.compile(f"[{CONTROL_CLASS}]")
#: The C1 controls of :data:`CONTROLS` in UTF-8 text (the bulk checks search the bytes).
C1_UTF8: Final = re.compile(b"\\xc2[\\x80-\\x9f]")
#: Characters a text may hold but that are not shown as they are to a terminal, being
#: invisible and able to mislead: the direction overrides, embeddings and isolates, which
#: reorder what a line shows ("Trojan Source": U+202A-U+202E, U+2066-U+2069), and the
#: zero-width characters that join nothing (U+200B, U+2060-U+2064, U+FEFF). The marks
#: (U+200E, U+200F, U+061C) and the joiners (U+200C, U+200D), which right-to-left and Indic
#: text and emoji need, are shown as they are.
HIDDEN: Final = frozenset(
    chr(c)
    for c in (
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200B,
        *range(0x2060, 0x2065),
        0xFEFF,
    )
)
#: For :meth:`str.translate`: each of :data:`CONTROLS` to its escape (``\\x1b``), and each
#: of :data:`HIDDEN` to its (``\\u202e``).
ESCAPES: Final = {
    **{ord(c): f"\\x{ord(c):02x}" for c in CONTROLS},
    **{ord(c): f"\\u{ord(c):04x}" for c in HIDDEN},
}


def find_control(text: str) -> int:
    """Where the first of :data:`CONTROLS` is in ``text``, or -1 if it holds none."""
    if text.isprintable():  # (every control is unprintable: most texts need no search)
        return -1
    found = _CONTROL.search(text)
    return -1 if found is None else found.start()


def name_control(character: str) -> str:
    """A character's code point as a person reads it (``U+001B``)."""
    return f"U+{ord(character):04X}"


#: What a problem of a text holding a lone surrogate says: ``json.loads`` accepts an escaped
#: one (``"\ud800"``), and a str may hold one, but no UTF-8 text can, so it could never be
#: written back.
SURROGATE_MESSAGE: Final = "contains a lone UTF-16 surrogate escape, which is not text"


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (U+D800 to U+DFFF), which UTF-8 cannot encode.

    >>> has_surrogate("Алматы"), has_surrogate("A\\udc80")
    (False, True)
    """
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # (UTF-8 encodes every other code point)
        return True
    return False
