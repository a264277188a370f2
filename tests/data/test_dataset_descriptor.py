"""What ``Dataset(..., name=, version=, descriptor=)`` takes: held to what ``datapackage.json``
may hold, as ``load_documents`` holds them, so that whatever the dataset writes loads again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset, InvalidDataError
from rightsdata._data.canonical import embedded_descriptor
from rightsdata._validation.convert import structure
from rightsdata._values.format import lowest_format
from rightsdata._values.names import FormatName

from conftest import bundled_dataset_in_format, person_doc, source_doc


def _records() -> dict[str, list[Any]]:
    return {
        "sources": [structure("sources", source_doc())],
        "persons": [structure("persons", person_doc())],
    }


def _bundled_records(format: int | None = None) -> dict[str, list[Any]]:
    """The bundled dataset's records, each kind's; given a ``format``, as that format can
    hold them (``conftest.in_format``: format 3's without figures' of)."""
    ds = rightsdata.load() if format is None else bundled_dataset_in_format(format)
    return {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}


# Each was kept before, and its export crashed or was refused by load_path.
REFUSED = [
    ({"descriptor": {"resources": 5}}, "descriptor.resources", "expected a list"),
    ({"descriptor": {"licenses": "x"}}, "descriptor.licenses", "expected a list"),
    ({"descriptor": {"rightsdata_format": 99}}, "descriptor.rightsdata_format", "newer"),
    ({"descriptor": {"rightsdata_format": "3"}}, "descriptor.rightsdata_format", "integer"),
    ({"descriptor": {"licences": []}}, "descriptor.licences", "did you mean 'licenses'"),
    ({"descriptor": {1: "x"}}, "descriptor", "a key must be text, got 1 (int)"),
    ({"descriptor": {"keywords": ("a",)}}, "descriptor.keywords", "JSON value"),
    ({"version": ""}, "version", "must not be empty"),
    ({"name": ""}, "name", "must not be empty"),
    ({"name": "\ud800"}, "name", "lone surrogate"),
]


@pytest.mark.parametrize(("given", "location", "said"), REFUSED)
def test_a_descriptor_name_or_version_a_folder_could_not_hold_is_refused(
    given: dict[str, Any], location: str, said: str
) -> None:
    with pytest.raises(InvalidDataError) as refused:
        Dataset(_records(), **given)
    [problem] = refused.value.problems
    assert problem.location == location and said in problem.message
    assert str(refused.value).startswith(f"1 problem in the {location.split('.')[0]} given")
    # load_documents refuses each too: the same checks
    with pytest.raises(InvalidDataError):
        rightsdata.load_documents(rightsdata.Dataset(_records()).to_dict(), **given)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"name": 3}, "name must be a str or None, not an int (3)"),
        ({"version": 1.0}, "version must be a str or None, not a float (1.0)"),
        ({"descriptor": 5}, "descriptor must be a mapping"),
        ({"descriptor": [("name", "x")]}, "descriptor must be a mapping"),
    ],
)
def test_a_name_version_or_descriptor_of_the_wrong_type_is_a_type_error(
    given: dict[str, Any], said: str
) -> None:
    # as redirects of the wrong type are (the constructor's other arguments)
    with pytest.raises(TypeError, match=f"^{re.escape(said)}"):
        Dataset(_records(), **given)


def test_a_whole_float_where_the_descriptor_takes_an_integer_is_refused_as_a_count_is(
    tmp_path: Path,
) -> None:
    # one rule for the descriptor and the records: 4.0 is a number, not an integer (it was
    # taken, and Dataset.descriptor["rightsdata_format"] was then the float)
    said = "expected an integer, got a number (4.0)"
    with pytest.raises(InvalidDataError) as refused:
        Dataset(_records(), descriptor={"rightsdata_format": 4.0})
    assert [str(p) for p in refused.value.problems] == [f"descriptor.rightsdata_format: {said}"]
    folder = tmp_path / "data"
    folder.mkdir()
    for kind, records in {"sources": [source_doc()], "persons": [person_doc()]}.items():
        (folder / f"{kind}.json").write_text(json.dumps(records), encoding="utf-8")
    resources = [{"name": "persons", "path": "persons.json", "bytes": 4.0}]
    descriptor = {"name": "x", "rightsdata_format": 4.0, "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert [str(p) for p in rightsdata.validate(folder)] == [
        f"datapackage.json.rightsdata_format: {said}",
        "datapackage.json.resources[0].bytes: expected an integer, got a number (4.0)",
    ]
    # (a record's count, in the same words)
    figure = {"measure": "killed", "unit": "people", "best": 4.0, "qualifier": "exact"}
    event: dict[str, Any] = {
        "id": "event:a",
        "kind": "other",
        "title": "t",
        "figures": [{**figure}],
    }
    event["citations"] = event["figures"][0]["citations"] = [{"source": "source:doc"}]
    with pytest.raises(InvalidDataError) as refused:
        rightsdata.load_documents({"sources": [source_doc()], "events": [event]})
    assert [p.message for p in refused.value.problems] == [said]


def test_every_problem_given_comes_in_one_error() -> None:
    records = _records()
    records["persons"].append(
        structure("persons", person_doc("person:b", citations=[{"source": "source:x"}]))
    )
    with pytest.raises(InvalidDataError) as refused:
        Dataset(records, version="", descriptor={"licenses": "x"})
    assert [p.location for p in refused.value.problems] == [
        "version",
        "descriptor.licenses",
        "persons[1] person:b.citations[0].source",
    ]
    assert "3 problems in the records, version and descriptor given to Dataset" in str(
        refused.value
    )


def test_a_set_under_a_descriptor_declaring_an_older_format_is_refused() -> None:
    records = _bundled_records(3)  # its dates include sets, which need format 3
    for declared in (1, 2):
        descriptor = {"title": "T", "rightsdata_format": declared}
        with pytest.raises(InvalidDataError) as refused:
            Dataset(records, descriptor=descriptor)
        problems = refused.value.problems
        assert problems and all(p.kind in rightsdata.KINDS and p.field for p in problems)
        assert f"declares format {declared}: set rightsdata_format to 3" in problems[0].message
        with pytest.raises(InvalidDataError):  # as load_documents refuses it
            rightsdata.load_documents(
                Dataset(records).to_dict(),
                descriptor=descriptor,
            )
    assert Dataset(records, descriptor={"title": "T", "rightsdata_format": 3}).format == 3


def test_a_name_or_version_given_is_checked_in_place_of_the_descriptors() -> None:
    # every writer writes the name and version given over the descriptor's (as load_documents
    # checks them)
    dataset = Dataset({}, name="x", version="1.0.0", descriptor={"name": 3, "version": ""})
    embedded = embedded_descriptor(dataset)
    assert embedded is not None and (embedded["name"], embedded["version"]) == ("x", "1.0.0")
    rightsdata.load_documents({}, name="x", version="1.0.0", descriptor={"name": 3, "version": ""})


@pytest.mark.parametrize("layout", ["json", "jsonl", "datapackage"])
def test_what_a_dataset_takes_it_writes_and_reads_back(tmp_path: Path, layout: FormatName) -> None:
    ds = rightsdata.load()
    built = Dataset(
        _bundled_records(),
        name="mine",
        version="0.1.0",
        descriptor=ds.descriptor,
        redirects=ds.redirects,
    )
    # (format 4, as ds.descriptor declares: some of its figures say what they count)
    assert (built.name, built.version, built.format) == ("mine", "0.1.0", 4)
    written = built.export(tmp_path, layout)
    if layout == "datapackage":
        assert (tmp_path / "datapackage.json").is_file()
        return
    back = rightsdata.load_path(tmp_path if layout == "json" else written[0])
    assert back == built and (back.name, back.version) == ("mine", "0.1.0")


def test_the_loaders_and_unpickling_do_not_check_the_descriptor_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    import rightsdata._validation.descriptor

    calls: list[str] = []
    original = rightsdata._validation.descriptor.descriptor_problems

    def counting(raw: object, where: str = "datapackage.json", *, limit: int | None = None) -> Any:
        calls.append(where)
        return original(raw, where, limit=limit)

    rightsdata.load().export(tmp_path / "folder", "json")
    monkeypatch.setattr(rightsdata._validation.descriptor, "descriptor_problems", counting)
    loaded = rightsdata.load_path(tmp_path / "folder")
    assert calls == ["datapackage.json"]  # the load's own check, once
    calls.clear()
    pickle.loads(pickle.dumps(loaded))
    assert calls == []
    Dataset({}, descriptor={"title": "T"})
    assert calls == ["descriptor"]  # (and no other: no name or version was given)


def test_a_subclass_of_a_json_type_is_told_to_give_the_type_itself() -> None:
    import collections
    import enum

    class Format(enum.IntEnum):
        THREE = 3

    descriptor = {"rightsdata_format": Format.THREE, "licenses": [collections.OrderedDict()]}
    with pytest.raises(InvalidDataError) as info:
        Dataset({}, descriptor=descriptor)
    assert [
        (p.location, p.message.rpartition(", a subclass of ")[2]) for p in info.value.problems
    ] == [
        ("descriptor.rightsdata_format", "int: give an int"),
        ("descriptor.licenses[0]", "dict: give a dict"),
    ]


def test_the_data_package_properties_other_tools_write_are_read(tmp_path: Path) -> None:
    # frictionless-py v1 writes `profile` (a package's and a resource's), and Data Package v1
    # gives a contributor one `role`: they were refused as unknown fields
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "profile": "data-package",
        "name": "mine",
        "contributors": [{"title": "A. Author", "role": "author"}],
        "resources": [{"name": "persons", "path": "persons.json", "profile": "data-resource"}],
    }
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (folder / "persons.json").write_text(json.dumps([person_doc()]), encoding="utf-8")
    (folder / "sources.json").write_text(json.dumps([source_doc()]), encoding="utf-8")
    assert rightsdata.validate(folder) == []
    assert rightsdata.load_path(folder).descriptor == descriptor


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("profle", "unknown field; did you mean 'profile'?"),
        ("$schem", "unknown field; did you mean '$schema'?"),
        ("keywrods", "unknown field; did you mean 'keywords'?"),
        (
            "x-custom",
            "unknown field: rightsdata reads the Data Package properties (v2, and v1's "
            "profile) and refuses others, so that a misspelt one is not passed over",
        ),
    ],
)
def test_an_unknown_descriptor_property_is_refused_with_a_hint(key: str, said: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents({}, descriptor={key: "x"})
    (problem,) = caught.value.problems
    assert (problem.location, problem.message) == (f"documents:datapackage.{key}", said)


# F15: a name or version given and the descriptor's were two sources of truth. Each case:
# what is given, and the name and version the dataset has (in memory and in its files).
NAMED = [
    ({"name": "mine", "version": "1.0.0"}, ("mine", "1.0.0")),
    ({"descriptor": {"title": "My data", "name": "m", "version": "2.0.0"}}, ("m", "2.0.0")),
    (
        {
            "name": "mine",
            "version": "1.0.0",
            "descriptor": {"title": "T", "name": "other", "version": "9.9.9"},
        },
        ("mine", "1.0.0"),
    ),
    ({"version": "3.0.0", "descriptor": {"name": "m", "version": "2.0.0"}}, ("m", "3.0.0")),
]
ONE_FILE = {"json": None, "document": "dataset.json", "jsonl": "records.jsonl"}


@pytest.mark.parametrize(("given", "named"), NAMED)
@pytest.mark.parametrize("layout", list(ONE_FILE))
def test_a_name_and_version_are_one_thing_in_memory_and_in_the_files(
    tmp_path: Path, given: dict[str, Any], named: tuple[str, str], layout: FormatName
) -> None:
    for dataset in (
        Dataset(_records(), **given),
        rightsdata.load_documents(Dataset(_records()).to_dict(), **given),
    ):
        assert (dataset.name, dataset.version) == named
        descriptor = dataset.descriptor
        if descriptor is not None:  # the dataset's copy says what the dataset says
            assert (descriptor["name"], descriptor["version"]) == named
        name, version = named
        assert name in dataset.citation and f"version {version}" in dataset.citation
        assert "9.9.9" not in dataset.citation and "other" not in dataset.citation
        folder = tmp_path / layout / str(id(dataset))
        dataset.export(folder, layout)
        file = ONE_FILE[layout]
        back = rightsdata.load_path(folder / file if file else folder)
        assert back == dataset and (back.name, back.version) == named
        # the same citation before and after the files: the sources the records are
        assert back.citation == dataset.citation and "Sources: A document." in back.citation


def test_a_descriptors_name_is_still_checked_where_no_name_is_given() -> None:
    with pytest.raises(InvalidDataError) as refused:
        Dataset(_records(), descriptor={"name": ""})
    assert [p.location for p in refused.value.problems] == ["descriptor.name"]
    assert Dataset(_records(), descriptor={"name": 3}, name="x").descriptor == {"name": "x"}


# F5: a descriptor given in Python without rightsdata_format made every set date an error
# ("declares no format (so format 1)"), while no descriptor at all took them.
@pytest.mark.parametrize(
    "descriptor", [None, {}, {"title": "Mine"}, {"licenses": [{"name": "CC0-1.0"}]}]
)
def test_a_descriptor_given_without_a_format_declares_none(
    tmp_path: Path, descriptor: dict[str, Any] | None
) -> None:
    # its dates include sets, which need format 3, and some of its figures say what they
    # count (of), which needs format 4: neither is refused as format 1's
    records = _bundled_records()
    built = Dataset(records, descriptor=descriptor)
    assert built.format == 4  # (what the data needs: nothing is declared)
    loaded = rightsdata.load_documents(Dataset(records).to_dict(), descriptor=descriptor)
    assert loaded.format == 4 and loaded.to_dict() == built.to_dict()
    built.export(tmp_path, "json")
    written = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert written["rightsdata_format"] == 4
    assert rightsdata.load_path(tmp_path) == built


def test_the_format_is_the_declared_one_else_what_the_data_needs(tmp_path: Path) -> None:
    bundled = rightsdata.load()
    sets = bundled_dataset_in_format(3)  # (its figures without of)
    assert Dataset({}).format == Dataset(_records(), descriptor={"title": "T"}).format == 1
    assert Dataset(_records(), descriptor={"rightsdata_format": 2}).format == 2
    # over a base that holds sets: the base's dates are the dataset's too
    assert Dataset({}, base=sets).format == 3
    # and over one whose figures say what they count: so are its figures
    assert Dataset({}, base=bundled).format == 4
    # a descriptor declaring 2 over such a base holds the records given, not the base's (as a
    # load over a base holds its own files alone), and the dataset says the format all it
    # holds needs (review 7b, F11: it said 2 of a dataset holding 41 sets)
    assert Dataset({}, base=sets, descriptor={"rightsdata_format": 2}, name="m").format == 3
    assert Dataset({}, base=bundled, descriptor={"rightsdata_format": 3}, name="m").format == 4
    # while the same records given without the base are refused, each set located
    with pytest.raises(InvalidDataError) as alone:
        Dataset(_bundled_records(3), descriptor={"rightsdata_format": 2}, name="m")
    assert len(alone.value.problems) == 42
    assert "declares format 2: set rightsdata_format to 3" in alone.value.problems[0].message
    # (a descriptor declaring the format needed, or none, is taken; and the writers' rule is
    # the same one)
    assert Dataset({}, base=sets, descriptor={"rightsdata_format": 3}).format == 3
    assert Dataset({}, base=bundled, descriptor={"rightsdata_format": 4}).format == 4
    assert lowest_format({}) == max(2, Dataset({}).format)
    # a folder whose datapackage.json has no key is format 1, as the file format says
    folder = tmp_path / "format-1"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps({"name": "x"}), encoding="utf-8")
    (folder / "sources.json").write_text(json.dumps([source_doc()]), encoding="utf-8")
    assert rightsdata.load_path(folder).format == 1


# F4 (review 7b): a descriptor's own sources were dropped from the citation and every
# export (replaced by the source records'), while ds.descriptor still showed them.
@pytest.mark.parametrize("layout", ["json", "jsonl", "document", "datapackage"])
def test_a_descriptors_own_sources_are_kept_after_the_records(
    tmp_path: Path, layout: FormatName
) -> None:
    own = [{"title": "My own fieldwork"}, {"title": "A document"}]  # (the second: a record's)
    dataset = Dataset(_records(), name="mine", descriptor={"title": "Mine", "sources": own})
    assert "Sources: A document; My own fieldwork." in dataset.citation
    dataset.export(tmp_path, layout)
    if layout == "datapackage":
        from rightsdata.tables import documents_from_rows, read_directory

        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        documents, redirects = documents_from_rows(read_directory(tmp_path))
        package.pop("resources")
        back = rightsdata.load_documents(documents, redirects=redirects, descriptor=package)
    else:
        file = ONE_FILE[layout]
        back = rightsdata.load_path(tmp_path / file if file else tmp_path)
    assert back.descriptor is not None
    assert [s["title"] for s in back.descriptor["sources"]] == ["A document", "My own fieldwork"]
    assert back.citation == dataset.citation
