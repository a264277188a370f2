"""Usage errors of the command line say what is wrong in words, with the command's name and exit
code 2: a path that a command cannot use (init, fmt, export), --data or --name where the command
takes its path as its argument, --data with --name, '-' without --format; and init's help, its
errors and docs/cli.md say the same of the folder it wants."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._cli.parser import _parse, _subparser, build_parser

from conftest import ROOT, event_doc, no_symlinks, symlink, write_folder

INIT_WANTS = "init writes its dataset into a folder that is empty or does not exist"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, the output, and the error output with its lines joined (as wrapped)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


@pytest.fixture
def dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A valid dataset, ds2, in the current folder (a temporary one): paths as short as a
    user's, which messages wrapped to the terminal do not break."""
    monkeypatch.chdir(tmp_path)
    folder = Path("ds2")
    assert main(["init", str(folder)]) == EXIT_OK
    capsys.readouterr()
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# --- paths init, fmt and export cannot use ----------------------------------------------------


def test_init_says_what_is_in_the_way(capsys: pytest.CaptureFixture[str], dataset: Path) -> None:
    file = dataset / "persons.json"
    before = _files(dataset)
    for target, said in [
        (file / "x", f"{file / 'x'}: {file} is a file, not a folder; {INIT_WANTS}"),
        (file / "x" / "y", f"{file / 'x' / 'y'}: {file} is a file, not a folder; {INIT_WANTS}"),
        (file, f"{file} is a file; {INIT_WANTS}"),
        (dataset, f"{dataset} is a folder that is not empty; {INIT_WANTS}"),
    ]:
        code, out, err = run(capsys, "init", str(target))
        assert (code, out, err) == (EXIT_USAGE, "", f"rightsdata init: {said}"), target
    if no_symlinks() is None:
        link = symlink(dataset.parent / "link", dataset.parent / "nowhere")
        code, _, err = run(capsys, "init", str(link))
        assert (code, err) == (
            EXIT_USAGE,
            f"rightsdata init: {link} is a link that leads nowhere; {INIT_WANTS}",
        )
    assert _files(dataset) == before


