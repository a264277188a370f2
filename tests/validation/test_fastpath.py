"""The fast path (msgspec) and the diagnostic path (json.loads + the strict cattrs converter)
accept exactly the same documents and build equal records.

No timings here: bench/bench_load.py measures.
"""

from __future__ import annotations

import copy
import gc
import json
import weakref
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightsdata._model import fields as _fields
from rightsdata._model.fields import (
    CONTACT_TABLE,
    CONTROL_MARK,
    COUNT_MAX,
    Text,
    absent_count,
    holds_contact,
)
from rightsdata._model.records import KINDS, RECORD_TYPES, KindName
from rightsdata._validation import bulkcheck as _bulkcheck
from rightsdata._validation import fastpath
from rightsdata._validation import walks as _walks
from rightsdata._validation.bulkcheck import _plan, walks_module
from rightsdata._validation.convert import structure_many, unstructure
from rightsdata._validation.fastpath import FastPathError, _decoder, decode_with_ids
from rightsdata._validation.integrity import _references
from rightsdata._values import gcpause
from rightsdata._values.controls import C1_UTF8, CONTROLS
from rightsdata._values.gcpause import MANY_OBJECTS, freeze_when_done, gc_paused
from rightsdata.testing import dataset_documents, records

from conftest import examples, left_out

_SETTINGS = settings(
    max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(autouse=True)
def _sparse_decoders_made() -> None:
    """The sparse decoders made, as after a process read a file of 1 MiB or more that leaves
    empty fields out: such a file is then read by them first (the tests' files are small)."""
    for variants in (fastpath._FILES, fastpath._LINES, fastpath._document_variants()):
        variants.sparse()


def _reject_constant(name: str) -> None:
    raise ValueError(name)


def diagnostic(kind: str, data: bytes) -> list[Any] | None:
    """The diagnostic path's verdict: the records, or None if it finds any problem."""
    try:
        documents = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    built, problems = structure_many(kind, documents, f"{kind}.json")
    return None if problems else built


def fast(kind: str, data: bytes) -> list[Any] | None:
    """The fast path's verdict: the records, or None if it raises (anything)."""
    try:
        return decode_with_ids(kind, data)[0]
    except Exception:
        return None


def assert_same_verdict(kind: str, data: bytes) -> list[Any] | None:
    expected = diagnostic(kind, data)
    got = fast(kind, data)
    if expected is None:
        assert got is None, f"the fast path accepts what the converter rejects: {data[:400]!r}"
    else:
        assert got is not None, f"the fast path rejects a valid document: {data[:400]!r}"
        assert got == expected
        assert [type(r) for r in got] == [type(r) for r in expected]
    return got


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


#: Each writing of a valid document: every field, and empty fields left out.
WRITINGS: Final = (lambda value: value, left_out)


# --- valid documents ----------------------------------------------------------------------


@pytest.mark.parametrize("written", WRITINGS, ids=["every field", "empty ones left out"])
@pytest.mark.parametrize("kind", KINDS)
def test_valid_records_decode_to_equal_records(kind: KindName, written: Any) -> None:
    @_SETTINGS
    @given(st.lists(records(kind), max_size=3))
    def check(built: list[Any]) -> None:
        data = dumps(written([unstructure(r) for r in built]))
        got = assert_same_verdict(kind, data)
        assert got == built

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_the_tally_is_the_files_quotes_or_colons(kind: KindName) -> None:
    # two quotes for each key and each string the records hold (a file with no backslash),
    # or one colon for each key and ID and those of the texts: a dropped key shows in either
    @_SETTINGS
    @given(st.lists(records(kind), min_size=1, max_size=3), st.booleans())
    def check(built: list[Any], leave_out: bool) -> None:
        documents = [unstructure(r) for r in built]
        if leave_out:  # (format 2: empty fields left out)
            documents = [{k: v for k, v in d.items() if v not in (None, [])} for d in documents]
        data = dumps(documents)
        before = absent_count()
        decoded = _decoder(kind).decode(data)
        absent = absent_count() - before
        for escapes in (False, True):
            if not escapes and b"\\" in data:
                continue  # (a text may hold an escaped quote: such a file counts colons)
            checked = _bulkcheck.checked_tally(decoded, escapes=escapes)
            assert checked is not None
            byte, per_key = _bulkcheck.tallied(escapes)
            assert checked.tally - absent * per_key == data.count(byte)

    check()


def test_a_field_not_known_to_be_written_as_a_string_or_not_is_refused() -> None:
    @attrs.frozen
    class Odd:
        value: bytes = _fields.Spec("bytes, which JSON does not have").attrs_field()

    with pytest.raises(TypeError, match=r"Odd\.value"):
        _bulkcheck._strings(Odd)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset_documents(), st.sampled_from(WRITINGS))
def test_whole_datasets_decode_like_the_converter(
    documents: dict[str, list[Any]], written: Any
) -> None:
    for kind, docs in documents.items():
        assert assert_same_verdict(kind, dumps(written(docs))) is not None


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset_documents())
def test_the_ids_gathered_are_every_id_the_records_hold(documents: dict[str, list[Any]]) -> None:
    # the integrity check trusts these instead of walking the records' references again
    for kind, docs in documents.items():
        records, ids = decode_with_ids(kind, dumps(docs))
        named = {target for record in records for _, target in _references(record, kind)}
        assert ids == {record.id for record in records} | named


