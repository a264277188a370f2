"""The benchmark's data and script (bench/): the realistic shape is the bundled dataset's, its
datasets load, the comparison models accept them, and the script runs at a tiny size.

No timings are asserted: bench/bench_load.py measures them (docs/performance.md).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import rightsdata

from conftest import ROOT

BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[Any]:
    sys.path.insert(0, str(BENCH))
    try:
        import msgspec_models
        import shape

        yield shape, msgspec_models
    finally:
        sys.path.remove(str(BENCH))


def test_realistic_shape_is_the_bundled_one(bench: Any) -> None:
    shape, _ = bench
    bundled = shape.summary(shape.bundled())
    # a whole number of replicas: every proportion is exactly the bundled one
    generated = shape.summary(shape.realistic(3 * bundled["events"]))
    assert generated["events"] == 3 * bundled["events"]
    for key, value in bundled.items():
        if key == "records":
            assert generated[key] == {kind: 3 * n for kind, n in value.items()}
        elif key == "inference_repeats":  # replicas may draw the same version of a basis
            assert generated[key] == pytest.approx(value, rel=0.1), key
        elif key != "events":
            assert generated[key] == pytest.approx(value), key
    assert bundled["non_ascii_name_share"] > 0 and bundled["part_of_share"] > 0
    assert bundled["citation_repeats"] > 2  # the same paragraph is cited by many records


def test_realistic_data_loads_with_fresh_ids_and_names(bench: Any, tmp_path: Path) -> None:
    shape, _ = bench
    data = shape.realistic(300)  # two replicas and a partial one
    ids = [d["id"] for documents in data.values() for d in documents]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {d["id"] for documents in shape.bundled().values() for d in documents}
    names = {p["name"] for p in data["persons"]}
    assert len(names) > len(shape.bundled()["persons"])  # not the bundled names over again
    for path in (
        shape.write_folder(data, tmp_path / "folder"),
        shape.write_document(data, tmp_path / "data.json"),
        shape.write_json_lines(data, tmp_path / "data.jsonl"),
    ):
        ds = rightsdata.load_path(path)  # every reference resolves, every record is valid
        assert ds.counts() == {kind: len(data.get(kind, ())) for kind in rightsdata.KINDS}
    assert any(event.part_of is not None for event in ds.events)


def test_realistic_needs_the_bundled_events(bench: Any) -> None:
    shape, _ = bench
    with pytest.raises(ValueError, match=f"at least {len(rightsdata.load().events)} events"):
        shape.realistic(100)


@pytest.fixture(scope="module")
def twins(bench: Any) -> dict[str, dict[str, Callable[[bytes], Any]]]:
    """Each twin family's decoder of a kind file: msgspec's two, and pydantic's."""
    _, msgspec_models = bench
    sys.path.insert(0, str(BENCH))
    try:
        import pydantic_models
    finally:
        sys.path.remove(str(BENCH))
    families = {
        name: {k: d.decode for k, d in ds.items()} for name, ds in msgspec_models.DECODERS.items()
    }
    families["pydantic"] = {k: a.validate_json for k, a in pydantic_models.ADAPTERS.items()}
    return families


@pytest.mark.parametrize("name", ["realistic", "synthetic"])
@pytest.mark.parametrize("version", [1, 2])
def test_twins_accept_both_shapes_in_both_formats(
    bench: Any, twins: Any, tmp_path: Path, name: str, version: int
) -> None:
    shape, _ = bench
    data = shape.SHAPES[name](230, 1)
    folder = shape.write_folder(shape.in_format(data, version), tmp_path, version)
    loaded = rightsdata.load_path(folder)
    assert loaded.counts() == {k: len(v) for k, v in data.items()}
    # the realistic data's dates include sets and some of its figures say what they count
    # (of), as the bundled dataset's: its folder declares format 4, the lowest that holds
    # them, in either layout
    has_sets = any(e.date is not None and e.date.is_set for e in loaded.events)
    has_of = any(f.of is not None for e in loaded.events for f in e.figures)
    assert has_sets == has_of == (name == "realistic")
    assert loaded.format == (4 if has_of else version)
    for family, decoders in twins.items():
        for kind, decode in decoders.items():
            records = decode((folder / f"{kind}.json").read_bytes())
            assert len(records) == len(data[kind]), (family, kind)
    # pydantic's twins read each date, sets included, as the library does
    for kind, field in (("events", "date"), ("statements", "date"), ("ratings", "as_of")):
        assert kind in rightsdata.KINDS
        records = twins["pydantic"][kind]((folder / f"{kind}.json").read_bytes())
        read = {r.id: getattr(r, field) for r in records}
        assert read == {r.id: getattr(r, field) for r in loaded.collection(kind)}, kind


