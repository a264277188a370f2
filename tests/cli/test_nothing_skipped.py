"""Nothing skipped, overwritten or invented without a word: files a load would not read,
writes over a user's data, provenance nobody gave, paths of every kind."""

from __future__ import annotations

import ast
import json
import shlex
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._model.records import KINDS
from rightsdata._tables.tables import TABLES
from rightsdata._values.format import kind_file
from rightsdata._values.names import FormatName

from conftest import event_doc, no_symlinks, person_doc, source_doc, symlink, write_folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _alone(path: Path) -> str:
    """The advice to read ``path`` alone, as a message words it: the command (the path as a
    shell word) and the Python call (the path as a literal)."""
    command = f"`rightsdata validate {shlex.quote(str(path))}`"
    return f"{command} (in Python, `rightsdata.load_path({str(path)!r})`)"


def _verdict(provision: str) -> dict[str, object]:
    return event_doc(charges=[{"provision": provision, "against": "person:a"}])


# --- 'did you mean' never names the missing ID, nor an ID twice ---------------------------


def test_a_dangling_reference_is_not_suggested_to_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    law = {"id": "law:cc-174", "title": "Article 174", "citations": [{"source": "source:doc"}]}
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [_verdict("law:cc-174")],
            "law.json": [law],  # misspelt: the loader does not read it
        },
    )
    code, err, _ = run(capsys, "validate", str(folder))
    said = " ".join(err.split())
    assert code == EXIT_INVALID
    # law.json may hold the laws' records: the reference is not judged, and is said not to be
    assert "did you mean laws.json?" in said and "'law:cc-174' does not exist" not in said
    assert "Not checked: references to laws" in said
    # and where it is judged (laws.json read), it is told an ID of the laws spelled like it,
    # never itself
    (folder / "law.json").unlink()
    (folder / "laws.json").write_text(json.dumps([{**law, "id": "law:cc-175"}]), encoding="utf-8")
    code, err, _ = run(capsys, "validate", str(folder))
    said = " ".join(err.split())
    assert code == EXIT_INVALID
    assert "'law:cc-174' does not exist; did you mean 'law:cc-175'?" in said


def test_a_duplicated_id_is_suggested_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:jane-doe"), person_doc("person:jane-doe")],
            "events.json": [
                event_doc(participants=[{"actor": "person:jane-do", "role": "defendant"}])
            ],
        },
    )
    code, err, _ = run(capsys, "validate", str(folder))
    text = " ".join(err.split())
    assert code == EXIT_INVALID
    assert "did you mean 'person:jane-doe'?" in text
    assert "'person:jane-doe' or 'person:jane-doe'" not in text


# --- --data before the command ---------------------------------------------------------------


def _small(tmp_path: Path) -> Path:
    return write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc()],
        },
    )


def test_data_may_come_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(_small(tmp_path))
    before = run(capsys, "--data", folder, "timeline", "person:a")
    after = run(capsys, "timeline", "person:a", "--data", folder)
    assert before == after
    assert before[0] == EXIT_OK and "A Person: 1 event" in before[1]


def test_data_before_a_command_without_it_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(_small(tmp_path))
    code, _, err = run(capsys, "--data", folder, "validate", folder)
    assert code == EXIT_USAGE
    assert (
        "validate takes the dataset as its argument, not --data: "
        f"`rightsdata validate {shlex.quote(folder)}`" in (" ".join(err.split()))
    )
    code, _, err = run(capsys, "--data", folder, "timeline", "person:a", "--data", "elsewhere")
    assert code == EXIT_USAGE
    assert "--data is given twice" in " ".join(err.split())
    # the default's value given after the command is given too (it was taken for no value)
    code, _, err = run(capsys, "--name", "nosuch", "info", "--name", "kazakhstan")
    assert code == EXIT_USAGE
    assert "--name is given twice ('nosuch' before" in " ".join(err.split())
    assert run(capsys, "--name", "kazakhstan", "info") == run(capsys, "info")


