"""What a load says when the data is not what it expects: each problem says what the data is
and what to do, in JSON's words, with the name it was probably meant to have.

A kind's file read as a dataset, a record in another kind's file (or list, or line), a set
date under an older declared format, a misspelt descriptor field, kind or ID prefix, and
counts in the singular for one.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict

import pytest

import rightsdata
import rightsdata.tables
from rightsdata._cli.main import main
from rightsdata._cli.output import _problem_json
from rightsdata._data.kindfile import check_kind_file
from rightsdata._values.errors import InvalidDataError, ProblemCode, counted, describe_json

from conftest import CITE, event_doc, person_doc, source_doc, write_folder


def _dataset(folder: Path, **extra: Any) -> Path:
    files: dict[str, Any] = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc()],
    }
    return write_folder(folder, {**files, **extra})


# --- a kind's file alone --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["persons", "events"])
def test_a_kind_file_read_as_a_dataset_says_what_it_is_and_what_to_do(
    tmp_path: Path, kind: str
) -> None:
    folder = _dataset(tmp_path / "ds")
    path = folder / f"{kind}.json"
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(path)
    (problem,) = info.value.problems
    assert (problem.location, problem.file, problem.code) == (
        f"{kind}.json",
        f"{kind}.json",
        ProblemCode.TYPE,
    )
    assert problem.message.startswith(f"is one kind's file (a list of {kind}), not a dataset")
    assert f"load the folder that holds it ({folder})" in problem.message
    assert problem.message.endswith(
        f"`rightsdata validate {shlex.quote(str(path))}` (in Python, "
        f"`rightsdata.validate({str(path)!r})`)"
    )
    assert rightsdata.validate(path) == []  # checked alone, as both calls named check it
    assert rightsdata.validate(folder) == []  # the folder that holds it loads


def test_the_command_a_kind_file_is_pointed_to_checks_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dataset(tmp_path / "ds") / "events.json"
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(path)
    command = shlex.split(info.value.problems[0].message.split("`")[1])
    assert main(command[1:]) == 0
    assert "valid: checked 1 record (1 event)" in capsys.readouterr().out
    # and --data, which loads, says the same as load_path
    assert main(["--data", str(path), "info"]) != 0
    assert "is one kind's file (a list of events)" in capsys.readouterr().err.replace("\n  ", " ")


def _json_report(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> Any:
    main(["validate", str(path), "--json-report", *options])
    return json.loads(capsys.readouterr().out)


_TOO_LONG = "x" * 300  # one path component over NAME_MAX


class _Options(TypedDict, total=False):
    """The options of rightsdata.validate a case passes (each a flag of the command)."""

    strict: bool
    schema: bool


@pytest.mark.parametrize(
    "case", ["valid", "failed", "cycle", "unread", "strict", "schema", "parquet", "long"]
)
def test_validate_checks_a_kind_file_alone_as_the_command_line_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    folder = _dataset(tmp_path / "ds")
    path = folder / "events.json"
    options: _Options = {}
    if case == "failed":
        path.write_text(
            json.dumps([event_doc(date="2020-13"), event_doc("event:b")]), encoding="utf-8"
        )
    elif case == "cycle":  # a link among its own records is checked, one to a person is not
        events = [event_doc("event:a", part_of="event:b"), event_doc("event:b", part_of=5)]
        path.write_text(json.dumps(events), encoding="utf-8")
    elif case == "unread":
        path.write_text("[{", encoding="utf-8")
    elif case == "strict":
        path = folder / "persons.json"
        path.write_text(json.dumps([person_doc(country="UK")]), encoding="utf-8")
        options = {"strict": True}
    elif case == "schema":
        pytest.importorskip("jsonschema")
        path.write_text(json.dumps([event_doc(kind="protest", title=5)]), encoding="utf-8")
        options = {"schema": True}
    elif case == "parquet":  # a table renamed events.json: known by its magic bytes
        path.write_bytes(b"PAR1" + bytes(16) + b"PAR1")
    elif case == "long":
        path = folder / _TOO_LONG / "events.json"
    problems = rightsdata.validate(path, **options)
    flags = [f"--{name}" for name in options]
    if case == "long":  # a path it cannot read: a usage error, as a missing file (docs/cli.md)
        assert main(["validate", str(path), "--json-report", *flags]) == 2
        out, err = capsys.readouterr()
        assert out == "" and "is a name too long for this system" in " ".join(err.split())
    else:
        report = _json_report(capsys, path, *flags)
        assert [_problem_json(problem) for problem in problems] == report["problems"]
        assert list(problems.unchecked) == report["unchecked"]
    # what the file refers to in other files is not checked, never a problem
    assert not any(
        f"'{target}' does not exist" in problem.message
        for problem in problems
        for target in ("person:a", "source:doc")
    )
    if case == "valid":
        assert (problems, problems.unchecked) == ([], ("sources", "persons"))
    elif case == "parquet":
        (problem,) = problems
        assert problem.message.startswith("is a Parquet file, a table as `rightsdata export`")
    elif case == "long":
        (problem,) = problems
        assert (problem.code, problem.message) == (
            ProblemCode.FILE,
            "is a name too long for this system",
        )
    else:
        assert problems != []


def test_validate_refuses_a_base_with_a_kind_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dataset(tmp_path / "ds") / "events.json"
    with pytest.raises(ValueError, match="one kind's file: validate its folder") as info:
        rightsdata.validate(path, base=rightsdata.load())
    assert f"rightsdata.validate({str(path.parent)!r}, base=...)" in str(info.value)
    assert main(["validate", str(path), "--base", "kazakhstan"]) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert "--base checks a dataset against the one it builds on;" in said
    assert "one kind's file: validate its folder (`rightsdata validate" in said


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("event.json", "did you mean events.json? Name it so"),
        ("Events.JSON", "did you mean events.json? Name it so"),
        ("data.json", "its records' ids name events: name it events.json"),
    ],
)
def test_a_list_of_records_under_another_name_gets_the_kind_file_it_was_meant_to_be(
    tmp_path: Path, name: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_folder(tmp_path, {name: [event_doc()]}) / name
    (problem,) = rightsdata.validate(path)
    assert problem.message.startswith(
        "is a list of records, as one kind's file holds them, not a dataset"
    )
    assert said in problem.message
    meant = tmp_path / "events.json"
    assert problem.message.endswith(
        f"`rightsdata validate {shlex.quote(str(meant))}` (in Python, "
        f"`rightsdata.validate({str(meant)!r})`)"
    )
    # the command line says the same, as a usage error (the wrong kind of path: exit 2)
    assert main(["validate", str(path)]) == 2
    assert said in " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("event.json", "did you mean events.json? {folder} holds one already: move these records"),
        ("data.json", "its records' ids name events, whose file {folder} holds already"),
    ],
)
def test_a_list_named_for_a_kind_file_beside_it_is_not_told_to_take_its_name(
    tmp_path: Path, name: str, said: str
) -> None:
    """Beside an events.json, an event.json (or a data.json of events) was told "did you mean
    events.json? Name it so": followed, it replaced the folder's events.json, and the
    check "alone" it named was of that other file. It is told to move its records into the
    file the folder has; and a folder's load says so of it too, not "did you mean"."""
    folder = write_folder(tmp_path / "ds", {"events.json": [event_doc()], name: [event_doc()]})
    (problem,) = rightsdata.validate(folder / name)
    assert said.format(folder=folder) in problem.message
    assert "Name it so" not in problem.message and "name it" not in problem.message
    # the same file under both names (as a file system that ignores case makes Events.JSON
    # of events.json; a hard link here) is no other file to move the records into
    other = write_folder(tmp_path / "same", {"events.json": [event_doc()]})
    os.link(other / "events.json", other / name)
    (problem,) = rightsdata.validate(other / name)
    assert "holds one already" not in problem.message
    assert "holds already" not in problem.message
    if name == "event.json":
        (problem, *_) = rightsdata.validate(folder)
        assert problem.location == name and problem.message == (
            "not a record kind's file, so it is not read; it is named like events.json, which "
            "the folder holds too: move its records into events.json, or move it out of the "
            "dataset's folder"
        )


