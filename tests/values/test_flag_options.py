"""Every True-or-False option of the public API is checked as a flag: ``"false"`` (truthy),
``1`` or None is refused naming the option, as ``strict=`` and ``force=`` are, not taken
by its truth (``legend=`` of a plot, ``whole=`` of ``textcard.wrap``, ``intervals=`` and
``sets=`` of ``testing.edtf_dates``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import rightsdata
from rightsdata import testing, textcard

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from rightsdata import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _closed() -> Iterator[None]:
    yield
    plt.close("all")


def _calls() -> list[tuple[str, Callable[[object], object]]]:
    ds = rightsdata.load()
    return [
        ("legend", lambda value: ds.plot_timeline("place:almaty", legend=value)),
        ("legend", lambda value: plot.plot_timeline(ds, "place:almaty", legend=value)),
        ("whole", lambda value: textcard.wrap("a b", 10, whole=value)),
        ("intervals", lambda value: testing.edtf_dates(intervals=value)),
        ("sets", lambda value: testing.edtf_dates(sets=value)),
    ]


@pytest.mark.parametrize(
    ("value", "given"),
    [("false", "a str ('false')"), (0, "an int (0)"), (1, "an int (1)"), (None, "None")],
)
def test_a_flag_option_is_true_or_false(value: object, given: str) -> None:
    for name, call in _calls():
        with pytest.raises(TypeError) as error:
            call(value)
        assert str(error.value) == f"{name} must be True or False, not {given}"
        call(False)
        call(True)
