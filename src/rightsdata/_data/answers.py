"""What a dataset's queries take and give back: the claims on a record (:class:`Figures`),
what names a record (:class:`Related`), a search's records (:class:`SearchResults`), and what
a date may be given as (``DateLike``).

Apart from the query engine (``rightsdata._data.query``, which imports the indexes and the
search), so that the modules which name these types in their annotations import them when
they are imported, and ``typing.get_type_hints`` resolves those annotations.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> counts = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
>>> counts.range, counts.disagree
((15, 17), True)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, Literal, TypeVar, overload

import attrs

from rightsdata._model.records import (
    Event,
    Figure,
    Rating,
    Record,
    Relationship,
    Statement,
    figure_claim,
    figure_quantity,
)
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration
from rightsdata._values.errors import counted_kind
from rightsdata._values.shell import python_call, python_literal
from rightsdata.vocab import FigureQualifier, FigureUnit, Measure

__all__ = ["DateLike", "Figures", "Related", "SearchResults", "answered_by"]

T = TypeVar("T")

#: What a date given to a query may be (a side of ``between=``, ``rating_on``'s date): an
#: :class:`EDTF`, a :class:`datetime.date`, or EDTF text (``"2012-12"``).
DateLike = EDTF | datetime.date | str

_OPEN_ABOVE: Final = frozenset({FigureQualifier.AT_LEAST, FigureQualifier.MORE_THAN})
_OPEN_BELOW: Final = frozenset({FigureQualifier.AT_MOST, FigureQualifier.LESS_THAN})


def _comparison(figures: Sequence[Figure], number: int, sign: str) -> str:
    """``sign`` (``<`` or ``>``: strict) if no claim allows ``number`` itself, only strict
    bounds state it ("less than 7", "more than 7"); else ``<=`` or ``>=``."""
    return sign if not any(_allows(f, number) for f in figures) else f"{sign}="


def _allows(figure: Figure, number: int) -> bool:
    """Whether ``figure`` states ``number`` as a value it could be (not as a strict bound:
    "less than 7" states 7 and allows it not)."""
    if figure.qualifier is FigureQualifier.LESS_THAN and figure.high == number:
        return False
    if figure.qualifier is FigureQualifier.MORE_THAN and figure.low == number:
        return False
    return number in (figure.low, figure.best, figure.high)


# An answer carries the dataset that made it for its card, in this process only: a pickle
# of 8 figures held the whole dataset (333 KB, not 2.9 KB), which a worker process rebuilt,
# and which handed every record of a private dataset to whoever got the answer. Unpickled,
# an answer is one put together by hand (its card says so). A copy is the answer itself, as
# for any immutable value, and keeps the dataset.


def _state_without_dataset(self: Any) -> dict[str, Any]:
    return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.alias != "dataset"}


def _set_state_without_dataset(self: Any, state: dict[str, Any]) -> None:
    for name, value in {**state, "_dataset": None}.items():
        object.__setattr__(self, name, value)


def _itself(self: T) -> T:
    return self


def _itself_deep(self: T, memo: object) -> T:
    return self


def answered_by(answer: T, dataset: object) -> T:
    """``answer`` (a :class:`Figures` or :class:`Related` just made, which no one else holds)
    carrying the ``dataset`` that made it, for its card: set in place, as a copy
    (``attrs.evolve``) doubled the cost of a ``related`` call."""
    object.__setattr__(answer, "_dataset", dataset)
    return answer


@attrs.frozen
class Figures(Sequence[Figure]):
    """The claims (figures) on one record (an event, a source, an organisation, a group, a
    place, a statement or a rating): a sequence of :class:`~rightsdata.Figure`.

    Each figure says who asserted it (``asserted_by``) and where (``citations``). Derived
    values summarise the claims without hiding a disagreement:

    * ``range``: ``(lowest, highest)``, the smallest and the largest number any claim states
      (its ``low``, ``best`` or ``high``), so every stated number lies within it; None if
      there are no claims, and ``(None, None)`` if no claim states a number ("thousands").
      It raises ValueError if the claims count different measures or units, are rates
      over different periods (or some rates and some not), or say they count different
      things of one measure, saying which of these differ and the call that asks for one
      (``measure=``, ``unit=``, ``per=`` or ``of=``): one range over killed and injured, over
      newspapers and websites, over "twice a week" and "three times a day", or over the
      police officers prosecuted and the officials prosecuted, would mean nothing.
    * ``open_above``: True if a claim leaves the top open ("at least 15", "more than 220",
      with no ``high``): the number may be above ``range[1]``. ``open_below`` likewise for
      "at most" and "less than" with no ``low``. Both are of one quantity, as ``range`` is:
      over claims of different quantities they raise the same ValueError, with the same
      advice (whether "killed" or "injured" is open above would mean nothing either).
    * ``disagree``: True if, for some quantity, the claims that state a number do not all
      state the same numbers with the same qualifier: "at least 15", "exactly 15" and
      "exactly 17" disagree (with one another, pairwise), and so do "at least 15" and
      "exactly 15"; a claim in words alone ("dozens") is weighed against none. One quantity is one
      measure, unit, period (a rate's ``per``) and ``of`` (what exactly is counted, where
      the measure leaves it open): "twice a week" and "three times a day" do not disagree,
      nor do 5 people prosecuted ``of`` "police officers" and 2 ``of`` "officials". Two
      figures without ``of`` are taken to count the same thing: where a measure
      (``duration``, ``other``, ``prosecuted``...) may count different things, a figure says
      which in ``of``, or ``range`` and ``disagree`` compare numbers of different things.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> killed = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
    >>> [(f.qualifier.value, f.low, f.best, f.asserted_by) for f in killed]
    [('at_least', 15, None, 'org:human-rights-foundation'), ('exact', None, 15, None), \
('exact', None, 17, 'group:kazakhstan-authorities')]
    >>> killed.range, killed.open_above, killed.disagree
    ((15, 17), True, True)
    >>> killed = ds.figures("event:bloody-january-2022", measure="killed")
    >>> [f.as_given for f in killed]
    ['200 people were killed', 'over 200 people were killed', 'More than 220 people were killed']
    >>> killed.range, killed.open_above
    ((200, 220), True)
    >>> killed  # the numbers stated, with their unit, and the open-ended claims in their words
    <Figures event:bloody-january-2022 killed: 3 claims, 200 to 220 people, \
