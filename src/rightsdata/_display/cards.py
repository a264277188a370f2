"""HTML cards for records and datasets (internal; see :mod:`rightsdata._display.display`).

Everything that comes from data goes through :func:`html.escape`, with the invisible
characters that could mislead a reader (a direction override, a zero-width space) shown as
their escapes (``\\u202e``), as the text card shows them; and each value from the data is
isolated (``<bdi>``, or ``dir="auto"`` on its block), so that a right-to-left name keeps its
order without reordering the words around it. Styles are inline (no
``<style>`` element, no classes), colours are inherited or translucent grey, so a card reads
the same in light and dark notebook themes and survives renderers that drop style sheets.

>>> import rightsdata
>>> card = record_card(rightsdata.load().get("place:almaty"), rightsdata.load())
>>> card.startswith("<div") and "Almaty" in card
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Final

from rightsdata._data import registry
from rightsdata._data.dataset import Dataset
from rightsdata._display.words import (
    cited_details,
    coordinates_text,
    describe_date,
    duration_text,
    event_status,
    figure_text,
    identifier_text,
    identifier_url,
    other_fields,
    part_more,
    redirect_note,
    term,
    truncate,
    value_text,
    years_of,
)
from rightsdata._model.records import (
    Alias,
    Charge,
    Citation,
    Event,
    Figure,
    Group,
    Identifier,
    Inference,
    Law,
    Organization,
    Part,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata._values.controls import ESCAPES
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import format_duration
from rightsdata._values.errors import UnknownIdError, counted, one_line

__all__ = ["card_dataset", "dataset_card", "dataset_label", "record_card"]

_GREY: Final = "rgba(128,128,128,.4)"
_CARD: Final = (
    f"border:1px solid {_GREY};border-radius:6px;padding:8px 12px;margin:4px 0;"
    "max-width:50em;line-height:1.45;text-align:left;color:inherit;background:transparent;"
    "overflow-wrap:anywhere"
)
_KICKER: Final = "font-size:.8em;letter-spacing:.04em;text-transform:uppercase;opacity:.75"
_TITLE: Final = "font-size:1.15em;font-weight:600;margin:1px 0"
_MUTED: Final = "opacity:.7"
_MONO: Final = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em"
_GRID: Final = (
    "display:grid;grid-template-columns:max-content minmax(0,1fr);gap:3px 14px;margin:8px 0 4px"
)
_LABEL: Final = "opacity:.7;white-space:nowrap;font-weight:normal"
_HEADING: Final = f"font-weight:600;margin:10px 0 3px;padding-top:6px;border-top:1px solid {_GREY}"
_LIST: Final = "margin:0;padding-left:1.6em"
_ITEM: Final = "margin:1px 0"
_QUOTE: Final = (
    f"margin:2px 0 2px;padding:0 0 0 8px;border-left:3px solid {_GREY};font-style:italic"
)
_CHIP: Final = (
    "display:inline-block;padding:0 8px;margin:2px 4px 2px 0;border-radius:10px;"
    "background:rgba(128,128,128,.16)"
)
#: How many items a list shows open; the rest follow, collapsed (``<details>``), never left out.
LIST_LIMIT: Final = 12
_SOURCE_TITLE: Final = 90  # characters of a source's title and locator beside a figure
#: The least of a source's title shown beside a figure where its locator is long: the
#: locator is shown whole (two citations of one source differ there), the title cut.
_SOURCE_TITLE_LEAST: Final = 30


def _e(value: object) -> str:
    """``value`` escaped for HTML, its hidden characters (:data:`ESCAPES`) as their escapes."""
    text = str(value)
    if not text.isprintable():  # (a line feed, a tab, a hidden character)
        text = text.translate(ESCAPES)
    return html.escape(text, quote=True)


_PROSE: Final = "white-space:pre-line"  # line feeds kept, runs of spaces and tabs one space


def _v(value: object, *, prose: bool = False) -> str:
    """A value from the data, escaped (:func:`_e`) and isolated (``<bdi>``) from the words
    around it: a right-to-left name neither reorders them nor is reordered by them. On one
    line (:func:`~rightsdata._values.errors.one_line`: a name, a title, a locator), unless
    ``prose`` (a summary, a quote, a note, a basis), whose line feeds are kept."""
    if prose:
        return f'<bdi style="{_PROSE}">{_e(value)}</bdi>'
    return f"<bdi>{_e(one_line(str(value)))}</bdi>"


#: The heading levels a card's blocks announce to a screen reader (``role="heading"``): a
#: card's title, and its sections' headings under it. Styled blocks, not ``<h3>``: a
#: notebook's own styles for headings (margins, sizes, JupyterLab's anchor links) would
#: apply to an ``<h3>`` inside a card.
_TITLE_LEVEL: Final = 3
_SECTION_LEVEL: Final = 4


def _heading_role(level: int | None) -> str:
    return "" if level is None else f' role="heading" aria-level="{level}"'


def _block(style: str, value: object, *, prose: bool = False, level: int | None = None) -> str:
    """A block (a title, a summary) holding one value from the data, its direction its own;
    on one line, or a ``prose`` one with its line feeds; a heading of ``level`` if given."""
    role = _heading_role(level)
    if prose:
        return f'<div dir="auto"{role} style="{style};{_PROSE}">{_e(value)}</div>'
    return f'<div dir="auto"{role} style="{style}">{_e(one_line(str(value)))}</div>'


def _span(content: str, style: str, title: str | None = None) -> str:
    tip = f' title="{_e(title)}"' if title else ""
    return f'<span style="{style}"{tip}>{content}</span>'


def _mono(text: str) -> str:
    return _span(_e(text), _MONO)


def _list(items: Sequence[str], ordered: bool = False) -> str:
    """Items (HTML) as a list, every one of them: the first :data:`LIST_LIMIT` open, the
    rest in a ``<details>`` that says how many ("and 3 more") and opens on a click (an
    ordered list numbered on). A card must not lose an item: a disagreeing figure, a source,
    a note of what was inferred; a renderer that knows no ``<details>`` shows them all."""
    tag = "ol" if ordered else "ul"
    shown = "".join(f'<li style="{_ITEM}">{item}</li>' for item in items[:LIST_LIMIT])
    listed = f'<{tag} style="{_LIST}">{shown}</{tag}>'
    if len(items) <= LIST_LIMIT:
        return listed
    rest = "".join(f'<li style="{_ITEM}">{item}</li>' for item in items[LIST_LIMIT:])
    start = f' start="{LIST_LIMIT + 1}"' if ordered else ""
    return (
        f'{listed}<details><summary style="{_ITEM};{_MUTED};cursor:pointer">'
        f"and {len(items) - LIST_LIMIT:,} more</summary>"
        f'<{tag}{start} style="{_LIST}">{rest}</{tag}></details>'
    )


def _link(text: str, url: str | None) -> str:
    if url and url.startswith(("https://", "http://")):
        link = f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(text)}</a>'
        return f"<bdi>{link}</bdi>"
    return _v(text)


def _date(date: EDTF | None) -> str:
    if date is None:
        return _span("not known", _MUTED)
    return f"{_mono(date.text)} {_span(_e(describe_date(date)), _MUTED)}"


class _Names:
    """Names of the records a card refers to, from the dataset holding it (or none)."""

    def __init__(self, dataset: Dataset | None) -> None:
        self.dataset = dataset

    def record(self, record_id: str) -> Record | None:
        if self.dataset is None:
            return None
        try:
            return self.dataset.get(record_id)
        except UnknownIdError:
            return None

    def label(self, record_id: str) -> str | None:
        """A record's name in plain text, or None if it cannot be looked up."""
        record = self.record(record_id)
        return None if record is None else self.label_of(record)

    def label_of(self, record: Record) -> str:
        """A record's name or title in plain text; a relationship's or rating's by the names
        of the records it names (their IDs where there is no dataset to ask)."""
        if isinstance(record, Statement):
            return truncate(record.label, 80)  # (on one line: truncate makes it so)
        if isinstance(record, Relationship):  # the ends by name, where they have one
            subject = self.label(record.subject) or record.subject
            return f"{subject} {term(record.kind)} {self.label(record.object) or record.object}"
        if isinstance(record, Rating):  # the country by name
            return f"{self.label(record.country) or record.country} {record.level} ({record.as_of})"
        return one_line(record.label)

    def ref(self, record_id: str, width: int | None = None) -> str:
        """A reference as HTML: the name (its ID on hover), or the ID where it has none."""
        label = self.label(record_id)
        if label is None:
            return _mono(record_id)
        shown = label if width is None else truncate(label, width)
        return _span(_v(shown), "", title=record_id if shown == label else f"{label}\n{record_id}")

    def refs(self, record_ids: Iterable[str]) -> str:
        return ", ".join(self.ref(i) for i in record_ids)

    def source(self, record_id: str, *more: str) -> str:
        """A source's title (linked), then a line of its publisher, date and ``more``."""
        source = self.record(record_id)
        if not isinstance(source, Source):
            details = list(more)
            title = _mono(record_id)
        else:
            details = [self.ref(source.publisher)] if source.publisher else []
            if source.published is not None:
                details.append(_e(describe_date(source.published, brief=True)))
            details += more
            title = _span(_link(source.title, source.url), "", title=record_id)
        return title + (f"<br>{_span(' · '.join(details), _MUTED)}" if details else "")


