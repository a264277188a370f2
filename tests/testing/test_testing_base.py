"""rightsdata.testing draws data over a base (``base=``): a downstream package whose own data
builds on the bundled dataset (``load_path(path, base=rightsdata.load())``) draws records whose
references name the base's records, never an ID it retired, with IDs none of its own, and
what is drawn loads over the base. There was no way to: every reference named a record drawn.

Over the bundled dataset, and over a small made-up base whose few records the draws name
often, so that each rule that reads a base's records (a rating joining its sequence, a victim
of the base's born after the event) meets them.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import KINDS, Dataset, KindName, testing
from rightsdata._model.fields import RecordId, Ref, Refs, spec_of
from rightsdata._validation.convert import unstructure
from rightsdata._values.format import FORMAT
from rightsdata._values.hints import field_hints, nested_part

from conftest import CITE, event_doc, examples, person_doc, rating_doc, searching, source_doc

_DATASETS = settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_RECORDS = settings(
    max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def references(obj: Any) -> Iterator[str]:
    """Every ID ``obj`` (a record or part, and the parts it holds) refers to, read from the
    model's field specs."""
    hints = field_hints(type(obj))
    for field in attrs.fields(type(obj)):
        spec, value = spec_of(field), getattr(obj, field.name)
        if value is None or isinstance(spec, RecordId):
            continue
        if isinstance(spec, Refs):
            yield from value
        elif isinstance(spec, Ref):
            yield value
        elif nested_part(hints[field.name])[0] is not None:
            for item in value if isinstance(value, tuple) else (value,):
                yield from references(item)


def _small_base() -> Dataset:
    """A base of a few records, which the draws over it name often: a person born in 2030
    (after nearly every event drawn), a country rated open in 1900 and repressed in 2030 (a
    rating stating the level before it, which a rating drawn between them would contradict),
    a city within it, a law, an event, and a retired ID (a record of every kind a required
    reference names: one the base cannot fill is left as drawn)."""
    cited = {"citations": [dict(CITE)]}
    return rightsdata.load_documents(
        {
            "sources": [source_doc()],
            "persons": [person_doc("person:a", born="2030"), person_doc("person:b")],
            "organizations": [{"id": "org:a", "name": "A monitor", "kind": "ngo", **cited}],
            "places": [
                {"id": "place:kz", "name": "Land", "kind": "country", "country": "KZ", **cited},
                {
                    "id": "place:town",
                    "name": "Town",
                    "kind": "city",
                    "country": "KZ",
                    "within": "place:kz",
                    **cited,
                },
            ],
            "laws": [{"id": "law:a", "instrument": "A code", "jurisdiction": "KZ", **cited}],
            "events": [event_doc("event:a", participants=[])],
            "ratings": [
                rating_doc("rating:a", "1900", "open"),
                rating_doc("rating:b", "2030", "repressed", previous="open"),
            ],
        },
        name="small-base",
        redirects={"person:gone": "person:b"},
    )


SMALL = _small_base()


def _own(documents: dict[str, list[dict[str, Any]]], both: Dataset, base: Dataset) -> list[Any]:
    """The records of ``both`` (``documents`` loaded over ``base``) that are not the base's,
    checked to be all the documents' (no ID of the base's taken, none it retired)."""
    own = [r for r in both if r.id not in base]
    assert len(own) == sum(map(len, documents.values()))
    assert not {r.id for r in own} & set(base.redirects)
    return own


@pytest.mark.parametrize(
    ("strict", "format"), [(False, FORMAT), (True, FORMAT), (False, 2)], ids=str
)
def test_documents_drawn_over_the_bundled_dataset_load_over_it_and_name_its_records(
    ds: Dataset, strict: bool, format: rightsdata.FormatVersion
) -> None:
    named: list[int] = []  # each draw's references to the base's records
    made: list[int] = []  # and all its references

    @_DATASETS
    @given(testing.dataset_documents(max_per_kind=2, format=format, strict=strict, base=ds))
    def loads(documents: dict[str, list[dict[str, Any]]]) -> None:
        declared = {"name": "mine", "rightsdata_format": format}
        both = rightsdata.load_documents(documents, descriptor=declared, base=ds, strict=strict)
        targets = [t for record in _own(documents, both, ds) for t in references(record)]
        assert not set(targets) & set(ds.redirects)  # (a load refuses an ID the base retired)
        named.append(sum(target in ds for target in targets))
        made.append(len(targets))

    loads()
    # About 43% of the references name the base's records (3,526 of 8,165 over 200 draws).
    # Counted over all the references, not draw by draw: the first draws are small ones,
    # often with no reference at all (a run of 30 had 7 such of 30: 77% where 80% was asked).
    assert sum(made) > 0 and sum(named) >= sum(made) / 4, (named, made)


