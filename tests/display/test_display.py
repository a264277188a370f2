"""How records and datasets show themselves: short reprs, HTML cards, names from the dataset
that holds the very record, escaping, and the wording of dates, durations and figures."""

from __future__ import annotations

import gc
import html.parser
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import EDTF, Dataset, Event, KindName, Person
from rightsdata._display.display import (
    REPR_WIDTH,
    dataset_html,
    dataset_of,
    record_html,
    record_repr,
    register,
)
from rightsdata._display.words import (
    describe_date,
    duration_text,
    figure_text,
    figures_summary,
    short_date,
    status_note,
)
from rightsdata._model.records import KINDS, Citation, Figure, Record
from rightsdata._validation.convert import structure
from rightsdata._values.durations import parse_duration
from rightsdata.vocab import FigureQualifier, FigureUnit, Measure, RangeMeaning

from conftest import CITE, event_doc, person_doc, source_doc

VERDICT = "event:kozlov-verdict-2012-10-08"
KOZLOV = "person:vladimir-kozlov"
SCRIPT = "<script>alert('x')</script>"


class _Page(html.parser.HTMLParser):
    """What a card shows (its text), and whether its tags are balanced."""

    VOID = frozenset({"br"})
    # they break the line (or part cells): a space here
    BLOCK = frozenset({"div", "dl", "dt", "dd", "li", "ol", "ul", "br", "table", "tr", "td", "th"})

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.open: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.BLOCK:
            self.text.append(" ")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()
        if tag in self.BLOCK:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shown(card: str) -> str:
    """The text a reader sees in a card (tags and attributes left out), whitespace folded."""
    page = _Page()
    page.feed(card)
    page.close()
    assert not page.open, f"unclosed tags: {page.open}"
    return re.sub(r"\s+", " ", "".join(page.text)).strip()


def small_dataset(name: str = "Alice") -> Dataset:
    """A person, a source and an event, built by hand."""
    records: dict[str, list[Record]] = {
        "sources": [structure("sources", source_doc())],
        "persons": [structure("persons", person_doc(name=name))],
        "events": [structure("events", event_doc())],
    }
    return Dataset(records, name="small")


# --- repr -----------------------------------------------------------------------------------


def test_reprs_name_the_record(ds: Dataset) -> None:
    assert repr(ds.get(KOZLOV)) == "<Person person:vladimir-kozlov 'Vladimir Kozlov'>"
    assert repr(ds.get(VERDICT)) == (
        "<Event event:kozlov-verdict-2012-10-08 2012-10-08 verdict: "
        "'Vladimir Kozlov convicted and sentenc…'>"
    )
    assert repr(ds.get("place:almaty")) == "<Place place:almaty city 'Almaty'>"
    assert repr(ds.get("law:kz-cc-1997-164")) == (
        "<Law law:kz-cc-1997-164 art. 164 'Criminal Code of the Republic of Kazakhstan (1997)'>"
    )
    assert repr(ds.get("rating:civicus-kazakhstan-2019-watchlist")) == (
        "<Rating rating:civicus-kazakhstan-2019-watchlist [2019-09..2019-10] obstructed "
        "place:kazakhstan>"
    )
    assert repr(ds.get("source:hrf-2012-12-14")).startswith(
        "<Source source:hrf-2012-12-14 2012-12-14 'Kazakhstan: HRF calls"
    )
    # an undated event the sources report as having happened (a status would be named too)
    undated = next(e for e in ds.events if e.date is None and e.status is None)
    assert f"<Event {undated.id} undated {undated.kind.value}" in repr(undated)


@pytest.mark.parametrize("kind", KINDS)
def test_every_repr_is_short_and_starts_with_class_and_id(ds: Dataset, kind: KindName) -> None:
    for record in ds.collection(kind):
        text = repr(record)
        assert text.startswith(f"<{type(record).__name__} {record.id}") and text.endswith(">")
        assert "\n" not in text
        # within the width, unless the ID with the fixed parts is already longer (a rating's
        # country is one of them)
        fixed = len(type(record).__name__) + len(record.id) + 40
        if isinstance(record, rightsdata.Rating):
            fixed += len(record.country)
        if isinstance(record, Event):  # (what its date is of and its status: always shown)
            fixed += len(status_note(record) or "")
        assert len(text) <= max(REPR_WIDTH, fixed), text


def test_repr_cuts_a_long_title_and_drops_it_when_the_id_leaves_no_room(ds: Dataset) -> None:
    verdict = ds.get(VERDICT)
    assert isinstance(verdict, Event)
    long_title = attrs.evolve(verdict, title="x" * 300)
    text = repr(long_title)
    assert len(text) == REPR_WIDTH and text.endswith("…'>")
    long_id = attrs.evolve(verdict, id="event:" + "a" * 80)
    assert repr(long_id) == f"<Event event:{'a' * 80} 2012-10-08 verdict>"


