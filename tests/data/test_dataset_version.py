"""Requiring a dataset version: load(version=), load_path(version=), and their errors."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset, DatasetVersionError, RightsdataError, UnknownDatasetError
from rightsdata._data import loading
from rightsdata._values.requirement import describe, meets, parse_requirement, parse_version

from conftest import person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]


@pytest.mark.parametrize(
    ("version", "requirement", "expected"),
    [
        ("3.1.0", "3", True),
        ("3.0.0", "3", True),
        ("3.9.9", "3", True),
        ("4.0.0", "3", False),
        ("2.9.9", "3", False),
        ("3.1.0", "3.1", True),
        ("3.4.0", "3.1", True),
        ("3.0.9", "3.1", False),
        ("4.1.0", "3.1", False),
        ("3.1.2", "3.1.2", True),
        ("3.1.1", "3.1.2", False),
        ("3.2.0", "3.1.2", True),
        ("0.3.0", "0.2", True),  # major 0 is a major like the others (not Cargo's rule)
        ("0.0.2", "0.0.1", True),
        ("0.9.1", "0.2", True),
        ("1.0.0", "0.2", False),
        ("3.1.0-rc.1", "3.1", False),  # a pre-release comes before its release
        ("3.2.0-rc.1", "3.1", True),
        ("4.0.0-rc.1", "3", False),  # another major, even before its release
        ("3.1.0+build.5", "3.1", True),  # build metadata is ignored
        ("3.10.0", "3.9", True),  # numbers compare as numbers
        ("3.1", "3", False),  # not a semantic version
        ("v3.1.0", "3", False),
        ("03.1.0", "3", False),
        (None, "3", False),
    ],
)
def test_a_version_meets_a_requirement_by_the_caret_rule(
    version: str | None, requirement: str, expected: bool
) -> None:
    assert meets(version, parse_requirement(requirement)) is expected


@pytest.mark.parametrize(
    "text", ["", "3.", ".3", "3.1.2.4", ">=3", "^3", "~3.1", "3.x", " 3", "03"]
)
def test_a_malformed_requirement_is_a_value_error_naming_it(text: str) -> None:
    with pytest.raises(ValueError, match="is not a version requirement") as caught:
        parse_requirement(text)
    assert repr(text) in str(caught.value)
    assert not isinstance(caught.value, RightsdataError)  # a wrong argument, not data


def test_a_requirement_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"not an int \(3\)"):
        rightsdata.load(version=3)  # type: ignore[arg-type]


def test_versions_parse_as_semantic_versions() -> None:
    assert parse_version("10.20.30") == (10, 20, 30, None)
    assert parse_version("1.0.0-alpha.1+001") == (1, 0, 0, "alpha.1")
    assert parse_version("1.0") is None
    assert parse_version("1.0.0-") is None
    assert describe("3") == "3.0.0 or later, before 4.0.0"
    assert describe("3.1.2") == "3.1.2 or later, before 4.0.0"


def test_load_with_a_version_the_bundled_data_meets() -> None:
    dataset = rightsdata.load()
    major, minor, _ = dataset.version.split(".")  # type: ignore[union-attr]
    assert rightsdata.load(version=major) is dataset
    assert rightsdata.load(version=f"{major}.{minor}") is dataset
    assert rightsdata.load(version=dataset.version) is dataset


def test_load_with_a_version_the_bundled_data_does_not_meet() -> None:
    found = rightsdata.load().version
    assert found is not None
    major = int(found.split(".")[0])
    with pytest.raises(DatasetVersionError) as newer:
        rightsdata.load(version=str(major - 1))
    error = newer.value
    assert isinstance(error, RightsdataError) and isinstance(error, ValueError)
    assert (error.name, error.found, error.required) == ("kazakhstan", found, str(major - 1))
    assert f"is version {found}" in str(error)
    assert f"{major - 1}.0.0 or later, before {major}.0.0" in str(error)
    assert f"update the code for version {major}, or pin the rightsdata release" in str(error)
    assert f"that bundled version {major - 1} of the data, if one did" in str(error)
    with pytest.raises(DatasetVersionError, match="upgrade rightsdata") as older:
        rightsdata.load(version=f"{major}.999")
    assert older.value.required == f"{major}.999"


def test_the_cached_dataset_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = rightsdata.load()
    assert loading._cache["kazakhstan"] is dataset
    with pytest.raises(DatasetVersionError):
        rightsdata.load(version="999")
    assert rightsdata.load() is dataset  # the refusal did not drop it from the cache
    # a cached dataset without a semantic version meets no requirement
    monkeypatch.setitem(loading._cache, "unversioned", Dataset({}, name="unversioned"))
    monkeypatch.setitem(loading._cache, "odd", Dataset({}, name="odd", version="2024-05"))
    assert rightsdata.load("unversioned").version is None
    with pytest.raises(DatasetVersionError, match="has no version") as none:
        rightsdata.load("unversioned", version="1")
    assert (none.value.name, none.value.found, none.value.required) == ("unversioned", None, "1")
    with pytest.raises(DatasetVersionError, match="'2024-05', which is not a semantic version"):
        rightsdata.load("odd", version="2024")


def test_a_malformed_requirement_is_refused_before_loading() -> None:
    with pytest.raises(ValueError, match="'latest' is not a version requirement"):
        rightsdata.load("nosuch", version="latest")


def test_load_path_with_a_version(make_folder: MakeFolder) -> None:
    def folder(version: str | None) -> Path:
        descriptor: dict[str, Any] = {"name": "mine"}
        if version is not None:
            descriptor["version"] = version
        files = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
        return make_folder({**files, "datapackage.json": descriptor})

    two = folder("2.3.1")
    assert rightsdata.load_path(two, version="2.3").version == "2.3.1"
    assert rightsdata.load_path(str(two), version="2").version == "2.3.1"
    with pytest.raises(DatasetVersionError) as caught:
        rightsdata.load_path(two, version="1")
    error = caught.value
    assert (error.name, error.found, error.required) == (str(two), "2.3.1", "1")
    assert str(error) == (
        f"the dataset at {two} is version 2.3.1, but version 1 (1.0.0 or later, before 2.0.0) "
        "is required: load data of version 1, or update the code for version 2"
    )
    with pytest.raises(DatasetVersionError, match="load a newer version of the data"):
        rightsdata.load_path(two, version="2.4")
    frozen = gc.get_freeze_count()
    with pytest.raises(DatasetVersionError):
        rightsdata.load_path(two, version="2.4", freeze=True)
    assert gc.get_freeze_count() == frozen  # a dataset refused is not frozen
    with pytest.raises(DatasetVersionError, match="has no version") as unversioned:
        rightsdata.load_path(folder(None), version="1")
    assert unversioned.value.found is None
    with pytest.raises(DatasetVersionError, match="not a semantic version"):
        rightsdata.load_path(folder("v2"), version="2")
    with pytest.raises(ValueError, match=r"'2\.3\.x' is not a version requirement"):
        rightsdata.load_path(two, version="2.3.x")


def test_invalid_data_is_reported_before_its_version(make_folder: MakeFolder) -> None:
    bad = make_folder(
        {"persons.json": [person_doc(name=5)], "datapackage.json": {"version": "1.0.0"}}
    )
    with pytest.raises(rightsdata.InvalidDataError):
        rightsdata.load_path(bad, version="2")


def test_an_unknown_bundled_name_is_an_unknown_dataset_error() -> None:
    for name in ("atlantis", "Kazakhstan", "../x", "/some/folder"):
        with pytest.raises(UnknownDatasetError) as caught:
            rightsdata.load(name)
        error = caught.value
        assert isinstance(error, ValueError) and isinstance(error, RightsdataError)
        assert error.name == name
        assert error.known == tuple(sorted(rightsdata.datasets()))
        assert f"no bundled dataset is called {name!r}; bundled: kazakhstan" in str(error)
        assert "rightsdata.load_path(path)" in str(error)
    # not text: a TypeError (it was a ValueError; a list raised "unhashable type")
    for given, named in ((5, r"an int \(5\)"), ([], "a list"), (None, "None")):
        with pytest.raises(
            TypeError, match=f"^load\\(\\) takes the name of a bundled dataset, not {named};"
        ):
            rightsdata.load(given)  # type: ignore[arg-type]


def test_the_errors_pickle() -> None:
    with pytest.raises(DatasetVersionError) as version:
        rightsdata.load(version="999")
    with pytest.raises(UnknownDatasetError) as unknown:
        rightsdata.load("atlantis")
    for error in (version.value, unknown.value):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert again.name == error.name
    assert pickle.loads(pickle.dumps(unknown.value)).known == unknown.value.known
    again_version = pickle.loads(pickle.dumps(version.value))
    assert (again_version.found, again_version.required) == (
        version.value.found,
        version.value.required,
    )


def test_the_errors_are_public_names() -> None:
    for name in ("DatasetVersionError", "UnknownDatasetError"):
        error = getattr(rightsdata, name)
        assert name in rightsdata.__all__
        assert error.__module__ == "rightsdata"
