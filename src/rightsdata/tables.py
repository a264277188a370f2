"""The dataset as tables: their definitions, their rows and columns, and reading them back.

Every record kind is a table keyed by ``id``, and every list of parts a long table keyed by
the record's ID and a position (``events.participants``); ``TABLES`` defines them all,
from the model, and ``FORMATS`` names the export formats: both are read-only mappings.
``Dataset.to_pandas`` and ``Dataset.export`` build on them; this module is for code that wants
the tables themselves, or reads an export back. ``TableName``, ``FormatName`` and
``FormulaOption`` are their names (and ``csv_formulas``' values) as types (``Literal``), for
annotations a type checker holds to the sets; ``Cell`` is the type of a cell, of which a
``Row`` is a tuple and ``columns`` gives lists.

>>> import rightsdata
>>> from rightsdata.tables import TABLES, rows
>>> TABLES["events.charges"].column_names
('event_id', 'position', 'provision', 'against')
>>> next(rows(rightsdata.load(), "events.charges"))[:2]
('event:kozlov-charged-2012', 0)
"""

from rightsdata._tables.arrow import arrow_table
from rightsdata._tables.csvtables import (
    FORMULA_OPTIONS,
    escape_formula,
    read_directory,
    unescape_formula,
)
from rightsdata._tables.export import FORMATS, MANIFEST, FormatName, FormulaOption, export_names
from rightsdata._tables.fromtables import documents_from_rows
from rightsdata._tables.readback import load_directory
from rightsdata._tables.tables import (
    TABLES,
    Cell,
    Column,
    ColumnType,
    ForeignKey,
    Row,
    Table,
    TableName,
    columns,
    get_table,
    label,
    rows,
)

__all__ = [
    "FORMATS",
    "FORMULA_OPTIONS",
    "MANIFEST",
    "TABLES",
    "Cell",
    "Column",
    "ColumnType",
    "ForeignKey",
    "FormatName",
    "FormulaOption",
    "Row",
    "Table",
    "TableName",
    "arrow_table",
    "columns",
    "documents_from_rows",
    "escape_formula",
    "export_names",
    "get_table",
    "label",
    "load_directory",
    "read_directory",
    "rows",
    "unescape_formula",
]


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
