"""Integrity across records, through the loader: every problem at once, each located."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._data.loading import read_folder
from rightsdata._model.records import KINDS
from rightsdata._values.errors import ProblemCode
from rightsdata.vocab import Role

from conftest import (
    CITE,
    event_doc,
    examples,
    person_doc,
    rating_doc,
    source_doc,
    write_folder,
)

MakeFolder = Callable[[Mapping[str, Any]], Path]


def rating(record_id: str, as_of: str, level: str, previous: str | None) -> dict[str, Any]:
    return rating_doc(record_id, as_of, level, previous=previous, rated_by="org:civicus")


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


def test_a_misspelt_reference_is_told_the_ids_of_its_kind_spelled_like_it(
    make_folder: MakeFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    persons = [person_doc(), person_doc("person:jane-doe"), person_doc("person:jane-roe")]
    bad = event_doc(
        "event:b",
        participants=[{"actor": "person:jane-do", "role": "victim"}],
        citations=[{**CITE, "source": "source:dok"}],
        part_of="event:ghost",
    )
    files = base_files(persons=persons, events=[event_doc(), bad])
    found = integrity_problems(make_folder, files)
    assert found == [
        "events.json[1] event:b.participants[0].actor: 'person:jane-do' does not exist; "
        "did you mean 'person:jane-doe' or 'person:jane-roe'?",
        "events.json[1] event:b.part_of: 'event:ghost' does not exist",  # (none like it)
        "events.json[1] event:b.citations[0].source: 'source:dok' does not exist; "
        "did you mean 'source:doc'?",
    ]
    # in Python as on the command line, which adds no second hint of its own
    folder = write_folder(tmp_path / "cli", files)
    assert rightsdata.validate(folder)[0].message.endswith(
        "did you mean 'person:jane-doe' or 'person:jane-roe'?"
    )
    from rightsdata._cli.main import main

    assert main(["validate", str(folder)]) == 1
    said = " ".join(capsys.readouterr().out.split())
    assert said.count("did you mean") == 2


def test_a_hint_names_only_ids_the_same_run_accepts(tmp_path: Path) -> None:
    # an event filed with a person's ID is refused for it: no reference is told to name it,
    # while a failed record's well-formed ID of its own kind, and a structured one, are
    persons = [person_doc("person:jane-roe"), {**person_doc("person:jane-moe"), "born": "x"}]
    wrong = [{"actor": "person:jane-do", "role": "victim"}]
    folder = write_folder(
        tmp_path,
        base_files(
            persons=persons,
            events=[event_doc("person:jane-doe"), event_doc("event:b", participants=wrong)],
        ),
    )
    said = {p.location: p.message for p in rightsdata.validate(folder)}
    assert said["events.json[1] event:b.participants[0].actor"] == (
        "'person:jane-do' does not exist; did you mean 'person:jane-roe' or 'person:jane-moe'?"
    )
    # a redirect to no record is told the same
    (folder / "redirects.json").write_text(
        '[{"id": "person:old", "to": "person:jane-do"}]', encoding="utf-8"
    )
    said = {p.location: p.message for p in rightsdata.validate(folder)}
    assert said["redirects.json[0].to"] == (
        "'person:jane-do' does not exist; did you mean 'person:jane-roe' or 'person:jane-moe'?"
    )


def test_the_hints_of_misspelt_references_stop_at_their_budget(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._validation import integrity

    persons = [person_doc(), *(person_doc(f"person:jane-doe-{n}") for n in range(3))]
    wrong = [{"actor": f"person:jane-doe-{n}x", "role": "victim"} for n in range(3)]
    files = base_files(
        persons=persons, events=[event_doc(), event_doc("event:b", participants=wrong)]
    )
    # each reference's hint compares it with every ID of its kind (4 persons here), each
    # comparison costing the product of the slugs' lengths, each plus 16
    cost = (len("jane-doe-0x") + 16) * (len("a") + 16 + 3 * (len("jane-doe-0") + 16))
    monkeypatch.setattr(integrity, "HINT_BUDGET", 2 * cost)
    found = integrity_problems(make_folder, files)
    assert [("did you mean" in line) for line in found] == [True, True, False]
    monkeypatch.setattr(integrity, "HINT_BUDGET", cost - 1)  # less than one reference takes
    assert not any("did you mean" in line for line in integrity_problems(make_folder, files))


def test_the_hint_budget_charges_long_ids_by_their_length() -> None:
    from rightsdata._validation.integrity import _HINT_OVERHEAD, HINT_BUDGET, Hints

    # 1,000 IDs of slugs long enough that comparing one reference with them all costs 2/5
    # of the budget (difflib's cost grows with the product of the lengths), so the third
    # reference goes without, where counting comparisons (3,000) gave it one too
    length = int((HINT_BUDGET / 2.5 / 1000) ** 0.5) - _HINT_OVERHEAD - 4  # (the "-999" ending)
    ids = [f"person:{('zhanaozen-verdict-' * 99)[:length]}-{n:03}" for n in range(1000)]
    hints = Hints(ids)
    said = [hints(f"{record_id}x") for record_id in ids[:3]]
    assert [ids[n] in said[n] for n in range(3)] == [True, True, False]
    assert said[2] == ""


def test_references_and_redirects_share_one_hint_budget(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._validation import integrity

    persons = [person_doc(), person_doc("person:jane-doe")]
    wrong = event_doc("event:b", participants=[{"actor": "person:jane-do", "role": "victim"}])
    files = base_files(persons=persons, events=[event_doc(), wrong])
    files["redirects.json"] = [{"id": "person:old", "to": "person:jane-dou"}]
    found = integrity_problems(make_folder, files)
    assert sum("did you mean 'person:jane-doe'" in line for line in found) == 2
    # a budget that would pay for the redirect's hint alone, once the reference's is paid,
    # leaves the redirect without it (a budget for each had given it)
    cost = (len("jane-dou") + integrity._HINT_OVERHEAD) * sum(
        len(slug) + integrity._HINT_OVERHEAD for slug in ("a", "jane-doe")
    )
    monkeypatch.setattr(integrity, "HINT_BUDGET", cost)
    found = integrity_problems(make_folder, files)
    assert sum("did you mean" in line for line in found) == 1


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


def place_doc(record_id: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "name": "A place",
        "kind": "city",
        "country": "KZ",
        "citations": [dict(CITE)],
        **changes,
    }


def test_within_cycle(make_folder: MakeFolder) -> None:
    places = [
        place_doc("place:kz", within="place:almaty"),
        place_doc("place:almaty", within="place:kz"),
        place_doc("place:astana", within="place:astana"),
        place_doc("place:shymkent", within="place:kz"),  # runs into the cycle: not reported again
    ]
    found = integrity_problems(make_folder, base_files(places=places))
    assert found == [
        "places.json[0] place:kz.within: within forms a cycle: "
        "place:kz -> place:almaty -> place:kz",
        "places.json[2] place:astana.within: within forms a cycle: place:astana -> place:astana",
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


# --- the rules' shortcuts: the same problems as the plain loops -------------------------------


def _victims_born_late_files() -> dict[str, Any]:
    victim = "victim"
    events = [
        event_doc("event:a", date="1995", participants=[
            {"actor": "person:b", "role": victim},
            {"actor": "person:a", "role": "defendant"},
            {"actor": "person:a", "role": victim},
        ]),
        event_doc("event:b", date="1990", participants=[{"actor": "person:c", "role": victim}]),
        event_doc("event:c", date=None, participants=[{"actor": "person:a", "role": victim}]),
        event_doc("event:d", date="1999", participants=[{"actor": "person:a", "role": "judge"}]),
        event_doc("event:e", date="2001", participants=[{"actor": "person:a", "role": victim}]),
        event_doc("event:f", date="1980", participants=[
            {"actor": "person:a", "role": victim},
            {"actor": "person:b", "role": victim},
            {"actor": "person:a", "role": victim},
        ]),
    ]  # fmt: skip
    persons = [
        person_doc("person:a", born="2000"),
        person_doc("person:b", born="1990"),
        person_doc("person:c"),
    ]
    return base_files(persons=persons, events=events)


def test_victims_born_after_the_event_are_found_among_the_grouped_victims(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rule looks only at the events the load's walk grouped as having a victim: the same
    # problems, in the same order, as a look at every event.
    from rightsdata._validation import integrity

    looked: list[int] = []
    holding = integrity.Context.holding

    def spying(self: integrity.Context, kind: str, path: str, value: object) -> Any:
        found = list(holding(self, kind, path, value))
        looked.extend(index for index, _ in found)
        return iter(found)

    monkeypatch.setattr(integrity.Context, "holding", spying)
    found = integrity_problems(make_folder, _victims_born_late_files())
    assert looked == [0, 1, 2, 4, 5]  # not event:d, whose only participant is no victim
    assert found == [
        "events.json[0] event:a.participants[2].actor: 'person:a' was born 2000, after this "
        "event (1995)",
        "events.json[5] event:f.participants[0].actor: 'person:a' was born 2000, after this "
        "event (1980)",
        "events.json[5] event:f.participants[1].actor: 'person:b' was born 1990, after this "
        "event (1980)",
        "events.json[5] event:f.participants[2].actor: 'person:a' was born 2000, after this "
        "event (1980)",
    ]


def test_the_grouped_victims_give_what_a_look_at_every_event_gives() -> None:
    from rightsdata._model.records import Event
    from rightsdata._validation import integrity
    from rightsdata._validation.bulkcheck import gathered
    from rightsdata._validation.convert import structure_many

    files = _victims_born_late_files()
    records = {
        kind: structure_many(kind, files[f"{kind}.json"], f"{kind}.json")[0]
        for kind in ("sources", "persons", "events")
    }
    assert all(type(e) is Event for e in records["events"])
    where = {kind: f"{kind}.json" for kind in records}
    plain = integrity.Context(records, where, {}, "redirects.json", {})
    grouped = integrity.Context(
        records, where, {}, "redirects.json", {}, gathered={"events": gathered(records["events"])}
    )
    victim = Role.VICTIM
    assert [i for i, _ in grouped.holding("events", "participants.role", victim)] == [0, 1, 2, 4, 5]
    assert list(plain.holding("events", "participants.role", victim)) == list(
        enumerate(records["events"])
    )
    # a value no record holds: none to look at
    assert list(grouped.holding("events", "participants.role", Role.COURT)) == []
    expected = integrity._born_before_taking_part(plain)
    assert len(expected) == 4
    assert integrity._born_before_taking_part(grouped) == expected


def test_part_of_cycles_reached_from_a_chain_and_of_one_event(make_folder: MakeFolder) -> None:
    events = [
        event_doc("event:t", part_of="event:a"),  # a chain that runs into the cycle below
        event_doc("event:a", part_of="event:b"),
        event_doc("event:b", part_of="event:a"),
        event_doc("event:s", part_of="event:s"),
        *(event_doc(f"event:n{i}", part_of=f"event:n{i + 1}") for i in range(30)),
        event_doc("event:n30"),
    ]
    found = integrity_problems(make_folder, base_files(events=events))
    assert found == [
        "events.json[1] event:a.part_of: part_of forms a cycle: event:a -> event:b -> event:a",
        "events.json[3] event:s.part_of: part_of forms a cycle: event:s -> event:s",
    ]


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.sampled_from("abcdefghij")))
def test_chains_end_unless_one_reaches_a_cycle(parent: dict[str, str]) -> None:
    from rightsdata._validation.integrity import _chains_end

    def ends(start: str) -> bool:
        seen = {start}
        current = parent.get(start)
        while current is not None:
            if current in seen:
                return False
            seen.add(current)
            current = parent.get(current)
        return True

    assert _chains_end(parent) is all(map(ends, parent))


def test_distinct_ends_judges_relationships_only() -> None:
    # Records of another class among the relationships have no ends: the C-level look at the
    # ends fails on them, and the plain loop skips them, as it always did.
    from rightsdata._validation.convert import structure_many
    from rightsdata._validation.integrity import Context, _distinct_ends

    persons, problems = structure_many("persons", [person_doc()], "persons.json")
    assert not problems
    context = Context({"relationships": persons}, {}, {}, "redirects", {})
    assert _distinct_ends(context) == []


@pytest.mark.parametrize("layout", ["data.json", "data.jsonl"])
def test_victims_born_late_in_a_document_and_in_json_lines(tmp_path: Path, layout: str) -> None:
    import json

    documents = {
        name.removesuffix(".json"): items for name, items in _victims_born_late_files().items()
    }
    path = tmp_path / layout
    if layout.endswith(".jsonl"):
        lines = [json.dumps({"$kind": k, **r}) for k, items in documents.items() for r in items]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps(documents), encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path)
    found = [(p.record_id, p.field, p.message) for p in caught.value.problems]
    assert found == [
        ("event:a", "participants[2].actor", "'person:a' was born 2000, after this event (1995)"),
        ("event:f", "participants[0].actor", "'person:a' was born 2000, after this event (1980)"),
        ("event:f", "participants[1].actor", "'person:b' was born 1990, after this event (1980)"),
        ("event:f", "participants[2].actor", "'person:a' was born 2000, after this event (1980)"),
    ]


# --- a record's bad field hides none of its references ---------------------------------------


def _write_layout(tmp_path: Path, layout: str, kinds: Mapping[str, list[Any]]) -> Path:
    """``kinds`` (kind -> documents) as a folder, one JSON document or JSON Lines."""
    import json

    if layout == "folder":
        return write_folder(tmp_path / "ds", {f"{k}.json": v for k, v in kinds.items()})
    path = tmp_path / f"data.{layout}"
    if layout == "jsonl":
        lines = [json.dumps({"$kind": k, **d}) for k, items in kinds.items() for d in items]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps(kinds), encoding="utf-8")
    return path


def _bad_event(record_id: str = "event:a", **changes: Any) -> dict[str, Any]:
    """An event that fails to structure (a misspelt role, a number as a locator) and refers
    to a person and a source that do not exist."""
    return event_doc(
        record_id,
        participants=[{"actor": "person:nobody", "role": "victm"}],
        citations=[{"source": "source:example-report", "locator": 5}],
        **changes,
    )


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_records_bad_field_hides_none_of_its_references(tmp_path: Path, layout: str) -> None:
    kinds = {"sources": [source_doc()], "persons": [person_doc()], "events": [_bad_event()]}
    found = [
        (p.field, p.code, p.message)
        for p in rightsdata.validate(_write_layout(tmp_path, layout, kinds))
    ]
    assert [(field, code) for field, code, _ in found] == [
        ("participants[0].role", ProblemCode.VALUE),
        ("citations[0].locator", ProblemCode.TYPE),
        ("participants[0].actor", ProblemCode.INTEGRITY),
        ("citations[0].source", ProblemCode.INTEGRITY),
    ]
    assert found[2][2] == "'person:nobody' does not exist"
    assert found[3][2] == "'source:example-report' does not exist"


def test_documents_in_python_have_every_reference_checked_too() -> None:
    documents = {"sources": [source_doc()], "persons": [person_doc()], "events": [_bad_event()]}
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents(documents)
    assert [p.location for p in caught.value.problems][2:] == [
        "documents:events[0] event:a.participants[0].actor",
        "documents:events[0] event:a.citations[0].source",
    ]


def test_a_failed_records_references_are_judged_as_a_structured_ones(
    make_folder: MakeFolder,
) -> None:
    events = [
        # its references: a wrong-kind ID (its own problem, not also dangling), an ID of a
        # record that failed too (not dangling), and one of a person that does not exist
        event_doc(
            "event:a",
            date="2012-13",
            part_of="event:b",
            citations=[{"source": "person:a"}],
            participants=[{"actor": "person:gone", "role": "victim"}, "not a participant"],
        ),
        event_doc("event:b", date="2012-14"),
    ]
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": events}
    found = [(p.index, p.field, p.code) for p in rightsdata.validate(make_folder(files))]
    assert found == [
        (0, "date", ProblemCode.VALUE),
        (0, "participants[1]", ProblemCode.TYPE),
        (0, "citations[0].source", ProblemCode.VALUE),
        (0, "participants[0].actor", ProblemCode.INTEGRITY),
        (1, "date", ProblemCode.VALUE),
    ]


def test_a_failed_records_references_to_a_kind_not_read_are_not_judged(
    make_folder: MakeFolder,
) -> None:
    # persons.json cannot be read: a reference to a person may name one of its records
    files = {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [_bad_event()]}
    found = [(p.file, p.field) for p in rightsdata.validate(make_folder(files))]
    assert found == [
        ("persons.json", None),
        ("events.json", "participants[0].role"),
        ("events.json", "citations[0].locator"),
        ("events.json", "citations[0].source"),
    ]


def test_an_id_used_by_two_records_that_failed_is_reported_at_once(
    make_folder: MakeFolder,
) -> None:
    events = [event_doc("event:c", date="2020-13"), event_doc("event:c", date="2020-14")]
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": events}
    found = [(p.index, p.field, p.message) for p in rightsdata.validate(make_folder(files))]
    assert found[-1] == (1, "id", "'event:c' is used twice; first at events.json[0]")
    assert len(found) == 3


def test_redirects_to_and_from_a_record_that_failed(make_folder: MakeFolder) -> None:
    def found(redirect: dict[str, str]) -> list[tuple[str, str]]:
        files = {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(), person_doc("person:b", born="2012-13")],
            "events.json": [event_doc()],
            "redirects.json": [redirect],
        }
        return [(p.location, p.message) for p in rightsdata.validate(make_folder(files))]

    # to a record that exists, with a problem of its own: not a redirect to nothing
    assert [location for location, _ in found({"id": "person:old", "to": "person:b"})] == [
        "persons.json[1] person:b.born"
    ]
    # from the ID of a record that exists: said at once
    said = found({"id": "person:b", "to": "person:a"})
    assert [location for location, _ in said] == [
        "persons.json[1] person:b.born",
        "redirects.json[0].id",
    ]
    assert said[1][1].startswith("'person:b' is still the id of a record (persons.json[1])")


def test_a_redirect_to_a_kind_not_read_is_not_judged(make_folder: MakeFolder) -> None:
    # persons.json cannot be read: person:gone may be one of its records
    files = {
        "sources.json": [source_doc()],
        "persons.json": "[{",
        "redirects.json": [{"id": "person:x", "to": "person:gone"}],
    }
    assert [p.location for p in rightsdata.validate(make_folder(files))] == ["persons.json"]


# --- what a load could not judge, it says --------------------------------------------------


def _load_error(path: Path) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path)
    return caught.value


def test_an_unreadable_kind_is_one_problem_and_a_note_naming_it(
    make_folder: MakeFolder,
) -> None:
    # persons.json cannot be read: event:a's person:a may be one of its records
    files = {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [event_doc()]}
    error = _load_error(make_folder(files))
    (problem,) = error.problems
    assert problem.location == "persons.json"
    assert error.unchecked == ("persons",)
    assert str(error).splitlines()[-1] == (
        "Not checked: references to persons, and checks that need their records (not all of "
        "them loaded); a load after the fixes may report more."
    )


def test_a_redirect_to_a_kind_not_read_is_noted(make_folder: MakeFolder) -> None:
    files = {
        "sources.json": [source_doc()],
        "persons.json": "[{",
        "redirects.json": [{"id": "person:x", "to": "person:gone"}],
    }
    assert _load_error(make_folder(files)).unchecked == ("persons",)


def test_a_json_lines_line_of_no_known_kind_notes_every_kind_referred_to(
    tmp_path: Path,
) -> None:
    import json

    path = tmp_path / "data.jsonl"
    lines = ["{not json", json.dumps({"$kind": "events", **event_doc()})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _load_error(path)
    assert [p.location for p in error.problems] == ["data.jsonl:1"]
    # the kinds the event refers to (its citation and participant), and every other: the
    # line may have been a record of any kind, none of whose rules was judged
    assert error.unchecked == tuple(KINDS)


def test_no_note_where_every_reference_was_judged(make_folder: MakeFolder) -> None:
    # an ordinary problem
    files = base_files(events=[event_doc(date="2012-13-01")])
    error = _load_error(make_folder(files))
    assert (len(error.problems), error.unchecked) == (1, ())
    assert "Not checked" not in str(error)
    # and a clean load says nothing, as it raises nothing
    assert rightsdata.load_path(make_folder(base_files())).counts()["events"] == 1


@pytest.mark.parametrize("unread", ["[{", '{"person:a": {}}', "a folder"])
def test_a_kind_whose_file_could_not_be_read_is_noted_though_nothing_refers_to_it(
    make_folder: MakeFolder, unread: str
) -> None:
    """(It was not, without strict: ``unchecked`` was ``()``, and ``validate --json-report``
    said ``"unchecked": []``, as if the problems were all there are, though none of the
    file's records was judged; a kind's file checked alone, and a strict load, named it.)"""
    files = {"sources.json": [source_doc()], "persons.json": "" if unread == "a folder" else unread}
    folder = make_folder(files)
    if unread == "a folder":  # (no regular file: read as a FIFO or a device is not)
        (folder / "persons.json").unlink()
        (folder / "persons.json").mkdir()
    error = _load_error(folder)
    assert (len(error.problems), error.unchecked) == (1, ("persons",))
    assert str(error).splitlines()[-1].startswith("Not checked: references to persons, ")
    assert rightsdata.validate(folder).unchecked == ("persons",)


@pytest.mark.parametrize("text", [b"{not json", b'"a text"', b"\xff\xfe\x00bad"])
def test_a_json_document_not_read_notes_every_kind(tmp_path: Path, text: bytes) -> None:
    """(A JSON document that was not JSON, not an object or not UTF-8 said ``unchecked``
    ``()``, as if its problem were all there is, where a folder's unreadable file names its
    kind and a JSON Lines line not read names every kind: none of its records was judged.)"""
    path = tmp_path / "dataset.json"
    path.write_bytes(text)
    assert rightsdata.validate(path).unchecked == tuple(KINDS)
    assert _load_error(path).unchecked == tuple(KINDS)


def test_a_kind_whose_file_could_not_be_read_is_noted_when_the_rules_stop_at_the_cap(
    make_folder: MakeFolder,
) -> None:
    """(The load that stopped among the rules at ``max_problems`` named only the kinds the
    rules had left unjudged: ``persons``, not read, went unsaid.)"""
    events = [event_doc("event:1", participants=[], citations=[{"source": "source:gone"}])]
    events += [dict(events[0], id=f"event:{n}") for n in (2, 3)]
    folder = make_folder({"sources.json": [], "events.json": events, "persons.json": "[{"})
    for cap in (None, 5, 2):
        found = rightsdata.validate(folder, max_problems=cap)
        assert "persons" in found.unchecked, (cap, [str(p) for p in found])


def _nameless_person() -> dict[str, Any]:
    person = person_doc()
    del person["id"]
    return person


@pytest.mark.parametrize(
    ("layout", "nameless_at"),
    [("folder", "persons.json[1]"), ("json", "data.json:persons[1]"), ("jsonl", "data.jsonl:3")],
)
def test_a_reference_to_a_kind_with_a_record_without_id_is_judged(
    tmp_path: Path, layout: str, nameless_at: str
) -> None:
    # person:a is known, the second person's ID is not: person:gone may be it
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc(), _nameless_person()],
        "events": [event_doc(participants=[{"actor": "person:gone", "role": "victim"}])],
    }
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    assert [(p.kind, p.field, p.code) for p in error.problems] == [
        ("persons", "id", ProblemCode.MISSING),
        ("events", "participants[0].actor", ProblemCode.INTEGRITY),
    ]
    assert error.problems[1].record_id == "event:a"
    assert error.problems[1].message == (
        f"'person:gone' does not exist, unless it is {nameless_at}, whose id cannot be read"
    )
    assert error.unchecked == ()


def test_a_dangling_reference_names_three_of_the_records_without_id(
    make_folder: MakeFolder,
) -> None:
    files = base_files(
        persons=[person_doc(), *[_nameless_person() for _ in range(4)]],
        redirects=[{"id": "person:old", "to": "person:gone"}],
    )
    found = {p.location: p.message for p in _load_error(make_folder(files)).problems}
    assert found["redirects.json[0].to"] == (
        "'person:gone' does not exist, unless it is one of persons.json[1], persons.json[2], "
        "persons.json[3] and 1 more, whose ids cannot be read"
    )


def test_a_kind_none_of_whose_records_has_an_id_is_noted_not_judged(
    make_folder: MakeFolder,
) -> None:
    # nothing of the persons is known: every reference to one would be said, and may be false
    files = base_files(persons=[_nameless_person(), _nameless_person()])
    error = _load_error(make_folder(files))
    assert [p.field for p in error.problems] == ["id", "id"]
    assert error.unchecked == ("persons",)


def _rated(*ratings: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A dataset's documents: ``ratings`` of Kazakhstan by CIVICUS, and what they name."""
    country = {"id": "place:kz", "name": "Kazakhstan", "kind": "country", "country": "KZ"}
    return {
        "sources": [source_doc()],
        "places": [{**country, "citations": [CITE]}],
        "organizations": [
            {"id": "org:civicus", "name": "CIVICUS", "kind": "ngo", "citations": [CITE]}
        ],
        "ratings": list(ratings),
    }


