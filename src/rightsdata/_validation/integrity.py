"""Integrity across records: the rules no single record can check on its own.

Each rule is one entry of :data:`RULES`: its name, the record kinds it concerns, one line of
prose (read by the JSON Schemas' descriptions and so by docs/data-model.md), a small dataset
that breaks it (read by the tests, which check that the rule, and only it, rejects it), and
the check. Adding a rule is one stanza here.

Problems are located like the converter's, by record and field:
``events.json[3] event:a.participants[0].actor`` (:mod:`rightsdata._values.places`).

>>> from rightsdata._validation.integrity import RULES, check_integrity
>>> check_integrity({}, {})
[]
>>> print(RULES[0].prose)
IDs are unique across the dataset
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from rightsdata._model.fields import Ref, check_ref, spec_of
from rightsdata._model.records import (
    ACTOR,
    RECORD_TYPES,
    Event,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
)
from rightsdata._values.codegen import compile_function
from rightsdata._values.errors import FieldError, Problem, ProblemCode, ProblemCodeValue
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.ids import KIND_OF_PREFIX, is_valid_id, prefix_of
from rightsdata._values.joined import all_of
from rightsdata._values.places import Places, RecordPlace, places_of
from rightsdata._values.spelling import close, did_you_mean
from rightsdata.vocab import Role

if TYPE_CHECKING:
    from rightsdata._validation.bulkcheck import Gathered
    from rightsdata._values.dates import EDTF

__all__ = [
    "HINT_BUDGET",
    "RULES",
    "Base",
    "Failed",
    "Hints",
    "Rule",
    "check_integrity",
    "failed_record",
]


class _FieldPlan:
    # A plain class: an attrs class costs ~1 ms to build at import, a NamedTuple 0.65 M
    # instructions (callgrind), this one 0.06 M.
    __slots__ = ("many", "name", "nested", "prefixes")

    def __init__(
        self, name: str, prefixes: tuple[str, ...] | None, nested: type | None, many: bool
    ) -> None:
        self.name = name
        self.prefixes = prefixes  # a reference field
        self.nested = nested  # the attrs class of the nested part(s) it holds
        self.many = many  # a tuple of references or of nested parts


_plans: dict[type, tuple[_FieldPlan, ...]] = {}


def _plan(cls: type) -> tuple[_FieldPlan, ...]:
    """Which fields of ``cls`` hold references or nested parts (computed once per class)."""
    cached = _plans.get(cls)
    if cached is not None:
        return cached
    hints = field_hints(cls)
    plan = []
    for field in attrs.fields(cls):
        if field.name == "id":
            continue
        spec = spec_of(field)
        prefixes = spec.prefixes if isinstance(spec, Ref) else None
        nested, many = nested_part(hints[field.name])
        if prefixes is not None or nested is not None:
            plan.append(_FieldPlan(field.name, prefixes, nested, many))
    result = _plans[cls] = tuple(plan)
    return result


Collector = Callable[[Any, Callable[[str], None], Callable[[Iterable[str]], None]], None]
_collectors: dict[type, Collector] = {}


def _collector(cls: type) -> Collector:
    """A function ``(record, add, extend)`` passing every ID the record refers to (generated
    once per class, with the nested parts inlined: the cheap first pass over every record)."""
    collect = _collectors.get(cls)
    if collect is None:
        lines = ["def collect(o0, add, extend):", *(_collect_lines(cls, 0) or ["    pass"])]
        collect = _collectors[cls] = compile_function(
            "\n".join(lines), f"references of {cls.__name__}", {}, "collect"
        )
    return collect


def _collect_lines(cls: type, depth: int) -> list[str]:
    pad, obj, inner = "    " * (depth + 1), f"o{depth}", f"o{depth + 1}"
    lines: list[str] = []
    for step in _plan(cls):
        value = f"{obj}.{step.name}"
        if step.nested is not None:
            body = _collect_lines(step.nested, depth + 1)
            if not body:
                continue
            if step.many:
                lines.append(f"{pad}for {inner} in {value}:")
            else:
                lines += [f"{pad}{inner} = {value}", f"{pad}if {inner} is not None:"]
            lines += body
        elif step.many:
            lines.append(f"{pad}extend({value})")
        else:
            lines.append(f"{pad}add({value})")  # None too: the caller discards it
    return lines


def _references(obj: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, referenced id) for every reference inside ``obj``."""
    for step in _plan(type(obj)):
        value = getattr(obj, step.name)
        if value is None:
            continue
        where = f"{path}.{step.name}" if path else step.name
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if step.nested is not None:
                    yield from _references(item, f"{where}[{index}]")
                else:
                    yield f"{where}[{index}]", item
        elif step.nested is not None:
            yield from _references(value, where)
        else:
            yield where, value


def _document_references(
    cls: type, document: dict[Any, Any], path: str
) -> Iterator[tuple[str, str]]:
    """(field path, referenced ID) for every well-formed reference in a JSON ``document`` of
    ``cls`` (or of its nested part) that did not structure: each value its field would accept
    (an ID of the right kind). A value that is not is its field's problem, and nested parts
    that are not objects hold no references."""
    for step in _plan(cls):
        value = document.get(step.name)
        where = f"{path}.{step.name}" if path else step.name
        if step.many:
            items = list(enumerate(value)) if type(value) is list else []
        else:
            items = [(-1, value)]
        for index, item in items:
            at = where if index < 0 else f"{where}[{index}]"
            if step.nested is not None:
                if type(item) is dict:
                    yield from _document_references(step.nested, item, at)
            elif step.prefixes is not None and _well_formed(at, item, step.prefixes):
                yield at, item


def _well_formed(at: str, value: object, prefixes: tuple[str, ...]) -> bool:
    """Whether ``value`` is an ID its reference field (of ``prefixes``) accepts."""
    try:
        check_ref(at, value, prefixes)
    except FieldError:
        return False
    return True


class Failed:
    """A record in the files that failed to structure, as the integrity checks still judge
    it: where it is (``position``, ``events.json[3]``, and ``place``, which builds its
    problems), its ID if it has a well-formed one, the well-formed references it makes
    (field path, ID), and the fields it gives a value (not null), well formed or not
    (``stated``: a rule that would compare one of them with another record's says it could
    not). Built only on the path that found problems.
    """

    __slots__ = ("place", "position", "record_id", "references", "stated")

    def __init__(
        self,
        position: str,
        place: RecordPlace,
        record_id: str | None,
        references: list[tuple[str, str]],
        stated: frozenset[str] = frozenset(),
    ) -> None:
        self.position = position
        self.place = place
        self.record_id = record_id
        self.references = references
        self.stated = stated


def failed_record(kind: str, document: object, places: Places, n: int) -> Failed:
    """The ``n``-th document at hand of ``places`` (``kind``'s), which failed to structure,
    as :class:`Failed`: its references are still checked.

    >>> failed = failed_record("events", {"id": "event:a", "kind": "protest", "title": "t",
    ...     "participants": [{"actor": "person:x", "role": "victm"}], "part_of": 5},
    ...     Places("events", "events.json"), 3)
    >>> failed.position, failed.record_id, failed.references
    ('events.json[3]', 'event:a', [('participants[0].actor', 'person:x')])
    """
    place = places.of_document(n, document)
    if type(document) is not dict:
        return Failed(places.position(n), place, place.record_id, [])
    references = list(_document_references(RECORD_TYPES[kind], document, ""))
    stated = frozenset(k for k, v in document.items() if type(k) is str and v is not None)
    return Failed(places.position(n), place, place.record_id, references, stated)


#: Where a kind's records are: :class:`~rightsdata._values.places.Places`, or a file's name
#: (``"events.json"``); a kind not in the mapping is named by itself (``events[3]``).
Where = str | Places


