"""What Windows does differently with files and errors, in one place (internal).

- A file opened with :func:`os.open` is in text mode there unless given ``os.O_BINARY``: a
  read turns ``\\r\\n`` into ``\\n`` and stops at the byte 0x1A. Every ``os.open`` of the
  package gives ``getattr(os, "O_BINARY", 0)`` (0 elsewhere); :func:`open` does so itself.
- A file without write permission (``os.chmod(path, 0o444)``) has the read-only attribute,
  and Windows refuses to remove it, or to rename a file over it (:func:`make_writable`,
  :func:`remove_file`).
- Its own error codes reach Python as an errno that says something else: a path longer than
  it allows is ``ENOENT`` ("no such file", of a file that is there), a loop of symbolic
  links ``EINVAL``. :func:`name_too_long` and :func:`link_loop` read its code
  (``winerror``) too.

>>> name_too_long(FileNotFoundError(2, "No such file")), link_loop(OSError(40, "loop"))
(False, True)
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from typing import Final

__all__ = [
    "link_loop",
    "make_writable",
    "name_too_long",
    "nothing_there",
    "on_windows",
    "read_only_mode",
    "remove_file",
]

#: ERROR_FILENAME_EXCED_RANGE: a path longer than Windows allows (Python: ENOENT).
_TOO_LONG: Final = 206
#: ERROR_CANT_RESOLVE_FILENAME: a loop of symbolic links (Python: EINVAL).
_LOOP: Final = 1921


def on_windows() -> bool:
    """Whether this is Windows (read at each call, so that a test can say it is)."""
    return sys.platform == "win32"


def name_too_long(error: OSError) -> bool:
    """Whether ``error`` says a path is longer than the system allows.

    >>> class WinError(FileNotFoundError):
    ...     winerror = 206
    >>> name_too_long(WinError(2, "The filename or extension is too long"))
    True
    """
    return error.errno == errno.ENAMETOOLONG or getattr(error, "winerror", None) == _TOO_LONG


def link_loop(error: OSError) -> bool:
    """Whether ``error`` says a path is a loop of symbolic links."""
    return error.errno == errno.ELOOP or getattr(error, "winerror", None) == _LOOP


def nothing_there(error: OSError) -> bool:
    """Whether ``error`` says nothing is at a path: a FileNotFoundError, but not Windows'
    path too long, which Python takes for one."""
    return isinstance(error, FileNotFoundError) and not name_too_long(error)


def read_only_mode(path: str | os.PathLike[str]) -> int | None:
    """On Windows, the mode of the regular file at ``path`` if it is read-only (no write
    permission): what :func:`make_writable` takes off it, to put back; None otherwise
    (another system, a writable file, a link, nothing there). Changes nothing, so that a
    caller can note the mode before the attribute is taken off."""
    if not on_windows():
        return None
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode) or mode & stat.S_IWRITE:
        return None
    return stat.S_IMODE(mode)


def make_writable(path: str | os.PathLike[str]) -> int | None:
    """On Windows, take the read-only attribute off the regular file at ``path`` (a file
    without write permission), so that it can be removed or renamed over; its mode before,
    to put back, or None where nothing was changed (another system, a writable file, a
    link, nothing there)."""
    mode = read_only_mode(path)
    if mode is None:
        return None
    try:
        os.chmod(path, mode | stat.S_IWRITE)
    except OSError:
        return None
    return mode


def remove_file(path: str | os.PathLike[str]) -> None:
    """Remove the file at ``path``, if one is there, read-only or not, as POSIX removes a
    file whatever its mode: on Windows, which removes no read-only file, the attribute is
    taken off first, and put back if the file still cannot be removed (another program
    holds it open), so that a file left is left as it was. Raises the removal's OSError."""
    mode = make_writable(path)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    except OSError:
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(path, mode)
        raise
