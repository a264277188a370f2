"""The fast path: a whole kind file decoded straight into the records with msgspec.

:func:`decode_with_ids` turns the bytes of one kind file (``events.json``: a JSON array of
records) into the model's frozen attrs records in one pass of msgspec's C decoder: msgspec
builds the attrs instances itself, matches the vocabularies' terms and types, and hands EDTF
dates and durations to a ``dec_hook``. msgspec does not call ``__init__``, so the records'
own checks (:mod:`rightsdata._model.checks`) do not run; instead
:func:`rightsdata._validation.bulkcheck.checked_tally` runs the same checks over the whole file
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
key-value pair, whose key is a string: in a file with no backslash every ``"`` starts or
ends a string, so the bulk check counts the quotes the records account for (two for each
key and for each string value) against the file's; in a file with an escape, where a text
may hold a quote, the colons (every pair has exactly one outside strings; the one in every
ID, those in texts). A file may leave optional fields out: msgspec fills each in by calling
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
>>> [place.label for place in decode_with_ids("places", data)[0]]
['Almaty']
>>> decode_with_ids("places", data.replace(b'"kind"', b'"size": 3, "kind"'))
... # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
FastPathError: places: a value breaks a rule, or a key is unknown or repeated
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar

import msgspec

from rightsdata._model.fields import absent_count
from rightsdata._model.records import KINDS, RECORD_TYPES, Record
from rightsdata._validation.bulkcheck import Gathered, checked_tally, tallied
from rightsdata._validation.prefill import Variants
from rightsdata._values.dates import _CACHE as _EDTF_CACHE
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration, parse_duration
from rightsdata._values.format import EMBEDDED
from rightsdata._values.gcpause import gc_paused

if TYPE_CHECKING:  # (sharing is imported only by loads that ask for it)
    from rightsdata._validation.sharing import Sharing

__all__ = [
    "REFUSED",
    "Decoded",
    "FastPathError",
    "decode_document",
    "decode_json_lines",
    "decode_kind",
    "decode_with_ids",
]

_T = TypeVar("_T")
_ESCAPED_COLONS: Final = (b"\\u003a", b"\\u003A")
_BACKSLASH: Final = ord("\\")


class FastPathError(ValueError):
    """The fast path cannot vouch for a file; read it with the diagnostic path instead."""


#: What :func:`decode_with_ids` raises when it cannot vouch for a file: its own refusal, or
#: msgspec's (a ``ValidationError`` is a ``DecodeError``; what the ``dec_hook`` raises reaches
#: the caller as one; a value nested deeper than the interpreter lets msgspec recurse, 1,000
#: to 10,000 levels by Python version, a ``RecursionError``: the diagnostic path then holds
#: the file to rightsdata's own limit, ``_values.nesting.MAX_NESTING``). Anything else is a
#: bug, and is not taken for bad data.
REFUSED: Final = (FastPathError, msgspec.DecodeError, RecursionError)


def _dec_hook(cls: type, value: Any) -> Any:
    # Called for the two non-JSON types of the model, with the JSON value as decoded.
    # The parser's cache first, in this frame: dates repeat, and this saves two Python calls
    # a date, and the test of its type (the cache's keys are texts; a list or an object
    # raises TypeError here, "unhashable type", a refusal of the fast path as that test's is).
    cached = _EDTF_CACHE.get(value)
    if cached is not None and cls is EDTF:
        return cached
    if cls is EDTF:
        if type(value) is not str:
            raise TypeError(f"expected an EDTF date as text, got {type(value).__name__}")
        return EDTF.parse(value)
    if cls is Duration:
        if type(value) is not str:
            raise TypeError(f"expected an ISO 8601 duration as text, got {type(value).__name__}")
        return parse_duration(value)
    raise NotImplementedError(cls)


def _of_kinds(build: Callable[[type], msgspec.json.Decoder[Any]]) -> Variants[_ByKind]:
    """Each kind's decoder, made by ``build`` from the class to read its records into."""
    return Variants(lambda types: {kind: build(cls) for kind, cls in types.items()})


_ByKind = dict[str, msgspec.json.Decoder[Any]]
#: The decoders of a kind's file (a JSON array of its records) and of a JSON Lines line (one
#: record); a JSON document's are :func:`_document_variants`.
_FILES: Final = _of_kinds(
    lambda cls: msgspec.json.Decoder(list[cls], dec_hook=_dec_hook)  # type: ignore[valid-type]
)
_LINES: Final = _of_kinds(lambda cls: msgspec.json.Decoder(cls, dec_hook=_dec_hook))


def _decoder(kind: str) -> msgspec.json.Decoder[list[Any]]:
    """The plain decoder of a file of ``kind``'s records (every field filled by msgspec)."""
    decoder = _FILES.plain().get(kind)
    if decoder is None:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown record kind {kind!r}{spelled_like(kind, RECORD_TYPES)}; expected one of "
            f"{', '.join(RECORD_TYPES)}"
        )
    return decoder


