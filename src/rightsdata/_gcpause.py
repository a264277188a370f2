"""Pausing the cyclic garbage collector while many objects are built (internal).

Building many small objects triggers the cyclic collector over and over, and each of its
full passes walks every object alive, the records of a large dataset included: loading or
indexing 100,000 events then spends most of its time in the collector. The objects built
here (records, index entries) hold no reference cycles, so pausing it only saves time;
whatever garbage appeared meanwhile is collected once it runs again.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector for the block; enable it again after, if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
