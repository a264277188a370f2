"""The dataset format's version (internal): what this library writes and what it reads.

A dataset's ``datapackage.json`` names its format in ``rightsdata_format``; a folder with no
descriptor, or a descriptor without the key, is format 1.

- format 1: every field written, ``null`` or ``[]`` where empty;
- format 2: optional fields that are null or empty may be left out (absent means null or
  empty). Every format-1 file is a valid format-2 file;
- format 3: a date may be a set, "one of" (``[2022-01-14,2022-01-15]``), which a reader of
  formats 1-2 refuses; and a JSON Lines file or JSON document may carry the descriptor (a
  first line ``{"$kind": "datapackage", ...}``, a ``"datapackage"`` key beside the kinds),
  which a reader of formats 1-2 refuses too. Every format-2 file is a valid format-3 file;
- format 4: a figure may say what exactly it counts (``of``: "police officers"), a field a
  reader of formats 1-3 refuses as unknown. Every format-3 file is a valid format-4 file.

A writer declares the lowest format its data needs (:func:`lowest_format`): format 4 only
where some figure has ``of``, format 3 only where some date is a set, so that a dataset
without them stays readable by the releases that read the older formats. A descriptor
carried in JSON Lines declares format 3 at least (the JSON Lines export writes one whenever
the dataset has a name, version or descriptor, or is built on another: keeping them is worth
the newer format). A dataset whose descriptor declares format 1 or 2 (a descriptor without
``rightsdata_format`` declares format 1) and that holds a set is refused at load, each set
located and the message saying to declare format 3; one that declares format 1 to 3 and
holds a figure with ``of``, each such figure located and the message saying to declare
format 4
(:func:`format_problems`): what a reader of the declared format cannot read is a mistake in
the dataset, not something to pass over. Where there is no descriptor (a folder without
``datapackage.json``, a JSON document or JSON Lines without one of their own) no format is
declared, and sets and ``of`` are read; a descriptor a JSON Lines file or JSON document
carries is held to the format it declares as ``datapackage.json`` is. A descriptor given in
Python (to ``Dataset`` or ``load_documents``) declares a format only by the key: without
it, none, as if none were given (it is not a file, whose contract makes the missing key
format 1).

>>> format_of({"name": "x"}), format_of({"rightsdata_format": 2})
(1, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeAlias, TypeVar, cast

if TYPE_CHECKING:
    from enum import Enum

    from rightsdata._values.errors import Problem
    from rightsdata._values.names import KindName
    from rightsdata._values.places import Places

    #: A vocabulary's term (:func:`terms_in`).
    _Term = TypeVar("_Term", bound=Enum)

#: A format's version, one this library reads: the type of ``Dataset.format`` and of the
#: ``format=`` that ``rightsdata.testing``'s strategies and ``rightsdata.schema`` take, so
#: that a type checker tells a format no release has (``format=5``). A tuple of them is
#: :data:`READABLE` (a test keeps the two equal).
FormatVersion: TypeAlias = Literal[1, 2, 3, 4]

#: The newest format this library writes (a dataset is written in the lowest it needs).
FORMAT: Final[FormatVersion] = 4
#: The formats this library reads.
READABLE: Final[tuple[FormatVersion, ...]] = (1, 2, 3, 4)
#: The formats a published release of rightsdata has read and written, oldest first: each
#: is frozen, its JSON Schemas held to what they accepted (tests/project/test_frozen_schemas.py),
#: the newest (:data:`FORMAT`) too once it is here, so that a field or term added after a
#: release needs a new format. Releasing adds the newest (docs/maintaining.md, "Releasing").
#: Empty: no release has been published.
RELEASED_FORMATS: Final[tuple[FormatVersion, ...]] = ()
#: The first format in which a date may be a set (``[A,B]``, "one of").
SETS_FROM: Final[FormatVersion] = 3
#: The first format in which a figure may say what exactly it counts (``of``).
OF_FROM: Final[FormatVersion] = 4
#: The fields a format after the first added to the model, by class and name, with that
#: format: format 1's form (every field written) leaves them out where they are empty, an
#: older format's schemas do not have them, rightsdata.testing's strategies for readers of
#: an older format do not draw them, a dataset holding a value of one needs its format
#: (:func:`needed_format`), and one declaring an older format is refused at each value and
#: each key written null (:func:`format_problems`, :func:`null_field_problems`), wherever
#: the class is held (a figure in an event, an organisation...): an entry here is all
#: those need (tests/data/test_fields_from.py). (A date's sets are not a field:
#: :data:`SETS_FROM`; a vocabulary term has :data:`TERMS_FROM`; a record kind
#: :data:`KINDS_FROM`.)
FIELDS_FROM: Final[Mapping[tuple[str, str], FormatVersion]] = MappingProxyType(
    {("Figure", "of"): OF_FROM}
)
#: The vocabulary terms a format after the first added, by the vocabulary's class name and
#: the term's value (``("EventKind", "strike")``), with the format it first appears in: an
#: older format's schemas leave the term out of the vocabulary's enum, rightsdata.testing's
#: strategies for readers of an older format do not draw it (:func:`terms_in`), a dataset
#: holding it needs its format (:func:`needed_format`), and one declaring an older format is
#: refused at each value (:func:`format_problems`), wherever a field of the vocabulary is (an
#: event's kind, a participant's role in an event...): an entry here is all those need
#: (tests/data/test_terms_from.py). Empty: every term is format 1's.
TERMS_FROM: Final[Mapping[tuple[str, str], FormatVersion]] = MappingProxyType({})
#: The record kinds a format after the first added, by name (``"ratings"``), with the format
#: it first appears in: an older format's schemas have no schema of the kind, nor its ID
#: prefix in any pattern (:func:`prefixes_in`); rightsdata.testing's strategies for readers
#: of an older format draw none of its records (:func:`kinds_in`), nor a reference to one;
#: an older format's files and table exports have no file, list or table of it; a dataset
#: holding a record of it needs its format (:func:`needed_format`), and one declaring an
#: older format is refused at each such record, and at the kind's file or list in a file
#: where that holds none (:func:`format_problems`): an entry here is all those need
#: (tests/data/test_kinds_from.py). Empty: every kind is format 1's.
KINDS_FROM: Final[Mapping[str, FormatVersion]] = MappingProxyType({})
#: The data package descriptor's file name.
DESCRIPTOR: Final = "datapackage.json"
#: The descriptor's key naming the format.
FORMAT_KEY: Final = "rightsdata_format"
#: Where the one-file layouts carry a descriptor (format 3): the ``"$kind"`` of a JSON Lines
#: file's first line, and a JSON document's key beside the kinds'.
EMBEDDED: Final = "datapackage"
#: The first format in which a JSON document or JSON Lines file may carry a descriptor.
EMBEDDED_FROM: Final[FormatVersion] = 3
#: The endings of a JSON Lines file's name (``data.jsonl``), a layout of its own.
JSON_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
#: The key that says a JSON Lines line's kind (``{"$kind": "events", ...}``).
KIND_FIELD: Final = "$kind"
#: The file ``rightsdata export --format jsonl`` writes.
JSON_LINES_FILE: Final = "records.jsonl"
#: The file ``rightsdata export --format document`` writes: one JSON document, a dataset of
#: its own (a folder holding it is told to load the file).
DOCUMENT_FILE: Final = "dataset.json"


#: The hidden file in which an export lists the files it wrote
#: (:mod:`rightsdata._tables.exportfolder`): named here, where loading tells it given alone.
EXPORT_MANIFEST: Final = ".rightsdata-export"


def is_hidden(name: str) -> bool:
    """Whether a folder's entry ``name`` is hidden (``.name``): a dataset folder's hidden
    files (an export's list of what it wrote, an editor's files) are never looked at.

    >>> is_hidden(".rightsdata-export"), is_hidden("events.json")
    (True, False)
    """
    return name[:1] == "."


def kind_file(kind: str) -> str:
    """The name of a kind's file in a dataset folder: ``events.json``."""
    return f"{kind}.json"


