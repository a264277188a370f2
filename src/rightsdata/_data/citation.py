"""How to cite a dataset, from the data package descriptor it is written with (internal; see
Dataset.citation): its own descriptor with its name, version and sources filled in
(:func:`~rightsdata._data.packagemeta.package_metadata`), so that a citation is the same before
and after the dataset is written to files and read back.

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
    """A plain-text citation; says what is missing where the descriptor lacks it, and what
    to add to it (the same whether or not the dataset was read from files).

    >>> print(citation_text({"name": "m", "version": "2.0.0", "sources": []}))
    Unknown authors. m, version 2.0.0. Licence: none stated. (The descriptor \
(datapackage.json) gives no title, contributors or licenses: add them so that the dataset \
can be cited.)
    """
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
    missing = [
        part
        for part, given in (
            ("title", fields["title"]),
            ("version", fields["version"]),
            ("contributors", fields["contributors"]),
            ("licenses", fields["licenses"]),
        )
        if not given
    ]
    if missing:
        from rightsdata._values.joined import one_of

        text += (
            f" (The descriptor (datapackage.json) gives no {one_of(missing)}: add them so"
            " that the dataset can be cited.)"
        )
    return text
