"""Model 2: the optional fields added to the existing records, their rules, and every
rendering of them (loader paths, strategies, queries, tables, cards)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
import pytest
from hypothesis import Phase, find, given, settings

import rightsdata
from rightsdata import testing
from rightsdata._model.checks import Validated
from rightsdata._model.records import (
    Citation,
    Coordinates,
    Event,
    Figure,
    Identifier,
    Law,
    Place,
    Statement,
)
from rightsdata._validation.convert import structure, unstructure
from rightsdata._values.errors import FieldError, InvalidDataError, ProblemCode
from rightsdata.schema import load_schema
from rightsdata.vocab import (
    EventKind,
    EventStatus,
    FigureQualifier,
    FigureUnit,
    IdentifierScheme,
    Measure,
    RangeMeaning,
)

from conftest import examples

if TYPE_CHECKING:
    from rightsdata import KindName

CITES = (Citation(source="source:a"),)
SOURCE = {"id": "source:a", "title": "A report", "kind": "report", "language": "en"}
CITED = [{"source": "source:a"}]


def figure(**fields: Any) -> dict[str, Any]:
    return {
        "measure": "killed",
        "unit": "people",
        "qualifier": "exact",
        "best": 3,
        "citations": CITED,
        **fields,
    }


def org(record_id: str) -> dict[str, Any]:
    return {"id": record_id, "name": "An NGO", "kind": "ngo", "citations": CITED}


def place(**fields: Any) -> dict[str, Any]:
    return {"id": "place:a", "name": "A city", "kind": "city", "citations": CITED, **fields}


def statement(**fields: Any) -> dict[str, Any]:
    return {
        "id": "statement:a",
        "speaker": "org:a",
        "kind": "call",
        "summary": "A call.",
        "citations": CITED,
        **fields,
    }


# --- the one-record rules: each located, each a RULE problem, on every path -------------------


def _broken(kind: KindName, document: dict[str, Any], location: str) -> None:
    """``document`` breaks a rule at ``location``: the constructor, the converter and a load
    (fast path first, then the diagnostic path) all say so, there."""
    with pytest.raises(InvalidDataError) as raised:
        structure(kind, document, f"{kind}.json[0]")
    (problem,) = raised.value.problems
    expected = f"{kind}.json[0] {document['id']}.{location}"
    assert (problem.location, problem.code) == (expected, ProblemCode.RULE)


RULE_CASES: list[tuple[str, KindName, dict[str, Any], str, str]] = [
    (
        "law part needs article",
        "laws",
        {
            "id": "law:a",
            "instrument": "A law",
            "jurisdiction": "KZ",
            "part": "2",
            "citations": CITED,
        },
        "part",
        "part needs article",
    ),
    (
        "event date_of needs date",
        "events",
        {
            "id": "event:a",
            "kind": "visit",
            "title": "A visit",
            "date_of": "announcement",
            "citations": CITED,
        },
        "date_of",
        "date_of needs date",
    ),
    (
        "figure range_meaning needs low and high",
        "places",
        place(figures=[figure(qualifier="about", low=2, range_meaning="spread")]),
        "figures[0].range_meaning",
        "range_meaning needs low and high",
    ),
    (
        "figure exact states best alone",
        "places",
        place(figures=[figure(low=2, high=9)]),
        "figures[0].low",
        "qualifier 'exact' states one number, best: remove low and high",
    ),
    (
        "figure more than a number is not that number",
        "places",
        place(figures=[figure(qualifier="more_than", low=3)]),
        "figures[0].best",
        "'more than 3' is not 3: remove best",
    ),
    (
        "figure joined_by needs asserted_by",
        "places",
        place(figures=[figure(joined_by=["org:b"])]),
        "figures[0].joined_by",
        "joined_by needs asserted_by",
    ),
    (
        "figure joined_by does not repeat asserted_by",
        "places",
        place(figures=[figure(asserted_by="org:a", joined_by=["org:b", "org:a"])]),
        "figures[0].joined_by[1]",
        "names 'org:a', who is already the one who asserted it",
    ),
    (
        "statement joined_by does not repeat the speaker",
        "statements",
        statement(joined_by=["org:a"]),
        "joined_by[0]",
        "names 'org:a', who is already the speaker",
    ),
    (
        "identifier value has its scheme's form",
        "persons",
        {
            "id": "person:a",
            "name": "A",
            "identifiers": [{"scheme": "wikidata", "value": "232"}],
            "citations": CITED,
        },
        "identifiers[0].value",
        "'232' is not a Wikidata item ID (Q and a number, such as 'Q232'); did you mean 'Q232'?",
    ),
]


@pytest.mark.parametrize(
    ("kind", "document", "location", "message"),
    [case[1:] for case in RULE_CASES],
    ids=[case[0] for case in RULE_CASES],
)
def test_each_new_rule_is_located_on_every_path(
    kind: KindName,
    document: dict[str, Any],
    location: str,
    message: str,
    make_folder: Callable[[Mapping[str, Any]], Path],
) -> None:
    _broken(kind, document, location)
    # the constructor: the same words at the same field
    with pytest.raises(InvalidDataError) as raised:
        structure(kind, document)
    assert message in raised.value.problems[0].message
    # a whole load (the fast path refuses, the diagnostic path locates)
    files: dict[str, Any] = {"sources.json": [SOURCE], f"{kind}.json": [document]}
    files["organizations.json"] = [org("org:a"), org("org:b")]
    with pytest.raises(InvalidDataError) as loaded:
        rightsdata.load_path(make_folder(files))
    assert [p.location for p in loaded.value.problems] == [
        f"{kind}.json[0] {document['id']}.{location}"
    ]
    # and without the rule's trigger the same document is fine
    assert rightsdata.load_path(make_folder({**files, f"{kind}.json": [_mended(document)]}))


def _mended(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with what breaks its rule taken out."""
    mended: dict[str, Any] = json.loads(json.dumps(document))
    mended.pop("part", None)
    mended.pop("date_of", None)
    mended.pop("joined_by", None)
    for item in mended.get("figures", []):
        item.pop("range_meaning", None)
        item.pop("joined_by", None)
        if item["qualifier"] == "exact":
            item.pop("low", None)
            item.pop("high", None)
        elif item["qualifier"] == "more_than":
            item.pop("best", None)
    for item in mended.get("identifiers", []):
        item["value"] = "Q" + item["value"]
    return mended


