"""How close two spellings are (tier 3 of a search: difflib's similarity), and the bounds
that rule a text out before it is worked out: trigrams shared with the query, and the
letters' counts (by the texts' masks, then exactly)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import chain, compress, repeat
from operator import add, and_, le, ne, or_, rshift, sub
from typing import Final, NamedTuple

__all__ = ["CLOSE_ENOUGH"]

#: The similarity (0 to 1) from which a spelling counts as close (tier 3).
CLOSE_ENOUGH: Final = 0.8


def _similarity(a: str, b: str) -> float:
    if 2 * min(len(a), len(b)) < CLOSE_ENOUGH * (len(a) + len(b)):
        return 0.0  # the ratio is at most 2 * shorter / total, whatever the letters
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
        return 0.0
    return matcher.ratio()


def _ratio(a: str, b: str) -> float:
    """difflib's similarity of ``a`` and ``b`` (``SequenceMatcher(None, a, b,
    autojunk=False).ratio()``), for texts whose ``quick_ratio`` (see :func:`_close_enough`)
    is known to reach 80%: :func:`_similarity` without its bounds.

    Worked out as difflib does, about 1.5 times as fast: with no junk and no popular
    elements, difflib's matching blocks are the longest common run of the range (the
    earliest in ``a``, then in ``b``), then those of the ranges on either side of it, and
    the similarity is twice their letters over both lengths. What difflib does besides
    (a class, its attributes, blocks as named tuples, sorted and merged) is left out."""
    size = len(a) + len(b)
    if not size:
        return 1.0
    where: dict[str, list[int]] = {}
    for j, letter in enumerate(b):
        where.setdefault(letter, []).append(j)
    matched = 0
    ranges = [(0, len(a), 0, len(b))]
    nowhere: list[int] = []
    while ranges:
        a_low, a_high, b_low, b_high = ranges.pop()
        best_i = best_j = best = 0
        runs: dict[int, int] = {}  # the run of matches ending at each j, for the last i
        for i in range(a_low, a_high):
            before = runs.get
            runs = {}
            for j in where.get(a[i], nowhere):
                if j < b_low:
                    continue
                if j >= b_high:
                    break
                k = runs[j] = before(j - 1, 0) + 1
                if k > best:
                    best_i, best_j, best = i - k + 1, j - k + 1, k
        if best:
            matched += best
            if a_low < best_i and b_low < best_j:
                ranges.append((a_low, best_i, b_low, best_j))
            if best_i + best < a_high and best_j + best < b_high:
                ranges.append((best_i + best, a_high, best_j + best, b_high))
    return 2.0 * matched / size


def _trigrams(word: str) -> set[str]:
    """The trigrams of ``word`` padded with ``$`` at both ends.

    Two words whose difflib ratio is at least 0.8 (``2M / T``, M the letters in matching
    blocks, T both lengths) share a padded trigram, or have the same first and last
    letters. Proof: U = T - 2M letters are unmatched, so U <= M / 2. With no shared trigram
    every block has at most 2 letters, a block of 2 at the start (or end) of both words is
    ruled out (it makes ``$xy``), and consecutive blocks are apart by at least one unmatched
    letter. If f of the two ends are single letters at the start (end) of both words, and
    k >= 2 blocks: M <= 2k - f and U >= (k - 1) + (2 - f), so U <= M / 2 forces f = 2: the
    words start with the same letter and end with the same letter (k = 1 leaves one-letter
    words, equal, which share ``$x$``). ``at`` and ``act`` (0.8) share no trigram.

    >>> sorted(_trigrams("at"))
    ['$at', 'at$']
    """
    padded = f"${word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _Letters(NamedTuple):
    """A query's letters, for :func:`_close_enough`: its length, the letters it holds once,
    those it holds more than once with their counts, and its letters' UTF-8 bytes."""

    size: int
    once: frozenset[str]
    repeated: tuple[tuple[str, int], ...]
    encoded: bytes

    @classmethod
    def of(cls, query: str) -> _Letters:
        counts = {letter: query.count(letter) for letter in set(query)}
        return cls(
            len(query),
            frozenset(letter for letter, n in counts.items() if n == 1),
            tuple((letter, n) for letter, n in counts.items() if n > 1),
            "".join(counts).encode(),
        )


