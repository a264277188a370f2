"""Name search: normalisation across case, accents and scripts, and ranking.

Ranking: records are found by their names before what is written about them: every record
matching by a name or alias comes before every record matching only by a title or summary.
Within each of these two groups, every searchable text of a record is compared with the
query, and the record takes its best tier:

0. exact: the normalised text is the normalised query;
1. words: every word of the query is a word of the text (``nazarbayev`` finds
   ``Nursultan Nazarbayev``, ``kozlov`` finds ``Vladimir Kozlov`` before ``Kozlova``);
2. word starts: every word of the query is a word of the text or the start of one, as a
   query being typed is (``vlad``, ``koz vlad``, ``bloody jan``);
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
:data:`rightsdata.KINDS`), then the ID. Where in the text the query's words stand does not
count: a long name that starts with a surname ("Nazarbayev's 'cronies' in Zhanaozen ...")
comes after the short name holding it ("Nursultan Nazarbayev"). A text starting with the
query is a match of tier 1 or 2 (the query's words but the last are its first words, and
the last starts its next word).

The modules: ``normalization`` (the form texts are compared in), ``texts`` (each record's
texts, by field), ``ranking`` (the tiers, and :func:`rank`, the linear scan),
``similarity`` (close spellings and the bounds that rule texts out), ``postings`` (each
word's texts, as lists and bitmaps) and ``index`` (:class:`SearchIndex`).
"""

from __future__ import annotations

from rightsdata._data.search.index import CACHED_SEARCHES, SearchIndex
from rightsdata._data.search.normalization import normalize, transliterate
from rightsdata._data.search.ranking import rank
from rightsdata._data.search.similarity import CLOSE_ENOUGH
from rightsdata._data.search.texts import SearchEntry

__all__ = [
    "CACHED_SEARCHES",
    "CLOSE_ENOUGH",
    "SearchEntry",
    "SearchIndex",
    "normalize",
    "rank",
    "transliterate",
]
