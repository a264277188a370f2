"""Field specs: one object per field constraint, owning every form the constraint takes.

Each record field is declared with a factory here (:func:`text`, :func:`ref`, :func:`items`,
...) that makes its one :class:`Spec`: a required field's spec is written in its annotation
(``name: Annotated[str, text("The name.")]``), an optional field's is its default
(``born: EDTF | None = optional_value("The date of birth.")``). So type checkers see what
the constructor requires: the attrs mypy plugin, and PEP 681's ``dataclass_transform`` that
attrs declares, count a field as required only if the class body gives it no value.
:func:`declare_fields` (called by the model's base class as each class is made, before attrs
reads it) makes each spec an attrs field carrying it in its metadata under :data:`SPEC`, and
leaves the bare type in the annotation. The spec is the single statement of the field's rule,
which these read:

- :meth:`Spec.check`: the located check, raising :class:`~rightsdata.FieldError`
  (the diagnostic path and constructors);
- :meth:`Spec.inline`: the cheap test generated into each class's check
  (:mod:`rightsdata._model.checks`), which calls :meth:`Spec.check` only when it fails;
- :meth:`Spec.walk`: the bulk form, gathering values for the fast path's file-at-once check
  (:mod:`rightsdata._validation.bulkcheck`);
- :meth:`Spec.schema`: its JSON Schema (``scripts/schemagen.py``);
- :meth:`Spec.strategy`: its hypothesis strategy (:mod:`rightsdata.testing`);
- :attr:`Spec.prose`: one line for the docs.

Other things about a field live elsewhere, by hand (docs/maintaining.md lists them, with the
test that asks for each): the format that added it (``FIELDS_FROM`` in
:mod:`rightsdata._values.format`), whether it is a reference ``Dataset.related`` follows (a
record class's ``_NAMES``), how the cards show a part's fields (:mod:`rightsdata._display`),
and the tables' and docs' examples that list columns.

The kinds of value: :class:`Text` (and :class:`HolderPath`), :class:`Ref` (:class:`RecordId`,
:class:`Refs`), :class:`HolderNames`, :class:`Items`, :class:`Count`, :class:`Degrees`, and
the base :class:`Spec` for a value whose type (an enum, a date, a nested part) says it all.

Optional fields (null or an empty list) get a default, so that a dataset may omit them and a
Python caller need not pass them. The default comes from a factory that counts its calls:
msgspec calls it for every field a file leaves out, which tells the fast path how many
key-value pairs the file really holds (:func:`absent_count`).

>>> from rightsdata._model.fields import Text
>>> Text("A title.").check("title", " padded")
Traceback (most recent call last):
...
rightsdata.FieldError: title: must be non-empty text without leading or trailing spaces
"""

from __future__ import annotations

import inspect
import itertools
import operator
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, get_origin

import attrs

