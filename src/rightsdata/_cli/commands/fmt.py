"""``fmt``: rewrite dataset folders in canonical form, or check that they are."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rightsdata._cli.arguments import _base, _path
from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, UsageError
from rightsdata._cli.output import _plural, _print_error, did
from rightsdata._cli.unreadable import unreadable
from rightsdata._data.loading import DESCRIPTOR
from rightsdata._values.errors import InvalidDataError, printable, printable_path
from rightsdata._values.folders import in_the_way, not_a_folder, system_reason
from rightsdata._values.joined import all_of, one_of
from rightsdata._values.shell import shell_path

__all__: list[str] = []


def _cmd_fmt(args: argparse.Namespace) -> int:
    from rightsdata._data.canonical import LinkedFileError, format_folder, link_refusal, linked
    from rightsdata._values.resources import datasets_root

    if not args.paths and not args.check:
        # the bundled datasets are the installed package's (site-packages, for a pip user)
        raise UsageError(
            "give the dataset folders to rewrite (`rightsdata fmt FOLDER...`); without a "
            "folder, only `rightsdata fmt --check` runs, which checks the bundled datasets"
        )
    if args.base is not None and not args.paths:
        raise UsageError(
            f"--base {args.base}: give the folders that build on it (`rightsdata fmt FOLDER... "
            "--base NAME_OR_PATH`)"
        )
    folders = [_path(p) for p in args.paths] or [
        Path(str(entry)) for entry in datasets_root().iterdir() if entry.is_dir()
    ]
    for folder in folders:
        _refuse(folder)
    base = _base(args.base)
    differ: list[Path] = []  # the folders that are not canonical, that fmt would rewrite
    refused = False  # whether fmt would refuse some folder that is not canonical
    for done, folder in enumerate(folders):
        notes = _unmeasured(folder, args.hashes, args.check)  # (before fmt removes any)
        try:
            changed = format_folder(
                folder, check=args.check, upgrade=args.upgrade, base=base, hashes=args.hashes
            )
        except InvalidDataError as error:  # (main prints its problems, then this note)
            said = unreadable(error.problems, str(folder))
            if said is not None:  # (a file it cannot read: a usage error, as a missing one)
                verb = "could not check" if args.check else "rewrote nothing in"
                shown = printable_path(str(folder))
                raise UsageError(
                    f"{verb} {shown}: {said}{_not_reached(folders[done + 1 :])}"
                ) from None
            error.add_note(_refused_note(folder, folders[done + 1 :], args.check))
            raise
        except LinkedFileError as error:
            said = f"rewrote nothing in {printable(str(folder))}: {error}"
            raise UsageError(said + _not_reached(folders[done + 1 :])) from None
        except OSError as error:  # a file it may not read, or a folder it may not write
            verb = "check" if args.check else "rewrite"
            raise UsageError(f"cannot {verb} {folder}: {system_reason(error, folder)}") from None
        if changed and not args.check:  # (said, if standard output cannot be written)
            did(f"rewrote {_plural(len(changed), 'file')} in {printable_path(str(folder))}")
        for name in changed:
            verb = "not canonical" if args.check else "rewrote"
            print(f"{verb}: {printable_path(str(folder / name))}")  # (one a line: scripts)
        links = linked(folder, changed) if args.check else []
        if links:  # (fmt would refuse the folder: its advice is this, not to run fmt)
            _print_error(f"note: {link_refusal(folder, links)}")
        differ += [folder] if changed and not links else []
        refused = refused or bool(links)
        for note in notes:
            _print_error(note, [str(folder)])
        if not args.check:  # (the notes of the folder as written: its files read once)
            descriptor = _written(folder, DESCRIPTOR)
            _note_unnamed(folder, descriptor)
            _note_sources_of_its_own(folder, descriptor, _written(folder, "sources.json"))
    if args.check and differ:
        given = args.paths if args.paths and not refused else differ
        paths = " ".join(shell_path(str(p)) for p in given)
        over = "" if args.base is None else f" --base {shell_path(args.base)}"
        print(f"run `rightsdata fmt {paths}{over}` to rewrite them", file=sys.stderr)
    return EXIT_INVALID if args.check and (differ or refused) else EXIT_OK


def _refused_note(folder: Path, rest: list[Path], check: bool) -> str:
    """What fmt says when ``folder`` has problems, which it refuses (``rest``: the folders
    given after it, not looked at): that it wrote nothing there, and what to do. A path is
    named as prose names it (as the link refusal does), kept whole by the wrap."""
    shown = printable(str(folder))
    if check:
        said = f"could not check {shown}: fmt checks only a folder without problems"
    else:
        said = f"rewrote nothing in {shown}: fmt rewrites only a folder without problems"
    return f"note: {said}{_not_reached(rest)}"


def _not_reached(rest: list[Path]) -> str:
    """What fmt adds where it stopped at a folder: the folders given after it (``rest``),
    which it did not look at."""
    if not rest:
        return ""
    return f" (and did not look at {all_of(printable(str(p)) for p in rest)})"


def _refuse(folder: Path) -> None:
    """Raise a usage error unless ``folder`` is a folder: say what it is instead."""
    from rightsdata._data.loading import own_files

    blocker = in_the_way(folder)
    if blocker is None and folder.is_dir():
        return
    said = f"{folder}: no such folder" if blocker is None else not_a_folder(folder, blocker)
    if blocker == folder and folder.name in own_files():
        # a file of a dataset folder (persons.json, datapackage.json): name the folder
        command = f"rightsdata fmt {shell_path(str(folder.parent))}"
        said += f"; fmt rewrites a dataset folder: `{command}`"
    else:
        said += "; fmt rewrites dataset folders"
    raise UsageError(said)


def _unmeasured(folder: Path, hashes: bool | None, check: bool) -> list[str]:
    """Which other files ``folder``'s descriptor lists fmt does not measure, and why (a link,
    a missing file), as a load says it; fmt removes the size and hash a link's entry gives,
    and keeps a missing file's (``check``: ``--check``, which says what fmt would do)."""
    from rightsdata._data.canonical import unmeasured

    notes = unmeasured(folder, hashes, check=check)
    return [f"note: {folder / DESCRIPTOR}: {said}" for said in notes]


