"""rightsdata.tables.load_directory: a csv or datapackage export read back into a dataset in
one call, every problem located at its CSV file, line and column, as a spreadsheet user
needs them (of ``rightsdata._tables.readback``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem
from rightsdata.tables import TABLES, documents_from_rows, load_directory, read_directory

from conftest import copied, rewritten_table


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "tables"
    rightsdata.load().export(folder, "datapackage")
    return folder


def _lines(folder: Path, name: str) -> list[str]:
    return (folder / name).read_bytes().decode("utf-8").split("\r\n")


def _write(folder: Path, name: str, lines: list[str]) -> None:
    (folder / name).write_bytes("\r\n".join(lines).encode("utf-8"))


def _refused(folder: Path, **options: object) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        load_directory(folder, **options)  # type: ignore[arg-type]
    return caught.value


def _cell(folder: Path, name: str, line: int, column: str, value: str) -> None:
    """Set one cell (of a row on one line, no quoted line ends) of a table's file."""
    lines = _lines(folder, name)
    cells = lines[line - 1].split(",")
    cells[TABLES[name.removesuffix(".csv")].column_names.index(column)] = value
    lines[line - 1] = ",".join(cells)
    _write(folder, name, lines)


def test_an_export_reads_back_whole_with_its_name_and_version(exported: Path) -> None:
    ds = rightsdata.load()
    back = load_directory(exported)
    assert back == ds and back.name == ds.name and back.version == ds.version
    assert back.descriptor is not None and ds.descriptor is not None
    assert back.descriptor.get("licenses") == ds.descriptor.get("licenses")
    # the steps it joins give the same records (a csv export has no name or version)
    documents, redirects = documents_from_rows(read_directory(exported))
    assert back.to_dict() == documents and dict(back.redirects) == redirects


def test_a_csv_export_has_no_descriptor_and_reads_back_its_records(tmp_path: Path) -> None:
    ds = rightsdata.load()
    ds.export(tmp_path / "csv", "csv")
    back = load_directory(tmp_path / "csv")
    assert back.to_dict() == ds.to_dict() and back.name is None


def test_a_record_problem_is_told_at_its_file_line_and_column(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)
    lines = _lines(folder, "events.participants.csv")
    line = next(n for n, text in enumerate(lines, 1) if ",person:vladimir-kozlov," in text)
    _cell(folder, "events.participants.csv", line, "actor", "person:vladimir-kozlv")
    error = _refused(folder)
    (problem,) = error.problems
    event, position = lines[line - 1].split(",")[:2]
    assert (problem.file, problem.line, problem.field) == ("events.participants.csv", line, "actor")
    assert (problem.record_id, problem.missing_id, problem.code) == (
        event,
        "person:vladimir-kozlv",
        "integrity",
    )
    assert str(problem).startswith(
        f"events.participants.csv: line {line}, column 'actor' "
        f"({event}.participants[{position}].actor): 'person:vladimir-kozlv' does not exist"
    )
    assert str(error).splitlines()[0] == f"1 problem in {folder}:"


def test_a_field_of_a_record_and_a_part_of_a_part_are_told_at_their_rows(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)
    # a person's country, on the persons' own table
    persons = _lines(folder, "persons.csv")
    person_line = next(n for n, t in enumerate(persons, 1) if n > 1 and ",KZ," in t)
    _cell(folder, "persons.csv", person_line, "country", "QQ")
    # a figure's citation's source, two lists deep (figures.citations)
    cited = _lines(folder, "figures.citations.csv")
    cited_line = 2
    _cell(folder, "figures.citations.csv", cited_line, "source", "source:nothing")
    found = {(p.file, p.line, p.field) for p in _refused(folder, strict=True).problems}
    assert ("persons.csv", person_line, "country") in found
    assert ("figures.citations.csv", cited_line, "source") in found
    record, figure, position = cited[cited_line - 1].split(",")[:3]
    said = [p for p in _refused(folder).problems if p.file == "figures.citations.csv"]
    assert said[0].message.startswith(
        f"line {cited_line}, column 'source' ({record}.figures[{figure}].citations[{position}]"
        ".source): "
    )


def test_a_value_held_in_a_column_of_another_name_is_told_at_that_column(
    exported: Path, tmp_path: Path
) -> None:
    """A penalty's kind sits in ``penalty_kind`` (field ``penalty.kind``), its term in
    ``penalty_term``: the column is found by its field's path."""
    folder = copied(exported, tmp_path)
    events = _lines(folder, "events.csv")
    names = TABLES["events"].column_names
    kind, term = names.index("penalty_kind"), names.index("penalty_term")
    line = next(
        n
        for n, cells in enumerate((text.split(",") for text in events), 1)
        if n > 1 and len(cells) == len(names) and not cells[kind] and not cells[term]
    )
    _cell(folder, "events.csv", line, "penalty_term", "P1Y")  # (a term, and no kind)
    (problem,) = _refused(folder).problems
    assert (problem.file, problem.line, problem.field) == ("events.csv", line, "penalty_kind")
    assert problem.message.startswith(f"line {line}, column 'penalty_kind' (")
    assert problem.kind == "events"  # (kept: a program may group the problems by kind)


