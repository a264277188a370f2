"""Strict checks: data that is well-formed, and refused by no rule, but almost certainly wrong.

Opt-in (``load_path(..., strict=True)``, ``validate(..., strict=True)``,
``load_documents(..., strict=True)``, ``Dataset(records, strict=True)``, ``rightsdata
validate --strict``): refusing such data
by default would make datasets that load today fail. They run after the normal checks, on
the records that structured (a record that failed is not judged, and its kind is said
unchecked), so the fast and the diagnostic paths give the same problems;
each is a :class:`~rightsdata.Problem` of code ``strict``, located to its file, record and
field, saying what is questionable and, where it can, what was likely meant. A load without
``strict`` never imports this module, nor reads the code lists
(:mod:`rightsdata._values.isocodes`) but to word the "did you mean" of a code that misses
its form (a code these checks pass).

Each rule is one entry of :data:`STRICT_RULES`: its name, its prose and details (the list
in docs/loading.md, which scripts/generate_docs.py writes from them), a small dataset that breaks
it and one that keeps it (the tests load both), and the check. Adding a rule is one stanza
here. Over a base dataset (``base=``), only the extension's records are judged; the places
they name may be the base's.

>>> from rightsdata._validation.strict import STRICT_RULES, check_strict
>>> check_strict({}, {})
[]
>>> print(STRICT_RULES[5].prose)
`relayed_by` names none of the authors (a statement's `speaker`, a figure's `asserted_by`, \
and those who joined them)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar

import attrs

from rightsdata._model.fields import Refs, path_steps, spec_of
from rightsdata._model.records import (
    Event,
    Figure,
    Group,
    Law,
    Organization,
    Participant,
    Person,
    Place,
    Rating,
    Relationship,
    Statement,
)
from rightsdata._validation.integrity import NEEDS_PRESENCE, Base, Context, births, born_after
from rightsdata._values.durations import Duration
from rightsdata._values.errors import Problem, ProblemCode
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.isocodes import (
    INSTEAD,
    SUBDIVIDED_FORMER,
    codes,
    country_problem,
    former,
    language_problem,
)
from rightsdata.vocab import RATED, FigureQualifier, IdentifierScheme, PlaceKind, Role

if TYPE_CHECKING:
    from rightsdata._model.records import Record
    from rightsdata._validation.integrity import Failed, Where
    from rightsdata._values.dates import EDTF

__all__ = [
    "NO_LENGTH",
    "OPEN_BOUND",
    "STRICT_RULES",
    "StrictRule",
    "authors_of",
    "check_strict",
    "event_acting",
    "holds",
    "lists_of",
    "named_value_problems",
    "open_best_problem",
    "statement_acting",
    "subdivision_problem",
    "zero_durations",
]


# --- what the rules see -----------------------------------------------------------------------


class StrictContext:
    """The records judged (kind -> records, in file order), where they are, and the base
    they extend (if any): its records are looked up, never judged. ``failed``: the records
    that failed to structure (:class:`~rightsdata._validation.integrity.Failed`); a rule
    that would compare a record with one of them adds its kind to ``unjudged``, as the
    integrity rules do."""

    def __init__(
        self,
        records: Mapping[str, Sequence[Record]],
        where: Mapping[str, Where],
        base: Base | None = None,
        failed: Sequence[Failed] = (),
    ) -> None:
        self.records = records
        self._located = Context(records, where, {}, "redirects", {}, base=base)
        self.base = base
        self.failed = failed
        self.unjudged: set[str] = set()
        self._places: dict[str, Place] | None = None
        self._failed: dict[tuple[str | None, str], Failed] | None = None

    def unread(self, kind: str, record_id: str | None, field: str | None = None) -> bool:
        """Whether ``record_id`` is that of a record of ``kind`` that failed to structure
        (and, if ``field`` is given, gave it a value): a rule that needed that record to
        judge another calls this, and ``kind`` is then added to ``unjudged``."""
        if record_id is None or not self.failed:
            return False
        if self._failed is None:  # (by kind and ID, made on the first question)
            self._failed = {(f.place.kind, f.record_id): f for f in self.failed if f.record_id}
        failed = self._failed.get((kind, record_id))
        if failed is None or (field is not None and field not in failed.stated):
            return False
        self.unjudged.add(kind)
        return True

    def kind(self, kind: str) -> Iterator[tuple[int, Record]]:
        """The records of ``kind`` with their positions."""
        return enumerate(self.records.get(kind, ()))

    def problem(self, kind: str, index: int, field: str, message: str) -> Problem:
        """A strict problem in ``field`` of record ``index`` of ``kind``, located."""
        return self._located.problem(kind, index, field, message, ProblemCode.STRICT)

    def place(self, place_id: str) -> Place | None:
        """The place of ``place_id`` (the extension's or the base's), or None."""
        if self._places is None:
            found = [*self.records.get("places", ())]
            if self.base is not None:
                found += self.base.by_kind.get("places", ())
            self._places = {p.id: p for p in reversed(found) if isinstance(p, Place)}
        return self._places.get(place_id)

    def of_code(self, code: str | None) -> Place | None:
        """The first place of kind country or territory whose code is ``code`` (the
        extension's, then the base's), or None."""
        if code is None:
            return None
        found = [*self.records.get("places", ())]
        if self.base is not None:
            found += self.base.by_kind.get("places", ())
        return next(
            (p for p in found if isinstance(p, Place) and p.kind in RATED and p.country == code),
            None,
        )

    def up(self, place: Place) -> Iterator[Place]:
        """The places ``place`` lies within, nearest first (a cycle, refused by the integrity
        check, ends the walk)."""
        seen = {place.id}
        within = place.within
        while within is not None and within not in seen:
            seen.add(within)
            found = self.place(within)
            if found is None:
                return
            yield found
            within = found.within


class StrictRule:
    """One strict rule. (Not :class:`~rightsdata._validation.integrity.Rule`: a strict rule
    has an example it passes beside the one it flags, judges a :class:`StrictContext`, and
    has no kinds whose schemas state it. rightsdata.testing's ``strict=True`` draws keep to
    every rule, reading what a rule judges from here: the lists that may not repeat an entry
    (:func:`lists_of`), a holder's authors (:func:`authors_of`), who acts in an event or a
    statement (:func:`event_acting`, :func:`statement_acting`); the rated place kinds are
    ``rightsdata.vocab.RATED``.)"""

    __slots__ = ("bad", "check", "details", "good", "name", "prose")

    def __init__(
        self,
        name: str,
        prose: str,
        details: Sequence[str],
        bad: Mapping[str, Sequence[Mapping[str, Any]]],
        good: Mapping[str, Sequence[Mapping[str, Any]]],
        check: Callable[[StrictContext], list[Problem]],
    ) -> None:
        #: A short name, used in tests and the docs: ``"country-code"``.
        self.name = name
        #: The rule, one clause as docs/loading.md states it (Markdown; scripts/generate_docs.py
        #: copies it), and what it passes and what it tells a flagged value, a clause each
        #: (listed under the rule there).
        self.prose = prose
        self.details = tuple(details)
        #: A dataset (kind -> JSON records, format 2) that only this rule flags, and one, as
        #: like it as can be, that it passes.
        self.bad = bad
        self.good = good
        self.check = check

    def __repr__(self) -> str:
        return f"StrictRule({self.name!r})"


def check_strict(
    records: Mapping[str, Sequence[Record]],
    where: Mapping[str, Where],
    base: Base | None = None,
    *,
    failed: Sequence[Failed] = (),
    unjudged: set[str] | None = None,
) -> list[Problem]:
    """Every strict problem among ``records`` (kind -> records in file order, located by
    ``where`` as :func:`~rightsdata._validation.integrity.check_integrity` locates them):
    every rule of :data:`STRICT_RULES`, in order. ``base``: the dataset they extend.
    ``failed`` and ``unjudged`` as ``check_integrity`` takes them: the records that failed to
    structure, and the set to which the kinds of those a rule could not compare a record
    with are added (a judge's birth, in a person's record that failed; a rating's place; a
    place up a chain). A record that failed is not judged itself (what
    :class:`~rightsdata._validation.integrity.Failed` keeps of it is its references and the
    names of the fields it gives, not their values): its kind is added to ``unjudged`` too, as
    the rules that look at one record alone (a code, a repeated entry) would find more in it
    once it loads."""
    context = StrictContext(records, where, base, failed)
    problems: list[Problem] = []
    for rule in STRICT_RULES:
        problems += rule.check(context)
    context.unjudged.update(f.place.kind for f in failed if f.place.kind is not None)
    if unjudged is not None:
        unjudged.update(context.unjudged)
    return problems


# --- the rules --------------------------------------------------------------------------------

#: The kinds whose records have a ``country`` code, and those with identifiers.
_COUNTRY_KINDS: Final = ("persons", "organizations", "groups", "places")
_ISO_3166_1: Final = IdentifierScheme.ISO_3166_1
_ISO_3166_2: Final = IdentifierScheme.ISO_3166_2


def _country_codes(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for kind in (*_COUNTRY_KINDS, "laws"):
        for index, record in context.kind(kind):
            code: str | None
            if isinstance(record, Law):
                at, code = "jurisdiction", record.jurisdiction  # (or 'international')
            elif isinstance(record, (Person, Organization, Group, Place)):
                at, code = "country", record.country
            else:
                continue
            said = country_problem(code, kind) if code is not None and len(code) == 2 else None
            if said is not None:
                problems.append(context.problem(kind, index, at, said))
            for n, identifier in enumerate(getattr(record, "identifiers", ())):
                if identifier.scheme is _ISO_3166_1:
                    said = country_problem(identifier.value, "identifiers")
                elif identifier.scheme is _ISO_3166_2:  # (its country's code, a hyphen, ...)
                    said = subdivision_problem(identifier.value)
                else:
                    continue
                if said is not None:
                    at = f"identifiers[{n}].value"
                    problems.append(context.problem(kind, index, at, said))
    return problems


def subdivision_problem(value: str) -> str | None:
    """What is questionable about an ``iso_3166_2`` identifier's country: a code of no
    country, or of a former state whose subdivisions ISO 3166-2 never coded (it was first
    published in 1998, after the Soviet Union's 'SU' was withdrawn). (rightsdata.testing's
    strict draws keep to it too.)

    >>> subdivision_problem("KZ-75") is None, subdivision_problem("YU-SR") is None
    (True, True)
    >>> print(subdivision_problem("SU-01"))  # doctest: +ELLIPSIS
    'SU-01' is no ISO 3166-2 code: ISO 3166-2 has no codes of former states such as 'SU' ...
    """
    code = value[:2]
    said = country_problem(code, "identifiers")
    if said is not None:
        return f"{value!r} is of no country: {said}"
    if former(code) and code not in SUBDIVIDED_FORMER:
        return (
            f"{value!r} is no ISO 3166-2 code: ISO 3166-2 has no codes of former states such "
            f"as {_named_code(code)}, withdrawn before it was first published (1998); "
            f"{INSTEAD['identifiers']}"
        )
    return None


def _language_codes(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for kind, items in context.records.items():
        for index, record in enumerate(items):
            tag = getattr(record, "language", None)
            if tag is not None and (said := language_problem(tag)) is not None:
                problems.append(context.problem(kind, index, "language", said))
            for n, alias in enumerate(getattr(record, "aliases", ())):
                if alias.language is not None and (said := language_problem(alias.language)):
                    at = f"aliases[{n}].language"
                    problems.append(context.problem(kind, index, at, said))
    return problems


def _ratings_rate_countries(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for index, rating in context.kind("ratings"):
        if not isinstance(rating, Rating):
            continue
        place = context.place(rating.country)
        if place is None:
            context.unread("places", rating.country)  # (else no place: integrity's to say)
            continue
        if place.kind in RATED:
            continue
        said = (
            f"{rating.country!r} ({place.name}) is a place of kind {place.kind.value!r}, not a "
            "country; a rating's country is a place of kind 'country' (or 'territory')"
        )
        country = next((p for p in context.up(place) if p.kind in RATED), None)
        outer = next((p.country for p in context.up(place) if p.country is not None), None)
        own, first = _own_code(place, outer)
        same = context.of_code(place.country) if country is None else None
        if same is not None:  # (within no country: the data's place of its code)
            said += (
                f"; did you mean {same.id!r} ({same.name}), the {same.kind.value} of its code "
                f"{place.country!r}?"
            )
        elif first:  # (Hong Kong, rated on its own: that reading first)
            said += f"; {own}"
            if country is not None:
                said += f" (or did you mean {country.id!r} ({country.name}), which it lies within?)"
        elif country is not None:
            said += f"; did you mean {country.id!r} ({country.name}), which it lies within?"
            said += f" {own[0].upper()}{own[1:]}" if own else ""
        elif own:
            said += f"; {own}"
        problems.append(context.problem("ratings", index, "country", said))
    return problems


def _own_code(place: Place, outer: str | None) -> tuple[str, bool]:
    """The hint for a place that may be a territory or a country of its own, entered as a
    part of another, and whether it reads first (its name is its code's, :func:`_named_as`),
    or ``("", False)``. ``outer``: the country of the place it lies within, if any.

    A code ISO 3166-1 marks not independent (``not_independent``) is a territory's: "if it
    has a code of its own ('PR'), give it kind 'territory'", for a region with such a code
    within another country (Puerto Rico within the United States), or a place of any kind
    named as its code (Hong Kong as a city). An independent state's code is told "give it kind
    'country'" only where the place is named as it (Singapore as a city), after what it lies
    within. Nothing where the code is ``outer``'s (or names it: 'UK', 'GB'), where the chain
    crosses time (Kazakhstan's region within the Soviet Union's place), or is no assigned
    code: a city of 'RU' within Kazakhstan is a wrong code, not a territory."""
    lists = codes()
    code = place.country
    if place.kind in RATED or code is None or code not in lists.countries:
        return "", False
    if outer is not None and (_same(code, outer) or _across_time(code, outer)):
        return "", False
    named = _named_as(place)
    if code in lists.not_independent:
        if named or (outer is not None and place.kind is PlaceKind.REGION):
            return f"if it has a code of its own ({code!r}), give it kind 'territory'", named
    elif named:
        return f"if it is the country of its code ({code!r}), give it kind 'country'", False
    return "", False


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _named_as(place: Place) -> bool:
    """Whether ``place``'s name, or an alias, is the name ISO 3166-1 gives its code (or its
    common short name), whole: "Hong Kong" and 'HK', "Taiwan" and 'TW'; not "Northern Ireland"
    and 'IE', nor "New Guinea" and 'PG'."""
    lists = codes()
    code = place.country or ""
    theirs = {_letters(n) for n in (lists.countries.get(code), lists.iso_names.get(code)) if n}
    if not theirs:
        return False
    return any(_letters(own) in theirs for own in (place.name, *(a.name for a in place.aliases)))


def _countries_agree(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for index, place in context.kind("places"):
        # A country or territory may lie within another country's place: a dependent or
        # disputed territory (Greenland, GL, within Denmark, DK) has a code of its own.
        if not isinstance(place, Place) or place.country is None or place.kind in RATED:
            continue
        found = _outer(context, place)
        if found is None or found[1] == place.country:
            continue
        outer, country = found
        # A code country-code flags is told there what to write (two messages in one field
        # would give two answers); the chain is judged once it is one of the codes it says.
        if country_problem(country, "places") or country_problem(place.country, "places"):
            continue
        if _across_time(place.country, country):
            continue
        theirs = repr(country)
        if _name_of(country) != outer.name:  # (else the place's name says it)
            theirs = _named_code(country)
        said = (
            f"{_named_code(place.country)} disagrees with {theirs}, the country of "
            f"{outer.id!r} ({outer.name}), which it lies within"
        )
        if place.within != outer.id:
            said += f" (through {place.within!r})"
        own, first = _own_code(place, country)
        if first:  # (Hong Kong within China: that reading first)
            said += f"; {own}, or did you mean {country!r}, or does it lie within another place?"
        else:
            said += f"; did you mean {country!r}, or does it lie within another place?"
            said += f" {own[0].upper()}{own[1:]}" if own else ""
        problems.append(context.problem("places", index, "country", said))
    return problems


def _outer(context: StrictContext, place: Place) -> tuple[Place, str] | None:
    """The nearest place up ``place``'s chain that has a country, and its country, or None
    (and ``places`` unjudged if the walk stopped at a place that failed to structure)."""
    last = place
    for last in context.up(place):
        if last.country is not None:
            return last, last.country
    context.unread("places", last.within)
    return None


def _same(code: str, other: str) -> bool:
    """Whether two codes name one country, as a reserved or a renamed country's old code
    names the code it is told ('UK' and 'GB', 'ZR' and 'CD')."""
    meant = codes().meant
    return meant.get(code, code) == meant.get(other, other)


def _across_time(code: str, other: str) -> bool:
    """Whether a place of ``code`` may lie within one of ``other`` (or the other way) across
    time: one is a former state's code and the other a code on its former territory today (a
    city of Kazakhstan within the Soviet Union's place; East Berlin, of 'DD', within Germany's).
    A former state within the one it followed is too (Belgrade, of 'YU', within Serbia and
    Montenegro's place, of 'CS'); two former states' codes otherwise, or a code of today
    outside the former state, are not."""
    successors = codes().successors
    pairs = ((code, other), (other, code))
    return any(former(old) and new in successors.get(old, ()) for old, new in pairs)


def _name_of(code: str) -> str | None:
    """The name ISO 3166-1 gives ``code``, or its last as a withdrawn code, or None."""
    lists = codes()
    name = lists.countries.get(code)
    if name is None and code in lists.withdrawn:
        name = lists.withdrawn[code][-1]
    return name


def _named_code(code: str) -> str:
    name = _name_of(code)
    return f"{code!r} ({name})" if name else repr(code)


#: The lists of parts in which the same entry twice may mean two things: two charges under
#: one provision against one person are two counts (rightsdata.testing keeps to it too).
MAY_REPEAT: Final = frozenset({"charges"})


class _Listed(NamedTuple):
    """A field of a class that holds a list or a nested part, as :func:`_entries` walks it."""

    name: str
    judged: bool  #: a list whose entries may not repeat
    references: bool  #: whether it holds references
    nested: bool  #: whether it holds nested parts


_plans: dict[type, tuple[_Listed, ...]] = {}


def lists_of(cls: type) -> tuple[_Listed, ...]:
    """Each field of ``cls`` that holds a list or a nested part (worked out once a class)."""
    planned = _plans.get(cls)
    if planned is not None:
        return planned
    hints = field_hints(cls)
    found = []
    for field in attrs.fields(cls):
        nested, many = nested_part(hints[field.name])
        if many or nested is not None:
            judged = many and field.name not in MAY_REPEAT
            references = isinstance(spec_of(field), Refs)
            found.append(_Listed(field.name, judged, references, nested is not None))
    planned = _plans[cls] = tuple(found)
    return planned


def _entries(obj: object, path: str = "") -> Iterator[tuple[str, tuple[object, ...], bool]]:
    """(field path, the list, whether it holds references) for every list in ``obj``, at any
    depth, but those that may repeat an entry."""
    for name, judged, references, nested in lists_of(type(obj)):
        value = getattr(obj, name)
        if not value:
            continue
        where = f"{path}.{name}" if path else name
        if judged:
            yield where, value, references
        if nested:
            if isinstance(value, tuple):
                for n, item in enumerate(value):
                    yield from _entries(item, f"{where}[{n}]")
            else:
                yield from _entries(value, where)


def _repeats(obj: object) -> bool:
    """Whether a list in ``obj``, at any depth, repeats an entry (the quick test of every
    record; :func:`_entries` then finds where)."""
    for name, judged, _, nested in lists_of(type(obj)):
        value = getattr(obj, name)
        if not value:
            continue
        if judged and len(value) > 1 and len(set(value)) != len(value):
            return True
        if nested:
            for item in value if isinstance(value, tuple) else (value,):
                if _repeats(item):
                    return True
    return False


def _repeated_entries(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for kind, items in context.records.items():
        for index, record in enumerate(items):
            if not _repeats(record):
                continue
            for path, values, references in _entries(record):
                if len(values) < 2 or len(set(values)) == len(values):
                    continue
                first: dict[object, int] = {}
                for n, value in enumerate(values):
                    before = first.setdefault(value, n)
                    if before != n:
                        said = _repeated(value, f"{path}[{before}]", references)
                        problems.append(context.problem(kind, index, f"{path}[{n}]", said))
    return problems


def _repeated(value: object, before: str, references: bool) -> str:
    """What to say of an entry of a list that repeats the one at ``before``."""
    if references:
        return f"names {value!r} again (as {before} does); a list names a record once"
    if isinstance(value, Participant):
        return (
            f"names {value.actor!r} as {value.role.value} again (as {before} does); an actor "
            "takes a role in an event once"
        )
    return f"repeats {before} word for word; a list holds an entry once"


def _relayed_by_no_author(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for kind, items in context.records.items():
        for index, record in enumerate(items):
            if isinstance(record, Statement):
                problems += _relayed(context, kind, index, "", record, record.speaker, "speaker")
            for n, figure in enumerate(getattr(record, "figures", ())):
                if isinstance(figure, Figure) and figure.relayed_by:
                    at = f"figures[{n}]."
                    author = figure.asserted_by
                    problems += _relayed(context, kind, index, at, figure, author, "asserted_by")
    return problems


#: The qualifiers whose words give one bound, and the field that holds it
OPEN_BOUND: Final = {
    FigureQualifier.AT_LEAST: "low",
    FigureQualifier.MORE_THAN: "low",
    FigureQualifier.AT_MOST: "high",
    FigureQualifier.LESS_THAN: "high",
}


def _open_figures_state_no_best(context: StrictContext) -> list[Problem]:
    problems: list[Problem] = []
    for kind, items in context.records.items():
        for index, record in enumerate(items):
            for n, figure in enumerate(getattr(record, "figures", ())):
                said = open_best_problem(figure) if isinstance(figure, Figure) else None
                if said is not None:
                    problems.append(context.problem(kind, index, f"figures[{n}].best", said))
    return problems


def _per_record(
    find: Callable[[Record], Iterable[tuple[str, str]]],
) -> Callable[[StrictContext], list[Problem]]:
    """The check of a rule that a record alone keeps or breaks, from ``find``: where in one
    record (a path from it) each problem is, and what it says."""

    def check(context: StrictContext) -> list[Problem]:
        return [
            context.problem(kind, index, at, said)
            for kind, items in context.records.items()
            for index, record in enumerate(items)
            for at, said in find(record)
        ]

    return check


def named_value_problems(record: Record) -> Iterator[tuple[str, str]]:
    """Where ``record`` names a value it does not hold, and what is wrong: each inference's
    ``field``, and each of its citations' ``fields`` (a figure's citations' of the figure),
    as a path from the record (``"inferred[0].field"``) and a message. (rightsdata.testing's
    strict draws drop such names.)

    >>> from rightsdata import Citation, Event, Inference, Participant
    >>> from rightsdata.vocab import EventKind, Role
    >>> event = Event(id="event:a", kind=EventKind.ARREST, title="An arrest",
    ...     participants=(Participant(actor="person:a", role=Role.VICTIM),),
    ...     citations=(Citation(source="source:a", fields=("title", "date")),),
    ...     inferred=(Inference(field="participants[1].role", basis="From the context."),))
    >>> for at, problem in named_value_problems(event):
    ...     print(at, "--", problem)
    citations[0].fields[1] -- names 'date', which this record leaves empty: a citation \
supports values the record holds
    inferred[0].field -- names 'participants[1].role', but 'participants' holds 1 item \
(participants[0]): an inference says how a value the record holds was read
    """
    holders: list[tuple[str, Any, str]] = [("", record, "record")]
    figures = enumerate(getattr(record, "figures", ()))
    holders += [(f"figures[{n}].", figure, "figure") for n, figure in figures]
    for prefix, holder, noun in holders:
        for n, citation in enumerate(getattr(holder, "citations", ())):
            for k, name in enumerate(citation.fields or ()):
                why = f"a citation supports values the {noun} holds"
                said = _unheld(holder, name, why, noun)
                if said is not None:
                    yield f"{prefix}citations[{n}].fields[{k}]", said
    for n, inference in enumerate(getattr(record, "inferred", ())):
        said = _unheld(
            record, inference.field, "an inference says how a value the record holds was read"
        )
        if said is not None:
            yield f"inferred[{n}].field", said


def holds(holder: object, path: str) -> bool:
    """Whether ``holder`` (a record or a part) holds a value at ``path``, a well-formed path
    to one of its fields: not None, not an empty list, and every index within its list.

    >>> from rightsdata import Citation, Person
    >>> person = Person(id="person:a", name="A", citations=(Citation(source="source:a"),))
    >>> holds(person, "name"), holds(person, "born"), holds(person, "citations[1].source")
    (True, False, False)
    """
    return _unheld(holder, path, "") is None


def _unheld(holder: object, path: str, why: str, noun: str = "record") -> str | None:
    """What is wrong with ``path`` (a path to a field of ``holder``, well formed: the loader
    refuses any other) as the place of a value ``holder`` holds, or None if it holds one
    there: not None, not an empty list."""
    value = holder
    for name, position in path_steps(path):
        value = getattr(value, name, None)
        if position is not None:
            count = len(value or ())
            if position >= count:
                held = "no items" if not count else f"{count} item{'s' if count > 1 else ''}"
                last = (
                    ""
                    if not count
                    else f" ({name}[0]" + (f" to {name}[{count - 1}])" if count > 1 else ")")
                )
                return f"names {path!r}, but {name!r} holds {held}{last}: {why}"
            value = value[position]  # type: ignore[index]
    if value is None or value == ():
        return f"names {path!r}, which this {noun} leaves empty: {why}"
    return None


def zero_durations(record: Record) -> Iterator[tuple[str, str]]:
    """Where ``record`` states a duration of no length (``P0D``): a penalty's ``term``, a
    figure's ``per``; as a path from the record and what is wrong. (rightsdata.testing's
    strict draws make such a duration null.)

    >>> from rightsdata import Event, Citation, Penalty, parse_duration
    >>> from rightsdata.vocab import EventKind, PenaltyKind
    >>> verdict = Event(id="event:a", kind=EventKind.VERDICT, title="A verdict",
    ...     penalty=Penalty(kind=PenaltyKind.FINE, term=parse_duration("P0D")),
    ...     citations=(Citation(source="source:a"),))
    >>> for at, said in zero_durations(verdict):
    ...     print(at, "--", said)
    penalty.term -- is P0D, no length of time: a penalty with no term stated has a term of null
    """
    penalty = getattr(record, "penalty", None)
    if penalty is not None and penalty.term is not None and penalty.term == NO_LENGTH:
        yield (
            "penalty.term",
            (
                f"is {penalty.term}, no length of time: a penalty with no term stated has a term "
                "of null"
            ),
        )
    for n, figure in enumerate(getattr(record, "figures", ())):
        if isinstance(figure, Figure) and figure.per is not None and figure.per == NO_LENGTH:
            yield (
                f"figures[{n}].per",
                (
                    f"is {figure.per}, no length of time: a rate is counted per some time (per "
                    "week, P7D); a figure that is not a rate has a per of null"
                ),
            )


#: The duration of no length, written ``P0D`` (the one canonical form of it).
NO_LENGTH: Final = Duration()


def open_best_problem(figure: Figure) -> str | None:
    """What is questionable about the ``best`` of a figure whose qualifier gives one bound
    (:data:`OPEN_BOUND`), or None. (rightsdata.testing's strict draws drop such a best.)

    >>> from rightsdata import Citation
    >>> from rightsdata.vocab import FigureQualifier, FigureUnit, Measure
    >>> print(open_best_problem(Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE,
    ...     qualifier=FigureQualifier.AT_LEAST, low=3, best=3,
    ...     citations=(Citation(source="source:a"),))))
    best repeats low: 'at least 3' is low: 3 alone; remove best
    """
    bound = OPEN_BOUND.get(figure.qualifier)
    if bound is None or figure.best is None:
        return None
    number, words = getattr(figure, bound), figure.qualifier.value.replace("_", " ")
    if number == figure.best:
        return f"best repeats {bound}: '{words} {number}' is {bound}: {number} alone; remove best"
    return (
        f"qualifier {figure.qualifier.value!r} gives one bound, {bound} ({number}); best "
        f"({figure.best}) is a number its words do not give: remove best, or, if the source "
        "gives it too, make it a figure of its own (qualifier 'about')"
    )


def authors_of(holder: Figure | Statement) -> dict[str, str]:
    """The authors of ``holder``, whom its ``relayed_by`` may not name, each with the field
    that names it: a statement's speaker, a figure's ``asserted_by``, and those who joined
    them. (rightsdata.testing's strict draws drop them from ``relayed_by``.)

    >>> from rightsdata import Citation
    >>> from rightsdata.vocab import FigureQualifier, FigureUnit, Measure
    >>> authors_of(Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE, best=3,
    ...     qualifier=FigureQualifier.EXACT, citations=(Citation(source="source:a"),),
    ...     asserted_by="org:a", joined_by=("org:b",)))
    {'org:a': 'asserted_by', 'org:b': 'joined_by[0]'}
    """
    if isinstance(holder, Figure):
        author, at = holder.asserted_by, "asserted_by"
    else:
        author, at = holder.speaker, "speaker"
    authors = {a: at for a in (author,) if a is not None}
    authors.update({a: f"joined_by[{n}]" for n, a in enumerate(holder.joined_by)})
    return authors


def _relayed(
    context: StrictContext,
    kind: str,
    index: int,
    at: str,
    holder: Figure | Statement,
    author: str | None,
    author_field: str,
) -> list[Problem]:
    """The problems of a ``relayed_by`` that names an author: ``author`` (in
    ``author_field``) or one who joined them."""
    authors = authors_of(holder)
    return [
        context.problem(
            kind,
            index,
            f"{at}relayed_by[{n}]",
            f"names {actor!r}, who is an author ({at}{authors[actor]}); relayed_by names "
            "those who passed it on without being its author",
        )
        for n, actor in enumerate(holder.relayed_by)
        if actor in authors
    ]


#: The roles judged here: those that need the actor there, alive, when the event happened
#: (:data:`~rightsdata._validation.integrity.NEEDS_PRESENCE`) but a victim's, which the
#: integrity check refuses. (rightsdata.testing keeps to it too.)
PRESENT: Final = NEEDS_PRESENCE - {Role.VICTIM}


_PRESENT_ROLES: Final = frozenset(role.value for role in PRESENT)


def event_acting(participants: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Who acts in an event, as the rule born-before-acting judges them: (field, actor, how)
    for each of ``participants`` ((actor, role's value), a record's or a document's) whose
    role needs them there (:data:`PRESENT`). (rightsdata.testing's strict draws read it too.)

    >>> event_acting([("person:a", "judge"), ("person:b", "witness")])
    [('participants[0].actor', 'person:a', 'as judge')]
    """
    return [
        (f"participants[{n}].actor", actor, f"as {role}")
        for n, (actor, role) in enumerate(participants)
        if role in _PRESENT_ROLES
    ]


