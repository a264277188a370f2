"""Fuzz the loader for longer than CI does: ``python bench/fuzz_load.py --examples 2000``.

Runs tests/data/test_fuzz.py (mutations of the bundled dataset: bytes and JSON values) with more
examples per property; see that file for what is asserted. Failing examples are kept in
``.hypothesis/`` and replayed first on the next run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000, help="per property (default 1000)")
    parser.add_argument("--seed", help="hypothesis seed, to repeat a run")
    parser.add_argument("-k", dest="select", help="only the properties matching (pytest -k)")
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "pytest", "-n", "0", "-p", "no:randomly", "-q", "-x"]
    command.append(str(TOP / "tests" / "data" / "test_fuzz.py"))
    if args.seed:
        command.append(f"--hypothesis-seed={args.seed}")
    if args.select:
        command += ["-k", args.select]
    env = {**os.environ, "RIGHTSDATA_FUZZ_EXAMPLES": str(args.examples)}
    return subprocess.call(command, cwd=TOP, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