def test_a_ratings_repr_keeps_its_country_whatever_the_length_of_its_id(ds: Dataset) -> None:
    # the country was an optional part, dropped when a long ID left no room: in one list of
    # Kazakhstan's ratings, one repr named the country and the next did not
    kazakhstan = ds.ratings(country="KZ")
    assert all(repr(r).endswith(" place:kazakhstan>") for r in kazakhstan)
    assert repr(ds.get("rating:civicus-kazakhstan-2022-zhovtis-interview")) == (
        "<Rating rating:civicus-kazakhstan-2022-zhovtis-interview [2022-01..2022-08] "
        "obstructed place:kazakhstan>"
    )
    rating = ds.get("rating:civicus-kazakhstan-2022-downgrade")
    long_id = attrs.evolve(rating, id="rating:" + "r" * 90)
    assert repr(long_id) == f"<Rating rating:{'r' * 90} 2022 repressed place:kazakhstan>"


def test_repr_keeps_within_the_width_when_escapes_leave_no_room() -> None:
    # repr() escapes invisible characters ('\u200b', 6 columns each): cut to its shortest
    # useful piece, the name was still too long, and was kept: 104 columns
    name = "\u200b".join("abcdefghijklmnopqrstuvwxyz")
    group = structure(
        "groups",
        {"id": "group:" + "p" * 39, "name": name, "kind": "protesters", "citations": [CITE]},
    )
    assert len(repr(group)) <= REPR_WIDTH
    assert repr(group) == f"<Group group:{'p' * 39} protesters>"
    roomier = attrs.evolve(group, id="group:" + "p" * 30)
    assert repr(roomier).endswith(" protesters 'a\\u200bb\\u200bc\\u200bd\\u200be\\u200bf…'>")


def test_repr_quotes_a_name_with_quotes_unambiguously() -> None:
    person = structure("persons", person_doc(name='O\'Brien "Ed"'))
    assert record_repr(person) == "<Person person:a 'O\\'Brien \"Ed\"'>"


def test_nested_parts_keep_attrs_repr(ds: Dataset) -> None:
    verdict = ds.get(VERDICT)
    assert isinstance(verdict, Event)
    assert repr(verdict.participants[0]) == (
        "Participant(actor='person:vladimir-kozlov', role=<Role.DEFENDANT: 'defendant'>)"
    )


# --- which dataset holds a record -------------------------------------------------------------


def test_dataset_of_is_by_identity(ds: Dataset) -> None:
    kozlov = ds.get(KOZLOV)
    assert dataset_of(kozlov) is ds
    assert dataset_of(attrs.evolve(kozlov)) is None  # equal, but not in any dataset


def test_registered_datasets_are_found_and_held_weakly() -> None:
    small = small_dataset()
    register(small)
    register(small)  # idempotent
    person = small.get("person:a")
    assert dataset_of(person) is small
    del small
    gc.collect()
    assert dataset_of(person) is None


def test_a_dataset_that_outlives_the_registrys_globals_is_forgotten_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # as the interpreter exits it sets a module's globals to None, the registry's too when a
    # dataset a module imported before it holds dies later: its callback printed a TypeError
    import sys

    from rightsdata._data import registry

    small = small_dataset()
    (ref,) = [r for r in registry._registry.values() if r() is small]
    raised: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", raised.append)
    monkeypatch.setattr(registry, "_registry", None)
    monkeypatch.setattr(registry, "_registry_lock", None)
    del small
    gc.collect()
    assert ref() is None and raised == []


def test_a_record_shared_by_two_datasets_finds_one_that_holds_it(ds: Dataset) -> None:
    copy = Dataset({k: list(ds.collection(k)) for k in KINDS}, name="copy")
    register(copy)
    found = dataset_of(ds.get(KOZLOV))
    assert found is ds or found is copy


# --- record cards -------------------------------------------------------------------------------


def test_event_card_shows_names_dates_charges_penalty_figures_citations(ds: Dataset) -> None:
    text = shown(record_html(ds.get(VERDICT)))
    assert text.startswith("Event · verdict Vladimir Kozlov convicted and sentenced")
    assert "date 2012-10-08 8 October 2012" in text
    assert "places Aktau" in text
    assert "part of Trial of Vladimir Kozlov in Aktau" in text
    assert "participants Vladimir Kozlov defendant" in text
    assert (
        "Criminal Code of the Republic of Kazakhstan (1997), article 164 against Vladimir Kozlov"
        in text
    )
    assert "Incitement of social enmity" in text  # the provision's title
    assert "penalty imprisonment, 7 years 6 months P7Y6M" in text
    assert "sentence length: 90 months “seven and a half years in prison”" in text
    assert "according to Human Rights Foundation" in text
    assert "Sources (5)" in text
    parole = "Kazakhstan: Jailed Opposition Leader Refused Parole"
    assert f"{parole} some day on or after 8 December 2015 · paragraphs 3-4" in text
    assert f"{parole} some day on or after 8 December 2015 · paragraph 8" in text
    assert "Inferred, not stated places: HRW's caption places the trial in Aktau" in text
    assert "person:vladimir-kozlov" not in text  # IDs only on hover, names are shown


