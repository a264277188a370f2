"""One read reports every problem of a record that can be known without guessing: each
field's own problems whatever its siblings' are, each part's, every bad name a part gives of
its holder's fields, and each cross-field rule of the record and of its parts that is broken,
on the fields that were valid (a figure's misordered numbers hide not what its qualifier
needs).

Each case below took more than one run of ``rightsdata validate`` before (review 8): the
first problem of a record or part hid the rest until it was fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import Citation, FieldError, Figure, InvalidDataError, Problem
from rightsdata._validation.convert import structure
from rightsdata.vocab import FigureQualifier, FigureUnit, Measure, RangeMeaning

from conftest import CITE, event_doc, examples, person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]


def _found(make_folder: MakeFolder, **files: list[dict[str, Any]]) -> list[Problem]:
    """The problems ``rightsdata.validate`` finds in a folder of ``files`` (kind: records),
    with a valid source and person that the records may name."""
    files.setdefault("sources", [source_doc()])
    files.setdefault("persons", [person_doc()])
    return list(rightsdata.validate(make_folder({f"{k}.json": v for k, v in files.items()})))


def _where(problems: list[Problem]) -> list[tuple[str | None, str | None]]:
    return [(p.record_id, p.field) for p in problems]


def test_an_event_with_five_problems_reports_them_in_one_run(make_folder: MakeFolder) -> None:
    # (review 8's v5: it took four runs, each saying "1 problem")
    event = {
        "id": "event:b",
        "kind": "arrest",
        "title": "B",
        "date_of": "announcement",
        "figures": [
            {"measure": "killed", "unit": "people", "qualifier": "between", "low": 9,
             "high": 3, "citations": [CITE]},
            {"measure": "killed", "unit": "people", "qualifier": "exact", "best": 2.0,
             "citations": [CITE]},
        ],
        "citations": [{"source": "source:doc", "fields": ["dte"]}],
        "inferred": [{"field": "plces", "basis": "x"}],
    }  # fmt: skip
    problems = _found(make_folder, events=[event])
    assert sorted((p.field or "", p.message, p.code) for p in problems) == [
        ("citations[0].fields", "'dte' is not a field of Event (did you mean 'date'?)", "rule"),
        ("date_of", "date_of needs date", "rule"),
        ("figures[0].high", "low (9) is greater than high (3)", "rule"),
        ("figures[1].best", "expected an integer, got a number (2.0)", "type"),
        ("inferred[0].field", "'plces' is not a field of Event (did you mean 'places'?)", "rule"),
    ]
    assert {(p.file, p.index, p.record_id) for p in problems} == {("events.json", 0, "event:b")}


def test_a_part_reports_each_of_its_fields(make_folder: MakeFolder) -> None:
    participants = [
        {"actor": "Ivan Ivanov", "role": "Victim"},
        {"actor": "Ivan Ivanov", "role": "victim"},
        {"actor": "person:a", "role": "Victim"},
    ]
    citations = [{"source": "r", "fields": "date", "confidence": "hgh"}]
    problems = _found(
        make_folder, events=[event_doc(participants=participants, citations=citations)]
    )
    assert sorted(_where(problems)) == [
        ("event:a", "citations[0].confidence"),
        ("event:a", "citations[0].fields"),
        ("event:a", "citations[0].source"),
        ("event:a", "participants[0].actor"),
        ("event:a", "participants[0].role"),
        ("event:a", "participants[1].actor"),
        ("event:a", "participants[2].role"),
    ]
    actor = next(p for p in problems if p.field == "participants[0].actor")
    assert actor.message.startswith("'Ivan Ivanov' is not an id")
    source = next(p for p in problems if p.field == "citations[0].source")
    assert source.message.startswith("'r' is not an id")


@pytest.mark.parametrize(
    ("change", "first"),
    [
        ({"kind": "activist"}, "kind"),  # an unknown field
        ({"name": "Anna Petrova "}, "name"),  # a field's own check, in the constructor
        ({"id": "person:Anna_Petrova"}, "id"),  # a malformed ID
    ],
)
def test_a_problem_of_a_record_hides_not_its_parts_names_of_its_fields(
    make_folder: MakeFolder, change: dict[str, str], first: str
) -> None:
    person = person_doc(
        citations=[{"source": "source:doc", "fields": ["nmae"]}],
        inferred=[{"field": "contry", "basis": "x"}],
        **change,
    )
    problems = _found(make_folder, persons=[person])
    assert [p.field for p in problems] == [first, "citations[0].fields", "inferred[0].field"]
    assert problems[1].message == "'nmae' is not a field of Person (did you mean 'name'?)"
    assert problems[2].message == "'contry' is not a field of Person (did you mean 'country'?)"


def test_every_bad_name_of_a_part_is_reported(make_folder: MakeFolder) -> None:
    citations = [{"source": "source:doc", "fields": ["dte", "title", "plces"]}]
    problems = _found(make_folder, events=[event_doc(citations=citations)])
    assert [(p.field, p.message) for p in problems] == [
        ("citations[0].fields", "'dte' is not a field of Event (did you mean 'date'?)"),
        ("citations[0].fields", "'plces' is not a field of Event (did you mean 'places'?)"),
    ]


def test_a_bad_entry_of_a_parts_names_hides_not_the_names_beside_it(
    make_folder: MakeFolder,
) -> None:
    citations = [
        {"source": "source:doc", "fields": ["dte", "titel", 5]},
        {"source": "source:doc", "fields": ["plces"]},
    ]
    problems = _found(make_folder, events=[event_doc(citations=citations)])
    assert [(p.field, p.message) for p in problems] == [
        ("citations[0].fields[2]", "expected text, got an integer (5)"),
        ("citations[0].fields", "'dte' is not a field of Event (did you mean 'date'?)"),
        ("citations[0].fields", "'titel' is not a field of Event (did you mean 'title'?)"),
        ("citations[1].fields", "'plces' is not a field of Event (did you mean 'places'?)"),
    ]


def test_a_rule_whose_field_failed_is_not_judged(make_folder: MakeFolder) -> None:
    # date_of needs date: the date is stated, but badly; the rule cannot say it is missing
    problems = _found(make_folder, events=[event_doc(date="2012-13", date_of="announcement")])
    assert [p.field for p in problems] == ["date"]


def test_a_parts_rule_runs_beside_its_other_fields_problems(make_folder: MakeFolder) -> None:
    figure = {
        "measure": "killed",
        "unit": "people",
        "qualifier": "between",
        "low": 9,
        "high": 3,
        "as_given": 5,
        "citations": [CITE],
    }
    problems = _found(make_folder, events=[event_doc(figures=[figure], title=" A")])
    assert sorted(_where(problems)) == [
        ("event:a", "figures[0].as_given"),
        ("event:a", "figures[0].high"),
        ("event:a", "title"),
    ]


def test_structure_reports_every_problem_too() -> None:
    from rightsdata._validation.convert import structure

    doc = event_doc(date=None, date_of="report", kind="arest")
    doc["citations"] = [{"source": "source:doc", "fields": ["dates"]}]
    with pytest.raises(InvalidDataError) as caught:
        structure("events", doc)
    assert sorted(p.field or "" for p in caught.value.problems) == [
        "citations[0].fields",
        "date_of",
        "kind",
    ]


# --- every rule a record or part breaks -------------------------------------------------


def _figure(**changes: Any) -> dict[str, Any]:
    figure: dict[str, Any] = {
        "measure": "killed",
        "unit": "people",
        "citations": [CITE],
    }
    figure.update(changes)
    return figure


def _rules_told(problems: list[Problem]) -> list[tuple[str | None, str]]:
    return [(p.field, p.message) for p in problems if p.code == "rule"]


def test_a_figures_misordered_numbers_hide_not_what_its_qualifier_needs(
    make_folder: MakeFolder,
) -> None:
    figure = _figure(qualifier="at_least", best=9, high=3)
    problems = _found(make_folder, events=[event_doc(figures=[figure])])
    assert sorted(_rules_told(problems)) == [
        ("figures[0].high", "best (9) is greater than high (3)"),
        ("figures[0].low", "qualifier 'at_least' needs low"),
    ]


def test_a_figure_reports_each_rule_it_breaks(make_folder: MakeFolder) -> None:
    # exact with low and high and no best: it needs best, and states numbers beside it that
    # are not a spread; low > high; range_meaning is fine; joined_by has no author
    figure = _figure(qualifier="exact", low=9, high=3, joined_by=["person:a"])
    problems = _found(make_folder, events=[event_doc(figures=[figure])])
    assert sorted(_rules_told(problems)) == [
        ("figures[0].best", "qualifier 'exact' needs best"),
        ("figures[0].high", "low (9) is greater than high (3)"),
        ("figures[0].joined_by", "joined_by needs asserted_by"),
        (
            "figures[0].low",
            "qualifier 'exact' states one number, best: remove low and high (or, if they are "
            "the least and the most of the values counted, say range_meaning 'spread')",
        ),
    ]


def test_between_and_range_meaning_each_say_they_need_low_and_high(
    make_folder: MakeFolder,
) -> None:
    figure = _figure(qualifier="between", low=3, range_meaning="spread")
    problems = _found(make_folder, events=[event_doc(figures=[figure])])
    assert sorted(_rules_told(problems)) == [
        ("figures[0].low", "qualifier 'between' needs low and high"),
        ("figures[0].range_meaning", "range_meaning needs low and high"),
    ]


def test_an_exact_figure_with_one_number_is_told_to_move_it_not_also_to_remove_it(
    make_folder: MakeFolder,
) -> None:
    # (the exact rule waits for best: "remove low" beside "move 5 from low to best" would
    # give two answers to one mistake)
    figure = _figure(qualifier="exact", low=5)
    problems = _found(make_folder, events=[event_doc(figures=[figure])])
    assert _rules_told(problems) == [
        (
            "figures[0].best",
            "qualifier 'exact' needs best ('exactly 5' is best: 5): move 5 from low to best",
        )
    ]


def test_a_rule_that_reads_no_failed_field_is_judged(make_folder: MakeFolder) -> None:
    # a bad qualifier: the rules that read it are not judged, the order of the numbers and
    # joined_by's are; a bad joined_by: the numbers' rules are
    figures = [
        _figure(qualifier="atleast", low=9, high=3, joined_by=["person:a"]),
        _figure(qualifier="at_most", best=9, joined_by=[5]),
        _figure(qualifier="between", low=1, high=2, range_meaning="spred", best=3),
    ]
    problems = _found(make_folder, events=[event_doc(figures=figures)])
    assert sorted((p.field or "", p.code) for p in problems) == [
        ("figures[0].high", "rule"),
        ("figures[0].joined_by", "rule"),
        ("figures[0].qualifier", "value"),
        ("figures[1].high", "rule"),
        ("figures[1].joined_by[0]", "type"),
        ("figures[2].high", "rule"),
        ("figures[2].range_meaning", "value"),
    ]


#: A statement breaking both its rules: a quote no citation covers, and joined_by naming its
#: speaker.
_TWO_RULES_BROKEN: dict[str, Any] = {
    "id": "statement:a",
    "speaker": "person:a",
    "kind": "call",
    "summary": "A call",
    "quote": "Free them",
    "joined_by": ["person:a"],
    "citations": [{"source": "source:doc", "fields": ["summary"]}],
}


def test_a_statement_reports_both_its_rules(make_folder: MakeFolder) -> None:
    problems = _found(make_folder, statements=[_TWO_RULES_BROKEN])
    assert _rules_told(problems) == [
        ("quote", "a quote needs a citation that covers it (fields null or 'quote')"),
        (
            "joined_by[0]",
            "names 'person:a', who is already the speaker; joined_by names the others",
        ),
    ]


@pytest.mark.parametrize(
    ("change", "told"),
    [
        # the speaker failed: joined_by's rule reads it, the quote's does not
        ({"speaker": "Ivan"}, [("speaker", "value"), ("quote", "rule")]),
        # a citation failed: the quote's rule reads the citations, joined_by's does not
        (
            {"citations": [{"source": "source:doc", "fields": ["summary"], "confidence": "hi"}]},
            [("citations[0].confidence", "value"), ("joined_by[0]", "rule")],
        ),
    ],
)
def test_a_statements_rule_beside_a_failed_field_is_judged(
    make_folder: MakeFolder, change: dict[str, Any], told: list[tuple[str, str]]
) -> None:
    problems = _found(make_folder, statements=[{**_TWO_RULES_BROKEN, **change}])
    assert [(p.field, p.code) for p in problems if p.code != "integrity"] == told


def test_an_event_reports_its_rule_and_each_of_its_figures(make_folder: MakeFolder) -> None:
    figures = [
        _figure(qualifier="at_least", best=9, high=3),
        _figure(qualifier="more_than", low=4, best=4, asserted_by="person:a",
                joined_by=["person:a"]),
    ]  # fmt: skip
    event = event_doc(date=None, date_of="report", figures=figures)
    folder = make_folder(
        {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": [event]}
    )
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    problems = caught.value.problems
    assert sorted((p.field or "", p.message) for p in problems) == [
        ("date_of", "date_of needs date"),
        ("figures[0].high", "best (9) is greater than high (3)"),
        ("figures[0].low", "qualifier 'at_least' needs low"),
        ("figures[1].best", "'more than 4' is not 4: remove best (the number stated is low)"),
        (
            "figures[1].joined_by[0]",
            "names 'person:a', who is already the one who asserted it; joined_by names the others",
        ),
    ]
    assert len(problems) == 5
    assert {p.code for p in problems} == {"rule"}
    assert "5 problems" in str(caught.value)


_NUMBER = st.none() | st.integers(0, 4)
_FIGURES = st.fixed_dictionaries(
    {
        "low": _NUMBER,
        "best": _NUMBER,
        "high": _NUMBER,
        "qualifier": st.sampled_from([q.value for q in FigureQualifier]),
        "range_meaning": st.none() | st.sampled_from([m.value for m in RangeMeaning]),
        "asserted_by": st.none() | st.just("person:a"),
        "joined_by": st.lists(st.sampled_from(["person:a", "person:b"]), max_size=1),
    }
)


@settings(max_examples=examples(2000))
@given(_FIGURES)
def test_a_figure_is_refused_by_its_rules_exactly_where_the_diagnostic_path_tells_one(
    numbers: dict[str, Any],
) -> None:
    # The constructor and the fast path's walks call _rules (the first rule broken); the
    # diagnostic path tells each: both refuse the same figures, and the first is among each.
    figure = {name: value for name, value in numbers.items() if value is not None}
    try:
        Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE,
               citations=(Citation(source="source:doc"),), **figure)  # fmt: skip
    except FieldError as error:
        first: tuple[str, str] | None = (f"figures[0].{error.field}", error.message)
    else:
        first = None
    problems: list[Problem] = []
    try:
        structure("events", event_doc(figures=[_figure(**figure)]))
    except InvalidDataError as caught:
        problems = list(caught.problems)
    told = [(p.field or "", p.message) for p in problems]
    assert {p.code for p in problems} <= {"rule"}
    assert (first is None) == (told == [])
    assert first is None or told[0] == first
    assert len(set(told)) == len(told)