def test_the_rules_hold_in_python_constructors() -> None:
    with pytest.raises(FieldError) as raised:
        Law(id="law:a", instrument="A law", jurisdiction="KZ", part="2", citations=CITES)
    assert (raised.value.field, raised.value.code) == ("part", ProblemCode.RULE)
    whole = Law(id="law:a", instrument="A law", jurisdiction="KZ", citations=CITES)
    assert whole.article is None and whole.label == "A law"
    with pytest.raises(FieldError, match="joined_by"):
        Figure(
            measure=Measure.KILLED, unit=FigureUnit.PEOPLE, qualifier=FigureQualifier.EXACT,
            best=1, joined_by=("org:a",), citations=CITES,
        )  # fmt: skip
    with pytest.raises(FieldError, match="range_meaning"):
        Figure(
            measure=Measure.KILLED, unit=FigureUnit.PEOPLE, qualifier=FigureQualifier.ABOUT,
            best=1, high=3, range_meaning=RangeMeaning.UNCERTAINTY, citations=CITES,
        )  # fmt: skip
    assert (
        Identifier(scheme=IdentifierScheme.OTHER, value="anything at all").value
        == "anything at all"
    )
    for scheme, good, bad in [
        (IdentifierScheme.ISO_3166_1, "KZ", "KAZ"),
        (IdentifierScheme.ISO_3166_2, "KZ-75", "KZ75"),
        (IdentifierScheme.OPENSTREETMAP, "relation/214665", "rel/1"),
        (IdentifierScheme.GEONAMES, "1526384", "01526384"),
    ]:
        assert Identifier(scheme=scheme, value=good).value == good
        with pytest.raises(FieldError):
            Identifier(scheme=scheme, value=bad)


def test_every_part_with_cross_field_rules_states_them() -> None:
    for cls in (Figure, Identifier, Law, Event, Statement):
        assert cls._rules is not Validated._rules
        assert cls._RULES, cls.__name__
    assert "part needs article" in load_schema("laws")["description"]


# --- degrees: the new numeric spec ------------------------------------------------------------


