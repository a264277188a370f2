"""Fuzzing the loader with mutations of the bundled dataset (issue #12).

Whatever the bytes or JSON values, a load returns a whole dataset or raises one
InvalidDataError, and:

- ``validate()`` returns exactly the problems ``load_path()`` raises;
- the fast path (msgspec) and the loader's diagnostic path (strict json.loads + cattrs)
  agree on each file;
- the three layouts (folder, one JSON document, JSON Lines) agree;
- the schema-checking load (the diagnostic path for every file) finds the same problems as
  the default one, plus its own ``schema`` ones.

CI runs a short budget (under ~20 s). Run longer with ``python bench/fuzz_load.py
--examples 2000`` (or ``RIGHTSDATA_FUZZ_EXAMPLES=2000 pytest -n 0 tests/data/test_fuzz.py``).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Final

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError
from rightsdata._data.dataset import Dataset
from rightsdata._data.loading import _decode, _parse
from rightsdata._model.records import KINDS
from rightsdata._tables.export import JSON_LINES_FILE
from rightsdata._validation.convert import structure_many
from rightsdata._validation.fastpath import FastPathError, decode_with_ids
from rightsdata._values.errors import Problem, ProblemCode
from rightsdata._values.ids import KIND_OF_PREFIX, prefix_of
from rightsdata._values.resources import datasets_root
from rightsdata.testing import dataset_documents

from conftest import parts

BUNDLED = Path(str(datasets_root().joinpath("kazakhstan")))
FILES = {p.name: p.read_bytes() for p in sorted(BUNDLED.iterdir())}
DOCUMENTS: dict[str, list[Any]] = {
    kind: json.loads(FILES[f"{kind}.json"]) for kind in KINDS if f"{kind}.json" in FILES
}
#: The examples each property runs (the CI budget by default).
EXAMPLES = int(os.environ.get("RIGHTSDATA_FUZZ_EXAMPLES", "0")) or None


def _settings(default: int) -> settings:
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def outcome(path: Path, **options: Any) -> tuple[Dataset | None, list[Problem]]:
    """A load's result: the dataset, or the problems. Any other exception fails the test."""
    try:
        dataset = rightsdata.load_path(path, **options)
    except InvalidDataError as error:
        problems = list(error.problems)
        assert problems, "an InvalidDataError without problems"
        str(error).encode("utf-8")
        dataset = None
    else:
        problems = []
    listed = rightsdata.validate(path, **options)
    assert listed == problems
    assert [parts(p) for p in listed] == [parts(p) for p in problems]
    return dataset, problems


# --- byte mutations -------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    [
        b'"',
        b"\\",
        b"\\ud800",
        b'"\\udc00"',
        b"1e999",
        b"-0",
        b"NaN",
        b"null",
        b"[",
        b"]",
        b"{",
        b"}",
        b",",
        b":",
        b"\r",
        b"\n",
        b"\xe2\x80\xa8",
        b"\xef\xbb\xbf",
        b"\xff",
        b"\x00",
        b'"id": "person:x", ',
    ]
)


ByteMutation = tuple[str, int, Any]


@st.composite
def byte_mutations(draw: st.DrawFn) -> tuple[str, list[ByteMutation]]:
    """A file of the bundled dataset, and a few changes to its bytes: (action, offset, what);
    the offset is taken modulo the length, so that a failing example prints small."""
    name = draw(st.sampled_from(sorted(FILES)))
    changes = st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 1 << 20), st.integers(0, 255)),
        st.tuples(st.just("cut"), st.integers(0, 1 << 20), st.integers(1, 64)),
        st.tuples(
            st.just("insert"), st.integers(0, 1 << 20), _TOKENS | st.binary(min_size=1, max_size=8)
        ),
        st.tuples(st.just("repeat"), st.integers(0, 1 << 20), st.integers(1, 200)),
        st.tuples(st.just("truncate"), st.integers(0, 1 << 20), st.none()),
    )
    return name, draw(st.lists(changes, min_size=1, max_size=3))


def apply_bytes(name: str, changes: list[ByteMutation]) -> bytes:
    """The bytes of bundled file ``name`` with ``changes`` made."""
    data = bytearray(FILES[name])
    for action, offset, what in changes:
        at = offset % max(len(data), 1)
        if action == "flip" and data:
            data[at] = what
        elif action == "cut":
            del data[at : at + what]
        elif action == "insert":
            data[at:at] = what
        elif action == "repeat":
            data[at:at] = data[at : at + what]
        elif action == "truncate":
            del data[at:]
    return bytes(data)


