"""Integrity across records, through the loader: every problem at once, each located."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from rightsdata import InvalidDataError
from rightsdata._data.loading import read_folder
from rightsdata._values.errors import ProblemCode

from conftest import CITE, event_doc, person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]


def rating(record_id: str, as_of: str, level: str, previous: str | None) -> dict[str, Any]:
    return {
        "id": record_id,
        "country": "place:kz",
        "scale": "civicus_monitor",
        "level": level,
        "as_of": as_of,
        "previous": previous,
        "rated_by": "org:civicus",
        "citations": [CITE],
        "inferred": [],
    }


def base_files(**extra: Any) -> dict[str, Any]:
    files: dict[str, Any] = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc()],
    }
    files.update({f"{k}.json": v for k, v in extra.items()})
    return files


def integrity_problems(make_folder: MakeFolder, files: Mapping[str, Any]) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        read_folder(make_folder(files))
    assert all(p.code == ProblemCode.INTEGRITY for p in caught.value.problems)
    return [f"{p.location}: {p.message}" for p in caught.value.problems]


def test_a_consistent_folder_loads(make_folder: MakeFolder) -> None:
    dataset = read_folder(make_folder(base_files()))
    assert dataset.counts()["events"] == 1


def test_dangling_references_and_unknown_sources(make_folder: MakeFolder) -> None:
    bad = event_doc(
        "event:b",
        participants=[{"actor": "person:nobody", "role": "victim"}],
        citations=[{**CITE, "source": "source:missing"}],
        part_of="event:ghost",
    )
    found = integrity_problems(make_folder, base_files(events=[event_doc(), bad]))
    assert found == [
        "events.json[1] event:b.participants[0].actor: 'person:nobody' does not exist",
        "events.json[1] event:b.part_of: 'event:ghost' does not exist",
        "events.json[1] event:b.citations[0].source: 'source:missing' does not exist",
    ]


def test_duplicate_ids(make_folder: MakeFolder) -> None:
    found = integrity_problems(make_folder, base_files(persons=[person_doc(), person_doc()]))
    assert found == [
        "persons.json[1] person:a.id: 'person:a' is used twice; first at persons.json[0]"
    ]


def test_part_of_cycle(make_folder: MakeFolder) -> None:
    events = [
        event_doc("event:a", part_of="event:b"),
        event_doc("event:b", part_of="event:c"),
        event_doc("event:c", part_of="event:a"),
    ]
    found = integrity_problems(make_folder, base_files(events=events))
    assert found == [
        "events.json[0] event:a.part_of: part_of forms a cycle: "
        "event:a -> event:b -> event:c -> event:a"
    ]


def test_rating_previous_must_match_the_rating_before(make_folder: MakeFolder) -> None:
    files = base_files(
        places=[
            {
                "id": "place:kz",
                "name": "Kazakhstan",
                "aliases": [],
                "kind": "country",
                "country": "KZ",
                "within": None,
                "citations": [CITE],
                "inferred": [],
            }
        ],
        organizations=[
            {
                "id": "org:civicus",
                "name": "CIVICUS",
                "aliases": [],
                "kind": "ngo",
                "country": None,
                "status": None,
                "founded": None,
                "summary": None,
                "citations": [CITE],
                "inferred": [],
            }
        ],
        ratings=[
            rating("rating:b", "2022", "repressed", "narrowed"),
            rating("rating:a", "2019-12", "obstructed", None),
        ],
    )
    found = integrity_problems(make_folder, files)
    assert len(found) == 1
    assert found[0].startswith("ratings.json[0] rating:b.previous: says the level before was")
    assert "'obstructed'" in found[0]
    files["ratings.json"][0]["previous"] = "obstructed"
    read_folder(make_folder(files))


def test_relationship_to_itself(make_folder: MakeFolder) -> None:
    rel = {
        "id": "relationship:a",
        "subject": "person:a",
        "kind": "friend_of",
        "object": "person:a",
        "title": None,
        "start": None,
        "end": None,
        "citations": [CITE],
        "inferred": [],
    }
    found = integrity_problems(make_folder, base_files(relationships=[rel]))
    assert found == [
        "relationships.json[0] relationship:a.object: "
        "a relationship's subject and object are the same record"
    ]
