"""Exports: every format reads back to the same data; the data package passes frictionless."""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import Dataset, InvalidDataError, KindName, Record
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._tables import export as export_module
from rightsdata._tables.csvtables import read_directory
from rightsdata._tables.export import FORMATS, MANIFEST, FormatName, FormulaOption, export
from rightsdata._tables.fromtables import documents_from_rows
from rightsdata._tables.tables import TABLES, Row, rows
from rightsdata._validation.convert import structure
from rightsdata._values.controls import CONTROLS
from rightsdata._values.extras import MissingExtraError
from rightsdata._values.resources import datasets_root
from rightsdata.testing import texts

from conftest import event_doc, fifo, person_doc, source_doc, symlink, write_folder


@pytest.fixture(scope="module")
def without_redirects() -> Dataset:
    """The bundled dataset without its redirects."""
    ds = rightsdata.load()
    return Dataset(
        {k: list(ds.collection(k)) for k in rightsdata.KINDS},
        name=ds.name,
        version=ds.version,
        descriptor=ds.descriptor,
    )


@pytest.fixture(scope="module")
def with_redirect() -> Dataset:
    """The bundled dataset plus a redirect, so that every format has one to carry."""
    ds = rightsdata.load()
    return Dataset(
        {k: list(ds.collection(k)) for k in rightsdata.KINDS},
        name=ds.name,
        version=ds.version,
        descriptor=ds.descriptor,
        redirects={**ds.redirects, "person:v-kozlov": "person:vladimir-kozlov"},
    )


# --- json and jsonl -------------------------------------------------------------------------


def test_json_is_the_canonical_folder_and_loads_back_equal(tmp_path: Path) -> None:
    written = rightsdata.load().export(tmp_path, "json")
    bundled = datasets_root().joinpath("kazakhstan")
    assert {p.name for p in written} == {e.name for e in bundled.iterdir()}
    for path in written:
        assert path.read_bytes() == bundled.joinpath(path.name).read_bytes(), path.name
    assert rightsdata.load_path(tmp_path) == rightsdata.load()


@pytest.mark.parametrize("layout", ["json", "jsonl", "datapackage"])
def test_a_name_and_version_given_to_the_dataset_are_exported(
    tmp_path: Path, layout: FormatName
) -> None:
    bundled = rightsdata.load()
    named = Dataset(
        {kind: list(bundled.collection(kind)) for kind in rightsdata.KINDS},
        name="mine",
        version="0.1.0",
    )
    written = export(named, tmp_path, layout)
    if layout == "datapackage":
        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        assert (package["name"], package["version"]) == ("mine", "0.1.0")
        return
    loaded = rightsdata.load_path(tmp_path if layout == "json" else written[0])
    assert (loaded.name, loaded.version) == ("mine", "0.1.0")


def test_json_keeps_redirects(tmp_path: Path, with_redirect: Dataset) -> None:
    with_redirect.export(tmp_path, "json")
    assert rightsdata.load_path(tmp_path) == with_redirect


#: Every character str.splitlines() breaks a line at (JavaScript and some JSON Lines readers
#: break at U+2028 and U+2029 too).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def test_the_line_breaks_listed_are_those_of_splitlines() -> None:
    found = [chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".splitlines()) > 1]
    assert "".join(found) == "".join(sorted(LINE_BREAKS))
    raw = {c for c in LINE_BREAKS if c in json.dumps(c, ensure_ascii=False)}  # JSON leaves raw
    assert {chr(c) for c in export_module._RAW_LINE_BREAKS} == raw == {"\x85", "\u2028", "\u2029"}


def _titled(titles: list[str]) -> Dataset:
    sources = [
        rightsdata.Source(
            id=f"source:s{n}",
            title=title,
            kind=rightsdata.vocab.SourceKind.REPORT,
            language="en",
            published=rightsdata.EDTF("2020"),
        )
        for n, title in enumerate(titles)
    ]
    return Dataset({"sources": sources})


#: The line breaks a text may hold: the others are control characters no text holds.
TEXT_LINE_BREAKS = "".join(c for c in LINE_BREAKS if c not in CONTROLS)

_broken_texts = st.builds(
    lambda a, mark, b: f"{a}{mark}{b}",
    texts(20),
    st.text(st.sampled_from(TEXT_LINE_BREAKS), min_size=1, max_size=3),
    texts(20),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(texts() | _broken_texts, min_size=1, max_size=4))
def test_jsonl_is_one_line_a_record_by_any_splitter_and_reads_back(titles: list[str]) -> None:
    """U+2028, U+2029 and U+0085, which JSON allows raw, were written raw: str.splitlines()
    (and JavaScript) broke a record in two there. They are written as escapes now."""
    dataset = _titled(titles)
    with tempfile.TemporaryDirectory() as folder:
        (path,) = dataset.export(folder, "jsonl")
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) == len(titles)
        assert text.splitlines() == text.split("\n")[:-1]  # each line ends at its "\n"
        for slow in (False, True):  # the fast path, and the diagnostic one (schema=True)
            back = rightsdata.load_path(path, schema=slow)
            assert [s.title for s in back.sources] == titles


def test_jsonl_with_raw_line_separators_still_reads(tmp_path: Path) -> None:
    """A file written before (U+2028 raw in a string) reads as it did."""
    title = "one\u2028two\u2029three"
    path = tmp_path / "old.jsonl"
    document = {"$kind": "sources", **source_doc("source:old"), "title": title}
    path.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "\u2028" in path.read_text(encoding="utf-8")
    assert rightsdata.load_path(path).sources[0].title == title
    assert rightsdata.load_path(path, schema=True).sources[0].title == title
    assert TEXT_LINE_BREAKS == "\n\u2028\u2029"  # (U+0085 is a control: refused, located)
    path.write_text(path.read_text(encoding="utf-8").replace("three", "three\x85"), "utf-8")
    with pytest.raises(InvalidDataError, match=r"title: holds the control character U\+0085"):
        rightsdata.load_path(path)