def test_a_ratings_sequence_not_judged_for_a_line_not_read_is_noted(tmp_path: Path) -> None:
    kinds = _rated(
        rating("rating:a", "2019", "obstructed", None),
        rating("rating:b", "2020", "repressed", "obstructed"),
    )
    path = _write_layout(tmp_path, "jsonl", kinds)
    assert rightsdata.load_path(path).counts()["ratings"] == 2
    # a line that may be the rating between them: their sequence is not judged, and said so
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    error = _load_error(path)
    # (every kind: the line may have been a record of any kind, a rating among them)
    assert (len(error.problems), error.unchecked) == (1, tuple(KINDS))


@pytest.mark.parametrize("broken", ["no id", "a bad level"])
def test_a_ratings_sequence_not_judged_for_a_rating_that_failed_is_noted(
    tmp_path: Path, broken: str
) -> None:
    kinds = _rated(
        rating("rating:a", "2019", "obstructed", None),
        rating("rating:b", "2020", "repressed", "closed"),  # (the level before: obstructed)
    )
    path = _write_layout(tmp_path, "folder", kinds)
    assert "the level before was 'closed'" in str(_load_error(path))
    first = kinds["ratings"][0]
    if broken == "no id":
        del first["id"]
    else:
        first["level"] = "bogus"
    error = _load_error(_write_layout(tmp_path / "again", "folder", kinds))
    # the rating before may be the one that failed: not judged, and said so
    assert (len(error.problems), error.unchecked) == (1, ("ratings",))


