"""Pausing the cyclic garbage collector while many objects are built (internal).

Building many small objects triggers the cyclic collector over and over, and each of its
full passes walks every object alive, the records of a large dataset included: loading or
indexing 100,000 events then spends most of its time in the collector. The objects built
here (records, index entries) hold no reference cycles, so pausing it only saves time.

The objects built meanwhile are still new to the collector, though: left alone, its next
young collection walks them all, and a second one later walks them again before they reach
the old generation. So when a pause built more objects than a young collection waits for, it
ends by handing them to the old generation without walking them: ``gc.freeze()`` then
``gc.unfreeze()`` moves every generation to the permanent one and back into the oldest, two
list splices whatever their length (a young collection, ``gc.collect(1)``, took 0.5-0.8 s
for the 1.7 million objects of 100,000 events). The next full collection walks them, as it
would have. What differs: cyclic garbage made before or during the pause waits for that
full collection rather than the next young one (the pauses here build no cycles). When
objects are frozen already (``gc.freeze()`` by the program, ``freeze=True``) a splice back
would unfreeze them too, so a pause that built many objects then ends with the young
collection instead. Whether objects are frozen is known without asking the collector once
a pause here froze them: :func:`gc.get_freeze_count` walks the whole permanent generation
(66 ms for the 100,000 events of a ``freeze=True`` load, at every index built afterwards);
they are assumed frozen from then on (a program that unfreezes them gets young collections
where a splice would do: time, not correctness). A program that runs with the collector
disabled gets neither: what it built stays in the young generation, where the program's own
collections find it.

A pause can instead end with :func:`gc.freeze` (:func:`freeze_when_done`): every object in
the process is then moved to the collector's permanent generation, which no collection walks,
at almost no cost. ``load_path(..., freeze=True)`` uses it for a dataset kept for the
process's life.

Pauses nest and overlap across threads: a count of the pauses under way, kept under a lock,
decides. The first pause remembers whether the collector was enabled and disables it; the
last one to end restores what the first found, whatever the order the threads end in.

What it cannot know is what the program did to the collector meanwhile: ``gc.disable()`` from
another thread during a pause changes nothing that can be seen (the collector is disabled
already), and the gc module reports no change of state (its ``gc.callbacks`` run around
collections, not at ``gc.enable()`` or ``gc.disable()``), so the pause's end enables the
collector again. A program that manages the collector itself sets ``RIGHTSDATA_GC_PAUSE=0``
in the environment (:data:`ENVIRONMENT`, read once, at the first pause): pauses then leave
the collector, and the generations, as they find them, and only ``freeze_when_done`` (what
``load_path(freeze=True)`` asks for) still freezes. docs/loading.md says it for users.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

__all__ = ["ENVIRONMENT", "freeze_when_done", "gc_paused"]

#: The environment variable that turns the pauses off when it is ``0`` (or ``false``, ``no``,
#: ``off``): read once, at the first pause in the process (a program sets it before its
#: first load).
ENVIRONMENT: Final = "RIGHTSDATA_GC_PAUSE"

#: New objects above which a pause ends with a young collection when objects are frozen
#: already (else every pause that built more than a young collection waits for hands them
#: over, unwalked). Below it the collector's own passes cost little.
MANY_OBJECTS: Final = 100_000

_lock = threading.Lock()
_active = 0  # pauses under way, in every thread
_was_enabled = False  # the collector's state when the first of them began
_freeze = False  # whether the last of them ends with gc.freeze()
_froze = False  # whether a pause here has frozen objects (they are assumed frozen since)
_on: bool | None = None  # whether pauses disable the collector (ENVIRONMENT, once read)


#: What :data:`ENVIRONMENT` may say (case aside): pause, or do not.
_ON: Final = frozenset({"", "1", "true", "yes", "on"})
_OFF: Final = frozenset({"0", "false", "no", "off"})


def _pausing() -> bool:
    """Whether pauses disable the collector: unless :data:`ENVIRONMENT` says not to (``0``,
    ``false``, ``no``, ``off``), read the first time it is asked (under the lock). Any other
    value is warned of, once, and the pauses kept: a setting the program meant is never
    passed over in silence."""
    global _on
    if _on is None:
        value = os.environ.get(ENVIRONMENT, "").strip().lower()
        _on = value not in _OFF
        if value not in _ON | _OFF:
            import warnings

            warnings.warn(
                f"{ENVIRONMENT}={os.environ[ENVIRONMENT]!r} is neither on (1, true, yes, on) "
                "nor off (0, false, no, off): rightsdata keeps pausing the garbage collector",
                RuntimeWarning,
                stacklevel=2,
            )
    return _on


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector for the block; when the last pause under way ends, enable it
    again if it was enabled before the first (and first move what was built to the old
    generation if that was a lot). With ``RIGHTSDATA_GC_PAUSE=0`` it leaves the collector
    alone (a pause that finds it disabled does the same)."""
    global _active, _was_enabled, _freeze, _froze
    with _lock:
        if _active == 0:
            _was_enabled = _pausing() and gc.isenabled()
            if _was_enabled:
                gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                if _freeze:
                    _freeze = False
                    _froze = True
                    gc.freeze()
                elif _was_enabled and gc.get_count()[0] > gc.get_threshold()[0]:
                    # (a program that runs with the collector off collects when it chooses:
                    # its young garbage stays where its own young collection will find it)
                    _hand_over()
                if _was_enabled:
                    gc.enable()


def _hand_over() -> None:
    """Move every object the collector tracks to its oldest generation without walking them
    (or, if some are frozen already, the young ones with a young collection if many)."""
    # (a splice back would unfreeze the frozen objects; counting them walks them all. CPython
    # 3.12 starts with a few hundred objects of its own frozen, so there it always collects)
    if _froze or gc.get_freeze_count():
        if gc.get_count()[0] > MANY_OBJECTS:
            gc.collect(1)
        return
    gc.freeze()
    gc.unfreeze()


def freeze_when_done() -> None:
    """End the pauses under way with :func:`gc.freeze` rather than a young collection: what
    they built (and every other object alive then) is never walked by the collector again,
    until :func:`gc.unfreeze`. Call it inside :func:`gc_paused`; outside, it does nothing.

    >>> import gc
    >>> with gc_paused():
    ...     kept = [[0] for _ in range(3)]
    ...     freeze_when_done()
    >>> gc.get_freeze_count() > 0
    True
    >>> gc.unfreeze()
    """
    global _freeze
    with _lock:
        if _active:
            _freeze = True
