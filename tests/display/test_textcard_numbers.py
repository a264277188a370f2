"""Every count of columns textcard's public functions (and a plot's ``label_width``) take is
checked as the rest of the library checks a number: an int (not a bool, a float or a str),
a huge one told by its count of digits (Python refuses to write one of more than 4,300), a
column never below zero, and never an ``OverflowError`` or a message holding a huge
number, or a prefix of a million spaces, written out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import rightsdata
from rightsdata import textcard

_HUGE = 10**5000
#: Arguments of a type the functions do not take (as a caller without a type checker passes).
_STR: Any = "4"
_WIDTH: Any = "80"
_FLOAT: Any = 80.5
_BOOL: Any = True
_EVENT = "event:kozlov-verdict-2012-10-08"


def _said(call: Callable[[], object]) -> str:
    with pytest.raises((TypeError, ValueError)) as error:
        call()
    said = str(error.value)
    assert len(said) < 300, said[:300]
    return said


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (
            lambda: textcard.id_lines("event:x", "verdict", -_HUGE, 80),
            "invalid column a negative number of 5,001 digits (must be at least 0)",
        ),
        (
            lambda: textcard.id_lines("event:x", "verdict", -5, 80),
            "invalid column -5 (must be at least 0)",
        ),
        (
            lambda: textcard.id_lines("event:x", "verdict", 4, -_HUGE),
            "invalid columns a negative number of 5,001 digits (must be at least 1)",
        ),
        (
            lambda: textcard.id_lines("event:x", "verdict", _STR, 80),
            "column must be an int (a count of columns), not a str ('4')",
        ),
        (
            lambda: textcard.wrap("a b", -_HUGE),
            "invalid width a negative number of 5,001 digits (must be at least 1)",
        ),
        (
            lambda: textcard.wrap("a b", _WIDTH),
            "width must be an int (a count of columns), not a str ('80')",
        ),
        (
            lambda: textcard.terminal_width(_FLOAT),
            "width must be an int (a count of columns), not a float (80.5)",
        ),
        (
            lambda: textcard.terminal_width(_BOOL),
            "width must be an int (a count of columns), not a bool (True)",
        ),
        (
            lambda: textcard.event_lines([], _WIDTH),
            "width must be an int (a count of columns), not a str ('80')",
        ),
    ],
)
def test_a_count_of_columns_is_checked(call: Callable[[], object], said: str) -> None:
    assert _said(call) == said


def test_a_huge_column_or_width_is_laid_out_within_the_columns() -> None:
    for column in (_HUGE, 10**6, 79):
        lines = textcard.id_lines("event:x", "verdict", column, 80)
        assert lines[0].endswith("event:x") and all(len(line) <= 80 for line in lines)
        assert "".join(lines).split() == ["event:x", "·", "verdict"]
    assert textcard.id_lines("event:x", "verdict", 4, _HUGE) == ["    event:x · verdict"]
    assert textcard.wrap("a b", _HUGE) == ["a b"]
    assert textcard.terminal_width(_HUGE) == textcard.MAX_WIDTH
    with pytest.raises(ValueError, match=r"invalid width a negative number of .* digits"):
        textcard.terminal_width(-_HUGE)  # (refused, as any width under 40, told by its size)


def test_a_prefix_that_leaves_no_room_is_told_by_its_width() -> None:
    said = _said(lambda: textcard.wrap("a b", 10, " " * 10**6))
    assert said.endswith("(1,000,000 columns) leaves no room in 10 columns")


def test_a_text_card_and_a_list_take_a_huge_width_as_the_widest() -> None:
    ds = rightsdata.load()
    event = ds.get(_EVENT)
    assert isinstance(event, rightsdata.Event)
    assert textcard.text_card(event, ds, _HUGE) == textcard.text_card(event, ds, 96)
    assert textcard.event_lines([event], _HUGE) == textcard.event_lines([event], 96)


def test_a_plots_label_width_is_a_count_of_columns() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ds = rightsdata.load()
    values: list[tuple[Any, str]] = [
        (-_HUGE, "invalid label_width a negative number of 5,001 digits (must be at least 1)"),
        (0, "invalid label_width 0 (must be at least 1)"),
        ("60", "label_width must be an int (a count of columns), not a str ('60')"),
    ]
    for value, said in values:
        assert _said(lambda: ds.plot_timeline(_EVENT, label_width=value)) == said  # noqa: B023
    ds.plot_timeline(_EVENT, label_width=_HUGE)
    plt.close("all")