def test_a_list_of_no_known_kind_is_told_the_kind_files(tmp_path: Path) -> None:
    path = write_folder(tmp_path, {"stuff.json": [1, {"id": "x"}]}) / "stuff.json"
    (problem,) = rightsdata.validate(path)
    assert "name it for its kind (sources.json, persons.json, " in problem.message
    assert "(a JSON document is an object with a list per kind)" in problem.message


# --- a record of another kind ---------------------------------------------------------------


def test_an_event_in_persons_json_is_one_problem_saying_where_it_belongs(tmp_path: Path) -> None:
    stray = event_doc("event:b")
    folder = _dataset(tmp_path, **{"persons.json": [person_doc(), stray]})
    found = rightsdata.validate(folder)
    assert [(p.location, p.message, p.code) for p in found] == [
        (
            "persons.json[1] event:b",
            "is an event, not a person (its id and its fields say so): events belong in "
            "events.json",
            ProblemCode.VALUE,
        )
    ]
    assert (found[0].kind, found[0].index, found[0].field) == ("persons", 1, None)
    # the same checked alone, and in Python
    assert check_kind_file(folder / "persons.json").problems == found
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_documents({"sources": [source_doc()], "persons": [stray]})
    # (judged as the event it is: its participant names no person of these documents)
    problem, dangling = info.value.problems
    assert problem.message.endswith('events belong in the list under "events"')
    assert dangling.location == "documents:persons[0] event:b.participants[0].actor"