def test_jsonl_loads_back_with_the_same_records(tmp_path: Path, with_redirect: Dataset) -> None:
    (path,) = with_redirect.export(tmp_path, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + len(with_redirect) + len(with_redirect.redirects)
    first = json.loads(lines[0])  # the descriptor's line
    assert (first["$kind"], first["name"], first["rightsdata_format"]) == (
        "datapackage",
        with_redirect.name,
        4,  # (the lowest its data needs: some of the bundled figures say what they count)
    )
    assert "resources" not in first
    assert json.loads(lines[1])["$kind"] == "sources"
    assert {
        "$kind": "redirects",
        "id": "person:v-kozlov",
        "to": "person:vladimir-kozlov",
    } in [json.loads(line) for line in lines[-len(with_redirect.redirects) :]]
    back = rightsdata.load_path(path)
    assert back.to_dict() == with_redirect.to_dict()
    assert dict(back.redirects) == dict(with_redirect.redirects)
    assert (back.name, back.version) == (with_redirect.name, with_redirect.version)
    assert back == with_redirect


def _read_back(folder: Path, fmt: str, written: list[Path]) -> tuple[Any, dict[str, str]]:
    """The documents and redirects an export in ``folder`` reads back to, by its format."""
    if fmt in ("json", "jsonl", "document"):
        back = rightsdata.load_path(folder if fmt == "json" else written[0])
        return back.to_dict(), dict(back.redirects)
    if fmt == "parquet":
        parquet = pytest.importorskip("pyarrow.parquet")
        tables: dict[str, list[Row]] = {
            name: [
                tuple(tuple(v) if isinstance(v, list) else v for v in row.values())
                for row in parquet.read_table(folder / f"{name}.parquet").to_pylist()
            ]
            for name in TABLES
        }
        return documents_from_rows(tables)
    return documents_from_rows(read_directory(folder))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_empty_dataset_reads_back_from_every_format(tmp_path: Path, fmt: FormatName) -> None:
    (tmp_path / "all.json").write_text('{"events": []}', encoding="utf-8")
    empty = rightsdata.load_path(tmp_path / "all.json")
    written = empty.export(tmp_path / fmt, fmt)
    if fmt == "jsonl":  # JSON Lines of no records: a file without lines
        assert [p.read_bytes() for p in written] == [b""]
    documents, redirects = _read_back(tmp_path / fmt, fmt, written)
    assert documents == empty.to_dict() == {kind: [] for kind in rightsdata.KINDS}
    assert redirects == {}


def test_json_lines_without_lines_is_an_empty_dataset_and_a_json_document_is_not(
    tmp_path: Path,
) -> None:
    for name, text in [("empty.jsonl", ""), ("blank.jsonl", "\n \n"), ("crlf.ndjson", "\r\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert sum(rightsdata.load_path(tmp_path / name).counts().values()) == 0, name
        assert rightsdata.validate(tmp_path / name) == [], name
    (tmp_path / "empty.json").write_text("", encoding="utf-8")  # not JSON: a JSON text is a value
    with pytest.raises(rightsdata.InvalidDataError, match=r"empty\.json: is empty; expected JSON"):
        rightsdata.load_path(tmp_path / "empty.json")
    (tmp_path / "redirects.jsonl").write_text(  # a redirect needs a record to lead to
        '{"$kind": "redirects", "id": "person:a", "to": "person:b"}\n', encoding="utf-8"
    )
    with pytest.raises(rightsdata.InvalidDataError, match=r"redirects\.jsonl: holds no records"):
        rightsdata.load_path(tmp_path / "redirects.jsonl")


# --- csv and the data package ---------------------------------------------------------------


def test_csv_writes_every_table_and_loses_nothing(tmp_path: Path, with_redirect: Dataset) -> None:
    written = with_redirect.export(tmp_path, "csv")
    assert [p.name for p in written] == [*(f"{name}.csv" for name in TABLES), "README.txt"]
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    assert documents == with_redirect.to_dict()
    assert redirects == dict(with_redirect.redirects)
    header = (tmp_path / "events.participants.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(TABLES["events.participants"].column_names)


def test_csv_read_back_after_a_spreadsheet_saved_it_with_a_byte_order_mark(
    tmp_path: Path, with_redirect: Dataset
) -> None:
    # a spreadsheet's "CSV UTF-8" starts the file with a BOM; the header read "\ufeffid"
    with_redirect.export(tmp_path, "csv")
    for path in tmp_path.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    assert documents == with_redirect.to_dict()
    assert redirects == dict(with_redirect.redirects)


def test_datapackage_rebuilds_to_an_equal_dataset(tmp_path: Path, with_redirect: Dataset) -> None:
    with_redirect.export(tmp_path, "datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    records: dict[KindName, list[Record]] = {}
    for kind, docs in documents.items():
        assert kind in rightsdata.KINDS
        records[kind] = [structure(kind, d) for d in docs]
    rebuilt = Dataset(
        records,
        name=descriptor["name"],
        version=descriptor["version"],
        redirects=redirects,
    )
    assert rebuilt == with_redirect


def test_a_datapackage_export_read_back_takes_its_whole_descriptor(
    tmp_path: Path, with_redirect: Dataset
) -> None:
    """The export's datapackage.json, passed on whole as the descriptor (resources and
    all), loads: every field the export writes is one a descriptor may hold (it wrote a
    ``scheme`` to each resource, which the descriptor's rules refused as a misspelled
    ``schema``)."""
    with_redirect.export(tmp_path, "datapackage")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    back = rightsdata.load_documents(documents, redirects=redirects, descriptor=package)
    assert back == with_redirect and back.name == package["name"]
    from rightsdata._validation.descriptor import descriptor_problems

    assert descriptor_problems(package) == []


def test_datapackage_descriptor(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert (descriptor["name"], descriptor["version"]) == ("kazakhstan", rightsdata.load().version)
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(TABLES)
    charges = resources["events.charges"]["schema"]
    assert charges["primaryKey"] == ["event_id", "position"]
    assert {"fields": ["provision"], "reference": {"resource": "laws", "fields": ["id"]}} in (
        charges["foreignKeys"]
    )
    part_of = resources["events"]["schema"]["foreignKeys"][0]
    assert part_of == {"fields": ["part_of"], "reference": {"fields": ["id"]}}  # itself


def _frictionless_errors(descriptor: Path) -> list[str]:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(descriptor))
    return [error.message for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def test_frictionless_validate_accepts_the_datapackage(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "datapackage")
    assert _frictionless_errors(tmp_path / "datapackage.json") == []


def test_the_datapackage_declares_its_csv_dialect(tmp_path: Path) -> None:
    # Undeclared, frictionless guessed ';' as the delimiter of organizations.inferred.csv from
    # its first rows once a basis held a semicolon and quotes, and refused the table.
    import attrs

    ds = rightsdata.load()
    basis = "She says 'we launched our project' in 2015; 'we' is read as the foundation."
    records = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    first = next(i for i, r in enumerate(records["organizations"]) if r.inferred)
    org = records["organizations"][first]
    records["organizations"][first] = attrs.evolve(
        org, inferred=tuple(attrs.evolve(note, basis=basis) for note in org.inferred)
    )
    Dataset(records, name=ds.name, version=ds.version, descriptor=ds.descriptor).export(
        tmp_path, "datapackage"
    )
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    dialects = {json.dumps(r["dialect"], sort_keys=True) for r in descriptor["resources"]}
    assert [json.loads(d) for d in dialects] == [
        {
            "delimiter": ",",
            "doubleQuote": True,
            "header": True,
            "lineTerminator": "\r\n",
            "quoteChar": '"',
            "rightsdata_csv_formulas": "escape",  # (how a text that starts as a formula is)
        }
    ]
    assert _frictionless_errors(tmp_path / "datapackage.json") == []


def test_frictionless_checks_our_keys(tmp_path: Path) -> None:
    """The same check fails when a reference dangles: the foreign keys are real."""
    rightsdata.load().export(tmp_path, "datapackage")
    descriptor_path = tmp_path / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        del resource["hash"], resource["bytes"]  # the edits below change them
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    participants = tmp_path / "events.participants.csv"
    text = participants.read_bytes().replace(b"person:vladimir-kozlov", b"person:nobody", 1)
    participants.write_bytes(text)
    figure_citations = tmp_path / "figures.citations.csv"
    lines = figure_citations.read_bytes().split(b"\r\n")
    event, _, rest = lines[1].split(b",", 2)
    lines[1] = b"%s,99,%s" % (event, rest)
    figure_citations.write_bytes(b"\r\n".join(lines))
    errors = _frictionless_errors(descriptor_path)
    assert len(errors) == 2
    assert any('"person:nobody" not found in the lookup table "records"' in e for e in errors)
    assert any("figure_position" in e for e in errors)


# --- parquet --------------------------------------------------------------------------------


def test_parquet_reads_back_with_arrow_types(tmp_path: Path, with_redirect: Dataset) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    written = with_redirect.export(tmp_path, "parquet")
    assert [p.name for p in written] == [f"{name}.parquet" for name in TABLES]
    events = parquet.read_table(tmp_path / "events.parquet")
    schema = events.schema
    assert schema.field("id").type == pa.string() and not schema.field("id").nullable
    assert schema.field("date_earliest").type == pa.date32()
    assert schema.field("kind").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("kind").nullable is False
    meta = json.loads(schema.metadata[b"rightsdata"])
    assert (meta["dataset"], meta["table"]) == ("kazakhstan", "events")
    assert meta["schema"]["primaryKey"] == ["id"]
    figures = parquet.read_table(tmp_path / "figures.parquet").schema
    assert figures.field("low").type == pa.int64()
    cited = parquet.read_table(tmp_path / "citations.parquet").schema
    assert cited.field("fields").type == pa.list_(pa.string())
    # every table, read back, holds the same rows: nothing lost through Arrow either
    back: dict[str, list[Row]] = {}
    for name, table in TABLES.items():
        read = parquet.read_table(tmp_path / f"{name}.parquet")
        assert read.column_names == list(table.column_names)
        back[name] = [
            tuple(tuple(v) if isinstance(v, list) else v for v in row.values())
            for row in read.to_pylist()
        ]
        assert back[name] == list(rows(with_redirect, table)), name
    documents, redirects = documents_from_rows(back)
    assert documents == with_redirect.to_dict()
    assert redirects == dict(with_redirect.redirects)


def test_parquet_whole_vocabulary_is_the_dictionary(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    rightsdata.load().export(tmp_path, "parquet")
    roles = parquet.read_table(tmp_path / "events.participants.parquet").column("role")
    assert roles.chunk(0).dictionary.to_pylist() == list(
        TABLES["events.participants"].column("role").terms
    )


def test_parquet_tables_built_in_parts_write_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_redirect: Dataset
) -> None:
    """A table's columns are built a few thousand rows at a time (chunked arrays): parts of
    a few rows write tables that read back the same, with the same schema, metadata,
    vocabularies and column statistics, as tables built whole."""
    parquet = pytest.importorskip("pyarrow.parquet")
    from rightsdata._tables import arrow

    with_redirect.export(tmp_path / "whole", "parquet")
    monkeypatch.setattr(arrow, "PART_ROWS", 3)
    with_redirect.export(tmp_path / "parts", "parquet")
    for name in TABLES:
        whole = parquet.read_table(tmp_path / "whole" / f"{name}.parquet")
        parts = parquet.read_table(tmp_path / "parts" / f"{name}.parquet")
        assert parts.equals(whole), name
        assert parts.schema.equals(whole.schema, check_metadata=True), name
        for column in parts.column_names:
            assert parts.field(column).metadata == whole.field(column).metadata
            if str(parts.field(column).type).startswith("dictionary"):
                assert [c.dictionary for c in parts.column(column).chunks] == [
                    c.dictionary for c in whole.column(column).chunks
                ], (name, column)
        found, expected = (
            parquet.ParquetFile(tmp_path / folder / f"{name}.parquet").metadata
            for folder in ("parts", "whole")
        )
        assert found.num_row_groups == expected.num_row_groups, name
        for group in range(found.num_row_groups):
            if found.row_group(group).num_rows == 0:
                # an empty table (the bundled data has no figure with co-authors): no values
                # to take statistics of, in either file
                assert expected.row_group(group).num_rows == 0, name
                continue
            for column in range(found.num_columns):
                stats = found.row_group(group).column(column).statistics
                assert stats is not None, (name, column)  # written, as they were
                assert stats == expected.row_group(group).column(column).statistics, name


@pytest.mark.parametrize("missing", ["pyarrow", "numpy"])  # (pyarrow no longer needs numpy)
def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)
    target = tmp_path / "out"
    with pytest.raises(MissingExtraError, match=r'pip install "rightsdata\[arrow\]"'):
        rightsdata.load().export(target, "parquet")
    assert not target.exists()  # nothing was written


def test_unknown_format() -> None:
    with pytest.raises(
        ValueError, match="expected one of json, jsonl, document, csv, datapackage, parquet"
    ):
        export(rightsdata.load(), "/nonexistent", "xlsx")  # type: ignore[arg-type]


# --- the command line -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_cli_export_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    code, out, _ = run(capsys, "export", "--format", fmt, str(tmp_path / "out"))
    assert code == EXIT_OK
    count = len(_visible(tmp_path / "out"))  # not the hidden manifest
    assert (
        out.strip() == f"wrote {count} file{'s' if count > 1 else ''} ({fmt}) to {tmp_path / 'out'}"
    )


def test_cli_export_refuses_a_directory_that_is_not_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", "--format", "csv", str(tmp_path))
    assert code == EXIT_USAGE and "--force" in err
    assert not (tmp_path / "events.csv").exists()
    code, _, _ = run(capsys, "export", "--format", "csv", "--force", str(tmp_path))
    assert code == EXIT_OK
    assert (tmp_path / "events.csv").is_file()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"  # left alone


def test_cli_export_to_a_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", str(tmp_path / "file"))
    assert code == EXIT_USAGE and f"{tmp_path / 'file'} is a file; export writes into a folder" in (
        " ".join(err.split())
    )


def test_cli_export_missing_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run(capsys, "export", "--format", "parquet", str(tmp_path / "out"))
    assert code == EXIT_USAGE
    assert 'pip install "rightsdata[arrow]"' in " ".join(err.split())  # (wrapped to fit)


def test_cli_export_your_own_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    mine: dict[str, Any] = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc()],
    }
    good = write_folder(tmp_path / "good", mine)
    code, _, _ = run(capsys, "export", "--format", "csv", "--data", str(good), str(tmp_path / "o"))
    assert code == EXIT_OK
    lines = (tmp_path / "o" / "events.participants.csv").read_text(encoding="utf-8").splitlines()
    names = TABLES["events.participants"].column_names
    assert len(lines) == 2 and lines[0] == ",".join(names)
    cells = {"event_id": "event:a", "position": "0", "actor": "person:a", "role": "defendant"}
    assert dict(zip(names, lines[1].split(","), strict=True)) == {
        **dict.fromkeys(names, ""),
        **cells,
    }
    bad = write_folder(tmp_path / "bad", {**mine, "persons.json": [person_doc(name=5)]})
    code, _, err = run(capsys, "export", "--data", str(bad), str(tmp_path / "o2"))
    assert code == EXIT_INVALID and "persons.json[0] person:a.name: expected text" in err
    assert not (tmp_path / "o2").exists()


def test_cli_unknown_format_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "--format", "xlsx", str(tmp_path))
    assert code == EXIT_USAGE and "unknown --format 'xlsx'; choose from json," in err


# --- all or nothing, and what an export leaves in its folder (#12) ---------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every entry of ``folder``: a file's bytes, a link's target."""
    return {
        p.name: (b"-> " + str(p.readlink()).encode()) if p.is_symlink() else p.read_bytes()
        for p in sorted(folder.iterdir())
    }


@pytest.mark.parametrize("fmt", ["json", "csv", "datapackage", "parquet"])
def test_a_failed_export_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: FormatName, with_redirect: Dataset
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    rightsdata.load().export(tmp_path, "json", force=True)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = _snapshot(tmp_path)
    from rightsdata._values import atomic as _atomic

    real = _atomic._fill
    filled: list[str] = []

    def fail_on_the_fifth(temporary: Path, content: Any) -> None:
        filled.append(temporary.name)
        if len(filled) == 5:
            raise OSError("disk full")
        real(temporary, content)

    monkeypatch.setattr(_atomic, "_fill", fail_on_the_fifth)
    with pytest.raises(OSError, match="disk full"):
        with_redirect.export(tmp_path, fmt, force=True)
    assert len(filled) == 5  # four files were written (to temporary names) before the failure
    assert _snapshot(tmp_path) == before  # no temporaries left, nothing replaced or removed


def test_a_parquet_table_that_cannot_be_built_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_redirect: Dataset
) -> None:
    """Each Parquet table is built when its file is written; a table that fails to build
    after others were written leaves nothing behind."""
    pytest.importorskip("pyarrow")
    from rightsdata._tables import arrow

    rightsdata.load().export(tmp_path, "json", force=True)
    before = _snapshot(tmp_path)
    real = arrow.arrow_table
    built: list[str] = []

    def fail_on_the_fifth(dataset: Dataset, table: Any, cache: Any = None) -> Any:
        built.append(table.name)
        if len(built) == 5:
            raise ValueError("a count too large")
        return real(dataset, table, cache)

    monkeypatch.setattr(arrow, "arrow_table", fail_on_the_fifth)
    with pytest.raises(ValueError, match="a count too large"):
        with_redirect.export(tmp_path, "parquet", force=True)
    assert len(built) == 5  # four tables were built and written before the failure
    assert _snapshot(tmp_path) == before


def _entries(folder: Path) -> dict[str, bytes | str]:
    """Every entry of ``folder``, hidden ones too: a file's bytes, a folder as ``"folder"``."""
    return {p.name: "folder" if p.is_dir() else p.read_bytes() for p in folder.iterdir()}


def test_a_folder_at_an_output_name_is_refused_before_anything_is_written(
    tmp_path: Path, with_redirect: Dataset
) -> None:
    rightsdata.load().export(tmp_path, "json")
    (tmp_path / "sources.json").write_text("OLD", encoding="utf-8")
    (tmp_path / "statements.json").unlink()
    (tmp_path / "statements.json").mkdir()
    before = _entries(tmp_path)
    with pytest.raises(IsADirectoryError, match=r"is a folder.*nothing was written") as caught:
        with_redirect.export(tmp_path, "json", force=True)
    assert caught.value.filename == str(tmp_path / "statements.json")
    assert _entries(tmp_path) == before


def test_a_pipe_at_an_output_name_is_refused_naming_it(tmp_path: Path) -> None:
    fifo(tmp_path / "events.csv")
    (tmp_path / "persons.csv").write_text("OLD", encoding="utf-8")
    with pytest.raises(FileExistsError, match="is a named pipe") as caught:
        rightsdata.load().export(tmp_path, "csv", force=True)
    assert caught.value.filename == str(tmp_path / "events.csv")
    assert (tmp_path / "persons.csv").read_text(encoding="utf-8") == "OLD"
    assert {p.name for p in tmp_path.iterdir()} == {"events.csv", "persons.csv"}


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_rename_that_fails_puts_back_the_files_renamed_before_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: FormatName,
    links: bool,
    with_redirect: Dataset,
) -> None:
    """A rename that fails after others were done (a folder made at its name meanwhile, a
    file system that fails): the files already replaced are put back, the new ones removed,
    and no hidden copy is left."""
    import os

    _small().export(tmp_path, fmt, force=True)  # (every file unlike the next export's)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / f"sources.{fmt}").chmod(0o640)
    before = _entries(tmp_path)
    modes = {p.name: p.stat().st_mode for p in tmp_path.iterdir()}
    real_replace = os.replace
    renamed: list[str] = []

    def fail_on_the_fifth(source: Any, target: Any) -> None:
        renamed.append(str(target))
        if len(renamed) == 5:
            raise OSError(5, "Input/output error", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_fifth)
    if not links:

        def no_links(*args: Any, **kwargs: Any) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(OSError, match="Input/output error"):
        with_redirect.export(tmp_path, fmt, force=True)
    assert len(renamed) > 5  # some renamed in, and put back
    assert _entries(tmp_path) == before
    assert {p.name: p.stat().st_mode for p in tmp_path.iterdir()} == modes


