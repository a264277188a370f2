"""``events`` (the events that meet every filter given) and ``timeline`` (an actor's
events, or a place's with those of the places within it), with the checks of their filters
and IDs."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from rightsdata._cli.arguments import _dataset, _source_options
from rightsdata._cli.exits import EXIT_OK, UsageError
from rightsdata._cli.output import _name, _plural, _print_json, redirected
from rightsdata._cli.suggest import close, did_you_mean, unknown_id_message

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__: list[str] = []


def _terms(values: Sequence[str], vocabulary: type[StrEnum], option: str, noun: str) -> list[str]:
    """Each value (comma-separated lists allowed) checked against a vocabulary."""
    allowed = [str(m.value) for m in vocabulary]
    terms = [t.strip() for value in values for t in value.split(",") if t.strip()]
    if not terms:
        given = ", ".join(repr(v) for v in values)
        raise UsageError(
            f"{option} {given} names no {noun.split(' ', 1)[1]}; "
            f"the {noun.split(' ', 1)[1]}s are: {', '.join(allowed)}"
        )
    for value in values:  # (an empty one among others names nothing too: as in Python)
        if any(not part.strip() for part in value.split(",")):
            raise UsageError(
                f"{option} {value!r} names an empty {noun.split(' ', 1)[1]}: give "
                f"{noun.split(' ', 1)[1]}s, several separated by commas, none empty"
            )
    for value in terms:
        if value not in allowed:
            hint = did_you_mean(close(value, allowed, n=2))
            raise UsageError(
                f"{option} {value!r} is not {noun}; {hint + ' ' if hint else ''}"
                f"the {noun.split(' ', 1)[1]}s are: {', '.join(allowed)}"
            )
    return terms


def _record_of(
    args: argparse.Namespace,
    dataset: Dataset,
    record_id: str,
    option: str,
    prefixes: tuple[str, ...],
) -> str:
    """The ID given to ``option``, checked to be a record of one of the kinds of
    ``prefixes``; where a place is wanted, a country's ISO code (``KZ``) stands for it, as in
    queries, and one in small letters (``kz``) is told its capitals. An unknown ID is told
    IDs like it of those kinds only. The command suggested for a record of another kind
    names the same dataset (``args``)."""
    from rightsdata._data.query import place_code
    from rightsdata._model.records import ACTOR_TYPES, RECORD_TYPES, Place
    from rightsdata._values.errors import UnknownIdError
    from rightsdata._values.ids import KIND_OF_PREFIX, a_noun, describe_prefixes

    wanted = tuple(RECORD_TYPES[KIND_OF_PREFIX[p]] for p in prefixes)
    options = _source_options(args)
    try:
        code = place_code(record_id, dataset.country) if Place in wanted else None
        # (an unknown ID: told IDs of the kinds wanted, as the queries tell it)
        record = (
            dataset._answers().get(record_id, wanted) if code is None else dataset.country(code)
        )
    except UnknownIdError as error:
        search = f"rightsdata search WORDS{options}"
        said = unknown_id_message(dataset, error, search)
        raise UsageError(f"{option}: {said}" if option.startswith("-") else said) from None
    if isinstance(record, wanted):
        found: str = record.id
        if code is None:  # (a retired ID: said, not followed unseen)
            redirected(record_id, found)
        return found
    message = (
        f"{option} takes {describe_prefixes(prefixes)}; {record_id} "
        f"({_name(dataset, record.id)}) is {a_noun(record.kind_name)}"
    )
    if isinstance(record, Place):
        message += f"; for the events at a place: `rightsdata events --place {record_id}{options}`"
    elif isinstance(record, ACTOR_TYPES):
        message += f"; for their events: `rightsdata events --involving {record_id}{options}`"
    raise UsageError(message)


def _cli_window(start: str, end: str) -> str:
    """``--between`` from ``start`` to ``end`` ('..' if open)."""
    return f"--between {start or '..'}/{end or '..'}"


def _window(text: str) -> tuple[str | None, str | None]:
    """``--between``: one date (``2012``: all of it) or ``START/END``, a side empty or ``..``
    for open."""
    from rightsdata._values.dates import EDTF, EDTFError, is_edtf
    from rightsdata._values.datewords import Window, in_window

    start, slash, end = text.partition("/")
    if not text:
        raise UsageError("--between '' is not a date; give a date (2012) or START/END")
    if "/" in end:
        raise UsageError(
            f"--between {text!r}: give one date or START/END, not {text.count('/') + 1} dates"
        )
    sides = (start, end) if slash else (start, start)
    wheres: tuple[Literal["start", "end", "both"], ...] = ("start", "end") if slash else ("both",)
    for where, side in zip(wheres, sides, strict=False):
        if side not in ("", ".."):
            try:
                date = EDTF.parse(side)
            except EDTFError as error:
                reason = in_window(side, error.reason, is_edtf, Window(where, _cli_window))
                said = EDTFError(side, reason)
                raise UsageError(f"--between {text!r}: {side!r} is not a date ({said})") from None
            if date.is_set and not slash:  # (one value is the window itself, not a side)
                raise UsageError(
                    f"--between {text!r} is one of some dates, not a window; ask of each of "
                    "its dates in turn"
                )
    first, last = (None if s in ("", "..") else s for s in sides)
    from rightsdata._data.query import window

    try:
        window((first, last))
    except ValueError as error:  # (the start after the end, or a side that is a set)
        reason = str(error).removeprefix("between: ")
        if first and last and " is after the end " in reason:  # (in order, it is taken)
            reason = f"the start {first!r} is after the end {last!r}; in order: "
            reason += _cli_window(last, first)
        raise UsageError(f"--between {text!r}: {reason}") from None
    return first, last


def _event_filters(args: argparse.Namespace, dataset: Dataset) -> dict[str, Any]:
    """The ``ds.events()`` arguments of the command line's filters, each checked first."""
    from rightsdata._model.records import ACTOR
    from rightsdata.vocab import EventKind, Role

    filters: dict[str, Any] = {}
    # `is not None`, not truth: an empty value ('--role ""') is an error, never no filter
    if args.kind is not None:
        filters["kind"] = _terms(args.kind, EventKind, "--kind", "an event kind")
    if args.between is not None:
        filters["between"] = _window(args.between)
    if args.certain:
        from rightsdata._data.query import CertainSpelling, certain_refusal, window

        spelled = CertainSpelling(
            "--certain",
            "--certain",
            f"--between {args.between!r}",
            "add --between WHEN (2019-06, or START/END)",
            "2019-06/..",
        )
        days = None if args.between is None else window(filters["between"])
        refused = certain_refusal(days, "event", spelled)  # (as ds.events words it)
        if refused:
            raise UsageError(refused)
        filters["certain"] = True
    if args.place is not None:
        filters["place"] = _record_of(args, dataset, args.place, "--place", ("place",))
    if args.involving is not None:
        filters["involving"] = _record_of(args, dataset, args.involving, "--involving", ACTOR)
    if args.role is not None:
        roles = _terms([args.role], Role, "--role", "a role")
        if len(roles) > 1:
            raise UsageError(f"--role takes one role, not {len(roles)} ({', '.join(roles)})")
        (filters["role"],) = roles
    return filters


