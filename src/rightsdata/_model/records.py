"""The records: frozen, slotted attrs classes, one per record kind, and their nested parts.

Records are immutable values. Field validators check what a single record can know (ID
patterns and kinds, non-empty text, ``low <= best <= high``, ``start <= end``); what needs
other records (does the reference resolve?) is checked by :mod:`rightsdata._validation.integrity`.

An optional field that is null or empty is left out of the JSON form (format 2 on; format 1
wrote every field, ``null`` or ``[]`` where empty, and ``fmt`` keeps that form in a format-1
folder), so that a file on disk and ``Dataset.to_dict()`` hold the same documents.

>>> from rightsdata._model.records import Person, Citation
>>> p = Person(
...     id="person:vladimir-kozlov", name="Vladimir Kozlov", aliases=(), born=None,
...     country="KZ", summary="Leader of the unregistered opposition party Alga!.",
...     citations=(Citation(source="source:hrf-2012-12-14", locator="paragraph 4",
...                         quote=None, fields=None),),
...     inferred=(),
... )
>>> p.name
'Vladimir Kozlov'
"""

# No `from __future__ import annotations` here: msgspec, cattrs and the generated checks all
# read these classes' type hints, and real annotations need no evaluating of strings (about
# 7 ms of a cold `rightsdata.load()`). Classes are defined before the classes that hold them.

import itertools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Final, TypeAlias, cast, final

import attrs

from rightsdata._model.checks import Validated, broken_rule, checked
from rightsdata._model.fields import (
    QUOTE_MAX,
    count,
    holder_field_names,
    holder_field_path,
    items,
    latitude,
    longitude,
    optional_ref,
    optional_text,
    optional_value,
    record_id,
    ref,
    refs,
    text,
    value,
)
from rightsdata._model.forms import (
    COUNTRY,
    COUNTRY_IDENTIFIER,
    JURISDICTION,
    LANGUAGE,
    ONE_LINE,
    URL,
    Form,
    ascii_lower,
    ascii_upper,
    form,
    subdivision,
)
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import Duration
from rightsdata._values.errors import FieldError, ProblemCode
from rightsdata._values.ids import PREFIX_OF_KIND
from rightsdata._values.names import KindName
from rightsdata.vocab import (
    Confidence,
    DateMeaning,
    EventKind,
    EventStatus,
    FigureQualifier,
    FigureUnit,
    GroupKind,
    IdentifierScheme,
    Level,
    Measure,
    OrgKind,
    OrgStatus,
    PenaltyKind,
    PlaceKind,
    RangeMeaning,
    RatingScale,
    RelationshipKind,
    Role,
    SourceKind,
    StatementKind,
)

__all__ = [
    "ACTOR_TYPES",
    "KINDS",
    "PARTS",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "Actor",
    "Alias",
    "Charge",
    "Citation",
    "Coordinates",
    "Event",
    "Figure",
    "Group",
    "Identifier",
    "Inference",
    "KindName",
    "Law",
    "Organization",
    "Part",
    "Participant",
    "Penalty",
    "Person",
    "Place",
    "Rating",
    "Record",
    "Relationship",
    "Source",
    "Statement",
    "figure_claim",
    "figure_quantity",
]

ACTOR: Final = ("person", "org", "group")
ANY_RECORD: Final = (
    "source",
    "person",
    "org",
    "group",
    "place",
    "law",
    "event",
    "relationship",
    "statement",
    "rating",
)


# --- nested parts -------------------------------------------------------------------------


