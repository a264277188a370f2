"""How records and datasets show themselves: short reprs, and HTML cards for notebooks.

Every record's ``repr()`` is one short line (:func:`record_repr`); in Jupyter, a record or a
dataset shows as a card (:func:`record_html`, :func:`dataset_html`), and a collection or a
query's answer as a table (:func:`collection_html`, :func:`figures_html`,
:func:`related_html`). A plain list of records (what ``ds.events(...)`` returns) shows as
one with :func:`table`. A record does not know
its dataset, so to show the people, places and sources it refers to by name, a card looks
for a dataset that holds **this very record** (the same object, not an equal one) among the
datasets registered with :func:`register` (every :class:`~rightsdata.Dataset` registers
itself) and those :func:`rightsdata.load` has cached. Datasets share records (one built on
another with ``base=``, or from another's records), so several may hold it: the card takes
the one made (or registered) last, and then names it ("in kazakhstan 3.3.0").
:meth:`Dataset.card <rightsdata.Dataset.card>` and ``record_html(record, dataset)`` show a
record in the dataset given. A record built by hand, or copied, shows the IDs instead.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> ds.get("person:vladimir-kozlov")
<Person person:vladimir-kozlov 'Vladimir Kozlov'>
>>> ds.get("event:kozlov-verdict-2012-10-08")
<Event event:kozlov-verdict-2012-10-08 2012-10-08 verdict: 'Vladimir Kozlov convicted and sentenc…'>
>>> "Vladimir Kozlov" in ds.get("event:kozlov-verdict-2012-10-08")._repr_html_()
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

from rightsdata._data import registry
from rightsdata._data.answers import Figures, Related, SearchResults
from rightsdata._data.collection import Collection
from rightsdata._data.dataset import Dataset
from rightsdata._display.given import given, given_record, given_records
from rightsdata._display.words import status_note, truncate
from rightsdata._model.records import (
    Event,
    Group,
    Law,
    Organization,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata._values.columns import display_width
from rightsdata._values.errors import UnknownIdError
from rightsdata._values.shell import python_call

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

#: The width (terminal columns: a CJK character takes two) ``repr()`` of a record keeps
#: within, unless its ID with the parts always shown (an event's date and kind, a rating's
#: date, level and country) is longer.
REPR_WIDTH: Final = 100
_MIN_TEXT: Final = 12  # the shortest a name or title is cut to
#: What an error says to records given where one is due (a query's answer is a plain list).
_SEVERAL: Final = (
    f"records in a list show as a table, {python_call('rightsdata.display.table(records)')}"
)

# --- repr -----------------------------------------------------------------------------------


def _date(date: object) -> str:
    return "undated" if date is None else str(date)


def _parts(record: Record) -> tuple[list[str], str | None, list[str]]:
    """(the parts always shown, the text to cut to fit, the parts shown only if they fit)."""
    if isinstance(record, Person):
        return [], record.name, []
    if isinstance(record, Organization | Group | Place):
        return [record.kind.value], record.name, []
    if isinstance(record, Source):
        return [_date(record.published)], record.title, []
    if isinstance(record, Law):
        if record.article is None:
            return [], record.instrument, []
        part = f" part {record.part}" if record.part else ""
        return [f"art. {record.article}{part}"], record.instrument, []
    if isinstance(record, Event):  # (its status and what its date is of, as lists say them)
        note = status_note(record)
        kind = f"{record.kind.value} ({note})" if note else record.kind.value
        return [_date(record.date), f"{kind}:"], record.title, []
    if isinstance(record, Statement):
        return [_date(record.date), f"{record.kind.value}:"], record.summary, []
    if isinstance(record, Relationship):
        return [record.kind.value], record.title, [record.subject, "->", record.object]
    assert isinstance(record, Rating)
    # (the country is what tells a rating from another of the same date and level: always
    # shown, so that a list of ratings reads alike whatever the length of their IDs)
    return [str(record.as_of), record.level.value, record.country], None, []


def record_repr(record: Record) -> str:
    """One short line: ``<Kind id [date, kind, ...] 'name or title'>`` (an event's kind with
    its status and what its date is of, where it did not simply happen then:
    ``appeal (planned; date: planned for):``, as every list says them), within
    :data:`REPR_WIDTH` columns: the name or title is cut with an ellipsis to fit, or left
    out where the ID leaves no room for a useful piece of it (the ID is never cut, nor the
    parts that tell records of its kind apart: a rating's date, level and country). A
    relationship's subject and object are shown only where they fit whole.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> print(record_repr(ds.get("rating:civicus-kazakhstan-2019-watchlist")))
    <Rating rating:civicus-kazakhstan-2019-watchlist [2019-09..2019-10] obstructed place:kazakhstan>
    >>> record_repr(ds.get("law:kz-cc-1997-164"))
    "<Law law:kz-cc-1997-164 art. 164 'Criminal Code of the Republic of Kazakhstan (1997)'>"
    """
    record = given_record(record, "record_repr", several=_SEVERAL)
    shown, text, optional = _parts(record)
    head = " ".join([f"<{type(record).__name__}", record.id, *shown])
    tail = " ".join(optional)
    if tail and display_width(head) + 1 + display_width(tail) + 1 <= REPR_WIDTH:
        head = f"{head} {tail}"
    room = REPR_WIDTH - display_width(head) - 2  # 2: the space before the text and the '>'
    if text is None or room < _MIN_TEXT + 2:  # no room for a useful piece: the ID must do
        return f"{head.removesuffix(':')}>"
    quoted, width = repr(text), room - 2
    while display_width(quoted) > room and width >= _MIN_TEXT:
        quoted, width = repr(truncate(text, width, escape=False)), width - 1
    if display_width(quoted) > room:  # escapes ('\u200b') leave no room for a useful piece
        return f"{head.removesuffix(':')}>"
    return f"{head} {quoted}>"


# --- HTML -----------------------------------------------------------------------------------


def register(dataset: Dataset) -> None:
    """Let cards find ``dataset`` when they show one of its records, and prefer it to the
    datasets registered before it that hold the same records.

    The registry holds datasets weakly: registering keeps nothing alive. Every ``Dataset``
    registers itself when it is made (loaded, built or unpickled), so cards already find
    every dataset alive, the one made last first; a call here makes ``dataset`` the one
    made last, for the cards of the records it shares with others.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> register(ds)
    >>> dataset_of(ds.get("place:almaty")) is ds
    True
    """
    registry.register(given(dataset, "register", "dataset", "a Dataset", Dataset))


def dataset_of(record: Record) -> Dataset | None:
    """The registered (or :func:`~rightsdata.load`-cached) dataset holding this very record,
    or None; of several, the one made (or given to :func:`register`) last.

    "This very record" is identity: an equal record built by hand is not in any dataset.
    Datasets share records: one built on another (``base=``) or from another's records
    holds the very records of the other, and comes first, as it was made after it.

    >>> import attrs, rightsdata
    >>> kozlov = rightsdata.load().get("person:vladimir-kozlov")
    >>> dataset_of(kozlov) is rightsdata.load()
    True
    >>> dataset_of(attrs.evolve(kozlov)) is None
    True
    """
    found = registry.dataset_of(given_record(record, "dataset_of", several=_SEVERAL))
    return found if isinstance(found, Dataset) else None  # (only a Dataset registers)


def record_html(record: Record, dataset: Dataset | None = None) -> str:
    """The record as an HTML card: its fields, the records it names (by name, from
    ``dataset``; without one, from :func:`dataset_of`), its citations with their sources,
    and what was inferred. Self-contained (inline styles), escaped. Where another dataset
    alive holds this very record too, the card names the one it describes
    ("in kazakhstan 3.3.0"). :meth:`Dataset.card <rightsdata.Dataset.card>` is this card in
    a notebook.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> card = record_html(ds.get("event:kozlov-verdict-2012-10-08"), ds)
    >>> "Vladimir Kozlov" in card, "seven and a half years" in card, "<script" in card
    (True, True, False)
    """
    from rightsdata._display.cards import card_dataset, record_card

    record = given_record(record, "record_html", several=_SEVERAL)
    dataset = given(dataset, "record_html", "dataset", "a Dataset or None", (Dataset, type(None)))
    shown, named = card_dataset(record, dataset)
    return record_card(record, shown, named=named)


@attrs.frozen(repr=False, eq=False)
class Card:
    """A record shown as part of a dataset (:meth:`Dataset.card <rightsdata.Dataset.card>`):
    in a notebook its HTML card (:func:`record_html` with the dataset), printed its text card
    (:func:`rightsdata.textcard.text_card`), and its repr the record's.

    A view, not a value to keep: two cards are equal (and hash alike) when they show equal
    records in the same dataset (the very object: comparing two datasets record by record
    is no part of a card). A card cannot be pickled (it would carry the whole dataset): pickle
    the record, or send the dataset and the ID. A copy is the card itself.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> card = ds.card("person:vladimir-kozlov")
    >>> card
    <Person person:vladimir-kozlov 'Vladimir Kozlov'>
    >>> card.dataset is ds, "12" in card._repr_html_(), card == ds.card(card.record)
    (True, True, True)
    """

    record: Record = attrs.field(validator=lambda _, a, v: given_record(v, "Card", a.name))
    dataset: Dataset = attrs.field(
        validator=lambda _, a, v: given(v, "Card", a.name, "a Dataset", Dataset)
    )
    #: The retired ID the card was asked for, where it redirects to the record (``ds.card(
    #: "org:kazakhstan-authorities")``): each card says so under the record's ID.
    asked: str | None = attrs.field(default=None, kw_only=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Card):
            return NotImplemented
        return self.dataset is other.dataset and self.record == other.record

    def __hash__(self) -> int:
        return hash((self.record, id(self.dataset)))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError(
            f"a Card of {self.record.id} cannot be pickled: it shows the record as part of its "
            "whole dataset; pickle the record (or send the dataset and the ID, and call "
            f"{python_call('ds.card(id)')} where it is shown)"
        )

    def __copy__(self) -> Card:
        return self

    def __deepcopy__(self, memo: object) -> Card:
        return self

    def _repr_html_(self) -> str:
        if self.asked is None:
            return record_html(self.record, self.dataset)
        from rightsdata._display.cards import card_dataset, record_card

        shown, named = card_dataset(self.record, self.dataset)
        return record_card(self.record, shown, named=named, asked=self.asked)

    def __repr__(self) -> str:
        return record_repr(self.record)

    def __str__(self) -> str:
        from rightsdata._display.words import redirect_note
        from rightsdata.textcard import terminal_width, text_card, wrap

        card = text_card(self.record, self.dataset)
        if self.asked is None:
            return card
        lines = card.split("\n")  # (the note under the ID line, as the HTML card has it)
        note = wrap(redirect_note(self.asked, self.record.id), terminal_width(), whole=True)
        return "\n".join([*lines[:2], *note, *lines[2:]])


def dataset_html(dataset: Dataset) -> str:
    """The dataset as an HTML card: name, title, version, licence, the number of records of
    each kind, and its sources (title, publisher, date).

    >>> import rightsdata
    >>> card = dataset_html(rightsdata.load())
    >>> "<b>130</b> events" in card, "Kazakhstan: Jailed Opposition Leader Refused Parole" in card
    (True, True)
    """
    from rightsdata._display.cards import dataset_card

    return dataset_card(given(dataset, "dataset_html", "dataset", "a Dataset", Dataset))


def _holding(records: Iterable[Record]) -> Dataset | None:
    """The dataset holding the first of ``records`` (:func:`dataset_of`); None if none."""
    first = next(iter(records), None)
    return None if first is None else dataset_of(first)


# (Collection[Any], not Collection[Record]: a Collection is invariant, so Collection[Person]
# is no Collection[Record]; its records are records whatever it is typed to hold)
def collection_html(collection: Collection[Any]) -> str:
    """A collection as an HTML table: each record's ID, name or title, kind and date, the
    first 20 rows and how many more.

    >>> import rightsdata
    >>> card = collection_html(rightsdata.load().persons)
    >>> "Aarti Narsee" in card, "and 30 more" in card
    (True, True)
    """
    from rightsdata._display.lists import list_card

    taken = f"a collection (such as {python_call('ds.persons')})"
    # (a query's answer is a plain list: table() shows it)
    advice = _SEVERAL if isinstance(collection, list | tuple) else ""
    collection = given(
        collection, "collection_html", "collection", taken, Collection, advice=advice
    )
    return list_card("Collection", collection.kind, collection, _holding(collection))


def figures_html(figures: Figures) -> str:
    """The claims of a :class:`~rightsdata.Figures` as an HTML card: what they say in a line
    (as its repr), then each claim with its value and unit, the source's words, who asserted
    it and the source.

    >>> import rightsdata
    >>> card = figures_html(rightsdata.load().figures("event:zhanaozen-massacre-2011", "killed"))
    >>> "one claim open-ended (at least 15)" in card, "Human Rights Foundation" in card
    (True, True)
    """
    from rightsdata._display.lists import figures_card

    taken = f"a Figures (such as {python_call('ds.figures(id)')})"
    figures = given(figures, "figures_html", "figures", taken, Figures)
    if isinstance(figures._dataset, Dataset):  # the dataset that answered
        return figures_card(figures, figures._dataset)
    found = None
    for holder in registry.holders():  # the dataset holding these very figures
        try:
            record = holder.get(figures.record)
        except UnknownIdError:
            continue
        held = getattr(record, "figures", ())
        # (equal, not the very figures: an answer unpickled holds copies, and is not carried)
        if isinstance(holder, Dataset) and any(f == g for f in figures for g in held):
            found = holder
            break
    return figures_card(figures, found)


def search_html(found: SearchResults) -> str:
    """The records a search found (:class:`~rightsdata.SearchResults`) as an HTML card: a
    table of them, saying where the search's ``limit`` left some out.

    >>> import rightsdata
    >>> "more match than limit=2" in search_html(rightsdata.load().search("kozlov", limit=2))
    True
    """
    from rightsdata._display.lists import search_card

    return search_card(given(found, "search_html", "found", "a SearchResults", SearchResults))


def related_html(related: Related) -> str:
    """What names a record (:class:`~rightsdata.Related`) as an HTML card: a table for its
    relationships, events, statements and ratings, each the first rows and how many more.

    >>> import rightsdata
    >>> card = related_html(rightsdata.load().related("person:vladimir-kozlov"))
    >>> "Vladimir Kozlov convicted and sentenced" in card
    True
    """
    from rightsdata._display.lists import related_card

    taken = f"a Related (such as {python_call('ds.related(id)')})"
    related = given(related, "related_html", "related", taken, Related)
    if isinstance(related._dataset, Dataset):  # the dataset that answered
        return related_card(related, related._dataset)
    every: tuple[Record, ...] = (
        *related.relationships,
        *related.events,
        *related.statements,
        *related.ratings,
    )
    return related_card(related, _holding(every) or _answering(related))


def _answering(related: Related) -> Dataset | None:
    """The dataset alive (made last first) whose answer this is, though made of copies of its
    records (unpickled: an answer does not carry its dataset into a pickle); None if none."""
    for holder in registry.holders():
        try:
            if isinstance(holder, Dataset) and holder.related(related.record) == related:
                return holder
        except UnknownIdError:
            continue
    return None


def _table_records(records: object) -> tuple[Record, ...]:
    return given_records(records, "Table")


@attrs.frozen(repr=False)
class Table:
    """Records to show as a table in a notebook (:func:`table`); its repr lists them.

    >>> import rightsdata
    >>> from rightsdata.display import table
    >>> shown = table(rightsdata.load().places[:2])
    >>> shown.records[0].id
    'place:aktau'
    >>> table([])
    no records
    """

    records: tuple[Record, ...] = attrs.field(converter=_table_records)

    def _repr_html_(self) -> str:
        from rightsdata._display.lists import list_card

        return list_card("Records", "", self.records, _holding(self.records))

    def __repr__(self) -> str:
        from rightsdata._display.lists import TABLE_LIMIT

        lines = [record_repr(r) for r in self.records[:TABLE_LIMIT]]
        if len(self.records) > TABLE_LIMIT:
            lines.append(f"and {len(self.records) - TABLE_LIMIT:,} more")
        return "\n".join(lines) or "no records"


def table(records: Iterable[Record]) -> Table:
    """Records (a list from a query, such as ``ds.events(...)``) as a :class:`Table`, which a
    notebook shows as an HTML table (ID, name or title, kind, date) and a terminal as a
    record a line. A query returns a plain list, which has no display of its own.

    >>> import rightsdata
    >>> from rightsdata.display import table
    >>> ds = rightsdata.load()
    >>> shown = table(ds.events(involving="person:vladimir-kozlov", kind="verdict"))
    >>> print(repr(shown)[:60])
    <Event event:kozlov-verdict-2012-10-08 2012-10-08 verdict: '
    >>> "2012-10-08" in shown._repr_html_()
    True
    """
    return Table(given_records(records, "table"))