def test_twins_accept_the_bundled_files(twins: Any) -> None:
    from rightsdata._values.resources import datasets_root

    folder = Path(str(datasets_root().joinpath("kazakhstan")))
    ds = rightsdata.load()
    for family, decoders in twins.items():
        for kind, decode in decoders.items():
            path = folder / f"{kind}.json"
            records = decode(path.read_bytes()) if path.exists() else []
            assert len(records) == len(getattr(ds, kind)), (family, kind)


def test_twins_have_the_record_classes_fields(bench: Any, twins: Any) -> None:
    # built from the model: a field added to a record class is in its twins with no edit
    import attrs

    from rightsdata._model.records import RECORD_TYPES

    _, msgspec_models = bench
    for cls in RECORD_TYPES.values():
        names = tuple(field.name for field in attrs.fields(cls))
        for family in (msgspec_models.PLAIN, msgspec_models.CONSTRAINED):
            assert family[cls.__name__].__struct_fields__ == names


@pytest.mark.parametrize(
    ("kind", "bad"),
    [
        ("events", {"participants": [{"actor": "place:almaty", "role": "victim"}]}),
        ("events", {"citations": []}),
        ("events", {"title": " padded"}),
        ("persons", {"country": "Kazakhstan"}),
        ("events", {"figures": [{"measure": "killed", "unit": "people", "best": -1,
                                 "qualifier": "exact", "citations": [{"source": "source:a"}]}]}),
    ],
)  # fmt: skip
def test_constrained_twins_reject_a_bad_value(
    bench: Any, twins: Any, kind: str, bad: dict[str, Any]
) -> None:
    import msgspec
    import pydantic

    shape, _ = bench
    document = {**shape.bundled()[kind][0], **bad}
    data = json.dumps([document]).encode()
    with pytest.raises(msgspec.ValidationError):
        twins["constrained"][kind](data)
    with pytest.raises(pydantic.ValidationError):
        twins["pydantic"][kind](data)
    assert len(twins["plain"][kind](data)) == 1  # the plain Structs check types alone


def test_pydantic_twins_run_the_records_own_rules(bench: Any, twins: Any) -> None:
    import pydantic

    shape, _ = bench
    figure = {"measure": "killed", "unit": "people", "low": 5, "best": 3,
              "qualifier": "exact", "citations": [{"source": "source:a"}]}  # fmt: skip
    document = {**shape.bundled()["events"][0], "figures": [figure]}
    with pytest.raises(pydantic.ValidationError, match="greater than"):
        twins["pydantic"]["events"](json.dumps([document]).encode())


def test_constrained_msgspec_models_check_what_plain_ones_do_not(bench: Any) -> None:
    import msgspec

    _, msgspec_models = bench
    bad = b'[{"actor": "place:almaty", "role": "victim"}]'
    plain, constrained = (
        family["Participant"] for family in (msgspec_models.PLAIN, msgspec_models.CONSTRAINED)
    )
    # list[plain], written as a value: a type checker reads list[...] as a type
    assert (
        msgspec.json.decode(bad, type=types.GenericAlias(list, (plain,)))[0].actor == "place:almaty"
    )
    with pytest.raises(msgspec.ValidationError, match="actor"):
        msgspec.json.decode(bad, type=types.GenericAlias(list, (constrained,)))


