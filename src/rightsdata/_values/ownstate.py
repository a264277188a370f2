"""What a caller's subclass keeps beyond the class it specialises (internal): its instance
``__dict__`` and the slots it declares, for the pickles and copies of the classes that
rebuild themselves from their own arguments (the errors, ``Problems``, ``Problem``,
``Dataset``), so that a subclass's attributes survive them as a plain class's would.
"""

from __future__ import annotations

from typing import Any

__all__ = ["own_attributes", "slot_values", "subclass_slots"]


def subclass_slots(cls: type, base: type) -> list[str]:
    """The names of the slots the subclasses of ``base`` in ``cls``'s ancestry declare
    (``__slots__ = ("tag",)``), in declaration order, a private one as it is stored
    (``__tag`` of ``Tagged`` as ``_Tagged__tag``); not ``base``'s own, which its pickle holds
    otherwise, nor ``__dict__`` and ``__weakref__``.

    >>> class Base:
    ...     __slots__ = ("own",)
    >>> class Tagged(Base):
    ...     __slots__ = ("tag", "__secret")
    >>> subclass_slots(Tagged, Base), subclass_slots(Base, Base)
    (['tag', '_Tagged__secret'], [])
    """
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        if klass is base or not issubclass(klass, base):
            continue
        declared = klass.__dict__.get("__slots__", ())
        for name in (declared,) if isinstance(declared, str) else declared:
            mangled = name.startswith("__") and not name.endswith("__")
            stored = f"_{klass.__name__.lstrip('_')}{name}" if mangled else name
            if name not in ("__dict__", "__weakref__") and stored not in names:
                names.append(stored)
    return names


def slot_values(value: object, base: type) -> dict[str, Any]:
    """The slots of ``value`` that the subclasses of ``base`` declare (:func:`subclass_slots`),
    by name, a slot never set left out (it stays unset in a copy)."""
    found: dict[str, Any] = {}
    for name in subclass_slots(type(value), base):
        try:
            found[name] = getattr(value, name)
        except AttributeError:
            continue
    return found


def own_attributes(value: object, base: type) -> dict[str, Any]:
    """What a subclass of ``base`` (a caller's) keeps on ``value`` beyond ``base``'s own, by
    name, for a pickle to hold: its instance ``__dict__`` (``value.tag = ...``) and the slots
    it declares (:func:`slot_values`); set back with ``object.__setattr__``, past a
    subclass's own ``__setattr__``.

    >>> class Base:
    ...     __slots__ = ("own",)
    >>> class Tagged(Base):
    ...     __slots__ = ("tag",)
    ...     tag: str
    >>> found = Tagged()
    >>> found.tag = "mine"
    >>> own_attributes(found, Base), own_attributes(Base(), Base)
    ({'tag': 'mine'}, {})
    """
    return {**getattr(value, "__dict__", {}), **slot_values(value, base)}
