"""Benchmark: loading and using a rightsdata dataset, against json.loads, msgspec and pydantic.

Run from a checkout with the package installed (``pip install -e ".[bench,arrow,pandas]"``)::

    python bench/bench_load.py                          # realistic shape; 1k, 10k, 100k events
    python bench/bench_load.py --sizes 1000 10000 --repeat 3
    python bench/bench_load.py --shape synthetic --ops none
    python bench/bench_load.py --max-events 1000000     # adds 1M (pydantic is left out there)
    python bench/render.py                              # the tables of docs/performance.md

Data (``bench/shape.py``): ``--shape realistic`` (the default) copies the bundled dataset's
records with fresh IDs and texts, so that every distribution is the bundled one;
``--shape synthetic`` is the original uniform shape. Each size is written in three layouts: a
dataset folder (one indented file per kind), one JSON document and JSON Lines.

Method: every measurement runs in a fresh process (``--child``) that imports what it needs,
warms up on a small dataset of the same shape (imports, decoders, the operation's code), and
then measures once: CPU time (``time.process_time``) and wall time (``time.perf_counter``),
RSS before and after, and the process's peak RSS. The parent runs the contenders interleaved,
repeat after repeat, and keeps the medians. Loads are timed under two collector regimes:

* ``default``: each library as it behaves: rightsdata pauses the cyclic collector while it
  builds records (and ends a large pause by handing what it built to the oldest generation,
  unwalked: ``rightsdata._values.gcpause``), json.loads, msgspec and pydantic run with it on,
  as a user has it;
* ``paused``: the same policy for all: the collector is disabled around every load, and the
  young collection that then moves what the load built to the old generation (``gc.collect(1)``)
  is counted in the time.

Results go to ``bench/results.json`` (``--out``), under the shape (``realistic``; with
``--format 2``, ``realistic-format2``: files that leave empty fields out, as rightsdata writes
datasets, load otherwise), beside what the file holds for the others; ``--merge`` also keeps
what this shape's earlier runs in this format measured and this one did not: other sizes, and
at a size measured again, the contenders, layouts and operations left out now (each size
records its own date, commit and command; a measurement kept from an earlier run of that size
records that run's).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from shape import (  # noqa: E402
    SHAPES,
    VERSION,
    in_format,
    summary,
    write_document,
    write_folder,
    write_json_lines,
)

from rightsdata._model.records import KINDS  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)
REGIMES = ("default", "paused")
# contender -> the layout it reads
CONTENDERS = {
    "json_loads": "folder",
    "rightsdata": "folder",
    "rightsdata_frozen": "folder",
    "rightsdata_shared": "folder",
    "msgspec_dicts": "folder",
    "msgspec_structs": "folder",
    "msgspec_constrained": "folder",
    "pydantic": "folder",
}
#: rightsdata's options, measured when named in --contenders
OPTIONAL_CONTENDERS = ("rightsdata_shared",)
LAYOUT_CONTENDERS = {
    "json_loads_document": "document",
    "rightsdata_document": "document",
    "json_loads_jsonl": "jsonl",
    "rightsdata_jsonl": "jsonl",
}
OPS = (
    "search",
    "timeline",
    "events",
    "events_kind",
    "events_role",
    "events_place",
    "related",
    "to_pandas",
    "parquet",
    "csv",
    "gc",
    "gc_frozen",
    "exit",
    "exit_frozen",
    "exit_json_loads",
)
#: operations that are another one on a dataset loaded with options
OP_OPTIONS = {"gc_frozen": ("gc", {"freeze": True}), "exit_frozen": ("exit", {"freeze": True})}
LAYOUT_FILES = {"folder": "folder", "document": "data.json", "jsonl": "data.jsonl"}


# --- the loaders (in the child) ------------------------------------------------------------


def _kind_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    for kind in KINDS:
        path = folder / f"{kind}.json"
        if path.is_file():
            yield kind, path.read_bytes()


def load_json(folder: Path) -> Any:
    return {kind: json.loads(data.decode("utf-8")) for kind, data in _kind_files(folder)}


def load_json_document(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


def load_json_lines(path: Path) -> Any:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


#: Above the default limit of 1 GiB a file: events.json of a million events is 1.7 GB.
MAX_BYTES = 1 << 40


def load_rightsdata(path: Path) -> Any:
    import rightsdata

    return rightsdata.load_path(path, max_bytes=MAX_BYTES)


def load_rightsdata_frozen(path: Path) -> Any:
    import rightsdata

    return rightsdata.load_path(path, freeze=True, max_bytes=MAX_BYTES)


def load_rightsdata_shared(path: Path) -> Any:
    import rightsdata

    return rightsdata.load_path(path, share=True, max_bytes=MAX_BYTES)


def load_msgspec_dicts(folder: Path) -> Any:
    import msgspec

    return {kind: msgspec.json.decode(data) for kind, data in _kind_files(folder)}


def _msgspec_loader(family: str) -> Callable[[Path], Any]:
    def load(folder: Path) -> Any:
        from msgspec_models import DECODERS

        decoders = DECODERS[family]
        return {kind: decoders[kind].decode(data) for kind, data in _kind_files(folder)}

    return load


def load_pydantic(folder: Path) -> Any:
    from pydantic_models import ADAPTERS

    return {kind: ADAPTERS[kind].validate_json(data) for kind, data in _kind_files(folder)}


LOADERS: dict[str, Callable[[Path], Any]] = {
    "json_loads": load_json,
    "rightsdata": load_rightsdata,
    "rightsdata_frozen": load_rightsdata_frozen,
    "rightsdata_shared": load_rightsdata_shared,
    "msgspec_dicts": load_msgspec_dicts,
    "msgspec_structs": _msgspec_loader("plain"),
    "msgspec_constrained": _msgspec_loader("constrained"),
    "pydantic": load_pydantic,
    "json_loads_document": load_json_document,
    "rightsdata_document": load_rightsdata,
    "json_loads_jsonl": load_json_lines,
    "rightsdata_jsonl": load_rightsdata,
}


# --- the child ------------------------------------------------------------------------------


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak_rss() -> None:
    """Start the peak RSS (VmHWM) afresh from the current RSS (Linux 4.0+; else a no-op)."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _peak_rss() -> int:
    """The process's peak RSS: VmHWM (getrusage's ru_maxrss would count the parent's, which
    survives fork and exec)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@contextlib.contextmanager
def _clock(out: dict[str, Any], prefix: str) -> Iterator[None]:
    cpu, wall = time.process_time(), time.perf_counter()
    yield
    out[f"{prefix}_cpu_s"] = time.process_time() - cpu
    out[f"{prefix}_wall_s"] = time.perf_counter() - wall


def _finish_child(out: dict[str, Any]) -> None:
    print(json.dumps(out), flush=True)
    os._exit(0)  # no teardown: the exit is measured on its own ("exit")


def child_load(task: dict[str, Any]) -> None:
    fn = LOADERS[task["contender"]]
    warm = fn(Path(task["warm"]))  # imports, decoders, caches: not the data
    del warm
    gc.collect()
    out: dict[str, Any] = {"rss_before": _rss()}
    _reset_peak_rss()
    if task["regime"] == "tracemalloc":  # memory only: tracing slows the load severalfold
        import tracemalloc

        tracemalloc.start()
        result = fn(Path(task["path"]))
        out["traced_held_bytes"], out["traced_peak_bytes"] = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _finish_child(out)
    paused = task["regime"] == "paused"
    with _clock(out, "load"):
        if paused:
            gc.disable()
        result = fn(Path(task["path"]))
        if paused:
            gc.collect(1)
            gc.enable()
    out["held_bytes"] = _rss() - out["rss_before"]
    out["peak_bytes"] = _peak_rss() - out["rss_before"]
    out["kept"] = result is not None
    _finish_child(out)


def _repeat(fn: Callable[[], Any], budget_s: float = 0.5, most: int = 200) -> float:
    """The median wall time of warm calls of ``fn``: as many as fit in ``budget_s`` (at least
    5, or 1 if one call takes longer than the budget), after one call not timed (which builds
    what the call needs, if an earlier call did not)."""
    fn()
    runs: list[float] = []
    stop = time.perf_counter() + budget_s
    while len(runs) < most and (
        not runs or time.perf_counter() < stop or (len(runs) < 5 and runs[0] < budget_s)
    ):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _op(ds: Any, op: str, args: dict[str, Any], out: dict[str, Any]) -> Callable[[], Any]:
    """The call ``op`` stands for, on ``ds``."""
    from rightsdata import EDTF

    if op == "search":
        return lambda: ds.search(args["name"])
    if op == "timeline":
        return lambda: ds.timeline(args["actor"])
    if op == "events":
        window = (EDTF(args["between"][0]), EDTF(args["between"][1]))
        return lambda: ds.events(between=window)
    if op == "events_kind":
        return lambda: ds.events(kind="arrest")
    if op == "events_role":
        return lambda: ds.events(role="victim")
    if op == "events_place":
        return lambda: ds.events(place=args["place"])
    if op == "related":
        return lambda: ds.related(args["actor"])
    if op == "to_pandas":
        return lambda: ds.to_pandas("events")
    if op in ("parquet", "csv"):
        folder = Path(tempfile.mkdtemp(prefix=f"rightsdata-bench-{op}-"))
        out["folder"] = str(folder)
        return lambda: ds.export(folder, op, force=True)  # (timed more than once)
    raise ValueError(op)


#: What the exit operations hold to the interpreter's exit, as a script's globals hold its
#: dataset (freed at a function's return instead, it would spare the exit's collection a
#: walk of it, which scripts do not get).
_HELD_TO_THE_EXIT: list[Any] = []


def child_op(task: dict[str, Any]) -> None:
    import rightsdata

    op, args = task["op"], task["args"]
    op, options = OP_OPTIONS.get(op, (op, {}))
    out: dict[str, Any] = {}
    if op == "exit_json_loads":  # the same exit for json.loads's dicts, to compare
        warm = load_json(Path(task["warm"]))
        del warm
        _HELD_TO_THE_EXIT.append(load_json(Path(task["path"])))
        gc.collect()
        print(json.dumps({"loaded": True}), flush=True)
        return
    warm_ds = rightsdata.load_path(Path(task["warm"]))
    if op not in ("gc", "exit"):
        _op(warm_ds, op, task["warm_args"], {})()  # imports (pandas, pyarrow) and code paths
    del warm_ds
    gc.collect()
    base, base_blocks = _rss(), sys.getallocatedblocks()
    ds = rightsdata.load_path(Path(task["path"]), max_bytes=MAX_BYTES, **options)
    if op != "gc":
        gc.collect()
    if op == "exit":
        _HELD_TO_THE_EXIT.append(ds)
        print(json.dumps({"loaded": True}), flush=True)
        return  # the parent times the interpreter's exit from here
    if op == "gc":
        # The first full collection after the load, as a program meets it: it walks 8% more
        # objects than the next ones at 100,000 events (it takes out of the collector's lists
        # the tuples holding only texts), which is timed too.
        with _clock(out, "collect"):
            out["collect_found"] = gc.collect()
        with _clock(out, "collect_again"):
            gc.collect()
        gc.disable()
        # RSS barely moves when objects are freed (the allocators keep the memory), so
        # what is freed is also counted in the interpreter's allocated memory blocks
        before, blocks = _rss(), sys.getallocatedblocks()
        with _clock(out, "del"):
            del ds
        out["del_freed_bytes"] = before - _rss()
        out["del_freed_blocks"] = blocks - sys.getallocatedblocks()
        with _clock(out, "collect_after_del"):
            out["collect_after_del_found"] = gc.collect()
        out["collect_after_del_freed_bytes"] = before - out["del_freed_bytes"] - _rss()
        out["collect_after_del_freed_blocks"] = (
            blocks - out["del_freed_blocks"] - sys.getallocatedblocks()
        )
        out["blocks_held"] = blocks - base_blocks  # the dataset's
        out["held_bytes"] = before - base
        _finish_child(out)
    call = _op(ds, op, args, out)
    with _clock(out, "first"):
        result = call()
    with contextlib.suppress(TypeError):
        out["results"] = len(result)
    if op in ("search", "timeline", "events", "related"):
        out["warm_wall_s"] = _repeat(call)
    if op == "search":  # warm index, names not asked before (results are kept per query)
        cpu, wall = [], []
        for name in args["new_names"]:
            start_cpu, start = time.process_time(), time.perf_counter()
            ds.search(name)
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        out["new_name_cpu_s"] = statistics.median(cpu)
        out["new_name_wall_s"] = statistics.median(wall)
        out["new_name_max_wall_s"] = max(wall)
    if op == "events":  # the indexed query of the performance issue
        window = (rightsdata.EDTF(args["between"][0]), rightsdata.EDTF(args["between"][1]))
        out["indexed_query_wall_s"] = _repeat(
            lambda: ds.events(between=window, involving=args["actor"])
        )
    if op in ("parquet", "csv"):
        folder = Path(out.pop("folder"))
        written = {path.name: path.read_bytes() for path in folder.iterdir()}
        out["bytes_written"] = sum(map(len, written.values()))
        shutil.rmtree(folder)
        _time_writing(written, folder.parent, out)
        if op == "parquet":
            _time_encoding(ds, out)
    _finish_child(out)


def _time_encoding(ds: Any, out: dict[str, Any]) -> None:
    """Time pyarrow's Parquet encoding alone of the export's tables (built again, each into
    memory, not timed), with the writer's defaults the export uses: the part of the export's
    time that is neither rightsdata's building of the columns nor the file system's."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from rightsdata._tables.arrow import arrow_table, memory_pool
    from rightsdata._tables.tables import TABLES, read_lists

    cache: dict[Any, Any] = {}
    read_lists(ds, cache)
    cpu = wall = 0.0
    for table in TABLES.values():
        built = arrow_table(ds, table, cache)
        sink = pa.BufferOutputStream()
        start_cpu, start = time.process_time(), time.perf_counter()
        pq.write_table(built, sink, memory_pool=memory_pool())
        cpu += time.process_time() - start_cpu
        wall += time.perf_counter() - start
        del built, sink
    out["encode_cpu_s"], out["encode_wall_s"] = cpu, wall


