"""The problem codes: listed at run time, typed as a ``Literal``, named by ``ProblemCode``, and
held to the list by every Problem and FieldError (rightsdata._values.errors)."""

from __future__ import annotations

import copy
import pickle
import typing

import pytest

import rightsdata
from rightsdata import PROBLEM_CODES, FieldError, Problem, ProblemCode, ProblemCodeValue


def test_the_codes_are_listed_once_and_problem_code_names_each() -> None:
    # a program maps each code to its own handling, and sees a new one when it upgrades
    assert typing.get_args(ProblemCodeValue) == PROBLEM_CODES
    assert len(set(PROBLEM_CODES)) == len(PROBLEM_CODES) == 14
    named = {name: value for name, value in vars(ProblemCode).items() if name.isupper()}
    # each constant is its code as text, in the list's order, its name the code's
    assert tuple(named.values()) == PROBLEM_CODES
    assert all(name.lower() == value for name, value in named.items())
    assert ProblemCode.MISSING == "missing" and type(ProblemCode.MISSING) is str
    assert "PROBLEM_CODES" in rightsdata.__all__ and "ProblemCodeValue" in rightsdata.__all__


def test_every_code_makes_a_problem_that_keeps_it_when_pickled_or_copied() -> None:
    for code in PROBLEM_CODES:
        problem = Problem("persons.json", "is empty", code, file="persons.json")
        for again in (pickle.loads(pickle.dumps(problem)), copy.copy(problem)):
            assert (again, again.code, again.file) == (problem, code, "persons.json")
        assert FieldError("born", "bad", code).code == code


@pytest.mark.parametrize("make", [Problem, FieldError])
def test_a_code_not_in_the_list_is_refused_saying_which_are(make: type[Exception]) -> None:
    # a program's own code would be one no other program (nor PROBLEM_CODES) knows
    make_any = typing.cast("typing.Callable[..., object]", make)
    with pytest.raises(ValueError, match="unknown problem code") as caught:
        make_any("born", "bad", "mising")
    assert str(caught.value) == (
        "unknown problem code 'mising' (did you mean 'missing'?); a Problem's code is one of "
        "`rightsdata.PROBLEM_CODES`: " + ", ".join(PROBLEM_CODES)
    )
    with pytest.raises(TypeError, match="code must be a str, not an int"):
        make_any("born", "bad", 5)


@pytest.mark.parametrize("name", ["MISSING", "UNKNOWN_FIELD", "NEWER_FORMAT"])
def test_a_constants_name_given_as_a_code_is_told_the_constant(name: str) -> None:
    # (its name, not a close spelling of a code, is what was meant)
    make_any = typing.cast("typing.Callable[..., object]", Problem)
    with pytest.raises(ValueError, match="unknown problem code") as caught:
        make_any("born", "bad", name)
    assert str(caught.value).startswith(
        f"unknown problem code {name!r} (the constant `ProblemCode.{name}` is "
        f"{getattr(ProblemCode, name)!r}); a Problem's code is one of "
    )
