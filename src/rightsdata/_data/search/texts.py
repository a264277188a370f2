"""The searchable texts of records, by field (see :mod:`rightsdata._data.search`): each
normalised as a :class:`SearchEntry`, or gathered for an index a column at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from operator import attrgetter
from typing import Any, Final, NamedTuple

from rightsdata._data.search.normalization import _normalized_all, normalize

__all__ = ["ALIAS", "NAME", "SUMMARY", "TITLE", "SearchEntry", "texts_of"]

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
    """The searchable texts of a record, with their fields (see
    :mod:`rightsdata._data.search`)."""
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


#: The kinds whose records have texts of each group (see :func:`texts_of`): names and
#: aliases; titles and summaries.
_GROUP_KINDS: Final = (
    _NAMED_KINDS | {"laws"},
    frozenset({"laws", "events", "sources", "statements"}),
)


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