# --- fmt rewrites only the folders it is given -------------------------------------------------


def test_fmt_without_a_folder_rewrites_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import rightsdata._data.canonical as canonical

    calls: list[tuple[Path, bool]] = []

    def format_folder(
        folder: Path,
        *,
        check: bool = False,
        upgrade: bool = False,
        base: object = None,
        hashes: bool | None = None,
    ) -> list[str]:
        calls.append((folder, check))
        return []

    monkeypatch.setattr(canonical, "format_folder", format_folder)
    code, _, err = run(capsys, "fmt")
    assert code == EXIT_USAGE
    assert calls == []
    assert "rightsdata fmt FOLDER" in err and "fmt --check" in " ".join(err.split())
    assert run(capsys, "fmt", "--check")[0] == EXIT_OK  # CI's check of the bundled data
    assert calls and all(check for _, check in calls)


# --- a problem in no record still names the file it concerns ----------------------------------


def test_package_problems_name_the_file_they_concern(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(
        tmp_path / "ds",
        {"sources.json": [source_doc()], "persons.json": [person_doc()]},
    )
    assert run(capsys, "fmt", "--hashes", str(folder))[0] == EXIT_OK
    write_folder(folder, {"persons.json": [person_doc(name="Renamed")]})

    def files() -> dict[str, str]:
        code, out, _ = run(capsys, "validate", "--json", str(folder))
        assert code == EXIT_INVALID
        return {p["location"]: p["file"] for p in json.loads(out)}

    assert files() == {"datapackage.json.resources[1].bytes": "persons.json"}
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    write_folder(folder, {"datapackage.json": {**package, "colour": "blue"}})
    # (the descriptor's own problem hides none of its files')
    assert files() == {
        "datapackage.json.colour": "datapackage.json",
        "datapackage.json.resources[1].bytes": "persons.json",
    }


def test_a_kind_file_checked_alone_names_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "ds", {"persons.json": ""})
    code, out, _ = run(capsys, "validate", "--json", str(folder / "persons.json"))
    assert code == EXIT_INVALID
    assert [p["file"] for p in json.loads(out)] == ["persons.json"]


# --- paths as text or path objects -----------------------------------------------------------


def test_public_functions_take_a_path_as_text(tmp_path: Path) -> None:
    import rightsdata
    from rightsdata.tables import documents_from_rows, read_directory

    dataset = rightsdata.load()
    dataset.export(str(tmp_path / "csv"), "csv")
    documents, _ = documents_from_rows(read_directory(str(tmp_path / "csv")))
    assert documents == documents_from_rows(read_directory(tmp_path / "csv"))[0]
    assert len(documents["events"]) == len(dataset.events)


def test_reading_tables_from_no_tables_says_so(tmp_path: Path) -> None:
    from rightsdata.tables import read_directory

    with pytest.raises(FileNotFoundError, match="no such folder"):
        read_directory(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="holds no table's CSV file"):
        read_directory(tmp_path)


# --- a folder's files that its load does not read are problems ------------------------------


def _valid_files() -> dict[str, object]:
    return {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc()],
    }


def test_a_misspelt_kind_file_is_a_problem(tmp_path: Path) -> None:
    import rightsdata

    law = {"id": "law:cc-174", "title": "Article 174", "citations": [{"source": "source:doc"}]}
    folder = write_folder(tmp_path / "ds", {**_valid_files(), "law.json": [law]})
    (problem,) = rightsdata.validate(folder)
    assert (problem.location, problem.file, problem.code) == (
        "law.json",
        "law.json",
        "unknown_field",
    )
    assert problem.message.startswith(
        "not a record kind's file, so it is not read; did you mean laws.json? Expected one of "
        "sources.json, persons.json"
    )
    assert "datapackage.json, redirects.json" in problem.message
    with pytest.raises(rightsdata.InvalidDataError, match=r"law\.json"):
        rightsdata.load_path(str(folder))


