"""Checking a dataset's ``datapackage.json`` as strictly as its records.

The rules are those of ``schemas/datapackage.schema.json`` (the Data Package v2 properties
rightsdata uses, and ``"rightsdata_format"``), read by a small interpreter of the few JSON
Schema keywords that file uses, so that loading needs no ``jsonschema``. Beyond the schema,
every key and text must be storable as UTF-8 (no lone surrogates), every number finite, and
the nesting at most ``MAX_DEPTH`` (32) levels; and the format must be one this library
reads. A descriptor given in Python (``Dataset(descriptor=...)``, ``load_documents``) must
hold JSON's values only (dicts with str keys, lists, str, int, float, bool, None), as a parse
gives them.

Problems are located from ``datapackage.json``: ``datapackage.json.resources[2].bytes``.

>>> for problem in descriptor_problems({"name": "x", "licenses": 5}):
...     print(problem)
datapackage.json.licenses: expected a list, got an integer (5)
>>> print(descriptor_problems({"rightsdata_format": 5})[0].message)
format 5 is newer than this rightsdata reads (formats 1-4); upgrade rightsdata
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Collection
from typing import Any, Final

from rightsdata._values.errors import (
    Problem,
    ProblemCode,
    counted,
    describe_json,
    encodable,
    not_text_key,
    with_article,
)
from rightsdata._values.format import DESCRIPTOR, FORMAT_KEY, READABLE, format_of
from rightsdata._values.joined import one_of
from rightsdata._values.plainjson import JSON_TYPES
from rightsdata._values.resources import schemas_root
from rightsdata._values.spelling import unknown_field

__all__ = [
    "DESCRIPTOR",
    "MAX_DEPTH",
    "checkable_resources",
    "declared_format",
    "descriptor_problems",
    "load_schema",
]

#: The deepest nesting a descriptor may have (the bundled one has 4 levels).
MAX_DEPTH: Final = 32
_SCHEMA_FILE: Final = "datapackage.schema.json"

#: The keywords the interpreter understands; a schema using any other is refused, so that a
#: rule added to the file cannot be silently ignored here.
_KEYWORDS: Final = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "type",
        "properties",
        "additionalProperties",
        "required",
        "items",
        "minItems",
        "minimum",
        "maximum",
        "minLength",
        "pattern",
        "anyOf",
    }
)
_TYPE_NAMES: Final = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


@functools.cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``datapackage.json``, as shipped.

    >>> load_schema()["$id"]
    'urn:rightsdata:schemas:v4:datapackage'
    """
    text = schemas_root().joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    _check_keywords(schema)
    return schema


def _check_keywords(schema: object) -> None:
    if isinstance(schema, dict):
        unknown = set(schema) - _KEYWORDS
        if unknown:
            raise ValueError(f"{_SCHEMA_FILE} uses keywords rightsdata cannot check: {unknown}")
        for key, value in schema.items():
            if key in ("properties", "$defs"):
                for sub in value.values():
                    _check_keywords(sub)
            elif key in ("items", "additionalProperties"):
                _check_keywords(value)
            elif key == "anyOf" and not any(
                all(set(sub) == {only} for sub in value) for only in ("required", "type")
            ):
                raise ValueError(f"{_SCHEMA_FILE}: anyOf is understood only over required or type")


def descriptor_problems(
    raw: object, where: str = DESCRIPTOR, *, limit: int | None = None
) -> list[Problem]:
    """Every problem of a parsed ``datapackage.json``, located under ``where``; [] if valid.
    ``limit`` (a load's ``max_problems``): the first that many, the schema's rules checked
    no further than they need to find them (a list or object of many bad items is not walked
    to its end).

    One problem hides no other: the schema's rules are checked where text, numbers or depth
    are unsound too (each place said once: a lone surrogate or an infinite number is not also
    of the wrong type), and the format is judged whatever else is wrong.

    >>> for problem in descriptor_problems({"licences": [], "rightsdata_format": 9}):
    ...     print(problem.location, problem.code)
    datapackage.json.licences unknown_field
    datapackage.json.rightsdata_format newer_format
    """
    problems = _generic_problems(raw, where)
    said = {problem.location for problem in problems}
    if limit is not None and len(problems) >= limit:
        return problems[:limit]
    schema = load_schema()
    # (whether the format is sound is judged from the value, never from the problems found:
    # under a limit, the walk may stop before reaching it)
    unread = (
        _format_problems(raw.get(FORMAT_KEY), f"{where}.{FORMAT_KEY}")
        if isinstance(raw, dict)
        else []
    )
    # a format newer than the schema's cap is told so ("upgrade rightsdata"), not as a number
    # above the cap
    said |= {problem.location for problem in unread}
    # (the schema is walked, not the value: its depth bounds the recursion; under a limit,
    # as many more as may be said already and dropped)
    room = None if limit is None else limit - len(problems) + len(said)
    problems += [p for p in _check(raw, schema, schema, where, room) if p.location not in said]
    problems += unread
    return problems if limit is None else problems[:limit]


