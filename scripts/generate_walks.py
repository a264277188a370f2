"""Regenerate src/rightsdata/_validation/walks.py: the bulk checks' walks, compiled with the
package.

With ``--check``, write nothing and exit 1 if the module is stale. Run it after changing the
record classes or rightsdata._validation.bulkcheck (a stale walk is never used, only slower to
start).
"""

from __future__ import annotations

import sys
from pathlib import Path

from rightsdata._model.records import RECORD_TYPES
from rightsdata._validation.bulkcheck import walks_module

MODULE = Path(__file__).resolve().parent.parent / "src" / "rightsdata" / "_validation" / "walks.py"


def main(argv: list[str]) -> int:
    text = walks_module(RECORD_TYPES.values())
    if MODULE.is_file() and MODULE.read_text(encoding="utf-8") == text:
        return 0
    if "--check" in argv:
        print(f"stale: {MODULE.name}; run python scripts/generate_walks.py")
        return 1
    MODULE.write_text(text, encoding="utf-8")
    print(f"wrote: {MODULE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
