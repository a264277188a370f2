"""Spot checks of facts in the bundled Kazakhstan dataset against its five source documents.

Each test names the document (000-004 in /work/shared/seeds) and the fact it checks, so a failing
test says which fact in which document the data no longer matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import rightsdata
from rightsdata.dates import EDTF
from rightsdata.durations import format_duration

S0 = "source:vladimirkozlov-org-2015-11-30"
S1 = "source:kozlov-parole-refused-2015-12"
S2 = "source:hrf-2012-12-14"
S3 = "source:hrw-kazakhstan-country-page"
S4 = "source:civicus-kazakhstan-country-page"
SOURCES = {S0, S1, S2, S3, S4}


@pytest.fixture(scope="module")
def ds() -> Any:
    return rightsdata.load()


def figures(event: Any, measure: str) -> list[Any]:
    return [f for f in event.figures if f.measure.value == measure]


def one_figure(event: Any, measure: str, as_given_part: str) -> Any:
    found = [f for f in figures(event, measure) if f.as_given == as_given_part]
    found = found or [f for f in figures(event, measure) if as_given_part in (f.as_given or "")]
    assert len(found) == 1, [f.as_given for f in figures(event, measure)]
    return found[0]


def strings(value: Any) -> Iterator[str]:
    """Every string inside a record, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, EDTF):
        yield str(value)


def citations(value: Any) -> Iterator[Any]:
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from citations(item)
    elif attrs.has(type(value)):
        if type(value).__name__ == "Citation":
            yield value
            return
        for field in attrs.fields(type(value)):
            yield from citations(getattr(value, field.name))


# --- the whole dataset --------------------------------------------------------------------


def test_five_sources(ds: Any) -> None:
    assert {s.id for s in ds.sources} == SOURCES


def test_every_citation_points_to_one_of_the_five_sources(ds: Any) -> None:
    for record in ds:
        if record.id.startswith("source:"):
            continue
        cited = list(citations(record))
        assert record.citations, record.id
        for citation in cited:
            assert citation.source in SOURCES, (record.id, citation.source)


def test_no_email_addresses_or_phone_numbers(ds: Any) -> None:
    email = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
    phone = re.compile(r"\(?\+?\d{1,4}\)?[\s.-]?\(?\d{2,4}\)?[\s.-]\d{3}[\s.-]?\d{3,4}")
    for record in ds:
        for text in strings(record):
            assert not email.search(text), (record.id, text)
            assert not phone.search(text), (record.id, text)
    for text in ("pedro@thehrf.org", "212-246-8486", "833 5959", "350 Fifth Avenue", "Owl Street"):
        assert not any(text in s for r in ds for s in strings(r)), text


def test_counts_meet_the_floor(ds: Any) -> None:
    assert len(ds.persons) >= 45
    assert len(ds.organizations) >= 35
    assert len(ds.places) >= 25
    assert len(ds.events) >= 70
    assert len(ds.laws) >= 9
    assert len(ds.ratings) >= 8
    assert len(ds.relationships) >= 35
    assert len(ds.statements) >= 15


# --- the sources ---------------------------------------------------------------------------


def test_source_dates_and_publishers(ds: Any) -> None:
    s0, s1, s2, s3, s4 = (ds.sources.get(s) for s in (S0, S1, S2, S3, S4))
    assert str(s0.published) == "2015-11-30"
    assert [i.field for i in s0.inferred] == ["published"]
    assert s1.publisher is None  # 001 names no publisher
    assert s1.inferred and s1.inferred[0].field == "published"
    assert str(s2.published) == "2012-12-14"
    assert s2.publisher == "org:human-rights-foundation"
    assert s2.kind.value == "press_release"
    assert str(s3.published) == "2012-11-15/2013-06-27"
    assert s4.publisher == "org:civicus"
    assert all(s.url is None and s.language == "en" for s in ds.sources)


# --- 000: vladimirkozlov.org, November 2015 ------------------------------------------------


def test_000_kozlov_born_august_1960_inferred(ds: Any) -> None:
    kozlov = ds.get("person:vladimir-kozlov")
    assert str(kozlov.born) == "1960-08"
    assert kozlov.born.earliest.month == 8
    assert any(i.field == "born" and "55th" in i.basis for i in kozlov.inferred)


def test_000_solitary_confinement_17_july_2015(ds: Any) -> None:
    event = ds.get("event:kozlov-solitary-confinement-2015-07-17")
    assert str(event.date) == "2015-07-17"
    assert event.penalty.kind.value == "solitary_confinement"
    heat = one_figure(event, "temperature", "50")
    assert (heat.high, heat.qualifier.value, heat.unit.value) == (
        50,
        "less_than",
        "degrees_celsius",
    )


