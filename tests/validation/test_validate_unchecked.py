"""``rightsdata.validate`` says what it could not check: its list's ``unchecked``."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem, Problems

from conftest import event_doc, person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]


def _unreadable_persons(make_folder: MakeFolder) -> Path:
    # persons.json cannot be read: event:a's person:a may be one of its records
    return make_folder(
        {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [event_doc()]}
    )


def test_validate_names_the_kinds_it_could_not_check(make_folder: MakeFolder) -> None:
    folder = _unreadable_persons(make_folder)
    problems = rightsdata.validate(folder)
    assert isinstance(problems, Problems) and isinstance(problems, list)
    assert [p.location for p in problems] == ["persons.json"]
    assert problems.unchecked == ("persons",)
    # what load_path's error says, the same
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    assert (list(caught.value.problems), caught.value.unchecked) == (problems, problems.unchecked)


def test_validate_of_valid_data_or_of_every_problem_judged_names_none(
    make_folder: MakeFolder,
) -> None:
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    valid = rightsdata.validate(make_folder(files))
    assert valid == [] and valid.unchecked == () and not valid
    files["persons.json"] = [person_doc(born="2012-13-01")]
    found = rightsdata.validate(make_folder(files))
    assert len(found) == 1 and found.unchecked == ()


def test_validate_unchecked_under_schema_and_over_a_base(make_folder: MakeFolder) -> None:
    folder = _unreadable_persons(make_folder)
    assert rightsdata.validate(folder, schema=True).unchecked == ("persons",)
    assert rightsdata.validate(folder, base=rightsdata.load()).unchecked == ("persons",)


def test_problems_are_a_list_in_every_other_way() -> None:
    problem = Problem("persons.json", "is empty")
    found = Problems([problem], unchecked=["persons"])
    assert found == [problem] and [problem] == found and found != []
    assert Problems() == [] and Problems([problem]) == found  # (the problems alone)
    assert len(found) == 1 and found[0] is problem and list(found) == [problem]
    assert type(found[:1]) is list and type(found + found) is list
    plain: list[Problem] = found  # (a list[Problem] to a type checker)
    assert plain is found
    assert repr(Problems([problem])) == repr([problem])
    assert repr(Problems()) == "[]"
    assert repr(found) == f"Problems([{problem!r}], unchecked=('persons',))"
    assert not hasattr(found, "__dict__")


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_problems_pickle_and_copy_with_what_went_unchecked(protocol: int) -> None:
    found = Problems([Problem("persons.json", "is empty")], unchecked=["persons"])
    for again in (pickle.loads(pickle.dumps(found, protocol)), copy.copy(found)):
        assert type(again) is Problems and again is not found
        assert again == found and again.unchecked == ("persons",)
    deep = copy.deepcopy(found)
    assert deep == found and deep.unchecked == ("persons",)
    assert type(pickle.loads(pickle.dumps(found))).__module__ == "rightsdata"


def test_problems_made_by_hand_hold_problems_and_kinds_only() -> None:
    problem = Problem("persons.json", "is empty")
    with pytest.raises(TypeError, match=r"item 1 is a str \('x'\)"):
        Problems([problem, "x"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one string"):
        Problems([problem], unchecked="persons")
    with pytest.raises(TypeError, match=r"not an int \(1\)"):
        Problems([problem], unchecked=[1])  # type: ignore[list-item]
    # a lone Problem, None and bytes are told what to give, not a generic error
    with pytest.raises(
        TypeError, match=r"not one Problem alone \(Problem\(.*: `Problems\(\[problem\]\)`"
    ):
        Problems(problem)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not None \(give \(\) for none\)"):
        Problems([problem], unchecked=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not bytes \(b'persons'; decode them"):
        Problems([problem], unchecked=b"persons")  # type: ignore[arg-type]
    # bytes, a string or a number as the problems, bytes as a kind: told so, in plain words
    # (they gave "item 0 is an int (97)", "item 0 is a str ('a')", "'int' object is not
    # iterable", "not a bytes")
    for wrong, told in ((b"ab", "bytes (b'ab')"), ("abc", "one string ('abc')"), (5, "an int (5)")):
        with pytest.raises(TypeError) as raised:
            Problems(wrong)  # type: ignore[arg-type]
        assert str(raised.value) == (
            f"Problems takes an iterable of Problem objects, not {told}: `Problems([problem])`, "
            "or `Problems()` for none"
        )
    with pytest.raises(TypeError, match=r"^unchecked is an iterable .* not an int \(5\)$"):
        Problems([problem], unchecked=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError) as raised:
        Problems([problem], unchecked=[b"persons"])  # type: ignore[list-item]
    assert str(raised.value) == (
        "unchecked names record kinds ('persons'), not bytes (b'persons'; decode them: 'persons')"
    )
    # kept in the order given; validate() gives the order of KINDS
    assert Problems([problem], unchecked=["persons", "sources"]).unchecked == (
        "persons",
        "sources",
    )


def test_problems_copy_keeps_what_went_unchecked() -> None:
    found = Problems([Problem("persons.json", "is empty")], unchecked=["persons"])
    again = found.copy()
    assert type(again) is Problems and again is not found
    assert again == found and again.unchecked == ("persons",)
    again.clear()
    assert len(found) == 1  # (a copy, not the same list)
