"""A figure's qualifier is held to its numbers (review 8, finding 11): ``exact`` states best
alone, "more than 3" is not 3 (refused), and a qualifier that gives one bound states no best
(``--strict``); what is neither is loaded as before."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Problem, ProblemCode

from conftest import CITE, event_doc, person_doc, source_doc

MakeFolder = Callable[[Mapping[str, Any]], Path]


def _figure(qualifier: str, **numbers: Any) -> dict[str, Any]:
    return {
        "measure": "killed",
        "unit": "people",
        "qualifier": qualifier,
        **numbers,
        "citations": [CITE],
    }


def _found(make_folder: MakeFolder, *figures: dict[str, Any], strict: bool) -> list[Problem]:
    files = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "events.json": [event_doc(figures=list(figures))],
    }
    return list(rightsdata.validate(make_folder(files), strict=strict))


def _said(problems: list[Problem]) -> list[tuple[str | None, str, str]]:
    return [(p.field, p.code, p.message) for p in problems]


@pytest.mark.parametrize(
    ("numbers", "where", "remove"),
    [
        ({"low": 1, "best": 3, "high": 9}, "low", "low and high"),  # (review 8's v9)
        ({"best": 3, "high": 9}, "high", "high"),
        ({"low": 1, "best": 3, "high": 3, "range_meaning": "uncertainty"}, "low", "low and high"),
    ],
)
def test_an_exact_figure_states_best_alone(
    make_folder: MakeFolder, numbers: dict[str, Any], where: str, remove: str
) -> None:
    problems = _found(make_folder, _figure("exact", **numbers), strict=False)
    message = (
        f"qualifier 'exact' states one number, best: remove {remove} (or, if they are the "
        "least and the most of the values counted, say range_meaning 'spread')"
    )
    assert _said(problems) == [(f"figures[0].{where}", ProblemCode.RULE, message)]


def test_an_exact_figure_may_give_the_spread_of_the_values_counted(
    make_folder: MakeFolder,
) -> None:
    spread = _figure("exact", low=1, best=3, high=9, range_meaning="spread")
    assert _found(make_folder, spread, strict=True) == []


_NOT_THE_BOUND = "'{} 3' is not 3: remove best (the number stated is {})"


@pytest.mark.parametrize(
    ("qualifier", "numbers", "message"),
    [
        ("more_than", {"low": 3, "best": 3}, _NOT_THE_BOUND.format("more than", "low")),
        ("less_than", {"best": 3, "high": 3}, _NOT_THE_BOUND.format("less than", "high")),
    ],
)
def test_more_than_a_number_is_not_that_number(
    make_folder: MakeFolder, qualifier: str, numbers: dict[str, Any], message: str
) -> None:
    problems = _found(make_folder, _figure(qualifier, **numbers), strict=False)
    assert _said(problems) == [("figures[0].best", ProblemCode.RULE, message)]


def test_a_missing_bound_is_told_where_the_number_is(make_folder: MakeFolder) -> None:
    # (the advice was "needs low", after which a user added low and kept best)
    problems = _found(make_folder, _figure("at_least", best=3), strict=False)
    message = "qualifier 'at_least' needs low ('at least 3' is low: 3): move 3 from best to low"
    assert _said(problems) == [("figures[0].low", ProblemCode.RULE, message)]


def test_a_best_beside_one_bound_is_flagged_under_strict(make_folder: MakeFolder) -> None:
    figures = [
        _figure("at_least", low=3, best=3),  # (review 8's v9)
        _figure("at_most", best=20, high=30),
        _figure("more_than", low=15, best=20),
    ]
    assert _found(make_folder, *figures, strict=False) == []
    assert _said(_found(make_folder, *figures, strict=True)) == [
        (
            "figures[0].best",
            ProblemCode.STRICT,
            "best repeats low: 'at least 3' is low: 3 alone; remove best",
        ),
        (
            "figures[1].best",
            ProblemCode.STRICT,
            "qualifier 'at_most' gives one bound, high (30); best (20) is a number its words "
            "do not give: remove best, or, if the source gives it too, make it a figure of its "
            "own (qualifier 'about')",
        ),
        (
            "figures[2].best",
            ProblemCode.STRICT,
            "qualifier 'more_than' gives one bound, low (15); best (20) is a number its words "
            "do not give: remove best, or, if the source gives it too, make it a figure of its "
            "own (qualifier 'about')",
        ),
    ]


def test_what_the_words_allow_passes_strict(make_folder: MakeFolder) -> None:
    figures = [
        _figure("at_least", low=15, high=30),  # at least 15, perhaps up to 30
        _figure("between", low=10, best=15, high=20),  # a range, and a point within it
        _figure("about", low=150, best=200, high=250),  # about 200, give or take 50
        _figure("exact", best=3),
    ]
    assert _found(make_folder, *figures, strict=True) == []
