"""The ``rightsdata`` command line (also ``python -m rightsdata``).

Exit codes, for scripts: 0 fine; 1 invalid data (or files not canonical with ``fmt --check``);
2 usage (a bad option, an unknown command or ID, a missing file or folder; ``export`` into a
directory that is not empty without ``--force``, or in a format whose optional extra is not
installed; ``init`` into a folder that is not empty).

Text output fits the terminal (:func:`rightsdata.textcard.terminal_width`); ``--json`` prints
data instead. Commands are documented, with examples that the tests run, in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from rightsdata._cli.suggest import (
    EDTF_EXAMPLES,
    close,
    did_you_mean,
    field_hint,
    id_suggestions,
    ids_in,
    reference_hint,
    term_hint,
)
from rightsdata._tables.export import FORMATS
from rightsdata._values.errors import (
    InvalidDataError,
    Problem,
    ProblemCode,
    RightsdataError,
    UnknownIdError,
    printable,
)
from rightsdata._values.extras import MissingExtraError
from rightsdata._values.spelling import DID_YOU_MEAN

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset
    from rightsdata._model.records import Record

__all__ = ["build_parser", "main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

#: The bundled dataset the commands use without --name or --data.
_DEFAULT_NAME: Final = "kazakhstan"


class _Default(str):
    """An option's default value, told apart from the same value given (``--name
    kazakhstan``) by its type."""

    __slots__ = ()


class UsageError(RightsdataError):
    """A command line that cannot be run as given (exit code 2); the message says why."""


def _path(text: str, option: str = "") -> Path:
    """The path given (to ``option``, if it is one); an empty one is a usage error
    (``Path("")`` is the current folder, which ``--data "$UNSET"`` or ``fmt ""`` never
    means)."""
    if not text:
        raise UsageError(
            f"{option + ': ' if option else ''}the path is empty; give a file or folder"
        )
    return Path(text)


def _positive_int(text: str) -> int:
    """An option's value that must be a whole number above 0 (argparse reports the error)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return value


def _dataset(args: argparse.Namespace) -> Dataset:
    """The dataset a command works on: ``--data PATH`` if given, else the bundled one.

    It is kept on ``args`` so that an unknown ID's hint can name IDs from it."""
    import rightsdata

    path = getattr(args, "data", None)
    if path is not None:
        if not _path(path, "--data").exists():
            raise UsageError(f"{path}: no such file or folder (--data)")
        dataset = rightsdata.load_path(path)
    else:
        bundled = rightsdata.datasets()
        if args.name not in bundled:  # load()'s message names load_path(), not --data
            raise UsageError(
                f"--name {args.name!r}: no bundled dataset has this name; bundled: "
                f"{', '.join(bundled) or 'none'}; for your own data: --data PATH"
            )
        dataset = rightsdata.load(args.name)
    args.dataset = dataset
    return dataset


def _source_options(args: argparse.Namespace) -> str:
    """The options that name the dataset in use (`` --data PATH``, or `` --name NAME`` of a
    bundled one other than the default), for a command the output suggests."""
    import shlex

    if args.data is not None:
        return f" --data {shlex.quote(args.data)}"
    return f" --name {shlex.quote(args.name)}" if args.name != _DEFAULT_NAME else ""


def _print_json(value: Any) -> None:
    # One indented document, read whole (not JSON Lines): characters stay raw, as in the
    # canonical files (rightsdata._data.canonical.dumps says why).
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _plural(n: int, noun: str) -> str:
    """``1 event``, ``2 events``, ``0 events``."""
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def _name(dataset: Dataset, record_id: str) -> str:
    """A record's name or title (a law's label), looked up in ``dataset``; else its ID; with
    any control character shown as its escape (:func:`printable`)."""
    from rightsdata._display.cards import _Names

    return printable(_Names(dataset).label(record_id) or record_id)


# --- info and cite ---------------------------------------------------------------------------


