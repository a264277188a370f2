"""A wrong argument to a Dataset's method or a collection's is told what was wrong and what
is taken: a value of the wrong type a TypeError (``collection(None)``, ``to_pandas(5)``,
``export(format=5)``, ``card(5)`` raised ValueError or AttributeError), an ID where a
country's code is taken is told the code, bytes where a term is taken their text, and a
collection's ``index`` finds an ID as ``in`` does. Of ``rightsdata._data.dataset``,
``rightsdata._data.collection`` and ``rightsdata._data.query``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import UnknownIdError


def test_a_collection_finds_the_position_of_an_id_as_in_finds_it() -> None:
    persons = rightsdata.load().persons
    record = persons["person:vladimir-kozlov"]
    at = persons.index("person:vladimir-kozlov")  # (a ValueError with no message)
    assert persons[at] is record and persons.index(record) == at
    assert persons.count("person:vladimir-kozlov") == persons.count(record) == 1
    assert persons.count("person:nobody") == 0
    with pytest.raises(ValueError, match=r"^'person:nobody' is not in the persons") as caught:
        persons.index("person:nobody")
    assert str(caught.value) == "'person:nobody' is not in the persons: no person has this ID"
    with pytest.raises(ValueError, match=r"is at \d+ in the persons, not between 0 and 1$"):
        persons.index(record, 0, 1)
    five: Any = 5
    with pytest.raises(ValueError, match=r"^an int \(5\) is not in the persons: it holds"):
        persons.index(five)


def test_a_retired_id_not_in_a_collection_is_told_the_id_at_the_end_of_its_chain() -> None:
    ds = rightsdata.load()
    records = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    chain = {"person:old": "person:mid", "person:mid": "person:vladimir-kozlov"}
    chained = rightsdata.Dataset(records, redirects={**ds.redirects, **chain})
    with pytest.raises(ValueError, match="is not in the persons") as caught:
        chained.persons.index("person:old")
    assert str(caught.value) == (
        "'person:old' is not in the persons: it was retired, and redirects to "
        "'person:vladimir-kozlov'"
    )  # (not 'person:mid', itself retired)


def test_an_id_given_for_a_country_code_is_told_the_code() -> None:
    ds = rightsdata.load()
    with pytest.raises(UnknownIdError) as caught:
        ds.country("place:kazakhstan")
    assert str(caught.value).endswith(
        "a country is found by its ISO 3166-1 code, not its ID: give 'KZ' (the place is "
        "`ds.places['place:kazakhstan']`)"
    )
    with pytest.raises(UnknownIdError, match=r"not by an ID \(the place is `ds\.places"):
        ds.country("place:almaty")
    with pytest.raises(UnknownIdError, match=r"has this code \(codes: "):
        ds.country("XX")


@pytest.mark.parametrize(
    ("given", "told"),
    [
        # a country's name or alias, in any case: the code its place has
        ("Kazakhstan", "not its name: give 'KZ' (the place 'place:kazakhstan')"),
        ("kazakhstan", "not its name: give 'KZ' (the place 'place:kazakhstan')"),
        # text that is no code at all: what a code is, and the codes there are
        ("KAZ", "ISO 3166-1 alpha-2 code, such as 'KZ' (codes: "),
        ("Almaty", "ISO 3166-1 alpha-2 code, such as 'KZ' (codes: "),
        # a code with a space, or in small letters: the code
        ("KZ ", "a country's code is two capital letters, with no space: 'KZ'"),
        ("kz", "a country's code is two capital letters: 'KZ'"),
    ],
)
def test_a_name_or_a_spaced_code_given_for_a_country_code_is_told_the_code(
    given: str, told: str
) -> None:
    # (each was told "no place of kind country has this code", of text that is no code)
    with pytest.raises(UnknownIdError) as caught:
        rightsdata.load().country(given)
    assert told in str(caught.value)
    assert "no place of kind country has this code" not in str(caught.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: ds.ratings(country="KZ "),
        lambda ds: ds.rating_on(" KZ", "2020-01-01"),
        lambda ds: ds.events(place="KZ\t"),
    ],
    ids=["ratings(country=)", "rating_on", "events(place=)"],
)
def test_a_spaced_code_where_a_place_is_taken_is_told_the_code(call: Any) -> None:
    # (each was told "IDs are a kind and a name, like 'place:aktau'", as ds.country was)
    with pytest.raises(UnknownIdError) as caught:
        call(rightsdata.load())
    assert str(caught.value).endswith(
        "a country's code is two capital letters, with no space: 'KZ'"
    )


def test_bytes_given_for_terms_are_told_their_text() -> None:
    ds = rightsdata.load()
    raw: Any = b"verdict"
    with pytest.raises(TypeError) as caught:
        ds.events(kind=raw)  # (it said "not an int (118)": bytes are ints)
    assert str(caught.value) == (
        "the event kind must be an event kind (EventKind), its text or a collection of them, "
        "not bytes (b'verdict'); pass its text, 'verdict'"
    )


@pytest.mark.parametrize("wrong", [None, 5, b"events", ["events"]], ids=repr)
def test_the_dataset_tells_a_wrong_type_by_a_type_error(wrong: Any, tmp_path: Path) -> None:
    ds = rightsdata.load()
    with pytest.raises(TypeError, match=r"^expected a record kind, such as 'events', not "):
        ds.collection(wrong)
    with pytest.raises(TypeError, match=r"^expected an export format, such as 'json', not "):
        ds.export(tmp_path, wrong)
    with pytest.raises(TypeError, match=r"^expected a csv_formulas option, such as 'escape'"):
        ds.export(tmp_path, "csv", csv_formulas=wrong)
    with pytest.raises(TypeError, match=r"^card: record must be an ID or a record, not "):
        ds.card(wrong)
    if wrong is not None:  # (None is every table)
        with pytest.raises(TypeError, match=r"^expected a table's name, such as 'events', or a "):
            ds.to_pandas(wrong)
    assert list(tmp_path.iterdir()) == []


#: Values of the wrong type that Python's own checks would meet first: unhashable ones (a
#: set of kinds, or a dict of IDs, cannot be asked about), and ones a tuple's index refuses.
UNHASHABLE_OR_ODD: list[Any] = [["person:vladimir-kozlov"], {"x": 1}, {"persons"}, None, 1.0]


@pytest.mark.parametrize("wrong", UNHASHABLE_OR_ODD, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda ds, v: ds.persons.get(v), r"^a record ID is a string, not "),
        (lambda ds, v: ds.persons[v], r"^a collection takes a record ID \(a str\), a position"),
        (lambda ds, v: ds.get("person:vladimir-kozlov", v), r"Dataset\.get\(id, kind\)"),
        (
            lambda ds, v: ds.get("person:vladimir-kozlov", (rightsdata.Person, v)),
            r"Dataset\.get\(id, kind\)",
        ),
        (lambda ds, v: ds.search("kozlov", kinds=[v]), r"^the record kind must be a kind's name"),
    ],
    ids=["collection.get", "collection[]", "get(id, kind)", "get(id, (kinds))", "search kinds"],
)
def test_a_value_python_cannot_hash_or_index_by_is_told_what_is_taken(
    call: Any, says: str, wrong: Any
) -> None:
    """Each is a TypeError in the library's words, naming what is taken, not Python's
    ``unhashable type: 'list'`` or ``tuple indices must be integers or slices``."""
    ds = rightsdata.load()
    with pytest.raises(TypeError, match=says) as caught:
        call(ds, wrong)
    assert "unhashable" not in str(caught.value) and "indices" not in str(caught.value)
