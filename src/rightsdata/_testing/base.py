"""What :mod:`rightsdata.testing`'s strategies need of a base dataset (``base=``), and the
repairs that keep records drawn over it valid there: the rules across records that read the
base's records too (docs/loading.md, "Building on another dataset"), each a record drawn
could break by naming one of them.

Requires ``hypothesis`` (imported by :mod:`rightsdata.testing` only).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from hypothesis import strategies as st

from rightsdata._data.dataset import Dataset, base_of
from rightsdata._model.records import Place, Rating
from rightsdata._validation.integrity import born_after
from rightsdata._values.dates import EDTF
from rightsdata.vocab import Role

#: A rating's place in its sequence: the sort key of its ``as_of``, as the rule
#: ``previous-level`` orders ratings.
_Key = tuple[Any, ...]


class Over:
    """What a strategy drawing over ``base`` needs of it, gathered once when the strategy is
    made: its records' IDs by prefix (what a reference may name), the IDs a record drawn may
    not take (its records' and those it retired), its persons' births, its places (as their
    JSON's ``kind``, ``country`` and ``within``, what the strict repairs walk) and the dates
    of its ratings by country and scale. A ``base`` that is no Dataset raises TypeError.

    >>> import rightsdata
    >>> over = Over(rightsdata.load())
    >>> "person:vladimir-kozlov" in over.ids("person")
    True
    >>> set(over.dataset.redirects) <= over.taken
    True
    """

    __slots__ = ("_choices", "born", "dataset", "places", "pools", "series", "taken")

    def __init__(self, base: object) -> None:
        facts = base_of(base)  # (TypeError for anything but a Dataset)
        assert isinstance(base, Dataset)
        self.dataset = base
        pools: dict[str, list[str]] = {}
        for records in facts.by_kind.values():
            for record in records:
                pools.setdefault(record.id.partition(":")[0], []).append(record.id)
        self.pools: Mapping[str, tuple[str, ...]] = {p: tuple(i) for p, i in pools.items()}
        self.taken: frozenset[str] = facts.ids | frozenset(facts.redirects)
        self.born = facts.born
        self.places: Mapping[str, Mapping[str, Any]] = {
            place.id: {
                "id": place.id,
                "kind": place.kind.value,
                "country": place.country,
                "within": place.within,
            }
            for place in facts.by_kind.get("places", ())
            if isinstance(place, Place)
        }
        series: dict[tuple[str, str], list[tuple[_Key, str, bool]]] = {}
        for rating in facts.by_kind.get("ratings", ()):
            if isinstance(rating, Rating):
                dated = (rating.as_of.sort_key(), rating.as_of.text, rating.previous is not None)
                series.setdefault((rating.country, rating.scale.value), []).append(dated)
        #: each country and scale's ratings: (sort key, ``as_of``, whether it states
        #: ``previous``), in order
        self.series: Mapping[tuple[str, str], list[tuple[_Key, str, bool]]] = {
            key: sorted(dated) for key, dated in series.items()
        }
        self._choices: dict[tuple[str, ...], tuple[str, ...]] = {}

    def ids(self, *prefixes: str) -> tuple[str, ...]:
        """The IDs of the base's records with one of ``prefixes`` (what a reference of a field
        that takes them may name), in the base's order."""
        found = self._choices.get(prefixes)
        if found is None:
            found = self._choices[prefixes] = tuple(
                i for prefix in prefixes for i in self.pools.get(prefix, ())
            )
        return found


def join_sequences(draw: st.DrawFn, ratings: list[dict[str, Any]], over: Over) -> None:
    """Keep the rule ``previous-level`` where ``ratings`` (the documents drawn, none stating
    ``previous``: the repair of the rule dropped it) join the base's sequences (same country
    and scale). Joining a date of the base's only adds a level a rating after it may follow;
    a date of its own just before a rating of the base's that states ``previous`` would come
    between that rating and the level it follows: such a rating takes the date of one of the
    base's ratings instead."""
    for rating in ratings:
        dated = over.series.get((rating["country"], rating["scale"]))
        if not dated:
            continue
        key = EDTF.parse(rating["as_of"]).sort_key()
        keys = [k for k, _, _ in dated]
        at = bisect.bisect_left(keys, key)
        if at < len(keys) and keys[at] == key:
            continue  # (one of the base's dates)
        following = keys[at] if at < len(keys) else None
        if any(k == following and stated for k, _, stated in dated):
            rating["as_of"] = dated[draw(st.integers(0, len(dated) - 1))][1]


def undate(documents: Mapping[str, list[dict[str, Any]]], over: Over, strict: bool) -> None:
    """Drop the date of each event that names as a victim a person of the base's born after
    it (its ``date_of`` with it), as the rule ``born-before-taking-part`` reads it: the
    base's births are not the draw's to drop, as a person drawn loses a birth. With
    ``strict``, of each event or statement in which such a person acts and each relationship
    of one, as the strict rules ``born-before-acting`` and ``born-before-ties`` read them."""
    from rightsdata._validation.strict import event_acting, relationship_dated, statement_acting

    born = over.born
    if not born:
        return

    def after(date: Any, actors: list[str]) -> bool:
        if not date:
            return False
        when = EDTF.parse(date)
        return any(a in born and born_after(born[a], when) for a in actors)

    for event in documents.get("events", []):
        participants = event.get("participants", [])
        actors = [p["actor"] for p in participants if p["role"] == Role.VICTIM.value]
        if strict:
            actors += [a for _, a, _ in event_acting((p["actor"], p["role"]) for p in participants)]
        if after(event.get("date"), actors):
            event.pop("date")
            event.pop("date_of", None)
    if not strict:
        return
    for statement in documents.get("statements", []):
        acting = statement_acting(statement["speaker"], statement.get("joined_by", []))
        if after(statement.get("date"), [actor for _, actor, _ in acting]):
            statement.pop("date")
    for tie in documents.get("relationships", []):
        dated = relationship_dated(tie.get("start"), tie.get("end"))
        if dated is not None and after(dated[1], [tie["subject"], tie["object"]]):
            tie.pop("start", None)
            tie.pop("end", None)


#: The rules whose repair drops a link from every record (events' ``part_of``, places'
#: ``within``) so that no chain of the records drawn forms a cycle, by the rule's name, with
#: the kind and field: over a base a link to one of its records is kept (its chains end, and
#: lead back to none of the records drawn), so only those to the records drawn are dropped.
LINKS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {"part-of-ends": ("events", "part_of"), "within-ends": ("places", "within")}
)


def drop_own_links(documents: Mapping[str, list[dict[str, Any]]], kind: str, field: str) -> None:
    """Drop ``field`` from each of the ``kind`` documents where it names a record drawn (one
    of ``documents``'), keeping those that name the base's."""
    own = {d["id"] for docs in documents.values() for d in docs}
    for document in documents.get(kind, []):
        if document.get(field) in own:
            del document[field]