def _cmd_info(args: argparse.Namespace) -> int:
    import rightsdata

    dataset = _dataset(args)
    counts = dataset.counts()
    if args.json:
        _print_json(
            {
                "name": dataset.name,
                "version": dataset.version,
                "rightsdata": rightsdata.__version__,
                "counts": counts,
                "citation": dataset.citation,
            }
        )
        return EXIT_OK
    print(
        f"{dataset.name or 'dataset'} {dataset.version or '(no version)'} "
        f"(rightsdata {rightsdata.__version__}): {_plural(len(dataset), 'record')}"
    )
    for kind, count in counts.items():
        print(f"  {kind:<14} {count:>7,}")
    print(f"cite it as: rightsdata cite{_source_options(args)}")
    return EXIT_OK


def _cmd_cite(args: argparse.Namespace) -> int:
    from rightsdata._data.citation import citation_fields
    from rightsdata._version import __version__
    from rightsdata.textcard import terminal_width, wrap

    dataset = _dataset(args)
    if args.json:
        _print_json({**citation_fields(dataset.descriptor), "text": dataset.citation})
        return EXIT_OK
    print("\n".join(wrap(dataset.citation, terminal_width())))
    print()
    software = (
        f"The software: rightsdata developers, rightsdata {__version__} (MIT licence); "
        "CITATION.cff in its repository."
    )
    print("\n".join(wrap(software, terminal_width())))
    return EXIT_OK


# --- finding records -------------------------------------------------------------------------


def _title_matches(dataset: Dataset, text: str) -> list[Record]:
    """Events, statements and sources whose title (a statement's summary) matches ``text``,
    ranked as names are (:func:`rightsdata._data.search.rank`).

    Dataset.search covers names only; once it indexes titles as well, this goes, and
    :func:`_found` is Dataset.search alone (records it returns are not repeated meanwhile)."""
    from rightsdata._data.search import SearchEntry, rank
    from rightsdata._model.records import KINDS

    entries = [
        SearchEntry.of(r.id, KINDS.index(kind), title, False)
        for kind, attribute in (
            ("events", "title"),
            ("statements", "summary"),
            ("sources", "title"),
        )
        for r in dataset.collection(kind)
        if (title := getattr(r, attribute))
    ]
    return [dataset.get(i) for i in rank(text, entries)]


def _found(dataset: Dataset, text: str, limit: int) -> list[Record]:
    """Names (and aliases) first, as :meth:`Dataset.search` ranks them, then titles."""
    found = list(dataset.search(text, limit=None))
    seen = {r.id for r in found}
    found += [r for r in _title_matches(dataset, text) if r.id not in seen]
    return found[:limit]


def _searched(dataset: Dataset) -> str:
    """What a search looked through, for the message when nothing matched."""
    counts = dataset.counts()
    names = sum(counts[k] for k in ("persons", "organizations", "groups", "places", "laws"))
    titles = sum(counts[k] for k in ("events", "statements", "sources"))
    return (
        f"searched the names and aliases of {names:,} persons, organisations, groups, places "
        f"and laws "
        f"and the titles of {titles:,} events, statements and sources "
        f"in {dataset.name or 'the dataset'}"
    )


def _record_lines(dataset: Dataset, records: Sequence[Record], width: int) -> list[str]:
    """Records as a list: a kind column, the name or title, and the ID on the next line."""
    from rightsdata._display.words import pad, short_date, truncate
    from rightsdata._model.records import Event
    from rightsdata._values.columns import display_width

    kinds = [type(r).__name__.lower() for r in records]
    column = max(map(display_width, kinds), default=0) + 2
    lines = []
    for record, kind in zip(records, kinds, strict=True):
        label = _name(dataset, record.id)
        if isinstance(record, Event) and record.date is not None:
            label = f"{label} ({short_date(record.date)})"
        lines.append(pad(kind, column) + truncate(label, width - column))
        lines.append(" " * max(min(column, width - display_width(record.id)), 0) + record.id)
    return lines


def _cmd_search(args: argparse.Namespace) -> int:
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import terminal_width

    dataset = _dataset(args)
    text = " ".join(args.text)
    try:
        found = _found(dataset, text, args.limit)
    except ValueError as error:  # no letters or digits
        raise UsageError(f"nothing to search for: {error}") from None
    if args.json:
        _print_json([unstructure(r) for r in found])
        return EXIT_OK
    if not found:
        _print_error(f"nothing matches {text!r}: {_searched(dataset)}")
        return EXIT_OK
    print("\n".join(_record_lines(dataset, found, terminal_width())))
    return EXIT_OK


