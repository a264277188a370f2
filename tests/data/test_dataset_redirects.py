"""Redirects given to ``Dataset`` are held to what ``load_documents`` holds its redirects to:
a dataset built in Python is one its own export can be loaded from again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import rightsdata
from rightsdata import Citation, Dataset, InvalidDataError, Person, Source
from rightsdata.vocab import SourceKind

SOURCE = Source(id="source:a", kind=SourceKind.REPORT, title="S", language="en")
PERSON = Person(id="person:a", name="A", citations=(Citation(source="source:a"),))
RECORDS: Mapping[str, Sequence[Source | Person]] = {"sources": [SOURCE], "persons": [PERSON]}


def _said(error: InvalidDataError, prefix: str = "") -> list[tuple[str, str]]:
    return [(p.location.removeprefix(prefix), p.message) for p in error.problems]


@pytest.mark.parametrize(
    "redirects",
    [
        {"Kozlov, V.": "person:a"},
        {"person:b": "Person:A"},
        {"person:b": "person:zz"},
        {"person:b": "person:a", "": "person:a", "person:c": "nobody"},
    ],
    ids=repr,
)
def test_dataset_refuses_the_redirects_load_documents_refuses_with_the_same_problems(
    redirects: dict[str, str],
) -> None:
    """(A retired ID that is no ID, ``"Kozlov, V."``, was accepted by Dataset, and its
    export was then refused by ``validate``.)"""
    with pytest.raises(InvalidDataError) as built:
        Dataset(RECORDS, redirects=redirects)
    with pytest.raises(InvalidDataError) as loaded:
        rightsdata.load_documents(Dataset(RECORDS).to_dict(), redirects=redirects)
    assert _said(built.value) == _said(loaded.value, "documents:")


def test_a_dataset_with_redirects_exports_what_loads_again(tmp_path: Path) -> None:
    ds = Dataset(RECORDS, redirects={"person:kozlov-v": "person:a"})
    ds.export(tmp_path / "out", "json")
    assert rightsdata.validate(tmp_path / "out") == []
    assert rightsdata.load_path(tmp_path / "out").get("person:kozlov-v") == PERSON
