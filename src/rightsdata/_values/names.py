"""The closed sets of names the API takes as text, as ``Literal`` types (internal: each is
public where its set is: ``rightsdata.tables.FormatName`` beside ``FORMATS``).

A parameter typed by one is checked by type checkers: ``ds.export(folder, "xlsx")`` and
``ds.to_pandas("event")`` are errors to mypy, not only at run time. They live here, apart from
the sets, so that the dataset's signatures can name them without importing the tables (an
import ``import rightsdata`` does not pay); tests keep each equal to its set.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["FormatName", "FormulaOption", "KindName", "TableName"]

#: An export format's name: the keys of ``rightsdata.tables.FORMATS``.
FormatName: TypeAlias = Literal["json", "jsonl", "document", "csv", "datapackage", "parquet"]

#: A value of the ``csv_formulas`` option: ``rightsdata.tables.FORMULA_OPTIONS``.
FormulaOption: TypeAlias = Literal["escape", "keep"]

#: A record kind's name, as the files and ``rightsdata.KINDS`` spell it: the type of what
#: ``Dataset.collection``, ``structure`` and ``rightsdata.testing.records`` take, so that a
#: type checker tells a misspelt kind (``"event"``) and knows the class of one written out.
#: A kind only known at run time (read from a file) is made one with ``typing.cast``.
KindName: TypeAlias = Literal[
    "sources",
    "persons",
    "organizations",
    "groups",
    "places",
    "laws",
    "events",
    "relationships",
    "statements",
    "ratings",
]

#: A table's name: the keys of ``rightsdata.tables.TABLES``.
TableName: TypeAlias = Literal[
    KindName,  # each kind's table
    "events.places",
    "events.participants",
    "events.charges",
    "statements.addressed_to",
    "statements.about",
    "statements.joined_by",
    "statements.relayed_by",
    "aliases",
    "citations",
    "figures",
    "figures.joined_by",
    "figures.relayed_by",
    "figures.citations",
    "identifiers",
    "inferred",
    "records",
    "redirects",
]
