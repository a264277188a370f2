"""Mistakes a type checker should catch: a name rightsdata does not have; ds.get(id) is any of
ten record classes, and a kind's collection is of that kind's class (a timeline is drawn of
events chosen, not persons); a misspelt kind, table, export format, term or problem code,
and a match of problem codes that leaves one out; a constructor
without a required field; and what a constructor converts at run time (a list, a date's
text) is not what its fields' types say; a subclass of a record class, which is final.

tests/project/test_typing.py runs ``mypy --strict`` on this file and expects exactly the errors
marked on each line (``# error: <code>``), and no others.
"""

from __future__ import annotations

from typing import assert_never

import rightsdata
import rightsdata.schema
import rightsdata.tables
import rightsdata.testing
from rightsdata import lod  # error: attr-defined

ds = rightsdata.load()
lod(rightsdata.lod())  # error: attr-defined

penalty = ds.get("event:kozlov-verdict-2012-10-08").penalty  # error: union-attr
name: str = ds.persons["person:vladimir-kozlov"].title  # error: attr-defined
maybe = ds.persons.get("person:vladimir-kozlov")
surname: str = maybe.name  # error: union-attr
title: str = ds.collection("persons")[0].title  # error: attr-defined
born_on = rightsdata.structure("events", {}).born  # error: attr-defined
ds.get("person:vladimir-kozlov", "persons")  # error: call-overload
ds.get("person:nobody", None)  # error: call-overload
ds.plot_timeline(ds.persons)  # error: arg-type

# A selector of a closed set is typed by it: a misspelt kind, table, format or term is an
# error, as is a plain str (a kind read at run time takes a cast to rightsdata.KindName).
ds.collection("event")  # error: call-overload
rightsdata.structure("person", {})  # error: call-overload
rightsdata.testing.records("person")  # error: call-overload
kind_read: str = "events"
ds.collection(kind_read)  # error: call-overload
ds.search("kozlov", kinds=["person"])  # error: list-item
rightsdata.schema.schema_problems("person", {}, "persons.json[0]")  # error: arg-type
rightsdata.schema.load_schema("event")  # error: arg-type
rightsdata.schema.validator_for("person")  # error: arg-type
rightsdata.schema.validator_for("events", format=5)  # error: arg-type
ds.to_pandas("event")  # error: call-overload
rightsdata.tables.get_table("charges")  # error: arg-type
rightsdata.tables.rows(ds, "event")  # error: arg-type
ds.export("/tmp/x", "xlsx")  # error: arg-type
ds.export("/tmp/x", "csv", csv_formulas="Keep")  # error: arg-type
ds.events(kind="arest")  # error: arg-type
ds.events(kind=["arrest", "detension"])  # error: list-item
ds.events(role="vitcim")  # error: arg-type
ds.statements(kind="cal")  # error: arg-type
ds.figures("event:zhanaozen-massacre-2011", measure="kiled")  # error: arg-type
# A format's version is one this rightsdata reads (1 to 4), as Dataset.format is typed.
rightsdata.testing.events(format=5)  # error: arg-type
rightsdata.testing.records("events", format=0)  # error: call-overload
rightsdata.testing.datasets(format=5)  # error: arg-type
rightsdata.testing.figures(format=5)  # error: arg-type
rightsdata.schema.load_schema("events", format=5)  # error: arg-type
format_read: int = 2
rightsdata.testing.persons(format=format_read)  # error: arg-type

# A constructor requires the fields that have no default (a record's citations, too).
nameless = rightsdata.Person(id="person:a")  # error: call-arg
charge = rightsdata.Charge(provision="law:a")  # error: call-arg

# A constructor converts these at run time (docs/concepts.md), but its types are the fields'.
cite = rightsdata.Citation(source="source:a")
born = "1960"
person = rightsdata.Person(id="person:a", name="A", born=born, citations=(cite,))  # error: arg-type

# The record classes are final: a dataset, the converter and the files know only their fields.
import attrs  # noqa: E402


@attrs.frozen
class MyPerson(rightsdata.Person):  # error: misc
    note: str | None = None


# A problem's code is one of rightsdata.PROBLEM_CODES: a misspelt one is an error, and so is
# a match that leaves one out where its last case says that none is left.
def counted_missing(problems: list[rightsdata.Problem]) -> int:
    return sum(p.code == "mising" for p in problems)  # error: comparison-overlap


def handled(problem: rightsdata.Problem) -> str:
    match problem.code:
        case rightsdata.ProblemCode.MISSING | "type":
            return "fix the record"
        case _:
            assert_never(problem.code)  # error: arg-type


rightsdata.Problem("persons.json", "is empty", "synatx")  # error: arg-type
