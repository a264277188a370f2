"""The canonical form of a dataset folder, and the command that writes it (``rightsdata fmt``).

Canonical means: one file per record kind that has records (or had a file), records sorted
by ID, their fields in the model's order, ``json.dumps(..., ensure_ascii=False, indent=2)``
plus a final newline; and a ``datapackage.json`` whose resources list each file (with its size
and SHA-256 hash where the folder records them: a published dataset does, so that a changed
file is caught; one being edited need not), whose ``sources`` list the dataset's source
records, and whose ``rightsdata_format`` names the format (see docs/concepts.md, "A format
that can grow"):

- **format 2** (what this library writes where no date is a set): optional fields that are
  null or empty are left out; the files are exactly what ``Dataset.to_dict()`` writes, so
  adding an optional field to the model changes no canonical file;
- **format 3** (what it writes where some date is a set, ``[2022-01-14,2022-01-15]``): as
  format 2. A dataset is written in the lowest format it needs, so that one without sets
  stays readable by the releases that read formats 1-2;
- **format 4** (what it writes where some figure says what it counts, ``of``): as format 2,
  for the same reason;
- **format 1**: every field is written, ``null`` or ``[]`` where empty. ``rightsdata fmt``
  keeps a format-1 folder in format 1; ``rightsdata fmt --upgrade`` rewrites it in format 2.

>>> from rightsdata._data.canonical import dumps
>>> print(dumps([{"id": "place:almaty"}]), end="")
[
  {
    "id": "place:almaty"
  }
]
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator

from rightsdata._data.bytemarks import unmarked
from rightsdata._data.dataset import Dataset
from rightsdata._data.listedfiles import listed_file
from rightsdata._data.loading import DESCRIPTOR, own_files, own_part, read_folder
from rightsdata._data.packagemeta import package_metadata
from rightsdata._model.fields import spec_of
from rightsdata._model.records import KINDS, RECORD_TYPES
from rightsdata._values.atomic import write_all
from rightsdata._values.format import (
    EMBEDDED_FROM,
    FIELDS_FROM,
    FORMAT_KEY,
    FormatVersion,
    format_of,
    kind_file,
    kind_format,
    kinds_in,
    lowest_format,
    schema_id,
)
from rightsdata._values.hints import field_hints, nested_part

__all__ = [
    "LinkedFileError",
    "dumps",
    "embedded_descriptor",
    "format_folder",
    "linked",
    "records_hashes",
    "render_folder",
    "schema_id",
    "sha256",
    "unmeasured",
    "with_every_field",
    "without_empty_fields",
]


class LinkedFileError(ValueError):
    """``rightsdata fmt`` would rewrite a file of the folder that is a symbolic link: it
    refuses, and writes nothing (:func:`format_folder`)."""


def linked(folder: Path, names: list[str]) -> list[str]:
    """Which of the files ``names`` of ``folder`` are symbolic links, each said with where it
    leads (``"events.json (a symbolic link to ../shared/events.json)"``).

    >>> linked(Path("."), ["no-such-file.json"])
    []
    """
    said = []
    for name in names:
        path = folder / name
        if path.is_symlink():
            said.append(f"{name} (a symbolic link to {os.readlink(path)})")
    return said


def link_refusal(folder: Path, links: list[str]) -> str:
    """Why fmt does not rewrite the files ``links`` (of :func:`linked`) of ``folder``, and
    what to do.

    >>> link_refusal(Path("ds"), ["events.json (a symbolic link to x.json)"])  # doctest: +ELLIPSIS
    'ds/events.json (a symbolic link to x.json) is not in canonical form, and fmt does not...'
    """
    from rightsdata._values.joined import all_of

    files = all_of(str(folder / name) for name in links)
    are = "are" if len(links) > 1 else "is"
    return (
        f"{files} {are} not in canonical form, and fmt does not replace a symbolic link with "
        "a file (the file it leads to would be left as it is) nor rewrite the file it leads "
        "to (which may lie outside the folder): put the file itself in place of the link, "
        "then run fmt again"
    )


def dumps(value: Any) -> str:
    """JSON text in the canonical formatting."""
    # Characters stay raw, U+2028 and U+2029 too (unlike JSON Lines, rightsdata._tables.export
    # .json_line): a canonical file is one JSON document, read whole, never split into lines,
    # and it is written to be read and reviewed as text, where an escape would hide what a
    # text holds; a reader splitting it into lines would break it at every "\n" anyway.
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def sha256(text: str) -> str:
    """The hash of a file's UTF-8 bytes, as a data package writes it: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def embedded_descriptor(dataset: Dataset) -> dict[str, Any] | None:
    """The descriptor a JSON Lines file (or a JSON document) of ``dataset`` carries: that of
    :func:`package_metadata` without resources (they describe a folder's files), with the
    dataset's name and version, declaring the format the file is written in: the lowest its
    records need, and at least 3, the first in which these layouts carry a descriptor (the
    format the dataset's descriptor declares is not kept, as no writer keeps it); None for a
    dataset with no descriptor, name or version that is built on no other (nothing to carry:
    the file stays readable by the releases that read formats 1-2). A dataset built on
    another (``base=``) carries one whatever it has, since its ``sources`` name that dataset
    with its licence (:mod:`rightsdata._data.citation`), whose records the file holds too.

    >>> from rightsdata import Dataset
    >>> embedded_descriptor(Dataset({})) is None
    True
    >>> embedded_descriptor(Dataset({}, name="x", version="1.0.0"))  # doctest: +ELLIPSIS
    {'$schema': '...', 'name': 'x', 'version': '1.0.0', 'sources': [], 'rightsdata_format': 3}
    """
    if (
        dataset.descriptor is None
        and dataset.name is None
        and dataset.version is None
        and not dataset._built_on
    ):
        return None
    package = package_metadata(dataset)
    package.pop("resources", None)
    records: dict[str, Any] = {kind: getattr(dataset, kind) for kind in KINDS}
    package[FORMAT_KEY] = max(EMBEDDED_FROM, lowest_format(records))
    return package


