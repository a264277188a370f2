"""JSON Schema validation of documents, with the schemas shipped in the package.

This is for untrusted data from outside Python's type system, and for checking that the
schemas and the model agree; the default load path does not use it (the model checks the
same things, much faster). ``jsonschema`` is imported only when a document is validated:
install ``rightsdata[schema]``; without it, ``validator_for`` and ``schema_problems``
raise :class:`~rightsdata.MissingExtraError` (an ImportError) naming that extra, as
``rightsdata.validate(..., schema=True)`` does.

The schemas of each format with schemas of its own ship side by side, each with the
``$id`` of its format (``urn:rightsdata:schemas:v2:events``, ``...:v4:events``): format 4's
(the newest, the default) in ``schemas/``, format 3's in ``schemas/v3/``, format 2's in
``schemas/v2/``. Format 3's have no figure's ``of``; format 2's no ``of`` and no date that
is a set; otherwise they say the same. A format-1 file is named, and taken, by format 2's.
Each function takes the format keyword-only (1 to 4), and a ``$ref`` resolves within its
own format's schemas. A record kind a later format added (none yet) has no schema in an older
format's: asking for one raises ValueError.

>>> from rightsdata.schema import schema_problems
>>> schema_problems("places", {"id": "place:almaty"}, "places.json[0]")[0].message
"'name' is a required property"
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

from rightsdata._model.records import KINDS, KindName
from rightsdata._values.errors import (
    Problem,
    ProblemCode,
    not_a_name,
    shown_number,
    what_was_given,
)
from rightsdata._values.extras import require
from rightsdata._values.format import (
    FORMAT,
    FormatVersion,
    kind_format,
    kinds_in,
    schema_file,
    schema_format,
    schema_id,
)
from rightsdata._values.lazymodule import LazyModule
from rightsdata._values.places import RecordPlace, identify
from rightsdata._values.resources import schemas_root

if TYPE_CHECKING:
    import jsonschema.exceptions
    import jsonschema.protocols
    import referencing
else:  # imported when used, or when typing.get_type_hints reads an annotation
    jsonschema = LazyModule("jsonschema")
    referencing = LazyModule("referencing")

__all__ = ["SchemaName", "load_schema", "schema_problems", "validator_for"]


#: A shipped schema's name, as :func:`load_schema` takes it: a record kind's, or another
#: file's (so that a type checker tells a misspelt one).
SchemaName: TypeAlias = KindName | Literal["common", "redirects", "datapackage"]
_NAMES = ("common", *KINDS, "redirects", "datapackage")


def load_schema(name: SchemaName, *, format: FormatVersion = FORMAT) -> dict[str, Any]:
    """A shipped schema by kind (``'events'``), ``'common'``, ``'redirects'`` (an entry of
    ``redirects.json``) or ``'datapackage'``, as a dict: that of ``format`` (1 to 4; by
    default the newest, 4). Format 1's files are described by format 2's schemas.

    >>> load_schema("events")["$id"]
    'urn:rightsdata:schemas:v4:events'
    >>> load_schema("events", format=2)["$id"]
    'urn:rightsdata:schemas:v2:events'
    >>> load_schema("datapackage", format=2)["properties"]["rightsdata_format"]["maximum"]
    2
    """
    wrong = not_a_name(name, "a schema's name", "events", its="kind_name")
    if wrong is not None:
        raise TypeError(wrong)  # (a wrong type, docs/api.md)
    if name not in _NAMES:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"no schema named {name!r}{spelled_like(name, _NAMES)}; expected one of "
            f"{', '.join(_NAMES)}"
        )
    path = schema_file(name, format)  # (TypeError for a format not an int, ValueError unread)
    _kind_in(name, format)
    text = schemas_root().joinpath(*path.split("/")).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validator_for(
    kind: KindName, *, format: FormatVersion = FORMAT
) -> jsonschema.protocols.Validator:
    """A Draft 2020-12 validator for one record of ``kind`` in ``format`` (1 to 4; by
    default the newest, 4), with the shared definitions of that format: format 2's (which
    also takes format 1's files) refuses a date that is a set.

    Needs ``rightsdata[schema]``: without jsonschema, raises
    :class:`~rightsdata.MissingExtraError` naming that extra.

    >>> one_of = {"id": "source:a", "title": "A", "kind": "report", "language": "en",
    ...           "published": "[2012,2014]"}
    >>> [validator_for("sources", format=f).is_valid(one_of) for f in (3, 2)]
    [True, False]
    """
    require("jsonschema", "schema")  # one error for a missing extra: MissingExtraError
    require("referencing", "schema")  # (installed with jsonschema)
    wrong = not_a_name(kind, "a record kind", "events", its="kind_name")
    if wrong is not None:
        raise TypeError(wrong)  # (a wrong type, docs/api.md)
    if kind not in KINDS:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown record kind {kind!r}{spelled_like(kind, KINDS)}; expected one of "
            f"{', '.join(KINDS)}"
        )
    version = schema_format(format)
    _kind_in(kind, format)
    return _validator(kind, version)


def _kind_in(name: str, format: int) -> None:
    """Raise ValueError if ``name`` is a record kind a format after ``format`` added
    (``KINDS_FROM``): that format's schemas have none of it."""
    added = kind_format(name)
    if added > format:
        raise ValueError(
            f"no schema of {name} in format {format}: the record kind {name!r} is format "
            f"{added}'s (readers of formats 1-{added - 1} read none); give format={added} or "
            "later"
        )


