"""JSON Schema validation of documents, with the schemas shipped in the package.

This is for untrusted data from outside Python's type system, and for checking that the
schemas and the model agree; the default load path does not use it (the model checks the
same things, much faster). ``jsonschema`` is imported only when a document is validated:
install ``rightsdata[schema]``; without it, ``validator_for`` and ``schema_problems``
raise :class:`~rightsdata.MissingExtraError` (an ImportError) naming that extra, as
``rightsdata.validate(..., schema=True)`` does.

>>> from rightsdata.schema import schema_problems
>>> schema_problems("places", {"id": "place:almaty"}, "places.json[0]")[0].message
"'name' is a required property"
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from rightsdata._model.records import KINDS
from rightsdata._values.errors import Problem, ProblemCode
from rightsdata._values.extras import require
from rightsdata._values.format import schema_id
from rightsdata._values.places import RecordPlace, identify
from rightsdata._values.resources import schemas_root

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

__all__ = ["load_schema", "schema_problems", "validator_for"]


def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema by kind (``'events'``), ``'common'``, ``'redirects'`` (an entry of
    ``redirects.json``) or ``'datapackage'``, as a dict.

    >>> load_schema("events")["$id"]
    'urn:rightsdata:schemas:v3:events'
    """
    text = schemas_root().joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def validator_for(kind: str) -> Validator:
    """A Draft 2020-12 validator for one record of ``kind``, with the shared definitions.

    Needs ``rightsdata[schema]``: without jsonschema, raises
    :class:`~rightsdata.MissingExtraError` naming that extra.
    """
    require("jsonschema", "schema")  # one error for a missing extra: MissingExtraError
    require("referencing", "schema")  # (installed with jsonschema)
    import jsonschema
    from referencing import Registry, Resource

    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")
    resources = [
        (schema_id(name), Resource.from_contents(load_schema(name))) for name in ("common", *KINDS)
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    validator: Validator = jsonschema.Draft202012Validator(load_schema(kind), registry=registry)
    return validator


def schema_problems(kind: str, document: Any, location: str | RecordPlace) -> list[Problem]:
    """Every way ``document`` breaks the JSON Schema of ``kind``, located in its record:
    ``location`` is the record's place (``"places.json[0]"``), which the problems follow with
    the ID the document gives (``places.json[0] place:almaty.name``), then the field.
    Needs ``rightsdata[schema]``, as :func:`validator_for` does.

    >>> [str(p) for p in schema_problems("places", {"id": "place:almaty"}, "places.json[0]")][:1]
    ["places.json[0] place:almaty: 'name' is a required property"]
    """
    problems = []
    place: RecordPlace | None = location if isinstance(location, RecordPlace) else None
    for error in validator_for(kind).iter_errors(document):
        if place is None:
            record_id, note = identify(document)
            place = RecordPlace(str(location), record_id, note=note, kind=kind)
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(place.problem(path.removeprefix("."), error.message, ProblemCode.SCHEMA))
    return problems
