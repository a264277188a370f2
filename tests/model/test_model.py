"""Field validators: what a single record can know about itself."""

from __future__ import annotations

import copy
import datetime
import inspect
import pickle
import re
import typing
from collections.abc import Callable
from typing import Annotated, Any

import attrs
import pytest

import rightsdata
from rightsdata import (
    EDTF,
    Duration,
    DurationError,
    EDTFError,
    InvalidDataError,
    KindName,
    MissingExtraError,
    RightsdataError,
    parse_duration,
)
from rightsdata._model.checks import Validated, checked
from rightsdata._model.fields import optional_text, spec_of, text
from rightsdata._model.records import RECORD_TYPES, Figure
from rightsdata._validation.convert import structure
from rightsdata._values.errors import FieldError, ProblemCode
from rightsdata._values.extras import require
from rightsdata._values.hints import nested_part
from rightsdata.vocab import MEANINGS, VOCABULARIES, EventKind, Level

from conftest import CITE, event_doc, person_doc


def figure(**changes: Any) -> dict[str, Any]:
    doc = {
        "measure": "killed",
        "unit": "people",
        "low": None,
        "best": None,
        "high": None,
        "qualifier": "exact",
        "as_given": None,
        "asserted_by": None,
        "citations": [CITE],
    }
    doc.update(changes)
    return doc


def problem_at(kind: KindName, doc: dict[str, Any]) -> tuple[str, str, str]:
    with pytest.raises(InvalidDataError) as caught:
        structure(kind, doc, f"{kind}.json[0]")
    (problem,) = caught.value.problems
    return problem.location, problem.code, problem.message


@pytest.mark.parametrize(
    ("numbers", "where"),
    [
        ({"low": 20, "high": 10, "qualifier": "between"}, "high"),
        # ('about': an exact figure's low and high would break its own rule too, told beside)
        ({"low": 5, "best": 3, "high": 10, "qualifier": "about"}, "best"),
        ({"best": 9, "high": 8, "qualifier": "about"}, "high"),
    ],
)
def test_figure_numbers_are_ordered(numbers: dict[str, Any], where: str) -> None:
    doc = event_doc(figures=[figure(**numbers)])
    location, code, message = problem_at("events", doc)
    assert location == f"events.json[0] event:a.figures[0].{where}"
    assert code == ProblemCode.RULE
    assert "greater than" in message


@pytest.mark.parametrize(
    ("qualifier", "needs"),
    [("exact", "best"), ("at_least", "low"), ("more_than", "low"), ("at_most", "high")],
)
def test_figure_qualifier_needs_its_number(qualifier: str, needs: str) -> None:
    numbers: dict[str, int | None] = {"low": None, "best": None, "high": None}
    numbers[{"low": "high", "best": "low", "high": "low"}[needs]] = 1
    location, code, _ = problem_at(
        "events", event_doc(figures=[figure(qualifier=qualifier, **numbers)])
    )
    assert (location, code) == (f"events.json[0] event:a.figures[0].{needs}", ProblemCode.RULE)


@pytest.mark.parametrize(
    ("numbers", "where", "message"),
    [
        ({"low": 3, "qualifier": "between"}, "low", "qualifier 'between' needs low and high"),
        ({"high": 3, "qualifier": "between"}, "low", "qualifier 'between' needs low and high"),
        ({"qualifier": "between"}, "low", "qualifier 'between' needs low and high"),
        ({"qualifier": "about"}, "best", "qualifier 'about' needs best"),
    ],
)
def test_figure_rules_of_between_and_of_stating_a_number(
    numbers: dict[str, Any], where: str, message: str
) -> None:
    location, code, found = problem_at("events", event_doc(figures=[figure(**numbers)]))
    assert (location, code) == (f"events.json[0] event:a.figures[0].{where}", ProblemCode.RULE)
    assert found == message
    structure("events", event_doc(figures=[figure(low=1, high=3, qualifier="between")]))


def test_imprecise_figure_may_have_no_numbers() -> None:
    event = structure(
        "events", event_doc(figures=[figure(qualifier="imprecise", as_given="thousands")])
    )
    assert isinstance(event.figures[0], Figure)


def test_negative_counts_are_rejected() -> None:
    location, _, _ = problem_at("events", event_doc(figures=[figure(best=-1)]))
    assert location == "events.json[0] event:a.figures[0].best"