def test_000_stricter_regime_six_months(ds: Any) -> None:
    event = ds.get("event:kozlov-stricter-regime-2015")
    assert event.penalty.kind.value == "stricter_regime"
    assert format_duration(event.penalty.term) == "P6M"
    assert str(event.date) == "2015-22"
    assert any(i.field == "date" for i in event.inferred)


def test_000_interview_and_intention(ds: Any) -> None:
    interview = ds.get("event:kozlov-video-interview-recorded-2015")
    roles = {(p.actor, p.role.value) for p in interview.participants}
    assert ("person:galym-ageleuov", "interviewer") in roles
    assert ("person:vladimir-kozlov", "interviewee") in roles
    said = ds.get("statement:kozlov-2015-continue-human-rights-work")
    assert said.kind.value == "intention"
    assert "continue my activity as a human rights defender" in said.quote


def test_000_petrushova_editor_of_respublika(ds: Any) -> None:
    rel = ds.get("relationship:irina-petrushova-editor-in-chief-of-respublika")
    assert (rel.subject, rel.kind.value, rel.object) == (
        "person:irina-petrushova",
        "editor_in_chief_of",
        "org:respublika",
    )
    assert rel.citations[0].source == S0


# --- 001: parole refused, December 2015 ----------------------------------------------------


def test_001_parole_hearing_8_december_2015_inferred_year(ds: Any) -> None:
    hearing = ds.get("event:kozlov-parole-hearing-2015-12-08")
    assert hearing.kind.value == "parole_hearing"
    assert str(hearing.date) == "2015-12-08"
    assert any(i.field == "date" and "half" in i.basis for i in hearing.inferred)
    assert hearing.places == ("place:kozlov-penal-colony",)
    assert ("person:aiman-umarova", "lawyer") in {
        (p.actor, p.role.value) for p in hearing.participants
    }


def test_001_kozlov_denial_quote(ds: Any) -> None:
    denial = ds.get("statement:kozlov-2015-12-08-denial")
    assert denial.kind.value == "denial"
    assert denial.quote == "I have not committed any crimes"
    assert denial.speaker == "person:vladimir-kozlov"


def test_001_wife_and_lawyer(ds: Any) -> None:
    assert (
        ds.get("relationship:aliya-turusbekova-spouse-of-vladimir-kozlov").kind.value == "spouse_of"
    )
    assert (
        ds.get("relationship:aiman-umarova-lawyer-of-vladimir-kozlov").object
        == "person:vladimir-kozlov"
    )
    clown = ds.get("statement:turusbekova-2015-12-clown-show")
    assert clown.quote == "clown show and not a court"


def test_001_and_002_zhanaozen_tolls_disagree_and_both_stand(ds: Any) -> None:
    massacre = ds.get("event:zhanaozen-massacre-2011")
    assert str(massacre.date) == "2011-12"
    hrf = one_figure(massacre, "killed", "at least 15")
    assert (hrf.low, hrf.best, hrf.qualifier.value, hrf.asserted_by) == (
        15,
        None,
        "at_least",
        "org:human-rights-foundation",
    )
    article = one_figure(massacre, "killed", "15 civilians")
    assert (article.best, article.qualifier.value, article.asserted_by) == (15, "exact", None)
    official = one_figure(massacre, "killed", "17")
    assert (official.best, official.asserted_by) == (17, "org:kazakhstan-authorities")
    injured = one_figure(massacre, "injured", "hundred")
    assert (injured.low, injured.qualifier.value) == (100, "more_than")


# --- 002: HRF press release, 14 December 2012 ----------------------------------------------


def test_002_kozlov_detained_charged_sentenced(ds: Any) -> None:
    assert str(ds.get("event:kozlov-detention-2012-01-26").date) == "2012-01-26"
    charged = ds.get("event:kozlov-charged-2012")
    assert str(charged.date) == "2012-01-26/2012-10-08"
    assert {(c.provision, c.against) for c in charged.charges} == {
        ("law:kz-cc-1997-164", "person:vladimir-kozlov"),
        ("law:kz-cc-1997-170", "person:vladimir-kozlov"),
    }
    verdict = ds.get("event:kozlov-verdict-2012-10-08")
    assert str(verdict.date) == "2012-10-08"
    assert verdict.penalty.kind.value == "imprisonment"
    assert format_duration(verdict.penalty.term) == "P7Y6M"
    assert str(ds.get("event:kozlov-appeal-2012-11-19").date) == "2012-11-19"


