"""Hypothesis strategies for rightsdata records, for your own property tests.

Every strategy builds values the model accepts: single records (whose references point at
made-up IDs, as records from a larger dataset would) and whole datasets whose references all
resolve. Requires ``hypothesis``: ``pip install 'rightsdata[testing]'`` (without it, importing
this module raises :class:`~rightsdata.MissingExtraError` naming that extra). Every record
and dataset strategy takes ``format=`` (by default 4, the newest): with ``format=3`` no
figure says what it counts (``of``), which a reader of formats 1-3 refuses, and with
``format=2`` no date is a set either, which a reader of formats 1-2 refuses
(:func:`records`). The default follows the newest format, so a release that adds a format (a
field, a term) changes what it draws: a test that must draw the same data across releases
passes ``format=`` (the format its data declares). Each takes ``strict=`` too: by default
the draws include data the strict checks (``load_path(..., strict=True)``) question; with
``strict=True`` none does (:func:`records`, :func:`datasets`). And each takes ``base=``, a
dataset that the data drawn builds on (``load_path(path, base=rightsdata.load())``): its
references then name the base's records, and it loads over the base (:func:`records`,
:func:`dataset_documents`, :func:`datasets`).

A record (and still more a dataset) is a large draw, more than Hypothesis's health check
for slow generation allows on a loaded machine (a CI runner with more workers than cores),
so a test drawing one turns that check off:

>>> from hypothesis import HealthCheck, given, settings
>>> from rightsdata import Event
>>> from rightsdata.testing import events
>>> @settings(suppress_health_check=[HealthCheck.too_slow])
... @given(events())
... def test_event_has_a_citation(event: Event) -> None:
...     assert event.citations
>>> test_event_has_a_citation()
"""

# No ``from __future__ import annotations``: the strategies ``st.composite`` makes are
# functions of Hypothesis's, so ``typing.get_type_hints`` would look their string
# annotations up in Hypothesis's globals; evaluated here, they need no lookup.

import copy
import datetime
import enum
import functools
import json
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, TypeVar, cast, overload

import attrs

try:
    from hypothesis import strategies as st
except ImportError:
    from rightsdata._values.extras import require

    require("hypothesis", "testing")  # raises MissingExtraError, naming the extra to install
    raise

