"""The examples of rightsdata.testing, the first thing a downstream author copies, turn
Hypothesis's ``too_slow`` health check off wherever they draw records or datasets: such draws
are large, and on a loaded machine (a CI runner with more workers than cores) the check
failed the module's own example (``@given(events())``) two runs in three."""

from __future__ import annotations

import doctest
import re

import pytest

from rightsdata import testing

#: The strategies that draw a record or a whole dataset (the large draws).
LARGE = {
    "sources", "persons", "organizations", "groups", "places", "laws", "events",
    "relationships", "statements", "ratings", "records", "datasets", "dataset_documents",
}  # fmt: skip


def _examples() -> list[tuple[str, str]]:
    """Each example of the module's docstring and its public functions' that applies
    ``@given``: where it is, and its source."""
    parser = doctest.DocTestParser()
    found = []
    for name in ["rightsdata.testing", *testing.__all__]:
        obj = testing if name == "rightsdata.testing" else getattr(testing, name)
        for example in parser.get_examples(obj.__doc__ or ""):
            if "@given(" in example.source:
                found.append((name, example.source))
    return found


def test_the_examples_are_found() -> None:
    names = {name for name, _ in _examples()}
    assert {"rightsdata.testing", "records", "events", "datasets"} <= names


@pytest.mark.parametrize(
    ("name", "source"), _examples(), ids=[f"{name}-{n}" for n, (name, _) in enumerate(_examples())]
)
def test_an_example_drawing_records_turns_the_too_slow_check_off(name: str, source: str) -> None:
    drawn = re.search(r"@given\((\w+)\(", source)
    assert drawn is not None
    if drawn[1] in LARGE:
        assert "suppress_health_check=[HealthCheck.too_slow]" in source, (name, source)
