"""Controlled vocabularies: the enums that record fields draw their terms from.

Every term has a one-line meaning in :data:`MEANINGS`; ``docs/vocabularies.md`` is generated
from it (``python scripts/generate_docs.py``), and a test keeps the two in step.

>>> from rightsdata.vocab import Role
>>> Role("defendant") is Role.DEFENDANT
True
>>> str(Role.DEFENDANT)
'defendant'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Final, Literal, TypeAlias, cast

__all__ = [
    "MEANINGS",
    "RATED",
    "VOCABULARIES",
    "Confidence",
    "DateMeaning",
    "EventKind",
    "EventKindValue",
    "EventStatus",
    "FigureQualifier",
    "FigureUnit",
    "FigureUnitValue",
    "GroupKind",
    "IdentifierScheme",
    "Level",
    "Measure",
    "MeasureValue",
    "OrgKind",
    "OrgStatus",
    "PenaltyKind",
    "PlaceKind",
    "RangeMeaning",
    "RatingScale",
    "RelationshipKind",
    "Role",
    "RoleValue",
    "SourceKind",
    "StatementKind",
    "StatementKindValue",
]


class SourceKind(StrEnum):
    """What kind of document a source is.

    >>> SourceKind("video") is SourceKind.VIDEO
    True
    """

    PRESS_RELEASE = "press_release"
    NEWS_ARTICLE = "news_article"
    REPORT = "report"
    INTERVIEW = "interview"
    WEB_PAGE = "web_page"
    COUNTRY_PAGE = "country_page"
    LETTER = "letter"
    SOCIAL_MEDIA_POST = "social_media_post"
    VIDEO = "video"
    OTHER = "other"


class Confidence(StrEnum):
    """The curator's grade of how directly a cited passage supports the fields it is cited
    for.

    >>> [str(term) for term in Confidence]
    ['high', 'medium', 'low']
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class IdentifierScheme(StrEnum):
    """The register an external identifier of a person, organisation, group or place belongs to.

    >>> IdentifierScheme("other") is IdentifierScheme.OTHER
    True
    """

    WIKIDATA = "wikidata"
    ISO_3166_1 = "iso_3166_1"
    ISO_3166_2 = "iso_3166_2"
    OPENSTREETMAP = "openstreetmap"
    GEONAMES = "geonames"
    OTHER = "other"


class OrgKind(StrEnum):
    """What kind of body an organisation is.

    >>> OrgKind("ngo") is OrgKind.NGO
    True
    """

    NGO = "ngo"
    POLITICAL_PARTY = "political_party"
    MEDIA_OUTLET = "media_outlet"
    STATE_BODY = "state_body"
    COURT = "court"
    SECURITY_FORCE = "security_force"
    LEGISLATURE = "legislature"
    INTERGOVERNMENTAL = "intergovernmental"
    MILITARY_ALLIANCE = "military_alliance"
    MOVEMENT = "movement"
    CAMPAIGN = "campaign"
    COMPANY = "company"
    MONITORING_PROJECT = "monitoring_project"
    OTHER = "other"


class OrgStatus(StrEnum):
    """An organisation's legal standing, as the sources give it.

    >>> [str(term) for term in OrgStatus]
    ['registered', 'unregistered', 'banned', 'suspended', 'closed']
    """

    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    BANNED = "banned"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class GroupKind(StrEnum):
    """What a group of people, or an unnamed actor, is.

    >>> GroupKind("crowd") is GroupKind.CROWD
    True
    """

    WORKERS = "workers"
    PROTESTERS = "protesters"
    DETAINEES = "detainees"
    RESIDENTS = "residents"
    OFFICIALS = "officials"
    SECURITY_PERSONNEL = "security_personnel"
    UNNAMED_INDIVIDUAL = "unnamed_individual"
    CROWD = "crowd"
    OTHER = "other"


class PlaceKind(StrEnum):
    """What kind of place a place record is.

    >>> PlaceKind("city") is PlaceKind.CITY
    True
    """

    COUNTRY = "country"
    TERRITORY = "territory"
    REGION = "region"
    CITY = "city"
    TOWN = "town"
    FACILITY = "facility"
    OTHER = "other"


#: The kinds of place a rating rates: a country or a territory (the queries, the strict checks
#: and rightsdata.testing keep to them).
RATED: Final = (PlaceKind.COUNTRY, PlaceKind.TERRITORY)
# The kinds no rating rates: a place within a country, or of a kind the sources leave open.
# With RATED, every kind: a kind added is placed in one (tests/model/test_vocabulary_partitions.py).
_NOT_RATED: Final = (
    PlaceKind.REGION,
    PlaceKind.CITY,
    PlaceKind.TOWN,
    PlaceKind.FACILITY,
    PlaceKind.OTHER,
)


