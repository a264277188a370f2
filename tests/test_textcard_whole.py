"""An ID or a web address in a text card is never cut across lines, at any width, so that a
copy of it works (``rightsdata show ID --width 40``)."""

from __future__ import annotations

import re

import pytest

import rightsdata
from rightsdata import Citation, Dataset, Person, Source
from rightsdata.textcard import MIN_WIDTH, text_card
from rightsdata.vocab import SourceKind

URL = "https://example.org/reports/2015/kazakhstan-jailed-opposition-leader-refused-parole"
ID_OR_URL = re.compile(r"(?:[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*|https?://\S+)")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return rightsdata.load()


@pytest.mark.parametrize("width", [MIN_WIDTH, 44, 60])
def test_every_id_a_card_names_is_whole_on_one_line(ds: Dataset, width: int) -> None:
    verdict = ds.get("event:kozlov-verdict-2012-10-08")
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
