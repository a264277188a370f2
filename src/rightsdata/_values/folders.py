"""What is wrong with a folder to be written (by ``Dataset.export``, and the commands
``init``, ``fmt`` and ``export``), said in words: which path is in the way and what it is, or
what the system answered, rather than its raw ``[Errno 20] Not a directory: '...'``.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "notes.txt").write_text("mine", encoding="utf-8")
>>> in_the_way(folder / "notes.txt" / "out") == folder / "notes.txt"
True
>>> in_the_way(folder / "new" / "out") is None
True
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import os
from pathlib import Path

from rightsdata._values.windows import link_loop

__all__ = ["in_the_way", "not_a_folder", "system_reason"]


def in_the_way(path: Path) -> Path | None:
    """The first of ``path`` and the folders it is in that exists and is not a folder (a
    file, or a link that leads nowhere), which keeps ``path`` from being a folder; None if
    there is none."""
    for part in (path, *path.parents):
        if part.is_dir():
            return None
        if part.exists() or part.is_symlink():
            return part
    return None


def not_a_folder(path: Path, blocker: Path) -> str:
    """Why ``path`` cannot be a folder, ``blocker`` being :func:`in_the_way`:
    ``ds/persons.json is a file``, ``ds/persons.json/x: ds/persons.json is a file, not a
    folder`` (or a link that leads nowhere, a loop of symbolic links, or neither a file nor a
    folder: a named pipe)."""
    if blocker.is_file():
        what = "a file"
    elif blocker.exists():  # (a named pipe, a socket, a device)
        what = "neither a file nor a folder"
    elif _loops(blocker):
        what = "a loop of symbolic links"
    else:
        what = "a link that leads nowhere"
    if blocker == path:
        return f"{path} is {what}"
    return f"{path}: {blocker} is {what}, not a folder"


def _loops(path: Path) -> bool:
    """Whether ``path`` is a symbolic link that leads, through others, back to itself."""
    try:
        os.stat(path)
    except OSError as error:
        return link_loop(error)  # (Windows' own code read too)
    return False


def system_reason(error: OSError, folder: Path) -> str:
    """What the system answered, for a command working in ``folder``: ``Permission denied``,
    and the file if it is another than ``folder`` and not a hidden temporary file."""
    reason = error.strerror or str(error)
    if not isinstance(error.filename, str):
        return reason
    name = Path(error.filename)
    if name in (folder, *folder.parents) or name.name.startswith("."):
        return reason
    return f"{reason} ({name})"