#: What the ``$id`` of every JSON Schema rightsdata ships begins with (:func:`schema_id`): a
#: resource whose ``schema`` begins so names one of them, and a load holds it to its file.
SCHEMA_URN: Final = "urn:rightsdata:schemas:"


def schema_id(kind: str, format: FormatVersion = FORMAT) -> str:
    """The ``$id`` of the JSON Schema for one record of ``kind`` (or ``"common"``, or
    ``"datapackage"``) in ``format`` (by default the newest this library writes, that of the
    schemas it ships): the format's number is in it, so a schema that accepts other
    documents has another ``$id``. Format 1 had no IDs of its own: its files are named by
    format 2's schemas, which take them.

    >>> schema_id("events"), schema_id("events", 2), schema_id("events", 1)
    ('urn:rightsdata:schemas:v4:events', 'urn:rightsdata:schemas:v2:events', \
'urn:rightsdata:schemas:v2:events')
    """
    return f"{SCHEMA_URN}v{schema_format(format)}:{kind}"


#: The formats with JSON Schemas of their own, oldest first (format 1's files are named by
#: format 2's schemas): each a different ``$id`` (:func:`schema_id`), shipped side by side.
SCHEMA_FORMATS: Final[tuple[FormatVersion, ...]] = (2, 3, 4)


def schema_format(format: int) -> FormatVersion:
    """The format whose schemas describe a file of ``format``: format 1's are format 2's.
    Raises TypeError for a value that is not a whole number (a bool, a float), ValueError
    for a format this library does not read.

    >>> schema_format(1), schema_format(3), schema_format(4)
    (2, 3, 4)
    """
    if type(format) is not int:  # (not a bool either: True == 1, and hashes as 1)
        from rightsdata._values.errors import what_was_given

        raise TypeError(f"format must be a whole number, not {what_was_given(format)}")
    if format not in READABLE:
        from rightsdata._values.errors import shown_repr

        raise ValueError(
            f"no schemas for format {shown_repr(format)}; this rightsdata reads formats "
            f"{READABLE[0]}-{READABLE[-1]}"
        )
    return format if format >= SCHEMA_FORMATS[0] else SCHEMA_FORMATS[0]


def schema_file(name: str, format: FormatVersion = FORMAT) -> str:
    """Where the schema of ``name`` (a kind, ``"common"``, ``"redirects"`` or
    ``"datapackage"``) in ``format`` is, relative to ``schemas/``: the newest format's at the
    top, each older format's in a folder of its own, named as its ``$id`` names it.

    >>> schema_file("events"), schema_file("events", 3), schema_file("events", 1)
    ('events.schema.json', 'v3/events.schema.json', 'v2/events.schema.json')
    """
    version = schema_format(format)
    file = f"{name}.schema.json"
    return file if version == FORMAT else f"v{version}/{file}"


