"""ISO 8601 durations: sentences and detention terms, as :class:`Duration` values.

A :class:`Duration` keeps the components a source states (seven years six months stays
``years=7, months=6``) and needs nothing beyond the standard library; :meth:`Duration.to_pendulum`
gives the :class:`pendulum.Duration` for date arithmetic.

Only the canonical form written by :func:`format_duration` is accepted, so that
``format_duration(parse_duration(t)) == t`` for every accepted ``t`` and the library's files
round-trip byte for byte:

* ``P``, then the date components ``nY``, ``nM``, ``nD``, then ``T`` and the time components
  ``nH``, ``nM``, ``nS``, in that order; each ``n`` is a non-negative integer written
  without leading zeros;
* a component that is zero is left out; the zero duration is written ``P0D``;
* no weeks (write ``P14D``, not ``P2W``), no fractions, no signs;
* hours below 24, minutes and seconds below 60 (``PT30H`` is written ``P1DT6H``). Years and
  months are kept apart, so ``P12M`` and ``P1Y`` are different durations; days are never
  turned into months.

>>> d = parse_duration("P7Y6M")
>>> d.years, d.months
(7, 6)
>>> format_duration(d)
'P7Y6M'
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any, Final, NoReturn

from rightsdata._values.errors import (
    RightsdataError,
    name_publicly,
    what_was_given,
)
from rightsdata._values.lazymodule import LazyModule
from rightsdata._values.shell import python_call

if TYPE_CHECKING:
    import pendulum
else:  # imported when a function needs it, or when typing.get_type_hints reads an annotation
    pendulum = LazyModule("pendulum")

__all__ = ["DURATION_PATTERN", "Duration", "DurationError", "format_duration", "parse_duration"]


# At most 9999 years, 9999 months, 999999 days (rightsdata._values.durations.MAX_*).
_PATTERN_Y = "[1-9][0-9]{0,3}"
_PATTERN_D = "[1-9][0-9]{0,5}"
_PATTERN_H = "(?:[1-9]|1[0-9]|2[0-3])"
_PATTERN_MS = "[1-5]?[1-9]|[1-5]0"
#: Canonical ISO 8601 durations: components in order Y M D T H M S, none zero but P0D.
DURATION_PATTERN: Final = (
    f"^(?:P0D|P(?=[0-9T])(?:{_PATTERN_Y}Y)?(?:{_PATTERN_Y}M)?(?:{_PATTERN_D}D)?"
    f"(?:T(?=[0-9])(?:{_PATTERN_H}H)?(?:(?:{_PATTERN_MS})M)?(?:(?:{_PATTERN_MS})S)?)?)$"
)


_NOT_CANONICAL: Final = "is not a canonical ISO 8601 duration"


class DurationError(RightsdataError, ValueError):
    """A string is not a canonical ISO 8601 duration, or a duration cannot be written as one.

    The message names the input and says what is wrong; so do two attributes, for a program
    that shows them its own way: ``text``, the input (the text given to
    :func:`parse_duration`, always a ``str``: a value of another type is a TypeError, as
    for ``EDTF``; the duration given to
    :meth:`Duration.from_pendulum`; None for :class:`Duration` built from numbers, where the
    reason names the field), and ``reason``, what is wrong with it (the message without the
    input). Made as ``DurationError(text, reason)``; ``message``, a third argument, replaces
    the message those make (as a pickle keeps it).

    >>> try:
    ...     parse_duration("P2W")
    ... except DurationError as error:
    ...     print(error)
    ...     print(error.text, "|", error.reason)
    'P2W' is not a canonical ISO 8601 duration: weeks are not used; write 'P14D'
    P2W | weeks are not used; write 'P14D'
    """

    #: The input that is not a duration: the text given to :func:`parse_duration`, the
    #: ``datetime.timedelta`` (a ``pendulum.Duration``) given to
    #: :meth:`Duration.from_pendulum`; None for a Duration built from numbers.
    text: str | datetime.timedelta | None
    #: What is wrong with it: the message without the input.
    reason: str

    def __init__(
        self, text: str | datetime.timedelta | None, reason: str, message: str | None = None
    ) -> None:
        self.text = text
        self.reason = reason
        if message is None:  # (with no input text, the reason is the whole message)
            message = reason if text is None else f"{text!r} {_NOT_CANONICAL}: {reason}"
        super().__init__(message)

    def __reduce__(
        self,
    ) -> tuple[type[DurationError], tuple[str | datetime.timedelta | None, str, str]]:
        return (type(self), (self.text, self.reason, str(self)))


_CANONICAL: Final = re.compile(
    r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?",
    re.ASCII,
)
_WEEKS: Final = re.compile(r"P([0-9]+)W", re.ASCII)
#: The largest components accepted. They keep every duration far inside what pendulum and
#: datetime can represent, and they can be said in a JSON Schema pattern (a limit on the sum
#: cannot).
MAX_YEARS: Final = 9999
MAX_MONTHS: Final = 9999
MAX_DAYS: Final = 999_999


def _fail(text: str, reason: str) -> DurationError:
    return DurationError(text, reason)


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


_FIELDS: Final = ("years", "months", "days", "hours", "minutes", "seconds")
_LIMITS: Final = (MAX_YEARS, MAX_MONTHS, MAX_DAYS, 23, 59, 59)
_UNITS: Final = ("Y", "M", "D", "H", "M", "S")


class Duration:
    """A length of time as a source states it: years, months, days, hours, minutes, seconds.

    Immutable, hashable, equal when every component is equal (``P12M`` is not ``P1Y``). Each
    component is a whole number from 0: hours up to 23, minutes and seconds up to 59, years
    and months up to 9999, days up to 999,999. ``str()`` gives the canonical ISO 8601 text.

    >>> term = Duration(years=7, months=6)
    >>> term
    Duration(years=7, months=6)
    >>> str(term), term == parse_duration("P7Y6M")
    ('P7Y6M', True)
    >>> term.to_pendulum().in_days()  # pendulum counts a year as 365 days, a month as 30
    2735
    """

    # the hash is kept: tables group cells by value, and computing it took a tenth of a
    # first to_pandas("events") at 100,000 events (10,000 penalties' terms)
    __slots__ = (*_FIELDS, "_hash")

    years: int
    months: int
    days: int
    hours: int
    minutes: int
    seconds: int
    _hash: int

    def __init__(
        self,
        *,
        years: int = 0,
        months: int = 0,
        days: int = 0,
        hours: int = 0,
        minutes: int = 0,
        seconds: int = 0,
    ) -> None:
        values = (years, months, days, hours, minutes, seconds)
        for name, value, limit in zip(_FIELDS, values, _LIMITS, strict=True):
            if type(value) is not int:
                raise TypeError(f"Duration {name} must be an int, not {what_was_given(value)}")
            if not 0 <= value <= limit:
                _out_of_range(name, value, limit, values)
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_hash", hash(values))

    @classmethod
    def parse(cls, text: str) -> Duration:
        """The duration a canonical ISO 8601 text states (:func:`parse_duration`).

        >>> Duration.parse("P15D").days
        15
        """
        return parse_duration(text)

    @classmethod
    def from_pendulum(cls, value: datetime.timedelta) -> Duration:
        """The duration equal to a :class:`pendulum.Duration` (or a :class:`datetime.timedelta`),
        with its time carried into larger units the way pendulum does (30 hours is 1 day 6
        hours). Raises :class:`DurationError` if it is negative or has a fraction of a second.

        >>> import pendulum
        >>> Duration.from_pendulum(pendulum.duration(hours=30))
        Duration(days=1, hours=6)
        """
        if not isinstance(value, datetime.timedelta):
            raise TypeError(f"expected a pendulum.Duration, not {what_was_given(value)}")
        years: int = getattr(value, "years", 0)
        months: int = getattr(value, "months", 0)
        # pendulum keeps the days of its years and months in .days too: take them out. (A
        # pendulum.Duration's .seconds is its own, signed: the timedelta's is read instead.)
        rest = datetime.timedelta(
            days=value.days, seconds=_TIMEDELTA_SECONDS.__get__(value)
        ) - datetime.timedelta(days=years * 365 + months * 30)
        if years < 0 or months < 0 or rest < _ZERO:
            shown = _shown_parts(years, months, rest)
            reason = (
                f"is negative ({shown}); a duration is a length of time, with no part below 0"
                if years <= 0 and months <= 0 and rest <= _ZERO
                else f"mixes signs ({shown}); a duration is one length of time, with no part "
                "below 0: give it as that length"
            )
            raise DurationError(value, reason, f"{value!r} {reason}")
        if value.microseconds:
            reason = "has a fraction of a second; only whole seconds"
            raise DurationError(value, reason, f"{value!r} {reason}")
        days, hours, minutes, seconds = _carry(rest.days, 0, 0, rest.seconds)
        return cls(
            years=years, months=months, days=days, hours=hours, minutes=minutes, seconds=seconds
        )

    def to_pendulum(self) -> pendulum.Duration:
        """The same length as a :class:`pendulum.Duration`, for date arithmetic (imports
        pendulum).

        >>> import pendulum
        >>> pendulum.date(2012, 6, 4) + Duration(years=7, months=6).to_pendulum()
        Date(2019, 12, 4)
        """
        import pendulum

        return pendulum.Duration(
            years=self.years,
            months=self.months,
            days=self.days,
            hours=self.hours,
            minutes=self.minutes,
            seconds=self.seconds,
        )

    def isoformat(self) -> str:
        """The canonical ISO 8601 text (the same as ``str()``).

        >>> Duration(days=1, hours=6).isoformat(), Duration().isoformat()
        ('P1DT6H', 'P0D')
        """
        date = "".join(
            f"{n}{unit}" for n, unit in zip(self._components[:3], _UNITS, strict=False) if n
        )
        time = "".join(
            f"{n}{unit}" for n, unit in zip(self._components[3:], _UNITS[3:], strict=True) if n
        )
        if time:
            return f"P{date}T{time}"
        return f"P{date}" if date else "P0D"

    @property
    def _components(self) -> tuple[int, int, int, int, int, int]:
        return (self.years, self.months, self.days, self.hours, self.minutes, self.seconds)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        stated = [f"{name}={n}" for name, n in zip(_FIELDS, self._components, strict=True) if n]
        return f"Duration({', '.join(stated)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not Duration:
            return NotImplemented
        return self._components == other._components

    def __hash__(self) -> int:
        return self._hash

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Duration is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Duration is immutable: cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # (named by its public class: a pickle says ``rightsdata.Duration``)
        return (Duration.parse, (self.isoformat(),))


def _out_of_range(name: str, value: int, limit: int, values: tuple[int, ...]) -> NoReturn:
    if value < 0:
        raise DurationError(None, f"Duration {name} is {value}: negative durations are not used")
    if name in ("hours", "minutes", "seconds"):
        days, hours, minutes, seconds = _carry(*values[2:])
        raise DurationError(
            None,
            f"Duration {name}={value} is not canonical: {name} go up to {limit}; "
            f"write days={days}, hours={hours}, minutes={minutes}, seconds={seconds}",
        )
    raise DurationError(None, f"Duration {name}={value} is too long: at most {limit}")


_TIMEDELTA_SECONDS: Final = datetime.timedelta.seconds
_ZERO: Final = datetime.timedelta(0)


def _shown_parts(years: int, months: int, rest: datetime.timedelta) -> str:
    """A duration's years, months and the rest (days and seconds, signed), in words.

    >>> _shown_parts(1, -1, datetime.timedelta(0))
    '1 year, -1 month'
    >>> _shown_parts(1, 0, datetime.timedelta(seconds=-1))
    '1 year, -1 second'
    >>> _shown_parts(0, 0, datetime.timedelta(hours=-3))
    '-3 hours'
    """
    whole, seconds = divmod(int(rest.total_seconds()), 86400)
    if seconds and whole < 0:  # (-1 second is -1 day and 86,399 seconds: said as -1 second)
        whole, seconds = whole + 1, seconds - 86400
    hours, seconds = (seconds // 3600, 0) if seconds and not seconds % 3600 else (0, seconds)
    parts = [(years, "year"), (months, "month"), (whole, "day"), (hours, "hour")]
    parts.append((seconds, "second"))
    return ", ".join(f"{n} {unit}{'' if abs(n) == 1 else 's'}" for n, unit in parts if n)


def _carry(days: int, hours: int, minutes: int, seconds: int) -> tuple[int, int, int, int]:
    """Seconds over 59 carried into minutes, minutes into hours, hours over 23 into days."""
    minutes_up, seconds = divmod(seconds, 60)
    hours_up, minutes = divmod(minutes + minutes_up, 60)
    days_up, hours = divmod(hours + hours_up, 24)
    return days + days_up, hours, minutes, seconds


def parse_duration(text: str | Duration) -> Duration:
    """Parse a canonical ISO 8601 duration; raise :class:`DurationError` otherwise. A value
    that is not text is a TypeError (a ``datetime.timedelta`` is told to use
    :meth:`Duration.from_pendulum`), as for ``EDTF``; a :class:`Duration` is returned as it
    is.

    >>> parse_duration("P15D").days
    15
    >>> parse_duration("PT12H").hours
    12
    >>> try:
    ...     parse_duration("PT30H")
    ... except DurationError as error:
    ...     print(error)
    'PT30H' is not a canonical ISO 8601 duration: 30 hours is normalised; write 'P1DT6H'
    >>> parse_duration(15)  # type: ignore[arg-type]
    Traceback (most recent call last):
    TypeError: parse_duration takes an ISO 8601 duration's text, such as 'P15D', or a \
Duration, not an int (15)
    """
    if not isinstance(text, str):
        if isinstance(text, Duration):  # (immutable: as EDTF(d) is d)
            return text
        raise TypeError(
            "parse_duration takes an ISO 8601 duration's text, such as 'P15D', or a Duration, "
            f"not {what_was_given(text)}" + _timedelta_lead(text)
        )
    parsed = _parsed.get(text)
    if parsed is not None:
        return parsed
    value = _parse(text)
    if len(_parsed) >= _PARSED_MAX:
        _parsed.clear()
    _parsed[text] = value
    return value


def _timedelta_lead(value: object) -> str:
    """What a message refusing ``value`` as a duration's text adds: for a timedelta (or
    pendulum's Duration, one), the call that makes a Duration of it; else nothing."""
    if isinstance(value, datetime.timedelta):
        return f"; for a timedelta, {python_call('rightsdata.Duration.from_pendulum(value)')}"
    return ""