def _places(where: Mapping[str, Where], kind: str) -> Places:
    return places_of(kind, where.get(kind) or Places(kind))


def _record(
    where: Mapping[str, Where], records: Mapping[str, Sequence[Record]], kind: str, index: int
) -> RecordPlace:
    """Record ``index`` of ``kind``: its place and ID (built only for a problem in it)."""
    return _places(where, kind).at(index, records[kind][index].id)


def _position(where: Mapping[str, Where], kind: str, index: int) -> str:
    """Where record ``index`` of ``kind`` is, without its ID: ``events.json[3]``."""
    return _places(where, kind).position(index)


class Base:
    """The records an extension builds on (``load_path(path, base=dataset)``), as the rules
    see them: a loaded, valid dataset's records by kind and redirects, and how a problem names
    it (``label``: ``the base dataset (kazakhstan 1.4.0)``). Its own records are never judged
    again: the rules look only at what the extension's records make of them. What they need
    of it (every ID, the persons' births, the ratings by country and scale) is worked out on
    first use, once: a loader keeps one Base for each base dataset.

    >>> base = Base({"persons": ()}, {"person:old": "person:new"}, "the base dataset")
    >>> "person:new" in base.ids, base.label
    (False, 'the base dataset')
    """

    __slots__ = (
        "_born",
        "_ids",
        "_previous",
        "_series",
        "built_on",
        "by_kind",
        "label",
        "redirects",
    )

    def __init__(
        self,
        by_kind: Mapping[str, Sequence[Record]],
        redirects: Mapping[str, str],
        label: str,
        built_on: tuple[Mapping[str, str], ...] = (),
    ) -> None:
        self.by_kind = by_kind
        self.redirects = redirects
        self.label = label
        #: what a dataset built on it cites it by (its descriptor's ``sources`` entries of
        #: the datasets built on: :mod:`rightsdata._data.citation`)
        self.built_on = built_on
        self._ids: frozenset[str] | None = None
        self._born: dict[str, EDTF] | None = None
        self._series: dict[tuple[str, int], list[Rating]] | None = None
        self._previous: bool | None = None

    @property
    def ids(self) -> frozenset[str]:
        """Every ID of the base's records."""
        if self._ids is None:
            self._ids = frozenset(
                record.id for records in self.by_kind.values() for record in records
            )
        return self._ids

    @property
    def born(self) -> dict[str, EDTF]:
        """The base's persons' births, by ID (of those whose birth is known)."""
        if self._born is None:
            self._born = {
                person.id: person.born
                for person in self.by_kind.get("persons", ())
                if isinstance(person, Person) and person.born is not None
            }
        return self._born

    @property
    def states_previous(self) -> bool:
        """Whether any of the base's ratings states the level before it (``previous``): a
        rating of the extension may come before it, and its sequence is then judged."""
        if self._previous is None:
            self._previous = any(
                isinstance(rating, Rating) and rating.previous is not None
                for rating in self.by_kind.get("ratings", ())
            )
        return self._previous

    def series(self, key: tuple[str, int]) -> list[Rating]:
        """The base's ratings of a country on a scale (``key``: the country's ID and the
        ``id()`` of the scale's member), as :func:`_rating_sequences` keys them."""
        if self._series is None:
            series: dict[tuple[str, int], list[Rating]] = {}
            for rating in self.by_kind.get("ratings", ()):
                if isinstance(rating, Rating):
                    series.setdefault((rating.country, id(rating.scale)), []).append(rating)
            self._series = series
        return self._series.get(key, [])


class Context:
    """What the rules see: the records by kind, where each is located, the redirects,
    (from the fast path) the IDs some kinds' records hold and what its walk gathered of them
    (``gathered``), and, when some records failed to structure, what is known of those: IDs
    that exist though their records are not here (``exists``), the kinds some of whose
    records may be missing (``partial``: not judged), where the records are whose IDs could
    not be read, by kind (``nameless``: a reference to that kind is judged, and its problem
    names them), and the records themselves, where they are and the references they make
    (``failed``). ``own`` may give each kind's records' IDs, in the records' order (a loader
    reads them once, for this and the collections). The rules add to ``unjudged`` the kinds
    some reference to which (for ratings, whose sequence) they did not judge, or a record of
    which, failed, they could not compare a sound record with (a victim's birth, a link of a
    chain: every rule that compares records says so, as the sequence of ratings does), or
    whose values, unread, they would have compared (a failed event's date, a failed
    rating's ``previous``); what can be read of a failed record (its well-formed references)
    is judged.
    ``base`` is
    the dataset the records extend (:class:`Base`), if any: references resolve against it
    too, and the records may not clash with it; its own records are not judged."""

    def __init__(
        self,
        records: Mapping[str, Sequence[Record]],
        where: Mapping[str, Where],
        redirects: Mapping[str, str],
        redirects_where: str,
        ids: Mapping[str, Collection[str]],
        exists: Collection[str] = (),
        partial: Collection[str] = (),
        *,
        own: Mapping[str, list[str]] | None = None,
        gathered: Mapping[str, Gathered] | None = None,
        failed: Sequence[Failed] = (),
        nameless: Mapping[str, Sequence[str]] | None = None,
        base: Base | None = None,
        redirect_lines: Mapping[str, int] | None = None,
        redirect_indexes: Mapping[str, int] | None = None,
    ) -> None:
        self.records = records
        self.base = base
        self.failed = failed
        self.where = where
        self.redirects = redirects
        self.redirects_where = redirects_where
        self.redirect_lines: Mapping[str, int] = redirect_lines or {}
        self.redirect_indexes: Mapping[str, int] = redirect_indexes or {}
        self.ids = ids
        self.exists = exists
        self.partial = partial
        #: kinds whose records are elsewhere (a kind's file checked alone): a reference to
        #: one of theirs is not judged, but counted (set by :func:`check_integrity`)
        self.elsewhere: Collection[str] = ()
        self.nameless: Mapping[str, Sequence[str]] = nameless or {}
        self.unjudged: set[str] = set()
        #: how many more problems the rule running may find (a load's ``max_problems``), or
        #: None: every one (set by :func:`check_integrity` before each rule)
        self.room: int | None = None
        self.gathered: Mapping[str, Gathered] = gathered or {}
        if own is None:
            own = {kind: [record.id for record in items] for kind, items in records.items()}
        self.own = own
        self.known = set(itertools.chain.from_iterable(own.values()))
        self._hints: Hints | None = None
        self._retired_at: dict[str, int] | None = None

    def hint(self, target: str, holder: str | None = None) -> str:
        """The "did you mean" of a reference (or redirect) to ``target``, which no record
        has, made by ``holder`` (never told its own ID) (:class:`Hints`): one for the check,
        so that :data:`HINT_BUDGET` bounds all of it, made on the first reference to no
        record. (The IDs are read into a list: a
        generator over this context, kept by it, would make a reference cycle holding every
        record until the cyclic collector ran.)"""
        if self._hints is None:
            self._hints = Hints(list(_hint_pool(self)))
        return self._hints(target, holder)

    def retired(self, target: str) -> str | None:
        """What a reference to ``target`` is told if these records' own redirects retired it
        (``'x' was retired (redirects.json[0]): it redirects to 'y'; refer to that``, where
        the redirects lead, through the base's too); None if they did not."""
        if target not in self.redirects:
            return None
        if self._retired_at is None:  # (only when a reference is to a retired id: rare)
            self._retired_at = {old: index for index, old in enumerate(self.redirects)}
        end = _end(target, self.redirects, self.base.redirects if self.base is not None else {})
        where, _ = self.redirect_at(target, self._retired_at[target])
        return f"{target!r} was retired ({where}): it redirects to {end!r}; refer to that"

    def successor(self, target: str) -> str | None:
        """The ID a reference to ``target``, which no record has, is to name instead where
        ``target`` was retired: by these records' own redirects (where they lead, through the
        base's too), else by the base's; None if neither retired it, or if where they lead
        is no record (a redirect to nothing, or redirects in a cycle: problems of their own),
        so that a program rewriting references by it never writes one to nothing. What
        :meth:`retired` and :func:`_not_found` say, as :attr:`~rightsdata.Problem.redirects_to`
        gives it."""
        base_redirects = self.base.redirects if self.base is not None else {}
        if target in self.redirects:
            end = _end(target, self.redirects, base_redirects)
        elif target in base_redirects:
            end = _end(target, {}, base_redirects)
        else:
            return None
        if end in self.known or end in self.exists:
            return end
        return end if self.base is not None and end in self.base.ids else None

    def redirect_at(self, old: str, index: int) -> tuple[str, int | None]:
        """Where the redirect of ``old`` (the ``index``-th of :attr:`redirects`) is, and its
        line: ``redirects.json[0]`` (its index in the list read, :attr:`redirect_indexes`,
        where given: another than ``index`` after a redirect named twice), or, for the lines
        of a JSON Lines file (:attr:`redirect_lines`, :attr:`redirects_where` then the file's
        name), the line, as a record's: ``data.jsonl:11 redirects``."""
        line = self.redirect_lines.get(old)
        if line is None:
            return f"{self.redirects_where}[{self.redirect_indexes.get(old, index)}]", None
        return f"{self.redirects_where}:{line} redirects", line

    def redirect_problem(
        self, old: str, index: int, field: str, message: str, missing_id: str | None = None
    ) -> Problem:
        """An integrity problem of the redirect of ``old`` (the ``index``-th), at its
        ``field`` (``id`` or ``to``), located as :meth:`redirect_at` says."""
        where, line = self.redirect_at(old, index)
        file = None if line is None else self.redirects_where
        return Problem(
            f"{where}.{field}",
            message,
            ProblemCode.INTEGRITY,
            file=file,
            line=line,
            missing_id=missing_id,
        )

    def locate(self, kind: str, index: int) -> str:
        """How a location names record ``index`` of ``kind``: ``events.json[3] event:a``.

        A rule had better build its problems with :meth:`problem`, which also gives the
        :class:`~rightsdata.Problem` its parts (file, index, ID, field)."""
        return _record(self.where, self.records, kind, index).name

    def problem(
        self,
        kind: str,
        index: int,
        field: str,
        message: str,
        code: ProblemCodeValue = ProblemCode.INTEGRITY,
    ) -> Problem:
        """A problem in ``field`` of record ``index`` of ``kind``, located by its place and ID
        (``events.json[3] event:a.part_of``)."""
        return _record(self.where, self.records, kind, index).problem(field, message, code)

    def kind(self, kind: str) -> Iterator[tuple[int, Any]]:
        """The records of ``kind`` with their positions."""
        return enumerate(self.records.get(kind, ()))

    def holding(self, kind: str, path: str, value: object) -> Iterator[tuple[int, Any]]:
        """The records of ``kind`` with their positions, as :meth:`kind` gives them, less
        records that certainly do not hold ``value`` at ``path``: where the fast path's walk
        grouped the records by that path (a field of the class's ``_GROUPS``), only those of
        the value's group; else all of them."""
        records = self.records.get(kind, ())
        found = self.gathered.get(kind)
        groups = found.groups.get(path) if found is not None else None
        if groups is None:
            return enumerate(records)
        group = groups.get(id(value))
        if group is None or group[0] is not value:  # (each group keeps its value alive)
            return iter(())
        # positions ascending, once for each part holding the value: each record once
        return ((index, records[index]) for index in dict.fromkeys(group[1]))


