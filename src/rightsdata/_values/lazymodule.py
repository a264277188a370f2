"""A module imported when one of its attributes is first read (internal).

A module that must not import pandas, matplotlib, pendulum or the query engine when it is
imported (``import rightsdata`` stays light: docs/performance.md) still names their types
in its annotations. Written by the module (``pandas.DataFrame``, ``query.Queries``), with the
module's name bound to a :class:`LazyModule` at run time, they resolve: ``typing.get_type_hints``
(which sphinx, cattrs, pydantic and IDEs call) reads ``pandas``, gets this stand-in, and its
attribute imports pandas then, not before. A bare name imported under ``TYPE_CHECKING``
would be a NameError there.

>>> json = LazyModule("json")
>>> json
<lazy module 'json'>
>>> json.JSONDecoder.__name__
'JSONDecoder'
>>> LazyModule("xml").dom.__name__  # a submodule is imported when read
'xml.dom'
>>> hasattr(LazyModule("no_such_module"), "__wrapped__")  # (an inspector's question)
False
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LazyModule"]


class LazyModule:
    """Stands for the module ``name``, imported when one of its attributes is first read."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") and attribute.endswith("__"):
            # what inspectors ask of any object (inspect.unwrap's __wrapped__, doctest's and
            # sphinx's scans): not the module's, and no reason to import it
            raise AttributeError(attribute)
        module = importlib.import_module(self._name)
        try:
            return getattr(module, attribute)
        except AttributeError:
            submodule = f"{self._name}.{attribute}"
            try:  # a submodule not yet imported: matplotlib.axes
                return importlib.import_module(submodule)
            except ModuleNotFoundError as missing:
                if missing.name != submodule:
                    raise
            raise

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"
