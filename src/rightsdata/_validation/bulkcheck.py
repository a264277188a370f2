"""The fast path's checks: every record of a file checked at once, to the same rules.

A record checks itself at the end of ``__init__`` (:mod:`rightsdata._model.checks`), one Python
call per object and a few per field. msgspec builds records without calling ``__init__``, so
when it decodes a whole file :func:`checked_tally` runs those checks in bulk instead: one
generated function per class walks the file's records once, gathering every text, every ID
and every name of a field (a citation's ``fields``, an inference's ``field``) by the check it
needs, counting key-value pairs, and checking list lengths and numbers inline; a class's own
cross-field rules (``_rules``) are the only per-object calls. Then each group is checked in a
few C-level operations over all of its values: each distinct text's ends looked at by a map
of ``str.strip`` (empty values, white space at either end), the texts joined by a NUL and
searched once for anything that may be contact data or a control character; the IDs
not already found valid joined the same way and matched by one regex; the names of fields as
one set, against the fields of the class that holds them.

It only answers yes or no: on any doubt the caller reads the file with the diagnostic path,
which says what is wrong and where. The agreement of the two paths is a property test
(tests/validation/test_fastpath.py).

The count of pairs closes what msgspec does not check: it ignores unknown keys of attrs
classes and keeps the last of repeated keys. In a file with no backslash (no escape), every
``"`` starts or ends a string, and each string is a key or a value the records hold: a
text, an ID, a name of a field, a vocabulary term, a date or a duration (a number or a
``null`` has none); so if the file holds more quotes than twice the records' keys and
strings, a key was dropped. A file with an escape may hold a quote in a text (``\\"``), and
is counted by its colons instead: every pair has exactly one ``:`` outside strings, every ID
exactly one inside (``kind:slug``), and no date, duration, number or vocabulary term has
any, so the records' pairs, IDs and the colons of their texts account for every colon.
"""

from __future__ import annotations

import functools
import itertools
import re
from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, Final, NamedTuple

import attrs

from rightsdata._model.checks import Validated
from rightsdata._model.fields import (
    CONTACT_MARKS,
    CONTACT_TABLE,
    CONTROL_MARK,
    KNOWN_IDS,
    NO_BREAK_SPACE,
    OTHER_DIGIT_MARK,
    Gather,
    HolderNames,
    Items,
    Ref,
    RejectedError,
    Text,
    _maybe,
    field_names,
    holds_contact,
    optional_defaults,
    path_problem,
    remember_ids,
    spec_of,
)
from rightsdata._model.forms import NOTHING_SHOWN, cached_regex
from rightsdata._values.codegen import compile_function
from rightsdata._values.controls import C1_UTF8
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration
from rightsdata._values.errors import FieldError
from rightsdata._values.hints import field_hints, leaf_types, nested_part

__all__ = [
    "MARKED_BLOCK",
    "NAME_BREAK",
    "NOTHING_GATHERED",
    "Checked",
    "Gathered",
    "Group",
    "break_marks",
    "checked_tally",
    "gathered",
    "named_prefixes",
    "named_text",
    "tallied",
    "walks_module",
]

_SEPARATOR: Final = "\x00"
#: Bytes as ints, for ``in`` tests of bytes: ``b":" in raw`` first tries the operand as an
#: int, and formats and drops a TypeError (about 2,000 instructions a test, callgrind), where
#: ``58 in raw`` is a memchr.
_COLON: Final = ord(":")
_QUOTE: Final = ord('"')
_BANG: Final = ord("!")


class _Plan:
    """What one class's generated walk gathers, in the order of its lists.

    A plain class: an attrs class costs ~1 ms to build at import, a NamedTuple 0.65 M
    instructions (callgrind), this one 0.06 M.
    """

    __slots__ = ("families", "groups", "names", "refs", "texts", "walk")

    def __init__(
        self,
        texts: tuple[Text, ...],
        refs: tuple[tuple[str, ...], ...],
        names: tuple[tuple[type, str], ...],
        families: tuple[str, ...],
        groups: tuple[str, ...],
        walk: Callable[..., tuple[int, int]],
    ) -> None:
        self.texts = texts
        self.refs = refs
        #: names of fields, by the class that must have them and how they are written
        self.names = names
        #: the families of the class's ``_NAMES``, whose IDs the walk gathers too
        self.families = families
        #: the fields of the class's ``_GROUPS``, by whose values the walk groups the records
        self.groups = groups
        self.walk = walk


#: A value and the positions of the records that hold it (:attr:`Gathered.groups`).
Group = tuple[Any, "array[int]"]
#: A group as a walk gathers it: the positions in a list (made an array by :func:`_gathered`).
_Listed = tuple[Any, list[int]]


class Gathered(NamedTuple):
    """What a walk gathers of one kind's records for the queries, in the records' order."""

    #: each family of their class's ``_NAMES``: its IDs as :func:`named_text` writes them
    named: dict[str, str]
    #: each field of their class's ``_GROUPS``: by the ``id()`` of each distinct value
    #: object, that value and the positions of the records holding it (ascending)
    groups: dict[str, dict[int, Group]]
    #: each long text of ``named``: its :func:`break_marks`
    marks: dict[str, array[int]]


