"""Bad data in tables read back is a RightsdataError (an InvalidDataError, so a ValueError
too), located to the file, line and column as its message says: one ``except
rightsdata.RightsdataError`` catches it, as it catches a failed load."""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

import pytest

import rightsdata
from rightsdata.tables import TABLES, documents_from_rows, load_directory, read_directory, rows

from conftest import copied, rewritten_table


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    rightsdata.load().export(folder, "csv")
    return folder


def _refused(folder: Path) -> rightsdata.InvalidDataError:
    with pytest.raises(rightsdata.RightsdataError) as caught:
        read_directory(folder)
    error = caught.value
    assert isinstance(error, rightsdata.InvalidDataError) and isinstance(error, ValueError)
    assert len(error.problems) == 1
    return error


def _edit(folder: Path, name: str, old: bytes, new: bytes) -> Path:
    path = folder / name
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    return path


def test_a_wrong_header_is_invalid_data(exported: Path, tmp_path: Path) -> None:
    path = _edit(copied(exported, tmp_path), "persons.csv", b"id,", b"idx,")
    error = _refused(tmp_path)
    problem = error.problems[0]
    assert (problem.file, problem.line, problem.code) == ("persons.csv", 1, "syntax")
    assert str(problem).startswith("persons.csv: table 'persons': expected the columns id, name")
    # the full path said once, in the first line, as a failed load's
    assert str(error).startswith(f"1 problem in {path}:\n  persons.csv: table 'persons'")
    assert str(error).count(str(path)) == 1


