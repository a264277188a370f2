"""The sparse decoders (rightsdata._validation.prefill): records equal to the plain decoders',
and of the record classes; the record classes never changed; a tally that never vouches for
a dropped key.

No timings here: bench/bench_load.py measures.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightsdata import Citation, Event, Participant, Place
from rightsdata._model.fields import absent_count, optional_defaults
from rightsdata._model.records import KINDS, RECORD_TYPES, KindName
from rightsdata._validation import fastpath
from rightsdata._validation.bulkcheck import checked_tally, tallied
from rightsdata._validation.convert import unstructure
from rightsdata._validation.fastpath import FastPathError, decode_with_ids
from rightsdata._validation.prefill import (
    SPARSE_FROM,
    Variants,
    _classes,
    _twin,
    leaves_fields_out,
    read_as_expected,
    twins,
)
from rightsdata.testing import records

from conftest import examples, left_out

#: A place written as format 2 writes it, with its one citation: both have optional fields.
PLACE: dict[str, Any] = {
    "id": "place:almaty",
    "name": "Almaty",
    "kind": "city",
    "country": "KZ",
    "citations": [{"source": "source:a"}],
}


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


_SETTINGS = settings(
    max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _sparse(kind: str) -> msgspec.json.Decoder[Any]:
    return fastpath._FILES.sparse()[kind]


@pytest.fixture(autouse=True)
def _sparse_decoders_made() -> None:
    """The sparse decoders of every layout made, as after a process read a file of 1 MiB or more
    leaving empty fields out (the tests' files are small)."""
    for variants in (fastpath._FILES, fastpath._LINES, fastpath._document_variants()):
        variants.sparse()


def _objects(value: Any) -> list[Any]:
    """``value`` and every attrs object it holds, at any depth."""
    if isinstance(value, (list, tuple)):
        return [found for item in value for found in _objects(item)]
    if not attrs.has(type(value)):
        return []
    return [value, *_objects([getattr(value, f.name) for f in attrs.fields(type(value))])]


def _list_decoder(kind: str) -> Callable[[Mapping[str, type]], msgspec.json.Decoder[Any]]:
    """What :class:`Variants` builds: a decoder of a list of ``kind``'s records."""

    def build(types: Mapping[str, type]) -> msgspec.json.Decoder[Any]:
        cls = types[kind]
        return msgspec.json.Decoder(list[cls])  # type: ignore[valid-type]

    return build


def test_building_a_sparse_decoder_leaves_the_record_classes_as_they_were() -> None:
    fastpath._FILES.plain()  # (msgspec has met every class a record holds)
    cached = {cls: vars(cls).get("__msgspec_cache__") for cls in _classes()}
    variants = Variants(_list_decoder("events"))
    variants.sparse()
    for cls in _classes():
        assert "__attrs_pre_init__" not in vars(cls)
        assert vars(cls).get("__msgspec_cache__") is cached[cls]
    # a decoder a program builds afterwards reads them as before: its defaults by factories
    before = absent_count()
    assert msgspec.json.decode(b'{"source": "source:a"}', type=Citation).locator is None
    assert absent_count() - before == len(optional_defaults(Citation))


def test_a_sparse_decoder_gives_left_out_fields_their_defaults_without_factories() -> None:
    place = PLACE  # one place, one citation; both have optional fields
    before = absent_count()
    [decoded] = _sparse("places").decode(dumps([place]))
    assert absent_count() == before  # (no field asked its default of a factory)
    assert decoded == fastpath._decoder("places").decode(dumps([place]))[0]
    assert decoded.within is None and decoded.aliases == () and decoded.inferred == ()


@pytest.mark.parametrize("kind", KINDS)
def test_a_sparse_decoder_builds_objects_of_the_record_classes(kind: KindName) -> None:
    # (the twins are only what msgspec makes each object as: the fills give it its class back)
    @_SETTINGS
    @given(st.lists(records(kind), min_size=1, max_size=3))
    def check(built: list[Any]) -> None:
        data = dumps(left_out([unstructure(r) for r in built]))
        decoded = _sparse(kind).decode(data)
        for found, expected in zip(_objects(decoded), _objects(built), strict=True):
            assert type(found) is type(expected)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            decoded[0].id = "x"

    check()


def test_the_twins_are_subclasses_adding_no_slot_of_the_classes_with_optional_fields() -> None:
    made = twins()
    assert Citation in made and Place in made and Event in made
    assert Participant not in made  # (no optional field, and no part that has one)
    for cls, twin in made.items():
        assert twin.__bases__ == (cls,) and twin.__name__ == cls.__name__
        assert vars(twin)["__slots__"] == () and twin.__basicsize__ == cls.__basicsize__
    # the classes each reads its parts into are the twins
    citation_twin = made[Citation]
    assert made[Place].__annotations__["citations"] == tuple[citation_twin, ...]  # type: ignore[valid-type]


@pytest.mark.parametrize("kind", KINDS)
def test_sparse_and_plain_decoders_build_equal_records(kind: KindName) -> None:
    @_SETTINGS
    @given(st.lists(records(kind), max_size=3), st.booleans())
    def check(built: list[Any], leave_out: bool) -> None:
        documents = [unstructure(r) for r in built]
        data = dumps(left_out(documents) if leave_out else documents)
        assert _sparse(kind).decode(data) == fastpath._decoder(kind).decode(data) == built

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_the_sparse_tally_is_that_of_a_file_leaving_empty_fields_out(kind: KindName) -> None:
    # each optional field holding its default counts as left out: exactly the file's count
    # where the file leaves them all out, and fewer (a disagreement) where it writes one
    @_SETTINGS
    @given(st.lists(records(kind), min_size=1, max_size=3))
    def check(built: list[Any]) -> None:
        documents = [unstructure(r) for r in built]
        sparse_data, full_data = dumps(left_out(documents)), dumps(documents)
        written_empty = sparse_data != full_data
        for escapes in (False, True):
            if not escapes and b"\\" in full_data:
                continue  # (a text may hold an escaped quote: such a file counts colons)
            byte = tallied(escapes)[0]
            for data, agrees in ((sparse_data, True), (full_data, not written_empty)):
                checked = checked_tally(_sparse(kind).decode(data), escapes=escapes, sparse=True)
                assert checked is not None
                assert (checked.tally == data.count(byte)) is agrees

    check()


@pytest.mark.parametrize(
    ("left", "added"),
    [
        ("within", b'"withn": "place:x"'),  # a misspelt key in place of the field left out
        ("aliases", b'"aliases": [{"name": "Alma"}], "aliases": [{"name": "Alma"}]'),  # twice
        ("country", b'"size": 3'),
    ],
)
def test_a_dropped_key_is_refused_where_fields_are_left_out(left: str, added: bytes) -> None:
    place = {k: v for k, v in PLACE.items() if k != left}
    data = dumps([place]).replace(b'"kind": "city"', b'"kind": "city", ' + added, 1)
    assert leaves_fields_out(data)
    with pytest.raises(FastPathError):  # (not msgspec's refusal: the tally's)
        decode_with_ids("places", data)


def test_a_file_writing_some_empty_fields_is_read_by_the_plain_decoder_after() -> None:
    # its head leaves fields out, a later record writes one empty: the sparse decoder's
    # tally disagrees, and the plain one's agrees (the fast path, not the diagnostic one)
    places = [PLACE | {"id": f"place:p{i:04}"} for i in range(100)]
    places[-1]["within"] = None  # (written empty)
    data = dumps(places)
    assert leaves_fields_out(data)
    decoded, _ = decode_with_ids("places", data)
    assert [p.id for p in decoded] == [p["id"] for p in places]
    assert all(isinstance(p, Place) and p.within is None for p in decoded)


def test_json_lines_and_documents_writing_some_empty_fields_are_read_again_plainly() -> None:
    places = [PLACE | {"id": f"place:p{i:04}"} for i in range(100)]
    places[-1]["within"] = None  # (written empty)
    lines = b"".join(json.dumps({"$kind": "places", **place}).encode() + b"\n" for place in places)
    document = json.dumps({"places": places}).encode()
    assert leaves_fields_out(lines) and leaves_fields_out(document)
    kinds, _, _ = fastpath.decode_json_lines(lines)
    found, _, _ = fastpath.decode_document(document)
    assert [p.id for p in kinds["places"].records] == [p["id"] for p in places]
    assert found["places"].records == kinds["places"].records
    assert list(kinds["places"].lines or ()) == list(range(1, 101))
    unknown = lines.replace(b'"within": null', b'"within": null, "size": 3')
    with pytest.raises(FastPathError):  # read again, and refused all the same
        fastpath.decode_json_lines(unknown)


def test_twins_whose_hook_msgspec_does_not_call_are_not_used() -> None:
    # (a later msgspec that stopped calling __attrs_pre_init__ would build the twins' objects)
    assert read_as_expected(twins())
    assert not read_as_expected({Citation: _twin(Citation)})  # (a twin with no hook)


def test_every_class_with_optional_fields_is_filled() -> None:
    # the classes are found from the records' hints: every part a record may hold
    found = set(_classes())
    assert set(RECORD_TYPES.values()) <= found
    assert {Citation, Place} <= found
    for cls in found:
        for name, default in optional_defaults(cls):
            assert default is None or default == (), (cls, name)


@pytest.mark.parametrize(
    ("head", "sparse"),
    [
        (b'[{"id": "person:a", "born": null}]', False),
        (b'[{"id": "person:a", "aliases": []}]', False),
        (b'[{"id": "person:a"}]', True),
        (b'[{"id":"person:a","born":null}]', False),
        (b'[{"id":"person:a","aliases":[]}]', False),
        (b'[{"id": "person:a", "summary": "null and void, [] or [null]"}]', True),
        (b"[" + b" " * 5000 + b'{"born": null}]', True),  # (only the head is looked at)
    ],
)
def test_a_file_looks_sparse_if_its_head_writes_no_empty_field(head: bytes, sparse: bool) -> None:
    assert leaves_fields_out(head) is sparse


def test_json_lines_and_documents_read_left_out_fields_by_the_fast_path() -> None:
    place = PLACE
    line = json.dumps({"$kind": "places", **place}, ensure_ascii=False).encode()
    kinds, _, _ = fastpath.decode_json_lines(line + b"\n")
    assert kinds["places"].records == fastpath._decoder("places").decode(dumps([place]))
    document = json.dumps({"places": [place]}).encode()
    found, _, _ = fastpath.decode_document(document)
    assert found["places"].records == kinds["places"].records
    with pytest.raises(FastPathError):  # a key unknown: refused in both layouts
        fastpath.decode_json_lines(line.replace(b'"kind"', b'"size": 3, "kind"') + b"\n")
    with pytest.raises(FastPathError):
        fastpath.decode_document(document.replace(b'"kind"', b'"size": 3, "kind"'))


def test_sparse_decoders_are_made_once_sparse_looking_files_come_to_a_mark() -> None:
    # (making them costs about what 1 MB of such files spares: a few small files never pay)
    variants = Variants(_list_decoder("places"))
    small = dumps([PLACE | {"id": f"place:p{i:05}"} for i in range(10)])
    full = small.replace(b'"kind"', b'"within": null, "kind"')
    padding = b" " * (SPARSE_FROM // 2)  # (white space after the list: still valid)
    assert [sparse for _, sparse in variants.tries(small)] == [False]
    assert [sparse for _, sparse in variants.tries(full + padding + padding)] == [False]
    assert variants._sparse is None  # (a file writing empty fields does not count)
    assert [sparse for _, sparse in variants.tries(small + padding)] == [False]
    assert variants._sparse is None  # (not yet: half the mark and a small file)
    assert [sparse for _, sparse in variants.tries(small + padding)] == [True, False]
    assert [sparse for _, sparse in variants.tries(small)] == [True, False]  # (made now)
    assert [sparse for _, sparse in variants.tries(full)] == [False]
    decoded, _ = decode_with_ids("places", small + padding)
    assert [p.id for p in decoded] == [f"place:p{i:05}" for i in range(10)]


def test_a_sparse_document_decoder_fills_the_records() -> None:
    # (msgspec keeps what it learns of the document's struct on the struct: each decoder has
    # its own, or the sparse one would read the classes as the plain one did)
    document = json.dumps({"places": [PLACE]}).encode()
    before = absent_count()
    found, _, _ = fastpath.decode_document(document)
    assert absent_count() == before  # (read by the sparse decoder: no factory asked)
    assert found["places"].records == fastpath._decoder("places").decode(dumps([PLACE]))
