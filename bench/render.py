"""Render bench/results.json as the Markdown tables of docs/performance.md.

    python bench/render.py                      # bench/results.json
    python bench/render.py /tmp/r.json --shape realistic

Times are medians over the repeats, per event in microseconds (us/ev) where a load is
compared, else in milliseconds; ratios are of CPU times (``time.process_time`` in the child)
unless the column says wall.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NAMES = {
    "json_loads": "json.loads",
    "rightsdata": "**rightsdata**",
    "rightsdata_frozen": "rightsdata, `freeze=True`",
    "rightsdata_shared": "rightsdata, `share=True`",
    "msgspec_dicts": "msgspec into dicts",
    "msgspec_structs": "msgspec into plain Structs",
    "msgspec_constrained": "msgspec Structs + Meta constraints",
    "pydantic": "pydantic v2",
}
REGIMES = ("default", "paused")


def _n(size: str) -> str:
    return f"{int(size):,}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _get(row: dict[str, Any], *path: str) -> Any:
    value: Any = row
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _fmt(value: float | None, spec: str = ".2f", scale: float = 1.0) -> str:
    return "-" if value is None else format(value * scale, spec)


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or not b else a / b


def _share(a: float | None, b: float | None) -> str:
    value = _ratio(a, b)
    return "-" if value is None else f"{max(0.0, value):.0%}"


def shape_table(results: dict[str, Any]) -> str:
    from shape import bundled, summary

    here = summary(bundled())
    columns = [("bundled dataset", here)]
    for shape, result in results.items():
        if result.get("format", 1) != 1:
            continue  # (the same data, its files written otherwise)
        sizes = result.get("sizes", {})
        by_size = sorted(sizes, key=int, reverse=True)
        # the largest size, and the largest whose summary has every figure summary() gives
        # now, if that is another (the data of an earlier version of the shape)
        shown = by_size[:1] + [s for s in by_size if set(here) <= set(sizes[s]["shape"])][:1]
        for size in dict.fromkeys(shown):
            columns.append((f"{shape}, {_n(size)}", sizes[size]["shape"]))
    keys = [
        ("other_records_per_event", "other records per event", ".2f"),
        ("event_kinds", "event kinds", "d"),
        ("participants", "participants per event", ".2f"),
        ("charges", "charges per event", ".2f"),
        ("figures", "figures per event", ".2f"),
        ("citations", "citations per event", ".2f"),
        ("penalty_share", "events with a penalty", ".0%"),
        ("undated_share", "undated events", ".0%"),
        ("part_of_share", "events part of another", ".0%"),
        ("non_ascii_name_share", "non-ASCII names", ".1%"),
        ("citation_repeats", "records an equal citation is on, on average", ".2f"),
        ("inference_repeats", "records an equal inference is on, on average", ".2f"),
    ]
    rows = [
        [label]
        + ["-" if column.get(key) is None else format(column[key], spec) for _, column in columns]
        for key, label, spec in keys
    ]
    return _table(["", *(name for name, _ in columns)], rows)


def load_table(result: dict[str, Any]) -> str:
    rows = []
    for size, row in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        n = int(size)
        for contender, name in NAMES.items():
            cells = [_n(size), name]
            if _get(row, "load", "default", contender) is None:
                continue
            for regime in REGIMES:
                mine = _get(row, "load", regime, contender, "load_cpu_s")
                base = _get(row, "load", regime, "json_loads", "load_cpu_s")
                wall = _get(row, "load", regime, contender, "load_wall_s")
                cells += [
                    _fmt(mine, ".1f", 1e6 / n),
                    _fmt(_ratio(mine, base)),
                    _fmt(wall, ".1f", 1e6 / n),
                ]
            stats = _get(row, "load", "default", contender) or {}
            traced = _get(row, "tracemalloc", contender) or {}
            cells += [
                _fmt(stats.get("held_bytes"), ",.0f", 1 / n),
                _fmt(stats.get("peak_bytes"), ",.0f", 1e-6),
                _fmt(traced.get("traced_held_bytes"), ",.0f", 1 / n),
                _fmt(traced.get("traced_peak_bytes"), ",.0f", 1e-6),
            ]
            rows.append(cells)
    header = [
        "events",
        "contender",
        "default: CPU us/ev",
        "default: / json.loads",
        "default: wall us/ev",
        "paused: CPU us/ev",
        "paused: / json.loads",
        "paused: wall us/ev",
        "held B/ev",
        "peak MB",
        "traced held B/ev",
        "traced peak MB",
    ]
    return _table(header, rows)


def ratio_table(result: dict[str, Any]) -> str:
    def cpu(row: dict[str, Any], regime: str, contender: str) -> float | None:
        value = _get(row, "load", regime, contender, "load_cpu_s")
        return float(value) if value is not None else None

    pairs = [
        ("rightsdata / json.loads", "rightsdata", "json_loads"),
        ("rightsdata `freeze=True` / json.loads", "rightsdata_frozen", "json_loads"),
        ("rightsdata `share=True` / json.loads", "rightsdata_shared", "json_loads"),
        ("rightsdata / msgspec dicts", "rightsdata", "msgspec_dicts"),
        ("rightsdata / msgspec Structs", "rightsdata", "msgspec_structs"),
        ("rightsdata / msgspec + Meta", "rightsdata", "msgspec_constrained"),
        ("pydantic / rightsdata", "pydantic", "rightsdata"),
    ]
    sizes = sorted(result["sizes"], key=int)
    header = ["ratio (CPU)", *(f"{_n(s)}: {g}" for s in sizes for g in REGIMES)]
    rows = [
        [label]
        + [
            _fmt(_ratio(cpu(result["sizes"][s], g, a), cpu(result["sizes"][s], g, b)))
            for s in sizes
            for g in REGIMES
        ]
        for label, a, b in pairs
        if any(_get(result["sizes"][s], "load", "default", a) is not None for s in sizes)
    ]
    memory = ["memory held, rightsdata / pydantic"]
    for size in sizes:
        row = result["sizes"][size]
        value = _ratio(
            _get(row, "load", "default", "rightsdata", "held_bytes"),
            _get(row, "load", "default", "pydantic", "held_bytes"),
        )
        memory += [_fmt(value), ""]
    rows.append(memory)
    return _table(header, rows)


def layout_table(result: dict[str, Any]) -> str:
    rows = []
    for size, row in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        n = int(size)
        cells = [_n(size)]
        for layout, mine, base in (
            ("folder", ("load", "default", "rightsdata"), ("load", "default", "json_loads")),
            ("document", ("layouts", "rightsdata_document"), ("layouts", "json_loads_document")),
            ("jsonl", ("layouts", "rightsdata_jsonl"), ("layouts", "json_loads_jsonl")),
        ):
            ours = _get(row, *mine, "load_cpu_s")
            theirs = _get(row, *base, "load_cpu_s")
            size_mb = _get(row, "bytes", layout)
            cells += [
                _fmt(size_mb, ".1f", 1e-6),
                _fmt(ours, ".1f", 1e6 / n),
                _fmt(theirs, ".1f", 1e6 / n),
                _fmt(_ratio(ours, theirs)),
            ]
        rows.append(cells)
    header = ["events"]
    for layout in ("folder", "JSON document", "JSON Lines"):
        header += [f"{layout}: MB", "rightsdata us/ev", "json.loads us/ev", "ratio"]
    return _table(header, rows)


def ops_table(result: dict[str, Any]) -> str:
    sizes = sorted(result["sizes"], key=int)
    labels = [
        ("search", "first_wall_s", "`ds.search(name)` first call"),
        ("search", "warm_wall_s", "`ds.search(name)` again, the same name"),
        ("search", "new_name_wall_s", "`ds.search(name)`, a name not asked before (median)"),
        ("search", "new_name_max_wall_s", "`ds.search(name)`, a name not asked before (slowest)"),
        ("timeline", "first_wall_s", "`ds.timeline(actor)` first call"),
        ("timeline", "warm_wall_s", "`ds.timeline(actor)` warm"),
        ("events", "first_wall_s", "`ds.events(between=...)` first call"),
        ("events", "warm_wall_s", "`ds.events(between=...)` warm"),
        ("events", "indexed_query_wall_s", "`ds.events(between=..., involving=...)` warm"),
        ("events_kind", "first_wall_s", '`ds.events(kind="arrest")` first call'),
        ("events_role", "first_wall_s", '`ds.events(role="victim")` first call'),
        ("events_place", "first_wall_s", "`ds.events(place=...)` first call"),
        ("related", "first_wall_s", "`ds.related(actor)` first call"),
        ("related", "warm_wall_s", "`ds.related(actor)` warm"),
        ("to_pandas", "first_wall_s", '`ds.to_pandas("events")`'),
        ("parquet", "first_wall_s", '`ds.export(dir, "parquet")`'),
        ("parquet", "write_wall_s", "its files' bytes written alone, by the same writer"),
        ("parquet", "encode_wall_s", "pyarrow's encoding alone of its tables, into memory"),
        ("csv", "first_wall_s", '`ds.export(dir, "csv")`'),
        ("csv", "write_wall_s", "its files' bytes written alone, by the same writer"),
        ("gc", "collect_wall_s", "the first full `gc.collect()` after a load"),
        ("gc", "collect_again_wall_s", "a second one"),
        ("gc_frozen", "collect_wall_s", "the same after `load_path(freeze=True)`"),
        ("gc", "del_wall_s", "`del ds` (collector off)"),
        ("gc", "collect_after_del_wall_s", "then `gc.collect()`"),
        ("exit", "exit_wall_s", "process exit after a load"),
        ("exit_frozen", "exit_wall_s", "the same after `load_path(freeze=True)`"),
        ("exit_json_loads", "exit_wall_s", "process exit holding `json.loads`'s dicts"),
    ]
    rows = [
        [label]
        + [
            _fmt(_get(result["sizes"][s], "ops", op, key.replace("_wall_s", clock)), ",.3f", 1e3)
            for s in sizes
            for clock in ("_cpu_s", "_wall_s")
        ]
        for op, key, label in labels
        # a measurement no run of these results made (one added since) is left out
        if any(_get(result["sizes"][s], "ops", op, key) is not None for s in sizes)
    ]
    header = [f"{_n(s)}: {clock}" for s in sizes for clock in ("CPU", "wall")]
    return _table(["ms", *header], rows)


def memory_table(result: dict[str, Any]) -> str:
    rows = []
    for size, row in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        gc_row = _get(row, "ops", "gc") or {}
        blocks = gc_row.get("blocks_held")
        rows.append(
            [
                _n(size),
                _fmt(gc_row.get("held_bytes"), ",.0f", 1e-6),
                _fmt(gc_row.get("collect_found"), ",.0f"),
                _share(gc_row.get("del_freed_blocks"), blocks),
                _fmt(gc_row.get("collect_after_del_found"), ",.0f"),
                _share(gc_row.get("collect_after_del_freed_blocks"), blocks),
            ]
        )
    header = [
        "events",
        "held after load, MB",
        "garbage a collection finds before `del`",
        "of its memory blocks, freed by `del ds`",
        "objects a collection then finds",
        "blocks freed by it",
    ]
    return _table(header, rows)


def targets_table(result: dict[str, Any]) -> str:
    size = max(result["sizes"], key=int)
    row = result["sizes"][size]

    def cpu(regime: str, contender: str) -> float | None:
        value = _get(row, "load", regime, contender, "load_cpu_s")
        return float(value) if value is not None else None

    def both(a: str, b: str, bound: float, most: bool) -> list[str]:
        values = [_ratio(cpu(g, a), cpu(g, b)) for g in REGIMES]
        met = [
            "-" if v is None else "yes" if (v <= bound if most else v >= bound) else "no"
            for v in values
        ]
        return [_fmt(values[0]), _fmt(values[1]), " / ".join(met)]

    memory = _ratio(
        _get(row, "load", "default", "rightsdata", "held_bytes"),
        _get(row, "load", "default", "pydantic", "held_bytes"),
    )
    imports = result.get("imports") or {}
    imported = _ratio(
        _get(imports, "rightsdata_load", "wall_s"), _get(imports, "attrs_cattrs_pendulum", "wall_s")
    )
    query = _get(row, "ops", "events", "indexed_query_wall_s")

    def met(value: float | None, ok: bool) -> str:
        return "-" if value is None else ("yes" if ok else "no")

    rows = [
        ["full load / json.loads <= 1.0", *both("rightsdata", "json_loads", 1.0, True)],
        ["pydantic / rightsdata >= 3", *both("pydantic", "rightsdata", 3.0, False)],
        ["memory held / pydantic's <= 1/3", _fmt(memory), "", met(memory, (memory or 1) <= 1 / 3)],
        ["cold import + load() / attrs+cattrs+pendulum <= 1.0 (wall)", _fmt(imported), "",
         met(imported, (imported or 2) <= 1.0)],
        ["indexed query < 1 ms (wall, ms)", _fmt(query, ".3f", 1e3), "",
         met(query, (query or 1) < 1e-3)],
    ]  # fmt: skip
    return _table([f"target, at {_n(size)} events", "default", "paused", "met"], rows)


def _goal(label: str, value: float | None, shown: str, ok: bool | None, goal: str) -> list[str]:
    return [label, shown if value is not None else "-", goal,
            "-" if value is None or ok is None else ("yes" if ok else "no")]  # fmt: skip


def goals_table(result: dict[str, Any]) -> str:
    """The goals of the speed issue at 100,000 events and above (or the largest size
    measured), a pair of columns a size: first calls and exports in CPU time, warm searches
    in wall time; the 1,000-event row at 1,000 in every column."""
    sizes = sorted(result["sizes"], key=int)
    large = [s for s in sizes if int(s) >= 100_000] or sizes[-1:]
    columns = [_goals_at(result, size) for size in large]
    rows = [
        [first[0], *(cell for column in columns for cell in (column[i][1], column[i][3])),
         first[2]]
        for i, first in enumerate(columns[0])
    ]  # fmt: skip
    header = ["goal of the speed issue"]
    for size in large:
        header += [f"{_n(size)} events", "met"]
    return _table([*header, "goal"], rows)


def _goals_at(result: dict[str, Any], size: str) -> list[list[str]]:
    """[label, measured, goal, met] of each goal at ``size`` events."""
    row, n = result["sizes"][size], int(size)

    def op(name: str, key: str) -> float | None:
        value = _get(row, "ops", name, key)
        return float(value) if value is not None else None

    def load(regime: str, contender: str, key: str = "load_cpu_s", at: str = size) -> Any:
        return _get(result["sizes"].get(at, {}), "load", regime, contender, key)

    def under(label: str, value: float | None, bound: float, unit: str = "ms") -> list[str]:
        scale = 1e3 if unit == "ms" else 1.0
        shown = _fmt(value, ",.1f" if unit == "ms" else ".2f", scale) + f" {unit}"
        return _goal(label, value, shown, value is not None and value < bound,
                     f"< {bound * scale:g} {unit}")  # fmt: skip

    def ratio(label: str, a: float | None, b: float | None, bound: float) -> list[str]:
        value = _ratio(a, b)
        return _goal(label, value, _fmt(value), value is not None and value <= bound,
                     f"<= {bound:g}")  # fmt: skip

    held = load("default", "rightsdata", "held_bytes")
    peak = load("default", "rightsdata", "peak_bytes")
    blocks = op("gc", "blocks_held")
    freed = _ratio(op("gc", "del_freed_blocks"), blocks)
    after = op("gc", "collect_after_del_found")
    return [
        under("`ds.search(name)`, a name not asked before, warm (median of 20; wall)",
              op("search", "new_name_wall_s"), 1e-3),
        under("first `ds.timeline(actor)` (CPU)", op("timeline", "first_cpu_s"), 0.1),
        under("first `ds.events(between=...)` (CPU)", op("events", "first_cpu_s"), 0.1),
        under('first `ds.events(kind="arrest")` (CPU)', op("events_kind", "first_cpu_s"), 0.1),
        under('first `ds.events(role="victim")` (CPU)', op("events_role", "first_cpu_s"), 0.1),
        under("first `ds.events(place=...)` (CPU)", op("events_place", "first_cpu_s"), 0.1),
        under("first `ds.related(actor)` (CPU)", op("related", "first_cpu_s"), 0.1),
        under('`ds.to_pandas("events")` (CPU)', op("to_pandas", "first_cpu_s"), 0.2, "s"),
        under('`ds.export(dir, "parquet")` (CPU)', op("parquet", "first_cpu_s"), 0.5, "s"),
        under('`ds.export(dir, "csv")` (CPU)', op("csv", "first_cpu_s"), 1.0, "s"),
        _goal("`del ds` frees the dataset by reference counting (memory blocks freed; objects "
              "a collection then finds)", freed,
              f"{_share(op('gc', 'del_freed_blocks'), blocks)}; {_fmt(after, ',.0f')}",
              freed is not None and after == 0, "all; 0"),
        under("process exit after a load (wall)", op("exit", "exit_wall_s"), 0.5, "s"),
        under("the same after `load_path(freeze=True)` (wall)",
              op("exit_frozen", "exit_wall_s"), 0.5, "s"),
        under("the first full `gc.collect()` after a load (CPU)", op("gc", "collect_cpu_s"), 0.5,
              "s"),
        under("the same after `load_path(freeze=True)` (CPU)",
              op("gc_frozen", "collect_cpu_s"), 0.5, "s"),
        _goal("memory held per event", held, _fmt(held, ",.0f", 1 / n) + " B",
              held is not None and held / n <= 2048, "<= 2 KB"),
        ratio("the load's peak / memory held", peak, held, 1.3),
        ratio("load / `json.loads`, each library's collector policy (CPU)",
              load("default", "rightsdata"), load("default", "json_loads"), 0.8),
        ratio("the same, `load_path(freeze=True)`",
              load("default", "rightsdata_frozen"), load("default", "json_loads"), 0.8),
        ratio("load / msgspec into plain Structs, collector paused for both (CPU)",
              load("paused", "rightsdata"), load("paused", "msgspec_structs"), 1.5),
        ratio("load at 1,000 events / `json.loads`, default policy (CPU)",
              load("default", "rightsdata", at="1000"), load("default", "json_loads", at="1000"),
              1.0),
        ratio("JSON document / `json.loads` of it (CPU)",
              _get(row, "layouts", "rightsdata_document", "load_cpu_s"),
              _get(row, "layouts", "json_loads_document", "load_cpu_s"), 0.8),
        ratio("JSON Lines / `json.loads` line by line (CPU)",
              _get(row, "layouts", "rightsdata_jsonl", "load_cpu_s"),
              _get(row, "layouts", "json_loads_jsonl", "load_cpu_s"), 0.8),
    ]  # fmt: skip


def _runs(result: dict[str, Any]) -> str:
    """Which run measured which sizes, where they were measured apart (``--merge``), and the
    measurements of a size kept from an earlier run of it (stamped with that run)."""
    runs: dict[tuple[str, str], list[str]] = {}
    dates: dict[tuple[str, str], str] = {}

    def add(run: dict[str, Any], what: str) -> None:
        key = (str(run.get("commit"))[:10], str(run.get("command")))
        runs.setdefault(key, []).append(what)
        dates.setdefault(key, str(run.get("date")))

    for size, row in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        measured = list(_measurements(row))
        kept: dict[tuple[str, str], tuple[dict[str, Any], list[str]]] = {}
        for name, run in measured:
            if run is not None:
                key = (str(run.get("commit")), str(run.get("date")))
                kept.setdefault(key, (run, []))[1].append(name)
        if not kept:
            add(row.get("run") or {}, _n(size))
            continue
        now = [name for name, run in measured if run is None]
        add(row.get("run") or {}, f"{_n(size)} ({', '.join(now)})")
        for run, _names in kept.values():
            add(
                run,
                f"{_n(size)} (the rest)" if len(kept) == 1 else f"{_n(size)} ({', '.join(_names)})",
            )
    if len(runs) < 2:
        return ""
    return "".join(
        f"{', '.join(sizes)} events: {dates[key]}, commit {key[0]} (`{key[1]}`).\n"
        for key, sizes in runs.items()
    )


def _measurements(row: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """The measurements of a size's row: (section/name, the earlier run that made it, or None
    for the row's own run)."""

    def walk(section: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any] | None]]:
        for key, value in section.items():
            if not isinstance(value, dict):
                continue
            if "runs" in value:
                yield f"{path}{key}", value.get("run")
            else:
                yield from walk(value, f"{path}{key}/")

    for section in ("load", "layouts", "ops", "tracemalloc"):
        yield from walk(row.get(section) or {}, f"{section}/")


