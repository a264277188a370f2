"""What happens to the command line's output never changes what a command does or the verdict
its exit code gives (docs/cli.md): a reader that stops reading, standard error closed, an
encoding that cannot hold the text, standard output that cannot be written after the files
are, an interrupt."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._cli.output import _plural
from rightsdata._tables.tables import TABLES
from rightsdata._values.resources import datasets_root

from conftest import CITE, person_doc, source_doc, write_folder

KAZAKHSTAN = Path(str(datasets_root() / "kazakhstan"))
_ENV = {**os.environ, "PYTHONPATH": str(Path(rightsdata.__file__).parents[1])}


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A dataset folder with a problem: a person without a name."""
    nameless = {"id": "person:a", "country": "KZ", "citations": [CITE]}
    return write_folder(
        tmp_path / "bad", {"sources.json": [source_doc()], "persons.json": [nameless]}
    )


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A valid dataset folder that is not in canonical form (its persons out of order)."""
    persons = [person_doc("person:b"), person_doc("person:a")]
    return write_folder(
        tmp_path / "messy", {"sources.json": [source_doc()], "persons.json": persons}
    )


@pytest.fixture
def cyrillic_bad(tmp_path: Path) -> Path:
    """A dataset folder whose problem names a field in Cyrillic."""
    person = person_doc()
    person["имя"] = "Иван"
    files = {"sources.json": [source_doc()], "persons.json": [person]}
    return write_folder(tmp_path / "cyrillic-bad", files)


#: What a shell's redirection does to the streams before it runs a command, done in Python:
#: no POSIX shell is needed (Windows has none).
_REDIRECTIONS = {
    "": "",
    ">&-": "os.close(1)",
    "2>&-": "os.close(2)",
    "> /dev/full": "os.dup2(os.open('/dev/full', os.O_WRONLY), 1)",
}


def run_apart(redirect: str, *argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``rightsdata argv`` run apart, its streams redirected as the shell's ``redirect`` says
    (``>&-``: standard output closed), by a Python process that runs it after; its exit code,
    standard output and standard error (in the locale's encoding, as the process writes them,
    each line's end a line feed). A stream closed for a command (``>&-``) is a POSIX shell's:
    skipped elsewhere."""
    if redirect.endswith("&-") and os.name != "posix":
        pytest.skip("a stream closed for a command (`>&-`) is a POSIX shell's")
    code = (
        f"import os, subprocess, sys\n{_REDIRECTIONS[redirect]}\n"
        "sys.exit(subprocess.run([sys.executable, '-m', 'rightsdata', *sys.argv[1:]]).returncode)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env={**_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


# --- a reader that stops reading leaves a command its verdict -----------------------------


class _ReaderGone(io.TextIOBase):
    """A stdout whose reader has gone away (`| head -1`, `| true`): every write fails."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["validate", "{bad}"], EXIT_INVALID),
        (["validate", "{bad}", "--json"], EXIT_INVALID),
        (["validate", "{bad}", "--json-report"], EXIT_INVALID),
        (["validate", "{bad}/persons.json"], EXIT_INVALID),
        (["fmt", "--check", "{messy}"], EXIT_INVALID),
        (["info", "--data", "{bad}", "--json"], EXIT_INVALID),
        (["events", "--data", "{bad}", "--json"], EXIT_INVALID),
        (["validate", "{messy}"], EXIT_OK),
        (["fmt", "--check", "{canonical}"], EXIT_OK),
        (["events"], EXIT_OK),
    ],
)
def test_a_reader_that_stops_reading_leaves_the_verdict(
    argv: list[str],
    code: int,
    bad: Path,
    messy: Path,
    cyrillic: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `rightsdata validate BAD | head -1` under `set -o pipefail` gave 0, "fine": the
    # broken pipe ended the run as a reader gone from `events` does
    assert main(["fmt", str(cyrillic)]) == EXIT_OK  # (now canonical)
    capsys.readouterr()
    given = [word.format(bad=bad, messy=messy, canonical=cyrillic) for word in argv]
    monkeypatch.setattr(sys, "stdout", _ReaderGone())
    assert main(given) == code
    assert "could not write" not in capsys.readouterr().err


def _reader_gone(*argv: str) -> tuple[int, bytes]:
    """Run ``rightsdata argv`` with standard output a pipe whose reader is gone before it
    writes; its exit code, and what it said on standard error."""
    command = [sys.executable, "-m", "rightsdata", *argv]
    with subprocess.Popen(command, env=_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.close()
        said = run.stderr.read()
        return run.wait(), said


def test_a_pipe_closed_before_the_verdict_is_written_keeps_it(bad: Path, messy: Path) -> None:
    assert _reader_gone("validate", str(bad)) == (EXIT_INVALID, b"")
    code, said = _reader_gone("fmt", "--check", str(messy))
    assert code == EXIT_INVALID and b"run `rightsdata fmt" in said and b"Traceback" not in said


# --- standard error closed: the messages go nowhere, never to standard output -------------


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["validate", str(KAZAKHSTAN / "events.json"), "--json"], EXIT_OK),  # (a note: not checked)
        (["search", "kozlov", "--json"], EXIT_OK),  # (a note: and 30 more)
        (["info", "--data", "{bad}", "--json"], EXIT_INVALID),  # (the problems, as text)
        (["fmt", "--check", "{messy}"], EXIT_INVALID),  # (run `rightsdata fmt ...`)
        (["events", "--kind", "nope"], EXIT_USAGE),  # (the usage error)
        (["events", "--kidn", "arrest"], EXIT_USAGE),  # (the parser's error)
    ],
)
def test_with_standard_error_closed_standard_output_holds_the_output_alone(
    argv: list[str],
    code: int,
    bad: Path,
    messy: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `rightsdata search kozlov --json 2>&-`: Python's sys.stderr is None, and print(...,
    # file=None) printed the note on standard output, after the JSON
    given = [word.format(bad=bad, messy=messy) for word in argv]
    monkeypatch.setattr(sys, "stderr", None)
    assert main(given) == code
    out = capsys.readouterr().out
    if "--json" in given:
        json.loads(out)  # (one JSON document, nothing else)
    elif given[0] == "fmt":
        assert f"not canonical: {messy / 'persons.json'}" in out.splitlines()
        assert all(line.startswith("not canonical: ") for line in out.splitlines())
    else:
        assert out == ""


def test_standard_error_closed_by_the_shell_leaves_the_json_whole() -> None:
    code, out, err = run_apart("2>&-", "search", "kozlov", "--json")
    assert (code, err) == (EXIT_OK, "")
    assert len(json.loads(out)) == 20


# --- an encoding that cannot hold the text: escapes, and the exit code is the verdict -----


def _ascii_streams(monkeypatch: pytest.MonkeyPatch) -> tuple[io.BytesIO, io.BytesIO]:
    """Standard output and error encoded in ASCII (``PYTHONIOENCODING=ascii``); their bytes."""
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="ascii"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="ascii"))
    return out, err


def _written(stream: io.BytesIO) -> str:
    sys.stdout.flush()
    sys.stderr.flush()
    return stream.getvalue().decode("ascii")


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["events", "--data", "{cyrillic}"], EXIT_OK),
        (["show", "person:a", "--data", "{cyrillic}"], EXIT_OK),
        (["validate", "{cyrillic_bad}"], EXIT_INVALID),
        (["info", "--data", "{cyrillic_bad}"], EXIT_INVALID),
    ],
)
def test_text_an_encoding_cannot_hold_is_written_as_escapes(
    argv: list[str],
    code: int,
    cyrillic: Path,
    cyrillic_bad: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `PYTHONIOENCODING=ascii rightsdata events` stopped half way with exit code 2, and
    # `validate` of data with problems exited 2, not 1
    given = [word.format(cyrillic=cyrillic, cyrillic_bad=cyrillic_bad) for word in argv]
    assert main(given) == code
    expected = capsys.readouterr()
    out, err = _ascii_streams(monkeypatch)
    assert main(given) == code
    written = _written(out), _written(err)
    escaped = tuple(text.encode("ascii", "backslashreplace").decode() for text in expected)
    assert written == escaped
    assert "\\u04" in "".join(written)  # (Cyrillic, escaped)


@pytest.mark.parametrize(
    "argv",
    [
        ["events", "--data", "{cyrillic}", "--json"],
        ["show", "person:a", "--data", "{cyrillic}", "--json"],
        ["validate", "{cyrillic_bad}", "--json"],
        ["info", "--data", "{cyrillic_bad}", "--json"],
        ["export", "--format", "document", "-", "--data", "{cyrillic}"],
    ],
)
def test_json_to_an_encoding_that_cannot_hold_the_text_is_written_with_its_escapes(
    argv: list[str],
    cyrillic: Path,
    cyrillic_bad: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `PYTHONIOENCODING=ascii rightsdata info --json --data BAD` ended in a traceback
    given = [word.format(cyrillic=cyrillic, cyrillic_bad=cyrillic_bad) for word in argv]
    code = main(given)
    expected = json.loads(capsys.readouterr().out)
    out, _ = _ascii_streams(monkeypatch)
    assert main(given) == code
    assert json.loads(_written(out)) == expected


def test_json_lines_to_an_encoding_that_cannot_hold_the_text(
    cyrillic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = _ascii_streams(monkeypatch)
    assert main(["export", "--format", "jsonl", "-", "--data", str(cyrillic)]) == EXIT_OK
    lines = [json.loads(line) for line in _written(out).splitlines()]
    (person,) = [line for line in lines if line.get("id") == "person:a"]
    assert person["name"] == "Иван Петров"


def test_no_traceback_where_the_locale_is_ascii(cyrillic_bad: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    code, out, err = run_apart("", "info", "--json", "--data", str(cyrillic_bad), env=env)
    assert code == EXIT_INVALID and "Traceback" not in err
    assert json.loads(out)["problems"][-1]["field"] == "имя"
    code, out, err = run_apart("", "validate", str(cyrillic_bad), env=env)
    assert code == EXIT_INVALID and "\\u0438\\u043c\\u044f: unknown field" in out


# --- the work done, its report not written: said so ---------------------------------------


class _FullDisk(io.TextIOBase):
    """A stdout on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_files_written_with_standard_output_full_are_said_written(
    tmp_path: Path,
    messy: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `rightsdata export --format csv DIR > /dev/full` said "could not write the output"
    # after all the files were written, as if none were
    assert main(["fmt", "--check", str(messy)]) == EXIT_INVALID
    files = _plural(capsys.readouterr().out.count("not canonical: "), "file")
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    full = "could not write the output to standard output: No space left on device"

    def said() -> str:
        return " ".join(capsys.readouterr().err.split())

    exported = tmp_path / "exported"
    assert main(["export", "--format", "csv", str(exported)]) == EXIT_OUTPUT
    assert len(list(exported.glob("*.csv"))) == len(TABLES)
    assert said() == (
        f"rightsdata export: the work is done (wrote {len(TABLES) + 1} files (csv) to "
        f"{exported}), "
        f"but {full}"
    )
    started = tmp_path / "started"
    assert main(["init", str(started)]) == EXIT_OUTPUT
    names = "datapackage.json, events.json, persons.json, sources.json"
    assert sorted(p.name for p in started.iterdir()) == names.split(", ")
    assert said() == (
        f"rightsdata init: the work is done (wrote 4 files to {started}: {names}), but {full}"
    )
    assert main(["fmt", str(messy)]) == EXIT_OUTPUT
    assert f"rightsdata fmt: the work is done (rewrote {files} in {messy}), but {full}" in said()
    assert main(["fmt", "--check", str(messy)]) == EXIT_OK  # (rewritten)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_an_export_to_a_full_standard_output_says_its_files_are_written(tmp_path: Path) -> None:
    code, _, err = run_apart("> /dev/full", "export", "--format", "jsonl", str(tmp_path / "x"))
    assert code == EXIT_OUTPUT and (tmp_path / "x" / "records.jsonl").is_file()
    assert " ".join(err.split()).startswith(
        f"rightsdata export: the work is done (wrote 1 file (jsonl) to {tmp_path / 'x'}), but"
    )


# --- --version and --help with standard output closed: as every command -------------------


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["info", "--help"]])
def test_version_and_help_with_standard_output_closed_exit_3(argv: list[str]) -> None:
    # `rightsdata --version >&-` printed the version on standard error and exited 0
    assert run_apart(">&-", *argv) == (
        EXIT_OUTPUT,
        "",
        "rightsdata: could not write the output: standard output is closed\n",
    )


