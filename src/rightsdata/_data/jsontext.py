"""Where and why a file is not JSON, in words for its author (internal): the line and
column, the record it falls in, and the likely cause (a trailing comma, a comment, single
quotes, a file saved as Latin-1) rather than Python's bare message. Used only once a parse
has failed, so each function reads the text again as it likes.

>>> text = '[{"id": "person:a"},\\n {"id": "person:b"},\\n]'
>>> import json
>>> try:
...     json.loads(text)
... except json.JSONDecodeError as error:
...     print(syntax_message(text, error.pos, error.msg))
is not valid JSON at line 2 column 20 (after [1]): a comma after the last item (a trailing \
comma), which JSON does not allow: remove it
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "constant_position",
    "long_number_position",
    "not_utf8_message",
    "place",
    "repeated_key_position",
    "syntax_message",
]

#: A JSON string (unrolled: no backtracking), or one of the structural characters.
_TOKENS: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')
_STRING: Final = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_CONSTANT: Final = re.compile(f"{_STRING}|(-?Infinity|NaN)")

#: Python's messages, said for a data file's author.
_SAID: Final = {
    "Extra data": "more text follows the end of the JSON value (a file holds one; JSON Lines, "
    "one record a line, is named .jsonl)",
    "Invalid control character at": "a raw control character (a tab or a line break) inside "
    "a string: write it as \\t or \\n",
    "Unterminated string starting at": 'a string that never ends (a missing closing ")',
    "Expecting ',' delimiter": "expected a comma (,) between two items, or the end of the list "
    "or object",
    "Expecting ':' delimiter": "expected a colon (:) after a key",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Expecting value": "expected a value (an object, a list, a string in double quotes, a "
    "number, true, false or null)",
}


def line_column(text: str, pos: int) -> str:
    """``line 4 column 74`` of the character at ``pos`` (both counted from 1)."""
    line = text.count("\n", 0, pos) + 1
    return f"line {line} column {pos - text.rfind(chr(10), 0, pos)}"


def place(text: str, pos: int, *, one_line: bool = False) -> str:
    """Where ``pos`` is in ``text``: ``line 4 column 74``, and the record it falls in where
    the text is a list of records (``in [3]``) or an object of lists (``in persons[3]``);
    only ``column 74`` if ``one_line`` (a JSON Lines line, whose number is said already)."""
    if one_line:
        return f"column {pos + 1}"
    where = line_column(text, pos)
    item = _item_at(text, pos)
    if item.startswith("after "):
        return f"{where} ({item})"
    return f"{where} (in {item})" if item else where


def _item_at(text: str, pos: int) -> str:
    """The item of the outer list (``[3]``), or of a list under a key of the outer object
    (``persons[3]``), or the outer object's key (``name``), that ``pos`` falls within; or
    the item a comma of the outer list follows (``after [3]``); '' where it falls in none."""
    stack: list[list[object]] = []  # [opener, index in a list, key in an object]
    for match in _TOKENS.finditer(text, 0, pos):
        token = match.group()
        if token in "[{":
            stack.append([token, 0, None])
        elif token in "]}":
            if stack:
                stack.pop()
        elif token == ",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] = int(str(stack[-1][1])) + 1
            elif stack:
                stack[-1][2] = None
        elif stack and stack[-1][0] == "{" and stack[-1][2] is None:
            stack[-1][2] = token[1:-1]  # (a key: the first string of an object's pair)
    if len(stack) < 2:
        outer = stack[0] if stack else None
        if outer is not None and outer[0] == "[" and text[pos : pos + 1] == ",":
            return f"after [{outer[1]}]"  # (the comma that follows that item)
        return str(outer[2]) if outer is not None and outer[0] == "{" and outer[2] else ""
    outer, inner = stack[0], stack[1]
    if outer[0] == "[":
        return f"[{outer[1]}]"
    if inner[0] == "[" and len(stack) >= 3:
        return f"{outer[2]}[{inner[1]}]"
    return str(outer[2] or "")


def _prior(text: str, pos: int) -> int:
    """The position of the last character before ``pos`` that is not white space, or -1."""
    pos -= 1
    while pos >= 0 and text[pos] in " \t\r\n":
        pos -= 1
    return pos


def _next(text: str, pos: int) -> int:
    """The position of the first character from ``pos`` on that is not white space."""
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def syntax_message(text: str, pos: int, msg: str, *, one_line: bool = False) -> str:
    """What to say of ``text``, which Python's parser refused at ``pos`` with ``msg``: where
    (:func:`place`), and why in words, with the likely cause where there is one."""
    at = _next(text, pos)
    ahead = text[at : at + 2]
    comma = _prior(text, at)
    if ahead[:1] == "," and text[_next(text, at + 1) : _next(text, at + 1) + 1] in ("]", "}"):
        comma = at  # (Python 3.13 says "Illegal trailing comma" at the comma)
    if ahead[:1] in (",", "]", "}") and ahead and comma >= 0 and text[comma] == ",":
        why = "a comma after the last item (a trailing comma), which JSON does not allow: remove it"
        return f"is not valid JSON at {place(text, comma, one_line=one_line)}: {why}"
    if ahead in ("//", "/*") or ahead[:1] == "#":
        why = "JSON has no comments: remove the comment"
    elif ahead[:1] == "'":
        why = 'JSON writes strings and keys in double quotes ("), not single ones'
    elif text.startswith(("True", "False", "None"), at):
        why = "JSON writes true, false and null in lowercase (Python's None is null)"
    elif at >= len(text):
        why = "the text ends too soon (the file may be cut short)"
    else:
        why = _SAID.get(msg, msg)
    return f"is not valid JSON at {place(text, at, one_line=one_line)}: {why}"


def constant_position(text: str) -> int:
    """The position of the first NaN or Infinity outside a string in ``text``, or -1."""
    for match in _CONSTANT.finditer(text):
        if match.group(1):
            return match.start(1)
    return -1


def long_number_position(text: str, digits: int) -> int:
    """The position of the first number of more than ``digits`` digits outside a string in
    ``text``, or -1."""
    pattern = re.compile(f"{_STRING}|([0-9]{{{digits + 1},}})")
    for match in pattern.finditer(text):
        if match.group(1):
            return match.start(1)
    return -1


_KEYS: Final = re.compile(f"({_STRING})\\s*:|{_STRING}|[\\[\\]{{}}]")


def repeated_key_position(text: str) -> int:
    """The position of the first key that repeats one of its object's in ``text``, or -1.

    >>> repeated_key_position('[{"a": 1, "b": {"a": 2}, "a": 3}]')
    25
    """
    import json

    stack: list[set[str] | None] = []  # an object's keys so far; None for a list
    for match in _KEYS.finditer(text):
        token = match.group()
        if token in ("{", "["):
            stack.append(set() if token == "{" else None)
        elif token in ("}", "]"):
            if stack:
                stack.pop()
        elif match.group(1) is not None and stack and stack[-1] is not None:
            key = json.loads(match.group(1))  # (escapes read as the parser reads them)
            if key in stack[-1]:
                return match.start()
            stack[-1].add(key)
    return -1


def not_utf8_message(data: bytes, start: int) -> str:
    """What to say of ``data`` whose byte at ``start`` is not UTF-8: where, and the encoding
    the file seems to be in (Windows-1252, of which Latin-1 is nearly all) if it reads as
    one.

    >>> print(not_utf8_message("[{\\"name\\": \\"Andr\\u00e9\\"}]".encode("latin-1"), 15))
    is not UTF-8: byte 0xe9 at line 1 column 16 ('é' in Windows-1252); it seems to be \
Latin-1 or Windows-1252: save it as UTF-8
    """
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    line = data.count(b"\n", 0, start) + 1
    said = f"is not UTF-8: byte {data[start]:#04x} at line {line} column {column}"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return f"{said}; save it as UTF-8"
    character = data[start : start + 1].decode("cp1252")
    return (
        f"{said} ({character!r} in Windows-1252); it seems to be Latin-1 or Windows-1252: "
        "save it as UTF-8"
    )
