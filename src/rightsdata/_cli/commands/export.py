"""``export``: write the dataset in a format, into a directory or to standard output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rightsdata._cli.arguments import _dataset, _Default, _path
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _plural, did
from rightsdata._cli.streams import data_out
from rightsdata._values.errors import printable_path
from rightsdata._values.folders import in_the_way, not_a_folder, system_reason
from rightsdata._values.joined import one_of

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__ = ["ONE_STREAM"]


#: The formats that write one file, which standard output can take.
ONE_STREAM: Final = ("jsonl", "document")


def _export_to_stdout(args: argparse.Namespace) -> int:
    """``export --format jsonl -`` (or ``document``): a format that is one stream, to
    standard output. ``--force``, which standard output never needs, is a usage error
    rather than ignored."""
    import tempfile

    from rightsdata._tables.export import export

    if args.format not in ONE_STREAM:
        said = "the default format, json" if _default_format(args) else f"--format {args.format}"
        raise UsageError(
            f"'-' (standard output) takes one stream: use --format {one_of(ONE_STREAM)}, or give a "
            f"directory for {said}"
        )
    if args.force:
        raise UsageError(
            "--force would be ignored: it lets export write into a directory that is not "
            "empty, and '-' (standard output) is none; leave --force out, or give a directory"
        )
    dataset = _dataset(args)
    with tempfile.TemporaryDirectory() as scratch:
        (written,) = export(dataset, scratch, args.format)
        # (the file's bytes, not the text layer's: on Windows it writes \n as \r\n)
        data_out(sys.stdout, written.read_text(encoding="utf-8"))
    return EXIT_OK


def _default_format(args: argparse.Namespace) -> bool:
    """Whether ``--format`` was left out (its default, json, is used)."""
    return isinstance(args.format, _Default)


def _exported(args: argparse.Namespace, dataset: Dataset) -> str:
    """What an export writes, said so that no one mistakes the folder written for the one
    read: ``kazakhstan 3.4.0 (the bundled dataset; pass --data FOLDER for another)``."""
    from rightsdata._data.dataset import name_and_version

    said = name_and_version(dataset) or "the dataset"
    if args.data is None:
        return f"{said} (the bundled dataset; pass --data FOLDER for another)"
    base = getattr(args, "base", None)
    over = f" over --base {base}: the records of both" if base is not None else ""
    return f"{said} (read from --data {args.data}{over})"


def _cmd_export(args: argparse.Namespace) -> int:
    from rightsdata._tables.export import FORCE_REPLACES, export, refuse_to_overwrite
    from rightsdata._values.extras import MissingExtraError

    if args.directory == "-":
        return _export_to_stdout(args)
    target = _path(args.directory)
    blocker = in_the_way(target)
    if blocker is not None:
        raise UsageError(
            f"{not_a_folder(target, blocker)}; export writes into a folder: give the path of "
            "a new or empty one"
        )
    dataset = _dataset(args)
    try:
        refuse_to_overwrite(target, force=args.force)
    except FileExistsError:
        raise UsageError(
            f"export writes {_exported(args, dataset)} into {target}, which is not empty; "
            f"pass --force to write into it ({FORCE_REPLACES})"
        ) from None
    except OSError as error:  # a folder it may not read
        raise UsageError(f"cannot write into {target}: {system_reason(error, target)}") from None
    try:
        written = export(dataset, target, args.format, force=args.force)
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
    except (FileExistsError, IsADirectoryError) as error:
        if error.filename is None:  # the export's own refusal: it names the folder and files
            raise UsageError(str(error)) from None
        if Path(error.filename).parent == target and error.strerror:  # (in the way of a file)
            raise UsageError(f"{error.filename} {error.strerror}") from None
        raise UsageError(f"cannot write into {target}: {system_reason(error, target)}") from None
    except OSError as error:  # a folder it cannot create or may not write
        raise UsageError(f"cannot write into {target}: {system_reason(error, target)}") from None
    shown = printable_path(str(target))
    said = f"wrote {_plural(len(written), 'file')} ({args.format}) to {shown}"
    did(said)  # (said, if standard output cannot be written: the files are)
    print(said)
    return EXIT_OK