class _Part(Validated):
    """Base of the nested parts: attrs' repr, written once instead of generated per class
    (generating it costs a cold import about 0.25 ms a class)."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(type(self))  # type: ignore[arg-type]
        )
        return f"{type(self).__name__}({fields})"


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Citation(_Part):
    """Which source supports a record, where in it, and for which fields.

    ``fields`` is null when the source supports the whole record.

    >>> Citation(source="source:hrf-2012-12-14", locator="paragraph 5", fields=("date",))
    Citation(source='source:hrf-2012-12-14', locator='paragraph 5', quote=None, \
fields=('date',), confidence=None)
    """

    source: Annotated[str, ref("source", doc="The source that supports the record.")]
    locator: str | None = optional_text(
        "Where in the source: an item, a paragraph, a heading. Null if the whole source."
    )
    quote: str | None = optional_text(
        "A short verbatim excerpt, only where the words themselves are the fact.",
        max_length=QUOTE_MAX,
    )
    fields: tuple[str, ...] | None = holder_field_names(
        "The record fields this citation supports; null means all of them, and an empty list none."
    )
    confidence: Confidence | None = optional_value(
        "How directly the cited passage supports the cited fields (the curator's grade), "
        "or null if not graded."
    )


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Inference(_Part):
    """A value that the sources do not state but that was inferred, and from what.

    >>> Inference(field="date", basis="The verdict came two days after the trial opened.")
    Inference(field='date', basis='The verdict came two days after the trial opened.')
    """

    field: Annotated[
        str,
        holder_field_path("The inferred field, as a path from the record: 'published', 'date'."),
    ]
    basis: Annotated[str, text("What the value was inferred from, in plain words.")]


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Alias(_Part):
    """Another name for a person, organisation or place, with its language if known.

    >>> Alias(name="Алматы", language="kk")
    Alias(name='Алматы', language='kk')
    """

    name: Annotated[str, text("The name as written.")]
    language: str | None = optional_text(
        "BCP 47 language tag of the name ('ru', 'kk', 'kk-Latn'), or null.",
        form=LANGUAGE,
    )


#: The form of an identifier's value in each scheme that has one (by the term's value).
IDENTIFIER_FORMS: Final[dict[str, Form]] = {
    IdentifierScheme.WIKIDATA.value: form(
        "^Q[1-9][0-9]*$",
        "a Wikidata item ID",
        "Q and a number, such as 'Q232'",
        lambda v: f"Q{v}" if v.isdigit() else ascii_upper(v),
    ),
    IdentifierScheme.ISO_3166_1.value: COUNTRY_IDENTIFIER,
    IdentifierScheme.ISO_3166_2.value: form(
        "^[A-Z]{2}-[A-Z0-9]{1,3}$",
        "an ISO 3166-2 code",
        "a country's alpha-2 code, a hyphen and one to three letters or digits, in "
        "capitals, such as 'KZ-75'",
        subdivision,
    ),
    IdentifierScheme.OPENSTREETMAP.value: form(
        "^(node|way|relation)/[1-9][0-9]*$",
        "an OpenStreetMap element",
        "node/, way/ or relation/ and a number, such as 'node/42' or 'relation/214665'",
        ascii_lower,
    ),
    IdentifierScheme.GEONAMES.value: form(
        "^[1-9][0-9]*$", "a GeoNames ID", "a number, such as '1526384'", str.strip
    ),
}
#: Each scheme's form as its regular expression.
IDENTIFIER_PATTERNS: Final[dict[str, str]] = {s: f.pattern for s, f in IDENTIFIER_FORMS.items()}
# The schemes whose identifiers take any text (another register's). With IDENTIFIER_FORMS,
# every scheme (tests/model/test_vocabulary_partitions.py): one added unplaced takes any text.
_FORMLESS_SCHEMES: Final = frozenset({IdentifierScheme.OTHER.value})


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Identifier(_Part):
    """The record's identifier in an outside register: Wikidata, ISO 3166, OpenStreetMap.

    >>> from rightsdata.vocab import IdentifierScheme
    >>> Identifier(scheme=IdentifierScheme.WIKIDATA, value="Q35493").scheme.value
    'wikidata'
    >>> Identifier(scheme=IdentifierScheme.ISO_3166_1, value="Kazakhstan")
    Traceback (most recent call last):
    ...
    rightsdata.FieldError: Identifier.value: 'Kazakhstan' is not a country code (an ISO 3166-1 \
alpha-2 code in capitals, such as 'KZ')
    """

    scheme: Annotated[IdentifierScheme, value("The register.")]
    value: Annotated[
        str, text("The identifier as the register writes it: 'Q232', 'KZ', 'node/42'.")
    ]

    _RULES: ClassVar[tuple[str, ...]] = (
        "value has its scheme's form ("
        + "; ".join(f"{scheme}: {pattern}" for scheme, pattern in IDENTIFIER_PATTERNS.items())
        + ")",
    )

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        scheme = getattr(self.scheme, "_value_", self.scheme)
        shape = IDENTIFIER_FORMS.get(scheme)
        if shape is not None and not shape.fits(self.value):
            error = FieldError("value", shape.message(self.value), ProblemCode.RULE)
            broken_rule(broken, error)


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Coordinates(_Part):
    """Where a place is on the globe (WGS 84), with how precisely, where known.

    >>> Coordinates(latitude=43.24, longitude=76.89, precision_m=15000)
    Coordinates(latitude=43.24, longitude=76.89, precision_m=15000)
    """

    latitude: Annotated[float, latitude("Degrees north (negative: south), from -90 to 90.")]
    longitude: Annotated[float, longitude("Degrees east (negative: west), from -180 to 180.")]
    precision_m: int | None = count(
        "How far from the point, in metres, the place may be (its radius or the point's "
        "uncertainty), or null if unstated."
    )


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Participant(_Part):
    """An actor who took part in an event, and in what role.

    >>> from rightsdata.vocab import Role
    >>> Participant(actor="person:vladimir-kozlov", role=Role.DEFENDANT).role
    <Role.DEFENDANT: 'defendant'>
    """

    actor: Annotated[str, ref(*ACTOR, doc="The person, organisation or group.")]
    role: Annotated[Role, value("The part they played.")]


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Charge(_Part):
    """A legal provision someone was charged under at an event.

    >>> Charge(provision="law:kz-cc-1997-164", against="person:vladimir-kozlov")
    Charge(provision='law:kz-cc-1997-164', against='person:vladimir-kozlov')
    """

    provision: Annotated[str, ref("law", doc="The legal provision.")]
    against: Annotated[str, ref(*ACTOR, doc="Who was charged.")]


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Penalty(_Part):
    """What was imposed: its kind and, where stated, its term as an ISO 8601 duration.

    >>> from rightsdata import parse_duration
    >>> from rightsdata.vocab import PenaltyKind
    >>> penalty = Penalty(kind=PenaltyKind.IMPRISONMENT, term=parse_duration("P7Y6M"))
    >>> assert penalty.term is not None  # (a term may be unstated: None)
    >>> penalty.kind.value, penalty.term.years, penalty.term.months
    ('imprisonment', 7, 6)
    """

    kind: Annotated[PenaltyKind, value("The kind of penalty.")]
    term: Duration | None = optional_value(
        "How long, as an ISO 8601 duration (seven and a half years is P7Y6M), or null."
    )


# by the term's value: an enum member's own hash is a Python call, and this runs per figure
_QUALIFIER_NEEDS: Final[dict[str, str]] = {
    FigureQualifier.EXACT.value: "best",
    FigureQualifier.ABOUT.value: "best",
    FigureQualifier.AT_LEAST.value: "low",
    FigureQualifier.MORE_THAN.value: "low",
    FigureQualifier.AT_MOST.value: "high",
    FigureQualifier.LESS_THAN.value: "high",
}
# The qualifiers the rules judge by branches of their own, not by _QUALIFIER_NEEDS: between
# needs low and high, imprecise any numbers or none. With _QUALIFIER_NEEDS, every qualifier
# (tests/model/test_vocabulary_partitions.py): one added unplaced would need "a number".
_QUALIFIER_NEEDS_APART: Final = frozenset(
    {FigureQualifier.BETWEEN.value, FigureQualifier.IMPRECISE.value}
)
# Python 3.11's enum classes have a __getattr__, so each ``FigureQualifier.BETWEEN`` in the
# rules of every figure was a lookup of about 850 instructions (callgrind): held here once.
_BETWEEN: Final = FigureQualifier.BETWEEN
_IMPRECISE: Final = FigureQualifier.IMPRECISE
_EXACT: Final = FigureQualifier.EXACT
_MORE_THAN: Final = FigureQualifier.MORE_THAN
_LESS_THAN: Final = FigureQualifier.LESS_THAN
_SPREAD: Final = RangeMeaning.SPREAD
_UNCERTAINTY: Final = RangeMeaning.UNCERTAINTY
# A field that failed, in the rules of a figure judged by the loader's diagnostic path
_FAILED: Final = object()
#: A qualifier's words, for the advice of a figure whose number is in the wrong field
_QUALIFIER_WORDS: Final[dict[str, str]] = {
    FigureQualifier.EXACT.value: "exactly",
    FigureQualifier.ABOUT.value: "about",
    FigureQualifier.AT_LEAST.value: "at least",
    FigureQualifier.MORE_THAN.value: "more than",
    FigureQualifier.AT_MOST.value: "at most",
    FigureQualifier.LESS_THAN.value: "less than",
}


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Figure(_Part):
    """A number that someone asserted: a claim, never the truth.

    Two sources that disagree are two figures. ``qualifier`` says how the numbers relate to
    the source's words: "at least 15" is ``low=15, qualifier="at_least"``.

    >>> from rightsdata.vocab import FigureQualifier, FigureUnit, Measure
    >>> cited = (Citation(source="source:a"),)
    >>> figure = Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE, low=15,
    ...                 qualifier=FigureQualifier.AT_LEAST, as_given="at least 15",
    ...                 citations=cited)
    >>> figure.low, figure.best, figure.qualifier.value
    (15, None, 'at_least')
    >>> Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE, best=15,
    ...        qualifier=FigureQualifier.AT_LEAST, citations=cited)
    Traceback (most recent call last):
    ...
    rightsdata.FieldError: Figure.low: qualifier 'at_least' needs low ('at least 15' is low: \
15): move 15 from best to low
    """

    measure: Annotated[Measure, value("What is counted.")]
    unit: Annotated[FigureUnit, value("What the numbers count in.")]
    of: str | None = optional_text(
        "What exactly is counted, where measure and unit leave it open ('police officers', "
        "'time in the quarantine cell'), short and on one line: claims compare (one range, "
        "agreeing or not) only where it is the same. Null if the measure says it all.",
        form=ONE_LINE,
        max_length=120,
    )
    low: int | None = count("The lower bound, if stated.")
    best: int | None = count("The number itself, if stated.")
    high: int | None = count("The upper bound, if stated.")
    qualifier: Annotated[FigureQualifier, value("How the numbers relate to the words.")]
    as_given: str | None = optional_text(
        "The source's own words for the number ('more than 220'), short.", max_length=120
    )
    asserted_by: str | None = optional_ref(
        *ACTOR, doc="Who asserted it (an authority, an NGO, an interviewee); null if unstated."
    )
    per: Duration | None = optional_value(
        "For a rate, the period the numbers are counted per: 'twice a week' is best 2, "
        "per P7D. Null if the figure is not a rate."
    )
    range_meaning: RangeMeaning | None = optional_value(
        "What low and high mean: one uncertain number, or a spread of values; null means "
        "uncertainty."
    )
    joined_by: tuple[str, ...] = refs(
        *ACTOR, doc="Others who asserted it jointly with asserted_by (co-signers)."
    )
    relayed_by: tuple[str, ...] = refs(
        *ACTOR, doc="Who passed the claim on without being its author (official data an NGO cites)."
    )
    citations: Annotated[tuple[Citation, ...], items("Where the claim is made.", min_items=1)]

    _RULES: ClassVar[tuple[str, ...]] = (
        "low <= best <= high where stated",
        "the qualifier's number is stated (exact and about: best; at_least and more_than: "
        "low; at_most and less_than: high; between: low and high)",
        "a figure states at least one number unless its qualifier is 'imprecise'",
        "range_meaning needs low and high",
        "exact states best alone: no low or high, unless range_meaning is 'spread' (the least "
        "and the most of the values counted)",
        "more_than's best is more than low, less_than's is less than high",
        "joined_by needs asserted_by, and does not name it again",
    )

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        # Each rule is judged on its own (misordered numbers hide not what the qualifier
        # needs), but for two that wait for another: "needs at least one number", which
        # every qualifier's own rule says in its words, and an exact figure's "remove low",
        # where the figure is told to move its one number to best. The loader's diagnostic
        # path judges a figure whose failed fields it left unset: each read that may meet
        # one is in a try (free in Python 3.11 unless it raises), so that a rule that reads
        # a failed field is not judged, and the rules that do not are.
        try:
            low, best, high = self.low, self.best, self.high
        except AttributeError:  # a number failed: only joined_by's rule reads none
            pass
        else:
            if best is not None:
                if (low is not None and low > best) or (high is not None and best > high):
                    broken_rule(broken, self._misordered())
            elif low is not None and high is not None and low > high:
                broken_rule(broken, self._misordered())
            try:
                qualifier = self.qualifier
            except AttributeError:
                qualifier = None  # (it is required: None is one that failed)
            if qualifier is not None:
                needed = _QUALIFIER_NEEDS.get(getattr(qualifier, "_value_", qualifier))
                if needed is not None:
                    if getattr(self, needed) is None:
                        message = self._needs(needed)
                        broken_rule(broken, FieldError(needed, message, ProblemCode.RULE))
                elif qualifier is _BETWEEN:
                    if low is None or high is None:
                        message = "qualifier 'between' needs low and high"
                        broken_rule(broken, FieldError("low", message, ProblemCode.RULE))
                elif qualifier is not _IMPRECISE and low is None and best is None and high is None:
                    message = "a figure needs at least one number"
                    broken_rule(broken, FieldError("low", message, ProblemCode.RULE))
            try:
                range_meaning: object = self.range_meaning
            except AttributeError:
                range_meaning = _FAILED
            meant = range_meaning is not None and range_meaning is not _FAILED
            if meant and (low is None or high is None):
                message = "range_meaning needs low and high"
                broken_rule(broken, FieldError("range_meaning", message, ProblemCode.RULE))
            if qualifier is _EXACT and (low is not None or high is not None):
                # (one number, in low or high: the figure is told to move it to best)
                one = best is None and (low is None or high is None)
                if range_meaning is not _SPREAD and range_meaning is not _FAILED and not one:
                    broken_rule(broken, self._not_exact())
            elif best is not None and (
                (qualifier is _MORE_THAN and best == low)
                or (qualifier is _LESS_THAN and best == high)
            ):
                bound = "low" if qualifier is _MORE_THAN else "high"
                message = (
                    f"'{_QUALIFIER_WORDS[qualifier.value]} {best}' is not {best}: remove best "
                    f"(the number stated is {bound})"
                )
                broken_rule(broken, FieldError("best", message, ProblemCode.RULE))
        try:
            if self.joined_by:
                error = _joined(
                    self.joined_by, self.asserted_by, "asserted_by", "the one who asserted it"
                )
                if error is not None:
                    broken_rule(broken, error)
        except AttributeError:
            pass

    def _needs(self, needed: str) -> str:
        """What a figure lacking its qualifier's number (``needed``) is told: where its one
        other number is that number, where to move it."""
        qualifier = str(self.qualifier)
        message = f"qualifier {qualifier!r} needs {needed}"
        named = (("low", self.low), ("best", self.best), ("high", self.high))
        stated = [(name, number) for name, number in named if number is not None]
        if len(stated) == 1:
            (name, number), words = stated[0], _QUALIFIER_WORDS[qualifier]
            message += (
                f" ('{words} {number}' is {needed}: {number}): move {number} from {name} "
                f"to {needed}"
            )
        return message

    def _not_exact(self) -> FieldError:
        """The error at the first of low and high stated beside best by an exact figure."""
        stated = [name for name in ("low", "high") if getattr(self, name) is not None]
        return FieldError(
            stated[0],
            f"qualifier 'exact' states one number, best: remove {' and '.join(stated)} (or, if "
            "they are the least and the most of the values counted, say range_meaning "
            "'spread')",
            ProblemCode.RULE,
        )

    def _misordered(self) -> FieldError:
        """The error naming the first stated number that is smaller than the one before it
        (of a figure that has one)."""
        named = (("low", self.low), ("best", self.best), ("high", self.high))
        stated = [(name, number) for name, number in named if number is not None]
        name_a, a, name_b, b = next(
            (name_a, a, name_b, b)
            for (name_a, a), (name_b, b) in itertools.pairwise(stated)
            if a > b
        )
        return FieldError(
            name_b, f"{name_a} ({a}) is greater than {name_b} ({b})", ProblemCode.RULE
        )


def figure_quantity(
    figure: Figure,
) -> tuple[Measure, FigureUnit, Duration | None, str | None]:
    """What a figure counts: its measure, its unit, for a rate the period (``per``), and
    what exactly it counts where the measure leaves it open (``of``). Claims compare (one
    range, agreeing or not) only where this is the same: killed and injured, newspapers and
    websites, "twice a week" and "three times a day", the police officers prosecuted and
    the officials prosecuted are different quantities."""
    return (figure.measure, figure.unit, figure.per, figure.of)


def figure_claim(figure: Figure) -> tuple[Any, ...] | None:
    """What a figure says of its quantity (:func:`figure_quantity`): its qualifier, its
    numbers and, for a range, what the range means (null read as ``uncertainty``, its
    default); None if it states no number ("thousands"), whose words are not weighed. Two
    claims on one quantity agree where this is the same.

    >>> from rightsdata.vocab import FigureQualifier, FigureUnit, Measure, RangeMeaning
    >>> cited = (Citation(source="source:a"),)
    >>> def between(meaning: RangeMeaning | None) -> Figure:
    ...     return Figure(measure=Measure.KILLED, unit=FigureUnit.PEOPLE, citations=cited,
    ...                   qualifier=FigureQualifier.BETWEEN, low=10, high=20,
    ...                   range_meaning=meaning)
    >>> figure_claim(between(None)) == figure_claim(between(RangeMeaning.UNCERTAINTY))
    True
    >>> figure_claim(between(RangeMeaning.SPREAD)) == figure_claim(between(None))
    False
    """
    if figure.low is None and figure.best is None and figure.high is None:
        return None
    ranged = figure.low is not None or figure.high is not None
    meaning = (figure.range_meaning or _UNCERTAINTY) if ranged else None
    return (figure.qualifier, figure.low, figure.best, figure.high, meaning)


def _joined(
    joined: tuple[str, ...], author: str | None, author_field: str, who: str
) -> FieldError | None:
    """The rule of a ``joined_by`` list: it joins an author (``author_field``, in words
    ``who``), whom it does not name again. The error, or None where it holds."""
    if author is None:
        return FieldError("joined_by", f"joined_by needs {author_field}", ProblemCode.RULE)
    if author in joined:
        return FieldError(
            f"joined_by[{joined.index(author)}]",
            f"names {author!r}, who is already {who}; joined_by names the others",
            ProblemCode.RULE,
        )
    return None


# --- records ------------------------------------------------------------------------------


class _Checked(Validated):
    """Base of the record kinds: their short repr. Each kind defines ``label``, the one line
    that names a record wherever one is shown (tables, cards, the command line)."""

    __slots__ = ()

    #: The fields that name other records, by the family the queries look an ID up in
    #: (``rightsdata._data.indexes``): paths from the record, a part's field after a dot.
    #: The load gathers them while it checks the records, one text a family, so that a
    #: first ``timeline`` or ``related`` finds an ID's records without a pass over them all.
    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    #: The fields by whose value the load groups the records while it checks them (paths
    #: from the record, a part's field after a dot): each distinct value object (parsed
    #: values are shared), with the positions of the records that hold it (once for each
    #: part that does). A first chronology sorts the few distinct dates, not every event.
    _GROUPS: ClassVar[tuple[str, ...]] = ()

    # attrs' generated repr prints every field, which is pages for an event; records use
    # these short ones instead (the record classes say repr=False; and eq=False, as
    # rightsdata._model.checks.Validated compares and hashes them).
    def __repr__(self) -> str:
        from rightsdata._display.display import record_repr

        return record_repr(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        from rightsdata._display.display import record_html

        return record_html(self)  # type: ignore[arg-type]


_INFERRED_DOC: Final = "Values inferred rather than stated, each with its basis."
_CITATIONS_DOC: Final = "The sources that support the record (at least one)."
_IDENTIFIERS_DOC: Final = "Its identifiers in outside registers (Wikidata, ISO 3166, ...)."


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Source(_Checked):
    """A document that facts are drawn from.

    >>> import rightsdata
    >>> source = rightsdata.load().sources["source:hrf-2012-12-14"]
    >>> source.kind.value, str(source.published), source.publisher, source.language
    ('press_release', '2012-12-14', 'org:human-rights-foundation', 'en')
    >>> from rightsdata.vocab import SourceKind
    >>> Source(id="source:my-report", title="My report", kind=SourceKind.REPORT, language="en")
    <Source source:my-report undated 'My report'>
    """

    kind_name: ClassVar[KindName] = "sources"

    id: Annotated[str, record_id("source")]
    title: Annotated[str, text("The document's title, or a description where it has none.")]
    publisher: str | None = optional_ref(
        "org", doc="The organisation that published it; null if the document does not say."
    )
    published: EDTF | None = optional_value("When it was published (EDTF), or null if unknown.")
    kind: Annotated[SourceKind, value("What kind of document it is.")]
    language: Annotated[str, text("BCP 47 tag of the document's language.", form=LANGUAGE)]
    url: str | None = optional_text(
        "Where it was published; null if the document does not say.", form=URL
    )
    note: str | None = optional_text("What the document is, in a sentence or two.")
    retrieved: EDTF | None = optional_value(
        "When the copy the dataset used was retrieved (EDTF), or null."
    )
    archive_url: str | None = optional_text(
        "An archived copy of the document (a web archive's address), or null.",
        form=URL,
    )
    figures: tuple[Figure, ...] = items(
        "Numbers the document asserts about itself (how many countries a report covers)."
    )
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    @property
    def label(self) -> str:
        """Its title."""
        return self.title


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Person(_Checked):
    """A person named in the sources.

    >>> import rightsdata
    >>> kozlov = rightsdata.load().persons["person:vladimir-kozlov"]
    >>> kozlov.name, str(kozlov.born), kozlov.country
    ('Vladimir Kozlov', '1960-08', 'KZ')
    >>> person = Person(id="person:jane-doe", name="Jane Doe", born=EDTF("1980-05"),
    ...                 citations=(Citation(source="source:my-report"),))
    >>> assert person.born is not None  # (a birth date may be unknown: None)
    >>> person, person.born.latest
    (<Person person:jane-doe 'Jane Doe'>, Date(1980, 5, 31))
    """

    kind_name: ClassVar[KindName] = "persons"

    id: Annotated[str, record_id("person")]
    name: Annotated[str, text("The name the sources use, in Latin script.")]
    aliases: tuple[Alias, ...] = items("Other names and spellings.")
    born: EDTF | None = optional_value("Date of birth (EDTF), or null.")
    country: str | None = optional_text(
        "ISO 3166-1 alpha-2 code of the person's country, or null.", form=COUNTRY
    )
    summary: str | None = optional_text("Who they are, in a sentence.")
    identifiers: tuple[Identifier, ...] = items(_IDENTIFIERS_DOC)
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    @property
    def label(self) -> str:
        """Its name."""
        return self.name


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Organization(_Checked):
    """An organisation: NGO, party, outlet, state body, court, movement, campaign.

    >>> import rightsdata
    >>> rightsdata.load().organizations["org:european-union"].aliases
    (Alias(name='EU', language=None),)
    """

    kind_name: ClassVar[KindName] = "organizations"

    id: Annotated[str, record_id("org")]
    name: Annotated[str, text("The name the sources use.")]
    aliases: tuple[Alias, ...] = items("Other names, abbreviations and spellings.")
    kind: Annotated[OrgKind, value("What kind of organisation.")]
    country: str | None = optional_text(
        "ISO 3166-1 alpha-2 code of its home country, or null (international).",
        form=COUNTRY,
    )
    status: OrgStatus | None = optional_value("Its legal standing as the sources give it, or null.")
    founded: EDTF | None = optional_value("When it was founded (EDTF), or null.")
    summary: str | None = optional_text("What it is, in a sentence.")
    identifiers: tuple[Identifier, ...] = items(_IDENTIFIERS_DOC)
    figures: tuple[Figure, ...] = items(
        "Numbers asserted about the organisation (its members), each a claim."
    )
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    @property
    def label(self) -> str:
        """Its name."""
        return self.name


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Group(_Checked):
    """A collective or unnamed actor: neither a named person nor a constituted organisation.

    "37 oil workers", "thousands of protesters", "an unnamed UN rapporteur", "the
    authorities": one record, so that nobody unnamed is made into a person or an organisation
    that does not exist.

    >>> import rightsdata
    >>> authorities = rightsdata.load().groups["group:kazakhstan-authorities"]
    >>> authorities.name, authorities.kind.value
    ('Authorities of Kazakhstan', 'officials')
    """

    kind_name: ClassVar[KindName] = "groups"

    id: Annotated[str, record_id("group")]
    name: Annotated[
        str, text("A short descriptive name in the dataset's words: 'Oil workers of Zhanaozen'.")
    ]
    kind: Annotated[GroupKind, value("What kind of group.")]
    size: int | None = count(
        "How many members, where a source states one exact number; estimates go in figures."
    )
    belongs_to: str | None = optional_ref(
        "org", doc="The body it belongs to or acts for (the UN, a ministry), or null."
    )
    country: str | None = optional_text(
        "ISO 3166-1 alpha-2 code of the group's country, or null.", form=COUNTRY
    )
    summary: str | None = optional_text("Who they are, in a sentence.")
    identifiers: tuple[Identifier, ...] = items(_IDENTIFIERS_DOC)
    figures: tuple[Figure, ...] = items("Numbers asserted about the group ('thousands').")
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    @property
    def label(self) -> str:
        """Its name."""
        return self.name


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Place(_Checked):
    """A country, region, city or facility.

    >>> import rightsdata
    >>> almaty = rightsdata.load().places["place:almaty"]
    >>> almaty.kind.value, almaty.within
    ('city', 'place:kazakhstan')
    """

    kind_name: ClassVar[KindName] = "places"

    id: Annotated[str, record_id("place")]
    name: Annotated[str, text("The name the sources use.")]
    aliases: tuple[Alias, ...] = items("Other names and spellings.")
    kind: Annotated[PlaceKind, value("What kind of place.")]
    country: str | None = optional_text(
        "ISO 3166-1 alpha-2 code of the country it is in, or null.", form=COUNTRY
    )
    within: str | None = optional_ref("place", doc="The place that contains it, or null.")
    coordinates: Coordinates | None = optional_value(
        "Where it is on the globe, or null (the sources rarely say)."
    )
    identifiers: tuple[Identifier, ...] = items(_IDENTIFIERS_DOC)
    figures: tuple[Figure, ...] = items(
        "Numbers asserted about the place (a distance, a population), each a claim."
    )
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    # events(place=...): the places within a place, found by a walk down from it
    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {"within": ("within",)}

    @property
    def label(self) -> str:
        """Its name."""
        return self.name


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Law(_Checked):
    """A legal provision: an article (and part) of one instrument in one edition, or the
    whole instrument.

    >>> import rightsdata
    >>> law = rightsdata.load().laws["law:kz-cc-1997-164"]
    >>> law.instrument, law.article, law.part, law.jurisdiction
    ('Criminal Code of the Republic of Kazakhstan (1997)', '164', None, 'KZ')
    """

    kind_name: ClassVar[KindName] = "laws"

    id: Annotated[str, record_id("law")]
    instrument: Annotated[
        str,
        text("The instrument and edition: 'Criminal Code of the Republic of Kazakhstan (1997)'."),
    ]
    jurisdiction: Annotated[
        str,
        text(
            "ISO 3166-1 alpha-2 code, or 'international' for a treaty.",
            form=JURISDICTION,
        ),
    ]
    article: str | None = optional_text(
        "The article number as written: '164', '2'; null where the record is the whole instrument."
    )
    part: str | None = optional_text("The part, paragraph or clause, or null: '2', '3'.")
    title: str | None = optional_text("What the provision is about, in plain words, or null.")
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    _RULES: ClassVar[tuple[str, ...]] = ("part needs article",)

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        if self.part is not None and self.article is None:
            broken_rule(broken, FieldError("part", "part needs article", ProblemCode.RULE))

    @property
    def label(self) -> str:
        """The provision as people cite it: its instrument, article and part (the instrument
        alone where there is no article)."""
        if self.article is None:
            return self.instrument
        part = f", part {self.part}" if self.part else ""
        return f"{self.instrument}, article {self.article}{part}"


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Event(_Checked):
    """Something that happened on a date: a detention, a trial, a killing, a ban.

    >>> import rightsdata
    >>> verdict = rightsdata.load().events["event:kozlov-verdict-2012-10-08"]
    >>> assert verdict.penalty is not None and verdict.penalty.term is not None
    >>> verdict.kind.value, str(verdict.date), verdict.penalty.term.years
    ('verdict', '2012-10-08', 7)
    >>> from rightsdata.vocab import EventKind, Role
    >>> event = Event(id="event:jane-doe-detained-2020-05-01", kind=EventKind.DETENTION,
    ...               title="Jane Doe detained", date=EDTF("2020-05-01"),
    ...               participants=(Participant(actor="person:jane-doe", role=Role.VICTIM),),
    ...               citations=(Citation(source="source:my-report"),))
    >>> assert event.date is not None
    >>> event.date.earliest, event.participants[0].role.value
    (Date(2020, 5, 1), 'victim')
    """

    kind_name: ClassVar[KindName] = "events"

    id: Annotated[str, record_id("event")]
    kind: Annotated[EventKind, value("What happened.")]
    title: Annotated[str, text("A short title.")]
    summary: str | None = optional_text("What happened, in the dataset's own words.")
    date: EDTF | None = optional_value("When (EDTF, at the precision the sources give), or null.")
    places: tuple[str, ...] = refs("place", doc="Where it happened.")
    participants: tuple[Participant, ...] = items("Who took part, and as what.")
    charges: tuple[Charge, ...] = items("Charges brought: the provision and who was charged.")
    penalty: Penalty | None = optional_value("The penalty imposed, or null.")
    figures: tuple[Figure, ...] = items("Numbers asserted about the event, each a claim.")
    part_of: str | None = optional_ref("event", doc="A larger event this one is part of.")
    status: EventStatus | None = optional_value(
        "Whether the sources report it as having happened, or only as planned, announced, "
        "requested or alleged; null means it happened."
    )
    date_of: DateMeaning | None = optional_value(
        "What date is the date of (its announcement, a report of it); null means when it happened."
    )
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    _RULES: ClassVar[tuple[str, ...]] = ("date_of needs date",)
    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "actors": ("participants.actor", "charges.against"),  # timeline
        "places": ("places",),  # (not through ``within``)
        "references": (
            "charges.provision",
            "figures.asserted_by",
            "figures.joined_by",
            "figures.relayed_by",
            "part_of",
        ),
    }
    # the chronology; events(kind=...); events(role=...)
    _GROUPS: ClassVar[tuple[str, ...]] = ("date", "kind", "participants.role")

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        if self.date_of is not None and self.date is None:
            broken_rule(broken, FieldError("date_of", "date_of needs date", ProblemCode.RULE))

    @property
    def label(self) -> str:
        """Its title."""
        return self.title


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Relationship(_Checked):
    """A lasting tie between two records: leader of, lawyer of, spouse of.

    >>> import rightsdata
    >>> tie = rightsdata.load().relationships["relationship:aarti-narsee-staff-of-civicus"]
    >>> tie.subject, tie.kind.value, tie.object
    ('person:aarti-narsee', 'staff_of', 'org:civicus')
    """

    kind_name: ClassVar[KindName] = "relationships"

    id: Annotated[str, record_id("relationship")]
    subject: Annotated[str, ref(*ACTOR, doc="Who stands in the relationship.")]
    kind: Annotated[RelationshipKind, value("How the subject stands to the object.")]
    object: Annotated[str, ref(*ACTOR, "place", doc="To whom or what.")]
    title: str | None = optional_text("A title or position, as given: 'Research Lead'.")
    start: EDTF | None = optional_value("When it began (EDTF), or null.")
    end: EDTF | None = optional_value("When it ended (EDTF), or null.")
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    _RULES: ClassVar[tuple[str, ...]] = ("start is not after end",)
    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {"named": ("subject", "object")}

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        # The first possible day of the start after the last possible day of the end (an
        # open or unknown side, -/+ infinity in sort_key, never is).
        start, end = self.start, self.end
        if start is not None and end is not None and start.sort_key()[0] > end.sort_key()[1]:
            message = f"ends ({end}) before it starts ({start})"
            broken_rule(broken, FieldError("end", message, ProblemCode.RULE))

    @property
    def label(self) -> str:
        """Subject, kind and object, by ID."""
        return f"{self.subject} {self.kind.value} {self.object}"


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Statement(_Checked):
    """Something someone said or wrote: a call, a denial, an assessment, a testimony.

    >>> import rightsdata
    >>> said = rightsdata.load().statements["statement:kozlov-2015-prison-conditions"]
    >>> said.speaker, said.kind.value, str(said.date)
    ('person:vladimir-kozlov', 'testimony', '[2015-07-17..2015-08-31]')
    """

    kind_name: ClassVar[KindName] = "statements"

    id: Annotated[str, record_id("statement")]
    speaker: Annotated[str, ref(*ACTOR, doc="Who said it.")]
    date: EDTF | None = optional_value("When (EDTF), or null.")
    kind: Annotated[StatementKind, value("What the statement does.")]
    summary: Annotated[str, text("What was said, in the dataset's own words.")]
    quote: str | None = optional_text(
        "The speaker's words, verbatim and short, or null.", max_length=QUOTE_MAX
    )
    addressed_to: tuple[str, ...] = refs(*ACTOR, doc="Whom it was addressed to.")
    about: tuple[str, ...] = refs(*ANY_RECORD, doc="The records it is about.")
    joined_by: tuple[str, ...] = refs(
        *ACTOR, doc="Others who made it jointly with the speaker (co-signers of a joint statement)."
    )
    relayed_by: tuple[str, ...] = refs(
        *ACTOR,
        doc="Who published or passed on the words without saying them (a speech a lawyer posted).",
    )
    figures: tuple[Figure, ...] = items("Numbers the statement asserts, each a claim.")
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    _RULES: ClassVar[tuple[str, ...]] = (
        "a quote needs a citation whose fields are null or include 'quote'",
        "joined_by does not name the speaker",
    )
    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "named": (
            "speaker",
            "joined_by",
            "relayed_by",
            "addressed_to",
            "about",
            "figures.asserted_by",
            "figures.joined_by",
            "figures.relayed_by",
        )
    }

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        # The two rules are judged each on its own. The loader's diagnostic path judges a
        # statement whose failed fields it left unset: each rule reads its fields in a try
        # (free in Python 3.11 unless it raises), so that a rule that reads a failed field is
        # not judged, and the other is.
        try:
            if self.quote is not None:
                # (a loop: any() of a generator left it unfinished, and closing it when freed
                # cost about 2,500 instructions a statement with a quote, callgrind)
                for citation in self.citations:
                    if citation.fields is None or "quote" in citation.fields:
                        break
                else:
                    message = "a quote needs a citation that covers it (fields null or 'quote')"
                    broken_rule(broken, FieldError("quote", message, ProblemCode.RULE))
        except AttributeError:
            pass
        try:
            if self.joined_by:
                error = _joined(self.joined_by, self.speaker, "speaker", "the speaker")
                if error is not None:
                    broken_rule(broken, error)
        except AttributeError:
            pass

    @property
    def label(self) -> str:
        """Its summary."""
        return self.summary


@final
@checked
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Rating(_Checked):
    """A country's rating on a civic-space scale as of a date.

    >>> import rightsdata
    >>> rating = rightsdata.load().ratings(country="KZ")[-1]
    >>> rating.scale.value, rating.rated_by, rating.country
    ('civicus_monitor', 'org:civicus-monitor', 'place:kazakhstan')
    """

    kind_name: ClassVar[KindName] = "ratings"

    id: Annotated[str, record_id("rating")]
    country: Annotated[str, ref("place", doc="The country (a place record).")]
    scale: Annotated[RatingScale, value("The rating system.")]
    level: Annotated[Level, value("The level given.")]
    as_of: Annotated[EDTF, value("When the rating applied (EDTF).")]
    previous: Level | None = optional_value("The level before, where the source says; else null.")
    rated_by: Annotated[str, ref("org", doc="Who gave the rating.")]
    figures: tuple[Figure, ...] = items(
        "Numbers the rater gives with the rating (its context), each a claim."
    )
    citations: Annotated[tuple[Citation, ...], items(_CITATIONS_DOC, min_items=1)]
    inferred: tuple[Inference, ...] = items(_INFERRED_DOC)

    _NAMES: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "named": (
            "country",
            "rated_by",
            "figures.asserted_by",
            "figures.joined_by",
            "figures.relayed_by",
        )
    }

    @property
    def label(self) -> str:
        """Scale, level and date."""
        return f"{self.scale.value}: {self.level.value} ({self.as_of})"


#: A record of any kind: the union of the ten record classes, what ``ds.get(id)`` returns.
Record: TypeAlias = (
    Source | Person | Organization | Group | Place | Law | Event | Relationship | Statement | Rating
)

#: The record class of each kind, in the order datasets list the kinds (read-only: loading,
#: building and exporting a dataset look the classes up here).
RECORD_TYPES: Final[Mapping[str, type[Any]]] = MappingProxyType(
    {
        cls.kind_name: cls
        for cls in (
            Source,
            Person,
            Organization,
            Group,
            Place,
            Law,
            Event,
            Relationship,
            Statement,
            Rating,
        )
    }
)
#: The record classes, in the order datasets list their kinds: what ``isinstance(value,
#: RECORD_CLASSES)`` asks of a value that should be a record.
RECORD_CLASSES: Final[tuple[type[Record], ...]] = tuple(RECORD_TYPES.values())
#: The record kinds' names, in the order datasets list them (``KindName``'s, as a tuple).
KINDS: Final[tuple[KindName, ...]] = cast("tuple[KindName, ...]", tuple(RECORD_TYPES))
#: The record classes an actor reference may name (:data:`ACTOR`): Person, Organization, Group.
ACTOR_TYPES: Final[tuple[type[Any], ...]] = tuple(
    cls for kind, cls in RECORD_TYPES.items() if PREFIX_OF_KIND[kind] in ACTOR
)
#: A record that can act: take part in an event, speak, be charged, assert a figure.
Actor: TypeAlias = Person | Organization | Group

#: A part a record holds (one of :data:`PARTS`).
Part: TypeAlias = (
    Citation
    | Inference
    | Alias
    | Identifier
    | Coordinates
    | Participant
    | Charge
    | Penalty
    | Figure
)
#: The parts records hold, each a class of its own (a record's lists and nested objects).
PARTS: Final = (
    Citation,
    Inference,
    Alias,
    Identifier,
    Coordinates,
    Participant,
    Charge,
    Penalty,
    Figure,
)
