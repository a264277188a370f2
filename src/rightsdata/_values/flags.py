"""The check of every True-or-False argument (``strict=``, ``schema=``, ``freeze=``...),
one way for all of them (internal): a truthy ``"yes"``, or worse ``"false"``, is no flag.

>>> flag(True, "strict")
True
"""

from __future__ import annotations

__all__ = ["flag"]


def flag(value: object, name: str) -> bool:
    """``value``, the argument ``name``, if it is True or False; else a TypeError naming
    the argument (a number, a string, None, even numpy's bool: say which one is meant).

    >>> flag("yes", "strict")
    Traceback (most recent call last):
    TypeError: strict must be True or False, not str ('yes')
    """
    if type(value) is not bool:
        shown = repr(value)
        given = type(value).__name__ + (f" ({shown})" if len(shown) <= 40 else "")
        raise TypeError(f"{name} must be True or False, not {given}")
    return value