def declared_format(raw: object) -> int | None:
    """The format a descriptor ``raw`` declares (1 where it does not say), if that much of
    it is sound: a descriptor with other problems still declares its format; None if
    ``raw`` is no object or its format has a problem. Judged from the value alone, never
    from a list of problems (one cut to ``max_problems`` may not hold the format's).

    >>> declared_format({"licences": [], "rightsdata_format": 2})
    2
    >>> declared_format({"name": "x"})
    1
    >>> declared_format({"rightsdata_format": "2"}), declared_format({"rightsdata_format": 9})
    (None, None)
    """
    if type(raw) is not dict:
        return None
    if FORMAT_KEY in raw and not _format_readable(raw[FORMAT_KEY]):
        return None
    return format_of(raw)


def checkable_resources(raw: object) -> list[tuple[int, dict[str, Any]]]:
    """The entries of a descriptor's ``resources`` whose file can be checked against them,
    whatever else is wrong with it: each ``(index, entry)`` where the entry is an object
    with a sound ``path``, holding that path and those of its ``bytes`` and ``hash`` that are
    sound (the others are the descriptor's problems, and are not held against the file).

    >>> checkable_resources({"licences": [], "resources": [
    ...     {"name": "a", "path": "sources.json", "bytes": "12"}, {"path": "../x"}, 5]})
    [(0, {'path': 'sources.json'})]
    """
    resources = raw.get("resources") if type(raw) is dict else None
    if type(resources) is not list:
        return []
    schema = load_schema()
    rules: dict[str, Any] = schema["properties"]["resources"]["items"]["properties"]
    checkable: list[tuple[int, dict[str, Any]]] = []
    for index, entry in enumerate(resources):
        if type(entry) is not dict or not _sound(entry.get("path"), rules["path"], schema):
            continue
        kept = {
            key: entry[key]
            for key in ("path", "bytes", "hash")
            if key in entry and _sound(entry[key], rules[key], schema)
        }
        checkable.append((index, kept))
    return checkable


def _sound(value: object, rule: dict[str, Any], schema: dict[str, Any]) -> bool:
    """Whether ``value`` keeps ``rule`` and is storable text or a finite number."""
    if value is None or _generic_problems(value, ""):
        return False
    return not _check(value, rule, schema, "")


def _format_typed(value: object) -> bool:
    """Whether a format ``value`` keeps the schema's rule but for its cap (an integer, at
    least 1): one above the cap, the newest format this library reads, is a newer format.

    >>> _format_typed(5), _format_typed(0), _format_typed("4")
    (True, False, False)
    """
    schema = load_schema()
    rule = {k: v for k, v in schema["properties"][FORMAT_KEY].items() if k != "maximum"}
    return _sound(value, rule, schema)


def _format_readable(value: object) -> bool:
    """Whether a format ``value`` keeps the schema's rule and is one this library reads."""
    return _format_typed(value) and value in READABLE


def _format_problems(value: object, where: str) -> list[Problem]:
    """That a format ``value`` is not one this library reads, if it is; [] for a value the
    schema refuses (the schema's check says that) and for none (format 1, by default)."""
    if not _format_typed(value) or value in READABLE:
        return []
    number = int(value)  # type: ignore[call-overload]
    span = f"formats {READABLE[0]}-{READABLE[-1]}"
    if number > READABLE[-1]:
        message = (
            f"format {number} is newer than this rightsdata reads ({span}); upgrade rightsdata"
        )
        return [Problem(where, message, ProblemCode.NEWER_FORMAT)]
    message = f"format {number} is not one this rightsdata reads ({span})"
    return [Problem(where, message, ProblemCode.PACKAGE)]


