"""The strict checks (``strict=True``, ``validate --strict``): well-formed but questionable data
is reported, located to file, record and field, only when asked for."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

import pytest
from docgen import strict_rules_list
from hypothesis import HealthCheck, given, settings

import rightsdata
from rightsdata import InvalidDataError, KindName, Problem
from rightsdata._cli.main import main
from rightsdata._validation.convert import structure
from rightsdata._validation.integrity import NEEDS_PRESENCE, failed_record
from rightsdata._validation.strict import _MONITOR as MONITOR  # (the rules' own examples')
from rightsdata._validation.strict import STRICT_RULES, StrictContext, StrictRule, check_strict
from rightsdata._validation.strict import _rating as rating
from rightsdata._values.errors import ProblemCode
from rightsdata._values.isocodes import codes, country_problem, language_problem
from rightsdata._values.places import Places
from rightsdata._values.resources import datasets_root
from rightsdata.testing import dataset_documents
from rightsdata.vocab import Role

from conftest import ROOT, examples, parts

MakeFolder = Callable[[Mapping[str, Any]], Path]


def strict_problems(documents: Mapping[str, Any]) -> list[Problem]:
    """The problems a strict load of ``documents`` raises ([] if it loads)."""
    try:
        rightsdata.load_documents(documents, strict=True)
    except InvalidDataError as error:
        return list(error.problems)
    return []


def said(documents: Mapping[str, Any]) -> list[str]:
    """The strict load's problems, as ``location: message``."""
    return [f"{p.location}: {p.message}" for p in strict_problems(documents)]


def cited(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "citations": [{"source": "source:a"}]}


SOURCE = {"id": "source:a", "title": "A report", "kind": "report", "language": "en"}
KZ = cited({"id": "place:kz", "name": "Kazakhstan", "kind": "country", "country": "KZ"})


def person(record_id: str = "person:a", **fields: Any) -> dict[str, Any]:
    return cited({"id": record_id, "name": "A. Person", **fields})


def place(record_id: str, kind: str, country: str | None, **fields: Any) -> dict[str, Any]:
    record = {"id": record_id, "name": record_id[6:].title(), "kind": kind, **fields}
    return cited(record if country is None else {**record, "country": country})


# --- each rule: its bad example flagged (by it alone), its good one passed ----------------------


@pytest.mark.parametrize("rule", STRICT_RULES, ids=lambda rule: rule.name)
def test_each_rule_flags_its_bad_example_alone_located_to_the_field(rule: StrictRule) -> None:
    rightsdata.load_documents(rule.bad)  # without strict, the same data loads
    found = strict_problems(rule.bad)
    assert found
    assert all(p.code == ProblemCode.STRICT for p in found)
    assert all(p.file == "documents" and p.record_id and p.field for p in found)
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in rule.bad.items()
    }
    alone = rule.check(StrictContext(records, dict.fromkeys(records, "documents")))
    assert [p.message for p in alone] == [p.message for p in found]


@pytest.mark.parametrize("rule", STRICT_RULES, ids=lambda rule: rule.name)
def test_each_rule_passes_its_good_example(rule: StrictRule) -> None:
    assert strict_problems(rule.good) == []


def test_the_rules_have_distinct_names_and_docs_list_each_as_its_prose_says() -> None:
    """The page restated each rule by hand, and only the names were compared: it lists each
    rule's name, prose and details, word for word (scripts/generate_docs.py writes the list)."""
    assert len({rule.name for rule in STRICT_RULES}) == len(STRICT_RULES)
    page = (ROOT / "docs" / "loading.md").read_text(encoding="utf-8")
    listed = strict_rules_list()
    assert f"<!-- generated: strict rules -->\n{listed}<!-- end generated -->" in page
    # the born-before-acting rule names every role it judges
    [born] = [rule for rule in STRICT_RULES if rule.name == "born-before-acting"]
    for role in NEEDS_PRESENCE - {Role.VICTIM}:
        assert role.value.replace("_", " ") in " ".join(born.details), role


def test_each_rule_is_stated_in_a_clause_and_its_details_one_clause_each() -> None:
    """The rules' prose grew into single sentences of over a hundred words; the rule now
    reads in one clause and each of its cases under it, so none may grow long again."""
    for rule in STRICT_RULES:
        for text in (rule.prose, *rule.details):
            assert text == text.strip() and not text.endswith(".") and "\n" not in text
            assert len(text.split()) <= 60, (rule.name, text)
        assert len(rule.prose.split()) <= 30, rule.name


def test_the_bundled_dataset_passes_strict() -> None:
    folder = datasets_root() / "kazakhstan"
    assert isinstance(folder, os.PathLike)  # (a folder on disk)
    assert rightsdata.validate(folder, strict=True) == []


# --- country codes --------------------------------------------------------------------------


def test_country_codes_not_assigned_are_flagged_wherever_a_code_is() -> None:
    documents = {
        "sources": [SOURCE],
        "persons": [person(country="ZZ")],
        "organizations": [cited({"id": "org:a", "name": "An NGO", "kind": "ngo", "country": "QM"})],
        "places": [
            place(
                "place:x",
                "country",
                "XA",
                identifiers=[
                    {"scheme": "iso_3166_1", "value": "AA"},
                    {"scheme": "iso_3166_2", "value": "XB-01"},
                    {"scheme": "iso_3166_2", "value": "KZ-75"},
                ],
            )
        ],
        "laws": [
            cited({"id": "law:a", "instrument": "A code", "jurisdiction": "UK"}),
            cited({"id": "law:b", "instrument": "A treaty", "jurisdiction": "international"}),
        ],
    }
    assert [(p.location, p.message.partition(" (")[0]) for p in strict_problems(documents)] == [
        ("documents:persons[0] person:a.country", "'ZZ' is not a country code ISO 3166-1 assigns"),
        (
            "documents:organizations[0] org:a.country",
            "'QM' is not a country code ISO 3166-1 assigns",
        ),
        ("documents:places[0] place:x.country", "'XA' is not a country code ISO 3166-1 assigns"),
        (
            "documents:places[0] place:x.identifiers[0].value",
            "'AA' is not a country code ISO 3166-1 assigns",
        ),
        (
            "documents:places[0] place:x.identifiers[1].value",
            "'XB-01' is of no country: 'XB' is not a country code ISO 3166-1 assigns",
        ),
        ("documents:laws[0] law:a.jurisdiction", "'UK' is not a country code ISO 3166-1 assigns"),
    ]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("KZ", None),
        ("GB", None),
        (
            "UK",
            "'UK' is not a country code ISO 3166-1 assigns (it is reserved for the United "
            "Kingdom); did you mean 'GB' (United Kingdom)?",
        ),
        (
            "ZR",
            "'ZR' is not a country code ISO 3166-1 assigns (it was withdrawn: Zaire, Republic "
            "of); did you mean 'CD' (Congo, The Democratic Republic of the), its code since it "
            "was renamed?",
        ),
        ("BU", "did you mean 'MM' (Myanmar), its code since it was renamed?"),
        # a former state's code: right for data of its time, and no state of today is meant
        ("SU", None),
        ("YU", None),
        ("CS", None),
        ("DD", None),
        ("VD", None),
        ("YD", None),
        ("FX", "(it is reserved for metropolitan France); did you mean 'FR' (France)?"),
        ("QZ", "user-assigned"),
        ("XK", None),  # user-assigned, but in wide use for Kosovo (strict.IN_USE)
        ("XB", "user-assigned"),
        ("ZZ", "user-assigned"),
        ("QL", "'QL' is not a country code ISO 3166-1 assigns"),
    ],
)
def test_what_is_said_of_a_country_code(code: str, message: str | None) -> None:
    found = country_problem(code)
    if message is None or found is None:
        assert found is message
    else:
        assert message in found


