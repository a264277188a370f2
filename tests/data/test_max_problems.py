"""``max_problems``: a failed load stops once it holds that many problems, says so (the
message's first line, ``stopped_at``), and keeps those a full run reports first; bad values
are refused before anything is read; a valid dataset loads as without it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from cattrs.errors import IterableValidationNote
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError, MissingExtraError, Problem
from rightsdata._cli.main import main
from rightsdata._validation import convert

from conftest import (
    CITE,
    LAYOUTS,
    event_doc,
    examples,
    person_doc,
    source_doc,
    write_layout,
)


def write(tmp_path: Path, layout: str, documents: dict[str, list[Any]]) -> Path:
    """``documents`` in ``layout``, JSON Lines interleaving the kinds' records (the first of
    each kind, then the second of each...)."""
    return write_layout(tmp_path, layout, documents, interleaved=True)


def failed(path: Path, **options: Any) -> InvalidDataError:
    """The error load_path raises for ``path``, checked against validate()'s list."""
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, **options)
    error = caught.value
    listed = rightsdata.validate(path, **options)
    assert list(listed) == list(error.problems)
    assert listed.stopped_at == error.stopped_at
    return error


def empties(n: int) -> dict[str, list[Any]]:
    """``n`` empty persons: three problems each (no id, name or citations)."""
    return {"persons": [{} for _ in range(n)]}


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_load_stops_at_max_problems_and_says_so(
    tmp_path: Path, layout: str, schema: bool
) -> None:
    path = write(tmp_path, layout, empties(50))
    error = failed(path, max_problems=10, schema=schema)
    assert len(error.problems) == 10 and error.stopped_at == 10
    first = str(error).splitlines()[0]
    assert first == (f"10 problems in {path} (stopped at max_problems=10; the data may have more):")
    full = failed(path, schema=schema)
    assert full.stopped_at is None and len(full.problems) > 10
    assert list(error.problems) == list(full.problems)[:10]
    assert "stopped" not in str(full).splitlines()[0]


def test_a_kind_file_checked_alone_stops_too(tmp_path: Path) -> None:
    path = tmp_path / "persons.json"
    path.write_text(json.dumps([{} for _ in range(50)]), encoding="utf-8")
    capped = rightsdata.validate(path, max_problems=4)
    assert len(capped) == 4 and capped.stopped_at == 4
    full = rightsdata.validate(path)
    assert full.stopped_at is None and list(capped) == list(full)[:4]


def test_a_kind_file_alone_counts_every_reference_to_other_kinds_under_a_cap(
    tmp_path: Path,
) -> None:
    """A kind's file checked alone counts its references to other kinds (it cannot resolve
    them) and does not report them: under a cap they take none of its room, and every one
    is counted, as without it."""
    from rightsdata._data.kindfile import check_kind_file

    citing = [person_doc(f"person:p{n}") for n in range(30)]  # (each cites a source)
    repeated = [person_doc("person:a"), person_doc("person:a"), person_doc("person:a")]
    path = tmp_path / "persons.json"
    path.write_text(json.dumps(citing + repeated), encoding="utf-8")
    full = check_kind_file(path)
    for cap in (1, 2, 3):
        capped = check_kind_file(path, max_problems=cap)
        assert full.unchecked == {"sources": 33} == capped.unchecked
        assert len(full.problems) == 2 and capped.problems == full.problems[:cap]
        assert capped.stopped_at == (1 if cap == 1 else None)


