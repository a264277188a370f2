"""The query API of Dataset: ordering, windows, places, roles, search, figures, ratings,
redirects, lazy indexes under threads, and a property test against brute force."""

from __future__ import annotations

import datetime
import json
import re
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from unittest.mock import patch

import attrs
import pendulum
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import EDTF, Dataset, Event, InvalidDataError, Person, UnknownIdError
from rightsdata._data import query as query
from rightsdata._data.answers import Figures, Related
from rightsdata._data.collection import Collection, EventCollection, RatingCollection
from rightsdata._data.indexes import Contained, EventIndex, _chains, date_order
from rightsdata._model.records import KINDS, Record
from rightsdata._validation.convert import structure
from rightsdata.testing import dataset_documents, edtf_dates
from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure, RangeMeaning, Role

from conftest import (
    CITE,
    ROOT,
    event_doc,
    examples,
    person_doc,
    rating_doc,
    source_doc,
    write_folder,
)

if TYPE_CHECKING:
    from rightsdata import KindName

KOZLOV = "person:vladimir-kozlov"
_T = TypeVar("_T")


def present(value: _T | None) -> _T:
    """``value``, which a test expects to be found (``ds.persons.get(id)``)."""
    assert value is not None
    return value


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return rightsdata.load()


# --- building small datasets ----------------------------------------------------------------


def place_doc(record_id: str, within: str | None = None, name: str = "A place") -> dict[str, Any]:
    return {
        "id": record_id,
        "name": name,
        "aliases": [],
        "kind": "city",
        "country": "KZ",
        "within": within,
        "citations": [dict(CITE)],
        "inferred": [],
    }


def org_doc(record_id: str = "org:a", name: str = "An organisation") -> dict[str, Any]:
    return {
        "id": record_id,
        "name": name,
        "aliases": [],
        "kind": "ngo",
        "country": None,
        "status": None,
        "founded": None,
        "summary": None,
        "citations": [dict(CITE)],
        "inferred": [],
    }


def figure_doc(measure: str = "killed", **numbers: Any) -> dict[str, Any]:
    doc = {
        "measure": measure,
        "unit": "people",
        "low": None,
        "best": None,
        "high": None,
        "qualifier": "exact",
        "as_given": None,
        "asserted_by": None,
        "citations": [dict(CITE)],
    }
    doc.update(numbers)
    return doc


def dated(record_id: str, date: str | None, **changes: Any) -> dict[str, Any]:
    return event_doc(record_id, date=date, penalty=None, **changes)


def build(
    documents: Mapping[str, Iterable[dict[str, Any]]],
    redirects: Mapping[str, str] | None = None,
) -> Dataset:
    """A Dataset from documents; a source, person:a and org:a are added if absent."""
    docs = {kind: list(items) for kind, items in documents.items()}
    docs.setdefault("sources", [source_doc()])
    docs.setdefault("persons", [person_doc()])
    docs.setdefault("organizations", [org_doc()])
    records = {
        kind: [structure(cast("KindName", kind), d) for d in items] for kind, items in docs.items()
    }
    return Dataset(records, redirects=redirects)


def ids(records: Iterable[Record]) -> list[str]:
    return [r.id for r in records]


# --- collections --------------------------------------------------------------------------


def test_events_and_ratings_are_collections_and_callable(ds: Dataset) -> None:
    assert isinstance(ds.events, EventCollection) and isinstance(ds.events, Collection)
    assert isinstance(ds.ratings, RatingCollection)
    assert len(ds.events) == 130 and "event:zhanaozen-massacre-2011" in ds.events
    assert present(ds.events.get("event:zhanaozen-massacre-2011")).kind is EventKind.KILLING
    assert ids(ds.events) == sorted(ids(ds.events))
    assert len(ds.events()) == len(ds.events)
    assert len(ds.ratings()) == len(ds.ratings) == 8
    assert present(ds.persons.get(KOZLOV)).name == "Vladimir Kozlov"


def test_a_dataset_of_no_mapping_is_told_the_kinds_in_backticks() -> None:
    with pytest.raises(TypeError) as raised:
        Dataset([])  # type: ignore[arg-type]
    assert "(the kinds are `rightsdata.KINDS`), not a list; records in one list can be" in str(
        raised.value
    )


def test_dataset_stays_immutable(ds: Dataset) -> None:
    with pytest.raises(AttributeError):
        ds.foo = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        ds.events = ds.events  # type: ignore[misc]
    result = ds.events()
    result.clear()
    assert len(ds.events()) == 130


# --- date order ---------------------------------------------------------------------------


def test_uncertain_dates_order_by_last_day_then_narrower_undated_last() -> None:
    dates = {
        "event:undated-b": None,
        "event:undated-a": None,
        "event:year": "2012",
        "event:year-uncertain": "2012?",
        "event:month": "2012-05",
        "event:month-approx": "2012-05~",
        "event:day": "2012-05-10",
        "event:open-start": "../2012-03",
        "event:unknown-start": "/2011",
        "event:open-end": "2012/..",
        "event:summer": "2012-22",
        "event:interval": "2012-05-10/2012-06",
        "event:same-day-b": "2012-05-10",
    }
    data = build({"events": [dated(i, d) for i, d in dates.items()]})
    order = ids(data.events())
    assert order == [
        "event:unknown-start",  # no first day, last day 2011-12-31
        "event:open-start",  # no first day, last day 2012-03-31
        "event:day",  # 2012-05-10: a day before the month that contains it
        "event:same-day-b",  # same date: by ID
        "event:month",  # by 2012-05-31; text '2012-05' < '2012-05~'
        "event:month-approx",
        "event:interval",  # 2012-05-10 .. 2012-06-30
        "event:summer",  # 2012-06-01 .. 2012-08-31
        "event:year",  # by 2012-12-31: after everything in 2012 it contains
        "event:year-uncertain",
        "event:open-end",  # 2012-01-01 .. no last day: after every closed date
        "event:undated-a",  # undated last, by ID
        "event:undated-b",
    ]
    # the order is exactly date_order (last day, narrower first, text), undated last, by ID
    events = list(data.events)
    ordered = sorted(events, key=lambda e: date_order(e.date, e.id))
    assert ids(ordered) == order


def test_chronological_key_reads_a_date_text_as_its_edtf(ds: Dataset) -> None:
    texts = [str(e.date) for e in ds.events if e.date is not None]
    assert [rightsdata.chronological_key(t) for t in texts] == [
        rightsdata.chronological_key(EDTF(t)) for t in texts
    ]
    ordered = [str(e.date) for e in ds.events() if e.date is not None]
    assert sorted(texts, key=rightsdata.chronological_key) == ordered
    assert sorted(texts) != ordered  # (the text alone puts a set after every digit)
    with pytest.raises(rightsdata.EDTFError, match="'8 October 2012' is not an EDTF date"):
        rightsdata.chronological_key("8 October 2012")
    for wrong, named in ((2012, "an int (2012)"), (2012.0, "a float (2012.0)")):
        with pytest.raises(
            TypeError, match=re.escape(f"takes an EDTF, its text or None, not {named}")
        ):
            rightsdata.chronological_key(wrong)  # type: ignore[arg-type]


def test_timeline_of_kozlov_is_in_date_order_with_charges(ds: Dataset) -> None:
    timeline = ds.timeline(KOZLOV)
    assert timeline == sorted(timeline, key=lambda e: date_order(e.date, e.id))
    # '2012-01-26' first; '/2012-10-08' (unknown start) on the day it is known to end
    assert timeline[0].id == "event:kozlov-detention-2012-01-26"
    brute = [
        e
        for e in ds.events
        if any(p.actor == KOZLOV for p in e.participants)
        or any(c.against == KOZLOV for c in e.charges)
    ]
    assert set(ids(timeline)) == set(ids(brute))
    assert ds.timeline(ds.get(KOZLOV)) == timeline
    assert "event:kozlov-verdict-2012-10-08" in ids(timeline)


def test_timeline_counts_the_person_charged_and_rejects_unknown_actors() -> None:
    charged_only = dated(
        "event:charge",
        "2012",
        participants=[],
        charges=[{"provision": "law:x", "against": "person:a"}],
    )
    law = {
        "id": "law:x",
        "instrument": "Code",
        "jurisdiction": "KZ",
        "article": "1",
        "part": None,
        "title": None,
        "citations": [dict(CITE)],
        "inferred": [],
    }
    data = build(
        {"events": [charged_only, dated("event:other", "2013", participants=[])], "laws": [law]}
    )
    assert ids(data.timeline("person:a")) == ["event:charge"]
    # a role filter asks about participation: being charged is not a role
    assert data.events(involving="person:a", role="defendant") == []
    with pytest.raises(UnknownIdError):
        data.timeline("person:nobody")
    message = "must be a person, an organisation, a group or a place, but law:x is a"
    with pytest.raises(ValueError, match=message):
        data.timeline("law:x")
    with pytest.raises(TypeError):
        data.timeline(42)  # type: ignore[arg-type]
    # None is no actor, not every event (ds.timeline(ds.persons.get(typo)) listed them all)
    with pytest.raises(TypeError, match=r"the actor or place must be an ID or .* not None$"):
        data.timeline(None)  # type: ignore[arg-type]