#: What a walk gathers of no records.
NOTHING_GATHERED: Final = Gathered({}, {}, {})


class Checked(NamedTuple):
    """What the bulk checks found of records that passed them (:func:`checked_tally`)."""

    #: the quotes their JSON holds when every field is written, or its colons if the JSON
    #: holds an escape (:func:`tallied`)
    tally: int
    #: every ID they hold: their own and those they name
    ids: set[str]
    #: what the same walk gathered for the queries
    gathered: Gathered


#: The line that ends each record's IDs in a family's text (no ID holds it).
NAME_BREAK: Final = "\x1e"
#: The characters of a text of ``_NAMES`` to a block of :func:`break_marks`; a query counts
#: the breaks of one block before a hit (at most 16 KB: a few microseconds).
MARKED_BLOCK: Final = 1 << 14
#: Texts at least this long are marked. Counting a text's breaks runs at about 2.5 GB/s, so
#: a shorter one is counted in under half a millisecond; a million events' are 180 MB.
_MARKED_FROM: Final = 1 << 20


_plans: dict[type, _Plan] = {}


def tallied(escapes: bool) -> tuple[int, int]:
    """The byte the pairs check counts in a JSON text, and how many of it one key holds: a
    quote and two (the key's own), or, if the text holds an escape (a backslash, which may
    write a quote inside a string), a colon and one (the pair's).

    >>> data = b'[{"id": "place:a", "name": "A: B"}]'
    >>> byte, per_key = tallied(escapes=False)
    >>> data.count(byte), 2 * per_key + 2 * 2  # two keys, and two strings
    (8, 8)
    """
    return (_COLON, 1) if escapes else (_QUOTE, 2)


def checked_tally(
    records: Sequence[Any], *, escapes: bool = True, sparse: bool = False
) -> Checked | None:
    """If every record (all of one class) passes every check: how many of the byte
    :func:`tallied` names their JSON holds when every field is written, every ID they hold,
    and what the walk gathers for the queries with the checks' values (:class:`Gathered`, as
    :func:`gathered` makes it); else None. Fields left out of the JSON hold one key fewer
    each (and no string): the caller subtracts them, and compares with the text decoded.
    With ``sparse``, every optional field that holds its default counts as left out, and
    the tally is that of a file that leaves every such field out (a file that writes one
    has a key more than the tally says: a disagreement, never a wrong agreement).

    ``escapes=False`` says that the JSON text the records were decoded from held no
    backslash: then the tally is of quotes, two for each key and for each string the
    records hold (no text holds a quote); and no text holds a NUL (JSON has no other way to
    write one: both decoders refuse control characters in strings), so the texts joined by
    NULs are not searched for one. Otherwise it is of colons: one for each key, one in each
    ID, and those in texts."""
    if not records:
        return Checked(0, set(), NOTHING_GATHERED)
    plan = _plan(type(records[0]))
    texts: list[list[str]] = [[] for _ in plan.texts]
    refs: list[list[str]] = [[] for _ in plan.refs]
    names: list[list[str]] = [[] for _ in plan.names]
    families: list[list[str]] = [[] for _ in plan.families]
    groups: list[dict[int, _Listed]] = [{} for _ in plan.groups]
    try:
        pairs, strings = plan.walk(records, texts, refs, names, families, groups, sparse)
    except (RejectedError, FieldError):
        return None
    ids = sum(map(len, refs))
    # quotes: two a key, two a string (the terms, dates and durations the walk counted;
    # the texts, IDs and names of fields it gathered); colons: one a key, one an ID, and
    # those of the texts and names
    tally = pairs + ids if escapes else 2 * (pairs + strings + ids + sum(map(len, texts)))
    for (holder, how), values in zip(plan.names, names, strict=True):
        if not _names_fine(values, holder, how):
            return None
        if how == "names":  # (a path is a text too, and counted with the texts)
            tally += _SEPARATOR.join(values).count(":") if escapes else 2 * len(values)
    for spec, values in zip(plan.texts, texts, strict=True):
        text_colons = _text_colons(values, spec, escapes)
        if text_colons < 0:
            return None
        tally += text_colons
    named: set[str] = set()
    for prefixes, values in zip(plan.refs, refs, strict=True):
        unique = set(values)
        if not _ids_fine(unique, prefixes, escapes):
            return None
        named |= unique
    return Checked(tally, named, _gathered(plan.families, families, plan.groups, groups))


def _gathered(
    families: Sequence[str],
    texts: list[list[str]],
    fields: Sequence[str],
    groups: list[dict[int, _Listed]],
) -> Gathered:
    named = dict(zip(families, map(_joined, texts), strict=True))
    marks = {f: break_marks(text) for f, text in named.items() if len(text) >= _MARKED_FROM}
    arrays = [{key: (v, _positions(at)) for key, (v, at) in group.items()} for group in groups]
    return Gathered(named, dict(zip(fields, arrays, strict=True)), marks)


