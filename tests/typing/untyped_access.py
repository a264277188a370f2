"""A mistake a type checker should catch: ds.get(id) is any of nine record classes.

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
