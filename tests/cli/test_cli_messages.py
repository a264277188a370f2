"""What the command line tells a developer whose data is wrong: hints that lead somewhere,
plain words for what a field expects, and names kept on one line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._values.errors import RightsdataError, UnknownIdError

from conftest import (
    CITE,
    event_doc,
    person_doc,
    skip_unless_a_name_can_hold,
    source_doc,
    symlink,
    write_folder,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _misnamed(folder: Path) -> Path:
    """A dataset whose person's id is not an id, and an event naming the id it should be."""
    return write_folder(
        folder,
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:Jane Doe", citations=[CITE])],
            "events.json": [
                event_doc(participants=[{"actor": "person:jane-doe", "role": "victim"}])
            ],
        },
    )


def test_validate_never_suggests_an_id_that_is_not_an_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _misnamed(tmp_path / "misnamed")
    code, out, _ = run(capsys, "validate", str(folder))
    said = " ".join(out.split())
    assert code == EXIT_INVALID
    assert "'person:Jane Doe' is not an id" in said
    assert "'person:jane-doe' does not exist" in said
    assert "did you mean 'person:Jane Doe'" not in said


@pytest.mark.parametrize("layout", ["folder", "document", "jsonl"])
def test_a_hint_never_names_an_id_refused_for_its_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, layout: str
) -> None:
    """An id that is not one, or that names another kind than its file or list holds (a
    person's id among the events), is refused by the loader: never suggested, in Python or
    on the command line (which prints the loader's hints, and adds none)."""
    persons = [
        person_doc("person:Jane Doe"),
        person_doc("person:kept"),
        person_doc("event:filed-as-a-person"),
    ]
    actors = ["person:kep", "person:filed-as-an-even", "person:jane-doe"]
    events = [
        event_doc("event:kept", participants=[]),
        event_doc("person:filed-as-an-event", participants=[]),
        event_doc("event:b", participants=[{"actor": a, "role": "victim"} for a in actors]),
        event_doc("event:c", participants=[], part_of="event:filed-as-a-perso"),
    ]
    sources = [source_doc()]
    if layout == "folder":
        files = {"sources.json": sources, "persons.json": persons, "events.json": events}
        path = write_folder(tmp_path, files)
    elif layout == "document":
        path = tmp_path / "all.json"
        path.write_text(
            json.dumps({"sources": sources, "persons": persons, "events": events}), encoding="utf-8"
        )
    else:
        path = tmp_path / "all.jsonl"
        lines = [{"$kind": "sources", **s} for s in sources]
        lines += [{"$kind": "persons", **p} for p in persons]
        lines += [{"$kind": "events", **e} for e in events]
        path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    import rightsdata

    said = [p.message for p in rightsdata.validate(path) if "does not exist" in p.message]
    assert said == [
        "'person:kep' does not exist; did you mean 'person:kept'?",
        "'person:filed-as-an-even' does not exist",
        "'person:jane-doe' does not exist",
        "'event:filed-as-a-perso' does not exist",
    ]
    code, out, _ = run(capsys, "validate", str(path))
    text = " ".join(out.split())
    assert code == EXIT_INVALID
    assert text.count("did you mean 'person:kept'?") == 1 and text.count("did you mean") == 1


