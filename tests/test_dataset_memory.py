"""A Dataset holds no reference cycle: ``del ds`` frees it (and its indexes) at once.

A cycle (dataset -> collection -> bound method -> dataset) would leave every dataset to the
cyclic collector, which then walks all its records: seconds at 100,000 events.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._model.records import KINDS


@pytest.fixture
def collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def fresh() -> Dataset:
    bundled = rightsdata.load()
    return Dataset({kind: list(bundled.collection(kind)) for kind in KINDS}, name="copy")


def ask_everything(ds: Dataset) -> None:
    """Every query, so that every index is built."""
    kozlov = "person:vladimir-kozlov"
    assert ds.timeline(kozlov)
    assert ds.events(place="KZ", kind=["protest", "verdict"], between=("2011", "2022"))
    assert ds.events(role="judge")
    assert ds.related(kozlov).events
    assert ds.search("bloody january") and ds.search("kozlof")
    assert ds.statements(about=kozlov) is not None
    assert ds.ratings(country="KZ") and ds.rating_on("KZ", "2022-06-01") is not None
    assert ds.cited_by("source:hrf-2012-12-14")
    assert ds.figures("event:zhanaozen-massacre-2011", "killed").range
    assert ds.get("event:kozlov-trial-2012").id and ds.country("KZ").id
    assert ds.persons["person:vladimir-kozlov"] and ds.events.get("event:nothing") is None


@pytest.mark.usefixtures("collector_off")
def test_del_frees_a_new_dataset_without_the_cyclic_collector() -> None:
    ds = fresh()
    alive = weakref.ref(ds)
    del ds
    assert alive() is None


@pytest.mark.usefixtures("collector_off")
def test_del_frees_a_dataset_after_its_indexes_are_built() -> None:
    ds = fresh()
    ask_everything(ds)
    events = ds.events  # a collection kept after the dataset goes keeps only itself
    alive = weakref.ref(ds)
    del ds
    assert alive() is None
    assert "event:zhanaozen-massacre-2011" in [e.id for e in events(kind="killing")]


def test_queries_leave_no_cyclic_garbage() -> None:
    ask_everything(fresh())  # first imports (attrs classes leave garbage once) and caches
    gc.collect()
    gc.disable()
    try:
        ds = fresh()
        ask_everything(ds)
        del ds
        assert gc.collect() == 0  # nothing was left for the collector to find
    finally:
        gc.enable()
