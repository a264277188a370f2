"""A JSON Lines file or JSON document that carries its descriptor (format 3): the first line
``{"$kind": "datapackage", ...}``, or the document's ``"datapackage"`` key. Written by the
JSON Lines export, read by the fast and the diagnostic path alike, checked as
``datapackage.json`` is, and located."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import rightsdata
from rightsdata import Dataset, DatasetVersionError, InvalidDataError, ProblemCode
from rightsdata._data.canonical import embedded_descriptor
from rightsdata._data.packagemeta import package_metadata
from rightsdata._values.format import FORMAT, READABLE
from rightsdata._values.names import FormatName
from rightsdata.testing import datasets

from conftest import bundled_dataset_in_format

_ONE_OF = "[2012-01-26..2012-10-08]"


def _no_diagnostic_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the diagnostic path was used")

    monkeypatch.setattr("rightsdata._validation.convert.structure_many", refuse)


def _both_paths(path: Path, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """``path`` loaded on the fast path (the diagnostic one forbidden) and on the diagnostic
    one (``schema=True``), which must agree."""
    with monkeypatch.context() as patched:
        _no_diagnostic_path(patched)
        fast = rightsdata.load_path(path)
    slow = rightsdata.load_path(path, schema=True)
    assert slow == fast and slow.descriptor == fast.descriptor
    return fast


def _descriptor_fields(dataset: Dataset) -> dict[str, Any]:
    """What a one-file layout carries of ``dataset``'s descriptor: all but the resources."""
    own = dataset.descriptor or {}
    return {key: value for key, value in own.items() if key != "resources"}


def _document(dataset: Dataset) -> dict[str, Any]:
    """``dataset`` as one JSON document carrying its descriptor."""
    return {
        "datapackage": embedded_descriptor(dataset),
        **dataset.to_dict(),
        "redirects": [{"id": old, "to": new} for old, new in sorted(dataset.redirects.items())],
    }


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_lines(path: Path, values: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(v) + "\n" for v in values), encoding="utf-8")
    return path


# --- round trips ----------------------------------------------------------------------------


def test_a_json_lines_export_reads_back_with_its_name_version_and_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = rightsdata.load()
    (path,) = dataset.export(tmp_path, "jsonl")
    first = _lines(path)[0]
    # (the lowest format its data needs: some of its figures say what they count)
    assert first["$kind"] == "datapackage" and first["rightsdata_format"] == 4
    back = _both_paths(path, monkeypatch)
    assert (back.name, back.version) == (dataset.name, dataset.version)
    assert back == dataset and back.to_dict() == dataset.to_dict()
    assert back.redirects == dataset.redirects
    assert back.descriptor == {**_descriptor_fields(dataset), "rightsdata_format": 4}
    assert back.format == 4
    assert back.citation == dataset.citation  # (licence, contributors, sources: all there)
    # and written again, the same file
    (again,) = back.export(tmp_path / "again", "jsonl")
    assert again.read_bytes() == path.read_bytes()


def test_a_json_document_with_its_descriptor_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = rightsdata.load()
    path = tmp_path / "all.json"
    path.write_text(json.dumps(_document(dataset)), encoding="utf-8")
    back = _both_paths(path, monkeypatch)
    assert back == dataset and (back.name, back.version) == (dataset.name, dataset.version)
    assert back.descriptor == {**_descriptor_fields(dataset), "rightsdata_format": 4}
    assert back.redirects == dataset.redirects


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_per_kind=2))
def test_any_dataset_round_trips_through_every_layout_that_keeps_it_whole(
    dataset: Dataset,
) -> None:
    # datasets() draws a name, version, descriptor (with contributors and sources of its own)
    # and redirects too, each in some draws: a layout that lost one would not give back an
    # equal dataset, or the same citation
    # (the descriptor's own sources come after the source records', in the files too)
    written = package_metadata(dataset)["sources"]
    records = {name for s in dataset.sources for name in (s.title, s.url) if name is not None}
    for own in (dataset.descriptor or {}).get("sources", []):
        # kept, unless it names a source record by title or path: that record's entry stands
        # for it (as an earlier export's entry, read back, must not be listed twice)
        named = {own.get("title"), own.get("path")} - {None}
        assert own in written or named & records, own
    layouts: tuple[tuple[FormatName, str | None], ...] = (
        ("json", None),
        ("document", "dataset.json"),
        ("jsonl", "records.jsonl"),
    )
    for layout, file in (*layouts, ("datapackage", None)):
        with tempfile.TemporaryDirectory() as folder:
            dataset.export(folder, layout)
            path = Path(folder) / file if file else Path(folder)
            for slow in (False, True):
                if layout == "datapackage":  # (the tables, and datapackage.json's descriptor)
                    back = _from_tables(Path(folder), strict=False)
                else:
                    back = rightsdata.load_path(path, schema=slow)
                assert back == dataset, layout
                assert (back.name, back.version) == (dataset.name, dataset.version)
                assert back.redirects == dataset.redirects
                assert back.citation == dataset.citation
                for key in ("title", "licenses", "contributors"):
                    if dataset.descriptor is not None and key in dataset.descriptor:
                        assert back.descriptor is not None
                        assert back.descriptor[key] == dataset.descriptor[key]
                assert package_metadata(back)["sources"] == written


