"""What the commands print, shared among them: JSON, counted nouns, records' names, errors
on stderr, and the problems found in data (with their hints, or as JSON)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from rightsdata._cli.suggest import EDTF_EXAMPLES
from rightsdata._values.errors import (
    InvalidDataError,
    Problem,
    ProblemCode,
    RightsdataError,
    one_line,
    printable_path,
    unchecked_note,
)

if TYPE_CHECKING:
    import argparse

    from rightsdata._data.dataset import Dataset

__all__: list[str] = []


def _print_json(value: Any) -> None:
    # One indented document, read whole (not JSON Lines): characters stay raw, as in the
    # canonical files (rightsdata._data.canonical.dumps says why), where standard output's
    # encoding holds them all; else written as their escapes, the same JSON, never text an
    # encoding error cut short (rightsdata._cli.streams).
    from rightsdata._cli.streams import holds_any_text

    raw = holds_any_text(sys.stdout)
    print(json.dumps(value, ensure_ascii=not raw, indent=2))


#: What the running command has done that lasts (``wrote 28 files (csv) to out``): said,
#: where its output could not be written, so that no one takes the work for undone
#: (:func:`rightsdata._cli.main._unwritten`). Emptied as each run starts.
_DONE: list[str] = []


def did(said: str) -> None:
    """Record that the running command did what ``said`` says (its files are written),
    before it prints that it did."""
    _DONE.append(said)


def _plural(n: int, noun: str) -> str:
    """``1 event``, ``2 events``, ``0 events``."""
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def _name(dataset: Dataset, record_id: str) -> str:
    """A record's name or title (a law's label), looked up in ``dataset``; else its ID; on
    one line, with any control or misleading invisible character shown as its escape
    (:func:`one_line`): it is shown within a line (a heading, a list, a message)."""
    from rightsdata._display.cards import _Names

    return one_line(_Names(dataset).label(record_id) or record_id)


def _problem_json(
    problem: Problem,
    base: str | None = None,
    bundled: str | None = None,
    redirects_to: str | None = None,
) -> dict[str, str | int | None]:
    """A problem for ``--json``: :meth:`~rightsdata.Problem._asdict`, its location, message
    and code, the location's parts (null where they do not apply: every part but the file it
    concerns, for a problem in no record), ``missing_id`` and ``redirects_to``; a problem of
    the dataset ``--base`` names also has ``base``, the base as given, in which its location
    is (a program tells it from its data's own by that key); a reference to no record that
    names a record of a bundled dataset has ``bundled``, that dataset's name
    (:func:`problems_json`: what the text's note says, :func:`base_note`), and where the
    problem does not say the ID that replaces a retired one (no base was given: the library
    knew none), ``redirects_to`` is the bundled dataset's."""
    shown = problem._asdict()
    if base is not None:
        shown["base"] = base
    if bundled is not None:
        shown["bundled"] = bundled
    if redirects_to is not None and shown["redirects_to"] is None:
        shown["redirects_to"] = redirects_to
    return shown


def problems_json(
    problems: Sequence[Problem],
    base: str | None = None,
    *,
    noted: bool = False,
    over: str | None = None,
) -> list[dict[str, str | int | None]]:
    """``problems`` for ``--json`` (:func:`_problem_json`), each of a base marked with
    ``base``; ``noted``: where the text ends with :func:`base_note` (no ``--base`` was
    given), the references it counts are marked with ``bundled``, the bundled dataset that
    has the records they name, so that the JSON says what the note does; ``over``: the
    bundled dataset ``--base`` named, whose retired IDs the references to are marked so
    too. A reference to a retired ID has ``redirects_to`` (the problem's own, where the load
    over the base knew it; the bundled dataset's, where no base was given), so that a
    program can rewrite it."""
    if noted:
        name, at = bundled_references(problems)
    elif over is not None:
        name, at = over, retired_references(problems, over)
    else:
        name, at = "", {}
    return [
        _problem_json(problem, base, name if i in at else None, at.get(i))
        for i, problem in enumerate(problems)
    ]


def refused_json(error: InvalidDataError, args: argparse.Namespace) -> object:
    """What standard output holds when a command given ``--json`` (or ``validate
    --json-report``) is refused for the problems of its data or of its base (exit code 1):
    ``validate --json``'s list of problems, else the object ``validate --json-report``
    prints (:func:`report_json`: ``problems``, ``unchecked``, where ``--max-problems`` was
    given ``stopped_at``, and the base, :func:`~rightsdata._cli.arguments.base_json`: its
    ``base_name`` and ``base_version`` null where the base itself was refused). A base's
    problems carry ``base`` (:func:`_problem_json`); its data was not read, so ``unchecked``
    names every kind (fixing the base may reveal more)."""
    from rightsdata._cli.arguments import BaseRefusedError, bundled_base
    from rightsdata._model.records import KINDS

    base = error.base if isinstance(error, BaseRefusedError) else None
    noted = base is None and hasattr(args, "base") and args.base is None  # (as main notes it)
    over = bundled_base(getattr(args, "base", None)) if base is None else None
    problems = problems_json(error.problems, base, noted=noted, over=over)
    unchecked = list(KINDS) if base is not None else [k for k in KINDS if k in error.unchecked]
    return report_json(problems, args, unchecked, stopped_at=error.stopped_at)


def failed_json(error: RightsdataError, args: argparse.Namespace) -> object:
    """What standard output holds when a command given ``--json`` (or ``--json-report``) is
    ended by an error that is no problem its data's load found (exit code 1; the error said
    on standard error, as without ``--json``): :func:`report_json`'s list or object, the
    error its one problem, and every kind ``unchecked`` (the data was not checked in full).

    A base that does not meet the version ``--base NAME@VERSION`` requires
    (:class:`~rightsdata.DatasetVersionError`) is a problem of the base, of code
    ``version``, at its ``datapackage.json.version``, marked with ``base`` as a refused
    base's problems are; ``base_name`` and ``base_version`` are the base's name and the
    version found (the base was read: its version is what fails). Any other error is a
    problem of the data as given (its path, or the bundled dataset's name), of the error's
    code where it has one (:class:`~rightsdata.FieldError`), else ``value``."""
    from rightsdata._cli.arguments import bundled_base
    from rightsdata._model.records import KINDS
    from rightsdata._values.errors import DatasetVersionError, FieldError, printable

    given: str | None = getattr(args, "base", None)
    if (
        isinstance(error, DatasetVersionError)
        and given is not None
        and bundled_base(given) == error.name
    ):
        problem = Problem(
            "datapackage.json.version", str(error), ProblemCode.VERSION, file="datapackage.json"
        )
        import rightsdata

        named = rightsdata.load(error.name).name  # (the base's own name, as base_json says it)
        over = {"base": printable(given), "base_name": named, "base_version": error.found}
        return report_json(problems_json([problem], over["base"]), args, list(KINDS), base=over)
    code = error.code if isinstance(error, FieldError) else ProblemCode.VALUE
    named = getattr(args, "path", None) or getattr(args, "data", None) or args.name
    problem = Problem(printable(str(named)), str(error), code)
    return report_json(problems_json([problem]), args, list(KINDS))


def report_json(
    problems: list[dict[str, str | int | None]],
    args: argparse.Namespace,
    unchecked: Sequence[str],
    *,
    stopped_at: int | None = None,
    base: dict[str, str | None] | None = None,
) -> object:
    """The JSON of a command refused (exit code 1), given its ``problems``
    (:func:`problems_json`): ``validate --json``'s list of them, else the object
    ``validate --json-report`` prints, which the other commands print too: ``problems``,
    ``unchecked`` (the kinds not checked in full, in the order of the kinds), where
    ``--max-problems`` was given ``stopped_at``, and ``base``, ``base_name`` and
    ``base_version`` (``base``; else :func:`~rightsdata._cli.arguments.base_json`'s)."""
    from rightsdata._cli.arguments import base_json

    if args.command == "validate" and not args.json_report:
        return problems
    report: dict[str, object] = {"problems": problems, "unchecked": list(unchecked)}
    if getattr(args, "max_problems", None) is not None:  # (validate's: where it was given)
        report["stopped_at"] = stopped_at
    return {**report, **(base_json(args) if base is None else base)}


def wants_json(args: argparse.Namespace) -> bool:
    """Whether the command line asked for JSON on standard output (``--json``, or
    ``validate --json-report``)."""
    return bool(getattr(args, "json", False) or getattr(args, "json_report", False))


def _problem_text(problem: Problem) -> str:
    """A problem's message, with examples of dates (a 'did you mean' is the loader's own: an
    unknown field's or term's, and a reference's to no record)."""
    message = problem.message
    if "is not an EDTF date" in message:
        return f"{message} ({EDTF_EXAMPLES})"
    return message


def _print_problems(
    problems: Sequence[Problem],
    path: str,
    file: TextIO | None = None,
    unchecked: Sequence[str] = (),
    stopped: str | None = None,
) -> None:
    """Every problem, wrapped to the terminal, with its hint; then, if references to some
    kinds were not checked (:attr:`~rightsdata.InvalidDataError.unchecked`), which. The
    path, and the files the problems name, are never split across lines, and are shown as
    the command line shows a path it names (:func:`printable_path`): a tab or line break
    they hold as its escape, never as a space that names another path. ``stopped``: what to
    say, in brackets after the heading, of a check that stopped at ``--max-problems``."""
    from rightsdata.textcard import terminal_width, wrap

    width = terminal_width()
    # (each once: a problem each may name the same file, and a message is rewritten only
    # for the paths whose escapes it needs, almost always none: 40,000 problems of one file
    # took 18 s to print when each message was matched against every problem's file)
    named = list(dict.fromkeys([*_paths([path]), *_GIVEN, *(p.file for p in problems if p.file)]))
    keep = {*named, *map(printable_path, named)}
    escaped = [name for name in named if printable_path(name) != name]
    said = "" if stopped is None else f" ({stopped})"
    heading = f"{_plural(len(problems), 'problem')} in {printable_path(path)}{said}:"
    print("\n".join(wrap(heading, width, "", "  ", whole=True, keep=keep)), file=file)
    for problem in problems:
        message = _problem_text(problem)
        if escaped:
            message = paths_escaped(message, escaped)
        text = f"{printable_path(problem.location)}: {message}"
        print("\n".join(wrap(text, width, "  ", "      ", whole=True, keep=keep)), file=file)
    if unchecked:
        print("\n".join(wrap(unchecked_note(unchecked), width, "", "  ", whole=True)), file=file)


def stopped_flag(stopped: int, what: str = "the data") -> str:
    """What a command says of a check of ``what`` that stopped at ``--max-problems``.

    >>> stopped_flag(10, "the base")
    'stopped at --max-problems 10; the base may have more'
    """
    return f"stopped at --max-problems {stopped}; {what} may have more"


def base_note(problems: Sequence[Problem], given: Sequence[str]) -> str:
    """If references to no record name records of a bundled dataset, a note (wrapped to the
    terminal) that ``--base`` checks the data against it: the command line ``given`` (its
    arguments: ``["validate", "my-data", "--schema"]``) with ``--base NAME`` put first,
    where every command that takes it takes it (and no ``--`` can make it an argument).
    Empty otherwise.
    """
    from rightsdata._values.shell import command_line
    from rightsdata.textcard import terminal_width, wrap

    name, at = bundled_references(problems)
    if not at:
        return ""
    found = len(at)  # (one for each reference, a problem, though several name the same ID)
    named = (
        "one of these references names a record"
        if found == 1
        else f"{found:,} of these references name records"
    )
    command = command_line(["--base", name, *given])
    text = (
        f"note: {named} of the bundled dataset {name}; if your data builds on it, "
        f"give it as the base: `{command}`"
    )
    return "\n".join(wrap(text, terminal_width(), "", "  ", whole=True, keep=_GIVEN))


def _references(problems: Sequence[Problem]) -> dict[int, str]:
    """The IDs that references to no record (:attr:`~rightsdata.Problem.missing_id`) among
    ``problems`` name, by their positions in ``problems``."""
    return {
        i: p.missing_id
        for i, p in enumerate(problems)
        if p.code == ProblemCode.INTEGRITY and p.missing_id is not None
    }


def bundled_references(problems: Sequence[Problem]) -> tuple[str, dict[int, str | None]]:
    """The first bundled dataset that has records that references to no record
    (:attr:`~rightsdata.Problem.missing_id`) among ``problems`` name, current or retired
    (a redirect of it), and the positions of those references in ``problems``, each with
    the ID a retired one redirects to (None for a current one); ``("", {})`` where none has
    any. What :func:`base_note` tells, and ``--json`` marks (:func:`problems_json`)."""
    import rightsdata

    targets = _references(problems)
    if not targets:
        return "", {}
    for name in rightsdata.datasets():
        bundled = rightsdata.load(name)
        at = {  # (a retired ID: the record its redirects lead to, as the library's problems say)
            i: bundled.get(target).id if target in bundled.redirects else None
            for i, target in targets.items()
            if target in bundled or target in bundled.redirects
        }
        if at:
            return name, at
    return "", {}


def retired_references(problems: Sequence[Problem], name: str) -> dict[int, str | None]:
    """The positions in ``problems`` of the references to no record that name a retired ID
    of the bundled dataset ``name`` (the base, which has no record of it), each with the ID
    it redirects to, as the load over the base gave it
    (:attr:`~rightsdata.Problem.redirects_to`)."""
    import rightsdata

    redirects = rightsdata.load(name).redirects
    return {i: problems[i].redirects_to for i, t in _references(problems).items() if t in redirects}


def redirected(asked: str, found: str) -> None:
    """Where the ID given (``asked``) is a retired one that redirects to the record ``found``
    (``ds.redirects``), say so on stderr: the record shown or used is not the one named."""
    if found != asked:
        from rightsdata._display.words import redirect_note

        _print_error(f"note: {redirect_note(asked, found)}")


def _print_error(message: str, keep: Iterable[str] = ()) -> None:
    """A message on stderr, wrapped to the terminal: a word, a command in backticks, each of
    ``keep`` and each path the command line was given and its folders (:func:`keep_given`)
    never cut nor split across lines."""
    _print_message(message, keep, sys.stderr)


def _print_message(message: str, keep: Iterable[str] = (), file: TextIO | None = None) -> None:
    """A message (on stdout, or ``file``) as :func:`_print_error` prints one: wrapped, a
    path and a command kept whole, a character that could mislead shown as its escape
    (:func:`~rightsdata._values.errors.printable`); on stdout, a note that is part of the
    output (``search``'s ``and 29 more ...``)."""
    from rightsdata.textcard import terminal_width, wrap

    named = {*keep, *_GIVEN}
    message = paths_escaped(message, named)
    kept = {*named, *map(printable_path, named)}
    lines = wrap(message, terminal_width(), "", "  ", whole=True, keep=kept)
    print("\n".join(lines), file=file)


def paths_escaped(message: str, paths: Iterable[str]) -> str:
    """``message`` with each of ``paths`` it names shown as :func:`printable_path` shows a
    path: a tab or line break it holds as its escape. A message is wrapped as one paragraph,
    its white space made spaces, so that ``cannot write into my<TAB>data`` read ``my data``,
    another path; the path given is shown as the problems' heading shows it.

    >>> paths_escaped("no such folder: a\\tb/x.json", ["a\\tb", "c"])
    'no such folder: a\\\\tb/x.json'
    """
    for path in sorted(set(paths), key=len, reverse=True):  # (a file before its folder)
        shown = printable_path(path)
        if shown != path and path in message:
            message = message.replace(path, shown)
    return message


#: The paths the running command line was given, and the folders that hold them: every
#: message the command line prints keeps each on one line (:func:`keep_given`).
_GIVEN: list[str] = []


def keep_given(args: argparse.Namespace) -> None:
    """Keep the paths ``args`` give (:func:`given_paths`), and the folders each is in (a
    message names the folder of a file given: "load the folder that holds it (my data)"),
    whole in every message printed from now on: a note, a problem, an error."""
    from pathlib import Path

    given = given_paths(args)
    folders = {str(folder) for p in given for folder in Path(p).parents}
    _GIVEN[:] = [*given, *sorted(folders - {".", "/"})]


def keep_typed(tokens: Sequence[str]) -> None:
    """Keep each of the words of a command line (``tokens``, as typed: ``my data``, or
    ``--data=my data`` and its value), whole in the messages printed while it is parsed (a
    value given twice, an unknown option), until :func:`keep_given` keeps its paths."""
    values = [token.partition("=")[2] if token.startswith("-") else "" for token in tokens]
    _GIVEN[:] = [word for word in (*tokens, *values) if word.strip()]


def given_paths(args: argparse.Namespace) -> list[str]:
    """The paths the command line was given (its path arguments, ``--data``, ``--base``, the
    directory ``export`` writes), for a message to keep each on one line (:func:`wrap`'s
    ``keep``), as typed and as a message names them (``./my data/``: ``my data``)."""
    given = [getattr(args, name, None) for name in ("path", "data", "base", "directory")]
    return _paths([*given, *(getattr(args, "paths", None) or ())])


def _paths(given: Iterable[object]) -> list[str]:
    from pathlib import Path

    paths = [p for p in given if isinstance(p, str) and p.strip()]
    return [*paths, *(str(Path(p)) for p in paths)]
