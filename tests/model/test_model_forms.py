"""A field held to a form (a country code, a language tag, a web address, a jurisdiction,
an identifier of a register) says what it takes in words, with an example, never as its
regular expression; the same on every path a value is checked by."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._model.forms import COUNTRY, FORMS, JURISDICTION, LANGUAGE, URL, Form
from rightsdata._model.records import IDENTIFIER_FORMS
from rightsdata.schema import schema_problems

from conftest import CITE, person_doc, source_doc, write_folder

pytest.importorskip("jsonschema")

# (kind, field, document's changes, what the message says)
CASES: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "persons",
        "country",
        {"country": "kz"},
        "'kz' is not a country code (an ISO 3166-1 alpha-2 code in capitals, such as 'KZ'); "
        "did you mean 'KZ'?",
    ),
    (
        "persons",
        "country",
        {"country": "uk"},
        "'uk' is not a country code (an ISO 3166-1 alpha-2 code in capitals, such as 'KZ'); "
        "did you mean 'GB'?",
    ),
    (
        "persons",
        "country",
        {"country": "KAZ"},
        "'KAZ' is not a country code (an ISO 3166-1 alpha-2 code in capitals, such as 'KZ')",
    ),
    (
        "persons",
        "aliases[0].language",
        {"aliases": [{"name": "Jane", "language": "kk_Cyrl"}]},
        "'kk_Cyrl' is not a language tag (a BCP 47 tag, such as 'en', 'ru' or 'kk-Cyrl'); "
        "did you mean 'kk-Cyrl'?",
    ),
    (
        "sources",
        "language",
        {"language": "English"},
        "'English' is not a language tag (a BCP 47 tag, such as 'en', 'ru' or 'kk-Cyrl'); "
        "did you mean 'en'?",
    ),
    (
        "sources",
        "url",
        {"url": "www.example.org"},
        "'www.example.org' is not a web address (one that starts with http:// or https:// "
        "and holds no spaces, such as 'https://example.org/report'); did you mean "
        "'https://www.example.org'?",
    ),
    (
        "sources",
        "url",
        {"url": "javascript:alert(1)"},
        "'javascript:alert(1)' is not a web address (one that starts with http:// or "
        "https:// and holds no spaces, such as 'https://example.org/report')",
    ),
    (
        "sources",
        "archive_url",
        {"archive_url": "https://example.org/a b"},
        "'https://example.org/a b' is not a web address (one that starts with http:// or "
        "https:// and holds no spaces, such as 'https://example.org/report'); did you mean "
        "'https://example.org/a%20b'?",
    ),
    (
        "persons",
        "identifiers[0].value",
        {"identifiers": [{"scheme": "openstreetmap", "value": "Node/42"}]},
        "'Node/42' is not an OpenStreetMap element (node/, way/ or relation/ and a number, "
        "such as 'node/42' or 'relation/214665'); did you mean 'node/42'?",
    ),
]


def _document(kind: str, changes: dict[str, Any]) -> dict[str, Any]:
    base = source_doc() if kind == "sources" else person_doc(citations=[CITE])
    return {**base, **changes}


def _dataset(folder: Path, kind: str, changes: dict[str, Any]) -> Path:
    files: dict[str, Any] = {"sources.json": [source_doc()]}
    if kind == "sources":
        files["sources.json"] = [_document(kind, changes)]
    else:
        files[f"{kind}.json"] = [_document(kind, changes)]
    return write_folder(folder, files)


@pytest.mark.parametrize(("kind", "field", "changes", "said"), CASES)
def test_a_value_of_the_wrong_form_is_told_in_words_on_every_path(
    tmp_path: Path, kind: str, field: str, changes: dict[str, Any], said: str
) -> None:
    folder = _dataset(tmp_path / "data", kind, changes)
    for schema in (False, True):  # the fast path and its bulk checks; the converter's
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_path(folder, schema=schema)
        messages = [p.message for p in raised.value.problems if p.field == field]
        # the JSON Schema's problem says it too, word for word: reported once
        assert messages == [said], schema
    document = {"sources": [source_doc()], kind: [_document(kind, changes)]}
    (tmp_path / "all.json").write_text(json.dumps(document), encoding="utf-8")
    for schema in (False, True):
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_path(tmp_path / "all.json", schema=schema)
        assert [p.message for p in raised.value.problems if p.field == field] == [said]
    # a kind's file checked alone, with the schemas too, on the command line
    from rightsdata._data.kindfile import check_kind_file

    check = check_kind_file(folder / f"{kind}.json", schema=True)
    assert [p.message for p in check.problems if p.field == field] == [said]


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("country", "kz", "'kz' is not a country code"),
        ("name", " padded", "must be non-empty text without leading or trailing spaces"),
        (
            "name",
            "\tpadded",
            "must be non-empty text without leading or trailing spaces (it starts with a tab)",
        ),
        ("id", "person:Jane Doe", "'person:Jane Doe' is not an id (kind:slug"),
        (
            "id",
            "Person:J",
            "'Person:J' is not an id (kind:slug, slug in lowercase a-z, 0-9 and "
            "'-': in lowercase, 'person:j')",
        ),
        # (in lowercase an ID of a kind the field does not take: not suggested)
        ("id", "EVENT:A", "'EVENT:A' is not an id (kind:slug, slug in lowercase a-z, 0-9 and '-')"),
        ("id", "event:a", "'event:a' names 'event'; expected a person"),
    ],
)
def test_a_schema_problem_of_a_pattern_says_what_the_model_says(
    field: str, value: str, said: str
) -> None:
    """rightsdata.schema and load_path(schema=True) gave jsonschema's "does not match" and
    the regular expression (URLs': three lines of it)."""
    (problem,) = schema_problems("persons", {**person_doc(), field: value}, "p[0]")
    assert problem.message.startswith(said)


def test_no_form_states_its_regular_expression_in_its_message() -> None:
    assert FORMS
    for form in FORMS.values():
        assert form.pattern not in form.message("?") and "^" not in form.message("?")


def test_python_constructors_say_it_in_the_same_words() -> None:
    with pytest.raises(rightsdata.FieldError) as raised:
        rightsdata.Person(
            id="person:a",
            name="A",
            country="kz",
            citations=(rightsdata.Citation(source="source:doc"),),
        )
    assert raised.value.message == CASES[0][3]


#: (a form, a value that misses it, the value suggested, or None): each guess beside the
#: near-misses it must not guess for.
GUESSES: list[tuple[Form, str, str | None]] = [
    # a web address: a scheme in another case, a host name without one, spaces after the host
    (URL, "HTTP://example.org", "http://example.org"),
    (URL, "Https://example.org/a b", "https://example.org/a%20b"),
    (URL, "www.example.org", "https://www.example.org"),
    (URL, "WWW.Example.org/x", "https://WWW.Example.org/x"),
    (URL, "example.org", "https://example.org"),
    (URL, "example.org/report.pdf", "https://example.org/report.pdf"),
    (URL, "example.org:8080/x?q=a b#f", "https://example.org:8080/x?q=a%20b#f"),
    (URL, "hrw.org", "https://hrw.org"),
    (URL, "kazakhstan.kz/news", "https://kazakhstan.kz/news"),  # (a path says it is a host)
    (URL, "sub.example.co.uk", None),  # (a country's domain alone: as a file's name may end)
    (URL, "report.pdf", None),  # (a file's name, not a host's)
    (URL, "index.html", None),
    (URL, "data.json", None),
    (URL, "data.tar.gz", None),
    (URL, "photo.gif", None),
    (URL, "scan.tiff", None),
    (URL, "page.php", None),
    (URL, "slides.key", None),
    (URL, "john.smith", None),
    (URL, "John.Smith", None),  # (a top-level domain is written in lowercase)
    (URL, "www.", None),
    (URL, "localhost:8000", None),
    (URL, "javascript:alert(1)", None),
    (URL, "mailto:a@example.org", None),
    (URL, "a@example.org", None),
    (URL, "ftp://example.org", None),
    (URL, "http//example.org", None),
    (URL, "1.5", None),
    (URL, "e.g.", None),
    (URL, "http://a b/c", None),  # (a space in the host is no slip of a space in a path)
    (URL, "https://x\u00a0y", None),
    # a country code, a jurisdiction, a language tag: a change of case, in ASCII only
    (COUNTRY, "kz", "KZ"),
    (COUNTRY, "KAZ", None),
    (COUNTRY, "Kz ", None),
    (COUNTRY, "\u00df", None),  # ('ß'.upper() is 'SS')
    (COUNTRY, "\ufb00", None),  # ('ﬀ'.upper() is 'FF')
    (JURISDICTION, "kz", "KZ"),
    (JURISDICTION, "International", "international"),
    (JURISDICTION, "Kazakhstan", None),
    (JURISDICTION, "\u00dfx", None),
    (LANGUAGE, "EN", "en"),
    (LANGUAGE, "kk_Cyrl", "kk-Cyrl"),
    (LANGUAGE, "EN_GB", "en-GB"),
    (LANGUAGE, "English", "en"),
    (LANGUAGE, " russian ", "ru"),
    (LANGUAGE, "Kazakh language", None),
    (LANGUAGE, "Englsh", None),
    (LANGUAGE, "\u212a\u212a", None),  # (the Kelvin sign's lowercase is 'k')
    # an identifier of each register
    (IDENTIFIER_FORMS["wikidata"], "q232", "Q232"),
    (IDENTIFIER_FORMS["wikidata"], "232", "Q232"),
    (IDENTIFIER_FORMS["wikidata"], "0123", None),
    (IDENTIFIER_FORMS["wikidata"], "\u00b2\u00b3", None),  # (digits to isdigit, not to JSON)
    (IDENTIFIER_FORMS["iso_3166_2"], "kz-75", "KZ-75"),
    (IDENTIFIER_FORMS["iso_3166_2"], "kz_75", None),
    (IDENTIFIER_FORMS["iso_3166_2"], "\u00df-1", None),
    (IDENTIFIER_FORMS["openstreetmap"], "Node/42", "node/42"),
    (IDENTIFIER_FORMS["openstreetmap"], "node/042", None),
    (IDENTIFIER_FORMS["openstreetmap"], "n/42", None),
    (IDENTIFIER_FORMS["geonames"], " 1526384", "1526384"),
    (IDENTIFIER_FORMS["geonames"], "Q232", None),
    # a code suggested is one the strict checks pass (a user copies it as it is): the code
    # meant for a reserved one, none for a code no country or language has
    (COUNTRY, "uk", "GB"),
    (COUNTRY, "zr", "CD"),
    (COUNTRY, "xk", "XK"),  # (Kosovo's, in wide use)
    (COUNTRY, "xx", None),
    (COUNTRY, "qm", None),
    (COUNTRY, "su", "SU"),  # (a former state's, which the strict checks take)
    (COUNTRY, "zr", "CD"),  # (withdrawn when Zaire was renamed)
    (JURISDICTION, "dd", "DD"),  # (East German law: not Germany's)
    (JURISDICTION, "zr", "ZR"),  # (Zaire's law: the state that made it, not the DRC's)
    (JURISDICTION, "eu", "international"),  # (the European Union's law)
    (JURISDICTION, "uk", "GB"),
    (JURISDICTION, "zz", None),
    (IDENTIFIER_FORMS["iso_3166_1"], "uk", "GB"),
    (IDENTIFIER_FORMS["iso_3166_2"], "uk-eng", "GB-ENG"),
    (IDENTIFIER_FORMS["iso_3166_2"], "xx-1", None),
    (LANGUAGE, "ENG", "en"),
    (LANGUAGE, "Fre_FR", "fr-FR"),
    (LANGUAGE, "XYZ", None),
    (LANGUAGE, "IW", "he"),  # (withdrawn from ISO 639-1: Hebrew's is he)
    (LANGUAGE, "QAA", None),  # (reserved for local use)
]


@pytest.mark.parametrize(
    ("form", "value", "meant"), GUESSES, ids=[f"{g[0].what}:{g[1]!r}" for g in GUESSES]
)
def test_a_form_guesses_only_a_likely_slip(form: Form, value: str, meant: str | None) -> None:
    """URL.message("report.pdf") guessed 'https://report.pdf', and "HTTP://example.org" was
    given no guess; 'ß' as a country code would have been 'SS'."""
    said = form.message(value)
    assert not form.fits(value)
    if meant is None:
        assert "did you mean" not in said
    else:
        assert said.endswith(f"; did you mean {meant!r}?")


@pytest.mark.parametrize(("form", "value", "meant"), [g for g in GUESSES if g[2] is not None])
def test_a_code_suggested_passes_the_strict_checks(form: Form, value: str, meant: str) -> None:
    from rightsdata._values.isocodes import country_problem, language_problem

    # (each in the field's own kind: a law's jurisdiction keeps a renamed state's code)
    if form is LANGUAGE:
        assert language_problem(meant) is None
    elif form is JURISDICTION:
        assert meant == "international" or country_problem(meant, "laws") is None
    elif form in (IDENTIFIER_FORMS["iso_3166_1"], IDENTIFIER_FORMS["iso_3166_2"]):
        assert country_problem(meant[:2], "identifiers") is None
    if form is COUNTRY:  # (a record's country: a person's, an organisation's, ...)
        for kind in ("persons", "organizations", "groups", "places", "identifiers"):
            assert country_problem(meant, kind) is None


@pytest.mark.parametrize(
    ("form", "value", "advice"),
    [
        (COUNTRY, "xx", "write null where the country is none or unknown"),
        (COUNTRY, "eu", "write null where the country is none or unknown"),
        (JURISDICTION, "xx", "write 'international' for a treaty or an international body's law"),
        (IDENTIFIER_FORMS["iso_3166_2"], "xx-1", "leave out an identifier ISO 3166 does not"),
        (IDENTIFIER_FORMS["iso_3166_1"], "xx", "leave out an identifier ISO 3166 does not"),
    ],
)
def test_a_code_of_no_country_is_told_what_the_strict_checks_say_to_write(
    form: Form, value: str, advice: str
) -> None:
    """'eu' or 'xx' as a country got no advice where the strict checks say "write null"; each
    field is told only its own advice (an identifier's value cannot be null)."""
    message = form.message(value)
    assert f"; {advice}" in message
    assert ("null" in message) is ("null" in advice)