def _close_enough(letters: _Letters, texts: list[str]) -> list[tuple[str, float]]:
    """The ``texts`` whose letters allow them to be 80% similar to a query, with difflib's
    ``quick_ratio`` (an upper bound of the similarity): twice the letters matched (for
    each letter, the smaller of its counts in both) over both lengths. At most the
    ``real_quick_ratio`` (from the lengths), as the letters matched are at most either
    length.

    Worked out for all the texts at once by C-level maps, with no Python call per text,
    in two steps. First a bound: the letters matched are at most the query's length and
    at most the letters of the text that the query holds, counted as the bytes that
    ``bytes.translate`` deletes from the text's UTF-8 (each such letter has at least one
    byte). Then the exact count for the texts that pass: a letter the query holds once
    is matched if the text holds it (a set intersection), a repeated one as often as
    both hold it (``str.count``)."""
    size, once, repeated, encoded = letters
    if len(texts) > 8:  # the bound pays for its encoding
        utf8 = list(map(str.encode, texts))
        held = map(
            sub, map(len, utf8), map(len, map(bytes.translate, utf8, repeat(None), repeat(encoded)))
        )
        texts = [
            text
            for text, n in zip(texts, held, strict=True)
            if 2.0 * min(n, size) / (size + len(text)) >= CLOSE_ENOUGH
        ]
    matched: Iterable[int] = map(len, map(once.intersection, texts))
    for letter, n in repeated:
        matched = map(add, matched, map(min, map(str.count, texts, repeat(letter)), repeat(n)))
    found = [(text, 2.0 * m / (size + len(text))) for text, m in zip(texts, matched, strict=True)]
    return [(text, bound) for text, bound in found if bound >= CLOSE_ENOUGH]


#: The characters whose counts a text's letters' mask holds (:func:`_letter_masks`); the
#: query's other characters are counted as held by every text.
_MASKED: Final = "abcdefghijklmnopqrstuvwxyz0123456789 "
#: A mask tells a character's counts apart up to this many.
_LEVELS: Final = 3
#: The counts of the masked characters, packed: one 8-bit field each.
_FIELD: Final = {c: 1 << (8 * i) for i, c in enumerate(_MASKED)}
_ONES: Final = sum(_FIELD.values())
_GUARDS: Final = _ONES << 7
_SPACE: Final = _FIELD[" "]
#: Where a word's packed counts hold its length and a space (see _letter_masks).
_TOTAL: Final = 8 * len(_MASKED)
#: The mask of a text every query's mask is within (a text too long to pack).
_ALL: Final = (1 << (8 * len(_MASKED))) - 1


def _packed(text: str) -> int:
    """The counts of the masked characters in ``text``, one 8-bit field each."""
    return sum(text.count(c) * field for c, field in _FIELD.items() if c in text)


def _letter_masks(texts: Sequence[str], words_of: Sequence[Sequence[str]]) -> list[int]:
    """For each text, a mask of its letters' counts: bit 7 - (k - 1) of a masked
    character's field set if the text holds it at least k times (k up to :data:`_LEVELS`).
    ``words_of``: the texts' words (each once, as :class:`SearchEntry` has them, or
    all of them).

    With the query's mask (:func:`_query_mask`), ``(query & text).bit_count()`` bounds from
    above how many of the query's masked letters (up to ``_LEVELS`` of each) the text holds:
    the letters matched in difflib's ``quick_ratio`` are at most that plus the query's
    other letters (the ``slack``). A text's counts are the sums of its words' (normalised
    texts are words joined by single spaces: a word and the space after it, one space
    less), packed in 8-bit fields and compared with 1, 2 and 3 for all the fields at once
    (a guard bit a field: ``((packed | guards) - k * ones) & guards``); all of it by
    C-level maps, for many texts at once. A field above the others counts the letters, to
    tell the texts whose sums are not their counts (their counts are made from the text):
    those with no word, and, where each word was given once, those holding one twice.
    A text of 128 letters or more, whose counts could overflow a field, has every bit
    set."""
    vocabulary = set(chain.from_iterable(words_of))
    packed_words = {w: _packed(f"{w} ") + ((len(w) + 1) << _TOTAL) for w in vocabulary}
    packed = list(
        map(
            sub,
            map(sum, map(partial(map, packed_words.__getitem__), words_of)),
            repeat(_SPACE + (1 << _TOTAL)),  # one space less
        )
    )
    # the totals: the text's length where each of its words is counted once
    totals = map(rshift, packed, repeat(_TOTAL))
    for number in compress(range(len(texts)), map(ne, totals, map(len, texts))):
        packed[number] = _packed(texts[number])  # no word, or a repeated word given once
    guarded = list(map(or_, packed, repeat(_GUARDS)))
    masks = list(map(and_, map(sub, guarded, repeat(_ONES)), repeat(_GUARDS)))
    for k in range(2, _LEVELS + 1):
        at_least = map(and_, map(sub, guarded, repeat(k * _ONES)), repeat(_GUARDS))
        masks = list(map(or_, masks, map(rshift, at_least, repeat(k - 1))))
    for number in compress(range(len(texts)), map(le, repeat(128), map(len, texts))):
        masks[number] = _ALL
    return masks


def _query_mask(query: str) -> tuple[int, int]:
    """The query's mask (as :func:`_letter_masks`), and its letters the mask does not
    hold (the ``slack``: other characters, and counts past :data:`_LEVELS`)."""
    mask = 0
    for c in set(query):
        field = _FIELD.get(c)
        if field is not None:
            for k in range(1, min(query.count(c), _LEVELS) + 1):
                mask |= (field << 7) >> (k - 1)
    return mask, len(query) - mask.bit_count()
