"""The UTF-8 byte-order marks at the start of a file (rightsdata._data.bytemarks), and the
readers of rightsdata._data that follow its one rule: a load in every layout (a folder's
files, one JSON document, JSON Lines, one kind's file checked alone) reports the marks as
one problem that says how many, reads past them and lists every other problem of the file
with it; ``rightsdata fmt`` removes them all. (The readers of an export's files:
tests/tables/test_read_back_marks.py.)"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._data.bytemarks import BOM, unmarked
from rightsdata._data.canonical import format_folder, unmeasured
from rightsdata._values.errors import Problem, ProblemCode

from conftest import LAYOUTS, event_doc, examples, parts, person_doc, source_doc, write_layout

ONE = "starts with a byte-order mark (U+FEFF, an invisible character some editors write)"


def marks_said(count: int) -> str:
    """How a problem starts that tells ``count`` marks."""
    if count == 1:
        return ONE
    return f"starts with {count} byte-order marks (U+FEFF, an invisible character some editors"


# --- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"[]", (b"[]", 0)),
        (b"", (b"", 0)),
        (BOM, (b"", 1)),
        (BOM + b"[]", (b"[]", 1)),
        (BOM * 2 + b"[]", (b"[]", 2)),
        (BOM + b" \t\r\n" + BOM + b"\n[]", (b" \t\r\n\n[]", 2)),  # (white space kept)
        (BOM * 3 + b"{}", (b"{}", 3)),
        # a mark after the first character that is neither a mark nor white space is text
        (b" " + BOM + b"[]", (b" " + BOM + b"[]", 0)),
        (BOM + b"[" + BOM + b"]", (b"[" + BOM + b"]", 1)),
        (BOM + b"\x0c" + BOM + b"[]", (b"\x0c" + BOM + b"[]", 1)),  # (a form feed: not JSON's)
        (BOM + b"\xef\xbb", (b"\xef\xbb", 1)),  # (a mark cut short is no mark)
    ],
)
def test_unmarked_reads_past_every_mark_at_the_start(
    data: bytes, expected: tuple[bytes, int]
) -> None:
    assert unmarked(data) == expected


def test_a_file_without_a_mark_is_given_back_as_it_is() -> None:
    data = json.dumps([person_doc()]).encode()
    assert unmarked(data)[0] is data  # (no copy: the load's fast path pays a startswith)


# --- every layout --------------------------------------------------------------------------

#: The marks (and white space) a file may start with, and how many marks that is.
PREFIXES = [(BOM, 1), (BOM * 2, 2), (BOM + b" \t" + BOM, 2), (BOM * 3, 3)]


def _broken() -> dict[str, list[Any]]:
    """Records with two problems of their own and one across them."""
    participant = {"actor": "person:nobody", "role": "detainee"}
    return {
        "sources": [source_doc()],
        "persons": [person_doc(name=5)],
        "events": [event_doc(participants=[participant])],
    }


def _marked_file(path: Path) -> Path:
    """The file of a layout's records that the marks go into."""
    return path / "persons.json" if path.is_dir() else path


def _found(path: Path) -> list[Problem]:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path)
    assert list(rightsdata.validate(path)) == list(caught.value.problems)
    return list(caught.value.problems)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("prefix", "count"), PREFIXES)
def test_the_marks_hide_none_of_a_files_other_problems(
    tmp_path: Path, layout: str, prefix: bytes, count: int
) -> None:
    """The marks stopped the read of a JSON document and of JSON Lines (a folder's files
    were read past one): the user removed them, and met the file's other problems only
    then. Each layout now tells them all, the marks as one problem (first, as of the file as
    a whole) that says how many."""
    path = write_layout(tmp_path, layout, _broken())
    unmarked_problems = _found(path)
    assert len(unmarked_problems) == 3
    file = _marked_file(path)
    file.write_bytes(prefix + file.read_bytes())
    mark, *others = _found(path)
    assert (mark.location, mark.file, mark.code) == (file.name, file.name, ProblemCode.SYNTAX)
    assert mark.message.startswith(marks_said(count))
    assert others == unmarked_problems


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("prefix", "count"), PREFIXES)
def test_the_marks_alone_are_one_problem(
    tmp_path: Path, layout: str, prefix: bytes, count: int
) -> None:
    documents = {"sources": [source_doc()], "persons": [person_doc()]}
    path = write_layout(tmp_path, layout, documents)
    file = _marked_file(path)
    file.write_bytes(prefix + file.read_bytes())
    (mark,) = _found(path)
    assert mark.message.startswith(marks_said(count))
    file.write_bytes(unmarked(file.read_bytes())[0])
    assert rightsdata.load_path(path).counts()["persons"] == 1