def test_figures_say_who_asserted_them_or_that_no_one_is_named(ds: Dataset) -> None:
    text = shown(record_html(ds.get("event:zhanaozen-massacre-2011")))
    assert "killed: at least 15 people “at least 15 oil workers were murdered”" in text
    assert "according to Human Rights Foundation" in text
    assert "killed: 17 people" in text and "according to Authorities of Kazakhstan" in text
    assert "unattributed — Kazakhstan: Jailed Opposition Leader Refused Parole, paragraph 8" in (
        text
    )


def test_dates_are_shown_with_their_meaning(ds: Dataset) -> None:
    trial = shown(record_html(ds.get("event:kozlov-trial-2012")))
    assert "/2012-10-08 to 8 October 2012; the start is not known" in trial
    stricter = shown(record_html(ds.get("event:kozlov-stricter-regime-2015")))
    assert "[2015-07-17..2015-08-31] some day between 17 July and 31 August 2015" in stricter


def test_actor_card_counts_events_and_lists_relationships(ds: Dataset) -> None:
    text = shown(record_html(ds.get(KOZLOV)))
    assert text.startswith("Person Vladimir Kozlov person:vladimir-kozlov Leader of")
    assert "born 1960-08 in August 1960 (day not known)" in text
    assert "events 13 (2012 to 2015)" in text
    assert "Aiman Umarova lawyer of Vladimir Kozlov" in text
    assert "Inferred, not stated born:" in text


def test_other_kinds_show_their_references_by_name(ds: Dataset) -> None:
    rating = shown(record_html(ds.get("rating:civicus-kazakhstan-2019-watchlist")))
    assert "Rating Kazakhstan: obstructed" in rating and "rated by CIVICUS Monitor" in rating
    statement = shown(record_html(ds.get("statement:hrf-2012-12-14-pardon-kozlov")))
    assert "speaker Human Rights Foundation" in statement
    assert "addressed to Nursultan Nazarbayev" in statement and "about Vladimir Kozlov" in statement
    assert "“issue a pardon declaring" in statement
    source = shown(record_html(ds.get("source:hrf-2012-12-14")))
    assert "publisher Human Rights Foundation" in source
    assert "published 2012-12-14 14 December 2012" in source


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_renders_a_balanced_card_with_its_id(ds: Dataset, kind: KindName) -> None:
    for record in ds.collection(kind):
        card = record._repr_html_()
        assert card == record_html(record)
        assert card.startswith('<div style="') and card.endswith("</div>")
        assert "<style" not in card and "class=" not in card  # self-contained, inline
        text = shown(card)
        assert record.id in text
        assert "Not found in a loaded dataset" not in text


def test_a_record_built_by_hand_shows_ids(ds: Dataset) -> None:
    copy = attrs.evolve(ds.get(VERDICT))
    text = shown(record_html(copy))
    assert "places place:aktau" in text
    assert "participants person:vladimir-kozlov defendant" in text
    assert "law:kz-cc-1997-164 against person:vladimir-kozlov" in text
    assert "source:hrf-2012-12-14 paragraph 5" in text
    # only in the inferred bases (of its places and of its date)
    assert "Aktau" not in text.replace("in Aktau on", "").replace("in Aktau to", "")
    assert "Not found in a loaded dataset: references are shown as IDs." in text


def test_everything_from_the_data_is_escaped() -> None:
    evil = small_dataset(name=SCRIPT)
    register(evil)
    person_card = record_html(evil.get("person:a"))
    event_card = record_html(evil.get("event:a"))  # the participant's name comes through
    for card in (person_card, event_card):
        assert "<script" not in card and "&lt;script&gt;" in card
        assert SCRIPT in shown(card)
    handmade = structure("persons", person_doc(name=SCRIPT, summary='" onmouseover="x'))
    card = record_html(handmade)
    assert "<script" not in card and 'onmouseover="' not in card
    assert shown(card).startswith(f"Person {SCRIPT} person:a")


def test_a_source_links_only_to_its_web_address() -> None:
    doc = source_doc()
    doc["url"] = "https://example.org/a?b=1&c=<2>"
    records: dict[str, list[Record]] = {"sources": [structure("sources", doc)]}
    dataset = Dataset(records)
    register(dataset)
    card = record_html(dataset.get("source:doc"))
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in card
    assert 'rel="noopener noreferrer"' in card


def test_long_lists_are_cut_with_a_count(ds: Dataset) -> None:
    verdict = ds.get(VERDICT)
    assert isinstance(verdict, Event)
    many = attrs.evolve(verdict, places=("place:aktau",) * 3, charges=verdict.charges * 8)
    text = shown(record_html(many))
    assert "and 4 more" in text  # 16 charges, 12 shown


