"""The check of an argument given to a display function (internal): a value of another type
(None, an ID where a record is due, a str where records are) is a TypeError that names the
function, the argument and what it takes, not an AttributeError from deep inside a card.

>>> given_record(None, "record_repr")
Traceback (most recent call last):
TypeError: record_repr: record must be a record (such as `ds.get(id)`), not None
>>> given_event("event:x", "event_mark")  # doctest: +ELLIPSIS
Traceback (most recent call last):
TypeError: event_mark: event must be an Event ...: pass the record, `ds.get('event:x')`
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, TypeVar

from rightsdata._model.records import RECORD_CLASSES, Event, Record
from rightsdata._values.errors import checked, what_was_given
from rightsdata._values.ids import is_valid_id
from rightsdata._values.shell import python_call, python_literal

__all__ = ["given", "given_event", "given_events", "given_record", "given_records", "given_strings"]

_T = TypeVar("_T")

#: The records a function takes: what one is called, their classes, what several are called.
_Kinds = tuple[str, tuple[type, ...], str]
_RECORDS: Final[_Kinds] = ("a record", RECORD_CLASSES, "records")
_EVENTS: Final[_Kinds] = ("an Event", (Event,), "Event records")
_STRINGS: Final[_Kinds] = ("a str", (str,), "strings")
#: What is never some records, though it may be iterable: a str iterates its characters, a
#: mapping its keys; a record or a class is one thing.
_NOT_ITEMS: Final = (str, bytes, bytearray, Mapping, type, *RECORD_CLASSES)


def given(
    value: _T,
    function: str,
    name: str,
    taken: str,
    types: type | tuple[type, ...],
    *,
    advice: str = "",
) -> _T:
    """``value``, the argument ``name`` of ``function``, if it is one of ``types``; else a
    TypeError saying that it must be ``taken`` (as :func:`~rightsdata._values.errors.checked`
    says it), then ``advice``, if any.

    >>> given(5, "plot_timeline", "title", "a str or None", (str, type(None)))
    Traceback (most recent call last):
    TypeError: plot_timeline: title must be a str or None, not an int (5)
    """
    if advice and not isinstance(value, types):
        raise TypeError(
            f"{function}: {name} must be {taken}, not {what_was_given(value)}; {advice}"
        )
    return checked(value, f"{function}: {name}", taken, types)


def _the_id(value: object) -> str | None:
    """The advice for an ID given where its record is due; None for anything else."""
    if isinstance(value, str) and is_valid_id(value):
        return f"pass the record, {python_call(f'ds.get({python_literal(value)})')}"
    return None


def _record(value: object, function: str, name: str, kinds: _Kinds, several: str) -> None:
    """A TypeError saying that ``value``, the argument ``name`` of ``function``, must be a
    record of ``kinds``, if it is not one: for an ID, how to get its record; for records in a
    list or collection, ``several`` (where a function shows them)."""
    if isinstance(value, kinds[1]):
        return
    said = f"{function}: {name} must be {kinds[0]} (such as {python_call('ds.get(id)')}), not "
    advice = _the_id(value)
    if advice is not None:
        raise TypeError(f"{said}the ID {value!r}: {advice}")
    many = several and isinstance(value, Sequence) and not isinstance(value, str | bytes)
    raise TypeError(f"{said}{what_was_given(value)}" + (f"; {several}" if many else ""))


def given_record(
    value: object, function: str, name: str = "record", *, several: str = ""
) -> Record:
    """``value``, the argument ``name`` of ``function``, if it is a record; else a TypeError
    saying so, which for an ID tells how to get its record, and for records in a list or
    collection, ``several`` (where a function shows them).

    >>> given_record(["x"], "record_html", several="`table(x)`")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: record_html: record must be a record (such as `ds.get(id)`), not a list; ...
    """
    _record(value, function, name, _RECORDS, several)
    return value  # type: ignore[return-value]  # (a record: checked)


def given_event(value: object, function: str, name: str = "event") -> Event:
    """``value``, the argument ``name`` of ``function``, if it is an Event; else a TypeError
    saying so, as :func:`given_record` says it."""
    _record(value, function, name, _EVENTS, "")
    return value  # type: ignore[return-value]  # (an Event: checked)


def _items(
    values: object, function: str, name: str, kinds: _Kinds, such: str
) -> tuple[object, ...]:
    """``values`` as a tuple, if it is an iterable of records of ``kinds``; else a TypeError
    saying so (``such``: an example of them, as the message writes it): for a str (which
    Python iterates character by character), a record or anything else not iterable, what
    was given; for an item of another type, its index and what it is (for an ID, how to get
    its record)."""
    said = f"{function}: {name} must be {kinds[2]} (such as {such})"
    if isinstance(values, _NOT_ITEMS) or not isinstance(values, Iterable):
        advice = _one_in_list(values, kinds)
        advice = f"; one goes in a list, {advice}" if advice else ""
        raise TypeError(f"{said}, not {what_was_given(values)}{advice}")
    shown = tuple(values)
    for position, item in enumerate(shown):
        if not isinstance(item, kinds[1]):
            told = _the_id(item)
            at = f"; the item at index {position} is "
            if told is not None:
                raise TypeError(f"{said}{at}the ID {item!r}: {told}")
            raise TypeError(f"{said}{at}{what_was_given(item)}")
    return shown


def _one_in_list(value: object, kinds: _Kinds) -> str:
    """A list of ``value``, given alone where several of ``kinds`` are due, as a message
    advises it, marked as code: a string's (for strings), a record's, an ID's record's; ""
    for anything else."""
    if kinds is _STRINGS:
        return python_call(f"[{python_literal(value)}]") if isinstance(value, str) else ""
    if isinstance(value, RECORD_CLASSES):
        return python_call("[record]")
    if isinstance(value, str) and _the_id(value) is not None:
        return python_call(f"[ds.get({python_literal(value)})]")
    return ""


def given_records(values: object, function: str, name: str = "records") -> tuple[Record, ...]:
    """``values``, the argument ``name`` of ``function``, as a tuple, if it is an iterable of
    records; else a TypeError saying so (for an item, its index and what it is).

    >>> given_records("x", "table")
    Traceback (most recent call last):
    TypeError: table: records must be records (such as `ds.events(...)`), not a str ('x')
    """
    return _items(  # type: ignore[return-value]
        values, function, name, _RECORDS, python_call("ds.events(...)")
    )


def given_events(values: object, function: str, name: str = "events") -> tuple[Event, ...]:
    """``values`` as a tuple of Events, as :func:`given_records` checks records.

    >>> given_events(["event:x"], "event_lines")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: event_lines: events must be ...; the item at index 0 is the ID 'event:x': ...
    """
    return _items(  # type: ignore[return-value]
        values, function, name, _EVENTS, python_call("ds.events(...)")
    )


def given_strings(values: object, function: str, name: str, such: str) -> tuple[str, ...]:
    """``values`` as a tuple of strings (``such`` is an example of them), as
    :func:`given_records` checks records: a str alone is refused, not taken for its characters.

    >>> given_strings("my data", "wrap", "keep", "['a b']")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: wrap: keep must be strings ...; one goes in a list, `['my data']`
    """
    return _items(values, function, name, _STRINGS, python_call(such))  # type: ignore[return-value]