@pytest.mark.parametrize("layout", ["document", "lines"])
def test_a_lone_files_advice_is_an_editors(tmp_path: Path, layout: str) -> None:
    """fmt rewrites dataset folders, never a file alone: the advice for a JSON document or
    JSON Lines is to save it without the mark (and delete what is left of more)."""
    path = write_layout(tmp_path, layout, {"sources": [source_doc()]})
    path.write_bytes(BOM + path.read_bytes())
    (mark,) = _found(path)
    assert mark.message == f"{ONE}, which JSON does not allow: save it as UTF-8 without a BOM"
    assert type(mark) is Problem  # (no fmt advice, worded or not)
    path.write_bytes(BOM * 3 + unmarked(path.read_bytes())[0])
    (mark,) = _found(path)
    assert mark.message == (
        "starts with 3 byte-order marks (U+FEFF, an invisible character some editors write), "
        "which JSON does not allow: save it as UTF-8 without a BOM, then delete the 2 "
        "invisible characters still at its start"
    )


def test_json_lines_keep_their_numbers_past_marks_on_lines_of_their_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data.ndjson"
    record = json.dumps({"$kind": "persons", **person_doc(name=5)})
    source = json.dumps({"$kind": "sources", **source_doc()})
    path.write_bytes(BOM + b"\r\n" + BOM + b"\n" + record.encode() + b"\n" + source.encode())
    mark, other = _found(path)
    assert mark.message.startswith(marks_said(2))
    assert (other.location, other.line) == ("data.ndjson:3 person:a.name", 3)


def test_a_document_named_as_json_lines_is_told_with_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    document = {"sources": [source_doc()], "persons": [person_doc()]}
    path.write_bytes(BOM * 2 + json.dumps(document, indent=1).encode())
    mark, named = _found(path)
    assert mark.message.startswith(marks_said(2))
    assert named.message.startswith("is one JSON document, as `rightsdata export --format")


# --- one kind's file, checked alone --------------------------------------------------------


@pytest.mark.parametrize(("prefix", "count"), PREFIXES)
def test_a_kind_file_alone_is_judged_past_its_marks(
    tmp_path: Path, prefix: bytes, count: int
) -> None:
    """``rightsdata validate persons.json`` told the mark alone, and that none of the
    file's records was checked."""
    path = tmp_path / "persons.json"
    path.write_text(json.dumps([person_doc(name=5), person_doc()]), encoding="utf-8")
    unmarked_problems = list(rightsdata.validate(path))
    assert [p.location for p in unmarked_problems] == [
        "persons.json[0] person:a.name",
        "persons.json[1] person:a.id",  # (the same ID twice)
    ]
    path.write_bytes(prefix + path.read_bytes())
    found = rightsdata.validate(path)
    mark, *others = found
    assert (mark.location, mark.code) == ("persons.json", ProblemCode.SYNTAX)
    assert mark.message.startswith(marks_said(count))
    assert mark.message.endswith("save it as UTF-8 without a BOM" if count == 1 else "its start")
    assert others == unmarked_problems
    assert found.unchecked == ("sources",)  # (its own kind's records were all judged)
    capped = rightsdata.validate(path, max_problems=1)
    assert list(capped) == [mark] and capped.stopped_at == 1


def test_a_document_saved_under_a_kinds_name_is_known_past_its_marks(tmp_path: Path) -> None:
    document = {"sources": [source_doc()], "persons": [person_doc()]}
    path = tmp_path / "events.json"
    path.write_bytes(BOM + b"\n" + BOM + json.dumps(document).encode())
    (mark,) = rightsdata.validate(path)  # read as the dataset it is, not as a list of events
    assert mark.message.startswith(marks_said(2))
    (tmp_path / "sources.json").write_text(json.dumps([source_doc()]), encoding="utf-8")
    mark, stray = rightsdata.validate(tmp_path)
    assert mark.message.startswith(marks_said(2))
    assert stray.message.startswith("is a `document` export")


