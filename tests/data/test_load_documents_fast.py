"""load_documents reads plain JSON documents by the fast path, as the JSON document they would
be written as, and gives what the diagnostic path gives: the same dataset, or the same error.

The diagnostic path is forced by turning the fast one off (``_fast_documents`` returning
False); a spy on ``_fast_document`` tells whether the fast path read the documents. No
timings here: bench/bench_readback.py measures ``load_documents``.
"""

from __future__ import annotations

import copy
import enum
import json
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import Dataset, InvalidDataError
from rightsdata._data import loading
from rightsdata._values.plainjson import COPIED_SLACK, LONG_TEXT
from rightsdata._values.resources import datasets_root
from rightsdata.testing import dataset_documents

from conftest import CITE, examples, left_out, person_doc, source_doc

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@contextmanager
def fast_path_read() -> Iterator[list[bool]]:
    """What each call of the fast path on documents returned (True: it read them)."""
    verdicts: list[bool] = []
    real = loading._fast_document

    def spy(parts: Any, name: str, data: bytes, order: Any = None) -> bool:
        verdicts.append(real(parts, name, data, order))
        return verdicts[-1]

    with mock.patch.object(loading, "_fast_document", spy):
        yield verdicts


def outcome(documents: Any, **options: Any) -> Dataset | str:
    """``load_documents``'s dataset, or its error's message."""
    try:
        return rightsdata.load_documents(documents, **options)
    except InvalidDataError as error:
        return str(error)


def diagnostic_outcome(documents: Any, **options: Any) -> Dataset | str:
    with mock.patch.object(loading, "_fast_documents", return_value=False):
        return outcome(documents, **options)


def _copied(documents: Any) -> Any:
    """A deep copy of ``documents``, read by key as the loaders read a mapping."""
    return copy.deepcopy({key: documents[key] for key in documents})


def assert_same_outcome(documents: Any, **options: Any) -> tuple[Dataset | str, list[bool]]:
    """Both paths' outcome, the same; and what the fast path did."""
    given = _copied(documents)
    with fast_path_read() as verdicts:
        found = outcome(documents, **options)
    assert _copied(documents) == given  # (neither path changes what it is given)
    assert found == diagnostic_outcome(documents, **options)
    return found, verdicts


def in_any_order(documents: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Any]:
    """``documents`` with their kinds in any order: problems across kinds come in it."""
    return documents.flatmap(
        lambda drawn: st.permutations(list(drawn)).map(lambda keys: {k: drawn[k] for k in keys})
    )


@settings(max_examples=examples(25), deadline=None, suppress_health_check=_SLOW)
@given(in_any_order(dataset_documents(max_per_kind=2)), st.booleans(), st.booleans())
def test_valid_documents_are_read_by_the_fast_path_into_the_same_dataset(
    documents: dict[str, list[Any]], every_field: bool, strict: bool
) -> None:
    written = documents if every_field else left_out(documents)
    found, verdicts = assert_same_outcome(written, strict=strict)
    assert verdicts == [True]  # (read by the fast path, whether strict checks pass or not)
    if isinstance(found, Dataset):
        assert found == rightsdata.load_documents(found.to_dict(), strict=strict)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (not ``value`` itself)."""
    items = (
        value.items() if type(value) is dict else enumerate(value) if type(value) is list else ()
    )
    for key, child in items:
        yield (*path, key)
        yield from _paths(child, (*path, key))


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["", " x", "person:nobody", "2012-13-01", "P2W", "victim", "a\x1bb"]),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2)
    ),
    max_leaves=4,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid dataset's documents with one value replaced, one key dropped or one added,
    anywhere in them: most are refused, some still valid."""
    documents = draw(dataset_documents(max_per_kind=2))
    paths = list(_paths(documents))
    path = draw(st.sampled_from(paths))
    holder: Any = documents
    for key in path[:-1]:
        holder = holder[key]
    mutation = draw(st.sampled_from(["replace", "drop", "add"]))
    if mutation == "drop" and type(holder) is dict:
        del holder[path[-1]]
    elif mutation == "add" and type(holder) is dict:
        holder[draw(st.text(min_size=1, max_size=8))] = draw(_JSON)
    else:
        holder[path[-1]] = draw(_JSON)
    return documents


@settings(max_examples=examples(60), deadline=None, suppress_health_check=_SLOW)
@given(in_any_order(mutated_documents()))
def test_changed_documents_get_the_same_dataset_or_the_same_error(
    documents: dict[str, Any],
) -> None:
    assert_same_outcome(documents)


class _Text(str):
    pass


class _Number(int):
    pass


class _Role(enum.StrEnum):
    VICTIM = "victim"


def _with(value: Any, *path: Any) -> dict[str, Any]:
    """Valid documents with the value at ``path`` (under the first person) replaced."""
    documents: dict[str, Any] = {"sources": [source_doc()], "persons": [person_doc()]}
    holder = documents["persons"][0]
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return documents


PLACE: Final = {"id": "place:p", "name": "P", "kind": "city", "citations": [{"source": "source:x"}]}


class _Items(dict[str, Any]):
    """A mapping whose items are not its values: judged by what ``items()`` gives."""

    def items(self) -> Any:
        return [(key, tuple(value)) for key, value in dict.items(self)]