from rightsdata._model.forms import (
    COUNTRY,
    INVISIBLE_CLASS,
    JURISDICTION,
    LANGUAGE,
    NOTHING_SHOWN,
    SPACE_CLASS,
    STRICT_END,
    URL,
    Form,
    cached_regex,
    class_characters,
    form_of_pattern,
)
from rightsdata._values.controls import (
    CONTROL_CLASS,
    SURROGATE_MESSAGE,
    find_control,
    has_surrogate,
    name_control,
)
from rightsdata._values.errors import (
    FieldError,
    ProblemCode,
    counted,
    describe_json,
    printable,
    shown_number,
)
from rightsdata._values.ids import (
    SLUG_PATTERN,
    describe_prefixes,
    id_pattern,
    in_lowercase,
    meant_prefix,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

#: attrs metadata key: the field's :class:`Spec`.
SPEC: Final = "rightsdata_spec"

COUNTRY_PATTERN: Final = COUNTRY.pattern
LANGUAGE_PATTERN: Final = LANGUAGE.pattern
URL_PATTERN: Final = URL.pattern
JURISDICTION_PATTERN: Final = JURISDICTION.pattern
#: Text fields may not be empty or only white space, nor start or end with white space, nor
#: hold a control character other than a tab or a line feed (:mod:`rightsdata._values.controls`),
#: nor be made of invisible characters alone (a zero-width space, a byte order mark), which
#: show nothing: a text is its first visible character, after invisible characters (and
#: white space, not first) or none, then anything that ends with neither white space nor a
#: control character. No lookaround: some engines that read the schemas' patterns have none
#: (the Rust regex of pydantic, which the benchmark's twins use).
TEXT_PATTERN: Final = (
    f"^(?:[{INVISIBLE_CLASS}][{SPACE_CLASS}{INVISIBLE_CLASS}]*)?"
    f"[^{SPACE_CLASS}{CONTROL_CLASS}{INVISIBLE_CLASS}]"
    f"(?:[^{CONTROL_CLASS}]*[^{SPACE_CLASS}{CONTROL_CLASS}])?$"
)
QUOTE_MAX: Final = 600
#: The largest count: 2**53 - 1, the largest integer every JSON reader holds exactly (a
#: JavaScript number, a float64 column), and well inside the int64 of Parquet and pandas.
COUNT_MAX: Final = (1 << 53) - 1

# rightsdata holds no personal contact data: text that looks like an e-mail address or a
# telephone number is refused wherever it appears. The e-mail pattern starts only where a run
# of address characters starts (the lookbehind): without it, a long run of letters with no
# '@' (a paragraph of Chinese is one run of \w) is rescanned from every position, which is
# quadratic (40,000 characters took 5 s).
_EMAIL_RE: Final = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone is written one of three ways:
# - international, '+', a digit and eight or more digits, separators and parentheses; not a
#   signed decimal ("+43.25670 76.92860", a coordinate: a fraction of four digits or more)
#   nor a signed figure grouped in thousands, of up to nine digits ("+1 200 000", "+12.000.000":
#   an international number has a group of two or four digits, or ten digits or more), or of
#   one digit then any number of groups of three ("+2 000 000 000", a figure's change). The
#   only one-digit country codes, 1 (North America) and 7 (Kazakhstan, Russia), have national
#   numbers of ten digits, which no run of groups of three makes ("+7 000 000 0000" has a
#   group of four); a longer country code may have one (Spain's "+34 000 000 000"), so there
#   a figure of ten digits or more grouped in thousands is still taken for a phone. Either
#   figure may end in a fraction of one or two digits after a point where spaces part its
#   groups ("+2 000 000 000.5", "+1 200 000.75": the point is no group's separator then; a
#   phone's last group is longer, "+1 202 555.0199"; after points, "+1.500.000,5", the comma
#   ends what is read);
# - an area code in parentheses, then three digits, then three or four, or two and two
#   ("(202) 555-0199", "(000) 000 00 00"), or a four-digit area code and three groups of two,
#   as a Kazakh city's number is written ("8 (0000) 00-00-00"; not a date, "(2011) 16.12.2011");
# - national form, groups of three, three and four digits, or of three, three, two and two,
#   with a one-digit trunk prefix or none ("202-555-0199", "8-000-000-00-00", "8 000 000 00
#   00"), the groups apart by a space, a no-break space (U+00A0, U+202F), a figure or thin
#   space (U+2007, U+2009), a dot or a hyphen; not where the groups run on into more digits
#   ("ISBN 978-601-7891-23-4", a date).
_GROUP_GAP: Final = r"[ .\-\u00a0\u2007\u2009\u202f]"
_FRACTION: Final = r"(?:(?<=\s\d{3})\.\d{1,2})?"  # (after groups that spaces part)
_PHONE_RE: Final = re.compile(
    rf"\+(?!\d{{1,3}}\.\d{{4,}}(?![\d.-]))"
    rf"(?!\d{{1,3}}(\s|\.)\d{{3}}(?:\1\d{{3}})?{_FRACTION}(?![\s.-]?\d))"
    rf"(?!\d(\s|\.)\d{{3}}(?:\2\d{{3}})+{_FRACTION}(?![\s.-]?\d))"
    r"\d[\d\s().-]{7,}\d"
    r"|\(\d{2,4}\)\s?\d{3}(?:[\s.-]?\d{3,4}|(?:[\s.-]\d{2}){2})"
    r"|\(\d{4}\)\s?\d{2}(?:[\s.-]\d{2}){2}(?!\d)"
    rf"|\b(?<!\d[.-])(?:\d{_GROUP_GAP})?\d{{3}}{_GROUP_GAP}\d{{3}}"
    rf"(?:{_GROUP_GAP}\d{{4}}|(?:{_GROUP_GAP}\d{{2}}){{2}})(?!\w|[.-]\d)"
)

# --- absent fields ------------------------------------------------------------------------


# Every optional field's default is made by a factory that counts its calls; msgspec calls
# the factory for each field a file leaves out. The factories are two counted calls (of None
# and of the empty tuple): no Python frame (as Python functions they cost a 100,000-event
# load in format 2 about 0.5 s). The count only grows, so another thread's calls can only
# make the fast path's pair count disagree, never wrongly agree.
def counted_calls(value: Any = None) -> tuple[Callable[[], Any], Callable[[], int]]:
    """A function of no arguments that returns ``value`` (the ``__next__`` of an
    ``itertools.repeat`` iterator: one C call, atomic under the GIL), and one that says how
    many times it has been called, in this process (by how much the iterator has left).

    >>> call, calls = counted_calls(())
    >>> call(), call(), calls()
    ((), (), 2)
    """
    iterator = itertools.repeat(value, sys.maxsize)
    return iterator.__next__, lambda: sys.maxsize - operator.length_hint(iterator)


_absent_none, _nones_given = counted_calls(None)
_absent_empty, _empties_given = counted_calls(())


def absent_default(field: attrs.Attribute[Any]) -> Any:
    """The value ``field`` is given when a constructor leaves it out (None or the empty tuple
    for an optional field), for the signatures ``help()`` shows; ``inspect.Parameter.empty``
    if it is required. Its factory is not called: a call counts as a field a file left out."""
    factory = getattr(field.default, "factory", None)
    if factory is _absent_none:
        return None
    if factory is _absent_empty:
        return ()
    return inspect.Parameter.empty if field.default is attrs.NOTHING else field.default


def optional_defaults(cls: type) -> tuple[tuple[str, tuple[()] | None], ...]:
    """The optional fields of the attrs class ``cls``, each with the value it is given when
    left out (None or the empty tuple), in the class's order.

    >>> from rightsdata import Citation
    >>> optional_defaults(Citation)[0]
    ('locator', None)
    """
    return tuple(
        (field.name, default)
        for field in attrs.fields(cls)
        if (default := absent_default(field)) is None or default == ()
    )


def absent_count() -> int:
    """How many optional fields have been filled in by their default so far, in this process:
    the difference of two readings is how many were filled in between them."""
    return _nones_given() + _empties_given()


# --- the checks: each raises FieldError naming the field, or returns if the value is fine ----

#: Every ASCII digit made '0', and the separators of a phone's groups ('.', ' ', the tab and the
#: line feed) made '-': then the few substrings that either contact regex needs are four
#: (:data:`CONTACT_MARKS`), and the bulk check's match of a phone written ``(000) 000`` needs one
#: separator byte, not a class; every other ASCII control, which a text may not hold (the other
#: white space among them), is made :data:`CONTROL_MARK`, so that one byte search finds them all. In
#: UTF-8 text, the lead byte of every character from U+0640 on is made 0xFF: the first decimal digit
#: other than 0-9 (``\\d`` matches any) is U+0660, so text with no 0xFF once translated has none.
#: The NUL that joins texts stays as it is.
CONTACT_TABLE: Final = bytes.maketrans(
    b"123456789. \t\n" + bytes([*range(1, 9), *range(0x0B, 0x20), 0x7F, *range(0xD9, 0x100)]),
    b"000000000----" + b"\x01" * (8 + 0x15 + 1) + b"\xff" * (0x100 - 0xD9),
)
#: In text translated by :data:`CONTACT_TABLE`: an ASCII control character other than NUL.
CONTROL_MARK: Final = b"\x01"
#: What each phone alternative holds, as translated by :data:`CONTACT_TABLE`, where its match
#: starts: '+' then a digit; '(' then two digits (then up to two more and ')'); and, at most
#: :data:`GROUPED_LEAD` characters after the start (a trunk prefix and its separator), three
#: digits, a separator, three digits, a separator, two digits. A year in parentheses is a
#: mark; a date, "2011-12-16", is not: it was, with "000-0", and most texts that mention a
#: date were then searched with the regexes. (Each mark is one search over the texts: "(00)",
#: "(000)" and "(0000)" cost two more than "(00" and spared few texts.)
PHONE_MARKS: Final = (b"+0", b"(00", b"000-000-00")
#: How far before its mark a phone in national form may start: "8-" of "8-000-000-00-00".
GROUPED_LEAD: Final = 2
#: '@' for an e-mail address, and the phone marks.
CONTACT_MARKS: Final = (b"@", *PHONE_MARKS)
#: In text translated by :data:`CONTACT_TABLE`: a character that may be another script's digit.
OTHER_DIGIT_MARK: Final = b"\xff"
#: U+00A0 in UTF-8, which the table leaves as it is (a lead byte of 0xC2 is also «, » and °):
#: a text that holds one may hold a phone in national form whose groups it parts, which no
#: mark finds. (U+2007, U+2009 and U+202F have a lead byte the table makes 0xFF.)
NO_BREAK_SPACE: Final = "\u00a0".encode()


def _phone_from(value: str) -> int:
    """Where in ``value`` a match of _PHONE_RE can start at the earliest, or -1 if none can.

    Each phone alternative starts with one of :data:`PHONE_MARKS` once every digit is made
    '0' (and '.' made '-'), at the place the match starts. That holds for any text whose
    digits are all 0-9; in UTF-8 no other character has an ASCII byte, so text of any script
    is judged by its marks unless it may hold another script's digit.
    """
    if value.isascii():
        marked = value.encode("ascii").translate(CONTACT_TABLE)
        found = [at for at in map(marked.find, PHONE_MARKS[:2]) if at >= 0]
        grouped = marked.find(PHONE_MARKS[2])
        if grouped >= 0:
            found.append(max(0, grouped - GROUPED_LEAD))
        return min(found) if found else -1  # ASCII: a byte is a character
    # (a lone surrogate, which a text may not hold, is refused by its own check: here it
    # must not raise)
    marked = value.encode("utf-8", "surrogatepass").translate(CONTACT_TABLE)
    if (
        OTHER_DIGIT_MARK in marked
        or NO_BREAK_SPACE in marked
        or any(mark in marked for mark in PHONE_MARKS)
    ):
        return 0
    return -1


def may_hold_contact(value: str) -> bool:
    """False only if neither _EMAIL_RE nor _PHONE_RE can match ``value``: it has no '@', and
    no phone can start anywhere in it (plain substring tests, a small fraction of the
    regexes' time on prose)."""
    return "@" in value or _phone_from(value) >= 0


def holds_contact(value: str) -> bool:
    """True if ``value`` looks like it holds an e-mail address or a phone number.

    Each regex runs only where it can match: the e-mail one if there is an '@', the phone
    one from the first place a phone can start (on the bundled data this halves what the
    regexes cost a cold ``rightsdata.load()``: 6 M instructions, callgrind).
    """
    if "@" in value and _EMAIL_RE.search(value) is not None:
        return True
    start = _phone_from(value)
    # (a search from ``start`` sees the characters before it, for \\b: the same verdict)
    return start >= 0 and _PHONE_RE.search(value, start) is not None


#: What a problem of a control character says a text may hold.
TEXT_CONTROLS: Final = "a text may hold tabs and line feeds, but no other control character"


def check_controls(name: str, value: str, allowed: str = TEXT_CONTROLS) -> None:
    """Refuse text holding a control character other than a tab or a line feed; ``allowed``
    says what the text may hold (a form's own words: one line holds no line feed)."""
    at = find_control(value)
    if at >= 0:
        raise FieldError(
            name,
            f"holds the control character {name_control(value[at])} at character {at + 1}; "
            f"{allowed}",
        )


def _unfit_unusual(value: str) -> bool:
    """For a text that is not all printable (a line feed, a no-break space...) or starts with
    the one invisible character that is printable (the combining grapheme joiner): whether
    it holds what a text may not, a control character (:func:`check_controls`) or a lone
    surrogate, or shows nothing (:func:`shows_nothing`), which only the full check names."""
    return find_control(value) >= 0 or has_surrogate(value) or shows_nothing(value)


def shows_nothing(value: str) -> bool:
    """Whether ``value`` is made of white space and invisible characters alone (a zero-width
    space, a joiner, a byte order mark, a soft hyphen: :data:`INVISIBLE_CLASS`), so that a
    reader sees nothing of it.

    >>> shows_nothing("\u200b"), shows_nothing("\ufeff \u200d"), shows_nothing("\u200bA")
    (True, True, False)
    """
    return not value.strip(NOTHING_SHOWN)


def check_shown(name: str, value: str) -> None:
    """Refuse text that shows nothing (:func:`shows_nothing`), naming what it holds."""
    if shows_nothing(value):
        import unicodedata  # (only when wrong)

        invisible = sorted(set(value) - set(class_characters(SPACE_CLASS)))
        held = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}" for c in invisible)
        spaces = " and white space" if len(invisible) < len(set(value)) else ""
        raise FieldError(
            name,
            f"shows nothing: it holds only invisible characters ({held}){spaces}; a text "
            "must show something",
        )


