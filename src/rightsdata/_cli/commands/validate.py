"""``validate``: check a dataset, or one kind's file, and list every problem."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from rightsdata._cli.arguments import _base, _path, base_json, bundled_base
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, UsageError
from rightsdata._cli.output import (
    _plural,
    _print_error,
    _print_json,
    _print_problems,
    base_note,
    problems_json,
    stopped_flag,
)
from rightsdata._cli.unreadable import missing, unreadable
from rightsdata._model.records import KINDS
from rightsdata._values.errors import InvalidDataError, printable, printable_path, unchecked_note

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__: list[str] = []


def _counted(counts: dict[str, int]) -> str:
    """'3 records (1 source, 1 person, 1 event)'."""
    from rightsdata._values.ids import noun

    parts = [_plural(n, noun(kind)) for kind, n in counts.items() if n]
    return f"{_plural(sum(counts.values()), 'record')} ({', '.join(parts) or 'none'})"


def _named(base: Dataset) -> str:
    """How ``validate`` names the base it checked against: ``kazakhstan 3.4.0``."""
    from rightsdata._data.dataset import name_and_version

    return printable(name_and_version(base) or "the base dataset")


def _elsewhere_note(elsewhere: dict[str, int]) -> str:
    """What a kind's file says of its references to other files' records (by their kind)."""
    refs = ", ".join(f"{n:,} to {kind}" for kind, n in elsewhere.items())
    total = _plural(sum(elsewhere.values()), "reference")
    return (
        f"not checked: {total} to records in other files ({refs}); "
        "validate the folder to check them"
    )


def _print_wrapped(note: str) -> None:
    """``note``, wrapped to the terminal and indented under what it follows."""
    from rightsdata.textcard import terminal_width, wrap

    print("\n".join(wrap(note, terminal_width(), "  ", whole=True)))


def _cmd_validate(args: argparse.Namespace) -> int:
    import rightsdata
    from rightsdata._data.folderfiles import not_a_dataset
    from rightsdata._data.kindfile import check_kind_file, kind_file_alone
    from rightsdata._data.validating import kind_file_base_message
    from rightsdata._values.shell import shell_path

    path = _path(args.path)
    if args.json and args.json_report:
        raise UsageError("give --json (a list of the problems) or --json-report, not both")
    if missing(path):
        raise UsageError(f"{args.path}: no such file or folder")
    elsewhere: dict[str, int] = {}  # a kind file's references to other files, by their kind
    unjudged: tuple[str, ...] = ()  # kinds not judged against (InvalidDataError.unchecked)
    stopped: int | None = None  # the --max-problems the check stopped at
    # (the choice rightsdata.validate makes: rightsdata._data.validating)
    alone = kind_file_alone(path) is not None
    if args.base is not None and alone:
        raise UsageError(kind_file_base_message(path, "--base", shell_path(args.base)))
    base = _base(args.base, max_bytes=args.max_bytes, max_problems=args.max_problems)
    args.base_dataset = base  # (for --json-report and a refusal's JSON to say it: base_json)
    if alone:
        check = check_kind_file(
            path,
            schema=args.schema,
            max_bytes=args.max_bytes,
            strict=args.strict,
            max_problems=args.max_problems,
        )
        problems, counts = check.problems, {check.kind: check.records}
        said = unreadable(problems, args.path)
        if said is not None:  # (a file it cannot read: not judged)
            raise UsageError(said)
        elsewhere, unjudged, stopped = check.unchecked, check.unjudged, check.stopped_at
    else:
        try:
            dataset = rightsdata.load_path(
                path,
                schema=args.schema,
                max_bytes=args.max_bytes,
                base=base,
                strict=args.strict,
                max_problems=args.max_problems,
            )
        except InvalidDataError as error:
            if not_a_dataset(error.problems):  # (the wrong kind of path: a usage error)
                raise UsageError(f"{args.path}: {error.problems[0].message}") from None
            said = unreadable(error.problems, args.path)
            if said is not None:  # (a path it cannot read: not judged)
                raise UsageError(said) from None
            problems, counts, unjudged = list(error.problems), {}, error.unchecked
            stopped = error.stopped_at
        else:
            problems, counts = [], dataset.counts()
            if base is not None:  # (its own records: those the base does not have)
                of_base = base.counts()
                counts = {kind: n - of_base[kind] for kind, n in counts.items()}
    # (where no --base was given, the references to a bundled dataset's records are marked
    # in the JSON as the text's note counts them; the note itself goes to stderr)
    noted = base is None
    over = bundled_base(args.base)
    if args.json_report:
        not_checked = [kind for kind in KINDS if kind in unjudged or kind in elsewhere]
        report = {
            "problems": problems_json(problems, noted=noted, over=over),
            "unchecked": not_checked,
        }
        if args.max_problems is not None:  # (the key only where the option was given)
            report["stopped_at"] = stopped
        _print_json({**report, **base_json(args)})
    elif args.json:
        # (the list stays the whole of stdout, as programs read it: the notes go to stderr)
        _print_json(problems_json(problems, noted=noted, over=over))
        if stopped is not None:
            _print_error(f"{_plural(len(problems), 'problem')}: {stopped_flag(stopped)}")
        if unjudged:
            _print_error(unchecked_note(unjudged))
        if elsewhere:
            _print_error(_elsewhere_note(elsewhere))
        note = base_note(problems, args.given) if noted else ""
        if note:
            print(note, file=sys.stderr)
    elif problems:
        stop = None if stopped is None else stopped_flag(stopped)
        _print_problems(problems, args.path, unchecked=unjudged, stopped=stop)
        if elsewhere:
            _print_wrapped(_elsewhere_note(elsewhere))
        note = base_note(problems, args.given) if noted else ""
        if note:
            print(note)
    else:
        over = f" over {_named(base)}" if base is not None else ""
        print(f"{printable_path(args.path)}: valid: checked {_counted(counts)}{over}")
        if elsewhere:
            _print_wrapped(_elsewhere_note(elsewhere))
    return EXIT_INVALID if problems else EXIT_OK