# --- the dataset card ---------------------------------------------------------------------------


def test_dataset_card(ds: Dataset) -> None:
    card = ds._repr_html_()
    assert card == dataset_html(ds)
    text = shown(card)
    assert text.startswith("Dataset Human-rights documentation: Kazakhstan, 2011 to 2022")
    assert f"kazakhstan · version {ds.version} · 464 records · licence CC-BY-4.0" in text
    for kind, count in ds.counts().items():
        assert f"{count} {kind}" in text
    assert "Sources (5)" in text
    assert "Kazakhstan: HRF calls on President Nazarbayev" in text
    assert "Human Rights Foundation · 14 December 2012" in text
    civicus = "Kazakhstan (CIVICUS country page) CIVICUS · some day on or after 14 January 2022"
    assert civicus in text


def test_dataset_card_escapes_and_copes_without_a_descriptor() -> None:
    dataset = Dataset(
        {
            "sources": [structure("sources", source_doc())],
            "persons": [structure("persons", person_doc(name=SCRIPT))],
        },
        name=SCRIPT,
    )
    card = dataset_html(dataset)
    assert "<script" not in card
    text = shown(card)
    assert text.startswith(f"Dataset {SCRIPT} 2 records")  # (no title: the name is, once)
    assert "1 source1 person0 organizations" in text  # (one of a kind: singular)


def test_dataset_repr_is_unchanged(ds: Dataset) -> None:
    assert repr(ds).startswith(f"<Dataset kazakhstan {ds.version}: 5 sources, 50 persons")


def test_reprs_count_one_record_in_the_singular() -> None:
    dataset = Dataset(
        {
            "sources": [structure("sources", source_doc())],
            "persons": [structure("persons", person_doc())],
        },
        name="one",
    )
    assert repr(dataset) == "<Dataset one: 1 source, 1 person>"
    assert repr(dataset.sources) == "<Collection sources: 1 record>"
    assert repr(dataset.events) == "<EventCollection events: 0 records>"


def test_every_collection_repr_names_its_class_kind_and_count(ds: Dataset) -> None:
    """One pattern: the callable collections name their kind too."""
    assert repr(ds.persons) == f"<Collection persons: {len(ds.persons)} records>"
    assert repr(ds.events) == f"<EventCollection events: {len(ds.events)} records>"
    assert repr(ds.statements) == f"<StatementCollection statements: {len(ds.statements)} records>"
    assert repr(ds.ratings) == f"<RatingCollection ratings: {len(ds.ratings)} records>"


