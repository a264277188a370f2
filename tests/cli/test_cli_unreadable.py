"""A path the command line cannot read (no permission, a FIFO, a loop of symbolic links) is a
usage error, exit code 2, as a missing file is, with the path and the system's reason; not
invalid data (exit code 1), which the data was never judged to be. Data that is invalid
still exits 1, and a folder with an unreadable file and invalid data is invalid too."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main

from conftest import event_doc, fifo, person_doc, source_doc, symlink, write_folder

#: ds/persons.json as the system writes a path (``ds\\persons.json`` on Windows).
PERSONS = os.path.join("ds", "persons.json")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, the output, and the error output with its lines joined (as wrapped)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid dataset, ds, in the current folder (a temporary one): short paths."""
    monkeypatch.chdir(tmp_path)
    return write_folder(
        Path("ds"),
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc()],
        },
    )


def _loop(here: Path) -> Path:
    """A symbolic link that leads, through another, back to itself."""
    symlink(Path("loop-b"), "loop-a")
    return symlink(Path("loop-a"), "loop-b")


#: Each way to give the path: the arguments before and after it, and what names it.
_GIVEN = [
    (["validate"], [], ""),
    (["validate"], ["--json"], ""),
    (["validate"], ["--json-report"], ""),
    (["info", "--data"], [], "--data "),
    (["events", "--data"], ["--json"], "--data "),
    (["validate", "ds", "--base"], [], "--base "),
    (["info", "--data", "ds", "--base"], ["--json"], "--base "),
]


@pytest.mark.parametrize(("before", "after", "option"), _GIVEN)
def test_a_fifo_given_as_the_dataset_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], here: Path, before: list[str], after: list[str], option: str
) -> None:
    fifo("pipe")
    code, out, err = run(capsys, *before, "pipe", *after)
    # (it was told as invalid data, exit code 1, its "problem" on stdout under --json)
    assert (code, out) == (EXIT_USAGE, "")
    assert (
        err == f"rightsdata {before[0]}: {option}pipe: is a FIFO (named pipe), not a regular file"
    )


@pytest.mark.parametrize(("before", "after", "option"), _GIVEN)
def test_a_loop_of_links_given_as_the_dataset_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], here: Path, before: list[str], after: list[str], option: str
) -> None:
    loop = _loop(here)
    code, out, err = run(capsys, *before, str(loop), *after)
    # (validate exited 1; --data and --base said "no such file or folder")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"rightsdata {before[0]}: {option}{loop}: is a loop of symbolic links"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["validate", "ds"], "ds/persons.json: is a FIFO (named pipe), not a regular file"),
        (
            ["timeline", "person:a", "--data", "ds"],
            "ds/persons.json: is a FIFO (named pipe), not a regular file (--data ds)",
        ),
        (
            ["fmt", "--check", "ds"],
            "could not check ds: ds/persons.json: is a FIFO (named pipe), not a regular file",
        ),
        (
            ["fmt", "ds"],
            "rewrote nothing in ds: ds/persons.json: is a FIFO (named pipe), not a regular file",
        ),
    ],
)
def test_a_file_of_a_folder_it_cannot_read_is_a_usage_error_naming_it(
    capsys: pytest.CaptureFixture[str], here: Path, argv: list[str], said: str
) -> None:
    (here / "persons.json").unlink()
    fifo(here / "persons.json")
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (EXIT_USAGE, "", f"rightsdata {argv[0]}: {said}")


def _readable_anyway(path: Path) -> bool:
    """Whether ``path``, its permissions taken away, can be read all the same: the superuser
    (``os.geteuid() == 0``, as in many containers) reads any file. (Not asked on Windows,
    where a mode only sets the read-only attribute: no one is denied a read.)"""
    try:
        if path.is_dir():
            os.listdir(path)
        else:
            path.read_bytes()
    except PermissionError:
        return False
    return True


