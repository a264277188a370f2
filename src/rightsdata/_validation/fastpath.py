"""The fast path: a whole kind file decoded straight into the records with msgspec.

:func:`decode_with_ids` turns the bytes of one kind file (``events.json``: a JSON array of
records) into the model's frozen attrs records in one pass of msgspec's C decoder: msgspec
builds the attrs instances itself, matches the vocabularies' terms and types, and hands EDTF
dates and durations to a ``dec_hook``. msgspec does not call ``__init__``, so the records'
own checks (:mod:`rightsdata._model.checks`) do not run; instead
:func:`rightsdata._validation.bulkcheck.check_records` runs the same checks over the whole file
at once,
which costs a fraction of one check per object.

It accepts exactly the documents that the strict converter
(:func:`rightsdata._validation.convert.structure_many`) accepts and builds equal records. It
never says
*why* a file is wrong: on any problem it raises, and the caller re-reads the file with the
diagnostic path (``json.loads`` and the converter), which reports every located problem. A
valid file therefore pays for msgspec alone; an invalid one pays for both paths, once.

Where msgspec is more lenient than the converter, a cheap check closes the gap: msgspec
ignores unknown fields of attrs classes, and keeps the last of repeated keys. Both drop a
key-value pair, and every pair has exactly one ``:`` outside strings, so the bulk check
counts the colons the records account for (pairs, the one in every ID, those in texts)
against the file's. A file may leave optional fields out: msgspec fills each in by calling
its default's factory, which counts the calls (:func:`rightsdata._model.fields.absent_count`),
so the pairs the file holds are the records' fields less those filled in. A file that
escapes a colon as ``\\u003a`` is sent to the diagnostic
path rather than counted.

Where msgspec is stricter it raises and the diagnostic path decides: a repeated key whose
first value has the wrong type, a lone surrogate escape (``"\\ud800"``: ``json.loads`` accepts
it), nesting deeper than msgspec's limit. Everything else matches: missing fields, ``null``
for a non-optional field, ``1.0``, ``1e2`` or ``true`` where an integer is expected, ``"5"``
for a number, numbers or unknown terms for an enum, objects for lists, ``NaN`` and
``Infinity`` (both reject), integers up to Python's 4,300-digit limit (both accept, then the
validators decide), a byte-order mark and invalid UTF-8 (both reject).

>>> from rightsdata._validation.fastpath import decode_with_ids
>>> data = b'''[{"id": "place:almaty", "name": "Almaty", "aliases": [], "kind": "city",
...   "country": "KZ", "within": null, "inferred": [],
...   "citations": [{"source": "source:a", "locator": null, "quote": null, "fields": null}]}]'''
>>> [place.name for place in decode_with_ids("places", data)[0]]
['Almaty']
>>> decode_with_ids("places", data.replace(b'"kind"', b'"size": 3, "kind"'))
... # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
FastPathError: places: a value breaks a rule, or a key is unknown or repeated
"""

from __future__ import annotations

import functools
from typing import Any, Final

import msgspec

from rightsdata._model.fields import absent_count
from rightsdata._model.records import RECORD_TYPES, Record
from rightsdata._validation.bulkcheck import check_records
from rightsdata._validation.sharing import Sharing
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration, parse_duration
from rightsdata._values.gcpause import gc_paused

__all__ = ["REFUSED", "FastPathError", "decode_with_ids"]

_ESCAPED_COLONS: Final = (b"\\u003a", b"\\u003A")


class FastPathError(ValueError):
    """The fast path cannot vouch for a file; read it with the diagnostic path instead."""


#: What :func:`decode_with_ids` raises when it cannot vouch for a file: its own refusal, or
#: msgspec's (a ``ValidationError`` is a ``DecodeError``; what the ``dec_hook`` raises reaches
#: the caller as one). Anything else is a bug, and is not taken for bad data.
REFUSED: Final = (FastPathError, msgspec.DecodeError)


def _dec_hook(cls: type, value: Any) -> Any:
    # Called for the two non-JSON types of the model, with the JSON value as decoded.
    if cls is EDTF:
        if type(value) is not str:
            raise TypeError(f"expected an EDTF date as text, got {type(value).__name__}")
        return EDTF.parse(value)
    if cls is Duration:
        if type(value) is not str:
            raise TypeError(f"expected an ISO 8601 duration as text, got {type(value).__name__}")
        return parse_duration(value)
    raise NotImplementedError(cls)


@functools.cache
def _decoder(kind: str) -> msgspec.json.Decoder[list[Any]]:
    try:
        cls = RECORD_TYPES[kind]
    except KeyError:
        raise ValueError(
            f"unknown record kind {kind!r}; expected one of {', '.join(RECORD_TYPES)}"
        ) from None
    return msgspec.json.Decoder(list[cls], dec_hook=_dec_hook)  # type: ignore[valid-type]


def decode_with_ids(
    kind: str, data: bytes, sharing: Sharing | None = None
) -> tuple[list[Record], set[str]]:
    """Decode a whole kind file (a JSON array of records of ``kind``) into records, with
    every ID the records hold: their own and every one they name (the bulk check gathers them
    anyway; the integrity check needs them).

    Raises one of :data:`REFUSED` on any problem: the caller then reads the file with the
    diagnostic path, which reports every problem with its location. The garbage collector is
    paused while the records are built. With ``sharing``, the records' equal values are made
    one object (:mod:`rightsdata._validation.sharing`) once they passed every check.
    """
    decoder = _decoder(kind)
    if b"\\u003" in data and (_ESCAPED_COLONS[0] in data or _ESCAPED_COLONS[1] in data):
        raise FastPathError(f"{kind}: an escaped colon; the diagnostic path decides")
    with gc_paused():
        before = absent_count()
        records: list[Record] = decoder.decode(data)  # never calls __init__: no checks yet
        absent = absent_count() - before  # fields left out, filled in by their defaults
        ids = check_records(records, data.count(b":"), absent)
        if ids is None:
            raise FastPathError(f"{kind}: a value breaks a rule, or a key is unknown or repeated")
        if sharing is not None:
            sharing.share(RECORD_TYPES[kind], records)
    return records, ids