@pytest.mark.parametrize("strict", [False, True], ids=["normal", "strict"])
def test_a_kind_files_rules_across_records_stop_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, strict: bool
) -> None:
    """A kind's file checked alone stops its rules across records at the cap, as a folder
    does: 100 copies of one person (99 repeated IDs) at max_problems=10 makes no more than
    one past the room, and runs no strict check once it is full."""
    from rightsdata._data.kindfile import check_kind_file
    from rightsdata._validation import integrity
    from rightsdata._validation import strict as strict_rules

    path = tmp_path / "persons.json"
    path.write_text(json.dumps([person_doc("person:a")] * 100), encoding="utf-8")
    full = check_kind_file(path, strict=strict)
    assert len(full.problems) == 99 and full.unchecked == {"sources": 100}
    made: list[int] = []
    real = integrity.check_integrity

    def counted(*args: Any, **kwargs: Any) -> list[Problem]:
        found = real(*args, **kwargs)
        made.append(len(found))
        return found

    def never(*args: Any, **kwargs: Any) -> list[Problem]:
        raise AssertionError("the strict checks ran with no room left")

    monkeypatch.setattr(integrity, "check_integrity", counted)
    monkeypatch.setattr(strict_rules, "check_strict", never)
    capped = check_kind_file(path, strict=strict, max_problems=10)
    assert made == [11]
    assert capped.problems == full.problems[:10] and capped.stopped_at == 10
    assert capped.unchecked == full.unchecked


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_cap_above_the_count_changes_nothing(tmp_path: Path, layout: str) -> None:
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc(), person_doc("person:b", name=5)],
        "events": [event_doc(participants=[{"actor": "person:gone", "role": "victim"}])],
    }
    path = write(tmp_path, layout, documents)
    full = failed(path)
    assert len(full.problems) == 2  # (a value, then a dangling reference: across records)
    for cap in (2, 3, 1000):
        again = failed(path, max_problems=cap)
        assert again.problems == full.problems and again.stopped_at is None
        assert str(again) == str(full)
    # Stopped record by record, the load judges nothing across records: the one problem
    # kept is the first of the records' own (in JSON Lines the reference, on an earlier
    # line, is reported first by a full run)
    one = failed(path, max_problems=1)
    (kept,) = one.problems
    assert kept.code == "type" and kept.record_id == "person:b" and one.stopped_at == 1


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_kinds_lines_interleaved_keep_the_first_by_place(tmp_path: Path, layout: str) -> None:
    """In JSON Lines the kinds' records interleave, and each kind is judged on its own: the
    problems kept are still the first by line, as in the other layouts by file and index."""
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc(), *(person_doc(f"person:p{n}", name=n) for n in range(20))],
        "events": [event_doc(f"event:e{n}", title=n) for n in range(20)],
        "redirects": [{"id": "person:old", "to": 5}],
    }
    if layout == "folder":  # (a folder's redirects are a file of their own)
        documents.pop("redirects")
    path = write(tmp_path, layout, documents)
    full = list(failed(path).problems)
    for cap in (1, 2, 3, 7, 20, 39):
        error = failed(path, max_problems=cap)
        assert list(error.problems) == full[:cap], cap


def stops_early(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the records the converter failed on: the work a capped load does."""
    calls: list[int] = []
    told: Callable[..., list[Problem]] = convert._problems_in

    def counted(*args: Any) -> list[Problem]:
        calls.append(1)
        return told(*args)

    monkeypatch.setattr(convert, "_problems_in", counted)
    return calls


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_capped_load_judges_no_record_past_the_cap(
    tmp_path: Path, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, layout, empties(5000))
    calls = stops_early(monkeypatch)
    with pytest.raises(InvalidDataError):
        rightsdata.load_path(path, max_problems=30)
    assert len(calls) == 10  # (three problems a record: ten records, not 5,000)


def test_a_capped_schema_load_judges_no_record_past_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "lines", empties(5000))
    calls = stops_early(monkeypatch)
    with pytest.raises(InvalidDataError):
        rightsdata.load_path(path, max_problems=30, schema=True)
    assert len(calls) <= 10


def parsed_lines(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the JSON Lines lines parsed (each parse's label, ``all.jsonl:12``)."""
    from rightsdata._data import loading

    seen: list[str] = []
    real = loading._parse

    def counted(text: str, label: str, **options: Any) -> tuple[Any, list[Problem]]:
        seen.append(label)
        return real(text, label, **options)

    monkeypatch.setattr(loading, "_parse", counted)
    return seen


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
def test_json_lines_under_a_cap_reads_no_line_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, schema: bool
) -> None:
    """JSON Lines under a cap is judged line by line as it is read: once the problems of
    the lines read reach the cap, a later line's would sort after them, and the lines after
    are not parsed, whatever kinds they interleave."""
    documents: dict[str, list[Any]] = {
        "persons": [{} for _ in range(1000)],
        "sources": [source_doc()],
        "events": [{"id": f"event:e{n}"} for n in range(1000)],
    }
    path = write(tmp_path, "lines", documents)
    full = list(rightsdata.validate(path, schema=schema))
    seen = parsed_lines(monkeypatch)
    capped = rightsdata.validate(path, max_problems=30, schema=schema)
    assert list(capped) == full[:30] and capped.stopped_at == 30
    assert 10 <= len(seen) <= 30  # (a problem a line at least, but the one source's)