# --- parts shared by every kind ---------------------------------------------------------------


def _more(part: Part, names: _Names) -> str:
    """A part's fields that its renderer has no words for (:func:`part_more`), in brackets
    after it, or ``''``: a field added to a part is never left off the card."""
    more = part_more(part, lambda i: names.label(i) or i)
    return f" {_span(f'({_v(more)})', _MUTED)}" if more else ""


def _citation(citation: Citation, names: _Names) -> str:
    where = cited_details(citation, _v, _mono, lambda i: names.label(i) or i)
    quote = (
        f'<div style="{_QUOTE}">“{_v(citation.quote, prose=True)}”</div>' if citation.quote else ""
    )
    return names.source(citation.source, *where) + quote


def _short_citation(citation: Citation, names: _Names) -> str:
    """A figure's citation on its line: the source's title, cut where the line is short
    (its whole title and ID in the tooltip), then what the text card says of it whole:
    where in the source, what it supports, how sure, and its quote (two citations of one
    source differ only there)."""
    source = names.record(citation.source)
    said = cited_details(citation, _v, _mono, lambda i: names.label(i) or i)
    quote = f" “{_v(citation.quote, prose=True)}”" if citation.quote else ""
    if not isinstance(source, Source):
        return ", ".join([_mono(citation.source), *said]) + quote
    room = max(_SOURCE_TITLE - len(citation.locator or ""), _SOURCE_TITLE_LEAST)
    title = _span(_v(truncate(source.title, room)), "", title=f"{source.title}\n{citation.source}")
    return ", ".join([title, *said]) + quote