def test_a_place_s_timeline_is_its_events_as_the_command_line_s(
    ds: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ds.timeline(place)`` is ``ds.events(place=)`` (the events at it or at a place within
    it), as the command line's ``timeline`` and ``plot_timeline`` take it: it was refused, with
    no word of what to call instead."""
    from rightsdata._cli.main import main

    aktau = ds.timeline("place:aktau")
    assert ids(aktau) == ["event:kozlov-trial-2012", "event:kozlov-verdict-2012-10-08"]
    assert ds.timeline(ds.get("place:aktau")) == aktau
    zhanaozen = ds.timeline("place:zhanaozen")
    assert zhanaozen == ds.events(place="place:zhanaozen")
    assert any("place:zhanaozen" not in e.places for e in zhanaozen)  # (a place within it)
    assert ds.timeline("KZ") == ds.timeline("place:kazakhstan") == ds.events(place="KZ")
    assert main(["timeline", "place:zhanaozen", "--json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)] == ids(zhanaozen)


# --- windows ------------------------------------------------------------------------------


def window_ids(data: Dataset, start: Any, end: Any) -> list[str]:
    return ids(data.events(between=(start, end)))


@pytest.fixture(scope="module")
def edges() -> Dataset:
    return build(
        {
            "events": [
                dated("event:year-2012", "2012"),
                dated("event:may-2012", "2012-05"),
                dated("event:day", "2012-05-31"),
                dated("event:span", "2012-01-26/2012-10-08"),
                dated("event:open-end", "2014/.."),
                dated("event:open-start", "../2011"),
                dated("event:unknown-end", "2015-06/"),
                dated("event:undated", None),
            ]
        }
    )


def test_a_year_overlaps_a_window_that_starts_on_its_last_day(edges: Dataset) -> None:
    assert "event:year-2012" in window_ids(edges, "2012-12-31", "2013")
    assert "event:year-2012" not in window_ids(edges, "2013", "2013")
    assert "event:year-2012" in window_ids(edges, "2011", "2012-01-01")
    assert "event:year-2012" not in window_ids(edges, "2011", "2011-12-31")


def test_a_month_against_day_windows(edges: Dataset) -> None:
    assert "event:may-2012" in window_ids(edges, "2012-05-09", "2012-05-09")
    assert "event:may-2012" in window_ids(edges, "2012-05-31", "2012-05-31")
    assert "event:may-2012" not in window_ids(edges, "2012-06-01", "2012-06-01")
    assert "event:may-2012" not in window_ids(edges, "2012-04-01", "2012-04-30")
    # a day window given as dates, pendulum dates, or EDTF values
    for day in (datetime.date(2012, 5, 9), pendulum.date(2012, 5, 9), EDTF("2012-05-09")):
        assert "event:may-2012" in ids(edges.events(between=(day, day)))
        assert "event:day" not in ids(edges.events(between=(day, day)))


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2012, 5, 9, 23, 59),
        datetime.datetime(2012, 5, 9),  # (midnight too: a time, as '2012-05-09T00:00' is)
        pendulum.datetime(2012, 5, 9, 23, 59),
    ],
)
def test_a_datetime_is_refused_as_a_time_in_text_is(
    edges: Dataset, moment: datetime.datetime
) -> None:
    # one rule for text and objects: which day a moment falls on depends on its time zone
    with pytest.raises(ValueError, match="times are not supported, only dates"):
        edges.events(between=("2012-05-09T00:00", None))
    said = r"has a time of day: times are not supported, only dates; pass its day, .*2012, 5, 9"
    with pytest.raises(TypeError, match=f"between: the end is not a date: .*{said}"):
        edges.events(between=("2012", moment))
    with pytest.raises(TypeError, match=f"between: the start is not a date: .*{said}"):
        edges.statements(between=(moment, None))
    with pytest.raises(TypeError, match=f"the day is not a date: .*{said}"):
        rightsdata.load().rating_on("place:kazakhstan", moment)


def test_interval_edges(edges: Dataset) -> None:
    assert "event:span" in window_ids(edges, "2012-10-08", None)
    assert "event:span" not in window_ids(edges, "2012-10-09", None)
    assert "event:span" in window_ids(edges, None, "2012-01-26")
    assert "event:span" not in window_ids(edges, None, "2012-01-25")


def test_open_windows_and_open_dates(edges: Dataset) -> None:
    everything = window_ids(edges, None, None)
    assert "event:undated" not in everything  # an undated event is in no window
    assert len(everything) == len(edges.events) - 1
    assert everything == [e.id for e in edges.events() if e.date is not None]
    # an open or unknown side of an event's date could be any day on that side
    assert "event:open-end" in window_ids(edges, "2090", None)
    assert "event:open-end" not in window_ids(edges, None, "2013-12-31")
    assert "event:open-start" in window_ids(edges, "1900", "1900")
    assert "event:open-start" not in window_ids(edges, "2012", None)
    assert "event:unknown-end" in window_ids(edges, "2030", "2031")
    assert "event:unknown-end" not in window_ids(edges, "2015-05-31", "2015-05-31")


def test_certain_keeps_the_dates_wholly_within_the_window(edges: Dataset) -> None:
    def certain(start: str | None, end: str | None) -> list[str]:
        return ids(edges.events(between=(start, end), certain=True))

    assert certain("2012", "2012") == [
        "event:day",
        "event:may-2012",
        "event:span",
        "event:year-2012",
    ]
    assert certain("2012-05", "2012-05") == ["event:day", "event:may-2012"]
    assert "event:may-2012" not in certain("2012-05-09", "2012-05-31")  # may be the 1st
    # a side open or unknown is certainly in no window closed on that side
    assert "event:unknown-end" not in certain("2015", "2015")
    assert "event:unknown-end" in certain("2015", None)
    assert "event:open-end" in certain("2014", None) and "event:open-end" not in certain(
        "2014", "2090"
    )
    assert "event:open-start" in certain(None, "2011") and "event:open-start" not in certain(
        "1900", "2011"
    )
    # every dated event is certainly within the window open on both sides (an undated one
    # in no window): certain would change nothing there, and is refused (see below)
    assert "event:undated" not in window_ids(edges, None, None)


@pytest.mark.parametrize("qualified", ["2013-06~", "2013-06?", "2013-06%"])
def test_a_qualifier_does_not_widen_a_date_in_windows(qualified: str) -> None:
    """docs/queries.md and concepts.md: '~', '?' and '%' leave a date's days as written."""
    data = build({"events": [dated("event:about", qualified), dated("event:plain", "2013-06")]})
    for certain in (False, True):
        june = ids(data.events(between=("2013-06", "2013-06"), certain=certain))
        assert june == ["event:plain", "event:about"]  # ('2013-06' before '2013-06~')
    assert data.events(between=("2013-07-01", "2013-07-07")) == []
    assert data.events(between=("2013-05-01", "2013-05-31")) == []


def test_certain_sets_and_statements(ds: Dataset) -> None:
    either = build({"events": [dated("event:set", "[2022-01-14,2022-01-20]")]})
    assert ids(either.events(between=("2022-01-14", "2022-01-20"), certain=True)) == ["event:set"]
    assert ids(either.events(between=("2022-01-14", "2022-01-19"), certain=True)) == []
    # the review's statements "in 2022" from December 2015 ([2015-12-08..]): not certainly
    year = ("2022", "2022")
    maybe, certainly = ds.statements(between=year), ds.statements(between=year, certain=True)
    assert {str(s.date) for s in maybe} - {str(s.date) for s in certainly} == {"[2015-12-08..]"}
    assert certainly == [s for s in maybe if s.date is not None and EDTF("2022").contains(s.date)]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        ({"certain": True}, ValueError, r"no window was given: pass between=\(start, end\)"),
        ({"certain": True, "between": (None, None)}, ValueError, r"\(certain=True\)` would be "),
        ({"certain": True, "between": [None, None]}, ValueError, r"`between=\[None, None\]` is"),
        ({"certain": 1, "between": ("2012", "2012")}, TypeError, "certain must be True or False"),
        ({"certain": "yes", "between": ("2012", "2012")}, TypeError, "not a str"),
    ],
)
def test_certain_is_a_bool_with_a_window(
    ds: Dataset, call: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        ds.events(**call)
    with pytest.raises(error, match=message):
        ds.statements(**call)
    assert ds.events(certain=False) == ds.events()


def test_certain_with_a_window_open_on_both_sides_is_refused_as_on_the_command_line(
    ds: Dataset,
) -> None:
    """Within ``between=(None, None)`` every dated record is certainly: ``certain=True``
    would change nothing, and was taken as if it meant something (the command line refused
    ``--certain`` with ``--between ..``). Refused in the words of the command line's rule
    (one statement of it, :func:`rightsdata._data.query.certain_refusal`), spelled for
    Python; a window with one side given bounds something, and is taken."""
    for method, record in (("events", "event"), ("statements", "statement")):
        with pytest.raises(ValueError, match="would be ignored") as caught:
            getattr(ds, method)(between=(None, None), certain=True)
        assert str(caught.value) == (
            f"`ds.{method}(certain=True)` would be ignored: `between=(None, None)` is open on "
            f"both sides, and every {record} it keeps (the dated ones) is certainly within it; "
            "give a side (`between=('2019-06', None)`), or leave certain out"
        )
    until = ds.events(between=(None, "2012-06"), certain=True)
    assert until and len(until) < len(ds.events(between=(None, "2012-06")))
    since = ds.statements(between=("2022", None), certain=True)
    assert since and len(since) < len(ds.statements(between=("2022", None)))
    with pytest.raises(ValueError, match=r"^`ds\.events\(certain=True\)` keeps the events "):
        ds.events(certain=True)
    with pytest.raises(ValueError, match=r"^`ds\.statements\(certain=True\)` keeps the "):
        ds.statements(certain=True)


def test_window_results_are_in_date_order(ds: Dataset) -> None:
    found = ds.events(between=("2019", "2020-06"))
    assert found == sorted(found, key=lambda e: date_order(e.date, e.id))
    assert all(e.date is not None and e.date.overlaps(EDTF("2019/2020-06")) for e in found)
    assert set(ids(found)) == {
        e.id for e in ds.events if e.date is not None and e.date.overlaps(EDTF("2019/2020-06"))
    }


@pytest.mark.parametrize(
    ("between", "error", "message"),
    [
        ("2012", TypeError, "pair"),
        (EDTF("2012"), TypeError, "pair"),
        (2012, TypeError, "pair"),
        (("2012",), ValueError, "pair"),
        (("2012", "2013", "2014"), ValueError, "pair"),
        ((2012, None), TypeError, "start must be"),
        ((None, 2.5), TypeError, "end must be"),
        (("2012-13", None), ValueError, "not a date"),
        (("2013", "2012"), ValueError, "after the end"),
        (("[2012-01-16,2012-03]", "2012-04"), ValueError, "start '.*' is one of some dates"),
        ((None, EDTF("[2012-01-16,2012-03]")), ValueError, "end '.*' is one of some dates"),
        # an interval as a side read its first day (start) or last (end) without a word
        (("2012/2013", None), ValueError, "the start '2012/2013' is an interval, not a window"),
        ((None, EDTF("2012-01/2012-06")), ValueError, "the end '2012-01/2012-06' is an interval"),
        (("2012/..", "2014"), ValueError, "the start '2012/..' is an interval"),
    ],
)
def test_bad_windows(ds: Dataset, between: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        ds.events(between=between)


# --- places, roles, kinds -------------------------------------------------------------------


def test_place_takes_in_the_places_within_it(ds: Dataset) -> None:
    in_kazakhstan = ids(ds.events(place="place:kazakhstan"))
    assert "event:almaty-protest-2020-06-06" in in_kazakhstan  # Almaty is within Kazakhstan
    assert "event:zhanaozen-protest-camp-2011" in in_kazakhstan  # main square < town < country
    # events at a facility in Almaty: two levels down
    assert "event:tulesova-detention-2020" in in_kazakhstan
    assert "event:hong-kong-protests-2019" not in in_kazakhstan
    in_almaty = ids(ds.events(place=ds.get("place:almaty")))
    assert set(in_almaty) < set(in_kazakhstan)
    assert "event:tulesova-detention-2020" in in_almaty
    assert ids(ds.events(place="place:zhanaozen-main-square")) == [
        "event:zhanaozen-protest-camp-2011"
    ]
    with pytest.raises(ValueError, match="the place must be a place, but person:vladimir-kozlov"):
        ds.events(place=KOZLOV)
    with pytest.raises(UnknownIdError):
        ds.events(place="place:atlantis")


def test_place_chains_in_a_small_dataset() -> None:
    data = build(
        {
            "places": [
                place_doc("place:country"),
                place_doc("place:region", "place:country"),
                place_doc("place:city", "place:region"),
                place_doc("place:elsewhere"),
            ],
            "events": [
                dated("event:in-city", "2012", places=["place:city"]),
                dated("event:in-region", "2013", places=["place:region"]),
                dated("event:both", "2011", places=["place:city", "place:elsewhere"]),
                dated("event:nowhere", "2010", places=[]),
            ],
        }
    )
    assert ids(data.events(place="place:country")) == [
        "event:both",
        "event:in-city",
        "event:in-region",
    ]
    assert ids(data.events(place="place:city")) == ["event:both", "event:in-city"]
    assert ids(data.events(place="place:elsewhere")) == ["event:both"]
    assert ids(data.events(place="place:country", between=("2012", "2012"))) == ["event:in-city"]


@settings(max_examples=examples(60))
@given(parents=st.lists(st.integers(-1, 9), min_size=1, max_size=9))
@example(parents=[0])  # a place within itself
@example(parents=[1, 2, 0, 2, -1, 9])  # a cycle of three, a place in it, a top, a stranger
def test_places_within_a_place_equal_the_chains_up_from_every_place(parents: list[int]) -> None:
    # Any `within` graph: trees, a place within itself, cycles, a parent not among them.
    place_ids = [f"place:p{i}" for i in range(len(parents))]
    places = [
        structure("places", place_doc(place_id, f"place:p{parent}" if parent >= 0 else None))
        for place_id, parent in zip(place_ids, parents, strict=True)
    ]
    expected: dict[str, list[str]] = {}
    for place_id, chain in _chains(places).items():  # each place's containers, nearest first
        for container in chain:
            expected.setdefault(container, []).append(place_id)
    contained = Contained(places)
    assert dict(contained) == {k: tuple(v) for k, v in expected.items()}
    assert set(contained) == set(expected) and len(contained) == len(expected)
    for place_id in place_ids:
        if place_id not in expected:
            with pytest.raises(KeyError):
                contained[place_id]


@settings(max_examples=examples(100))
@given(
    parents=st.lists(st.integers(-1, 24), min_size=1, max_size=25),
    walk_keys=st.integers(1, 30),
    one_pass_from=st.sampled_from([1, 2, 4, 1000]),
)
@example(parents=[-1, 0, 0, 1, 2, 3], walk_keys=30, one_pass_from=1)  # a tree, walked
@example(parents=[0], walk_keys=30, one_pass_from=1)  # a place within itself
@example(parents=[1, 2, 0, 2, -1, 9], walk_keys=30, one_pass_from=2)  # a cycle, a stranger
@example(parents=[-1, 0, 0, 1, 2, 3], walk_keys=3, one_pass_from=1)  # the inverse, midway
def test_places_walked_down_in_the_text_of_within_equal_the_inverse(
    parents: list[int], walk_keys: int, one_pass_from: int
) -> None:
    # A loaded dataset's places come with the text of their `within` (Place._NAMES): a place's
    # descendants are found by a walk down in it, a level at a time (one pass for a level
    # of several places, or a find a place), or from the inverse past `_WALK_KEYS` places.
    from rightsdata._data import indexes
    from rightsdata._model.records import Place
    from rightsdata._validation.bulkcheck import gathered, named_prefixes

    place_ids = [f"place:p{i}" for i in range(len(parents))]
    places = [
        structure("places", place_doc(place_id, f"place:p{parent}" if parent >= 0 else None))
        for place_id, parent in zip(place_ids, parents, strict=True)
    ]
    text = gathered(places).named["within"]
    assert text == indexes.Flat.of_lists([[p.within] if p.within else [] for p in places]).text
    expected = Contained(places)
    with pytest.MonkeyPatch.context() as patch_:
        patch_.setattr(indexes, "_WALK_KEYS", walk_keys)
        patch_.setattr(indexes, "_ONE_PASS_FROM", one_pass_from)
        for place_id in [*place_ids, "place:p99"]:
            walked = Contained(places, indexes.Flat(text, named_prefixes(Place, "within")))
            try:
                found: tuple[str, ...] | None = walked[place_id]
            except KeyError:
                found = None
            assert found == expected.get(place_id)
            assert walked._children is None or walk_keys < len(parents)


def test_a_loaded_dataset_walks_down_from_a_place_without_the_inverse() -> None:
    # The bundled data loaded: its places' `within` gathered, the walk down finds Kazakhstan's
    # ten places (no inverse made), and each place's events (one pass for four places or
    # more) are those a plain walk of the events and the chains up from each place give.
    data = rightsdata.load_path(ROOT / "datasets" / "kazakhstan")
    assert len(data.events(place="place:kazakhstan")) > 10
    contained = data._answers()._indexes.events().contained
    assert contained._children is None  # type: ignore[attr-defined]
    assert len(contained["place:kazakhstan"]) == 10
    chains = _chains(data.places)
    for place in data.places:
        expected = [
            e
            for e in sorted(data.events, key=lambda e: date_order(e.date, e.id))
            if any(p == place.id or place.id in chains.get(p, ()) for p in e.places)
        ]
        assert data.events(place=place.id) == expected


def test_role_filters(ds: Dataset) -> None:
    victim = ids(ds.events(involving=KOZLOV, role="victim"))
    assert victim == ids(ds.events(involving=KOZLOV, role=Role.VICTIM))
    assert set(victim) == {
        e.id
        for e in ds.events
        if any(p.actor == KOZLOV and p.role is Role.VICTIM for p in e.participants)
    }
    assert "event:kozlov-detention-2012-01-26" in victim
    assert "event:kozlov-verdict-2012-10-08" not in victim  # he was the defendant there
    assert ids(ds.events(role="judge")) == ["event:kozlov-parole-hearing-2015-12-08"]
    any_perpetrator = ds.events(role=Role.PERPETRATOR)
    assert all(any(p.role is Role.PERPETRATOR for p in e.participants) for e in any_perpetrator)
    assert ds.events(involving="person:kozlov-parole-judge", role="defendant") == []
    with pytest.raises(ValueError, match="not a role"):
        ds.events(role="villain")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ds.events(role=3)  # type: ignore[arg-type]


def test_kind_filters(ds: Dataset) -> None:
    killings = ds.events(kind="killing")
    assert killings == ds.events(kind=EventKind.KILLING)
    assert {e.kind for e in killings} == {EventKind.KILLING}
    both = ds.events(kind=["killing", EventKind.PROTEST])
    assert both == sorted(both, key=lambda e: date_order(e.date, e.id))
    assert {e.id for e in both} == {
        e.id for e in ds.events if e.kind in (EventKind.KILLING, EventKind.PROTEST)
    }
    assert ids(ds.events(kind="killing", place="place:kazakhstan")) == [
        "event:zhanaozen-massacre-2011"
    ]
    with pytest.raises(ValueError, match="not an event kind"):
        ds.events(kind="picnic")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        ds.events(kind=[])
    with pytest.raises(TypeError):
        ds.events(kind=7)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ds.events(kind="killing", involving=7)  # type: ignore[arg-type]


def test_all_filters_together(ds: Dataset) -> None:
    found = ds.events(
        kind=["prison_punishment", "interview"],
        between=("2015-06", "2015-07-31"),
        involving=KOZLOV,
        place="place:kazakhstan",
    )
    assert ids(found) == [
        "event:kozlov-solitary-confinement-2015-07-17",
        "event:kozlov-stricter-regime-2015",  # one day from 17 July to 31 August 2015
        "event:kozlov-video-interview-recorded-2015",
    ]


# --- search -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def named() -> Dataset:
    def person(record_id: str, name: str, *aliases: tuple[str, str | None]) -> dict[str, Any]:
        return person_doc(
            record_id, name=name, aliases=[{"name": a, "language": lang} for a, lang in aliases]
        )

    return build(
        {
            "persons": [
                person("person:fuzzy", "Kozlof"),
                person("person:word", "Vladimir Kozlov", ("Владимир Козлов", "ru")),
                person("person:starts", "Kozlova Anna"),
                person("person:exact", "Kozlov"),
                person("person:other", "Asya Tulesova", ("Әсия Төлесова", "kk")),
                person("person:a", "Someone Else"),
            ],
            "places": [place_doc("place:z", name="Zhanaozen")],
            "organizations": [org_doc("org:a", "Koshe Party")],
        }
    )


def test_search_ranks_exact_words_word_starts_then_close(named: Dataset) -> None:
    # "Kozlov" as a word of "Vladimir Kozlov" before the shorter "Kozlova Anna", which only
    # starts with it
    assert ids(named.search("kozlov")) == [
        "person:exact",
        "person:word",
        "person:starts",
        "person:fuzzy",
    ]
    assert ids(named.search("kozlov", limit=2)) == ["person:exact", "person:word"]
    assert ids(named.search("zzzz")) == []
    # as the query is typed, the start of a word: the shorter text first
    shortest = ["person:exact", "person:fuzzy", "person:starts", "person:word"]
    assert ids(named.search("koz")) == shortest
    assert ids(named.search("vlad koz")) == ["person:word"]


@pytest.mark.parametrize("text", ["КОЗЛОВ", "kozlov", "Kozlóv", "KOZLOV", "Владимир", "vlad koz"])
def test_search_ignores_case_accents_and_script(named: Dataset, text: str) -> None:
    assert "person:word" in ids(named.search(text, limit=None))


@pytest.mark.parametrize("text", ["Kozlov's", "Kozlov\u2019s", "KOZLOV'S", "Vladimir Kozlov's"])
def test_search_of_a_possessive_finds_the_name(named: Dataset, text: str) -> None:
    """A possessive (as a title writes one, "Kozlov's conviction") finds the name: its
    ``s`` is no word that a match must hold, which no name has."""
    assert "person:word" in ids(named.search(text, limit=None))
    assert ids(named.search(text, limit=None)) == ids(named.search(text[:-2], limit=None))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
@example(" _a__b-\x1c1\t ")
def test_normalize_folds_ascii_as_the_non_word_pattern(text: str) -> None:
    # an ASCII text is folded by a translate and a split, a text in another script by the
    # pattern (after transliterate, whose table spells the Kazakh Latin q as k): the two
    # agree on every ASCII text
    from rightsdata._data.search.normalization import _NON_WORD, normalize, transliterate

    assert normalize(text) == _NON_WORD.sub(" ", transliterate(text)).strip()


@given(st.lists(st.text(alphabet=st.sampled_from("aZ _-\x00\x1c\tйЖżé1")) | st.text()))
@example(["a b", "", "a\x00b", "Жаңа-өзен"])
@example(["", ""])
@example([])
def test_normalized_all_folds_each_text_as_normalize(texts: list[str]) -> None:
    # the index folds many texts at once (joined by NUL), a number of them at a time: each
    # as normalize folds it alone, whatever the texts hold (a NUL, other scripts, nothing)
    # and however they fall into the pieces folded together
    from rightsdata._data.search import normalization
    from rightsdata._data.search.normalization import _normalized_all, normalize

    for at_a_time in (1, 2, 3, normalization._FOLD_TEXTS):
        with patch.object(normalization, "_FOLD_TEXTS", at_a_time):
            folded, words = _normalized_all(dict.fromkeys(texts))
        assert folded == {text: normalize(text) for text in texts}
        assert words == {normalize(text): normalize(text).split() for text in texts}


def test_normalized_all_shares_each_word_across_the_pieces_it_folds() -> None:
    # each word is one string however many texts hold it, in whichever piece of the texts
    # folded together they are: the words, not the texts, set the memory of the index
    from rightsdata._data.search import normalization
    from rightsdata._data.search.normalization import _normalized_all

    texts = ["Zhanaozen strike", "Oil workers", "Strike in ZHANAOZEN"]
    with patch.object(normalization, "_FOLD_TEXTS", 1):
        _, words = _normalized_all(texts)
    first, _, last = words.values()
    assert first == ["zhanaozen", "strike"] and last == ["strike", "in", "zhanaozen"]
    assert first[0] is last[2] and first[1] is last[0]


_FOLDED = st.text(alphabet=st.sampled_from("ab -'_.Жжаңөé1ъq"), max_size=12)  # noqa: RUF001


@given(query=_FOLDED, rest=_FOLDED)
@example(query="Nazarbayev", rest="'s cronies")
@example(query="ab c", rest="-d")
@example(query="Жаңаөзен", rest="ъ ж")
def test_a_text_starting_with_the_query_is_a_word_match(query: str, rest: str) -> None:
    """The ranking has no tier of its own for a text that starts with the query: once
    normalised, such a text holds every query word but the last as a word, and a word the
    last starts (query words are whole words, one space apart), so it is a match of tier
    1 or 2; its place within the tier is by field and length, as every other's."""
    from rightsdata._data.search.normalization import normalize
    from rightsdata._data.search.ranking import _is_word_match, _score
    from rightsdata._data.search.texts import SearchEntry

    text = query + rest
    folded, asked = normalize(text), normalize(query)
    assume(asked and folded.startswith(asked))
    words = asked.split()
    entry = SearchEntry.of("person:a", 1, text, False)
    assert all(any(w.startswith(q) for w in entry.words) for q in words)
    assert all(q in entry.words for q in words[:-1])
    score = _score(asked, words, entry)
    assert score is not None and score[0] <= 2
    assert _is_word_match(asked, [f" {q}" for q in words], folded)


def test_the_index_reads_the_texts_that_texts_of_gives() -> None:
    # the index reads a kind's texts a column at a time; the linear scan (and the docs)
    # by texts_of, record by record
    from rightsdata._data.search.texts import _text_columns, texts_of

    ds = rightsdata.load()
    for kind in KINDS:
        records = list(ds.collection(kind))
        columns = sorted(
            (field, record_id, text)
            for field, some_ids, some_texts in _text_columns(kind, records)
            for record_id, text in zip(some_ids, some_texts, strict=True)
        )
        expected = sorted((f, r.id, t) for r in records for t, f in texts_of(r))
        assert columns == expected, kind
    quotes = [s.quote for s in ds.statements]
    assert None in quotes and any(quotes)  # statements with a quote and without


def test_search_kazakh_cyrillic_and_kinds(named: Dataset) -> None:
    assert ids(named.search("Жаңаөзен")) == ["place:z"]
    assert ids(named.search("ЖАНАОЗЕН")) == ["place:z"]
    assert ids(named.search("Tolesova"))[0] == "person:other"  # through the Kazakh alias
    assert ids(named.search("koshe", kinds=["persons"])) == []
    assert ids(named.search("koshe", kinds="organizations")) == ["org:a"]


def test_search_arguments(named: Dataset) -> None:
    for nothing in (" - ", "ъ", "ь!"):  # (the Cyrillic signs fold to nothing)
        with pytest.raises(ValueError, match="nothing to search by: no letters or digits once"):
            named.search(nothing)
    said = r"^search: the limit must be a whole number above 0 \(or None for every match\), not "
    for wrong in (0, -3):  # (it would keep nothing)
        with pytest.raises(ValueError, match=f"{said}{wrong}$"):
            named.search("kozlov", limit=wrong)
    for typed, shown in ((True, r"a bool \(True\)"), ("5", r"a str \('5'\)"), (5.0, "a float")):
        with pytest.raises(TypeError, match=said + shown):  # (a ValueError, though of a type)
            named.search("kozlov", limit=typed)  # type: ignore[arg-type]
    assert ids(named.search("kozlov", limit=1)) == ids(named.search("kozlov"))[:1]
    with pytest.raises(ValueError, match="unknown kinds"):
        named.search("kozlov", kinds=["people"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        named.search(5)  # type: ignore[arg-type]


def test_search_the_bundled_data(ds: Dataset) -> None:
    assert ds.search("Kozlóv")[0].id == KOZLOV
    assert ds.search("КОЗЛОВ")[0].id == KOZLOV
    assert ds.search("kazakhstan")[0].id == "place:kazakhstan"
    assert ds.search("Republic of Kazakhstan")[0].id == "place:kazakhstan"  # an alias
    assert ds.search("Zhanaozen")[0].id == "place:zhanaozen"
    assert ds.search("ЖАҢАӨЗЕН")[0].id == "place:zhanaozen"
    assert ids(ds.search("criminal code article 170")) == ["law:kz-cc-1997-170"]
    assert len(ds.search("a")) == 20
    # Kazakh's Latin alphabet writes қ as q, where English-language sources write k
    assert ds.search("Toqaev")[0].id == "person:kassym-jomart-tokayev"
    assert ds.search("Qasym-Jomart Toqaev")[0].id == "person:kassym-jomart-tokayev"
    assert ds.search("Qazaqstan")[0].id == "place:kazakhstan"


@pytest.mark.parametrize("limit", [1, 20, 49, 50, 51, None])
def test_a_search_says_whether_its_limit_left_records_out(ds: Dataset, limit: int | None) -> None:
    every = ds.search("kozlov", limit=None)
    assert len(every) == 50 and not every.truncated and every.limit is None
    found = ds.search("kozlov", limit=limit)
    assert found == every[:limit]  # the best, in order: the same records as before
    assert found.truncated is (limit is not None and limit < len(every))
    assert found.limit == limit
    persons = ds.search("kozlov", limit=None, kinds="persons")
    narrowed = ds.search("kozlov", limit=limit, kinds="persons")
    assert narrowed.truncated is (limit is not None and limit < len(persons))


def test_redirects_tell_a_key_that_is_no_id_what_the_keys_are(ds: Dataset) -> None:
    told = r"redirects are keyed by retired IDs, each a str \('org:[^']+'\), not a list"
    with pytest.raises(TypeError, match=told):
        ds.redirects[["org:kazakhstan-authorities"]]  # type: ignore[index]
    with pytest.raises(TypeError, match=told):
        ds.redirects.get(["org:kazakhstan-authorities"])  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"not an int \(1\)"):
        ds.redirects[1]  # type: ignore[index]
    assert ["org:kazakhstan-authorities"] not in ds.redirects  # type: ignore[comparison-overlap]
    assert ds.redirects["org:kazakhstan-authorities"] == "group:kazakhstan-authorities"
    with pytest.raises(KeyError):
        ds.redirects["org:none"]


@pytest.mark.parametrize("text", ["Nazarbayev", "Назарбаев", "nazarbayev"])
def test_a_surname_finds_the_person_before_names_that_start_with_it(ds: Dataset, text: str) -> None:
    # the group's name starts with the surname ("Nazarbayev's 'cronies' in Zhanaozen who
    # were prosecuted (not named)"), the person's holds it as a word: where a word stands
    # in the name does not rank it, the shorter name comes first
    found = ids(ds.search(text, limit=None))
    assert found[0] == "person:nursultan-nazarbayev"
    assert found.index("group:nazarbayev-cronies-zhanaozen") == 1
    # among titles too: the event's title holds the name, a statement's summary starts
    # with it
    event = found.index("event:hrf-letter-to-nazarbayev-2012-12-14")
    assert event < found.index("statement:halvorssen-2012-12-14-sweeping-blows")


def test_names_holding_the_query_rank_by_length_not_by_where_it_stands(ds: Dataset) -> None:
    # "Kazakhstan International Bureau for Human Rights and Rule of Law" starts with the
    # query; "Police of Kazakhstan" and the others, shorter, hold it last
    found = ids(ds.search("Kazakhstan", limit=None))
    assert found[:2] == ["place:kazakhstan", "org:kazakhstan-police"]
    assert found.index("org:kibhr") > found.index("org:kazakhstan-supreme-court")
    # a whole word before the start of one: "Vladimir Bukovsky" before "vladimirkozlov.org"
    found = ids(ds.search("vladimir", limit=None))
    assert found.index("person:vladimir-bukovsky") < found.index("org:vladimirkozlov-org")
    # as a name is typed, the shortest names holding a word it starts
    assert ids(ds.search("vlad", limit=3)) == [
        "person:vladimir-putin",
        "person:vladimir-kozlov",
        "person:vladimir-bukovsky",
    ]


# --- figures ------------------------------------------------------------------------------


def test_figures_on_the_zhanaozen_killings(ds: Dataset) -> None:
    event = ds.get("event:zhanaozen-massacre-2011")
    every = ds.figures(event)
    assert isinstance(every, Figures) and isinstance(every, Sequence)
    assert list(every) == list(event.figures)  # type: ignore[union-attr]
    killed = ds.figures("event:zhanaozen-massacre-2011", measure=Measure.KILLED)
    assert killed == ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    assert len(killed) == 3 and killed[0].measure is Measure.KILLED
    assert killed.range == (15, 17)
    assert killed.disagree
    assert {f.asserted_by for f in killed} == {
        "org:human-rights-foundation",
        None,
        "group:kazakhstan-authorities",
    }
    assert all(f.citations for f in killed)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        killed.figures = ()  # type: ignore[misc]
    with pytest.raises(
        ValueError, match=r"must be a source, .* but person:vladimir-kozlov is a person"
    ):
        ds.figures(KOZLOV)
    with pytest.raises(ValueError, match="not a measure"):
        ds.figures(event, measure="dead")  # type: ignore[arg-type]


def figures_of(*figures: dict[str, Any]) -> Figures:
    data = build({"events": [dated("event:f", "2012", figures=list(figures))]})
    return data.figures("event:f")


def test_figures_agreement_and_range() -> None:
    same = figures_of(figure_doc(best=5), figure_doc(best=5))
    assert not same.disagree and same.range == (5, 5)
    differ = figures_of(figure_doc(best=5), figure_doc(best=6))
    assert differ.disagree and differ.range == (5, 6)
    # 'at least 5' and 'exactly 5' are different claims: reported as disagreeing
    at_least = figures_of(figure_doc(best=5), figure_doc(low=5, qualifier="at_least"))
    assert at_least.disagree and at_least.range == (5, 5)
    between = figures_of(
        figure_doc(low=3, high=9, qualifier="between"), figure_doc(high=20, qualifier="at_most")
    )
    assert between.range == (3, 20) and between.disagree
    assert not between.open_above and between.open_below  # 'at most 20': maybe fewer
    only_upper = figures_of(figure_doc(high=20, qualifier="at_most"))
    assert only_upper.range == (20, 20) and not only_upper.disagree
    assert only_upper.open_below and not only_upper.open_above
    assert figures_of().range is None and not figures_of().disagree
    assert not figures_of().open_above and not figures_of().open_below
    mixed = figures_of(figure_doc(best=5), figure_doc("injured", best=5))
    assert not mixed.disagree  # one claim per measure: nothing to disagree about
    with pytest.raises(ValueError, match="ask for one measure"):
        _ = mixed.range
    units = figures_of(figure_doc(best=5), figure_doc(best=5, unit="cases"))
    with pytest.raises(ValueError, match="different units; ask for one unit"):
        _ = units.range
    # 'twice a week' and 'three times a day' are rates of different periods: no one range,
    # and no disagreement (each is the one claim of its rate); nor a rate and a count
    rates = figures_of(
        figure_doc("other", unit="times", best=2, per="P7D"),
        figure_doc("other", unit="times", best=3, per="P1D"),
    )
    assert not rates.disagree
    advised = r"rates over different periods.*`ds\.figures\('event:f', per='P1D'\)`"
    with pytest.raises(ValueError, match=advised):
        _ = rates.range
    with pytest.raises(ValueError, match="they are rates and claims that are not rates; ask"):
        _ = figures_of(figure_doc(best=2, per="P7D"), figure_doc(best=3)).range
    weekly = figures_of(
        figure_doc("other", unit="times", best=2, per="P7D"),
        figure_doc("other", unit="times", best=1, per="P7D"),
    )
    assert weekly.range == (1, 2) and weekly.disagree
    assert repr(rates).endswith(": 2 claims, rates over different periods>")
    # rates that count different things too are told so (they read "over different periods"
    # alone)
    things = figures_of(
        figure_doc("other", unit="times", best=2, per="P7D", of="visits"),
        figure_doc("other", unit="times", best=3, per="P1D", of="calls"),
    )
    assert repr(things).endswith(": 2 claims, rates over different periods, of different things>")


def test_figures_of_one_period(ds: Dataset) -> None:
    event = "event:tulesova-detention-2020"  # twice a week, three times a day, once a week
    with pytest.raises(ValueError, match="ask for one period"):
        _ = ds.figures(event, "other", "times").range
    weekly = ds.figures(event, "other", "times", per="P7D")
    assert weekly.per == rightsdata.parse_duration("P7D") and len(weekly) == 3
    assert all(f.per == weekly.per for f in weekly)
    assert "per P7D" in repr(weekly)
    # (video calls twice a week, a shower once, care packages: each says what it counts, so
    # the period's range is asked of one of them)
    with pytest.raises(ValueError, match="count different things"):
        _ = weekly.range
    calls = ds.figures(event, "other", "times", per="P7D", of="video calls with her mother")
    assert calls.per == weekly.per and calls.range == (2, 2)
    daily = ds.figures(event, per=rightsdata.parse_duration("P1D"))
    assert [f.best for f in daily] == [3]
    with pytest.raises(ValueError, match=r"per='P1W' is not a period: .*write 'P7D'"):
        ds.figures(event, per="P1W")
    with pytest.raises(TypeError, match="per must be a Duration or its ISO 8601 text"):
        ds.figures(event, per=7)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="per must be a Duration"):
        ds.figures(event, per=True)  # type: ignore[arg-type]
    # per=False: the figures that are not rates, which the range's advice points to
    counts = ds.figures(event, per=False)
    assert counts and all(f.per is None for f in counts) and counts.per is False
    periods = {f.per for f in ds.figures(event) if f.per is not None}
    assert len(periods) > 1  # (each figure is a count or a rate over one of them)
    rates = sum(len(ds.figures(event, per=period)) for period in periods)
    assert len(counts) + rates == len(ds.figures(event))
    assert "not rates" in repr(counts)
    counts_call = r"`ds\.figures\('event:f', per=False\)` for those that are not rates"
    with pytest.raises(ValueError, match=counts_call):
        _ = figures_of(figure_doc(best=2, per="P7D"), figure_doc(best=3)).range


def test_figures_of_one_unit(ds: Dataset) -> None:
    event = "event:media-ban-request-2012-11-21"  # eight newspapers and 23 websites
    with pytest.raises(ValueError, match="ask for one unit"):
        _ = ds.figures(event, "targeted").range
    newspapers = ds.figures(event, "targeted", unit="newspapers")
    assert newspapers.unit is FigureUnit.NEWSPAPERS and newspapers.range == (8, 8)
    assert ds.figures(event, unit=FigureUnit.WEBSITES).range == (23, 23)
    assert list(ds.figures(event, unit="people")) == []
    with pytest.raises(ValueError, match="not a figure unit"):
        ds.figures(event, unit="papers")  # type: ignore[arg-type]


def test_an_open_ended_claim_is_never_hidden_by_the_range() -> None:
    # 'exactly 200', 'more than 200', 'more than 220' (Bloody January): the range reaches the
    # largest number claimed, and says that a claim goes beyond it
    claims = figures_of(
        figure_doc(best=200),
        figure_doc(low=200, qualifier="more_than"),
        figure_doc(low=220, qualifier="more_than"),
    )
    assert claims.range == (200, 220) and claims.open_above and not claims.open_below
    assert claims.disagree
    bounded = figures_of(figure_doc(low=200, high=250, qualifier="at_least"))
    assert bounded.range == (200, 250) and not bounded.open_above
    words = figures_of(figure_doc(qualifier="imprecise"))
    assert words.range == (None, None) and not words.open_above


def test_every_stated_number_lies_within_the_range(ds: Dataset) -> None:
    for event in ds.events:
        # (one quantity: a measure in one unit, per one period, of one thing)
        quantities = {(f.measure, f.unit, f.per, f.of) for f in event.figures}
        for measure, unit, per, of in quantities:
            claims = Figures(
                event.id,
                measure,
                tuple(
                    f
                    for f in event.figures
                    if (f.measure, f.unit, f.per, f.of) == (measure, unit, per, of)
                ),
            )
            lowest, highest = claims.range or (None, None)
            for figure in claims:
                for number in (figure.low, figure.best, figure.high):
                    if number is not None:
                        assert lowest is not None and highest is not None
                        assert lowest <= number <= highest, (event.id, figure)


# --- ratings ------------------------------------------------------------------------------


def test_ratings_in_date_order(ds: Dataset) -> None:
    kazakhstan = ds.ratings(country="place:kazakhstan")
    assert [str(r.as_of) for r in kazakhstan] == [
        "[2019-09..2019-10]",
        "2020",
        "[2022-01..2022-08]",
        "2022",
    ]
    everything = ds.ratings()
    assert everything == sorted(everything, key=lambda r: (r.as_of.sort_key(), r.id))
    with pytest.raises(ValueError, match="but place:almaty is a city in place:kazakhstan"):
        ds.ratings(country="place:almaty")  # (a city's ratings are its country's)
    with pytest.raises(ValueError, match="the country must be a place"):
        ds.ratings(country=KOZLOV)


def test_rating_on_boundaries(ds: Dataset) -> None:
    kz = "place:kazakhstan"
    watchlist = "rating:civicus-kazakhstan-2019-watchlist"  # [2019-09..2019-10]
    # a rating counts from the last possible day of its as_of: the day it is certainly given
    assert ds.rating_on(kz, "2019-08-31") is None
    assert ds.rating_on(kz, datetime.date(2019, 9, 1)) is None
    assert ds.rating_on(kz, "2019-10-30") is None
    assert ds.rating_on(kz, "2019-10-31").id == watchlist  # type: ignore[union-attr]
    assert ds.rating_on(kz, pendulum.date(2020, 1, 1)).id == watchlist  # type: ignore[union-attr]
    assert ds.rating_on(kz, "2020-12-31").id == (  # type: ignore[union-attr]
        "rating:civicus-kazakhstan-2020-tulesova-interview"
    )
    assert ds.rating_on("place:colombia", "2030-01-01").level.value == "repressed"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="but place:almaty is a city in place:kazakhstan"):
        ds.rating_on("place:almaty", "2030-01-01")
    with pytest.raises(ValueError, match="single day"):
        ds.rating_on(kz, "2022")
    with pytest.raises(TypeError):
        ds.rating_on(kz, 2022)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "rating", "level"),
    [
        # the downgrade ('2022', some day of 2022) is not certain before the year is out,
        # and its record says it postdates the Zhovtis interview ([2022-01..2022-08],
        # obstructed): in force on these days is the 2020 rating, then the interview's
        ("2022-01-01", "rating:civicus-kazakhstan-2020-tulesova-interview", "obstructed"),
        ("2022-06-01", "rating:civicus-kazakhstan-2020-tulesova-interview", "obstructed"),
        ("2022-08-31", "rating:civicus-kazakhstan-2022-zhovtis-interview", "obstructed"),
        ("2022-09-01", "rating:civicus-kazakhstan-2022-zhovtis-interview", "obstructed"),
        ("2022-12-31", "rating:civicus-kazakhstan-2022-downgrade", "repressed"),
        ("2023-01-01", "rating:civicus-kazakhstan-2022-downgrade", "repressed"),
    ],
)
def test_rating_on_does_not_contradict_the_bundled_records(
    ds: Dataset, day: str, rating: str, level: str
) -> None:
    found = ds.rating_on("KZ", EDTF(day))
    assert found is not None
    assert (found.id, found.level.value) == (rating, level)