def statement_acting(speaker: str, joined_by: Iterable[str]) -> list[tuple[str, str, str]]:
    """Who acts in a statement, as :func:`event_acting` says of an event: its speaker and
    those who joined them."""
    acting = [("speaker", speaker, "as its speaker")]
    acting += [
        (f"joined_by[{n}]", actor, "as one who joined its speaker")
        for n, actor in enumerate(joined_by)
    ]
    return acting


def _born_later(
    context: StrictContext,
    born: Mapping[str, EDTF],
    date: EDTF,
    named: Iterable[tuple[str, str, str]],
) -> Iterator[tuple[str, str, str, EDTF]]:
    """Of ``named`` ((field, actor, how) in a record dated ``date``), each (field, actor, how,
    birth) of a person certainly born after it; a person whose record failed with a birth
    leaves ``persons`` unjudged. The one comparison of born-before-acting and -ties."""
    for at, actor, how in named:
        birth = born.get(actor)
        if birth is None:
            context.unread("persons", actor, "born")
        elif born_after(birth, date):
            yield at, actor, how, birth


def _born_before_acting(context: StrictContext) -> list[Problem]:
    born = births(context.records, context.base)
    if not born and not context.failed:
        return []
    problems: list[Problem] = []
    for kind, items in context.records.items():
        for index, record in enumerate(items):
            if isinstance(record, Event):
                acting = event_acting((p.actor, p.role.value) for p in record.participants)
            elif isinstance(record, Statement):
                acting = statement_acting(record.speaker, record.joined_by)
            else:
                continue
            if record.date is None:
                continue
            for at, actor, how, birth in _born_later(context, born, record.date, acting):
                said = (
                    f"{actor!r} was born {birth}, after this {record.kind_name[:-1]} "
                    f"({record.date}), in which they are named {how}"
                )
                problems.append(context.problem(kind, index, at, said))
    return problems