def with_every_field(cls: type, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (a record or part of ``cls`` in format 2) with every field of format 1
    written, null or an empty list where it was left out: the format-1 form. A field a later
    format added (a figure's ``of``) is written only where it has a value, which a dataset
    of format 1 never has: a reader of format 1 refuses it, even null.

    >>> from rightsdata._model.records import Citation
    >>> with_every_field(Citation, {"source": "source:a"})
    {'source': 'source:a', 'locator': None, 'quote': None, 'fields': None, 'confidence': None}
    """
    full: dict[str, Any] = {}
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        if field.name not in document:
            if (cls.__name__, field.name) not in FIELDS_FROM:
                full[field.name] = [] if spec_of(field).many else None
            continue
        value = document[field.name]
        nested, many = nested_part(hints[field.name])
        if nested is not None and value is not None:
            value = (
                [with_every_field(nested, item) for item in value]
                if many
                else with_every_field(nested, value)
            )
        full[field.name] = value
    return full


def without_empty_fields(cls: type, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (a record or part of ``cls`` that may write every field) in format 2:
    the optional fields that are null or empty left out. The inverse of
    :func:`with_every_field`.

    >>> from rightsdata._model.records import Citation
    >>> without_empty_fields(Citation, {"source": "source:a", "locator": None, "fields": None})
    {'source': 'source:a'}
    """
    compact: dict[str, Any] = {}
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        if field.name not in document:
            continue
        value = document[field.name]
        spec = spec_of(field)
        if spec.optional and (value is None or (spec.many and value == [])):
            continue  # (an empty list where the default is null, as a citation's fields, stays)
        nested, many = nested_part(hints[field.name])
        if nested is not None and value is not None:
            value = (
                [without_empty_fields(nested, item) for item in value]
                if many
                else without_empty_fields(nested, value)
            )
        compact[field.name] = value
    return compact


def render_folder(
    dataset: Dataset,
    descriptor: dict[str, Any] | None = None,
    *,
    present: tuple[str, ...] | None = None,
    format: FormatVersion | None = None,
    others_in: Path | None = None,
    hashes: bool = True,
    others_hashes: bool | None = None,
) -> dict[str, str]:
    """The canonical text of every file of ``dataset``'s folder, by file name.

    A kind gets a file if it has records or is named in ``present`` (the kinds whose files
    exist) and the format written has it (a kind a later format added, ``KINDS_FROM``, has
    no file in an older format's folder, whose readers refuse one, even empty).
    ``present=None`` means the kinds the descriptor's resources list, or every kind when it
    lists none: so a dataset read from a folder without ``groups.json`` is written without
    one. ``format`` is the format to write (default: the lowest the dataset needs, 3
    if a date is a set, else 2); a format-1 descriptor is left without the key, as format 1
    had none. The resources name the schemas of the format written. ``others_in`` is the folder
    rewritten in place: the descriptor's entries for files that are not the dataset's own (a
    README, a table of the author's) are kept, after its own (a new folder has none of those
    files). ``hashes``: whether the dataset's own resources give each file's ``bytes`` and
    ``hash`` (a load then refuses a file that no longer matches them). ``others_hashes``:
    the same for the other entries: True gives them (for a file of the folder), False
    removes them, None makes those an entry gives those of its file as it is.
    """
    package = package_metadata(dataset, descriptor)
    others = _other_resources(package, others_in, others_hashes) if others_in is not None else []
    if present is None:
        listed = [r.get("path") for r in package.get("resources", ()) if isinstance(r, dict)]
        present = tuple(kind for kind in KINDS if kind_file(kind) in listed) or KINDS
    version = (
        lowest_format({kind: getattr(dataset, kind) for kind in KINDS})
        if format is None
        else format
    )
    package.pop(FORMAT_KEY, None)  # (set last, below: one place for it in every descriptor)
    documents = dataset.to_dict()
    if version == 1:
        documents = {
            kind: [with_every_field(RECORD_TYPES[kind], doc) for doc in docs]
            for kind, docs in documents.items()
        }
    readable = kinds_in(version)
    kinds = [
        kind for kind in KINDS if documents.get(kind) or (kind in present and kind in readable)
    ]
    files = {kind_file(kind): dumps(documents.get(kind, [])) for kind in kinds}
    if dataset.redirects:
        files["redirects.json"] = dumps(
            [{"id": old, "to": new} for old, new in sorted(dataset.redirects.items())]
        )
    described = _own_descriptions(package.get("resources"))
    package["resources"] = [
        _resource(kind, version, files[kind_file(kind)] if hashes else None)
        | described.get(kind_file(kind), {})
        for kind in kinds
    ] + others
    if version != 1:
        package[FORMAT_KEY] = version
    files[DESCRIPTOR] = dumps(package)
    return files


#: The properties of a dataset's own file's resource entry that are the file's, written anew
#: from it by every rewrite (:func:`_resource`); any other the descriptor's rules take (a
#: ``title``, a ``description``, the file's own ``licenses`` or ``sources``) is the
#: author's, and kept.
_DERIVED: Final = frozenset(
    {"name", "path", "format", "mediatype", "encoding", "schema", "bytes", "hash"}
)


def _own_descriptions(resources: object) -> dict[str, dict[str, Any]]:
    """What the author wrote in the entries of the dataset's own files (each file's name,
    ``events.json``, to the properties of its entry that are not :data:`_DERIVED`), so that
    a rewrite keeps them: a file's own licence, its title.

    >>> _own_descriptions([{"path": "./persons.json", "name": "persons", "title": "People"}])
    {'persons.json': {'title': 'People'}}
    """
    kept: dict[str, dict[str, Any]] = {}
    for entry in resources if isinstance(resources, list) else ():
        path = entry.get("path") if isinstance(entry, dict) else None
        if isinstance(path, str) and _own_file(path):
            said = {key: value for key, value in entry.items() if key not in _DERIVED}
            if said:
                kept.setdefault(posixpath.normpath(path), said)
    return kept


def _resource(kind: str, version: FormatVersion, text: str | None) -> dict[str, Any]:
    """The resource entry of ``kind``'s file, with the size and hash of its ``text`` if given."""
    entry: dict[str, Any] = {
        "name": kind,
        "path": kind_file(kind),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "schema": schema_id(kind, max(version, kind_format(kind))),  # (one that has the kind)
    }
    if text is not None:
        entry["bytes"] = len(text.encode("utf-8"))
        entry["hash"] = sha256(text)
    return entry


def records_hashes(descriptor: dict[str, Any] | None) -> bool:
    """Whether ``descriptor`` gives the ``bytes`` or ``hash`` of any of the dataset's own
    files: a folder that records them keeps recording them, for every file it has.

    >>> records_hashes({"resources": [{"path": "events.json", "bytes": 3}]})
    True
    >>> records_hashes({"resources": [{"path": "events.json"}]}), records_hashes(None)
    (False, False)
    """
    resources = (descriptor or {}).get("resources")
    return any(
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and _own_file(entry["path"])
        and bool({"bytes", "hash"} & entry.keys())
        for entry in (resources if isinstance(resources, list) else ())
    )


def _others(resources: object) -> Iterator[tuple[int, Any, str | None]]:
    """Each ``(index, entry, path)`` of the ``resources`` a descriptor lists that is not one of
    the dataset's own files (a README; ``path`` None if the entry gives no string)."""
    for index, entry in enumerate(resources if isinstance(resources, list) else ()):
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str):
            yield index, entry, None
        elif not _own_file(path):
            yield index, entry, path


def _own_file(path: str) -> bool:
    """Whether a resource's ``path`` names one of the dataset's own files (``./events.json``
    too), whose entry fmt writes anew.

    >>> _own_file("./events.json"), _own_file("README.md")
    (True, False)
    """
    return posixpath.normpath(path) in own_files()


def _other_resources(package: dict[str, Any], folder: Path, hashes: bool | None) -> list[Any]:
    """The resources a descriptor lists that are not the dataset's own files, with the
    ``bytes`` and ``hash`` of their files in ``folder`` as ``hashes`` says
    (:func:`_measured`)."""
    return [
        entry if path is None else _measured(entry, folder, path, hashes)
        for _, entry, path in _others(package.get("resources", ()))
    ]


def _measured(
    entry: dict[str, Any], folder: Path, path: str, hashes: bool | None
) -> dict[str, Any]:
    """``entry`` (of the file at ``path`` in ``folder``) with no ``bytes`` and ``hash`` if
    ``hashes`` is False, or if its path is a symbolic link or goes through one
    (:func:`~rightsdata._data.listedfiles.listed_file`: never measured while it is one; a
    load refuses such an entry that gives them); as it is if the file is missing or no
    regular file (it may come back: a load refuses the entry until it does); else with both
    (if True) or those it gives (if None) made those of the file. :func:`unmeasured` says
    which it did not measure, and why, for ``rightsdata fmt`` to tell.

    >>> _measured({"path": "a.md", "bytes": 3, "hash": "sha256:0"}, Path("."), "a.md", False)
    {'path': 'a.md'}
    """
    given = {"bytes", "hash"} if hashes else {"bytes", "hash"} & entry.keys()
    rule = listed_file(folder, path) if given and hashes is not False else None
    if hashes is False or (rule is not None and rule.link is not None):
        return {key: value for key, value in entry.items() if key not in ("bytes", "hash")}
    if rule is None or rule.why is not None or rule.names is None:
        return entry
    data = folder.joinpath(*rule.names).read_bytes()  # (the names the rule checked)
    measured = dict(entry)
    if "bytes" in given:
        measured["bytes"] = len(data)
    if "hash" in given:
        measured["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    return measured


def unmeasured(folder: Path, hashes: bool | None = None, *, check: bool = False) -> list[str]:
    """What ``rightsdata fmt`` (with ``hashes`` as it was given; ``check``: ``--check``,
    which writes nothing) tells of the other files ``folder``'s descriptor lists that it
    does not measure (:func:`_measured`): each whose entry gives a size or hash (fmt removes
    a link's, and keeps a missing file's), or each with ``hashes=True``, as
    ``resources[i] names 'x', which ...``, in the load's words (asked before fmt writes).

    >>> unmeasured(Path("no-such-folder"))
    []
    """
    file = folder / DESCRIPTOR
    try:
        # (read past byte-order marks, as the load before it: fmt removes them)
        descriptor = json.loads(unmarked(file.read_bytes())[0]) if file.is_file() else {}
    except (OSError, ValueError):
        return []  # (a descriptor fmt could not read is refused before this)
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    said = []
    for index, entry, path in _others(resources):
        if path is None:
            continue
        gives = bool({"bytes", "hash"} & entry.keys())
        if hashes is False or not (gives or hashes):
            continue
        rule = listed_file(folder, path)
        if rule.why is None:
            continue
        why = f"resources[{index}] {rule.said(path)}, so fmt does not measure it"
        if rule.refused:
            why += ", and a load refuses it"
        elif rule.link is not None:
            why += " (a load never reads another file through a link)"
        if gives and rule.link is not None:
            removes = "would remove" if check else "removes"
            why += f"; fmt {removes} the size and hash its entry gives (a load refuses them)"
        elif gives:
            keeps = "would keep" if check else "keeps"
            why += (
                f"; fmt {keeps} the size and hash its entry gives, for when the file is "
                "there as a regular file (a load refuses the entry until it is)"
            )
        said.append(why)
    return said


def format_folder(
    folder: Path,
    *,
    check: bool = False,
    upgrade: bool = False,
    base: Dataset | None = None,
    hashes: bool | None = None,
) -> list[str]:
    """Rewrite ``folder`` in canonical form; return the names of files that changed.

    With ``check=True`` nothing is written: the names are the files that are not canonical.
    A folder is written in the lowest format its data needs (2, or 3 if a date is a set),
    except that a format-1 folder stays in format 1; with ``upgrade=True`` it too is
    rewritten in the lowest format it needs, and so is a folder declaring a format too old
    for its data (a set in a format-2 folder: the load refuses it, the upgrade declares 3).
    A folder without ``datapackage.json`` (written by hand) is written in the lowest format
    it needs too, and its new descriptor names no name or version that it was not given.
    The folder is read and validated first, so an invalid dataset raises
    :class:`~rightsdata.InvalidDataError` and is left untouched; the files that change are
    written all or none (a failure leaves every old file whole). Only the files of kinds
    that have records, or whose file exists, are written: a kind's file kept with no record
    makes the folder declare at least the format that added the kind (``KINDS_FROM``).
    ``base``: the dataset the folder builds on (docs/loading.md, "Building on another
    dataset"): the folder is validated over it, and only its own records and redirects are
    written, in the lowest format they need.
    ``hashes``: whether the descriptor gives each of the dataset's files its ``bytes`` and
    ``hash`` (refreshed to those of the files written), for a published dataset whose load
    is to catch a changed file; None (the default) keeps what the folder does: a folder whose
    descriptor gives them for any of its files gets them for all, and one that gives none
    (as ``rightsdata init`` writes it, or a folder without a descriptor) gets none, so that
    editing it never makes it stale. The other files the descriptor lists (a README) follow
    the same word: True gives each its ``bytes`` and ``hash``, False removes them, and None
    refreshes those an entry gives. A file that starts with UTF-8 byte-order marks, which a
    load refuses (JSON does not allow one), is read without them and rewritten without them.
    Files are compared byte for byte: one whose lines end in ``\r\n`` or ``\r`` (as a
    Windows editor, or git's ``core.autocrlf``, writes them) is not canonical, and is
    rewritten with ``\n``, so that the sizes and hashes recorded are those of the files.
    A file to rewrite that is a symbolic link raises :class:`LinkedFileError` (nothing is
    written): replacing the link would leave the file it leads to as it was, silently, and
    writing there may write outside the folder. (A load reads the dataset's own files where
    their links lead.)
    """
    dataset = read_folder(folder, declared_format=not upgrade, base=base, bom=True)
    if base is not None:
        dataset = own_part(dataset, base)
    present = tuple(kind for kind in KINDS if (folder / kind_file(kind)).exists())
    # a folder without datapackage.json declares no format: it is written in the one it needs
    undeclared = dataset.descriptor is None
    kept = not (upgrade or undeclared) and format_of(dataset.descriptor) == 1
    version = 1 if kept else lowest_format({kind: getattr(dataset, kind) for kind in KINDS})
    if not kept:  # (a kind's file kept with no record needs the format that added the kind)
        version = max(version, *map(kind_format, present), 1)
    own_hashes = records_hashes(dataset.descriptor) if hashes is None else hashes
    rendered = render_folder(
        dataset,
        present=present,
        format=version,
        others_in=folder,
        hashes=own_hashes,
        others_hashes=hashes,
    )
    changed = []
    for name, text in rendered.items():
        path = folder / name
        # the bytes, not text read with universal newlines: a file of "\r\n" line ends reads
        # as the canonical text, but is not the file whose size and hash the descriptor gives
        current = path.read_bytes() if path.is_file() else None
        if current != text.encode("utf-8"):
            changed.append(name)
    links = linked(folder, changed)
    if links and not check:  # (refused before any file is written)
        raise LinkedFileError(link_refusal(folder, links))
    if changed and not check:
        # all or nothing: each file written whole to a temporary one, then all renamed in
        write_all(folder, {name: rendered[name].encode("utf-8") for name in changed})
    return changed
