"""Regenerate docs/vocabularies.md and docs/data-model.md from the model.

With ``--check``, write nothing and exit 1 if a page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rightsdata.docgen import data_model_page, vocabularies_page

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, text in {
        "vocabularies.md": vocabularies_page(),
        "data-model.md": data_model_page(),
    }.items():
        path = DOCS / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                path.write_text(text, encoding="utf-8")
        print(("stale: " if check else "wrote: ") + name) if name in stale else None
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