def format_of(descriptor: Mapping[str, Any] | None) -> int:
    """The format a descriptor declares (1 when it does not say): a JSON integer. ``3.0``
    is read as 3, so that the records are judged by the format meant, though the
    descriptor's check refuses it (as a record's count refuses ``200.0``).

    >>> format_of({"rightsdata_format": 3}), format_of({"rightsdata_format": 3.0}), format_of({})
    (3, 3, 1)
    """
    if descriptor is None:
        return 1
    version = descriptor.get(FORMAT_KEY, 1)
    if type(version) is float and version.is_integer():
        return int(version)
    return version if type(version) is int else 1


def set_dates(records: Mapping[str, Sequence[Any]]) -> Iterator[tuple[str, int, str]]:
    """Where ``records`` (each kind's records) hold a date that is a set: each
    ``(kind, index, field)``, in order. Quick when no set has been parsed in this process
    (none can be held then).

    >>> from rightsdata import EDTF, Event
    >>> from rightsdata._model.records import Citation
    >>> cite = (Citation(source="source:a"),)
    >>> from rightsdata.vocab import EventKind
    >>> events = [Event(id=f"event:{n}", title="t", kind=EventKind.OTHER, citations=cite,
    ...                 date=EDTF(d)) for n, d in enumerate(["2012", "[2012-01,2012-03]"])]
    >>> list(set_dates({"events": events}))
    [('events', 1, 'date')]
    """
    from rightsdata._values.dates import EDTF, sets_parsed

    if not sets_parsed():
        return
    from rightsdata._values.hints import field_hints, leaf_types

    for kind, items in records.items():
        if not items:
            continue
        hints = field_hints(type(items[0]))
        names = [name for name, hint in hints.items() if EDTF in leaf_types(hint)]
        for index, record in enumerate(items):
            for name in names:
                value = getattr(record, name)
                if type(value) is EDTF and value.is_set:
                    yield kind, index, name


#: What a problem calls a field :data:`FIELDS_FROM` names where "a figure's of" says too
#: little (:func:`_field_words`).
_FIELD_WORDS: Final[Mapping[tuple[str, str], str]] = MappingProxyType(
    {("Figure", "of"): "a figure that says what it counts (of)"}
)

#: A path from a record to a field a later format added, or to a field of a vocabulary a
#: later format added a term to: the field's name, after those of the parts that hold it
#: (``("figures", "of")``, ``("participants", "role")``).
_Path: TypeAlias = tuple[str, ...]


def terms_in(vocabulary: type[_Term], format: int) -> list[_Term]:
    """The terms of ``vocabulary`` (an enum of :mod:`rightsdata.vocab`) a reader of
    ``format`` reads, in their order: all but those a later format added
    (:data:`TERMS_FROM`). What an older format's schemas and rightsdata.testing's strategies
    for it take.

    >>> from rightsdata.vocab import Confidence
    >>> [str(term) for term in terms_in(Confidence, 1)]
    ['high', 'medium', 'low']
    """
    if not TERMS_FROM:
        return list(vocabulary)
    name = vocabulary.__name__
    return [term for term in vocabulary if TERMS_FROM.get((name, term.value), 1) <= format]


def kind_format(kind: str) -> FormatVersion:
    """The format that added the record kind ``kind`` (:data:`KINDS_FROM`): 1 for a kind
    every format has.

    >>> kind_format("events")
    1
    """
    return _newer_kinds(1).get(kind, 1)


def kinds_in(format: int) -> tuple[KindName, ...]:
    """The record kinds a reader of ``format`` reads, in the order datasets list them: all
    but those a later format added (:data:`KINDS_FROM`). What an older format's schemas,
    files, table exports and rightsdata.testing's strategies for it hold.

    >>> kinds_in(1)[:3]
    ('sources', 'persons', 'organizations')
    """
    from rightsdata._values.ids import PREFIX_OF_KIND  # (the kinds, in their order)

    newer = _newer_kinds(format)
    return cast("tuple[KindName, ...]", tuple(k for k in PREFIX_OF_KIND if k not in newer))


def prefixes_in(prefixes: Sequence[str], format: int) -> tuple[str, ...]:
    """Those of the ID ``prefixes`` (as a reference's rule names them) whose kind a reader
    of ``format`` reads, in their order: the prefix of a kind a later format added
    (:data:`KINDS_FROM`) left out, as an older format's ID patterns leave it out.

    >>> prefixes_in(("person", "org", "group"), 1)
    ('person', 'org', 'group')
    """
    newer = _newer_kinds(format)
    if not newer:
        return tuple(prefixes)
    from rightsdata._values.ids import PREFIX_OF_KIND

    left_out = {PREFIX_OF_KIND[kind] for kind in newer}
    return tuple(prefix for prefix in prefixes if prefix not in left_out)


def _newer_kinds(after: int) -> dict[str, FormatVersion]:
    """The :data:`KINDS_FROM` entries of a format after ``after``, in the kinds' order;
    ValueError for an entry that names no record kind."""
    if not KINDS_FROM:
        return {}
    from rightsdata._values.ids import PREFIX_OF_KIND

    for kind in KINDS_FROM:
        if kind not in PREFIX_OF_KIND:
            raise ValueError(
                f"KINDS_FROM names {kind!r}, which is no record kind; the kinds are "
                f"{', '.join(PREFIX_OF_KIND)}"
            )
    return {k: KINDS_FROM[k] for k in PREFIX_OF_KIND if KINDS_FROM.get(k, 1) > after}


