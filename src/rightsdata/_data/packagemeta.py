"""A dataset's data package descriptor as its files carry it (internal): the descriptor it
holds, with the profile, its name and version and its sources filled in.

One rule for every writer (a folder's ``datapackage.json``, the descriptor a JSON Lines file
or a JSON document carries, the tables' data package) and for the citation, which is built
from it so that it reads the same before and after an export. It asks the dataset only for
what a :class:`Described` has, so that the dataset can use it without an import circle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, Protocol

__all__ = ["DATAPACKAGE_PROFILE", "Described", "package_metadata"]

DATAPACKAGE_PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"


class _Titled(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str | None: ...


class Described(Protocol):
    """What :func:`package_metadata` reads of a dataset (a :class:`~rightsdata.Dataset`)."""

    @property
    def descriptor(self) -> Mapping[str, Any] | None: ...

    @property
    def name(self) -> str | None: ...

    @property
    def version(self) -> str | None: ...

    @property
    def sources(self) -> Iterable[_Titled]: ...

    @property
    def _built_on(self) -> tuple[Mapping[str, str], ...]: ...


def package_metadata(
    dataset: Described, descriptor: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The data package descriptor of ``dataset`` (``descriptor`` if given, else its own),
    with the profile, the dataset's name and version and its sources filled in: the source
    records, the datasets it was built on (``base=``: each an entry of its attribution and
    version, :mod:`rightsdata._data.citation`), then the descriptor's own ``sources``
    entries not among them (its resources are the caller's to set). A name or version the
    dataset does not have is left out, never made up: Data Package v2 requires neither, and
    only the dataset's authors can say what it is called or which release it is.

    >>> from rightsdata import Dataset
    >>> sorted(package_metadata(Dataset({})))
    ['$schema', 'sources']
    >>> mine = Dataset({}, descriptor={"sources": [{"title": "My fieldwork"}]})
    >>> package_metadata(mine)["sources"]
    [{'title': 'My fieldwork'}]
    """
    package: dict[str, Any] = dict(descriptor or dataset.descriptor or {})
    package.setdefault("$schema", DATAPACKAGE_PROFILE)
    # the dataset's own name and version: those its descriptor gives, or those it was given
    if dataset.name is not None:
        package["name"] = dataset.name
    if dataset.version is not None:
        package["version"] = dataset.version
    package["sources"] = _sources(dataset.sources, package.get("sources"), dataset._built_on)
    return package


def _sources(
    records: Iterable[_Titled], own: object, built_on: Iterable[Mapping[str, str]] = ()
) -> list[Any]:
    """The records' sources (a title and, where it has one, the address as ``path``), then
    the datasets it is built on (``built_on``, each its attribution as title, and its
    version: :mod:`rightsdata._data.citation`), then the descriptor's ``own`` entries but
    those written from them: an entry of a title and a path alone (as one is written from a
    record) that names a record by either is one an earlier rewrite wrote, written anew (a
    record's address identifies it when its title has changed); an entry that says more (a
    ``version``) is dropped only if an entry listed says all it says, so that nothing the
    descriptor says is lost. A user's own source (their fieldwork) is kept.

    >>> class S:
    ...     title, url = "A report", "https://example.org/r"
    >>> _sources([S()], [{"title": "A report"}, {"title": "Old title", "path": S.url},
    ...                  {"title": "A report", "path": "https://archive.org/r", "version": "2"},
    ...                  {"title": "My fieldwork"}])  # doctest: +NORMALIZE_WHITESPACE
    [{'title': 'A report', 'path': 'https://example.org/r'},
     {'title': 'A report', 'path': 'https://archive.org/r', 'version': '2'},
     {'title': 'My fieldwork'}]
    """
    listed = [{"title": s.title, **({"path": s.url} if s.url else {})} for s in records]
    listed += [dict(entry) for entry in built_on]
    seen: set[object] = {
        entry[key] for entry in listed for key in ("title", "path") if key in entry
    }
    for entry in own if isinstance(own, list) else ():
        if isinstance(entry, Mapping):
            if entry.keys() <= _WRITTEN and {entry.get(k) for k in _WRITTEN} & seen:
                continue  # (written from a record, perhaps since retitled: written anew)
            if any(entry.items() <= written.items() for written in listed):
                continue  # (all it says is said)
        listed.append(entry)
    return listed


#: What an entry written from a source record says: its title, and its address as ``path``.
_WRITTEN: Final = frozenset({"title", "path"})
