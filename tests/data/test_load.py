"""Loading: the bundled dataset and folders, all or nothing, every problem named."""

from __future__ import annotations

import json
import shlex
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError, UnknownIdError
from rightsdata._data.canonical import format_folder, render_folder, sha256
from rightsdata._data.loading import read_folder
from rightsdata._values.errors import ProblemCode
from rightsdata._values.resources import datasets_root

from conftest import event_doc, person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]
BUNDLED = Path(str(datasets_root().joinpath("kazakhstan")))


def test_load_returns_the_same_immutable_dataset() -> None:
    dataset = rightsdata.load()
    assert dataset is rightsdata.load()
    assert dataset.name == "kazakhstan"
    assert (
        dataset.version
        == json.loads((BUNDLED / "datapackage.json").read_text(encoding="utf-8"))["version"]
    )
    with pytest.raises(AttributeError):
        dataset.persons = ()  # type: ignore[misc,assignment]


def test_load_is_thread_safe() -> None:
    rightsdata.load.__globals__["_cache"].clear()
    seen: list[int] = []
    threads = [
        threading.Thread(target=lambda: seen.append(id(rightsdata.load()))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1


def test_to_dict_is_exactly_the_files() -> None:
    dataset = rightsdata.load()
    for kind, documents in dataset.to_dict().items():
        file = BUNDLED / f"{kind}.json"
        if not file.exists():  # a kind the folder has no file for (groups) has no records
            assert documents == [], kind
            continue
        assert json.loads(file.read_text(encoding="utf-8")) == documents


def test_bundled_files_are_canonical_and_hashes_match() -> None:
    dataset = rightsdata.load()
    descriptor = json.loads((BUNDLED / "datapackage.json").read_text(encoding="utf-8"))
    for name, text in render_folder(dataset).items():
        assert (BUNDLED / name).read_text(encoding="utf-8") == text, f"{name} is not canonical"
    for resource in descriptor["resources"]:
        text = (BUNDLED / resource["path"]).read_text(encoding="utf-8")
        assert resource["hash"] == sha256(text)
        assert resource["bytes"] == len(text.encode("utf-8"))


def test_get_and_collections() -> None:
    dataset = rightsdata.load()
    some_person = dataset.persons[0]
    assert dataset.get(some_person.id) is some_person
    assert dataset.persons.get(some_person.id) is some_person
    assert some_person in dataset.persons and some_person.id in dataset.persons
    assert [p.id for p in dataset.persons] == sorted(p.id for p in dataset.persons)
    with pytest.raises(UnknownIdError) as caught:
        dataset.get("person:nobody-at-all")
    assert isinstance(caught.value, KeyError)
    assert dataset.persons.get("person:nobody-at-all") is None
    with pytest.raises(KeyError):
        dataset.persons["person:nobody-at-all"]


def test_unknown_bundled_name() -> None:
    with pytest.raises(ValueError, match="kazakhstan"):
        rightsdata.load("atlantis")


def test_datasets_lists_bundled_versions() -> None:
    assert rightsdata.datasets()["kazakhstan"] == rightsdata.load().version


def test_problems_in_several_files_are_reported_together(make_folder: MakeFolder) -> None:
    folder = make_folder(
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(name=5)],
            "events.json": [event_doc(date="2012-13-01")],
            "places.json": "{not json",
        }
    )
    with pytest.raises(InvalidDataError) as caught:
        read_folder(folder)
    located = {p.location: p.code for p in caught.value.problems}
    assert located == {
        "places.json": ProblemCode.SYNTAX,
        "persons.json[0] person:a.name": ProblemCode.TYPE,
        "events.json[0] event:a.date": ProblemCode.VALUE,
    }
    assert str(folder) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf[]", "byte-order mark"),
        (b'["\xff"]', "not UTF-8"),
        (b"[NaN]", "NaN"),
        (b'[{"id": 1}', "not valid JSON"),
    ],
)
def test_unreadable_files(make_folder: MakeFolder, content: bytes, words: str) -> None:
    folder = make_folder({"sources.json": [source_doc()], "persons.json": content})
    with pytest.raises(InvalidDataError) as caught:
        read_folder(folder)
    (problem,) = caught.value.problems
    assert problem.location == "persons.json"
    assert words in problem.message