def _terms(values: Sequence[str], vocabulary: type[StrEnum], option: str, noun: str) -> list[str]:
    """Each value (comma-separated lists allowed) checked against a vocabulary."""
    allowed = [str(m.value) for m in vocabulary]
    terms = [t.strip() for value in values for t in value.split(",") if t.strip()]
    if not terms:
        given = ", ".join(repr(v) for v in values)
        raise UsageError(
            f"{option} {given} names no {noun.split(' ', 1)[1]}; "
            f"the {noun.split(' ', 1)[1]}s are: {', '.join(allowed)}"
        )
    for value in terms:
        if value not in allowed:
            hint = did_you_mean(close(value, allowed, n=2))
            raise UsageError(
                f"{option} {value!r} is not {noun}; {hint + ' ' if hint else ''}"
                f"the {noun.split(' ', 1)[1]}s are: {', '.join(allowed)}"
            )
    return terms


def _record_of(
    args: argparse.Namespace,
    dataset: Dataset,
    record_id: str,
    option: str,
    wanted: tuple[type, ...],
    what: str,
) -> str:
    """The ID given to ``option``, checked to be a record of one of the ``wanted`` types;
    where a place is wanted, a country's ISO code (``KZ``) stands for it, as in queries.
    The command suggested for a record of another kind names the same dataset (``args``)."""
    from rightsdata._data.query import country_code
    from rightsdata._model.records import ACTOR_TYPES, Place
    from rightsdata._values.ids import a_noun

    code = country_code(record_id) if Place in wanted else None
    # an unknown ID or code: main() says which, and suggests some
    record = dataset.get(record_id) if code is None else dataset.country(code)
    if isinstance(record, wanted):
        return record.id
    message = (
        f"{option} takes {what}; {record_id} ({_name(dataset, record.id)}) is "
        f"{a_noun(record.kind_name)}"
    )
    options = _source_options(args)
    if isinstance(record, Place):
        message += f"; for the events at a place: rightsdata events --place {record_id}{options}"
    elif isinstance(record, ACTOR_TYPES):
        message += f"; for their events: rightsdata events --involving {record_id}{options}"
    raise UsageError(message)


def _window(text: str) -> tuple[str | None, str | None]:
    """``--between``: one date (``2012``: all of it) or ``START/END``, a side empty or ``..``
    for open."""
    from rightsdata._values.dates import EDTF, EDTFError

    start, slash, end = text.partition("/")
    if not text:
        raise UsageError("--between '' is not a date; give a date (2012) or START/END")
    if "/" in end:
        raise UsageError(
            f"--between {text!r}: give one date or START/END, not {text.count('/') + 1} dates"
        )
    sides = (start, end) if slash else (start, start)
    for side in sides:
        if side not in ("", ".."):
            try:
                EDTF.parse(side)
            except EDTFError as error:
                raise UsageError(f"--between {text!r}: {side!r} is not a date ({error})") from None
    first, last = (None if s in ("", "..") else s for s in sides)
    from rightsdata._data.query import window

    try:
        window((first, last))
    except ValueError:
        raise UsageError(f"--between {text!r}: the start is after the end") from None
    return first, last


def _event_filters(args: argparse.Namespace, dataset: Dataset) -> dict[str, Any]:
    """The ``ds.events()`` arguments of the command line's filters, each checked first."""
    from rightsdata._model.records import ACTOR, ACTOR_TYPES, Place
    from rightsdata._values.ids import describe_prefixes
    from rightsdata.vocab import EventKind, Role

    filters: dict[str, Any] = {}
    # `is not None`, not truth: an empty value ('--role ""') is an error, never no filter
    if args.kind is not None:
        filters["kind"] = _terms(args.kind, EventKind, "--kind", "an event kind")
    if args.between is not None:
        filters["between"] = _window(args.between)
    if args.place is not None:
        filters["place"] = _record_of(args, dataset, args.place, "--place", (Place,), "a place")
    if args.involving is not None:
        filters["involving"] = _record_of(
            args,
            dataset,
            args.involving,
            "--involving",
            ACTOR_TYPES,
            describe_prefixes(ACTOR),
        )
    if args.role is not None:
        roles = _terms([args.role], Role, "--role", "a role")
        if len(roles) > 1:
            raise UsageError(f"--role takes one role, not {len(roles)} ({', '.join(roles)})")
        (filters["role"],) = roles
    return filters