@pytest.mark.parametrize("schema", [False, True], ids=["model", "schema"])
def test_json_lines_stopped_early_keep_the_full_runs_first_of_their_own(
    tmp_path: Path, schema: bool
) -> None:
    """Kinds interleaved, with problems across records among the records' own by line
    (references to nothing, repeated IDs, failed records sharing one) and a bad redirect:
    a load stopped early, at any cap, keeps the first of the records' own problems by line,
    the full list without those across records (not judged once the cap is reached); at a
    cap the problems do not reach, the full list."""
    bad_citation = {"citations": [{"source": "source:gone"}]}
    documents: dict[str, list[Any]] = {
        "sources": [source_doc(), source_doc()],
        "persons": [
            person_doc(f"person:p{n % 30}", **({"name": n} if n % 3 else bad_citation))
            for n in range(40)
        ],
        "events": [event_doc(f"event:e{n}", title=None if n % 2 else "T") for n in range(40)],
        "redirects": [{"id": "person:old", "to": 5}],
    }
    path = write(tmp_path, "lines", documents)
    full = list(failed(path, schema=schema).problems)
    own = [p for p in full if p.code != "integrity"]
    assert 0 < len(own) < len(full) and full[: len(own)] != own  # (interleaved by line)
    for cap in (1, 2, 3, 5, 17, 40, 41, len(own) - 1, len(own)):
        capped = failed(path, max_problems=cap, schema=schema)
        assert list(capped.problems) == own[:cap], cap
        assert capped.stopped_at == cap
    whole = failed(path, max_problems=len(full), schema=schema)
    assert list(whole.problems) == full and whole.stopped_at is None


def test_redirects_json_stops_at_the_cap(tmp_path: Path) -> None:
    folder = write(tmp_path, "folder", {"sources": [source_doc()]})
    (folder / "redirects.json").write_text(json.dumps([{} for _ in range(500)]), "utf-8")
    error = failed(folder, max_problems=5)
    assert len(error.problems) == 5 and error.stopped_at == 5
    assert [p.location for p in error.problems] == [
        "redirects.json[0].id",
        "redirects.json[0].to",
        "redirects.json[1].id",
        "redirects.json[1].to",
        "redirects.json[2].id",
    ]


@pytest.mark.parametrize("value", [0, -1, True, False, 2.0, 10**100, "5"])
def test_a_bad_max_problems_is_refused_before_reading(tmp_path: Path, value: object) -> None:
    # a value of another type than int is a TypeError (a bool too); a bad count a ValueError
    error = ValueError if type(value) is int else TypeError
    missing = tmp_path / "nothing-here.json"
    with pytest.raises(error, match=r"^max_problems is the most problems to collect"):
        rightsdata.load_path(missing, max_problems=value)  # type: ignore[arg-type]
    with pytest.raises(error, match=r"^max_problems is the most problems to collect"):
        rightsdata.validate(missing, max_problems=value)  # type: ignore[arg-type]
    with pytest.raises(error, match=r"^max_problems is the most problems to collect"):
        rightsdata.validate(tmp_path / "events.json", max_problems=value)  # type: ignore[arg-type]