def test_a_code_of_no_country_is_told_what_to_write_instead_where_it_is() -> None:
    """XX and ZZ (written for stateless or unknown) were told only that no reader knows the
    country, and EU and UN only that they were not assigned: each field now says what to
    write instead (null where the field may be null), and a reserved code names what it is
    reserved for."""
    org = {"id": "org:a", "name": "A body", "kind": "ngo"}
    documents = {
        "sources": [SOURCE],
        "persons": [person(country="XX")],
        "organizations": [cited({**org, "country": "EU"})],
        "groups": [cited({"id": "group:a", "name": "Some", "kind": "workers", "country": "ZZ"})],
        "places": [
            place("place:x", "region", "ZZ", identifiers=[{"scheme": "iso_3166_1", "value": "UN"}]),
            place("place:ascension", "territory", "AC"),
        ],
        "laws": [cited({"id": "law:a", "instrument": "A regulation", "jurisdiction": "EU"})],
    }
    assert [
        (p.record_id, p.field, p.message.partition("; ")[2]) for p in strict_problems(documents)
    ] == [
        (
            "person:a",
            "country",
            "write null for a stateless person or one whose country is unknown",
        ),
        (
            "org:a",
            "country",
            "write null for an international body or one whose country is unknown",
        ),
        (
            "group:a",
            "country",
            "write null for a group of no one country or one whose country is unknown",
        ),
        (
            "place:x",
            "country",
            "write null for a place of no one country or one whose country is unknown",
        ),
        ("place:x", "identifiers[0].value", "leave out an identifier ISO 3166 does not assign"),
        (
            "place:ascension",
            "country",
            "did you mean 'SH' (Saint Helena, Ascension and Tristan da Cunha)?",
        ),
        (
            "law:a",
            "jurisdiction",
            "write 'international' for a treaty or an international body's law",
        ),
    ]
    assert "(it is reserved for the United Nations, an international body, not a country)" in str(
        country_problem("UN", "identifiers")
    )
    assert "(it is reserved for Ascension Island)" in str(country_problem("AC"))


def test_former_states_codes_pass_where_they_are_facts_of_their_time() -> None:
    """A Czechoslovak record was told 'it was withdrawn: Serbia and Montenegro' (the second
    state coded CS), Soviet and Yugoslav laws and nationals 'write the code of the country the
    place is in today', and East German law 'did you mean DE'."""
    assert codes().withdrawn["CS"] == [
        "Czechoslovakia, Czechoslovak Socialist Republic",
        "Serbia and Montenegro",
    ]
    law = {"id": "law:a", "instrument": "Criminal Code of the RSFSR (1960)", "article": "70"}
    documents = {
        "sources": [SOURCE],
        "persons": [person(country="SU"), person("person:b", country="CS")],
        "places": [
            place(
                "place:yugoslavia",
                "country",
                "YU",
                identifiers=[{"scheme": "iso_3166_1", "value": "YU"}],
            ),
            place("place:su", "country", "SU"),
            place("place:moscow", "city", "RU", within="place:su"),
            place("place:almaty", "city", "KZ", within="place:su"),
            place("place:ddr", "country", "DD"),
            place("place:berlin", "city", "DE", within="place:ddr"),
            place("place:ljubljana", "city", "SI", within="place:yugoslavia"),
        ],
        "laws": [
            cited({**law, "jurisdiction": "SU"}),
            cited({**law, "id": "law:b", "jurisdiction": "DD"}),
            cited({**law, "id": "law:c", "jurisdiction": "ZR"}),  # the state that made it
        ],
    }
    assert said(documents) == []
    renamed = {"sources": [SOURCE], "persons": [person(country="ZR")]}
    assert [p.partition("; ")[2] for p in said(renamed)] == [
        "did you mean 'CD' (Congo, The Democratic Republic of the), its code since it was renamed?"
    ]


def test_the_code_lists_hold_the_assigned_codes_only() -> None:
    lists = codes()
    assert len(lists.countries) == 249
    assert {"KZ", "GB", "HK", "TW", "PS"} <= set(lists.countries)
    assert not {"XX", "UK", "EU", "SU", "AA", "ZZ", "XK"} & set(lists.countries)
    assert {"en", "ru", "kk"} <= set(lists.languages2)
    assert {"und", "mul", "zxx", "sla"} <= lists.languages3  # special and collective codes
    assert lists.as_two["eng"] == "en" and lists.as_two["fre"] == "fr"


