"""A requirement on a dataset's version (``load(version="3.1")``), and whether a version meets it.

A dataset's version is a semantic version, ``MAJOR.MINOR.PATCH`` (a pre-release and build
metadata allowed: ``3.2.0-rc.1``, ``3.1.0+build.5``). A requirement is one to three of those
numbers, ``"3"``, ``"3.1"`` or ``"3.1.2"``, and means *this version or a later one of the same
major*: the parts left out are 0, so ``"3"`` is 3.0.0 up to before 4.0.0, ``"3.1"`` 3.1.0 up
to before 4.0.0, ``"3.1.2"`` 3.1.2 up to before 4.0.0. A major version changes the data's
fields (code written for one may break on the next); a minor adds data and a patch corrects
it, which code written for an earlier one still reads. From major 1 this is the rule of
Cargo's caret and npm's ``^``; unlike theirs, major 0 is a major like the others (``"0.2"``
is met by 0.9.1): a dataset's versions mean what they say of the data from its first
version on, where semantic versioning lets anything change before 1.0.0. Versions compare by
semantic versioning's precedence: a
pre-release comes before its release (``3.1.0-rc.1`` does not meet ``"3.1"``; ``3.2.0-rc.1``
does), and build metadata is ignored.

>>> meets("3.1.0", parse_requirement("3")), meets("3.1.0", parse_requirement("3.2"))
(True, False)
>>> meets("4.0.0", parse_requirement("3.1")), meets("3.1.0-rc.1", parse_requirement("3.1"))
(False, False)
>>> describe("3.1"), meets("0.9.1", parse_requirement("0.2"))
('3.1.0 or later, before 4.0.0', True)
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["describe", "meets", "parse_requirement", "parse_version"]

_NUMBER: Final = r"(?:0|[1-9][0-9]*)"  # (semantic versioning allows no leading zero)
_REQUIREMENT: Final = re.compile(rf"{_NUMBER}(?:\.{_NUMBER}){{0,2}}")
_IDENTIFIER: Final = r"[0-9A-Za-z-]+"
_VERSION: Final = re.compile(
    rf"({_NUMBER})\.({_NUMBER})\.({_NUMBER})"
    rf"(?:-({_IDENTIFIER}(?:\.{_IDENTIFIER})*))?"  # a pre-release
    rf"(?:\+{_IDENTIFIER}(?:\.{_IDENTIFIER})*)?"  # build metadata
)

#: A requirement parsed: the least version that meets it (major, minor, patch); the most is
#: the last of its major.
Requirement = tuple[int, int, int]


def parse_requirement(text: str) -> Requirement:
    """The least version a requirement admits; ValueError naming a malformed one (its callers
    refuse a value that is not text first: ``load(version=)``, ``DatasetVersionError``).

    >>> parse_requirement("3"), parse_requirement("3.1.2")
    ((3, 0, 0), (3, 1, 2))
    >>> parse_requirement(">=3")
    Traceback (most recent call last):
      ...
    ValueError: version='>=3' is not a version requirement: it is one to three numbers, such as \
'3' (any 3.x.y), '3.1' (3.1.0 or a later 3.x) or '3.1.2' (3.1.2 or a later 3.x)
    """
    if not _REQUIREMENT.fullmatch(text):
        raise ValueError(
            f"version={text!r} is not a version requirement: it is one to three numbers, "
            "such as '3' (any 3.x.y), '3.1' (3.1.0 or a later 3.x) or '3.1.2' (3.1.2 or a "
            "later 3.x)"
        )
    numbers = [int(part) for part in text.split(".")]
    major, minor, patch = numbers + [0] * (3 - len(numbers))
    return major, minor, patch


def parse_version(text: str) -> tuple[int, int, int, str | None] | None:
    """A semantic version's major, minor and patch, and its pre-release (None if it has none);
    None if ``text`` is not a semantic version.

    >>> parse_version("3.1.0"), parse_version("3.2.0-rc.1+b5"), parse_version("3.1")
    ((3, 1, 0, None), (3, 2, 0, 'rc.1'), None)
    """
    match = _VERSION.fullmatch(text)
    if match is None:
        return None
    major, minor, patch, pre = match.groups()
    return int(major), int(minor), int(patch), pre


def meets(version: str | None, requirement: Requirement) -> bool:
    """Whether a dataset's version meets a requirement: the same major, and not before the
    requirement's least version. A version that is None or not semantic meets none."""
    found = None if version is None else parse_version(version)
    if found is None:
        return False
    core, pre = found[:3], found[3]
    if core[0] != requirement[0]:
        return False
    # (the least version is a release: a pre-release of it comes before it)
    return core > requirement or (core == requirement and pre is None)


def describe(text: str) -> str:
    """The versions a (well-formed) requirement admits, in words."""
    major, minor, patch = parse_requirement(text)
    return f"{major}.{minor}.{patch} or later, before {major + 1}.0.0"