def check_contact(name: str, value: str) -> None:
    """Refuse text that looks like personal contact data."""
    if holds_contact(value):
        raise FieldError(
            name,
            "looks like an e-mail address or phone number; personal contact data is not allowed",
        )


_SLUG_RE: Final = re.compile(SLUG_PATTERN)  # fullmatch: "$" would let a final newline by
#: At most this many IDs are kept a tuple of prefixes: a set of 4,096 strings is about 200
#: KB, where the 65,536 kept before held 12.6 MB (13 sets of up to 2 MB) after a load of
#: 100,000 events, about 126 bytes an event, and kept their IDs alive after ``del ds``.
_KNOWN_IDS_MAX: Final = 1 << 12
#: IDs already found valid, per tuple of allowed prefixes: IDs repeat (every citation names
#: a source), and a set lookup is much cheaper than the check. A load of the same records
#: again checks only the IDs of sets this small; a larger load's are not kept.
KNOWN_IDS: Final[dict[tuple[str, ...], set[str]]] = {}


def check_ref(name: str, value: object, prefixes: tuple[str, ...]) -> None:
    """Check one ID: its form and the kinds of record it may name."""
    if type(value) is not str:
        raise FieldError(name, f"expected an id, got {describe_json(value)}", ProblemCode.TYPE)
    kind, sep, slug = value.partition(":")
    if not sep or _SLUG_RE.fullmatch(slug) is None:
        raise FieldError(name, f"{value!r} is not an id ({id_form(value, prefixes)})")
    if kind not in prefixes:
        meant = meant_prefix(kind, prefixes)
        hint = f" (did you mean {meant + sep + slug!r}?)" if meant is not None else ""
        raise FieldError(
            name,
            f"{value!r} names {kind!r}; expected {describe_prefixes(prefixes)}{hint}",
            ProblemCode.VALUE,
        )
    remember_ids(prefixes, (value,))


