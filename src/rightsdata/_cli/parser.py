"""The argument parser: the commands with their options, help laid out for the terminal,
'did you mean' for an unknown command or option, and ``--data`` and ``--name`` given
before the command."""

from __future__ import annotations

import argparse
import re
import textwrap
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn

from rightsdata._cli.arguments import _DEFAULT_NAME, _Default
from rightsdata._cli.commands.cite import _cmd_cite
from rightsdata._cli.commands.events import _cmd_events, _cmd_timeline
from rightsdata._cli.commands.export import ONE_STREAM, _cmd_export
from rightsdata._cli.commands.fmt import _cmd_fmt
from rightsdata._cli.commands.info import _cmd_info
from rightsdata._cli.commands.init import INIT_FOLDER, INIT_SUMMARY, _cmd_init
from rightsdata._cli.commands.search import _cmd_search
from rightsdata._cli.commands.show import _cmd_show
from rightsdata._cli.commands.validate import _cmd_validate
from rightsdata._cli.exits import EXIT_USAGE, UsageError
from rightsdata._cli.once import forget, register
from rightsdata._cli.output import _print_error, keep_typed
from rightsdata._cli.suggest import close, did_you_mean
from rightsdata._tables.export import FORMATS
from rightsdata._values.joined import all_of, one_of
from rightsdata._values.shell import command_line, shell_path, shell_word

__all__ = ["build_parser"]


#: A number as an option takes it: plain decimal digits, a minus sign before them alone.
_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+")


def _number(text: str, *, above_zero: bool) -> int:
    """A numeric option's value: a whole number written in plain decimal digits (``20``;
    ``-5`` where a number below 1 is not refused here, as ``--width``'s range is told by
    :func:`~rightsdata._cli.arguments._width`), from -:data:`sys.maxsize` to
    :data:`sys.maxsize`, the most the library takes; ``above_zero``: 1 or more. argparse
    reports the error. ``int()`` alone took what no script means as a number, and what may
    not mean the same to another program: ``' 5'``, ``1_000``, ``+5``, an Arabic-Indic ``5``.

    >>> _number("20", above_zero=True), _number("-5", above_zero=False)
    (20, -5)
    """
    import sys

    wanted = "a whole number above 0" if above_zero else "a whole number"
    if _PLAIN_NUMBER.fullmatch(text) is None:
        try:
            meant: int | None = int(text)
        except ValueError:
            meant = None
        give = "" if meant is None or (above_zero and meant < 1) else f": give {meant}"
        raise argparse.ArgumentTypeError(
            f"{text!r} is not {wanted} written in plain decimal digits (0-9){give}"
        )
    digits = text.lstrip("-").lstrip("0")
    # (compared by length first: int() refuses a text of thousands of digits)
    if len(digits) > len(str(sys.maxsize)) or int(digits or "0") > sys.maxsize:
        if text.startswith("-"):
            least = (
                "is not a whole number above 0"
                if above_zero
                else f"is under the least, {-sys.maxsize:,}"
            )
            raise argparse.ArgumentTypeError(f"{text!r} {least}")
        raise argparse.ArgumentTypeError(f"{text!r} is over the most, {sys.maxsize:,}")
    value = int(text)
    if above_zero and value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not {wanted}")
    return value


def _positive_int(text: str) -> int:
    """A count or size option's value (``--limit``, ``--max-bytes``, ``--max-problems``): a
    whole number above 0 in plain decimal digits, at most :data:`sys.maxsize`
    (:func:`_number`)."""
    return _number(text, above_zero=True)