# --- wording ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2012-10-08", "8 October 2012"),
        ("2012-10", "in October 2012 (day not known)"),
        ("2012", "in 2012 (month and day not known)"),
        ("2015-22", "in summer 2015 (June to August; month and day not known)"),
        ("2015-21", "in spring 2015 (March to May; month and day not known)"),
        ("2015-23", "in autumn 2015 (September to November; month and day not known)"),
        # winter is December of its year alone (docs/concepts.md): its month is known
        ("2012-24", "in winter 2012 (December 2012; day not known)"),
        # a qualifier and what is not known share one parenthesis
        ("2013-06-29~", "about 29 June 2013"),
        ("2013-06-29?", "29 June 2013 (uncertain)"),
        ("2013-06-29%", "about 29 June 2013 (uncertain)"),
        ("2013-06~", "in about June 2013 (day not known)"),
        ("2013-06?", "in June 2013 (uncertain; day not known)"),
        ("2013-06%", "in about June 2013 (uncertain; day not known)"),
        ("2012~", "in about 2012 (month and day not known)"),
        ("2012?", "in 2012 (uncertain; month and day not known)"),
        ("2013%", "in about 2013 (uncertain; month and day not known)"),
        # an interval's sides share what they have in common, written once with the last
        ("2012-01-26/2012-10-08", "from 26 January to 8 October 2012"),
        ("2012-01-14/2012-01-20", "from 14 to 20 January 2012"),
        ("2012-01/2012-10-08", "from January to 8 October 2012"),
        ("2012-01-26/2012-10", "from 26 January to October 2012"),
        ("2015-21/2015-22", "from spring to summer 2015"),
        ("2011-12-16/2012-01-31", "from 16 December 2011 to 31 January 2012"),
        # which end is uncertain or approximate is named: "(uncertain)" after the interval
        # read as the whole interval's where only its end is
        ("2012-01-26~/2012-10-08", "from 26 January to 8 October 2012 (start approximate)"),
        ("2012-01-26/2012-10-08?", "from 26 January to 8 October 2012 (end uncertain)"),
        ("2012?/2013?", "from 2012 to 2013 (start and end uncertain)"),
        ("/2012-10-08?", "to 8 October 2012; the start is not known (end uncertain)"),
        ("2015-03-02%/..", "from 2 March 2015, open-ended (start uncertain and approximate)"),
        ("2019/2022", "from 2019 to 2022"),
        ("/2012-10-08", "to 8 October 2012; the start is not known"),
        ("../2012", "to 2012, with no start (open)"),
        ("2019-05/", "from May 2019; the end is not known"),
        ("2020/..", "from 2020, open-ended"),
        ("2012?/2013~", "from 2012 to 2013 (start uncertain; end approximate)"),
        ("2011-24/2012-21", "from winter 2011 to spring 2012"),
        # a year below 1000 in four digits, as EDTF and ISO write it: not read as a count
        # ('in 987'), a short year ('3 May 12') or a day ('1')
        ("0987", "in 0987 (month and day not known)"),
        ("0001", "in 0001 (month and day not known)"),
        ("0999-05", "in May 0999 (day not known)"),
        ("0012-05-03", "3 May 0012"),
        ("0001/0002", "from 0001 to 0002"),
        # (an interval within one year shares it, as any year: review 7b)
        ("0999-01/0999-03", "from January to March 0999"),
        ("0987-01-05/0987-01-09", "from 5 to 9 January 0987"),
        ("0987/0987-05-05", "from 0987 to 5 May 0987"),
        ("0999-12-30/1000-01-02", "from 30 December 0999 to 2 January 1000"),
        # sets: one of some dates
        ("[2022-01-14,2022-01-15]", "14 or 15 January 2022"),
        ("[2022-01-14,2022-01-15,2022-01-20]", "14, 15 or 20 January 2022"),
        ("[2022-01-31,2022-02-01]", "31 January 2022 or 1 February 2022"),
        ("[2012-01,2012-05]", "January or May 2012"),
        ("[0987,2013]", "0987 or 2013"),
        ("[0999-01,0999-03]", "January or March 0999"),
        ("[0012-05-03,0012-05-04]", "3 or 4 May 0012"),
        ("[0001..0005]", "some time between 0001 and 0005"),
        ("[2012..]", "some time in or after 2012"),
        ("[2011-12-16..2012-01-31]", "some day between 16 December 2011 and 31 January 2012"),
        ("[2011..2012]", "some time between 2011 and 2012"),
        ("[2012-01-26..2012-10-08]", "some day between 26 January and 8 October 2012"),
        ("[2022-01-02..2022-01-05]", "some day between 2 and 5 January 2022"),
        ("[..2012-01-31]", "some day on or before 31 January 2012"),
        ("[2011-12-16..]", "some day on or after 16 December 2011"),
        ("[..2010-05]", "some time in or before May 2010"),
        (
            "[2012-01-05,2012-03..2012-04]",
            "5 January 2012 or some time between March and April 2012",
        ),
    ],
)
def test_describe_date(text: str, words: str) -> None:
    assert describe_date(EDTF(text)) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2012-10", "October 2012"),
        ("2012?", "2012 (uncertain)"),
        ("2012%", "about 2012 (uncertain)"),
        ("2012-24", "winter 2012"),
        ("0987", "0987"),
        ("2012-10-08", "8 October 2012"),
    ],
)
def test_describe_date_briefly(text: str, words: str) -> None:
    assert describe_date(EDTF(text), brief=True) == words


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2012-10-08", "8 Oct 2012"),
        ("2015-23", "autumn 2015"),
        ("2013-06-29%", "c. 29 Jun 2013?"),
        ("2012-01/2012-10-08", "Jan \u2013 8 Oct 2012"),
        ("2012-01-14/2012-01-20", "14 \u2013 20 Jan 2012"),
        ("2011-12-16/2012-01-31", "16 Dec 2011 \u2013 31 Jan 2012"),
        ("2012-01-14~/2012-01-20", "14 \u2013 20 Jan 2012 (start approximate)"),
        ("2012-01-14/2012-01-20?", "14 \u2013 20 Jan 2012 (end uncertain)"),
        ("/2012-10-08?", "? \u2013 8 Oct 2012 (end uncertain)"),
        ("2013-06-29~/2013-06-30~", "c. 29 \u2013 30 Jun 2013"),  # (both ends: as a day)
        ("2012?/2013?", "2012 \u2013 2013?"),
        ("../2012", "… \u2013 2012"),
        ("2019/", "2019 \u2013 ?"),
        ("[2022-01-14,2022-01-15]", "14 or 15 Jan 2022"),
        ("[2011-12-16..2012-01-31]", "between 16 Dec 2011 and 31 Jan 2012"),
        ("[2012-01-26..2012-10-08]", "between 26 Jan and 8 Oct 2012"),
        ("[..2012-01-31,2013]", "by 31 Jan 2012 or 2013"),
        ("[2011-12-16..]", "from 16 Dec 2011"),
    ],
)
def test_short_date(text: str, label: str) -> None:
    assert short_date(EDTF(text)) == label


def test_duration_text() -> None:
    assert duration_text(parse_duration("P7Y6M")) == "7 years 6 months"
    assert duration_text(parse_duration("P1Y1M1DT1H1M1S")) == (
        "1 year 1 month 1 day 1 hour 1 minute 1 second"
    )
    assert duration_text(parse_duration("P15D")) == "15 days"


