"""Turning a Python or JSON value into a field's type, with one message per mistake (internal).

The converter (JSON documents) and the records' constructors (Python callers) both use these,
so that ``Person(born="2020-13")`` and a file holding ``"born": "2020-13"`` are refused with
the same words. Each function raises :class:`WrongTypeError` for a value of the wrong type
and ``ValueError`` (an :class:`~rightsdata.EDTFError`, a
:class:`~rightsdata.DurationError`, ...) for a value of the right type that is not allowed.

>>> to_tuple([1, 2])
(1, 2)
>>> to_tuple("ab")
Traceback (most recent call last):
...
rightsdata._values.conversion.WrongTypeError: expected a list, got text ('ab')
"""

from __future__ import annotations

import datetime
import functools
import re
from enum import Enum
from typing import Any

from rightsdata._values.errors import describe_json, shown_number, with_article

__all__ = [
    "WrongTypeError",
    "a_term_of",
    "to_duration",
    "to_edtf",
    "to_enum",
    "to_float",
    "to_tuple",
]


class WrongTypeError(TypeError):
    """A value of the wrong type for its field."""


def to_tuple(value: object) -> tuple[Any, ...]:
    """A list as a tuple (a record's lists are tuples, so records stay hashable)."""
    if isinstance(value, list | tuple):
        return tuple(value)
    raise WrongTypeError(f"expected a list, got {describe_json(value)}")


def to_float(value: object) -> float:
    """A number as a ``float``: JSON (and Python) may write ``43`` for ``43.0``; ``True`` and
    ``"43"`` are not numbers."""
    if type(value) is float:
        return value
    if type(value) is not int:
        raise WrongTypeError(f"expected a number, got {describe_json(value)}")
    try:
        return float(value)
    except OverflowError:
        raise ValueError(
            f"{shown_number(value)} is outside the range of numbers, about -1.8e308 to 1.8e308"
        ) from None


def to_edtf(value: object) -> Any:
    """An :class:`~rightsdata.EDTF` from its text."""
    from rightsdata._values.dates import EDTF, date_object_lead

    if isinstance(value, EDTF):
        return value
    if type(value) is not str:
        lead = date_object_lead(value, "{}")
        raise WrongTypeError(f"expected an EDTF date as text, got {describe_json(value)}{lead}")
    return EDTF.parse(value)


def to_duration(value: object) -> Any:
    """A :class:`~rightsdata.Duration` from ISO 8601 text, a ``datetime.timedelta`` or a
    ``pendulum.Duration``."""
    from rightsdata._values.durations import Duration, parse_duration

    if isinstance(value, Duration):
        return value
    if type(value) is str:
        return parse_duration(value)
    if isinstance(value, datetime.timedelta):
        return Duration.from_pendulum(value)
    raise WrongTypeError(f"expected an ISO 8601 duration as text, got {describe_json(value)}")


@functools.cache
def enum_terms(cls: type[Enum]) -> tuple[dict[object, Enum], str]:
    """A vocabulary's members by term, and the terms as one line."""
    members = {m.value: m for m in cls}
    return members, ", ".join(str(v) for v in members)


def to_enum(value: object, cls: type[Enum]) -> Enum:
    """The member of ``cls`` whose term is ``value``: a member of ``cls``, or its term as
    text; a member of another vocabulary is a WrongTypeError, though it is text with the
    same spelling (``Level.CLOSED`` for an organisation's ``status``, ``OrgStatus.CLOSED``).

    >>> from rightsdata.vocab import Level, OrgStatus
    >>> to_enum("closed", OrgStatus) is OrgStatus.CLOSED
    True
    >>> to_enum(Level.CLOSED, OrgStatus)
    Traceback (most recent call last):
    rightsdata._values.conversion.WrongTypeError: expected an org status (one of registered, \
unregistered, banned, suspended, closed); got a level, Level.CLOSED
    """
    members, allowed = enum_terms(cls)
    if type(value) is cls:
        return value
    if isinstance(value, Enum):  # (another vocabulary's term is text, but another term)
        raise WrongTypeError(
            f"expected {a_term_of(cls)} (one of {allowed}); got {a_term_of(type(value))}, "
            f"{type(value).__name__}.{value.name}"
        )
    if not isinstance(value, str):
        raise WrongTypeError(f"expected one of {allowed}; got {describe_json(value)}")
    try:
        return members[value]
    except KeyError:
        from rightsdata._values.spelling import close, did_you_mean  # (only when it is wrong)

        hint = did_you_mean(close(value, [str(term) for term in members], n=2))
        said = f"{value!r} is not {a_term_of(cls)}"
        raise ValueError(
            f"{said}; {hint} (allowed: {allowed})" if hint else f"{said}; allowed: {allowed}"
        ) from None


def a_term_of(cls: type[Enum]) -> str:
    """A term of the vocabulary ``cls`` in words, with its article.

    >>> from rightsdata.vocab import EventKind, Role
    >>> a_term_of(EventKind), a_term_of(Role)
    ('an event kind', 'a role')
    """
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
    return with_article(words)
