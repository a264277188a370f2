"""A read-only mapping of a closed set of names: read as any ``Mapping[str, V]``, its keys
iterate as the names' ``Literal`` type.

``Mapping`` is invariant in its key type, so a ``Mapping[TableName, Table]`` cannot be passed
where a ``Mapping[str, Table]`` is expected (a downstream ``def show(t: Mapping[str, Table])``
refused ``TABLES``), and a ``Mapping[str, Table]`` gives a ``str`` where ``to_pandas`` takes a
``TableName``. This mapping is a ``Mapping[str, V]`` (a lookup takes any text, as at run time)
whose ``__iter__``, ``keys()`` and ``items()`` give the names (their views are covariant), so
both uses type-check.

>>> names = NamedMapping({"a": 1})
>>> names["a"], list(names), dict(names)
(1, ['a'], {'a': 1})
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping
from typing import Generic, TypeVar, cast

__all__ = ["NamedMapping"]

K = TypeVar("K", bound=str)
V = TypeVar("V")


class NamedMapping(Mapping[str, V], Generic[K, V]):
    """A read-only mapping keyed by the names ``K`` (see the module's docstring): it has no
    method that changes it, and keeps its own copy of the items it is given."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V]) -> None:
        self._items: dict[str, V] = dict(items.items())

    def __getitem__(self, key: str) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return cast("Iterator[K]", iter(self._items))  # (its keys are the names K)

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> KeysView[K]:
        return KeysView(cast("Mapping[K, V]", self))

    def items(self) -> ItemsView[K, V]:
        return ItemsView(cast("Mapping[K, V]", self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def _ipython_key_completions_(self) -> list[str]:
        """The names, which IPython and Jupyter offer after ``TABLES["`` (as a dict's keys:
        IPython completes the keys of no other mapping)."""
        return list(self._items)