def test_rating_on_in_a_small_dataset() -> None:
    data = build(
        {
            "places": [place_doc("place:kz")],
            "ratings": [
                rating_doc("rating:b", "2015-06-15", "repressed"),
                rating_doc("rating:a", "2015-06", "obstructed"),
                rating_doc("rating:c", "2016/..", "closed"),
                rating_doc("rating:d", "[2017-03-01..]", "open"),
            ],
        }
    )
    assert ids(data.ratings(country="place:kz")) == ["rating:a", "rating:b", "rating:c", "rating:d"]
    assert data.rating_on("place:kz", "2015-06-01") is None  # '2015-06' may be 30 June
    assert data.rating_on("place:kz", "2015-06-14") is None
    assert data.rating_on("place:kz", "2015-06-15").id == "rating:b"  # type: ignore[union-attr]
    # on 30 June both are certain; '2015-06-15' is the later in date order (first day)
    assert data.rating_on("place:kz", "2015-06-30").id == "rating:b"  # type: ignore[union-attr]
    assert data.rating_on("place:kz", "2015-12-31").id == "rating:b"  # type: ignore[union-attr]
    # an open end has no last possible day: the rating counts from its first
    assert data.rating_on("place:kz", "2016-01-01").id == "rating:c"  # type: ignore[union-attr]
    assert data.rating_on("place:kz", "2017-02-28").id == "rating:c"  # type: ignore[union-attr]
    assert data.rating_on("place:kz", "2017-03-01").id == "rating:d"  # type: ignore[union-attr]


def test_ratings_of_one_date_are_in_the_order_their_previous_levels_tell() -> None:
    """Of two ratings of one date, ``rating_on`` took the later by ID, whatever their
    ``previous`` said: here b (open to obstructed), then a (obstructed to repressed), so a
    is in force, which by ID came first."""
    ratings = [
        rating_doc("rating:z", "2019", "open"),
        rating_doc("rating:a", "2020-05-01", "repressed", previous="obstructed"),
        rating_doc("rating:b", "2020-05-01", "obstructed", previous="open"),
    ]
    data = build({"places": [place_doc("place:kz")], "ratings": ratings})
    assert ids(data.ratings(country="place:kz")) == ["rating:z", "rating:b", "rating:a"]
    assert ids(data.ratings()) == ["rating:z", "rating:b", "rating:a"]
    assert data.rating_on("place:kz", "2020-05-01").id == "rating:a"  # type: ignore[union-attr]
    # with no rating before them, the chain starts at the one whose previous no other holds
    alone = build({"places": [place_doc("place:kz")], "ratings": ratings[1:]})
    assert alone.rating_on("place:kz", "2020-05-01").id == "rating:a"  # type: ignore[union-attr]
    # where previous tells nothing, the later by ID, as before
    plain = [{k: v for k, v in r.items() if k != "previous"} for r in ratings[1:]]
    untold = build({"places": [place_doc("place:kz")], "ratings": plain})
    assert untold.rating_on("place:kz", "2020-05-01").id == "rating:b"  # type: ignore[union-attr]


def test_a_place_no_rating_rates_is_told_its_country(ds: Dataset) -> None:
    """``ratings(country=<a city>)`` answered ``[]`` and ``rating_on`` None, which a caller
    could not tell from a country without ratings: a place of a kind no rating rates is a
    ValueError naming what it is and the country it lies within."""
    said = (
        "the country must be a place of kind country (or territory), but place:almaty is a "
        "city in place:kazakhstan (Kazakhstan): ratings are its country's; give "
        "'place:kazakhstan'"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(said)}$"):
        ds.ratings(country="place:almaty")
    with pytest.raises(ValueError, match=re.escape(said)):
        ds.rating_on(ds.get("place:almaty"), "2022-01-01")
    # within no country, by within or by its code: what it is, alone
    with pytest.raises(ValueError, match=r"but place:central-asia is a region$"):
        ds.ratings(country="place:central-asia")
    # a country, and a territory rated on its own, are asked as before
    assert ds.ratings(country="place:kazakhstan") == ds.ratings(country="KZ") != []
    assert ds.rating_on("place:hong-kong", "2020-01-01") is not None


def test_a_place_the_data_rates_is_asked_whatever_its_kind() -> None:
    # (only the strict checks hold a rating's country to a country or territory: a dataset
    # that rates a city has its ratings found)
    data = build(
        {
            "places": [place_doc("place:kz")],
            "ratings": [rating_doc("rating:a", "2015-06", "obstructed")],
        }
    )
    assert ids(data.ratings(country="place:kz")) == ["rating:a"]


def _certainly_given_by(rating: rightsdata.Rating, day: int) -> bool:
    """The documented rule, from the EDTF's own bounds: the last possible day is on or before
    ``day``; with none (an open or unknown end), the first possible day."""
    latest, earliest = rating.as_of.latest, rating.as_of.earliest
    if latest is not None:
        return latest.toordinal() <= day
    return earliest is None or earliest.toordinal() <= day


@given(dates=st.lists(edtf_dates(), min_size=1, max_size=6), data=st.data())
@settings(max_examples=60, deadline=None)
def test_rating_on_is_the_latest_of_the_ratings_certainly_given(
    dates: list[EDTF], data: st.DataObject
) -> None:
    built = build(
        {
            "places": [place_doc("place:kz")],
            "ratings": [rating_doc(f"rating:r{i}", str(d)) for i, d in enumerate(dates)],
        }
    )
    in_date_order = sorted(built.ratings, key=lambda r: (r.as_of.sort_key(), r.id))
    edges: set[int] = set()
    for date in dates:
        for bound in (date.earliest, date.latest):
            if bound is not None:
                edges.update(bound.toordinal() + step for step in (-1, 0, 1))
    edges.add(data.draw(st.integers(1, datetime.date.max.toordinal())))
    for day in sorted(d for d in edges if 1 <= d <= datetime.date.max.toordinal()):
        found = built.rating_on("place:kz", datetime.date.fromordinal(day))
        certain = [r for r in in_date_order if _certainly_given_by(r, day)]
        # never a rating whose as_of could still be after the day ...
        assert found is None or _certainly_given_by(found, day)
        # ... and the latest in date order of those that cannot
        assert found == (certain[-1] if certain else None), (day, found, certain)


# --- cited_by, related --------------------------------------------------------------------


def cites(record: Record, source: str) -> bool:
    sources = {c.source for c in getattr(record, "citations", ())}
    for figure in getattr(record, "figures", ()):
        sources.update(c.source for c in figure.citations)
    return source in sources


@pytest.mark.parametrize("source", sorted(s.id for s in rightsdata.load().sources))
def test_cited_by_is_every_citing_record_in_kind_then_id_order(ds: Dataset, source: str) -> None:
    expected = [r for r in ds if cites(r, source)]  # the dataset iterates kind by kind, by ID
    assert ds.cited_by(source) == expected
    assert expected


def test_cited_by_counts_figure_citations_and_checks_its_argument() -> None:
    two = [dict(CITE), {**CITE, "source": "source:other"}]
    data = build(
        {
            "sources": [source_doc(), source_doc("source:other")],
            "events": [dated("event:x", "2012", figures=[figure_doc(best=1, citations=two)])],
        }
    )
    assert ids(data.cited_by("source:other")) == ["event:x"]
    assert ids(data.cited_by(data.get("source:doc"))) == ["person:a", "org:a", "event:x"]
    with pytest.raises(ValueError, match="the source must be a source, but person:a is a person"):
        data.cited_by("person:a")


def test_related_to_kozlov(ds: Dataset) -> None:
    related = ds.related(KOZLOV)
    assert isinstance(related, Related) and related.record == KOZLOV
    assert related.events == tuple(ds.timeline(KOZLOV))
    assert {r.id for r in related.relationships} == {
        r.id for r in ds.relationships if KOZLOV in (r.subject, r.object)
    }
    assert {s.id for s in related.statements} == {
        s.id for s in ds.statements if KOZLOV in (s.speaker, *s.addressed_to, *s.about)
    }
    assert related.relationships and related.statements and related.ratings == ()
    assert len(related) == sum(
        map(len, (related.relationships, related.events, related.statements))
    )


