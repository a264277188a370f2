"""Every organisation's and place's kind is said by a cited passage, or marked as read.

docs/dataset.md ("Kinds read from a name"): where no document says what kind of body or place
a record is, its `kind` is read from its name and marked as inferred. A name says nothing on
its own ("Democratic Party of Kazakhstan" is one of CIVICUS's "opposition movements"; "European
Parliament" is a name, not a description), so these tests hold every unmarked kind to words of
a passage cited for the record, outside the record's own names, that say it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from test_dataset_locators import cited_passage, seed_passages

#: Words that say a kind (whole words, any case). `other` claims nothing and needs none.
KIND_WORDS = {
    "political_party": ("party",),
    "movement": ("movement", "movements"),
    "court": ("court",),
    "ngo": ("civil society organisation", "CSOs"),
    "monitoring_project": ("platform",),
    "intergovernmental": ("states", "member countries"),
    "security_force": ("security forces", "police"),
    "state_body": ("government", "authorities", "office", "commission", "system"),
    "legislature": ("parliament",),
    "media_outlet": ("newspaper", "TV channel", "TV station"),
    "campaign": ("campaign", "initiatives"),
    "country": ("countries", "country", "states"),
    "city": ("city", "town", "capital"),
    "region": ("regions",),
    "facility": ("facility", "penal colony"),
}

#: For each record whose kind is not marked: the words of a passage cited for it that say it.
KIND_SAID = {
    "org:alga": "unregistered opposition party",
    "org:almaty-court-media-ban": "an Almaty court",
    "org:civicus": "we joined other CSOs",
    "org:civicus-monitor": "an online platform",
    "org:common-sense-civic-foundation": "a civil society organisation",
    "org:council-of-europe": "European states that have been denied participation",
    "org:democratic-choice-of-kazakhstan": "the two banned movements",
    "org:democratic-party-of-kazakhstan": "opposition movements, including",
    "org:egypt-security-forces": "security forces have carried out",
    "org:european-union": "European Union institutions and member countries",
    "org:guinea-security-forces": "security forces have used live ammunition",
    "org:honduras-government": "the government\u2019s violent response",
    "org:hong-kong-security-forces": "unlawful force by security forces",
    "org:journalist-hometown-court": "a court in the journalist\u2019s hometown",
    "org:k-plus": "satellite* TV channel",
    "org:kazakhstan-central-election-commission": "the central election commission",
    "org:kazakhstan-attorney-generals-office": "Kazakhstan's attorney general's office",
    "org:kazakhstan-criminal-justice-system": "criminal justice system",
    "org:kazakhstan-government": "the government",
    "org:kazakhstan-parliament": "to parliament",
    "org:kazakhstan-police": "the police",
    "org:kazakhstan-security-forces": "Security forces responded",
    "org:kibhr": "a human rights civil society organisation",
    "org:koshe-party": "the two banned movements",
    "org:kozlov-penal-colony-administration": "the prison authorities",
    "org:nur-otan": "the ruling party",
    "org:protest-korpe": "initiatives launched by",
    "org:respublika": "newspaper",
    "org:russian-security-forces": "Russian security forces left",
    "org:stan-tv": "Internet TV station",
    "org:standasmywitness": "campaign",
    "org:tanzania-parliament": "its parliament",
    "org:tulesova-candidacy-lawsuit-court": "persuade the court",
    "org:tulesova-tolymbekov-arrest-court-2019": "the court\u2019s decision",
    "org:vzglyad": "newspaper",
    "place:almaty": "information in the city",
    "place:almaty-detention-facility-north": "The detention facility",
    "place:almaty-police-temporary-detention-facility": "temporary detention facility",
    "place:astana": "the capital, Astana",
    "place:belarus": "European states",
    "place:china": "Five countries",
    "place:colombia": "Five countries",
    "place:egypt": "Five countries",
    "place:guinea": "Five countries",
    "place:honduras": "most dangerous countries",
    "place:kazakhstan": "Five countries",
    "place:kozlov-penal-colony": "penal colony",
    "place:mangystau-region": "spread to other regions",
    "place:special-detention-facility-administrative-detainees": "in the facility",
    "place:tanzania": "in the country",
    "place:zhanaozen": "a city in southwest Kazakhstan",
}


def says_kind(kind: str, words: str, names: tuple[str, ...]) -> bool:
    """Whether words say a kind outside the names of the record they are about. A name is
    written as one (capitalised); an alias in lower case ("the police", "prison authorities")
    is the documents' description of the body, and says its kind."""
    for name in sorted((n for n in names if n[:1].isupper()), key=len, reverse=True):
        words = words.replace(name, " ")
    return any(
        re.search(rf"\b{re.escape(word)}\b", words, re.IGNORECASE) for word in KIND_WORDS[kind]
    )


@pytest.fixture(scope="module")
def found() -> dict[str, dict[str, str]]:
    return seed_passages()


def _records(ds: Any) -> list[Any]:
    return [*ds.organizations, *ds.places]


def _marked(record: Any) -> bool:
    return any(i.field == "kind" for i in record.inferred)


def test_a_name_alone_says_no_kind() -> None:
    party = ("Democratic Party of Kazakhstan",)
    assert not says_kind(
        "political_party", "the unregistered Democratic Party of Kazakhstan", party
    )
    assert says_kind("movement", "opposition movements, including", party)
    assert not says_kind(
        "legislature", "resolutions in the European Parliament", ("European Parliament",)
    )
    # the name as a record gives it, not as a description in lower case
    forces = ("Russian Security Forces",)
    assert says_kind("security_force", "Russian security forces left Kazakhstan", forces)
    assert not says_kind("security_force", "resorted to Russian Security Forces", forces)
    # an alias in lower case is a description, and says the kind
    assert says_kind("security_force", "the police opened fire", ("Police of Kazakhstan", "police"))


def test_every_kind_is_said_by_a_cited_passage_or_marked(
    ds: Any, found: dict[str, dict[str, str]]
) -> None:
    # until 3.6.0 six intergovernmental bodies, the Democratic Party of Kazakhstan's
    # political_party and Aktau's city, among others, rested on a name alone, unmarked
    unsaid = []
    for record in _records(ds):
        if record.kind == "other" or _marked(record):
            continue
        words = KIND_SAID.get(record.id)
        text = " ".join(
            cited_passage(found, c.source, c.locator) or ""
            for c in record.citations
            if c.fields is None or "kind" in c.fields
        )
        names = (record.name, *(a.name for a in record.aliases))
        if (
            words is None
            or words not in " ".join(text.split())
            or not says_kind(record.kind, words, names)
        ):
            unsaid.append(record.id)
    assert unsaid == []


def test_no_marked_kind_is_also_said(ds: Any) -> None:
    # a kind is either said or read, so the table names no record whose kind is marked
    marked = {r.id for r in _records(ds) if _marked(r)}
    assert marked & set(KIND_SAID) == set()
    assert set(KIND_SAID) <= {r.id for r in _records(ds)}
    assert len(marked) == 40
