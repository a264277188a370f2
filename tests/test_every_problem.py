"""One read reports every problem of a record that can be known without guessing: each
field's own problems whatever its siblings' are, each part's, every bad name a part gives of
its holder's fields, and the record's cross-field rules on the fields that were valid (the
rules of one record or part stop at the first one broken: a figure's misordered numbers hide
what its qualifier needs).

Each case below took more than one run of ``rightsdata validate`` before (review 8): the
first problem of a record or part hid the rest until it was fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem

from conftest import CITE, event_doc, person_doc, source_doc

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