def test_a_record_is_not_in_its_own_related(ds: Dataset) -> None:
    statement = next(iter(ds.collection("statements")))
    records = {kind: list(ds.collection(kind)) for kind in KINDS}
    at = records["statements"].index(statement)
    records["statements"][at] = attrs.evolve(statement, about=(*statement.about, statement.id))
    about_itself = Dataset(records)
    assert statement.id in about_itself.get(statement.id, rightsdata.Statement).about
    assert statement.id not in [s.id for s in about_itself.related(statement.id).statements]


def test_related_to_a_place_and_an_event(ds: Dataset) -> None:
    kazakhstan = ds.related("place:kazakhstan")
    assert {r.id for r in kazakhstan.ratings} == {
        r.id for r in ds.ratings if r.country == "place:kazakhstan"
    }
    assert {e.id for e in kazakhstan.events} == {
        e.id for e in ds.events if "place:kazakhstan" in e.places
    }  # places as named: events in Almaty are not 'about' Kazakhstan here
    massacre = ds.related("event:zhanaozen-massacre-2011")
    assert massacre.statements == tuple(
        sorted(
            (s for s in ds.statements if "event:zhanaozen-massacre-2011" in s.about),
            key=lambda s: date_order(s.date, s.id),
        )
    )
    assert ds.related("source:hrf-2012-12-14").events == ()
    with pytest.raises(UnknownIdError):
        ds.related("person:nobody")


def test_related_names_who_asserted_a_statements_or_ratings_figure(ds: Dataset) -> None:
    """A statement or a rating names who asserted, joined in or relayed one of its figures,
    as an event does. (Left out of their ``_NAMES``, they were missing from related(): a
    statement whose figure an NGO asserted was not among the NGO's statements.)"""
    statement = ds.get(
        "statement:halvorssen-2012-12-14-europes-last-dictators", rightsdata.Statement
    )
    rating = ds.get("rating:civicus-kazakhstan-2022-downgrade", rightsdata.Rating)
    asserted, joined, relayed = "org:alga", "org:human-rights-watch", "person:asya-tulesova"
    for actor in (asserted, joined, relayed):  # (named by neither before)
        assert statement not in ds.related(actor).statements
        assert ds.related(actor).ratings == ()
    records = {kind: list(ds.collection(kind)) for kind in KINDS}

    def said(figure: rightsdata.Figure) -> rightsdata.Figure:
        return attrs.evolve(
            figure, asserted_by=asserted, joined_by=(joined,), relayed_by=(relayed,)
        )

    for record in (statement, rating):
        changed = attrs.evolve(record, figures=(said(record.figures[0]), *record.figures[1:]))
        held = records[record.kind_name]
        held[held.index(record)] = changed
    data = Dataset(records)
    for actor in (asserted, joined, relayed):
        related = data.related(actor)
        assert statement.id in [s.id for s in related.statements], actor
        assert [r.id for r in related.ratings] == [rating.id], actor
    # (the bundled records name them already where they assert one: the speaker, the rater)
    assert statement in ds.related(statement.speaker).statements
    assert rating in ds.related(rating.rated_by).ratings


# --- redirects ----------------------------------------------------------------------------


def test_redirects_follow_chains() -> None:
    redirects = {"person:old": "person:middle", "person:middle": "person:a"}
    data = build({"events": [dated("event:x", "2012")]}, redirects)
    assert data.get("person:old").id == "person:a"
    assert present(data.persons.get("person:old")).id == "person:a"
    assert ids(data.timeline("person:old")) == ["event:x"]
    assert dict(data.redirects) == redirects
    with pytest.raises(TypeError):
        data.redirects["person:x"] = "person:a"  # type: ignore[index]
    redirects["person:new"] = "person:a"  # the dataset kept its own copy
    assert "person:new" not in data.redirects
    assert "person:old" not in data.persons  # `in` asks about current IDs only
    assert data.events.get("person:old") is None
    with pytest.raises(UnknownIdError, match=r"^no event has the id 'person:old'; it redirects"):
        data.events["person:old"]


def test_redirect_cycles_and_dead_ends() -> None:
    redirects = {
        "person:x": "person:y",
        "person:y": "person:z",
        "person:z": "person:x",
        "person:gone": "person:nowhere",
    }
    with pytest.raises(InvalidDataError) as rejected:  # a Dataset checks what it is given
        build({}, redirects)
    assert [p.message for p in rejected.value.problems] == [
        "redirects form a cycle",
        "redirects form a cycle",
        "redirects form a cycle",
        "'person:nowhere' does not exist",
    ]
    # Queries still cope with them (the loaders' private constructor skips the check)
    records: dict[str, list[Record]] = {
        "sources": [structure("sources", source_doc())],
        "persons": [structure("persons", person_doc())],
    }
    data = Dataset._of_checked(records, None, None, None, redirects, {}, {})
    with pytest.raises(UnknownIdError, match="cycle") as info:
        data.get("person:x")
    assert (
        info.value.hint
        == "its redirects form a cycle: person:x -> person:y -> person:z -> person:x"
    )
    assert isinstance(info.value, KeyError)
    with pytest.raises(UnknownIdError, match="cycle"):
        data.persons["person:y"]
    assert data.persons.get("person:y") is None
    with pytest.raises(UnknownIdError, match="redirects to 'person:nowhere'"):
        data.get("person:gone")
    with pytest.raises(UnknownIdError, match=r"IDs are a kind and a name, like 'person:a'$"):
        data.get("nonsense")


def test_redirect_arguments_are_checked() -> None:
    with pytest.raises(InvalidDataError, match="'person:a' is still the id of a record"):
        build({}, {"person:a": "org:a"})
    with pytest.raises(TypeError):
        build({}, {"person:x": 5})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        build({}, ["person:x"])  # type: ignore[arg-type]


def test_a_redirect_from_an_id_a_record_has_is_one_problem_among_the_rest(
    tmp_path: Path,
) -> None:
    """Dataset(...) reports it as load_path does: an integrity problem, with every other."""
    redirects = {"person:a": "org:a", "person:gone": "person:nowhere"}
    with pytest.raises(InvalidDataError) as built:
        build({}, redirects)
    assert [str(p) for p in built.value.problems] == [
        "redirects[0].id: 'person:a' is still the id of a record (persons[0]); "
        "a redirect replaces a retired id",
        "redirects[1].to: 'person:nowhere' does not exist",
    ]
    files = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "organizations.json": [org_doc()],
        "redirects.json": [{"id": old, "to": new} for old, new in redirects.items()],
    }
    with pytest.raises(InvalidDataError) as loaded:
        rightsdata.load_path(write_folder(tmp_path, files))
    assert [(p.code, p.message.replace(".json", "")) for p in loaded.value.problems] == [
        (p.code, p.message) for p in built.value.problems
    ]


# --- indexes under threads ----------------------------------------------------------------


def fresh_copy(ds: Dataset) -> Dataset:
    return Dataset({kind: list(ds.collection(kind)) for kind in KINDS})


