"""The dataset as tables: which tables exist, their columns, types and keys, and their rows.

Defined once, from the model's attrs fields, and used by everything that writes tables:
:meth:`Dataset.to_pandas <rightsdata.Dataset.to_pandas>`, the CSV tables, the data package's
Table Schemas and the Parquet files, so that they all agree.

- One **kind table** per record kind (``events``): one row per record, keyed by ``id``. A
  date is three columns: its EDTF text and the first and last day it could be
  (``date_earliest``, ``date_latest``; empty where open or unknown). A single nested part
  (an event's ``penalty``) is flattened into prefixed columns (``penalty_kind``).
- One **long table** per list in a record (``events.participants``), keyed by the owner's ID
  (``event_id``) and ``position`` (0 first, as in the JSON files), and lists inside those
  (``figures.citations``, keyed by ``record_id``, ``figure_position``, ``position``).
  Lists of references get link tables too (``events.places``: ``event_id``, ``position``,
  ``place``). The lists that many kinds share (``citations``, ``aliases``, ``inferred``) are one
  table each, keyed by ``record_id`` (``figures``, on six kinds, too).
- ``records``: every record's ID, kind and a short label; ``redirects``: retired IDs.

Every reference has a foreign key: to the kind table it names (``charges.provision`` to
``laws.id``), or, where it may name more than one kind (a participant's ``actor``, a person or
an organisation), to ``records.id``; the ID's prefix says which kind it is.

Rows are plain Python (text, integers, :class:`datetime.date`, tuples of text, None): building
them imports neither pandas nor pyarrow.

>>> import rightsdata
>>> from rightsdata._tables.tables import get_table, rows
>>> participants = get_table("events.participants")
>>> participants.column_names, participants.primary_key
(('event_id', 'position', 'actor', 'role'), ('event_id', 'position'))
>>> [(fk.columns, fk.table) for fk in participants.foreign_keys]
[(('event_id',), 'events'), (('actor',), 'records')]
>>> verdict = "event:kozlov-verdict-2012-10-08"
>>> [row for row in rows(rightsdata.load(), participants) if row[0] == verdict][0]
('event:kozlov-verdict-2012-10-08', 0, 'person:vladimir-kozlov', 'defendant')
"""

from __future__ import annotations

import collections
import datetime
import enum
import itertools
import operator
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, TypeAlias, cast

import attrs

from rightsdata._data.dataset import Dataset
from rightsdata._model.fields import Degrees, Ref, Text, spec_of
from rightsdata._model.records import (
    KINDS,
    RECORD_CLASSES,
    RECORD_TYPES,
    KindName,
    Law,
    Place,
    Rating,
    Record,
    Relationship,
    Statement,
)
from rightsdata._values.argcheck import checked_field, flag_field, items_field
from rightsdata._values.dates import EDTF
from rightsdata._values.docstrings import first_paragraph
from rightsdata._values.durations import Duration, format_duration
from rightsdata._values.errors import checked, not_a_name, what_was_given, with_article
from rightsdata._values.format import kinds_in, terms_in
from rightsdata._values.hints import field_hints
from rightsdata._values.ids import KIND_OF_PREFIX, PREFIX_OF_KIND, PREFIXES, a_noun, is_valid_id
from rightsdata._values.namedmap import NamedMapping
from rightsdata._values.names import TableName
from rightsdata._values.shell import python_call, python_literal

__all__ = [
    "INT64_MAX",
    "TABLES",
    "UNIX_EPOCH_ORDINAL",
    "Cell",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Row",
    "Table",
    "TableName",
    "as_table",
    "check_integers",
    "checked_dataset",
    "columns",
    "duration_days",
    "get_table",
    "label",
    "raw_columns",
    "rows",
    "value_columns",
    "written_tables",
]

#: One value of a row: text, a number, a day, a list of text (as a tuple), or None.
Cell: TypeAlias = str | int | float | datetime.date | tuple[str, ...] | None
#: One row of a table, in the order of its columns: the first of ``events.charges``
#: (``next(rows(ds, "events.charges"))``) is ``('event:kozlov-charged-2012', 0,
#: 'law:kz-cc-1997-164', 'person:vladimir-kozlov')``.
Row: TypeAlias = tuple[Cell, ...]


class ColumnType(enum.Enum):
    """What a column holds; each table format maps these to its own types.

    >>> from rightsdata.tables import TABLES
    >>> TABLES["events"].column("kind").type, TABLES["events"].column("date").type
    (<ColumnType.TERM: 'term'>, <ColumnType.EDTF: 'edtf'>)
    """

    ID = "id"  #: a record ID (``kind:slug``): the record's own, or a reference
    TEXT = "text"  #: text
    TERM = "term"  #: a term of a vocabulary (``Column.terms``)
    EDTF = "edtf"  #: an EDTF date, as text (``2012-01-26/2012-10-08``)
    DAY = "day"  #: a calendar day: the first or last day an EDTF date could be
    COUNT = "count"  #: a whole number, 0 or more
    NUMBER = "number"  #: a number with a fraction (degrees of latitude or longitude)
    POSITION = "position"  #: where an item is in its record's list, 0 first
    DURATION = "duration"  #: an ISO 8601 duration, as text (``P7Y6M``)
    TEXT_LIST = "text_list"  #: a list of text (a citation's ``fields``), or null


#: The checks of a table's, a column's and a foreign key's fields of those types.
_STRS: Final = items_field("a str", str)
_STRS_OR_NONE: Final = items_field("a str", str, optional=True)
_INTS_OR_NONE: Final = items_field("an int", int, optional=True)
_INT_OR_NONE: Final = checked_field("an int or None", (int, type(None)))
_ENUM_OR_NONE: Final = checked_field("an enum class or None", (enum.EnumMeta, type(None)))
#: A vocabulary's class (named apart: ``type`` in :class:`Column`'s body is its field).
_Vocabulary: TypeAlias = type[enum.Enum]