def _cmd_events(args: argparse.Namespace) -> int:
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import event_lines

    dataset = _dataset(args)
    filters = _event_filters(args, dataset)
    events = dataset.events(**filters)
    if args.json:
        _print_json([unstructure(e) for e in events])
        return EXIT_OK
    described = "; ".join(
        f"--{k} {','.join(v) if isinstance(v, list) else _between_text(v) if k == 'between' else v}"
        for k, v in filters.items()
    )
    where = f" ({described})" if described else ""
    print(f"{_plural(len(events), 'event')}{where}")
    print("\n".join(event_lines(events)))
    return EXIT_OK


def _between_text(window: tuple[str | None, str | None]) -> str:
    if window[0] is not None and window[0] == window[1]:
        return window[0]
    return f"{window[0] or '..'}/{window[1] or '..'}"


def _cmd_timeline(args: argparse.Namespace) -> int:
    from rightsdata._model.records import ACTOR, ACTOR_TYPES
    from rightsdata._validation.convert import unstructure
    from rightsdata._values.ids import describe_prefixes
    from rightsdata.textcard import event_lines

    dataset = _dataset(args)
    actor = _record_of(args, dataset, args.actor, "timeline", ACTOR_TYPES, describe_prefixes(ACTOR))
    events = dataset.timeline(actor)
    if args.json:
        _print_json([unstructure(e) for e in events])
        return EXIT_OK
    print(f"{_name(dataset, actor)}: {_plural(len(events), 'event')}, in date order")
    print("\n".join(event_lines(events)))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import text_card

    dataset = _dataset(args)
    record = dataset.get(args.id)
    if args.json:
        _print_json(unstructure(record))
        return EXIT_OK
    print(text_card(record, dataset, width=args.width, options=_source_options(args)))
    return EXIT_OK


# --- checking and writing data ---------------------------------------------------------------


def _problem_json(problem: Problem) -> dict[str, str | int | None]:
    """A problem for ``--json``: its location, message and code, and the location's parts
    (null where they do not apply: every part but the file it concerns, for a problem in no
    record)."""
    return {
        "location": problem.location,
        "message": problem.message,
        "code": problem.code,
        "file": problem.file,
        "kind": problem.kind,
        "index": problem.index,
        "line": problem.line,
        "record_id": problem.record_id,
        "field": problem.field,
    }


def _problem_text(problem: Problem, known: Sequence[str] = ()) -> str:
    """A problem's message, with a 'did you mean' for an unknown field, term or reference
    (to one of the ``known`` IDs)."""
    message = problem.message
    if problem.code == ProblemCode.INTEGRITY and known:
        hint = reference_hint(message, known)
        return f"{message}; {hint}" if hint else message
    if problem.code == ProblemCode.UNKNOWN_FIELD:
        hint = field_hint(problem.kind, problem.field)
        return f"{message}; {hint}" if hint else message
    if "is not an EDTF date" in message:
        return f"{message} ({EDTF_EXAMPLES})"
    return term_hint(message)


def _print_problems(problems: Sequence[Problem], path: str, file: TextIO | None = None) -> None:
    """Every problem, wrapped to the terminal, with its hint."""
    from rightsdata.textcard import terminal_width, wrap

    width = terminal_width()
    dangling = any(p.code == ProblemCode.INTEGRITY for p in problems)
    known = ids_in(Path(path)) if dangling and Path(path).exists() else []
    heading = f"{_plural(len(problems), 'problem')} in {printable(path)}:"
    print("\n".join(wrap(heading, width, "", "  ")), file=file)
    for problem in problems:
        text = f"{problem.location}: {_problem_text(problem, known)}"
        print("\n".join(wrap(text, width, "  ", "      ")), file=file)


