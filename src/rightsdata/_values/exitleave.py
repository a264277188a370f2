"""What becomes of large datasets still alive when the interpreter exits (internal).

As the interpreter exits it runs the collector, then clears every module. A dataset a module
still holds (a script's global) is found by those collections: each walks every object the
collector tracks, and the one that finds the dataset among the garbage of the script's
module (a module's dict is in a cycle with its functions) walks and frees it object by
object. At 100,000 events that exit took 2.3 s, at a million 26.5 s, for memory the system
takes back with the process anyway. So the exit hook of :func:`at_exit` handles the datasets
still alive. Registered as the package is imported (``rightsdata/__init__.py``), it runs
after the exit hooks registered after that import and before those registered earlier
(exit hooks run last registered, first), so that a script's hooks find its dataset whole:

- a frozen one (``load_path(freeze=True)``, :func:`leave_at_exit`) is left to the system:
  it gains a reference, so that clearing the modules frees none of it, and the exit's
  collections, which skip frozen objects, never walk it (0.06 s at 100,000 events);
- one the program keeps (``Dataset.keep_at_exit()``, :func:`keep_at_exit`; every dataset
  with ``RIGHTSDATA_RELEASE_AT_EXIT=0``, :data:`ENVIRONMENT`) is left usable: nothing is
  done to it, and the exit's collections walk it, then free it (the exit's cost without this
  hook);
- any other one of :data:`RELEASE_FROM` records or more (:func:`release_at_exit`) is
  released: it lets go of its records, which reference counting frees at once, before the
  exit's collections, which then have nothing of it to walk (0.26 s at 100,000 events).
  Keeping it alive instead would have each of those collections walk it (about three times:
  3.4 s at 100,000 events). A released dataset, and each of its collections, raises
  :class:`RuntimeError` when used: only code that runs after the hook sees that (an exit
  hook registered before ``import rightsdata``, as a library that imports rightsdata
  lazily registers its own; a finaliser; a daemon thread; a ``logging`` handler at its
  shutdown), and the error says what to do.

Records hold no finaliser, no file and no other resource to release: only memory.
Elsewhere than CPython (no reference counts to add to) frozen datasets are released too.

>>> class Held:
...     def _release(self) -> None: ...
>>> release_at_exit(Held(), records=RELEASE_FROM)  # dies at once: nothing kept for the exit
>>> len(_released)
0
"""

from __future__ import annotations

import os
import sys
import threading
import weakref
from typing import Any, Final, NoReturn, Protocol

__all__ = [
    "ENVIRONMENT",
    "RELEASED",
    "RELEASE_FROM",
    "at_exit",
    "keep_at_exit",
    "leave_at_exit",
    "release_at_exit",
]

#: Datasets of fewer records are left as they are at the exit: freeing one of 10,000 records
#: costs the exit about 0.06 s (about 6 microseconds a record, collections included).
RELEASE_FROM: Final = 10_000

#: The environment variable that keeps every dataset usable to the process's end when it is
#: ``0`` (or ``false``, ``no``, ``off``), as :func:`keep_at_exit` keeps one: read at the exit,
#: by the hook (a program that cannot change the code that loads sets it).
ENVIRONMENT: Final = "RIGHTSDATA_RELEASE_AT_EXIT"

#: What :data:`ENVIRONMENT` may say (case aside): release, or do not.
_ON: Final = frozenset({"", "1", "true", "yes", "on"})
_OFF: Final = frozenset({"0", "false", "no", "off"})

#: What a released dataset's every use raises: what happened, and what to do, in public terms.
MESSAGE: Final = (
    "this rightsdata dataset was released at the interpreter's exit: rightsdata's exit hook "
    "freed its records, and the exit hooks registered before `import rightsdata`, finalisers "
    "and daemon threads run after it. To use a dataset until the process ends, call its "
    "`keep_at_exit()` once it is loaded, or set RIGHTSDATA_RELEASE_AT_EXIT=0 in the "
    "environment, or import rightsdata before registering the exit hook that uses it "
    "(`help(rightsdata.Dataset.keep_at_exit)` says more)"
)


class Releasable(Protocol):
    def _release(self) -> None:
        """Let go of the records (replace what holds them by :data:`RELEASED`)."""


class _Released:
    """What a released dataset holds in place of its records: any use raises."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise RuntimeError(MESSAGE)

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
#: when its dataset dies), and those kept usable (never released; a frozen one is left)
_left: Final[weakref.WeakValueDictionary[int, Any]] = weakref.WeakValueDictionary()
_released: Final[weakref.WeakValueDictionary[int, Any]] = weakref.WeakValueDictionary()
_kept: Final[weakref.WeakValueDictionary[int, Any]] = weakref.WeakValueDictionary()


def leave_at_exit(obj: Releasable) -> None:
    """Leave ``obj`` (a frozen dataset) to the system at the interpreter's exit, if it is
    still alive then, rather than free it."""
    with _lock:
        _released.pop(id(obj), None)
        _left[id(obj)] = obj


def keep_at_exit(obj: Releasable) -> None:
    """Keep ``obj`` usable until the process ends: never release it at the exit (a frozen
    one is still left to the system)."""
    with _lock:
        _released.pop(id(obj), None)
        _kept[id(obj)] = obj


def release_at_exit(obj: Releasable, records: int) -> None:
    """Release ``obj`` (a dataset of ``records`` records) at the interpreter's exit, if it
    is still alive then and holds :data:`RELEASE_FROM` records or more."""
    if records >= RELEASE_FROM:
        with _lock:
            _released[id(obj)] = obj


def _releasing() -> bool:
    """Whether the hook releases datasets: unless :data:`ENVIRONMENT` says not to (``0``,
    ``false``, ``no``, ``off``). Any other value is warned of, and the datasets released: a
    setting the program meant is never passed over in silence."""
    value = os.environ.get(ENVIRONMENT, "").strip().lower()
    if value not in _ON | _OFF:
        import warnings

        warnings.warn(
            f"{ENVIRONMENT}={os.environ[ENVIRONMENT]!r} is neither on (1, true, yes, on) nor "
            "off (0, false, no, off): rightsdata releases its large datasets at this exit",
            RuntimeWarning,
            stacklevel=1,  # (the exit has no caller of the program's to point at)
        )
    return value not in _OFF


def at_exit() -> None:
    """The exit hook: leave the frozen datasets still alive, release the others but those
    kept (none of them, if :data:`ENVIRONMENT` says so).

    Never raises (but for the warning of a value of :data:`ENVIRONMENT` it does not know,
    under ``-W error``): a dataset that cannot be released is left as it is."""
    with _lock:  # (a daemon thread may still be loading)
        left = list(_left.values())
        released = list(_released.values())
        kept = set(_kept)
        _left.clear()
        _released.clear()
        _kept.clear()
    if left and sys.implementation.name == "cpython":
        import ctypes  # (here: paid at the exit of a process that froze a dataset)

        for obj in left:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    else:
        released += [obj for obj in left if id(obj) not in kept]
    if not released or not _releasing():
        return
    for obj in released:
        try:
            obj._release()
        except Exception:  # an exit hook must not fail the exit
            continue
