"""Writing files so that a reader sees the old file or the new one, never a part of either.

Each file is written to a temporary file in the same folder (created exclusively, so it is
never a file or a link that was already there), flushed to disk (``fsync``) and renamed over
its name with :func:`os.replace`, which is atomic and replaces a symbolic link at that name
rather than the file it points to. :func:`write_all` does that for a set of files: it writes
every temporary file first and renames only once all of them are written, so a failure leaves
the folder as it was.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.txt", b"hello")
>>> [p.name for p in write_all(folder, {"a.txt": b"new", "b.txt": b"two"})]
['a.txt', 'b.txt']
>>> sorted(p.name for p in folder.iterdir()), (folder / "a.txt").read_bytes()
(['a.txt', 'b.txt'], b'new')
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeAlias

__all__ = ["Content", "temporary_path", "write_all", "write_atomic"]

#: What to write: the bytes, or a function that writes the file at the path it is given
#: (for writers such as pyarrow's that want a path of their own).
Content: TypeAlias = bytes | Callable[[Path], None]


def temporary_path(path: Path) -> Path:
    """A new, empty, hidden file in ``path``'s folder, for writing ``path``'s content into."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    return Path(name)


def _fill(temporary: Path, content: Content) -> None:
    """Write ``content`` into ``temporary`` and flush it to disk."""
    if isinstance(content, bytes):
        with temporary.open("wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        return
    content(temporary)
    with temporary.open("rb+") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the renames) to disk, where the system allows it."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_all(folder: Path, files: Mapping[str, Content]) -> list[Path]:
    """Write ``files`` (name in ``folder`` to content) so that all of them change or none.

    Every file is written to a temporary file first; only when all are written are they
    renamed into place, in order. If writing any of them fails, the temporary files are
    removed and the error is raised, and the folder is as it was. Returns the paths, in the
    order of ``files``.
    """
    temporaries: dict[Path, Path] = {}
    try:
        for name, content in files.items():
            path = folder / name
            temporary = temporary_path(path)
            temporaries[path] = temporary
            _fill(temporary, content)
        for path, temporary in list(temporaries.items()):
            os.replace(temporary, path)
            del temporaries[path]
    finally:
        for temporary in temporaries.values():
            with contextlib.suppress(OSError):
                temporary.unlink()
    _sync_folder(folder)
    return [folder / name for name in files]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file whole or the new one.

    A symbolic link at ``path`` is replaced by the file; what it pointed to is untouched.
    """
    target = Path(path)
    write_all(target.parent, {target.name: data})