_T = TypeVar("_T")


def relationship_dated(start: _T | None, end: _T | None) -> tuple[str, _T] | None:
    """The field and value by which the rule born-before-ties dates a relationship: its
    ``start``, else its ``end`` (one that ended before a birth began before it too), else
    None. (rightsdata.testing's strict draws read it too.)

    >>> relationship_dated(None, "2001")
    ('end', '2001')
    """
    if start is not None:
        return "start", start
    if end is not None:
        return "end", end
    return None


def _born_before_ties(context: StrictContext) -> list[Problem]:
    born = births(context.records, context.base)
    if not born and not context.failed:
        return []
    problems: list[Problem] = []
    for index, record in context.kind("relationships"):
        if not isinstance(record, Relationship):
            continue
        dated = relationship_dated(record.start, record.end)
        if dated is None:
            continue
        field, date = dated
        named = ((field, record.subject, "subject"), (field, record.object, "object"))
        for at, actor, end, birth in _born_later(context, born, date, named):
            said = (
                f"{actor!r}, its {end}, was born {birth}, after this relationship's {field} "
                f"({date})"
            )
            problems.append(context.problem("relationships", index, at, said))
    return problems


# Small records for the examples: only the required fields (format 2).
def _source(**fields: Any) -> dict[str, Any]:
    return {"id": "source:a", "title": "A report", "kind": "report", "language": "en", **fields}


