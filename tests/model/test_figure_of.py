"""A figure's ``of`` (what exactly it counts, format 4): the queries compare only claims on one
quantity, the filter keeps one thing, the cards show it, and a dataset declaring an older
format that holds one is refused where it is."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import rightsdata
from rightsdata import Dataset, Figure, Figures, InvalidDataError, Problem, testing
from rightsdata._data.canonical import format_folder, with_every_field
from rightsdata._model.records import Citation, figure_quantity
from rightsdata._tables.fromtables import documents_from_rows
from rightsdata._tables.tables import TABLES, get_table, rows
from rightsdata._values.format import (
    DESCRIPTOR,
    FORMAT_KEY,
    OF_FROM,
    READABLE,
    format_problems,
    lowest_format,
    needed_format,
    schema_id,
)
from rightsdata.schema import schema_problems

from conftest import CITE, event_doc, person_doc, source_doc, write_folder

CITES = (Citation(source="source:doc"),)


def figure_doc(**changes: Any) -> dict[str, Any]:
    """A figure's document: 5 people prosecuted, exactly."""
    return {
        "measure": "prosecuted",
        "unit": "people",
        "qualifier": "exact",
        "best": 5,
        "citations": [dict(CITE)],
        **changes,
    }


def figure(**changes: Any) -> Figure:
    fields: dict[str, Any] = {
        "measure": "prosecuted",
        "unit": "people",
        "qualifier": "exact",
        "best": 5,
        "citations": CITES,
        **changes,
    }
    return Figure(**fields)


def files(*figures: dict[str, Any], declared: int | None = None) -> dict[str, Any]:
    """A dataset folder's files: one event holding ``figures``, declaring ``declared``."""
    found: dict[str, Any] = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc(figures=list(figures))],
    }
    if declared is not None:
        found["datapackage.json"] = {"name": "mine", FORMAT_KEY: declared}
    return found


def dataset(*figures: Figure) -> Dataset:
    ds = rightsdata.load_documents({k.removesuffix(".json"): v for k, v in files().items()})
    (event,) = ds.events
    return Dataset(
        {
            "sources": list(ds.sources),
            "persons": list(ds.persons),
            "events": [attrs.evolve(event, figures=figures)],
        }
    )


OFFICERS = figure(best=5, of="police officers", as_given="five police officers")
CRONIES = figure(qualifier="imprecise", best=None, of="his cronies", as_given="a couple")


# --- the model -----------------------------------------------------------------------------------


def test_of_is_optional_text_on_one_line() -> None:
    assert figure().of is None
    assert OFFICERS.of == "police officers"
    with pytest.raises(rightsdata.FieldError) as info:
        figure(of="police\nofficers")
    assert str(info.value) == (
        "Figure.of: 'police\\nofficers' is not one line (visible text on one line: no line "
        "break or tab, and no invisible character at either end, such as 'police officers'); "
        "did you mean 'police officers'?"
    )
    with pytest.raises(rightsdata.FieldError, match="at most 120 allowed"):
        figure(of="x" * 121)
    with pytest.raises(rightsdata.FieldError, match="non-empty"):
        figure(of="")


@pytest.mark.parametrize(
    ("of", "meant"),
    [
        ("police\tofficers", "police officers"),
        ("police \t officers", "police officers"),
        ("\u200b", None),
        ("\u200b \u2060", None),
        ("\ufeffpolice officers", "police officers"),
        ("police officers\u200b", "police officers"),
        ("police officers\u202e", "police officers"),
    ],
)
def test_an_of_refuses_a_tab_and_text_that_shows_nothing(
    tmp_path: Path, of: str, meant: str | None
) -> None:
    """(review 10, N4) a label shown beside a number: a tab in it is a paste's (a card shows
    a space), and one that is or ends in invisible characters shows nothing, or hides what
    follows it; on every path: in Python, the JSON Schema, a folder's loads."""
    with pytest.raises(rightsdata.FieldError, match="is not one line") as info:
        figure(of=of)
    assert info.value.message.endswith(
        "such as 'police officers')" if meant is None else f"did you mean {meant!r}?"
    )
    assert schema_problems("events", event_doc(figures=[figure_doc(of=of)]), "e")
    folder = write_folder(tmp_path / "ds", files(figure_doc(of=of), declared=4))
    for options in ({}, {"schema": True}, {"strict": True}):
        with pytest.raises(InvalidDataError) as refused:
            rightsdata.load_path(folder, **options)  # type: ignore[arg-type]
        assert {p.field for p in refused.value.problems} == {"figures[0].of"}, options
    # still taken: an invisible character inside, which joins or marks words
    assert figure(of="a\u200db").of == "a\u200db"


