"""The UTF-8 byte-order marks at the start of a file (rightsdata._data.bytemarks), and the
readers of rightsdata._data that follow its one rule: a load in every layout (a folder's
files, one JSON document, JSON Lines, one kind's file checked alone) reports the marks as
one problem that says how many, reads past them and lists every other problem of the file
with it; ``rightsdata fmt`` removes them all. (The readers of an export's files:
tests/tables/test_read_back_marks.py.)"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._data.bytemarks import BOM, left_where, unmarked
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
        (BOM + b"\xbb" + BOM + b"[]", (b"\xbb" + BOM + b"[]", 1)),  # (a byte of one is not)
        (BOM + b"\n\xef" + BOM + b"[]", (b"\n\xef" + BOM + b"[]", 1)),
    ],
)
def test_unmarked_reads_past_every_mark_at_the_start(
    data: bytes, expected: tuple[bytes, int]
) -> None:
    assert unmarked(data) == expected


def test_a_file_without_a_mark_is_given_back_as_it_is() -> None:
    data = json.dumps([person_doc()]).encode()
    assert unmarked(data)[0] is data  # (no copy: the load's fast path pays a startswith)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BOM * 2 + b"[]", (b"[]", 2)),
        (BOM + b" " + BOM + b"[]", (b" " + BOM + b"[]", 1)),  # (a space is data in CSV)
        (BOM + b"\n" + BOM + b"id", (b"\n" + BOM + b"id", 1)),
        (b"id" + BOM, (b"id" + BOM, 0)),
    ],
)
def test_csvs_rule_reads_past_marks_one_after_the_other_only(
    data: bytes, expected: tuple[bytes, int]
) -> None:
    assert unmarked(data, spaced=False) == expected


def _one_at_a_time(data: bytes, spaced: bool) -> tuple[bytes, int]:
    """The rule, a mark at a time (as it was read before)."""
    marks = at = end = 0
    while data.startswith(BOM, at):
        marks, end = marks + 1, at + len(BOM)
        at = end
        while spaced and data[at : at + 1] in (b" ", b"\t", b"\n", b"\r"):
            at += 1
    return data[:end].replace(BOM, b"") + data[end:], marks


@settings(max_examples=examples(300))
@given(
    pieces=st.lists(st.sampled_from([BOM, b"\xef", b"\xbb\xbf", b" ", b"\n", b"\r", b"["])),
    spaced=st.booleans(),
)
def test_the_run_is_read_as_a_mark_at_a_time(pieces: list[bytes], spaced: bool) -> None:
    data = BOM + b"".join(pieces)
    assert unmarked(data, spaced=spaced) == _one_at_a_time(data, spaced)


@pytest.mark.parametrize("spaced", [True, False])
@pytest.mark.parametrize("between", [b"", b"\n", b" \t"])
def test_a_long_run_of_marks_is_read_as_a_short_one(spaced: bool, between: bytes) -> None:
    """A hostile file of a million marks was read a mark at a time (a regex match each, 0.5
    s for 3 MB, minutes for the largest file a load reads): the run is one match now, and
    the result is the short run's, scaled."""
    run = BOM + between
    for count in (1, 3, 1_000_000):
        rest, marks = unmarked(run * count + b"[]", spaced=spaced)
        if spaced or not between:
            assert (rest, marks) == (between * count + b"[]", count)
        else:  # (CSV's rule: the first mark only, the rest is data)
            assert (rest, marks) == (between + run * (count - 1) + b"[]", 1)