def test_a_failed_export_removes_the_folders_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    real_replace = os.replace
    renamed: list[str] = []

    def fail_on_the_third(source: Any, target: Any) -> None:
        renamed.append(str(target))
        if len(renamed) == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        rightsdata.load().export(tmp_path / "a" / "b" / "out", "json")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "a").mkdir()  # a folder that was there stays
    renamed.clear()
    with pytest.raises(OSError, match="No space left"):
        rightsdata.load().export(tmp_path / "a" / "out", "csv")
    assert [p.name for p in tmp_path.iterdir()] == ["a"] and not any((tmp_path / "a").iterdir())


def _visible(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")}


def _small() -> Dataset:
    """A dataset of one source and one person: its every file differs from the bundled
    dataset's."""
    return rightsdata.load_documents({"sources": [source_doc()], "persons": [person_doc()]})


def _own(path: Path, fmt: str) -> dict[str, Any]:
    """The manifest's entry that claims the file at ``path`` for an export of ``fmt``."""
    data = path.read_bytes()
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), "format": fmt}


def test_exporting_again_leaves_exactly_the_new_export(
    tmp_path: Path, with_redirect: Dataset, without_redirects: Dataset
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "events.xlsx").write_text("mine too", encoding="utf-8")
    mine = {"notes.txt", "events.xlsx"}
    with_redirect.export(tmp_path, "json", force=True)
    assert (tmp_path / "redirects.json").is_file()
    dataset = {p.name for p in without_redirects.export(tmp_path, "json", force=True)}
    assert not (tmp_path / "redirects.json").exists()  # no redirects: the stale file goes
    assert rightsdata.load_path(tmp_path).to_dict() == rightsdata.load().to_dict()
    tables = {p.name for p in rightsdata.load().export(tmp_path, "csv", force=True)}
    # the tables are added; the dataset's files stay (only a json export replaces them)
    assert _visible(tmp_path) == tables | dataset | mine
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    parquet = rightsdata.load().export(tmp_path, "parquet", force=True) if _has("pyarrow") else []
    (path,) = rightsdata.load().export(tmp_path, "jsonl", force=True)
    assert _visible(tmp_path) == {path.name} | dataset | mine  # the tables go
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == "jsonl" and manifest["files"] == ["records.jsonl"]
    # it owns what it wrote, and the json export's files still: the next json export's
    assert manifest["own"] == {
        "records.jsonl": _own(path, "jsonl"),
        **{name: _own(tmp_path / name, "json") for name in sorted(dataset)},
    }
    assert not any((tmp_path / p.name).exists() for p in parquet)
    with_redirect.export(tmp_path, "json", force=True)
    assert _visible(tmp_path) == {path.name, "redirects.json"} | dataset | mine


