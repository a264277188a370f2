"""The other files a dataset folder's ``datapackage.json`` lists (a README, a licence: not the
dataset's own files), and which of them are measured (internal: the one rule that a load and
``rightsdata fmt`` both follow, worked out by :func:`listed_file`).

Such a file's ``bytes`` and ``hash`` are measured only for a regular file inside the folder,
reached through no symbolic link: a path that reaches outside the folder (absolute, a ``..``)
is never opened, and neither is a link's file, which may lie outside the folder or change
without the dataset changing. A load refuses such an entry that gives a size or hash, and
``fmt`` removes them. The dataset's own files (a kind's file, ``redirects.json``) are read
where their links lead, and measured there.

>>> inside("docs/notes.md"), inside("../notes.md")
(['docs', 'notes.md'], None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # (a load of the bundled data does without pathlib)
    from pathlib import Path

__all__ = ["Listed", "inside", "link_on_the_way", "listed_file"]


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
        return Listed(None, None, "is not a path inside the dataset's folder", True)
    if folder is None:
        return Listed(names, None, None, False)
    file = folder.joinpath(*names)
    link = link_on_the_way(folder, names)
    itself = link == "/".join(names)
    through = "" if link is None or itself else f" (reached through the symbolic link {link!r})"
    if not file.exists():  # (a stat through any link, never a read)
        what = " (a symbolic link to nothing)" if itself else through
        return Listed(names, link, f"does not exist{what}", True)
    if not file.is_file():
        what = " (a symbolic link to something else)" if itself else through
        return Listed(names, link, f"is not a regular file{what}", True)
    if link is None:
        return Listed(names, None, None, False)
    why = "is a symbolic link" if itself else f"is reached through the symbolic link {link!r}"
    return Listed(names, link, why, False)
