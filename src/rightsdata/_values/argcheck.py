"""attrs validators of a field's type (internal): :func:`~rightsdata._values.errors.checked`
and :func:`~rightsdata._values.flags.flag` for the fields of an attrs class, so that a
wrong value is told as a wrong argument is, naming the field.
"""

from __future__ import annotations

from typing import Any

from rightsdata._values.errors import checked
from rightsdata._values.flags import flag

__all__ = ["checked_field", "flag_field", "items_field"]


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


def items_field(taken: str, types: type | tuple[type, ...], *, optional: bool = False) -> Any:
    """An attrs validator that a field is a tuple whose items are each one of ``types``
    (``taken`` says what an item must be), or None where ``optional``; an item is told by its
    place in the tuple.

    >>> import attrs
    >>> @attrs.frozen
    ... class Box:
    ...     names: tuple[str, ...] = attrs.field(validator=items_field("a str", str))
    >>> names: Any = ("a", 1)  # (as a config might give it)
    >>> Box(names)
    Traceback (most recent call last):
    TypeError: names[1] must be a str, not an int (1)
    """
    whole = f"a tuple of {taken.split(' ', 1)[-1]}" + (" or None" if optional else "")

    def validate(instance: object, attribute: Any, value: object) -> None:
        if value is None and optional:
            return
        items: tuple[object, ...] = checked(value, attribute.name, whole, tuple)  # type: ignore[arg-type]
        for position, item in enumerate(items):
            checked(item, f"{attribute.name}[{position}]", taken, types)

    return validate