def test_files_no_export_wrote_are_left_alone(tmp_path: Path) -> None:
    """A dataset's own folder: exporting CSV next to its JSON files removes none of them,
    though an export of format json writes files of those names."""
    mine = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    folder = write_folder(tmp_path / "mine", mine)
    rightsdata.load_path(folder).export(folder, "csv", force=True)
    assert {"sources.json", "persons.json", "persons.csv"} <= _visible(folder)
    assert rightsdata.load_path(folder).counts()["persons"] == 1


def test_a_manifest_cannot_remove_other_files(tmp_path: Path) -> None:
    (tmp_path / "outside.csv").write_text("mine", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "events.parquet").write_bytes(b"stale")
    listed = ["notes.txt", "events.parquet"]
    own = {name: _own(out / name, "parquet") for name in listed}
    (out / MANIFEST).write_text(json.dumps({"files": listed, "own": own}), encoding="utf-8")
    rightsdata.load().export(out, "csv", force=True)
    assert (out / "notes.txt").is_file()  # claimed, but not a name an export writes
    assert not (out / "events.parquet").exists()  # a name an export writes, unchanged
    # A manifest that lists paths is not one an export wrote: it removes nothing at all.
    (out / "events.parquet").write_bytes(b"stale")
    listed = ["../outside.csv", "/etc/hostname", "events.parquet"]
    own = {"events.parquet": _own(out / "events.parquet", "parquet")}
    (out / MANIFEST).write_text(json.dumps({"files": listed, "own": own}), encoding="utf-8")
    rightsdata.load().export(out, "jsonl", force=True)
    assert (tmp_path / "outside.csv").is_file() and (out / "events.parquet").is_file()
    (out / MANIFEST).write_text("not json", encoding="utf-8")
    rightsdata.load().export(out, "json", force=True)  # an unreadable manifest: no removal
    assert (out / "records.jsonl").is_file()


