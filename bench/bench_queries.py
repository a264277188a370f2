"""Time a Dataset's queries at scale: the first call (which builds the indexes) and warm calls.

``--shape realistic`` (the default) generates the data with bench/shape.py (the bundled
dataset's shape: its kinds, list lengths, texts and the other records, 2.6 per event; fresh
names and texts in every replica); ``--shape bundled`` is the bundled dataset with its events
replicated under new IDs (``event:x`` becomes ``event:x-r17``, ``part_of`` rewritten to stay
within the copy) and every other record kept once.

    python bench/bench_queries.py                  # 100,000 events, realistic shape
    python bench/bench_queries.py --events 10000 --warm 50 --shape bundled

Each "first" figure is taken on a fresh Dataset (its indexes unbuilt), with the gc paused
for none of it, in CPU time (``time.process_time``) and wall time; "warm" is the median wall
time of ``--warm`` calls once the indexes are built. A search's results are kept (the same
search again is a dict lookup), so "search, a new name each call" also times searches for
``--warm`` different names of persons, none asked before, once the index is built (the
calls before it index names and titles), in wall time and CPU time. Also reported: how long
``del ds`` plus a full collection takes (a reference cycle would leave the dataset to the cyclic
collector). Never put a timed assertion in tests/.
"""

from __future__ import annotations

import argparse
import contextlib
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


def realistic(events: int) -> dict[str, list[Any]]:
    """Records of bench/shape.py's realistic shape (written to a folder and loaded)."""
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from shape import realistic as generate
    from shape import write_folder

    with tempfile.TemporaryDirectory() as folder:
        path = write_folder(generate(events), Path(folder) / "data")
        ds = rightsdata.load_path(path)
    return {kind: list(ds.collection(kind)) for kind in KINDS}


def build(records: dict[str, list[Any]]) -> Dataset:
    """A Dataset from records (the integrity check runs if this version has it)."""
    return Dataset(records, name="bench")


def first_call(
    records: dict[str, list[Any]], call: Callable[[Dataset], object]
) -> tuple[float, float]:
    """CPU and wall seconds of ``call`` on a fresh Dataset."""
    ds = build(records)
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    call(ds)
    return time.process_time() - cpu, time.perf_counter() - start


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
    parser.add_argument("--shape", choices=("realistic", "bundled"), default="realistic")
    args = parser.parse_args()
    start = time.perf_counter()
    records = realistic(args.events) if args.shape == "realistic" else replicated(args.events)
    print(f"{len(records['events']):,} events, made in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    ds = build(records)
    print(f"Dataset(records): {time.perf_counter() - start:.3f} s")

    suffix = "-0" if args.shape == "realistic" else ""  # replica 0 keeps the bundled IDs + -0
    kozlov, kazakhstan = f"person:vladimir-kozlov{suffix}", f"place:kazakhstan{suffix}"
    persons = records["persons"]
    name = persons[len(persons) // 2].name
    calls: dict[str, Callable[[Dataset], object]] = {
        "timeline(kozlov)": lambda d: d.timeline(kozlov),
        "events(place=kazakhstan, kind=protest)": lambda d: d.events(
            place=kazakhstan, kind="protest"
        ),
        "events(between=2012)": lambda d: d.events(between=("2012", "2012")),
        "related(kozlov)": lambda d: d.related(kozlov),
        "get(event)": lambda d: d.get(f"event:bloody-january-2022{suffix}"),
        "search('kozlov')": lambda d: d.search("kozlov"),
        "search('bloody january')": lambda d: d.search("bloody january"),
        "search('kozlof') (fuzzy)": lambda d: d.search("kozlof"),
        f"search({name!r}) (a person's name)": lambda d: d.search(name),
        "rating_on(kazakhstan)": lambda d: d.rating_on(kazakhstan, "2022-06-01"),
    }
    small = build({})
    for call in calls.values():  # imports the query code (a fresh process pays it once)
        with contextlib.suppress(Exception):  # the empty dataset has none of the records
            call(small)
    width = max(map(len, calls)) + 2
    print(f"{'query':<{width}}{'first CPU (ms)':>16}{'first wall':>12}{'warm (ms)':>12}")
    for label, call in calls.items():
        try:
            cpu, first = first_call(records, call)
            hot = warm(ds, call, args.warm)
        except Exception as error:  # an older version may lack a query
            print(f"{label:<{width}}  failed: {type(error).__name__}: {error}")
            continue
        print(f"{label:<{width}}{cpu * 1e3:>16.2f}{first * 1e3:>12.2f}{hot * 1e3:>12.4f}")
    names = [p.name for p in persons[:: max(1, len(persons) // args.warm)]][: args.warm]
    times, cpu_times = [], []
    for other in names:  # the index is built (names and titles: see the calls above)
        begin, cpu = time.perf_counter(), time.process_time()
        ds.search(other)
        cpu_times.append(time.process_time() - cpu)
        times.append(time.perf_counter() - begin)
    print(
        f"{'search, a new name each call':<{width}}{'':>16}{'':>12}"
        f"{statistics.median(times) * 1e3:>12.4f}  (median of {len(times)}; "
        f"{min(times) * 1e3:.2f} to {max(times) * 1e3:.2f}; CPU median "
        f"{statistics.median(cpu_times) * 1e3:.2f})"
    )

    ds.timeline(kozlov)
    ds.related(kozlov)
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
