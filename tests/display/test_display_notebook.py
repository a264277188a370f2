"""What a notebook shows of a collection, a search and the claims behind a number: the count
of rows left out said once and right, where in a source each number is written, a search cut
by its limit said so, both cards saying the same things, and long words kept in the card."""

from __future__ import annotations

import re

import attrs
import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._display.cards import _CARD
from rightsdata._display.lists import TABLE_LIMIT
from rightsdata.vocab import Confidence
from test_display import shown


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return rightsdata.load()


def test_a_long_table_says_once_how_many_rows_it_leaves_out(ds: Dataset) -> None:
    """20 rows, then 'and 110 more' after them: the note was counted as a 21st row, and a
    collapsed 'and 1 more' hid it."""
    for collection in (ds.events, ds.persons, ds.statements):
        said = re.findall(r"\band ([\d,]+) more\b", shown(collection._repr_html_()))
        assert said == [f"{len(collection) - TABLE_LIMIT:,}"], (collection, said)
    related = ds.related("place:kazakhstan")
    for found in (related.events, related.statements):
        if len(found) > TABLE_LIMIT:
            assert f"and {len(found) - TABLE_LIMIT:,} more" in shown(related._repr_html_())
    assert "and 1 more" not in shown(related._repr_html_())


def test_each_claims_citation_shows_where_in_the_source_it_is(ds: Dataset) -> None:
    """Beside a number, the locator is shown whole (the title cut where the line is short):
    two citations of one source differ there, as on Bloody January's 'injured'."""
    figures = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    text = shown(figures._repr_html_())
    for figure in figures:
        for citation in figure.citations:
            assert citation.locator is not None and citation.locator in text, citation
    injured = ds.figures("event:bloody-january-2022", measure="injured")
    text = shown(injured._repr_html_())
    (claim,) = injured
    locators = [c.locator for c in claim.citations]
    assert len(set(locators)) == 2 and all(loc and loc in text for loc in locators)


def test_a_claims_citation_keeps_its_quote_confidence_and_fields_in_both_cards(
    ds: Dataset,
) -> None:
    event = ds.events["event:zhanaozen-massacre-2011"]
    figure = event.figures[0]
    citation = attrs.evolve(
        figure.citations[0], quote="QUOTE-XYZ", confidence=Confidence.LOW, fields=("best",)
    )
    changed = attrs.evolve(
        event, figures=(attrs.evolve(figure, citations=(citation,)), *event.figures[1:])
    )
    records = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    records["events"] = [changed if e.id == event.id else e for e in records["events"]]
    mine = Dataset(records, name="mine")
    for said in (
        shown(mine.card(event.id)._repr_html_()),
        " ".join(str(mine.card(event.id)).split()),
        shown(mine.figures(event.id)._repr_html_()),
    ):
        assert "QUOTE-XYZ" in said and "confidence low" in said and "for best" in said


def test_a_search_cut_by_its_limit_says_so_in_a_notebook(ds: Dataset) -> None:
    found = ds.search("kozlov", limit=3)
    assert found.truncated
    assert "3 records; more match than limit=3 let through" in shown(found._repr_html_())
    everything = ds.search("kozlov", limit=None)
    assert "more match" not in shown(everything._repr_html_())


def test_both_cards_say_what_cites_a_source_and_when_an_actor_acted(ds: Dataset) -> None:
    source = "source:hrf-2012-12-14"
    cited = len(ds.cited_by(source))
    assert f"cited by {cited} records" in shown(ds.card(source)._repr_html_())
    assert f"cited by {cited} records" in " ".join(str(ds.card(source)).split())
    text = " ".join(str(ds.card("org:civicus")).split())
    html = shown(ds.card("org:civicus")._repr_html_())
    years = re.search(r"\((\d{4} to \d{4})\)", html)
    assert years is not None and f"events 4 events ({years.group(1)})" in text


def test_a_long_word_wraps_inside_the_card(ds: Dataset) -> None:
    """A word longer than the card (a long address) breaks inside it rather than running
    past its edge: the card's style says so, and every card has that style."""
    assert "overflow-wrap:anywhere" in _CARD
    for card in (ds.card("source:hrf-2012-12-14"), ds.card("event:zhanaozen-massacre-2011")):
        assert _CARD in card._repr_html_()