@attrs.frozen
class Column:
    """One column of a table.

    ``field`` is where the value sits in the JSON document of the row's record or item
    (``("penalty", "kind")``; ``()`` for a link table's value, the item itself); it is None
    for key columns and for derived columns (a date's earliest and latest day, a record's
    label), which are not part of the data.

    >>> from rightsdata.tables import TABLES
    >>> provision = TABLES["events.charges"].column("provision")
    >>> provision.type.value, provision.refs, provision.required, provision.field
    ('id', ('law',), True, ('provision',))
    """

    name: str = attrs.field(validator=checked_field("a str", str))
    type: ColumnType = attrs.field(
        validator=checked_field("a `rightsdata.tables.ColumnType`", ColumnType)
    )
    description: str = attrs.field(validator=checked_field("a str", str))
    required: bool = attrs.field(default=False, validator=flag_field)
    terms: tuple[str, ...] = attrs.field(default=(), validator=_STRS)
    refs: tuple[str, ...] = attrs.field(default=(), validator=_STRS)
    max_length: int | None = attrs.field(default=None, validator=_INT_OR_NONE)
    #: The bounds of a number column (degrees of latitude: -90 and 90), where it has them.
    bounds: tuple[int, int] | None = attrs.field(default=None, validator=_INTS_OR_NONE)
    field: tuple[str, ...] | None = attrs.field(default=None, validator=_STRS_OR_NONE)
    get: Callable[[Any], Cell] | None = attrs.field(default=None, eq=False, repr=False)
    #: For a derived column: the path of the field it is derived from, and how
    #: (``"earliest"``, ``"latest"``: a date's bounds; ``"days"``: a duration in days).
    source: tuple[str, ...] | None = attrs.field(default=None, eq=False, repr=False)
    derive: str | None = attrs.field(default=None, eq=False, repr=False)
    #: For a term column of a vocabulary (an enum of :mod:`rightsdata.vocab`): that enum,
    #: whose terms a later format may have added (:meth:`terms_in`).
    vocabulary: _Vocabulary | None = attrs.field(
        default=None, eq=False, repr=False, validator=_ENUM_OR_NONE
    )

    def terms_in(self, format: int) -> tuple[str, ...]:
        """The ``terms`` a reader of ``format`` reads, in their order: all but those a
        later format added to the column's vocabulary (``TERMS_FROM``), or, in a column of
        no vocabulary (the ``records`` table's ``kind``), the record kinds a later format
        added (``KINDS_FROM``), as the JSON Schemas of ``format`` leave them out. What an
        export declaring ``format`` lists.

        >>> from rightsdata.tables import TABLES
        >>> role = TABLES["events.participants"].column("role")
        >>> role.terms_in(1) == role.terms   # (no term is newer than format 1 yet)
        True
        """
        if self.vocabulary is None:
            newer = set(KINDS) - set(kinds_in(format))
            return tuple(term for term in self.terms if term not in newer)
        read = {str(term.value) for term in terms_in(self.vocabulary, format)}
        return tuple(term for term in self.terms if term in read)


@attrs.frozen
class ForeignKey:
    """``columns`` of one table name the rows of ``table`` whose ``table_columns`` match.

    >>> from rightsdata.tables import TABLES
    >>> TABLES["events.charges"].foreign_keys[1]
    ForeignKey(columns=('provision',), table='laws', table_columns=('id',))
    """

    columns: tuple[str, ...] = attrs.field(validator=_STRS)
    table: str = attrs.field(validator=checked_field("a str", str))
    table_columns: tuple[str, ...] = attrs.field(validator=_STRS)


@attrs.frozen
class Table:
    """One table: its columns, keys, and where its rows come from.

    ``kinds`` are the record kinds whose records (or parts of them) it holds, and ``path`` the
    fields from a record to the items (``()`` for a kind table, ``("figures", "citations")``).
    The first ``keys`` columns come from the path (the owner's ID and positions), the rest
    from each item; ``item`` is the items' class (None for a kind table; ``str`` for a list of
    references).

    >>> import rightsdata
    >>> from rightsdata.tables import TABLES
    >>> charges = TABLES["events.charges"]
    >>> charges.kinds, charges.path, charges.primary_key, charges.item is rightsdata.Charge
    (('events',), ('charges',), ('event_id', 'position'), True)
    >>> charges.column_names
    ('event_id', 'position', 'provision', 'against')
    """

    name: TableName = attrs.field(validator=checked_field("a str", str))
    description: str = attrs.field(validator=checked_field("a str", str))
    columns: tuple[Column, ...] = attrs.field(
        validator=items_field("a `rightsdata.tables.Column`", Column)
    )
    primary_key: tuple[str, ...] = attrs.field(validator=_STRS)
    foreign_keys: tuple[ForeignKey, ...] = attrs.field(
        validator=items_field("a `rightsdata.tables.ForeignKey`", ForeignKey)
    )
    kinds: tuple[KindName, ...] = attrs.field(default=(), validator=_STRS)
    path: tuple[str, ...] = attrs.field(default=(), validator=_STRS)
    keys: int = attrs.field(default=1, validator=checked_field("an int", int))
    item: type | None = attrs.field(
        default=None, validator=checked_field("a class or None", (type, type(None)))
    )

    @property
    def column_names(self) -> tuple[str, ...]:
        """The columns' names, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name``; KeyError if there is none."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"table {self.name!r} has no column {name!r}")


# --- reading values -----------------------------------------------------------------------


def _day(date: datetime.date | None) -> datetime.date | None:
    return None if date is None else datetime.date(date.year, date.month, date.day)


def _text(value: Any) -> Cell:
    return str(value)


def _same(value: Any) -> Cell:
    return value  # type: ignore[no-any-return]


def _term(value: Any) -> Cell:
    return value.value  # type: ignore[no-any-return]


def _earliest(value: Any) -> Cell:
    return _day(value.earliest)


def _latest(value: Any) -> Cell:
    return _day(value.latest)


def _duration(value: Any) -> Cell:
    return format_duration(value)


def duration_days(value: Duration) -> int:
    """A duration in whole days, as its ``_days`` column holds it: a year, and every twelve
    months, as 365 days, another month as 30; hours left out (``PT1H`` is 0, ``P1DT12H`` 1).

    >>> from rightsdata._values.durations import parse_duration
    >>> duration_days(parse_duration("P7Y6M")), duration_days(parse_duration("P18M"))
    (2735, 545)
    """
    # Twelve months count as a year, so that a term reads the same however it is written
    # (P18M and P1Y6M are 545 days; P12M is 365, not 360, and never ranks below P1Y) and the
    # count grows with the months (P11M 330, P12M 365, P13M 395).
    years, months = divmod(value.years * 12 + value.months, 12)
    return int(years * 365 + months * 30 + value.days)


def _days(value: Any) -> Cell:
    return duration_days(value)


def _hours_left_out(name: str) -> str:
    """What a ``_days`` column's description says of the hours it leaves out."""
    return (
        "hours, minutes and seconds are left out (`PT5H` is 0, as `P0D` is, and `P1DT12H` is "
        f"1, as `P1D` is): compare `{name}` itself where hours matter"
    )