def diagnostic(kind: str, data: bytes) -> list[Any] | None:
    """The loader's diagnostic path on one kind's file: its records, or None if it finds any
    problem (the same strict JSON reading as the loader: no repeated keys, no BOM...)."""
    text, problems = _decode(data, f"{kind}.json")
    if text is None or problems:  # (byte-order marks: read past, and a problem still)
        return None
    documents, problems = _parse(text, f"{kind}.json")
    if problems:
        return None
    records, problems = structure_many(kind, documents, f"{kind}.json")
    return None if problems else records


def _refused_for_an_escaped_colon(kind: str, data: bytes) -> bool:
    """Whether the fast path refuses ``data`` for its escaped colon (and for nothing else)."""
    try:
        decode_with_ids(kind, data)
    except FastPathError as exc:
        return "an escaped colon" in str(exc)
    return False


def assert_paths_agree(kind: str, data: bytes) -> None:
    """The fast path accepts exactly what the diagnostic path accepts, into equal records."""
    expected = diagnostic(kind, data)
    try:
        got: list[Any] | None = decode_with_ids(kind, data)[0]
    except Exception:
        got = None
    if expected is None:
        assert got is None, "the fast path accepts what the diagnostic path rejects"
    elif got is None and (b"\\u003a" in data or b"\\u003A" in data):
        # a colon written as an escape: the fast path leaves the file to the diagnostic path
        # by design (its count of colons cannot see it), and the load reads it that way
        assert _refused_for_an_escaped_colon(kind, data)
    else:
        assert got is not None, "the fast path rejects what the diagnostic path accepts"
        assert got == expected
        assert [type(r) for r in got] == [type(r) for r in expected]


@_settings(60)
@given(byte_mutations())
def test_byte_mutations_load_or_fail_cleanly(mutation: tuple[str, list[ByteMutation]]) -> None:
    name, changes = mutation
    data = apply_bytes(name, changes)
    with tempfile.TemporaryDirectory() as folder:
        for file, content in FILES.items():
            Path(folder, file).write_bytes(data if file == name else content)
        dataset, _ = outcome(Path(folder))
        if name.endswith(".json") and name.removesuffix(".json") in KINDS:
            assert_paths_agree(name.removesuffix(".json"), data)
        if data == FILES[name]:
            assert dataset is not None


# --- JSON mutations -------------------------------------------------------------------------

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(["", "2012-13-01", "person:nobody", "\ud800", "a\u2028b", "P1Y", "1e999"])
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=5,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


Mutation = tuple[str, int, str, int, Any]


@st.composite
def json_mutations(draw: st.DrawFn) -> list[Mutation]:
    """A few changes to the bundled records: (kind, record, action, place, value); the record
    and the place are taken modulo what there is, so that a failing example prints small."""
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(DOCUMENTS)),
                st.integers(0, 10_000),
                st.sampled_from(["replace", "remove", "add", "copy_id", "drop_record"]),
                st.integers(0, 10_000),
                _VALUES,
            ),
            min_size=1,
            max_size=3,
        )
    )


def apply(mutations: list[Mutation]) -> dict[str, list[Any]]:
    """The bundled records with ``mutations`` made."""
    documents = copy.deepcopy(DOCUMENTS)
    for kind, which, action, where, value in mutations:
        records = documents[kind]
        if not records:
            continue
        index = which % len(records)
        if action == "drop_record":
            del records[index]
            continue
        if action == "copy_id":  # a duplicate ID, or a reference's target changed
            everything = [r for rs in documents.values() for r in rs]
            records[index]["id"] = everything[where % len(everything)]["id"]
            continue
        places = _paths(records[index])[1:]
        path = places[where % len(places)]
        parent = records[index]
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            parent[path[-1]] = value
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[f"extra{where % 3}"] = value
        else:
            parent.append(value)
    return documents


def _dumps(value: Any, **options: Any) -> str:
    """JSON text, UTF-8 where it can be, ASCII escapes where a lone surrogate forbids it."""
    text = json.dumps(value, ensure_ascii=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, **options)
    return text


#: The descriptor every layout of :func:`_write_layouts` carries.
_DESCRIPTOR: Final = {"name": "fuzzed", "version": "1.0.0", "rightsdata_format": 3}


def _write_layouts(folder: Path, documents: dict[str, list[Any]]) -> dict[str, Path]:
    """The same records, and the same descriptor, as a folder, one JSON document, and JSON
    Lines."""
    (folder / "folder").mkdir()
    for kind, records in documents.items():
        text = _dumps(records, indent=1)
        (folder / "folder" / f"{kind}.json").write_text(text, encoding="utf-8")
    (folder / "folder" / "datapackage.json").write_text(_dumps(_DESCRIPTOR), encoding="utf-8")
    document = folder / "all.json"
    document.write_text(_dumps({"datapackage": _DESCRIPTOR, **documents}), encoding="utf-8")
    lines = folder / JSON_LINES_FILE
    lines.write_text(
        _dumps({"$kind": "datapackage", **_DESCRIPTOR})
        + "\n"
        + "".join(
            _dumps({"$kind": kind, **record} if type(record) is dict else record) + "\n"
            for kind, records in documents.items()
            for record in records
        ),
        encoding="utf-8",
    )
    return {"folder": folder / "folder", "document": document, "lines": lines}


