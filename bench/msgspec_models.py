"""msgspec Structs of rightsdata's records, for the benchmark only, in two families.

``PLAIN``: Structs with the field types alone (text, integers, optional values, lists of
nested Structs); what decoding into typed objects costs at its cheapest.

``CONSTRAINED``: the same with the constraints msgspec can state (``msgspec.Meta``): the ID,
text, language, country, jurisdiction and URL patterns, the quote's length, non-negative
counts, at least one citation, vocabulary terms as enums, unknown fields forbidden. Dates and
durations stay text (msgspec has no EDTF type; a ``dec_hook`` would be rightsdata's own fast
path), and there is no cross-field rule (figures' numbers, a quote's citation) and no
contact-data check: generous to msgspec.

>>> import msgspec
>>> msgspec.json.decode(b'[{"name": "Aktau", "language": null}]', type=list[PLAIN["Alias"]])
[Alias(name='Aktau', language=None)]
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from rightsdata._model.fields import (
    COUNTRY_PATTERN,
    JURISDICTION_PATTERN,
    LANGUAGE_PATTERN,
    QUOTE_MAX,
    TEXT_PATTERN,
    URL_PATTERN,
)
from rightsdata._values.ids import id_pattern
from rightsdata.vocab import (
    Confidence,
    DateMeaning,
    EventKind,
    EventStatus,
    FigureQualifier,
    FigureUnit,
    IdentifierScheme,
    Level,
    Measure,
    OrgKind,
    OrgStatus,
    PenaltyKind,
    PlaceKind,
    RangeMeaning,
    RatingScale,
    RelationshipKind,
    Role,
    SourceKind,
    StatementKind,
)

#: Marks a field added by model 2 (N for new): it has a default, as a file may leave it out.
N: Any = object()

# Each field as (name, spec), or (name, spec, N): a spec names a kind of value, "?" makes it
# optional (null), "[]" a list of it; "ref:a,b" is an ID with one of the prefixes; a
# capitalised spec names a nested Struct; an enum class is a vocabulary.
_SPECS: dict[str, list[tuple[Any, ...]]] = {
    "Citation": [("source", "ref:source"), ("locator", "text?"), ("quote", "quote?"),
                 ("fields", "str[]?"), ("confidence", (Confidence, "?"), N)],
    "Inference": [("field", "text"), ("basis", "text")],
    "Alias": [("name", "text"), ("language", "language?")],
    "Identifier": [("scheme", IdentifierScheme), ("value", "text")],
    "Coordinates": [("latitude", "latitude"), ("longitude", "longitude"),
                    ("precision_m", "count?")],
    "Participant": [("actor", "ref:person,org"), ("role", Role)],
    "Charge": [("provision", "ref:law"), ("against", "ref:person,org")],
    "Penalty": [("kind", PenaltyKind), ("term", "str?")],
    "Figure": [("measure", Measure), ("unit", FigureUnit), ("low", "count?"),
               ("best", "count?"), ("high", "count?"), ("qualifier", FigureQualifier),
               ("as_given", "given?"), ("asserted_by", "ref:person,org?"),
               ("per", "str?", N), ("range_meaning", (RangeMeaning, "?"), N),
               ("joined_by", "ref:person,org[]", N), ("relayed_by", "ref:person,org[]", N),
               ("citations", "citations")],
    "Source": [("id", "ref:source"), ("title", "text"), ("publisher", "ref:org?"),
               ("published", "str?"), ("kind", SourceKind), ("language", "language"),
               ("url", "url?"), ("note", "text?"), ("retrieved", "str?", N),
               ("archive_url", "url?", N), ("figures", "Figure[]", N), ("inferred", "Inference[]")],
    "Person": [("id", "ref:person"), ("name", "text"), ("aliases", "Alias[]"),
               ("born", "str?"), ("country", "country?"), ("summary", "text?"),
               ("identifiers", "Identifier[]", N), ("citations", "citations"),
               ("inferred", "Inference[]")],
    "Organization": [("id", "ref:org"), ("name", "text"), ("aliases", "Alias[]"),
                     ("kind", OrgKind), ("country", "country?"), ("status", (OrgStatus, "?")),
                     ("founded", "str?"), ("summary", "text?"),
                     ("identifiers", "Identifier[]", N), ("figures", "Figure[]", N),
                     ("citations", "citations"), ("inferred", "Inference[]")],
    "Place": [("id", "ref:place"), ("name", "text"), ("aliases", "Alias[]"),
              ("kind", PlaceKind), ("country", "country?"), ("within", "ref:place?"),
              ("coordinates", "Coordinates?", N), ("identifiers", "Identifier[]", N),
              ("figures", "Figure[]", N), ("citations", "citations"), ("inferred", "Inference[]")],
    "Law": [("id", "ref:law"), ("instrument", "text"), ("jurisdiction", "jurisdiction"),
            ("article", "text?"), ("part", "text?"), ("title", "text?"),
            ("citations", "citations"), ("inferred", "Inference[]")],
    "Event": [("id", "ref:event"), ("kind", EventKind), ("title", "text"),
              ("summary", "text?"), ("date", "str?"), ("places", "ref:place[]"),
              ("participants", "Participant[]"), ("charges", "Charge[]"),
              ("penalty", "Penalty?"), ("figures", "Figure[]"), ("part_of", "ref:event?"),
              ("status", (EventStatus, "?"), N), ("date_of", (DateMeaning, "?"), N),
              ("citations", "citations"), ("inferred", "Inference[]")],
    "Relationship": [("id", "ref:relationship"), ("subject", "ref:person,org"),
                     ("kind", RelationshipKind), ("object", "ref:person,org,place"),
                     ("title", "text?"), ("start", "str?"), ("end", "str?"),
                     ("citations", "citations"), ("inferred", "Inference[]")],
    "Statement": [("id", "ref:statement"), ("speaker", "ref:person,org"), ("date", "str?"),
                  ("kind", StatementKind), ("summary", "text"), ("quote", "quote?"),
                  ("addressed_to", "ref:person,org[]"), ("about", "str[]"),
                  ("joined_by", "ref:person,org[]", N), ("relayed_by", "ref:person,org[]", N),
                  ("figures", "Figure[]", N), ("citations", "citations"),
                  ("inferred", "Inference[]")],
    "Rating": [("id", "ref:rating"), ("country", "ref:place"), ("scale", RatingScale),
               ("level", Level), ("as_of", "str"), ("previous", (Level, "?")),
               ("rated_by", "ref:org"), ("figures", "Figure[]", N), ("citations", "citations"),
               ("inferred", "Inference[]")],
}  # fmt: skip
_KIND_CLASS = {
    "sources": "Source",
    "persons": "Person",
    "organizations": "Organization",
    "places": "Place",
    "laws": "Law",
    "events": "Event",
    "relationships": "Relationship",
    "statements": "Statement",
    "ratings": "Rating",
}


def _family(constrained: bool) -> dict[str, type[msgspec.Struct]]:
    classes: dict[str, type[msgspec.Struct]] = {}

    def meta(base: Any, **constraints: Any) -> Any:
        return Annotated[base, msgspec.Meta(**constraints)] if constrained else base

    scalars: dict[str, Any] = {
        "str": str,
        "text": meta(str, pattern=TEXT_PATTERN),
        "quote": meta(str, pattern=TEXT_PATTERN, max_length=QUOTE_MAX),
        "given": meta(str, pattern=TEXT_PATTERN, max_length=120),
        "language": meta(str, pattern=LANGUAGE_PATTERN),
        "country": meta(str, pattern=COUNTRY_PATTERN),
        "jurisdiction": meta(str, pattern=JURISDICTION_PATTERN),
        "url": meta(str, pattern=URL_PATTERN),
        "count": meta(int, ge=0),
        "latitude": meta(float, ge=-90, le=90),
        "longitude": meta(float, ge=-180, le=180),
    }

    def resolve(spec: Any) -> Any:
        if isinstance(spec, tuple):  # (enum, "?")
            return resolve(spec[0]) | None
        if not isinstance(spec, str):  # a vocabulary
            return spec if constrained else str
        if spec.endswith("?"):
            return resolve(spec[:-1]) | None
        if spec.endswith("[]"):
            return list[resolve(spec[:-2])]  # type: ignore[misc]
        if spec == "citations":
            citation = classes["Citation"]
            return meta(list[citation], min_length=1)  # type: ignore[valid-type]
        if spec.startswith("ref:"):
            return meta(str, pattern=id_pattern(tuple(spec[4:].split(","))))
        if spec[0].isupper():
            return classes[spec]
        return scalars[spec]

    def field(name: str, spec: Any, *added: Any) -> tuple[Any, ...]:
        if not added:
            return (name, resolve(spec))
        many = isinstance(spec, str) and spec.endswith("[]")
        return (name, resolve(spec), msgspec.field(default_factory=list) if many else None)

    for name, fields in _SPECS.items():  # nested parts come first
        classes[name] = msgspec.defstruct(
            name,
            [field(*spec) for spec in fields],
            forbid_unknown_fields=constrained,
            kw_only=True,
        )
    return classes


def _of(classes: dict[str, type[msgspec.Struct]], name: str) -> Any:
    return classes[name]


PLAIN = _family(constrained=False)
CONSTRAINED = _family(constrained=True)
DECODERS: dict[str, dict[str, msgspec.json.Decoder[Any]]] = {
    family: {
        kind: msgspec.json.Decoder(list[_of(classes, name)]) for kind, name in _KIND_CLASS.items()
    }
    for family, classes in (("plain", PLAIN), ("constrained", CONSTRAINED))
}
