"""The small dataset ``rightsdata init DIR`` writes to start from (internal).

Three records that fit together: a source, a person it names, and an event of that person
citing the source; with a ``datapackage.json`` naming the dataset. It is written as
``rightsdata fmt`` writes a folder, in the lowest format its data needs (format 2: no date is
a set), which leaves out the optional fields the template has nothing to say about:
docs/records.md shows every field of every kind.

>>> import pathlib, tempfile, rightsdata
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "mine"
>>> sorted(p.name for p in write_template(folder))
['datapackage.json', 'events.json', 'persons.json', 'sources.json']
>>> rightsdata.load_path(folder).counts()["events"]
1
>>> rightsdata.validate(folder, strict=True)  # what a user starts from passes strict too
[]
>>> import shutil; shutil.rmtree(folder.parent)
"""

from __future__ import annotations

import contextlib
import json
import os
from functools import partial
from pathlib import Path
from typing import Any, Final

from rightsdata._data.citation import PLACEHOLDERS

__all__ = ["TEMPLATE", "write_template"]

_CITE: Final = {
    "source": "source:example-report-2020",
    "locator": "page 1",
}

#: The template's files, as JSON values.
TEMPLATE: Final[dict[str, Any]] = {
    "sources.json": [
        {
            "id": "source:example-report-2020",
            "title": f"Example report{PLACEHOLDERS['sources']}",
            "published": "2020-05",
            "kind": "report",
            "language": "en",
            "note": "The document the records below cite; say what it is in a sentence.",
        }
    ],
    "persons.json": [
        {
            "id": "person:example-person",
            "name": "Example Person",
            "summary": "Who they are, in a sentence.",
            "citations": [dict(_CITE)],
        }
    ],
    "events.json": [
        {
            "id": "event:example-person-detained-2020-05-01",
            "kind": "detention",
            "title": "Example Person detained",
            "summary": "What happened, in your own words.",
            "date": "2020-05-01",
            "participants": [{"actor": "person:example-person", "role": "victim"}],
            "citations": [dict(_CITE)],
        }
    ],
}


def _descriptor(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "title": f"{name}{PLACEHOLDERS['title']}",
        "version": "0.1.0",
        "contributors": [{"title": PLACEHOLDERS["contributors"], "roles": ["author"]}],
        "sources": [{"title": TEMPLATE["sources.json"][0]["title"]}],
    }


def _name_of(folder: Path) -> str:
    """A data package name from the folder's name: lower case, digits, '-', '_', '.'."""
    name = "".join(c if c.isalnum() or c in "-_." else "-" for c in folder.name.lower())
    return name.strip("-.") or "my-dataset"


def write_template(folder: Path) -> list[Path]:
    """Write the template into ``folder`` (created; it must be empty or absent), in canonical
    form; return the files written.

    All or nothing: the files are made canonical in a scratch folder, then written into
    ``folder`` together (:func:`~rightsdata._values.atomic.write_all`); a failure (a full
    disk, an interrupt) leaves no file, and no folder, that it created: ``folder`` as it
    was, or not there."""
    import tempfile

    from rightsdata._data.canonical import format_folder
    from rightsdata._values.atomic import despite_interrupts, write_all

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} is not a folder that is empty or does not exist")
    made = _missing_folders(folder)
    files = {"datapackage.json": _descriptor(_name_of(folder.resolve())), **TEMPLATE}
    try:
        with tempfile.TemporaryDirectory(prefix="rightsdata-init-") as scratch:
            drafts = Path(scratch)
            for name, content in files.items():
                text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
                (drafts / name).write_text(text, encoding="utf-8")
            # canonical, in the current format; without sizes or hashes, which an edit would
            # make stale (`rightsdata fmt --hashes` adds them, for a dataset to publish)
            format_folder(drafts, upgrade=True)
            written = {name: (drafts / name).read_bytes() for name in files}
        folder.mkdir(parents=True, exist_ok=True)
        write_all(folder, written)
    except BaseException:
        for created in made:  # (the deepest first; each empty, as write_all left it)
            despite_interrupts(partial(_rmdir, created))
        raise
    return sorted(folder / name for name in files)


def _missing_folders(folder: Path) -> list[Path]:
    """The folders ``folder.mkdir(parents=True)`` would create, the deepest first: those a
    failed init removes again.

    >>> [p.name for p in _missing_folders(Path("no-such-folder") / "mine")]
    ['mine', 'no-such-folder']
    """
    missing = []
    for each in (folder, *folder.parents):
        if os.path.lexists(each):
            break
        missing.append(each)
    return missing


def _rmdir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