class Rule:
    """One rule across records.

    A plain class: an attrs class costs ~1 ms to build at import, a NamedTuple 0.65 M
    instructions (callgrind), this one 0.06 M.
    """

    __slots__ = ("check", "example", "kinds", "name", "prose", "repair")

    def __init__(
        self,
        name: str,
        kinds: tuple[str, ...],
        prose: str,
        example: Mapping[str, Sequence[Mapping[str, Any]]],
        check: Callable[[Context], list[Problem]],
        repair: Callable[[dict[str, list[dict[str, Any]]]], None] | None = None,
    ) -> None:
        #: A short name, used in tests and the docs: ``"references-resolve"``.
        self.name = name
        #: The record kinds whose schema descriptions state it (``"*"``: every kind).
        self.kinds = kinds
        #: The rule in one line.
        self.prose = prose
        #: A dataset (kind -> JSON records, format 2: optional fields left out) breaking it.
        self.example = example
        self.check = check
        #: Edits a generated dataset (kind -> JSON records) so that it keeps the rule, for
        #: :func:`rightsdata.testing.dataset_documents`; None where the generator keeps it
        #: anyway.
        self.repair = repair

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


def check_integrity(
    records: Mapping[str, Sequence[Record]],
    where: Mapping[str, Where],
    redirects: Mapping[str, str] | None = None,
    redirects_where: str = "redirects",
    *,
    ids: Mapping[str, Collection[str]] | None = None,
    exists: Collection[str] = (),
    partial: Collection[str] = (),
    own: Mapping[str, list[str]] | None = None,
    gathered: Mapping[str, Gathered] | None = None,
    failed: Sequence[Failed] = (),
    nameless: Mapping[str, Sequence[str]] | None = None,
    unjudged: set[str] | None = None,
    base: Base | None = None,
    redirect_lines: Mapping[str, int] | None = None,
    redirect_indexes: Mapping[str, int] | None = None,
    limit: int | None = None,
    elsewhere: dict[str, int] | None = None,
) -> list[Problem]:
    """Every integrity problem among ``records`` (kind -> records in file order): every
    rule of :data:`RULES`, in order; under ``limit`` (a load's ``max_problems``), no rule
    after the one with which the problems reach it, and the references' rule no further
    than that (so the problems are the first the rules find, rule by rule).

    ``where`` maps a kind to where its records are: a file's name (``'events.json'``, giving
    ``events.json[3] event:a``), or :class:`~rightsdata._values.places.Places` (a JSON
    document's list, JSON Lines' lines: ``data.jsonl:12 event:a``, or some of a list's records).
    ``redirects`` (old ID -> new ID) must lead to existing records of the same kind (or, from
    an actor, to an actor); a problem of one is located under ``redirects_where``
    (``redirects.json[0].to``), or, if ``redirect_lines`` gives its line (a JSON Lines file's
    redirects, by old ID; ``redirects_where`` then the file's name), at that line
    (``data.jsonl:11 redirects.to``); ``redirect_indexes`` gives, by old ID, a redirect's
    index in the list it was read from, where that is not its position in ``redirects`` (a
    redirect named twice before it).
    ``ids`` may give, for some kinds, every ID their records hold (their own and every one
    they name), as the fast path gathers them; those records' references are not walked again.
    When some records failed to structure, ``exists`` names the IDs they had (a reference to
    one is not dangling) and ``partial`` the kinds that may lack records (a reference to one
    of them is not judged, nor a sequence of ratings with ratings missing; the kinds a
    reference to which, or whose sequence, went unjudged are added to ``unjudged``, if
    given); ``nameless`` gives, by kind, where the records are whose IDs could not be read (a
    reference to no record of such a kind is reported, and names them: it may be one of
    them); ``failed`` gives those records (:func:`failed_record`), whose well-formed
    references are checked as the others' are (and their ``part_of`` and ``within`` links
    followed in the chains), and whose IDs are checked against each other's; a rule that
    cannot compare a sound record with one of them adds its kind to ``unjudged``. A loader also
    gives ``own``, each kind's records' IDs in order, and ``gathered``, what the fast path's
    walk gathered of some kinds' records (in the order of ``records``), from which some rules
    find the few records they need to look at. ``base`` is the dataset ``records`` extend
    (:class:`Base`): each rule judges what the records make of it (a reference to one of its
    records resolves; an ID of one of its records, or one it retired, is a clash; a rating
    joins its sequences), never its own records. ``elsewhere`` (a kind's file checked alone)
    maps the kinds whose records are elsewhere to 0: a reference to no record of theirs is
    not reported (nor held against the room of ``limit``) but counted into it, every one,
    whatever the limit, as the references' rule would have reported them.
    """
    context = Context(
        records,
        where,
        redirects or {},
        redirects_where,
        ids or {},
        exists,
        partial,
        own=own,
        gathered=gathered,
        failed=failed,
        nameless=nameless,
        base=base,
        redirect_lines=redirect_lines,
        redirect_indexes=redirect_indexes,
    )
    if elsewhere:
        context.elsewhere = frozenset(elsewhere)
    problems: list[Problem] = []
    for rule in RULES:
        if limit is not None:
            context.room = limit - len(problems)
            if context.room <= 0:
                break
        problems += rule.check(context)
    if elsewhere:
        _count_elsewhere(context, elsewhere)
    if unjudged is not None:
        unjudged.update(context.unjudged)
    return problems


