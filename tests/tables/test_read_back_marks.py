"""The readers of an export's files (rightsdata._tables: the CSV tables read back, the
manifest, the descriptor beside the tables) read past the byte-order marks a file starts
with, one or more, by the one rule of rightsdata._data.bytemarks (tested with the load's
readers in tests/data/test_byte_order_marks.py): a spreadsheet's "CSV UTF-8" writes one,
and a file saved so twice has two."""

from __future__ import annotations

from pathlib import Path

import pytest

import rightsdata
from rightsdata._data.bytemarks import BOM
from rightsdata._tables.exportfolder import MANIFEST
from rightsdata.tables import documents_from_rows, read_directory


@pytest.fixture(scope="module")
def dataset() -> rightsdata.Dataset:
    return rightsdata.load()


@pytest.mark.parametrize("marks", [1, 2, 3])
def test_csv_tables_are_read_back_past_their_marks(
    tmp_path: Path, dataset: rightsdata.Dataset, marks: int
) -> None:
    """A second mark was read as the start of the header's first name (``\\ufeffid``)."""
    dataset.export(tmp_path, "csv")
    for path in tmp_path.glob("*.csv"):
        path.write_bytes(BOM * marks + path.read_bytes())
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    assert documents == dataset.to_dict()
    assert redirects == dict(dataset.redirects)


@pytest.mark.parametrize("listing", [MANIFEST, "datapackage.json"])
def test_a_listing_with_marks_still_tells_a_missing_table(
    tmp_path: Path, dataset: rightsdata.Dataset, listing: str
) -> None:
    """The manifest, or the descriptor beside the tables, that lists a table not there:
    with two marks it was read as no listing, and the table's rows were lost without a
    word."""
    dataset.export(tmp_path, "csv" if listing == MANIFEST else "datapackage")
    if listing != MANIFEST:
        (tmp_path / MANIFEST).unlink()
    path = tmp_path / listing
    path.write_bytes(BOM + b"\n" + BOM + path.read_bytes())
    (tmp_path / "events.participants.csv").unlink()
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        read_directory(tmp_path)
    (problem,) = caught.value.problems
    assert "events.participants.csv is missing" in problem.message
    assert listing in problem.message


def test_an_earlier_exports_manifest_is_read_past_its_marks(
    tmp_path: Path, dataset: rightsdata.Dataset
) -> None:
    """An export removes the files an earlier one wrote, as its manifest says: with two
    marks it was read as no manifest, and they stayed."""
    dataset.export(tmp_path, "csv")
    path = tmp_path / MANIFEST
    path.write_bytes(BOM * 2 + path.read_bytes())
    written = dataset.export(tmp_path, "jsonl", force=True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != MANIFEST) == [
        p.name for p in written
    ]


@pytest.mark.parametrize("prefix", [BOM + b" " + BOM, BOM + b"\n" + BOM, b"\r\n" + BOM])
def test_a_mark_after_white_space_in_a_csv_table_is_told_as_text(
    tmp_path: Path, dataset: rightsdata.Dataset, prefix: bytes
) -> None:
    """In CSV a space or a line end is data, not JSON's white space: read by JSON's rule,
    ``BOM space BOM id,...`` gave a header whose first name starts with an invisible space,
    and ``BOM newline BOM id,...`` an empty header, and neither said why."""
    dataset.export(tmp_path, "csv")
    path = tmp_path / "persons.csv"
    path.write_bytes(prefix + path.read_bytes())
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        read_directory(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.code) == ("persons.csv", "syntax")
    assert problem.message == (
        "table 'persons': starts with white space, then a byte-order mark (U+FEFF, an "
        "invisible character some editors and spreadsheets write): in CSV white space is data "
        "(a line end ends a row), and a mark after it is text, not a mark; delete everything "
        "before the header row (id,name,...)"
    )