def _decoded(decode: Callable[[], _T], sparse: bool) -> tuple[_T, int]:
    """What ``decode()`` gives (it never calls ``__init__``: no checks yet), and how many
    fields it gave their defaults by their factories, each a field the file left out (0 for
    a sparse decoder, whose walk counts them)."""
    before = absent_count()
    value = decode()
    return value, 0 if sparse else absent_count() - before


def decode_with_ids(
    kind: str, data: bytes, sharing: Sharing | None = None
) -> tuple[list[Record], set[str]]:
    """Decode a whole kind file (a JSON array of records of ``kind``) into records, with
    every ID the records hold: their own and every one they name (the bulk check gathers them
    anyway; the integrity check needs them). :func:`decode_kind` also gives the IDs of each
    family of the class's ``_NAMES``.

    Raises one of :data:`REFUSED` on any problem: the caller then reads the file with the
    diagnostic path, which reports every problem with its location. The garbage collector is
    paused while the records are built. With ``sharing``, the records' equal values are made
    one object (:mod:`rightsdata._validation.sharing`) once they passed every check.
    """
    decoded = decode_kind(kind, data, sharing)
    return decoded.records, decoded.ids


def decode_kind(kind: str, data: bytes, sharing: Sharing | None = None) -> Decoded:
    """:func:`decode_with_ids`'s records and IDs, and what the walk of the checks gathered
    for the queries (:class:`rightsdata._validation.bulkcheck.Gathered`)."""
    _decoder(kind)  # (an unknown kind raises)
    escapes = _refuse_escaped_colons(kind, data)
    data_tally = data.count(tallied(escapes)[0])
    with gc_paused():
        for decoders, sparse in _FILES.tries(data):
            decoded = _decoded_kind(decoders[kind], sparse, data, data_tally, escapes)
            if decoded is not None:
                break
        else:
            raise FastPathError(f"{kind}: a key is unknown or repeated")
        if sharing is not None:
            sharing.share(RECORD_TYPES[kind], decoded.records)
    return decoded


def _decoded_kind(
    decoder: msgspec.json.Decoder[Any], sparse: bool, data: bytes, data_tally: int, escapes: bool
) -> Decoded | None:
    """:func:`decode_kind`'s result by ``decoder``, or None if the tally disagrees; raise
    if a check refuses the records (which another decoder would refuse too)."""
    records, absent = _decoded(lambda: decoder.decode(data), sparse)
    checked = checked_tally(records, escapes=escapes, sparse=sparse)
    if checked is None:
        raise FastPathError(f"{type(records[0]).__name__}: a value breaks a rule")
    if checked.tally - absent * tallied(escapes)[1] != data_tally:
        return None
    return Decoded(records, checked.ids, None, checked.gathered)


def _refuse_escaped_colons(label: str, data: bytes) -> bool:
    """Raise if ``data`` escapes a colon; else whether it holds a backslash (any escape)."""
    # A one-byte search is a memchr (a twelfth of the time of the five-byte one over
    # 170 MB); most files hold no backslash at all.
    if _BACKSLASH not in data:  # (an int: a bytes operand costs a TypeError made and dropped)
        return False
    if b"\\u003" in data and (_ESCAPED_COLONS[0] in data or _ESCAPED_COLONS[1] in data):
        raise FastPathError(f"{label}: an escaped colon; the diagnostic path decides")
    return True


# --- the other layouts: one JSON document, JSON Lines ------------------------------------------


class Decoded(NamedTuple):
    """One kind's records, with every ID they hold (as :func:`decode_with_ids` returns them),
    for JSON Lines each record's line number, and what the walk of the checks gathered for
    the queries (:attr:`rightsdata._validation.bulkcheck.Checked.gathered`)."""

    records: list[Record]
    ids: set[str]
    lines: array[int] | None = None
    gathered: Gathered | None = None


@functools.cache
def _document_variants() -> Variants[msgspec.json.Decoder[Any]]:
    return Variants(lambda types: msgspec.json.Decoder(_document_struct(types), dec_hook=_dec_hook))


def _document_struct(types: Mapping[str, type]) -> type:
    """A new struct of a JSON document's lists of records (each kind's read into its class
    of ``types``), redirects and descriptor."""
    fields: list[tuple[str, Any, Any]] = [
        (kind, list[cls] | None, None)  # type: ignore[valid-type]
        for kind, cls in types.items()
    ]
    fields.append(("redirects", msgspec.Raw, msgspec.Raw()))
    fields.append((EMBEDDED, msgspec.Raw, msgspec.Raw()))
    return msgspec.defstruct("Document", fields, forbid_unknown_fields=True)