def test_a_figures_quantity_holds_its_of() -> None:
    assert figure_quantity(OFFICERS) != figure_quantity(CRONIES)
    assert figure_quantity(OFFICERS)[-1] == "police officers"


# --- the queries ---------------------------------------------------------------------------------


def test_claims_about_different_things_do_not_disagree() -> None:
    ds = dataset(OFFICERS, CRONIES)
    claims = ds.figures("event:a", measure="prosecuted")
    assert not claims.disagree
    assert repr(claims) == ("<Figures event:a prosecuted: 2 claims, of different things>")
    # without of, the same two claims are taken for one quantity: "5" and the words "a
    # couple" (no number) are not weighed against each other, and both are shown
    plain = dataset(attrs.evolve(OFFICERS, of=None), attrs.evolve(CRONIES, of=None))
    claims = plain.figures("event:a", measure="prosecuted")
    assert not claims.disagree
    assert repr(claims) == (
        "<Figures event:a prosecuted: 2 claims, 5 people, one claim with no number ('a couple')>"
    )


def test_claims_on_one_thing_still_disagree() -> None:
    other = figure(best=7, of="police officers", as_given="seven officers")
    ds = dataset(OFFICERS, other, CRONIES)
    assert ds.figures("event:a").disagree
    officers = ds.figures("event:a", of="police officers")
    assert list(officers) == [OFFICERS, other]
    assert officers.disagree and officers.range == (5, 7)
    assert repr(officers) == (
        "<Figures event:a prosecuted of 'police officers': 2 claims, 5 to 7 people "
        "(police officers), disagree>"
    )


def test_an_uncertain_number_and_a_spread_with_the_same_ends_disagree() -> None:
    """'between 2 and 10' (one number, not known) and 'from 2 to 10' (the least and the most
    of several) are two claims; null range_meaning is uncertainty."""
    ranged = {"qualifier": "between", "low": 2, "high": 10, "best": None}
    uncertain = figure(**ranged)
    said = figure(**ranged, range_meaning="uncertainty")
    spread = figure(**ranged, range_meaning="spread")
    assert not dataset(uncertain, said).figures("event:a").disagree
    assert dataset(uncertain, spread).figures("event:a").disagree
    # claims in words alone are not weighed by their words: they do not disagree
    words = [figure(qualifier="imprecise", best=None, as_given=g) for g in ("dozens", "many")]
    assert not dataset(*words).figures("event:a").disagree


def test_a_figure_without_of_is_another_quantity_than_one_with() -> None:
    ds = dataset(OFFICERS, figure(best=9))
    assert not ds.figures("event:a").disagree
    assert list(ds.figures("event:a", of=False)) == [figure(best=9)]
    assert repr(ds.figures("event:a", of=False)) == (
        "<Figures event:a prosecuted without of: 1 claim, 9 people>"
    )