def test_002_criminal_code_1997_edition_inferred(ds: Any) -> None:
    for law_id, article in (("law:kz-cc-1997-164", "164"), ("law:kz-cc-1997-170", "170")):
        law = ds.laws.get(law_id)
        assert law.article == article and law.part is None
        assert law.jurisdiction == "KZ"
        assert "1997" in law.instrument
        assert any(i.field == "instrument" and "2014" in i.basis for i in law.inferred)


def test_002_media_ban_request(ds: Any) -> None:
    ban = ds.get("event:media-ban-request-2012-11-21")
    assert ban.kind.value == "ban_request"
    assert str(ban.date) == "2012-11-21"
    newspapers = one_figure(ban, "targeted", "newspapers")
    websites = one_figure(ban, "targeted", "websites")
    assert (newspapers.best, newspapers.unit.value) == (8, "newspapers")
    assert (websites.best, websites.unit.value) == (23, "websites")
    targets = {p.actor for p in ban.participants if p.role.value == "target"}
    assert targets == {"org:respublika", "org:vzglyad", "org:k-plus", "org:stan-tv"}
    provisions = {c.provision for c in ban.charges}
    assert provisions == {"law:kz-mass-media-13", "law:kz-mass-media-2-3"}
    assert ds.laws.get("law:kz-mass-media-2-3").part == "3"


def test_002_international_provisions(ds: Any) -> None:
    assert ds.laws.get("law:iccpr-19").jurisdiction == "international"
    assert ds.laws.get("law:cat-12").article == "12"
    assert ds.laws.get("law:cat-15").article == "15"
    assert str(ds.get("event:kazakhstan-ratifies-iccpr-2005").date) == "2005"


def test_002_alga_unregistered_and_led_by_kozlov(ds: Any) -> None:
    alga = ds.organizations.get("org:alga")
    assert alga.status.value == "unregistered"
    assert alga.kind.value == "political_party"
    rel = ds.get("relationship:vladimir-kozlov-leader-of-alga")
    assert (rel.subject, rel.kind.value, rel.object) == (
        "person:vladimir-kozlov",
        "leader_of",
        "org:alga",
    )


def test_002_hrf_people(ds: Any) -> None:
    assert (
        ds.get("relationship:thor-halvorssen-president-of-human-rights-foundation").kind.value
        == "president_of"
    )
    assert (
        ds.get("relationship:garry-kasparov-chair-of-hrf-international-council").kind.value
        == "chair_of"
    )
    members = {
        r.subject
        for r in ds.relationships
        if r.object == "org:hrf-international-council" and r.kind.value == "member_of"
    }
    assert len(members) == 7 and "person:elie-wiesel" in members
    pizano = ds.persons.get("person:pedro-pizano")
    assert "@" not in (pizano.summary or "")
    dictators = ds.get("statement:halvorssen-2012-12-14-europes-last-dictators")
    assert "Europe's last dictators" in dictators.quote
    assert "person:lukashenko" in dictators.about


def test_002_thirty_seven_oil_workers_tried(ds: Any) -> None:
    trials = ds.get("event:zhanaozen-oil-workers-trials-2012")
    tried = one_figure(trials, "tried", "37")
    assert (tried.best, tried.asserted_by) == (37, "org:human-rights-foundation")
    strike = ds.get("event:zhanaozen-oil-strike-2011")
    assert one_figure(strike, "duration", "seven-month").best == 7


# --- 003: Human Rights Watch country page ---------------------------------------------------


def test_003_trial_in_aktau(ds: Any) -> None:
    trial = ds.get("event:kozlov-trial-2012")
    assert trial.places == ("place:aktau",)
    assert str(trial.date) == "/2012-10-08"
    assert ds.places.get("place:aktau").within == "place:kazakhstan"


def test_003_every_dated_report_is_a_publication(ds: Any) -> None:
    dates = {
        "2013-06-27",
        "2013-06-26",
        "2013-05-21",
        "2013-01-31",
        "2012-12-13",
        "2012-11-24",
        "2012-11-23",
        "2012-11-22",
        "2012-11-15",
    }
    published = {
        str(e.date)
        for e in ds.events
        if e.kind.value == "publication" and any(c.source == S3 for c in e.citations)
    }
    assert dates <= published