CITED = (Citation(source="source:a", locator=None, quote=None, fields=None),)


@pytest.mark.parametrize(
    ("numbers", "words"),
    [
        ({"best": 15, "qualifier": "exact"}, "killed: 15 people"),
        ({"best": 1500, "qualifier": "about"}, "killed: about 1,500 people"),
        (
            {
                "low": 10,
                "best": 12,
                "high": 15,
                "qualifier": "exact",
                "range_meaning": RangeMeaning.SPREAD,
            },
            "killed: 12 (low 10, high 15) people, varying across those counted",
        ),
        ({"low": 15, "qualifier": "at_least"}, "killed: at least 15 people"),
        ({"low": 220, "qualifier": "more_than"}, "killed: more than 220 people"),
        ({"high": 5, "qualifier": "at_most"}, "killed: at most 5 people"),
        ({"high": 5, "qualifier": "less_than"}, "killed: less than 5 people"),
        ({"low": 3, "high": 9, "qualifier": "between"}, "killed: between 3 and 9 people"),
        ({"qualifier": "imprecise"}, "killed: an unstated number of people"),
        ({"low": 3, "qualifier": "imprecise"}, "killed: imprecise (3) people"),
        # a number the qualifier's words do not hold is kept, 0 too (a 0 was dropped, and
        # so was the other bound of an open claim)
        (
            {
                "low": 0,
                "best": 2,
                "high": 5,
                "qualifier": "exact",
                "range_meaning": RangeMeaning.SPREAD,
            },
            "killed: 2 (low 0, high 5) people, varying across those counted",
        ),
        ({"low": 3, "high": 9, "qualifier": "less_than"}, "killed: less than 9 (low 3) people"),
        (
            {"low": 60, "high": 90, "qualifier": "more_than"},
            "killed: more than 60 (high 90) people",
        ),
    ],
)
def test_figure_text(numbers: dict[str, Any], words: str) -> None:
    values: dict[str, Any] = {"low": None, "best": None, "high": None, **numbers}
    values["qualifier"] = FigureQualifier(values["qualifier"])
    figure = Figure(
        measure=Measure.KILLED, unit=FigureUnit.PEOPLE, as_given=None, asserted_by=None,
        citations=CITED, **values,
    )  # fmt: skip
    assert figure_text(figure) == words


def test_figure_text_units() -> None:
    figure = Figure(
        measure=Measure.TEMPERATURE, unit=FigureUnit.DEGREES_CELSIUS, low=None, best=30,
        high=None, qualifier=FigureQualifier.EXACT, as_given=None, asserted_by=None,
        citations=CITED,
    )  # fmt: skip
    assert figure_text(figure) == "temperature: 30°C"


def test_a_person_made_directly_still_has_a_card() -> None:
    person = Person(
        id="person:x", name="X", aliases=(), born=None, country=None, summary=None,
        citations=CITED, inferred=(),
    )  # fmt: skip
    assert shown(record_html(person)).startswith("Person X person:x Sources (1) source:a")


def test_a_set_in_a_card_and_its_text_card() -> None:
    from rightsdata import textcard
    from rightsdata._display.cards import _date as card_date

    date = EDTF("[2022-01-14,2022-01-15]")
    assert card_date(date).startswith("<") and "14 or 15 January 2022" in card_date(date)
    assert "[2022-01-14,2022-01-15]" in card_date(date)
    event = rightsdata.load().get("event:kozlov-verdict-2012-10-08")
    assert isinstance(event, Event)
    card = textcard.text_card(attrs.evolve(event, date=date))
    assert "14 or 15 January 2022 ([2022-01-14,2022-01-15])" in card


@pytest.mark.parametrize(
    ("text", "first", "last", "sides"),
    [
        ("[2022-01-14,2022-01-20]", (2022, 1, 14), (2022, 1, 20), ("known", "known")),
        ("[..2012-01-31]", None, (2012, 1, 31), ("open", "known")),
        ("[2011-12-16..]", (2011, 12, 16), None, ("known", "open")),
    ],
)
def test_a_set_is_marked_as_a_span_of_the_days_it_could_be(
    text: str,
    first: tuple[int, int, int] | None,
    last: tuple[int, int, int] | None,
    sides: tuple[str, str],
) -> None:
    import datetime

    from rightsdata._display.marks import mark_of

    event = rightsdata.load().get("event:kozlov-verdict-2012-10-08")
    assert isinstance(event, Event)
    mark = mark_of(attrs.evolve(event, date=EDTF(text)))
    assert mark.shape == "span"  # some day within, as a month or a year
    assert mark.first == (None if first is None else datetime.date(*first))
    assert mark.last == (None if last is None else datetime.date(*last))
    assert (mark.start_side, mark.end_side) == sides
    assert not mark.qualified


