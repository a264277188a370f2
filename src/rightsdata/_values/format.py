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
the dataset has a name, version or descriptor: keeping them is worth the newer format). A
dataset whose descriptor declares format 1 or 2 (a descriptor without ``rightsdata_format``
declares format 1) and that holds a set is refused at load, each set located and the
message saying to declare format 3; one that declares format 1 to 3 and holds a figure
with ``of``, each such figure located and the message saying to declare format 4
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

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

if TYPE_CHECKING:
    from rightsdata._values.errors import Problem
    from rightsdata._values.places import Places

#: A format's version, one this library reads: the type of ``Dataset.format`` and of the
#: ``format=`` that ``rightsdata.testing``'s strategies and ``rightsdata.schema`` take, so
#: that a type checker tells a format no release has (``format=5``). A tuple of them is
#: :data:`READABLE` (a test keeps the two equal).
FormatVersion: TypeAlias = Literal[1, 2, 3, 4]

#: The newest format this library writes (a dataset is written in the lowest it needs).
FORMAT: Final[FormatVersion] = 4
#: The formats this library reads.
READABLE: Final[tuple[FormatVersion, ...]] = (1, 2, 3, 4)
#: The first format in which a date may be a set (``[A,B]``, "one of").
SETS_FROM: Final[FormatVersion] = 3
#: The first format in which a figure may say what exactly it counts (``of``).
OF_FROM: Final[FormatVersion] = 4
#: The fields a format after the first added to the model, by class and name, with that
#: format: format 1's form (every field written) leaves them out where they are empty, an
#: older format's schemas do not have them, and rightsdata.testing's strategies for readers
#: of an older format do not draw them. (A date's sets are not a field: :data:`SETS_FROM`.)
FIELDS_FROM: Final[Mapping[tuple[str, str], FormatVersion]] = MappingProxyType(
    {("Figure", "of"): OF_FROM}
)
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


def figures_with_of(records: Mapping[str, Sequence[Any]]) -> Iterator[tuple[str, int, int]]:
    """Where ``records`` (each kind's records) hold a figure that says what it counts
    (``of``): each ``(kind, index, figure's index)``, in order.

    >>> import attrs
    >>> from rightsdata import Event, Figure
    >>> from rightsdata._model.records import Citation
    >>> cite = (Citation(source="source:a"),)
    >>> from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure
    >>> figure = Figure(measure=Measure.PROSECUTED, unit=FigureUnit.PEOPLE, best=5,
    ...                 qualifier=FigureQualifier.EXACT, of="police officers", citations=cite)
    >>> event = Event(id="event:a", title="t", kind=EventKind.TRIAL, citations=cite,
    ...               figures=(attrs.evolve(figure, of=None), figure))
    >>> list(figures_with_of({"events": [event]}))
    [('events', 0, 1)]
    """
    for kind, items in records.items():
        if not items or not hasattr(items[0], "figures") or not _some_of(items):
            continue
        for index, record in enumerate(items):
            figures = record.figures
            if figures:
                for at, figure in enumerate(figures):
                    if figure.of is not None:
                        yield kind, index, at


def _some_of(items: Sequence[Any]) -> bool:
    """Whether one of ``items`` (a kind's records, which hold figures) has a figure with
    ``of``: a plain loop, since a load that declares an older format asks of every record
    (half a millisecond in 37,000 records, 6,000 of them figures)."""
    for record in items:
        figures = record.figures
        if figures:
            for figure in figures:
                if figure.of is not None:
                    return True
    return False


