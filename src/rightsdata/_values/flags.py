"""The check of every True-or-False argument (``strict=``, ``schema=``, ``freeze=``...),
one way for all of them (internal): a truthy ``"yes"``, or worse ``"false"``, is no flag.

>>> flag(True, "strict")
True
"""

from __future__ import annotations

from rightsdata._values.errors import what_was_given

__all__ = ["flag"]


def flag(value: object, name: str) -> bool:
    """``value``, the argument ``name``, if it is True or False; else a TypeError naming
    the argument (a number, a string, None, even numpy's bool: say which one is meant).

    >>> flag("yes", "strict")
    Traceback (most recent call last):
    TypeError: strict must be True or False, not a str ('yes')
    """
    if type(value) is not bool:
        raise TypeError(f"{name} must be True or False, not {what_was_given(value)}")
    return value