def test_the_range_over_different_things_names_of_and_how_to_ask_for_one() -> None:
    ds = dataset(OFFICERS, CRONIES)
    with pytest.raises(ValueError, match="count different things") as info:
        _ = ds.figures("event:a").range
    assert str(info.value) == (
        "the figures on event:a count different things (prosecuted (people, of 'his "
        "cronies'), prosecuted (people, of 'police officers')); their of says what each "
        "counts; ask for one thing, `ds.figures('event:a', of='his cronies')`, to get one "
        "range"
    )
    assert ds.figures("event:a", of="his cronies").range == (None, None)
    assert ds.figures("event:a", of="police officers").range == (5, 5)
    # a measure that differs is told first, as before
    mixed = dataset(OFFICERS, figure(measure="killed", of="protesters"))
    with pytest.raises(ValueError, match="ask for one measure"):
        _ = mixed.figures("event:a").range


def _advised_calls(message: str) -> list[str]:
    return re.findall(r"`(ds\.figures\(.*?\))`", message)


def test_every_call_the_range_advises_runs_as_printed() -> None:
    """Each record's figures, asked as the range's error advises until it answers: every
    call it prints runs as printed on the dataset and finds figures, and the first one
    taken each time leads to a range."""
    ds = rightsdata.load()
    advised = 0
    kinds = (ds.events, ds.sources, ds.organizations, ds.groups, ds.places, ds.statements)
    held = {r.id for kind in kinds for r in kind if getattr(r, "figures", ())}
    for record in sorted(held | {r.id for r in ds.ratings if r.figures}):
        asked = ds.figures(record)
        while True:
            try:
                _ = asked.range
                break
            except ValueError as error:
                message = str(error)
            calls = _advised_calls(message)
            assert calls, message
            found = [eval(call, {"ds": ds}) for call in calls]
            assert all(isinstance(f, Figures) and len(f) for f in found), calls
            advised += len(calls)
            asked = found[0]
    assert advised >= 5  # the bundled data reaches the measure, unit, period and of advice


#: Claims of two quantities each, differing in measure, unit, period, a rate and not, or of.
MIXES: dict[str, tuple[Figure, ...]] = {
    "measure": (OFFICERS, figure(measure="killed", low=3, qualifier="at_least")),
    "unit": (figure(best=5), figure(unit="cases", high=7, qualifier="at_most")),
    "period": (figure(per="P7D"), figure(per="P1D", low=2, qualifier="more_than")),
    "rate and not": (figure(per="P7D"), figure(high=7, qualifier="less_than")),
    "of": (OFFICERS, figure(of="his cronies", low=2, qualifier="at_least")),
}


def _refused(figures: Figures, name: str) -> str:
    """The message of the ValueError that ``figures``' property ``name`` raises."""
    with pytest.raises(ValueError, match="count different things") as info:
        getattr(figures, name)
    return str(info.value)


@pytest.mark.parametrize("mix", sorted(MIXES))
def test_open_above_and_below_raise_where_the_range_does(mix: str) -> None:
    # (each mix has a claim open at one end: answering for the two quantities at once would
    # say "open" of a quantity that none of its claims leaves open)
    asked = dataset(*MIXES[mix]).figures("event:a")
    said = _refused(asked, "range")
    assert said.endswith(", to get one range")
    head = said.removesuffix("to get one range")
    assert _refused(asked, "open_above") == f"{head}to ask whether its top is open"
    assert _refused(asked, "open_below") == f"{head}to ask whether its bottom is open"
    for call in _advised_calls(said):  # each quantity asked for alone answers all three
        one = eval(call, {"ds": dataset(*MIXES[mix])})
        assert one.range is not None and isinstance(one.open_above, bool) and not one.disagree
        assert isinstance(one.open_below, bool)