# --- a rule that could not compare a record with one that failed to structure, says so ------


def _victim_of(date: str | None = "1990") -> dict[str, Any]:
    return event_doc(date=date, participants=[{"actor": "person:a", "role": "victim"}])


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_victim_whose_record_failed_leaves_their_birth_unjudged(
    tmp_path: Path, layout: str
) -> None:
    # person:a fails (a name that is a number): their birth, after the event, is not read
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc(born="2000", name=5)],
        "events": [_victim_of()],
    }
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    assert [p.field for p in error.problems] == ["name"]
    assert error.unchecked == ("persons",)
    # with the name fixed, that one load finds what went unjudged
    for sub in ("fixed", "bad"):
        (tmp_path / sub).mkdir()
    kinds["persons"] = [person_doc(born="2000")]
    again = _load_error(_write_layout(tmp_path / "fixed", layout, kinds))
    assert [p.field for p in again.problems] == ["participants[0].actor"]
    # a birth that cannot be read is not read either
    kinds["persons"] = [person_doc(born="2000-13")]
    assert _load_error(_write_layout(tmp_path / "bad", layout, kinds)).unchecked == ("persons",)


def test_a_failed_victim_with_nothing_to_compare_leaves_nothing_unjudged(
    make_folder: MakeFolder,
) -> None:
    def unchecked(person: dict[str, Any], event: dict[str, Any]) -> tuple[str, ...]:
        files = {"sources.json": [source_doc()], "persons.json": [person], "events.json": [event]}
        return _load_error(make_folder(files)).unchecked

    assert unchecked(person_doc(name=5), _victim_of()) == ()  # (no birth given)
    assert unchecked(person_doc(born="2000", name=5), _victim_of(None)) == ()  # (no date)
    not_victim = event_doc(date="1990")  # (person:a is its defendant)
    assert unchecked(person_doc(born="2000", name=5), not_victim) == ()


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_part_of_cycle_through_an_event_that_failed_is_found(tmp_path: Path, layout: str) -> None:
    # event:b fails (a title that is a number), but its part_of is read: the cycle is found
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "events": [event_doc("event:a", part_of="event:b"), event_doc("event:b", title=5)],
    }
    kinds["events"][1]["part_of"] = "event:a"
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    assert {(p.record_id, p.field) for p in error.problems} == {
        ("event:a", "part_of"),
        ("event:b", "title"),
    }
    cycle = next(p for p in error.problems if p.field == "part_of")
    assert cycle.message == "part_of forms a cycle: event:a -> event:b -> event:a"
    assert error.unchecked == ()


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_an_event_that_failed_leaves_its_victims_births_unjudged(
    tmp_path: Path, layout: str
) -> None:
    # event:a fails (a title that is a number): its date and roles are not read, so its
    # victim's birth, after the event, is not compared with it: said, and found once fixed
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc(born="2000")],
        "events": [{**_victim_of(), "title": 5}],
    }
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    assert ([p.field for p in error.problems], error.unchecked) == (["title"], ("events",))
    kinds["events"] = [_victim_of()]
    (tmp_path / "fixed").mkdir()
    again = _load_error(_write_layout(tmp_path / "fixed", layout, kinds))
    assert ([p.field for p in again.problems], again.unchecked) == (["participants[0].actor"], ())


