"""Wrong arguments to the public functions of ``rightsdata.display``, ``rightsdata.textcard``
and ``rightsdata.plot`` (and ``Dataset.card``, ``Dataset.plot_timeline``): a TypeError that
names the function, the argument and what it takes (``rightsdata._display.given``), never an
AttributeError or a bare AssertionError from inside a card."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from rightsdata import Dataset, display, plot, textcard
from rightsdata._display.given import given_records

KOZLOV = "person:vladimir-kozlov"
TRIAL = "event:kozlov-trial-2012"


pytestmark = pytest.mark.usefixtures("figures_closed")


def _right_arguments(ds: Dataset) -> dict[Callable[..., Any], dict[str, Any]]:
    """Each public function (and class) of the three modules, with arguments it takes."""
    person, event = ds.get(KOZLOV), ds.get(TRIAL)
    return {
        display.record_repr: {"record": person},
        display.record_html: {"record": person, "dataset": ds},
        display.dataset_of: {"record": person},
        display.dataset_html: {"dataset": ds},
        display.collection_html: {"collection": ds.persons},
        display.figures_html: {"figures": ds.figures("event:zhanaozen-massacre-2011", "killed")},
        display.related_html: {"related": ds.related(KOZLOV)},
        display.table: {"records": [person]},
        display.register: {"dataset": ds},
        display.Card: {"record": person, "dataset": ds},
        display.Table: {"records": (person,)},
        textcard.text_card: {"record": person, "dataset": ds, "width": 60, "options": ""},
        textcard.wrap: {"text": "a b", "width": 10, "first": "", "rest": None, "keep": ()},
        textcard.event_mark: {"event": event},
        textcard.event_lines: {"events": [event], "width": 60},
        textcard.id_lines: {"record_id": TRIAL, "mark": "trial", "column": 0, "columns": 60},
        textcard.terminal_width: {"width": 60},
        plot.case_events: {"dataset": ds, "event": event},
        plot.kind_style: {"kind": "trial"},
        plot.plot_timeline: {"dataset": ds, "subject": "KZ", "ax": None, "title": None},
    }


def _public(module: Any) -> set[str]:
    return {name for name in module.__all__ if callable(getattr(module, name))}


def test_every_public_function_is_checked_here(ds: Dataset) -> None:
    checked = {f.__name__ for f in _right_arguments(ds)}
    assert _public(display) | _public(textcard) | _public(plot) == checked


def _wrong_values(default: object) -> list[object]:
    """Values of no type an argument takes: None, unless it is the default (then taken)."""
    return [object(), b"5", 5.5, *([] if default is None else [None])]


def test_a_wrong_type_anywhere_is_a_type_error_naming_the_argument(ds: Dataset) -> None:
    # record_html(None) raised "'NoneType' object has no attribute 'id'", record_repr(None)
    # an empty AssertionError, plot_timeline(title=5) "'int' object has no attribute
    # 'replace'", wrap(None, 10) "'NoneType' object has no attribute 'isprintable'"
    pytest.importorskip("matplotlib").use("Agg")
    for function, right in _right_arguments(ds).items():
        function(**right)  # (the right ones are taken)
        for name, parameter in inspect.signature(function).parameters.items():
            if name not in right:
                continue
            for wrong in _wrong_values(parameter.default):
                with pytest.raises(TypeError) as raised:
                    function(**{**right, name: wrong})
                told = str(raised.value)
                assert name.split("_")[-1] in told or name in told, (function, name, told)
                assert "object has no attribute" not in told


def test_an_id_given_for_a_record_says_how_to_get_the_record(ds: Dataset) -> None:
    expected = f"not the ID '{TRIAL}': pass the record, `ds.get('{TRIAL}')`"
    calls: list[Callable[[], object]] = [
        lambda: display.record_html(TRIAL),  # type: ignore[arg-type]
        lambda: display.record_repr(TRIAL),  # type: ignore[arg-type]
        lambda: display.dataset_of(TRIAL),  # type: ignore[arg-type]
        lambda: textcard.event_mark(TRIAL),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(TypeError, match=r"^\w+: (record|event) must be .*, ") as raised:
            call()
        assert str(raised.value).endswith(expected)
    with pytest.raises(TypeError) as raised:
        textcard.event_lines([TRIAL])  # type: ignore[list-item]
    assert str(raised.value) == (
        "event_lines: events must be Event records (such as `ds.events(...)`); the item at "
        f"index 0 is {expected.removeprefix('not ')}"
    )


def test_an_event_is_due_where_another_record_is_given(ds: Dataset) -> None:
    with pytest.raises(
        TypeError, match=r"^event_mark: event must be an Event .*, not a `rightsdata.Person`$"
    ):
        textcard.event_mark(ds.get(KOZLOV))  # type: ignore[arg-type]


def test_records_in_a_list_are_told_the_table_that_shows_them(ds: Dataset) -> None:
    # collection_html(ds.events(...)) raised "'list' object has no attribute 'kind'"
    persons = list(ds.persons)
    advice = "records in a list show as a table, `rightsdata.display.table(records)`"
    calls: list[Callable[[], object]] = [
        lambda: display.collection_html(persons),  # type: ignore[arg-type]
        lambda: display.record_html(persons),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(TypeError, match=r"not a list; ") as raised:
            call()
        assert str(raised.value).endswith(advice)
    with pytest.raises(TypeError) as raised:
        display.record_html(ds)  # type: ignore[arg-type]
    assert "table" not in str(raised.value)  # (a dataset is no list of records to show)


def test_a_string_is_not_taken_for_its_characters(ds: Dataset) -> None:
    # table("person:x") complained of 'p', the string's first character
    with pytest.raises(TypeError) as raised:
        display.table(KOZLOV)  # type: ignore[arg-type]
    assert str(raised.value) == (
        f"table: records must be records (such as `ds.events(...)`), not a str ('{KOZLOV}'); "
        f"one goes in a list, `[ds.get('{KOZLOV}')]`"
    )
    with pytest.raises(
        TypeError, match=r"not a `rightsdata.Person`; one goes in a list, `\[record\]`$"
    ):
        display.table(ds.get(KOZLOV))  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"^wrap: keep must be strings .*; one goes in a list, `\['my data'\]`$"
    ):
        textcard.wrap("in my data", 20, whole=True, keep="my data")
    with pytest.raises(
        TypeError, match=r"^wrap: keep must be strings .*; the item at index 1 is an int \(5\)$"
    ):
        textcard.wrap("in my data", 20, whole=True, keep=["my data", 5])  # type: ignore[list-item]


def test_a_dataset_card_of_no_record_is_a_type_error(ds: Dataset) -> None:
    # ds.card(None) raised "'NoneType' object has no attribute 'id'"
    for wrong, told in ((None, "None"), (5, r"an int \(5\)"), ([KOZLOV], "a list")):
        with pytest.raises(
            TypeError, match=rf"^card: record must be an ID or a record, not {told}$"
        ):
            ds.card(wrong)  # type: ignore[arg-type]
    assert ds.card(KOZLOV).record is ds.get(KOZLOV)


def test_a_plot_is_told_its_title_and_axes_types(ds: Dataset) -> None:
    pytest.importorskip("matplotlib").use("Agg")
    with pytest.raises(
        TypeError, match=r"^plot_timeline: title must be a str or None, not an int \(5\)$"
    ):
        ds.plot_timeline("KZ", title=5)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError,
        match=r"^plot_timeline: ax must be matplotlib axes or None .*, not a str \('x'\)$",
    ):
        ds.plot_timeline("KZ", ax="x")  # type: ignore[arg-type]
    assert ds.plot_timeline("KZ", title="").get_title(loc="left") == ""


def test_records_are_given_back_as_a_tuple(ds: Dataset) -> None:
    persons = ds.persons[:2]
    assert given_records(iter(persons), "table") == tuple(persons)
    assert display.Table([*persons]).records == tuple(persons)