# The cache is behind validator_for, not on it: keyed by the kind and schemas checked, it
# cannot answer a format refused (True, 3.0) with the validator of an equal one (1, 3), and
# type checkers read validator_for's own signature, not functools' wrapper's.
@functools.cache
def _validator(kind: KindName, version: FormatVersion) -> jsonschema.protocols.Validator:
    """The validator of ``kind`` in the schemas of ``version``, built once."""
    import jsonschema

    validator: jsonschema.protocols.Validator = jsonschema.Draft202012Validator(
        load_schema(kind, format=version), registry=_registry(version)
    )
    return validator


@functools.cache
def _registry(version: FormatVersion) -> referencing.Registry[Any]:
    """Every schema of ``version``'s, by its ``$id``: a ``$ref`` resolves within its format."""
    from referencing import Registry, Resource

    names: tuple[SchemaName, ...] = ("common", *kinds_in(version))  # (that format's kinds)
    resources = [
        (schema_id(name, version), Resource.from_contents(load_schema(name, format=version)))
        for name in names
    ]
    return Registry().with_resources(resources)


def schema_problems(
    kind: KindName, document: Any, location: str, *, format: FormatVersion = FORMAT
) -> list[Problem]:
    """Every way ``document`` breaks the JSON Schema of ``kind``, located in its record:
    ``location`` is the record's place (``"places.json[0]"``), which the problems follow with
    the ID the document gives (``places.json[0] place:almaty.name``), then the field.
    ``format`` chooses the schemas (1 to 4; by default the newest, 4), as for
    :func:`validator_for`. Needs ``rightsdata[schema]``, as :func:`validator_for` does.

    >>> [str(p) for p in schema_problems("places", {"id": "place:almaty"}, "places.json[0]")][:1]
    ["places.json[0] place:almaty: 'name' is a required property"]
    >>> doc = {"id": "source:a", "title": "A", "kind": "report", "language": "en",
    ...        "published": "[2012,2014]"}
    >>> schema_problems("sources", doc, "sources.json[0]", format=2)[0].field
    'published'
    """
    if not isinstance(location, str):  # (it heads every problem: a number, say, is a slip)
        raise TypeError(
            "location is the record's place as text, such as 'places.json[0]', not "
            f"{what_was_given(location)}"
        )
    return _problems_at(kind, document, location, format=format)


def _message(error: jsonschema.exceptions.ValidationError) -> str:
    """What a problem says of ``error``: for a value a pattern refused, the model's words
    for what the field takes (a country code in capitals, such as 'KZ') rather than the
    regular expression; else the validator's message."""
    if error.validator == "pattern" and isinstance(error.instance, str):
        from rightsdata._model.fields import pattern_message

        said = pattern_message(str(error.validator_value), error.instance)
        if said is not None:
            return said
    return error.message


class _LongNumber(int):
    """An integer of more than :data:`~rightsdata._values.errors.SHOWN_DIGITS` digits, as a
    validator's message writes it (``repr``): by its count of digits. Python refuses to write
    one of more than 4,300 digits, so a message that did raised ``ValueError``."""

    def __repr__(self) -> str:
        return shown_number(int(self))

    __str__ = __repr__


def _long_numbers_told(value: Any) -> Any:
    """``value``, or where it holds an integer of more than 66 bits (the least of more than
    ``SHOWN_DIGITS`` digits has 67), a copy that holds each as a :class:`_LongNumber`."""
    if type(value) is int:
        return _LongNumber(value) if value.bit_length() > 66 else value
    if type(value) is list:
        items = [_long_numbers_told(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if type(value) is dict:
        pairs = [(_long_numbers_told(k), _long_numbers_told(v)) for k, v in value.items()]
        same = all(k is a and v is b for (k, v), (a, b) in zip(pairs, value.items(), strict=True))
        return value if same else dict(pairs)
    return value


def _problems_at(
    kind: str, document: Any, location: str | RecordPlace, *, format: FormatVersion = FORMAT
) -> list[Problem]:
    """:func:`schema_problems` (internal), whose ``location`` may be the record's place as
    the loader knows it: its file, position and ID, which the problems then name."""
    problems = []
    place: RecordPlace | None = location if isinstance(location, RecordPlace) else None
    told = _long_numbers_told(document)
    # (the loader's kind is a str: validator_for checks it when it runs, as a type cannot)
    for error in validator_for(cast("KindName", kind), format=format).iter_errors(told):
        if place is None:
            record_id, note = identify(document)
            place = RecordPlace(str(location), record_id, note=note, kind=kind)
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(place.problem(path.removeprefix("."), _message(error), ProblemCode.SCHEMA))
        _unlink(error)
    return problems


def _unlink(error: jsonschema.exceptions.ValidationError) -> None:
    """Break the cycles of ``error``, once told: each error in its ``context`` (the reasons
    an ``anyOf`` failed) names it as its ``parent``, so without this every error with a
    context was left to the cyclic collector, which a load pauses (docs/loading.md)."""
    stack = list(error.context)
    while stack:
        inner = stack.pop()
        inner.parent = None
        stack += inner.context


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
