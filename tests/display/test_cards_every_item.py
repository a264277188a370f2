"""A notebook card shows every item of every list (charges, figures, sources, what was
inferred; a dataset's sources) and a Figures card every claim, as the text card does: past
the first few, the rest are collapsed in a ``<details>``, never left out."""

from __future__ import annotations

import re
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._display.cards import LIST_LIMIT
from rightsdata._display.lists import TABLE_LIMIT
from rightsdata.display import dataset_html, figures_html, record_html
from rightsdata.textcard import text_card

N = 15  # more than LIST_LIMIT


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _documents(n: int) -> dict[str, Any]:
    cite = [{"source": "source:s0"}]
    charges = [{"provision": f"law:l{i}", "against": f"person:p{i}"} for i in range(n)]
    return {
        "sources": [
            {"id": f"source:s{i}", "title": f"Source {i}", "kind": "report", "language": "en"}
            for i in range(n)
        ],
        "persons": [
            {"id": f"person:p{i}", "name": f"Person {i}", "citations": cite} for i in range(n)
        ],
        "laws": [
            {
                "id": f"law:l{i}",
                "instrument": "Code",
                "jurisdiction": "KZ",
                "article": str(i),
                "citations": cite,
            }
            for i in range(n)
        ],
        "events": [
            {
                "id": "event:big",
                "kind": "trial",
                "title": "Big trial",
                "date": "2020",
                "participants": [{"actor": f"person:p{i}", "role": "defendant"} for i in range(n)],
                "charges": charges,
                "figures": [
                    {
                        "measure": "killed",
                        "unit": "people",
                        "best": 100 + i,
                        "qualifier": "exact",
                        "citations": [{"source": f"source:s{i}"}],
                    }
                    for i in range(n)
                ],
                "citations": [{"source": f"source:s{i}", "locator": f"p. {i}"} for i in range(n)],
                "inferred": [{"field": "date", "basis": f"Basis {i}"} for i in range(n)],
            }
        ],
    }


@pytest.fixture(scope="module")
def many() -> Dataset:
    return rightsdata.load_documents(_documents(N), name="many", version="0.1.0")


def test_a_record_card_shows_every_item_of_every_list(many: Dataset) -> None:
    assert N > LIST_LIMIT
    card = record_html(many.get("event:big"), many)
    text = _text(card)
    for i in range(N):
        assert f"Code, article {i} " in text or f"Code, article {i}<" in card  # charges
        assert f"{100 + i} people" in text  # figures
        assert f"p. {i}" in text  # citations, with their sources
        assert f"Basis {i}" in text  # inferred
    # the rest collapsed, said how many: one <details> for each long list
    assert card.count("<details>") == 4
    assert text.count(f"and {N - LIST_LIMIT} more") == 4
    assert f'<ol start="{LIST_LIMIT + 1}"' in card  # (the sources numbered on)
    # what the text card shows, the HTML card shows too
    whole = text_card(many.get("event:big"), many, width=200)
    for i in range(N):
        assert f"Basis {i}" in whole and f"Source {i}" in whole


def test_a_short_list_is_not_collapsed(many: Dataset) -> None:
    few = rightsdata.load_documents(_documents(LIST_LIMIT))
    card = record_html(few.get("event:big"), few)
    assert "<details>" not in card and "more" not in _text(card)


def test_a_dataset_card_shows_every_source(many: Dataset) -> None:
    text = _text(dataset_html(many))
    assert all(f"Source {i}" in text for i in range(N))


def test_a_figures_card_shows_every_claim() -> None:
    n = TABLE_LIMIT + 5
    ds = rightsdata.load_documents(_documents(n))
    card = figures_html(ds.figures("event:big"))
    text = _text(card)
    assert all(f"{100 + i} people" in text for i in range(n))
    assert "<details>" in card and f"and {n - TABLE_LIMIT} more" in text