def _cited(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "citations": [{"source": "source:a"}]}


def _person(record_id: str = "person:a", **fields: Any) -> dict[str, Any]:
    return _cited({"id": record_id, "name": "A. Person", **fields})


def _place(record_id: str, name: str, kind: str, country: str, **fields: Any) -> dict[str, Any]:
    return _cited({"id": record_id, "name": name, "kind": kind, "country": country, **fields})


def _event(**fields: Any) -> dict[str, Any]:
    return _cited({"id": "event:a", "kind": "protest", "title": "A protest", **fields})


def _tie(**fields: Any) -> dict[str, Any]:
    return _cited(
        {
            "id": "relationship:a",
            "subject": "person:a",
            "kind": "friend_of",
            "object": "person:b",
            **fields,
        }
    )


def _rating(country: str) -> dict[str, Any]:
    return _cited(
        {
            "id": "rating:a",
            "country": country,
            "scale": "civicus_monitor",
            "level": "repressed",
            "as_of": "2020",
            "rated_by": "org:monitor",
        }
    )


def _statement(**fields: Any) -> dict[str, Any]:
    return _cited(
        {
            "id": "statement:a",
            "speaker": "person:a",
            "kind": "call",
            "summary": "A call to release him.",
            **fields,
        }
    )


def _figure(**fields: Any) -> dict[str, Any]:
    return _cited({"measure": "killed", "unit": "people", "qualifier": "at_least", **fields})


