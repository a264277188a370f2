"""The cards and reprs of a query's answers (``Figures``, ``Related``): headed by the name
of the record they are about, from the dataset that answered, even when empty; counts in
the right number."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset, Event, Figures, Rating, Related, Relationship, Statement
from rightsdata.display import figures_html, related_html
from rightsdata.textcard import text_card
from test_display import shown


@pytest.mark.parametrize(
    ("record_id", "kicker", "name"),
    [
        ("place:aktau", "Figures", "Aktau"),
        ("org:alga", "Figures", "Alga!"),
        # (no measure asked: the one every claim counts, which the line under it does not say)
        ("place:astana", "Figures · distance", "Astana"),
    ],
)
def test_a_figures_card_is_headed_by_the_records_name_with_or_without_claims(
    ds: Dataset, record_id: str, kicker: str, name: str
) -> None:
    text = shown(ds.figures(record_id)._repr_html_())
    assert text.startswith(f"{kicker} {name} {record_id} · ")
    assert text.count(record_id) == 1


def test_claims_asked_for_with_no_measure_say_the_one_they_all_count(ds: Dataset) -> None:
    assert repr(ds.figures("place:astana")) == (
        "<Figures place:astana distance: 1 claim, about 2,600 kilometres (distance from Zhanaozen)>"
    )
    several = ds.figures("event:zhanaozen-massacre-2011")  # (killed and injured: each says)
    assert repr(several) == "<Figures event:zhanaozen-massacre-2011: 4 claims, disagree>"
    assert "Figures · " not in shown(several._repr_html_())
    assert "injured" in shown(several._repr_html_())


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


def _asserters_dataset() -> Dataset:
    """An event whose figures are asserted by one, jointly, by no one named, relayed or not."""
    cite = [{"source": "source:s"}]

    def figure(best: int, **who: Any) -> dict[str, Any]:
        claim = {"measure": "killed", "unit": "people", "best": best, "qualifier": "exact"}
        return {**claim, "citations": cite, **who}

    return rightsdata.load_documents(
        {
            "sources": [{"id": "source:s", "title": "Report", "kind": "report", "language": "en"}],
            "organizations": [
                {"id": f"org:{x}", "name": f"Org {x.upper()}", "kind": "ngo", "citations": cite}
                for x in "abc"
            ],
            "events": [
                {
                    "id": "event:e",
                    "kind": "protest",
                    "title": "A protest",
                    "date": "2020",
                    "figures": [
                        figure(10, relayed_by=["org:c"]),
                        figure(20, asserted_by="org:a", joined_by=["org:b"], relayed_by=["org:c"]),
                        figure(30, asserted_by="org:a", relayed_by=["org:b", "org:c"]),
                        figure(40, asserted_by="org:a"),
                        figure(50),
                    ],
                    "citations": cite,
                }
            ],
        }
    )


_WHO = {  # each figure's asserters, as the Figures card (its "asserted by" column) says them
    10: "unattributed, relayed by Org C",
    20: "Org A jointly with Org B, relayed by Org C",
    30: "Org A, relayed by Org B, Org C",
    40: "Org A",
    50: "unattributed",
}


def test_every_display_of_a_figure_says_who_joined_and_relayed_it_asserted_by_or_not() -> None:
    # a figure relayed with no one named as asserting it kept its relayer out of the Figures
    # card (the record's cards said it): each display says all of who, whatever is unset
    ds = _asserters_dataset()
    table = shown(ds.figures("event:e")._repr_html_())
    card = shown(ds.get("event:e")._repr_html_())
    text = " ".join(text_card(ds.get("event:e"), ds, width=200).split())
    for best, who in _WHO.items():
        assert f"{best} people {who} Report" in table, who
        said = who if who.startswith("unattributed") else f"according to {who}"
        assert f"{best} people {said} — Report" in card, said
        assert f"{best} people {said}: Report" in text, said
    # the bundled claim relayed by CIVICUS, asserted by no one it names
    kashmir = rightsdata.load().figures("event:kashmir-restrictions-2019", measure="arrested")
    assert "unattributed, relayed by CIVICUS" in shown(kashmir._repr_html_())