def newer_paths(cls: type) -> tuple[tuple[_Path, tuple[str, str], FormatVersion], ...]:
    """Each path from a record or part of ``cls`` to a field :data:`FIELDS_FROM` names,
    through the parts it holds, with the field's ``(class, name)`` and its format, oldest
    first: what the format functions below look at, so that an entry of ``FIELDS_FROM`` is
    all a field a later format adds needs here.

    >>> from rightsdata import Event
    >>> newer_paths(Event)
    ((('figures', 'of'), ('Figure', 'of'), 4),)
    """
    return tuple((n.path, n.entry, n.format) for n in _newer(cls) if n.term is None)


def newer_term_paths(cls: type) -> tuple[tuple[_Path, tuple[str, str], FormatVersion], ...]:
    """Each path from a record or part of ``cls`` to a field that may hold a term
    :data:`TERMS_FROM` names, through the parts it holds, with the term's ``(vocabulary,
    term)`` and its format, oldest first: as :func:`newer_paths` for the fields, what the
    format functions look at, so that an entry of ``TERMS_FROM`` is all a term needs here.

    >>> from rightsdata import Event
    >>> newer_term_paths(Event)  # (no term has been added since format 1)
    ()
    """
    return tuple((n.path, n.entry, n.format) for n in _newer(cls) if n.term is not None)


#: Whether one of some records holds a value at a path (:func:`_holds`).
_Holds: TypeAlias = Callable[[Sequence[Any]], bool]


class _Newer(NamedTuple):
    """A path to what a later format added: a field's value, or a term's."""

    path: _Path
    #: The :data:`FIELDS_FROM` or :data:`TERMS_FROM` key.
    entry: tuple[str, str]
    format: FormatVersion
    holds: _Holds
    #: The term, for a :data:`TERMS_FROM` entry; None for a field.
    term: Enum | None


#: Each class's :func:`newer_paths` and :func:`newer_term_paths`, each with its :func:`_holds`.
_newer_of: dict[type, tuple[_Newer, ...]] = {}


def _newer(cls: type) -> tuple[_Newer, ...]:
    """:func:`newer_paths` and :func:`newer_term_paths` of ``cls``, each with its
    :func:`_holds`, oldest format first, once per class."""
    found = _newer_of.get(cls)
    if found is None:
        terms = _terms_by_vocabulary()
        paths = sorted(_paths_in(cls, (), (), frozenset({cls}), terms), key=lambda p: p[3])
        found = _newer_of[cls] = tuple(
            _Newer(path, entry, format, _holds(path, many, term), term)
            for path, many, entry, format, term in paths
        )
    return found


def _terms_by_vocabulary() -> dict[str, list[tuple[str, FormatVersion]]]:
    """Each vocabulary's :data:`TERMS_FROM` terms and their formats, by its class's name."""
    terms: dict[str, list[tuple[str, FormatVersion]]] = {}
    for (vocabulary, term), format in TERMS_FROM.items():
        terms.setdefault(vocabulary, []).append((term, format))
    return terms


def _paths_in(
    cls: type,
    before: _Path,
    many: tuple[bool, ...],
    seen: frozenset[type],
    terms: Mapping[str, list[tuple[str, FormatVersion]]],
) -> Iterator[tuple[_Path, tuple[bool, ...], tuple[str, str], FormatVersion, Enum | None]]:
    from enum import Enum

    from rightsdata._values.hints import field_hints, leaf_types, nested_part

    for name, hint in field_hints(cls).items():
        entry = (cls.__name__, name)
        if entry in FIELDS_FROM:
            yield (*before, name), many, entry, FIELDS_FROM[entry], None
        for leaf in leaf_types(hint) if terms else ():
            if isinstance(leaf, type) and issubclass(leaf, Enum):
                for value, format in terms.get(leaf.__name__, ()):
                    term = _term(leaf, value)
                    yield (*before, name), many, (leaf.__name__, value), format, term
        nested, listed = nested_part(hint)
        if nested is not None and nested not in seen:
            yield from _paths_in(nested, (*before, name), (*many, listed), seen | {nested}, terms)


def _term(vocabulary: type[Enum], value: str) -> Enum:
    """The term of ``vocabulary`` a :data:`TERMS_FROM` entry names by its ``value``."""
    try:
        return vocabulary(value)
    except ValueError:
        raise ValueError(
            f"TERMS_FROM names {value!r} of {vocabulary.__name__}, which has no such term"
        ) from None


