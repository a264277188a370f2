"""What the benchmark's twin models (msgspec_models.py, pydantic_models.py) are built from: each
record class's fields, read from the model at run time, so that a field added to the model
needs no edit here.

A field's constraints are its spec's JSON Schema (the one statement of the rule that the
schemas in schemas/ are generated from), translated to the names msgspec and pydantic give
them: on a list of IDs or texts they hold for each item, on a list of parts for the list
itself. A constraint that has no translation stops the build, so that a twin never checks
less than it says.

>>> from rightsdata._model.records import Alias
>>> [(f.name, f.kind, f.optional, f.default, f.constraints) for f in twin_fields(Alias)][1]
('language', 'str', True, None, {'pattern': '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$'})
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import attrs

from rightsdata._model.checks import Validated
from rightsdata._model.fields import spec_of
from rightsdata._model.records import RECORD_TYPES
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration
from rightsdata._values.hints import field_hints

#: JSON Schema keyword -> the keyword msgspec.Meta and pydantic's Field take
_KEYWORDS = {
    "pattern": "pattern",
    "maxLength": "max_length",
    "minLength": "min_length",
    "minItems": "min_length",
    "maxItems": "max_length",
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
}
_STRUCTURE = frozenset({"type", "items"})


@dataclass
class TwinField:
    """One field of a record class, as the twins need it."""

    name: str
    #: "str", "int", "float", "bool", "date" (EDTF), "duration", "enum" or "part"
    kind: str
    #: the enum or the part's class, for those kinds
    leaf: Any
    #: a list (a tuple in the record)
    many: bool
    #: may be null or left out (format 2): the twins give it ``default``
    optional: bool
    default: Any
    #: on the value, or on each item of a list of scalars
    constraints: dict[str, Any] = field(default_factory=dict)
    #: on a list of parts
    list_constraints: dict[str, Any] = field(default_factory=dict)


def _kind(leaf: Any) -> str:
    if leaf is EDTF:
        return "date"
    if leaf is Duration:
        return "duration"
    if isinstance(leaf, type) and issubclass(leaf, Enum):
        return "enum"
    if attrs.has(leaf):
        return "part"
    if leaf in (str, int, float, bool):
        return str(leaf.__name__)
    raise TypeError(f"the bench's twins know no type {leaf!r}; teach bench/twin_fields.py")


def _constraints(schema: dict[str, Any], where: str) -> dict[str, Any]:
    unknown = set(schema) - _STRUCTURE - set(_KEYWORDS)
    if unknown:
        raise TypeError(
            f"{where}: the bench's twins cannot state {sorted(unknown)}; teach "
            "bench/twin_fields.py, or the comparison would be unfair"
        )
    return {_KEYWORDS[key]: value for key, value in schema.items() if key in _KEYWORDS}


def twin_fields(cls: type) -> list[TwinField]:
    """The fields of the record or part class ``cls``, in order."""
    hints = field_hints(cls)
    fields = []
    for attribute in attrs.fields(cls):
        spec = spec_of(attribute)
        hint = hints[attribute.name]
        args = typing.get_args(hint)
        nullable = type(None) in args
        if nullable:
            (hint,) = [arg for arg in args if arg is not type(None)]
        many = typing.get_origin(hint) is tuple
        leaf = typing.get_args(hint)[0] if many else hint
        kind = _kind(leaf)
        where = f"{cls.__name__}.{attribute.name}"
        constraints: dict[str, Any] = {}
        list_constraints: dict[str, Any] = {}
        if kind == "part":
            if many:
                list_constraints = _constraints(spec.schema({}), where)
        elif kind in ("str", "int", "float", "bool"):
            constraints = _constraints(spec.schema({}), where)
        optional = spec.optional or nullable
        fields.append(
            TwinField(
                name=attribute.name,
                kind=kind,
                leaf=leaf,
                many=many,
                optional=optional,
                default=(() if many and not nullable else None) if optional else None,
                constraints=constraints,
                list_constraints=list_constraints,
            )
        )
    return fields


def has_rules(cls: type) -> bool:
    """True if ``cls`` has cross-field rules of its own (``_rules``)."""
    return cls._rules is not Validated._rules  # type: ignore[attr-defined]


def classes() -> Iterator[type]:
    """Every record and part class, each after the parts it holds."""
    seen: set[type] = set()

    def visit(cls: type) -> Iterator[type]:
        if cls in seen:
            return
        seen.add(cls)
        for twin in twin_fields(cls):
            if twin.kind == "part":
                yield from visit(twin.leaf)
        yield cls

    for cls in RECORD_TYPES.values():
        yield from visit(cls)


#: kind ("events") -> the name of its record class ("Event")
KIND_CLASS: dict[str, str] = {kind: cls.__name__ for kind, cls in RECORD_TYPES.items()}
