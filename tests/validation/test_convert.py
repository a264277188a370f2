"""The converter: strict structuring, located problems, and exact round trips."""

from __future__ import annotations

import json
import math
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsdata import InvalidDataError, KindName
from rightsdata._model.records import KINDS, PARTS, RECORD_TYPES, Event, Person
from rightsdata._validation.convert import structure, structure_many, unstructure
from rightsdata._values.errors import ProblemCode
from rightsdata.testing import records

from conftest import CITE, event_doc, examples, person_doc


def problems_of(kind: str, doc: Any) -> list[tuple[str, str]]:
    _, problems = structure_many(kind, [doc], f"{kind}.json")
    return [(p.location, p.code) for p in problems]


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(200))
@given(data=st.data())
def test_round_trip_every_kind(kind: KindName, data: st.DataObject) -> None:
    record = data.draw(records(kind))
    document = unstructure(record)
    assert json.loads(json.dumps(document)) == document  # JSON-ready
    assert structure(kind, document) == record
    assert unstructure(structure(kind, document)) == document


def test_valid_event_structures_to_typed_values() -> None:
    event = structure("events", event_doc())
    assert isinstance(event, Event)
    assert str(event.date) == "2012-10-08"
    assert event.penalty is not None and event.penalty.term is not None
    assert (event.penalty.term.years, event.penalty.term.months) == (7, 6)
    assert unstructure(event) == event_doc()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", 5),  # an int is not text
        ("name", ["A"]),
        ("country", 1),
        ("aliases", "abc"),  # a string is not a list
        ("aliases", {"name": "x"}),
        ("citations", [{"source": 5, "locator": None, "quote": None, "fields": None}]),
    ],
)
def test_wrong_types_are_rejected_not_coerced(field: str, value: Any) -> None:
    located = problems_of("persons", person_doc(**{field: value}))
    assert located, f"{field}={value!r} was accepted"
    assert all(code == ProblemCode.TYPE for _, code in located)
    assert all(loc.startswith(f"persons.json[0] person:a.{field}") for loc, _ in located)


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"low": "15"}, "events.json[0] event:a.figures[0].low"),
        ({"low": 15.0}, "events.json[0] event:a.figures[0].low"),
        ({"low": True}, "events.json[0] event:a.figures[0].low"),
        ({"low": math.nan}, "events.json[0] event:a.figures[0].low"),
        ({"low": math.inf}, "events.json[0] event:a.figures[0].low"),
    ],
)
def test_numbers_are_strict(changes: dict[str, Any], location: str) -> None:
    figure = {
        "measure": "killed",
        "unit": "people",
        "low": 15,
        "best": None,
        "high": None,
        "qualifier": "at_least",
        "as_given": "at least 15",
        "asserted_by": None,
        "citations": [CITE],
    }
    figure.update(changes)
    assert problems_of("events", event_doc(figures=[figure])) == [(location, ProblemCode.TYPE)]


def test_unknown_missing_and_bad_date_all_reported_at_once() -> None:
    doc = event_doc(date="2012-13-01", colour="red")
    del doc["title"]
    _, problems = structure_many("events", [event_doc(), doc], "events.json")
    by_location = {p.location: p for p in problems}
    assert set(by_location) == {
        "events.json[1] event:a.date",
        "events.json[1] event:a.colour",
        "events.json[1] event:a.title",
    }
    assert by_location["events.json[1] event:a.colour"].code == ProblemCode.UNKNOWN_FIELD
    assert by_location["events.json[1] event:a.title"].code == ProblemCode.MISSING
    assert "2012-13-01" in by_location["events.json[1] event:a.date"].message


def test_structure_raises_invalid_data_error_with_every_problem() -> None:
    with pytest.raises(InvalidDataError) as caught:
        structure("persons", person_doc(name="", country="Kazakhstan", born="2012-02-30"))
    locations = sorted(p.location for p in caught.value.problems)
    assert locations == [
        "persons person:a.born",
        "persons person:a.country",
        "persons person:a.name",
    ]
    assert "\n  persons person:a.name: must be non-empty text without" in str(caught.value)


def test_enum_terms_are_checked_with_the_allowed_list() -> None:
    doc = event_doc(participants=[{"actor": "person:a", "role": "boss"}])
    _, problems = structure_many("events", [doc], "events.json")
    assert [p.location for p in problems] == ["events.json[0] event:a.participants[0].role"]
    assert "defendant" in problems[0].message  # says what is allowed


def test_reference_of_the_wrong_kind_names_what_is_expected() -> None:
    doc = event_doc(participants=[{"actor": "place:almaty", "role": "victim"}])
    _, problems = structure_many("events", [doc], "events.json")
    assert [p.location for p in problems] == ["events.json[0] event:a.participants[0].actor"]
    assert "a person, an organisation or a group" in problems[0].message


def test_a_record_that_is_not_an_object() -> None:
    _, problems = structure_many("persons", ["person:a", None], "persons.json")
    assert [(p.location, p.code) for p in problems] == [
        ("persons.json[0]", ProblemCode.TYPE),
        ("persons.json[1]", ProblemCode.TYPE),
    ]


def test_a_file_that_is_not_a_list() -> None:
    _, problems = structure_many("persons", {"persons": []}, "persons.json")
    assert [p.location for p in problems] == ["persons.json"]


def test_unstructure_keeps_field_order_and_nulls() -> None:
    person = structure("persons", person_doc())
    assert isinstance(person, Person)
    assert list(unstructure(person)) == list(person_doc())


