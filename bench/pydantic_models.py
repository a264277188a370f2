"""pydantic v2 models equivalent to rightsdata's records, for the benchmark only.

Strict (no coercion), unknown fields forbidden, frozen, lists as tuples; the same ID and text
patterns, length limits, enums, non-negative counts, at least one citation, the figure rules
(low <= best <= high, the qualifier's number), and dates and durations parsed into the same
EDTF and rightsdata.Duration values. Generous to pydantic: the text checks are its native
(Rust) pattern constraints, without rightsdata's contact-data check (a Python regex per text).
"""

from __future__ import annotations

import itertools
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from rightsdata._model.fields import (
    COUNTRY_PATTERN,
    JURISDICTION_PATTERN,
    LANGUAGE_PATTERN,
    QUOTE_MAX,
    TEXT_PATTERN,
    URL_PATTERN,
)
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration as _Duration
from rightsdata._values.durations import parse_duration
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


def _edtf(value: Any) -> EDTF:
    if type(value) is not str:
        raise ValueError("expected an EDTF date as text")
    return EDTF.parse(value)


def _duration(value: Any) -> _Duration:
    if type(value) is not str:
        raise ValueError("expected a duration as text")
    return parse_duration(value)


Date = Annotated[EDTF, PlainValidator(_edtf)]
Duration = Annotated[_Duration, PlainValidator(_duration)]
Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]
Quote = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=QUOTE_MAX)]
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
Country = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]


def Ref(*prefixes: str) -> Any:  # noqa: N802
    return Annotated[str, StringConstraints(pattern=id_pattern(prefixes))]


Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Citation(_Model):
    source: Ref("source")
    locator: Text | None
    quote: Quote | None
    fields: tuple[str, ...] | None
    confidence: Confidence | None = None


Citations = Annotated[tuple[Citation, ...], Field(min_length=1)]


class Inference(_Model):
    field: Text
    basis: Text


class Alias(_Model):
    name: Text
    language: Language | None


class Identifier(_Model):
    scheme: IdentifierScheme
    value: Text


class Coordinates(_Model):
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    precision_m: Count | None


class Participant(_Model):
    actor: Ref("person", "org")
    role: Role


class Charge(_Model):
    provision: Ref("law")
    against: Ref("person", "org")


class Penalty(_Model):
    kind: PenaltyKind
    term: Duration | None


class Figure(_Model):
    measure: Measure
    unit: FigureUnit
    low: Count | None
    best: Count | None
    high: Count | None
    qualifier: FigureQualifier
    as_given: Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=120)] | None
    asserted_by: Ref("person", "org") | None
    per: Duration | None = None
    range_meaning: RangeMeaning | None = None
    joined_by: tuple[Ref("person", "org"), ...] = ()
    relayed_by: tuple[Ref("person", "org"), ...] = ()
    citations: Citations

    @model_validator(mode="after")
    def _rules(self) -> Figure:
        stated = [v for v in (self.low, self.best, self.high) if v is not None]
        if any(a > b for a, b in itertools.pairwise(stated)):
            raise ValueError("numbers out of order")
        needs = {
            "exact": "best",
            "about": "best",
            "at_least": "low",
            "more_than": "low",
            "at_most": "high",
            "less_than": "high",
        }.get(self.qualifier.value)
        if needs is not None and getattr(self, needs) is None:
            raise ValueError(f"qualifier needs {needs}")
        return self


class Source(_Model):
    id: Ref("source")
    title: Text
    publisher: Ref("org") | None
    published: Date | None
    kind: SourceKind
    language: Language
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None
    note: Text | None
    retrieved: Date | None = None
    archive_url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = None
    figures: tuple[Figure, ...] = ()
    inferred: tuple[Inference, ...]


class Person(_Model):
    id: Ref("person")
    name: Text
    aliases: tuple[Alias, ...]
    born: Date | None
    country: Country | None
    summary: Text | None
    identifiers: tuple[Identifier, ...] = ()
    citations: Citations
    inferred: tuple[Inference, ...]


class Organization(_Model):
    id: Ref("org")
    name: Text
    aliases: tuple[Alias, ...]
    kind: OrgKind
    country: Country | None
    status: OrgStatus | None
    founded: Date | None
    summary: Text | None
    identifiers: tuple[Identifier, ...] = ()
    figures: tuple[Figure, ...] = ()
    citations: Citations
    inferred: tuple[Inference, ...]


class Place(_Model):
    id: Ref("place")
    name: Text
    aliases: tuple[Alias, ...]
    kind: PlaceKind
    country: Country | None
    within: Ref("place") | None
    coordinates: Coordinates | None = None
    identifiers: tuple[Identifier, ...] = ()
    figures: tuple[Figure, ...] = ()
    citations: Citations
    inferred: tuple[Inference, ...]


class Law(_Model):
    id: Ref("law")
    instrument: Text
    jurisdiction: Annotated[str, StringConstraints(pattern=JURISDICTION_PATTERN)]
    article: Text | None
    part: Text | None
    title: Text | None
    citations: Citations
    inferred: tuple[Inference, ...]


class Event(_Model):
    id: Ref("event")
    kind: EventKind
    title: Text
    summary: Text | None
    date: Date | None
    places: tuple[Ref("place"), ...]
    participants: tuple[Participant, ...]
    charges: tuple[Charge, ...]
    penalty: Penalty | None
    figures: tuple[Figure, ...]
    part_of: Ref("event") | None
    status: EventStatus | None = None
    date_of: DateMeaning | None = None
    citations: Citations
    inferred: tuple[Inference, ...]


class Relationship(_Model):
    id: Ref("relationship")
    subject: Ref("person", "org")
    kind: RelationshipKind
    object: Ref("person", "org", "place")
    title: Text | None
    start: Date | None
    end: Date | None
    citations: Citations
    inferred: tuple[Inference, ...]


class Statement(_Model):
    id: Ref("statement")
    speaker: Ref("person", "org")
    date: Date | None
    kind: StatementKind
    summary: Text
    quote: Quote | None
    addressed_to: tuple[Ref("person", "org"), ...]
    about: tuple[str, ...]
    joined_by: tuple[Ref("person", "org"), ...] = ()
    relayed_by: tuple[Ref("person", "org"), ...] = ()
    figures: tuple[Figure, ...] = ()
    citations: Citations
    inferred: tuple[Inference, ...]


class Rating(_Model):
    id: Ref("rating")
    country: Ref("place")
    scale: RatingScale
    level: Level
    as_of: Date
    previous: Level | None
    rated_by: Ref("org")
    figures: tuple[Figure, ...] = ()
    citations: Citations
    inferred: tuple[Inference, ...]


_MODELS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "persons": Person,
    "organizations": Organization,
    "places": Place,
    "laws": Law,
    "events": Event,
    "relationships": Relationship,
    "statements": Statement,
    "ratings": Rating,
}
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    kind: TypeAdapter(tuple[model, ...])
    for kind, model in _MODELS.items()  # type: ignore[valid-type]
}