# --- a dataset folder's files, and fmt -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "broken", "other"),
    [
        ("persons.json", [person_doc(name=5)], "persons.json[0] person:a.name"),
        ("datapackage.json", {"name": 5}, "datapackage.json.name"),
        ("redirects.json", [{"id": "person:old", "to": "person:b"}], "redirects.json[0].to"),
    ],
)
def test_fmt_removes_every_mark_that_a_folders_load_tells(
    tmp_path: Path, name: str, broken: object, other: str
) -> None:
    """Two marks were one problem, and the rest of the file was not read (or, with white
    space between them, misread as JSON with a mark in it); fmt removed one, and the load
    then told the other."""
    folder = tmp_path / "mine"
    folder.mkdir()
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()], name: broken}
    for file, content in files.items():
        (folder / file).write_text(json.dumps(content), encoding="utf-8")
    path = folder / name
    path.write_bytes(BOM + b"\n " + BOM + path.read_bytes())
    mark, *others = rightsdata.validate(folder)
    assert (mark.location, mark.code) == (name, ProblemCode.SYNTAX)
    assert mark.message.startswith(marks_said(2))
    assert mark.message.endswith(
        f"still at its start (`rightsdata fmt {shlex.quote(str(folder))}` removes them) (first "
        "fix the other problems: fmt refuses a folder that has any, and rewrites nothing)"
    )
    assert [p.location for p in others] == [other]
    path.write_bytes(BOM + b"\n " + BOM + json.dumps(_fixed(name)).encode())
    (mark,) = rightsdata.validate(folder)
    assert mark.message.endswith(f"(`rightsdata fmt {shlex.quote(str(folder))}` removes them)")
    format_folder(folder)  # (the advice, followed)
    assert not path.read_bytes().startswith(BOM)
    assert rightsdata.validate(folder) == []


def _fixed(name: str) -> object:
    """The file ``name`` of :func:`test_fmt_removes_every_mark_that_a_folders_load_tells`,
    its other problem fixed."""
    if name == "persons.json":
        return [person_doc()]
    if name == "datapackage.json":
        return {"name": "mine"}
    return [{"id": "person:old", "to": "person:a"}]


def test_fmts_notes_read_a_descriptor_past_its_marks(tmp_path: Path) -> None:
    """fmt tells, before it rewrites, which files the descriptor lists it does not measure:
    a descriptor that starts with a mark was read as none, and the notes were lost."""
    descriptor = {"name": "mine", "resources": [{"path": "README.md", "bytes": 3}]}
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    notes = unmeasured(tmp_path)
    assert len(notes) == 1 and notes[0].startswith("resources[0] names 'README.md'")
    (tmp_path / "datapackage.json").write_bytes(BOM * 2 + json.dumps(descriptor).encode())
    assert unmeasured(tmp_path) == notes


# --- whatever the marks and white space ----------------------------------------------------


@st.composite
def prefixes(draw: st.DrawFn) -> bytes:
    """One or more marks, each followed by some of JSON's white space."""
    spaces = st.text(alphabet=" \t\r\n", max_size=3).map(str.encode)
    return b"".join(BOM + space for space in draw(st.lists(spaces, min_size=1, max_size=4)))


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.sampled_from(LAYOUTS),
    prefix=prefixes(),
    broken=st.booleans(),
)
def test_marks_add_one_problem_to_what_a_load_finds(
    tmp_path_factory: pytest.TempPathFactory, layout: str, prefix: bytes, broken: bool
) -> None:
    """Whatever marks and white space a file starts with, a load finds the problems it finds
    without them (their lines moved by the lines the white space adds) and one more, first,
    that counts the marks; the records are read alike, whatever the path (the diagnostic
    path reads a file the fast path refuses for its marks)."""
    documents = _broken() if broken else {"sources": [source_doc()], "persons": [person_doc()]}
    path = write_layout(tmp_path_factory.mktemp(layout), layout, documents)
    before = [] if not broken else _found(path)
    file = _marked_file(path)
    file.write_bytes(prefix + file.read_bytes())
    mark, *after = _found(path)
    assert mark.message.startswith(marks_said(prefix.count(BOM)))
    shift = prefix.count(b"\n") if layout == "lines" else 0

    def moved(problem: Problem) -> tuple[object, ...]:
        line = None if problem.line is None else problem.line - shift
        return (problem.file, problem.kind, problem.index, line, problem.record_id, problem.field)

    assert [(moved(p), p.code, p.message) for p in after] == [
        (parts(p), p.code, p.message) for p in before
    ]
