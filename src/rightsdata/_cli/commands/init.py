"""``init``: write a small valid dataset to start from into a folder that is empty or does not
exist."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Final

from rightsdata._cli.arguments import _path
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _plural, did
from rightsdata._values.errors import printable_path
from rightsdata._values.folders import in_the_way, not_a_folder, system_reason
from rightsdata._values.shell import shell_path

__all__: list[str] = []

#: The folder init writes into, as its help, its errors and docs/cli.md say.
INIT_FOLDER: Final = "a folder that is empty or does not exist"
#: What init does, in its help's and the command list's words.
INIT_SUMMARY: Final = f"write a small valid dataset to start from into {INIT_FOLDER}"
_WANTS: Final = f"init writes its dataset into {INIT_FOLDER}"


def _refuse(folder: Path) -> None:
    """Raise a usage error unless init may write into ``folder``."""
    blocker = in_the_way(folder)
    if blocker is not None:
        raise UsageError(f"{not_a_folder(folder, blocker)}; {_WANTS}")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(f"{folder} is a folder that is not empty; {_WANTS}")


def _cmd_init(args: argparse.Namespace) -> int:
    from rightsdata._cli.template import write_template

    folder = _path(args.directory)
    try:
        _refuse(folder)
        written = write_template(folder)
    except OSError as error:  # a folder it may not read or write, or cannot create
        raise UsageError(
            f"cannot write into {folder}: {system_reason(error, folder)}; {_WANTS}"
        ) from None
    names = ", ".join(p.name for p in written)
    said = f"wrote {_plural(len(written), 'file')} to {printable_path(str(folder))}: {names}"
    did(said)  # (said, if standard output cannot be written: the files are)
    print(said)
    shown = shell_path(str(folder))  # (commands to paste: 'my data', ./-x: one path each)
    print("next: edit them, then")
    print(f"  rightsdata validate {shown}")
    print(f"  rightsdata show event:example-person-detained-2020-05-01 --data {shown}")
    print("to write them in canonical form (records sorted by ID, one formatting):")
    print(f"  rightsdata fmt {shown}")
    # (the docs are not installed: a bundled record is an example of its kind that is)
    print("for a record of another kind, print a bundled one as its file holds it:")
    print("  rightsdata show place:almaty --json")
    return EXIT_OK