def _holds(path: _Path, many: tuple[bool, ...], term: Enum | None = None) -> _Holds:
    """A function that tells whether one of some records holds a value (not null, not an
    empty list) at ``path``, or the ``term`` given (alone, or in a list), through parts that
    are lists where ``many`` says so: generated as plain loops, since a load that declares
    an older format asks it of every record (a figure's ``of``: half a millisecond in 10,000
    events' 26,000 records, where a loop of ``getattr`` took twice as long).

    >>> import inspect
    >>> print(inspect.getsource(_holds(("figures", "of"), (True,))), end="")
    def holds(items):
        for x0 in items:
            x1 = x0.figures
            if x1:
                for x1 in x1:
                    value = x1.of
                    if value is not None and value != ():
                        return True
        return False
    >>> from rightsdata.vocab import EventKind
    >>> print(inspect.getsource(_holds(("kind",), (), EventKind.STRIKE)), end="")
    def holds(items):
        for x0 in items:
            value = x0.kind
            if value is TERM or (type(value) is tuple and TERM in value):
                return True
        return False
    """
    from rightsdata._values.codegen import compile_function

    lines = ["def holds(items):", "    for x0 in items:"]
    indent = "        "
    for depth, (step, listed) in enumerate(zip(path[:-1], many, strict=True), 1):
        # (None, or an empty list: nothing below; a part is always true)
        lines += [f"{indent}x{depth} = x{depth - 1}.{step}", f"{indent}if x{depth}:"]
        indent += "    "
        if listed:
            lines.append(f"{indent}for x{depth} in x{depth}:")
            indent += "    "
    held = (
        "value is not None and value != ()"
        if term is None
        else "value is TERM or (type(value) is tuple and TERM in value)"
    )
    lines += [
        f"{indent}value = x{len(path) - 1}.{path[-1]}",
        f"{indent}if {held}:",
        f"{indent}    return True",
        "    return False",
    ]
    source = "\n".join(lines)
    title = f"holds {'.'.join(path)}" + ("" if term is None else f" {term.value}")
    holds: _Holds = compile_function(source, title, {"TERM": term}, "holds")
    return holds


def _empty(value: object) -> bool:
    """Whether a field's value is none at all (null, an empty list): what format 1's form
    leaves out of a field a later format added, and what needs no newer format."""
    return value is None or value == ()


def _held_at(
    item: Any, path: _Path, term: Enum | None = None, said: str = ""
) -> Iterator[tuple[str, Any]]:
    """Each value at ``path`` in ``item`` (a record or part), or each ``term`` there (alone,
    or in a list), with where it is in it (``figures[1].of``)."""
    step, rest = path[0], path[1:]
    value = getattr(item, step)
    if not rest:
        if term is None:
            if not _empty(value):
                yield said + step, value
        elif value is term:
            yield said + step, value
        elif type(value) is tuple:
            for at, one in enumerate(value):
                if one is term:
                    yield f"{said}{step}[{at}]", one
    elif type(value) is tuple:
        for at, part in enumerate(value):
            yield from _held_at(part, rest, term, f"{said}{step}[{at}].")
    elif value is not None:
        yield from _held_at(value, rest, term, f"{said}{step}.")


def newer_values(
    records: Mapping[str, Sequence[Any]], after: int = 1
) -> Iterator[tuple[str, int, str, tuple[str, str], FormatVersion]]:
    """Where ``records`` (each kind's records) hold a value of a field a format after
    ``after`` added (:data:`FIELDS_FROM`), or a term one added (:data:`TERMS_FROM`): each
    ``(kind, index, field's path, (class, field) or (vocabulary, term), format)``, in the
    order of the formats, then of the records.

    >>> import attrs
    >>> from rightsdata import Event, Figure
    >>> from rightsdata._model.records import Citation
    >>> cite = (Citation(source="source:a"),)
    >>> from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure
    >>> figure = Figure(measure=Measure.PROSECUTED, unit=FigureUnit.PEOPLE, best=5,
    ...                 qualifier=FigureQualifier.EXACT, of="police officers", citations=cite)
    >>> event = Event(id="event:a", title="t", kind=EventKind.TRIAL, citations=cite,
    ...               figures=(attrs.evolve(figure, of=None), figure))
    >>> list(newer_values({"events": [event]}))
    [('events', 0, 'figures[1].of', ('Figure', 'of'), 4)]
    """
    for kind, index, where, newer, _ in _found(records, after):
        yield kind, index, where, newer.entry, newer.format


def _found(
    records: Mapping[str, Sequence[Any]], after: int
) -> list[tuple[str, int, str, _Newer, Any]]:
    """:func:`newer_values`, each with what it is and its value."""
    found = []
    for kind, items in records.items():
        if not items:
            continue
        for newer in _newer(type(items[0])):
            if newer.format > after and newer.holds(items):
                for index, record in enumerate(items):
                    for where, value in _held_at(record, newer.path, newer.term):
                        found.append((kind, index, where, newer, value))
    return sorted(found, key=lambda item: item[3].format)  # (stable: the records' order kept)


def _newest_held(records: Mapping[str, Sequence[Any]]) -> int:
    """The newest format a field, term or kind among ``records`` (each kind's records) needs:
    that of the newest :data:`FIELDS_FROM` entry holding a value in one of them, or
    :data:`TERMS_FROM` entry one holds, or :data:`KINDS_FROM` entry of a kind some are of, 1
    if none does."""
    newest = 1
    for kind, format in _newer_kinds(1).items():
        if format > newest and records.get(kind):
            newest = format
    for items in records.values():
        if not items:
            continue
        for newer in _newer(type(items[0])):
            if newer.format > newest and newer.holds(items):
                newest = newer.format
    return newest


