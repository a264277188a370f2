"""How records and datasets show themselves: short reprs, and HTML cards for notebooks.

Every record's ``repr()`` is one short line (:func:`record_repr`); in Jupyter, a record or a
dataset shows as a card (:func:`record_html`, :func:`dataset_html`). A record does not know
its dataset, so to show the people, places and sources it refers to by name, a card looks
for a dataset that holds **this very record** (the same object, not an equal one) among the
datasets registered with :func:`register` (every :class:`~rightsdata.Dataset` registers
itself) and those :func:`rightsdata.load` has cached. A record built by hand, or copied,
shows the IDs instead.

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

from typing import Final

from rightsdata._data import registry
from rightsdata._data.dataset import Dataset
from rightsdata._display.words import truncate
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
from rightsdata.vocab import EventStatus

__all__ = ["REPR_WIDTH", "dataset_html", "dataset_of", "record_html", "record_repr", "register"]

#: The width (terminal columns: a CJK character takes two) ``repr()`` of a record keeps
#: within, unless its ID alone is longer.
REPR_WIDTH: Final = 100
_MIN_TEXT: Final = 12  # the shortest a name or title is cut to

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
    if isinstance(record, Event):
        status = record.status  # an event not reported as having happened says so
        shown = [] if status is None or status is EventStatus.OCCURRED else [status.value]
        return [_date(record.date), *shown, f"{record.kind.value}:"], record.title, []
    if isinstance(record, Statement):
        return [_date(record.date), f"{record.kind.value}:"], record.summary, []
    if isinstance(record, Relationship):
        return [record.kind.value], record.title, [record.subject, "->", record.object]
    assert isinstance(record, Rating)
    return [str(record.as_of), record.level.value], None, [record.country]


def record_repr(record: Record) -> str:
    """One short line: ``<Kind id [date, kind, ...] 'name or title'>``, within
    :data:`REPR_WIDTH` columns: the name or title is cut with an ellipsis to fit, or left
    out where the ID leaves no room for a useful piece of it (the ID is never cut).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> print(record_repr(ds.get("rating:civicus-kazakhstan-2019-watchlist")))
    <Rating rating:civicus-kazakhstan-2019-watchlist [2019-09..2019-10] obstructed place:kazakhstan>
    >>> record_repr(ds.get("law:kz-cc-1997-164"))
    "<Law law:kz-cc-1997-164 art. 164 'Criminal Code of the Republic of Kazakhstan (1997)'>"
    """
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
    """Let cards find ``dataset`` when they show one of its records. Idempotent.

    The registry holds datasets weakly: registering keeps nothing alive. ``Dataset``
    registers itself when it is made, so this is needed only by code that builds datasets
    some other way.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> register(ds)
    >>> dataset_of(ds.get("place:almaty")) is ds
    True
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"register takes a Dataset, not {type(dataset).__name__}")
    registry.register(dataset)


def dataset_of(record: Record) -> Dataset | None:
    """The registered (or :func:`~rightsdata.load`-cached) dataset holding this very record,
    or None.

    "This very record" is identity: an equal record built by hand is not in any dataset.

    >>> import attrs, rightsdata
    >>> kozlov = rightsdata.load().get("person:vladimir-kozlov")
    >>> dataset_of(kozlov) is rightsdata.load()
    True
    >>> dataset_of(attrs.evolve(kozlov)) is None
    True
    """
    found = registry.dataset_of(record)
    return found if isinstance(found, Dataset) else None  # (only a Dataset registers)


def record_html(record: Record) -> str:
    """The record as an HTML card: its fields, the records it names (by name where its
    dataset is known, see :func:`dataset_of`), its citations with their sources, and what
    was inferred. Self-contained (inline styles), escaped.

    >>> import rightsdata
    >>> card = record_html(rightsdata.load().get("event:kozlov-verdict-2012-10-08"))
    >>> "Vladimir Kozlov" in card, "seven and a half years" in card, "<script" in card
    (True, True, False)
    """
    from rightsdata._display.cards import record_card

    return record_card(record, dataset_of(record))


def dataset_html(dataset: Dataset) -> str:
    """The dataset as an HTML card: name, title, version, licence, the number of records of
    each kind, and its sources (title, publisher, date).

    >>> import rightsdata
    >>> card = dataset_html(rightsdata.load())
    >>> "<b>121</b> events" in card, "Kazakhstan: Jailed Opposition Leader Refused Parole" in card
    (True, True)
    """
    from rightsdata._display.cards import dataset_card

    return dataset_card(dataset)