def needed_format(records: Mapping[str, Sequence[Any]]) -> FormatVersion:
    """The lowest format that can hold ``records`` (each kind's records): 4 if a figure has
    ``of``, else 3 if a date is a set, else 1 (every format reads them). ``Dataset.format``
    where nothing is declared.

    >>> needed_format({})
    1
    """
    if next(figures_with_of(records), None) is not None:
        return OF_FROM
    return SETS_FROM if next(set_dates(records), None) is not None else 1


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
) -> list[Problem]:
    """A problem for each thing among ``records`` (each kind's records) that a reader of the
    format ``declared`` cannot read, in a dataset whose descriptor, ``declared_in``
    (``datapackage.json``, "the descriptor given"), declares it (None: it declares none, so
    format 1): a date that is a set under format 1 or 2, a figure's ``of`` under format 1 to
    3. ``fix`` says what to do (by default, to declare the format needed there; a ``fix``
    given is told that format where it says ``{format}``), and ``where`` where each kind's
    records are (a file's name or :class:`~rightsdata._values.places.Places`; the kind's
    own name if not given).

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
    if effective < SETS_FROM:
        problems += _set_date_problems(records, declared, declared_in, where, fix)
    if effective < OF_FROM:
        problems += _of_problems(records, declared, declared_in, where, fix)
    return problems


def _advice(
    records: Mapping[str, Sequence[Any]],
    feature: FormatVersion,
    declared: int | None,
    declared_in: str,
    fix: str | None,
) -> str:
    """What a problem of a thing that needs format ``feature`` says after its value: that
    format, the one declared, and what to do: declare the format the whole dataset needs
    (``records``' own, at least ``feature``), named once for every problem.
    ``fix`` (None: set the key in ``declared_in``) is told that format where it says
    ``{format}``."""
    whole = max(feature, needed_format(records))
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


def _of_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None,
    fix: str | None,
) -> list[Problem]:
    """A problem for each figure's ``of`` among ``records``, in a dataset declaring a format
    before :data:`OF_FROM` (:func:`format_problems`)."""
    from rightsdata._values.errors import ProblemCode, printable
    from rightsdata._values.places import places_of

    found = list(figures_with_of(records))
    if not found:  # (the advice scans every record: only a load with problems pays for it)
        return []
    message = "a figure that says what it counts (of) " + _advice(
        records, OF_FROM, declared, declared_in, fix
    )
    where = where or {}
    problems = []
    for kind, index, at in found:
        record = records[kind][index]
        place = places_of(kind, where.get(kind, kind)).at(index, record.id)
        said = printable(repr(record.figures[at].of))
        problems.append(place.problem(f"figures[{at}].of", f"{said}: {message}", ProblemCode.VALUE))
    return problems


def null_of_problems(
    documents: Sequence[Any], places: Places, declared: int, fix: str = "leave it out"
) -> list[Problem]:
    """A problem for each figure among ``documents`` (one kind's records as parsed JSON, at
    ``places``) that writes ``of`` as null, in a dataset declaring a format before
    :data:`OF_FROM`: a reader of that format refuses the key whatever its value, and a
    loaded record cannot tell it from no ``of`` (:func:`format_problems` tells an ``of``
    that says something). ``fix`` says what to do.

    >>> from rightsdata._values.places import Places
    >>> figure = {"measure": "killed", "of": None}
    >>> (problem,) = null_of_problems([{"id": "event:a", "figures": [{}, figure]}],
    ...                               Places("events", "events.json"), 3)
    >>> print(problem)  # doctest: +NORMALIZE_WHITESPACE
    events.json[0] event:a.figures[1].of: null: a figure's of is format 4's, even null, and
    the dataset declares format 3: leave it out (readers of formats 1-3 cannot read it)
    >>> null_of_problems([{"id": "event:a", "figures": [figure]}], Places("events", "x"), 4)
    []
    """
    from rightsdata._values.errors import ProblemCode

    if declared >= OF_FROM:
        return []
    message = (
        f"null: a figure's of is format {OF_FROM}'s, even null, and the dataset declares "
        f"{_declared(declared)}: {fix} (readers of formats 1-{OF_FROM - 1} cannot read it)"
    )
    problems = []
    for index, document in enumerate(documents):
        figures = document.get("figures") if type(document) is dict else None
        if type(figures) is not list:
            continue
        for at, figure in enumerate(figures):
            if type(figure) is dict and "of" in figure and figure["of"] is None:
                record_id = document.get("id")
                place = places.at(index, record_id if type(record_id) is str else None)
                problems.append(place.problem(f"figures[{at}].of", message, ProblemCode.VALUE))
    return problems


def may_write_null_of(declared: int | None, data: bytes) -> bool:
    """Whether a file ``data`` of a dataset declaring ``declared`` (None: none) may hold a
    figure's ``of`` written null that a reader of that format refuses
    (:func:`null_of_problems`): the fast path, which cannot tell it from no ``of``, leaves
    such a file to the diagnostic path.

    >>> may_write_null_of(3, b'{"of": null}'), may_write_null_of(4, b'{"of": null}')
    (True, False)
    """
    return declared is not None and declared < OF_FROM and b'"of"' in data


def _set_date_problems(
    records: Mapping[str, Sequence[Any]],
    declared: int | None,
    declared_in: str,
    where: Mapping[str, str | Places] | None,
    fix: str | None,
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
        records, SETS_FROM, declared, declared_in, fix
    )
    where = where or {}
    problems = []
    for kind, index, field in found:
        record = records[kind][index]
        place = places_of(kind, where.get(kind, kind)).at(index, record.id)
        value = getattr(record, field)
        problems.append(place.problem(field, f"{str(value)!r}: {message}", ProblemCode.VALUE))
    return problems