ODD_MANIFESTS = {
    "files a number": b'{"files": 5}',
    "files null": b'{"files": null}',
    "files a string": b'{"files": "events.parquet"}',
    "files an object": b'{"files": {"events.parquet": true}}',
    "a number in files": b'{"files": [5]}',
    "a name and a number": b'{"files": ["events.parquet", 5]}',
    "a name and a list": b'{"files": ["events.parquet", ["events.csv"]]}',
    "a path in files": b'{"files": ["events.parquet", "sub/events.csv"]}',
    "an empty name": b'{"files": ["events.parquet", ""]}',
    "a list": b"[]",
    "a string": b'"events.parquet"',
    "null": b"null",
    "not UTF-8": b'{"files": ["events.parquet"], "x": "\xff"}',
    "truncated": b'{"files": ["events.parquet"',
    "empty": b"",
    "nested deeply": b"[" * 100_000,
    "an object nested deeply": b'{"files": ' + b"[" * 100_000,
    # claims that are not as an export writes them: each file is someone else's
    "own a list": b'{"files": ["events.parquet"], "own": ["events.parquet"]}',
    "a claim of no hash": (
        b'{"files": [], "own": {"events.parquet": {"bytes": 5, "format": "csv"}}}'
    ),
    "a claim of a short hash": (
        b'{"files": [], "own": {"events.csv": {"bytes": 9, "sha256": "ab", "format": "csv"}}}'
    ),
    "a claim of bytes true": (
        b'{"files": [], "own": {"events.csv": {"bytes": true, "sha256": "'
        + hashlib.sha256(b"stale too").hexdigest().encode()
        + b'", "format": "csv"}}}'
    ),
    "a claim of a path": (
        b'{"files": [], "own": {"../notes.txt": {"bytes": 4, "sha256": "'
        + hashlib.sha256(b"mine").hexdigest().encode()
        + b'", "format": "csv"}}}'
    ),
}


@pytest.mark.parametrize("manifest", list(ODD_MANIFESTS.values()), ids=list(ODD_MANIFESTS))
def test_an_odd_manifest_is_no_earlier_export(tmp_path: Path, manifest: bytes) -> None:
    """A manifest an export did not write, or cannot read, lists nothing: the export is
    written and every file already in the folder stays."""
    (tmp_path / MANIFEST).write_bytes(manifest)
    mine = {"notes.txt": b"mine", "events.parquet": b"stale", "events.csv": b"stale too"}
    for name, data in mine.items():
        (tmp_path / name).write_bytes(data)
    (path,) = rightsdata.load().export(tmp_path, "jsonl", force=True)
    assert rightsdata.load_path(path).counts() == rightsdata.load().counts()
    assert {name: (tmp_path / name).read_bytes() for name in mine} == mine
    written = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    own = {"records.jsonl": _own(path, "jsonl")}
    about = {"licenses": rightsdata.load().descriptor["licenses"]}  # type: ignore[index]
    about["citation"] = rightsdata.load().citation
    assert written == {"format": "jsonl", "files": ["records.jsonl"], **about, "own": own}


# --- an export replaces or removes only its own files, unchanged ----------------------------


def _files(folder: Path, names: Sequence[str]) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in names}


def test_an_export_keeps_a_file_changed_since_the_export_that_wrote_it(tmp_path: Path) -> None:
    """The files of an earlier export that this one does not write are removed only while
    they are as that export wrote them: one you edited stays, as you left it."""
    ds = rightsdata.load()
    ds.export(tmp_path, "datapackage")
    edited = (tmp_path / "persons.csv").read_bytes() + b"person:x,X\r\n"
    (tmp_path / "persons.csv").write_bytes(edited)
    written = {p.name for p in ds.export(tmp_path, "jsonl", force=True)}
    # the package's other tables and its descriptor go; the edited table stays
    assert _visible(tmp_path) == written | {"persons.csv"}
    assert (tmp_path / "persons.csv").read_bytes() == edited
    own = json.loads((tmp_path / MANIFEST).read_bytes())["own"]
    assert set(own) == written  # no longer an export's: the next one leaves it too


def test_force_never_writes_over_a_file_changed_since_the_export_that_wrote_it(
    tmp_path: Path,
) -> None:
    ds = rightsdata.load()
    ds.export(tmp_path, "csv")
    (tmp_path / "persons.csv").write_bytes(b"id,name\r\n")
    before = _snapshot(tmp_path)
    message = "persons.csv was changed since the csv export that wrote it; an export"
    with pytest.raises(FileExistsError, match=message):
        ds.export(tmp_path, "csv", force=True)
    assert _snapshot(tmp_path) == before


def test_an_export_keeps_a_dataset_file_you_edited(tmp_path: Path) -> None:
    """The defect as found: a json export, persons.json edited, another format exported
    over it: the edited file stays."""
    ds = rightsdata.load()
    ds.export(tmp_path, "json")
    (tmp_path / "persons.json").write_bytes(b"[]\n")
    ds.export(tmp_path, "csv", force=True)
    assert (tmp_path / "persons.json").read_bytes() == b"[]\n"
    assert {"sources.json", "events.json", "datapackage.json"} <= _visible(tmp_path)


def test_an_export_over_the_folder_its_data_was_loaded_from_keeps_it(tmp_path: Path) -> None:
    """A json export's files are a dataset, perhaps the one exported, loaded from there:
    another format leaves them, and refuses to write over its datapackage.json."""
    folder = tmp_path / "data"
    written = [p.name for p in _small().export(folder, "json")]
    mine = rightsdata.load_path(folder)
    dataset = _files(folder, written)
    mine.export(folder, "csv", force=True)
    assert _files(folder, written) == dataset
    before = _snapshot(folder)
    message = "datapackage.json is part of the dataset a json export wrote"
    with pytest.raises(FileExistsError, match=message):
        mine.export(folder, "datapackage", force=True)
    assert _snapshot(folder) == before
    if _has("pyarrow"):
        mine.export(folder, "parquet", force=True)
    assert _files(folder, written) == dataset and rightsdata.load_path(folder) == mine


def test_force_never_writes_over_a_file_no_export_wrote(tmp_path: Path) -> None:
    """Your dataset's own folder: a json export into it with force=True would replace its
    files with others; it is refused, naming them, and nothing is written."""
    folder = write_folder(tmp_path / "mine", {"sources.json": [source_doc()]})
    before = _snapshot(folder)
    with pytest.raises(FileExistsError) as caught:
        rightsdata.load().export(folder, "json", force=True)
    assert " ".join(str(caught.value).split()) == (
        f"{folder}: sources.json is a file of the dataset folder here (as `rightsdata init` "
        "or `rightsdata fmt` writes one, or by hand), not an export's; an export never "
        "replaces a dataset's own files, so nothing was written: to rewrite this dataset "
        f"folder in canonical form, run `rightsdata fmt {shlex.quote(str(folder))}` "
        "(`--hashes` also records each file's size and hash, as a json export does); to "
        "export a dataset, export into a new or empty folder"
    )
    assert _snapshot(folder) == before