def _any_int(text: str) -> int:
    """``--width``'s value: a whole number in plain decimal digits, below 1 too, which
    :func:`~rightsdata._cli.arguments._width` tells its range (:func:`_number`)."""
    return _number(text, above_zero=False)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose 'invalid choice' errors suggest the closest choice, and which
    takes an option by its whole name only, never a prefix of it (``allow_abbrev=False``, for
    the top-level parser and every command's): ``events --kin verdict`` is an unknown option
    (did you mean '--kind'?), so that an option added later cannot change what an old
    script's abbreviation meant, and a window alias
    (:data:`~rightsdata._cli.windowhint.WINDOW_ALIASES`) is never read as one: ``events --in
    2012`` is not ``--involving 2012``, and the window hint tells ``--between 2012``. An
    option that takes one value, given twice with two, is a usage error
    (:class:`~rightsdata._cli.once.Once`). Its errors are printed as the command line's own
    usage errors are: wrapped to the terminal, a command in backticks and a value given
    whole on one line (:func:`~rightsdata._cli.output._print_error`), after the usage line
    and as ``rightsdata CMD: error: ...``, with exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "allow_abbrev": False})
        register(self)

    def error(self, message: str) -> NoReturn:
        match = _INVALID_CHOICE.search(message)
        if match is not None:
            choices = re.findall(r"'([^']*)'", match["choices"])
            hint = did_you_mean(close(match["value"], choices, n=2))
            what = "command" if match["argument"] == "COMMAND" else match["argument"]
            message = f"unknown {what} {match['value']!r}; " + (
                hint or f"choose from {', '.join(choices)}"
            )
        import sys

        self.print_usage(sys.stderr)
        _print_error(f"{self.prog}: error: {message}")
        self.exit(EXIT_USAGE)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help as wide as the terminal, at most :data:`~rightsdata.textcard.MAX_WIDTH`; the
    descriptions and examples are laid out by hand (:func:`_paragraph`)."""

    def __init__(self, prog: str) -> None:
        from rightsdata._values.columns import terminal_columns

        super().__init__(prog, width=terminal_columns())


def _paragraph(text: str) -> str:
    """A description wrapped for help (80 columns: the layout is fixed, not the terminal's)."""
    return textwrap.fill(text, 80)


_INVALID_CHOICE: Final = re.compile(
    r"argument (?P<argument>\S+): invalid choice: '(?P<value>[^']*)' "
    r"\(choose from (?P<choices>.*)\)"
)


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name",
        default=_Default(_DEFAULT_NAME),
        help=f"bundled dataset to use (default: {_DEFAULT_NAME})",
    )
    parser.add_argument(
        "--data",
        "--path",
        dest="data",
        metavar="PATH",
        help="use your own dataset (folder, JSON or JSON Lines) instead",
    )
    _add_base_option(parser, "with --data: ")


def _add_base_option(
    parser: argparse.ArgumentParser,
    said: str = "",
    then: str = "its references to the base's records resolve, and the two are used as one",
) -> None:
    parser.add_argument(
        "--base",
        metavar="NAME_OR_PATH",
        help=(
            f"{said}the dataset it builds on (a bundled dataset's name, NAME@VERSION to "
            f"require a version of it, or a path): {then}"
        ),
    )


#: What the commands that take no ``--data`` (and no ``--name``) take as their argument
#: instead, and an example of it for ``--name``'s message: (what, example).
_TAKES: Final = {
    "validate": ("the dataset as its argument", "my-dataset/"),
    "fmt": ("the dataset folders as its arguments", "my-dataset/"),
    "init": ("the folder to write as its argument", "my-dataset"),
}


def _argument_instead(
    parser: argparse.ArgumentParser,
    command: str,
    option: str,
    value: str | None,
    given: Sequence[str],
) -> str:
    """The message for ``--data`` or ``--name`` given to a command that takes its path as its
    argument (``validate takes the dataset as its argument, not --data``), with the command
    to give instead in backticks: the command line ``given`` (as typed) with the option's
    value moved to the arguments, every other option kept (``--data ds fmt --check``:
    ``rightsdata fmt --check ds``), as :func:`~rightsdata._cli.output.base_note` rebuilds
    it too. ``--name`` names a bundled dataset, no path (but ``init``'s folder): it
    is told in words. ``parser`` is the command's."""
    what, _ = _TAKES[command]
    said = f"{command} takes {what}, not {option}"
    if not value or (option == "--name" and command != "init"):
        return f"{said}: give the path of your dataset's folder (--name names a bundled one)"
    kept = _without(parser, given, option)
    at = kept.index(command) + 1 if command in kept else len(kept)
    positional = _positionals(parser, kept[at:])
    if value not in positional:
        if positional and command != "fmt":  # (one dataset: which is meant is not known)
            return f"{said}: give one path, as its argument"
        kept.append(f"./{value}" if value.startswith("-") else value)
    return f"{said}: `{command_line(kept)}`"