def test_a_directory_named_like_a_kind_file_is_not_told_to_be_renamed_to_one(
    tmp_path: Path,
) -> None:
    """A directory ``event.json`` (or ``evnts.json``) was told "did you mean events.json?":
    followed, the folder then had a directory where its events' file belongs, which a load
    refuses. It is said to be what it is, and to be moved out; and as it holds no records,
    references to the kind it resembles are judged (a misspelt file may hold the kind's
    records: they are not)."""
    import os

    import rightsdata

    charged = event_doc(charges=[{"provision": "law:none", "against": "person:a"}])
    folder = write_folder(tmp_path / "ds", {**_valid_files(), "events.json": [charged]})
    (folder / "law.json").mkdir()
    (folder / "evnts.json").mkdir()
    problems = rightsdata.validate(folder)
    assert [p.location for p in problems] == [
        "evnts.json",
        "law.json",
        "events.json[0] event:a.charges[0].provision",
    ]
    for problem in problems[:2]:
        assert problem.message == (
            "not a record kind's file, so it is not read: it is a directory, not a regular "
            "file; move it out of the dataset's folder"
        )
    assert problems.unchecked == ()
    (folder / "law.json").rmdir()
    if no_symlinks() is None:
        symlink(folder / "law.json", "nowhere.json")
        problems = rightsdata.validate(folder)
        assert "it is a symbolic link to nothing, not a regular file" in problems[1].message
        (folder / "law.json").unlink()
    # a file so named is still a misspelt kind file, whose kind is then not judged
    (folder / "law.json").write_text("[]", encoding="utf-8")
    problems = rightsdata.validate(folder)
    assert "did you mean laws.json?" in problems[1].message and problems.unchecked == ("laws",)
    # following the advice for a directory clears its problem
    (folder / "law.json").unlink()
    os.replace(folder / "evnts.json", tmp_path / "evnts.json")
    assert [p.location for p in rightsdata.validate(folder)] == [
        "events.json[0] event:a.charges[0].provision"
    ]


def test_any_other_json_file_is_a_problem_for_load_validate_and_fmt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import rightsdata

    folder = write_folder(
        tmp_path / "ds",
        {
            **_valid_files(),
            "stuff.json": [],
            "Events.JSON": [],
            ".editor.json": {},  # hidden: not looked at
            "notes.txt": "mine",  # not JSON: not looked at
        },
    )
    found = {p.location: p.message for p in rightsdata.validate(folder)}
    assert set(found) == {"Events.JSON", "stuff.json"}
    # (renamed events.json, it would replace the folder's: it is told to move its records)
    assert "named like events.json, which the folder holds too" in found["Events.JSON"]
    assert "did you mean" not in found["stuff.json"]
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == EXIT_INVALID and "valid:" not in out
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = run(capsys, "fmt", str(folder))
    assert code == EXIT_INVALID and "stuff.json" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written


def test_a_folder_of_hidden_files_only_names_none_of_them(tmp_path: Path) -> None:
    import rightsdata

    folder = tmp_path / "ds"
    folder.mkdir()
    for name in (".old.jsonl", ".events.csv", ".rightsdata-export"):
        (folder / name).write_text("", encoding="utf-8")
    (problem,) = rightsdata.validate(folder)
    # one rule for hidden files: neither the JSON Lines nor the tables advice names them
    assert problem.message.startswith("no record files found"), problem.message
    (folder / "data.jsonl").write_text("", encoding="utf-8")
    (problem,) = rightsdata.validate(folder)
    assert "JSON Lines (data.jsonl)" in problem.message and ".old" not in problem.message


def test_a_json_file_the_descriptor_lists_is_read_not_refused(tmp_path: Path) -> None:
    import rightsdata

    folder = write_folder(tmp_path / "ds", {**_valid_files(), "notes.json": {"a": 1}})
    descriptor = {"name": "x", "resources": [{"name": "notes", "path": "notes.json"}]}
    write_folder(folder, {"datapackage.json": descriptor})
    assert rightsdata.validate(folder) == []
    # fmt keeps the entry (it dropped it, and the folder was then refused for notes.json)
    from rightsdata._data.canonical import format_folder

    assert "datapackage.json" in format_folder(folder)
    resources = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert resources[-1] == {"name": "notes", "path": "notes.json"}
    assert rightsdata.validate(folder) == [] and format_folder(folder, check=True) == []


