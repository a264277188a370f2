"""Every refusal of an export (``rightsdata._tables.export``, its claims in
``rightsdata._tables.exportclaims``) says why, and what to do: a dataset folder written by
``rightsdata init`` or ``rightsdata fmt``, a link, a file changed since, one an earlier
release listed, another format's dataset, a folder in the way, a file where the folder goes,
an option the format does not take; and the command line says the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Final

import pytest

import rightsdata
from rightsdata import Dataset
from rightsdata._cli.exits import EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._tables.export import MANIFEST

from conftest import fifo, person_doc, source_doc, symlink, write_folder

#: What every refusal of a file no export may replace says between the reason and the advice.
_NOTHING: Final = ", so nothing was written: "
#: Why an export leaves a file it did not write, or one changed since.
_OWN_ONLY: Final = "an export replaces only a file it wrote itself and that is unchanged since"
#: What an export says of the files of the dataset folder it would write into.
_DATASET: Final = (
    "of the dataset folder here (as `rightsdata init` or `rightsdata fmt` writes one, or by "
    "hand), not an export's; an export never replaces a dataset's own files"
)


def _small() -> Dataset:
    return rightsdata.load_documents({"sources": [source_doc()], "persons": [person_doc()]})


def _refusal(dataset: Dataset, folder: Path, fmt: str = "json") -> str:
    """The message of the export of ``dataset`` into ``folder`` (with force=True), which
    writes nothing, its lines joined."""
    before = _snapshot(folder)
    with pytest.raises(FileExistsError) as caught:
        dataset.export(folder, fmt, force=True)  # type: ignore[arg-type]
    assert _snapshot(folder) == before
    return " ".join(str(caught.value).split())


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.name: (b"-> " + str(p.readlink()).encode()) if p.is_symlink() else p.read_bytes()
        for p in sorted(folder.iterdir())
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, the output, and the error output with its lines joined (as wrapped)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


@pytest.fixture
def initialized(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A folder written by ``rightsdata init``, ds, in the current folder (a short path)."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "ds"]) == EXIT_OK
    capsys.readouterr()
    return Path("ds")


# --- a dataset folder, written by init or fmt ------------------------------------------------


@pytest.mark.parametrize("formatted", [False, True], ids=["init", "fmt"])
def test_a_json_export_over_a_dataset_folder_says_to_run_fmt(
    capsys: pytest.CaptureFixture[str], initialized: Path, formatted: bool
) -> None:
    """The json export writes the layout of ``rightsdata fmt --hashes``: over a folder that
    ``init`` or ``fmt`` wrote, its ``datapackage.json`` differs (it gives no hashes), and the
    refusal says what the folder is and that fmt rewrites it."""
    folder = initialized
    if formatted:
        assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    before = _snapshot(folder)
    code, out, err = run(capsys, "export", "--data", str(folder), str(folder), "--force")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        f"rightsdata export: {folder}: datapackage.json is a file {_DATASET}{_NOTHING}to "
        f"rewrite this dataset folder in canonical form, run `rightsdata fmt {folder}` "
        "(`--hashes` also records each file's size and hash, as a json export does); to "
        "export a dataset, export into a new or empty folder"
    )
    assert _snapshot(folder) == before
    # the advice holds: fmt --hashes writes what the export would, which it then writes again
    assert run(capsys, "fmt", "--hashes", str(folder))[0] == EXIT_OK
    code, _, _ = run(capsys, "export", "--data", str(folder), str(folder), "--force")
    assert code == EXIT_OK


def test_a_dataset_folders_files_are_named_so_from_python_too(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "mine", {"sources.json": [source_doc()]})
    said = _refusal(rightsdata.load(), folder)
    assert said.startswith(f"{folder}: sources.json is a file {_DATASET}{_NOTHING}")
    both = write_folder(tmp_path / "both", {"sources.json": [], "persons.json": []})
    said = _refusal(_small(), both)
    assert said.startswith(f"{both}: sources.json and persons.json are files {_DATASET}")


def test_a_datapackage_export_over_a_dataset_folder_says_to_export_elsewhere(
    initialized: Path,
) -> None:
    """fmt would not make a data package: the advice is another folder alone."""
    said = _refusal(rightsdata.load(), initialized, "datapackage")
    assert said == (
        f"{initialized}: datapackage.json is a file {_DATASET}{_NOTHING}export into another "
        "folder (the dataset here stays as it is)"
    )


def test_a_descriptor_without_a_dataset_beside_it_is_no_dataset_folders(tmp_path: Path) -> None:
    """A ``datapackage.json`` alone (a data package's, copied without its manifest) is a
    file no export wrote, not a dataset folder's."""
    folder = write_folder(tmp_path / "copy", {"datapackage.json": {"name": "tables"}})
    assert _refusal(rightsdata.load(), folder, "datapackage") == (
        f"{folder}: datapackage.json was not written by an export; {_OWN_ONLY}{_NOTHING}move "
        "it out of the folder (or delete it), or export into another folder"
    )


# --- the files of an earlier export -----------------------------------------------------------


def test_a_file_changed_since_says_it_may_be_an_edit(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "csv")
    (tmp_path / "events.csv").write_text("mine", encoding="utf-8")
    assert _refusal(rightsdata.load(), tmp_path, "csv") == (
        f"{tmp_path}: events.csv was changed since the csv export that wrote it; {_OWN_ONLY}, "
        f"and the change may be your edit{_NOTHING}move it out of the folder to keep it (or "
        "delete it to have the export write it afresh), or export into another folder"
    )


def test_a_link_says_that_an_export_never_writes_through_one(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.csv").write_text("x", encoding="utf-8")
    symlink(tmp_path / "events.csv", "elsewhere.csv")
    symlink(tmp_path / "persons.csv", "elsewhere.csv")
    assert _refusal(rightsdata.load(), tmp_path, "csv") == (
        f"{tmp_path}: persons.csv and events.csv are symbolic links; an export never writes "
        f"through a link, nor replaces one{_NOTHING}remove them (the files linked to stay as "
        "they are), or export into another folder"
    )


def test_a_file_listed_without_a_hash_says_how_to_start_over(tmp_path: Path) -> None:
    rightsdata.load().export(tmp_path, "csv")
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    del manifest["own"]  # (a manifest written by hand, or by a development version)
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "events.csv").write_text("old", encoding="utf-8")
    said = _refusal(rightsdata.load(), tmp_path, "csv")
    assert said == (
        f"{tmp_path}: events.csv is listed in this folder's export manifest without a size and "
        f"hash; nothing tells whether it changed since{_NOTHING}to let it go, delete it "
        "(or the whole folder) and export again; else export into another folder"
    )


def test_a_file_written_over_but_not_owned_is_not_told_an_earlier_releases(
    tmp_path: Path,
) -> None:
    # a table of yours that held the very bytes an export writes is written again and listed,
    # but not owned; edited, it was refused as "listed by an export of an earlier release",
    # which no release of this package wrote
    rightsdata.load().export(tmp_path / "first", "csv")
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(tmp_path / "first" / "events.csv", mine / "events.csv")
    rightsdata.load().export(mine, "csv", force=True)
    manifest = json.loads((mine / MANIFEST).read_text(encoding="utf-8"))
    assert "events.csv" in manifest["files"] and "events.csv" not in manifest["own"]
    (mine / "events.csv").write_text("my edit", encoding="utf-8")
    said = _refusal(rightsdata.load(), mine, "csv")
    assert "release" not in said
    assert said.startswith(
        f"{mine}: events.csv is listed in this folder's export manifest without a size and hash;"
    )
    assert (mine / "events.csv").read_text(encoding="utf-8") == "my edit"


def test_another_formats_dataset_says_to_export_elsewhere(tmp_path: Path) -> None:
    _small().export(tmp_path, "json")
    assert _refusal(rightsdata.load_path(tmp_path), tmp_path, "datapackage") == (
        f"{tmp_path}: datapackage.json is part of the dataset a json export wrote; only a json "
        f"export replaces it (it may be the data you are exporting){_NOTHING}export into "
        "another folder (the dataset here stays as it is)"
    )


def test_files_refused_for_several_reasons_get_each_its_advice(tmp_path: Path) -> None:
    """Each reason's advice names its files (in the order the export writes them)."""
    rightsdata.load().export(tmp_path, "csv")
    (tmp_path / "events.csv").write_text("mine", encoding="utf-8")
    (tmp_path / "persons.csv").unlink()
    symlink(tmp_path / "persons.csv", "events.csv")
    said = _refusal(rightsdata.load(), tmp_path, "csv")
    assert said == (
        f"{tmp_path}: persons.csv is a symbolic link; an export never writes through a link, "
        f"nor replaces one; events.csv was changed since the csv export that wrote it; "
        f"{_OWN_ONLY}, and the change may be your edit{_NOTHING}for persons.csv, remove it "
        "(the files linked to stay as they are), or export into another folder; for "
        "events.csv, move it out of the folder to keep it (or delete it to have the export "
        "write it afresh), or export into another folder"
    )


def test_a_name_with_braces_is_said_as_it_is(tmp_path: Path) -> None:
    """The reasons are templates of "it" or "them"; the names never are."""
    from rightsdata._tables.exportclaims import EarlierExport, not_ours, refusal

    reason = not_ours(tmp_path / "events.csv", EarlierExport())
    said = refusal(tmp_path / "{it}", {"{it}.csv": reason})
    assert said.startswith(f"{tmp_path / '{it}'}: {{it}}.csv was not written by an export")


# --- what is in the way of the export's folder or files, and an option it does not take ------


def test_a_folder_at_an_output_name_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "events.csv").mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        rightsdata.load().export(tmp_path, "csv", force=True)
    assert caught.value.filename == str(tmp_path / "events.csv")
    assert caught.value.strerror == (
        "is a folder, where a file of that name is to be written; nothing was written: move "
        "it out of the folder, or export into another folder"
    )
    code, _, err = run(capsys, "export", "--format", "csv", str(tmp_path), "--force")
    assert (code, err) == (
        EXIT_USAGE,
        f"rightsdata export: {tmp_path / 'events.csv'} is a folder, where a file of that name "
        "is to be written; nothing was written: move it out of the folder, or export into "
        "another folder",
    )


