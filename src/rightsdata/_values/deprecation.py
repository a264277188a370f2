"""Old spellings of public names kept working, with a warning, until the release that
removes them (docs/api.md, "Versions, and what each promises"; docs/maintaining.md,
"Changing a public name"). Nothing is deprecated today: these are for the next rename.

- :class:`RenamedNames`, a module's ``__getattr__`` (PEP 562): a module-level name renamed
  still reads, as ``module.old`` or ``from module import old``;
- :func:`renamed_keywords`, a decorator: a keyword argument renamed is still taken;
- :func:`warn_deprecated`, the warning itself, for any other spelling kept by hand.

Each warns with ``DeprecationWarning`` at the line that used the old spelling, naming the
release that removes it and what to write instead; the old spelling gives what the new one
does. A type checker sees only the new spelling: an old keyword or name is already an error
there.

>>> import warnings
>>> @renamed_keywords({"dataset": Renamed("name", removed_in="0.2.0")})
... def size(name: str) -> int:
...     return len(name)
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     size(dataset="kazakhstan")  # type: ignore[call-arg]
10
>>> print(caught[0].message)
size(dataset=...) is deprecated and goes in rightsdata 0.2.0: write size(name=...)
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, NamedTuple, ParamSpec, TypeVar

__all__ = ["Renamed", "RenamedNames", "renamed_keywords", "renamed_keywords_of", "warn_deprecated"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: Where :func:`renamed_keywords` keeps a function's renamed keywords, for
#: :func:`renamed_keywords_of` (tests/project/test_public_surface.py lists them).
_KEYWORDS: Final = "_rightsdata_renamed_keywords"


class Renamed(NamedTuple):
    """An old spelling kept working: what to write instead (``new``, a name) and the release
    that removes the old one (``removed_in``, the next minor release: ``"0.2.0"`` for a
    rename made in any 0.1.x)."""

    new: str
    removed_in: str


def warn_deprecated(spelling: str, instead: str, removed_in: str, *, stacklevel: int) -> None:
    """Warn (``DeprecationWarning``) that ``spelling`` is deprecated, naming the release that
    removes it and what to write ``instead``; ``stacklevel`` as ``warnings.warn`` counts it
    from the caller of this function (1: the caller's line), so that the warning points at
    the user's line.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_deprecated("f(old=...)", "f(new=...)", "0.2.0", stacklevel=1)
    >>> print(caught[0].message)
    f(old=...) is deprecated and goes in rightsdata 0.2.0: write f(new=...)
    """
    warnings.warn(
        f"{spelling} is deprecated and goes in rightsdata {removed_in}: write {instead}",
        DeprecationWarning,
        stacklevel=stacklevel + 1,
    )


class RenamedNames:
    """A module's ``__getattr__`` (PEP 562) that keeps its ``renamed`` names working: an old
    name warns and gives the value of its new one (a name of the same module, or a dotted
    path to another's: ``"rightsdata.display.table"``); any other name goes to ``otherwise``
    (the module's own ``__getattr__``, if it has one) or is an AttributeError.

    In the module: ``__getattr__ = RenamedNames(__name__, {"old": Renamed("new", "0.2.0")})``.
    The old names stay out of ``__all__`` and ``dir()``: nothing offers them any more.
    """

    __slots__ = ("module", "otherwise", "renamed")

    def __init__(
        self,
        module: str,
        renamed: Mapping[str, Renamed],
        otherwise: Callable[[str], Any] | None = None,
    ) -> None:
        self.module = module
        self.renamed: Mapping[str, Renamed] = MappingProxyType(dict(renamed))
        self.otherwise = otherwise

    def instead(self, old: str) -> str:
        """The public path to write instead of the old name ``old``."""
        new = self.renamed[old].new
        return new if "." in new else f"{self.module}.{new}"

    def __call__(self, name: str) -> Any:
        entry = self.renamed.get(name)
        if entry is None:
            if self.otherwise is not None:
                return self.otherwise(name)
            raise AttributeError(
                f"module {self.module!r} has no attribute {name!r}",
                name=name,
                obj=sys.modules.get(self.module),
            )
        new = self.instead(name)
        # called by the interpreter from the line that read the name: 2 is that line
        warn_deprecated(f"{self.module}.{name}", new, entry.removed_in, stacklevel=2)
        module_name, _, attribute = new.rpartition(".")
        if module_name not in sys.modules:
            import importlib  # (only when an old name elsewhere is first read)

            importlib.import_module(module_name)
        return getattr(sys.modules[module_name], attribute)


def renamed_keywords(
    renamed: Mapping[str, Renamed],
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """A decorator that keeps the old keyword arguments ``renamed`` (old name: its new one and
    the release that removes it) working: an old one warns and is passed as its new one; both
    at once is a TypeError. The function keeps its signature (``inspect.signature``, a type
    checker and the docs see the new names only).

    >>> @renamed_keywords({"old": Renamed("new", "0.2.0")})
    ... def f(*, new: int) -> int:
    ...     return new
    >>> f(old=1, new=2)  # type: ignore[call-arg]
    Traceback (most recent call last):
    ...
    TypeError: f() takes new= (old= is its old name): give new= only
    """
    kept: Mapping[str, Renamed] = MappingProxyType(dict(renamed))

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        _check_parameters(function, kept)
        name = getattr(function, "__qualname__", repr(function))

        @functools.wraps(function)
        def keeping(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            for old in [given for given in kept if given in kwargs]:
                new, removed_in = kept[old]
                if new in kwargs:
                    raise TypeError(
                        f"{name}() takes {new}= ({old}= is its old name): give {new}= only"
                    )
                warn_deprecated(
                    f"{name}({old}=...)", f"{name}({new}=...)", removed_in, stacklevel=2
                )
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        setattr(keeping, _KEYWORDS, {**renamed_keywords_of(function), **kept})
        return keeping

    return decorate


def renamed_keywords_of(function: object) -> Mapping[str, Renamed]:
    """The old keyword arguments ``function`` still takes (:func:`renamed_keywords`), by old
    name; empty for most.

    >>> renamed_keywords_of(len)
    {}
    """
    found: Mapping[str, Renamed] = getattr(function, _KEYWORDS, {})
    return found


def _check_parameters(function: Callable[..., Any], renamed: Mapping[str, Renamed]) -> None:
    """A ValueError, as the module that deprecates is imported, where an old keyword is still
    a parameter of ``function`` or a new one is none (unless it takes ``**kwargs``)."""
    code = getattr(function, "__code__", None)
    if code is None:  # (a builtin or a callable object: nothing to read cheaply)
        return
    count = code.co_argcount + code.co_kwonlyargcount
    parameters = set(code.co_varnames[code.co_posonlyargcount : count])
    takes_any = bool(code.co_flags & 0x08)  # CO_VARKEYWORDS
    for old, (new, _) in renamed.items():
        if old in parameters:
            raise ValueError(f"{function.__qualname__}: {old!r} is still a parameter")
        if new not in parameters and not takes_any:
            raise ValueError(f"{function.__qualname__}: {new!r} is no keyword parameter")