@pytest.mark.parametrize("name", ["persons.json", "datapackage.json", "redirects.json"])
def test_fmt_removes_a_byte_order_mark_that_a_load_refuses(tmp_path: Path, name: str) -> None:
    # a load refuses it (JSON allows none), saying fmt removes it; and fmt refused it too
    folder = tmp_path / "mine"
    folder.mkdir()
    files = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "datapackage.json": {"name": "mine", "version": "1.0.0"},
        "redirects.json": [{"id": "person:old", "to": "person:a"}],
    }
    for file, content in files.items():
        (folder / file).write_text(json.dumps(content), encoding="utf-8")
    format_folder(folder)
    canonical = {path.name: path.read_bytes() for path in folder.iterdir()}
    (folder / name).write_bytes(b"\xef\xbb\xbf" + canonical[name])
    (problem,) = rightsdata.validate(folder)
    assert (problem.location, problem.code) == (name, ProblemCode.SYNTAX)
    assert problem.message == (
        "starts with a byte-order mark (U+FEFF, an invisible character some editors write), "
        "which JSON does not allow: save it as UTF-8 without a BOM "
        f"(`rightsdata fmt {shlex.quote(str(folder))}` removes it)"
    )
    # a lone file is told no command (fmt rewrites a folder's files), its other problems
    # with it (redirects.json alone is read as a dataset, which a list is not)
    if name != "datapackage.json":
        alone = rightsdata.validate(folder / name)
        assert alone[0].message.endswith("save it as UTF-8 without a BOM")
        assert len(alone) == (1 if name == "persons.json" else 2)
    assert format_folder(folder, check=True) == [name]  # not canonical; nothing written
    assert (folder / name).read_bytes().startswith(b"\xef\xbb\xbf")
    assert format_folder(folder) == [name]
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == canonical
    assert rightsdata.validate(folder) == []


@pytest.mark.parametrize(
    ("name", "broken", "other"),
    [
        ("persons.json", [person_doc(name=5)], "persons.json[0] person:a.name"),
        ("datapackage.json", {"name": 5}, "datapackage.json.name"),
        ("redirects.json", [{"id": "person:old", "to": "person:b"}], "redirects.json[0].to"),
    ],
)
def test_a_byte_order_mark_hides_none_of_its_files_other_problems(
    tmp_path: Path, name: str, broken: object, other: str
) -> None:
    # its advice, fmt, reads past it and refuses the folder for the others: a load reads
    # past it too, tells them, and that they come first (as a stale hash's advice does)
    folder = tmp_path / "mine"
    folder.mkdir()
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], name: broken}
    for file, content in files.items():
        (folder / file).write_text(json.dumps(content), encoding="utf-8")
    (folder / name).write_bytes(b"\xef\xbb\xbf" + (folder / name).read_bytes())
    mark, *others = rightsdata.validate(folder)
    assert (mark.location, mark.code) == (name, ProblemCode.SYNTAX)
    assert mark.message.endswith(
        f"(`rightsdata fmt {shlex.quote(str(folder))}` removes it) (first fix the other "
        "problems: fmt refuses a folder that has any, and rewrites nothing)"
    )
    assert [p.location for p in others] == [other]
    with pytest.raises(InvalidDataError) as caught:
        format_folder(folder)  # (what the advice was: it tells the same other problem)
    assert [p.location for p in caught.value.problems] == [other]
    assert (folder / name).read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_folder_without_record_files(make_folder: MakeFolder) -> None:
    with pytest.raises(InvalidDataError, match="no record files"):
        read_folder(make_folder({"notes.txt": "hello"}))


def test_a_stale_resource_names_the_folder_to_format(tmp_path: Path) -> None:
    # "run `rightsdata fmt`": run as printed, it rewrites the bundled datasets, not this one
    from rightsdata._cli.template import write_template

    folder = tmp_path / "my data"
    write_template(folder)
    format_folder(folder, hashes=True)  # (init writes no size or hash: a published dataset's)
    persons = folder / "persons.json"
    written = persons.read_text(encoding="utf-8")
    persons.write_text(written + " ", encoding="utf-8", newline="")
    problems = rightsdata.validate(folder)
    # one problem for the one edit: the size says the entry is stale (its hash is too)
    (problem,) = problems
    assert problem.location == "datapackage.json.resources[1].bytes"
    assert "changed since datapackage.json recorded its size and hash" in problem.message
    assert problem.message.endswith(f"run `rightsdata fmt '{folder}'` if it was changed on purpose")
    # a file of the same size and other bytes: only the hash tells
    persons.write_text(written.replace("[\n  {", "[\n{  ", 1), encoding="utf-8", newline="")
    (problem,) = rightsdata.validate(folder)
    assert problem.location == "datapackage.json.resources[1].hash"
    assert problem.message == (
        "does not match persons.json: the file changed since datapackage.json recorded its "
        f"hash (its size is the same); run `rightsdata fmt '{folder}'` if it was changed on "
        "purpose"
    )
