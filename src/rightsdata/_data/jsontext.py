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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from rightsdata._values.joined import all_of

if TYPE_CHECKING:
    from rightsdata._data.encodings import LineReading

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

#: Python's message where a comma (or the end of the list or object) was due after an item.
_COMMA_DUE: Final = "Expecting ',' delimiter"
#: Python's messages, said for a data file's author.
_SAID: Final = {
    "Extra data": "more text follows the end of the JSON value (a file holds one; JSON Lines, "
    "one record a line, is named .jsonl)",
    "Invalid control character at": "a raw control character (a tab or a line break) inside "
    "a string: write it as \\t or \\n",
    "Unterminated string starting at": 'a string that never ends (a missing closing ")',
    _COMMA_DUE: "expected a comma (,) between two items, or the end of the list or object",
    "Expecting ':' delimiter": "expected a colon (:) after a key",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Expecting value": "expected a value (an object, a list, a string in double quotes, a "
    "number, true, false or null)",
    "Invalid \\uXXXX escape": "a \\u escape without four hexadecimal digits after it "
    "(\\u00e9): write them, the character itself, or a backslash as \\\\",
    "Invalid \\escape": 'a backslash that starts no escape JSON has (\\", \\\\, \\/, '
    "\\b, \\f, \\n, \\r, \\t, \\u): write a backslash itself as \\\\",
}


def line_column(text: str, pos: int) -> str:
    """``line 4 column 74`` of the character at ``pos`` (both counted from 1)."""
    line = text.count("\n", 0, pos) + 1
    return f"line {line} column {pos - text.rfind(chr(10), 0, pos)}"


def place(text: str, pos: int, *, one_line: bool = False, comma_due: bool = False) -> str:
    """Where ``pos`` is in ``text``: ``line 4 column 74``, and the record it falls in where
    the text is a list of records (``in [3]``) or an object of lists (``in persons[3]``), or
    follows (``after [3]``: a stray comma, or with ``comma_due`` where a comma was due);
    only ``column 74`` if ``one_line`` (a JSON Lines line, whose number is said already)."""
    if one_line:
        return f"column {pos + 1}"
    where = line_column(text, pos)
    item = _item_at(text, pos, comma_due)
    if item.startswith("after "):
        return f"{where} ({item})"
    return f"{where} (in {item})" if item else where


def _item_at(text: str, pos: int, comma_due: bool = False) -> str:
    """The item of the outer list (``[3]``), or of a list under a key of the outer object
    (``persons[3]``), or the outer object's key (``name``), that ``pos`` falls within; or,
    where ``pos`` is between items of one of those and follows an item (a stray comma, or,
    if ``comma_due``, what stands where a comma was due), the item it follows (``after [3]``,
    ``after persons[3]``, ``after name``); '' where it falls in none.

    >>> _item_at('[{"id": "a"} {"id": "b"}]', 13, comma_due=True)
    'after [0]'
    >>> _item_at('[{"id": "a"}, {"id": "b"}]', 14), _item_at('{"a": "x\\ty"}', 8)
    ('', 'a')
    """
    stack: list[list[object]] = []  # [opener, index in a list, key in an object]
    for match in _TOKENS.finditer(text):
        if match.start() >= pos:  # (a string that holds pos is read whole, not cut at it)
            break
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
    prior = _prior(text, pos)
    # (a comma, or what stands where a comma was due, that follows an item; not one right
    # after a key's colon, where the key's value is missing: that falls in the key's pair;
    # nor a place in a string, or where a key's colon was due: those fall in the item)
    after = (comma_due or text[pos : pos + 1] == ",") and prior >= 0 and text[prior] not in "[{,:"
    if not stack:
        return ""
    outer = stack[0]
    if len(stack) == 1:
        if outer[0] == "[":
            return f"after [{outer[1]}]" if after else ""
        return f"after {outer[2]}" if after and outer[2] else str(outer[2] or "")
    inner = stack[1]
    if outer[0] == "[":
        return f"[{outer[1]}]"
    if inner[0] == "[" and len(stack) >= 3:
        return f"{outer[2]}[{inner[1]}]"
    if inner[0] == "[" and after:
        return f"after {outer[2]}[{inner[1]}]"
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


#: Python's messages where a value, or an object's key, was due; a stray comma gives them.
_DUE: Final = ("Expecting value", "Expecting property name", "Illegal trailing comma")
#: Python's messages whose position is inside a string (white space there is the string's).
_IN_STRING: Final = ("Invalid control character", "Unterminated string")
#: Python's constants, and null, in some other case (``None``, ``NULL``, ``True``), as words.
_CONSTANT_WORD: Final = re.compile(r"(?i:true|false|null|none)\b")


#: The typographic quotes a word processor puts where a JSON string's quotes should be.
_CURLY_QUOTES: Final = frozenset("\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb")


def _comment_at(text: str, at: int) -> bool:
    """Whether a comment starts at ``at``: ``//`` or ``/*``, or ``#`` first on its line or
    followed by white space (``# note``), not a ``#`` in a word such as ``#fff``."""
    if text.startswith(("//", "/*"), at):
        return True
    if text[at : at + 1] != "#":
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip() or text[at + 1 : at + 2] in ("", " ", "\t", "\r", "\n")


def _comma_cause(text: str, at: int, msg: str) -> tuple[int, str] | None:
    """Where a stray comma is and what it is, if one is why Python refused ``text`` at
    ``at`` with ``msg``: a comma followed by ``]`` or ``}`` (a trailing comma: Python 3.13
    says so at the comma, earlier ones at the bracket), two commas in a row, or a comma
    right after ``[`` or ``{``. Not a comma right after a key's colon: the value is missing
    there, and removing the comma would not give it one."""
    if not msg.startswith(_DUE) or at >= len(text):
        return None
    comma = at if text[at] == "," else _prior(text, at)
    if comma < 0 or text[comma] != ",":
        return None
    before = _prior(text, comma)
    if before >= 0 and text[before] == ":":
        return None
    if before >= 0 and text[before] == ",":
        return before, "two commas in a row (an empty item), which JSON does not allow: remove one"
    if before >= 0 and text[before] in "[{":
        return comma, (
            f"a comma right after {text[before]} (an empty item), which JSON does not allow: "
            "remove it"
        )
    after = _next(text, comma + 1)
    if text[after : after + 1] in ("]", "}"):
        return comma, (
            "a comma after the last item (a trailing comma), which JSON does not allow: remove it"
        )
    return None


#: Python's messages where a number written as JSON does not write it stops the parse: at
#: its first character (``+``, ``.``), or after the part that is a JSON number (``0``).
_NUMBER_DUE: Final = ("Expecting value", "Expecting ',' delimiter", "Extra data")
#: The characters of a word that may be a number (``0xC8``, ``+2e5``, ``200.``).
_NUMBER_CHARS: Final = frozenset("0123456789abcdefABCDEFxX.+-")
#: What may follow a value: white space, a comma, a closing bracket, or the text's end.
_AFTER_VALUE: Final = ("", " ", "\t", "\r", "\n", ",", "]", "}")
_EXPONENT: Final = r"(?:[eE][+-]?[0-9]+)?"
_HEX: Final = re.compile(r"([+-]?)0[xX]([0-9a-fA-F]+)")
_PLUS: Final = re.compile(rf"\+((?:0|[1-9][0-9]*)(?:\.[0-9]+)?{_EXPONENT})")
_LEADING_ZERO: Final = re.compile(rf"(-?)0+([0-9]+(?:\.[0-9]+)?{_EXPONENT})")
_TRAILING_POINT: Final = re.compile(r"(-?[0-9]+)\.")
_LEADING_POINT: Final = re.compile(rf"(-?)(\.[0-9]+{_EXPONENT})")


def _number_cause(text: str, at: int, msg: str) -> tuple[int, str] | None:
    """Where a number JSON does not allow starts and what it is, if one is why Python
    refused ``text`` at ``at`` with ``msg``: one with a leading zero (``0200``), a plus sign
    (``+200``), in hexadecimal (``0xC8``), or with nothing on one side of its point
    (``200.``, ``.5``); the word it falls in must be that number whole, where a value goes."""
    if not msg.startswith(_NUMBER_DUE) or at >= len(text) or text[at] not in _NUMBER_CHARS:
        return None
    start = at
    while start > 0 and text[start - 1] in _NUMBER_CHARS:
        start -= 1
    end = at
    while end < len(text) and text[end] in _NUMBER_CHARS:
        end += 1
    before = _prior(text, start)
    if (before >= 0 and text[before] not in "[,:") or text[end : end + 1] not in _AFTER_VALUE:
        return None
    word = text[start:end]
    if (hex_ := _HEX.fullmatch(word)) is not None:
        decimal = f"{'-' if hex_[1] == '-' else ''}{int(hex_[2], 16)}"
        why = f"a hexadecimal number ({word}), which JSON does not allow: write {decimal}"
    elif (plus := _PLUS.fullmatch(word)) is not None:
        why = f"a number with a plus sign ({word}), which JSON does not allow: write {plus[1]}"
    elif (zero := _LEADING_ZERO.fullmatch(word)) is not None:
        written = zero[1] + (zero[2] if zero[2][0] != "." else "0" + zero[2])
        why = f"a number with a leading zero ({word}), which JSON does not allow: write {written}"
    elif (point := _TRAILING_POINT.fullmatch(word)) is not None:
        why = (
            f"a number that ends in a point ({word}), which JSON does not allow: write "
            f"{point[1]} or {point[1]}.0"
        )
    elif (point := _LEADING_POINT.fullmatch(word)) is not None:
        why = (
            f"a number that starts with a point ({word}), which JSON does not allow: write "
            f"{point[1]}0{point[2]}"
        )
    else:
        return None
    return start, why


#: JSON's white space (RFC 8259): space, tab, line feed, carriage return.
JSON_SPACE: Final = " \t\n\r"


def _only_space(text: str) -> str:
    """What to say of ``text`` that holds only white space, some of it not JSON's (a form
    feed, a no-break space): which, so that a line of it is not taken for a blank one.

    >>> _only_space("\\f"), _only_space(" \\u00a0\\u2003")
    ('holds only U+000C, which is not JSON white space: remove it', \
'holds only white space, with U+00A0 and U+2003, which are not JSON white space: remove them')
    """
    others = [f"U+{ord(char):04X}" for char in dict.fromkeys(text) if char not in JSON_SPACE]
    which, it = ("which is", "it") if len(others) == 1 else ("which are", "them")
    said = "only white space, with" if any(char in JSON_SPACE for char in text) else "only"
    return f"holds {said} {all_of(others)}, {which} not JSON white space: remove {it}"


def syntax_message(text: str, pos: int, msg: str, *, one_line: bool = False) -> str:
    """What to say of ``text``, which Python's parser refused at ``pos`` with ``msg``: where
    (:func:`place`), and why in words, with the likely cause where there is one. A cause is
    named only where the text shows it (tests/data/test_loading_messages.py tries each on its
    near-misses).

    >>> print(syntax_message('[1,, 2]', 4, "Expecting value"))
    is not valid JSON at line 1 column 3 (after [0]): two commas in a row (an empty item), \
which JSON does not allow: remove one
    """
    if not text.strip():  # (Python's white space: JSON's is four characters of it)
        return _only_space(text)
    at = pos if msg.startswith(_IN_STRING) else _next(text, pos)
    comma = _comma_cause(text, at, msg)
    if comma is not None:
        return f"is not valid JSON at {place(text, comma[0], one_line=one_line)}: {comma[1]}"
    number = _number_cause(text, at, msg)
    if number is not None:
        return f"is not valid JSON at {place(text, number[0], one_line=one_line)}: {number[1]}"
    if text[at : at + 1] == "\ufeff":  # (Python: "Unexpected UTF-8 BOM" at the start)
        if at == 0 and one_line:  # (as where files saved with one are joined)
            why = "a byte-order mark (U+FEFF, an invisible character) at the start of the line"
            why += ": remove it"
        elif at == 0:
            why = "a byte-order mark at the start: save it as UTF-8 without a BOM"
        else:
            why = "a byte-order mark (U+FEFF, an invisible character), which JSON does not "
            why += "allow here: remove it"
    elif _comment_at(text, at):
        why = "JSON has no comments: remove the comment"
    elif text[at : at + 1] == "'":
        why = 'JSON writes strings and keys in double quotes ("), not single ones'
    elif text[at : at + 1] in _CURLY_QUOTES:  # (as a word processor writes them)
        why = (
            f'JSON writes strings and keys in straight double quotes ("), not curly ones '
            f"({text[at]})"
        )
    elif msg.startswith("Expecting value") and _CONSTANT_WORD.match(text, at):
        why = "JSON writes true, false and null in lowercase (Python's None is null)"
    elif at >= len(text):
        why = "the text ends too soon (the file may be cut short)"
    elif msg == "Extra data" and one_line:
        why = "more text follows the end of the JSON value (a line of JSON Lines holds one)"
    else:
        why = _SAID.get(msg, msg)
    due = msg.startswith(_COMMA_DUE)
    return f"is not valid JSON at {place(text, at, one_line=one_line, comma_due=due)}: {why}"


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


def _mixed_advice(mixed: Sequence[LineReading]) -> str:
    """What to say of a file whose lines are in different encodings (``mixed``, as
    :func:`~rightsdata._data.encodings.mixed_lines` finds them): which lines read as which,
    and each part's conversion."""
    reads: list[str] = []
    converts = []
    for reading in mixed:
        lines = _line_numbers(reading.runs)
        name = "UTF-8" if reading.encoding is None else reading.encoding.name
        verb = "" if reads else (" reads" if lines.startswith("line ") else " read")
        reads.append(f"{lines}{verb} as {name} ({reading.text!r})")
        if reading.encoding is None:
            converts.append(f"none for {lines}")
        else:
            converts.append(f"iconv -f {reading.encoding.iconv} -t UTF-8 for {lines}")
    return (
        f"its lines are in different encodings: {'; '.join(reads)}: save it as UTF-8, "
        f"converting each line from its own ({'; '.join(converts)})"
    )


#: How many runs of lines :func:`_line_numbers` names before saying how many more.
_RUNS: Final = 5


def _line_numbers(runs: Sequence[tuple[int, int]]) -> str:
    """``runs`` of lines (first and last) in words: ``line 4``, ``lines 2-3, 7``, and past
    :data:`_RUNS` runs how many more.

    >>> _line_numbers([(4, 4)]), _line_numbers([(2, 3), (7, 7)])
    ('line 4', 'lines 2-3, 7')
    >>> _line_numbers([(n, n) for n in range(1, 20, 2)])
    'lines 1, 3, 5, 7, 9 and 5 more'
    """
    named = [f"{first}-{last}" if last > first else str(first) for first, last in runs[:_RUNS]]
    more = len(runs) - _RUNS
    said = ", ".join(named) + (f" and {more} more" if more > 0 else "")
    return f"line {said}" if len(runs) == 1 and runs[0][0] == runs[0][1] else f"lines {said}"


#: How much text either side of the first byte that is not UTF-8 the encoding is guessed
#: from: scoring reads each character (15 MB took 26 s), and a file's encoding shows near it.
_GUESS_WINDOW: Final = 64 * 1024


def _window(data: bytes, start: int) -> tuple[int, int]:
    """Where the text :func:`not_utf8_message` guesses ``data``'s encoding from begins and
    ends: the lines within :data:`_GUESS_WINDOW` bytes either side of ``start`` (the whole
    of a smaller file; in a line longer than that, as many bytes of it).

    >>> _window(b"abc\\ndef", 5), _window(b"x" * 70_000 + b"\\n" + b"y" * 70_000, 70_001)
    ((0, 7), (70001, 135537))
    """
    if len(data) <= 2 * _GUESS_WINDOW:
        return 0, len(data)
    low, high = max(0, start - _GUESS_WINDOW), min(len(data), start + _GUESS_WINDOW)
    begin = data.find(b"\n", low, start)
    end = data.rfind(b"\n", start, high)
    return (low if begin < 0 else begin + 1), (high if end < 0 else end)


def not_utf8_message(data: bytes, start: int) -> str:
    """What to say of ``data`` whose byte at ``start`` is not UTF-8: where, and the encoding
    the file seems to be in, with the text it reads as there and the conversion to make; where
    two readings both look like words, each of them.

    >>> print(not_utf8_message("[{\\"name\\": \\"Andr\\u00e9\\"}]".encode("latin-1"), 15))
    is not UTF-8: byte 0xe9 at line 1 column 16 ('André' in Windows-1252); it seems to be \
Latin-1 or Windows-1252: save it as UTF-8, converting from Windows-1252 (iconv -f CP1252 -t UTF-8)
    """
    from rightsdata._data.encodings import KAZAKH_NOT_IN_1251, guess_encoding, mixed_lines

    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    line = data.count(b"\n", 0, start) + 1
    said = f"is not UTF-8: byte {data[start]:#04x} at line {line} column {column}"
    mixed = mixed_lines(data, start)  # (before the whole file's guess, which one part may win)
    if mixed is not None:
        return f"{said}; {_mixed_advice(mixed)}"
    begin, end = _window(data, start)
    guess = guess_encoding(data[begin:end], start - begin)
    sure = guess.sure
    if sure is None:
        likely = [reading for reading in guess.readings if reading.score > 0]
        if len(likely) < 2:
            return f"{said}; save it as UTF-8"
        reads = ", ".join(
            f"{reading.text!r} in {reading.encoding.name} ({reading.encoding.script})"
            for reading in likely
        )
        names = ", ".join(reading.encoding.iconv for reading in likely)
        return (
            f"{said}; it reads {reads}: save it as UTF-8, converting from the encoding it was "
            f"written in (iconv -f ENCODING -t UTF-8, ENCODING one of {names})"
        )
    best = guess.readings[0]
    seems = "Latin-1 or Windows-1252" if sure.codec == "cp1252" else f"{sure.name} ({sure.script})"
    advice = (
        f"{said} ({best.text!r} in {sure.name}); it seems to be {seems}: save it as UTF-8, "
        f"converting from {sure.name} (iconv -f {sure.iconv} -t UTF-8)"
    )
    latin = next((r for r in guess.readings if r.encoding.codec == "cp1252"), None)
    if latin is not None and latin is not best:
        advice += f", not from Latin-1, which reads {latin.text!r}"
    if sure.codec == "cp1251":
        advice += (
            f"; Windows-1251 cannot hold Kazakh's {KAZAKH_NOT_IN_1251}: if the text had any, "
            "check that they were not lost or replaced when it was saved"
        )
    return advice