def _ids_match_kinds(documents: dict[str, list[Any]]) -> bool:
    """Whether every record's ID, where it is text, names the kind of the list it is in."""
    return all(
        KIND_OF_PREFIX.get(prefix_of(record["id"]), kind) == kind
        for kind, records in documents.items()
        for record in records
        if type(record) is dict and type(record.get("id")) is str
    )


@_settings(20)
@given(json_mutations())
def test_json_mutations_agree_across_paths_and_layouts(mutations: list[Mutation]) -> None:
    documents = apply(mutations)
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_layouts(Path(folder), documents)
        results = {layout: outcome(path) for layout, path in paths.items()}
        for kind, records in documents.items():
            assert_paths_agree(kind, _dumps(records).encode("utf-8"))
        verdicts = {layout: dataset is None for layout, (dataset, _) in results.items()}
        assert len(set(verdicts.values())) == 1, verdicts
        datasets = [dataset for dataset, _ in results.values() if dataset is not None]
        if datasets:
            assert all(d.to_dict() == datasets[0].to_dict() for d in datasets)
            assert all(d.redirects == datasets[0].redirects for d in datasets)
            assert all(d.descriptor == _DESCRIPTOR for d in datasets)
            _exports_read_back_equal(datasets[0], Path(folder) / "exports")
        elif _ids_match_kinds(documents):  # else JSON Lines says so in one problem a record
            counts = {layout: len(problems) for layout, (_, problems) in results.items()}
            assert len(set(counts.values())) == 1, counts
            codes = {
                layout: sorted(Counter(p.code for p in problems).items())
                for layout, (_, problems) in results.items()
            }
            assert len({str(c) for c in codes.values()}) == 1, codes
            # each layout names the same records (by ID, or by why they have none) and fields
            named = {
                layout: sorted(
                    Counter((p.kind, p.record_id, p.field, p.code) for p in problems).items(),
                    key=str,
                )
                for layout, (_, problems) in results.items()
            }
            assert len({str(n) for n in named.values()}) == 1, named


def _exports_read_back_equal(dataset: Any, folder: Path) -> None:
    """What loads can be exported in every format and read back equal."""
    import pyarrow.parquet as parquet

    from rightsdata.tables import TABLES, Row, documents_from_rows, read_directory

    expected = (dataset.to_dict(), dict(dataset.redirects))
    for fmt in ("json", "jsonl"):
        written = dataset.export(folder / fmt, fmt)
        back = rightsdata.load_path(folder / fmt if fmt == "json" else written[0])
        assert (back.to_dict(), dict(back.redirects)) == expected, fmt
        assert (back.name, back.version) == (dataset.name, dataset.version), fmt
    for fmt in ("csv", "datapackage"):
        dataset.export(folder / fmt, fmt)
        assert documents_from_rows(read_directory(folder / fmt)) == expected, fmt
    dataset.export(folder / "parquet", "parquet")
    tables: dict[str, list[Row]] = {
        name: [
            tuple(tuple(v) if isinstance(v, list) else v for v in row.values())
            for row in parquet.read_table(folder / "parquet" / f"{name}.parquet").to_pylist()
        ]
        for name in TABLES
    }
    assert documents_from_rows(tables) == expected, "parquet"


@_settings(6)
@given(json_mutations())
def test_the_schema_checking_load_finds_the_same_problems(mutations: list[Mutation]) -> None:
    documents = apply(mutations)
    with tempfile.TemporaryDirectory() as folder:
        path = _write_layouts(Path(folder), documents)["folder"]
        _, fast = outcome(path)
        _, diagnostic = outcome(path, schema=True)
        model = [p for p in diagnostic if p.code != ProblemCode.SCHEMA]
        assert model == fast
        assert [parts(p) for p in model] == [parts(p) for p in fast]


def test_the_bundled_dataset_exports_and_reads_back_equal(tmp_path: Path) -> None:
    _exports_read_back_equal(rightsdata.load(), tmp_path)


@_settings(10)
@given(dataset_documents(max_per_kind=3))
def test_generated_datasets_export_and_read_back_equal(documents: dict[str, Any]) -> None:
    # (the mutations above seldom leave a dataset that loads: valid ones come from here, with
    # text in any script, counts up to the largest, and every optional field left out or not)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all.json"
        path.write_text(_dumps(documents), encoding="utf-8")
        _exports_read_back_equal(rightsdata.load_path(path), Path(folder) / "exports")
