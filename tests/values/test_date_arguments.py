"""A date given as an argument that does not parse is an EDTFError wherever it is given, as
``EDTF(text)`` is: a program that catches ``rightsdata.EDTFError`` around the dates its
users type catches these too."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest

import rightsdata

DATASET = rightsdata.load()

CALLS: dict[str, tuple[Callable[[], object], str]] = {
    "rating_on": (lambda: DATASET.rating_on("KZ", "2020-13"), "rating_on: the day is not a date"),
    "events": (
        lambda: DATASET.events(between=("2020-13", None)),
        "between: the start is not a date",
    ),
    "statements": (
        lambda: DATASET.statements(between=(None, "2020-13")),
        "between: the end is not a date",
    ),
}


@pytest.mark.parametrize("name", CALLS)
def test_a_date_argument_that_does_not_parse_is_an_edtf_error(name: str) -> None:
    call, context = CALLS[name]
    with pytest.raises(rightsdata.EDTFError) as caught:
        call()
    error = caught.value
    assert str(error) == f"{context}: '2020-13' is not an EDTF date: month 13 does not exist"
    assert (error.text, error.reason, error.context) == (
        "2020-13",
        "month 13 does not exist",
        context,
    )
    assert isinstance(error.__cause__, rightsdata.EDTFError)  # the parser's, chained
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.context) == (type(error), str(error), context)


def test_a_plot_window_that_does_not_parse_is_an_edtf_error() -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(rightsdata.EDTFError, match="between: the start is not a date"):
        DATASET.plot_timeline("person:vladimir-kozlov", between=("2020-13", None))


def test_a_window_side_written_as_a_span_says_what_to_pass() -> None:
    with pytest.raises(rightsdata.EDTFError) as caught:
        DATASET.events(between=("2012 to 2013", None))
    assert "`between=('2012', '2013')`" in str(caught.value)
    assert caught.value.text == "2012 to 2013"


def test_a_date_parsed_alone_has_no_context() -> None:
    with pytest.raises(rightsdata.EDTFError) as caught:
        rightsdata.EDTF("2020-13")
    assert caught.value.context is None
    assert str(caught.value) == "'2020-13' is not an EDTF date: month 13 does not exist"


def test_an_edtf_error_s_text_is_always_the_text_given() -> None:
    """``EDTFError.text`` is typed ``str``: every raise site gives the text that did not parse
    (the parser, a window's side, a date argument), and one made without text is refused, as
    ``DatasetVersionError`` refuses a name that is not one (it took None, and its message was
    then its reason alone)."""
    for call in (lambda: rightsdata.EDTF("2020-13"), *(call for call, _ in CALLS.values())):
        with pytest.raises(rightsdata.EDTFError) as caught:
            call()
        assert type(caught.value.text) is str
    with pytest.raises(TypeError, match=r"^text must be a str \(the input that is not a date\)"):
        rightsdata.EDTFError(None, "not a date")  # type: ignore[arg-type]