def _positions(listed: list[int]) -> array[int]:
    """``array("q", listed)``; a long list by way of :func:`struct.pack`: an array parses
    each item it is given as a call's argument (a tenth of the events' walk, callgrind)."""
    if len(listed) < _PACKED_FROM:
        return array("q", listed)
    import struct  # (here: a cold import takes about 0.5 ms, and small loads need none)

    positions = array("q")
    positions.frombytes(struct.pack(f"{len(listed)}q", *listed))
    return positions


#: Lists of positions at least this long are packed by :mod:`struct`.
_PACKED_FROM: Final = 1 << 10


def break_marks(text: str) -> array[int]:
    """How many record breaks (:data:`NAME_BREAK`) a text of ``_NAMES`` holds before each
    block of :data:`MARKED_BLOCK` characters: so a query works out the record of a hit by
    counting the breaks of its block, not of the whole text before it. One pass over the
    text, made by the load with the text (about 70 ms for a million events' texts, in a
    load of about 35 s), so that a first query does not make it.

    >>> list(break_marks("\x1e" * (MARKED_BLOCK + 1)))
    [0, 16384, 16385]
    """
    blocks = range(0, len(text), MARKED_BLOCK)
    counts = (text.count(NAME_BREAK, start, start + MARKED_BLOCK) for start in blocks)
    return array("q", itertools.accumulate(counts, initial=0))


def named_text(records: Sequence[Any], family: str) -> str:
    """The IDs of one family of the records' ``_NAMES`` (all of one class), as the load
    gathers them: a line each, and after each record's a line holding :data:`NAME_BREAK`; so
    the record at position ``r`` is the one after the ``r``-th break (``\n`` before the
    first line and after the last).

    >>> from rightsdata._model.records import Relationship
    >>> rel = Relationship.__new__(Relationship)
    >>> object.__setattr__(rel, "subject", "person:a")
    >>> object.__setattr__(rel, "object", "org:b")
    >>> named_text([rel, rel], "named")
    '\\nperson:a\\norg:b\\n\\x1e\\nperson:a\\norg:b\\n\\x1e\\n'
    """
    return gathered(records).named[family] if records else "\n"


def gathered(records: Sequence[Any]) -> Gathered:
    """What the load's walk gathers of ``records`` (all of one class) for the queries: every
    family's :func:`named_text` and the groups of each field of ``_GROUPS``, from one walk
    that checks nothing.

    >>> from rightsdata import EDTF
    >>> from rightsdata._model.records import Event
    >>> from rightsdata.vocab import EventKind
    >>> events = [Event.__new__(Event) for _ in range(3)]
    >>> for event, date in zip(events, [EDTF("2012"), None, EDTF("2012")]):
    ...     object.__setattr__(event, "date", date)
    ...     for name in ("participants", "charges", "places", "figures"):
    ...         object.__setattr__(event, name, ())
    ...     object.__setattr__(event, "part_of", None)
    ...     object.__setattr__(event, "kind", EventKind.ARREST)
    >>> sorted((str(v), list(at)) for v, at in gathered(events).groups["date"].values())
    [('2012', [0, 2]), ('None', [1])]
    """
    if not records:
        return NOTHING_GATHERED
    cls = type(records[0])
    made = _naming_walks.get(cls)
    if made is None:
        gather = Gather()
        source = _walk_source(cls, gather, checks=False)
        name = f"names_{cls.__name__}"
        walk = compile_function(source, f"names of {cls.__name__}", {}, name)
        # One assignment of the walk with what it fills: another thread reads both or
        # neither (the walk stored before its families was a KeyError to a thread between).
        made = _naming_walks[cls] = (walk, tuple(gather.families), tuple(gather.groups))
    walk, families, fields = made
    texts: list[list[str]] = [[] for _ in families]
    groups: list[dict[int, _Listed]] = [{} for _ in fields]
    walk(records, texts, groups)
    return _gathered(families, texts, fields, groups)


@functools.cache
def named_prefixes(cls: type, family: str) -> frozenset[str]:
    """The prefixes of the IDs one family of ``cls._NAMES`` can hold (its fields' own).

    >>> from rightsdata._model.records import Rating
    >>> sorted(named_prefixes(Rating, "named"))
    ['group', 'org', 'person', 'place']
    """
    paths = getattr(cls, "_NAMES", {})[family]
    return frozenset(p for path in paths for p in _named_field(cls, path).prefixes)


#: Each class's walk of :func:`gathered`, with the families and the fields it fills.
_naming_walks: dict[type, tuple[Callable[..., None], tuple[str, ...], tuple[str, ...]]] = {}


def _joined(values: list[str]) -> str:
    return "\n" + "\n".join(values) + "\n"


def _names_fine(values: list[str], holder: type, how: str) -> bool:
    """The rule of :func:`~rightsdata._model.fields.check_holder_fields`, for many at once."""
    unique = set(values)
    if how == "names":
        return unique <= field_names(holder)
    return all(path_problem(holder, path) is None for path in unique)


