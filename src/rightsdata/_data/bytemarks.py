"""The UTF-8 byte-order marks at the start of a file (internal: the one rule every reader of
a user's file follows, worked out by :func:`unmarked`).

Some editors start a file they save as UTF-8 with U+FEFF, the bytes EF BB BF, an invisible
character; a spreadsheet's "CSV UTF-8" does too. A file read with its mark as text, then saved
with one again, starts with two (white space may stand between them). Every reader reads past
all the marks at the start: a load reports them as one problem that says how many (JSON allows
none), beside every other problem of the file, which it reads still
(:mod:`rightsdata._data.loading`); ``rightsdata fmt`` rewrites the file without them; the CSV
tables of an export, and the files an export writes beside them, may have them. A mark after
the first character that is not one, nor white space, is text, and each reader says what it
says of any other character there. In CSV a space or a line end is data: a CSV table's marks
are those one after the other (``spaced=False``), and a mark after white space is text, which
its reader tells in words (:func:`after_white_space`).

>>> unmarked(b"\\xef\\xbb\\xbf[]")
(b'[]', 1)
>>> unmarked(b"\\xef\\xbb\\xbf\\n\\xef\\xbb\\xbf[]")
(b'\\n[]', 2)
>>> unmarked(b' \\xef\\xbb\\xbf[]')
(b' \\xef\\xbb\\xbf[]', 0)
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["BOM", "after_white_space", "consecutive", "left_where", "unmarked"]

#: The UTF-8 byte-order mark: U+FEFF encoded.
BOM: Final = b"\xef\xbb\xbf"
#: The marks at the start, and JSON's white space (four characters, not all of ``\s``)
#: between and after them: one match in C (a file of a million marks was a million matches
#: in a loop), as a mark begins with a byte no white space is, so nothing backtracks.
_SPACED: Final = re.compile(rb"(?:\xef\xbb\xbf[ \t\n\r]*)+")
#: The marks at the start one after the other, with nothing between (CSV's rule).
_CONSECUTIVE: Final = re.compile(rb"(?:\xef\xbb\xbf)+")
#: The bytes of marks (and white space) at the start, a run of single bytes, which the regex
#: engine matches 4 times as fast as a repeated group: exact where, the marks taken out, it
#: leaves no other byte.
_BYTES: Final = {
    True: re.compile(rb"[\xef\xbb\xbf \t\n\r]*"),
    False: re.compile(rb"[\xef\xbb\xbf]*"),
}
_WHITE: Final = b" \t\n\r"
_SPACE: Final = re.compile(rb"[ \t\n\r]*")


def unmarked(data: bytes, *, spaced: bool = True) -> tuple[bytes, int]:
    """``data`` without the byte-order marks at its start, and how many it had: a mark, and
    each after it with only white space between (``spaced``, JSON's rule, where white space
    is no data), or with nothing between (not ``spaced``, CSV's rule: a space or a line end
    is data there, and a mark after it is text). The white space is kept, so that every line
    keeps its number. A file without a mark costs one ``startswith`` (no pass over its
    bytes), and is given back as it is.

    >>> unmarked(b"\\xef\\xbb\\xbf \\xef\\xbb\\xbf\\xef\\xbb\\xbf{}")
    (b' {}', 3)
    >>> unmarked(b"\\xef\\xbb\\xbf \\xef\\xbb\\xbfid", spaced=False)
    (b' \\xef\\xbb\\xbfid', 1)
    """
    if not data.startswith(BOM):
        return data, 0
    end, kept = _run(data, spaced)
    return kept + data[end:], (end - len(kept)) // len(BOM)


def consecutive(data: bytes) -> int:
    """How many marks ``data`` starts with one after the other, nothing between.

    >>> consecutive(b"\\xef\\xbb\\xbf\\xef\\xbb\\xbf \\xef\\xbb\\xbf[]")
    2
    """
    return _run(data, False)[0] // len(BOM) if data.startswith(BOM) else 0


def _run(data: bytes, spaced: bool) -> tuple[int, bytes]:
    """Where the run of marks (and white space, ``spaced``) at the start of ``data`` ends,
    and its white space."""
    end = _BYTES[spaced].match(data).end()  # type: ignore[union-attr]  # (``*``: always)
    kept = data[:end].replace(BOM, b"")
    if kept.strip(_WHITE) if spaced else kept:  # (a byte of a mark, not in one)
        end = (_SPACED if spaced else _CONSECUTIVE).match(data).end()  # type: ignore[union-attr]
        kept = data[:end].replace(BOM, b"")
    return end, kept


def after_white_space(data: bytes) -> bool:
    """Whether ``data``, past the marks CSV reads past (:func:`unmarked`, not ``spaced``),
    holds a mark after the white space it starts with: a mark a spreadsheet would not read
    as one, and so text, which the file meant as a mark.

    >>> after_white_space(b"\\n\\xef\\xbb\\xbfid"), after_white_space(b"id")
    (True, False)
    """
    space = _SPACE.match(data)
    return space is not None and space.end() > 0 and data.startswith(BOM, space.end())


def left_where(data: bytes) -> str:
    """Where the marks after the first stand in ``data``, which starts with two or more
    (:func:`unmarked`, ``spaced``), once it is saved without a BOM (which drops the first
    only): ``'at its start'`` where they follow it with nothing between, else on which line
    or lines, before which character.

    >>> left_where(b"\\xef\\xbb\\xbf\\xef\\xbb\\xbf\\n[]")
    'at its start'
    >>> left_where(b"\\xef\\xbb\\xbf\\r\\n\\xef\\xbb\\xbf\\n[]")
    'at the start of line 2, before its first `[`'
    >>> left_where(b"\\xef\\xbb\\xbf \\xef\\xbb\\xbf\\n\\xef\\xbb\\xbf{}")
    'on lines 1 to 2, before its first `{`'
    """
    end = _run(data, True)[0]
    last = data.rfind(BOM, 0, end)
    if last + len(BOM) == consecutive(data) * len(BOM):
        return "at its start"
    first = data.find(BOM, len(BOM))
    first_line, last_line = data.count(b"\n", 0, first) + 1, data.count(b"\n", 0, last) + 1
    if first_line != last_line:
        where = f"on lines {first_line} to {last_line}"
    elif first_line > 1 and data.rfind(b"\n", 0, first) + 1 == first:
        where = f"at the start of line {first_line}"
    else:
        where = f"on line {first_line}"
    byte = data[end : end + 1]
    if not byte:  # (nothing but marks and white space)
        return where
    character = f"`{byte.decode()}`" if b"!" <= byte <= b"~" else "other character"
    return f"{where}, before its first {character}"
