"""The Table Schemas of the CSV data package and of the Parquet files list the terms of the
format the export declares: a term a later format added (``TERMS_FROM``) is left out of an
older format's ``enum`` and ``categories``, as that format's JSON Schemas leave it out.

``TERMS_FROM`` is empty today, so the tests patch a made-up entry into it, as
tests/data/test_terms_from.py does: an event's kind ``strike``, as if the newest format had
added it. A dataset without a strike then declares format 2, one with a strike the newest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._values import format as formats
from rightsdata.tables import TABLES
from rightsdata.vocab import EventKind, Role

from conftest import event_doc, person_doc, source_doc

NEWER = "strike"


@pytest.fixture
def strike_is_newer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``TERMS_FROM`` with the made-up entry alone; the format functions' paths forgotten
    before and after."""
    monkeypatch.setattr(formats, "TERMS_FROM", {("EventKind", NEWER): formats.FORMAT})
    formats._newer_of.clear()
    yield
    monkeypatch.undo()
    formats._newer_of.clear()


def _dataset(kind: str) -> Dataset:
    """One event of ``kind``, with the records it names."""
    documents = {"sources": [source_doc()], "persons": [person_doc()], "events": [event_doc()]}
    documents["events"][0]["kind"] = kind
    return rightsdata.load_documents(documents)


def _terms(schema: dict[str, Any], name: str) -> list[str]:
    """The terms the Table Schema ``schema`` lists for its field ``name`` (its ``enum``, which
    its ``categories`` must repeat)."""
    (field,) = (f for f in schema["fields"] if f["name"] == name)
    assert field["categories"] == field["constraints"]["enum"], field
    terms: list[str] = field["categories"]
    return terms


def _check(schema: dict[str, Any], declared: int) -> None:
    """The events' kinds in ``schema``, of a package declaring ``declared``: the strike only
    in the newest format's; the other terms, and another vocabulary's, all there."""
    kinds = _terms(schema, "kind")
    assert (NEWER in kinds) == (declared == formats.FORMAT), (declared, kinds)
    assert [k for k in kinds if k != NEWER] == [k.value for k in EventKind if k.value != NEWER]


CASES = [("verdict", 2), (NEWER, formats.FORMAT)]


@pytest.mark.parametrize(("kind", "declared"), CASES)
@pytest.mark.usefixtures("strike_is_newer")
def test_a_data_package_lists_the_terms_of_the_format_it_declares(
    tmp_path: Path, kind: str, declared: int
) -> None:
    _dataset(kind).export(tmp_path, "datapackage")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["rightsdata_format"] == declared
    schemas = {resource["name"]: resource["schema"] for resource in package["resources"]}
    _check(schemas["events"], declared)
    assert _terms(schemas["events.participants"], "role") == [r.value for r in Role]


@pytest.mark.parametrize(("kind", "declared"), CASES)
@pytest.mark.usefixtures("strike_is_newer")
def test_a_parquet_files_schema_lists_the_terms_of_the_format_it_declares(
    tmp_path: Path, kind: str, declared: int
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    _dataset(kind).export(tmp_path, "parquet")
    events = parquet.read_table(tmp_path / "events.parquet")
    about = json.loads(events.schema.metadata[b"rightsdata"])
    _check(about["schema"], declared)
    assert about["rightsdata_format"] == declared  # (the format it lists the terms of)
    # (the Arrow dictionary is a type, the same for every dataset: every term, in order)
    dictionary = events.column("kind").chunk(0).dictionary.to_pylist()
    assert dictionary == [k.value for k in EventKind]


@pytest.mark.usefixtures("strike_is_newer")
def test_a_column_gives_the_terms_a_format_reads() -> None:
    kind = TABLES["events"].column("kind")
    assert kind.vocabulary is EventKind
    assert NEWER not in kind.terms_in(formats.FORMAT - 1)
    assert kind.terms_in(formats.FORMAT) == kind.terms == tuple(k.value for k in EventKind)
    records = TABLES["records"].column("kind")  # (the record kinds: no vocabulary's terms)
    assert records.vocabulary is None and records.terms_in(1) == records.terms
