"""pydantic v2 models equivalent to rightsdata's records, for the benchmark only, built at run
time from the record classes (bench/twin_fields.py): a field added to the model needs no edit
here.

Strict (no coercion), unknown fields forbidden, frozen, lists as tuples; the constraints of
the fields' specs (ID and text patterns, lengths, bounds, at least one citation), enums, dates
and durations parsed into the same EDTF and rightsdata.Duration values, and each class's own
cross-field rules (figures' numbers and qualifier, a relationship's ends, a quote's citation),
run by the record class's own ``_rules``. Optional fields have defaults (null or an empty
list), as in format 2. Generous to pydantic: the text checks are its native (Rust) pattern
constraints, without rightsdata's contact-data check (a Python regex per text).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    create_model,
    model_validator,
)
from twin_fields import KIND_CLASS, TwinField, classes, has_rules, twin_fields

from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration as _Duration
from rightsdata._values.durations import parse_duration


def _edtf(value: Any) -> EDTF:
    if type(value) is not str:
        raise ValueError("expected an EDTF date as text")
    return EDTF.parse(value)


def _duration(value: Any) -> _Duration:
    if type(value) is not str:
        raise ValueError("expected a duration as text")
    return parse_duration(value)


_LEAVES: dict[str, Any] = {
    "date": Annotated[EDTF, PlainValidator(_edtf)],
    "duration": Annotated[_Duration, PlainValidator(_duration)],
    "int": int,
    "float": float,
    "bool": bool,
}


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _type(twin: TwinField, models: dict[str, type[BaseModel]]) -> Any:
    if twin.kind == "part":
        leaf: Any = models[twin.leaf.__name__]
    elif twin.kind == "enum":
        leaf = twin.leaf
    elif twin.kind == "str":
        leaf = Annotated[str, StringConstraints(**twin.constraints)]
    else:
        leaf = _LEAVES[twin.kind]
        if twin.constraints:
            leaf = Annotated[leaf, Field(**twin.constraints)]
    hint: Any = tuple[leaf, ...] if twin.many else leaf
    if twin.list_constraints:
        hint = Annotated[hint, Field(**twin.list_constraints)]
    return hint | None if twin.optional and twin.default is None else hint


def _rules(cls: type) -> Any:
    """A validator running ``cls._rules`` on the model's values (a FieldError is a ValueError,
    which pydantic reports)."""
    names = [twin.name for twin in twin_fields(cls)]

    def rules(model: Any) -> Any:
        record: Any = object.__new__(cls)  # the record, unchecked, to run its own rules
        for name in names:
            object.__setattr__(record, name, getattr(model, name))
        record._rules()
        return model

    return model_validator(mode="after")(rules)


def _models() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for cls in classes():  # each after the parts it holds
        fields: dict[str, Any] = {}
        for twin in twin_fields(cls):
            fields[twin.name] = (_type(twin, models), twin.default if twin.optional else ...)
        validators = {"rules": _rules(cls)} if has_rules(cls) else None
        models[cls.__name__] = create_model(
            cls.__name__, __base__=_Model, __validators__=validators, **fields
        )
    return models


MODELS = _models()
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    kind: TypeAdapter(tuple[MODELS[name], ...])  # type: ignore[valid-type]
    for kind, name in KIND_CLASS.items()
}
