"""The tables: every field lands in one, keys hold, nothing is lost, pandas types are right."""

from __future__ import annotations

import datetime
import importlib.util
import io
import re
import subprocess
import sys
import typing
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import Dataset, KindName, Record
from rightsdata._model.records import KINDS, RECORD_TYPES
from rightsdata._tables.csvtables import parse, render
from rightsdata._tables.fromtables import documents_from_rows
from rightsdata._tables.tables import (
    LABEL_MAX,
    TABLES,
    ColumnType,
    Row,
    Table,
    columns,
    get_table,
    label,
    read_lists,
    rows,
    walk,
)
from rightsdata._validation.convert import structure
from rightsdata._values.extras import MissingExtraError
from rightsdata._values.hints import leaf_types
from rightsdata.tables import TableName
from rightsdata.testing import dataset_documents
from rightsdata.vocab import VOCABULARIES, EventKind, FigureQualifier, Role

from conftest import CITE, event_doc, examples, person_doc, source_doc


@pytest.fixture
def pd() -> Any:
    """pandas, for the tests of ``to_pandas`` (the rest need no pandas)."""
    return pytest.importorskip("pandas")


def all_rows(dataset: Dataset) -> dict[str, list[Row]]:
    return {name: list(rows(dataset, table)) for name, table in TABLES.items()}


def dataset_of(documents: dict[str, list[dict[str, Any]]], **options: Any) -> Dataset:
    records: dict[KindName, list[Record]] = {}
    for kind, docs in documents.items():
        assert kind in rightsdata.KINDS
        records[kind] = [structure(kind, d) for d in docs]
    return Dataset(records, **options)


# --- the definitions ------------------------------------------------------------------------


def _inner(cls: type, name: str) -> Any:
    """The attrs class inside a field's hint (``tuple[Figure, ...]``, ``Penalty | None``)."""
    found = [t for t in leaf_types(typing.get_type_hints(cls)[name]) if attrs.has(t)]
    return found[0] if found else None


def _all_fields() -> set[tuple[str, str]]:
    """(class, field) of every field of every record class and of the parts inside them."""
    found: set[tuple[str, str]] = set()
    todo: list[type] = list(RECORD_TYPES.values())
    while todo:
        cls = todo.pop()
        for field in attrs.fields(cls):
            found.add((cls.__name__, field.name))
            if _inner(cls, field.name) is not None:
                todo.append(_inner(cls, field.name))
    return found


def _covered_fields() -> set[tuple[str, str]]:
    """(class, field) of every field that some table holds: as a table of its own, or as the
    source of a column."""
    covered: set[tuple[str, str]] = set()
    for table in TABLES.values():
        for kind in table.kinds if table.path else ():
            owner = RECORD_TYPES[kind]
            for step in table.path:
                covered.add((owner.__name__, step))
                owner = _inner(owner, step)
        if table.name in ("records", "redirects") or table.item is str:
            continue
        item = table.item or RECORD_TYPES[table.kinds[0]]
        for column in table.columns:
            owner = item
            for step in column.field or ():
                covered.add((owner.__name__, step))
                owner = _inner(owner, step)
    return covered


def test_every_field_of_every_record_and_part_has_a_place() -> None:
    missing = _all_fields() - _covered_fields()
    assert not missing, f"fields in no table: {sorted(missing)}"


def test_table_names_and_keys() -> None:
    assert [n for n in TABLES if n in rightsdata.KINDS] == list(rightsdata.KINDS)
    assert {"events.participants", "events.charges", "figures", "citations"} <= set(TABLES)
    for table in TABLES.values():
        names = table.column_names
        assert len(set(names)) == len(names), table.name
        assert set(table.primary_key) <= set(names), table.name
        for key in table.foreign_keys:
            assert set(key.columns) <= set(names)
            target = TABLES[key.table]
            assert key.table_columns == target.primary_key, (table.name, key)


def test_multi_kind_references_point_at_records() -> None:
    keys = {k.columns: k.table for k in get_table("events.participants").foreign_keys}
    assert keys == {("event_id",): "events", ("actor",): "records"}
    keys = {k.columns: k.table for k in get_table("events.charges").foreign_keys}
    assert keys[("provision",)] == "laws" and keys[("against",)] == "records"
    assert get_table("citations").column("record_id").refs == (
        "person",
        "org",
        "group",
        "place",
        "law",
        "event",
        "relationship",
        "statement",
        "rating",
    )


@pytest.mark.parametrize("table", [t for t in TABLES.values() if t.path and len(t.kinds) > 1])
def test_a_kinds_share_of_a_shared_table_is_told_the_table(table: Table) -> None:
    """A kind's list that all kinds share one table of ('events.citations') is told that
    table and its key, never a table of another list that spelling finds closest
    ('figures.citations') nor the kind's own table."""
    for kind in table.kinds:
        with pytest.raises(ValueError, match="unknown table") as raised:
            get_table(f"{kind}.{table.name}")  # type: ignore[arg-type]
        message = str(raised.value)
        # (events' figures have their own words, of model 2's rename: test_model2.py)
        assert f"table {table.name!r} holds these rows" in message or "model 2" in message
        assert repr(table.name) in message and table.column_names[0] in message, message
        assert "did you mean" not in message
    # a list the kind does not have is left to spelling
    without = next(k for k in KINDS if k not in table.kinds) if len(table.kinds) < 10 else None
    if without is not None:
        with pytest.raises(ValueError, match=r"unknown table .*; the tables are"):
            get_table(f"{without}.{table.name}")  # type: ignore[arg-type]