@pytest.mark.slow
@pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="bench_load.py reads memory from /proc (Linux)"
)
def test_bench_script_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "bench_load.py"),
            "--sizes", "200", "--repeat", "1", "--small-repeat", "1",
            "--import-runs", "1", "--out", str(out),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))["shapes"]["realistic"]
    row = result["sizes"]["200"]
    for regime in ("default", "paused"):
        assert set(row["load"][regime]) == {
            "json_loads",
            "rightsdata",
            "rightsdata_frozen",
            "msgspec_dicts",
            "msgspec_structs",
            "msgspec_constrained",
            "pydantic",
        }
        assert all(stats["load_cpu_s"] > 0 for stats in row["load"][regime].values())
    assert set(row["layouts"]) == {
        "json_loads_document",
        "rightsdata_document",
        "json_loads_jsonl",
        "rightsdata_jsonl",
    }
    assert set(row["ops"]) == {
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
    }
    gc_row = row["ops"]["gc"]
    assert gc_row["blocks_held"] > 0 and gc_row["collect_found"] >= 0
    assert row["ops"]["timeline"]["results"] > 0 and row["ops"]["search"]["results"] > 0
    assert row["ops"]["events_place"]["results"] > 0 and row["ops"]["events_role"]["results"] > 0
    assert row["ops"]["search"]["new_name_wall_s"] > 0
    assert len(row["probe"]["new_names"]) == len(set(row["probe"]["new_names"])) > 1
    assert row["probe"]["name"] not in row["probe"]["new_names"]
    # a frozen load's dataset is out of the collector's walk: it finds nothing to traverse
    assert row["ops"]["gc_frozen"]["blocks_held"] > 0
    assert row["ops"]["exit_frozen"]["exit_wall_s"] > 0
    for export in ("parquet", "csv"):  # the export's bytes, and writing them alone
        assert row["ops"][export]["bytes_written"] > 0
        assert row["ops"][export]["write_wall_s"] > 0
    assert row["ops"]["parquet"]["encode_cpu_s"] > 0  # pyarrow's encoding alone
    rendered = subprocess.run(
        [sys.executable, str(BENCH / "render.py"), str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "| 200 | **rightsdata** |" in rendered and "process exit after a load" in rendered
    assert "| first `ds.related(actor)` (CPU) |" in rendered  # the goals, each a row
    assert "| its files' bytes written alone, by the same writer |" in rendered
    assert "| pyarrow's encoding alone of its tables, into memory |" in rendered


def test_readback_script_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "readback.json"
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "bench_readback.py"),
            "--events", "230", "--repeat", "1", "--out", str(out),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["events"] == 230
    cases = {"read", "documents", "dataset"}
    assert {f"{f}_{c}" for f in ("csv", "parquet") for c in cases} | {"load_documents"} <= set(
        result
    )
    assert all(v["cpu_median"] > 0 for v in result.values() if isinstance(v, dict))


def test_threads_stress_script_runs_at_a_tiny_size() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "stress_threads.py"),
            "--rounds", "1", "--threads", "2", "--per-kind", "2", "--no-tables", "--built",
        ],
        check=True,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1].endswith(" 0 answers differed")


def test_render_leaves_out_a_measurement_no_run_made() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import render
    finally:
        sys.path.remove(str(BENCH))
    ops = {"parquet": {"first_cpu_s": 2.0, "first_wall_s": 2.1}}
    table = render.ops_table({"sizes": {"1000": {"ops": ops}}})
    assert '`ds.export(dir, "parquet")`' in table
    assert "encoding alone" not in table and "`ds.timeline(actor)`" not in table


def test_merge_keeps_what_a_run_left_out_with_the_run_that_measured_it() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_load
        import render
    finally:
        sys.path.remove(str(BENCH))
    old_run = {"date": "then", "commit": "a" * 40, "command": "--sizes 10"}
    new_run = {"date": "now", "commit": "b" * 40, "command": "--sizes 10 --ops search"}
    old = {
        "run": old_run,
        "load": {"default": {"rightsdata": {"runs": 3, "load_cpu_s": 2.0}}},
        "ops": {"search": {"runs": 3, "first_cpu_s": 1.0}, "csv": {"runs": 3, "first_cpu_s": 5.0}},
    }
    new = {"run": new_run, "load": {}, "ops": {"search": {"runs": 1, "first_cpu_s": 0.5}}}
    merged = bench_load._merged_row(old, new)
    assert merged["run"] == new_run
    assert merged["ops"]["search"] == {"runs": 1, "first_cpu_s": 0.5}  # measured now
    assert merged["ops"]["csv"] == {"run": old_run, "runs": 3, "first_cpu_s": 5.0}
    assert merged["load"]["default"]["rightsdata"]["run"] == old_run
    lines = render._runs({"sizes": {"10": merged}}).splitlines()
    assert lines[0].startswith("10 (ops/search) events: now, commit bbbbbbbbbb")
    assert lines[1].startswith("10 (the rest) events: then, commit aaaaaaaaaa")
    # the heading gives one run's command only where the results are that run's
    machine = {"python": "3.11", "cpus": 2, "load_average_at_start": [0.5], "msgspec": "0.23"}
    result = {"command": new_run["command"], "machine": machine}
    alone = render._provenance(result, merged=False)
    assert alone.startswith("`python bench/bench_load.py --sizes 10 --ops search`; Python 3.11")
    assert "load average 0.5" in alone
    together = render._provenance(result, merged=True)
    assert together.startswith("Merged from the runs listed below")
    assert "--ops search" not in together and "load average" not in together


