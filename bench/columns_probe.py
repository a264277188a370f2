"""Probe: what a dataset held as columns would take to build at load, and would hold.

Not rightsdata's representation: a measurement of the one docs/performance.md ("Memory, the
full collection and the exit") finds the goals still open need. Each kind's file is decoded
into plain Structs (``msgspec_models.PLAIN``: the field types alone, no check), taken apart
into columns, and the Structs let go:

- texts (the ``id`` column, names, titles, dates...): one UTF-8 buffer and int32 offsets a
  column, a bitmap where some are null;
- references to records (a text column whose values are all IDs of the dataset): int32 row
  numbers into the dataset's IDs;
- vocabulary terms: uint8 codes; counts and numbers: numpy arrays;
- each list: int32 counts a row, its items a table of their own, taken apart the same way.

No check runs and no record object is made: the CPU time is a floor for a load into such
columns written in Python, and the bytes are what the columns hold (numpy's and the buffers'
``nbytes``). Each mode runs in a fresh process with the collector paused (``json_loads_gc``:
``json.loads`` with it on, as the load goal compares; ``rightsdata``: ``load_path``, which
pauses it itself), the modes interleaved, ``--runs`` times; the medians are printed, and
with ``--out`` written as JSON::

    python bench/columns_probe.py /tmp/benchcache/realistic-v3-100000-seed2012-format1/folder
    python bench/columns_probe.py FOLDER --runs 5 --modes columns json_loads

``FOLDER`` is a dataset folder as ``bench_load.py --cache DIR`` keeps it (``DIR/<case>/folder``).
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import json
import operator
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

MODES = ("json_loads", "json_loads_gc", "structs", "columns", "rightsdata")
_NOT_NONE = functools.partial(operator.is_not, None)
#: the steps of the ``columns`` mode, timed apart (CPU seconds)
STEPS = ("decode", "gather", "texts", "references", "lists", "other")


def _rss() -> int:
    """The process's resident memory in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


class _Columns:
    """The columns of one load, and the CPU time of each step."""

    def __init__(self, kinds: dict[str, dict[str, tuple[str, bool]]]) -> None:
        #: class name -> field -> the twin's kind ("str", "enum", "part", ...) and whether
        #: it is a list
        self.kinds = kinds
        self.held: dict[str, Any] = {}
        self.texts_to_resolve: dict[str, list[Any]] = {}
        self.ids: dict[str, int] = {}
        self.seconds = dict.fromkeys(STEPS, 0.0)

    def _timed(self, step: str, start: float) -> None:
        self.seconds[step] += time.process_time() - start

    def take(self, cls: Any, rows: list[Any], name: str) -> None:
        """Take ``rows`` (Structs of ``cls``) apart into columns named ``name.field``."""
        import msgspec
        import numpy as np

        fields = self.kinds[cls.__name__]
        for field in cls.__struct_fields__:
            start = time.process_time()
            values = list(map(operator.attrgetter(field), rows))
            self._timed("gather", start)
            start = time.process_time()
            where = f"{name}.{field}"
            kind, many = fields[field]
            if many:
                lists = [v or () for v in values] if None in values else values
                self.held[where + "#count"] = np.fromiter(
                    map(len, lists), dtype=np.int32, count=len(lists)
                )
                items = list(itertools.chain.from_iterable(lists))
                self._timed("lists", start)
                if items and isinstance(items[0], msgspec.Struct):
                    self.take(type(items[0]), items, where)
                elif kind == "enum":
                    self._terms(where, items)
                else:
                    self.texts_to_resolve[where] = items
            elif isinstance(next(filter(_NOT_NONE, values), None), msgspec.Struct):
                present = np.fromiter(
                    map(operator.is_not, values, itertools.repeat(None)), dtype=bool
                )
                self.held[where + "#present"] = np.packbits(present, bitorder="little")
                items = [v for v in values if v is not None]
                self._timed("other", start)
                self.take(type(items[0]), items, where)
            elif kind == "enum":
                self._terms(where, values)
            elif kind in ("int", "float", "bool"):
                self.held[where] = np.array(
                    [0 if v is None else v for v in values] if None in values else values
                )
                self._timed("other", start)
            else:
                if field == "id" and name.count(".") == 0:
                    self.ids.update(zip(values, itertools.count(len(self.ids))))
                self.texts_to_resolve[where] = values
                self._timed("other", start)

    def _terms(self, where: str, values: list[Any]) -> None:
        import numpy as np

        start = time.process_time()
        terms = {term: n for n, term in enumerate(sorted(set(values) - {None}), 1)}
        self.held[where] = np.fromiter(
            map(terms.get, values, itertools.repeat(0)), dtype=np.uint8, count=len(values)
        )
        self._timed("other", start)

    def finish(self) -> None:
        """Resolve the reference columns to row numbers; make the other texts UTF-8."""
        import numpy as np

        ids = self.ids
        for where, values in self.texts_to_resolve.items():
            start = time.process_time()
            present = set(values)
            present.discard(None)
            if not where.endswith(".id") and present and present <= ids.keys():
                self.held[where] = np.fromiter(
                    map(ids.get, values, itertools.repeat(-1)), dtype=np.int32, count=len(values)
                )
                self._timed("references", start)
            else:
                self.held[where] = _texts(values)
                self._timed("texts", start)
        self.texts_to_resolve.clear()

    def nbytes(self) -> int:
        return sum(_nbytes(v) for v in self.held.values())


