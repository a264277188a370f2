"""The files rightsdata writes have the mode any program would give them: a new file what the
umask allows (0o666 less it), a rewritten one the mode of the file it replaces; never 0o600
for everyone, as tempfile.mkstemp's temporary files are."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.main import main
from rightsdata._tables.export import FORMATS
from rightsdata._values.atomic import write_all, write_atomic
from rightsdata._values.names import FormatName

from conftest import symlink

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and the umask are POSIX")


@pytest.fixture(params=[0o022, 0o027], ids=["umask-022", "umask-027"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """A known umask for the test (the usual 022, and 027, which no fixed mode gives); the
    process's own is put back after it."""
    mask: int = request.param
    before = os.umask(mask)
    try:
        yield mask
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: _mode(p) for p in folder.iterdir()}


def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path, umask: int) -> None:
    write_atomic(tmp_path / "new.txt", b"new")

    def write_b(path: Path) -> None:
        path.write_bytes(b"b")

    write_all(tmp_path, {"a.txt": b"a", "b.txt": write_b})
    assert _modes(tmp_path) == dict.fromkeys(["new.txt", "a.txt", "b.txt"], 0o666 & ~umask)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o444, 0o600], ids=oct)
def test_a_rewritten_file_keeps_its_mode(tmp_path: Path, umask: int, mode: int) -> None:
    for name in ("bytes.txt", "written.txt"):
        (tmp_path / name).write_bytes(b"old")
        (tmp_path / name).chmod(mode)

    def write_new(path: Path) -> None:
        path.write_bytes(b"new")

    write_all(
        tmp_path,
        {"bytes.txt": b"new", "written.txt": write_new},
    )
    assert _modes(tmp_path) == {"bytes.txt": mode, "written.txt": mode}
    assert (tmp_path / "bytes.txt").read_bytes() == (tmp_path / "written.txt").read_bytes()


def test_a_link_is_replaced_by_a_new_file(tmp_path: Path, umask: int) -> None:
    """A link is not followed: the file that replaces it is a new file, whatever the mode of
    the file the link pointed to."""
    target = tmp_path / "target.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    symlink(tmp_path / "link.txt", target)
    write_atomic(tmp_path / "link.txt", b"new")
    assert _mode(tmp_path / "link.txt") == 0o666 & ~umask and _mode(target) == 0o600


def test_the_file_is_its_owners_alone_while_it_is_written(tmp_path: Path, umask: int) -> None:
    """While the content is written, no one else may open the file (and read it later), not
    even when the file will be more open, nor when the file it replaces was closed."""
    (tmp_path / "secret.txt").write_bytes(b"old")
    (tmp_path / "secret.txt").chmod(0o600)
    seen: list[int] = []

    def write(path: Path) -> None:
        seen.append(_mode(path))
        path.write_bytes(b"new")

    write_all(tmp_path, {"secret.txt": write, "open.txt": write})
    assert seen == [0o600, 0o600]
    assert _modes(tmp_path) == {"secret.txt": 0o600, "open.txt": 0o666 & ~umask}


def test_the_umask_is_never_set(
    tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.umask() reads the umask only by setting it, for every thread of the process: a file
    another thread created in between would get the wrong mode. The writer never calls it."""

    def no_umask(mask: int) -> int:
        raise AssertionError("os.umask() was called")

    monkeypatch.setattr(os, "umask", no_umask)
    write_atomic(tmp_path / "new.txt", b"new")
    assert _mode(tmp_path / "new.txt") == 0o666 & ~umask


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_format_writes_files_with_the_usual_mode(
    tmp_path: Path, umask: int, fmt: FormatName, capsys: pytest.CaptureFixture[str]
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    dataset = rightsdata.load()
    written = dataset.export(tmp_path / "python", fmt)
    assert written and set(_modes(tmp_path / "python").values()) == {0o666 & ~umask}
    assert main(["export", "--format", fmt, str(tmp_path / "cli")]) == EXIT_OK
    assert set(_modes(tmp_path / "cli").values()) == {0o666 & ~umask}
    # an export over an earlier one keeps the modes of the files it replaces
    for path in written:
        path.chmod(0o640)
    dataset.export(tmp_path / "python", fmt, force=True)
    assert {_mode(path) for path in written} == {0o640}
    capsys.readouterr()


def test_init_and_fmt_write_files_with_the_usual_mode_and_keep_the_users(
    tmp_path: Path, umask: int, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    assert main(["init", str(folder)]) == EXIT_OK
    assert set(_modes(folder).values()) == {0o666 & ~umask}  # datapackage.json was 0o600
    # fmt rewrites persons.json (records out of order) and datapackage.json (its hash)
    persons = folder / "persons.json"
    records = json.loads(persons.read_text(encoding="utf-8"))
    records.insert(0, {**records[0], "id": "person:zz"})
    persons.write_text(json.dumps(records), encoding="utf-8")
    persons.chmod(0o640)
    (folder / "datapackage.json").chmod(0o664)
    before = _modes(folder)
    assert main(["fmt", str(folder)]) == EXIT_OK
    assert "rewrote" in capsys.readouterr().out
    assert _modes(folder) == before
    assert json.loads(persons.read_text(encoding="utf-8"))[1]["id"] == "person:zz"
