"""rightsdata.tables' public functions and their arguments: a table given as its Table or its
name alike, and a wrong type a TypeError naming the argument and what it takes (docs/api.md),
never a ValueError or an AttributeError from inside (the fields of its classes:
test_table_arguments.py)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import tables
from rightsdata.tables import (
    TABLES,
    arrow_table,
    columns,
    documents_from_rows,
    escape_formula,
    get_table,
    label,
    read_directory,
    rows,
    unescape_formula,
)


def test_get_table_takes_a_table_as_rows_does() -> None:
    # get_table(TABLES["events"]) raised "expected a table's name ..., not a Table; give
    # 'events'", where rows, columns, arrow_table and ds.to_pandas take it
    for table in TABLES.values():
        assert get_table(table) is table
        assert get_table(table.name) is table


def _right(ds: rightsdata.Dataset, folder: Path) -> dict[Callable[..., object], dict[str, Any]]:
    """Every public function of rightsdata.tables, with arguments it takes."""
    return {
        tables.arrow_table: {"dataset": ds, "table": "events.charges", "cache": None},
        tables.columns: {"dataset": ds, "table": "events.charges"},
        tables.rows: {"dataset": ds, "table": "events.charges"},
        tables.get_table: {"name": "events"},
        tables.label: {"record": ds.get("person:vladimir-kozlov"), "dataset": ds},
        tables.escape_formula: {"text": "=x"},
        tables.unescape_formula: {"text": "'=x"},
        tables.documents_from_rows: {"tables": {}},
        tables.read_directory: {"directory": folder, "csv_formulas": "escape"},
        tables.load_directory: {"directory": folder, "csv_formulas": "escape", "strict": False},
        tables.export_names: {},
    }


def test_every_public_function_is_checked_here(tmp_path: Path) -> None:
    public = {
        name
        for name in tables.__all__
        if inspect.isfunction(getattr(tables, name))  # (not the classes, nor the types)
    }
    assert public == {f.__name__ for f in _right(rightsdata.load(), tmp_path)}


def test_a_wrong_type_anywhere_is_a_type_error_naming_what_is_taken(tmp_path: Path) -> None:
    # rows(ds, None) and read_directory(folder, 5) raised ValueError, rows(None, "events")
    # "'NoneType' object has no attribute 'collection'", escape_formula(5) "'int' object has
    # no attribute 'startswith'", documents_from_rows(None) "... has no attribute 'get'"
    pytest.importorskip("pyarrow")
    ds = rightsdata.load()
    ds.export(tmp_path / "csv", "csv")
    for function, right in _right(ds, tmp_path / "csv").items():
        function(**right)  # (the right ones are taken)
        for name, parameter in inspect.signature(function).parameters.items():
            if name not in right:
                continue
            default = parameter.default
            for wrong in (object(), b"5", 5, *([] if default is None else [None])):
                with pytest.raises(TypeError) as raised:
                    function(**{**right, name: wrong})
                told = str(raised.value)
                assert name in told or "expected a " in told, (function, name, told)
                assert "object has no attribute" not in told and "\n" not in told


def test_the_messages_say_what_is_taken() -> None:
    ds = rightsdata.load()
    told: list[tuple[Callable[[], object], str]] = [
        (
            lambda: rows(None, "events"),  # type: ignore[arg-type]
            "rows: dataset must be a `rightsdata.Dataset` (such as `rightsdata.load()`), not None",
        ),
        (
            lambda: columns("events", "events"),  # type: ignore[arg-type]
            "columns: dataset must be a `rightsdata.Dataset` (such as `rightsdata.load()`), "
            "not a str ('events')",
        ),
        (
            lambda: get_table(None),  # type: ignore[arg-type]
            "expected a table's name, such as 'events', or a `rightsdata.tables.Table`, not None",
        ),
        (
            lambda: label("person:vladimir-kozlov"),  # type: ignore[arg-type]
            "label: record must be a record (such as `ds.get(id)`), not a str "
            "('person:vladimir-kozlov'); pass the record, `ds.get('person:vladimir-kozlov')`",
        ),
        (
            lambda: label(ds.persons[0], "ds"),  # type: ignore[arg-type]
            "label: dataset must be a `rightsdata.Dataset` or None, not a str ('ds')",
        ),
        (
            lambda: escape_formula(5),  # type: ignore[arg-type]
            "escape_formula: text must be a str, not an int (5)",
        ),
        (
            lambda: unescape_formula(None),  # type: ignore[arg-type]
            "unescape_formula: text must be a str, not None",
        ),
        (
            lambda: documents_from_rows([]),  # type: ignore[arg-type]
            "documents_from_rows: tables must be a mapping of table names to their rows (as "
            "`read_directory(folder)` gives), not a list",
        ),
        (
            lambda: read_directory(None),  # type: ignore[arg-type]
            "read_directory: directory must be a folder's path (a str or a Path), not None",
        ),
        (
            lambda: read_directory(".", 5),  # type: ignore[arg-type]
            "expected a csv_formulas option, such as 'escape', not an int (5)",
        ),
    ]
    for call, message in told:
        with pytest.raises(TypeError) as raised:
            call()
        assert str(raised.value) == message


def test_a_wrong_value_of_the_right_type_is_still_a_value_error(tmp_path: Path) -> None:
    ds = rightsdata.load()
    for call in (
        lambda: get_table("event"),  # type: ignore[arg-type]
        lambda: rows(ds, "event"),  # type: ignore[arg-type]
        lambda: arrow_table(ds, "event"),  # type: ignore[arg-type]
        lambda: read_directory(tmp_path, "kept"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValueError, match=r"^unknown "):
            call()
