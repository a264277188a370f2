"""A record filed under another kind than its ID names (a person in ``organizations.json``,
in a document's ``"organizations"`` list, on a line of ``"$kind": "organizations"``) is told
the same in every layout: one problem for the misfiling, where it is filed and what its ID
says, and the record's own problems as the kind it is, never those that come only from
judging it as the wrong kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Problem

from conftest import LAYOUTS, event_doc, person_doc, source_doc
from conftest import write_layout as write


def with_stray(kind: str, stray: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A source, a person, and ``stray`` filed under ``kind``."""
    documents: dict[str, list[dict[str, Any]]] = {
        "sources": [source_doc()],
        "persons": [person_doc()],
    }
    documents.setdefault(kind, []).append(stray)
    return documents


#: A person in the organisations' list whose fields fit both kinds alike, with a bad name
#: and a citation of no source: the ID decides (a person), and its own problems are told.
PERSON_AMONG_ORGANIZATIONS = (
    "organizations",
    {"id": "person:y", "name": 5, "citations": [{"source": "source:nope"}]},
)
#: An event in the persons' list, by its ID and its fields, with a bad date.
EVENT_AMONG_PERSONS = ("persons", event_doc("event:b", date="2012-13-01"))
#: A person whose ID is an event's (its fields say it is a person), with a bad name.
PERSON_WITH_AN_EVENTS_ID = ("persons", person_doc("event:jane", name=5))

CASES = {
    "tie": PERSON_AMONG_ORGANIZATIONS,
    "event": EVENT_AMONG_PERSONS,
    "wrong-id": PERSON_WITH_AN_EVENTS_ID,
}


def own(problems: list[Problem]) -> list[tuple[object, ...]]:
    """What every layout tells alike of the stray: each problem's record, code and kind,
    and, but for the misfiling's one problem (worded for its layout), its field and words."""
    misfiling = ("", "$kind", "id")
    return [
        (p.record_id, p.code, p.kind)
        + ((None,) if p.code == "value" and (p.field or "") in misfiling else (p.field, p.message))
        for p in problems
    ]


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_layouts_agree_on_a_record_of_another_kind(
    tmp_path: Path, case: str, schema: bool
) -> None:
    kind, stray = CASES[case]
    documents = with_stray(kind, stray)
    found = {
        layout: list(
            rightsdata.validate(write(tmp_path / layout, layout, documents), schema=schema)
        )
        for layout in LAYOUTS
    }
    told = {layout: own(problems) for layout, problems in found.items()}
    assert told["folder"] == told["document"] == told["lines"], told
    misfilings = [p for p in found["lines"] if p.field == "$kind"]
    assert len(misfilings) == 1  # (one problem for the misfiling, in every layout)
    # nothing that comes only from judging it as the kind it is filed under
    for problems in found.values():
        assert not any(p.field == "kind" for p in problems)
        assert not any(p.code == "unknown_field" for p in problems)


def test_a_person_among_organizations_is_told_and_judged_as_a_person(tmp_path: Path) -> None:
    kind, stray = PERSON_AMONG_ORGANIZATIONS
    documents = with_stray(kind, stray)
    folder = [str(p) for p in rightsdata.validate(write(tmp_path, "folder", documents))]
    assert folder == [
        "organizations.json[0] person:y: its id 'person:y' is a person's, not an "
        "organisation's: persons belong in persons.json; if it is an organisation, give it "
        "an organisation's id (org:...)",
        "organizations.json[0] person:y.name: expected text, got an integer (5)",
        "organizations.json[0] person:y.citations[0].source: 'source:nope' does not exist",
    ]
    lines = [str(p) for p in rightsdata.validate(write(tmp_path, "lines", documents))]
    assert lines == [
        "all.jsonl:3 person:y.$kind: says 'organizations' but its id 'person:y' is a person's",
        "all.jsonl:3 person:y.name: expected text, got an integer (5)",
        "all.jsonl:3 person:y.citations[0].source: 'source:nope' does not exist",
    ]


def test_a_misfiled_records_id_is_not_dangling_and_its_references_are_judged(
    tmp_path: Path,
) -> None:
    """Judged as an event, the stray's participant is checked; a reference to it is not
    told as dangling (its own problems are), in every layout."""
    stray = event_doc("event:b", participants=[{"actor": "person:gone", "role": "victim"}])
    documents = with_stray("persons", stray)
    documents["events"] = [event_doc("event:c", part_of="event:b")]
    for layout in LAYOUTS:
        found = rightsdata.validate(write(tmp_path / layout, layout, documents))
        assert [(p.record_id, p.field, p.missing_id) for p in found][1:] == [
            ("event:b", "participants[0].actor", "person:gone")
        ], layout


def test_load_documents_agrees(tmp_path: Path) -> None:
    kind, stray = PERSON_AMONG_ORGANIZATIONS
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_documents(with_stray(kind, stray))
    assert [(p.record_id, p.field, p.code) for p in caught.value.problems] == [
        ("person:y", None, "value"),
        ("person:y", "name", "type"),
        ("person:y", "citations[0].source", "integrity"),
    ]
