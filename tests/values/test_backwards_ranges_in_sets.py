"""A range written backwards inside a set or an all-of list (``[2013..2012]``,
``{2013..2012}``, ``[2010, 2013..2012]``) is told the set in order, as a backwards interval
is told the interval in order; the form offered reads, and means the range that was meant."""

from __future__ import annotations

import pytest

from rightsdata._data.query import window
from rightsdata._values.dates import EDTF, EDTFError, is_edtf

_BACKWARDS = "a range A..B runs from its start to its end, and "


def _refusal(text: str) -> str:
    with pytest.raises(EDTFError) as error:
        EDTF(text)
    return error.value.reason


@pytest.mark.parametrize(
    ("text", "after", "offered", "meant"),
    [
        ("[2013..2012]", "2013 is after 2012", "[2012..2013]", ["2012/2013"]),
        ("[2010,2013..2012]", "2013 is after 2012", "[2010,2012..2013]", ["2010", "2012/2013"]),
        ("[2013..2012,2014]", "2013 is after 2012", "[2012..2013,2014]", ["2012/2013", "2014"]),
        (
            "[2012-05..2012-03]",
            "2012-05 is after 2012-03",
            "[2012-03..2012-05]",
            ["2012-03/2012-05"],
        ),
        (
            "[2013..2012,2015..2014]",
            "2013 is after 2012, 2015 is after 2014",
            "[2012..2013,2014..2015]",
            ["2012/2013", "2014/2015"],
        ),
        (
            "[..2012,2014..2013,2015..]",
            "2014 is after 2013",
            "[..2012,2013..2014,2015..]",
            ["../2012", "2013/2014", "2015/.."],
        ),
        # (the range turned, the set is out of order: the same dates in order)
        ("[2013..2012,2011]", "2013 is after 2012", "[2011,2012..2013]", ["2011", "2012/2013"]),
        (
            "[2013..2012,2010..2011]",
            "2013 is after 2012",
            "[2010..2011,2012..2013]",
            ["2010/2011", "2012/2013"],
        ),
    ],
)
def test_a_backwards_range_in_a_set_is_told_the_set_in_order(
    text: str, after: str, offered: str, meant: list[str]
) -> None:
    reason = _refusal(text)
    assert reason == f"{_BACKWARDS}{after}: in order, {offered}"
    assert [str(member) for member in EDTF(offered).members] == meant


def test_a_set_with_spaces_and_a_backwards_range_is_told_both() -> None:
    reason = _refusal("[2010, 2013..2012]")
    assert reason == (
        f"{_BACKWARDS}2013 is after 2012 (and a set is written without spaces): in order, "
        "[2010,2012..2013]"
    )
    assert EDTF("[2010,2012..2013]").members == (EDTF("2010"), EDTF("2012/2013"))


def test_all_of_a_backwards_range_is_told_the_interval_in_order() -> None:
    reason = _refusal("{2013..2012}")
    assert reason == (
        f"{_BACKWARDS}2013 is after 2012; '{{...}}' (all of a set) is not supported: all of it "
        "in order is the interval 2012/2013 (or [2012..2013] for one day within it)"
    )
    assert EDTF("2012/2013").start == EDTF("2012")
    assert EDTF("[2012..2013]").members == (EDTF("2012/2013"),)
    reason = _refusal("{2010,2013..2012}")
    assert reason.endswith(": for one of its dates in order, [2010,2012..2013]")


@pytest.mark.parametrize("side", [0, 1])
def test_a_backwards_range_as_a_window_side_is_told_a_side_or_the_window(side: int) -> None:
    between: list[str | None] = [None, None]
    between[side] = "[2013..2012]"
    with pytest.raises(ValueError, match="a window's") as error:
        window(tuple(between))
    said = str(error.value)
    name, end = ("first", "2012") if side == 0 else ("last", "2013")
    assert said.endswith(
        f"{_BACKWARDS}2013 is after 2012; a window's {('start', 'end')[side]} is one date, not "
        f"one of a set: the {name} of it, {end}, or the whole as the window, "
        "`between=('2012', '2013')`"
    )
    between[side] = end  # (each form offered is taken)
    window(tuple(between))
    window(("2012", "2013"))


def test_a_set_whose_dates_overlap_once_in_order_is_told_them_joined() -> None:
    """[2013..2012, 2012..2011] turned and in order overlaps at 2012: that the dates overlap
    is said plainly, naming them, and the two joined into one are offered."""
    reason = _refusal("[2013..2012, 2012..2011]")
    assert reason == (
        f"{_BACKWARDS}2013 is after 2012, 2012 is after 2011; a set's dates may not overlap, "
        "and '2012..2013' and '2011..2012' do (and a set is written without spaces): "
        "in order and joined, [2011..2013]"
    )
    assert not is_edtf("[2011..2012,2012..2013]")
    assert is_edtf("[2011..2013]")
