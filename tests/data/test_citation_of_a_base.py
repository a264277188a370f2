"""A dataset built on another (``base=``) cites it too: its citation names the base by its
authors, title, name, version and licence after its own (the base's licence, CC-BY-4.0 for
the bundled data, asks for attribution), while its descriptor stays its own. The citation is
the same after an export is read back, and after a pickle; a chain of bases names each."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._cli.main import main
from rightsdata._data.citation import attribution, citation_fields
from rightsdata._data.packagemeta import package_metadata
from rightsdata._values.names import FormatName
from rightsdata.display import dataset_html

ADDITIONS = {
    "datapackage": {"name": "kozlov-additions", "version": "0.1.0"},
    "events": [
        {
            "id": "event:kozlov-interview-2016",
            "kind": "interview",
            "title": "Kozlov interviewed after his release",
            "date": "2016-05-01",
            "participants": [{"actor": "person:vladimir-kozlov", "role": "interviewee"}],
            "citations": [{"source": "source:hrf-2012-12-14"}],
        }
    ],
}


@pytest.fixture
def additions(tmp_path: Path) -> Path:
    path = tmp_path / "my-additions.json"
    path.write_text(json.dumps(ADDITIONS), encoding="utf-8")
    return path


def _base_words(ds: Dataset) -> str:
    return (
        f"Built on: rightsdata developers. Human-rights documentation: Kazakhstan, 2011 to 2022 "
        f"(dataset kazakhstan), version {ds.version}. Licence: CC-BY-4.0 (Creative Commons "
        "Attribution 4.0)."
    )


def test_a_dataset_over_a_base_cites_the_base(ds: Dataset, additions: Path) -> None:
    mine = rightsdata.load_path(additions, base=ds)
    # (it said "Unknown authors ... Licence: none stated" and nothing of the base)
    assert mine.citation.startswith("Unknown authors. kozlov-additions, version 0.1.0.")
    assert mine.citation.endswith(_base_words(ds))
    assert "Built on" not in ds.citation
    assert mine.descriptor == {"name": "kozlov-additions", "version": "0.1.0"}  # its own
    fields = citation_fields(package_metadata(mine))
    assert fields["built_on"] == [_base_words(ds).removeprefix("Built on: ").removesuffix(".")]
    assert all("Built on" not in s and "rightsdata developers" not in s for s in fields["sources"])
    assert citation_fields(package_metadata(ds))["built_on"] == []
    # the descriptor written lists the base among its sources, with its version
    (entry,) = [e for e in package_metadata(mine)["sources"] if "version" in e]
    assert entry == {"title": attribution(package_metadata(ds)), "version": ds.version}


def test_every_way_of_building_on_a_base_cites_it(ds: Dataset, additions: Path) -> None:
    event = rightsdata.load_path(additions, base=ds).events["event:kozlov-interview-2016"]
    built = Dataset({"events": [event]}, base=ds, name="mine", version="1.0.0")
    records = {"events": ADDITIONS["events"]}
    documents = rightsdata.load_documents(records, base=ds, name="mine", version="1.0.0")
    for dataset in (built, documents):
        assert dataset.citation.endswith(_base_words(ds)), dataset.citation


@pytest.mark.parametrize(
    ("form", "file"), [("json", ""), ("jsonl", "records.jsonl"), ("document", "dataset.json")]
)
def test_the_citation_is_the_same_after_an_export_is_read_back(
    ds: Dataset, additions: Path, tmp_path: Path, form: FormatName, file: str
) -> None:
    mine = rightsdata.load_path(additions, base=ds)
    mine.export(tmp_path / form, form)
    again = rightsdata.load_path(tmp_path / form / file)  # (alone: the base's records in it)
    assert again.citation == mine.citation
    assert pickle.loads(pickle.dumps(mine)).citation == mine.citation


@pytest.mark.parametrize(
    ("form", "file"), [("jsonl", "records.jsonl"), ("document", "dataset.json")]
)
def test_a_file_of_a_dataset_without_a_descriptor_over_a_base_still_names_the_base(
    ds: Dataset, tmp_path: Path, form: FormatName, file: str
) -> None:
    """JSON Lines and a JSON document hold the base's records too: they carry a descriptor
    naming it, with its licence, though the dataset has no name, version or descriptor of its
    own (they carried none, and the records of the CC-BY base went without attribution)."""
    path = tmp_path / "my-additions.json"
    path.write_text(json.dumps({"events": ADDITIONS["events"]}), encoding="utf-8")
    mine = rightsdata.load_path(path, base=ds)
    assert mine.descriptor is None and mine.name is None and mine.version is None
    mine.export(tmp_path / form, form)
    again = rightsdata.load_path(tmp_path / form / file)
    assert again == mine and again.citation == mine.citation
    assert again.citation.endswith(_base_words(ds))


def test_a_chain_of_bases_names_each(ds: Dataset, additions: Path) -> None:
    mine = rightsdata.load_path(additions, base=ds)
    over = Dataset({}, base=mine, name="over", version="2.0.0")
    said = over.citation.split(" Built on: ")[1:]
    assert said[0].startswith("Unknown authors. kozlov-additions, version 0.1.0. Licence: none")
    assert f"Built on: {said[1]}" == _base_words(ds)


def test_cite_and_the_dataset_card_name_the_base(
    ds: Dataset, additions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", "--data", str(additions), "--base", "kazakhstan", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["built_on"] == [_base_words(ds).removeprefix("Built on: ").removesuffix(".")]
    assert shown["text"].endswith(_base_words(ds))
    assert main(["cite", "--data", str(additions), "--base", "kazakhstan"]) == 0
    assert _base_words(ds) in " ".join(capsys.readouterr().out.split())
    card = dataset_html(rightsdata.load_path(additions, base=ds))
    assert "built on <bdi>rightsdata developers. Human-rights documentation" in card
    assert "CC-BY-4.0" in card