def _cmd_events(args: argparse.Namespace) -> int:
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import event_lines

    dataset = _dataset(args)
    filters = _event_filters(args, dataset)
    events = dataset.events(**filters)
    if args.json:
        _print_json([unstructure(e) for e in events])
        return EXIT_OK
    described = "; ".join(_filter_text(k, v) for k, v in filters.items())
    where = f" ({described})" if described else ""
    print(f"{_plural(len(events), 'event')}{where}")
    if events:  # (none: the heading alone, with no blank line after it, as timeline's)
        print("\n".join(event_lines(events)))
    return EXIT_OK


def _filter_text(option: str, value: Any) -> str:
    """A filter as the heading names it: ``--kind arrest,detention``, ``--certain``."""
    if option == "certain":
        return "--certain"
    if isinstance(value, list):
        return f"--{option} {','.join(value)}"
    return f"--{option} {_between_text(value) if option == 'between' else value}"


def _between_text(window: tuple[str | None, str | None]) -> str:
    if window[0] is not None and window[0] == window[1]:
        return window[0]
    return f"{window[0] or '..'}/{window[1] or '..'}"


def _cmd_timeline(args: argparse.Namespace) -> int:
    from rightsdata._display.marks import subject_events
    from rightsdata._display.words import isolated
    from rightsdata._model.records import ACTOR
    from rightsdata._validation.convert import unstructure
    from rightsdata.textcard import event_lines

    dataset = _dataset(args)
    subject = _record_of(args, dataset, args.actor, "timeline", (*ACTOR, "place"))
    found = subject_events(dataset, subject)  # (an actor's events, or a place's: as plotted)
    events = found.events
    if args.json:
        _print_json([unstructure(e) for e in events])
        return EXIT_OK
    name = isolated(_name(dataset, subject))  # (a right-to-left name: its own direction)
    heading = f"{name}: {_plural(len(events), 'event')}{found.within}"
    print(f"{heading}, in date order")
    if events:  # (none: the heading alone, with no blank line after it)
        print("\n".join(event_lines(events)))
    return EXIT_OK
