"""The fast path: a whole kind file decoded straight into the records with msgspec.

:func:`decode_records` turns the bytes of one kind file (``events.json``: a JSON array of
records) into the model's frozen attrs records in one pass of msgspec's C decoder: msgspec
builds the attrs instances itself, runs their field validators and ``__attrs_post_init__``,
matches the vocabularies' terms, and hands EDTF dates and durations to a ``dec_hook``.

It accepts exactly the documents that the strict converter
(:func:`rightsdata.convert.structure_many`) accepts and builds equal records. It never says
*why* a file is wrong: on any problem it raises, and the caller re-reads the file with the
diagnostic path (``json.loads`` and the converter), which reports every located problem. A
valid file therefore pays for msgspec alone; an invalid one pays for both paths, once.

Where msgspec is more lenient than the converter, a cheap check closes the gap:

* msgspec ignores unknown fields of attrs classes, and keeps the last of repeated keys. Both
  add a key-value pair that the records do not hold, and every pair has exactly one ``:``
  outside strings. So the records are encoded again (msgspec, in C) and the colons counted: if
  the file holds more colons than the re-encoded records, some pair was dropped, and
  :func:`decode_records` raises. Colons inside strings are the same in both (a ``:`` is never
  escaped when encoding, and a file that escapes one as ``\\u003a`` is sent to the diagnostic
  path rather than counted); enum terms re-encode to their own text; dates and durations are
  re-encoded as ``null``, which is exact for the count since neither can hold a ``:``.

Where msgspec is stricter it raises and the diagnostic path decides: a repeated key whose
first value has the wrong type, a lone surrogate escape (``"\\ud800"``: ``json.loads`` accepts
it), nesting deeper than msgspec's limit. Everything else matches: missing fields, ``null``
for a non-optional field, ``1.0``, ``1e2`` or ``true`` where an integer is expected, ``"5"``
for a number, numbers or unknown terms for an enum, objects for lists, ``NaN`` and
``Infinity`` (both reject), integers up to Python's 4,300-digit limit (both accept, then the
validators decide), a byte-order mark and invalid UTF-8 (both reject).

>>> from rightsdata.fastpath import decode_records
>>> data = b'''[{"id": "place:almaty", "name": "Almaty", "aliases": [], "kind": "city",
...   "country": "KZ", "within": null, "inferred": [],
...   "citations": [{"source": "source:a", "locator": null, "quote": null, "fields": null}]}]'''
>>> [place.name for place in decode_records("places", data)]
['Almaty']
>>> decode_records("places", data.replace(b'"kind"', b'"size": 3, "kind"'))
Traceback (most recent call last):
...
rightsdata.fastpath.FastPathError: places: a key the records do not hold (unknown or repeated)
"""

from __future__ import annotations

import functools
import gc
from typing import Any, Final

import msgspec
import pendulum

from rightsdata.dates import EDTF
from rightsdata.durations import parse_duration
from rightsdata.model import RECORD_TYPES, Record

__all__ = ["FastPathError", "decode_records"]

#: How many records are re-encoded at a time for the colon count (bounds the extra memory).
_CHUNK: Final = 4096
_ESCAPED_COLONS: Final = (b"\\u003a", b"\\u003A")


class FastPathError(ValueError):
    """The fast path cannot vouch for a file; read it with the diagnostic path instead."""


def _dec_hook(cls: type, value: Any) -> Any:
    # Called for the two non-JSON types of the model, with the JSON value as decoded.
    if cls is EDTF:
        if type(value) is not str:
            raise TypeError(f"expected an EDTF date as text, got {type(value).__name__}")
        return EDTF.parse(value)
    if cls is pendulum.Duration:
        if type(value) is not str:
            raise TypeError(f"expected an ISO 8601 duration as text, got {type(value).__name__}")
        return parse_duration(value)
    raise NotImplementedError(cls)


def _enc_hook(value: Any) -> Any:
    # Only colons are counted, and neither an EDTF date nor a duration can hold one (their
    # parsers accept no ':'), so both are written as null: no text needs to be formatted.
    if type(value) is not EDTF and not isinstance(value, pendulum.Duration):
        raise NotImplementedError(type(value))
    return None


@functools.cache
def _decoder(kind: str) -> msgspec.json.Decoder[list[Any]]:
    try:
        cls = RECORD_TYPES[kind]
    except KeyError:
        raise ValueError(
            f"unknown record kind {kind!r}; expected one of {', '.join(RECORD_TYPES)}"
        ) from None
    return msgspec.json.Decoder(list[cls], dec_hook=_dec_hook)  # type: ignore[valid-type]


_encoder: Final = msgspec.json.Encoder(enc_hook=_enc_hook)


def _colons(records: list[Any]) -> int:
    """How many ``:`` the records hold when written as JSON: one per pair, plus those in text."""
    buffer = bytearray()
    total = 0
    for start in range(0, len(records), _CHUNK):
        _encoder.encode_into(records[start : start + _CHUNK], buffer)
        total += buffer.count(b":")
    return total


def decode_records(kind: str, data: bytes) -> list[Record]:
    """Decode a whole kind file (a JSON array of records of ``kind``) into records.

    Raises on any problem (:class:`FastPathError`, :class:`msgspec.ValidationError`,
    :class:`msgspec.DecodeError`, or whatever a validator raises): the caller then reads the
    file with the diagnostic path, which reports every problem with its location. The garbage
    collector is paused while the records are built.
    """
    decoder = _decoder(kind)
    if _ESCAPED_COLONS[0] in data or _ESCAPED_COLONS[1] in data:
        raise FastPathError(f"{kind}: an escaped colon; the diagnostic path decides")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        records: list[Record] = decoder.decode(data)
        if data.count(b":") != _colons(records):
            raise FastPathError(f"{kind}: a key the records do not hold (unknown or repeated)")
    finally:
        if was_enabled:
            gc.enable()
    return records
