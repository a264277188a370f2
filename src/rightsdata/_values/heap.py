"""Giving the C heap's free pages back to the system after a large load (internal).

A load frees large temporary objects (file contents, joined texts, lists of IDs) that the C
allocator took from its heap, under the dataset's own large objects (its tables). glibc
returns freed memory to the system on its own only from the heap's top, so after a load of
100,000 events about 650 bytes an event (a tenth of what the dataset holds) stayed in the
process, free but not given back. ``malloc_trim(0)`` releases every free page of the heap
(a few milliseconds there); a page taken again later costs a page fault (the first
queries' indexes: at 100,000 events the first ``events(between=...)`` 4.5 -> 7.5 ms).
Elsewhere than on glibc this does nothing.

>>> trim_heap()  # glibc's malloc_trim, or nothing: never an error
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Final

__all__ = ["TRIMMED_FROM", "trim_heap"]

#: Records from which :func:`rightsdata.load_path` ends with :func:`trim_heap`: about 27,000
#: events of the bundled data's shape (3.7 records an event), whose load takes about 0.7 s,
#: so that the first trim's 9 ms (importing ctypes, the trim) is about 1% of it.
TRIMMED_FROM: Final = 100_000


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, looked up once; None with another C library."""
    try:
        libc = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):  # (not a POSIX system, or unknown)
        return None
    if not (libc and libc.startswith("glibc")):
        return None
    import ctypes  # (here: about 8 ms cold, paid by large loads only)

    try:
        found = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
    found.argtypes = (ctypes.c_size_t,)
    found.restype = ctypes.c_int
    return found


def trim_heap() -> None:
    """Give the free pages of the C heap back to the system (glibc's ``malloc_trim(0)``;
    other C libraries: nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
