"""Rows read back (``documents_from_rows``, ``read_directory``) that are badly typed or whose
derived cells disagree with their values: each is a TypeError or an InvalidDataError naming
the table (or file), the row (or line) and the column, never Python's own words."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._tables.derived import disagreement
from rightsdata.tables import TABLES, Row, documents_from_rows, read_directory, rows

Tables = dict[str, list[Any]]


@pytest.fixture(scope="module")
def base() -> dict[str, list[Row]]:
    dataset = rightsdata.load()
    return {name: list(rows(dataset, name)) for name in TABLES}


def _copy(base: dict[str, list[Row]]) -> Tables:
    return {name: list(found) for name, found in base.items()}


def _set(tables: Tables, name: str, index: int, column: str, value: object) -> None:
    row = list(tables[name][index])
    row[TABLES[name].column_names.index(column)] = value
    tables[name][index] = tuple(row)


def _first(tables: Tables, name: str, column: str, test: Callable[[Any], bool]) -> int:
    at = TABLES[name].column_names.index(column)
    return next(i for i, row in enumerate(tables[name]) if test(row[at]))


def _title_list(tables: Tables) -> None:
    _set(tables, "events", 2, "title", ["a title"])


def _summary_bytes(tables: Tables) -> None:
    _set(tables, "events", 2, "summary", b"a summary")


def _kind_float(tables: Tables) -> None:
    _set(tables, "events", 2, "kind", 1.5)


def _position_bool(tables: Tables) -> None:
    _set(tables, "events.participants", 2, "position", True)


def _day_text(tables: Tables) -> None:
    _set(tables, "events", 2, "date_earliest", "2012-01-26")


def _fields_of_numbers(tables: Tables) -> None:
    _set(tables, "citations", 2, "fields", ("date", 5))


def _row_a_dict(tables: Tables) -> None:
    tables["events"][2] = dict(zip(TABLES["events"].column_names, tables["events"][2], strict=True))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            _title_list,
            "table 'events', row 3, column 'title': expected text (a str) or None, not a list",
        ),
        (
            _summary_bytes,
            "table 'events', row 3, column 'summary': expected text (a str) or "
            "None, not bytes (b'a summary')",
        ),
        (
            _kind_float,
            "table 'events', row 3, column 'kind': expected a term (a str) or None, "
            "not a float (1.5)",
        ),
        (
            _position_bool,
            "table 'events.participants', row 3, column 'position': expected a "
            "position (an int), not a bool (True)",
        ),
        (
            _day_text,
            "table 'events', row 3, column 'date_earliest': expected a day (a "
            "datetime.date) or None, not a str ('2012-01-26')",
        ),
        (
            _fields_of_numbers,
            "table 'citations', row 3, column 'fields': expected a list of "
            "text, not one that holds an int (5)",
        ),
        (
            _row_a_dict,
            "table 'events', row 3: a row must be a tuple of cells in the order of "
            "the table's columns (id, kind, title,",
        ),
    ],
)
def test_a_cell_or_row_of_the_wrong_type_is_a_type_error_naming_table_row_and_column(
    base: dict[str, list[Row]], change: Callable[[Tables], None], said: str
) -> None:
    tables = _copy(base)
    change(tables)
    with pytest.raises(TypeError) as caught:
        documents_from_rows(tables)
    assert str(caught.value).startswith(f"documents_from_rows: {said}")


@pytest.mark.parametrize(
    ("key", "value", "error", "said"),
    [
        (
            5,
            [],
            TypeError,
            "tables must be keyed by the tables' names (such as 'events'), not an int (5)",
        ),
        ("charges", [], ValueError, "unknown table 'charges' (did you mean 'events.charges'?)"),
        (
            "events",
            "event:a,protest",
            TypeError,
            "table 'events': its rows must be an "
            "iterable of rows (tuples of cells in the order of its columns",
        ),
        ("events", None, TypeError, "table 'events': its rows must be an iterable of rows"),
    ],
)
def test_a_table_name_or_rows_of_the_wrong_kind_are_told(
    base: dict[str, list[Row]], key: Any, value: Any, error: type[Exception], said: str
) -> None:
    tables: dict[Any, Any] = _copy(base)
    tables[key] = value
    with pytest.raises(error) as caught:
        documents_from_rows(tables)
    assert str(caught.value).startswith(f"documents_from_rows: {said}")
    assert not isinstance(caught.value, rightsdata.InvalidDataError)


def _invalid(tables: Tables) -> rightsdata.Problem:
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        documents_from_rows(tables)
    (problem,) = caught.value.problems
    return problem


def test_an_empty_key_cell_is_invalid_data(base: dict[str, list[Row]]) -> None:
    tables = _copy(base)
    _set(tables, "events.participants", 2, "position", None)  # was a TypeError from sorted
    problem = _invalid(tables)
    assert str(problem) == (
        "table 'events.participants': row 3, column 'position' is empty; every row of the "
        "table needs one"
    )
    assert problem.field == "position"
    tables = _copy(base)
    tables["redirects"].append(("person:old", None))
    assert str(_invalid(tables)).startswith("table 'redirects': row ")


def test_an_owner_of_another_kind_is_invalid_data(base: dict[str, list[Row]]) -> None:
    tables = _copy(base)
    person = tables["persons"][0][0]
    _set(tables, "events.participants", 2, "event_id", person)  # was a KeyError
    problem = _invalid(tables)
    assert str(problem) == (
        f"table 'events.participants': row 3: no record {person!r} owns the row (event_id "
        "must be the ID of a row of the table 'events')"
    )
    assert (problem.field, problem.record_id, problem.code) == ("event_id", person, "integrity")


@pytest.mark.parametrize("position", [99, -1])
def test_a_parent_position_out_of_range_is_invalid_data(
    base: dict[str, list[Row]], position: int
) -> None:
    tables = _copy(base)
    _set(tables, "figures.citations", 0, "figure_position", position)  # was IndexError / wrong
    problem = _invalid(tables)
    assert str(problem).startswith(
        f"table 'figures.citations': row 1: figure_position {position} names none of the "
        "figures of "
    )
    assert problem.field == "figure_position"


def test_a_gap_in_positions_names_the_row_by_number_not_its_repr(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    _set(tables, "events.participants", 0, "position", 5)
    message = str(_invalid(tables))
    assert message.startswith("table 'events.participants': row 1: position 5 ")
    assert message.endswith("(positions run 0, 1, 2, ... with no gap or repeat)")
    assert "('event:" not in message


def _lists(rows: list[Row]) -> dict[object, list[int]]:
    """The row numbers (from 1) of each list of ``events.participants``, by its event."""
    found: dict[object, list[int]] = {}
    for number, row in enumerate(rows, 1):
        found.setdefault(row[0], []).append(number)
    return found


def test_a_position_changed_names_the_row_changed_not_an_untouched_one_after_it(
    base: dict[str, list[Row]],
) -> None:
    """In rows taken in the order of their keys, a list whose first row now says 5 shows
    its second row first, at position 1 where 0 was due: the row to name is the changed
    one, whose position no row of a list of that length can have."""
    tables = _copy(base)
    participants = tables["events.participants"]
    numbers = next(found for found in _lists(participants).values() if len(found) >= 2)
    changed = numbers[0]
    _set(tables, "events.participants", changed - 1, "position", 5)
    problem = _invalid(tables)
    owner = participants[changed - 1][0]
    count = len(numbers)
    assert str(problem) == (
        f"table 'events.participants': row {changed}: position 5 in the participants of "
        f"{owner!r}; expected 0 to {count - 1}, for its {count} rows (positions run 0, 1, 2, "
        "... with no gap or repeat)"
    )
    assert (problem.record_id, problem.field) == (owner, "position")


def test_a_position_changed_to_another_rows_names_both_and_the_one_none_has(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    participants = tables["events.participants"]
    first, second = next(found for found in _lists(participants).values() if len(found) == 2)
    _set(tables, "events.participants", first - 1, "position", 1)
    owner = participants[first - 1][0]
    assert str(_invalid(tables)) == (
        f"table 'events.participants': row {second}: position 1 in the participants of "
        f"{owner!r}, as at row {first}, and no row has position 0 (positions run 0, 1, 2, "
        "... with no gap or repeat)"
    )


@pytest.mark.parametrize(("copied", "at"), [(0, None), (3, 5)])
def test_a_repeated_row_is_named_by_its_own_place_not_the_first_equal_to_it(
    base: dict[str, list[Row]], copied: int, at: int | None
) -> None:
    # a copy of a row repeats its position: the copy is wrong, not the row it copies
    tables = _copy(base)
    participants = tables["events.participants"]
    row = participants[copied]
    participants.insert(len(participants) if at is None else at, row)
    number = len(participants) if at is None else at + 1
    problem = _invalid(tables)
    assert str(problem).startswith(
        f"table 'events.participants': row {number}: position {row[1]} in the participants "
        f"of {row[0]!r}, as at row {copied + 1}, and no row has position "
    )
    assert (problem.record_id, problem.field) == (row[0], "position")


def _dated(tables: Tables) -> int:
    return _first(tables, "events", "date", lambda d: d is not None and len(d) == 10)


def test_a_derived_day_that_disagrees_with_its_date_is_invalid_data(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    index = _dated(tables)
    _set(tables, "events", index, "date", "1999-05-05")  # edited; its days not
    problem = _invalid(tables)
    earliest = tables["events"][index][TABLES["events"].column_names.index("date_earliest")]
    assert str(problem) == (
        f"table 'events': row {index + 1}, column 'date_earliest': {earliest.isoformat()} "
        "disagrees with date '1999-05-05', whose first day is 1999-05-05: write 1999-05-05, "
        "or leave the cell empty (derived columns are not read back)"
    )
    assert (problem.field, problem.code) == ("date_earliest", "rule")
    _set(tables, "events", index, "date_earliest", None)
    assert _invalid(tables).field == "date_latest"
    _set(tables, "events", index, "date_latest", datetime.date(1999, 5, 5))
    documents, _ = documents_from_rows(tables)  # an empty derived cell is taken
    assert any(d.get("date") == "1999-05-05" for d in documents["events"])


def test_a_derived_day_given_as_a_datetime_is_shown_as_its_day(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    index = _dated(tables)
    _set(tables, "events", index, "date", "1999-05-05")
    _set(tables, "events", index, "date_earliest", datetime.datetime(2000, 1, 1, 12, 30))
    assert str(_invalid(tables)) == (
        f"table 'events': row {index + 1}, column 'date_earliest': 2000-01-01 disagrees with "
        "date '1999-05-05', whose first day is 1999-05-05: write 1999-05-05, or leave the "
        "cell empty (derived columns are not read back)"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1.5, "a float (1.5)"), (True, "a bool (True)"), (b"x", "bytes (b'x')"), ("x", "'x'")],
)
def test_a_derived_cell_of_another_type_is_shown_in_words(value: object, shown: str) -> None:
    # (the readers tell a cell of the wrong type by its column first; the check alone says it)
    events = TABLES["events"]
    row = dict.fromkeys(events.column_names)
    row.update(date="2012-01-26", date_earliest=value)
    found = disagreement(events, [tuple(row.values())])
    assert found is not None
    assert found[2] == (
        f"{shown} disagrees with date '2012-01-26', whose first day is 2012-01-26: write "
        "2012-01-26, or leave the cell empty (derived columns are not read back)"
    )


def test_a_derived_day_of_an_open_or_empty_date_is_invalid_data(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    index = _dated(tables)
    _set(tables, "events", index, "date", "../2012")
    message = str(_invalid(tables))
    assert message.endswith(
        "disagrees with date '../2012', whose start is open or unknown: leave the cell empty"
    )
    _set(tables, "events", index, "date", None)
    assert str(_invalid(tables)).endswith("is given, but date is empty: leave the cell empty")


def test_a_term_in_days_that_disagrees_with_the_term_is_invalid_data(
    base: dict[str, list[Row]],
) -> None:
    tables = _copy(base)
    index = _first(tables, "events", "penalty_term", lambda t: t is not None)
    _set(tables, "events", index, "penalty_term", "P2Y")
    problem = _invalid(tables)
    assert problem.field == "penalty_term_days"
    assert str(problem).endswith(
        "disagrees with penalty_term 'P2Y', which is 730 days: write 730, or leave the cell "
        "empty (derived columns are not read back)"
    )


def test_a_derived_cell_edited_in_a_csv_file_is_located_to_its_file_line_and_column(
    tmp_path: Path,
) -> None:
    rightsdata.load().export(tmp_path, "csv")
    path = tmp_path / "events.csv"
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = lines[0]
    index = next(i for i, line in enumerate(lines) if len(line[header.index("date")]) == 10)
    lines[index][header.index("date")] = "1999-05-05"
    text = io.StringIO(newline="")
    csv.writer(text).writerows(lines)
    path.write_text(text.getvalue(), encoding="utf-8", newline="")
    number = text.getvalue()[: text.getvalue().index("1999-05-05")].count("\r\n") + 1
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        read_directory(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field, problem.code) == (
        "events.csv",
        number,
        "date_earliest",
        "rule",
    )
    assert problem.message.startswith(f"table 'events', line {number}, column 'date_earliest': ")
    assert "disagrees with date '1999-05-05', whose first day is 1999-05-05" in problem.message


def test_an_id_redirected_on_two_rows_is_invalid_data_naming_both(
    base: dict[str, list[Row]],
) -> None:
    # (a mapping would keep the later row's target and drop the other without a word)
    tables = _copy(base)
    retired, target = tables["redirects"][0]
    other = next(row[0] for row in tables["persons"] if row[0] != target)
    tables["redirects"].append((retired, other))
    problem = _invalid(tables)
    number = len(tables["redirects"])
    assert str(problem) == (
        f"table 'redirects': row {number}: {retired!r} is redirected twice; first at row 1"
    )
    assert (problem.record_id, problem.field, problem.code) == (retired, "id", "integrity")
    # the same row twice, same target, is as much a mistake in a table whose key is the ID
    tables["redirects"][-1] = (retired, target)
    assert "is redirected twice" in str(_invalid(tables))


def test_rows_given_as_lists_and_tuples_mixed_read_as_tuples(base: dict[str, list[Row]]) -> None:
    # (rows are sorted by their keys: a list and a tuple do not compare)
    tables = _copy(base)
    for name, found in tables.items():
        tables[name] = [list(row) if index % 2 else row for index, row in enumerate(found)]
    assert documents_from_rows(tables) == documents_from_rows(base)


@pytest.mark.parametrize(("table", "copied", "at"), [("events", 0, None), ("persons", 3, 1)])
def test_an_id_on_two_rows_is_invalid_data_naming_both(
    base: dict[str, list[Row]], table: str, copied: int, at: int | None
) -> None:
    # (the items of both rows would be filled into one record, the other left without them)
    tables = _copy(base)
    found = tables[table]
    row = found[copied]
    found.insert(len(found) if at is None else at, row)
    # (the later of the two rows is named, as a load names an ID's second use)
    number, first = (len(found), copied + 1) if at is None else (copied + 2, at + 1)
    problem = _invalid(tables)
    assert str(problem) == (
        f"table {table!r}: row {number}: {row[0]!r} is used twice; first at row {first}"
    )
    assert (problem.record_id, problem.field, problem.code) == (row[0], "id", "integrity")