def _from_tables(folder: Path, strict: bool) -> Dataset:
    """A ``datapackage`` export read back as docs/exports.md shows: the tables' rows as
    documents, under its ``datapackage.json`` (less the resources) as the descriptor."""
    from rightsdata.tables import documents_from_rows, read_directory

    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package.pop("resources")
    documents, redirects = documents_from_rows(read_directory(folder))
    return rightsdata.load_documents(
        documents, redirects=redirects, descriptor=package, strict=strict
    )


def test_a_dataset_without_name_version_or_descriptor_writes_no_descriptor_line(
    tmp_path: Path,
) -> None:
    nameless = rightsdata.load_documents(rightsdata.load().to_dict())
    (path,) = nameless.export(tmp_path, "jsonl")
    assert _lines(path)[0]["$kind"] == "sources"  # readable by the releases of formats 1-2
    back = rightsdata.load_path(path)
    assert (back.name, back.version, back.descriptor) == (None, None, None)
    assert embedded_descriptor(nameless) is None


def test_a_name_given_to_the_dataset_is_carried_with_its_descriptor() -> None:
    dataset = Dataset({}, name="mine", version="0.1.0", descriptor={"title": "T", "name": "x"})
    carried = embedded_descriptor(dataset)
    assert carried is not None
    assert (carried["name"], carried["version"], carried["title"]) == ("mine", "0.1.0", "T")


@pytest.mark.parametrize("declared", [1, 3, FORMAT, FORMAT + 1])
def test_every_writer_declares_the_format_it_writes_not_the_one_declared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declared: int
) -> None:
    # a writer declares the lowest format its data needs (rightsdata._values.format): the
    # newest (FORMAT) is one a dataset may declare and its data not need (no figure's of),
    # FORMAT + 1 stands for a newer one (the JSON Lines export kept any declared format above 3)
    from rightsdata._validation import descriptor as checker

    # (a release that reads FORMAT + 1 has a descriptor schema that takes it)
    newer = checker.load_schema()
    newer = {**newer, "properties": {**newer["properties"]}}
    taken = {"type": "integer", "minimum": 1, "maximum": FORMAT + 1}
    newer["properties"]["rightsdata_format"] = taken
    monkeypatch.setattr(checker, "load_schema", lambda: newer)
    monkeypatch.setattr(checker, "READABLE", (*READABLE, FORMAT + 1))
    plain = bundled_dataset_in_format(2)
    dataset = Dataset(
        {kind: list(plain.collection(kind)) for kind in rightsdata.KINDS},
        name=plain.name,
        version=plain.version,
        descriptor={**(plain.descriptor or {}), "rightsdata_format": declared},
    )
    assert dataset.format == declared
    (path,) = dataset.export(tmp_path / "jsonl", "jsonl")
    assert _lines(path)[0]["rightsdata_format"] == 3  # (a carried descriptor needs 3)
    dataset.export(tmp_path / "json", "json")
    dataset.export(tmp_path / "tables", "datapackage")
    for folder in ("json", "tables"):
        package = json.loads((tmp_path / folder / "datapackage.json").read_text(encoding="utf-8"))
        assert package["rightsdata_format"] == 2, folder


def test_an_empty_named_dataset_is_its_descriptor_line_alone(tmp_path: Path) -> None:
    empty = Dataset({}, name="empty", version="1.0.0")
    (path,) = empty.export(tmp_path, "jsonl")
    assert [line["$kind"] for line in _lines(path)] == ["datapackage"]
    back = rightsdata.load_path(path)
    assert (back.name, back.version, len(back)) == ("empty", "1.0.0", 0)