def _inference(inference: Inference, names: _Names) -> str:
    return f"{_mono(inference.field)}: {_v(inference.basis, prose=True)}{_more(inference, names)}"


def _aliases(aliases: Sequence[Alias], names: _Names) -> str:
    return ", ".join(
        _v(a.name) + (_span(f" ({_v(a.language)})", _MUTED) if a.language else "") + _more(a, names)
        for a in aliases
    )


def _section(heading: str, body: str) -> str:
    role = _heading_role(_SECTION_LEVEL)
    return f'<div{role} style="{_HEADING}">{_e(heading)}</div>{body}'


def _rows(rows: Iterable[tuple[str, str | None]]) -> str:
    cells = [
        f'<dt style="{_LABEL}">{_e(label)}</dt><dd style="margin:0">{value}</dd>'
        for label, value in rows
        if value
    ]
    # (a description list, so that a screen reader reads each value with its field's name;
    # the styles a notebook gives its terms and definitions, bold or indented, overridden)
    return f'<dl style="{_GRID}">{"".join(cells)}</dl>' if cells else ""


# --- per kind: (kicker, title, summary, rows) ----------------------------------------------------


def _article(law: Law) -> str:
    if law.article is None:
        return _span("the whole instrument", _MUTED)
    return _v(law.article) + (f", part {_v(law.part)}" if law.part else "")


_Rows = list[tuple[str, str | None]]


def _charge(charge: Charge, names: _Names) -> str:
    line = f"{names.ref(charge.provision)} {_span('against', _MUTED)} {names.ref(charge.against)}"
    line += _more(charge, names)
    law = names.record(charge.provision)
    if isinstance(law, Law) and law.title:
        line += f"<br>{_span(_v(truncate(law.title, 120)), _MUTED, title=law.title)}"
    return line


def _figure(figure: Figure, names: _Names) -> str:
    said = f" {_span('“' + _v(figure.as_given) + '”', _MUTED)}" if figure.as_given else ""
    who = f"according to {names.ref(figure.asserted_by)}" if figure.asserted_by else "unattributed"
    if figure.joined_by:
        who += f" jointly with {names.refs(figure.joined_by)}"
    if figure.relayed_by:
        who += f", relayed by {names.refs(figure.relayed_by)}"
    where = "; ".join(_short_citation(c, names) for c in figure.citations)
    more = _more(figure, names)
    return f"{_e(figure_text(figure))}{said}{more}<br>{_span(f'{who} — {where}', _MUTED)}"


