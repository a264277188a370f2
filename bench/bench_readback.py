"""Benchmark: the exports read back: ``read_directory``, ``documents_from_rows`` and the whole
way back to a ``Dataset`` (with ``load_documents``), from the ``csv`` and ``parquet`` exports.

Run from a checkout with the package installed (``pip install -e ".[dev,arrow]"``)::

    python bench/bench_readback.py                        # 100,000 events, 3 repeats
    python bench/bench_readback.py --events 50000 --repeat 5
    python bench/bench_readback.py --cache /tmp/benchcache  # the data bench_load.py cached

The dataset is ``bench/shape.py``'s realistic one (seed 2012, as ``bench_tables.py``'s),
loaded with ``rightsdata.load_path`` from a folder (``--cache``: the folder
``bench_load.py --cache`` writes, ``realistic-v<VERSION>-<events>-seed2012-format1``, used if
it is there and written there if not). It is exported once as ``csv`` and once as
``parquet``; then each case is run ``--repeat`` times, each figure the median, wall-clock
(``time.perf_counter``) and CPU time (``time.process_time``, less sensitive to a busy
machine; it includes pyarrow's threads):

- ``csv_read``: ``read_directory(folder)``, the typed rows of every table;
- ``csv_documents``: ``documents_from_rows`` of those rows (read once, before timing);
- ``csv_dataset``: both, then ``rightsdata.load_documents``: the whole way back
  (docs/exports.md, "Reading back");
- ``parquet_read``: every table's file read with pyarrow (``pyarrow.parquet.read_table``)
  into rows (tuples; a list cell as a tuple), as the tests read them;
- ``parquet_documents`` and ``parquet_dataset``: as for CSV, from those rows;
- ``load_documents``: ``rightsdata.load_documents`` alone, of the documents read back.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rightsdata
from rightsdata import Dataset
from rightsdata.tables import TABLES, Row, documents_from_rows, read_directory

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shape  # noqa: E402  (bench/shape.py: the realistic data)
from bench_tables import timed  # noqa: E402

SEED = 2012


def dataset(events: int, cache: Path | None) -> Dataset:
    """``shape.py``'s realistic dataset of ``events`` events (format 1), from ``cache``'s
    folder of it where there is one (``bench_load.py --cache``'s), else generated (and kept
    there if ``cache`` is given)."""
    if cache is not None:
        folder = cache / f"realistic-v{shape.VERSION}-{events}-seed{SEED}-format1" / "folder"
        if (folder / "events.json").is_file():
            return rightsdata.load_path(folder)
    data = shape.in_format(shape.realistic(events, SEED), 1)
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "data" if cache is None else folder
        path = shape.write_folder(data, where, 1)
        return rightsdata.load_path(path)


def parquet_rows(folder: Path) -> dict[str, list[Row]]:
    """Every table's rows from its Parquet file: a column at a time (``to_pylist``), a list
    cell as a tuple."""
    from pyarrow import parquet

    found: dict[str, list[Row]] = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            continue
        table = parquet.read_table(path)
        columns = []
        for column in table.columns:
            values = column.to_pylist()
            if any(isinstance(v, list) for v in values):
                values = [tuple(v) if isinstance(v, list) else v for v in values]
            columns.append(values)
        found[name] = list(zip(*columns, strict=True)) if columns else []
    return found


def back_to_dataset(rows: dict[str, list[Row]]) -> Dataset:
    documents, redirects = documents_from_rows(rows)
    return rightsdata.load_documents(documents, redirects=redirects)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="a folder of generated data to reuse")
    parser.add_argument("--only", nargs="*", help="the cases to run (all by default)")
    parser.add_argument("--out", help="write the figures as JSON to this file")
    args = parser.parse_args()
    ds = dataset(args.events, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        csv_folder, parquet_folder = Path(tmp) / "csv", Path(tmp) / "parquet"
        ds.export(csv_folder, "csv")
        ds.export(parquet_folder, "parquet")
        csv_rows = read_directory(csv_folder)
        arrow_rows = parquet_rows(parquet_folder)
        assert arrow_rows == csv_rows, "the two exports read back to other rows"
        documents, redirects = documents_from_rows(csv_rows)
        assert documents == ds.to_dict(), "the records read back are not the dataset's"
        cases: dict[str, Callable[[], object]] = {
            "csv_read": lambda: read_directory(csv_folder),
            "csv_documents": lambda: documents_from_rows(csv_rows),
            "csv_dataset": lambda: back_to_dataset(read_directory(csv_folder)),
            "parquet_read": lambda: parquet_rows(parquet_folder),
            "parquet_documents": lambda: documents_from_rows(arrow_rows),
            "parquet_dataset": lambda: back_to_dataset(parquet_rows(parquet_folder)),
            "load_documents": lambda: rightsdata.load_documents(documents, redirects=redirects),
        }
        results: dict[str, Any] = {"events": len(ds.events), "repeat": args.repeat}
        print(f"{len(ds.events):,} events (realistic shape), median of {args.repeat}")
        print(f"{'':18} {'wall':>7}    {'min':>5} - {'max':<5}  {'cpu':>7}")
        for name, run in cases.items():
            if args.only and name not in args.only:
                continue
            walls, cpus = timed(run, args.repeat)
            results[name] = {
                "median": statistics.median(walls),
                "min": min(walls),
                "max": max(walls),
                "cpu_median": statistics.median(cpus),
            }
            print(
                f"{name:18} {statistics.median(walls):7.3f} s  [{min(walls):.3f} - "
                f"{max(walls):.3f}]  {statistics.median(cpus):7.3f} s",
                flush=True,
            )
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
