"""``Dataset.get``'s second argument is a record class, not a default: ``ds.get(id, None)``,
a collection's ``get(id, default)`` carried over, is refused saying what gives a default,
rather than read as "any kind" (which raised UnknownIdError with no hint for an ID that is
not there, and returned the record for one that is)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

import rightsdata
from rightsdata import Event, Person

DATASET = rightsdata.load()


@pytest.mark.parametrize("record_id", ["person:nope", "person:vladimir-kozlov"])
def test_none_as_the_kind_is_a_type_error_pointing_to_the_collections_get(
    record_id: str,
) -> None:
    none: Any = None  # (as a notebook passes it, with no type checker)
    expected = f"`ds.persons.get({record_id!r}, None)`"
    calls: list[Callable[[], object]] = [
        lambda: DATASET.get(record_id, none),
        lambda: DATASET.get(record_id, kind=none),
    ]
    for call in calls:
        with pytest.raises(TypeError, match="is a record class") as caught:
            call()
        assert "ds.<kind>.get(id, default)" in str(caught.value)
        assert expected in str(caught.value)
    assert DATASET.persons.get("person:nope", None) is None


def test_an_id_of_no_kind_is_told_the_general_form() -> None:
    none: Any = None
    with pytest.raises(TypeError) as caught:
        DATASET.get("nope", none)
    assert str(caught.value).endswith("use `ds.<kind>.get(id, default)`")


def test_get_without_a_kind_and_with_one_still_work() -> None:
    assert DATASET.get("person:vladimir-kozlov").id == "person:vladimir-kozlov"
    assert DATASET.get("person:vladimir-kozlov", kind=Person).name == "Vladimir Kozlov"
    verdict = DATASET.get("event:kozlov-verdict-2012-10-08", Event)
    assert verdict is DATASET.events["event:kozlov-verdict-2012-10-08"]
    with pytest.raises(rightsdata.UnknownIdError):
        DATASET.get("person:nope")
    default = inspect.signature(rightsdata.Dataset.get).parameters["kind"].default
    assert repr(default) == "<any kind>"  # (what help() shows)