def _not_json(value: object) -> str:
    """What a value of no JSON type is told; a subclass of one (an ``OrderedDict``, an
    ``IntEnum``), which a writer may write otherwise or not at all, to give the type itself.
    (A descriptor given in Python, ``Dataset(descriptor=...)`` or ``load_documents``, may
    hold anything, which no writer could write as JSON, a tuple or a date, or would write as
    something else.)

    >>> import collections
    >>> _not_json(collections.OrderedDict())
    'expected a JSON value, got OrderedDict, a subclass of dict: give a dict'
    >>> _not_json((1,))
    'expected a JSON value, got tuple ((1,))'
    """
    base = next((t for t in JSON_TYPES if t is not bool and isinstance(value, t)), None)
    if base is None or base is type(None):
        return f"expected a JSON value, got {describe_json(value)}"
    return (
        f"expected a JSON value, got {describe_json(value)}, a subclass of {base.__name__}: "
        f"give {with_article(base.__name__)}"
    )


class _Name:
    """A key that is not text, met in a descriptor's walk (:func:`_generic_problems`)."""

    __slots__ = ("key",)

    def __init__(self, key: object) -> None:
        self.key = key


def _generic_problems(raw: object, where: str) -> list[Problem]:
    """Lone surrogates, numbers that are not finite, nesting deeper than MAX_DEPTH, and (in a
    descriptor given in Python) keys that are not text and values that are not JSON's,
    anywhere (walked with a stack, not recursion: the nesting is not yet known to be sane)."""
    problems: list[Problem] = []
    stack: list[tuple[object, str, int]] = [(raw, where, 1)]
    while stack:
        value, at, depth = stack.pop()
        if type(value) is _Name:  # (said in its turn, as a value is: in reading order)
            problems.append(Problem(at, not_text_key(value.key), ProblemCode.TYPE))
        elif type(value) not in JSON_TYPES:
            problems.append(Problem(at, _not_json(value), ProblemCode.TYPE))
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                problems.append(
                    Problem(at, f"is nested more than {MAX_DEPTH} levels deep", ProblemCode.LIMIT)
                )
                continue
            if isinstance(value, dict):
                for key, item in value.items():
                    if type(key) is not str:
                        stack.append((_Name(key), at, depth + 1))  # (told at its holder)
                        continue
                    if encodable(key) is not key:
                        problems.append(_surrogate(f"{at}.{key}", "its name"))
                    stack.append((item, f"{at}.{key}", depth + 1))
            else:
                stack += [(item, f"{at}[{i}]", depth + 1) for i, item in enumerate(value)]
        elif isinstance(value, str):
            if encodable(value) is not value:
                problems.append(_surrogate(at, "its text"))
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(
                Problem(at, f"{value} is not a finite number (too large?)", ProblemCode.PACKAGE)
            )
    problems.reverse()  # the stack visited the last items first
    return problems


def _surrogate(at: str, what: str) -> Problem:
    return Problem(
        at,
        f"{what} holds a lone surrogate (a \\ud800-\\udfff escape without its pair), "
        "which is not text",
        ProblemCode.PACKAGE,
    )


def _is_type(value: object, name: str) -> bool:
    if name == "object":
        return type(value) is dict
    if name == "array":
        return type(value) is list
    if name == "string":
        return type(value) is str
    if name == "integer":  # (not 5.0, which JSON Schema counts: a record's count refuses it)
        return type(value) is int
    if name == "number":
        return type(value) in (int, float)
    if name == "boolean":
        return type(value) is bool
    return value is None