_CITED: Final[list[Any]] = [dict(CITE)]
_LONG: Final = " ".join(
    ["A person of whom the sources say much, told at length."] * (COPIED_SLACK // 32)
)


def _two(count: int = 2, **fields: Any) -> dict[str, Any]:
    """Valid documents of ``count`` persons, each given ``fields``."""
    persons = [person_doc(f"person:p{number}", **fields) for number in range(count)]
    return {"sources": [source_doc()], "persons": persons}


HELD_TWICE = [
    _two(citations=_CITED),  # (one list in two records)
    _two(citations=[_CITED[0]]),  # (one dict in two lists)
    _two(3, summary=_LONG),  # (one long text written 3 times over, 2 MiB more)
    _two(summary="S", extra={"k" * LONG_TEXT: 1}),  # (one long key in two records)
    _two(summary="S", extra=[10**4299]),  # (whole numbers beyond 64 bits)
    _Items(sources=[source_doc()], persons=[person_doc()]),  # (its items are tuples)
]


@pytest.mark.parametrize("documents", HELD_TWICE, ids=lambda documents: repr(documents)[:60])
def test_documents_that_json_text_would_copy_are_judged_as_given(documents: Any) -> None:
    _, verdicts = assert_same_outcome(documents)
    assert verdicts == []


@pytest.mark.parametrize("count", [2, 100])
def test_texts_written_out_about_as_large_as_held_are_plain(count: int) -> None:
    assert len("A Person") < LONG_TEXT
    found, verdicts = assert_same_outcome(_two(count, summary="A Person"))
    assert verdicts == [True] and isinstance(found, Dataset)
    found, verdicts = assert_same_outcome(_two(2, summary=_LONG))  # (1 MiB more)
    assert verdicts == [True] and isinstance(found, Dataset)


def test_a_dataset_loaded_with_share_is_read_back_by_the_fast_path() -> None:
    shared = rightsdata.load_path(Path(str(datasets_root() / "kazakhstan")), share=True)
    with fast_path_read() as verdicts:
        again = rightsdata.load_documents(shared.to_dict())
    assert verdicts == [True] and list(again) == list(shared)


@pytest.mark.parametrize("options", [{"strict": True}, {"max_problems": 1}], ids=str)
def test_a_document_file_reports_its_kinds_in_their_order_by_both_paths(
    tmp_path: Path, options: dict[str, Any]
) -> None:
    documents = {"places": [PLACE], "persons": [person_doc(country="XX")]}
    path = tmp_path / "all.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    with pytest.raises(InvalidDataError) as fast:
        rightsdata.load_path(path, **options)
    with (
        mock.patch.object(loading, "_fast_document", return_value=False),
        pytest.raises(InvalidDataError) as diagnostic,
    ):
        rightsdata.load_path(path, **options)
    assert str(fast.value) == str(diagnostic.value)
    assert fast.value.problems[0].kind == "places"


NOT_PLAIN = [
    _with(_Text("Vladimir Kozlov"), "name"),
    _with(("Kozlov",), "aliases"),
    _with(OrderedDict(source="source:doc"), "citations", 0),
    _with(_Number(1950), "born"),
    _with(_Role.VICTIM, "name"),
    _with(float("nan"), "born"),
    _with(float("-inf"), "born"),
    _with(b"Kozlov", "name"),
    _with({"Kozlov"}, "aliases"),
    _with({1: "source:doc"}, "citations", 0),
    _with("Koz\ud800lov", "name"),  # (plain, but no UTF-8 text holds it)
    _with(2**64, "born"),
    {"sources": (source_doc(),), "persons": [person_doc()]},
    {"sources": [source_doc()], "persons": [person_doc()], "redirects": []},
    {"sources": [source_doc()], "persons": [person_doc()], 5: []},
]


@pytest.mark.parametrize("documents", NOT_PLAIN, ids=lambda documents: repr(documents)[:60])
def test_what_json_text_would_change_is_judged_as_given(documents: dict[Any, Any]) -> None:
    found, verdicts = assert_same_outcome(documents)
    assert verdicts == [] and isinstance(found, str)


@pytest.mark.parametrize(
    "documents",
    [_with(1950.0, "born"), _with(True, "born"), _with(2**63, "born"), _with("", "name")],
    ids=repr,
)
def test_plain_documents_the_fast_path_refuses_are_judged_again(documents: Any) -> None:
    found, verdicts = assert_same_outcome(documents)
    assert verdicts == [False] and isinstance(found, str)


def test_a_mapping_that_is_not_a_dict_is_read_by_the_fast_path() -> None:
    documents = OrderedDict(sources=[source_doc()], persons=[person_doc()])
    found, verdicts = assert_same_outcome(documents)
    assert verdicts == [True] and isinstance(found, Dataset)


@pytest.mark.parametrize("value", ["Vladimir Kozlov", _Text("Vladimir Kozlov")])
def test_a_text_subclass_is_judged_by_the_diagnostic_path(value: str) -> None:
    with fast_path_read() as verdicts:
        found = outcome(_with(value, "name"))
    # (a str subclass would be written as text and read back as str: not plain JSON)
    assert verdicts == ([True] if type(value) is str else [])
    assert found == diagnostic_outcome(_with(value, "name"))


def test_documents_nested_deeper_than_a_file_may_be_are_judged_as_given() -> None:
    deep: Any = "x"
    for _ in range(300):
        deep = [deep]
    with fast_path_read() as verdicts:
        found = outcome(_with(deep, "aliases"))
    assert verdicts == [] and isinstance(found, str)
    assert found == diagnostic_outcome(_with(deep, "aliases"))
