"""Optional dependencies (internal): import one when a feature needs it, or say what to install.

pandas and pyarrow are extras (``rightsdata[pandas]``, ``rightsdata[arrow]``): importing
rightsdata never imports them; the functions that need them call :func:`require` first.
What only goes faster with one (numpy, for the search index's bitmaps) asks :func:`optional`.

>>> import json
>>> require("json", "pandas") is json
True
>>> try:
...     require("no_such_module_at_all", "arrow")
... except MissingExtraError as error:
...     print(error)
this needs no_such_module_at_all, which is not installed: `pip install "rightsdata[arrow]"`
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from rightsdata._values.errors import RightsdataError, deprecated_message_only, name_publicly

__all__ = ["MissingExtraError", "optional", "require"]


class MissingExtraError(RightsdataError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the
    extra to install (``pip install "rightsdata[pandas]"``).

    ``extra`` is the extra's name (``"pandas"``, ``"schema"``) and ``name`` (as for every
    ImportError) the module that could not be imported (``"jsonschema"``).

    >>> error = MissingExtraError("jsonschema", "schema")
    >>> error.extra, error.name
    ('schema', 'jsonschema')
    """

    #: The extra to install: ``pip install "rightsdata[<extra>]"`` (None for an error made
    #: from a message alone, as in rightsdata 0.1).
    extra: str | None

    def __init__(self, module: str, extra: str | None = None, *, name: str | None = None) -> None:
        if extra is None:  # the spelling of rightsdata 0.1: a message, and the module as ``name``
            deprecated_message_only("MissingExtraError")
            super().__init__(module, name=name)
        else:
            super().__init__(
                f'this needs {module}, which is not installed: `pip install "rightsdata[{extra}]"`',
                name=module,
            )
        self.extra = extra

    def __reduce__(self) -> Any:
        if self.extra is None:
            return (_message_only, (str(self), self.name))
        return (type(self), (self.name or "", self.extra))


def _message_only(message: str, name: str | None) -> MissingExtraError:
    """A MissingExtraError made from its message alone, unpickled (without a new warning)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return MissingExtraError(message, name=name)


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module, extra) from exc


def optional(module: str) -> ModuleType | None:
    """Import ``module`` if it is installed, else None: for work it only makes faster.

    >>> optional("json") is require("json", "pandas"), optional("no_such_module_at_all")
    (True, None)
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


name_publicly(MissingExtraError)