def test_a_file_on_the_way_to_the_folder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (the system's words, "[Errno 20] Not a directory: '.../out/tables'", name no file)
    file = tmp_path / "out"
    file.write_text("x", encoding="utf-8")
    for target in (file / "tables", file / "tables" / "csv"):
        with pytest.raises(NotADirectoryError) as caught:
            rightsdata.load().export(target, "csv")
        assert str(caught.value) == (
            f"{target}: {file} is a file, not a folder; export writes a folder: give the path "
            "of a new or empty folder"
        )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]
    code, _, err = run(capsys, "export", str(file / "tables"))
    assert code == EXIT_USAGE and f"{file} is a file, not a folder" in err
    assert "Traceback" not in err


def test_a_link_that_leads_nowhere_in_the_way_is_told_what_it_is(tmp_path: Path) -> None:
    dangling = symlink(tmp_path / "gone", tmp_path / "nothing-here")
    for target, said in (
        (dangling, f"{dangling} is a link that leads nowhere"),
        (dangling / "out", f"{dangling / 'out'}: {dangling} is a link that leads nowhere, not a"),
    ):
        with pytest.raises(NotADirectoryError) as caught:
            rightsdata.load().export(target, "jsonl")
        assert str(caught.value).startswith(said)  # (not "[Errno 17] File exists")
    assert not (tmp_path / "nothing-here").exists()


