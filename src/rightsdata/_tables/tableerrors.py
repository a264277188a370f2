"""The error for bad data in tables read back (CSV files, rows): an ``InvalidDataError``, as
a failed load's, located to the file, line and column. Below every module of the tables
(:mod:`rightsdata._tables.tables` raises it too), so that none imports another upward.
"""

from __future__ import annotations

import os

from rightsdata._values.errors import InvalidDataError, Problem, ProblemCodeValue

__all__ = ["table_error"]


def table_error(
    where: str,
    message: str,
    code: ProblemCodeValue,
    *,
    line: int | None = None,
    column: str | None = None,
    record_id: str | None = None,
    row: int | None = None,
) -> InvalidDataError:
    """The error for bad data in tables: a :class:`rightsdata.InvalidDataError` (so a
    ``RightsdataError`` and a ``ValueError``) with one problem at ``where`` (a CSV file's
    path, or a table), whose ``line`` and ``field`` (the column) are set where known, and
    ``index`` the row's position (from 0; ``row`` counts from 1) where a table's row is. The
    path is said once, in the first line, and the problem is located at the file's name, as
    a failed load locates its problems (``persons.json[3] ...``).

    >>> print(table_error("out/persons.csv", "table 'persons', line 3: 2 fields", "syntax"))
    1 problem in out/persons.csv:
      persons.csv: table 'persons', line 3: 2 fields
    """
    file = os.path.basename(where) if where.endswith(".csv") else None
    at = where if file is None else file
    index = None if row is None else row - 1
    problem = Problem(
        at, message, code, file=file, index=index, line=line, field=column, record_id=record_id
    )
    return InvalidDataError([problem], where)
