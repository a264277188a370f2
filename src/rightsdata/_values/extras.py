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

from rightsdata._values.errors import RightsdataError, name_publicly

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

    #: The extra to install: ``pip install "rightsdata[<extra>]"``.
    extra: str

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f'this needs {module}, which is not installed: `pip install "rightsdata[{extra}]"`',
            name=module,
        )
        self.extra = extra

    def __reduce__(self) -> Any:
        return (type(self), (self.name or "", self.extra))


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
