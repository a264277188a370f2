"""Every term of a vocabulary is placed in each classification of it, so a new term must be.

Code that treats some terms of a vocabulary apart (the roles whose actor must be alive at the
event, the place kinds a rating rates, the units written as a sign, the qualifiers that leave
an end open) names them in a set; a term left out of it falls silently to the other side. So
each such set has its complement written beside it, and this test holds each pair to the
vocabulary: every term in exactly one. A term added to a vocabulary fails here until it is
placed, with a message naming the sets and the file they are in.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Mapping
from typing import Any, Final, NamedTuple

import pytest

from rightsdata import vocab
from rightsdata._data import answers
from rightsdata._display import plot, words
from rightsdata._model import records
from rightsdata._validation import integrity, strict
from rightsdata.vocab import (
    DateMeaning,
    EventKind,
    FigureQualifier,
    FigureUnit,
    IdentifierScheme,
    PlaceKind,
    Role,
)


class Partition(NamedTuple):
    """Sets (by name) that together must hold every term of ``vocabulary`` once each."""

    vocabulary: type[enum.Enum]
    sets: Mapping[str, Collection[Any]]
    where: str
    what: str


PARTITIONS: Final = [
    Partition(
        Role,
        {
            "NEEDS_PRESENCE": integrity.NEEDS_PRESENCE,
            "NOT_NEEDING_PRESENCE": integrity.NOT_NEEDING_PRESENCE,
        },
        "src/rightsdata/_validation/integrity.py",
        "whether the actor in the role must be alive at the event (the birth checks)",
    ),
    Partition(
        PlaceKind,
        {"RATED": vocab.RATED, "_NOT_RATED": vocab._NOT_RATED},
        "src/rightsdata/vocab.py",
        "whether a rating may rate a place of the kind",
    ),
    Partition(
        FigureUnit,
        {"_UNITS": words._UNITS, "_WORDED_UNITS": words._WORDED_UNITS},
        "src/rightsdata/_display/words.py",
        "whether the unit is written as a sign after the number (20°C) or as a word",
    ),
    Partition(
        FigureUnit,
        {
            "_UNITS": words._UNITS,
            "_SINGULAR": words._SINGULAR,
            "_SINGULAR_LESS_S": words._SINGULAR_LESS_S,
        },
        "src/rightsdata/_display/words.py",
        "a worded unit's singular, after 1: its own (_SINGULAR) or its term less its final s",
    ),
    Partition(
        FigureQualifier,
        {
            "_QUALIFIER_NEEDS": records._QUALIFIER_NEEDS,
            "_QUALIFIER_NEEDS_APART": records._QUALIFIER_NEEDS_APART,
        },
        "src/rightsdata/_model/records.py",
        "which number the qualifier needs stated (the figure's rules); a qualifier apart "
        "needs a branch of its own in Figure._rules, and words in _QUALIFIER_WORDS",
    ),
    Partition(
        FigureQualifier,
        {"_QUALIFIER_NUMBERS": words._QUALIFIER_NUMBERS, "_NUMBERLESS": words._NUMBERLESS},
        "src/rightsdata/_display/words.py",
        "the qualifier's words around its numbers ('at least {}'), or none",
    ),
    Partition(
        FigureQualifier,
        {"_OPEN": words._OPEN, "_NOT_OPEN": words._NOT_OPEN},
        "src/rightsdata/_display/words.py",
        "whether a claim with the qualifier may leave an end open ('at least 15'); an open "
        "one is also in OPEN_BOUND (rightsdata/_validation/strict.py) and in Figures' "
        "_OPEN_ABOVE or _OPEN_BELOW (rightsdata/_data/answers.py)",
    ),
    Partition(
        IdentifierScheme,
        {
            "IDENTIFIER_FORMS": records.IDENTIFIER_FORMS,
            "_FORMLESS_SCHEMES": records._FORMLESS_SCHEMES,
        },
        "src/rightsdata/_model/records.py",
        "the form an identifier of the scheme has, or none (any text)",
    ),
    Partition(
        IdentifierScheme,
        {"_SCHEME_URLS": words._SCHEME_URLS, "_NO_PAGE": words._NO_PAGE},
        "src/rightsdata/_display/words.py",
        "the address of the register's page of an identifier, or none",
    ),
    Partition(
        IdentifierScheme,
        {"_SCHEME_NAMES": words._SCHEME_NAMES},
        "src/rightsdata/_display/words.py",
        "the register's name, as the cards show it",
    ),
    Partition(
        DateMeaning,
        {"_DATE_OF": words._DATE_OF},
        "src/rightsdata/_display/words.py",
        "what a date with this meaning is of, in a card's words",
    ),
    Partition(
        EventKind,
        {"KIND_ORDER": plot.KIND_ORDER},
        "src/rightsdata/_display/plot.py",
        "the kind's colour, marker and hatch in every plot (at the end, or beside the kind "
        "it is related to, whose colour it shares)",
    ),
]


def _term(value: object) -> str:
    """A term as its text: a member (``Role.VICTIM``) or its value (``'victim'``)."""
    return str(getattr(value, "value", value))


@pytest.mark.parametrize(
    "partition",
    PARTITIONS,
    ids=[f"{p.vocabulary.__name__}-{'-'.join(p.sets)}" for p in PARTITIONS],
)
def test_every_term_is_in_exactly_one_set(partition: Partition) -> None:
    vocabulary, sets, where, what = partition
    held = Counter(_term(value) for values in sets.values() for value in values)
    terms = [_term(term) for term in vocabulary]
    names = " or ".join(sets)
    unplaced = [t for t in terms if held[t] == 0]
    assert not unplaced, (
        f"{vocabulary.__name__} {unplaced} in none of {names} ({where}): place each in one "
        f"of them, by {what}"
    )
    twice = sorted(t for t, n in held.items() if n > 1)
    assert not twice, f"{vocabulary.__name__} {twice} in more than one of {names} ({where})"
    unknown = sorted(set(held) - set(terms))
    assert not unknown, f"{names} ({where}) hold {unknown}, no term of {vocabulary.__name__}"


def test_the_singular_less_s_ends_in_s() -> None:
    """A unit whose singular drops its final s ends in one ("1 sheep" would be "1 sheep")."""
    assert all(unit.value.endswith("s") for unit in words._SINGULAR_LESS_S)


def test_the_qualifiers_number_fields_agree() -> None:
    """Where several modules say which field holds a qualifier's number, they say the same:
    the rules (records), the words (words), the strict check of open bounds (strict), the
    open ends of Figures (answers)."""
    needs = records._QUALIFIER_NEEDS
    assert set(records._QUALIFIER_WORDS) == set(needs)  # (the advice's words of each)
    for qualifier, field in needs.items():
        assert words._QUALIFIER_NUMBERS[FigureQualifier(qualifier)][1] == (field,), qualifier
    assert set(strict.OPEN_BOUND) == set(words._OPEN)
    for qualifier, bound in strict.OPEN_BOUND.items():
        assert needs[qualifier.value] == bound, qualifier
    assert {q for q, b in strict.OPEN_BOUND.items() if b == "low"} == answers._OPEN_ABOVE
    assert {q for q, b in strict.OPEN_BOUND.items() if b == "high"} == answers._OPEN_BELOW


def test_kind_order_names_each_kind_once() -> None:
    """A kind twice in KIND_ORDER would take two styles' places (the partition above is of
    the distinct kinds)."""
    assert len(plot.KIND_ORDER) == len(set(plot.KIND_ORDER))
