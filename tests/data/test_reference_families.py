"""Every field that names a record is one that ``related()`` reads, or is listed here with why.

A record class says which of its fields name records, by family (``_NAMES`` in
src/rightsdata/_model/records.py); ``related()`` finds an ID's records in those families'
texts alone, so a reference left out of them drops out of its answer, and nothing else
fails. The references are read from the model here (every ``ref``/``refs`` field, in a part
too: ``figures.asserted_by``), not listed by hand; and the lists of them that
:class:`rightsdata.Related`'s docstring and docs/queries.md give name the same fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs
import pytest

from rightsdata import Related
from rightsdata._model.fields import RecordId, Ref, spec_of
from rightsdata._model.records import RECORD_CLASSES, RECORD_TYPES
from rightsdata._values.hints import field_hints, nested_part

from conftest import ROOT

#: The families of ``_NAMES`` that ``related()`` reads, by record class: an event's in
#: ``EventFields.naming`` (src/rightsdata/_data/indexes.py), the other kinds' in
#: ``ReferenceIndex.build`` (the same file).
RELATED_FAMILIES: Final[dict[str, tuple[str, ...]]] = {
    "Event": ("actors", "places", "references"),
    "Relationship": ("named",),
    "Statement": ("named",),
    "Rating": ("named",),
}
#: The record classes whose records ``related()`` never gives (``Related`` has a tuple for
#: each of the others), with why their references need no family here.
_ONLY: Final = "related() gives relationships, events, statements and ratings only"
NOT_RELATED: Final[dict[str, str]] = {
    "Source": f"{_ONLY}; a publisher's sources are ds.sources filtered on publisher",
    "Person": f"{_ONLY}; a person names only its sources (cited_by)",
    "Organization": f"{_ONLY}; for an actor's claims, the figures table by asserted_by",
    "Group": f"{_ONLY}; a group's body is its belongs_to, its claims in the figures table",
    "Place": f"{_ONLY}; the places within one: Place's family 'within', for events(place=)",
    "Law": f"{_ONLY}; a law names only its sources (cited_by)",
}
#: References no family holds, whatever the record: each with why.
NOT_NAMING: Final[dict[str, str]] = {
    "citations.source": "a citation is not a reference: Dataset.cited_by gives a source's",
    "figures.citations.source": "a figure's citation neither: cited_by counts it too",
}


def _references(cls: type, path: str = "") -> Iterator[str]:
    """The paths of ``cls``'s fields that name records (not its own ID), through its parts."""
    for field in attrs.fields(cls):
        spec = spec_of(field)
        if isinstance(spec, Ref) and not isinstance(spec, RecordId):
            yield path + field.name
        part, _ = nested_part(field_hints(cls)[field.name])
        if part is not None:
            yield from _references(part, f"{path}{field.name}.")


def _family_paths(cls: type) -> set[str]:
    families = RELATED_FAMILIES[cls.__name__]
    return {path for family in families for path in cls._NAMES.get(family, ())}  # type: ignore[attr-defined]


_RELATED: Final = [cls for cls in RECORD_CLASSES if cls.__name__ in RELATED_FAMILIES]


def test_every_record_class_is_related_or_says_why_not() -> None:
    """A record kind added to the model is placed: related() reads its references (and
    Related has a tuple for it), or NOT_RELATED says why not."""
    kinds = {f.name for f in attrs.fields(Related)} & set(RECORD_TYPES)  # (its tuples)
    assert {RECORD_TYPES[kind].__name__ for kind in kinds} == set(RELATED_FAMILIES)
    assert set(RELATED_FAMILIES) | set(NOT_RELATED) == {c.__name__ for c in RECORD_CLASSES}
    assert not set(RELATED_FAMILIES) & set(NOT_RELATED)


@pytest.mark.parametrize("cls", _RELATED, ids=lambda cls: cls.__name__)
def test_every_reference_is_in_a_family_related_reads(cls: type) -> None:
    named = _family_paths(cls)
    missing = [p for p in _references(cls) if p not in named and p not in NOT_NAMING]
    assert not missing, (
        f"{cls.__name__}: {', '.join(missing)} name records, but no family of "
        f"{cls.__name__}._NAMES that related() reads holds them "
        f"({', '.join(RELATED_FAMILIES[cls.__name__])}), so related() never finds a "
        f"{cls.__name__.lower()} by them. Add each to one in src/rightsdata/_model/records.py "
        "and run scripts/generate_walks.py; name it in Related's docstring "
        "(src/rightsdata/_data/answers.py) and in docs/queries.md ('ds.related(record)'); "
        "add it to the plain walk of tests/data/test_queries.py (_check_against_scans). Or, "
        "if it must not relate the records it names, add it to NOT_NAMING here, with why."
    )


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_path_of_names_is_a_reference(cls: type) -> None:
    """A path in ``_NAMES`` is a field that names records (a renamed field is caught)."""
    references = set(_references(cls))
    for family, paths in cls._NAMES.items():  # type: ignore[attr-defined]
        assert set(paths) <= references, (cls.__name__, family, set(paths) - references)
    if cls in _RELATED:  # (a path both named and listed as not naming: one of them is wrong)
        assert not set(NOT_NAMING) & _family_paths(cls)


def _said(text: str, marks: str) -> dict[str, set[str]]:
    """The fields in code marks (`` ``x`` `` or `` `x` ``) said of each kind of record in
    ``text``, a list of what names a record ('a statement as ...; a rating as ...')."""
    starts = {
        "Relationship": "a relationship",
        "Event": "an event",
        "Statement": "a statement",
        "Rating": "a rating",
    }
    lower = text.lower()
    missing = [start for start in starts.values() if start not in lower]
    assert not missing, f"the list of what names a record says nothing of {missing}"
    at = {name: lower.index(start) for name, start in starts.items()}
    order = sorted(at, key=at.__getitem__)
    ends = [at[name] for name in order[1:]] + [len(text)]
    return {
        name: set(re.findall(f"{marks}([a-z_.]+){marks}", text[at[name] : end]))
        for name, end in zip(order, ends, strict=True)
    }


def _list_of(text: str, start: str, end: str) -> str:
    """The part of ``text`` from ``start`` to ``end``, its white space runs one space."""
    assert start in text, f"the list of what names a record no longer starts {start!r}"
    return " ".join(text[text.index(start) : text.index(end, text.index(start))].split())


@pytest.mark.parametrize(
    "where",
    ["Related's docstring", "docs/queries.md"],
)
def test_the_lists_of_what_names_a_record_name_every_family_path(where: str) -> None:
    """Related's docstring and docs/queries.md say, for each kind, the fields by which it
    names a record: each field of its families, and no other."""
    if where == "docs/queries.md":
        page = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
        text = _list_of(page, "- a relationship:", "\n\n")
        said = _said(text, "`")
    else:
        text = _list_of(Related.__doc__ or "", "A relationship names it", "Each tuple is in")
        said = _said(text, "``")
    for cls in _RELATED:
        # (an event's places: "not through ``within``" names a field it does not read)
        shown = said[cls.__name__] - {"within"}
        assert shown == _family_paths(cls), (
            f"{where} lists {cls.__name__}'s references as {sorted(shown)}, but related() "
            f"reads {sorted(_family_paths(cls))}: say each in words, its path in code marks"
        )