def _without(parser: argparse.ArgumentParser, given: Sequence[str], option: str) -> list[str]:
    """``given`` without ``option`` (its alias, ``=VALUE`` or its value after it), before the
    command or after it."""
    names = ("--data", "--path") if option == "--data" else (option,)
    kept: list[str] = []
    skip = False
    for token in given:
        if skip:
            skip = False
            continue
        name, equals, _ = token.partition("=")
        if name in names:
            skip = not equals
            continue
        kept.append(token)
    return kept


def _positionals(parser: argparse.ArgumentParser, tokens: Sequence[str]) -> list[str]:
    """The arguments among ``tokens`` (a command's, after its name) that are no option nor
    an option's value."""
    found: list[str] = []
    tokens = list(tokens)
    while tokens:
        token = tokens.pop(0)
        if token == "--":
            return found + tokens
        if token.startswith("-") and len(token) > 1:
            action = parser._option_string_actions.get(token.split("=")[0])
            if action is not None and action.nargs != 0 and "=" not in token and tokens:
                tokens.pop(0)
            continue
        found.append(token)
    return found


class _InsteadError(Exception):
    """``--data`` or ``--name`` given to ``command`` (its ``parser``), which takes its path
    as its argument: :func:`_parse`, which has the command line, says what to give instead."""

    def __init__(
        self, parser: argparse.ArgumentParser, command: str, option: str, value: str | None
    ) -> None:
        super().__init__(command, option, value)
        self.parser, self.command, self.option, self.value = parser, command, option, value


class _ArgumentInstead(argparse.Action):
    """``--data`` or ``--name`` given after a command that takes its path as its argument: a
    usage error at once, before argparse can ask for the argument left out instead."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        option = "--name" if self.dest == "name" else "--data"
        command = parser.prog.rsplit(" ", 1)[-1]
        value = values if isinstance(values, str) else None
        raise _InsteadError(parser, command, option, value)


def _add_argument_instead(parser: argparse.ArgumentParser) -> None:
    """Hidden ``--data`` and ``--name`` that say what the command takes instead."""
    for options, dest in ((("--data", "--path"), "data"), (("--name",), "name")):
        parser.add_argument(
            *options, dest=dest, nargs="?", action=_ArgumentInstead, help=argparse.SUPPRESS
        )


if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsers = argparse._SubParsersAction


def _takes(parser: argparse.ArgumentParser, option: str) -> bool:
    """Whether the command ``parser`` parses takes ``option`` (a hidden one, which only says
    what to give instead, is not taken)."""
    return any(
        option in action.option_strings and action.help is not argparse.SUPPRESS
        for action in parser._actions
    )


class _Commands(_SubParsers):
    """The commands. ``--data`` or ``--name`` given before one that takes its path as its
    argument is a usage error at once, given its argument or not (``rightsdata --data ds2
    validate``), with the message the option gets after the command; so is ``--base`` before
    one that takes none (``init``)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        assert values is not None and not isinstance(values, str)
        command = values[0]
        sub = self._name_parser_map.get(command)
        if sub is not None:
            for option, dest in _BEFORE:
                given = getattr(namespace, f"{dest}_before", None)
                if given is None or _takes(sub, option):
                    continue
                if command in _TAKES and option != "--base":
                    raise _InsteadError(sub, command, option, given)
                sub.error(_takes_no(command, option))
        super().__call__(parser, namespace, values, option_string)


def _takes_no(command: str, option: str) -> str:
    """What an option of rightsdata's that ``command`` does not take is told, before the
    command or after it: the same, so that neither order sends the user to the other."""
    return f"rightsdata {command} takes no {option}"


