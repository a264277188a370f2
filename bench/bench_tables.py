"""Benchmark: the tables at scale: ``to_pandas("events")``, ``to_pandas()`` (every table),
and the ``csv`` and ``parquet`` exports.

Run from a checkout with the package installed (``pip install -e ".[dev]"``)::

    python bench/bench_tables.py                    # 100,000 events, 3 repeats
    python bench/bench_tables.py --events 10000 --repeat 5
    python bench/bench_tables.py --shape replicated # the earlier data: events only

With ``--shape realistic`` (the default) the dataset is ``bench/shape.py``'s (seed 2012), the
data ``bench/bench_load.py`` measures: every kind of record in the bundled proportions,
written as a folder and read with ``rightsdata.load_path``. With ``--shape replicated`` it is
the bundled one with its events replicated under new IDs (``-r1``, ``-r2``, ...; ``part_of``
points into the same replica) until there are ``--events`` events, the other records the
bundled ones (so the long tables of the other kinds stay small). The first run of each case
is the first call after the load (``bench_load.py --ops`` measures only that one, each in a
fresh process); the later runs reuse what the first built (imports, the memory pools' pages).
Each figure is the median of ``--repeat`` runs, wall-clock
(``time.perf_counter``) and CPU time (``time.process_time``, less sensitive to a busy
machine; it includes pyarrow's threads), the export into a fresh temporary folder each
time. Targets (issue #13): ``to_pandas("events")`` under 0.2 s, ``parquet`` under 0.5 s,
``csv`` under 1 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import rightsdata
from rightsdata import Dataset
from rightsdata.tables import FormatName

TARGETS = {"to_pandas_events": 0.2, "export_parquet": 0.5, "export_csv": 1.0}


def replicated(events: int) -> Dataset:
    """The bundled dataset with its events copied under new IDs up to ``events`` events."""
    ds = rightsdata.load()
    originals = list(ds.events)
    copies: list[Any] = list(originals)
    replica = 0
    while len(copies) < events:
        replica += 1
        for event in originals:
            if len(copies) >= events:
                break
            part_of = None if event.part_of is None else f"{event.part_of}-r{replica}"
            copies.append(attrs.evolve(event, id=f"{event.id}-r{replica}", part_of=part_of))
    records = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    records["events"] = copies
    return Dataset(records, name=ds.name, version=ds.version, descriptor=ds.descriptor)


def realistic(events: int) -> Dataset:
    """``bench/shape.py``'s dataset of ``events`` events (seed 2012), loaded from a folder."""
    import shape

    with tempfile.TemporaryDirectory() as folder:
        data = shape.in_format(shape.realistic(events, 2012), 1)
        path = shape.write_folder(data, Path(folder) / "data", 1)
        return rightsdata.load_path(path)


def timed(run: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def _export(ds: Dataset, format: FormatName) -> Callable[[], object]:
    def run() -> object:
        with tempfile.TemporaryDirectory() as folder:
            return ds.export(folder, format)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shape", choices=("realistic", "replicated"), default="realistic")
    parser.add_argument("--out", help="write the figures as JSON to this file")
    args = parser.parse_args()
    ds = realistic(args.events) if args.shape == "realistic" else replicated(args.events)
    from rightsdata._tables.frames import to_pandas

    to_pandas(ds, "redirects")  # import pandas before timing
    import pyarrow.parquet  # noqa: F401

    cases: dict[str, Callable[[], object]] = {
        "to_pandas_events": lambda: to_pandas(ds, "events"),
        "export_parquet": _export(ds, "parquet"),
        "export_csv": _export(ds, "csv"),
    }
    try:
        from rightsdata._tables.frames import to_pandas_all
    except ImportError:
        pass
    else:
        cases["to_pandas_all"] = lambda: to_pandas_all(ds)
    results: dict[str, Any] = {"events": len(ds.events), "shape": args.shape}
    print(f"{len(ds.events):,} events ({args.shape} shape), median of {args.repeat}")
    print(f"{'':18} {'wall':>7}    {'min':>5} - {'max':<5}  {'cpu':>7}")
    for name, run in cases.items():
        times, cpus = timed(run, args.repeat)
        median = statistics.median(times)
        target = TARGETS.get(name)
        results[name] = {
            "median": median,
            "min": min(times),
            "max": max(times),
            "cpu_median": statistics.median(cpus),
            "target": target,
        }
        against = f"  (target {target} s)" if target else ""
        print(
            f"{name:18} {median:7.3f} s  [{min(times):.3f} - {max(times):.3f}]"
            f"  {statistics.median(cpus):7.3f} s{against}"
        )
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
