"""The options and shortcuts of large loads: ``freeze=``, ``share=``, and the bulk check's
byte-level ID test (the speed is the benchmark's to show; these prove the behaviour)."""

from __future__ import annotations

import gc
import json
import re
import shutil
import subprocess
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._data.canonical import embedded_descriptor
from rightsdata._model.fields import ids_pattern
from rightsdata._model.records import KINDS
from rightsdata._validation.bulkcheck import _ids_match
from rightsdata._values.gcpause import freeze_when_done, gc_paused
from rightsdata._values.ids import PREFIXES


def _bundled_root() -> Path:
    from rightsdata._values.resources import datasets_root

    return Path(str(datasets_root() / "kazakhstan"))


def _bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "kz"
    shutil.copytree(_bundled_root(), folder)
    return folder


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _records(ds: Any) -> list[Any]:
    return [record for kind in KINDS for record in ds.collection(kind)]


# --- freeze= ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("unfrozen")
def test_freeze_moves_the_loaded_dataset_out_of_the_collectors_reach(tmp_path: Path) -> None:
    folder = _bundled(tmp_path)
    plain = rightsdata.load_path(folder)
    assert gc.get_freeze_count() == 0
    assert all(gc.is_tracked(r) for r in _records(plain))  # the collector walks them
    tracked = {id(o) for o in gc.get_objects()}
    assert any(id(r) in tracked for r in _records(plain))

    frozen = rightsdata.load_path(folder, freeze=True)
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(_records(frozen))
    tracked = {id(o) for o in gc.get_objects()}  # the generations a collection walks
    assert not any(id(r) in tracked for r in _records(frozen))
    assert frozen.to_dict() == plain.to_dict()


@pytest.mark.usefixtures("unfrozen")
def test_a_frozen_dataset_is_still_freed_by_del_without_the_collector(tmp_path: Path) -> None:
    ds = rightsdata.load_path(_bundled(tmp_path), freeze=True)
    alive = weakref.ref(ds)
    gc.disable()
    try:
        del ds
        assert alive() is None
    finally:
        gc.enable()


@pytest.mark.usefixtures("unfrozen")
def test_a_failed_load_freezes_nothing(tmp_path: Path) -> None:
    folder = _bundled(tmp_path)
    (folder / "persons.json").write_text('[{"id": "person:x"}]', encoding="utf-8")
    with pytest.raises(InvalidDataError):
        rightsdata.load_path(folder, freeze=True)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


@pytest.mark.usefixtures("unfrozen")
def test_freeze_when_done_acts_at_the_end_of_the_outermost_pause_only() -> None:
    freeze_when_done()  # outside a pause: nothing
    with gc_paused():
        with gc_paused():
            freeze_when_done()
            built: list[list[object]] = [[] for _ in range(10)]
        assert gc.get_freeze_count() == 0  # the outer pause is still under way
    assert gc.get_freeze_count() > 0
    assert gc.isenabled() and built
    gc.unfreeze()
    with gc_paused():  # the request is not left over for the next pause
        pass
    assert gc.get_freeze_count() == 0


def _script(source: str, *args: object) -> subprocess.CompletedProcess[str]:
    """Run ``source`` as a script of its own with ``args``; its output, once it has exited."""
    command = [sys.executable, "-c", source, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=True)


#: A script that holds its dataset to the end, as scripts do, and reports at its exit (from a
#: hook registered before ``import rightsdata``, so run after rightsdata's) the references the
#: dataset gained.
_HELD_TO_THE_EXIT = """
import atexit, sys
atexit.register(lambda: print("gained", sys.getrefcount(ds) - held))
import rightsdata
ds = rightsdata.load_path(sys.argv[1], freeze=sys.argv[2] == "freeze")
held = sys.getrefcount(ds)
"""


@pytest.mark.parametrize(("freeze", "gained"), [(True, 1), (False, 0)])
def test_a_frozen_dataset_alive_at_the_exit_is_left_to_the_system(
    tmp_path: Path, freeze: bool, gained: int
) -> None:
    # one more reference at the exit: clearing the modules frees nothing of it (a dataset
    # not frozen gains none: it is released, or, if small, left to the exit's collections)
    done = _script(_HELD_TO_THE_EXIT, _bundled(tmp_path), "freeze" if freeze else "plain")
    assert done.stdout.split() == ["gained", str(gained)]