def test_a_folder_of_json_lines_says_how_to_load_it(tmp_path: Path) -> None:
    import rightsdata

    rightsdata.load().export(tmp_path / "out", "jsonl")
    (problem,) = rightsdata.validate(tmp_path / "out")
    assert problem.location == str(tmp_path / "out")
    assert "holds no record files but JSON Lines (records.jsonl)" in problem.message
    assert f"rightsdata.load_path({str(tmp_path / 'out' / 'records.jsonl')!r})" in problem.message
    # beside kind files, JSON Lines are a problem of their own
    folder = write_folder(tmp_path / "ds", {**_valid_files(), "more.jsonl": ""})
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "more.jsonl" and "is JSON Lines" in problem.message


def test_a_folder_of_a_json_document_says_how_to_load_it(tmp_path: Path) -> None:
    """A document export (dataset.json alone) is told to load the file, as a jsonl one is,
    not "no record files found" and "move other files out"."""
    import rightsdata

    rightsdata.load().export(tmp_path / "out", "document")
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_path(tmp_path / "out")
    (problem,) = caught.value.problems
    assert problem.location == str(tmp_path / "out")
    assert "holds no record files but a `document` export (dataset.json)" in problem.message
    assert f"rightsdata.load_path({str(tmp_path / 'out' / 'dataset.json')!r})" in problem.message
    assert "move other files out" not in problem.message
    assert rightsdata.load_path(tmp_path / "out" / "dataset.json") == rightsdata.load()
    # beside kind files, it is a problem of its own, saying how to read it
    folder = write_folder(tmp_path / "ds", _valid_files())
    (folder / "dataset.json").write_bytes((tmp_path / "out" / "dataset.json").read_bytes())
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "dataset.json" and problem.message.startswith(
        "is a `document` export (`rightsdata export --format document`), a dataset of its own"
    )
    assert "rightsdata validate" in problem.message and "did you mean" not in problem.message


