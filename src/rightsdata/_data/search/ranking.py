"""Ranking by a linear scan: each text's tier against the query (the tiers and the order
within a tier: :mod:`rightsdata._data.search`), and :func:`rank`, whose order
:class:`~rightsdata._data.search.index.SearchIndex` gives from an index."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from rightsdata._data.search.normalization import normalize
from rightsdata._data.search.similarity import CLOSE_ENOUGH, _similarity
from rightsdata._data.search.texts import TITLE, SearchEntry

__all__ = ["rank"]


def _score(query: str, words: Sequence[str], entry: SearchEntry) -> tuple[int, float] | None:
    """(tier, -similarity) of one text against the query, or None if it does not match."""
    text = entry.text
    if text == query:
        return (0, 0.0)
    name_words = entry.words
    if all(q in name_words for q in words):
        return (1, 0.0)
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


#: A possessive's ending after a word (``Kozlov's``, its apostrophe U+2019 or U+02BC too):
#: the query's ``s`` would otherwise be a word of its own that every match must hold, and a
#: name has none.
_POSSESSIVE: Final = re.compile(r"(?<=\w)['\u2019\u02bc][sS]\b")


def _normalized_query(query: str) -> str:
    """``query`` normalised as the texts are (:func:`normalize`), a possessive's ``'s``
    left out: ``"Kozlov's trial"`` searches for ``kozlov trial``, which finds the person
    "Vladimir Kozlov" and the title "Kozlov's trial" (whose words are ``kozlov s trial``).

    >>> _normalized_query("Kozlov\u2019s trial"), _normalized_query("'s")
    ('kozlov trial', 's')
    """
    normalized = normalize(_POSSESSIVE.sub("", query))
    if not normalized:
        raise ValueError(
            f"the search text {query!r} has nothing to search by: no letters or digits once"
            " folded (punctuation and marks, and the Cyrillic signs ъ and ь, are dropped)"
        )
    return normalized


def rank(query: str, entries: Iterable[SearchEntry]) -> list[str]:
    """The IDs of the records whose texts match ``query``, best first (see
    :mod:`rightsdata._data.search`).

    A linear scan: :class:`SearchIndex` gives the same order from an index.

    >>> entries = [SearchEntry.of("person:a", 1, "Vladimir Kozlov", False),
    ...            SearchEntry.of("person:b", 1, "Kozlova", False),
    ...            SearchEntry.of("person:c", 1, "Kozlov", False)]
    >>> rank("kozlov", entries)
    ['person:c', 'person:a', 'person:b']
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


def _is_word_match(query: str, spaced: Sequence[str], text: str) -> bool:
    """True if ``text`` matches ``query`` at tier 0, 1 or 2 (see :func:`_score`).

    ``spaced``: the query's words, each after a space. A word of ``text`` starts with a
    query word if the text after a space holds it after a space (normalised texts have one
    space between words, and a query word none). A text starting with the query is such a
    text (its first words are the query's, the last started by the query's last): checked
    first, as it is quick."""
    return text.startswith(query) or all(map(f" {text}".__contains__, spaced))


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
