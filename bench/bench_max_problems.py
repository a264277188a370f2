"""What a failed load of hostile input costs with and without ``max_problems``.

Writes empty records in each layout (a folder's ``persons.json`` and a JSON document of
``[{},{},...]``, JSON Lines of ``{"$kind": "persons"}`` lines: three problems a record) and
validates each in a fresh process, reporting its peak RSS and wall time, the problems kept
and whether the load stopped::

    python bench/bench_max_problems.py                      # 100,000 records, cap 1,000
    python bench/bench_max_problems.py --records 20000 --caps 10 1000 --schema
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
    parser.add_argument("--schema", action="store_true", help="validate with schema=True")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        paths = write(Path(scratch), args.records)
        print("| layout | bytes | max_problems | problems | stopped | peak RSS | time |")
        print("| --- | ---: | ---: | ---: | --- | ---: | ---: |")
        for layout, path in paths.items():
            size = sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else 0
            size = size or path.stat().st_size
            for cap in [None, *args.caps]:
                cost = measure(path, cap, args.schema)
                print(
                    f"| {layout} | {size:,} | {cap if cap is not None else 'None'} | "
                    f"{cost['problems']:,} | {cost['stopped_at'] is not None} | "
                    f"{cost['peak_mb']:.0f} MB | {cost['seconds']:.2f} s |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