def test_init_says_what_the_system_answered_in_words(
    capsys: pytest.CaptureFixture[str], dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._cli import template

    target = Path("locked")

    def refused(folder: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(template, "write_template", refused)
    code, _, err = run(capsys, "init", str(target))
    assert (code, err) == (
        EXIT_USAGE,
        f"rightsdata init: cannot write into {target}: Permission denied; {INIT_WANTS}",
    )


def _full_disk_at(
    monkeypatch: pytest.MonkeyPatch, where: str, after: int, target: Path
) -> list[int]:
    """Make the write of a file fail as a full disk does, once ``after`` files were written:
    where init writes its drafts as text (``write_text``), or the files it puts in the
    folder ``target`` (:func:`rightsdata._values.atomic._fill`, the temporary files renamed
    into place). The number of writes made, in a list."""
    from rightsdata._values import atomic

    made = [0]

    def full(count: bool) -> None:
        if count:
            made[0] += 1
            if made[0] > after:
                raise OSError(28, "No space left on device")

    if where == "write_text":
        write_text = Path.write_text

        def text(self: Path, *args: object, **kwargs: object) -> int:
            full(True)
            return write_text(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "write_text", text)
    else:
        fill = atomic._fill

        def filled(temporary: Path, content: atomic.Content) -> None:
            full(temporary.parent.resolve() == target.resolve())
            fill(temporary, content)

        monkeypatch.setattr(atomic, "_fill", filled)
    return made


@pytest.mark.parametrize(
    ("where", "after"), [("write_text", 1), ("write_text", 3), ("fill", 0), ("fill", 2)]
)
@pytest.mark.parametrize("given", ["new/my-data", "empty"])
def test_init_that_fails_part_way_leaves_nothing_it_created(
    capsys: pytest.CaptureFixture[str],
    dataset: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    after: int,
    given: str,
) -> None:
    """A full disk part way through left a folder of some files, or of the drafts fmt had
    not yet made canonical, which `init` then refused as not empty: now it leaves the
    folders it created removed, and a folder it was given empty, empty."""
    target = Path(given)
    if given == "empty":
        target.mkdir()
    with monkeypatch.context() as patched:
        made = _full_disk_at(patched, where, after, target)
        code, out, err = run(capsys, "init", str(target))
    assert made[0] > after  # (the failure came where it was to come)
    said = f"rightsdata init: cannot write into {target}: No space left on device; {INIT_WANTS}"
    assert (code, out, err) == (EXIT_USAGE, "", said)
    if given == "empty":
        assert list(target.iterdir()) == []
    else:
        assert not Path("new").exists()
    # the disk has room again: the same command writes the dataset
    assert run(capsys, "init", str(target))[0] == EXIT_OK
    assert sorted(p.name for p in target.iterdir()) == [
        "datapackage.json",
        "events.json",
        "persons.json",
        "sources.json",
    ]


def test_init_interrupted_leaves_nothing_it_created(
    capsys: pytest.CaptureFixture[str], dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._values import atomic

    fill = atomic._fill

    def interrupted(temporary: Path, content: atomic.Content) -> None:
        if temporary.parent.name == "mine":
            raise KeyboardInterrupt
        fill(temporary, content)

    monkeypatch.setattr(atomic, "_fill", interrupted)
    code, out, err = run(capsys, "init", "deeper/mine")
    assert (code, out, err) == (130, "", "rightsdata: interrupted")
    assert not Path("deeper").exists()


def test_fmt_says_what_is_in_the_way(capsys: pytest.CaptureFixture[str], dataset: Path) -> None:
    file = dataset / "persons.json"
    document = dataset.parent / "data.json"
    document.write_text("{}", encoding="utf-8")
    missing = dataset.parent / "nowhere"
    for target, said in [
        (file, f"{file} is a file; fmt rewrites a dataset folder: `rightsdata fmt {dataset}`"),
        (document, f"{document} is a file; fmt rewrites dataset folders"),
        (file / "x", f"{file / 'x'}: {file} is a file, not a folder; fmt rewrites dataset folders"),
        (missing, f"{missing}: no such folder; fmt rewrites dataset folders"),
    ]:
        for argv in (["fmt", str(target)], ["fmt", "--check", str(target)]):
            code, out, err = run(capsys, *argv)
            assert (code, out, err) == (EXIT_USAGE, "", f"rightsdata fmt: {said}"), argv


def test_fmt_says_what_the_system_answered_in_words(
    capsys: pytest.CaptureFixture[str], dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._data import canonical

    def refused(folder: Path, **options: bool) -> list[str]:
        raise PermissionError(13, "Permission denied", str(folder / "events.json"))

    monkeypatch.setattr(canonical, "format_folder", refused)
    code, _, err = run(capsys, "fmt", str(dataset))
    said = f"cannot rewrite {dataset}: Permission denied ({dataset / 'events.json'})"
    assert (code, err) == (EXIT_USAGE, f"rightsdata fmt: {said}")


def test_export_says_what_is_in_the_way(
    capsys: pytest.CaptureFixture[str], dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = dataset / "persons.json"
    code, _, err = run(capsys, "export", str(file / "x"))
    said = (
        f"{file / 'x'}: {file} is a file, not a folder; export writes into a folder: give the "
        "path of a new or empty one"
    )
    assert (code, err) == (EXIT_USAGE, f"rightsdata export: {said}")
    from rightsdata._tables import export

    def refused(dataset: object, folder: Path, *args: object, **options: object) -> list[Path]:
        raise OSError(28, "No space left on device", str(folder / ".events.csv.1a2b.tmp"))

    monkeypatch.setattr(export, "export", refused)
    target = dataset.parent / "out"
    code, _, err = run(capsys, "export", str(target))
    said = f"cannot write into {target}: No space left on device"
    assert (code, err) == (EXIT_USAGE, f"rightsdata export: {said}")  # not the temporary's name


def test_export_into_the_datas_own_folder_keeps_the_dataset(
    capsys: pytest.CaptureFixture[str], dataset: Path
) -> None:
    """`export --format json ds2 --data ds2 --force`, then `--format csv`: the dataset's own
    files are not the export's, so the first is refused (it would rewrite them) and the
    second adds the tables beside them; none is removed."""
    before = _files(dataset)
    args = ("--data", str(dataset), "--force", str(dataset))
    code, _, err = run(capsys, "export", "--format", "json", *args)
    assert code == EXIT_USAGE
    assert err.startswith(f"rightsdata export: {dataset}: datapackage.json")
    assert "is a file of the dataset folder here (as `rightsdata init` or `rightsdata fmt`" in err
    assert (
        f"to rewrite this dataset folder in canonical form, run `rightsdata fmt {dataset}`" in err
    )
    assert _files(dataset) == before
    code, _, _ = run(capsys, "export", "--format", "csv", *args)
    assert code == EXIT_OK
    assert {n: d for n, d in _files(dataset).items() if n in before} == before
    assert run(capsys, "validate", str(dataset))[0] == EXIT_OK
    code, _, err = run(capsys, "export", "--format", "csv", str(dataset))
    assert code == EXIT_USAGE and "(only the files an earlier export wrote there, unchanged" in err


def test_no_command_prints_the_systems_raw_error(
    capsys: pytest.CaptureFixture[str], dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error of the system no command words itself still gets the command's name and no
    '[Errno 5]'."""

    def failing(args: object) -> int:
        raise OSError(5, "Input/output error", "ds2/events.json")

    parser = build_parser()
    _subparser(parser, "info").set_defaults(run=failing)
    monkeypatch.setattr("rightsdata._cli.main.build_parser", lambda: parser)
    code, _, err = run(capsys, "info")
    assert (code, err) == (EXIT_USAGE, "rightsdata info: ds2/events.json: Input/output error")


# --- --data and --name where the command takes its path as its argument -----------------------


@pytest.mark.parametrize(
    ("command", "argvs"),
    [
        (
            "validate",
            [
                (["--data", "{ds}", "validate"], "`rightsdata validate {ds}`"),
                (["--data", "{ds}", "validate", "{ds}"], "`rightsdata validate {ds}`"),
                (["--path", "{ds}", "validate", "--json"], "`rightsdata validate --json {ds}`"),
                (["validate", "{ds}", "--data", "{ds}"], "`rightsdata validate {ds}`"),
                (["validate", "--data", "{ds}"], "`rightsdata validate {ds}`"),
                (["validate", "--data={ds}", "--schema"], "`rightsdata validate --schema {ds}`"),
                (["validate", "other", "--data={ds}"], "give one path, as its argument"),
            ],
        ),
        (
            "fmt",
            [
                (["--data", "{ds}", "fmt"], "`rightsdata fmt {ds}`"),
                (["--data", "{ds}", "fmt", "--check"], "`rightsdata fmt --check {ds}`"),
                (["--data", "{ds}", "fmt", "--check", "{ds}"], "`rightsdata fmt --check {ds}`"),
                (["fmt", "{ds}", "--data", "{ds}"], "`rightsdata fmt {ds}`"),
                (["fmt", "--path", "{ds}"], "`rightsdata fmt {ds}`"),
                (["fmt", "x", "--data", "{ds}"], "`rightsdata fmt x {ds}`"),
            ],
        ),
        (
            "init",
            [
                (["--data", "{ds}", "init"], "`rightsdata init {ds}`"),
                (["--data", "{ds}", "init", "x"], "give one path, as its argument"),
                (["init", "x", "--data", "{ds}"], "give one path, as its argument"),
                (["init", "--data", "{ds}"], "`rightsdata init {ds}`"),
            ],
        ),
    ],
)
def test_data_given_to_a_command_that_takes_a_path_gets_one_message(
    capsys: pytest.CaptureFixture[str],
    dataset: Path,
    command: str,
    argvs: list[tuple[list[str], str]],
) -> None:
    """The command to run instead is the command line given with --data's value moved to
    the arguments, every other option kept (`--data ds fmt --check` was told `rightsdata
    fmt ds`, which rewrites what was only to be checked); where the command already has
    another argument, which one is meant is not guessed."""
    what = {
        "validate": "the dataset as its argument",
        "fmt": "the dataset folders as its arguments",
        "init": "the folder to write as its argument",
    }[command]
    before = _files(dataset)
    for argv, instead in argvs:
        said = f"{command} takes {what}, not --data: {instead.replace('{ds}', str(dataset))}"
        code, out, err = run(capsys, *(a.replace("{ds}", str(dataset)) for a in argv))
        assert (code, out) == (EXIT_USAGE, ""), argv
        assert err.endswith(f"rightsdata {command}: error: {said}"), (argv, err)
    assert _files(dataset) == before and not Path("x").exists()


def test_name_given_to_a_command_that_takes_a_path_says_so_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--name names a bundled dataset, not a path: no example folder is put in backticks
    as if it were the user's (but init's, whose --name is the folder meant)."""
    words = "give the path of your dataset's folder (--name names a bundled one)"
    for argv, said in [
        (
            ["--name", "kazakhstan", "validate"],
            f"validate takes the dataset as its argument, not --name: {words}",
        ),
        (
            ["fmt", "--check", "--name", "kazakhstan"],
            f"fmt takes the dataset folders as its arguments, not --name: {words}",
        ),
        (
            ["init", "--name", "mine"],
            "init takes the folder to write as its argument, not --name: `rightsdata init mine`",
        ),
        (
            [
                "--name",
                "my data",
                "init",
                "--",
            ],
            "init takes the folder to write as its argument, not --name: "
            "`rightsdata init -- 'my data'`",
        ),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == EXIT_USAGE and err.endswith(f": error: {said}"), argv


def test_the_command_given_instead_runs_as_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--data 'my d`x' validate --strict`'s advice, run as printed, is the strict check of
    that folder (--strict was dropped; a path with spaces, a quote, a backtick is one word)."""
    monkeypatch.setenv("COLUMNS", "1000")
    folder = tmp_path / "my d`x 'q"
    assert run(capsys, "init", str(folder))[0] == EXIT_OK
    code, _, err = run(capsys, "--data", str(folder), "validate", "--strict")
    assert code == EXIT_USAGE
    command = err.split(": `", 1)[1].removesuffix("`")
    argv = shlex.split(command)
    assert argv == ["rightsdata", "validate", "--strict", str(folder)]
    assert run(capsys, *argv[1:])[0] == EXIT_OK


def test_a_misspelt_hidden_option_says_what_the_command_takes_instead(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--data`` is hidden where a command takes its path as its argument: an option spelled
    like it is told so, and what to give instead, never offered ``--data`` alone (which the
    command refuses)."""
    code, _, err = run(capsys, "validate", "ds", "--dat", "x")
    # (an abbreviation is no option: --dat was taken as --data)
    assert code == EXIT_USAGE and "unrecognized arguments: --dat x" in err
    said = " ".join(err.split())
    takes = "which validate does not take: it takes the dataset as its argument"
    assert f"--dat is spelled like --data, {takes}" in said
    code, _, err = run(capsys, "fmt", "--dta", "x")
    said = " ".join(err.split())
    assert code == EXIT_USAGE and "did you mean" not in said
    assert (
        "--dta is spelled like --data, which fmt does not take: it takes the dataset folders"
        in said
    )
    code, _, err = run(capsys, "validate", "ds", "--jsn")  # (the command's own comes first)
    assert "did you mean '--json'" in " ".join(err.split())


# --- --data with --name -----------------------------------------------------------------------


def test_data_and_name_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], dataset: Path
) -> None:
    out = dataset.parent / "out"
    said = (
        f"`--data {dataset}` and `--name kazakhstan` both say which dataset to use; give one: "
        "--data for your own, --name for a bundled one"
    )
    for argv in (
        ["--data", str(dataset), "--name", "kazakhstan", "info"],
        ["info", "--data", str(dataset), "--name", "kazakhstan"],
        ["--name", "kazakhstan", "info", "--data", str(dataset)],
        ["--data", str(dataset), "show", "person:example-person", "--name", "kazakhstan"],
        ["export", "--name", "kazakhstan", "--path", str(dataset), str(out)],
    ):
        code, printed, err = run(capsys, *argv)
        command = next(a for a in argv if a in ("info", "show", "export"))
        assert (code, printed, err) == (EXIT_USAGE, "", f"rightsdata {command}: {said}"), argv
    assert not out.exists()
    # either alone is fine, the default name too
    assert run(capsys, "--data", str(dataset), "info")[0] == EXIT_OK
    assert run(capsys, "info", "--name", "kazakhstan")[0] == EXIT_OK


# --- an option given twice ---------------------------------------------------------------------


def _two_values(action: argparse.Action) -> tuple[str, str]:
    """Two values ``action`` takes, that differ."""
    if action.choices is not None:
        first, then, *_ = action.choices
        return str(first), str(then)
    return ("50", "60") if action.type is not None else ("a", "b")


def test_an_option_given_twice_is_combined_or_refused_never_dropped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `events --involving A --involving B` listed B's events alone: every option of every
    # command that takes a value, given twice with two, combines them (--kind, whose values
    # are any of them) or is a usage error naming it; the same value twice is taken
    parser = build_parser()
    commands = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    refused = combined = 0
    for command, arguments in _ARGUMENTS.items():
        for action in commands[command]._actions:
            if not action.option_strings or action.help is argparse.SUPPRESS or action.nargs == 0:
                continue
            option = action.option_strings[0]
            first, then = _two_values(action)
            argv = [command, *arguments, option, first, option, then]
            code, err = _parsed(capsys, argv)
            if isinstance(action, argparse._AppendAction):
                assert code == EXIT_OK, argv
                assert getattr(_parse(build_parser(), argv), action.dest) == [first, then]
                combined += 1
                continue
            assert code == EXIT_USAGE, argv
            assert f"rightsdata {command}: error: {option} is given twice (" in err, argv
            assert err.endswith("it takes one value: give it once"), argv
            again = [command, *arguments, option, first, option, first]
            assert _parsed(capsys, again)[0] == EXIT_OK, again
            refused += 1
    assert combined == 1  # events --kind
    assert refused > 20
    # before the command, as after it (--data under its other name, too)
    for first, then in (
        ("--data", "--data"),
        ("--data", "--path"),
        ("--name", "--name"),
        ("--base", "--base"),
    ):
        code, err = _parsed(capsys, [first, "a", then, "b", "info"])
        assert code == EXIT_USAGE, (first, then)
        said = f"rightsdata: error: {then} is given twice ('a', then 'b'); it takes one value"
        assert err.endswith(f"{said}: give it once"), (first, then, err)


def test_repeated_filters_are_refused_not_narrowed_to_the_last(
    capsys: pytest.CaptureFixture[str],
) -> None:
    kozlov, tulesova = "person:vladimir-kozlov", "person:asya-tulesova"
    for argv, said in (
        (
            ["events", "--involving", kozlov, "--involving", tulesova],
            f"--involving is given twice ({kozlov!r}, then {tulesova!r})",
        ),
        (
            ["events", "--between", "2012", "--between", "2019"],
            "--between is given twice ('2012', then '2019')",
        ),
        (
            ["events", "--place", "KZ", "--place", "place:almaty"],
            "--place is given twice ('KZ', then 'place:almaty')",
        ),
        (
            ["events", "--role", "judge", "--role", "defendant"],
            "--role is given twice ('judge', then 'defendant')",
        ),
        (
            ["--data", "my", "--data", "f1", "info"],
            "rightsdata: error: --data is given twice ('my', then 'f1')",
        ),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, ""), argv
        assert said in err, (argv, err)
    # --kind combines (any of the kinds), as a comma does
    both = run(capsys, "events", "--kind", "verdict", "--kind", "arrest")
    assert both == run(capsys, "events", "--kind", "verdict,arrest")
    assert both[1].startswith("11 events (--kind verdict,arrest)")
    # the same value twice leaves nothing out
    assert run(capsys, "events", "--place", "KZ", "--place", "KZ") == run(
        capsys, "events", "--place", "KZ"
    )


# --- --base before the command, as --data -----------------------------------------------------


def test_base_may_come_before_the_command_as_data_may(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``rightsdata --data ext --base kazakhstan info`` was refused (--base: "give it after
    the command") though --data was taken there."""
    ext = write_folder(
        tmp_path / "ext",
        {
            "events.json": [
                event_doc(
                    "event:e1",
                    participants=[{"actor": "person:vladimir-kozlov", "role": "defendant"}],
                    citations=[{"source": "source:hrf-2012-12-14"}],
                )
            ]
        },
    )
    data, base = ["--data", str(ext)], ["--base", "kazakhstan"]
    assert run(capsys, *data, "info")[0] == EXIT_INVALID  # (it builds on the base)
    printed = set()
    for argv in (
        [*data, "info", *base],
        [*data, *base, "info"],
        [*base, *data, "info"],
        [*base, "info", *data],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (EXIT_OK, ""), argv
        printed.add(out)
    assert len(printed) == 1 and "1 event" not in next(iter(printed))
    code, out, _ = run(capsys, *base, "validate", str(ext))
    assert code == EXIT_OK and "over kazakhstan" in out
    # given on both sides, or before a command that takes no --base
    code, _, err = run(capsys, *data, *base, "info", "--base", str(tmp_path))
    assert code == EXIT_USAGE and "--base is given twice ('kazakhstan' before the command" in err
    code, _, err = run(capsys, *base, "init", str(tmp_path / "new"))
    assert code == EXIT_USAGE and err.endswith("rightsdata init takes no --base")
    assert not (tmp_path / "new").exists()


#: Each command with the arguments it needs, for parsing only (nothing is run).
_ARGUMENTS = {
    "info": [],
    "cite": [],
    "search": ["kozlov"],
    "events": [],
    "timeline": ["person:x"],
    "show": ["person:x"],
    "validate": ["ds"],
    "init": ["ds"],
    "fmt": ["ds"],
    "export": ["out"],
}


def _parsed(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    """The exit code parsing ``argv`` ends with (0 if it does not end it) and its error."""
    try:
        _parse(build_parser(), argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else EXIT_USAGE
    else:
        code = EXIT_OK
    return code, " ".join(capsys.readouterr().err.split())


def test_an_option_is_never_sent_before_a_command_that_refuses_it_there(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `init x --base k` was told to give --base before the command, and `--base k init x`
    # then that it is not an option of init: each of rightsdata's options, after each
    # command, is sent before it only where it is taken there
    parser = build_parser()
    commands = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(_ARGUMENTS) == sorted(commands)  # every command
    options = [
        o for a in parser._actions if a.help is not argparse.SUPPRESS for o in a.option_strings
    ]
    assert {"--name", "--data", "--base", "--version"} <= set(options)
    sent_before = 0
    for command, arguments in _ARGUMENTS.items():
        for option in options:
            if option in ("-h", "--help"):
                continue
            value = [] if option == "--version" else ["kazakhstan"]
            code, err = _parsed(capsys, [command, *arguments, option, *value])
            if "give it before the command" in err:
                sent_before += 1
                assert _parsed(capsys, [option, *value, command, *arguments])[0] == EXIT_OK
            elif code == EXIT_USAGE and "unrecognized arguments" in err:
                # refused on both sides alike
                before = _parsed(capsys, [option, *value, command, *arguments])
                assert before[0] == EXIT_USAGE, (command, option)
                assert before[1].endswith(err.rpartition("; ")[2]), (command, option, before)
    assert sent_before == len(_ARGUMENTS)  # --version, after each command
    assert _parsed(capsys, ["init", "ds", "--base", "k"])[1].endswith("init takes no --base")
    assert _parsed(capsys, ["--base", "k", "init", "ds"])[1].endswith("init takes no --base")


# --- export - without --format ----------------------------------------------------------------


def test_export_to_stdout_names_the_format_as_it_was_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", "-")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        "rightsdata export: '-' (standard output) takes one stream: use --format jsonl or "
        "document, or give a directory for the default format, json"
    )
    code, _, err = run(capsys, "export", "--format", "json", "-")
    assert code == EXIT_USAGE and err.endswith("give a directory for --format json")
    assert not Path("-").exists()


# --- an option that would be ignored ----------------------------------------------------------


def test_an_option_that_would_be_ignored_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], dataset: Path
) -> None:
    """`export --format jsonl - --force` wrote to standard output as if --force were not
    given, `show ID --json --width 60` printed the JSON as if --width were not, and `events
    --between .. --certain` listed what `--between ..` does: each option that changes
    nothing where it is given is a usage error saying why, as --data with --name is."""
    person = "person:vladimir-kozlov"
    for argv, said in (
        (
            ["export", "--format", "jsonl", "-", "--force"],
            "export: --force would be ignored: it lets export write into a directory that is "
            "not empty, and '-' (standard output) is none; leave --force out, or give a "
            "directory",
        ),
        (
            ["show", person, "--json", "--width", "60"],
            "show: --width 60 would be ignored: --json prints the record as data, which is not "
            "wrapped; give --width for a card, or --json, not both",
        ),
        (
            ["events", "--between", "..", "--certain"],
            "events: --certain would be ignored: --between '..' is open on both sides, and "
            "every event it keeps (the dated ones) is certainly within it; give a side "
            "(2019-06/..), or leave --certain out",
        ),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out, err) == (EXIT_USAGE, "", f"rightsdata {said}"), argv
    # the same refusal whatever else is given
    for argv in (
        ["export", "--format", "document", "--force", "-", "--data", str(dataset)],
        ["show", person, "--width", "200", "--json"],
        ["events", "--certain", "--between", "../..", "--kind", "verdict"],
        ["events", "--certain", "--between", "/"],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, ""), argv
        assert "would be ignored" in err, (argv, err)
    # where '-' cannot be written to at all, that is said first
    code, _, err = run(capsys, "export", "--format", "csv", "-", "--force")
    assert code == EXIT_USAGE and "takes one stream" in err and "--force" not in err
    # each alone, or where it changes what is printed, is taken
    assert run(capsys, "export", "--format", "jsonl", "-")[0] == EXIT_OK
    assert run(capsys, "show", person, "--json")[0] == EXIT_OK
    assert run(capsys, "show", person, "--width", "60")[0] == EXIT_OK
    open_end = run(capsys, "events", "--between", "2012-10/..", "--kind", "verdict")
    certain = run(capsys, "events", "--between", "2012-10/..", "--kind", "verdict", "--certain")
    assert open_end[0] == certain[0] == EXIT_OK and open_end[1] != certain[1]


# --- what init wants, said the same everywhere ------------------------------------------------


def test_init_help_errors_and_docs_say_the_same_of_its_folder(
    capsys: pytest.CaptureFixture[str], dataset: Path
) -> None:
    wants = "a folder that is empty or does not exist"
    parser = build_parser()
    top = " ".join(parser.format_help().split())
    init = " ".join(_subparser(parser, "init").format_help().split())
    assert f"init write a small valid dataset to start from into {wants}" in top
    assert f"write a small valid dataset to start from into {wants}" in init
    assert f"DIR {wants}" in init
    _, _, err = run(capsys, "init", str(dataset))
    assert err.endswith(f"init writes its dataset into {wants}")
    page = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())
    assert f"`init DIR` writes a small valid dataset to start from, into {wants}" in page
    for said in (top, init, err, page):
        assert "new folder" not in said and "empty or new" not in said


@pytest.mark.parametrize(
    ("given", "told"),
    [
        (
            "ds2/events.json",
            "is one kind's file (a list of events), not a dataset: load the folder",
        ),
        ("ds2/datapackage.json", "is a data package's descriptor"),
        ("event.json", "did you mean events.json?"),
        ("out/events.csv", "is a CSV file, a table as `rightsdata export` writes them"),
        ("out", "holds no record files but"),
    ],
)
def test_a_path_that_holds_no_dataset_is_a_usage_error_saying_what_to_give(
    capsys: pytest.CaptureFixture[str], dataset: Path, given: str, told: str
) -> None:
    # a file inside a dataset folder (or a table) where a dataset is read: the wrong kind of
    # argument, not invalid data (it was exit code 1, as data with problems)
    Path("event.json").write_text(Path("ds2/events.json").read_text("utf-8"), "utf-8")
    assert main(["--data", str(dataset), "export", "--format", "csv", "out"]) == EXIT_OK
    capsys.readouterr()
    for argv, option in [
        (["--data", given, "info"], f"--data {given}: "),
        (["events", "--data", given, "--json"], f"--data {given}: "),
        (["--data", str(dataset), "--base", given, "info"], f"--base {given}: "),
        (["validate", given, "--json"], f"{given}: "),
    ]:
        if given.startswith("ds2/events") and argv[0] == "validate":
            continue  # (validate takes a kind's file: it checks it alone)
        code, out, err = run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, ""), argv
        assert err.startswith(f"rightsdata {argv[-1] if argv[0] == '--data' else argv[0]}"), err
        assert f": {option}" in err and told in err, (argv, err)
    if given == "out":
        code, out, err = run(capsys, "fmt", given)
        assert (code, out) == (EXIT_USAGE, "") and f"rightsdata fmt: out: {told}" in err
