"""The pages name the public API by its public names, and a list of the kinds names them all."""

from __future__ import annotations

import importlib
import re

import rightsdata

from conftest import ROOT

PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
PUBLIC_MODULES = ("rightsdata.tables", "rightsdata.vocab", "rightsdata.schema")


def _public_objects() -> dict[int, str]:
    """Every public object, by identity, with its public name."""
    named = {id(getattr(rightsdata, n)): f"rightsdata.{n}" for n in rightsdata.__all__}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for n in module.__all__:
            named.setdefault(id(getattr(module, n)), f"{module_name}.{n}")
    return named


def _private_path(text: str) -> list[str]:
    return re.findall(r"rightsdata(?:\.\w+)*\._\w+(?:\.\w+)+", text)


def test_a_page_names_a_public_object_by_its_public_name() -> None:
    public = _public_objects()
    wrong = []
    for page in PAGES:
        if page.name == "changelog.md":  # (the CHANGELOG says what was, under its name then)
            continue
        for path in set(_private_path(page.read_text(encoding="utf-8"))):
            module_name, _, name = path.rpartition(".")
            try:
                value = getattr(importlib.import_module(module_name), name)
            except (ImportError, AttributeError):
                continue  # a private module itself, or an attribute of one (internals)
            if id(value) in public:
                wrong.append(f"{page.name}: {path} is {public[id(value)]}")
    assert not wrong


def test_the_check_finds_a_private_path() -> None:
    assert _private_path("a `rightsdata._data.query.Figures`.") == [
        "rightsdata._data.query.Figures"
    ]
    assert _public_objects()[id(rightsdata.Figures)] == "rightsdata.Figures"


def test_a_list_of_the_kinds_files_names_every_kind() -> None:
    files = {f"{kind}.json" for kind in rightsdata.KINDS}
    short = []
    for page in PAGES:
        text = " ".join(page.read_text(encoding="utf-8").split())
        for run in re.findall(r"`\w+\.json`(?:,? (?:and |or )?`\w+\.json`)+", text):
            named = set(re.findall(r"`(\w+\.json)`", run)) & files
            if len(named) >= 5 and named != files:
                short.append(f"{page.name}: {run} lacks {sorted(files - named)}")
    assert not short