#: What leaving the hours out means for a ``_days`` column, where it means more than a
#: rounding (:func:`_hours_left_out`): a rate per hour has ``per_days`` 0.
_HOURS_LEFT_OUT: Final = {
    "per": (
        "hours, minutes and seconds are left out (`PT1H` is 0, as `P0D` is, and `P1DT12H` is "
        "1, as `P1D` is): a rate per hour has 0 here, so a rate divided by `per_days` divides "
        "by 0, and a rate per day and a half reads as one per day; compare `per` itself for "
        "rates under a day or with hours"
    ),
}


def _getter(path: tuple[str, ...], convert: Callable[[Any], Cell]) -> Callable[[Any], Cell]:
    """Read ``path`` from an item (None if any step is None) and convert it."""
    if len(path) == 1:
        (name,) = path

        def get_one(item: Any) -> Cell:
            value = getattr(item, name)
            return None if value is None else convert(value)

        return get_one

    def get(item: Any) -> Cell:
        value = item
        for step in path:
            value = getattr(value, step)
            if value is None:
                return None
        return convert(value)

    return get


# --- the tables, from the model -----------------------------------------------------------

_NONE: Final = type(None)
#: Singular nouns, for the key columns and link-table values named after a list.
_SINGULAR: Final = {"aliases": "alias", "inferred": "inference", "addressed_to": "addressee"}
#: What a link table's value column is called, where the singular would not say it.
_LINK_VALUE: Final = {"about": "record", "joined_by": "actor", "relayed_by": "actor"}


def _singular(name: str) -> str:
    return _SINGULAR.get(name, name.removesuffix("s"))


