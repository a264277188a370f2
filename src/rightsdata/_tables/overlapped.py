"""Files written by a second thread while the calling one builds the next file's content.

A Parquet file's table is built in Python, holding the GIL (the records' values read into
Arrow arrays), and written by Arrow's C++ writer, which releases the GIL while it encodes,
compresses and writes the columns. One after the other, an export at 100,000 events spent
about 1.2 s building its 27 tables and 0.9 s writing them; with each table written while the
next is built, the two share the machine's cores instead of taking turns
(docs/performance.md, Exports, has the figures).

The files are still written one at a time, in the order given, each whole before its
function returns, so that the caller (``rightsdata._values.atomic.write_all``) sees what it
saw before: one file filled per call, an error raised by the call whose file it concerns or
by the build of the next one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

__all__ = ["Overlapped"]

T = TypeVar("T")


class Overlapped(Generic[T]):
    """For each of ``names``, in order, a function that writes that name's content to a path
    (:meth:`filler`): ``build(name)`` makes the content in the calling thread, ``write``
    writes it in a second one, and while it does, the calling thread builds the next name's.

    Two contents are held at once (the one being written and the next), no more. A name's
    filler called out of turn builds its content then (nothing is built twice: a content
    built ahead is used once, by its own name's filler, and none is built ahead for a name
    whose file was written).

    >>> import tempfile
    >>> written: list[str] = []
    >>> files = Overlapped(["a", "b"], str.upper, lambda text, path: written.append(text))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in ("a", "b"):
    ...         files.filler(name)(Path(folder) / name)
    >>> written
    ['A', 'B']
    """

    def __init__(
        self, names: Sequence[str], build: Callable[[str], T], write: Callable[[T, Path], None]
    ) -> None:
        self._following = dict(zip(names, [*names[1:], None], strict=True))
        self._build = build
        self._write = write
        self._ahead: dict[str, T] = {}
        self._started: set[str] = set()  # the names whose files are written or being written

    def filler(self, name: str) -> Callable[[Path], None]:
        """The function that writes ``name``'s content to the path it is given."""

        def fill(path: Path) -> None:
            content = self._ahead.pop(name) if name in self._ahead else self._build(name)
            self._started.add(name)
            writer = _Writer(self._write, content, path)
            del content  # (the writer holds it until it is written, then lets it go)
            try:
                following = self._following.get(name)
                if not (
                    following is None or following in self._ahead or following in self._started
                ):
                    self._ahead[following] = self._build(following)
            finally:
                writer.finish()
            writer.raise_error()

        return fill


class _Writer(Generic[T]):
    """One content being written by a thread of its own, started at once."""

    def __init__(self, write: Callable[[T, Path], None], content: T, path: Path) -> None:
        self._write = write
        self._path = path
        self._error: BaseException | None = None
        # (a Thread lets go of its arguments once it has run: the content is freed then)
        self._thread = threading.Thread(target=self._run, args=(content,), name="rightsdata writer")
        self._thread.start()

    def _run(self, content: T) -> None:
        try:
            self._write(content, self._path)
        except BaseException as error:  # (raised in the calling thread by raise_error)
            self._error = error

    def finish(self) -> None:
        """Wait until the file is written. An interrupt (Ctrl-C) waits too, then is raised:
        the caller removes the file it was filling, which the thread must no longer hold
        open (Windows refuses to remove an open file)."""
        interrupted: KeyboardInterrupt | None = None
        while True:
            try:
                self._thread.join()
                break
            except KeyboardInterrupt as interrupt:
                interrupted = interrupt
        if interrupted is not None:
            raise interrupted

    def raise_error(self) -> None:
        """Raise what the writing raised, if anything, in the calling thread."""
        error, self._error = self._error, None
        if error is not None:
            raise error