# --- version= -------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["jsonl", "document"])
def test_load_path_checks_the_version_a_one_file_layout_carries(
    tmp_path: Path, layout: str
) -> None:
    dataset = rightsdata.load()
    if layout == "jsonl":
        (path,) = dataset.export(tmp_path, "jsonl")
    else:
        path = tmp_path / "all.json"
        path.write_text(json.dumps(_document(dataset)), encoding="utf-8")
    major = str(dataset.version).split(".")[0]
    assert rightsdata.load_path(path, version=major) == dataset
    with pytest.raises(DatasetVersionError) as info:
        rightsdata.load_path(path, version=str(int(major) + 1))
    assert info.value.found == dataset.version


def test_a_folder_written_from_json_lines_is_the_folder_it_came_from(tmp_path: Path) -> None:
    # the descriptor a line carried is written back in canonical form: byte for byte the
    # bundled folder's files, rightsdata_format last (it came before the resources)
    bundled = rightsdata.load()
    (path,) = bundled.export(tmp_path / "lines", "jsonl")
    rightsdata.load_path(path).export(tmp_path / "again", "json")
    bundled.export(tmp_path / "direct", "json")
    names = sorted(p.name for p in (tmp_path / "direct").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "again").iterdir())
    for name in names:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes()


# --- problems, located ----------------------------------------------------------------------


def _records(tmp_path: Path) -> list[dict[str, Any]]:
    """The bundled dataset's JSON Lines, without their descriptor line, with its sets made
    intervals and its figures' of left out (so that they are read under any format a test's
    descriptor declares)."""
    (path,) = bundled_dataset_in_format(2).export(tmp_path / "records", "jsonl")
    return _lines(path)[1:]


def _problems(path: Path) -> list[tuple[str, str, str | None, int | None]]:
    """Every problem of ``path``, by the fast path's caller and the diagnostic path alike."""
    found = rightsdata.validate(path)
    assert found == rightsdata.validate(path, schema=True)
    return [(p.location, p.code, p.file, p.line) for p in found]


def test_a_descriptor_line_is_checked_as_datapackage_json_is(tmp_path: Path) -> None:
    records = _records(tmp_path)
    descriptor = {
        "$kind": "datapackage",
        "name": "x",
        "version": 3,
        "licenses": 5,
        "email": "someone@example.org",
    }
    path = _write_lines(tmp_path / "data.jsonl", [descriptor, *records])
    assert _problems(path) == [
        ("data.jsonl:1 datapackage.version", ProblemCode.PACKAGE, "data.jsonl", 1),
        ("data.jsonl:1 datapackage.licenses", ProblemCode.PACKAGE, "data.jsonl", 1),
        ("data.jsonl:1 datapackage.email", ProblemCode.UNKNOWN_FIELD, "data.jsonl", 1),
    ]