def _counted(counts: dict[str, int]) -> str:
    """'3 records (1 source, 1 person, 1 event)'."""
    from rightsdata._values.ids import noun

    parts = [_plural(n, noun(kind)) for kind, n in counts.items() if n]
    return f"{_plural(sum(counts.values()), 'record')} ({', '.join(parts) or 'none'})"


def _cmd_validate(args: argparse.Namespace) -> int:
    import rightsdata
    from rightsdata._data.kindfile import check_kind_file, kind_of_file

    path = _path(args.path)
    if not path.exists():
        raise UsageError(f"{args.path}: no such file or folder")
    unchecked: dict[str, int] = {}
    if path.is_file() and kind_of_file(path) is not None:
        check = check_kind_file(path, schema=args.schema, max_bytes=args.max_bytes)
        problems, counts, unchecked = check.problems, {check.kind: check.records}, check.unchecked
    else:
        try:
            dataset = rightsdata.load_path(path, schema=args.schema, max_bytes=args.max_bytes)
        except InvalidDataError as error:
            problems, counts = list(error.problems), {}
        else:
            problems, counts = [], dataset.counts()
    if args.json:
        _print_json([_problem_json(p) for p in problems])
    elif problems:
        _print_problems(problems, args.path)
    else:
        print(f"{printable(args.path)}: valid: checked {_counted(counts)}")
        if unchecked:
            from rightsdata.textcard import terminal_width, wrap

            refs = ", ".join(f"{n:,} to {kind}" for kind, n in unchecked.items())
            total = _plural(sum(unchecked.values()), "reference")
            text = (
                f"not checked: {total} to records in other files ({refs}); "
                "validate the folder to check them"
            )
            print("\n".join(wrap(text, terminal_width(), "  ")))
    return EXIT_INVALID if problems else EXIT_OK


def _cmd_fmt(args: argparse.Namespace) -> int:
    from rightsdata._data.canonical import format_folder
    from rightsdata._values.resources import datasets_root

    if not args.paths and not args.check:
        # the bundled datasets are the installed package's (site-packages, for a pip user)
        raise UsageError(
            "give the dataset folders to rewrite (rightsdata fmt FOLDER...); without a "
            "folder, only `rightsdata fmt --check` runs, which checks the bundled datasets"
        )
    folders = [_path(p) for p in args.paths] or [
        Path(str(entry)) for entry in datasets_root().iterdir() if entry.is_dir()
    ]
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such folder (fmt rewrites dataset folders)")
    differ: list[Path] = []  # the folders that are not canonical
    for folder in folders:
        changed = format_folder(folder, check=args.check, upgrade=args.upgrade)
        for name in changed:
            verb = "not canonical" if args.check else "rewrote"
            print(f"{verb}: {folder / name}")
        differ += [folder] if changed else []
        if not args.check:
            _note_unnamed(folder)
    if args.check and differ:
        import shlex

        paths = " ".join(shlex.quote(str(p)) for p in (args.paths or differ))
        print(f"run `rightsdata fmt {paths}` to rewrite them", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _note_unnamed(folder: Path) -> None:
    """Say that ``folder``'s descriptor gives no name or version, which fmt never makes up."""
    from rightsdata._data.loading import DESCRIPTOR

    path = folder / DESCRIPTOR
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    missing = [key for key in ("name", "version") if key not in descriptor]
    if missing:
        _print_error(
            f"note: {path} gives no {' or '.join(missing)} (none is made up); add "
            f"{' and '.join(repr(k) for k in missing)} to say which dataset and release it is"
        )


def _export_to_stdout(args: argparse.Namespace) -> int:
    """``export --format jsonl -``: the one format that is one stream, to standard output."""
    import tempfile

    from rightsdata._tables.export import export

    if args.format != "jsonl":
        raise UsageError(
            f"'-' (standard output) takes one stream: use --format jsonl, or give a directory "
            f"for --format {args.format}"
        )
    dataset = _dataset(args)
    with tempfile.TemporaryDirectory() as scratch:
        (written,) = export(dataset, scratch, "jsonl")
        sys.stdout.write(written.read_text(encoding="utf-8"))
    return EXIT_OK


def _exported(args: argparse.Namespace, dataset: Dataset) -> str:
    """What an export writes, said so that no one mistakes the folder written for the one
    read: ``kazakhstan 3.2.0 (the bundled dataset; pass --data FOLDER for another)``."""
    said = " ".join(filter(None, (dataset.name, dataset.version))) or "the dataset"
    if args.data is None:
        return f"{said} (the bundled dataset; pass --data FOLDER for another)"
    return f"{said} (read from --data {args.data})"


def _cmd_export(args: argparse.Namespace) -> int:
    from rightsdata._tables.export import export, refuse_to_overwrite
    from rightsdata._values.extras import MissingExtraError

    if args.directory == "-":
        return _export_to_stdout(args)
    target = _path(args.directory)
    dataset = _dataset(args)
    try:
        refuse_to_overwrite(target, force=args.force)
    except NotADirectoryError:
        raise UsageError(f"{target} exists and is not a directory") from None
    except FileExistsError:
        raise UsageError(
            f"export writes {_exported(args, dataset)} into {target}, which is not empty; "
            "pass --force to write into it (files of the same name are replaced)"
        ) from None
    try:
        written = export(dataset, target, args.format, force=args.force)
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {_plural(len(written), 'file')} ({args.format}) to {target}")
    return EXIT_OK


def _cmd_init(args: argparse.Namespace) -> int:
    from rightsdata._cli.template import write_template

    folder = _path(args.directory)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} exists and is not an empty folder; init writes a new one")
    written = write_template(folder)
    print(
        f"wrote {_plural(len(written), 'file')} to {folder}: {', '.join(p.name for p in written)}"
    )
    print("next: edit them (docs/records.md has an example of every kind), then")
    print(f"  rightsdata validate {folder}")
    print(f"  rightsdata show event:example-person-detained-2020-05-01 --data {folder}")
    return EXIT_OK