#: White space at a text's end named in words (any other by its code point).
_SPACE_WORDS: Final = {
    "\t": "a tab",
    "\n": "a line feed",
    "\r": "a carriage return",
    "\u00a0": "a no-break space (U+00A0)",
}


def _odd_end(value: str) -> str:
    """Which white space an end of ``value`` holds, where it is not a plain space (which the
    message's words say already), as the message's last words.

    >>> _odd_end("\\tx"), _odd_end("x\u2003"), _odd_end(" x")
    (' (it starts with a tab)', ' (it ends with U+2003)', '')
    """
    for end, character in (("starts", value[:1]), ("ends", value[-1:])):
        if character.isspace() and character != " ":
            said = _SPACE_WORDS.get(character) or name_control(character)
            return f" (it {end} with {said})"
    return ""


def id_form(value: str, prefixes: tuple[str, ...]) -> str:
    """What an ID is, said to ``value``, which is not one: its form, and the ID it would
    be in lowercase if that is one with one of ``prefixes``.

    >>> id_form("Person:C", ("person",)), id_form("EVENT:A", ("person",))
    ("kind:slug, slug in lowercase a-z, 0-9 and '-': in lowercase, 'person:c'", "kind:slug, \
slug in lowercase a-z, 0-9 and '-'")
    """
    form = "kind:slug, slug in lowercase a-z, 0-9 and '-'"
    lowered = in_lowercase(value, prefixes)
    return form if lowered is None else f"{form}: in lowercase, {lowered!r}"


def remember_ids(prefixes: tuple[str, ...], values: Collection[str]) -> None:
    """Add IDs found valid to :data:`KNOWN_IDS` (emptied when it would grow too large)."""
    known = KNOWN_IDS.setdefault(prefixes, set())
    if len(known) + len(values) > _KNOWN_IDS_MAX:
        known.clear()
        if len(values) > _KNOWN_IDS_MAX:
            return
    known.update(values)


def ids_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A regex that fullmatches IDs with one of ``prefixes`` joined by NULs: the rule of
    :func:`check_ref`, for many at once."""
    one = id_pattern(prefixes).removeprefix("^").removesuffix("$")
    return cached_regex(f"{one}(?:\x00{one})*")


#: An ID pattern as a JSON Schema writes it (:func:`~rightsdata._values.ids.id_pattern`):
#: the prefixes it takes in group 1.
_ID_PATTERN_RE: Final = re.compile(
    r"\^\(\?:([a-z|]+)\):" + re.escape(SLUG_PATTERN) + r"\$(?:" + re.escape(STRICT_END) + ")?"
)


def pattern_message(pattern: str, value: str) -> str | None:
    """What the model's check says of ``value``, which a JSON Schema's ``pattern`` refused:
    the words of the field's form (a country code, a URL), of an ID or of text, rather than
    the regular expression; None for a pattern of no field.

    >>> str(pattern_message("^[A-Z]{2}$(?![\\\\s\\\\S])", "kz"))[:26]
    "'kz' is not a country code"
    """
    shape = form_of_pattern(pattern)
    ids = _ID_PATTERN_RE.fullmatch(pattern)
    spec: Spec
    if shape is not None:
        spec = Text("", form=shape)
    elif pattern.removesuffix(STRICT_END) == TEXT_PATTERN:
        spec = Text("")
    elif ids is not None:
        spec = Ref(tuple(ids[1].split("|")), "")
    else:
        return None
    try:
        spec.check("", value)
    except FieldError as error:
        return error.message
    return None


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def field_names(cls: type) -> frozenset[str]:
    """The names of an attrs class's fields."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(field.name for field in attrs.fields(cls))
    return names


def path_head(path: str) -> str:
    """The field a path starts from: ``"charges[0].provision"`` -> ``"charges"``."""
    return path.split(".", 1)[0].split("[", 1)[0]


#: One step of a path: a field's name, and an item's index if the field is a list.
_STEP_RE: Final = re.compile(r"([^.\[\]]+)(?:\[(0|[1-9][0-9]*)\])?")


def path_steps(path: str) -> list[tuple[str, int | None]]:
    """The steps of ``path``, a well-formed path (:func:`path_problem` finds none): each
    field's name, and the index of the item taken from it if it is a list.

    >>> path_steps("participants[1].role")
    [('participants', 1), ('role', None)]
    """
    found: list[tuple[str, int | None]] = []
    for step in path.split("."):
        name, index = _STEP_RE.fullmatch(step).groups()  # type: ignore[union-attr]
        found.append((name, None if index is None else int(index)))
    return found


#: The verdict on each path met, per class holding it (None: the path is fine).
_PATH_PROBLEMS: dict[tuple[type, str], str | None] = {}
#: What a path is, for a message of one that is not.
PATH_FORM: Final = "fields joined by '.', a list's item by its index: 'charges[0].provision'"