def test_unknown_table_lists_the_tables() -> None:
    with pytest.raises(ValueError, match=r"unknown table 'participants'.*events\.participants"):
        get_table("participants")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="records, redirects"):
        rightsdata.load().to_pandas("nope")  # type: ignore[call-overload]
    # neither a table nor a name: a TypeError, not "'NoneType' object has no attribute",
    # saying what was given and what is taken (a Table too)
    from rightsdata.tables import arrow_table

    ds = rightsdata.load()
    also = "or a `rightsdata.tables.Table`, "
    reads: tuple[Callable[[Any, Any], object], ...] = (
        rows,
        columns,
        arrow_table,
        lambda d, t: get_table(t),
        lambda d, t: d.to_pandas(t),
    )
    for read in reads:
        given: tuple[tuple[Any, str], ...] = (
            (5, "an int (5)"),
            (b"events", "bytes (b'events')"),
            *([(None, "None")] if read is not reads[-1] else []),
        )
        more = "or None for every table, " if read is reads[-1] else ""
        for wrong, told in given:
            with pytest.raises(TypeError, match=r"^expected ") as caught:
                read(ds, wrong)
            assert (
                str(caught.value)
                == f"expected a table's name, such as 'events', {also}{more}not {told}"
            )


def test_to_pandas_takes_a_table_as_rows_does() -> None:
    # it refused TABLES["events"]: "expected a table's name ..., not a Table; give 'events'"
    from rightsdata.tables import TABLES

    ds = rightsdata.load()
    assert ds.to_pandas(TABLES["events.charges"]).equals(ds.to_pandas("events.charges"))


def test_a_display_table_given_for_a_table_says_what_it_is_in_one_line() -> None:
    """``rightsdata.display.table(records)`` is a table to show, not one of the tables: said
    so, not "unknown table <Place ...>" with the listing's lines pasted into the message."""
    from rightsdata.display import table
    from rightsdata.tables import arrow_table, get_table

    ds = rightsdata.load()
    shown: Any = table(ds.places[:3])
    for read in (rows, columns, arrow_table, lambda d, t: get_table(t)):
        with pytest.raises(TypeError, match=r"^expected ") as caught:
            read(ds, shown)
        assert str(caught.value) == (
            "expected a table's name, such as 'events', or a `rightsdata.tables.Table`, not a "
            "`rightsdata.display.Table`"
        )
    with pytest.raises(TypeError) as wrong:  # (a Dataset's method: a TypeError)
        ds.to_pandas(shown)
    assert str(wrong.value) == (
        "expected a table's name, such as 'events', or a `rightsdata.tables.Table`, or None "
        "for every table, not a `rightsdata.display.Table`"
    )


def test_every_function_taking_a_name_says_what_else_it_was_given() -> None:
    """One helper (``not_a_name``) for a kind, a schema, an export format, a CSV option, an
    event kind: its type in one line, never a multi-line repr, nor "unhashable type"."""
    from rightsdata import plot, schema, testing
    from rightsdata.display import table
    from rightsdata.tables import read_directory

    ds = rightsdata.load()
    # (each wrong on purpose: typed Any, as a value read at run time is)
    shown: Any = table(ds.places[:3])
    a_list: Any = []
    event_class: Any = rightsdata.Event
    one: Any = 1
    raw: Any = b"events"
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: ds.collection(shown), "expected a record kind, such as 'events', not a "),
        (lambda: ds.collection(a_list), "expected a record kind, such as 'events', not a list"),
        (
            lambda: ds.collection(event_class),
            "expected a record kind, such as 'events', not the class `rightsdata.Event`; give "
            "'events'",
        ),
        (lambda: ds.export("out", shown), "expected an export format, such as 'json', not a "),
        (
            lambda: ds.export("out", "csv", csv_formulas=a_list),
            "expected a csv_formulas option, such as 'escape', not a list",
        ),
        (
            lambda: read_directory("out", csv_formulas=one),
            "expected a csv_formulas option, such as 'escape', not an int (1)",
        ),
        (lambda: schema.load_schema(shown), "expected a schema's name, such as 'events', not a "),
        (lambda: schema.validator_for(raw), "not bytes (b'events')"),
        (lambda: testing.records(event_class), "not the class `rightsdata.Event`; give "),
        (
            lambda: plot.kind_style(one + 4),
            "expected an event kind, such as 'arrest', not an int (5)",
        ),
    ]
    for call, told in cases:
        # (a TypeError everywhere, as for every wrong type: it was a ValueError outside the
        # Dataset's methods)
        with pytest.raises(TypeError, match=r"^expected ") as caught:
            call()
        said = str(caught.value)
        assert said.startswith(told) or told in said, said
        assert "\n" not in said and "<Place" not in said, said


