"""Rules of the data contract beyond each value's type, judged alike by the constructors, the
diagnostic loader and the fast loader: an inference's whole path, repeated entries of a list,
a figure's relayed_by, zero-length durations and texts with nothing visible in them."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pendulum
import pytest

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._model.records import KindName
from rightsdata._validation.convert import structure_many
from rightsdata._validation.fastpath import decode_with_ids
from rightsdata._values.errors import FieldError
from rightsdata.vocab import PenaltyKind

from conftest import event_doc, person_doc, source_doc


def _fast(kind: str, documents: list[dict[str, Any]]) -> list[Any] | None:
    """The fast path's verdict: the records, or None if it refuses them."""
    try:
        return decode_with_ids(kind, json.dumps(documents).encode("utf-8"))[0]
    except Exception:
        return None


def problems_of(kind: KindName, document: dict[str, Any]) -> list[tuple[str, str]]:
    """Each problem the diagnostic loader finds in ``document`` (location, message), checked
    against the fast loader, which must refuse the document where there is one and build
    the same records where there is none."""
    built, problems = structure_many(kind, [document], f"{kind}.json")
    fast = _fast(kind, [document])
    if problems:
        assert fast is None, "the fast path accepts what the diagnostic path refuses"
    else:
        assert fast == built, "the fast path refuses what the diagnostic path accepts"
    return [(problem.location, problem.message) for problem in problems]


# --- an inference's path -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "born.year[3]",
            "'born.year[3]': 'born' holds no fields (it is not a part, such as a penalty)",
        ),
        ("country[0]", "'country[0]': 'country' is not a list: only a list's items have an index"),
        (
            "citations.source",
            "'citations.source': 'citations' is a list: name one of its items "
            "by its index ('citations[0].source')",
        ),
        (
            "citations[0].sorce",
            "'citations[0].sorce': 'sorce' is not a field of Citation (did you mean 'source'?)",
        ),
        (
            "aliases[0].name.x",
            "'aliases[0].name.x': 'name' holds no fields (it is not a part, such as a penalty)",
        ),
        (
            "name[01]",
            "'name[01]' is not a path to a field (fields joined by '.', a list's item "
            "by its index: 'charges[0].provision')",
        ),
        (
            "born.",
            "'born.' is not a path to a field (fields joined by '.', a list's item by its "
            "index: 'charges[0].provision')",
        ),
    ],
)
def test_every_step_of_an_inferences_path_is_checked(path: str, message: str) -> None:
    document = person_doc(inferred=[{"field": path, "basis": "Read from the report."}])
    assert problems_of("persons", document) == [
        ("persons.json[0] person:a.inferred[0].field", message)
    ]
    with pytest.raises(FieldError) as caught:
        rightsdata.Person(
            id="person:a",
            name="A Person",
            citations=(rightsdata.Citation(source="source:doc"),),
            inferred=(rightsdata.Inference(field=path, basis="Read from the report."),),
        )
    assert str(caught.value) == f"Person person:a.inferred[0].field: {message}"


@pytest.mark.parametrize(
    "path",
    [
        "date",
        "participants",
        "participants[0]",
        "participants[0].actor",
        "penalty.term",
        "places[0]",
        "figures[0].citations[1].locator",
        "charges[3].provision",
    ],
)
def test_paths_to_fields_pass(path: str) -> None:
    document = event_doc(inferred=[{"field": path, "basis": "Read from the report."}])
    assert problems_of("events", document) == []


def test_a_load_names_the_file_record_and_field_of_a_wrong_path(
    make_folder: Callable[[Mapping[str, Any]], Path],
) -> None:
    wrong = person_doc(inferred=[{"field": "born.year", "basis": "x"}])
    folder = make_folder({"sources.json": [source_doc()], "persons.json": [wrong]})
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    (problem,) = caught.value.problems
    assert (problem.file, problem.record_id, problem.field) == (
        "persons.json",
        "person:a",
        "inferred[0].field",
    )


# --- a duration given as a pendulum duration or a timedelta -----------------------------


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            pendulum.duration(years=1, months=-1),
            "mixes signs (1 year, -1 month); a duration is one length "
            "of time, with no part below 0: give it as that length",
        ),
        (
            pendulum.duration(years=1, seconds=-1),
            "mixes signs (1 year, -1 second); a duration is one length "
            "of time, with no part below 0: give it as that length",
        ),
        (
            pendulum.duration(months=1, days=-40),
            "mixes signs (1 month, -40 days); a duration is one length "
            "of time, with no part below 0: give it as that length",
        ),
        (
            pendulum.duration(years=-2),
            "is negative (-2 years); a duration is a length of time, with no part below 0",
        ),
        (
            datetime.timedelta(hours=-3),
            "is negative (-3 hours); a duration is a length of time, with no part below 0",
        ),
    ],
)
def test_a_duration_with_a_part_below_zero_is_told_in_rightsdatas_words(
    given: datetime.timedelta, message: str
) -> None:
    with pytest.raises(FieldError) as caught:
        rightsdata.Penalty(kind=PenaltyKind.IMPRISONMENT, term=given)  # type: ignore[arg-type]
    # (the message names the value as given, then says what is wrong in rightsdata's words)
    assert str(caught.value) == f"Penalty.term: {given!r} {message}"


def test_a_pendulum_duration_that_is_one_length_is_taken() -> None:
    # (pendulum normalises a day less two hours to 22 hours, as a timedelta does)
    term = rightsdata.Penalty(
        kind=PenaltyKind.IMPRISONMENT,
        term=pendulum.duration(days=1, hours=-2),  # type: ignore[arg-type]
    )
    assert str(term.term) == "PT22H"


# --- a text that shows nothing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "held"),
    [
        ("\u200b", "U+200B zero width space"),
        ("\ufeff", "U+FEFF zero width no-break space"),
        ("\u200c\u200d", "U+200C zero width non-joiner, U+200D zero width joiner"),
        ("\u2060", "U+2060 word joiner"),
        ("\u00ad", "U+00AD soft hyphen"),
        ("\u034f", "U+034F combining grapheme joiner"),  # (printable, as Python counts)
        ("\u200b \u200b", "U+200B zero width space"),
    ],
)
@pytest.mark.parametrize("field", ["name", "summary"])
def test_a_text_of_invisible_characters_alone_is_refused_everywhere(
    value: str, held: str, field: str
) -> None:
    spaces = " and white space" if " " in value else ""
    message = (
        f"shows nothing: it holds only invisible characters ({held}){spaces}; a text must show "
        "something"
    )
    assert problems_of("persons", person_doc(**{field: value})) == [
        (f"persons.json[0] person:a.{field}", message)
    ]
    # (in a group of texts of which the others are fine, as the fast path checks them)
    others = [person_doc(f"person:p{i}", name=f"Имя {i}") for i in range(3)]
    assert _fast("persons", [*others, person_doc(**{field: value})]) is None
    with pytest.raises(FieldError) as caught:
        rightsdata.Person(
            id="person:a",
            citations=(rightsdata.Citation(source="source:doc"),),
            **{"name": "A Person", field: value},  # type: ignore[arg-type]
        )
    assert str(caught.value) == f"Person person:a.{field}: {message}"
    with pytest.raises(FieldError):
        rightsdata.Alias(name=value)
    with pytest.raises(FieldError):
        rightsdata.Inference(field="name", basis=value)


@pytest.mark.parametrize("value", ["A\u200b\u200bB", "\u200bA", "Алматы\u00ad", "x\u034f"])
def test_a_text_that_shows_something_beside_invisible_characters_passes(value: str) -> None:
    assert problems_of("persons", person_doc(summary=value)) == []