#: A script holding its dataset to the end that reports, from an exit hook registered after
#: ``import rightsdata`` (run before rightsdata's hook) and one registered before it (run
#: after), whether the dataset could be used and whether its first event was still alive.
_RELEASED_AT_THE_EXIT = """
import atexit, sys, weakref

def late():
    print("record", "freed" if first() is None else "alive")
    try:
        len(ds.events), ds.get(first_id)
    except RuntimeError as error:
        print("released", "released at the interpreter's exit" in str(error))
    else:
        print("usable")

atexit.register(late)
import rightsdata
from rightsdata._values import exitleave

exitleave.RELEASE_FROM = int(sys.argv[3])
ds = rightsdata.load_path(sys.argv[1], freeze=sys.argv[2] == "freeze")
ds.events(kind="arrest")  # the indexes built, as a script that queried has them
first = weakref.ref(ds.events[0])
first_id = ds.events[0].id
atexit.register(lambda: print("before", len(ds.events) > 0))
"""


@pytest.mark.parametrize(
    ("freeze", "release_from", "expected"),
    [
        (False, 0, ["before", "True", "record", "freed", "released", "True"]),
        (False, 10**9, ["before", "True", "record", "alive", "usable"]),  # too small
        (True, 0, ["before", "True", "record", "alive", "usable"]),  # left, not released
    ],
)
def test_a_large_dataset_alive_at_the_exit_is_released_after_the_programs_hooks(
    tmp_path: Path, freeze: bool, release_from: int, expected: list[str]
) -> None:
    # released: its records are freed by reference counting in rightsdata's hook, before the
    # exit's collections (which would otherwise walk them); the program's hooks registered
    # after the import still find it whole, those that run later a clear error
    folder = _bundled(tmp_path)
    done = _script(_RELEASED_AT_THE_EXIT, folder, "freeze" if freeze else "plain", release_from)
    assert done.stdout.split() == expected
    assert done.stderr == ""


def test_a_released_dataset_and_its_collections_refuse_every_use() -> None:
    from rightsdata._values import exitleave

    ds = rightsdata.load_path(_bundled_root())
    events, persons = ds.events, ds.persons
    kept = ds.events[0]
    ds._release()
    uses: list[Callable[[], object]] = [
        lambda: ds.events,
        lambda: ds.get(kept.id),
        lambda: ds.counts(),
        lambda: len(events),
        lambda: list(persons),
        lambda: events(kind="arrest"),
        lambda: persons.get("person:vladimir-kozlov"),
        lambda: kept.id in events,
    ]
    for use in uses:
        with pytest.raises(RuntimeError, match="released at the interpreter's exit"):
            use()
    assert kept.title  # a record the program holds is whole
    assert repr(exitleave.RELEASED) == "<released at the interpreter's exit>"


def test_the_exit_tables_hold_nothing_alive_before_the_exit() -> None:
    from rightsdata._values import exitleave

    class Held:
        def _release(self) -> None:
            pass

    held, dropped, small = Held(), Held(), Held()
    exitleave.leave_at_exit(held)
    exitleave.release_at_exit(dropped, records=exitleave.RELEASE_FROM)
    exitleave.release_at_exit(small, records=exitleave.RELEASE_FROM - 1)
    alive = weakref.ref(dropped)
    del dropped
    assert alive() is None  # freed at once: the hook's tables hold it weakly
    assert held in exitleave._left.values()
    assert small not in exitleave._released.values()  # too small to be worth releasing
    exitleave.release_at_exit(held, records=exitleave.RELEASE_FROM)
    exitleave.leave_at_exit(held)  # frozen after all: left, not released
    assert held not in exitleave._released.values()


# --- share= -----------------------------------------------------------------------------------


