"""Every public error of rightsdata (``rightsdata._values.errors``' ``RightsdataError`` and its
classes) pickles and copies whole, as a ``ValueError`` does: its arguments, message and
documented attributes, its notes and the attributes a caller set on it."""

from __future__ import annotations

import copy
import functools
import importlib
import pickle
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest

import rightsdata
from rightsdata import (
    DatasetVersionError,
    DurationError,
    EDTFError,
    FieldError,
    InvalidDataError,
    MissingExtraError,
    Problem,
    Problems,
    RightsdataError,
    UnknownDatasetError,
    UnknownIdError,
)

#: A way to pickle or copy a value, giving the copy.
Again = Callable[[Any], Any]


def _public_errors() -> list[type[BaseException]]:
    """Every exception class a public module of rightsdata names publicly (``rightsdata``,
    ``rightsdata.tables``...), once each: a new one is in the list by being public."""
    modules = [rightsdata] + [
        importlib.import_module(f"rightsdata.{found.name}")
        for found in pkgutil.iter_modules(rightsdata.__path__)
        if not found.name.startswith("_")
    ]
    errors: dict[str, type[BaseException]] = {}
    for module in modules:
        for name, value in vars(module).items():
            if (
                not name.startswith("_")
                and isinstance(value, type)
                and issubclass(value, BaseException)
                and value.__module__.startswith("rightsdata")
            ):
                errors[value.__qualname__] = value
    return sorted(errors.values(), key=lambda cls: cls.__qualname__)


def _extra_at_path() -> MissingExtraError:
    error = MissingExtraError("pyarrow", "arrow")
    error.path = "/opt/site-packages/pyarrow"  # (an ImportError's, kept by its pickle too)
    return error


#: Errors of each public class, in each of their forms, and the attributes each documents.
SAMPLES: dict[type[BaseException], tuple[tuple[str, ...], list[Callable[[], BaseException]]]] = {
    RightsdataError: ((), [lambda: RightsdataError("something is wrong")]),
    InvalidDataError: (
        ("problems", "what", "unchecked", "stopped_at"),
        [
            lambda: InvalidDataError([Problem("persons.json", "is empty", file="persons.json")]),
            lambda: InvalidDataError(
                [Problem("events.json[0] event:a.date", "bad", record_id="event:a")],
                "events.json",
                ["persons"],
                stopped_at=1,
            ),
        ],
    ),
    UnknownIdError: (
        ("record_id", "hint", "what", "at"),
        [
            lambda: UnknownIdError("person:a"),
            # (a hint looked for when first read: its search, a lambda, is not pickled)
            lambda: UnknownIdError(
                "person:vladimir-kozlof",
                what="person",
                among=lambda: ["person:vladimir-kozlov"],
                at="the item at index 2",
            ),
        ],
    ),
    UnknownDatasetError: (("name", "known"), [lambda: UnknownDatasetError("atlantis", ["b", "a"])]),
    DatasetVersionError: (
        ("name", "found", "required"),
        [
            lambda: DatasetVersionError("kazakhstan", "1.0.0", "2", bundled=True),
            lambda: DatasetVersionError("data/", None, "1.2"),
        ],
    ),
    FieldError: (
        ("field", "message", "code", "record_class", "record_id"),
        [
            lambda: FieldError("born", "'2020-13' is not an EDTF date"),
            lambda: FieldError("born", "bad", "value", "Person", "person:a"),
            lambda: FieldError("born", "bad").built("Person", None),
        ],
    ),
    EDTFError: (
        ("text", "reason", "context"),
        [
            lambda: EDTFError("2012-13", "month 13 does not exist"),
            lambda: EDTFError("x", "not a date", "between: the start"),
        ],
    ),
    DurationError: (
        ("text", "reason"),
        [lambda: DurationError("P2W", "weeks are not used"), lambda: DurationError(None, "big")],
    ),
    MissingExtraError: (
        ("extra", "name", "path"),
        [lambda: MissingExtraError("jsonschema", "schema"), _extra_at_path],
    ),
}


def _pickled(value: object, protocol: int) -> Any:
    return pickle.loads(pickle.dumps(value, protocol))


WAYS: dict[str, Again] = {
    **{
        f"pickle protocol {protocol}": functools.partial(_pickled, protocol=protocol)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
    },
    "copy.copy": copy.copy,
    "copy.deepcopy": copy.deepcopy,
}


def _raised(error: BaseException) -> BaseException:
    """``error``, raised from one error while another was handled: with a cause, a context
    and a traceback."""
    try:
        try:
            raise OSError("handled")
        except OSError:
            raise error from KeyError("cause")
    except BaseException as caught:
        return caught


def _chaining(error: BaseException) -> tuple[bool, bool, bool, bool]:
    """Whether ``error`` has a cause, a context and a traceback, and suppresses its context."""
    return (
        error.__cause__ is not None,
        error.__context__ is not None,
        error.__traceback__ is not None,
        error.__suppress_context__,
    )