def test_validate_prints_the_loaders_hints_and_none_of_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One 'did you mean' logic: where the loader's budget gives a reference no hint, the
    command line does not work one out again (it read the files a second time, without a
    budget: ten times as long as the load)."""
    from rightsdata._validation import integrity

    persons = [person_doc("person:jane-doe")]
    wrong = [{"actor": "person:jane-do", "role": "victim"}]
    folder = write_folder(
        tmp_path,
        {
            "sources.json": [source_doc()],
            "persons.json": persons,
            "events.json": [event_doc(participants=wrong)],
        },
    )
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == EXIT_INVALID and "did you mean 'person:jane-doe'?" in " ".join(out.split())
    monkeypatch.setattr(integrity, "HINT_BUDGET", 0)
    code, out, _ = run(capsys, "validate", str(folder))
    said = " ".join(out.split())
    assert code == EXIT_INVALID and "'person:jane-do' does not exist" in said
    assert "did you mean" not in said


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        # before the command, with one or without: rightsdata's own options, compared
        # without the "--" all share (which made --verison as like --json as --version)
        (["--verison", "info"], "unrecognized arguments: --verison; did you mean '--version'?"),
        (["--versoin"], "unrecognized arguments: --versoin; did you mean '--version'?"),
        (["--data=x", "--verison", "info"], "did you mean '--version'?"),
        # a command's option before the command: to be given after it
        (["--json", "info"], "--json is an option of rightsdata info: give it after the command"),
        (["--jsn", "info"], "did you mean '--json', after the command (rightsdata info --json)?"),
        # after the command: rightsdata's own, the command's, another command's
        (["info", "--version"], "--version is an option of rightsdata itself"),
        (["info", "--jsno"], "unrecognized arguments: --jsno; did you mean '--json'?"),
        (["events", "--widht", "3"], "'--width' is an option of rightsdata show, not of events"),
        # rightsdata's own misspelt after the command (it had no hint), or cut short
        *(
            (
                argv,
                "did you mean '--version'? It is an option of rightsdata itself: give it "
                "before the command",
            )
            for argv in (["info", "--verison"], ["info", "--vers"], ["init", "--verison", "x"])
        ),
        # --base may come before the command, as --data may
        (["--bse", "kazakhstan", "info"], "unrecognized arguments: --bse; did you mean '--base'?"),
    ],
)
def test_an_unknown_option_is_matched_where_it_was_given(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert said in " ".join(err.split())
    assert "did you mean '--kind'" not in err and "required: COMMAND" not in err


#: The window of events by the options people reach for: (argv, what it is told).
WINDOWS: list[tuple[list[str], str]] = [
    # a spelling match sent --from to export's --format and --date to --data
    (
        ["events", "--from", "2022-01", "--to", "2022-02", "--kind", "unrest"],
        "unrecognized arguments: --from 2022-01 --to 2022-02; the window option is "
        "--between START/END (both sides included, '..' for an open side): "
        "--between 2022-01/2022-02",
    ),
    (["events", "--date", "2022-01"], "the window option is --between: --between 2022-01"),
    (["events", "--since", "2022"], "--between 2022/.."),
    (["events", "--after=2022"], "--between 2023/.. (after 2022)"),
    (["events", "--until", "2012-10"], "--between ../2012-10"),
    # --before and --after exclude their date, and --between includes its sides
    (["events", "--before", "2012"], "--between ../2011 (before 2012)"),
    (["events", "--after", "2012-12"], "--between 2013-01/.. (after 2012-12)"),
    (["events", "--before", "2012-03-01"], "--between ../2012-02-29 (before 2012-03-01)"),
    (["events", "--before", "2012-21"], "--between ../2012-02 (before 2012-21)"),
    # a reversed pair is told so; --between's own date is kept
    (
        ["events", "--from", "2013", "--to", "2012"],
        "the start '2013' is after the end '2012'; in order: --between 2012/2013",
    ),
    (["events", "--between", "2012", "--to", "2013"], "--between 2012/2013"),
    # not read as a prefix of --involving
    (["events", "--in", "2012"], "the window option is --between: --between 2012"),
    (["events", "--from"], "the window option is --between DATE or START/END"),
    # two values after --between: told it takes one, START/END
    (
        ["events", "--between", "2022-01", "2022-02"],
        "unrecognized arguments: 2022-02; --between takes one value, a date or START/END: "
        "--between 2022-01/2022-02",
    ),
    (["events", "--between=2022-01", "2022-02"], "--between 2022-01/2022-02"),
    (["events", "--between", "2012", "2013", "person:x"], "--between 2012/2013"),
    (["events", "--date", "2012", "person:x"], "the window option is --between: --between 2012"),
    # a span or range given to an option of the window, or split by the shell at its spaces
    (["events", "--date=2012-01..2012-03"], "--between 2012-01/2012-03"),
    (["events", "--date", "2012-01..2012-03"], "--between 2012-01/2012-03"),
    (["events", "--window", "2012", "to", "2013"], "--between 2012/2013"),
    (["events", "--from", "2012", "to", "2013", "--kind", "arrest"], "--between 2012/2013"),
    (["events", "--date", "circa 2013 to 2012"], "in order: --between 2012~/2013~"),
    (
        ["events", "--between", "2012", "to", "2013"],
        "unrecognized arguments: to 2013; --between takes one value, a date or START/END: "
        "--between 2012/2013",
    ),
    (["events", "--between", "2012-01", "-", "2012-03"], "--between 2012-01/2012-03"),
    (["events", "--between", "2013", "to", "2012"], "in order: --between 2012/2013"),
    # a command without a window: told which has one
    (
        ["search", "kozlov", "--since", "2012"],
        "rightsdata search takes no dates; rightsdata events takes a window: --between 2012/..",
    ),
]


def test_no_window_alias_is_read_as_the_prefix_of_an_option() -> None:
    # argparse takes a prefix for the option it begins (events --in: --involving), so an
    # alias would never reach the window hint on a command with an option it begins
    import argparse

    from rightsdata._cli.parser import build_parser
    from rightsdata._cli.windowhint import WINDOW_ALIASES

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in [("", parser), *commands.choices.items()]:
        for alias in WINDOW_ALIASES:
            for word in (alias, f"{alias}=2012"):
                taken = sub._parse_optional(word)
                assert taken is None or taken[0] is None, (name, word, taken)


#: A word after an option that is no date: not copied into a --between.
NOT_DATES: list[list[str]] = [
    ["export", "--to", "2012", "/tmp/x"],  # (argparse took 2012 as the directory)
    ["events", "--between", "2012", "person:x"],
    ["events", "--date=2012-01..2012-13"],  # (a range of a month that is none)
    ["events", "--since", "yesterday"],
    ["events", "--before", "0001"],
    ["search", "kozlov", "--until", "later"],
]


@pytest.mark.parametrize("argv", NOT_DATES)
def test_a_word_that_is_no_date_is_not_told_as_one(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    told = " ".join(err.split())
    assert code == EXIT_USAGE
    hint = told.partition("; ")[2]
    assert "DATE or START/END" in hint or "a date or START/END (" in hint, told
    assert not re.search(r"--between [0-9.]", hint), told


#: Dates in each form and at each precision the window hints read.
_HINT_DATES = ["2012", "2012-02", "2012-12", "2012-03-01", "2012-12-31", "2012-21", "2012-24"]
_HINT_DATES += ["2012~", "2012-06?"]


def _every_hint() -> list[list[str]]:
    from rightsdata._cli.windowhint import WINDOW_ALIASES

    argvs = [["events", alias, date] for alias in WINDOW_ALIASES for date in _HINT_DATES]
    argvs += [["events", f"{alias}={date}"] for alias in WINDOW_ALIASES for date in _HINT_DATES]
    argvs += [["events", "--from", a, "--to", b] for a in _HINT_DATES for b in _HINT_DATES]
    argvs += [["events", "--after", a, "--before", b] for a in _HINT_DATES for b in _HINT_DATES]
    argvs += [["events", "--between", a, b] for a in _HINT_DATES for b in _HINT_DATES]
    argvs += [["events", "--between", a, "--to", b] for a in _HINT_DATES for b in _HINT_DATES]
    return argvs


def test_every_between_a_hint_tells_is_one_events_takes() -> None:
    from rightsdata._cli.commands.events import _window
    from rightsdata._cli.parser import _options, _subparser, build_parser
    from rightsdata._cli.windowhint import window_hint

    parser = build_parser()
    options = _options(_subparser(parser, "events"))
    told = 0
    for argv in _every_hint():
        extras = parser.parse_known_args(argv)[1]
        hint = window_hint(extras, argv, "events", options) or ""
        for value in re.findall(r"--between ([0-9.][^ ;]*)(?: \((before|after) ([^)]+)\))?", hint):
            window, word, date = value
            first, last = _window(window)  # (raises if the command refuses it)
            told += 1
            if word:  # excluding its date: the window ends just before, or starts just after
                from rightsdata._values.dates import EDTF

                side = last if word == "before" else first
                assert side is not None and not EDTF(side).overlaps(date), (argv, hint)
    assert told > 300


@pytest.mark.parametrize(("argv", "said"), WINDOWS)
def test_a_window_by_another_name_is_told_the_between_to_write(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    told = " ".join(err.split())
    assert said in told
    assert "--format" not in told and "'--data'" not in told


#: Names a record may hold (validation accepts them: the data contract is unchanged) that a
#: terminal must not be sent as they are within one line.
AWKWARD = ["Jane\nDoe", "Jane\u2028Doe", "Jane\u202eDoe", "Jane\u200bDoe", "Jane\u2066Doe"]
RAW = "\n\u2028\u202e\u200b\u2066"


def _named(folder: Path, name: str) -> Path:
    return write_folder(
        folder,
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:jane-doe", name=name, citations=[CITE])],
            "events.json": [
                event_doc(participants=[{"actor": "person:jane-doe", "role": "victim"}])
            ],
        },
    )


@pytest.mark.parametrize("name", AWKWARD)
def test_a_name_is_shown_on_one_line_with_invisible_characters_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    import rightsdata

    folder = _named(tmp_path / "data", name)
    assert rightsdata.load_path(folder).persons[0].name == name  # (accepted, as it was)
    for argv in (
        ["timeline", "person:jane-doe"],
        ["search", "jane"],
        ["show", "person:jane-doe"],
        ["events", "--place", "person:jane-doe"],
    ):
        _, out, err = run(capsys, *argv, "--data", str(folder))
        first = (out or err).splitlines()[0]
        assert first.count("Jane") == 1 and "Doe" in first, (argv, first)
        assert not any(c in out + err for c in RAW.replace("\n", "")), argv
    _, out, _ = run(capsys, "timeline", "person:jane-doe", "--data", str(folder))
    heading = out.splitlines()[0]
    assert heading.endswith(": 1 event, in date order")
    if name[4] in "\n\u2028":
        assert heading.startswith("Jane Doe:")
    else:
        assert heading.startswith(f"Jane\\u{ord(name[4]):04x}Doe:")


def test_info_shows_the_descriptor_name_and_version_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _named(tmp_path / "data", "Jane Doe")
    descriptor = {"name": "my\ndata\u202e", "version": "1.0\n0", "resources": []}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    _, out, _ = run(capsys, "info", "--data", str(folder))
    assert out.splitlines()[0].startswith("my data\\u202e 1.0 0 (rightsdata ")


# --- a command or path a message prints is whole on one line ---------------------------------

_LONG = "a-folder-whose-name-goes-on-and-on-" * 3


def _commands(text: str) -> list[list[str]]:
    """The commands a message prints (in backticks), each read from one line: a backtick
    left open at a line's end (a command split across lines) fails."""
    import re
    import shlex

    # a command's span: from a backtick that starts a word to one that ends a word; within
    # it a path's backtick is escaped (\`) or inside a word (a path in prose holds one too)
    after = "[ ,.;:!?)\\]\"']|$"
    span = f"(?<![^ (\\[\"'])`(rightsdata (?:[^`\\\\]|\\\\.|`(?!{after}))*)`(?={after})"
    commands = []
    for line in text.splitlines():
        commands += [shlex.split(c) for c in re.findall(span, line)]
    # every command the output holds was found on one line, and each is in backticks (a
    # "rightsdata validate:" starts a message, "usage: rightsdata validate" the usage)
    joined = " ".join(text.split())
    assert len(commands) == joined.count("`rightsdata "), text
    bare = re.findall(r"(?<!usage: )(?<!`)rightsdata (?!\w+:)", joined)
    assert not bare, text
    return commands


