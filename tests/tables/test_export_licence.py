"""Every export carries the dataset's licence and citation, as its format can: ``README.txt``
beside the CSV tables (``csv``, ``datapackage``), each Parquet file's metadata, every
export's manifest, and the descriptor of ``datapackage.json`` and of a JSON Lines file or a
JSON document. None is made up: a dataset whose descriptor names no licence says none is
stated. Before, a ``csv`` or ``parquet`` export said neither, though the bundled data is
CC-BY-4.0, which asks for attribution.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._cli.main import main
from rightsdata._tables.export import FORMATS, MANIFEST, FormatName
from rightsdata.tables import TABLES, documents_from_rows, load_directory, read_directory

from conftest import person_doc, source_doc

LICENCE = (
    "CC-BY-4.0 (Creative Commons Attribution 4.0): https://creativecommons.org/licenses/by/4.0/"
)
TWO = [
    {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"},
    {"name": "ODbL-1.0", "title": "Open Data Commons Open Database License 1.0"},
]


def _small(descriptor: dict[str, Any] | None = None) -> Dataset:
    documents = {"sources": [source_doc()], "persons": [person_doc()]}
    return rightsdata.load_documents(documents, descriptor=descriptor)


def _readme(folder: Path) -> tuple[list[str], str]:
    """``folder``'s README: its licence lines (before the citation), and the citation, its
    lines joined again."""
    text = (folder / "README.txt").read_text(encoding="utf-8")
    licence, _, rest = text.partition("\n\nCite as:\n")
    citation, _, files = rest.partition("\n\n")
    assert files.startswith("The other files are the dataset's tables"), text
    return licence.splitlines(), " ".join(citation.split())


def _formats() -> list[FormatName]:
    names: list[FormatName] = list(FORMATS.keys())
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return [f for f in names if f != "parquet"]
    return names


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_the_csv_tables_have_a_readme_with_the_licence_and_the_citation(
    tmp_path: Path, ds: Dataset, fmt: FormatName
) -> None:
    written = ds.export(tmp_path, fmt)
    assert "README.txt" in {p.name for p in written}
    licence, citation = _readme(tmp_path)
    assert licence == [f"Licence: {LICENCE}"]
    assert citation == ds.citation and "rightsdata developers" in citation
    # (the tables read back as before: the README is no table)
    documents, redirects = documents_from_rows(read_directory(tmp_path))
    assert documents == ds.to_dict() and redirects == dict(ds.redirects)
    back = load_directory(tmp_path)
    assert back.to_dict() == ds.to_dict()
    if fmt == "datapackage":
        assert back == ds and back.citation == ds.citation


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_a_readme_says_no_licence_is_stated_where_the_descriptor_names_none(
    tmp_path: Path, fmt: FormatName
) -> None:
    mine = _small()
    mine.export(tmp_path, fmt)
    licence, citation = _readme(tmp_path)
    assert licence == ["Licence: none stated (the dataset's descriptor names none)."]
    assert citation == mine.citation and "Licence: none stated." in citation
    if fmt == "datapackage":  # (Data Package v2: a licence is named, or the list left out)
        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        assert "licenses" not in package


def test_a_readme_lists_each_licence(tmp_path: Path) -> None:
    _small({"name": "mine", "licenses": TWO}).export(tmp_path, "csv")
    licence, citation = _readme(tmp_path)
    assert licence == [
        "Licences:",
        "  CC-BY-4.0: https://creativecommons.org/licenses/by/4.0/",
        "  ODbL-1.0 (Open Data Commons Open Database License 1.0)",
    ]
    assert "Licence: CC-BY-4.0; ODbL-1.0 (Open Data Commons" in citation


def test_every_parquet_file_carries_the_licence_and_the_citation(
    tmp_path: Path, ds: Dataset
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    ds.export(tmp_path / "bundled", "parquet")
    _small().export(tmp_path / "mine", "parquet")
    for name in TABLES:
        about = json.loads(
            parquet.read_schema(tmp_path / "bundled" / f"{name}.parquet").metadata[b"rightsdata"]
        )
        assert about["licenses"] == ds.descriptor["licenses"], name  # type: ignore[index]
        assert about["citation"] == ds.citation, name
    mine = json.loads(
        parquet.read_schema(tmp_path / "mine" / "events.parquet").metadata[b"rightsdata"]
    )
    assert mine["licenses"] is None and mine["citation"] == _small().citation


@pytest.mark.parametrize("fmt", _formats())
def test_every_exports_manifest_records_the_licence_and_the_citation(
    tmp_path: Path, ds: Dataset, fmt: FormatName
) -> None:
    ds.export(tmp_path / "bundled", fmt)
    manifest = json.loads((tmp_path / "bundled" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["licenses"] == ds.descriptor["licenses"]  # type: ignore[index]
    assert manifest["citation"] == ds.citation
    _small().export(tmp_path / "mine", fmt)
    manifest = json.loads((tmp_path / "mine" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["licenses"] is None and manifest["citation"] == _small().citation


def test_rightsdata_export_csv_writes_the_readme(
    tmp_path: Path, ds: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "csv", str(tmp_path / "out")]) == 0
    assert f"wrote {len(TABLES) + 1} files (csv)" in capsys.readouterr().out
    licence, citation = _readme(tmp_path / "out")
    assert licence == [f"Licence: {LICENCE}"] and citation == ds.citation


def test_a_dataset_over_a_base_names_the_base_and_its_licence(tmp_path: Path, ds: Dataset) -> None:
    """A dataset built on the bundled one, without a descriptor of its own: its tables hold
    the base's records, and say whose they are and under which licence."""
    folder = tmp_path / "mine"
    folder.mkdir()
    for kind, documents in {"sources": [source_doc()], "persons": [person_doc()]}.items():
        (folder / f"{kind}.json").write_text(json.dumps(documents), encoding="utf-8")
    mine = rightsdata.load_path(folder, base=ds)
    mine.export(tmp_path / "csv", "csv")
    licence, citation = _readme(tmp_path / "csv")
    # (its first line said only that none was stated, of tables holding the base's records)
    assert licence[:2] == [
        "Licence: none stated for this dataset's own records (its descriptor names none).",
        "It holds the records of the datasets it is built on too, each under its own licence:",
    ]
    assert " ".join(" ".join(licence[2:]).split()) + "." == ds.citation.partition(" Sources:")[0]
    assert citation == mine.citation
    assert citation.endswith("Licence: CC-BY-4.0 (Creative Commons Attribution 4.0).")
    assert "Built on: rightsdata developers." in citation
