"""``init``: write a small valid dataset to start from into a new folder."""

from __future__ import annotations

import argparse

from rightsdata._cli.arguments import _path
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _plural

__all__: list[str] = []


def _cmd_init(args: argparse.Namespace) -> int:
    from rightsdata._cli.template import write_template

    folder = _path(args.directory)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} exists and is not an empty folder; init writes a new one")
    written = write_template(folder)
    print(
        f"wrote {_plural(len(written), 'file')} to {folder}: {', '.join(p.name for p in written)}"
    )
    print("next: edit them (docs/records.md has an example of every kind), then")
    print(f"  rightsdata validate {folder}")
    print(f"  rightsdata show event:example-person-detained-2020-05-01 --data {folder}")
    return EXIT_OK
