"""The converter: JSON-ready dicts to records and back, strictly.

One :class:`cattrs.Converter` does both directions. Unlike cattrs' defaults it never coerces:
``5`` is not text, ``"5"`` is not a number, ``"false"`` is not a boolean, a list is required
where the model has a list, and unknown or missing fields are errors. Every problem in a
document is reported at once, each located at its record and field
(``events.json[12] event:kozlov-verdict.figures[0].low``).

``unstructure(structure(x)) == x`` for every valid document in canonical form (optional
fields that are null or empty left out; a document that writes them loads the same).

>>> from rightsdata._validation.convert import structure, unstructure
>>> doc = {"id": "place:almaty", "name": "Almaty", "kind": "city", "country": "KZ",
...        "citations": [{"source": "source:a"}]}
>>> place = structure("places", doc)
>>> place.kind
<PlaceKind.CITY: 'city'>
>>> unstructure(place) == doc
True
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from enum import Enum, StrEnum
from typing import Any, Final, Literal, cast, overload

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from rightsdata._model.checks import Validated, holder_fields
from rightsdata._model.fields import holder_field_errors, spec_of
from rightsdata._model.records import (
    PARTS,
    RECORD_CLASSES,
    RECORD_TYPES,
    Alias,
    Charge,
    Citation,
    Coordinates,
    Event,
    Figure,
    Group,
    Identifier,
    Inference,
    KindName,
    Law,
    Organization,
    Part,
    Participant,
    Penalty,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata._values.codegen import compile_function
from rightsdata._values.controls import SURROGATE_MESSAGE, has_surrogate
from rightsdata._values.conversion import WrongTypeError, to_duration, to_edtf, to_enum, to_float
from rightsdata._values.dates import EDTF, EDTFError
from rightsdata._values.durations import Duration, DurationError, format_duration
from rightsdata._values.errors import (
    FieldError,
    InvalidDataError,
    Problem,
    ProblemCode,
    describe_json,
    not_text_key,
    printable,
    with_article,
)
from rightsdata._values.format import KIND_FIELD, kind_file
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.ids import KIND_OF_PREFIX, PREFIX_OF_KIND, a_noun, is_valid_id, prefix_of
from rightsdata._values.places import Places, RecordPlace, identify, places_of
from rightsdata._values.spelling import unknown_field

__all__ = [
    "converter",
    "describe_json",
    "fits_better",
    "structure",
    "structure_located",
    "structure_many",
    "unstructure",
    "unstructure_many",
]


_WrongTypeError = WrongTypeError


def _strict_str(value: object, cls: type) -> str:
    # cattrs dispatches str subclasses here too, and every vocabulary is a StrEnum.
    if cls is not str and issubclass(cls, Enum):
        return _structure_enum(value, cls)  # type: ignore[return-value]
    if type(value) is not str:
        raise _WrongTypeError(f"expected text, got {describe_json(value)}")
    if has_surrogate(value):
        raise ValueError(SURROGATE_MESSAGE)
    return value


def _strict_int(value: object, _type: type) -> int:
    if type(value) is not int:
        raise _WrongTypeError(f"expected an integer, got {describe_json(value)}")
    return value


def _strict_float(value: object, _type: type) -> float:
    return to_float(value)


def _strict_bool(value: object, _type: type) -> bool:
    if type(value) is not bool:
        raise _WrongTypeError(f"expected true or false, got {describe_json(value)}")
    return value


def _structure_edtf(value: object, _type: type) -> EDTF:
    edtf: EDTF = to_edtf(value)
    return edtf


def _structure_duration(value: object, _type: type) -> Duration:
    if isinstance(value, Duration):  # only text comes from JSON
        raise _WrongTypeError(f"expected an ISO 8601 duration as text, got {describe_json(value)}")
    duration: Duration = to_duration(value)
    return duration


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    if type(value) is cls:  # only text comes from JSON
        value = value.value
    return to_enum(value, cls)


def _unstructure_enum(member: Enum) -> Any:
    return member.value


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


class _Budget:
    """How many problems one record may add under a load's ``max_problems`` (``room``), and
    how many its structuring has found so far (``found``): a list stops judging its items
    once they are as many as the room, so that one record of many bad parts costs memory and
    time with the cap, not with its size.

    ``found`` never counts more than the problems the errors collected will be told as
    (:func:`problems_from`): each item of a list that fails is at least one problem, each
    unknown field one. So a list that stops has found at least the room before the items it
    leaves, which the full run reports after them: the problems kept are the same.
    """

    __slots__ = ("found", "room")

    def __init__(self, room: int) -> None:
        self.room = room
        self.found = 0


#: The budget of the record being structured under a cap (None: no cap, every part judged).
_BUDGET: ContextVar[_Budget | None] = ContextVar("rightsdata_record_budget", default=None)


@contextlib.contextmanager
def _budget(room: int | None) -> Iterator[_Budget | None]:
    """Structure under a budget of ``room`` problems (None: no cap)."""
    budget = None if room is None else _Budget(room)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def _direct_problems(exc: ClassValidationError, room: int) -> int:
    """How many problems ``exc``, a part's or record's failure, holds that no list or part
    inside it counted: its fields' own (a wrong type, a missing field, a broken check) and
    its unknown fields (no more than ``room``, as many as are told)."""
    count = 0
    for inner in exc.exceptions:
        if isinstance(inner, ForbiddenExtraKeysError):
            count += min(len(inner.extra_fields), room)
        elif not isinstance(inner, ClassValidationError | IterableValidationError):
            count += 1
    return count


def _tuple_hook(conv: cattrs.Converter, cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = typing.get_args(cls)[0]
    structure_item = conv.get_structure_hook(item_type)
    # (a part counts its own problems into the budget; any other item is one problem)
    counted_inside = attrs.has(item_type)

    def structure_tuple(value: object, _type: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _WrongTypeError(f"expected a list, got {describe_json(value)}")
        budget = _BUDGET.get()
        result = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                result.append(structure_item(item, item_type))
            except Exception as exc:  # collected, re-raised below as one group
                note = IterableValidationNote(f"at index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
                if budget is None:
                    continue
                if not counted_inside:
                    budget.found += 1
                if budget.found >= budget.room:
                    break  # (max_problems: the items after are not judged)
        if errors:
            raise IterableValidationError(f"while structuring {cls}", errors, cls)
        return tuple(result)

    return structure_tuple


def _attrs_hook(conv: cattrs.Converter, cls: Any) -> Callable[[object, type], Any]:
    generated = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure_object(value: object, _type: type) -> Any:
        if type(value) is not dict:
            budget = _BUDGET.get()
            if budget is not None:
                budget.found += 1
            raise _WrongTypeError(f"expected an object, got {describe_json(value)}")
        try:
            return generated(value, cls)
        except ClassValidationError as exc:
            budget = _BUDGET.get()
            if budget is not None:
                budget.found += _direct_problems(exc, budget.room)
            raise

    return structure_object


def _unstructure_attrs(conv: cattrs.Converter, cls: Any) -> Callable[[Any], dict[str, Any]]:
    """The canonical form of a record or part: its fields in the model's order, leaving out
    the optional ones that are null or empty (absent means null or empty)."""
    namespace: dict[str, Any] = {}
    lines = [f"def unstructure_{cls.__name__}(o):", "    d = {}"]
    hints = field_hints(cls)
    for index, field in enumerate(attrs.fields(cls)):
        hint = hints[field.name]
        arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
        core = arms[0] if len(arms) == 1 and len(typing.get_args(hint)) == 2 else hint
        namespace[f"u{index}"] = conv.get_unstructure_hook(core)
        value = f"u{index}(o.{field.name})"
        if spec_of(field).optional:
            test = "is not None" if core is not hint else ""
            lines += [
                f"    v = o.{field.name}",
                f"    if v {test}:" if test else "    if v:",
                f"        d[{field.name!r}] = u{index}(v)",
            ]
        else:
            lines.append(f"    d[{field.name!r}] = {value}")
    lines.append("    return d")
    hook: Callable[[Any], dict[str, Any]] = compile_function(
        "\n".join(lines), f"unstructure {cls.__name__}", namespace, f"unstructure_{cls.__name__}"
    )
    return hook


def _unstructure_tuple(conv: cattrs.Converter, cls: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    args = typing.get_args(cls)
    item_hook = conv.get_unstructure_hook(args[0]) if args else conv.unstructure

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure_tuple


def make_converter() -> cattrs.Converter:
    """Build the strict converter. Most code wants the shared :data:`converter`."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(EDTF, _structure_edtf)
    conv.register_structure_hook(Duration, _structure_duration)
    conv.register_structure_hook(Enum, _structure_enum)
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, functools.partial(_tuple_hook, conv)
    )
    conv.register_structure_hook_factory(attrs.has, functools.partial(_attrs_hook, conv))
    # StrEnum before str in the MRO: without this, cattrs passes members through as str.
    conv.register_unstructure_hook(StrEnum, _unstructure_enum)
    conv.register_unstructure_hook(Enum, _unstructure_enum)
    conv.register_unstructure_hook(EDTF, str)
    conv.register_unstructure_hook(Duration, format_duration)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, functools.partial(_unstructure_tuple, conv)
    )
    conv.register_unstructure_hook_factory(attrs.has, functools.partial(_unstructure_attrs, conv))
    return conv


