"""Regenerate schemas/ (and schemas/v3/ and v2/, the older formats') from the record classes:
``python scripts/generate_schemas.py``.

With ``--check``, write nothing and exit 1 if a committed schema differs from the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

from schemagen import HAND_WRITTEN, generate

from rightsdata._data.canonical import dumps

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def shipped_name(path: Path) -> str:
    """A schema file's name relative to schemas/, as :func:`schemagen.generate` keys it
    (``'v2/events.schema.json'``)."""
    return path.relative_to(SCHEMAS).as_posix()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    wanted = {name: dumps(schema) for name, schema in generate().items()}
    for name, text in wanted.items():
        path = SCHEMAS / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    extra = sorted(
        name
        for name in map(shipped_name, SCHEMAS.rglob("*.schema.json"))
        if name not in wanted and name not in HAND_WRITTEN
    )
    for name in stale:
        print(("stale: " if check else "wrote: ") + name)
    for name in extra:
        print(f"not generated (remove it): {name}")
    return 1 if check and (stale or extra) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
