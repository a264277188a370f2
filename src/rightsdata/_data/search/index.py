"""The search index: every searchable text of a dataset, found without reading them all.

:class:`SearchIndex` answers this without reading every text: texts are sorted by the
within-tier order above, and an inverted index maps each word to the texts holding it.
An exact match is a dict lookup, word matches come from the query words themselves (tier
1: whole words), then from the words starting with each (tier 2: bisection in the sorted
vocabulary), by the intersection of their texts (a bitwise AND of bitmaps for words held
by many texts), and
close spellings are looked for only among texts holding a word that shares a trigram with a
query word and is close to it, and whose letters allow it (a mask of each text's letter
counts, made when the index is built: an AND and a bit count a text); difflib's similarity
is worked out for those candidates only. A search stops at the tier where ``limit`` records
are found.
"""

from __future__ import annotations

import contextlib
import heapq
import threading
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, compress, count, repeat, takewhile
from operator import and_, itemgetter, le
from typing import Any, Final

from rightsdata._data.search.postings import (
    _bitmap,
    _bitmap_from,
    _bitmaps,
    _grouped,
    _merged,
    _numbers_in,
    _texts_holding_all,
)
from rightsdata._data.search.ranking import _is_word_match, _mean_if_close, _normalized_query
from rightsdata._data.search.similarity import (
    CLOSE_ENOUGH,
    _close_enough,
    _letter_masks,
    _Letters,
    _query_mask,
    _ratio,
    _trigrams,
)
from rightsdata._data.search.texts import TITLE, SearchEntry, _entries, _Entry
from rightsdata._values.gcpause import gc_paused

__all__ = ["CACHED_SEARCHES", "SearchIndex"]

#: How many query words' close words an index keeps (see _Part._close_words).
_CACHED_WORDS: Final = 4096
#: How many searches' results a SearchIndex keeps (the dataset never changes).
CACHED_SEARCHES: Final = 256


