"""load_path and validate: every layout, and hostile input that must fail cleanly.

Each broken input must give an InvalidDataError naming the file (and record and field where
there is one), never another exception, and never a half-built dataset.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._cli.main import main
from rightsdata._values.errors import ProblemCode, ProblemCodeValue

from conftest import CITE, event_doc, parts, person_doc, source_doc, write_folder

MakeFolder = Callable[[Mapping[str, Any]], Path]


def good_kinds() -> dict[str, list[dict[str, Any]]]:
    return {"sources": [source_doc()], "persons": [person_doc()], "events": [event_doc()]}


def problems(path: Path, **options: Any) -> list[tuple[str, ProblemCodeValue]]:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, **options)
    found = [(p.location, p.code) for p in caught.value.problems]
    listed = rightsdata.validate(path, **options)
    assert [(p.location, p.code) for p in listed] == found
    assert [parts(p) for p in listed] == [parts(p) for p in caught.value.problems]
    return found


# --- the three layouts -------------------------------------------------------------------


def test_folder_without_descriptor(make_folder: MakeFolder) -> None:
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    dataset = rightsdata.load_path(folder)
    assert dataset.counts()["events"] == 1
    assert dataset.name is None and dataset.version is None
    assert rightsdata.validate(folder) == []


def test_single_json_document(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps(good_kinds()), encoding="utf-8")
    dataset = rightsdata.load_path(path)
    assert dataset.get("event:a").kind.value == "verdict"  # type: ignore[union-attr]


def test_json_lines_with_and_without_kind_field(tmp_path: Path) -> None:
    lines = [{"$kind": "sources", **source_doc()}, person_doc(), {"$kind": "events", **event_doc()}]
    path = tmp_path / "all.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    dataset = rightsdata.load_path(path)
    assert dataset.counts() == {
        **dict.fromkeys(rightsdata.KINDS, 0),
        "sources": 1,
        "persons": 1,
        "events": 1,
    }


def test_json_lines_problems_name_the_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(source_doc()),
        json.dumps(person_doc(name=5)),
        "{broken",
        json.dumps({"$kind": "places", **person_doc("person:b")}),
        json.dumps({"no": "kind"}),
    ]
    path = tmp_path / "bad.ndjson"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert problems(path) == [  # in the order of the lines
        ("bad.ndjson:2 person:a.name", ProblemCode.TYPE),
        ("bad.ndjson:3", ProblemCode.SYNTAX),
        ("bad.ndjson:4 person:b.$kind", ProblemCode.VALUE),
        ("bad.ndjson:5 (no id)", ProblemCode.MISSING),
    ]
    assert [p.line for p in rightsdata.validate(path)] == [2, 3, 4, 5]


def test_a_documents_problems_come_kind_by_kind_in_record_order(tmp_path: Path) -> None:
    # the cross-record checks run after every record is read: their problems join their file's
    people = [person_doc(), person_doc("person:b", name=5)]
    events = [event_doc(participants=[{"actor": "person:gone", "role": "victim"}])]
    path = tmp_path / "all.json"
    document = {"sources": [source_doc()], "persons": people, "events": events, "bogus": 1}
    path.write_text(json.dumps(document), encoding="utf-8")
    assert problems(path) == [
        ("all.json:bogus", ProblemCode.UNKNOWN_FIELD),  # the file's own problems first
        ("all.json:persons[1] person:b.name", ProblemCode.TYPE),
        ("all.json:events[0] event:a.participants[0].actor", ProblemCode.INTEGRITY),
    ]


def test_json_lines_integrity_problems_name_the_line(tmp_path: Path) -> None:
    lines = [source_doc(), event_doc(participants=[{"actor": "person:gone", "role": "victim"}])]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    assert problems(path) == [("x.jsonl:2 event:a.participants[0].actor", ProblemCode.INTEGRITY)]


def test_document_with_an_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({**good_kinds(), "people": []}), encoding="utf-8")
    assert problems(path) == [("doc.json:people", ProblemCode.UNKNOWN_FIELD)]


# --- hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", ProblemCode.SYNTAX, "empty"),
        (b"   \n", ProblemCode.SYNTAX, "empty"),
        (b'[{"id": "person:a"', ProblemCode.SYNTAX, "not valid JSON"),  # truncated
        # (the records after the mark are read too: these have no other problem)
        (b"\xef\xbb\xbf" + json.dumps([person_doc()]).encode(), ProblemCode.SYNTAX, "BOM"),
        (b'["caf\xe9"]', ProblemCode.SYNTAX, "not UTF-8"),
        ("[]".encode("utf-16"), ProblemCode.SYNTAX, "is UTF-16 (it starts with a UTF-16"),
        (b"\xfe\xff" + "[]".encode("utf-16-be"), ProblemCode.SYNTAX, "save it as UTF-8"),
        (b"[NaN]", ProblemCode.SYNTAX, "NaN"),
        (b"[Infinity]", ProblemCode.SYNTAX, "Infinity"),
        (b"[-Infinity]", ProblemCode.SYNTAX, "Infinity"),
        (b"[" * 100_000 + b"]" * 100_000, ProblemCode.LIMIT, "nested too deeply"),
        (b'[{"id": "person:a", "id": "person:b"}]', ProblemCode.SYNTAX, "repeats keys"),
        # (an object whose first key is a kind's: a `document` export, which is read alone)
        (b'{"persons": []}', ProblemCode.TYPE, "a dataset of its own, not a list of records"),
        (b'{"people": []}', ProblemCode.TYPE, "expected a list"),
    ],
)
def test_hostile_files_get_one_clean_error(
    make_folder: MakeFolder, content: bytes, code: str, words: str
) -> None:
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["persons.json"] = content
    folder = make_folder(files)
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    (problem,) = caught.value.problems
    assert (problem.location, problem.code) == ("persons.json", code)
    assert words in problem.message


@pytest.mark.parametrize(
    "content",
    [
        b'{"name": "x", "name": "y"}',
        b'{"name": "x", "resources": [{"path": "a:b", "path": "c:d"}]}',
        b'{"name": "x\\u003a", "title": "t:", "title": "u"}',  # an escaped colon too
    ],
)
def test_a_repeated_key_in_a_small_file_is_reported(
    make_folder: MakeFolder, content: bytes
) -> None:
    # small files are parsed by msgspec, which keeps the last of repeated keys: counted
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["datapackage.json"] = content
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(make_folder(files))
    (problem,) = caught.value.problems
    assert (problem.location, problem.code) == ("datapackage.json", ProblemCode.SYNTAX)
    assert "repeats keys" in problem.message


def test_size_limit_is_clear_and_can_be_raised(make_folder: MakeFolder) -> None:
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    found = problems(folder, max_bytes=100)
    assert ("events.json", ProblemCode.LIMIT) in found
    with pytest.raises(InvalidDataError, match="max_bytes="):
        rightsdata.load_path(folder, max_bytes=100)
    assert rightsdata.load_path(folder, max_bytes=10_000).counts()["events"] == 1
    with pytest.raises(InvalidDataError, match="--max-bytes on the command line"):
        rightsdata.load_path(folder, max_bytes=100)


@pytest.mark.parametrize("limit", [0, -1, True, 1.5, "1000"])
def test_a_size_limit_that_no_file_can_meet_is_refused(
    make_folder: MakeFolder, limit: object
) -> None:
    # a limit of 0 or less refused every file, each problem naming "the limit of -1"
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    error = ValueError if type(limit) is int else TypeError  # (a bool, a float, text)
    for read in (rightsdata.load_path, rightsdata.validate):
        with pytest.raises(error, match="max_bytes is the size of the largest file"):
            read(folder, max_bytes=limit)  # type: ignore[arg-type]


def test_a_kind_file_of_one_record_not_in_a_list_is_told_to_wrap_it(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    """``events.json`` holding one event's object, not a list (as one record is written out
    alone), is told to wrap it in [ ]; an object that is no record of the kind is told as
    before. So are a JSON document's list and load_documents'."""
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    wrap = "(one event, as its id says): wrap it in [ ] to make a list of one record"
    files["events.json"] = event_doc()
    for schema in (False, True):
        said = [str(p) for p in rightsdata.validate(make_folder(files), schema=schema)]
        assert said == [f"events.json: expected a list of records, got an object {wrap}"]
    files["events.json"] = {**event_doc(), "id": "person:a"}  # an object, not an event's
    (problem,) = rightsdata.validate(make_folder(files))
    assert problem.message == "expected a list of records, got an object"
    document = tmp_path / "all.json"
    document.write_text(json.dumps({**good_kinds(), "events": event_doc()}), encoding="utf-8")
    assert [str(p) for p in rightsdata.validate(document)] == [
        f"all.json:events: expected a list of records, got an object {wrap}"
    ]
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents({**good_kinds(), "events": event_doc()})
    assert caught.value.problems[0].message.endswith(wrap)


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    assert problems(tmp_path / "nothing-here.json") == [
        (str(tmp_path / "nothing-here.json"), ProblemCode.MISSING)
    ]
    # the file it names is the one the problem concerns; a folder's names no file
    files = {
        name: rightsdata.validate(tmp_path / name)[0].file
        for name in ("gone.json", "gone.jsonl", "gone.ndjson", "gone")
    }
    assert files == {
        "gone.json": "gone.json",
        "gone.jsonl": "gone.jsonl",
        "gone.ndjson": "gone.ndjson",
        "gone": None,
    }


def test_a_directory_of_unrelated_files(make_folder: MakeFolder) -> None:
    assert problems(make_folder({"README.txt": "hello"}))[0][1] == ProblemCode.MISSING


def test_optional_schema_validation_adds_schema_problems(make_folder: MakeFolder) -> None:
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["persons.json"] = [person_doc(country="kz", born="1980-13")]
    folder = make_folder(files)
    without = problems(folder)
    with_schema = problems(folder, schema=True)
    country, born = "persons.json[0] person:a.country", "persons.json[0] person:a.born"
    assert sorted(without) == [(born, ProblemCode.VALUE), (country, ProblemCode.VALUE)]
    # what the schemas say of a value the model refused is not added, in any words
    assert sorted(with_schema) == sorted(without)


# --- redirects ---------------------------------------------------------------------------


def test_redirects_are_followed(make_folder: MakeFolder) -> None:
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["redirects.json"] = [
        {"id": "person:old-name", "to": "person:older"},
        {"id": "person:older", "to": "person:a"},
    ]
    dataset = rightsdata.load_path(make_folder(files))
    assert dataset.get("person:old-name").id == "person:a"


@pytest.mark.parametrize(
    ("redirects", "location"),
    [
        ([{"id": "person:x", "to": "person:nobody"}], "redirects.json[0].to"),
        ([{"id": "person:x", "to": "event:a"}], "redirects.json[0].to"),
        ([{"id": "person:a", "to": "person:a"}], "redirects.json[0].id"),
        (
            [{"id": "person:x", "to": "person:y"}, {"id": "person:y", "to": "person:x"}],
            "redirects.json[0].to",
        ),
        ([{"id": "person:x", "to": "person:a", "why": "?"}], "redirects.json[0].why"),
    ],
)
def test_bad_redirects(
    make_folder: MakeFolder, redirects: list[dict[str, Any]], location: str
) -> None:
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["redirects.json"] = redirects
    assert location in [loc for loc, _ in problems(make_folder(files))]


def test_citation_problems_in_many_files_at_once(make_folder: MakeFolder) -> None:
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["persons.json"] = [person_doc(citations=[{**CITE, "source": "source:nope"}])]
    files["events.json"] = [event_doc(citations=[{**CITE, "source": "source:nope"}])]
    found = problems(make_folder(files))
    assert found == [
        ("persons.json[0] person:a.citations[0].source", ProblemCode.INTEGRITY),
        ("events.json[0] event:a.citations[0].source", ProblemCode.INTEGRITY),
    ]


def test_json_lines_schema_validation_names_the_line(tmp_path: Path) -> None:
    lines = [source_doc(), person_doc(born="1980-13")]
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    found = problems(path, schema=True)
    assert found == [("s.jsonl:2 person:a.born", ProblemCode.VALUE)]
    # a part's value that both refuse names the line too (a count below 0, in a figure
    # that lacks fields: the model judges the figure's values all the same)
    figure = {"measure": "killed", "low": -1, "citations": [CITE]}
    lines = [source_doc(), person_doc(), event_doc(figures=[figure])]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    assert problems(path, schema=True) == [
        ("s.jsonl:3 event:a.figures[0].unit", ProblemCode.MISSING),
        ("s.jsonl:3 event:a.figures[0].qualifier", ProblemCode.MISSING),
        ("s.jsonl:3 event:a.figures[0].low", ProblemCode.VALUE),
    ]


def test_a_redirect_may_cross_actor_kinds_only(make_folder: MakeFolder) -> None:
    # an organisation re-classified as a person (or a group) keeps its old ID as a redirect
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["redirects.json"] = [{"id": "org:was-an-org", "to": "person:a"}]
    dataset = rightsdata.load_path(make_folder(files))
    assert dataset.get("org:was-an-org").id == "person:a"
    assert dataset.persons["org:was-an-org"].id == "person:a"
    with pytest.raises(rightsdata.UnknownIdError, match="redirects to 'person:a'"):
        dataset.organizations["org:was-an-org"]
    # a person does not become a place
    files["places.json"] = [{"id": "place:p", "name": "P", "kind": "city", "citations": [CITE]}]
    files["redirects.json"] = [{"id": "person:x", "to": "place:p"}]
    assert problems(make_folder(files)) == [("redirects.json[0].to", ProblemCode.INTEGRITY)]


def test_a_redirect_from_a_malformed_id_is_told_that_only(make_folder: MakeFolder) -> None:
    # the old ID's prefix is no kind's, so no kind can differ from the target's
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["redirects.json"] = [{"id": "Person:Old", "to": "person:a"}]
    assert problems(make_folder(files)) == [("redirects.json[0].id", ProblemCode.VALUE)]


# --- the collections: kept in the order read when that is ID order -----------------------


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [2, 0, 3, 1], [3, 2, 1, 0], [0, 1, 3, 2]])
def test_collections_are_in_id_order_whatever_the_files_order(
    make_folder: MakeFolder, order: list[int]
) -> None:
    names = ["person:a", "person:b", "person:c", "person:d"]
    persons = [person_doc(names[i]) for i in order]
    documents = {**good_kinds(), "persons": persons}
    folder = make_folder({f"{kind}.json": items for kind, items in documents.items()})
    document = folder.parent / f"{folder.name}.json"
    document.write_text(json.dumps(documents), encoding="utf-8")
    for layout in (folder, document):
        ds = rightsdata.load_path(layout)
        assert [p.id for p in ds.persons] == names
        assert ds.persons.ids() == tuple(names)
        assert all(ds.persons[name].id == name for name in names)
        assert [ds.persons[i].id for i in range(4)] == names


def test_a_collection_given_its_records_ids_sorts_them_unless_in_order() -> None:
    from rightsdata._data.collection import Collection
    from rightsdata._validation.convert import structure_many

    records, found = structure_many(
        "persons", [person_doc(f"person:{c}") for c in "bcad"], "persons.json"
    )
    assert not found
    ids = [r.id for r in records]
    given = Collection("persons", records, _ids=ids)
    plain = Collection("persons", records)
    assert given == plain
    assert given.ids() == plain.ids() == ("person:a", "person:b", "person:c", "person:d")
    ordered = sorted(records, key=lambda r: r.id)
    kept = Collection("persons", ordered, _ids=[r.id for r in ordered])
    assert kept == plain
    assert all(kept[r.id] is r for r in records)


@pytest.mark.parametrize("layout", ["jsonl", "folder"])
def test_an_id_shared_with_a_record_that_failed_is_reported_at_once(
    tmp_path: Path, make_folder: MakeFolder, layout: str
) -> None:
    # the first copy fails to structure: its own problem and the second copy's duplicate are
    # both reported in one load, not the duplicate only after the first is fixed
    events = [event_doc("event:c", date="2020-13"), event_doc("event:c")]
    people = [person_doc()]
    if layout == "jsonl":
        path = tmp_path / "dup.jsonl"
        documents = [("sources", source_doc()), ("persons", people[0])]
        documents += [("events", e) for e in events]
        path.write_text(
            "\n".join(json.dumps({"$kind": k, **d}) for k, d in documents), encoding="utf-8"
        )
    else:
        path = make_folder(
            {"sources.json": [source_doc()], "persons.json": people, "events.json": events}
        )
    found = [(p.message, p.field) for p in rightsdata.validate(path)]
    at = "dup.jsonl:3" if layout == "jsonl" else "events.json[0]"
    said = f"'event:c' is used twice; also by a record at {at} with problems of its own"
    assert found[-1] == (said, "id")  # (where the other is: its problem is listed apart)
    assert len(found) == 2


def test_a_third_use_of_an_id_shared_with_a_failed_record_is_said_once(
    make_folder: MakeFolder,
) -> None:
    events = [event_doc("event:c", date="2020-13"), event_doc("event:c"), event_doc("event:c")]
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": events}
    found = [(p.index, p.field) for p in rightsdata.validate(make_folder(files))]
    assert found == [(0, "date"), (1, "id"), (2, "id")]


# --- a descriptor's problems hide none of its files' ----------------------------------------


def _listed(folder: Path, names: list[str], **extra: Any) -> dict[str, Any]:
    """A descriptor listing ``names`` of ``folder`` with their sizes and hashes."""
    import hashlib

    resources = []
    for name in names:
        data = (folder / name).read_bytes()
        resources.append(
            {
                "name": name.removesuffix(".json"),
                "path": name,
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            }
        )
    return {"name": "mine", "resources": resources, **extra}


def _said(path: Path) -> list[tuple[str, str]]:
    return [(p.location, p.message) for p in rightsdata.validate(path)]


def test_a_descriptor_problem_hides_no_missing_resource(make_folder: MakeFolder) -> None:
    # the reviewer's case: sources.json deleted while datapackage.json still lists it
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    descriptor = _listed(folder, ["sources.json", "persons.json", "events.json"])
    (folder / "sources.json").unlink()
    write_folder(folder, {"datapackage.json": descriptor})
    alone = _said(folder)
    assert alone == [
        ("datapackage.json.resources[0].path", "names 'sources.json', which does not exist")
    ]
    write_folder(folder, {"datapackage.json": {**descriptor, "licences": []}})
    # the same problems, the unknown field's too: not the missing file only once it is fixed,
    # nor references to sources (whose file is listed but missing) judged in one run only
    assert _said(folder) == [
        ("datapackage.json.licences", "unknown field; did you mean 'licenses'?"),
        *alone,
    ]


def test_a_descriptor_with_problems_still_has_its_files_checked(
    make_folder: MakeFolder,
) -> None:
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    descriptor = _listed(folder, ["sources.json", "persons.json", "events.json"])
    resources = descriptor["resources"]
    resources[0]["bytes"] = "12"  # its own problem: the size is not checked against it
    resources[0]["hash"] = "sha256:" + "0" * 64  # sound, and wrong
    resources[1]["bytes"] += 1
    resources.append({"name": "out", "path": "../outside.json"})  # never opened
    write_folder(folder, {"datapackage.json": {**descriptor, "colour": "blue"}})
    found = problems(folder)
    assert found == [
        ("datapackage.json.resources[0].bytes", ProblemCode.PACKAGE),
        ("datapackage.json.resources[3].path", ProblemCode.PACKAGE),  # (said once)
        ("datapackage.json.colour", ProblemCode.UNKNOWN_FIELD),
        ("datapackage.json.resources[0].hash", ProblemCode.PACKAGE),
        ("datapackage.json.resources[1].bytes", ProblemCode.PACKAGE),
    ]
    messages = dict(_said(folder))
    assert messages["datapackage.json.resources[0].bytes"] == "expected an integer, got text ('12')"
    assert messages["datapackage.json.resources[0].hash"].startswith("does not match sources.json")
    assert messages["datapackage.json.resources[1].bytes"].startswith("says ")


@pytest.mark.parametrize("declared", [None, 2, 4])
def test_a_kind_files_entry_names_a_schema_of_its_kind(
    make_folder: MakeFolder, declared: int | None
) -> None:
    # An outside reader validates a file by the schema its entry names (docs/exports.md):
    # one of rightsdata's must be of the file's kind, and one this library ships. Another
    # format's is let be (a declared format raised by hand), and another schema is the
    # author's.
    from rightsdata._values.format import FormatVersion, schema_id

    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    descriptor = _listed(folder, ["sources.json", "persons.json", "events.json"])
    if declared is not None:
        descriptor["rightsdata_format"] = declared
    version: FormatVersion = 4 if declared == 4 else 2 if declared == 2 else 1
    resources = descriptor["resources"]
    resources[0]["schema"] = schema_id("sources", 3 if version == 4 else 4)  # another format's
    resources[1]["schema"] = "https://example.org/people.schema.json"  # the author's
    resources[2]["schema"] = schema_id("events", version)
    write_folder(folder, {"datapackage.json": descriptor})
    assert rightsdata.validate(folder) == []
    resources[0]["schema"] = "urn:rightsdata:schemas:v9:sources"
    resources[2]["schema"] = schema_id("persons", version)
    write_folder(folder, {"datapackage.json": descriptor})
    assert problems(folder) == [
        ("datapackage.json.resources[0].schema", ProblemCode.PACKAGE),
        ("datapackage.json.resources[2].schema", ProblemCode.PACKAGE),
    ]
    said = dict(_said(folder))
    run = (
        f"run `rightsdata fmt {shlex.quote(str(folder))}`, which writes it (or leave `schema` out)"
    )
    assert said["datapackage.json.resources[0].schema"] == (
        "names 'urn:rightsdata:schemas:v9:sources', no schema rightsdata ships, but "
        f"sources.json is the file of sources, whose schema is "
        f"{schema_id('sources', version)!r}; {run}"
    )
    assert said["datapackage.json.resources[2].schema"] == (
        f"names {schema_id('persons', version)!r}, the schema of persons, but events.json "
        f"is the file of events, whose schema is {schema_id('events', version)!r}; {run}"
    )


MISSPELT = [
    "urn:rightsdata:schema:v4:events",  # (schemas)
    "URN:RIGHTSDATA:SCHEMAS:V4:EVENTS",  # (an $id is found by its exact text)
    "urn:rightdata:schemas:v4:events",
    "rightsdata:schemas:v4:events",
    " urn:rightsdata:schemas:v4:events",
]


def _events_file_naming(make_folder: MakeFolder, said: str) -> Path:
    """A folder whose ``datapackage.json`` lists its files, the events' naming the schema
    ``said``."""
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    descriptor = _listed(folder, ["sources.json", "persons.json", "events.json"])
    descriptor["resources"][2]["schema"] = said
    write_folder(folder, {"datapackage.json": descriptor})
    return folder


@pytest.mark.parametrize("said", MISSPELT)
def test_a_misspelt_schema_id_is_a_problem_naming_the_file_and_field(
    make_folder: MakeFolder, said: str
) -> None:
    # Only an ID that began exactly `urn:rightsdata:schemas:` was checked: a misspelt one
    # loaded, and an outside reader that looks the schema up by it found none.
    folder = _events_file_naming(make_folder, said)
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    (problem,) = caught.value.problems
    assert (problem.location, problem.file, problem.code) == (
        "datapackage.json.resources[2].schema",
        "events.json",
        ProblemCode.PACKAGE,
    )
    assert problem.message == (
        f"names {said!r}, no schema rightsdata ships, but events.json is the file of events, "
        "whose schema is 'urn:rightsdata:schemas:v2:events'; run "
        f"`rightsdata fmt {folder}`, which writes it (or leave `schema` out)"
    )
    assert main(["fmt", str(folder)]) == 0
    assert rightsdata.validate(folder) == []


@pytest.mark.parametrize(
    "said",
    [
        "urn:mydata:schemas:v4:events",  # (another namespace)
        "https://example.org/rightsdata/events.schema.json",
        "schemas/rightsdata-events.schema.json",
    ],
)
def test_a_schema_of_the_authors_is_not_taken_for_a_misspelt_id(
    make_folder: MakeFolder, said: str
) -> None:
    folder = _events_file_naming(make_folder, said)
    assert rightsdata.validate(folder) == []


def test_the_redirects_and_other_files_entries_name_schemas_rightsdata_ships(
    make_folder: MakeFolder,
) -> None:
    # redirects.json's entry, and those of the author's files, were not checked at all
    from rightsdata._values.format import schema_id

    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["redirects.json"] = [{"id": "person:old", "to": "person:a"}]
    files["notes.json"] = {"mine": True}
    folder = make_folder(files)
    descriptor = _listed(folder, ["sources.json", "redirects.json", "notes.json"])
    resources = descriptor["resources"]
    resources.append({"name": "gone", "path": "gone.json"})  # (a file that is missing)
    resources[1]["schema"] = schema_id("redirects", 2)
    resources[2]["schema"] = schema_id("events", 4)  # (the author's choice: any it ships)
    write_folder(folder, {"datapackage.json": descriptor})
    assert _said(folder) == [
        ("datapackage.json.resources[3].path", "names 'gone.json', which does not exist")
    ]
    resources[1]["schema"] = schema_id("events", 2)
    resources[2]["schema"] = "urn:rightsdata:schemas:v4:event"
    resources[3]["schema"] = "urn:rightsdata:schemas:v9:notes"
    write_folder(folder, {"datapackage.json": descriptor})
    said = dict(_said(folder))
    assert said["datapackage.json.resources[1].schema"] == (
        "names 'urn:rightsdata:schemas:v2:events', the schema of events, but redirects.json "
        "is the dataset's redirects, whose schema is 'urn:rightsdata:schemas:v2:redirects'; "
        f"run `rightsdata fmt {folder}`, which leaves that entry out (or name its schema, or "
        "leave `schema` out)"
    )
    assert said["datapackage.json.resources[2].schema"] == (
        "names 'urn:rightsdata:schemas:v4:event', no schema rightsdata ships (did you mean "
        "'urn:rightsdata:schemas:v4:events'?); name one it ships by its $id (as "
        "'urn:rightsdata:schemas:v4:events'), or leave `schema` out"
    )
    assert said["datapackage.json.resources[3].schema"] == (
        "names 'urn:rightsdata:schemas:v9:notes', no schema rightsdata ships; name one it "
        "ships by its $id (as 'urn:rightsdata:schemas:v4:events'), or leave `schema` out"
    )
    files_named = {p.location: p.file for p in rightsdata.validate(folder)}
    assert files_named["datapackage.json.resources[1].schema"] == "redirects.json"
    assert files_named["datapackage.json.resources[2].schema"] == "notes.json"
    assert files_named["datapackage.json.resources[3].schema"] == "gone.json"


def test_a_descriptor_with_problems_still_declares_its_format(make_folder: MakeFolder) -> None:
    # a date that is a set needs format 3: said with the descriptor's other problem
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["events.json"] = [event_doc(date="[2012-01,2012-03]")]
    files["datapackage.json"] = {"name": "mine", "rightsdata_format": 2, "colour": "blue"}
    found = _said(make_folder(files))
    assert [location for location, _ in found] == [
        "datapackage.json.colour",
        "events.json[0] event:a.date",
    ]
    assert "needs format 3, and the dataset declares format 2" in found[1][1]


def test_a_documents_descriptor_with_problems_still_declares_its_format(
    tmp_path: Path,
) -> None:
    kinds: dict[str, Any] = good_kinds()
    kinds["events"] = [event_doc(date="[2012-01,2012-03]")]
    path = tmp_path / "all.json"
    descriptor = {"name": "", "rightsdata_format": 2}
    path.write_text(json.dumps({"datapackage": descriptor, **kinds}), encoding="utf-8")
    assert [location for location, _ in problems(path)] == [
        "all.json:datapackage.name",
        "all.json:events[0] event:a.date",
    ]


def test_every_problem_of_a_descriptor_is_reported_at_once() -> None:
    from rightsdata._validation.descriptor import descriptor_problems

    found = descriptor_problems({"description": "\ud800", "colour": 1, "rightsdata_format": 9})
    assert [(p.location, p.code) for p in found] == [
        ("datapackage.json.description", ProblemCode.PACKAGE),  # a lone surrogate
        ("datapackage.json.colour", ProblemCode.UNKNOWN_FIELD),
        ("datapackage.json.rightsdata_format", ProblemCode.NEWER_FORMAT),  # newer than read
    ]
    # each place said once: a name that is not text is not also an unknown field
    (only,) = descriptor_problems({"\ud800": 1})
    assert "lone surrogate" in only.message
    (infinite,) = descriptor_problems({"resources": [{"name": "a", "path": "a", "bytes": 1e999}]})
    assert infinite.location == "datapackage.json.resources[0].bytes"
    assert "not a finite number" in infinite.message


def test_json_lines_of_redirects_only_is_said_beside_its_descriptors_problem(
    tmp_path: Path,
) -> None:
    path = tmp_path / "redirects.jsonl"
    lines = [
        {"$kind": "datapackage", "name": "mine", "colour": "blue"},
        {"$kind": "redirects", "id": "person:old", "to": "person:new"},
    ]
    path.write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
    assert problems(path) == [
        ("redirects.jsonl", ProblemCode.MISSING),  # holds no records
        ("redirects.jsonl:1 datapackage.colour", ProblemCode.UNKNOWN_FIELD),
        ("redirects.jsonl:2 redirects.to", ProblemCode.INTEGRITY),  # in line order
    ]


def test_a_json_lines_redirects_problems_are_located_at_its_line(tmp_path: Path) -> None:
    """As a record's and the descriptor's are (``data.jsonl:N``), not by its index among
    the redirect lines, which the user would count by hand: what it holds and where it
    leads, read by the fast path (only integrity problems) and the diagnostic one alike."""
    records = [
        {"$kind": "sources", **source_doc()},
        {"$kind": "persons", **person_doc()},
        {"$kind": "persons", **person_doc("person:b")},
    ]

    def written(*redirects: dict[str, Any]) -> Path:
        lines = [records[0], *[{"$kind": "redirects", **r} for r in redirects], *records[1:]]
        path = tmp_path / "data.jsonl"
        path.write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
        return path

    # its own problems (line 2, then 3): what the diagnostic path reads
    path = written(
        {"id": "person:old", "to": "person:a"},
        {"id": "person:older", "why": "renamed"},
    )
    assert problems(path) == [
        ("data.jsonl:3 redirects.why", ProblemCode.UNKNOWN_FIELD),
        ("data.jsonl:3 redirects.to", ProblemCode.VALUE),
    ]
    # where redirects lead (integrity): after the fast path read them, the first line of one
    # named twice, and a reference to a retired ID names the redirect's line
    path = written(
        {"id": "person:old", "to": "person:nobody"},
        {"id": "person:x", "to": "person:y"},
        {"id": "person:y", "to": "person:x"},
        {"id": "person:a", "to": "person:b"},
    )
    assert problems(path) == [
        ("data.jsonl:2 redirects.to", ProblemCode.INTEGRITY),
        ("data.jsonl:3 redirects.to", ProblemCode.INTEGRITY),
        ("data.jsonl:4 redirects.to", ProblemCode.INTEGRITY),
        ("data.jsonl:5 redirects.id", ProblemCode.INTEGRITY),
    ]
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path)
    first = caught.value.problems[0]
    assert (first.file, first.line, first.kind, first.index) == ("data.jsonl", 2, None, None)
    assert first.missing_id == "person:nobody"
    path = written({"id": "person:a", "to": "person:b"}, {"id": "person:a", "to": "person:b"})
    assert sorted((p.location, p.line) for p in rightsdata.validate(path)) == [
        ("data.jsonl:2 redirects.id", 2),  # still the id of a record
        ("data.jsonl:3 redirects.id", 3),  # redirected twice
    ]
    # a reference to a retired ID, beside a record's own problem (the diagnostic path)
    records[2]["citations"] = [{"source": "source:old"}]
    records[1]["name"] = 5
    path = written({"id": "source:old", "to": "source:a"})
    said = [str(p) for p in rightsdata.validate(path)]
    assert (
        "data.jsonl:4 person:b.citations[0].source: 'source:old' was retired "
        "(data.jsonl:2 redirects): it redirects to 'source:a'; refer to that"
    ) in said, said


def test_an_unknown_field_or_term_is_told_the_one_it_is_spelled_like(
    make_folder: MakeFolder,
) -> None:
    # in the problems themselves, so that Python's validate() says it as the command line does
    files: dict[str, Any] = {f"{k}.json": v for k, v in good_kinds().items()}
    files["persons.json"] = [{**person_doc(), "nmae": "x"}]
    files["events.json"] = [{**files["events.json"][0], "kind": "verdictt"}]
    files["redirects.json"] = [{"id": "person:old", "too": "person:a"}]
    said = {p.location: p.message for p in rightsdata.validate(make_folder(files))}
    assert said["persons.json[0] person:a.nmae"] == "unknown field; did you mean 'name'?"
    assert said["events.json[0] event:a.kind"].startswith(
        "'verdictt' is not an event kind; did you mean 'verdict'? (allowed: protest, "
    )
    assert said["redirects.json[0].too"] == "unknown field; did you mean 'to'?"


def test_a_format_written_as_a_whole_number_with_a_point_is_told_that_alone(
    make_folder: MakeFolder,
) -> None:
    # 3.0 is refused where the descriptor takes an integer, as a record's count refuses 200.0;
    # but the records are judged by the format meant, so the set date under it is not also
    # refused as needing format 3 (one problem, the one to fix)
    files: dict[str, Any] = {
        "sources.json": [{**source_doc(), "published": "[2012-12-14,2012-12-15]"}],
        "datapackage.json": {"name": "x", "rightsdata_format": 3.0},
    }
    with pytest.raises(rightsdata.InvalidDataError) as raised:
        rightsdata.load_path(make_folder(files))
    (problem,) = raised.value.problems
    assert problem.location == "datapackage.json.rightsdata_format"
    assert problem.message == "expected an integer, got a number (3.0)"


# --- True-or-False arguments: True or False, nothing truthy ------------------------------


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("yes", "a str ('yes')"),
        ("false", "a str ('false')"),
        (1, "an int (1)"),
        (None, "None"),
        (0.0, "a float (0.0)"),
    ],
)
def test_a_flag_that_is_not_a_bool_is_refused_naming_it(
    make_folder: MakeFolder, tmp_path: Path, given: object, named: str
) -> None:
    # "false" is truthy: taken as given, it would turn a check on
    folder = make_folder({f"{k}.json": v for k, v in good_kinds().items()})
    dataset = rightsdata.load_path(folder)
    calls: dict[str, Callable[[], object]] = {
        "strict": lambda: rightsdata.load_path(folder, strict=given),  # type: ignore[arg-type]
        "schema": lambda: rightsdata.load_path(folder, schema=given),  # type: ignore[arg-type]
        "share": lambda: rightsdata.load_path(folder, share=given),  # type: ignore[arg-type]
        "freeze": lambda: rightsdata.load_path(folder, freeze=given),  # type: ignore[arg-type]
        "strict ": lambda: rightsdata.validate(folder, strict=given),  # type: ignore[arg-type]
        "schema ": lambda: rightsdata.validate(folder, schema=given),  # type: ignore[arg-type]
        " strict": lambda: rightsdata.Dataset({"persons": []}, strict=given),  # type: ignore[arg-type]
        " strict ": lambda: rightsdata.load_documents(good_kinds(), strict=given),  # type: ignore[arg-type]
        "force": lambda: dataset.export(tmp_path / "out", force=given),  # type: ignore[arg-type]
        "certain": lambda: dataset.events(between=("2012", "2013"), certain=given),  # type: ignore[arg-type]
    }
    for name, call in calls.items():
        with pytest.raises(TypeError) as raised:
            call()
        said = f"{name.strip()} must be True or False, not {named}"
        assert str(raised.value) == said
    assert not (tmp_path / "out").exists()
