"""Tests for rightsdata._values.durations: canonical ISO 8601 durations as rightsdata.Duration."""

from __future__ import annotations

import copy
import datetime
import pickle
import re

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsdata._values.durations import Duration, DurationError, format_duration, parse_duration

from conftest import examples


@pytest.mark.parametrize(
    ("text", "years", "months", "days", "hours", "minutes", "seconds"),
    [
        ("P7Y6M", 7, 6, 0, 0, 0, 0),
        ("P15D", 0, 0, 15, 0, 0, 0),
        ("P6M", 0, 6, 0, 0, 0, 0),
        ("P2Y", 2, 0, 0, 0, 0, 0),
        ("PT12H", 0, 0, 0, 12, 0, 0),
        ("P0D", 0, 0, 0, 0, 0, 0),
        ("P12M", 0, 12, 0, 0, 0, 0),
        ("P400D", 0, 0, 400, 0, 0, 0),
        ("P1Y2M3DT4H5M6S", 1, 2, 3, 4, 5, 6),
        ("PT45M", 0, 0, 0, 0, 45, 0),
        ("PT59S", 0, 0, 0, 0, 0, 59),
        ("P1DT23H59M59S", 0, 0, 1, 23, 59, 59),
    ],
)
def test_examples(
    text: str, years: int, months: int, days: int, hours: int, minutes: int, seconds: int
) -> None:
    d = parse_duration(text)
    assert type(d) is Duration
    assert (d.years, d.months, d.days) == (years, months, days)
    assert (d.hours, d.minutes, d.seconds) == (hours, minutes, seconds)
    assert format_duration(d) == text == str(d) == d.isoformat()
    assert Duration.parse(text) == d
    p = d.to_pendulum()
    assert (p.years, p.months, p.weeks * 7 + p.remaining_days) == (years, months, days)
    assert (p.hours, p.minutes, p.remaining_seconds) == (hours, minutes, seconds)


def test_seven_and_a_half_years() -> None:
    d = parse_duration("P7Y6M")
    assert d == Duration(years=7, months=6)
    assert d.to_pendulum() == pendulum.Duration(years=7, months=6)
    assert d.to_pendulum().days == 2735  # pendulum's approximation; we keep years and months
    assert d.days == 0


def test_duration_is_an_immutable_value() -> None:
    d = Duration(years=7, months=6)
    assert d == Duration(months=6, years=7)
    assert d != Duration(years=7, months=7)
    assert Duration(months=12) != Duration(years=1)  # as stated, never converted
    assert hash(d) == hash(Duration(years=7, months=6))
    assert len({d, parse_duration("P7Y6M"), Duration(days=15)}) == 2
    assert d != "P7Y6M"
    assert d != pendulum.Duration(years=7, months=6)  # compare with .to_pendulum()
    with pytest.raises(AttributeError, match="immutable"):
        d.years = 8
    with pytest.raises(AttributeError, match="immutable"):
        del d.years
    assert pickle.loads(pickle.dumps(d)) == d
    assert copy.deepcopy(d) == d
    assert repr(d) == "Duration(years=7, months=6)"
    assert eval(repr(Duration(days=1, seconds=5))) == Duration(days=1, seconds=5)
    assert repr(Duration()) == "Duration()"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"days": -1}, DurationError, "negative"),
        ({"hours": 24}, DurationError, "write days=1, hours=0"),
        ({"days": 2, "hours": 30}, DurationError, "write days=3, hours=6"),
        ({"minutes": 90}, DurationError, "hours=1, minutes=30"),
        ({"seconds": 60}, DurationError, "minutes=1, seconds=0"),
        ({"years": 10_000}, DurationError, "too long: at most 9999"),
        ({"days": 1_000_000}, DurationError, "too long: at most 999999"),
        ({"days": 1.5}, TypeError, "days must be an int, not a float (1.5)"),
        ({"years": True}, TypeError, "years must be an int, not a bool (True)"),
        ({"months": "6"}, TypeError, "months must be an int, not a str ('6')"),
    ],
)
def test_duration_rejects(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        Duration(**kwargs)  # type: ignore[arg-type]


def test_from_pendulum_and_timedelta() -> None:
    assert Duration.from_pendulum(pendulum.Duration(years=1, days=15)) == Duration(years=1, days=15)
    assert Duration.from_pendulum(datetime.timedelta(days=3, seconds=3661)) == Duration(
        days=3, hours=1, minutes=1, seconds=1
    )
    with pytest.raises(DurationError, match="negative"):
        Duration.from_pendulum(datetime.timedelta(seconds=-1))
    with pytest.raises(TypeError, match=r"expected a pendulum\.Duration"):
        Duration.from_pendulum("P1D")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (pendulum.Duration(years=7, months=6), "P7Y6M"),
        (pendulum.Duration(days=15), "P15D"),
        (pendulum.Duration(weeks=2), "P14D"),
        (pendulum.Duration(hours=30), "P1DT6H"),
        (pendulum.Duration(minutes=90), "PT1H30M"),
        (pendulum.Duration(months=12), "P12M"),
        (pendulum.Duration(), "P0D"),
        (pendulum.Duration(days=1, seconds=1), "P1DT1S"),
    ],
)
def test_format(value: pendulum.Duration, text: str) -> None:
    assert format_duration(value) == text