def _ids_fine(unique: set[str], prefixes: tuple[str, ...], escapes: bool = True) -> bool:
    """The rule of :func:`~rightsdata._model.fields.check_ref` for many IDs at once (unless
    ``escapes``, none holds a NUL: :func:`checked_tally`)."""
    new = unique.difference(KNOWN_IDS.get(prefixes, ()))
    if len(prefixes) > 1:
        # an ID found valid with one of the prefixes is valid with any tuple holding it: the
        # records' own IDs, checked in their own files, are most of those named after them
        for prefix in prefixes:
            if not new:
                return True
            known = KNOWN_IDS.get((prefix,))
            if known:
                new = new.difference(known)  # (reads ``new``, not the larger ``known``)
    if not new:
        return True
    if not _ids_match(new, prefixes, escapes):
        return False
    remember_ids(prefixes, new)
    return True


#: Each byte of ``\x00`` + IDs joined by ``\x00`` + ``\x00`` made its class: a slug's letter or
#: digit ``a``; ``:``, ``-`` and the separator ``-``; any byte no ID holds ``!``.
_ID_CLASSES: Final = bytes.maketrans(  # (a later pair overrides an earlier one)
    bytes(range(256)) + b"abcdefghijklmnopqrstuvwxyz0123456789:-\x00",
    b"!" * 256 + b"a" * 36 + b"---",
)


def _ids_match(new: Collection[str], prefixes: tuple[str, ...], escapes: bool = True) -> bool:
    """Whether every value fullmatches ``id_pattern(prefixes)``: the regex's rule, in a few
    byte searches over all the values at once (the joined regex took a second at 100,000
    events). Unless ``escapes``, no value holds a NUL (:func:`checked_tally`)."""
    joined = _SEPARATOR.join(new)
    if not joined.isascii():
        return False
    raw = b"\x00" + joined.encode("ascii") + b"\x00"
    count = len(new)
    if escapes and raw.count(b"\x00") != count + 1:  # a value holds the separator
        return False
    if raw.count(b":") != count:  # so that each value holds exactly one colon...
        return False
    # ... the one after its prefix (at most one prefix can start at a separator: none holds ':')
    starts = sum(raw.count(b"\x00" + prefix.encode("ascii") + b":") for prefix in prefixes)
    if starts != count:
        return False
    # Then each value is a prefix (letters), ':' and a slug of letters, digits and '-', or
    # holds a byte no ID has ('!' once classed). The slug is empty, or starts or ends with a
    # hyphen, or holds two in a row, if and only if two of ':', '-' and the separator are
    # side by side (':' and the separator stand next to no other of them in a value that
    # starts with its prefix and holds one colon): '--' once classed. One pass and two
    # searches, where a search for each of those four pairs cost 17% of the IDs' checks.
    classes = raw.translate(_ID_CLASSES)
    return _BANG not in classes and classes.find(b"--") == -1  # (find: see _COLON)


def _text_colons(values: list[str], spec: Text, escapes: bool = True) -> int:
    """How many colons ``values`` hold if every one passes ``spec``; else -1. Unless
    ``escapes``, no value holds a NUL, and the colons are not counted (0: the tally is of
    quotes, :func:`checked_tally`).

    A text with a pattern (a language tag, a country code, a URL) is checked once for each
    distinct value: such texts repeat, and each pays a regex search. So are the values of a
    group whose first :data:`_SAMPLE` hold fewer than :data:`_SAMPLE_DISTINCT` distinct
    (locators, bases), and the others are checked as they are, repeats and all: hashing
    every text into a set to find the distinct ones cost more than the repeats it spared
    where few repeat (the texts of 1,000 events, callgrind: 50.0 M instructions
    deduplicated, 43.1 M as they are, 44.3 M so; of 10,000 events 258.8, 398.1 and 259.5 M).
    """
    if not values:
        return 0
    distinct = spec.pattern is not None or len(set(values[:_SAMPLE])) < _SAMPLE_DISTINCT
    unique = list(set(values)) if distinct else values
    joined = _SEPARATOR.join(unique)
    if escapes and joined.count(_SEPARATOR) != len(unique) - 1:  # a value holds a NUL
        fine = all(map(spec.fine, unique))
        return sum(value.count(":") for value in values) if fine else -1
    # Empty, or white space (str.isspace) at either end: str.strip() gives back the very
    # value (text decoded from JSON is exactly str) only if it strips nothing, and a value
    # stripped is shorter, so unequal. A look at the ends of each value, where searches of
    # the joined text for a space or separator beside a separator (and the non-ASCII values'
    # ends) read every byte: 7.7 M instructions fewer for the texts of 1,000 events
    # (callgrind); the list's comparison (one identity test a value) rather than a map of
    # operator.is_ 2 M fewer again.
    if not all(unique) or list(map(str.strip, unique)) != unique:
        return -1
    # A text of invisible characters alone (and white space) shows nothing: such a character
    # is not ASCII, so only the other values are stripped of them (one C call a value, about
    # 60 ns: where every value is ASCII, one test of the joined text).
    if not joined.isascii() and not all(
        map(str.strip, itertools.filterfalse(str.isascii, unique), itertools.repeat(NOTHING_SHOWN))
    ):
        return -1
    raw = _utf8(joined, unique)
    marked = raw.translate(CONTACT_TABLE)  # same positions
    if CONTROL_MARK[0] in marked or (0xC2 in raw and C1_UTF8.search(raw)):
        return -1  # a control character (C0 but a tab or line feed, or DEL; C1)
    if spec.max_length is not None and max(map(len, unique)) > spec.max_length:
        return -1
    if spec.pattern is not None and not all(map(cached_regex(spec.pattern).search, unique)):
        return -1
    if any(map(holds_contact, _contact_suspects(unique, raw, marked))):
        return -1
    if not escapes:
        return 0
    if len(unique) == len(values) or _COLON not in raw:
        return _colons(raw)
    # each distinct value's colons counted once, then looked up for every value (the texts
    # of 10,000 events, callgrind: a Counter of the values cost 75 M instructions, counting
    # every value's colons 68 M, this 49 M)
    colons = {value: value.count(":") for value in unique if ":" in value}
    return sum(filter(None, map(colons.get, values)))


