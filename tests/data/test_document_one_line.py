"""A ``document`` export written on one line (``json.dumps``, ``jq -c``) and named as JSON
Lines (``x.jsonl``) is read as the document it is: it was one line of JSON Lines that said
neither its kind nor an ID."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK
from rightsdata._cli.main import main

from conftest import person_doc, source_doc


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("export")
    rightsdata.load().export(folder / "doc", "document")
    loaded: dict[str, object] = json.loads((folder / "doc" / "dataset.json").read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_a_document_on_one_line_named_as_json_lines_loads_as_the_document(
    tmp_path: Path, document: dict[str, object], suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_text(json.dumps(document) + "\n", "utf-8")
    assert rightsdata.load_path(path) == rightsdata.load()
    assert rightsdata.validate(path) == []
    assert rightsdata.validate(path, schema=True) == []
    assert main(["validate", str(path)]) == EXIT_OK
    assert capsys.readouterr().out.startswith(f"{path}: valid: checked 464 records")


def test_its_problems_are_located_as_a_documents(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    document = {"sources": [source_doc()], "persons": [person_doc(name=5)]}
    path.write_text(json.dumps(document), "utf-8")  # (no line feed at the end: one line still)
    for schema in (False, True):
        problems = rightsdata.validate(path, schema=schema)
        assert [p.location for p in problems][:1] == ["x.jsonl:persons[0] person:a.name"]
        assert (problems[0].file, problems[0].kind, problems[0].index) == ("x.jsonl", "persons", 0)
    assert main(["validate", str(path)]) == EXIT_INVALID


def test_lines_of_records_are_never_read_as_a_document(tmp_path: Path) -> None:
    # an event whose first field is its places, on the file's one line, without an id: its
    # other fields say it is a record (no document holds them), and it is told what it lacks
    event = {"places": ["place:kz"], "kind": "verdict", "title": "A verdict"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(event) + "\n", "utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.location == "one.jsonl:1 (no id)"
    assert problem.message.startswith("says neither its kind ('$kind') nor an id")
    # two lines, each shaped as a document: JSON Lines, each line told so
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({"persons": []}) + "\n" + json.dumps({"persons": []}) + "\n", encoding="utf-8"
    )
    assert [p.location for p in rightsdata.validate(path)] == [
        "two.jsonl:1 (no id)",
        "two.jsonl:2 (no id)",
    ]
    # a line with "$kind" is a record's, whatever its first key
    path = tmp_path / "kind.jsonl"
    path.write_text(json.dumps({"persons": [], "$kind": "persons"}) + "\n", encoding="utf-8")
    assert all(p.location.startswith("kind.jsonl:1") for p in rightsdata.validate(path))


def test_a_folder_tells_to_read_it_alone_and_that_works(
    tmp_path: Path, document: dict[str, object]
) -> None:
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "x.jsonl").write_text(json.dumps(document) + "\n", "utf-8")
    (problem,) = rightsdata.validate(folder)
    assert f"`rightsdata.load_path({str(folder / 'x.jsonl')!r})`" in problem.message
    assert rightsdata.load_path(folder / "x.jsonl") == rightsdata.load()


def test_a_broken_event_line_of_kind_named_keys_is_told_as_a_record(tmp_path: Path) -> None:
    # an event line that lost its id and other fields, left with keys named as kinds: its
    # places hold IDs, as no document's kind does, so it is a line of records that says
    # neither its kind nor an id (not a document whose places are told they are no objects)
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"places": ["place:almaty"], "sources": [{"source": "s"}]}), encoding="utf-8"
    )
    (problem,) = rightsdata.validate(path)
    assert problem.location == "bad.jsonl:1 (no id)"
    assert problem.message.startswith("says neither its kind ('$kind') nor an id")


def test_a_document_line_with_a_stray_key_is_told_as_a_document(tmp_path: Path) -> None:
    # the same bytes named .json and .jsonl are told the same: the stray key is no kind
    document = {"sources": [source_doc()], "persons": [person_doc()], "name": "x"}
    told = []
    for name in ("doc.json", "doc.jsonl"):
        path = tmp_path / name
        path.write_text(json.dumps(document), "utf-8")
        (problem,) = rightsdata.validate(path)
        assert problem.location == f"{name}:name"
        told.append(problem.message)
    assert told[0] == told[1] and told[0].startswith("not a record kind; expected sources, ")


def test_a_record_line_whose_first_key_is_a_kinds_is_read_as_a_record(tmp_path: Path) -> None:
    # an event whose citations were written "sources", first: it has an id (no document
    # has one), so it is a line of JSON Lines, told what it lacks at the event, not a
    # document whose id, kind and title are told they are no kinds
    event = {"sources": [{"source": "source:hrf-2012-12-14"}], "id": "event:x", "kind": "other"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({**event, "title": "T", "date": "2016"}) + "\n", "utf-8")
    problems = rightsdata.validate(path)
    assert {p.location for p in problems} == {
        "one.jsonl:1 event:x.citations",
        "one.jsonl:1 event:x.sources",
    }


@pytest.mark.parametrize("name", ["one.jsonl", "one.json"])
def test_a_citation_among_the_sources_is_told_as_one(tmp_path: Path, name: str) -> None:
    # {"sources": [{"source": ...}]}: a citation where a source record goes (a record's
    # citations, or a source's ID written as "source"), one problem that says so, on every
    # layout, not its missing id, title, kind and language and its unknown "source"
    path = tmp_path / name
    path.write_text(json.dumps({"sources": [{"source": "source:x"}]}) + "\n", "utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.location == f"{name}:sources[0] (no id)"
    assert problem.message == (
        'is a citation ({"source": ...}), not a source: a record names the sources it cites '
        'in its "citations" ([{"source": "source:x"}]), and a source\'s ID is its "id" '
        '({"id": "source:x", "title": ..., "kind": ..., "language": ...})'
    )
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "sources.json").write_text(
        json.dumps([{"source": "source:x", "locator": "p. 3"}]), encoding="utf-8"
    )
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "sources.json[0] (no id)"
    assert problem.message.startswith('is a citation ({"source": ...}), not a source: ')
    # among another kind's records too
    (folder / "sources.json").unlink()
    (folder / "persons.json").write_text(json.dumps([{"source": "source:x"}]), encoding="utf-8")
    (problem,) = rightsdata.validate(folder)
    assert problem.message == (
        'is a citation ({"source": ...}), not a person: a record names the sources it cites '
        'in its "citations" ([{"source": "source:x"}])'
    )


def test_a_records_sources_are_told_to_be_its_citations(tmp_path: Path) -> None:
    # "sources" is no field of any record: a record names the sources it cites in its
    # citations, and the unknown field says so (it is spelled like no field)
    event = {"id": "event:x", "kind": "other", "title": "T", "date": "2016"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({**event, "sources": [{"source": "source:x"}]}) + "\n", "utf-8")
    (unknown,) = [p for p in rightsdata.validate(path) if p.field == "sources"]
    assert unknown.message == (
        "unknown field; did you mean 'citations'? (a record names the sources it cites in its "
        "citations)"
    )


def test_a_lone_record_in_a_json_file_is_told_as_one(tmp_path: Path) -> None:
    # one event written as the whole file: it was five problems, its id, kind, title, date
    # and citations each "not a record kind"
    event = {"id": "event:x", "kind": "other", "title": "T", "date": "2016"}
    path = tmp_path / "event.json"
    path.write_text(json.dumps({**event, "citations": [{"source": "source:x"}]}), "utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.location == "event.json"
    assert problem.message == (
        "is one record (an event, as its id says), not a dataset: a JSON document is an "
        'object with a list per record kind: write it as {"events": [...]}'
    )
    # a document that strays a key "id" beside its kinds is still told as a document
    path.write_text(json.dumps({"events": [], "id": "event:x"}), "utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.location == "event.json:id"
