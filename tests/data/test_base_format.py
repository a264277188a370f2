"""What a declared format holds over a base, on every path (a folder, a JSON document, a JSON
Lines file, ``load_documents``, ``Dataset(base=)``): the records it is declared with, never the
base's (docs/concepts.md, "A format that can grow"), and ``Dataset.format`` says what all the
dataset's records need where the base's need more."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import Dataset, InvalidDataError
from rightsdata._data.canonical import format_folder
from rightsdata._values.format import newer_values, set_dates

KOZLOV = "person:vladimir-kozlov"
HRF = "source:hrf-2012-12-14"

#: A path of loading one's own records, declaring a format (a descriptor), over a base.
Load = Callable[[Path, list[dict[str, Any]], dict[str, Any], Dataset], Dataset]


def _event(date: str) -> dict[str, Any]:
    return {
        "id": "event:kozlov-visit",
        "kind": "other",
        "title": "A visit",
        "date": date,
        "participants": [{"actor": KOZLOV, "role": "participant"}],
        "citations": [{"source": HRF}],
    }


def _folder(
    tmp: Path, events: list[dict[str, Any]], descriptor: dict[str, Any], base: Dataset
) -> Dataset:
    (tmp / "events.json").write_text(json.dumps(events), encoding="utf-8")
    (tmp / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return rightsdata.load_path(tmp, base=base)


def _document(
    tmp: Path, events: list[dict[str, Any]], descriptor: dict[str, Any], base: Dataset
) -> Dataset:
    path = tmp / "mine.json"
    path.write_text(json.dumps({"datapackage": descriptor, "events": events}), encoding="utf-8")
    return rightsdata.load_path(path, base=base)


def _json_lines(
    tmp: Path, events: list[dict[str, Any]], descriptor: dict[str, Any], base: Dataset
) -> Dataset:
    path = tmp / "mine.jsonl"
    lines = [{"$kind": "datapackage", **descriptor}] + [{"$kind": "events", **e} for e in events]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return rightsdata.load_path(path, base=base)


def _documents(
    _: Path, events: list[dict[str, Any]], descriptor: dict[str, Any], base: Dataset
) -> Dataset:
    return rightsdata.load_documents({"events": events}, descriptor=descriptor, base=base)


def _python(
    _: Path, events: list[dict[str, Any]], descriptor: dict[str, Any], base: Dataset
) -> Dataset:
    built = rightsdata.load_documents({"events": events}, base=base)  # (structured, no format)
    mine = [built.events[e["id"]] for e in events]
    return Dataset({"events": mine}, base=base, descriptor=descriptor)


PATHS: Mapping[str, Load] = {
    "folder": _folder,
    "document": _document,
    "json lines": _json_lines,
    "load_documents": _documents,
    "Dataset": _python,
}


@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize("declared", [1, 2, 3])
def test_a_declared_format_holds_ones_own_records_not_the_bases(
    path: str, declared: int, tmp_path: Path
) -> None:
    # the bundled dataset holds dates that are sets (format 3) and figures with of (format 4):
    # records of one's own that need neither may declare any format over it, on every path
    base = rightsdata.load()
    assert next(set_dates(base._by_kind), None) and next(newer_values(base._by_kind), None)
    both = PATHS[path](tmp_path, [_event("2016-06-01")], {"rightsdata_format": declared}, base)
    assert "event:kozlov-visit" in both and len(both) == len(base) + 1
    # and the dataset made says the format all it holds needs, the base's records among them
    assert both.format == 4
    assert both.descriptor is not None and both.descriptor["rightsdata_format"] == declared


@pytest.mark.parametrize("path", list(PATHS))
def test_over_a_base_ones_own_set_under_format_2_is_refused_there_alone(
    path: str, tmp_path: Path
) -> None:
    base = rightsdata.load()
    load = PATHS[path]
    with pytest.raises(InvalidDataError) as refused:
        load(tmp_path, [_event("[2016-06-01,2016-06-02]")], {"rightsdata_format": 2}, base)
    (problem,) = refused.value.problems
    assert "the base's" not in problem.location
    assert problem.location.endswith("event:kozlov-visit.date")
    # the advice names the format one's own records need (the base's are no part of them)
    assert "needs format 3, and the dataset declares format 2:" in problem.message
    assert "all it holds needs" not in problem.message
    # and following it loads
    if path == "folder":
        assert "rightsdata fmt --upgrade" in problem.message and "--base" in problem.message
        format_folder(tmp_path, upgrade=True, base=base)
        both = rightsdata.load_path(tmp_path, base=base)
    else:
        assert "set rightsdata_format to 3" in problem.message
        both = load(tmp_path, [_event("[2016-06-01,2016-06-02]")], {"rightsdata_format": 3}, base)
    assert both.format == 4 and both.descriptor is not None
    assert both.descriptor["rightsdata_format"] == 3