def path_problem(holder: type, path: str) -> str | None:
    """What is wrong with ``path`` as a path to a field of ``holder`` (an attrs class), or
    None: each step names a field of the class it is in (the holder, then the part the step
    before holds), an index follows only a list, and a step follows only a part (one of a
    list's parts by its index).

    >>> from rightsdata import Event, Person
    >>> path_problem(Event, "charges[0].provision") is None
    True
    >>> path_problem(Person, "born.year[3]")
    "'born.year[3]': 'born' holds no fields (it is not a part, such as a penalty)"
    >>> path_problem(Event, "charges.provision")
    "'charges.provision': 'charges' is a list: name one of its items by its index \
('charges[0].provision')"
    """
    key = (holder, path)
    if key in _PATH_PROBLEMS:
        return _PATH_PROBLEMS[key]
    problem = _path_problem(holder, path)
    if len(_PATH_PROBLEMS) < _KNOWN_IDS_MAX:  # (bounded: a path is a text of the data)
        _PATH_PROBLEMS[key] = problem
    return problem


def _path_problem(holder: type, path: str) -> str | None:
    from rightsdata._values.hints import field_hints, nested_part

    steps = path.split(".")
    shown = printable(repr(path))
    if not all(map(_STEP_RE.fullmatch, steps)):
        return f"{shown} is not a path to a field ({PATH_FORM})"
    cls: type | None = holder
    for position, step in enumerate(steps):
        name, index = _STEP_RE.fullmatch(step).groups()  # type: ignore[union-attr]
        said = "" if path == name else f"{shown}: "  # (the path, where it is not the name)
        if cls is None:  # (the step before named a field that holds no fields)
            before = path_head(steps[position - 1])
            return f"{said}{before!r} holds no fields (it is not a part, such as a penalty)"
        names = field_names(cls)
        if name not in names:
            from rightsdata._values.spelling import spelled_like  # (only when wrong)

            return f"{said}{name!r} is not a field of {cls.__name__}" + spelled_like(
                name, sorted(names)
            )
        part, many = nested_part(field_hints(cls)[name])
        if index is not None and not many:
            return f"{said}{name!r} is not a list: only a list's items have an index"
        if many and index is None and position + 1 < len(steps):
            meant = printable(repr(f"{name}[0]." + ".".join(steps[position + 1 :])))
            return f"{said}{name!r} is a list: name one of its items by its index ({meant})"
        cls = part
    return None


def check_holder_fields(
    name: str, parts: Sequence[Any], attribute: str, how: str, holder: type
) -> None:
    """Check that each part's ``attribute`` names fields of ``holder`` (the class holding
    ``parts`` in its field ``name``); ``how`` is ``"names"`` or ``"path"``
    (:attr:`Spec.names_holder`). The first one that does not is raised (a constructor says
    one problem); :func:`holder_field_errors` gives them all."""
    named = ((index, getattr(part, attribute)) for index, part in enumerate(parts))
    for error in holder_field_errors(name, named, attribute, how, holder):
        raise error


def holder_field_errors(
    name: str, named: Iterable[tuple[int, Any]], attribute: str, how: str, holder: type
) -> Iterator[FieldError]:
    """An error for every name that is not a field of ``holder``, among the ``attribute``
    values of the parts in ``holder``'s field ``name`` (``named``: each part's position and
    value, None where it has none), located, with the field it is spelled like, as an
    unknown field of a record is (``'dates' is not a field of Event (did you mean
    'date'?)``).

    >>> from rightsdata import Event
    >>> [e.message for e in holder_field_errors("citations", [(0, ("dte", "title", "plces"))],
    ...                                         "fields", "names", Event)]
    ["'dte' is not a field of Event (did you mean 'date'?)", \
"'plces' is not a field of Event (did you mean 'places'?)"]
    """
    names = field_names(holder)
    for index, value in named:
        if value is None:
            continue
        if how == "path":
            problem = path_problem(holder, value)
            if problem is not None:
                yield FieldError(f"{name}[{index}].{attribute}", problem, ProblemCode.RULE)
            continue
        for item in value:
            if item not in names:
                from rightsdata._values.spelling import spelled_like  # (only when wrong)

                yield FieldError(
                    f"{name}[{index}].{attribute}",
                    f"{item!r} is not a field of {holder.__name__}"
                    + spelled_like(item, sorted(names)),
                    ProblemCode.RULE,
                )


# --- the specs ----------------------------------------------------------------------------


class RejectedError(Exception):
    """Raised by a bulk walk: some value breaks a rule; the diagnostic path will say which."""


class Gather:
    """What a bulk walk collects, allocated by the specs as the walk is generated: each call
    returns the name of a local that gathers one group (``t0``: texts of one Text spec)."""

    def __init__(self) -> None:
        self.texts: dict[Text, int] = {}
        self.refs: dict[tuple[str, ...], int] = {}
        self.names: dict[tuple[type, str], int] = {}
        self.families: dict[str, int] = {}
        self.groups: dict[str, int] = {}

    def text(self, spec: Text) -> int:
        return self.texts.setdefault(spec, len(self.texts))

    def ref(self, prefixes: tuple[str, ...]) -> int:
        return self.refs.setdefault(prefixes, len(self.refs))

    def name(self, holder: type, how: str) -> int:
        return self.names.setdefault((holder, how), len(self.names))

    def family(self, name: str) -> int:
        """The IDs of one family of the record's ``_NAMES``, each record's ended by a break."""
        return self.families.setdefault(name, len(self.families))

    def group(self, field: str) -> int:
        """The records' positions by the value of one field of the record's ``_GROUPS``."""
        return self.groups.setdefault(field, len(self.groups))


