"""``info``: the dataset's version, record counts and how to cite it."""

from __future__ import annotations

import argparse

from rightsdata._cli.arguments import _dataset, _source_options, base_json
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.output import _plural, _print_json
from rightsdata._values.errors import one_line

__all__: list[str] = []


def _cmd_info(args: argparse.Namespace) -> int:
    import rightsdata

    dataset = _dataset(args)
    counts = dataset.counts()
    if args.json:
        _print_json(
            {
                "name": dataset.name,
                "version": dataset.version,
                "format": dataset.format,
                "rightsdata": rightsdata.__version__,
                "counts": counts,
                "citation": dataset.citation,
                **base_json(args),
            }
        )
        return EXIT_OK
    # (a descriptor's name and version may be any text: shown on the one line)
    print(
        f"{one_line(dataset.name or 'dataset')} {one_line(dataset.version or '(no version)')} "
        f"(rightsdata {rightsdata.__version__}): {_plural(len(dataset), 'record')}"
    )
    for kind, count in counts.items():
        print(f"  {kind:<14} {count:>7,}")
    print(f"cite it as: rightsdata cite{_source_options(args)}")
    return EXIT_OK
