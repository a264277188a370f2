"""``show``: one record as a card."""

from __future__ import annotations

import argparse
import contextlib

from rightsdata._cli.arguments import _dataset, _source_options, _width
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _print_json, redirected

__all__: list[str] = []


def _cmd_show(args: argparse.Namespace) -> int:
    from rightsdata._data.query import country_code
    from rightsdata._model.records import Record
    from rightsdata._validation.convert import unstructure
    from rightsdata._values.errors import UnknownIdError
    from rightsdata.textcard import text_card

    if args.json and args.width is not None:  # (before loading, as a bad width is)
        raise UsageError(
            f"--width {args.width} would be ignored: --json prints the record as data, which "
            "is not wrapped; give --width for a card, or --json, not both"
        )
    width = _width(args)  # (before loading: a bad option is told at once)
    dataset = _dataset(args)
    record: Record | None = None
    if country_code(args.id) is not None:
        # a country's code stands for its place, as in `timeline KZ` and `events --place KZ`;
        # one no place has is told below as `ds.get` tells it (the codes there are)
        with contextlib.suppress(UnknownIdError):
            record = dataset.country(args.id)
    if record is None:
        record = dataset.get(args.id)  # an ID; a miss in the Python API's words
        redirected(args.id, record.id)  # (a retired ID: said, not followed unseen)
    if args.json:
        _print_json(unstructure(record))
        return EXIT_OK
    print(text_card(record, dataset, width=width, options=_source_options(args)))
    return EXIT_OK
