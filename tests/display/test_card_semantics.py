"""A card says what it is to a screen reader: its title is a heading (level 3), its sections'
headings are headings under it (level 4), and each field's value is read with the field's
name (a description list: each ``<dt>`` followed by its ``<dd>``)."""

from __future__ import annotations

import html.parser

import pytest

import rightsdata
from rightsdata import KINDS, Dataset, KindName


class _Structure(html.parser.HTMLParser):
    """The headings of a card (level, text) and the sequence of its description lists'
    children."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.terms: list[str] = []  # "dt" and "dd" in order, each list closed by "/dl"
        self._open: list[int | None] = []  # the level of each open element that is a heading
        self._text: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        level = int(found["aria-level"] or 0) if found.get("role") == "heading" else None
        if tag == "br":
            return
        self._open.append(level)
        if level is not None:
            self._text.append([])
        if tag in ("dt", "dd"):
            self.terms.append(tag)

    def handle_endtag(self, tag: str) -> None:
        level = self._open.pop()
        if level is not None:
            self.headings.append((level, "".join(self._text.pop()).strip()))
        if tag == "dl":
            self.terms.append("/dl")

    def handle_data(self, data: str) -> None:
        for text in self._text:
            text.append(data)


def structure(card: str) -> _Structure:
    found = _Structure()
    found.feed(card)
    found.close()
    return found


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return rightsdata.load()


@pytest.mark.parametrize("kind", KINDS)
def test_each_records_card_has_its_title_as_a_heading_and_its_fields_named(
    ds: Dataset, kind: KindName
) -> None:
    for record in ds.collection(kind):
        found = structure(record._repr_html_())
        titles = [text for level, text in found.headings if level == 3]
        assert len(titles) == 1 and titles[0], record.id
        assert {level for level, _ in found.headings} <= {3, 4}, record.id
        lists = " ".join(found.terms).split("/dl")
        assert lists[-1] == "", (record.id, found.terms)  # each list closed
        for listed in lists[:-1]:
            names = listed.split()
            assert names and names == ["dt", "dd"] * (len(names) // 2), (record.id, names)
    fields = [structure(r._repr_html_()).terms for r in ds.collection(kind)]
    assert any(fields)  # (a card with no field to show has no list)


def test_the_dataset_card_and_an_answers_card_have_a_title_heading(ds: Dataset) -> None:
    dataset_headings = structure(ds._repr_html_()).headings
    assert dataset_headings[0][0] == 3 and dataset_headings[0][1]
    related = structure(ds.related("person:vladimir-kozlov")._repr_html_()).headings
    assert [level for level, _ in related][:1] == [3]
    assert related[0][1] == "Vladimir Kozlov"


def test_a_cards_sections_are_headings_under_its_title(ds: Dataset) -> None:
    """A card with a section (an event's figures, or its citations) heads it at level 4."""
    found = structure(ds.get("event:kozlov-verdict-2012-10-08")._repr_html_())
    assert found.headings[0][0] == 3
    assert any(level == 4 for level, _ in found.headings[1:]), found.headings