def _command(
    commands: Any,
    name: str,
    summary: str,
    examples: Sequence[str],
    *,
    data: bool = True,
    json_output: bool = True,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=_paragraph(summary),
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
        formatter_class=_Formatter,
    )
    if data:
        _add_source_options(parser)
    else:
        _add_argument_instead(parser)
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _add_reading_commands(commands: Any) -> None:
    info = _command(
        commands,
        "info",
        "the dataset's version, record counts and how to cite it",
        ["rightsdata info", "rightsdata info --json"],
    )
    info.set_defaults(run=_cmd_info)

    cite = _command(
        commands,
        "cite",
        "how to cite the dataset: contributors, title, version, licence, sources",
        ["rightsdata cite", "rightsdata cite --data my-dataset/ --json"],
    )
    cite.set_defaults(run=_cmd_cite)

    search = _command(
        commands,
        "search",
        "find records by name (people, organisations, groups, places, laws) or by what is "
        "written about them (events' titles and summaries, statements' summaries and quotes, "
        "sources' titles and notes)",
        [
            "rightsdata search kozlov",
            "rightsdata search 'Жаңаөзен' --json",
            "rightsdata search kozlov --json-report",
        ],
    )
    search.add_argument(
        "text", nargs="+", help="a name, title or part of one (any case, accents or script)"
    )
    search.add_argument(
        "--limit", type=_positive_int, default=20, help="at most this many (default 20)"
    )
    search.add_argument(
        "--json-report",
        action="store_true",
        help="print one JSON object: the records listed, how many match in all (found), "
        "and stopped_at (the --limit that left some out, or null)",
    )
    search.set_defaults(run=_cmd_search)

    events = _command(
        commands,
        "events",
        "the events that meet every filter given, in date order",
        [
            "rightsdata events --kind verdict",
            "rightsdata events --place place:kazakhstan --between 2012/2013",
            "rightsdata events --involving person:vladimir-kozlov --role defendant",
            "rightsdata events --kind arrest,detention --between 2022-01 --json",
            "rightsdata events --between 2019-06 --certain",
        ],
    )
    events.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="an event kind, or several separated by commas (any of them); repeatable",
    )
    events.add_argument(
        "--between",
        metavar="WHEN",
        help="a date (2012: all of 2012) or START/END (2012-01/2012-06; '..' for open): "
        "events whose date may fall in it",
    )
    events.add_argument(
        "--certain",
        action="store_true",
        help="with --between (a side of it given): only the events whose date is certainly "
        "within it (every day it could be)",
    )
    events.add_argument(
        "--place",
        metavar="ID",
        help="at this place or a place within it (a country's ISO code, KZ, stands for it)",
    )
    events.add_argument(
        "--involving",
        metavar="ID",
        help="a person, organisation or group that took part or was charged",
    )
    events.add_argument("--role", help="with a participant in this role (with --involving: theirs)")
    events.set_defaults(run=_cmd_events)

    timeline = _command(
        commands,
        "timeline",
        "the events a person, organisation or group took part in, or those at a place or a "
        "place within it, in date order",
        [
            "rightsdata timeline person:vladimir-kozlov",
            "rightsdata timeline org:alga --json",
            "rightsdata timeline place:almaty",
        ],
    )
    timeline.add_argument(
        "actor",
        metavar="ID",
        help="a person, organisation, group or place id (a country's ISO code, KZ, stands for "
        "its place)",
    )
    timeline.set_defaults(run=_cmd_timeline)

    show = _command(
        commands,
        "show",
        "one record as a card: names, dates in words, sources",
        [
            "rightsdata show event:kozlov-verdict-2012-10-08",
            "rightsdata show law:kz-cc-1997-164 --json",
        ],
    )
    show.add_argument("id", help="any record id (redirects are followed)")
    show.add_argument(
        "--width",
        type=_any_int,
        help="columns to fit, 40 or more (default: the terminal's, at most 96); not with "
        "--json, which is not wrapped",
    )
    show.set_defaults(run=_cmd_show)