def _time_writing(files: dict[str, bytes], parent: Path, out: dict[str, Any]) -> None:
    """Time writing ``files``'s bytes alone, as an export writes them (the same atomic
    writer: a temporary file each, flushed to disk, renamed), in a new folder beside the
    export's: what the export's time owes to the file system rather than to rightsdata."""
    from rightsdata._values.atomic import write_all

    folder = Path(tempfile.mkdtemp(prefix="rightsdata-bench-write-", dir=parent))
    with _clock(out, "write"):
        write_all(folder, files)
    shutil.rmtree(folder)


# --- the parent -----------------------------------------------------------------------------


def _run_child(task: dict[str, Any]) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", json.dumps(task)]
    if task.get("op", "").startswith("exit"):
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            start = time.perf_counter()
            rest = proc.stdout.read()
            code = proc.wait()
            exit_s = time.perf_counter() - start
        if code or not line.strip():
            raise RuntimeError(f"child failed ({code}): {task}\n{line}{rest}")
        return {"exit_wall_s": exit_s}
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"child failed: {task}\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    stats: dict[str, Any] = {"runs": len(runs)}
    for key in runs[0]:
        values = [run[key] for run in runs if isinstance(run.get(key), int | float)]
        if values and not isinstance(runs[0][key], bool):
            stats[key] = statistics.median(values)
            if key.endswith("_s"):
                stats[f"{key}_all"] = values
    return stats