class Spec:
    """One field's constraint. The base states only the field's meaning; its type (an enum,
    a date, a nested part) says what it holds, and the converter checks that."""

    #: True if the field may be left out (null, or an empty list): it has a default.
    optional: bool
    #: On a nested part's field: its value names fields of the record that holds the part
    #: (``"names"``: a list of field names; ``"path"``: one path whose first step is a name).
    names_holder: ClassVar[str | None] = None

    def __init__(self, doc: str, *, optional: bool = False) -> None:
        self.doc = doc
        self.optional = optional

    def _key(self) -> tuple[Any, ...]:
        return (type(self), self.doc, self.optional)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._key()[1:]!r}"

    @property
    def prose(self) -> str | None:
        """The rule in one line for the docs, or None if the type says it all."""
        return None

    def check(self, name: str, value: object) -> None:
        """Raise :class:`FieldError` at ``name`` if ``value`` breaks the rule."""

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        """Source lines for a record's generated check: a cheap test of the value in
        ``local`` that calls the full check only when it fails (``key`` names this field's
        entries in ``namespace``)."""
        return []

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        """Source lines for the bulk walk: gather or test the value expression ``value``."""
        return []

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        """This constraint added to ``base``, the JSON Schema of the field's type."""
        return base

    def strategy(self) -> SearchStrategy[Any] | None:
        """A hypothesis strategy for the values the rule accepts, or None to use the type's."""
        return None

    def attrs_field(self, **meta: Any) -> Any:
        """The attrs field that carries this spec (with a default if optional)."""
        metadata = {SPEC: self, **meta}
        if not self.optional:
            return attrs.field(metadata=metadata)
        factory = _absent_empty if self.many else _absent_none
        return attrs.field(default=attrs.Factory(factory), metadata=metadata)

    #: True if the field holds a list (its default is the empty tuple).
    many: ClassVar[bool] = False


def _optional_lines(optional: bool, local: str, test: str) -> list[str]:
    if optional:
        return [f"    if {local} is not None:", f"        {test}"]
    return [f"    {test}"]


def _maybe(optional: bool, value: str, gather: str, pad: str) -> list[str]:
    """Pass ``value`` to ``gather`` (skipping None if ``optional``)."""
    if optional:
        return [f"{pad}v = {value}", f"{pad}if v is not None:", f"{pad}    {gather}(v)"]
    return [f"{pad}{gather}({value})"]


