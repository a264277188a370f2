"""rightsdata.testing draws data for the readers of an older format: with ``format=2`` (or
1) no date is a set ("one of", which came with format 3 and which a reader of formats 1-2
refuses), in a record or any part of one, and a dataset drawn so loads under a descriptor
declaring that format. A downstream package that writes format 2 tests with it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis.errors import NoSuchExample

import rightsdata
from rightsdata import EDTF, FormatVersion, KindName, testing
from rightsdata._data.canonical import with_every_field
from rightsdata._model.records import RECORD_TYPES
from rightsdata._validation.convert import structure
from rightsdata._values.format import FORMAT, READABLE
from rightsdata._values.hints import field_hints, leaf_types

from conftest import examples, searching

_SEARCH = searching(150)
_DATASETS = settings(
    max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def sets_in(value: Any, where: str = "") -> Iterator[str]:
    """Where ``value`` (a record, a part, a tuple of them) holds a date that is a set: every
    field of every attrs object walked, nested parts included, whatever its declared type."""
    if type(value) is EDTF:
        if value.is_set:
            yield where
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from sets_in(item, f"{where}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from sets_in(getattr(value, field.name), f"{where}.{field.name}")


def dataset_sets(dataset: rightsdata.Dataset) -> list[str]:
    return [
        f"{record.id}{where}"
        for kind in rightsdata.KINDS
        for record in dataset.collection(kind)
        for where in sets_in(record)
    ]


def structured(documents: dict[str, list[dict[str, Any]]]) -> rightsdata.Dataset:
    return rightsdata.Dataset(
        {
            kind: [structure(cast("KindName", kind), doc) for doc in docs]
            for kind, docs in documents.items()
        }
    )


#: The kinds whose records hold a date of their own (a set can be drawn there by default).
DATED = [
    kind
    for kind, cls in RECORD_TYPES.items()
    if any(EDTF in leaf_types(hint) for hint in field_hints(cls).values())
]


def test_every_dated_kind_draws_a_set_by_default() -> None:
    """The newest format's draws do hold sets: what the tests below see none of with
    format 2 is there to see (and the walk finds it)."""
    assert {"events", "persons", "relationships", "ratings"} <= set(DATED)
    for kind in DATED:
        assert kind in rightsdata.KINDS
        assert find(testing.records(kind), lambda r: any(sets_in(r)), settings=_SEARCH)


@pytest.mark.parametrize("kind", list(RECORD_TYPES))
@pytest.mark.parametrize("format", [1, 2])
def test_no_record_drawn_for_format_2_holds_a_set(kind: KindName, format: FormatVersion) -> None:
    strategy = (testing.records if format == 2 else _by_name)(kind, format=format)
    with pytest.raises(NoSuchExample):
        find(strategy, lambda r: any(sets_in(r)), settings=_SEARCH)


def _by_name(kind: str, *, format: int) -> Any:
    """A kind's own strategy (``testing.events``), not through :func:`testing.records`."""
    return getattr(testing, kind)(format=format)


@_DATASETS
@given(testing.dataset_documents(max_per_kind=2, format=2))
def test_documents_drawn_for_format_2_load_under_a_format_2_descriptor(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    assert dataset_sets(structured(documents)) == []
    descriptor = {"name": "drawn", "rightsdata_format": 2}
    loaded = rightsdata.load_documents(documents, descriptor=descriptor)
    assert loaded.to_dict() == structured(documents).to_dict() and loaded.name == "drawn"


@_DATASETS
@given(testing.datasets(max_per_kind=2, format=2))
def test_a_dataset_drawn_for_format_2_exports_and_loads_in_format_2(
    dataset: rightsdata.Dataset,
) -> None:
    assert dataset_sets(dataset) == []
    with tempfile.TemporaryDirectory() as folder:
        dataset.export(folder, "json")
        descriptor = json.loads((Path(folder) / "datapackage.json").read_text("utf-8"))
        assert descriptor["rightsdata_format"] == 2
        assert rightsdata.load_path(folder) == dataset


@_DATASETS
@given(testing.dataset_documents(max_per_kind=1, format=1))
def test_documents_drawn_for_format_1_write_every_field_and_load_as_format_1(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    for kind, docs in documents.items():
        for doc in docs:
            assert doc == with_every_field(RECORD_TYPES[kind], doc)
    loaded = rightsdata.load_documents(
        documents, descriptor={"name": "drawn", "rightsdata_format": 1}
    )
    assert dataset_sets(loaded) == []


def test_a_set_drawn_by_default_is_refused_under_a_format_2_descriptor() -> None:
    """Why format 2 is needed: the default draws hold sets, which a format-2 dataset
    refuses."""
    documents = find(
        testing.dataset_documents(max_per_kind=2),
        lambda docs: bool(dataset_sets(structured(docs))),
        settings=settings(_SEARCH, max_examples=100),
    )
    with pytest.raises(rightsdata.InvalidDataError, match="needs format 3"):
        rightsdata.load_documents(documents, descriptor={"name": "x", "rightsdata_format": 2})


def test_a_kind_that_is_not_text_is_a_type_error() -> None:
    # records(None) raised ValueError: a wrong type is a TypeError, as everywhere (docs/api.md)
    wrong: list[Any] = [None, 5, b"events", rightsdata.Event]
    for kind in wrong:
        with pytest.raises(TypeError, match=r"^expected a record kind, such as 'events', "):
            testing.records(kind)
    with pytest.raises(ValueError, match=r"^unknown record kind 'event' \(did you mean"):
        testing.records("event")  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (
            lambda: testing.records("events", format=FORMAT + 1),  # type: ignore[call-overload]
            ValueError,
            rf"format must be one .*{READABLE[0]}-{READABLE[-1]}",
        ),
        (lambda: testing.events(format=0), ValueError, "not 0"),  # type: ignore[arg-type]
        (
            lambda: testing.persons(format="2"),  # type: ignore[arg-type]
            TypeError,
            "format must be a whole number, not a str \\('2'\\)",
        ),
        (lambda: testing.dataset_documents(format=True), TypeError, r"not a bool \(True\)"),  # type: ignore[arg-type]
        (lambda: testing.datasets(1, format=2.0), TypeError, r"not a float \(2.0\)"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_format_is_refused_when_the_strategy_is_made(
    make: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        make()