def test_a_wrong_argument_whose_repr_runs_over_lines_is_told_by_its_type(tmp_path: Path) -> None:
    """shown_repr (a wrong argument's value in a message) and describe_json (a wrong value
    in Python documents) paste no listing over lines: the type, in one line."""
    from rightsdata.display import table

    ds = rightsdata.load()
    shown: Any = table(ds.places[:3])
    calls: list[Callable[[], object]] = [
        lambda: ds.search("x", limit=shown),
        lambda: rightsdata.load_path(tmp_path, max_bytes=shown),
        lambda: rightsdata.load(version=shown),
        lambda: rightsdata.load_path(tmp_path, base=shown),
        lambda: rightsdata.chronological_key(shown),
    ]
    for call in calls:
        with pytest.raises((TypeError, ValueError)) as caught:
            call()
        said = str(caught.value)
        assert "\n" not in said and "<Place" not in said, said
        assert "`rightsdata.display.Table`" in said, said
    with pytest.raises(rightsdata.InvalidDataError) as invalid:
        rightsdata.load_documents({"events": [shown]})
    (problem,) = invalid.value.problems
    assert problem.message == "expected an object, got Table"


def test_every_misspelt_selector_is_told_what_it_is_spelled_like(tmp_path: Path) -> None:
    # a table and an export format said "unknown ...; expected ..." where a kind and a term
    # said "did you mean"; every selector now says it, the same letters in another case too
    ds = rightsdata.load()
    told: list[tuple[Callable[[], object], str]] = [
        (lambda: ds.to_pandas("event"), "events"),  # type: ignore[call-overload]
        (lambda: ds.to_pandas("Events"), "events"),  # type: ignore[call-overload]
        (lambda: get_table("charges"), "events.charges"),  # type: ignore[arg-type]
        (lambda: ds.export(tmp_path / "out", "JSON"), "json"),  # type: ignore[arg-type]
        (lambda: ds.export(tmp_path / "out", "jsnol"), "jsonl"),  # type: ignore[arg-type]
        (lambda: ds.collection("event"), "events"),  # type: ignore[call-overload]
        (lambda: ds.events(kind="arest"), "arrest"),  # type: ignore[arg-type]
    ]
    for make, meant in told:
        with pytest.raises(ValueError, match=re.escape(f" (did you mean {meant!r}?); ")):
            make()
    assert not (tmp_path / "out").exists()  # (nothing written)


def test_enum_columns_carry_the_whole_vocabulary() -> None:
    role = get_table("events.participants").column("role")
    assert role.terms == tuple(m.value for m in Role)
    terms = {c.terms for t in TABLES.values() for c in t.columns if c.type is ColumnType.TERM}
    for vocabulary in VOCABULARIES:
        assert tuple(m.value for m in vocabulary) in terms, vocabulary.__name__


# --- the rows of the bundled dataset --------------------------------------------------------


def test_keys_are_unique_and_references_resolve_in_the_bundled_dataset() -> None:
    tables = all_rows(rightsdata.load())
    for name, table in TABLES.items():
        index = {c: i for i, c in enumerate(table.column_names)}
        keys = [tuple(r[index[c]] for c in table.primary_key) for r in tables[name]]
        assert len(set(keys)) == len(keys), name
        for key in table.foreign_keys:
            target = TABLES[key.table]
            target_index = {c: i for i, c in enumerate(target.column_names)}
            present = {
                tuple(r[target_index[c]] for c in key.table_columns) for r in tables[key.table]
            }
            for row in tables[name]:
                value = tuple(row[index[c]] for c in key.columns)
                assert None in value or value in present, (name, key, value)


def test_the_bundled_dataset_round_trips_through_its_rows() -> None:
    ds = rightsdata.load()
    documents, redirects = documents_from_rows(all_rows(ds))
    assert documents == ds.to_dict()
    assert redirects == dict(ds.redirects)


def test_counts_of_items_match_the_records() -> None:
    ds = rightsdata.load()
    tables = all_rows(ds)
    assert len(tables["events.participants"]) == sum(len(e.participants) for e in ds.events)
    held = [f for r in ds for f in getattr(r, "figures", ())]  # events' and groups' figures
    assert len(tables["figures"]) == len(held)
    assert len(tables["figures.citations"]) == sum(len(f.citations) for f in held)
    assert len(tables["citations"]) == sum(len(getattr(r, "citations", ())) for r in ds)
    assert Counter(r[1] for r in tables["records"]) == Counter(ds.counts())


def test_dates_have_their_bounds() -> None:
    row = dict(
        zip(
            get_table("events").column_names,
            next(r for r in rows(rightsdata.load(), "events") if r[0] == "event:kozlov-trial-2012"),
            strict=True,
        )
    )
    assert row["date"] == "/2012-10-08"
    assert row["date_earliest"] is None
    assert row["date_latest"] == datetime.date(2012, 10, 8)


# --- nothing lost, for any dataset ----------------------------------------------------------