def _probe_args(data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """What the queries ask: a person's name, an actor in many events, a two-year window."""
    counts: dict[str, int] = {}
    for event in data["events"]:
        for participant in event["participants"]:
            counts[participant["actor"]] = counts.get(participant["actor"], 0) + 1
    actor = max(sorted(counts), key=counts.__getitem__)
    persons = data["persons"]
    return {
        "name": persons[len(persons) // 2]["name"],
        "new_names": _new_names(
            [p["name"] for p in persons if p["name"] != persons[len(persons) // 2]["name"]]
        ),
        "actor": actor,
        "actor_events": counts[actor],
        "between": ["2011-12-01", "2012-12-31"],
        "place": _busiest_place(data["places"]),
    }


def _busiest_place(places: list[dict[str, Any]]) -> str:
    """The place that most places are directly within (the first by ID of those), else the
    first place: what ``events(place=...)`` asks."""
    within: dict[str, int] = {}
    for place in places:
        if place.get("within") is not None:
            within[place["within"]] = within.get(place["within"], 0) + 1
    if not within:
        return str(min(place["id"] for place in places))
    return max(sorted(within), key=within.__getitem__)


def _new_names(names: list[str], count: int = 20) -> list[str]:
    """``count`` names to search for that the first search did not ask: names from the data,
    spread over it, half of them with one letter changed (a typo, which reaches the
    close-spelling tier), and a word no record holds."""
    step = max(1, len(names) // count)
    picked = [names[i] for i in range(step // 2, len(names), step)][: count - 1]
    typos = [
        name[: len(name) // 2]
        + ("x" if name[len(name) // 2] != "x" else "y")
        + name[len(name) // 2 + 1 :]
        for name in picked[1::2]
        if len(name) > 3
    ]
    return [*picked[0::2], *typos, "Zqxwvy"]


def _write_layouts(
    data: dict[str, list[dict[str, Any]]], folder: Path, version: int = 1
) -> dict[str, Path]:
    """The three layouts of ``data`` (every field written), in file format ``version``:
    ``data`` is rewritten in that format in its place (:func:`shape.in_format`)."""
    data = in_format(data, version)
    return {
        "folder": write_folder(data, folder / LAYOUT_FILES["folder"], version),
        "document": write_document(data, folder / LAYOUT_FILES["document"]),
        "jsonl": write_json_lines(data, folder / LAYOUT_FILES["jsonl"]),
    }


def _dataset(
    shape: str, size: int, seed: int, version: int, root: Path
) -> tuple[dict[str, Path], dict[str, Any], dict[str, Any]]:
    """The three layouts of ``size`` events of ``shape`` under ``root`` (written unless a
    previous run with ``--cache`` left them there), what the queries ask of them, and their
    shape's summary."""
    where = root / f"{shape}-v{VERSION}-{size}-seed{seed}-format{version}"
    meta = where / "meta.json"
    names = {layout: where / LAYOUT_FILES[layout] for layout in LAYOUT_FILES}
    if meta.is_file():
        known = json.loads(meta.read_text())
        if "place" not in known["probe"]:  # (data cached before the place was asked)
            places = json.loads((names["folder"] / "places.json").read_bytes())
            known["probe"]["place"] = _busiest_place(places)
            meta.write_text(json.dumps(known))
        return names, known["probe"], known["shape"]
    data = SHAPES[shape](size, seed)
    known = {"probe": _probe_args(data), "shape": summary(data)}  # (read every field)
    paths = _write_layouts(data, where, version)
    del data
    meta.write_text(json.dumps(known))  # last: a run stopped while writing leaves no meta
    return paths, known["probe"], known["shape"]


def _git_commit() -> str | None:
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        return subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    return None


def measure_imports(runs: int) -> dict[str, Any]:
    """Cold ``import rightsdata; rightsdata.load()`` against ``import attrs, cattrs, pendulum``:
    fresh interpreters, interleaved, bytecode cached (each command run once first)."""
    commands = {
        "rightsdata_load": "import rightsdata; rightsdata.load()",
        "attrs_cattrs_pendulum": "import attrs, cattrs, pendulum",
        "python_bare": "pass",
    }
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for code in commands.values():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times[name].append(time.perf_counter() - start)
    result: dict[str, Any] = {name: {"wall_s": statistics.median(t)} for name, t in times.items()}
    result["runs"] = runs
    return result


def results_key(shape: str, version: int) -> str:
    """Where results.json keeps the runs of ``shape`` on files of format ``version``: the
    shape's name for format 1 (every field written), ``realistic-format2`` for format 2."""
    return shape if version == 1 else f"{shape}-format{version}"


def run(args: argparse.Namespace) -> dict[str, Any]:
    import msgspec

    import rightsdata

    sizes = sorted(args.sizes or [s for s in SIZES if s <= args.max_events])
    out: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _git_commit(),
        "command": " ".join(sys.argv[1:]),
        "format": args.format,
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "msgspec": msgspec.__version__,
            "rightsdata": rightsdata.__version__,
        },
        "repeat": args.repeat,
        "sizes": {},
    }
    with contextlib.suppress(ImportError):
        import pydantic

        out["machine"]["pydantic"] = pydantic.VERSION
    ops = [] if args.ops == ["none"] else (args.ops or list(OPS))
    with tempfile.TemporaryDirectory(prefix="rightsdata-bench-") as tmp:
        root = args.cache or Path(tmp)
        warm_size = 230 if args.shape == "realistic" else 200
        warm, warm_args, _ = _dataset(args.shape, warm_size, 1, args.format, root)
        for size in sizes:
            paths, probe, shape_summary = _dataset(args.shape, size, 2012, args.format, root)
            row: dict[str, Any] = {
                "run": {
                    "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                    "commit": out["commit"],
                    "command": out["command"],
                    "load_average_at_start": os.getloadavg()[0],
                },
                "shape": shape_summary,
                "bytes": {
                    layout: (
                        sum(p.stat().st_size for p in path.iterdir())
                        if path.is_dir()
                        else path.stat().st_size
                    )
                    for layout, path in paths.items()
                },
                "probe": probe,
            }
            print(f"\n{size:,} events ({args.shape}): {row['bytes']}", flush=True)
            tasks: list[tuple[str, dict[str, Any]]] = []
            for contender, layout in CONTENDERS.items():
                if contender not in args.contenders:
                    continue
                if contender == "pydantic" and size > args.pydantic_max:
                    continue
                for regime in REGIMES:
                    tasks.append(
                        (
                            f"load/{regime}/{contender}",
                            {
                                "task": "load",
                                "contender": contender,
                                "regime": regime,
                                "path": str(paths[layout]),
                                "warm": str(warm[layout]),
                            },
                        )
                    )
            trace_tasks = [
                (f"tracemalloc/{task['contender']}", {**task, "regime": "tracemalloc"})
                for _, task in tasks
                if task["regime"] == "default" and size <= args.tracemalloc_max
            ]
            layout_tasks = []
            if size <= args.layout_max:
                for contender, layout in LAYOUT_CONTENDERS.items():
                    layout_tasks.append(
                        (
                            f"layouts/{contender}",
                            {
                                "task": "load",
                                "contender": contender,
                                "regime": "default",
                                "path": str(paths[layout]),
                                "warm": str(warm[layout]),
                            },
                        )
                    )
            op_tasks = [
                (
                    f"ops/{op}",
                    {
                        "task": "op",
                        "op": op,
                        "path": str(paths["folder"]),
                        "warm": str(warm["folder"]),
                        "args": probe,
                        "warm_args": warm_args,
                    },
                )
                for op in ops
            ]
            repeat = args.repeat if size >= 10_000 else max(args.repeat, args.small_repeat)
            row["repeat"] = repeat
            runs: dict[str, list[dict[str, Any]]] = {}
            for index in range(repeat):
                todo = list(tasks) + (trace_tasks if index == 0 else [])
                if size < 100_000 or index < args.ops_repeat:
                    todo += op_tasks
                if size < 100_000 or index < args.layout_repeat:
                    todo += layout_tasks
                for name, task in todo:
                    result = _run_child(task)
                    runs.setdefault(name, []).append(result)
                    seconds = result.get("load_wall_s", result.get("first_wall_s"))
                    seconds = seconds if seconds is not None else result.get("exit_wall_s", 0.0)
                    print(f"  [{index + 1}/{repeat}] {name:34} {seconds:9.3f} s", flush=True)
            for name, results in runs.items():
                section, _, key = name.partition("/")
                target = row.setdefault(section, {})
                if section == "load":
                    regime, _, key = key.partition("/")
                    target = target.setdefault(regime, {})
                target[key] = _medians(results)
            out["sizes"][str(size)] = row
    if args.import_runs:
        out["imports"] = measure_imports(args.import_runs)
    return out


def _merged_row(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A size's results measured now, with the measurements of an earlier run of it that this
    one left out, each stamped with that run (its ``run``: date, commit, command)."""

    def merged(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
        out = dict(new)
        for key, value in old.items():
            if not isinstance(value, dict):
                continue
            if key not in new:
                is_measurement = "runs" in value
                out[key] = {"run": old_run, **value} if is_measurement else stamped(value)
            elif isinstance(new[key], dict) and "runs" not in value:
                out[key] = merged(value, new[key])
        return out

    def stamped(section: dict[str, Any]) -> dict[str, Any]:
        return {
            key: ({"run": old_run, **value} if "runs" in value else stamped(value))
            if isinstance(value, dict)
            else value
            for key, value in section.items()
        }

    old_run = old.get("run", {})
    return {
        **new,
        **{s: merged(old.get(s, {}), new.get(s, {})) for s in _SECTIONS if s in old or s in new},
    }


#: The sections of a size's results that hold measurements (``--merge`` keeps them one by one).
_SECTIONS: Final = ("load", "layouts", "ops", "tracemalloc")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shape", choices=sorted(SHAPES), default="realistic")
    parser.add_argument(
        "--format",
        type=int,
        choices=(1, 2),
        default=1,
        help="file format of the data: 1 writes every field, 2 leaves empty ones out "
        "(a folder holding a date that is a set declares format 3, one holding a figure's "
        "of format 4)",
    )
    parser.add_argument("--sizes", type=int, nargs="+", help="events (overrides --max-events)")
    parser.add_argument(
        "--max-events", type=int, default=100_000, help="run 1k, 10k, 100k, 1M up to this"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--small-repeat", type=int, default=5, help="runs per measurement below 10,000 events"
    )
    parser.add_argument(
        "--layout-repeat", type=int, default=1_000, help="at 100k+: repeats with the layouts"
    )
    parser.add_argument(
        "--ops-repeat", type=int, default=1_000, help="at 100k+: repeats with the operations"
    )
    parser.add_argument("--layout-max", type=int, default=100_000)
    parser.add_argument("--pydantic-max", type=int, default=100_000)
    parser.add_argument(
        "--tracemalloc-max", type=int, default=10_000, help="tracemalloc's peak up to this size"
    )
    parser.add_argument(
        "--contenders",
        nargs="+",
        default=[c for c in CONTENDERS if c not in OPTIONAL_CONTENDERS],
        help=f"of {', '.join(CONTENDERS)} (default: all but {', '.join(OPTIONAL_CONTENDERS)})",
    )
    parser.add_argument("--ops", nargs="+", help=f"of {', '.join(OPS)}; 'none' for none")
    parser.add_argument("--import-runs", type=int, default=11)
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--cache",
        type=Path,
        help="keep the generated data in this folder and reuse it in later runs "
        "(the data depends only on the shape, size, seed and --format)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep what earlier runs of the shape measured and this one did not "
        "(sizes; at a size measured again, its other contenders and operations)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        task = json.loads(args.child)
        (child_load if task["task"] == "load" else child_op)(task)
        return
    results = run(args)
    merged: dict[str, Any] = {}
    if args.out.is_file():
        with contextlib.suppress(ValueError):
            merged = json.loads(args.out.read_text())
    if "shapes" not in merged:
        merged = {"shapes": {}}
    key = results_key(args.shape, args.format)
    previous = merged["shapes"].get(key)
    if args.merge and previous:  # keep the sizes (and import figures) not measured now
        before = previous.get("sizes", {})
        results["sizes"] = {
            **before,
            **{
                size: _merged_row(before[size], row) if size in before else row
                for size, row in results["sizes"].items()
            },
        }
        if "imports" not in results and "imports" in previous:
            results["imports"] = previous["imports"]
    merged["shapes"][key] = results
    args.out.write_text(json.dumps(merged, indent=2) + "\n")
    print(f"\nwritten to {args.out}; render: python bench/render.py {args.out}")


if __name__ == "__main__":
    main()
