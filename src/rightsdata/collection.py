"""An immutable, typed collection of records of one kind, looked up by ID.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> person = ds.persons.get("person:vladimir-kozlov")
>>> person.name, "person:vladimir-kozlov" in ds.persons
('Vladimir Kozlov', True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar, overload

from rightsdata.errors import UnknownIdError
from rightsdata.model import Record

__all__ = ["Collection"]

R = TypeVar("R", bound=Record)


class Collection(Sequence[R], Generic[R]):
    """Records of one kind, sorted by ID: iterable, sized, indexable, and searchable by ID.

    ``x in collection`` accepts a record or an ID.
    """

    __slots__ = ("_by_id", "_kind", "_records")

    def __init__(self, kind: str, records: Iterable[R]) -> None:
        self._kind = kind
        self._records: tuple[R, ...] = tuple(sorted(records, key=lambda r: r.id))
        self._by_id: dict[str, R] = {r.id: r for r in self._records}

    @property
    def kind(self) -> str:
        """The record kind, as in file names: ``'events'``."""
        return self._kind

    def get(self, record_id: str) -> R:
        """The record with this ID; raises :class:`~rightsdata.UnknownIdError` if none.

        >>> import rightsdata
        >>> rightsdata.load().places.get("place:almaty").name
        'Almaty'
        """
        try:
            return self._by_id[record_id]
        except KeyError:
            raise UnknownIdError(record_id, f"no {self._kind} record has it") from None

    def ids(self) -> tuple[str, ...]:
        """The IDs, sorted."""
        return tuple(self._by_id)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._by_id.get(record_id) == item

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[R, ...]: ...
    def __getitem__(self, index: int | slice) -> R | tuple[R, ...]:
        return self._records[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._kind == other._kind and self._records == other._records

    def __hash__(self) -> int:
        return hash((self._kind, self._records))

    def __repr__(self) -> str:
        return f"<Collection {self._kind}: {len(self._records)} records>"
