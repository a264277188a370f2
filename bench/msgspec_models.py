"""msgspec Structs of rightsdata's records, for the benchmark only, in two families, built at
run time from the record classes (bench/twin_fields.py): a field added to the model needs no
edit here.

``PLAIN``: Structs with the field types alone (text, integers, optional values, lists of
nested Structs); what decoding into typed objects costs at its cheapest.

``CONSTRAINED``: the same with the constraints of the fields' specs that msgspec can state
(``msgspec.Meta``): the ID, text, language, country, jurisdiction and URL patterns, lengths,
bounds of counts, at least one citation, vocabulary terms as enums, unknown fields forbidden.
Dates and durations stay text (msgspec has no EDTF type; a ``dec_hook`` would be rightsdata's
own fast path), and there is no cross-field rule (figures' numbers, a quote's citation) and no
contact-data check: generous to msgspec.

Optional fields have defaults (null, or an empty list), so both families read files that
leave them out (format 2) as well as files that write every field (format 1).

>>> import msgspec
>>> msgspec.json.decode(b'[{"name": "Aktau", "language": null}]', type=list[PLAIN["Alias"]])
[Alias(name='Aktau', language=None)]
>>> msgspec.json.decode(b'[{"name": "Aktau"}]', type=list[PLAIN["Alias"]])
[Alias(name='Aktau', language=None)]
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from twin_fields import KIND_CLASS, TwinField, classes, twin_fields

_SCALARS: dict[str, Any] = {"str": str, "int": int, "float": float, "bool": bool}


def _type(twin: TwinField, family: dict[str, type[msgspec.Struct]], constrained: bool) -> Any:
    if twin.kind == "part":
        leaf: Any = family[twin.leaf.__name__]
    elif twin.kind == "enum":
        leaf = twin.leaf if constrained else str
    elif twin.kind in ("date", "duration"):
        leaf = str
    else:
        leaf = _SCALARS[twin.kind]
        if constrained and twin.constraints:
            leaf = Annotated[leaf, msgspec.Meta(**twin.constraints)]
    hint: Any = list[leaf] if twin.many else leaf
    if constrained and twin.list_constraints:
        hint = Annotated[hint, msgspec.Meta(**twin.list_constraints)]
    return hint | None if twin.optional and twin.default is None else hint


def _family(constrained: bool) -> dict[str, type[msgspec.Struct]]:
    family: dict[str, type[msgspec.Struct]] = {}
    for cls in classes():  # each after the parts it holds
        fields: list[Any] = []
        for twin in twin_fields(cls):
            hint = _type(twin, family, constrained)
            if not twin.optional:
                fields.append((twin.name, hint))
            elif twin.default == ():
                fields.append((twin.name, hint, msgspec.field(default_factory=list)))
            else:
                fields.append((twin.name, hint, None))
        family[cls.__name__] = msgspec.defstruct(
            cls.__name__, fields, kw_only=True, forbid_unknown_fields=constrained
        )
    return family


PLAIN = _family(constrained=False)
CONSTRAINED = _family(constrained=True)
DECODERS: dict[str, dict[str, msgspec.json.Decoder[Any]]] = {
    name: {
        kind: msgspec.json.Decoder(list[family[cls]])  # type: ignore[valid-type]
        for kind, cls in KIND_CLASS.items()
    }
    for name, family in (("plain", PLAIN), ("constrained", CONSTRAINED))
}
