"""The fields of `rightsdata.tables.Column`, `ForeignKey` and `Table` are checked as arguments
are: a wrong value is a TypeError naming the field (an item of a tuple by its place) and what
was given."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from rightsdata.tables import TABLES, Column, ColumnType, ForeignKey, Table

EVENTS = TABLES["events"]
KEY = TABLES["events.charges"].foreign_keys[0]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"required": "yes"}, "required must be True or False, not a str ('yes')"),
        ({"terms": ["a"]}, "terms must be a tuple of str, not a list"),
        ({"terms": ("a", 1)}, "terms[1] must be a str, not an int (1)"),
        ({"refs": (2,)}, "refs[0] must be a str, not an int (2)"),
        ({"bounds": (1, "x")}, "bounds[1] must be an int, not a str ('x')"),
        ({"field": ("a", None)}, "field[1] must be a str, not None"),
        ({"max_length": "5"}, "max_length must be an int or None, not a str ('5')"),
    ],
)
def test_a_column_field_of_a_wrong_type_is_told(changes: dict[str, Any], message: str) -> None:
    column = Column("c", ColumnType.TEXT, "a column")
    with pytest.raises(TypeError) as caught:
        attrs.evolve(column, **changes)
    assert str(caught.value) == message


def test_a_columns_optional_tuples_take_none() -> None:
    column = Column("c", ColumnType.NUMBER, "a column", bounds=None, field=None)
    assert (column.bounds, column.field) == (None, None)


def test_a_foreign_keys_columns_are_text() -> None:
    with pytest.raises(TypeError) as caught:
        ForeignKey(("a", 0), "laws", ("id",))  # type: ignore[arg-type]
    assert str(caught.value) == "columns[1] must be a str, not an int (0)"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"columns": (EVENTS.columns[0], "id")},
            "columns[1] must be a `rightsdata.tables.Column`, not a str ('id')",
        ),
        (
            {"foreign_keys": (KEY, None)},
            "foreign_keys[1] must be a `rightsdata.tables.ForeignKey`, not None",
        ),
        ({"primary_key": "id"}, "primary_key must be a tuple of str, not a str ('id')"),
        ({"kinds": ("events", 1)}, "kinds[1] must be a str, not an int (1)"),
    ],
)
def test_a_table_field_of_a_wrong_type_is_told(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError) as caught:
        attrs.evolve(EVENTS, **changes)
    assert str(caught.value) == message


def test_every_bundled_table_passes_its_own_checks() -> None:
    for table in TABLES.values():
        assert attrs.evolve(table) == table
        assert isinstance(table, Table)