def test_a_file_that_holds_what_the_export_writes_is_written_but_stays_its_owners(
    tmp_path: Path,
) -> None:
    """A copy of an export without its manifest: writing the same bytes again loses
    nothing, so it is done; but the files stay the copy's, and the next format leaves
    them."""
    folder = tmp_path / "copy"
    written = [p.name for p in rightsdata.load().export(folder, "csv")]
    (folder / MANIFEST).unlink()
    copied = _files(folder, written)
    rightsdata.load().export(folder, "csv", force=True)
    assert json.loads((folder / MANIFEST).read_bytes())["own"] == {}
    _small().export(folder, "jsonl", force=True)
    assert _files(folder, written) == copied


def test_a_manifest_without_hashes_neither_removes_nor_replaces(tmp_path: Path) -> None:
    """A manifest without ``"own"`` lists the files without their sizes and hashes: an export
    cannot tell whether they were changed since, so it removes none, and writes over one
    only with the very bytes it holds."""
    written = [p.name for p in rightsdata.load().export(tmp_path, "csv")]
    (tmp_path / MANIFEST).write_text(
        json.dumps({"format": "csv", "files": written}), encoding="utf-8"
    )
    tables = _files(tmp_path, written)
    rightsdata.load().export(tmp_path, "jsonl", force=True)
    assert _files(tmp_path, written) == tables
    (tmp_path / MANIFEST).write_text(
        json.dumps({"format": "csv", "files": written}), encoding="utf-8"
    )
    before = _snapshot(tmp_path)
    with pytest.raises(FileExistsError) as caught:
        _small().export(tmp_path, "csv", force=True)
    said = " ".join(str(caught.value).split())
    assert said.startswith(f"{tmp_path}: sources.csv, persons.csv, organizations.csv and ")
    assert "more are listed in this folder's export manifest without a size and hash;" in said
    assert "written: to let them go, delete them (or the whole folder)" in said  # ("if them")
    assert _snapshot(tmp_path) == before
    rightsdata.load().export(tmp_path, "csv", force=True)  # the same bytes: nothing lost
    assert _files(tmp_path, written) == tables