class _Part:
    """The index of one group of texts (names and aliases; titles and summaries): its
    entries in the within-tier order, the entries of each distinct text, an inverted index
    from each word to its texts, and the trigrams of the words of names, aliases and titles.

    Texts repeat (an event title in many events, an alias of many records): the inverted
    index maps each word to the texts holding it, numbered in the order of their first
    entry (ascending; a text holding the word twice comes twice, one after the other), and
    a word's entries come from them lazily, as far as a search reads
    (:meth:`entries_of`)."""

    __slots__ = (
        "bitmaps",
        "close",
        "closed",
        "ends",
        "ids",
        "masks",
        "numbered",
        "orders",
        "positions",
        "similar",
        "size",
        "summaries",
        "trigrams",
        "vocabulary",
        "word_texts",
    )

    def __init__(
        self, entries: Sequence[_Entry], words_by_text: Mapping[str, Sequence[str]]
    ) -> None:
        """``entries``: sorted, and all of one group; ``words_by_text``: each text's words
        (a word may come more than once).

        The entries are kept as columns (the kind orders and the record IDs: what a search
        reads of them), not as a tuple each: a tuple an entry is an object more for the
        garbage collector to go through after the index is built."""
        self.size = len(entries)
        fields = list(map(itemgetter(0), entries))  # ascending: entries sort by field first
        self.orders: list[int] = list(map(itemgetter(2), entries))
        self.ids: list[str] = list(map(itemgetter(3), entries))
        # The first summary: close spellings are not looked for from there on.
        self.summaries = bisect_right(fields, TITLE)
        # The distinct texts in the order of their first entry, with their entries (an
        # exact match is a lookup); and each word's texts.
        positions = self.positions = _grouped(map(itemgetter(4), entries), count())
        numbered = self.numbered = list(positions)
        words_of = list(map(words_by_text.__getitem__, numbered))
        numbers = chain.from_iterable(map(repeat, count(), map(len, words_of)))
        word_texts = _grouped(chain.from_iterable(words_of), numbers)
        # A text holding a word twice is in the word's list twice, one after the other:
        # every reader of the lists takes a text once however often it comes (entries_of,
        # _texts_holding_all, bitmaps, sets). Each text's words made distinct first, or
        # the lists after, cost 0.6 s at 100,000 events (titles and summaries: 7.5
        # million words, 2.9% of them repeats).
        self.word_texts = word_texts
        # The texts of each word held by many, as a bitmap too: several such query words'
        # texts are intersected by a bitwise AND. Made with the index, not when a search
        # first needs them: made then, they took a new name's search (median of 20) from
        # 0.8 to 2.6 ms at 100,000 events and from 0.5 to 5.5 ms at a million.
        self.bitmaps: dict[str, int] = _bitmaps(word_texts, len(numbered))
        self.vocabulary: list[str] = sorted(word_texts)
        # For close spellings: each word of a name, alias or title, and the distinct texts
        # (of those fields) holding it, shortest first (then in the order of their first
        # entry).
        summaries = self.summaries
        first_summary = (
            len(numbered)  # no summary (names and aliases): no text to look for
            if summaries == len(fields)
            else next(
                (n for n, text in enumerate(numbered) if positions[text][0] >= summaries),
                len(numbered),
            )
        )  # the texts from there on are held by summaries only
        lengths = list(map(len, numbered[:first_summary]))
        # With them, the letters' masks of those texts (see _letter_masks), for each word
        # in the order of its texts (a band of them is read together, not text by text).
        masks = _letter_masks(numbered[:first_summary], words_of[:first_summary])
        self.close: dict[str, tuple[str, ...]] = {}
        self.masks: dict[str, list[int]] = {}
        for word, texts in word_texts.items():
            # the word's texts of those fields by length (a stable sort: then by number);
            # texts are numbered by their first entry, sorted by field then length, so
            # these are a few ascending runs, merged in linear time
            held = texts[: bisect_left(texts, first_summary)]
            if len(held) > 1:
                held = list(dict.fromkeys(held))  # a text holding the word twice: once
            if len(held) > 1:
                held.sort(key=lengths.__getitem__)
                get = itemgetter(*held)  # a C-level gather, faster than a map of __getitem__
                self.close[word] = get(numbered)
                self.masks[word] = list(get(masks))
            elif held:
                self.close[word] = (numbered[held[0]],)
                self.masks[word] = [masks[held[0]]]
        self.closed = first_summary  # the texts numbered from there on are not in close
        self.similar: dict[str, dict[str, float]] = {}  # see _close_words
        trigrams: defaultdict[str, list[str]] = defaultdict(list)
        for word in self.close:
            for trigram in _trigrams(word):
                trigrams[trigram].append(word)
        self.trigrams: dict[str, list[str]] = dict(trigrams)
        # A word as close as 80% may share no trigram with the query word, but then it has
        # the same first and last letters ("at" and "act": see _trigrams).
        ends: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        for word in self.close:
            ends[word[0], word[-1]].append(word)
        self.ends: dict[tuple[str, str], list[str]] = dict(ends)

    def bitmap(self, word: str) -> int:
        """The texts holding ``word``, as a bitmap (see :func:`_bitmap`): kept, or made."""
        held = self.bitmaps.get(word)
        return _bitmap(self.word_texts[word], len(self.numbered)) if held is None else held

    def words_starting(self, prefix: str) -> list[str]:
        vocabulary = self.vocabulary
        start = bisect_left(vocabulary, prefix)
        stop = bisect_left(vocabulary, prefix + "\U0010ffff", start)
        return vocabulary[start:stop]

    def entries_of(self, numbers: Iterable[int]) -> Iterator[int]:
        """The entries of the texts ``numbers`` (ascending, repeats allowed), ascending;
        lazily. A text's first entry comes in the order of the texts (numbered by their
        first entry); the later entries of a text held more than once wait in a heap until
        a text's first entry passes them."""
        positions, numbered = self.positions, self.numbered
        waiting: list[tuple[int, int, int]] = []  # (entry, text, index in its entries)
        last = -1
        for number in numbers:
            if number == last:
                continue
            last = number
            held = positions[numbered[number]]
            first = held[0]
            while waiting and waiting[0][0] < first:
                yield _next_waiting(waiting, positions, numbered)
            yield first
            if len(held) > 1:
                heapq.heappush(waiting, (held[1], number, 1))
        while waiting:
            yield _next_waiting(waiting, positions, numbered)

    def word_matches(self, words: Sequence[str], whole: bool) -> Iterator[int]:
        """The entries in which every query word is a word (``whole``: tier 1), or else
        starts a word (tier 2), ascending.

        Tier 2 is read after tier 1, and its texts include tier 1's, whose records are
        found by then: where it is cheap to, it reads none of them again. It reads nothing
        if each query word starts no word but itself (tier 2 is then tier 1); for a single
        query word, only the texts of the other words it starts.

        One query word: the texts of its words (itself, or those it starts), merged lazily,
        then their entries (lazily, :meth:`entries_of`). Several: if every query word is in
        many texts, the bitwise AND of their bitmaps (each query word's the OR of the
        bitmaps of its words; a word in fewer texts than bitmaps are kept for is made one),
        read from the top bit down; else the texts of the query word with the fewest that
        the others' hold (:func:`_texts_holding_all`). Then their entries.
        """
        word_texts = self.word_texts
        distinct = list(dict.fromkeys(words))
        if whole:
            every = [[word] if word in word_texts else [] for word in distinct]
        else:
            every = list(map(self.words_starting, distinct))
            if all(matches == [word] for word, matches in zip(distinct, every, strict=True)):
                return  # each query word starts no word but itself: tier 1 said it all
            if len(distinct) == 1:  # its own texts are tier 1's
                every = [[match for match in every[0] if match != distinct[0]]]
        per_word = []
        for word, matches in zip(distinct, every, strict=True):
            if not matches:
                return
            lists = [word_texts[match] for match in matches]
            per_word.append((sum(map(len, lists)), word, matches, lists))
        per_word.sort(key=lambda item: item[0])
        if len(per_word) == 1:
            yield from self.entries_of(_merged(per_word[0][3]))
            return
        size = len(self.numbered)
        if per_word[0][0] < _bitmap_from(size):  # few texts: looked up one by one
            yield from self.entries_of(_texts_holding_all([lists for *_, lists in per_word]))
            return
        found = -1
        for _, _, matches, _ in per_word:
            union = 0
            for match in matches:
                union |= self.bitmap(match)
            found &= union
            if not found:
                return
        yield from self.entries_of(_numbers_in(found, size))

    def close_positions(self, normalized: str, words: Sequence[str]) -> Iterator[int]:
        """The entries of names, aliases and titles spelled close to the query (tier 3):
        closer first, then by position; lazily.

        The same order as :func:`_score` on every text holding a word close to a query word
        gives, reading few texts and scoring fewer. A query word's similarity to each word
        of the index is worked out once (only words sharing a trigram or both end letters
        can be 80% similar, see :func:`_trigrams`). A text is a candidate if every query word
        has a close word in it (the mean of the words' similarities is then at least 80%),
        or if its length allows the whole text to be 80% similar to the query (each word's
        texts are sorted by length: bisection) and its letters do too (difflib's
        ``quick_ratio``, an upper bound of the similarity, from letter counts: bounded first
        by the texts' masks, :func:`_letter_masks`, then counted exactly for those that
        pass, :func:`_close_enough`; one length at a time, the lengths allowing the
        closest spelling first, once that length's bound reaches the best left). Candidates
        are scored (:func:`_ratio`) in the order of that bound, best first, and a group of equal
        scores is yielded once no candidate left could reach it: a search that stops at
        ``limit`` counts the letters of, and scores, only the candidates that could rank
        before its last record.
        """
        close_words = self._close_words(words)
        if not any(close_words.values()):
            return
        close = self.close
        size = len(normalized)
        # heap items: (-bound, 1, text) to be scored, (-score, 0, text) scored
        heap: list[tuple[float, int, str]] = []
        # Texts holding a close word of every query word.
        every: set[str] = set()
        if all(close_words.values()):  # a bitwise AND of ORs of the words' bitmaps
            found = -1
            for similar in close_words.values():
                union = 0
                for near_word in similar:
                    union |= self.bitmap(near_word)
                found &= union
            numbered, closed = self.numbered, self.closed
            every.update(
                numbered[n] for n in takewhile(closed.__gt__, _numbers_in(found, len(numbered)))
            )
        letters = _Letters.of(normalized)
        spaced = [f" {word}" for word in words]
        bounds = dict(_close_enough(letters, list(every)))
        for text in every:
            mean = _mean_if_close(normalized, words, spaced, text, close_words)
            if mean is None:
                continue  # tier 0, 1 or 2
            bound = bounds.get(text, 0.0)
            heap.append((-bound, 1, text) if bound > mean else (-mean, 0, text))
        # Texts of a length that allows the whole text to be close (difflib's
        # ``real_quick_ratio``, 2 * shorter / total, at least 80%), holding a close word, and
        # whose letters allow it (``quick_ratio``). Their letters are counted one length at a
        # time, the lengths allowing the closest spelling first, and only once that bound
        # reaches the heap's top: a search that stops at ``limit`` counts the letters of the
        # texts that could rank before its last record only.
        near_words = dict.fromkeys(chain.from_iterable(close_words.values()))
        masks = self.masks
        near = [(close[w], masks[w]) for w in near_words]
        low, high = (2 * size) // 3 - 1, (3 * size) // 2 + 1  # wider than needed
        bands = [(2.0 * min(size, n) / (size + n), n) for n in range(max(low, 1), high + 1)]
        bands = sorted(band for band in bands if band[0] >= CLOSE_ENOUGH)
        query_mask, slack = _query_mask(normalized)
        heapq.heapify(heap)

        def count_letters(length: int) -> None:
            """Push the texts of ``length`` letters whose letters allow them to be close.

            Their masks first (:func:`_letter_masks`: an AND and a bit count a text, for
            many texts at once by C-level maps), then the exact count for those that pass."""
            total = size + length
            need = next(
                (m for m in range(int(0.4 * total), size + 1) if 2.0 * m / total >= CLOSE_ENOUGH),
                size + 1,
            )
            held = need - slack  # the query's masked letters a text must hold
            band: set[str] = set()
            for texts, held_masks in near:
                start = bisect_left(texts, length, key=len)
                stop = bisect_right(texts, length, start, key=len)
                if start == stop:
                    continue
                if held <= 0:
                    band.update(texts[start:stop])
                    continue
                some = texts[start:stop]
                counts = map(int.bit_count, map(and_, held_masks[start:stop], repeat(query_mask)))
                band.update(compress(some, map(le, repeat(held), counts)))
            band.difference_update(every)
            for text, bound in _close_enough(letters, list(band)):
                heapq.heappush(heap, (-bound, 1, text))

        positions, summaries = self.positions, self.summaries

        def score(text: str) -> None:
            """Replace the heap's top, ``text`` to be scored, by its score (or drop it)."""
            if text in every:
                mean = _mean_if_close(normalized, words, spaced, text, close_words)
                assert mean is not None
                best = max(_ratio(normalized, text), mean)
            elif _is_word_match(normalized, spaced, text):
                best = 0.0
            else:
                best = _ratio(normalized, text)
            if best >= CLOSE_ENOUGH:
                heapq.heapreplace(heap, (-best, 0, text))
            else:
                heapq.heappop(heap)

        while heap or bands:
            if bands and (not heap or bands[-1][0] >= -heap[0][0]):
                count_letters(bands.pop()[1])
                continue
            key, unscored, text = heap[0]
            if unscored:
                score(text)
                continue
            group = []
            while heap and heap[0][0] == key:
                _, unscored, text = heap[0]
                if unscored:
                    score(text)
                else:
                    heapq.heappop(heap)
                    held = positions[text]
                    if held[-1] >= summaries:
                        held = held[: bisect_left(held, summaries)]
                    if held:
                        group.append(held)
            yield from _merged(group)

    def _close_words(self, words: Sequence[str]) -> dict[str, dict[str, float]]:
        """For each query word, the words of names, aliases and titles at least 80% similar
        to it, with their similarity (kept for the last :data:`_CACHED_WORDS` query words:
        names repeat words)."""
        trigrams, cache = self.trigrams, self.similar
        found: dict[str, dict[str, float]] = {}
        for word in words:
            if word in found:
                continue
            known = cache.get(word)
            if known is not None:
                found[word] = known
                continue
            near: set[str] = set(self.ends.get((word[0], word[-1]), ()))
            for trigram in _trigrams(word):
                near.update(trigrams.get(trigram, ()))
            similar = {}
            for other, _ in _close_enough(_Letters.of(word), list(near)):
                similarity = _ratio(word, other)
                if similarity >= CLOSE_ENOUGH:
                    similar[other] = similarity
            found[word] = similar
            if len(cache) >= _CACHED_WORDS:
                with contextlib.suppress(StopIteration, KeyError, RuntimeError):
                    del cache[next(iter(cache))]  # the oldest
            cache[word] = similar
        return found


