"""Benchmark: loading a validated dataset against json.loads, cattrs alone and pydantic v2.

Run from a checkout with the package installed (``pip install -e ".[bench]"``)::

    python bench/bench_load.py                       # 1k, 10k and 100k events, 5 repeats
    python bench/bench_load.py --sizes 1000 10000 --repeat 3 --out bench/results.json

For each size it writes a synthetic dataset folder (about 1 KB an event, with the persons,
organisations, places, laws and sources the events cite, so that integrity passes) into a
temporary folder, then measures in one run, each the median of ``--repeat`` runs:

* ``json_loads``: reading the same files and ``json.loads`` of each (the target);
* ``rightsdata``: the full load (fast path, integrity, Dataset): ``rightsdata.load_path`` if
  the loader already uses :mod:`rightsdata._validation.fastpath`, else ``read_folder`` with the
  fast path
  patched in (the table says which);
* ``diagnostic``: the same load with the fast path off (json.loads + the strict cattrs
  converter + integrity), what every load cost before;
* ``fastpath_only``: :func:`rightsdata._validation.fastpath.decode_records` of each file,
  nothing else;
* ``pydantic``: equivalent pydantic v2 models (strict, extra fields forbidden, the same
  patterns, bounds and rules), ``TypeAdapter.validate_json`` of each file;
* resident memory per event of the loaded data (a fresh subprocess per measurement: RSS
  after minus RSS before, with the file bytes freed);
* cold import: ``import rightsdata; rightsdata.load()`` against ``import attrs, cattrs,
  pendulum``, fresh interpreters, ``--import-runs`` each, interleaved;
* the query ``ds.events(between=(a, b), involving=actor)`` once indexed, if it exists.

It prints a table and writes every figure, with the ratios against the targets, to JSON.
Timings are wall-clock (``time.perf_counter``); on a shared machine take the medians and look
at the spread (min and max are recorded too).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KINDS = (
    "sources",
    "persons",
    "organizations",
    "places",
    "laws",
    "events",
    "relationships",
    "statements",
    "ratings",
)

# --- synthetic data ---------------------------------------------------------------------------

_WORDS = [
    "activist",
    "detained",
    "police",
    "court",
    "hearing",
    "regional",
    "city",
    "oil",
    "workers",
    "strike",
    "protest",
    "square",
    "opposition",
    "party",
    "leader",
    "newspaper",
    "editor",
    "journalist",
    "lawyer",
    "appeal",
    "sentence",
    "prison",
    "colony",
    "release",
    "parole",
    "charge",
    "article",
    "criminal",
    "code",
    "administrative",
    "fine",
    "arrest",
    "rally",
    "peaceful",
    "crowd",
    "officers",
    "authorities",
    "ministry",
    "statement",
    "report",
    "monitor",
    "rights",
    "freedom",
    "assembly",
    "expression",
    "association",
    "blogger",
    "campaign",
    "movement",
    "union",
    "independent",
    "council",
    "election",
    "village",
    "district",
    "region",
    "committee",
    "prosecutor",
    "judge",
    "verdict",
    "hunger",
    "health",
    "family",
    "visit",
]
_ROLES = ("victim", "defendant", "perpetrator", "lawyer", "judge", "organiser", "witness")
_EVENT_KINDS = ("protest", "arrest", "detention", "trial", "verdict", "charge", "release")
_MEASURES = ("killed", "injured", "arrested", "detained", "charged", "convicted")


def _words(rng: random.Random, count: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def _citation(rng: random.Random, sources: list[str], fields: list[str] | None = None) -> dict:
    return {
        "source": rng.choice(sources),
        "locator": f"paragraph {rng.randint(1, 40)}" if rng.random() < 0.8 else None,
        "quote": _words(rng, 12) if rng.random() < 0.2 else None,
        "fields": fields,
    }


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2005, 2022), rng.randint(1, 12), rng.randint(1, 28)
    shape = rng.random()
    if shape < 0.6:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if shape < 0.8:
        return f"{year:04d}-{month:02d}"
    if shape < 0.9:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}-{day:02d}/{year + 1:04d}-{month:02d}"


def generate(events: int, seed: int = 2012) -> dict[str, list[dict[str, Any]]]:
    """A dataset of ``events`` events (about 1 KB each) whose references all resolve."""
    rng = random.Random(seed)
    n_sources = max(5, events // 100)
    n_persons = max(10, events // 4)
    n_orgs = max(5, events // 50)
    n_places = max(5, events // 100)
    n_laws = max(5, min(400, events // 20))
    sources = [f"source:s{i}" for i in range(n_sources)]
    persons = [f"person:p{i}" for i in range(n_persons)]
    orgs = [f"org:o{i}" for i in range(n_orgs)]
    places = [f"place:pl{i}" for i in range(n_places)]
    laws = [f"law:kz-cc-{i}" for i in range(n_laws)]
    data: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for index, sid in enumerate(sources):
        data["sources"].append(
            {
                "id": sid,
                "title": _words(rng, 8),
                "publisher": orgs[index % n_orgs],
                "published": _date(rng).split("/")[0],
                "kind": rng.choice(("report", "news_article", "press_release")),
                "language": "en",
                "url": f"https://example.org/reports/{index}",
                "note": _words(rng, 15),
                "inferred": [],
            }
        )
    for pid in persons:
        data["persons"].append(
            {
                "id": pid,
                "name": _words(rng, 2)[:-1],
                "aliases": [{"name": _words(rng, 2)[:-1], "language": "ru"}],
                "born": f"{rng.randint(1940, 2000)}" if rng.random() < 0.3 else None,
                "country": "KZ",
                "summary": _words(rng, 14),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for oid in orgs:
        data["organizations"].append(
            {
                "id": oid,
                "name": _words(rng, 3)[:-1],
                "aliases": [],
                "kind": rng.choice(("ngo", "court", "state_body", "media_outlet")),
                "country": "KZ",
                "status": None,
                "founded": None,
                "summary": _words(rng, 10),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for index, plid in enumerate(places):
        data["places"].append(
            {
                "id": plid,
                "name": _words(rng, 1)[:-1].title() + f" {index}",
                "aliases": [],
                "kind": "city" if index else "country",
                "country": "KZ",
                "within": places[0] if index else None,
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for lid in laws:
        data["laws"].append(
            {
                "id": lid,
                "instrument": "Criminal Code of the Republic of Kazakhstan (1997)",
                "jurisdiction": "KZ",
                "article": str(rng.randint(100, 400)),
                "part": str(rng.randint(1, 3)) if rng.random() < 0.5 else None,
                "title": _words(rng, 6),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for index in range(events):
        actors = [rng.choice(persons) for _ in range(rng.randint(2, 4))] + [rng.choice(orgs)]
        charges = [
            {"provision": rng.choice(laws), "against": actors[0]} for _ in range(rng.randint(0, 2))
        ]
        figures = []
        for _ in range(rng.randint(0, 2)):
            low = rng.randint(1, 500)
            figures.append(
                {
                    "measure": rng.choice(_MEASURES),
                    "unit": "people",
                    "low": low,
                    "best": None,
                    "high": low + rng.randint(0, 100) if rng.random() < 0.5 else None,
                    "qualifier": "at_least",
                    "as_given": f"at least {low}",
                    "asserted_by": rng.choice(orgs),
                    "citations": [_citation(rng, sources)],
                }
            )
        data["events"].append(
            {
                "id": f"event:e{index}",
                "kind": rng.choice(_EVENT_KINDS),
                "title": _words(rng, 8),
                "summary": _words(rng, 40),
                "date": _date(rng),
                "places": [rng.choice(places)],
                "participants": [{"actor": actor, "role": rng.choice(_ROLES)} for actor in actors],
                "charges": charges,
                "penalty": (
                    {"kind": "imprisonment", "term": f"P{rng.randint(1, 9)}Y{rng.randint(1, 11)}M"}
                    if charges
                    else None
                ),
                "figures": figures,
                "part_of": None,
                "citations": [
                    _citation(rng, sources),
                    _citation(rng, sources, ["date", "participants"]),
                ],
                "inferred": (
                    [{"field": "date", "basis": _words(rng, 8)}] if rng.random() < 0.2 else []
                ),
            }
        )
    for kind in data:
        data[kind].sort(key=lambda d: d["id"])
    return data


def write_folder(data: dict[str, list[dict[str, Any]]], folder: Path) -> None:
    """The dataset folder format: one canonical JSON file per kind, plus datapackage.json."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind, docs in data.items():
        text = json.dumps(docs, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{kind}.json").write_text(text, encoding="utf-8")
    package = {"name": "synthetic", "version": "0.0.0", "resources": []}
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n")


# --- the loaders ------------------------------------------------------------------------------


def _files(folder: Path) -> list[tuple[str, Path]]:
    return [(k, folder / f"{k}.json") for k in KINDS if (folder / f"{k}.json").is_file()]


def load_json(folder: Path) -> Any:
    return {kind: json.loads(path.read_bytes().decode("utf-8")) for kind, path in _files(folder)}


def load_fastpath_only(folder: Path) -> Any:
    from rightsdata._validation.fastpath import decode_records

    return {kind: decode_records(kind, path.read_bytes()) for kind, path in _files(folder)}


def _loading_uses_fastpath() -> bool:
    import rightsdata._data.loading as loading

    return "decode_records" in vars(loading) or "fastpath" in Path(loading.__file__).read_text()


@contextlib.contextmanager
def patched_fastpath() -> Iterator[str]:
    """The loader with the fast path: as integrated, or patched in the way docs/performance.md
    asks the loader to do it (try the fast path on the file's bytes; on any exception, parse
    and structure with the diagnostic path)."""
    import rightsdata._data.loading as loading

    if _loading_uses_fastpath():
        yield "integrated"
        return
    from rightsdata._validation.fastpath import decode_records

    original_read, original_structure = loading.read_json, loading.structure_many

    class Bytes:
        def __init__(self, file: Any, label: str, args: tuple[Any, ...]) -> None:
            self.file, self.label, self.args = file, label, args

    def read_json(file: Any, label: str, *args: Any) -> Any:
        if label.removesuffix(".json") in KINDS:
            return Bytes(file, label, args), []
        return original_read(file, label, *args)

    def structure_many(kind: str, documents: Any, where: str) -> Any:
        if not isinstance(documents, Bytes):
            return original_structure(kind, documents, where)
        try:
            return decode_records(kind, documents.file.read_bytes()), []
        except Exception:
            parsed, problems = original_read(documents.file, documents.label, *documents.args)
            if problems:
                return [], problems
            return original_structure(kind, parsed, where)

    loading.read_json, loading.structure_many = read_json, structure_many  # type: ignore[assignment]
    try:
        yield "patched"
    finally:
        loading.read_json, loading.structure_many = original_read, original_structure


@contextlib.contextmanager
def fastpath_off() -> Iterator[None]:
    """The loader with the fast path disabled: every file through json.loads and cattrs."""
    import rightsdata._data.loading as loading
    import rightsdata._validation.fastpath as fastpath

    def refuse(kind: str, data: bytes) -> Any:
        raise fastpath.FastPathError("disabled for the benchmark")

    # the loader imports its entry point (decode_with_ids; decode_records before) on each call
    names = [name for name in ("decode_records", "decode_with_ids") if hasattr(fastpath, name)]
    saved = {
        (module, name): vars(module)[name]
        for module in (fastpath, loading)
        for name in names
        if name in vars(module)
    }
    for module, name in saved:
        setattr(module, name, refuse)
    try:
        yield
    finally:
        for (module, name), original in saved.items():
            setattr(module, name, original)


def _full_load(folder: Path) -> Any:
    import rightsdata
    import rightsdata._data.loading as loading

    if hasattr(rightsdata._data.loading, "load_path"):
        return loading.load_path(folder)
    return loading.read_folder(folder)


def load_rightsdata(folder: Path) -> Any:
    with patched_fastpath():
        return _full_load(folder)


def load_diagnostic(folder: Path) -> Any:
    with patched_fastpath(), fastpath_off():
        return _full_load(folder)


def load_cattrs_only(folder: Path) -> Any:
    """json.loads and the strict converter, no integrity, gc paused like the loader does."""
    from rightsdata._validation.convert import structure_many

    gc.disable()
    try:
        out = {}
        for kind, path in _files(folder):
            records, problems = structure_many(kind, json.loads(path.read_bytes()), path.name)
            assert not problems, problems[:3]
            out[kind] = records
        return out
    finally:
        gc.enable()


def load_pydantic(folder: Path) -> Any:
    from pydantic_models import ADAPTERS  # type: ignore[import-not-found]

    return {kind: ADAPTERS[kind].validate_json(path.read_bytes()) for kind, path in _files(folder)}


LOADERS: dict[str, Callable[[Path], Any]] = {
    "json_loads": load_json,
    "rightsdata": load_rightsdata,
    "diagnostic": load_diagnostic,
    "cattrs_only": load_cattrs_only,
    "fastpath_only": load_fastpath_only,
    "pydantic": load_pydantic,
}

# --- measuring --------------------------------------------------------------------------------


def _time(fn: Callable[[Path], Any], folder: Path, repeat: int) -> dict[str, Any]:
    runs = []
    fn(folder)  # warm: imports, caches, the decoders
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn(folder)
        # Counted: the young-generation collection a load leaves behind. A loader that pauses
        # the gc leaves every object it built to the next collection (about 0.8 s at 100,000
        # events); json.loads and pydantic, with the gc on, paid for theirs as they went.
        gc.collect(1)
        runs.append(time.perf_counter() - start)
        del result
    return {
        "median_s": statistics.median(runs),
        "min_s": min(runs),
        "max_s": max(runs),
        "runs_s": runs,
    }


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def memory_child(loader: str, folder: str) -> None:
    """In a fresh process: RSS growth of holding the loaded data (imports and warm-up first)."""
    sys.path.insert(0, str(HERE))
    fn = LOADERS[loader]
    small = Path(folder).parent / "warm"
    if small.is_dir():
        fn(small)  # imports, decoders, caches: not the data
    gc.collect()
    before = _rss()
    data = fn(Path(folder))
    gc.collect()
    after = _rss()
    print(json.dumps({"bytes": after - before, "kept": data is not None}))


def measure_memory(loader: str, folder: Path, events: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", loader, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    grown = json.loads(out.stdout.strip().splitlines()[-1])["bytes"]
    return {"rss_bytes": grown, "bytes_per_event": grown / events}


def measure_imports(runs: int) -> dict[str, Any]:
    commands = {
        "rightsdata_load": "import rightsdata; rightsdata.load()",
        "attrs_cattrs_pendulum": "import attrs, cattrs, pendulum",
        "python_bare": "pass",
    }
    # Bytecode as an installed package has it (pip compiles at install; an editable install
    # writes it on first import): allow writing it, and warm each command up once.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for code in commands.values():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so that load on the machine hits all alike
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times[name].append(time.perf_counter() - start)
    result: dict[str, Any] = {
        name: {"median_s": statistics.median(t), "min_s": min(t), "max_s": max(t)}
        for name, t in times.items()
    }
    result["ratio"] = (
        result["rightsdata_load"]["median_s"] / result["attrs_cattrs_pendulum"]["median_s"]
    )
    result["importtime_top"] = importtime_breakdown("import rightsdata; rightsdata.load()")
    return result


def importtime_breakdown(code: str, top: int = 15) -> list[tuple[str, int]]:
    """The top-level imports by cumulative microseconds (python -X importtime)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    rows: dict[str, int] = {}
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if len(name) - len(name.lstrip()) <= 1:  # imported by the command itself
            rows[name.strip()] = int(cumulative)
    return sorted(rows.items(), key=lambda kv: -kv[1])[:top]


def measure_query(folder: Path, repeat: int = 200) -> dict[str, Any] | None:
    ds = _full_load(folder)
    events = getattr(ds, "events", None)
    if not callable(events):
        return None
    import rightsdata

    # The first participant of the first event that has one: an actor who certainly has
    # events, so the query returns real results (an unknown actor would measure nothing).
    actor = next(e.participants[0].actor for e in ds.events if e.participants)
    between = (rightsdata.EDTF("2005-01-01"), rightsdata.EDTF("2022-12-31"))
    gc.collect(1)  # the load's own young collection, not the query's
    try:
        start = time.perf_counter()
        first = events(between=between, involving=actor)
        gc.collect(1)  # the indexes' objects, built with the gc paused (see _time)
        first_s = time.perf_counter() - start
    except TypeError as exc:
        return {"error": f"ds.events(between=..., involving=...) is not usable yet: {exc}"}
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        found = events(between=between, involving=actor)
        runs.append(time.perf_counter() - start)
    return {
        "actor": actor,
        "first_call_s": first_s,
        "median_s": statistics.median(runs),
        "min_s": min(runs),
        "max_s": max(runs),
        "results": len(list(found)),
        "first_results": len(list(first)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=21)
    parser.add_argument("--loaders", nargs="+", default=list(LOADERS))
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return
    sys.path.insert(0, str(HERE))
    import msgspec

    import rightsdata

    with patched_fastpath() as how:
        pass
    results: dict[str, Any] = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "msgspec": msgspec.__version__,
            "rightsdata": rightsdata.__version__,
        },
        "rightsdata_loader": "load_path"
        if hasattr(rightsdata._data.loading, "load_path")
        else "read_folder",
        "fastpath": how,
        "repeat": args.repeat,
        "sizes": {},
    }
    with tempfile.TemporaryDirectory(prefix="rightsdata-bench-") as tmp:
        write_folder(generate(200, seed=1), Path(tmp) / "warm")
        for size in args.sizes:
            folder = Path(tmp) / f"events-{size}"
            write_folder(generate(size), folder)
            nbytes = sum(p.stat().st_size for _, p in _files(folder))
            events_bytes = (folder / "events.json").stat().st_size
            row: dict[str, Any] = {"bytes": nbytes, "event_bytes": events_bytes / size}
            print(
                f"\n{size:,} events: {nbytes / 1e6:.1f} MB in all, "
                f"{events_bytes / size:.0f} bytes an event (indented)",
                flush=True,
            )
            for name in args.loaders:
                row[name] = _time(LOADERS[name], folder, args.repeat)
                print(
                    f"  {name:14} {row[name]['median_s'] * 1e3:9.1f} ms  "
                    f"({row[name]['median_s'] / size * 1e6:6.2f} us/event; "
                    f"min {row[name]['min_s'] * 1e3:.1f}, max {row[name]['max_s'] * 1e3:.1f})",
                    flush=True,
                )
            base = row.get("json_loads", {}).get("median_s")
            ratios = {}
            for name in args.loaders:
                if base:
                    ratios[f"{name}/json_loads"] = row[name]["median_s"] / base
            if "pydantic" in row and "rightsdata" in row:
                ratios["pydantic/rightsdata"] = (
                    row["pydantic"]["median_s"] / row["rightsdata"]["median_s"]
                )
            row["ratios"] = ratios
            print("  ratios: " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
            if not args.no_memory and size == max(args.sizes):
                memory = {}
                for name in ("json_loads", "rightsdata", "pydantic"):
                    if name in args.loaders:
                        memory[name] = measure_memory(name, folder, size)
                        print(
                            f"  memory {name:11} {memory[name]['bytes_per_event']:8.0f} B/event "
                            f"({memory[name]['rss_bytes'] / 1e6:.0f} MB)",
                            flush=True,
                        )
                if "pydantic" in memory and "rightsdata" in memory:
                    memory["rightsdata/pydantic"] = (
                        memory["rightsdata"]["rss_bytes"] / memory["pydantic"]["rss_bytes"]
                    )
                    print(f"  memory ratio rightsdata/pydantic {memory['rightsdata/pydantic']:.2f}")
                row["memory"] = memory
            if size == max(args.sizes):
                row["query"] = measure_query(folder)
                print(f"  query: {row['query']}")
            results["sizes"][str(size)] = row
    results["imports"] = measure_imports(args.import_runs)
    imp = results["imports"]
    print(
        f"\ncold import + load(): {imp['rightsdata_load']['median_s'] * 1e3:.0f} ms; "
        f"import attrs, cattrs, pendulum: {imp['attrs_cattrs_pendulum']['median_s'] * 1e3:.0f} ms; "
        f"bare python {imp['python_bare']['median_s'] * 1e3:.0f} ms; ratio {imp['ratio']:.2f}"
    )
    for name, us in imp["importtime_top"]:
        print(f"  {us / 1e3:7.1f} ms  {name}")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
