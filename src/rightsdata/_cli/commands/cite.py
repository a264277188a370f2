"""``cite``: how to cite the dataset, and the software."""

from __future__ import annotations

import argparse

from rightsdata._cli.arguments import _dataset, base_json
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.output import _print_json

__all__: list[str] = []


def _software() -> str:
    """How to cite the software, as ``cite`` prints it after the dataset's citation and
    ``cite --json`` gives it (``software``): the same words in both.

    >>> _software().startswith("The software: rightsdata developers, rightsdata ")
    True
    """
    from rightsdata._version import __version__

    return (
        f"The software: rightsdata developers, rightsdata {__version__} (MIT licence); "
        "CITATION.cff in its repository."
    )


def _cmd_cite(args: argparse.Namespace) -> int:
    from rightsdata._data.citation import citation_fields
    from rightsdata._data.packagemeta import package_metadata
    from rightsdata.textcard import terminal_width, wrap

    dataset = _dataset(args)
    if args.json:
        fields = citation_fields(package_metadata(dataset))
        _print_json(
            {**fields, "text": dataset.citation, "software": _software(), **base_json(args)}
        )
        return EXIT_OK
    print("\n".join(wrap(dataset.citation, terminal_width(), whole=True)))
    print()
    print("\n".join(wrap(_software(), terminal_width())))
    return EXIT_OK
