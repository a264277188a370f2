"""'Did you mean' for the command line (internal): close commands and options (an unknown ID's
is the library's own, from the dataset in use: rightsdata._data.query.Queries.suggestion; an
unknown field's or term's is the loader's own: rightsdata._values.spelling).

>>> close("timelin", ["timeline", "show", "search"])
['timeline']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rightsdata._values.spelling import close, did_you_mean

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset
    from rightsdata._values.errors import UnknownIdError

__all__ = [
    "EDTF_EXAMPLES",
    "close",
    "did_you_mean",
    "unknown_id_message",
]

#: Said after a date that is not EDTF, so that the reader sees how one is written.
EDTF_EXAMPLES: Final = (
    "dates are EDTF, year first: 2012-10-08, 2012-10, 2012, 2012-01-26/2012-10-08, 2012-22 "
    "(summer), 2013-06-29~ (about)"
)


def unknown_id_message(dataset: Dataset, error: UnknownIdError, search: str) -> str:
    """What to tell of an ID no record of ``dataset`` has (``error``): the error's own words
    (its hint is the library's one wording of an unknown ID: ``Queries.suggestion``), naming
    the dataset in use, and where it has no hint ``search``, the command that finds records
    by name. (A country's code is looked up among the countries, not the dataset's IDs.)"""
    where = f" in {dataset.name}" if dataset.name and error.what != "country" else ""
    message = f"no {error.what} has the id {error.record_id!r}{where}"
    if error.at is not None:
        message += f" ({error.at})"
    return f"{message}; {error.hint or f'try `{search}`'}"
