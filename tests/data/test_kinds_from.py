"""Every record kind a later format added (``KINDS_FROM``) is held to its format by the entry
alone: an older format's schemas have no schema of it and no ID pattern naming its prefix, the
strategies for readers of an older format draw none of its records nor a reference to one, a
dataset holding one of its records needs that format, one declaring an older format is refused
at each such record (and at the kind's file or list in a file, even empty) in every layout,
by the fast path and the diagnostic one alike, and the writers and the table exports of an
older format leave the kind out.

``KINDS_FROM`` is empty today, so the test runs on made-up entries patched into the map, each
alone, as if format 4 had added the kind: ratings (named by another kind's field, a
statement's ``about``, and with tables of its own lists) and statements (named by statements
alone), each held by the bundled dataset; and on every real entry once there are some. (The
map is patched with ``raising=False``, so that the tests run, and fail, on a rightsdata
without it.)
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import find
from hypothesis.errors import NoSuchExample
from schemagen import _refs, generate

import rightsdata
from rightsdata import KINDS, Dataset, InvalidDataError, schema, testing
from rightsdata._data.canonical import format_folder, render_folder
from rightsdata._model.fields import RecordId, Ref, spec_of
from rightsdata._model.records import RECORD_TYPES
from rightsdata._tables.about import README
from rightsdata._values import format as formats
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.ids import PREFIX_OF_KIND
from rightsdata.tables import TABLES, load_directory

from conftest import ROOT, in_format, kind_named, searching

#: Kinds the bundled dataset holds records of, made format 4's in a test.
MADE_UP: dict[str, formats.FormatVersion] = {"ratings": 4, "statements": 4}


def _clear_caches() -> None:
    """Forget what was made from the map: the strategies, the schemas' validators."""
    for module in (testing, schema):
        for made in vars(module).values():
            if callable(getattr(made, "cache_clear", None)):
                made.cache_clear()


