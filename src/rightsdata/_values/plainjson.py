"""Whether Python values are plain JSON: built only of the types ``json.loads`` makes.

A value is plain JSON if it is, exactly (not a subclass), a ``dict`` whose keys are ``str``,
a ``list``, a ``str``, an ``int``, a finite ``float``, a ``bool`` or ``None``, and so is
everything it holds, no list or dict is held in two places and no long text object either
(``json.loads`` makes a new object for each). Such values survive a round trip through JSON
text unchanged: text written from them and read back with ``json.loads`` is equal to them,
of the same types, and about as large. So anything that reads JSON text can read them as
the text they would be written as; values that are not plain (a tuple, a ``str`` subclass,
an ``IntEnum``, ``nan``, a key that is a number) would be changed by the trip (a tuple read
back as a list, ``nan`` written as ``null``), and values held in many places would be
written out once for each (a list held twice at each of 40 levels, 2**40 times): they are
left to code that judges Python values as they are.

The test reads the values a level of nesting at a time, each level's types by C-level maps
(``type`` of every value into a set, the containers picked by ``itertools.compress``), so
that the interpreter runs a few statements a level, not a few a value: for the documents of
10,000 events of the benchmark's realistic shape (708,273 values, 253,548 of them lists and
dicts) 0.17 s, of which the types take 0.10 s (a loop over each value 0.20 s) and the
look for what is held twice the rest; a level is read 4,096 values at a time.

>>> plain_json([{"id": "person:a", "names": ["A", "B"], "count": 2, "share": 0.5}])
True
>>> plain_json([("A", "B")]), plain_json([{1: "one"}]), plain_json([float("nan")])
(False, False, False)
>>> class Name(str): ...
>>> plain_json([{"name": Name("A")}])
False
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from itertools import chain, compress, repeat
from operator import is_, lt
from sys import getrefcount
from typing import Any, Final, TypeVar, cast

from rightsdata._values.nesting import MAX_NESTING

__all__ = ["LONG_TEXT", "plain_json"]

#: The types ``json.loads`` makes, exactly.
_JSON_TYPES: Final = frozenset({dict, list, str, int, float, bool, type(None)})
_TEXT: Final = frozenset({str})

#: The length from which one text object held in two places is not plain JSON. Below it,
#: the copy the JSON text makes of each place costs no more than reading such text from a
#: file does; a text of 1 MB held by 1,500 records would cost 1.5 GB written out, where
#: the values judged as given keep the one object.
LONG_TEXT: Final = 64

#: How many values of a level are read at once: a level of a large dataset's documents (every
#: field of every record) read whole is far larger than the processor's caches, and the test
#: took 0.65 s for 50,000 events against 0.10 s for 10,000.
_PIECE: Final = 4096

_T = TypeVar("_T")


def plain_json(values: Iterable[object]) -> bool:
    """Whether each of ``values`` is plain JSON (the module's docstring), as ``json.loads``
    would make it: nested at most :data:`~rightsdata._values.nesting.MAX_NESTING` levels
    (so that whatever writes them never recurses past the interpreter's limit), no list or
    dict held in two places, and no text of :data:`LONG_TEXT` characters or more held in
    two places (``json.loads`` makes a new object for each, and text written from values
    that share one holds a copy for each place: a list held twice at each of 40 levels
    would be written 2**40 times).

    >>> plain_json(["text", 1, 2.5, True, None, [], {}])
    True
    >>> plain_json([b"bytes"]), plain_json([{"a": {1, 2}}]), plain_json([float("inf")])
    (False, False, False)
    >>> both = ["x"]
    >>> plain_json([both, both]), plain_json(["x" * LONG_TEXT] * 2), plain_json(["x"] * 2)
    (False, False, True)
    """
    held = _Held()
    pending: list[tuple[list[object], int]] = [(list(values), 0)]
    while pending:
        level, depth = pending.pop()
        if len(level) > _PIECE:
            pieces = range(0, len(level), _PIECE)
            pending += [(level[start : start + _PIECE], depth) for start in reversed(pieces)]
            continue
        if depth > MAX_NESTING:
            return False
        following = _following(level, held)
        if following is None:
            return False
        if following:
            pending.append((following, depth + 1))
    return True


def _following(level: list[object], held: _Held) -> list[object] | None:
    """The values the lists and dicts of ``level`` hold (the next level of nesting), or
    None if ``level`` is not plain JSON."""
    types = set(map(type, level))
    if not types <= _JSON_TYPES:
        return None
    if float in types and not all(map(math.isfinite, _of_type(level, float))):
        return None
    if str in types and not held.texts(list(_of_type(level, str))):
        return None
    following: list[object] = []
    if dict in types:
        objects: list[dict[object, object]] = list(_of_type(level, dict))
        if not held.containers(objects):
            return None
        if not set(map(type, chain.from_iterable(objects))) <= _TEXT:
            return None
        following = list(chain.from_iterable(map(dict.values, objects)))
    if list in types:
        lists: list[list[object]] = list(_of_type(level, list))
        if not held.containers(lists):
            return None
        following.extend(chain.from_iterable(lists))
    return following


class _Held:
    """What is met more than once: the lists and dicts (each met once in plain JSON) and
    the long texts."""

    __slots__ = ("_containers", "_long")

    def __init__(self) -> None:
        self._containers: set[int] = set()
        self._long: set[int] = set()

    def containers(self, found: list[Any]) -> bool:
        """Whether none of ``found`` (lists or dicts, this level's: held by a parent, the
        level's list and ``found``) was met before, nor twice in it.

        Only those held more than that are looked up: a list or dict in two places has a
        reference from each, so its reference count is above that of one held once
        (a fresh list held by a name and ``found``, plus the level's reference). Hashing
        the identity of every list and dict instead took 0.07 s of the 0.22 s the test
        took for the documents of 10,000 events (253,548 of them); counting their
        references takes 0.01 s."""
        probe: list[object] = []
        found.append(probe)
        counts = list(map(getrefcount, found))
        found.pop()
        held_once = counts.pop() + 1  # (+1: the level's list holds each of ``found``)
        more = list(compress(found, map(lt, repeat(held_once), counts)))
        return not more or _new(self._containers, more)

    def texts(self, found: list[str]) -> bool:
        """Whether none of the long ones of ``found`` was met before, nor twice in it."""
        long = list(compress(found, map(lt, repeat(LONG_TEXT - 1), map(len, found))))
        return not long or _new(self._long, long)


def _new(seen: set[int], found: list[Any]) -> bool:
    """Add the identities of ``found`` to ``seen``; whether each was new."""
    before = len(seen)
    seen.update(map(id, found))
    return len(seen) == before + len(found)


def _of_type(values: list[object], kind: type[_T]) -> Iterator[_T]:
    """The ``values`` whose type is ``kind`` exactly, picked at C level."""
    return cast("Iterator[_T]", compress(values, map(is_, map(type, values), repeat(kind))))
