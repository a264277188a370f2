"""The other files a dataset folder's ``datapackage.json`` lists (a README, a licence: not the
dataset's own files), and which of them are measured (internal: the one rule that a load and
``rightsdata fmt`` both follow, worked out by :func:`listed_file`).

Such a file's ``bytes`` and ``hash`` are measured only for a regular file inside the folder,
reached through no symbolic link: a path that reaches outside the folder (absolute, a ``..``,
a colon: a drive or a stream on Windows) is never opened, and neither is a link's file,
which may lie outside the folder or change without the dataset changing. A load refuses
such an entry that gives a size or hash, and ``fmt`` removes them from a link's entry (it
can never be measured while it is one); a missing file's entry, or one that is no regular
file, keeps them (the file may come back: a load refuses the entry until it does). The
dataset's own files (a kind's file, ``redirects.json``) are read where their links lead, and
measured there; ``fmt`` never replaces such a link, nor writes where it leads
(:class:`~rightsdata._data.canonical.LinkedFileError`).

>>> inside("docs/notes.md"), inside("../notes.md")
(['docs', 'notes.md'], None)
"""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:  # (a load of the bundled data does without pathlib)
    from pathlib import Path

__all__ = [
    "Listed",
    "file_type",
    "inside",
    "link_on_the_way",
    "listed_file",
    "not_regular",
    "outside",
]

_FILE_TYPES: Final = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_type(mode: int) -> str | None:
    """What a file that is not a regular one is, by its ``st_mode``; None for a regular file.

    >>> file_type(stat.S_IFDIR), file_type(stat.S_IFREG)
    ('a directory', None)
    """
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _FILE_TYPES if test(mode)), "not a file")


def not_regular(kind: str) -> str:
    """What a load and ``rightsdata fmt`` say of a file that is ``kind`` (:func:`file_type`).

    >>> not_regular("a FIFO (named pipe)")
    'is a FIFO (named pipe), not a regular file'
    """
    return f"is {kind}, not a regular file"


def inside(path: str) -> list[str] | None:
    """The names of a resource's relative ``path`` inside the dataset's folder, or None if
    it would reach outside it (absolute, a ``..``), holds a control character or a colon:
    such a file is never opened, whatever the descriptor's check said (``rightsdata fmt``
    reads without). A backslash separates names, as on Windows, on every system; a colon
    names a drive there (``C:/Windows/win.ini``, ``C:x``: the folder is left behind) or a
    file's alternate stream (``notes.md:hidden``), and is refused on every system too, so
    that a dataset reads alike on each.

    >>> inside("data/events.json"), inside("a\\n/../../x"), inside("/etc/passwd")
    (['data', 'events.json'], None, None)
    >>> inside("C:/Windows/win.ini"), inside("C:x"), inside("notes.md:stream")
    (None, None, None)
    """
    names = path.replace("\\", "/").split("/")
    if not path or names[0] == "" or ".." in names:
        return None
    if any(c < " " or c == "\x7f" or c == ":" for c in path):
        return None
    return names


def outside(path: str) -> str:
    """What a load and ``rightsdata fmt`` say of a ``path`` that :func:`inside` refuses.

    >>> outside("../x.md")
    "is not a path inside the dataset's folder"
    >>> outside("C:/x.md")
    "is not a path inside the dataset's folder (a ':' names a drive or a file's stream on Windows)"
    """
    said = "is not a path inside the dataset's folder"
    return f"{said} (a ':' names a drive or a file's stream on Windows)" if ":" in path else said


def link_on_the_way(folder: Path, names: list[str]) -> str | None:
    """The first symbolic link on the way from ``folder`` to the file of ``names`` (of
    :func:`inside`), as a path relative to the folder (the file itself, or a folder it is
    in); None if there is none.

    >>> from pathlib import Path
    >>> link_on_the_way(Path("."), ["no-such-folder", "x.md"]) is None
    True
    """
    for end in range(1, len(names) + 1):
        if folder.joinpath(*names[:end]).is_symlink():
            return "/".join(names[:end])
    return None


class Listed(NamedTuple):
    """What the rule says of one other file a descriptor lists (:func:`listed_file`)."""

    #: the names of its path inside the folder (:func:`inside`); None if it reaches outside
    names: list[str] | None
    #: the first symbolic link on the way to it (:func:`link_on_the_way`), if any
    link: str | None
    #: why it is not measured, said after "names 'x', which"; None if it is measured
    why: str | None
    #: whether a load refuses its entry whatever it gives (outside, missing, no regular file)
    refused: bool

    def said(self, path: str) -> str:
        """``names 'path', which ...``: what a load and ``fmt`` say of it (if ``why``)."""
        return f"names {path!r}, which {self.why}"


def listed_file(folder: Path | None, path: str) -> Listed:
    """The rule for the other file listed at ``path`` in ``folder`` (None: package data not on
    disk, which holds no link; whether such a file is there is for its read to find).

    >>> from pathlib import Path
    >>> listed_file(Path("."), "../x.md").said("../x.md")
    "names '../x.md', which is not a path inside the dataset's folder"
    >>> listed_file(Path("."), "no-such-file.md").why
    'does not exist'
    """
    names = inside(path)
    if names is None:
        return Listed(None, None, outside(path), True)
    if folder is None:
        return Listed(names, None, None, False)
    file = folder.joinpath(*names)
    link = link_on_the_way(folder, names)
    itself = link == "/".join(names)
    through = "" if link is None or itself else f" (reached through the symbolic link {link!r})"
    try:
        mode = file.stat().st_mode  # (a stat through any link, never a read)
    except (OSError, ValueError):
        what = " (a symbolic link to nothing)" if itself else through
        return Listed(names, link, f"does not exist{what}", True)
    kind = file_type(mode)
    if kind is not None:
        what = " (a symbolic link leads to it)" if itself else through
        return Listed(names, link, f"{not_regular(kind)}{what}", True)
    if link is None:
        return Listed(names, None, None, False)
    why = "is a symbolic link" if itself else f"is reached through the symbolic link {link!r}"
    return Listed(names, link, why, False)
