"""A file's bytes as text, or the problem of their encoding (internal): UTF-16 or UTF-32
with or without its byte-order mark, or bytes that are not UTF-8, told where and with the
encoding they seem to be in (:func:`rightsdata._data.jsontext.not_utf8_message`) and the
command that converts them. Every reader of a file that must be UTF-8 (a dataset's JSON, an
export's CSV tables read back) tells it in these words.
"""

from __future__ import annotations

import re
from typing import Final

from rightsdata._data.bytemarks import BOM
from rightsdata._values.errors import Problem, ProblemCode

__all__ = ["decode_text", "not_utf8_line"]

_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")  # (a spreadsheet's "Unicode text")
#: UTF-32's marks, little-endian and big-endian: looked for before UTF-16's, since the first
#: starts with UTF-16's little-endian mark (a UTF-16 file's first character, after its mark,
#: is never U+0000 in JSON or CSV text).
_UTF32_BOMS: Final = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
#: What a file in a wide encoding without a mark shows of its ASCII characters' bytes.
_ZEROS: Final = {
    "UTF-16": "every other byte is 0, as each ASCII character's other byte",
    "UTF-32": "three of every four bytes are 0, as each ASCII character's other three",
}


def decode_text(
    data: bytes,
    label: str,
    *,
    empty: bool,
    skip: int | None = 0,
    starts: tuple[str, ...] = ("{", "["),
) -> tuple[str, Problem | None]:
    """``data``, which starts with no UTF-8 byte-order mark, as text, or the problem that it
    is not UTF-8 (or is empty, unless ``empty``). ``skip``: the bytes of UTF-8 marks before
    ``data`` in the file, which a conversion of the file as it is reads past
    (:func:`_converting`; None: marks with white space between). ``starts``: what the text
    starts with (JSON's ``{`` or ``[``, a CSV table's first column's name), by which UTF-16
    without a byte-order mark is known.

    >>> decode_text(b"[]", "a.json", empty=False)
    ('[]', None)
    >>> print(decode_text("id,name".encode("utf-16-le"), "t.csv", empty=True, starts=("id",))[1])
    t.csv: looks like UTF-16 (little-endian) without a byte-order mark (every other byte is \
0, as each ASCII character's other byte): save it as UTF-8, converting from UTF-16LE (iconv \
-f UTF-16LE -t UTF-8)
    """
    marked = _marked(data)
    if marked is not None:
        return "", Problem(
            label,
            f"is {marked} ({_mark_said(marked, skip)}): save it as UTF-8, converting from "
            f"{marked} {_converting(marked, skip)}",
            ProblemCode.SYNTAX,
        )
    wide = _unmarked_wide(data, starts)
    if wide is not None:
        encoding, order = wide
        iconv = f"{encoding}{'LE' if order == 'little-endian' else 'BE'}"
        return "", Problem(
            label,
            f"looks like {encoding} ({order}) without a byte-order mark ({_ZEROS[encoding]}): "
            f"save it as UTF-8, converting from {iconv} {_converting(iconv, skip)}",
            ProblemCode.SYNTAX,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from rightsdata._data.jsontext import not_utf8_message

        message = not_utf8_message(data, exc.start)
        if skip != 0:
            message = _ICONV.sub(lambda m: _converting(m[1], skip)[:-1], message)
        return "", Problem(label, message, ProblemCode.SYNTAX)
    if not empty and not text.strip():
        return "", Problem(label, "is empty; expected JSON", ProblemCode.SYNTAX)
    return text, None


#: A whole file's conversion in a message of :func:`~rightsdata._data.jsontext.not_utf8_message`
#: (not one of some lines', ``... for lines 3-5``, made by hand).
_ICONV: Final = re.compile(r"\(iconv -f (\S+) -t UTF-8(?=[,)])")


def _marked(data: bytes) -> str | None:
    """The wide encoding whose byte-order mark ``data`` starts with (``"UTF-32"``,
    ``"UTF-16"``), or None.

    >>> _marked("[]".encode("utf-32")), _marked("[]".encode("utf-16")), _marked(b"[]")
    ('UTF-32', 'UTF-16', None)
    """
    if data.startswith(_UTF32_BOMS):  # (first: its little-endian mark starts as UTF-16's)
        return "UTF-32"
    if data.startswith(_UTF16_BOMS):
        return "UTF-16"
    return None


def _unmarked_wide(data: bytes, starts: tuple[str, ...]) -> tuple[str, str] | None:
    """The wide encoding (``"UTF-32"``, ``"UTF-16"``) and byte order ``data`` seems to be in
    without a byte-order mark, by the NUL bytes of its ASCII characters
    (:mod:`rightsdata._data.encodings`), or None."""
    if b"\x00" not in data[:2]:  # (no UTF-8 JSON holds a NUL: a cheap look, for valid files)
        return None
    from rightsdata._data.encodings import utf16_order, utf32_order

    order = utf32_order(data, starts)  # (first: its three 0s a character are UTF-16's one)
    if order is not None:
        return "UTF-32", order
    order = utf16_order(data, starts)
    return None if order is None else ("UTF-16", order)


def _mark_said(encoding: str, skip: int | None) -> str:
    """Where a file's byte-order mark of ``encoding`` stands: after ``skip`` bytes of UTF-8
    marks."""
    if not skip:
        return f"it starts with a {encoding} byte-order mark"
    marks = "mark" if skip == len(BOM) else "marks"
    return f"a {encoding} byte-order mark follows its UTF-8 {marks}"


def _converting(encoding: str, skip: int | None) -> str:
    """The command that converts a file from ``encoding`` to UTF-8, in parentheses: past
    the ``skip`` bytes of UTF-8 marks it starts with, which the encoding would read as text
    (three bytes out of step, for UTF-16), so that it works on the file as it is; None:
    marks with white space between, which no command as short skips (they are deleted
    first).

    >>> _converting("UTF-16", 0), _converting("UTF-16", 3)
    ('(iconv -f UTF-16 -t UTF-8)', '(tail -c +4 FILE | iconv -f UTF-16 -t UTF-8 > NEW)')
    """
    if skip is None:
        return f"(iconv -f {encoding} -t UTF-8, once the byte-order marks are deleted)"
    if not skip:
        return f"(iconv -f {encoding} -t UTF-8)"
    return f"(tail -c +{skip + 1} FILE | iconv -f {encoding} -t UTF-8 > NEW)"


def not_utf8_line(data: bytes, starts: tuple[str, ...] = ("{", "[")) -> int | None:
    """The line of the first byte of ``data`` that is not UTF-8, where :func:`decode_text`
    (given the same ``starts``) says it is not: None for a text it tells is in UTF-16 or
    UTF-32 (the whole file is, not a line of it) or one in UTF-8.

    >>> not_utf8_line(b"id\\nAndr\\xe9\\n"), not_utf8_line("id".encode("utf-16"))
    (2, None)
    >>> not_utf8_line(b"\\x00\\x00\\xfe\\xff\\x00\\x00\\x00i\\x00\\x00\\x00d")
    """
    if _marked(data) is not None or _unmarked_wide(data, starts) is not None:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data.count(b"\n", 0, error.start) + 1
    return None
