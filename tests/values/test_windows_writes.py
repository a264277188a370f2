"""Writing files as Windows lets them be written, simulated on any system: a file without write
permission is read-only there, and Windows refuses to remove it or to rename a file over it;
another program holding a file open (a virus scanner, an indexer) refuses a rename for a
moment (access denied, a sharing violation). A rewrite of a read-only file must work, keep
it read-only and leave no temporary file or second name; one undone must put the old file
back as it was, with no false note that it could not be."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._values import atomic
from rightsdata._values.atomic import write_all, write_atomic
from rightsdata._values.folders import not_a_folder
from rightsdata._values.windows import make_writable

from conftest import person_doc, source_doc, write_folder


def _read_only(path: Any) -> bool:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWRITE


class _DeniedError(PermissionError):
    """Windows' ERROR_ACCESS_DENIED."""

    winerror = 5


class _SharedError(PermissionError):
    """Windows' ERROR_SHARING_VIOLATION: another program has the file open."""

    winerror = 32


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """This system said to be Windows, whose removal and rename refuse a read-only file."""
    monkeypatch.setattr(sys, "platform", "win32")
    real_replace, real_unlink = os.replace, os.unlink

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        if _read_only(target):
            raise _DeniedError(errno.EACCES, "Access is denied", os.fspath(source))
        real_replace(source, target, **kwargs)

    def unlink(path: Any, **kwargs: Any) -> None:
        if _read_only(path):
            raise _DeniedError(errno.EACCES, "Access is denied", os.fspath(path))
        real_unlink(path, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "unlink", unlink)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _read_only_files(folder: Path, *names: str, content: bytes | None = None) -> None:
    """Files of ``names`` in ``folder``, read-only, each holding ``content`` (by default
    ``old`` and its name)."""
    for name in names:
        (folder / name).write_bytes(b"old " + name.encode() if content is None else content)
        (folder / name).chmod(0o444)


def _held(folder: Path) -> dict[str, tuple[bytes, int]]:
    """What each file in ``folder`` holds, and its mode."""
    return {p.name: (p.read_bytes(), _mode(p)) for p in folder.iterdir()}


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_read_only_file_is_rewritten_and_stays_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    # Windows refused the rename over the read-only file, then the removal of the temporary
    # file (read-only before its rename) and of the second name: `.tmp` files were left,
    # and a note said the old file "could not be put back"
    if not hard_links:
        monkeypatch.setattr(os, "link", _refused_link)
    path = tmp_path / "events.json"
    path.write_bytes(b"old")
    path.chmod(0o444)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and _mode(path) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["events.json"]


