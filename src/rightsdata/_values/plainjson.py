"""Whether Python values are plain JSON: built only of the types ``json.loads`` makes.

A value is plain JSON if it is, exactly (not a subclass), a ``dict`` whose keys are ``str``,
a ``list``, a ``str``, an ``int``, a finite ``float``, a ``bool`` or ``None``, and so is
everything it holds. Such values survive a round trip through JSON text unchanged: text
written from them and read back with ``json.loads`` is equal to them and of the same types.
So anything that reads JSON text can read them as the text it would be written as; values
that are not plain (a tuple, a ``str`` subclass, an ``IntEnum``, ``nan``, a key that is a
number) would be changed by the trip (a tuple read back as a list, ``nan`` written as
``null``), and are left to code that judges Python values as they are.

The test reads the values a level of nesting at a time, each level's types by C-level maps
(``type`` of every value into a set, the containers picked by ``itertools.compress``), so
that the interpreter runs a few statements a level, not a few a value: 0.1 s for the
documents of 10,000 events of the benchmark's realistic shape (1.5 million values), where a
loop over each value took 0.2 s.

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
from operator import is_
from typing import Final, TypeVar, cast

from rightsdata._values.nesting import MAX_NESTING

__all__ = ["plain_json"]

#: The types ``json.loads`` makes, exactly.
_JSON_TYPES: Final = frozenset({dict, list, str, int, float, bool, type(None)})
_TEXT: Final = frozenset({str})

_T = TypeVar("_T")


def plain_json(values: Iterable[object]) -> bool:
    """Whether each of ``values`` is plain JSON (the module's docstring), nested at most
    :data:`~rightsdata._values.nesting.MAX_NESTING` levels (deeper values are not, so
    that whatever writes them never recurses past the interpreter's limit).

    >>> plain_json(["text", 1, 2.5, True, None, [], {}])
    True
    >>> plain_json([b"bytes"]), plain_json([{"a": {1, 2}}]), plain_json([float("inf")])
    (False, False, False)
    """
    level = list(values)
    for _ in range(MAX_NESTING + 1):
        if not level:
            return True
        types = set(map(type, level))
        if not types <= _JSON_TYPES:
            return False
        if float in types and not all(map(math.isfinite, _of_type(level, float))):
            return False
        following: list[object] = []
        if dict in types:
            objects: list[dict[object, object]] = list(_of_type(level, dict))
            if not set(map(type, chain.from_iterable(objects))) <= _TEXT:
                return False
            following = list(chain.from_iterable(map(dict.values, objects)))
        if list in types:
            lists: Iterator[list[object]] = _of_type(level, list)
            following.extend(chain.from_iterable(lists))
        level = following
    return not level


def _of_type(values: list[object], kind: type[_T]) -> Iterator[_T]:
    """The ``values`` whose type is ``kind`` exactly, picked at C level."""
    return cast("Iterator[_T]", compress(values, map(is_, map(type, values), repeat(kind))))