def test_relationship_cannot_end_before_it_starts() -> None:
    doc = {
        "id": "relationship:a",
        "subject": "person:a",
        "kind": "lawyer_of",
        "object": "person:b",
        "title": None,
        "start": "2015",
        "end": "2012-05",
        "citations": [CITE],
        "inferred": [],
    }
    location, code, _ = problem_at("relationships", doc)
    assert (location, code) == ("relationships.json[0] relationship:a.end", ProblemCode.RULE)
    doc["end"] = "2015-03"  # within the start year: possible
    structure("relationships", doc)


def test_citation_fields_must_name_fields_of_the_record() -> None:
    cite = {**CITE, "fields": ["name", "shoe_size"]}
    location, code, message = problem_at("persons", person_doc(citations=[cite]))
    assert location == "persons.json[0] person:a.citations[0].fields"
    assert code == ProblemCode.RULE
    assert "shoe_size" in message


def test_inferred_must_name_a_field() -> None:
    doc = person_doc(inferred=[{"field": "birthday", "basis": "context"}])
    location, _, _ = problem_at("persons", doc)
    assert location == "persons.json[0] person:a.inferred[0].field"


def test_every_record_needs_a_citation() -> None:
    location, _, _ = problem_at("persons", person_doc(citations=[]))
    assert location == "persons.json[0] person:a.citations"


def test_quote_needs_a_citation_that_covers_it() -> None:
    doc = {
        "id": "statement:a",
        "speaker": "person:a",
        "date": "2015-12-08",
        "kind": "denial",
        "summary": "Denied the charges.",
        "quote": "I have not committed any crimes",
        "addressed_to": [],
        "about": [],
        "citations": [{**CITE, "fields": ["summary"]}],
        "inferred": [],
    }
    location, _, _ = problem_at("statements", doc)
    assert location == "statements.json[0] statement:a.quote"
    doc["citations"] = [{**CITE, "fields": ["summary"]}, {**CITE, "fields": ["summary"]}]
    location, _, _ = problem_at("statements", doc)
    assert location == "statements.json[0] statement:a.quote"
    for covering in ({**CITE, "fields": ["summary", "quote"]}, {**CITE, "fields": None}):
        doc["citations"] = [covering]
        structure("statements", doc)
        doc["citations"] = [{**CITE, "fields": ["summary"]}, covering]  # any one covers it
        structure("statements", doc)


@pytest.mark.parametrize(
    "value",
    [
        "Call press@example.org",
        "Phone: (202) 555-0147",
        "tel 202-555-0147",
        "+1 202 555 0199",
        # national form: a trunk prefix (Kazakhstan's 8) and ten digits, in groups
        "tel. 8-000-000-00-00",
        "call 8 (000) 000 00 00",
        "8 000 000 00 00",
        "8.000.000.00.00",
        "(000) 000-00-00",
        # a Kazakh city's number: a four-digit area code and three groups of two
        "8 (0000) 00-00-00",
        "тел.: 8 (0000) 00 00 00",
        # the groups parted by a no-break space, a narrow one, a thin one
        "8\u00a0000\u00a0000\u00a000\u00a000",
        "тел. 8\u202f000\u202f000\u202f00\u202f00",
        "202\u2009555\u20090199",
        "202 555 0199",
        "1-202-555-0123",
        # international, grouped in threes as Spain's and Poland's are: ten digits or more
        "+34 000 000 000",
        "+48 000 000 000",
        "+420 000 000 000",
        # a one-digit country code (1, 7) and ten digits, a group of four, of two, or more
        "+7 000 000 0000",
        "+7\u00a0000\u00a0000\u00a00000",
        "+7 000 000 000 0",
        "+7 (000) 000-00-00",
        "+7.000.000.0000",
        # a point after groups that spaces part: a fraction only where it is one or two
        # digits at the end, never a phone's last group or groups
        "+1 202 555.0199",
        "+7 000 000.00.00",
        "+7 000 000 00.00",
        "+34 000 000.000",
    ],
)
def test_contact_data_is_refused(value: str) -> None:
    location, _, message = problem_at("persons", person_doc(summary=value))
    assert location == "persons.json[0] person:a.summary"
    assert "contact" in message


@pytest.mark.parametrize(
    "value",
    [
        "over 10,000 detained",
        "2,600 kilometres",
        "on 2012-01-26",
        "follow @example_org",
        "ISBN 978-601-7891-23-4",
        "ISBN 0-306-40615-2",
        "ISBN 9965-12-345-6",
        "a rise of +1 200 000 since 2010",
        "+12 000 000 (2019)",
        "+120.000.000",
        # one digit then groups of three: no phone (+1's and +7's numbers have ten digits)
        "a change of +2 000 000 000",
        "+2\u202f000\u202f000\u202f000 tenge",
        "+1.500.000.000 (2019)",
        "+3 000 000 000 000",
        # the same figures with a fraction (the point parts no groups where spaces do)
        "a change of +2 000 000 000.5",
        "+1 200 000.75 tenge",
        "+12\u00a0000\u00a0000.5 (2019)",
        "+3 000 000 000 000.25",
        "GPS +43.25670 76.92860",
        "at +43.2567, +76.9286",
        "on 16.12.2011 14 people",
        "born (2011) 16.12.2011",
        "(2011) 12-15 March",
        "10\u00a0000 people, 2\u00a0000 held",
        "articles 164-2, 174-1",
    ],
)
def test_numbers_that_are_not_contact_data_pass(value: str) -> None:
    structure("persons", person_doc(summary=value))


