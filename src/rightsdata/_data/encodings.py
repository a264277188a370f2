"""Which single-byte encoding a file that is not UTF-8 was likely written in (internal): each
candidate's reading is scored by how much it looks like words, so that a Cyrillic file is
not called Latin-1 (Russian in Windows-1251 decodes as Windows-1252 too, into accented
nonsense that converting "from Latin-1" would keep for good). Two encodings that read a file
alike are one reading, of the first (KZ-1048 is Windows-1251 but for Kazakh's letters).

A reading scores a point for each word of one script and a natural case (``Иван``,
``André``, ``ёжик``, ``МВД``), none for a one-letter word or a Cyrillic word with
letters neither Russian nor Kazakh use, and loses one for a word mixing scripts or cases
(``Andrщ``, ``иБЮМ``), a Latin word of accented letters only (``Èâàí``: Cyrillic bytes are
all above ASCII), or a symbol that is not a common one (``¨``, ``╗``). A common symbol of
Western text (``°``, ``£``, ``€``, ``©``, a no-break space) scores half a point: a file whose
only bytes above ASCII are such symbols is Windows-1252 (read alike in Windows-1251, it is
named Windows-1252, as it holds no Cyrillic letter).

A file whose lines are in different encodings (files joined) is read line by line
(:func:`mixed_lines`), since one part's words can win the whole file's guess. A file in
UTF-16 or UTF-32 without a byte-order mark is none of these: :func:`utf16_order` and
:func:`utf32_order` tell it by its NUL bytes, which no UTF-8 JSON holds, and its byte order
by their side.

Windows-1251 and KOI8-R place Cyrillic's capitals where the other has its small letters, so
a text in one case reads in the other as words of the other case (an acronym in capitals in
Windows-1251 is small letters in KOI8-R), and both score alike. Case cannot choose between them; the
frequency of the letters can (the two orders differ, so one reading's common letters are the
other's rare ones), and readings of equal score are ranked by it.

>>> guess = guess_encoding("Иван Ёжиков".encode("cp1251"))
>>> guess.sure.name if guess.sure else None
'Windows-1251'
>>> [(reading.encoding.name, reading.text) for reading in guess.readings]
[('Windows-1251', 'Иван Ёжиков'), ('KOI8-R', 'хБЮМ ╗ФХЙНБ'), ('Windows-1252', 'Èâàí ¨æèêîâ')]
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Final, Literal, NamedTuple

__all__ = [
    "Encoding",
    "Guess",
    "LineReading",
    "Reading",
    "guess_encoding",
    "mixed_lines",
    "utf16_order",
    "utf32_order",
]


class Encoding(NamedTuple):
    """A candidate encoding: Python's codec, its name for people, and iconv's name."""

    codec: str
    name: str
    script: str
    iconv: str


#: The encodings a data file that is not UTF-8 is most likely in, for a dataset of Kazakh,
#: Russian and Western names: the Cyrillic Windows code page (Russian and Kazakh Windows
#: save "ANSI" text in it), the Kazakh standard code page, the Unix Cyrillic one, the
#: Western one. Where two read a file alike, the first is named.
CANDIDATES: Final = (
    Encoding("cp1251", "Windows-1251", "Cyrillic", "CP1251"),
    Encoding("kz1048", "KZ-1048", "Kazakh Cyrillic", "RK1048"),
    Encoding("cp1252", "Windows-1252", "Latin-1", "CP1252"),
    Encoding("koi8_r", "KOI8-R", "Cyrillic", "KOI8-R"),
)

#: The Cyrillic letters of Russian and Kazakh (and so of the dataset's names).
_CYRILLIC_USED: Final = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ"
)

#: Kazakh's letters that Windows-1251 cannot hold.
KAZAKH_NOT_IN_1251: Final = "ә, ғ, қ, ң, ө, ұ, ү, һ"  # noqa: RUF001

#: How often each letter is in Russian text, per 10,000 letters (the usual tables), with
#: Kazakh's own letters at a moderate rate (a rare letter only lowers a reading's rank).
_CYRILLIC_FREQUENCY: Final = {
    letter: int(rate)
    for letter, rate in re.findall(
        r"(\D)(\d+)",
        "о1097е845а801и735н670т626с547р473в454л440к349м321д298п281у262я201ы190ь174г170з165"  # noqa: RUF001
        "б159ч144й121х97ж94ш73ю64ц48щ36э32ф26ъ4ё4ә100ғ100қ100ң100ө100ұ100ү100һ100і100",  # noqa: RUF001
    )
}

_WORD: Final = re.compile(r"[^\W\d_]+")

#: The symbols above ASCII that Western text commonly holds (Windows-1251 reads each as
#: itself too, but for the pound sign, a Serbian letter there). Left out: those that
#: Windows-1252 makes of Windows-1251's letters, such as the multiplication sign (Che), the
#: superscript three (Kazakh's dotted i) and the diaeresis (Yo).
_COMMON_SYMBOLS: Final = frozenset("\u00a0£€©®°±§")


class Reading(NamedTuple):
    """A file read in one encoding: the text around the bad byte, and its score."""

    encoding: Encoding
    text: str
    score: float


class Guess(NamedTuple):
    """The readings of a file, best first, and the encoding it surely is in (or None)."""

    readings: tuple[Reading, ...]
    sure: Encoding | None


def _script(character: str) -> str:
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0]


def _word_score(word: str) -> float:
    if len(word) == 1 or word.isascii():
        return 0
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return -1
    if not (word.islower() or word.istitle() or word.isupper()):
        return -1
    script = scripts.pop()
    if script == "LATIN" and not any(c.isascii() for c in word):
        return -1
    if script == "CYRILLIC" and not set(word) <= _CYRILLIC_USED:
        return 0
    return 1


def _score(text: str) -> float:
    score = sum(_word_score(word) for word in _WORD.findall(text))
    for character in text:
        if character.isascii() or character.isalpha():
            continue
        if character in _COMMON_SYMBOLS:
            score += 0.5
        elif unicodedata.category(character)[0] not in "PZ":
            score -= 1
    return score


def _plausibility(text: str) -> float:
    """How much the Cyrillic letters of ``text`` are those of Russian and Kazakh text: the
    mean, over them, of log2 of each letter's frequency against an even spread (above 0 for
    common letters, below for rare ones), whatever their case; 0 for a text without any."""
    logs = [
        math.log2(_CYRILLIC_FREQUENCY.get(character, 1) * 33 / 10_000)
        for character in text.lower()
        if character.isalpha() and _script(character) == "CYRILLIC"
    ]
    return sum(logs) / len(logs) if logs else 0.0


def _has_cyrillic(text: str) -> bool:
    return any(character.isalpha() and _script(character) == "CYRILLIC" for character in text)


def _around(text: str, at: int) -> str:
    """The value's text around ``at``: up to the quotes or structure either side, at most
    about 40 characters."""
    stops = '"\n,:[]{}'
    begin = at
    while begin > 0 and text[begin - 1] not in stops and at - begin < 20:
        begin -= 1
    end = at
    while end < len(text) and text[end] not in stops and end - at < 20:
        end += 1
    return text[begin:end].strip()


def guess_encoding(data: bytes, start: int = 0) -> Guess:
    """The readings of ``data`` in each candidate encoding that decodes it all, best first,
    each with its text around byte ``start``; ``sure`` is the best if it reads as words and
    no other comes near (under half its score).

    >>> guess = guess_encoding('"André"'.encode("latin-1"), 5)
    >>> guess.sure.name if guess.sure else None, guess.readings[0].text
    ('Windows-1252', 'André')
    >>> guess = guess_encoding('"20°C"'.encode("cp1252"), 3)
    >>> guess.sure.name if guess.sure else None, guess.readings[0].text
    ('Windows-1252', '20°C')
    >>> guess_encoding(b'"\\x81"', 1).sure is None
    True
    """
    readings: list[Reading] = []
    texts: dict[str, int] = {}
    plausibility: dict[Encoding, float] = {}
    for encoding in CANDIDATES:
        try:
            text = data.decode(encoding.codec)
        except UnicodeDecodeError:
            continue
        # (one byte is one character in each candidate, so ``start`` indexes the text too)
        reading = Reading(encoding, _around(text, start), _score(text))
        plausibility[encoding] = _plausibility(text)
        if text not in texts:
            texts[text] = len(readings)
            readings.append(reading)
        elif encoding.codec == "cp1252" and not _has_cyrillic(text):
            # symbols that Windows-1251 reads alike ('20°C'): a Western file's
            readings[texts[text]] = reading
    readings.sort(key=lambda reading: (-reading.score, -plausibility[reading.encoding]))
    sure = None
    if readings and readings[0].score > 0:  # (and no other reading near it)
        sure = readings[0].encoding
        if len(readings) > 1 and readings[1].score >= readings[0].score / 2:
            sure = None
    return Guess(tuple(readings), sure)


#: How much of a file's start :func:`utf16_order` (and :func:`utf32_order`) reads: a couple
#: of thousand characters (a thousand, in UTF-32).
_UTF16_SAMPLE: Final = 4096


def utf16_order(
    data: bytes, starts: tuple[str, ...] = ("{", "[")
) -> Literal["little-endian", "big-endian"] | None:
    """The byte order of ``data`` if it looks like UTF-16 without a byte-order mark (as
    Windows saves "Unicode" text), else None. JSON starts with an ASCII character (``{``,
    ``[``, white space), whose other byte in UTF-16 is 0, a byte no UTF-8 JSON holds: one of
    the first two bytes is 0 and the other not. In the first 4 KiB each NUL is then on that
    side of its pair (the structure, keys and ASCII letters of JSON put many there), hardly
    any on the other, and the bytes read as UTF-16 into text that starts as the file's
    kind of text does (``starts``: JSON's ``{`` or ``[`` by default; a CSV table's header).

    >>> utf16_order('[{"name": "Иван"}]'.encode("utf-16-le"))
    'little-endian'
    >>> utf16_order('[{"name": "Иван"}]'.encode("utf-16-be"))
    'big-endian'
    >>> utf16_order(b'[{"name": "\\x00"}]'), utf16_order(b"x\\x00y\\x00")
    (None, None)
    """
    if len(data) < 2 or (data[0] == 0) == (data[1] == 0):
        return None
    side = 0 if data[0] == 0 else 1  # (where each ASCII character's 0 is)
    sample = data[:_UTF16_SAMPLE]
    sample = sample[: len(sample) - len(sample) % 2]
    on, off = sample[side::2].count(0), sample[1 - side :: 2].count(0)
    if off * 10 > on:  # (a character of U+0100-U+01FF, Ā, puts a 0 on the other side)
        return None
    codec = "utf-16-be" if side == 0 else "utf-16-le"
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:  # (the sample may end within a surrogate pair)
        try:
            text = sample[:-2].decode(codec)
        except UnicodeDecodeError:
            return None
    if not text.lstrip().startswith(starts):
        return None
    return "big-endian" if side == 0 else "little-endian"


def utf32_order(
    data: bytes, starts: tuple[str, ...] = ("{", "[")
) -> Literal["little-endian", "big-endian"] | None:
    """The byte order of ``data`` if it looks like UTF-32 without a byte-order mark, else
    None. Its first character is ASCII (JSON's ``{``, ``[``, white space; a CSV table's
    header), whose other three bytes in UTF-32 are 0: the last three of the first four
    (little-endian) or the first three (big-endian), which neither UTF-8 JSON (no NUL) nor
    UTF-16 (one 0 a pair) starts with. Its first 4 KiB then read as UTF-32 (each four bytes
    a code point, as few other bytes are) into text that starts as the file's kind of text
    does (``starts``). (UTF-32 with a byte-order mark is told by its mark:
    :func:`rightsdata._data.filetext.decode_text`.)

    >>> utf32_order('[{"name": "Иван"}]'.encode("utf-32-le"))
    'little-endian'
    >>> utf32_order('[{"name": "Иван"}]'.encode("utf-32-be"))
    'big-endian'
    >>> utf32_order('[{"name": "Иван"}]'.encode("utf-16-le")), utf32_order(b"x\\x00\\x00\\x00")
    (None, None)
    """
    if len(data) < 4:
        return None
    if data[0] and data[1:4] == b"\x00\x00\x00":
        big = False
    elif data[3] and data[:3] == b"\x00\x00\x00":
        big = True
    else:
        return None
    sample = data[:_UTF16_SAMPLE]
    try:  # (a whole number of characters: a cut never falls within one)
        text = sample[: len(sample) - len(sample) % 4].decode("utf-32-be" if big else "utf-32-le")
    except UnicodeDecodeError:
        return None
    if not text.lstrip().startswith(starts):
        return None
    return "big-endian" if big else "little-endian"


#: How many lines holding bytes above ASCII :func:`mixed_lines` reads at most, from the first
#: that is not UTF-8 (the error's cost stays bounded in a large file; a mix after them is
#: not seen).
MAX_LINES: Final = 1000

_ABOVE_ASCII: Final = re.compile(rb"[\x80-\xff]")


class LineReading(NamedTuple):
    """Lines of a file that read in one encoding (None: UTF-8): runs of line numbers (from
    1, first and last; a line of ASCII alone, which reads alike in each, joins the run it is
    in), and the text of the first line around its first byte above ASCII."""

    encoding: Encoding | None
    runs: tuple[tuple[int, int], ...]
    text: str


def mixed_lines(data: bytes, start: int) -> tuple[LineReading, ...] | None:
    """Where ``data``'s lines are in different encodings (files joined: a Western one and a
    Cyrillic one, a legacy one added to UTF-8), each encoding's lines, in the order first
    met; else None. ``start`` is the first byte that is not UTF-8: the lines before its line
    are UTF-8. From it on, each line holding bytes above ASCII (the first
    :data:`MAX_LINES` of them) is UTF-8 if it decodes so, else the encoding
    :func:`guess_encoding` is sure of: None as soon as one has none, or where one encoding
    reads every line as its own does (a degree sign reads alike in Windows-1252 and
    Windows-1251: it is no mix).

    >>> data = '"André Müller"\\n'.encode("cp1252") + '"Иван Ёжиков"\\n'.encode("cp1251")
    >>> [(r.encoding and r.encoding.name, r.runs, r.text) for r in mixed_lines(data, 5) or ()]
    [('Windows-1252', ((1, 1),), 'André Müller'), ('Windows-1251', ((2, 2),), 'Иван Ёжиков')]
    """
    found: dict[str, tuple[Encoding | None, list[tuple[int, int]], str]] = {}
    every: set[str] | None = None  # the encodings that read each line so far as it reads
    position = data.rfind(b"\n", 0, start) + 1
    number = data.count(b"\n", 0, position) + 1
    last = ""  # (the key of the run the lines are in)
    before = _ABOVE_ASCII.search(data, 0, position)
    if before is not None:  # lines of UTF-8 before the first that is not
        begin = data.rfind(b"\n", 0, before.start()) + 1
        end = data.find(b"\n", begin)
        text = _around(data[begin:end].decode("utf-8"), len(data[begin : before.start()]))
        first = data.count(b"\n", 0, begin) + 1
        found["utf-8"] = (None, [(first, number - 1)], text)
        every, last = {"utf-8"}, "utf-8"
    counted = position
    for _ in range(MAX_LINES):
        high = _ABOVE_ASCII.search(data, position)
        if high is None:
            break
        begin = data.rfind(b"\n", 0, high.start()) + 1
        number += data.count(b"\n", counted, begin)
        end = data.find(b"\n", begin)
        end = len(data) if end < 0 else end
        counted, position = begin, end + 1
        key, encoding, text, readers = _line_reading(data[begin:end], high.start() - begin)
        if key is None:
            return None
        every = readers if every is None else every & readers
        runs = found.setdefault(key, (encoding, [], text))[1]
        if key == last:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
        last = key
    if len(found) < 2 or every:
        return None
    return tuple(LineReading(e, tuple(runs), text) for e, runs, text in found.values())


def _line_reading(line: bytes, at: int) -> tuple[str | None, Encoding | None, str, set[str]]:
    """How one ``line`` reads: its encoding's codec (None: no encoding surely reads it), the
    encoding (None for UTF-8), its text around byte ``at``, and the codecs that read it
    alike."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        shown = _around(text, len(line[:at].decode("utf-8")))
        return "utf-8", None, shown, {"utf-8"}
    guess = guess_encoding(line, at)
    sure = guess.sure
    if sure is None:
        return None, None, "", set()
    read = line.decode(sure.codec)
    readers = {e.codec for e in CANDIDATES if line.decode(e.codec, errors="replace") == read}
    return sure.codec, sure, guess.readings[0].text, readers
