"""The files a dataset folder's ``datapackage.json`` lists, and which of them are measured
(internal: the one rule that a load and ``rightsdata fmt`` both follow).

A listed file's ``bytes`` and ``hash`` are measured only for a regular file inside the folder,
reached through no symbolic link: a path that reaches outside the folder (absolute, a ``..``)
is never opened, and neither is a link's file, which may lie outside the folder or change
without the dataset changing. A load refuses a link's entry that gives a size or hash (with
what to do), and ``fmt`` never writes one for it.

>>> inside("docs/notes.md"), inside("../notes.md")
(['docs', 'notes.md'], None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (a load of the bundled data does without pathlib)
    from pathlib import Path

__all__ = ["inside", "link_on_the_way", "not_measured", "unmeasured_link"]


def inside(path: str) -> list[str] | None:
    """The names of a resource's relative ``path`` inside the dataset's folder, or None if
    it would reach outside it (absolute, a ``..``) or holds a control character: such a file
    is never opened, whatever the descriptor's check said (``rightsdata fmt`` reads without).

    >>> inside("data/events.json"), inside("a\\n/../../x"), inside("/etc/passwd")
    (['data', 'events.json'], None, None)
    """
    names = path.replace("\\", "/").split("/")
    if not path or names[0] == "" or ".." in names or any(c < " " or c == "\x7f" for c in path):
        return None
    return names


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


def unmeasured_link(path: str, link: str) -> str:
    """What a load says of a listed ``path`` reached through the symbolic ``link`` whose entry
    gives a size or hash, and what to do (``rightsdata fmt`` says the same).

    >>> unmeasured_link("README.md", "README.md")  # doctest: +ELLIPSIS
    "names 'README.md', a symbolic link, whose size and hash a load does not check ..."
    """
    what = (
        "a symbolic link"
        if link == "/".join(inside(path) or ())
        else f"reached through the symbolic link {link!r}"
    )
    return (
        f"names {path!r}, {what}, whose size and hash a load does not check (it never reads "
        "through a link, which may lead outside the folder): remove this entry's bytes and "
        "hash, or list the file itself"
    )


def not_measured(folder: Path, path: str) -> str | None:
    """Why the file a descriptor lists at ``path`` is given no size or hash by ``rightsdata
    fmt`` (and a load does not measure it), said after its path; None if it is measured: a
    regular file inside ``folder``, reached through no symbolic link.

    >>> from pathlib import Path
    >>> not_measured(Path("."), "../x.md")
    "is not a path inside the dataset's folder"
    >>> not_measured(Path("."), "no-such-file.md")
    'does not exist'
    """
    names = inside(path)
    if names is None:
        return "is not a path inside the dataset's folder"
    link = link_on_the_way(folder, names)
    if link is not None:
        return (
            "is a symbolic link"
            if link == "/".join(names)
            else f"is reached through the symbolic link {link!r}"
        )
    file = folder.joinpath(*names)
    if not file.exists():
        return "does not exist"
    return None if file.is_file() else "is not a regular file"
