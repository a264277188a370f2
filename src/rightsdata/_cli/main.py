"""The ``rightsdata`` command line (also ``python -m rightsdata``).

Exit codes, for scripts: 0 fine; 1 invalid data (or files not canonical with ``fmt --check``);
2 usage (a bad option, an unknown command or ID, a missing file or folder, or a path the
command cannot use: a file where it wants a folder, a folder it may not write; ``export`` into a
directory that is not empty without ``--force``, or in a format whose optional extra is not
installed; ``init`` into a folder that is not empty); 3 the output could not be written
(standard output closed, or a write to it failed: a full disk). A reader that stops reading
(``rightsdata events | head -1``) is no error: the run ends quietly, with code 0 (one that
stops reading standard error leaves the run its code).

Text output fits the terminal (:func:`rightsdata.textcard.terminal_width`); ``--json`` prints
data instead, or, where the data or its base has problems (exit code 1), the problems as JSON
(a usage error leaves standard output empty). Commands are documented, with examples that
the tests run, in docs/cli.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextvars import Token
from typing import TYPE_CHECKING

from rightsdata._cli.arguments import BaseRefusedError, _source_options
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, UsageError
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
from rightsdata._cli.streams import Guarded, OutputError, stream_gone
from rightsdata._cli.suggest import unknown_id_message
from rightsdata._data.loading import BASE_SHOWN, LIMIT_SHOWN
from rightsdata._values.errors import (
    InvalidDataError,
    RightsdataError,
    UnknownIdError,
    printable,
)
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
    out, err = sys.stdout, sys.stderr
    if out is not None:  # (None where the shell closed it: `rightsdata info >&-`)
        sys.stdout = Guarded(out)  # (a TextIO, as far as the commands use one)
    if err is not None:
        sys.stderr = Guarded(err, swallow=True)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:  # (--help read by `head`)
        stream_gone()
        return EXIT_OK
    except OutputError as exc:
        return _unwritten("rightsdata", exc)
    args.given = sys.argv[1:] if argv is None else list(argv)  # (as typed: for notes)
    keep_given(args)
    if sys.stdout is None:  # (print() would print nothing, unseen)
        _print_error(
            f"rightsdata {args.command}: could not write the output: standard output is closed"
        )
        return EXIT_OUTPUT
    shown = None
    # (a file over the limit is told in the options' words, not as max_bytes=)
    limit = LIMIT_SHOWN.set(
        "give a larger --max-bytes to read it"
        if hasattr(args, "max_bytes")
        else "only `rightsdata validate` reads a larger file (--max-bytes)"
    )
    try:
        _before(args)
        shown = _show_base(args)
        code: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped listening (`rightsdata timeline ... | head`): not an error. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        stream_gone()
        return EXIT_OK
    except OutputError as exc:
        return _unwritten(f"rightsdata {args.command}", exc)
    except InvalidDataError as exc:
        wrong = _wrong_path(args, exc)
        if wrong is not None:  # (the wrong kind of argument: not data to judge)
            _print_error(f"rightsdata {args.command}: {wrong}", given_paths(args))
            for note in getattr(exc, "__notes__", ()):
                _print_error(note)
            return EXIT_USAGE
        if wants_json(args):  # (a program reads stdout: JSON there still; the text on stderr)
            try:
                _print_json(refused_json(exc, args))
                sys.stdout.flush()
            except BrokenPipeError:  # (the reader gone: the data is still invalid)
                stream_gone()
            except OutputError as unwritten:
                return _unwritten(f"rightsdata {args.command}", unwritten)
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
        LIMIT_SHOWN.reset(limit)
        if shown is not None:
            BASE_SHOWN.reset(shown)
    return code


def _wrong_path(args: argparse.Namespace, exc: InvalidDataError) -> str | None:
    """Where the data could not be read because the path given holds no dataset at all (one
    kind's file, a descriptor, a table, a folder of no record files: :func:`not_a_dataset`),
    what the command line says of it, a usage error's message naming the option (``--data
    my/events.json: is one kind's file ...``) and saying what to give instead; else None."""
    from rightsdata._data.folderfiles import not_a_dataset

    if not not_a_dataset(exc.problems):
        return None
    if isinstance(exc, BaseRefusedError):
        given = f"--base {exc.base}"
    elif getattr(args, "data", None) is not None:
        given = f"--data {printable(args.data)}"
    else:  # (a path a command takes as its argument: fmt's folder)
        given = exc.what
    return f"{given}: {exc.problems[0].message}"


def _unwritten(who: str, exc: OutputError) -> int:
    """Say that standard output could not be written, and why (the system's words); the
    exit code that says so. What it still holds is dropped (:func:`stream_gone`)."""
    stream_gone()
    _print_error(f"{who}: could not write the output to standard output: {exc}")
    return EXIT_OUTPUT


def _show_base(args: argparse.Namespace) -> Token[str | None] | None:
    """Have the loads of this command word their advice with the base as it was given
    (``--base kazakhstan``, not ``--base ...``); the token that undoes it, if given."""
    base = getattr(args, "base", None)
    if base is None:
        return None
    from rightsdata._values.shell import shell_path

    return BASE_SHOWN.set(shell_path(base))