def _refused_link(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EPERM, "no hard links here")


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_write_undone_puts_a_read_only_file_back_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    if not hard_links:
        monkeypatch.setattr(os, "link", _refused_link)
    _read_only_files(tmp_path, "a.txt", "b.txt")
    fake = os.replace

    def failing(source: Any, target: Any, **kwargs: Any) -> None:
        if Path(source).read_bytes() == b"new b":  # (the second file's rename fails)
            raise OSError(errno.EIO, "Input/output error")
        fake(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError, match="Input/output error") as caught:
        write_all(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert not getattr(caught.value, "__notes__", [])  # (no "could not be put back")
    assert _held(tmp_path) == {
        "a.txt": (b"old a.txt", 0o444),
        "b.txt": (b"old b.txt", 0o444),
    }


@pytest.mark.usefixtures("windows")
def test_an_export_replaces_a_read_only_file_of_an_earlier_one(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "ds", {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    )
    dataset, out = rightsdata.load_path(folder), tmp_path / "out"
    dataset.export(out, "csv")
    for path in out.iterdir():
        path.chmod(0o444)
    dataset.export(out, "jsonl", force=True)  # (removes the csv tables, read-only)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["records.jsonl"]
    assert not [p.name for p in out.iterdir() if atomic.LEFTOVER.fullmatch(p.name)]


# --- a rename another program's open handle refuses for a moment ---------------------------


def _busy(times: int, error: type[PermissionError]) -> Callable[..., None]:
    """``os.replace``, refused with ``error`` the first ``times`` calls."""
    real = os.replace
    calls = [0]

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        calls[0] += 1
        if calls[0] <= times:
            raise error(errno.EACCES, "The process cannot access the file", os.fspath(source))
        real(source, target, **kwargs)

    return replace


@pytest.mark.parametrize("error", [_DeniedError, _SharedError])
def test_a_rename_held_up_for_a_moment_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[PermissionError]
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", _busy(2, error))
    write_atomic(tmp_path / "a.txt", b"new")
    assert (tmp_path / "a.txt").read_bytes() == b"new" and slept == [0.01, 0.02]


def test_a_rename_held_up_for_good_fails_with_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "replace", _busy(1000, _SharedError))
    (tmp_path / "a.txt").write_bytes(b"old")
    with pytest.raises(PermissionError):
        write_atomic(tmp_path / "a.txt", b"new")
    assert slept == list(atomic._WAITS) and sum(slept) == pytest.approx(0.38)
    assert [(p.name, p.read_bytes()) for p in tmp_path.iterdir()] == [("a.txt", b"old")]


def test_a_refused_rename_elsewhere_is_not_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    monkeypatch.setattr(os, "replace", _busy(1, _SharedError))  # (not Windows: no such hold)
    with pytest.raises(PermissionError):
        write_atomic(tmp_path / "a.txt", b"new")
    assert slept == [] and list(tmp_path.iterdir()) == []


# --- Windows' own code for a loop of symbolic links ----------------------------------------


class _LoopError(OSError):
    """What Windows raises for a loop of symbolic links: EINVAL, its code 1921."""

    winerror = 1921


def test_a_loop_is_said_so_where_windows_says_it_with_its_own_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = tmp_path / "out"
    real = os.stat

    def stat_(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(path) == str(loop):
            raise _LoopError(errno.EINVAL, "The name of the file cannot be resolved by the system")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_)
    assert not_a_folder(loop, loop) == f"{loop} is a loop of symbolic links"


# --- the read-only mode kept whatever lands between the steps -------------------------------


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if atomic.LEFTOVER.fullmatch(p.name)]


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_an_interrupt_once_a_file_is_made_writable_puts_it_back_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    # the mode taken off was noted only once make_writable returned: an interrupt landing
    # between its chmod and that note put the old file back writable
    if not hard_links:
        monkeypatch.setattr(os, "link", _refused_link)
    _read_only_files(tmp_path, "a.txt", "b.txt")
    real = make_writable

    def interrupted(path: Any) -> int | None:
        mode = real(path)
        if Path(path).name == "b.txt":
            raise KeyboardInterrupt
        return mode

    monkeypatch.setattr(atomic, "make_writable", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert _held(tmp_path) == {
        "a.txt": (b"old a.txt", 0o444),
        "b.txt": (b"old b.txt", 0o444),
    }


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("step", ["second names removed", "modes set"])
def test_an_interrupt_once_every_file_is_in_place_leaves_them_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    # an interrupt in the removal of the second names skipped setting the modes back, and
    # one while they were set left the files after it writable
    _read_only_files(tmp_path, "a.txt", "b.txt", content=b"old")
    interrupts = [KeyboardInterrupt()]
    if step == "second names removed":
        real_unlink = atomic._unlink

        def unlink(path: Path) -> None:
            real_unlink(path)
            if path.name.endswith(".old") and interrupts:
                raise interrupts.pop()

        monkeypatch.setattr(atomic, "_unlink", unlink)
    else:
        real_chmod = os.chmod

        def chmod(path: Any, mode: int, **kwargs: Any) -> None:
            real_chmod(path, mode, **kwargs)
            if mode == 0o444 and not Path(path).name.startswith(".") and interrupts:
                raise interrupts.pop()

        monkeypatch.setattr(os, "chmod", chmod)
    with pytest.raises(KeyboardInterrupt):
        write_all(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert _held(tmp_path) == {
        "a.txt": (b"new a", 0o444),
        "b.txt": (b"new b", 0o444),
    }


@pytest.mark.usefixtures("windows")
def test_a_mode_that_cannot_be_set_again_is_warned_of_with_every_file_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # it was raised once every file was in place: an export then skipped removing its
    # earlier files, as if nothing had been written
    (tmp_path / "a.txt").write_bytes(b"old")
    (tmp_path / "a.txt").chmod(0o444)
    real_chmod = os.chmod

    def chmod(path: Any, mode: int, **kwargs: Any) -> None:
        if mode == 0o444 and Path(path).name == "a.txt":
            raise PermissionError(errno.EACCES, "Access is denied", os.fspath(path))
        real_chmod(path, mode, **kwargs)

    monkeypatch.setattr(os, "chmod", chmod)
    with pytest.warns(RuntimeWarning, match=r"a\.txt was written but could not be made read-only"):
        write_all(tmp_path, {"a.txt": b"new", "b.txt": b"two"})
    written = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert written == {"a.txt": b"new", "b.txt": b"two"}


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("removal", ["remove_files", "an earlier export's file"])
def test_a_read_only_file_that_cannot_be_removed_stays_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, removal: str
) -> None:
    # the read-only attribute was taken off to remove the file, and left off when another
    # program's handle refused the removal
    path = tmp_path / "events.csv"
    path.write_bytes(b"old")
    path.chmod(0o444)

    def unlink(target: Any, **kwargs: Any) -> None:
        raise _SharedError(errno.EACCES, "The process cannot access the file", os.fspath(target))

    monkeypatch.setattr(os, "unlink", unlink)
    if removal == "remove_files":
        atomic.remove_files([path])
    else:
        from rightsdata._tables import export

        with pytest.raises(PermissionError):
            export._remove(path)
    assert path.read_bytes() == b"old" and _mode(path) == 0o444
    assert not _leftovers(tmp_path)


@pytest.mark.usefixtures("windows")
def test_an_interrupt_as_a_second_name_is_made_leaves_the_file_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the stray hard link was removed as a read-only file is, taking the attribute off the
    # file it shares with the name it was made for, and nothing put it back
    real_link = os.link

    def link(source: Any, target: Any, **kwargs: Any) -> None:
        real_link(source, target, **kwargs)
        raise KeyboardInterrupt  # (the link made, its name not yet known)

    monkeypatch.setattr(os, "link", link)
    (tmp_path / "a.txt").write_bytes(b"old")
    (tmp_path / "a.txt").chmod(0o444)
    with pytest.raises(KeyboardInterrupt):
        write_all(tmp_path, {"a.txt": b"new"})
    assert [(p.name, p.read_bytes(), _mode(p)) for p in tmp_path.iterdir()] == [
        ("a.txt", b"old", 0o444)
    ]
