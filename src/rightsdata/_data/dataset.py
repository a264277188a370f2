"""The Dataset: every record of a dataset, immutable, with lookups.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds.name
'kazakhstan'
>>> ds.places["place:almaty"].name
'Almaty'
"""

from __future__ import annotations

import copy
import functools
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import UnionType
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Literal,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    overload,
)

from rightsdata._data.answers import DateLike, Figures, Related, SearchResults, answered_by
from rightsdata._data.collection import (
    Collection,
    EventCollection,
    QueryHandle,
    RatingCollection,
    StatementCollection,
    of_another_kind,
)
from rightsdata._data.registry import register
from rightsdata._model.records import (
    KINDS,
    RECORD_CLASSES,
    RECORD_TYPES,
    Event,
    Group,
    KindName,
    Law,
    Organization,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
)
from rightsdata._values.durations import Duration
from rightsdata._values.errors import (
    InvalidDataError,
    Problem,
    UnknownIdError,
    counted_kind,
    not_a_name,
    shown_repr,
    what_was_given,
    with_article,
)
from rightsdata._values.exitleave import RELEASED, keep_at_exit, release_at_exit
from rightsdata._values.flags import flag
from rightsdata._values.format import FormatVersion
from rightsdata._values.ids import KIND_OF_PREFIX, noun, prefix_of
from rightsdata._values.joined import all_of, one_of
from rightsdata._values.lazymodule import LazyModule
from rightsdata._values.names import FormatName, FormulaOption, TableName
from rightsdata._values.ownstate import own_attributes
from rightsdata._values.readonly import ReadOnlyMapping
from rightsdata._values.resources import BUNDLED_NAME
from rightsdata.vocab import (
    EventKind,
    EventKindValue,
    FigureUnit,
    FigureUnitValue,
    Measure,
    MeasureValue,
)

if TYPE_CHECKING:
    import pathlib

    import matplotlib.axes
    import pandas

    from rightsdata._data import query
    from rightsdata._display import display
    from rightsdata._tables import tables as table_defs
    from rightsdata._validation import bulkcheck, integrity
else:  # imported when used, or when typing.get_type_hints reads an annotation
    pathlib = LazyModule("pathlib")
    matplotlib = LazyModule("matplotlib")
    pandas = LazyModule("pandas")
    query = LazyModule("rightsdata._data.query")  # (with the indexes and search: 7.7 ms)
    display = LazyModule("rightsdata._display.display")  # (the notebook's cards)
    table_defs = LazyModule("rightsdata._tables.tables")  # (to_pandas' Table)
    bulkcheck = LazyModule("rightsdata._validation.bulkcheck")
    integrity = LazyModule("rightsdata._validation.integrity")

__all__ = ["Dataset", "base_of", "name_and_version", "with_base"]

R = TypeVar("R", bound=Record)
R2 = TypeVar("R2", bound=Record)
R3 = TypeVar("R3", bound=Record)
R4 = TypeVar("R4", bound=Record)
#: The key type of the records given to Dataset: a kind's name, as any str or Literal type
#: (``KindName``, or a part of it, as ``{k: ... for k in KINDS if k != "ratings"}`` makes).
_Kind = TypeVar("_Kind", bound=str)


