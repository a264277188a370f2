"""A ``datetime.date`` given where an EDTF date's text is taken (``EDTF()``, a record's date
field, ``structure``, a load's documents, ``chronological_key``) is told the text to pass, as
a Python call; a datetime (pendulum's and pandas' too) its day's text, with why: times are
not supported. A window's side, which takes a date, is as before."""

from __future__ import annotations

import datetime

import pandas as pd
import pendulum
import pytest

import rightsdata
from rightsdata import EDTF, Event, FieldError, chronological_key, structure
from rightsdata._data.query import window

_DAYS: list[datetime.date] = [datetime.date(2012, 1, 26), pendulum.date(2012, 1, 26)]
_MOMENTS: list[datetime.datetime] = [
    datetime.datetime(2012, 1, 26, 23, 59),
    pendulum.datetime(2012, 1, 26, 12),
    pd.Timestamp("2012-01-26 12:00"),
]
#: How a message names each class given (its public name, with its article).
_NAMED = {
    datetime.date: "a datetime.date",
    pendulum.Date: "a pendulum.Date",
    datetime.datetime: "a datetime.datetime",
    pendulum.DateTime: "a pendulum.DateTime",
    pd.Timestamp: "a pandas.Timestamp",
}
_TIME = "it has a time of day: times are not supported, only dates; pass its day's text, "


def _lead(value: datetime.date, call: str) -> str:
    if isinstance(value, datetime.datetime):
        return f": {_TIME}`{call}`"
    return f": pass its text, `{call}`"


@pytest.mark.parametrize("value", [*_DAYS, *_MOMENTS], ids=repr)
def test_edtf_is_told_the_text_to_pass(value: datetime.date) -> None:
    with pytest.raises(TypeError) as error:
        EDTF(value)  # type: ignore[arg-type]
    lead = _lead(value, "EDTF('2012-01-26')")
    assert str(error.value) == (
        "EDTF takes an EDTF date's text, such as '2012-10-08', or an EDTF, not "
        f"{_NAMED[type(value)]}{lead}"
    )
    assert EDTF("2012-01-26").contains(datetime.date(2012, 1, 26))  # (the text offered reads)


@pytest.mark.parametrize("value", [_DAYS[0], _MOMENTS[0]], ids=repr)
def test_a_record_date_field_is_told_the_text_to_pass(value: datetime.date) -> None:
    told = f"expected an EDTF date as text, got {type(value).__name__} ({value!r})"
    told += _lead(value, "'2012-01-26'")
    with pytest.raises(FieldError) as error:
        Event(id="event:x", kind="arrest", title="x", citations=(), date=value)  # type: ignore[arg-type]
    assert str(error.value).endswith(f"event:x.date: {told}")
    document = {"id": "event:x", "kind": "arrest", "title": "x", "date": value}
    with pytest.raises(rightsdata.InvalidDataError) as invalid:
        structure("events", document)
    assert f"event:x.date: {told}" in str(invalid.value)
    with pytest.raises(rightsdata.InvalidDataError) as invalid:
        rightsdata.load_documents({"events": [document]})
    assert f"event:x.date: {told}" in str(invalid.value)


@pytest.mark.parametrize("value", [_DAYS[0], _MOMENTS[0]], ids=repr)
def test_chronological_key_is_told_the_text_to_pass(value: datetime.date) -> None:
    with pytest.raises(TypeError) as error:
        chronological_key(value)  # type: ignore[arg-type]
    lead = _lead(value, "chronological_key('2012-01-26')")
    assert str(error.value) == (
        f"chronological_key takes an EDTF, its text or None, not {_NAMED[type(value)]}{lead}"
    )
    assert chronological_key("2012-01-26") == chronological_key(EDTF("2012-01-26"))


def test_a_window_side_still_takes_a_date() -> None:
    assert window((datetime.date(2012, 1, 26), None)) is not None