@pytest.fixture(params=[*getattr(formats, "KINDS_FROM", {}), *MADE_UP])
def entry(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A ``KINDS_FROM`` entry: a real one, or a made-up one patched into the map alone."""
    chosen: str = request.param
    real = dict(getattr(formats, "KINDS_FROM", {}))
    patched = {**real, chosen: {**real, **MADE_UP}[chosen]}
    monkeypatch.setattr(formats, "KINDS_FROM", patched, raising=False)
    _clear_caches()
    yield chosen
    monkeypatch.undo()
    _clear_caches()


def _format(kind: str) -> formats.FormatVersion:
    """The format the entry of ``kind`` gives it."""
    added: formats.FormatVersion = formats.KINDS_FROM[kind]
    return added


def _before(format: formats.FormatVersion) -> formats.FormatVersion:
    return formats.READABLE[formats.READABLE.index(format) - 1]


def test_every_entry_names_a_kind_and_a_later_format() -> None:
    for kind, format in formats.KINDS_FROM.items():
        assert kind in KINDS, kind
        assert format in formats.READABLE[1:], (kind, format)


def test_the_format_functions_know_the_models_kinds() -> None:
    """(They read the kinds from ``PREFIX_OF_KIND``, below the model: held to it here.)"""
    assert formats.kinds_in(1) == KINDS == tuple(PREFIX_OF_KIND)
    for kind, cls in RECORD_TYPES.items():
        spec = spec_of(attrs.fields(cls).id)
        assert isinstance(spec, RecordId) and spec.prefixes == (PREFIX_OF_KIND[kind],), kind


def test_an_entry_that_names_no_kind_is_said_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "KINDS_FROM", {"picnics": 4})
    with pytest.raises(ValueError, match="KINDS_FROM names 'picnics', which is no record kind"):
        formats.needed_format({"events": rightsdata.load().events})


# --- the schemas ----------------------------------------------------------------------------

#: An ID pattern's prefixes, as the schemas write them: ``^(?:person|org):...``.
_PREFIXES = re.compile(r"\(\?:([a-z|]+)\):\[a-z0-9\]")


def _prefixes_named(value: Any) -> set[str]:
    """Every prefix an ID pattern in ``value`` (a schema) names."""
    text = json.dumps(value)
    return {p for group in _PREFIXES.findall(text) for p in group.split("|")}


def test_older_formats_schemas_leave_the_kind_out(entry: str) -> None:
    format, prefix = _format(entry), PREFIX_OF_KIND[entry]
    schemas = generate()  # (the generator's, in memory: the files are the real model's)
    on_disk = {
        path.relative_to(ROOT / "schemas").as_posix(): json.loads(path.read_text("utf-8"))
        for path in (ROOT / "schemas").rglob("*.schema.json")
    }
    own = on_disk[formats.schema_file(kind_named(entry))]
    stems = ["common", "redirects", "datapackage", *KINDS]
    for version in formats.SCHEMA_FORMATS:
        names = [formats.schema_file(stem, version) for stem in stems]
        if version >= format:  # (the kind's format and later: as the real model's)
            assert all(schemas[name] == on_disk[name] for name in names), version
            continue
        file = formats.schema_file(kind_named(entry), version)
        assert file not in schemas, version
        names.remove(file)
        # no pattern names the kind's prefix (the real model's name it: the IDs' own)
        assert any(prefix in _prefixes_named(on_disk[name]) for name in names), version
        for name in names:
            assert prefix not in _prefixes_named(schemas[name]), (version, name)
        # the shared definitions only the kind's records use are left out, and no other
        common = formats.schema_file("common", version)
        gone = set(on_disk[common]["$defs"]) - set(schemas[common]["$defs"])
        others = set().union(*(_refs(schemas[name]) for name in names if name != common))
        assert gone <= _refs(own) - others, (version, gone)
        assert set(schemas[common]["$defs"]) >= others


def test_the_schema_functions_have_no_schema_of_the_kind_in_an_older_format(entry: str) -> None:
    format = _format(entry)
    kind = kind_named(entry)
    for call in (schema.load_schema, schema.validator_for):
        with pytest.raises(ValueError, match=f"the record kind '{entry}' is format {format}'s"):
            call(kind, format=_before(format))
    assert schema.load_schema(kind, format=format)["$id"] == formats.schema_id(kind, format)


# --- the strategies -------------------------------------------------------------------------


def _names_prefix(cls: type, prefix: str, seen: frozenset[type] = frozenset()) -> bool:
    """Whether a reference field of ``cls`` (or of a part it holds) may name ``prefix``'s
    records (read from the model here, not from the code under test)."""
    for field in attrs.fields(cls):
        spec = spec_of(field)
        if isinstance(spec, Ref) and not isinstance(spec, RecordId) and prefix in spec.prefixes:
            return True
        nested, _ = nested_part(field_hints(cls)[field.name])
        if (
            nested is not None
            and nested not in seen
            and _names_prefix(nested, prefix, seen | {cls})
        ):
            return True
    return False


def _references(value: Any) -> Iterator[str]:
    """Every ID a record (or part) names in a reference field."""
    for field in attrs.fields(type(value)):
        spec, held = spec_of(field), getattr(value, field.name)
        if isinstance(spec, RecordId) or held is None:
            continue
        if isinstance(spec, Ref):
            yield from held if isinstance(held, tuple) else (held,)
        elif attrs.has(type(held)):
            yield from _references(held)
        elif isinstance(held, tuple):
            for item in held:
                if attrs.has(type(item)):
                    yield from _references(item)


def test_the_strategies_of_the_kinds_records_refuse_an_older_format(entry: str) -> None:
    format = _format(entry)
    older = _before(format)
    said = f"the record kind '{entry}' is format {format}'s"
    with pytest.raises(ValueError, match=said):
        testing.records(kind_named(entry), format=older)
    with pytest.raises(ValueError, match=said):
        getattr(testing, entry)(format=older)
    with pytest.raises(ValueError, match=said):
        testing.citations(RECORD_TYPES[entry], format=older)
    testing.records(kind_named(entry), format=format)  # (its own format's: drawn)


def test_a_dataset_drawn_for_an_older_format_has_no_list_of_the_kind(entry: str) -> None:
    format = _format(entry)

    def holds(documents: dict[str, list[dict[str, Any]]]) -> bool:
        return entry in documents

    find(testing.dataset_documents(1, format=format), holds, settings=searching(10))
    with pytest.raises(NoSuchExample):
        find(testing.dataset_documents(1, format=_before(format)), holds, settings=searching(10))


def test_no_record_drawn_for_an_older_format_names_one_of_the_kind(entry: str) -> None:
    """(A statement's ``about`` may name a record of any kind: for an older format, not one
    of a kind it does not have. A kind no other kind's field names has nothing to search.)"""
    format = _format(entry)
    prefix = PREFIX_OF_KIND[entry]

    def named(record: Any) -> bool:
        return any(i.startswith(f"{prefix}:") for i in _references(record))

    for kind in KINDS:
        if kind == entry or not _names_prefix(RECORD_TYPES[kind], prefix):
            continue
        find(testing.records(kind_named(kind), format=format), named, settings=searching(300))
        with pytest.raises(NoSuchExample):
            find(
                testing.records(kind_named(kind), format=_before(format)),
                named,
                settings=searching(_SEARCHED),
            )


#: How many records a search for a reference the strategies should not draw looks at: where
#: the strategies drew them, a statement's ``about`` named a rating in the 32nd draw, and 9
#: times in 300.
_SEARCHED = 150


# --- a dataset holding the kind -------------------------------------------------------------


def _documents(kind: str, *, keep: bool = True) -> dict[str, list[dict[str, Any]]]:
    """The bundled dataset's records as JSON, as the format before ``kind``'s can hold them
    but for ``kind`` (so that its records alone need its format): with them if ``keep``, else
    without them and without the references to them."""
    documents: dict[str, list[dict[str, Any]]] = in_format(
        rightsdata.load().to_dict(), _before(_format(kind))
    )
    if keep:
        return documents
    dropped = {document["id"] for document in documents.pop(kind)}
    kept: dict[str, list[dict[str, Any]]] = json.loads(
        json.dumps(documents), object_hook=lambda d: _unnamed(d, dropped)
    )
    return kept


def _unnamed(document: dict[str, Any], dropped: set[str]) -> dict[str, Any]:
    """``document`` (a record or part) without the IDs ``dropped`` in its lists."""
    return {
        key: [item for item in value if not (type(item) is str and item in dropped)]
        if isinstance(value, list)
        else value
        for key, value in document.items()
    }


def test_a_dataset_holding_the_kind_needs_its_format(entry: str) -> None:
    format = _format(entry)
    using = rightsdata.load_documents(_documents(entry))
    records: dict[str, Any] = {kind: getattr(using, kind) for kind in KINDS}
    assert records[entry]
    assert formats.needed_format(records) == using.format == format
    assert formats.lowest_format(records) == format
    without = rightsdata.load_documents(_documents(entry, keep=False))
    assert without.format < format
    # declaring the format before it is refused, at each record of the kind and only there
    problems = formats.format_problems(records, _before(format), "datapackage.json")
    assert [(p.kind, p.record_id, p.field) for p in problems] == [
        (entry, record.id, None)
        for record in records[entry]  # (the whole record)
    ]
    said = (
        f"the record kind '{entry}' needs format {format}, and the dataset declares format "
        f"{_before(format)}: set rightsdata_format to {format} in datapackage.json"
    )
    assert all(p.message.startswith(said) for p in problems), problems[0].message
    assert not formats.format_problems(records, format, "datapackage.json")
    # so is a Dataset given a descriptor that declares it
    with pytest.raises(InvalidDataError) as raised:
        Dataset(records, descriptor={"rightsdata_format": _before(format)})
    assert {p.location.partition("[")[0] for p in raised.value.problems} == {entry}


def _layouts(tmp_path: Path, documents: dict[str, list[Any]], declared: int) -> dict[str, Path]:
    """``documents`` as a folder (its ``datapackage.json`` as the writers write it, but
    declaring ``declared``), a JSON document and JSON Lines, each carrying a descriptor that
    declares it."""
    folder = tmp_path / "folder"
    folder.mkdir(parents=True)
    files = render_folder(rightsdata.load_documents(documents), hashes=False)
    for kind in documents:  # (a kind's empty list too, which no writer writes)
        files.setdefault(formats.kind_file(kind), "[]\n")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    package = json.loads(files[formats.DESCRIPTOR])
    package[formats.FORMAT_KEY] = declared
    (folder / formats.DESCRIPTOR).write_text(json.dumps(package), encoding="utf-8")
    descriptor = {"name": "x", formats.FORMAT_KEY: declared}
    document = tmp_path / "all.json"
    document.write_text(json.dumps({"datapackage": descriptor, **documents}), encoding="utf-8")
    lines = tmp_path / "all.jsonl"
    written = [{"$kind": "datapackage", **descriptor}] + [
        {"$kind": kind, **record} for kind, listed in documents.items() for record in listed
    ]
    lines.write_text("".join(json.dumps(r) + "\n" for r in written), encoding="utf-8")
    return {"folder": folder, "document": document, "lines": lines}


def _told(path: Path) -> list[rightsdata.Problem]:
    """Every problem of ``path``, the fast path's and the diagnostic path's alike (the
    schemas' check reads each record on the diagnostic path), and the first of them under
    ``max_problems=1``."""
    found = rightsdata.validate(path)
    assert found == rightsdata.validate(path, schema=True)
    assert rightsdata.validate(path, max_problems=1) == found[:1]
    assert rightsdata.validate(path, schema=True, max_problems=1) == found[:1]
    return found


def test_every_layout_refuses_the_kind_under_an_older_format(entry: str, tmp_path: Path) -> None:
    format = _format(entry)
    older = _before(format)
    documents = _documents(entry)
    ids = [record["id"] for record in documents[entry]]
    for layout, path in _layouts(tmp_path, documents, older).items():
        problems = _told(path)
        file = f"{entry}.json" if layout == "folder" else path.name
        assert [(p.file, p.kind, p.record_id, p.field) for p in problems] == [
            (file, entry, record_id, None) for record_id in ids
        ], layout
        assert all(
            f"the record kind '{entry}' needs format {format}, and the dataset declares format "
            f"{older}" in p.message
            for p in problems
        ), problems[0].message
        assert all(p.line for p in problems) if layout == "lines" else True
    # the folder's advice is fmt --upgrade, which declares the format and loads
    folder = tmp_path / "folder"
    (problem, *_) = rightsdata.validate(folder)
    assert problem.message.endswith(
        f"run `rightsdata fmt --upgrade {shlex.quote(str(folder))}`, which declares format "
        f"{format} in datapackage.json (readers of formats 1-{older} cannot read it)"
    )
    format_folder(folder, upgrade=True)
    assert rightsdata.load_path(folder).format == format
    # the documents given in Python too, under a descriptor that declares it, by both paths
    for schema_check in (False, True):
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_documents(
                documents, descriptor={formats.FORMAT_KEY: older}, schema=schema_check
            )
        assert [p.location for p in raised.value.problems] == [
            f"documents:{entry}[{n}] {record_id}" for n, record_id in enumerate(ids)
        ]
    # under the kind's format, and where none is declared, every layout loads it
    for path in _layouts(tmp_path / "newer", documents, format).values():
        assert rightsdata.validate(path) == []


def test_an_empty_list_of_the_kind_in_a_file_is_refused_under_an_older_format(
    entry: str, tmp_path: Path
) -> None:
    """A reader of the older format refuses the kind's file or key whatever it holds, as an
    unknown one; the documents given in Python are read (``to_dict`` gives every kind)."""
    format = _format(entry)
    older = _before(format)
    documents = {**_documents(entry, keep=False), entry: []}
    paths = _layouts(tmp_path, documents, older)
    folder = paths["folder"]
    assert json.loads((folder / f"{entry}.json").read_text(encoding="utf-8")) == []
    said = (
        f"the record kind '{entry}', even with no records, needs format {format}, and the "
        f"dataset declares format {older}: "
    )
    (problem,) = _told(folder)
    assert (problem.location, problem.file) == (f"{entry}.json", f"{entry}.json")
    assert problem.message == said + (
        f"run `rightsdata fmt --upgrade {shlex.quote(str(folder))}`, which declares format "
        f"{format} in datapackage.json (readers of formats 1-{older} cannot read it)"
    )
    (alone,) = rightsdata.validate(folder / f"{entry}.json")  # (the kind's file given alone)
    assert alone.location == f"{entry}.json" and alone.message.startswith(said)
    (problem,) = _told(paths["document"])
    assert problem.location == f"all.json:{entry}" and problem.message.startswith(said)
    assert rightsdata.validate(paths["lines"]) == []  # (no line: no list of the kind)
    loaded = rightsdata.load_documents(documents, descriptor={formats.FORMAT_KEY: older})
    assert loaded.format == older
    # fmt --upgrade keeps the file, and declares the format that has it
    format_folder(folder, upgrade=True)
    assert (folder / f"{entry}.json").exists()
    assert rightsdata.load_path(folder).format == format


# --- the writers ----------------------------------------------------------------------------


def test_the_writers_leave_the_kind_out_of_an_older_format(entry: str, tmp_path: Path) -> None:
    format = _format(entry)
    older = _before(format)
    without = rightsdata.load_documents(
        _documents(entry, keep=False), name="x", descriptor={"title": "X"}
    )
    assert without.to_dict()[entry] == []  # (Python's: every kind)
    for files in (render_folder(without), render_folder(without, format=older)):
        package = json.loads(files[formats.DESCRIPTOR])
        assert package[formats.FORMAT_KEY] == older
        assert f"{entry}.json" not in files
        assert entry not in {resource["name"] for resource in package["resources"]}
    for layout in ("json", "document", "jsonl"):
        written = without.export(tmp_path / layout, layout)
        assert f"{entry}.json" not in {path.name for path in written}, layout
        if layout == "document":
            (path,) = written
            assert entry not in json.loads(path.read_text(encoding="utf-8"))
        assert rightsdata.load_path(written[0].parent if layout == "json" else written[0]) == (
            without
        )
    # the dataset holding the kind: its format, its file, its schema
    using = rightsdata.load_documents(_documents(entry))
    files = render_folder(using)
    package = json.loads(files[formats.DESCRIPTOR])
    assert package[formats.FORMAT_KEY] == format and f"{entry}.json" in files
    (resource,) = (r for r in package["resources"] if r["name"] == entry)
    assert resource["schema"] == formats.schema_id(kind_named(entry), format)


def _kind_tables(kind: str) -> set[str]:
    """The tables of ``kind`` alone: its own and those of its lists."""
    return {name for name, table in TABLES.items() if table.kinds == (kind,)}


def test_the_table_exports_of_an_older_format_leave_the_kind_out(
    entry: str, tmp_path: Path
) -> None:
    format = _format(entry)
    older = _before(format)
    prefix = PREFIX_OF_KIND[entry]
    own = _kind_tables(entry)
    assert entry in own
    without = rightsdata.load_documents(_documents(entry, keep=False))
    written = {p.name for p in without.export(tmp_path / "package", "datapackage")}
    assert not {f"{name}.csv" for name in own} & written
    package = json.loads((tmp_path / "package" / "datapackage.json").read_text("utf-8"))
    assert package[formats.FORMAT_KEY] == older
    resources = {resource["name"]: resource["schema"] for resource in package["resources"]}
    assert set(resources) == set(TABLES) - own
    for name, table_schema in resources.items():
        assert prefix not in _prefixes_named(table_schema), name
        for key in table_schema.get("foreignKeys", ()):
            assert key["reference"].get("resource", name) in resources, (name, key)
    (kinds,) = (f for f in resources["records"]["fields"] if f["name"] == "kind")
    assert kinds["constraints"]["enum"] == [k for k in KINDS if k != entry]
    assert load_directory(tmp_path / "package") == without
    csv = {p.name for p in without.export(tmp_path / "csv", "csv")}
    assert csv == {f"{name}.csv" for name in TABLES if name not in own} | {README}
    # the dataset holding the kind: every table, the kind's among the records'
    using = rightsdata.load_documents(_documents(entry))
    written = {p.name for p in using.export(tmp_path / "newer", "datapackage")}
    assert {f"{name}.csv" for name in TABLES} <= written
    package = json.loads((tmp_path / "newer" / "datapackage.json").read_text("utf-8"))
    assert package[formats.FORMAT_KEY] == format


def test_a_parquet_export_of_an_older_format_leaves_the_kind_out(
    entry: str, tmp_path: Path
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    own = _kind_tables(entry)
    without = rightsdata.load_documents(_documents(entry, keep=False))
    written = {p.name for p in without.export(tmp_path, "parquet")}
    assert written == {f"{name}.parquet" for name in TABLES if name not in own}
    records = parquet.read_table(tmp_path / "records.parquet")
    about = json.loads(records.schema.metadata[b"rightsdata"])
    assert about[formats.FORMAT_KEY] == _before(_format(entry))
    assert PREFIX_OF_KIND[entry] not in _prefixes_named(about["schema"])
