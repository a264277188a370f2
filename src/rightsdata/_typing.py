"""Reading the record classes' type hints (internal), shared by the converter and integrity."""

from __future__ import annotations

import typing
from typing import Any

_hints: dict[type, dict[str, Any]] = {}


def field_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, resolved once per class."""
    hints = _hints.get(cls)
    if hints is None:
        hints = _hints[cls] = typing.get_type_hints(cls)
    return hints


def nested_part(hint: Any) -> tuple[type | None, bool]:
    """The attrs class a field's hint holds, if any, and whether the field is a tuple:
    ``tuple[Figure, ...]`` -> (Figure, True); ``Penalty | None`` -> (Penalty, False);
    ``tuple[str, ...]`` -> (None, True)."""
    import attrs

    nested = next((t for t in leaf_types(hint) if attrs.has(t)), None)
    arms = typing.get_args(hint) if typing.get_origin(hint) is not tuple else ()
    many = tuple in {typing.get_origin(arm) for arm in (hint, *arms)}
    return nested, many


def leaf_types(hint: Any) -> list[Any]:
    """The plain types inside a hint: ``tuple[Figure, ...] | None`` -> [Figure, NoneType]."""
    args = typing.get_args(hint)
    if not args:
        return [hint]
    return [leaf for arg in args if arg is not Ellipsis for leaf in leaf_types(arg)]
