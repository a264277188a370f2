"""Line feeds and tabs (valid in every text field) shown by one rule in every display: a
prose field (summary, quote, note, basis) keeps its paragraphs; a one-line field (name,
title, alias, locator, as_given) never breaks a line where it stands for a line."""

from __future__ import annotations

import re

import matplotlib
import pytest

from rightsdata import (
    EDTF,
    Alias,
    Citation,
    Dataset,
    Event,
    Figure,
    Inference,
    Participant,
    Person,
    Source,
)
from rightsdata.display import record_html
from rightsdata.textcard import text_card
from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure, Role, SourceKind

matplotlib.use("Agg")

PROSE = "Para one.\n\nPara two.\n\tIndented."


@pytest.fixture(scope="module")
def ds() -> Dataset:
    cite = Citation(
        source="source:a", locator="page\n4", quote="Line one.\nLine two.\n\n- item\n- item2"
    )
    source = Source(
        id="source:a",
        title="A report\nin two lines",
        kind=SourceKind.PRESS_RELEASE,
        language="en",
        note=PROSE,
    )
    person = Person(
        id="person:a",
        name="Ann\nSmith",
        aliases=(Alias(name="Annie\tS."),),
        summary=PROSE,
        citations=(cite,),
        inferred=(Inference(field="name", basis="Said so.\nTwice."),),
    )
    events = [
        Event(
            id=f"event:e{i}",
            kind=EventKind.ARREST,
            title=title,
            date=EDTF(f"2012-0{i + 1}-01"),
            participants=(Participant(actor="person:a", role=Role.VICTIM),),
            figures=(
                Figure(
                    measure=Measure.DETAINED,
                    unit=FigureUnit.PEOPLE,
                    best=3,
                    qualifier=FigureQualifier.EXACT,
                    as_given="three\npeople",
                    citations=(cite,),
                ),
            ),
            citations=(cite,),
        )
        for i, title in enumerate(["First line\nsecond line", "Tab\tseparated\ttitle"])
    ]
    return Dataset({"sources": [source], "persons": [person], "events": events})


def test_the_text_card_keeps_prose_paragraphs_and_one_line_fields_whole(ds: Dataset) -> None:
    card = text_card(ds.get("person:a"), ds, width=80)
    lines = card.splitlines()
    assert lines[0] == "Ann Smith"
    assert lines[2:7] == ["", "Para one.", "", "Para two.", "Indented."]
    assert "aliases  Annie S.\n" in card
    assert "     page 4 · source:a" in card
    assert "     “Line one.\n     Line two.\n\n     - item\n     - item2”" in card
    assert "  - name: Said so.\n    Twice." in card
    assert "\t" not in card and "  Para" not in card
    event = text_card(ds.get("event:e0"), ds, width=80)
    assert event.startswith("First line second line\n")
    assert "participants  Ann Smith (victim)\n" in event
    assert "“three people”" in event
    assert text_card(ds.get("event:e1"), ds, width=80).startswith("Tab separated title\n")
    assert text_card(ds.get("source:a"), ds, width=80).startswith(
        "A report in two lines\nSource · press release · source:a\n\nPara one.\n\nPara two.\n"
    )


def test_the_html_card_keeps_prose_paragraphs_and_one_line_fields_whole(ds: Dataset) -> None:
    card = record_html(ds.get("person:a"), ds)
    assert re.search(r'<div dir="auto" style="[^"]*white-space:pre-line">Para one\.\n\nPara', card)
    assert '<bdi style="white-space:pre-line">Line one.\nLine two.' in card  # the quote
    assert '<bdi style="white-space:pre-line">Said so.\nTwice.</bdi>' in card  # the basis
    assert ">Ann Smith</div>" in card and "<bdi>Annie S.</bdi>" in card
    assert "<bdi>page 4</bdi>" in card
    event = record_html(ds.get("event:e0"), ds)
    assert ">First line second line</div>" in event
    assert "<bdi>Ann Smith</bdi>" in event and "Ann\nSmith" not in event
    assert "<bdi>three people</bdi>" in event


def test_the_plot_heading_and_labels_are_one_line(ds: Dataset) -> None:
    import matplotlib.pyplot

    ax = ds.plot_timeline("person:a")
    try:
        assert ax.get_title(loc="left") == "Ann Smith — 2 events"
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == ["First line second line", "Tab separated title"]
    finally:
        matplotlib.pyplot.close("all")


# Review 7b, F8: a quote's or a basis's paragraphs in the text card lost their blank line and
# took a list item's indent (2 more than the value column); the summary's did not.
def test_every_prose_field_of_the_text_card_keeps_its_paragraphs_at_its_column() -> None:
    import attrs

    import rightsdata

    bundled = rightsdata.load()
    statement = bundled.statements[0]
    event = next(e for e in bundled.events if e.inferred)

    def changed(record: rightsdata.Record) -> rightsdata.Record:
        if record is statement:
            return attrs.evolve(record, quote="Para one.\n\nPara two.")
        if record is event:
            basis = attrs.evolve(record.inferred[0], basis="B1\n\nB2")
            return attrs.evolve(record, inferred=(basis, *record.inferred[1:]))
        return record

    kinds = {k: [changed(r) for r in bundled.collection(k)] for k in rightsdata.KINDS}
    mine = Dataset(kinds)
    card = text_card(mine.get(statement.id), mine, width=60)
    assert "\nquote       “Para one.\n\n            Para two.”\n" in card
    field = event.inferred[0].field
    assert f"\n  - {field}: B1\n\n    B2" in text_card(mine.get(event.id), mine, width=60)