def test_rates_over_different_periods_say_whether_they_count_different_things_too() -> None:
    # what differs, said as it is: the period, a rate beside a count, of, or both; and the
    # call advised leads to one quantity (the period alone left two things of that period)
    meals, calls = figure(per="P1D", of="meals", best=3), figure(per="P1D", of="calls", best=1)
    ds = dataset(meals, calls, figure(per="P7D", of="showers", best=1))
    both = ds.figures("event:a")
    said = _refused(both, "range")
    assert "; they are rates over different periods, and count different things (their of); " in (
        said
    )
    assert _advised_calls(said) == ["ds.figures('event:a', per='P1D', of='calls')"]
    assert eval(_advised_calls(said)[0], {"ds": ds}).range == (1, 1)
    assert repr(both).endswith(": 3 claims, rates over different periods, of different things>")
    periods = dataset(figure(per="P1D"), figure(per="P7D", best=2)).figures("event:a")
    said = _refused(periods, "range")
    assert "; they are rates over different periods; ask for one period, " in said
    assert "their of" not in said
    mixed = dataset(figure(per="P7D"), figure(best=9)).figures("event:a")
    assert repr(mixed).endswith(": 2 claims, rates and claims that are not rates>")
    said = _refused(mixed, "range")
    assert "; they are rates and claims that are not rates; ask for one period, " in said
    assert "over different periods" not in said  # (one period: P7D)


def test_the_range_advice_keeps_what_was_asked() -> None:
    ds = dataset(OFFICERS, CRONIES, figure(best=9))
    with pytest.raises(ValueError, match="count different things") as info:
        _ = ds.figures("event:a", measure="prosecuted", unit="people").range
    assert _advised_calls(str(info.value)) == [
        "ds.figures('event:a', measure='prosecuted', unit='people', of='his cronies')",
        "ds.figures('event:a', measure='prosecuted', unit='people', of=False)",
    ]


