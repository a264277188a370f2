"""What Windows does differently when a dataset is read, simulated on any system: files
opened in text mode unless ``os.O_BINARY`` is given (``\\r\\n`` read as ``\\n``, a read
stopping at the byte 0x1A); a listed path with a colon, a drive (``C:x``) or a file's
alternate stream (``notes.md:stream``), which leaves the folder behind; and the system's own
error codes for a path too long (206, which Python says is no file) and a loop of symbolic
links (1921, EINVAL)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK
from rightsdata._cli.main import main
from rightsdata._data.folderfiles import shows_a_document
from rightsdata._data.listedfiles import inside
from rightsdata._data.loading import read_folder
from rightsdata._validation.descriptor import descriptor_problems
from rightsdata._values.errors import ProblemCode

from conftest import examples, person_doc, source_doc, write_folder

#: A bit no flag of this system's os.open uses, standing for Windows' O_BINARY.
_BINARY = 1 << 28


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """``os.O_BINARY`` as on Windows, and ``os.open`` noting each file it opens and whether
    it was given the flag (which it takes off before the real call: this system has none)."""
    assert not any(
        isinstance(value, int) and value & _BINARY
        for name, value in vars(os).items()
        if name.startswith("O_")
    )
    monkeypatch.setattr(os, "O_BINARY", _BINARY, raising=False)
    real = os.open
    seen: dict[str, bool] = {}

    def noting(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        handle = real(path, flags & ~_BINARY, mode, dir_fd=dir_fd)
        if not stat.S_ISDIR(os.fstat(handle).st_mode):  # (a folder's, for its fsync: no data)
            name = Path(os.fspath(path)).name
            seen[name] = seen.get(name, True) and bool(flags & _BINARY)
        return handle

    monkeypatch.setattr(os, "open", noting)
    return seen


def _folder(tmp_path: Path) -> Path:
    """A dataset folder that lists a README, with its size and hash."""
    folder = write_folder(
        tmp_path / "ds", {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    )
    (folder / "README.md").write_bytes(b"line one\r\nafter \x1a the end of a text file\n")
    assert main(["fmt", "--hashes", str(folder)]) == EXIT_OK
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({"name": "readme", "path": "README.md"})
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert main(["fmt", "--hashes", str(folder)]) == EXIT_OK
    return folder


def test_every_file_a_load_reads_is_opened_binary(
    tmp_path: Path, opened: dict[str, bool], capsys: pytest.CaptureFixture[str]
) -> None:
    # Windows read a listed file in text mode: its hash never matched the one fmt records
    # from its bytes, and a JSON Lines file lost the records after a byte 0x1A
    folder = _folder(tmp_path)
    opened.clear()
    rightsdata.load_path(folder)  # (its hashes checked)
    read = ["datapackage.json", "sources.json", "persons.json", "README.md"]
    assert opened == dict.fromkeys(read, True)
    lines = tmp_path / "records.jsonl"
    lines.write_text(
        "".join(json.dumps({"$kind": k, **r}) + "\n" for k, r in [("sources", source_doc())]),
        encoding="utf-8",
    )
    rightsdata.load_path(lines)
    document = tmp_path / "mydata.json"
    document.write_text(json.dumps({"sources": [source_doc()]}), encoding="utf-8")
    assert shows_a_document(document)
    assert opened["records.jsonl"] and opened["mydata.json"]
    assert all(opened.values()), opened


def test_every_file_fmt_and_export_write_is_opened_binary(
    tmp_path: Path, opened: dict[str, bool], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    persons = folder / "persons.json"
    text = persons.read_text(encoding="utf-8")
    persons.write_text(text + "\n\n", encoding="utf-8")  # (not canonical)
    opened.clear()
    assert main(["fmt", str(folder)]) == EXIT_OK
    assert opened and all(opened.values()), opened
    out = tmp_path / "out"
    rightsdata.load_path(folder).export(out, "jsonl")
    opened.clear()
    rightsdata.load_path(folder).export(out, "csv", force=True)  # (reads the earlier claims)
    assert "records.jsonl" in opened and all(opened.values()), opened


# --- a listed path with a colon ------------------------------------------------------------

#: Paths that Windows reads outside the folder, or as another file: a drive, absolute or
#: relative to that drive's current folder, and an NTFS alternate stream.
_COLONS = [
    "C:/Windows/win.ini",
    "C:x",
    "c:\\x.md",
    "notes.md:stream",
    "docs/notes.md::$DATA",
    "docs\\D:notes.md",
]
#: A dataset's folder on Windows.
_FOLDER = PureWindowsPath("D:/data/ds")


@pytest.mark.parametrize("path", _COLONS)
def test_a_path_with_a_colon_is_no_path_inside_the_folder(path: str) -> None:
    names = tuple(path.replace("\\", "/").split("/"))
    joined = _FOLDER.joinpath(*names)  # what Windows opened: another file, or a file's stream
    assert joined.parts[len(_FOLDER.parts) :] != names or ":" in joined.name
    assert inside(path) is None
    (problem,) = descriptor_problems({"name": "x", "resources": [{"name": "x", "path": path}]})
    assert problem.location == "datapackage.json.resources[0].path"
    assert f"{path!r} is not a relative path inside the dataset's folder" in problem.message
    assert "no : (on Windows, a drive or a file's stream)" in problem.message


@given(st.text(alphabet="aC:./\\", max_size=12))
@settings(max_examples=examples(300))
def test_a_path_inside_takes_stays_in_the_folder_on_windows_too(path: str) -> None:
    names = inside(path)
    if names is None:
        return
    joined = _FOLDER.joinpath(*names)
    assert joined.parts[len(_FOLDER.parts) :] == tuple(n for n in names if n not in ("", "."))
    assert ":" not in str(joined.relative_to(_FOLDER))


def test_a_listed_alternate_stream_is_never_opened(tmp_path: Path) -> None:
    # the schema took `notes.md:stream`, and a load read and measured it: on Windows, a
    # stream hidden in notes.md; a name that POSIX allows is refused there too
    folder = _folder(tmp_path)
    hidden = folder / "notes.md:stream"
    hidden.write_bytes(b"hidden\n")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    digest = "sha256:" + hashlib.sha256(b"hidden\n").hexdigest()
    entry = {"name": "hidden", "path": hidden.name, "bytes": 7, "hash": digest}
    descriptor["resources"].append(entry)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    index = len(descriptor["resources"]) - 1
    (problem,) = rightsdata.validate(folder)
    assert problem.location == f"datapackage.json.resources[{index}].path"
    with pytest.raises(InvalidDataError) as caught:  # (the descriptor's check skipped)
        read_folder(folder, check_resources=True, check_descriptor=False)
    (problem,) = caught.value.problems
    assert (problem.location, problem.code) == (
        f"datapackage.json.resources[{index}].path",
        ProblemCode.PACKAGE,
    )
    assert problem.message == (
        "names 'notes.md:stream': is not a path inside the dataset's folder (a ':' names a "
        "drive or a file's stream on Windows): never opened"
    )
    assert main(["fmt", "--check", str(folder)]) == EXIT_INVALID


# --- Windows' own error codes --------------------------------------------------------------


class _TooLongError(FileNotFoundError):
    """What Windows raises for a path longer than it allows: ENOENT, its code 206."""

    winerror = 206


class _LoopError(OSError):
    """What Windows raises for a loop of symbolic links: EINVAL, its code 1921."""

    winerror = 1921


@pytest.fixture
def refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, OSError]:
    """``os.stat`` and ``os.lstat`` raising, for a path of the dict it returns (a path in
    ``tmp_path``), the error it holds for it."""
    errors: dict[str, OSError] = {}
    for name in ("stat", "lstat"):
        real = getattr(os, name)

        def raising(path: Any, *args: Any, real: Any = real, **kwargs: Any) -> Any:
            error = errors.get(os.fspath(path))
            if error is not None:
                raise error
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, raising)
    return errors


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (_TooLongError(errno.ENOENT, "The filename or extension is too long"), "is a name too"),
        (_LoopError(errno.EINVAL, "The name of the file cannot be resolved"), "is a loop of"),
    ],
    ids=["too-long", "loop"],
)
def test_windows_codes_are_said_in_words(
    tmp_path: Path,
    refused: dict[str, OSError],
    error: OSError,
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a path too long was said not to exist (of a file that is there), and a loop of links
    # "cannot be read: The name of the file cannot be resolved by the system"
    path = tmp_path / "persons.json"
    path.write_text("[]", encoding="utf-8")
    refused[str(path)] = error
    (problem,) = rightsdata.validate(path)
    assert problem.message.startswith(said) and problem.code == ProblemCode.FILE
    assert main(["validate", str(path)]) != EXIT_OK
    err = capsys.readouterr().err
    assert said in err and "no such file" not in err.lower()