@pytest.mark.parametrize("strict", [False, True])
def test_documents_drawn_over_a_small_base_keep_the_rules_that_read_it(strict: bool) -> None:
    @_DATASETS
    @given(testing.dataset_documents(max_per_kind=3, strict=strict, base=SMALL))
    def loads(documents: dict[str, list[dict[str, Any]]]) -> None:
        both = rightsdata.load_documents(documents, base=SMALL, strict=strict)
        _own(documents, both, SMALL)

    loads()


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("kind", ["events", "statements", "relationships", "ratings"])
def test_a_record_drawn_over_a_small_base_loads_over_it(kind: KindName, strict: bool) -> None:
    """The kinds the rules over a base judge against its records (a rating's sequence, a
    birth), drawn one at a time: cheap draws, so many of them."""

    @settings(_RECORDS, max_examples=examples(500))
    @given(testing.records(kind, strict=strict, base=SMALL))
    def loads(record: Any) -> None:
        rightsdata.load_documents({kind: [unstructure(record)]}, base=SMALL, strict=strict)

    loads()


def _first(strategy: st.SearchStrategy[int]) -> int:
    """A draw of the first choice (index 0), for a repair called outside a strategy."""
    return 0


def _rating(as_of: str, country: str = "place:kz") -> dict[str, Any]:
    return {"country": country, "scale": "civicus_monitor", "as_of": as_of, "level": "closed"}


def test_a_rating_drawn_before_one_of_the_bases_that_states_the_level_before_takes_its_date() -> (
    None
):
    from rightsdata._testing.base import Over, join_sequences

    between, before, after, same = (
        _rating("2015"),
        _rating("1800"),
        _rating("2031"),
        _rating("1900"),
    )
    elsewhere = _rating("2015", "place:town")
    ratings = [between, before, after, same, elsewhere]
    join_sequences(_first, ratings, Over(SMALL))  # type: ignore[arg-type]
    assert between["as_of"] == "1900"  # (else between rating:a's open and rating:b's previous)
    assert [r["as_of"] for r in ratings[1:]] == ["1800", "2031", "1900", "2015"]
    both = {"ratings": [{**r, "id": f"rating:{n}", **CITE_BY} for n, r in enumerate(ratings)]}
    rightsdata.load_documents({**both, "organizations": []}, base=SMALL)


CITE_BY = {"rated_by": "org:a", "citations": [dict(CITE)]}


@pytest.mark.parametrize("strict", [False, True])
def test_a_record_naming_a_person_of_the_base_born_after_it_loses_its_date(strict: bool) -> None:
    from rightsdata._testing.base import Over, undate

    victim = event_doc("event:v", participants=[{"actor": "person:a", "role": "victim"}])
    judge = event_doc("event:j", participants=[{"actor": "person:a", "role": "judge"}])
    witness = event_doc("event:w", participants=[{"actor": "person:a", "role": "witness"}])
    said = {"id": "statement:s", "speaker": "person:a", "kind": "call", "date": "2012"}
    said["summary"] = "A call"
    tie = {"id": "relationship:r", "subject": "person:a", "kind": "friend_of"}
    tie.update({"object": "person:b", "start": "2012"})
    documents: dict[str, list[dict[str, Any]]] = {
        "events": [victim, judge, witness],
        "statements": [{**said, "citations": [dict(CITE)]}],
        "relationships": [{**tie, "citations": [dict(CITE)]}],
    }
    undate(documents, Over(SMALL), strict)
    assert "date" not in victim and "date_of" not in victim
    assert ("date" in judge) is not strict and "date" in witness
    assert ("date" in documents["statements"][0]) is not strict
    assert ("start" in documents["relationships"][0]) is not strict
    rightsdata.load_documents(documents, base=SMALL, strict=strict)