_KZ: Final = _place("place:kz", "Kazakhstan", "country", "KZ")
_MONITOR: Final = _cited({"id": "org:monitor", "name": "A monitor", "kind": "ngo"})

#: Every strict rule, in the order they are checked.
STRICT_RULES: tuple[StrictRule, ...] = (
    StrictRule(
        "country-code",
        "every country code is one ISO 3166-1 assigns, or a former country's: a record's "
        "`country`, a law's `jurisdiction`, an `iso_3166_1` identifier and the country of an "
        "`iso_3166_2` one",
        (
            "a former state's code (`SU`, `YU`, `CS`, `DD`) passes, right for data of its time (a "
            "Soviet law or national, the former country itself), and no state of today is "
            "suggested for it; an `iso_3166_2` code of a former state whose subdivisions ISO "
            "3166-2 never coded (`SU-01`, `DD-01`) is told so",
            "a renamed country's old code is told the code it has now (`ZR`: `CD`), but passes in "
            "a law's `jurisdiction`, as the state that made the law",
            "the code of an area now part of what has another code is told that code, in a law's "
            "`jurisdiction` too (Johnston Island's `JT`: `UM`; it made no laws of its own)",
            "`XK`, in wide use for Kosovo, passes",
            "a user-assigned code (`XX`, `AA`, `QM` to `QZ`, `XA` to `XZ`, `ZZ`), or one reserved "
            "for what is no country (`EU`, `UN`, `EZ`), is told what to write instead: null for a "
            "stateless person, an international body or an unknown country; `international` in a "
            "law's `jurisdiction`; to leave an identifier out",
            "a code reserved for a country or a part of one is told its code (`UK`: `GB`; `AC`: "
            "`SH`), and so is the European Union's code for Greece (`EL`: `GR`)",
        ),
        {"sources": [_source()], "persons": [_person(country="XX")]},
        {"sources": [_source()], "persons": [_person(country="KZ")]},
        _country_codes,
    ),
    StrictRule(
        "language-code",
        "every language tag starts with a language code of ISO 639, as BCP 47 writes it: a "
        "source's `language`, an alias's",
        (
            "a three-letter code of a language ISO 639-1 codes in two letters is told those "
            "(`eng`: `en`; `fre`: `fr`)",
            "a code ISO 639-1 withdrew is told the one that replaced it (`iw`, `in`, `ji`, `jw`, "
            "`mo`, `bh`: `he`, `id`, `yi`, `jv`, `ro`, `bih`)",
            "a code reserved for local use (`qaa` to `qtz`) is flagged: no reader knows which "
            "language it means",
        ),
        {"sources": [_source(language="eng")]},
        {"sources": [_source(language="en")]},
        _language_codes,
    ),
    StrictRule(
        "rating-country",
        "a rating's country is a place of kind `country` or `territory`",
        (
            "a place of another kind is told the country it lies within",
            "a place within no country is told the country or territory of its code, if the data "
            "has one",
            "a place named as its code is told it may be a `territory` where ISO 3166-1 marks the "
            "code not independent (Hong Kong, `HK`), or a `country` (Singapore, `SG`)",
            "a region whose code is a territory's, not that of the country it lies within (Puerto "
            "Rico's `PR` within the United States), is told it may be a `territory`",
        ),
        {
            "sources": [_source()],
            "places": [_KZ, _place("place:almaty", "Almaty", "city", "KZ", within="place:kz")],
            "organizations": [_MONITOR],
            "ratings": [_rating("place:almaty")],
        },
        {
            "sources": [_source()],
            "places": [_KZ, _place("place:almaty", "Almaty", "city", "KZ", within="place:kz")],
            "organizations": [_MONITOR],
            "ratings": [_rating("place:kz")],
        },
        _ratings_rate_countries,
    ),
    StrictRule(
        "country-within",
        "a place's `country` is that of the place it lies `within`, directly or up the chain "
        "(the nearest with a country)",
        (
            "a place of kind `country` or `territory` is not judged: a dependent territory has a "
            "code of its own (Greenland, `GL`, within Denmark, `DK`)",
            "a place of another kind is told the code of the place it lies within (a city of "
            "`RU` within Kazakhstan is told `KZ`)",
            "a region, or a place named as its code, whose code ISO 3166-1 marks not independent "
            "is told too that it may be a `territory` (Hong Kong as a city of China; Puerto "
            "Rico's `PR` as a region of the United States)",
            "a place named as an independent state's code is told too that it may be a `country` "
            "(Georgia, `GE`, within the United States)",
            "a chain that crosses time passes: one code a former state's, the other a code on its "
            "former territory today (a city of Kazakhstan within the Soviet Union's place; East "
            "Berlin, `DD`, within Germany's; Belgrade, `YU`, within Serbia and Montenegro's, "
            "`CS`)",
            "two other former states' codes, or a code of today outside the former state (a city "
            "of today's France within East Germany's place), are flagged",
            "a code `country-code` flags (`ZR`, `UK`), on either side, is left to that rule",
        ),
        {
            "sources": [_source()],
            "places": [_KZ, _place("place:almaty", "Almaty", "city", "RU", within="place:kz")],
        },
        {
            "sources": [_source()],
            "places": [_KZ, _place("place:almaty", "Almaty", "city", "KZ", within="place:kz")],
        },
        _countries_agree,
    ),
    StrictRule(
        "repeated-entry",
        "no list names the same record, or holds the same part, twice (the same participant in "
        "the same role, a place, an alias, a citation)",
        ("charges may repeat: two counts under one provision are two charges",),
        {
            "sources": [_source()],
            "persons": [_person()],
            "events": [_event(participants=[{"actor": "person:a", "role": "victim"}] * 2)],
        },
        {
            "sources": [_source()],
            "persons": [_person()],
            "events": [
                _event(
                    participants=[
                        {"actor": "person:a", "role": "victim"},
                        {"actor": "person:a", "role": "witness"},
                    ]
                )
            ],
        },
        _repeated_entries,
    ),
    StrictRule(
        "relayed-not-author",
        "`relayed_by` names none of the authors (a statement's `speaker`, a figure's "
        "`asserted_by`, and those who joined them)",
        (),
        {
            "sources": [_source()],
            "persons": [_person()],
            "statements": [_statement(relayed_by=["person:a"])],
        },
        {
            "sources": [_source()],
            "persons": [_person(), _person("person:b")],
            "statements": [_statement(relayed_by=["person:b"])],
        },
        _relayed_by_no_author,
    ),
    StrictRule(
        "born-before-acting",
        "a person was not certainly born after an event in which they had a role that needs "
        "them there, nor after a statement they made (its `speaker`) or joined (`joined_by`)",
        (
            "the roles that need one there: perpetrator, intervening party, defendant, "
            "prosecutor, judge, lawyer, organiser, participant, interviewer, interviewee, "
            "observer (a victim born after the event is refused by default)",
            "a source, witness, author or addressee is not judged: one born later may testify "
            "about an event or publish its account",
        ),
        {
            "sources": [_source()],
            "persons": [_person(born="2000")],
            "events": [_event(date="1990", participants=[{"actor": "person:a", "role": "judge"}])],
        },
        {
            "sources": [_source()],
            "persons": [_person(born="2000")],
            "events": [
                _event(date="1990", participants=[{"actor": "person:a", "role": "witness"}])
            ],
        },
        _born_before_acting,
    ),
    StrictRule(
        "born-before-ties",
        "a person was not certainly born after the start of a relationship they stand in, as "
        "its subject or its object (or after its end, where it gives no start)",
        (),
        {
            "sources": [_source()],
            "persons": [_person(born="2000"), _person("person:b")],
            "relationships": [_tie(start="1990")],
        },
        {
            "sources": [_source()],
            "persons": [_person(born="2000"), _person("person:b")],
            "relationships": [_tie(start="2020")],
        },
        _born_before_ties,
    ),
    StrictRule(
        "open-figure-best",
        "a figure whose qualifier gives one bound (`at_least`, `more_than`: `low`; `at_most`, "
        "`less_than`: `high`) states no `best`",
        (
            "a `best` equal to the bound is told it repeats it ('at least 3' is `low: 3` alone)",
            "another is told to remove it or, if the source gives it too, to make it a figure "
            "of its own (`about`)",
            "the other bound may be stated: 'at least 15, at most 30' is `low` and `high`",
        ),
        {"sources": [_source()], "events": [_event(figures=[_figure(low=3, best=3)])]},
        {"sources": [_source()], "events": [_event(figures=[_figure(low=3, high=9)])]},
        _open_figures_state_no_best,
    ),
    StrictRule(
        "named-value-held",
        "an inference's `field`, and each of a citation's `fields`, names a value the record "
        "holds (a figure's citation, one the figure holds)",
        (
            "a field that is null or an empty list is told it is empty",
            "an index past the end of its list (`participants[3]` of two participants) is told "
            "the items the list holds",
        ),
        {
            "sources": [_source()],
            "events": [_event(inferred=[{"field": "date", "basis": "From the context."}])],
        },
        {
            "sources": [_source()],
            "events": [
                _event(date="2011", inferred=[{"field": "date", "basis": "From the context."}])
            ],
        },
        _per_record(named_value_problems),
    ),
    StrictRule(
        "duration-above-zero",
        "a penalty's `term` and a figure's `per` are a length of time above zero, not `P0D`",
        ("where no term is stated, or a figure is not a rate, they are null",),
        {
            "sources": [_source()],
            "events": [_event(kind="verdict", penalty={"kind": "fine", "term": "P0D"})],
        },
        {
            "sources": [_source()],
            "events": [_event(kind="verdict", penalty={"kind": "fine"})],
        },
        _per_record(zero_durations),
    ),
)
