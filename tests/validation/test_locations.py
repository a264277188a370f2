"""Problem locations name the record: its place in the files, its ID, then the field.

On every path (the converter after the fast path refuses, JSON Schema validation, the
integrity rules) and in every layout (a folder, one JSON document, JSON Lines), with the
location's parts as the problem's attributes; a record with no usable ID is named by its place
and by why it has none.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem
from rightsdata._cli.exits import EXIT_INVALID
from rightsdata._cli.main import main
from rightsdata._validation.convert import structure, structure_many
from rightsdata._validation.fastpath import REFUSED, decode_with_ids
from rightsdata._values.errors import ProblemCode

from conftest import LAYOUTS, event_doc, parts, person_doc, source_doc, write_folder
from conftest import write_layout as write


def problems(path: Path, **options: Any) -> list[Problem]:
    """The problems load_path raises, checked to be validate()'s, parts and all."""
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, **options)
    found = list(caught.value.problems)
    listed = rightsdata.validate(path, **options)
    assert listed == found
    assert [parts(p) for p in listed] == [parts(p) for p in found]
    return found


def events_with(second: Any) -> dict[str, list[Any]]:
    """Sources, a person, and two events: event:a (valid), then ``second``."""
    return {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "events": [event_doc(), second],
    }


#: Where the second event is, in each layout: the location's start, file, index, line.
SECOND_EVENT: dict[str, tuple[str, str, int | None, int | None]] = {
    "folder": ("events.json[1]", "events.json", 1, None),
    "document": ("all.json:events[1]", "all.json", 1, None),
    "lines": ("all.jsonl:4", "all.jsonl", None, 4),
}


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_bad_field_names_its_record_in_every_layout(
    tmp_path: Path, layout: str, schema: bool
) -> None:
    path = write(tmp_path, layout, events_with(event_doc("event:b", date="2012-13-01")))
    found = problems(path, schema=schema)
    place, file, index, line = SECOND_EVENT[layout]
    expected = [
        (
            f"{place} event:b.date",
            "'2012-13-01' is not an EDTF date: month 13 does not exist",
            ProblemCode.VALUE,
        )
    ]
    # (with the schemas too: theirs restates the model's, which is reported alone)
    assert [(p.location, p.message, p.code) for p in found] == expected
    assert {parts(p) for p in found} == {(file, "events", index, line, "event:b", "date")}


def test_the_fast_path_refuses_and_the_converter_names_the_record(tmp_path: Path) -> None:
    bad = [event_doc(), event_doc("event:b", title=7)]
    data = json.dumps(bad).encode("utf-8")
    with pytest.raises(REFUSED):  # the fast path only refuses: it locates nothing
        decode_with_ids("events", data)
    path = write(tmp_path, "folder", events_with(bad[1]))
    (problem,) = problems(path)
    _, direct = structure_many("events", bad, "events.json")
    assert direct == [problem] and parts(direct[0]) == parts(problem)
    assert str(problem) == "events.json[1] event:b.title: expected text, got an integer (7)"


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_empty_key_is_named_at_its_holder(tmp_path: Path, layout: str, schema: bool) -> None:
    second = event_doc("event:b", **{"": 1})
    second["citations"][0][""] = 2
    found = problems(write(tmp_path, layout, events_with(second)), schema=schema)
    place = SECOND_EVENT[layout][0]
    # (in the model's words alone: the schema's "Additional properties" restates them)
    assert {str(p) for p in found} == {
        f"{place} event:b: unknown field ''",
        f"{place} event:b.citations[0]: unknown field ''",
    }
    assert len(found) == 2


def test_an_empty_key_in_the_descriptor_is_named(tmp_path: Path) -> None:
    folder = write(tmp_path, "folder", events_with(event_doc("event:b")))
    (folder / "datapackage.json").write_text('{"": 1}', encoding="utf-8")
    said = [str(p) for p in problems(folder)]
    assert any(s.startswith("datapackage.json: unknown field ''") for s in said), said


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_integrity_problem_names_its_record_in_every_layout(tmp_path: Path, layout: str) -> None:
    second = event_doc("event:b", participants=[{"actor": "person:gone", "role": "victim"}])
    documents = events_with(second)
    if layout == "folder":  # the fast path reads these files: integrity locates alone
        decode_with_ids("events", json.dumps(documents["events"]).encode("utf-8"))
    (problem,) = problems(write(tmp_path, layout, documents))
    place, file, index, line = SECOND_EVENT[layout]
    assert str(problem) == f"{place} event:b.participants[0].actor: 'person:gone' does not exist"
    assert parts(problem) == (file, "events", index, line, "event:b", "participants[0].actor")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_record_after_one_that_failed_keeps_its_place(tmp_path: Path, layout: str) -> None:
    documents = events_with(event_doc("event:b", part_of="event:gone"))
    documents["events"][0]["date"] = "2012-13-01"
    found = problems(write(tmp_path, layout, documents))
    place, file, index, line = SECOND_EVENT[layout]
    assert [p.location for p in found] == [
        f"{place.replace('[1]', '[0]').replace(':4', ':3')} event:a.date",
        f"{place} event:b.part_of",
    ]
    assert parts(found[1]) == (file, "events", index, line, "event:b", "part_of")


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ({}, "(no id)"),
        ({"id": None}, "(no id)"),
        ({"id": 5}, "(invalid id)"),
        ({"id": "Event B"}, "(invalid id)"),
        ({"id": ""}, "(invalid id)"),
        ({"id": "event:b\ud800"}, "(invalid id)"),
    ],
)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_record_without_a_usable_id_is_named_by_its_place(
    tmp_path: Path, layout: str, given: dict[str, Any], named: str
) -> None:
    second = {k: v for k, v in event_doc(date="2012-13-01").items() if k != "id"} | given
    found = problems(write(tmp_path, layout, events_with(second)))
    place, file, index, line = SECOND_EVENT[layout]
    by_field = {p.field: p for p in found}
    assert by_field["date"].location == f"{place} {named}.date"
    assert parts(by_field["date"]) == (file, "events", index, line, None, "date")
    assert by_field["id"].location == f"{place} {named}.id"  # which says what is wrong
    assert set(by_field) == {"id", "date"}