def test_export_names_cover_every_format(tmp_path: Path) -> None:
    from rightsdata._tables.export import export_names

    formats = [f for f in FORMATS if f != "parquet" or _has("pyarrow")]
    for fmt in formats:
        written = rightsdata.load().export(tmp_path / fmt, fmt)
        assert {p.name for p in written} <= export_names(), fmt
    written = rightsdata.load().export(tmp_path / "r", "json")  # it has a redirect
    assert "redirects.json" in {p.name for p in written}


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_a_symlink_at_an_output_name_is_refused_not_followed(
    tmp_path: Path, fmt: FormatName, with_redirect: Dataset, without_redirects: Dataset
) -> None:
    """A link is no file an export wrote: one at an output name is refused (neither it nor
    the file it leads to is written); one at an earlier export's name stays."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    folder = tmp_path / "out"
    # so that redirects.json is an earlier export's
    with_redirect.export(folder, "json", force=True)
    name = {"json": "events.json", "csv": "events.csv", "parquet": "events.parquet"}[fmt]
    (folder / name).unlink(missing_ok=True)
    symlink(folder / name, outside)
    before = _snapshot(folder)
    with pytest.raises(FileExistsError, match=f": {re.escape(name)} is a symbolic link; an export"):
        without_redirects.export(folder, fmt, force=True)
    assert _snapshot(folder) == before and outside.read_text(encoding="utf-8") == "precious"
    (folder / name).unlink()
    (folder / "redirects.json").unlink()
    symlink(folder / "redirects.json", outside)  # a link at a name this export does not write
    without_redirects.export(folder, fmt, force=True)
    assert (folder / "redirects.json").is_symlink()
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (folder / name).is_symlink() and (folder / name).stat().st_size > 1000


def test_write_atomic_replaces_a_link_and_leaves_no_temporary(tmp_path: Path) -> None:
    from rightsdata._values.atomic import write_atomic

    target = tmp_path / "target.txt"
    target.write_bytes(b"old")
    link = symlink(tmp_path / "link.txt", target)

    write_atomic(link, b"new")
    assert target.read_bytes() == b"old" and not link.is_symlink()
    assert link.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "target.txt"]


# --- formulas in CSV cells --------------------------------------------------------------------

# Text may not start with a tab or a carriage return (no leading space), but the escape
# covers them too: test_escape_formula_covers_owasps_list.
_FORMULAS = ['=HYPERLINK("x")', "+1", "-2 + 3", "@SUM(A1)", "'=x", "=cmd|' /C calc'!A0"]
_NOT_FORMULAS = ["'quoted' text", "a = b", "x-y"]


def _formula_dataset() -> Dataset:
    documents: dict[KindName, list[dict[str, Any]]] = {
        "sources": [source_doc()],
        "persons": [
            person_doc(f"person:{chr(97 + i)}", name=f"Person {i}", summary=text)
            for i, text in enumerate(_FORMULAS + _NOT_FORMULAS)
        ],
        "events": [event_doc(title="=1+1 a verdict")],
    }
    records = {kind: [structure(kind, d) for d in docs] for kind, docs in documents.items()}
    return Dataset(records)


def test_csv_formulas_are_escaped_by_default_and_read_back(tmp_path: Path) -> None:
    import csv
    import io

    dataset = _formula_dataset()
    dataset.export(tmp_path, "csv")
    text = (tmp_path / "persons.csv").read_text(encoding="utf-8")
    summaries = [row[-1] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert summaries == ["'" + t for t in _FORMULAS] + _NOT_FORMULAS
    events = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[1]
    assert ",'=1+1 a verdict," in events
    assert "event:a,verdict," in events  # IDs and terms are never escaped
    documents, _ = documents_from_rows(read_directory(tmp_path))
    assert documents == dataset.to_dict()
    # the export's manifest says how it was written: another option is refused
    with pytest.raises(ValueError, match="written with csv_formulas='escape'"):
        read_directory(tmp_path, "keep")
    # without it, read as if it were unescaped, the quote stays: the option must match
    (tmp_path / MANIFEST).unlink()
    kept, _ = documents_from_rows(read_directory(tmp_path, "keep"))
    assert kept["persons"][0]["summary"] == "'" + _FORMULAS[0]


def test_csv_formulas_keep_writes_the_text_as_it_is(tmp_path: Path) -> None:
    import csv
    import io

    dataset = _formula_dataset()
    export(dataset, tmp_path, "datapackage", csv_formulas="keep")
    text = (tmp_path / "persons.csv").read_text(encoding="utf-8")
    summaries = [row[-1] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert summaries == _FORMULAS + _NOT_FORMULAS
    documents, _ = documents_from_rows(read_directory(tmp_path, "keep"))
    assert documents == dataset.to_dict()


def test_csv_formulas_escaped_still_validate_as_a_datapackage(tmp_path: Path) -> None:
    _formula_dataset().export(tmp_path, "datapackage")
    assert _frictionless_errors(tmp_path / "datapackage.json") == []


@pytest.mark.parametrize("option", ["escape", "keep"])
def test_a_datapackage_records_its_csv_formulas_and_a_copy_without_the_manifest_reads_it(
    tmp_path: Path, option: FormulaOption
) -> None:
    """A keep export copied without its hidden manifest was read with the default, escape,
    which took the quote off '=x: each resource of datapackage.json records the option too,
    as rightsdata_csv_formulas, and read_directory and load_directory read with it."""
    from rightsdata.tables import load_directory

    dataset = _formula_dataset()
    export(dataset, tmp_path, "datapackage", csv_formulas=option)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["dialect"]["rightsdata_csv_formulas"] for r in package["resources"]} == {option}
    assert "rightsdata_csv_formulas" not in package  # (of the files, not the dataset)
    (tmp_path / MANIFEST).unlink()
    documents, _ = documents_from_rows(read_directory(tmp_path))
    assert documents == dataset.to_dict()
    assert load_directory(tmp_path).to_dict() == dataset.to_dict()
    # the option given is used where it is the one recorded; another is a wrong argument,
    # as against the manifest, saying where the option is recorded
    assert documents_from_rows(read_directory(tmp_path, option))[0] == documents
    other: FormulaOption = "keep" if option == "escape" else "escape"
    recorded = r"datapackage\.json\.resources\[0\]\.dialect\.rightsdata_csv_formulas"
    with pytest.raises(ValueError, match=f"as {recorded} says"):
        read_directory(tmp_path, other)
    with pytest.raises(ValueError, match=f"written with csv_formulas={option!r}"):
        load_directory(tmp_path, csv_formulas=other)


def test_a_datapackage_written_with_keep_passes_frictionless(tmp_path: Path) -> None:
    # (rightsdata_csv_formulas is a custom property, which Data Package v2 allows)
    _formula_dataset().export(tmp_path, "datapackage", csv_formulas="keep")
    assert _frictionless_errors(tmp_path / "datapackage.json") == []


_RESOURCE = "datapackage.json.resources[3].dialect.rightsdata_csv_formulas"
_EXPECTED = "expected 'escape' or 'keep' (the csv_formulas the tables were written with), got"


def _recorded(tmp_path: Path, file: str, value: object) -> None:
    """Set the option the manifest, or the fourth resource's dialect in datapackage.json,
    records."""
    record = json.loads((tmp_path / file).read_text(encoding="utf-8"))
    if file == MANIFEST:
        record["csv_formulas"] = value
    else:
        record["resources"][3]["dialect"]["rightsdata_csv_formulas"] = value
    (tmp_path / file).write_text(json.dumps(record), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "value", "location", "said"),
    [
        (
            "datapackage.json",
            "kepp",
            _RESOURCE,
            f"{_EXPECTED} text ('kepp') (did you mean 'keep'?)",
        ),
        ("datapackage.json", None, _RESOURCE, f"{_EXPECTED} null"),
        (MANIFEST, 5, f"{MANIFEST}.csv_formulas", f"{_EXPECTED} an integer (5)"),
        (
            "datapackage.json",
            "keep",
            _RESOURCE,
            "is 'keep', but the export's manifest (.rightsdata-export) records "
            "csv_formulas='escape': the tables were written with one of them; make the two "
            "agree, or give read_directory the csv_formulas they were written with",
        ),
    ],
)
def test_a_csv_formulas_recorded_that_is_none_or_disagrees_is_invalid_data(
    tmp_path: Path, file: str, value: object, location: str, said: str
) -> None:
    """Read with a guess, a text that starts with a quote or a formula character could come
    back changed: the file and the property are named, whatever option is given."""
    from rightsdata.tables import load_directory

    export(_formula_dataset(), tmp_path, "datapackage")
    _recorded(tmp_path, file, value)
    for read in (read_directory, load_directory):
        with pytest.raises(InvalidDataError) as caught:
            read(tmp_path)
        (problem,) = caught.value.problems
        assert (problem.location, problem.file, problem.message) == (location, file, said)
        assert str(caught.value).startswith(f"1 problem in {tmp_path}:")
    with pytest.raises(InvalidDataError):
        read_directory(tmp_path, "escape")


def test_resources_that_record_different_csv_formulas_are_invalid_data(tmp_path: Path) -> None:
    export(_formula_dataset(), tmp_path, "datapackage", csv_formulas="keep")
    (tmp_path / MANIFEST).unlink()
    _recorded(tmp_path, "datapackage.json", "escape")
    with pytest.raises(InvalidDataError) as caught:
        read_directory(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.location, problem.code) == (_RESOURCE, "package")
    assert problem.message.startswith(
        "is 'escape', but datapackage.json.resources[0].dialect.rightsdata_csv_formulas "
        "records csv_formulas='keep': "
    )


def test_escape_formula_covers_owasps_list() -> None:
    from rightsdata._tables.csvtables import escape_formula

    for start in ("=", "+", "-", "@", "\t", "\r", "'=", "''-"):
        assert escape_formula(start + "x") == "'" + start + "x"
    for text in ("a=b", "Ödön", "'quoted'", "''"):
        assert escape_formula(text) == text


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_read_directory_reads_with_the_option_the_export_records(
    tmp_path: Path, fmt: FormatName
) -> None:
    """A ``keep`` export read back with no option given is read as ``keep`` (its manifest
    records it, and a data package's datapackage.json), so no leading quote is taken off;
    the other option given is refused."""
    dataset = _formula_dataset()
    export(dataset, tmp_path, fmt, csv_formulas="keep")
    assert json.loads((tmp_path / MANIFEST).read_bytes())["csv_formulas"] == "keep"
    documents, _ = documents_from_rows(read_directory(tmp_path))
    assert documents == dataset.to_dict()  # "'=x" kept its quote
    with pytest.raises(ValueError, match=r"written with csv_formulas='keep'.*give csv_formulas"):
        read_directory(tmp_path, "escape")
    (tmp_path / MANIFEST).unlink()
    if fmt == "datapackage":  # (its datapackage.json says it too, for a copy without it)
        assert documents_from_rows(read_directory(tmp_path))[0] == dataset.to_dict()
        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:
            del resource["dialect"]["rightsdata_csv_formulas"]
        (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    # where nothing records it (a manifest and a descriptor without it), the default is "escape"
    documents, _ = documents_from_rows(read_directory(tmp_path))
    persons = {p["id"]: p.get("summary") for p in documents["persons"]}
    assert "=x" in persons.values() and "'=x" not in persons.values()


def test_a_table_the_export_lists_and_that_is_missing_is_an_error(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "csv")
    (tmp_path / "events.participants.csv").unlink()
    with pytest.raises(ValueError, match=r"events\.participants\.csv is missing") as caught:
        read_directory(tmp_path)
    assert "(.rightsdata-export) names it" in str(caught.value)
    # without the manifest, what is there is read (nothing says what should be)
    (tmp_path / MANIFEST).unlink()
    tables = read_directory(tmp_path)
    assert "events.participants" not in tables and len(tables) == len(TABLES) - 1
    # but for a kind's table of which the records table lists records
    (tmp_path / "persons.csv").unlink()
    with pytest.raises(ValueError, match=r"records\.csv lists 50 records of persons, but pers"):
        read_directory(tmp_path)
    (tmp_path / "records.csv").unlink()  # (tables written by hand, a few of them)
    assert "persons" not in read_directory(tmp_path)


def test_a_table_the_datapackage_lists_and_that_is_missing_is_an_error(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "datapackage")
    (tmp_path / MANIFEST).unlink()  # (the descriptor alone, as a copy of the package may be)
    (tmp_path / "aliases.csv").unlink()
    (tmp_path / "figures.citations.csv").unlink()
    with pytest.raises(ValueError, match=r"are missing, though datapackage\.json names them") as e:
        read_directory(tmp_path)
    assert "aliases.csv and figures.citations.csv are" in str(e.value)


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_a_text_longer_than_the_csv_modules_field_limit_reads_back_whole(
    tmp_path: Path, fmt: FormatName
) -> None:
    """No text has a length limit in the model: a summary of 150,000 characters (past the
    csv module's default limit of 131,072) is read back whole, and the limit, which is the
    whole process's, is as it was afterwards."""
    import csv

    documents = rightsdata.load().to_dict()
    documents["statements"][0]["summary"] = ("word " * 30_000).strip() + "."
    dataset = rightsdata.load_documents(documents)
    dataset.export(tmp_path, fmt)
    before = csv.field_size_limit(131_072)  # (the default, which another library may raise)
    try:
        back, redirects = documents_from_rows(read_directory(tmp_path))
        assert csv.field_size_limit() == 131_072
    finally:
        csv.field_size_limit(before)
    assert back == dataset.to_dict() and redirects == dict(dataset.redirects)
    assert len(back["statements"][0]["summary"]) == 150_000


def test_what_the_csv_module_cannot_read_is_a_value_error_naming_the_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib
    import csv

    from rightsdata._tables import csvtables

    documents = rightsdata.load().to_dict()
    documents["statements"][0]["summary"] = "x" * 150_000
    rightsdata.load_documents(documents).export(tmp_path, "csv")
    # the limit left at the csv module's default (another library, frictionless, may have
    # raised it for the process): the csv module refuses the field (csv.Error)
    monkeypatch.setattr(csvtables, "_fields_up_to", lambda size: contextlib.nullcontext())
    path = tmp_path / "statements.csv"
    before = csv.field_size_limit(131_072)
    try:
        with pytest.raises(ValueError, match=r"table 'statements', line 2: field larger") as e:
            read_directory(tmp_path)
    finally:
        csv.field_size_limit(before)
    # the whole path once, in the error's first line; the problem at the file's name
    assert str(e.value).startswith(f"1 problem in {path}:\n  statements.csv: ")


def test_read_directory_takes_the_exports_option_by_its_name(tmp_path: Path) -> None:
    dataset = _formula_dataset()
    export(dataset, tmp_path, "csv", csv_formulas="keep")
    documents, _ = documents_from_rows(read_directory(tmp_path, csv_formulas="keep"))
    assert documents == dataset.to_dict()
    # no release named the option ``formulas``: that spelling is an unknown keyword
    with pytest.raises(TypeError, match="unexpected keyword argument 'formulas'"):
        read_directory(tmp_path, formulas="keep")  # type: ignore[call-arg]
    # the error names the parameter the function has
    with pytest.raises(ValueError, match="unknown csv_formulas option 'none'"):
        read_directory(tmp_path, csv_formulas="none")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "parquet"])