def _utf8(joined: str, values: list[str]) -> bytes:
    """The ``values`` joined by :data:`_SEPARATOR` (``joined``) in UTF-8, in some order: the
    ASCII values' text is copied as it is, and only the others are encoded character by
    character (a text of one non-ASCII value among thousands is held at two or four bytes a
    character, and encoding all of it cost 5 M instructions at 1,000 events, callgrind)."""
    if joined.isascii():
        return joined.encode("ascii")
    ascii_values = list(filter(str.isascii, values))
    other = _SEPARATOR.join(itertools.filterfalse(str.isascii, values)).encode("utf-8")
    if not ascii_values:
        return other
    return b"".join((_SEPARATOR.join(ascii_values).encode("ascii"), b"\x00", other))


#: A text group's first values, and how many of them must be distinct for the group to be
#: checked as it is (:func:`_text_colons`).
_SAMPLE: Final = 64
_SAMPLE_DISTINCT: Final = 52


def _colons(raw: bytes) -> int:
    """``raw.count(b":")``, found by searches (a memchr each) while colons are rare: a
    count reads every byte (about 5 instructions a byte), a search skips to the next colon
    (about 1,200 instructions a colon found: ``bytes.find`` parses its arguments from a
    tuple); once colons are as dense as one in 32 bytes the rest is counted (switching at
    one in 256 was no fewer instructions at 1,000 events, callgrind)."""
    found = 0
    dense = len(raw) >> 5
    position = raw.find(b":")
    while position != -1:
        found += 1
        if found > dense:
            return found + raw.count(b":", position + 1)
        position = raw.find(b":", position + 1)
    return found


_PAREN: Final = b"(00"
#: Where the phone regex's alternative that starts with '(' can match, in text translated by the
#: contact table: '(', two to four digits, ')', white space or not, three digits (or two, a
#: separator and two: "(0000) 00-00-00"). Its ``\\s`` is
#: ASCII white space (made '-', as '.' and '-' are: "(000).000" is found too, which the regex does
#: not match, and costs a search of the text), U+0085 or U+00A0 (two bytes each in UTF-8), or
#: another character whose lead byte the table makes 0xFF, as it makes every digit other than 0-9:
#: text with one of those has every non-ASCII value searched with the regexes anyway. (Most '(00' in
#: prose are years in parentheses, and the regexes searched each such text.)
_PAREN_PHONE: Final = re.compile(b"\\(0{2,4}\\)(?:-|\xc2[\x85\xa0])?(?:000|00-00)")


def _contact_suspects(values: list[str], raw: bytes, marked: bytes) -> list[str]:
    """The values that may hold contact data: those with a mark, and every non-ASCII one if
    any may hold another script's digit or parts a phone's groups by a no-break space, which
    the marks cannot judge (``raw`` is the values
    joined by NULs in UTF-8, in any order, ``marked`` that translated by the contact table; see
    :func:`~rightsdata._model.fields.may_hold_contact`)."""
    unmarked = OTHER_DIGIT_MARK[0] in marked or (
        NO_BREAK_SPACE[0] in marked and NO_BREAK_SPACE in marked
    )
    suspects = list(itertools.filterfalse(str.isascii, values)) if unmarked else []
    for mark in CONTACT_MARKS:
        # (the marks' first bytes are rare in text: one memchr each, where a search for a
        # two-byte mark took about 2 ns a byte)
        if mark[0] not in marked:
            continue
        position = _find_mark(marked, mark, 0)
        while position != -1:
            start = marked.rfind(b"\x00", 0, position) + 1
            end = marked.find(b"\x00", position)
            end = len(marked) if end == -1 else end
            suspects.append(raw[start:end].decode("utf-8"))
            position = _find_mark(marked, mark, end)
    return suspects