@pytest.mark.parametrize("layout", ["folder", "document"])
def test_a_value_that_is_not_an_object_is_named_by_its_place_alone(
    tmp_path: Path, layout: str
) -> None:
    (problem,) = problems(write(tmp_path, layout, events_with(5)))
    place, file, index, _ = SECOND_EVENT[layout]
    assert str(problem) == f"{place}: expected an object, got an integer (5)"
    assert parts(problem) == (file, "events", index, None, None, None)


def test_json_lines_that_name_no_kind_are_named_by_line_and_id(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    lines = [
        {"$kind": "persons", **event_doc()},
        {"$kind": "happenings", **event_doc("event:b")},
        {"title": "no kind, no id"},
        [1],
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    found = problems(path)
    assert [(str(p), parts(p)) for p in found] == [
        (
            "x.jsonl:1 event:a.$kind: says 'persons' but its id 'event:a' is an event's; it "
            'is an event (its fields say so): write "$kind": "events"',
            ("x.jsonl", "persons", None, 1, "event:a", "$kind"),
        ),
        (
            "x.jsonl:2 event:b.$kind: 'happenings' is not a record kind; expected one of "
            + ", ".join(rightsdata.KINDS),
            ("x.jsonl", None, None, 2, "event:b", "$kind"),
        ),
        (
            "x.jsonl:3 (no id): says neither its kind ('$kind') nor an id whose prefix names one",
            ("x.jsonl", None, None, 3, None, None),
        ),
        (
            "x.jsonl:4: expected a record (an object), got a list",
            ("x.jsonl", None, None, 4, None, None),
        ),
    ]


def test_problems_outside_records_name_only_their_file(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "f",
        {
            "sources.json": [source_doc()],
            "persons.json": "[{",
            # (to a source: a person may be in the persons.json that cannot be read)
            "redirects.json": [{"id": "source:x", "to": "source:gone"}],
        },
    )
    found = problems(folder)
    assert [p.location for p in found] == ["persons.json", "redirects.json[0].to"]
    assert [parts(p) for p in found] == [
        ("persons.json", None, None, None, None, None),
        ("redirects.json", None, None, None, None, None),
    ]


def test_one_record_structured_alone_is_named_by_its_id() -> None:
    with pytest.raises(InvalidDataError) as caught:
        structure("persons", person_doc("person:kozlov", born="2012-13"), "persons.json[4]")
    (problem,) = caught.value.problems
    assert problem.location == "persons.json[4] person:kozlov.born"
    assert parts(problem) == (None, "persons", None, None, "person:kozlov", "born")


def test_a_problem_keeps_its_parts_when_pickled() -> None:
    problem = Problem(
        "data.jsonl:40 event:a.date",
        "bad",
        ProblemCode.VALUE,
        file="data.jsonl",
        kind="events",
        line=40,
        record_id="event:a",
        field="date",
    )
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem and parts(again) == parts(problem)
    error = pickle.loads(pickle.dumps(InvalidDataError([problem])))
    assert parts(error.problems[0]) == ("data.jsonl", "events", None, 40, "event:a", "date")
    assert Problem("x", "m") == Problem("x", "m", file="f")  # equal by location, message, code


def test_the_command_line_prints_the_parts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "lines", events_with(event_doc("event:b", tilte="A verdict")))
    assert main(["validate", str(path), "--json"]) == EXIT_INVALID
    shown = json.loads(capsys.readouterr().out)
    assert shown == [
        {
            "location": "all.jsonl:4 event:b.tilte",
            "message": "unknown field; did you mean 'title'?",
            "code": "unknown_field",
            "file": "all.jsonl",
            "kind": "events",
            "index": None,
            "line": 4,
            "record_id": "event:b",
            "field": "tilte",
            "missing_id": None,
            "redirects_to": None,
        }
    ]
    # the field's "did you mean" reads the kind and the field, in JSON Lines too
    assert main(["validate", str(path)]) == EXIT_INVALID
    said = " ".join(capsys.readouterr().out.split())
    assert "all.jsonl:4 event:b.tilte: unknown field; did you mean 'title'?" in said
