"""Mistakes a type checker should catch: ds.get(id) is any of ten record classes; and what
a constructor converts at run time (a list, a date's text) is not what its fields' types say.

tests/test_typing.py runs ``mypy --strict`` on this file and expects exactly the errors
marked on each line (``# error: <code>``), and no others.
"""

from __future__ import annotations

import rightsdata

ds = rightsdata.load()

penalty = ds.get("event:kozlov-verdict-2012-10-08").penalty  # error: union-attr
name: str = ds.persons["person:vladimir-kozlov"].title  # error: attr-defined
maybe = ds.persons.get("person:vladimir-kozlov")
surname: str = maybe.name  # error: union-attr

# A constructor converts these at run time (docs/concepts.md), but its types are the fields'.
cite = rightsdata.Citation(source="source:a")
born = "1960"
person = rightsdata.Person(id="person:a", name="A", born=born, citations=(cite,))  # error: arg-type