def test_an_event_that_failed_with_nothing_to_compare_leaves_nothing_unjudged(
    make_folder: MakeFolder,
) -> None:
    def unchecked(person: dict[str, Any], event: dict[str, Any]) -> tuple[str, ...]:
        files = {"sources.json": [source_doc()], "persons.json": [person], "events.json": [event]}
        return _load_error(make_folder(files)).unchecked

    failed = {**_victim_of(), "title": 5}
    assert unchecked(person_doc(), failed) == ()  # (no birth given)
    # a birth in a person's record that failed too is given, though not read
    assert unchecked(person_doc(born="2000", name=5), failed) == ("events",)
    assert unchecked(person_doc(born="2000"), {**failed, "date": None}) == ()  # (no date)
    assert unchecked(person_doc(born="2000"), {**event_doc(date="1990"), "title": 5}) == (
        "events",  # (its roles are not read: person:a may be its victim)
    )


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_relationship_that_failed_is_judged_by_its_ends(tmp_path: Path, layout: str) -> None:
    relationship = {
        "id": "relationship:a",
        "subject": "person:a",
        "kind": "colleague_of",
        "object": "person:a",
        "title": 5,  # (its own problem: the record fails)
        "citations": [CITE],
    }
    kinds = {"sources": [source_doc()], "persons": [person_doc()], "relationships": [relationship]}
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    assert [(p.field, p.code) for p in error.problems] == [
        ("title", ProblemCode.TYPE),
        ("object", ProblemCode.INTEGRITY),
    ]
    assert error.problems[1].message == "a relationship's subject and object are the same record"
    assert error.problems[1].record_id == "relationship:a"
    assert error.unchecked == ()
    # ends that differ, or one that is its own problem, give no other
    for n, (subject, obj) in enumerate((("person:a", "person:b"), ("person:a", "person a"))):
        kinds["persons"] = [person_doc(), person_doc("person:b")]
        kinds["relationships"] = [{**relationship, "subject": subject, "object": obj}]
        (tmp_path / str(n)).mkdir()
        error = _load_error(_write_layout(tmp_path / str(n), layout, kinds))
        assert [p.code for p in error.problems if p.code == ProblemCode.INTEGRITY] == []