@pytest.mark.parametrize("latitude", [-90, 90, 0, 43.25, -0.0, 89.999999])
def test_latitudes_in_range_are_accepted_and_held_as_floats(latitude: float) -> None:
    coordinates = Coordinates(latitude=latitude, longitude=180)
    assert type(coordinates.latitude) is float and coordinates.latitude == latitude
    assert type(coordinates.longitude) is float
    loaded = structure("places", place(coordinates={"latitude": latitude, "longitude": -180}))
    assert isinstance(loaded, Place) and loaded.coordinates is not None
    assert loaded.coordinates.latitude == latitude


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (90.5, ProblemCode.VALUE),
        (-91, ProblemCode.VALUE),
        (1e300, ProblemCode.VALUE),
        (10**400, ProblemCode.VALUE),
        (True, ProblemCode.TYPE),
        ("43", ProblemCode.TYPE),
        (None, ProblemCode.TYPE),
    ],
)
def test_latitudes_out_of_range_or_not_numbers_are_refused(value: Any, code: str) -> None:
    document = place(coordinates={"latitude": value, "longitude": 0})
    with pytest.raises(InvalidDataError) as raised:
        structure("places", document, "places.json[0]")
    (problem,) = raised.value.problems
    assert problem.location == "places.json[0] place:a.coordinates.latitude"
    assert problem.code is code
    with pytest.raises(FieldError):
        Coordinates(latitude=value, longitude=0)


def test_not_a_number_is_outside_every_range() -> None:
    with pytest.raises(FieldError, match="outside the range"):
        Coordinates(latitude=math.nan, longitude=0)
    with pytest.raises(FieldError, match="outside the range"):
        Coordinates(latitude=0, longitude=math.inf)


@pytest.mark.parametrize("text", [b"181", b"-180.0001", b"1e400", b"true", b'"1"'])
def test_a_bad_longitude_in_a_file_is_refused_by_both_paths(
    text: bytes, make_folder: Callable[[Mapping[str, Any]], Path]
) -> None:
    good = json.dumps([place(coordinates={"latitude": 1, "longitude": 7})]).encode()
    folder = make_folder({"sources.json": [SOURCE], "places.json": good})
    assert rightsdata.load_path(folder).get("place:a").coordinates.longitude == 7.0  # type: ignore[union-attr]
    (folder / "places.json").write_bytes(good.replace(b'"longitude": 7', b'"longitude": ' + text))
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(folder)
    assert [p.location for p in raised.value.problems] == [
        "places.json[0] place:a.coordinates.longitude"
    ]


def test_the_schema_bounds_degrees() -> None:
    common = load_schema("common")["$defs"]["coordinates"]["properties"]
    assert common["latitude"]["type"] == "number"
    assert (common["latitude"]["minimum"], common["latitude"]["maximum"]) == (-90, 90)
    assert (common["longitude"]["minimum"], common["longitude"]["maximum"]) == (-180, 180)


# --- references in the new fields are checked across records ----------------------------------


@pytest.mark.parametrize(
    ("kind", "document", "location"),
    [
        ("statements", statement(joined_by=["org:missing"]), "joined_by[0]"),
        ("statements", statement(relayed_by=["org:missing"]), "relayed_by[0]"),
        (
            "places",
            place(figures=[figure(asserted_by="org:a", joined_by=["person:missing"])]),
            "figures[0].joined_by[0]",
        ),
        ("places", place(figures=[figure(relayed_by=["org:missing"])]), "figures[0].relayed_by[0]"),
        (
            "sources",
            {**SOURCE, "id": "source:b", "figures": [figure(asserted_by="org:missing")]},
            "figures[0].asserted_by",
        ),
    ],
)
def test_a_dangling_reference_in_a_new_field_is_refused(
    kind: str,
    document: dict[str, Any],
    location: str,
    make_folder: Callable[[Mapping[str, Any]], Path],
) -> None:
    files: dict[str, Any] = {"sources.json": [SOURCE], "organizations.json": [org("org:a")]}
    files[f"{kind}.json"] = [*files.get(f"{kind}.json", []), document]
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(make_folder(files))
    index = len(files[f"{kind}.json"]) - 1
    assert [(p.location, p.code) for p in raised.value.problems] == [
        (f"{kind}.json[{index}] {document['id']}.{location}", ProblemCode.INTEGRITY)
    ]
    records = {
        k.removesuffix(".json"): [
            structure(cast("KindName", k.removesuffix(".json")), d) for d in docs
        ]
        for k, docs in files.items()
    }
    with pytest.raises(InvalidDataError):
        rightsdata.Dataset(records)


# --- the strategies draw the new fields ------------------------------------------------------
# (tests/testing/test_testing_fields.py: each strategy draws every field of the model, filled
# and empty, read from the model; it replaces a hand-kept list of the fields added here)