def _texts(values: list[str | None]) -> tuple[Any, ...]:
    """One UTF-8 buffer, int32 offsets and (where some are null) a validity bitmap."""
    import numpy as np

    count = len(values)
    valid = None
    if None in values:
        present = np.fromiter(map(operator.is_not, values, itertools.repeat(None)), dtype=bool)
        valid = np.packbits(present, bitorder="little")
        values = [v if v is not None else "" for v in values]
    texts: list[str] = values  # type: ignore[assignment]
    joined = "".join(texts)
    if joined.isascii():
        data = joined.encode("ascii")
        lengths = np.fromiter(map(len, texts), dtype=np.int32, count=count)
    else:
        encoded = list(map(str.encode, texts))
        data = b"".join(encoded)
        lengths = np.fromiter(map(len, encoded), dtype=np.int32, count=count)
    offsets = np.zeros(count + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    return (data, offsets) if valid is None else (data, offsets, valid)


def _nbytes(value: Any) -> int:
    if isinstance(value, tuple):
        return sum(_nbytes(v) for v in value)
    if isinstance(value, bytes):
        return len(value)
    return int(value.nbytes)


def _twins() -> tuple[Any, dict[str, str], dict[str, dict[str, tuple[str, bool]]]]:
    """The plain Structs, each kind's class name, and each class's fields' kinds."""
    sys.path.insert(0, str(Path(__file__).parent))
    from msgspec_models import PLAIN
    from twin_fields import KIND_CLASS, classes, twin_fields

    kinds = {
        cls.__name__: {t.name: (t.kind, t.many) for t in twin_fields(cls)} for cls in classes()
    }
    return PLAIN, KIND_CLASS, kinds


def build_columns(files: dict[str, bytes]) -> _Columns:
    """The columns of the kinds' files (``{"events": the bytes of events.json, ...}``)."""
    import msgspec

    plain, kind_class, kinds = _twins()
    columns = _Columns(kinds)
    for kind, data in files.items():
        cls = plain[kind_class[kind]]
        step = time.process_time()
        rows = msgspec.json.decode(data, type=list[cls])  # type: ignore[valid-type]
        columns.seconds["decode"] += time.process_time() - step
        columns.take(cls, rows, kind)
        del rows
    columns.finish()
    return columns


def _one(folder: Path, mode: str) -> dict[str, Any]:
    """Load ``folder`` one way in this process; CPU seconds and bytes held."""
    import msgspec
    import numpy  # noqa: F401  (imported before the clock, as rightsdata's is)

    import rightsdata

    plain, kind_class, _ = _twins()

    files = {
        kind: (folder / f"{kind}.json").read_bytes()
        for kind in kind_class
        if (folder / f"{kind}.json").exists()
    }
    events = len(msgspec.json.decode(files["events"]))
    gc.collect()
    gc.disable()
    before = _rss()
    start = time.process_time()
    held: Any
    out: dict[str, Any] = {"mode": mode, "events": events}
    if mode == "json_loads":
        held = [json.loads(data) for data in files.values()]
    elif mode == "json_loads_gc":
        gc.enable()  # the collector as a user has it (the goal's regime)
        held = [json.loads(data) for data in files.values()]
    elif mode == "structs":
        held = [
            msgspec.json.decode(data, type=list[plain[kind_class[kind]]])  # type: ignore[valid-type]
            for kind, data in files.items()
        ]
    elif mode == "columns":
        held = build_columns(files)
        out["steps"] = held.seconds
        out["columns"] = len(held.held)
        out["column_bytes_per_event"] = held.nbytes() / events
    else:
        gc.enable()  # load_path pauses the collector itself
        held = rightsdata.load_path(folder)
    out["cpu_s"] = time.process_time() - start
    out["rss_per_event"] = (_rss() - before) / events
    del held
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.folder, args.one)))
        return
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in args.modes}
    for _ in range(args.runs):
        for mode in args.modes:  # interleaved, a fresh process each
            command = [sys.executable, __file__, str(args.folder), "--one", mode]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            runs[mode].append(json.loads(done.stdout))
    summary: dict[str, Any] = {}
    for mode, results in runs.items():
        row: dict[str, Any] = {
            "cpu_s": statistics.median(r["cpu_s"] for r in results),
            "rss_per_event": statistics.median(r["rss_per_event"] for r in results),
        }
        if mode == "columns":
            row["column_bytes_per_event"] = results[0]["column_bytes_per_event"]
            row["columns"] = results[0]["columns"]
            row["steps"] = {
                step: statistics.median(r["steps"][step] for r in results) for step in STEPS
            }
        summary[mode] = row
        print(mode, json.dumps(row))
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
