"""The command line: output people can read, JSON where it is data, exit codes scripts can use."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rightsdata.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

from conftest import event_doc, person_doc, source_doc, write_folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info")
    assert code == EXIT_OK
    assert out.startswith("kazakhstan ")
    code, out, _ = run(capsys, "info", "--json")
    assert json.loads(out)["counts"]["sources"] == 5


def test_timeline_is_in_date_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "person:vladimir-kozlov")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].startswith("Vladimir Kozlov: ")
    assert any("event:kozlov-verdict-2012-10-08" in line for line in lines)
    code, out, _ = run(capsys, "timeline", "person:vladimir-kozlov", "--json")
    events = json.loads(out)
    verdict = [e["id"] for e in events].index("event:kozlov-verdict-2012-10-08")
    detention = [e["id"] for e in events].index("event:kozlov-detention-2012-01-26")
    assert detention < verdict


def test_search_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "kozlov", "--json")
    assert code == EXIT_OK
    assert json.loads(out)[0]["id"] == "person:vladimir-kozlov"
    code, out, _ = run(capsys, "show", "law:kz-cc-1997-164")
    assert code == EXIT_OK
    assert "Criminal Code of the Republic of Kazakhstan (1997), art. 164" in out
    code, out, _ = run(capsys, "show", "law:kz-cc-1997-164", "--json")
    assert json.loads(out)["article"] == "164"


def test_unknown_id_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "person:nobody-at-all")
    assert code == EXIT_USAGE
    assert "person:nobody-at-all" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "timeline")[0] == EXIT_USAGE
    assert run(capsys, "frobnicate")[0] == EXIT_USAGE


def test_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = write_folder(
        tmp_path / "good",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc()],
        },
    )
    code, out, _ = run(capsys, "validate", str(good))
    assert (code, out.strip()) == (
        EXIT_OK,
        f"{good}: valid: checked 3 records (1 source, 1 person, 1 event)",
    )
    bad = write_folder(
        tmp_path / "bad", {"sources.json": [source_doc()], "persons.json": [person_doc(name=5)]}
    )
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == EXIT_INVALID
    assert "persons.json[0].name" in out
    code, out, _ = run(capsys, "validate", str(bad), "--json")
    assert code == EXIT_INVALID
    assert json.loads(out) == [
        {
            "location": "persons.json[0].name",
            "message": "expected text, got an integer (5)",
            "code": "type",
        }
    ]


def test_own_data_with_data_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "mine",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc()],
        },
    )
    code, out, _ = run(capsys, "timeline", "person:a", "--data", str(folder), "--json")
    assert code == EXIT_OK
    assert [e["id"] for e in json.loads(out)] == ["event:a"]


def test_fmt_check_on_the_bundled_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "fmt", "--check")[0] == EXIT_OK


def test_fmt_rewrites_a_non_canonical_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_folder(
        tmp_path / "messy",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:b"), person_doc("person:a")],
        },
    )
    code, _, _ = run(capsys, "fmt", "--check", str(folder))
    assert code == EXIT_INVALID
    assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    assert run(capsys, "fmt", "--check", str(folder))[0] == EXIT_OK
    ids = [p["id"] for p in json.loads((folder / "persons.json").read_text())]
    assert ids == ["person:a", "person:b"]


def test_module_entry_point_and_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rightsdata", "timeline", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "examples:" in done.stdout and "person:vladimir-kozlov" in done.stdout


class _ClosedPipe(io.TextIOBase):
    """A stdout whose reader has gone away (`rightsdata ... | head`)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self._fd


def test_output_cut_short_by_a_pipe_is_not_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_end, write_end = os.pipe()
    try:
        monkeypatch.setattr(sys, "stdout", _ClosedPipe(write_end))
        code = main(["timeline", "person:vladimir-kozlov"])
    finally:
        os.close(read_end)
        os.close(write_end)
    assert (code, capsys.readouterr().err) == (EXIT_OK, "")