def test_share_makes_equal_values_one_object_and_changes_nothing_else(tmp_path: Path) -> None:
    folder = _bundled(tmp_path)
    plain = rightsdata.load_path(folder)
    shared = rightsdata.load_path(folder, share=True)
    assert shared.to_dict() == plain.to_dict()
    assert [repr(r) for r in _records(shared)] == [repr(r) for r in _records(plain)]

    # a reference shares the string of the ID it names, in another file
    ids = {source.id: source.id for source in shared.sources}
    names = [c.source for event in shared.events for c in event.citations]
    assert names and all(name is ids[name] for name in names)
    own = {source.id: source.id for source in plain.sources}
    assert not all(c.source is own[c.source] for e in plain.events for c in e.citations)

    # equal parts are one object, and so are equal tuples of them
    for field in ("participants", "inferred"):
        seen: dict[Any, Any] = {}
        for event in shared.events:
            for part in getattr(event, field):
                assert seen.setdefault(part, part) is part
        assert len(seen) < sum(len(getattr(e, field)) for e in shared.events)
    tuples: dict[Any, Any] = {}
    for record in _records(shared):
        inferred = record.inferred
        if inferred:
            assert tuples.setdefault(inferred, inferred) is inferred


def test_share_works_with_freeze_and_on_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    folder = _bundled(tmp_path)
    expected = rightsdata.load_path(folder).to_dict()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the diagnostic path was used")

    monkeypatch.setattr("rightsdata._validation.convert.structure_many", refuse)
    ds = rightsdata.load_path(folder, share=True, freeze=True)
    assert ds.to_dict() == expected
    assert gc.get_freeze_count() > 0


# --- load_documents(share=, freeze=) --------------------------------------------------------


@pytest.mark.usefixtures("unfrozen")
def test_load_documents_takes_share_and_freeze_as_load_path_does() -> None:
    documents = rightsdata.load().to_dict()
    plain = rightsdata.load_documents(documents)
    assert gc.get_freeze_count() == 0
    frozen = rightsdata.load_documents(documents, share=True, freeze=True)
    assert frozen == plain and gc.isenabled()
    assert gc.get_freeze_count() >= len(_records(frozen))
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(r) in tracked for r in _records(frozen))
    ids = {source.id: source.id for source in frozen.sources}
    names = [c.source for event in frozen.events for c in event.citations]
    assert names and all(name is ids[name] for name in names)  # (a reference shares its ID)
    own = {source.id: source.id for source in plain.sources}
    assert not all(c.source is own[c.source] for e in plain.events for c in e.citations)


@pytest.mark.usefixtures("unfrozen")
def test_a_failed_load_of_documents_freezes_nothing() -> None:
    documents = {"persons": [{"id": "person:x"}]}
    with pytest.raises(InvalidDataError):
        rightsdata.load_documents(documents, freeze=True)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


@pytest.mark.parametrize("option", ["share", "freeze"])
def test_load_documents_takes_share_and_freeze_as_flags(option: str) -> None:
    with pytest.raises(TypeError, match=option):
        rightsdata.load_documents({}, **{option: cast(Any, "yes")})


# --- the byte-level ID test -------------------------------------------------------------------

_ID_LIKE = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:-_ .A\x00é", max_size=14)
_PREFIX_SETS = st.sampled_from([PREFIXES, ("person", "org"), ("source",), ("event",)])


@given(
    st.sets(
        st.one_of(
            _ID_LIKE,
            st.builds(lambda p, s: f"{p}:{s}", st.sampled_from(PREFIXES), _ID_LIKE),
            st.from_regex(r"\A(?:person|org|event):[a-z0-9]+(?:-[a-z0-9]+)*\Z"),
        ),
        min_size=1,
        max_size=8,
    ),
    _PREFIX_SETS,
)
def test_the_byte_level_id_test_is_the_regex(values: set[str], prefixes: tuple[str, ...]) -> None:
    one = re.compile(ids_pattern(prefixes).pattern.split("(?:\x00")[0])
    expected = all(one.fullmatch(value) for value in values)
    assert _ids_match(values, prefixes) == expected
    if not any("\x00" in value for value in values):  # as JSON without escapes gives them
        assert _ids_match(values, prefixes, escapes=False) == expected


def test_the_byte_level_id_test_on_the_edges() -> None:
    good = {"person:a", "org:b-2", "person:x1-y2-z3"}
    assert _ids_match(good, ("person", "org"))
    for bad in (
        "person:",
        "person:-a",
        "person:a-",
        "person:a--b",
        "person:a:b",
        "persons:a",
        "source:a",
        ":a",
        "person:A",
        "person:a\x00org:b",
        "person:a b",
        "person:é",
        "",
        "person:a-\x00",
        "person:\x00",
        "\x00person:a",
        "person::a",
        "person:a:",
        "person:--",
        "person:-",
        "-person:a",
        "person-:a",
        "person:a!",
        "org:b\n",
    ):
        assert not _ids_match({*good, bad}, ("person", "org")), bad
        if "\x00" not in bad:
            assert not _ids_match({*good, bad}, ("person", "org"), escapes=False), bad