def test_runs_on_format_2_files_are_kept_and_shown_apart(bench: Any) -> None:
    # (the same data written with its empty fields left out loads otherwise: its figures
    # neither replace the format 1 runs nor add a column to the shape's table)
    sys.path.insert(0, str(BENCH))
    try:
        import bench_load
        import render
    finally:
        sys.path.remove(str(BENCH))
    assert bench_load.results_key("realistic", 1) == "realistic"
    assert bench_load.results_key("realistic", 2) == "realistic-format2"
    shape, _ = bench
    summary = shape.summary(shape.bundled())
    machine = {"python": "3.11", "cpus": 2, "load_average_at_start": [0.5], "msgspec": "0.23"}
    load = {
        "json_loads": {"runs": 1, "load_cpu_s": 1.0},
        "rightsdata": {"runs": 1, "load_cpu_s": 0.8},
    }

    def result(version: int) -> dict[str, Any]:
        row = {"shape": summary, "load": {"default": load, "paused": load}, "repeat": 1}
        return {
            "date": "2026-12-06 09:33 UTC", "commit": "d" * 40, "command": "--sizes 1000",
            "machine": machine, "repeat": 1, "format": version, "sizes": {"1000": row},
        }  # fmt: skip

    rendered = render.render({"realistic": result(1), "realistic-format2": result(2)})
    assert "### realistic shape: 2026-12-06" in rendered
    assert "### realistic shape, format 2 (empty fields left out): 2026-12-06" in rendered
    header = next(line for line in rendered.splitlines() if line.startswith("|  | bundled"))
    assert header.count("realistic") == 1


def test_columns_probe_holds_every_value(bench: Any) -> None:
    """bench/columns_probe.py's figure is of columns that hold the data: the texts decode
    back, references resolve to the records they name, and each list's counts add up to
    its items."""
    shape, _ = bench
    import columns_probe

    files = {p.stem: p.read_bytes() for p in shape.BUNDLED.glob("*.json")}
    files = {k: v for k, v in files.items() if k in rightsdata.KINDS}
    columns = columns_probe.build_columns(files)
    held = columns.held
    ds = rightsdata.load_path(shape.BUNDLED)

    def texts(name: str) -> list[str]:
        data, offsets = held[name][:2]
        return [data[a:b].decode() for a, b in itertools.pairwise(offsets)]

    assert texts("events.id") == [e.id for e in ds.events]
    assert texts("persons.name") == [p.name for p in ds.persons]
    all_ids = list(columns.ids)
    actors = [all_ids[n] for n in held["events.participants.actor"]]
    assert actors == [p.actor for e in ds.events for p in e.participants]
    counts = held["events.participants#count"]
    assert list(counts) == [len(e.participants) for e in ds.events]
    assert columns.nbytes() > 0 and columns.seconds["decode"] > 0


def test_the_performance_page_shows_the_figures_of_results_json() -> None:
    # (the page's tables are render.py's output for bench/results.json: a run merged into
    # the results and not rendered, or a table edited by hand, would leave them apart)
    rendered = subprocess.run(
        [sys.executable, str(BENCH / "render.py"), str(BENCH / "results.json")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    page = (BENCH.parent / "docs" / "performance.md").read_text(encoding="utf-8")
    shown = page[page.index("### Shape\n") : page.index("## How the loader is fast")]
    assert shown.strip() == rendered.strip()
    # the goals' table at the top of the page is the one rendered with the figures
    assert _goals_table(page) == _goals_table(rendered)


def _goals_table(text: str) -> list[str]:
    start = text.index("| goal of the speed issue |")
    return list(itertools.takewhile(lambda line: line.startswith("|"), text[start:].split("\n")))