def _check(
    value: object,
    schema: dict[str, Any],
    root: dict[str, Any],
    at: str,
    limit: int | None = None,
) -> list[Problem]:
    """``value`` against one (sub)schema, as JSON Schema would judge it; under ``limit``, the
    items of a list (or an object's fields) after the one with which its problems reach it
    are not checked."""
    ref = schema.get("$ref")
    if ref is not None:
        schema = root["$defs"][ref.removeprefix("#/$defs/")]
    types = schema.get("type")
    alternatives = schema.get("anyOf", ())
    if alternatives and all("type" in alt for alt in alternatives):
        # a union of types, spelt so (ajv's strict mode refuses "type": ["string", "object"])
        types = [alt["type"] for alt in alternatives]
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is_type(value, name) for name in names):
            wanted = one_of(_TYPE_NAMES[name] for name in names)
            return [
                Problem(at, f"expected {wanted}, got {describe_json(value)}", ProblemCode.PACKAGE)
            ]
    problems: list[Problem] = []
    if type(value) is str:
        if len(value) < schema.get("minLength", 0):
            problems.append(Problem(at, "must not be empty", ProblemCode.PACKAGE))
        pattern = schema.get("pattern")
        if pattern is not None and not _search(pattern, value):
            wanted = schema.get("description", f"text matching {pattern}")
            problems.append(Problem(at, f"{value!r} is not {wanted}", ProblemCode.PACKAGE))
    elif type(value) in (int, float):
        if value < schema.get("minimum", value):
            problems.append(
                Problem(
                    at, f"expected at least {schema['minimum']}, got {value}", ProblemCode.PACKAGE
                )
            )
        if value > schema.get("maximum", value):
            problems.append(
                Problem(
                    at, f"expected at most {schema['maximum']}, got {value}", ProblemCode.PACKAGE
                )
            )
    elif type(value) is list:
        if len(value) < schema.get("minItems", 0):
            problems.append(
                Problem(
                    at,
                    f"expected at least {counted(schema['minItems'], 'item')}",
                    ProblemCode.PACKAGE,
                )
            )
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                if limit is not None and len(problems) >= limit:
                    break
                room = None if limit is None else limit - len(problems)
                problems += _check(item, items, root, f"{at}[{index}]", room)
    elif type(value) is dict:
        problems += _check_object(value, schema, root, at, limit)
    return problems


def _check_object(
    value: dict[str, Any],
    schema: dict[str, Any],
    root: dict[str, Any],
    at: str,
    limit: int | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    properties: dict[str, Any] = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            problems.append(
                Problem(f"{at}.{name}", "required field is missing", ProblemCode.MISSING)
            )
    alternatives = schema.get("anyOf")
    if alternatives is not None and not any(
        all(name in value for name in alt.get("required", ())) for alt in alternatives
    ):
        names = one_of(name for alt in alternatives for name in alt.get("required", ()))
        problems.append(Problem(at, f"needs {names}", ProblemCode.MISSING))
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if limit is not None and len(problems) >= limit:
            break
        if type(key) is not str:
            continue  # (said by _generic_problems: a name that is not text)
        room = None if limit is None else limit - len(problems)
        sub = properties.get(key)
        if sub is not None:
            problems += _check(item, sub, root, f"{at}.{key}", room)
        elif extra is False:
            # an empty name is told at its holder ("unknown field ''"), not at "{at}."
            where = f"{at}.{key}" if key else at
            problems.append(Problem(where, _unknown(key, properties), ProblemCode.UNKNOWN_FIELD))
        elif isinstance(extra, dict):
            problems += _check(item, extra, root, f"{at}.{key}", room)
    return problems


#: Fields a Data Package may have that rightsdata leaves out on purpose: contact data.
_CONTACT_FIELDS: Final = frozenset({"email", "phone", "telephone", "address"})


def _unknown(key: str, known: Collection[str]) -> str:
    """What to say of a field the schema does not have, of those ``known`` to it: the one
    it is spelled like, as for a record's field; or, for one spelled like none, why it is
    refused (the Data Package spec allows others: refusing them catches a misspelt one).

    >>> _unknown("licences", ["name", "licenses"])
    "unknown field; did you mean 'licenses'?"
    >>> _unknown("x-custom", ["name", "licenses"]).endswith("a misspelt one is not passed over")
    True
    """
    if key.lower() in _CONTACT_FIELDS:
        return "unknown field: a dataset holds no personal contact data; leave it out"
    said = unknown_field(key, known)
    if ";" in said:  # (a field it is spelled like)
        return said
    return (
        f"{said}: rightsdata reads the Data Package properties (v2, and v1's profile) and "
        "refuses others, so that a misspelt one is not passed over"
    )


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _search(pattern: str, text: str) -> bool:
    return _compiled(pattern).search(text) is not None