class EventKind(StrEnum):
    """What happened at an event.

    >>> EventKind("verdict") is EventKind.VERDICT
    True
    """

    PROTEST = "protest"
    STRIKE = "strike"
    UNREST = "unrest"
    KILLING = "killing"
    ILL_TREATMENT = "ill_treatment"
    DEATH_IN_CUSTODY = "death_in_custody"
    ARREST = "arrest"
    DETENTION = "detention"
    RELEASE = "release"
    CHARGE = "charge"
    TRIAL = "trial"
    VERDICT = "verdict"
    APPEAL = "appeal"
    PAROLE_HEARING = "parole_hearing"
    PRISON_PUNISHMENT = "prison_punishment"
    PROSECUTION = "prosecution"
    INVESTIGATION = "investigation"
    BAN = "ban"
    BAN_REQUEST = "ban_request"
    CRACKDOWN = "crackdown"
    LEGISLATION = "legislation"
    ELECTION = "election"
    CANDIDACY_REJECTION = "candidacy_rejection"
    LAWSUIT = "lawsuit"
    HUNGER_STRIKE = "hunger_strike"
    ASSAULT = "assault"
    DEPLOYMENT = "deployment"
    VISIT = "visit"
    MEETING = "meeting"
    LETTER = "letter"
    RESOLUTION = "resolution"
    PUBLICATION = "publication"
    INTERVIEW = "interview"
    CAMPAIGN = "campaign"
    WATCHLIST = "watchlist"
    RATIFICATION = "ratification"
    OTHER = "other"


class EventStatus(StrEnum):
    """Whether the sources report an event as having happened, or as something less.

    >>> EventStatus("planned") is EventStatus.PLANNED
    True
    """

    OCCURRED = "occurred"
    PLANNED = "planned"
    ANNOUNCED = "announced"
    REQUESTED = "requested"
    ALLEGED = "alleged"
    CANCELLED = "cancelled"


class DateMeaning(StrEnum):
    """What an event's ``date`` is the date of.

    >>> [str(term) for term in DateMeaning]
    ['occurrence', 'announcement', 'report', 'planned_for']
    """

    OCCURRENCE = "occurrence"
    ANNOUNCEMENT = "announcement"
    REPORT = "report"
    PLANNED_FOR = "planned_for"


class Role(StrEnum):
    """The part an actor played in an event.

    >>> Role("judge") is Role.JUDGE
    True
    """

    VICTIM = "victim"
    PERPETRATOR = "perpetrator"
    SOURCE = "source"
    INTERVENING_PARTY = "intervening_party"
    DEFENDANT = "defendant"
    PLAINTIFF = "plaintiff"
    APPLICANT = "applicant"
    PROSECUTOR = "prosecutor"
    JUDGE = "judge"
    COURT = "court"
    LAWYER = "lawyer"
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    WITNESS = "witness"
    TARGET = "target"
    AUTHOR = "author"
    ADDRESSEE = "addressee"
    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    OBSERVER = "observer"
    OTHER = "other"


class PenaltyKind(StrEnum):
    """What a court or authority imposed.

    >>> PenaltyKind("fine") is PenaltyKind.FINE
    True
    """

    IMPRISONMENT = "imprisonment"
    ADMINISTRATIVE_ARREST = "administrative_arrest"
    FINE = "fine"
    RESTRICTED_FREEDOM = "restricted_freedom"
    SUSPENDED_SENTENCE = "suspended_sentence"
    SOLITARY_CONFINEMENT = "solitary_confinement"
    STRICTER_REGIME = "stricter_regime"
    FORCED_PSYCHIATRIC_OBSERVATION = "forced_psychiatric_observation"
    OTHER = "other"


class Measure(StrEnum):
    """What a figure counts.

    >>> Measure("tried") is Measure.TRIED
    True
    """

    KILLED = "killed"
    INJURED = "injured"
    DIED_IN_CUSTODY = "died_in_custody"
    ARRESTED = "arrested"
    DETAINED = "detained"
    RELEASED = "released"
    CHARGED = "charged"
    TRIED = "tried"
    PROSECUTED = "prosecuted"
    CONVICTED = "convicted"
    SENTENCED = "sentenced"
    FINED = "fined"
    CRIMINAL_CASES = "criminal_cases"
    PARTICIPANTS = "participants"
    DEPLOYED = "deployed"
    TARGETED = "targeted"
    SENTENCE_LENGTH = "sentence_length"
    COUNTRIES = "countries"
    DURATION = "duration"
    TEMPERATURE = "temperature"
    DISTANCE = "distance"
    VISITS = "visits"
    WALKS = "walks"
    MEMBERS = "members"
    OTHER = "other"


