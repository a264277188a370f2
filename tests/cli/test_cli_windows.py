"""The command line's output on Windows, simulated on any system: a write to a pipe whose
reader went away may fail there with ``EINVAL`` rather than a broken pipe
(python/cpython#79935), which is the reader gone all the same (docs/cli.md: no message, the
command's own exit code); and its text streams write each line feed as ``\\r\\n``, which
``export -`` must not (docs/exports.md: it writes the file ``export DIR`` writes)."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT
from rightsdata._cli.main import main
from rightsdata._cli.streams import ascii_json, data_out

from conftest import person_doc, source_doc, write_folder


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A dataset folder with a problem: a person without a name."""
    nameless = {k: v for k, v in person_doc().items() if k != "name"}
    return write_folder(
        tmp_path / "bad", {"sources.json": [source_doc()], "persons.json": [nameless]}
    )


class _Refusing(io.TextIOBase):
    """Standard output on the descriptor ``fd``, every write to which fails with EINVAL."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, text: str) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")

    def fileno(self) -> int:
        return self._fd


@pytest.fixture
def pipe() -> Iterator[int]:
    """The writing end of a pipe (its reader open: only the writes fail)."""
    read, write = os.pipe()
    yield write
    os.close(read)
    os.close(write)


def test_einval_on_a_pipe_on_windows_is_the_reader_gone(
    bad: Path, pipe: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `rightsdata validate BAD | head -1` on Windows exited 3, "could not write the output"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", _Refusing(pipe))
    assert main(["validate", str(bad)]) == EXIT_INVALID
    assert capsys.readouterr().err == ""


def test_einval_elsewhere_is_a_failed_write(
    bad: Path, pipe: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _Refusing(pipe))  # (not Windows: no such answer)
    assert main(["validate", str(bad)]) == EXIT_OUTPUT
    monkeypatch.setattr(sys, "platform", "win32")
    # (a file, not a pipe: the write failed)
    with (tmp_path / "out.txt").open("w", encoding="utf-8") as file:
        monkeypatch.setattr(sys, "stdout", _Refusing(file.fileno()))
        assert main(["validate", str(bad)]) == EXIT_OUTPUT


# --- export - writes the file export DIR writes --------------------------------------------


@pytest.mark.parametrize("format", ["jsonl", "document"])
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_export_to_a_windows_stream_writes_the_exported_file(
    format: str,
    encoding: str,
    cyrillic: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # written through the text layer, each "\n" was "\r\n" on Windows: not the file
    data = ["--data", str(cyrillic)]
    assert main(["export", "--format", format, str(tmp_path / "out"), *data]) == EXIT_OK
    capsys.readouterr()
    (written,) = (p for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    expected = written.read_bytes()
    assert b"\n" in expected
    if encoding == "ascii":  # (its characters escaped: the same JSON)
        expected = ascii_json(expected.decode("utf-8")).encode("ascii")
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding, newline="\r\n"))
    assert main(["export", "--format", format, "-", *data]) == EXIT_OK
    sys.stdout.flush()
    assert out.getvalue() == expected


def test_export_to_a_stream_without_bytes_writes_its_text(
    cyrillic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ["--data", str(cyrillic)]
    assert main(["export", "--format", "jsonl", str(tmp_path / "out"), *data]) == EXIT_OK
    expected = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8")
    out = io.StringIO()  # (a notebook's, a test's)
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["export", "--format", "jsonl", "-", *data]) == EXIT_OK
    assert out.getvalue() == expected


def test_text_written_before_the_data_stays_before_it() -> None:
    written = io.BytesIO()
    out = io.TextIOWrapper(written, encoding="utf-8", newline="\r\n")
    out.write("said first\n")
    data_out(out, "[1]\n")
    out.write("said after\n")
    out.flush()
    assert written.getvalue() == b"said first\r\n[1]\nsaid after\r\n"
