"""The CHANGELOG says which version of each bundled dataset the release bundles (docs/api.md
promises it), and describes that version under The bundled dataset: a data release that
left either out would let a downstream package upgrade without knowing its data changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rightsdata

CHANGELOG = Path(__file__).resolve().parents[2] / "CHANGELOG.md"


def _section(text: str, heading: str) -> str:
    """The text under the ``## heading`` (``Unreleased``), up to its first ``###`` or the
    next ``##``."""
    start = text.index(f"\n## {heading}")
    rest = text[start + 1 :]
    ends = [m.start() for m in re.finditer(r"\n##", rest)]
    return rest[: ends[0]] if ends else rest


@pytest.mark.parametrize("name", sorted(rightsdata.datasets()))
def test_the_release_summary_names_the_bundled_version(name: str) -> None:
    version = rightsdata.datasets()[name]
    summary = _section(CHANGELOG.read_text("utf-8"), "Unreleased")
    named = re.findall(rf"`{re.escape(name)}` (\d+\.\d+\.\d+)", summary)
    assert named == [version], (
        f"CHANGELOG.md's summary of the release names {name} {named or 'with no version'}; "
        f"the package bundles {version}: say so (docs/api.md, The bundled dataset)"
    )


@pytest.mark.parametrize("name", sorted(rightsdata.datasets()))
def test_the_bundled_version_is_described(name: str) -> None:
    version = rightsdata.datasets()[name]
    assert version is not None  # (a bundled dataset has a version)
    text = CHANGELOG.read_text("utf-8")
    data = text[text.index("\n## The bundled dataset") :]
    assert re.search(rf"^### {re.escape(name)} {re.escape(version)}\b", data, re.M), (
        f"CHANGELOG.md has no '### {name} {version}' under The bundled dataset"
    )
