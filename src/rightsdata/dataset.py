"""The Dataset: every record of a dataset, immutable, with lookups.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds.name
'kazakhstan'
>>> ds.get("place:almaty").name
'Almaty'
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rightsdata.collection import Collection
from rightsdata.convert import unstructure_many
from rightsdata.errors import UnknownIdError
from rightsdata.ids import KIND_OF_PREFIX, prefix_of
from rightsdata.model import (
    KINDS,
    Event,
    Law,
    Organization,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)

__all__ = ["Dataset"]


class Dataset:
    """A whole dataset: one typed, immutable :class:`Collection` per record kind.

    Build one with :func:`rightsdata.load` (the bundled data) rather than by hand.
    """

    __slots__ = (
        "_collections",
        "_descriptor",
        "_index",
        "_lock",
        "_name",
        "_version",
    )

    def __init__(
        self,
        records: Mapping[str, Sequence[Record]],
        *,
        name: str | None = None,
        version: str | None = None,
        descriptor: Mapping[str, Any] | None = None,
    ) -> None:
        unknown = set(records) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown record kinds: {', '.join(sorted(unknown))}")
        self._collections: dict[str, Collection[Any]] = {
            kind: Collection(kind, records.get(kind, ())) for kind in KINDS
        }
        self._name = name
        self._version = version
        self._descriptor = copy.deepcopy(dict(descriptor)) if descriptor is not None else None
        self._index: dict[str, Record] | None = None
        self._lock = threading.Lock()

    # --- identity -------------------------------------------------------------------------

    @property
    def name(self) -> str | None:
        """The dataset's name (``'kazakhstan'``), from its data package; None if it has none."""
        return self._name

    @property
    def version(self) -> str | None:
        """The data version (semantic versioning for data), from its data package."""
        return self._version

    @property
    def descriptor(self) -> dict[str, Any] | None:
        """A copy of the data package descriptor (datapackage.json), if the dataset has one."""
        return copy.deepcopy(self._descriptor)

    # --- collections ----------------------------------------------------------------------

    @property
    def sources(self) -> Collection[Source]:
        """The sources every fact is drawn from."""
        return self._collections["sources"]

    @property
    def persons(self) -> Collection[Person]:
        """The people."""
        return self._collections["persons"]

    @property
    def organizations(self) -> Collection[Organization]:
        """The organisations."""
        return self._collections["organizations"]

    @property
    def places(self) -> Collection[Place]:
        """The places."""
        return self._collections["places"]

    @property
    def laws(self) -> Collection[Law]:
        """The legal provisions."""
        return self._collections["laws"]

    @property
    def events(self) -> Collection[Event]:
        """The events."""
        return self._collections["events"]

    @property
    def relationships(self) -> Collection[Relationship]:
        """The relationships between actors."""
        return self._collections["relationships"]

    @property
    def statements(self) -> Collection[Statement]:
        """The statements."""
        return self._collections["statements"]

    @property
    def ratings(self) -> Collection[Rating]:
        """The civic-space ratings."""
        return self._collections["ratings"]

    def collection(self, kind: str) -> Collection[Any]:
        """The collection of a kind named as in the files (``'events'``)."""
        try:
            return self._collections[kind]
        except KeyError:
            raise ValueError(
                f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}"
            ) from None

    # --- lookups --------------------------------------------------------------------------

    def get(self, record_id: str) -> Record:
        """Any record by ID; raises :class:`~rightsdata.UnknownIdError` (a KeyError) if none.

        >>> import rightsdata
        >>> rightsdata.load().get("person:vladimir-kozlov").name
        'Vladimir Kozlov'
        """
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._index = {r.id: r for c in self._collections.values() for r in c}
                index = self._index
        try:
            return index[record_id]
        except KeyError:
            kind = KIND_OF_PREFIX.get(prefix_of(record_id))
            hint = None if kind else "IDs look like 'person:vladimir-kozlov'"
            raise UnknownIdError(record_id, hint) from None

    def __iter__(self) -> Iterator[Record]:
        """Every record, kind by kind (in :data:`~rightsdata.model.KINDS` order), by ID."""
        for collection in self._collections.values():
            yield from collection

    def __len__(self) -> int:
        return sum(len(c) for c in self._collections.values())

    def counts(self) -> dict[str, int]:
        """How many records of each kind.

        >>> import rightsdata
        >>> rightsdata.load().counts()["sources"]
        5
        """
        return {kind: len(c) for kind, c in self._collections.items()}

    # --- export ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Every record as JSON-ready dicts, kind by kind, sorted by ID: the files' content.

        >>> import json, rightsdata
        >>> data = rightsdata.load().to_dict()
        >>> sorted(data) == sorted(rightsdata.KINDS)
        True
        """
        return {kind: unstructure_many(c) for kind, c in self._collections.items()}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self._name, self._version, self._collections) == (
            other._name,
            other._version,
            other._collections,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        label = self._name or "unnamed"
        version = f" {self._version}" if self._version else ""
        counts = ", ".join(f"{len(c)} {k}" for k, c in self._collections.items() if len(c))
        return f"<Dataset {label}{version}: {counts or 'empty'}>"