def _event_rows(event: Event, names: _Names) -> _Rows:
    by_role: dict[str, list[str]] = {}
    for participant in event.participants:
        actor = names.ref(participant.actor) + _more(participant, names)
        by_role.setdefault(term(participant.role), []).append(actor)
    participants = "<br>".join(
        f"{', '.join(actors)} {_span(_e(role), _MUTED)}" for role, actors in by_role.items()
    )
    charges = [_charge(c, names) for c in event.charges]
    penalty = None
    if event.penalty is not None:
        penalty = _e(term(event.penalty.kind))
        if event.penalty.term is not None:
            words = duration_text(event.penalty.term)
            penalty += f", {_e(words)} {_span(_e(format_duration(event.penalty.term)), _MONO)}"
        penalty += _more(event.penalty, names)
    status = event_status(event)
    return [
        ("date", _date(event.date)),
        ("status", _e(status) if status else None),
        ("places", names.refs(event.places)),
        ("part of", names.ref(event.part_of) if event.part_of else None),
        ("participants", participants),
        ("charges", _list(charges) if charges else None),
        ("penalty", penalty),
    ]


def _span_of(events: Sequence[Event]) -> str:
    """'12 (2012 to 2015)': how many events, and the years their dates could cover."""
    when = years_of(events)
    return f"{len(events)}" + (f" {_span(_e(f'({when})'), _MUTED)}" if when else "")


def _actor_rows(record: Person | Organization, names: _Names) -> _Rows:
    rows: _Rows = [("aliases", _aliases(record.aliases, names))]
    if isinstance(record, Person):
        rows.append(("born", _date(record.born) if record.born else None))
    else:
        rows += [
            ("status", _e(term(record.status)) if record.status else None),
            ("founded", _date(record.founded) if record.founded else None),
        ]
    rows.append(("country", _v(record.country) if record.country else None))
    return rows + _involvement_rows(record, names)


def _involvement_rows(actor: Person | Organization | Group, names: _Names) -> _Rows:
    """An actor's events (their span) and relationships, when there is a dataset to ask."""
    if names.dataset is None:
        return []
    events = names.dataset.timeline(actor)
    ties = names.dataset.related(actor).relationships
    return [
        ("events", _span_of(events) if events else None),
        ("relationships", _list([names.ref(r.id) for r in ties]) if ties else None),
    ]


def _identifier(identifier: Identifier, names: _Names) -> str:
    link = _link(identifier_text(identifier), identifier_url(identifier))
    return link + _more(identifier, names)


def _shared_rows(record: Record, names: _Names) -> _Rows:
    """The rows of the fields several kinds have: identifiers and figures."""
    identifiers: Sequence[Identifier] = getattr(record, "identifiers", ())
    figures = [_figure(f, names) for f in getattr(record, "figures", ())]
    return [
        (
            "identifiers",
            ", ".join(_identifier(i, names) for i in identifiers) if identifiers else None,
        ),
        ("figures", _list(figures) if figures else None),
    ]


def _group_rows(group: Group, names: _Names) -> _Rows:
    rows: _Rows = [
        ("size", f"{group.size:,}" if group.size is not None else None),
        ("belongs to", names.ref(group.belongs_to) if group.belongs_to else None),
        ("country", _v(group.country) if group.country else None),
    ]
    return rows + _involvement_rows(group, names)