def _find_mark(marked: bytes, mark: bytes, start: int) -> int:
    """Where the first ``mark`` from ``start`` is in ``marked`` that may start a match, or -1.

    '(00' only where :data:`_PAREN_PHONE` matches (most are years in parentheses), found by
    the regex's own search (its literal prefix scanned in C), where a search for '(00' and
    a match at each took twice as long; a mark of two bytes ('+' then a digit) by its first
    byte's places (a memchr each) and a test of the next. CPython's search for a short
    pattern tests its last byte at most places, and '0' is every digit once marked: the
    two took 1.1 and 1.4 ms of the texts of 1,000 events (about 1 ns a byte)."""
    if mark == _PAREN:
        match = _PAREN_PHONE.search(marked, start)
        return -1 if match is None else match.start()
    if len(mark) != 2:
        return marked.find(mark, start)
    first = mark[:1]
    position = marked.find(first, start)
    while position != -1 and not marked.startswith(mark, position):
        position = marked.find(first, position + 1)
    return position


# --- the generated walk -------------------------------------------------------------------


def _plan(cls: type) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        gathered = Gather()
        source = _walk_source(cls, gathered)
        walk = _compiled_ahead(cls.__name__, source)
        if walk is None:
            namespace: dict[str, Any] = {"RejectedError": RejectedError}
            walk = compile_function(
                source, f"bulk checks of {cls.__name__}", namespace, f"walk_{cls.__name__}"
            )
        plan = _plans[cls] = _Plan(
            tuple(gathered.texts),
            tuple(gathered.refs),
            tuple(gathered.names),
            tuple(gathered.families),
            tuple(gathered.groups),
            walk,
        )
    return plan


def _walk_source(cls: type, gathered: Gather, *, checks: bool = True, defer: bool = True) -> str:
    """The source of the function ``walk_<class name>`` that checks and gathers records of
    ``cls``, filling ``gathered``'s indexes; or, unless ``checks``, of ``names_<class name>``,
    which only gathers the IDs of the class's ``_NAMES`` (as ``walk_`` does too). Unless
    ``defer``, every part is checked within its record (:func:`_walk_lines`)."""
    families: Mapping[str, tuple[str, ...]] = getattr(cls, "_NAMES", {})
    named = {path: family for family, paths in families.items() for path in paths}
    for path in named:
        _named_field(cls, path)
    grouped = {path: gathered.group(path) for path in getattr(cls, "_GROUPS", ())}
    for path in grouped:
        if _field_at(cls, path, "_GROUPS") is None:
            raise TypeError(f"{cls.__name__}._GROUPS: {path!r} is not a path to a field")
    deferred: list[tuple[str, int, int, list[str]]] = []
    body = _walk_lines(
        cls, 1, None, gathered, named, grouped, "", checks, deferred if defer else None
    )
    ends = [f"        f{gathered.family(family)}({NAME_BREAK!r})" for family in families]
    later: list[str] = []
    for k, (inner, pairs, strings, lines) in enumerate(deferred):
        later.append(f"    pairs += {pairs} * len(D{k})")
        later += [f"    strs += {strings} * len(D{k})"] if strings else []
        later += [f"    for {inner} in D{k}:", *lines]
    used = "\n".join([*body, *ends, *later])
    loop = "    for i, o1 in enumerate(records):" if grouped else "    for o1 in records:"
    aliases = [
        *(f"    t{i} = texts[{i}].append" for i in gathered.texts.values()),
        *(f"    r{i} = refs[{i}].append" for i in gathered.refs.values()),
        *(f"    e{i} = refs[{i}].extend" for i in gathered.refs.values()),
        *(f"    n{i} = names[{i}].extend" for i in gathered.names.values()),
        *(f"    a{i} = names[{i}].append" for i in gathered.names.values()),
        *(f"    f{i} = families[{i}].append" for i in gathered.families.values()),
        *(f"    x{i} = families[{i}].extend" for i in gathered.families.values()),
        *(f"    G{i} = groups[{i}]" for i in gathered.groups.values()),
        *(f"    P{i} = {{}}" for i in gathered.groups.values()),
        *(f"    p{i} = P{i}.get" for i in gathered.groups.values()),
    ]
    # only the aliases the body uses: the less source, the quicker it compiles
    head = [line for line in aliases if _uses(used, line.split()[0])]
    head += ["    ident = id"] if grouped else []
    if not checks:
        signature = f"def names_{cls.__name__}(records, families, groups):"
        return "\n".join([signature, *head, loop, *body, *ends])
    head += [
        line for k in range(len(deferred)) for line in (f"    D{k} = []", f"    d{k} = D{k}.extend")
    ]
    head = [
        f"def walk_{cls.__name__}(records, texts, refs, names, families, groups, sparse):",
        *head,
        f"    pairs = {len(attrs.fields(cls))} * len(records)",
        f"    strs = {_strings(cls)[0]} * len(records)",
        loop,
    ]
    return "\n".join([*head, *body, *ends, *later, "    return pairs, strs"])