def test_the_walk_finds_every_public_error_and_each_has_samples() -> None:
    # a new public error class fails here until SAMPLES has it (and so the test below does)
    assert set(_public_errors()) == set(SAMPLES)


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("cls", _public_errors(), ids=lambda cls: cls.__qualname__)
def test_an_error_pickles_and_copies_whole(cls: type[BaseException], way: str) -> None:
    again = WAYS[way]
    documented, makers = SAMPLES[cls]
    for make in makers:
        error = _raised(make())
        error.add_note("while loading the nightly data")
        error.add_note("second note")
        error.source = {"job": "nightly.py"}  # type: ignore[attr-defined]
        back = again(error)
        assert type(back) is type(error)
        assert back.args == error.args
        assert str(back) == str(error)
        assert back.__notes__ == ["while loading the nightly data", "second note"]
        assert back.source == {"job": "nightly.py"}  # type: ignore[attr-defined]
        for name in documented:
            assert getattr(back, name) == getattr(error, name), name
        # cause, context and traceback go as a ValueError's go
        plain = _raised(ValueError("plain"))
        assert _chaining(back) == _chaining(again(plain))


def test_unpickling_keeps_what_the_constructor_made_of_the_arguments() -> None:
    # the state does not undo the constructor's work (problems stay shown capped in IPython),
    # nor pickle what an error keeps for itself (a private name; docs/api.md, "Errors")
    error = InvalidDataError([Problem("persons.json", "is empty")])
    error._own = "private"  # type: ignore[attr-defined]
    for way in WAYS.values():
        back = way(error)
        assert isinstance(back, InvalidDataError)
        assert type(back.problems) is type(error.problems)
        assert not hasattr(back, "_own")


def test_an_error_subclassed_by_a_caller_pickles_whole() -> None:
    error = _TaggedError("atlantis", ["kazakhstan"])
    error.tag = "mine"
    error.add_note("noted")
    back = pickle.loads(pickle.dumps(error))
    assert isinstance(back, _TaggedError)
    assert (back.tag, back.__notes__, back.name) == ("mine", ["noted"], "atlantis")


class _TaggedError(UnknownDatasetError):
    tag: str


class _TaggedProblems(Problems):
    tag: str


@pytest.mark.parametrize("way", list(WAYS))
def test_a_list_of_problems_subclassed_by_a_caller_keeps_its_attributes(way: str) -> None:
    # (Problems, as the error, is rebuilt from its arguments: a subclass's attributes too)
    found = _TaggedProblems([Problem("persons.json", "is empty")], ["persons"], stopped_at=1)
    found.tag = "mine"
    back = WAYS[way](found)
    assert isinstance(back, _TaggedProblems)
    assert (back, back.unchecked, back.stopped_at, back.tag) == (found, ("persons",), 1, "mine")
    assert type(pickle.loads(pickle.dumps(Problems()))) is Problems


class _SlottedProblems(Problems):
    __slots__ = ("__secret", "never_set", "tag")
    tag: str


@pytest.mark.parametrize("way", list(WAYS))
def test_a_list_of_problems_subclassed_with_slots_keeps_them(way: str) -> None:
    # (slots have no __dict__: each set slot is kept, a private one by its stored name)
    found = _SlottedProblems([Problem("persons.json", "is empty")], stopped_at=1)
    found.tag = "mine"
    found._SlottedProblems__secret = 7  # type: ignore[attr-defined]
    back = WAYS[way](found)
    assert isinstance(back, _SlottedProblems)
    assert (back, back.stopped_at, back.tag) == (found, 1, "mine")
    assert back._SlottedProblems__secret == 7  # type: ignore[attr-defined]
    assert not hasattr(back, "never_set")


class _SlottedError(UnknownDatasetError):
    __slots__ = ("tag",)
    tag: str


@pytest.mark.parametrize("way", list(WAYS))
def test_an_error_subclassed_with_slots_keeps_them(way: str) -> None:
    error = _SlottedError("atlantis", ["kazakhstan"])
    error.tag = "mine"
    error.add_note("noted")
    back = WAYS[way](error)
    assert isinstance(back, _SlottedError)
    assert (back.tag, back.__notes__, back.name) == ("mine", ["noted"], "atlantis")


class _SlottedProblem(Problem):
    __slots__ = ("tag",)
    tag: str

    def __init__(self, location: str) -> None:  # (another signature than Problem's)
        super().__init__(location, "is empty", file=location)
        object.__setattr__(self, "tag", "mine")


@pytest.mark.parametrize("way", list(WAYS))
def test_a_problem_subclassed_by_a_caller_keeps_its_class_and_attributes(way: str) -> None:
    problem = _SlottedProblem("persons.json")
    back = WAYS[way](problem)
    assert type(back) is _SlottedProblem
    assert (back, back.file, back.tag) == (problem, "persons.json", "mine")
    assert type(WAYS[way](Problem("a", "b"))) is Problem
