"""The command line: output people can read, JSON where it is data, exit codes scripts can use."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._values.errors import InvalidDataError
from test_cli_streams import run_apart

from conftest import CITE, NO_BASE, event_doc, person_doc, source_doc, symlink, write_folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info")
    assert code == EXIT_OK
    assert out.startswith("kazakhstan ")
    code, out, _ = run(capsys, "info", "--json")
    shown = json.loads(out)
    assert shown["counts"]["sources"] == 5
    ds = rightsdata.load()
    assert (shown["name"], shown["version"], shown["format"]) == (ds.name, ds.version, ds.format)
    assert shown["rightsdata"] == rightsdata.__version__


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


def test_timeline_of_a_place_has_the_events_at_places_within_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `timeline place:almaty` was a usage error pointing to `events --place`
    expected = [e.id for e in rightsdata.load().events(place="place:almaty")]
    code, out, _ = run(capsys, "timeline", "place:almaty", "--json")
    assert code == EXIT_OK and [e["id"] for e in json.loads(out)] == expected
    assert "event:ilyashev-detention" in expected  # at a place within Almaty only
    code, out, _ = run(capsys, "timeline", "place:almaty")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "Almaty: 11 events (2 at places within it), in date order"
    shown = [w for line in lines for w in line.split() if w.startswith("event:")]
    assert shown == expected
    code, out, _ = run(capsys, "timeline", "place:aktau")  # nothing is within Aktau
    assert out.splitlines()[0] == "Aktau: 2 events, in date order"
    code, out, _ = run(capsys, "timeline", "KZ")  # a country's code, as --place takes it
    assert out.splitlines()[0] == "Kazakhstan: 60 events (26 at places within it), in date order"
    # the events and the note a plot of the place draws and says (one resolution for both)
    from rightsdata._display.marks import subject_events

    plotted = subject_events(rightsdata.load(), "place:almaty")
    assert ([e.id for e in plotted.events], plotted.within) == (
        expected,
        " (2 at places within it)",
    )


def test_an_empty_timeline_is_its_heading_alone(capsys: pytest.CaptureFixture[str]) -> None:
    # (a blank line followed the heading, for a place and an actor alike)
    for subject, name in (("place:brazil", "Brazil"), ("org:council-of-europe", "Council")):
        code, out, _ = run(capsys, "timeline", subject)
        assert code == EXIT_OK and out.startswith(name)
        assert out.endswith(": 0 events, in date order\n") and out.count("\n") == 1


def test_search_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "kozlov", "--json")
    assert code == EXIT_OK
    assert json.loads(out)[0]["id"] == "person:vladimir-kozlov"
    code, out, _ = run(capsys, "show", "law:kz-cc-1997-164")
    assert code == EXIT_OK
    assert "Criminal Code of the Republic of Kazakhstan (1997), article 164" in out
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
    assert "  persons.json[0] person:a.name: expected text, got an integer (5)\n" in out
    code, out, _ = run(capsys, "validate", str(bad), "--json")
    assert code == EXIT_INVALID
    assert json.loads(out) == [
        {
            "location": "persons.json[0] person:a.name",
            "message": "expected text, got an integer (5)",
            "code": "type",
            "file": "persons.json",
            "kind": "persons",
            "index": 0,
            "line": None,
            "record_id": "person:a",
            "field": "name",
            "missing_id": None,
            "redirects_to": None,
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
    code, _, err = run(capsys, "fmt", "--check", str(folder))
    assert code == EXIT_INVALID
    assert f"run `rightsdata fmt {shlex.quote(str(folder))}` to rewrite them" in err
    assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    assert run(capsys, "fmt", "--check", str(folder))[0] == EXIT_OK
    ids = [p["id"] for p in json.loads((folder / "persons.json").read_text(encoding="utf-8"))]
    assert ids == ["person:a", "person:b"]


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"], ids=["CRLF", "CR"])
def test_fmt_rewrites_windows_line_ends_and_measures_the_files_on_disk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line_end: bytes
) -> None:
    """A kind file saved with other line ends (a Windows editor, git's core.autocrlf) loads,
    but is not canonical: --check names it, fmt rewrites it with "\n", and the sizes and
    hashes --hashes records are those of the files, so that the folder then validates."""
    import hashlib

    folder = write_folder(
        tmp_path / "windows",
        {"sources.json": [source_doc()], "persons.json": [person_doc("person:a")]},
    )
    assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    persons = folder / "persons.json"
    persons.write_bytes(persons.read_bytes().replace(b"\n", line_end))
    assert run(capsys, "validate", str(folder))[0] == EXIT_OK  # (any line ends load)
    code, out, _ = run(capsys, "fmt", "--check", str(folder))
    assert code == EXIT_INVALID and f"not canonical: {persons}" in out
    code, out, _ = run(capsys, "fmt", "--hashes", str(folder))
    assert code == EXIT_OK and f"rewrote: {persons}" in out
    assert b"\r" not in persons.read_bytes()
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:
        data = (folder / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert run(capsys, "validate", str(folder))[0] == EXIT_OK
    assert run(capsys, "fmt", "--check", str(folder))[0] == EXIT_OK
    # a published folder (sizes and hashes given) checked out with CRLF: the advised fmt fixes it
    persons.write_bytes(persons.read_bytes().replace(b"\n", line_end))
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == EXIT_INVALID and "changed since datapackage.json" in out
    assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    assert run(capsys, "validate", str(folder))[0] == EXIT_OK


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


def _rightsdata(*argv: str, **streams: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m rightsdata`` run apart, its streams as given (``stdout=``...)."""
    env = {**os.environ, "PYTHONPATH": str(Path(rightsdata.__file__).parents[1])}
    command = [sys.executable, "-m", "rightsdata", *argv]
    return subprocess.run(command, env=env, check=False, **streams)  # type: ignore[call-overload, no-any-return]


def _reader_gone(*argv: str, stream: str) -> tuple[int, bytes]:
    """Run ``rightsdata argv`` with ``stream`` (``stdout`` or ``stderr``) a pipe whose reader
    is gone before it writes (as `| head -1` is once it has its line); its exit code, and
    what it said on the other stream."""
    env = {**os.environ, "PYTHONPATH": str(Path(rightsdata.__file__).parents[1])}
    command = [sys.executable, "-m", "rightsdata", *argv]
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        gone, kept = (run.stdout, run.stderr) if stream == "stdout" else (run.stderr, run.stdout)
        gone.close()
        said = kept.read()
        return run.wait(), said


@pytest.mark.parametrize(
    "argv",
    [["timeline", "person:vladimir-kozlov"], ["events"], ["export", "--format", "jsonl", "-"]],
)
def test_a_reader_that_stops_reading_ends_the_run_quietly(argv: list[str]) -> None:
    # `rightsdata events | head -1`: as Unix tools, no traceback, no message, no error
    assert _reader_gone(*argv, stream="stdout") == (EXIT_OK, b"")


def test_messages_cut_by_a_reader_gone_keep_their_exit_code() -> None:
    # an error's message on a stderr no one reads: still a usage error, or invalid data
    assert _reader_gone("events", "--kind", "nope", stream="stderr") == (EXIT_USAGE, b"")
    assert _reader_gone("--data", "/nowhere", "info", stream="stderr") == (EXIT_USAGE, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("argv", [["timeline", "person:vladimir-kozlov"], ["info", "--json"]])
def test_output_that_cannot_be_written_is_told_so(argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = _rightsdata(*argv, stdout=full, stderr=subprocess.PIPE)
    said = done.stderr.decode()
    assert done.returncode == EXIT_OUTPUT == 3
    assert " ".join(said.split()) == (
        f"rightsdata {argv[0]}: could not write the output to standard output: "
        "No space left on device"
    )


def test_a_closed_standard_output_is_told_so() -> None:
    # `rightsdata info >&-`: Python's sys.stdout is None, and print() would print nothing
    assert run_apart(">&-", "info") == (
        EXIT_OUTPUT,
        "",
        "rightsdata info: could not write the output: standard output is closed\n",
    )


class _FullDisk(io.TextIOBase):
    """A stdout on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_a_write_error_of_standard_output_is_no_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    code = main(["show", "person:vladimir-kozlov"])
    err = capsys.readouterr().err
    assert code == EXIT_OUTPUT
    assert " ".join(err.split()) == (
        "rightsdata show: could not write the output to standard output: No space left on device"
    )


# --- the terminal side of issue #11 ------------------------------------------------------------


@pytest.fixture
def columns_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _widest(text: str, *whole: object) -> int:
    """The widest line of ``text``, each path of ``whole`` in it counted as one column: a
    path a message prints is kept whole on its line, however long (docs/cli.md)."""
    kept = sorted((str(path) for path in whole), key=len, reverse=True)
    widths = []
    for line in text.splitlines():
        for path in kept:
            line = line.replace(path, "/")
        widths.append(len(line))
    return max(widths, default=0)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import rightsdata

    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (EXIT_OK, f"rightsdata {rightsdata.__version__}")


def test_show_prints_a_card_not_reprs(capsys: pytest.CaptureFixture[str], columns_80: None) -> None:
    code, out, _ = run(capsys, "show", "event:kozlov-verdict-2012-10-08")
    assert code == EXIT_OK
    assert "participants  Vladimir Kozlov (defendant)" in out
    assert "date          8 October 2012 (2012-10-08)" in out
    assert "Participant(" not in out and "{'" not in out and "actor=" not in out
    assert _widest(out) <= 80
    code, out, _ = run(capsys, "show", "event:kozlov-verdict-2012-10-08", "--width", "50")
    assert _widest(out) <= 50


def test_events_filters(capsys: pytest.CaptureFixture[str], columns_80: None) -> None:
    code, out, _ = run(capsys, "events", "--kind", "verdict", "--between", "2012")
    assert code == EXIT_OK
    assert out.splitlines()[0] == "2 events (--kind verdict; --between 2012)"
    assert "event:zhanaozen-oil-workers-convictions-2012 · verdict" in out
    code, out, _ = run(capsys, "events", "--kind", "verdict", "--between", "2012-10", "--certain")
    assert out.splitlines()[0] == (
        "1 event (--kind verdict; --between 2012-10; --certain)"  # not "1 events"
    )
    assert "event:kozlov-verdict-2012-10-08 · verdict" in out
    code, out, _ = run(
        capsys, "events", "--involving", "person:vladimir-kozlov", "--role", "defendant", "--json"
    )
    ids = [e["id"] for e in json.loads(out)]
    import rightsdata

    expected = rightsdata.load().events(involving="person:vladimir-kozlov", role="defendant")
    assert ids == [e.id for e in expected] and len(ids) > 1
    code, out, _ = run(
        capsys, "events", "--place", "place:almaty", "--between", "2019/2020", "--json"
    )
    at_almaty = rightsdata.load().events(place="place:almaty", between=("2019", "2020"))
    assert [e["id"] for e in json.loads(out)] == [e.id for e in at_almaty]
    code, out, _ = run(capsys, "events", "--kind", "arrest,detention", "--between", "2022-01/..")
    found = rightsdata.load().events(kind=["arrest", "detention"], between=("2022-01", None))
    header = out.splitlines()[0]
    assert code == EXIT_OK and len(found) >= 1
    assert header.startswith(
        f"{len(found)} event ({'s' if len(found) != 1 else ''}".replace(" (s", "s (")
    )
    assert _widest(out) <= 80


def test_events_certainly_within(capsys: pytest.CaptureFixture[str]) -> None:
    import rightsdata

    code, out, _ = run(capsys, "events", "--between", "2019-06", "--certain", "--json")
    expected = rightsdata.load().events(between=("2019-06", "2019-06"), certain=True)
    assert code == EXIT_OK and [e["id"] for e in json.loads(out)] == [e.id for e in expected]
    assert 0 < len(expected) < len(rightsdata.load().events(between=("2019-06", "2019-06")))
    code, out, _ = run(capsys, "events", "--between", "2019-06", "--certain")
    assert out.splitlines()[0] == f"{len(expected)} events (--between 2019-06; --certain)"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["events", "--certain"], "--certain keeps the events certainly within a window, and"),
        (
            ["events", "--kind", "verdit"],
            "--kind 'verdit' is not an event kind; did you mean 'verdict'?",
        ),
        (["events", "--role", "judgee"], "--role 'judgee' is not a role; did you mean 'judge'?"),
        (["events", "--between", "2012-13"], "'2012-13' is not a date"),
        (
            ["events", "--between", "2013/2012"],
            "the start '2013' is after the end '2012'; in order: --between 2012/2013",
        ),
        (
            ["events", "--between", "[2012-01-16,2012-03]"],
            "'[2012-01-16,2012-03]' is one of some dates, not a window",
        ),
        (
            ["events", "--between", "[2012-01-16,2012-03]/2013"],
            "the start '[2012-01-16,2012-03]' is one of some",
        ),
        # an interval is not a side: START/END has one slash
        (["events", "--between", "2012/2013/2014"], "give one date or START/END, not 3 dates"),
        (["events", "--between", "2012//"], "give one date or START/END"),
        # an empty value is an error, not a filter left out
        (["events", "--between", ""], "--between '' is not a date"),
        (["events", "--kind", ""], "--kind '' names no event kind; the event kinds are:"),
        (["events", "--kind", " , "], "--kind ' , ' names no event kind"),
        (["events", "--role", ""], "--role '' names no role; the roles are: victim"),
        # an empty kind among others names nothing too, as kind=["arrest", ""] in Python
        (["events", "--kind", "arrest", "--kind", ""], "--kind '' names an empty event kind"),
        (["events", "--kind", "arrest,,verdict"], "--kind 'arrest,,verdict' names an empty"),
        (["events", "--kind", "arrest,"], "--kind 'arrest,' names an empty event kind"),
        (["events", "--place", ""], "no record has the id ''"),
        (["events", "--involving", ""], "no record has the id ''"),
        # the command line's option, not load_path(), for your own data
        (["info", "--name", "nosuch"], "--name 'nosuch': no bundled dataset has this name"),
        (["info", "--name", ""], "bundled: kazakhstan; for your own data: --data PATH"),
        # one role: a second one was dropped without a word
        (["events", "--role", "judge,victim"], "--role takes one role, not 2 (judge, victim)"),
        (
            ["events", "--involving", "place:almaty"],
            "--involving takes a person, an organisation or a group; place:almaty (Almaty) is a "
            "place",
        ),
        (["events", "--place", "person:vladimir-kozlov"], "--place takes a place"),
        (
            ["timeline", "law:kz-cc-1997-164"],
            "timeline takes a person, an organisation, a group or a place; law:kz-cc-1997-164",
        ),
    ],
)
def test_bad_filters_are_usage_errors_in_cli_words(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == EXIT_USAGE and out == ""
    assert expected in " ".join(err.split())
    # no Python in a command-line message
    assert "involving=" not in err and "Traceback" not in err and "None" not in err
    assert "load_path" not in err


def test_search_finds_events_statements_and_sources_by_title(
    capsys: pytest.CaptureFixture[str], columns_80: None
) -> None:
    code, out, _ = run(capsys, "search", "zhanaozen", "massacre", "--json")
    assert code == EXIT_OK
    ids = [r["id"] for r in json.loads(out)]
    assert ids[0] == "event:zhanaozen-massacre-2011"
    assert any(i.startswith("statement:") for i in ids)
    _, out, _ = run(capsys, "search", "jailed opposition leader refused parole", "--json")
    assert "source:kozlov-parole-refused-2015-12" in [r["id"] for r in json.loads(out)]
    _, out, _ = run(capsys, "search", "kozlov")
    assert [line.split() for line in out.splitlines()[:2]] == [
        ["person", "Vladimir", "Kozlov"],
        ["person:vladimir-kozlov"],
    ]
    assert _widest(out) <= 80


def test_search_that_finds_nothing_says_what_it_searched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "search", "qqqqzzzz")
    assert (code, out) == (EXIT_OK, "")
    said = " ".join(err.split())
    assert "nothing matches 'qqqqzzzz'" in said
    ds = rightsdata.load()
    named = len(ds.persons) + len(ds.organizations) + len(ds.groups) + len(ds.places)
    named += len(ds.laws)
    titled = len(ds.events) + len(ds.statements) + len(ds.sources)
    assert f"names and aliases of {named} persons, organisations, groups, places and laws" in said
    assert f"notes of {titled} events, statements and sources in kazakhstan" in said
    assert "alone finds" not in said  # (one word: nothing to tell apart)


def test_search_of_words_that_find_nothing_together_says_what_each_finds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ds = rightsdata.load()
    kozlov = len(ds.search("kozlov", limit=None))
    assert kozlov > 1 and not ds.search("verdict") and not ds.search("kozlov verdict")
    code, out, err = run(capsys, "search", "kozlov", "verdict")
    said = " ".join(err.split())
    assert (code, out) == (EXIT_OK, "")
    assert f"(no record holds 'verdict'; 'kozlov' alone finds {kozlov} records; " in said
    # a word that is a kind of event, which no text need hold, is pointed to `events --kind`
    assert "'verdict' is a kind of event: `rightsdata events --kind verdict --involving ID`" in said
    _, _, err = run(capsys, "search", "qqqq", "zzzz", "--limit", "3")
    assert "(no record holds 'qqqq' or 'zzzz'): searched" in " ".join(err.split())
    _, _, err = run(capsys, "search", "kozlov", "tokayev")
    said = " ".join(err.split())
    assert "(no record holds them all; 'kozlov' alone finds" in said
    assert "kind of event" not in said


def test_unknown_id_suggests_ids_of_the_dataset_in_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "show", "person:kozlov")
    assert code == EXIT_USAGE
    assert "did you mean 'person:vladimir-kozlov'" in " ".join(err.split())
    mine = write_folder(
        tmp_path / "mine",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:ana-example")],
            "events.json": [event_doc(participants=[])],
        },
    )
    code, _, err = run(capsys, "show", "person:ana", "--path", str(mine))
    said = " ".join(err.split())
    assert code == EXIT_USAGE
    assert "no record has the id 'person:ana' in" not in said or "mine" not in said
    assert "did you mean 'person:ana-example'?" in said
    assert "kozlov" not in said  # never a bundled ID for someone else's dataset
    code, _, err = run(capsys, "show", "persn:ana-example", "--data", str(mine))
    said = " ".join(err.split())
    assert "did you mean 'person:ana-example'?" in said and "kozlov" not in said


def test_unknown_command_and_option_suggest_and_show_the_commands_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "timelin", "person:vladimir-kozlov")
    assert code == EXIT_USAGE
    assert "unknown command 'timelin'; did you mean 'timeline'?" in err
    code, _, err = run(capsys, "show", "event:x", "--widht", "50")
    assert code == EXIT_USAGE
    assert err.startswith("usage: rightsdata show ")  # the subcommand's usage, not the top one
    err = " ".join(err.split())  # (the message wrapped to the terminal)
    assert "unrecognized arguments: --widht 50; did you mean '--width'?" in err
    # an option of another command is told whose it is (was: did you mean '--path'?)
    code, _, err = run(capsys, "events", "--width", "50")
    err = " ".join(err.split())
    assert code == EXIT_USAGE
    assert "unrecognized arguments: --width 50; --width is an option of rightsdata show" in err
    code, _, err = run(capsys, "export", "--format", "cvs", "out")
    assert code == EXIT_USAGE and "did you mean 'csv'?" in err


def test_validate_suggests_fields_and_terms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, columns_80: None
) -> None:
    bad = write_folder(
        tmp_path / "bad",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(nmae="x")],
            "events.json": [event_doc(kind="verdictt")],
        },
    )
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == EXIT_INVALID
    assert "".join(out.split(":\n")[0].split()) == f"2 problems in {bad}".replace(" ", "")
    assert "  persons.json[0] person:a.nmae: unknown field; did you mean 'name'?" in out
    assert "events.json[0] event:a.kind: 'verdictt' is not an event kind; did you mean" in out
    assert "a EventKind" not in out
    write_folder(bad, {"events.json": [event_doc(date="12/06/2020")]})
    said = " ".join(run(capsys, "validate", str(bad))[1].split())
    assert "events.json[0] event:a.date: '12/06/2020' is not an EDTF date" in said
    assert "dates are EDTF, year first: 2012-10-08" in said
    # the same words when another command reads the dataset
    code, out, err = run(capsys, "show", "person:a", "--data", str(bad))
    assert (code, out) == (EXIT_INVALID, "")
    assert "  persons.json[0] person:a.nmae: unknown field; did you mean 'name'?" in err
    assert _widest(err, bad) <= 80


def test_validate_says_which_references_were_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, columns_80: None
) -> None:
    unread = write_folder(
        tmp_path / "unread",
        {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [event_doc()]},
    )
    note = (
        "Not checked: references to persons, and checks that need their records (not all of "
        "them loaded); a load after the fixes may report more."
    )
    code, out, _ = run(capsys, "validate", str(unread))
    assert code == EXIT_INVALID
    assert "  persons.json: is not valid JSON" in out
    assert " ".join(out.split()).endswith(note)
    assert _widest(out, unread) <= 80
    # the same when another command reads the dataset
    code, out, err = run(capsys, "show", "person:a", "--data", str(unread))
    assert (code, out) == (EXIT_INVALID, "")
    assert " ".join(err.split()).endswith(note)
    # a reference judged though a person's ID cannot be read keeps its 'did you mean'
    nameless = person_doc("person:b")
    del nameless["id"]
    judged = write_folder(
        tmp_path / "judged",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:ana-example"), nameless],
            "events.json": [
                event_doc(participants=[{"actor": "person:ana-exampel", "role": "victim"}])
            ],
        },
    )
    said = " ".join(run(capsys, "validate", str(judged))[1].split())
    assert (
        "events.json[0] event:a.participants[0].actor: 'person:ana-exampel' does not exist, "
        "unless it is persons.json[1], whose id cannot be read; did you mean "
        "'person:ana-example'?"
    ) in said
    assert "Not checked" not in said


def test_validate_json_keeps_its_list_and_says_what_was_not_checked_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unread = write_folder(
        tmp_path / "unread",
        {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [event_doc()]},
    )
    code, out, err = run(capsys, "validate", str(unread), "--json")
    assert code == EXIT_INVALID
    found = json.loads(out)  # (stdout is the list alone, as before)
    assert isinstance(found, list) and [p["location"] for p in found] == ["persons.json"]
    assert " ".join(err.split()) == (
        "Not checked: references to persons, and checks that need their records (not all of "
        "them loaded); a load after the fixes may report more."
    )
    # every reference judged: nothing on stderr
    bad = write_folder(
        tmp_path / "bad", {"sources.json": [source_doc()], "persons.json": [person_doc(name=5)]}
    )
    code, out, err = run(capsys, "validate", str(bad), "--json")
    assert (code, len(json.loads(out)), err) == (EXIT_INVALID, 1, "")
    # a kind's file: its references to other files, as the text output says them
    code, out, err = run(capsys, "validate", str(unread / "events.json"), "--json")
    assert (code, json.loads(out)) == (EXIT_OK, [])
    assert " ".join(err.split()) == (
        "not checked: 2 references to records in other files (1 to sources, 1 to persons); "
        "validate the folder to check them"
    )


def test_validate_a_kind_file_with_a_failed_record_checks_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # event:b's date fails: the cycle through it is still found, as the folder finds it
    events = [
        event_doc("event:a", part_of="event:b"),
        event_doc("event:b", part_of="event:a", date="2020-13"),
    ]
    folder = write_folder(
        tmp_path / "cycle",
        {"sources.json": [source_doc()], "persons.json": [person_doc()], "events.json": events},
    )
    code, out, _ = run(capsys, "validate", str(folder / "events.json"), "--json-report")
    report = json.loads(out)
    found = [(p["record_id"], p["field"]) for p in report["problems"]]
    assert (code, found) == (EXIT_INVALID, [("event:a", "part_of"), ("event:b", "date")])
    assert report["unchecked"] == ["sources", "persons"]  # (never empty: they were not)
    folder_report = json.loads(run(capsys, "validate", str(folder), "--json-report")[1])
    assert folder_report["problems"] == report["problems"]
    # and strictly: a bad birth hides no questionable country
    persons = [person_doc("person:a", born="1980-13"), person_doc("person:b", country="UK")]
    folder = write_folder(
        tmp_path / "strict", {"sources.json": [source_doc()], "persons.json": persons}
    )
    for path in (folder / "persons.json", folder):
        code, out, _ = run(capsys, "validate", str(path), "--strict", "--json")
        coded = [(p["record_id"], p["field"], p["code"]) for p in json.loads(out)]
        assert coded == [("person:a", "born", "value"), ("person:b", "country", "strict")]


def test_validate_a_kind_file_says_what_its_failed_records_left_unchecked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # event:b's link cannot be read, and event:a links to it: a cycle is not ruled out
    events = [event_doc("event:a", part_of="event:b"), event_doc("event:b", part_of=5)]
    unreadable = {"events.json": "[{"}
    folder = write_folder(tmp_path / "link", {"events.json": events})
    code, out, _ = run(capsys, "validate", str(folder / "events.json"), "--json-report")
    report = json.loads(out)
    assert [p["field"] for p in report["problems"]] == ["part_of"]
    assert report["unchecked"] == ["sources", "persons", "events"]
    code, out, _ = run(capsys, "validate", str(folder / "events.json"))
    assert "Not checked: references to events" in " ".join(out.split())
    # a file not read at all: no check among its records ran
    folder = write_folder(tmp_path / "unread", unreadable)
    code, out, _ = run(capsys, "validate", str(folder / "events.json"), "--json-report")
    assert (code, json.loads(out)["unchecked"]) == (EXIT_INVALID, ["events"])


def test_validate_json_report_is_one_object_with_what_was_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unread = write_folder(
        tmp_path / "unread",
        {"sources.json": [source_doc()], "persons.json": "[{", "events.json": [event_doc()]},
    )
    code, out, err = run(capsys, "validate", str(unread), "--json-report")
    assert (code, err) == (EXIT_INVALID, "")
    report = json.loads(out)
    assert list(report) == ["problems", "unchecked", *NO_BASE]
    assert report["unchecked"] == ["persons"]
    # its problems are --json's list, object for object
    assert report["problems"] == json.loads(run(capsys, "validate", str(unread), "--json")[1])
    assert report["problems"][0]["location"] == "persons.json"
    # valid data: no problems, nothing unchecked
    good = write_folder(
        tmp_path / "good", {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    )
    code, out, _ = run(capsys, "validate", str(good), "--json-report")
    assert (code, json.loads(out)) == (EXIT_OK, {"problems": [], "unchecked": [], **NO_BASE})
    # a kind's file: the kinds of the other files its references name
    code, out, _ = run(capsys, "validate", str(unread / "events.json"), "--json-report")
    assert (code, json.loads(out)) == (
        EXIT_OK,
        {"problems": [], "unchecked": ["sources", "persons"], **NO_BASE},  # (KINDS' order)
    )
    # one JSON form at a time
    code, out, err = run(capsys, "validate", str(good), "--json", "--json-report")
    assert (code, out) == (EXIT_USAGE, "")
    assert "--json-report, not both" in " ".join(err.split())


def test_missing_paths_are_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere")
    for argv in (
        ["validate", missing],
        ["info", "--data", missing],
        ["show", "person:a", "--path", missing],
        ["fmt", missing],
    ):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_USAGE, argv
        assert f"{missing}: no such ".replace(" ", "") in "".join(err.split())  # (wrapped)


@pytest.mark.parametrize("declared", [2, 3, None])
def test_a_kind_file_is_held_to_the_format_its_folder_declares(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, declared: int | None
) -> None:
    """A hook that checks the file just edited says what the folder's load would: a date
    that is a set needs format 3, refused where the descriptor beside it declares 2, and
    taken where it declares 3 or there is none (the latest format)."""
    folder = write_folder(
        tmp_path / "mine",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc()],
            "events.json": [event_doc(date="[2020-05-01,2020-05-02]")],
        },
    )
    descriptor = folder / "datapackage.json"
    if declared is None:
        descriptor.unlink(missing_ok=True)
    else:
        descriptor.write_text(
            json.dumps({"name": "mine", "rightsdata_format": declared}), encoding="utf-8"
        )
    kind_file, _, _ = run(capsys, "validate", str(folder / "events.json"))
    whole, out, _ = run(capsys, "validate", str(folder))
    assert kind_file == whole == (EXIT_INVALID if declared == 2 else EXIT_OK), out
    problems = rightsdata.validate(folder / "events.json")
    assert [p.field for p in problems] == (["date"] if declared == 2 else [])
    if declared == 2:
        assert "needs format 3, and the dataset declares format 2" in problems[0].message


def test_validate_one_kind_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "parts",
        {
            "events.json": [
                event_doc("event:a"),
                event_doc("event:b", part_of="event:a"),
            ],
            "persons.json": [person_doc("person:a"), person_doc("person:a")],
        },
    )
    code, out, _ = run(capsys, "validate", str(folder / "events.json"))
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == f"{folder / 'events.json'}: valid: checked 2 records (2 events)"
    said = " ".join(out.split())
    assert (
        "not checked: 4 references to records in other files (2 to sources, 2 to persons)" in said
    )
    assert run(capsys, "validate", str(folder / "events.json"), "--schema")[0] == EXIT_OK
    # problems inside the file are still found: a duplicate ID, a dangling reference of its kind
    code, out, _ = run(capsys, "validate", str(folder / "persons.json"))
    assert code == EXIT_INVALID and "persons.json[1] person:a.id: 'person:a' is used twice" in out
    write_folder(folder, {"events.json": [event_doc("event:b", part_of="event:gone")]})
    code, out, _ = run(capsys, "validate", str(folder / "events.json"))
    assert (
        code == EXIT_INVALID
        and "events.json[0] event:b.part_of: 'event:gone' does not exist" in out
    )
    write_folder(folder, {"events.json": [event_doc("event:b", title=7)]})
    code, out, _ = run(capsys, "validate", str(folder / "events.json"), "--json")
    assert code == EXIT_INVALID and json.loads(out)[0]["location"] == "events.json[0] event:b.title"


def test_export_to_stdout_is_json_lines_or_one_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import rightsdata

    code, out, _ = run(capsys, "export", "--format", "jsonl", "-")
    assert code == EXIT_OK
    lines = out.splitlines()
    ds = rightsdata.load()
    assert len(lines) == 1 + len(ds) + len(ds.redirects)  # the descriptor's line, then records
    assert [json.loads(line)["$kind"] for line in lines[:2]] == ["datapackage", "sources"]
    (tmp_path / "all.jsonl").write_text(out, encoding="utf-8")
    back = rightsdata.load_path(tmp_path / "all.jsonl")
    assert back == ds and (back.name, back.version) == (ds.name, ds.version)
    code, out, _ = run(capsys, "export", "--format", "document", "-")
    assert code == EXIT_OK
    (tmp_path / "all.json").write_text(out, encoding="utf-8")
    assert rightsdata.load_path(tmp_path / "all.json") == ds  # one document: the same dataset
    code, out, err = run(capsys, "export", "--format", "csv", "-")
    assert (code, out) == (EXIT_USAGE, "")
    assert "use --format jsonl or document" in " ".join(err.split())
    assert not Path("-").exists()


def test_export_help_names_every_format_and_those_standard_output_takes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The help's lists of formats are complete: every format is in the command's summary,
    and each that `export --format F -` writes is named where the help says what '-' takes."""
    from rightsdata.tables import FORMATS

    def words_after(text: str, start: str, end: str) -> list[str]:
        said = " ".join(text.split()).partition(start)[2].partition(end)[0]
        return said.replace(",", " ").split()

    summary = words_after(run(capsys, "--help")[1], " export write the dataset as ", " options:")
    code, text, _ = run(capsys, "export", "--help")
    assert code == EXIT_OK
    dash = words_after(text, "('-': standard output, for --format ", ")")
    for fmt in FORMATS:
        assert fmt in summary, (fmt, summary)
        streams = run(capsys, "export", "--format", fmt, "-")[0] == EXIT_OK
        assert (fmt in dash) == streams, (fmt, dash)


def test_init_writes_a_dataset_that_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "my-dataset"
    code, out, _ = run(capsys, "init", str(target))
    assert code == EXIT_OK and out.startswith(f"wrote 4 files to {target}")
    code, out, _ = run(capsys, "validate", str(target))
    assert (code, out.strip()) == (
        EXIT_OK,
        f"{target}: valid: checked 3 records (1 source, 1 person, 1 event)",
    )
    assert run(capsys, "validate", str(target), "--strict")[0] == EXIT_OK  # a start to copy
    assert run(capsys, "fmt", "--check", str(target))[0] == EXIT_OK
    code, out, _ = run(capsys, "cite", "--data", str(target), "--json")
    assert json.loads(out)["name"] == "my-dataset"
    code, out, _ = run(
        capsys, "show", "event:example-person-detained-2020-05-01", "--data", str(target)
    )
    assert "Example Person (victim)" in out
    # in the lowest format its data needs: the fields the template fills, no empty ones
    # (format 2, which older releases read too: no date of the template is a set)
    event = json.loads((target / "events.json").read_text(encoding="utf-8"))[0]
    assert set(event) == {"id", "kind", "title", "summary", "date", "participants", "citations"}
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["rightsdata_format"] == 2
    # a folder that is not empty is refused, and left alone
    code, _, err = run(capsys, "init", str(target))
    assert code == EXIT_USAGE and "is a folder that is not empty" in " ".join(err.split())
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    assert run(capsys, "init", str(tmp_path / "other"))[0] == EXIT_USAGE
    assert sorted(p.name for p in (tmp_path / "other").iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("name", ["my-dataset", "dir with space/it's Ünïcode"])
def test_init_suggests_only_commands_that_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    # it sent the user to docs/records.md, which an installed rightsdata does not have; and
    # it printed the folder unquoted, so that a path with a space broke when pasted
    target = tmp_path / name
    code, out, _ = run(capsys, "init", str(target))
    assert code == EXIT_OK and "docs/" not in out
    suggested = [
        shlex.split(line)[1:] for line in out.splitlines() if line.startswith("  rightsdata ")
    ]
    assert [argv[0] for argv in suggested] == ["validate", "show", "fmt", "show"]
    assert str(target) in suggested[0]
    for argv in suggested:
        code, out, err = run(capsys, *argv)
        assert (code, err) == (EXIT_OK, ""), argv
    assert json.loads(out)["id"] == "place:almaty"  # a record as its file holds it


def test_init_suggests_commands_that_take_a_folder_named_like_an_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder named -x was printed as `rightsdata validate -x`, read as an option (exit 2)
    by every command init prints; ./-x is a path to each. So is the file named where a
    folder holds a dataset of its own."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "init", "--", "-x")
    assert code == EXIT_OK
    suggested = [
        shlex.split(line)[1:] for line in out.splitlines() if line.startswith("  rightsdata ")
    ]
    assert suggested[0] == ["validate", "./-x"]
    for argv in suggested:
        code, out, err = run(capsys, *argv)
        assert (code, err) == (EXIT_OK, ""), argv
    rightsdata.load_path("-x").export("-y", "document")
    code, _, err = run(capsys, "validate", "./-y")
    assert code == EXIT_USAGE  # (a folder holding no dataset, but a file that is one)
    command = " ".join(err.split()).partition("`rightsdata validate ")[2].partition("`")[0]
    assert command == "./-y/dataset.json"
    assert run(capsys, "validate", command)[0] == EXIT_OK


def test_every_command_a_message_prints_takes_a_folder_named_like_an_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The class of init's `./-x`: a stale size's `rightsdata fmt -x`, fmt --check's `run
    rightsdata fmt -x`, a kind's file's `rightsdata validate -x/events.json` read the folder
    as an option. Each printed command now runs as printed."""
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "init", "--", "-x")[0] == EXIT_OK
    assert run(capsys, "fmt", "--hashes", "./-x")[0] == EXIT_OK
    events = tmp_path / "-x" / "events.json"
    events.write_text(events.read_text(encoding="utf-8").replace("own words", "own word"), "utf-8")

    def printed(text: str, before: str) -> list[str]:
        said = " ".join(text.split())
        return shlex.split(said.partition(before)[2].partition("`")[0])

    code, out, _ = run(capsys, "validate", "./-x")
    assert code == EXIT_INVALID
    assert printed(out, "run `") == ["rightsdata", "fmt", "./-x"]
    code, _, err = run(capsys, "fmt", "--check", "./-x")
    assert code == EXIT_INVALID
    rewrite = printed(err, "run `")
    assert rewrite == ["rightsdata", "fmt", "./-x"]
    assert run(capsys, *rewrite[1:])[0] == EXIT_OK
    code, out, _ = run(capsys, "validate", "--", "-x")
    assert code == EXIT_OK, out
    with pytest.raises(InvalidDataError) as info:  # (validate checks it alone; a load points)
        rightsdata.load_path(tmp_path / "-x" / "events.json")
    (alone,) = [p.message for p in info.value.problems]
    argv = shlex.split(alone.partition("`rightsdata ")[2].partition("`")[0])
    assert argv[0] == "validate" and not argv[1].startswith("-"), argv
    assert run(capsys, *argv)[0] == EXIT_OK
    # --base with one kind's file: told to validate the folder, by a command that takes it
    for folder in ("-x", "my data"):
        if folder != "-x":
            assert run(capsys, "init", folder)[0] == EXIT_OK
        code, _, err = run(capsys, "validate", f"./{folder}/events.json", "--base", "kazakhstan")
        assert code == EXIT_USAGE
        folder_said = shlex.split(" ".join(err.split()).partition("(`rightsdata validate ")[2])[0]
        assert run(capsys, "validate", folder_said)[0] == EXIT_OK, folder_said


def test_an_edited_init_dataset_still_loads_and_fmt_adds_no_hashes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # init wrote each file's size and hash, and any edit then made validate, show and
    # load_path refuse the whole dataset until `rightsdata fmt` was run
    target = tmp_path / "my-dataset"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"] and all(
        "bytes" not in r and "hash" not in r for r in descriptor["resources"]
    )
    events = target / "events.json"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("in your own words.", "at home, at night."), "utf-8")
    code, out, _ = run(capsys, "validate", str(target))
    assert (code, out.strip()) == (
        EXIT_OK,
        f"{target}: valid: checked 3 records (1 source, 1 person, 1 event)",
    )
    event = rightsdata.load_path(target).events["event:example-person-detained-2020-05-01"]
    assert event.summary == "What happened, at home, at night."
    # fmt rewrites the files, and adds no size or hash that was not asked for
    persons = target / "persons.json"
    persons.write_text(json.dumps(json.loads(persons.read_text("utf-8"))), "utf-8")
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert (target / "datapackage.json").read_text(encoding="utf-8") == json.dumps(
        descriptor, ensure_ascii=False, indent=2
    ) + "\n"
    assert run(capsys, "fmt", "--check", str(target))[0] == EXIT_OK


def test_fmt_hashes_adds_refreshes_and_removes_sizes_and_hashes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from rightsdata._data.canonical import sha256

    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    descriptor = target / "datapackage.json"

    def resources() -> list[dict[str, object]]:
        found: list[dict[str, object]] = json.loads(descriptor.read_text("utf-8"))["resources"]
        return found

    code, out, _ = run(capsys, "fmt", "--hashes", str(target))
    assert (code, out.strip()) == (EXIT_OK, f"rewrote: {descriptor}")
    for entry in resources():
        text = (target / str(entry["path"])).read_text(encoding="utf-8")
        assert (entry["bytes"], entry["hash"]) == (len(text.encode("utf-8")), sha256(text))
    # now the folder records them: an edit is caught, and plain fmt measures the file again
    events = target / "events.json"
    events.write_text(events.read_text("utf-8").replace("own words", "words"), "utf-8")
    code, out, _ = run(capsys, "validate", str(target))
    assert code == EXIT_INVALID and "resources[2].bytes" in out
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    (entry,) = [r for r in resources() if r["path"] == "events.json"]
    assert entry["hash"] == sha256(events.read_text(encoding="utf-8"))
    assert run(capsys, "validate", str(target))[0] == EXIT_OK
    # a kind's file added later is measured too, as the folder's others are
    cite = [{"source": "source:example-report-2020"}]
    places = [{"id": "place:x", "name": "X", "kind": "city", "country": "KZ", "citations": cite}]
    (target / "places.json").write_text(json.dumps(places), encoding="utf-8")
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert all("hash" in r and "bytes" in r for r in resources())
    assert run(capsys, "validate", str(target))[0] == EXIT_OK
    # --no-hashes takes them out again
    assert run(capsys, "fmt", "--no-hashes", str(target))[0] == EXIT_OK
    assert not any("hash" in r or "bytes" in r for r in resources())
    assert run(capsys, "fmt", "--check", str(target))[0] == EXIT_OK


def test_fmt_hashes_and_no_hashes_together_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    before = (target / "datapackage.json").read_bytes()
    for flags in (["--hashes", "--no-hashes"], ["--no-hashes", "--hashes"]):
        code, _, err = run(capsys, "fmt", *flags, str(target))
        assert code == EXIT_USAGE
        assert "--hashes/--no-hashes: give one of them, not both" in err
    assert (target / "datapackage.json").read_bytes() == before  # (nothing written)
    assert run(capsys, "fmt", "--hashes", "--hashes", str(target))[0] == EXIT_OK


def test_fmt_hashes_treat_the_other_listed_files_as_the_datasets_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--no-hashes removes the size and hash of a README the descriptor lists too (an edit
    of it blocked every load after), --hashes gives them, and plain fmt refreshes them."""
    from rightsdata._data.canonical import sha256

    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    readme, descriptor = target / "README.md", target / "datapackage.json"
    readme.write_text("hello\n", encoding="utf-8", newline="")
    package = json.loads(descriptor.read_text("utf-8"))
    package["resources"].append(
        {"name": "readme", "path": "README.md", "bytes": 6, "hash": sha256("hello\n")}
    )
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    assert run(capsys, "fmt", "--hashes", str(target))[0] == EXIT_OK

    def listed() -> dict[str, object]:
        resources = json.loads(descriptor.read_text("utf-8"))["resources"]
        (entry,) = [r for r in resources if r["path"] == "README.md"]
        return dict(entry)

    assert run(capsys, "fmt", "--no-hashes", str(target))[0] == EXIT_OK
    assert listed() == {"name": "readme", "path": "README.md"}
    readme.write_text("hello, edited\n", encoding="utf-8", newline="")
    assert run(capsys, "validate", str(target))[0] == EXIT_OK  # an edit no longer blocks it
    # --hashes gives them to it as to the dataset's own files; plain fmt refreshes them
    assert run(capsys, "fmt", "--hashes", str(target))[0] == EXIT_OK
    assert (listed()["bytes"], listed()["hash"]) == (14, sha256("hello, edited\n"))
    readme.write_text("hello\n", encoding="utf-8", newline="")
    assert run(capsys, "validate", str(target))[0] == EXIT_INVALID
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert (listed()["bytes"], listed()["hash"]) == (6, sha256("hello\n"))
    assert run(capsys, "validate", str(target))[0] == EXIT_OK


def flat(ran: tuple[int, str, str]) -> tuple[int, str, str]:
    """What :func:`run` gave, its output's lines unwrapped."""
    code, out, err = ran
    return code, " ".join(out.split()), " ".join(err.split())


def _listing(target: Path, entries: list[dict[str, object]]) -> None:
    """List ``entries`` in ``target``'s datapackage.json, after the dataset's own files."""
    descriptor = target / "datapackage.json"
    package = json.loads(descriptor.read_text("utf-8"))
    package["resources"] += entries
    descriptor.write_text(json.dumps(package), encoding="utf-8")


def _listed(target: Path, path: str) -> dict[str, object]:
    resources = json.loads((target / "datapackage.json").read_text("utf-8"))["resources"]
    (entry,) = [r for r in resources if r["path"] == path]
    return dict(entry)


def test_a_listed_link_is_measured_by_neither_load_nor_fmt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listed symbolic link (to a file inside the folder, or outside it) that gives a size
    was measured by the load through the link, while fmt left it: the load said "run
    rightsdata fmt", which changed nothing, for ever. Then neither measured a link, but the
    load said to remove its size and hash, which only ``fmt --no-hashes`` (every file's) or an
    edit did. Now fmt removes a link's alone, and the load says to run it: doing so ends it."""
    monkeypatch.setenv("COLUMNS", "1000")  # (a path longer than a line is cut: compared whole)
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    (target / "README.md").write_text("hello, readme\n", encoding="utf-8", newline="")
    outside = tmp_path / "outside.md"
    outside.write_text("outside\n", encoding="utf-8", newline="")
    symlink(target / "link.md", "README.md")
    symlink(target / "far.md", outside)
    symlink(target / "docs", tmp_path)  # a folder on the way that is a link
    _listing(
        target,
        [
            {"name": "link", "path": "link.md", "bytes": 1},
            {"name": "far", "path": "far.md", "hash": "sha256:" + "0" * 64},
            {"name": "through", "path": "docs/outside.md", "bytes": 8},
            {"name": "readme", "path": "README.md", "bytes": 14},
        ],
    )
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert "resources[3].path: names 'link.md', which is a symbolic link: a load" in out
    assert "resources[4].path: names 'far.md', which is a symbolic link" in out
    assert "names 'docs/outside.md', which is reached through the symbolic link 'docs'" in out
    advice = f"run `rightsdata fmt {shlex.quote(str(target))}`, which removes them, or list the "
    advice += "file itself"
    assert out.count(advice) == 3
    assert "has 8" not in out  # the file outside was never read (it holds 8 bytes)
    # fmt --check writes nothing and says the load's words
    code, _, err = flat(run(capsys, "fmt", "--check", str(target)))
    assert code == EXIT_INVALID
    assert _listed(target, "link.md") == {"name": "link", "path": "link.md", "bytes": 1}
    assert "resources[3] names 'link.md', which is a symbolic link, so fmt" in err
    assert err.count("fmt would remove the size and hash its entry gives") == 3
    assert "fmt removes" not in err  # (--check removes nothing)
    # doing what the load says ends it: fmt removes the sizes and hashes of the links alone
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert _listed(target, "link.md") == {"name": "link", "path": "link.md"}
    assert _listed(target, "README.md")["bytes"] == 14  # (the others keep theirs)
    assert run(capsys, "validate", str(target))[0] == EXIT_OK
    # --hashes then gives a link none, and says so; the load still passes
    code, _, err = flat(run(capsys, "fmt", "--hashes", str(target)))
    assert code == EXIT_OK and "bytes" not in _listed(target, "far.md")
    assert "names 'far.md', which is a symbolic link, so fmt does not measure it" in err
    assert run(capsys, "validate", str(target))[0] == EXIT_OK
    # a link to nothing is a missing file, as any other
    outside.unlink()
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert "names 'far.md', which does not exist (a symbolic link to nothing)" in out
    assert "names 'docs/outside.md', which does not exist (reached through" in out


def test_a_listed_link_to_a_directory_is_refused_as_the_directory_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A listed link to a directory passed while the directory itself was refused, and a
    missing file in a linked folder that exists was said to be "a symbolic link to nothing";
    fmt said a load never reads it, though the load refused it."""
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    (target / "real").mkdir()
    symlink(target / "sub", "real")
    symlink(target / "dirlink", "real")
    _listing(
        target,
        [
            {"name": "missing", "path": "sub/missing.md"},
            {"name": "dirlink", "path": "dirlink"},
        ],
    )
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert (
        "names 'sub/missing.md', which does not exist (reached through the symbolic link 'sub')"
        in out
    )
    assert "names 'dirlink', which is a directory, not a regular file (a symbolic link" in out
    code, _, err = flat(run(capsys, "fmt", "--hashes", str(target)))
    assert "names 'sub/missing.md', which does not exist (reached through the symbolic link " in err
    assert err.count("so fmt does not measure it, and a load refuses it") == 2


def test_a_missing_listed_file_is_said_alike_by_load_and_fmt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """fmt --hashes gave a missing listed file no size, silently, and the load then refused
    it: now fmt says so, as the load does. fmt then removed the size and hash a missing
    file's entry gave (a published hash lost while a README was briefly away, and
    ``fmt --check`` called the folder not canonical for it); now it keeps them, and says so:
    the file may come back, and its size is then checked."""
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    _listing(target, [{"name": "notes", "path": "notes.md", "bytes": 3}])
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert "resources[3].path: names 'notes.md', which does not exist" in out
    code, _, err = flat(run(capsys, "fmt", str(target)))
    assert code == EXIT_OK
    assert "fmt keeps the size and hash its entry gives, for when the file is there as a" in err
    assert _listed(target, "notes.md") == {"name": "notes", "path": "notes.md", "bytes": 3}
    code, out, err = flat(run(capsys, "fmt", "--check", str(target)))
    assert (code, out) == (EXIT_OK, "")  # (canonical: fmt keeps the size)
    assert "fmt would keep the size and hash its entry gives" in err
    code, _, err = flat(run(capsys, "fmt", "--hashes", str(target)))
    assert code == EXIT_OK
    said = "resources[3] names 'notes.md', which does not exist, so fmt does not measure it"
    assert said in err
    assert "fmt keeps the size and hash its entry gives, for when the file is there as a" in err
    assert _listed(target, "notes.md") == {"name": "notes", "path": "notes.md", "bytes": 3}
    (target / "notes.md").write_text("notes\n", encoding="utf-8", newline="")
    code, out, _ = flat(run(capsys, "validate", str(target)))  # (its size is checked)
    assert code == EXIT_INVALID and "says 3 bytes, but notes.md has 6" in out
    code, _, err = run(capsys, "fmt", "--hashes", str(target))
    assert (code, err) == (EXIT_OK, "")
    assert _listed(target, "notes.md")["bytes"] == 6
    assert run(capsys, "validate", str(target))[0] == EXIT_OK


def test_a_listed_file_that_is_no_regular_file_is_said_alike_by_load_and_fmt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The load said "names 'real': is a directory, not a regular file" and fmt "names
    'real', which is not a regular file": one rule in two wordings. Now both say what it is,
    and fmt keeps the size its entry gives (the file may come back)."""
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    (target / "real").mkdir()
    _listing(target, [{"name": "real", "path": "real", "bytes": 3}])
    said = "names 'real', which is a directory, not a regular file"
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert f"resources[3].path: {said}" in out
    code, _, err = flat(run(capsys, "fmt", str(target)))
    assert code == EXIT_OK
    assert f"resources[3] {said}, so fmt does not measure it, and a load refuses it" in err
    assert _listed(target, "real") == {"name": "real", "path": "real", "bytes": 3}


def test_fmt_advice_waits_for_the_descriptors_other_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listed link that gives a size, or a stale size, beside a malformed hash in the
    descriptor was told "run `rightsdata fmt FOLDER`", which refuses a folder whose
    descriptor has problems: now the advice says they come first."""
    monkeypatch.setenv("COLUMNS", "1000")  # (a path longer than a line is cut: compared whole)
    target = tmp_path / "mine"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    (target / "README.md").write_text("hello, readme\n", encoding="utf-8", newline="")
    symlink(target / "link.md", "README.md")
    entries = [
        {"name": "link", "path": "link.md", "bytes": 1, "hash": "sha256:00"},
        {"name": "readme", "path": "README.md", "bytes": 1},
    ]
    _listing(target, entries)
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID
    assert "'sha256:00' is not a hash" in out
    first = f"run `rightsdata fmt {shlex.quote(str(target))}`"
    waits = "(first fix the other problems: fmt refuses a folder that has any, and rewrites "
    waits += "nothing)"
    assert f"{first}, which removes them, or list the file itself {waits}" in out  # (the link's)
    assert f"{first} if it was changed on purpose {waits}" in out  # (README.md's stale size)
    assert run(capsys, "fmt", str(target))[0] == EXIT_INVALID  # (as fmt refuses it)
    # once the hash is right, the advice is plain, and following it ends both
    entries[0]["hash"] = "sha256:" + "0" * 64
    (target / "datapackage.json").write_text(
        (target / "datapackage.json")
        .read_text("utf-8")
        .replace('"sha256:00"', '"' + str(entries[0]["hash"]) + '"'),
        encoding="utf-8",
    )
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID and "first fix the other problems" not in out
    assert f"run `rightsdata fmt {shlex.quote(str(target))}`, which removes them" in out
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert run(capsys, "validate", str(target))[0] == EXIT_OK


def test_fmt_advice_waits_for_the_records_problems_and_fmt_says_it_rewrote_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record edited in a folder whose descriptor gives sizes and hashes, and broken: the
    stale size's advice was a plain "run `rightsdata fmt FOLDER`", which refused the folder
    and said only the record's problem. Now the advice says the other problems come first,
    and fmt says it rewrote nothing (and which folders it did not reach); once the record
    is fixed, following the advice works."""
    monkeypatch.setenv("COLUMNS", "1000")
    first, second = tmp_path / "d1", tmp_path / "d2"
    for folder in (first, second):
        assert run(capsys, "init", str(folder))[0] == EXIT_OK
    assert run(capsys, "fmt", "--hashes", str(first))[0] == EXIT_OK
    events = first / "events.json"
    edited = events.read_text("utf-8").replace("detained", "held")
    events.write_text(edited.replace('"detention"', '"detentionx"'), encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", str(first)))
    assert code == EXIT_INVALID and "'detentionx' is not an event kind" in out
    assert (
        f"run `rightsdata fmt {shlex.quote(str(first))}` if it was changed on purpose (first fix "
        "the other problems: fmt refuses a folder that has any, and rewrites nothing)"
    ) in out
    before = {path.name: path.read_bytes() for path in first.iterdir()}
    code, out, err = flat(run(capsys, "fmt", str(first), str(second)))
    assert code == EXIT_INVALID and out == ""
    assert "'detentionx' is not an event kind" in err
    assert err.endswith(
        f"note: rewrote nothing in {first}: fmt rewrites only a folder without problems "
        f"(and did not look at {second})"
    )
    assert {path.name: path.read_bytes() for path in first.iterdir()} == before
    code, _, err = flat(run(capsys, "fmt", "--check", str(first)))
    assert code == EXIT_INVALID
    assert err.endswith(f"note: could not check {first}: fmt checks only a folder without problems")
    # the record fixed, the advice is plain, and following it ends the problem
    events.write_text(edited, encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", str(first)))
    assert code == EXIT_INVALID and "first fix" not in out
    assert f"run `rightsdata fmt {shlex.quote(str(first))}` if it was changed on purpose" in out
    assert run(capsys, "fmt", str(first))[0] == EXIT_OK
    assert run(capsys, "validate", str(first))[0] == EXIT_OK


def test_a_byte_order_marks_advice_waits_for_the_files_other_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte-order mark at the start of persons.json hid the file's other problems: validate
    told it alone, with "`rightsdata fmt FOLDER` removes it", and fmt, which reads past it,
    then found two problems of its records and rewrote nothing. Now validate reads past it
    too, tells every problem fmt finds, and that they come first, as a stale size's advice
    does; once they are fixed, following the advice works."""
    monkeypatch.setenv("COLUMNS", "1000")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "init", "bomds")[0] == EXIT_OK
    persons = Path("bomds", "persons.json")
    kept = persons.read_text("utf-8")
    persons.write_text('\ufeff[{"id": "person:a"}]', encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", "bomds"))
    assert code == EXIT_INVALID
    assert (
        "persons.json: starts with a byte-order mark (U+FEFF, an invisible character some "
        "editors write), which JSON does not allow: save it as UTF-8 without a BOM "
        "(`rightsdata fmt bomds` removes it) (first fix the other problems: fmt refuses a "
        "folder that has any, and rewrites nothing)"
    ) in out
    said = [
        "persons.json[0] person:a.name: required field is missing",
        "persons.json[0] person:a.citations: required field is missing",
        "events.json[0] event:example-person-detained-2020-05-01.participants[0].actor: "
        "'person:example-person' does not exist",
    ]
    assert out.startswith("4 problems in bomds:") and all(p in out for p in said)
    assert "Not checked" not in out  # (the records after the mark are read, and checked)
    code, out, err = flat(run(capsys, "fmt", "bomds"))
    assert code == EXIT_INVALID and all(p in err for p in said)  # what validate told
    # the records fixed, the advice is plain, and following it ends the problem
    persons.write_text("\ufeff" + kept, encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", "bomds"))
    assert code == EXIT_INVALID and out.startswith("1 problem in bomds:") and "first fix" not in out
    assert run(capsys, "fmt", "bomds")[0] == EXIT_OK
    assert run(capsys, "validate", "bomds")[0] == EXIT_OK


def test_a_strict_problem_does_not_hold_back_fmt_advice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fmt runs no strict check: a strict problem beside a stale size leaves its advice
    plain, and following it works."""
    monkeypatch.setenv("COLUMNS", "1000")
    target = tmp_path / "d1"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    assert run(capsys, "fmt", "--hashes", str(target))[0] == EXIT_OK
    events = target / "events.json"
    records = json.loads(events.read_text("utf-8"))
    records[0]["participants"] *= 2  # (well formed, but named twice: a strict check's)
    events.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", "--strict", str(target)))
    assert code == EXIT_INVALID and "participants[1]" in out
    assert f"run `rightsdata fmt {shlex.quote(str(target))}` if it was changed on purpose" in out
    assert "first fix the other problems" not in out
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert run(capsys, "validate", str(target))[0] == EXIT_OK


def test_fmt_advice_beside_a_date_set_is_the_upgrade_that_fixes_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale size beside a date set in a format-2 folder: the size's advice was plain
    `rightsdata fmt F`, which refuses the folder (the set needs --upgrade). Every fmt
    command the problems advise is now the one that works: each, run as printed, fixes the
    folder."""
    monkeypatch.setenv("COLUMNS", "1000")
    target = tmp_path / "d1"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    assert run(capsys, "fmt", "--hashes", str(target))[0] == EXIT_OK
    events = target / "events.json"
    records = json.loads(events.read_text("utf-8"))
    records[0]["date"] = "[2020-05-01,2020-05-03]"
    events.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    code, out, _ = flat(run(capsys, "validate", str(target)))
    assert code == EXIT_INVALID and "resources[2].bytes" in out and "set" in out
    commands = set(re.findall(r"`(rightsdata fmt [^`]*)`", out))
    assert commands == {f"rightsdata fmt --upgrade {shlex.quote(str(target))}"}
    assert "first fix" not in out
    (command,) = commands
    assert run(capsys, *shlex.split(command)[1:])[0] == EXIT_OK
    assert run(capsys, "validate", str(target))[0] == EXIT_OK


def test_fmt_never_replaces_a_linked_kind_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kind's file that is a symbolic link is read where it leads, but fmt replaced the link
    with a regular file, leaving the file it led to unformatted, without a word. It now
    rewrites nothing in the folder and names the link and where it leads; --check names it
    rather than advising a run that would refuse; a canonical linked file is no matter."""
    monkeypatch.setenv("COLUMNS", "1000")
    target, shared = tmp_path / "mine", tmp_path / "shared"
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    shared.mkdir()
    (target / "events.json").rename(shared / "events.json")
    symlink(target / "events.json", "../shared/events.json")
    assert run(capsys, "validate", str(target))[0] == EXIT_OK
    assert run(capsys, "fmt", "--check", str(target))[0] == EXIT_OK  # (canonical: no matter)
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK and (target / "events.json").is_symlink()
    text = (shared / "events.json").read_text("utf-8").replace("\n  ", "\n    ")
    (shared / "events.json").write_text(text, encoding="utf-8")
    (target / "persons.json").write_text(
        (target / "persons.json").read_text("utf-8").replace("\n  ", "\n    "), encoding="utf-8"
    )
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    said = (
        f"{target / 'events.json'} (a symbolic link to {Path('../shared/events.json')}) is not in "
        "canonical form, and fmt does not replace a symbolic link with a file"
    )
    code, out, err = flat(run(capsys, "fmt", str(target)))
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(f"rightsdata fmt: rewrote nothing in {target}: {said}")
    assert err.endswith("put the file itself in place of the link, then run fmt again")
    assert (target / "events.json").is_symlink()
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before  # (persons.json too)
    assert (shared / "events.json").read_text("utf-8") == text
    code, _, err = flat(run(capsys, "fmt", "--check", str(target)))
    assert code == EXIT_INVALID and f"note: {said}" in err
    assert "run `rightsdata fmt" not in err
    # following the advice: the file itself in place of the link, and fmt rewrites both
    (target / "events.json").unlink()
    (target / "events.json").write_text(text, encoding="utf-8")
    assert run(capsys, "fmt", str(target))[0] == EXIT_OK
    assert run(capsys, "fmt", "--check", str(target))[0] == EXIT_OK


def test_fmt_leaves_the_bundled_dataset_as_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import shutil

    from rightsdata._values.resources import datasets_root

    bundled = Path(str(datasets_root() / "kazakhstan"))
    copy = shutil.copytree(bundled, tmp_path / "kazakhstan")
    code, out, _ = run(capsys, "fmt", str(copy))
    assert (code, out) == (EXIT_OK, "")
    for path in sorted(bundled.iterdir()):
        assert (copy / path.name).read_bytes() == path.read_bytes(), path.name
    resources = json.loads((copy / "datapackage.json").read_text("utf-8"))["resources"]
    assert all("hash" in r and "bytes" in r for r in resources)  # still checked


def _runtime_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings: what it may print."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_message_points_to_a_docs_page() -> None:
    # the wheel ships no docs/: a message names a command, --help or a docstring instead
    source = Path(rightsdata.__file__).parent
    found = [
        f"{path.relative_to(source)}:{line}: {text!r}"
        for path in sorted(source.rglob("*.py"))
        for line, text in _runtime_strings(path)
        if "docs/" in text or ".md" in text
    ]
    assert found == []


def test_citation_in_python_and_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import rightsdata

    ds = rightsdata.load()
    citation = ds.citation
    assert citation.startswith("rightsdata developers. Human-rights documentation: Kazakhstan")
    assert f"version {ds.version}" in citation
    assert "Licence: CC-BY-4.0 (Creative Commons Attribution 4.0)" in citation
    for source in ds.sources:
        assert source.title in citation
    _, out, _ = run(capsys, "cite", "--json")
    fields = json.loads(out)
    assert fields["version"] == ds.version and len(fields["sources"]) == 5
    assert fields["contributors"] == ["rightsdata developers"] and fields["text"] == citation
    _, out, _ = run(capsys, "info", "--json")
    assert json.loads(out)["citation"] == citation
    # a dataset without a descriptor says what is missing
    bare = write_folder(tmp_path / "bare", {"sources.json": [source_doc()]})
    assert "gives no title, version, contributors or licenses: add them" in (
        rightsdata.load_path(bare).citation
    )


def test_output_fits_80_columns(capsys: pytest.CaptureFixture[str], columns_80: None) -> None:
    for argv in (
        ["info"],
        ["cite"],
        ["timeline", "person:vladimir-kozlov"],
        ["events"],
        ["search", "kazakhstan"],
        ["show", "source:civicus-kazakhstan-country-page"],
        ["events", "--kind", "nonsense"],
        ["show", "person:nobody"],
    ):
        _, out, err = run(capsys, *argv)
        for line in (out + err).splitlines():
            assert len(line) <= 80 or " " not in line.strip(), (argv, line)


@pytest.mark.parametrize("columns", ["80", "200"])
def test_help_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    from rightsdata.textcard import terminal_width

    monkeypatch.setenv("COLUMNS", columns)
    width = terminal_width()
    for command in ("info", "cite", "search", "events", "timeline", "show", "validate", "init"):
        code, out, _ = run(capsys, command, "--help")
        assert code == EXIT_OK and "examples:" in out
        assert max(len(line) for line in out.splitlines()) <= width, command
    _, out, _ = run(capsys, "--help")
    assert max(len(line) for line in out.splitlines()) <= width


def test_a_reference_to_no_record_suggests_an_id_of_the_dataset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_folder(
        tmp_path / "typo",
        {
            "sources.json": [source_doc("source:report-2020")],
            "persons.json": [
                person_doc(
                    "person:ana-example", citations=[{**CITE, "source": "source:report-2020"}]
                )
            ],
            "events.json": [
                event_doc(
                    participants=[{"actor": "person:ana-exampel", "role": "victim"}],
                    citations=[{**CITE, "source": "source:report"}],
                )
            ],
        },
    )
    code, out, _ = run(capsys, "validate", str(folder))
    said = " ".join(out.split())
    assert code == EXIT_INVALID
    assert (
        "events.json[0] event:a.participants[0].actor: 'person:ana-exampel' does not exist; "
        "did you mean 'person:ana-example'?"
    ) in said
    assert "'source:report' does not exist; did you mean 'source:report-2020'?" in said


@pytest.mark.parametrize(
    "argv",
    [
        ["info", "--data", ""],
        ["show", "person:example", "--data", ""],
        ["validate", ""],
        ["fmt", ""],
        ["export", "--format", "json", "--force", ""],
        ["init", ""],
    ],
)
def test_an_empty_path_is_a_usage_error_not_the_current_folder(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
) -> None:
    # Path("") is ".": with a dataset in the current folder, `--data ""` (an unset variable)
    # read it, or silently the bundled one, and `fmt ""` or `export ""` rewrote it
    folder = write_folder(tmp_path / "here", {"persons.json": [person_doc("person:example")]})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.chdir(folder)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert "the path is empty" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_events_place_takes_a_country_code_as_queries_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # ds.events(place="KZ") is the country's events; --place KZ was "no record has the id"
    code, out, _ = run(capsys, "events", "--place", "KZ", "--json")
    by_code = [e["id"] for e in json.loads(out)]
    assert code == EXIT_OK and by_code
    _, out, _ = run(capsys, "events", "--place", "place:kazakhstan", "--json")
    assert by_code == [e["id"] for e in json.loads(out)]
    code, out, err = run(capsys, "events", "--place", "XX")
    assert (code, out) == (EXIT_USAGE, "")
    assert "no place of kind country has this code" in " ".join(err.split())


def test_show_takes_a_country_code_as_timeline_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # `show KZ` suggested 'event:kazakhstan-assemblies-law-2020'; `timeline KZ` worked
    code, out, _ = run(capsys, "show", "KZ", "--json")
    assert code == EXIT_OK and json.loads(out)["id"] == "place:kazakhstan"
    assert run(capsys, "show", "KZ")[1] == run(capsys, "show", "place:kazakhstan")[1]
    # a miss is told in the Python API's words (ds.get), with the dataset named: a code the
    # data has is told its place; one it has not, the codes there are (never a search:
    # `show US` and ds.get("US") differed, the latter suggesting an event in Guinea)
    ds = rightsdata.load()
    for given in ("kz", "US", "us", "IN", "to"):
        with pytest.raises(rightsdata.UnknownIdError) as info:
            ds.get(given)
        code, out, err = run(capsys, "show", given)
        said = " ".join(err.split())
        assert (code, out) == (EXIT_USAGE, "")
        assert (
            said
            == f"rightsdata show: no record has the id {given!r} in kazakhstan; {info.value.hint}"
        )
    assert info.value.hint is not None and info.value.hint.startswith(
        "no place of kind country has this code (codes: BR, "
    )
    assert "did you mean 'place:kazakhstan'?" in " ".join(run(capsys, "show", "kz")[2].split())
    said = " ".join(run(capsys, "events", "--place", "US")[2].split())
    assert said == f"rightsdata events: --place: no country has the id 'US'; {info.value.hint}"
    # the Python API's words, with the dataset named: the same hint for show and timeline
    mine = write_folder(
        tmp_path / "mine",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:jane-doe", name="Jane Doe")],
        },
    )
    data = rightsdata.load_path(mine)
    with pytest.raises(rightsdata.UnknownIdError) as info:
        data.get("Jane Doe")
    for command in ("show", "timeline"):
        code, _, err = run(capsys, command, "Jane Doe", "--data", str(mine))
        said = " ".join(err.split())
        assert code == EXIT_USAGE and said.endswith(f"; {info.value.hint}"), said
        assert info.value.hint == "did you mean 'person:jane-doe'?"


def test_the_command_a_card_suggests_runs_on_the_same_data(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # `show --data my-dataset` suggested `rightsdata timeline ID` without --data: run as
    # printed, it looked in the bundled dataset and found no such record
    monkeypatch.chdir(tmp_path)
    folder = "my data"
    assert run(capsys, "init", folder)[0] == EXIT_OK
    code, out, _ = run(capsys, "show", "person:example-person", "--data", folder)
    assert code == EXIT_OK
    lines = out.splitlines()
    (start,) = [n for n, line in enumerate(lines) if line.startswith("events")]
    row = lines[start] + "".join(
        " " + line.strip() for line in lines[start + 1 : start + 3] if line.startswith("  ")
    )  # (the command on the next line where the row's width leaves no room for it)
    suggested = " ".join(row.split()).split("; ", 1)[1]
    assert suggested == f"`rightsdata timeline person:example-person --data '{folder}'`"
    code, out, _ = run(capsys, *shlex.split(suggested.strip("`"))[1:])
    assert code == EXIT_OK and out.startswith("Example Person: 1 event")
    _, out, _ = run(capsys, "show", "person:vladimir-kozlov")  # the bundled: no options
    assert "(2012 to 2015); `rightsdata timeline person:vladimir-kozlov` " in " ".join(out.split())
    # and so do the commands an error suggests
    _, _, err = run(capsys, "events", "--place", "person:example-person", "--data", folder)
    assert "rightsdata events --involving person:example-person --data 'my data'" in " ".join(
        err.split()
    )
    _, _, err = run(capsys, "show", "person:zzz", "--data", folder)
    assert "try `rightsdata search WORDS --data 'my data'`" in " ".join(err.split())


def test_control_characters_in_the_data_are_refused_and_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # ESC starts a terminal escape sequence (clear the screen, retitle the window): no text
    # may hold one, and the problems that say so show each as its escape
    name, title = "A \x1b]0;pwned\x07Person", "A \x1b[2Jverdict\x9b"
    folder = write_folder(
        tmp_path / "ctl",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc(name=name)],
            "events.json": [event_doc(title=title, id="event:a\x1b[2J")],
        },
    )
    for command in [["validate", str(folder)], ["events", "--data", str(folder)]]:
        code, out, err = run(capsys, *command)
        assert code == EXIT_INVALID, (command, err)
        shown = out + err
        assert not {"\x1b", "\x07", "\x9b"} & set(shown), command
        assert "person:a.name: holds the control character U+001B" in " ".join(shown.split())
        assert "'event:a\\x1b[2J' is not an id" in shown  # (bad input quoted, escaped)


@pytest.mark.parametrize("limit", ["-1", "0", "1e3"])
def test_validate_refuses_a_size_limit_no_file_can_meet(
    capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    code, _, err = run(capsys, "validate", "datasets/kazakhstan", "--max-bytes", limit)
    assert code == EXIT_USAGE
    assert "is not a whole number above 0" in " ".join(err.split())


#: Each command with --width, and arguments it runs with.
_WIDTH_COMMANDS = {"show": ["event:kozlov-verdict-2012-10-08"]}


def test_every_command_with_width_is_checked_here() -> None:
    from rightsdata._cli.parser import _subparser, build_parser

    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    with_width = {
        name
        for name in commands.choices or ()
        if any("--width" in a.option_strings for a in _subparser(parser, name)._actions)
    }
    assert with_width == set(_WIDTH_COMMANDS)


@pytest.mark.parametrize("command", sorted(_WIDTH_COMMANDS))
@pytest.mark.parametrize("width", ["0", "-5", "20", "39"])
def test_a_width_the_output_cannot_fit_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], command: str, width: str
) -> None:
    # --width 0, -5 and 20 printed 40 columns without a word
    code, out, err = run(capsys, command, *_WIDTH_COMMANDS[command], "--width", width)
    assert (code, out) == (EXIT_USAGE, "")
    said = " ".join(err.split())
    assert f"rightsdata {command}: --width {width}: the output needs 40 columns or more" in said
    assert "give 40 to 96 (a wider one is drawn 96 wide)" in said


@pytest.mark.parametrize("command", sorted(_WIDTH_COMMANDS))
def test_a_width_from_40_up_is_honoured(capsys: pytest.CaptureFixture[str], command: str) -> None:
    import re

    for width, widest in (("40", 40), ("57", 57), ("500", 96)):
        code, out, _ = run(capsys, command, *_WIDTH_COMMANDS[command], "--width", width)
        assert code == EXIT_OK
        # an ID is kept whole on its line, however long (docs/cli.md): one column here
        ids = re.findall(r"[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)+", out)
        assert _widest(out, *ids) <= widest
    assert _widest(out) == 96


def _suggested(err: str) -> list[str]:
    """The IDs an error's 'did you mean' names."""
    import re

    said = " ".join(err.split())
    return re.findall(r"'([a-z]+:[a-z0-9-]+)'", said.partition("did you mean")[2])


@pytest.mark.parametrize(
    ("argv", "prefixes"),
    [
        # --place almaty suggested 'org:almaty-court-media-ban'; kz an event
        (["events", "--place", "almaty"], ("place",)),
        (["events", "--place", "person:almaty"], ("place",)),
        (["events", "--place", "almaty-detention"], ("place",)),
        (["events", "--involving", "almaty"], ("person", "org", "group")),
        (["events", "--involving", "place:kozlov"], ("person", "org", "group")),
        (["timeline", "almaty"], ("person", "org", "group", "place")),
        (["timeline", "event:kozlov"], ("person", "org", "group", "place")),
    ],
)
def test_an_option_suggests_only_ids_of_the_kinds_it_takes(
    capsys: pytest.CaptureFixture[str], argv: list[str], prefixes: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    suggested = _suggested(err)
    assert suggested, err
    assert all(i.partition(":")[0] in prefixes for i in suggested), suggested
    if argv[1].startswith("--"):
        assert err.startswith(f"rightsdata {argv[0]}: {argv[1]}: no record has the id")
    # (an example ID of a kind the option takes, where none is suggested: on a small dataset
    # in test_an_unknown_id_is_told_in_the_words_of_the_dataset_in_hand)


def test_place_in_small_letters_is_told_the_country_codes_capitals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the Python API said so (docs/queries.md); the command line suggested an event
    code, out, err = run(capsys, "events", "--place", "kz")
    assert (code, out) == (EXIT_USAGE, "")
    said = " ".join(err.split())
    assert said == (
        "rightsdata events: --place: no country has the id 'kz'; a country's code is two "
        "capital letters: 'KZ'"
    )
    with pytest.raises(rightsdata.UnknownIdError, match="two capital letters: 'KZ'"):
        rightsdata.load().events(place="kz")
    # two small letters that are no country's code: told the codes there are, as in Python
    code, _, err = run(capsys, "events", "--place", "qq")
    said = " ".join(err.split())
    assert code == EXIT_USAGE and "no country has the id 'qq'" in said and "KZ" in said
    with pytest.raises(rightsdata.UnknownIdError) as info:
        rightsdata.load().events(place="qq")
    assert str(info.value) in said


def test_search_lists_an_event_with_its_kind_and_status(
    capsys: pytest.CaptureFixture[str], columns_80: None
) -> None:
    # a planned hearing was listed as a bare ID: read as held
    code, out, _ = run(capsys, "search", "supreme", "court", "hearing")
    assert code == EXIT_OK
    said = " ".join(out.split())
    assert "event:kozlov-supreme-court-hearing-2013 · appeal (planned; date: planned for)" in said
    assert "event:hrw-2013-06-26-cameron-visit-kozlov · publication" in said
    assert _widest(out) <= 80


def test_fmt_keeps_what_the_author_wrote_in_a_files_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A record file's entry in datapackage.json may carry its own title, description and
    licences (a file of private persons under a narrower licence): fmt, and the json export,
    write the file's own properties anew and keep the author's."""
    folder = write_folder(tmp_path / "mine", {"sources.json": [source_doc()]})
    descriptor: dict[str, object] = {"name": "mine", "version": "1.0.0"}
    said: dict[str, object] = {
        "title": "Sources",
        "description": "What the records cite",
        "licenses": [{"name": "CC-BY-NC-4.0"}],
    }
    descriptor["resources"] = [{"name": "sources", "path": "./sources.json", **said}]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert run(capsys, "fmt", str(folder))[0] == EXIT_OK
    for written in (folder, tmp_path / "export"):
        entry = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))["resources"][
            0
        ]
        assert entry["path"] == "sources.json" and entry["schema"].endswith(":sources")
        assert {key: entry[key] for key in said} == said
        if written == folder:
            rightsdata.load_path(folder).export(tmp_path / "export", "json")
    assert run(capsys, "fmt", "--check", str(folder))[0] == EXIT_OK  # (canonical so)


def test_fmt_names_the_sources_it_keeps_that_no_record_has(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A source record retitled leaves its former title among the descriptor's sources,
    which fmt cannot tell from a source written by hand: it keeps it, and says so; an
    entry that says more than a record's would (a version) is never dropped."""
    folder = tmp_path / "mine"
    assert run(capsys, "init", str(folder))[0] == EXIT_OK
    sources = folder / "sources.json"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("Example report (replace", "Annual review (was"), "utf-8")
    code, _, err = run(capsys, "fmt", str(folder))
    assert code == EXIT_OK
    said = " ".join(err.split())
    assert "lists 'Example report (replace with the document you draw on)' among its" in said
    assert "which no source record has: kept as the descriptor's own" in said
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    kept = {"title": "Annual review (was with the document you draw on)", "version": "2"}
    descriptor["sources"] = [*descriptor["sources"][:1], kept]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    code, _, err = run(capsys, "fmt", str(folder))
    assert code == EXIT_OK and "among its sources" not in err
    written = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert written["sources"] == [{"title": kept["title"]}, kept]


def test_a_citation_says_the_placeholders_init_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    assert run(capsys, "init", str(folder))[0] == EXIT_OK
    citation = rightsdata.load_path(folder).citation
    assert "Its title, contributors and sources still hold the words `rightsdata init`" in (
        citation
    )
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = "Detentions of journalists"
    descriptor["contributors"] = [{"title": "An NGO"}]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert "Its sources still hold the words" in rightsdata.load_path(folder).citation
    assert "still hold" not in rightsdata.load().citation
