"""The ``rightsdata`` command line (also ``python -m rightsdata``).

Exit codes, for scripts: 0 fine; 1 invalid data (or files not canonical with ``fmt --check``);
2 usage (a bad option, an unknown command or ID, a missing file or folder, or a path the
command cannot use: a file where it wants a folder, a folder it may not write; ``export`` into a
directory that is not empty without ``--force``, or in a format whose optional extra is not
installed; ``init`` into a folder that is not empty).

Text output fits the terminal (:func:`rightsdata.textcard.terminal_width`); ``--json`` prints
data instead, or, where the data or its base has problems (exit code 1), the problems as JSON
(a usage error leaves standard output empty). Commands are documented, with examples that
the tests run, in docs/cli.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextvars import Token
from typing import TYPE_CHECKING

from rightsdata._cli.arguments import BaseRefusedError, _source_options
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError
from rightsdata._cli.output import (
    _print_error,
    _print_json,
    _print_problems,
    base_note,
    given_paths,
    keep_given,
    refused_json,
    stopped_flag,
    wants_json,
)
from rightsdata._cli.parser import _before, _parse, build_parser
from rightsdata._cli.suggest import unknown_id_message
from rightsdata._data.loading import BASE_SHOWN
from rightsdata._values.errors import InvalidDataError, RightsdataError, UnknownIdError
from rightsdata._values.extras import MissingExtraError

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__ = ["main"]


def _unknown_id(args: argparse.Namespace, error: UnknownIdError) -> str:
    """The unknown-ID message, with IDs like it from the dataset in use."""
    dataset: Dataset | None = getattr(args, "dataset", None)
    if dataset is None:
        return str(error)
    return unknown_id_message(dataset, error, f"rightsdata search WORDS{_source_options(args)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    args.given = sys.argv[1:] if argv is None else list(argv)  # (as typed: for notes)
    keep_given(args)
    shown = None
    try:
        _before(args)
        shown = _show_base(args)
        code: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped listening (`rightsdata timeline ... | head`): not an error. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except InvalidDataError as exc:
        if wants_json(args):  # (a program reads stdout: JSON there still; the text on stderr)
            _print_json(refused_json(exc, args))
        what = "the base" if isinstance(exc, BaseRefusedError) else "the data"
        stopped = None if exc.stopped_at is None else stopped_flag(exc.stopped_at, what)
        _print_problems(
            exc.problems, exc.what, file=sys.stderr, unchecked=exc.unchecked, stopped=stopped
        )
        for note in getattr(exc, "__notes__", ()):  # (a command's word on what it did not do)
            _print_error(note)
        if hasattr(args, "base") and args.base is None:  # (a command that takes --base)
            note = base_note(exc.problems, args.given)
            if note:
                print(note, file=sys.stderr)
        return EXIT_INVALID
    except UnknownIdError as exc:
        _print_error(f"rightsdata: {_unknown_id(args, exc)}", given_paths(args))
        return EXIT_USAGE
    except UsageError as exc:
        _print_error(f"rightsdata {args.command}: {exc}", given_paths(args))
        return EXIT_USAGE
    except MissingExtraError as exc:  # an optional dependency (validate --schema: jsonschema)
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RightsdataError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:  # what the system answered, without its "[Errno 13]"
        said = exc.strerror or str(exc)
        if isinstance(exc.filename, str):
            said = f"{exc.filename}: {said}"
        _print_error(f"rightsdata {args.command}: {said}", given_paths(args))
        return EXIT_USAGE
    except ValueError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if shown is not None:
            BASE_SHOWN.reset(shown)
    return code


def _show_base(args: argparse.Namespace) -> Token[str | None] | None:
    """Have the loads of this command word their advice with the base as it was given
    (``--base kazakhstan``, not ``--base ...``); the token that undoes it, if given."""
    base = getattr(args, "base", None)
    if base is None:
        return None
    from rightsdata._values.shell import shell_path

    return BASE_SHOWN.set(shell_path(base))
