"""Which JSON Schema problems (``schema=True``) restate one the model found, so that each
problem is reported once, in the model's words (internal).

The schemas and the model judge the same values, and the model's words are the clearer
(``'2012-13-01' is not an EDTF date: month 13 does not exist``, where the schema says
``... is not valid under any of the given schemas``; ``did you mean 'verdict'?`` where it
lists every term). A schema problem restates the model's when it concerns a value the model
refused: at the same field, or at a part holding one (a date or a duration is one of several
forms, ``anyOf``: the schema refuses the whole penalty where the model names its ``term``);
for a required field or an unknown one, which the schema says at the object holding it, at
that field.

>>> from rightsdata._values.errors import Problem, ProblemCode
>>> model = Problem("e.json[0] event:a.penalty.term", "'P7X' is not a duration",
...                 field="penalty.term")
>>> schema = [
...     Problem("e.json[0] event:a.penalty", "{...} is not valid under any of the given "
...             "schemas", ProblemCode.SCHEMA, field="penalty"),
...     Problem("e.json[0] event:a", "'title' is a required property", ProblemCode.SCHEMA),
... ]
>>> [p.message for p in told_once([model, *schema])]
["'P7X' is not a duration", "'title' is a required property"]
"""

from __future__ import annotations

import re
from typing import Final

from rightsdata._values.errors import Problem, ProblemCode

__all__ = ["told_once"]

#: jsonschema's words for a required property that is absent, and for properties not allowed
_REQUIRED: Final = re.compile(r"'(?P<name>[^'\\]*)' is a required property")
_ADDITIONAL: Final = re.compile(
    r"Additional properties are not allowed \((?P<names>.*) (?:was|were) unexpected\)"
)
_QUOTED: Final = re.compile(r"'([^'\\]*)'")


def told_once(problems: list[Problem]) -> list[Problem]:
    """``problems`` less each schema problem that restates one the model found (the module
    says which do): what only the schemas find is kept, as ``schema``."""
    model = [p for p in problems if p.code != ProblemCode.SCHEMA]
    if len(model) == len(problems):
        return problems
    said = {p.location for p in model}
    holding = _holding(model)
    return [p for p in problems if p.code != ProblemCode.SCHEMA or not _restates(p, said, holding)]


def _holding(model: list[Problem]) -> set[str]:
    """The locations of the parts that hold a field the model found a problem in: for
    ``...event:a.figures[0].low``, ``...event:a.figures[0]`` and ``...event:a.figures``."""
    found: set[str] = set()
    for problem in model:
        field = problem.field
        if not field:
            continue
        record = problem.location[: len(problem.location) - len(field)]  # (with its ".")
        for at, char in enumerate(field):
            if char in ".[" and at:
                found.add(record + field[:at])
    return found


def _restates(problem: Problem, said: set[str], holding: set[str]) -> bool:
    subjects = _subjects(problem)
    if subjects is not None:
        return all(subject in said for subject in subjects)
    if problem.location in said:
        return True
    # a part of a record (a record as a whole holds every field: its problems are its own)
    return problem.field is not None and problem.location in holding


def _subjects(problem: Problem) -> list[str] | None:
    """The locations of the fields a schema problem said at their object is about: the
    required field absent, the properties not allowed; None for any other problem."""
    message = problem.message
    required = _REQUIRED.fullmatch(message)
    if required is not None:
        return [f"{problem.location}.{required['name']}"]
    additional = _ADDITIONAL.fullmatch(message)
    if additional is not None:
        names = _QUOTED.findall(additional["names"])
        # (an empty name, a key "", the model tells at the object itself)
        subjects = [f"{problem.location}.{name}" if name else problem.location for name in names]
        return subjects or None
    return None