def test_csv_formulas_keep_is_refused_by_formats_without_csv(
    tmp_path: Path, fmt: FormatName
) -> None:
    with pytest.raises(ValueError, match=f"applies to the CSV formats only .*; {fmt} writes"):
        rightsdata.load().export(tmp_path / "out", fmt, csv_formulas="keep")
    assert not (tmp_path / "out").exists()
    assert rightsdata.load().export(tmp_path / "out", fmt, csv_formulas="escape")  # the default


def test_unknown_csv_formulas_option(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="csv_formulas option 'strip'; expected one of escape"):
        export(rightsdata.load(), tmp_path / "out", "csv", csv_formulas="strip")  # type: ignore[arg-type]
    # one spelled like an option is told which, as a misspelt format, table or kind is
    told = "csv_formulas option 'Keep' (did you mean 'keep'?); expected one of escape, keep"
    with pytest.raises(ValueError, match=re.escape(told)):
        export(rightsdata.load(), tmp_path / "out", "csv", csv_formulas="Keep")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=re.escape("'escaped' (did you mean 'escape'?)")):
        read_directory(tmp_path, csv_formulas="escaped")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


# --- counts too large for the tables ---------------------------------------------------------


def _largest_count() -> tuple[Dataset, str]:
    """The bundled dataset with one figure at the largest count the model allows."""
    import attrs

    from rightsdata._model.fields import COUNT_MAX

    ds = rightsdata.load()
    event = next(e for e in ds.events if e.figures)
    exact = rightsdata.vocab.FigureQualifier.EXACT
    figure = attrs.evolve(event.figures[0], low=None, best=COUNT_MAX, high=None, qualifier=exact)
    huge = attrs.evolve(event, figures=(figure, *event.figures[1:]))
    events = [huge if e.id == event.id else e for e in ds.events]
    records: dict[KindName, Sequence[Record]] = {
        **{k: list(ds.collection(k)) for k in rightsdata.KINDS},
        "events": events,
    }
    return Dataset(records, redirects=ds.redirects), event.id


def test_the_largest_count_the_model_allows_exports_in_every_format(tmp_path: Path) -> None:
    # The model bounds counts to 2**53 - 1 (a count of 2**63 broke Parquet and pandas); a
    # larger one never reaches an export (tests/data/test_growth.py).
    from rightsdata._model.fields import COUNT_MAX

    dataset, _ = _largest_count()
    for fmt in ("json", "csv", "datapackage", "parquet"):
        dataset.export(tmp_path / fmt, fmt)
        if fmt == "json":
            assert rightsdata.load_path(tmp_path / fmt).to_dict() == dataset.to_dict()
    assert str(COUNT_MAX) in (tmp_path / "csv" / "figures.csv").read_text(encoding="utf-8")
    import pyarrow.parquet as pq

    column = pq.read_table(tmp_path / "parquet" / "figures.parquet").column("best")
    assert COUNT_MAX in column.to_pylist()


@pytest.mark.parametrize("layout", ["folder", "jsonl"])
def test_validate_reports_a_file_nested_deeper_than_python_parses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    deep = "[" * 20_000 + "]" * 20_000  # (past 3.11's, 3.12's and 3.13's parsers alike)
    if layout == "folder":
        path = tmp_path
        (path / "sources.json").write_text(
            json.dumps([source_doc("source:kept")]), encoding="utf-8"
        )
        (path / "persons.json").write_text(deep, encoding="utf-8")
    else:
        path = tmp_path / "all.jsonl"
        kept = json.dumps({"$kind": "sources", **source_doc("source:kept")})
        path.write_text(f"{kept}\n{deep}\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    where = "persons.json" if layout == "folder" else "all.jsonl:2"
    assert code == EXIT_INVALID
    assert f"{where}: is nested too deeply to read: more than 256 levels" in out


def test_a_document_export_is_the_dataset_in_one_json_file(tmp_path: Path) -> None:
    """json.dump(ds.to_dict()) loses the name, version, descriptor and redirects: the
    document export keeps them, in the layout load_path reads, descriptor first."""
    ds = rightsdata.load()
    (path,) = ds.export(tmp_path / "out", "document")
    assert path.name == "dataset.json"
    back = rightsdata.load_path(path)
    assert back == ds  # records, name, version and redirects
    assert back.redirects and back.redirects == ds.redirects
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(document) == ["datapackage", *rightsdata.KINDS, "redirects"]
    assert document["datapackage"]["rightsdata_format"] >= 3  # (a descriptor in one file)
    assert "resources" not in document["datapackage"]
    # a dataset with no name, version, descriptor or redirects writes just its records
    (tmp_path / "all.json").write_text('{"events": []}', encoding="utf-8")
    (bare,) = rightsdata.load_path(tmp_path / "all.json").export(tmp_path / "bare", "document")
    assert list(json.loads(bare.read_text(encoding="utf-8"))) == list(rightsdata.KINDS)
