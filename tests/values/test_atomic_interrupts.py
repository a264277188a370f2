"""An interrupt (Ctrl-C's KeyboardInterrupt, SIGTERM under the command line) that lands
anywhere in an export's renames and removals leaves its folder holding the earlier export or
the new one, whole, and no temporary file or second name; an export killed outright leaves
hidden files that the next export with ``force`` removes, those alone.

Each test interrupts the system call it names (``os.replace``, ``os.link``, ``os.unlink``)
at each of its calls in turn, before the call is made or just after it is done (a signal
is handled between two steps of Python, either side of a call)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._cli.main import main
from rightsdata._data.dataset import Dataset
from rightsdata._values.names import FormatName

from conftest import event_doc, no_symlinks, person_doc, source_doc, symlink, write_folder

#: The hidden names write_all gives a file's temporary file and its second name.
_LEFTOVER = re.compile(r"\..+\.[0-9a-f]{12}\.(?:tmp|old)")
#: The system calls an export's renames and removals make, which an interrupt may follow.
_CALLS = ("replace", "link", "unlink", "rmdir")


class _Interrupting:
    """``os.NAME``, which raises KeyboardInterrupt at its call number ``at`` (1 for the
    first), before the call or, ``after``, once it is done; counts its calls."""

    def __init__(self, real: Callable[..., Any], at: int, after: bool) -> None:
        self.real, self.at, self.after, self.calls = real, at, after, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls != self.at:
            return self.real(*args, **kwargs)
        if self.after:
            self.real(*args, **kwargs)
        raise KeyboardInterrupt


def _snapshot(folder: Path) -> dict[str, bytes] | None:
    """Every entry of ``folder`` (hidden ones too) and its bytes; None if there is none."""
    if not folder.exists():
        return None
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _datasets(tmp_path: Path) -> tuple[Dataset, Dataset]:
    """Two datasets, the second with a person renamed and an event more."""
    old = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    new = {**old, "persons.json": [person_doc(name="B")], "events.json": [event_doc()]}
    return (
        rightsdata.load_path(write_folder(tmp_path / "data-old", old)),
        rightsdata.load_path(write_folder(tmp_path / "data-new", new)),
    )


#: (the earlier export's format, or None for a folder that does not exist; the new one's)
_CASES: dict[str, tuple[FormatName | None, FormatName]] = {
    "json-over-json": ("json", "json"),  # every file replaced (a second name each)
    "jsonl-over-csv": ("csv", "jsonl"),  # a new file, the earlier export's files removed
    "json-into-a-new-folder": (None, "json"),  # the folder made, and removed if undone
}


def _calls(
    monkeypatch: pytest.MonkeyPatch, name: str, run: Callable[[], object], at: int, after: bool
) -> int:
    """Run ``run`` with ``os.<name>`` interrupting at its call ``at`` (0: never); how many
    times it was called."""
    patched = _Interrupting(getattr(os, name), at, after)
    with monkeypatch.context() as patch:
        patch.setattr(os, name, patched)
        try:
            run()
        except KeyboardInterrupt:
            assert at, "interrupted with no interrupt set"
    return patched.calls


@pytest.mark.parametrize("case", list(_CASES))
@pytest.mark.parametrize("call", _CALLS)
def test_an_interrupted_export_leaves_the_old_export_or_the_new_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, call: str
) -> None:
    earlier, fmt = _CASES[case]
    old_data, new_data = _datasets(tmp_path)
    folder = tmp_path / "out" / "export"

    def start() -> None:  # the folder as the interrupted export finds it
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
        if earlier is not None:
            old_data.export(folder, earlier)

    start()
    old = _snapshot(folder)
    calls = _calls(monkeypatch, call, lambda: new_data.export(folder, fmt, force=True), 0, False)
    new = _snapshot(folder)
    assert old != new and new is not None
    for at in range(1, calls + 1):
        for after in (False, True):
            start()
            _calls(monkeypatch, call, lambda: new_data.export(folder, fmt, force=True), at, after)
            state = _snapshot(folder)
            where = f"os.{call} interrupted at its call {at} {'after' if after else 'before'} it"
            assert state in (old, new), where
            assert not [name for name in state or () if _LEFTOVER.fullmatch(name)], where


def test_the_command_line_says_an_interrupted_export_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old_data, _ = _datasets(tmp_path)
    folder = tmp_path / "out"
    old_data.export(folder, "csv")
    old = _snapshot(folder)
    argv = ["export", "--format", "csv", "--data", str(tmp_path / "data-new"), str(folder)]
    # every file in place, the interrupt as the first replaced file's second name is removed:
    # the others are removed all the same, and the new export is whole
    monkeypatch.setattr(os, "unlink", _Interrupting(os.unlink, 1, after=False))
    assert main([*argv, "--force"]) == 130
    assert capsys.readouterr() == ("", "rightsdata: interrupted\n")
    monkeypatch.undo()
    state = _snapshot(folder)
    assert state is not None and state != old
    assert not [name for name in state if _LEFTOVER.fullmatch(name)]
    # the other dataset, interrupted at its first rename: the export there stays whole
    argv[argv.index("--data") + 1] = str(tmp_path / "data-old")
    monkeypatch.setattr(os, "replace", _Interrupting(os.replace, 1, after=False))
    assert main([*argv, "--force"]) == 130
    assert capsys.readouterr() == ("", "rightsdata: interrupted\n")
    assert _snapshot(folder) == state


def test_an_export_with_force_removes_what_a_killed_export_left_and_nothing_else(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out"
    rightsdata.load().export(folder, "json")
    left = [".events.json.0123456789ab.tmp", ".persons.json.abcdef012345.old"]
    left += ["..rightsdata-export.00ff00ff00ff.tmp"]  # (the manifest's)
    others = [
        ".notes.txt.0123456789ab.tmp",  # (no file an export writes)
        ".events.json.0123.tmp",  # (not twelve hex digits)
        "events.json.0123456789ab.tmp",  # (not hidden)
        ".events.json.0123456789AB.old",  # (capitals: not the pattern)
    ]
    for name in (*left, *others):
        (folder / name).write_bytes(b"x")
    if no_symlinks() is None:  # (a link: kept)
        others.append(symlink(folder / ".sources.json.0123456789ab.old", "events.json").name)

    with pytest.raises(FileExistsError):  # (without force: the folder is not empty)
        rightsdata.load().export(folder, "json")
    rightsdata.load().export(folder, "json", force=True)
    names = {p.name for p in folder.iterdir()}
    assert not names & set(left)
    assert set(others) <= names
