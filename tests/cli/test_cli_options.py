"""An option is taken by its whole name only, never a prefix of it, so that an option added
later cannot change what an old script means; and a number is taken as a script writes it,
in plain decimal digits, within the bounds the option has, or refused saying so."""

from __future__ import annotations

import argparse
import sys

import pytest

from rightsdata._cli.exits import EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._cli.parser import _parse, _subparser, build_parser


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, the output, and the error output with its lines joined (as wrapped)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """The top-level parser (``""``) and each command's."""
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {"": parser, **{name: _subparser(parser, name) for name in commands.choices}}


#: An argument each command needs, so that only the option given is wrong.
_ARGUMENTS = {
    "search": ["x"],
    "timeline": ["x"],
    "show": ["x"],
    "validate": ["x"],
    "init": ["x"],
    "export": ["x"],
}


def test_no_parser_takes_an_abbreviation() -> None:
    assert all(not p.allow_abbrev for p in _parsers().values())


@pytest.mark.parametrize("command", sorted(set(_parsers()) - {""}))
def test_a_prefix_of_an_option_is_an_unknown_option(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """``events --kin verdict`` was ``events --kind verdict``: every option of every command,
    cut short by a letter, is refused (the prefix of none that is another option)."""
    parser = _parsers()[command]
    options = {o for a in parser._actions for o in a.option_strings}
    cut = sorted({o[:-1] for o in options if o.startswith("--") and len(o) > 4} - options)
    assert cut
    for prefix in cut:
        argv = [command, *_ARGUMENTS.get(command, []), prefix]
        with pytest.raises(SystemExit) as refused:
            _parse(build_parser(), argv)
        assert refused.value.code == EXIT_USAGE, argv
        err = " ".join(capsys.readouterr().err.split())
        assert f"unrecognized arguments: {prefix}" in err, argv


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["events", "--kin", "verdict"], "--kin verdict; did you mean '--kind'?"),
        (["--dat", "x", "info"], "--dat; did you mean '--data'?"),
        (["validate", "x", "--json-rep"], "--json-rep; did you mean '--json-report'?"),
    ],
)
def test_an_abbreviation_is_told_the_option_it_is_like(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert f"unrecognized arguments: {said}" in err


# --- numbers ------------------------------------------------------------------------------


def test_every_numeric_option_is_read_as_plain_digits() -> None:
    """No option reads its number with int() alone, which takes ' 5' and 1_000."""
    typed = {
        option: getattr(action.type, "__name__", None)
        for parser in _parsers().values()
        for action in parser._actions
        if action.type is not None
        for option in action.option_strings
    }
    assert typed == {  # (each the parser's own: rightsdata._cli.parser._number)
        "--limit": "_positive_int",
        "--max-bytes": "_positive_int",
        "--max-problems": "_positive_int",
        "--width": "_any_int",
    }


#: Each numeric option, and a command line it is given to (where it goes at the end).
_NUMERIC = {
    "--limit": ["search", "kozlov"],
    "--max-bytes": ["validate", "datasets/kazakhstan"],
    "--max-problems": ["validate", "datasets/kazakhstan"],
}


@pytest.mark.parametrize("option", sorted(_NUMERIC))
@pytest.mark.parametrize(
    ("given", "meant"),
    [
        (" 5", "5"),
        ("5 ", "5"),
        ("1_000", "1000"),
        ("+5", "5"),
        ("\u0665", "5"),  # (ARABIC-INDIC DIGIT FIVE)
        ("0x10", ""),
        ("1e3", ""),
    ],
)
def test_a_number_that_is_not_plain_digits_is_refused(
    capsys: pytest.CaptureFixture[str], option: str, given: str, meant: str
) -> None:
    # (int() took ' 5', '1_000', '+5' and the Arabic-Indic 5 as 5 and 1000)
    code, out, err = run(capsys, *_NUMERIC[option], option, given)
    assert (code, out) == (EXIT_USAGE, "")
    said = f"{given!r} is not a whole number above 0 written in plain decimal digits (0-9)"
    assert f"argument {option}: {said}" in err
    assert err.endswith(f"{said}: give {meant}" if meant else said)


@pytest.mark.parametrize("option", sorted(_NUMERIC))
@pytest.mark.parametrize("given", ["0", "-1", "000"])
def test_a_number_below_1_is_refused(
    capsys: pytest.CaptureFixture[str], option: str, given: str
) -> None:
    code, out, err = run(capsys, *_NUMERIC[option], option, given)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.endswith(f"argument {option}: {given!r} is not a whole number above 0")


@pytest.mark.parametrize("option", sorted(_NUMERIC))
@pytest.mark.parametrize("given", [str(sys.maxsize + 1), "9" * 5000])
def test_a_number_over_the_most_is_refused(
    capsys: pytest.CaptureFixture[str], option: str, given: str
) -> None:
    # (--max-bytes took any size; --limit said '9999...' was not a whole number above 0)
    code, out, err = run(capsys, *_NUMERIC[option], option, given)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.endswith(f"{given!r} is over the most, {sys.maxsize:,}")


def test_plain_numbers_are_taken(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "search", "kozlov", "--limit", "05")[0] == 0
    assert (
        run(capsys, "validate", "datasets/kazakhstan", "--max-problems", str(sys.maxsize))[0] == 0
    )


def test_width_is_read_as_plain_digits(capsys: pytest.CaptureFixture[str]) -> None:
    record = "event:kozlov-verdict-2012-10-08"
    code, out, err = run(capsys, "show", record, "--width", " 50")
    assert (code, out) == (EXIT_USAGE, "")
    said = "' 50' is not a whole number written in plain decimal digits (0-9): give 50"
    assert err.endswith(f"argument --width: {said}")
    # a number below 40 is told the range, as it was
    code, _, err = run(capsys, "show", record, "--width", "-5")
    assert code == EXIT_USAGE and "--width -5: the output needs 40 columns or more" in err
    assert run(capsys, "show", record, "--width", "50")[0] == 0
