"""Standard output and error for a run of the command line, so that what happens to them never
changes what the run does nor the verdict its exit code gives.

- A reader that went away (``rightsdata validate BAD | head -1``) ends nothing: what is
  printed after it is dropped, the command does its work to its end, and its exit code is
  its own (1 for invalid data, as with a reader that read it all). Windows may say so with
  ``EINVAL`` rather than a broken pipe: on a pipe there, that is the reader gone too.
- A write that fails (a full disk, standard output closed: ``>&-``) is kept, what is
  printed after it dropped, and the command does its work to its end; the run then says
  that the output could not be written (exit code 3), and what was done
  (:func:`rightsdata._cli.main._unwritten`).
- Standard error closed (``2>&-``, where Python's ``sys.stderr`` is None) drops the
  messages: ``print(..., file=None)`` would print them on standard output, among the data.
- A character the stream's encoding cannot hold (``PYTHONIOENCODING=ascii``, a POSIX locale)
  is written as its escape (``\\u0438``), never a ``UnicodeEncodeError``; JSON is written
  with its escapes (``ensure_ascii``) to such a stream (:func:`holds_any_text`).

A write error reaches Python as an ``OSError`` with no file name, like any other write's
(``export`` writing a folder's files): :class:`Guarded` keeps standard output's own apart.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import re
import stat
import sys
from typing import Any, Final, TextIO

from rightsdata._values.windows import on_windows

__all__ = ["Guarded", "ascii_json", "data_out", "holds_any_text", "stream_gone"]

#: What a stream the shell closed (``>&-``) answers a write: Python's ``sys.stdout`` is None.
CLOSED: tuple[int, str] = (errno.EBADF, "standard output is closed")


class Guarded:
    """``stream`` (``sys.stdout`` or ``sys.stderr``; None where the shell closed it), whose
    failures never end the run: the first write that fails (a full disk, a closed stream)
    is kept in :attr:`failed`, a reader gone sets :attr:`gone`, and in either case what is
    written after it is dropped. A character the stream's encoding cannot hold is written
    as its escape.

    >>> import io
    >>> out = io.StringIO()
    >>> Guarded(out).write("x"), out.getvalue()
    (1, 'x')
    >>> closed = Guarded(None)
    >>> closed.write("x"), closed.failed
    (1, OSError(9, 'standard output is closed'))
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        #: The first write error (not a reader gone): the output is not all written.
        self.failed: OSError | None = None
        #: Whether the reader went away (a broken pipe): no error, the rest unread.
        self.gone = False

    @property
    def closed_by_shell(self) -> bool:
        """Whether the shell closed the stream (``>&-``): nothing could be written to it."""
        return self._stream is None

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        if self._stream is None:
            self._lost(OSError(*CLOSED))
        elif self.failed is None and not self.gone:
            try:
                try:
                    self._stream.write(text)
                except UnicodeEncodeError:  # (nothing written: a text is encoded whole first)
                    self._stream.write(escaped(text, self.encoding))
            except OSError as exc:
                self._lost(exc)
        return len(text)

    def flush(self) -> None:
        if self._stream is None or self.failed is not None or self.gone:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            self._lost(exc)

    def write_data(self, text: str) -> None:
        """Write ``text``, a file's JSON, as :func:`data_out` does, keeping its failure as
        :meth:`write` does."""
        if self._stream is None:
            self._lost(OSError(*CLOSED))
        elif self.failed is None and not self.gone:
            try:
                data_out(self._stream, text)
            except OSError as exc:
                self._lost(exc)

    def _lost(self, exc: OSError) -> None:
        if isinstance(exc, BrokenPipeError) or self._pipe_ended(exc):
            self.gone = True
        elif self.failed is None:
            self.failed = exc
        if self._stream is not None:
            stream_gone(self._stream)

    def _pipe_ended(self, exc: OSError) -> bool:
        """Whether ``exc`` is Windows' other answer to a write to a pipe whose reader went
        away: ``EINVAL`` rather than a broken pipe (python/cpython#79935), where the stream
        is a pipe (a file or a console that answers EINVAL failed)."""
        if exc.errno != errno.EINVAL or not on_windows() or self._stream is None:
            return False
        try:
            return stat.S_ISFIFO(os.fstat(self._stream.fileno()).st_mode)
        except (OSError, ValueError, AttributeError):  # (no descriptor: no pipe it can tell)
            return False

    def __getattr__(self, name: str) -> Any:  # (fileno, isatty: the stream's)
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def escaped(text: str, encoding: str) -> str:
    """``text`` with each character ``encoding`` cannot hold written as its escape.

    >>> escaped("Иван é", "latin-1"), escaped("Иван é", "ascii")
    ('\\\\u0418\\\\u0432\\\\u0430\\\\u043d é', '\\\\u0418\\\\u0432\\\\u0430\\\\u043d \\\\xe9')
    """
    try:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except (LookupError, UnicodeError):
        return text.encode("ascii", "backslashreplace").decode("ascii")