def _through_csv(dataset: Dataset) -> dict[str, list[Row]]:
    return {n: parse(t, render(t, rows(dataset, t))) for n, t in TABLES.items()}


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset_documents())
def test_any_dataset_round_trips_through_rows_and_csv(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    dataset = dataset_of(documents)
    assert documents_from_rows(all_rows(dataset))[0] == documents
    assert documents_from_rows(_through_csv(dataset))[0] == documents


def test_awkward_text_and_redirects_survive_csv() -> None:
    # (a carriage return or a NUL is a control character no text may hold)
    awkward = 'a "quoted", multi-line\ntext\twith a tab, \u2028 and ünïcödé'
    documents = {
        "sources": [source_doc()],
        "persons": [
            person_doc(summary=awkward, born="0001-01-01/9999-12-31"),
            person_doc(
                "person:b",
                citations=[{**CITE, "fields": []}, {**CITE, "fields": ["name", "born"]}],
            ),
        ],
        "events": [event_doc(penalty=None), event_doc("event:b", date=None)],
    }
    dataset = dataset_of(documents, redirects={"person:old": "person:a"})
    got, redirects = documents_from_rows(_through_csv(dataset))
    assert got == dataset.to_dict()
    assert redirects == {"person:old": "person:a"}


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab,\""), max_size=8) | st.text())
def test_formula_escape_is_undone_exactly_and_never_starts_a_formula(text: str) -> None:
    from rightsdata._tables.csvtables import FORMULA_STARTS, escape_formula, unescape_formula

    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    assert not escaped.startswith(FORMULA_STARTS)
    assert escaped == text or escaped == "'" + text


def test_a_row_without_its_owner_is_refused() -> None:
    tables = all_rows(rightsdata.load())
    tables["events"] = []
    with pytest.raises(ValueError, match="no record 'event:"):
        documents_from_rows(tables)


# --- pandas ---------------------------------------------------------------------------------


def test_to_pandas_kind_table_types(pd: Any) -> None:
    events = rightsdata.load().to_pandas("events")
    assert events.index.is_unique and events.index.name is None
    assert list(events.index) == events["id"].tolist()  # the ID is the index and a column
    assert len(events) == len(rightsdata.load().events)
    assert list(events["kind"].cat.categories) == [m.value for m in EventKind]
    assert str(events["date_earliest"].dtype) == "datetime64[s]"
    assert str(events["title"].dtype) == "string"
    trial = events.loc["event:kozlov-trial-2012"]
    assert pd.isna(trial["date_earliest"]) and trial["date_latest"] == pd.Timestamp("2012-10-08")
    verdict = events.loc["event:kozlov-verdict-2012-10-08"]
    assert (verdict["penalty_kind"], verdict["penalty_term"]) == ("imprisonment", "P7Y6M")
    assert verdict["penalty_term_days"] == 7 * 365 + 6 * 30
    assert str(events["penalty_term_days"].dtype) == "Int64"
    assert rightsdata.load().to_pandas("persons").loc["person:vladimir-kozlov", "name"] == (
        "Vladimir Kozlov"
    )


def test_the_date_text_sorts_in_date_order_with_chronological_key(pd: Any) -> None:
    """The recipe of docs/pandas.md: a table's ``date`` sorted with ``chronological_key`` is
    the queries' order, undated last (its text alone puts a set after 2015)."""
    ds = rightsdata.load()

    def in_date_order(dates: Any) -> Any:
        return dates.map(rightsdata.chronological_key, na_action="ignore")

    name: TableName
    for name, query in (("events", ds.events), ("statements", ds.statements)):
        frame = ds.to_pandas(name)
        by_text = frame.sort_values("date", kind="stable").index.tolist()
        assert by_text != [r.id for r in query()]
        ordered = frame.sort_values("date", key=in_date_order, kind="stable")
        assert ordered.index.tolist() == [r.id for r in query()]


def test_chronological_keys_own_recipe_gives_the_queries_order(pd: Any) -> None:
    """The recipe in ``chronological_key``'s docstring, run as written."""
    import re

    (recipe,) = re.findall(
        r"``(frame\.sort_values\(.*?\))``", rightsdata.chronological_key.__doc__ or "", re.S
    )
    ds = rightsdata.load()
    name: TableName
    for name, query in (("events", ds.events), ("statements", ds.statements)):
        scope = {"frame": ds.to_pandas(name), "chronological_key": rightsdata.chronological_key}
        ordered = eval(recipe.replace("\n", " "), scope)  # (the docstring's own text)
        assert ordered.index.tolist() == [r.id for r in query()]


def test_to_pandas_long_tables_join(pd: Any) -> None:
    ds = rightsdata.load()
    figures = ds.to_pandas("figures")
    assert str(figures["low"].dtype) == "Int64" and str(figures["position"].dtype) == "int64"
    assert list(figures.index) == list(range(len(figures)))
    killed = figures[
        (figures["record_id"] == "event:zhanaozen-massacre-2011") & (figures["measure"] == "killed")
    ]
    assert killed["best"].fillna(killed["low"]).tolist() == [15, 15, 17]
    charges = ds.to_pandas("events.charges").merge(
        ds.to_pandas("laws"), left_on="provision", right_index=True
    )
    kozlov = charges[charges["against"] == "person:vladimir-kozlov"]
    assert sorted(kozlov["article"].unique()) == ["164", "170"]
    citations = ds.to_pandas("citations")
    assert citations["fields"].map(lambda v: v is None or isinstance(v, tuple)).all()