def _count_elsewhere(context: Context, counts: dict[str, int]) -> None:
    """Count into ``counts`` (kind -> references) every reference to no record of a kind in
    it, as :func:`_references_resolve` would report them (each record's and each failed
    one's, a kind that may lack records left out), without building a problem for one."""
    known = context.known.union(context.exists) if context.exists else context.known
    partial = context.partial

    def add(target: object) -> None:
        if target is None or target in known:
            return
        kind = KIND_OF_PREFIX.get(prefix_of(str(target)))
        if kind is not None and kind in counts and kind not in partial:
            counts[kind] += 1

    for items in context.records.values():
        for record in items:
            for _, target in _references(record):
                add(target)
    for failed in context.failed:
        for _, target in failed.references:
            add(target)


def _unique_ids(context: Context) -> list[Problem]:
    problems = []
    if len(context.known) != sum(map(len, context.own.values())):
        problems = _duplicates(context.own, context.where, context.records, context.room)
    if context.exists and not context.known.isdisjoint(context.exists):
        problems += _shared_with_failed(context)
    if len(context.failed) > 1:
        problems += _failed_duplicates(context.failed)
    if context.base is not None:
        problems += _clashes(context, context.base)
    return problems


def _clashes(context: Context, base: Base) -> list[Problem]:
    """A problem for every record whose ID is one of the base's records' or one the base
    retired (a redirect's old ID): the dataset of both would hold two records of one ID, or
    a record of an ID that redirects elsewhere. Said at the extension's record."""
    retired = base.redirects
    # (set & set walks the smaller; the base's retired IDs are walked, not the extension's)
    clashing = (context.known & base.ids) | {old for old in retired if old in context.known}
    failed = [r for r in context.failed if r.record_id in base.ids or r.record_id in retired]
    if not clashing and not failed:
        return []
    problems: list[Problem] = []
    for kind, record_ids in context.own.items():
        for index, record_id in enumerate(record_ids):
            if record_id in clashing:
                place = _record(context.where, context.records, kind, index)
                problems.append(place.problem("id", _clash(record_id, base), ProblemCode.INTEGRITY))
    problems += [
        r.place.problem("id", _clash(r.record_id, base), ProblemCode.INTEGRITY)
        for r in failed
        if r.record_id is not None
    ]
    return problems


def _clash(record_id: str, base: Base) -> str:
    """What a record of the extension whose ID the base has (or retired) is told."""
    if record_id in base.ids:
        return (
            f"{record_id!r} is already the id of a record of {base.label}; a dataset built "
            "on it gives its own records ids of their own"
        )
    return (
        f"{record_id!r} is an id {base.label} retired (it redirects to "
        f"{base.redirects[record_id]!r}); give this record an id of its own"
    )


def _failed_duplicates(failed: Sequence[Failed]) -> list[Problem]:
    """A problem for every use of an ID after its first among records that failed to
    structure (one that a structured record uses too is said at that record)."""
    problems: list[Problem] = []
    first_at: dict[str, str] = {}
    for record in failed:
        if record.record_id is None:
            continue
        first = first_at.setdefault(record.record_id, record.position)
        if first != record.position:
            problems.append(
                record.place.problem(
                    "id",
                    f"{record.record_id!r} is used twice; first at {first}",
                    ProblemCode.INTEGRITY,
                )
            )
    return problems


def _shared_with_failed(context: Context) -> list[Problem]:
    """A problem for every record whose ID a record that could not be read has too: that
    record's own problems are reported, and this one would be only once they were fixed."""
    problems: list[Problem] = []
    said: set[str] = set()  # (a third use is said by _duplicates, after the second)
    failed_at: dict[str, str] = {}
    for failed in context.failed:  # (where the other is, if its file says: the first of them)
        if failed.record_id is not None:
            failed_at.setdefault(failed.record_id, failed.position)
    for kind, record_ids in context.own.items():
        for index, record_id in enumerate(record_ids):
            if record_id in context.exists and record_id not in said:
                said.add(record_id)
                other = failed_at.get(record_id)
                at = f" at {other}" if other else ""
                problems.append(
                    _record(context.where, context.records, kind, index).problem(
                        "id",
                        f"{record_id!r} is used twice; also by a record{at} with problems of "
                        "its own",
                        ProblemCode.INTEGRITY,
                    )
                )
    return problems


def _references_resolve(context: Context) -> list[Problem]:
    known = context.known.union(context.exists) if context.exists else context.known
    if context.base is not None:  # (the base's records resolve a reference too)
        known = known.union(context.base.ids)
    nameless, base, hints, retired = context.nameless, context.base, context.hint, context.retired
    judged = _judged_targets(context)
    problems = _dangling(
        context.records,
        context.where,
        known,
        context.ids,
        nameless,
        base,
        hints,
        retired,
        room=context.room,
        judged=judged,
        successor=context.successor,
    )
    for record in context.failed:  # (their other problems do not hide these)
        if context.room is not None and len(problems) >= context.room:
            break
        problems += [
            record.place.problem(
                field,
                _not_found(target, nameless, base, hints, record.record_id, retired),
                ProblemCode.INTEGRITY,
                missing_id=target,
                redirects_to=context.successor(target),
            )
            for field, target in record.references
            if target not in known and judged(target)
        ]
    return problems


def _judged_targets(context: Context) -> Callable[[str], bool]:
    """Whether a reference to no record, to ``target``, is judged: not where its kind may lack
    records (``context.partial``: some could not be read), whose kind is then unjudged."""
    partial, unjudged, elsewhere = context.partial, context.unjudged, context.elsewhere

    def judged(target: str) -> bool:
        if not partial and not elsewhere:
            return True
        kind = KIND_OF_PREFIX.get(prefix_of(target))
        if kind is not None and kind in partial:
            unjudged.add(kind)
            return False
        return kind is None or kind not in elsewhere  # (those elsewhere: counted)

    return judged


#: How many of the records whose IDs could not be read a dangling reference names.
_NAMED: Final = 3

#: What the "did you mean" of references to no record may spend in one check, in pairs of
#: characters: comparing slugs of m and n characters costs (m + 16) * (n + 16) (difflib's
#: cost grows with the product of the lengths of similar strings; the 16 stands for what
#: every comparison costs). A pair took 15 ns on slugs of words, and up to 64 on slugs of
#: few distinct characters (digits, dates, 'a' and 'b'), so the budget is 25 M pairs: at
#: most about 1.6 s whatever the IDs, spent only when references are wrong; those past it go
#: without. docs/loading.md gives what it buys.
HINT_BUDGET: Final = 25_000_000

