"""Time a Dataset's queries at scale: the first call (which builds the indexes) and warm calls.

The dataset is the bundled one with its events replicated under new IDs (``event:x`` becomes
``event:x-r17``, and ``part_of`` is rewritten to stay within the copy) until it holds
``--events`` events; every other record is kept once, so every reference still resolves.

    python bench/bench_queries.py                  # 100,000 events
    python bench/bench_queries.py --events 10000 --warm 50

Each "first" figure is taken on a fresh Dataset (its indexes unbuilt), with the gc paused
for none of it; "warm" is the median of ``--warm`` calls once the indexes are built. Also
reported: how long ``del ds`` plus a full collection takes (a reference cycle would leave
the dataset to the cyclic collector). Never put a timed assertion in tests/.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import weakref
from collections.abc import Callable
from typing import Any

import attrs

import rightsdata
from rightsdata import Dataset
from rightsdata._model.records import KINDS, Event


def replicated(events: int) -> dict[str, list[Any]]:
    """The bundled records, with the events copied under new IDs up to ``events`` events."""
    base = rightsdata.load()
    records: dict[str, list[Any]] = {kind: list(base.collection(kind)) for kind in KINDS}
    originals: list[Event] = list(base.events)
    copies: list[Event] = []
    round_ = 0
    while len(originals) + len(copies) < events:
        round_ += 1
        for event in originals:
            if len(originals) + len(copies) >= events:
                break
            part_of = event.part_of
            copies.append(
                attrs.evolve(
                    event,
                    id=f"{event.id}-r{round_}",
                    part_of=None if part_of is None else f"{part_of}-r{round_}",
                )
            )
    # A copy whose part_of parent fell beyond the cut keeps the original parent.
    ids = {e.id for e in originals} | {e.id for e in copies}
    fixed = [
        c
        if c.part_of is None or c.part_of in ids
        else attrs.evolve(c, part_of=c.part_of.rsplit("-r", 1)[0])
        for c in copies
    ]
    records["events"] = originals + fixed
    return records


def build(records: dict[str, list[Any]]) -> Dataset:
    """A Dataset from records (the integrity check runs if this version has it)."""
    return Dataset(records, name="bench")


def first_call(records: dict[str, list[Any]], call: Callable[[Dataset], object]) -> float:
    ds = build(records)
    start = time.perf_counter()
    call(ds)
    return time.perf_counter() - start


def warm(ds: Dataset, call: Callable[[Dataset], object], repeat: int) -> float:
    call(ds)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call(ds)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--warm", type=int, default=20)
    args = parser.parse_args()
    start = time.perf_counter()
    records = replicated(args.events)
    print(f"{len(records['events']):,} events, made in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    ds = build(records)
    print(f"Dataset(records): {time.perf_counter() - start:.3f} s")

    calls: dict[str, Callable[[Dataset], object]] = {
        "timeline(kozlov)": lambda d: d.timeline("person:vladimir-kozlov"),
        "events(place=kazakhstan, kind=protest)": lambda d: d.events(
            place="place:kazakhstan", kind="protest"
        ),
        "events(between=2012)": lambda d: d.events(between=("2012", "2012")),
        "related(kozlov)": lambda d: d.related("person:vladimir-kozlov"),
        "get(event)": lambda d: d.get("event:bloody-january-2022"),
        "search('kozlov')": lambda d: d.search("kozlov"),
        "search('bloody january')": lambda d: d.search("bloody january"),
        "search('kozlof') (fuzzy)": lambda d: d.search("kozlof"),
        "rating_on(kazakhstan)": lambda d: d.rating_on("place:kazakhstan", "2022-06-01"),
    }
    width = max(map(len, calls)) + 2
    print(f"{'query':<{width}}{'first (ms)':>12}{'warm (ms)':>12}")
    for label, call in calls.items():
        try:
            first = first_call(records, call)
            hot = warm(ds, call, args.warm)
        except Exception as error:  # an older version may lack a query
            print(f"{label:<{width}}  failed: {type(error).__name__}: {error}")
            continue
        print(f"{label:<{width}}{first * 1e3:>12.2f}{hot * 1e3:>12.4f}")

    ds.timeline("person:vladimir-kozlov")
    ds.related("person:vladimir-kozlov")
    ref = weakref.ref(ds)
    gc.collect()
    gc.disable()
    del ds
    freed = ref() is None
    gc.enable()
    start = time.perf_counter()
    gc.collect()
    print(
        f"del ds freed it without the cyclic collector: {freed}; "
        f"gc.collect() after: {time.perf_counter() - start:.3f} s"
    )


if __name__ == "__main__":
    main()