def _names(argv: list[str], folder: Path) -> bool:
    """Whether ``argv`` names ``folder`` or a file in it, by a path that reaches it."""
    resolved = folder.resolve()
    return any(
        Path(a).resolve() in (resolved, *resolved.iterdir()) for a in argv if "/" in a or a == "."
    )


@pytest.mark.parametrize("columns", ["40", "80"])
@pytest.mark.parametrize("name", [f"{_LONG}/ds", "my data/x y", "my d`x 'q/x `y"])
def test_a_command_a_message_prints_is_whole_on_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: str,
    name: str,
) -> None:
    """The messages of a failing validate, fmt and load (show --data) were wrapped to the
    terminal, cutting a long path, and a command holding one, in the middle, and splitting a
    quoted path with a space at it: a copy of either was broken. Each command is now in
    backticks on one line (longer than the terminal if need be), and reads back the path."""
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / name
    given = str(folder)
    assert run(capsys, "init", given)[0] == 0
    assert run(capsys, "fmt", "--hashes", given)[0] == 0
    events = folder / "events.json"
    events.write_text(events.read_text(encoding="utf-8").replace("own words", "own word"), "utf-8")
    said: list[tuple[str, str]] = []
    for argv in (
        ["validate", given],  # a stale size: run `rightsdata fmt FOLDER`
        ["fmt", "--check", given],  # run `rightsdata fmt FOLDER` to rewrite them
        ["fmt", str(events)],  # fmt rewrites a dataset folder: `rightsdata fmt FOLDER`
        ["validate", str(events), "--base", "kazakhstan"],  # validate its folder
        ["--data", given, "validate"],  # not --data: `rightsdata validate FOLDER`
        ["show", "person:example-person", "--data", given],  # a load's problems
    ):
        code, out, err = run(capsys, *argv)
        assert code != 0, argv
        said.append((" ".join(argv), out + err))
    # a dataset whose references name the bundled records: the --base note; and an unknown ID
    assert run(capsys, "fmt", given)[0] == 0
    persons = folder / "persons.json"
    persons.write_text("[]", encoding="utf-8")  # (the event's participant now the bundled's)
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "person:example-person", "person:vladimir-kozlov"
        ),
        "utf-8",
    )
    for argv in (["validate", given], ["show", "person:nobody", "--data", given]):
        code, out, err = run(capsys, *argv)
        said.append((" ".join(argv), out + err))
    for argv_said, text in said:
        commands = _commands(text)
        assert commands, (argv_said, text)
        for command in commands:
            assert _names(command, folder), (argv_said, command, text)
    # a path is never cut either, nor split at its space (the problems' heading)
    _, out, _ = run(capsys, "validate", given)
    assert any(f"{given}:" in line for line in out.splitlines()), out


