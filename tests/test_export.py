"""Exports: every format reads back to the same data; the data package passes frictionless."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._extras import MissingExtraError
from rightsdata._resources import datasets_root
from rightsdata.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from rightsdata.convert import structure
from rightsdata.csvtables import read_directory
from rightsdata.export import FORMATS, export
from rightsdata.fromtables import documents_from_rows
from rightsdata.tables import TABLES, rows

from conftest import event_doc, person_doc, source_doc, write_folder


@pytest.fixture(scope="module")
def with_redirect() -> Dataset:
    """The bundled dataset plus a redirect, so that every format has one to carry."""
    ds = rightsdata.load()
    return Dataset(
        {k: list(ds.collection(k)) for k in rightsdata.KINDS},
        name=ds.name,
        version=ds.version,
        descriptor=ds.descriptor,
        redirects={"person:v-kozlov": "person:vladimir-kozlov"},
    )


# --- json and jsonl -------------------------------------------------------------------------


def test_json_is_the_canonical_folder_and_loads_back_equal(tmp_path: Path) -> None:
    written = rightsdata.load().export(tmp_path, "json")
    bundled = datasets_root().joinpath("kazakhstan")
    assert {p.name for p in written} == {e.name for e in bundled.iterdir()}
    for path in written:
        assert path.read_bytes() == bundled.joinpath(path.name).read_bytes(), path.name
    assert rightsdata.load_path(tmp_path) == rightsdata.load()


def test_json_keeps_redirects(tmp_path: Path, with_redirect: Dataset) -> None:
    with_redirect.export(tmp_path, "json")
    assert rightsdata.load_path(tmp_path) == with_redirect


def test_jsonl_loads_back_with_the_same_records(tmp_path: Path, with_redirect: Dataset) -> None:
    (path,) = with_redirect.export(tmp_path, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(with_redirect) + 1
    assert json.loads(lines[0])["$kind"] == "sources"
    assert json.loads(lines[-1]) == {
        "$kind": "redirects",
        "id": "person:v-kozlov",
        "to": "person:vladimir-kozlov",
    }
    back = rightsdata.load_path(path)
    assert back.to_dict() == with_redirect.to_dict()
    assert dict(back.redirects) == dict(with_redirect.redirects)
    # JSON Lines has no place for the data package, so the name and version stay behind.
    assert (back.name, back.version) == (None, None)


# --- csv and the data package ---------------------------------------------------------------


def test_csv_writes_every_table_and_loses_nothing(tmp_path: Path, with_redirect: Dataset) -> None:
    written = with_redirect.export(tmp_path, "csv")
    assert [p.name for p in written] == [f"{name}.csv" for name in TABLES]
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    assert documents == with_redirect.to_dict()
    assert redirects == dict(with_redirect.redirects)
    header = (tmp_path / "events.participants.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "event_id,position,actor,role"


def test_datapackage_rebuilds_to_an_equal_dataset(tmp_path: Path, with_redirect: Dataset) -> None:
    with_redirect.export(tmp_path, "datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    records = {kind: [structure(kind, d) for d in docs] for kind, docs in documents.items()}
    rebuilt = Dataset(
        records,
        name=descriptor["name"],
        version=descriptor["version"],
        redirects=redirects,
    )
    assert rebuilt == with_redirect


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
    figure_citations = tmp_path / "events.figures.citations.csv"
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
    figures = parquet.read_table(tmp_path / "events.figures.parquet").schema
    assert figures.field("low").type == pa.int64()
    cited = parquet.read_table(tmp_path / "citations.parquet").schema
    assert cited.field("fields").type == pa.list_(pa.string())
    # every table, read back, holds the same rows: nothing lost through Arrow either
    back = {}
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


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    target = tmp_path / "out"
    with pytest.raises(MissingExtraError, match=r'pip install "rightsdata\[arrow\]"'):
        rightsdata.load().export(target, "parquet")
    assert not target.exists()  # nothing was written


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="expected one of json, jsonl, csv, datapackage, parquet"):
        export(rightsdata.load(), "/nonexistent", "xlsx")


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
    count = len(list((tmp_path / "out").iterdir()))
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
    assert code == EXIT_USAGE and "not a directory" in err


def test_cli_export_missing_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run(capsys, "export", "--format", "parquet", str(tmp_path / "out"))
    assert code == EXIT_USAGE
    assert 'pip install "rightsdata[arrow]"' in err


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
    assert lines == ["event_id,position,actor,role", "event:a,0,person:a,defendant"]
    bad = write_folder(tmp_path / "bad", {**mine, "persons.json": [person_doc(name=5)]})
    code, _, err = run(capsys, "export", "--data", str(bad), str(tmp_path / "o2"))
    assert code == EXIT_INVALID and "persons.json[0].name" in err
    assert not (tmp_path / "o2").exists()


def test_cli_unknown_format_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "--format", "xlsx", str(tmp_path))
    assert code == EXIT_USAGE and "invalid choice" in err
