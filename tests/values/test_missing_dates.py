"""A missing value given where a date is taken (pandas' ``NaT``, which a notebook meets in
``to_pandas``' date columns, NumPy's ``datetime64('NaT')``, a NaN, ``pandas.NA``) is told
that it is missing, not a date, as a TypeError (building the message raised one of its own:
"'float' object cannot be interpreted as an integer"); a NumPy date is told how to make it a
``datetime.date``. Of ``rightsdata._values.dates``: ``EDTF``, ``contains``, ``overlaps``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from rightsdata import EDTF, chronological_key
from rightsdata._values.dates import missing_date

#: Each missing value, with how a message names it.
MISSING: list[tuple[object, str]] = [
    (pd.NaT, "a missing date (pandas.NaT)"),
    (np.datetime64("NaT"), "a missing date (numpy.datetime64('NaT'))"),
    (math.nan, "a missing value (NaN)"),
    (np.float64("nan"), "a missing value (NaN)"),
    (pd.NA, "a missing value (pandas.NA)"),
]


@pytest.mark.parametrize(("value", "named"), MISSING, ids=repr)
def test_contains_and_overlaps_say_a_missing_date_is_no_date(value: object, named: str) -> None:
    year = EDTF("2012")
    for method in ("contains", "overlaps"):
        with pytest.raises(TypeError) as caught:
            getattr(year, method)(value)
        assert str(caught.value) == (
            f"EDTF.{method}: other is {named}, not a date; ask of a date, an EDTF or its text"
        )


@pytest.mark.parametrize(("value", "named"), MISSING[:2], ids=repr)
def test_edtf_and_chronological_key_say_a_missing_date_is_no_date(
    value: object, named: str
) -> None:
    with pytest.raises(TypeError) as caught:
        EDTF(value)  # type: ignore[arg-type]
    assert str(caught.value).endswith(f": it is {named}, not a date")
    with pytest.raises(TypeError) as caught:
        chronological_key(value)  # type: ignore[arg-type]
    assert str(caught.value).endswith(f": it is {named}, not a date")


def test_a_numpy_date_is_told_how_to_make_it_a_date() -> None:
    day: Any = np.datetime64("2012-10-08")  # (as a value read at run time is typed)
    with pytest.raises(TypeError, match=r"; pass a datetime.date \(`value.item\(\)` gives one"):
        EDTF("2012").contains(day)
    assert EDTF("2012").contains(day.item())


def test_only_missing_values_are_missing() -> None:
    for value in ("2012", EDTF("2012"), None, 5, 2.5, pd.Timestamp("2012-01-01"), np.array([1])):
        assert missing_date(value) == ""