# --- the parser ------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose 'invalid choice' errors suggest the closest choice."""

    def error(self, message: str) -> NoReturn:
        match = _INVALID_CHOICE.search(message)
        if match is not None:
            choices = re.findall(r"'([^']*)'", match["choices"])
            hint = did_you_mean(close(match["value"], choices, n=2))
            what = "command" if match["argument"] == "COMMAND" else match["argument"]
            message = f"unknown {what} {match['value']!r}; " + (
                hint or f"choose from {', '.join(choices)}"
            )
        super().error(message)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help as wide as the terminal, at most :data:`~rightsdata.textcard.MAX_WIDTH`; the
    descriptions and examples are laid out by hand (:func:`_paragraph`)."""

    def __init__(self, prog: str) -> None:
        from rightsdata.textcard import terminal_width

        super().__init__(prog, width=terminal_width())


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
        "find records by name (people, organisations, groups, places, laws) or title (events, "
        "statements, sources)",
        ["rightsdata search kozlov", "rightsdata search 'Жаңаөзен' --json"],
    )
    search.add_argument(
        "text", nargs="+", help="a name, title or part of one (any case, accents or script)"
    )
    search.add_argument(
        "--limit", type=_positive_int, default=20, help="at most this many (default 20)"
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
        "the events a person, organisation or group took part in, in date order",
        ["rightsdata timeline person:vladimir-kozlov", "rightsdata timeline org:alga --json"],
    )
    timeline.add_argument("actor", help="a person, organisation or group id")
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
        "--width", type=int, help="columns to fit (default: the terminal's, at most 96)"
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
            "rightsdata validate big.json --max-bytes 4000000000 --schema",
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
        "--max-bytes",
        type=_positive_int,
        default=1 << 30,
        help="refuse larger files (default 1 GiB)",
    )
    check.set_defaults(run=_cmd_validate)

    init = _command(
        commands,
        "init",
        "write a small valid dataset to start from into a new folder",
        ["rightsdata init my-dataset", "rightsdata validate my-dataset"],
        data=False,
        json_output=False,
    )
    init.add_argument("directory", metavar="DIR", help="a folder that is empty or does not exist")
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
        "formatting, datapackage.json resources with sizes and sha256 hashes."
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
        help="rewrite in the current format (format 1 folders to format 2)",
    )
    fmt.set_defaults(run=_cmd_fmt)

    out = _command(
        commands,
        "export",
        "write the dataset as JSON, JSON Lines, CSV, a data package or Parquet",
        [
            "rightsdata export --format datapackage out/",
            "rightsdata export --format csv --data my-dataset/ tables/",
            "rightsdata export --format jsonl - | head -3",
            "rightsdata export --format parquet out/ --force   # needs rightsdata[arrow]",
        ],
        json_output=False,
    )
    out.description = (
        "Write the dataset into DIRECTORY ('-': standard output, for --format jsonl).\n"
        "Formats:\n"
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
        "--format", choices=list(FORMATS), default="json", help="what to write (default: json)"
    )
    out.add_argument(
        "--force", action="store_true", help="write into a directory that is not empty"
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
        "exit codes: 0 fine, 1 invalid data, 2 usage",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"rightsdata {__version__}")
    # --data and --name before the command too (``rightsdata --data ds1 timeline ...``); kept
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
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
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
    """Parse; an unknown option is reported by its own command, with its usage and a hint."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        sub = _subparser(parser, args.command)
        options = [o for action in sub._actions for o in action.option_strings]
        hints = [h for e in extras if (h := did_you_mean(close(e.split("=")[0], options, n=1)))]
        sub.error(
            f"unrecognized arguments: {' '.join(extras)}" + (f"; {hints[0]}" if hints else "")
        )
    return args