def _left_out_lines(cls: type, obj: str, pad: str) -> list[str]:
    """The statements that, in a walk of ``sparse`` records, take from ``pairs`` each of
    ``obj``'s optional fields that holds its default (None or the empty tuple): decoded
    from a file that leaves empty fields out (:mod:`rightsdata._validation.prefill`), such a
    field had no key in it, or its key was written with that value, which the count of the
    file's keys then shows as one too many. One test of ``sparse`` an object where it is
    not (a file with every field written)."""
    tests = [
        f"{pad}    if {obj}.{name} is None: pairs -= 1"
        if default is None
        else f"{pad}    if not {obj}.{name}: pairs -= 1"
        for name, default in optional_defaults(cls)
    ]
    return [f"{pad}if sparse:", *tests] if tests else []


def _strings(cls: type) -> tuple[int, tuple[str, ...]]:
    """How many strings an object of ``cls`` holds in its JSON that the walk does not gather
    (its vocabulary terms, dates and durations: every text, ID and name of a field is
    gathered, and counted by its list), and the names of the fields that may hold one or
    null."""
    required, optional = 0, []
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        if isinstance(spec_of(field), Text | Ref | HolderNames):
            continue  # (gathered)
        hint = hints[field.name]
        if nested_part(hint)[0] is not None:
            continue  # (a part: its own strings)
        leaves = [t for t in leaf_types(hint) if t is not type(None)]
        if all(t in _STRINGS or _string_terms(t) for t in leaves):
            if len(leaves) < len(leaf_types(hint)):
                optional.append(field.name)
            else:
                required += 1
        elif not all(t in (int, float, bool) for t in leaves):
            raise TypeError(f"{cls.__name__}.{field.name}: is {hint} written as a string?")
    return required, tuple(optional)


#: The types of the model's fields whose JSON is a string, but for texts, IDs and terms.
_STRINGS: Final = (EDTF, Duration, str)


def _string_terms(cls: Any) -> bool:
    """Whether ``cls`` is a vocabulary whose every term is a string."""
    return (
        isinstance(cls, type)
        and issubclass(cls, Enum)
        and all(type(term.value) is str for term in cls)
    )


def _leaf(cls: type) -> bool:
    """Whether the part ``cls`` holds no parts."""
    return all(nested_part(hint)[0] is None for hint in field_hints(cls).values())


def _group_lines(value: str, index: int, pad: str) -> list[str]:
    """The statements that add the record's position ``i`` to the group of ``value``."""
    # (each distinct value's list's append is kept in a dict of its own, the fewest steps; a
    # list, made an array after the walk: an array's append parses its argument, and cost
    # the walks of 10,000 events 17 M instructions, callgrind)
    return [
        f"{pad}v = {value}",
        f"{pad}p = p{index}(ident(v))",
        f"{pad}if p is None:",
        f"{pad}    at = []",
        f"{pad}    G{index}[ident(v)] = (v, at)",
        f"{pad}    p = P{index}[ident(v)] = at.append",
        f"{pad}p(i)",
    ]


def _uses(source: str, name: str) -> bool:
    """Whether ``source`` calls or indexes the local ``name`` (a plain search, not a regular
    expression an alias, compiled on every cold load)."""
    return f" {name}(" in source or f" {name}[" in source


def _named_field(cls: type, path: str) -> Ref:
    """The spec of the field at ``path`` (``_NAMES``), which must hold IDs."""
    spec = _field_at(cls, path, "_NAMES")
    if not isinstance(spec, Ref):
        raise TypeError(f"{cls.__name__}._NAMES: {path!r} is not a field holding IDs")
    return spec


def _field_at(cls: type, path: str, declared: str) -> Any:
    """The spec of the field at ``path`` from ``cls`` (a part's field after a dot), for the
    class attribute ``declared``; None if the last step is not a field."""
    *steps, last = path.split(".")
    holder = cls
    for step in steps:
        nested, _ = nested_part(field_hints(holder).get(step, type(None)))
        if nested is None:
            raise TypeError(f"{cls.__name__}.{declared}: {path!r} is not a path to a field")
        holder = nested
    field = getattr(attrs.fields(holder), last, None)
    return spec_of(field) if field is not None else None


def _compiled_ahead(name: str, source: str) -> Callable[..., tuple[int, int]] | None:
    """The walk from :mod:`rightsdata._validation.walks` if its source there is exactly ``source``
    (compiling the walks costs a cold ``load()`` about a twentieth of its time)."""
    try:
        from rightsdata._validation import walks as _walks
    except ImportError:  # pragma: no cover - the module is generated and shipped
        return None
    if _walks.SOURCES.get(name) != source:
        return None
    walk: Callable[..., tuple[int, int]] = getattr(_walks, f"walk_{name}")
    return walk


def walks_module(classes: Iterable[type]) -> str:
    """The text of :mod:`rightsdata._validation.walks`: the walks of ``classes``, compiled ahead
    with
    the package (``scripts/generate_walks.py`` writes it)."""
    sources = {cls.__name__: _walk_source(cls, Gather()) for cls in classes}
    lines = [
        '"""The bulk checks\' walks, compiled ahead: generated by scripts/generate_walks.py from',
        "the record classes (rightsdata._validation.bulkcheck); do not edit. A walk here is used",
        "only while its source is exactly what rightsdata._validation.bulkcheck generates;",
        "otherwise it is generated.",
        '"""',
        "# mypy: ignore-errors",
        "",
        "from rightsdata._model.fields import RejectedError",
        "",
        "SOURCES = {",
        *(f"    {name!r}: {source!r}," for name, source in sources.items()),
        "}",
    ]
    for source in sources.values():
        lines += ["", "", source]
    return "\n".join(lines) + "\n"


