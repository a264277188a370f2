"""A file that is not JSON is told where (line and column, and the record where it is
cheap to tell) and why in words (a trailing comma, a comment, single quotes, NaN, a file
saved as Latin-1), in every layout: a folder's kind files, datapackage.json, a JSON
document, and each line of JSON Lines."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem
from rightsdata._values.resources import datasets_root

from conftest import CITE, person_doc, source_doc

BUNDLED = Path(str(datasets_root().joinpath("kazakhstan")))

PERSON = json.dumps(person_doc(citations=[CITE]))
SOURCE = json.dumps(source_doc())

#: (case, a person's record as written, what the message says of a folder's persons.json)
BROKEN: list[tuple[str, str, str]] = [
    (
        "trailing comma",
        PERSON + ",\n",
        "is not valid JSON at line 1 column {end} (after [0]): a comma after the last item "
        "(a trailing comma), which JSON does not allow: remove it",
    ),
    (
        "comment",
        "// Jane\n" + PERSON,
        "is not valid JSON at line 1 column 2: JSON has no comments: remove the comment",
    ),
    (
        "single quotes",
        PERSON.replace('"name"', "'name'"),
        "JSON writes strings and keys in double quotes",
    ),
    (
        "Python's None",
        PERSON.replace('"name"', '"born": None, "name"'),
        "JSON writes true, false and null in lowercase (Python's None is null)",
    ),
    (
        "NaN",
        PERSON.replace('"name"', '"x": NaN, "name"'),
        "NaN is not allowed: JSON has no NaN or Infinity",
    ),
]


def _problem(path: Path) -> Problem:
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(path)
    (problem,) = [p for p in raised.value.problems if p.code in ("syntax", "limit")]
    return problem


@pytest.mark.parametrize(("case", "record", "said"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_kind_file_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, said: str
) -> None:
    (tmp_path / "sources.json").write_text(f"[{SOURCE}]")
    (tmp_path / "persons.json").write_text(f"[{record}]")
    problem = _problem(tmp_path)
    assert problem.location == "persons.json"
    assert said.format(end=len(PERSON) + 2) in problem.message
    if case == "NaN":
        assert "at line 1 column" in problem.message and "(in [0])" in problem.message
    assert "Expecting" not in problem.message


@pytest.mark.parametrize(("case", "record", "said"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_document_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, said: str
) -> None:
    path = tmp_path / "all.json"
    path.write_text(f'{{"sources": [{SOURCE}],\n"persons": [{record}]}}')
    problem = _problem(path)
    assert "at line 2 column" in problem.message or "at line 3 column" in problem.message
    assert said.partition(": ")[2].partition("{")[0] in problem.message
    if case in ("NaN", "single quotes"):
        assert "(in persons[0])" in problem.message


@pytest.mark.parametrize(("case", "record", "said"), BROKEN[2:], ids=[b[0] for b in BROKEN[2:]])
def test_a_json_lines_line_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, said: str
) -> None:
    path = tmp_path / "all.jsonl"
    line = record.replace("{", '{"$kind": "persons", ', 1)
    path.write_text(f'{{"$kind": "sources", {SOURCE[1:]}\n{line}\n')
    problem = _problem(path)
    assert problem.location == "all.jsonl:2"
    assert said in problem.message and "at column" in problem.message
    assert "line 1" not in problem.message  # (the line is the file's second)


def test_a_comment_in_json_lines_says_json_has_none(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_text(f'// the sources\n{{"$kind": "sources", {SOURCE[1:]}\n')
    problem = _problem(path)
    assert problem.location == "all.jsonl:1"
    assert (
        problem.message == "is not valid JSON at column 1: JSON has no comments: remove the comment"
    )


def test_a_descriptor_that_is_not_json_says_where_and_why(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "data"))
    path = folder / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"resources": [', '"resources": [\n  // the files\n', 1))
    problem = _problem(folder)
    assert problem.location == "datapackage.json"
    assert "JSON has no comments" in problem.message and "at line" in problem.message


@pytest.mark.parametrize("layout", ["folder", "all.json", "all.jsonl"])
def test_a_file_saved_as_latin_1_is_told_so_with_its_line(tmp_path: Path, layout: str) -> None:
    person = person_doc(name="Andr\u00e9", citations=[CITE])
    if layout == "folder":
        path = tmp_path
        (path / "sources.json").write_text(f"[{SOURCE}]")
        text = f"[\n{json.dumps(person, ensure_ascii=False)}\n]"
        (path / "persons.json").write_bytes(text.encode("latin-1"))
        line = 2
    elif layout == "all.json":
        path = tmp_path / layout
        text = f'{{"sources": [{SOURCE}],\n"persons": [{json.dumps(person, ensure_ascii=False)}]}}'
        path.write_bytes(text.encode("latin-1"))
        line = 2
    else:
        path = tmp_path / layout
        person_line = json.dumps({"$kind": "persons", **person}, ensure_ascii=False)
        text = f'{{"$kind": "sources", {SOURCE[1:]}\n{person_line}\n'
        path.write_bytes(text.encode("latin-1"))
        line = 2
    problem = _problem(path)
    column = text.splitlines()[line - 1].index("\u00e9") + 1
    assert problem.message == (
        f"is not UTF-8: byte 0xe9 at line {line} column {column} ('\u00e9' in Windows-1252); "
        "it seems to be Latin-1 or Windows-1252: save it as UTF-8"
    )


def test_bytes_of_no_encoding_known_say_only_to_save_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "persons.json").write_bytes(b'[{"name": "\x81"}]')
    problem = _problem(tmp_path)
    assert problem.message == "is not UTF-8: byte 0x81 at line 1 column 12; save it as UTF-8"


def test_a_long_number_is_located_in_its_record(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_text(f"[{SOURCE}]")
    digits = "9" * 5000
    (tmp_path / "persons.json").write_text(f'[{PERSON},\n{PERSON[:-1]}, "x": {digits}}}]')
    problem = _problem(tmp_path)
    column = len(PERSON[:-1]) + len(', "x": ') + 1
    limit = sys.get_int_max_str_digits()
    assert problem.message == (
        f"holds a number of 5,000 digits at line 2 column {column} (in [1]); at most {limit:,}"
    )


@pytest.mark.parametrize("layout", ["folder", "all.json", "all.jsonl"])
def test_a_repeated_key_is_located(tmp_path: Path, layout: str) -> None:
    record = PERSON.replace('"name"', '"name": "Jane", "name"')
    if layout == "folder":
        path = tmp_path
        (path / "persons.json").write_text(f"[{PERSON},\n{record}]")
        at = f"line 2 column {record.index('name', record.index('name') + 1)} (in [1])"
    elif layout == "all.json":
        path = tmp_path / layout
        path.write_text(f'{{"persons": [\n{record}]}}')
        at = f"line 2 column {record.index('name', record.index('name') + 1)} (in persons[0])"
    else:
        path = tmp_path / layout
        line = record.replace("{", '{"$kind": "persons", ', 1)
        path.write_text(f"{line}\n")
        at = f"column {line.index('name', line.index('name') + 1)}"
    problem = _problem(path)
    assert problem.message == (
        f"repeats keys within an object ('name'), the first at {at}; JSON objects must not "
        "repeat keys"
    )
