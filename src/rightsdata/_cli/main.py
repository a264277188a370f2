"""The ``rightsdata`` command line (also ``python -m rightsdata``).

Exit codes, for scripts: 0 fine; 1 invalid data (or files not canonical with ``fmt --check``);
2 usage (a bad option, an unknown command or ID, a missing file or folder, or a path the
command cannot use: a file where it wants a folder, a folder it may not write, a path it cannot
read where nothing else is wrong, :mod:`rightsdata._cli.unreadable`; ``export`` into a
directory that is not empty without ``--force``, or in a format whose optional extra is not
installed; ``init`` into a folder that is not empty); 3 the output could not be written
(standard output closed, ``--version`` and ``--help`` too, or a write to it failed: a full
disk; where the command had written its files, the message says so, and where); 130
interrupted (Ctrl-C), 143 terminated (SIGTERM), each said in one line, with no traceback.

What happens to standard output or error never changes the verdict
(:mod:`rightsdata._cli.streams`): a reader that stops reading (``rightsdata validate BAD |
head -1``) leaves the command its exit code (1 there, 0 for ``events | head -1``), as does
one that stops reading standard error; standard error closed (``2>&-``) drops the messages,
never putting them on standard output; a character the output's encoding cannot hold is
written as its escape, and JSON with its escapes.

Text output fits the terminal (:func:`rightsdata.textcard.terminal_width`); ``--json`` prints
data instead, or, where the command ends with exit code 1 (the data or its base has problems,
a base does not meet ``--base NAME@VERSION``), the problems as JSON (a usage error leaves
standard output empty). Commands are documented, with examples that
the tests run, in docs/cli.md.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from contextvars import Token
from typing import TYPE_CHECKING

from rightsdata._cli.arguments import BaseRefusedError, _source_options
from rightsdata._cli.exits import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OUTPUT,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Terminated,
    UsageError,
)
from rightsdata._cli.output import (
    _DONE,
    _print_error,
    _print_json,
    _print_problems,
    base_note,
    failed_json,
    given_paths,
    keep_given,
    refused_json,
    stopped_flag,
    wants_json,
)
from rightsdata._cli.parser import _before, _parse, build_parser
from rightsdata._cli.streams import Guarded
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
    # (None where the shell closed it: `rightsdata info >&-`, `2>&-`; a TextIO, as far as
    # the commands use one)
    sys.stdout, sys.stderr = Guarded(out), Guarded(err)
    _DONE.clear()
    restore = _terminate_as_interrupt()
    try:
        return _main(argv)
    except KeyboardInterrupt as interrupt:  # (Terminated too: SIGTERM)
        return _interrupted(interrupt)
    finally:
        restore()
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # (--help, --version; a usage error)
        return _finished("rightsdata", int(exc.code or 0))
    args.given = sys.argv[1:] if argv is None else list(argv)  # (as typed: for notes)
    keep_given(args)
    who = f"rightsdata {args.command}"
    if isinstance(sys.stdout, Guarded) and sys.stdout.closed_by_shell:  # (before any work)
        _print_error(f"{who}: could not write the output: standard output is closed")
        return EXIT_OUTPUT
    code = _run(args)
    sys.stdout.flush()
    return _finished(who, code)


def _run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; its exit code, its errors told on stderr."""
    who = f"rightsdata {args.command}"
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
    except InvalidDataError as exc:
        wrong = _wrong_path(args, exc)
        if wrong is not None:  # (the wrong kind of argument: not data to judge)
            _print_error(f"{who}: {wrong}", given_paths(args))
            for note in getattr(exc, "__notes__", ()):
                _print_error(note)
            return EXIT_USAGE
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
    # every error of a command is told as `rightsdata CMD: ...`, whichever raised it (the
    # command's own checks, the library's): `show` and `timeline` told an unknown ID apart
    except UnknownIdError as exc:
        _print_error(f"{who}: {_unknown_id(args, exc)}", given_paths(args))
        return EXIT_USAGE
    except UsageError as exc:
        _print_error(f"{who}: {exc}", given_paths(args))
        return EXIT_USAGE
    except MissingExtraError as exc:  # an optional dependency (validate --schema: jsonschema)
        _print_error(f"{who}: {exc}", given_paths(args))
        return EXIT_USAGE
    except RightsdataError as exc:  # (a base's version not met: --base kazakhstan@9)
        if wants_json(args):  # (JSON still, as for problems: output.failed_json)
            _print_json(failed_json(exc, args))
        _print_error(f"{who}: {exc}", given_paths(args))
        return EXIT_INVALID
    except OSError as exc:  # what the system answered, without its "[Errno 13]"
        said = exc.strerror or str(exc)
        if isinstance(exc.filename, str):
            said = f"{exc.filename}: {said}"
        _print_error(f"{who}: {said}", given_paths(args))
        return EXIT_USAGE
    except ValueError as exc:
        _print_error(f"{who}: {exc}", given_paths(args))
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


def _finished(who: str, code: int) -> int:
    """The exit code of a run that would end with ``code``: that, unless standard output
    could not be written (:data:`EXIT_OUTPUT`, said on stderr). A reader that stopped
    reading changes nothing: the verdict stands (``validate BAD | head -1``: 1)."""
    out = sys.stdout
    if isinstance(out, Guarded) and out.failed is not None:
        return _unwritten(who, out)
    return code


def _unwritten(who: str, out: Guarded) -> int:
    """Say that standard output could not be written, and why (the system's words), and
    what the command did all the same (its files written, and where: the work is done, its
    report alone lost); the exit code that says so."""
    if out.closed_by_shell:
        said = "could not write the output: standard output is closed"
    else:
        error = out.failed
        reason = (error.strerror or str(error)) if error is not None else "failed"
        said = f"could not write the output to standard output: {reason}"
    if _DONE:
        said = f"the work is done ({'; '.join(_DONE)}), but {said}"
    _print_error(f"{who}: {said}")
    return EXIT_OUTPUT


def _interrupted(interrupt: KeyboardInterrupt) -> int:
    """Say that the run was interrupted (Ctrl-C) or terminated (SIGTERM), with what the work
    undone adds (where a file could not be put back), in one line each and no traceback;
    the exit code that says so."""
    terminated = isinstance(interrupt, Terminated)
    _print_error("rightsdata: terminated" if terminated else "rightsdata: interrupted")
    for note in getattr(interrupt, "__notes__", ()):
        _print_error(note)
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _terminate_as_interrupt() -> Callable[[], None]:
    """Have SIGTERM raise :class:`Terminated` (a KeyboardInterrupt) for the run, so that
    what it was doing is finished or undone as for Ctrl-C (an export's renames, its
    temporary files) rather than cut where it stood; a function that puts the handler
    back. Not where SIGTERM has a handler already (a program that runs :func:`main`), is
    ignored, or cannot be handled (a thread other than the main one)."""

    def nothing() -> None:
        pass

    def restore() -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    try:
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            return nothing
        signal.signal(signal.SIGTERM, _terminate)
    except (ValueError, OSError, AttributeError):
        return nothing
    return restore


def _show_base(args: argparse.Namespace) -> Token[str | None] | None:
    """Have the loads of this command word their advice with the base as it was given
    (``--base kazakhstan``, not ``--base ...``); the token that undoes it, if given."""
    base = getattr(args, "base", None)
    if base is None:
        return None
    from rightsdata._values.shell import shell_path

    return BASE_SHOWN.set(shell_path(base))
