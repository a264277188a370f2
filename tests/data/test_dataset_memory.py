"""A Dataset holds no reference cycle: ``del ds`` frees it (and its indexes) at once.

A cycle (dataset -> collection -> bound method -> dataset) would leave every dataset to the
cyclic collector, which then walks all its records: seconds at 100,000 events.
"""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._model.records import KINDS
from rightsdata._values.names import FormatName


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


@pytest.mark.parametrize("layout", ["folder", "document", "jsonl"])
def test_a_load_leaves_no_cyclic_garbage(tmp_path: Path, layout: str) -> None:
    # (a cycle in the loader's checks, such as a context keeping hints that keep a generator
    # over the context, would keep every record alive after del)
    names: dict[str, tuple[FormatName, str]] = {
        "folder": ("json", "out"),
        "document": ("json", "out"),
        "jsonl": ("jsonl", "out"),
    }
    form, folder = names[layout]
    rightsdata.load().export(tmp_path / folder, form)
    path = {
        "folder": tmp_path / folder,
        "document": tmp_path / "all.json",
        "jsonl": tmp_path / folder / "records.jsonl",
    }[layout]
    if layout == "document":
        path.write_text(
            json.dumps(rightsdata.load().to_dict(), ensure_ascii=False), encoding="utf-8"
        )
    rightsdata.load_path(path)  # (first imports and caches)
    gc.collect()
    gc.disable()
    try:
        ds = rightsdata.load_path(path)
        first = weakref.ref(ds.events[0])
        del ds
        assert first() is None  # freed by reference counting, with the dataset
        assert gc.collect() == 0  # nothing was left for the collector to find
    finally:
        gc.enable()


def test_the_cache_of_valid_ids_stays_small() -> None:
    """The IDs found valid are kept (a set a tuple of prefixes, bound by the generated
    checks) only while a set holds at most 4,096: a large load's are not kept after it."""
    from rightsdata._model import fields

    prefixes = ("person", "org", "group")
    known = fields.KNOWN_IDS.setdefault(prefixes, set())
    before = set(known)
    try:
        fields.remember_ids(prefixes, ["person:a", "org:b"])
        assert {"person:a", "org:b"} <= known
        many = [f"person:p{i}" for i in range(4097)]
        fields.remember_ids(prefixes, many)
        assert fields.KNOWN_IDS[prefixes] is known  # the same set, emptied
        assert not known
        fields.remember_ids(prefixes, many[:4096])
        assert len(known) == 4096
        fields.remember_ids(prefixes, ["person:q"])  # past the limit: emptied, then kept
        assert known == {"person:q"}
    finally:
        known.clear()
        known.update(before)


def test_a_large_load_gives_the_heaps_free_pages_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A load of TRIMMED_FROM records or more (here 100) ends with one malloc_trim; a
    smaller one does not; either is the same dataset."""
    import rightsdata._data.loading as loading
    from rightsdata._values.resources import datasets_root

    folder = str(datasets_root().joinpath("kazakhstan"))
    calls: list[None] = []
    monkeypatch.setattr(loading, "trim_heap", lambda: calls.append(None))
    small = rightsdata.load_path(folder)
    assert calls == []  # (the bundled dataset holds fewer than 100,000 records)
    monkeypatch.setattr(loading, "TRIMMED_FROM", 100)
    large = rightsdata.load_path(folder)
    assert len(calls) == 1
    assert large.to_dict() == small.to_dict() == rightsdata.load().to_dict()
    with pytest.raises(rightsdata.InvalidDataError):  # a failed load trims nothing
        rightsdata.load_path(folder, max_bytes=10)
    assert len(calls) == 1


def test_trimming_the_heap_is_a_no_op_where_it_cannot_be(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from rightsdata._values import heap

    heap.trim_heap()  # glibc's malloc_trim, or nothing: no error either way
    libc = os.confstr("CS_GNU_LIBC_VERSION") if hasattr(os, "confstr") else None
    assert (heap._malloc_trim() is not None) == bool(libc and libc.startswith("glibc"))
    heap._malloc_trim.cache_clear()
    monkeypatch.setattr(os, "confstr", lambda name: "musl")
    try:
        heap.trim_heap()
        assert heap._malloc_trim() is None
    finally:
        heap._malloc_trim.cache_clear()  # (looked up again, on this system, when next used)


#: Records that fail in every way the converter reports: fields missing, a wrong type, bad
#: parts in a list, an unknown field, a citation naming a field that is not one.
BAD_PERSONS: list[object] = [
    {},
    {"id": "person:a", "name": 5, "citations": [{"source": 5}, {}, 7]},
    {"id": "person:b", "name": "B", "aliases": [{"name": 5}], "nmae": "x", "citations": []},
    {"id": "person:c", "name": "C", "citations": [{"source": "source:s", "fields": ["nmae", 5]}]},
    "not a record",
]


@pytest.mark.parametrize("layout", ["folder", "document", "jsonl", "documents"])
def test_a_failed_load_leaves_no_cyclic_garbage(tmp_path: Path, layout: str) -> None:
    """The converter's errors are dropped with their tracebacks once told as problems.

    Each error cattrs collects is in a cycle (error -> traceback -> the frame that collected
    it -> its list of errors -> error): left to the cyclic collector, which a load pauses,
    100,000 records of ``{}`` kept 1.1 GB until the load ended (docs/loading.md, limits)."""
    records = BAD_PERSONS * 50
    if layout == "folder":
        (tmp_path / "persons.json").write_text(json.dumps(records), encoding="utf-8")
    elif layout == "document":
        (tmp_path / "all.json").write_text(json.dumps({"persons": records}), encoding="utf-8")
    elif layout == "jsonl":
        lines = [json.dumps({"$kind": "persons", **r}) for r in records if isinstance(r, dict)]
        (tmp_path / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = {"folder": tmp_path, "document": tmp_path / "all.json", "jsonl": tmp_path / "all.jsonl"}

    def fail() -> int:
        try:  # (not pytest.raises: what it keeps of the traceback is a cycle of its own)
            if layout == "documents":
                rightsdata.load_documents({"persons": records})
            else:
                rightsdata.load_path(path[layout])
        except rightsdata.InvalidDataError as error:
            return len(error.problems)
        raise AssertionError("the load did not fail")

    assert fail() > len(records)  # (first imports and caches)
    _leaves_no_cyclic_garbage(fail)


def test_a_failed_load_against_the_schemas_leaves_no_cyclic_garbage(tmp_path: Path) -> None:
    """jsonschema's errors name their ``parent`` from their ``context`` (why an ``anyOf``
    failed): the loader breaks that cycle once an error is told as a problem."""
    pytest.importorskip("jsonschema")
    documents = rightsdata.load().to_dict()
    for event in documents["events"]:
        event["date"] = "2012-13-45"  # (a date is one of several forms: its error has a context)
    path = tmp_path / "all.json"
    path.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")

    def fail() -> int:
        try:
            rightsdata.load_path(path, schema=True)
        except rightsdata.InvalidDataError as error:
            return len(error.problems)
        raise AssertionError("the load did not fail")

    assert fail() >= len(documents["events"])  # (first imports and caches)
    _leaves_no_cyclic_garbage(fail)


def _leaves_no_cyclic_garbage(fail: Callable[[], int]) -> None:
    """A failing load run again (its imports and caches made by a first run) leaves nothing
    for the collector: it runs with the collector off, so that nothing is collected on the
    way, and the collection after it finds nothing."""
    gc.collect()
    gc.disable()
    try:
        fail()
        assert gc.collect() == 0  # nothing was left for the collector to find
    finally:
        gc.enable()