#: What a comparison costs beyond the product of the lengths (in characters, added to each).
_HINT_OVERHEAD: Final = 16


def _hint_pool(context: Context) -> Iterator[str]:
    """The IDs a reference to no record may be told it is spelled like: only IDs the same
    run accepts, so that following a hint never leads to a problem. They are the structured
    records' (well formed and of their kind: structuring checked), the base's, and those of
    the records that failed to structure where well formed and of the kind they are filed as
    (not ``'person:jane-doe'`` in the events: its record is refused for it). Read only when a
    reference is to no record (:meth:`Context.hint`)."""
    yield from itertools.chain.from_iterable(context.own.values())
    if context.base is not None:
        yield from context.base.ids
    for record in context.failed:
        record_id = record.record_id  # (well formed, or None)
        if record_id is not None and KIND_OF_PREFIX.get(prefix_of(record_id)) == record.place.kind:
            yield record_id


class Hints:
    """The "did you mean" of references to no record: the IDs of ``pool`` (well-formed IDs:
    :func:`_hint_pool` says which) of the same kind whose slugs are spelled like the
    reference's, each reference's worked out once, within :data:`HINT_BUDGET` in all (a
    reference whose comparisons would go past it is given none). The record that makes the
    reference (``holder``) is never suggested to itself: an event's ``part_of`` to no
    record is not told the event's own ID.

    >>> hints = Hints(["person:vladimir-kozlov", "place:almaty", "person:jane-roe"])
    >>> hints("person:vladimir-kozlv"), hints("person:nobody-at-all")
    ("did you mean 'person:vladimir-kozlov'?", '')
    >>> hints("person:vladimir-kozlv", holder="person:vladimir-kozlov")
    ''
    """

    __slots__ = ("_left", "_said", "_size", "_slugs")

    def __init__(self, pool: Iterable[str]) -> None:
        self._left = HINT_BUDGET
        self._said: dict[str, list[str]] = {}  # the IDs like each target, best first
        self._slugs: dict[str, list[str]] = {}  # by prefix
        for record_id in dict.fromkeys(pool):
            prefix, _, slug = record_id.partition(":")
            self._slugs.setdefault(prefix, []).append(slug)
        # by prefix: the slugs' lengths, each plus the overhead
        self._size = {
            prefix: sum(map(len, slugs)) + _HINT_OVERHEAD * len(slugs)
            for prefix, slugs in self._slugs.items()
        }

    def __call__(self, target: str, holder: str | None = None) -> str:
        like = self._said.get(target)
        if like is None:
            prefix, _, slug = target.partition(":")
            pool = self._slugs.get(prefix, [])
            cost = (len(slug) + _HINT_OVERHEAD) * self._size.get(prefix, 0)
            like = []
            if cost <= self._left:
                self._left -= cost
                # (one more than is said: the holder's own ID may be among them)
                like = [f"{prefix}:{s}" for s in close(slug, pool, n=3, cutoff=0.6)]
            self._said[target] = like
        return did_you_mean([i for i in like if i != holder][:2])


def _not_found(
    target: str,
    nameless: Mapping[str, Sequence[str]],
    base: Base | None = None,
    hints: Callable[[str, str | None], str] | None = None,
    holder: str | None = None,
    retired: Callable[[str], str | None] | None = None,
) -> str:
    """What a reference to ``target``, which no record has, is told: that it does not
    exist, and where the kind has records whose IDs could not be read (``nameless``: where
    they are, by kind), that it may be one of them; or, if the records' own redirects retired
    it, what ``retired`` (:meth:`Context.retired`) says; or, if the ``base`` dataset retired
    it, which ID replaced it; else the IDs spelled like it too (``hints``: :class:`Hints`), if
    any, but ``holder``'s own (the record that makes the reference).

    >>> _not_found("person:x", {})
    "'person:x' does not exist"
    >>> _not_found("person:x", {"persons": ["persons.json[3]"]})
    "'person:x' does not exist, unless it is persons.json[3], whose id cannot be read"
    >>> _not_found("person:ana-exampel", {}, hints=Hints({"person:ana-example"}))
    "'person:ana-exampel' does not exist; did you mean 'person:ana-example'?"
    """
    said = retired(target) if retired is not None else None
    if said is not None:
        return said
    message = f"{target!r} does not exist"
    if base is not None and target in base.redirects:
        end = _end(target, {}, base.redirects)
        return f"{message}; {base.label} retired it: it redirects to {end!r}"
    kind = KIND_OF_PREFIX.get(target.partition(":")[0])
    at = nameless.get(kind) if kind is not None else None
    if at and len(at) == 1:
        message += f", unless it is {at[0]}, whose id cannot be read"
    elif at:
        more = f" and {len(at) - _NAMED:,} more" if len(at) > _NAMED else ""
        message += f", unless it is one of {', '.join(at[:_NAMED])}{more}, whose ids cannot be read"
    hint = hints(target, holder) if hints is not None else ""
    return f"{message}; {hint}" if hint else message


def _end(record_id: str, redirects: Mapping[str, str], base_redirects: Mapping[str, str]) -> str:
    """Where ``redirects`` lead from ``record_id``, and then the base's (``base_redirects``,
    which lead somewhere: it loaded); the last ID before a cycle, for redirects that form one
    (a problem of their own).

    >>> _end("person:a", {"person:a": "person:b"}, {"person:b": "person:c"})
    'person:c'
    """
    seen = {record_id}
    while record_id in redirects or record_id in base_redirects:
        following = redirects.get(record_id) or base_redirects[record_id]
        if following in seen:
            break
        record_id = following
        seen.add(record_id)
    return record_id


_SUBJECT: Final = operator.attrgetter("subject")
_OBJECT: Final = operator.attrgetter("object")


_SAME_ENDS: Final = "a relationship's subject and object are the same record"


def _distinct_ends(context: Context) -> list[Problem]:
    problems = _failed_same_ends(context.failed) if context.failed else []
    relationships = context.records.get("relationships", ())
    try:  # most often none has the same ends: found by C-level maps, without a Python loop
        if not any(map(operator.eq, map(_SUBJECT, relationships), map(_OBJECT, relationships))):
            return problems
    except Exception:  # (not records the rule judges: the loop below says what they are)
        pass
    return [
        context.problem("relationships", index, "object", _SAME_ENDS)
        for index, record in context.kind("relationships")
        if isinstance(record, Relationship) and record.subject == record.object
    ] + problems


def _failed_same_ends(failed: Sequence[Failed]) -> list[Problem]:
    """The relationships that failed to structure (for another field's problem) whose
    subject and object are well formed and the same: judged by their references, so that
    the fix of the other problem does not reveal this one. (An end that is not well formed
    is its own problem; its fix gives the value to judge.)"""
    problems: list[Problem] = []
    for record in failed:
        if record.place.kind != "relationships":
            continue
        ends = dict(record.references)
        subject = ends.get("subject")
        if subject is not None and subject == ends.get("object"):
            problems.append(record.place.problem("object", _SAME_ENDS, ProblemCode.INTEGRITY))
    return problems


def _part_of_ends(context: Context) -> list[Problem]:
    return _cycles(context, "events", Event, "part_of")


def _within_ends(context: Context) -> list[Problem]:
    return _cycles(context, "places", Place, "within")


