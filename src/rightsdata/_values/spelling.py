"""Words spelled like a given word: the "did you mean" of errors and hints (internal).

>>> close("person:vladmir-kozlov", ["person:vladimir-kozlov", "person:galym-ageleuov"])
['person:vladimir-kozlov']
>>> did_you_mean(["a", "b", "c"]), did_you_mean(["a", "a"]), did_you_mean([])
("did you mean 'a', 'b' or 'c'?", "did you mean 'a'?", '')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Final

from rightsdata._values.joined import all_of, one_of

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


#: A word this short or shorter (or a choice) is offered only choices one edit from it, or
#: that it begins: difflib's ratio finds 'id' like 'kind' (two letters of four shared).
SHORT: Final = 4


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one letter added, dropped, changed, or two
    neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i + 1 : i + 2] + a[i : i + 1] + a[i + 2 :]
    return a[i + 1 :] == b[i + 1 :] or swapped == b[i:]


def close(word: object, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices spelled most like ``word`` (at most ``n``, each once), closest first; none
    if there are more than :data:`MAX_CHOICES`, or if ``word`` is not text (a key YAML read
    as ``True``). A choice of the same letters in another case
    is the one meant, alone (``'Arrest'``: ``'arrest'``, not also ``'unrest'``); a word or
    choice of :data:`SHORT` letters or fewer is matched only one edit away, or as the start of
    a choice.

    >>> close("Arrest", ["arrest", "unrest"]), close("kind", ["id", "name"])
    (['arrest'], [])
    >>> close("dte", ["date", "title"]), close("nmae", ["id", "name"]), close(True, ["true"])
    (['date'], ['name'], [])
    """
    if not isinstance(word, str):
        return []
    import difflib  # (only an error needs it)

    pool = choices if isinstance(choices, Collection) else list(choices)
    if len(pool) > MAX_CHOICES:
        return []
    folded = word.casefold()
    same = [choice for choice in pool if choice.casefold() == folded]
    if same:
        return same[:1]
    found = difflib.get_close_matches(word, list(dict.fromkeys(pool)), n=n, cutoff=cutoff)
    return [
        choice
        for choice in found
        if min(len(word), len(choice)) > SHORT
        or _one_edit(folded, choice.casefold())
        or choice.casefold().startswith(folded)  # (cut short: 'vers' for 'version')
    ]


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


#: Fields written for another, spelled like nothing it is: each name, the field meant, and
#: why (told where the field meant is the holder's).
MEANT: Final = {"sources": ("citations", "a record names the sources it cites in its citations")}


def unknown_field(
    name: str,
    known: Iterable[str],
    elsewhere: Mapping[str, Collection[str]] | None = None,
    holder: str = "",
) -> str:
    """What a problem says of a field ``name`` that is none of the ``known`` fields of
    ``holder`` (a kind's name, ``'persons'``): where it is a field of the other kinds in
    ``elsewhere`` (a kind's name: its fields), which they are and the holder's own fields;
    else the one it is written for (:data:`MEANT`: ``sources`` for ``citations``) or spelled
    like, if any.

    >>> unknown_field("nmae", ["id", "name"]), unknown_field("size", ["id", "name"])
    ("unknown field; did you mean 'name'?", 'unknown field')
    >>> unknown_field("", ["id", "name"])  # (an empty name, named all the same)
    "unknown field ''"
    >>> print(unknown_field("kind", ["id", "name"], {"events": ["id", "kind"]}, "persons"))
    unknown field: a field of events, not of persons, whose fields are id, name
    >>> print(unknown_field("sources", ["id", "citations"]))
    unknown field; did you mean 'citations'? (a record names the sources it cites in its citations)
    """
    if not name:
        return "unknown field ''"
    known = list(known)
    having = [kind for kind, fields in (elsewhere or {}).items() if name in fields]
    if having and holder:
        return (
            f"unknown field: a field of {all_of(having)}, not of {holder}, whose fields are "
            f"{', '.join(known)}"
        )
    meant, why = MEANT.get(name, ("", ""))
    if meant in known:
        return f"unknown field; {did_you_mean([meant])} ({why})"
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