def test_lone_surrogates_are_not_text() -> None:
    doc = json.loads('{"name": "caf\\ud800"}')
    _, problems = structure_many("persons", [person_doc(name=doc["name"])], "persons.json")
    assert [(p.location, p.code) for p in problems] == [("persons.json[0] person:a.name", "value")]
    assert "surrogate" in problems[0].message


def test_structure_with_its_arguments_the_cattrs_way_round_says_which_comes_first() -> None:
    import rightsdata

    with pytest.raises(TypeError, match=r"record kind comes first, .*; got an object$"):
        rightsdata.structure({"id": "person:a"}, rightsdata.Person)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"got the class; pass 'persons'$"):
        rightsdata.structure(rightsdata.Person, {"id": "person:a"})  # type: ignore[call-overload]


def test_the_record_and_part_classes_are_final() -> None:
    # typing.final (which mypy enforces): a subclass is refused by Dataset, the converter
    # and the files' schemas alike, so type checkers refuse it too
    classes = [*RECORD_TYPES.values(), *PARTS]
    assert len(classes) == 19
    assert [cls.__name__ for cls in classes if not getattr(cls, "__final__", False)] == []


def test_unstructure_of_another_class_says_what_it_takes() -> None:
    @attrs.frozen
    class MyPerson(Person):  # type: ignore[misc]  # (final: mypy refuses this)
        note: str | None = None

    mine = MyPerson(**attrs.asdict(structure("persons", person_doc()), recurse=False))
    with pytest.raises(TypeError) as caught:
        unstructure(mine)
    message = str(caught.value)
    assert message.startswith("unstructure takes a record (Source, Person, Organization, ")
    assert "or a part of one (Citation, Inference, " in message
    assert message.endswith(
        "not a MyPerson (a subclass of Person; the record classes are final: build a Person itself)"
    )
    with pytest.raises(TypeError, match=r"\), not a dict$"):
        unstructure(person_doc())  # type: ignore[arg-type]
    # a part (its annotation takes one, Record | Part, as its docstring says)
    assert unstructure(structure("persons", person_doc()).citations[0]) == CITE


def test_errors_found_while_telling_a_record_are_not_chained_to_its_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failed record's parts are judged again to find every problem; the errors that
    raises are not chained to the record's error (their ``__context__``), whose every error
    dropping each one's traceback would walk again: an event of many figures each citing
    badly took a time with the square of their count."""
    from rightsdata._validation import convert

    chained: list[BaseException] = []
    real = convert._forget

    def forget(exc: BaseException) -> None:
        if exc.__context__ is not None:
            chained.append(exc)
        real(exc)

    monkeypatch.setattr(convert, "_forget", forget)
    figure = {"measure": "killed", "unit": "people", "qualifier": "exact", "best": 1}
    figures = [{**figure, "citations": [{"source": 5}]}] * 20
    records, problems = structure_many("events", [event_doc(figures=figures)], "events.json")
    assert records == [] and len(problems) == 20
    assert chained == []


#: Records whose first pass misses problems the second finds, each field judged on its own:
#: lists of many bad items and parts, unknown fields, bad nested parts, a mix.
_FIGURE = {"measure": "killed", "unit": "people", "qualifier": "exact", "best": 1}
SECOND_PASS: list[tuple[KindName, dict[str, Any]]] = [
    ("persons", person_doc(aliases=[1] * 30, identifiers=["x"] * 30)),
    ("persons", person_doc("person:b", name=5, aliases=[{"name": n} for n in range(30)])),
    ("persons", person_doc(citations=[{"source": "source:doc", "fields": ["nme"], "x": 1}] * 30)),
    ("persons", person_doc(country=5, citations=[{"source": 5, "fields": ["nme", 3]}] * 3, y=2)),
    ("events", event_doc(participants=[{"actor": 5, "role": "x", "y": 1}] * 30)),
    ("events", event_doc(figures=[{**_FIGURE, "citations": [{"source": 5}]}] * 30, title=1)),
]


@pytest.mark.parametrize(("kind", "document"), SECOND_PASS, ids=range(len(SECOND_PASS)))
def test_a_failed_field_is_judged_again_no_further_than_its_first_problem(
    monkeypatch: pytest.MonkeyPatch, kind: KindName, document: dict[str, Any]
) -> None:
    """Without a cap too, the second pass over a failed record's fields asks only whether
    each fails (its parts are then judged one by one): a list that failed is judged again
    to its first bad item, not whole, and the problems are those of judging it whole."""
    from cattrs.errors import IterableValidationNote

    from rightsdata._validation import convert

    made: list[int] = []

    class Counted(IterableValidationNote):
        def __new__(cls, *args: Any) -> Counted:
            made.append(1)
            note: Counted = super().__new__(cls, *args)
            return note

    monkeypatch.setattr(convert, "IterableValidationNote", Counted)
    records, problems = structure_many(kind, [document], f"{kind}.json")
    assert records == [] and problems
    quick = len(made)
    made.clear()

    def whole(raw: object, hint: Any) -> Any:
        return convert.converter.structure(raw, hint)

    monkeypatch.setattr(convert, "_at_most_one", whole)
    assert structure_many(kind, [document], f"{kind}.json") == ([], problems)
    if quick >= 30:  # (a list of 30 bad items: judged again to its first, not 29 more)
        assert len(made) - quick >= 29