@settings(max_examples=examples(20), deadline=None)
@given(testing.dataset_documents(max_per_kind=2))
def test_generated_datasets_keep_the_new_rules_once_references_resolve(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }
    assert rightsdata.Dataset(records)  # every reference resolves, every rule holds
    for document in documents.get("statements", []):
        assert document["speaker"] not in document.get("joined_by", [])


@settings(max_examples=examples(10), deadline=None)
@given(testing.datasets(max_per_kind=1))
def test_generated_datasets_are_datasets_of_every_required_kind(
    dataset: rightsdata.Dataset,
) -> None:
    counts = dataset.counts()
    assert all(counts[kind] >= 1 for kind in ("sources", "persons", "places", "laws"))
    rebuilt = {
        k: [structure(cast("KindName", k), d) for d in docs]
        for k, docs in dataset.to_dict().items()
    }
    again = rightsdata.Dataset(
        rebuilt,
        name=dataset.name,
        version=dataset.version,
        descriptor=dataset.descriptor,
        redirects=dataset.redirects,
    )
    assert again == dataset


# --- queries, tables and cards ---------------------------------------------------------------


@pytest.fixture
def small(make_folder: Callable[[Mapping[str, Any]], Path]) -> rightsdata.Dataset:
    organizations = [org("org:a"), org("org:b")]
    places = [
        place(
            coordinates={"latitude": 43.25, "longitude": 76.95, "precision_m": 5000},
            identifiers=[{"scheme": "wikidata", "value": "Q35493"}],
            figures=[figure(measure="distance", unit="kilometres", best=150, asserted_by="org:a")],
        )
    ]
    statements = [
        statement(
            joined_by=["org:b"],
            relayed_by=["org:b"],
            figures=[
                figure(
                    measure="walks",
                    unit="times",
                    best=5,
                    per="P7D",
                    asserted_by="org:a",
                    joined_by=["org:b"],
                )
            ],
        )
    ]
    laws = [
        {"id": "law:a", "instrument": "The Law on Assemblies (2020)", "jurisdiction": "KZ"}
        | {"citations": [{"source": "source:a", "confidence": "high"}]}
    ]
    events = [
        {
            "id": "event:a",
            "kind": "visit",
            "title": "A planned visit",
            "date": "2022-05",
            "status": "planned",
            "date_of": "announcement",
            "citations": CITED,
        }
    ]
    sources = [
        {
            **SOURCE,
            "retrieved": "2024-03-01",
            "archive_url": "https://web.archive.org/web/2024/https://example.org/a",
            "figures": [figure(measure="countries", unit="countries", best=197)],
        }
    ]
    folder = make_folder(
        {
            "sources.json": sources,
            "organizations.json": organizations,
            "places.json": places,
            "statements.json": statements,
            "laws.json": laws,
            "events.json": events,
        }
    )
    return rightsdata.load_path(folder)


def test_figures_are_asked_of_any_record_that_holds_them(small: rightsdata.Dataset) -> None:
    distances = small.figures("place:a", "distance")
    assert [f.best for f in distances] == [150] and distances.record == "place:a"
    assert distances.event == "place:a"  # the old name of the holder
    assert small.figures("source:a").range == (197, 197)
    assert [f.per for f in small.figures(small.get("statement:a"))] == [
        rightsdata.parse_duration("P7D")
    ]
    assert list(small.figures("event:a")) == []
    with pytest.raises(ValueError, match="law:a is a legal provision"):
        small.figures("law:a")


def test_the_new_references_make_records_related(small: rightsdata.Dataset) -> None:
    assert [s.id for s in small.related("org:b").statements] == ["statement:a"]


def test_the_tables_hold_the_new_fields(small: rightsdata.Dataset) -> None:
    from rightsdata.tables import get_table, rows

    places = get_table("places")
    (row,) = rows(small, places)
    assert dict(zip(places.column_names, row, strict=True))["coordinates_latitude"] == 43.25
    figures = {r[0]: r for r in rows(small, "figures")}
    assert set(figures) == {"place:a", "source:a", "statement:a"}
    assert get_table("figures").column_names[:2] == ("record_id", "position")
    assert list(rows(small, "figures.joined_by")) == [("statement:a", 0, 0, "org:b")]
    assert list(rows(small, "statements.joined_by")) == [("statement:a", 0, "org:b")]
    assert ("place:a", 0, "wikidata", "Q35493") in list(rows(small, "identifiers"))
    with pytest.raises(ValueError, match="it is 'figures' since model 2"):
        get_table("events.figures")  # type: ignore[arg-type]