converter: Final = make_converter()


# --- turning exceptions into located problems --------------------------------------------


def _join(path: str, name: str) -> str:
    # an empty name (a key "") is told at its holder, whose problem names it ('')
    return f"{path}.{name}" if path and name else path or name


def problems_from(exc: BaseException, place: RecordPlace, path: str = "") -> list[Problem]:
    """Every :class:`Problem` inside ``exc`` (a cattrs error group or a single error), in the
    record at ``place``, at the field ``path`` (``""``: the record itself)."""
    if isinstance(exc, ClassValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            found += problems_from(inner, place, _join(path, note.name))
        for inner in without:
            found += problems_from(inner, place, path)
        return found
    if isinstance(exc, IterableValidationError):
        found = []
        for inner in exc.exceptions:
            index = next(
                (
                    n.index
                    for n in getattr(inner, "__notes__", [])
                    if isinstance(n, IterableValidationNote)
                ),
                None,
            )
            found += problems_from(inner, place, path if index is None else f"{path}[{index}]")
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [key for key in exc.extra_fields if isinstance(key, str)]
        # a key that is not text (YAML reads `on:` as True) names no field: told at its holder
        others = [not_text_key(key) for key in exc.extra_fields if not isinstance(key, str)]
        budget = _BUDGET.get()
        if budget is None:
            names.sort()
            others.sort()
        else:  # (max_problems: the first names, as sorted, and no more than the room)
            names = heapq.nsmallest(budget.room, names)
            others = heapq.nsmallest(budget.room - len(names), others)
        return [
            *(
                place.problem(_join(path, name), _unknown(exc.cl, name), ProblemCode.UNKNOWN_FIELD)
                for name in names
            ),
            *(place.problem(path, message, ProblemCode.TYPE) for message in others),
        ]
    if isinstance(exc, FieldError):
        return [place.problem(_join(path, exc.field), exc.message, exc.code)]
    if isinstance(exc, KeyError):
        return [place.problem(path, "required field is missing", ProblemCode.MISSING)]
    if isinstance(exc, _WrongTypeError):
        return [place.problem(path, str(exc), ProblemCode.TYPE)]
    if isinstance(exc, EDTFError | DurationError | ValueError):
        return [place.problem(path, str(exc), ProblemCode.VALUE)]
    return [place.problem(path, f"{type(exc).__name__}: {exc}", ProblemCode.VALUE)]


def _forget(exc: BaseException) -> None:
    """Drop the tracebacks of ``exc`` and of every error it holds, once told as problems.

    cattrs collects a record's errors in a list local to the function that raises them as
    one group, so each error's traceback holds that function's frame, which holds the list,
    which holds the error: a cycle per failed field, freed only by the cyclic collector
    (with the frames' locals: the record's raw fields, the partial results). A load pauses
    the collector (rightsdata._values.gcpause), so a file of 100,000 bad records kept them
    all until its end (1.1 GB for 292 KB of ``{}``), then handed them to the oldest
    generation. Without their tracebacks the errors and frames go as soon as nothing refers
    to them.
    """
    stack = [exc]
    seen: set[int] = set()
    while stack:
        error = stack.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        error.__traceback__ = None
        if isinstance(error, BaseExceptionGroup):
            stack += error.exceptions
        stack += [linked for linked in (error.__cause__, error.__context__) if linked is not None]


def _structure_one(cls: type, document: object, place: RecordPlace) -> tuple[Any, list[Problem]]:
    try:
        return converter.get_structure_hook(cls)(document, cls), []
    except Exception as exc:  # every failure becomes a located problem (below)
        failure = exc
    # (outside the handler: an error raised while its problems are found is not chained to
    # it as its __context__, which _forget would walk, the whole record's errors, each time)
    try:
        return None, _problems_in(cls, document, failure, place)
    finally:
        _forget(failure)


def _problems_in(cls: type, document: object, exc: Exception, place: RecordPlace) -> list[Problem]:
    """Every problem of a document that failed to structure (``exc``), located at ``place``:
    for a record filed under another kind than its ID names (:func:`misfiled_problems`),
    the one problem that says so and its own problems as the kind it is; for a citation
    among records, the one problem that says so."""
    if type(document) is dict:
        named = _kind_named(cls, document)
        if named is not None:
            return misfiled_problems(cls, named, document, exc, place)
        citation = _a_citation(cls, document, place)
        if citation is not None:
            return [citation]
    if type(document) is not dict:
        return problems_from(exc, place)
    return _own_problems(cls, document, exc, place)


def _own_problems(
    cls: type, document: dict[str, Any], exc: Exception, place: RecordPlace
) -> list[Problem]:
    """The problems of ``document`` that failed (``exc``) to structure as ``cls``: those the
    converter raised, and those of the fields it did not reach, each told once; under a
    budget (``max_problems``), no more than its room after those the converter raised."""
    problems = problems_from(exc, place)
    budget = _BUDGET.get()
    room = None if budget is None else budget.room - len(problems)
    if room is None or room > 0:
        problems += _unchecked_fields(cls, document, place, "", _Said(problems), room)
    return problems


def _kind_named(cls: type, document: dict[str, Any]) -> str | None:
    """The kind ``document``'s ID names (a well-formed ID), if that is not ``cls``'s."""
    record_id = document.get("id")
    if type(record_id) is not str or not is_valid_id(record_id):
        return None
    kind = KIND_OF_PREFIX.get(prefix_of(record_id))
    own: str = getattr(cls, "kind_name", "")
    return kind if kind is not None and own and kind != own else None


def names_another_kind(kind: str, document: object) -> bool:
    """Whether ``document``, filed under ``kind``, has a well-formed ID naming another kind.

    >>> names_another_kind("persons", {"id": "event:a"}), names_another_kind("persons", {})
    (True, False)
    """
    return type(document) is dict and _kind_named(RECORD_TYPES[kind], document) is not None


def judged_kind(kind: str, document: object) -> str:
    """The kind a record filed under ``kind`` (a kind's file, a document's list, a JSON Lines
    line's ``"$kind"``) is judged as: ``kind``, unless its ID names another kind and its
    fields do not fit ``kind`` better (:func:`misfiled_problems`).

    >>> judged_kind("persons", {"id": "event:a", "title": "T"}), judged_kind("persons", {})
    ('events', 'persons')
    """
    if type(document) is not dict:
        return kind
    named = _kind_named(RECORD_TYPES[kind], document)
    if named is None or fits_better(document, named, kind) == kind:
        return kind
    return named


def misfiled_problems(
    cls: type, named: str, document: dict[str, Any], exc: Exception, place: RecordPlace
) -> list[Problem]:
    """The problems of a record filed under ``cls``'s kind whose ID names another kind,
    ``named`` (an event in ``persons.json``, a person on a line of ``"$kind": "events"``),
    the same in every layout: one problem that says so, where it is filed and what its ID
    says, and the record's own problems as the kind it is judged as (:func:`judged_kind`),
    never those that come only from judging it as the wrong kind (fields unknown to it, a
    field it does not have).

    Its fields decide which kind it is judged as, where they fit one better (fewer of them
    unknown to it): the kind its ID names (it is filed in the wrong place), or the kind it is
    filed under (its ID is wrong: told as the ID's problem); where they fit both alike, the
    kind its ID names. In JSON Lines the problem is at its ``"$kind"``, which says where it
    is filed; in a file or a document's list, at the record (its ID, where that is wrong).
    """
    own: str = getattr(cls, "kind_name", "")
    fits = fits_better(document, named, own)
    line = place.line is not None
    if fits == own:  # a record of its kind with a wrong ID: told as the ID's problem
        problems = _own_problems(cls, document, exc, place)
        if not line:
            return problems
        # (the $kind's problem says it, in the ID's problem's place: as a file's tells it)
        said = place.problem(KIND_FIELD, _disagree(document, own, named, fits), _VALUE)
        if not any(p.field == "id" for p in problems):
            return [said, *problems]
        return [said if p.field == "id" else p for p in problems]
    if line:
        said = place.problem(KIND_FIELD, _disagree(document, own, named, fits), _VALUE)
    elif fits == named:
        message = (
            f"is {a_noun(named)}, not {a_noun(own)} (its id and its fields say so): "
            f"{named} belong {_home(named, place)}"
        )
        said = place.problem("", message, _VALUE)
    else:
        message = (
            f"its id {printable(repr(document['id']))} is {a_noun(named)}'s, not "
            f"{a_noun(own)}'s: {named} belong {_home(named, place)}; if it is {a_noun(own)}, "
            f"give it {a_noun(own)}'s id ({PREFIX_OF_KIND[own]}:...)"
        )
        said = place.problem("", message, _VALUE)
    kind_cls = RECORD_TYPES[named]
    budget = _BUDGET.get()
    # (judged afresh as the kind it is: what the first judging counted is not told)
    with _budget(None if budget is None else budget.room):
        try:
            converter.get_structure_hook(kind_cls)(document, kind_cls)
            return [said]
        except Exception as exc:  # its own problems, as the kind it is (below)
            judged = exc
        try:  # (outside the handler: see _structure_one)
            problems = _own_problems(kind_cls, document, judged, place)
        finally:
            _forget(judged)
    return [said, *problems]


_VALUE: Final = ProblemCode.VALUE


def _disagree(document: dict[str, Any], kind: str, named: str, fits: str | None) -> str:
    """What to say of a JSON Lines line whose ``"$kind"`` (``kind``) and ID (of ``named``)
    disagree: which of them to change, where its fields (``fits``) tell which kind it is."""
    record_id = printable(repr(document.get("id")))
    said = f"says {kind!r} but its id {record_id} is {a_noun(named)}'s"
    if fits == named:
        fix = f'write "{KIND_FIELD}": "{named}"'
    elif fits == kind:
        fix = f"give it {a_noun(kind)}'s id ({PREFIX_OF_KIND[kind]}:...)"
    else:
        return said
    return f"{said}; it is {a_noun(fits)} (its fields say so): {fix}"


#: A citation's fields (``{"source": "source:a", "locator": "p. 3"}``).
_CITATION_FIELDS: Final = frozenset(field.name for field in attrs.fields(Citation))


def _a_citation(cls: type, document: dict[str, Any], place: RecordPlace) -> Problem | None:
    """The problem of a citation among ``cls``'s records (``{"sources": [{"source":
    "source:a"}]}``: a record's citations written as a kind's list, or a source's ID written
    as ``"source"``), or None: a document with a ``source`` and no field but a citation's.
    Told as its missing ``id``, ``title``, ``kind`` and its unknown ``source``, it said
    nothing of the mistake."""
    if "source" not in document or not document.keys() <= _CITATION_FIELDS:
        return None
    own: str = getattr(cls, "kind_name", "")
    if not own:
        return None
    import json  # (only an error needs it)

    named = document["source"]
    cited = json.dumps(named, ensure_ascii=False) if type(named) is str else "..."
    message = (
        f'is a citation ({{"source": ...}}), not {a_noun(own)}: a record names the sources it '
        f'cites in its "citations" ([{{"source": {cited}}}])'
    )
    if own == "sources":
        message += (
            f', and a source\'s ID is its "id" ({{"id": {cited}, "title": ..., "kind": ..., '
            '"language": ...})'
        )
    return place.problem("", message, ProblemCode.VALUE)


def fits_better(document: dict[str, Any], kind: str, other: str) -> str | None:
    """Which of two record kinds ``document``'s fields fit better (fewer of them unknown to
    it), or None if neither does.

    >>> fits_better({"id": "event:a", "title": "T", "date": "2020"}, "events", "persons")
    'events'
    """
    keys = set(document)
    unknown = [len(keys - {f.name for f in attrs.fields(RECORD_TYPES[k])}) for k in (kind, other)]
    if unknown[0] == unknown[1]:
        return None
    return kind if unknown[0] < unknown[1] else other


def _home(kind: str, place: RecordPlace) -> str:
    """Where records of ``kind`` belong in the layout of ``place``: a kind's file in a
    folder (``in events.json``), a JSON document's list (``under "events"``)."""
    if place.file is None:
        return f"among the {kind} (structure it as {kind!r})"
    if place.name.startswith(f"{place.file}:{place.kind}["):  # a JSON document's list
        return f'in the list under "{kind}"'
    return f"in {kind_file(kind)}"


#: attrs' default factory's class (its stubs type ``attrs.Factory`` as a function)
_FACTORY: Final = cast(type, attrs.Factory)


class _Said:
    """What a document's report holds so far: the field paths reported (a field reported is
    not checked again; one told only a cross-field rule passed its own check, and is) and
    each problem's path and message (none is said twice)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.paths: set[str] = set()
        self.problems: set[tuple[str, str]] = set()
        for problem in problems:
            self.add(problem)

    def add(self, problem: Problem) -> bool:
        """Take ``problem``; False if it was said already."""
        key = (problem.field or "", problem.message)
        if key in self.problems:
            return False
        self.problems.add(key)
        if problem.code != ProblemCode.RULE:  # (a field told a rule passed its own check)
            self.paths.add(key[0])
        return True


def _unchecked_fields(
    cls: type,
    document: dict[str, Any],
    place: RecordPlace,
    path: str,
    said: _Said,
    room: int | None = None,
) -> list[Problem]:
    """Problems of a document that failed to structure that its first report left out.

    A record's (or part's) checks run in ``__init__``, which never runs once any field fails
    to structure, and stops at the first problem. This pass judges each field on its own:
    every field not reported already, each part of a nested list that did not structure,
    every name a part gives of its holder's fields (``citations[0].fields``), and then each
    cross-field rule broken (``_rules``) on the fields that were themselves valid. A
    rule that reads a field that failed cannot be judged: it is left out. So one read reports
    every problem of a record that can be known without guessing what a bad value meant.
    ``room`` (under ``max_problems``): stop once that many are found, the first in order.
    """
    problems: list[Problem] = []
    good: dict[str, Any] = {}
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        if room is not None and len(problems) >= room:
            return problems
        where = _join(path, field.name)
        if field.name not in document:
            if field.default is not attrs.NOTHING:  # absent: null or empty (required: reported)
                default = field.default
                made = isinstance(default, _FACTORY)
                good[field.name] = cast(Any, default).factory() if made else default
            continue
        raw, hint = document[field.name], hints[field.name]
        try:
            value = _at_most_one(raw, hint)
        except Exception as exc:  # reported, here or in one of its parts: judge each part
            _forget(exc)
            value = _FAILED
        if value is _FAILED:  # (outside the handler: see _structure_one)
            left = None if room is None else room - len(problems)
            problems += _unchecked_parts(hint, raw, place, where, said, left)
            continue
        if where in said.paths:
            continue
        try:
            spec_of(field).check(field.name, value)
        except FieldError as exc:
            problem = place.problem(_join(path, exc.field), exc.message, exc.code)
            if said.add(problem):
                problems.append(problem)
            continue
        good[field.name] = value
    if room is not None and len(problems) >= room:
        return problems
    # (one by one, as the room allows: the holder's names are judged part by part)
    for error in itertools.chain(_holder_errors(cls, document, hints), _rule_errors(cls, good)):
        problem = place.problem(_join(path, error.field), error.message, error.code)
        if said.add(problem):
            problems.append(problem)
            if room is not None and len(problems) >= room:
                break
    return problems


#: What a field that failed to structure is taken as (no value structures to it).
_FAILED: Final = object()


def _at_most_one(raw: object, hint: Any) -> Any:
    """``raw`` structured as ``hint``, or the error of its first problem: whether a field
    fails is all :func:`_unchecked_fields` asks (its parts are then judged one by one), with
    or without a cap, and a list of many bad items need not be judged whole to say so (a
    list stops judging only after an item failed, so what succeeds is the same value)."""
    with _budget(1):
        return converter.structure(raw, hint)


def _unchecked_parts(
    hint: Any, raw: object, place: RecordPlace, where: str, said: _Said, room: int | None = None
) -> list[Problem]:
    """The problems of the parts (a nested object, or a list's objects) in a field that
    failed to structure; no more than ``room`` (``max_problems``), the first in order."""
    part, many = nested_part(hint)
    if part is None:
        return []
    if type(raw) is dict and not many:
        return _unchecked_fields(part, raw, place, where, said, room)
    if type(raw) is not list:
        return []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        if room is not None and len(problems) >= room:
            break
        if type(item) is dict:
            left = None if room is None else room - len(problems)
            problems += _unchecked_fields(part, item, place, f"{where}[{index}]", said, left)
    return problems


def _holder_errors(
    cls: type, document: dict[str, Any], hints: dict[str, Any]
) -> Iterator[FieldError]:
    """Every name a part of ``document`` gives of ``cls``'s fields that is not one (a
    citation's ``fields``), among the names that are themselves well-formed: where a list of
    names fails as a whole (``["dte", 5]``), each of its texts is still judged. Lazily, part
    by part: a caller under ``max_problems`` stops once it has enough."""
    for name, attribute, how in holder_fields(cls):
        parts = document.get(name)
        if type(parts) is not list:
            continue
        part, _ = nested_part(hints[name])
        assert part is not None  # (holder_fields lists the fields that hold parts)
        named = _named(parts, attrs.fields_dict(part)[attribute], field_hints(part)[attribute], how)
        yield from holder_field_errors(name, named, attribute, how, cls)


def _named(
    parts: list[Any], field: attrs.Attribute[Any], hint: Any, how: str
) -> Iterator[tuple[int, Any]]:
    """Each of ``parts``' position and its well-formed value of ``field`` (a citation's
    ``fields``), where it gives one: a list of names that fails as a whole (``["dte", 5]``)
    gives its texts."""
    attribute = field.name
    for index, item in enumerate(parts):
        if type(item) is not dict or item.get(attribute) is None:
            continue
        raw = item[attribute]
        try:
            value = converter.structure(raw, hint)
            spec_of(field).check(attribute, value)
        except Exception as exc:  # reported as the part's own problem
            _forget(exc)
            if how != "names" or type(raw) is not list:
                continue
            value = tuple(entry for entry in raw if type(entry) is str)
        yield index, value


def _rule_errors(cls: type, good: dict[str, Any]) -> list[FieldError]:
    """Each problem a class's cross-field rules (``_rules``) find among its fields that were
    valid (``good``); none of a rule that reads a field that was not (it cannot be judged:
    its slot is left empty, and reading it raises ``AttributeError``)."""
    if getattr(cls, "_rules", None) is Validated._rules:
        return []
    partial: Validated = object.__new__(cls)
    for name, value in good.items():
        object.__setattr__(partial, name, value)
    broken: list[FieldError] = []
    # (a class with rules that break independently reads each rule's fields in a try of its
    # own, and goes on; one with a single rule stops here)
    with contextlib.suppress(AttributeError):
        partial._rules(broken)
    return broken


def _record_type(kind: str) -> type:
    if not isinstance(kind, str):  # (cattrs takes the document first: structure(doc, cls))
        name = getattr(kind, "kind_name", None)
        given = f"the class; pass {name!r}" if name else describe_json(kind)
        raise TypeError(
            f"the record kind comes first, as its name ('persons'), then the document; got {given}"
        )
    try:
        return RECORD_TYPES[kind]
    except KeyError:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown record kind {kind!r}{spelled_like(kind, RECORD_TYPES)}; expected one of "
            f"{', '.join(RECORD_TYPES)}"
        ) from None


def structure_many(
    kind: str, documents: object, where: str | Places, *, limit: int | None = None
) -> tuple[list[Record], list[Problem]]:
    """Structure a list of documents of one kind; return the records and every problem.

    ``where`` says where the list is (:class:`~rightsdata._values.places.Places`, or a file's
    name: ``'events.json'``); a problem names its record by index and ID
    (``events.json[12] event:kozlov-verdict.date``). ``limit``: stop after the record with
    which the problems reach that many (a load's ``max_problems``): the records after it are
    not judged, nor returned.
    """
    cls = _record_type(kind)
    places = places_of(kind, where)
    if type(documents) is not list:
        got = describe_json(documents)
        message = f"expected a list of records, got {got}{_one_record(documents, kind)}"
        return [], [places.problem(message, ProblemCode.TYPE)]
    return _structure_all(cls, documents, places, limit)


def _one_record(document: object, kind: str) -> str:
    """What follows "expected a list of records, got an object" when the object is one
    record of ``kind`` (its ``id`` names the kind, as an export of one record writes it):
    to wrap it in ``[ ]``, a list of one. Empty for anything else.

    >>> _one_record({"id": "event:a", "title": "T"}, "events")
    ' (one event, as its id says): wrap it in [ ] to make a list of one record'
    >>> _one_record({"id": "person:a"}, "events"), _one_record({"events": []}, "events")
    ('', '')
    """
    if type(document) is not dict:
        return ""
    record_id = document.get("id")
    if type(record_id) is not str or KIND_OF_PREFIX.get(prefix_of(record_id)) != kind:
        return ""
    noun = a_noun(kind).partition(" ")[2]  # ('an event': 'event')
    return f" (one {noun}, as its id says): wrap it in [ ] to make a list of one record"


def structure_located(
    kind: str, documents: Sequence[object], places: Places, *, limit: int | None = None
) -> tuple[list[Record], list[Problem]]:
    """Like :func:`structure_many`, for documents that are not one list: JSON Lines
    (``Places(kind, "data.jsonl", lines=[...])``: ``data.jsonl:12 event:a.date``), or some of a
    list's records (``indexes=[...]``); ``limit`` as there."""
    return _structure_all(_record_type(kind), documents, places, limit)


def _structure_all(
    cls: type, documents: Sequence[object], places: Places, limit: int | None = None
) -> tuple[list[Record], list[Problem]]:
    """Each record of ``documents`` structured, and the located problems of those that fail;
    under ``max_problems`` (``limit``) each record judged no further than the room the
    records before it left (its problems, the first in order, may pass it by what one part
    holds), and none after the one with which the problems reach ``limit``."""
    hook = converter.get_structure_hook(cls)
    records: list[Record] = []
    problems: list[Problem] = []
    for n, document in enumerate(documents):
        with _budget(None if limit is None else limit - len(problems)):
            try:
                records.append(hook(document, cls))
                continue
            except Exception as exc:  # every failure becomes located problems (below)
                failure = exc
            # (outside the handler: see _structure_one; the record's place, its index and
            # ID, is built only now, for a problem)
            problems += _problems_in(cls, document, failure, places.of_document(n, document))
            _forget(failure)
        if limit is not None and len(problems) >= limit:
            break  # (max_problems: the records after this one are not judged)
    return records, problems


@overload
def structure(kind: Literal["sources"], document: object, where: str | None = None) -> Source: ...
@overload
def structure(kind: Literal["persons"], document: object, where: str | None = None) -> Person: ...
@overload
def structure(
    kind: Literal["organizations"], document: object, where: str | None = None
) -> Organization: ...
@overload
def structure(kind: Literal["groups"], document: object, where: str | None = None) -> Group: ...
@overload
def structure(kind: Literal["places"], document: object, where: str | None = None) -> Place: ...
@overload
def structure(kind: Literal["laws"], document: object, where: str | None = None) -> Law: ...
@overload
def structure(kind: Literal["events"], document: object, where: str | None = None) -> Event: ...
@overload
def structure(
    kind: Literal["relationships"], document: object, where: str | None = None
) -> Relationship: ...
@overload
def structure(
    kind: Literal["statements"], document: object, where: str | None = None
) -> Statement: ...
@overload
def structure(kind: Literal["ratings"], document: object, where: str | None = None) -> Rating: ...
@overload
def structure(kind: KindName, document: object, where: str | None = None) -> Record: ...
def structure(kind: str, document: object, where: str | None = None) -> Record:
    """Structure one document of ``kind``; raise :class:`InvalidDataError` if it is invalid.

    Problems are located under ``where`` (default: the kind), then the record's ID. Type
    checkers know the record's class from a kind written out: ``structure("events", doc)``
    is an :class:`~rightsdata.Event` (of a kind only known to be a
    :data:`~rightsdata.KindName`, any record); a misspelt kind is an error to them.

    >>> structure("places", {"id": "place:x"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rightsdata.InvalidDataError: 3 problems in places record:
      places place:x.name: required field is missing
    ...
    """
    record_id, note = identify(document)
    place = RecordPlace(where or kind, record_id, note=note, kind=kind)
    record, problems = _structure_one(_record_type(kind), document, place)
    if problems:
        raise InvalidDataError(problems, f"{kind} record")
    result: Record = record
    return result


def unstructure(record: Record | Part) -> dict[str, Any]:
    """The JSON-ready dict of a record in canonical form: its fields in the model's order,
    less the optional ones that are null or empty. A part of a record (a :class:`Citation`,
    a :class:`Participant`...) gives its own dict; anything else raises ``TypeError``.

    >>> import rightsdata
    >>> unstructure(rightsdata.Citation(source="source:a", locator="p. 4"))
    {'source': 'source:a', 'locator': 'p. 4'}
    """
    if type(record) not in _MODEL_CLASSES:
        raise TypeError(_not_a_record(record))
    result: dict[str, Any] = converter.unstructure(record)
    return result


def _unknown(cls: type, name: str) -> str:
    """What a problem says of ``name``, no field of ``cls`` (a record's or a part's class):
    whose field it is, if another kind's or part's, first among its own (a record's among
    the record kinds, a part's among the parts: a participant's quote is a citation's),
    else among the others (a participant's kind is a field of events and other records);
    or the field it is spelled like."""
    holder = _NAMES.get(cls, "")
    if name == "date" and holder in _NO_DATE:
        return _NO_DATE[holder]
    known = [field.name for field in attrs.fields(cls)]
    if not holder:
        return unknown_field(name, known)
    own, other = (_FIELDS_OF_KIND, _FIELDS_OF_PART)
    if holder not in _FIELDS_OF_KIND:
        own, other = other, own
    having = own if any(name in fields for fields in own.values()) else other
    return unknown_field(name, known, having, holder)


#: The name of each part (its plural, as the kinds are named), to tell a field of one given
#: to another.
_PART_NAMES: Final[dict[type, str]] = {
    Citation: "citations",
    Inference: "inferences",
    Alias: "aliases",
    Identifier: "identifiers",
    Coordinates: "coordinates",
    Participant: "participants",
    Charge: "charges",
    Penalty: "penalties",
    Figure: "figures",
}
#: Each record kind's fields, to tell a field of one kind given to another.
_FIELDS_OF_KIND: Final = {
    kind: frozenset(field.name for field in attrs.fields(cls)) for kind, cls in RECORD_TYPES.items()
}
#: Each record kind's and each part's class by its name.
_NAMES: Final[dict[type, str]] = {cls: kind for kind, cls in RECORD_TYPES.items()} | _PART_NAMES
#: Each part's fields, by its name.
_FIELDS_OF_PART: Final = {
    name: frozenset(field.name for field in attrs.fields(cls)) for cls, name in _PART_NAMES.items()
}
#: What a part of an event is told of a date given to it: the event holds it (data-model.md:
#: an event is something that happened on a date, and its parts have none of their own).
_NO_DATE: Final = {
    holder: (
        f"unknown field: {noun} has no date: its event's date says when it happened, and what "
        "happened on another date is an event of its own, with its own date"
    )
    for holder, noun in (
        ("participants", "a participant"),
        ("charges", "a charge"),
        ("penalties", "a penalty"),
    )
}

#: What :func:`unstructure` takes: the classes themselves (they are final: not a subclass,
#: whose fields the model does not know).
_MODEL_CLASSES: Final = frozenset((*RECORD_CLASSES, *PARTS))


def _not_a_record(value: object) -> str:
    cls = type(value)
    records = ", ".join(c.__name__ for c in RECORD_CLASSES)
    parts = ", ".join(c.__name__ for c in PARTS)
    given = "None" if value is None else with_article(cls.__name__)
    message = f"unstructure takes a record ({records}) or a part of one ({parts}), not {given}"
    if cls.__name__ == "Dataset":
        from rightsdata._values.shell import python_call

        message += f" ({python_call('ds.to_dict()')} gives a dataset's records)"
    model = next((c for c in cls.__mro__[1:] if c in _MODEL_CLASSES), None)
    if model is not None:  # a subclass: its own fields are not in the model, nor the files
        message += (
            f" (a subclass of {model.__name__}; the record classes are final: "
            f"build {with_article(model.__name__)} itself)"
        )
    return message


def unstructure_many(records: Iterable[Record]) -> list[dict[str, Any]]:
    """The JSON-ready dicts of many records, in the order given."""
    return [converter.unstructure(r) for r in records]
