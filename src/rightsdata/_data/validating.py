"""``rightsdata.validate``: every problem of a dataset, or of one kind's file checked alone.

Above both readers it chooses between: :mod:`rightsdata._data.loading` reads datasets, and
:mod:`rightsdata._data.kindfile` (which builds on it) checks one kind's file alone, as
``rightsdata validate events.json`` does.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rightsdata._data.dataset import Dataset
from rightsdata._data.loading import DEFAULT_MAX_BYTES, dataset_problems
from rightsdata._values.errors import Problems, checked, printable
from rightsdata._values.shell import python_call, python_literal, shell_path

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["kind_file_base_message", "validate"]


def validate(
    path: str | os.PathLike[str],
    *,
    schema: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    base: Dataset | None = None,
    strict: bool = False,
    max_problems: int | None = None,
) -> Problems:
    """Every problem :func:`load_path` would raise for ``path``, returned instead: a list,
    empty if the data is valid. ``base``: the dataset it builds on, and ``strict``: whether
    to report questionable data too, as for :func:`load_path`. ``max_problems``: stop once
    that many problems are found, as :func:`load_path` does; the list's ``stopped_at`` is then
    that number (None when it is every problem).

    The list is a :class:`~rightsdata.Problems`, whose ``unchecked`` names the kinds not
    checked in full (references to them, and the checks that need their records: some of
    their records could not be read), as the error's ``unchecked``
    (:class:`~rightsdata.InvalidDataError`) does: where it names any, a run after the fixes
    may report more. A check in CI can say so:

    >>> import rightsdata, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     exported = rightsdata.load().export(folder, "json")
    ...     rightsdata.validate(folder)
    []
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (pathlib.Path(folder) / "events.json").write_text(
    ...         '[{"id": "event:a", "kind": "protest", "title": "A protest",'
    ...         ' "citations": [{"source": "source:a"}]}]', encoding="utf-8")
    ...     not_json = "[{"
    ...     _ = (pathlib.Path(folder) / "sources.json").write_text(not_json, encoding="utf-8")
    ...     problems = rightsdata.validate(folder)
    >>> len(problems), problems.unchecked
    (1, ('sources',))

    One kind's file (``events.json``, a list of events), which :func:`load_path` refuses as
    no dataset, is checked alone, as ``rightsdata validate events.json`` checks it: its
    records field by field and the references among them. Its references to other kinds
    cannot be checked without their files: ``unchecked`` names those kinds (never a problem
    of a record that does not exist). ``base=`` is refused with it (``ValueError``):
    validate the folder that holds it.

    >>> with tempfile.TemporaryDirectory() as folder:
    ...     exported = rightsdata.load().export(folder, "json")
    ...     problems = rightsdata.validate(pathlib.Path(folder) / "events.json")
    >>> problems == [], problems.unchecked[:3]
    (True, ('sources', 'persons', 'organizations'))
    """
    from pathlib import Path

    from rightsdata._data.kindfile import check_kind_file, kind_file_alone

    file = Path(checked(path, "path", "a path (a str or a pathlib.Path)", (str, os.PathLike)))
    if kind_file_alone(file) is None:
        return dataset_problems(
            path,
            schema=schema,
            max_bytes=max_bytes,
            base=base,
            strict=strict,
            max_problems=max_problems,
        )
    if base is not None:
        raise ValueError(kind_file_base_message(file, "base="))
    check = check_kind_file(
        file, schema=schema, max_bytes=max_bytes, strict=strict, max_problems=max_problems
    )
    return Problems(check.problems, check.not_checked, stopped_at=check.stopped_at)


def kind_file_base_message(path: Path, given: str, base: str = "...") -> str:
    """Why a base is refused with one kind's file at ``path`` (``given``: how the base was
    given, ``base=`` or ``--base``), and what to do: validate its folder over the base
    (``base``: the base as a word of the command, where it is known).

    >>> from pathlib import Path
    >>> kind_file_base_message(Path("ds/events.json"), "base=")  # doctest: +NORMALIZE_WHITESPACE
    "base= checks a dataset against the one it builds on; ds/events.json is one kind's file:
    validate its folder (`rightsdata.validate('ds', base=...)`)"
    """
    if given == "--base":
        again = f"`rightsdata validate {shell_path(str(path.parent))} --base {base}`"
    else:
        again = python_call(f"rightsdata.validate({python_literal(str(path.parent))}, base=...)")
    return (
        f"{given} checks a dataset against the one it builds on; {printable(str(path))} is "
        f"one kind's file: validate its folder ({again})"
    )
