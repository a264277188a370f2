"""A set or all-of list whose dates are out of order (``[2013,2012]``, ``{2013,2012}``), or
written twice, and a range whose two ends are the same date (``[2012..2012]``, as a window's
side too), are told the same dates in order, or the one date; the form offered reads, and
means the same dates."""

from __future__ import annotations

import pytest

from rightsdata._cli.exits import EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._data.query import window
from rightsdata._values.dates import EDTF, EDTFError

_ORDER = "a set's dates are written in order, earliest first"
_SAME = "a range A..B whose two ends are the same date is that one date"


def _refusal(text: str) -> str:
    with pytest.raises(EDTFError) as error:
        EDTF(text)
    return error.value.reason


def _meant(text: str) -> list[str]:
    """The dates a set (or one date) means, each as EDTF writes it alone."""
    parsed = EDTF(text)
    return [str(member) for member in parsed.members] if parsed.members else [str(parsed)]


@pytest.mark.parametrize(
    ("text", "told", "offered", "meant"),
    [
        ("[2013,2012]", f"{_ORDER}: in order, ", "[2012,2013]", ["2012", "2013"]),
        (
            "[2013, 2012]",
            f"{_ORDER} (and a set is written without spaces): in order, ",
            "[2012,2013]",
            ["2012", "2013"],
        ),
        (
            "[2012-05,2012-01..2012-02]",
            f"{_ORDER}: in order, ",
            "[2012-01..2012-02,2012-05]",
            ["2012-01/2012-02", "2012-05"],
        ),
        ("[2015..,2012]", f"{_ORDER}: in order, ", "[2012,2015..]", ["2012", "2015/.."]),
        ("[2013,..2011]", f"{_ORDER}: in order, ", "[..2011,2013]", ["../2011", "2013"]),
        ("[2012..2012]", f"{_SAME} (2012..2012 is 2012): write ", "2012", ["2012"]),
        (
            "[2012-01..2012-01]",
            f"{_SAME} (2012-01..2012-01 is 2012-01): write ",
            "2012-01",
            ["2012-01"],
        ),
        (
            "[2012..2012,2014]",
            f"{_SAME} (2012..2012 is 2012): write ",
            "[2012,2014]",
            ["2012", "2014"],
        ),
        (
            "[2014,2012..2012,2013]",
            f"{_SAME} (2012..2012 is 2012); {_ORDER}: in order, ",
            "[2012,2013,2014]",
            ["2012", "2013", "2014"],
        ),
        (
            "[2012,2012]",
            "a set has each date once, and 2012 is written twice: write ",
            "2012",
            ["2012"],
        ),
    ],
)
def test_a_set_out_of_order_is_told_its_dates_in_order(
    text: str, told: str, offered: str, meant: list[str]
) -> None:
    assert _refusal(text) == f"{told}{offered}"
    assert _meant(offered) == meant


def test_all_of_a_list_out_of_order_is_told_one_of_them_in_order() -> None:
    assert _refusal("{2013,2012}") == (
        f"{_ORDER}; '{{...}}' (all of a set) is not supported: for one of its dates in order, "
        "[2012,2013]"
    )
    assert _refusal("{2012..2012}") == (
        f"{_SAME} (2012..2012 is 2012); '{{...}}' (all of a set) is not supported: all of one "
        "date is that date, 2012"
    )
    assert _meant("[2012,2013]") == ["2012", "2013"]


_OVERLAP = "a set's dates may not overlap, and"


def _days(text: str) -> list[tuple[float, float]]:
    """The days a set's dates (or one date) mean, as spans of day ordinals (an open side
    unbounded), joined where they meet: what two sets meaning the same days share."""
    parsed = EDTF(text)
    return _joined_days(
        [
            (
                -float("inf") if m.earliest is None else m.earliest.toordinal(),
                float("inf") if m.latest is None else m.latest.toordinal(),
            )
            for m in (parsed.members or (parsed,))
        ]
    )