class FigureUnit(StrEnum):
    """What a figure's numbers are counted in.

    >>> FigureUnit("days") is FigureUnit.DAYS
    True
    """

    PEOPLE = "people"
    CASES = "cases"
    NEWSPAPERS = "newspapers"
    WEBSITES = "websites"
    OUTLETS = "outlets"
    COUNTRIES = "countries"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    HOURS = "hours"
    MINUTES = "minutes"
    KILOMETRES = "kilometres"
    DEGREES_CELSIUS = "degrees_celsius"
    PERCENT = "percent"
    CITIES = "cities"
    TIMES = "times"


class FigureQualifier(StrEnum):
    """How a figure's numbers relate to the source's words.

    >>> FigureQualifier("exact") is FigureQualifier.EXACT
    True
    """

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    BETWEEN = "between"
    IMPRECISE = "imprecise"


class RangeMeaning(StrEnum):
    """What a figure's ``low`` and ``high`` mean.

    >>> [str(term) for term in RangeMeaning]
    ['uncertainty', 'spread']
    """

    UNCERTAINTY = "uncertainty"
    SPREAD = "spread"


class RelationshipKind(StrEnum):
    """How a relationship's subject stands to its object.

    >>> RelationshipKind("other") is RelationshipKind.OTHER
    True
    """

    LEADER_OF = "leader_of"
    MEMBER_OF = "member_of"
    FOUNDER_OF = "founder_of"
    DIRECTOR_OF = "director_of"
    PRESIDENT_OF = "president_of"
    CHAIR_OF = "chair_of"
    EDITOR_IN_CHIEF_OF = "editor_in_chief_of"
    STAFF_OF = "staff_of"
    LAWYER_OF = "lawyer_of"
    SPOUSE_OF = "spouse_of"
    PARENT_OF = "parent_of"
    PARTNER_OF = "partner_of"
    FRIEND_OF = "friend_of"
    COLLEAGUE_OF = "colleague_of"
    PART_OF = "part_of"
    RESEARCH_PARTNER_OF = "research_partner_of"
    ALLY_OF = "ally_of"
    OTHER = "other"


class StatementKind(StrEnum):
    """What a statement does.

    >>> StatementKind("call") is StatementKind.CALL
    True
    """

    CALL = "call"
    DENIAL = "denial"
    ASSESSMENT = "assessment"
    TESTIMONY = "testimony"
    CONCERN = "concern"
    ANNOUNCEMENT = "announcement"
    PROMISE = "promise"
    COMPLAINT = "complaint"
    INTENTION = "intention"
    APOLOGY = "apology"
    OTHER = "other"


class RatingScale(StrEnum):
    """Which rating system a rating belongs to.

    >>> [str(term) for term in RatingScale]
    ['civicus_monitor']
    """

    CIVICUS_MONITOR = "civicus_monitor"


class Level(StrEnum):
    """A civic-space level on the CIVICUS Monitor scale, from best to worst.

    Levels compare by severity: ``Level.OPEN < Level.CLOSED``, and so does a level with a
    level's term given as text (``r.level >= "repressed"``; another text is a ValueError).

    >>> Level.OBSTRUCTED < Level.REPRESSED, Level.CLOSED >= "repressed"
    (True, True)
    """

    OPEN = "open"
    NARROWED = "narrowed"
    OBSTRUCTED = "obstructed"
    REPRESSED = "repressed"
    CLOSED = "closed"

    @property
    def severity(self) -> int:
        """0 for open up to 4 for closed."""
        return _LEVEL_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        theirs = _severity_of(other)
        return NotImplemented if theirs is None else self.severity < theirs

    def __le__(self, other: object) -> bool:
        theirs = _severity_of(other)
        return NotImplemented if theirs is None else self.severity <= theirs

    def __gt__(self, other: object) -> bool:
        theirs = _severity_of(other)
        return NotImplemented if theirs is None else self.severity > theirs

    def __ge__(self, other: object) -> bool:
        theirs = _severity_of(other)
        return NotImplemented if theirs is None else self.severity >= theirs


