"""Record IDs: ``kind:slug``, stable and never reused.

A slug is lowercase ASCII words (letters and digits) joined by ``-``. The prefix says which
kind of record an ID names, so a reference can be checked without looking it up.

>>> from rightsdata._values.ids import prefix_of, is_valid_id
>>> prefix_of("person:vladimir-kozlov")
'person'
>>> is_valid_id("person:Vladimir_Kozlov")
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

from rightsdata._values.errors import UnknownIdError
from rightsdata._values.joined import one_of

__all__ = [
    "ID_PATTERN",
    "KIND_OF_PREFIX",
    "PREFIXES",
    "PREFIX_OF_KIND",
    "SLUG_PATTERN",
    "a_noun",
    "describe_prefixes",
    "follow_redirects",
    "id_pattern",
    "is_valid_id",
    "meant_prefix",
    "noun",
    "prefix_of",
]

#: The record kinds, in the order a dataset lists them, with the ID prefix of each.
PREFIX_OF_KIND: Final[dict[str, str]] = {
    "sources": "source",
    "persons": "person",
    "organizations": "org",
    "groups": "group",
    "places": "place",
    "laws": "law",
    "events": "event",
    "relationships": "relationship",
    "statements": "statement",
    "ratings": "rating",
}
KIND_OF_PREFIX: Final[dict[str, str]] = {p: k for k, p in PREFIX_OF_KIND.items()}
PREFIXES: Final[tuple[str, ...]] = tuple(PREFIX_OF_KIND.values())

SLUG_PATTERN: Final = "[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERN: Final = f"^(?:{'|'.join(PREFIXES)}):{SLUG_PATTERN}$"

_ID_RE: Final = re.compile(f"({'|'.join(PREFIXES)}):{SLUG_PATTERN}")

_PREFIX_WORDS: Final[dict[str, str]] = {
    "source": "a source",
    "person": "a person",
    "org": "an organisation",
    "group": "a group",
    "place": "a place",
    "law": "a legal provision",
    "event": "an event",
    "relationship": "a relationship",
    "statement": "a statement",
    "rating": "a rating",
}


def id_pattern(prefixes: tuple[str, ...]) -> str:
    """The regular expression (anchored) for IDs with one of ``prefixes``.

    >>> id_pattern(("person", "org"))
    '^(?:person|org):[a-z0-9]+(?:-[a-z0-9]+)*$'
    """
    return f"^(?:{'|'.join(prefixes)}):{SLUG_PATTERN}$"


def is_valid_id(value: str) -> bool:
    """Whether ``value`` is a well-formed ID of any kind.

    >>> is_valid_id("law:kz-cc-1997-164")
    True
    """
    return _ID_RE.fullmatch(value) is not None


def in_lowercase(value: str, prefixes: tuple[str, ...] = PREFIXES) -> str | None:
    """The ID ``value`` is, written in lowercase, if it is in ASCII capitals and that is an
    ID with one of ``prefixes``; else None.

    >>> in_lowercase("Person:C"), in_lowercase("EVENT:A", ("person",)), in_lowercase("person:c")
    ('person:c', None, None)
    """
    lowered = value.lower()
    if lowered == value or not value.isascii() or not is_valid_id(lowered):
        return None
    return lowered if prefix_of(lowered) in prefixes else None


#: Words an author may write for a kind where its ID prefix goes, each with that prefix:
#: the kinds' names, singular and plural, in American and British spelling (an organisation's
#: prefix is ``org``, which no spelling of its name is close to).
_PREFIX_WORDS_OF: Final[dict[str, str]] = {
    **PREFIX_OF_KIND,
    **{kind[:-1]: prefix for kind, prefix in PREFIX_OF_KIND.items()},
    "organisation": "org",
    "organisations": "org",
    "organization": "org",
    "people": "person",
}


def meant_prefix(written: str, prefixes: tuple[str, ...] = PREFIXES) -> str | None:
    """The one of ``prefixes`` that ``written``, an ID's prefix that names no kind taken,
    was likely meant to be: the same in lowercase (``Org``), a kind's name in its place
    (``organization``, ``persons``), or a spelling close to a prefix (``evnt``); None if
    there is none.

    >>> meant_prefix("organization"), meant_prefix("Org"), meant_prefix("evnt"), meant_prefix("x")
    ('org', 'org', 'event', None)
    >>> print(meant_prefix("event", ("org",)))  # (a prefix, but not of a kind taken here)
    None
    """
    from rightsdata._values.spelling import close  # (only where an ID is wrong)

    lowered = written.lower()
    if lowered in prefixes:
        return lowered
    named = _PREFIX_WORDS_OF.get(lowered)
    if named is None:
        near = close(lowered, [*prefixes, *_PREFIX_WORDS_OF], n=1)
        named = _PREFIX_WORDS_OF.get(near[0], near[0]) if near else None
    return named if named in prefixes else None


def prefix_of(value: str) -> str:
    """The prefix of a well-formed ID (the part before the colon)."""
    return value.partition(":")[0]


def describe_prefixes(prefixes: tuple[str, ...]) -> str:
    """Plain words for a set of prefixes: ``'a person or an organisation'``.

    >>> describe_prefixes(("person", "org"))
    'a person or an organisation'
    """
    return one_of([_PREFIX_WORDS.get(p, p) for p in prefixes])


def noun(kind: str) -> str:
    """The singular noun of a record kind: ``'person'``, ``'legal provision'``."""
    return a_noun(kind).split(" ", 1)[1]


def a_noun(kind: str) -> str:
    """The singular noun of a record kind with its article: ``'an event'``, ``'a person'``."""
    prefix = PREFIX_OF_KIND.get(kind)
    return "a record" if prefix is None else describe_prefixes((prefix,))


def follow_redirects(
    record_id: str, redirects: Mapping[str, str], exists: Callable[[str], bool]
) -> str:
    """Follow ``redirects`` (old ID -> new ID) from ``record_id`` to an ID that exists.

    Stops at the first ID that ``exists`` or that has no redirect, and returns it (the
    caller decides what a missing record means). A chain that comes back on itself raises
    :class:`~rightsdata.UnknownIdError` naming the cycle.

    >>> follow_redirects("person:a", {"person:a": "person:b", "person:b": "person:c"},
    ...                  lambda i: i == "person:c")
    'person:c'
    >>> try:
    ...     follow_redirects("person:a", {"person:a": "person:b", "person:b": "person:a"},
    ...                      lambda i: False)
    ... except UnknownIdError as error:
    ...     print(error.hint)
    its redirects form a cycle: person:a -> person:b -> person:a
    """
    chain = [record_id]
    current = record_id
    while not exists(current) and current in redirects:
        current = redirects[current]
        if current in chain:
            path = " -> ".join([*chain, current])
            raise UnknownIdError(record_id, f"its redirects form a cycle: {path}")
        chain.append(current)
    return current
