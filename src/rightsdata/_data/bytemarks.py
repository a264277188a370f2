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
says of any other character there.

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

__all__ = ["BOM", "unmarked"]

#: The UTF-8 byte-order mark: U+FEFF encoded.
BOM: Final = b"\xef\xbb\xbf"
#: JSON's white space (four characters, not all of ``\s``), which may stand between marks.
_SPACE: Final = re.compile(rb"[ \t\n\r]*")


def unmarked(data: bytes) -> tuple[bytes, int]:
    """``data`` without the byte-order marks at its start, and how many it had: a mark, and
    each after it with only white space between. The white space is kept, so that every
    line keeps its number. A file without a mark costs one ``startswith`` (no pass over its
    bytes), and is given back as it is.

    >>> unmarked(b"\\xef\\xbb\\xbf \\xef\\xbb\\xbf\\xef\\xbb\\xbf{}")
    (b' {}', 3)
    """
    if not data.startswith(BOM):
        return data, 0
    marks = at = end = 0  # (end: just past the last mark; at: past the white space after it)
    while data.startswith(BOM, at):
        marks += 1
        end = at + len(BOM)
        space = _SPACE.match(data, end)
        at = end if space is None else space.end()
    return data[:end].replace(BOM, b"") + data[end:], marks
