"""``fmt``: rewrite dataset folders in canonical form, or check that they are."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rightsdata._cli.arguments import _path
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, UsageError
from rightsdata._cli.output import _print_error

__all__: list[str] = []


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
