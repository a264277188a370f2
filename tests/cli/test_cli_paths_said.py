"""What a command prints of what it did names the user's path as a message names it
(:func:`~rightsdata._values.errors.printable_path`): a character that could mislead (a
direction override) as its escape, and a tab or a line break too, on its one line (a script
reads ``fmt --check``'s paths a line each). `init`, `export`, `fmt` and `validate` printed
theirs raw, on the line before the command they advise, which escaped it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK
from rightsdata._cli.main import main

from conftest import skip_unless_a_name_can_hold

NAME = "t\tab x\u202ey"  # a tab, and a right-to-left override


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _said_safely(out: str) -> None:
    assert "\u202e" not in out and "\t" not in out, repr(out)
    assert "t\\tab x\\u202ey" in out, out


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    skip_unless_a_name_can_hold(NAME)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "96")
    return NAME


def test_init_names_its_folder_safely(capsys: pytest.CaptureFixture[str], folder: str) -> None:
    code, out, _ = run(capsys, "init", folder)
    assert code == EXIT_OK
    first = out.splitlines()[0]
    assert first.startswith("wrote 4 files to t") and first.endswith("sources.json")
    _said_safely(first)
    assert "$'t\\tab x\\u202ey'" in out  # (the commands to paste: one word for a shell)


def test_export_fmt_and_validate_name_theirs_safely(
    capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    assert run(capsys, "init", folder)[0] == EXIT_OK
    code, out, _ = run(capsys, "validate", folder)
    assert code == EXIT_OK and ": valid: checked 3 records" in out
    _said_safely(out)
    out_folder = f"{folder} out"
    code, out, _ = run(capsys, "export", out_folder, "--data", folder)
    assert code == EXIT_OK and out.startswith("wrote ")
    _said_safely(out)
    events = Path(folder, "events.json")
    events.write_text(events.read_text("utf-8") + "\n", "utf-8")
    code, out, _ = run(capsys, "fmt", "--check", folder)
    assert code == EXIT_INVALID and out.startswith("not canonical: ")
    _said_safely(out)
    code, out, _ = run(capsys, "fmt", folder)
    assert code == EXIT_OK and out.startswith("rewrote: ")
    _said_safely(out)
    assert out.rstrip().endswith(f"{os.sep}events.json")