def _next_waiting(
    waiting: list[tuple[int, int, int]], positions: dict[str, list[int]], numbered: list[str]
) -> int:
    """The first waiting entry (see :meth:`_Part.entries_of`), replaced by the next entry
    of its text."""
    position, number, index = waiting[0]
    held = positions[numbered[number]]
    if index + 1 < len(held):
        heapq.heapreplace(waiting, (held[index + 1], number, index + 1))
    else:
        heapq.heappop(waiting)
    return position


class SearchIndex:
    """Every searchable text of a dataset, with an inverted index (see the module doc).

    The texts come in two parts, names and aliases, then titles and summaries, as a search
    reads them; :meth:`build` indexes each part the first time a search reaches it (a name
    search that finds ``limit`` records among names never indexes the longer texts).
    Entries are numbered in the within-tier order, and texts by their first entry, so that
    a posting (the texts holding a word, ascending) lists them best first, and merging
    postings lazily yields the best first: a search reads only as far as it needs for
    ``limit`` records. The results of the last
    :data:`~rightsdata._data.search.index.CACHED_SEARCHES` searches are kept: the same search
    again is a dict lookup.
    """

    __slots__ = ("_cache", "_lock", "_makers", "_parts")

    def __init__(self, entries: Iterable[SearchEntry]) -> None:
        ordered = sorted(entries)
        split = next((i for i, e in enumerate(ordered) if e.field >= TITLE), len(ordered))
        words = {e.text: e.text.split() for e in ordered}  # as build has them
        self._parts: list[_Part | None] = [
            _Part([e[:5] for e in ordered[:split]], words),
            _Part([e[:5] for e in ordered[split:]], words),
        ]
        self._makers: tuple[Callable[[], tuple[list[_Entry], dict[str, list[str]]]], ...] = ()
        self._cache: dict[tuple[Any, ...], list[str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def build(cls, kinds: Iterable[tuple[str, Sequence[Any]]]) -> SearchIndex:
        """An index of the texts of records given as ``(kind, records)`` pairs, in KINDS
        order; each part is indexed when a search first needs it."""
        listed = list(kinds)
        index = cls.__new__(cls)
        index._parts = [None, None]
        index._makers = tuple(partial(_entries, listed, group) for group in (0, 1))
        index._cache = {}
        index._lock = threading.Lock()
        return index

    def _part(self, group: int) -> _Part:
        part = self._parts[group]
        if part is None:
            with self._lock:
                part = self._parts[group]
                if part is None:
                    with gc_paused():  # an index of 100,000 events is many objects
                        part = self._parts[group] = _Part(*self._makers[group]())
        return part

    def __len__(self) -> int:
        return sum(self._part(group).size for group in (0, 1))

    def search(
        self, query: str, limit: int | None = None, kind_orders: Collection[int] | None = None
    ) -> list[str]:
        """The IDs of the records matching ``query``, best first; at most ``limit``.

        >>> index = SearchIndex([SearchEntry.of("person:a", 1, "Vladimir Kozlov", False),
        ...                      SearchEntry.of("person:b", 1, "Kozlova", False),
        ...                      SearchEntry.of("person:c", 1, "Kozlov", False)])
        >>> index.search("kozlov"), index.search("kozlof", limit=1)
        (['person:c', 'person:a', 'person:b'], ['person:c'])
        """
        normalized = _normalized_query(query)
        key = (normalized, limit, None if kind_orders is None else frozenset(kind_orders))
        cache = self._cache
        known = cache.get(key)
        if known is not None:
            return list(known)
        found = self._search(normalized, limit, kind_orders)
        if len(cache) >= CACHED_SEARCHES:
            with contextlib.suppress(StopIteration, KeyError, RuntimeError):
                del cache[next(iter(cache))]  # the oldest
        cache[key] = found
        return list(found)

    def _search(
        self, normalized: str, limit: int | None, kind_orders: Collection[int] | None
    ) -> list[str]:
        words = normalized.split()
        found: dict[str, None] = {}
        for group in (0, 1):  # names and aliases, then titles and summaries
            part = self._part(group)

            def take(positions: Iterable[int], part: _Part = part) -> bool:
                """Add the records of ``positions`` (best first); True once ``limit`` is met."""
                orders, ids = part.orders, part.ids
                for position in positions:
                    if kind_orders is not None and orders[position] not in kind_orders:
                        continue
                    record_id = ids[position]
                    if record_id not in found:
                        found[record_id] = None
                        if limit is not None and len(found) >= limit:
                            return True
                return False

            if (
                take(part.positions.get(normalized, ()))
                or take(part.word_matches(words, whole=True))
                or take(part.word_matches(words, whole=False))
            ):
                break
            if take(part.close_positions(normalized, words)):
                break
        return list(found)