def test_lazy_indexes_are_built_once_under_threads(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = []
    original = EventIndex.build

    def counting_build(*args: Any, **kwargs: Any) -> EventIndex:
        builds.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(EventIndex, "build", counting_build)
    fresh = fresh_copy(ds)
    barrier = threading.Barrier(16)
    results: list[Any] = [None] * 16

    def query(i: int) -> None:
        barrier.wait()
        results[i] = (
            ids(fresh.events(between=("2012", "2015"), involving=KOZLOV)),
            ids(fresh.events(place="place:kazakhstan")),
            ids(fresh.timeline(KOZLOV)),
            ids(fresh.search("kozlov")),
            ids(fresh.cited_by("source:hrf-2012-12-14")),
            fresh.related(KOZLOV),
            fresh.rating_on("place:kazakhstan", "2020-01-01"),
        )

    threads = [threading.Thread(target=query, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert all(result == results[0] for result in results)
    assert results[0][0] == ids(ds.events(between=("2012", "2015"), involving=KOZLOV))
    assert results[0][1] == ids(ds.events(place="place:kazakhstan"))


# --- property: the indexed query equals brute force ---------------------------------------


def brute_force(data: Dataset, start: EDTF | None, end: EDTF | None, actor: str) -> list[Event]:
    first = None if start is None else start.earliest
    last = None if end is None else end.latest
    found = []
    for event in data.events:
        if event.date is None:
            continue
        if not (
            any(p.actor == actor for p in event.participants)
            or any(c.against == actor for c in event.charges)
        ):
            continue
        if not could_be_within(event.date, first, last):
            continue
        found.append(event)
    return sorted(found, key=lambda e: date_order(e.date, e.id))


def could_be_within(date: EDTF, first: datetime.date | None, last: datetime.date | None) -> bool:
    """Whether ``date`` could fall on a day from ``first`` to ``last`` (None: open): some
    day of one of its stretches (a set's dates; any other date's bounds) is in the window."""
    return any(
        (last is None or part.earliest is None or part.earliest <= last)
        and (first is None or part.latest is None or part.latest >= first)
        for part in (date.members or (date,))
    )


def certainly_within(date: EDTF, first: datetime.date | None, last: datetime.date | None) -> bool:
    """Whether every day ``date`` could denote lies from ``first`` to ``last`` (None: open):
    its first and last possible days (a set's, its first date's and its last's) do, an open
    or unknown side of the date lying beyond any closed side of the window."""
    return (first is None or (date.earliest is not None and date.earliest >= first)) and (
        last is None or (date.latest is not None and date.latest <= last)
    )


def said(event: Event) -> dict[str, Any]:
    """A statement by person:a, dated as ``event`` and named after it."""
    return {
        "id": event.id.replace("event:", "statement:"),
        "speaker": "person:a",
        "date": None if event.date is None else str(event.date),
        "kind": "assessment",
        "summary": "Said.",
        "citations": [dict(CITE)],
    }


def draw_window(data: st.DataObject) -> tuple[EDTF | None, EDTF | None]:
    """A window whose start does not lie after its end (either side may be open; a side is
    no set, a set being one of its dates, nor an interval, which is a window itself)."""
    start = data.draw(st.none() | edtf_dates(intervals=False, sets=False))
    end = data.draw(st.none() | edtf_dates(intervals=False, sets=False))
    first, last = (start.earliest if start else None), (end.latest if end else None)
    if first is not None and last is not None and first > last:
        start, end = end, start
        first, last = (start.earliest if start else None), (end.latest if end else None)
        if first is not None and last is not None and first > last:
            end = None
    return start, end


@settings(max_examples=examples(15))
@given(documents=dataset_documents(max_per_kind=4), data=st.data())
def test_events_between_involving_equals_brute_force(
    documents: dict[str, list[dict[str, Any]]], data: st.DataObject
) -> None:
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }
    dataset = Dataset(records)
    actors = [r.id for r in dataset.persons] + [r.id for r in dataset.organizations]
    for _ in range(10):
        actor = data.draw(st.sampled_from(actors))
        start, end = draw_window(data)
        assert dataset.events(between=(start, end), involving=actor) == brute_force(
            dataset, start, end, actor
        )
    timeline = dataset.timeline(actor)
    assert timeline == sorted(timeline, key=lambda e: date_order(e.date, e.id))
    assert dataset.events(between=(None, None), involving=actor) == [
        e for e in timeline if e.date is not None
    ]


ACTORS = ("person:a", "person:b", "org:a")


@st.composite
def many_events(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to 80 events with random dates (all shapes) and participants among ACTORS."""
    count = draw(st.integers(0, 80))
    dates = draw(st.lists(st.none() | edtf_dates(), min_size=count, max_size=count))
    events = []
    for i, date in enumerate(dates):
        who = draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True))
        doc = dated(
            f"event:e{i}",
            None if date is None else str(date),
            participants=[{"actor": a, "role": "victim"} for a in who],
        )
        events.append(doc)
    return events


@settings(max_examples=examples(40))
@given(events=many_events(), data=st.data())
def test_windows_over_many_events_equal_brute_force(
    events: list[dict[str, Any]], data: st.DataObject
) -> None:
    dataset = build({"events": events, "persons": [person_doc(), person_doc("person:b")]})
    # windows at the edges: days next to the events' own first and last days
    edges = sorted(
        {
            day + datetime.timedelta(days=shift)
            for e in dataset.events
            if e.date is not None
            for part in (e.date.members or (e.date,))  # (a set's dates: its gaps' edges)
            for day in (part.earliest, part.latest)
            if day is not None and datetime.date(1800, 1, 1) < day < datetime.date(9000, 1, 1)
            for shift in (-1, 0, 1)
        }
    )
    for _ in range(10):
        if bool(edges) and data.draw(st.booleans()):
            a, b = sorted(data.draw(st.lists(st.sampled_from(edges), min_size=2, max_size=2)))
            start = None if data.draw(st.integers(0, 5)) == 0 else EDTF(a.isoformat())
            end = None if data.draw(st.integers(0, 5)) == 0 else EDTF(b.isoformat())
        else:
            start, end = draw_window(data)
        actor = data.draw(st.sampled_from(ACTORS))
        expected_for_actor = brute_force(dataset, start, end, actor)
        assert dataset.events(between=(start, end), involving=actor) == expected_for_actor
        with patch.object(query, "_SMALL", 0):  # make the date index drive, the actor filter
            assert dataset.events(between=(start, end), involving=actor) == expected_for_actor
        # the date index alone (no actor): same as filtering every event
        first = None if start is None else start.earliest
        last = None if end is None else end.latest
        expected = [
            e
            for e in dataset.events()
            if e.date is not None and could_be_within(e.date, first, last)
        ]
        assert dataset.events(between=(start, end)) == expected
        # certain=True: those of them whose every possible day is in the window
        certain = [e for e in expected if certainly_within(e.date, first, last)]  # type: ignore[arg-type]
        if start is None and end is None:  # (every dated event is certainly within: refused)
            assert certain == expected
            with pytest.raises(ValueError, match="is open on both sides"):
                dataset.events(between=(start, end), involving=actor, certain=True)
            continue
        assert dataset.events(between=(start, end), certain=True) == certain
        certain_for_actor = [e for e in certain if e in expected_for_actor]
        assert dataset.events(between=(start, end), involving=actor, certain=True) == (
            certain_for_actor
        )
        with patch.object(query, "_SMALL", 0):
            assert dataset.events(between=(start, end), involving=actor, certain=True) == (
                certain_for_actor
            )
        # statements take the same window (one _select for both)
        statements = build({"statements": [said(e) for e in dataset.events]})
        assert ids(statements.statements(between=(start, end), certain=True)) == [
            e.id.replace("event:", "statement:") for e in certain
        ]


# --- collections read like mappings ---------------------------------------------------------


def test_collections_read_like_mappings(ds: Dataset) -> None:
    kozlov = ds.persons[KOZLOV]
    assert kozlov is ds.get(KOZLOV) and kozlov.name == "Vladimir Kozlov"
    assert ds.persons.get(KOZLOV) is kozlov
    assert ds.persons.get("person:nobody") is None
    assert ds.persons.get("person:nobody", "absent") == "absent"
    assert ds.persons[0].id == ds.persons.ids()[0]  # positions still index the sequence
    assert ds.persons[:2] == tuple(ds.persons)[:2]
    with pytest.raises(KeyError) as missing:
        ds.persons["person:nobody"]
    assert str(missing.value) == "no person has the id 'person:nobody'"  # said once
    with pytest.raises(UnknownIdError) as wrong_kind:
        ds.events[KOZLOV]
    assert str(wrong_kind.value) == (
        "no event has the id 'person:vladimir-kozlov'; it is the ID of a person"
    )
    with pytest.raises(UnknownIdError, match=r"^no legal provision has the id 'law:none'$"):
        ds.laws["law:none"]


def test_in_a_dataset_asks_its_collections(ds: Dataset) -> None:
    kozlov = ds.persons[KOZLOV]
    assert KOZLOV in ds and kozlov in ds
    assert all(record in ds and record.id in ds for record in ds)
    assert "person:nobody" not in ds and "" not in ds
    # not by iterating records: a record is never equal to its ID
    assert all(
        ((item in ds) == any(item in c for c in map(ds.collection, KINDS)))
        for item in [
            KOZLOV,
            kozlov,
            "event:kozlov-verdict-2012-10-08",
            "place:kazakhstan",
            "person:nobody",
        ]
    )
    retired = next(iter(ds.redirects))
    assert ds.get(retired) is not None and retired not in ds  # current IDs only, as collections
    assert not any(retired in ds.collection(kind) for kind in KINDS)
    for other in (42, None, ("person:vladimir-kozlov",), b"person:vladimir-kozlov", ds):
        assert other not in ds  # as for a collection: False, never TypeError
        assert other not in ds.persons
    changed = attrs.evolve(kozlov, name="Someone else")
    assert changed not in ds and changed not in ds.persons  # equal records only
    assert KOZLOV not in Dataset({})


def test_get_with_a_record_class(ds: Dataset) -> None:
    verdict = ds.get("event:kozlov-verdict-2012-10-08", Event)
    assert verdict is ds.events["event:kozlov-verdict-2012-10-08"]
    assert verdict.penalty is not None
    with pytest.raises(UnknownIdError, match=r"no event has the id .*; it is the ID of a person"):
        ds.get(KOZLOV, Event)
    with pytest.raises(UnknownIdError):
        ds.get("event:nothing", Event)
    with pytest.raises(UnknownIdError, match=r"no person has the id .*; it is the ID of an event$"):
        ds.get("event:kozlov-verdict-2012-10-08", Person)
    # a union of record classes, such as rightsdata.Record, is a kind too
    assert ds.get(KOZLOV, rightsdata.Record) is ds.get(KOZLOV, Person | Event) is ds.persons[KOZLOV]
    with pytest.raises(UnknownIdError, match=r"^no event or legal provision has .* of a person$"):
        ds.get(KOZLOV, Event | rightsdata.Law)
    # a tuple of record classes, as isinstance takes (typed as the union of its classes)
    org = "org:human-rights-foundation"
    assert ds.get(org, (Person, rightsdata.Organization)) is ds.organizations[org]
    assert (
        ds.get(KOZLOV, (Person,))
        is ds.get(KOZLOV, (Event | Person, Person))  # type: ignore[arg-type]  # (a union in a tuple)
        is ds.persons[KOZLOV]
    )
    with pytest.raises(UnknownIdError, match=r"^no event or legal provision has .* of a person$"):
        ds.get(KOZLOV, (Event, rightsdata.Law))
    with pytest.raises(UnknownIdError, match=r"^no event has the id .*; it is the ID of a person$"):
        ds.get(KOZLOV, (Event,))  # one class: as its collection says it


def test_an_id_in_capitals_is_told_ids_are_in_lowercase(ds: Dataset) -> None:
    # (no record is spelled like it: the ID in lowercase is what there is to say)
    lookups: list[tuple[str, Callable[[str], object]]] = [
        ("PERSON:X", ds.get),
        ("Person:zz-top", ds.persons.__getitem__),
        ("EVENT:nothing-here", ds.related),
    ]
    for record_id, lookup in lookups:
        with pytest.raises(UnknownIdError) as raised:
            lookup(record_id)
        assert raised.value.hint == f"IDs are in lowercase: {record_id.lower()!r}"
    # one that names, in any case, another kind than those taken is told the kinds taken
    with pytest.raises(UnknownIdError) as raised:
        ds.persons["ORG:X"]
    assert raised.value.hint == "a person is wanted here, like 'person:aarti-narsee'"
    with pytest.raises(UnknownIdError) as raised:
        ds.events(involving="PLACE:X")
    assert raised.value.hint == (
        "a person, an organisation or a group is wanted here, like 'person:aarti-narsee'"
    )
    # (a letter that is no ASCII capital: not told to write it in lowercase)
    with pytest.raises(UnknownIdError) as raised:
        ds.get("person:\u212a")  # (the Kelvin sign, which lowercases to k)
    assert "lowercase" not in str(raised.value)
    # one spelled like a record's is told that record
    with pytest.raises(UnknownIdError, match="did you mean 'person:vladimir-kozlov'"):
        ds.get("PERSON:VLADIMIR-KOZLOV")


def test_get_with_a_record_class_says_what_the_collection_says(ds: Dataset) -> None:
    """One rule: ``ds.get(id, cls)`` looks the ID up as ``cls``'s collection does, so a
    retired ID says where it redirects."""
    redirected = "org:kazakhstan-authorities"
    cases: list[tuple[type[Record], str]] = [
        (rightsdata.Organization, redirected),
        (Event, KOZLOV),
        (Person, "person:vladmir-kozlov"),
        (Person, "zzz"),
    ]
    for cls, record_id in cases:
        collection = ds.collection(cls.kind_name)
        with pytest.raises(UnknownIdError) as by_collection:
            collection[record_id]
        with pytest.raises(UnknownIdError) as by_get:
            ds.get(record_id, cls)
        assert str(by_get.value) == str(by_collection.value)
    assert str(by_get.value) == (
        "no person has the id 'zzz'; IDs are a kind and a name, like 'person:aarti-narsee'"
    )
    with pytest.raises(UnknownIdError) as redirect:
        ds.get(redirected, rightsdata.Organization)
    assert str(redirect.value) == (
        "no organisation has the id 'org:kazakhstan-authorities'; "
        "it redirects to 'group:kazakhstan-authorities', the ID of a group"
    )
    assert ds.get(redirected, rightsdata.Group) is ds.groups["group:kazakhstan-authorities"]
    with pytest.raises(UnknownIdError, match=r"^no person or organisation has .* ID of a group$"):
        ds.get(redirected, Person | rightsdata.Organization)
    with pytest.raises(TypeError, match=r"^a record ID is a string, not an int \(3\)$"):
        ds.get(3, Person)  # type: ignore[call-overload]


def test_get_with_something_not_a_record_class_says_what_it_takes(ds: Dataset) -> None:
    takes = (
        "`Dataset.get(id, kind)` takes a record class as kind, such as `rightsdata.Event` (or "
        "a union or tuple of them, such as `rightsdata.Record` or `(Person, Organization)`), "
        "not "
    )
    cases: list[tuple[object, str]] = [
        ((Person, "events"), "a tuple holding 'events'"),
        ((Person, int), "a tuple holding <class 'int'>"),
        (
            "events",
            "the string 'events'; to look an ID up in a kind named by a string, "
            "use `ds.collection('events')[id]`",
        ),
        (
            "people",
            "the string 'people'; to look an ID up in a kind named by a string, "
            "use `ds.collection(kind)[id]`, kind one of `rightsdata.KINDS`",
        ),
        (int, "the class int"),
        (3, "an int (3)"),
        (Person | None, "rightsdata._model.records.Person | None"),
    ]
    for kind, got in cases:
        # said before the ID is looked up: an ID no record has gets the same TypeError
        for record_id in (KOZLOV, "person:nobody"):
            with pytest.raises(TypeError) as raised:
                ds.get(record_id, kind)  # type: ignore[call-overload]
            assert str(raised.value) == takes + got


def test_get_with_an_empty_tuple_of_kinds_is_a_value_error(ds: Dataset) -> None:
    """An empty tuple is a tuple of record classes, as ``kind`` takes, that would take no
    record (as an empty filter keeps none): a ValueError saying what to pass, not a
    TypeError saying a tuple is not taken."""
    for record_id in (KOZLOV, "person:nobody"):  # (said before the ID is looked up)
        with pytest.raises(ValueError, match="empty tuple") as raised:
            ds.get(record_id, ())
        assert str(raised.value) == (
            "`Dataset.get(id, kind)`: an empty tuple of kinds would take no record; pass a "
            "record class, such as `rightsdata.Event`, or a tuple of some, such as "
            "`(Person, Organization)`, or leave kind out for any kind"
        )


def test_errors_use_plain_words_not_keyword_syntax(ds: Dataset) -> None:
    calls: list[Callable[[], object]] = [
        lambda: ds.events(involving="place:almaty"),
        lambda: ds.events(place=KOZLOV),
        lambda: ds.events(kind="picnic"),  # type: ignore[arg-type]
        lambda: ds.events(kind=[]),
        lambda: ds.events(kind=7),  # type: ignore[arg-type]
        lambda: ds.events(role="hero"),  # type: ignore[arg-type]
        lambda: ds.events(between="2012"),  # type: ignore[arg-type]
        lambda: ds.events(between=("2012", "2011")),
        lambda: ds.figures(KOZLOV),
        lambda: ds.figures("event:zhanaozen-massacre-2011").range,
        lambda: ds.ratings(country=KOZLOV),
        lambda: ds.events(between=(None, None), certain=True),
        lambda: ds.statements(between=(None, None), certain=True),
        lambda: ds.search("kozlov", limit=0),
        lambda: ds.search("kozlov", limit="5"),  # type: ignore[arg-type]
        lambda: ds.search("kozlov", kinds=["people"]),  # type: ignore[list-item]
        lambda: ds.statements(speaker="place:almaty"),
        lambda: ds.get(KOZLOV, ()),
    ]
    for call in calls:
        with pytest.raises((ValueError, TypeError)) as raised:
            call()
        # (a call the message advises, in backticks, is Python: it may pass keywords)
        words = re.sub(r"`[^`]*`", "", str(raised.value))
        assert not re.search(r"\w=", words), str(raised.value)
    message = "the actor must be a person, an organisation or a group, but place:almaty is a place"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ds.events(involving="place:almaty")


# --- statements -------------------------------------------------------------------------------


def test_statements_query_equals_brute_force(ds: Dataset) -> None:
    statements = list(ds.statements)
    speakers = sorted({s.speaker for s in statements})
    subjects = sorted({a for s in statements for a in s.about})
    assert ds.statements() == sorted(statements, key=lambda s: date_order(s.date, s.id))
    for speaker in speakers:
        expected = [s for s in ds.statements() if s.speaker == speaker]
        assert ds.statements(speaker=speaker) == expected
    for subject in subjects:
        expected = [s for s in ds.statements() if subject in s.about]
        assert ds.statements(about=subject) == expected
    window = (EDTF("2012"), EDTF("2015-06"))
    in_window = [
        s for s in ds.statements() if s.date is not None and s.date.overlaps(EDTF("2012/2015-06"))
    ]
    assert ds.statements(between=window) == in_window
    both = ds.statements(about=KOZLOV, between=window, speaker="org:human-rights-foundation")
    assert both and all(
        KOZLOV in s.about and s.speaker == "org:human-rights-foundation" for s in both
    )
    assert set(both) <= set(in_window)
    kinds = {s.kind for s in statements}
    for kind in kinds:
        assert ds.statements(kind=kind) == [s for s in ds.statements() if s.kind is kind]
    with pytest.raises(UnknownIdError):
        ds.statements(speaker="person:nobody")
    with pytest.raises(ValueError, match="the speaker must be a person, an organisation or a gr"):
        ds.statements(speaker="place:almaty")


def test_statements_to_an_addressee(ds: Dataset) -> None:
    addressed = [s for s in ds.statements if s.addressed_to]
    assert addressed
    target = addressed[0].addressed_to[0]
    found = ds.statements(addressed_to=target)
    assert addressed[0] in found and all(target in s.addressed_to for s in found)


# --- countries --------------------------------------------------------------------------------


def test_country_codes_stand_for_country_places(ds: Dataset) -> None:
    kazakhstan = ds.country("KZ")
    assert kazakhstan.id == "place:kazakhstan" and kazakhstan.country == "KZ"
    assert ds.places["place:almaty"].country == "KZ"
    assert ds.rating_on("KZ", "2022-06-01") == ds.rating_on(kazakhstan, "2022-06-01")
    assert ds.ratings(country="KZ") == ds.ratings(country="place:kazakhstan")
    assert ds.events(place="KZ") == ds.events(place="place:kazakhstan")
    with pytest.raises(UnknownIdError, match=r"no country has the id 'XX'.*codes: .*KZ"):
        ds.country("XX")
    with pytest.raises(UnknownIdError):
        ds.rating_on("XX", "2022-06-01")
    with pytest.raises(UnknownIdError):  # two capital letters only; 'kz' is no ID either
        ds.events(place="kz")
    with pytest.raises(TypeError):
        ds.country(7)  # type: ignore[arg-type]


# --- integrity of a dataset built in Python -------------------------------------------------


def test_a_dataset_built_in_python_is_checked() -> None:
    citing_nothing = person_doc("person:b")
    citing_nothing["citations"] = [{**CITE, "source": "source:missing"}]
    with pytest.raises(InvalidDataError) as rejected:
        build({"persons": [person_doc(), citing_nothing]})
    [problem] = rejected.value.problems
    assert problem.location == "persons[1] person:b.citations[0].source"
    assert (problem.file, problem.kind, problem.index) == (None, "persons", 1)
    assert "'source:missing' does not exist" in problem.message
    assert "records given to Dataset" in str(rejected.value)


def test_the_loaders_check_integrity_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rightsdata._data.loading
    import rightsdata._validation.integrity

    calls: list[int] = []
    original = rightsdata._validation.integrity.check_integrity

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(rightsdata._validation.integrity, "check_integrity", counting)
    monkeypatch.setattr(rightsdata._data.loading, "check_integrity", counting)
    rightsdata.load().export(tmp_path, "json")
    loaded = rightsdata.load_path(tmp_path)
    assert len(loaded.events) == len(rightsdata.load().events)
    assert calls == [1]


# --- reprs --------------------------------------------------------------------------------


def test_query_results_have_compact_reprs(ds: Dataset) -> None:
    killed = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    # "at least 15", "15" and "exactly 17": the top was shown as ">=17", which no claim said
    assert repr(killed) == (
        "<Figures event:zhanaozen-massacre-2011 killed: 3 claims, 15 to 17 people, "
        "one claim open-ended (at least 15), disagree>"
    )
    every = ds.figures("event:zhanaozen-massacre-2011")
    assert repr(every).startswith("<Figures event:zhanaozen-massacre-2011: ")
    # mixed measures: no range, but the claims on one of them disagree
    assert repr(every) == "<Figures event:zhanaozen-massacre-2011: 4 claims, disagree>"
    # one open claim in its words, with its unit: "more than 60" was shown as ">60" (cities?)
    other = ds.figures("event:bloody-january-2022", measure="other", unit="cities")
    assert [(f.qualifier.value, f.low, f.high) for f in other] == [("more_than", 60, None)]
    assert repr(other) == (
        "<Figures event:bloody-january-2022 other cities: 1 claim, more than 60 cities "
        "(cities the protests spread to)>"
    )
    # two claims in different units: their count only
    mixed = ds.figures("event:bloody-january-2022", measure="other")
    assert repr(mixed) == "<Figures event:bloody-january-2022 other: 2 claims>"
    days = ds.figures("event:bloody-january-2022", measure="other", unit="days")
    # (it was shown as "2 to 3")
    assert repr(days).endswith(
        ": 1 claim, between 2 and 3 days (time the protests took to spread)>"
    )
    exact = ds.figures("event:bloody-january-deaths-in-custody-2022", measure="died_in_custody")
    assert repr(exact).endswith(": 1 claim, 8 people>")
    related = ds.related(KOZLOV)
    assert repr(related) == (
        f"<Related {KOZLOV}: {len(related.relationships)} relationships, "
        f"{len(related.events)} events, {len(related.statements)} statements, 0 ratings>"
    )
    assert len(repr(related)) < 120


# --- chronology: the bundled cases ----------------------------------------------------------


def test_a_coarse_date_sorts_after_the_days_it_contains(ds: Dataset) -> None:
    tulesova = ids(ds.timeline("person:asya-tulesova"))
    assert tulesova.index("event:almaty-protest-2020-06-06") < tulesova.index(
        "event:tulesova-verdict-2020"
    )
    assert tulesova.index("event:tulesova-arrest-2020-06-08") < tulesova.index(
        "event:tulesova-charged-2020"
    )


def test_the_bloody_january_case_starts_with_the_protest() -> None:
    from rightsdata._display.plot import case_events

    case = ids(case_events(rightsdata.load(), "event:bloody-january-2022"))
    assert case[0] == "event:zhanaozen-protest-2022-01-02"
    assert case.index("event:bloody-january-2022") < case.index(
        "event:bloody-january-criminal-cases-2022"
    )


def test_a_span_comes_before_what_happened_on_its_last_day(ds: Dataset) -> None:
    timeline = ids(ds.timeline(KOZLOV))
    assert timeline[:4] == [
        "event:kozlov-detention-2012-01-26",
        # [2012-01-26..2012-10-08]: one day up to the verdict's, so before what happened on
        # it, as a span is; and before the trial, whose start is unknown (the narrower first)
        "event:kozlov-charged-2012",
        "event:kozlov-trial-2012",  # /2012-10-08
        "event:kozlov-verdict-2012-10-08",
    ]
    charged = ds.get("event:kozlov-charged-2012", Event).date
    assert charged is not None and charged.is_set


# --- search over titles and summaries --------------------------------------------------------


def test_search_finds_events_statements_and_sources_by_their_texts(ds: Dataset) -> None:
    assert ids(ds.search("bloody january"))[0] == "event:bloody-january-2022"
    assert "event:bloody-january-2022" in ids(ds.search("bloody jan"))  # prefix of a word
    statement = ds.statements[0]
    words = " ".join(statement.summary.split()[:4])
    assert statement.id in ids(ds.search(words, limit=None, kinds="statements"))
    source = ds.sources[0]
    assert source.id in ids(ds.search(source.title, limit=3))
    # names first: every record found by a name or alias before any found by its texts
    found = ds.search("kozlov", limit=None)
    kinds = [r.id.split(":")[0] for r in found]
    first_text = next(i for i, k in enumerate(kinds) if k in ("event", "statement", "source"))
    assert all(k in ("person", "org", "group", "place", "law") for k in kinds[:first_text])
    assert ids(ds.search("kozlov", kinds=["events"], limit=None)) == [
        r.id for r in found if r.id.startswith("event:")
    ]


ENTRY_WORDS = ["kozlov", "kozlova", "vladimir", "bloody", "january", "almaty", "koz", "jan"]


@st.composite
def search_entries(draw: st.DrawFn) -> list[Any]:
    from rightsdata._data.search import SearchEntry

    entries = []
    for _ in range(draw(st.integers(0, 25))):
        text = " ".join(draw(st.lists(st.sampled_from(ENTRY_WORDS), min_size=1, max_size=4)))
        record = f"person:r{draw(st.integers(0, 9))}"
        entries.append(
            SearchEntry.of(record, draw(st.integers(0, 8)), text, draw(st.integers(0, 3)))
        )
    return entries


@given(
    query=st.lists(st.sampled_from(ENTRY_WORDS), min_size=1, max_size=3),
    texts=st.lists(st.lists(st.sampled_from(ENTRY_WORDS), min_size=1, max_size=4), max_size=6),
)
def test_the_tiers_are_exact_then_whole_words_then_word_starts(
    query: list[str], texts: list[list[str]]
) -> None:
    """A text's tier: 0 if it is the query, else 1 if every query word is a word of it, else
    2 if every query word starts a word of it (else 3, a close spelling, or none); the
    order within a tier is the field, then the length, whatever the words' places in the
    text."""
    from rightsdata._data.search.ranking import _score, rank
    from rightsdata._data.search.texts import SearchEntry

    asked = " ".join(query)
    entries = [
        SearchEntry.of(f"person:r{n}", 1, " ".join(words), False) for n, words in enumerate(texts)
    ]
    expected = []
    for entry in entries:
        held = entry.text.split()
        if entry.text == asked:
            tier = 0
        elif all(q in held for q in query):
            tier = 1
        elif all(any(w.startswith(q) for w in held) for q in query):
            tier = 2
        else:
            score = _score(asked, query, entry)
            assert score is None or score[0] == 3
            continue
        assert _score(asked, query, entry) == (tier, 0.0)
        expected.append((tier, len(entry.text), entry.record_id))
    found = rank(asked, entries)
    assert found[: len(expected)] == [record for *_, record in sorted(expected)]


@settings(max_examples=150)
@given(
    entries=search_entries(),
    query=st.lists(
        st.sampled_from([*ENTRY_WORDS, "kozlof", "vladimr", "januar", "bloddy", "x"]),
        min_size=1,
        max_size=3,
    ),
    limit=st.none() | st.integers(1, 5),
    kinds=st.none() | st.sets(st.integers(0, 8)),
)
def test_the_search_index_ranks_as_the_linear_scan(
    entries: list[Any], query: list[str], limit: int | None, kinds: set[int] | None
) -> None:
    from rightsdata._data.search import SearchIndex, rank

    text = " ".join(query)
    expected = rank(text, [e for e in entries if kinds is None or e.kind_order in kinds])
    found = SearchIndex(entries).search(text, limit, kinds)
    assert found == (expected if limit is None else expected[:limit])


@settings(max_examples=150)
@given(entries=search_entries())
def test_the_close_spelling_tables_are_each_words_texts_by_length(entries: list[Any]) -> None:
    """_Part's close texts and masks of each word: its texts of names, aliases and titles,
    shortest first, then in the order of their first entry (as one pass over the texts
    sorted by length makes them), with their letters' masks; each word once per text."""
    from rightsdata._data.search.index import _Part
    from rightsdata._data.search.similarity import _letter_masks
    from rightsdata._data.search.texts import TITLE

    # each text's words as SearchIndex.build gives them: a word held twice comes twice
    part = _Part([e[:5] for e in sorted(entries)], {e.text: e.text.split() for e in entries})
    first = dict.fromkeys(e.text for e in sorted(entries))
    fields = {t: min(e.field for e in entries if e.text == t) for t in first}
    closed = [t for t in first if fields[t] <= TITLE]
    masks = dict(
        zip(
            closed,
            _letter_masks(closed, [tuple(dict.fromkeys(t.split())) for t in closed]),
            strict=True,
        )
    )
    by_length = sorted(closed, key=len)
    expected = {w: tuple(t for t in by_length if w in t.split()) for t in closed for w in t.split()}
    assert part.close == expected
    assert part.masks == {w: [masks[t] for t in texts] for w, texts in expected.items()}
    assert part.closed == len(closed)


@settings(max_examples=200)
@given(
    entries=search_entries(),
    query=st.lists(st.sampled_from(ENTRY_WORDS), min_size=2, max_size=3),
    limit=st.none() | st.integers(1, 5),
    look_up_below=st.sampled_from([0, 10**9]),
    scan_first=st.sampled_from([0, 1, 2, 10**9]),
    bitmap_from=st.sampled_from([0, 2, 4, 8, 10**9]),
    numpy_from=st.sampled_from([0, 10**9]),
)
def test_word_matches_intersect_or_look_up_alike(
    entries: list[Any],
    query: list[str],
    limit: int | None,
    look_up_below: int,
    scan_first: int,
    bitmap_from: int,
    numpy_from: int,
) -> None:
    """Several query words: the bitwise AND of their bitmaps (words with a bitmap, made by
    numpy or in Python, and words without, whose bitmap is made, and query words starting
    several words), or the first word's texts looked up one by one in the others'
    (bisection) up to ``_SCAN_FIRST`` of them, the rest intersected with the next word's
    (C-level) or looked up in them; every way gives the linear scan's order."""
    from rightsdata._data import search
    from rightsdata._data.search import postings

    expected = search.rank(" ".join(query), entries)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_LOOK_UP_BELOW", look_up_below)
        patch.setattr(postings, "_SCAN_FIRST", scan_first)
        patch.setattr(postings, "_BITMAP_FROM", bitmap_from)
        patch.setattr(postings, "_NUMPY_FROM", numpy_from)
        found = search.SearchIndex(entries).search(" ".join(query), limit)
    assert found == expected[:limit]


@given(
    numbers=st.lists(st.integers(0, 200), max_size=60).map(sorted),
    extra=st.integers(0, 20),
)
def test_numpy_makes_the_bitmaps_the_python_loop_makes(numbers: list[int], extra: int) -> None:
    """A word's texts (ascending, a text twice where the word is in it twice) as a bitmap:
    numpy's packing gives the very int of the loop's, for every number of texts (a last
    byte part full or whole)."""
    import numpy

    from rightsdata._data.search.postings import _bitmap, _numpy_bitmap

    size = (numbers[-1] + 1 if numbers else 0) + extra
    assert _numpy_bitmap(numpy, numbers, size) == _bitmap(numbers, size)


def test_the_bitmaps_are_made_in_python_without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """numpy is optional: without it (an import that fails), a large index's bitmaps come
    from the Python loop, the same ints."""
    from rightsdata._data.search import postings
    from rightsdata._values.extras import optional

    word_texts = {"a": [0, 0, 3, 9], "b": [1, 2], "c": [5]}
    monkeypatch.setattr(postings, "_BITMAP_FROM", 2)
    monkeypatch.setattr(postings, "_NUMPY_FROM", 0)
    with_numpy = postings._bitmaps(word_texts, 10)
    monkeypatch.setitem(sys.modules, "numpy", None)  # (import numpy raises ImportError)
    assert optional("numpy") is None
    assert postings._bitmaps(word_texts, 10) == with_numpy == {"a": 0b1001000001, "b": 0b0110000000}


def test_the_event_index_sorts_events_given_in_any_order(ds: Dataset) -> None:
    events = list(ds.events)
    shuffled = events[::-1]
    built = EventIndex.build(shuffled)
    assert list(built.order) == list(EventIndex.build(events, by_id=True).order)
    assert list(built.order) == sorted(events, key=lambda e: date_order(e.date, e.id))


def test_a_window_query_does_not_work_out_which_places_are_within_which() -> None:
    # containment is worked out the first time a query asks about a place (it was worked
    # out by every first events query: a truth test of the mapping asked for its length)
    bundled = rightsdata.load()  # (kept for the process: other tests asked it about places)
    fresh = Dataset({kind: list(bundled.collection(kind)) for kind in KINDS})
    fresh.events(between=(EDTF("2011"), EDTF("2012")))
    contained = fresh._answers()._indexes.events().contained
    assert contained._children is None  # type: ignore[attr-defined]
    assert "place:almaty" in contained["place:kazakhstan"]
    assert contained._children is not None  # type: ignore[attr-defined]


def test_statements_of_several_kinds(ds: Dataset) -> None:
    kinds = sorted({s.kind for s in ds.statements})[:2]
    found = ds.statements(kind=kinds)
    assert found == [s for s in ds.statements() if s.kind in kinds]
    assert len(found) > len(ds.statements(kind=kinds[0]))
    with pytest.raises(ValueError, match="not a statement kind"):
        ds.statements(kind="gossip")  # type: ignore[arg-type]


# --- the scanned postings, timeline, related and search against linear scans ---------------

ID_PARTS = st.sampled_from(["a", "b", "ab", "ba", "a-1", "a-10", "b:a", "é", "Ж"])


@settings(max_examples=200)
@given(
    lists=st.lists(st.lists(ID_PARTS, max_size=4).map(tuple), max_size=12),
    key=ID_PARTS | st.sampled_from(["", "a\nb", "\n", "z"]),
)
def test_a_flat_field_finds_what_a_scan_finds(lists: list[tuple[str, ...]], key: str) -> None:
    from rightsdata._data.indexes import Flat

    expected = [rank for rank, values in enumerate(lists) for value in values if value == key]
    assert Flat.of_lists(lists).ranks(key) == expected
    # a family's fields hold IDs of some kinds only: another kind's is not looked for
    prefix = key.partition(":")[0]
    assert Flat(Flat.of_lists(lists).text, frozenset({prefix})).ranks(key) == expected
    assert Flat(Flat.of_lists(lists).text, frozenset({prefix + "x"})).ranks(key) == []


@settings(max_examples=200)
@given(
    lists=st.lists(st.lists(ID_PARTS, max_size=4).map(tuple), max_size=40),
    key=ID_PARTS,
    block=st.integers(1, 40),
)
def test_a_flat_field_with_break_marks_finds_what_a_scan_finds(
    lists: list[tuple[str, ...]], key: str, block: int
) -> None:
    # A long text's marks say how many records end before each block of it; a hit's record
    # is counted from its block's mark. Blocks of 1 to 40 characters here (16 KB in a load).
    from rightsdata._data import indexes
    from rightsdata._validation import bulkcheck

    expected = [rank for rank, values in enumerate(lists) for value in values if value == key]
    text = indexes.Flat.of_lists(lists).text
    with (
        patch.object(bulkcheck, "MARKED_BLOCK", block),
        patch.object(indexes, "MARKED_BLOCK", block),
    ):
        marks = bulkcheck.break_marks(text)
        assert list(marks) == [text.count("\x1e", 0, b) for b in range(0, len(text), block)] + [
            text.count("\x1e")
        ]
        assert indexes.Flat(text, None, marks).ranks(key) == expected


@settings(max_examples=200)
@given(
    lists=st.lists(st.lists(ID_PARTS, max_size=4).map(tuple), max_size=40),
    keys=st.lists(ID_PARTS | st.sampled_from(["", "a\nb", "z", "a|b", "a.", "(a)"]), max_size=9),
    block=st.integers(1, 40),
    marked=st.booleans(),
    one_pass_from=st.sampled_from([0, 1, 2, 4]),
    prefix=st.sampled_from([None, "a", "b"]),
)
@example(
    lists=[("a",), ("a",)], keys=["a", "b"], block=40, marked=False, one_pass_from=0, prefix=None
)
def test_a_flat_field_finds_several_keys_as_it_finds_each(
    lists: list[tuple[str, ...]],
    keys: list[str],
    block: int,
    marked: bool,
    one_pass_from: int,
    prefix: str | None,
) -> None:
    # Several keys are found in one pass (a regular expression of them all) from
    # _ONE_PASS_FROM keys on, each by its own pass below: either way, what a scan finds.
    from rightsdata._data import indexes
    from rightsdata._validation import bulkcheck

    text = indexes.Flat.of_lists(lists).text
    prefixes = None if prefix is None else frozenset({prefix})
    with (
        patch.object(bulkcheck, "MARKED_BLOCK", block),
        patch.object(indexes, "MARKED_BLOCK", block),
        patch.object(indexes, "_ONE_PASS_FROM", one_pass_from),
    ):
        flat = indexes.Flat(text, prefixes, bulkcheck.break_marks(text) if marked else None)
        found = flat.ranks_of(keys)
    assert list(found) == list(dict.fromkeys(keys))
    for key in keys:
        held = prefixes is None or key.partition(":")[0] in prefixes
        expected = [r for r, values in enumerate(lists) for value in values if value == key]
        assert found[key] == (expected if held else [])


def _asserters(figures: Iterable[rightsdata.Figure]) -> set[str]:
    """Who asserted, joined in or relayed ``figures`` (each record related() gives names
    them), by a plain walk."""
    named = {f.asserted_by for f in figures if f.asserted_by is not None}
    return named | {a for f in figures for a in (*f.joined_by, *f.relayed_by)}


def _names(event: Event) -> set[str]:
    """Every ID an event names (related's definition), by a plain walk."""
    named = {p.actor for p in event.participants} | set(event.places)
    named |= {c.against for c in event.charges} | {c.provision for c in event.charges}
    named |= _asserters(event.figures)
    if event.part_of is not None:
        named.add(event.part_of)
    return named


def _check_against_scans(dataset: Dataset) -> None:
    """timeline, events(involving=, role=), related and the event index's postings equal
    linear scans over every record, for every record of ``dataset``."""
    chronological = sorted(dataset.events, key=lambda e: date_order(e.date, e.id))
    index = dataset._answers()._indexes.events()
    for kind in EventKind:
        posting = index.by_kind.get(kind.value, EMPTY_POSTING)
        assert [index.order[r] for r in posting.ranks] == [
            e for e in chronological if e.kind is kind
        ]
        assert dataset.events(kind=kind) == [e for e in chronological if e.kind is kind]
    containers = _chains(dataset.places)
    for role in Role:
        with_role = [e for e in chronological if any(p.role is role for p in e.participants)]
        # alone, first: from the events' positions where the key has many (Listed), before
        # any query made its ranks; then again, and with other conditions (which need them)
        assert dataset.events(role=role) == with_role
        assert dataset.events(role=role) == with_role
        posting = index.by_role.get(role.value, EMPTY_POSTING)
        assert [index.order[r] for r in posting.ranks] == with_role
        assert posting.size == len(posting.ranks) == len(posting.members)
        for kind in {e.kind for e in with_role}:
            assert dataset.events(role=role, kind=kind) == [e for e in with_role if e.kind is kind]
        assert dataset.events(role=role, between=(None, None)) == [
            e for e in with_role if e.date is not None
        ]
        for place in {p for e in with_role for p in e.places}:
            for where in (place, *containers.get(place, ())):
                assert dataset.events(role=role, place=where) == [
                    e
                    for e in with_role
                    if any(where == p or where in containers.get(p, ()) for p in e.places)
                ]
    for record in (r for kind in KINDS for r in dataset.collection(kind)):
        rid = record.id
        actors = [
            e
            for e in chronological
            if rid in {p.actor for p in e.participants} | {c.against for c in e.charges}
        ]
        if isinstance(record, rightsdata.Person | rightsdata.Organization | rightsdata.Group):
            assert dataset.timeline(rid) == actors
            for role in {p.role for e in actors for p in e.participants if p.actor == rid}:
                assert dataset.events(involving=rid, role=role) == [
                    e
                    for e in actors
                    if any(p.actor == rid and p.role is role for p in e.participants)
                ]
        assert [index.order[r] for r in index.by_actor.get(rid, EMPTY_POSTING).ranks] == actors
        related = dataset.related(rid)
        assert list(related.events) == [
            e for e in chronological if e.id != rid and rid in _names(e)
        ]
        assert list(related.relationships) == sorted(
            (r for r in dataset.relationships if rid in (r.subject, r.object) and r.id != rid),
            key=lambda r: date_order(r.start, r.id),
        )
        assert list(related.statements) == sorted(
            (
                s
                for s in dataset.statements
                if rid
                in {s.speaker, *s.joined_by, *s.relayed_by, *s.addressed_to, *s.about}
                | _asserters(s.figures)
                and s.id != rid
            ),
            key=lambda s: date_order(s.date, s.id),
        )
        assert list(related.ratings) == sorted(
            (r for r in dataset.ratings if rid in {r.country, r.rated_by} | _asserters(r.figures)),
            key=lambda r: (r.as_of.sort_key(), r.id),
        )


from rightsdata._data.indexes import EMPTY as EMPTY_POSTING  # noqa: E402


def test_timeline_related_and_postings_equal_scans_on_the_bundled_data() -> None:
    _check_against_scans(rightsdata.load())


@pytest.mark.parametrize("bisect_below", [0.0, 2.0], ids=["inverse", "bisection"])
def test_postings_ranked_by_bisection_or_by_the_inverse_equal_scans(
    bisect_below: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A key's events get their ranks by bisection in their date's run when they are few, by
    # the inverse of the date order when they are many: each way alone gives the scans.
    from rightsdata._data import indexes

    monkeypatch.setattr(indexes, "_BISECT_BELOW", bisect_below)
    bundled = rightsdata.load()
    _check_against_scans(fresh_copy(bundled))
    records = {kind: list(bundled.collection(kind)) for kind in KINDS}
    for event in records["events"][1::2]:  # one date as several objects (see above)
        assert isinstance(event, Event)
        if event.date is not None:
            from rightsdata._values import dates

            dates._CACHE.clear()
            records["events"][records["events"].index(event)] = attrs.evolve(
                event, date=EDTF(str(event.date))
            )
    _check_against_scans(Dataset(records))


@settings(max_examples=15, deadline=None)
@given(documents=dataset_documents(max_per_kind=4))
def test_timeline_related_and_postings_equal_scans(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }
    _check_against_scans(Dataset(records))


@settings(max_examples=15, deadline=None)
@given(documents=dataset_documents(max_per_kind=4), backwards=st.booleans())
def test_what_a_load_gathers_is_what_the_records_name(
    documents: dict[str, list[dict[str, Any]]], backwards: bool, tmp_path_factory: Any
) -> None:
    # The IDs of each _NAMES family the fast path gathers while it checks a file (in the
    # file's order) are kept, and answer the queries, only if the file is in ID order; they
    # are then the text the records themselves give.
    from rightsdata._validation.bulkcheck import gathered, named_text

    files = {f"{k}.json": docs[::-1] if backwards else docs for k, docs in documents.items()}
    loaded = rightsdata.load_path(write_folder(tmp_path_factory.mktemp("named"), files))
    indexes = loaded._answers()._indexes
    for kind in ("events", "relationships", "statements", "ratings"):
        ids = [doc["id"] for doc in files.get(f"{kind}.json", ())]
        found = indexes.gathered(kind)
        kept = found.named if found is not None else {}
        assert bool(kept) == (bool(ids) and ids == sorted(ids))
        records = loaded.collection(kind)
        for family, text in kept.items():
            assert text == named_text(records, family)
        if kept:  # and the events' groups by date, as the records give them
            assert found is not None
            made = gathered(records)
            assert _groups(found) == _groups(made)
            if kind == "events":
                events = loaded.events  # (records, typed as its kind's)
                assert _groups(found)["date"] == {
                    date: [i for i, e in enumerate(events) if e.date is date]
                    for date in {e.date for e in events}
                }
    _check_against_scans(loaded)


def _groups(found: Any) -> dict[str, dict[Any, list[int]]]:
    return {
        field: {value: list(at) for value, at in groups.values()}
        for field, groups in found.groups.items()
    }


@given(
    ranked=st.permutations(range(8)),
    positions=st.lists(st.integers(0, 7)),
    others=st.lists(st.integers(0, 7)),
)
def test_a_posting_listed_by_positions_has_the_ranks_of_a_scan(
    ranked: list[int], positions: list[int], others: list[int]
) -> None:
    # A key with many events keeps their positions in date order, tests other ranks by
    # their positions, and makes its ranks when a query needs them: the ranks whose
    # position is one of them, ascending, once each.
    from array import array

    from rightsdata._data.indexes import Listed, Posting

    held = frozenset(positions)
    listed = Listed(array("q", [p for p in ranked if p in held]), held, array("q", ranked))
    expected = tuple(r for r, p in enumerate(ranked) if p in held)
    assert listed.size == len(expected)
    assert list(listed.positions) == [ranked[r] for r in expected]
    kept = [r for r in others if r in expected]
    assert list(listed.keep(others)) == kept == list(listed.keep(iter(others)))
    assert list(Posting(expected).keep(others)) == kept
    assert listed.ranks == expected and listed.ranks is listed.ranks  # made once
    assert list(listed.keep(tuple(others))) == kept
    assert listed.members == frozenset(expected) and listed == Posting(expected)


@given(ranked=st.permutations(range(40)), ranks=st.lists(st.integers(0, 39)))
def test_a_ranked_view_picks_the_same_before_and_after_it_keeps_a_tuple(
    ranked: list[int], ranks: list[int]
) -> None:
    from array import array

    from rightsdata._data.indexes import Ranked

    items = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
    order = Ranked(items, array("q", ranked))
    expected = [items[ranked[r]] for r in ranks]
    assert order.pick(ranks) == expected  # through the ranks
    assert order[1:3] == tuple(items[p] for p in ranked[1:3])
    assert order.pick(iter(ranks)) == expected  # from the tuple kept, if the picks were many
    assert order.pick(ranks) == expected
    # the tuple is kept from the second pick of at least a sixteenth of the items on
    assert (order._kept is not None) == (len(ranks) * 16 >= len(items))
    assert list(order) == [items[p] for p in ranked]
    assert [order[r] for r in range(40)] == list(order)
    assert order.pick(ranks) == expected


def test_the_chronology_puts_one_date_in_several_objects_in_id_order(ds: Dataset) -> None:
    # Parsed dates are shared through a cache that is cleared when it holds 65,536 texts, so
    # a large dataset can hold one date as several objects: their events are one run of
    # the chronology, in ID order, as the events of a date held once are.
    from rightsdata._values import dates

    events = list(ds.events)
    remade = []
    for i, event in enumerate(events):
        if i % 2 and event.date is not None:
            dates._CACHE.clear()
            event = attrs.evolve(event, date=EDTF(str(event.date)))
        remade.append(event)
    assert len({id(e.date) for e in remade}) > len({e.date for e in remade})
    index = EventIndex.build(remade, by_id=True)
    assert list(index.order) == sorted(remade, key=lambda e: date_order(e.date, e.id))
    expected = EventIndex.build(events, by_id=True)
    assert [e.id for e in index.order] == [e.id for e in expected.order]
    assert (index.firsts, index.lasts) == (expected.firsts, expected.lasts)
    assert index.dates == expected.dates


def _oracle(dataset: Dataset) -> Any:
    """The linear scan (``rank``) over every text of ``dataset``: a function of the query."""
    from rightsdata._data.search import SearchEntry, rank
    from rightsdata._data.search.texts import texts_of

    entries = [
        SearchEntry.of(record.id, order, name, field)
        for order, kind in enumerate(KINDS)
        for record in dataset.collection(kind)
        for name, field in texts_of(record)
    ]
    return lambda text: rank(text, entries)


def _queries(dataset: Dataset) -> list[str]:
    """Names, words of titles and misspellings drawn from ``dataset``'s texts."""
    from rightsdata._data.search import normalize
    from rightsdata._data.search.texts import texts_of

    texts = [t for kind in KINDS for r in dataset.collection(kind) for t, _ in texts_of(r)]
    queries = []
    for text in texts[:: max(1, len(texts) // 12)]:
        words = text.split()
        queries += [text, " ".join(words[:2]), words[0][:3]]
        if len(words[0]) > 3:
            queries.append(words[0][:-1] + "x")  # a close spelling
    return [q for q in queries if normalize(q)]  # "ъ" is a letter that normalises away


def test_search_equals_the_linear_scan_on_the_bundled_data() -> None:
    ds = rightsdata.load()
    oracle = _oracle(ds)
    for text in _queries(ds):
        expected = oracle(text)
        for limit in (None, 1, 20):
            wanted = expected if limit is None else expected[:limit]
            assert ids(ds.search(text, limit=limit)) == wanted, text
            assert ids(ds.search(text, limit=limit)) == wanted, text  # from the cache


@settings(max_examples=15, deadline=None)
@given(documents=dataset_documents(max_per_kind=4), data=st.data())
def test_search_equals_the_linear_scan(
    documents: dict[str, list[dict[str, Any]]], data: st.DataObject
) -> None:
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }
    dataset = Dataset(records)
    queries = _queries(dataset)
    if not queries:
        return
    oracle = _oracle(dataset)
    for _ in range(3):
        text = data.draw(st.sampled_from(queries))
        limit = data.draw(st.none() | st.integers(1, 5))
        expected = oracle(text)
        assert ids(dataset.search(text, limit=limit)) == expected[:limit]


def test_search_equals_the_linear_scan_on_the_realistic_shape(tmp_path: Path) -> None:
    """Names drawn from bench/shape.py's data (few distinct words, each in many texts, as
    the benchmark's): every tier, and the close-spelling tier's candidate pruning (by
    length, letters and close words) against the linear scan; long names and repeated
    words included."""
    import sys

    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        import shape  # type: ignore[import-not-found, unused-ignore]  # (bench/, put on the path above)
    finally:
        sys.path.remove(bench)
    dataset = rightsdata.load_path(shape.write_folder(shape.realistic(300), tmp_path / "data"))
    oracle = _oracle(dataset)
    names = [p.name for p in dataset.persons][::7] + [o.name for o in dataset.organizations][::9]
    queries = names + [n.split()[0][:-1] + "x" for n in names if len(n.split()[0]) > 3]
    queries += ["kozlof", "a at", "zhanaozen zhanaozen", "un to of"]
    for text in queries:
        expected = oracle(text)
        for limit in (None, 20, 3):
            assert ids(dataset.search(text, limit=limit)) == expected[:limit], (text, limit)


#: Pieces of odd texts: repeated and close words, case, a NUL, texts that fold to nothing
#: ("-", "ъ"), other scripts, and texts that differ but fold to the same.
ODD_PIECES = [
    "ab",
    "Ab",
    "abc",
    "ba",
    "a",
    "kozlov",
    "kozlof",
    "ab\x00ab",
    "-",
    "ъ",
    "Жа",
    "zha",
    "ß",
]


@st.composite
def odd_records(draw: st.DrawFn) -> list[tuple[str, list[Any]]]:
    """Records of every searchable kind (as the index reads them: their text attributes
    only) whose texts are made of :data:`ODD_PIECES`."""
    from types import SimpleNamespace

    text = st.lists(st.sampled_from(ODD_PIECES), min_size=1, max_size=4).flatmap(
        lambda pieces: st.sampled_from([" ", "-", "\x00", ""]).map(lambda sep: sep.join(pieces))
    )
    optional = st.none() | text
    kinds: list[tuple[str, list[Any]]] = []
    fields: dict[str, Any]
    for kind in KINDS:
        records = []
        for i in range(draw(st.integers(0, 6))):
            record_id = f"{kind}:r{i % 4}"
            if kind in ("persons", "organizations", "groups", "places"):
                aliases = tuple(
                    SimpleNamespace(name=draw(text)) for _ in range(draw(st.integers(0, 2)))
                )
                fields = {"name": draw(text), "aliases": aliases}
            elif kind == "laws":
                fields = {
                    "instrument": draw(text),
                    "article": draw(st.sampled_from([None, "1", "2"])),
                    "part": draw(st.sampled_from([None, "3"])),
                    "title": draw(optional),
                }
            elif kind == "events":
                fields = {"title": draw(text), "summary": draw(optional)}
            elif kind == "sources":
                fields = {"title": draw(text), "note": draw(optional)}
            elif kind == "statements":
                fields = {"summary": draw(text), "quote": draw(optional)}
            else:
                continue
            records.append(SimpleNamespace(kind_name=kind, id=record_id, **fields))
        kinds.append((kind, records))
    return kinds


@settings(max_examples=100, deadline=None)
@given(
    kinds=odd_records(),
    query=st.sampled_from(["ab", "ab ab", "a ab", "zha ab", "abc", "kozlof", "ab kozlov", "ss"]),
    limit=st.none() | st.integers(1, 5),
    bitmap_from=st.sampled_from([1, 64]),
)
def test_the_built_index_searches_odd_texts_as_the_linear_scan(
    kinds: list[tuple[str, list[Any]]], query: str, limit: int | None, bitmap_from: int
) -> None:
    """SearchIndex.build (texts read as columns, folded together, words with repeats)
    against the linear scan over texts_of, on texts with a NUL, texts that fold to nothing
    or to the same text, other scripts and repeated words."""
    from rightsdata._data.search import SearchEntry, SearchIndex, postings, rank
    from rightsdata._data.search.texts import texts_of

    entries = [
        SearchEntry.of(r.id, order, text, field)
        for order, (_, records) in enumerate(kinds)
        for r in records
        for text, field in texts_of(r)
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_BITMAP_FROM", bitmap_from)
        assert SearchIndex.build(kinds).search(query, limit) == rank(query, entries)[:limit]


def test_a_close_spelling_of_every_query_word_is_close_whatever_the_rounding() -> None:
    """Six query words each 80% similar to the text's word: their mean, summed in floats,
    is 0.7999999999999999; both the linear scan and the index take the text."""
    from rightsdata._data.search import SearchEntry, SearchIndex, rank

    entries = [SearchEntry.of("person:a", 1, "Ab", 0)]
    query = "xab yab zab wab vab uab"
    assert rank(query, entries) == ["person:a"]
    assert SearchIndex(entries).search(query) == ["person:a"]


CLOSE_WORDS = ["at", "act", "a", "cat", "kozlov", "kozlova", "kozlof", "vladimir", "vladimr"]


@settings(max_examples=150)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(CLOSE_WORDS), min_size=1, max_size=5), min_size=0, max_size=25
    ),
    query=st.lists(st.sampled_from(CLOSE_WORDS), min_size=1, max_size=4),
    limit=st.none() | st.integers(1, 4),
    fields=st.lists(st.integers(0, 3), min_size=25, max_size=25),
    bitmap_from=st.sampled_from([0, 10**9]),
)
def test_the_close_spelling_tier_ranks_as_the_linear_scan(
    texts: list[list[str]],
    query: list[str],
    limit: int | None,
    fields: list[int],
    bitmap_from: int,
) -> None:
    """Texts of words one or two letters apart ("at", "act", "cat"), of lengths near the
    query's: the candidates the index skips for their length, letters or words are those
    the linear scan finds no close spelling in (the texts holding a close word of every
    query word from kept bitmaps, or from bitmaps made then)."""
    from rightsdata._data.search import SearchEntry, SearchIndex, postings, rank

    entries = [
        SearchEntry.of(f"person:r{i % 7}", i % 3, " ".join(words), fields[i])
        for i, words in enumerate(texts)
    ]
    text = " ".join(query)
    expected = rank(text, entries)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_BITMAP_FROM", bitmap_from)
        assert SearchIndex(entries).search(text, limit) == expected[:limit]


@settings(max_examples=100)
@given(
    entries=search_entries(),
    queries=st.lists(
        st.lists(
            st.sampled_from([*ENTRY_WORDS, "kozlof", "vladimr", "januar", "bloddy"]),
            min_size=1,
            max_size=3,
        ),
        min_size=2,
        max_size=6,
    ),
)
def test_one_index_answers_queries_sharing_words_as_the_linear_scan(
    entries: list[Any], queries: list[list[str]]
) -> None:
    """An index asked several queries (its query words' close words kept from one query
    to the next) answers each as the linear scan does."""
    from rightsdata._data.search import SearchIndex, rank

    index = SearchIndex(entries)
    for asked in queries:
        text = " ".join(asked)
        assert index.search(text) == rank(text, entries), text


LETTERS = st.text(alphabet="aabkoé ж", min_size=1, max_size=12)


@settings(max_examples=200)
@given(query=LETTERS, texts=st.lists(LETTERS, max_size=12))
def test_the_letters_bound_is_difflibs_quick_ratio(query: str, texts: list[str]) -> None:
    """The close-spelling tier's bound, worked out for many texts at once (a bytes bound
    first, past 8 texts, then exact counts), keeps exactly the texts whose difflib
    ``quick_ratio`` reaches 80%, with that ratio; repeated and non-ASCII letters
    included."""
    import difflib

    from rightsdata._data.search.similarity import CLOSE_ENOUGH, _close_enough, _Letters

    for listed in (texts, texts * 3):  # fewer and more than 8 texts
        expected = []
        for text in listed:
            ratio = difflib.SequenceMatcher(None, query, text, autojunk=False).quick_ratio()
            if ratio >= CLOSE_ENOUGH:
                expected.append((text, ratio))
        assert _close_enough(_Letters.of(query), listed) == expected


@settings(max_examples=500)
@given(
    a=st.text(alphabet="aab c", max_size=14) | st.text(max_size=6),
    b=st.text(alphabet="aab c", max_size=14) | st.text(max_size=6),
)
def test_the_similarity_is_difflibs(a: str, b: str) -> None:
    """The index's similarity, worked out without difflib's class, is difflib's ratio to
    the last bit (repeated letters, ties between runs of the same length, empty texts)."""
    import difflib

    from rightsdata._data.search.similarity import _ratio

    assert _ratio(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


MASK_WORDS = st.text(alphabet="aaabbkoz09éжß_", min_size=1, max_size=6) | st.sampled_from(
    ["a" * 40, "b" * 130, "aaab", "kozlov"]
)


@settings(max_examples=300)
@given(
    query=st.lists(MASK_WORDS, min_size=1, max_size=4),
    texts=st.lists(st.lists(MASK_WORDS, min_size=1, max_size=5), max_size=10),
)
def test_the_letter_masks_bound_the_letters_matched(
    query: list[str], texts: list[list[str]]
) -> None:
    """The masks of the close-spelling tier (a text's counts from its words', repeated
    words, digits, non-ASCII letters and texts of 128 letters or more included) never
    bound a text's letters matched below difflib's: a text they drop could not be 80%
    similar to the query."""
    from collections import Counter

    from rightsdata._data.search import SearchEntry, normalize
    from rightsdata._data.search.similarity import _letter_masks, _query_mask

    normalized = normalize(" ".join(query))
    if not normalized:
        return
    entries = [SearchEntry.of("person:a", 1, " ".join(words), 0) for words in texts]
    masks = _letter_masks([e.text for e in entries], [e.words for e in entries])
    query_mask, slack = _query_mask(normalized)
    wanted = Counter(normalized)
    for entry, mask in zip(entries, masks, strict=True):
        held = Counter(entry.text)
        matched = sum(min(n, held[c]) for c, n in wanted.items())  # difflib's quick_ratio
        assert matched <= (query_mask & mask).bit_count() + slack
        exact = normalized.isascii() and all(n <= 3 for n in wanted.values())
        if exact and entry.text.isascii() and len(entry.text) < 128:  # the bound is exact
            assert matched == (query_mask & mask).bit_count() + slack


@settings(max_examples=200)
@given(
    text=st.lists(st.sampled_from(["a", "ab", "ba", "b", "abc", "ж"]), min_size=1, max_size=4),
    query=st.lists(st.sampled_from(["a", "ab", "b", "bc", "ж", "c"]), min_size=1, max_size=3),
)
def test_the_word_match_test_is_the_scans(text: list[str], query: list[str]) -> None:
    """The close-spelling tier tells word matches (tiers 0 to 2) by substrings after a
    space: the same answer as the linear scan's word by word comparison."""
    from rightsdata._data.search import SearchEntry, normalize
    from rightsdata._data.search.ranking import _is_word_match, _score

    entry = SearchEntry.of("person:a", 1, " ".join(text), 0)
    normalized = normalize(" ".join(query))
    words = normalized.split()
    score = _score(normalized, words, entry)
    expected = score is not None and score[0] <= 2
    assert _is_word_match(normalized, [f" {q}" for q in words], entry.text) == expected


@settings(max_examples=150)
@given(entries=search_entries(), data=st.data())
def test_the_entries_of_texts_come_in_order(entries: list[Any], data: st.DataObject) -> None:
    """A word's entries, worked out lazily from the distinct texts holding it (texts held
    by several entries included), come ascending, each once, and are those texts'."""
    from rightsdata._data.search.index import _Part

    ordered = sorted(entries)
    part = _Part([e[:5] for e in ordered], {e.text: e.text.split() for e in ordered})
    numbers = sorted(
        data.draw(st.lists(st.integers(0, max(0, len(part.numbered) - 1)), max_size=12))
        if part.numbered
        else []
    )
    expected = sorted(p for n in set(numbers) for p in part.positions[part.numbered[n]])
    assert list(part.entries_of(numbers)) == expected
    assert all(
        ordered[p].text == part.numbered[n]
        for n in numbers
        for p in part.positions[part.numbered[n]]
    )


def test_dataset_says_what_it_takes_when_given_a_list(ds: Dataset) -> None:
    event = next(iter(ds.events))
    with pytest.raises(
        TypeError, match=r"mapping from each record kind to its records.*not a list"
    ):
        Dataset([event])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown record kinds: <Event"):
        Dataset({event: [event]})  # type: ignore[type-var]
    kinds = {k: list(ds.collection(k)) for k in KINDS}  # the mapping it takes
    assert len(Dataset(kinds).events) == len(ds.events)
    given = {k: iter(v) for k, v in kinds.items()}  # an iterator for each kind is read once
    assert len(Dataset(given).events) == len(ds.events)  # type: ignore[arg-type]
    person = next(iter(ds.persons))  # records given by an iterator are checked too
    with pytest.raises(InvalidDataError, match=r"is used twice; first at persons\[0\]"):
        Dataset({"persons": iter([person, person])})  # type: ignore[dict-item]


def test_dataset_refuses_an_unknown_kind_name_as_a_value_out_of_range() -> None:
    with pytest.raises(
        ValueError, match=r"^unknown record kinds: people; the kinds are sources, persons, "
    ):
        Dataset({"people": []})


def test_dataset_refuses_a_record_of_another_kind(ds: Dataset) -> None:
    """Each kind's list takes records of its class only: a TypeError names the kind, the
    index, the record's ID and the class found and expected."""
    records = {k: list(ds.collection(k)) for k in KINDS}
    event = records["events"].pop(0)
    records["persons"].append(event)
    index = len(records["persons"]) - 1
    with pytest.raises(TypeError) as info:
        Dataset(records)
    assert str(info.value) == (
        f"Dataset got values not of their kind: persons[{index}] {event.id} is an Event, "
        "not a Person"
    )
    with pytest.raises(TypeError, match=r"^.*: persons\[0\] is an int \(5\), not a Person$"):
        Dataset({"persons": [5]})  # type: ignore[list-item]
    person = next(iter(ds.persons))
    with pytest.raises(TypeError, match=r"events\[1\] is a dict, not an Event$"):
        Dataset({"persons": [person], "events": [event, {"id": event.id}]})  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"persons\[9\] [^;]*; and 2 more$"):
        Dataset({"persons": [event] * 12})
    for value, named in ((5, "an int (5)"), (None, "None"), ("person:a", "a str ('person:a')")):
        with pytest.raises(TypeError, match=f"'persons' has {re.escape(named)}$"):
            Dataset({"persons": value})  # type: ignore[dict-item]


def test_the_figures_docs_name_every_kind_that_holds_figures(ds: Dataset) -> None:
    # groups hold figures (ds.figures takes one), but the docs listed the other kinds only

    import attrs

    from rightsdata._data.answers import Figures
    from rightsdata._model.records import RECORD_TYPES
    from rightsdata._values.ids import noun

    holders = [noun(k) for k, cls in RECORD_TYPES.items() if "figures" in attrs.fields_dict(cls)]
    docs = ROOT / "docs"
    queries = (docs / "queries.md").read_text(encoding="utf-8").split("## `ds.figures", 1)[1]
    for text in (Dataset.figures.__doc__, Figures.__doc__, queries[:400]):
        said = " ".join(str(text).split())
        assert all(re.search(rf"\ban? {kind}\b", said) for kind in holders), said[:300]
    ds.figures(ds.groups[0])  # a group is a holder


def test_the_search_docs_name_every_kind_searched(ds: Dataset) -> None:
    # Dataset.search said "persons, organisations, places and laws" ("a law's title is not
    # searched"), and docs/queries.md left groups out: every kind below is searched

    found = {
        "group": ds.search(ds.groups[0].name, limit=1)[0],
        "event": ds.search(ds.events[0].title, limit=1)[0],
        "statement": ds.search(ds.statements[0].summary, limit=1)[0],
        "source": ds.search(ds.sources[0].title, limit=1)[0],
    }
    assert [r.id.split(":")[0] for r in found.values()] == [*found]
    said = " ".join(str(Dataset.search.__doc__).split())
    assert "is not searched" not in said
    for words in ("organisation, group or place", "an event's or a source's title"):
        assert words in said
    docs = ROOT / "docs" / "queries.md"
    assert "organisation's, group's or place's `name`" in docs.read_text(encoding="utf-8")


def test_the_dataset_constructor_shows_only_public_parameters() -> None:
    import inspect

    parameters = inspect.signature(Dataset).parameters
    assert list(parameters) == [
        "records",
        "name",
        "version",
        "descriptor",
        "redirects",
        "base",
        "strict",
    ]


# --- empty filters ----------------------------------------------------------------------------


def test_every_filter_of_several_values_refuses_an_empty_collection(ds: Dataset) -> None:
    """One rule for every query argument that takes a collection of values: an empty one
    would keep nothing (almost always a bug), so it is a ValueError naming what is empty,
    whatever the collection's type; None means no filter."""
    calls: dict[str, Callable[[Any], object]] = {
        "record kind": lambda empty: ds.search("kozlov", kinds=empty),
        "event kind": lambda empty: ds.events(kind=empty),
        "statement kind": lambda empty: ds.statements(kind=empty),
    }
    for what, call in calls.items():
        empties: tuple[Iterable[str], ...] = ([], (), set(), iter(()))
        for empty in empties:
            with pytest.raises(ValueError, match=f"^no {what} given: an empty collection "):
                call(empty)
    # None is no filter: everything the query finds without one
    assert ds.search("kozlov", kinds=None) == ds.search("kozlov")
    assert ds.events(kind=None) == ds.events() and len(ds.events()) == len(ds.events)
    assert ds.statements(kind=None) == ds.statements() and len(ds.statements()) > 0
    with pytest.raises(ValueError, match=r"^no event kind given: "):
        ds.plot_timeline(KOZLOV, kind=[])


# --- figures: strict and inclusive bounds -----------------------------------------------------


def _claims(*claims: tuple[str, int | None, int | None, int | None]) -> Figures:
    figures = tuple(
        rightsdata.Figure(
            measure=Measure.KILLED,
            unit=FigureUnit.PEOPLE,
            qualifier=FigureQualifier(qualifier),
            low=low,
            best=best,
            high=high,
            citations=(rightsdata.Citation(source="source:a"),),
        )
        for qualifier, low, best, high in claims
    )
    return Figures(record="event:a", measure=Measure.KILLED, figures=figures)


@pytest.mark.parametrize(
    ("claims", "shown"),
    [
        ([("less_than", None, None, 7)], "less than 7 people"),
        ([("at_most", None, None, 7)], "at most 7 people"),
        ([("more_than", 60, None, None)], "more than 60 people"),
        ([("at_least", 15, None, None)], "at least 15 people"),
        ([("exact", None, 8, None)], "8 people"),
        ([("exact", None, 1, None)], "1 person"),
        ([("between", 5, None, 9)], "between 5 and 9 people"),
        ([("exact", None, 8, None), ("exact", None, 8, None)], "8 people"),  # the same claim
        (
            [("less_than", None, None, 7), ("exact", None, 7, None)],
            "7 people, one claim open-ended (less than 7), disagree",
        ),
        (
            [("less_than", None, None, 7), ("exact", None, 10, None)],
            "7 to 10 people, one claim open-ended (less than 7), disagree",
        ),
        # the top was ">=17": open only through "at least 15", and no claim said "at least 17"
        (
            [("at_least", 15, None, None), ("exact", None, 15, None), ("exact", None, 17, None)],
            "15 to 17 people, one claim open-ended (at least 15), disagree",
        ),
        (
            [
                ("exact", None, 200, None),
                ("more_than", 200, None, None),
                ("more_than", 220, None, None),
            ],
            "200 to 220 people, 2 claims open-ended (more than 200, more than 220), disagree",
        ),
        (
            [("at_most", None, None, 3), ("more_than", 9, None, None)],
            # (every claim leaves an end open: no range they may all exclude)
            "at most 3 or more than 9 people, disagree",
        ),
        # "7 people" was shown, though both claims exclude 7: each one's words instead
        (
            [("less_than", None, None, 7), ("more_than", 7, None, None)],
            "less than 7 or more than 7 people, disagree",
        ),
        (
            [("at_least", 7, None, None), ("about", None, 7, None)],
            "at least 7 or about 7 people, disagree",
        ),
        # "about" was dropped: "10 people" where one claim said "about 10"
        (
            [("exact", None, 10, None), ("about", None, 10, None)],
            "10 people, one claim approximate (about 10), disagree",
        ),
        (
            [("about", None, 30, None), ("about", None, 40, None)],
            "30 to 40 people, 2 claims approximate (about 30, about 40), disagree",
        ),
        # "about 30" alone is "about 30 people", and so beside a claim of no number
        (
            [("about", None, 30, None), ("imprecise", None, None, None)],
            # (a claim of no number is weighed against none: no disagreement)
            "about 30 people, one claim with no number",
        ),
        (
            [
                ("more_than", 10, None, None),
                ("more_than", 10, None, None),
                ("imprecise", None, None, None),
            ],
            "more than 10 people, one claim with no number",
        ),
        # the bottom was "<=3": "less than 7" and "exactly 3" claim nothing at most 3
        (
            [("less_than", None, None, 7), ("exact", None, 3, None)],
            "3 to 7 people, one claim open-ended (less than 7), disagree",
        ),
        (
            [("exact", None, 5, None), ("imprecise", None, None, None)],
            "5 people, one claim with no number",
        ),
        # "less than 5" and "more than 20" both exclude 5 to 20: each in its words
        (
            [("less_than", None, None, 5), ("more_than", 20, None, None)],
            "less than 5 or more than 20 people, disagree",
        ),
        (
            [("at_least", 2, None, None), ("at_least", 2, None, None), ("exact", None, 4, None)],
            "2 to 4 people, 2 claims open-ended (at least 2), disagree",
        ),
    ],
)
def test_a_figures_repr_says_what_the_claims_say(
    claims: list[tuple[str, int | None, int | None, int | None]], shown: str
) -> None:
    """No bound is shown that no claim made, and the numbers carry their unit."""
    figures = _claims(*claims)
    assert (
        repr(figures)
        == f"<Figures event:a killed: {len(claims)} claim{'s' * (len(claims) > 1)}, {shown}>"
    )


def _worded(*claims: tuple[str, int | None, str | None]) -> Figures:
    """Figures of claims given as (qualifier, best, the source's words)."""
    plain = _claims(*((qualifier, None, best, None) for qualifier, best, _ in claims))
    figures = tuple(
        attrs.evolve(figure, as_given=words)
        for figure, (_, _, words) in zip(plain.figures, claims, strict=True)
    )
    return attrs.evolve(plain, figures=figures)


@pytest.mark.parametrize(
    ("claims", "shown"),
    [
        # "thousands" and "dozens" are both an unstated number: only the words differ
        (
            [("imprecise", None, "thousands"), ("imprecise", None, "dozens")],
            "2 claims, an unstated number of people ('thousands', 'dozens')",
        ),
        ([("imprecise", None, "thousands")], "1 claim, an unstated number of people ('thousands')"),
        (
            [("imprecise", None, "thousands"), ("imprecise", None, "thousands")],
            "2 claims, an unstated number of people ('thousands')",
        ),
        ([("imprecise", None, None)], "1 claim, an unstated number of people"),
        (
            [("exact", 5, "five"), ("imprecise", None, "dozens")],
            "2 claims, 5 people, one claim with no number ('dozens')",
        ),
        (
            [("imprecise", None, w) for w in ("a", "b", "c", "d", "e")],
            "5 claims, an unstated number of people ('a', 'b', 'c', and 2 more)",
        ),
    ],
)
def test_claims_of_no_number_are_shown_in_their_words(
    claims: list[tuple[str, int | None, str | None]], shown: str
) -> None:
    """A summary never makes claims that differ look alike: where no number is stated, the
    source's words are what the claims say."""
    assert repr(_worded(*claims)) == f"<Figures event:a killed: {shown}>"


def test_an_unknown_id_suggests_ids_of_its_kind_spelled_like_it_when_shown(ds: Dataset) -> None:
    with pytest.raises(UnknownIdError) as missing:
        ds.persons["person:vladmir-kozlov"]
    assert str(missing.value) == (
        "no person has the id 'person:vladmir-kozlov'; did you mean 'person:vladimir-kozlov'?"
    )
    with pytest.raises(UnknownIdError, match=r"did you mean 'event:kozlov-verdict-2012-10-08'"):
        ds.related("event:kozlov-verdict-2012-10-09")
    # an ID of a kind the call does not take: told what it takes, not the event meant
    with pytest.raises(UnknownIdError) as other_kind:
        ds.timeline("event:kozlov-verdict-2012-10-09")
    assert other_kind.value.hint == (
        "a person, an organisation, a group or a place is wanted here, like 'person:aarti-narsee'"
    )
    with pytest.raises(UnknownIdError) as unlike:
        ds.get("person:zzzz")
    assert unlike.value.hint is None
    # the search runs only when the hint is read: code that expects misses never pays for it
    looked: list[bool] = []

    def among() -> list[str]:
        looked.append(True)
        return ["person:jane-doe"]

    error = UnknownIdError("person:jane-do", among=among)
    assert looked == []
    assert error.hint == "did you mean 'person:jane-doe'?" and looked == [True]
    assert error.hint == "did you mean 'person:jane-doe'?" and looked == [True]  # once


def test_spelling_suggests_nothing_from_too_many_choices() -> None:
    from rightsdata._values.spelling import MAX_CHOICES, close

    many = [f"name-{n:06}" for n in range(MAX_CHOICES + 1)]
    assert close("name-00000", many) == []
    assert sorted(close("name-00000", many[:3])) == many[:3]
    # (a word that is one of the choices is the one meant, alone)
    assert close("name-000001", many[:3]) == ["name-000001"]


def test_a_country_code_in_small_letters_is_told_its_capitals(ds: Dataset) -> None:
    said = "no country has the id 'kz'; a country's code is two capital letters: 'KZ'"
    for ask in (lambda: ds.country("kz"), lambda: ds.events(place="kz")):
        with pytest.raises(UnknownIdError) as error:
            ask()
        assert str(error.value) == said
    with pytest.raises(UnknownIdError, match=r"no place of kind country has this code \(codes: BR"):
        ds.events(place="xx")


def test_a_set_is_found_by_a_window_meeting_one_of_its_dates() -> None:
    dataset = build(
        {
            "events": [
                dated("event:either", "[2022-01-14,2022-01-20]"),
                dated("event:range", "[2011-12-16..2012-01-31]"),
                dated("event:by", "[..2010-05]"),
                dated("event:plain", "2022-01-17"),
            ],
            "statements": [
                {
                    "id": "statement:either",
                    "speaker": "person:a",
                    "kind": "other",
                    "summary": "Said on one of two days.",
                    "date": "[2022-01-14,2022-01-20]",
                    "citations": [CITE],
                }
            ],
            "persons": [person_doc()],
        }
    )

    def found(start: str | None, end: str | None) -> list[str]:
        return [e.id for e in dataset.events(between=(start, end))]

    assert found("2022-01-14", "2022-01-14") == ["event:either"]
    assert found("2022-01-16", "2022-01-18") == ["event:plain"]  # between its two days
    assert found("2022-01", "2022-01") == ["event:plain", "event:either"]  # by last day
    assert found("2022-01-18", None) == ["event:either"]
    assert found("2012-01-31", "2012-02") == ["event:range"]
    assert found(None, "2009") == ["event:by"]
    with patch.object(query, "_SMALL", 0):  # the date index driving, the kind filtering
        assert [e.id for e in dataset.events(kind="verdict", between=("2022-01-15", None))] == [
            "event:plain",
            "event:either",
        ]
    assert [s.id for s in dataset.statements(between=("2022-01-16", "2022-01-18"))] == []
    assert [s.id for s in dataset.statements(between=("2022-01-20", None))] == ["statement:either"]


@settings(max_examples=200)
@given(
    st.lists(st.integers(0, 60), max_size=40),
    st.lists(st.tuples(st.integers(1, 12), st.sampled_from([0, 1])), max_size=6),
    st.integers(0, 40),
)
def test_a_window_drops_the_ranks_of_sets_that_fall_in_its_gaps(
    found: list[int], runs: list[tuple[int, int]], day: int
) -> None:
    # runs of ranks dated by a set (in rank order, as the indexes make them), some of whose
    # dates meet the window; few found ranks are looked up by bisection, many by a set
    from rightsdata._data.query import _in_a_date

    members = EDTF("[2012-01-01,2012-01-10]")  # meets a window on the 1st or 10th only
    lo = hi = datetime.date(2012, 1, 1).toordinal() + day  # (days are ordinals)
    sets, start = [], 0
    for length, gap in runs:
        sets.append((start, start + length, members))
        start += length + gap
    meets = members.overlaps(EDTF(str(datetime.date.fromordinal(lo))))
    apart = set() if meets else {r for a, b, _ in sets for r in range(a, b)}
    assert _in_a_date(iter(found), sets, lo, hi) == [r for r in found if r not in apart]


@pytest.mark.parametrize(
    ("arguments", "hint"),
    [
        ({"place": "almaty"}, "did you mean 'place:almaty'"),  # its kind left out
        ({"place": "almatyy"}, "did you mean 'place:almaty'"),
        ({"involving": "vladimir-kozlov"}, "did you mean 'person:vladimir-kozlov'"),
        # a place's, not a person's
        ({"place": "nowhere-at-all"}, "IDs are a kind and a name, like 'place:"),
    ],
)
def test_an_id_without_its_kind_is_told_ids_of_the_kinds_the_argument_takes(
    ds: Dataset, arguments: dict[str, Any], hint: str
) -> None:
    with pytest.raises(UnknownIdError) as info:
        ds.events(**arguments)
    assert info.value.hint is not None and info.value.hint.startswith(hint)


def test_an_unknown_id_is_told_in_the_words_of_the_dataset_in_hand() -> None:
    """Every lookup of an ID words a miss one way (Queries.suggestion), from the dataset in
    hand: never a bundled ID ('IDs look like person:vladimir-kozlov' was hard-coded)."""
    from rightsdata._display.marks import subject_events

    country = {**place_doc("place:freedonia", name="Freedonia"), "kind": "country"}
    data = build(
        {
            "persons": [person_doc(), person_doc("person:jane-doe", name="Jane Doe")],
            "places": [country, place_doc("place:fredville", "place:freedonia", "Fredville")],
            "events": [event_doc()],
        }
    )

    # a miss caught costs no search: the queries are set up only when a hint is read
    assert data.persons.get("person:nobody") is None and "person:nobody" not in data.persons
    with pytest.raises(KeyError):
        data.persons["Jane Doe"]
    assert data._queries._queries is None

    def hint(call: Any) -> str | None:
        with pytest.raises(UnknownIdError) as info:
            call()
        assert "kozlov" not in str(info.value)
        return info.value.hint

    # a name given for an ID: the same hint from each call that takes a person
    jane = "did you mean 'person:jane-doe'?"
    for call in (
        lambda: data.get("Jane Doe"),
        lambda: data.timeline("Jane Doe"),
        lambda: data.related("Jane Doe"),
        lambda: data.events(involving="Jane Doe"),
        lambda: data.persons["Jane Doe"],
        lambda: data.get("Jane Doe", Person),
        lambda: data.get("person:jane-do"),
        lambda: data.statements(speaker="jane-doe"),
        lambda: subject_events(data, "Jane Doe"),
    ):
        assert hint(call) == jane
    # nothing like it: an example of the ID form, of the kinds the call takes, from this data
    assert hint(lambda: data.get("qqqq")) == "IDs are a kind and a name, like 'person:a'"
    assert hint(lambda: data.timeline("qqqq")) == "IDs are a kind and a name, like 'person:a'"
    assert hint(lambda: data.events(place="qqqq")) == (
        "IDs are a kind and a name, like 'place:fredville'"
    )
    assert hint(lambda: data.cited_by("qqqq")) == "IDs are a kind and a name, like 'source:doc'"
    assert hint(lambda: data.get("person:qqqq")) is None
    # a place: by its name, or its country's code where a place is taken
    by_place: tuple[Callable[[], object], ...] = (
        lambda: data.rating_on("freedona", "2020"),
        lambda: data.ratings(country="Freedonia"),
        lambda: data.events(place="freedonia"),
        lambda: data.get("KZ"),
        lambda: data.places["kz"],
    )
    for by_name in by_place:
        assert hint(by_name) == "did you mean 'place:freedonia'?"
    assert hint(lambda: data.events(involving="KZ")) == (
        "'KZ' is the country code of 'place:freedonia' (events take it as their place); a "
        "person, an organisation or a group is wanted here, like 'person:a'"
    )
    assert data.events(place="KZ") == data.events(place="place:freedonia")
    assert data.timeline("KZ") == data.events(place="place:freedonia")  # (a timeline takes one)


def test_two_letters_are_told_of_the_countries_only(ds: Dataset) -> None:
    """Two letters given for an ID are a country's code (docs/queries.md "Countries"): the
    hint names its place, or the codes there are in the words of ``ds.country``, never what a
    search of the texts found ('US' suggested a Guinea event and two statements)."""

    def hint(record_id: str, *types: type) -> str | None:
        with pytest.raises(UnknownIdError) as info:
            ds.get(record_id, types) if types else ds.get(record_id)
        return info.value.hint

    with pytest.raises(UnknownIdError) as info:
        ds.country("US")
    no_country = info.value.hint
    assert no_country is not None and no_country.startswith(
        "no place of kind country has this code (codes: BR, BY, "
    )
    for code in ("US", "us", "IN", "in", "to", "Wu"):  # ('IN': the International Bar Assoc.)
        assert hint(code) == no_country
    assert hint("KZ") == hint("kz") == "did you mean 'place:kazakhstan'?"  # (not also an event)
    assert ds.events(place="KZ")  # where a place is taken, a code is read as one
    # a letter and a digit are no code ('X1'.isupper() is true), and too short to search
    assert query.country_code("X1") is None
    assert hint("x1") == hint("a") == "IDs are a kind and a name, like 'person:aarti-narsee'"
    assert hint("ab-") == hint("a")
    # from three letters on, a name given for an ID is searched for
    kozlov = hint("Kozlov")
    assert kozlov is not None and "'person:vladimir-kozlov'" in kozlov


def test_two_letters_are_a_country_code_only_where_a_place_is_taken(
    ds: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where the call takes no place, two letters are an ID of the kinds it takes: never told
    the country codes (``ds.persons["US"]`` listed them all), and a code a country has is said
    to be one, not offered as a place the call refuses (``events(involving="KZ")``)."""
    from rightsdata._cli.main import main

    def hint(call: Any) -> str:
        with pytest.raises(UnknownIdError) as info:
            call()
        said = info.value.hint
        assert said is not None
        return said

    example = "IDs are a kind and a name, like 'person:aarti-narsee'"
    assert hint(lambda: ds.persons["US"]) == hint(lambda: ds.persons["al"]) == example
    assert hint(lambda: ds.events(involving="US")) == example
    assert "codes:" not in hint(lambda: ds.events(involving="to"))
    assert hint(lambda: ds.cited_by("US")) == (
        "IDs are a kind and a name, like 'source:civicus-kazakhstan-country-page'"
    )
    # a code a country has: said to be one, and where an actor is taken, what takes it
    actor = (
        "'KZ' is the country code of 'place:kazakhstan' (events take it as their place); a "
        "person, an organisation or a group is wanted here, like 'person:aarti-narsee'"
    )
    assert hint(lambda: ds.events(involving="KZ")) == actor
    assert hint(lambda: ds.events(involving="kz")) == actor
    assert hint(lambda: ds.cited_by("KZ")) == (
        "'KZ' is the country code of 'place:kazakhstan'; a source is wanted here, like "
        "'source:civicus-kazakhstan-country-page'"
    )
    assert hint(lambda: ds.persons["KZ"]) == (  # (a lookup of one kind: no events named)
        "'KZ' is the country code of 'place:kazakhstan'; a person is wanted here, like "
        "'person:aarti-narsee'"
    )
    with pytest.raises(ValueError, match="is a place"):
        ds.events(involving="place:kazakhstan")  # (what the old hint pointed at)
    # the command line words it the same (one function)
    assert main(["events", "--involving", "KZ"]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert said.endswith(f"no record has the id 'KZ' in kazakhstan; {actor}")


@pytest.mark.parametrize(
    ("given", "searched"),
    [
        ("Ko", False),  # Latin: two letters are not searched, three are
        ("Koz", True),
        ("Коз", True),  # Cyrillic, counted as given: 'Шо' was searched as 'sho'
        ("Шо", False),
        ("Ақ", False),
        ("Щ", False),
        ("person:ko", False),  # an ID's name part: not matched inside names either
        ("person:koz", True),
    ],
)
def test_names_are_searched_for_from_three_letters_or_digits_as_given(
    ds: Dataset, given: str, searched: bool
) -> None:
    """``SEARCHED_FROM`` counts the letters and digits given, not those of the folded text
    ('Шо' folds to 'sho', 'Щ' to 'shch', while 'Ақ' folds to 'ak'). Any kind is asked for but
    where two ASCII letters would be a country's code ('Ko'): a person."""
    with pytest.raises(UnknownIdError) as info:
        ds.get(given, Person) if given.isascii() else ds.get(given)
    said = info.value.hint or ""
    assert ("did you mean" in said) is searched, said
    if searched:
        assert "'person:vladimir-kozlov'" in said


@pytest.mark.parametrize("given", ["ß", "ﬁ"])
def test_a_letter_that_is_two_in_capitals_is_no_country_code(ds: Dataset, given: str) -> None:
    """Two ASCII letters are tested before changing case: 'ß'.upper() is 'SS' and
    'ﬁ'.upper() is 'FI' (told 'did you mean place:finland' and the country codes)."""
    for call in (lambda: ds.get(given), lambda: ds.events(place=given)):
        with pytest.raises(UnknownIdError) as info:
            call()
        assert info.value.hint is not None
        assert "codes:" not in info.value.hint and "finland" not in info.value.hint
    with pytest.raises(UnknownIdError) as info:
        ds.country(given)
    assert "two capital letters" not in str(info.value)
    assert query.code_in_any_case(given) is None
    assert query.code_in_any_case("kz") == "KZ"


def test_related_takes_a_countrys_code_for_its_place(ds: Dataset) -> None:
    """related() takes a record of any kind, a place too, so a country's code stands for
    its place there as in statements(about=), timeline and events(place=)."""
    assert ds.related("KZ") == ds.related("place:kazakhstan")
    assert len(ds.statements(about="KZ")) == len(ds.statements(about="place:kazakhstan"))
    with pytest.raises(UnknownIdError, match="two capital letters: 'KZ'"):
        ds.related("kz")


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda ds: ds.events(kind=Role.VICTIM), "not a role (Role.VICTIM)"),
        (lambda ds: ds.events(role=EventKind.ARREST), "not an event kind (EventKind.ARREST)"),
        # ('other' is a term of both: taken silently as the other vocabulary's before)
        (lambda ds: ds.events(role=EventKind.OTHER), "not an event kind (EventKind.OTHER)"),
        (lambda ds: ds.events(kind=[EventKind.ARREST, Role.OTHER]), "not a role (Role.OTHER)"),
    ],
)
def test_another_vocabularys_term_is_a_type_error_naming_it(
    ds: Dataset, call: Callable[[Dataset], object], said: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(said)):
        call(ds)


def test_several_terms_in_one_text_are_told_to_be_a_list(ds: Dataset) -> None:
    with pytest.raises(ValueError, match=re.escape("pass them as a list, ['arrest', 'verdict']")):
        ds.events(kind="arrest,verdict")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="did you mean 'arrest'"):  # (not all terms)
        ds.events(kind="arrest,nope")  # type: ignore[arg-type]