def test_the_of_filter_is_exact_and_checked() -> None:
    ds = dataset(OFFICERS, CRONIES)
    assert list(ds.figures("event:a", of="police officers")) == [OFFICERS]
    assert list(ds.figures("event:a", of="Police officers")) == []
    assert list(ds.figures("event:a", of=False)) == []
    assert ds.figures("event:a", of="his cronies").of == "his cronies"
    with pytest.raises(TypeError, match="of must be the text of a figure's of"):
        ds.figures("event:a", of=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not an int \(3\)"):
        ds.figures("event:a", of=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("of", "why"),
    [
        ("", "non-empty text"),
        (" police officers", "without leading or trailing spaces"),
        ("police officers\u00a0", "without leading or trailing spaces"),
        ("police\nofficers", "is not one line"),
        ("police\rofficers", r"control character U\+000D"),
        ("x" * 121, "at most 120"),
    ],
)
def test_an_of_no_figure_can_hold_is_told_not_found_empty(of: str, why: str) -> None:
    """(review 10, N1: such a filter returned no figures, silently)"""
    ds = dataset(OFFICERS, CRONIES)
    with pytest.raises(ValueError, match=f"^of=.* keeps no figure: a figure's of .*{why}"):
        ds.figures("event:a", of=of)


def test_cards_show_what_a_figure_counts() -> None:
    from rightsdata._display.words import figure_text
    from rightsdata.textcard import text_card

    assert figure_text(OFFICERS) == "prosecuted: 5 people (police officers)"
    assert figure_text(CRONIES) == "prosecuted: an unstated number of people (his cronies)"
    ds = dataset(OFFICERS, CRONIES)
    assert "5 people (police officers)" in text_card(ds.get("event:a"), ds)
    html = ds.figures("event:a")._repr_html_()
    assert "5 people (police officers)" in html
    hostile = dataset(figure(of="<b>officers</b>"))
    assert "<b>officers</b>" not in hostile.figures("event:a")._repr_html_()
    # a direction override is shown escaped, not obeyed (in a terminal too)
    reordered = dataset(figure(of="offi\u202ecers"))
    assert "\u202e" not in repr(reordered.figures("event:a"))
    assert "(offi\\u202ecers)" in text_card(reordered.get("event:a"), reordered)


def test_figures_put_together_by_hand_compare_by_of_too() -> None:
    claims = Figures(record="event:a", measure=None, figures=(OFFICERS, CRONIES))
    assert not claims.disagree and claims.of is None


# --- format 4 ------------------------------------------------------------------------------------


def test_format_4_is_read_and_written_only_where_of_is() -> None:
    assert OF_FROM == 4 and READABLE[:4] == (1, 2, 3, 4)  # (format 4 added of)
    assert dataset(OFFICERS).format == 4
    assert dataset(figure()).format == 1
    assert needed_format({"events": dataset(OFFICERS).events}) == 4
    assert lowest_format({"events": dataset(figure()).events}) == 2
    # the bundled data's figures include some with of (kazakhstan 3.4.0): format 4, as needed
    bundled = rightsdata.load()
    assert bundled.format == 4 == needed_format({"events": bundled.events})


def test_a_folder_declaring_format_4_loads_with_of(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "ds", files(figure_doc(of="police officers"), declared=4))
    fast = rightsdata.load_path(folder)
    assert fast.format == 4 and fast.events[0].figures[0].of == "police officers"
    assert rightsdata.load_path(folder, schema=True) == fast
    assert rightsdata.load_path(folder, strict=True) == fast


@pytest.mark.parametrize("broken", ["police\nofficers", "police\u2028officers"])
def test_an_of_on_two_lines_is_refused_on_every_path(tmp_path: Path, broken: str) -> None:
    folder = write_folder(tmp_path / "ds", files(figure_doc(of=broken), declared=4))
    for options in ({}, {"schema": True}, {"strict": True}):
        with pytest.raises(InvalidDataError) as info:
            rightsdata.load_path(folder, **options)  # type: ignore[arg-type]
        (problem,) = info.value.problems
        assert problem.field == "figures[0].of"
        assert "is not one line" in problem.message
        assert problem.message.endswith("did you mean 'police officers'?")


def test_a_control_character_in_an_of_is_not_told_a_line_feed_would_do(tmp_path: Path) -> None:
    """(review 10, N2: it was told "a text may hold tabs and line feeds", which of may not)"""
    said = "a text on one line may hold no control character (no tab, no line break)"
    with pytest.raises(rightsdata.FieldError) as built:
        attrs.evolve(OFFICERS, of="police\r\nofficers")
    assert built.value.message.endswith(said)
    folder = write_folder(tmp_path / "ds", files(figure_doc(of="police\rofficers"), declared=4))
    for options in ({}, {"schema": True}, {"strict": True}):
        with pytest.raises(InvalidDataError) as info:
            rightsdata.load_path(folder, **options)  # type: ignore[arg-type]
        (problem,) = info.value.problems
        assert problem.field == "figures[0].of"
        assert "line feeds" not in problem.message, options
    # every other text is still told what a text may hold
    with pytest.raises(rightsdata.FieldError, match="may hold tabs and line feeds, but no"):
        attrs.evolve(OFFICERS, as_given="five\rpolice officers")


@pytest.mark.parametrize("declared", [1, 2, 3])
def test_of_under_an_older_declared_format_is_refused_where_it_is(
    tmp_path: Path, declared: int
) -> None:
    folder = write_folder(
        tmp_path / "ds",
        files(figure_doc(), figure_doc(of="police officers"), declared=declared),
    )
    for schema in (False, True):  # (the fast path and the diagnostic one alike)
        with pytest.raises(InvalidDataError) as info:
            rightsdata.load_path(folder, schema=schema)
        (problem,) = info.value.problems
        assert (problem.file, problem.index, problem.record_id, problem.field) == (
            "events.json",
            0,
            "event:a",
            "figures[1].of",
        )
        assert problem.message == (
            "'police officers': a figure that says what it counts (of) needs format 4, and "
            f"the dataset declares format {declared}: run `rightsdata fmt --upgrade "
            f"{shlex.quote(str(folder))}`, which declares format 4 in datapackage.json "
            "(readers of formats 1-3 cannot read it)"
        )
    # fmt --upgrade declares it, and the folder loads
    format_folder(folder, upgrade=True)
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert written[FORMAT_KEY] == 4
    assert {r["schema"] for r in written["resources"]} == {
        schema_id(r["name"], 4) for r in written["resources"]
    }
    assert rightsdata.load_path(folder).events[0].figures[1].of == "police officers"


@pytest.mark.parametrize("declared", [1, 2, 3])
def test_a_null_of_under_an_older_declared_format_is_refused_on_every_path(
    tmp_path: Path, declared: int
) -> None:
    """A reader of formats 1 to 3 refuses the key ``of`` whatever its value (the format-3
    schema too), and a loaded figure cannot tell ``"of": null`` from no ``of``: it was
    accepted by every path. Now each layout, the fast path and the diagnostic one, and
    ``max_problems`` tell it where it is; under format 4 it is no problem."""
    made = files(figure_doc(), figure_doc(of=None), declared=declared)
    folder = write_folder(tmp_path / "ds", made)
    said = (
        "null: a figure's of is format 4's, even null, and the dataset declares format "
        f"{declared}: run `rightsdata fmt --upgrade {shlex.quote(str(folder))}`, which leaves "
        "it out (readers of formats 1-3 cannot read it)"
    )
    documents = {name.removesuffix(".json"): value for name, value in made.items()}
    descriptor = documents.pop("datapackage")
    embedded = {"name": "mine", FORMAT_KEY: max(declared, 3)}  # (one file's: format 3 on)
    document = tmp_path / "all.json"
    document.write_text(json.dumps({**documents, "datapackage": embedded}), encoding="utf-8")
    lines = tmp_path / "all.jsonl"
    records = [{"$kind": "datapackage", **embedded}] + [
        {"$kind": kind, **record} for kind, listed in documents.items() for record in listed
    ]
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    for schema in (False, True):
        for cap in (None, 1):
            (problem,) = rightsdata.validate(folder, schema=schema, max_problems=cap)
            assert (problem.location, problem.message) == (
                "events.json[0] event:a.figures[1].of",
                said,
            )
            with pytest.raises(InvalidDataError) as info:
                rightsdata.load_documents(
                    documents, descriptor=descriptor, schema=schema, max_problems=cap
                )
            assert [(p.location, p.message) for p in info.value.problems] == [
                (
                    "documents:events[0] event:a.figures[1].of",
                    "null: a figure's of is format 4's, even null, and the dataset declares "
                    f"format {declared}: leave it out (readers of formats 1-3 cannot read it)",
                )
            ]
            for path, at in ((document, "all.json:events[0]"), (lines, "all.jsonl:4")):
                (problem,) = rightsdata.validate(path, schema=schema, max_problems=cap)
                assert problem.location == f"{at} event:a.figures[1].of", path
                assert f"declares format {max(declared, 3)}: leave it out" in problem.message
    upgraded = files(figure_doc(), figure_doc(of=None), declared=4)
    assert rightsdata.validate(write_folder(tmp_path / "four", upgraded)) == []
    format_folder(folder, upgrade=True)  # as advised: the null of is left out
    assert rightsdata.validate(folder) == []
    assert '"of"' not in (folder / "events.json").read_text(encoding="utf-8")


def test_a_set_and_an_of_under_format_2_are_each_told_the_datasets_format(
    tmp_path: Path,
) -> None:
    doc = event_doc(date="[2012-01,2012-03]", figures=[figure_doc(of="police officers")])
    folder = write_folder(
        tmp_path / "ds",
        {**files(declared=2), "events.json": [doc]},
    )
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder)
    said = {p.field: p.message for p in info.value.problems}
    assert set(said) == {"date", "figures[0].of"}
    # the set needs 3, but the dataset needs 4 (review 10, M2): declaring 3 would be refused
    assert "needs format 3" in said["date"] and "all it holds needs format 4" in said["date"]
    assert "declares format 4 in" in said["date"]
    assert "needs format 4" in said["figures[0].of"]
    assert "declares format 4 in" in said["figures[0].of"]