def test_a_count_of_marks_is_told_with_separators(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    document = {"sources": [source_doc()], "persons": [person_doc()]}
    path.write_bytes(BOM * 1_000_000 + json.dumps(document).encode())
    (mark,) = _found(path)
    assert mark.message.startswith(marks_said(1_000_000).replace("1000000", "1,000,000"))
    assert mark.message.endswith("then delete the 999,999 invisible characters still at its start")


@pytest.mark.parametrize(
    ("prefix", "where"),
    [
        (BOM * 2, "at its start"),
        (BOM * 3 + b"\n", "at its start"),  # (white space after them all: they lead still)
        (BOM + b"\n" + BOM, "at the start of line 2, before its first `[`"),
        (BOM + b"\r\n\n" + BOM + BOM + b" ", "at the start of line 3, before its first `[`"),
        (BOM + b" " + BOM, "on line 1, before its first `[`"),
        (BOM + b"\n " + BOM + b"\n" + BOM, "on lines 2 to 3, before its first `[`"),
        (BOM + BOM + b"\n" + BOM, "on lines 1 to 2, before its first `[`"),
    ],
)
def test_the_advice_says_where_the_marks_left_stand(
    tmp_path: Path, prefix: bytes, where: str
) -> None:
    """Saved without a BOM, a file loses its first mark only: the advice said the others
    were at its start, where white space stood between them, they were not."""
    assert left_where(prefix + b"[]") == where
    assert left_where(prefix) == where.split(", before")[0]  # (nothing after them)
    path = tmp_path / "data.json"
    path.write_bytes(prefix + json.dumps([]).encode())
    mark, _ = _found(path)  # (and that a list is no dataset)
    assert mark.message.endswith(f"still {where}")


# --- a UTF-16 or UTF-32 file after the marks ------------------------------------------------

_DOCUMENT: Any = {"sources": [source_doc()], "persons": [person_doc(name="Ақжол")]}


@pytest.mark.parametrize(
    ("encoding", "said", "named"),
    [
        ("utf-16", "is UTF-16 (a UTF-16 byte-order mark follows its UTF-8 mark", "UTF-16"),
        ("utf-16-le", "looks like UTF-16 (little-endian) without a byte-order mark", "UTF-16LE"),
        ("utf-16-be", "looks like UTF-16 (big-endian) without a byte-order mark", "UTF-16BE"),
        # (UTF-32's little-endian mark was told as UTF-16's, and converted as UTF-16)
        ("utf-32", "is UTF-32 (a UTF-32 byte-order mark follows its UTF-8 mark", "UTF-32"),
        ("utf-32-le", "looks like UTF-32 (little-endian) without a byte-order mark", "UTF-32LE"),
        ("utf-32-be", "looks like UTF-32 (big-endian) without a byte-order mark", "UTF-32BE"),
    ],
)
def test_the_conversion_of_utf16_after_a_mark_works_on_the_file_as_it_is(
    tmp_path: Path, encoding: str, said: str, named: str
) -> None:
    """The advice gave ``iconv -f UTF-16 -t UTF-8``, which, run on the file as it is, reads
    the UTF-8 mark's 3 bytes as UTF-16 and every character after out of step: garbage."""
    path = tmp_path / "data.json"
    path.write_bytes(BOM + json.dumps(_DOCUMENT, ensure_ascii=False).encode(encoding))
    mark, utf16 = _found(path)
    assert mark.message.startswith(ONE)
    command = f"tail -c +4 FILE | iconv -f {named} -t UTF-8 > NEW"
    assert utf16.message.startswith(said)
    assert utf16.message.endswith(f"save it as UTF-8, converting from {named} ({command})")
    shell = shutil.which("sh")  # (the advice is for a POSIX shell: not Windows' cmd.exe)
    if shell is None or shutil.which("iconv") is None or shutil.which("tail") is None:
        pytest.skip("a POSIX shell, iconv or tail is not installed")
    new = tmp_path / "new.json"
    command = command.replace("FILE", shlex.quote(str(path))).replace("NEW", shlex.quote(str(new)))
    subprocess.run([shell, "-c", command], check=True)  # (the advice, followed)
    assert new.read_bytes() == json.dumps(_DOCUMENT, ensure_ascii=False).encode()
    assert rightsdata.load_path(new).counts()["persons"] == 1


def test_a_legacy_encodings_conversion_reads_past_the_marks(tmp_path: Path) -> None:
    """The same of a Windows-1252 file: iconv read the mark as three characters of text."""
    path = tmp_path / "data.json"
    document = {"sources": [source_doc()], "persons": [person_doc(name="André")]}
    text = json.dumps(document, ensure_ascii=False)
    path.write_bytes(BOM * 2 + text.encode("cp1252"))
    _, cp1252 = _found(path)
    assert cp1252.message.endswith("(tail -c +7 FILE | iconv -f CP1252 -t UTF-8 > NEW)")
    path.write_bytes(BOM + b"\n" + BOM + text.encode("cp1252"))  # (no suffix is the text)
    _, cp1252 = _found(path)
    assert cp1252.message.endswith(
        "(iconv -f CP1252 -t UTF-8, once the byte-order marks are deleted)"
    )


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
    spaced = prefix == BOM + b" \t" + BOM  # (the mark left stands after white space)
    ends = "on line 1, before its first `[`" if spaced else "at its start"
    assert mark.message.endswith("save it as UTF-8 without a BOM" if count == 1 else ends)
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
        f"still on line 2, before its first `{'{' if name == 'datapackage.json' else '['}` "
        f"(`rightsdata fmt {shlex.quote(str(folder))}` removes them) (first "
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
