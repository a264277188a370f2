"""rightsdata.load_documents: the inverse of Dataset.to_dict, checked as a load checks a file."""

from __future__ import annotations

from typing import Any, Final
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings

import rightsdata
from rightsdata import Dataset, InvalidDataError
from rightsdata._data import loading
from rightsdata._validation.convert import structure
from rightsdata.testing import dataset_documents

from conftest import CITE, event_doc, examples, kind_named, person_doc, source_doc


@pytest.mark.parametrize("max_problems", [None, 1])
def test_the_bundled_dataset_round_trips(max_problems: int | None) -> None:
    # (a cap changes nothing for valid documents, which the fast path reads all the same)
    ds = rightsdata.load()
    judged = AssertionError("judged value by value, not read by the fast path")
    with mock.patch.object(loading, "_structure_kinds", side_effect=judged):
        again = rightsdata.load_documents(
            ds.to_dict(),
            name=ds.name,
            version=ds.version,
            descriptor=ds.descriptor,
            redirects=ds.redirects,
            max_problems=max_problems,
        )
    assert again == ds and again.descriptor == ds.descriptor
    assert again.timeline("person:vladimir-kozlov") == ds.timeline("person:vladimir-kozlov")
    assert again.get("org:kazakhstan-authorities").id == "group:kazakhstan-authorities"


def test_every_problem_comes_in_one_error_located_in_the_documents() -> None:
    documents: dict[str, Any] = {
        "sources": [source_doc()],
        "persons": [person_doc(name=5), person_doc("person:b")],
        "events": [event_doc(participants=[{"actor": "person:nobody", "role": "victim"}])],
        "people": [],
    }
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents(documents)
    found = {(p.code, p.location) for p in raised.value.problems}
    assert ("type", "documents:persons[0] person:a.name") in found
    assert ("unknown_field", "documents:people") in found
    dangling = [p for p in raised.value.problems if p.code == "integrity"]
    assert dangling and "person:nobody" in str(dangling[0])


def test_anything_but_a_mapping_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="takes a mapping of record kinds"):
        rightsdata.load_documents([person_doc()])  # type: ignore[arg-type]


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset_documents(max_per_kind=2))
def test_load_documents_builds_what_the_constructor_builds(documents: dict[str, Any]) -> None:
    built = Dataset(
        {k: [structure(kind_named(k), d) for d in docs] for k, docs in documents.items()}
    )
    assert rightsdata.load_documents(documents) == built
    assert rightsdata.load_documents(built.to_dict()) == built


def test_a_name_version_or_descriptor_is_held_to_what_a_folder_holds() -> None:
    # else it was kept, exported, and the exported folder refused by load_path
    with pytest.raises(rightsdata.InvalidDataError) as info:
        rightsdata.load_documents({}, name=3, version=1.5)  # type: ignore[arg-type]
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("documents:datapackage.name", "package"),
        ("documents:datapackage.version", "package"),
    ]
    with pytest.raises(rightsdata.InvalidDataError, match=r"documents:datapackage\.licences"):
        rightsdata.load_documents({}, descriptor={"licences": []})
    assert rightsdata.load_documents({}, name="x", version="1.0").version == "1.0"
    for descriptor in (5, [("name", "x")], "abc"):  # (a bare TypeError, AttributeError...)
        with pytest.raises(TypeError, match="descriptor must be a mapping"):
            rightsdata.load_documents({}, descriptor=descriptor)  # type: ignore[arg-type]


def test_a_descriptor_given_in_python_holds_json_values_under_text_names() -> None:
    # (a parse gives nothing else; a descriptor built in Python may, and no export could write
    # it: these raised AttributeError, or were kept and crashed the export)
    with pytest.raises(rightsdata.InvalidDataError) as info:
        rightsdata.load_documents(
            {},
            descriptor={
                1: "x",  # type: ignore[dict-item]
                "keywords": ("a",),
                "resources": [{"name": "a", "path": "a", "schema": {"at": {1, 2}}}],
            },
        )
    assert [(p.location, p.code, p.message) for p in info.value.problems] == [
        ("documents:datapackage", "type", "a key must be text, got 1 (int)"),
        ("documents:datapackage.keywords", "type", "expected a JSON value, got tuple (('a',))"),
        (
            "documents:datapackage.resources[0].schema.at",
            "type",
            "expected a JSON value, got set ({1, 2})",
        ),
    ]


