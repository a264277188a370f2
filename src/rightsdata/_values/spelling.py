"""Words spelled like a given word: the "did you mean" of errors and hints (internal).

>>> close("person:vladmir-kozlov", ["person:vladimir-kozlov", "person:galym-ageleuov"])
['person:vladimir-kozlov']
>>> did_you_mean(["a", "b", "c"]), did_you_mean(["a", "a"]), did_you_mean([])
("did you mean 'a', 'b' or 'c'?", "did you mean 'a'?", '')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Final

from rightsdata._values.joined import one_of

__all__ = [
    "DID_YOU_MEAN",
    "MAX_CHOICES",
    "close",
    "did_you_mean",
    "like_id",
    "spelled_like",
    "unknown_field",
]

#: How :func:`did_you_mean` begins.
DID_YOU_MEAN: Final = "did you mean"

#: Above this many choices none is suggested: difflib compares the word with each (its quick
#: filters take about a microsecond a choice), and an error message should come at once.
MAX_CHOICES: Final = 100_000


def close(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices spelled most like ``word`` (at most ``n``, each once), closest first; none
    if there are more than :data:`MAX_CHOICES`."""
    import difflib  # (only an error needs it)

    pool = choices if isinstance(choices, Collection) else list(choices)
    if len(pool) > MAX_CHOICES:
        return []
    return difflib.get_close_matches(word, list(dict.fromkeys(pool)), n=n, cutoff=cutoff)


def like_id(record_id: str, ids: Iterable[str], n: int = 3, cutoff: float = 0.75) -> list[str]:
    """The ``ids`` spelled most like ``record_id``, compared by slug (the part after the
    colon: every ID of a kind shares its prefix, which would make them all look alike), at
    least ``cutoff`` alike (difflib's ratio).

    >>> like_id("person:vladmir-kozlov", ["person:vladimir-kozlov", "person:ana-kozlova"])
    ['person:vladimir-kozlov']
    """
    by_slug = {i.partition(":")[2]: i for i in ids}
    return [by_slug[s] for s in close(record_id.partition(":")[2], by_slug, n, cutoff)]


def did_you_mean(options: Sequence[str]) -> str:
    """``did you mean 'a'?`` or ``did you mean 'a' or 'b'?``, each option once; empty if there
    are none."""
    if not options:
        return ""
    quoted = [f"'{option}'" for option in dict.fromkeys(options)]
    return f"{DID_YOU_MEAN} {one_of(quoted)}?"


def unknown_field(name: str, known: Iterable[str]) -> str:
    """What a problem says of a field ``name`` that is none of the ``known`` fields: with the
    one it is spelled like, if any.

    >>> unknown_field("nmae", ["id", "name"]), unknown_field("size", ["id", "name"])
    ("unknown field; did you mean 'name'?", 'unknown field')
    """
    hint = did_you_mean(close(name, known, n=2))
    return f"unknown field; {hint}" if hint else "unknown field"


def spelled_like(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a ``word`` that is none of ``choices`` but spelled like
    one (a kind, a term, a table, a format), to follow it in a message; empty for anything
    else. The same letters in another case are the choice meant (``'JSON'``: ``'json'``).

    >>> "unknown record kind 'person'" + spelled_like("person", ["persons", "places"])
    "unknown record kind 'person' (did you mean 'persons'?)"
    >>> spelled_like("JSON", ["json", "jsonl"]), spelled_like("Events", ["events", "persons"])
    (" (did you mean 'json'?)", " (did you mean 'events'?)")
    >>> spelled_like("stuff", ["persons", "places"]), spelled_like(3, ["persons"])
    ('', '')
    """
    if not isinstance(word, str):
        return ""
    pool = list(choices)
    folded = word.casefold()
    same = [choice for choice in pool if choice.casefold() == folded][:1]
    hint = did_you_mean(same or close(word, pool, n=1))
    return f" ({hint})" if hint else ""
