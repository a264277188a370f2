"""Which loaded dataset holds a given record (internal; public through rightsdata._display.display).

A record does not know its dataset. Every :class:`~rightsdata.Dataset` registers itself here
as it is made (weakly: registering keeps nothing alive), so that a record's card can name the
people, places and sources it refers to. Records are shared between datasets (a dataset built
on another, ``base=``, or from another's records), so several may hold one: the one made (or
registered) last comes first, as it is most likely the one the user is working in. This
module stays small because ``Dataset`` imports it: the cards themselves
(:mod:`rightsdata._display.display`) load only when first shown.
"""

from __future__ import annotations

import sys
import threading
import weakref
from typing import Any, Protocol

from rightsdata._model.records import Record
from rightsdata._values.errors import UnknownIdError


class Holder(Protocol):
    """What the registry needs of a dataset (not the class: ``Dataset`` imports this module;
    :mod:`rightsdata._display.display` gives the public, typed functions)."""

    def get(self, record_id: str, /) -> Any: ...


__all__ = ["dataset_of", "holders", "holders_of", "register"]

_registry: dict[int, weakref.ref[Holder]] = {}
_registry_lock = threading.Lock()


def register(dataset: Holder) -> None:
    """Let cards find ``dataset`` when they show one of its records, weakly (registering
    keeps nothing alive), before the datasets registered earlier that hold the same records.
    :func:`rightsdata.display.register` is the public form.
    """
    key = id(dataset)
    # held by the callback itself: a dataset that dies as the interpreter exits may outlive
    # this module's globals (None by then)
    registry = _registry

    def forget(ref: weakref.ref[Holder]) -> None:
        # Without the lock: the cyclic collector, which frees a dataset held in a reference
        # cycle, runs this in the thread it starts in, which may be inside register or
        # holders, holding the lock (a deadlock, and every dataset made later waited on it).
        # Alone it is safe: no object can have the dying dataset's id until its callbacks
        # have run, so no register can be putting another dataset's entry here meanwhile.
        if registry.get(key) is ref:
            registry.pop(key, None)

    with _registry_lock:
        known = _registry.pop(key, None)  # (put back last: the registry's order is the rule)
        if known is None or known() is not dataset:
            known = weakref.ref(dataset, forget)
        _registry[key] = known


def holders() -> list[Holder]:
    """The registered datasets alive, the one registered last first, then those
    :func:`~rightsdata.load` has cached (and are not registered)."""
    with _registry_lock:
        refs = list(_registry.values())  # (one C-level copy: a callback may remove entries)
    found = [d for d in (ref() for ref in reversed(refs)) if d is not None]
    loading = sys.modules.get("rightsdata._data.loading")  # read its cache only if it was imported
    cache = getattr(loading, "_cache", None)
    if isinstance(cache, dict):
        found.extend(d for d in list(cache.values()) if all(d is not f for f in found))
    return found


def holders_of(record: Record) -> list[Holder]:
    """The datasets of :func:`holders` that hold this very record (by identity), in its order."""
    found = []
    for dataset in holders():
        try:
            if dataset.get(record.id) is record:
                found.append(dataset)
        except UnknownIdError:
            continue
    return found


def dataset_of(record: Record) -> Holder | None:
    """The dataset registered last (made last, or given to :func:`register` last) of those
    alive that hold this very record (by identity), or None.
    :func:`rightsdata.display.dataset_of` is the public form."""
    found = holders_of(record)
    return found[0] if found else None