@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_converts_with_the_declared_types(name: TableName, pd: Any) -> None:
    from pandas import CategoricalDtype

    table: Table = TABLES[name]
    frame = rightsdata.load().to_pandas(name)
    columns = list(table.columns)
    assert list(frame.columns) == [c.name for c in columns]
    assert len(frame) == len(list(rows(rightsdata.load(), table)))
    for column in columns:
        dtype = frame[column.name].dtype
        if column.type is ColumnType.TERM:
            assert isinstance(dtype, CategoricalDtype)
            assert list(dtype.categories) == list(column.terms)
        elif column.type is ColumnType.COUNT:
            assert str(dtype) == "Int64"


def test_extreme_dates_fit_in_pandas(pd: Any) -> None:
    dataset = dataset_of(
        {"sources": [source_doc()], "persons": [person_doc(born="0001-01-01/9999-12-31")]}
    )
    born = dataset.to_pandas("persons").loc["person:a"]
    assert born["born_earliest"].year == 1 and born["born_latest"].year == 9999


def test_extreme_dates_fit_in_parquet() -> None:
    pytest.importorskip("pyarrow")
    from rightsdata._tables.arrow import arrow_table

    dataset = dataset_of(
        {"sources": [source_doc()], "persons": [person_doc(born="0001-01-01/9999-12-31")]}
    )
    (row,) = arrow_table(dataset, TABLES["persons"]).to_pylist()
    assert row["born_earliest"] == datetime.date(1, 1, 1)
    assert row["born_latest"] == datetime.date(9999, 12, 31)


def test_penalty_term_days_counts_a_year_as_365_days_and_a_month_as_30() -> None:
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "events": [
            event_doc("event:a", penalty={"kind": "imprisonment", "term": "P1Y2M3DT23H"}),
            event_doc("event:b", penalty={"kind": "fine", "term": None}),
            event_doc("event:c", penalty=None),
        ],
    }
    table = TABLES["events"]
    days = [row[table.column_names.index("penalty_term_days")] for row in rows(
        dataset_of(documents), table
    )]  # fmt: skip
    assert days == [365 + 60 + 3, None, None]
    assert table.column("penalty_term_days").field is None  # derived, not data


def test_every_duration_in_days_says_it_leaves_the_hours_out_and_what_to_compare() -> None:
    """A rate per hour has ``per_days`` 0 and one per ``P1DT12H`` 1: dividing by it divides
    by 0 or counts a day and a half as a day. Each ``_days`` column says so, with what to
    compare instead (the duration itself)."""
    derived = [(t, c) for t in TABLES.values() for c in t.columns if c.derive == "days"]
    assert {(t.name, c.name) for t, c in derived} == {
        ("events", "penalty_term_days"),
        ("figures", "per_days"),
    }
    for _, column in derived:
        duration = column.name.removesuffix("_days")
        assert "left out" in column.description and "`P1DT12H` is 1" in column.description
        assert f"compare `{duration}` itself" in column.description, column.name
    per_days = TABLES["figures"].column("per_days").description
    assert "`PT1H` is 0" in per_days and "divides by 0" in per_days
    assert "for rates under a day" in per_days
    # as they say: the hours are left out
    figure = {"measure": "other", "unit": "times", "qualifier": "exact", "citations": [CITE]}
    documents = {
        "sources": [source_doc()],
        "persons": [person_doc()],
        "events": [
            event_doc(
                figures=[figure | {"best": 3, "per": per} for per in ("PT1H", "P1DT12H", "P1D")]
            )
        ],
    }
    table = TABLES["figures"]
    days = [row[table.column_names.index("per_days")] for row in rows(
        dataset_of(documents), table
    )]  # fmt: skip
    assert days == [0, 1, 1]


def test_to_pandas_all_gives_every_table(pd: Any) -> None:
    from rightsdata._tables.frames import to_pandas_all

    ds = rightsdata.load()
    every = to_pandas_all(ds)
    assert list(every) == list(TABLES)
    for name in ("events", "groups", "figures.citations", "records", "redirects"):
        assert every[name].equals(ds.to_pandas(name)), name


def test_columns_are_the_rows_transposed() -> None:
    from rightsdata._tables.tables import columns

    ds = rightsdata.load()
    for name, table in TABLES.items():
        found = columns(ds, table)
        assert len(found) == len(table.columns)
        assert list(zip(*found, strict=True)) == list(rows(ds, table)), name


def test_the_largest_count_the_model_allows_fits_pandas(pd: Any) -> None:
    from rightsdata._model.fields import COUNT_MAX

    ds = rightsdata.load()
    event = next(e for e in ds.events if e.figures)
    figure = attrs.evolve(
        event.figures[0], low=None, best=COUNT_MAX, high=None, qualifier=FigureQualifier.EXACT
    )
    huge = attrs.evolve(event, figures=(figure, *event.figures[1:]))
    events = [huge if e.id == event.id else e for e in ds.events]
    records: dict[KindName, Sequence[Record]] = {
        **{k: list(ds.collection(k)) for k in rightsdata.KINDS},
        "events": events,
    }
    frame = Dataset(records, redirects=ds.redirects).to_pandas("figures")
    assert COUNT_MAX in frame["best"].tolist()