def test_a_descriptor_given_in_python_is_held_to_of_too() -> None:
    records = {kind: list(dataset(OFFICERS).collection(kind)) for kind in ("sources", "persons")}
    events = dataset(OFFICERS).events
    with pytest.raises(InvalidDataError) as info:
        Dataset({**records, "events": events}, descriptor={FORMAT_KEY: 3})
    (problem,) = info.value.problems
    assert problem.location == "events[0] event:a.figures[0].of"
    assert "set rightsdata_format to 4 in the descriptor given" in problem.message
    assert Dataset({**records, "events": events}, descriptor={FORMAT_KEY: 4}).format == 4
    (problem,) = format_problems({"events": events}, None, "the descriptor given")
    assert "declares no format (so format 1)" in problem.message


def test_a_document_declaring_format_3_is_refused_with_of(tmp_path: Path) -> None:
    documents = {
        "datapackage": {"name": "mine", FORMAT_KEY: 3},
        **files(figure_doc(of="police officers")),
    }
    documents = {name.removesuffix(".json"): value for name, value in documents.items()}
    path = tmp_path / "all.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.field == "figures[0].of" and "needs format 4" in problem.message
    assert "set rightsdata_format to 4 in" in problem.message


def test_exports_declare_format_4_only_with_of(tmp_path: Path) -> None:
    with_of = dataset(OFFICERS)
    with_of.export(tmp_path / "of", "json")
    package = json.loads((tmp_path / "of" / "datapackage.json").read_text(encoding="utf-8"))
    assert package[FORMAT_KEY] == 4
    assert rightsdata.load_path(tmp_path / "of").to_dict() == with_of.to_dict()
    without = dataset(figure())
    without.export(tmp_path / "plain", "json")
    package = json.loads((tmp_path / "plain" / "datapackage.json").read_text(encoding="utf-8"))
    assert package[FORMAT_KEY] == 2
    events = json.loads((tmp_path / "plain" / "events.json").read_text(encoding="utf-8"))
    assert "of" not in events[0]["figures"][0]