def _previous_levels(context: Context) -> list[Problem]:
    failed = [r for r in context.failed if r.place.kind == "ratings"]
    if any("previous" in r.stated for r in failed) and (
        len(failed) > 1 or context.records.get("ratings") or context.base is not None
    ):
        # (a rating that failed and states the level before it: that level is not read, so
        # it is not judged against the rating before, which another rating may be)
        context.unjudged.add("ratings")
    missing = (
        "ratings" in context.partial
        or "ratings" in context.nameless
        or any(KIND_OF_PREFIX.get(i.partition(":")[0]) == "ratings" for i in context.exists)
    )
    if missing:  # the rating before may be one that is missing
        # (a rating's previous refers to the rating before it: a reference not judged; over a
        # base, its ratings' too, before which a missing rating of the extension may come)
        if any(
            isinstance(r, Rating) and r.previous is not None for _, r in context.kind("ratings")
        ) or (context.base is not None and context.base.states_previous):
            context.unjudged.add("ratings")
        return []
    return _rating_sequences(context)


def _redirects_lead_somewhere(context: Context) -> list[Problem]:
    """The problems of the redirects (old ID -> new ID). A record that failed to structure
    (``failed``; ``exists``, its ID) still exists, and a kind that may lack records
    (``partial``) is not judged (and is added to ``unjudged``): those records' own problems
    are reported. A redirect to no record of a kind with records whose IDs could not be read
    (``nameless``) says which those are. Over a ``base``, a redirect may lead through the
    base's redirects to one of its records, and may not retire an ID the base has, or
    redirect one the base redirects already."""
    redirects = context.redirects
    exists, partial, base = context.exists, context.partial, context.base
    if not redirects:
        return []
    located = _first_places(context.own)
    # records that failed to structure still exist (and still hold their IDs)
    failed_at = {
        r.record_id: r.position for r in reversed(context.failed) if r.record_id is not None
    }
    base_ids: Collection[str] = base.ids if base is not None else ()
    base_redirects: Mapping[str, str] = base.redirects if base is not None else {}
    problems: list[Problem] = []
    for index, (old, new) in enumerate(redirects.items()):
        if old in located or old in failed_at:
            position = _position(context.where, *located[old]) if old in located else failed_at[old]
            problems.append(
                context.redirect_problem(
                    old,
                    index,
                    "id",
                    f"{old!r} is still the id of a record ({position}); a redirect "
                    "replaces a retired id",
                )
            )
        elif old in base_ids:
            assert base is not None
            problems.append(
                context.redirect_problem(
                    old,
                    index,
                    "id",
                    f"{old!r} is still the id of a record of {base.label}; a redirect "
                    "replaces a retired id",
                )
            )
        elif old in base_redirects:
            assert base is not None
            problems.append(
                context.redirect_problem(
                    old,
                    index,
                    "id",
                    f"{old!r} is redirected by {base.label} already (to "
                    f"{base_redirects[old]!r}); an id is redirected once",
                )
            )
        target, seen = new, {old}
        while target not in seen and (target in redirects or target in base_redirects):
            seen.add(target)
            target = redirects[target] if target in redirects else base_redirects[target]
        if target in seen:
            problems.append(context.redirect_problem(old, index, "to", "redirects form a cycle"))
        elif (
            target not in located
            and target not in exists
            and target not in failed_at
            and target not in base_ids
        ):
            kind = KIND_OF_PREFIX.get(target.partition(":")[0])
            if kind not in partial:
                message = _not_found(target, context.nameless, None, context.hint, old)
                problems.append(context.redirect_problem(old, index, "to", message, target))
            elif kind is not None:
                context.unjudged.add(kind)
        elif (
            # an old ID that is no ID is told so already; its prefix names no kind to differ
            is_valid_id(old)
            and old.partition(":")[0] != target.partition(":")[0]
            and not (old.partition(":")[0] in ACTOR and target.partition(":")[0] in ACTOR)
        ):
            problems.append(
                context.redirect_problem(
                    old,
                    index,
                    "to",
                    f"{old!r} redirects to {target!r}, a record of another kind",
                )
            )
    return problems


#: The roles that need the actor there, alive, when the event happened: a victim's, whose
#: birth after it is refused (``born-before-taking-part``), and the others, which the strict
#: check ``born-before-acting`` judges. The other roles are :data:`NOT_NEEDING_PRESENCE`.
NEEDS_PRESENCE: Final = frozenset(
    {
        Role.VICTIM,
        Role.PERPETRATOR,
        Role.INTERVENING_PARTY,
        Role.DEFENDANT,
        Role.PROSECUTOR,
        Role.JUDGE,
        Role.LAWYER,
        Role.ORGANISER,
        Role.PARTICIPANT,
        Role.INTERVIEWER,
        Role.INTERVIEWEE,
        Role.OBSERVER,
    }
)
#: The roles that do not need the actor alive at the event, so that no birth check judges
#: them: a source, witness, author or addressee (one born later may testify about an event,
#: or publish or receive its account), a plaintiff or applicant (who may act for one who
#: died), a target or court (no person), and a role the sources leave open (other). With
#: :data:`NEEDS_PRESENCE`, every role: a role added to the vocabulary is placed in one
#: (tests/model/test_vocabulary_partitions.py), rather than left out of the checks unseen.
NOT_NEEDING_PRESENCE: Final = frozenset(
    {
        Role.SOURCE,
        Role.WITNESS,
        Role.AUTHOR,
        Role.ADDRESSEE,
        Role.PLAINTIFF,
        Role.APPLICANT,
        Role.TARGET,
        Role.COURT,
        Role.OTHER,
    }
)


def births(records: Mapping[str, Sequence[Record]], base: Base | None = None) -> dict[str, EDTF]:
    """The persons' births by ID, of those whose birth is known: ``records``' and, over a
    base, its persons' too (an event of the extension may name one of them; the base's
    events can name no person of the extension: it loaded alone)."""
    born = dict(base.born) if base is not None else {}
    for person in records.get("persons", ()):
        if isinstance(person, Person) and person.born is not None:
            born[person.id] = person.born
    return born


def born_after(birth: EDTF, date: EDTF) -> bool:
    """Whether one born ``birth`` was certainly born after ``date``: the date's last possible
    day is before the birth's first possible day.

    >>> from rightsdata._values.dates import EDTF
    >>> born_after(EDTF.parse("2000"), EDTF.parse("1999-12"))
    True
    >>> born_after(EDTF.parse("2000"), EDTF.parse("2000-01"))  # (he may be born in January)
    False
    """
    return date.sort_key()[1] < birth.sort_key()[0]


def _born_before_taking_part(context: Context) -> list[Problem]:
    born = births(context.records, context.base)
    if context.failed:
        unread = _unread_births(context.failed)
        _unborn_victims(context, unread)
        _unjudged_events(context, born, unread)
    if not born:
        return []
    problems: list[Problem] = []
    victim = Role.VICTIM
    for index, event in context.holding("events", "participants.role", victim):
        if not isinstance(event, Event) or event.date is None:
            continue
        for position, participant in enumerate(event.participants):
            if participant.role is not victim:  # (most are not: no lookup for them)
                continue
            birth = born.get(participant.actor)
            if birth is not None and born_after(birth, event.date):
                problems.append(
                    context.problem(
                        "events",
                        index,
                        f"participants[{position}].actor",
                        f"{participant.actor!r} was born {birth}, after this event ({event.date})",
                    )
                )
    return problems


def _unread_births(failed: Sequence[Failed]) -> set[str]:
    """The IDs of the persons whose records failed to structure and give a birth (not read)."""
    return {
        r.record_id
        for r in failed
        if r.record_id is not None and r.place.kind == "persons" and "born" in r.stated
    }