def _split_optional(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if _NONE in args:
        (inner,) = [a for a in args if a is not _NONE]
        return inner, True
    return hint, False


def _list_item(hint: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``; None if ``hint`` is not such a tuple."""
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0]
    return None


def _is_list_table(field: attrs.Attribute[Any], hint: Any) -> bool:
    """Whether a field becomes a table of its own: a list of parts, or of references."""
    item = _list_item(hint)
    return item is not None and (attrs.has(item) or isinstance(spec_of(field), Ref))


def _columns(
    cls: type, path: tuple[str, ...] = (), prefix: str = "", parent_optional: bool = False
) -> list[Column]:
    """The columns for the fields of ``cls`` that are not lists of parts or references."""
    hints = field_hints(cls)
    columns: list[Column] = []
    for field in attrs.fields(cls):
        hint, optional = _split_optional(hints[field.name])
        if _is_list_table(field, hint):
            continue
        name, where = prefix + field.name, (*path, field.name)
        spec = spec_of(field)
        doc = spec.doc
        if parent_optional:
            doc += f" Empty when there is no {path[0]}."
        required = not (optional or parent_optional)
        if attrs.has(hint):
            if not optional or not any(
                not _split_optional(h)[1] for h in field_hints(hint).values()
            ):
                raise TypeError(f"{cls.__name__}.{field.name}: cannot flatten {hint.__name__}")
            columns += _columns(hint, where, f"{name}_", parent_optional=True)
        elif _list_item(hint) is str:
            columns.append(Column(name, ColumnType.TEXT_LIST, doc, required, field=where))
        elif hint is EDTF:
            columns += [
                Column(name, ColumnType.EDTF, doc, required, field=where),
                Column(
                    f"{name}_earliest",
                    ColumnType.DAY,
                    f"The first day `{name}` could be, by its EDTF text alone: a qualifier "
                    "(`~`, `?`, `%`) adds no margin (`2013-06~` gives 2013-06-01), and a "
                    "winter (`2012-24`) is December of its year only; empty if it is null, "
                    "or its start is open or unknown.",
                    get=_getter(where, _earliest),
                    source=where,
                    derive="earliest",
                ),
                Column(
                    f"{name}_latest",
                    ColumnType.DAY,
                    f"The last day `{name}` could be, by its EDTF text alone: a qualifier "
                    "(`~`, `?`, `%`) adds no margin (`2013-06~` gives 2013-06-30), and a "
                    "winter (`2012-24`) is December of its year only; empty if it is null, "
                    "or its end is open or unknown.",
                    get=_getter(where, _latest),
                    source=where,
                    derive="latest",
                ),
            ]
        elif isinstance(hint, type) and issubclass(hint, enum.Enum):
            terms = tuple(str(m.value) for m in hint)
            columns.append(
                Column(
                    name, ColumnType.TERM, doc, required, terms=terms, field=where, vocabulary=hint
                )
            )
        elif hint is str:
            refs = spec.prefixes if isinstance(spec, Ref) else ()
            kind = ColumnType.ID if refs else ColumnType.TEXT
            max_length = spec.max_length if isinstance(spec, Text) else None
            columns.append(
                Column(name, kind, doc, required, refs=refs, max_length=max_length, field=where)
            )
        elif hint is int:
            columns.append(Column(name, ColumnType.COUNT, doc, required, field=where))
        elif hint is float:
            limit = spec.limit if isinstance(spec, Degrees) else None
            bounds = None if limit is None else (-limit, limit)
            columns.append(
                Column(name, ColumnType.NUMBER, doc, required, bounds=bounds, field=where)
            )
        elif hint is Duration:
            columns += [
                Column(name, ColumnType.DURATION, doc, required, field=where),
                Column(
                    f"{name}_days",
                    ColumnType.COUNT,
                    f"`{name}` in whole days (derived, for sorting and comparing), counting a "
                    "year, and every twelve months, as 365 days and another month as 30; "
                    f"{_HOURS_LEFT_OUT.get(name, _hours_left_out(name))}. "
                    f"Empty where `{name}` is.",
                    get=_getter(where, _days),
                    source=where,
                    derive="days",
                ),
            ]
        else:
            raise TypeError(f"{cls.__name__}.{field.name}: no column type for {hint!r}")
    return [_with_getter(c) for c in columns]


_CONVERT: Final[dict[ColumnType, Callable[[Any], Cell]]] = {
    ColumnType.ID: _same,
    ColumnType.TEXT: _same,
    ColumnType.TERM: _term,
    ColumnType.EDTF: _text,
    ColumnType.COUNT: _same,
    ColumnType.NUMBER: _same,
    ColumnType.DURATION: _duration,
    ColumnType.TEXT_LIST: _same,
}


def _with_getter(column: Column) -> Column:
    if column.get is not None or column.field is None:
        return column
    return attrs.evolve(column, get=_getter(column.field, _CONVERT[column.type]))


def _reference_keys(columns: Iterable[Column]) -> list[ForeignKey]:
    """A foreign key for every reference: to the kind it names, or to ``records``."""
    keys = []
    for column in columns:
        if column.type is not ColumnType.ID or column.field is None or column.name == "id":
            continue
        target = KIND_OF_PREFIX[column.refs[0]] if len(column.refs) == 1 else "records"
        keys.append(ForeignKey((column.name,), target, ("id",)))
    return keys


def _position(name: str = "position") -> Column:
    return Column(
        name,
        ColumnType.POSITION,
        "Where the item is in its record's list, 0 first (as in the JSON files).",
        required=True,
    )


def _owner_column(kinds: tuple[str, ...]) -> Column:
    """The key column naming the record that owns a part: ``event_id``, or ``record_id`` in a
    table shared by several kinds."""
    if len(kinds) > 1:
        return Column(
            "record_id",
            ColumnType.ID,
            "The record the item belongs to (the prefix of its ID says its kind).",
            required=True,
            refs=tuple(PREFIX_OF_KIND[k] for k in kinds),
        )
    (kind,) = kinds
    return Column(
        f"{_singular(kind)}_id",
        ColumnType.ID,
        f"The {_singular(kind)} the item belongs to.",
        required=True,
        refs=(PREFIX_OF_KIND[kind],),
    )


def _part_tables(
    name: str,
    kinds: tuple[KindName, ...],
    parent: Table,
    keys: list[Column],
    path: tuple[str, ...],
    field: attrs.Attribute[Any],
    hint: Any,
) -> Iterator[Table]:
    """The table of one list field (and, depth first, of the lists inside its items)."""
    item = _list_item(hint)
    assert item is not None
    noun = keys[-1].name.rsplit("_", 1)[0]  # event_id: an event; figure_position: a figure
    whose = f"{with_article(noun)}'s `{field.name}`"
    if attrs.has(item):
        values = _columns(item)
        lists = [
            (f, h)
            for f in attrs.fields(item)
            if _is_list_table(f, h := _split_optional(field_hints(item)[f.name])[0])
        ]
        description = f"{first_paragraph(item)} One row per item of {whose}, in order."
    else:
        value = _LINK_VALUE.get(field.name, _singular(field.name))
        spec = spec_of(field)
        assert isinstance(spec, Ref)
        values = [
            _with_getter(Column(value, ColumnType.ID, spec.doc, True, refs=spec.prefixes, field=()))
        ]
        lists = []
        description = f"{spec.doc} One row per item of {whose}, in order."
    columns = (*keys, _position(), *values)
    names = [c.name for c in columns]
    if len(set(names)) != len(names):
        raise TypeError(f"table {name!r} repeats a column name: {names}")
    owner = tuple(c.name for c in keys)
    table = Table(
        name=cast("TableName", name),
        description=description,
        columns=columns,
        primary_key=(*owner, "position"),
        foreign_keys=(
            ForeignKey(owner, parent.name, parent.primary_key),
            *_reference_keys(values),
        ),
        kinds=kinds,
        path=path,
        keys=len(keys) + 1,
        item=item if attrs.has(item) else str,
    )
    yield table
    for sub_field, sub_hint in lists:
        sub_keys = [*keys, _position(f"{_singular(field.name)}_position")]
        yield from _part_tables(
            f"{name}.{sub_field.name}",
            kinds,
            table,
            sub_keys,
            (*path, sub_field.name),
            sub_field,
            sub_hint,
        )


def _list_fields(cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
    hints = field_hints(cls)
    found = []
    for field in attrs.fields(cls):
        hint = _split_optional(hints[field.name])[0]
        if _is_list_table(field, hint):
            found.append((field, hint))
    return found


def _keys(fields: list[tuple[attrs.Attribute[Any], Any]]) -> set[tuple[str, Any]]:
    return {(f.name, h) for f, h in fields}


def _records_table() -> Table:
    return Table(
        name="records",
        description="Every record of every kind: its ID, kind and a short label. The target "
        "of the references that may name more than one kind.",
        columns=(
            Column("id", ColumnType.ID, "The record's ID.", True, refs=PREFIXES),
            Column("kind", ColumnType.TERM, "The record's kind (its table).", True, terms=KINDS),
            Column(
                "label",
                ColumnType.TEXT,
                "A short label for display (derived): the name of a person, organisation, "
                "group or place; the title of a source or event; the instrument and article of "
                "a law; the summary of a statement, cut to 80 characters; subject, kind and "
                "object of a relationship; the country's name, level, scale and date of a "
                "rating.",
                True,
            ),
        ),
        primary_key=("id",),
        foreign_keys=(),
        kinds=KINDS,
    )


def _redirects_table() -> Table:
    return Table(
        name="redirects",
        description="Retired IDs (of merged or renamed records) and the IDs that replaced "
        "them. `to` may itself be redirected, so it has no foreign key.",
        columns=(
            Column("id", ColumnType.ID, "The retired ID.", True, refs=PREFIXES),
            Column("to", ColumnType.ID, "The ID that replaced it.", True, refs=PREFIXES),
        ),
        primary_key=("id",),
        foreign_keys=(),
        kinds=(),
        keys=0,
    )


def _build() -> dict[TableName, Table]:
    tables: dict[TableName, Table] = {}
    list_fields = {kind: _list_fields(cls) for kind, cls in RECORD_TYPES.items()}
    seen = collections.Counter(
        itertools.chain.from_iterable(_keys(fields) for fields in list_fields.values())
    )
    shared = {key for key, count in seen.items() if count > 1}
    for kind in KINDS:
        cls = RECORD_TYPES[kind]
        columns = _columns(cls)
        if columns[0].name != "id":
            raise TypeError(f"{cls.__name__}: the first field must be its id")
        table = tables[kind] = Table(
            name=kind,
            description=first_paragraph(cls) + " One row per record.",
            columns=tuple(columns),
            primary_key=("id",),
            foreign_keys=tuple(_reference_keys(columns)),
            kinds=(kind,),
        )
        for field, hint in list_fields[kind]:
            if (field.name, hint) in shared:
                continue
            name = f"{kind}.{field.name}"
            parts = _part_tables(
                name, (kind,), table, [_owner_column((kind,))], (field.name,), field, hint
            )
            tables.update((t.name, t) for t in parts)
    records = _records_table()
    for field_name, hint in sorted(shared, key=lambda key: key[0]):
        kinds = tuple(k for k in KINDS if (field_name, hint) in _keys(list_fields[k]))
        field = attrs.fields_dict(RECORD_TYPES[kinds[0]])[field_name]
        parts = _part_tables(
            field_name, kinds, records, [_owner_column(kinds)], (field_name,), field, hint
        )
        tables.update((t.name, t) for t in parts)
    tables["records"] = records
    tables["redirects"] = _redirects_table()
    return tables


#: Every table, by name, in order: each kind's table and its lists, the shared lists
#: (``aliases``, ``citations``, ``inferred``), then ``records`` and ``redirects``. Read-only:
#: the exports and ``to_pandas`` write these tables, so no caller may change them.
TABLES: Final[NamedMapping[TableName, Table]] = NamedMapping(_build())


def written_tables(format: int) -> list[tuple[TableName, Table]]:
    """The tables an export declaring ``format`` writes, by name, in order: every table but
    those of record kinds a later format added (``KINDS_FROM``: a kind's table and the
    tables of its lists), whose files a reader of ``format`` does not know.

    >>> len(written_tables(1)) == len(TABLES)  # (no kind is newer than format 1 yet)
    True
    """
    readable = set(kinds_in(format))
    return [
        (name, table)
        for name, table in TABLES.items()
        if not table.kinds or readable.intersection(table.kinds)
    ]


def get_table(name: Table | TableName) -> Table:
    """The table called ``name``; a ValueError listing the tables if there is none. Given a
    :class:`Table` (``TABLES["events"]``), that table, as :func:`rows` and the others take
    one; a value that is neither text nor a table is a TypeError saying what is taken.

    >>> get_table("events.charges").column_names
    ('event_id', 'position', 'provision', 'against')
    >>> get_table(TABLES["events"]) is TABLES["events"]
    True
    >>> get_table("charges")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ValueError: unknown table 'charges' (did you mean 'events.charges'?); the tables are: ...
    """
    return as_table(name)


def _named(name: object) -> Table:
    """The table called ``name`` (of any type: it is checked here), as :func:`get_table`:
    TypeError for a value that is not text, ValueError for a name no table has."""
    also = f"a {python_call('rightsdata.tables.Table')}"
    wrong = not_a_name(name, "a table's name", "events", also, its="name")
    if wrong is not None:  # (the type of an argument is told by TypeError, docs/api.md)
        raise TypeError(wrong)
    assert isinstance(name, str)  # (not_a_name said so)
    table = cast("Mapping[str, Table]", TABLES).get(name)
    if table is None:
        renamed = _RENAMED.get(name)
        if renamed is not None:
            raise ValueError(
                f"unknown table {name!r}: it is {renamed!r} since model 2 (figures are on "
                "sources, organisations, groups, places, statements and ratings too), keyed by "
                "record_id instead of event_id"
            )
        shared = _shared_table(name)
        if shared is not None:
            raise ValueError(shared)
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown table {name!r}{spelled_like(name, TABLES)}; the tables are: "
            f"{', '.join(TABLES)}"
        )
    return table


def as_table(table: object) -> Table:
    """``table`` itself, or the table it names (:func:`get_table`): a value of another type
    is a TypeError naming it, an unknown name a ValueError, never an AttributeError."""
    return table if isinstance(table, Table) else _named(table)


def checked_dataset(dataset: object, function: str) -> Dataset:
    """``dataset``, the argument of ``function`` (``"rows"``), if it is a :class:`Dataset`;
    else a TypeError saying so, not an AttributeError from inside the walk.

    >>> checked_dataset("events", "rows")
    Traceback (most recent call last):
    TypeError: rows: dataset must be a `rightsdata.Dataset` (such as `rightsdata.load()`), \
not a str ('events')
    """
    taken = f"a {python_call('rightsdata.Dataset')} (such as {python_call('rightsdata.load()')})"
    checked(dataset, f"{function}: dataset", taken, Dataset)
    return cast("Dataset", dataset)


def _shared_table(name: str) -> str | None:
    """What to ask for instead of a kind's list that every kind holding it shares one table
    of (``'events.citations'``: ``'citations'``, keyed by ``record_id``), or None. Spelling
    alone would suggest a table of another list (``'figures.citations'``) or the kind's own.

    >>> print(_shared_table("persons.aliases"))
    unknown table 'persons.aliases': the table 'aliases' holds these rows for every kind of \
record that has them: a person's are those whose record_id is its ID
    >>> _shared_table("events.aliases") is None  # (an event has no aliases)
    True
    """
    kind, _, rest = name.partition(".")
    table = cast("Mapping[str, Table]", TABLES).get(rest)
    if table is None or not table.path or kind not in table.kinds:
        return None
    return (
        f"unknown table {name!r}: the table {rest!r} holds these rows for every kind of record "
        f"that has them: {a_noun(kind)}'s are those whose {table.column_names[0]} is its ID"
    )


#: Tables renamed by model 2, by their old names (for a message that says where they went).
_RENAMED: Final = {
    "events.figures": "figures",
    "events.figures.citations": "figures.citations",
}


# --- rows ---------------------------------------------------------------------------------


_DATASET_OR_NONE: Final = (Dataset, type(None))

#: The longest a statement's label is: its summary, cut at a word to at most this many
#: characters (a summary runs to hundreds; a label names a row in a join or a listing).
LABEL_MAX: Final = 80


def label(record: Record, dataset: Dataset | None = None) -> str:
    """A record's short label, the ``records`` table's ``label`` column: ``Person.label`` and
    the like, but a statement's summary cut at a word to 80 characters, and a
    rating named by its country, ``"Kazakhstan: repressed (civicus_monitor, 2022)"`` (the
    place's name in ``dataset``; its ID without one).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> label(ds.get("law:kz-cc-1997-164"))
    'Criminal Code of the Republic of Kazakhstan (1997), article 164'
    >>> rating = next(r for r in ds.ratings if r.country == "place:kazakhstan")
    >>> label(rating, ds).startswith("Kazakhstan: "), label(rating).startswith("place:kazakhstan: ")
    (True, True)

    A value that is not a record (an ID, None), or a ``dataset`` that is neither a
    :class:`rightsdata.Dataset` nor None, is a TypeError saying what is taken.
    """
    if not isinstance(record, RECORD_CLASSES):
        advice = (
            f"; pass the record, {python_call(f'ds.get({python_literal(record)})')}"
            if isinstance(record, str) and is_valid_id(record)
            else ""
        )
        raise TypeError(
            f"label: record must be a record (such as {python_call('ds.get(id)')}), not "
            f"{what_was_given(record)}{advice}"
        )
    checked(
        dataset,
        "label: dataset",
        f"a {python_call('rightsdata.Dataset')} or None",
        _DATASET_OR_NONE,
    )
    return _label(record, dataset)


def _label(record: Record, dataset: Dataset | None) -> str:
    """:func:`label` of ``record``, a record, in ``dataset``, a Dataset or None: unchecked,
    for the ``records`` table's column (its checks were a third of that column's time)."""
    if isinstance(record, Statement):
        return _cut(record.summary, LABEL_MAX)
    if isinstance(record, Rating):
        country = record.country
        if dataset is not None:
            place = dataset.get(country)
            country = place.name if isinstance(place, Place) else country
        return f"{country}: {record.level.value} ({record.scale.value}, {record.as_of})"
    return record.label


def _cut(text: str, most: int) -> str:
    """``text``, or, if longer than ``most`` characters, its start cut at a space and ended
    with an ellipsis, ``...``, within ``most`` (mid-word where no space comes early enough).

    >>> _cut("Calls for the release of all detained protesters", 30)
    'Calls for the release of...'
    >>> _cut("short", 30), _cut("x" * 40, 10)
    ('short', 'xxxxxxx...')
    """
    if len(text) <= most:
        return text
    start = text[: most - 2]  # (a space as its last character ends a word that fits)
    word = start.rfind(" ")
    start = start[:word] if word > most // 2 else text[: most - 3]
    return start.rstrip(" ,;:.") + "..."


#: ``datetime.date(1970, 1, 1).toordinal()``: days from the proleptic ordinal to Unix days.
UNIX_EPOCH_ORDINAL: Final = 719163


def walk(dataset: Dataset, table: Table, cache: dict[Any, Any]) -> list[tuple[Any, list[Any]]]:
    """The levels of ``table``'s walk from its records to its items: for each step of its
    path (the records themselves for a kind table), the number of items of each item of the
    level above (None for the records) and the items, in key order (level ``depth - 1`` is
    the last of ``table.path[:depth]``).

    ``cache`` keeps each level by its kinds and path, so that the tables of one export
    (``figures`` and ``figures.citations``) walk the records once (:func:`read_lists` reads
    the records' lists of all the tables at once). The key columns are made from the counts
    (:func:`key_lists`; Arrow's in C, :mod:`rightsdata._tables.arrow`).
    """
    if not table.path:
        return [_level(dataset, table.kinds, (), cache)]
    return [
        _level(dataset, table.kinds, table.path[:depth], cache)
        for depth in range(1, len(table.path) + 1)
    ]


def _level(
    dataset: Dataset, kinds: tuple[str, ...], path: tuple[str, ...], cache: dict[Any, Any]
) -> tuple[list[int] | None, list[Any]]:
    here = ("level", kinds, path)
    found = cache.get(here)
    if found is None:
        if not path:
            records: list[Any] = []
            for kind in kinds:  # each kind's records and IDs are read once per export
                records += kind_level(dataset, kind, cache)[1]
            found = (None, records)
        else:
            # the records of several kinds are read in turn, never copied into one list
            # (that touched each record once more)
            parents: Iterable[Any] = (
                itertools.chain.from_iterable(kind_level(dataset, k, cache)[1] for k in kinds)
                if len(path) == 1
                else _level(dataset, kinds, path[:-1], cache)[1]
            )
            lists = list(map(operator.attrgetter(path[-1]), parents))
            found = (list(map(len, lists)), list(itertools.chain.from_iterable(lists)))
        cache[here] = found
    return found


#: Records read at a time by :func:`read_lists`.
READ_RECORDS: Final = 2_048


def read_lists(dataset: Dataset, cache: dict[Any, Any]) -> None:
    """Read the lists of every record that the tables of items start from (an event's
    ``participants``, any record's ``citations``) into ``cache``, as :func:`walk` would,
    reading each kind's records :data:`READ_RECORDS` at a time, all their lists while they
    are in the processor's cache (each list on its own read all the records again: 0.28
    against 0.21 s at 100,000 events)."""
    levels: dict[tuple[tuple[str, ...], str], tuple[list[int], list[Any]]] = {}
    of_kind: dict[str, list[tuple[str, tuple[list[int], list[Any]]]]] = {}
    for table in TABLES.values():
        if not table.path or table.kinds != tuple(k for k in KINDS if k in table.kinds):
            continue  # (a table of records, or kinds out of order: left to walk)
        key = (table.kinds, table.path[0])
        if ("level", table.kinds, table.path[:1]) in cache or key in levels:
            continue
        found = levels[key] = ([], [])
        for kind in table.kinds:
            of_kind.setdefault(kind, []).append((table.path[0], found))
    chain = itertools.chain.from_iterable
    for kind in KINDS:  # the kinds of every table in this order: each level's items in order
        records = kind_level(dataset, kind, cache)[1]
        read = [(operator.attrgetter(name), found) for name, found in of_kind.get(kind, [])]
        if not read:
            continue
        for start in range(0, len(records), READ_RECORDS):
            part = records[start : start + READ_RECORDS]
            for get, (counts, items) in read:
                lists = list(map(get, part))
                counts += map(len, lists)
                items += chain(lists)
    for (kinds, name), found in levels.items():
        cache["level", kinds, (name,)] = found


def key_lists(dataset: Dataset, table: Table, cache: dict[Any, Any]) -> list[list[Any]]:
    """The key columns of ``table`` (the owner's ID, then a position per step of its path),
    each a list (kept in ``cache`` for the tables below it)."""
    return _key_lists(dataset, table.kinds, table.path, cache)


def _key_lists(
    dataset: Dataset, kinds: tuple[str, ...], path: tuple[str, ...], cache: dict[Any, Any]
) -> list[list[Any]]:
    here = ("keys", kinds, path)
    found = cache.get(here)
    if found is None:
        if not path:
            ids: list[Any] = []
            for kind in kinds:
                ids += kind_level(dataset, kind, cache)[0]
            found = [ids]
        else:
            keys = _key_lists(dataset, kinds, path[:-1], cache)
            counts = _level(dataset, kinds, path, cache)[0]
            assert counts is not None
            chain, compress = itertools.chain.from_iterable, itertools.compress
            # only the owners with items (most have none of most lists) are repeated
            full = list(filter(None, counts))
            found = [_repeated(compress(c, counts), full) for c in keys]
            # each count's positions are made once, as a tuple that is read in C
            ranges = {count: tuple(range(count)) for count in set(full)}
            found.append(list(chain(map(ranges.__getitem__, full))))
        cache[here] = found
    return found


def _repeated(values: Iterable[Any], counts: list[int]) -> list[Any]:
    """Each of ``values`` ``count`` times, in order (``count`` at least 1). Most owners have
    one item of a list: appended as it is (``itertools.repeat`` parsed its arguments with
    keywords for each owner, about 400 instructions)."""
    found: list[Any] = []
    append = found.append
    for value, count in zip(values, counts, strict=True):
        if count == 1:
            append(value)
        else:
            found += [value] * count
    return found


_ID: Final = operator.attrgetter("id")


def kind_level(dataset: Dataset, kind: str, cache: dict[Any, Any]) -> tuple[list[Any], list[Any]]:
    """The IDs and the records of ``kind``, kept in ``cache`` for the other tables."""
    found = cache.get(kind)
    if found is None:
        records = list(dataset.collection(cast("KindName", kind)))
        found = cache[kind] = (list(map(_ID, records)), records)
    return found


def _values(items: list[Any], path: tuple[str, ...], seen: dict[Any, list[Any]]) -> list[Any]:
    """The value at ``path`` in each item (None where a step is None); ``seen`` keeps the
    values of each path (a date's three columns read the date once)."""
    if not path:
        return items
    found = seen.get(path)
    if found is None:
        if len(path) == 1:
            found = list(map(operator.attrgetter(path[0]), items))
        else:
            get = operator.attrgetter(path[-1])
            found = [None if v is None else get(v) for v in _values(items, path[:-1], seen)]
        seen[path] = found
    return found


#: The attribute that holds a column's cell in its field's value: an enum's value, an EDTF
#: date's text (read straight from their slots, not through properties, for speed).
_INNER: Final = {ColumnType.TERM: "_value_", ColumnType.EDTF: "_text"}


def column_values(column: Column, items: list[Any], seen: dict[Any, list[Any]]) -> list[Any]:
    """One value column's raw values: days as proleptic ordinals, everything else as a cell."""
    if column.derive is not None:
        assert column.source is not None
        sources = _values(items, column.source, seen)
        if column.derive == "earliest":
            return [None if v is None else v._lo for v in sources]
        if column.derive == "latest":
            return [None if v is None else v._hi for v in sources]
        days = {v: duration_days(v) for v in set(sources) if v is not None}  # once per duration
        return [None if v is None else days[v] for v in sources]
    assert column.field is not None
    inner = _INNER.get(column.type)
    if inner is not None and column.required and len(column.field) == 1:
        return list(map(operator.attrgetter(f"{column.field[0]}.{inner}"), items))
    values = _values(items, column.field, seen)
    if inner is not None:
        get = operator.attrgetter(inner)
        return [None if v is None else get(v) for v in values]
    if column.type is ColumnType.DURATION:
        texts = {v: format_duration(v) for v in set(values) if v is not None}
        return [None if v is None else texts[v] for v in values]
    return values


#: Items read at a time by :func:`value_columns`: few enough that they are still in the
#: processor's cache when the next column reads them (every value column of every table of
#: 100,000 events: 0.37 s a whole column at a time, 0.28 s in parts of 2,000 items).
READ_ITEMS: Final = 2_000


def value_columns(columns: Iterable[Column], items: list[Any]) -> list[list[Any]]:
    """:func:`column_values` of each of ``columns``, read :data:`READ_ITEMS` items at a time
    (each part's every column before the next part)."""
    columns = tuple(columns)
    if len(items) <= READ_ITEMS:
        seen: dict[Any, list[Any]] = {}
        return [column_values(c, items, seen) for c in columns]
    found: list[list[Any]] = [[] for _ in columns]
    for start in range(0, len(items), READ_ITEMS):
        part = items[start : start + READ_ITEMS]
        seen = {}
        for values, column in zip(found, columns, strict=True):
            values += column_values(column, part, seen)
    return found


def label_field(cls: type) -> str | None:
    """The field of ``cls`` that is every record's :func:`label` (a required ``name`` or
    ``title``), or None if the label is made otherwise.

    >>> from rightsdata._model.records import Event, Law
    >>> label_field(Event), label_field(Law)
    ('title', None)
    """
    hints = field_hints(cls)
    named = _label_name(cls)
    return named if named is not None and hints[named] is str else None


def _label_name(cls: type) -> str | None:
    hints = field_hints(cls)
    named = next((n for n in ("name", "title", "summary") if n in hints), None)
    return None if cls in (Law, Relationship, Rating, Statement) else named


def labels(records: list[Any], cls: type, dataset: Dataset | None = None) -> list[str]:
    """:func:`label` of each record of class ``cls`` (in ``dataset``), reading the one field
    it will use."""
    named = _label_name(cls)
    if named is None:
        return [_label(r, dataset) for r in records]
    values = _values(records, (named,), {})
    if label_field(cls) is not None:  # never None: the field is the label
        return values
    return [
        v if isinstance(v, str) else _label(r, None) for r, v in zip(records, values, strict=True)
    ]


def raw_columns(
    dataset: Dataset, table: Table | str, cache: dict[Any, Any] | None = None
) -> list[list[Any]]:
    """The columns of ``table`` for ``dataset``, each a list, in key order: what
    :func:`columns` gives, but a day as its proleptic ordinal (``date.toordinal()``), which
    the table formats turn into their own day types without making a date object each.
    ``cache`` (a dict, empty at first) lets the tables of one dataset share their walks.
    """
    table = as_table(table)
    cache = {} if cache is None else cache
    if table.name == "records":
        found: list[list[Any]] = [[], [], []]
        for kind in KINDS:
            ids, records = kind_level(dataset, kind, cache)
            found[0] += ids
            found[1] += itertools.repeat(kind, len(records))
            found[2] += labels(records, RECORD_TYPES[kind], dataset)
        return found
    if table.name == "redirects":
        pairs = sorted(dataset.redirects.items())
        return [[old for old, _ in pairs], [new for _, new in pairs]]
    items = walk(dataset, table, cache)[-1][1]
    seen: dict[Any, list[Any]] = {}
    values = [column_values(c, items, seen) for c in table.columns[table.keys :]]
    return [*key_lists(dataset, table, cache), *values]


def columns(dataset: Dataset, table: Table | TableName) -> list[list[Cell]]:
    """The columns of ``table`` for ``dataset``, each a list of cells, in key order (the
    transpose of :func:`rows`, built a column at a time).

    >>> import rightsdata
    >>> charges = columns(rightsdata.load(), "events.charges")
    >>> charges[0][0], charges[1][0], charges[2][0]
    ('event:kozlov-charged-2012', 0, 'law:kz-cc-1997-164')
    """
    return _cells(checked_dataset(dataset, "columns"), as_table(table))


def _cells(dataset: Dataset, table: Table) -> list[list[Cell]]:
    """:func:`columns`, its arguments checked."""
    found = raw_columns(dataset, table)
    fromordinal = datetime.date.fromordinal
    return [
        [None if v is None else fromordinal(v) for v in values]
        if column.type is ColumnType.DAY
        else values
        for column, values in zip(table.columns, found, strict=True)
    ]


#: The largest whole number a count may have in the tables: Parquet's and pandas' int64.
INT64_MAX: Final = 2**63 - 1


def check_integers(table: Table, found: list[list[Any]]) -> None:
    """Raise :class:`rightsdata.InvalidDataError` (a ``ValueError``) if a count or position
    of ``found`` (``table``'s columns) is too large for a 64-bit integer, naming the table,
    the column and the row's record."""
    for column, values in zip(table.columns, found, strict=True):
        if column.type not in (ColumnType.COUNT, ColumnType.POSITION):
            continue
        for index, value in enumerate(values):
            if value is not None and value > INT64_MAX:
                from rightsdata._tables.tableerrors import table_error  # (only when wrong)
                from rightsdata._values.errors import ProblemCode

                raise table_error(
                    f"table {table.name!r}, column {column.name!r}",
                    f"{found[0][index]} has {value}, more than {INT64_MAX} (2**63-1), the "
                    "largest whole number Parquet and pandas hold",
                    ProblemCode.LIMIT,
                    column=column.name,
                    record_id=str(found[0][index]),
                )


def rows(dataset: Dataset, table: Table | TableName) -> Iterator[Row]:
    """The rows of ``table`` (a :class:`Table` or its name) for ``dataset``, in key order.

    >>> import rightsdata
    >>> next(rows(rightsdata.load(), "events.charges"))
    ('event:kozlov-charged-2012', 0, 'law:kz-cc-1997-164', 'person:vladimir-kozlov')
    """
    found = _cells(checked_dataset(dataset, "rows"), as_table(table))
    return iter(zip(*found, strict=True))
