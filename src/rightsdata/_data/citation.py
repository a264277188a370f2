"""How to cite a dataset, from the data package descriptor it is written with (internal; see
Dataset.citation): its own descriptor with its name, version and sources filled in
(:func:`~rightsdata._data.packagemeta.package_metadata`), so that a citation is the same before
and after the dataset is written to files and read back.

A dataset built on another (``base=``) cites that one too, after its own: the descriptor it is
written with lists the base among its ``sources``, as an entry with a ``version`` whose title
is the base's attribution (its authors, title, name, version and licence:
:func:`attribution`), and the citation says each such entry as ``Built on: ...``. So the
licence of the base (CC-BY-4.0 asks for attribution) is never dropped from the citation of
what was built on it, nor from an export of it read back.

>>> print(citation_text({"title": "Cases", "version": "1.0.0", "name": "cases",
...     "contributors": [{"title": "A Team", "roles": ["author"]}],
...     "licenses": [{"name": "CC-BY-4.0"}], "sources": [{"title": "A report"}]}))
A Team. Cases (dataset cases), version 1.0.0. Licence: CC-BY-4.0. Sources: A report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

__all__ = ["attribution", "citation_fields", "citation_text", "is_built_on"]


def _titles(items: object, *keys: str) -> list[str]:
    """The first of ``keys`` that each item of a descriptor list has, as text."""
    found: list[str] = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, Mapping):
            value = next((item[k] for k in keys if isinstance(item.get(k), str)), None)
            if value:
                found.append(value)
    return found


def is_built_on(entry: object) -> bool:
    """Whether a descriptor's ``sources`` entry is a dataset this one is built on: one with a
    ``version`` (the sources of records have none).

    >>> is_built_on({"title": "Cases", "version": "1.0.0"}), is_built_on({"title": "A report"})
    (True, False)
    """
    return isinstance(entry, Mapping) and isinstance(entry.get("version"), str)


def citation_fields(descriptor: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parts of a citation: title, name, version, contributors, licences, sources, and
    the datasets it is built on (``built_on``: each one's attribution, a ``sources`` entry
    with a version: :func:`is_built_on`), which ``sources`` leaves out.

    >>> fields = citation_fields({"name": "mine", "sources": [{"title": "A report"},
    ...     {"title": "Team. Cases (dataset cases), version 1.0.0. Licence: CC0",
    ...      "version": "1.0.0"}]})
    >>> fields["sources"], fields["built_on"]
    (['A report'], ['Team. Cases (dataset cases), version 1.0.0. Licence: CC0'])
    """
    descriptor = descriptor or {}
    entries = descriptor.get("sources")
    entries = entries if isinstance(entries, list) else []
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
        "sources": _titles([e for e in entries if not is_built_on(e)], "title", "path"),
        "built_on": [
            _built_on_text(e) for e in entries if is_built_on(e) and _titles([e], "title")
        ],
    }


def _built_on_text(entry: Mapping[str, Any]) -> str:
    """A dataset built on, as a citation says it: its title (an attribution, which names its
    version), and its version after it where the title does not name it."""
    title, version = str(entry["title"]), str(entry["version"])
    return title if version in title else f"{title}, version {version}"


def attribution(descriptor: Mapping[str, Any] | None) -> str:
    """Who made a dataset, what it is and under which licence, in a line: what a citation
    starts with, and what the citation of a dataset built on it names it by.

    >>> attribution({"title": "Cases", "version": "1.0.0", "name": "cases",
    ...     "contributors": [{"title": "A Team"}], "licenses": [{"name": "CC-BY-4.0"}]})
    'A Team. Cases (dataset cases), version 1.0.0. Licence: CC-BY-4.0'
    """
    fields = citation_fields(descriptor)
    authors = ", ".join(fields["contributors"]) or "Unknown authors"
    title = fields["title"] or fields["name"] or "Untitled dataset"
    parts = [f"{authors}. {title}"]
    if fields["name"] and fields["name"] != title:
        parts[0] += f" (dataset {fields['name']})"
    parts.append(f"version {fields['version']}" if fields["version"] else "no version")
    licences = "; ".join(fields["licenses"]) or "none stated"
    return f"{', '.join(parts)}. Licence: {licences}"


#: What ``rightsdata init`` writes where only a dataset's authors can say what goes (its
#: template's title, contributor and source): a citation that still holds one says so.
PLACEHOLDERS: Final = {
    "title": " (describe the dataset in a line)",
    "contributors": "Your name or organisation",
    "sources": " (replace with the document you draw on)",
}


def _placeheld(fields: Mapping[str, Any]) -> list[str]:
    """The parts of a citation (:func:`citation_fields`) that still hold a placeholder of
    :data:`PLACEHOLDERS`.

    >>> _placeheld({"title": "mine (describe the dataset in a line)", "contributors": []})
    ['title']
    """
    found = []
    for part, placeholder in PLACEHOLDERS.items():
        given = fields.get(part)
        texts = given if isinstance(given, list) else [given]
        if any(isinstance(text, str) and placeholder in text for text in texts):
            found.append(part)
    return found


def citation_text(descriptor: Mapping[str, Any] | None) -> str:
    """A plain-text citation; says what is missing where the descriptor lacks it, and what
    to add to it (the same whether or not the dataset was read from files); then the
    datasets it is built on, each's :func:`attribution` (``Built on: ...``).

    >>> print(citation_text({"name": "m", "version": "2.0.0", "sources": []}))
    Unknown authors. m, version 2.0.0. Licence: none stated. (The descriptor \
(datapackage.json) gives no title, contributors or licenses: add them so that the dataset \
can be cited.)
    """
    fields = citation_fields(descriptor)
    text = f"{attribution(descriptor)}."
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
    placeheld = _placeheld(fields)
    if placeheld:
        from rightsdata._values.joined import all_of

        text += (
            f" (Its {all_of(placeheld)} still hold the words `rightsdata init` wrote in their"
            " place: replace them with the dataset's own.)"
        )
    for base in fields["built_on"]:  # (its licence may ask for attribution: never dropped)
        text += f" Built on: {base}."
    return text
