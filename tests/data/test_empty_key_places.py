"""An empty key is told at what holds it, as a record's is (``unknown field ''``), never
located with a trailing dot or colon: in a redirect (each layout), a JSON document's keys
(a file's, and ``load_documents``'), and ``Dataset``'s kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rightsdata
from rightsdata import InvalidDataError

from conftest import person_doc, source_doc, write_folder

#: A redirect with an empty key beside its own two.
REDIRECT: dict[str, object] = {"": 1, "id": "person:old", "to": "person:a"}


def said(path: Path) -> list[str]:
    """The problems of ``path`` as printed (load_path's, checked to be validate()'s)."""
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path)
    found = [str(p) for p in caught.value.problems]
    assert [str(p) for p in rightsdata.validate(path)] == found
    return found


def test_an_empty_key_in_redirects_json_is_told_at_the_redirect(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "ds",
        {
            "sources.json": json.dumps([source_doc()]),
            "persons.json": json.dumps([person_doc()]),
            "redirects.json": json.dumps([REDIRECT]),
        },
    )
    assert said(folder) == ["redirects.json[0]: unknown field ''"]


def test_an_empty_key_in_a_documents_redirect_is_told_at_the_redirect(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    documents = {"sources": [source_doc()], "persons": [person_doc()], "redirects": [REDIRECT]}
    path.write_text(json.dumps(documents), encoding="utf-8")
    assert said(path) == ["all.json:redirects[0]: unknown field ''"]


def test_an_empty_key_on_a_redirect_line_is_told_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    lines = [
        {"$kind": "sources", **source_doc()},
        {"$kind": "persons", **person_doc()},
        {"$kind": "redirects", **REDIRECT},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert said(path) == ["all.jsonl:3 redirects: unknown field ''"]


def test_an_empty_key_of_a_document_is_told_at_the_document(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    documents = {"": [], "sources": [source_doc()], "persons": [person_doc()]}
    path.write_text(json.dumps(documents), encoding="utf-8")
    (problem,) = said(path)
    assert problem.startswith("all.json: key '' is not a record kind; expected sources, ")


def test_an_empty_key_given_to_load_documents_is_told_at_the_documents() -> None:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents({"": [], "sources": [source_doc()]})
    (problem,) = caught.value.problems
    assert problem.location == "documents"
    assert problem.message.startswith("key '' is not a record kind; expected sources, ")


def test_an_empty_kind_given_to_dataset_is_shown_quoted() -> None:
    with pytest.raises(ValueError, match=r"^unknown record kinds: '', x; the kinds are "):
        rightsdata.Dataset({"": [], "x": []})