def _parts(record: Record, names: _Names) -> tuple[str, str, str | None, _Rows]:
    """(kicker, title, summary, rows) of a record's card."""
    kind = type(record).__name__
    if isinstance(record, Event):
        return (
            f"{kind} · {term(record.kind)}",
            record.title,
            record.summary,
            _event_rows(record, names),
        )
    if isinstance(record, Person | Organization):
        kicker = kind if isinstance(record, Person) else f"{kind} · {term(record.kind)}"
        return kicker, record.name, record.summary, _actor_rows(record, names)
    if isinstance(record, Group):
        return (
            f"{kind} · {term(record.kind)}",
            record.name,
            record.summary,
            _group_rows(record, names),
        )
    if isinstance(record, Place):
        rows: _Rows = [
            ("aliases", _aliases(record.aliases, names)),
            ("country", _v(record.country) if record.country else None),
            ("within", names.ref(record.within) if record.within else None),
            (
                "coordinates",
                _e(coordinates_text(record.coordinates)) + _more(record.coordinates, names)
                if record.coordinates
                else None,
            ),
        ]
        return f"{kind} · {term(record.kind)}", record.name, None, rows
    if isinstance(record, Law):
        rows = [
            ("instrument", _v(record.instrument)),
            ("article", _article(record)),
            ("jurisdiction", _v(record.jurisdiction)),
        ]
        return kind, record.label, record.title, rows
    if isinstance(record, Source):
        rows = [
            ("publisher", names.ref(record.publisher) if record.publisher else None),
            ("published", _date(record.published)),
            ("language", _v(record.language)),
            ("address", _link(record.url, record.url) if record.url else None),
            ("retrieved", _date(record.retrieved) if record.retrieved else None),
            (
                "archived",
                _link(record.archive_url, record.archive_url) if record.archive_url else None,
            ),
        ]
        if names.dataset is not None:  # (as the text card says it)
            rows.append(("cited by", _e(counted(len(names.dataset.cited_by(record)), "record"))))
        return f"{kind} · {term(record.kind)}", record.title, record.note, rows
    if isinstance(record, Relationship):
        title = names.label(record.id) or f"{record.subject} {term(record.kind)} {record.object}"
        rows = [
            ("subject", names.ref(record.subject)),
            ("relation", _e(term(record.kind))),
            ("object", names.ref(record.object)),
            ("title", _v(record.title) if record.title else None),
            ("from", _date(record.start) if record.start else None),
            ("until", _date(record.end) if record.end else None),
        ]
        return f"{kind} · {term(record.kind)}", title, None, rows
    if isinstance(record, Statement):
        quote = (
            f'<div style="{_QUOTE}">“{_v(record.quote, prose=True)}”</div>'
            if record.quote
            else None
        )
        rows = [
            ("speaker", names.ref(record.speaker)),
            ("jointly with", names.refs(record.joined_by)),
            ("relayed by", names.refs(record.relayed_by)),
            ("date", _date(record.date)),
            ("quote", quote),
            ("addressed to", names.refs(record.addressed_to)),
            ("about", _list([names.ref(i) for i in record.about]) if record.about else None),
        ]
        speaker = names.label(record.speaker) or record.speaker
        return f"{kind} · {term(record.kind)}", speaker, record.summary, rows
    assert isinstance(record, Rating)
    country = names.label(record.country) or record.country
    previous = f" {_span(_e(f'(before: {record.previous})'), _MUTED)}" if record.previous else ""
    rows = [
        ("country", names.ref(record.country)),
        ("level", f"<b>{_v(record.level)}</b>{previous}"),
        ("scale", _e(term(record.scale))),
        ("as of", _date(record.as_of)),
        ("rated by", names.ref(record.rated_by)),
    ]
    return kind, f"{country}: {record.level}", None, rows


def card_dataset(record: Record, dataset: Dataset | None) -> tuple[Dataset | None, bool]:
    """(the dataset a card of ``record`` describes, whether the card must name it): ``dataset``,
    or without one the dataset made last of those alive that hold this very record
    (:func:`rightsdata.display.dataset_of`), named where another dataset alive holds it too,
    so that the reader knows whose names and counts the card shows. A dataset given is not
    named: the caller chose it (``ds.card(id)``, ``text_card(record, ds)``), and whether
    another holder is still alive (garbage the collector has not reached, a notebook's
    output history) would change the card for nothing."""
    if dataset is not None:
        return dataset, False
    holding = [d for d in registry.holders_of(record) if isinstance(d, Dataset)]
    return (holding[0], len(holding) > 1) if holding else (None, False)


def dataset_label(dataset: Dataset) -> str:
    """How a card names the dataset it describes: its name and version, ``kazakhstan
    3.3.0``; ``an unnamed dataset`` (and its version) if it has no name.

    >>> import rightsdata
    >>> dataset_label(rightsdata.Dataset({}, version="1.0.0"))
    'an unnamed dataset 1.0.0'
    """
    return " ".join(filter(None, (dataset.name or "an unnamed dataset", dataset.version)))


