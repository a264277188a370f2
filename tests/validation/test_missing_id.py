"""``Problem.missing_id``: the ID a reference names that no record has, set where the
integrity check finds it, so that nothing (the kind file's count of references to other files,
the command line's ``--base`` note, a user's program) reads it back out of the message."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import rightsdata
from rightsdata import Problem, ProblemCode
from rightsdata._cli.main import main

from conftest import event_doc, person_doc, source_doc, write_folder


def _problems(path: Path) -> list[Problem]:
    return list(rightsdata.validate(path))


def test_a_reference_to_nothing_names_the_id_it_misses(tmp_path: Path) -> None:
    participants = [{"actor": "person:nobody", "role": "defendant"}]
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(name=5)],  # (a problem of another code: no ID missing)
            "events.json": [event_doc(participants=participants)],
        },
    )
    found = {(p.code, p.field, p.missing_id) for p in _problems(folder)}
    assert found == {
        (ProblemCode.TYPE, "name", None),
        (ProblemCode.INTEGRITY, "participants[0].actor", "person:nobody"),
    }


def test_a_record_that_failed_and_a_redirect_name_the_id_they_miss_too(tmp_path: Path) -> None:
    # the event fails to structure (its date), and its reference is still judged
    participants = [{"actor": "person:nobody", "role": "defendant"}]
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc(date="2012-13-01", participants=participants)],
            "redirects.json": [{"id": "person:old", "to": "person:gone"}],
        },
    )
    missing = {(p.file, p.missing_id) for p in _problems(folder) if p.missing_id is not None}
    assert missing == {("events.json", "person:nobody"), ("redirects.json", "person:gone")}


def test_an_id_the_base_retired_is_missing_too(tmp_path: Path) -> None:
    base = rightsdata.load()
    retired = next(iter(base.redirects))
    participants = [{"actor": retired, "role": "defendant"}]
    folder = write_folder(
        tmp_path / "ext",
        {
            "sources.json": [source_doc("source:ext")],
            "events.json": [
                event_doc(
                    "event:ext", participants=participants, citations=[{"source": "source:ext"}]
                )
            ],
        },
    )
    problems = rightsdata.validate(folder, base=base)
    assert [p.missing_id for p in problems] == [retired], problems
    assert "retired it" in problems[0].message


def test_json_lines_and_a_kind_file_alone(tmp_path: Path) -> None:
    lines = tmp_path / "data.jsonl"
    lines.write_text(
        json.dumps({"$kind": "sources", **source_doc()})
        + "\n"
        + json.dumps({"$kind": "persons", **person_doc(citations=[{"source": "source:none"}])})
        + "\n",
        encoding="utf-8",
    )
    assert [p.missing_id for p in _problems(lines)] == ["source:none"]
    # one kind's file alone: a reference to another kind is counted, not reported (it is read
    # from missing_id); one to its own kind is reported with it
    folder = write_folder(
        tmp_path / "ds",
        {"events.json": [event_doc(part_of="event:none")]},
    )
    problems = rightsdata.validate(folder / "events.json")
    assert [p.missing_id for p in problems] == ["event:none"]
    assert set(problems.unchecked) == {"persons", "sources"}


def test_a_problem_made_by_hand_has_none_and_keeps_one_given() -> None:
    assert Problem("x.json", "is empty").missing_id is None
    made = Problem(
        "events.json[0] event:a.part_of",
        "'event:b' does not exist",
        "integrity",
        missing_id="event:b",
    )
    assert made.missing_id == "event:b"
    assert pickle.loads(pickle.dumps(made)).missing_id == "event:b"
    # equal as before: by location, message and code
    assert made == Problem(
        "events.json[0] event:a.part_of", "'event:b' does not exist", "integrity"
    )


def test_the_json_report_gives_it_for_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    participants = [{"actor": "person:nobody", "role": "defendant"}]
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(name=5)],
            "events.json": [event_doc(participants=participants)],
        },
    )
    main(["validate", str(folder), "--json-report"])
    report = json.loads(capsys.readouterr().out)
    assert sorted((p["code"], p["missing_id"]) for p in report["problems"]) == [
        ("integrity", "person:nobody"),
        ("type", None),
    ]


def test_the_base_note_reads_the_id_not_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reference to a record of the bundled data is told to give it as the base."""
    participants = [{"actor": "person:vladimir-kozlov", "role": "defendant"}]
    folder = write_folder(
        tmp_path / "ext",
        {"sources.json": [source_doc()], "events.json": [event_doc(participants=participants)]},
    )
    main(["validate", str(folder)])
    out, err = capsys.readouterr()
    said = " ".join((out + err).split())
    assert "one of these references names a record of the bundled dataset kazakhstan" in said
