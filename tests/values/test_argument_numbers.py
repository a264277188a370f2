"""A wrong argument that is a huge integer is told by its count of digits, as the loader
tells one in the data: Python refuses to write an integer of more than 4,300 digits, so a
check that formatted it with ``repr`` or an f-string said Python's "Exceeds the limit (4300
digits) for integer string conversion; use sys.set_int_max_str_digits()" instead of what was
wrong with the argument (review 11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import rightsdata
from rightsdata import schema, testing
from rightsdata._values.format import schema_format
from rightsdata.textcard import text_card, wrap

HUGE = 10**5000


def _said(action: Callable[[], object]) -> str:
    with pytest.raises((TypeError, ValueError)) as caught:
        action()
    message = str(caught.value)
    assert "4300" not in message and "set_int_max_str_digits" not in message, message
    return message


def test_a_search_limit_of_thousands_of_digits_is_told_by_its_count() -> None:
    ds = rightsdata.load()
    assert _said(lambda: ds.search("x", limit=-HUGE)) == (
        "search: the limit must be a whole number above 0 (or None for every match), not a "
        "negative number of 5,001 digits"
    )
    assert _said(lambda: ds.search("x", limit=-5)).endswith("not -5")  # a short one written


@pytest.mark.parametrize("read", [rightsdata.load_path, rightsdata.validate])
def test_a_max_bytes_of_thousands_of_digits_is_told_by_its_count(
    tmp_path: Path, read: Callable[..., object]
) -> None:
    said = _said(lambda: read(tmp_path, max_bytes=-HUGE))
    assert said.endswith("got a negative number of 5,001 digits")
    assert said.startswith("max_bytes is the size of the largest file to read")


def test_other_arguments_of_thousands_of_digits_are_told_by_their_count() -> None:
    ds = rightsdata.load()
    record = ds.events[0]
    told = "number of 5,001 digits"
    cases: list[Callable[[], object]] = [
        lambda: rightsdata.load(version=HUGE),  # type: ignore[arg-type]
        lambda: rightsdata.parse_duration(HUGE),  # type: ignore[arg-type]
        lambda: rightsdata.chronological_key(HUGE),  # type: ignore[arg-type]
        lambda: rightsdata.Dataset({}, name=HUGE),  # type: ignore[arg-type]
        lambda: ds.get(record.id, HUGE),  # type: ignore[call-overload]
        lambda: schema_format(HUGE),
        lambda: schema.schema_problems("events", {}, HUGE),  # type: ignore[arg-type]
        lambda: text_card(HUGE),  # type: ignore[arg-type]
        lambda: wrap("x", -HUGE),  # (a negative number of 5,001 digits)
        lambda: text_card(record, HUGE),  # type: ignore[arg-type]
        lambda: testing.events(format=HUGE),  # type: ignore[arg-type]
        lambda: testing.datasets(max_per_kind=-HUGE),
        lambda: testing.citations(HUGE),  # type: ignore[arg-type]
        lambda: rightsdata.load(HUGE),  # type: ignore[arg-type]
    ]
    for case in cases:
        said = _said(case)
        assert told in said, said
    # the call the message advises only with a number that is written out
    assert "width=..." in _said(lambda: text_card(record, HUGE))  # type: ignore[arg-type]
    assert "`text_card(record, width=80)`" in _said(lambda: text_card(record, 80))  # type: ignore[arg-type]
