"""Paths the command line cannot read: a file or folder it may not read (no permission), a
FIFO, a device, a loop of symbolic links. The loader reports each as a problem of code
``file``; where they are all a load found, the data was not judged, and the command line
tells them as it tells a missing file, a usage error (exit code 2), naming each path and
the system's reason, rather than as invalid data (exit code 1). Data with other problems is
invalid, whatever else could not be read: those are listed among them, exit code 1."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rightsdata._values.errors import Problem, ProblemCode, printable_path
from rightsdata._values.windows import nothing_there

__all__ = ["missing", "unreadable"]


def missing(path: Path) -> bool:
    """Whether nothing is at ``path`` (or a link to nothing). Anything else the system says
    of it (no permission, a name too long, a loop of links) is for the load to report, in
    its words: ``Path.exists()`` said False for a loop of links too, told as no such file.

    >>> missing(Path("no-such-file")), missing(Path("."))
    (True, False)
    """
    try:
        os.stat(path)
    except NotADirectoryError:
        return True
    except OSError as error:  # (Windows says a path too long is no file: it is for the load)
        return nothing_there(error)
    except ValueError:
        return False
    return False


def unreadable(problems: Sequence[Problem], path: str, option: str = "") -> str | None:
    """Where every one of ``problems`` (a load of ``path``, given to ``option`` or as the
    command's argument) is a path that cannot be read as a file (code ``file``), the usage
    error that says so: each path, as the command line shows a path, and what the system
    said of it (``ds/persons.json: cannot be read: Permission denied``); else None.

    >>> denied = Problem("x.json", "cannot be read: Permission denied", "file", file="x.json")
    >>> unreadable([denied], "x.json", "--data")
    '--data x.json: cannot be read: Permission denied'
    >>> unreadable([denied, Problem("x.json[0]", "required field is missing")], "x.json")
    """
    from rightsdata._data.folderfiles import not_a_dataset

    # (a path that holds no dataset, a table, is told what to give instead: main._wrong_path)
    if not problems or not_a_dataset(problems):
        return None
    if any(problem.code != ProblemCode.FILE for problem in problems):
        return None
    given = f"{option} {printable_path(path)}" if option else printable_path(path)
    said = []
    for problem in problems:
        within = _within(problem, path)
        if within is None:
            said.append(f"{given}: {problem.message}")
        else:
            also = f" ({given})" if option else ""
            said.append(f"{printable_path(str(within))}: {problem.message}{also}")
    return "; ".join(said)


def _within(problem: Problem, path: str) -> Path | None:
    """The path of the file in the folder ``path`` that ``problem`` concerns; None where it
    concerns ``path`` itself (the folder, or the file given, which a problem names by its
    name alone)."""
    if Path(problem.location) == Path(path) or not os.path.isdir(path):
        return None
    return Path(path) / problem.location