class Text(Spec):
    """Non-empty text without white space at either end, holding no control character but a
    tab or a line feed, and no contact data; of a :class:`~rightsdata._model.forms.Form` if
    given (a country code, a URL), whose ``pattern`` the checks use and whose words the
    message of a value that misses it."""

    def __init__(
        self,
        doc: str,
        *,
        optional: bool = False,
        form: Form | None = None,
        max_length: int | None = None,
    ) -> None:
        super().__init__(doc, optional=optional)
        self.form = form
        self.pattern = None if form is None else form.pattern
        self.max_length = max_length

    def _key(self) -> tuple[Any, ...]:
        return (*super()._key(), self.form, self.max_length)

    @property
    def prose(self) -> str:
        rule = (
            "non-empty text, no white space at either end, no control character but a tab or "
            "a line feed, not invisible characters alone, no contact data"
        )
        if self.form is not None:
            rule += f"; {self.form.rule} (matches {self.form.pattern})"
        if self.max_length is not None:
            rule += f"; at most {self.max_length} characters"
        return rule

    def check(self, name: str, value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not str:
            raise FieldError(name, f"expected text, got {describe_json(value)}", ProblemCode.TYPE)
        check_controls(name, value, (self.form and self.form.controls) or TEXT_CONTROLS)
        if has_surrogate(value):
            raise FieldError(name, SURROGATE_MESSAGE)
        if not value or value[0].isspace() or value[-1].isspace():
            raise FieldError(
                name, "must be non-empty text without leading or trailing spaces" + _odd_end(value)
            )
        if self.max_length is not None and len(value) > self.max_length:
            raise FieldError(
                name, f"is {len(value)} characters long; at most {self.max_length} allowed"
            )
        if self.form is not None and not self.form.fits(value):
            raise FieldError(name, self.form.message(value))
        check_shown(name, value)
        check_contact(name, value)

    def fine(self, value: str) -> bool:
        """True if ``value`` passes :meth:`check`."""
        try:
            self.check("text", value)
        except FieldError:
            return False
        return True

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        bad = [
            f"type({local}) is not str",
            f"not {local}",
            f"{local}[0].isspace()",
            f"{local}[-1].isspace()",
            # a control character, or nothing shown: most texts are printable, and the
            # searches run only for the others (a line feed, a no-break space, a zero-width
            # space), which need no full check for it, and for a text that starts with the
            # one printable invisible character (U+034F)
            f"((not {local}.isprintable() or {local}[0] == '\\u034f') and _unfit_unusual({local}))",
        ]
        namespace["_unfit_unusual"] = _unfit_unusual
        if self.max_length is not None:
            bad.append(f"len({local}) > {self.max_length}")
        if self.pattern is not None:
            namespace[f"p{key}"] = cached_regex(self.pattern)
            bad.append(f"p{key}.search({local}) is None")
        namespace[f"s{key}"] = self
        # contact data is tested once over all of a record's texts (rightsdata._model.checks)
        test = f"if {' or '.join(bad)}: s{key}.check({name!r}, {local})"
        return _optional_lines(self.optional, local, test)

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        return _maybe(self.optional, value, f"t{gather.text(self)}", pad)

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        schema = {**base, "pattern": self.pattern or TEXT_PATTERN}
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return schema

    def strategy(self) -> SearchStrategy[str]:
        from rightsdata._model.textdraws import text_draws

        return text_draws(self.max_length, self.pattern, self.fine)


class HolderPath(Text):
    """Text naming a field of the record that holds the part (a path from it)."""

    names_holder = "path"

    @property
    def prose(self) -> str:
        return (
            "a path to a field of the record ('charges[0].provision'): each step a field of "
            "the part the step before holds, an index only after a list"
        )

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        # a path is a text too: gathered by its text check, and its head checked by walk_names
        return super().walk(value, pad, gather)


class HolderNames(Spec):
    """A list of names of fields of the record that holds the part, or null."""

    names_holder = "names"

    def __init__(self, doc: str) -> None:
        super().__init__(doc, optional=True)

    @property
    def prose(self) -> str:
        return "each name is a field of the record"

    def check(self, name: str, value: object) -> None:
        # (whether each names a field of the record is the record's check: a part alone
        # has no record)
        if value is None:
            return
        if not isinstance(value, tuple | list):
            raise FieldError(name, f"expected a list, got {describe_json(value)}", ProblemCode.TYPE)
        for index, item in enumerate(value):
            if type(item) is not str:
                message = f"expected text, got {describe_json(item)}"
                raise FieldError(f"{name}[{index}]", message, ProblemCode.TYPE)

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        namespace[f"s{key}"] = self
        return [
            f"    if {local} is not None:",
            f"        for item in {local}:",
            "            if type(item) is not str:",
            f"                s{key}.check({name!r}, {local})",
        ]


class Ref(Spec):
    """An ID naming a record whose prefix is one of ``prefixes``."""

    def __init__(self, prefixes: tuple[str, ...], doc: str, *, optional: bool = False) -> None:
        super().__init__(doc, optional=optional)
        self.prefixes = prefixes

    def _key(self) -> tuple[Any, ...]:
        return (*super()._key(), self.prefixes)

    @property
    def prose(self) -> str:
        return f"the ID of {describe_prefixes(self.prefixes)}, which must exist"

    def check(self, name: str, value: object) -> None:
        if value is None and self.optional:
            return
        check_ref(name, value, self.prefixes)

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        namespace[f"k{key}"] = KNOWN_IDS.setdefault(self.prefixes, set())
        namespace[f"s{key}"] = self
        # (the set holds IDs checked before; a value that is no str, a str subclass equal to
        # one of them or an unhashable list, is checked in full)
        test = (
            f"if type({local}) is not str or {local} not in k{key}: s{key}.check({name!r}, {local})"
        )
        return _optional_lines(self.optional, local, test)

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        return _maybe(self.optional, value, f"r{gather.ref(self.prefixes)}", pad)

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        return {**base, "pattern": id_pattern(self.prefixes)}

    def strategy(self) -> SearchStrategy[str]:
        from hypothesis import strategies as st

        word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
        slug = st.lists(word, min_size=1, max_size=4).map("-".join)
        return st.builds("{}:{}".format, st.sampled_from(self.prefixes), slug)


class RecordId(Ref):
    """A record's own ID."""

    @property
    def prose(self) -> str:
        return f"unique across the dataset; starts with '{self.prefixes[0]}:'"


class Refs(Ref):
    """A list of IDs (possibly empty)."""

    many = True

    def __init__(self, prefixes: tuple[str, ...], doc: str) -> None:
        super().__init__(prefixes, doc, optional=True)

    @property
    def prose(self) -> str:
        return f"IDs of {describe_prefixes(self.prefixes)}, which must exist"

    def check(self, name: str, value: object) -> None:
        if not isinstance(value, tuple | list):
            raise FieldError(name, f"expected a list, got {describe_json(value)}", ProblemCode.TYPE)
        for index, item in enumerate(value):
            check_ref(f"{name}[{index}]", item, self.prefixes)

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        namespace[f"k{key}"] = KNOWN_IDS.setdefault(self.prefixes, set())
        namespace[f"s{key}"] = self
        return [
            f"    for item in {local}:",
            f"        if type(item) is not str or item not in k{key}:",
            f"            s{key}.check({name!r}, {local})",
            "            break",
        ]

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        # (most such lists are empty: a test is cheaper than a call)
        return [f"{pad}v = {value}", f"{pad}if v:", f"{pad}    e{gather.ref(self.prefixes)}(v)"]

    def strategy(self) -> SearchStrategy[Any]:
        from hypothesis import strategies as st

        return st.lists(super().strategy(), max_size=3, unique=True).map(tuple)


class Items(Spec):
    """A list of nested parts, with at least ``min_items``."""

    many = True

    def __init__(self, doc: str, *, min_items: int = 0) -> None:
        super().__init__(doc, optional=min_items == 0)
        self.min_items = min_items

    def _key(self) -> tuple[Any, ...]:
        return (*super()._key(), self.min_items)

    @property
    def prose(self) -> str | None:
        return f"at least {self.min_items}" if self.min_items else None

    def check(self, name: str, value: object) -> None:
        if self.min_items and len(value) < self.min_items:  # type: ignore[arg-type]
            raise FieldError(name, f"needs at least {counted(self.min_items, 'item')}")

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        if not self.min_items:
            return []
        namespace[f"s{key}"] = self
        return [f"    if len({local}) < {self.min_items}: s{key}.check({name!r}, {local})"]

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        if not self.min_items:
            return []
        if self.min_items == 1:  # (a list decoded is a tuple: no call of len)
            return [f"{pad}if not {value}: raise RejectedError()"]
        return [f"{pad}if len({value}) < {self.min_items}: raise RejectedError()"]

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        return {**base, "minItems": self.min_items} if self.min_items else base


class Count(Spec):
    """A whole number from 0 to :data:`COUNT_MAX`, or null."""

    def __init__(self, doc: str) -> None:
        super().__init__(doc, optional=True)

    @property
    def prose(self) -> str:
        return f"a whole number from 0 to {COUNT_MAX}"

    def check(self, name: str, value: object) -> None:
        if value is None:
            return
        if type(value) is not int:
            raise FieldError(
                name, f"expected an integer, got {describe_json(value)}", ProblemCode.TYPE
            )
        if not 0 <= value <= COUNT_MAX:
            shown = shown_number(value)  # (Python refuses to write out 4,301 digits or more)
            if value > COUNT_MAX:
                raise FieldError(name, f"{shown} is larger than the largest count, {COUNT_MAX}")
            said = shown if shown.startswith("a negative") else f"{shown} is negative"
            raise FieldError(name, f"{said}; counts start at 0")

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        namespace[f"s{key}"] = self
        test = (
            f"if type({local}) is not int or not 0 <= {local} <= {COUNT_MAX}: "
            f"s{key}.check({name!r}, {local})"
        )
        return _optional_lines(True, local, test)

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        return [
            f"{pad}v = {value}",
            f"{pad}if v is not None and not 0 <= v <= {COUNT_MAX}: raise RejectedError()",
        ]

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        return {**base, "minimum": 0, "maximum": COUNT_MAX}

    def strategy(self) -> SearchStrategy[int | None]:
        from hypothesis import strategies as st

        return st.none() | st.integers(0, COUNT_MAX)


class Degrees(Spec):
    """A number of degrees from ``-limit`` to ``limit``: a latitude (90) or a longitude (180).

    JSON writes it as a number, with or without a fraction (``43`` and ``43.0`` are the same);
    in Python it is a ``float``. Not-a-number and the infinities are outside every range.
    """

    def __init__(self, doc: str, limit: int, *, optional: bool = False) -> None:
        super().__init__(doc, optional=optional)
        self.limit = limit

    def _key(self) -> tuple[Any, ...]:
        return (*super()._key(), self.limit)

    @property
    def prose(self) -> str:
        return f"a number of degrees from -{self.limit} to {self.limit}"

    def check(self, name: str, value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not float:
            raise FieldError(
                name, f"expected a number, got {describe_json(value)}", ProblemCode.TYPE
            )
        if not -self.limit <= value <= self.limit:
            raise FieldError(
                name, f"{value} is outside the range -{self.limit} to {self.limit} degrees"
            )

    def inline(self, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
        namespace[f"s{key}"] = self
        limit = self.limit
        test = (
            f"if type({local}) is not float or not -{limit} <= {local} <= {limit}: "
            f"s{key}.check({name!r}, {local})"
        )
        return _optional_lines(self.optional, local, test)

    def walk(self, value: str, pad: str, gather: Gather) -> list[str]:
        # the decoder gives a float (a JSON integer too); NaN fails the comparison
        limit = self.limit
        if self.optional:
            return [
                f"{pad}v = {value}",
                f"{pad}if v is not None and not -{limit} <= v <= {limit}: raise RejectedError()",
            ]
        return [f"{pad}if not -{limit} <= {value} <= {limit}: raise RejectedError()"]

    def schema(self, base: dict[str, Any]) -> dict[str, Any]:
        return {**base, "minimum": -self.limit, "maximum": self.limit}

    def strategy(self) -> SearchStrategy[float]:
        from hypothesis import strategies as st

        edges = st.sampled_from([-self.limit, 0, self.limit]).map(float)
        return edges | st.floats(-self.limit, self.limit, allow_nan=False)


def spec_of(field: attrs.Attribute[Any]) -> Spec:
    """The spec of a record field (every model field has one)."""
    spec: Spec = field.metadata[SPEC]
    return spec


# --- field factories ------------------------------------------------------------------------
# A required field's factory returns its Spec, written in the field's annotation; an optional
# field's is typed Any, as it is the field's default. (items() is either, by min_items.)


def record_id(prefix: str, doc: str = "The record's stable ID.") -> Spec:
    """The ``id`` field of a record kind whose IDs start with ``prefix``."""
    return RecordId((prefix,), doc)


def ref(*prefixes: str, doc: str) -> Spec:
    """A required reference to a record with one of ``prefixes``."""
    return Ref(prefixes, doc)


def optional_ref(*prefixes: str, doc: str) -> Any:
    """A reference that may be null."""
    return Ref(prefixes, doc, optional=True)


def refs(*prefixes: str, doc: str) -> Any:
    """A list of references (possibly empty)."""
    return Refs(prefixes, doc)


def text(doc: str, form: Form | None = None, max_length: int | None = None) -> Spec:
    """Required, non-empty text (of ``form``, if given)."""
    return Text(doc, form=form, max_length=max_length)


def optional_text(doc: str, form: Form | None = None, max_length: int | None = None) -> Any:
    """Non-empty text or null (of ``form``, if given)."""
    return Text(doc, optional=True, form=form, max_length=max_length)


def items(doc: str, min_items: int = 0) -> Any:
    """A list of nested values (stored as a tuple): optional (empty) unless ``min_items``."""
    return Items(doc, min_items=min_items)


def value(doc: str) -> Spec:
    """A required field whose type (an enum, a date, a nested part) says what it holds."""
    return Spec(doc)


def optional_value(doc: str) -> Any:
    """A field whose type says what it holds, or null."""
    return Spec(doc, optional=True)


def holder_field_names(doc: str) -> Any:
    """A part's list of names of fields of the record holding it, or null."""
    return HolderNames(doc)


def holder_field_path(doc: str) -> Spec:
    """A part's text naming a field (a path from it) of the record holding it."""
    return HolderPath(doc)


def count(doc: str) -> Any:
    """A non-negative whole number, or null."""
    return Count(doc)


def latitude(doc: str) -> Spec:
    """Required degrees of latitude, from -90 (south) to 90 (north)."""
    return Degrees(doc, 90)


def longitude(doc: str) -> Spec:
    """Required degrees of longitude, from -180 (west) to 180 (east)."""
    return Degrees(doc, 180)


def declare_fields(cls: type) -> None:
    """Make the specs of a model class's fields its attrs fields, before attrs reads the class.

    A spec in a field's annotation (``Annotated[str, text(...)]``) makes a required field,
    and the annotation becomes the bare type; a spec given as the field's value makes an
    optional one. A spec on the wrong side raises TypeError, as does a string annotation
    naming one (the model's modules do not use ``from __future__ import annotations``).
    """
    annotations: dict[str, Any] = cls.__annotations__  # (its own: made on demand since 3.10)
    for name, hint in annotations.items():
        given = cls.__dict__.get(name)
        origin: object = get_origin(hint)
        if origin is Annotated:
            specs = [m for m in hint.__metadata__ if isinstance(m, Spec)]
            if not specs:
                continue
            if len(specs) > 1:
                raise TypeError(f"{cls.__name__}.{name}: one spec a field, not {len(specs)}")
            (spec,) = specs
            if spec.optional or name in cls.__dict__:
                raise TypeError(
                    f"{cls.__name__}.{name}: a required field's spec goes in its annotation, "
                    "with no value; an optional field's is its value"
                )
            setattr(cls, name, spec.attrs_field())
            annotations[name] = hint.__origin__
        elif isinstance(given, Spec):
            if not given.optional:
                raise TypeError(
                    f"{cls.__name__}.{name}: a required field's spec goes in its annotation "
                    f"({name}: Annotated[<type>, <spec>]), not in its value"
                )
            setattr(cls, name, given.attrs_field())
        elif isinstance(hint, str) and "Annotated[" in hint:
            raise TypeError(
                f"{cls.__name__}.{name}: the annotation is a string; the model's modules need "
                "real annotations (no `from __future__ import annotations`)"
            )


#: For code that needs a spec's check as a plain function.
CheckFunction = Callable[[str, object], None]
