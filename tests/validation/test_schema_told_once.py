"""``schema=True``: a value both the schemas and the model refuse is reported once, in the
model's words; what the schemas alone find is still reported, as ``schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import KindName, Problem, ProblemCode
from rightsdata._validation.restated import told_once

from conftest import CITE, event_doc, person_doc, rating_doc, source_doc

pytest.importorskip("jsonschema")


def _figure(**changes: Any) -> dict[str, Any]:
    return {
        "measure": "killed",
        "unit": "people",
        "qualifier": "exact",
        "low": 3,
        "citations": [CITE],
        **changes,
    }


def _place(**changes: Any) -> dict[str, Any]:
    return {
        "id": "place:a",
        "name": "A",
        "kind": "city",
        "country": "KZ",
        "citations": [CITE],
        **changes,
    }


def _without(document: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != key}


#: A bad value of each type a field may hold (and a record's shape), in a record of its kind:
#: the schemas refuse each (in other words, or at the part holding it), and so does the model.
BAD_VALUES: dict[str, tuple[KindName, object]] = {
    "date": ("events", event_doc(date="2012-13-01")),
    "date of a set": ("events", event_doc(date="[2012,,]")),
    "date not text": ("events", event_doc(date=2012)),
    "date by pattern (as_of)": ("ratings", rating_doc("rating:a", "2019-13")),
    "date (published)": ("sources", {**source_doc(), "published": "2012-02-30"}),
    "duration": ("events", event_doc(penalty={"kind": "imprisonment", "term": "P7X"})),
    "term": ("events", event_doc(kind="verdictx")),
    "term in a part": ("events", event_doc(figures=[_figure(unit="bogus")])),
    "id": ("persons", person_doc("person:A B")),
    "reference": ("events", event_doc(participants=[{"actor": "event:x", "role": "victim"}])),
    "country code": ("persons", person_doc(country="kz")),
    "language tag": ("sources", {**source_doc(), "language": "english"}),
    "web address": ("sources", {**source_doc(), "url": "notaurl"}),
    "text empty": ("persons", person_doc(name="")),
    "text not text": ("persons", person_doc(name=5)),
    "integer a number": ("events", event_doc(figures=[_figure(low=1.5)])),
    "integer true": ("events", event_doc(figures=[_figure(low=True)])),
    "integer below 0": ("events", event_doc(figures=[_figure(low=-1)])),
    "list empty": ("persons", person_doc(citations=[])),
    "list not a list": ("persons", person_doc(aliases="x")),
    "coordinates": ("places", _place(coordinates={"latitude": 100, "longitude": 0})),
    "coordinates not numbers": ("places", _place(coordinates={"latitude": "1", "longitude": 0})),
    "required field": ("persons", _without(person_doc(), "name")),
    "required field of a part": (
        "events",
        event_doc(participants=[{"actor": "person:a"}]),
    ),
    "unknown field": ("persons", person_doc(nmae="x")),
    "unknown fields of a part": ("events", event_doc(figures=[_figure(approx=1, more=2)])),
    "record not an object": ("events", 5),
}


def _kinds(kind: str, document: object) -> dict[str, list[Any]]:
    """A dataset whose one bad record is ``document``, with what its references name."""
    kinds: dict[str, list[Any]] = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "places": [_place(id="place:kz", kind="country")],
        "organizations": [{"id": "org:a", "name": "A", "kind": "ngo", "citations": [CITE]}],
    }
    kinds[kind] = [document]
    return kinds


@pytest.mark.parametrize("case", BAD_VALUES)
def test_a_value_both_refuse_is_reported_once_in_the_models_words(
    tmp_path: Path, case: str
) -> None:
    kind, document = BAD_VALUES[case]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(_kinds(kind, document)), encoding="utf-8")
    model = rightsdata.validate(path)
    assert model, "the model refuses it"
    assert all(p.code != ProblemCode.SCHEMA for p in model)
    # the schemas refuse it too (else this case tests nothing)
    from rightsdata.schema import schema_problems

    assert schema_problems(kind, document, "x")
    assert rightsdata.validate(path, schema=True) == model


def test_a_part_lacking_fields_has_its_values_judged_by_the_model(tmp_path: Path) -> None:
    # a figure lacking fields is judged field by field: its count below 0 is the model's
    # problem too, said once, in the model's words, as are the fields it lacks
    figure = _without(_without(_figure(low=-1), "unit"), "qualifier")
    path = tmp_path / "data.json"
    path.write_text(json.dumps(_kinds("events", event_doc(figures=[figure]))), encoding="utf-8")
    found = [(p.field, p.code) for p in rightsdata.validate(path, schema=True)]
    assert found == [
        ("figures[0].unit", ProblemCode.MISSING),
        ("figures[0].qualifier", ProblemCode.MISSING),
        ("figures[0].low", ProblemCode.VALUE),
    ]


def test_what_the_schemas_alone_find_is_kept(tmp_path: Path) -> None:
    # an event among the persons: the model says that alone, and judges it as the event it
    # is; the schemas hold it to the events' schema too (not the persons', which would say
    # only what comes of judging it as the wrong kind), which this valid event meets
    kinds = _kinds("persons", event_doc())
    kinds["persons"].insert(0, person_doc())
    path = tmp_path / "data.json"
    path.write_text(json.dumps(kinds), encoding="utf-8")
    found = [(p.field, p.code, p.message) for p in rightsdata.validate(path, schema=True)]
    assert (None, ProblemCode.SCHEMA, "'name' is a required property") not in found
    assert [code for _, code, _ in found] == [ProblemCode.VALUE]  # (the model's)


def test_a_schema_problem_is_dropped_only_for_the_fields_it_names() -> None:
    record = "e.json[0] event:a"
    model = Problem(f"{record}.title", "required field is missing", field="title")

    def schema(message: str, field: str | None = None) -> Problem:
        at = f"{record}.{field}" if field else record
        return Problem(at, message, ProblemCode.SCHEMA, field=field)

    kept = [
        schema("'kind' is a required property"),  # (another field)
        schema("Additional properties are not allowed ('a', 'title' were unexpected)"),
        schema("5 is not of type 'string'", "summary"),  # (a field the model did not refuse)
        schema("'x' is not one of ['a']", "tit"),  # (a field whose name starts the same)
        schema("something of the record as a whole"),  # (the record holds every field)
    ]
    dropped = [
        schema("'title' is a required property"),
        schema("Additional properties are not allowed ('title' was unexpected)"),
    ]
    assert told_once([model, *kept, *dropped]) == [model, *kept]
    nested = Problem(f"{record}.figures[0].low", "-1 is negative", field="figures[0].low")
    holders = [schema("{...} is not valid", "figures[0]"), schema("[...] is bad", "figures")]
    assert told_once([nested, *holders]) == [nested]
    assert told_once([*holders]) == holders  # (no model problem: the schemas' alone)
