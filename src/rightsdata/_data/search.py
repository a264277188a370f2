# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic and Kazakh Latin letters on purpose)
"""Name search: normalisation across case, accents and scripts, and ranking.

:func:`normalize` folds a name to the form that search compares: Cyrillic (Russian and
Kazakh) is transliterated to Latin, the Kazakh Latin letters ``ş ç ı`` are spelled as in
English-language sources, accents are removed (NFKD, then combining marks dropped), case is
folded, and everything that is not a letter or digit becomes one space.

>>> normalize("Владимир КОЗЛОВ")
'vladimir kozlov'
>>> normalize("Жаңаөзен"), normalize("Kozlóv"), normalize("Protest Körpe")
('zhanaozen', 'kozlov', 'protest korpe')
>>> normalize("Евгений Жовтис")
'yevgeniy zhovtis'

The transliteration follows the spelling of English-language human-rights reporting (a
simplified BGN/PCGN romanisation): ``х`` is ``kh``, ``ж`` is ``zh``, ``й`` and ``ы`` are
``y``, ``е`` is ``ye`` at the start of a word and after a vowel, ``ъ`` and ``ь`` are dropped,
and the Kazakh letters lose their marks (``ә`` a, ``ғ`` g, ``қ`` k, ``ң`` n, ``ө`` o, ``ұ``
and ``ү`` u, ``һ`` h, ``і`` i), so that ``Қазақстан`` and ``Kazakstan`` compare equal.

Ranking: records are found by their names before what is written about them: every record
matching by a name or alias comes before every record matching only by a title or summary.
Within each of these two groups, every searchable text of a record is compared with the
query, and the record takes its best tier:

0. exact: the normalised text is the normalised query;
1. prefix: the text starts with the query (``vlad`` finds ``Vladimir Kozlov``);
2. words: every word of the query is a word of the text, or the start of one
   (``kozlov``, ``koz vlad``, ``bloody jan``);
3. close spelling (names, aliases and titles only, not summaries): some word of the query
   is at least 80% similar (:class:`difflib.SequenceMatcher` ratio) to a word of the text,
   and the whole text, or every word of the query against some word of the text, is at
   least 80% similar: ``kozlof``; the closer spelling first.

The texts of a record, by field: the name (persons, organisations, groups, places; a law's
"<instrument> article <n> [part <m>]", or the instrument alone), its aliases, a title
(events, sources), and longer texts (an event's summary, a statement's summary and quote,
a source's note, a law's title).
Within a tier, a closer spelling comes first (tier 3 only), then the field in that order
(name, alias, title, summary), then the shorter text, then the record kind (in the order of
:data:`rightsdata.KINDS`), then the ID.

:class:`SearchIndex` answers this without reading every text: texts are sorted by the
within-tier order above, and an inverted index maps each word to the texts holding it.
Exact and prefix matches come from the sorted texts (bisection), word matches from the
words starting with each query word (bisection in the sorted vocabulary, then the
intersection of their texts: a bitwise AND of bitmaps for words held by many texts), and
close spellings are looked for only among texts holding a word that shares a trigram with a
query word and is close to it, and whose letters allow it (a mask of each text's letter
counts, made when the index is built: an AND and a bit count a text); difflib's similarity
is worked out for those candidates only. A search stops at the tier where ``limit`` records
are found.
"""

from __future__ import annotations

import contextlib
import difflib
import heapq
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, compress, count, repeat, takewhile, tee
from operator import add, and_, attrgetter, itemgetter, le, ne, or_, rshift, sub
from typing import Any, Final, NamedTuple

from rightsdata._values.gcpause import gc_paused

__all__ = [
    "CACHED_SEARCHES",
    "CLOSE_ENOUGH",
    "SearchEntry",
    "SearchIndex",
    "normalize",
    "rank",
    "transliterate",
]

#: The similarity (0 to 1) from which a spelling counts as close (tier 3).
CLOSE_ENOUGH: Final = 0.8