def test_the_shipped_code_lists_are_current_without_pycountry() -> None:
    done = subprocess.run(
        [sys.executable, "-S", str(ROOT / "scripts" / "generate_codes.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # it says what it did not compare
    assert "checked its form only, not compared with pycountry" in done.stdout


def _generate_codes() -> Any:
    spec = importlib.util.spec_from_file_location(
        "generate_codes", ROOT / "scripts" / "generate_codes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_check_compares_the_lists_with_pycountry_where_it_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--check re-rendered the file from its own contents, so a hand edit that kept its form
    (a name changed) passed: with pycountry installed (the dev extra), it regenerates."""
    pytest.importorskip("pycountry")
    generate = _generate_codes()
    edited = json.loads(generate.FILE.read_text(encoding="utf-8"))
    edited["countries"]["KZ"] = "Kazakstan"
    copy = tmp_path / "isocodes.json"
    copy.write_text(generate.render(edited), encoding="utf-8")
    monkeypatch.setattr(generate, "FILE", copy)
    assert generate.main(["--check"]) == 1
    assert "stale: isocodes.json" in capsys.readouterr().out
    copy.write_text(generate.render(generate.from_pycountry()), encoding="utf-8")
    assert generate.main(["--check"]) == 0
    # without pycountry, only the form: the edit passes, and the check says so
    copy.write_text(generate.render(edited), encoding="utf-8")

    def missing() -> None:
        raise ModuleNotFoundError("pycountry")

    monkeypatch.setattr(generate, "from_pycountry", missing)
    capsys.readouterr()
    assert generate.main(["--check"]) == 0
    assert "not compared with pycountry" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "told"),
    [
        (lambda data, _: data["withdrawn"].update(QQ=["Qq"]), "the former states' codes are"),
        (lambda data, _: data["countries"].pop("KZ"), "SUCCESSORS['SU'] holds 'KZ'"),
        (lambda data, _: data["countries"].pop("CD"), "MEANT['ZR'] is 'CD'"),
        (lambda data, _: data["countries"].pop("HK"), "NOT_INDEPENDENT holds ['HK']"),
        (lambda data, _: data["countries"].update(QQ="Qq"), "195 assigned codes"),
        (lambda _, generate: generate.MEANT.update(QQ="QR"), "MEANT['QQ'] is 'QR'"),
    ],
)
def test_the_hand_written_code_tables_must_fit_the_codes_read(
    change: Callable[[dict[str, Any], Any], object], told: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new withdrawal in a pycountry release (a former state's code with no successors), or
    a table naming a code no longer assigned, shipped silently: the script now stops."""
    generate = _generate_codes()
    monkeypatch.setattr(generate, "MEANT", dict(generate.MEANT))
    data = json.loads(generate.FILE.read_text(encoding="utf-8"))
    generate.render(data)  # (the shipped lists fit)
    change(data, generate)
    with pytest.raises(SystemExit, match=re.escape(told)):
        generate.render(data)


def test_the_shipped_code_lists_are_what_the_pinned_pycountry_makes() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [pin] = [r for r in project["optional-dependencies"]["dev"] if r.startswith("pycountry")]
    generate = _generate_codes()
    shipped = generate.FILE.read_text(encoding="utf-8")
    made_from = json.loads(shipped)["source"]
    # pinned exactly: a patch release (which ~= allowed) may change the lists, and the check
    assert pin.startswith("pycountry==")
    assert made_from == f"pycountry {pin.partition('==')[2]} (Debian iso-codes)"
    pytest.importorskip("pycountry")
    assert generate.render(generate.from_pycountry()) == shipped


# --- language codes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("en", None),
        ("kk-Latn", None),
        ("und", None),
        ("eng", "'eng' is a code of English, which BCP 47 writes 'en'; did you mean 'en'?"),
        ("fre-FR", "'fre-FR' is a code of French, which BCP 47 writes 'fr'; did you mean 'fr-FR'?"),
        ("xx", "'xx' is not a language code ISO 639 assigns"),
        # withdrawn from ISO 639-1, still written: told the code meant
        (
            "iw",
            "'iw' is a withdrawn code of Hebrew, replaced by 'he'; did you mean 'he'?",
        ),
        ("in-ID", "did you mean 'id-ID'?"),
        ("ji", "did you mean 'yi'?"),
        ("jw", "did you mean 'jv'?"),
        ("mo", "'mo' is a withdrawn code of Romanian"),
        ("qab", "reserved for local use"),
    ],
)
def test_what_is_said_of_a_language_tag(tag: str, message: str | None) -> None:
    found = language_problem(tag)
    if message is None or found is None:
        assert found is message
    else:
        assert message in found


def test_an_aliass_language_is_checked_too() -> None:
    documents = {
        "sources": [SOURCE],
        "persons": [person(aliases=[{"name": "Кто-то", "language": "rus"}])],
    }
    assert said(documents) == [
        "documents:persons[0] person:a.aliases[0].language: 'rus' is a code of Russian, which "
        "BCP 47 writes 'ru'; did you mean 'ru'?"
    ]


# --- ratings, places ------------------------------------------------------------------------


def test_a_rating_of_a_territory_passes_and_of_a_facility_is_told_its_country() -> None:
    places = [
        KZ,
        place("place:hk", "territory", "HK"),
        place("place:almaty", "city", "KZ", within="place:kz"),
        place("place:prison", "facility", "KZ", within="place:almaty"),
    ]
    base = {"sources": [SOURCE], "places": places, "organizations": [MONITOR]}
    assert said({**base, "ratings": [rating("place:hk")]}) == []
    assert said({**base, "ratings": [rating("place:prison")]}) == [
        "documents:ratings[0] rating:a.country: 'place:prison' (Prison) is a place of kind "
        "'facility', not a country; a rating's country is a place of kind 'country' (or "
        "'territory'); did you mean 'place:kz' (Kazakhstan), which it lies within?"
    ]


def test_a_places_country_is_compared_up_the_chain_past_places_without_one() -> None:
    places = [
        KZ,
        place("place:steppe", "region", None, within="place:kz"),
        place("place:village", "town", "RU", within="place:steppe"),
        place("place:nowhere", "town", None, within="place:kz"),
    ]
    assert said({"sources": [SOURCE], "places": places}) == [
        "documents:places[2] place:village.country: 'RU' (Russian Federation) disagrees with "
        "'KZ', the country of 'place:kz' (Kazakhstan), which it lies within "
        "(through 'place:steppe'); did you mean 'KZ', or does it lie within another place?"
    ]


def test_a_region_with_a_code_of_its_own_is_told_it_may_be_a_territory() -> None:
    """Puerto Rico entered as a region of the United States was told only "did you mean
    'US'", and its rating only the United States: it has a code of its own."""
    places = [
        cited({"id": "place:us", "name": "USA", "kind": "country", "country": "US"}),
        cited(
            {
                "id": "place:pr",
                "name": "Puerto Rico",
                "kind": "region",
                "country": "PR",
                "within": "place:us",
            }
        ),
    ]
    documents = {
        "sources": [SOURCE],
        "places": places,
        "organizations": [MONITOR],
        "ratings": [rating("place:pr")],
    }
    assert said(documents) == [
        "documents:ratings[0] rating:a.country: 'place:pr' (Puerto Rico) is a place of kind "
        "'region', not a country; a rating's country is a place of kind 'country' (or "
        "'territory'); if it has a code of its own ('PR'), give it kind 'territory' (or did you "
        "mean 'place:us' (USA), which it lies within?)",
        "documents:places[1] place:pr.country: 'PR' (Puerto Rico) disagrees with 'US' (United "
        "States), the country of 'place:us' (USA), which it lies within; if it has a code of its "
        "own ('PR'), give it kind 'territory', or did you mean 'US', or does it lie within "
        "another place?",
    ]
    places[1]["kind"] = "territory"
    assert said(documents) == []


def test_a_territory_or_country_may_lie_within_another_countrys_place() -> None:
    places = [
        place("place:dk", "country", "DK"),
        place("place:gl", "territory", "GL", within="place:dk"),
        place("place:nuuk", "city", "GL", within="place:gl"),
    ]
    assert said({"sources": [SOURCE], "places": places}) == []


def test_a_place_within_a_place_of_the_base_is_judged_and_the_base_is_not(
    make_folder: MakeFolder,
) -> None:
    kazakhstan = rightsdata.load()
    folder = make_folder(
        {
            "places.json": [
                {
                    "id": "place:oral",
                    "name": "Oral",
                    "kind": "city",
                    "country": "RU",
                    "within": "place:kazakhstan",
                    "citations": [{"source": "source:hrf-2012-12-14"}],
                }
            ]
        }
    )
    rightsdata.load_path(folder, base=kazakhstan)
    found = rightsdata.validate(folder, base=kazakhstan, strict=True)
    assert [(p.file, p.record_id, p.field, p.code) for p in found] == [
        ("places.json", "place:oral", "country", "strict")
    ]


# --- repeated entries, relayed_by -----------------------------------------------------------


def test_a_list_naming_a_record_twice_is_flagged_and_charges_may_repeat() -> None:
    law = cited({"id": "law:a", "instrument": "A code", "jurisdiction": "KZ", "article": "164"})
    charge = {"provision": "law:a", "against": "person:a"}
    event = cited(
        {
            "id": "event:a",
            "kind": "charge",
            "title": "Charged",
            "places": ["place:kz", "place:kz"],
            "charges": [charge, charge],
        }
    )
    documents = {
        "sources": [SOURCE],
        "persons": [person()],
        "places": [KZ],
        "laws": [law],
        "events": [event],
    }
    assert said(documents) == [
        "documents:events[0] event:a.places[1]: names 'place:kz' again (as places[0] does); a "
        "list names a record once"
    ]


def test_a_citation_repeated_word_for_word_is_flagged() -> None:
    documents = {
        "sources": [SOURCE],
        "persons": [{**person(), "citations": [{"source": "source:a"}, {"source": "source:a"}]}],
    }
    assert said(documents) == [
        "documents:persons[0] person:a.citations[1]: repeats citations[0] word for word; a "
        "list holds an entry once"
    ]


def test_a_figure_relayed_by_one_who_joined_its_author_is_flagged() -> None:
    figure = {
        "measure": "detained",
        "unit": "people",
        "best": 5,
        "qualifier": "exact",
        "asserted_by": "person:a",
        "joined_by": ["person:b"],
        "relayed_by": ["person:b"],
        "citations": [{"source": "source:a"}],
    }
    documents = {
        "sources": [SOURCE],
        "persons": [person(), person("person:b")],
        "events": [cited({"id": "event:a", "kind": "protest", "title": "T", "figures": [figure]})],
    }
    assert said(documents) == [
        "documents:events[0] event:a.figures[0].relayed_by[0]: names 'person:b', who is an "
        "author (figures[0].joined_by[0]); relayed_by names those who passed it on without "
        "being its author"
    ]


def test_a_speaker_born_after_the_statement_is_flagged_and_a_later_witness_is_not() -> None:
    statement = cited(
        {
            "id": "statement:a",
            "speaker": "person:a",
            "date": "1995-05",
            "kind": "testimony",
            "summary": "He spoke.",
            "joined_by": ["person:b"],
        }
    )
    event = cited(
        {
            "id": "event:a",
            "kind": "killing",
            "title": "A killing",
            "date": "1990",
            "participants": [{"actor": "person:a", "role": "witness"}],
        }
    )
    documents = {
        "sources": [SOURCE],
        "persons": [person(born="2001"), person("person:b", born="1995-05-20")],
        "events": [event],
        "statements": [statement],
    }
    assert said(documents) == [
        "documents:statements[0] statement:a.speaker: 'person:a' was born 2001, after this "
        "statement (1995-05), in which they are named as its speaker"
    ]


# --- what a rule could not compare, for a record that failed ---------------------------------


def _judged_with_failed(
    documents: Mapping[str, list[dict[str, Any]]], failed: Mapping[str, list[dict[str, Any]]]
) -> tuple[list[str], set[str]]:
    """check_strict over ``documents``, with ``failed`` (kind -> documents) as the records
    that failed to structure: the messages, and the kinds the rules say they could not
    compare (check_strict adds every failed record's kind besides: the rules' own are asked
    here)."""
    records = {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }
    lost = [
        failed_record(kind, document, Places(kind, "documents"), n)
        for kind, docs in failed.items()
        for n, document in enumerate(docs, len(documents.get(kind, ())))
    ]
    context = StrictContext(records, dict.fromkeys(records, "documents"), failed=lost)
    found = [p for rule in STRICT_RULES for p in rule.check(context)]
    return [p.message for p in found], context.unjudged


def test_a_relationship_is_dated_by_its_start_else_its_end_on_either_side() -> None:
    def tie(**dates: str) -> dict[str, Any]:
        return cited(
            {"id": "relationship:a", "subject": "person:a", "kind": "friend_of",
             "object": "person:b", **dates}
        )  # fmt: skip

    persons = [person(born="2000"), person("person:b", born="1950")]
    documents: dict[str, Any] = {"sources": [SOURCE], "persons": persons}
    found = strict_problems({**documents, "relationships": [tie(end="1990")]})
    assert [(p.field, p.message) for p in found] == [
        ("end", "'person:a', its subject, was born 2000, after this relationship's end (1990)")
    ]
    # its start dates it where there is one; the object is judged as the subject is
    persons[1] = person("person:b", born="2010")
    found = strict_problems({**documents, "relationships": [tie(start="2005", end="2030")]})
    assert [(p.field, p.message.partition(",")[0]) for p in found] == [("start", "'person:b'")]
    # undated, or a birth that may come first: nothing to say
    assert strict_problems({**documents, "relationships": [tie()]}) == []
    assert strict_problems({**documents, "relationships": [tie(start="2010")]}) == []
    # a person whose record failed, with a birth: the tie is said unjudged
    only_b = {"sources": [SOURCE], "persons": [person("person:b")]}
    failed = {"persons": [person(born="2000", country=5)]}
    dated = {**only_b, "relationships": [tie(start="1990")]}
    assert _judged_with_failed(dated, failed) == ([], {"persons"})
    assert _judged_with_failed({**only_b, "relationships": [tie()]}, failed) == ([], set())


def test_a_judge_whose_birth_failed_to_load_is_said_unjudged() -> None:
    """A judge's person record with a bad field: their birth was unknown, and the rule passed
    the trial in silence where the integrity rules say what they could not check."""
    trial = {
        "id": "event:a",
        "kind": "trial",
        "title": "A trial",
        "date": "1990",
        "participants": [{"actor": "person:a", "role": "judge"}],
    }
    documents = {"sources": [SOURCE], "events": [cited(trial)]}
    judge = person(born="2000", country=5)
    assert _judged_with_failed(documents, {"persons": [judge]}) == ([], {"persons"})
    # one whose record gives no birth: nothing was left uncompared
    assert _judged_with_failed(documents, {"persons": [person(country=5)]}) == ([], set())
    # a speaker, too
    statement = cited(
        {
            "id": "statement:a",
            "speaker": "person:a",
            "date": "1990",
            "kind": "call",
            "summary": "S.",
        }
    )
    assert _judged_with_failed(
        {"sources": [SOURCE], "statements": [statement]}, {"persons": [judge]}
    ) == ([], {"persons"})


def test_a_rating_whose_place_failed_to_load_is_said_unjudged() -> None:
    documents = {"sources": [SOURCE], "organizations": [MONITOR], "ratings": [rating("place:x")]}
    bad_place = place("place:x", "city", "KZ", coordinates="here")
    assert _judged_with_failed(documents, {"places": [bad_place]}) == ([], {"places"})
    assert _judged_with_failed(documents, {}) == ([], set())  # (no such place: integrity's)


def test_a_place_whose_chain_meets_a_place_that_failed_is_said_unjudged() -> None:
    bad_region = place("place:steppe", "region", None, within="place:kz", coordinates="here")
    documents = {
        "sources": [SOURCE],
        "places": [KZ, place("place:village", "town", "RU", within="place:steppe")],
    }
    assert _judged_with_failed(documents, {"places": [bad_region]}) == ([], {"places"})
    # a place with a country before the link that failed: compared, and flagged
    documents["places"].append(place("place:town", "town", "KZ", within="place:steppe"))
    documents["places"].append(place("place:school", "facility", "RU", within="place:town"))
    messages, unjudged = _judged_with_failed(documents, {"places": [bad_region]})
    assert len(messages) == 1 and messages[0].startswith("'RU' (Russian Federation) disagrees")
    assert unjudged == {"places"}  # (the village's)


def test_a_load_says_what_the_strict_rules_could_not_compare(tmp_path: Path) -> None:
    """Through the loaders: a judge whose person record failed is said unjudged by a strict
    load (the error's ``unchecked``, and ``validate``'s), not by a load without strict, where
    no rule compares a judge's birth."""
    trial = {
        "id": "event:a",
        "kind": "trial",
        "title": "A trial",
        "date": "1990",
        "participants": [{"actor": "person:a", "role": "judge"}],
    }
    documents = {
        "sources": [SOURCE],
        "persons": [person(born="2000", country=5)],
        "events": [cited(trial)],
    }
    for strict, unchecked in ((True, ("persons",)), (False, ())):
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_documents(documents, strict=strict)
        assert raised.value.unchecked == unchecked
    (tmp_path / "data.json").write_text(json.dumps(documents), encoding="utf-8")
    assert rightsdata.validate(tmp_path / "data.json", strict=True).unchecked == ("persons",)


# --- with the other problems, on every path -------------------------------------------------


def test_strict_problems_come_with_every_other_problem() -> None:
    documents = {
        "sources": [SOURCE],
        "persons": [person(country="XX"), person("person:b", born="1980-13")],
    }
    found = strict_problems(documents)
    assert [(p.code, p.record_id, p.field) for p in found] == [
        ("strict", "person:a", "country"),
        ("value", "person:b", "born"),
    ]


@pytest.mark.parametrize("rule", STRICT_RULES, ids=lambda rule: rule.name)
def test_every_layout_and_both_paths_report_the_same(
    rule: StrictRule, make_folder: MakeFolder
) -> None:
    folder = make_folder({f"{kind}.json": docs for kind, docs in rule.bad.items()})
    document = folder.parent / f"{folder.name}.json"
    document.write_text(json.dumps(rule.bad), encoding="utf-8")
    lines = folder.parent / f"{folder.name}.jsonl"
    lines.write_text(
        "".join(
            json.dumps({"$kind": kind, **doc}) + "\n"
            for kind, docs in rule.bad.items()
            for doc in docs
        ),
        encoding="utf-8",
    )
    shown = {(p.record_id, p.field, p.message) for p in strict_problems(rule.bad)}
    for path in (folder, document, lines):
        by_path = []
        for schema in (False, True):  # schema=True reads by the diagnostic path
            found = rightsdata.validate(path, strict=True, schema=schema)
            by_path.append([(*parts(p)[1:], p.message) for p in found])
            assert {(p.record_id, p.field, p.message) for p in found} == shown
        assert by_path[0] == by_path[1]
        with pytest.raises(InvalidDataError):
            rightsdata.load_path(path, strict=True)
        rightsdata.load_path(path)


def test_a_load_without_strict_never_imports_the_strict_checks(make_folder: MakeFolder) -> None:
    folder = make_folder({"sources.json": [SOURCE], "persons.json": [person(country="XX")]})
    code = (
        "import sys, rightsdata\n"
        f"rightsdata.load_path({str(folder)!r})\n"
        "print('rightsdata._validation.strict' in sys.modules,"
        " 'rightsdata._values.isocodes' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False False", done.stderr


# --- Dataset(records, strict=True): records built in Python ----------------------------------


def built(documents: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The records of ``documents`` (each kind's JSON documents), as built in Python."""
    return {
        kind: [structure(cast("KindName", kind), d) for d in docs]
        for kind, docs in documents.items()
    }


def dataset_problems(
    records: Mapping[str, Any], **arguments: Any
) -> tuple[list[str], tuple[str, ...]]:
    """The problems ``Dataset(records, strict=True, **arguments)`` raises (location, code,
    message) and its ``unchecked``; ([], ()) if it builds."""
    try:
        rightsdata.Dataset(records, strict=True, **arguments)
    except InvalidDataError as error:
        return [f"{p.location} [{p.code}] {p.message}" for p in error.problems], error.unchecked
    return [], ()


def loaded_problems(
    documents: Mapping[str, Any], **arguments: Any
) -> tuple[list[str], tuple[str, ...]]:
    """As :func:`dataset_problems`, of ``load_documents(documents, strict=True)``, located
    as Dataset locates them (without ``documents:``)."""
    try:
        rightsdata.load_documents(documents, strict=True, **arguments)
    except InvalidDataError as error:
        problems, unchecked = error.problems, error.unchecked
    else:
        return [], ()
    assert all(p.location.startswith("documents:") for p in problems)
    shown = [f"{p.location.removeprefix('documents:')} [{p.code}] {p.message}" for p in problems]
    return shown, unchecked


@pytest.mark.parametrize("rule", STRICT_RULES, ids=lambda rule: rule.name)
def test_dataset_strict_refuses_each_rules_bad_example_as_load_documents_does(
    rule: StrictRule,
) -> None:
    records = built(rule.bad)
    rightsdata.Dataset(records)  # without strict, the same records make a dataset
    found, unchecked = dataset_problems(records)
    assert found and all(" [strict] " in p for p in found)
    # the same problems, in the same order, located as Dataset locates them
    assert (found, unchecked) == loaded_problems(rule.bad) and unchecked == ()
    assert dataset_problems(built(rule.good)) == ([], ())


def test_dataset_strict_over_the_bundled_data_judges_only_the_records_given() -> None:
    base = rightsdata.load()
    # (QQ: of the form, but left for private use: no reader knows which country it means)
    questionable = {
        **person("person:x", country="QQ"),
        "citations": [{"source": "source:hrf-2012-12-14"}],
    }
    nowhere = {**questionable, "id": "person:y", "citations": [{"source": "source:nowhere"}]}
    records = built({"persons": [questionable]})
    both = rightsdata.Dataset(records, base=base)  # without strict, it builds over the base
    assert len(both) == len(base) + 1
    found, unchecked = dataset_problems(records, base=base)
    assert [" ".join(p.split(" ")[:3]) for p in found] == ["persons[0] person:x.country [strict]"]
    assert (found, unchecked) == loaded_problems({"persons": [questionable]}, base=base)
    # with every other problem, in one error: the strict ones after those of integrity
    found, _ = dataset_problems(built({"persons": [questionable, nowhere]}), base=base)
    assert [" ".join(p.split(" ")[:3]) for p in found] == [
        "persons[1] person:y.citations[0].source [integrity]",
        "persons[0] person:x.country [strict]",
        "persons[1] person:y.country [strict]",
    ]


def test_the_bundled_records_pass_strict_in_a_dataset() -> None:
    ds = rightsdata.load()
    kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    again = rightsdata.Dataset(kinds, name=ds.name, version=ds.version, strict=True)
    assert again.counts() == ds.counts()


def test_a_dataset_made_strictly_pickles_as_one_made_without() -> None:
    import pickle

    records = built(STRICT_RULES[0].good)
    made = rightsdata.Dataset(records, strict=True)
    assert pickle.loads(pickle.dumps(made)) == made == rightsdata.Dataset(records)


def test_a_dataset_without_strict_never_imports_the_strict_checks() -> None:
    code = (
        "import sys, rightsdata\n"
        "ds = rightsdata.load()\n"
        "kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}\n"
        "rightsdata.Dataset(kinds); rightsdata.Dataset({}, base=ds)\n"
        "before = 'rightsdata._validation.strict' in sys.modules\n"
        "rightsdata.Dataset({}, base=ds, strict=True)\n"
        "print(before, 'rightsdata._validation.strict' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False True", done.stderr


# --- the command line -----------------------------------------------------------------------


def test_validate_strict_exit_status_text_and_json(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    folder = make_folder({"sources.json": [SOURCE], "persons.json": [person(country="XX")]})
    assert main(["validate", str(folder)]) == 0
    assert "valid: checked 2 records" in capsys.readouterr().out
    assert main(["validate", str(folder), "--strict"]) == 1
    out = capsys.readouterr().out
    assert "1 problem in" in out
    assert "persons.json[0] person:a.country: 'XX' is not a country code ISO 3166-1 assigns" in out
    assert main(["validate", str(folder), "--strict", "--json"]) == 1
    [problem] = json.loads(capsys.readouterr().out)
    assert problem["code"] == "strict"
    assert (problem["file"], problem["record_id"], problem["field"]) == (
        "persons.json",
        "person:a",
        "country",
    )


def test_validate_strict_checks_a_kinds_file_alone(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder({"persons.json": [person(country="UK")]})
    assert main(["validate", str(folder / "persons.json")]) == 0
    capsys.readouterr()
    assert main(["validate", str(folder / "persons.json"), "--strict"]) == 1
    assert "did you mean 'GB'" in capsys.readouterr().out


# --- generated datasets ---------------------------------------------------------------------


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(dataset_documents(max_per_kind=3))
def test_a_generated_dataset_loads_and_strict_adds_only_located_strict_problems(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    # By default the strategies draw an identifier's value, ratings' places, lists and who
    # relayed what freely: a generated dataset need not pass strict (with strict=True it
    # does: tests/testing/test_testing_strict.py), but strict adds nothing else.
    loaded = rightsdata.load_documents(documents)
    found = strict_problems(documents)
    assert all(p.code == ProblemCode.STRICT and p.record_id and p.field for p in found)
    records = {kind: list(loaded.collection(cast("KindName", kind))) for kind in documents}
    assert sorted(p.message for p in check_strict(records, {})) == sorted(p.message for p in found)


def test_a_place_within_no_country_is_told_the_place_of_its_code_not_a_territory() -> None:
    """A region or an 'other' place of Kazakhstan, within nothing, was told "if it has a code
    of its own ('KZ'), give it kind 'territory'": its code is its country's."""
    places = [
        KZ,
        cited(
            {
                "id": "place:almaty-region",
                "name": "Almaty Region",
                "kind": "region",
                "country": "KZ",
            }
        ),
        cited({"id": "place:caucasus", "name": "Caucasus", "kind": "other", "country": "RU"}),
    ]
    documents = {
        "sources": [SOURCE],
        "places": places,
        "organizations": [MONITOR],
        "ratings": [rating("place:almaty-region"), {**rating("place:caucasus"), "id": "rating:b"}],
    }
    assert [p.partition("(or 'territory')")[2] for p in said(documents)] == [
        "; did you mean 'place:kz' (Kazakhstan), the country of its code 'KZ'?",
        "",  # (no place of RU's: nothing to suggest, and no territory)
    ]


@pytest.mark.parametrize(
    ("name", "kind", "code", "outer"),
    [("Hong Kong", "city", "HK", "CN"), ("Gibraltar", "town", "GI", "GB")],
)
def test_a_city_state_entered_as_a_city_is_told_first_it_may_be_a_territory(
    name: str, kind: str, code: str, outer: str
) -> None:
    """Hong Kong as a city within China was told "did you mean 'CN'", and its rating "did you
    mean 'place:cn' (China)": CIVICUS rates Hong Kong on its own."""
    places = [
        cited({"id": "place:outer", "name": "Outer", "kind": "country", "country": outer}),
        cited(
            {"id": "place:it", "name": name, "kind": kind, "country": code, "within": "place:outer"}
        ),
    ]
    documents = {
        "sources": [SOURCE],
        "places": places,
        "organizations": [MONITOR],
        "ratings": [rating("place:it")],
    }
    rated, within = said(documents)
    assert rated.endswith(
        ", not a country; a rating's country is a place of kind 'country' (or 'territory'); "
        f"if it has a code of its own ({code!r}), give it kind 'territory' (or did you mean "
        "'place:outer' (Outer), which it lies within?)"
    )
    assert within.endswith(
        f"which it lies within; if it has a code of its own ({code!r}), give it kind "
        f"'territory', or did you mean {outer!r}, or does it lie within another place?"
    )
    places[1]["kind"] = "territory"
    assert said(documents) == []
    places[1]["name"] = "Some City"  # (a city not named as its code: a wrong code)
    places[1]["kind"] = kind
    assert said(documents)[1].endswith(
        f"did you mean {outer!r}, or does it lie within another place?"
    )
    places[1]["kind"] = "region"  # (a region not so named: the territory reading second)
    assert said(documents)[1].endswith(
        f"did you mean {outer!r}, or does it lie within another place? If it has a code of its "
        f"own ({code!r}), give it kind 'territory'"
    )


def test_a_record_that_failed_is_not_judged_and_its_kind_is_said_unchecked() -> None:
    """A person with 'UK', a repeated alias and an unknown field got only the unknown field's
    problem and unchecked (): fixing it revealed two strict problems unannounced."""
    bad = person(country="UK", aliases=[{"name": "Bee"}, {"name": "Bee"}], nmae="x")
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents({"sources": [SOURCE], "persons": [bad]}, strict=True)
    assert [p.code for p in raised.value.problems] == [ProblemCode.UNKNOWN_FIELD]
    assert raised.value.unchecked == ("persons",)
    with pytest.raises(InvalidDataError) as unstrict:  # (not strict: nothing more to find)
        rightsdata.load_documents({"sources": [SOURCE], "persons": [bad]})
    assert unstrict.value.unchecked == ()
    del bad["nmae"]
    with pytest.raises(InvalidDataError) as fixed:
        rightsdata.load_documents({"sources": [SOURCE], "persons": [bad]}, strict=True)
    assert [p.field for p in fixed.value.problems] == ["country", "aliases[1]"]
    assert fixed.value.unchecked == ()


@pytest.mark.parametrize(
    ("code", "outer", "told"),
    [
        ("DD", "YU", "'DD' (German Democratic Republic) disagrees with 'YU'"),  # two former
        ("YU", "SU", "'YU' (Yugoslavia, (Socialist) Federal Republic of) disagrees with 'SU'"),
        ("FR", "DD", "'FR' (France) disagrees with 'DD'"),  # of today, outside the former state
        ("CZ", "SU", "'CZ' (Czechia) disagrees with 'SU'"),
        ("DD", "FR", "'DD' (German Democratic Republic) disagrees with 'FR'"),
    ],
)
def test_a_chain_through_a_former_state_holds_only_what_its_territory_held(
    code: str, outer: str, told: str
) -> None:
    """Any chain through a former state passed: East Berlin (DD) within Yugoslavia's place,
    Almaty (YU) within the Soviet Union's."""
    places = [
        place("place:outer", "country", outer),
        place("place:x", "city", code, within="place:outer"),
    ]
    found = said({"sources": [SOURCE], "places": places})
    assert len(found) == 1 and told in found[0], found
    for old, new in (
        ("SU", "KZ"),
        ("YU", "SI"),
        ("CS", "SK"),
        ("CS", "ME"),
        ("DD", "DE"),
        ("YU", "CS"),  # (Belgrade: Yugoslavia was renamed Serbia and Montenegro)
        ("CS", "YU"),
    ):
        places = [
            place("place:outer", "country", old),
            place("place:x", "city", new, within="place:outer"),
        ]
        assert said({"sources": [SOURCE], "places": places}) == []


@pytest.mark.parametrize(
    ("code", "told"),
    [
        (
            "JT",
            "(it was withdrawn: Johnston Island, now of the United States Minor Outlying "
            "Islands); did you mean 'UM'",
        ),
        ("PU", "did you mean 'UM'"),
        ("MI", "did you mean 'UM'"),
        ("WK", "did you mean 'UM'"),
        ("CT", "did you mean 'KI' (Kiribati), the code of what it is part of now?"),
        ("PZ", "did you mean 'PA' (Panama)"),
        ("NQ", "did you mean 'AQ' (Antarctica)"),
        ("EZ", "(it is reserved for the eurozone, a currency area, not a country)"),
        ("EU", "(it is reserved for the European Union, an international body, not a country)"),
    ],
)
def test_an_areas_withdrawn_code_is_told_its_code_now_and_each_reserved_its_noun(
    code: str, told: str
) -> None:
    """Johnston Island's JT and the like passed as former states' codes; the eurozone was
    called an international body. In a law's jurisdiction too: none of these areas was a
    state that made laws (JT passed there "as the state that made the law")."""
    assert told in str(country_problem(code, "persons"))
    if code not in ("EU", "EZ"):
        assert told in str(country_problem(code, "laws"))
        law = cited({"id": "law:a", "instrument": "A code", "jurisdiction": code})
        assert len(said({"sources": [SOURCE], "laws": [law]})) == 1


def test_bh_withdrawn_from_iso_639_1_is_told_bih() -> None:
    assert (
        language_problem("bh")
        == "'bh' is a withdrawn code of Bihari languages, replaced by 'bih'; did you mean 'bih'?"
    )
    assert language_problem("bih") is None


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        ("ZR", "CD"),
        ("CD", "ZR"),
        ("TP", "TL"),
        ("BU", "MM"),
        ("JT", "UM"),
        ("FX", "FR"),
        ("UK", "GB"),
        ("EL", "GR"),
        ("ID", "TP"),
        ("KZ", "XX"),
    ],
)
def test_a_chain_through_a_code_country_code_flags_is_left_to_it(outer: str, inner: str) -> None:
    """Kinshasa, 'CD', within Zaire's place, 'ZR', was told by country-code "did you mean 'CD'"
    (of the outer place) and by country-within "'CD' disagrees with 'ZR'; did you mean 'ZR'"
    (of the city): two rules, opposite advice. The code flagged is told once, where it is."""
    places = [
        place("place:outer", "country", outer),
        place("place:x", "city", inner, within="place:outer"),
    ]
    flagged = outer if country_problem(outer, "places") else inner
    found = strict_problems({"sources": [SOURCE], "places": places})
    assert [(p.record_id, p.message) for p in found] == [
        ("place:outer" if flagged == outer else "place:x", country_problem(flagged, "places"))
    ]


def test_no_strict_message_suggests_a_code_country_code_flags() -> None:
    """Every code a strict message suggests ("did you mean 'XX'", "a code of its own
    ('XX')", "the country of its code ('XX')") passes country-code where it would be
    written, for every pair of a place within another among assigned, former, renamed,
    reserved and user-assigned codes."""
    lists = codes()
    sample = ["KZ", "RU", "GB", "US", "CN", "HK", "PR", "DE", "FR", "RS", "XK", "XX", "QM"]
    pool = sorted({*sample, *lists.withdrawn, *lists.reserved, *lists.meant})
    places = [place(f"place:{c.lower()}", "country", c) for c in pool]
    for outer in pool:
        for inner in pool:
            name = lists.countries.get(inner, inner)  # (named as its code: the hints too)
            places.append(
                cited(
                    {
                        "id": f"place:{outer.lower()}-{inner.lower()}",
                        "name": name,
                        "kind": "region",
                        "country": inner,
                        "within": f"place:{outer.lower()}",
                    }
                )
            )
    law = {"instrument": "A code"}
    documents = {
        "sources": [SOURCE],
        "places": places,
        "persons": [person(f"person:{c.lower()}", country=c) for c in pool],
        "laws": [cited({**law, "id": f"law:{c.lower()}", "jurisdiction": c}) for c in pool],
    }
    suggested = 0
    for problem in strict_problems(documents):
        said = problem.message
        kind = {"person": "persons", "law": "laws"}.get(str(problem.record_id).partition(":")[0])
        for code in re.findall(r"(?:did you mean |its own \(|its code \()'([A-Z]{2})'", said):
            suggested += 1
            assert country_problem(code, kind or "places") is None, said
    assert suggested > 100


def _rated(places: list[dict[str, Any]], rated: str) -> dict[str, Any]:
    return {
        "sources": [SOURCE],
        "places": places,
        "organizations": [MONITOR],
        "ratings": [rating(rated)],
    }


@pytest.mark.parametrize(
    ("outer", "kind", "code", "name"),
    [
        ("KZ", "facility", "RU", "Detention Centre No. 1"),
        ("KZ", "city", "RU", "Almaty"),
        ("ET", "city", "ER", "Asmara"),
        ("SD", "city", "SS", "Juba"),
        ("CN", "city", "MO", "Macau"),  # (a territory's code, but not its name: a wrong code)
    ],
)
def test_a_city_or_facility_with_another_code_is_not_told_it_may_be_a_territory(
    outer: str, kind: str, code: str, name: str
) -> None:
    """A detention facility coded RU within Kazakhstan, Asmara within Ethiopia, were told "if
    it has a code of its own ('RU'), give it kind 'territory'": a wrong code, not a territory."""
    places = [
        place("place:outer", "country", outer),
        cited(
            {"id": "place:x", "name": name, "kind": kind, "country": code, "within": "place:outer"}
        ),
    ]
    found = said(_rated(places, "place:x"))
    assert len(found) == 2 and not any(
        "territory'" in p.partition("(or 'territory')")[2] for p in found
    )
    assert found[1].endswith(f"; did you mean {outer!r}, or does it lie within another place?")


def test_a_region_across_time_is_not_told_it_may_be_a_territory() -> None:
    """The Kazakh SSR (a region of 'KZ' within the Soviet Union's place), rated, was told "if it
    has a code of its own ('KZ'), give it kind 'territory'"."""
    places = [
        place("place:su", "country", "SU"),
        cited(
            {
                "id": "place:k",
                "name": "Kazakhstan",
                "kind": "region",
                "country": "KZ",
                "within": "place:su",
            }
        ),
    ]
    assert [p.partition("(or 'territory'); ")[2] for p in said(_rated(places, "place:k"))] == [
        "did you mean 'place:su' (Su), which it lies within?"
    ]


@pytest.mark.parametrize(
    ("outer", "code", "name", "told"),
    [
        # a classic wrong code, whose name holds (or is held by) its country's: no territory
        ("GB", "IE", "Northern Ireland", ""),
        ("GR", "MK", "Macedonia", ""),
        (
            "US",
            "VG",
            "Virgin Islands",
            " If it has a code of its own ('VG'), give it kind 'territory'",
        ),
        # named as an independent state: that reading second, and kind 'country'
        ("US", "GE", "Georgia", " If it is the country of its code ('GE'), give it kind 'country'"),
        (
            "US",
            "PR",
            "San Juan Region",
            " If it has a code of its own ('PR'), give it kind 'territory'",
        ),
    ],
)
def test_a_region_is_told_first_the_code_of_what_it_lies_within_unless_named_as_a_territory(
    outer: str, code: str, name: str, told: str
) -> None:
    """Northern Ireland (IE within GB) and the US state of Georgia (GE within US) were told
    "give it kind 'territory'" before "did you mean 'GB'": names matched by substring, and
    independent states' codes offered as territories."""
    places = [
        place("place:outer", "country", outer),
        cited(
            {
                "id": "place:x",
                "name": name,
                "kind": "region",
                "country": code,
                "within": "place:outer",
            }
        ),
    ]
    [found] = said({"sources": [SOURCE], "places": places})
    assert found.endswith(f"; did you mean {outer!r}, or does it lie within another place?{told}")


@pytest.mark.parametrize(
    ("kind", "code", "name", "told"),
    [
        (
            "city",
            "SG",
            "Singapore",
            "; if it is the country of its code ('SG'), give it kind 'country'",
        ),
        (
            "city",
            "VA",
            "Holy See (Vatican City State)",
            "; if it is the country of its code ('VA'), give it kind 'country'",
        ),
        (
            "city",
            "HK",
            "Hong Kong",
            "; if it has a code of its own ('HK'), give it kind 'territory'",
        ),
        ("other", "PG", "New Guinea", ""),  # (not Papua New Guinea's name)
        (
            "town",
            "TW",
            "Taiwan, Province of China",
            "; if it has a code of its own ('TW'), give it kind 'territory'",
        ),
    ],
)
def test_a_rated_place_named_as_its_code_is_told_the_kind_its_code_is_of(
    kind: str, code: str, name: str, told: str
) -> None:
    """Singapore and Vatican City, rated as cities, were told to become territories, and "New
    Guinea" was taken for Papua New Guinea."""
    places = [cited({"id": "place:x", "name": name, "kind": kind, "country": code})]
    [found] = said(_rated(places, "place:x"))
    assert found.partition("(or 'territory')")[2] == told


def test_a_rated_place_within_no_country_is_told_the_place_of_its_code_first() -> None:
    """A Monaco city, within nothing, with the data's place:mc, was told to become a
    territory; the place of its code was named only when no other hint was."""
    places = [
        cited({"id": "place:mc", "name": "Monaco", "kind": "country", "country": "MC"}),
        cited({"id": "place:city", "name": "Monaco", "kind": "city", "country": "MC"}),
        cited({"id": "place:hk", "name": "Hong Kong", "kind": "territory", "country": "HK"}),
        cited({"id": "place:hk-city", "name": "Hong Kong", "kind": "city", "country": "HK"}),
    ]
    found = said(_rated(places, "place:city"))
    assert [p.partition("(or 'territory')")[2] for p in found] == [
        "; did you mean 'place:mc' (Monaco), the country of its code 'MC'?"
    ]
    found = said(_rated(places, "place:hk-city"))
    assert [p.partition("(or 'territory')")[2] for p in found] == [
        "; did you mean 'place:hk' (Hong Kong), the territory of its code 'HK'?"
    ]


@pytest.mark.parametrize("text", ['[{"id": "person:a",}]', '{"person:a": {}}'])
def test_a_kind_whose_file_failed_to_read_is_said_unchecked_under_strict(
    tmp_path: Path, text: str
) -> None:
    """persons.json not JSON, or not a list, gave unchecked () under strict, though a record
    that failed with no ID named 'persons': none of its records was judged by the strict rules
    (its 'UK' would show once it loads). Without strict too, though nothing references it:
    none of its records was judged by any rule (tests/validation/test_integrity.py)."""
    (tmp_path / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    (tmp_path / "persons.json").write_text(text, encoding="utf-8")
    assert rightsdata.validate(tmp_path, strict=True).unchecked == ("persons",)
    assert rightsdata.validate(tmp_path).unchecked == ("persons",)
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(tmp_path, strict=True)
    assert str(raised.value).splitlines()[-1] == (
        "Not checked: references to persons, and checks that need their records (not all of "
        "them loaded); a load after the fixes may report more."
    )


# --- named-value-held ----------------------------------------------------------------------------


def test_an_inference_or_citation_naming_a_value_not_held_is_told_where_and_why() -> None:
    event = {
        "id": "event:a",
        "kind": "arrest",
        "title": "An arrest",
        "participants": [{"actor": "person:a", "role": "victim"}],
        "figures": [
            {
                "measure": "detained",
                "unit": "people",
                "qualifier": "exact",
                "best": 3,
                "citations": [{"source": "source:a", "fields": ["best", "as_given"]}],
            }
        ],
        "citations": [{"source": "source:a", "fields": ["title", "summary"]}],
        "inferred": [
            {"field": "participants[0].role", "basis": "From the context."},
            {"field": "participants[2].role", "basis": "From the context."},
            {"field": "figures[0].best", "basis": "From the context."},
            {"field": "penalty", "basis": "From the context."},
        ],
    }
    documents = {"sources": [SOURCE], "persons": [person()], "events": [event]}
    rightsdata.load_documents(documents)  # (well formed: only the strict load tells it)
    at = "documents:events[0] event:a."
    assert said(documents) == [
        f"{at}citations[0].fields[1]: names 'summary', which this record leaves empty: a "
        "citation supports values the record holds",
        f"{at}figures[0].citations[0].fields[1]: names 'as_given', which this figure leaves "
        "empty: a citation supports values the figure holds",
        f"{at}inferred[1].field: names 'participants[2].role', but 'participants' holds 1 item "
        "(participants[0]): an inference says how a value the record holds was read",
        f"{at}inferred[3].field: names 'penalty', which this record leaves empty: an inference "
        "says how a value the record holds was read",
    ]


def test_the_bundled_dataset_names_only_values_it_holds() -> None:
    from rightsdata._validation.strict import named_value_problems

    assert [(r.id, *p) for r in rightsdata.load() for p in named_value_problems(r)] == []


# --- duration-above-zero -------------------------------------------------------------------------


def test_a_term_or_rate_of_no_length_is_told_and_one_of_a_day_passes() -> None:
    figure = {"measure": "detained", "unit": "people", "qualifier": "exact", "best": 2}
    event = cited(
        {
            "id": "event:a",
            "kind": "verdict",
            "title": "A verdict",
            "penalty": {"kind": "imprisonment", "term": "P0D"},
            "figures": [
                {**figure, "per": "P0D", "citations": [{"source": "source:a"}]},
                {**figure, "per": "P1D", "citations": [{"source": "source:a"}]},
            ],
        }
    )
    documents = {"sources": [SOURCE], "events": [event]}
    rightsdata.load_documents(documents)  # (a well-formed duration: only strict tells it)
    at = "documents:events[0] event:a."
    assert said(documents) == [
        f"{at}penalty.term: is P0D, no length of time: a penalty with no term stated has a "
        "term of null",
        f"{at}figures[0].per: is P0D, no length of time: a rate is counted per some time (per "
        "week, P7D); a figure that is not a rate has a per of null",
    ]
    event["penalty"] = {"kind": "imprisonment", "term": "PT1H"}
    event["figures"] = event["figures"][1:]
    assert said(documents) == []


def test_the_bundled_dataset_states_no_duration_of_no_length() -> None:
    from rightsdata._validation.strict import zero_durations

    assert [(r.id, *p) for r in rightsdata.load() for p in zero_durations(r)] == []
