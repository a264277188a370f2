"""The strict rule of a dataset's own version: it is a semantic version.

docs/loading.md says a dataset's version (``Dataset.version``: its descriptor's ``version``,
or one given as ``version=``) is a semantic version, ``MAJOR.MINOR.PATCH``, and
``load(version=)`` requirements are met only by one (:mod:`rightsdata._values.requirement`).
The descriptor's schema, the rules a load holds every dataset to, takes any text there, as
the published schemas of formats 2 and 3 do, so that data which loads today does not fail: a
version such as ``1.0`` is for the strict checks to refuse, as
:mod:`rightsdata._validation.strict`'s rules refuse what is well-formed but almost certainly
wrong. That module's rules judge records; this one judges the descriptor, and is listed with
them (docs/loading.md, which scripts/generate_docs.py writes from :data:`VERSION_RULE`).

>>> version_problem("3.1.0") is None, version_problem("3.2.0-rc.1+build.5") is None
(True, True)
>>> print(version_problem("v2"))
'v2' is not a semantic version (MAJOR.MINOR.PATCH): did you mean '2.0.0'? A version \
requirement (version=) is met only by a semantic version
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from rightsdata._values.errors import Problem, ProblemCode
from rightsdata._values.requirement import parse_version

__all__ = ["VERSION_RULE", "DescriptorRule", "version_problem", "version_problems"]


class DescriptorRule(NamedTuple):
    """A strict rule of the descriptor, named and worded as a
    :class:`~rightsdata._validation.strict.StrictRule` is (docs/loading.md lists it with
    them), with a descriptor it flags and one it passes (the tests load both)."""

    name: str
    prose: str
    details: tuple[str, ...]
    bad: dict[str, str]
    good: dict[str, str]


VERSION_RULE: Final = DescriptorRule(
    "semantic-version",
    "a dataset's `version` (its descriptor's, or one given as `version=`) is a semantic "
    "version, `MAJOR.MINOR.PATCH`",
    (
        "a pre-release and build metadata may follow it (`3.2.0-rc.1`, `3.1.0+build.5`)",
        "one or two numbers, or a version written with a `v` before it, are told the version "
        "they likely mean (`1.0`: `1.0.0`; `v2`: `2.0.0`)",
        "without `strict` any text loads, but no `version=` requirement is met by it",
    ),
    {"name": "mine", "version": "1.0"},
    {"name": "mine", "version": "1.0.0"},
)

#: One to three numbers, perhaps after a 'v' (and numbers with leading zeros): what a version
#: that is not a semantic version likely means.
_LOOSE: Final = re.compile(r"[vV]?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?", re.ASCII)


def version_problem(version: str) -> str | None:
    """What is wrong with a dataset's ``version``, if it is not a semantic version; else None.

    >>> print(version_problem("2024-01"))  # doctest: +ELLIPSIS
    '2024-01' is not a semantic version (MAJOR.MINOR.PATCH, such as '1.0.0'). A version ...
    """
    if parse_version(version) is not None:
        return None
    said = f"{version!r} is not a semantic version (MAJOR.MINOR.PATCH"
    loose = _LOOSE.fullmatch(version.strip())
    if loose is not None:
        numbers = [int(part) for part in loose.groups() if part is not None]
        meant = ".".join(map(str, numbers + [0] * (3 - len(numbers))))
        said += f"): did you mean {meant!r}?"
    else:
        said += ", such as '1.0.0')."
    return f"{said} A version requirement (version=) is met only by a semantic version"


def version_problems(
    version: str, location: str, *, file: str | None = None, line: int | None = None
) -> list[Problem]:
    """The strict problem of ``version`` at ``location`` (``datapackage.json.version``), if it
    is not a semantic version.

    >>> version_problems("1.0.0", "datapackage.json.version")
    []
    >>> [problem] = version_problems("1.0", "datapackage.json.version", file="datapackage.json")
    >>> print(problem.code, problem)
    strict datapackage.json.version: '1.0' is not a semantic version (MAJOR.MINOR.PATCH): did \
you mean '1.0.0'? A version requirement (version=) is met only by a semantic version
    """
    said = version_problem(version)
    if said is None:
        return []
    return [Problem(location, said, ProblemCode.STRICT, file=file, line=line)]
