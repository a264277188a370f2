"""A Dataset shared across threads: each lazily made index, and each large value an index
makes on first use, is made once while other threads ask for it; a thread's first query
waits for no other index's build; the queries' walk is published whole; a dataset freed by
the cyclic collector inside the registry's lock is forgotten without a deadlock.
docs/queries.md, Threads.

Each race is forced, not hoped for: a build is held at a gate (an event) while a second
thread asks, so that the interleaving that went wrong is the one that runs.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from rightsdata import Dataset
from rightsdata._data import indexes
from rightsdata._data.indexes import EventIndex, Listed
from rightsdata._model.records import KINDS, Place
from rightsdata._validation import bulkcheck

T = TypeVar("T")

#: Long enough for any machine to finish what a thread does here; waited in full only by a
#: test that fails (a thread held where it should not be).
_PATIENCE = 30.0
#: How long a second thread is given to run into a build it should wait for: what it does
#: meanwhile decides nothing in the code that waits, and all of it in the code that did not.
_MOMENT = 0.2


def fresh(ds: Dataset) -> Dataset:
    """The bundled records in a dataset of their own, none of its indexes made."""
    return Dataset({kind: list(ds.collection(kind)) for kind in KINDS})


class Gated(list[T]):
    """A list whose first iteration waits at a gate until :meth:`open` (a build that reads
    it is held there); ``iterations`` counts every iteration."""

    def __init__(self, items: Any) -> None:
        super().__init__(items)
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.iterations = 0

    def __iter__(self) -> Iterator[T]:
        self.iterations += 1
        if self.iterations == 1:
            self.entered.set()
            assert self.opened.wait(_PATIENCE)
        return super().__iter__()

    def open(self) -> None:
        self.opened.set()


def race(gate: Gated[Any], ask: Callable[[], T]) -> list[T]:
    """What two threads got from ``ask``: the first held at ``gate`` inside the build, the
    second asking meanwhile."""
    got: list[T] = []

    def run() -> None:
        got.append(ask())

    first = threading.Thread(target=run)
    first.start()
    assert gate.entered.wait(_PATIENCE)
    second = threading.Thread(target=run)
    second.start()
    second.join(_MOMENT)
    gate.open()
    first.join(_PATIENCE)
    second.join(_PATIENCE)
    assert not first.is_alive() and not second.is_alive()
    return got


@pytest.fixture
def index(ds: Dataset) -> EventIndex:
    return fresh(ds)._answers()._indexes.events()


def test_the_day_bounds_are_made_once_while_another_thread_asks(index: EventIndex) -> None:
    # (each thread whose first window came at once made both lists: 16 MB at a million)
    runs: Gated[tuple[int, int, int]] = Gated(index._runs)
    index._runs = runs
    first, second = race(runs, lambda: index.firsts)
    assert first is second
    assert runs.iterations == 2  # (one build: the firsts, then the lasts)


def test_the_kept_chronology_is_made_once_while_another_thread_asks(index: EventIndex) -> None:
    order = index.order
    every = range(len(order))
    expected = order.pick(every)  # (a first pick of many: the second keeps the order)
    ranked: Gated[int] = Gated(order._ranked)
    order._ranked = ranked
    first, second = race(ranked, lambda: order.pick(every))
    assert first == second == expected
    assert ranked.iterations == 1 and order._kept is not None


def test_the_places_within_are_inverted_once_while_another_thread_asks(
    index: EventIndex,
) -> None:
    contained = index.contained
    assert isinstance(contained, indexes.Contained)
    places: Gated[Place] = Gated(contained._places)
    contained._places = places
    first, second = race(places, contained._inverse)
    assert first is second and "place:almaty" in first["place:kazakhstan"]
    assert places.iterations == 1


def test_a_large_postings_ranks_and_set_are_made_once_while_another_thread_asks(
    index: EventIndex,
) -> None:
    every = list(range(len(index.order)))
    ranked: Gated[int] = Gated(index._ranked)
    listed = Listed(list(index._ranked), frozenset(every), ranked)
    first, second = race(ranked, lambda: listed.ranks)
    assert first is second and first == tuple(every)
    assert ranked.iterations == 1
    assert listed.members is listed.members == frozenset(every)


def test_a_first_query_waits_for_no_other_indexs_build(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under one lock for every index, a first events query waited for another thread's
    # first cited_by to gather the sources' index (410 ms against 8 at 100,000 events).
    entered, opened = threading.Event(), threading.Event()
    build_sources = indexes._build_sources

    def held(owner: indexes.Indexes) -> dict[str, tuple[Any, ...]]:
        entered.set()
        assert opened.wait(_PATIENCE)
        return build_sources(owner)

    monkeypatch.setattr(indexes, "_build_sources", held)
    data = fresh(ds)
    cited: list[list[str]] = []
    citing = threading.Thread(
        target=lambda: cited.append([r.id for r in data.cited_by("source:hrf-2012-12-14")])
    )
    citing.start()
    assert entered.wait(_PATIENCE)
    found: list[list[str]] = []
    asking = threading.Thread(
        target=lambda: found.append([e.id for e in data.events(kind="verdict")])
    )
    asking.start()
    asking.join(_PATIENCE)
    waited = asking.is_alive()
    opened.set()
    citing.join(_PATIENCE)
    asking.join(_PATIENCE)
    assert not waited
    assert found == [[e.id for e in ds.events(kind="verdict")]]
    assert cited == [[r.id for r in ds.cited_by("source:hrf-2012-12-14")]]


class _HeldAfterStore(dict[type, Any]):
    """The queries' walks, where storing one runs ``meanwhile`` (another thread's walk)
    before the function that stored it goes on."""

    meanwhile: Callable[[], None] = staticmethod(lambda: None)

    def __setitem__(self, key: type, value: Any) -> None:
        super().__setitem__(key, value)
        self.meanwhile()


def test_the_queries_walk_is_published_whole(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    # The walk was stored, then what it fills: a thread between the two found the walk and
    # then no families (KeyError), when two datasets' first queries made it at once.
    events = list(ds.events)
    expected = bulkcheck.gathered(events)
    walks = _HeldAfterStore()
    got: list[object] = []

    def another_thread() -> None:
        def walk() -> None:
            try:
                got.append(bulkcheck.gathered(events))
            except Exception as error:  # the failure to show, not to raise in a thread
                got.append(error)

        other = threading.Thread(target=walk)
        other.start()
        other.join(_PATIENCE)

    walks.meanwhile = another_thread
    monkeypatch.setattr(bulkcheck, "_naming_walks", walks)  # (none made yet, as in a new process)
    monkeypatch.setattr(bulkcheck, "_naming_families", {}, raising=False)  # (where kept apart)
    assert bulkcheck.gathered(events).named == expected.named
    assert [type(g) for g in got] == [bulkcheck.Gathered]
    assert got[0].named == expected.named  # type: ignore[attr-defined]


def test_a_dataset_freed_inside_the_registrys_lock_is_forgotten_without_a_deadlock() -> None:
    # The registry's weakref callback took the registry's lock: the cyclic collector, which
    # frees a dataset held in a reference cycle, runs it in the thread it starts in, which
    # may be inside register() or holders(), holding that lock (a collection starts as
    # they allocate). The thread then waited on itself, and every dataset made later on it.
    script = textwrap.dedent(
        """
        import gc
        from rightsdata import Dataset
        from rightsdata._data import registry

        box = [Dataset({})]
        box.append(box)  # only the cyclic collector frees this dataset
        before = len(registry._registry)
        del box
        with registry._registry_lock:  # as register() and holders() hold it
            gc.collect()  # what an allocation there may start
        after = len(registry._registry)
        kept = Dataset({})  # registered as before
        print(before - after, len(registry._registry) - after, registry.holders()[0] is kept)
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=_PATIENCE
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a collection inside the registry's lock deadlocked the process")
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "1 1 True\n")