def test_a_document_export_under_another_name_is_known_by_its_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`rightsdata export --format document - > mydata.json` in a folder was "no record files
    found" and "not a record kind's file ... expected one of ..."; saved as events.json,
    `validate` checked it as a list of events ("expected a list of records, got an object")
    while load_path loaded it. It is known by its start, told how to load, and each command
    and call the advice names works."""
    import re

    import rightsdata

    rightsdata.load().export(tmp_path / "doc", "document")
    exported = (tmp_path / "doc" / "dataset.json").read_bytes()
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "mydata.json").write_bytes(exported)
    (problem,) = rightsdata.validate(alone)
    assert problem.message.startswith(
        "holds no record files but a `document` export (mydata.json), a dataset of its own: "
        f"read it alone with {_alone(alone / 'mydata.json')}"
    )
    folder = write_folder(tmp_path / "ds", _valid_files())
    (folder / "export.json").write_bytes(exported)
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "export.json" and problem.message.startswith(
        "is a `document` export (`rightsdata export --format document`), a dataset of its own"
    )
    assert "did you mean" not in problem.message
    found = re.search(
        r"`rightsdata validate ([^`]+)` \(in Python, `rightsdata\.load_path\(('[^']+')\)`",
        problem.message,
    )
    assert found is not None
    assert main(["validate", *shlex.split(found.group(1))]) == EXIT_OK
    assert rightsdata.load_path(ast.literal_eval(found.group(2))) == rightsdata.load()
    capsys.readouterr()
    # under a kind's name, validate checks it as the dataset it is, as load_path loads it
    (tmp_path / "kind").mkdir()
    (tmp_path / "kind" / "events.json").write_bytes(exported)
    assert rightsdata.validate(tmp_path / "kind" / "events.json") == []
    assert main(["validate", str(tmp_path / "kind" / "events.json")]) == EXIT_OK
    assert "valid: checked" in capsys.readouterr().out
    # and validating its folder says what it is (it said "expected a list of records, got an
    # object"), alone or beside the other kinds' files, with a command that reads it
    for inside in (tmp_path / "kind", write_folder(tmp_path / "beside", _valid_files())):
        (inside / "events.json").write_bytes(exported)
        (problem,) = rightsdata.validate(inside)
        assert problem.location == "events.json" and problem.message.startswith(
            "is a `document` export (`rightsdata export --format document`), a dataset of "
            "its own, not a list of records: read it alone with "
            f"`rightsdata validate {shlex.quote(str(inside / 'events.json'))}`"
        )
        found = re.search(r"`rightsdata validate ([^`]+)`", problem.message)
        assert found is not None
        assert main(["validate", *shlex.split(found.group(1))]) == EXIT_OK


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_a_document_export_named_as_json_lines_is_told_once_what_it_is(
    tmp_path: Path, suffix: str
) -> None:
    """`rightsdata export --format document - > data.jsonl` was read line by line: over
    eleven thousand problems ("not valid JSON"), none saying what the file is. It is one
    problem saying so, and following it (a .json name) loads it."""
    import rightsdata

    rightsdata.load().export(tmp_path / "doc", "document")
    path = tmp_path / f"data{suffix}"
    path.write_bytes((tmp_path / "doc" / "dataset.json").read_bytes())
    (problem,) = rightsdata.validate(path)
    assert (problem.location, problem.code) == (path.name, "syntax")
    assert problem.message == (
        "is one JSON document, as `rightsdata export --format document` writes it, not JSON "
        f"Lines (one record a line), as its name ({suffix}) says: give it a name that ends in "
        ".json, which a load reads as one document"
    )
    assert rightsdata.load_path(path.rename(tmp_path / "data.json")) == rightsdata.load()
    # JSON Lines whose first line is cut short is still told so, line by line
    (tmp_path / "cut.jsonl").write_text('{"$kind": "events", "id": "event:a"\n', "utf-8")
    (problem,) = rightsdata.validate(tmp_path / "cut.jsonl")
    assert problem.location == "cut.jsonl:1" and "ends too soon" in problem.message


def test_a_file_named_dataset_json_is_called_a_document_export_only_if_it_starts_as_one(
    tmp_path: Path,
) -> None:
    """Any dataset.json was "a dataset of its own" by its name alone (someone's metadata,
    ``{}``, too): one whose start does not show it is said to look like one, by its name."""
    import rightsdata

    folder = write_folder(tmp_path / "ds", {**_valid_files(), "dataset.json": {}})
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "dataset.json"
    assert problem.message.startswith(
        "not a record kind's file, so it is not read; by its name it looks like a `document` "
        "export (`rightsdata export --format document`), a dataset of its own: if it is one, "
        f"read it alone with {_alone(folder / 'dataset.json')}"
    )
    assert problem.message.endswith("else move it out of the dataset's folder")
    alone = write_folder(tmp_path / "alone", {"dataset.json": {"title": "notes"}})
    (problem,) = rightsdata.validate(alone)
    expected = "expected some of " + ", ".join(map(kind_file, KINDS))
    assert problem.message == (
        "holds no record files but dataset.json (named as a `document` export (`rightsdata "
        "export --format document`), though it does not start as one): if it is one, a "
        f"dataset of its own, read it alone with {_alone(alone / 'dataset.json')}; a folder is "
        f"read as one file per kind ({expected})"
    )
    # what is not a regular file is never offered as one to load
    odd = tmp_path / "odd"
    (odd / "dataset.json").mkdir(parents=True)
    (problem,) = rightsdata.validate(odd)
    assert problem.message == (
        f"no record files found; {expected} (dataset.json: named as a dataset of its own, "
        "but not a regular file)"
    )
    # beside the kind files too
    (folder / "dataset.json").unlink()
    (folder / "dataset.json").mkdir()
    (problem,) = rightsdata.validate(folder)
    assert problem.message == (
        "not a record kind's file, so it is not read; named as a dataset of its own, but "
        "not a regular file: move it out of the dataset's folder"
    )
    # nor is a file whose start has other whitespace than JSON's (\x0c is none)
    (alone / "dataset.json").write_text('{\x0c"persons": []}', encoding="utf-8")
    (problem,) = rightsdata.validate(alone)
    assert "though it does not start as one" in problem.message
    # one that starts as an export does, with its kinds or its descriptor first, is one
    for start in ('{"persons": []}', '\ufeff {\n "datapackage" : {}}'):
        (alone / "dataset.json").write_text(start, encoding="utf-8")
        (problem,) = rightsdata.validate(alone)
        assert "holds no record files but a `document` export (dataset.json)" in (problem.message)


def test_a_folder_of_json_lines_and_a_json_document_names_each(tmp_path: Path) -> None:
    """Both in one folder were "each a dataset of its own: load the file", naming only the
    first."""
    import rightsdata

    rightsdata.load().export(tmp_path / "out", "jsonl")
    rightsdata.load().export(tmp_path / "doc", "document")
    (tmp_path / "out" / "dataset.json").write_bytes(
        (tmp_path / "doc" / "dataset.json").read_bytes()
    )
    (problem,) = rightsdata.validate(tmp_path / "out")
    assert problem.message.startswith(
        "holds no record files but a `document` export (dataset.json) and JSON Lines "
        "(records.jsonl), each a dataset of its own: read one of the files alone with"
    )
    for name in ("records.jsonl", "dataset.json"):
        path = tmp_path / "out" / name
        assert _alone(path) in problem.message


def test_a_folder_of_datasets_named_names_them_sorted_and_joined_as_others_are(
    tmp_path: Path,
) -> None:
    """Three such names were "a.jsonl and b.jsonl and c.jsonl", the files listed in the
    directory's order, and a hedged list said "each a dataset of its own if it is one"."""
    import rightsdata

    odd = tmp_path / "odd"
    for name in ("c.jsonl", "a.jsonl", "b.jsonl"):
        (odd / name).mkdir(parents=True)
    (problem,) = rightsdata.validate(odd)
    assert problem.message.endswith(
        "(a.jsonl, b.jsonl and c.jsonl: named as a dataset of its own, but not a regular file)"
    )
    both = tmp_path / "both"
    both.mkdir()
    for name in ("c.jsonl", "a.jsonl", "b.jsonl"):
        (both / name).write_text("", encoding="utf-8")
    (both / "dataset.json").write_text('{"title": 1}', encoding="utf-8")
    (problem,) = rightsdata.validate(both)
    assert problem.message.startswith(
        "holds no record files but JSON Lines (a.jsonl), JSON Lines (b.jsonl), JSON Lines "
        "(c.jsonl) and dataset.json (named as a `document` export"
    )
    assert "each named as a dataset of its own: read whichever is one alone, with `" in (
        problem.message
    )
    assert " and JSON Lines" not in problem.message


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_a_folder_of_exported_tables_says_what_it_is(tmp_path: Path, fmt: FormatName) -> None:
    import rightsdata

    rightsdata.load().export(tmp_path / fmt, fmt)
    (problem,) = rightsdata.validate(tmp_path / fmt)
    assert problem.code == "missing"
    assert f"holds no record files but {len(TABLES)} CSV files" in problem.message
    assert "not a dataset to load" in problem.message
    assert f"rightsdata.tables.load_directory({str(tmp_path / fmt)!r})" in problem.message
    # (the advice is what it says: the folder reads back into the dataset exported)
    back, bundled = rightsdata.tables.load_directory(tmp_path / fmt), rightsdata.load()
    assert back.to_dict() == bundled.to_dict() and back.redirects == bundled.redirects