#: What draws over the bundled dataset make of it, each found in some draw.
REACHING: list[tuple[str, Any]] = [
    ("an event part of one of the base's", lambda d, ids: _any(d, "events", "part_of", ids)),
    ("a place within one of the base's", lambda d, ids: _any(d, "places", "within", ids)),
    ("a rating of one of the base's places", lambda d, ids: _any(d, "ratings", "country", ids)),
    ("a citation of one of the base's sources", lambda d, ids: _cites(d, ids)),
]


def _any(documents: dict[str, list[dict[str, Any]]], kind: str, field: str, ids: Any) -> bool:
    return any(d.get(field) in ids for d in documents.get(kind, []))


def _cites(documents: dict[str, list[dict[str, Any]]], ids: Any) -> bool:
    return any(
        c["source"] in ids
        for docs in documents.values()
        for d in docs
        for c in d.get("citations", [])
    )


@pytest.mark.parametrize(("what", "holds"), REACHING, ids=[what for what, _ in REACHING])
def test_draws_over_a_base_reach_into_it(ds: Dataset, what: str, holds: Any) -> None:
    ids = {record.id for record in ds}
    strategy = testing.dataset_documents(max_per_kind=2, base=ds)
    found = find(strategy, lambda documents: holds(documents, ids), settings=searching(100))
    assert holds(found, ids), what


@_DATASETS
@given(st.data())
def test_a_dataset_drawn_over_a_base_is_its_own_records_loaded_over_it(
    data: st.DataObject,
) -> None:
    base = rightsdata.load()
    dataset = data.draw(testing.datasets(max_per_kind=2, base=base))
    own = [record for record in dataset if record.id not in base]
    assert len(dataset) == len(base) + len(own)
    retiring = {old: new for old, new in dataset.redirects.items() if old not in base.redirects}
    assert dataset.redirects == {**base.redirects, **retiring}
    assert not set(retiring) & {record.id for record in base}
    # written as a JSON document of the records drawn alone, it loads over the base as it was
    document: dict[str, Any] = {kind: [] for kind in KINDS}
    for record in own:
        document[record.kind_name].append(unstructure(record))
    named = {k: v for k, v in (("name", dataset.name), ("version", dataset.version)) if v}
    # (a document's descriptor declaring no format declares format 1's: declare the draws')
    document["datapackage"] = {"rightsdata_format": FORMAT, **(dataset.descriptor or {}), **named}
    document["redirects"] = [{"id": old, "to": new} for old, new in retiring.items()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert rightsdata.load_path(path, base=base) == dataset


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("kind", KINDS)
def test_a_record_drawn_over_a_base_loads_over_it_alone(
    ds: Dataset, kind: KindName, strict: bool
) -> None:
    @_RECORDS
    @given(testing.records(kind, strict=strict, base=ds))
    def loads(record: Any) -> None:
        assert record.id not in ds and record.id not in ds.redirects
        assert all(target in ds for target in references(record))
        both = rightsdata.load_documents({kind: [unstructure(record)]}, base=ds, strict=strict)
        assert both.get(record.id) == record

    loads()


def test_parts_drawn_over_a_base_name_its_records(ds: Dataset) -> None:
    @_RECORDS
    @given(testing.figures(base=ds), testing.citations(rightsdata.Event, base=ds))
    def named(figure: rightsdata.Figure, citation: rightsdata.Citation) -> None:
        assert all(target in ds for target in references(figure))
        assert citation.source in ds

    named()


@pytest.mark.parametrize(
    "strategy",
    [
        lambda: testing.datasets(base="kazakhstan"),  # type: ignore[arg-type]
        lambda: testing.dataset_documents(base="kazakhstan"),  # type: ignore[arg-type]
        lambda: testing.records("events", base="kazakhstan"),  # type: ignore[call-overload]
        lambda: testing.events(base="kazakhstan"),  # type: ignore[arg-type]
        lambda: testing.figures(base="kazakhstan"),  # type: ignore[arg-type]
        lambda: testing.citations(base="kazakhstan"),  # type: ignore[arg-type]
    ],
)
def test_a_base_that_is_no_dataset_is_refused_when_the_strategy_is_made(strategy: Any) -> None:
    with pytest.raises(TypeError, match=r"base must be a Dataset, not a str \('kazakhstan'\)"):
        strategy()