# --- mutated documents --------------------------------------------------------------------

_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a document (not the document itself)."""
    found: list[tuple[Any, ...]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        found.append((*path, key))
        found += _paths(child, (*path, key))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


_BAD_VALUES: dict[str, list[Any]] = {
    "enum": ["not_a_term", "VICTIM", ""],
    "date": ["2012-13-01", "2012-02-30", "12-01-2012", "2012/2011", "2012-01-01T10:00", ""],
    "id": ["person:Vladimir_Kozlov", "nobody", "place:", "unknownkind:x", "person: x"],
    "text": [
        "",
        " padded",
        "call +44 7700 900123",
        "mail me@example.org",
        "a\x1b[2Jb",
        "line\rover",
        "next\x85line",
        "del\x7f",
        "a\ttab and\na line feed",  # (text: valid where free text is)
    ],
    "count": [-1, -(10**6)],
    "duration": ["P2W", "PT30H", "7 years", "P", "-P1Y"],
}


@st.composite
def mutated(draw: st.DrawFn, kind: KindName) -> bytes:
    """A valid record of ``kind`` (every field written, or empty ones left out), changed
    in one place."""
    document = draw(st.sampled_from(WRITINGS))(unstructure(draw(records(kind))))
    mutation = draw(
        st.sampled_from(
            ["drop", "add", "retype", "bad_value", "low_gt_high", "null", "wrap_list", "unwrap"]
        )
    )
    objects = [()] + [p for p in _paths(document) if isinstance(_get(document, p), dict)]
    if mutation == "drop":
        where = _get(document, draw(st.sampled_from(objects)))
        if where:
            del where[draw(st.sampled_from(sorted(where)))]
    elif mutation == "add":
        where = _get(document, draw(st.sampled_from(objects)))
        where[draw(st.text(min_size=1, max_size=10))] = draw(_JSON)
    elif mutation == "low_gt_high" and document.get("figures"):
        figure = document["figures"][0]
        figure["low"], figure["high"] = 10, 5
    else:
        path = draw(st.sampled_from(_paths(document)))
        parent, key = _get(document, path[:-1]), path[-1]
        old = parent[key]
        if mutation == "retype":
            parent[key] = draw(_JSON)
        elif mutation == "bad_value":
            parent[key] = draw(st.sampled_from([v for vs in _BAD_VALUES.values() for v in vs]))
        elif mutation == "null":
            parent[key] = None
        elif mutation == "wrap_list":
            parent[key] = [old]
        elif mutation == "unwrap" and isinstance(old, list) and old:
            parent[key] = old[0]
        elif isinstance(old, int) and not isinstance(old, bool):
            parent[key] = draw(st.sampled_from([float(old), str(old), bool(old), -old - 1]))
    return dumps([document])


@pytest.mark.parametrize("kind", KINDS)
def test_mutated_records_get_the_same_verdict(kind: KindName) -> None:
    @settings(
        max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(mutated(kind))
    def check(data: bytes) -> None:
        assert_same_verdict(kind, data)

    check()


# --- explicit cases -----------------------------------------------------------------------

PLACE: dict[str, Any] = {
    "id": "place:almaty",
    "name": "Almaty",
    "aliases": [],
    "kind": "city",
    "country": "KZ",
    "within": None,
    "citations": [{"source": "source:a", "locator": None, "quote": None, "fields": None}],
    "inferred": [],
}
FIGURE_EVENT: dict[str, Any] = {
    "id": "event:e",
    "kind": "protest",
    "title": "A protest",
    "summary": None,
    "date": "2011-12-16",
    "places": [],
    "participants": [],
    "charges": [],
    "penalty": {"kind": "imprisonment", "term": "P7Y6M"},
    "figures": [
        {
            "measure": "killed",
            "unit": "people",
            "low": 15,
            "best": None,
            "high": None,
            "qualifier": "at_least",
            "as_given": None,
            "asserted_by": None,
            "citations": [{"source": "source:a", "locator": None, "quote": None, "fields": None}],
        }
    ],
    "part_of": None,
    "citations": [{"source": "source:a", "locator": None, "quote": None, "fields": None}],
    "inferred": [],
}
VALID_PLACES = dumps([PLACE])
VALID_EVENTS = dumps([FIGURE_EVENT])


def test_the_explicit_documents_are_valid() -> None:
    assert assert_same_verdict("places", VALID_PLACES)
    assert assert_same_verdict("events", VALID_EVENTS)
    assert assert_same_verdict("events", b"[]") == []


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_are_rejected_by_both(constant: bytes) -> None:
    data = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + constant)
    assert data != VALID_EVENTS
    assert diagnostic("events", data) is None
    assert fast("events", data) is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"name": "Almaty"', b'"name": "Almaty", "name": "Almaty"'),  # same value twice
        (b'"name": "Almaty"', b'"name": 5, "name": "Almaty"'),  # first one wrong
        (b'"name": "Almaty"', b'"name": "Almaty", "name": 5'),  # last one wrong
        (b'"locator": null', b'"locator": null, "locator": "p. 4"'),  # nested
        (b'"kind": "city"', b'"kind": "city", "n\\u0061me": "Almaty"'),  # escaped repeat
    ],
)
def test_repeated_keys_are_refused_by_the_fast_path(old: bytes, new: bytes) -> None:
    # json.loads keeps the last of repeated keys; the loader refuses them (read_json), and
    # the fast path never vouches for such a file: the diagnostic path decides.
    data = VALID_PLACES.replace(old, new, 1)
    assert data != VALID_PLACES
    assert fast("places", data) is None


def test_unknown_fields_are_refused_at_any_depth() -> None:
    for old, new in [
        (b'"kind": "city"', b'"kind": "city", "extra": null'),
        (b'"locator": null', b'"locator": null, "page": 4'),
        (b'"kind": "city"', b'"kind": "city", "x:y": "a:b"'),
    ]:
        data = VALID_PLACES.replace(old, new, 1)
        assert diagnostic("places", data) is None
        with pytest.raises(FastPathError):
            decode_with_ids("places", data)[0]


@pytest.mark.parametrize(
    ("event_fields", "figure_fields", "inferred", "valid"),
    [
        (["title", "date"], ["low", "qualifier"], "figures[0].low", True),
        (["title"], None, "date", True),
        (["low"], None, "date", False),  # a figure's field, cited by the event
        (None, ["title"], "date", False),  # an event's field, cited by its figure
        (None, None, "size", False),
        (None, None, "titles[0]", False),
    ],
)
def test_cited_and_inferred_fields_belong_to_their_holder(
    event_fields: list[str] | None, figure_fields: list[str] | None, inferred: str, valid: bool
) -> None:
    event = copy.deepcopy(FIGURE_EVENT)
    event["citations"][0]["fields"] = event_fields
    event["figures"][0]["citations"][0]["fields"] = figure_fields
    event["inferred"] = [{"field": inferred, "basis": "the year, from the report's date"}]
    assert (assert_same_verdict("events", dumps([event])) is not None) is valid


@pytest.mark.parametrize("bad", ["place:almaty\n", "place:almaty\x00place:astana", "place:a:b"])
@pytest.mark.parametrize("count", [1, 300])  # one by one, and (over 256 new IDs) one regex
def test_ids_that_could_pass_a_joined_check_are_refused_by_both(bad: str, count: int) -> None:
    # IDs found valid are remembered, so each run needs IDs not seen before
    unique = f"{bad.encode().hex()}-{count}"
    places = [{**PLACE, "id": f"place:ok-{unique}-{i}"} for i in range(count)]
    assert assert_same_verdict("places", dumps(places)) is not None
    places = [{**PLACE, "id": f"place:bad-{unique}-{i}"} for i in range(count)]
    places[count // 2]["id"] = bad
    assert assert_same_verdict("places", dumps(places)) is None


@pytest.mark.parametrize(
    "name",
    [
        "",
        " Almaty",
        "Almaty ",
        "\tAlmaty",
        "Almaty\x1c",
        "Almaty\n",
        "\u00a0Almaty",
        "Almaty\u2003",
    ],
)
@pytest.mark.parametrize("position", [0, 1, 2])
def test_white_space_at_either_end_of_any_text_is_refused_by_both(name: str, position: int) -> None:
    places = [{**PLACE, "id": f"place:p{i}", "name": f"Place {i}"} for i in range(3)]
    places[position]["name"] = name
    assert assert_same_verdict("places", dumps(places)) is None


@pytest.mark.parametrize(
    "bad", ["place", "place:", ":almaty", "event:almaty", "place:Almaty", "place:a_b", "place:-a"]
)
@pytest.mark.parametrize("count", [1, 3, 300])  # split into kind and slug, and one regex
def test_ids_split_into_kind_and_slug_are_refused_by_both(bad: str, count: int) -> None:
    unique = f"{bad.encode().hex()}-{count}"  # IDs found valid are remembered: fresh ones
    places = [{**PLACE, "id": f"place:split-{unique}-{i}"} for i in range(count)]
    places[count // 2]["within"] = bad
    assert assert_same_verdict("places", dumps(places)) is None


#: ASCII digits made Arabic-Indic ones, which \\d matches too
ARABIC_INDIC = str.maketrans("0123456789", "".join(map(chr, range(0x660, 0x66A))))


@pytest.mark.parametrize(
    ("name", "contact"),
    [
        ("Звоните +44 7700 900199", True),  # an ASCII phone in Cyrillic text
        ("Звоните +44 7700 900199".translate(ARABIC_INDIC), True),
        ("Телефон (202) 555-0199".translate(ARABIC_INDIC), True),
        ("Телефон 202.555.0199".translate(ARABIC_INDIC), True),
        ("Письма: почта@пример.испытание", True),
        ("16 декабря 2011 года, 14 лет", False),
        ("Осуждён на 7 лет".translate(ARABIC_INDIC), False),  # another digit, and no phone
    ],
)
@pytest.mark.parametrize("position", [0, 2])
def test_contact_data_in_any_script_gets_the_same_verdict(
    name: str, contact: bool, position: int
) -> None:
    # the fast path sends a text to the contact regexes only if it has a mark or a digit
    # other than 0-9; these check that the rest cannot match them
    names = ["Алматы", "Place 1".translate(ARABIC_INDIC), "Астана"][: position + 1]
    places = [{**PLACE, "id": f"place:p{i}", "name": n} for i, n in enumerate(names)]
    places[position]["name"] = name
    got = assert_same_verdict("places", dumps(places))
    assert (got is None) is contact


def test_the_walks_compiled_ahead_are_current_and_used() -> None:
    module = Path(_walks.__file__).read_text(encoding="utf-8")
    assert module == walks_module(RECORD_TYPES.values()), "run scripts/generate_walks.py"
    for cls in RECORD_TYPES.values():
        assert _plan(cls).walk is getattr(_walks, f"walk_{cls.__name__}")


def test_a_walk_whose_source_changed_is_generated_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_walks.SOURCES, "Place", _walks.SOURCES["Place"] + "\n")
    monkeypatch.setattr(_bulkcheck, "_plans", {})
    walk = _plan(RECORD_TYPES["places"]).walk
    assert walk is not _walks.walk_Place
    assert walk.__code__.co_filename.endswith(": bulk checks of Place>")
    assert assert_same_verdict("places", VALID_PLACES) is not None


def test_the_contact_table_separators_are_the_white_space_a_text_may_hold_dot_and_hyphen() -> None:
    separators = {chr(code) for code in range(128) if CONTACT_TABLE[code] == ord("-")}
    spaces = {c for c in map(chr, range(128)) if c.isspace() and c not in CONTROLS}
    assert separators == spaces | {".", "-"}
    assert spaces == {" ", "\t", "\n"}


def test_the_control_marks_are_the_controls_a_text_may_not_hold() -> None:
    # every character below U+0800 in UTF-8: one byte, or two (a C1 control is U+0080-U+009F)
    for character in map(chr, range(0x800)):
        raw = character.encode("utf-8")
        marked = raw.translate(CONTACT_TABLE)
        found = CONTROL_MARK[0] in marked or C1_UTF8.search(raw) is not None
        assert found is (character in CONTROLS - {"\x00"}), repr(character)


@pytest.mark.parametrize(
    "control", ["\x01", "\x07", "\x1b", "\r", "\x0b", "\x1f", "\x7f", "\x85", "\x9b"]
)
@pytest.mark.parametrize("at", ["Alm{}aty", "Almaty{}Almaty", "Алматы {} Алматы"])
@pytest.mark.parametrize("position", [0, 2])
def test_a_control_character_in_any_text_is_refused_by_both(
    control: str, at: str, position: int
) -> None:
    places = [{**PLACE, "id": f"place:p{i}", "name": f"Place {i}"} for i in range(3)]
    places[position]["name"] = at.format(control)
    assert assert_same_verdict("places", dumps(places)) is None
    places[position]["name"] = at.format("\t")  # a tab or a line feed is text
    assert assert_same_verdict("places", dumps(places)) is not None
    places[position]["name"] = at.format("\n")
    assert assert_same_verdict("places", dumps(places)) is not None


def test_missing_required_fields_and_their_nulls_are_refused() -> None:
    for doc in ({k: v for k, v in PLACE.items() if k != "name"}, {**PLACE, "name": None}):
        data = dumps([doc])
        assert diagnostic("places", data) is None
        assert fast("places", data) is None


def test_optional_fields_may_be_left_out_in_both() -> None:
    doc = {k: v for k, v in PLACE.items() if k not in ("within", "aliases", "inferred")}
    assert assert_same_verdict("places", dumps([doc])) is not None


def test_byte_order_mark_and_bad_utf8_are_rejected() -> None:
    for data in (
        b"\xef\xbb\xbf" + VALID_PLACES,
        VALID_PLACES.replace(b"Almaty", b"Alm\xffaty", 1),
        VALID_PLACES.replace(b"Almaty", b"Alm\xc0\xafaty", 1),  # overlong encoding
    ):
        assert diagnostic("places", data) is None
        assert fast("places", data) is None


@pytest.mark.parametrize("number", [b"15.0", b"1e1", b"true", b'"15"', b"-1", b"[15]", b"{}"])
def test_numbers_are_strict_in_both(number: bytes) -> None:
    data = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + number)
    assert diagnostic("events", data) is None
    assert fast("events", data) is None


def test_huge_integers_agree() -> None:
    # ("low" is the figure's only number, at_least: no ordering to break)
    largest = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + str(COUNT_MAX).encode())
    assert assert_same_verdict("events", largest) is not None
    over = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + str(COUNT_MAX + 1).encode())
    assert diagnostic("events", over) is None
    assert fast("events", over) is None
    big = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + b"9" * 400)
    assert diagnostic("events", big) is None  # beyond the largest count, in both
    assert fast("events", big) is None
    too_big = VALID_EVENTS.replace(b'"low": 15', b'"low": ' + b"9" * 5000)  # over 4,300 digits
    assert diagnostic("events", too_big) is None
    assert fast("events", too_big) is None


def test_deep_nesting_does_not_crash_the_fast_path() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for data in (
        VALID_PLACES.replace(b'"kind": "city"', b'"kind": "city", "deep": ' + deep, 1),
        VALID_PLACES.replace(b'"within": null', b'"within": ' + deep, 1),
        deep,
    ):
        assert fast("places", data) is None
        assert diagnostic("places", data) is None


def test_where_the_fast_path_is_stricter_it_raises() -> None:
    # A lone surrogate escape: json.loads accepts it, msgspec does not; the converter refuses
    # it as text (it could never be written back as UTF-8), so both reject it.
    lone = VALID_PLACES.replace(b'"Almaty"', b'"Almaty \\ud800 x"', 1)
    assert diagnostic("places", lone) is None
    assert fast("places", lone) is None
    # An escaped colon in text: valid, but the colon count cannot vouch for it.
    escaped = VALID_PLACES.replace(b'"Almaty"', b'"Almaty\\u003a the city"', 1)
    assert diagnostic("places", escaped) is not None
    with pytest.raises(FastPathError):
        decode_with_ids("places", escaped)[0]


def test_whole_file_shapes() -> None:
    for data in (b"", b"  ", b"{}", b"null", b"[1]", b"[[]]", VALID_PLACES + b"x"):
        assert diagnostic("places", data) is None
        assert fast("places", data) is None


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown record kind"):
        decode_with_ids("people", b"[]")[0]


def test_the_garbage_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    decode_with_ids("places", VALID_PLACES)[0]
    assert gc.isenabled()
    with pytest.raises(FastPathError):
        decode_with_ids("places", VALID_PLACES.replace(b'"kind"', b'"x": 1, "kind"', 1))[0]
    assert gc.isenabled()
    gc.disable()
    try:
        decode_with_ids("places", VALID_PLACES)[0]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_that_built_many_objects_hands_them_to_the_old_generation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # spliced into the oldest generation unwalked, rather than two passes of the collector
    # over them later (or one young collection now)
    gc.collect()
    monkeypatch.setattr(gcpause, "_froze", False)  # (a freeze=True load in an earlier test)
    # CPython 3.12 starts with a few hundred objects of its own frozen; the pause does not
    # unfreeze them, and takes its other way instead: one young collection
    frozen_before = gc.get_freeze_count()
    young_collections = gc.get_stats()[1]["collections"]
    with gc_paused():
        built: list[list[int]] = [[] for _ in range(MANY_OBJECTS + 1000)]
    walked = 1 if frozen_before else 0
    assert gc.get_stats()[1]["collections"] == young_collections + walked
    assert gc.get_count()[0] < 100
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(built[0]) in oldest and id(built[-1]) in oldest
    assert gc.get_freeze_count() == frozen_before  # handed over, not frozen
    with gc_paused():
        # fewer than a young collection waits for: left young
        few: list[list[int]] = [[] for _ in range(10)]
    assert id(few[0]) in {id(o) for o in gc.get_objects(generation=0)}
    assert len(built) > len(few)


def test_a_pause_leaves_young_what_a_program_without_the_collector_built() -> None:
    # a program that disabled the collector runs its own collections: its young garbage must
    # stay where its young collection finds it, not be handed to the oldest generation
    gc.collect()
    gc.disable()
    try:
        cycle: list[object] = []
        cycle.append(cycle)
        ref = weakref.ref(_Cell(cycle))  # a young cyclic garbage object
        with gc_paused():
            built: list[list[int]] = [[] for _ in range(MANY_OBJECTS + 1000)]
        assert id(built[0]) in {id(o) for o in gc.get_objects(generation=0)}
        del cycle
        gc.collect(1)
        assert ref() is None
    finally:
        gc.enable()


def test_once_a_pause_froze_objects_later_pauses_do_not_count_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # counting the frozen objects walks them all (at every index built after a freeze=True
    # load): the module knows they are frozen, and ends a pause that built many objects with
    # a young collection, leaving them frozen
    gc.collect()
    monkeypatch.setattr(gcpause, "_froze", False)
    try:
        with gc_paused():
            frozen: list[list[int]] = [[] for _ in range(10)]
            freeze_when_done()
        assert gcpause._froze

        def walks_them() -> int:
            raise AssertionError("the frozen objects were counted")

        monkeypatch.setattr(gc, "get_freeze_count", walks_them)
        young_collections = gc.get_stats()[1]["collections"]
        with gc_paused():
            built: list[list[int]] = [[] for _ in range(MANY_OBJECTS + 1000)]
        assert gc.get_stats()[1]["collections"] == young_collections + 1  # the young collection
        assert id(frozen[0]) not in {id(o) for o in gc.get_objects()}  # still frozen
        assert len(built) > len(frozen)
    finally:
        gc.unfreeze()


class _Cell:
    """A weakly referable object in a reference cycle (itself, through its list)."""

    def __init__(self, items: list[object]) -> None:
        self.items = items
        items.append(self)


def test_a_pause_never_unfreezes_what_the_program_froze() -> None:
    gc.collect()
    frozen: list[list[int]] = [[] for _ in range(10)]
    gc.freeze()
    try:
        frozen_count = gc.get_freeze_count()
        young_collections = gc.get_stats()[1]["collections"]
        with gc_paused():
            built: list[list[int]] = [[] for _ in range(MANY_OBJECTS + 1000)]
        assert gc.get_freeze_count() == frozen_count
        assert gc.get_stats()[1]["collections"] == young_collections + 1  # the young collection
        assert gc.get_count()[0] < 100
        assert id(frozen[0]) not in {id(o) for o in gc.get_objects()}
        assert len(built) > len(frozen)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"kind": "city"', b'"kind": "city", "x\\u003ay": 1'),  # an unknown key, escaped colon
        (b'"kind": "city"', b'"kind": "city", "x\\u003Ay": 1'),
        (b'"name": "Almaty"', b'"name": "Alm\\u003aaty"'),  # a colon escaped in a text
        (b'"name": "Almaty"', b'"name": "Alm\\"aty"'),  # another escape: a backslash, no colon
        (b'"name": "Almaty"', b'"name": "Alm\\\\aty"'),  # an escaped backslash
        (b'"name": "Almaty"', b'"name": "\\u0041lmaty"'),  # an escape that is not a colon
        (b'"name": "Almaty"', b'"name": "Alm\\u0000aty"'),  # a NUL: the bulk check's separator
        (b'"name": "Almaty"', b'"name": "Almaty\\u0000 x"'),
        (b'"name": "Almaty"', b'"name": "Almaty \\u0000x"'),
        (b'"name": "Almaty"', b'"name": "\\u0000"'),
        (b'"aliases": []', b'"aliases": [{"name": "A\\u0000", "language": null}]'),
    ],
)
def test_escapes_and_backslashes_get_the_same_verdict(old: bytes, new: bytes) -> None:
    data = VALID_PLACES.replace(old, new, 1)
    assert data != VALID_PLACES
    if b"\\u003" in new:  # never counted: the diagnostic path decides
        assert fast("places", data) is None
    else:
        assert_same_verdict("places", data)


@pytest.mark.parametrize(
    "date",
    [b'"2011-12-16"', b"20111216", b"2011", b"true", b"null", b'["2011-12-16"]', b'"2011-12-16 "'],
)
def test_dates_cached_or_not_get_the_same_verdict(date: bytes) -> None:
    decode_with_ids("events", VALID_EVENTS)  # "2011-12-16" is in the parser's cache now
    data = VALID_EVENTS.replace(b'"date": "2011-12-16"', b'"date": ' + date, 1)
    assert_same_verdict("events", data)
    if date == b'"2011-12-16"':
        first, second = fast("events", data), fast("events", data)
        assert first is not None and second is not None
        assert first[0].date is second[0].date  # one parsed value, shared


# Phone numbers here are fictional: the UK's drama range (+44 7700 900000 to 900999), North
# America's 555-0100 to 555-0199, and area codes no plan assigns ((00), (0000), Kazakhstan's 000).
_CONTACT_CASES = [
    "Call +44 7700 900199",
    "Call +447700900199 now",
    "(202) 555-0199",
    "(202)555 0199",
    "(00) 555.0199",
    "(0000) 5550199",
    "202.555.0199",
    "202-555-0199",
    "born (2011) in 2011-12-16",  # a year in parentheses, a date: no phone
    "(2011) 200 days",
    "(2011) 2000-01-01",
    "a+b (12) 3 4-5-6 .7 0.1.2",
    "1.2.3.4 (1) (12345) 123-45-6789 12-345-6789",
    "mail: a@example.org",
    "a @ b",
    "Звоните +44 7700 900199",
    "Телефон (202)\u00a0555-0199",  # a no-break space: \s
    "Телефон (202)\u0085555-0199",
    "Телефон 202.555.0199".translate(ARABIC_INDIC),
    "8-000-000-00-00",  # national form: the mark is two characters after the start
    "x 8 000 000 0000",
    "8 (000) 000 00 00",
    "(000)\t000 00 00",
    "ISBN 978-601-7891-23-4",
    "+1 200 000",
    "+43.25670 76.92860",
    "Тел. 8\u00a0000 000-00-00",
    "8 (0000) 00-00-00",  # a four-digit area code and three groups of two
    "(0000) 00-00-00",
    "(2011) 16.12.2011",
    "8\u00a0000\u00a0000\u00a000\u00a000",  # a no-break space alone parts the groups
    "8\u202f000\u202f000\u202f00\u202f00",
    "10\u00a0000 held",
]


@pytest.mark.parametrize("value", _CONTACT_CASES)
def test_the_contact_marks_never_miss_a_match_of_the_regexes(value: str) -> None:
    expected = bool(_fields._EMAIL_RE.search(value) or _fields._PHONE_RE.search(value))
    assert holds_contact(value) is expected
    if _fields._PHONE_RE.search(value):
        start = _fields._phone_from(value)
        assert 0 <= start <= _fields._PHONE_RE.search(value).start()  # type: ignore[union-attr]
    place = {**PLACE, "name": value}
    assert (assert_same_verdict("places", dumps([place])) is None) is expected


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("0", "1", "7", "(", ")", "+", "-", ".", " ", "\t"),
                *("\u00a0", "\u202f", "\u0085", "a", "@", "b."),
            ]
        ),
        max_size=24,
    ).map("".join)
)
def test_the_contact_marks_agree_with_the_regexes(value: str) -> None:
    expected = bool(_fields._EMAIL_RE.search(value) or _fields._PHONE_RE.search(value))
    assert holds_contact(value) is expected
    bad_edges = not value or value[0].isspace() or value[-1].isspace()
    refused = _bulkcheck._text_colons([value, "x"], _TEXT) < 0
    assert refused is (expected or bad_edges or "\u0085" in value)  # (a C1 control)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.sets(st.sampled_from(["zqa:x", "zqa:y-1", "zqb:x", "zqb:-x", "zqa:X", "zqc:x", "zqa:"])),
    st.sets(st.sampled_from(["zqa:x", "zqb:x", "zqa:y-1", "zqc:x"])),
)
def test_ids_known_with_one_prefix_are_judged_as_the_regex_judges_them(
    values: set[str], known: set[str]
) -> None:
    # IDs found valid with one prefix (a file's own IDs) pass with any tuple holding it; the
    # others are checked: the verdict is the ID regex's either way
    import re

    from rightsdata._values.ids import id_pattern

    prefixes = ("zqa", "zqb")
    saved = {key: set(ids) for key, ids in _fields.KNOWN_IDS.items() if key[0].startswith("zq")}
    try:
        for value in known:
            _fields.remember_ids((value.partition(":")[0],), {value})
        expected = all(re.fullmatch(id_pattern(prefixes), value) for value in values)
        assert _bulkcheck._ids_fine(set(values), prefixes) is expected
    finally:
        for key in [key for key in _fields.KNOWN_IDS if key[0].startswith("zq")]:
            del _fields.KNOWN_IDS[key]
        _fields.KNOWN_IDS.update(saved)


_TEXT = Text("a text")


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from([b":", b"a", b"bcd", b"\x00", b"::"]), max_size=200).map(b"".join))
def test_the_colons_found_by_search_are_those_a_count_finds(raw: bytes) -> None:
    # by searches while colons are rare, then by a count of the rest: the count's answer
    assert _bulkcheck._colons(raw) == raw.count(b":")


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["0", "(", ")", "+", "-", " ", "@", "a", "\x00", "\xff", "\xc2\xa0"]),
        max_size=40,
    ).map("".join),
    st.integers(0, 40),
)
def test_each_mark_is_found_where_a_plain_search_finds_it(text: str, start: int) -> None:
    # the bulk check's search for each contact mark in marked text (by a regex's search, by
    # its first byte) finds the first place from ``start`` that a plain search, and for '(00'
    # a match of the regex at the place, finds
    marked = text.encode("latin-1")
    for mark in _fields.CONTACT_MARKS:
        expected = marked.find(mark, start)
        while mark == b"(00" and expected != -1:
            if _bulkcheck._PAREN_PHONE.match(marked, expected) is not None:
                break
            expected = marked.find(mark, expected + 1)
        assert _bulkcheck._find_mark(marked, mark, start) == expected


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "a:b", "::", "ж: x", "b", " x", "x\u3000", "\u3000ж"]),
        min_size=1,
        max_size=12,
    ),
    st.booleans(),
)
def test_texts_colons_are_every_values_repeats_too(values: list[str], escapes: bool) -> None:
    # each distinct value is checked and its colons counted once; repeats must count still
    # (counted only where the file holds an escape: else the tally is of quotes)
    fine = all(map(_TEXT.fine, values))
    expected = (sum(value.count(":") for value in values) if escapes else 0) if fine else -1
    assert _bulkcheck._text_colons(values, _TEXT, escapes) == expected


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b:c", "ж", "é x", "\U0001f600", ""]), min_size=1, max_size=20)
)
def test_the_texts_in_utf8_are_each_value_once_in_some_order(values: list[str]) -> None:
    # the ASCII values are copied and only the others encoded: the same values, joined
    raw = _bulkcheck._utf8("\x00".join(values), values)
    assert sorted(raw.split(b"\x00")) == sorted(value.encode("utf-8") for value in values)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "a:b",
                "::",
                "ж: x",
                "",
                " x",
                "x\u3000",
                "\u3000ж",
                "a@example.com",
                "(202) 555-0199",
            ]
        ),
        max_size=40,
    ),
    st.integers(0, 80),
    st.booleans(),
)
def test_texts_checked_as_they_are_or_once_each_agree(
    tail: list[str], distinct: int, escapes: bool
) -> None:
    # a group is checked value by value, or (its first values repeating) once for each
    # distinct value: either way the rule of each value, and every value's colons
    values = [f"text {i}: fine" for i in range(distinct)] + tail
    fine = all(map(_TEXT.fine, values))
    expected = (sum(value.count(":") for value in values) if escapes else 0) if fine else -1
    assert _bulkcheck._text_colons(values, _TEXT, escapes) == expected
    saved = _bulkcheck._SAMPLE_DISTINCT
    try:
        for forced in (0, len(values) + 1):  # as they are; once each
            _bulkcheck._SAMPLE_DISTINCT = forced  # type: ignore[misc]
            assert _bulkcheck._text_colons(values, _TEXT, escapes) == expected
    finally:
        _bulkcheck._SAMPLE_DISTINCT = saved  # type: ignore[misc]


@pytest.mark.parametrize(
    "odd",
    ["", " b", "b ", "\tb", "b\n", "\x1cb", "b\x1f", "\u00a0b", "b\u0085", "\u2028b", "b\u3000"],
)
@pytest.mark.parametrize("escapes", [True, False])
def test_an_empty_text_or_one_with_white_space_at_an_end_is_refused_wherever_it_is(
    odd: str, escapes: bool
) -> None:
    # each distinct value's ends are looked at (str.strip), wherever the set puts it
    fine = [f"a{i}: text" for i in range(20)]
    for at in (0, 7, 20):
        values = [*fine[:at], odd, *fine[at:]]
        assert _bulkcheck._text_colons(values, _TEXT, escapes) == -1
    colons = 20 if escapes else 0  # (counted only where the file holds an escape)
    assert _bulkcheck._text_colons(fine, _TEXT, escapes) == colons
    assert _bulkcheck._text_colons([*fine, "b", "b"], _TEXT, escapes) == colons


def _walked(
    walk: Any, cls: type, records: list[Any], sparse: bool = False
) -> tuple[Any, ...] | None:
    """What a walk of ``cls`` gathers of ``records`` (each list as a multiset where the walk's
    order is free), or None if it rejects them."""
    from collections import Counter

    plan = _bulkcheck._plan(cls)
    texts: list[list[str]] = [[] for _ in plan.texts]
    refs: list[list[str]] = [[] for _ in plan.refs]
    names: list[list[str]] = [[] for _ in plan.names]
    families: list[list[str]] = [[] for _ in plan.families]
    groups: list[dict[int, Any]] = [{} for _ in plan.groups]
    try:
        pairs = walk(records, texts, refs, names, families, groups, sparse)
    except _fields.RejectedError:
        return None
    bags = [[Counter(values) for values in gathered] for gathered in (texts, refs, names)]
    return pairs, bags, families, groups


@pytest.mark.parametrize("kind", KINDS)
def test_parts_checked_after_the_records_are_checked_as_within_them(kind: KindName) -> None:
    # a walk checks the parts of lists that hold no parts (citations, inferences) in one loop
    # after the records': the same pairs, values, families and groups as a walk that checks
    # them within each record, and the same verdict when a list that needs a part is empty
    from rightsdata._model.fields import Gather
    from rightsdata._values.codegen import compile_function

    cls = RECORD_TYPES[kind]
    source = _bulkcheck._walk_source(cls, Gather(), defer=False)
    assert source != _bulkcheck._walk_source(cls, Gather())
    namespace = {"RejectedError": _fields.RejectedError}
    within = compile_function(source, "walk", namespace, f"walk_{cls.__name__}")

    cited = "citations" in attrs.fields_dict(cls)

    @settings(_SETTINGS, max_examples=examples(50))
    @given(st.lists(records(kind), max_size=4), st.lists(st.booleans(), max_size=4))
    def check(built: list[Any], emptied: list[bool]) -> None:
        for at, empty in enumerate(emptied[: len(built)]):
            if empty and cited:
                built[at] = copy.copy(built[at])
                object.__setattr__(built[at], "citations", ())
        for sparse in (False, True):
            deferred = _walked(_bulkcheck._plan(cls).walk, cls, built, sparse)
            assert deferred == _walked(within, cls, built, sparse)
            assert (deferred is None) is any(not getattr(r, "citations", True) for r in built)

    check()


@pytest.mark.parametrize(
    ("path", "message"),
    [("title", "not a field holding IDs"), ("charges.nope", "not a field holding IDs"),
     ("title.actor", "not a path to a field"), ("nope.actor", "not a path to a field")],
)  # fmt: skip
def test_names_must_be_paths_to_fields_holding_ids(path: str, message: str) -> None:
    from rightsdata._model.fields import Gather
    from rightsdata._model.records import Event
    from rightsdata._validation.bulkcheck import _walk_source

    broken = type("Broken", (Event,), {"__slots__": (), "_NAMES": {"family": (path,)}})
    with pytest.raises(TypeError, match=f"Broken._NAMES: '{path}' is {message}"):
        _walk_source(broken, Gather())


@pytest.mark.parametrize("path", ["nope", "charges.nope", "title.actor", "nope.actor"])
def test_groups_must_be_paths_to_fields(path: str) -> None:
    from rightsdata._model.fields import Gather
    from rightsdata._model.records import Event
    from rightsdata._validation.bulkcheck import _walk_source

    broken = type("Broken", (Event,), {"__slots__": (), "_GROUPS": (path,)})
    with pytest.raises(TypeError, match=f"Broken._GROUPS: '{path}' is not a path to a field"):
        _walk_source(broken, Gather())


@pytest.mark.parametrize(
    "length", [0, 1, _bulkcheck._PACKED_FROM - 1, _bulkcheck._PACKED_FROM, 5000]
)
def test_positions_gathered_in_a_list_become_the_same_array(length: int) -> None:
    from array import array

    listed = [i * 7919 + (1 << 40) * (i % 3) for i in range(length)]
    positions = _bulkcheck._positions(listed)
    assert positions.typecode == "q"
    assert positions == array("q", listed)