def test_a_folder_of_parquet_tables_is_not_sent_to_the_csv_reader(tmp_path: Path) -> None:
    """read_directory reads CSV alone: a Parquet export is told there is no reader back."""
    import rightsdata

    pytest.importorskip("pyarrow")
    rightsdata.load().export(tmp_path / "parquet", "parquet")
    (problem,) = rightsdata.validate(tmp_path / "parquet")
    assert f"holds no record files but {len(TABLES)} Parquet files" in problem.message
    assert "_directory" not in problem.message
    assert "no reader turns Parquet tables back into records" in problem.message
    assert "pandas.read_parquet" in problem.message


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_one_exported_table_says_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: FormatName
) -> None:
    """A table file given as a dataset is told as its folder is, not "not valid JSON"."""
    import rightsdata

    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    rightsdata.load().export(tmp_path / fmt, fmt)
    path = tmp_path / fmt / f"events.{fmt}"
    with pytest.raises(rightsdata.InvalidDataError) as raised:
        rightsdata.load_path(path)
    (problem,) = raised.value.problems
    assert problem.location == f"events.{fmt}"
    assert "not a dataset to load" in problem.message
    assert "JSON" not in problem.message.partition("Load")[0]  # (not "is not valid JSON")
    if fmt == "csv":
        assert problem.message.startswith("is a CSV file, a table as `rightsdata export`")
        assert f"load_directory({str(tmp_path / fmt)!r})" in problem.message
    else:
        assert "no reader turns Parquet tables back into records" in problem.message
        assert "_directory" not in problem.message
    code, out, err = run(capsys, "validate", str(path))
    assert code == EXIT_USAGE and "not a dataset to load" in " ".join((out + err).split())