def test_003_supreme_court_hearing_and_cameron(ds: Any) -> None:
    hearing = ds.get("event:kozlov-supreme-court-hearing-2013")
    assert hearing.date.earliest.year == 2013 and hearing.date.earliest.month == 6
    assert any(i.field == "date" for i in hearing.inferred)
    visit = ds.get("event:cameron-visit-kazakhstan-2013")
    assert one_figure(visit, "duration", "two-day").best == 2
    journalist = ds.get("event:journalist-psychiatric-detention-extended-2013-05-13")
    assert str(journalist.date) == "2013-05-13"
    assert journalist.penalty.kind.value == "forced_psychiatric_observation"


# --- 004: CIVICUS country page -------------------------------------------------------------


def test_004_kazakhstan_downgrade_obstructed_to_repressed(ds: Any) -> None:
    downgrade = ds.ratings.get("rating:civicus-kazakhstan-2022-downgrade")
    assert downgrade.level.value == "repressed"
    assert downgrade.previous.value == "obstructed"
    assert downgrade.rated_by == "org:civicus-monitor"
    assert downgrade.scale.value == "civicus_monitor"
    series = sorted(
        (r for r in ds.ratings if r.country == "place:kazakhstan"), key=lambda r: r.as_of.sort_key()
    )
    assert [r.level.value for r in series] == [
        "obstructed",
        "obstructed",
        "obstructed",
        "repressed",
    ]
    assert series[-1].id == downgrade.id


def test_004_watchlist_ratings_of_other_countries(ds: Any) -> None:
    levels = {r.country: r.level.value for r in ds.ratings if str(r.as_of) == "2019-09/2019-10"}
    assert levels == {
        "place:egypt": "closed",
        "place:hong-kong": "closed",
        "place:colombia": "repressed",
        "place:guinea": "obstructed",
        "place:kazakhstan": "obstructed",
    }
    assert all(r.inferred for r in ds.ratings)


def test_004_bloody_january_figures(ds: Any) -> None:
    january = ds.get("event:bloody-january-2022")
    assert str(january.date) == "2022-01"
    bullet = one_figure(january, "killed", "200 people were killed")
    text = one_figure(january, "killed", "over 200")
    zhovtis = one_figure(january, "killed", "220")
    assert (bullet.best, bullet.qualifier.value) == (200, "exact")
    assert (text.low, text.qualifier.value) == (200, "more_than")
    assert (zhovtis.low, zhovtis.asserted_by) == (220, "person:yevgeniy-zhovtis")
    injured = one_figure(january, "injured", "thousands")
    assert injured.qualifier.value == "imprecise" and injured.low is None and injured.best is None
    released = one_figure(ds.get("event:bloody-january-releases-2022"), "released", "8,000")
    assert (released.low, released.high, released.qualifier.value) == (8000, 9000, "between")
    detained = one_figure(ds.get("event:bloody-january-detentions-2022"), "detained", "10,000")
    assert (detained.low, detained.asserted_by) == (10000, "org:civicus-monitor")
    custody = one_figure(
        ds.get("event:bloody-january-deaths-in-custody-2022"), "died_in_custody", "eight"
    )
    assert (custody.best, custody.asserted_by) == (8, "org:kazakhstan-authorities")
    cases = one_figure(
        ds.get("event:bloody-january-criminal-cases-2022"), "criminal_cases", "5,000"
    )
    assert (cases.low, cases.qualifier.value) == (5000, "more_than")
    troops = one_figure(ds.get("event:csto-deployment-2022-01"), "deployed", "2,000")
    assert troops.low == 2000


def test_004_tulesova_arrest_charges_and_release(ds: Any) -> None:
    assert str(ds.get("event:tulesova-arrest-2020-06-08").date) == "2020-06-08"
    assert str(ds.get("event:almaty-protest-2020-06-06").date) == "2020-06-06"
    release = ds.get("event:tulesova-release-2020-08-12")
    assert str(release.date) == "2020-08-12"
    assert release.penalty.kind.value == "restricted_freedom"
    charged = ds.get("event:tulesova-charged-2020")
    assert {c.provision for c in charged.charges} == {
        "law:kz-cc-2014-378-2",
        "law:kz-cc-2014-380-1",
    }
    insult = ds.laws.get("law:kz-cc-2014-378-2")
    assert (insult.article, insult.part) == ("378", "2")
    assert "2014" in insult.instrument and insult.inferred[0].field == "instrument"
    harm = ds.laws.get("law:kz-cc-2014-380-1")
    assert (harm.article, harm.part) == ("380", "1")


