"""HTML tables for notebooks (internal; see :mod:`rightsdata._display.display`): a list of
records, a collection, the claims of a :class:`~rightsdata.Figures` and what names a record
(:class:`~rightsdata.Related`).

Built as the record cards are (:mod:`rightsdata._display.cards`): inline styles, everything
from data escaped. A table shows at most :data:`TABLE_LIMIT` rows, then how many more there
are.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> table = records_table(ds.persons, rightsdata.load())
>>> "Aarti Narsee" in table, "and 30 more" in table
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from rightsdata._data.answers import Figures, Related, SearchResults
from rightsdata._data.dataset import Dataset
from rightsdata._display.cards import (
    _CARD,
    _GREY,
    _KICKER,
    _MUTED,
    _TITLE,
    _TITLE_LEVEL,
    _block,
    _e,
    _mono,
    _more,
    _Names,
    _section,
    _short_citation,
    _span,
    _v,
)
from rightsdata._display.words import (
    INFERRED_LEGEND,
    INFERRED_MARK,
    date_field,
    event_kind_mark,
    figure_value,
    figures_summary,
    listed_date,
    term,
    truncate,
)
from rightsdata._model.records import (
    Event,
    Figure,
    Record,
)
from rightsdata._values.dates import EDTF
from rightsdata._values.errors import counted, counted_kind
from rightsdata._values.ids import KIND_OF_PREFIX, a_noun, prefix_of

__all__ = [
    "TABLE_LIMIT",
    "figures_card",
    "list_card",
    "records_table",
    "related_card",
    "search_card",
]

#: How many rows a table shows before saying how many more there are.
TABLE_LIMIT: Final = 20
_LABEL_WIDTH: Final = 90  # characters of a name or title in a row; the whole on hover
_TABLE: Final = "border-collapse:collapse;margin:6px 0 2px;width:auto"
_TH: Final = (
    f"text-align:left;font-weight:600;padding:2px 12px 2px 0;border-bottom:1px solid {_GREY}"
)
_TD: Final = "text-align:left;vertical-align:top;padding:2px 12px 2px 0"


def _date_cell(record: Record) -> str:
    """A row's date cell: the date a list shows (:func:`listed_date`: an inferred one marked
    ``*``), its EDTF text on hover; empty where the record has none."""
    shown = listed_date(record)
    if shown is None:
        return ""
    date = getattr(record, date_field(record) or "")
    assert isinstance(date, EDTF)
    inferred = " (inferred, not stated)" if shown.endswith(INFERRED_MARK) else ""
    return _span(_e(shown), "", title=date.text + inferred)


def _kind_of(record: Record) -> str:
    """A row's kind cell; an event's with its status and what its date is of, as every list
    says them (:func:`event_kind_mark`)."""
    if isinstance(record, Event):
        return _e(event_kind_mark(record))
    kind = getattr(record, "kind", None)
    return "" if kind is None else _e(term(kind))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> str:
    """Cells (HTML) under a header (plain text); a last row saying how many of ``total``
    are not given. Rows given past :data:`TABLE_LIMIT` (a card that must show every one)
    follow in a ``<details>`` that says how many and opens on a click."""
    head = "".join(f'<th style="{_TH}">{_e(h)}</th>' for h in header)
    body = [
        "<tr>" + "".join(f'<td style="{_TD}">{cell}</td>' for cell in row) + "</tr>" for row in rows
    ]
    opened, rest = body[:TABLE_LIMIT], body[TABLE_LIMIT:]
    if total > len(rows):  # (the note of those not given: after the last row, not one of them)
        more = f"and {total - len(rows):,} more"
        note = f'<tr><td colspan="{len(header)}" style="{_TD};{_MUTED}">{more}</td></tr>'
        (rest or opened).append(note)
    if not rest:
        return _tabled(head, opened)
    return (
        f'{_tabled(head, opened)}<details><summary style="{_MUTED};cursor:pointer">'
        f"and {len(body) - TABLE_LIMIT:,} more</summary>"
        f"{_tabled(head, rest)}</details>"
    )


def _tabled(head: str, rows: Sequence[str]) -> str:
    body = "".join(rows)
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def records_table(records: Sequence[Record], dataset: Dataset | None) -> str:
    """Records as an HTML table: ID, name or title, kind and date (the last two only where
    some record has one; an event's kind with its status and what its date is of, where it
    did not simply happen then), at most :data:`TABLE_LIMIT` rows."""
    names = _Names(dataset)
    shown = list(records[:TABLE_LIMIT])
    dates = [_date_cell(r) for r in shown]
    kinds = [_kind_of(r) for r in shown]
    header = ["ID", "name or title"]
    columns: list[list[str]] = [
        [_mono(r.id) for r in shown],
        [_label_cell(names.label_of(r)) for r in shown],
    ]
    if any(kinds):
        header.append("kind")
        columns.append(kinds)
    if any(dates):
        header.append("date")
        columns.append(dates)
    rows = [list(row) for row in zip(*columns, strict=True)] if shown else []
    marked = any((listed_date(r) or "").endswith(INFERRED_MARK) for r in shown)
    legend = f'<div style="{_MUTED}">{_e(INFERRED_LEGEND)}</div>' if marked else ""
    return _table(header, rows, len(records)) + legend


def _label_cell(label: str) -> str:
    shown = truncate(label, _LABEL_WIDTH)
    return _span(_v(shown), "", title=label) if shown != label else _v(label)


def _title(names: _Names, record_id: str) -> str:
    """What heads an answer's card: the name of the record it is about; where there is no
    dataset to ask, what kind of record it is (its ID is on the line below, never twice)."""
    label = names.label(record_id)
    if label is not None:
        return label
    kind = KIND_OF_PREFIX.get(prefix_of(record_id), "")
    return f"{a_noun(kind).capitalize()} not found in a loaded dataset"


def _card(kicker: str, title: str, facts: str, body: str) -> str:
    # (no title, as display.table's: no empty block, which a screen reader would announce)
    heading = _block(_TITLE, title, level=_TITLE_LEVEL) if title else ""
    return (
        f'<div style="{_CARD}"><div style="{_KICKER}">{_e(kicker)}</div>'
        f'{heading}<div style="{_MUTED}">{facts}</div>{body}</div>'
    )


def list_card(kicker: str, title: str, records: Sequence[Record], dataset: Dataset | None) -> str:
    """A card with a table of records: a collection, or a list of records to show."""
    facts = _e(counted(len(records), "record"))
    body = records_table(records, dataset) if records else ""
    return _card(kicker, title, facts, body)


def search_card(found: SearchResults) -> str:
    """The records a search found as a card: how many, and, where its ``limit`` left some
    out, that more match and how to see them all.

    >>> import rightsdata
    >>> card = search_card(rightsdata.load().search("kozlov", limit=3))
    >>> "3 records; more match than limit=3 let through" in card
    True
    """
    facts = counted(len(found), "record")
    if found.truncated:
        facts += (
            f"; more match than limit={found.limit} let through: search with a larger "
            "limit, or limit=None for every match"
        )
    body = records_table(found, None) if found else ""
    return _card("Search results", "", _e(facts), body)


def _who(figure: Figure, names: _Names) -> str:
    """Who asserted a figure, those who joined them and those who relayed it, as the record's
    card says them: a claim no one is named as asserting is "unattributed", and still says
    who relayed it (``relayed_by`` does not need ``asserted_by``)."""
    if figure.asserted_by is None:
        who = _span("unattributed", _MUTED)
    else:
        who = names.ref(figure.asserted_by)
    if figure.joined_by:
        who += f" {_span('jointly with', _MUTED)} {names.refs(figure.joined_by)}"
    if figure.relayed_by:
        who += f"{_span(', relayed by', _MUTED)} {names.refs(figure.relayed_by)}"
    return who


def _claim(figure: Figure, measures: bool, names: _Names) -> str:
    """A claim's cell: its value and unit (its measure first, where the claims count
    several), the source's words, and the fields the record's card says after a figure
    (:func:`_more`: a field added to a figure is never left off)."""
    value = _e(figure_value(figure))
    if measures:
        value = f"{_span(_e(term(figure.measure)), _MUTED)} {value}"
    if figure.as_given:
        value += f"<br>{_span('“' + _v(figure.as_given) + '”', _MUTED)}"
    return value + _more(figure, names)


def figures_card(figures: Figures, dataset: Dataset | None) -> str:
    """The claims as a card: what they say in a line (:func:`figures_summary`), then a
    table of every claim (its value and unit, the source's words, and any field of it the
    record's card says in brackets), who asserted it (or "unattributed"), joined in or
    relayed it, and where: the first :data:`TABLE_LIMIT` open, the rest collapsed, never
    left out. The heading names the measure asked for, or where none was, the one every
    claim counts; claims of several measures each say theirs."""
    names = _Names(dataset)
    measure = figures._measure()
    measures = len({f.measure for f in figures}) > 1
    rows = [
        [
            _claim(f, measures, names),
            _who(f, names),
            "<br>".join(_short_citation(c, names) for c in f.citations),
        ]
        for f in figures  # (every claim: one left out could be the one that disagrees)
    ]
    what = " ".join(term(x) for x in (measure, figures.unit) if x is not None)
    title = _title(names, figures.record)
    summary = figures_summary(figures, figures.disagree, lambda i: names.label(i) or i)
    facts = f"{_mono(figures.record)} · {_v(summary)}"
    body = _table(["claim", "asserted by", "source"], rows, len(figures)) if rows else ""
    return _card(f"Figures · {what}" if what else "Figures", title, facts, body)


def related_card(related: Related, dataset: Dataset | None) -> str:
    """What names a record, as a card: a table for each kind of record that names it."""
    names = _Names(dataset)
    title = _title(names, related.record)
    sections = [
        _section(f"{name.capitalize()} ({len(found):,})", records_table(found, dataset))
        for name in ("relationships", "events", "statements", "ratings")
        if (found := getattr(related, name))
    ]
    counts = ", ".join(
        counted_kind(len(getattr(related, name)), name)
        for name in ("relationships", "events", "statements", "ratings")
    )
    return _card("Related", title, f"{_mono(related.record)} · {_e(counts)}", "".join(sections))