def test_a_descriptor_key_of_a_document_is_checked_and_located(tmp_path: Path) -> None:
    newer = FORMAT + 1  # (a format no release reads yet)
    documents: dict[str, Any] = {"datapackage": {"name": "", "rightsdata_format": newer}}
    documents.update(rightsdata.load().to_dict())
    path = tmp_path / "all.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    found = rightsdata.validate(path)
    assert [(p.location, p.code, p.file) for p in found] == [
        ("all.json:datapackage.name", ProblemCode.PACKAGE, "all.json"),
        # (an empty name does not hide the format this rightsdata cannot read)
        ("all.json:datapackage.rightsdata_format", ProblemCode.NEWER_FORMAT, "all.json"),
    ]
    documents["datapackage"] = {"name": "x", "rightsdata_format": newer}
    path.write_text(json.dumps(documents), encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert str(problem) == (
        f"all.json:datapackage.rightsdata_format: format {newer} is newer than this rightsdata "
        f"reads (formats {READABLE[0]}-{READABLE[-1]}); upgrade rightsdata"
    )
    documents["datapackage"] = ["x"]
    path.write_text(json.dumps(documents), encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert str(problem) == "all.json:datapackage: expected an object, got a list"


@pytest.mark.parametrize("layout", ["jsonl", "document"])
def test_a_carried_descriptor_lists_no_resources(tmp_path: Path, layout: str) -> None:
    dataset = rightsdata.load()
    descriptor = dataset.descriptor
    assert descriptor is not None and descriptor["resources"]
    if layout == "jsonl":
        path = _write_lines(
            tmp_path / "data.jsonl",
            [{"$kind": "datapackage", **descriptor}, *_records(tmp_path)],
        )
        where, line = "data.jsonl:1 datapackage.resources", 1
    else:
        path = tmp_path / "all.json"
        path.write_text(json.dumps({"datapackage": descriptor, **dataset.to_dict()}), "utf-8")
        where, line = "all.json:datapackage.resources", None
    (problem,) = rightsdata.validate(path)
    assert (problem.location, problem.code, problem.line) == (where, ProblemCode.PACKAGE, line)
    assert "leave resources out" in problem.message


def test_a_descriptor_line_is_the_first_line_and_only_one(tmp_path: Path) -> None:
    records = _records(tmp_path)
    descriptor = {"$kind": "datapackage", "name": "x"}
    path = _write_lines(tmp_path / "data.jsonl", [records[0], descriptor, *records[1:]])
    assert _problems(path) == [("data.jsonl:2 datapackage", ProblemCode.PACKAGE, "data.jsonl", 2)]
    path = _write_lines(tmp_path / "data.jsonl", [descriptor, *records, descriptor])
    last = len(records) + 2
    assert _problems(path) == [
        (f"data.jsonl:{last} datapackage", ProblemCode.PACKAGE, "data.jsonl", last)
    ]
    (problem,) = rightsdata.validate(path)
    assert "is the file's first line, and only there" in problem.message


def test_a_descriptor_line_may_hold_its_kind_anywhere_on_the_diagnostic_path(
    tmp_path: Path,
) -> None:
    records = _records(tmp_path)
    descriptor = {"name": "x", "version": "1.0.0", "$kind": "datapackage"}
    path = _write_lines(tmp_path / "data.jsonl", [descriptor, *records])
    loaded = rightsdata.load_path(path)
    assert (loaded.name, loaded.version) == ("x", "1.0.0")


@pytest.mark.parametrize("declared", [None, 2])
@pytest.mark.parametrize("layout", ["jsonl", "document"])
def test_a_set_under_a_carried_descriptor_declaring_an_older_format_is_refused(
    tmp_path: Path, layout: str, declared: int | None
) -> None:
    documents = bundled_dataset_in_format(2).to_dict()
    event = next(e for e in documents["events"] if e.get("date") == "2012-01-26/2012-10-08")
    event["date"] = _ONE_OF
    descriptor: dict[str, Any] = {"name": "x"}
    if declared is not None:
        descriptor["rightsdata_format"] = declared
    if layout == "jsonl":
        path = _write_lines(
            tmp_path / "data.jsonl",
            [{"$kind": "datapackage", **descriptor}]
            + [{"$kind": kind, **doc} for kind, docs in documents.items() for doc in docs],
        )
        where = "data.jsonl:1 datapackage"
    else:
        path = tmp_path / "all.json"
        path.write_text(json.dumps({"datapackage": descriptor, **documents}), encoding="utf-8")
        where = "all.json:datapackage"
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(path)
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == (event["id"], "date")
    assert problem.message.endswith(
        f"declares {f'format {declared}' if declared else 'no format (so format 1)'}: "
        f"set rightsdata_format to 3 in {where} "
        "(readers of formats 1-2 cannot read it)"
    )
    # with the schemas, those of the format declared (format 2's: no sets) refuse it too;
    # the problem is reported once, in the model's words, which say what to do
    assert [(p.location, p.code) for p in rightsdata.validate(path, schema=True)] == [
        (problem.location, ProblemCode.VALUE),
    ]
    descriptor["rightsdata_format"] = 3  # declared as format 3, it loads
    if layout == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[0] = json.dumps({"$kind": "datapackage", **descriptor})
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps({"datapackage": descriptor, **documents}), encoding="utf-8")
    assert rightsdata.load_path(path).format == 3
    assert rightsdata.load_path(path, schema=True).format == 3


def test_the_fast_path_passes_a_bad_descriptor_to_the_diagnostic_one(tmp_path: Path) -> None:
    """A descriptor line as the library writes it, but not valid: the fast path cannot
    vouch for it, and the diagnostic path locates its problem."""
    (path,) = rightsdata.load().export(tmp_path, "jsonl")
    text = path.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    bad = first.replace('"rightsdata_format": 4', '"rightsdata_format": 4, "resources": []')
    assert bad != first
    path.write_text(bad + "\n" + rest, encoding="utf-8")
    (problem,) = rightsdata.validate(path)
    assert problem.location == f"{path.name}:1 datapackage.resources"
    # a repeated key in the descriptor line: the whole line's syntax, located at line 1
    path.write_text(first.replace("{", '{"name": "a", ', 1) + "\n" + rest, encoding="utf-8")
    problems = rightsdata.validate(path)
    assert [(p.line, p.code) for p in problems] == [(1, ProblemCode.SYNTAX)]
