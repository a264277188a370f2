"""The check of every count of columns an argument gives (a width, a column), one way for
all of them (internal), as :mod:`rightsdata._values.flags` checks a True-or-False one.

>>> columns_given(72, "width", 1)
72
"""

from __future__ import annotations

import operator

from rightsdata._values.errors import shown_number, what_was_given

__all__ = ["columns_given"]


def columns_given(value: object, name: str, least: int | None) -> int:
    """``value``, the argument ``name``, a count of columns of at least ``least`` (None:
    any, as a width kept within bounds is): a TypeError for anything but an integer (a
    bool, a float, a str), a ValueError for a smaller one, each naming a huge number by its
    count of digits (as the rest of the library does: Python refuses to write out one of
    more than 4,300).

    >>> columns_given(10**5000 * -1, "width", 1)
    Traceback (most recent call last):
    ValueError: invalid width a negative number of 5,001 digits (must be at least 1)
    """
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        given = what_was_given(value)
        raise TypeError(f"{name} must be an int (a count of columns), not {given}")
    number = operator.index(value)  # type: ignore[arg-type]  # (numpy's integers too)
    if least is not None and number < least:
        raise ValueError(f"invalid {name} {shown_number(number)} (must be at least {least})")
    return number