def test_a_cell_its_column_cannot_hold_is_located_to_its_line_and_column(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)
    lines = (folder / "events.participants.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[1] = "x"  # the position
    lines[1] = ",".join(cells)
    text = "\r\n".join(lines) + "\r\n"
    (folder / "events.participants.csv").write_text(text, "utf-8", newline="")
    problem = _refused(folder).problems[0]
    assert (problem.file, problem.line, problem.field) == ("events.participants.csv", 2, "position")
    assert problem.message.endswith(
        "line 2, column 'position': expected a whole number of 0 or more in the digits 0-9 "
        "alone (as 15); got 'x'"
    )


def test_a_short_row_and_a_byte_that_is_not_utf8_are_invalid_data(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)
    with (folder / "persons.csv").open("ab") as file:
        file.write(b"person:x,X\r\n")
    problem = _refused(folder).problems[0]
    assert problem.file == "persons.csv" and problem.line is not None
    assert "2 fields; expected" in problem.message
    data = (exported / "persons.csv").read_bytes()
    (folder / "persons.csv").write_bytes(data + b"\xff")
    problem = _refused(folder).problems[0]
    assert (problem.file, problem.line) == ("persons.csv", data.count(b"\n") + 1)
    assert problem.message.startswith(f"is not UTF-8: byte 0xff at line {problem.line} column 1")


def _resaved(exported: Path, folder: Path, name: str, encoding: str, mark: bytes = b"") -> Path:
    """``folder`` holding the export, its table ``name`` saved in ``encoding`` as a
    spreadsheet or editor would (after ``mark``)."""
    copied(exported, folder)
    text = (exported / name).read_bytes().decode("utf-8")
    (folder / name).write_bytes(mark + text.encode(encoding, errors="replace"))
    return folder


@pytest.mark.parametrize(
    ("encoding", "said", "line"),
    [
        (
            "cp1252",
            "it seems to be Latin-1 or Windows-1252: save it as UTF-8, converting "
            "from Windows-1252 (iconv -f CP1252 -t UTF-8)",
            True,
        ),
        (
            "utf-16",
            "is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8, "
            "converting from UTF-16 (iconv -f UTF-16 -t UTF-8)",
            False,
        ),
        ("utf-16-le", "looks like UTF-16 (little-endian) without a byte-order mark", False),
        ("utf-16-be", "looks like UTF-16 (big-endian) without a byte-order mark", False),
        (
            "utf-32",  # (its mark starts as UTF-16's: it was told UTF-16)
            "is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8, "
            "converting from UTF-32 (iconv -f UTF-32 -t UTF-8)",
            False,
        ),
        ("utf-32-le", "looks like UTF-32 (little-endian) without a byte-order mark", False),
        ("utf-32-be", "looks like UTF-32 (big-endian) without a byte-order mark", False),
    ],
)
def test_a_table_saved_in_another_encoding_is_told_which_and_how_to_convert(
    exported: Path, tmp_path: Path, encoding: str, said: str, line: bool
) -> None:
    """A spreadsheet's "CSV" is often Windows-1252, its "Unicode text" UTF-16: each is told
    as a load tells a JSON file in it, with the line of the first byte that is not UTF-8
    where there is one (a whole file in UTF-16 has none)."""
    name = "persons.csv"
    problem = _refused(_resaved(exported, tmp_path, name, encoding)).problems[0]
    assert problem.file == name and problem.code == "syntax"
    assert said in problem.message
    if line:
        saved = (tmp_path / name).read_bytes().split(b"\n")
        first = next(n for n, row in enumerate(saved, 1) if not _utf8(row))
        assert problem.line == first
        assert problem.message.startswith("is not UTF-8: byte 0x")
        assert f" at line {first} column " in problem.message
    else:
        assert problem.line is None


def test_a_table_in_utf32_with_a_big_endian_mark_is_told_utf32(
    exported: Path, tmp_path: Path
) -> None:
    # (the mark 00 00 FE FF was told "not UTF-8: byte 0xfe at line 1", with a guess of a
    # Cyrillic code page)
    folder = _resaved(exported, tmp_path, "redirects.csv", "utf-32-be", mark=b"\x00\x00\xfe\xff")
    problem = _refused(folder).problems[0]
    assert (problem.file, problem.line) == ("redirects.csv", None)
    assert problem.message.startswith("is UTF-32 (it starts with a UTF-32 byte-order mark)")


def test_a_utf16_table_whose_header_is_quoted_is_told_utf16(exported: Path, tmp_path: Path) -> None:
    # (an editor may quote every cell, the header's too: '"id","to"')
    folder = copied(exported, tmp_path)
    lines = (exported / "redirects.csv").read_text(encoding="utf-8").split("\r\n")
    lines[0] = ",".join(f'"{name}"' for name in lines[0].split(","))
    (folder / "redirects.csv").write_bytes("\r\n".join(lines).encode("utf-16-le"))
    problem = _refused(folder).problems[0]
    assert problem.message.startswith("looks like UTF-16 (little-endian) without a byte-order")
    assert problem.line is None


def test_a_byte_not_utf8_after_a_nul_is_told_at_its_line(exported: Path, tmp_path: Path) -> None:
    # (a NUL at the start that is no UTF-16: the line of the byte is still told, as said)
    folder = copied(exported, tmp_path)
    (folder / "persons.csv").write_bytes(b"\x00id\n\xe9")
    problem = _refused(folder).problems[0]
    assert problem.message.startswith("is not UTF-8: byte 0xe9 at line 2 column 1")
    assert problem.line == 2


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_a_utf16_table_after_a_utf8_mark_is_told_the_command_that_skips_it(
    exported: Path, tmp_path: Path
) -> None:
    folder = _resaved(exported, tmp_path, "redirects.csv", "utf-16", mark=b"\xef\xbb\xbf")
    problem = _refused(folder).problems[0]
    assert problem.message == (
        "is UTF-16 (a UTF-16 byte-order mark follows its UTF-8 mark): save it as UTF-8, "
        "converting from UTF-16 (tail -c +4 FILE | iconv -f UTF-16 -t UTF-8 > NEW)"
    )


def test_an_empty_file_and_a_missing_table_are_invalid_data(exported: Path, tmp_path: Path) -> None:
    folder = copied(exported, tmp_path)
    (folder / "records.csv").write_bytes(b"")
    assert "table 'records': expected the columns id, kind" in str(_refused(folder))
    (folder / "records.csv").write_bytes((exported / "records.csv").read_bytes())
    (folder / "events.participants.csv").unlink()
    error = _refused(folder)
    assert "events.participants.csv is missing" in str(error)
    assert error.problems[0].location == str(folder)


def test_a_folder_of_no_tables_is_invalid_data(tmp_path: Path) -> None:
    assert "holds no table's CSV file" in str(_refused(tmp_path))


@pytest.mark.parametrize(
    ("layout", "reader"),
    [
        ("parquet", "no reader back from Parquet"),
        ("json", "`rightsdata.load_path()` of the folder"),
        ("jsonl", "of its records.jsonl"),
        ("document", "of its dataset.json"),
    ],
)
@pytest.mark.parametrize("manifest", [True, False])
def test_another_layouts_export_is_told_what_reads_it(
    tmp_path: Path, layout: str, reader: str, manifest: bool
) -> None:
    """An export in a layout that is not CSV tables, given to the CSV reader, is told what
    reads it back, by its manifest or, in a copy without it, by its files: not that it
    holds no table, which reads as files lost."""
    if layout == "parquet":
        pytest.importorskip("pyarrow")
    folder = tmp_path / layout
    rightsdata.load().export(folder, layout)  # type: ignore[arg-type]
    if not manifest:
        (folder / ".rightsdata-export").unlink()
    for read in (read_directory, load_directory):
        with pytest.raises(rightsdata.InvalidDataError) as raised:
            read(folder)
        problem = raised.value.problems[0]
        assert problem.location == str(folder)
        assert f"holds a `{layout}` export's files, not CSV tables" in problem.message
        assert reader in problem.message


def test_rows_that_do_not_fit_are_invalid_data() -> None:
    dataset = rightsdata.load()
    tables = {name: list(rows(dataset, name)) for name in TABLES}
    first = tables["events.participants"][0]
    assert isinstance(first[1], int)
    tables["events.participants"][0] = (first[0], first[1] + 7, *first[2:])
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        documents_from_rows(tables)
    problem = caught.value.problems[0]
    assert str(problem).startswith(
        f"table 'events.participants': row 1: position 7 in the participants of {first[0]!r}; "
        "expected 0"
    )
    assert str(problem).endswith("(positions run 0, 1, 2, ... with no gap or repeat)")
    assert problem.record_id == first[0]
    tables["events.participants"][0] = first
    tables["events.participants"].append(("event:nobody", *first[1:]))
    with pytest.raises(rightsdata.RightsdataError, match="no record 'event:nobody' owns the row"):
        documents_from_rows(tables)
    tables["events.participants"][-1] = first[:2]
    with pytest.raises(rightsdata.InvalidDataError, match=r"row \d+ has 2 cells; expected \d+"):
        documents_from_rows(tables)


def test_a_csv_formulas_option_the_folder_contradicts_is_a_wrong_argument(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)
    assert json.loads((folder / ".rightsdata-export").read_bytes())["csv_formulas"] == "escape"
    with pytest.raises(ValueError, match="written with csv_formulas='escape'") as caught:
        read_directory(folder, csv_formulas="keep")
    assert not isinstance(caught.value, rightsdata.RightsdataError)


def test_a_count_too_large_for_the_tables_is_invalid_data() -> None:
    pytest.importorskip("pandas")
    dataset = rightsdata.load_documents(rightsdata.load().to_dict())
    event = next(e for e in dataset.events if e.figures)
    object.__setattr__(event.figures[0], "low", 2**64)  # around the model's checks
    with pytest.raises(rightsdata.InvalidDataError, match=r"more than 9223372036854775807"):
        dataset.to_pandas("figures")
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        dataset.to_pandas("figures")
    problem = caught.value.problems[0]
    assert (problem.record_id, problem.field) == (event.id, "low")


def _set_field(fields: list[list[str]], table: str, row: int, column: str, value: str) -> None:
    fields[row][TABLES[table].column_names.index(column)] = value


def test_a_row_whose_text_spans_lines_is_told_at_the_lines_it_starts_and_ends(
    exported: Path, tmp_path: Path
) -> None:
    """A quoted text may run over lines; the row is told from the line where it starts (it
    was told at its last line), and so is every row after it."""
    folder = copied(exported, tmp_path)

    def change(fields: list[list[str]]) -> None:
        _set_field(fields, "events", 1, "summary", "one\r\ntwo\r\nthree")  # lines 2-4
        _set_field(fields, "events", 1, "date_earliest", "x")  # a cell no day is
        _set_field(fields, "events", 2, "date_earliest", "x")  # line 5

    rewritten_table(folder, "events.csv", change)
    problem = _refused(folder).problems[0]
    assert (problem.file, problem.line, problem.field) == ("events.csv", 2, "date_earliest")
    assert problem.message.startswith("table 'events', lines 2-4, column 'date_earliest': ")

    def width(fields: list[list[str]]) -> None:
        _set_field(fields, "events", 1, "summary", "one\r\ntwo")  # lines 2-3
        fields[2] = fields[2][:3]  # line 4, short

    rewritten_table(copied(exported, folder), "events.csv", width)
    problem = _refused(folder).problems[0]
    assert (problem.line, problem.message[:40]) == (4, "table 'events', line 4: 3 fields; expect")
    # (the summary, the row's fourth field, kept: the short row spans lines 2-3)
    rewritten_table(folder, "events.csv", lambda fields: fields.__setitem__(1, fields[1][:4]))
    assert _refused(folder).problems[0].message.startswith("table 'events', lines 2-3: 4 fields")


def test_a_derived_cell_of_a_row_that_spans_lines_is_told_where_it_starts(
    exported: Path, tmp_path: Path
) -> None:
    folder = copied(exported, tmp_path)

    def change(fields: list[list[str]]) -> None:
        _set_field(fields, "events", 1, "summary", "one\ntwo")  # lines 2-3
        _set_field(fields, "events", 2, "summary", "three\nfour")  # lines 4-5
        _set_field(fields, "events", 2, "date_earliest", "1900-01-01")  # not its date's

    rewritten_table(folder, "events.csv", change)
    problem = _refused(folder).problems[0]
    assert (problem.line, problem.code) == (4, "rule")
    assert problem.message.startswith("table 'events', lines 4-5, column 'date_earliest': ")


def test_what_the_csv_module_cannot_read_is_told_from_the_line_its_row_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._tables import csvtables

    documents = rightsdata.load().to_dict()
    documents["statements"][1]["summary"] = "a\nb\n" + "x" * 150_000  # lines 3-5
    rightsdata.load_documents(documents).export(tmp_path, "csv")
    # (the field size limit left at the csv module's default: the field is refused)
    monkeypatch.setattr(csvtables, "_fields_up_to", lambda size: contextlib.nullcontext())
    before = csv.field_size_limit(131_072)
    try:
        problem = _refused(tmp_path).problems[0]
    finally:
        csv.field_size_limit(before)
    assert problem.line == 3
    assert problem.message.startswith("table 'statements', lines 3-5: field larger than")


def test_of_two_tables_with_a_problem_the_first_file_by_name_is_told(
    exported: Path, tmp_path: Path
) -> None:
    """read_directory tells one problem: that of the first file in the order of their names
    (aliases.csv before events.csv), as load_directory lists its problems; it told the first
    in the tables' own order (the kinds', then their parts'). The tables come back in their
    own order still."""
    folder = copied(exported, tmp_path)
    for name in ("events.csv", "aliases.csv"):
        rewritten_table(folder, name, lambda fields: fields[1].__setitem__(1, "x"))
    assert _refused(folder).problems[0].file == "aliases.csv"
    assert list(read_directory(exported)) == list(TABLES)
