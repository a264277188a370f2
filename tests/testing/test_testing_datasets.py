"""rightsdata.testing.datasets draws whole datasets: besides the records, a name, a version, a
descriptor and redirects, each in some draws and not in others, so that a downstream round
trip that loses one of them (which ``Dataset.__eq__`` compares) fails. It drew none of them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings

import rightsdata
from rightsdata import Dataset, testing
from rightsdata._model.records import ACTOR

from conftest import examples, searching

_SEARCH = searching(150)
_DATASETS = settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

_PACKAGE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
_SEMVER = re.compile(r"\d+\.\d+\.\d+")


def _chained(ds: Dataset) -> bool:
    return any(new in ds.redirects for new in ds.redirects.values())


def _across_actors(ds: Dataset) -> bool:
    return any(old.partition(":")[0] != new.partition(":")[0] for old, new in ds.redirects.items())


def _given_in_descriptor(ds: Dataset) -> bool:
    return ds.descriptor is not None and "name" in ds.descriptor and ds.name is not None


# Each part of a dataset the strategy draws: found in some draw, and absent from another.
PARTS: list[tuple[str, Callable[[Dataset], bool]]] = [
    ("a name", lambda ds: ds.name is not None),
    ("a version", lambda ds: ds.version is not None),
    ("a descriptor", lambda ds: ds.descriptor is not None),
    ("a title", lambda ds: "title" in (ds.descriptor or {})),
    ("licences", lambda ds: "licenses" in (ds.descriptor or {})),
    ("a declared format", lambda ds: "rightsdata_format" in (ds.descriptor or {})),
    ("contributors", lambda ds: "contributors" in (ds.descriptor or {})),
    # (a drawn dataset's descriptor is as given: its sources are its own, not the records')
    ("sources of its own", lambda ds: bool((ds.descriptor or {}).get("sources"))),
    ("a name given in the descriptor", _given_in_descriptor),
    ("redirects", lambda ds: bool(ds.redirects)),
    ("a chain of redirects", _chained),
    ("a redirect from one actor kind to another", _across_actors),
]


@pytest.mark.parametrize(("part", "has"), PARTS, ids=[part for part, _ in PARTS])
def test_each_part_of_a_dataset_is_drawn_and_left_out(
    part: str, has: Callable[[Dataset], bool]
) -> None:
    strategy = testing.datasets(max_per_kind=2)
    assert has(find(strategy, has, settings=_SEARCH)), part
    assert not has(find(strategy, lambda ds: not has(ds), settings=_SEARCH)), part


@_DATASETS
@given(testing.datasets(max_per_kind=2))
def test_what_is_drawn_is_what_a_data_package_and_the_redirect_rules_take(ds: Dataset) -> None:
    if ds.name is not None:
        assert _PACKAGE_NAME.fullmatch(ds.name)
    if ds.version is not None:
        assert _SEMVER.fullmatch(ds.version)
    for old, new in ds.redirects.items():
        # a new ID, of the kind of the record it leads to (any actor kind for an actor)
        assert ds.get(old).id not in ds.redirects
        assert not any(old == r.id for kind in rightsdata.KINDS for r in ds.collection(kind))
        ends = ds.get(old).id.partition(":")[0]
        assert old.partition(":")[0] == ends or {old.partition(":")[0], ends} <= set(ACTOR)
        assert new in ds.redirects or ds.get(new).id == new


@_DATASETS
@given(testing.datasets(max_per_kind=2, format=2))
def test_a_descriptor_drawn_declares_the_format_asked_for(ds: Dataset) -> None:
    descriptor: dict[str, Any] = ds.descriptor or {}
    assert descriptor.get("rightsdata_format", 2) == 2