def _add_writing_commands(commands: Any) -> None:
    check = _command(
        commands,
        "validate",
        "check a dataset, or one kind's file, and list every problem",
        [
            "rightsdata validate my-dataset/",
            "rightsdata validate my-dataset/events.json",
            "rightsdata validate data.jsonl --json",
            "rightsdata validate my-dataset/ --json-report",
            "rightsdata validate big.json --max-bytes 4000000000 --schema",
            "rightsdata validate my-additions/ --base kazakhstan",
            "rightsdata validate my-dataset/ --strict",
            "rightsdata validate upload.jsonl --max-problems 1000",
        ],
        data=False,
    )
    check.description = _paragraph(
        "Check a dataset (a folder, a JSON document or JSON Lines) and list every problem. "
        "A file named for a kind (events.json) is checked as that kind alone: its records, "
        "and references among them; references to other kinds are counted, not checked."
    )
    check.add_argument(
        "path", help="a dataset folder, a kind's file, a JSON document or JSON Lines"
    )
    check.add_argument(
        "--schema", action="store_true", help="also check against the JSON Schemas (slower)"
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="also report data that is well-formed but questionable (an unassigned country "
        "code, a participant named twice)",
    )
    check.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=1 << 30,
        help="refuse larger files (default 1 GiB)",
    )
    check.add_argument(
        "--max-problems",
        type=_positive_int,
        metavar="N",
        help="stop once N problems are found, and list them (default: every problem); "
        "bounds the memory and time bad input takes",
    )
    check.add_argument(
        "--json-report",
        action="store_true",
        help="print one JSON object: the problems, the kinds not checked in full "
        "(references to them, and checks that need their records), and, with "
        "--max-problems, stopped_at (the N it stopped at, or null)",
    )
    _add_base_option(check)
    check.set_defaults(run=_cmd_validate)

    init = _command(
        commands,
        "init",
        INIT_SUMMARY,
        ["rightsdata init my-dataset", "rightsdata validate my-dataset"],
        data=False,
        json_output=False,
    )
    init.add_argument("directory", metavar="DIR", help=INIT_FOLDER)
    init.set_defaults(run=_cmd_init)

    fmt = _command(
        commands,
        "fmt",
        "rewrite dataset folders in canonical form",
        [
            "rightsdata fmt datasets/kazakhstan",
            "rightsdata fmt --check",
            "rightsdata fmt --upgrade my-dataset/",
        ],
        data=False,
        json_output=False,
    )
    fmt.description = _paragraph(
        "Rewrite each dataset folder canonically: records sorted by id, one "
        "formatting, datapackage.json listing its files (with their sizes and sha256 "
        "hashes where it records them, or with --hashes)."
    )
    fmt.add_argument(
        "paths",
        nargs="*",
        metavar="FOLDER",
        help="dataset folders (without: --check checks the bundled ones; rewriting needs one)",
    )
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if any differ")
    fmt.add_argument(
        "--upgrade",
        action="store_true",
        help=(
            "rewrite in the lowest format the data needs (format 1 folders to format 2; "
            "a folder whose dates include sets to format 3, whatever it declares)"
        ),
    )
    fmt.add_argument(
        "--hashes",
        action=_EitherFlag,
        default=None,
        help=(
            "give each file datapackage.json lists (the dataset's, and any other such as a "
            "README) its size and sha256 hash there, so that a load refuses a file changed "
            "since (for a published dataset); the dataset's own files are measured where "
            "their links lead, and each other file only if it is a regular file inside the "
            "folder, not a symbolic link (nor reached through one), as a load measures it "
            "(fmt removes a size or hash a link's entry gives, and keeps a missing file's, "
            "which may come back); --no-hashes removes them from every entry (one or the "
            "other, not both); without either, a folder keeps what it has, but for a link's"
        ),
    )
    _add_base_option(
        fmt,
        "for folders that build on another: ",
        "they are validated over it, and only their own records written",
    )
    fmt.set_defaults(run=_cmd_fmt)

    out = _command(
        commands,
        "export",
        f"write the dataset as {one_of(list(FORMATS))}",
        [
            "rightsdata export --format datapackage out/",
            "rightsdata export --format csv --data my-dataset/ tables/",
            "rightsdata export --format jsonl - | head -3",
            "rightsdata export --format parquet out/ --force   # needs rightsdata[arrow]",
        ],
        json_output=False,
    )
    out.description = (
        textwrap.fill(
            "Write the dataset into DIRECTORY ('-': standard output, for --format "
            f"{one_of(ONE_STREAM)}).",
            80,
        )
        + "\nFormats:\n"
        + "\n".join(
            "\n".join(
                textwrap.wrap(
                    meaning, 80, initial_indent=f"  {name:<12} ", subsequent_indent=" " * 15
                )
            )
            for name, meaning in FORMATS.items()
        )
    )
    out.add_argument(
        "directory", metavar="DIRECTORY", help="where to write (created if missing), or -"
    )
    out.add_argument(
        "--format",
        choices=list(FORMATS),
        default=_Default("json"),
        help="what to write (default: json)",
    )
    out.add_argument(
        "--force",
        action="store_true",
        help=(
            "write into a directory that is not empty (replacing or removing only the "
            "files an earlier export wrote there, unchanged since); not with -, which "
            "needs none"
        ),
    )
    out.set_defaults(run=_cmd_export)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    from rightsdata._version import __version__

    parser = _Parser(
        prog="rightsdata",
        description="Typed, cited human-rights documentation data: look it up, validate it,\n"
        "export it.",
        epilog="examples:\n  rightsdata timeline person:vladimir-kozlov\n"
        "  rightsdata events --kind verdict\n  rightsdata search zhanaozen\n"
        "  rightsdata show event:kozlov-verdict-2012-10-08\n"
        "  rightsdata init my-dataset && rightsdata validate my-dataset\n\n"
        "exit codes: 0 fine, 1 invalid data, 2 usage, 3 output not written",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"rightsdata {__version__}")
    # --data, --name and --base before the command too (``rightsdata --data ds1 timeline``); kept
    # apart from the command's own (a subparser's default would overwrite them): _before()
    parser.add_argument(
        "--name", dest="name_before", metavar="NAME", help="a bundled dataset, for any command"
    )
    parser.add_argument(
        "--data",
        "--path",
        dest="data_before",
        metavar="PATH",
        help="your own dataset, for any command that reads one (or give it after the command)",
    )
    parser.add_argument(
        "--base",
        dest="base_before",
        metavar="NAME_OR_PATH",
        help="the dataset yours builds on, for any command that takes --base",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser, action=_Commands
    )
    _add_reading_commands(commands)
    _add_writing_commands(commands)
    return parser


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse; an unknown option is reported with a hint, by the command's parser if given
    after the command, else by the top-level one (with or without a command after it:
    argparse would say only that the command is missing)."""
    import sys

    given = list(sys.argv[1:] if argv is None else argv)
    keep_typed(given)  # (an error names the values as given: each kept whole when wrapped)
    before = _unknown_before_command(parser, given)
    if before:
        command = _command_in(parser, given)
        hint = _hint_before(before[0].split("=")[0], parser, command)
        parser.error(f"unrecognized arguments: {' '.join(before)}" + (f"; {hint}" if hint else ""))
    try:
        args, extras = parser.parse_known_args(given)
    except _InsteadError as instead:
        said = _argument_instead(
            instead.parser, instead.command, instead.option, instead.value, given
        )
        instead.parser.error(said)
    forget(args)
    if extras:
        sub = _subparser(parser, args.command)
        options = _options(sub)
        from rightsdata._cli.windowhint import window_hint  # (only when wrong)

        window = window_hint(extras, given, args.command, options)
        hints = [window] if window else []
        hints += [_hint(e.split("=")[0], options, parser, args.command) for e in extras]
        hints = [h for h in hints if h]
        sub.error(
            f"unrecognized arguments: {' '.join(extras)}" + (f"; {hints[0]}" if hints else "")
        )
    return args


def _resolve(option: str, parser: argparse.ArgumentParser) -> argparse.Action | None:
    """The action of ``parser`` that ``option`` names (in full: no parser takes a prefix of
    an option, :class:`_Parser`); None if none."""
    actions = {o: a for a in parser._actions for o in a.option_strings}
    return actions.get(option)


def _unknown_before_command(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """The options given before the command (or with none) that the top-level parser does
    not know."""
    unknown: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--" or not word.startswith("-") or word == "-":
            break
        name, equals, _ = word.partition("=")
        action = _resolve(name, parser)
        if action is None:
            unknown.append(word)
        elif action.nargs != 0 and not equals:
            i += 1  # (its value)
        i += 1
    return unknown


def _command_in(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """The command ``argv`` names (its first word that is a command), if any."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return next((word for word in argv if word in action.choices), None)
    return None