def test_format_1_writes_no_of_it_does_not_have(tmp_path: Path) -> None:
    # every field of format 1 written, but not a later format's field: a reader of format 1
    # refuses "of": null as an unknown field
    full = with_every_field(Figure, figure_doc())
    assert "of" not in full and full["as_given"] is None
    assert with_every_field(Figure, figure_doc(of="x"))["of"] == "x"
    folder = write_folder(tmp_path / "ds", files(figure_doc(), declared=1))
    format_folder(folder)
    written = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    assert written[0]["figures"][0]["as_given"] is None
    assert "of" not in written[0]["figures"][0]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor.get(FORMAT_KEY, 1) == 1
    assert rightsdata.load_path(folder).format == 1


def test_format_3s_schemas_refuse_of_and_format_4s_take_it() -> None:
    doc = event_doc(figures=[figure_doc(of="police officers")])
    assert schema_problems("events", doc, "e") == []
    assert schema_problems("events", doc, "e", format=4) == []
    for older in (1, 2, 3):
        (problem,) = schema_problems("events", doc, "e", format=older)
        assert "('of' was unexpected)" in problem.message
    doc["figures"][0]["of"] = "police\nofficers"
    assert schema_problems("events", doc, "e")  # (one line, in the schema too)


# --- tables --------------------------------------------------------------------------------------


def test_the_figures_table_has_of_and_rebuilds_it() -> None:
    table = get_table("figures")
    assert table.column_names[:5] == ("record_id", "position", "measure", "unit", "of")
    ds = dataset(OFFICERS, CRONIES)
    assert [row[4] for row in rows(ds, table)] == ["police officers", "his cronies"]
    documents, _ = documents_from_rows({n: rows(ds, t) for n, t in TABLES.items()})
    assert documents == ds.to_dict()