def _severity_of(other: object) -> int | None:
    """The severity of what a :class:`Level` is compared with: a level's, or a level's term
    given as text (``"repressed"``), as the queries take terms; None where no comparison is
    made (Python then raises TypeError). Other text is an error of its own: a level is a
    str to Python, whose own comparison would order the terms' spellings ("closed" before
    "open"), so a term that is no level is a ValueError and another vocabulary's a TypeError.
    """
    if isinstance(other, Level):
        return other.severity
    if type(other) is str:
        from rightsdata._values.conversion import to_enum  # (its words for a wrong term)

        return cast("Level", to_enum(other, Level)).severity
    if isinstance(other, str):
        raise TypeError(
            f"a Level compares with a Level or a level's term as text, not {type(other).__name__}"
            f" ({str(other)!r})"
        )
    return None


# The terms as text, as ``Literal`` types, of the vocabularies whose terms the queries take as
# text as well as terms (``ds.events(kind="arrest")``): a type checker then tells a misspelt
# one (``kind="arest"``). A test keeps each equal to its enum's values.
#: :class:`EventKind`'s terms as text: what a query takes for one besides the term.
EventKindValue: TypeAlias = Literal[
    "protest",
    "strike",
    "unrest",
    "killing",
    "ill_treatment",
    "death_in_custody",
    "arrest",
    "detention",
    "release",
    "charge",
    "trial",
    "verdict",
    "appeal",
    "parole_hearing",
    "prison_punishment",
    "prosecution",
    "investigation",
    "ban",
    "ban_request",
    "crackdown",
    "legislation",
    "election",
    "candidacy_rejection",
    "lawsuit",
    "hunger_strike",
    "assault",
    "deployment",
    "visit",
    "meeting",
    "letter",
    "resolution",
    "publication",
    "interview",
    "campaign",
    "watchlist",
    "ratification",
    "other",
]
#: :class:`Role`'s terms as text: what a query takes for one besides the term.
RoleValue: TypeAlias = Literal[
    "victim",
    "perpetrator",
    "source",
    "intervening_party",
    "defendant",
    "plaintiff",
    "applicant",
    "prosecutor",
    "judge",
    "court",
    "lawyer",
    "organiser",
    "participant",
    "witness",
    "target",
    "author",
    "addressee",
    "interviewer",
    "interviewee",
    "observer",
    "other",
]
#: :class:`StatementKind`'s terms as text: what a query takes for one besides the term.
StatementKindValue: TypeAlias = Literal[
    "call",
    "denial",
    "assessment",
    "testimony",
    "concern",
    "announcement",
    "promise",
    "complaint",
    "intention",
    "apology",
    "other",
]
#: :class:`Measure`'s terms as text: what a query takes for one besides the term.
MeasureValue: TypeAlias = Literal[
    "killed",
    "injured",
    "died_in_custody",
    "arrested",
    "detained",
    "released",
    "charged",
    "tried",
    "prosecuted",
    "convicted",
    "sentenced",
    "fined",
    "criminal_cases",
    "participants",
    "deployed",
    "targeted",
    "sentence_length",
    "countries",
    "duration",
    "temperature",
    "distance",
    "visits",
    "walks",
    "members",
    "other",
]
#: :class:`FigureUnit`'s terms as text: what a query takes for one besides the term.
FigureUnitValue: TypeAlias = Literal[
    "people",
    "cases",
    "newspapers",
    "websites",
    "outlets",
    "countries",
    "days",
    "months",
    "years",
    "hours",
    "minutes",
    "kilometres",
    "degrees_celsius",
    "percent",
    "cities",
    "times",
]


_LEVEL_ORDER: Final = tuple(Level)


class _Meanings(Mapping[StrEnum, str]):
    """The meaning of each term, by term.

    Terms of different vocabularies can have the same value (``OrgStatus.CLOSED`` and
    ``Level.CLOSED`` are both ``"closed"``), and a ``StrEnum`` member hashes and compares as its
    string, so a plain dict would keep only one of them. This mapping keys each term by its
    vocabulary and value.
    """

    __slots__ = ("_by_key", "_terms")

    def __init__(self, pairs: Iterable[tuple[StrEnum, str]]) -> None:
        self._by_key: dict[tuple[type[StrEnum], str], str] = {}
        self._terms: list[StrEnum] = []
        for term, meaning in pairs:
            key = (type(term), term.value)
            if key in self._by_key:
                raise ValueError(f"{type(term).__name__}.{term.name} has two meanings")
            self._by_key[key] = meaning
            self._terms.append(term)

    def __getitem__(self, term: StrEnum) -> str:
        if not isinstance(term, StrEnum):
            raise KeyError(term)
        return self._by_key[(type(term), term.value)]

    def __contains__(self, term: object) -> bool:
        return isinstance(term, StrEnum) and (type(term), term.value) in self._by_key

    def __iter__(self) -> Iterator[StrEnum]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)