def test_missing_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r'pip install "rightsdata\[pandas\]"') as caught:
        rightsdata.load().to_pandas("events")
    assert isinstance(caught.value, ImportError)


def test_rows_and_csv_export_do_not_import_pandas_or_pyarrow(tmp_path: Any) -> None:
    code = (
        "import sys, rightsdata\n"
        f"rightsdata.load().export({str(tmp_path)!r}, 'csv')\n"
        f"rightsdata.load().export({str(tmp_path / 'p')!r}, 'datapackage')\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "events.csv").is_file()


# --- the column builders against the row-wise definition ------------------------------------


def _reference_rows(dataset: Dataset, table: Table) -> list[Row]:
    """``table``'s rows built one record and one item at a time with each column's own getter
    (``Column.get``): the row-wise definition the column builders must match cell for cell."""
    if table.name == "records":
        return [
            (r.id, kind, label(r, dataset))
            for kind in rightsdata.KINDS
            for r in dataset.collection(kind)
        ]
    if table.name == "redirects":
        return sorted(dataset.redirects.items())
    values = table.columns[table.keys :]
    found: list[Row] = []

    def walk(item: Any, keys: tuple[Any, ...], path: tuple[str, ...]) -> None:
        if not path:
            cells = []
            for column in values:
                assert column.get is not None, column.name
                cells.append(column.get(item))
            found.append((*keys, *cells))
            return
        for position, sub in enumerate(getattr(item, path[0])):
            walk(sub, (*keys, position), path[1:])

    for kind in table.kinds:
        assert kind in rightsdata.KINDS
        for record in dataset.collection(kind):
            walk(record, (record.id,), table.path)
    return found


def _check_builders_against_rows(dataset: Dataset) -> None:
    from rightsdata._tables.csvtables import render_columns, write_columns
    from rightsdata._tables.tables import columns, raw_columns

    cache: dict[Any, Any] = {}  # shared, as an export shares it
    for name, table in TABLES.items():
        expected = _reference_rows(dataset, table)
        assert list(rows(dataset, table)) == expected, name
        assert list(zip(*columns(dataset, table), strict=True)) == expected, name
        raw = raw_columns(dataset, table, cache)
        for formulas in ("escape", "keep"):
            by_rows = render(table, expected, formulas)
            assert render_columns(table, raw, formulas) == by_rows, (name, formulas)
            written = io.BytesIO()
            write_columns(table, raw, written, formulas)
            assert written.getvalue() == by_rows.encode("utf-8"), (name, formulas)


def _check_arrow_against_rows(dataset: Dataset) -> None:
    from rightsdata._tables.arrow import arrow_table, arrow_type

    cache: dict[Any, Any] = {}
    read_lists(dataset, cache)  # as the Parquet export does
    for name, table in TABLES.items():
        expected = [
            tuple(list(v) if isinstance(v, tuple) else v for v in row)
            for row in _reference_rows(dataset, table)
        ]
        built = arrow_table(dataset, table, cache)
        got = built.to_pylist()
        assert [tuple(r.values()) for r in got] == expected, name
        # the declared types and nullability, whichever way each column was made (the key
        # columns are taken from one array of IDs, records reuses the kind tables' arrays)
        assert [(f.name, f.type, f.nullable) for f in built.schema] == [
            (c.name, arrow_type(c), not c.required) for c in table.columns
        ], name
        for column, array in zip(table.columns, built.columns, strict=True):
            if column.required:
                assert array.null_count == 0, (name, column.name)
        assert built.equals(arrow_table(dataset, table)), name  # alone, without the cache
        assert built.equals(arrow_table(dataset, name)), name  # by its name, as rows() takes


def _plain(value: Any, pd: Any) -> Any:
    """A pandas cell as the tables' cell: None for a missing value, a day as a date."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN: a missing category
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _check_pandas_against_rows(dataset: Dataset) -> None:
    pd = pytest.importorskip("pandas")
    from rightsdata._tables.frames import frames

    for name, frame in frames(dataset).items():
        found = [
            tuple(_plain(v, pd) for v in row)
            for row in zip(*(frame[c].tolist() for c in frame.columns), strict=True)
        ]
        assert found == _reference_rows(dataset, TABLES[name]), name


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset_documents())
def test_column_builders_give_the_cells_of_the_row_wise_definition(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    """rows(), columns(), the CSV built a column at a time (against the csv module's writer,
    both formula options), the DataFrames and the Arrow tables hold, cell for cell, what each
    column's getter reads from each record and item."""
    dataset = dataset_of(documents)
    _check_builders_against_rows(dataset)
    _check_pandas_against_rows(dataset)
    pytest.importorskip("pyarrow")
    _check_arrow_against_rows(dataset)


def test_column_builders_give_the_cells_of_the_row_wise_definition_on_the_bundled_data() -> None:
    dataset = rightsdata.load()
    _check_builders_against_rows(dataset)
    _check_pandas_against_rows(dataset)
    pytest.importorskip("pyarrow")
    _check_arrow_against_rows(dataset)


def test_read_lists_reads_every_first_level_as_walk_does() -> None:
    """The exports read all the records' lists in one pass (:func:`read_lists`): the same
    counts and items, in the same order, as each table's walk reads on its own."""
    dataset = rightsdata.load()
    read: dict[Any, Any] = {}
    read_lists(dataset, read)
    walked: dict[Any, Any] = {}
    tables = [t for t in TABLES.values() if t.path]
    first = {("level", t.kinds, t.path[:1]) for t in tables}
    assert first == {key for key in read if key[0] == "level"}  # those, and no other level
    for table in tables:
        found = walk(dataset, table, read)
        assert found == walk(dataset, table, walked), table.name
        assert [len(items) for _, items in found] == [sum(counts) for counts, _ in found]


def test_arrow_tables_built_in_parts_hold_the_same_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Arrow columns are read and converted :data:`PART_ROWS` items at a time: parts of
    a few rows give the same cells, types and nulls, and the same tables as one part; a
    column of several parts is a chunked array of them, and a vocabulary column is still one
    array whose dictionary is the whole vocabulary."""
    pytest.importorskip("pyarrow")
    import pyarrow as pa

    from rightsdata._tables import arrow

    dataset = rightsdata.load()
    whole = {name: arrow.arrow_table(dataset, table) for name, table in TABLES.items()}
    assert whole["events"].column("title").num_chunks == 1
    monkeypatch.setattr(arrow, "PART_ROWS", 7)
    _check_arrow_against_rows(dataset)
    cache: dict[Any, Any] = {}
    for name, table in TABLES.items():
        assert arrow.arrow_table(dataset, table, cache).equals(whole[name]), name
    events = arrow.arrow_table(dataset, TABLES["events"])
    assert events.column("title").num_chunks == -(-events.num_rows // 7)
    (kinds,) = events.column("kind").chunks
    assert isinstance(kinds, pa.DictionaryArray)
    assert kinds.dictionary.to_pylist() == list(TABLES["events"].column("kind").terms)


def test_arrow_owner_ids_too_large_to_take_come_from_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The owner column of a table of items is taken from the kinds' Arrow array of IDs;
    where Arrow cannot (more than 2 GB of text in one array), it is converted from the key
    list instead, to the same cells."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.compute as pc

    from rightsdata._tables.arrow import arrow_table

    dataset = rightsdata.load()
    names = ["events.participants", "citations", "figures.citations"]
    expected = {name: arrow_table(dataset, TABLES[name]) for name in names}

    refused: list[int] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        refused.append(1)
        raise pa.ArrowCapacityError("offset overflow")

    monkeypatch.setattr(pc, "take", refuse)
    for name in names:
        assert arrow_table(dataset, TABLES[name]).equals(expected[name]), name
    assert len(refused) == len(names)  # each owner column went the other way


def test_csv_rendered_in_pieces_is_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV text is made :data:`CHUNK_ROWS` rows at a time: pieces of a few rows, cut
    anywhere, give the same text as the csv module's writer."""
    from rightsdata._tables import csvtables

    monkeypatch.setattr(csvtables, "CHUNK_ROWS", 7)
    _check_builders_against_rows(rightsdata.load())


#: Values that take every branch of the CSV field builder: none of the characters that need
#: quoting, only commas, line breaks without quotes, quotes; formula starts and quotes first.
_CSV_ALPHABET = st.sampled_from("ab,\"\n\r'=+-@\tЯ ")


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.none() | st.text(alphabet=_CSV_ALPHABET, min_size=1, max_size=6), max_size=12),
    st.sampled_from([ColumnType.TEXT, ColumnType.EDTF, ColumnType.DURATION, ColumnType.ID]),
    st.booleans(),
)
@example(["a", None, "b c"], ColumnType.TEXT, True)  # nothing to quote
@example(["a,b", None, "c"], ColumnType.TEXT, True)  # commas only
@example(["a\rb", None, "c"], ColumnType.TEXT, True)  # a carriage return only
@example(["a\nb", "c,d", None], ColumnType.EDTF, False)  # a line break and a comma
@example(['a"b', "c,d", "e\rf", "g", None], ColumnType.DURATION, False)  # a quote
@example(["=a", "'=b", "'c'", "d", None], ColumnType.TEXT, True)  # formula starts
@example(["=a", "'=b", "d", None], ColumnType.TEXT, False)
def test_csv_fields_of_a_column_are_each_cell_as_the_csv_module_writes_it(
    values: list[str | None], kind: ColumnType, escape: bool
) -> None:
    """A column's fields, built a column at a time (what each column holds decides what each
    cell is checked for), are each cell as :func:`render` writes it alone: escaped (text
    columns, ``escape``), quoted where the csv module quotes, None an empty field."""
    import csv

    from rightsdata._tables.csvtables import _text_column, escape_formula
    from rightsdata._tables.tables import Column

    column = Column("c", kind, "a column")
    if kind is ColumnType.ID:  # IDs and terms never need quoting: their values cannot
        values = [v if v is None else v.replace(",", "").replace('"', "") for v in values]
        values = [v if v is None else v.replace("\n", "").replace("\r", "") for v in values]
        values = [v or None for v in values]

    def alone(value: str | None) -> str:
        if value is None:
            return ""
        if escape and kind is ColumnType.TEXT:
            value = escape_formula(value)
        buffer = io.StringIO()
        csv.writer(buffer).writerow([value, ""])
        return buffer.getvalue()[: -len(",\r\n")]

    assert _text_column(column, list(values), escape) == [alone(v) for v in values]