def needed_format(records: Mapping[str, Sequence[Any]]) -> FormatVersion:
    """The lowest format that can hold ``records`` (each kind's records): that of the newest
    field among them a later format added (:data:`FIELDS_FROM`: 4 if a figure has ``of``),
    term one added (:data:`TERMS_FROM`) or kind one added (:data:`KINDS_FROM`), else 3 if a
    date is a set, else 1 (every format reads them). ``Dataset.format`` where nothing is
    declared.

    >>> needed_format({})
    1
    """
    newest = _newest_held(records)
    if newest < SETS_FROM and next(set_dates(records), None) is not None:
        newest = SETS_FROM
    assert newest in READABLE
    return newest


def lowest_format(records: Mapping[str, Sequence[Any]]) -> FormatVersion:
    """The format a writer declares for ``records`` (each kind's records): the format they
    need (:func:`needed_format`), but at least 2, the format the writers write (an empty
    optional field left out, which format 1 does not allow): 4 if a figure has ``of``, 3 if
    a date is a set, else 2.

    >>> lowest_format({})
    2
    """
    needed = needed_format(records)
    return 2 if needed == 1 else needed


def format_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None = None,
    fix: str | None = None,
    present: Collection[str] = (),
) -> list[Problem]:
    """A problem for each thing among ``records`` (each kind's records) that a reader of the
    format ``declared`` cannot read, in a dataset whose descriptor, ``declared_in``
    (``datapackage.json``, "the descriptor given"), declares it (None: it declares none, so
    format 1): a record of a kind a later format added (:data:`KINDS_FROM`: none yet), a
    date that is a set under format 1 or 2, a value of a field a later format added
    (:data:`FIELDS_FROM`: a figure's ``of`` under format 1 to 3), a term a later format
    added to a vocabulary (:data:`TERMS_FROM`: none yet). ``fix`` says what to do (by
    default, to declare the format needed there; a ``fix`` given is told that format where
    it says ``{format}``), and ``where`` where each kind's records are (a file's name or
    :class:`~rightsdata._values.places.Places`; the kind's own name if not given).
    ``present``: the kinds whose file or list the dataset's files have, even empty (a
    reader of an older format refuses the file or key of a kind it does not know, records
    or none): one of a later format's kind that holds no record is told at its list. The
    documents given in Python pass none (``Dataset.to_dict()`` gives every kind's list).

    Every problem's advice names one format: the one all of ``records`` need (the lowest
    that holds them), so that following any of them is enough: a set under format 1 in a
    dataset whose figures have ``of`` is told to declare format 4, not 3, which the figures'
    ``of`` would refuse again. Over a base, ``records`` are the dataset's own (the files' or
    those given in Python): the declared format holds them alone, never the base's.

    >>> from rightsdata import EDTF, Event, Figure
    >>> from rightsdata._model.records import Citation
    >>> cite = (Citation(source="source:a"),)
    >>> from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure
    >>> figure = Figure(measure=Measure.PROSECUTED, unit=FigureUnit.PEOPLE, best=5,
    ...                 qualifier=FigureQualifier.EXACT, of="police officers", citations=cite)
    >>> event = Event(id="event:a", title="t", kind=EventKind.OTHER,
    ...               date=EDTF("[2012-01,2012-03]"), citations=cite, figures=(figure,))
    >>> [p.location for p in format_problems({"events": [event]}, 2, "datapackage.json")]
    ['events[0] event:a.date', 'events[0] event:a.figures[0].of']
    >>> (problem,) = format_problems({"events": [event]}, 3, "datapackage.json")
    >>> print(problem)  # doctest: +NORMALIZE_WHITESPACE
    events[0] event:a.figures[0].of: 'police officers': a figure that says what it counts
    (of) needs format 4, and the dataset declares format 3: set rightsdata_format to 4 in
    datapackage.json (readers of formats 1-3 cannot read it)
    >>> print(format_problems({"events": [event]}, 1, "datapackage.json")[0].message)
    ... # doctest: +NORMALIZE_WHITESPACE
    '[2012-01,2012-03]': a date that is a set (one of some dates) needs format 3, and the
    dataset declares format 1 (all it holds needs format 4): set rightsdata_format to 4 in
    datapackage.json (readers of formats 1-2 cannot read it)
    """
    effective = 1 if declared is None else declared
    problems = []
    # (a kind's list with no record needs its format too: so does all the dataset holds)
    newer = _newer_kinds(effective)
    at_least = max((newer[kind] for kind in present if kind in newer), default=1)
    if newer:
        problems += _kind_problems(records, declared, declared_in, where, fix, present, at_least)
    if effective < SETS_FROM:
        problems += _set_date_problems(records, declared, declared_in, where, fix, at_least)
    if effective < FORMAT:
        problems += _field_problems(records, declared, declared_in, where, fix, at_least)
    return problems


