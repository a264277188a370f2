"""A datetime given where a date is taken is refused as a time in text is, with its day to
pass: a window's side, ``rating_on``'s day, and what :meth:`EDTF.contains` and
:meth:`EDTF.overlaps` are asked of (a datetime is a :class:`datetime.date` subclass, so it
was taken silently as its day there); pendulum's DateTime and pandas' Timestamp too."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pandas as pd
import pendulum
import pytest

from rightsdata import EDTF

_MOMENTS: list[datetime.datetime] = [
    datetime.datetime(2012, 5, 1, 23, 59),
    datetime.datetime(2012, 5, 1, tzinfo=datetime.UTC),
    pendulum.datetime(2012, 5, 1, 12),
    pd.Timestamp("2012-05-01 12:00").to_pydatetime(),
    pd.Timestamp("2012-05-01 12:00"),
]


@pytest.mark.parametrize("method", ["contains", "overlaps"])
@pytest.mark.parametrize("moment", _MOMENTS, ids=repr)
def test_a_relation_refuses_a_datetime_naming_its_day(
    method: str, moment: datetime.datetime
) -> None:
    asked: Callable[[object], bool] = getattr(EDTF("2012"), method)
    with pytest.raises(TypeError) as error:
        asked(moment)
    assert str(error.value) == (
        f"EDTF.{method}: other is not a date: {moment!r} has a time of day: times are not "
        "supported, only dates; pass its day, `datetime.date(2012, 5, 1)`"
    )
    assert asked(datetime.date(2012, 5, 1)) is True  # (the day it names is taken)


@pytest.mark.parametrize("method", ["contains", "overlaps"])
def test_a_relation_takes_a_day_of_either_kind(method: str) -> None:
    for day in (datetime.date(2012, 5, 1), pendulum.date(2012, 5, 1)):
        assert getattr(EDTF("2012-05"), method)(day) is True
        assert getattr(EDTF("2013"), method)(day) is False
