"""An ID or a web address in a text card is never cut across lines, at any width, so that a
copy of it works (``rightsdata show ID --width 40``)."""

from __future__ import annotations

import re

import attrs
import pytest

import rightsdata
from rightsdata import Citation, Dataset, Person, Source
from rightsdata._values.columns import display_width
from rightsdata.textcard import MIN_WIDTH, _wrap_keeping, text_card
from rightsdata.vocab import SourceKind

URL = "https://example.org/reports/2015/kazakhstan-jailed-opposition-leader-refused-parole"
ID_OR_URL = re.compile(r"(?:[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*|https?://\S+)")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return rightsdata.load()


@pytest.mark.parametrize("width", [MIN_WIDTH, 44, 60])
def test_every_id_a_card_names_is_whole_on_one_line(ds: Dataset, width: int) -> None:
    verdict = ds.events["event:kozlov-verdict-2012-10-08"]
    cited = {c.source for c in verdict.citations}
    lines = text_card(verdict, ds, width=width).splitlines()
    whole = {m for line in lines for m in ID_OR_URL.findall(line)}
    assert cited <= whole
    assert "source:kozl" not in whole  # the reviewer's cut: source:kozl / ov-parole-refused-...
    for line in lines:  # a line longer than the width is one word alone: the ID
        assert len(line) <= width or " " not in line.strip(), line


def test_a_web_address_is_whole_on_one_line() -> None:
    source = Source(
        id="source:a", title="A report", kind=SourceKind.PRESS_RELEASE, language="en", url=URL
    )
    person = Person(id="person:a", name="Ann", citations=(Citation(source="source:a"),))
    small = Dataset({"sources": [source], "persons": [person]})
    for record in (source, person):
        lines = text_card(record, small, width=MIN_WIDTH).splitlines()
        assert any(URL in line for line in lines), lines


# Review 7b, F7: one ID or address in a paragraph turned off cutting for the whole of it, so a
# Chinese or Japanese summary holding one was a 208-column line on a 40-column card.
@pytest.mark.parametrize("tail", ["", " https://example.org/a", " 出典 source:hrf-2012-12-14"])
def test_only_the_id_or_address_is_kept_whole_not_its_paragraph(ds: Dataset, tail: str) -> None:
    event = ds.events["event:kozlov-detention-2012-01-26"]
    summary = "北京市の記者が拘束された。" * 8 + tail
    kinds = {
        kind: [attrs.evolve(r, summary=summary) if r is event else r for r in ds.collection(kind)]
        for kind in rightsdata.KINDS
    }
    changed = Dataset(kinds)
    lines = text_card(changed.get(event.id), changed, width=40).splitlines()
    assert max(display_width(line) for line in lines) <= 40, lines
    kept = tail.split()[-1] if tail else ""
    assert not kept or any(line.strip() == kept or kept in line.split() for line in lines)
    # and its text is all there, in order, cut only between characters
    assert "北京市の記者が拘束された。" * 8 in "".join(line.strip() for line in lines)


def test_a_long_word_beside_an_id_is_cut_and_the_id_is_not() -> None:
    lines = _wrap_keeping("x" * 30 + " source:a-very-long-source-identifier-here end", 20, "- ")
    assert lines == [
        "- xxxxxxxxxxxxxxxxxx",
        "  xxxxxxxxxxxx",
        "  source:a-very-long-source-identifier-here",
        "  end",
    ]