def _unborn_victims(context: Context, unread: set[str]) -> None:
    """Add ``persons`` to what went unjudged if a dated event names as a victim a person
    whose record failed to structure, and which gives a birth (``unread``): that birth is
    not read, so the event is not judged against it (the person's own problems are
    reported)."""
    if not unread:
        return
    victim = Role.VICTIM
    for _, event in context.holding("events", "participants.role", victim):
        if (
            isinstance(event, Event)
            and event.date is not None
            and any(p.role is victim and p.actor in unread for p in event.participants)
        ):
            context.unjudged.add("persons")
            return


def _unjudged_events(context: Context, born: Mapping[str, EDTF], unread: set[str]) -> None:
    """Add ``events`` to what went unjudged if an event that failed to structure states a
    date and names as a participant a person who gives a birth (``born``, or ``unread``: in
    a record that failed too): neither its date nor the roles are read, so it is not judged
    against that birth (its own problems are reported)."""
    for record in context.failed:
        if (
            record.place.kind == "events"
            and "date" in record.stated
            and any(
                at.startswith("participants[") and (target in born or target in unread)
                for at, target in record.references
            )
        ):
            context.unjudged.add("events")
            return


def _drop_same_ends(documents: dict[str, list[dict[str, Any]]]) -> None:
    if "relationships" in documents:  # (no list added: a format may have no such kind)
        documents["relationships"] = [
            d for d in documents["relationships"] if d["subject"] != d["object"]
        ]


def _drop(kind: str, field: str) -> Callable[[dict[str, list[dict[str, Any]]]], None]:
    def repair(documents: dict[str, list[dict[str, Any]]]) -> None:
        for document in documents.get(kind, []):
            document.pop(field, None)

    return repair


def _drop_late_births(documents: dict[str, list[dict[str, Any]]]) -> None:
    from rightsdata._values.dates import EDTF

    persons = {d["id"]: d for d in documents.get("persons", []) if d.get("born")}
    for event in documents.get("events", []):
        if not event.get("date"):
            continue
        date = EDTF.parse(event["date"])
        for participant in event.get("participants", []):
            person = persons.get(participant["actor"])
            if (
                participant["role"] == Role.VICTIM.value
                and person is not None
                and born_after(EDTF.parse(person["born"]), date)
            ):
                del person["born"]
                del persons[person["id"]]


# Small records for the examples: only the required fields (format 2).
def _source(record_id: str = "source:a") -> dict[str, Any]:
    return {"id": record_id, "title": "A report", "kind": "report", "language": "en"}


def _cited(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "citations": [{"source": "source:a"}]}


def _person(record_id: str, **fields: Any) -> dict[str, Any]:
    return _cited({"id": record_id, "name": "A. Person", **fields})


def _event(record_id: str, **fields: Any) -> dict[str, Any]:
    return _cited({"id": record_id, "kind": "protest", "title": "A protest", **fields})


def _place(record_id: str) -> dict[str, Any]:
    return _cited({"id": record_id, "name": "A country", "kind": "country", "country": "KZ"})


def _org(record_id: str) -> dict[str, Any]:
    return _cited({"id": record_id, "name": "An NGO", "kind": "ngo"})


def _rating(record_id: str, as_of: str, level: str, **fields: Any) -> dict[str, Any]:
    return _cited(
        {
            "id": record_id,
            "country": "place:kz",
            "scale": "civicus_monitor",
            "level": level,
            "as_of": as_of,
            "rated_by": "org:monitor",
            **fields,
        }
    )


#: Every rule across records, in the order they are checked.
RULES: tuple[Rule, ...] = (
    Rule(
        "unique-ids",
        ("*",),
        "IDs are unique across the dataset",
        {"sources": [_source()], "persons": [_person("person:a"), _person("person:a")]},
        _unique_ids,
    ),
    Rule(
        "references-resolve",
        ("*",),
        "every reference (a citation's source included) names an existing record",
        {
            "sources": [_source()],
            "persons": [_cited({**_person("person:a")})],
            "events": [_event("event:a", part_of="event:missing")],
        },
        _references_resolve,
    ),
    Rule(
        "distinct-ends",
        ("relationships",),
        "a relationship's subject and object are different records",
        {
            "sources": [_source()],
            "persons": [_person("person:a")],
            "relationships": [
                _cited(
                    {
                        "id": "relationship:a",
                        "subject": "person:a",
                        "kind": "colleague_of",
                        "object": "person:a",
                    }
                )
            ],
        },
        _distinct_ends,
        _drop_same_ends,
    ),
    Rule(
        "part-of-ends",
        ("events",),
        "part_of chains end: no event is, through them, part of itself",
        {
            "sources": [_source()],
            "events": [_event("event:a", part_of="event:b"), _event("event:b", part_of="event:a")],
        },
        _part_of_ends,
        _drop("events", "part_of"),
    ),
    Rule(
        "within-ends",
        ("places",),
        "within chains end: no place is, through them, within itself",
        {
            "sources": [_source()],
            "places": [
                {**_place("place:a"), "within": "place:b"},
                {**_place("place:b"), "within": "place:a"},
            ],
        },
        _within_ends,
        _drop("places", "within"),
    ),
    Rule(
        "previous-level",
        ("ratings",),
        "previous, when stated, equals the level of the rating before it "
        "(same country and scale, by date; ratings of one date come in no order, so it may "
        "equal the level of any rating of its own date or of the date before)",
        {
            "sources": [_source()],
            "places": [_place("place:kz")],
            "organizations": [_org("org:monitor")],
            "ratings": [
                _rating("rating:a", "2019", "obstructed"),
                _rating("rating:b", "2020", "repressed", previous="open"),
            ],
        },
        _previous_levels,
        _drop("ratings", "previous"),
    ),
    Rule(
        "born-before-taking-part",
        ("events", "persons"),
        "a victim of an event was not certainly born after it",
        {
            "sources": [_source()],
            "persons": [_person("person:a", born="2000")],
            "events": [
                _event(
                    "event:a", date="1990", participants=[{"actor": "person:a", "role": "victim"}]
                )
            ],
        },
        _born_before_taking_part,
        _drop_late_births,
    ),
    Rule(
        "redirects-lead-somewhere",
        (),
        "a redirect replaces a retired ID and leads, without a cycle, to an existing record "
        "of the same kind, or, for an actor (person, organisation, group) re-classified as "
        "another kind of actor, to an existing actor",
        {"sources": [_source()], "redirects": [{"id": "person:old", "to": "source:a"}]},
        _redirects_lead_somewhere,
    ),
)


def _duplicates(
    own: Mapping[str, list[str]],
    where: Mapping[str, Where],
    records: Mapping[str, Sequence[Record]],
    room: int | None = None,
) -> list[Problem]:
    """A problem for every use of an ID after its first; the first ``room`` of them, where
    that is given (``max_problems``)."""
    problems: list[Problem] = []
    first_at = _first_places(own)
    for kind, record_ids in own.items():
        for index, record_id in enumerate(record_ids):
            first = first_at[record_id]
            if first != (kind, index):
                if room is not None and len(problems) >= room:
                    return problems
                problems.append(
                    _record(where, records, kind, index).problem(
                        "id",
                        f"{record_id!r} is used twice; first at {_position(where, *first)}",
                        ProblemCode.INTEGRITY,
                    )
                )
    return problems


def _first_places(own: Mapping[str, list[str]]) -> dict[str, tuple[str, int]]:
    """Where each ID is first used: (kind, index)."""
    first_at: dict[str, tuple[str, int]] = {}
    for kind, record_ids in own.items():
        for index, record_id in enumerate(record_ids):
            first_at.setdefault(record_id, (kind, index))
    return first_at


