# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic and Kazakh Latin letters on purpose)
"""Normalisation: the form search compares names in, across case, accents and scripts.

:func:`normalize` folds a name to the form that search compares: Cyrillic (Russian and
Kazakh) is transliterated to Latin, the Kazakh Latin letters ``ş ç ı q`` are spelled as in
English-language sources (``q`` as ``k``, in every text), accents are removed (NFKD, then
combining marks dropped), case is folded, and everything that is not a letter or digit
becomes one space.

>>> normalize("Владимир КОЗЛОВ")
'vladimir kozlov'
>>> normalize("Жаңаөзен"), normalize("Kozlóv"), normalize("Protest Körpe")
('zhanaozen', 'kozlov', 'protest korpe')
>>> normalize("Евгений Жовтис"), normalize("Qasym-Jomart Toqaev")
('yevgeniy zhovtis', 'kasym jomart tokaev')

The transliteration follows the spelling of English-language human-rights reporting (a
simplified BGN/PCGN romanisation): ``х`` is ``kh``, ``ж`` is ``zh``, ``й`` and ``ы`` are
``y``, ``е`` is ``ye`` at the start of a word and after a vowel, ``ъ`` and ``ь`` are dropped,
and the Kazakh letters lose their marks (``ә`` a, ``ғ`` g, ``қ`` k, ``ң`` n, ``ө`` o, ``ұ``
and ``ү`` u, ``һ`` h, ``і`` i), so that ``Қазақстан`` and ``Kazakstan`` compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import chain, repeat, tee
from typing import Final

__all__ = ["normalize", "transliterate"]

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
# Kazakh Latin (2021 alphabet) letters that NFKD would not spell the English way; and its
# ``q``, the letter of ``қ``, which English-language sources write ``k``: "Toqaev" is
# "Tokayev" ("Тоқаев"), "Qazaqstan" "Kazakstan". Folded in every text, query and name alike,
# so a word spelt with ``q`` in English (Iraq, Qatar) still finds itself.
_LATIN: Final[dict[str, str]] = {"ş": "sh", "ç": "ch", "ı": "i", "q": "k"}
_TABLE: Final = str.maketrans({**_CYRILLIC, **_LATIN})
# 'е' is 'ye' at the start of a word and after a vowel (or a hard or soft sign).
_YE: Final = re.compile(r"(?:(?<=[аеёиоуыэюяәөұүіъь])|(?<![^\W\d_]))е")
_NON_WORD: Final = re.compile(r"[\W_]+")
#: ASCII's non-word characters (``_NON_WORD``'s, below 128) to spaces: an ASCII text is
#: folded by a translate and a split, in half the time of a substitution by ``_NON_WORD``
#: (0.86-1.10 -> 0.44-0.56 s for the 198,000 titles and summaries of 100,000 events).
_ASCII_SPACES: Final = str.maketrans(
    {**{c: " " for c in map(chr, range(128)) if not c.isalnum()}, "q": "k"}
)
#: The same, NUL (which joins texts normalised together, :func:`_normalized_all`) kept.
_ASCII_SPACES_BUT_NUL: Final = {**_ASCII_SPACES, 0: "\x00"}
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")
#: The ASCII texts :func:`_normalized_all` folds together at a time: their join (about 1.3
#: MB of titles and summaries) and its two copies stay in the processor's caches for the
#: split that reads them. All the texts at once took 18.5 against 14.9 s for the 3.1
#: million distinct titles and summaries of a million events (medians of three fresh
#: processes each, interleaved), 1.27 against 1.14 s for the 307,000 of 100,000.
_FOLD_TEXTS: Final = 8_192


def transliterate(text: str) -> str:
    """Lower-case ``text`` and spell its Cyrillic (Russian, Kazakh) in Latin letters, and
    the Kazakh Latin letters as English-language sources do (``q`` as ``k``).

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
    build; 7.5 million words, 1,981 distinct). The ASCII texts are folded
    :data:`_FOLD_TEXTS` at a time."""
    plain: list[str] = []
    others: list[str] = []
    for text in texts:
        (plain if text.isascii() and "\x00" not in text else others).append(text)
    vocabulary: dict[str, str] = {}  # each word's one string (a setdefault for each word)
    words: list[list[str]] = []
    for start in range(0, len(plain), _FOLD_TEXTS):
        joined = "\x00".join(plain[start : start + _FOLD_TEXTS])
        pieces = joined.lower().translate(_ASCII_SPACES_BUT_NUL).split("\x00")
        split, again = tee(map(str.split, pieces))
        words += map(list, map(map, repeat(vocabulary.setdefault), split, again))
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