@pytest.mark.skipif(sys.platform == "win32", reason="chmod cannot deny a read on Windows")
@pytest.mark.parametrize("locked", ["ds/persons.json", "ds"])
def test_a_file_or_folder_it_may_not_read_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], here: Path, locked: str
) -> None:
    path = Path(locked)
    mode = path.stat().st_mode
    path.chmod(0)
    try:
        if _readable_anyway(path):
            pytest.skip(f"permissions do not bind this user (euid {os.geteuid()}, root)")
        for argv, option in (
            (["validate", "ds"], ""),
            (["validate", "ds", "--json"], ""),
            (["info", "--data", "ds"], "--data "),
        ):
            code, out, err = run(capsys, *argv)
            assert (code, out) == (EXIT_USAGE, ""), argv
            reason = "cannot be read: Permission denied"
            if locked == "ds":
                assert err == f"rightsdata {argv[0]}: {option}ds: {reason}", argv
            else:
                also = f" ({option}ds)" if option else ""
                assert err == f"rightsdata {argv[0]}: ds/persons.json: {reason}{also}", argv
    finally:
        path.chmod(mode)


def test_a_file_it_is_denied_is_a_usage_error_as_any_user(
    capsys: pytest.CaptureFixture[str], here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's refusal to open a file, simulated, so that the superuser (whom the
    test above skips: permissions do not bind it) checks it too."""
    import errno

    opened = os.open

    def denied(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if os.path.basename(path) == "persons.json":
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return opened(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    reason = "cannot be read: Permission denied"
    for argv, said in (
        (["validate", "ds"], f"{PERSONS}: {reason}"),
        (["validate", "ds", "--json-report"], f"{PERSONS}: {reason}"),
        (["validate", PERSONS], f"{PERSONS}: {reason}"),
        (["info", "--data", "ds", "--json"], f"{PERSONS}: {reason} (--data ds)"),
        (["events", "--data", "ds", "--base", "ds"], f"{PERSONS}: {reason} (--base ds)"),
        (["fmt", "--check", "ds"], f"could not check ds: {PERSONS}: {reason}"),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out, err) == (EXIT_USAGE, "", f"rightsdata {argv[0]}: {said}"), argv


def test_invalid_data_still_exits_1(capsys: pytest.CaptureFixture[str], here: Path) -> None:
    (here / "persons.json").write_text(json.dumps([person_doc(name=5)]), encoding="utf-8")
    for argv in (["validate", "ds"], ["validate", "ds", "--json"], ["info", "--data", "ds"]):
        assert run(capsys, *argv)[0] == EXIT_INVALID, argv
    # a file it cannot read, beside invalid data: the data is invalid, and both are listed
    (here / "events.json").unlink()
    fifo(here / "events.json")
    code, out, _ = run(capsys, "validate", "ds", "--json")
    problems = json.loads(out)
    assert code == EXIT_INVALID
    assert {(p["file"], p["code"]) for p in problems} == {
        ("persons.json", "type"),
        ("events.json", "file"),
    }
    assert run(capsys, "validate", "ds")[0] == EXIT_INVALID
    # and a dataset that reads is fine
    (here / "events.json").unlink()
    write_folder(here, {"persons.json": [person_doc()], "events.json": [event_doc()]})
    assert run(capsys, "validate", "ds")[0] == EXIT_OK


def test_a_kind_whose_file_it_cannot_read_is_unchecked_in_the_report(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    """(persons.json a FIFO beside a sources.json with a problem, and nothing referring to
    persons: ``validate --json-report`` said ``"unchecked": []``, as if the problems were
    all there are, though none of the file's records was judged; a kind's file checked
    alone names its own kind where it cannot be read, docs/cli.md.)"""
    (here / "events.json").unlink()
    (here / "persons.json").unlink()
    os.mkfifo(here / "persons.json")
    write_folder(here, {"sources.json": [source_doc(), {"id": "source:b"}]})
    code, out, _ = run(capsys, "validate", "ds", "--json-report")
    report = json.loads(out)
    assert code == EXIT_INVALID
    assert {p["file"] for p in report["problems"]} == {"sources.json", "persons.json"}
    assert report["unchecked"] == ["persons"]
    code, out, _ = run(capsys, "validate", "ds")
    assert code == EXIT_INVALID
    assert "Not checked: references to persons, and checks that need their records" in " ".join(
        out.split()
    )
    # a file that is not JSON: the same, in the folder and checked alone
    (here / "persons.json").unlink()
    (here / "persons.json").write_text("[{", encoding="utf-8")
    for path in ("ds", "ds/persons.json"):
        code, out, _ = run(capsys, "validate", path, "--json-report")
        assert (code, json.loads(out)["unchecked"]) == (EXIT_INVALID, ["persons"]), path