def test_the_csv_and_pandas_tables_carry_of(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    ds = dataset(OFFICERS, figure(best=9))
    frame = ds.to_pandas()["figures"]
    assert list(frame["of"].astype(object).where(frame["of"].notna(), None)) == [
        "police officers",
        None,
    ]
    ds.export(tmp_path / "csv", "csv")
    header = (tmp_path / "csv" / "figures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[:5] == ["record_id", "position", "measure", "unit", "of"]
    pytest.importorskip("pyarrow")
    from rightsdata._tables.arrow import arrow_table

    table = arrow_table(ds, TABLES["figures"])
    assert table.column("of").to_pylist() == ["police officers", None]
    assert str(table.schema.field("of").type) == "string"


# --- the strategies ------------------------------------------------------------------------------


@settings(max_examples=60)
@given(testing.figures(format=3))
def test_the_strategies_for_format_3_draw_no_of(drawn: Figure) -> None:
    assert drawn.of is None


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(testing.dataset_documents(max_per_kind=2, format=3))
def test_a_format_3_draw_loads_under_format_3(documents: dict[str, list[Any]]) -> None:
    loaded = rightsdata.load_documents(documents, descriptor={FORMAT_KEY: 3})
    assert loaded.format == 3


def _declared_format_told(problems: Sequence[Problem]) -> set[str]:
    """The formats the advice of ``problems`` tells to declare (set ... to N, declares N)."""
    return {
        found
        for p in problems
        for found in re.findall(r"(?:rightsdata_format to|which declares format) (\d)", p.message)
    }


@pytest.mark.parametrize("declared", [1, 2])
def test_every_format_problem_names_the_format_the_whole_dataset_needs(
    tmp_path: Path, declared: int
) -> None:
    """The bundled dataset (sets and of) declaring format 1 or 2: each set and each of is
    told to declare format 4, the dataset's, on every path; and following that loads."""
    ds = rightsdata.load()
    folder = tmp_path / "json"
    ds.export(folder, "json")
    descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    (folder / DESCRIPTOR).write_text(
        json.dumps({**descriptor, FORMAT_KEY: declared}), encoding="utf-8"
    )
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder)
    fields = {(p.field or "").rpartition(".")[2] for p in info.value.problems}
    assert "of" in fields and len(fields) > 1  # sets' dates too
    assert _declared_format_told(info.value.problems) == {"4"}
    assert all("declares format 4 in datapackage.json" in p.message for p in info.value.problems)
    format_folder(folder, upgrade=True)
    assert rightsdata.load_path(folder).format == 4

    records = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    documents = ds.to_dict()
    tried: list[Callable[[dict[str, int]], object]] = [
        lambda given: Dataset(records, descriptor=given),
        lambda given: rightsdata.load_documents(documents, descriptor=given),
    ]
    for make in tried:
        with pytest.raises(InvalidDataError) as info:
            make({FORMAT_KEY: declared})
        assert len(info.value.problems) > 19
        assert _declared_format_told(info.value.problems) == {"4"}
        make({FORMAT_KEY: 4})  # as told
    # over a base holding the sets, the records given holding only of: the declared format
    # holds the records given alone (not the base's), and they need 4
    sets_only = {kind: [without_of_record(r) for r in items] for kind, items in records.items()}
    base = Dataset(sets_only)
    assert base.format == 3
    figured = [e for e in ds.events if any(f.of for f in e.figures)][:1]
    mine = {"events": [attrs.evolve(figured[0], id="event:mine")]}
    with pytest.raises(InvalidDataError) as info:
        Dataset(mine, base=base, descriptor={FORMAT_KEY: declared})
    assert not any("the base's" in p.location for p in info.value.problems)
    assert _declared_format_told(info.value.problems) == {"4"}
    Dataset(mine, base=base, descriptor={FORMAT_KEY: 4})


def without_of_record(record: Any) -> Any:
    figures = getattr(record, "figures", None)
    if not figures:
        return record
    return attrs.evolve(record, figures=[attrs.evolve(f, of=None) for f in figures])
