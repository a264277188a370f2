"""What becomes of large datasets still alive when the interpreter exits (internal).

As the interpreter exits it runs the collector, then clears every module. A dataset a module
still holds (a script's global) is found by those collections: each walks every object the
collector tracks, and the one that finds the dataset among the garbage of the script's
module (a module's dict is in a cycle with its functions) walks and frees it object by
object. At 100,000 events that exit took 2.3 s, at a million 26.5 s, for memory the system
takes back with the process anyway. So the exit hook of :func:`at_exit`, run after the
program's own exit hooks, handles the datasets still alive:

- a frozen one (``load_path(freeze=True)``, :func:`leave_at_exit`) is left to the system:
  it gains a reference, so that clearing the modules frees none of it, and the exit's
  collections, which skip frozen objects, never walk it (0.06 s at 100,000 events);
- any other one of :data:`RELEASE_FROM` records or more (:func:`release_at_exit`) is
  released: it lets go of its records, which reference counting frees at once, before the
  exit's collections, which then have nothing of it to walk (0.26 s at 100,000 events).
  Keeping it alive instead would have each of those collections walk it (about three times:
  3.4 s at 100,000 events). A released dataset, and each of its collections, raises
  :class:`RuntimeError` when used: only code that runs after the hook sees that (an exit
  hook registered before ``import rightsdata``, a daemon thread, a finaliser).

The hook is registered when the package is imported (``rightsdata/__init__.py``), before a
program's own hooks, so that it runs after them (exit hooks run last registered, first).
Records hold no finaliser, no file and no other resource to release: only memory.
Elsewhere than CPython (no reference counts to add to) frozen datasets are released too.

>>> class Held:
...     def _release(self) -> None: ...
>>> release_at_exit(Held(), records=RELEASE_FROM)  # dies at once: nothing kept for the exit
>>> len(_released)
0
"""

from __future__ import annotations

import sys
import threading
import weakref
from typing import Any, Final, NoReturn, Protocol

__all__ = ["RELEASED", "RELEASE_FROM", "at_exit", "leave_at_exit", "release_at_exit"]

#: Datasets of fewer records are left as they are at the exit: freeing one of 10,000 records
#: costs the exit about 0.06 s (about 6 microseconds a record, collections included).
RELEASE_FROM: Final = 10_000


class Releasable(Protocol):
    def _release(self) -> None:
        """Let go of the records (replace what holds them by :data:`RELEASED`)."""


class _Released:
    """What a released dataset holds in place of its records: any use raises."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise RuntimeError(
            "this rightsdata dataset was released as the interpreter exits (its records are "
            "freed then, after the program's exit hooks; see `rightsdata._values.exitleave`)"
        )

    __call__ = __getitem__ = __iter__ = __len__ = __contains__ = _refuse

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (doctest, inspect) asks, and is answered
            raise AttributeError(name)
        self._refuse()

    def __repr__(self) -> str:
        return "<released at the interpreter's exit>"


#: The one stand-in for whatever held a released dataset's records.
RELEASED: Final[Any] = _Released()

_lock = threading.Lock()
#: the datasets to leave to the system, and those to release, by ``id`` (an entry goes
#: when its dataset dies)
_left: Final[weakref.WeakValueDictionary[int, Any]] = weakref.WeakValueDictionary()
_released: Final[weakref.WeakValueDictionary[int, Any]] = weakref.WeakValueDictionary()


def leave_at_exit(obj: Releasable) -> None:
    """Leave ``obj`` (a frozen dataset) to the system at the interpreter's exit, if it is
    still alive then, rather than free it."""
    with _lock:
        _released.pop(id(obj), None)
        _left[id(obj)] = obj


def release_at_exit(obj: Releasable, records: int) -> None:
    """Release ``obj`` (a dataset of ``records`` records) at the interpreter's exit, if it
    is still alive then and holds :data:`RELEASE_FROM` records or more."""
    if records >= RELEASE_FROM:
        with _lock:
            _released[id(obj)] = obj


def at_exit() -> None:
    """The exit hook: leave the frozen datasets still alive, release the others.

    Never raises: a dataset that cannot be released is left as it is."""
    with _lock:  # (a daemon thread may still be loading)
        left = list(_left.values())
        released = list(_released.values())
        _left.clear()
        _released.clear()
    if left and sys.implementation.name == "cpython":
        import ctypes  # (here: paid at the exit of a process that froze a dataset)

        for obj in left:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    else:
        released += left
    for obj in released:
        try:
            obj._release()
        except Exception:  # an exit hook must not fail the exit
            continue