def test_figure_text_says_one_in_the_singular_and_a_rate_per_period() -> None:
    # "1 people" and "1 times per 14 days" were shown; a rate per one day was "per 1 day"
    def figure(unit: str, best: int, per: str | None = None) -> Figure:
        return Figure(
            measure=Measure.OTHER, unit=FigureUnit(unit), low=None, best=best, high=None,
            qualifier=FigureQualifier.EXACT, as_given=None, asserted_by=None,
            per=None if per is None else parse_duration(per), citations=CITED,
        )  # fmt: skip

    assert figure_text(figure("people", 1)) == "other: 1 person"
    assert figure_text(figure("cities", 1)) == "other: 1 city"
    assert figure_text(figure("countries", 1)) == "other: 1 country"
    assert figure_text(figure("times", 1, "P14D")) == "other: 1 time per 14 days"
    assert figure_text(figure("times", 3, "P1D")) == "other: 3 times per day"
    assert figure_text(figure("people", 2)) == "other: 2 people"
    assert figure_text(figure("percent", 1)) == "other: 1%"


# --- Figures: a summary that says what the claims say, with their unit -----------------------

_QUALIFIERS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "between")


@st.composite
def _claim(draw: st.DrawFn) -> tuple[str, int | None, int | None, int | None]:
    qualifier = draw(st.sampled_from((*_QUALIFIERS, "imprecise")))
    a, b = sorted(draw(st.lists(st.integers(0, 30), min_size=2, max_size=2)))
    return {
        "exact": (qualifier, None, a, None),
        "about": (qualifier, None, a, None),
        "at_least": (qualifier, a, None, None),
        "more_than": (qualifier, a, None, None),
        "at_most": (qualifier, None, None, a),
        "less_than": (qualifier, None, None, a),
        "between": (qualifier, a, None, b),
        "imprecise": (qualifier, None, None, None),
    }[qualifier]


def _figures(claims: list[tuple[str, int | None, int | None, int | None]]) -> rightsdata.Figures:
    figures = tuple(
        Figure(
            measure=Measure.KILLED, unit=FigureUnit.PEOPLE, qualifier=FigureQualifier(q),
            low=low, best=best, high=high, as_given=None, asserted_by=None, citations=CITED,
        )
        for q, low, best, high in claims
    )  # fmt: skip
    return rightsdata.Figures(record="event:a", measure=Measure.KILLED, figures=figures)


_WORDS = {
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
    "about": "about",
}


@settings(max_examples=300, deadline=None)
@given(st.lists(_claim(), min_size=1, max_size=5))
def test_a_figures_summary_shows_no_bound_no_claim_made(
    claims: list[tuple[str, int | None, int | None, int | None]],
) -> None:
    """Every number the summary shows is one a claim states, every comparison it makes
    ("at least 15") is a claim's own, and the numbers carry the unit."""
    figures = _figures(claims)
    summary = figures_summary(figures, figures.disagree)
    stated = {n for _, *numbers in claims for n in numbers if n is not None}
    said = {
        f"{_WORDS[q]} {n}"
        for q, *numbers in claims
        if q in _WORDS
        for n in numbers
        if n is not None
    }
    shown_numbers = {int(n) for n in re.findall(r"\d+", summary.split(",", 1)[1])} - {len(claims)}
    assert shown_numbers <= stated | set(range(1, len(claims) + 1)), summary
    for words in re.findall(r"(?:at least|more than|at most|less than|about) \d+", summary):
        assert words in said, (summary, claims)
    for sign in ("<", ">", ">=", "<="):
        assert sign not in summary
    if stated:
        assert re.search(r"\d (people|person)\b", summary), summary


def test_every_display_of_figures_carries_the_unit(ds: Dataset) -> None:
    # (without its unit, "more than 60 cities" reads ">60", and "between 2 and 3 days" "2 to 3";
    # each then says what it counts, its of)
    other = ds.figures("event:bloody-january-2022", measure="other", unit="cities")
    days = ds.figures("event:bloody-january-2022", measure="other", unit="days")
    cities_words = "more than 60 cities (cities the protests spread to)"
    days_words = "between 2 and 3 days (time the protests took to spread)"
    for figures, words in ((other, cities_words), (days, days_words)):
        assert repr(figures).endswith(f", {words}>")
        assert words in shown(figures._repr_html_())
    # the text card says each figure with its unit
    from rightsdata.textcard import text_card

    card = text_card(ds.get("event:bloody-january-2022"), ds, width=96)
    assert f"other: {cities_words}" in card and f"other: {days_words}" in card