@pytest.mark.parametrize("date", ["2022-13-01", "2022", 3, None, ""])
def test_rating_ons_day_is_named_in_every_refusal(ds: Dataset, date: object) -> None:
    with pytest.raises((TypeError, ValueError)) as raised:
        ds.rating_on("KZ", date)  # type: ignore[arg-type]
    assert str(raised.value).startswith("rating_on: the day "), str(raised.value)
    assert "not a date: " not in str(raised.value).partition("the day ")[0]


@pytest.mark.parametrize(
    ("between", "told"),
    [
        (EDTF("2012/2013"), "pass the window: `between=('2012', '2013')`"),
        (EDTF("2012/.."), "pass the window: `between=('2012', None)`"),
        (EDTF("2012"), "pass the window: `between=('2012', '2012')`"),
        (EDTF("[2012,2014]"), "a set is no window: ask of each of its dates in turn"),
    ],
)
def test_an_edtf_given_as_the_window_is_told_the_pair(
    ds: Dataset, between: EDTF, told: str
) -> None:
    """An EDTF value is told the pair its text is told, never '(d, d)' for an interval,
    which a side refuses."""
    with pytest.raises(TypeError, match=re.escape(told)):
        ds.events(between=between)  # type: ignore[arg-type]


def test_a_position_past_the_end_names_the_collection(ds: Dataset) -> None:
    count = len(ds.events)
    with pytest.raises(IndexError, match=f"events: no record at position {count}: .*{count} rec"):
        ds.events[count]
    assert ds.events[-count] == ds.events[0]


