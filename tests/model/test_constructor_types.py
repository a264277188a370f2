"""A record or part built in Python is held to the loader's rules for what each field holds,
whatever was checked before in the process: the constructors' quick tests (a set of IDs
found valid before) stand in for the full check only for a plain ``str``."""

from __future__ import annotations

from typing import Any

import pytest

import rightsdata
from rightsdata import Citation, Event, FieldError, Participant, Person
from rightsdata.vocab import EventKind, Role

CITED = (Citation(source="source:a"),)


def wrong(value: object) -> Any:
    """``value``, where a test passes what the field's type does not take."""
    return value


class _Text(str):
    """A str subclass (as numpy's ``str_``), which the loader never yields."""


@pytest.mark.parametrize(
    ("build", "field", "message"),
    [
        (
            lambda: Participant(actor=wrong(["person:a"]), role=Role.VICTIM),
            "Participant.actor",
            "expected an id, got a list",
        ),
        (
            lambda: Event(
                id="event:a", kind=EventKind.ARREST, title="T", part_of=wrong({}), citations=CITED
            ),
            "Event event:a.part_of",
            "expected an id, got an object",
        ),
        (
            lambda: Event(
                id="event:a",
                kind=EventKind.ARREST,
                title="T",
                places=wrong([["place:x"]]),
                citations=CITED,
            ),
            "Event event:a.places[0]",
            "expected an id, got a list",
        ),
        (
            lambda: Person(id=wrong({}), name="A", citations=CITED),
            "Person.id",
            "expected an id, got an object",
        ),
        (
            lambda: Citation(source="source:a", fields=wrong(("date", 2))),
            "Citation.fields[1]",
            "expected text, got an integer (2)",
        ),
        (lambda: Citation(source=wrong(None)), "Citation.source", "expected an id, got null"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_field_error_in_the_loaders_words(
    build: Any, field: str, message: str
) -> None:
    """(These raised Python's 'unhashable type' naming no field, or were accepted: a part's
    ``fields`` of numbers; or said Python's type names, 'got NoneType'.)"""
    with pytest.raises(FieldError) as info:
        build()
    assert str(info.value) == f"{field}: {message}"


@pytest.mark.parametrize(
    ("build", "valid"),
    [
        (lambda actor: Participant(actor=actor, role=Role.VICTIM), "person:q"),
        (lambda id: Person(id=id, name="A", citations=CITED), "person:q"),
        (
            lambda place: Event(
                id="event:a", kind=EventKind.ARREST, title="T", places=(place,), citations=CITED
            ),
            "place:q",
        ),
    ],
)
def test_a_str_subclass_is_refused_even_after_its_value_was_found_valid(
    build: Any, valid: str
) -> None:
    """Whether a record is accepted does not depend on what was built before: an ID that
    the process has found valid as a ``str`` is refused as a subclass, as it is the first
    time (it was accepted, and the record held the subclass)."""
    build(valid)  # found valid, and remembered
    with pytest.raises(FieldError, match=r"expected an id, got _Text \('"):
        build(_Text(valid))


def test_a_lone_surrogate_is_refused_by_constructors_as_the_loader_refuses_it() -> None:
    """(A constructor raised UnicodeEncodeError from the contact-data test, and
    ``attrs.evolve`` the same; with that fixed, it would have accepted what the loader
    refuses.)"""
    said = "contains a lone UTF-16 surrogate escape, which is not text"
    with pytest.raises(FieldError) as info:
        Person(id="person:a", name="A\udc80", citations=CITED)
    assert str(info.value) == f"Person person:a.name: {said}"
    kozlov = rightsdata.load().persons["person:vladimir-kozlov"]
    import attrs

    with pytest.raises(FieldError, match=f"summary: {said}"):
        attrs.evolve(kozlov, summary="two\nlines \ud800 here")
    with pytest.raises(rightsdata.InvalidDataError) as loaded:
        rightsdata.load_documents(
            {
                "sources": [{"id": "source:a", "kind": "report", "title": "S", "language": "en"}],
                "persons": [
                    {"id": "person:a", "name": "A\udc80", "citations": [{"source": "source:a"}]}
                ],
            }
        )
    assert [p.message for p in loaded.value.problems] == [said]