def _walk_lines(
    cls: type,
    depth: int,
    holder: type | None,
    gathered: Gather,
    named: Mapping[str, str],
    grouped: Mapping[str, int],
    path: str,
    checks: bool,
    deferred: list[tuple[str, int, int, list[str]]] | None = None,
) -> list[str]:
    """The statements that check and gather one object ``o{depth}`` of ``cls``, a part held
    in a list by ``holder`` (or a record: None), at ``path`` from the record; and that gather
    the IDs of the record's ``_NAMES`` (``named``: each path's family). Unless ``checks``,
    only those, and only for the parts that hold some.

    The parts of a list whose class holds no parts, none of ``named`` nor ``grouped`` (a
    citation, an inference, an alias), are gathered into one list for all the records, added
    to ``deferred`` (the part's name, its pairs and strings, the statements that check one),
    which the walk checks after the records, one loop for all: most such lists hold one part, and a
    loop over each made and freed an iterator (the walks of 1,000 events 29.2 -> 25.9 M
    instructions with the test of a list that needs a part by ``not``, callgrind)."""
    pad, obj = "    " * (depth + 1), f"o{depth}"
    fields = attrs.fields(cls)
    # (a record's pairs and strings are counted once for all of them, by the walk's head)
    strings, maybe = _strings(cls) if checks else (0, ())
    lines = [f"{pad}pairs += {len(fields)}"] if checks and depth > 1 else []
    lines += [f"{pad}strs += {strings}"] if strings and depth > 1 else []
    lines += _left_out_lines(cls, obj, pad) if checks else []
    hints = field_hints(cls)
    for field in fields:
        value, spec = f"{obj}.{field.name}", spec_of(field)
        nested, many = nested_part(hints[field.name])
        how = spec.names_holder
        if checks and how is not None:
            if holder is None:  # pragma: no cover - the model declares these on parts only
                raise TypeError(f"{cls.__name__}.{field.name} names fields of no holder")
            index = gathered.name(holder, how)
            gather = f"n{index}" if how == "names" else f"a{index}"
            lines += _maybe(how == "names", value, gather, pad)
        if checks:
            lines += spec.walk(value, pad, gathered)
        family = named.get(path + field.name)
        if family is not None:
            assert isinstance(spec, Ref)  # (_named_field checked it)
            index = gathered.family(family)
            if spec.many:
                more = [f"{pad}v = {value}", f"{pad}if v:", f"{pad}    x{index}(v)"]
            else:
                more = _maybe(spec.optional, value, f"f{index}", pad)
            # under the check's own test of the same value, if it ends the lines so far
            lines += more[2:] if len(more) == 3 and lines[-3:-1] == more[:2] else more
        group = grouped.get(path + field.name)
        if group is not None:
            lines += _group_lines(value, group, pad)
        if field.name in maybe:
            lines += [f"{pad}if {value} is not None:", f"{pad}    strs += 1"]
        if nested is not None:
            inner = f"o{depth + 1}"
            within = f"{path}{field.name}."
            # does the part hold a path of _NAMES or _GROUPS (gathered in the records' order)?
            keyed = any(p.startswith(within) for p in (*named, *grouped))
            if not checks and not keyed:
                continue
            holder = cls if many else None
            body = _walk_lines(
                nested, depth + 1, holder, gathered, named, grouped, within, checks, deferred
            )
            if not body:
                continue
            if many and deferred is not None and not keyed and _leaf(nested):
                # (the part's pairs and strings, counted for all of them at once)
                part_strings = _strings(nested)[0]
                counters = body[: 2 if part_strings else 1]
                assert counters[0] == f"{pad}    pairs += {len(attrs.fields(nested))}"
                del body[: len(counters)]
                k = len(deferred)
                deferred.append((inner, len(attrs.fields(nested)), part_strings, body))
                if isinstance(spec, Items) and spec.min_items:
                    lines.append(f"{pad}d{k}({value})")
                else:
                    lines += [f"{pad}v = {value}", f"{pad}if v:", f"{pad}    d{k}(v)"]
                continue
            if many and isinstance(spec, Items) and spec.min_items:
                lines.append(f"{pad}for {inner} in {value}:")
            elif many:  # (most such lists are empty: then no iterator is made)
                lines += [f"{pad}v = {value}", f"{pad}if v:", f"{pad}    for {inner} in v:"]
                body = [f"    {line}" for line in body]
            else:
                lines += [f"{pad}{inner} = {value}", f"{pad}if {inner} is not None:"]
            lines += body
    if checks and cls._rules is not Validated._rules:  # type: ignore[attr-defined]
        lines.append(f"{pad}{obj}._rules()")
    return lines