def test_a_parquet_file_is_known_by_its_magic_bytes(tmp_path: Path) -> None:
    import rightsdata

    pytest.importorskip("pyarrow")
    rightsdata.load().export(tmp_path / "out", "parquet")
    renamed = tmp_path / "events.json"
    renamed.write_bytes((tmp_path / "out" / "events.parquet").read_bytes())
    (problem,) = rightsdata.validate(renamed)
    assert problem.message.startswith("is a Parquet file, a table as `rightsdata export`")
    # a JSON file is read as one still
    (tmp_path / "data.json").write_text("PAR1", encoding="utf-8")
    (problem,) = rightsdata.validate(tmp_path / "data.json")
    assert "is not valid JSON" in problem.message


def test_csv_files_of_no_kind_are_not_sent_to_the_csv_reader(tmp_path: Path) -> None:
    import rightsdata

    (tmp_path / "notes.csv").write_text("a,b\r\n1,2\r\n", encoding="utf-8")
    (problem,) = rightsdata.validate(tmp_path)
    assert "holds no record files but 1 CSV file (notes.csv)" in problem.message
    assert "read_directory" not in problem.message


# --- an export never writes over a folder unasked ---------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "datapackage"])
def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path, fmt: FormatName) -> None:
    import rightsdata

    folder = write_folder(tmp_path / "mine", _valid_files())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(FileExistsError, match="pass force=True"):
        rightsdata.load().export(folder, fmt)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written
    if fmt == "json":  # force=True would write over the folder's own files: refused too
        with pytest.raises(FileExistsError, match="are files of the dataset folder here"):
            rightsdata.load().export(folder, fmt, force=True)
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
        return
    written = rightsdata.load().export(folder, fmt, force=True)
    assert written and all(p.parent == folder for p in written)
    assert {name: (folder / name).read_bytes() for name in before} == before  # still there


def test_the_command_line_says_what_an_export_would_write_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import rightsdata

    folder = write_folder(tmp_path / "mine", _valid_files())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = run(capsys, "export", "--format", "json", str(folder))
    said = " ".join(err.split())
    version = rightsdata.load().version
    assert code == EXIT_USAGE
    assert f"export writes kazakhstan {version} (the bundled dataset; pass --data" in said
    assert f"into {folder}, which is not empty; pass --force" in said
    code, _, err = run(capsys, "export", "--data", str(folder), str(folder))
    assert code == EXIT_USAGE
    assert f"(read from --data {folder}) into {folder}" in " ".join(err.split())
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- no name or version is made up; a hand-written folder is written in the current format ----