def record_card(
    record: Record, dataset: Dataset | None, *, named: bool = False, asked: str | None = None
) -> str:
    """The HTML card of ``record``; names come from ``dataset`` (IDs if None), which the
    card names if ``named`` (another dataset holds the record too); ``asked``, the retired
    ID asked for that redirects to it (:func:`redirect_note`), is said under its ID."""
    names = _Names(dataset)
    kicker, title, summary, rows = _parts(record, names)
    rows += _shared_rows(record, names)
    rows += [
        (label, _v(value_text(value, lambda i: names.label(i) or i)))
        for label, value in other_fields(record)
    ]
    html_parts = [
        f'<div style="{_CARD}">',
        f'<div style="{_KICKER}">{_e(kicker)}</div>',
        _block(_TITLE, title, level=_TITLE_LEVEL),
        f'<div style="{_MUTED}">{_mono(record.id)}{_in(dataset) if named else ""}</div>',
    ]
    if asked is not None:
        html_parts.append(f'<div style="{_MUTED}">{_e(redirect_note(asked, record.id))}</div>')
    if summary:
        html_parts.append(_block("margin-top:6px", summary, prose=True))
    html_parts.append(_rows(rows))
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    if citations:
        items = [_citation(c, names) for c in citations]
        html_parts.append(_section(f"Sources ({len(items)})", _list(items, ordered=True)))
    if record.inferred:
        items = [_inference(i, names) for i in record.inferred]
        html_parts.append(_section("Inferred, not stated", _list(items)))
    if dataset is None:
        html_parts.append(
            f'<div style="margin-top:6px;font-size:.85em;{_MUTED}">Not found in a loaded '
            "dataset: references are shown as IDs.</div>"
        )
    html_parts.append("</div>")
    return "".join(html_parts)


def _in(dataset: Dataset | None) -> str:
    """' · in kazakhstan 3.3.0': which of the datasets holding a record a card describes."""
    if dataset is None:
        return ""
    from rightsdata._values.shell import python_call

    tip = (
        "Other datasets alive hold this record too: its names and counts are from this one "
        f"({python_call('ds.card(record)')} shows it in another)"
    )
    return " · " + _span(f"in {_v(dataset_label(dataset))}", "", title=tip)


def dataset_card(dataset: Dataset) -> str:
    """The HTML card of a dataset: identity, counts per kind, sources; and the datasets it
    is built on, by who made each, what it is, its version and licence, as its citation
    names them (a base's licence may ask for attribution)."""
    from rightsdata._data.citation import citation_fields
    from rightsdata._data.packagemeta import package_metadata

    names = _Names(dataset)
    descriptor = dataset.descriptor or {}
    name = dataset.name or "unnamed dataset"
    title = descriptor.get("title") if isinstance(descriptor.get("title"), str) else None
    licences = [
        str(lic.get("name") or lic.get("title"))
        for lic in descriptor.get("licenses") or ()
        if isinstance(lic, dict) and (lic.get("name") or lic.get("title"))
    ]
    # the name (what loads it) on the facts line under a title, or as the title itself
    # where there is none: never twice (an unnamed dataset said "unnamed dataset" twice)
    facts = [_span(_v(name), _MONO)] if title and dataset.name else []
    if dataset.version:
        facts.append(f"version {_v(dataset.version)}")
    facts.append(counted(len(dataset), "record"))
    facts += [f"licence {_v(lic)}" for lic in licences]
    counts = "".join(
        _span(f"<b>{n:,}</b> {_e(kind if n != 1 else kind.removesuffix('s'))}", _CHIP)
        for kind, n in dataset.counts().items()
    )
    description = descriptor.get("description")
    sources = [names.source(s.id) for s in dataset.sources]
    parts = [
        f'<div style="{_CARD}">',
        f'<div style="{_KICKER}">Dataset</div>',
        _block(_TITLE, title or name, level=_TITLE_LEVEL),
        f'<div style="{_MUTED}">{" · ".join(facts)}</div>',
    ]
    parts += [
        f'<div style="{_MUTED}">built on {_v(base)}</div>'
        for base in citation_fields(package_metadata(dataset))["built_on"]
    ]
    if isinstance(description, str) and description:
        parts.append(_block("margin-top:6px", truncate(description, 600)))
    parts.append(f'<div style="margin:8px 0 2px">{counts}</div>')
    if sources:
        parts.append(_section(f"Sources ({len(sources)})", _list(sources, ordered=True)))
    parts.append("</div>")
    return "".join(parts)
