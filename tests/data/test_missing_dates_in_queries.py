"""A missing date (pandas' ``NaT``, from ``to_pandas``' date columns, NumPy's, a NaN) given
to a query's window (``between=``) or to ``rating_on`` is told that it is missing, not a
date, and for a window's side that None is its open end (building the message raised
"'float' object cannot be interpreted as an integer"). Of ``rightsdata._data.query``."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest

import rightsdata

MISSING: list[tuple[object, str]] = [
    (pd.NaT, "a missing date (pandas.NaT)"),
    (np.datetime64("NaT"), "a missing date (numpy.datetime64('NaT'))"),
    (math.nan, "a missing value (NaN)"),
]


@pytest.mark.parametrize(("value", "named"), MISSING, ids=repr)
def test_a_window_side_that_is_missing_is_told_to_be_none(value: object, named: str) -> None:
    ds = rightsdata.load()
    with pytest.raises(TypeError) as caught:
        ds.events(between=(value, None))  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"between: the start is {named}, not a date; pass None for an open start"
    )
    with pytest.raises(TypeError) as caught:
        ds.events(between=("2012", value))  # type: ignore[arg-type]
    assert (
        str(caught.value) == f"between: the end is {named}, not a date; pass None for an open end"
    )


@pytest.mark.parametrize(("value", "named"), MISSING, ids=repr)
def test_rating_on_a_missing_day_is_told_to_ask_of_a_day(value: object, named: str) -> None:
    with pytest.raises(TypeError) as caught:
        rightsdata.load().rating_on("KZ", value)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"rating_on: the day is {named}, not a date; ask of a day, such as '2012-10-08'"
    )


def test_a_date_column_read_back_asks_as_its_days_do() -> None:
    ds = rightsdata.load()
    latest = ds.to_pandas("events")["date_latest"]
    day = latest.dropna().iloc[0]
    assert ds.events(between=(day.date(), None))
    with pytest.raises(TypeError, match=r"pass its day, `datetime.date\("):
        ds.events(between=(day, None))
    assert isinstance(day.date(), datetime.date)
