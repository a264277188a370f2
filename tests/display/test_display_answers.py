"""The cards and reprs of a query's answers (``Figures``, ``Related``): headed by the name
of the record they are about, from the dataset that answered, even when empty; counts in
the right number."""

from __future__ import annotations

import pickle

import pytest

from rightsdata import Dataset, Event, Figures, Rating, Related, Relationship, Statement
from rightsdata.display import figures_html, related_html
from test_display import shown


@pytest.mark.parametrize(
    ("record_id", "name"),
    [("place:aktau", "Aktau"), ("org:alga", "Alga!"), ("place:astana", "Astana")],
)
def test_a_figures_card_is_headed_by_the_records_name_with_or_without_claims(
    ds: Dataset, record_id: str, name: str
) -> None:
    text = shown(ds.figures(record_id)._repr_html_())
    assert text.startswith(f"Figures {name} {record_id} · ")
    assert text.count(record_id) == 1


@pytest.mark.parametrize(
    ("record_id", "name"),
    [
        ("source:hrf-2012-12-14", "Kazakhstan: HRF calls on President Nazarbayev"),
        ("relationship:aarti-narsee-staff-of-civicus", "Aarti Narsee staff of CIVICUS"),
        ("place:aktau", "Aktau"),
    ],
)
def test_a_related_card_is_headed_by_the_records_name_even_when_nothing_names_it(
    ds: Dataset, record_id: str, name: str
) -> None:
    text = shown(ds.related(record_id)._repr_html_())
    assert text.startswith(f"Related {name}") and f" {record_id} · 0 relationships" in text
    assert text.count(record_id) == 1


def test_an_answer_knows_the_dataset_that_made_it_and_compares_without_it(ds: Dataset) -> None:
    empty = ds.figures("place:aktau")
    assert empty._dataset is ds and ds.related("place:aktau")._dataset is ds
    by_hand = Figures(record="place:aktau", measure=None, figures=())
    assert empty == by_hand and hash(empty) == hash(by_hand)
    assert repr(empty) == repr(by_hand)
    assert ds.related("org:alga") == Related("org:alga", *_parts(ds.related("org:alga")))


def _parts(
    related: Related,
) -> tuple[tuple[Relationship, ...], tuple[Event, ...], tuple[Statement, ...], tuple[Rating, ...]]:
    return (related.relationships, related.events, related.statements, related.ratings)


def test_an_answer_put_together_by_hand_is_not_headed_by_its_id() -> None:
    text = shown(figures_html(Figures(record="place:nowhere", measure=None, figures=())))
    assert text.startswith("Figures A place not found in a loaded dataset place:nowhere · ")
    text = shown(related_html(Related("person:nobody", (), (), (), ())))
    assert text.startswith("Related A person not found in a loaded dataset person:nobody · ")


def test_an_answer_pickles_without_its_dataset_and_is_named_from_one_alive(ds: Dataset) -> None:
    # (the pickle holds no dataset: test_cards_shared.py; here, its card in this process)
    again = pickle.loads(pickle.dumps(ds.figures("place:astana")))
    assert again == ds.figures("place:astana") and again._dataset is None
    assert "Astana" in shown(again._repr_html_())
    related = pickle.loads(pickle.dumps(ds.related("person:vladimir-kozlov")))
    assert "Related Vladimir Kozlov person:vladimir-kozlov" in shown(related._repr_html_())


def test_a_related_repr_counts_in_the_right_number(ds: Dataset) -> None:
    related = ds.related("org:alga")
    assert repr(related) == "<Related org:alga: 1 relationship, 1 event, 1 statement, 0 ratings>"
    assert "1 relationship, 1 event, 1 statement, 0 ratings" in shown(related._repr_html_())
