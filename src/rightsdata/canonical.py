"""The canonical form of a dataset folder, and the command that writes it (``rightsdata fmt``).

Canonical means: one file per record kind, records sorted by ID, every field present in the
model's order, ``json.dumps(..., ensure_ascii=False, indent=2)`` plus a final newline; and a
``datapackage.json`` whose resources list each file with its size and SHA-256 hash and whose
``sources`` list the dataset's source records. The files are then exactly what
``Dataset.to_dict()`` writes.

>>> from rightsdata.canonical import dumps
>>> print(dumps([{"id": "place:almaty"}]), end="")
[
  {
    "id": "place:almaty"
  }
]
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from rightsdata.dataset import Dataset
from rightsdata.loading import DESCRIPTOR, read_folder
from rightsdata.model import KINDS

__all__ = ["dumps", "format_folder", "package_metadata", "render_folder", "schema_id", "sha256"]

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def dumps(value: Any) -> str:
    """JSON text in the canonical formatting."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def sha256(text: str) -> str:
    """The hash of a file's UTF-8 bytes, as a data package writes it: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def schema_id(kind: str) -> str:
    """The ``$id`` of the JSON Schema for one record of ``kind``."""
    return f"urn:rightsdata:schemas:v1:{kind}"


def package_metadata(dataset: Dataset, descriptor: dict[str, Any] | None = None) -> dict[str, Any]:
    """The data package descriptor of ``dataset`` (``descriptor`` if given, else its own),
    with the profile, name, version and sources filled in (its resources are the caller's to
    set)."""
    package: dict[str, Any] = dict(descriptor or dataset.descriptor or {})
    package.setdefault("$schema", DATAPACKAGE_PROFILE)
    package.setdefault("name", dataset.name or "dataset")
    package.setdefault("version", dataset.version or "0.1.0")
    package["sources"] = [
        {"title": s.title, **({"path": s.url} if s.url else {})} for s in dataset.sources
    ]
    return package


def render_folder(dataset: Dataset, descriptor: dict[str, Any] | None = None) -> dict[str, str]:
    """The canonical text of every file of ``dataset``'s folder, by file name."""
    files = {f"{kind}.json": dumps(docs) for kind, docs in dataset.to_dict().items()}
    if dataset.redirects:
        files["redirects.json"] = dumps(
            [{"id": old, "to": new} for old, new in sorted(dataset.redirects.items())]
        )
    package = package_metadata(dataset, descriptor)
    package["resources"] = [
        {
            "name": kind,
            "path": f"{kind}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "schema": schema_id(kind),
            "bytes": len(files[f"{kind}.json"].encode("utf-8")),
            "hash": sha256(files[f"{kind}.json"]),
        }
        for kind in KINDS
    ]
    files[DESCRIPTOR] = dumps(package)
    return files


def format_folder(folder: Path, *, check: bool = False) -> list[str]:
    """Rewrite ``folder`` in canonical form; return the names of files that changed.

    With ``check=True`` nothing is written: the names are the files that are not canonical.
    The folder is read and validated first, so an invalid dataset raises
    :class:`~rightsdata.InvalidDataError` and is left untouched.
    """
    dataset = read_folder(folder)
    changed = []
    for name, text in render_folder(dataset).items():
        path = folder / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            changed.append(name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return changed