def test_format_rejects_what_cannot_be_written() -> None:
    with pytest.raises(DurationError, match="negative"):
        format_duration(pendulum.Duration(days=-1))
    with pytest.raises(DurationError, match="negative"):
        format_duration(pendulum.Duration(years=-1))
    with pytest.raises(DurationError, match="fraction of a second"):
        format_duration(pendulum.Duration(seconds=1.5))
    with pytest.raises(TypeError):
        format_duration("P1D")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("P", "no component"),
        ("PT", "no component"),
        ("P1YT", "no component"),
        ("P2W", "write 'P14D'"),
        ("P2W1D", "weeks are not used"),
        ("PT30H", "write 'P1DT6H'"),
        ("PT24H", "write 'P1D'"),
        ("PT90M", "write 'PT1H30M'"),
        ("PT60S", "write 'PT1M'"),
        ("7Y", "starts with 'P'"),
        ("p7y", "starts with 'P'"),
        ("P-1D", "negative"),
        ("-P1D", "signed"),
        ("P1.5Y", "fractional"),
        ("P1,5Y", "fractional"),
        ("", "empty string"),
        (" P1Y", "whitespace"),
        ("P1Y ", "whitespace"),
        ("P0Y", "zero duration is written 'P0D'"),
        ("PT0S", "zero duration is written 'P0D'"),
        ("P1Y0M", "zero components are left out; write 'P1Y'"),
        ("P07Y", "leading zeros; write 'P7Y'"),
        ("P6M7Y", "in this order"),
        ("PT1D", "in this order"),
        ("P1H", "in this order"),
        ("P\u0661D", "in this order"),  # Arabic-Indic digit one
        ("P9999999999D", "too long"),
    ],
)
def test_rejected(text: str, message: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{text!r} is not a canonical ISO 8601 duration")


def test_error_is_value_error() -> None:
    assert issubclass(DurationError, ValueError)


def test_a_value_that_is_not_text_is_a_type_error_as_for_dates() -> None:
    # parse_duration(15) raised DurationError "expected a str" (a ValueError, whose text was
    # not text), where EDTF(15) raises TypeError: now the same rule, the same form
    for wrong, told in ((15, "an int (15)"), (None, "None"), (b"P1D", "bytes (b'P1D')")):
        with pytest.raises(TypeError) as caught:
            parse_duration(wrong)  # type: ignore[arg-type]
        assert str(caught.value) == (
            "parse_duration takes an ISO 8601 duration's text, such as 'P15D', or a "
            f"Duration, not {told}"
        )
        assert not isinstance(caught.value, DurationError)
        with pytest.raises(TypeError, match=r"^parse_duration takes "):
            Duration.parse(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"; for a timedelta, `rightsdata\.Duration\.from_pendulum"):
        parse_duration(datetime.timedelta(days=1))  # type: ignore[arg-type]
    # a Duration is itself, as EDTF(d) is d
    term = parse_duration("P7Y6M")
    assert parse_duration(term) is term


_N = st.integers(0, 500)


@st.composite
def canonical(draw: st.DrawFn) -> str:
    years, months, days = draw(_N), draw(_N), draw(st.integers(0, 20000))
    hours, minutes, seconds = (
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
    )
    keep = draw(st.lists(st.booleans(), min_size=6, max_size=6))
    years, months, days, hours, minutes, seconds = (
        v if k else 0
        for v, k in zip((years, months, days, hours, minutes, seconds), keep, strict=True)
    )
    date = "".join(f"{v}{u}" for v, u in ((years, "Y"), (months, "M"), (days, "D")) if v)
    clock = "".join(f"{v}{u}" for v, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if v)
    text = "P" + date + ("T" + clock if clock else "")
    return text if text != "P" else "P0D"


@settings(max_examples=examples(500))
@given(canonical())
def test_round_trip(text: str) -> None:
    value = parse_duration(text)
    assert format_duration(value) == text
    assert parse_duration(format_duration(value)) == value


@settings(max_examples=examples(500))
@given(
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 5000),
    st.integers(0, 200),
    st.integers(0, 2000),
    st.integers(0, 20000),
)
def test_format_then_parse(
    years: int, months: int, days: int, hours: int, minutes: int, seconds: int
) -> None:
    value = pendulum.Duration(
        years=years, months=months, days=days, hours=hours, minutes=minutes, seconds=seconds
    )
    text = format_duration(value)
    back = parse_duration(text)
    assert back == Duration.from_pendulum(value)
    assert back.to_pendulum() == value
    assert (back.years, back.months) == (years, months)
    assert format_duration(back) == text


@settings(max_examples=examples(500))
@given(st.text(alphabet="PYMWDTHS0123456789.-", max_size=12))
def test_parse_accepts_only_canonical(text: str) -> None:
    try:
        value = parse_duration(text)
    except DurationError:
        return
    assert format_duration(value) == text