def _kind_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None,
    fix: str | None,
    present: Collection[str],
    at_least: int,
) -> list[Problem]:
    """A problem for each record among ``records`` of a kind a format after ``declared``
    added (:data:`KINDS_FROM`), at the record, and one at the list of each such kind
    ``present`` that holds no record (:func:`format_problems`, whose arguments these are).

    >>> from unittest import mock
    >>> import rightsdata
    >>> import rightsdata._values.format as formats
    >>> ratings = list(rightsdata.load().ratings)[:1]
    >>> with mock.patch.object(formats, "KINDS_FROM", {"ratings": 4}):  # (as if format 4's)
    ...     (record,) = _kind_problems({"ratings": ratings}, 3, "datapackage.json",
    ...                                {"ratings": "ratings.json"}, None, (), 1)
    ...     (empty,) = _kind_problems({}, 3, "datapackage.json", {"ratings": "ratings.json"},
    ...                               None, ("ratings",), 4)
    >>> print(record)  # doctest: +NORMALIZE_WHITESPACE
    ratings.json[0] rating:civicus-colombia-2019-watchlist: the record kind 'ratings' needs
    format 4, and the dataset declares format 3: set rightsdata_format to 4 in
    datapackage.json (readers of formats 1-3 cannot read it)
    >>> print(empty)  # doctest: +NORMALIZE_WHITESPACE
    ratings.json: the record kind 'ratings', even with no records, needs format 4, and the
    dataset declares format 3: set rightsdata_format to 4 in datapackage.json (readers of
    formats 1-3 cannot read it)
    """
    from rightsdata._values.errors import ProblemCode
    from rightsdata._values.places import places_of

    effective = 1 if declared is None else declared
    where = where or {}
    problems = []
    for kind, format in _newer_kinds(effective).items():
        items = records.get(kind) or ()
        if not items and kind not in present:
            continue
        advice = _advice(records, format, declared, declared_in, fix, at_least)
        places = places_of(kind, where.get(kind, kind))
        if not items:
            message = f"the record kind {kind!r}, even with no records, {advice}"
            problems.append(places.problem(message, ProblemCode.VALUE))
            continue
        message = f"the record kind {kind!r} {advice}"
        for index, record in enumerate(items):
            problems.append(places.at(index, record.id).problem("", message, ProblemCode.VALUE))
    return problems


def _advice(
    records: Mapping[str, Sequence[Any]],
    feature: int,
    declared: int | None,
    declared_in: str,
    fix: str | None,
    at_least: int = 1,
) -> str:
    """What a problem of a thing that needs format ``feature`` says after its value: that
    format, the one declared, and what to do: declare the format the whole dataset needs
    (``records``' own, at least ``feature`` and ``at_least``: that of a kind's list with no
    record), named once for every problem. ``fix`` (None: set the key in ``declared_in``)
    is told that format where it says ``{format}``."""
    whole = max(feature, needed_format(records), at_least)
    also = "" if whole == feature else f" (all it holds needs format {whole})"
    fix = fix or f"set {FORMAT_KEY} to {{format}} in {declared_in}"
    return (
        f"needs format {feature}, and the dataset declares {_declared(declared)}{also}: "
        f"{fix.replace('{format}', str(whole))} (readers of formats 1-{feature - 1} cannot "
        "read it)"
    )


def _declared(declared: int | None) -> str:
    """What a descriptor declaring ``declared`` declares, in words."""
    return "no format (so format 1)" if declared is None else f"format {declared}"


def _field_words(entry: tuple[str, str]) -> str:
    """What a problem calls the field ``entry`` (a :data:`FIELDS_FROM` key): its own words,
    or the class's and the field's names (``a charge's note``).

    >>> _field_words(("Figure", "of")), _field_words(("Identifier", "note"))
    ('a figure that says what it counts (of)', "an identifier's note")
    """
    return _FIELD_WORDS.get(entry) or _field_name(entry)


def _field_name(entry: tuple[str, str]) -> str:
    """The field ``entry`` (a :data:`FIELDS_FROM` key) by its class's and its own names.

    >>> _field_name(("Figure", "of")), _field_name(("SourceLink", "note"))
    ("a figure's of", "a source link's note")
    """
    part = "".join(f" {c.lower()}" if c.isupper() else c for c in entry[0]).strip()
    return f"{'an' if part[:1] in 'aeiou' else 'a'} {part}'s {entry[1]}"


def _said(value: object) -> str:
    """A value of a field a later format added, as a problem begins with it: text and
    numbers as their repr, a term as its value's; nothing for a part or a list of them."""
    from enum import Enum

    from rightsdata._values.errors import printable

    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (str, int, float)):
        return printable(repr(value)) + ": "
    return ""


def _field_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None,
    fix: str | None,
    at_least: int = 1,
) -> list[Problem]:
    """A problem for each value among ``records`` of a field a format after ``declared``
    added (:data:`FIELDS_FROM`), and each term one added (:data:`TERMS_FROM`), in a dataset
    declaring it (:func:`format_problems`)."""
    from rightsdata._values.errors import ProblemCode
    from rightsdata._values.places import places_of

    effective = 1 if declared is None else declared
    found = _found(records, effective)
    if not found:  # (the advice scans every record: only a load with problems pays for it)
        return []
    messages: dict[_Newer, str] = {}
    where = where or {}
    problems = []
    for kind, index, path, newer, value in found:
        message = messages.get(newer)
        if message is None:
            words = _field_words(newer.entry) if newer.term is None else _term_words(newer.entry)
            message = messages[newer] = f"{words} " + _advice(
                records, newer.format, declared, declared_in, fix, at_least
            )
        record = records[kind][index]
        place = places_of(kind, where.get(kind, kind)).at(index, record.id)
        said = _said(value) if newer.term is None else ""  # (a term's words name it)
        problems.append(place.problem(path, f"{said}{message}", ProblemCode.VALUE))
    return problems