def test_a_valid_dataset_loads_as_without_a_cap(tmp_path: Path) -> None:
    ds = rightsdata.load()
    folder = tmp_path / "ds"
    ds.export(folder, "json")
    assert rightsdata.load_path(folder, max_problems=1) == ds
    assert rightsdata.validate(folder, max_problems=1) == []
    assert rightsdata.validate(folder, max_problems=1).stopped_at is None


def test_problems_keep_stopped_at_through_copy_and_repr() -> None:
    problem = Problem("persons.json", "is empty")
    found = rightsdata.Problems([problem], stopped_at=1)
    assert found.copy().stopped_at == 1
    assert repr(found).endswith(", stopped_at=1)")
    assert rightsdata.Problems([problem]).stopped_at is None
    with pytest.raises(TypeError, match="stopped_at"):
        rightsdata.Problems([problem], stopped_at=0)


@pytest.mark.parametrize("value", [0, -1, True, 2.0, "5"], ids=repr)
def test_an_error_refuses_a_bad_stopped_at_as_problems_does(value: Any) -> None:
    """InvalidDataError(stopped_at=) is checked as Problems(stopped_at=) is: a positive int
    or None (0 would say "stopped at max_problems=0", a cap no load takes)."""
    problem = Problem("persons.json", "is empty")
    for make in (rightsdata.Problems, InvalidDataError):
        with pytest.raises(TypeError, match="stopped_at is the max_problems"):
            make([problem], stopped_at=value)
    assert InvalidDataError([problem], stopped_at=3).stopped_at == 3
    assert InvalidDataError([problem]).stopped_at is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_takes_max_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "lines", empties(20))
    code, out, _ = run(capsys, "validate", str(path), "--max-problems", "2")
    assert code == 1
    assert " ".join(out.split()).startswith(
        f"2 problems in {path} (stopped at --max-problems 2; the data may have more): "
    )
    assert len([line for line in out.splitlines() if line.startswith("  all.jsonl:")]) == 2
    code, out, _ = run(capsys, "validate", str(path), "--max-problems", "2", "--json-report")
    report = json.loads(out)
    assert len(report["problems"]) == 2 and report["stopped_at"] == 2
    code, out, _ = run(capsys, "validate", str(path), "--max-problems", "1000", "--json-report")
    assert json.loads(out)["stopped_at"] is None
    code, out, _ = run(capsys, "validate", str(path), "--json-report")
    assert "stopped_at" not in json.loads(out)  # (without the option, the report is as it was)
    code, _, err = run(capsys, "validate", str(path), "--max-problems", "0")
    assert code == 2 and "'0' is not a whole number above 0" in " ".join(err.split())


#: Records of a few shapes: valid, broken field by field, or referring to no record.
RECORDS = st.sampled_from(
    [
        ("persons", {}),
        ("persons", {"id": "person:x"}),
        ("persons", person_doc("person:v")),
        ("persons", person_doc("person:w", name=5, country="kz")),
        ("sources", source_doc()),
        ("sources", {"id": "source:bad", "title": 5}),
        ("events", event_doc("event:r")),
        ("events", event_doc("event:s", kind="nonsense", title=None)),
        ("events", event_doc("event:t", participants=[{"actor": "person:gone", "role": "x"}])),
    ]
)