def test_a_usage_error_with_standard_output_closed_is_still_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["--version"]) == EXIT_OUTPUT
    assert main(["events", "--kidn", "arrest"]) == EXIT_USAGE
    assert "--kind" in capsys.readouterr().err


# --- an interrupt: exit code 130 (143 for SIGTERM), one line, no traceback ----------------


@pytest.mark.parametrize(
    "argv",
    [
        ["info"],
        ["cite"],
        ["search", "kozlov"],
        ["events"],
        ["timeline", "person:vladimir-kozlov"],
        ["show", "person:vladimir-kozlov"],
        ["validate", str(KAZAKHSTAN)],
        ["fmt", "--check"],
        ["export", "--format", "jsonl", "-"],
        ["export", "--format", "csv", "{tmp}/exported"],
        ["init", "{tmp}/started"],
    ],
)
def test_every_command_interrupted_exits_130_without_a_traceback(
    argv: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("rightsdata._cli.main._before", interrupt)
    handler = signal.getsignal(signal.SIGTERM)
    assert main([word.format(tmp=tmp_path) for word in argv]) == 130
    assert capsys.readouterr() == ("", "rightsdata: interrupted\n")
    assert signal.getsignal(signal.SIGTERM) == handler  # (SIGTERM's, as it was)


@pytest.mark.parametrize(
    ("signal_name", "code", "said"),
    [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")],
)
def test_a_signal_ends_the_run_with_its_code_and_one_line(
    signal_name: str, code: int, said: str
) -> None:
    # A process started in the background by a shell without job control (as CI may start
    # the tests) inherits SIGINT ignored, and Python then leaves it so: Ctrl-C is restored
    # here, as a terminal's process has it. The signal is raised in the process rather than
    # sent by os.kill, which on Windows ends the process without a signal.
    script = (
        "import signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from rightsdata._cli import main as cli\n"
        f"cli._before = lambda args: signal.raise_signal(signal.{signal_name})\n"
        "sys.exit(cli.main(['info']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=_ENV, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (code, "", f"rightsdata: {said}\n")