def _term_words(entry: tuple[str, str]) -> str:
    """What a problem calls the term ``entry`` (a :data:`TERMS_FROM` key): its vocabulary's
    name and its value.

    >>> _term_words(("EventKind", "strike"))
    "the EventKind term 'strike'"
    """
    return f"the {entry[0]} term {entry[1]!r}"


def null_field_problems(
    cls: type,
    documents: Sequence[Any],
    places: Places,
    declared: int,
    fix: str = "leave it out",
) -> list[Problem]:
    """A problem for each field a format after ``declared`` added (:data:`FIELDS_FROM`)
    that ``documents`` (one kind's records as parsed JSON, of ``cls``, at ``places``) write
    as null or an empty list: a reader of that format refuses the key whatever its value,
    and a loaded record cannot tell it from no key (:func:`format_problems` tells a value
    that says something). ``fix`` says what to do.

    >>> from rightsdata import Event
    >>> from rightsdata._values.places import Places
    >>> figure = {"measure": "killed", "of": None}
    >>> (problem,) = null_field_problems(Event, [{"id": "event:a", "figures": [{}, figure]}],
    ...                                  Places("events", "events.json"), 3)
    >>> print(problem)  # doctest: +NORMALIZE_WHITESPACE
    events.json[0] event:a.figures[1].of: null: a figure's of is format 4's, even null, and
    the dataset declares format 3: leave it out (readers of formats 1-3 cannot read it)
    >>> null_field_problems(Event, [{"id": "event:a", "figures": [figure]}],
    ...                     Places("events", "x"), 4)
    []
    """
    from rightsdata._values.errors import ProblemCode

    paths = [(path, entry, f) for path, entry, f in newer_paths(cls) if f > declared]
    if not paths:
        return []
    problems = []
    for index, document in enumerate(documents):
        if type(document) is not dict:
            continue
        for path, entry, format in paths:
            for at, value in _written_at(document, path):
                said = "null" if value is None else "[]"
                message = (
                    f"{said}: {_field_name(entry)} is format {format}'s, even {said}, and the "
                    f"dataset declares {_declared(declared)}: {fix} (readers of formats "
                    f"1-{format - 1} cannot read it)"
                )
                record_id = document.get("id")
                place = places.at(index, record_id if type(record_id) is str else None)
                problems.append(place.problem(at, message, ProblemCode.VALUE))
    return problems


def _written_at(document: dict[str, Any], path: _Path, said: str = "") -> Iterator[tuple[str, Any]]:
    """Each null or empty list ``document`` (parsed JSON) writes at ``path``, with where
    (``figures[1].of``)."""
    step, rest = path[0], path[1:]
    if step not in document:
        return
    value = document[step]
    if not rest:
        if value is None or value == []:
            yield said + step, value
    elif type(value) is list:
        for at, part in enumerate(value):
            if type(part) is dict:
                yield from _written_at(part, rest, f"{said}{step}[{at}].")
    elif type(value) is dict:
        yield from _written_at(value, rest, f"{said}{step}.")


def may_write_null_field(declared: int | None, data: bytes) -> bool:
    """Whether a file ``data`` of a dataset declaring ``declared`` (None: none) may write a
    field a later format added as null (:func:`null_field_problems`), which a reader of that
    format refuses: the fast path, which cannot tell it from no key, leaves such a file to
    the diagnostic path. Quick: whether the field's name is written as a key.

    >>> may_write_null_field(3, b'{"of": null}'), may_write_null_field(4, b'{"of": null}')
    (True, False)
    """
    if declared is None or declared >= FORMAT:
        return False
    keys = _newer_keys.get(declared)
    if keys is None:
        keys = _newer_keys[declared] = tuple(
            f'"{name}"'.encode() for (_, name), f in FIELDS_FROM.items() if f > declared
        )
    return any(key in data for key in keys)


#: The keys :func:`may_write_null_field` looks for, by the format declared.
_newer_keys: dict[int, tuple[bytes, ...]] = {}


def _set_date_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None,
    fix: str | None,
    at_least: int = 1,
) -> list[Problem]:
    """A problem for each date that is a set among ``records``, in a dataset declaring a
    format before :data:`SETS_FROM` (:func:`format_problems`, whose arguments these are).

    >>> from rightsdata import EDTF, Event
    >>> from rightsdata._model.records import Citation
    >>> from rightsdata.vocab import EventKind
    >>> event = Event(id="event:a", title="t", kind=EventKind.OTHER,
    ...               date=EDTF("[2012-01,2012-03]"), citations=(Citation(source="source:a"),))
    >>> (problem,) = _set_date_problems({"events": [event]}, None, "the descriptor given",
    ...                                 None, None)
    >>> problem.location
    'events[0] event:a.date'
    >>> said = "declares no format (so format 1): set rightsdata_format to 3"
    >>> said + " in the descriptor given" in problem.message
    True
    """
    from rightsdata._values.errors import ProblemCode
    from rightsdata._values.places import places_of

    found = list(set_dates(records))
    if not found:  # (the advice scans every record: only a load with problems pays for it)
        return []
    message = "a date that is a set (one of some dates) " + _advice(
        records, SETS_FROM, declared, declared_in, fix, at_least
    )
    where = where or {}
    problems = []
    for kind, index, field in found:
        record = records[kind][index]
        place = places_of(kind, where.get(kind, kind)).at(index, record.id)
        value = getattr(record, field)
        problems.append(place.problem(field, f"{str(value)!r}: {message}", ProblemCode.VALUE))
    return problems