def decode_document(
    data: bytes, sharing: Sharing | None = None, order: Sequence[str] | None = None
) -> tuple[dict[str, Decoded], bytes | None, bytes | None]:
    """Decode a whole JSON document (an object with a list of records per kind, and maybe
    ``"redirects"`` and a ``"datapackage"`` descriptor) as :func:`decode_with_ids` decodes
    one kind's file: every kind's records, and the redirects' and the descriptor's JSON
    text (None where absent) for the caller to check.

    The quotes (or colons: :func:`~rightsdata._validation.bulkcheck.tallied`) are counted
    over the whole document: each kind's records', each key's, the redirects' and the
    descriptor's. A key that is unknown raises; one that is repeated or ``null`` leaves its
    own uncounted. A document with no list of records raises (the diagnostic path says what
    it holds). The kinds come in the document's order; ``order``, the order of its keys,
    spares reading it again (the caller that wrote the document knows it).

    >>> data = b'''{"places": [{"id": "place:almaty", "name": "Almaty", "kind": "city",
    ...   "citations": [{"source": "source:a"}]}], "redirects": [],
    ...   "datapackage": {"name": "x"}}'''
    >>> kinds, redirects, descriptor = decode_document(data)
    >>> [place.label for place in kinds["places"].records], redirects, descriptor
    (['Almaty'], b'[]', b'{"name": "x"}')
    """
    escapes = _refuse_escaped_colons("the document", data)
    with gc_paused():
        for decoder, sparse in _document_variants().tries(data):
            read = _read_document(decoder, sparse, data, escapes)
            if read is not None:
                break
        else:
            raise FastPathError("the document: a key is repeated or null, or no records")
        if sharing is not None:
            for name, decoded in read[0].items():
                sharing.share(RECORD_TYPES[name], decoded.records)
    kinds, redirects, descriptor = read
    if len(kinds) > 1:
        # In the document's order, as the diagnostic path takes its lists: the problems the
        # checks across records find come out in it, and a cap keeps the same ones. Reading
        # the order skims the document once more (15 ms for 30 MB), unless the caller, who
        # wrote it, says it.
        keys = _keys().decode(data) if order is None else order
        kinds = {kind: kinds[kind] for kind in keys if kind in kinds}
    return kinds, redirects, descriptor


@functools.cache
def _keys() -> msgspec.json.Decoder[dict[str, msgspec.Raw]]:
    """A decoder of a JSON object's keys, in their order, its values left unread."""
    return msgspec.json.Decoder(dict[str, msgspec.Raw])


def _read_document(
    decoder: msgspec.json.Decoder[Any], sparse: bool, data: bytes, escapes: bool
) -> tuple[dict[str, Decoded], bytes | None, bytes | None] | None:
    """:func:`decode_document`'s result by ``decoder``, or None if the tally disagrees (or
    the document holds no records); raise if a check refuses a kind's records."""
    byte, per_key = tallied(escapes)
    found: dict[str, Decoded] = {}
    document, absent = _decoded(lambda: decoder.decode(data), sparse)
    tally = -absent * per_key  # (a field left out holds no key)
    for kind in KINDS:
        records = getattr(document, kind)
        if records is None:
            continue
        checked = checked_tally(records, escapes=escapes, sparse=sparse)
        if checked is None:
            raise FastPathError(f"{kind}: a value breaks a rule, or a key is unknown")
        tally += checked.tally + per_key  # and the key's own
        found[kind] = Decoded(records, checked.ids, None, checked.gathered)
    redirects = bytes(document.redirects) if len(document.redirects) else None
    if redirects is not None:
        tally += redirects.count(byte) + per_key
    raw = getattr(document, EMBEDDED)
    descriptor = bytes(raw) if len(raw) else None
    if descriptor is not None:
        tally += descriptor.count(byte) + per_key
    if tally != data.count(byte) or not found:
        return None
    return found, redirects, descriptor


#: How a JSON Lines record of each kind starts, as ``Dataset.export(dir, "jsonl")`` and
#: ``json.dumps`` write it; a redirect's too.
_LINE_STARTS: Final = {
    f'{{"$kind": "{kind}", '.encode("ascii"): kind for kind in (*KINDS, "redirects")
}
_KIND_START: Final = b'{"$kind": "'
#: How a JSON Lines file's descriptor line starts, as the library writes it (its first line).
_DESCRIPTOR_START: Final = f'{{"$kind": "{EMBEDDED}", '.encode("ascii")


def _each(decoder: msgspec.json.Decoder[Any], texts: list[bytes]) -> list[Record]:
    """Each of ``texts`` (a JSON Lines line) decoded alone by ``decoder``."""
    return list(map(decoder.decode, texts))