def _written(folder: Path, name: str) -> Any:
    """The JSON of the file ``name`` that fmt wrote in ``folder`` (read past byte-order
    marks, as every reader), or None if there is none."""
    from rightsdata._data.bytemarks import unmarked

    path = folder / name
    return json.loads(unmarked(path.read_bytes())[0]) if path.is_file() else None


def _note_unnamed(folder: Path, descriptor: Any) -> None:
    """Say that ``folder``'s descriptor gives no name or version, which fmt never makes up."""
    path = folder / DESCRIPTOR
    missing = [key for key in ("name", "version") if key not in descriptor]
    if missing:
        _print_error(
            f"note: {path} gives no {one_of(missing)} (none is made up); add "
            f"{all_of(repr(k) for k in missing)} to say which dataset and release it is",
            [str(folder)],
        )


def _note_sources_of_its_own(folder: Path, descriptor: Any, records: Any) -> None:
    """Name the entries of ``folder``'s descriptor's ``sources`` that fmt kept as the
    descriptor's own (written by hand: no source record has their title or address, and no
    dataset is built on with them), since a source record retitled leaves its former
    title's entry among them, which only its author can tell from their own source
    (:func:`rightsdata._data.packagemeta.package_metadata`)."""
    from rightsdata._data.citation import is_built_on

    named = {r.get(key) for r in records or () for key in ("title", "url")} - {None}
    entries = descriptor.get("sources") if isinstance(descriptor, dict) else None
    own = [
        entry["title"]
        for entry in (entries if isinstance(entries, list) else ())
        if isinstance(entry, dict)
        and isinstance(entry.get("title"), str)
        and not is_built_on(entry)
        and not {entry.get("title"), entry.get("path")} & named
    ]
    if own:
        it, them = ("it", "it") if len(own) == 1 else ("they", "them")
        _print_error(
            f"note: {folder / DESCRIPTOR} lists {all_of(repr(t) for t in own)} among its "
            f"sources, which no source record has: kept as the descriptor's own (a source "
            f"written by hand); if {it} named a source record before its title changed, "
            f"remove {them} there",
            [str(folder)],
        )