def test_a_person_in_events_json_of_a_json_document_is_one_problem(tmp_path: Path) -> None:
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "events": [event_doc(), person_doc("person:b")],
    }
    path = write_folder(tmp_path, {"all.json": documents}) / "all.json"
    assert [str(p) for p in rightsdata.validate(path)] == [
        "all.json:events[1] person:b: is a person, not an event (its id and its fields say "
        'so): persons belong in the list under "persons"'
    ]


def test_a_record_whose_id_alone_names_another_kind_keeps_the_id_problem(tmp_path: Path) -> None:
    """A person whose ID has an event's prefix is a person with a wrong ID, not an event."""
    folder = _dataset(tmp_path, **{"persons.json": [person_doc(), person_doc("event:jane")]})
    found = rightsdata.validate(folder)
    assert [(p.location, p.message) for p in found] == [
        ("persons.json[1] event:jane.id", "'event:jane' names 'event'; expected a person")
    ]


def test_json_lines_whose_kind_and_id_disagree_say_which_to_change(tmp_path: Path) -> None:
    lines = [
        {"$kind": "sources", **source_doc()},
        {"$kind": "persons", **person_doc()},
        {"$kind": "persons", **event_doc()},  # an event, by its id and fields
        {"$kind": "events", **person_doc("person:b")},  # a person, by its id and fields
        {"$kind": "persons", **person_doc("event:b")},  # a person, by its fields
        {"$kind": "persons", "id": "event:c"},  # nothing tells
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert [str(p) for p in rightsdata.validate(path)] == [
        "x.jsonl:3 event:a.$kind: says 'persons' but its id 'event:a' is an event's; it is "
        'an event (its fields say so): write "$kind": "events"',
        "x.jsonl:4 person:b.$kind: says 'events' but its id 'person:b' is a person's; it is "
        'a person (its fields say so): write "$kind": "persons"',
        "x.jsonl:5 event:b.$kind: says 'persons' but its id 'event:b' is an event's; it is "
        "a person (its fields say so): give it a person's id (person:...)",
        "x.jsonl:6 event:c.$kind: says 'persons' but its id 'event:c' is an event's",
        # (nothing tells: judged as the event its id names, as in a kind's file)
        "x.jsonl:6 event:c.kind: required field is missing",
        "x.jsonl:6 event:c.title: required field is missing",
        "x.jsonl:6 event:c.citations: required field is missing",
    ]


@pytest.mark.parametrize("schema", [False, True])
def test_a_redirect_line_without_its_kind_is_told_to_say_it(tmp_path: Path, schema: bool) -> None:
    lines = [
        {"$kind": "sources", **source_doc()},
        {"$kind": "persons", **person_doc("person:b")},
        {"id": "person:old", "to": "person:b"},  # (read by its id, a person missing fields)
        {"$kind": "redirects", "id": "person:older", "to": "person:b"},
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    (problem,) = rightsdata.validate(path, schema=schema)
    assert (problem.location, problem.line, problem.code) == ("x.jsonl:3 person:old", 3, "missing")
    assert problem.message == (
        "holds a redirect's fields (id and to) but not its kind: write "
        '"$kind": "redirects" first, as in '
        '{"$kind": "redirects", "id": "person:old", "to": "person:b"}'
    )
    long = "person:" + "x" * 100
    path.write_text(json.dumps({"id": long, "to": "person:b"}), encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.message.endswith('as in {"$kind": "redirects", "id": ..., "to": ...}')


# --- a set date under an older format -------------------------------------------------------


def test_a_set_date_under_an_older_format_in_one_file_says_to_declare_format_3(
    tmp_path: Path,
) -> None:
    lines = [
        {"$kind": "datapackage", "name": "x", "rightsdata_format": 2},
        {"$kind": "sources", **source_doc()},
        {"$kind": "persons", **person_doc()},
        {"$kind": "events", **event_doc(date="[2012-10-08,2012-10-09]")},
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert "fmt" not in problem.message  # (fmt rewrites folders only)
    assert "set rightsdata_format to 3 in x.jsonl:1 datapackage" in problem.message


# --- words ----------------------------------------------------------------------------------


def test_values_are_described_in_json_words_never_python_reprs(tmp_path: Path) -> None:
    assert [describe_json(v) for v in (None, True, False, 5, "a")] == [
        "null",
        "true",
        "false",
        "an integer (5)",
        "text ('a')",
    ]
    folder = _dataset(tmp_path, **{"persons.json": [person_doc(name=None), None]})
    messages = {p.location: p.message for p in rightsdata.validate(folder)}
    assert messages["persons.json[0] person:a.name"] == "expected text, got null"
    assert messages["persons.json[1]"] == "expected an object, got null"
    path = tmp_path / "x.jsonl"
    path.write_text("null\n", encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.message == "expected a record (an object), got null"


def test_a_misspelt_descriptor_field_gets_a_did_you_mean(tmp_path: Path) -> None:
    folder = _dataset(tmp_path, **{"datapackage.json": {"name": "x", "licences": []}})
    (problem,) = rightsdata.validate(folder)
    assert (problem.location, problem.message) == (
        "datapackage.json.licences",
        "unknown field; did you mean 'licenses'?",
    )


def test_a_misspelt_id_prefix_or_kind_in_json_lines_gets_a_did_you_mean(tmp_path: Path) -> None:
    lines = [{"id": "evnt:foo", "title": "x"}, {"$kind": "event", **event_doc()}]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    first, second = rightsdata.validate(path)
    assert first.message == (
        "says neither its kind ('$kind') nor an id whose prefix names one; its id's prefix "
        "'evnt' names no kind: did you mean 'event' (an event)?"
    )
    assert second.message.startswith(
        "'event' is not a record kind; did you mean 'events'? Expected one of sources, "
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("organization:x", "org:x"),
        ("organisation:x", "org:x"),
        ("organizations:x", "org:x"),
        ("Org:x", "org:x"),
        ("orgs:x", "org:x"),
    ],
)
def test_a_kinds_name_for_its_id_prefix_is_told_the_prefix(
    tmp_path: Path, written: str, meant: str
) -> None:
    """An organisation's prefix is ``org``, which no spelling of its name is close to: its
    name in the prefix's place, in a folder or in JSON Lines, is told the prefix."""
    organization = {"id": written, "name": "X", "kind": "ngo", "citations": [dict(CITE)]}
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "sources.json").write_text(json.dumps([source_doc()]), encoding="utf-8")
    (folder / "organizations.json").write_text(json.dumps([organization]), encoding="utf-8")
    (problem,) = rightsdata.validate(folder)
    assert problem.message.endswith(f"expected an organisation (did you mean {meant!r}?)")
    lines = tmp_path / "x.jsonl"
    lines.write_text(json.dumps(organization), encoding="utf-8")
    (problem,) = rightsdata.validate(lines)
    assert problem.message.endswith("did you mean 'org' (an organisation)?"), problem.message


def test_a_misspelt_kind_in_a_document_is_told_its_kind_and_hides_no_reference(
    tmp_path: Path,
) -> None:
    documents = {"sources": [source_doc()], "persns": [person_doc()], "events": [event_doc()]}
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents(documents)
    (problem,) = caught.value.problems
    assert (problem.location, problem.code) == ("documents:persns", ProblemCode.UNKNOWN_FIELD)
    assert problem.message.startswith(
        "not a record kind; did you mean 'persons'? Expected sources, persons, "
    )
    # the event's reference to person:a is not said to name no record: it may be among them
    assert caught.value.unchecked == ("persons",)
    path = tmp_path / "all.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    assert [p.location for p in rightsdata.validate(path)] == ["all.json:persns"]
    # beside the kind's own list, it is a stray only: the references are judged against it
    beside = {**documents, "persons": [person_doc("person:b")]}
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents(beside)
    assert [p.location for p in caught.value.problems] == [
        "documents:persns",
        "documents:events[0] event:a.participants[0].actor",
    ]
    assert caught.value.unchecked == ()
    documents["zzz"] = documents.pop("persns")  # like no kind: the references are judged
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents(documents)
    assert [p.location for p in caught.value.problems] == [
        "documents:zzz",
        "documents:events[0] event:a.participants[0].actor",
    ]


def test_a_file_named_like_a_kind_hides_no_reference_to_that_kind(tmp_path: Path) -> None:
    files = {"sources.json": [source_doc()], "events.json": [event_doc()]}
    folder = write_folder(tmp_path / "ds", {**files, "person.json": [person_doc()]})
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    (problem,) = caught.value.problems
    assert problem.location == "person.json" and "did you mean persons.json?" in problem.message
    assert caught.value.unchecked == ("persons",)
    # beside the kind's own file, it is a stray only: the references are judged against it
    write_folder(folder, {"persons.json": [person_doc("person:b")]})
    assert [p.location for p in rightsdata.validate(folder)] == [
        "person.json",
        "events.json[0] event:a.participants[0].actor",
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: rightsdata.Dataset({"person": []}),
        lambda ds: ds.collection("person"),
        lambda ds: ds.search("kozlov", kinds="person"),
        lambda ds: rightsdata.schema.validator_for("person"),  # type: ignore[arg-type]
    ],
)
def test_a_misspelt_kind_given_to_the_api_is_told_the_kind(
    call: Callable[[rightsdata.Dataset], object],
) -> None:
    with pytest.raises(ValueError, match=r"person'? \(did you mean 'persons'\?\)"):
        call(rightsdata.load())


def test_a_misspelt_term_or_event_kind_is_told_the_term() -> None:
    ds = rightsdata.load()
    with pytest.raises(ValueError, match=r"'verdicts' is not .* \(did you mean 'verdict'\?\)"):
        ds.events(kind="verdicts")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'victm' is not .* \(did you mean 'victim'\?\)"):
        ds.events(role="victm")  # type: ignore[arg-type]
    from rightsdata._display.plot import kind_style

    with pytest.raises(ValueError, match=r"\(did you mean 'verdict'\?\)"):
        kind_style("verdicts")


def test_counts_of_one_are_singular() -> None:
    assert [counted(n, "record") for n in (0, 1, 2, 1000)] == [
        "0 records",
        "1 record",
        "2 records",
        "1,000 records",
    ]
    ds = rightsdata.load()
    with pytest.raises(ValueError, match=r"not 1 value; pass the window: "):
        ds.events(between=("2012",))  # type: ignore[arg-type]
    from rightsdata._validation.descriptor import descriptor_problems

    (problem,) = descriptor_problems({"name": "x", "licenses": []})
    assert problem.message == "expected at least 1 item"
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_documents(
            {"sources": [source_doc()], "persons": [person_doc(citations=[])]}
        )
    assert [p.message for p in info.value.problems] == ["needs at least 1 item"]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("datapackage.json", "is a data package's descriptor"),
        ("redirects.json", "is a dataset folder's list of retired IDs"),
        (".rightsdata-export", "is the list of the files an export wrote into its folder"),
    ],
)
def test_a_folder_file_given_alone_is_told_to_load_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, what: str
) -> None:
    folder = rightsdata.load().export(tmp_path / "ds", "json")[0].parent
    assert (folder / name).is_file()
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder / name)
    (problem,) = info.value.problems  # (not one problem a key of the file: none is a kind)
    assert (problem.location, problem.code) == (name, ProblemCode.TYPE)
    assert problem.message.startswith(f"{what}")
    assert problem.message.endswith(f"`rightsdata.load_path({str(folder)!r})`)")
    # the command it names checks the folder
    command = shlex.split(problem.message.split("`")[1])
    assert command[:2] == ["rightsdata", "validate"]
    assert main(command[1:]) == 0
    assert "valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("layout", "single"), [("jsonl", "records.jsonl"), ("document", "dataset.json")]
)
def test_an_exports_manifest_beside_one_file_is_told_to_load_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str, single: str
) -> None:
    """The manifest of a jsonl or document export names the file that is the dataset (its
    folder holds no dataset's files: the advice to load the folder would fail)."""
    folder = tmp_path / layout
    rightsdata.load().export(folder, layout)  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder / ".rightsdata-export")
    (problem,) = info.value.problems
    assert f"load the {single} beside it" in problem.message
    assert problem.message.endswith(f"`rightsdata.load_path({str(folder / single)!r})`)")
    command = shlex.split(problem.message.split("`")[1])
    assert main(command[1:]) == 0 and "valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    "document",
    [
        {"sources": [source_doc()]},  # (a kind's key, no descriptor's resources)
        {},  # (an empty dataset)
        {"datapackage": {"name": "x", "version": "1.0.0"}},  # (a descriptor it carries)
        {"redirects": []},
    ],
)
@pytest.mark.parametrize("name", ["datapackage.json", "redirects.json", ".rightsdata-export"])
def test_a_json_document_under_a_folder_file_name_is_read_as_one(
    tmp_path: Path, name: str, document: dict[str, Any]
) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "data.json"
    other.write_text(json.dumps(document), encoding="utf-8")
    assert rightsdata.load_path(path).counts() == rightsdata.load_path(other).counts()


@pytest.mark.parametrize(
    ("export_format", "name"),
    [("datapackage", "datapackage.json"), ("csv", ".rightsdata-export")],
)
def test_a_folder_file_beside_an_exports_tables_is_told_what_reads_them(
    tmp_path: Path, export_format: rightsdata.tables.FormatName, name: str
) -> None:
    folder = tmp_path / "tables"
    rightsdata.load().export(folder, export_format)
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder / name)
    (problem,) = info.value.problems
    assert "beside 27 CSV files: tables, as `rightsdata export` writes them" in problem.message
    assert "rightsdata validate" not in problem.message  # (the folder is no dataset either)
    call = f"`rightsdata.tables.load_directory({str(folder)!r})`"
    assert call in problem.message
    # and the reader it names reads them back into the dataset exported
    assert rightsdata.tables.load_directory(folder).to_dict() == rightsdata.load().to_dict()