@pytest.mark.parametrize(
    ("text", "told", "offered"),
    [
        # overlapping only
        ("[2012..2013,2013..2014]", "'2012..2013' and '2013..2014' do: joined, ", "[2012..2014]"),
        ("[2012..2013,2013]", "'2012..2013' and '2013' do: joined, ", "[2012..2013]"),
        ("[2012,2012-05]", "'2012' and '2012-05' do: joined, ", "2012"),
        (
            "[2012-11..2013-02,2013]",
            "'2012-11..2013-02' and '2013' do: joined, ",
            "[2012-11..2013-12]",
        ),
        ("[2012,..2013]", "'2012' and '..2013' do: joined, ", "[..2013]"),
        ("[2012..,2013]", "'2012..' and '2013' do: joined, ", "[2012..]"),
        # out of order and overlapping: the two that overlap named as written
        ("[2013,2012..2014]", "'2013' and '2012..2014' do: joined, ", "[2012..2014]"),
        (
            "[2014,2011..2012,2012..2013]",
            "'2011..2012' and '2012..2013' do: in order and joined, ",
            "[2011..2013,2014]",
        ),
        ("[2012-05,2012]", "'2012-05' and '2012' do: joined, ", "2012"),
    ],
)
def test_a_set_whose_dates_overlap_is_told_them_joined(text: str, told: str, offered: str) -> None:
    """Dates that overlap are joined into one, in order or not: the set offered reads, and
    means the very days the dates written did."""
    reason = _refusal(text)
    assert reason.endswith(f"{told}{offered}"), reason
    assert _OVERLAP in reason
    assert (_ORDER in reason) == ("in order" in told)
    parts = text[1:-1].split(",")
    written = [span for part in parts for span in _days(f"[{part}]" if ".." in part else part)]
    assert _days(offered) == _joined_days(written)


def _joined_days(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    joined: list[tuple[float, float]] = []
    for lo, hi in sorted(spans):
        if joined and lo <= joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], max(hi, joined[-1][1]))
        else:
            joined.append((lo, hi))
    return joined


def test_a_set_whose_open_start_and_end_overlap_keeps_the_parsers_message() -> None:
    """[..2012,2011..] would be every day, which no set writes: nothing is offered."""
    assert _refusal("[..2012,2011..]") == (
        "its dates must be in order without overlapping: '..2012' does not end before "
        "'2011..' begins"
    )


def test_all_of_dates_that_overlap_is_told_the_interval_they_join_into() -> None:
    assert _refusal("{2013,2012..2014}") == (
        f"{_OVERLAP} '2013' and '2012..2014' do; '{{...}}' (all of a set) is not supported: "
        "all of it joined is the interval 2012/2014 (or [2012..2014] for one day within it)"
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [("2012..2012", "2012"), ("2012-05..2012-05", "2012-05"), ("Oct 2012..Oct 2012", "2012-10")],
)
def test_a_bare_range_whose_ends_are_one_date_is_told_that_date(text: str, date: str) -> None:
    # It was told the interval 2012/2012, where a range A..B means one day within it.
    assert _refusal(text) == f"{_SAME}: {date}"
    assert str(EDTF(date)) == date


def test_a_date_wrong_alone_is_told_its_own_problem() -> None:
    assert _refusal("[2013,2012?]").startswith("date 2 '2012?': a date in a set cannot carry")


@pytest.mark.parametrize("side", [0, 1])
def test_a_range_with_equal_ends_as_a_window_side_is_told_the_date(side: int) -> None:
    between: list[str | None] = [None, None]
    between[side] = "[2012..2012]"
    with pytest.raises(ValueError, match="a window's") as error:
        window(tuple(between))
    assert str(error.value).endswith(
        f"{_SAME} (2012..2012 is 2012): a window's {('start', 'end')[side]} is one date, 2012"
    )
    between[side] = "2012"  # (the date offered is taken)
    window(tuple(between))


def test_a_range_with_equal_ends_given_as_the_command_window_is_told_the_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["events", "--between", "[2012..2012]"]) == EXIT_USAGE
    said = " ".join(capsys.readouterr().err.split())
    assert said.endswith(f"{_SAME} (2012..2012 is 2012): the window, --between 2012/2012)")
    assert main(["events", "--between", "2012/2012"]) == 0  # (the window offered is taken)