_CYRILLIC: Final[dict[str, str]] = {
    # Russian
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    # Ukrainian and Belarusian letters that appear in names in the same sources
    "є": "ye",
    "ї": "yi",
    "ў": "u",
    "ґ": "g",
}
# Kazakh Latin (2021 alphabet) letters that NFKD would not spell the English way.
_LATIN: Final[dict[str, str]] = {"ş": "sh", "ç": "ch", "ı": "i"}
_TABLE: Final = str.maketrans({**_CYRILLIC, **_LATIN})
# 'е' is 'ye' at the start of a word and after a vowel (or a hard or soft sign).
_YE: Final = re.compile(r"(?:(?<=[аеёиоуыэюяәөұүіъь])|(?<![^\W\d_]))е")
_NON_WORD: Final = re.compile(r"[\W_]+")
#: ASCII's non-word characters (``_NON_WORD``'s, below 128) to spaces: an ASCII text is
#: folded by a translate and a split, in half the time of a substitution by ``_NON_WORD``
#: (0.86-1.10 -> 0.44-0.56 s for the 198,000 titles and summaries of 100,000 events).
_ASCII_SPACES: Final = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
#: The same, NUL (which joins texts normalised together, :func:`_normalized_all`) kept.
_ASCII_SPACES_BUT_NUL: Final = {**_ASCII_SPACES, 0: "\x00"}
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")


def transliterate(text: str) -> str:
    """Lower-case ``text`` and spell its Cyrillic (Russian, Kazakh) in Latin letters.

    >>> transliterate("Қазақстан Республикасы")
    'kazakstan respublikasy'
    """
    lowered = text.casefold()
    return _YE.sub("ye", lowered).translate(_TABLE)


def normalize(text: str) -> str:
    """The form names are compared in: transliterated, unaccented, case-folded, spaced.

    >>> normalize("  Human Rights Foundation (HRF) ")
    'human rights foundation hrf'
    """
    if text.isascii():  # most texts: no letters to transliterate or marks to drop
        return " ".join(text.lower().translate(_ASCII_SPACES).split())
    decomposed = unicodedata.normalize("NFKD", transliterate(text))
    stripped = _NON_ASCII.sub(_without_marks, decomposed)
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


#: The fields a text comes from, in ranking order within a tier.
NAME: Final = 0
ALIAS: Final = 1
TITLE: Final = 2
SUMMARY: Final = 3


#: A :class:`SearchEntry`'s fields but its words, as the index sorts them (the words of
#: each text are given apart, once a text).
_Entry = tuple[int, int, int, str, str]


class SearchEntry(NamedTuple):
    """One searchable text of a record, normalised (built once, by the search index).

    ``field`` is ``NAME``, ``ALIAS``, ``TITLE`` or ``SUMMARY`` (0 to 3; ``of``
    also takes ``is_alias`` as a bool: False for a name, True for an alias). The fields come
    in the order that ranks entries within a tier, so entries sort as plain tuples.
    """

    field: int
    length: int
    kind_order: int
    record_id: str
    text: str
    words: tuple[str, ...]

    @property
    def is_alias(self) -> bool:
        """True if the text is one of the record's aliases."""
        return self.field == ALIAS

    @classmethod
    def of(cls, record_id: str, kind_order: int, name: str, field: int | bool) -> SearchEntry:
        """Normalise ``name`` of the record ``record_id``."""
        text = normalize(name)
        words = tuple(dict.fromkeys(text.split()))  # each word once
        return cls(int(field), len(text), kind_order, record_id, text, words)


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


def _score(query: str, words: Sequence[str], entry: SearchEntry) -> tuple[int, float] | None:
    """(tier, -similarity) of one text against the query, or None if it does not match."""
    text = entry.text
    if text == query:
        return (0, 0.0)
    if text.startswith(query):
        return (1, 0.0)
    name_words = entry.words
    if all(any(w.startswith(q) for w in name_words) for q in words):
        return (2, 0.0)
    if entry.field > TITLE:
        return None
    per_word = [max((_similarity(q, w) for w in name_words), default=0.0) for q in words]
    if not per_word or max(per_word) < CLOSE_ENOUGH:
        return None  # no word of the query is close to a word of the text
    best = _similarity(query, text)
    if min(per_word) >= CLOSE_ENOUGH:
        best = max(best, _mean(per_word))
    if best >= CLOSE_ENOUGH:
        return (3, -best)
    return None