# Terms repeat (P7Y6M, P15D): remember the parsed ones. Durations are immutable, so one
# instance can serve every record.
_parsed: dict[str, Duration] = {}
_PARSED_MAX: Final = 4096


def _parse(text: str) -> Duration:
    m = _CANONICAL.fullmatch(text)
    if m is None:
        weeks = _WEEKS.fullmatch(text)
        if weeks is not None:
            days = int(weeks.group(1)) * 7
            raise _fail(text, f"weeks are not used; write {f'P{days}D' if days else 'P0D'!r}")
        raise _fail(text, _reason(text))
    if text == "P" or text.endswith("T"):
        raise _fail(text, "no component after 'P' or 'T'")
    stated = [int(g) if g else 0 for g in m.groups()]
    years, months, days = stated[:3]
    if years > MAX_YEARS or months > MAX_MONTHS or days > MAX_DAYS:
        raise _fail(
            text,
            f"too long: at most {MAX_YEARS} years, {MAX_MONTHS} months and {MAX_DAYS} days",
        )
    days, hours, minutes, seconds = _carry(*stated[2:])
    if days > MAX_DAYS:
        raise _fail(text, f"too long: at most {MAX_DAYS} days")
    value = Duration(
        years=years, months=months, days=days, hours=hours, minutes=minutes, seconds=seconds
    )
    canonical = value.isoformat()
    if canonical != text:
        if text != "P0D" and not any(stated):
            reason = "the zero duration is written"
        elif stated[3] > 23:
            reason = f"{stated[3]} hours is normalised; write"
        elif stated[4] > 59:
            reason = f"{stated[4]} minutes is normalised; write"
        elif stated[5] > 59:
            reason = f"{stated[5]} seconds is normalised; write"
        elif any(g is not None and g != str(int(g)) for g in m.groups()):
            reason = "numbers are written without leading zeros; write"
        else:
            reason = "zero components are left out; write"
        raise _fail(text, f"{reason} {canonical!r}")
    return value


def format_duration(value: Duration | datetime.timedelta) -> str:
    """Write a duration in the canonical ISO 8601 form (the one :func:`parse_duration` reads).

    A :class:`pendulum.Duration` (or :class:`datetime.timedelta`) is accepted too, its time
    carried into larger units; it raises :class:`DurationError` if negative or with a
    fraction of a second.

    >>> format_duration(Duration(years=7, months=6))
    'P7Y6M'
    >>> import pendulum
    >>> format_duration(pendulum.duration(hours=30))
    'P1DT6H'
    >>> format_duration(Duration())
    'P0D'
    """
    if isinstance(value, Duration):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return Duration.from_pendulum(value).isoformat()
    raise TypeError(
        f"expected a `rightsdata.Duration` or `pendulum.Duration`, not {what_was_given(value)}"
    )


name_publicly(DurationError)