def test_a_rating_that_failed_and_states_the_level_before_is_noted(
    make_folder: MakeFolder,
) -> None:
    kinds = _rated(
        rating("rating:a", "2019", "obstructed", None),
        {**rating("rating:b", "2020", "repressed", "closed"), "unknown": 1},
    )
    error = _load_error(make_folder({f"{k}.json": v for k, v in kinds.items()}))
    assert (len(error.problems), error.unchecked) == (1, ("ratings",))
    kinds["ratings"][1] = rating("rating:b", "2020", "repressed", None) | {"unknown": 1}
    error = _load_error(make_folder({f"{k}.json": v for k, v in kinds.items()}))
    assert (len(error.problems), error.unchecked) == (1, ())  # (it states none)
    # the only rating: no other to compare it with
    kinds["ratings"] = [{**rating("rating:b", "2020", "repressed", "closed"), "unknown": 1}]
    error = _load_error(make_folder({f"{k}.json": v for k, v in kinds.items()}))
    assert (len(error.problems), error.unchecked) == (1, ())


def test_a_cycle_of_events_that_all_failed_is_said_at_the_first(make_folder: MakeFolder) -> None:
    events = [
        event_doc("event:a", title=5, part_of="event:b"),
        event_doc("event:b", title=5, part_of="event:a"),
    ]
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": events}
    found = [(p.location, p.message) for p in _load_error(make_folder(files)).problems]
    assert (
        "events.json[0] event:a.part_of",
        "part_of forms a cycle: event:a -> event:b -> event:a",
    ) in found


