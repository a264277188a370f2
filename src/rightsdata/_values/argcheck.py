"""attrs validators of a field's type (internal): :func:`~rightsdata._values.errors.checked`
and :func:`~rightsdata._values.flags.flag` for the fields of an attrs class, so that a
wrong value is told as a wrong argument is, naming the field.
"""

from __future__ import annotations

from typing import Any

from rightsdata._values.errors import checked
from rightsdata._values.flags import flag

__all__ = ["checked_field", "flag_field"]


def checked_field(taken: str, types: type | tuple[type, ...]) -> Any:
    """An attrs validator that checks a field's value (:func:`~rightsdata._values.errors.checked`),
    naming the field.

    >>> import attrs
    >>> @attrs.frozen
    ... class Box:
    ...     size: int = attrs.field(validator=checked_field("an int", int))
    >>> size: Any = "2"  # (as a config might give it)
    >>> Box(size)
    Traceback (most recent call last):
    TypeError: size must be an int, not a str ('2')
    """

    def validate(instance: object, attribute: Any, value: object) -> None:
        checked(value, attribute.name, taken, types)

    return validate


def flag_field(instance: object, attribute: Any, value: object) -> None:
    """An attrs validator that a field is True or False (:func:`~rightsdata._values.flags.flag`)."""
    flag(value, attribute.name)