def _whole(text: str, path: str) -> bool:
    """Whether ``path`` is on one line of ``text`` wherever the text names it (its lines
    joined at their breaks name it as many times as its lines do)."""
    joined = " ".join(line.strip() for line in text.splitlines())
    return joined.count(path) == sum(line.count(path) for line in text.splitlines())


def test_every_note_keeps_the_paths_given_and_their_folders_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fmt's refusal notes and link note were printed without the paths given kept, so a
    path was split at its spaces at 40 columns, and so was the folder a message derives
    from a file given; the two refusals quoted a path in two ways, and a link's refusal did
    not name the folders it did not reach. Each path is now whole, named as prose names
    it, and both refusals name the folders fmt did not look at."""
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.chdir(tmp_path)
    bad, other = "bad folder one x", "other folder two/z"
    assert run(capsys, "init", bad)[0] == 0
    events = Path(bad, "events.json")
    events.write_text(events.read_text("utf-8").replace('"detention"', '"bogus"'), "utf-8")
    Path(other).mkdir(parents=True)
    for check in ([], ["--check"]):
        code, _, err = run(capsys, "fmt", *check, bad, other)
        assert code == EXIT_INVALID and _whole(err, bad) and _whole(err, other), err
        assert f"did not look at {other}" in " ".join(err.split()), err
    # the folder a message derives from a file given
    Path(bad, "events.json").rename(Path(bad, "event.json"))
    _, _, err = run(capsys, "validate", f"{bad}/event.json")
    assert f"({bad})" in err and _whole(err, bad), err
    Path(bad, "event.json").rename(Path(bad, "events.json"))
    # a linked kind's file not in canonical form: the link note, and the refusal
    linked, shared = "linked folder with spaces", Path("shared")
    assert run(capsys, "init", linked)[0] == 0
    shared.mkdir()
    text = Path(linked, "events.json").read_text("utf-8").replace("\n  ", "\n    ")
    (shared / "events.json").write_text(text, "utf-8")
    Path(linked, "events.json").unlink()
    symlink(Path(linked, "events.json"), "../shared/events.json")
    code, _, err = run(capsys, "fmt", "--check", linked)
    assert code == EXIT_INVALID and _whole(err, str(Path(linked, "events.json"))), err
    code, _, err = run(capsys, "fmt", linked, bad)
    assert code == EXIT_USAGE and _whole(err, linked) and _whole(err, bad), err
    assert f"did not look at {bad})" in " ".join(err.split()), err


@pytest.mark.skipif(shutil.which("bash") is None, reason="reads the command as bash does")
@pytest.mark.parametrize("name", ["tab\there dir", "esc\x1b[31m dir", "d`x 'q"])
def test_a_printed_command_pasted_into_bash_names_the_path(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """A path with a tab was printed with spaces for the tab, one with ESC with the text
    `\\x1b`: pasting the command named another path. The command fmt's advice prints, read
    by bash, names the folder, and running it fixes the folder."""
    skip_unless_a_name_can_hold(name)
    monkeypatch.setenv("COLUMNS", "40")
    folder = tmp_path / name
    assert run(capsys, "init", str(folder))[0] == 0
    assert run(capsys, "fmt", "--hashes", str(folder))[0] == 0
    events = folder / "events.json"
    events.write_text(events.read_text("utf-8") + "\n", "utf-8")
    _, out, _ = run(capsys, "validate", str(folder))
    joined = " ".join(out.split())  # (the command on one line; the text around it wraps)
    (command,) = re.findall(r"`(rightsdata fmt (?:[^`\\]|\\.)*)` if it was", joined)
    assert any(command in line for line in out.splitlines())
    read = subprocess.run(
        ["bash", "-c", f"printf '%s\\0' {command}"], capture_output=True, check=True
    ).stdout
    argv = [os.fsdecode(word) for word in read.split(b"\0")[:-1]]
    assert argv == ["rightsdata", "fmt", str(folder)]
    assert run(capsys, *argv[1:])[0] == 0
    assert run(capsys, "validate", str(folder))[0] == 0


@pytest.mark.parametrize(
    ("argv", "prog", "said"),
    [
        (
            ["events", "--involving", "person:vladimir-kozlov", "--involving", "person:x"],
            "rightsdata events",
            "--involving is given twice ('person:vladimir-kozlov', then 'person:x'); it takes "
            "one value: give it once",
        ),
        (
            ["--data", "my data", "--data", "a folder with spaces in it", "info"],
            "rightsdata",
            "--data is given twice ('my data', then 'a folder with spaces in it'); it takes one "
            "value: give it once",
        ),
        (
            ["events", "--kindd", "verdict"],
            "rightsdata events",
            "unrecognized arguments: --kindd verdict; did you mean '--kind'?",
        ),
        (["events", "--between"], "rightsdata events", "argument --between: expected one argument"),
        (
            ["export", "--format", "cvs", "out"],
            "rightsdata export",
            "unknown --format 'cvs'; did you mean 'csv'?",
        ),
        (["infoo"], "rightsdata", "unknown command 'infoo'; did you mean 'info'?"),
        (
            ["fmt", "--hashes", "--no-hashes", "ds"],
            "rightsdata fmt",
            "argument --hashes/--no-hashes: give one of them, not both",
        ),
    ],
)
def test_the_parsers_errors_are_wrapped_as_the_usage_errors_are(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    prog: str,
    said: str,
) -> None:
    """argparse's own errors (a value given twice, an unknown option or choice, a missing
    value) were printed on one line however narrow the terminal, where the library's usage
    errors are wrapped to it. They are wrapped the same way now, after the usage line, in
    the form ``rightsdata CMD: error: ...`` with exit code 2, a value given kept whole."""
    monkeypatch.setenv("COLUMNS", "40")
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"usage: {prog} ")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{prog}: error: "))
    message = lines[at:]
    assert len(message) > 1, err  # (each is longer than 40 columns)
    assert all(len(line) <= 40 for line in message), err
    assert all(line.startswith("  ") for line in message[1:]), err
    assert " ".join(line.strip() for line in message) == f"{prog}: error: {said}"
    for value in argv:
        assert _whole("\n".join(message), value), (value, err)


def test_a_file_over_the_limit_is_told_in_the_options_words_not_pythons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # "pass a larger max_bytes= (--max-bytes on the command line)": Python's parameter
    import rightsdata

    folder = _misnamed(tmp_path / "ds")
    for argv in (
        ["validate", str(folder), "--max-bytes", "10"],
        ["validate", str(folder / "events.json"), "--max-bytes", "10", "--json"],
        ["validate", str(folder), "--base", str(folder), "--max-bytes", "10"],
    ):
        code, out, err = run(capsys, *argv)
        said = " ".join((out + err).split())
        assert code == EXIT_INVALID
        assert "give a larger --max-bytes to read it" in said, argv
        assert "max_bytes" not in said, argv
    with pytest.raises(rightsdata.InvalidDataError) as raised:  # (Python keeps its own)
        rightsdata.load_path(folder, max_bytes=10)
    assert "pass a larger max_bytes=" in raised.value.problems[0].message


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "org:kazakhstan-authorities"],
        ["show", "org:kazakhstan-authorities", "--json"],
        ["timeline", "org:kazakhstan-authorities"],
        ["events", "--involving", "org:kazakhstan-authorities"],
    ],
)
def test_a_retired_id_is_said_to_redirect_not_followed_unseen(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 0 and out
    assert " ".join(err.split()) == (
        "note: org:kazakhstan-authorities is a retired ID: it redirects to "
        "group:kazakhstan-authorities"
    )
    assert run(capsys, "show", "group:kazakhstan-authorities")[2] == ""  # (its own ID: none)


# --- one form for every command's errors --------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "person:nobody"],
        ["timeline", "person:nobody"],
        ["events", "--involving", "person:nobody"],
        ["show", "person:nobody", "--json"],
    ],
)
def test_an_unknown_id_is_told_with_the_commands_name(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # show said `rightsdata: no record has the id ...`, timeline `rightsdata timeline: ...`
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(f"rightsdata {argv[0]}: ")
    assert "no record has the id 'person:nobody'" in " ".join(err.split())


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ValueError("a value it cannot take"), EXIT_USAGE),
        (OSError(5, "Input/output error"), EXIT_USAGE),
        (UnknownIdError("person:x"), EXIT_USAGE),
        (RightsdataError("what the library said"), EXIT_INVALID),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_every_error_a_command_raises_is_told_with_its_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, error: Exception, code: int
) -> None:
    """Whatever raised it (the command's own checks, the library), an error is told as
    `rightsdata CMD: ...`: a library's error was told as `rightsdata: ...` (and printed
    as it was, not wrapped nor escaped as the command line's messages are)."""
    from rightsdata._cli import parser

    def failing(args: object) -> int:
        raise error

    monkeypatch.setattr(parser, "_cmd_info", failing)
    got, out, err = run(capsys, "info")
    assert (got, out) == (code, "")
    assert err.startswith("rightsdata info: ") and err.count("rightsdata") == 1, err


def test_a_missing_extra_is_told_with_the_commands_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import rightsdata.schema

    monkeypatch.setitem(sys.modules, "jsonschema", None)  # importing it raises ImportError
    rightsdata.schema._validator.cache_clear()  # (one built earlier would need no import)
    folder = write_folder(tmp_path / "ds", {"sources.json": [source_doc()]})
    code, out, err = run(capsys, "validate", str(folder), "--schema")
    assert (code, out) == (EXIT_USAGE, "")
    assert " ".join(err.split()).startswith("rightsdata validate: this needs jsonschema")


# --- a path is shown as the command line shows a path -------------------------------------


@pytest.mark.parametrize("name", ["t\tab", "line\nfeed", "esc\x1b[2J"])
def test_a_path_in_the_problems_heading_is_shown_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # "1 problem in t  ab/x.json:": a tab or line feed was shown as a space, another path
    skip_unless_a_name_can_hold(name)
    monkeypatch.chdir(tmp_path)
    folder = Path(name)
    folder.mkdir()
    document = {"sources": [source_doc()], "persons": [person_doc(name=5)]}
    (folder / "x.json").write_text(json.dumps(document), encoding="utf-8")
    shown = name.encode("unicode_escape").decode("ascii")
    for argv, heading, output in (
        (["validate", f"{name}/x.json"], f"1 problem in {shown}/x.json:", 1),
        (["info", "--data", f"{name}/x.json"], f"1 problem in {shown}/x.json:", 2),
        (
            ["validate", str(folder), "--base", f"{name}/x.json"],
            f"1 problem in {shown}/x.json (the base, --base):",
            2,
        ),
    ):
        code, out, err = run(capsys, *argv)
        lines = (out, err)[output - 1].splitlines()
        assert code == EXIT_INVALID, argv
        assert lines[0] == heading, argv
        assert lines[1].startswith("  x.json:persons[0] person:a.name: "), argv


@pytest.mark.parametrize("name", ["t\tab", "line\nfeed", "esc\x1b[2J"])
def test_a_path_in_every_message_is_shown_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """(A message is wrapped as one paragraph, its white space made spaces: ``rightsdata
    init: t ab is a folder that is not empty``, ``note: could not check t ab``, another
    path.) Each path a usage error or a note names, the path given or one in it, is shown
    as the problems' heading shows it, a tab or line break as its escape."""
    skip_unless_a_name_can_hold(name)
    monkeypatch.chdir(tmp_path)
    folder = Path(name)
    folder.mkdir()
    document = {"sources": [source_doc()], "persons": [person_doc()]}
    (folder / "x.json").write_text(json.dumps(document), encoding="utf-8")
    shown = name.encode("unicode_escape").decode("ascii")
    for argv, said in (
        (["validate", f"{name}/no.json"], f"{shown}/no.json: no such file or folder"),
        (["info", "--data", f"{name}/no.json"], f"{shown}/no.json: no such file or folder"),
        (["validate", f"{name}/x.json", "--base", f"{name}/no"], f"--base {shown}/no: no such"),
        (["fmt", f"{name}/no"], f"{shown}/no: no such folder"),
        (["init", name], f"{shown} is a folder that is not empty"),
        (["export", "--format", "csv", f"{name}/x.json"], f"{shown}/x.json is a file"),
        (["fmt", "--check", name], f"{shown}: holds no record files"),
        (["info", "--data", f"{name}/datapackage.json"], f"{shown}/datapackage.json"),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, ""), argv
        assert err.startswith(f"rightsdata {argv[0]}: "), argv
        assert name not in err and "\t" not in err, (argv, err)
        assert said in " ".join(err.split()), (argv, err)
    # a note on a folder with problems (fmt refuses it)
    (folder / "persons.json").write_text(json.dumps([person_doc(name=5)]), encoding="utf-8")
    code, _, err = run(capsys, "fmt", "--check", name)
    assert code == EXIT_INVALID and name not in err and "\t" not in err, err
    assert f"note: could not check {shown}: " in err
