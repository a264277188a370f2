"""Regenerate docs/data-model.md (from schemas/) and docs/vocabularies.md (from the model), and
the generated regions of docs/exports.md (the tables), docs/records.md (the examples) and
docs/loading.md (the strict rules).

With ``--check``, write nothing and exit 1 if a page is stale. The data model page is made
from the schema files in this checkout, so run ``python scripts/generate_schemas.py`` first
after changing the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docgen import data_model_page, refresh_regions, vocabularies_page
from schemagen import HAND_WRITTEN

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCHEMAS = ROOT / "schemas"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMAS.glob("*.schema.json"))
        if path.name not in HAND_WRITTEN
    }
    stale = []
    pages = {
        "vocabularies.md": vocabularies_page(),
        "data-model.md": data_model_page(schemas),
    }
    for name in ("exports.md", "records.md", "loading.md"):  # hand-written, generated regions
        pages[name] = refresh_regions((DOCS / name).read_text(encoding="utf-8"))
    for name, text in pages.items():
        path = DOCS / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                path.write_text(text, encoding="utf-8")
    for name in stale:
        print(("stale: " if check else "wrote: ") + name)
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