def test_columns_read_in_parts_are_the_same_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """The value columns are read :data:`READ_ITEMS` items at a time: parts of a few items,
    cut anywhere (a date's three columns share their reads within a part), give the cells of
    the row-wise definition."""
    from rightsdata._tables import tables

    monkeypatch.setattr(tables, "READ_ITEMS", 3)
    _check_builders_against_rows(rightsdata.load())
    if importlib.util.find_spec("pandas") is not None:
        _check_pandas_against_rows(rightsdata.load())


def test_parse_skips_blank_lines_and_locates_a_bad_row() -> None:
    table = TABLES["events.charges"]
    text = render(table, rows(rightsdata.load(), table))
    # an editor's final newline is no row (it was "zip() argument 2 is shorter...")
    assert parse(table, text + "\r\n") == parse(table, text + "\n\n") == parse(table, text)
    short = text + "event:x,0\r\n"
    lines = short.count("\r\n")
    width = len(table.columns)
    with pytest.raises(
        ValueError, match=rf"'events.charges', line {lines}: 2 fields; expected {width}"
    ):
        parse(table, short)
    header, first, *rest = text.split("\r\n")
    bad = "\r\n".join([header, first.replace(",0,", ",zero,"), *rest])
    expected = r"'events.charges', line 2, column 'position': expected a whole number"
    with pytest.raises(ValueError, match=expected):
        parse(table, bad)


