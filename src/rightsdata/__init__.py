"""rightsdata: typed, cited human-rights documentation data.

Load the bundled dataset, look records up, and get every fact with the sources behind it.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds.persons["person:vladimir-kozlov"].name
'Vladimir Kozlov'

Importing the package is cheap: the model, the converter and the data load on first use.
"""

from __future__ import annotations

import atexit
import importlib
import sys
from typing import TYPE_CHECKING, Any, Final

from rightsdata._values.errors import (
    PROBLEM_CODES,
    DatasetVersionError,
    FieldError,
    InvalidDataError,
    Problem,
    ProblemCode,
    ProblemCodeValue,
    Problems,
    RightsdataError,
    UnknownDatasetError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from rightsdata import display as display
    from rightsdata import plot as plot
    from rightsdata import schema as schema
    from rightsdata import tables as tables
    from rightsdata import testing as testing
    from rightsdata import textcard as textcard
    from rightsdata import vocab as vocab
    from rightsdata._data.answers import DateLike, Figures, Related, SearchResults
    from rightsdata._data.collection import (
        Collection,
        EventCollection,
        RatingCollection,
        StatementCollection,
    )
    from rightsdata._data.dataset import Dataset
    from rightsdata._data.indexes import chronological_key
    from rightsdata._data.loading import datasets, load, load_documents, load_path
    from rightsdata._data.validating import validate
    from rightsdata._model.records import (
        KINDS,
        Alias,
        Charge,
        Citation,
        Coordinates,
        Event,
        Figure,
        Group,
        Identifier,
        Inference,
        KindName,
        Law,
        Organization,
        Participant,
        Penalty,
        Person,
        Place,
        Rating,
        Record,
        Relationship,
        Source,
        Statement,
    )
    from rightsdata._validation.convert import structure, unstructure
    from rightsdata._values.dates import EDTF, EDTFError, Precision
    from rightsdata._values.durations import (
        Duration,
        DurationError,
        format_duration,
        parse_duration,
    )
    from rightsdata._values.extras import MissingExtraError
    from rightsdata._values.format import FormatVersion
    from rightsdata._version import __version__

__all__ = [
    "EDTF",
    "KINDS",
    "PROBLEM_CODES",
    "Alias",
    "Charge",
    "Citation",
    "Collection",
    "Coordinates",
    "Dataset",
    "DatasetVersionError",
    "DateLike",
    "Duration",
    "DurationError",
    "EDTFError",
    "Event",
    "EventCollection",
    "FieldError",
    "Figure",
    "Figures",
    "FormatVersion",
    "Group",
    "Identifier",
    "Inference",
    "InvalidDataError",
    "KindName",
    "Law",
    "MissingExtraError",
    "Organization",
    "Participant",
    "Penalty",
    "Person",
    "Place",
    "Precision",
    "Problem",
    "ProblemCode",
    "ProblemCodeValue",
    "Problems",
    "Rating",
    "RatingCollection",
    "Record",
    "Related",
    "Relationship",
    "RightsdataError",
    "SearchResults",
    "Source",
    "Statement",
    "StatementCollection",
    "UnknownDatasetError",
    "UnknownIdError",
    "__version__",
    "chronological_key",
    "datasets",
    "format_duration",
    "load",
    "load_documents",
    "load_path",
    "parse_duration",
    "structure",
    "unstructure",
    "validate",
]

# Public name -> the module that defines it; imported on first access (PEP 562), so that
# `import rightsdata` does not pay for attrs, cattrs and pendulum until they are needed.
_LAZY: dict[str, str] = {
    "Collection": "rightsdata._data.collection",
    "EventCollection": "rightsdata._data.collection",
    "RatingCollection": "rightsdata._data.collection",
    "StatementCollection": "rightsdata._data.collection",
    "DateLike": "rightsdata._data.answers",
    "Figures": "rightsdata._data.answers",
    "Related": "rightsdata._data.answers",
    "SearchResults": "rightsdata._data.answers",
    "Dataset": "rightsdata._data.dataset",
    "chronological_key": "rightsdata._data.indexes",
    "EDTF": "rightsdata._values.dates",
    "EDTFError": "rightsdata._values.dates",
    "Precision": "rightsdata._values.dates",
    "Duration": "rightsdata._values.durations",
    "DurationError": "rightsdata._values.durations",
    "MissingExtraError": "rightsdata._values.extras",
    "FormatVersion": "rightsdata._values.format",
    "format_duration": "rightsdata._values.durations",
    "parse_duration": "rightsdata._values.durations",
    "structure": "rightsdata._validation.convert",
    "unstructure": "rightsdata._validation.convert",
    "datasets": "rightsdata._data.loading",
    "load": "rightsdata._data.loading",
    "load_documents": "rightsdata._data.loading",
    "load_path": "rightsdata._data.loading",
    "validate": "rightsdata._data.validating",
    **dict.fromkeys(
        (
            "KINDS",
            "Alias",
            "Charge",
            "Citation",
            "Coordinates",
            "Event",
            "Figure",
            "Group",
            "Identifier",
            "Inference",
            "KindName",
            "Law",
            "Organization",
            "Participant",
            "Penalty",
            "Person",
            "Place",
            "Rating",
            "Record",
            "Relationship",
            "Source",
            "Statement",
        ),
        "rightsdata._model.records",
    ),
}


#: The public modules, imported when first named (``rightsdata.tables``), as after ``import
#: rightsdata.tables``; not in ``__all__``, so that ``from rightsdata import *`` imports none
#: of them (``testing`` needs Hypothesis, ``plot`` matplotlib).
_SUBMODULES: Final = ("display", "plot", "schema", "tables", "testing", "textcard", "vocab")

#: The public modules whose import needs an extra (``testing`` imports Hypothesis as it is
#: imported; ``plot`` imports matplotlib only when a plot is drawn, so it is not one).
_NEEDS_EXTRA: Final = frozenset({"testing"})


if not TYPE_CHECKING:
    # Hidden from type checkers, which see every public name in the imports above: a name
    # that is not there (a typo, a removed name) is then an error, not Any.
    def __getattr__(name: str) -> Any:
        if name == "__version__":
            # The version of the code that runs, from its one source (which --version,
            # `info`, `cite` and a pickle's version check read too); not the installed
            # distribution's metadata, which an editable install leaves behind after a
            # pull. Not cached, so that every report reads the same value.
            version: str = importlib.import_module("rightsdata._version").__version__
            return version
        if name in _SUBMODULES:  # rightsdata.tables.read_directory(...) with no import of it
            try:
                return importlib.import_module(f"rightsdata.{name}")  # (which binds it here)
            except ImportError as error:
                from rightsdata._values.extras import MissingExtraError

                if not isinstance(error, MissingExtraError):
                    raise  # a broken install or a bug: not an attribute that is absent
                # PEP 562: an attribute that is not there is an AttributeError, which hasattr,
                # getattr(..., default), inspect.getmembers and help() expect; its message
                # keeps the MissingExtraError's (what to install), which is chained.
                # (`import rightsdata.testing` still raises the MissingExtraError itself.)
                raise AttributeError(
                    f"module 'rightsdata' has no attribute {name!r}: {error}",
                    name=name,
                    obj=sys.modules[__name__],
                ) from error
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'rightsdata' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    # The public modules complete after `rightsdata.` as the names do; but dir() is what
    # inspect.getmembers and help() walk, getting each name: a module that needs an extra
    # (Hypothesis for `testing`) is listed only once it is imported, so that neither imports
    # an optional dependency (nor fails without it). The others import only rightsdata.
    modules = [name for name in _SUBMODULES if name not in _NEEDS_EXTRA or _imported(name)]
    return sorted([*__all__, *modules])


def _imported(name: str) -> bool:
    return f"rightsdata.{name}" in sys.modules


def _at_exit() -> None:
    """Large datasets still alive at the interpreter's exit are left to the system or
    released (rightsdata._values.exitleave). Registered here, as the package is imported, so
    that it runs after the exit hooks a program registers later (the last registered runs
    first); it imports nothing of its own."""
    module = sys.modules.get("rightsdata._values.exitleave")
    if module is not None:
        module.at_exit()


atexit.register(_at_exit)
