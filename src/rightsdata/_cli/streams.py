"""Standard output and error for a run of the command line: a write that fails is told as
the output not written (exit code 3), and a reader that went away (``rightsdata events |
head -1``) ends the run quietly, as Unix tools end.

A write error reaches Python as an ``OSError`` with no file name, like any other write's
(``export`` writing a folder's files): :class:`Guarded` tells standard output's own apart,
raising :class:`OutputError` for it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, TextIO

__all__ = ["Guarded", "OutputError", "stream_gone"]


class OutputError(Exception):
    """Standard output could not be written (a full disk, an I/O error; not a reader that
    went away, which is a :class:`BrokenPipeError`); ``error`` is the system's answer."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class Guarded:
    """``stream`` (``sys.stdout`` or ``sys.stderr``), its write errors told apart: on
    standard output, an :class:`OutputError`, a reader gone still a ``BrokenPipeError``;
    on standard error (``swallow``), neither: where no one reads the messages, a message
    lost is no reason to end a run otherwise than its exit code says.

    >>> import io
    >>> out = io.StringIO()
    >>> Guarded(out).write("x"), out.getvalue()
    (1, 'x')
    """

    def __init__(self, stream: TextIO, *, swallow: bool = False) -> None:
        self._stream = stream
        self._swallow = swallow

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            self._failed(exc)
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        if self._swallow:
            stream_gone(self._stream)
            return
        if isinstance(exc, BrokenPipeError):
            raise exc
        raise OutputError(exc) from exc

    def __getattr__(self, name: str) -> Any:  # (fileno, isatty, encoding: the stream's)
        return getattr(self._stream, name)


def stream_gone(stream: TextIO | None = None) -> None:
    """Point ``stream`` (standard output by default) at the null device, where it has a file
    descriptor, so that what it still holds, written at the interpreter's exit, fails no
    more ("Exception ignored ... BrokenPipeError")."""
    stream = sys.stdout if stream is None else stream
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
