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


def leaf_types(hint: Any) -> list[Any]:
    """The plain types inside a hint: ``tuple[Figure, ...] | None`` -> [Figure, NoneType]."""
    args = typing.get_args(hint)
    if not args:
        return [hint]
    return [leaf for arg in args if arg is not Ellipsis for leaf in leaf_types(arg)]