def test_the_tables_read_back_to_the_same_documents(small: rightsdata.Dataset) -> None:
    from rightsdata._tables.fromtables import documents_from_rows
    from rightsdata.tables import TABLES, rows

    documents, _ = documents_from_rows({name: rows(small, t) for name, t in TABLES.items()})
    assert documents == small.to_dict()


def test_the_cards_show_the_new_fields(small: rightsdata.Dataset) -> None:
    from rightsdata.textcard import text_card

    place_html = small.get("place:a")._repr_html_()
    place_text = text_card(small.get("place:a"), small, width=90)
    for card in (place_html, place_text):
        assert "43.25° N, 76.95° E (within 5,000 m)" in card
        assert "Wikidata Q35493" in card
        assert "distance: 150 kilometres" in card
    assert 'href="https://www.wikidata.org/wiki/Q35493"' in place_html
    statement_text = text_card(small.get("statement:a"), small, width=90)
    assert "jointly with  An NGO" in statement_text and "relayed by    An NGO" in statement_text
    assert "walks: 5 times per 7 days" in statement_text
    event = small.get("event:a")
    assert "planned; the date is of its announcement" in text_card(event, small, width=90)
    # (what the date is of too, as every list says it: it named the status only)
    assert "2022-05 visit (planned; date: announcement):" in repr(event)
    law_text = text_card(small.get("law:a"), small, width=90)
    assert "the whole instrument" in law_text and "confidence high" in law_text
    assert repr(small.get("law:a")) == "<Law law:a 'The Law on Assemblies (2020)'>"
    source_text = text_card(small.get("source:a"), small, width=90)
    assert "retrieved" in source_text and "web.archive.org" in source_text


def test_a_format_2_dataset_without_the_new_fields_is_unchanged() -> None:
    ds = rightsdata.load()
    for record in ds:
        document = unstructure(record)
        assert structure(record.kind_name, document) == record
    law = ds.get("law:kz-cc-1997-164")
    assert isinstance(law, Law) and law.article == "164"


def test_an_event_without_status_happened() -> None:
    event = Event(id="event:a", kind=EventKind.TRIAL, title="A trial", citations=CITES)
    assert event.status is None and event.date_of is None
    assert attrs.evolve(event, status="alleged").status is EventStatus.ALLEGED  # type: ignore[arg-type]


def test_the_strategies_refuse_bad_arguments_in_their_own_words() -> None:
    """A bad argument to a strategy of rightsdata.testing is a ValueError or TypeError that
    says what is wrong, raised when the strategy is made: ids() with no prefix failed when
    drawn, with hypothesis's "Cannot sample from a length-zero sequence"."""
    bad: list[tuple[Any, type[Exception], str]] = [
        (lambda: testing.ids(), ValueError, r"ids\(\) needs at least one prefix"),
        (lambda: testing.ids("Person"), ValueError, "'Person' is not an ID prefix"),
        (lambda: testing.ids("person:"), ValueError, "is not an ID prefix"),
        (lambda: testing.ids(5), TypeError, "an ID prefix is a string"),  # type: ignore[arg-type]
        (lambda: testing.texts(0), ValueError, "max_size must be at least 1, not 0"),
        (lambda: testing.texts(-1), ValueError, "max_size must be at least 1"),
        (lambda: testing.texts("a"), TypeError, "max_size must be a whole number"),  # type: ignore[arg-type]
        (lambda: testing.dataset_documents(0), ValueError, "max_per_kind must be at least 1"),
        (lambda: testing.dataset_documents(2.5), TypeError, "max_per_kind must be a whole"),  # type: ignore[arg-type]
        (lambda: testing.datasets(0), ValueError, "max_per_kind must be at least 1"),
        (lambda: testing.citations(int), TypeError, "record_type must be a class that holds"),  # type: ignore[arg-type]
        (lambda: testing.records("people"), ValueError, "the kinds are: sources, persons"),  # type: ignore[call-overload]
    ]
    for make, error, message in bad:
        with pytest.raises(error, match=message):
            make()
    ok = [
        testing.ids("person", "org"),
        testing.texts(1),
        testing.dataset_documents(1),
        testing.citations(rightsdata.Figure),
        testing.slugs(),
    ]
    drawn_once = settings(database=None, max_examples=1, phases=[Phase.generate])  # no shrinking
    for strategy in ok:
        find(strategy, lambda _: True, settings=drawn_once)