def test_a_record_a_message_names_is_said_at_its_line(exported: Path, tmp_path: Path) -> None:
    # (load_documents names the record an ID still belongs to by its place in the documents)
    folder = copied(exported, tmp_path)
    persons = _lines(folder, "persons.csv")
    _cell(folder, "redirects.csv", 2, "id", persons[1].split(",")[0])
    messages = [p.message for p in _refused(folder).problems]
    assert any("(persons.csv line 2)" in m for m in messages), messages
    assert not any("documents:" in m for m in messages)


def test_a_redirect_to_nothing_is_told_at_its_line(exported: Path, tmp_path: Path) -> None:
    folder = copied(exported, tmp_path)
    _cell(folder, "redirects.csv", 3, "to", "person:nobody")
    retired = _lines(folder, "redirects.csv")[2].split(",")[0]
    (problem,) = _refused(folder).problems
    assert (problem.file, problem.line, problem.field) == ("redirects.csv", 3, "to")
    assert problem.message == (
        f"line 3, column 'to' (the redirect of {retired!r}): 'person:nobody' does not exist"
    )


def test_a_row_problem_is_told_at_its_line(exported: Path, tmp_path: Path) -> None:
    # (documents_from_rows counts rows below the header; the file's lines count it, and
    # a blank line)
    folder = copied(exported, tmp_path)
    lines = _lines(folder, "persons.csv")
    lines.insert(3, "")
    lines.insert(5, lines[1])  # the first person again, on line 6
    _write(folder, "persons.csv", lines)
    (problem,) = _refused(folder).problems
    assert (problem.file, problem.line, problem.field) == ("persons.csv", 6, "id")
    # (every row the message names said as its line: the first person's is line 2)
    first = lines[1].split(",")[0]
    assert problem.message == f"line 6: {first!r} is used twice; first at line 2"


def test_a_row_whose_text_spans_lines_is_told_from_the_line_it_starts(
    exported: Path, tmp_path: Path
) -> None:
    """A quoted text may run over lines (a summary with line breaks): the row is told at the
    lines it spans, its ``line`` the first (it was told at its last line), and the rows
    after it at theirs; so is a row a message names."""
    folder = copied(exported, tmp_path)
    names = TABLES["events"].column_names
    kind, term, summary = (names.index(n) for n in ("penalty_kind", "penalty_term", "summary"))

    def change(fields: list[list[str]]) -> None:
        rows = [n for n, row in enumerate(fields) if n and not row[kind] and not row[term]]
        first, second = rows[:2]
        assert first == 1 and second == 2, rows[:2]  # (the first two events have no penalty)
        for row in (first, second):
            fields[row][term] = "P1Y"  # (a term, and no kind)
        fields[first][summary] = "one\ntwo\nthree"  # lines 2-4; the second row on line 5

    rewritten_table(folder, "events.csv", change)
    problems = _refused(folder).problems
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("events.csv", 2, "penalty_kind"),
        ("events.csv", 5, "penalty_kind"),
    ]
    assert problems[0].message.startswith("lines 2-4, column 'penalty_kind' (")
    assert problems[1].message.startswith("line 5, column 'penalty_kind' (")
    # a row a message names: the first person, spanning lines 2-3, used again on line 6
    folder = copied(exported, tmp_path / "again")

    def repeated(fields: list[list[str]]) -> None:
        fields[1][1] = "A\nname"
        fields.append(list(fields[1]))

    rewritten_table(folder, "persons.csv", repeated)
    (problem,) = _refused(folder).problems
    person = _lines(exported, "persons.csv")[1].split(",")[0]
    last = len(_lines(exported, "persons.csv")) + 1  # (a line more, and the copy's two)
    twice = f"{person!r} is used twice; first at lines 2-3"
    assert problem.message == f"lines {last}-{last + 1}: {twice}"
    assert problem.line == last


