"""The ``rightsdata`` command line.

Exit codes: 0 fine, 1 invalid data (or files not canonical with ``fmt --check``), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rightsdata.errors import InvalidDataError, RightsdataError

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _cmd_info(args: argparse.Namespace) -> int:
    import rightsdata

    dataset = rightsdata.load(args.name)
    print(f"{dataset.name} {dataset.version} (rightsdata {rightsdata.__version__})")
    for kind, count in dataset.counts().items():
        print(f"  {kind:<14} {count:>6}")
    return EXIT_OK


def _cmd_fmt(args: argparse.Namespace) -> int:
    from rightsdata._resources import datasets_root
    from rightsdata.canonical import format_folder

    folders = [Path(p) for p in args.paths] or [
        Path(str(entry)) for entry in datasets_root().iterdir() if entry.is_dir()
    ]
    not_canonical = 0
    for folder in folders:
        changed = format_folder(folder, check=args.check)
        for name in changed:
            verb = "not canonical" if args.check else "rewrote"
            print(f"{verb}: {folder / name}")
        not_canonical += len(changed)
    if args.check and not_canonical:
        print("run `rightsdata fmt` to rewrite them", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = argparse.ArgumentParser(
        prog="rightsdata",
        description="Typed, cited human-rights documentation data.",
        epilog="examples:\n  rightsdata info\n  rightsdata fmt --check datasets/kazakhstan",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    info = commands.add_parser(
        "info",
        help="the bundled dataset's version and record counts",
        epilog="example:\n  rightsdata info",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    info.add_argument("--name", default="kazakhstan", help="bundled dataset (default: kazakhstan)")
    info.set_defaults(run=_cmd_info)

    fmt = commands.add_parser(
        "fmt",
        help="rewrite dataset folders in canonical form",
        description="Rewrite each dataset folder canonically: records sorted by id, one "
        "formatting, datapackage.json resources with sizes and sha256 hashes.",
        epilog="examples:\n  rightsdata fmt datasets/kazakhstan\n  rightsdata fmt --check",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fmt.add_argument("paths", nargs="*", help="dataset folders (default: the bundled ones)")
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if any differ")
    fmt.set_defaults(run=_cmd_fmt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        code: int = args.run(args)
    except InvalidDataError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except RightsdataError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (ValueError, OSError) as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return code
