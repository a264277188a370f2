"""What a downstream user writes: typed access to records and query results.

tests/project/test_typing.py runs ``mypy --strict`` on this file and expects no error.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Literal, assert_never, assert_type, cast

from hypothesis.strategies import SearchStrategy

import rightsdata
import rightsdata.tables
import rightsdata.testing
import rightsdata.vocab
from rightsdata import Event, Person

ds = rightsdata.load()

# A kind's collection is typed: ds.events[id] is an Event, ds.persons.get(id) a Person or None.
verdict = ds.events["event:kozlov-verdict-2012-10-08"]
penalty = verdict.penalty
years: int | None = penalty.term.years if penalty is not None and penalty.term else None
# a law's article is null where the record is a whole instrument (model 2)
provisions: list[str | None] = [ds.laws[c.provision].article for c in verdict.charges]
kozlov: Person | None = ds.persons.get("person:vladimir-kozlov")
name: str = kozlov.name if kozlov is not None else "unknown"
fallback: Person = ds.persons.get("person:nobody", ds.persons[0])
first_few: tuple[Person, ...] = ds.persons[:3]

# ds.get with a record class is typed too; without one it is any Record.
typed: Event = ds.get("event:kozlov-verdict-2012-10-08", Event)
titles: list[str] = [typed.title, ds.get("event:zhanaozen-massacre-2011", Event).title]
record_id: str = ds.get("place:almaty").id
assert_type(ds.get("place:almaty", rightsdata.Record), rightsdata.Record)
assert_type(ds.get("person:a", Person | rightsdata.Organization), rightsdata.Record)
# A tuple of classes, as isinstance takes, is typed as their union: .name checks on either.
either = ds.get("org:human-rights-foundation", (Person, rightsdata.Organization))
assert_type(either, Person | rightsdata.Organization)
holder_name: str = either.name
assert_type(
    ds.get("group:a", (Person, rightsdata.Organization, rightsdata.Group)),
    Person | rightsdata.Organization | rightsdata.Group,
)
assert_type(
    ds.get("place:a", (Person, rightsdata.Organization, rightsdata.Group, rightsdata.Place)),
    Person | rightsdata.Organization | rightsdata.Group | rightsdata.Place,
)
assert_type(ds.get("event:a", (Event,)), Event)
five = (Person, rightsdata.Organization, rightsdata.Group, rightsdata.Place, Event)
assert_type(ds.get("event:a", five), rightsdata.Record)  # more than four: any Record

# A kind written out gives its class (assert_type fails on Any): collections, documents
# structured, strategies drawn; a kind only known to be one of them (a KindName: one of
# KINDS, or a str read at run time and cast) gives any record.
assert_type(ds.collection("events"), rightsdata.EventCollection)
assert_type(ds.collection("persons"), rightsdata.Collection[Person])
assert_type(ds.collection("relationships")[0], rightsdata.Relationship)
some_kind: rightsdata.KindName = rightsdata.KINDS[0]
name_read: str = "events"  # (from a file or the command line)
read_kind = cast(rightsdata.KindName, name_read)
assert_type(ds.collection(read_kind), rightsdata.Collection[rightsdata.Record])
kinds = {kind: list(ds.collection(kind)) for kind in rightsdata.KINDS}
copied = rightsdata.Dataset(kinds, name="copy", version="1.0.0")
by_str: dict[str, list[rightsdata.Record]] = {"persons": [ds.persons[0]]}
rightsdata.Dataset(by_str)
assert_type(ds.collection(some_kind), rightsdata.Collection[rightsdata.Record])
assert_type(rightsdata.structure("places", {}), rightsdata.Place)
assert_type(rightsdata.structure(some_kind, {}), rightsdata.Record)
assert_type(rightsdata.testing.records("events"), SearchStrategy[Event])
assert_type(ds.format, rightsdata.FormatVersion)
assert_type(rightsdata.testing.records("events", format=ds.format), SearchStrategy[Event])
assert_type(rightsdata.testing.events(format=2), SearchStrategy[Event])
assert_type(rightsdata.testing.records(some_kind), SearchStrategy[rightsdata.Record])
# ... with strict=True too, for every kind (two overloads lacked it: a kind's class was lost)
assert_type(rightsdata.testing.records("sources", strict=True), SearchStrategy[rightsdata.Source])
assert_type(rightsdata.testing.records("persons", strict=True), SearchStrategy[Person])
assert_type(
    rightsdata.testing.records("organizations", strict=True),
    SearchStrategy[rightsdata.Organization],
)
assert_type(rightsdata.testing.records("groups", strict=True), SearchStrategy[rightsdata.Group])
assert_type(rightsdata.testing.records("places", strict=True), SearchStrategy[rightsdata.Place])
assert_type(rightsdata.testing.records("laws", strict=True), SearchStrategy[rightsdata.Law])
assert_type(rightsdata.testing.records("events", strict=True), SearchStrategy[Event])
assert_type(
    rightsdata.testing.records("relationships", strict=True),
    SearchStrategy[rightsdata.Relationship],
)
assert_type(
    rightsdata.testing.records("statements", strict=True), SearchStrategy[rightsdata.Statement]
)
assert_type(rightsdata.testing.records("ratings", strict=True), SearchStrategy[rightsdata.Rating])
assert_type(rightsdata.testing.records(some_kind, strict=True), SearchStrategy[rightsdata.Record])
assert_type(rightsdata.KINDS, tuple[rightsdata.KindName, ...])

# Tables, export formats and terms are typed by their names: each of TABLES and FORMATS, and
# a term's text, passes; so do the terms themselves.
every_table = [ds.to_pandas(name) for name in rightsdata.tables.TABLES]
charges = ds.to_pandas(rightsdata.tables.TABLES["events.charges"].name)
first_rows = [next(rightsdata.tables.rows(ds, t)) for t in ("events", "events.charges")]
table_name: rightsdata.tables.TableName = "statements.about"
about = rightsdata.tables.get_table(table_name)


def export_all(folder: str) -> None:
    for format in rightsdata.tables.FORMATS:
        ds.export(f"{folder}/{format}", format)
    ds.export(folder, "document", force=True)
    for option in rightsdata.tables.FORMULA_OPTIONS:
        ds.export(f"{folder}/{option}", "csv", csv_formulas=option)
        rightsdata.tables.read_directory(f"{folder}/{option}", option)


in_kind: list[rightsdata.vocab.EventKindValue] = ["arrest", "detention"]
detained = ds.events(kind=in_kind, role="defendant")
either_kind = ds.events(kind=["arrest", rightsdata.vocab.EventKind.DETENTION])
calls = ds.statements(kind="call")
persons_found = ds.search("kozlov", kinds="persons") + ds.search("aktau", kinds=["places"])
package_schema = rightsdata.schema.load_schema("datapackage")
injured = ds.figures("event:zhanaozen-massacre-2011", measure="injured", unit="people")

# Queries return typed results.
killings: list[Event] = ds.events(kind="killing", place="KZ")
timeline_titles = [e.title for e in ds.timeline("person:vladimir-kozlov")]
spoken = [s.summary for s in ds.statements(speaker="org:human-rights-foundation")]
rating = ds.rating_on("KZ", datetime.date(2022, 6, 1))
level: str | None = rating.level.value if rating is not None else None
killed = ds.figures("event:zhanaozen-massacre-2011", measure="killed")
low_high: tuple[int | None, int | None] | None = killed.range
asserted: list[str | None] = [f.asserted_by for f in killed]
related_titles: list[str] = [e.title for e in ds.related("person:vladimir-kozlov").events]
country_name: str = ds.country("KZ").name
found_ids: list[str] = [r.id for r in ds.search("bloody january")]


def draw(ds: rightsdata.Dataset) -> None:
    """A timeline of an actor, a place, a case, or events chosen: records or their IDs."""
    for subject in ("person:vladimir-kozlov", "KZ", ds.places["place:almaty"], ds.events[0]):
        ds.plot_timeline(subject)
    ds.plot_timeline(ds.events(kind="arrest"), between=("2019", None))
    ds.plot_timeline(["event:zhanaozen-massacre-2011", ds.events[0]])
    ds.plot_timeline(e.id for e in ds.events if e.date is None)
    ds.plot_timeline(ds.events)


# Records built in typed code pass the fields' own types: a tuple, an EDTF, a vocabulary term;
# the required fields, and any of the optional ones.
cite = rightsdata.Citation(source="source:a")
built = Person(id="person:a", name="A. Person", born=rightsdata.EDTF("1960-08"), citations=(cite,))
arrest = Event(
    id="event:a",
    kind=rightsdata.vocab.EventKind.ARREST,
    title="An arrest",
    date=rightsdata.EDTF("2012-01-26"),
    citations=(cite,),
)
charge = rightsdata.Charge(provision="law:a", against="person:a")

# The public functions return public types: a downstream helper is typed by them.
import rightsdata.display  # noqa: E402
import rightsdata.schema  # noqa: E402


def owner(record: rightsdata.Record) -> rightsdata.Dataset | None:
    return rightsdata.display.dataset_of(record)


holder = owner(built)
held_events: list[Event] = holder.timeline("person:a") if holder is not None else []
located: list[rightsdata.Problem] = rightsdata.schema.schema_problems("places", {}, "places.json")

# validate's problems are a list[Problem] (a Problems), with the kinds it could not check.
validated: list[rightsdata.Problem] = rightsdata.validate("my-dataset")
not_checked: tuple[str, ...] = rightsdata.validate("my-dataset").unchecked

# Dataset(records) takes a mapping keyed by any str type: a part of KINDS narrowed by a
# comparison is a smaller Literal type (Mapping's key type is invariant: a union of
# Mapping[KindName, ...] and Mapping[str, ...] refused it).
all_but_ratings = {k: list(ds.collection(k)) for k in rightsdata.KINDS if k != "ratings"}
rightsdata.Dataset(all_but_ratings)
two_kinds: dict[Literal["persons", "events"], list[rightsdata.Record]] = {"persons": []}
rightsdata.Dataset(two_kinds)


# TABLES and FORMATS pass where a Mapping keyed by str is expected, and their keys are
# the names the functions that take a TableName or FormatName are typed by.
def show_tables(tables: Mapping[str, rightsdata.tables.Table]) -> list[str]:
    return sorted(tables)


def show_formats(formats: Mapping[str, str]) -> int:
    return len(formats)


show_tables(rightsdata.tables.TABLES)
show_formats(rightsdata.tables.FORMATS)
for table_name in rightsdata.tables.TABLES:
    assert_type(table_name, rightsdata.tables.TableName)
    rightsdata.tables.get_table(table_name)
for format_name, needs in rightsdata.tables.FORMATS.items():
    assert_type((format_name, needs), tuple[rightsdata.tables.FormatName, str])
table_names: list[rightsdata.tables.TableName] = list(rightsdata.tables.TABLES.keys())
described: rightsdata.tables.Table = rightsdata.tables.TABLES["events"]
# a column annotated with the public name of a cell's type
event_columns: list[list[rightsdata.tables.Cell]] = rightsdata.tables.columns(
    rightsdata.load(), "events"
)


# A problem's code is one of PROBLEM_CODES, typed as them: a match that handles every code
# checks (assert_never in its last case), by ProblemCode's names or by the text, and a
# program's mapping of each code to its own handling lists them all.
def handling(problem: rightsdata.Problem) -> str:
    match problem.code:
        case rightsdata.ProblemCode.SYNTAX | "limit" | "type" | "missing" | "unknown_field":
            return "fix the file"
        case "value" | "rule" | "integrity" | "schema" | "package" | "strict":
            return "fix the data"
        case rightsdata.ProblemCode.NEWER_FORMAT | "version":
            return "upgrade rightsdata"
        case "file":
            return "check the path"
        case _:
            assert_never(problem.code)


code_of_field: rightsdata.ProblemCodeValue = rightsdata.FieldError("born", "bad").code
# A date's error holds the text given; a duration's the text, or the timedelta that
# Duration.from_pendulum refused, None for one built from numbers
assert_type(rightsdata.EDTFError("2012-13", "no month 13").text, str)
date_given: str = rightsdata.EDTFError("2012-13", "no month 13").text
duration_given = rightsdata.DurationError("P2W", "weeks are not used").text
assert_type(duration_given, str | datetime.timedelta | None)
# (declared on the class: every checker, pyright too, takes these types, not one inferred)
assert_type(rightsdata.FieldError("born", "bad").code, rightsdata.ProblemCodeValue)
assert_type(rightsdata.FieldError("born", "bad").record_id, str | None)
handlings: dict[rightsdata.ProblemCodeValue, str] = dict.fromkeys(rightsdata.PROBLEM_CODES, "")
assert_type(rightsdata.ProblemCode.MISSING, Literal["missing"])
missing_only = [p for p in rightsdata.validate("my-dataset") if p.code == "missing"]
made = rightsdata.Problem("persons.json", "is empty", rightsdata.ProblemCode.SYNTAX)
made_as_text = rightsdata.Problem("persons.json", "is empty", "syntax")


class MyProblem(rightsdata.Problem):
    __slots__ = ("tag",)
    tag: str

    def __init__(self, location: str, tag: str) -> None:
        super().__init__(location, "is empty", rightsdata.ProblemCode.MISSING, file=location)
        object.__setattr__(self, "tag", tag)


assert_type(MyProblem("persons.json", "mine").code, rightsdata.ProblemCodeValue)
