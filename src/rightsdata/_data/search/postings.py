"""The texts holding a word (its posting): an ascending list of the texts' numbers, and,
for a word held by many, a bitmap too; made, merged and intersected, lazily where a
search reads only as far as it needs."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from types import ModuleType
from typing import Final

from rightsdata._values.extras import optional

__all__: list[str] = []

#: A word search looks each text found so far up in the next query word's texts
#: (bisection) if they are this many times fewer than those texts (and the words the query
#: word starts); else it intersects them.
_LOOK_UP_BELOW: Final = 16
#: How many texts of its first word a word search looks up one by one before intersecting.
_SCAN_FIRST: Final = 256
#: A word held by this many texts or more (and by 1/256 of them) has them as a bitmap too
#: (see :func:`_bitmap_from`).
_BITMAP_FROM: Final = 64


def _texts_holding_all(per_word: Sequence[Sequence[list[int]]]) -> Iterator[int]:
    """The texts (ascending) in some list of each query word (``per_word``, the query word
    with the fewest texts first); lazily.

    The first :data:`_SCAN_FIRST` texts of the first word are looked up (bisection) in the
    others' lists one by one, so that a search that finds ``limit`` records among them reads
    no more; past them, the first word's texts are intersected with each other word's
    (C-level set operations, or a bisection for each when they are few against them)."""
    driver, others = per_word[0], per_word[1:]
    last = -1
    for read, number in enumerate(_merged(driver)):
        if read == _SCAN_FIRST:
            break
        if number != last:
            last = number
            if all(any(_holds(texts, number) for texts in lists) for lists in others):
                yield number
    else:
        return  # every text of the first word looked up
    found = set(chain.from_iterable(driver))
    for lists in others:
        total = sum(map(len, lists))
        if len(found) * len(lists) * _LOOK_UP_BELOW < total:
            found = {n for n in found if any(_holds(texts, n) for texts in lists)}
        else:
            found.intersection_update(chain.from_iterable(lists))
        if not found:
            return
    yield from sorted(n for n in found if n > last)


def _bitmap_from(size: int) -> int:
    """How many of ``size`` texts a word is held by for the index to keep them as a
    bitmap too: at least 64, and 1/256 of the texts (a bitmap then takes at most 4 times
    the memory of the word's list of texts, and the words with bitmaps hold at most 256
    times each text's words)."""
    return max(_BITMAP_FROM, size >> 8)


_BIT: Final = tuple(1 << i for i in range(8))


def _bitmap(numbers: Iterable[int], size: int) -> int:
    """The texts ``numbers`` (of ``size``) as an int: bit ``size - 1 - n`` set for text
    ``n``, so that the top bit is the first text (see :func:`_numbers_in`)."""
    top = size - 1
    bits = bytearray((size + 7) // 8)
    for number in numbers:
        at = top - number
        bits[at >> 3] |= _BIT[at & 7]
    return int.from_bytes(bits, "little")


#: The words' texts, in all, from which :func:`_bitmaps` makes the bitmaps with numpy where
#: it is installed: 0.36 s against 1.04 s a bit at a time for the 7.8 million texts of the
#: 1,928 words with bitmaps of 100,000 events' titles and summaries (most of it numpy's
#: reading of the lists), where importing numpy first costs about 60 ms, as long as the
#: Python loop takes for about 450,000 texts.
_NUMPY_FROM: Final = 1_000_000


def _bitmaps(word_texts: Mapping[str, list[int]], size: int) -> dict[str, int]:
    """The bitmap (:func:`_bitmap`) of each word held by at least :func:`_bitmap_from` of
    the ``size`` texts, from each word's texts (``word_texts``).

    >>> found = _bitmaps({"common": list(range(0, 128, 2)), "rare": [1]}, 128)
    >>> list(found), found["common"] == _bitmap(range(0, 128, 2), 128)
    (['common'], True)
    """
    least = _bitmap_from(size)
    held = {word: texts for word, texts in word_texts.items() if len(texts) >= least}
    # (numpy is not a dependency: ``rightsdata[arrow]`` and ``rightsdata[pandas]`` bring it)
    numpy = optional("numpy") if sum(map(len, held.values())) >= _NUMPY_FROM else None
    if numpy is not None:
        return {word: _numpy_bitmap(numpy, texts, size) for word, texts in held.items()}
    return {word: _bitmap(texts, size) for word, texts in held.items()}


def _numpy_bitmap(numpy: ModuleType, numbers: list[int], size: int) -> int:
    """:func:`_bitmap` made by numpy: a flag a text, set for the texts ``numbers`` (text
    ``n``'s flag at ``size - 1 - n``), packed eight to a byte, the first flag the lowest
    bit, as :func:`_bitmap` sets them."""
    flags = numpy.zeros(size, dtype=numpy.bool_)
    flags[(size - 1) - numpy.fromiter(numbers, dtype=numpy.intp, count=len(numbers))] = True
    return int.from_bytes(numpy.packbits(flags, bitorder="little").tobytes(), "little")


def _numbers_in(bitmap: int, size: int) -> Iterator[int]:
    """The texts of a :func:`_bitmap`, ascending; lazily (from the top bit down)."""
    top = size - 1
    while bitmap:
        at = bitmap.bit_length() - 1
        yield top - at
        bitmap ^= 1 << at


def _holds(numbers: list[int], number: int) -> bool:
    """True if the ascending ``numbers`` hold ``number``."""
    at = bisect_left(numbers, number)
    return at < len(numbers) and numbers[at] == number


def _grouped(keys: Iterable[str], numbers: Iterable[int]) -> dict[str, list[int]]:
    """Each key with the numbers that come with it, in order, the keys in the order of
    their first number: by C-level maps (a list's append for each pair, no Python call),
    as 100,000 events' titles and summaries hold 7.5 million words.

    >>> _grouped(["a", "b", "a"], [0, 1, 2])
    {'a': [0, 2], 'b': [1]}
    """
    lists: defaultdict[str, list[int]] = defaultdict(list)
    deque(map(list.append, map(lists.__getitem__, keys), numbers), 0)
    return dict(lists)


def _merged(lists: Sequence[Sequence[int]]) -> Iterable[int]:
    """Ascending lists merged lazily into one ascending iterable."""
    if not lists:
        return ()
    if len(lists) == 1:
        return lists[0]
    return heapq.merge(*lists)
