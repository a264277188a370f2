"""What a failed load of hostile input costs with and without ``max_problems``.

Writes empty records in each layout (a folder's ``persons.json`` and a JSON document of
``[{},{},...]``, JSON Lines of ``{"$kind": "persons"}`` lines: three problems a record) and
validates each in a fresh process, reporting its peak RSS and wall time, the problems kept
and whether the load stopped. Then one record of many bad parts, in a JSON document, each
with ``--parts`` of them: a person whose aliases are not objects (``[1, 1, ...]``), one
citing as many times with an unknown field in each citation, one of as many unknown
fields, and an event whose figures each cite a source by a number (a bad part nested in a
part)::

    python bench/bench_max_problems.py                      # 100,000 records, cap 1,000
    python bench/bench_max_problems.py --records 20000 --caps 10 1000 --schema
    python bench/bench_max_problems.py --records 0 --parts 100000 --caps 10  # records only
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

#: What each fresh process runs: ``validate`` of the path, then its cost as JSON.
_CHILD = """
import json, resource, sys, time
import rightsdata
path, cap, schema = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3] == "1"
start = time.perf_counter()
found = rightsdata.validate(path, max_problems=cap, schema=schema)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "problems": len(found),
                  "stopped_at": found.stopped_at}))
"""


def write(folder: Path, records: int) -> dict[str, Path]:
    """The same empty records in each layout, under ``folder``."""
    listed = "[" + ",".join(["{}"] * records) + "]"
    (folder / "folder").mkdir()
    (folder / "folder" / "persons.json").write_text(listed, encoding="utf-8")
    (folder / "all.json").write_text('{"persons": ' + listed + "}", encoding="utf-8")
    (folder / "all.jsonl").write_text('{"$kind": "persons"}\n' * records, encoding="utf-8")
    return {
        "folder": folder / "folder",
        "document": folder / "all.json",
        "lines": folder / "all.jsonl",
    }


#: A valid source, person and event, to which each record of many bad parts adds its parts.
_SOURCE = {"id": "source:a", "title": "T", "published": "2012", "kind": "report", "language": "en"}
_PERSON: dict[str, object] = {"id": "person:a", "name": "A", "citations": [{"source": "source:a"}]}
_EVENT: dict[str, object] = {
    "id": "event:a",
    "kind": "verdict",
    "title": "T",
    "date": "2012",
    "citations": [],
}


def write_records(folder: Path, parts: int) -> dict[str, Path]:
    """One record of ``parts`` bad parts of each kind, each a JSON document under ``folder``
    (with the source it cites). Written part by part: the parts held in this process would
    count in the children's peaks (Linux keeps the peak RSS across a fork and exec)."""
    figure = {"measure": "killed", "unit": "people", "qualifier": "exact", "best": 1}
    cited = json.dumps({**figure, "citations": [{"source": 5}]})  # (a source that is no text)
    many: dict[str, tuple[str, dict[str, object], str, str]] = {
        "aliases": ("persons", _PERSON, "aliases", "1"),
        "citations": ("persons", _PERSON, "citations", '{"source": "source:a", "x": 1}'),
        "fields": ("persons", _PERSON, "", ""),
        "nested": ("events", _EVENT, "figures", cited),
    }
    paths = {}
    for name, (kind, record, field, item) in many.items():
        paths[name] = folder / f"{name}.json"
        head = json.dumps({"sources": [_SOURCE], kind: [{**record, field: None}]})
        # (the record's last field, written as null, is where its parts go)
        before, after = head.rsplit("null", 1)
        if not field:  # many unknown fields: the record's own, after a placeholder
            before, after = before.rsplit(', "": ', 1)[0] + ", ", after
        with paths[name].open("w", encoding="utf-8") as out:
            out.write(before + ("[" if field else ""))
            for n in range(parts):
                out.write(", " if n else "")
                out.write(item if field else f'"f{n}": 1')
            out.write(("]" if field else "") + after)
    return paths


def measure(path: Path, cap: int | None, schema: bool) -> dict[str, object]:
    """The cost of validating ``path`` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), json.dumps(cap), "1" if schema else "0"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--caps", type=int, nargs="+", default=[1000])
    parser.add_argument("--parts", type=int, default=100_000, help="0: no record of many")
    parser.add_argument("--schema", action="store_true", help="validate with schema=True")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        paths: dict[str, Path] = {}
        if args.records:
            (Path(scratch) / "records").mkdir()
            paths |= write(Path(scratch) / "records", args.records)
        if args.parts:
            (Path(scratch) / "parts").mkdir()
            paths |= write_records(Path(scratch) / "parts", args.parts)
        print("| input | bytes | max_problems | problems | stopped | peak RSS | time |")
        print("| --- | ---: | ---: | ---: | --- | ---: | ---: |")
        for layout, path in paths.items():
            size = sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else 0
            size = size or path.stat().st_size
            for cap in [None, *args.caps]:
                cost = measure(path, cap, args.schema)
                print(
                    f"| {layout} | {size:,} | {cap if cap is not None else 'None'} | "
                    f"{cost['problems']:,} | {cost['stopped_at'] is not None} | "
                    f"{cost['peak_mb']:.0f} MB | {cost['seconds']:.2f} s |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
