"""Whether Python values are plain JSON: built only of the types ``json.loads`` makes.

A value is plain JSON if it is, exactly (not a subclass), a ``dict`` whose keys are ``str``,
a ``list``, a ``str``, an ``int``, a finite ``float``, a ``bool`` or ``None``, and so is
everything it holds; and if written out as JSON text it is about as large as it is: no list
or dict held in two places (``json.loads`` makes a new one for each), the texts of
:data:`LONG_TEXT` characters or more written out at most about twice over (a dataset loaded
with ``share=True`` holds each repeated text once), no key that long and no whole number
beyond 64 bits (no record holds one). Such values survive a round trip through JSON text
unchanged: text written from them and read back with ``json.loads`` is equal to them and of
the same types. So anything that reads JSON text can read them as the text they would be
written as; values that are not plain (a tuple, a ``str`` subclass, an ``IntEnum``,
``nan``, a key that is a number) would be changed by the trip (a tuple read back as a list,
``nan`` written as ``null``), and values held in many places would be written out once for
each (a list held twice at each of 40 levels, 2**40 times; a text of 1 MB held by 1,500
records, 1.5 GB): they are left to code that judges Python values as they are.

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

__all__ = ["COPIED_SLACK", "INT_MAX", "INT_MIN", "JSON_TYPES", "LONG_TEXT", "plain_json"]

#: The Python types of JSON's values, exactly as ``json.loads`` makes them.
JSON_TYPES: Final[frozenset[type]] = frozenset({dict, list, str, int, float, bool, type(None)})
_TEXT: Final = frozenset({str})

#: The length from which the copies of one text object held in several places are counted.
#: Below it, the copy the JSON text makes for each place costs no more than reading such
#: text from a file does.
LONG_TEXT: Final = 64

#: The characters of long texts that copies may add beyond twice those held (1 MiB).
COPIED_SLACK: Final = 1 << 20

#: The whole numbers plain JSON holds here: those that fit in 64 bits, signed or not.
INT_MIN: Final = -(1 << 63)
INT_MAX: Final = (1 << 64) - 1

#: How many values of a level are read at once: a level of a large dataset's documents (every
#: field of every record) read whole is far larger than the processor's caches, and the test
#: took 0.65 s for 50,000 events against 0.10 s for 10,000.
_PIECE: Final = 4096

_T = TypeVar("_T")


def plain_json(values: Iterable[object]) -> bool:
    """Whether each of ``values`` is plain JSON (the module's docstring), nested at most
    :data:`~rightsdata._values.nesting.MAX_NESTING` levels (so that whatever writes them
    never recurses past the interpreter's limit).

    >>> plain_json(["text", 1, 2.5, True, None, [], {}])
    True
    >>> plain_json([b"bytes"]), plain_json([{"a": {1, 2}}]), plain_json([float("inf")])
    (False, False, False)
    >>> both = ["x"]
    >>> plain_json([both, both]), plain_json(["x"] * 2), plain_json([2**64])
    (False, True, False)
    >>> long = "x" * COPIED_SLACK
    >>> plain_json([long] * 3), plain_json([long] * 4)  # (written 3 and 4 times: 1 held, 1 more)
    (True, False)
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
    if not types <= JSON_TYPES:
        return None
    if float in types and not all(map(math.isfinite, _of_type(level, float))):
        return None
    if str in types and not held.texts(list(_of_type(level, str))):
        return None
    if int in types and not _whole_numbers_fit(list(_of_type(level, int))):
        return None
    following: list[object] = []
    if dict in types:
        objects: list[dict[object, object]] = list(_of_type(level, dict))
        if not held.containers(objects):
            return None
        keys: set[Any] = set(chain.from_iterable(objects))  # (the few names of fields)
        if not set(map(type, keys)) <= _TEXT or max(map(len, keys), default=0) >= LONG_TEXT:
            return None  # (no field's name is that long: ``json.loads`` shares keys)
        following = list(chain.from_iterable(map(dict.values, objects)))
    if list in types:
        lists: list[list[object]] = list(_of_type(level, list))
        if not held.containers(lists):
            return None
        following.extend(chain.from_iterable(lists))
    return following


class _Held:
    """What is met more than once: the lists and dicts (each met once in plain JSON) and
    the long texts (each place written out)."""

    __slots__ = ("_containers", "_held", "_long", "_written")

    def __init__(self) -> None:
        self._containers: set[int] = set()
        self._long: dict[int, str] = {}  # (by identity: the objects, not their values)
        self._written = 0  # (the long texts' characters, each place counted)
        self._held = 0  # (the same, each object once)

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
        """Whether the long ones of ``found``, with those met before, are written out at
        most about twice over: each place's copy counted, they come to at most twice the
        texts held (each object once) and :data:`COPIED_SLACK` characters more. A dataset
        loaded with ``share=True`` holds each repeated text once, and its ``to_dict()``
        names it in each place (1.36 times over for the bundled dataset's long texts)."""
        long = list(compress(found, map(lt, repeat(LONG_TEXT - 1), map(len, found))))
        if not long:
            return True
        self._written += sum(map(len, long))
        fresh = dict(zip(map(id, long), long, strict=True))  # (each object once)
        new = set(fresh).difference(self._long)  # (a look-up each: fresh's size)
        self._held += sum(map(len, map(fresh.__getitem__, new)))
        self._long.update(fresh)
        return self._written <= 2 * self._held + COPIED_SLACK


def _whole_numbers_fit(numbers: list[int]) -> bool:
    """Whether each of ``numbers`` fits in 64 bits, as every number a record holds does:
    one that does not is refused by the fast path whatever it is, and written out it could
    take thousands of digits for each place it is held in."""
    return min(numbers) >= INT_MIN and max(numbers) <= INT_MAX


def _new(seen: set[int], found: list[Any]) -> bool:
    """Add the identities of ``found`` to ``seen``; whether each was new."""
    before = len(seen)
    seen.update(map(id, found))
    return len(seen) == before + len(found)


def _of_type(values: list[object], kind: type[_T]) -> Iterator[_T]:
    """The ``values`` whose type is ``kind`` exactly, picked at C level."""
    return cast("Iterator[_T]", compress(values, map(is_, map(type, values), repeat(kind))))