def test_a_pipe_in_the_way_is_told_what_it_is(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    with pytest.raises(NotADirectoryError, match=r"pipe/out: .*pipe is neither a file nor a"):
        rightsdata.load().export(pipe / "out", "jsonl")


@pytest.mark.parametrize("directory", [b"out", None, 5])
def test_a_directory_that_is_no_path_is_a_type_error(tmp_path: Path, directory: object) -> None:
    with pytest.raises(TypeError, match=r"^export: directory must be a folder's path"):
        rightsdata.load().export(directory, "csv")  # type: ignore[arg-type]


def test_a_file_where_the_folder_goes_says_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "out"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as caught:
        rightsdata.load().export(file, "csv")
    assert str(caught.value) == (
        f"{file} is a file; export writes a folder: give the path of a new or empty folder"
    )
    code, _, err = run(capsys, "export", str(file))
    assert (code, err) == (
        EXIT_USAGE,
        f"rightsdata export: {file} is a file; export writes into a folder: give the path of "
        "a new or empty one",
    )


def test_csv_formulas_for_another_format_says_to_leave_it_out(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="applies to the CSV formats only") as caught:
        rightsdata.load().export(tmp_path, "json", csv_formulas="keep")
    assert str(caught.value) == (
        "csv_formulas='keep' applies to the CSV formats only (csv, datapackage); json writes "
        "every text as it is: leave csv_formulas out"
    )