def test_a_link_to_a_failed_record_whose_own_link_is_unread_leaves_chains_unjudged(
    make_folder: MakeFolder,
) -> None:
    # place:b fails, and its within (a number) cannot be read: place:a's chain may loop back
    places = [place_doc("place:a", within="place:b"), place_doc("place:b", within=5)]
    files = {"sources.json": [source_doc()], "places.json": places}
    error = _load_error(make_folder(files))
    assert [(p.record_id, p.field) for p in error.problems] == [("place:b", "within")]
    assert error.unchecked == ("places",)
    # no record links to it: no chain goes through it
    files["places.json"] = [place_doc("place:a"), place_doc("place:b", within=5)]
    assert _load_error(make_folder(files)).unchecked == ()


def test_a_reference_to_no_record_is_never_told_its_own_records_id() -> None:
    # event:kozlov-release-2016-08.part_of: 'event:kozlov-trial-2012' does not exist; did you
    # mean 'event:kozlov-verdict-2012-10-08' or 'event:kozlov-release-2016-08'? (itself)
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc(), person_doc("person:trial-2012-b")],
        "events": [
            event_doc("event:trial-2012-a", part_of="event:trial-2012"),
            event_doc("event:trial-2012-b"),
            event_doc("event:solitary-x", part_of="event:solitary"),
            event_doc(
                "event:c", participants=[{"actor": "person:trial-2012", "role": "defendant"}]
            ),
        ],
    }
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_documents(documents)
    said = {p.location: p.message for p in info.value.problems}
    assert said["documents:events[0] event:trial-2012-a.part_of"] == (
        "'event:trial-2012' does not exist; did you mean 'event:trial-2012-b'?"
    )
    assert said["documents:events[2] event:solitary-x.part_of"] == (
        "'event:solitary' does not exist"
    )
    # another kind's ID spelled like the holder's is still suggested (the event is not it)
    assert (
        "did you mean 'person:trial-2012-b'?"
        in said["documents:events[3] event:c.participants[0].actor"]
    )


