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
from rightsdata._model.forms import FORMS
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
    (tmp_path / "all.json").write_text(json.dumps(document))
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
        ("id", "person:Jane Doe", "'person:Jane Doe' is not an id (kind:slug"),
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
            citations=[rightsdata.Citation(source="source:doc")],
        )
    assert raised.value.message == CASES[0][3]