# --- the JSON document and JSON Lines layouts on the fast path --------------------------------


def _refuse_the_diagnostic_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the diagnostic path was used")

    for name in ("structure_many", "structure_located"):
        monkeypatch.setattr(f"rightsdata._validation.convert.{name}", refuse)


def _refuse_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from rightsdata._validation import fastpath

    def refuse(*args: object, **kwargs: object) -> object:
        raise fastpath.FastPathError("refused for the test")

    for name in ("decode_document", "decode_json_lines", "decode_with_ids"):
        monkeypatch.setattr(fastpath, name, refuse)


def _layouts(tmp_path: Path) -> dict[str, Path]:
    """The bundled dataset as one JSON document and as JSON Lines (with its redirect and its
    descriptor)."""
    ds = rightsdata.load()
    document = tmp_path / "all.json"
    document.write_text(
        json.dumps(
            {
                **ds.to_dict(),
                "redirects": [{"id": k, "to": v} for k, v in ds.redirects.items()],
                "datapackage": embedded_descriptor(ds),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (lines,) = ds.export(tmp_path / "lines", "jsonl")
    return {"document": document, "lines": lines}


def _outcome(path: Path, **options: Any) -> tuple[Any, Any]:
    try:
        ds = rightsdata.load_path(path, **options)
    except InvalidDataError as exc:
        return None, [(p.location, p.code, p.message, p.file, p.line) for p in exc.problems]
    return (ds.to_dict(), dict(ds.redirects), ds.name, ds.version, ds.descriptor), None


@pytest.mark.parametrize("share", [False, True])
def test_the_document_and_json_lines_layouts_take_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: bool
) -> None:
    bundled = rightsdata.load()
    carried = embedded_descriptor(bundled)
    expected = (
        bundled.to_dict(),
        dict(bundled.redirects),
        bundled.name,
        bundled.version,
        carried,
    )
    assert carried is not None and carried["name"] == bundled.name
    assert expected[1]  # the redirects are read too
    paths = _layouts(tmp_path)
    with monkeypatch.context() as patched:
        _refuse_the_diagnostic_path(patched)
        for path in paths.values():
            assert _outcome(path, share=share) == (expected, None), path.name


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _variants(paths: dict[str, Path]) -> dict[str, tuple[str, bytes]]:
    """Files the fast path must refuse or read exactly as the diagnostic path does."""
    document = paths["document"].read_bytes()
    parsed = json.loads(document)
    lines = paths["lines"].read_bytes()
    first, second, *rest = lines.split(b"\n")
    tail = b"\n".join(rest)
    assert first.startswith(b'{"$kind": "datapackage", ')  # (the descriptor's line)
    descriptor = json.loads(first)
    assert descriptor.pop("$kind") == "datapackage"
    undescribed = {k: v for k, v in parsed.items() if k != "datapackage"}
    event = next(line for line in lines.split(b"\n") if line.startswith(b'{"$kind": "events"'))
    return {
        "document, a null list": ("json", _dumps({**parsed, "laws": None})),
        "document, only a null list": ("json", b'{"laws": null}'),
        "document, a kind twice": ("json", document[:-1] + b', "laws": []}'),
        "document, an unknown key": ("json", document[:-1] + b', "people": []}'),
        "document, empty": ("json", b"{}"),
        "document, a bad redirect": ("json", document.replace(b'"to": "', b'"to": "x', 1)),
        "document, null redirects": ("json", _dumps({**parsed, "redirects": None})),
        "document, no redirects": (
            "json",
            _dumps({k: v for k, v in parsed.items() if k != "redirects"}),
        ),
        "document, a repeated key in a record": (
            "json",
            document.replace(b'"title": ', b'"title": "x", "title": ', 1),
        ),
        "document, an escaped colon": (
            "json",
            document.replace(b"Kazakhstan", b"Kazakhstan\\u003a", 1),
        ),
        "lines, CRLF": ("jsonl", lines.replace(b"\n", b"\r\n")),
        "lines, a blank line": ("jsonl", first + b"\n\n" + second + b"\n" + tail),
        "lines, no final newline": ("jsonl", lines.rstrip(b"\n")),
        "lines, a kind left out": ("jsonl", lines.replace(b'{"$kind": "persons", ', b"{", 1)),
        "lines, the kind last": (
            "jsonl",
            lines.replace(
                b'{"$kind": "persons", "id": "person:vladimir-kozlov", ',
                b'{"id": "person:vladimir-kozlov", "$kind": "persons", ',
                1,
            ),
        ),
        "lines, the kind twice": (
            "jsonl",
            lines.replace(
                b'{"$kind": "persons", ', b'{"$kind": "persons", "$kind": "persons", ', 1
            ),
        ),
        "lines, a kind unknown": (
            "jsonl",
            lines.replace(b'{"$kind": "persons", ', b'{"$kind": "people", ', 1),
        ),
        "lines, the wrong kind": (
            "jsonl",
            lines.replace(b'{"$kind": "persons", ', b'{"$kind": "laws", ', 1),
        ),
        "lines, two records on one line and one over two": (
            "jsonl",
            lines.replace(
                event,
                event[:-1]
                + b"}, "
                + event.replace(
                    b'"participants": [',
                    b'"participants": [\n{"$kind": "events", '
                    b'"actor": "person:vladimir-kozlov", "role": "defendant"}, ',
                    1,
                ).replace(b'"id": "event:', b'"id": "event:x', 1),
                1,
            ),
        ),
        "lines, a redirect with a problem": ("jsonl", lines.replace(b'"to": "', b'"to": "X', 1)),
        "lines, an escaped colon": ("jsonl", lines.replace(b"Kazakhstan", b"Kazakhstan\\u003a", 1)),
        "lines, no descriptor": ("jsonl", second + b"\n" + tail),
        "lines, the descriptor alone": ("jsonl", first + b"\n"),
        "lines, the descriptor second": ("jsonl", second + b"\n" + first + b"\n" + tail),
        "lines, the descriptor last": ("jsonl", second + b"\n" + tail + first + b"\n"),
        "lines, the descriptor twice": ("jsonl", first + b"\n" + lines),
        "lines, a blank line before the descriptor": ("jsonl", b"\n" + lines),
        "lines, the descriptor's kind last": (
            "jsonl",
            _dumps({**descriptor, "$kind": "datapackage"}) + b"\n" + second + b"\n" + tail,
        ),
        "lines, a descriptor with a problem": (
            "jsonl",
            lines.replace(b'"rightsdata_format": 3', b'"rightsdata_format": 9', 1),
        ),
        "lines, a descriptor with resources": (
            "jsonl",
            lines.replace(b'"rightsdata_format": 3', b'"rightsdata_format": 3, "resources": []', 1),
        ),
        "lines, a repeated key in the descriptor": (
            "jsonl",
            lines.replace(b'"name": ', b'"name": "x", "name": ', 1),
        ),
        "lines, a colon escaped in the descriptor": (
            "jsonl",
            lines.replace(b'"title": "', b'"title": "\\u003a', 1),
        ),
        "document, a descriptor with a problem": (
            "json",
            _dumps({**parsed, "datapackage": {**descriptor, "licenses": 5}}),
        ),
        "document, a descriptor with resources": (
            "json",
            _dumps({**parsed, "datapackage": {**descriptor, "resources": []}}),
        ),
        "document, a null descriptor": ("json", _dumps({**parsed, "datapackage": None})),
        "document, no descriptor": ("json", _dumps(undescribed)),
        "document, the descriptor twice": ("json", document[:-1] + b', "datapackage": {}}'),
        "document, the descriptor alone": ("json", _dumps({"datapackage": descriptor})),
        "document, a repeated key in the descriptor": (
            "json",
            document.replace(b'"datapackage": {', b'"datapackage": {"name": "x", ', 1),
        ),
    }


def test_the_fast_path_on_other_layouts_agrees_with_the_diagnostic_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _layouts(tmp_path)
    for name, (suffix, data) in _variants(paths).items():
        path = tmp_path / f"variant.{suffix}"
        path.write_bytes(data)
        fast = _outcome(path)
        with monkeypatch.context() as patched:
            _refuse_the_fast_path(patched)
            diagnostic = _outcome(path)
        assert fast == diagnostic, name
