"""Hypothesis strategies for rightsdata records, for your own property tests.

Every strategy builds values the model accepts: single records (whose references point at
made-up IDs, as records from a larger dataset would) and whole datasets whose references all
resolve. Requires ``hypothesis`` (``pip install 'rightsdata[test]'``).

>>> from hypothesis import given
>>> from rightsdata.testing import events
>>> @given(events())
... def test_event_has_a_citation(event):
...     assert event.citations
>>> test_event_has_a_citation()
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from rightsdata._validators import _EMAIL_RE, _PHONE_RE
from rightsdata.dates import EDTF
from rightsdata.durations import Duration, parse_duration
from rightsdata.model import (
    RECORD_TYPES,
    Alias,
    Charge,
    Citation,
    Event,
    Figure,
    Inference,
    Law,
    Organization,
    Participant,
    Penalty,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata.vocab import (
    EventKind,
    FigureQualifier,
    FigureUnit,
    Level,
    Measure,
    OrgKind,
    OrgStatus,
    PenaltyKind,
    PlaceKind,
    RatingScale,
    RelationshipKind,
    Role,
    SourceKind,
    StatementKind,
)

__all__ = [
    "citations",
    "dataset_documents",
    "durations",
    "edtf_dates",
    "events",
    "figures",
    "ids",
    "laws",
    "organizations",
    "persons",
    "places",
    "ratings",
    "records",
    "relationships",
    "slugs",
    "sources",
    "statements",
    "texts",
]

_FIRST: Final = datetime.date(1900, 1, 1).toordinal()
_LAST: Final = datetime.date(2030, 12, 31).toordinal()


def slugs() -> st.SearchStrategy[str]:
    """Slugs: lowercase ASCII words joined by '-'."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=4).map("-".join)


def ids(*prefixes: str) -> st.SearchStrategy[str]:
    """IDs with one of ``prefixes`` (``ids("person", "org")``)."""
    return st.builds(lambda p, s: f"{p}:{s}", st.sampled_from(prefixes), slugs())