# --- a reference to an id the dataset itself retired ------------------------------------------


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_reference_to_an_id_the_dataset_retired_is_told_where_it_redirects(
    tmp_path: Path, layout: str
) -> None:
    """Not "does not exist; did you mean <a record spelled like it>": the dataset's own
    redirects say what replaced it, through a chain of them too, for a record that failed
    to structure as for one that did."""
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc(), person_doc("person:b"), person_doc("person:olde")],
        "events": [
            event_doc(participants=[{"actor": "person:old", "role": "victim"}]),
            event_doc("event:b", title=5, participants=[{"actor": "person:older", "role": "x"}]),
        ],
        "redirects": [
            {"id": "person:old", "to": "person:b"},
            {"id": "person:older", "to": "person:old"},
        ],
    }
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    said = {(p.record_id, p.field): p.message for p in error.problems}
    # where the redirect is: redirects.json[0], data.json:redirects[0], and its line of
    # data.jsonl (lines 7 and 8, after a source, three persons and two events)
    at = {
        "folder": ("redirects.json[0]", "redirects.json[1]"),
        "json": ("data.json:redirects[0]", "data.json:redirects[1]"),
        "jsonl": ("data.jsonl:7 redirects", "data.jsonl:8 redirects"),
    }[layout]
    for record, retired, where in (("event:a", "old", at[0]), ("event:b", "older", at[1])):
        message = said[(record, "participants[0].actor")]
        assert message == (
            f"'person:{retired}' was retired ({where}): it redirects to 'person:b'; refer to that"
        )
    assert error.problems[0].missing_id == "person:old"


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_a_redirect_after_one_named_twice_is_located_at_its_own_place(
    tmp_path: Path, layout: str
) -> None:
    """Its index in the list read (or its line), not its position among the redirects kept,
    which a redirect named twice before it shifts by one."""
    kinds = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "redirects": [
            {"id": "person:old", "to": "person:a"},
            {"id": "person:old", "to": "person:a"},
            {"id": "person:gone", "to": "person:nobody"},
        ],
    }
    error = _load_error(_write_layout(tmp_path, layout, kinds))
    at = {
        "folder": ("redirects.json[1]", "redirects.json[2]"),
        "json": ("data.json:redirects[1]", "data.json:redirects[2]"),
        "jsonl": ("data.jsonl:4 redirects", "data.jsonl:5 redirects"),
    }[layout]
    assert sorted(str(p) for p in error.problems) == [
        f"{at[0]}.id: 'person:old' is redirected twice",
        f"{at[1]}.to: 'person:nobody' does not exist",
    ]


