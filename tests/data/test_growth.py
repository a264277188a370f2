"""A format that can grow: optional fields may be left out, old formats load, constructors
convert and refuse what the loader refuses, and a Python-built record is a real record."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import rightsdata
from rightsdata._data.canonical import dumps, format_folder, with_every_field
from rightsdata._data.loading import read_folder
from rightsdata._model.records import RECORD_TYPES, Citation, Event, Penalty, Person
from rightsdata._validation import fastpath as fastpath
from rightsdata._validation.convert import structure, unstructure
from rightsdata._values import format as _format
from rightsdata._values.errors import FieldError, InvalidDataError

from conftest import ROOT, bundled_dataset_in_format, bundled_in_format, in_format

CITES = (Citation(source="source:a"),)


def test_a_person_needs_only_its_required_fields() -> None:
    person = Person(id="person:a", name="A. Person", citations=CITES)
    assert person.aliases == () and person.born is None and person.inferred == ()


def test_constructors_convert_lists_dates_durations_and_terms() -> None:
    person = Person(id="person:a", name="A", born="1960-08", aliases=[], citations=list(CITES))  # type: ignore[arg-type]
    assert type(person.born) is rightsdata.EDTF and str(person.born) == "1960-08"
    assert person.aliases == () and type(person.citations) is tuple
    hash(person)  # a list would have made it unhashable
    event = Event(
        id="event:a",
        kind="trial",  # type: ignore[arg-type]
        title="A trial",
        penalty=Penalty(kind="imprisonment", term="P7Y6M"),  # type: ignore[arg-type]
        citations=CITES,
    )
    assert event.kind is rightsdata.vocab.EventKind.TRIAL
    assert event.penalty is not None and event.penalty.term == rightsdata.parse_duration("P7Y6M")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"born": "2020-13"}, "born"),
        ({"born": 2020}, "born"),
        ({"aliases": "A"}, "aliases"),
        ({"country": "kz"}, "country"),
        ({"citations": [{"source": "source:a"}]}, "citations[0]"),
    ],
)
def test_a_constructor_refuses_with_the_loaders_words(fields: dict[str, Any], field: str) -> None:
    document = {"id": "person:a", "name": "A", "citations": [{"source": "source:a"}], **fields}
    arguments = {"id": "person:a", "name": "A", "citations": CITES, **fields}
    with pytest.raises(FieldError) as raised:
        Person(**arguments)
    assert raised.value.field == field
    if field != "citations[0]":  # (a JSON object is what the loader expects there)
        with pytest.raises(InvalidDataError) as loaded:
            structure("persons", document, "persons.json[0]")
        (problem,) = loaded.value.problems
        assert problem.location == f"persons.json[0] person:a.{field}"
        assert problem.message == raised.value.message


def test_attrs_evolve_converts_and_checks_too() -> None:
    person = Person(id="person:a", name="A", citations=CITES)
    assert str(attrs.evolve(person, born="1999").born) == "1999"  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        attrs.evolve(person, name=" A")


def test_counts_are_bounded_to_what_every_table_holds() -> None:
    from rightsdata._model.fields import COUNT_MAX
    from rightsdata._model.records import Figure
    from rightsdata.vocab import FigureQualifier, FigureUnit, Measure

    def figure(best: int) -> Figure:
        return Figure(
            measure=Measure.KILLED,
            unit=FigureUnit.PEOPLE,
            best=best,
            qualifier=FigureQualifier.EXACT,
            citations=CITES,
        )

    assert figure(COUNT_MAX).best == COUNT_MAX
    with pytest.raises(FieldError, match="largest count"):
        figure(COUNT_MAX + 1)


def _bundled() -> Path:
    from rightsdata._values.resources import datasets_root

    return Path(str(datasets_root() / "kazakhstan"))


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "kz"
    shutil.copytree(_bundled(), folder)
    return folder


def _copy_in_format_2(tmp_path: Path) -> Path:
    """The bundled folder with its sets replaced by intervals and its figures' ``of`` left
    out: format 2 (1 once its descriptor's format is removed). The bundled dataset itself is
    format 4 (its figures' ``of``), and format 3 without them (its sets)."""
    return bundled_in_format(tmp_path / "kz", 2)


def _no_diagnostic_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the diagnostic path was used")

    monkeypatch.setattr("rightsdata._validation.convert.structure_many", refuse)


def test_every_format_loads_equal_and_on_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # format 4: the bundled folder, whose figures include some with of
    with monkeypatch.context() as patched:
        _no_diagnostic_path(patched)
        bundled = rightsdata.load_path(_copy(tmp_path / "4"))
    assert bundled.format == 4 and bundled == rightsdata.load()
    # format 3: the same data without of (format 3 cannot hold it); its dates include sets
    with monkeypatch.context() as patched:
        _no_diagnostic_path(patched)
        sets = rightsdata.load_path(bundled_in_format(tmp_path / "3", 3))
    assert sets.format == 3 and sets == bundled_dataset_in_format(3)
    # formats 1 and 2: the same data with its sets replaced too (neither format can hold one)
    folder = _copy_in_format_2(tmp_path)
    as_format: dict[int, rightsdata.Dataset | None] = {1: None, 2: None}
    for version in (1, 2):
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        if version == 1:
            descriptor.pop(_format.FORMAT_KEY, None)
            (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        format_folder(folder, upgrade=version == 2)
        text = (folder / "events.json").read_text(encoding="utf-8")
        assert ('"part_of": null' in text) == (version == 1)
        with monkeypatch.context() as patched:
            _no_diagnostic_path(patched)
            as_format[version] = rightsdata.load_path(folder)
    assert as_format[1] == as_format[2] == bundled_dataset_in_format(2)
    assert [d.format for d in as_format.values() if d is not None] == [1, 2]


def test_fmt_keeps_a_format_1_folder_in_format_1_and_upgrade_moves_it(tmp_path: Path) -> None:
    folder = _copy_in_format_2(tmp_path)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.pop(_format.FORMAT_KEY, None)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    format_folder(folder)
    assert _format.FORMAT_KEY not in (folder / "datapackage.json").read_text(encoding="utf-8")
    assert '"inferred": []' in (folder / "persons.json").read_text(encoding="utf-8")
    assert format_folder(folder, check=True) == []
    format_folder(folder, upgrade=True)
    upgraded = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert upgraded[_format.FORMAT_KEY] == 2  # the lowest the data needs: no date is a set
    assert '"inferred": []' not in (folder / "persons.json").read_text(encoding="utf-8")
    assert format_folder(folder, check=True) == []


def test_fmt_creates_no_file_that_was_not_there(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    source = {"id": "source:a", "title": "A", "kind": "report", "language": "en"}
    (folder / "sources.json").write_text(json.dumps([source]), encoding="utf-8")
    format_folder(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "sources.json"]


def test_a_file_may_leave_optional_fields_out_and_the_fast_path_takes_it() -> None:
    data = json.dumps(
        [{"id": "person:a", "name": "A", "citations": [{"source": "source:a"}]}]
    ).encode()
    (person,) = fastpath.decode_with_ids("persons", data)[0]
    assert person == Person(id="person:a", name="A", citations=CITES)


@pytest.mark.parametrize(
    "extra",
    ['"shoe_size": null', '"born": null, "born": null', '"aliases": [], "aliases": []'],
)
def test_an_unknown_or_repeated_key_is_still_caught_when_fields_are_left_out(extra: str) -> None:
    data = (
        '[{"id": "person:a", "name": "A", ' + extra + ', "citations": [{"source": "source:a"}]}]'
    ).encode()
    with pytest.raises(fastpath.FastPathError):
        fastpath.decode_with_ids("persons", data)[0]


def test_canonical_form_round_trips_exactly() -> None:
    for record in rightsdata.load():
        kind = type(record).kind_name
        assert kind in rightsdata.KINDS
        document = unstructure(record)
        assert unstructure(structure(kind, document)) == document
        full = with_every_field(type(record), document)
        assert structure(kind, full) == record


def test_concepts_gives_the_bundled_files_sizes_with_and_without_empty_fields() -> None:
    # docs/concepts.md said "442 KB against 546 KB", the sizes of an older version's files:
    # the page's figures are those of the files shipped, and of the same records written with
    # every field (format 1's form), in KB of 1,000 bytes
    folder = ROOT / "datasets" / "kazakhstan"
    shipped = sum((folder / f"{kind}.json").stat().st_size for kind in rightsdata.KINDS)
    documents = rightsdata.load().to_dict()
    every_field = sum(
        len(dumps([with_every_field(RECORD_TYPES[kind], d) for d in documents[kind]]).encode())
        for kind in rightsdata.KINDS
    )
    page = " ".join((ROOT / "docs" / "concepts.md").read_text(encoding="utf-8").split())
    said = f"({round(shipped / 1000)} KB against {round(every_field / 1000)} KB)"
    assert said in page, said
    assert f"files (version {rightsdata.load().version})" in page
    assert 0.15 < 1 - shipped / every_field < 0.25  # "about a fifth smaller"


def test_every_kind_has_a_minimal_constructor() -> None:
    for cls in RECORD_TYPES.values():
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        assert "citations" in required or cls.kind_name == "sources"
        assert all(
            f.default is not attrs.NOTHING for f in attrs.fields(cls) if f.name == "inferred"
        )


def test_generated_code_shows_in_tracebacks() -> None:
    import traceback

    try:
        Person(id="person:a", name=" A", citations=CITES)
    except FieldError as exc:
        text = "".join(traceback.format_exception(exc))
    # the generated line that found the problem, as attrs shows its generated methods
    assert "checks of Person" in text and ".check('name', " in text


def test_fmt_writes_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_in_format_2(tmp_path)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.pop(_format.FORMAT_KEY, None)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    format_folder(folder)  # format 1: every kind file changes on the way to format 2
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    import os

    real_fsync, calls = os.fsync, []

    def failing_fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 4:  # the fourth file cannot be written: no file may have changed
            raise OSError("disk full")
        real_fsync(handle)

    monkeypatch.setattr("rightsdata._values.atomic.os.fsync", failing_fsync)
    with pytest.raises(OSError, match="disk full"):
        format_folder(folder, upgrade=True)
    assert len(calls) == 4
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temporary left


def test_a_file_leaving_out_a_million_fields_takes_the_fast_path() -> None:
    person = {"id": "person:a", "name": "A", "citations": [{"source": "source:a"}]}
    count = 400_000  # three nulls left out of each citation: 1.2 million fields filled in
    many = {**person, "citations": [{"source": "source:a"}] * count}
    records, _ = fastpath.decode_with_ids("persons", json.dumps([many]).encode())
    assert isinstance(records[0], Person)
    assert len(records[0].citations) == count


def test_the_bundled_descriptor_keeps_its_schema() -> None:
    # rightsdata.load() does not hold the bundled descriptor to its schema (a cold load would
    # pay about 3 ms); this test does
    from rightsdata._validation.descriptor import descriptor_problems

    text = (_bundled() / "datapackage.json").read_text(encoding="utf-8")
    assert descriptor_problems(json.loads(text)) == []


# --- format 3: dates that are sets ---------------------------------------------------------

_ONE_OF = "[2012-01-26..2012-10-08]"


def _with_a_set(folder: Path, declared: int | None) -> int:
    """In a copy of the bundled folder in format 2 (:func:`_copy_in_format_2`), make one
    event's date a set (and the descriptor declare ``declared``; None: leave the key out);
    return the event's index in events.json."""
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    index = next(n for n, e in enumerate(events) if e.get("date") == "2012-01-26/2012-10-08")
    events[index]["date"] = _ONE_OF
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.pop(_format.FORMAT_KEY, None)
    if declared is not None:
        descriptor[_format.FORMAT_KEY] = declared
    for resource in descriptor["resources"]:  # (the events file changed: no stale hash)
        resource.pop("bytes", None)
        resource.pop("hash", None)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return index


def test_the_command_a_set_in_an_older_format_suggests_fixes_it(tmp_path: Path) -> None:
    """The problem names the command that fixes it, and that command (and not `fmt`, which
    keeps the declared format and so refuses the set too) makes the folder load."""
    from rightsdata._cli.main import main

    folder = _copy_in_format_2(tmp_path)
    index = _with_a_set(folder, 2)
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder)
    (problem,) = info.value.problems
    command = shlex.split(problem.message.split("`")[1])
    assert command == ["rightsdata", "fmt", "--upgrade", str(folder)]
    with pytest.raises(InvalidDataError):
        format_folder(folder)
    assert main(command[1:]) == 0
    assert rightsdata.load_path(folder).events[index].date == rightsdata.EDTF(_ONE_OF)


@pytest.mark.parametrize("declared", [None, 2])
def test_a_set_in_a_dataset_declaring_an_older_format_is_refused_where_it_is(
    tmp_path: Path, declared: int | None
) -> None:
    folder = _copy_in_format_2(tmp_path)
    index = _with_a_set(folder, declared)
    with pytest.raises(InvalidDataError) as info:
        rightsdata.load_path(folder)
    (problem,) = info.value.problems
    assert (problem.file, problem.index, problem.field) == ("events.json", index, "date")
    assert problem.record_id is not None and problem.record_id.startswith("event:")
    assert problem.message == (
        f"'{_ONE_OF}': a date that is a set (one of some dates) needs format 3, and the "
        f"dataset declares {f'format {declared}' if declared else 'no format (so format 1)'}: "
        "run `rightsdata fmt --upgrade "
        f"{shlex.quote(str(folder))}`, "
        "which declares format 3 in datapackage.json (readers of formats 1-2 cannot read it)"
    )
    # declared as format 3, it loads (on the fast path and the diagnostic one alike)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor[_format.FORMAT_KEY] = 3
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    fast = rightsdata.load_path(folder)
    assert fast.format == 3
    assert fast.events[index].date == rightsdata.EDTF(_ONE_OF)
    assert rightsdata.load_path(folder, schema=True) == fast


@pytest.mark.parametrize("declared", [None, 2])
def test_fmt_upgrade_declares_format_3_for_a_set_the_load_refuses(
    tmp_path: Path, declared: int | None
) -> None:
    folder = _copy_in_format_2(tmp_path)
    index = _with_a_set(folder, declared)
    with pytest.raises(InvalidDataError, match="needs format 3"):
        format_folder(folder)  # (fmt reads as a load does)
    assert "datapackage.json" in format_folder(folder, upgrade=True)
    upgraded = rightsdata.load_path(folder)
    assert upgraded.format == 3 and upgraded.events[index].date == rightsdata.EDTF(_ONE_OF)
    assert format_folder(folder, check=True) == []


def test_the_format_3_rule_holds_for_documents_with_a_descriptor_only() -> None:
    documents = in_format(rightsdata.load().to_dict(), 2)
    event = next(e for e in documents["events"] if e.get("date") == "2012-01-26/2012-10-08")
    event["date"] = _ONE_OF
    with pytest.raises(InvalidDataError, match="needs format 3, and the dataset declares format 2"):
        rightsdata.load_documents(documents, descriptor={"rightsdata_format": 2})
    # (the descriptor is the argument, not a datapackage.json: the fix says where it is)
    fix = "set rightsdata_format to 3 in the descriptor given"
    with pytest.raises(InvalidDataError, match=fix):
        rightsdata.load_documents(documents, descriptor={"rightsdata_format": 2})
    loaded = rightsdata.load_documents(documents)
    records = {kind: list(loaded.collection(kind)) for kind in rightsdata.KINDS}
    with pytest.raises(InvalidDataError, match=fix):
        rightsdata.Dataset(records, descriptor={"rightsdata_format": 2})
    assert rightsdata.load_documents(documents, descriptor={"rightsdata_format": 3}).format == 3
    # no descriptor, or one given in Python without rightsdata_format: none declared, so the
    # sets are read and the format is the one the data needs
    assert rightsdata.load_documents(documents).format == 3
    assert rightsdata.load_documents(documents, descriptor={"title": "T"}).format == 3
    assert rightsdata.Dataset(records, descriptor={"title": "T"}).format == 3


def test_a_folder_is_written_in_the_lowest_format_its_data_needs(tmp_path: Path) -> None:
    folder = _copy_in_format_2(tmp_path)
    _with_a_set(folder, 3)
    assert "datapackage.json" in format_folder(folder)
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert written[_format.FORMAT_KEY] == 3
    assert {r["schema"] for r in written["resources"]} == {
        _format.schema_id(r["name"], 3) for r in written["resources"]
    }
    assert rightsdata.load_path(folder).format == 3
    # the set gone, fmt declares format 2 again, so that older readers read it
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    for event in events:
        if event.get("date") == _ONE_OF:
            event["date"] = "2012-01-26/2012-10-08"
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    format_folder(folder)
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert written[_format.FORMAT_KEY] == 2
    assert written["resources"][0]["schema"].startswith("urn:rightsdata:schemas:v2:")
    assert rightsdata.load_path(folder) == bundled_dataset_in_format(2)


def test_a_folder_without_a_descriptor_holding_a_set_gets_format_3(tmp_path: Path) -> None:
    folder = _copy_in_format_2(tmp_path)
    _with_a_set(folder, 2)
    (folder / "datapackage.json").unlink()
    assert rightsdata.load_path(folder).format == 3  # (declares none: its sets are read)
    format_folder(folder)
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert written[_format.FORMAT_KEY] == 3


def test_an_export_declares_the_lowest_format(tmp_path: Path) -> None:
    plain = bundled_dataset_in_format(2)  # (neither sets nor of)
    with_sets = bundled_dataset_in_format(3)  # its dates include sets
    bundled = rightsdata.load()  # its dates include sets, and its figures of
    for dataset, expected in ((plain, 2), (with_sets, 3), (bundled, 4)):
        folder = tmp_path / f"json-{expected}"
        dataset.export(folder, "json")
        written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert written[_format.FORMAT_KEY] == expected
        exported = rightsdata.load_path(folder)
        assert exported.format == expected and exported.to_dict() == dataset.to_dict()
    # the CSV tables' package too, whatever format the dataset itself declares: a folder
    # declaring 2 that holds sets, and one declaring 3 that holds of, as `rightsdata fmt
    # --upgrade` reads them (Dataset(...) and every load refuse such a descriptor)
    declared = {}
    for version, written_in in ((2, "json-3"), (3, "json-4")):
        package_file = tmp_path / written_in / "datapackage.json"
        package = json.loads(package_file.read_text(encoding="utf-8"))
        package[_format.FORMAT_KEY] = version
        package_file.write_text(json.dumps(package), encoding="utf-8")
        declared[version] = read_folder(tmp_path / written_in, declared_format=False)
        # (a dataset's format is never below what its records need, whatever it declares)
        assert declared[version].format == version + 1
    cases = ((plain, 2), (with_sets, 3), (bundled, 4), (declared[2], 3), (declared[3], 4))
    for number, (dataset, expected) in enumerate(cases):
        folder = tmp_path / f"tables-{number}"
        dataset.export(folder, "datapackage")
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert package[_format.FORMAT_KEY] == expected


def test_a_json_document_declares_no_format_and_its_sets_are_read(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps(rightsdata.load().to_dict()), encoding="utf-8")
    loaded = rightsdata.load_path(path)
    assert loaded.format == 4  # (declares none: the format its data needs, for its of)
    assert loaded.get("event:kozlov-charged-2012", Event).date == rightsdata.EDTF(_ONE_OF)
    assert loaded.events == rightsdata.load().events