def _mean(similarities: Sequence[float]) -> float:
    """The mean of the query words' similarities, and never less than the least of them: a
    sum of floats can round a mean below its least term (six similarities of 0.8 average to
    0.7999999999999999), which would turn away a text every word of the query is close to.

    >>> _mean([0.8] * 6) >= 0.8
    True
    """
    return max(sum(similarities) / len(similarities), min(similarities))


def _normalized_query(query: str) -> str:
    normalized = normalize(query)
    if not normalized:
        raise ValueError(
            f"the search text {query!r} has nothing to search by: no letters or digits once"
            " folded (punctuation and marks, and the Cyrillic signs ъ and ь, are dropped)"
        )
    return normalized


def rank(query: str, entries: Iterable[SearchEntry]) -> list[str]:
    """The IDs of the records whose texts match ``query``, best first (see the module doc).

    A linear scan: :class:`SearchIndex` gives the same order from an index.

    >>> entries = [SearchEntry.of("person:a", 1, "Vladimir Kozlov", False),
    ...            SearchEntry.of("person:b", 1, "Kozlova", False),
    ...            SearchEntry.of("person:c", 1, "Kozlov", False)]
    >>> rank("kozlov", entries)
    ['person:c', 'person:b', 'person:a']
    """
    normalized = _normalized_query(query)
    words = normalized.split()
    best: dict[str, tuple[Any, ...]] = {}
    for entry in entries:
        score = _score(normalized, words, entry)
        if score is None:
            continue
        key = (entry.field >= TITLE, *score, *entry[:4])
        known = best.get(entry.record_id)
        if known is None or key < known:
            best[entry.record_id] = key
    return [key[-1] for key in sorted(best.values())]


#: The kinds whose records are searched by their name and aliases.
_NAMED_KINDS: Final = frozenset({"persons", "organizations", "groups", "places"})


#: The kinds whose searchable texts are attributes of the record, and those attributes with
#: their fields (an empty or null value has no text to search).
_TEXT_ATTRIBUTES: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "events": (("title", TITLE), ("summary", SUMMARY)),
    "sources": (("title", TITLE), ("note", SUMMARY)),
    "statements": (("summary", SUMMARY), ("quote", SUMMARY)),
}


def texts_of(record: Any) -> Iterator[tuple[str, int]]:
    """The searchable texts of a record, with their fields (see the module doc)."""
    kind = record.kind_name
    if kind in _NAMED_KINDS:
        yield record.name, NAME
        for alias in getattr(record, "aliases", ()):  # a group has none
            yield alias.name, ALIAS
    elif kind == "laws":
        if record.article is None:  # the whole instrument
            yield record.instrument, NAME
        else:
            part = f" part {record.part}" if record.part else ""
            yield f"{record.instrument} article {record.article}{part}", NAME
        if record.title:
            yield record.title, SUMMARY
    else:
        for attribute, field in _TEXT_ATTRIBUTES.get(kind, ()):
            text = getattr(record, attribute)
            if text:
                yield text, field


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


class _Group:
    """The distinct texts of one group of entries (names and aliases; titles and summaries).

    ``texts`` is sorted, for bisection; ``positions[t]`` the entries holding text ``t``,
    ascending (the texts in the order of their first entry).
    """

    __slots__ = ("positions", "texts")

    def __init__(self, positions: dict[str, list[int]]) -> None:
        self.positions = positions
        self.texts: list[str] = sorted(positions)

    def starting(self, query: str) -> tuple[list[int], list[list[int]]]:
        """The entries whose text is ``query``, and those of each text starting with it."""
        texts = self.texts
        start = bisect_left(texts, query)
        stop = bisect_left(texts, query + "\U0010ffff", start)
        exact = self.positions.get(query, [])
        prefixed = [self.positions[t] for t in texts[start:stop] if t != query]
        return exact, prefixed


