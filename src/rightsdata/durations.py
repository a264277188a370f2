"""ISO 8601 durations: sentences and detention terms, as :class:`pendulum.Duration`.

Only the canonical form written by :func:`format_duration` is accepted, so that
``format_duration(parse_duration(t)) == t`` for every accepted ``t`` and the library's files
round-trip byte for byte:

* ``P``, then the date components ``nY``, ``nM``, ``nD``, then ``T`` and the time components
  ``nH``, ``nM``, ``nS``, in that order; each ``n`` is a non-negative integer written
  without leading zeros;
* a component that is zero is left out; the zero duration is written ``P0D``;
* no weeks (write ``P14D``, not ``P2W``), no fractions, no signs;
* no component that pendulum normalises into a larger one: hours below 24, minutes and
  seconds below 60 (``PT30H`` is written ``P1DT6H``). Years and months are kept apart,
  so ``P12M`` and ``P1Y`` are different durations; days are never turned into months.

>>> d = parse_duration("P7Y6M")
>>> d.years, d.months
(7, 6)
>>> format_duration(d)
'P7Y6M'
"""

from __future__ import annotations

import re
from typing import Final

import pendulum

__all__ = ["DurationError", "format_duration", "parse_duration"]


class DurationError(ValueError):
    """A string is not a canonical ISO 8601 duration, or a duration cannot be written as one.

    >>> try:
    ...     parse_duration("P2W")
    ... except DurationError as error:
    ...     print(error)
    'P2W' is not a canonical ISO 8601 duration: weeks are not used; write 'P14D'
    """


_CANONICAL: Final = re.compile(
    r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?",
    re.ASCII,
)
_WEEKS: Final = re.compile(r"P([0-9]+)W", re.ASCII)
_MAX_DAYS: Final = 999_999_999  # datetime.timedelta's limit
#: The largest components accepted. They keep every duration far inside what pendulum can
#: represent, and they can be said in a JSON Schema pattern (a limit on the sum cannot).
MAX_YEARS: Final = 9999
MAX_MONTHS: Final = 9999
MAX_DAYS: Final = 999_999


def _fail(text: str, reason: str) -> DurationError:
    return DurationError(f"{text!r} is not a canonical ISO 8601 duration: {reason}")


def _reason(text: str) -> str:
    """Why ``text`` does not match the canonical pattern at all."""
    if not text:
        return "empty string"
    if text != text.strip():
        return "leading or trailing whitespace"
    if not text.startswith("P"):
        if text.startswith(("-P", "+P")):
            return "signed durations are not supported"
        return "a duration starts with 'P', e.g. 'P7Y6M', 'P15D', 'PT12H'"
    if "-" in text or "+" in text:
        return "negative or signed components are not supported"
    if "." in text or "," in text:
        return "fractional components are not supported; use a smaller unit"
    if "W" in text:
        return "weeks are not used (and cannot be combined with other components)"
    return "expected P[nY][nM][nD][T[nH][nM][nS]] with the components in this order"


def parse_duration(text: str) -> pendulum.Duration:
    """Parse a canonical ISO 8601 duration; raise :class:`DurationError` otherwise.

    >>> parse_duration("P15D").in_days()
    15
    >>> parse_duration("PT12H").hours
    12
    >>> try:
    ...     parse_duration("PT30H")
    ... except DurationError as error:
    ...     print(error)
    'PT30H' is not a canonical ISO 8601 duration: 30 hours is normalised; write 'P1DT6H'
    """
    if not isinstance(text, str):
        raise DurationError(f"{text!r} is not an ISO 8601 duration: expected a str")
    parsed = _parsed.get(text)
    if parsed is not None:
        return parsed
    value = _parse(text)
    if len(_parsed) >= _PARSED_MAX:
        _parsed.clear()
    _parsed[text] = value
    return value


# Terms repeat (P7Y6M, P15D): remember the parsed ones. Durations are treated as immutable
# values throughout (records are frozen), so one instance can serve every record.
_parsed: dict[str, pendulum.Duration] = {}
_PARSED_MAX: Final = 4096


def _parse(text: str) -> pendulum.Duration:
    m = _CANONICAL.fullmatch(text)
    if m is None:
        weeks = _WEEKS.fullmatch(text)
        if weeks is not None:
            days = int(weeks.group(1)) * 7
            raise _fail(text, f"weeks are not used; write {f'P{days}D' if days else 'P0D'!r}")
        raise _fail(text, _reason(text))
    if text == "P" or text.endswith("T"):
        raise _fail(text, "no component after 'P' or 'T'")
    years, months, days, hours, minutes, seconds = (int(g) if g else 0 for g in m.groups())
    if years > MAX_YEARS or months > MAX_MONTHS or days > MAX_DAYS:
        raise _fail(
            text,
            f"too long: at most {MAX_YEARS} years, {MAX_MONTHS} months and {MAX_DAYS} days",
        )
    if years * 365 + months * 30 + days + hours // 24 + minutes // 1440 > _MAX_DAYS:
        raise _fail(text, "too long to represent")
    try:
        value = pendulum.Duration(
            years=years, months=months, days=days, hours=hours, minutes=minutes, seconds=seconds
        )
    except OverflowError:
        raise _fail(text, "too long to represent") from None
    canonical = format_duration(value)
    if canonical != text:
        if text != "P0D" and not (years or months or days or hours or minutes or seconds):
            reason = "the zero duration is written"
        elif hours > 23:
            reason = f"{hours} hours is normalised; write"
        elif minutes > 59:
            reason = f"{minutes} minutes is normalised; write"
        elif seconds > 59:
            reason = f"{seconds} seconds is normalised; write"
        elif any(g is not None and g != str(int(g)) for g in m.groups()):
            reason = "numbers are written without leading zeros; write"
        else:
            reason = "zero components are left out; write"
        raise _fail(text, f"{reason} {canonical!r}")
    return value


def format_duration(value: pendulum.Duration) -> str:
    """Write a duration in the canonical ISO 8601 form (the one :func:`parse_duration` reads).

    Raises :class:`DurationError` for negative durations and fractions of a second.

    >>> format_duration(pendulum.Duration(years=7, months=6))
    'P7Y6M'
    >>> format_duration(pendulum.Duration(hours=30))
    'P1DT6H'
    >>> format_duration(pendulum.Duration())
    'P0D'
    """
    if not isinstance(value, pendulum.Duration):
        raise TypeError(f"expected a pendulum.Duration, not {type(value).__name__}")
    years, months = value.years, value.months
    days = value.weeks * 7 + value.remaining_days
    hours, minutes, seconds = value.hours, value.minutes, value.remaining_seconds
    if min(years, months, days, hours, minutes, seconds, value.microseconds) < 0:
        raise DurationError(f"{value!r} is negative; ISO 8601 durations here are not")
    if value.microseconds:
        raise DurationError(f"{value!r} has a fraction of a second; only whole seconds")
    parts = ["P"]
    if years:
        parts.append(f"{years}Y")
    if months:
        parts.append(f"{months}M")
    if days:
        parts.append(f"{days}D")
    if hours or minutes or seconds:
        parts.append("T")
        if hours:
            parts.append(f"{hours}H")
        if minutes:
            parts.append(f"{minutes}M")
        if seconds:
            parts.append(f"{seconds}S")
    elif not (years or months or days):
        return "P0D"
    return "".join(parts)