@pytest.mark.parametrize(
    "bad", ["person:Kozlov", "person:", "kozlov", "person:a_b", "person:-a", "person:kozlov\n"]
)
def test_malformed_ids(bad: str) -> None:
    location, _, _ = problem_at("persons", person_doc(record_id=bad))
    assert location == "persons.json[0] (invalid id).id"  # the record is named by no ID


def test_records_are_frozen() -> None:
    person = structure("persons", person_doc())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        person.name = "Other"  # type: ignore[misc]


def test_records_check_themselves_when_built_and_evolved() -> None:
    person = structure("persons", person_doc())
    with pytest.raises(FieldError, match="leading or trailing spaces"):
        attrs.evolve(person, name=" Padded")
    with pytest.raises(FieldError, match="is not an id"):
        type(person)(**{**attrs.asdict(person, recurse=False), "id": "Kozlov"})


def test_record_constructors_keep_their_signatures() -> None:
    # the check wraps __init__; help() and the docs still show the fields
    parameters = inspect.signature(Figure).parameters
    assert list(parameters)[:3] == ["measure", "unit", "of"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())


def _model_classes() -> set[type]:
    """The record classes and the nested parts they hold, however deep."""
    classes: set[type] = set()
    todo = list(RECORD_TYPES.values())
    while todo:
        cls = todo.pop()
        if cls not in classes:
            classes.add(cls)
            todo += [p for f in attrs.fields(cls) if (p := nested_part(f.type)[0]) is not None]
    return classes


def test_a_field_is_required_where_its_spec_is_in_its_annotation() -> None:
    """What type checkers read in records.py (a field with no value in the class body is
    required) is what the constructors require: exactly the fields whose spec is not
    optional; and the annotations the converters read are the bare types."""
    classes = _model_classes()
    assert len(classes) >= 16
    for cls in classes:
        fields = attrs.fields(cls)
        required = {f.name for f in fields if f.default is attrs.NOTHING}
        assert required == {f.name for f in fields if not spec_of(f).optional}, cls
        parameters = inspect.signature(cls).parameters.values()
        assert required == {p.name for p in parameters if p.default is inspect.Parameter.empty}
        assert {f.name: f.type for f in fields}.items() <= cls.__annotations__.items(), cls
        hints: list[object] = list(cls.__annotations__.values())
        assert not any(typing.get_origin(t) is Annotated for t in hints)


def _model_class(annotations: dict[str, Any], **values: Any) -> type:
    # (the namespace holds real annotations: this module's are strings)
    made = type("Note", (Validated,), {"__annotations__": annotations, **values})
    return checked(attrs.frozen(kw_only=True, eq=False)(made))


def test_a_spec_on_the_wrong_side_is_refused_where_the_class_is_made() -> None:
    note = _model_class(
        {"body": Annotated[str, text("What it says.")], "tag": str | None},
        tag=optional_text("A tag."),
    )
    assert note.__annotations__ == {"body": str, "tag": str | None}
    assert note(body="Words").tag is None
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'body'"):
        note(tag="x")
    with pytest.raises(TypeError, match=r"^Note.body: a required field's spec goes in its "):
        _model_class({"body": str}, body=text("What it says."))
    with pytest.raises(TypeError, match=r"^Note.tag: a required field's spec goes in its "):
        _model_class({"tag": Annotated[str | None, optional_text("A tag.")]})
    with pytest.raises(TypeError, match=r"^Note.body: a required field's spec goes in its "):
        _model_class({"body": Annotated[str, text("What it says.")]}, body="default")
    with pytest.raises(TypeError, match=r"^Note.body: the annotation is a string"):
        _model_class({"body": "Annotated[str, text('What it says.')]"})
    with pytest.raises(TypeError, match=r"^Note.body: one spec a field, not 2$"):
        _model_class({"body": Annotated[str, text("What it says."), text("Twice.")]})


