"""Where a problem is: the record it concerns, named by its place in the files and by its ID.

A problem in a record is located by the record's place, its ID, and the field's path in it:

- a folder's file: ``events.json[12] event:kozlov-verdict.date`` (index from 0);
- a list in one JSON document: ``all.json:events[12] event:kozlov-verdict.date``;
- JSON Lines: ``data.jsonl:40 event:kozlov-verdict.date`` (line from 1);
- records built in Python: ``events[12] event:kozlov-verdict.date``.

A record whose ``id`` is absent or null is named ``(no id)`` instead of an ID, one whose
``id`` is not a well-formed ID ``(invalid id)`` (its ``.id`` problem says why): its index or
line still places it, and no ID is made up. A value that is not an object is no record at all,
and is named by its place alone (``events.json[3]: expected an object, got an integer (5)``).
The parts are the :class:`~rightsdata.Problem`'s attributes too (``file``, ``kind``,
``index``, ``line``, ``record_id``, ``field``).

Nothing here runs while the data is valid: a reader hands :class:`Places` (a few attributes
per kind) to the converter and the integrity check, and a record's location is built only
when a problem in it is found.

>>> places = Places("events", "events.json")
>>> problem = places.of_document(12, {"id": "event:kozlov-verdict"}).problem(
...     "date", "'2012-13-01' is not an EDTF date"
... )
>>> print(problem)
events.json[12] event:kozlov-verdict.date: '2012-13-01' is not an EDTF date
>>> problem.file, problem.index, problem.record_id, problem.field
('events.json', 12, 'event:kozlov-verdict', 'date')
>>> nameless = places.of_document(13, {"title": "A protest"})
>>> print(nameless.problem("kind", "required field is missing"))
events.json[13] (no id).kind: required field is missing
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from rightsdata._values.errors import Problem, ProblemCode, ProblemCodeValue
from rightsdata._values.ids import is_valid_id

__all__ = ["INVALID_ID", "NO_ID", "Places", "RecordPlace", "identify", "places_of"]

#: Said in place of the ID of a record (an object) whose ``id`` is absent or null.
NO_ID: Final = "(no id)"
#: Said in place of the ID of a record whose ``id`` is not a well-formed ID.
INVALID_ID: Final = "(invalid id)"


def identify(document: object) -> tuple[str | None, str]:
    """The ID a JSON document gives its record (or None), and what a location says instead
    when it gives none (``""`` for a value that is not an object: no record at all).

    >>> identify({"id": "person:a"}), identify({"id": 5}), identify({}), identify([])
    (('person:a', ''), (None, '(invalid id)'), (None, '(no id)'), (None, ''))
    """
    if type(document) is not dict:
        return None, ""
    value = document.get("id")
    if value is None:
        return None, NO_ID
    if type(value) is str and is_valid_id(value):
        return value, ""
    return None, INVALID_ID


class RecordPlace:
    """One record's place (``events.json[12]``) and ID: it builds the problems located in it.

    >>> place = RecordPlace("data.jsonl:40", "event:a", file="data.jsonl", kind="events", line=40)
    >>> place.problem("participants[1].actor", "'person:x' does not exist").location
    'data.jsonl:40 event:a.participants[1].actor'
    """

    __slots__ = ("file", "index", "kind", "line", "name", "record_id")

    def __init__(
        self,
        position: str,
        record_id: str | None = None,
        *,
        note: str = "",
        file: str | None = None,
        kind: str | None = None,
        index: int | None = None,
        line: int | None = None,
    ) -> None:
        #: how a location names the record: its place, then its ID (or why it has none)
        shown = record_id if record_id is not None else note
        self.name = f"{position} {shown}" if shown else position
        self.record_id = record_id
        self.file = file
        self.kind = kind
        self.index = index
        self.line = line

    def problem(
        self,
        field: str,
        message: str,
        code: ProblemCodeValue = ProblemCode.VALUE,
        missing_id: str | None = None,
        redirects_to: str | None = None,
    ) -> Problem:
        """A problem in ``field`` (a path: ``"figures[0].low"``; ``""``: the whole record);
        ``missing_id``: the ID it names that no record has (:attr:`Problem.missing_id`), and
        ``redirects_to``, where that ID is a retired one, the ID it redirects to."""
        if not field:
            location = self.name
        elif field[0] == "[":
            location = self.name + field
        else:
            location = f"{self.name}.{field}"
        return Problem(
            location,
            message,
            code,
            file=self.file,
            kind=self.kind,
            index=self.index,
            line=self.line,
            record_id=self.record_id,
            field=field or None,
            missing_id=missing_id,
            redirects_to=redirects_to,
        )


class Places:
    """Where the records of one kind are, so that a problem can name one of them.

    The records are a list in a file (``Places("events", "events.json")``: ``events.json[3]``),
    a list under the kind's key in one JSON document (``keyed=True``: ``all.json:events[3]``),
    lines of a JSON Lines file (``lines=[...]``, each record's line number: ``data.jsonl:40``),
    or records built in Python (no file: ``events[3]``). ``indexes`` gives, when only some of
    a list's records are at hand, each one's index in the list.
    """

    __slots__ = ("file", "indexes", "keyed", "kind", "lines")

    def __init__(
        self,
        kind: str,
        file: str | None = None,
        *,
        keyed: bool = False,
        lines: Sequence[int] | None = None,
        indexes: Sequence[int] | None = None,
    ) -> None:
        self.kind = kind
        self.file = file
        self.keyed = keyed
        self.lines = lines
        self.indexes = indexes

    @property
    def label(self) -> str:
        """The list's own location: ``events.json``, ``all.json:events``, ``events``."""
        if self.file is None:
            return self.kind
        return f"{self.file}:{self.kind}" if self.keyed else self.file

    def position(self, n: int) -> str:
        """Where the ``n``-th record at hand is, without its ID: ``events.json[3]``."""
        if self.lines is not None:
            return f"{self.file}:{self.lines[n]}"
        index = n if self.indexes is None else self.indexes[n]
        return f"{self.label}[{index}]"

    def at(self, n: int, record_id: str | None, note: str = "") -> RecordPlace:
        """The ``n``-th record at hand, whose ID is ``record_id`` (or, if None, ``note`` says
        why it has none)."""
        if self.lines is not None:
            index, line = None, self.lines[n]
        else:
            index, line = (n if self.indexes is None else self.indexes[n]), None
        return RecordPlace(
            self.position(n),
            record_id,
            note=note,
            file=self.file,
            kind=self.kind,
            index=index,
            line=line,
        )

    def of_document(self, n: int, document: object) -> RecordPlace:
        """The ``n``-th record at hand, named by the ID its JSON ``document`` gives."""
        return self.at(n, *identify(document))

    def subset(self, kept: Sequence[int]) -> Places:
        """The places of the records at hand numbered ``kept`` (the others failed)."""
        if self.lines is not None:
            return Places(self.kind, self.file, lines=[self.lines[n] for n in kept])
        indexes = list(kept) if self.indexes is None else [self.indexes[n] for n in kept]
        return Places(self.kind, self.file, keyed=self.keyed, indexes=indexes)

    def problem(self, message: str, code: ProblemCodeValue) -> Problem:
        """A problem in the list as a whole (``all.json:events: expected a list``)."""
        return Problem(self.label, message, code, file=self.file, kind=self.kind)


def places_of(kind: str, where: str | Places) -> Places:
    """``where`` as :class:`Places`: a name is a file's (``"events.json"``)."""
    return where if isinstance(where, Places) else Places(kind, where)
