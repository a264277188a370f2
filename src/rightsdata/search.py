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

Ranking (:func:`rank`): every name and alias of a record is compared with the query, and the
record takes its best tier:

0. exact: the normalised name is the normalised query;
1. prefix: the name starts with the query (``vlad`` finds ``Vladimir Kozlov``);
2. words: every word of the query is a word of the name, or the start of one
   (``kozlov``, ``koz vlad``);
3. close spelling: the name, or every word of the query against some word of the name, is
   at least 80% similar (:class:`difflib.SequenceMatcher` ratio): ``kozlof``.

Within a tier, a closer spelling comes first (tier 3 only), then a match on the record's own
name before one on an alias, then the shorter name, then the record kind (in the order of
:data:`rightsdata.KINDS`), then the ID.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

__all__ = ["CLOSE_ENOUGH", "SearchEntry", "normalize", "rank", "transliterate"]

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
    decomposed = unicodedata.normalize("NFKD", transliterate(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


@attrs.frozen
class SearchEntry:
    """One searchable name of a record, normalised (built once, by the search index)."""

    record_id: str
    kind_order: int
    text: str
    words: tuple[str, ...]
    is_alias: bool

    @classmethod
    def of(cls, record_id: str, kind_order: int, name: str, is_alias: bool) -> SearchEntry:
        """Normalise ``name`` of the record ``record_id``."""
        text = normalize(name)
        return cls(record_id, kind_order, text, tuple(text.split()), is_alias)


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
        return 0.0
    return matcher.ratio()


def _score(query: str, words: Sequence[str], entry: SearchEntry) -> tuple[int, float] | None:
    """(tier, -similarity) of one name against the query, or None if it does not match."""
    text = entry.text
    if text == query:
        return (0, 0.0)
    if text.startswith(query):
        return (1, 0.0)
    name_words = entry.words
    if all(any(w.startswith(q) for w in name_words) for q in words):
        return (2, 0.0)
    best = _similarity(query, text)
    per_word = [max((_similarity(q, w) for w in name_words), default=0.0) for q in words]
    if per_word and min(per_word) >= CLOSE_ENOUGH:
        best = max(best, sum(per_word) / len(per_word))
    if best >= CLOSE_ENOUGH:
        return (3, -best)
    return None


def rank(query: str, entries: Iterable[SearchEntry]) -> list[str]:
    """The IDs of the records whose names match ``query``, best first (see the module doc).

    >>> entries = [SearchEntry.of("person:a", 1, "Vladimir Kozlov", False),
    ...            SearchEntry.of("person:b", 1, "Kozlova", False),
    ...            SearchEntry.of("person:c", 1, "Kozlov", False)]
    >>> rank("kozlov", entries)
    ['person:c', 'person:b', 'person:a']
    """
    normalized = normalize(query)
    if not normalized:
        raise ValueError(f"the search text {query!r} has no letters or digits")
    words = normalized.split()
    best: dict[str, tuple[int, float, bool, int, int, str]] = {}
    for entry in entries:
        score = _score(normalized, words, entry)
        if score is None:
            continue
        key = (*score, entry.is_alias, len(entry.text), entry.kind_order, entry.record_id)
        known = best.get(entry.record_id)
        if known is None or key < known:
            best[entry.record_id] = key
    return [key[-1] for key in sorted(best.values())]
