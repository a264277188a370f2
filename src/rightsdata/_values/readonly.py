"""A read-only view of a dict keyed by text, whose keys IPython completes (internal).

:class:`types.MappingProxyType` is read-only too, but IPython and Jupyter complete the keys
of a dict alone, or of an object that lists them (``_ipython_key_completions_``), and a
mapping proxy cannot be given that method (nor subclassed).

>>> view = ReadOnlyMapping({"org:a": "group:a"})
>>> view["org:a"], dict(view), view._ipython_key_completions_()
('group:a', {'org:a': 'group:a'}, ['org:a'])
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar, overload

__all__ = ["ReadOnlyMapping"]

V = TypeVar("V")
D = TypeVar("D")


class ReadOnlyMapping(Mapping[str, V], Generic[V]):
    """A view of ``items``, not a copy (a change to the dict shows through), with no method
    that changes it; as a mapping proxy, ``copy()`` and ``|`` give a dict."""

    __slots__ = ("_items",)

    def __init__(self, items: dict[str, V]) -> None:
        self._items = items

    def __getitem__(self, key: str) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[str]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    @overload
    def get(self, key: str, /) -> V | None: ...
    @overload
    def get(self, key: str, default: V | D, /) -> V | D: ...
    def get(self, key: str, default: object = None, /) -> object:
        return self._items.get(key, default)

    def copy(self) -> dict[str, V]:
        """A dict of the same items.

        >>> ReadOnlyMapping({"a": 1}).copy()
        {'a': 1}
        """
        return dict(self._items)

    def __or__(self, other: Mapping[str, V]) -> dict[str, V]:
        if not isinstance(other, Mapping):
            return NotImplemented
        return {**self._items, **other}

    def __ror__(self, other: Mapping[str, V]) -> dict[str, V]:
        if not isinstance(other, Mapping):
            return NotImplemented
        return {**other, **self._items}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def _ipython_key_completions_(self) -> list[str]:
        """The keys, which IPython and Jupyter offer after ``ds.redirects["``."""
        return list(self._items)