2 claims open-ended (more than 200, more than 220), disagree>

    Its repr (and its card in a notebook, a table of the claims with who asserted each and
    where) says what the claims say: one claim, or claims that all say the same, in their
    words with the unit (``more than 60 cities``); claims that differ, as ``range`` with the
    unit, then the open-ended claims in their words. It shows no bound that no claim made:
    "at least 15", "15" and "exactly 17" are ``15 to 17 people, one claim open-ended (at
    least 15)``, not "at least 17". It names the measure asked for, or where none was, the
    one every claim counts (``ds.figures(id)`` of killed alone says ``killed``).
    """

    #: The ID of the record that holds the figures.
    record: str
    measure: Measure | None
    figures: tuple[Figure, ...]
    unit: FigureUnit | None = None
    #: The period the figures were kept to (``per=``): those of rates over it only; False for
    #: those that are not rates; None if not kept to one.
    per: Duration | Literal[False] | None = None
    #: What the figures were kept to count (``of=``): those whose ``of`` is this text only;
    #: False for those without ``of``; None if not kept to one.
    of: str | Literal[False] | None = None
    # The dataset that answered (Dataset.figures), whose names the card shows; None for
    # figures put together by hand. Not compared, and not pickled. (object: the Dataset
    # imports this module.)
    _dataset: object = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    __getstate__ = _state_without_dataset
    __setstate__ = _set_state_without_dataset
    __copy__ = _itself
    __deepcopy__ = _itself_deep

    @property
    def event(self) -> str:
        """The ID of the record that holds the figures: :attr:`record`, by the name it had
        when only events held figures."""
        return self.record

    @overload
    def __getitem__(self, index: int) -> Figure: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Figure, ...]: ...
    def __getitem__(self, index: int | slice) -> Figure | tuple[Figure, ...]:
        return self.figures[index]

    def __len__(self) -> int:
        return len(self.figures)

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    def __repr__(self) -> str:
        from rightsdata._display.words import figures_summary

        what = " ".join(x.value for x in (self._measure(), self.unit) if x is not None)
        if self.per is not None:
            period = "not rates" if self.per is False else f"per {self.per}"
            what = f"{what} {period}".lstrip()
        if self.of is not None:
            counted = "without of" if self.of is False else f"of {self.of!r}"
            what = f"{what} {counted}".lstrip()
        head = f"{self.record} {what}".rstrip()
        return f"<Figures {head}: {figures_summary(self, self.disagree)}>"

    def _measure(self) -> Measure | None:
        """The measure the repr and the card name: the one asked for, or where none was, the
        one every claim counts (None where they count several, or there are none)."""
        measures = {f.measure for f in self.figures}
        if self.measure is None and len(measures) == 1:
            return next(iter(measures))
        return self.measure

    def _repr_html_(self) -> str:
        from rightsdata._display.display import figures_html

        return figures_html(self)

    @property
    def range(self) -> tuple[int | None, int | None] | None:
        """(smallest, largest) number the claims state; see the class doc."""
        if not self.figures:
            return None
        self._one_quantity("to get one range")
        stated = [n for f in self.figures for n in (f.low, f.best, f.high) if n is not None]
        if not stated:
            return (None, None)
        return (min(stated), max(stated))

    @property
    def open_above(self) -> bool:
        """True if a claim ("at least", "more than") leaves room above :attr:`range`; raises
        ValueError, as :attr:`range` does, if the claims are on different quantities."""
        self._one_quantity("to ask whether its top is open")
        return any(f.qualifier in _OPEN_ABOVE and f.high is None for f in self.figures)

    @property
    def open_below(self) -> bool:
        """True if a claim ("at most", "less than") leaves room below :attr:`range`; raises
        ValueError, as :attr:`range` does, if the claims are on different quantities."""
        self._one_quantity("to ask whether its bottom is open")
        return any(f.qualifier in _OPEN_BELOW and f.low is None for f in self.figures)

    def _one_quantity(self, goal: str) -> None:
        """Raise ValueError if the figures are on more than one quantity, saying what differs
        and the call that asks for one of them, ``goal`` (``"to get one range"``)."""
        counted = set(map(figure_quantity, self.figures))
        if len(counted) <= 1:
            return
        what = ", ".join(sorted(map(_quantity_text, counted)))
        if len({m for m, _, _, _ in counted}) > 1:
            measure = min(m.value for m, _, _, _ in counted)
            advice = f"ask for one measure, {self._call(measure=measure)}, {goal}"
        elif len({u for _, u, _, _ in counted}) > 1:
            unit = min(u.value for _, u, _, _ in counted)
            advice = (
                f"they are in different units; ask for one unit, {self._call(unit=unit)}, {goal}"
            )
        elif len({per for _, _, per, _ in counted}) > 1:
            advice = self._periods_advice(counted, goal)
        else:
            things = {of for _, _, _, of in counted}
            thing = min(of for of in things if of is not None)
            others = f" (or {self._call(of=False)} for those without of)"
            advice = (
                f"their of says what each counts; ask for one thing, {self._call(of=thing)}"
                f"{others if None in things else ''}, {goal}"
            )
        raise ValueError(f"the figures on {self.record} count different things ({what}); {advice}")

    def _periods_advice(
        self, counted: set[tuple[Measure, FigureUnit, Duration | None, str | None]], goal: str
    ) -> str:
        """What :meth:`_one_quantity` says of figures of one measure and unit whose periods
        differ: how (:func:`~rightsdata._display.words.periods_differ`), and whether what they
        count (``of``) differs too, then a call that asks for one of the quantities: its
        period and, where the figures of that period count different things, its ``of`` (the
        period alone would raise this error again)."""
        from rightsdata._display.words import periods_differ

        periods = {per for _, _, per, _ in counted}
        # (one of the quantities there are: by its period's text, a count's None last)
        _, _, per, of = min(counted, key=lambda q: (q[2] is None, str(q[2]), q[3] or ""))
        asked: dict[str, str | Literal[False]] = {"per": False if per is None else str(per)}
        said = f"they are {periods_differ(periods)}"
        if len({q[3] for q in counted}) > 1:
            said += ", and count different things (their of)"
            if len({q[3] for q in counted if q[2] == per}) > 1:
                asked["of"] = False if of is None else of
                return f"{said}; ask for one period and one thing, {self._call(**asked)}, {goal}"
        others = f" (or {self._call(per=False)} for those that are not rates)"
        return (
            f"{said}; ask for one period, {self._call(**asked)}"
            f"{others if None in periods else ''}, {goal}"
        )

    def _call(self, **asked: str | Literal[False]) -> str:
        """The call of ``ds.figures`` that asks what these figures were asked (their
        measure, unit, per and of) and ``asked`` besides, as the range's advice writes it:
        a call that runs as printed."""
        given: dict[str, object] = {
            "measure": None if self.measure is None else self.measure.value,
            "unit": None if self.unit is None else self.unit.value,
            "per": self.per if self.per is None or self.per is False else str(self.per),
            "of": self.of,
        }
        given.update(asked)
        words = [python_literal(self.record)]
        for name, value in given.items():
            if isinstance(value, str):
                words.append(f"{name}={python_literal(value)}")
            elif value is False:
                words.append(f"{name}=False")
        return python_call(f"ds.figures({', '.join(words)})")

    @property
    def disagree(self) -> bool:
        """True if the claims on one quantity (one measure, unit, for a rate period, and
        ``of``) that state a number are not all the same numbers, meaning the same: a range
        of one uncertain number (``range_meaning`` null or ``uncertainty``) and a spread of
        values with the same ends are two claims. A claim in words without a number
        (``imprecise``: "thousands", "dozens") disagrees with none: its words are not
        weighed against a number, nor against other words ("thousands" and "many
        thousands")."""
        claims: dict[tuple[Measure, Any, Any, Any], set[tuple[Any, ...]]] = {}
        for f in self.figures:
            claim = figure_claim(f)
            if claim is not None:
                claims.setdefault(figure_quantity(f), set()).add(claim)
        return any(len(numbers) > 1 for numbers in claims.values())


def _quantity_text(quantity: tuple[Measure, FigureUnit, Duration | None, str | None]) -> str:
    """A quantity (:func:`~rightsdata._model.records.figure_quantity`) as the range's error
    names it: ``prosecuted (people, of 'police officers')``."""
    measure, unit, per, of = quantity
    period = "" if per is None else f" per {per}"
    counted = "" if of is None else f", of {of!r}"
    return f"{measure.value} ({unit.value}{period}{counted})"


class SearchResults(list[Record]):
    """The records :meth:`Dataset.search <rightsdata.Dataset.search>` found, best first: a
    list, and whether its ``limit`` left records out.

    ``truncated`` is true where more records match than ``limit`` let through (the list
    holds ``limit`` of them, the best): ``ds.search(text, limit=None)`` gives them all, as
    the command line says ``and 29 more`` where its ``--limit`` stopped it. ``limit`` is the
    limit the search was given (None: every match).

    >>> import rightsdata
    >>> found = rightsdata.load().search("kozlov", limit=2)
    >>> [r.id for r in found], found.truncated, found.limit
    (['person:vladimir-kozlov', 'person:kozlov-parole-judge'], True, 2)
    >>> rightsdata.load().search("kozlov", limit=None).truncated
    False
    """

    truncated: bool
    limit: int | None

    def __init__(
        self, records: Iterable[Record] = (), *, truncated: bool = False, limit: int | None = None
    ) -> None:
        super().__init__(records)
        self.truncated = truncated
        self.limit = limit

    def _repr_html_(self) -> str:
        """A table of the records found, in a notebook, saying where ``limit`` left some
        out (a list's own display would show ``limit`` records as if they were all)."""
        from rightsdata._display.display import search_html

        return search_html(self)


@attrs.frozen
class Related:
    """The relationships, events, statements and ratings that name a record.

    A relationship names it as subject or object (``subject``, ``object``); an event as a
    participant (``participants.actor``), the accused or provision of a charge
    (``charges.against``, ``charges.provision``), one of its places (``places``: directly,
    not through ``within``), the event it is part of (``part_of``), or who asserted, joined
    in or relayed one of its figures (``figures.asserted_by``, ``figures.joined_by``,
    ``figures.relayed_by``); a statement as speaker (``speaker``), co-speaker
    (``joined_by``), who relayed it (``relayed_by``), addressee (``addressed_to``), what it
    is about (``about``), or who asserted, joined in or relayed one of its figures
    (``figures.asserted_by``, ``figures.joined_by``, ``figures.relayed_by``); a rating as
    its country (``country``), who rated it (``rated_by``), or who asserted, joined in or
    relayed one of its figures (``figures.asserted_by``, ``figures.joined_by``,
    ``figures.relayed_by``). Each tuple is in
    date order (docs/queries.md, "Date order": relationships by ``start``, events and
    statements by ``date``; ratings by ``as_of`` from its first possible day, as
    :meth:`Dataset.ratings <rightsdata.Dataset.ratings>` orders them; undated last, ties by
    ID). A record is never in its own tuples. Citations are not
    references: see :meth:`Dataset.cited_by <rightsdata.Dataset.cited_by>`.

    >>> import rightsdata
    >>> related = rightsdata.load().related("person:vladimir-kozlov")
    >>> related
    <Related person:vladimir-kozlov: 3 relationships, 13 events, 14 statements, 0 ratings>
    >>> related.events[0].id, len(related)
    ('event:kozlov-detention-2012-01-26', 30)
    >>> rightsdata.load().related("org:alga")
    <Related org:alga: 1 relationship, 1 event, 1 statement, 0 ratings>
    """

    record: str
    relationships: tuple[Relationship, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    ratings: tuple[Rating, ...]
    # The dataset that answered (Dataset.related), whose names the card shows; None for an
    # answer put together by hand. Not compared, and not pickled. (object: the Dataset
    # imports this module.)
    _dataset: object = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    __getstate__ = _state_without_dataset
    __setstate__ = _set_state_without_dataset
    __copy__ = _itself
    __deepcopy__ = _itself_deep

    def __len__(self) -> int:
        return len(self.relationships) + len(self.events) + len(self.statements) + len(self.ratings)

    def __repr__(self) -> str:
        counts = ", ".join(
            counted_kind(len(getattr(self, name)), name)
            for name in ("relationships", "events", "statements", "ratings")
        )
        return f"<Related {self.record}: {counts}>"

    def _repr_html_(self) -> str:
        from rightsdata._display.display import related_html

        return related_html(self)
