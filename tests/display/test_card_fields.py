"""Every field of every record and part reaches both cards (HTML and text).

A record's field is shown either in its own way (the card names it in ``SHOWN``) or by the
generic row at the end of the card; a part's (a charge's, a figure's...) in its renderer's
own way (``PART_SHOWN``) or in brackets after the part. So a field added to the model is
never silently left off a card, and needs no edit to the cards to be shown.
test_card_part_fields.py proves it of every field of the model, read from the model.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import testing
from rightsdata._display.cards import record_card
from rightsdata._display.words import PART_SHOWN, SHOWN, other_fields, part_more, value_text
from rightsdata._model.records import PARTS, RECORD_TYPES, Charge, Event, Participant
from rightsdata.textcard import text_card
from rightsdata.vocab import DateMeaning, EventStatus, RangeMeaning

#: Values a card shows by saying nothing, as it does for an empty field: an event that
#: happened, dated when it happened, is the plain case the status line is silent on; a
#: figure's range whose meaning is null is one uncertain number, as "uncertainty" says.
SILENT: dict[tuple[str, str], object] = {
    ("Event", "status"): EventStatus.OCCURRED,
    ("Event", "date_of"): DateMeaning.OCCURRENCE,
    ("Figure", "range_meaning"): RangeMeaning.UNCERTAINTY,
}
STRATEGIES = {cls.__name__: getattr(testing, kind) for kind, cls in RECORD_TYPES.items()}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_shown_names_real_fields(name: str) -> None:
    cls = next(c for c in RECORD_TYPES.values() if c.__name__ == name)
    fields = {f.name for f in attrs.fields(cls)}
    own = SHOWN[name] - {"id", "citations", "inferred", "figures", "identifiers"}
    assert own <= fields, own - fields


def test_every_record_class_is_in_shown() -> None:
    assert {cls.__name__ for cls in RECORD_TYPES.values()} == set(SHOWN)


def test_part_shown_names_every_part_and_real_fields() -> None:
    """PART_SHOWN names each part class and only fields it has (a field renamed in the
    model, still named here, would be shown nowhere)."""
    assert set(PART_SHOWN) == {cls.__name__ for cls in PARTS}
    for cls in PARTS:
        fields = {f.name for f in attrs.fields(cls)}
        assert PART_SHOWN[cls.__name__] <= fields, (cls.__name__, PART_SHOWN[cls.__name__] - fields)


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
    """A field the cards claim to show does show: emptying it changes both cards; and so
    does a field shown by the generic row."""
    record = data.draw(STRATEGIES[name]())
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value in (None, (), ""):
            continue
        if SILENT.get((name, field.name)) is value:
            continue
        emptied = _without(record, field)
        if emptied is None:
            continue
        assert record_card(record, None) != record_card(emptied, None), field.name
        assert text_card(record, None, width=80) != text_card(emptied, None, width=80), field.name


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


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ChargeWithNote(Charge):  # type: ignore[misc]  # (Charge is final: for the test alone)
    """A charge with a field the cards were not written for, as a new part field would be
    (the audit's case: a charge's ``note`` was on neither card)."""

    note: str | None = None
    filed_by: str | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ParticipantSince(Participant):  # type: ignore[misc]  # (Participant is final)
    since: rightsdata.EDTF | None = None


def test_a_part_field_the_cards_do_not_know_is_shown_after_the_part() -> None:
    ds = rightsdata.load()
    base = ds.get("event:kozlov-verdict-2012-10-08", Event)
    charge = base.charges[0]
    noted = _ChargeWithNote(
        provision=charge.provision,
        against=charge.against,
        note="reclassified on appeal",
        filed_by="org:alga",
    )
    first = base.participants[0]
    since = _ParticipantSince(actor=first.actor, role=first.role, since=rightsdata.EDTF("2011"))
    # (the model takes a Charge, not a subclass: set without its checks, for the cards alone)
    record = copy.copy(base)
    object.__setattr__(record, "charges", (noted, *base.charges[1:]))
    object.__setattr__(record, "participants", (since, *base.participants[1:]))
    assert other_fields(noted) == [("note", "reclassified on appeal"), ("filed by", "org:alga")]
    assert part_more(noted, lambda i: ds.get(i).label) == (
        "note reclassified on appeal; filed by Alga!"
    )
    text = text_card(record, ds, width=96)
    assert "(note reclassified on appeal; filed by Alga!)" in text
    assert "(since 2011 (2011))" in text
    html = record_card(record, ds)
    assert "note reclassified on appeal; filed by Alga!" in html
    assert "since 2011 (2011)" in html
    # an empty unknown field adds nothing
    assert part_more(attrs.evolve(noted, note=None, filed_by=None), str) == ""


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