def test_004_tulesova_2019_administrative_arrest(ds: Any) -> None:
    sentence = ds.get("event:tulesova-tolymbekov-administrative-arrest-2019-04")
    assert str(sentence.date) == "2019-04"
    assert sentence.penalty.kind.value == "administrative_arrest"
    assert format_duration(sentence.penalty.term) == "P15D"
    fined = {p.actor for p in ds.get("event:marathon-filming-fines-2019-04").participants}
    assert fined == {
        "person:aidos-nurbolatov",
        "person:aigul-nurbolatova",
        "person:suinbike-suleimenova",
    }
    partner = ds.get("relationship:asya-tulesova-partner-of-beibarys-tolymbekov")
    assert partner.kind.value == "partner_of"


def test_004_protest_korpe_and_friends(ds: Any) -> None:
    founders = {
        r.subject
        for r in ds.relationships
        if r.object == "org:protest-korpe" and r.kind.value == "founder_of"
    }
    assert founders == {
        "person:kuat-abeshev",
        "person:aisha-jandosova",
        "person:irina-mednikova",
        "person:jeffrey-warren",
    }
    detained = {
        p.actor
        for p in ds.get("event:quarantine-detentions-2020").participants
        if p.role.value == "victim"
    }
    assert "person:sanavar-zakirova" in detained and "person:kairat-klyshev" in detained


def test_004_kibhr_zhovtis_and_partners(ds: Any) -> None:
    kibhr = ds.organizations.get("org:kibhr")
    assert str(kibhr.founded) == "1993"
    assert ds.get("relationship:yevgeniy-zhovtis-director-of-kibhr").kind.value == "director_of"
    assert ds.get("relationship:brigitte-dufour-director-of-iphr").object == "org:iphr"
    assert (
        ds.get("relationship:kibhr-research-partner-of-civicus-monitor").kind.value
        == "research_partner_of"
    )
    titles = {
        r.title
        for r in ds.relationships
        if r.subject == "person:marianna-belalba-barreto" and r.kind.value == "staff_of"
    }
    assert titles == {"Research Lead", "Civic Space Research Lead"}
    narsee = ds.get("relationship:aarti-narsee-staff-of-civicus")
    assert narsee.title == "Civic Space Research Officer"


def test_004_opposition_statuses(ds: Any) -> None:
    assert ds.organizations.get("org:democratic-choice-of-kazakhstan").status.value == "banned"
    assert ds.organizations.get("org:koshe-party").status.value == "banned"
    assert ds.organizations.get("org:democratic-party-of-kazakhstan").status.value == "unregistered"
    assert (
        ds.get("relationship:zhanbolat-mamai-leader-of-democratic-party-of-kazakhstan").kind.value
        == "leader_of"
    )


def test_004_other_countries(ds: Any) -> None:
    cambodia = ds.get("event:cambodia-environmental-defenders-sentenced-2021-05")
    assert str(cambodia.date) == "2021-05"
    term = one_figure(cambodia, "sentence_length", "18 to 20")
    assert (term.low, term.high, term.qualifier.value, term.unit.value) == (
        18,
        20,
        "between",
        "months",
    )
    finland = ds.get("event:finland-climate-protest-arrests-2021-06")
    assert one_figure(finland, "arrested", "100").low == 100
    assert any(i.field == "date" for i in finland.inferred)
    honduras = ds.get("event:honduras-protest-killings-2019")
    assert one_figure(honduras, "killed", "three").low == 3
    hong_kong = ds.get("event:hong-kong-protest-arrests-2019")
    assert one_figure(hong_kong, "arrested", "1,300").low == 1300
    assert str(ds.get("event:egypt-anti-corruption-protests-2019-09").date) == "2019-09"
    assert str(ds.get("event:un-hrc-42nd-session-2019").date) == "2019-09"
    assert ds.places.get("place:hong-kong").within == "place:china"
    assert ds.places.get("place:glasgow").within == "place:united-kingdom"


def test_004_tokayev_promises_and_quotes(ds: Any) -> None:
    promise = ds.get("statement:tokayev-2022-01-11-political-reforms-in-september")
    assert promise.kind.value == "promise"
    assert str(promise.date) == "2022-01-11"
    assert promise.speaker == "person:kassym-jomart-tokayev"
    narsee = ds.get("statement:narsee-2022-downgrade")
    assert narsee.quote.startswith("This downgrade comes on the heel")
    belalba = ds.get("statement:belalba-barreto-2021-silencing-activists")
    assert belalba.speaker == "person:marianna-belalba-barreto"


def test_quotes_are_short_and_covered(ds: Any) -> None:
    for statement in ds.statements:
        if statement.quote is not None:
            assert len(statement.quote) < 300, statement.id
            assert any(c.fields is None or "quote" in c.fields for c in statement.citations)