_LEVELS = ("open", "narrowed", "obstructed", "repressed", "closed")


@settings(max_examples=examples(60), deadline=None)
@given(
    ratings=st.lists(
        st.tuples(
            st.sampled_from(("2019", "2020", "2020-06")),
            st.sampled_from(_LEVELS),
            st.none() | st.sampled_from(_LEVELS),
        ),
        min_size=2,
        max_size=5,
    ),
    order=st.randoms(use_true_random=False),
)
def test_the_ratings_sequence_is_judged_whatever_their_order(
    ratings: list[tuple[str, str, str | None]], order: Any
) -> None:
    """Ratings of one date come in no order the data states (`fmt` sorts a file by ID): the
    verdict on their `previous` is the same for every order of the records. (Ratings of the
    same date were judged in their file's order, so a dataset that loaded could be refused
    once its file was sorted, or its export read back.)"""
    documents: dict[str, Any] = {
        "sources": [source_doc()],
        "places": [
            {"id": "place:kz", "name": "Kazakhstan", "kind": "country", "citations": [CITE]}
        ],
        "organizations": [
            {"id": "org:civicus", "name": "CIVICUS", "kind": "ngo", "citations": [CITE]}
        ],
    }
    records = [
        rating(f"rating:r{n}", as_of, level, previous)
        for n, (as_of, level, previous) in enumerate(ratings)
    ]
    shuffled = list(records)
    order.shuffle(shuffled)

    def verdict(listed: list[dict[str, Any]]) -> set[tuple[str | None, str]]:
        try:
            rightsdata.load_documents({**documents, "ratings": listed})
        except InvalidDataError as error:
            return {(p.record_id, p.message) for p in error.problems}
        return set()

    assert verdict(records) == verdict(shuffled)