def test_a_figures_card_shows_each_claim_who_asserted_it_and_where(ds: Dataset) -> None:
    killed = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    text = shown(killed._repr_html_())
    assert text.startswith("Figures · killed Zhanaozen massacre event:zhanaozen-massacre-2011 · ")
    assert "3 claims, 15 to 17 people, one claim open-ended (at least 15), disagree" in text
    assert ">=" not in text and "&gt;=" not in killed._repr_html_()
    assert (
        "at least 15 people “at least 15 oil workers were murdered” Human Rights Foundation" in text
    )
    assert "15 people “15 civilians died” unattributed Kazakhstan: Jailed Opposition Leader" in text
    assert "17 people" in text and "Authorities of Kazakhstan, relayed by Yevgeniy Zhovtis" in text
    # several measures: each claim says what it counts
    every = shown(ds.figures("event:zhanaozen-massacre-2011")._repr_html_())
    assert "killed at least 15 people" in every and "injured more than 100 people" in every


def test_collections_and_answers_show_as_tables_in_a_notebook(ds: Dataset) -> None:
    from rightsdata._display.lists import TABLE_LIMIT

    persons = shown(ds.persons._repr_html_())
    assert persons.startswith(f"Collection persons {len(ds.persons)} records ID name or title ")
    first = ds.persons[0]
    assert f"{first.id} {first.name}" in persons
    assert persons.endswith(f"and {len(ds.persons) - TABLE_LIMIT} more")
    assert ds.persons[TABLE_LIMIT].id not in persons
    events = shown(ds.events._repr_html_())
    event = ds.events[0]
    assert event.date is not None and "ID name or title kind date" in events
    assert (
        f"{event.id} {event.title} {event.kind.replace('_', ' ')} {short_date(event.date)}"
        in events
    )
    related = ds.related(KOZLOV)
    text = shown(related._repr_html_())
    assert text.startswith(f"Related Vladimir Kozlov {KOZLOV} · ")
    assert f"Events ({len(related.events)})" in text
    assert "event:kozlov-verdict-2012-10-08 Vladimir Kozlov convicted and sentenced" in text
    ratings = shown(ds.ratings._repr_html_())
    assert "Kazakhstan" in ratings  # a rating by its country's name


def test_a_list_of_records_shows_as_a_table(ds: Dataset) -> None:
    from rightsdata.display import Table, table

    verdicts = ds.events(involving=KOZLOV, kind="verdict")
    shown_table = table(verdicts)
    assert isinstance(shown_table, Table) and repr(shown_table) == repr(verdicts[0])
    assert VERDICT in shown(shown_table._repr_html_())
    assert repr(table([])) == "no records"
    with pytest.raises(TypeError, match=r"the item at index 0 is the ID 'event:a': pass the rec"):
        table(["event:a"])  # type: ignore[list-item]


def test_the_tables_escape_everything_from_the_data() -> None:
    evil = small_dataset(name=SCRIPT)
    register(evil)
    related = evil.related("person:a")
    for html_text in (evil.persons._repr_html_(), related._repr_html_()):
        assert "<script" not in html_text and "&lt;script&gt;" in html_text
        assert SCRIPT in shown(html_text)
    figure = {"measure": "killed", "unit": "people", "best": 3, "qualifier": "exact",
              "as_given": SCRIPT, "asserted_by": "person:a", "citations": [dict(CITE)]}  # fmt: skip
    records: dict[str, list[Record]] = {
        "sources": [structure("sources", source_doc())],
        "persons": [structure("persons", person_doc(name=SCRIPT))],
        "events": [structure("events", event_doc(figures=[figure]))],
    }
    with_figures = Dataset(records, name="figures")
    card = with_figures.figures("event:a")._repr_html_()
    assert "<script" not in card and shown(card).count(SCRIPT) == 2  # its words, who said it


def test_a_card_asked_for_by_a_retired_id_says_it_redirects() -> None:
    ds = rightsdata.load()
    card = ds.card("org:kazakhstan-authorities")
    said = (
        "org:kazakhstan-authorities is a retired ID: it redirects to group:kazakhstan-authorities"
    )
    assert card.record.id == "group:kazakhstan-authorities"
    assert said in " ".join(str(card).split())
    assert said in card._repr_html_()
    own = ds.card("group:kazakhstan-authorities")
    assert "retired" not in str(own) and "retired" not in own._repr_html_()


def test_every_display_names_the_end_that_is_uncertain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "from 26 January 2012 to 8 October 2012 (uncertain)" read as the whole interval's
    from rightsdata._cli.main import main
    from rightsdata._display.lists import records_table
    from rightsdata.textcard import event_lines, text_card

    from conftest import event_doc, person_doc, source_doc, write_folder

    date = "2012-01-26/2012-10-08?"
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc(date=date)],
        },
    )
    ds = rightsdata.load_path(folder)
    event = ds.events["event:a"]
    long, short = "from 26 January to 8 October 2012 (end uncertain", "(end uncertain)"
    assert long in " ".join(text_card(event, ds, width=80).split())
    assert long in record_html(event, ds)
    assert short in "\n".join(event_lines([event], width=80))
    assert short in records_table(ds.events, ds)
    for argv in (["events"], ["show", "event:a"]):
        assert main([*argv, "--data", str(folder)]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert "(end uncertain" in out and "2012 (uncertain)" not in out, out
