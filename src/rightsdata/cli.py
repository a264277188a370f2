"""The ``rightsdata`` command line (also ``python -m rightsdata``).

Exit codes, for scripts: 0 fine; 1 invalid data (or files not canonical with ``fmt --check``);
2 usage (a bad option, an unknown ID, a missing file; ``export`` into a directory that is not
empty without ``--force``, or in a format whose optional extra is not installed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from rightsdata._extras import MissingExtraError
from rightsdata.errors import (
    InvalidDataError,
    Problem,
    RightsdataError,
    UnknownIdError,
    printable,
)
from rightsdata.export import FORMATS

if TYPE_CHECKING:
    from rightsdata.dataset import Dataset
    from rightsdata.model import Event, Record

__all__ = ["build_parser", "main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2


def _dataset(args: argparse.Namespace) -> Dataset:
    import rightsdata

    if getattr(args, "data", None):
        return rightsdata.load_path(args.data)
    return rightsdata.load(args.name)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _label(record: Record) -> str:
    for attribute in ("name", "title", "summary"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    if hasattr(record, "instrument"):
        part = f" part {record.part}" if record.part else ""  # type: ignore[union-attr]
        return f"{record.instrument}, article {record.article}{part}"  # type: ignore[union-attr]
    return record.id


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
            }
        )
        return EXIT_OK
    print(
        f"{dataset.name or 'dataset'} {dataset.version or '(no version)'} "
        f"(rightsdata {rightsdata.__version__})"
    )
    for kind, count in counts.items():
        print(f"  {kind:<14} {count:>7}")
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from rightsdata.convert import unstructure

    found = _dataset(args).search(args.text, limit=args.limit)
    if args.json:
        _print_json([unstructure(r) for r in found])
    else:
        for record in found:
            print(f"{record.id:<45} {_label(record)}")
        if not found:
            print(f"nothing matches {args.text!r}", file=sys.stderr)
    return EXIT_OK


def _event_line(event: Event) -> str:
    date = str(event.date) if event.date is not None else "date unknown"
    return f"{date:<24} {event.kind.value:<18} {event.title}  [{event.id}]"


def _cmd_timeline(args: argparse.Namespace) -> int:
    from rightsdata.convert import unstructure

    dataset = _dataset(args)
    events = dataset.timeline(args.actor)
    if args.json:
        _print_json([unstructure(e) for e in events])
        return EXIT_OK
    print(f"{_label(dataset.get(args.actor))}: {len(events)} events")
    for event in events:
        print(_event_line(event))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from rightsdata.convert import unstructure

    dataset = _dataset(args)
    record = dataset.get(args.id)
    document = unstructure(record)
    if args.json:
        _print_json(document)
        return EXIT_OK
    print(f"{record.id}  ({type(record).__name__})")
    for key, value in document.items():
        if key == "id" or value in (None, []):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"  {key}:")
            for item in value:
                print("    - " + ", ".join(f"{k}={v}" for k, v in item.items() if v is not None))
        else:
            print(f"  {key}: {value}")
    return EXIT_OK


def _problem_json(problem: Problem) -> dict[str, str]:
    return {"location": problem.location, "message": problem.message, "code": problem.code}


def _cmd_validate(args: argparse.Namespace) -> int:
    import rightsdata

    problems = rightsdata.validate(args.path, schema=args.schema, max_bytes=args.max_bytes)
    if args.json:
        _print_json([_problem_json(p) for p in problems])
    elif problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{len(problems)} {noun} in {printable(args.path)}:")
        for problem in problems:
            print(f"  {problem}")
    else:
        print(f"{printable(args.path)}: valid")
    return EXIT_INVALID if problems else EXIT_OK


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


def _cmd_export(args: argparse.Namespace) -> int:
    from rightsdata._extras import MissingExtraError
    from rightsdata.export import export

    target = Path(args.directory)
    if target.exists() and not target.is_dir():
        print(f"rightsdata: {target} exists and is not a directory", file=sys.stderr)
        return EXIT_USAGE
    if target.is_dir() and any(target.iterdir()) and not args.force:
        print(
            f"rightsdata: {target} is not empty; pass --force to write into it "
            "(files of the same name are replaced)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    dataset = _dataset(args)
    try:
        written = export(dataset, target, args.format)
    except MissingExtraError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
        return EXIT_USAGE
    noun = "file" if len(written) == 1 else "files"
    print(f"wrote {len(written)} {noun} ({args.format}) to {target}")
    return EXIT_OK


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default="kazakhstan", help="bundled dataset to use (default: kazakhstan)"
    )
    parser.add_argument(
        "--data", metavar="PATH", help="use your own dataset (folder, JSON or JSON Lines) instead"
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
        description=summary,
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if data:
        _add_source_options(parser)
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = argparse.ArgumentParser(
        prog="rightsdata",
        description="Typed, cited human-rights documentation data: look it up, validate it, "
        "export it.",
        epilog="examples:\n  rightsdata timeline person:vladimir-kozlov\n"
        "  rightsdata search zhanaozen\n  rightsdata validate my-dataset/\n"
        "  rightsdata export --format datapackage out/\n\n"
        "exit codes: 0 fine, 1 invalid data, 2 usage",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    info = _command(
        commands,
        "info",
        "the dataset's version and record counts",
        ["rightsdata info", "rightsdata info --json"],
    )
    info.set_defaults(run=_cmd_info)

    search = _command(
        commands,
        "search",
        "find people, organisations and places by name",
        ["rightsdata search kozlov", "rightsdata search 'Жаңаөзен' --json"],
    )
    search.add_argument("text", help="a name or part of one (any case, accents or script)")
    search.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    search.set_defaults(run=_cmd_search)

    timeline = _command(
        commands,
        "timeline",
        "the events an actor took part in, in date order",
        ["rightsdata timeline person:vladimir-kozlov", "rightsdata timeline org:alga --json"],
    )
    timeline.add_argument("actor", help="a person or organisation id")
    timeline.set_defaults(run=_cmd_timeline)

    show = _command(
        commands,
        "show",
        "one record, every field",
        [
            "rightsdata show event:kozlov-verdict-2012-10-08",
            "rightsdata show law:kz-cc-1997-164 --json",
        ],
    )
    show.add_argument("id", help="any record id (redirects are followed)")
    show.set_defaults(run=_cmd_show)

    check = _command(
        commands,
        "validate",
        "check a dataset and list every problem",
        [
            "rightsdata validate my-dataset/",
            "rightsdata validate data.jsonl --json",
            "rightsdata validate big.json --max-bytes 4000000000 --schema",
        ],
        data=False,
    )
    check.add_argument("path", help="a dataset folder, a JSON document or a JSON Lines file")
    check.add_argument(
        "--schema", action="store_true", help="also check against the JSON Schemas (slower)"
    )
    check.add_argument(
        "--max-bytes", type=int, default=1 << 30, help="refuse larger files (default 1 GiB)"
    )
    check.set_defaults(run=_cmd_validate)

    fmt = _command(
        commands,
        "fmt",
        "rewrite dataset folders in canonical form",
        ["rightsdata fmt datasets/kazakhstan", "rightsdata fmt --check"],
        data=False,
        json_output=False,
    )
    fmt.description = (
        "Rewrite each dataset folder canonically: records sorted by id, one "
        "formatting, datapackage.json resources with sizes and sha256 hashes."
    )
    fmt.add_argument("paths", nargs="*", help="dataset folders (default: the bundled ones)")
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if any differ")
    fmt.set_defaults(run=_cmd_fmt)

    out = _command(
        commands,
        "export",
        "write the dataset as JSON, JSON Lines, CSV, a data package or Parquet",
        [
            "rightsdata export --format datapackage out/",
            "rightsdata export --format csv --data my-dataset/ tables/",
            "rightsdata export --format parquet out/ --force   # needs rightsdata[arrow]",
        ],
        json_output=False,
    )
    out.description = "Write the dataset into DIRECTORY. Formats:\n" + "\n".join(
        f"  {name:<12} {meaning}" for name, meaning in FORMATS.items()
    )
    out.add_argument("directory", metavar="DIRECTORY", help="where to write (created if missing)")
    out.add_argument(
        "--format", choices=list(FORMATS), default="json", help="what to write (default: json)"
    )
    out.add_argument(
        "--force", action="store_true", help="write into a directory that is not empty"
    )
    out.set_defaults(run=_cmd_export)
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
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped listening (`rightsdata timeline ... | head`): not an error. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except InvalidDataError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except UnknownIdError as exc:
        print(f"rightsdata: {exc}", file=sys.stderr)
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