def _dangling(
    records: Mapping[str, Sequence[Record]],
    where: Mapping[str, Where],
    known: set[str],
    ids: Mapping[str, Collection[str]],
    nameless: Mapping[str, Sequence[str]],
    base: Base | None = None,
    hints: Callable[[str, str | None], str] | None = None,
    retired: Callable[[str], str | None] | None = None,
    *,
    room: int | None = None,
    judged: Callable[[str], bool] | None = None,
    successor: Callable[[str], str | None] | None = None,
) -> list[Problem]:
    """A problem for every reference to an ID that no record has (:func:`_not_found`) and
    that is ``judged`` (all, without it); the first ``room`` of them, record by record, where
    that is given (``max_problems``); each with the ID that replaces a retired one, where
    ``successor`` (:meth:`Context.successor`) gives one."""
    targets: list[str] = []
    add, extend = targets.append, targets.extend
    missing: set[str | None] = set()
    for kind, items in records.items():
        gathered = ids.get(kind)
        if gathered is not None:
            # (a lookup per ID, where a union of every kind's would insert each)
            if not known.issuperset(gathered):
                missing.update(gathered)
            continue
        for record in items:
            _collector(type(record))(record, add, extend)
    missing = missing.union(targets).difference(known)
    missing.discard(None)  # optional references that are null
    if judged is not None:
        missing = {target for target in missing if judged(str(target))}
    if not missing:
        return []
    # Locate them (rare, so the location strings are built only now).
    problems: list[Problem] = []
    for kind, items in records.items():
        for index, record in enumerate(items):
            if room is not None and len(problems) >= room:
                return problems
            place: RecordPlace | None = None
            for field, target in _references(record):
                if target in missing:
                    if room is not None and len(problems) >= room:
                        return problems  # (a record may make many references)
                    place = place or _record(where, records, kind, index)
                    holder = getattr(record, "id", None)  # (never told its own ID)
                    message = _not_found(target, nameless, base, hints, holder, retired)
                    replaced = successor(target) if successor is not None else None
                    problems.append(
                        place.problem(
                            field,
                            message,
                            ProblemCode.INTEGRITY,
                            missing_id=target,
                            redirects_to=replaced,
                        )
                    )
    return problems


def _cycles(context: Context, kind: str, cls: type[Record], field: str) -> list[Problem]:
    """A problem for each cycle of the links ``field`` (an ID or None) of ``kind``'s records:
    no event is part of itself, no place within itself, however many links away."""
    records = context.records.get(kind, ())
    parent: dict[str, str] = {}
    for record in records:
        if isinstance(record, cls) and (link := getattr(record, field)):
            parent[record.id] = link
    failed: dict[str, Failed] = {}
    if context.failed:  # (their links are followed too, after the structured records')
        _failed_links(context, kind, field, parent, failed)
    if _chains_end(parent):
        return []
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in parent:
        seen = [start]
        current = parent.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parent.get(current)
        if current is not None and start == current and start not in reported:
            cycle = seen[seen.index(current) :]
            reported.update(cycle)
            message = f"{field} forms a cycle: " + " -> ".join([*cycle, current])
            if start in failed:  # (a cycle of records that failed to structure alone)
                problems.append(failed[start].place.problem(field, message, ProblemCode.INTEGRITY))
                continue
            index = next(i for i, record in enumerate(records) if record.id == start)
            problems.append(context.problem(kind, index, field, message))
    return problems


def _failed_links(
    context: Context, kind: str, field: str, parent: dict[str, str], failed: dict[str, Failed]
) -> None:
    """Add to ``parent`` the links (``field``: ``part_of``) of the records of ``kind`` that
    failed to structure, where well formed, and to ``failed`` those records by ID, so that a
    cycle through one is found. Where one gives a link that is not well formed (its own
    problem) and another record links to it, a cycle through it cannot be ruled out: the
    kind is added to what went unjudged."""
    unread: set[str] = set()
    for record in context.failed:
        record_id = record.record_id
        if record_id is None or record.place.kind != kind or record_id in parent:
            continue
        link = next((target for at, target in record.references if at == field), None)
        if link is not None:
            parent[record_id] = link
            failed[record_id] = record
        elif field in record.stated:
            unread.add(record_id)
    if unread and not unread.isdisjoint(parent.values()):
        context.unjudged.add(kind)


def _chains_end(parent: Mapping[str, str]) -> bool:
    """Whether every chain of ``parent`` links (ID -> the ID it is part of) ends: each round
    takes every chain still going one link further, by C-level maps. A chain without a cycle
    has at most as many links as there are IDs; one that reaches a cycle never ends."""
    going = list(parent.values())
    for _ in range(len(parent)):
        if not going:
            return True
        going = list(filter(None, map(parent.get, going)))
    return not going


def _rated_on(entry: tuple[int, Rating]) -> tuple[Any, ...]:
    """The key that orders a rating in its sequence: its date's."""
    return entry[1].as_of.sort_key()


def _levels_before(earlier: Sequence[tuple[int, Rating]], base: Base | None) -> str:
    """What a message says of the ratings of the date before a rating's: ``the rating before
    it (rating:a, as of 2021) is 'repressed'``, or, where several share that date, each
    with its level."""

    def named(at: int, rating: Rating) -> str:
        whose = f" of {base.label}" if at < 0 and base is not None else ""
        return f"{rating.id}{whose}"

    if len(earlier) == 1:
        at, before = earlier[0]
        return (
            f"the rating before it ({named(at, before)}, as of {before.as_of}) is "
            f"{before.level.value!r}"
        )
    # (by ID: the ratings of one date come in no order, and the message says them in one)
    ordered = sorted(earlier, key=lambda pair: pair[1].id)
    levels = all_of([f"{named(at, r)} {r.level.value!r}" for at, r in ordered])
    return f"the ratings before it, as of {earlier[0][1].as_of}, are {levels}"


def _rating_sequences(context: Context) -> list[Problem]:
    ratings = context.records.get("ratings", ())
    series: dict[tuple[str, int], list[tuple[int, Rating]]] = {}
    for index, rating in enumerate(ratings):
        if isinstance(rating, Rating):
            # (by the scale's member, one object for each value, by its id(): reading an
            # enum's value and hashing a member are Python calls)
            series.setdefault((rating.country, id(rating.scale)), []).append((index, rating))
    base = context.base
    problems: list[Problem] = []
    for key, entries in series.items():
        if base is not None and (rated := base.series(key)):
            # the base's ratings of the same country and scale join the sequence (at index
            # -1: not the extension's), before the extension's of the same date
            entries = [*((-1, rating) for rating in rated), *entries]
        entries.sort(key=_rated_on)
        # Ratings of the same date come in no order the data states (a file's order is not
        # the data's: `fmt` sorts by ID): a rating may follow any of the ratings of its own
        # date, or of the date before; none is judged against one of its own date only.
        dates = [list(same) for _, same in itertools.groupby(entries, key=_rated_on)]
        for earlier, on_date in itertools.pairwise(dates):
            for index, after in on_date:
                if after.previous is None or any(
                    after.previous is other.level for _, other in (*earlier, *on_date)
                ):
                    continue
                if index >= 0:
                    problems.append(
                        context.problem(
                            "ratings",
                            index,
                            "previous",
                            f"says the level before was {after.previous.value!r}, but "
                            + _levels_before(earlier, base),
                        )
                    )
                    continue
                for at, before in earlier:  # (a rating of the base's, after these)
                    if at >= 0 and base is not None:
                        problems.append(
                            context.problem(
                                "ratings",
                                at,
                                "as_of",
                                f"comes before {after.id} of {base.label} (as of "
                                f"{after.as_of}), which says the level before it was "
                                f"{after.previous.value!r}, but this rating's level is "
                                f"{before.level.value!r}",
                            )
                        )
            # (two of the base's in a row were in a row there too: it loaded, so they agree)
    return problems