def test_records_compare_and_hash_by_class_and_fields() -> None:
    person = structure("persons", person_doc())
    same = structure("persons", person_doc())
    renamed = attrs.evolve(person, name="Another Name")
    assert person == same and hash(person) == hash(same) and person is not same
    assert person != renamed and len({person, same, renamed}) == 2
    # a part with the same values as another class's would still differ by class
    assert person.citations[0] == attrs.evolve(person.citations[0])
    assert person.citations[0] != person.citations[0].source
    event = structure("events", event_doc(figures=[figure(best=3)]))
    assert event == structure("events", event_doc(figures=[figure(best=3)]))
    assert event != structure("events", event_doc(figures=[figure(best=4)]))


def test_record_classes_share_one_eq_and_hash() -> None:
    # attrs would generate both per class (eq=False keeps it from it): a cold load's cost
    classes = {*RECORD_TYPES.values()}
    for cls in list(classes):
        for field in attrs.fields(cls):
            part = nested_part(field.type)[0]
            if part is not None:
                classes.add(part)
    assert len(classes) >= 16
    own = sorted(c.__name__ for c in classes if {"__eq__", "__hash__"} & set(vars(c)))
    assert own == [], "declare these @attrs.frozen(..., eq=False)"


def test_levels_order_by_severity() -> None:
    assert sorted(Level, reverse=True)[0] is Level.CLOSED
    assert Level.NARROWED < Level.OBSTRUCTED < Level.REPRESSED


def test_a_level_compares_with_a_levels_term_by_severity_never_by_spelling() -> None:
    """A level is a str to Python, whose comparison ordered the terms' spellings:
    ``Level.CLOSED >= "repressed"`` was False, so a filter by text dropped "closed"."""
    for level in Level:
        for other in Level:
            term = str(other)
            assert (level < term, level <= term, level > term, level >= term) == (
                level < other,
                level <= other,
                level > other,
                level >= other,
            )
            assert (term < level, term >= level) == (other < level, other >= level)
    with pytest.raises(ValueError, match=r"'repressd' is not a level; did you mean 'repressed'"):
        _ = Level.OPEN < "repressd"
    from rightsdata.vocab import OrgStatus

    with pytest.raises(TypeError, match="not OrgStatus"):
        _ = Level.OPEN < OrgStatus.CLOSED
    with pytest.raises(TypeError):
        _ = Level.OPEN < 3


def test_every_vocabulary_term_has_a_meaning() -> None:
    missing = [f"{v.__name__}.{m.name}" for v in VOCABULARIES for m in v if m not in MEANINGS]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "named", "at"),
    [("a\x1b[2Jb", "U+001B", 2), ("line\rover", "U+000D", 5), ("\x85", "U+0085", 1)],
)
def test_a_text_holding_a_control_character_is_refused_where_it_is(
    text: str, named: str, at: int
) -> None:
    message = re.escape(f"name: holds the control character {named} at character {at}; a text")
    with pytest.raises(InvalidDataError, match=message):
        structure("persons", person_doc(name=text))
    person = structure("persons", person_doc(name="A\tB\nC"))  # a tab and a line feed are text
    assert person.name == "A\tB\nC"
    with pytest.raises(FieldError, match=message):
        attrs.evolve(person, name=text)


def test_every_error_about_data_is_a_rightsdata_error_and_the_builtin_it_specialises() -> None:
    import rightsdata
    from rightsdata._values.extras import require

    attempts: list[tuple[Any, type[Exception]]] = [
        (lambda: rightsdata.EDTF("2012-13"), ValueError),
        (lambda: rightsdata.Duration.parse("7 years"), ValueError),
        (lambda: structure("persons", person_doc(born="2020-13")), ValueError),
        (lambda: attrs.evolve(structure("persons", person_doc()), name=" x"), ValueError),
        (lambda: require("no_such_module_at_all", "arrow"), ImportError),
    ]
    for attempt, builtin in attempts:
        with pytest.raises(rightsdata.RightsdataError) as caught:
            attempt()
        assert isinstance(caught.value, builtin)