#: The kinds whose records have texts of each group (see :func:`texts_of`): names and
#: aliases; titles and summaries.
_GROUP_KINDS: Final = (
    _NAMED_KINDS | {"laws"},
    frozenset({"laws", "events", "sources", "statements"}),
)
#: A word search looks each text found so far up in the next query word's texts
#: (bisection) if they are this many times fewer than those texts (and the words the query
#: word starts); else it intersects them.
_LOOK_UP_BELOW: Final = 16
#: How many texts of its first word a word search looks up one by one before intersecting.
_SCAN_FIRST: Final = 256
#: A word held by this many texts or more (and by 1/256 of them) has them as a bitmap too
#: (see :func:`_bitmap_from`).
_BITMAP_FROM: Final = 64
#: How many query words' close words an index keeps (see _Part._close_words).
_CACHED_WORDS: Final = 4096
#: How many searches' results a SearchIndex keeps (the dataset never changes).
CACHED_SEARCHES: Final = 256


class _Part:
    """The index of one group of texts (names and aliases; titles and summaries): its
    entries in the within-tier order, the distinct texts sorted, an inverted index from
    each word to its texts, and the trigrams of the words of names, aliases and titles.

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
        "group",
        "ids",
        "masks",
        "numbered",
        "orders",
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
        # The distinct texts in the order of their first entry, with their entries; and
        # each word's texts.
        positions = _grouped(map(itemgetter(4), entries), count())
        self.group = _Group(positions)
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
        self.bitmaps: dict[str, int] = {
            w: _bitmap(texts, len(numbered))
            for w, texts in word_texts.items()
            if len(texts) >= _bitmap_from(len(numbered))
        }
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
        positions, numbered = self.group.positions, self.numbered
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

    def word_matches(self, words: Sequence[str]) -> Iterator[int]:
        """The entries in which every query word starts a word, ascending.

        One query word: the texts of the words it starts, merged lazily, then their entries
        (lazily, :meth:`entries_of`). Several: if every query word is in many texts, the
        bitwise AND of their bitmaps (each query word's the OR of the bitmaps of the words
        it starts; a word in fewer texts than bitmaps are kept for is made one), read from
        the top bit down; else the texts of the query word with the fewest that the others'
        hold (:func:`_texts_holding_all`). Then their entries.
        """
        word_texts = self.word_texts
        per_word = []
        for word in dict.fromkeys(words):
            matches = self.words_starting(word)
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

        positions, summaries = self.group.positions, self.summaries

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


def _is_word_match(query: str, spaced: Sequence[str], text: str) -> bool:
    """True if ``text`` matches ``query`` at tier 0, 1 or 2 (see :func:`_score`).

    ``spaced``: the query's words, each after a space. A word of ``text`` starts with a
    query word if the text after a space holds it after a space (normalised texts have one
    space between words, and a query word none)."""
    return text.startswith(query) or all(map(f" {text}".__contains__, spaced))


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


def _mean_if_close(
    query: str,
    words: Sequence[str],
    spaced: Sequence[str],
    text: str,
    close_words: dict[str, dict[str, float]],
) -> float | None:
    """The mean similarity of the query's words to their closest word of ``text`` (as in
    :func:`_score`), every query word having a close word there; None if ``text`` matches
    at tier 0, 1 or 2. A word not among a query word's close words counts as 0."""
    if _is_word_match(query, spaced, text):
        return None
    text_words = text.split()
    per_word = [max([close_words[q].get(w, 0.0) for w in text_words]) for q in words]
    return _mean(per_word)


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