def holds_any_text(stream: object) -> bool:
    """Whether ``stream``'s encoding holds every character (UTF-8, UTF-16 or UTF-32): JSON
    is written to it as it is, and to another with its escapes (``ensure_ascii``).

    >>> import io
    >>> holds_any_text(io.TextIOWrapper(io.BytesIO(), encoding="UTF8"))
    True
    >>> holds_any_text(io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    False
    """
    encoding = getattr(stream, "encoding", None)
    try:
        name = codecs.lookup(encoding).name if isinstance(encoding, str) else ""
    except LookupError:
        return False
    return name.startswith("utf-")


#: Characters that are not ASCII: in JSON, only ever within a string.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def ascii_json(text: str) -> str:
    """JSON text (a document, or JSON Lines) with each character that is not ASCII written as
    its escape: the same JSON, for a stream that cannot hold those characters.

    >>> print(ascii_json('{"name": "Иван 😀"}'))
    {"name": "\\u0418\\u0432\\u0430\\u043d \\ud83d\\ude00"}
    """
    return _NOT_ASCII.sub(lambda found: json.dumps(found.group())[1:-1], text)


#: Encodings whose text layer writes a mark first (a BOM), or keeps a state: their text is
#: written through it, as a file of theirs would be (:func:`data_out`).
_MARKED: Final = frozenset({"utf-16", "utf-32", "utf-8-sig"})


def data_out(stream: TextIO | Guarded, text: str) -> None:
    """Write ``text``, the JSON of a file (``export --format jsonl -``), to ``stream`` as the
    file holds it: its bytes go to the stream's binary ``buffer``, after what its text layer
    holds, so that Windows, whose text streams write each line feed as ``\\r\\n``, writes
    the file that ``export DIR`` writes; in the stream's encoding, with the escapes of
    :func:`ascii_json` where it cannot hold every character. A stream with no ``buffer`` (a
    ``StringIO``: a test, a notebook), or whose encoding writes a byte-order mark first
    (UTF-16, UTF-32), takes the text itself.

    >>> import io
    >>> out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\\r\\n")
    >>> data_out(out, '{"name": "Иван"}\\n')
    >>> out.buffer.getvalue().decode()
    '{"name": "Иван"}\\n'
    """
    if isinstance(stream, Guarded):
        stream.write_data(text)
        return
    encoding = getattr(stream, "encoding", None)
    # (a stream of no encoding, a StringIO, holds any text)
    chosen = text if encoding is None or holds_any_text(stream) else ascii_json(text)
    buffer = getattr(stream, "buffer", None)
    if buffer is None or encoding is None:
        stream.write(chosen)
        return
    try:
        marked = codecs.lookup(encoding).name in _MARKED
    except LookupError:
        marked = True  # (no codec to encode with: the text layer's own)
    if marked:
        stream.write(chosen)
        return
    stream.flush()  # (what the text layer holds goes first)
    buffer.write(chosen.encode(encoding, "backslashreplace"))


def stream_gone(stream: TextIO | None = None) -> None:
    """Point ``stream`` (standard output by default) at the null device, where it has a file
    descriptor, so that what it still holds, written at the interpreter's exit, fails no
    more ("Exception ignored ... BrokenPipeError")."""
    stream = sys.stdout if stream is None else stream
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
