"""``search``: records by name (names and aliases first), then by what is written about them."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from rightsdata._cli.arguments import _dataset, base_json
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _name, _plural, _print_error, _print_json, _print_message
from rightsdata._values.joined import one_of

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset
    from rightsdata._model.records import Record

__all__: list[str] = []


def _title_matches(dataset: Dataset, text: str) -> list[Record]:
    """Events, statements and sources whose title (a statement's summary) matches ``text``,
    ranked as names are (:func:`rightsdata._data.search.rank`).

    Dataset.search reads these texts too, but finds a close spelling in no summary; ranked
    as names are here, a statement whose summary holds one is found too (records
    Dataset.search returned are not repeated: see :func:`_found`)."""
    from rightsdata._data.search import SearchEntry, rank
    from rightsdata._model.records import KINDS, KindName

    titled: tuple[tuple[KindName, str], ...] = (
        ("events", "title"),
        ("statements", "summary"),
        ("sources", "title"),
    )
    entries = [
        SearchEntry.of(r.id, KINDS.index(kind), title, False)
        for kind, attribute in titled
        for r in dataset.collection(kind)
        if (title := getattr(r, attribute))
    ]
    return [dataset.get(i) for i in rank(text, entries)]


def _found(dataset: Dataset, text: str, limit: int | None) -> list[Record]:
    """Names (and aliases) first, as :meth:`Dataset.search` ranks them, then titles (at
    most ``limit``; None for all)."""
    found = list(dataset.search(text, limit=None))
    seen = {r.id for r in found}
    found += [r for r in _title_matches(dataset, text) if r.id not in seen]
    return found[:limit]


def _searched(dataset: Dataset) -> str:
    """What a search looked through, for the message when nothing matched."""
    counts = dataset.counts()
    names = sum(counts[k] for k in ("persons", "organizations", "groups", "places", "laws"))
    titles = sum(counts[k] for k in ("events", "statements", "sources"))
    return (
        f"searched the names and aliases of {names:,} persons, organisations, groups, places "
        f"and laws, and the titles, summaries, quotes and notes of {titles:,} events, "
        f"statements and sources in {dataset.name or 'the dataset'}"
    )


def _words_alone(dataset: Dataset, text: str) -> str:
    """For a search of several words that found nothing, what each word finds alone: a
    search finds what holds every word, so this names the word that no record holds; and
    the words that are kinds of event, which no name or text need hold (``events --kind``).
    Empty for a search of one word."""
    from rightsdata.vocab import EventKind

    found: dict[str, int] = {}
    for word in dict.fromkeys(text.split()):
        with contextlib.suppress(ValueError):  # (no letters or digits: no word to look for)
            found[word] = len(_found(dataset, word, None))
    if len(found) < 2:
        return ""
    missing = [repr(word) for word, n in found.items() if not n]
    alone = [f"{word!r} alone finds {_plural(n, 'record')}" for word, n in found.items() if n]
    said = [f"no record holds {one_of(missing)}" if missing else "no record holds them all"]
    kinds = {kind.value for kind in EventKind}
    terms = [t for t in (w.lower().replace("-", "_") for w in found) if t in kinds]
    said += [", ".join(alone)] if alone else []
    said += [
        f"{term!r} is a kind of event: `rightsdata events --kind {term} --involving ID` "
        "lists an actor's"
        for term in terms
    ]
    return f" ({'; '.join(said)})"


#: The fewest columns of a title a line keeps beside an event's date; with less room, the
#: date takes the line after the title.
_TITLE_ROOM: Final = 12


def _record_lines(dataset: Dataset, records: Sequence[Record], width: int) -> list[str]:
    """Records as a list: a kind column, the name or title, and the ID on the next line (an
    event's with its kind and status, as ``events`` lists them). An event's date follows its
    title, whole, as ``events`` shows it: the title is cut to leave it room, and where too
    little would be left, the date takes a line of its own under the title."""
    from rightsdata._display.words import (
        INFERRED_LEGEND,
        INFERRED_MARK,
        isolated,
        listed_date,
        pad,
        truncate,
    )
    from rightsdata._model.records import Event
    from rightsdata._values.columns import display_width
    from rightsdata.textcard import event_mark, id_lines, wrap

    kinds = [type(r).__name__.lower() for r in records]
    column = max(map(display_width, kinds), default=0) + 2
    lines = []
    for record, kind in zip(records, kinds, strict=True):
        label = _name(dataset, record.id)
        date = ""
        if isinstance(record, Event) and record.date is not None:
            date = f"({listed_date(record)})"
        room = width - column - display_width(date) - 1
        if date and room >= _TITLE_ROOM:
            lines.append(f"{pad(kind, column)}{isolated(truncate(label, room))} {date}")
        else:
            lines.append(pad(kind, column) + isolated(truncate(label, width - column)))
            if date:  # (under the title, or as far in as leaves it whole)
                lines.append(" " * max(min(column, width - display_width(date)), 0) + date)
        mark = event_mark(record) if isinstance(record, Event) else ""
        lines += id_lines(record.id, mark, column, width)
    listed = (listed_date(r) for r in records if isinstance(r, Event))
    if any(date and date.endswith(INFERRED_MARK) for date in listed):
        lines += wrap(INFERRED_LEGEND, width, "", "  ")  # (what an event date's mark means)
    return lines


def _more_note(args: argparse.Namespace, shown: int, total: int) -> str:
    """What a search that stopped at ``--limit`` says of the records it left out, and the
    command that lists them all; empty where it left none out."""
    from rightsdata._cli.arguments import _source_options
    from rightsdata._values.shell import command_line

    if total <= shown:
        return ""
    command = command_line(["search", *args.text]) + f" --limit {total}{_source_options(args)}"
    stopped = f"a search lists at most --limit {shown:,}"
    return f"and {total - shown:,} more ({stopped}): `{command}` lists all {total:,}"


def _cmd_search(args: argparse.Namespace) -> int:
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import terminal_width

    if args.json and args.json_report:
        raise UsageError("give --json (a list of the records) or --json-report, not both")
    dataset = _dataset(args)
    text = " ".join(args.text)
    try:
        every = _found(dataset, text, None)
    except ValueError as error:  # no letters or digits
        raise UsageError(f"nothing to search for: {error}") from None
    found = every[: args.limit]
    more = _more_note(args, len(found), len(every))
    if args.json_report:  # (what the note says, for a program: no note on stderr)
        stopped = args.limit if len(every) > len(found) else None
        records = [unstructure(r) for r in found]
        report = {"records": records, "found": len(every), "stopped_at": stopped}
        _print_json({**report, **base_json(args)})
        return EXIT_OK
    if args.json:
        _print_json([unstructure(r) for r in found])
        if more:  # (the list stays the whole of stdout, as programs read it)
            _print_error(more)
        return EXIT_OK
    if not found:
        _print_error(f"nothing matches {text!r}{_words_alone(dataset, text)}: {_searched(dataset)}")
        return EXIT_OK
    print("\n".join(_record_lines(dataset, found, terminal_width())))
    if more:
        _print_message(more)
    return EXIT_OK