@pytest.mark.parametrize("levels", [2, 20_000])  # (20,000: deeper than any Python parses)
def test_a_cell_of_nested_lists_is_no_list_of_text_under_every_python(levels: int) -> None:
    table = TABLES["citations"]
    deep = "[" * levels + "]" * levels
    header = ",".join(table.column_names)
    cells = dict.fromkeys(table.column_names, "")
    cells.update(record_id="event:x", position="0", source="source:s", fields=deep)
    text = f"{header}\r\n{','.join(cells.values())}\r\n"
    expected = r"line 2, column 'fields': expected a JSON array of text"
    with pytest.raises(ValueError, match=expected):
        parse(table, text)


# --- the records table's label ---------------------------------------------------------------


def test_the_records_label_is_short_and_names_a_ratings_country() -> None:
    """A rating's label names its country (Egypt's and Hong Kong's were the same), and a
    statement's is its summary cut to LABEL_MAX characters (it was the whole summary)."""
    ds = rightsdata.load()
    found: dict[str, str] = {}
    for row in rows(ds, "records"):
        assert isinstance(row[0], str) and isinstance(row[2], str)
        found[row[0]] = row[2]
    ratings = [found[r.id] for r in ds.ratings]
    assert len(set(ratings)) == len(ratings)
    kazakhstan = next(r for r in ds.ratings if r.country == "place:kazakhstan")
    assert found[kazakhstan.id] == (
        f"Kazakhstan: {kazakhstan.level.value} ({kazakhstan.scale.value}, {kazakhstan.as_of})"
    )
    statements = [found[s.id] for s in ds.statements]
    assert max(map(len, statements)) <= LABEL_MAX
    long = next(s for s in ds.statements if len(s.summary) > LABEL_MAX)
    assert found[long.id].endswith("...")
    assert long.summary.startswith(found[long.id].removesuffix("..."))


@given(st.integers(0, 400), st.integers(0, 400), st.integers(0, 30))
def test_penalty_term_days_is_the_same_however_the_term_is_written_and_grows_with_it(
    first: int, second: int, days: int
) -> None:
    """Twelve months count as a year: P12M was 360 days, ranked below P1Y (365), and P18M
    (540) and P1Y6M (545) were two values for one term."""
    table = TABLES["events"]
    column = table.column_names.index("penalty_term_days")

    def days_of(*terms: str) -> list[Any]:
        events = [
            event_doc(f"event:t{n}", penalty={"kind": "imprisonment", "term": term})
            for n, term in enumerate(terms)
        ]
        documents = {"sources": [source_doc()], "persons": [person_doc()], "events": events}
        return [row[column] for row in rows(dataset_of(documents), table)]

    def written(months: int, as_months: bool) -> str:
        years, rest = (0, months) if as_months else divmod(months, 12)
        text = "".join(f"{n}{unit}" for n, unit in ((years, "Y"), (rest, "M"), (days, "D")) if n)
        return f"P{text}" if text else "P0D"

    a, a_again, b = days_of(written(first, True), written(first, False), written(second, True))
    assert a == a_again
    assert (a < b) == (first < second) and (a == b) == (first == second)


def test_a_class_is_named_where_users_find_it_whatever_was_imported_first() -> None:
    # rightsdata.textcard imports Event for its own use; a message naming the class must
    # still say rightsdata.Event (the doctest of not_a_name failed after textcard's import)
    import rightsdata.textcard  # noqa: F401
    from rightsdata._model.records import Event
    from rightsdata._values.errors import public_name

    assert public_name(Event) == "rightsdata.Event"
