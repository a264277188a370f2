"""``show``: one record as a card."""

from __future__ import annotations

import argparse

from rightsdata._cli.arguments import _dataset, _source_options, _width
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.output import _print_json

__all__: list[str] = []


def _cmd_show(args: argparse.Namespace) -> int:
    from rightsdata._data.query import place_code
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import text_card

    width = _width(args)  # (before loading: a bad option is told at once)
    dataset = _dataset(args)
    # a country's code stands for its place, as in `timeline KZ` and `events --place KZ`
    code = place_code(args.id, dataset.country)
    record = dataset.get(args.id) if code is None else dataset.country(code)
    if args.json:
        _print_json(unstructure(record))
        return EXIT_OK
    print(text_card(record, dataset, width=width, options=_source_options(args)))
    return EXIT_OK