def decode_json_lines(
    data: bytes, sharing: Sharing | None = None
) -> tuple[dict[str, Decoded], list[tuple[int, bytes]], bytes | None]:
    """Decode JSON Lines whose every line starts with its kind, ``{"$kind": "events", ``
    (as rightsdata and ``json.dumps`` write them): each line decoded alone into a record of
    its kind (so that a line holds exactly one value), checked in bulk per kind as
    :func:`decode_with_ids` does; the redirect lines (numbered from 1) and the first line
    if it is a descriptor (``{"$kind": "datapackage", ``; None if not) for the caller.

    Any other line (blank, another order of keys, another spacing) raises: the diagnostic
    path reads such a file. The ``"$kind"`` key that starts a line is the one unknown key
    msgspec is let to skip (four quotes a line, or one colon); any other, a second
    ``"$kind"`` among them, leaves its own uncounted. A file that writes an empty field
    after a head that wrote none is read again by the plain decoders.

    >>> place = (b'{"$kind": "places", "id": "place:almaty", "name": "Almaty", '
    ...          b'"kind": "city", "citations": [{"source": "source:a"}]}')
    >>> redirect = b'{"$kind": "redirects", "id": "place:alma-ata", "to": "place:almaty"}'
    >>> data = place + b"\\n" + redirect + b"\\n"
    >>> kinds, redirects, descriptor = decode_json_lines(data)
    >>> [place.label for place in kinds["places"].records], list(kinds["places"].lines or ())
    (['Almaty'], [1])
    >>> redirects, descriptor
    ([(2, b'{"$kind": "redirects", "id": "place:alma-ata", "to": "place:almaty"}')], None)
    """
    tries = _LINES.tries(data)
    for at, (decoders, sparse) in enumerate(tries, start=1):
        read = _read_json_lines(data, decoders, sparse, sharing, last=at == len(tries))
        if read is not None:
            return read
    raise AssertionError("the last try raises rather than give None")  # pragma: no cover


def _read_json_lines(
    data: bytes,
    decoders: dict[str, msgspec.json.Decoder[Any]],
    sparse: bool,
    sharing: Sharing | None,
    last: bool,
) -> tuple[dict[str, Decoded], list[tuple[int, bytes]], bytes | None] | None:
    """:func:`decode_json_lines`'s result by ``decoders`` (sparse or not), or None if the
    tally disagrees and another try is left (not ``last``); raise on anything else."""
    escapes = _refuse_escaped_colons("the lines", data)
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    descriptor = None
    if data.startswith(_DESCRIPTOR_START):
        descriptor = lines[0]
        lines[0] = b""  # (numbered still, and skipped below)
    groups: dict[str, tuple[list[bytes], array[int]]] = {}
    start = b"\x00"  # the start of the line before, and its kind's group
    group: tuple[list[bytes], array[int]] = ([], array("q"))
    for number, line in enumerate(lines, start=1):
        if not line.startswith(start):
            if number == 1 and descriptor is not None:
                continue
            end = line.find(b'", ', len(_KIND_START)) + 3
            kind = _LINE_STARTS.get(line[:end]) if line.startswith(_KIND_START) else None
            if kind is None:
                raise FastPathError(f"line {number}: not the start the fast path reads")
            start = line[:end]
            group = groups.setdefault(kind, ([], array("q")))
        group[0].append(line)
        group[1].append(number)
    del lines
    redirects = groups.pop("redirects", ([], array("q")))
    if not groups:
        raise FastPathError("no records: the diagnostic path says so")
    found: dict[str, Decoded] = {}
    byte, per_key = tallied(escapes)
    with gc_paused():
        tally = sum(line.count(byte) for line in redirects[0])
        if descriptor is not None:
            tally += descriptor.count(byte)
        for kind in KINDS:  # (the diagnostic path structures the kinds in this order too)
            if kind not in groups:
                continue
            texts, numbers = groups.pop(kind)
            decoder = decoders[kind]
            records, absent = _decoded(functools.partial(_each, decoder, texts), sparse)
            del texts
            checked = checked_tally(records, escapes=escapes, sparse=sparse)
            if checked is None:
                raise FastPathError(f"{kind}: a value breaks a rule, or a key is unknown")
            # and each line's "$kind": "events" (its colon, or the key's and the term's quotes)
            tally += checked.tally - absent * per_key + len(records) * (1 if escapes else 4)
            found[kind] = Decoded(records, checked.ids, numbers, checked.gathered)
        if tally != data.count(byte):
            if not last:  # (a field written empty after a head that wrote none: read again)
                return None
            raise FastPathError("a key is unknown or repeated")
        if sharing is not None:
            for kind, decoded in found.items():
                sharing.share(RECORD_TYPES[kind], decoded.records)
    return found, list(zip(redirects[1], redirects[0], strict=True)), descriptor
