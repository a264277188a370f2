"""How to cite a dataset, from its data package descriptor (internal; see Dataset.citation).

>>> print(citation_text({"title": "Cases", "version": "1.0.0", "name": "cases",
...     "contributors": [{"title": "A Team", "roles": ["author"]}],
...     "licenses": [{"name": "CC-BY-4.0"}], "sources": [{"title": "A report"}]}))
A Team. Cases (dataset cases), version 1.0.0. Licence: CC-BY-4.0. Sources: A report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["citation_fields", "citation_text"]


def _titles(items: object, *keys: str) -> list[str]:
    """The first of ``keys`` that each item of a descriptor list has, as text."""
    found: list[str] = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, Mapping):
            value = next((item[k] for k in keys if isinstance(item.get(k), str)), None)
            if value:
                found.append(value)
    return found


def citation_fields(descriptor: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parts of a citation: title, name, version, contributors, licences, sources."""
    descriptor = descriptor or {}
    licences = []
    for licence in descriptor.get("licenses") or ():
        if isinstance(licence, Mapping):
            name, title = licence.get("name"), licence.get("title")
            if isinstance(name, str) and isinstance(title, str) and title != name:
                licences.append(f"{name} ({title})")
            elif isinstance(name or title, str):
                licences.append(str(name or title))
    return {
        "title": descriptor.get("title") if isinstance(descriptor.get("title"), str) else None,
        "name": descriptor.get("name") if isinstance(descriptor.get("name"), str) else None,
        "version": (
            descriptor.get("version") if isinstance(descriptor.get("version"), str) else None
        ),
        "contributors": _titles(descriptor.get("contributors"), "title", "name"),
        "licenses": licences,
        "sources": _titles(descriptor.get("sources"), "title", "path"),
    }


def citation_text(descriptor: Mapping[str, Any] | None) -> str:
    """A plain-text citation; says what is missing where the descriptor lacks it."""
    fields = citation_fields(descriptor)
    authors = ", ".join(fields["contributors"]) or "Unknown authors"
    title = fields["title"] or fields["name"] or "Untitled dataset"
    parts = [f"{authors}. {title}"]
    if fields["name"] and fields["name"] != title:
        parts[0] += f" (dataset {fields['name']})"
    parts.append(f"version {fields['version']}" if fields["version"] else "no version")
    text = ", ".join(parts) + "."
    licences = "; ".join(fields["licenses"]) or "none stated"
    text += f" Licence: {licences}."
    if fields["sources"]:
        text += f" Sources: {'; '.join(fields['sources'])}."
    if descriptor is None:
        text += (
            " (This dataset has no datapackage.json: add one with a title, version,"
            " contributors and licenses so that it can be cited.)"
        )
    return text