@settings(max_examples=examples(300))
@given(
    st.lists(RECORDS, min_size=1, max_size=12),
    st.sampled_from(LAYOUTS),
    st.integers(min_value=1, max_value=12),
)
def test_capped_problems_are_the_full_runs_in_its_order(
    tmp_path_factory: pytest.TempPathFactory,
    records: list[tuple[str, dict[str, Any]]],
    layout: str,
    cap: int,
) -> None:
    """The capped list is the full list's problems in its order (a subsequence of it), and
    its first ``cap`` exactly where the full run found none across records (references,
    repeated IDs): those are found after every record's own, rule by rule."""
    documents: dict[str, list[Any]] = {}
    for kind, record in records:
        documents.setdefault(kind, []).append(record)
    path = write(tmp_path_factory.mktemp("capped"), layout, documents)
    full = rightsdata.validate(path)
    capped = rightsdata.validate(path, max_problems=cap)
    if capped.stopped_at is None:  # (every problem: a cap reached may have left none out)
        assert list(capped) == list(full)
    else:
        assert capped.stopped_at == cap == len(capped) <= len(full)
    remaining = iter(full)
    assert all(any(p == q for q in remaining) for p in capped)  # (a subsequence)
    across = [p for p in full if p.code == "integrity"]
    own = len(full) - len(across)
    # (exactly the first where the rules across records were not stopped: they run only under
    # the cap, and stop one past the room the records' own problems leave)
    if not across or (own < cap and len(across) <= cap - own + 1):
        assert list(capped) == list(full)[:cap]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_descriptor_of_many_bad_items_stops_at_the_cap(tmp_path: Path, layout: str) -> None:
    """The descriptor's schema is walked no further than the cap: a list of many bad items
    (``"keywords": [1, 1, ...]``) gives the first problems, as the full run does."""
    descriptor = {"name": "x", "version": "1.0.0", "keywords": [1] * 300}
    path = write(tmp_path, layout, {"sources": [source_doc()]})
    if layout == "folder":
        (path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    elif layout == "document":
        path.write_text(
            json.dumps({"datapackage": descriptor, "sources": [source_doc()]}), encoding="utf-8"
        )
    else:
        first = json.dumps({"$kind": "datapackage", **descriptor, "rightsdata_format": 3})
        path.write_text(first + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    full = list(failed(path).problems)
    assert len(full) == 300
    capped = failed(path, max_problems=7)
    assert list(capped.problems) == full[:7] and capped.stopped_at == 7
    assert capped.problems[-1].location.endswith("keywords[6]")


def with_descriptor(path: Path, layout: str, descriptor: dict[str, Any]) -> None:
    """``descriptor`` written into the dataset at ``path`` (``write``'s), as its layout
    carries one: a folder's ``datapackage.json``, a document's ``"datapackage"``, the first
    line of JSON Lines."""
    if layout == "folder":
        (path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    elif layout == "document":
        held = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({"datapackage": descriptor, **held}), encoding="utf-8")
    else:
        first = json.dumps({"$kind": "datapackage", **descriptor})
        path.write_text(first + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


#: Formats the schema refuses (each said as such), and one it allows that no rightsdata reads.
BAD_FORMATS: dict[str, object] = {
    "text": "x",
    "digits": "2",
    "list": [1],
    "float": 2.5,
    "whole float": 3.0,
    "bool": True,
    "huge": 10**30,
    "negative": -1,
    "null": None,
    "unreadable": 9,
}


@pytest.mark.parametrize("cap", [None, 1, 2], ids=["no-cap", "cap-1", "cap-2"])
@pytest.mark.parametrize("value", BAD_FORMATS.values(), ids=BAD_FORMATS.keys())
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_bad_format_with_other_problems_is_told_capped_or_not(
    tmp_path: Path, layout: str, value: object, cap: int | None
) -> None:
    """A descriptor whose format is bad and which has another problem before it: an
    InvalidDataError, never a crash, whether the list was cut before the format's problem
    (the format is judged from its value, not from the problems kept) or not. JSON Lines
    with a record line goes through the fast path first."""
    path = write(tmp_path, layout, {"sources": [source_doc()]})
    with_descriptor(path, layout, {"name": "x", "keywords": [1], "rightsdata_format": value})
    error = failed(path, **({} if cap is None else {"max_problems": cap}))
    locations = [problem.location for problem in error.problems]
    assert locations[0].endswith("datapackage.keywords[0]") or locations[0].endswith(
        "datapackage.json.keywords[0]"
    )
    if cap == 1:
        assert len(locations) == 1 and error.stopped_at == 1
    else:  # (at a cap of 2, exactly 2: the record stage may say it stopped, as documented)
        assert len(locations) == 2 and locations[1].endswith(".rightsdata_format"), locations
        assert error.stopped_at in (None, cap)


@pytest.mark.parametrize("value", BAD_FORMATS.values(), ids=BAD_FORMATS.keys())
def test_a_bad_formats_descriptor_declares_none(value: object) -> None:
    """declared_format judges the value itself, whatever list of problems was kept."""
    from rightsdata._validation.descriptor import declared_format

    assert declared_format({"name": "x", "keywords": [1], "rightsdata_format": value}) is None
    assert declared_format({"keywords": [1], "rightsdata_format": 2}) == 2
    assert declared_format({"keywords": [1]}) == 1


def test_the_checks_across_records_stop_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record citing many sources that do not exist: the references' rule stops at the
    cap (the first it finds, record by record), and nothing after it runs."""
    cites = [{"source": f"source:x{n}"} for n in range(500)]
    path = write(tmp_path, "document", {"persons": [person_doc(citations=cites)]})
    full = failed(path)
    assert len(full.problems) == 500 and full.stopped_at is None
    capped = failed(path, max_problems=10)
    assert list(capped.problems) == list(full.problems)[:10] and capped.stopped_at == 10


def many_bad_parts(n: int) -> dict[str, dict[str, list[Any]]]:
    """A record of ``n`` bad parts of each kind of problem: bad items of a list (aliases that
    are not objects, identifiers of bad schemes), bad parts (citations of an unknown field),
    unknown fields, bad nested parts (figures citing a source by a number), and a mix."""
    figure = {"measure": "killed", "unit": "people", "qualifier": "exact", "best": 1}
    unknown: dict[str, Any] = {f"f{i:03}": 1 for i in range(n)}
    return {
        "items": {"persons": [person_doc(aliases=[1] * n, identifiers=["x"] * n)]},
        "parts": {"persons": [person_doc(citations=[{**CITE, "x": 1} for _ in range(n)])]},
        "fields": {"persons": [person_doc(**unknown)]},
        "nested": {"events": [event_doc(figures=[{**figure, "citations": [{"source": 5}]}] * n)]},
        "mixed": {
            "persons": [
                person_doc("person:b", name=5, aliases=[{"name": n} for n in range(n)]),
                person_doc(
                    citations=[{"source": "source:doc", "fields": ["nme"], "x": 1}] * n,
                    **unknown,
                ),
            ],
            "events": [event_doc(participants=[{"actor": 5, "role": "x", "y": 1}] * n)],
        },
    }


@pytest.mark.parametrize("case", list(many_bad_parts(1)))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_record_of_many_bad_parts_keeps_the_full_runs_first(
    tmp_path: Path, layout: str, case: str
) -> None:
    """The cap reaches inside a record: its lists, parts, unknown fields and nested parts
    are judged no further than the room left, and the problems kept are still the first
    the full run reports, in its order."""
    documents = {"sources": [source_doc()], **many_bad_parts(60)[case]}
    path = write(tmp_path, layout, documents)
    full = list(failed(path).problems)
    assert len(full) >= 60
    for cap in (1, 2, 3, 7, 30, 59, 60, 61, 119, 120, 121):
        capped = failed(path, max_problems=cap)
        assert list(capped.problems) == full[:cap], (case, cap)
        if cap < len(full):
            assert capped.stopped_at == cap


class CountedNote(IterableValidationNote):
    """The note each failed item of a list gets: counted, as the items judged that failed."""

    made: int = 0

    def __new__(cls, *args: Any) -> CountedNote:
        CountedNote.made += 1
        note: CountedNote = super().__new__(cls, *args)
        return note


@pytest.mark.parametrize("case", ["items", "parts", "nested"])
def test_a_capped_record_judges_no_more_bad_items_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """A record of 5,000 bad items judges a few past the cap under it, not 5,000: its memory
    and time follow the cap, not its size."""
    documents = {"sources": [source_doc()], **many_bad_parts(5000)[case]}
    path = write(tmp_path, "document", documents)
    monkeypatch.setattr(convert, "IterableValidationNote", CountedNote)
    CountedNote.made = 0
    capped = failed(path, max_problems=10)
    assert len(capped.problems) == 10
    # (at most two notes a bad item, a figure's and its citation's; the load and validate)
    assert 10 <= CountedNote.made <= 2 * 2 * 10


def test_a_capped_record_tells_no_more_unknown_fields_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of 5,000 unknown fields, a load capped at 10 says what 10 are (the first, as sorted)."""
    documents = {"sources": [source_doc()], **many_bad_parts(5000)["fields"]}
    path = write(tmp_path, "document", documents)
    told: list[str] = []
    real = convert._unknown

    def counted(cls: type, name: str) -> str:
        told.append(name)
        return real(cls, name)

    monkeypatch.setattr(convert, "_unknown", counted)
    capped = failed(path, max_problems=10)
    assert [p.field for p in capped.problems] == [f"f{i:03}" for i in range(10)]
    assert len(told) == 2 * 10  # (the load and validate)


# -- load_documents: the same cap on documents given in Python ------------------------------


def documents_failed(documents: dict[str, Any], **options: Any) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents(documents, **options)
    return caught.value


def relabeled(problems: Sequence[Problem], name: str) -> list[tuple[str, str, str]]:
    """Each problem's code, location and message, its location's file ``name`` written as
    the label load_documents gives, ``documents``."""
    return [
        (p.code, "documents" + p.location.removeprefix(name), p.message.replace(name, "documents"))
        for p in problems
    ]


#: Redirects given to load_documents: well-formed, of a malformed ID, to nothing, to a value
#: that is no text.
REDIRECTS = st.dictionaries(
    st.sampled_from(["person:o1", "person:o2", "Bad", "person:v"]),
    st.sampled_from(["person:v", "person:zz", "x", 7]),
    max_size=3,
)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(RECORDS, min_size=1, max_size=10),
    REDIRECTS,
    st.sampled_from([None, "persones", "people"]),
    st.integers(min_value=0, max_value=3),
    st.one_of(st.none(), st.integers(min_value=1, max_value=10)),
    st.booleans(),
)
def test_load_documents_stops_where_the_same_json_document_does(
    tmp_path_factory: pytest.TempPathFactory,
    records: list[tuple[str, dict[str, Any]]],
    redirects: dict[str, Any],
    stray: str | None,
    at: int,
    cap: int | None,
    schema: bool,
) -> None:
    """Documents given in Python keep, under a cap or not, with the schemas or not, the
    problems a load of them written as one JSON document keeps (the redirects after the
    kinds, as an export writes them), in its order, and say they stopped where it does:
    records, a key that is no kind's anywhere among them, redirects good and bad."""
    documents: dict[str, list[Any]] = {}
    for kind, record in records:
        documents.setdefault(kind, []).append(record)
    if stray is not None:
        keys = list(documents.items())
        keys.insert(min(at, len(keys)), (stray, []))
        documents = dict(keys)
    written: dict[str, Any] = dict(documents)
    if redirects:
        written["redirects"] = [{"id": old, "to": new} for old, new in redirects.items()]
    path = write(tmp_path_factory.mktemp("documents"), "document", written)
    options: dict[str, Any] = {"max_problems": cap, "schema": schema}
    try:
        rightsdata.load_path(path, **options)
    except InvalidDataError as error:
        from_file: InvalidDataError | None = error
    else:
        from_file = None
    if from_file is None:
        ds = rightsdata.load_documents(documents, redirects=redirects or None, **options)
        assert ds == rightsdata.load_path(path)
        return
    given_here = documents_failed(documents, redirects=redirects or None, **options)
    # (a document may hold its redirects and descriptor under keys; documents given, not)
    expected = [
        (code, location, message.replace(", redirects, datapackage", ""))
        for code, location, message in relabeled(from_file.problems, path.name)
    ]
    assert relabeled(given_here.problems, "documents") == expected
    assert given_here.stopped_at == from_file.stopped_at
    assert given_here.unchecked == from_file.unchecked


def test_load_documents_checks_the_descriptor_and_redirects_first_under_a_cap() -> None:
    """The descriptor's and the redirects' problems, given apart from the records, are
    reported before the records' (those of no record come first), so a cap keeps them."""
    documents = empties(5)
    full = documents_failed(documents, descriptor={"name": 5}, redirects={"Bad": "person:a"})
    assert [p.location for p in full.problems][:2] == [
        "documents:datapackage.name",
        "documents:redirects[0].id",
    ]
    for cap in (1, 2, 3):
        error = documents_failed(
            documents, descriptor={"name": 5}, redirects={"Bad": "person:a"}, max_problems=cap
        )
        assert list(error.problems) == list(full.problems)[:cap]
        assert error.stopped_at == cap
        assert str(error).splitlines()[0] == (
            f"{cap} problem{'s' if cap > 1 else ''} in documents (stopped at "
            f"max_problems={cap}; the data may have more):"
        )
    # a cap the data does not reach changes nothing
    again = documents_failed(
        documents, descriptor={"name": 5}, redirects={"Bad": "person:a"}, max_problems=1000
    )
    assert list(again.problems) == list(full.problems) and again.stopped_at is None


def test_load_documents_judges_no_record_past_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = stops_early(monkeypatch)
    error = documents_failed(empties(5000), max_problems=30)
    assert len(error.problems) == 30 and error.stopped_at == 30
    assert len(calls) == 10  # (three problems a record: ten records, not 5,000)


@pytest.mark.parametrize("value", [0, -1, True, 2.0, 10**100, "5"])
def test_load_documents_refuses_a_bad_max_problems_before_judging(
    monkeypatch: pytest.MonkeyPatch, value: object
) -> None:
    error = ValueError if type(value) is int else TypeError
    judged = AssertionError("judged before the option was checked")
    monkeypatch.setattr(convert, "structure_many", mock.Mock(side_effect=judged))
    with pytest.raises(error, match=r"^max_problems is the most problems to collect"):
        rightsdata.load_documents(empties(3), max_problems=value)  # type: ignore[arg-type]


def test_load_documents_holds_each_record_to_the_schemas_when_asked() -> None:
    """``schema=True`` judges the documents value by value, each kind's records held to its
    schema (the fast path does not run the schemas), with or without a cap."""
    from rightsdata._data import loading

    documents = {"sources": [source_doc()], "persons": [person_doc("person:v")]}
    for cap in (None, 5):
        with (
            mock.patch.object(loading, "_schema_problems", wraps=loading._schema_problems) as held,
            mock.patch.object(loading, "_fast_documents", wraps=loading._fast_documents) as fast,
        ):
            ds = rightsdata.load_documents(documents, schema=True, max_problems=cap)
        assert ds == rightsdata.load_documents(documents)
        assert fast.call_count == 0
        assert held.call_count == 2  # (each kind's list, or under a cap each record)


def test_load_documents_schema_without_jsonschema_is_told_before_judging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # importing it raises ImportError
    rightsdata.schema._validator.cache_clear()  # (one built earlier would need no import)
    monkeypatch.setattr(convert, "structure_many", mock.Mock(side_effect=AssertionError))
    with pytest.raises(MissingExtraError, match=r"rightsdata\[schema\]"):
        rightsdata.load_documents(empties(3), schema=True)