#: The meaning of every term, in a sentence: ``MEANINGS[Role.DEFENDANT]``.
MEANINGS: Final[Mapping[StrEnum, str]] = _Meanings(
    [
        (SourceKind.PRESS_RELEASE, "A statement an organisation issued to the press."),
        (SourceKind.NEWS_ARTICLE, "A report by a news outlet."),
        (SourceKind.REPORT, "A research or monitoring report."),
        (SourceKind.INTERVIEW, "A published interview."),
        (SourceKind.WEB_PAGE, "A web page that is none of the more specific kinds."),
        (
            SourceKind.COUNTRY_PAGE,
            "An organisation's page about one country, listing several items.",
        ),
        (SourceKind.LETTER, "A letter, open or private."),
        (SourceKind.SOCIAL_MEDIA_POST, "A post on a social-media platform."),
        (SourceKind.VIDEO, "A video recording."),
        (SourceKind.OTHER, "Any other kind of document."),
        (Confidence.HIGH, "The cited passage states the cited fields directly, in so many words."),
        (
            Confidence.MEDIUM,
            "The cited passage supports the cited fields, but a reader must combine or "
            "paraphrase what it says.",
        ),
        (
            Confidence.LOW,
            "The cited passage only suggests the cited fields; another reader may take it "
            "otherwise.",
        ),
        (IdentifierScheme.WIKIDATA, "A Wikidata item: Q and a number ('Q232')."),
        (IdentifierScheme.ISO_3166_1, "An ISO 3166-1 alpha-2 country code ('KZ')."),
        (IdentifierScheme.ISO_3166_2, "An ISO 3166-2 subdivision code ('KZ-75')."),
        (
            IdentifierScheme.OPENSTREETMAP,
            "An OpenStreetMap element: node, way or relation, '/' and its number "
            "('relation/214665').",
        ),
        (IdentifierScheme.GEONAMES, "A GeoNames feature number ('1526384')."),
        (IdentifierScheme.OTHER, "An identifier in another register; its value says which."),
        (OrgKind.NGO, "A non-governmental, non-profit organisation."),
        (OrgKind.POLITICAL_PARTY, "A political party, registered or not."),
        (OrgKind.MEDIA_OUTLET, "A newspaper, website, broadcaster or other news outlet."),
        (OrgKind.STATE_BODY, "A government ministry, office or agency."),
        (OrgKind.COURT, "A court of law."),
        (OrgKind.SECURITY_FORCE, "Police, security service, army or similar armed state force."),
        (OrgKind.LEGISLATURE, "A parliament or other law-making assembly."),
        (OrgKind.INTERGOVERNMENTAL, "A body formed by states (the UN, the EU, their organs)."),
        (OrgKind.MILITARY_ALLIANCE, "A treaty alliance of states' armed forces."),
        (OrgKind.MOVEMENT, "An informal movement or group of activists."),
        (OrgKind.CAMPAIGN, "A named campaign run by one or more organisations."),
        (OrgKind.COMPANY, "A business."),
        (
            OrgKind.MONITORING_PROJECT,
            "A programme that monitors and rates rights (the CIVICUS Monitor).",
        ),
        (OrgKind.OTHER, "Any other kind of organisation."),
        (OrgStatus.REGISTERED, "Registered with the authorities and lawful."),
        (OrgStatus.UNREGISTERED, "Operating without the registration the authorities require."),
        (OrgStatus.BANNED, "Prohibited by a court or authority."),
        (OrgStatus.SUSPENDED, "Its activity suspended by a court or authority."),
        (OrgStatus.CLOSED, "No longer operating."),
        (GroupKind.WORKERS, "People who work at one employer, site or trade (oil workers)."),
        (GroupKind.PROTESTERS, "People who took part in a protest or strike."),
        (GroupKind.DETAINEES, "People held in custody, or tried or convicted together."),
        (GroupKind.RESIDENTS, "People who live in one place."),
        (
            GroupKind.OFFICIALS,
            "Holders of public office or state employees, unnamed ('the authorities').",
        ),
        (GroupKind.SECURITY_PERSONNEL, "Police officers, soldiers or guards, unnamed."),
        (
            GroupKind.UNNAMED_INDIVIDUAL,
            "One person whom the sources do not name ('an unnamed UN rapporteur').",
        ),
        (GroupKind.CROWD, "People gathered or acting together, not organised ('mobs')."),
        (GroupKind.OTHER, "Any other group of people."),
        (PlaceKind.COUNTRY, "A sovereign state."),
        (PlaceKind.TERRITORY, "A territory with its own administration (Hong Kong)."),
        (PlaceKind.REGION, "A province, oblast or other region."),
        (PlaceKind.CITY, "A city."),
        (PlaceKind.TOWN, "A town or settlement smaller than a city."),
        (PlaceKind.FACILITY, "A prison, colony, detention centre, court building or similar site."),
        (PlaceKind.OTHER, "Any other kind of place."),
        (EventKind.PROTEST, "A demonstration, rally or other public protest."),
        (EventKind.STRIKE, "A workers' strike."),
        (EventKind.UNREST, "Violent unrest or clashes."),
        (EventKind.KILLING, "People killed."),
        (EventKind.ILL_TREATMENT, "Torture or cruel, inhuman or degrading treatment."),
        (EventKind.DEATH_IN_CUSTODY, "A death in detention."),
        (EventKind.ARREST, "People taken into custody."),
        (EventKind.DETENTION, "A period in custody."),
        (EventKind.RELEASE, "A release from custody."),
        (EventKind.CHARGE, "Criminal or administrative charges brought."),
        (EventKind.TRIAL, "A trial or court hearing on the merits."),
        (EventKind.VERDICT, "A court's judgment, with its sentence if any."),
        (EventKind.APPEAL, "An appeal, or a higher court's ruling on one."),
        (EventKind.PAROLE_HEARING, "A hearing on early release."),
        (EventKind.PRISON_PUNISHMENT, "A punishment inside prison (solitary, a stricter regime)."),
        (EventKind.PROSECUTION, "Criminal proceedings against someone."),
        (EventKind.INVESTIGATION, "An official investigation."),
        (EventKind.BAN, "A ban or closure ordered."),
        (EventKind.BAN_REQUEST, "A request to a court or authority to ban something."),
        (EventKind.CRACKDOWN, "A sustained campaign of repression."),
        (EventKind.LEGISLATION, "A law adopted or changed."),
        (EventKind.ELECTION, "An election."),
        (EventKind.CANDIDACY_REJECTION, "A candidate barred or struck off."),
        (EventKind.LAWSUIT, "A civil claim filed or decided."),
        (EventKind.HUNGER_STRIKE, "A hunger strike."),
        (EventKind.ASSAULT, "Physical violence against a person."),
        (EventKind.DEPLOYMENT, "Troops or forces sent in."),
        (EventKind.VISIT, "An official or monitoring visit."),
        (EventKind.MEETING, "A meeting."),
        (EventKind.LETTER, "A letter sent."),
        (EventKind.RESOLUTION, "A resolution adopted by a body."),
        (EventKind.PUBLICATION, "A report, statement or list published."),
        (EventKind.INTERVIEW, "An interview given or recorded."),
        (EventKind.CAMPAIGN, "A campaign launched."),
        (EventKind.WATCHLIST, "A country placed on a watchlist."),
        (EventKind.RATIFICATION, "A state ratified a treaty."),
        (EventKind.OTHER, "Anything else."),
        (EventStatus.OCCURRED, "The sources report it as having happened (as null does)."),
        (EventStatus.PLANNED, "Arranged or scheduled; not reported as having happened yet."),
        (
            EventStatus.ANNOUNCED,
            "Announced by those who would carry it out; not reported as having happened.",
        ),
        (EventStatus.REQUESTED, "Asked for (a visit, a hearing, a ban); not known to be granted."),
        (
            EventStatus.ALLEGED,
            "Said to have happened by someone the sources quote, not confirmed by them.",
        ),
        (EventStatus.CANCELLED, "Planned or announced, then called off."),
        (DateMeaning.OCCURRENCE, "When it happened (or is to happen), as null means."),
        (DateMeaning.ANNOUNCEMENT, "When it was announced, not when it happened."),
        (DateMeaning.REPORT, "When a source reported it; it happened on or before that date."),
        (DateMeaning.PLANNED_FOR, "When it was planned or scheduled to happen."),
        (Role.VICTIM, "Suffered the violation."),
        (Role.PERPETRATOR, "Committed or ordered the violation."),
        (Role.SOURCE, "Gave the information about the event."),
        (Role.INTERVENING_PARTY, "Acted to stop, help or speak up (a lawyer, an NGO, a UN body)."),
        (Role.DEFENDANT, "Stood accused in proceedings."),
        (Role.PLAINTIFF, "Brought a claim or complaint."),
        (
            Role.APPLICANT,
            "Asked for a ruling in their own favour: a parole or pardon application.",
        ),
        (Role.PROSECUTOR, "Prosecuted the case."),
        (Role.JUDGE, "Judged the case."),
        (Role.COURT, "The court that heard or decided the case."),
        (Role.LAWYER, "Represented a party."),
        (Role.ORGANISER, "Organised the event."),
        (Role.PARTICIPANT, "Took part without another role."),
        (Role.WITNESS, "Saw the event or testified about it."),
        (Role.TARGET, "The thing or body an action was aimed at (a banned outlet)."),
        (Role.AUTHOR, "Wrote or issued it."),
        (Role.ADDRESSEE, "It was addressed to them."),
        (Role.INTERVIEWER, "Asked the questions in an interview."),
        (Role.INTERVIEWEE, "Answered the questions in an interview."),
        (Role.OBSERVER, "Observed the event (a monitor, a visiting mechanism)."),
        (Role.OTHER, "Any other part."),
        (PenaltyKind.IMPRISONMENT, "A prison term."),
        (PenaltyKind.ADMINISTRATIVE_ARREST, "Short detention for an administrative offence."),
        (PenaltyKind.FINE, "A fine."),
        (
            PenaltyKind.RESTRICTED_FREEDOM,
            "Freedom restricted without prison (curfews, travel limits).",
        ),
        (
            PenaltyKind.SUSPENDED_SENTENCE,
            "A sentence that is not served unless conditions are broken.",
        ),
        (PenaltyKind.SOLITARY_CONFINEMENT, "Confinement alone in a punishment cell."),
        (PenaltyKind.STRICTER_REGIME, "Transfer to a stricter regime of detention."),
        (
            PenaltyKind.FORCED_PSYCHIATRIC_OBSERVATION,
            "Held in a psychiatric clinic for observation.",
        ),
        (PenaltyKind.OTHER, "Any other penalty."),
        (Measure.KILLED, "People killed."),
        (Measure.INJURED, "People injured."),
        (Measure.DIED_IN_CUSTODY, "People who died in detention."),
        (Measure.ARRESTED, "People arrested."),
        (Measure.DETAINED, "People detained."),
        (Measure.RELEASED, "People released."),
        (Measure.CHARGED, "People charged."),
        (Measure.TRIED, "People tried."),
        (Measure.PROSECUTED, "People prosecuted."),
        (Measure.CONVICTED, "People convicted."),
        (Measure.SENTENCED, "People sentenced."),
        (Measure.FINED, "People fined."),
        (Measure.CRIMINAL_CASES, "Criminal cases opened."),
        (Measure.PARTICIPANTS, "People taking part."),
        (Measure.DEPLOYED, "Troops or officers sent in."),
        (Measure.TARGETED, "Things an action was aimed at (outlets a ban covers)."),
        (
            Measure.SENTENCE_LENGTH,
            "The length of a sentence or another term imposed (a prison's stricter regime).",
        ),
        (Measure.COUNTRIES, "Countries where something happened."),
        (Measure.DURATION, "How long something lasted."),
        (Measure.TEMPERATURE, "A temperature (heat or cold endured)."),
        (Measure.DISTANCE, "A distance between places."),
        (Measure.VISITS, "Visits made or allowed (by relatives, lawyers, monitors)."),
        (Measure.WALKS, "Walks or strolls allowed to a prisoner."),
        (Measure.MEMBERS, "Members of an organisation or group."),
        (Measure.OTHER, "Anything else counted."),
        (FigureUnit.PEOPLE, "People."),
        (FigureUnit.CASES, "Cases."),
        (FigureUnit.NEWSPAPERS, "Newspapers."),
        (FigureUnit.WEBSITES, "Websites."),
        (FigureUnit.OUTLETS, "Media outlets of any kind."),
        (FigureUnit.COUNTRIES, "Countries."),
        (FigureUnit.DAYS, "Days."),
        (FigureUnit.MONTHS, "Months."),
        (FigureUnit.YEARS, "Years."),
        (FigureUnit.HOURS, "Hours."),
        (FigureUnit.MINUTES, "Minutes."),
        (FigureUnit.KILOMETRES, "Kilometres."),
        (FigureUnit.DEGREES_CELSIUS, "Degrees Celsius."),
        (FigureUnit.PERCENT, "Per cent (a change or share)."),
        (FigureUnit.CITIES, "Cities or towns."),
        (FigureUnit.TIMES, "Occurrences: how many times something happened."),
        (FigureQualifier.EXACT, "The number stated (best holds it)."),
        (FigureQualifier.ABOUT, "Roughly the number stated (best holds it)."),
        (FigureQualifier.AT_LEAST, "The number stated or more (low holds it)."),
        (FigureQualifier.MORE_THAN, "Strictly more than the number stated (low holds it)."),
        (FigureQualifier.AT_MOST, "The number stated or fewer (high holds it)."),
        (FigureQualifier.LESS_THAN, "Strictly fewer than the number stated (high holds it)."),
        (FigureQualifier.BETWEEN, "A range (low and high hold its ends)."),
        (
            FigureQualifier.IMPRECISE,
            "Words, no number ('thousands', 'dozens'); numbers may be null.",
        ),
        (
            RangeMeaning.UNCERTAINTY,
            "low and high bound one number the source does not know exactly (as null means).",
        ),
        (
            RangeMeaning.SPREAD,
            "The values differ across the people, days or cases counted; low and high are "
            "the least and the most.",
        ),
        (RelationshipKind.LEADER_OF, "Leads the object (a party, movement)."),
        (RelationshipKind.MEMBER_OF, "Is a member of the object."),
        (RelationshipKind.FOUNDER_OF, "Founded the object."),
        (RelationshipKind.DIRECTOR_OF, "Directs the object."),
        (
            RelationshipKind.PRESIDENT_OF,
            "Is president of the object (an organisation or a country).",
        ),
        (RelationshipKind.CHAIR_OF, "Chairs the object."),
        (RelationshipKind.EDITOR_IN_CHIEF_OF, "Is editor-in-chief of the object."),
        (RelationshipKind.STAFF_OF, "Works for the object; the relationship's title says as what."),
        (RelationshipKind.LAWYER_OF, "Is the object's lawyer."),
        (RelationshipKind.SPOUSE_OF, "Is married to the object."),
        (RelationshipKind.PARENT_OF, "Is the object's parent."),
        (RelationshipKind.PARTNER_OF, "Is the object's life partner or companion."),
        (RelationshipKind.FRIEND_OF, "Is a friend of the object."),
        (RelationshipKind.COLLEAGUE_OF, "Works or campaigns together with the object."),
        (RelationshipKind.PART_OF, "Is a part or programme of the object."),
        (RelationshipKind.RESEARCH_PARTNER_OF, "Does research together with the object."),
        (RelationshipKind.ALLY_OF, "Acts in alliance with the object."),
        (RelationshipKind.OTHER, "Any other relationship; the title says which."),
        (StatementKind.CALL, "Calls on someone to act."),
        (StatementKind.DENIAL, "Denies an accusation."),
        (StatementKind.ASSESSMENT, "Judges a situation."),
        (StatementKind.TESTIMONY, "Tells what the speaker saw or lived through."),
        (StatementKind.CONCERN, "Expresses concern."),
        (StatementKind.ANNOUNCEMENT, "Announces a decision or fact."),
        (StatementKind.PROMISE, "Promises to act."),
        (StatementKind.COMPLAINT, "Complains of treatment."),
        (StatementKind.INTENTION, "States what the speaker means to do."),
        (StatementKind.APOLOGY, "Expresses regret."),
        (StatementKind.OTHER, "Anything else said."),
        (RatingScale.CIVICUS_MONITOR, "The CIVICUS Monitor's five civic-space levels."),
        (Level.OPEN, "Civic freedoms are respected (CIVICUS: best)."),
        (Level.NARROWED, "Freedoms are mostly respected but violations occur."),
        (Level.OBSTRUCTED, "Freedoms are heavily contested by those in power."),
        (Level.REPRESSED, "Freedoms are severely restricted (CIVICUS: second worst)."),
        (Level.CLOSED, "Civic space is completely closed (CIVICUS: worst)."),
    ]
)

#: Every vocabulary, in the order the documentation lists them.
VOCABULARIES: Final[tuple[type[StrEnum], ...]] = (
    SourceKind,
    Confidence,
    IdentifierScheme,
    OrgKind,
    OrgStatus,
    GroupKind,
    PlaceKind,
    EventKind,
    EventStatus,
    DateMeaning,
    Role,
    PenaltyKind,
    Measure,
    FigureUnit,
    FigureQualifier,
    RangeMeaning,
    RelationshipKind,
    StatementKind,
    RatingScale,
    Level,
)


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
