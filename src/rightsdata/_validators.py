"""Field factories and field checks for the record classes (internal).

Each factory records in the attrs field metadata what the field's value must satisfy: a check
spec (``CHECK``), and the facts the schema generator, the docs and the integrity check read
(``DOC``, ``PATTERN``, ``REF``: the ID prefixes a reference accepts, ...).
:mod:`rightsdata._checkgen` turns the specs of a class into one generated check that runs
after ``__init__`` (and after msgspec builds a record). Each check function here raises
:class:`~rightsdata.errors.FieldError` naming the field, so the converter can report the
exact location; the generated code calls them only when a cheap test says a value may be bad.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence, Sized
from typing import Any, Final, NamedTuple

import attrs

from rightsdata.errors import FieldError, ProblemCode
from rightsdata.ids import SLUG_PATTERN, describe_prefixes, id_pattern

#: attrs metadata key: the ID prefixes a reference field accepts.
REF: Final = "rightsdata_ref"
#: attrs metadata key: a JSON Schema pattern the string value must match.
PATTERN: Final = "rightsdata_pattern"
#: attrs metadata key: the maximum length of a string value.
MAX_LENGTH: Final = "rightsdata_max_length"
#: attrs metadata key: the minimum number of items in a tuple value.
MIN_ITEMS: Final = "rightsdata_min_items"
#: attrs metadata key: the field's meaning, for the schemas and the docs.
DOC: Final = "rightsdata_doc"
#: attrs metadata key: the smallest number allowed.
MINIMUM: Final = "rightsdata_minimum"
#: attrs metadata key: what the value must satisfy (a check spec, below).
CHECK: Final = "rightsdata_check"
#: attrs metadata key, on a field of a nested part: its value names fields of the record (or
#: part) that holds the part. ``"names"``: a list of field names (a citation's ``fields``);
#: ``"path"``: one path whose first step is a field name (an inference's ``field``).
NAMES_HOLDER_FIELDS: Final = "rightsdata_names_holder_fields"

COUNTRY_PATTERN: Final = "^[A-Z]{2}$"
LANGUAGE_PATTERN: Final = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
URL_PATTERN: Final = "^https?://[^\\s]+$"
JURISDICTION_PATTERN: Final = "^(?:[A-Z]{2}|international)$"
#: Text fields may not be empty or only white space, nor start or end with white space.
TEXT_PATTERN: Final = "^\\S(?:[\\s\\S]*\\S)?$"
QUOTE_MAX: Final = 600

# rightsdata holds no personal contact data: text that looks like an e-mail address or a
# telephone number is refused wherever it appears.
_EMAIL_RE: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE: Final = re.compile(
    r"(?:\+\d[\d\s().-]{7,}\d|\(\d{2,4}\)\s?\d{3}[\s.-]?\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b)"
)

_compiled: dict[str, re.Pattern[str]] = {}


def _regex(pattern: str) -> re.Pattern[str]:
    compiled = _compiled.get(pattern)
    if compiled is None:
        compiled = _compiled[pattern] = re.compile(pattern)
    return compiled


# --- check specs: what a field's value must satisfy, read by rightsdata._checkgen -----------


class TextCheck(NamedTuple):
    """Non-empty text without leading or trailing spaces (or null, if optional)."""

    optional: bool
    pattern: str | None
    max_length: int | None


class RefCheck(NamedTuple):
    """An ID naming a record whose prefix is one of ``prefixes`` (or a list of them)."""

    prefixes: tuple[str, ...]
    optional: bool
    many: bool


class MinItemsCheck(NamedTuple):
    """A list of at least ``minimum`` items."""

    minimum: int


class MinimumCheck(NamedTuple):
    """A number no smaller than ``minimum`` (or null)."""

    minimum: int


Check = TextCheck | RefCheck | MinItemsCheck | MinimumCheck


# --- the checks: each raises FieldError naming the field, or returns if the value is fine ----

#: Every ASCII digit made '0', '(' made '+' and '.' made '-': then the few substrings that
#: either contact regex needs in ASCII text are three (:data:`CONTACT_MARKS`). Every ASCII
#: white space character (``str.isspace``) is made ' ' too, for the bulk check's edge test.
CONTACT_TABLE: Final = bytes.maketrans(
    b"123456789(.\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b"000000000+-" + b" " * 9
)
#: '@' for an e-mail address; '+' or '(' before a digit, or three digits, '.' or '-', a
#: digit, for the phone alternatives (as translated by :data:`CONTACT_TABLE`).
CONTACT_MARKS: Final = (b"@", b"+0", b"000-0")


def may_hold_contact(value: str) -> bool:
    """False only if neither _EMAIL_RE nor _PHONE_RE can match ``value``.

    An e-mail address needs an '@'; each phone alternative needs a '+' or a '(' before a
    digit, or three digits then '.' or '-' then a digit. On ASCII text (with every digit
    made '0') those are plain substring tests, a small fraction of the regexes' time on
    prose; other text goes to the regexes (``\\d`` matches any Unicode digit).
    """
    if "@" in value or not value.isascii():
        return True
    marked = value.encode("ascii").translate(CONTACT_TABLE)
    return b"+0" in marked or b"000-0" in marked


def holds_contact(value: str) -> bool:
    """True if ``value`` looks like it holds an e-mail address or a phone number."""
    return may_hold_contact(value) and bool(_EMAIL_RE.search(value) or _PHONE_RE.search(value))


def check_text(name: str, value: object, spec: TextCheck) -> None:
    """Check one text value against ``spec``."""
    if value is None and spec.optional:
        return
    if type(value) is not str:
        raise FieldError(name, f"expected text, got {type(value).__name__}", ProblemCode.TYPE)
    if not value or value[0].isspace() or value[-1].isspace():
        raise FieldError(name, "must be non-empty text without leading or trailing spaces")
    if spec.max_length is not None and len(value) > spec.max_length:
        raise FieldError(
            name, f"is {len(value)} characters long; at most {spec.max_length} allowed"
        )
    if spec.pattern is not None and _regex(spec.pattern).search(value) is None:
        raise FieldError(name, f"{value!r} does not match the pattern {spec.pattern}")
    check_contact(name, value)


def check_contact(name: str, value: str) -> None:
    """Refuse text that looks like personal contact data."""
    if holds_contact(value):
        raise FieldError(
            name,
            "looks like an e-mail address or phone number; personal contact data is not allowed",
        )


_SLUG_RE: Final = re.compile(SLUG_PATTERN)  # fullmatch: "$" would let a final newline by
_KNOWN_IDS_MAX: Final = 1 << 16
#: IDs already found valid, per tuple of allowed prefixes: IDs repeat (every citation names
#: a source), and a set lookup is much cheaper than the check.
KNOWN_IDS: Final[dict[tuple[str, ...], set[str]]] = {}


def check_ref(name: str, value: object, prefixes: tuple[str, ...]) -> None:
    """Check one ID: its form and the kinds of record it may name."""
    if type(value) is not str:
        raise FieldError(name, f"expected an id, got {type(value).__name__}", ProblemCode.TYPE)
    kind, sep, slug = value.partition(":")
    if not sep or _SLUG_RE.fullmatch(slug) is None:
        raise FieldError(
            name, f"{value!r} is not an id (kind:slug, slug in lowercase a-z, 0-9 and '-')"
        )
    if kind not in prefixes:
        raise FieldError(
            name,
            f"{value!r} names {kind!r}; expected {describe_prefixes(prefixes)}",
            ProblemCode.VALUE,
        )
    remember_ids(prefixes, (value,))


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
    return _regex(f"{one}(?:\x00{one})*")


def check_refs(name: str, values: object, prefixes: tuple[str, ...]) -> None:
    """Check a list of IDs, naming the first bad one by its position."""
    if not isinstance(values, tuple | list):
        raise FieldError(name, f"expected a list, got {type(values).__name__}", ProblemCode.TYPE)
    for index, item in enumerate(values):
        check_ref(f"{name}[{index}]", item, prefixes)


def check_min_items(name: str, value: Sized, minimum: int) -> None:
    """Check that a list has at least ``minimum`` items."""
    if len(value) < minimum:
        raise FieldError(name, f"needs at least {minimum} item(s)")


def check_minimum(name: str, value: object, minimum: int) -> None:
    """Check that a number (or null) is at least ``minimum``."""
    if value is not None and value < minimum:  # type: ignore[operator]
        raise FieldError(name, f"{value} is negative; counts start at {minimum}")


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


def check_holder_fields(
    name: str, parts: Sequence[Any], attribute: str, how: str, holder: type
) -> None:
    """Check that each part's ``attribute`` names fields of ``holder`` (the class holding
    ``parts`` in its field ``name``); ``how`` is ``"names"`` or ``"path"``
    (:data:`NAMES_HOLDER_FIELDS`). The first one that does not is located."""
    names = field_names(holder)
    for index, part in enumerate(parts):
        value = getattr(part, attribute)
        if value is None:
            continue
        for item in value if how == "names" else (value,):
            if (item if how == "names" else path_head(item)) not in names:
                raise FieldError(
                    f"{name}[{index}].{attribute}",
                    f"{item!r} is not a field of {holder.__name__}",
                    ProblemCode.RULE,
                )


def check_value(name: str, value: Any, spec: Check) -> None:
    """Check ``value`` against any spec (the diagnostic path; records use generated code)."""
    if isinstance(spec, TextCheck):
        check_text(name, value, spec)
    elif isinstance(spec, RefCheck):
        if value is None and spec.optional:
            return
        if spec.many:
            check_refs(name, value, spec.prefixes)
        else:
            check_ref(name, value, spec.prefixes)
    elif isinstance(spec, MinItemsCheck):
        check_min_items(name, value, spec.minimum)
    else:
        check_minimum(name, value, spec.minimum)


# --- field factories ------------------------------------------------------------------------


def _field(doc: str, check: Check | None = None, **meta: Any) -> Any:
    metadata: dict[str, Any] = {DOC: doc, **meta}
    if check is not None:
        metadata[CHECK] = check
    return attrs.field(metadata=metadata)


def record_id(prefix: str, doc: str = "The record's stable ID.") -> Any:
    """The ``id`` field of a record kind whose IDs start with ``prefix``."""
    return _field(doc, RefCheck((prefix,), optional=False, many=False), **{REF: (prefix,)})


def ref(*prefixes: str, doc: str) -> Any:
    """A required reference to a record with one of ``prefixes``."""
    return _field(doc, RefCheck(prefixes, optional=False, many=False), **{REF: prefixes})


def optional_ref(*prefixes: str, doc: str) -> Any:
    """A reference that may be null."""
    return _field(doc, RefCheck(prefixes, optional=True, many=False), **{REF: prefixes})


def refs(*prefixes: str, doc: str) -> Any:
    """A list of references (possibly empty)."""
    return _field(doc, RefCheck(prefixes, optional=False, many=True), **{REF: prefixes})


def _text_field(
    doc: str, pattern: str | None, max_length: int | None, optional: bool, **meta: Any
) -> Any:
    meta[PATTERN] = pattern or TEXT_PATTERN
    if max_length is not None:
        meta[MAX_LENGTH] = max_length
    return _field(doc, TextCheck(optional, pattern, max_length), **meta)


def text(doc: str, pattern: str | None = None, max_length: int | None = None) -> Any:
    """Required, non-empty text."""
    return _text_field(doc, pattern, max_length, optional=False)


def optional_text(doc: str, pattern: str | None = None, max_length: int | None = None) -> Any:
    """Non-empty text or null."""
    return _text_field(doc, pattern, max_length, optional=True)


def items(doc: str, min_items: int = 0) -> Any:
    """A list of nested values (stored as a tuple)."""
    if min_items:
        return _field(doc, MinItemsCheck(min_items), **{MIN_ITEMS: min_items})
    return _field(doc)


def value(doc: str) -> Any:
    """Any other field: its type (an enum, a date, a nested record) says what it holds."""
    return _field(doc)


def holder_field_names(doc: str) -> Any:
    """A part's list of names of fields of the record holding it, or null."""
    return _field(doc, None, **{NAMES_HOLDER_FIELDS: "names"})


def holder_field_path(doc: str) -> Any:
    """A part's text naming a field (a path from it) of the record holding it."""
    return _text_field(doc, None, None, optional=False, **{NAMES_HOLDER_FIELDS: "path"})


def count(doc: str) -> Any:
    """A non-negative whole number, or null."""
    return _field(doc, MinimumCheck(0), **{MINIMUM: 0})