def _clean(value: str) -> bool:
    if not value or value[0].isspace() or value[-1].isspace():
        return False
    return not (_EMAIL_RE.search(value) or _PHONE_RE.search(value))


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding white space or contact data, in any script."""
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    return st.text(alphabet, min_size=1, max_size=max_size).filter(_clean)


def _dates() -> st.SearchStrategy[datetime.date]:
    return st.integers(_FIRST, _LAST).map(datetime.date.fromordinal)


def _single_dates() -> st.SearchStrategy[str]:
    day = _dates().map(lambda d: d.isoformat())
    month = _dates().map(lambda d: d.isoformat()[:7])
    year = _dates().map(lambda d: d.isoformat()[:4])
    season = st.builds(lambda d, s: f"{d.year:04d}-{s}", _dates(), st.integers(21, 24))
    qualifier = st.sampled_from(["", "", "", "?", "~", "%"])
    qualified = st.builds(lambda d, q: d + q, st.one_of(day, month, year), qualifier)
    return st.one_of(qualified, season)  # a season takes no qualifier (EDTF level 2)


@st.composite
def _interval(draw: st.DrawFn) -> str:
    start, end = draw(_single_dates()), draw(_single_dates())
    first, second = EDTF.parse(start), EDTF.parse(end)
    if first.sort_key() > second.sort_key():
        start, end = end, start
        first, second = second, first
    assert first.earliest is not None and second.latest is not None
    if first.earliest > second.latest:
        end = start
    shape = draw(st.sampled_from(["closed", "open_end", "unknown_end", "open_start", "unknown"]))
    if shape == "open_end":
        return f"{start}/.."
    if shape == "unknown_end":
        return f"{start}/"
    if shape == "open_start":
        return f"../{end}"
    if shape == "unknown":
        return f"/{end}"
    return f"{start}/{end}"


def edtf_dates(intervals: bool = True) -> st.SearchStrategy[EDTF]:
    """EDTF values: days, months, years, seasons, qualifiers, and (optionally) intervals."""
    texts_ = st.one_of(_single_dates(), _interval()) if intervals else _single_dates()
    return texts_.map(EDTF.parse)


def durations() -> st.SearchStrategy[Duration]:
    """Durations in the canonical forms rightsdata writes (P7Y6M, P15D, PT12H)."""
    parts = st.fixed_dictionaries(
        {
            "Y": st.integers(0, 30),
            "M": st.integers(0, 24),
            "D": st.integers(0, 400),
            "H": st.integers(0, 23),
        }
    )

    def build(p: Mapping[str, int]) -> Duration:
        text = "P" + "".join(f"{p[k]}{k}" for k in "YMD" if p[k])
        if p["H"]:
            text += f"T{p['H']}H"
        return parse_duration(text if text != "P" else "P0D")

    return parts.map(build)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def citations(record_type: type | None = None) -> st.SearchStrategy[Citation]:
    """Citations; with ``record_type``, their ``fields`` name fields of that type."""
    names = [f.name for f in attrs.fields(record_type)] if record_type is not None else []
    fields = (
        _optional(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True).map(tuple))
        if names
        else st.none()
    )
    return st.builds(
        Citation,
        source=ids("source"),
        locator=_optional(texts()),
        quote=_optional(texts()),
        fields=fields,
    )


def _citation_lists(record_type: type) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(citations(record_type), min_size=1, max_size=3).map(tuple)


def _inferred(record_type: type) -> st.SearchStrategy[tuple[Inference, ...]]:
    names = [f.name for f in attrs.fields(record_type)]
    inference = st.builds(Inference, field=st.sampled_from(names), basis=texts())
    return st.lists(inference, max_size=2).map(tuple)


def _aliases() -> st.SearchStrategy[tuple[Alias, ...]]:
    language = st.sampled_from(["en", "ru", "kk", "kk-Latn"])
    return st.lists(st.builds(Alias, name=texts(), language=_optional(language)), max_size=3).map(
        tuple
    )


_COUNTRIES: Final = st.sampled_from(["KZ", "RU", "US", "GB", "EG", "HK", "CO", "GN"])


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """Figures whose numbers fit their qualifier (``low <= best <= high``)."""
    qualifier = draw(st.sampled_from(list(FigureQualifier)))
    numbers = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
    low, best, high = (draw(_optional(st.just(n))) for n in numbers)
    if qualifier in (FigureQualifier.EXACT, FigureQualifier.ABOUT):
        best = numbers[1]
    elif qualifier in (FigureQualifier.AT_LEAST, FigureQualifier.MORE_THAN):
        low = numbers[0]
    elif qualifier in (FigureQualifier.AT_MOST, FigureQualifier.LESS_THAN):
        high = numbers[2]
    elif qualifier is FigureQualifier.BETWEEN:
        low, high = numbers[0], numbers[2]
    return Figure(
        measure=draw(st.sampled_from(list(Measure))),
        unit=draw(st.sampled_from(list(FigureUnit))),
        low=low,
        best=best,
        high=high,
        qualifier=qualifier,
        as_given=draw(_optional(texts(40))),
        asserted_by=draw(_optional(ids("person", "org"))),
        citations=draw(_citation_lists(Figure)),
    )


def sources() -> st.SearchStrategy[Source]:
    """Source records."""
    return st.builds(
        Source,
        id=ids("source"),
        title=texts(),
        publisher=_optional(ids("org")),
        published=_optional(edtf_dates()),
        kind=st.sampled_from(list(SourceKind)),
        language=st.sampled_from(["en", "ru", "kk"]),
        url=_optional(slugs().map(lambda s: f"https://example.org/{s}")),
        note=_optional(texts()),
        inferred=_inferred(Source),
    )


def persons() -> st.SearchStrategy[Person]:
    """Person records."""
    return st.builds(
        Person,
        id=ids("person"),
        name=texts(),
        aliases=_aliases(),
        born=_optional(edtf_dates(intervals=False)),
        country=_optional(_COUNTRIES),
        summary=_optional(texts()),
        citations=_citation_lists(Person),
        inferred=_inferred(Person),
    )


def organizations() -> st.SearchStrategy[Organization]:
    """Organization records."""
    return st.builds(
        Organization,
        id=ids("org"),
        name=texts(),
        aliases=_aliases(),
        kind=st.sampled_from(list(OrgKind)),
        country=_optional(_COUNTRIES),
        status=_optional(st.sampled_from(list(OrgStatus))),
        founded=_optional(edtf_dates()),
        summary=_optional(texts()),
        citations=_citation_lists(Organization),
        inferred=_inferred(Organization),
    )


def places() -> st.SearchStrategy[Place]:
    """Place records."""
    return st.builds(
        Place,
        id=ids("place"),
        name=texts(),
        aliases=_aliases(),
        kind=st.sampled_from(list(PlaceKind)),
        country=_optional(_COUNTRIES),
        within=_optional(ids("place")),
        citations=_citation_lists(Place),
        inferred=_inferred(Place),
    )


def laws() -> st.SearchStrategy[Law]:
    """Law (legal provision) records."""
    return st.builds(
        Law,
        id=ids("law"),
        instrument=texts(),
        jurisdiction=st.sampled_from(["KZ", "international"]),
        article=st.integers(1, 500).map(str),
        part=_optional(st.integers(1, 9).map(str)),
        title=_optional(texts()),
        citations=_citation_lists(Law),
        inferred=_inferred(Law),
    )


def events() -> st.SearchStrategy[Event]:
    """Event records."""
    return st.builds(
        Event,
        id=ids("event"),
        kind=st.sampled_from(list(EventKind)),
        title=texts(),
        summary=_optional(texts()),
        date=_optional(edtf_dates()),
        places=st.lists(ids("place"), max_size=2).map(tuple),
        participants=st.lists(
            st.builds(Participant, actor=ids("person", "org"), role=st.sampled_from(list(Role))),
            max_size=3,
        ).map(tuple),
        charges=st.lists(
            st.builds(Charge, provision=ids("law"), against=ids("person", "org")), max_size=2
        ).map(tuple),
        penalty=_optional(
            st.builds(Penalty, kind=st.sampled_from(list(PenaltyKind)), term=_optional(durations()))
        ),
        figures=st.lists(figures(), max_size=2).map(tuple),
        part_of=_optional(ids("event")),
        citations=_citation_lists(Event),
        inferred=_inferred(Event),
    )


@st.composite
def relationships(draw: st.DrawFn) -> Relationship:
    """Relationship records (start never after end)."""
    start = draw(_optional(edtf_dates(intervals=False)))
    end = draw(_optional(edtf_dates(intervals=False)))
    if start is not None and end is not None and start.sort_key() > end.sort_key():
        start, end = end, start
    if (
        start is not None
        and end is not None
        and start.earliest is not None
        and end.latest is not None
        and start.earliest > end.latest
    ):
        end = None
    return Relationship(
        id=draw(ids("relationship")),
        subject=draw(ids("person", "org")),
        kind=draw(st.sampled_from(list(RelationshipKind))),
        object=draw(ids("person", "org", "place")),
        title=draw(_optional(texts())),
        start=start,
        end=end,
        citations=draw(_citation_lists(Relationship)),
        inferred=draw(_inferred(Relationship)),
    )


@st.composite
def statements(draw: st.DrawFn) -> Statement:
    """Statement records (a quote always has a citation that covers it)."""
    quote = draw(_optional(texts()))
    cites = draw(_citation_lists(Statement))
    if quote is not None and not any(c.fields is None or "quote" in c.fields for c in cites):
        cites = (attrs.evolve(cites[0], fields=None), *cites[1:])
    return Statement(
        id=draw(ids("statement")),
        speaker=draw(ids("person", "org")),
        date=draw(_optional(edtf_dates())),
        kind=draw(st.sampled_from(list(StatementKind))),
        summary=draw(texts()),
        quote=quote,
        addressed_to=tuple(draw(st.lists(ids("person", "org"), max_size=2))),
        about=tuple(draw(st.lists(ids("person", "event", "org"), max_size=2))),
        citations=cites,
        inferred=draw(_inferred(Statement)),
    )


def ratings() -> st.SearchStrategy[Rating]:
    """Rating records."""
    return st.builds(
        Rating,
        id=ids("rating"),
        country=ids("place"),
        scale=st.just(RatingScale.CIVICUS_MONITOR),
        level=st.sampled_from(list(Level)),
        as_of=edtf_dates(),
        previous=_optional(st.sampled_from(list(Level))),
        rated_by=ids("org"),
        citations=_citation_lists(Rating),
        inferred=_inferred(Rating),
    )


_BY_KIND: Final[dict[str, Any]] = {
    "sources": sources,
    "persons": persons,
    "organizations": organizations,
    "places": places,
    "laws": laws,
    "events": events,
    "relationships": relationships,
    "statements": statements,
    "ratings": ratings,
}


def records(kind: str) -> st.SearchStrategy[Record]:
    """Records of ``kind`` (``'events'``), as named in the files.

    >>> from rightsdata.testing import records
    >>> records("events").example().id.startswith("event:")  # doctest: +SKIP
    True
    """
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown record kind {kind!r}")
    strategy: st.SearchStrategy[Record] = _BY_KIND[kind]()
    return strategy


@st.composite
def dataset_documents(draw: st.DrawFn, max_per_kind: int = 4) -> dict[str, list[dict[str, Any]]]:
    """A whole dataset as JSON-ready documents whose references all resolve.

    The result is what ``Dataset.to_dict()`` returns: each kind's documents sorted by ID.
    Ratings carry no ``previous`` and events no ``part_of`` chains, so the integrity rules
    that depend on order hold by construction.
    """
    from rightsdata.convert import unstructure

    pools: dict[str, list[str]] = {}
    built: dict[str, list[Record]] = {}
    for kind in RECORD_TYPES:
        minimum = 1 if kind in ("sources", "persons", "organizations", "places", "laws") else 0
        found = draw(
            st.lists(
                records(kind), min_size=minimum, max_size=max_per_kind, unique_by=lambda r: r.id
            )
        )
        built[kind] = found
        pools[RECORD_TYPES[kind].__name__] = [r.id for r in found]
    by_prefix = {
        "source": pools["Source"],
        "person": pools["Person"],
        "org": pools["Organization"],
        "place": pools["Place"],
        "law": pools["Law"],
        "event": pools["Event"],
    }
    documents: dict[str, list[dict[str, Any]]] = {}
    for kind, items in built.items():
        docs = [_resolve(draw, unstructure(r), by_prefix) for r in items]
        if kind == "ratings":
            docs = [{**d, "previous": None} for d in docs]
        if kind == "events":
            docs = [{**d, "part_of": None} for d in docs]
        if kind == "relationships":
            docs = [d for d in docs if d["subject"] != d["object"]]
        documents[kind] = sorted(docs, key=lambda d: d["id"])
    return documents


def _resolve(draw: st.DrawFn, value: Any, pools: Mapping[str, list[str]]) -> Any:
    """Replace every reference in a document by an existing ID of the same prefix."""
    if isinstance(value, dict):
        return {k: (v if k == "id" else _resolve(draw, v, pools)) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(draw, v, pools) for v in value]
    if isinstance(value, str) and ":" in value:
        prefix = value.partition(":")[0]
        pool = pools.get(prefix)
        if pool and value not in pool:
            return draw(st.sampled_from(pool))
    return value