from rightsdata._data.dataset import Dataset
from rightsdata._model.fields import (
    COUNT_MAX,
    Count,
    RecordId,
    Ref,
    Refs,
    Text,
    field_names,
    spec_of,
)
from rightsdata._model.records import IDENTIFIER_PATTERNS as _IDENTIFIER_PATTERNS
from rightsdata._model.records import (
    RECORD_CLASSES,
    RECORD_TYPES,
    Alias,
    Citation,
    Event,
    Figure,
    Group,
    Identifier,
    KindName,
    Law,
    Organization,
    Penalty,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata._testing.base import LINKS, Over, drop_own_links, join_sequences, undate
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration, parse_duration
from rightsdata._values.errors import not_a_name, shown_number, shown_repr, what_was_given
from rightsdata._values.flags import flag
from rightsdata._values.format import (
    FIELDS_FROM,
    FORMAT,
    READABLE,
    SETS_FROM,
    FormatVersion,
    kind_format,
    kinds_in,
    prefixes_in,
    terms_in,
)
from rightsdata._values.hints import field_hints, nested_part
from rightsdata._values.ids import PREFIXES
from rightsdata.vocab import (
    FigureQualifier,
    IdentifierScheme,
    RangeMeaning,
)

__all__ = [
    "citations",
    "dataset_documents",
    "datasets",
    "durations",
    "edtf_dates",
    "events",
    "figures",
    "groups",
    "identifiers",
    "ids",
    "laws",
    "organizations",
    "persons",
    "places",
    "ratings",
    "records",
    "relationships",
    "slugs",
    "sources",
    "statements",
    "texts",
]

_T = TypeVar("_T")
_R = TypeVar("_R", bound=Record)

_FIRST: Final = datetime.date(1900, 1, 1).toordinal()
_LAST: Final = datetime.date(2030, 12, 31).toordinal()
#: The days of every year EDTF writes in four digits (0001 to 9999), as the model takes them.
_EARLIEST: Final = datetime.date.min.toordinal()
_LATEST: Final = datetime.date.max.toordinal()


def _size(value: object, argument: str) -> int:
    """A size argument, checked when the strategy is made (a bad one would otherwise fail
    only when drawn, in hypothesis's words): a whole number of at least 1."""
    if type(value) is not int:  # (not a bool either)
        raise TypeError(f"{argument} must be a whole number, not {what_was_given(value)}")
    if value < 1:
        raise ValueError(f"{argument} must be at least 1, not {shown_number(value)}")
    return value


def _format(format: object, kind: str | None = None) -> FormatVersion:
    """The format a strategy draws for readers of (``format``), checked when the strategy is
    made: from format 3 a date may be a set, from format 4 a figure may have ``of`` (a
    reader of an older format refuses them). A strategy of records of ``kind`` is refused
    (ValueError) for a format before the one that added the kind (``KINDS_FROM``): its
    readers read no record of it."""
    if type(format) is not int:  # (not a bool either)
        raise TypeError(f"format must be a whole number, not {what_was_given(format)}")
    if format not in READABLE:
        raise ValueError(
            f"format must be one this rightsdata reads ({READABLE[0]}-{READABLE[-1]}), not "
            f"{shown_number(format)}"
        )
    added = 1 if kind is None else kind_format(kind)
    if added > format:
        raise ValueError(
            f"the record kind {kind!r} is format {added}'s: readers of format {format} read "
            f"none of its records; give format={added} or later"
        )
    return format


def slugs() -> st.SearchStrategy[str]:
    """Slugs: lowercase ASCII words joined by '-'.

    >>> from hypothesis import given, settings
    >>> @given(slugs())
    ... @settings(max_examples=20)
    ... def test(slug: str) -> None:
    ...     assert slug == slug.lower() and " " not in slug
    >>> test()
    """
    return ids(PREFIXES[0]).map(lambda value: value.partition(":")[2])


def ids(*prefixes: str) -> st.SearchStrategy[str]:
    """IDs with one of ``prefixes`` (``ids("person", "org")``): the rule of a reference.

    At least one prefix is needed, and each must be a record kind's (``person``, ``org``,
    ``group``, ...: the prefixes docs/data-model.md lists), so that every ID drawn is valid.

    >>> ids()
    Traceback (most recent call last):
    ...
    ValueError: ids() needs at least one prefix, such as `ids('person')` or `ids('person', 'org')`
    """
    if not prefixes:
        from rightsdata._values.shell import python_call

        one, two = python_call("ids('person')"), python_call("ids('person', 'org')")
        raise ValueError(f"ids() needs at least one prefix, such as {one} or {two}")
    for prefix in prefixes:
        if not isinstance(prefix, str):
            raise TypeError(f"an ID prefix is a string, not {what_was_given(prefix)}")
        if prefix not in PREFIXES:
            raise ValueError(
                f"{prefix!r} is not an ID prefix; the prefixes are: {', '.join(PREFIXES)}"
            )
    return Ref(prefixes, "An ID.").strategy()


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding white space or contact data, in any script, about
    one in ten with a tab or a line feed inside: the rule of every text field of several
    lines (a figure's ``of`` is one line: its field draws no tab or line break). ``max_size``
    (at least 1) caps its length: texts are short (at most 60 characters), but for about one
    in ten where ``max_size`` is more, of ``max_size`` characters or from half of it up, as
    each text field's own draws reach its maximum (a quote's 600 characters) or, where it
    has none, 1,000.

    >>> from hypothesis import given, settings
    >>> @given(texts(max_size=10))
    ... @settings(max_examples=20)
    ... def test(text: str) -> None:
    ...     assert 1 <= len(text) <= 10 and text == text.strip()
    >>> test()
    """
    return Text("A text.", max_length=_size(max_size, "max_size")).strategy()


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _days(last: int = _LATEST) -> st.SearchStrategy[int]:
    """Days (ordinals) up to ``last``: mostly of 1900-2030, and of any year from 0001
    (about half of the time: the dates of the whole range EDTF writes, 0042 and 9999 too)."""
    return st.integers(_FIRST, _LAST) | st.integers(_EARLIEST, last)


def _dates() -> st.SearchStrategy[datetime.date]:
    return _days().map(datetime.date.fromordinal)


def _single_dates() -> st.SearchStrategy[str]:
    day = _dates().map(lambda d: d.isoformat())
    month = _dates().map(lambda d: d.isoformat()[:7])
    year = _dates().map(lambda d: d.isoformat()[:4])
    season = st.builds(lambda d, s: f"{d.year:04d}-{s}", _dates(), st.integers(21, 24))
    qualifier = st.sampled_from(["", "", "", "?", "~", "%"])
    qualified = st.builds(lambda d, q: d + q, st.one_of(day, month, year), qualifier)
    return st.one_of(qualified, season)  # a season takes no qualifier (EDTF level 2)


@st.composite
def _interval(draw: st.DrawFn) -> str:
    start, end = draw(_SINGLE_DATES), draw(_SINGLE_DATES)
    first, second = EDTF.parse(start), EDTF.parse(end)
    if first.sort_key() > second.sort_key():
        start, end = end, start
        first, second = second, first
    assert first.earliest is not None and second.latest is not None
    if first.earliest > second.latest:
        end = start
    shape = draw(st.sampled_from(["closed", "open_end", "unknown_end", "open_start", "unknown"]))
    if shape == "open_end":
        return f"{start}/.."
    if shape == "unknown_end":
        return f"{start}/"
    if shape == "open_start":
        return f"../{end}"
    if shape == "unknown":
        return f"/{end}"
    return f"{start}/{end}"


_SINGLE_DATES: Final = _single_dates()


def _plain_dates() -> st.SearchStrategy[tuple[int, int]]:
    """Days, months and years without a qualifier, near one another (a set's dates): each
    a day after the set's first (0 to :data:`_SET_SPAN`) and how many characters of its
    ISO form to keep (10, 7 or 4)."""
    return st.tuples(st.integers(0, _SET_SPAN), st.sampled_from([10, 10, 7, 4]))


@st.composite
def _set(draw: st.DrawFn) -> str:
    base = draw(_SET_BASES)
    drawn = draw(st.lists(_PLAIN_DATES, min_size=1, max_size=5))
    texts = [datetime.date.fromordinal(base + n).isoformat()[:size] for n, size in drawn]
    dates = sorted({EDTF.parse(t) for t in texts})
    kept: list[EDTF] = []
    for date in dates:  # in order, each ending before the next begins
        if not kept or kept[-1].sort_key()[1] < date.sort_key()[0]:
            kept.append(date)
    members: list[list[str]] = []  # each a date or a range's two dates
    while kept:
        if len(kept) > 1 and kept[0].precision is kept[1].precision and draw(st.booleans()):
            members.append([kept[0].text, kept[1].text])
            kept = kept[2:]
        else:
            members.append([kept.pop(0).text])
    alone = len(members) == 1 and len(members[0]) == 1  # a set of one date must be a range
    if alone or draw(st.integers(0, 5)) == 0:
        members[0] = ["", members[0][-1]]  # open at its start: ..B
    if draw(st.integers(0, 5)) == 0 and members[-1][0]:
        members[-1] = [members[-1][0], ""]  # open at its end: A..
    return "[" + ",".join("..".join(member) for member in members) + "]"


#: How many days after a set's first its dates may be.
_SET_SPAN: Final = 400
#: A set's first day: of any year, as a single date's (:func:`_days`).
_SET_BASES: Final = _days(_LATEST - _SET_SPAN)
_PLAIN_DATES: Final = _plain_dates()


def edtf_dates(intervals: bool = True, sets: bool = True) -> st.SearchStrategy[EDTF]:
    """EDTF values: days, months, years, seasons, qualifiers, and (optionally) intervals and
    sets ("one of": ``[2022-01-14,2022-01-15]``, ``[2011-12-16..2012-01-31]``), of any year
    from 0001 to 9999 (about half of them of 1900-2030). Sets came
    with format 3: ``sets=False`` draws only the dates a reader of formats 1-2 reads (what
    the record and dataset strategies draw with ``format=2``).

    >>> from hypothesis import given, settings
    >>> @given(edtf_dates(sets=False))
    ... @settings(max_examples=20)
    ... def test(date: EDTF) -> None:
    ...     assert not date.is_set and str(date)
    >>> test()
    """
    intervals, sets = flag(intervals, "intervals"), flag(sets, "sets")
    options = [_SINGLE_DATES]
    if intervals:
        options.append(_interval())
    if sets:
        options.append(_set())
    return st.one_of(options).map(EDTF.parse)


@functools.cache
def _optional_dates(intervals: bool, sets: bool) -> st.SearchStrategy[EDTF | None]:
    """Null or a date (made once per choice: a strategy made per draw costs its checks)."""
    optional: st.SearchStrategy[EDTF | None] = _optional(edtf_dates(intervals, sets))
    return optional


def durations() -> st.SearchStrategy[Duration]:
    """Durations in the canonical forms rightsdata writes (P7Y6M, P15D, PT12H, PT1H30M,
    PT45S): each of years, months, days, hours, minutes and seconds stated or not (P0D where
    none is).

    >>> from hypothesis import given, settings
    >>> from rightsdata import Duration
    >>> @given(durations())
    ... @settings(max_examples=20)
    ... def test(duration: Duration) -> None:
    ...     assert Duration.parse(str(duration)) == duration
    >>> test()
    """
    return _DURATION_PARTS.map(_duration)


#: The most of each part of a duration drawn, by its designator (the time's minutes as
#: "TM"): at most 23 hours, 59 minutes and 59 seconds, as the canonical form has them.
_DURATION_MOST: Final = {"Y": 30, "M": 24, "D": 400, "H": 23, "TM": 59, "S": 59}
#: The parts of a duration drawn, each one number: stated where it is above 0, about half of
#: the time (one choice a part, where stated-or-not and then a number were two).
_DURATION_PARTS: Final = st.tuples(*(st.integers(-most, most) for most in _DURATION_MOST.values()))


def _duration(parts: tuple[int, ...]) -> Duration:
    """The duration of ``parts`` (:data:`_DURATION_PARTS`), in its canonical form."""
    stated = {unit: n for unit, n in zip(_DURATION_MOST, parts, strict=True) if n > 0}
    date = "".join(f"{stated[unit]}{unit}" for unit in ("Y", "M", "D") if unit in stated)
    time = "".join(f"{stated[unit]}{unit[-1]}" for unit in ("H", "TM", "S") if unit in stated)
    text = "P" + date + (f"T{time}" if time else "")
    return parse_duration(text if text != "P" else "P0D")


def _field_strategy(
    cls: type, field: "attrs.Attribute[Any]", holder: type | None, format: int
) -> Any:
    """The values a field of ``cls`` (a part held by ``holder``, if any) accepts, from its
    spec and its type: how a new field gets a strategy without anyone writing one. A date
    (in a part too) is a set only if ``sets``."""
    if FIELDS_FROM.get((cls.__name__, field.name), 1) > format:
        return st.none()  # (a field of a later format: its readers' data has none)
    spec = spec_of(field)
    hint = field_hints(cls)[field.name]
    arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
    optional = len(arms) != len(typing.get_args(hint))
    core = arms[0] if optional else hint
    if spec.names_holder is not None:
        names = sorted(field_names(holder)) if holder is not None else []
        if spec.names_holder == "path":
            return st.sampled_from(names) if names else texts()
        some = st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True).map(tuple)
        return _optional(some) if names else st.none()
    if isinstance(spec, Ref) and not isinstance(spec, RecordId):
        spec = _read_by(spec, format, f"{cls.__name__}.{field.name}")
    own = spec.strategy()
    if own is None:
        nested, many = nested_part(core)
        if nested is not None:
            part = _part(nested, cls if many else None, format)
            minimum = getattr(spec, "min_items", 0)
            # a part's own lists (a figure's citations) stay short: a dataset draws many parts
            more = 2 if cls in RECORD_CLASSES else 1
            own = (
                st.lists(part, min_size=minimum, max_size=minimum + more).map(tuple)
                if many
                else part
            )
        elif core is EDTF:
            own = edtf_dates(sets=format >= SETS_FROM)
        elif core is Duration:
            own = durations()
        elif isinstance(core, type) and issubclass(core, enum.Enum):
            own = st.sampled_from(terms_in(core, format))  # (not a later format's terms)
        else:  # pragma: no cover - a new kind of value must be taught here
            raise TypeError(f"no strategy for {cls.__name__}.{field.name}: {hint!r}")
    return _optional(own) if optional and not isinstance(spec, Count) else own


def _read_by(spec: Ref, format: int, name: str) -> Ref:
    """``spec`` naming only the kinds a reader of ``format`` reads: a reference to a kind a
    later format added (``KINDS_FROM``) is never drawn for it."""
    prefixes = prefixes_in(spec.prefixes, format)
    if prefixes == spec.prefixes:
        return spec
    if not prefixes:  # (such a field is a later format's too: FIELDS_FROM)
        raise ValueError(f"{name} names kinds format {format} has none of")
    narrowed = copy.copy(spec)
    narrowed.prefixes = prefixes
    return narrowed


@functools.cache
def _field_strategies(cls: type, holder: type | None, format: int) -> Mapping[str, Any]:
    """Each field's strategy (:func:`_field_strategy`), made once per class and holder:
    composites that build instances as they draw would otherwise make, and have Hypothesis
    validate, every nested part's strategy again at each draw (a dataset's draw took about
    a third of a second that way, and failed Hypothesis's health check for slow data)."""
    return MappingProxyType(
        {field.name: _field_strategy(cls, field, holder, format) for field in attrs.fields(cls)}
    )


def _builds(cls: type, holder: type | None, format: int, /, **overrides: Any) -> Any:
    """Instances of ``cls``: each field from ``overrides`` or from its spec and type."""
    return st.builds(cls, **{**_field_strategies(cls, holder, format), **overrides})


def _made(draw: st.DrawFn, cls: type, format: int, /, **given: Any) -> Any:
    """An instance of ``cls`` drawn inside a composite: the fields in ``given`` as they are,
    each other from its strategy (:func:`_field_strategies`; no strategy made per draw)."""
    values = {
        name: given[name] if name in given else draw(strategy)
        for name, strategy in _field_strategies(cls, None, format).items()
    }
    return cls(**values)


def _part(cls: type, holder: type | None, format: int) -> Any:
    custom = _PARTS.get(cls)
    return custom(holder, format) if custom is not None else _builds(cls, holder, format)


def citations(
    record_type: type[
        Person | Organization | Group | Place | Law | Event | Relationship | Statement | Rating
    ]
    | type[Figure]
    | None = None,
    *,
    format: FormatVersion = FORMAT,
    base: Dataset | None = None,
) -> st.SearchStrategy[Citation]:
    """Citations; with ``record_type`` (a class that holds citations: a record class such
    as ``rightsdata.Event``, any but ``Source``, or ``rightsdata.Figure``), their ``fields``
    name its fields. ``format`` is that of :func:`records` (no term a later format added);
    with ``base=`` (a :class:`~rightsdata.Dataset`), each cites one of its sources.

    >>> import rightsdata
    >>> from hypothesis import given, settings
    >>> @given(citations(rightsdata.Event))
    ... @settings(max_examples=20)
    ... def test(citation: Citation) -> None:
    ...     import attrs
    ...     names = attrs.fields_dict(rightsdata.Event)
    ...     assert all(name in names for name in citation.fields or ())
    >>> test()
    """
    if record_type is not None and not _cites(record_type):
        raise TypeError(
            "record_type must be a class that holds citations, such as `rightsdata.Event` or "
            f"`rightsdata.Figure`, not {shown_repr(record_type)}"
        )
    kind = getattr(record_type, "kind_name", None)  # (a record kind's, which a format has)
    strategy: st.SearchStrategy[Citation] = _builds(Citation, record_type, _format(format, kind))
    over = _over(base)
    if over is not None:
        strategy = _part_over_base(strategy, False, over)
    return strategy


def _cites(cls: object) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and "citations" in attrs.fields_dict(cls)


_COUNTRIES: Final = st.sampled_from(["KZ", "RU", "US", "GB", "EG", "HK", "CO", "GN"])
_LANGUAGES: Final = st.sampled_from(["en", "ru", "kk", "kk-Latn"])


@st.composite
def _figure(draw: st.DrawFn, holder: type | None = None, format: int = FORMAT) -> Figure:
    strategies = _field_strategies(Figure, None, format)
    qualifier = draw(strategies["qualifier"])
    numbers = sorted(draw(_THREE_NUMBERS))
    low, best, high = (n if draw(st.booleans()) else None for n in numbers)
    if qualifier in (FigureQualifier.EXACT, FigureQualifier.ABOUT):
        best = numbers[1]
    elif qualifier in (FigureQualifier.AT_LEAST, FigureQualifier.MORE_THAN):
        low = numbers[0]
    elif qualifier in (FigureQualifier.AT_MOST, FigureQualifier.LESS_THAN):
        high = numbers[2]
    elif qualifier is FigureQualifier.BETWEEN:
        low, high = numbers[0], numbers[2]
    # (drawn from its field's strategy, as every term is: an exact figure whose range is a
    # spread states the least and the most of the values it counts)
    meaning = draw(strategies["range_meaning"])
    spread = qualifier is FigureQualifier.EXACT and meaning is RangeMeaning.SPREAD
    if spread:  # (an exact count of values, with the least and the most of them)
        low, high = numbers[0], numbers[2]
    elif qualifier is FigureQualifier.EXACT:  # (best alone: low and high need a spread)
        low = high = None
    elif (qualifier is FigureQualifier.MORE_THAN and best == low) or (
        qualifier is FigureQualifier.LESS_THAN and best == high
    ):
        best = None  # ('more than 3' is not 3)
    # range_meaning needs low and high; joined_by needs asserted_by and does not repeat it
    ranged = low is not None and high is not None
    asserted_by = draw(strategies["asserted_by"])
    joined = () if asserted_by is None else _without_author(draw, Figure, format, asserted_by)
    figure: Figure = _made(
        draw,
        Figure,
        format,
        qualifier=qualifier,
        low=low,
        best=best,
        high=high,
        asserted_by=asserted_by,
        range_meaning=meaning if ranged else None,
        joined_by=joined,
    )
    return figure


#: A figure's numbers: of any size a count takes, up to 2**53 - 1 (Hypothesis draws small
#: ones more than half of the time, and equal ones often).
_THREE_NUMBERS: Final = st.lists(st.integers(0, COUNT_MAX), min_size=3, max_size=3)


def _without_author(draw: st.DrawFn, cls: type, format: int, author: str) -> tuple[str, ...]:
    """A ``joined_by`` list of ``cls`` for ``author``: IDs it may name, never ``author``."""
    found: tuple[str, ...] = draw(_field_strategies(cls, None, format)["joined_by"])
    return tuple(i for i in found if i != author)


def _mend_joined(author_field: str) -> Any:
    """Keep the rule of a ``joined_by`` list (it joins an author it does not name again)
    when :func:`_resolve` has replaced the references: drop the author from it."""

    def mend(obj: Any, changes: dict[str, Any]) -> None:
        author = changes.get(author_field, getattr(obj, author_field))
        joined = changes.get("joined_by", obj.joined_by)
        changes["joined_by"] = () if author is None else tuple(i for i in joined if i != author)

    return mend


@st.composite
def _identifier(draw: st.DrawFn, holder: type | None = None, format: int = FORMAT) -> Identifier:
    # the value in its scheme's form; any other field from its spec (_made)
    scheme = draw(_field_strategies(Identifier, None, format)["scheme"])
    pattern = _IDENTIFIER_PATTERNS.get(scheme.value)
    value = draw(_TEXTS_40 if pattern is None else _pattern_texts(pattern))
    identifier: Identifier = _made(draw, Identifier, format, scheme=scheme, value=value)
    return identifier


_TEXTS_40: Final = texts(40)


@functools.cache
def _pattern_texts(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True)


def identifiers(
    *, format: FormatVersion = FORMAT, strict: bool = False
) -> st.SearchStrategy[Identifier]:
    """Identifiers whose value has its scheme's form (a Wikidata Q number, an ISO code);
    with ``strict=True``, an ISO 3166 code's country is one ISO 3166-1 assigns (by default
    it is any two capitals, ``QQ`` too: :func:`records`). ``format`` is that of
    :func:`records`: no scheme a later format added.

    >>> from hypothesis import given, settings
    >>> @given(identifiers())
    ... @settings(max_examples=20)
    ... def test(identifier: Identifier) -> None:
    ...     if identifier.scheme.value == "wikidata":
    ...         assert identifier.value.startswith("Q")
    >>> test()
    """
    strategy: st.SearchStrategy[Identifier] = _identifier(format=_format(format))
    return _kept_strict(strategy, strict)


def figures(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Figure]:
    """Figures whose numbers fit their qualifier (``low <= best <= high``), of any size a
    count takes (up to 2**53 - 1), an exact one with the least and the most of the values
    it counts now and then (``low`` and ``high``, ``range_meaning="spread"``); with
    ``strict=True``, ``relayed_by`` names none of their authors and no list repeats an entry
    (:func:`records`). With ``format`` 1 to 3 none says what it counts (``of``, format 4's).
    With ``base=`` (a :class:`~rightsdata.Dataset`), the actors and sources a figure names
    (``asserted_by``, ``joined_by``, ``relayed_by``, its citations) are the base's.

    >>> from hypothesis import given, settings
    >>> @given(figures())
    ... @settings(max_examples=20)
    ... def test(figure: Figure) -> None:
    ...     numbers = [n for n in (figure.low, figure.best, figure.high) if n is not None]
    ...     assert numbers == sorted(numbers)
    >>> test()
    """
    strategy: st.SearchStrategy[Figure] = _figure(format=_format(format))
    over = _over(base)
    if over is not None:
        figure: st.SearchStrategy[Figure] = _part_over_base(strategy, _strict_flag(strict), over)
        return figure
    return _kept_strict(strategy, strict)


#: Parts whose rules a field-by-field draw would break, built by hand (holder -> strategy).
_PARTS: Final[dict[type, Any]] = {
    Figure: _figure,
    Identifier: _identifier,
    Alias: lambda holder, format: _builds(Alias, holder, format, language=_optional(_LANGUAGES)),
}


def sources(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Source]:
    """Source records.

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(sources())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(source: Source) -> None:
    ...     assert source.id.startswith("source:") and source.title
    >>> test()
    """
    strategy: st.SearchStrategy[Source] = _builds(
        Source,
        None,
        _format(format, "sources"),
        language=st.sampled_from(["en", "ru", "kk"]),
        url=_optional(slugs().map(lambda s: f"https://example.org/{s}")),
    )
    return _kept(strategy, "sources", strict, base)


def persons(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Person]:
    """Person records.

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(persons())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(person: Person) -> None:
    ...     assert person.id.startswith("person:") and person.citations
    >>> test()
    """
    format = _format(format, "persons")
    strategy: st.SearchStrategy[Person] = _builds(
        Person,
        None,
        format,
        born=_optional_dates(False, format >= SETS_FROM),
        country=_optional(_COUNTRIES),
    )
    return _kept(strategy, "persons", strict, base)


def organizations(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Organization]:
    """Organization records.

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(organizations())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(organization: Organization) -> None:
    ...     assert organization.id.startswith("org:")
    >>> test()
    """
    strategy: st.SearchStrategy[Organization] = _builds(
        Organization, None, _format(format, "organizations"), country=_optional(_COUNTRIES)
    )
    return _kept(strategy, "organizations", strict, base)


def groups(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Group]:
    """Group records (collective and unnamed actors).

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(groups())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(group: Group) -> None:
    ...     assert group.id.startswith("group:") and group.name
    >>> test()
    """
    strategy: st.SearchStrategy[Group] = _builds(
        Group, None, _format(format, "groups"), country=_optional(_COUNTRIES)
    )
    return _kept(strategy, "groups", strict, base)


def places(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Place]:
    """Place records.

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(places())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(place: Place) -> None:
    ...     assert place.id.startswith("place:") and place.name
    >>> test()
    """
    strategy: st.SearchStrategy[Place] = _builds(
        Place, None, _format(format, "places"), country=_optional(_COUNTRIES)
    )
    return _kept(strategy, "places", strict, base)


def laws(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Law]:
    """Law records: provisions, and whole instruments (no article, so no part).

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(laws())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(law: Law) -> None:
    ...     assert law.part is None or law.article is not None
    >>> test()
    """
    strategy: st.SearchStrategy[Law] = _laws(_format(format, "laws"))
    return _kept(strategy, "laws", strict, base)


@st.composite
def _laws(draw: st.DrawFn, format: int) -> Law:
    article = draw(_ARTICLES)
    part = None if article is None else draw(_PARTS_OF_ARTICLES)
    law: Law = _made(
        draw, Law, format, jurisdiction=draw(_JURISDICTIONS), article=article, part=part
    )
    return law


_JURISDICTIONS: Final = st.sampled_from(["KZ", "international"])
_ARTICLES: Final = _optional(st.integers(1, 500).map(str))
_PARTS_OF_ARTICLES: Final = _optional(st.integers(1, 9).map(str))


def events(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Event]:
    """Event records (date_of only where there is a date).

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(events(format=2))
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(event: Event) -> None:
    ...     assert event.date_of is None or event.date is not None
    >>> test()
    """
    strategy: st.SearchStrategy[Event] = _events(_format(format, "events"))
    return _kept(strategy, "events", strict, base)


@st.composite
def _events(draw: st.DrawFn, format: int) -> Event:
    date = draw(_optional_dates(True, format >= SETS_FROM))
    date_of = None if date is None else draw(_field_strategies(Event, None, format)["date_of"])
    event: Event = _made(draw, Event, format, date=date, date_of=date_of)
    return event


def relationships(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Relationship]:
    """Relationship records (start never after end).

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(relationships())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(tie: Relationship) -> None:
    ...     if tie.start and tie.end and tie.start.earliest and tie.end.latest:
    ...         assert tie.start.earliest <= tie.end.latest
    >>> test()
    """
    strategy: st.SearchStrategy[Relationship] = _relationships(_format(format, "relationships"))
    return _kept(strategy, "relationships", strict, base)


@st.composite
def _relationships(draw: st.DrawFn, format: int) -> Relationship:
    start = draw(_optional_dates(False, format >= SETS_FROM))
    end = draw(_optional_dates(False, format >= SETS_FROM))
    if start is not None and end is not None and start.sort_key() > end.sort_key():
        start, end = end, start
    if (
        start is not None
        and end is not None
        and start.earliest is not None
        and end.latest is not None
        and start.earliest > end.latest
    ):
        end = None
    relationship: Relationship = _made(draw, Relationship, format, start=start, end=end)
    return relationship


def statements(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Statement]:
    """Statement records (a quote always has a citation that covers it; joined_by never names
    the speaker).

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(statements())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(statement: Statement) -> None:
    ...     assert statement.speaker not in statement.joined_by
    >>> test()
    """
    strategy: st.SearchStrategy[Statement] = _statements(_format(format, "statements"))
    return _kept(strategy, "statements", strict, base)


@st.composite
def _statements(draw: st.DrawFn, format: int) -> Statement:
    quote = draw(_field_strategies(Statement, None, format)["quote"])
    cites = draw(_statement_citations(format))
    if quote is not None and not any(c.fields is None or "quote" in c.fields for c in cites):
        cites = (attrs.evolve(cites[0], fields=None), *cites[1:])
    speaker = draw(_field_strategies(Statement, None, format)["speaker"])
    statement: Statement = _made(
        draw,
        Statement,
        format,
        speaker=speaker,
        quote=quote,
        citations=cites,
        joined_by=_without_author(draw, Statement, format, speaker),
    )
    return statement


@functools.cache
def _statement_citations(format: int) -> st.SearchStrategy[tuple[Citation, ...]]:
    citation = _builds(Citation, Statement, format)
    return st.lists(citation, min_size=1, max_size=3).map(tuple)


def ratings(
    *, format: FormatVersion = FORMAT, strict: bool = False, base: Dataset | None = None
) -> st.SearchStrategy[Rating]:
    """Rating records.

    ``format=2`` (or 1) draws no date that is a set, ``format=3`` no figure's ``of``, and
    ``strict=True`` only records that
    pass the strict checks a record alone can fail; with ``base=``, records that load over
    that dataset, their references naming its records: see :func:`records`.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @given(ratings())
    ... @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... def test(rating: Rating) -> None:
    ...     assert rating.country.startswith("place:")
    >>> test()
    """
    strategy: st.SearchStrategy[Rating] = _builds(Rating, None, _format(format, "ratings"))
    return _kept(strategy, "ratings", strict, base)


_BY_KIND: Final[dict[str, Any]] = {
    "sources": sources,
    "persons": persons,
    "organizations": organizations,
    "groups": groups,
    "places": places,
    "laws": laws,
    "events": events,
    "relationships": relationships,
    "statements": statements,
    "ratings": ratings,
}


@overload
def records(
    kind: Literal["sources"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Source]: ...
@overload
def records(
    kind: Literal["persons"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Person]: ...
@overload
def records(
    kind: Literal["organizations"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Organization]: ...
@overload
def records(
    kind: Literal["groups"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Group]: ...
@overload
def records(
    kind: Literal["places"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Place]: ...
@overload
def records(
    kind: Literal["laws"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Law]: ...
@overload
def records(
    kind: Literal["events"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Event]: ...
@overload
def records(
    kind: Literal["relationships"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Relationship]: ...
@overload
def records(
    kind: Literal["statements"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Statement]: ...
@overload
def records(
    kind: Literal["ratings"],
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Rating]: ...
@overload
def records(
    kind: KindName,
    *,
    format: FormatVersion = ...,
    strict: bool = ...,
    base: Dataset | None = ...,
) -> st.SearchStrategy[Record]: ...
def records(
    kind: str,
    *,
    format: FormatVersion = FORMAT,
    strict: bool = False,
    base: Dataset | None = None,
) -> st.SearchStrategy[Record]:
    """Records of ``kind`` (``'events'``), as named in the files; type checkers know their
    class from a kind written out: ``records("events")`` is a strategy of Event records.

    ``format`` is the dataset format of the readers the records are for: 1 to 4 (the
    default, the newest). A date may be a set ("one of", ``[2022-01-14,2022-01-15]``) only
    from format 3, and a reader of formats 1-2 refuses one; with ``format=2`` (or 1) no
    date is drawn as a set, in a record or in any part of one, so a package that writes
    format 2 for older readers tests with data they read. A figure may say what it counts
    (``of``) only from format 4: with ``format`` 1 to 3 none does. No term a later format
    added to a vocabulary is drawn either (none has been added yet), nor a reference to a
    record of a kind a later format added (none yet either), and the records of such a kind
    are refused for an older format (ValueError: its readers read none). Every record and
    dataset strategy here takes it.

    ``strict=True`` draws only data that passes the strict checks (``load_path(...,
    strict=True)``; docs/loading.md "Strict checks") a record alone can fail: an ISO 3166
    identifier's country is one ISO 3166-1 assigns, no list repeats an entry (the same
    citation, alias, identifier, place or participant in the same role twice), and
    ``relayed_by`` names none of the authors. The checks across records (a rating of a
    country, a place's country against the one it lies within, a birth before acting) need
    the records named: :func:`datasets` and :func:`dataset_documents` take ``strict`` too,
    and keep every check. By default the draws are broader, questionable data included,
    which is what a test of a loader (or of code that must take any valid data) wants; a
    draw with ``strict=True`` is the default's draw, mended.

    ``base=`` (a :class:`~rightsdata.Dataset`: ``rightsdata.load()``, or one of your own)
    draws records that build on it (docs/loading.md, "Building on another dataset"): each
    reference names one of the base's records (never an ID it retired; one of a kind it has
    no record of is left out, or, where it is required, left as drawn), no record takes an
    ID the base has or retired, and each record loads over it alone,
    ``load_documents({kind: [document]}, base=base)``, what the rules over a base read of it
    kept (:func:`dataset_documents`), with ``strict=True`` strictly. A record drawn so is the
    default's draw, its references replaced and mended.

    >>> from rightsdata.testing import records
    >>> records("events").example().id.startswith("event:")  # doctest: +SKIP
    True
    >>> from hypothesis import HealthCheck, given, settings
    >>> @settings(suppress_health_check=[HealthCheck.too_slow])
    ... @given(records("events", format=2))
    ... def test_no_set(event: Event) -> None:
    ...     assert event.date is None or not event.date.is_set
    >>> test_no_set()
    >>> from rightsdata._values.isocodes import country_problem
    >>> @settings(suppress_health_check=[HealthCheck.too_slow])
    ... @given(records("places", strict=True))
    ... def test_assigned(place: Place) -> None:
    ...     for identifier in place.identifiers:
    ...         if identifier.scheme in ("iso_3166_1", "iso_3166_2"):
    ...             assert country_problem(identifier.value[:2]) is None
    >>> test_assigned()
    >>> import rightsdata
    >>> base = rightsdata.load()
    >>> @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=10)
    ... @given(records("events", base=base))
    ... def test_cites_the_base(event: Event) -> None:
    ...     assert event.id not in base
    ...     assert all(citation.source in base for citation in event.citations)
    >>> test_cites_the_base()
    """
    wrong = not_a_name(kind, "a record kind", "events", its="kind_name")
    if wrong is not None:
        raise TypeError(wrong)  # (a wrong type, docs/api.md)
    if kind not in RECORD_TYPES:
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"unknown record kind {kind!r}{spelled_like(kind, RECORD_TYPES)}; the kinds are: "
            f"{', '.join(RECORD_TYPES)}"
        )
    _format(format, kind)  # (a kind a later format added: refused for an older one)
    custom = _BY_KIND.get(kind)  # a kind without one is drawn field by field from its specs
    if custom is not None:
        found: st.SearchStrategy[Record] = custom(format=format, strict=strict, base=base)
        return found
    strategy: st.SearchStrategy[Record] = _builds(RECORD_TYPES[kind], None, _format(format, kind))
    return _kept(strategy, kind, strict, base)


def _kept(
    strategy: st.SearchStrategy[_R], kind: str, strict: object, base: object
) -> st.SearchStrategy[_R]:
    """``strategy``'s records of ``kind``: mended if ``strict`` (:func:`_kept_strict`), and
    over ``base`` if one is given (:func:`_over_base`)."""
    over = _over(base)
    if over is None:
        return _kept_strict(strategy, strict)
    drawn: st.SearchStrategy[_R] = _over_base(
        _new_ids(strategy, over), kind, _strict_flag(strict), over
    )
    return drawn


@st.composite
def _over_base(
    draw: st.DrawFn, strategy: st.SearchStrategy[Any], kind: str, strict: bool, over: Over
) -> Any:
    """A record of ``strategy`` (of ``kind``) that loads over a base alone: the documents of
    a dataset of it (:func:`_documents_of`), structured again."""
    from hypothesis import assume

    from rightsdata._validation.convert import structure

    # (every reference the base's: not the record's own ID, which a source's figure may cite)
    documents = _documents_of(draw, {kind: [draw(strategy)]}, strict, over, named=False)
    # (a repair drops a relationship whose ends are one record: over a base with one actor)
    assume(bool(documents[kind]))
    return structure(cast("KindName", kind), documents[kind][0])


@st.composite
def _part_over_base(
    draw: st.DrawFn, strategy: st.SearchStrategy[Any], strict: bool, over: Over
) -> Any:
    """A part of ``strategy`` whose references name a base's records (:func:`_resolve`),
    mended after if ``strict``."""
    resolved = _resolve(draw, draw(strategy), {}, over)
    return _mended(draw, resolved) if strict else resolved


def dataset_documents(
    max_per_kind: int = 4,
    *,
    format: FormatVersion = FORMAT,
    strict: bool = False,
    base: Dataset | None = None,
) -> st.SearchStrategy[dict[str, list[dict[str, Any]]]]:
    """A whole dataset's records as JSON-ready documents whose references all resolve (the
    records alone: :func:`datasets` draws a name, version, descriptor and redirects too).

    The result is what ``Dataset.to_dict()`` returns (with ``format=1``, every field written,
    null or ``[]`` where empty, as format 1 writes them): each kind's documents sorted by ID,
    at most ``max_per_kind`` of each (at least 1: a dataset has a source, a person, an
    organisation, a place and a law). Every integrity rule a load checks across records
    holds (docs/loading.md): references are drawn from the records made, and what the draw
    broke is mended (ratings lose their ``previous``, events their ``part_of``, a victim born
    after the event his ``born``). ``format`` is that of :func:`records`: with 1 or 2 no
    date is a set, so the documents load under a descriptor declaring that format; a kind a
    later format added (``KINDS_FROM``, none yet) has no list for an older format.

    With ``strict=True`` the documents pass the strict checks too (``load_documents(...,
    strict=True)``): each record as :func:`records` draws it with ``strict=True`` (after its
    references are drawn, which could repeat one), a rating rates a place of kind country or
    territory (another place is made one if none is), a place's country is that of the place
    it lies within, and a person born after an event or statement their role needs them at
    loses their ``born``. By default the draws are broader, questionable data included:
    strict loading of them fails. ``strict=True`` draws the default's data, then mends it.

    With ``base=`` (a :class:`~rightsdata.Dataset`: ``rightsdata.load()``, or one of your
    own), the documents are data that builds on it, and load with ``load_documents(...,
    base=base)`` (docs/loading.md, "Building on another dataset"): about half of the
    references name the base's records (never an ID it retired), no record takes an ID the
    base has or retired, and what the rules over a base read of it is kept too: a rating of
    one of its places joins its sequence, an event (with ``strict=True``, a statement or
    relationship) naming one of its persons born after it loses its date, and a rating's
    country or a place's ``within`` may be the base's (with ``strict=True``, its country is
    that of the base's place it lies within). Events' ``part_of`` and places' ``within`` name
    the base's records only (a chain of the records drawn could form a cycle):

    >>> from typing import Any
    >>> from hypothesis import HealthCheck, given, settings
    >>> import rightsdata
    >>> base = rightsdata.load()
    >>> @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=5)
    ... @given(dataset_documents(max_per_kind=2, base=base))
    ... def test_loads_over_the_base(documents: dict[str, list[dict[str, Any]]]) -> None:
    ...     both = rightsdata.load_documents(documents, base=base)
    ...     assert len(both) == len(base) + sum(map(len, documents.values()))
    >>> test_loads_over_the_base()

    A whole dataset is a large draw (about 0.06 s of CPU time with ``max_per_kind=1`` and
    0.14 s with 4, some 3,000 choices), more than Hypothesis's health check for slow
    generation allows its first examples (a second in all), so a test drawing one turns
    that check off:

    >>> from typing import Any
    >>> from hypothesis import HealthCheck, given, settings
    >>> @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... @given(dataset_documents(max_per_kind=2))
    ... def test_loads(documents: dict[str, list[dict[str, Any]]]) -> None:
    ...     ...
    """
    strategy: st.SearchStrategy[dict[str, list[dict[str, Any]]]] = _documents(
        max_per_kind, format, strict, _over(base)
    )
    if format == 1:
        strategy = strategy.map(_with_every_field)
    return strategy


def _documents(
    max_per_kind: object, format: FormatVersion, strict: object, over: Over | None
) -> st.SearchStrategy[dict[str, list[dict[str, Any]]]]:
    """The documents of :func:`dataset_documents`, as ``Dataset.to_dict()`` writes them."""
    most = _size(max_per_kind, "max_per_kind")
    mended = _strict_flag(strict)
    lists: dict[str, st.SearchStrategy[list[Record]]] = {
        kind: st.lists(
            _new_ids(records(kind, format=format), over),
            min_size=1 if kind in _REQUIRED_KINDS else 0,
            max_size=most,
            unique_by=_record_id,
        )
        for kind in kinds_in(format)  # (not a kind a later format added: KINDS_FROM)
    }
    strategy: st.SearchStrategy[dict[str, list[dict[str, Any]]]] = _dataset_documents(
        lists, mended, over
    )
    return strategy


def _over(base: object) -> Over | None:
    """What a strategy needs of ``base`` (None if none is given), checked when the strategy
    is made: anything but a Dataset raises TypeError."""
    return None if base is None else Over(base)


def _new_ids(strategy: st.SearchStrategy[_R], over: Over | None) -> st.SearchStrategy[_R]:
    """``strategy``'s records, ``over`` a base none of whose records has the ID, nor it
    retired (a load over it refuses both)."""
    if over is None:
        return strategy
    taken = over.taken
    return strategy.filter(lambda record: record.id not in taken)


def datasets(
    max_per_kind: int = 4,
    *,
    format: FormatVersion = FORMAT,
    strict: bool = False,
    base: Dataset | None = None,
) -> st.SearchStrategy[Dataset]:
    """Whole :class:`rightsdata.Dataset` objects: the records of :func:`dataset_documents`
    structured, so every reference resolves and every rule holds (the same draw, and the
    same need to turn Hypothesis's ``too_slow`` health check off), and, each drawn in some
    datasets and left out of others (in a third to a half of them), what a dataset holds
    besides its records: its name, version and redirects, which ``Dataset.__eq__``
    compares too, so that a round trip that loses one fails, and a descriptor, which
    ``Dataset.__eq__`` does not compare (a writer adds its sources, profile and format to
    it): a round trip that must keep the title, licences and contributors compares
    ``.descriptor`` itself.

    - a ``name`` (as a data package names itself: lowercase ASCII letters, digits, ``.``,
      ``_`` and ``-``) and a ``version`` (SemVer, ``1.4.0``), each given as an argument
      or in the descriptor (the dataset's name and version either way);
    - a ``descriptor``: a small one, of a ``title``, ``licenses``, ``contributors``,
      ``sources`` of its own (besides the source records, which every writer lists) and a
      ``rightsdata_format`` (``format``'s, which the records keep to), each drawn or not;
    - ``redirects``: at most ``max_per_kind`` retired IDs, each new (no record has it), to
      the ID of a record drawn (or to another retired ID, a chain: it ends at a record), of
      the same kind, or for an actor of any actor kind, as the redirect rules require
      (docs/loading.md); ``dataset.get(retired)`` follows them.

    :func:`dataset_documents` draws the records alone. With ``format=3`` no figure has
    ``of``, and with ``format=2`` (or 1) no date is a set either (:func:`records`): the
    dataset exports in format 3 or 2. With ``strict=True`` it passes
    the strict checks too (:func:`dataset_documents`): a test of code whose own data loads
    with ``strict=True`` draws it so.

    With ``base=`` (a :class:`~rightsdata.Dataset`), each is a dataset built on it,
    ``Dataset(records, base=base, ...)``: its records are those of :func:`dataset_documents`
    with the same ``base`` (references to the base's records among them), and it holds the
    base's records too, as a load over the base does; the records drawn are those the base
    has not, ``[r for r in dataset if r.id not in base]``. Its redirects retire new IDs
    (none the base has or retired), to the records drawn or the base's (through its
    redirects too, a chain); ``dataset.redirects`` holds the base's as well.

    >>> from hypothesis import HealthCheck, given, settings
    >>> @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)
    ... @given(datasets(max_per_kind=2))
    ... def test_every_event_is_in_its_timeline(dataset: Dataset) -> None:
    ...     ...
    >>> import rightsdata
    >>> @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=5)
    ... @given(datasets(max_per_kind=2, strict=True))
    ... def test_loads_strictly(dataset: Dataset) -> None:
    ...     again = rightsdata.load_documents(
    ...         dataset.to_dict(), descriptor=dataset.descriptor, name=dataset.name,
    ...         version=dataset.version, redirects=dataset.redirects, strict=True)
    ...     assert again == dataset
    >>> test_loads_strictly()
    """
    over = _over(base)
    documents = _documents(max_per_kind, format, strict, over)
    strategy: st.SearchStrategy[Dataset] = _whole_dataset(documents, max_per_kind, format, over)
    return strategy


#: The licences a drawn descriptor names (SPDX identifiers, as datapackage.json gives them).
_LICENCES: Final = ("CC-BY-4.0", "CC0-1.0", "ODbL-1.0", "CC-BY-SA-4.0")
#: The roles a drawn descriptor's contributors have (Data Package v2's ``roles``).
_ROLES: Final = ("author", "contributor", "maintainer")


def _package_names() -> st.SearchStrategy[str]:
    """Names as a data package names itself (the Data Package recommendation): lowercase
    ASCII letters, digits, ``.``, ``_`` and ``-``."""
    return st.from_regex(r"[a-z0-9][a-z0-9._-]{0,30}", fullmatch=True)


def _versions() -> st.SearchStrategy[str]:
    """SemVer versions: ``1.4.0``."""
    part = st.integers(0, 30)
    return st.tuples(part, part, part).map(lambda v: f"{v[0]}.{v[1]}.{v[2]}")


@st.composite
def _descriptors(draw: st.DrawFn, format: FormatVersion) -> dict[str, Any]:
    """A small descriptor: a title, licences, contributors, sources of its own (not records:
    a user's fieldwork, which the citation and every export keep) and ``format``, each drawn
    or not."""
    from rightsdata._values.format import FORMAT_KEY

    descriptor: dict[str, Any] = {}
    if draw(st.booleans()):
        descriptor["title"] = draw(texts())
    if draw(st.booleans()):
        descriptor["licenses"] = [{"name": draw(st.sampled_from(_LICENCES))}]
    if draw(st.booleans()):
        roles = st.sampled_from(_ROLES).map(lambda role: [role])
        contributor = st.fixed_dictionaries({"title": texts()}, optional={"roles": roles})
        descriptor["contributors"] = draw(st.lists(contributor, min_size=1, max_size=2))
    if draw(st.booleans()):
        source = st.fixed_dictionaries(
            {"title": texts()}, optional={"path": st.just("https://example.org/fieldwork")}
        )
        descriptor["sources"] = draw(st.lists(source, min_size=1, max_size=2))
    if draw(st.booleans()):
        descriptor[FORMAT_KEY] = format
    return descriptor


def _redirects(
    draw: st.DrawFn,
    records: Mapping[str, list[Record]],
    most: int,
    over: Over | None,
    format: FormatVersion,
) -> dict[str, str]:
    """At most ``most`` redirects from new IDs to the records' IDs (or to an ID retired
    before, which leads to one: no cycle can form), each of the target's kind (an actor's,
    of any actor kind), as the redirect rules require; ``over`` a base, none from an ID it
    has or retired, and half of them to its records or the IDs it retired (a chain through
    its redirects, which lead to a record of the same kind, or an actor)."""
    from rightsdata._model.records import ACTOR

    targets = [record.id for items in records.values() for record in items]
    taken = set(targets) | (over.taken if over is not None else set())
    theirs = sorted(over.taken) if over is not None else []
    redirects: dict[str, str] = {}  # (each new ID may be a later one's target)
    for _ in range(draw(st.integers(0, most))):
        # (to a retired ID, a chain, half the time there is one: rare if drawn among all)
        chain = bool(redirects) and draw(st.booleans())
        pool = list(redirects) if chain else targets
        if theirs and not chain and draw(st.booleans()):
            pool = theirs
        target = pool[draw(st.integers(0, len(pool) - 1))]
        prefix = target.partition(":")[0]
        if prefix in ACTOR:  # (an actor kind of the format's: KINDS_FROM)
            prefix = draw(st.sampled_from(prefixes_in(ACTOR, format)))
        old = draw(ids(prefix).filter(lambda value: value not in taken))
        taken.add(old)
        redirects[old] = target
    return redirects


@st.composite
def _whole_dataset(
    draw: st.DrawFn,
    documents: st.SearchStrategy[dict[str, list[dict[str, Any]]]],
    most: int,
    format: FormatVersion,
    over: Over | None,
) -> Dataset:
    """A dataset of the ``documents`` drawn, with a name, version, descriptor and redirects,
    each drawn or not (:func:`datasets`); ``over`` a base, built on it."""
    from rightsdata._validation.convert import structure

    records = {
        kind: [structure(cast("KindName", kind), doc) for doc in docs]
        for kind, docs in draw(documents).items()
    }
    name = draw(st.none() | _package_names())
    version = draw(st.none() | _versions())
    descriptor = draw(st.none() | _descriptors(format))
    if descriptor is not None and draw(st.booleans()):  # given in the descriptor instead
        descriptor.update((k, v) for k, v in (("name", name), ("version", version)) if v)
        name = version = None
    redirects = _redirects(draw, records, most, over, format)
    return Dataset(
        records,
        name=name,
        version=version,
        descriptor=descriptor,
        redirects=redirects,
        base=over.dataset if over is not None else None,
    )


def _with_every_field(
    documents: Mapping[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """``documents`` in the form of format 1: every field written."""
    from rightsdata._data.canonical import with_every_field

    return {
        kind: [with_every_field(RECORD_TYPES[kind], doc) for doc in docs]
        for kind, docs in documents.items()
    }


#: The kinds a generated dataset always has a record of.
_REQUIRED_KINDS: Final = frozenset({"sources", "persons", "organizations", "places", "laws"})


def _record_id(record: Record) -> str:
    return record.id


@st.composite
def _dataset_documents(
    draw: st.DrawFn,
    lists: Mapping[str, st.SearchStrategy[list[Record]]],
    strict: bool,
    over: Over | None,
) -> dict[str, list[dict[str, Any]]]:
    built = {kind: draw(strategy) for kind, strategy in lists.items()}
    return _documents_of(draw, built, strict, over)


def _documents_of(
    draw: st.DrawFn,
    built: Mapping[str, list[Record]],
    strict: bool,
    over: Over | None,
    named: bool = True,
) -> dict[str, list[dict[str, Any]]]:
    """The documents of the records ``built`` (each kind's, as drawn): their references
    replaced by the IDs of the records drawn if ``named`` (and, ``over`` a base, of the
    base's), then each rule across records kept (:func:`dataset_documents`)."""
    from rightsdata._validation.convert import unstructure
    from rightsdata._validation.integrity import RULES

    pools: dict[str, list[str]] = {}
    for items in built.values() if named else ():
        for record in items:
            pools.setdefault(record.id.partition(":")[0], []).append(record.id)

    def document(record: Record) -> dict[str, Any]:
        resolved = _resolve(draw, record, pools, over)
        written: dict[str, Any] = unstructure(_mended(draw, resolved) if strict else resolved)
        return written

    documents = {
        kind: sorted((document(r) for r in items), key=lambda d: d["id"])
        for kind, items in built.items()
    }
    for rule in RULES:
        if rule.repair is not None:
            ids = {d["id"] for docs in documents.values() for d in docs}
            link = LINKS.get(rule.name) if over is not None else None
            if link is not None:  # (a link into the base ends: only those among ours go)
                drop_own_links(documents, *link)
            else:
                rule.repair(documents)
            dropped = ids - {d["id"] for docs in documents.values() for d in docs}
            if dropped:  # a repair dropped records: so do the references to them
                documents = {k: _without(docs, dropped) for k, docs in documents.items()}
    if strict:
        _strict_documents(draw, documents, over)
    elif over is not None:
        _kept_over(draw, documents, over, strict=False)
    return documents


def _kept_over(
    draw: st.DrawFn, documents: dict[str, list[dict[str, Any]]], over: Over, strict: bool
) -> None:
    """Keep the rules that read the base's records too where the documents name them: a
    rating joins the base's sequences, and a person of the base's was born before the
    events (with ``strict``, the statements and relationships) that need them."""
    join_sequences(draw, documents.get("ratings", []), over)
    undate(documents, over, strict)


def _resolve(
    draw: st.DrawFn, obj: Any, pools: Mapping[str, list[str]], over: Over | None = None
) -> Any:
    """``obj`` (a record or part) with every reference replaced by an existing ID of a kind
    the field accepts (``over`` a base, one of its records' half of the time there are
    both); a reference no record can fill is left out (such fields are optional or lists:
    the required ones name kinds every generated dataset has)."""

    def pick(value: str, spec: Ref, avoid: str | None = None) -> str | None:
        if value != avoid and (
            value in pools.get(value.partition(":")[0], ())
            or (over is not None and value in over.pools.get(value.partition(":")[0], ()))
        ):
            return value
        choices = [i for prefix in spec.prefixes for i in pools.get(prefix, ())]
        if over is not None:
            theirs = over.ids(*spec.prefixes)
            if theirs and (not choices or draw(st.booleans())):
                choices = list(theirs)
        if avoid is not None:
            choices = [i for i in choices if i != avoid]
        # (an index, not sampled_from: a strategy made per reference costs its label)
        return choices[draw(st.integers(0, len(choices) - 1))] if choices else None

    changes: dict[str, Any] = {}
    hints = field_hints(type(obj))
    for field in attrs.fields(type(obj)):
        spec, value = spec_of(field), getattr(obj, field.name)
        if isinstance(spec, RecordId) or value is None:
            continue
        if isinstance(spec, Refs):
            changes[field.name] = tuple(
                dict.fromkeys(p for p in (pick(v, spec) for v in value) if p is not None)
            )
        elif isinstance(spec, Ref):
            changes[field.name] = pick(value, spec) or (None if spec.optional else value)
        elif nested_part(hints[field.name])[0] is not None:
            many = isinstance(value, tuple)
            changes[field.name] = (
                tuple(_resolve(draw, v, pools, over) for v in value)
                if many
                else _resolve(draw, value, pools, over)
            )
    if (
        over is not None
        and isinstance(obj, Relationship)
        and changes["subject"] == changes["object"]
    ):
        # (the base's many actors make the same one at both ends a common draw, which the
        # repair of distinct-ends would drop: a record drawn alone over a base would be none)
        spec = spec_of(attrs.fields(Relationship).object)
        assert isinstance(spec, Ref)
        changes["object"] = (
            pick(changes["object"], spec, avoid=changes["subject"]) or (changes["object"])
        )
    mend = _MENDS.get(type(obj))
    if mend is not None and changes:
        mend(obj, changes)
    return attrs.evolve(obj, **changes) if changes else obj


#: The rules of a record or part that replacing its references could break, and how
#: :func:`_resolve` keeps them.
_MENDS: Final[dict[type, Any]] = {
    Figure: _mend_joined("asserted_by"),
    Statement: _mend_joined("speaker"),
}


def _without(value: Any, dropped: set[str]) -> Any:
    """A document without the references to ``dropped`` IDs (left out of lists and objects;
    a list left empty is left out, as ``Dataset.to_dict()`` leaves out an empty list).

    >>> _without({"about": ["rating:a"], "joined_by": ["org:b", "rating:a"]}, {"rating:a"})
    {'joined_by': ['org:b']}
    """
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if _named(item, dropped):
                continue
            left = _without(item, dropped)
            if isinstance(item, list) and item and not left:
                continue
            kept[key] = left
        return kept
    if isinstance(value, list):
        return [_without(v, dropped) for v in value if not _named(v, dropped)]
    return value


def _named(value: Any, dropped: set[str]) -> bool:
    return isinstance(value, str) and value in dropped


# --- strict draws -----------------------------------------------------------------------------
# With ``strict=True`` a draw is the default's, then mended to pass the strict checks
# (rightsdata._validation.strict, docs/loading.md "Strict checks"): the default draws, which
# the property tests of the loaders need broad, stay as they are.


def _strict_flag(strict: object) -> bool:
    """A ``strict`` argument, checked when the strategy is made."""
    return flag(strict, "strict")


def _kept_strict(strategy: st.SearchStrategy[_T], strict: object) -> st.SearchStrategy[_T]:
    """``strategy``, its draws mended (:func:`_mended`) if ``strict``."""
    if not _strict_flag(strict):
        return strategy
    mended: st.SearchStrategy[_T] = _strictly(strategy)
    return mended


@st.composite
def _strictly(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return _mended(draw, draw(strategy))


@functools.cache
def _assigned_countries() -> st.SearchStrategy[str]:
    """The country codes ISO 3166-1 assigns (the code lists are read only here, when a strict
    strategy draws)."""
    from rightsdata._values.isocodes import codes

    return st.sampled_from(sorted(codes().countries))


_ISO_3166: Final = (IdentifierScheme.ISO_3166_1, IdentifierScheme.ISO_3166_2)


def _mended(draw: st.DrawFn, obj: Any) -> Any:
    """``obj`` (a record or part, at any depth) kept to the strict rules that a record alone
    can break: an ISO 3166 identifier's country is an assigned one, no list repeats an entry
    (but charges: two are two counts), ``relayed_by`` names no author, a figure whose
    qualifier gives one bound states no ``best``, no duration is of no length (``P0D``),
    and no inference or citation names a value the record does not hold.

    >>> from hypothesis import find
    >>> unassigned = Identifier(scheme=IdentifierScheme.ISO_3166_2, value="XX-1")
    >>> mended = find(_strictly(st.just(unassigned)), lambda identifier: True)
    >>> mended.value[:2] != "XX", mended.value[2:]
    (True, '-1')
    """
    from rightsdata._validation.strict import (
        NO_LENGTH,
        authors_of,
        lists_of,
        open_best_problem,
        subdivision_problem,
    )
    from rightsdata._values.isocodes import country_problem

    changes: dict[str, Any] = {}
    for name, judged, _, nested in lists_of(type(obj)):
        value = getattr(obj, name)
        if not value:
            continue
        mended = value
        if nested:
            many = isinstance(value, tuple)
            mended = tuple(_mended(draw, v) for v in value) if many else _mended(draw, value)
        if judged and len(mended) > 1:
            mended = tuple(dict.fromkeys(mended))
        if mended != value:
            changes[name] = mended
    if isinstance(obj, Identifier) and obj.scheme in _ISO_3166:
        if obj.scheme is IdentifierScheme.ISO_3166_1:
            wrong = country_problem(obj.value) is not None
        else:  # (an ISO 3166-2 code's first two: a country's, not a former state's it never had)
            wrong = subdivision_problem(obj.value) is not None
        if wrong:
            changes["value"] = draw(_assigned_countries()) + obj.value[2:]
    elif isinstance(obj, (Figure, Statement)) and obj.relayed_by:
        authors = authors_of(obj)
        relayed = changes.get("relayed_by", obj.relayed_by)
        changes["relayed_by"] = tuple(i for i in relayed if i not in authors)
    if isinstance(obj, Figure) and open_best_problem(obj) is not None:
        changes["best"] = None
    if isinstance(obj, Figure) and obj.per is not None and obj.per == NO_LENGTH:
        changes["per"] = None
    if isinstance(obj, Penalty) and obj.term is not None and obj.term == NO_LENGTH:
        changes["term"] = None
    return _naming_what_it_holds(attrs.evolve(obj, **changes) if changes else obj)


def _naming_what_it_holds(obj: Any) -> Any:
    """``obj`` without the inferences, and then its citations without the ``fields``, that
    name a value it does not hold (a citation left naming none supports the whole record);
    last, as what came before may empty a list (``relayed_by``), and the inferences first, as
    dropping one may empty ``inferred``, which a citation may name. Citations made equal are
    made one."""
    from rightsdata._validation.strict import holds

    inferred = getattr(obj, "inferred", ())
    if inferred:
        kept_inferred = tuple(i for i in inferred if holds(obj, i.field))
        if kept_inferred != inferred:
            obj = attrs.evolve(obj, inferred=kept_inferred)
    citations = getattr(obj, "citations", ())
    if any(c.fields for c in citations):
        mended = []
        for citation in citations:
            kept = tuple(name for name in citation.fields or () if holds(obj, name))
            if kept != (citation.fields or ()):
                citation = attrs.evolve(citation, fields=kept or None)
            mended.append(citation)
        if tuple(mended) != citations:
            obj = attrs.evolve(obj, citations=tuple(dict.fromkeys(mended)))
    return obj


def _strict_documents(
    draw: st.DrawFn, documents: dict[str, list[dict[str, Any]]], over: Over | None
) -> None:
    """Keep ``documents`` (a dataset's, each record already :func:`_mended`) to the strict
    rules across records: a rating rates a country or territory, a place's country is that
    of the place it lies within, and no person is born after an event or statement their
    role needs them present at; ``over`` a base, its places and births count too (and the
    rules across records that read it are kept: :func:`_kept_over`)."""
    from rightsdata.vocab import RATED

    rated = {kind.value for kind in RATED}
    places = {d["id"]: d for d in documents.get("places", [])}
    theirs: Mapping[str, Mapping[str, Any]] = over.places if over is not None else {}
    _rate_countries(draw, documents.get("ratings", []), places, rated, theirs)
    _agree_countries(places, rated, theirs)
    if over is not None:  # (after the ratings' countries: a rating may join a sequence)
        _kept_over(draw, documents, over, strict=True)
    _drop_births_after_acting(documents)
    for docs in documents.values():  # (last: the repairs above may empty a field)
        for doc in docs:
            _drop_unheld_names(doc)
            for figure in doc.get("figures") or ():
                _drop_unheld_names(figure)


def _drop_unheld_names(doc: dict[str, Any]) -> None:
    """What :func:`_naming_what_it_holds` does to a record, to ``doc``, a record's or a
    figure's JSON, once the repairs across records may have emptied a field of it (a place's
    ``within`` dropped to end a cycle)."""
    if doc.get("inferred"):
        doc["inferred"] = [i for i in doc["inferred"] if _holds_json(doc, i["field"])]
    if any(c.get("fields") for c in doc.get("citations") or ()):
        mended: dict[str, dict[str, Any]] = {}
        for citation in doc["citations"]:
            kept = [name for name in citation.get("fields") or () if _holds_json(doc, name)]
            if kept != (citation.get("fields") or []):
                citation = {**citation, "fields": kept or None}
            same = json.dumps({k: v for k, v in citation.items() if v is not None}, sort_keys=True)
            mended.setdefault(same, citation)  # (citations made equal are made one)
        doc["citations"] = list(mended.values())


def _holds_json(doc: Mapping[str, Any], path: str) -> bool:
    """Whether the JSON ``doc`` holds a value at ``path`` (not null, missing or ``[]``)."""
    from rightsdata._model.fields import path_steps

    value: Any = doc
    for name, position in path_steps(path):
        value = value.get(name) if isinstance(value, Mapping) else None
        if position is not None:
            if position >= len(value or ()):
                return False
            value = value[position]
    return value is not None and value != []


def _rate_countries(
    draw: st.DrawFn,
    ratings: list[dict[str, Any]],
    places: Mapping[str, dict[str, Any]],
    rated: set[str],
    theirs: Mapping[str, Mapping[str, Any]],
) -> None:
    """Point every rating at a country or territory: one of the places (``places``, the
    documents', then ``theirs``, a base's), or (if there is none) the place it rates, or
    one of the documents', made a country."""
    every = {**places, **theirs}
    countries = [i for i, place in every.items() if place["kind"] in rated]
    for rating in ratings:
        place = every.get(rating["country"])
        if place is None or place["kind"] in rated:  # (None: a base without the kind)
            continue
        if countries:
            rating["country"] = countries[draw(st.integers(0, len(countries) - 1))]
        elif places:  # (a base's place is not the draw's to change)
            made = places.get(rating["country"]) or next(iter(places.values()))
            made["kind"] = "country"
            rating["country"] = made["id"]
            countries.append(made["id"])


def _agree_countries(
    places: Mapping[str, dict[str, Any]],
    rated: set[str],
    theirs: Mapping[str, Mapping[str, Any]] = MappingProxyType({}),
) -> None:
    """Give every place with a country that is not a country or territory the country of the
    nearest place with one it lies within (among ``places`` and ``theirs``, a base's, which
    are left as they are).

    >>> places = {
    ...     "place:kz": {"id": "place:kz", "kind": "country", "country": "KZ"},
    ...     "place:r": {"id": "place:r", "kind": "region", "within": "place:kz"},
    ...     "place:c": {"id": "place:c", "kind": "city", "country": "RU", "within": "place:r"},
    ... }
    >>> _agree_countries(places, {"country", "territory"})
    >>> places["place:c"]["country"]
    'KZ'
    """
    every = {**theirs, **places}
    for _ in range(len(places)):  # each pass settles one more step down every chain
        changed = False
        for place in places.values():
            if place.get("country") is None or place["kind"] in rated:
                continue
            outer = _outer_country(place, every)
            if outer is not None and outer != place["country"]:
                place["country"] = outer
                changed = True
        if not changed:
            return


def _outer_country(place: Mapping[str, Any], places: Mapping[str, Mapping[str, Any]]) -> Any:
    """The country of the nearest place with one that ``place`` lies within, or None."""
    seen = {place["id"]}
    within = place.get("within")
    while within is not None and within not in seen and within in places:
        seen.add(within)
        outer = places[within]
        if outer.get("country") is not None:
            return outer["country"]
        within = outer.get("within")
    return None


def _drop_births_after_acting(documents: dict[str, list[dict[str, Any]]]) -> None:
    """Drop the birth of a person born after a dated event or statement in which they act
    as the strict rule ``born-before-acting`` reads it, or after the date of a relationship
    they stand in as ``born-before-ties`` reads it (as the integrity rule
    ``born-before-taking-part``'s repair drops a victim's)."""
    from rightsdata._validation.integrity import born_after
    from rightsdata._validation.strict import event_acting, relationship_dated, statement_acting

    persons = {d["id"]: d for d in documents.get("persons", []) if d.get("born")}
    dated: list[tuple[str | None, list[str]]] = []  # (a date, actors it must not precede)
    for document in documents.get("events", []):
        participants = document.get("participants", [])
        acting = event_acting((p["actor"], p["role"]) for p in participants)
        dated.append((document.get("date"), [actor for _, actor, _ in acting]))
    for document in documents.get("statements", []):
        acting = statement_acting(document["speaker"], document.get("joined_by", []))
        dated.append((document.get("date"), [actor for _, actor, _ in acting]))
    for document in documents.get("relationships", []):
        tie = relationship_dated(document.get("start"), document.get("end"))
        dated.append((tie and tie[1], [document["subject"], document["object"]]))
    for text, actors in dated:
        if not persons or not text:
            continue
        date = EDTF.parse(text)
        for actor in actors:
            person = persons.get(actor)
            if person is not None and born_after(EDTF.parse(person["born"]), date):
                del person["born"]
                del persons[actor]


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