def test_a_range_of_no_stated_meaning_and_one_of_uncertainty_read_as_one_claim() -> None:
    # disagree reads a range's null meaning as uncertainty, its default: so does the repr,
    # which showed "10 to 20 people" for two claims that both say "between 10 and 20"
    plain = _claims(("between", 10, None, 20), ("between", 10, None, 20))
    said = attrs.evolve(plain.figures[1], range_meaning=RangeMeaning.UNCERTAINTY)
    figures = attrs.evolve(plain, figures=(plain.figures[0], said))
    assert not figures.disagree
    assert repr(figures) == "<Figures event:a killed: 2 claims, between 10 and 20 people>"
    spread = attrs.evolve(plain.figures[1], range_meaning=RangeMeaning.SPREAD)
    assert attrs.evolve(plain, figures=(plain.figures[0], spread)).disagree


def test_a_claim_in_words_that_gives_a_number_is_shown_approximate() -> None:
    # "around a hundred or so" (imprecise, best 100) beside "exactly 15" was "15 to 100
    # people", as if 100 were stated as firmly as 15
    figures = _claims(("imprecise", None, 100, None), ("exact", None, 15, None))
    assert repr(figures) == (
        "<Figures event:a killed: 2 claims, 15 to 100 people, one claim imprecise (100), disagree>"
    )


def test_many_open_ended_claims_in_words_are_shown_three_and_counted() -> None:
    figures = _claims(*(("more_than", n, None, None) for n in (10, 20, 30, 40, 50)))
    assert repr(figures) == (
        "<Figures event:a killed: 5 claims, more than 10 or more than 20 or more than 30 people "
        "(and 2 more), disagree>"
    )