class SearchIndex:
    """Every searchable text of a dataset, with an inverted index (see the module doc).

    The texts come in two parts, names and aliases, then titles and summaries, as a search
    reads them; :meth:`build` indexes each part the first time a search reaches it (a name
    search that finds ``limit`` records among names never indexes the longer texts).
    Entries are numbered in the within-tier order, and texts by their first entry, so that
    a posting (the texts holding a word, ascending) lists them best first, and merging
    postings lazily yields the best first: a search reads only as far as it needs for
    ``limit`` records. The results of the
    last :data:`CACHED_SEARCHES` searches are kept: the same search again is a dict lookup.
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
        (['person:c', 'person:b', 'person:a'], ['person:c'])
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

            exact, prefixed = part.group.starting(normalized)
            if take(exact) or take(_merged(prefixed)) or take(part.word_matches(words)):
                break
            if take(part.close_positions(normalized, words)):
                break
        return list(found)


def _entries(
    kinds: Sequence[tuple[str, Sequence[Any]]], group: int
) -> tuple[list[_Entry], dict[str, list[str]]]:
    """The entries of one group (0: names and aliases; 1: titles and summaries), sorted,
    and the words of each of their texts (normalised), as they come.

    Made a column at a time by C-level maps (each kind's IDs, each text attribute's
    values), with each distinct text normalised once (:func:`_normalized_all`), not a
    Python call a record or a text."""
    wanted = _GROUP_KINDS[group]
    fields: list[int] = []
    orders: list[int] = []
    ids: list[str] = []
    texts: list[str] = []
    for order, (kind, records) in enumerate(kinds):
        if kind not in wanted:
            continue
        for field, some_ids, some_texts in _text_columns(kind, records):
            if (field >= TITLE) == bool(group):
                fields += repeat(field, len(some_texts))
                orders += repeat(order, len(some_texts))
                ids += some_ids
                texts += some_texts
    folded, words = _normalized_all(dict.fromkeys(texts))  # texts repeat (titles, aliases)
    texts = list(map(folded.__getitem__, texts))
    entries = list(zip(fields, map(len, texts), orders, ids, texts, strict=True))
    entries.sort()
    return entries, words


_ID: Final = attrgetter("id")


def _text_columns(kind: str, records: Sequence[Any]) -> Iterator[tuple[int, list[str], list[str]]]:
    """The searchable texts of ``records`` (all of ``kind``) as columns: ``(field, record
    IDs, texts)``, the texts that :func:`texts_of` gives (a differential test holds them
    to it)."""
    if kind in _NAMED_KINDS:
        yield NAME, list(map(_ID, records)), list(map(_NAME, records))
        aliases = list(map(getattr, records, repeat("aliases"), repeat(())))  # a group has none
        alias_ids: list[str] = []
        alias_texts: list[str] = []
        for record, held in zip(compress(records, aliases), filter(None, aliases), strict=True):
            alias_ids += repeat(record.id, len(held))
            alias_texts += map(_NAME, held)
        yield ALIAS, alias_ids, alias_texts
    elif kind in _TEXT_ATTRIBUTES:
        ids = list(map(_ID, records))
        for attribute, field in _TEXT_ATTRIBUTES[kind]:
            values = list(map(attrgetter(attribute), records))
            yield field, list(compress(ids, values)), list(filter(None, values))
    else:  # laws: a name made of several fields
        by_field: dict[int, tuple[list[str], list[str]]] = {}
        for record in records:
            for text, field in texts_of(record):
                some_ids, some_texts = by_field.setdefault(field, ([], []))
                some_ids.append(record.id)
                some_texts.append(text)
        for field, (some_ids, some_texts) in by_field.items():
            yield field, some_ids, some_texts


_NAME: Final = attrgetter("name")


def _normalized_all(texts: Iterable[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """:func:`normalize` of each of the distinct ``texts``, and the words of each
    normalised text.

    The ASCII texts (most) are folded together: their join lower-cased and translated at
    once, then split into texts and words, and each text's words joined, by C-level maps
    with no Python call a text. The others are normalised one by one: joined with them, a
    text in another script would make the whole join a text of wider characters, for
    which lower-casing and translating are several times slower, and a text holding the
    joining character (NUL) would split in two.

    The words set the build's peak memory, not the join and its copies: each word is one
    string, shared by every text holding it (the split's own string is freed at once),
    which halved the peak at 100,000 events (972 -> 510 MB over the process before the
    build; 7.5 million words, 1,981 distinct), where folding 65,536 texts at a time left it
    as it was."""
    plain: list[str] = []
    others: list[str] = []
    for text in texts:
        (plain if text.isascii() and "\x00" not in text else others).append(text)
    pieces = "\x00".join(plain).lower().translate(_ASCII_SPACES_BUT_NUL).split("\x00")
    vocabulary: dict[str, str] = {}  # each word's one string (a setdefault for each word)
    split, again = tee(map(str.split, pieces))
    shared = map(map, repeat(vocabulary.setdefault), split, again)
    words = list(map(list, shared)) if plain else []
    folded = list(map(" ".join, words))
    folded_others = list(map(normalize, others))
    return (
        dict(zip(chain(plain, others), chain(folded, folded_others), strict=True)),
        dict(
            zip(
                chain(folded, folded_others),
                chain(words, map(str.split, folded_others)),
                strict=True,
            )
        ),
    )


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
