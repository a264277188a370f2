"""Every field of every record reaches both cards (HTML and text).

A field is shown either in its own way (the card names it in ``SHOWN``) or by the generic row
at the end of the card, so a field added to the model is never silently left off a card.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import testing
from rightsdata._display.cards import record_card
from rightsdata._display.words import SHOWN, other_fields, value_text
from rightsdata._model.records import RECORD_TYPES, Event
from rightsdata.textcard import text_card
from rightsdata.vocab import DateMeaning, EventStatus

#: Values a card shows by saying nothing, as it does for an empty field: an event that
#: happened, dated when it happened, is the plain case the status line is silent on.
SILENT = {("Event", "status"): EventStatus.OCCURRED, ("Event", "date_of"): DateMeaning.OCCURRENCE}
STRATEGIES = {cls.__name__: getattr(testing, kind) for kind, cls in RECORD_TYPES.items()}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_shown_names_real_fields(name: str) -> None:
    cls = next(c for c in RECORD_TYPES.values() if c.__name__ == name)
    fields = {f.name for f in attrs.fields(cls)}
    own = SHOWN[name] - {"id", "citations", "inferred", "figures", "identifiers"}
    assert own <= fields, own - fields


def test_every_record_class_is_in_shown() -> None:
    assert {cls.__name__ for cls in RECORD_TYPES.values()} == set(SHOWN)


def _without(record: Any, field: attrs.Attribute[Any]) -> Any | None:
    """``record`` with ``field`` emptied, or None where the model does not allow it (a
    required field, or a rule that ties it to another)."""
    if field.default is attrs.NOTHING:
        return None
    # (attrs' stubs declare Factory a function returning the value it makes: it is a class)
    default = field.default.factory() if isinstance(field.default, attrs.Factory) else field.default  # type: ignore[arg-type, union-attr]
    try:
        return attrs.evolve(record, **{field.name: default})
    except (ValueError, TypeError):
        return None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(SHOWN))
def test_each_shown_field_changes_both_cards(name: str, data: st.DataObject) -> None:
    """A field the cards claim to show does show: emptying it changes both cards."""
    record = data.draw(STRATEGIES[name]())
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name not in SHOWN[name] or value in (None, (), ""):
            continue
        if SILENT.get((name, field.name)) is value:
            continue
        emptied = _without(record, field)
        if emptied is None:
            continue
        assert record_card(record, None) != record_card(emptied, None), field.name
        assert text_card(record, None, width=80) != text_card(emptied, None, width=80), field.name
    assert other_fields(record) == []  # every field of the model has its own place


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _EventWithMore(Event):  # type: ignore[misc]  # (Event is final: for the test alone)
    """An event with a field the cards were not written for, as a new model field would be
    (a subclass only here: the record classes are final, docs/concepts.md)."""

    witness_count: int | None = None
    observed_by: tuple[str, ...] = ()


def test_a_field_the_cards_do_not_know_gets_a_generic_row() -> None:
    ds = rightsdata.load()
    base = ds.get("event:kozlov-verdict-2012-10-08")
    fields = {f.name: getattr(base, f.name) for f in attrs.fields(Event)}
    record = _EventWithMore(
        **fields, witness_count=1200, observed_by=("person:vladimir-kozlov", "org:civicus")
    )
    assert other_fields(record) == [
        ("witness count", 1200),
        ("observed by", ("person:vladimir-kozlov", "org:civicus")),
    ]
    text = text_card(record, ds, width=100)
    assert "witness count" in text and "1,200" in text
    assert "observed by" in text and "Vladimir Kozlov; CIVICUS" in text
    html = record_card(record, ds)
    assert "witness count" in html and "1,200" in html
    assert "Vladimir Kozlov; CIVICUS" in html
    # an empty unknown field adds no row
    assert other_fields(attrs.evolve(record, witness_count=None, observed_by=())) == []


def test_value_text_words() -> None:
    ds = rightsdata.load()
    name = lambda i: ds.get(i).label  # noqa: E731
    assert value_text(rightsdata.EDTF("2012-10-08"), name) == "8 October 2012 (2012-10-08)"
    assert value_text(True, name) == "yes"
    assert value_text(("person:vladimir-kozlov", "not an id"), name) == (
        "Vladimir Kozlov; not an id"
    )
    citation = ds.get("event:kozlov-verdict-2012-10-08", Event).citations[0]
    words = value_text(citation, name)
    assert words.startswith("source ") and "locator" in words
