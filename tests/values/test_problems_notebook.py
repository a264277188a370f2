"""A failed load's problems in a notebook: echoed, they show the first 50 and how many more
(as ``str(error)`` does), not every one; and each is a dict, so that a list of them is a
table (``pd.DataFrame([p._asdict() for p in error.problems])``)."""

from __future__ import annotations

import pickle

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem, Problems

pretty = pytest.importorskip("IPython.lib.pretty").pretty


def _failed(count: int) -> InvalidDataError:
    people = [{"id": f"person:p{n}", "name": f"P{n}"} for n in range(count)]
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents({"persons": people})
    return caught.value


def test_the_problems_of_an_error_echo_capped_as_its_message_is() -> None:
    error = _failed(5000)
    shown = pretty(error.problems)
    assert len(shown) < 10_000  # (all 5,000: 600,000 characters)
    assert shown.count("Problem(") == 50
    assert shown.startswith("(Problem(location='documents:persons[0] person:p0.citations'")
    assert shown.endswith("... and 4,950 more (of 5,000))")
    assert "... and 4,950 more (see .problems)" in str(error)
    # a tuple still, equal to one, and whole
    assert isinstance(error.problems, tuple) and len(error.problems) == 5000
    assert error.problems == tuple(error.problems)
    back = pickle.loads(pickle.dumps(error))
    assert back.problems == error.problems and pretty(back.problems) == shown


def test_a_few_problems_echo_as_their_repr() -> None:
    error = _failed(2)
    assert pretty(error.problems) == repr(error.problems).replace("), Problem(", "),\n Problem(")
    one = Problems([Problem("persons.json", "is empty")])
    assert pretty(one) == repr(one)
    assert pretty(Problems()) == "[]"


def test_validates_list_echoes_capped_with_what_was_unchecked() -> None:
    problems = Problems(list(_failed(60).problems), unchecked=["persons"])
    shown = pretty(problems)
    assert shown.startswith("Problems([Problem(") and shown.count("Problem(") == 50
    assert shown.endswith("... and 10 more (of 60)],\n         unchecked=('persons',))")


def test_a_stopped_list_echoes_its_stopped_at_as_its_repr_does() -> None:
    """A list cut at max_problems says so in a notebook too, not as a plain list."""
    problem = Problem("persons.json", "is empty")
    for stopped in (
        Problems([problem], stopped_at=1),
        Problems([problem], unchecked=["persons"], stopped_at=1),
    ):
        # (the same words; IPython breaks the line where it is long)
        assert pretty(stopped).split() == repr(stopped).split()
        assert repr(stopped).endswith(", stopped_at=1)")
    capped = Problems(list(_failed(60).problems), stopped_at=60)
    assert pretty(capped).endswith("... and 10 more (of 60)],\n         stopped_at=60)")


def test_a_problem_as_a_dict_is_a_row_of_validate_json() -> None:
    problem = _failed(1).problems[0]
    assert problem._asdict() == {
        "location": "documents:persons[0] person:p0.citations",
        "message": "required field is missing",
        "code": "missing",
        "file": "documents",
        "kind": "persons",
        "index": 0,
        "line": None,
        "record_id": "person:p0",
        "field": "citations",
        "missing_id": None,
        "redirects_to": None,
    }
    assert set(problem._asdict()) == set(Problem.__slots__)


def test_problems_as_a_data_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([p._asdict() for p in _failed(3).problems])
    assert list(frame["record_id"]) == ["person:p0", "person:p1", "person:p2"]
    assert frame.groupby("code").size().to_dict() == {"missing": 3}
