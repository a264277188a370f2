"""What an export says about the data it holds: its licence and how to cite it.

A CSV file has no place for either, so the ``csv`` and ``datapackage`` exports write
:data:`README` beside their tables (a Data Package's ``datapackage.json`` gives the licence
too, under ``licenses``); a Parquet file and an export's manifest carry :func:`about` (the
licences and the citation) as JSON. Both come from the descriptor the dataset's files are
written with (:func:`~rightsdata._data.packagemeta.package_metadata`), so they say what its
``datapackage.json`` and :attr:`~rightsdata.Dataset.citation` say, and nothing is made up: a
dataset whose descriptor names no licence says none is stated, and the citation of a dataset
built on another names that one and its licence (``Built on: ...``).

>>> import rightsdata
>>> about(rightsdata.load())["licenses"][0]["name"]
'CC-BY-4.0'
>>> about(rightsdata.Dataset({}))["licenses"] is None
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__ = ["README", "about", "readme_text"]

#: The text file the ``csv`` and ``datapackage`` exports write beside their tables: the
#: dataset's licence and citation, for a reader of the folder alone.
README: Final = "README.txt"

_WIDTH: Final = 79


def about(dataset: Dataset) -> dict[str, Any]:
    """The dataset's licences and citation, as a Parquet file's metadata and an export's
    manifest carry them: ``licenses``, the list its descriptor gives (as in
    ``datapackage.json``), None where it gives none; ``citation``, its
    :attr:`~rightsdata.Dataset.citation`."""
    from rightsdata._data.packagemeta import package_metadata

    return _about(package_metadata(dataset))


def _about(package: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`about`, of the descriptor ``package`` the dataset is written with."""
    from rightsdata._data.citation import citation_text

    licences = package.get("licenses")
    return {
        "licenses": licences if isinstance(licences, list) and licences else None,
        "citation": citation_text(package),
    }


def _licence_lines(licences: object) -> list[str]:
    """Each licence as a line: its name and title, then its address (``path``).

    >>> _licence_lines([{"name": "CC-BY-4.0", "path": "https://example.org/by",
    ...                  "title": "Creative Commons Attribution 4.0"}])
    ['CC-BY-4.0 (Creative Commons Attribution 4.0): https://example.org/by']
    """
    lines = []
    for licence in licences if isinstance(licences, list) else ():
        if not isinstance(licence, Mapping):
            continue
        name, title, path = (licence.get(k) for k in ("name", "title", "path"))
        said = [text for text in (name, title) if isinstance(text, str) and text]
        line = said[0] if said else ""
        if len(said) == 2 and title != name:
            line += f" ({title})"
        if isinstance(path, str) and path:
            line = f"{line}: {path}" if line else path
        if line:
            lines.append(line)
    return lines


def readme_text(dataset: Dataset, format: str) -> str:
    """The text of :data:`README` for ``dataset``'s export in ``format`` (``csv`` or
    ``datapackage``): its licence, how to cite it, and what the files are.

    >>> import rightsdata
    >>> print(readme_text(rightsdata.Dataset({}), "csv"))  # doctest: +ELLIPSIS
    Licence: none stated (the dataset's descriptor names none).
    <BLANKLINE>
    Cite as:
      Unknown authors. Untitled dataset, no version. Licence: none stated. ...
    """
    from rightsdata._data.citation import is_built_on
    from rightsdata._data.packagemeta import package_metadata

    package = package_metadata(dataset)  # (once: the citation and the bases read it)
    said = _about(package)
    lines = _licence_lines(said["licenses"])
    sources = package.get("sources")
    bases = [
        str(entry["title"])
        for entry in (sources if isinstance(sources, list) else ())
        if is_built_on(entry) and isinstance(entry.get("title"), str)
    ]
    if not lines and bases:  # (its records' licence unsaid; those of what it is built on, said)
        text = (
            "Licence: none stated for this dataset's own records (its descriptor names none).\n"
            "It holds the records of the datasets it is built on too, each under its own "
            "licence:\n" + "".join(_wrapped(base, "  ") for base in bases)
        )
    elif not lines:
        text = "Licence: none stated (the dataset's descriptor names none).\n"
    elif len(lines) == 1:
        text = f"Licence: {lines[0]}\n"
    else:
        text = "Licences:\n" + "".join(f"  {line}\n" for line in lines)
    text += "\nCite as:\n" + _wrapped(said["citation"], "  ")
    text += "\n" + _wrapped(_FILES[format], "")
    return text


def _wrapped(text: str, indent: str) -> str:
    """``text`` wrapped to lines of at most :data:`_WIDTH` characters (a longer word, an
    address, is not broken), each after ``indent``."""
    lines = textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "".join(line + "\n" for line in lines)


#: What the files of each format that writes :data:`README` are.
_FILES: Final = {
    "csv": (
        "The other files are the dataset's tables, written by rightsdata: one CSV file per "
        "table (UTF-8, comma-separated, a header row; an empty cell is null). "
        "rightsdata's documentation (Exports) describes each table and its columns."
    ),
    "datapackage": (
        "The other files are the dataset's tables, written by rightsdata: one CSV file per "
        "table (UTF-8, comma-separated, a header row; an empty cell is null), and "
        "datapackage.json, a Frictionless Data Package that describes them (each table's "
        "columns, types and keys) and gives the licence and sources too."
    ),
}
