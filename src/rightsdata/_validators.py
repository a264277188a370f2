"""Field validators and field factories for the record classes (internal).

Each validator raises :class:`~rightsdata.errors.FieldError` naming the field, so the converter
can report the exact location. References carry their allowed ID prefixes in the attrs field
metadata (``REF``), which the integrity check and the schema generator read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from rightsdata.errors import FieldError, ProblemCode
from rightsdata.ids import SLUG_PATTERN, describe_prefixes

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

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _regex(pattern: str) -> re.Pattern[str]:
    compiled = _compiled.get(pattern)
    if compiled is None:
        compiled = _compiled[pattern] = re.compile(pattern)
    return compiled


_ASCII_DIGITS: Final = b"0123456789"


def _may_hold_phone(value: str) -> bool:
    """False only if _PHONE_RE cannot match: each of its alternatives needs a '+', a '(' or
    a digit. Checked with str and bytes methods (a fifteenth of the regex's time on prose)."""
    if "+" in value or "(" in value or not value.isascii():
        return True
    data = value.encode("ascii")
    return len(data.translate(None, _ASCII_DIGITS)) != len(data)


def _check_text(name: str, value: str, pattern: str | None, max_length: int | None) -> None:
    if not value or value[0].isspace() or value[-1].isspace():
        raise FieldError(name, "must be non-empty text without leading or trailing spaces")
    if max_length is not None and len(value) > max_length:
        raise FieldError(name, f"is {len(value)} characters long; at most {max_length} allowed")
    if pattern is not None and _regex(pattern).search(value) is None:
        raise FieldError(name, f"{value!r} does not match the pattern {pattern}")
    if ("@" in value and _EMAIL_RE.search(value)) or (
        _may_hold_phone(value) and _PHONE_RE.search(value)
    ):
        raise FieldError(
            name,
            "looks like an e-mail address or phone number; personal contact data is not allowed",
        )


def _text_validator(pattern: str | None, max_length: int | None, optional: bool) -> Validator:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        _check_text(attribute.name, value, pattern, max_length)

    return validate


def _ref_check(name: str, value: str, prefixes: tuple[str, ...]) -> None:
    kind, sep, slug = value.partition(":")
    if not sep or _regex(f"^{SLUG_PATTERN}$").match(slug) is None:
        raise FieldError(
            name, f"{value!r} is not an id (kind:slug, slug in lowercase a-z, 0-9 and '-')"
        )
    if kind not in prefixes:
        raise FieldError(
            name,
            f"{value!r} names {kind!r}; expected {describe_prefixes(prefixes)}",
            ProblemCode.VALUE,
        )


_VALID_IDS_MAX: Final = 1 << 16


def _ref_validator(prefixes: tuple[str, ...], optional: bool, many: bool) -> Validator:
    # IDs repeat (every citation names a source): remember the ones already checked.
    known: set[str] = set()

    def check(name: str, value: str) -> None:
        _ref_check(name, value, prefixes)
        if len(known) >= _VALID_IDS_MAX:
            known.clear()
        known.add(value)

    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if many:
            for index, item in enumerate(value):
                if item not in known:
                    check(f"{attribute.name}[{index}]", item)
        elif value not in known:
            check(attribute.name, value)

    return validate


def _min_items_validator(minimum: int) -> Validator:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if len(value) < minimum:
            raise FieldError(attribute.name, f"needs at least {minimum} item(s)")

    return validate


def record_id(prefix: str, doc: str = "The record's stable ID.") -> Any:
    """The ``id`` field of a record kind whose IDs start with ``prefix``."""
    return attrs.field(
        validator=_ref_validator((prefix,), optional=False, many=False),
        metadata={REF: (prefix,), DOC: doc},
    )


def ref(*prefixes: str, doc: str) -> Any:
    """A required reference to a record with one of ``prefixes``."""
    return attrs.field(
        validator=_ref_validator(prefixes, optional=False, many=False),
        metadata={REF: prefixes, DOC: doc},
    )


def optional_ref(*prefixes: str, doc: str) -> Any:
    """A reference that may be null."""
    return attrs.field(
        validator=_ref_validator(prefixes, optional=True, many=False),
        metadata={REF: prefixes, DOC: doc},
    )


def refs(*prefixes: str, doc: str) -> Any:
    """A list of references (possibly empty)."""
    return attrs.field(
        validator=_ref_validator(prefixes, optional=False, many=True),
        metadata={REF: prefixes, DOC: doc},
    )


def text(doc: str, pattern: str | None = None, max_length: int | None = None) -> Any:
    """Required, non-empty text."""
    meta: dict[str, Any] = {DOC: doc, PATTERN: pattern or TEXT_PATTERN}
    if max_length is not None:
        meta[MAX_LENGTH] = max_length
    return attrs.field(validator=_text_validator(pattern, max_length, False), metadata=meta)


def optional_text(doc: str, pattern: str | None = None, max_length: int | None = None) -> Any:
    """Non-empty text or null."""
    meta: dict[str, Any] = {DOC: doc, PATTERN: pattern or TEXT_PATTERN}
    if max_length is not None:
        meta[MAX_LENGTH] = max_length
    return attrs.field(validator=_text_validator(pattern, max_length, True), metadata=meta)


def items(doc: str, min_items: int = 0) -> Any:
    """A list of nested values (stored as a tuple)."""
    meta: dict[str, Any] = {DOC: doc}
    if min_items:
        meta[MIN_ITEMS] = min_items
        return attrs.field(validator=_min_items_validator(min_items), metadata=meta)
    return attrs.field(metadata=meta)


def value(doc: str) -> Any:
    """Any other field: its type (an enum, a date, a nested record) says what it holds."""
    return attrs.field(metadata={DOC: doc})


def _non_negative(_inst: Any, attribute: attrs.Attribute[Any], number: int | None) -> None:
    if number is not None and number < 0:
        raise FieldError(attribute.name, f"{number} is negative; counts start at 0")


def count(doc: str) -> Any:
    """A non-negative whole number, or null."""
    return attrs.field(validator=_non_negative, metadata={DOC: doc, MINIMUM: 0})