def test_fmt_of_a_hand_written_folder_invents_nothing_and_writes_format_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "mine", _valid_files())
    code, _, err = run(capsys, "fmt", str(folder))
    assert code == EXIT_OK
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert "name" not in package and "version" not in package
    assert package["rightsdata_format"] == 2
    assert "gives no name or version (none is made up)" in " ".join(err.split())
    persons = json.loads((folder / "persons.json").read_text(encoding="utf-8"))
    assert persons == [person_doc()]  # no null or [] spelled out
    assert run(capsys, "fmt", "--check", str(folder))[0] == EXIT_OK


@pytest.mark.parametrize("fmt", ["json", "datapackage"])
def test_an_export_of_a_nameless_dataset_invents_no_name(tmp_path: Path, fmt: FormatName) -> None:
    import rightsdata

    nameless = rightsdata.load_documents(rightsdata.load().to_dict())  # no descriptor
    assert (nameless.name, nameless.version) == (None, None)
    nameless.export(tmp_path / fmt, fmt)
    package = json.loads((tmp_path / fmt / "datapackage.json").read_text(encoding="utf-8"))
    assert "name" not in package and "version" not in package
    if fmt == "json":
        again = rightsdata.load_path(tmp_path / fmt)
        assert (again.name, again.version) == (None, None)


def test_a_listed_file_is_no_stray_however_written_and_fmt_keeps_its_entry_true(
    tmp_path: Path,
) -> None:
    import hashlib

    import rightsdata
    from rightsdata._data.canonical import format_folder

    folder = write_folder(tmp_path / "ds", {**_valid_files(), "notes.json": {"a": 1}})
    data = (folder / "notes.json").read_bytes()
    entry = {
        "name": "notes",
        "path": "./notes.json",  # (a path to the same file: no stray)
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
    }
    write_folder(folder, {"datapackage.json": {"name": "x", "resources": [entry]}})
    assert rightsdata.validate(folder) == []
    (folder / "notes.json").write_text('{"a": 12}', encoding="utf-8")  # the author edits it
    stale = rightsdata.validate(folder)
    assert [p.location.rpartition(".")[2] for p in stale] == ["bytes"]  # (its hash too)
    assert all("run `rightsdata fmt" in p.message for p in stale)
    format_folder(folder)  # as the problems advise: fmt measures the file again
    assert rightsdata.validate(folder) == []
    kept = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"][-1]
    assert kept["bytes"] == len(b'{"a": 12}') and kept["path"] == "./notes.json"


def test_each_advice_to_check_a_file_alone_works_when_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The advice to read a file alone was worded two ways: "rightsdata.load_path(P),
    rightsdata validate P" for a dataset of its own in a folder, and "`rightsdata validate P`
    (in Python, `rightsdata.validate(P)`)" for one kind's file. Now one function words both,
    naming the Python call that works for each: load_path for a dataset's file, validate for a
    kind's file (which load_path refuses). Each call and command named is run here."""
    import re

    import rightsdata

    rightsdata.load().export(tmp_path / "out", "jsonl")
    (told,) = rightsdata.validate(tmp_path / "out")
    rightsdata.load().export(tmp_path / "ds", "json")
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_path(tmp_path / "ds" / "events.json")
    (kind_told,) = caught.value.problems
    advice = re.compile(
        r"`rightsdata validate ([^`]+)` \(in Python, `rightsdata\.(\w+)\(('[^']+')\)`\)"
    )
    for problem, call in ((told, "load_path"), (kind_told, "validate")):
        match = advice.search(problem.message)
        assert match is not None, problem.message
        command, function, path = match.groups()
        assert function == call
        assert main(["validate", *shlex.split(command)]) == EXIT_OK
        capsys.readouterr()
        done = getattr(rightsdata, function)(ast.literal_eval(path))
        assert done == ([] if call == "validate" else rightsdata.load())