def test_an_integer_too_long_to_write_out_is_told_by_its_digits() -> None:
    # (Python refuses to write an int of more than 4,300 digits: a count's message let its
    # ValueError escape, and a name's or a latitude's problem said Python's own words)
    huge = 10**5000
    figure = {"measure": "killed", "unit": "people", "best": huge, "qualifier": "exact",
              "citations": [dict(CITE)]}  # fmt: skip
    place = {"id": "place:p", "name": "P", "kind": "city", "country": "KZ",
             "coordinates": {"latitude": huge, "longitude": 1},
             "citations": [dict(CITE)]}  # fmt: skip
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc(name=huge)],
        "places": [place],
        "events": [event_doc(figures=[figure, {**figure, "best": -huge}])],
    }
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents(documents)
    assert {p.location: p.message for p in raised.value.problems} == {
        "documents:persons[0] person:a.name": "expected text, got a number of 5,001 digits",
        "documents:places[0] place:p.coordinates.latitude": (
            "a number of 5,001 digits is outside the range of numbers, about -1.8e308 to 1.8e308"
        ),
        "documents:events[0] event:a.figures[0].best": (
            "a number of 5,001 digits is larger than the largest count, 9007199254740991"
        ),
        "documents:events[0] event:a.figures[1].best": (
            "a negative number of 5,001 digits; counts start at 0"
        ),
    }


def test_an_integer_too_long_to_write_out_in_a_key_or_descriptor_is_told_by_its_digits() -> None:
    huge = 10**5000
    keyed: dict[Any, Any] = {huge: []}
    redirects: dict[Any, Any] = {huge: "person:a"}
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents(
            keyed, descriptor={"name": "x", "version": huge}, redirects=redirects
        )
    said = [str(problem) for problem in raised.value.problems]
    assert "documents: a key must be text, got a number of 5,001 digits" in said
    assert "documents:datapackage.version: expected text, got a number of 5,001 digits" in said
    assert "documents:redirects[0].id: expected an id, got a number of 5,001 digits" in said
    # (and Dataset's own argument errors, which named the key with repr)
    with pytest.raises(ValueError, match="unknown record kinds: a number of 5,001 digits;"):
        Dataset(keyed)
    with pytest.raises(TypeError, match="not a number of 5,001 digits to 'person:a'"):
        Dataset({}, redirects=redirects)


#: Keys that are not text, as YAML gives them (``on:``, ``~:``, ``1:``) or code builds them.
NOT_TEXT_KEYS: Final = [
    (True, "True (bool)"),
    (None, "None"),
    (1, "1 (int)"),
    (b"id", "b'id' (bytes)"),
    (10**5000, "a number of 5,001 digits"),
]


def test_a_key_that_is_not_text_is_a_problem_of_its_record_or_part() -> None:
    # (these raised AttributeError from the spelling hint of an unknown field)
    persons: list[Any] = []
    for n, (key, _) in enumerate(NOT_TEXT_KEYS):
        record = person_doc(f"person:p{n}", nmae="x")
        part = person_doc(f"person:q{n}")
        part["citations"][0][key] = "x"
        persons += [{**record, key: "x"}, part]
    documents = {"sources": [source_doc()], "persons": [*persons, person_doc(name=5)], 1: []}
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents(documents)  # type: ignore[arg-type]
    said = [(p.location, p.code, p.message) for p in raised.value.problems]
    expected = []
    for n, (_, shown) in enumerate(NOT_TEXT_KEYS):
        where, cited = f"documents:persons[{2 * n}] person:p{n}", f"person:q{n}.citations[0]"
        expected += [
            (f"{where}.nmae", "unknown_field", "unknown field; did you mean 'name'?"),
            (where, "type", f"a key must be text, got {shown}"),
            (f"documents:persons[{2 * n + 1}] {cited}", "type", f"a key must be text, got {shown}"),
        ]
    expected.append(
        ("documents:persons[10] person:a.name", "type", "expected text, got an integer (5)")
    )
    # (a key of the documents themselves, told at them, in the same words: first, as a
    # problem of no record is its file's first)
    expected.insert(0, ("documents", "type", "a key must be text, got 1 (int)"))
    assert said == expected


def test_a_key_that_is_not_text_in_a_descriptor_is_told_at_its_holder() -> None:
    for key, shown in NOT_TEXT_KEYS:
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_documents({}, descriptor={"name": "x", "contributors": [{key: 1}]})
        assert [(p.location, p.message) for p in raised.value.problems] == [
            ("documents:datapackage.contributors[0]", f"a key must be text, got {shown}")
        ]


def test_redirects_that_are_not_a_mapping_are_a_type_error() -> None:
    # a list of pairs raised "AttributeError: 'list' object has no attribute 'items'"
    pairs: Any = [("person:a", "person:b")]
    told = (
        "redirects must be a mapping of retired IDs to the IDs that replace them (as "
        "`ds.redirects` is), not a list; for a list of (old, new) pairs, pass `dict(pairs)`"
    )
    for build in (rightsdata.load_documents, rightsdata.Dataset):
        with pytest.raises(TypeError) as caught:
            build({}, redirects=pairs)
        assert str(caught.value) == told
    with pytest.raises(TypeError, match=r"not an int \(5\)$"):
        rightsdata.load_documents({}, redirects=5)  # type: ignore[arg-type]