@pytest.mark.parametrize(
    ("attempt", "attributes"),
    [
        (lambda: EDTF("2012-13-01"), {"text": "2012-13-01", "reason": "month 13 does not exist"}),
        (
            lambda: parse_duration("P2W"),
            {"text": "P2W", "reason": "weeks are not used; write 'P14D'"},
        ),
        (
            lambda: Duration.from_pendulum(datetime.timedelta(days=-1)),
            {
                "text": datetime.timedelta(days=-1),
                "reason": "is negative (-1 day); a duration is a length of time, with no part "
                "below 0",
            },
        ),
        (
            lambda: Duration(years=10_000),
            {"text": None, "reason": "Duration years=10000 is too long: at most 9999"},
        ),
        (
            lambda: require("no_such_module_at_all", "arrow"),
            {"extra": "arrow", "name": "no_such_module_at_all"},
        ),
    ],
)
def test_errors_a_program_catches_carry_their_parts_and_keep_them_when_pickled(
    attempt: Callable[[], object], attributes: dict[str, object]
) -> None:
    with pytest.raises(RightsdataError) as caught:
        attempt()
    error = caught.value
    assert {name: getattr(error, name) for name in attributes} == attributes
    if "reason" in attributes:  # the message is the input and the reason, as before
        assert str(error).endswith(str(attributes["reason"]))
        assert attributes["text"] is None or str(error).startswith(repr(attributes["text"]))
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(again) is type(error) and str(again) == str(error)
        assert {name: getattr(again, name) for name in attributes} == attributes


@pytest.mark.parametrize(
    ("error", "missing"),
    [(EDTFError, "'reason'"), (DurationError, "'reason'"), (MissingExtraError, "'extra'")],
)
def test_an_error_made_from_its_message_alone_is_refused_naming_the_part_it_needs(
    error: Callable[..., Exception], missing: str
) -> None:
    # no release made these errors from a message alone: the form is refused as any call
    # without a required argument is, by the name of what is missing (the docstrings show it)
    with pytest.raises(TypeError, match=f"missing 1 required positional argument: {missing}"):
        error("not what was wrong, said my way")


def test_a_missing_extra_error_takes_no_name_beside_its_module() -> None:
    # (``name=`` served the message-only form; the module given is the ImportError's name)
    with pytest.raises(TypeError, match="unexpected keyword argument 'name'"):
        MissingExtraError("pandas", "pandas", name="pandas")  # type: ignore[call-arg]
    assert MissingExtraError("pyarrow", "arrow").name == "pyarrow"


def test_a_dict_for_a_part_is_told_how_to_build_the_part() -> None:
    # a record built in Python: "got an object" (JSON's word) said nothing of how to mend it
    with pytest.raises(FieldError) as info:
        rightsdata.Event(
            id="event:a",
            kind=EventKind.ARREST,
            title="t",
            citations=(rightsdata.Citation(source="source:a"),),
            participants=[{"actor": "person:a", "role": "victim"}],  # type: ignore[arg-type]
        )
    assert (info.value.field, info.value.message) == (
        "participants[0]",
        "expected Participant, got a dict; build it as `rightsdata.Participant(...)`, or load "
        "JSON documents with `rightsdata.load_documents`",
    )


def test_a_field_error_from_a_constructor_names_the_class_and_the_record() -> None:
    """Records built in a loop from a spreadsheet: 'name: expected text, got int' said
    neither which class nor which record (the loader says both)."""
    import attrs

    from rightsdata import KINDS, Citation, FieldError, Person

    with pytest.raises(FieldError) as info:
        Person(id="person:a", name=5, citations=())  # type: ignore[arg-type]
    error = info.value
    assert str(error) == "Person person:a.name: expected text, got an integer (5)"
    assert (error.field, error.message, error.record_class, error.record_id) == (
        "name",
        "expected text, got an integer (5)",
        "Person",
        "person:a",
    )
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.record_id == "person:a"
    # an ID that is not well formed is not named; a part (a citation) has none
    with pytest.raises(FieldError, match=r"^Person\.id: "):
        Person(id="person:A B", name="A", citations=())
    said = r"^Citation\.source: expected an id, got an integer \(5\)$"
    with pytest.raises(FieldError, match=said):
        Citation(source=5)  # type: ignore[arg-type]
    # every field of every record class, through attrs.evolve too
    ds = rightsdata.load()
    for kind in KINDS:
        record = ds.collection(kind)[0]
        for field in attrs.fields(type(record)):
            if field.name != "id":
                with pytest.raises(FieldError) as bad:
                    attrs.evolve(record, **{field.name: object()})  # type: ignore[arg-type]
                assert str(bad.value).startswith(
                    f"{type(record).__name__} {record.id}.{field.name}"
                ), str(bad.value)
    # a part given in a record's field is named by its place in the record
    with pytest.raises(FieldError) as part:
        Person(id="person:a", name="A", citations=[{"source": "source:a"}])  # type: ignore[arg-type]
    assert str(part.value).startswith("Person person:a.citations[0]: expected Citation")
    # a check made outside a constructor says the field only, as before
    from rightsdata._model.fields import check_ref

    with pytest.raises(FieldError) as plain:
        check_ref("source", 5, ("source",))
    assert plain.value.record_class is None and str(plain.value).startswith("source: ")
