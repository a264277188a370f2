"""How deeply nested a JSON file rightsdata reads: one limit of its own, under every Python.

Python's JSON parsers (the json module's and msgspec's) recurse once per level of nesting
and give up where the interpreter says: Python 3.11 at its recursion limit of 1,000 frames,
shared with the frames of whatever called the load; 3.12 at 1,500 levels; 3.13 at 10,000.
Left to them, a file nested 2,000 levels deep would be "nested too deeply" under 3.11 and a
list of unknown fields under 3.13. So rightsdata refuses, under every Python, any JSON file
(or JSON Lines line) nested more than :data:`MAX_NESTING` levels, with one problem.

256 is far above any file rightsdata writes or reads as valid (a record nests 6 levels in a
kind file, one more in a JSON document; a data package descriptor at most 32,
``descriptor.MAX_DEPTH``), and far enough below 3.11's 1,000 frames that a load called from
a deep stack (a test runner, a notebook: under 100 frames) still parses it.

The depth is checked on the parsed value, by the diagnostic path only: the fast path's typed
decode refuses any record file nested deeper than a record (the diagnostic path then reads
it), so a valid file is never walked for its depth.

>>> deeper_than_limit([[["x"]]]), deeper_than_limit(nested(MAX_NESTING))
(False, False)
>>> deeper_than_limit(nested(MAX_NESTING + 1))
True
>>> print(nesting_problem("events.json"))
events.json: is nested too deeply to read: more than 256 levels
"""

from __future__ import annotations

from typing import Final

from rightsdata._values.errors import Problem, ProblemCode

__all__ = ["MAX_NESTING", "deeper_than_limit", "nested", "nesting_problem"]

#: The most levels of nesting a JSON file may hold (``[]`` is one, ``[[]]`` two).
MAX_NESTING: Final = 256


def deeper_than_limit(value: object) -> bool:
    """Whether a parsed JSON ``value`` nests lists and objects more than :data:`MAX_NESTING`
    levels deep (walked level by level, without recursion)."""
    level = [value]
    for _ in range(MAX_NESTING):
        inner: list[object] = []
        for item in level:
            if type(item) is list:
                inner += [x for x in item if type(x) is list or type(x) is dict]
            elif type(item) is dict:
                inner += [x for x in item.values() if type(x) is list or type(x) is dict]
        if not inner:
            return False
        level = inner
    return True


def nesting_problem(label: str) -> Problem:
    """The problem of a file (or line) at ``label`` nested more than :data:`MAX_NESTING`
    levels deep: what every Python reports for it, whether its parser recursed too deeply or
    read it."""
    return Problem(
        label, f"is nested too deeply to read: more than {MAX_NESTING} levels", ProblemCode.LIMIT
    )


def nested(levels: int) -> list[object]:
    """A list nested ``levels`` deep (``nested(2) == [[]]``), built without recursion."""
    value: list[object] = []
    for _ in range(levels - 1):
        value = [value]
    return value
