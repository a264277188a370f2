"""A ``csv`` or ``datapackage`` export read back into a dataset in one call, each problem
located at its file, and at its CSV line and column where it has them (internal):
:func:`load_directory`.

:func:`~rightsdata.tables.read_directory`, :func:`~rightsdata.tables.documents_from_rows` and
:func:`rightsdata.load_documents` each locate a problem where they see it: a file's line, a
table's row (from 1, below the header), a record of the documents
(``documents:events[80] event:x.title``). Someone who edited the files in a spreadsheet
wants the file and line of each, which only a reader that knows where the rows came from
can say: this one, which reads each table's rows' lines again where a problem needs them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from rightsdata._data.dataset import Dataset
from rightsdata._tables.csvtables import Lines, lines_said, read_directory, row_lines
from rightsdata._tables.tables import TABLES, Row, Table
from rightsdata._values.errors import InvalidDataError, Problem, ProblemCode, checked
from rightsdata._values.names import FormulaOption

__all__ = ["load_directory"]

#: What the documents' problems are located under (rightsdata.load_documents's label).
_DOCUMENTS: Final = "documents"
#: The descriptor an export writes beside its tables.
_DESCRIPTOR: Final = "datapackage.json"
#: A field's path, one step at a time: ``participants[2]``, ``role``.
_STEP: Final = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")
#: A redirect's place in the documents: ``documents:redirects[3].to``.
_REDIRECT: Final = re.compile(r"documents:redirects\[(\d+)\](?:\.(\w+))?$")


def load_directory(
    directory: str | os.PathLike[str],
    *,
    csv_formulas: FormulaOption | None = None,
    strict: bool = False,
    max_problems: int | None = None,
) -> Dataset:
    """The dataset a ``csv`` or ``datapackage`` export in ``directory`` holds, read back and
    checked as a load checks a dataset's files: :func:`read_directory`,
    :func:`documents_from_rows` and :func:`rightsdata.load_documents` in one, with the name,
    version and descriptor of the export's ``datapackage.json`` where it wrote one (its
    ``resources``, which describe the CSV files, left out). Each problem of a row, a
    record, a part of one or a redirect is located at its CSV file and line, and at the
    column that holds the value where one does, as those of ``read_directory`` are, and
    says which record and field it is of (a row or record a message names is said at its
    line too); one of the descriptor at ``datapackage.json``: one
    :class:`~rightsdata.InvalidDataError` (a ``ValueError``) whose problems' ``file``,
    ``line`` and ``field`` (the column) say where to look, in a spreadsheet too. They are
    listed in the order of the files and lines: those of no line first (the descriptor's),
    then by file name, line and column (left to right), whichever step found them.
    ``csv_formulas`` is ``read_directory``'s; ``strict`` and ``max_problems`` are
    :func:`rightsdata.load_path`'s (a bad value of either is refused before anything is
    read). Under ``max_problems`` the load stops as ``load_documents`` does, having judged
    the records file by file (by name) and row by row, and lists the problems it kept in
    that order: the first of the files' order where each is of a record's own value in its
    kind's table (``events.csv``); a problem in a table of parts (``aliases.csv``,
    ``events.participants.csv``) is found with the record it is of, and one across records
    (a reference to nothing, a redirect's target) after every record's own, so a capped list
    may miss one that the full list has before those it keeps (docs/exports.md).

    >>> import rightsdata, tempfile, pathlib
    >>> from rightsdata.tables import load_directory
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "tables"
    >>> _ = rightsdata.load().export(folder, "datapackage")
    >>> load_directory(folder) == rightsdata.load()
    True
    >>> participants = folder / "events.participants.csv"
    >>> text = participants.read_text(encoding="utf-8")
    >>> edited = text.replace("vladimir-kozlov", "vladimir-kozlv", 1)
    >>> size = participants.write_text(edited, encoding="utf-8")
    >>> load_directory(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rightsdata.InvalidDataError: 1 problem in .../tables:
      events.participants.csv: line ..., column 'actor' (event:...participants[...].actor): \
'person:vladimir-kozlv' does not exist...
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    from rightsdata._data.loading import check_max_problems, load_documents
    from rightsdata._tables.fromtables import documents_from_rows
    from rightsdata._values.flags import flag

    checked(directory, "load_directory: directory", "a folder's path (a str or a Path)", _PATHS)
    flag(strict, "strict")
    check_max_problems(max_problems)
    folder = Path(directory)
    tables = read_directory(folder, csv_formulas=csv_formulas)
    where = os.fspath(directory)
    try:
        documents, redirects = documents_from_rows(tables)
    except InvalidDataError as error:
        raise _located(error, where, _Lines(folder)) from None
    descriptor = _descriptor(folder, where)
    try:
        return load_documents(
            _in_file_order(documents, tables),
            redirects=redirects,
            descriptor=descriptor,
            strict=strict,
            max_problems=max_problems,
        )
    except InvalidDataError as error:
        raise _located(error, where, _Lines(folder), _RowsById(tables)) from None


def _in_file_order(
    documents: dict[str, list[dict[str, Any]]], tables: dict[str, list[Row]]
) -> dict[str, list[dict[str, Any]]]:
    """The documents as ``load_documents`` is to judge them: the kinds in the order of their
    tables' files' names (``events.csv`` before ``persons.csv``), each kind's records in the
    order of their rows (:func:`documents_from_rows` sorts them by ID). So a load stopped
    at ``max_problems`` keeps the problems of the first rows of the first files, where it
    can (:func:`_file_order`), and a record's place in the documents is its row's."""
    ordered: dict[str, list[dict[str, Any]]] = {}
    for kind in sorted(documents, key=lambda kind: f"{kind}.csv"):
        by_id = {document["id"]: document for document in documents[kind]}
        # (one record a row of the kind's table: documents_from_rows refuses an ID twice)
        ordered[kind] = [by_id[row[0]] for row in tables.get(kind, ())]
    return ordered


_PATHS: Final = (str, os.PathLike)


class _Lines:
    """Each table's rows' lines, read from its file when first asked for."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lines: dict[str, list[Lines]] = {}

    def of(self, table: Table, index: int) -> Lines | None:
        """The lines of row ``index`` (from 0) of ``table``'s file (the first, where it
        starts, and the last); None if it has none."""
        if table.name not in self._lines:
            self._lines[table.name] = row_lines(self._folder / f"{table.name}.csv", table)
        lines = self._lines[table.name]
        return lines[index] if 0 <= index < len(lines) else None


class _RowsById:
    """Where each record's rows are in a table, by the keys their first cells hold (an ID,
    then the positions of the items that hold the row's item): found once a table."""

    def __init__(self, tables: dict[str, list[Row]]) -> None:
        self._tables = tables
        self._found: dict[str, dict[tuple[Any, ...], int]] = {}

    def index(self, table: Table, key: tuple[Any, ...]) -> int | None:
        if table.name not in self._found:
            width = max(table.keys, 1)
            found: dict[tuple[Any, ...], int] = {}
            for index, row in enumerate(self._tables.get(table.name, ())):
                found.setdefault(tuple(row[:width]), index)
            self._found[table.name] = found
        return self._found[table.name].get(key)

    def cell(self, table: Table, index: int) -> Any:
        """The first cell of row ``index`` of ``table`` (its key: a record's ID, a retired
        ID), or None where there is no such row."""
        found = self._tables.get(table.name, [])
        return found[index][0] if 0 <= index < len(found) else None


def _descriptor(folder: Path, where: str) -> dict[str, Any] | None:
    """The export's ``datapackage.json`` without its ``resources``, or None where there is
    none; the data error of one that is not JSON (told as a load tells it: where, and why)
    or not an object. Byte-order marks at its start are read past, as the tables' are."""
    from rightsdata._data.loading import filed, read_json

    path = folder / _DESCRIPTOR
    if not path.is_file():
        return None
    found, problems = read_json(path, _DESCRIPTOR, bom=True)
    if not problems and type(found) is not dict:
        problems = [Problem(_DESCRIPTOR, "expected a JSON object", ProblemCode.PACKAGE)]
    if problems:
        raise InvalidDataError(filed(problems, [_DESCRIPTOR]), where)
    return {key: value for key, value in found.items() if key != "resources"}


def _located(
    error: InvalidDataError, where: str, lines: _Lines, rows: _RowsById | None = None
) -> InvalidDataError:
    """``error`` with each problem located at its CSV file and line where it can be: a
    table's row (:func:`documents_from_rows`), or a record, a part of one or a redirect of
    the documents (``rows``: :func:`rightsdata.load_documents`)."""
    moved = sorted((_moved(problem, lines, rows) for problem in error.problems), key=_file_order)
    return InvalidDataError(moved, where, error.unchecked, stopped_at=error.stopped_at)


def _file_order(problem: Problem) -> tuple[bool, str, int, int]:
    """Where ``problem`` stands in the order a reader of the files goes through them: those
    of no line first (the descriptor's, a table's or the documents' as a whole), then by
    file name, line and column (its place in the table: left to right); problems at the
    same place keep the order they were found in."""
    if problem.line is None:
        return False, problem.file or "", 0, 0
    table = TABLES.get((problem.file or "").removesuffix(".csv"))
    names = () if table is None else table.column_names
    column = names.index(problem.field) if problem.field in names else -1
    return True, problem.file or "", problem.line, column


def _moved(problem: Problem, lines: _Lines, rows: _RowsById | None) -> Problem:
    if rows is None:
        return _of_row(problem, lines)
    message = _DOCUMENT_PLACE.sub(lambda m: _place_said(m, lines), problem.message)
    if problem.location.startswith(f"{_DOCUMENTS}:datapackage"):
        location = _DESCRIPTOR + problem.location.removeprefix(f"{_DOCUMENTS}:datapackage")
        return _copy(problem, location, message, file=_DESCRIPTOR)
    redirect = _REDIRECT.match(problem.location)
    if redirect is not None:
        index, field = int(redirect[1]), redirect[2]
        table = TABLES["redirects"]
        retired = rows.cell(table, index)
        said = f"the redirect of {retired!r}" if retired is not None else f"redirect {index}"
        return _at(problem, table, index, field, lines, said, message)
    if problem.kind is None or problem.record_id is None:
        return problem
    table, key, column = _table_of(problem.kind, problem.record_id, problem.field)
    found = rows.index(table, key)
    if found is None:
        return problem
    said = problem.record_id + ("" if problem.field is None else f".{problem.field}")
    return _at(problem, table, found, column, lines, said, message)


#: A record's place in the documents, as a message of ``load_documents`` names another
#: record (``... is still the id of a record (documents:persons[0])``).
_DOCUMENT_PLACE: Final = re.compile(r"documents:(\w+)\[(\d+)\]")


def _place_said(match: re.Match[str], lines: _Lines) -> str:
    """A record's place in the documents (each kind's records in the order of their rows:
    :func:`_in_file_order`) said as its table's file and lines, where it can be."""
    table = TABLES.get(match[1])
    at = None if table is None else lines.of(table, int(match[2]))
    return match[0] if table is None or at is None else f"{table.name}.csv {lines_said(at)}"


def _of_row(problem: Problem, lines: _Lines) -> Problem:
    """A problem of a table's row (``table 'events'``, its ``index`` the row's position)
    at the table's file and the row's line, each row its message names said as its line
    (``row 4: 'x' is used twice; first at row 1``: ``line 6: ...; first at line 2``)."""
    name = problem.location.removeprefix("table ").strip("'")
    table = TABLES.get(name)
    if table is None or problem.index is None:
        return problem
    at = lines.of(table, problem.index)
    if at is None:
        return problem

    def said(match: re.Match[str]) -> str:
        named = table if match[1] is None else TABLES.get(match[1])
        found = None if named is None else lines.of(named, int(match[2]) - 1)
        if named is None or found is None:
            return match[0]
        return lines_said(found) if named is table else f"{named.name}.csv {lines_said(found)}"

    file = f"{table.name}.csv"
    message = _ROW.sub(said, problem.message)
    return _copy(problem, file, message, file=file, line=at[0], kind=problem.kind)


#: A row as :func:`documents_from_rows` names it: ``row 4``, ``table 'persons', row 12``.
_ROW: Final = re.compile(r"(?:table '([\w.]+)', )?\brow (\d+)")


def _at(
    problem: Problem,
    table: Table,
    index: int,
    column: str | None,
    lines: _Lines,
    said: str,
    message: str,
) -> Problem:
    """``problem`` at row ``index`` of ``table``'s file, in ``column`` (its ``field``; the
    record's field path where no column holds the value), the record and field it is of
    (``said``) told with its ``message``."""
    found = lines.of(table, index)
    if found is None:
        return problem
    file = f"{table.name}.csv"
    at = lines_said(found) + ("" if column is None else f", column {column!r}")
    field = column if column is not None else problem.field
    return _copy(problem, file, f"{at} ({said}): {message}", file=file, line=found[0], field=field)


def _copy(problem: Problem, location: str, message: str, **where: Any) -> Problem:
    """``problem`` at ``location``, saying ``message``: its code, kind, record, field,
    missing ID and the ID that replaces it kept, but where ``where`` says otherwise (its
    index in the documents is not a place in the files, and is left out)."""
    kept: dict[str, Any] = {"kind": problem.kind, "field": problem.field}
    return Problem(
        location,
        message,
        problem.code,
        record_id=problem.record_id,
        missing_id=problem.missing_id,
        redirects_to=problem.redirects_to,
        **{**kept, **where},
    )


def _table_of(
    kind: str, record_id: str, field: str | None
) -> tuple[Table, tuple[Any, ...], str | None]:
    """The table that holds a record's ``field`` (``participants[2].role``: the table of
    the participants), the keys of its row (the ID, the positions: ``(id, 2)``) and its
    column (``role``), or the kind's table, the ID and None where the field is no column."""
    table: Table = TABLES[kind]
    key: tuple[Any, ...] = (record_id,)
    steps = [(m[1], m[2]) for m in _STEP.finditer(field or "")]
    path: tuple[str, ...] = ()
    taken = 0
    for name, position in steps:
        if position is None:
            break
        inner = _table_at((*path, name), kind)
        if inner is None:
            break
        table, path, key, taken = inner, (*path, name), (*key, int(position)), taken + 1
    rest = steps[taken:]
    return table, key, _column_of(table, [name for name, _ in rest])


def _column_of(table: Table, path: list[str]) -> str | None:
    """The column of ``table`` that holds the value at ``path`` within the row's record or
    item (``["penalty", "kind"]``: ``penalty_kind``; ``["fields", ...]``: ``fields``; ``[]``
    in a table of texts: the text's column), or None."""
    best: tuple[int, str] | None = None
    for column in table.columns:
        if column.field is None:
            continue
        size = len(column.field)
        if tuple(path[:size]) == column.field and (best is None or size > best[0]):
            best = (size, column.name)
    return None if best is None else best[1]


def _table_at(path: Sequence[str], kind: str) -> Table | None:
    return next(
        (t for t in TABLES.values() if t.path == tuple(path) and kind in t.kinds),
        None,
    )