def test_a_problem_of_the_descriptor_is_told_at_its_file(exported: Path, tmp_path: Path) -> None:
    folder = copied(exported, tmp_path)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["version"] = 5
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    problems = _refused(folder).problems
    assert [p.location for p in problems] == ["datapackage.json.version"]
    assert problems[0].file == "datapackage.json"
    # (told as a load tells it: where, and why; a mark at its start read past)
    (folder / "datapackage.json").write_text("[", encoding="utf-8")
    (problem,) = _refused(folder).problems
    assert problem.file == "datapackage.json"
    assert problem.message.startswith("is not valid JSON at line 1 column 2")
    (folder / "datapackage.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(package).encode())
    (version,) = _refused(folder).problems
    assert version.location == "datapackage.json.version"


def test_a_cap_and_strict_are_load_paths(exported: Path, tmp_path: Path) -> None:
    folder = copied(exported, tmp_path)
    lines = _lines(folder, "persons.csv")
    for line in range(2, 8):
        cells = lines[line - 1].split(",")
        cells[TABLES["persons"].column_names.index("country")] = "QQ"
        lines[line - 1] = ",".join(cells)
    _write(folder, "persons.csv", lines)
    assert load_directory(folder).to_dict()  # (a country code none has: strict only)
    full = _refused(folder, strict=True)
    capped = _refused(folder, strict=True, max_problems=2)
    assert capped.stopped_at == 2 and list(capped.problems) == list(full.problems)[:2]
    assert all(isinstance(p, Problem) and p.line is not None for p in full.problems)


def _broken_in_many_files(exported: Path, folder: Path) -> tuple[Path, int]:
    """A copy of the export with problems in several files, each found by another step of
    the load: the descriptor's version, a person's name and an alias's (on a record's own
    table and on a table of parts), a penalty with no kind, two references to nothing in
    ``events.participants.csv`` and a redirect's; and the line of the penalty's row."""
    folder = copied(exported, folder)
    _cell(folder, "events.participants.csv", 4, "actor", "person:nobody")
    _cell(folder, "events.participants.csv", 2, "actor", "person:nobody-either")
    _cell(folder, "persons.csv", 3, "name", "")
    _cell(folder, "persons.csv", 2, "name", "")
    _cell(folder, "redirects.csv", 3, "to", "person:nobody")
    _cell(folder, "aliases.csv", 3, "name", "")
    names = TABLES["events"].column_names
    kind, term = names.index("penalty_kind"), names.index("penalty_term")
    line = next(
        n
        for n, cells in enumerate((text.split(",") for text in _lines(folder, "events.csv")), 1)
        if n > 1 and len(cells) == len(names) and not cells[kind] and not cells[term]
    )
    _cell(folder, "events.csv", line, "penalty_term", "P1Y")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["version"] = 5
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder, line


def test_problems_are_listed_in_the_order_of_the_files_and_their_lines(
    exported: Path, tmp_path: Path
) -> None:
    """They came in load_documents' order: the descriptor, the redirects, then kind by
    kind (persons before events) and record by ID; a reader of the files wants them file by
    file and line by line, those of no line (the descriptor's) first."""
    folder, line = _broken_in_many_files(exported, tmp_path)
    problems = _refused(folder).problems
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("datapackage.json", None, None),
        ("aliases.csv", 3, "name"),
        ("events.csv", line, "penalty_kind"),
        ("events.participants.csv", 2, "actor"),
        ("events.participants.csv", 4, "actor"),
        ("persons.csv", 2, "name"),
        ("persons.csv", 3, "name"),
        ("redirects.csv", 3, "to"),
    ]


def test_problems_on_one_line_come_in_the_order_of_its_columns(
    exported: Path, tmp_path: Path
) -> None:
    """A statement's speaker that is no record (found across records, after every record's
    own problems) and its summary left out (found with the record): the speaker's column
    comes first on the line, and so does its problem."""
    folder = copied(exported, tmp_path)
    names = TABLES["statements"].column_names

    def change(fields: list[list[str]]) -> None:
        fields[1][names.index("speaker")] = "person:nobody"
        fields[1][names.index("summary")] = ""

    rewritten_table(folder, "statements.csv", change)
    found = [(p.file, p.line, p.field) for p in _refused(folder).problems]
    assert found == [("statements.csv", 2, "speaker"), ("statements.csv", 2, "summary")]


def test_a_capped_load_keeps_the_first_rows_of_the_first_files(
    exported: Path, tmp_path: Path
) -> None:
    """Under max_problems, the records are judged file by file (by name) and row by row, so
    that the problems kept are the first in the files' order where each is a record's own
    value in its kind's table: here the events' before the persons' (load_documents judges
    persons first), and a person moved to the top of its file before those below it (the
    records were judged by ID)."""
    folder, line = _broken_in_many_files(exported, tmp_path)
    (folder / "aliases.csv").write_bytes((exported / "aliases.csv").read_bytes())
    persons = _lines(folder, "persons.csv")
    persons.insert(1, persons.pop(-2))  # the last person, by ID, on line 2
    _write(folder, "persons.csv", persons)
    _cell(folder, "persons.csv", 2, "name", "")
    capped = _refused(folder, max_problems=3)
    assert capped.stopped_at == 3
    assert [(p.file, p.line) for p in capped.problems] == [
        ("datapackage.json", None),
        ("events.csv", line),
        ("persons.csv", 2),
    ]
    # what a full load lists first, but for the problems across records (the references to
    # nothing), which it finds after every record's own
    full = [p for p in _refused(folder).problems if p.code != "integrity"]
    assert list(capped.problems) == full[:3]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"max_problems": 0}, ValueError),
        ({"max_problems": "5"}, TypeError),
        ({"strict": "yes"}, TypeError),
        ({"csv_formulas": "Keep"}, ValueError),
    ],
)
def test_bad_options_are_refused_before_anything_is_read(
    tmp_path: Path, options: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        load_directory(tmp_path / "nothing-here", **options)  # type: ignore[arg-type]


def test_a_directory_that_is_no_path_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"^load_directory: directory must be a folder's path"):
        load_directory(b"tables")  # type: ignore[arg-type]