def _near(option: str, options: Collection[str]) -> list[str]:
    """The one of ``options`` spelled most like ``option`` (if any is close), compared
    without their dashes: the ``--`` every long option shares made ``--verison`` as like
    ``--json`` as ``--version``.

    >>> _near("--verison", ["--json", "--version"]), _near("--widht", ["--kind"])
    (['--version'], [])
    """
    bare = {o.lstrip("-"): o for o in options}
    return [bare[b] for b in close(option.lstrip("-"), bare, n=1)]


def _hint_before(option: str, parser: argparse.ArgumentParser, command: str | None) -> str:
    """For an option given before the command that rightsdata itself does not take: an
    option of the command's (to give after it), else one of rightsdata's spelled like it."""
    own = _options(parser)
    if command is None:
        return did_you_mean(_near(option, own))
    theirs = [o for o in _options(_subparser(parser, command)) if o not in own]
    if option in theirs:
        return f"{option} is an option of rightsdata {command}: give it after the command"
    near = _near(option, [*own, *theirs])
    if near and near[0] in theirs:
        return f"did you mean {near[0]!r}, after the command (rightsdata {command} {near[0]})?"
    return did_you_mean(near)


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """The options a parser shows in its help."""
    return [
        o
        for action in parser._actions
        if action.help is not argparse.SUPPRESS
        for o in action.option_strings
    ]


