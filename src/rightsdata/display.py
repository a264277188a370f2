"""How records and datasets show themselves in a notebook: HTML cards and short reprs.

A record's card names the people, places and sources it refers to when it knows its dataset:
every ``Dataset`` registers itself as it is made (:func:`register`, weakly), and
:func:`dataset_of` finds the one that holds a record (of several, the one made last);
``ds.card(record)`` (a :class:`Card`) shows it in the dataset ``ds``.

>>> import rightsdata
>>> from rightsdata.display import record_repr
>>> record_repr(rightsdata.load().get("place:almaty"))
"<Place place:almaty city 'Almaty'>"
"""

from rightsdata._display.display import (
    REPR_WIDTH,
    Card,
    Table,
    collection_html,
    dataset_html,
    dataset_of,
    figures_html,
    record_html,
    record_repr,
    register,
    related_html,
    table,
)

__all__ = [
    "REPR_WIDTH",
    "Card",
    "Table",
    "collection_html",
    "dataset_html",
    "dataset_of",
    "figures_html",
    "record_html",
    "record_repr",
    "register",
    "related_html",
    "table",
]


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