class _Redirects(ReadOnlyMapping[str]):
    """:attr:`Dataset.redirects`: a key that is no ID (a list, a number) is told what the
    keys are, rather than Python's ``unhashable type`` or a bare ``KeyError``.

    >>> _Redirects({"org:a": "group:a"})[["org:a"]]  # type: ignore[index]
    Traceback (most recent call last):
    TypeError: redirects are keyed by retired IDs, each a str ('org:a'), not a list
    """

    __slots__ = ()

    def _key(self, key: object) -> str:
        if isinstance(key, str):
            return key
        example = next(iter(self._items), "org:old-id")
        raise TypeError(
            f"redirects are keyed by retired IDs, each a str ({example!r}), "
            f"not {what_was_given(key)}"
        )

    def __getitem__(self, key: str) -> str:
        return self._items[self._key(key)]

    def get(self, key: str, default: object = None, /) -> Any:
        return self._items.get(self._key(key), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._items  # (as a collection's `in`)


def name_and_version(dataset: Dataset) -> str:
    """How a message names a dataset: its name and version (``kazakhstan 3.4.0``), those it
    has; empty if it has neither.

    >>> import rightsdata
    >>> name_and_version(rightsdata.load()).startswith("kazakhstan ")
    True
    """
    return " ".join(filter(None, (dataset.name, dataset.version)))


def _setup(
    by_kind: Mapping[str, Sequence[Record]],
    redirects: Mapping[str, str],
    tables: Mapping[str, Mapping[str, Record]],
    gathered: Mapping[str, bulkcheck.Gathered],
) -> QueryHandle:
    """The dataset's lazily set-up queries: made from its records, not from the dataset
    (a partial of a module's function, so that a collection that holds them pickles).

    Loading a dataset never needs them, so neither they nor the index and search code
    are imported until a query is asked (see docs/performance.md on import cost).
    """
    return QueryHandle(functools.partial(_queries, by_kind, redirects, tables, gathered))


def _queries(
    by_kind: Mapping[str, Sequence[Record]],
    redirects: Mapping[str, str],
    tables: Mapping[str, Mapping[str, Record]],
    gathered: Mapping[str, bulkcheck.Gathered],
) -> query.Queries:
    from rightsdata._data.indexes import Indexes
    from rightsdata._data.query import Queries as Answering

    return Answering(Indexes(by_kind, gathered), redirects, tables)


def _checked_redirects(redirects: Mapping[str, str] | None) -> dict[str, str]:
    if redirects is None:
        return {}
    checked_redirects_mapping(redirects)
    for old, new in redirects.items():
        if not isinstance(old, str) or not isinstance(new, str):
            raise TypeError(
                f"redirects map IDs to IDs (str to str), not {shown_repr(old)} to {shown_repr(new)}"
            )
    return dict(redirects)


def checked_redirects_mapping(redirects: object) -> None:
    """TypeError unless ``redirects`` is a mapping (of retired IDs to the IDs that replace
    them, as :attr:`Dataset.redirects` is): for Dataset and
    :func:`~rightsdata.load_documents` alike; a list of pairs is told to make it one.

    >>> checked_redirects_mapping([("person:a", "person:b")])
    Traceback (most recent call last):
    TypeError: redirects must be a mapping of retired IDs to the IDs that replace them (as \
`ds.redirects` is), not a list; for a list of (old, new) pairs, pass `dict(pairs)`
    """
    if not isinstance(redirects, Mapping):
        from rightsdata._values.shell import python_call  # (a message's)

        pairs = isinstance(redirects, list | tuple)
        raise TypeError(
            "redirects must be a mapping of retired IDs to the IDs that replace them (as "
            f"{python_call('ds.redirects')} is), not {what_was_given(redirects)}"
            + (
                f"; for a list of (old, new) pairs, pass {python_call('dict(pairs)')}"
                if pairs
                else ""
            )
        )


def _checked_text(value: object, argument: str) -> None:
    """TypeError unless ``value``, the ``argument`` (``name``, ``version``) given to Dataset,
    is a str or None."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{argument} must be a str or None, not {what_was_given(value)}")


def checked_descriptor(descriptor: object) -> None:
    """TypeError unless ``descriptor`` is a mapping (what ``datapackage.json`` holds) or None:
    for Dataset and :func:`~rightsdata.load_documents` alike."""
    if descriptor is not None and not isinstance(descriptor, Mapping):
        raise TypeError(
            "descriptor must be a mapping (a data package descriptor, as datapackage.json "
            f"holds) or None, not {what_was_given(descriptor)}"
        )


def _package_problems(
    records: Mapping[str, Sequence[Record]],
    name: str | None,
    version: str | None,
    descriptor: Mapping[str, Any] | None,
) -> list[Problem]:
    """The problems of the ``name``, ``version`` and ``descriptor`` given to Dataset, each
    located by its argument (``name``, ``descriptor.licenses``); and of what in the
    ``records`` the format the descriptor declares cannot hold (``events[3] event:a.date``,
    a set under its ``rightsdata_format`` 1 or 2, a figure's ``of`` under 1 to 3: one without
    the key declares none), whose advice names the format the ``records`` need (over a base
    they are the records given: the base's are no part of what the descriptor declares).

    They are held to what ``datapackage.json`` may hold
    (:func:`~rightsdata._validation.descriptor.descriptor_problems`), as
    :func:`rightsdata.load_documents` holds them, so that whatever the dataset writes loads
    again; a name or version given is checked in place of the descriptor's, which every
    writer replaces with it.
    """
    named = {
        key: value for key, value in (("name", name), ("version", version)) if value is not None
    }
    if descriptor is None and not named:
        return []
    from rightsdata._validation.descriptor import declared_format, descriptor_problems
    from rightsdata._values.format import FORMAT, FORMAT_KEY, format_problems

    # (checked as a descriptor of these keys alone, located by the argument: ".name" -> "name")
    problems = (
        [
            Problem(problem.location[1:], problem.message, problem.code)
            for problem in descriptor_problems(named, "")
        ]
        if named
        else []
    )
    if descriptor is not None:
        own = {key: value for key, value in descriptor.items() if key not in named}
        found = descriptor_problems(own, "descriptor")
        problems += found
        # (a descriptor given in Python without the key declares nothing, as None does: only
        # a file's descriptor is format 1 without it, by the file format's contract)
        declared = declared_format(own) if FORMAT_KEY in own else None
        if declared is not None and declared < FORMAT:
            problems += format_problems(records, declared, "the descriptor given")
    return problems


def _named(
    name: str | None, version: str | None, descriptor: Mapping[str, Any] | None
) -> tuple[str | None, str | None, dict[str, Any] | None]:
    """The name, version and descriptor a dataset holds, given these (checked): one source
    of truth, so that what it says in memory is what its files say once written and read
    back. A ``name`` or ``version`` given wins, and is written into (a copy of) the
    descriptor, as every writer writes it; one not given is the descriptor's, as a load
    takes it from ``datapackage.json``.

    >>> _named(None, "2.0.0", {"name": "m", "version": "1.0.0"})
    ('m', '2.0.0', {'name': 'm', 'version': '2.0.0'})
    >>> _named("x", None, None)
    ('x', None, None)
    """
    if descriptor is None:
        return name, version, None
    held = copy.deepcopy(dict(descriptor))
    for key, given in (("name", name), ("version", version)):
        if given is not None:
            held[key] = given
    own_name, own_version = held.get("name"), held.get("version")
    return (
        own_name if isinstance(own_name, str) else None,
        own_version if isinstance(own_version, str) else None,
        held,
    )


def _of_their_kinds(records: Mapping[str, Sequence[Record]]) -> dict[str, tuple[Record, ...]]:
    """Each kind's records, as a tuple; TypeError naming every value that is not a record of
    its kind's class (``persons[3] event:a is an Event, not a Person``)."""
    found: dict[str, tuple[Record, ...]] = {}
    wrong: list[str] = []
    for kind, items in records.items():
        if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
            raise TypeError(
                "Dataset takes a sequence of records for each kind; "
                f"{kind!r} has {what_was_given(items)}"
            )
        found[kind] = tuple(items)
        cls = RECORD_TYPES[kind]
        if set(map(type, found[kind])) <= {cls}:
            continue
        for index, item in enumerate(found[kind]):
            if type(item) is not cls:
                # a record of another kind is named by its ID too, as a load names a record
                # (a record by its class's name, as the kind it is not: "an Event, not a Person")
                if type(item) in _RECORD_SET:
                    wrong.append(f"{kind}[{index}] {item.id} is {_a(type(item))}, not {_a(cls)}")
                else:
                    wrong.append(f"{kind}[{index}] is {what_was_given(item)}, not {_a(cls)}")
    if wrong:
        shown = wrong[:_SHOWN] + (
            [f"and {len(wrong) - _SHOWN} more"] if len(wrong) > _SHOWN else []
        )
        raise TypeError("Dataset got values not of their kind: " + "; ".join(shown))
    return found


_SHOWN = 10  # the misplaced records a TypeError names
#: (A set: ``type(value) in`` it is one hash where ``isinstance`` walks the tuple.)
_RECORD_SET: Final = frozenset(RECORD_CLASSES)


def _record_classes(kind: object) -> tuple[type[Record], ...]:
    """The record classes ``kind`` names (a record class, a union of them such as
    ``rightsdata.Record``, or a tuple of them as ``isinstance`` takes); TypeError, saying what
    ``Dataset.get`` takes, for anything else; ValueError for an empty tuple, which would take
    no record (as an empty collection given to a filter would keep none)."""
    if isinstance(kind, tuple) and kind:  # (Person, Organization): each a class or a union
        members = tuple(c for k in kind for c in _members(k))
    elif isinstance(kind, tuple):  # (empty)
        raise ValueError(
            "`Dataset.get(id, kind)`: an empty tuple of kinds would take no record; pass a "
            "record class, such as `rightsdata.Event`, or a tuple of some, such as "
            "`(Person, Organization)`, or leave kind out for any kind"
        )
    else:
        members = _members(kind)
    if all(map(_is_record_class, members)):
        return tuple(dict.fromkeys(members))
    takes = (
        "`Dataset.get(id, kind)` takes a record class as kind, such as `rightsdata.Event` (or "
        "a union or tuple of them, such as `rightsdata.Record` or `(Person, Organization)`), "
        "not "
    )
    if isinstance(kind, tuple):
        wrong = next((k for k in kind if not all(map(_is_record_class, _members(k)))), None)
        raise TypeError(f"{takes}a tuple holding {shown_repr(wrong)}")
    if isinstance(kind, str):
        from rightsdata._values.shell import python_call, python_literal

        kinds = python_call("rightsdata.KINDS")
        by_name = f"{python_call('ds.collection(kind)[id]')}, kind one of {kinds}"
        if kind in KINDS:
            by_name = python_call(f"ds.collection({python_literal(kind)})[id]")
        raise TypeError(
            f"{takes}the string {kind!r}; to look an ID up in a kind named by a string, "
            f"use {by_name}"
        )
    if isinstance(kind, type):
        raise TypeError(f"{takes}the class {kind.__name__}")
    if get_origin(kind) is not None:  # a type expression: typing.Optional[Person]
        raise TypeError(f"{takes}{kind!r}")
    raise TypeError(f"{takes}{what_was_given(kind)}")


class _AnyKind:
    """The default of :meth:`Dataset.get`'s ``kind``: none given, any kind. Not None, so that
    ``ds.get(id, None)``, a collection's ``get(id, default)`` carried over, is told apart."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<any kind>"


_ANY_KIND: Final = _AnyKind()


def _none_as_kind(record_id: object) -> str:
    """Why ``ds.get(record_id, None)`` is refused, and what gives a default instead."""
    from rightsdata._values.shell import python_call, python_literal

    kind = KIND_OF_PREFIX.get(prefix_of(record_id)) if isinstance(record_id, str) else None
    example = (
        f" ({python_call(f'ds.{kind}.get({python_literal(record_id)}, None)')})"
        if kind is not None and isinstance(record_id, str)
        else ""
    )
    return (
        "the second argument of `Dataset.get(id, kind)` is a record class (such as "
        f"`rightsdata.Person`), not None; for a default when no record has the ID, use "
        f"{python_call('ds.<kind>.get(id, default)')}{example}"
    )


def _is_record_class(member: object) -> bool:
    """Whether ``member`` is one of the record classes (False for anything else, a list
    too, which no set can be asked about)."""
    return isinstance(member, type) and member in _RECORD_SET


def _members(kind: object) -> tuple[Any, ...]:
    return get_args(kind) if get_origin(kind) in (Union, UnionType) else (kind,)


def _a(cls: type) -> str:
    """``an Event``, ``a Person``, ``an int``: a class's name with its article."""
    return with_article(cls.__name__)


def _kinds_of(records: object) -> Mapping[str, Sequence[Record]]:
    """``records``, given to Dataset, if it is a mapping whose keys are record kinds;
    TypeError for anything but a mapping, ValueError naming each key that is not a kind."""
    if not isinstance(records, Mapping):
        from rightsdata._values.shell import python_call

        such = python_call("Dataset({'persons': [person, ...], 'events': [event, ...]})")
        grouped = python_call(
            "{kind: [r for r in records if r.kind_name == kind] for kind in rightsdata.KINDS}"
        )
        raise TypeError(
            f"Dataset takes a mapping from each record kind to its records, such as {such} "
            f"(the kinds are {python_call('rightsdata.KINDS')}), not {what_was_given(records)}; "
            f"records in one list can be grouped with {grouped}"
        )
    unknown = set(records) - set(KINDS)
    if unknown:
        # (an empty name shown as '', not as nothing between the commas)
        names = sorted(k if isinstance(k, str) and k != "" else shown_repr(k) for k in unknown)
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        like = "".join(spelled_like(k, KINDS) for k in unknown) if len(unknown) == 1 else ""
        raise ValueError(
            f"unknown record kinds: {', '.join(names)}{like}; the kinds are {', '.join(KINDS)}"
        )
    return records


def with_base(
    base: integrity.Base, records: Mapping[str, Sequence[Record]], redirects: Mapping[str, str]
) -> tuple[dict[str, Sequence[Record]], dict[str, str]]:
    """The records and redirects of a dataset made over ``base`` of the given ``records`` and
    ``redirects`` (checked over it), by ``Dataset(records, base=...)`` and by a load over a
    base alike (``rightsdata._data.loading._merged``): each kind's records of the base, then
    the given ones (a kind of one side alone keeps its records as they are); the base's
    redirects, then the given ones.

    >>> import rightsdata
    >>> from rightsdata._data.dataset import base_of
    >>> bundled = rightsdata.load()
    >>> person = bundled.persons[0]
    >>> given = {"persons": [person]}
    >>> records, redirects = with_base(base_of(bundled), given, {"person:x": person.id})
    >>> len(records["persons"]) == len(bundled.persons) + 1
    True
    >>> records["events"] == bundled.events._records  # (a kind of the base alone, as it is)
    True
    >>> redirects == {**bundled.redirects, "person:x": person.id}
    True
    """
    both: dict[str, Sequence[Record]] = {}
    for kind in KINDS:
        theirs, mine = base.by_kind.get(kind, ()), records.get(kind, ())
        both[kind] = [*theirs, *mine] if theirs and mine else (mine or theirs)
    return both, {**base.redirects, **redirects}


def _checked_arguments(
    records: object, name: object, version: object, descriptor: object
) -> Mapping[str, Sequence[Record]]:
    """``records`` as given to Dataset, each of its kind's class, once the records, ``name``,
    ``version`` and ``descriptor`` are of the types Dataset takes (TypeError, ValueError for
    a key that is not a kind); what the values say is for :func:`_check`."""
    given = _of_their_kinds(_kinds_of(records))
    _checked_text(name, "name")
    _checked_text(version, "version")
    checked_descriptor(descriptor)
    return given


def _check(
    records: Mapping[str, Sequence[Record]],
    redirects: Mapping[str, str],
    name: str | None,
    version: str | None,
    descriptor: Mapping[str, Any] | None,
    base: integrity.Base | None = None,
    strict: bool = False,
) -> None:
    """Raise InvalidDataError listing every problem of what was given to Dataset: the
    ``name``, ``version`` and ``descriptor``'s (:func:`_package_problems`: the format the
    descriptor declares holds the records given, never a base's, as a load over a base holds
    its own files alone to theirs), then every
    integrity problem among the records built in Python, over the ``base`` if given (its
    records are not judged again: the rules judge what the given records make of it), then,
    if ``strict``, every strict problem among them, as the loaders find them
    (:func:`~rightsdata._validation.strict.check_strict`, imported only then)."""
    from rightsdata._validation.integrity import check_integrity

    problems = _package_problems(records, name, version, descriptor)
    if redirects:  # (each an ID, as load_documents holds its redirects)
        from rightsdata._data.redirectlist import redirect_form_problems

        problems += redirect_form_problems(redirects, "redirects")
    listed = {kind: list(items) for kind, items in records.items()}
    unjudged: set[str] = set()
    # located by kind: persons[1] person:a
    problems += check_integrity(listed, {}, redirects, base=base, unjudged=unjudged)
    if strict:  # (after the normal checks, as a load runs them)
        from rightsdata._validation.strict import check_strict

        problems += _version_problems(version, descriptor, problems)
        problems += check_strict(listed, {}, base, unjudged=unjudged)
    if problems:
        unchecked = tuple(kind for kind in KINDS if kind in unjudged)
        raise InvalidDataError(problems, f"the {_given(problems)} given to Dataset", unchecked)


def _version_problems(
    version: str | None, descriptor: Mapping[str, Any] | None, problems: Sequence[Problem]
) -> list[Problem]:
    """The strict problem of the version given to Dataset (``version``, else the
    ``descriptor``'s), located by its argument, if it is not a semantic version; none if the
    name, version or descriptor given has a problem in ``problems`` (as a load does not
    judge a descriptor with problems)."""
    if any(p.location.partition(".")[0] in _ARGUMENTS for p in problems):
        return []
    given = version if version is not None else (descriptor or {}).get("version")
    if type(given) is not str:
        return []
    from rightsdata._validation.strictversion import version_problems

    return version_problems(given, "version" if version is not None else "descriptor.version")


#: The arguments of Dataset besides the records, as a problem's location names each.
_ARGUMENTS: Final[tuple[str, ...]] = ("name", "version", "descriptor")


def _given(problems: Sequence[Problem]) -> str:
    """What ``problems`` are in, as an InvalidDataError names it: ``"records"``, ``"name and
    descriptor"``.

    >>> _given([Problem("descriptor.licenses", "x"), Problem("name", "x")])
    'name and descriptor'
    """
    found = {problem.location.partition(".")[0] for problem in problems}
    named = [argument for argument in _ARGUMENTS if argument in found]
    if found - set(_ARGUMENTS):
        named.insert(0, "records")
    return all_of(named)


def _unpickled(cls: type[Dataset], pickled_by: object) -> Dataset:
    """An empty dataset of class ``cls`` for a pickle to fill, if ``pickled_by`` is this
    version of rightsdata; else ``pickle.UnpicklingError`` (see :func:`_same_version`).

    Called by name by every pickle of a dataset (:meth:`Dataset.__reduce__`), before its
    records are read, so that a pickle from another version is refused with a message, not
    with an error in a record's class that changed: this name and signature must never change.
    """
    _same_version(pickled_by)
    return cls.__new__(cls)


def _same_version(pickled_by: object) -> None:
    """``pickle.UnpicklingError`` unless ``pickled_by``, the version of rightsdata a dataset
    was pickled by (None if the pickle did not record it), is this one: a pickle holds the
    records as this version's classes hold them, and another version's may differ."""
    from rightsdata._version import __version__

    if pickled_by == __version__:
        return
    import pickle

    from rightsdata._values.shell import python_call

    by = (
        f"rightsdata {pickled_by}"
        if isinstance(pickled_by, str)
        else "an earlier rightsdata, which did not record its version"
    )
    load_path, load = python_call("rightsdata.load_path(path)"), python_call("rightsdata.load()")
    export = python_call("ds.export(folder, 'json')")
    raise pickle.UnpicklingError(
        f"this Dataset was pickled by {by}, and this is rightsdata {__version__}: a pickle "
        "holds only within the version of rightsdata that made it. Read the dataset again "
        f"from its data files ({load_path}, or {load} for the bundled data) and pickle that; "
        f"to keep data, export it ({export})"
    )


class Dataset:
    """A whole dataset: one typed, immutable :class:`Collection` per record kind, and queries.

    Build one with :func:`rightsdata.load` (the bundled data) rather than by hand.
    ``records`` maps each kind (a name in ``rightsdata.KINDS``: ``"persons"``,
    ``"events"``...) to its records, each of that kind's class:
    ``Dataset({"persons": [person], "events": [event]})``. Anything other than such a mapping
    raises ``TypeError`` (which names every misplaced value by its kind and index, and the
    class found and expected), except a key that is not a kind, which raises ``ValueError``
    (a value outside ``rightsdata.KINDS``, as ``collection("people")`` does). Records given
    here are checked as a load checks them
    (``rightsdata._validation.integrity.check_integrity``:
    duplicate IDs, references to records that do not exist, redirects from an ID a record
    still has or to none), and :class:`~rightsdata.InvalidDataError` lists every problem.
    ``name``, ``version`` (each a str) and ``descriptor`` (a mapping, what ``datapackage.json``
    holds) are held to what ``datapackage.json`` may hold, as
    :func:`rightsdata.load_documents` holds them, so that whatever the dataset writes loads
    again: one of the wrong type raises ``TypeError``, and the same InvalidDataError lists
    their problems (``version: must not be empty``, ``descriptor.licenses: expected a list``,
    a format this library does not read), and each date that is a set where the descriptor
    declares a format without sets (``rightsdata_format`` 1 or 2). A descriptor given here
    without ``rightsdata_format`` declares no format, as ``descriptor=None`` does, and sets
    are taken (unlike a ``datapackage.json`` without the key, which is format 1 by the file
    format's contract); :attr:`format` is then the format the data needs.
    The dataset's :attr:`name` and :attr:`version` are one thing wherever they are read: a
    ``name`` or ``version`` given wins over the descriptor's and is written into the
    dataset's copy of the descriptor, as every writer writes it; one not given is the
    descriptor's, as a load takes them from ``datapackage.json``. So ``ds.name``,
    ``ds.descriptor["name"]``, ``ds.citation`` and the exported files agree, and an export
    read back is ``==`` the dataset. (The argument wins, rather than a difference being an
    error, so that a dataset made from another's records can take its descriptor under a
    new name or version: ``Dataset(records, descriptor=ds.descriptor, version="2.0.0")``.)
    The descriptor's ``sources`` are the source records' titles (and addresses), as every
    writer fills them in, followed by the descriptor's own entries that name none of them
    (by title or path): a source listed only in the descriptor (``{"title": "My fieldwork"}``)
    is kept, in the citation and in every export.
    ``redirects`` maps retired IDs (of merged or renamed records) to their new IDs; ``get``
    follows them.

    ``base`` is a dataset the records build on (``rightsdata.load()``, or any other), as for
    :func:`rightsdata.load_path`: the records may refer to the base's, and the result holds
    the records of both and the redirects of both, named, versioned and described as given
    (not as the base: a load over a base names its result by its own data). Only the records
    and redirects given are checked, over the base, by the rules the loaders apply over one
    (docs/loading.md, "Building on another dataset": an ID the base has or retired is a
    clash, a rating joins the base's sequences, its persons' births count), each problem
    located at the given record (``events[0] event:x.id``); the base's own records are not
    judged again, nor held to the format a given ``descriptor`` declares (as over a base a
    load holds only its own files to theirs: a base whose dates are sets does not make a
    descriptor declaring format 2 wrong; :attr:`format` then says the format all the records
    need). A ``base`` that is not a Dataset raises ``TypeError``.

    ``strict=True`` also runs the strict checks on the records given, as
    :func:`rightsdata.load_path` does (docs/loading.md, "Strict checks": a country code
    ISO 3166-1 does not assign, a rating of a city, the same participant twice), after the
    others: their problems, of code ``strict``, are in the same InvalidDataError, located at
    the record (``persons[0] person:x.country``). Over a base only the records given are
    judged. Without it none of them runs, nor is their module imported. It is a check only:
    the dataset keeps nothing of it (nor does its pickle).

    Queries are answered from indexes built on first use, once, thread-safely
    (see :mod:`rightsdata._data.indexes`); the dataset never changes, so they are never rebuilt.
    Their semantics are documented in docs/queries.md.

    A dataset pickles (for ``multiprocessing``, caches, within one version of rightsdata:
    a pickle from another version raises ``pickle.UnpicklingError``, naming both):
    the pickle holds its records, name, version, descriptor and redirects, and the attributes
    a subclass sets on its instances (their ``__dict__``). Unpickling does not
    check the records again (they were checked when the dataset was built, and only trusted
    pickles should be loaded at all, since unpickling can run any code); read data from
    elsewhere with :func:`rightsdata.load_path`.
    ``copy.copy`` and ``copy.deepcopy`` return the dataset itself: it is immutable.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
    >>> Dataset(kinds).counts() == ds.counts()
    True
    >>> Dataset({"persons": list(ds.places)[:1]})
    Traceback (most recent call last):
      ...
    TypeError: Dataset got values not of their kind: persons[0] place:aktau is a Place, not a Person

    An event about a person of the bundled dataset, built over it:

    >>> from rightsdata import EDTF, Citation, Event, Participant
    >>> from rightsdata.vocab import EventKind, Role
    >>> interview = Event(
    ...     id="event:interview", kind=EventKind.INTERVIEW, title="An interview",
    ...     date=EDTF("2016-05-01"), citations=(Citation(source="source:hrf-2012-12-14"),),
    ...     participants=(Participant(actor="person:vladimir-kozlov", role=Role.INTERVIEWEE),))
    >>> both = Dataset({"events": [interview]}, base=ds)
    >>> both.timeline("person:vladimir-kozlov")[-1].id, len(both) == len(ds) + 1
    ('event:interview', True)
    >>> Dataset({"events": [interview]})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    rightsdata.InvalidDataError: 2 problems in the records given to Dataset:
      events[0] event:interview.participants[0].actor: 'person:vladimir-kozlov' does not exist
    ...

    A country code no country has is refused only when asked:

    >>> from rightsdata import Person
    >>> person = Person(id="person:x", name="X", country="QQ",
    ...     citations=(Citation(source="source:hrf-2012-12-14"),))
    >>> len(Dataset({"persons": [person]}, base=ds)) == len(ds) + 1
    True
    >>> Dataset({"persons": [person]}, base=ds, strict=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    rightsdata.InvalidDataError: 1 problem in the records given to Dataset:
      persons[0] person:x.country: 'QQ' is not a country code ISO 3166-1 assigns ...
    """

    __slots__ = (
        "__weakref__",
        "_built_on",
        "_by_kind",
        "_collections",
        "_descriptor",
        "_name",
        "_queries",
        "_redirects",
        "_version",
    )

    def __init__(
        self,
        records: Mapping[_Kind, Sequence[Record]],
        *,
        name: str | None = None,
        version: str | None = None,
        descriptor: Mapping[str, Any] | None = None,
        redirects: Mapping[str, str] | None = None,
        base: Dataset | None = None,
        strict: bool = False,
    ) -> None:
        flag(strict, "strict")
        if base is None:
            # (a kind's name is a str, whatever Literal type the keys are given)
            by_name = cast("Mapping[str, Sequence[Record]]", records)
            self._build(by_name, name, version, descriptor, redirects, _strict=strict)
            return
        over = base_of(base)  # (TypeError for anything but a Dataset)
        given = _checked_arguments(records, name, version, descriptor)
        retiring = _checked_redirects(redirects)
        _check(given, retiring, name, version, descriptor, over, strict)
        both, redirected = with_base(over, given, retiring)
        self._build(both, name, version, descriptor, redirected, True, _built_on=over.built_on)

    @classmethod
    def _of_checked(
        cls,
        records: Mapping[str, Sequence[Record]],
        name: str | None,
        version: str | None,
        descriptor: Mapping[str, Any] | None,
        redirects: Mapping[str, str] | None,
        gathered: Mapping[str, bulkcheck.Gathered],
        ids: Mapping[str, list[str]],
        built_on: tuple[Mapping[str, str], ...] = (),
    ) -> Dataset:
        """A dataset of records a loader structured and checked (each of its kind's class, and
        whole: :func:`~rightsdata._validation.integrity.check_integrity` found no problem),
        with what its walks ``gathered`` for the queries and each kind's records' ``ids`` in
        their order: so nothing is checked or gathered twice; ``built_on``: what it cites the
        base it was loaded over by (:attr:`~rightsdata._validation.integrity.Base.built_on`)."""
        dataset = cls.__new__(cls)
        dataset._build(
            records, name, version, descriptor, redirects, True, gathered, ids, _built_on=built_on
        )
        return dataset

    def _build(
        self,
        records: Mapping[str, Sequence[Record]],
        name: str | None,
        version: str | None,
        descriptor: Mapping[str, Any] | None,
        redirects: Mapping[str, str] | None,
        _checked: bool = False,
        _gathered: Mapping[str, bulkcheck.Gathered] | None = None,
        _ids: Mapping[str, list[str]] | None = None,
        _strict: bool = False,
        _built_on: tuple[Mapping[str, str], ...] = (),
    ) -> None:
        if _checked:  # (a loader's records are of their kinds, as it structured them)
            records = _kinds_of(records)
        else:
            records = _checked_arguments(records, name, version, descriptor)
        self._redirects: dict[str, str] = _checked_redirects(redirects)
        by_kind: dict[str, tuple[Record, ...]] = {}
        tables: dict[str, dict[str, Record]] = {}
        collections: dict[str, Collection[Any]] = {}
        gathered: dict[str, bulkcheck.Gathered] = {}
        handle = self._queries = _setup(by_kind, self._redirects, tables, gathered)
        own = _ids or {}  # (a loader's: each kind's records' IDs, in their order)
        for kind in KINDS:
            items: Any = records.get(kind, ())  # each collection sorts its records by ID
            ids = own.get(kind)
            if kind == "events":
                collections[kind] = EventCollection(items, handle, self._redirects, _ids=ids)
            elif kind == "statements":
                collections[kind] = StatementCollection(items, handle, self._redirects, _ids=ids)
            elif kind == "ratings":
                collections[kind] = RatingCollection(items, handle, self._redirects, _ids=ids)
            else:
                collections[kind] = Collection(kind, items, self._redirects, _ids=ids, _ask=handle)
            by_kind[kind] = collections[kind]._records
            tables[kind] = collections[kind]._by_id
        self._collections = collections
        self._by_kind = by_kind
        for gathered_kind, found in (_gathered or {}).items():
            # (what a load gathered follows the records as read: kept if that is ID order)
            items = records.get(gathered_kind, ())
            if len(items) == len(by_kind[gathered_kind]) and by_kind[gathered_kind] == tuple(items):
                gathered[gathered_kind] = found
        if not _checked:  # the loaders check what they pass before building (and say so)
            _check(records, self._redirects, name, version, descriptor, strict=_strict)
        self._name, self._version, self._descriptor = _named(name, version, descriptor)
        # (what the citation names the base by: the descriptor stays the data's own)
        self._built_on = _built_on
        register(self)  # so that the records' notebook cards can name the records they cite
        release_at_exit(self, sum(map(len, by_kind.values())))  # (_values.exitleave)

    def _release(self) -> None:
        """Let go of the records and the indexes (at the interpreter's exit:
        :mod:`rightsdata._values.exitleave`); every later use raises RuntimeError."""
        for collection in self._collections.values():
            collection._release()
        self._collections = self._by_kind = self._queries = RELEASED

    def _answers(self) -> query.Queries:
        """The queries over this dataset's indexes, set up on first use."""
        return self._queries()

    # --- at the interpreter's exit ----------------------------------------------------------

    def keep_at_exit(self) -> None:
        """Keep this dataset usable until the process ends: rightsdata's exit hook will not
        release it.

        That hook releases every dataset of 10,000 records or more still alive at the
        interpreter's exit (its records freed at once, every later use a ``RuntimeError``),
        which spares the exit the collector's walks over them (2.3 s at 100,000 events
        without it, 0.26 s with it). It runs after the exit hooks registered after
        ``import rightsdata`` and before those registered earlier: code that uses the
        dataset later (an exit hook registered before rightsdata was imported, as by a
        library that imports it lazily, a finaliser, a daemon thread, a ``logging`` handler)
        calls this once the dataset is loaded. The exit then costs what it would without the
        hook; a dataset loaded with ``freeze=True`` is still left to the system, its cost
        unchanged. ``RIGHTSDATA_RELEASE_AT_EXIT=0`` in the environment keeps every dataset
        so (docs/loading.md, At the interpreter's exit). Keeping is this object's: a dataset
        unpickled from it (in another process, or from a cache) is kept only if it is asked
        to be there too (``copy.copy(ds)`` is ``ds`` itself).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> ds.keep_at_exit()
        >>> len(ds.events) > 0
        True
        """
        keep_at_exit(self)

    # --- identity -------------------------------------------------------------------------

    @property
    def name(self) -> str | None:
        """The dataset's name (``'kazakhstan'``): the one given to :class:`Dataset`, else its
        descriptor's (``datapackage.json``'s); None if it has none."""
        return self._name

    @property
    def version(self) -> str | None:
        """The data version (semantic versioning for data): the one given to
        :class:`Dataset`, else its descriptor's (``datapackage.json``'s); None if it has none."""
        return self._version

    @property
    def descriptor(self) -> dict[str, Any] | None:
        """A copy of the data package descriptor (``datapackage.json``, or the one a JSON Lines
        file or JSON document carries), if the dataset has one."""
        return copy.deepcopy(self._descriptor)

    @property
    def format(self) -> FormatVersion:
        """The version of the file format the dataset is in (docs/concepts.md, "A format that
        can grow"): the format its descriptor declares (``rightsdata_format``); where it
        declares none (no descriptor, or one given in Python without the key), the lowest
        format that can hold all its records (``_values.format.needed_format``): 4 if a
        figure says what it counts (``of``), 3 if a date is a set, else 1, since every format
        reads such records (a term or a record kind a later format added needs that format:
        none has been added yet). A declared format holds the records it was declared with: a
        dataset declaring 1 or 2 that holds a set, or 1 to 3 that holds a figure's ``of``, is
        refused. Over a base those are its own records (its files', or those given), never
        the base's, which loaded in a format of their own: where they need a newer format
        than the one declared, the dataset, which holds them too, says that one (a folder
        declaring format 2 over the bundled data is format 4). A folder whose
        ``datapackage.json`` has no ``rightsdata_format`` is format 1, as the file format says.

        It is the format of the data, not of a file written from it, so an export read back
        may say a newer one: each export declares the format of the files it writes
        (``_values.format.lowest_format``, the same rule but at least 2, since the writers
        leave empty fields out, which format 1 does not allow; and at least 3 for a JSON
        Lines file or JSON document carrying a descriptor, which older readers refuse),
        whatever this says.

        >>> import rightsdata
        >>> rightsdata.load().format   # some of its figures say what they count (of)
        4
        >>> ds = rightsdata.load()
        >>> kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
        >>> Dataset(kinds, descriptor={"title": "Mine"}).format   # declares none
        4
        >>> Dataset({}).format, Dataset({}, descriptor={"rightsdata_format": 2}).format
        (1, 2)
        >>> Dataset({}, base=ds, descriptor={"rightsdata_format": 2}).format  # the base's of
        4
        """
        from rightsdata._values.format import FORMAT, FORMAT_KEY, format_of, needed_format

        if self._descriptor is not None and FORMAT_KEY in self._descriptor:
            # (a format this rightsdata reads: the descriptor was checked when the dataset was
            # made, and one declaring another refused)
            declared = cast("FormatVersion", format_of(self._descriptor))
            if declared == FORMAT:
                return declared
            # (the declared format holds the records it came with; over a base, the base's
            # may need a newer one, and the dataset holds them too)
            return max(declared, needed_format(self._by_kind))
        return needed_format(self._by_kind)

    @property
    def citation(self) -> str:
        """How to cite the dataset: the contributors, title and licence its descriptor gives,
        its :attr:`name` and :attr:`version`, and the titles of its sources (the records);
        and what to add to the descriptor where something is missing. It is built from the
        descriptor the dataset's files are written with, so it is the same before and after
        the dataset is exported and read back.

        >>> import rightsdata
        >>> print(rightsdata.load().citation)  # doctest: +ELLIPSIS
        rightsdata developers. Human-rights documentation: Kazakhstan, 2011 to 2022 (dataset \
kazakhstan), version ... Licence: CC-BY-4.0 (Creative Commons Attribution 4.0). Sources: ...
        """
        from rightsdata._data.citation import citation_text
        from rightsdata._data.packagemeta import package_metadata

        return citation_text(package_metadata(self))

    # --- collections ----------------------------------------------------------------------

    @property
    def sources(self) -> Collection[Source]:
        """The sources every fact is drawn from."""
        return self._collections["sources"]

    @property
    def persons(self) -> Collection[Person]:
        """The people."""
        return self._collections["persons"]

    @property
    def organizations(self) -> Collection[Organization]:
        """The organisations."""
        return self._collections["organizations"]

    @property
    def groups(self) -> Collection[Group]:
        """The groups: collective and unnamed actors ("37 oil workers", "the authorities")."""
        return self._collections["groups"]

    @property
    def places(self) -> Collection[Place]:
        """The places."""
        return self._collections["places"]

    @property
    def laws(self) -> Collection[Law]:
        """The legal provisions."""
        return self._collections["laws"]

    @property
    def events(self) -> EventCollection:
        """The events; call it to filter them: ``ds.events(kind=, between=, involving=,
        place=, role=, certain=)`` (see :meth:`EventCollection.__call__
        <rightsdata.EventCollection.__call__>`)."""
        events: EventCollection = self._collections["events"]  # type: ignore[assignment]
        return events

    @property
    def relationships(self) -> Collection[Relationship]:
        """The relationships between actors."""
        return self._collections["relationships"]

    @property
    def statements(self) -> StatementCollection:
        """The statements; call it to filter them: ``ds.statements(speaker=, about=,
        addressed_to=, between=, kind=, certain=)`` (see :meth:`StatementCollection.__call__
        <rightsdata.StatementCollection.__call__>`)."""
        statements: StatementCollection = self._collections["statements"]  # type: ignore[assignment]
        return statements

    @property
    def ratings(self) -> RatingCollection:
        """The civic-space ratings; call it for them in date order: ``ds.ratings(country=)``."""
        ratings: RatingCollection = self._collections["ratings"]  # type: ignore[assignment]
        return ratings

    @property
    def redirects(self) -> Mapping[str, str]:
        """Retired IDs and the IDs that replaced them (read-only).

        >>> import rightsdata
        >>> redirects = rightsdata.load().redirects
        >>> len(redirects), redirects["org:kazakhstan-authorities"]
        (5, 'group:kazakhstan-authorities')
        """
        return _Redirects(self._redirects)

    @overload
    def collection(self, kind: Literal["sources"]) -> Collection[Source]: ...
    @overload
    def collection(self, kind: Literal["persons"]) -> Collection[Person]: ...
    @overload
    def collection(self, kind: Literal["organizations"]) -> Collection[Organization]: ...
    @overload
    def collection(self, kind: Literal["groups"]) -> Collection[Group]: ...
    @overload
    def collection(self, kind: Literal["places"]) -> Collection[Place]: ...
    @overload
    def collection(self, kind: Literal["laws"]) -> Collection[Law]: ...
    @overload
    def collection(self, kind: Literal["events"]) -> EventCollection: ...
    @overload
    def collection(self, kind: Literal["relationships"]) -> Collection[Relationship]: ...
    @overload
    def collection(self, kind: Literal["statements"]) -> StatementCollection: ...
    @overload
    def collection(self, kind: Literal["ratings"]) -> RatingCollection: ...
    @overload
    def collection(self, kind: KindName) -> Collection[Record]: ...
    def collection(self, kind: str) -> Collection[Any]:
        """The collection of a kind named as in the files (``'events'``): ``ds.events`` is
        ``ds.collection("events")``, and type checkers know it is an :class:`EventCollection`
        (a kind only known to be a :data:`~rightsdata.KindName`, such as one of
        ``rightsdata.KINDS``, gives a ``Collection[Record]``; a misspelt one is an error).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> ds.collection("persons")["person:vladimir-kozlov"].name
        'Vladimir Kozlov'
        """
        wrong = not_a_name(kind, "a record kind", "events", its="kind_name")
        if wrong is not None:  # (a class, a list: not hashed, never pasted whole)
            raise TypeError(wrong)
        try:
            return self._collections[kind]
        except KeyError:
            from rightsdata._values.spelling import spelled_like  # (only when wrong)

            raise ValueError(
                f"unknown record kind {kind!r}{spelled_like(kind, KINDS)}; expected one of "
                f"{', '.join(KINDS)}"
            ) from None

    # --- lookups --------------------------------------------------------------------------

    @overload
    def get(self, record_id: str) -> Record: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R: ...
    @overload
    def get(self, record_id: str, kind: tuple[type[R]]) -> R: ...
    @overload
    def get(self, record_id: str, kind: tuple[type[R], type[R2]]) -> R | R2: ...
    @overload
    def get(self, record_id: str, kind: tuple[type[R], type[R2], type[R3]]) -> R | R2 | R3: ...
    @overload
    def get(
        self, record_id: str, kind: tuple[type[R], type[R2], type[R3], type[R4]]
    ) -> R | R2 | R3 | R4: ...
    @overload
    def get(self, record_id: str, kind: tuple[type[Record], ...]) -> Record: ...
    @overload
    def get(self, record_id: str, kind: UnionType) -> Record: ...
    def get(
        self,
        record_id: str,
        kind: object = _ANY_KIND,
    ) -> Any:
        """Any record by ID; raises :class:`~rightsdata.UnknownIdError` (a KeyError) if none,
        whose hint names the records of this dataset meant (by name too: ``ds.get("Vladimir
        Kozlov")`` is told ``did you mean 'person:vladimir-kozlov'?``; a country's code, its
        place), as every lookup of an ID words it (docs/queries.md).

        A retired ID is followed through :attr:`redirects`, however long the chain (every
        chain ends at a record: a dataset whose redirects form a cycle or lead to no record
        cannot be built or loaded). With ``kind`` (a record class such as
        :class:`~rightsdata.Event`), the ID is looked up as that kind's collection looks it
        up (``ds.get(id, Event)`` is ``ds.events[id]``), and type checkers know the record's
        class:
        ``ds.get(id, Event).penalty`` checks. ``kind`` may also be a tuple of record classes,
        as ``isinstance`` takes: ``ds.get(id, (Person, Organization))`` is typed
        ``Person | Organization`` (for two to four classes), so ``.name`` checks. A union
        (``Person | Organization``, ``rightsdata.Record``) works too, but type checkers see
        only ``Record`` through it. Anything else raises TypeError, None too: the second
        argument is not a default, as a collection's ``get(id, default)`` is (for that, use
        ``ds.persons.get(id, None)``). For a kind named by a string (``"events"``), use
        :meth:`collection`. An empty tuple, which would take no record, raises ValueError.

        >>> import rightsdata
        >>> from rightsdata import Event, Organization
        >>> ds = rightsdata.load()
        >>> ds.get("person:vladimir-kozlov").label  # (any record has a label)
        'Vladimir Kozlov'
        >>> ds.get("event:kozlov-verdict-2012-10-08", Event).penalty
        Penalty(kind=<PenaltyKind.IMPRISONMENT: 'imprisonment'>, term=Duration(years=7, months=6))
        >>> from rightsdata import Person
        >>> ds.get("org:human-rights-foundation", (Person, Organization)).name
        'Human Rights Foundation'
        >>> ds.get("org:kazakhstan-authorities", Organization)
        Traceback (most recent call last):
          ...
        rightsdata.UnknownIdError: no organisation has the id 'org:kazakhstan-authorities'; \
it redirects to 'group:kazakhstan-authorities', the ID of a group
        """
        if kind is _ANY_KIND:
            return self._answers().get(record_id)
        if kind is None:
            raise TypeError(_none_as_kind(record_id))
        classes = _record_classes(kind)
        if not isinstance(record_id, str):
            raise TypeError(f"a record ID is a string, not {what_was_given(record_id)}")
        if len(classes) == 1:
            return self._collections[classes[0].kind_name]._lookup(record_id)
        what = one_of(noun(cls.kind_name) for cls in classes)
        try:
            record = self._answers().get(record_id, classes)
        except UnknownIdError as missing:  # (said of the kinds asked for, its hint kept)
            missing.what = what
            raise
        if not isinstance(record, classes):
            raise UnknownIdError(record_id, of_another_kind(record_id, record.id), what)
        return record

    def country(self, code: str) -> Place:
        """The country place (``kind`` country) with an ISO 3166-1 alpha-2 code.

        The other way, a place's ``country`` is the code of the country it is in (its own,
        for a country). Wherever a query expects a country or place (``rating_on``,
        ``ratings(country=)``, ``events(place=)``), the code may stand for the place.
        An unknown code raises :class:`~rightsdata.UnknownIdError`.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> ds.country("KZ").id, ds.places["place:almaty"].country
        ('place:kazakhstan', 'KZ')
        """
        if not isinstance(code, str):
            raise TypeError(f"a country code is a string, not {what_was_given(code)}")
        return self._answers().country(code)

    # --- queries --------------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        limit: int | None = 20,
        kinds: KindName | Iterable[KindName] | None = None,
    ) -> SearchResults:
        """Records whose names or texts match ``text``, best first: a list, whose
        ``truncated`` says whether ``limit`` left some out (:class:`~rightsdata.SearchResults`).

        Names are the name and aliases of a person, organisation, group or place, and a
        law's "<instrument> article <n> [part <m>]"; the texts are an event's or a source's
        title, and an event's summary, a statement's summary and quote, a source's note and
        a law's title. Matching ignores case, accents and script (Russian and Kazakh
        Cyrillic are transliterated to Latin). Every record found by a name comes before
        those found by a text only; within each, records rank by their best-matching text:
        exact, then every query word a word of the text, then every query word a word or
        the start of one, then close spellings (not of summaries); within a tier by field,
        then the shorter text first (where the query stands in it does not count); see
        docs/queries.md and :mod:`rightsdata._data.search`.
        ``limit``: at most this many, a whole number above 0 (None for all; 0 or less raises
        ValueError, and a value that is not an int TypeError); ``kinds``: only these kinds
        (``["persons"]``, or one as a string); an empty collection raises ValueError, as
        every filter of several values does (docs/queries.md).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> [r.id for r in ds.search("KOZLOV", limit=2)]
        ['person:vladimir-kozlov', 'person:kozlov-parole-judge']
        >>> [r.id for r in ds.search("Казахстан", limit=1)], ds.search("HRF")[0].label
        (['place:kazakhstan'], 'Human Rights Foundation')
        >>> [r.id for r in ds.search("criminal code 164")]
        ['law:kz-cc-1997-164']
        >>> ds.search("KOZLOV", limit=2).truncated     # more match: limit=None gives them all
        True
        """
        return self._answers().search(text, limit, kinds)

    def timeline(self, actor: str | Record) -> list[Event]:
        """The events an actor (a person, organisation or group, by ID or record) took part
        in, or those at a place.

        Taking part is being a participant (any role) or being charged: the same as
        ``events(involving=actor)``. For a place (a country's ISO code, ``"KZ"``, stands for
        its place) the events at it or at a place within it: ``events(place=...)``, as the
        command line's ``timeline`` and :meth:`plot_timeline` take it. In date order, as
        for :meth:`events <rightsdata.EventCollection.__call__>`: a chronology,
        by the last day each date could denote (:func:`rightsdata.chronological_key`), so
        that a year sorts after the days within it, and a span or a set (some day of a range)
        before what happened on its last day; undated events last, ties by ID. An unknown ID
        raises :class:`~rightsdata.UnknownIdError`.

        The parameter is ``actor`` for a place too (``timeline(actor="place:aktau")``): it
        keeps the name it had when it took actors only, so that calls by keyword still work.

        >>> import rightsdata
        >>> [(str(e.date), e.kind.value)
        ...  for e in rightsdata.load().timeline("person:vladimir-kozlov")][:4]
        [('2012-01-26', 'detention'), ('[2012-01-26..2012-10-08]', 'charge'), \
('/2012-10-08', 'trial'), ('2012-10-08', 'verdict')]
        >>> [e.id for e in rightsdata.load().timeline("place:aktau")]
        ['event:kozlov-trial-2012', 'event:kozlov-verdict-2012-10-08']
        """
        return self._answers().timeline(actor)

    def figures(
        self,
        record: str | Record,
        measure: Measure | MeasureValue | None = None,
        unit: FigureUnit | FigureUnitValue | None = None,
        per: Duration | str | Literal[False] | None = None,
        of: str | Literal[False] | None = None,
    ) -> Figures:
        """Every claim (figure) on a record, with who asserted it and where, as :class:`Figures`.

        ``record`` (an ID or a record) is any record that holds figures: an event, a source,
        an organisation, a group, a place, a statement or a rating.
        ``measure`` (a :class:`~rightsdata.vocab.Measure` or its string) keeps one measure,
        ``unit`` (a :class:`~rightsdata.vocab.FigureUnit` or its string) one unit, ``per`` (a
        :class:`~rightsdata.Duration` or its text, ``"P7D"``) the rates over one period,
        ``per=False`` the figures that are not rates, ``of`` (a text) the figures that say
        they count that (their ``of``: ``"police officers"``, as written), and ``of=False``
        those that do not say. The result
        is a sequence of the figures (in the record's order) with ``.range``, ``.open_above``,
        ``.open_below`` and ``.disagree``, which summarise them without hiding a disagreement
        (see :class:`~rightsdata.Figures`).

        >>> import rightsdata
        >>> killed = rightsdata.load().figures("event:zhanaozen-massacre-2011", measure="killed")
        >>> len(killed), killed.range, killed.disagree
        (3, (15, 17), True)
        >>> [c.source for c in killed[2].citations], killed[2].asserted_by
        (['source:civicus-kazakhstan-country-page'], 'group:kazakhstan-authorities')
        """
        answer = self._answers().figures(record, measure, unit, per, of)
        return answered_by(answer, self)  # (its card names the record from here)

    def rating_on(self, country: str | Record, date: DateLike) -> Rating | None:
        """The rating of ``country`` (a place ID or record, or its ISO code such as ``'KZ'``)
        in force on a day: the latest of those certainly given by that day; None if none.

        "Certainly given" is that the last possible day of ``as_of`` (:attr:`EDTF.latest
        <rightsdata.EDTF.latest>`) is on or before the day: a rating of ``2022`` counts from
        31 December 2022, since it may have been given on any day of that year. An ``as_of``
        with no last possible day (an open or unknown end, ``2019/..``) counts from its
        first possible day, as nothing later is known. "Latest" is the last in date order
        (:meth:`EDTF.sort_key <rightsdata.EDTF.sort_key>`; ratings of one date in the order
        their ``previous`` levels tell, then by ID) among those. ``date``
        is one day: a :class:`datetime.date` (not a datetime: TypeError), or an EDTF day
        or its text; a month or year raises ValueError, since it does not say which day. A
        place of a kind no rating rates (a city: its ratings are its country's) raises
        ValueError naming the country it lies within.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> ds.rating_on("place:kazakhstan", "2019-09-01") is None  # as of [2019-09..2019-10]
        True
        >>> rating = ds.rating_on("place:kazakhstan", "2019-10-31")
        >>> rating.id if rating else None
        'rating:civicus-kazakhstan-2019-watchlist'
        >>> ratings = [ds.rating_on("KZ", day) for day in ("2022-06-01", "2023-01-01")]
        >>> [rating.level.value for rating in ratings if rating]
        ['obstructed', 'repressed']
        """
        return self._answers().rating_on(country, date)

    def cited_by(self, source: str | Record) -> list[Record]:
        """Every record citing a source, on the record or in a figure's citations.

        In kind order (:data:`~rightsdata.KINDS`: sources, persons, organisations, ...), then
        by ID.

        >>> import rightsdata
        >>> cited = rightsdata.load().cited_by("source:hrf-2012-12-14")
        >>> "person:vladimir-kozlov" in [r.id for r in cited]
        True
        >>> [r.id for r in cited if r.id.startswith("rating:")]
        []
        """
        return self._answers().cited_by(source)

    def related(self, record: str | Record) -> Related:
        """The relationships, events, statements and ratings that name a record.

        See :class:`~rightsdata.Related` for what naming is (subject or object,
        participant, accused, place of an event, speaker, addressee, what a statement is
        about, a rating's country, ...), and for the order (each by date, undated last). A
        country's ISO code stands for its place (``related("KZ")``), as in the other queries
        that take a place.

        >>> import rightsdata
        >>> related = rightsdata.load().related("person:vladimir-kozlov")
        >>> related.events == tuple(rightsdata.load().timeline("person:vladimir-kozlov"))
        True
        >>> [r.id for r in rightsdata.load().related("place:kazakhstan").ratings][:1]
        ['rating:civicus-kazakhstan-2019-watchlist']
        """
        return answered_by(self._answers().related(record), self)  # (for its card)

    def __iter__(self) -> Iterator[Record]:
        """Every record, kind by kind (in :data:`~rightsdata.KINDS` order), by ID.

        >>> import rightsdata
        >>> [record.id for record in rightsdata.load()][:1]
        ['source:civicus-kazakhstan-country-page']
        """
        for collection in self._collections.values():
            yield from collection

    def __contains__(self, item: object) -> bool:
        """Whether the dataset has a record: ``x in ds`` takes an ID or a record, and asks
        each kind's collection (``x in ds.persons``, ...) whether it has it.

        An ID is a current one: a retired ID (in :attr:`redirects`) is not in the dataset,
        though ``ds.get`` follows it. A record is in the dataset if the dataset has a record
        of that ID equal to it. Any other value is not in it (False, as for a collection).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> "person:vladimir-kozlov" in ds, ds.persons[0] in ds, "person:nobody" in ds
        (True, True, False)
        >>> "org:kazakhstan-authorities" in ds, 42 in ds
        (False, False)
        """
        # (an ID's prefix names the one collection that can hold it: no other is asked)
        record_id = item if isinstance(item, str) else getattr(item, "id", None)
        if not isinstance(record_id, str):
            return False
        collection = self._collections.get(KIND_OF_PREFIX.get(prefix_of(record_id), ""))
        return collection is not None and item in collection

    def __len__(self) -> int:
        """How many records, of every kind (:meth:`counts` gives them by kind).

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> len(ds) == sum(ds.counts().values()) == len(list(ds))
        True
        """
        return sum(len(c) for c in self._collections.values())

    def counts(self) -> dict[str, int]:
        """How many records of each kind.

        >>> import rightsdata
        >>> rightsdata.load().counts()["sources"]
        5
        """
        return {kind: len(c) for kind, c in self._collections.items()}

    # --- export ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Every record as JSON-ready dicts, kind by kind, sorted by ID: the files' content.

        The records alone (what :func:`rightsdata.load_documents` takes): not the name,
        version, descriptor or redirects. ``ds.export(folder, "document")`` writes them all
        as one JSON document that :func:`rightsdata.load_path` reads back.

        >>> import json, rightsdata
        >>> data = rightsdata.load().to_dict()
        >>> sorted(data) == sorted(rightsdata.KINDS)
        True
        """
        from rightsdata._validation.convert import unstructure_many  # cattrs only when exporting

        return {kind: unstructure_many(c) for kind, c in self._collections.items()}

    def __eq__(self, other: object) -> bool:
        """Whether both have equal records, name, version and redirects; the descriptor is
        not compared. A dataset is not hashable.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
        >>> same = rightsdata.Dataset(kinds, name=ds.name, version=ds.version,
        ...                           redirects=ds.redirects)
        >>> same == ds, rightsdata.Dataset(kinds) == ds
        (True, False)
        """
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self._name, self._version, self._redirects, self._collections) == (
            other._name,
            other._version,
            other._redirects,
            other._collections,
        )

    __hash__ = None  # type: ignore[assignment]

    # --- pickling and copying -------------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        """How a dataset pickles: :func:`_unpickled` with its class and the version of
        rightsdata that pickles it, which refuses another version before anything else of the
        pickle is read, then :meth:`__getstate__`'s state."""
        from rightsdata._version import __version__

        return (_unpickled, (type(self), __version__), self.__getstate__())

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle holds: the records of each kind (in ID order), the name, version,
        descriptor and redirects, and a subclass's own attributes (those in its instance
        ``__dict__`` and in the ``__slots__`` it declares, a slot never set left out: Dataset
        has neither); not the indexes, which the copy builds on its first query. And
        the version of rightsdata that pickled it (``"rightsdata"``): a pickle holds within one
        version, and unpickling it in another raises ``pickle.UnpicklingError`` saying which
        two, before any record is read (see :func:`_unpickled`); read the data files again.

        Unpickling rebuilds the dataset from them without checking the records again: they
        were checked when this dataset was built, and a pickle is trusted input by nature
        (unpickling data from elsewhere can run any code, so a check would guard nothing; to
        take data from elsewhere, read it as JSON with :func:`rightsdata.load_path`). So a
        pickle suits copies between processes (``multiprocessing``, caches) and costs no
        integrity check; the copy compares equal to the dataset and answers the same queries.

        >>> import pickle, rightsdata
        >>> ds = rightsdata.load()
        >>> again = pickle.loads(pickle.dumps(ds))
        >>> again == ds, again.version == ds.version, again.get("place:almaty").name
        (True, True, 'Almaty')
        """
        from rightsdata._version import __version__

        state: dict[str, Any] = {
            "rightsdata": __version__,
            "records": {kind: records for kind, records in self._by_kind.items() if records},
            "name": self._name,
            "version": self._version,
            "descriptor": self._descriptor,
            "redirects": self._redirects,
        }
        if self._built_on:  # (the base its citation names)
            state["built_on"] = self._built_on
        own = own_attributes(self, Dataset)  # (a subclass's: `self.tag = ...`, its slots)
        if own:
            state["attributes"] = own
        return state

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        _same_version(state.get("rightsdata"))  # (a pickle made before the version was kept)
        self._build(
            state["records"],
            state["name"],
            state["version"],
            state["descriptor"],
            state["redirects"],
            True,  # (checked when the pickled dataset was built: see __getstate__)
            _built_on=tuple(state.get("built_on", ())),
        )
        for name, value in state.get("attributes", {}).items():
            object.__setattr__(self, name, value)  # (past a subclass's own __setattr__)

    def __copy__(self) -> Dataset:
        """The dataset itself: it is immutable (``copy.copy(ds) is ds``)."""
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        """The dataset itself: it is immutable, and so are its records
        (``copy.deepcopy(ds) is ds``)."""
        return self

    # --- for notebooks and other tools (each imports its heavy dependency when called) -------

    @overload
    def to_pandas(self, table: table_defs.Table | TableName) -> pandas.DataFrame: ...
    @overload
    def to_pandas(self, table: None = None) -> dict[str, pandas.DataFrame]: ...
    def to_pandas(
        self, table: table_defs.Table | TableName | None = None
    ) -> pandas.DataFrame | dict[str, Any]:
        """One table of the dataset as a pandas DataFrame (needs ``rightsdata[pandas]``);
        with no table, every table, by name.

        ``table`` is a kind (``"events"``: one row per record) or a nested part
        (``"events.participants"``: a long table keyed by the record's ID), or the
        :class:`rightsdata.tables.Table` of one (``TABLES["events"]``, as ``rows`` takes). The
        tables, their columns and types are documented in docs/pandas.md. A misspelt name
        raises ValueError; a value that is neither text nor a table, TypeError.

        >>> import rightsdata
        >>> rightsdata.load().to_pandas("persons").loc["person:vladimir-kozlov", "name"]
        'Vladimir Kozlov'
        >>> every = rightsdata.load().to_pandas()
        >>> len(every["events"]) == len(rightsdata.load().events)
        True
        """
        from rightsdata._tables.frames import to_pandas, to_pandas_all
        from rightsdata._tables.tables import Table

        if table is None:
            return to_pandas_all(self)
        if not isinstance(table, str | Table):
            also = "a `rightsdata.tables.Table`, or None for every table"
            raise TypeError(not_a_name(table, "a table's name", "events", also, its="name"))
        return to_pandas(self, table)

    def export(
        self,
        directory: str | os.PathLike[str],
        format: FormatName = "json",
        *,
        csv_formulas: FormulaOption = "escape",
        force: bool = False,
    ) -> list[pathlib.Path]:
        """Write the dataset to ``directory`` in ``format``; return the files written.

        Formats (``rightsdata.tables.FORMATS``): ``json`` (one file per kind, canonical),
        ``jsonl`` (``records.jsonl``), ``document`` (``dataset.json``, one JSON document),
        ``csv``, ``datapackage`` (a Frictionless Data Package of CSV tables) and ``parquet``
        (needs ``rightsdata[arrow]``). ``csv_formulas`` says what a CSV cell that a
        spreadsheet would read as a formula becomes: ``"escape"`` (a ``'`` before it) or
        ``"keep"``, for ``csv`` and ``datapackage`` only (``"keep"`` with another format
        raises ValueError). A ``directory`` that exists and is not empty raises ``FileExistsError``
        before anything is written, unless ``force=True`` (``rightsdata export --force``):
        the files an earlier export wrote there, unchanged since, are then replaced or
        removed, and no other file (one you changed, your dataset's own: ``FileExistsError``
        naming it, if this export would write over it). See docs/exports.md.

        >>> import rightsdata, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     first = rightsdata.load().export(folder, "csv")
        ...     again = rightsdata.load().export(folder, "csv", force=True)
        ...     len(first) == len(again)
        True
        """
        from rightsdata._tables.export import export

        return export(self, directory, format, csv_formulas=csv_formulas, force=force)

    def plot_timeline(
        self,
        subject: str | Record | Iterable[str | Event],
        *,
        ax: matplotlib.axes.Axes | None = None,
        kind: EventKind | EventKindValue | Iterable[EventKind | EventKindValue] | None = None,
        between: tuple[DateLike | None, DateLike | None] | None = None,
        title: str | None = None,
        legend: bool = True,
        label_width: int = 60,
    ) -> matplotlib.axes.Axes:
        """Draw ``subject``'s events on a time axis (needs ``rightsdata[plot]``).

        ``subject`` is an actor (a person, organisation or group), a place (with the places
        within it), an event standing for its case, or some events chosen (Event records or
        their IDs, such as a query's answer).
        A month, season or year is a light bar over the days it could be, an uncertain or
        approximate date hollow or dashed (docs/plotting.md). The options are those of
        :func:`rightsdata.plot.plot_timeline`; docs/plotting.md shows the result.

        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> ds.plot_timeline("place:almaty").get_title(loc="left")
        'Almaty — 11 events (2 at places within it)'
        >>> arrests = ds.events(kind="arrest", place="place:almaty")
        >>> ds.plot_timeline(arrests).get_title(loc="left")
        '2 events'
        >>> import matplotlib.pyplot as plt
        >>> plt.close("all")
        """
        from rightsdata._display.plot import plot_timeline

        return plot_timeline(
            self,
            subject,
            ax=ax,
            kind=kind,
            between=between,
            title=title,
            legend=legend,
            label_width=label_width,
        )

    def card(self, record: str | Record) -> display.Card:
        """``record`` (an ID, or a record) shown as part of this dataset: a
        :class:`~rightsdata.display.Card`, which a notebook shows as the record's HTML card
        and ``print`` as its text card, with the names, events and relationships of this
        dataset. A record's own card (``ds.get(id)`` in a notebook) describes the dataset made
        last of those that hold it (docs/plotting.md, "Where the names come from"): one
        built on this one, for instance.

        A record the dataset does not hold is refused, as :meth:`get` refuses an ID it does
        not know (``UnknownIdError``); a record whose ID it holds but which differs from its
        record (a copy changed with ``attrs.evolve``) raises ValueError: its card would show
        this dataset's names and events under the copy's fields. Anything else (None, a
        number) raises TypeError.

        >>> import rightsdata
        >>> ds = rightsdata.load()
        >>> print(str(ds.card("place:almaty")).splitlines()[0])
        Almaty

        A retired ID (:attr:`redirects`) gives the card of the record it redirects to, which
        says so under its ID:

        >>> card = " ".join(str(ds.card("org:kazakhstan-authorities")).split())
        >>> "org:kazakhstan-authorities is a retired ID: it redirects to group:kaz" in card
        True
        """
        from rightsdata._display.display import Card

        if isinstance(record, str):
            found = self.get(record)
            # (a retired ID: the card says which it was asked for)
            return Card(found, self, asked=None if found.id == record else record)
        if not isinstance(record, RECORD_CLASSES):  # (None: not "has no attribute 'id'")
            raise TypeError(f"card: record must be an ID or a record, not {what_was_given(record)}")
        held = self.get(record.id)  # (UnknownIdError for an ID the dataset does not know)
        if held != record:
            from rightsdata._values.shell import python_call

            raise ValueError(
                f"card: the {type(record).__name__} given is not the record this dataset holds "
                f"as {record.id} (a changed copy?): pass the ID, or show it from a dataset "
                f"that holds it ({python_call('Dataset(..., base=ds)')})"
            )
        return Card(held, self)

    def _repr_html_(self) -> str:
        from rightsdata._display.display import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        label = self._name or "unnamed"
        version = f" {self._version}" if self._version else ""
        counts = ", ".join(counted_kind(len(c), k) for k, c in self._collections.items() if len(c))
        return f"<Dataset {label}{version}: {counts or 'empty'}>"


#: Each base dataset's :class:`Base`, by the dataset's ``id()``, while it lives, made once
#: (what the rules need of it is worked out on first use and kept): validating several
#: extensions over one base reads it once. (Not a WeakKeyDictionary: a Dataset is unhashable.)
_bases: dict[int, integrity.Base] = {}
_bases_lock = threading.Lock()


def _cited_by(base: Dataset) -> tuple[dict[str, str], ...]:
    """What a dataset built on ``base`` cites it by: its attribution (who made it, what it
    is, its version and licence) as a ``sources`` entry of the descriptor written, with its
    version; then the datasets ``base`` is built on itself, as its citation names them."""
    from rightsdata._data.citation import attribution, is_built_on
    from rightsdata._data.packagemeta import package_metadata

    package = package_metadata(base)
    entry = {"title": attribution(package), **({"version": base.version} if base.version else {})}
    deeper = [dict(e) for e in package["sources"] if is_built_on(e)]
    return (entry, *deeper)


def base_of(dataset: object, argument: str = "base") -> integrity.Base:
    """The :class:`~rightsdata._validation.integrity.Base` of a dataset given as ``base=``;
    TypeError naming the ``argument`` for anything but a :class:`Dataset`.

    >>> import rightsdata
    >>> base_of(rightsdata.load()).label  # doctest: +ELLIPSIS
    'the base dataset (kazakhstan ...)'
    >>> base_of("kazakhstan")
    Traceback (most recent call last):
      ...
    TypeError: base must be a Dataset, not a str ('kazakhstan'); a bundled one is \
`rightsdata.load('kazakhstan')`, one of your own `rightsdata.load_path(path)`
    """
    if not isinstance(dataset, Dataset):
        from rightsdata._values.shell import python_call

        name = repr(dataset) if isinstance(dataset, str) and BUNDLED_NAME.fullmatch(dataset) else ""
        raise TypeError(
            f"{argument} must be a Dataset, not {what_was_given(dataset)}"
            f"; a bundled one is {python_call(f'rightsdata.load({name})')}, one of "
            f"your own {python_call('rightsdata.load_path(path)')}"
        )
    with _bases_lock:
        found = _bases.get(id(dataset))
        if found is None:
            import weakref  # (here: a load without a base has no use for it)

            named = name_and_version(dataset)
            label = f"the base dataset ({named})" if named else "the base dataset"
            found = _bases[id(dataset)] = integrity.Base(
                dataset._by_kind, dataset._redirects, label, _cited_by(dataset)
            )
            weakref.finalize(dataset, _bases.pop, id(dataset), None)
    return found