def _hint(option: str, options: list[str], parser: argparse.ArgumentParser, command: str) -> str:
    """An option the command does not have: rightsdata's own (``info --version``), the
    commands that have it (``events --width``: show's), else the command's option it is
    spelled like, else rightsdata's own (``info --verison``: ``--version``, before the
    command) or the other commands' (``timeline --limt``: search's ``--limit``)."""
    if option.startswith("-") and option in _options(parser) and option not in options:
        # --data, --name and --base before the command are the command's (_before): one that
        # takes none refuses them there too
        action = _resolve(option, parser)
        if action is not None and action.dest.endswith("_before"):
            return _takes_no(command, option)
        return f"{option} is an option of rightsdata itself: give it before the command"
    instead = [  # (--data and --name, hidden where the command takes a path instead)
        o
        for action in _subparser(parser, command)._actions
        if isinstance(action, _ArgumentInstead)
        for o in action.option_strings
    ]
    near_instead = _near(option, [*options, *instead]) if option.startswith("--") else []
    if near_instead and near_instead[0] in instead:
        what, _ = _TAKES[command]
        spelled = f"{option} is spelled like {near_instead[0]}"
        return f"{spelled}, which {command} does not take: it takes {what}"
    others = {
        name: _options(sub)
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
        if name != command
    }
    elsewhere = [name for name, theirs in others.items() if option in theirs]
    if option.startswith("--") and elsewhere:
        return f"{option} is an option of {all_of(f'rightsdata {n}' for n in elsewhere)}"
    # (an option the command hides, as validate's --data, is never offered as another's)
    hidden = {o for action in _subparser(parser, command)._actions for o in action.option_strings}
    own = [  # (rightsdata's own: --version; not --data and the like, the command's too)
        o
        for action in parser._actions
        if action.help is not argparse.SUPPRESS and not action.dest.endswith("_before")
        for o in action.option_strings
        if o not in options
    ]
    pool = {*options, *own, *(o for t in others.values() for o in t if o not in hidden)}
    near = _near(option, pool)
    if not near or near[0] in options or not option.startswith("--"):
        return did_you_mean(_near(option, options))
    if near[0] in own:
        itself = "It is an option of rightsdata itself: give it before the command"
        return f"did you mean {near[0]!r}? {itself}"
    having = [name for name, theirs in others.items() if near[0] in theirs]
    return f"{near[0]!r} is an option of rightsdata {', '.join(having)}, not of {command}"


#: The options that may come before the command: (option, dest).
_BEFORE: Final = (("--data", "data"), ("--name", "name"), ("--base", "base"))


class _EitherFlag(argparse.BooleanOptionalAction):
    """``--x`` or ``--no-x``: given both (``--hashes --no-hashes``), the command line is a
    usage error, as ``--data`` with ``--name`` is, rather than the last one winning unseen."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        given = getattr(namespace, self.dest, None)
        super().__call__(parser, namespace, values, option_string)
        if given is not None and given != getattr(namespace, self.dest):
            raise argparse.ArgumentError(self, "give one of them, not both")


def _before(args: argparse.Namespace) -> None:
    """Take ``--data``, ``--name`` and ``--base`` given before the command as if given after
    it (the commands that do not take one refuse it as they are parsed: :class:`_Commands`). The
    option given on both sides with two values, or ``--data`` with ``--name``, is a usage
    error: one of them would be ignored."""
    for option, dest in _BEFORE:
        given = getattr(args, f"{dest}_before", None)
        if given is None or not hasattr(args, dest):
            continue
        after = getattr(args, dest)
        if after is not None and not isinstance(after, _Default) and after != given:
            raise UsageError(
                f"{option} is given twice ({given!r} before the command, "
                f"{getattr(args, dest)!r} after it); give it once"
            )
        setattr(args, dest, given)
    data, name = getattr(args, "data", None), getattr(args, "name", None)
    if data is not None and name is not None and not isinstance(name, _Default):
        raise UsageError(
            f"`--data {shell_path(data)}` and `--name {shell_word(name)}` both say which dataset "
            "to use; give one: --data for your own, --name for a bundled one"
        )