#: The options that may come before the command: (option, dest, the command's default).
_BEFORE: Final = (("--data", "data"), ("--name", "name"))


def _before(args: argparse.Namespace) -> None:
    """Take ``--data`` and ``--name`` given before the command as if given after it; a
    command that takes neither, or the option given on both sides with two values, is a
    usage error that says where it goes."""
    for option, dest in _BEFORE:
        given = getattr(args, f"{dest}_before", None)
        if given is None:
            continue
        if not hasattr(args, dest):
            raise UsageError(
                f"{option} is not an option of {args.command}; "
                f"see `rightsdata {args.command} --help`"
            )
        after = getattr(args, dest)
        if after is not None and not isinstance(after, _Default) and after != given:
            raise UsageError(
                f"{option} is given twice ({given!r} before the command, "
                f"{getattr(args, dest)!r} after it); give it once"
            )
        setattr(args, dest, given)


def _unknown_id(args: argparse.Namespace, error: UnknownIdError) -> str:
    """The unknown-ID message, with IDs like it from the dataset in use."""
    dataset: Dataset | None = getattr(args, "dataset", None)
    message = str(error)
    if dataset is None:
        return message
    where = f" in {dataset.name}" if dataset.name else ""
    hint = did_you_mean(id_suggestions(dataset, error.record_id))
    if error.hint is None or error.hint.startswith(("IDs look like", DID_YOU_MEAN)):
        # the query's own hint names a bundled ID, or spells like it only: name one of the
        # dataset in use instead, and the suggestions that search by name too
        message = f"no record has the id {error.record_id!r}{where}"
        example = next(iter(dataset.persons or dataset), None)
        if error.hint is not None and error.hint.startswith("IDs look like") and example:
            message += f" (IDs are a kind and a name, like {example.id!r})"
    search = f"rightsdata search WORDS{_source_options(args)}"
    return f"{message}; {hint}" if hint else f"{message}; try `{search}`"


def _print_error(message: str) -> None:
    """A message on stderr, wrapped to the terminal."""
    from rightsdata.textcard import terminal_width, wrap

    print("\n".join(wrap(message, terminal_width(), "", "  ")), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        _before(args)
        code: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped listening (`rightsdata timeline ... | head`): not an error. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except InvalidDataError as exc:
        _print_problems(exc.problems, exc.what, file=sys.stderr)
        return EXIT_INVALID
    except UnknownIdError as exc:
        _print_error(f"rightsdata: {_unknown_id(args, exc)}")
        return EXIT_USAGE
    except UsageError as exc:
        _print_error(f"rightsdata {args.command}: {exc}")
        return EXIT_USAGE
    except MissingExtraError as exc:  # an optional dependency (validate --schema: jsonschema)
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RightsdataError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (ValueError, OSError) as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return code