def _provenance(result: dict[str, Any], merged: bool) -> str:
    """How a shape's results were made: the command of their run and the machine, or, for
    results merged from several runs (each listed with its command by :func:`_runs`), that
    they were; the load average at the start is one run's, so it is given for one run only."""
    machine = result["machine"]
    made = (
        "Merged from the runs listed below (`--merge`; the heading names the last); "
        if merged
        else f"`python bench/bench_load.py {result['command']}`; "
    )
    started = (
        "" if merged else f", load average {machine['load_average_at_start'][0]:.1f} at the start"
    )
    return (
        f"{made}Python {machine['python']}, {machine['cpus']} CPUs{started}; "
        f"msgspec {machine['msgspec']}, pydantic {machine.get('pydantic')}; "
    )


def render(results: dict[str, Any], shapes: list[str] | None = None) -> str:
    parts = ["### Shape\n", shape_table(results)]
    for shape in shapes or list(results):
        result = results.get(shape)
        if not result:
            continue
        runs = _runs(result)
        name, version = shape.split("-format")[0], result.get("format", 1)
        written = "" if version == 1 else f", format {version} (empty fields left out)"
        parts += [
            f"\n### {name} shape{written}: {result['date']}, commit "
            f"{str(result.get('commit'))[:10]}\n",
            _provenance(result, merged=bool(runs))
            + "medians of the runs of each size ("
            + ", ".join(
                f"{_n(size)}: {row.get('repeat', result['repeat'])}"
                for size, row in sorted(result["sizes"].items(), key=lambda kv: int(kv[0]))
            )
            + "; every run in results.json).\n",
            runs,
            *(
                [
                    "The goals of the speed issue (CPU time unless the row says wall):\n",
                    goals_table(result),
                    "",
                ]
                if any("ops" in row for row in result["sizes"].values())
                else []
            ),
            "The earlier targets (CPU-time ratios; default and paused collector regimes):\n",
            targets_table(result),
            "\nLoad (default: each library's own collector policy; paused: the collector off "
            "for every contender, its young collection counted):\n",
            load_table(result),
            "\nRatios (CPU time; above 1 rightsdata is slower, except pydantic / rightsdata):\n",
            ratio_table(result),
        ]
        if any("layouts" in row for row in result["sizes"].values()):
            parts += ["\nLayouts (`rightsdata.load_path`; CPU time):\n", layout_table(result)]
        if any("ops" in row for row in result["sizes"].values()):
            parts += [
                "\nAfter a load (first call: builds what the call needs):\n",
                ops_table(result),
            ]
            parts += ["\nMemory and the collector:\n", memory_table(result)]
        imports = result.get("imports")
        if imports:
            parts.append(
                f"\nCold `import rightsdata; rightsdata.load()`: "
                f"{imports['rightsdata_load']['wall_s'] * 1e3:.0f} ms; "
                f"`import attrs, cattrs, pendulum`: "
                f"{imports['attrs_cattrs_pendulum']['wall_s'] * 1e3:.0f} ms; bare interpreter "
                f"{imports['python_bare']['wall_s'] * 1e3:.0f} ms (median of {imports['runs']})."
            )
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results", type=Path, nargs="?", default=HERE / "results.json")
    parser.add_argument(
        "--shape", nargs="+", help="realistic, realistic-format2, synthetic (default: all)"
    )
    args = parser.parse_args()
    print(render(json.loads(args.results.read_text())["shapes"], args.shape), end="")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
