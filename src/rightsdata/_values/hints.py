"""Reading the record classes' type hints (internal), shared by the converter and integrity."""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs

_hints: dict[type, dict[str, Any]] = {}


def field_hints(cls: type) -> dict[str, Any]:
    """The fields' types of an attrs class (``typing.get_type_hints``), once per class.

    The model's annotations are real types (rightsdata._model.records does not postpone them), so
    the attrs fields already hold them; strings (postponed annotations) are resolved.
    """
    hints = _hints.get(cls)
    if hints is None:
        fields = attrs.fields(cls)
        if any(isinstance(field.type, str) or field.type is None for field in fields):
            hints = typing.get_type_hints(cls)
        else:
            hints = {field.name: field.type for field in fields}
        _hints[cls] = hints
    return hints


@functools.cache
def nested_part(hint: Any) -> tuple[type | None, bool]:
    """The attrs class a field's hint holds, if any, and whether the field is a tuple:
    ``tuple[Figure, ...]`` -> (Figure, True); ``Penalty | None`` -> (Penalty, False);
    ``tuple[str, ...]`` -> (None, True)."""
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
