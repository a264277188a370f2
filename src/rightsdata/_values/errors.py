"""The errors rightsdata raises on purpose, and the problems they carry.

Every error the library raises deliberately is a :class:`RightsdataError`. Bad data raises one
:class:`InvalidDataError` listing every problem found, each with the place it was found
(file, record, field) and a plain-language message. A problem in a record names the record by
its place in the files and its ID (:mod:`rightsdata._values.places` builds such problems).

>>> from rightsdata._values.errors import InvalidDataError, Problem
>>> err = InvalidDataError([Problem("datapackage.json.version", "expected text, got null")])
>>> print(err.problems[0])
datapackage.json.version: expected text, got null
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal, SupportsIndex, TypeAlias, TypeVar, cast, get_args

from rightsdata._values.controls import ESCAPES
from rightsdata._values.ownstate import own_attributes, slot_values

__all__ = [
    "PROBLEM_CODES",
    "DatasetVersionError",
    "FieldError",
    "InvalidDataError",
    "Problem",
    "ProblemCode",
    "ProblemCodeValue",
    "Problems",
    "RightsdataError",
    "UnknownDatasetError",
    "UnknownIdError",
    "counted",
    "counted_kind",
    "problem_parts",
]

_T = TypeVar("_T")
_TEXT_OR_NONE: Final = (str, type(None))
_INT_OR_NONE: Final = (int, type(None))

#: How many problems ``str(InvalidDataError)`` shows before summarising the rest.
SHOWN_PROBLEMS: Final = 50


#: A problem's code as text (``Problem.code``), one of :data:`PROBLEM_CODES`: a type
#: checker then knows the set, so that it checks a ``match problem.code:`` for every code and
#: tells a misspelt one (``problem.code == "mising"``). The one statement of the codes:
#: :data:`PROBLEM_CODES` is read from it, and a test keeps :class:`ProblemCode` to it.
ProblemCodeValue: TypeAlias = Literal[
    "syntax",
    "limit",
    "type",
    "missing",
    "unknown_field",
    "value",
    "rule",
    "integrity",
    "schema",
    "package",
    "newer_format",
    "file",
    "strict",
    "version",
]
#: Every code a :class:`Problem` may carry, in :class:`ProblemCode`'s order: to map each to a
#: program's own handling, and to see a new one in a new release (adding a code is no
#: breaking change, docs/api.md).
PROBLEM_CODES: Final[tuple[ProblemCodeValue, ...]] = get_args(ProblemCodeValue)
_KNOWN_CODES: Final = frozenset(PROBLEM_CODES)


class ProblemCode:
    """The codes a :class:`Problem` may carry, by name, so that callers can sort problems by
    cause. Each is the text ``Problem.code`` holds (``ProblemCode.MISSING == "missing"``),
    typed as that one code (a ``Literal``); :data:`PROBLEM_CODES` lists them all, and
    :data:`ProblemCodeValue` is their type.

    >>> import rightsdata
    >>> try:
    ...     rightsdata.load_documents({"persons": [{"id": "person:a", "name": "A"}]})
    ... except rightsdata.InvalidDataError as error:
    ...     [p.field for p in error.problems if p.code == rightsdata.ProblemCode.MISSING]
    ['citations']
    """

    SYNTAX: Final = "syntax"  #: the file is not readable JSON (or JSON Lines)
    LIMIT: Final = "limit"  #: a size or nesting limit was exceeded
    TYPE: Final = "type"  #: a value has the wrong JSON type
    MISSING: Final = "missing"  #: a required field is absent
    UNKNOWN_FIELD: Final = "unknown_field"  #: a field the model does not have
    VALUE: Final = "value"  #: a value of the right type that is not allowed (pattern, term, date)
    RULE: Final = "rule"  #: fields of one record that contradict each other (low > high)
    INTEGRITY: Final = "integrity"  #: records that do not fit together (a dangling reference)
    SCHEMA: Final = "schema"  #: reported by JSON Schema validation
    PACKAGE: Final = "package"  #: the data package descriptor (datapackage.json) is wrong
    #: the data declares a file format newer than this rightsdata reads: nothing is wrong
    #: with it, and a newer rightsdata reads it
    NEWER_FORMAT: Final = "newer_format"
    #: a path that cannot be read as a file: a directory, FIFO or device, a broken symbolic
    #: link, no permission
    FILE: Final = "file"
    #: well-formed data that is almost certainly wrong (an unassigned country code, a
    #: participant named twice): reported only by a strict check (``strict=True``)
    STRICT: Final = "strict"
    #: the dataset's version does not meet the version required of it: what the command
    #: line's ``--json`` reports of a base given as ``NAME@VERSION`` (in Python,
    #: ``load(version=)`` raises :class:`DatasetVersionError`); nothing may be wrong with it
    VERSION: Final = "version"


def known_code(code: str) -> ProblemCodeValue:
    """``code``, if it is one of :data:`PROBLEM_CODES`; else a ValueError naming them (a
    program's own code would be a code no other program knows to handle).

    >>> known_code("missing")
    'missing'
    >>> known_code("mising")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: unknown problem code 'mising' (did you mean 'missing'?); a Problem's code is ...
    >>> known_code("MISSING")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: unknown problem code 'MISSING' (the constant `ProblemCode.MISSING` is ...
    """
    if code in _KNOWN_CODES:
        return code
    from rightsdata._values.shell import python_call  # (only when wrong)
    from rightsdata._values.spelling import spelled_like

    listed = python_call("rightsdata.PROBLEM_CODES")
    # (a constant's name given as its text: the constant, not a close spelling, is meant)
    named = code.lower() if code.isupper() else None
    if named in _KNOWN_CODES:
        hint = f" (the constant {python_call(f'ProblemCode.{code}')} is {named!r})"
    else:
        hint = spelled_like(code, PROBLEM_CODES)
    raise ValueError(
        f"unknown problem code {shown_repr(code)}{hint}; a "
        f"Problem's code is one of {listed}: {', '.join(PROBLEM_CODES)}"
    )


class Problem:
    """One thing wrong with the data, and where. Immutable.

    ``location`` reads like a path into the files. A problem in a record names the record by
    its place and its ID, then the field: ``events.json[12] event:kozlov-verdict.date``
    (docs/loading.md lists the forms); other problems name a file or a place in one
    (``datapackage.json.resources[0].bytes``). ``code`` is one of :class:`ProblemCode`'s
    values (:data:`PROBLEM_CODES`; another is a ValueError), typed as one of them
    (:data:`ProblemCodeValue`).

    The parts of a record's location are attributes too, so that programs need not parse it:
    ``file`` (``"events.json"``), ``kind`` (``"events"``), ``index`` (the record's position in
    its list, from 0) or ``line`` (JSON Lines, from 1), ``record_id`` (None when the record has
    no well-formed ID) and ``field`` (``"figures[0].low"``; None for the record as a whole).
    Each is None where it does not apply: a problem that concerns no record has only the
    ``file`` it concerns (``"datapackage.json"``), or none (a folder with no record files).

    ``missing_id`` is the ID that a reference names and no record has (``"person:x"``, for
    ``'person:x' does not exist``): set on each ``integrity`` problem of a reference to
    nothing (a record's field, a redirect's ``to``), None on every other problem. A program
    can look the IDs up elsewhere, or gather what is missing, without reading the message.
    ``redirects_to`` is, where that ID is a retired one (a redirect's ``id``: the data's own
    redirects, or its base's, ``load_path(..., base=rightsdata.load())``), the ID the
    redirects lead it to, the record to refer to instead (``'org:kazakhstan-authorities'``:
    ``'group:kazakhstan-authorities'``); None on every other problem, and where the redirects
    lead to no record (a redirect to nothing, redirects in a cycle: problems of their own).
    A program rewrites the reference from it, without reading the message.

    Problems are equal (and hash alike) when their location, message and code are: the
    attributes above are parts of the location, or facts the message states, and two
    problems at one place of one code can differ in their message alone (a record's ``id``
    used twice in the data and also the base's: two ``integrity`` problems at ``...id``),
    which equality without the message would make one (a set of problems would lose one). A
    test that should outlast a rewording (the words are for people, and may change in any
    release: docs/api.md) compares the parts it means, not the problems:
    ``[(p.location, p.code, p.missing_id) for p in problems]``.

    >>> problem = Problem(
    ...     "events.json[12] event:kozlov-verdict.date",
    ...     "'2012-13-01' is not an EDTF date",
    ...     file="events.json", kind="events", index=12,
    ...     record_id="event:kozlov-verdict", field="date",
    ... )
    >>> print(problem)
    events.json[12] event:kozlov-verdict.date: '2012-13-01' is not an EDTF date
    >>> problem.record_id, problem.field
    ('event:kozlov-verdict', 'date')
    >>> problem.missing_id is None
    True

    :meth:`_asdict` gives every attribute by name, as a row of a table of problems
    (``pd.DataFrame([p._asdict() for p in error.problems])``).
    """

    # A plain class, not attrs: `import rightsdata` imports this module, and stays light.
    __slots__ = (
        "code",
        "field",
        "file",
        "index",
        "kind",
        "line",
        "location",
        "message",
        "missing_id",
        "record_id",
        "redirects_to",
    )

    location: str
    message: str
    #: The problem's code, one of :data:`PROBLEM_CODES` (:class:`ProblemCode` names each).
    code: ProblemCodeValue
    #: The file's name as the location shows it (``"events.json"``, ``"data.jsonl"``).
    file: str | None
    #: The kind of the record (``"events"``).
    kind: str | None
    #: The record's position in its list, from 0 (a folder's file, a JSON document's list).
    index: int | None
    #: The record's line, from 1 (JSON Lines).
    line: int | None
    #: The record's ID; None when it has none that is well formed (or concerns no record).
    record_id: str | None
    #: The field's path within the record (``"figures[0].low"``); None for the whole record.
    field: str | None
    #: The ID a reference names that no record has (an ``integrity`` problem); else None.
    missing_id: str | None
    #: Where :attr:`missing_id` is a retired ID, the ID its redirects lead to; else None.
    redirects_to: str | None

    def __init__(
        self,
        location: str,
        message: str,
        code: ProblemCodeValue = ProblemCode.VALUE,
        *,
        file: str | None = None,
        kind: str | None = None,
        index: int | None = None,
        line: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
        missing_id: str | None = None,
        redirects_to: str | None = None,
    ) -> None:
        # One test of every argument first: a failed load makes a Problem per problem (100,000
        # problems: 0.32 s with each argument checked by name, 0.21 s so), and only a wrong
        # one needs the named check that says which it is.
        if not (
            isinstance(location, str)
            and isinstance(message, str)
            and isinstance(code, str)
            and code in _KNOWN_CODES
            and (file is None or isinstance(file, str))
            and (kind is None or isinstance(kind, str))
            and (record_id is None or isinstance(record_id, str))
            and (field is None or isinstance(field, str))
            and (missing_id is None or isinstance(missing_id, str))
            and (redirects_to is None or isinstance(redirects_to, str))
            and (index is None or type(index) is int)
            and (line is None or type(line) is int)
        ):
            for name, text in (("location", location), ("message", message), ("code", code)):
                checked(text, name, "a str", str)
            for name, maybe in (("file", file), ("kind", kind), ("record_id", record_id)):
                checked(maybe, name, "a str or None", _TEXT_OR_NONE)
            for name, maybe in (
                ("field", field),
                ("missing_id", missing_id),
                ("redirects_to", redirects_to),
            ):
                checked(maybe, name, "a str or None", _TEXT_OR_NONE)
            checked(index, "index", "an int or None", _INT_OR_NONE)
            checked(line, "line", "an int or None", _INT_OR_NONE)
            known_code(code)
        setter = object.__setattr__
        setter(self, "location", printable(location))
        setter(self, "message", printable(message))
        setter(self, "code", code)
        setter(self, "file", None if file is None else printable(file))
        setter(self, "kind", kind)
        setter(self, "index", index)
        setter(self, "line", line)
        setter(self, "record_id", record_id)
        setter(self, "field", None if field is None else printable(field))
        setter(self, "missing_id", missing_id)
        setter(self, "redirects_to", redirects_to)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Problem is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.location, self.message, self.code) == (
            other.location,
            other.message,
            other.code,
        )

    def __hash__(self) -> int:
        return hash((self.location, self.message, self.code))

    def __repr__(self) -> str:
        return f"Problem(location={self.location!r}, message={self.message!r}, code={self.code!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        made = (
            _unpickle_problem,
            (
                self.location,
                self.message,
                self.code,
                self.file,
                self.kind,
                self.index,
                self.line,
                self.record_id,
                self.field,
                self.missing_id,
                type(self),
                self.redirects_to,
            ),
        )
        if type(self) is Problem:
            return made
        # a program's subclass: its own attributes too (__dict__, __slots__)
        return (*made, own_attributes(self, Problem) or None)

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        """Set a subclass's own attributes, :meth:`__reduce__`'s state (past the immutable
        ``__setattr__``)."""
        for name, value in (state or {}).items():
            object.__setattr__(self, name, value)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def _asdict(self) -> dict[str, Any]:
        """The problem as a dict: ``location``, ``message`` and ``code``, then the location's
        parts (``file``, ``kind``, ``index``, ``line``, ``record_id``, ``field``),
        ``missing_id`` and ``redirects_to``, each None where it does not apply; the keys and
        values of ``rightsdata validate --json``'s objects. Named as a named tuple's, so that
        a list of them is a table: ``pd.DataFrame([p._asdict() for p in error.problems])``.

        >>> Problem("persons.json", "is empty", "syntax", file="persons.json")._asdict()
        ... # doctest: +NORMALIZE_WHITESPACE
        {'location': 'persons.json', 'message': 'is empty', 'code': 'syntax',
         'file': 'persons.json', 'kind': None, 'index': None, 'line': None,
         'record_id': None, 'field': None, 'missing_id': None, 'redirects_to': None}
        """
        return {
            "location": self.location,
            "message": self.message,
            "code": self.code,
            **problem_parts(self),
        }


def pretty_problems(problems: Sequence[Problem], printer: Any, cycle: bool) -> None:
    """IPython's display of a list or tuple of ``problems`` (``printer``, its
    ``RepresentationPrinter``): as its ``repr``, the first :data:`SHOWN_PROBLEMS` only, then
    how many more, as ``str(InvalidDataError)`` shows them; a failed load's thousands of
    problems, echoed in a notebook, would flood it (all are in the sequence still)."""
    opening, closing = ("(", ")") if isinstance(problems, tuple) else ("[", "]")
    if cycle:  # (a sequence of problems holds none of its own: never, but the protocol asks)
        printer.text(f"{opening}...{closing}")
        return
    with printer.group(1, opening, closing):
        for index, problem in enumerate(problems[:SHOWN_PROBLEMS]):
            if index:
                printer.text(",")
                printer.breakable()
            printer.text(repr(problem))
        if len(problems) > SHOWN_PROBLEMS:
            printer.text(",")
            printer.breakable()
            printer.text(f"... and {len(problems) - SHOWN_PROBLEMS:,} more (of {len(problems):,})")
        elif len(problems) == 1 and isinstance(problems, tuple):
            printer.text(",")


class ProblemTuple(tuple[Problem, ...]):
    """:attr:`InvalidDataError.problems`: a tuple, shown in IPython as
    :func:`pretty_problems` shows it (its ``repr``, ``==`` and everything else a tuple's)."""

    __slots__ = ()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        pretty_problems(self, printer, cycle)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))  # (pickled as a tuple, which the error wraps again)


def problem_parts(problem: Problem) -> dict[str, Any]:
    """What ``problem`` says beside its location, message and code, by the keywords
    :class:`Problem` takes: its location's parts (file, kind, index, line, record ID, field)
    and the ID it finds missing, with the ID that replaces it where it is a retired one: for a
    problem worded again at the same place, and for a report that gives them one by one.

    >>> problem_parts(Problem("persons.json", "is not valid JSON", file="persons.json"))["file"]
    'persons.json'
    """
    return {
        "file": problem.file,
        "kind": problem.kind,
        "index": problem.index,
        "line": problem.line,
        "record_id": problem.record_id,
        "field": problem.field,
        "missing_id": problem.missing_id,
        "redirects_to": problem.redirects_to,
    }


def _unpickle_problem(
    location: str,
    message: str,
    code: ProblemCodeValue,
    file: str | None,
    kind: str | None,
    index: int | None,
    line: int | None,
    record_id: str | None,
    field: str | None,
    missing_id: str | None = None,
    cls: type[Problem] = Problem,
    redirects_to: str | None = None,
) -> Problem:
    """A pickled :class:`Problem` made again; of ``cls``, a program's subclass, made as a
    Problem is (its own ``__init__``, which may take other arguments, is not called). Each
    attribute added later comes last, with a default, so that a pickle made before it still
    reads (``redirects_to`` after ``cls``)."""
    made = Problem.__new__(cls)
    Problem.__init__(
        made,
        location,
        message,
        code,
        file=file,
        kind=kind,
        index=index,
        line=line,
        record_id=record_id,
        field=field,
        missing_id=missing_id,
        redirects_to=redirects_to,
    )
    return made


class Problems(list[Problem]):
    """The problems :func:`rightsdata.validate` found, a list (empty if the data is valid),
    and ``unchecked``: the record kinds (``("persons",)``) not checked in full, because some
    of their records could not be read (references to them, and the checks that need their
    records), as :class:`InvalidDataError`'s ``unchecked`` names them; for one kind's file
    checked alone (``validate("ds/events.json")``), the kinds its references name as well,
    which no check of the file alone can judge. An empty list with nothing unchecked is the
    whole answer; a list with ``unchecked`` is all that one run could find, and a run after
    the fixes may find more.

    It is a list in every other way (``== []``, ``len``, indexing, a slice or a sum is a plain
    list): equality compares the problems alone (``unchecked`` is never given without
    one). Its ``repr`` is a list's, with ``unchecked`` added where there is some; IPython
    shows the first 50 problems of it, then ``... and N more``, as ``str(InvalidDataError)``
    does; :meth:`copy` keeps ``unchecked``, as ``copy.copy`` and pickling do.

    Made by hand, it takes an iterable of :class:`Problem` objects only (not one Problem
    alone: ``Problems([problem])``), and ``unchecked`` as an iterable of kinds' names, kept
    in the order given (``rightsdata.validate`` gives them in the order of
    ``rightsdata.KINDS``): anything else (a bare string, bytes, None, a number, a Problem alone)
    raises ``TypeError`` saying what to give. The names are not checked against
    ``rightsdata.KINDS`` (this module is below the model, which lists them). Those checks are
    the constructor's: ``append``, ``extend`` and ``+=`` are a list's, and check nothing.

    >>> found = Problems([Problem("persons.json", "is empty")], unchecked=["persons"])
    >>> len(found), found[0].location, found.unchecked
    (1, 'persons.json', ('persons',))
    >>> found == [Problem("persons.json", "is empty")], Problems() == []
    (True, True)
    >>> found.copy().unchecked
    ('persons',)
    """

    # Slots, not a __dict__: the object stays a list and the attributes its additions.
    __slots__ = ("stopped_at", "unchecked")

    #: The kinds not checked in full: references to them, and checks that need their records
    #: (those :func:`rightsdata.validate` gives: in the order of ``rightsdata.KINDS``).
    unchecked: tuple[str, ...]
    #: The ``max_problems`` the check stopped at, having found that many problems (the data
    #: may have more); None when the list is every problem found.
    stopped_at: int | None

    def __init__(
        self,
        problems: Iterable[Problem] = (),
        unchecked: Iterable[str] = (),
        *,
        stopped_at: int | None = None,
    ) -> None:
        given = _not_many(problems)
        if given is not None:
            from rightsdata._values.shell import python_call  # (a message's)

            raise TypeError(
                f"Problems takes an iterable of Problem objects, not {given}: "
                f"{python_call('Problems([problem])')}, or {python_call('Problems()')} for none"
            )
        super().__init__(problems)
        for index, item in enumerate(self):
            if not isinstance(item, Problem):
                raise TypeError(
                    f"Problems holds Problem objects; item {index} is {what_was_given(item)}"
                )
        given = _not_many(unchecked, "['persons']")
        if given is not None:
            raise TypeError(
                "unchecked is an iterable of record kinds' names (['persons']), not "
                f"{given}{' (give () for none)' if unchecked is None else ''}"
            )
        self.unchecked = tuple(unchecked)
        for kind in self.unchecked:
            if not isinstance(kind, str):
                given = _one(kind, "'persons'")
                raise TypeError(f"unchecked names record kinds ('persons'), not {given}")
        self.stopped_at = _stopped_at(stopped_at)

    def copy(self) -> Problems:
        """A shallow copy, with the same ``unchecked`` and ``stopped_at`` (a list's ``copy``
        would drop them).

        >>> found = Problems([Problem("persons.json", "is empty")], stopped_at=1)
        >>> kept = found.copy()
        >>> kept == found, kept is found, kept.stopped_at
        (True, False, 1)
        """
        return type(self)(self, self.unchecked, stopped_at=self.stopped_at)

    def __repr__(self) -> str:
        listed = super().__repr__()
        added = f", unchecked={self.unchecked!r}" if self.unchecked else ""
        added += f", stopped_at={self.stopped_at!r}" if self.stopped_at is not None else ""
        return f"Problems({listed}{added})" if added else listed

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's display: the ``repr``, with the first 50 problems only and how many more
        (as ``str(InvalidDataError)`` shows them), so that thousands do not flood a
        notebook."""
        added = [f"unchecked={self.unchecked!r}"] if self.unchecked else []
        if self.stopped_at is not None:
            added.append(f"stopped_at={self.stopped_at!r}")
        if not added:
            pretty_problems(self, printer, cycle)
            return
        with printer.group(9, "Problems(", ")"):
            pretty_problems(self, printer, cycle)
            for text in added:
                printer.text(",")
                printer.breakable()
                printer.text(text)

    def __reduce__(self) -> tuple[Any, ...]:
        # (with a subclass's own attributes, `self.tag = ...` in its __dict__ or its __slots__,
        # as its state: Problems has none)
        own = own_attributes(self, Problems) or None
        if self.stopped_at is None:
            return (type(self), (list(self), self.unchecked), own)
        from functools import partial  # (pickle passes no keywords to a class)

        made = partial(type(self), stopped_at=self.stopped_at)
        return (made, (list(self), self.unchecked), own)

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        """Set a subclass's own attributes, :meth:`__reduce__`'s state (slots have no
        ``__dict__`` for pickle's default to fill)."""
        for name, value in (state or {}).items():
            object.__setattr__(self, name, value)


def _stopped_at(value: int | None) -> int | None:
    """``value``, checked as a ``stopped_at`` (of :class:`Problems` and
    :class:`InvalidDataError`): a positive int, or None.

    >>> _stopped_at(3), _stopped_at(None)
    (3, None)
    """
    if value is not None and (type(value) is not int or value < 1):
        raise TypeError(
            f"stopped_at is the max_problems a check stopped at (a positive int) or None, "
            f"not {_one(value)}"
        )
    return value


def _one(value: object, decoded: str = "") -> str:
    """``value`` as a wrong argument or item is named (:func:`what_was_given`), and for
    bytes, where ``decoded`` says what text they stand for, that they be decoded."""
    if isinstance(value, (bytes, bytearray)) and decoded:
        return f"bytes ({shown_repr(value)}; decode them: {decoded})"
    return what_was_given(value)


def _not_many(value: object, decoded: str = "") -> str | None:
    """What ``value`` is, where an iterable of items is wanted and it is not one, or holds
    items one would not mean (None, a string, bytes, a Problem alone, a number), else None
    (``decoded``: as :func:`_one` takes it).

    >>> _not_many(b"ab"), _not_many(5), _not_many([1]) is None
    ("bytes (b'ab')", 'an int (5)', True)
    """
    if value is None:
        return "None"
    if isinstance(value, str):
        return f"one string ({shown_repr(value)})"
    if isinstance(value, Problem):
        return f"one Problem alone ({shown_repr(value)})"
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
        return _one(value, decoded)
    return None


def shown_repr(value: object) -> str:
    """``value``'s repr as an error names it (a wrong argument's, a wrong item's), printable
    and cut to 60 characters.

    An integer of more than :data:`SHOWN_DIGITS` digits is told by their count
    (:func:`shown_number`): Python refuses to write one of more than 4,300.

    >>> shown_repr("x" * 70)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    >>> shown_repr(True), shown_repr(10**5000), shown_repr((10**5000,))
    ('True', 'a number of 5,001 digits', 'a tuple')

    A ``repr`` over several lines (a table's rows, a data frame) is told by the value's type
    alone (:func:`what_was_given`): a message is one line.
    """
    if type(value) is int:
        return shown_number(value)
    written = _one_line_repr(value)
    if written is None:  # (a listing, or an integer past Python's limit inside it)
        return what_was_given(value)
    shown = printable(written)
    return shown if len(shown) <= 60 else shown[:57] + "..."


#: The public modules whose names a class is told by (``rightsdata.display.Table``), the
#: package's own first.
_PUBLIC_MODULES: Final = (
    "rightsdata",
    "rightsdata.tables",
    "rightsdata.display",
    "rightsdata.textcard",
    "rightsdata.vocab",
    "rightsdata.schema",
    "rightsdata.plot",
    "rightsdata.testing",
)


def public_name(cls: type) -> str:
    """``cls``'s name as a user writes it: a builtin's alone (``int``), one of rightsdata's
    by the public module that holds it (``rightsdata.display.Table``, never its private
    ``rightsdata._display.display``: two classes are called ``Table``), another by its
    package (``pandas.DataFrame``).

    >>> from rightsdata._tables.tables import Table
    >>> public_name(int), public_name(Table)
    ('int', 'rightsdata.tables.Table')
    """
    import sys

    module, name = cls.__module__, cls.__qualname__
    if module == "builtins":
        return name
    package = module.partition(".")[0]
    if package != "rightsdata":
        return f"{package}.{name}"
    if module == package:  # (a class given its public name: name_publicly)
        return f"{package}.{name}"
    # the module a private package's classes are published by (rightsdata._tables: tables)
    published = f"{package}.{module.split('.')[1].lstrip('_')}"
    if published in _PUBLIC_MODULES and published not in sys.modules:
        import importlib

        importlib.import_module(published)  # (light: the class's own module is imported)
    # the package's own names first, those it imports on first access too: a module that
    # imports a class for its own use (textcard's Event) is not where users find it
    lazy = sys.modules.get("rightsdata")
    if lazy is not None and module == vars(lazy).get("_LAZY", {}).get(cls.__name__):
        return f"rightsdata.{cls.__name__}"
    for public in _PUBLIC_MODULES:
        held = sys.modules.get(public)  # (one not imported holds none of the values given)
        if held is not None and vars(held).get(cls.__name__) is cls:
            return f"{public}.{cls.__name__}"
    return name


def what_was_given(value: object) -> str:
    """A wrong argument as every message names it (``..., not {what_was_given(value)}``),
    in one line: its type by its public name (:func:`public_name`) and, for a plain value (a
    number, a str, bytes), that value too (``an int (5)``, ``a str ('yes')``, cut as
    :func:`shown_repr` cuts it); a class as such (``the class rightsdata.Event``); never a
    ``repr`` that may run over lines (a table's rows). The library's own names are in
    backticks, as a call a message advises.

    >>> from rightsdata._tables.tables import get_table
    >>> what_was_given(5), what_was_given(None), what_was_given(b"x"), what_was_given(int)
    ('an int (5)', 'None', "bytes (b'x')", 'the class int')
    >>> what_was_given("yes"), what_was_given(True), what_was_given(10**5000)
    ("a str ('yes')", 'a bool (True)', 'an int (a number of 5,001 digits)')
    >>> what_was_given(get_table("events")), what_was_given([1, 2])
    ('a `rightsdata.tables.Table`', 'a list')
    """
    if value is None:
        return "None"
    if isinstance(value, (bytes, bytearray)):
        return f"bytes ({shown_repr(value)})"
    if isinstance(value, bool | int | float | str):
        return f"{with_article(type(value).__name__)} ({shown_repr(value)})"
    cls = value if isinstance(value, type) else type(value)
    name = public_name(cls)
    if name.startswith("rightsdata."):  # the library's Python, marked as a message marks it
        name = f"`{name}`"
    return f"the class {name}" if cls is value else with_article(name)


def checked(value: _T, name: str, taken: str, types: type | tuple[type, ...]) -> _T:
    """``value``, the argument ``name``, if it is one of ``types`` (a bool is no int, though
    Python makes it one); else a TypeError saying ``name`` must be ``taken`` and what was
    given (:func:`what_was_given`): the check of an argument that has none of its own.

    >>> checked(True, "line", "an int or None", (int, type(None)))
    Traceback (most recent call last):
    TypeError: line must be an int or None, not a bool (True)
    """
    if not isinstance(value, types) or (
        type(value) is bool and bool not in (types if isinstance(types, tuple) else (types,))
    ):
        raise TypeError(f"{name} must be {taken}, not {what_was_given(value)}")
    return value


def not_a_name(
    value: object, noun: str, example: str, also: str = "", *, its: str | None = None
) -> str | None:
    """For ``value``, given where ``noun`` is taken (a table's name, a record kind, an export
    format), if it is not text: what a ``TypeError`` says, in one line, of what was given
    (:func:`what_was_given`) and what is taken (``noun``, such as ``example``, or ``also``),
    and, if ``value`` has a text attribute ``its`` (a table's ``name``, a record class's
    ``kind_name``), that that is the one to give; None for text, whose spelling the caller
    tells.

    >>> not_a_name(5, "a table's name", "events", "a list")
    "expected a table's name, such as 'events', or a list, not an int (5)"
    >>> from rightsdata._model.records import Event
    >>> print(not_a_name(Event, "a record kind", "events", its="kind_name"))
    expected a record kind, such as 'events', not the class `rightsdata.Event`; give 'events'
    >>> not_a_name("evnts", "a table's name", "events") is None
    True
    """
    if isinstance(value, str):
        return None
    taken = f"{noun}, such as {example!r}" + (f", or {also}" if also else "")
    said = f"expected {taken}, not {what_was_given(value)}"
    name = getattr(value, its, None) if its is not None else None
    return f"{said}; give {name!r}" if isinstance(name, str) else said


def not_text_key(key: object) -> str:
    """What a problem says of a key that is not text in a record, a part or a descriptor
    given in Python (YAML reads ``on:`` as ``True``, ``1:`` as ``1``, ``~:`` as ``None``): in
    Python's words, as JSON has no such key.

    >>> not_text_key(True), not_text_key(None)
    ('a key must be text, got True (bool)', 'a key must be text, got None')
    >>> not_text_key(b"id"), not_text_key(10**5000)
    ("a key must be text, got b'id' (bytes)", 'a key must be text, got a number of 5,001 digits')
    """
    shown, typed = shown_repr(key), type(key).__name__
    told = key is None or (type(key) is int and digit_count(key) > SHOWN_DIGITS)
    if not told and shown != with_article(typed):  # (where repr wrote a value: its type too)
        shown += f" ({typed})"
    return f"a key must be text, got {shown}"


def encodable(text: str) -> str:
    """``text`` with any lone surrogate escaped (``\\udc80``), so that it encodes as UTF-8;
    ``text`` itself (the same object) if it holds none.

    JSON may spell a lone surrogate (``"\\ud800"``) and Python decodes it into a ``str``
    that cannot be written out; a problem naming such a key or value must still print.

    >>> encodable("caf\\udce9")
    'caf\\\\udce9'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def printable(text: str) -> str:
    """``text`` as it may be shown: :func:`encodable`, and any control character but a tab or
    a line feed shown as its escape (``\\x1b``), so that it cannot act on the terminal that
    shows it: the characters a record's text may not hold; and the invisible characters that
    could mislead a reader (a direction override, a zero-width space) as theirs
    (``\\u202e``): :mod:`rightsdata._values.controls`.

    >>> printable("caf\\udce9"), printable("a\\x1b[2Jb"), printable("Jane\\u202eDoe")
    ('caf\\\\udce9', 'a\\\\x1b[2Jb', 'Jane\\\\u202eDoe')
    """
    if not text.isprintable():  # (a line break, a tab, any control or lone surrogate)
        text = text.translate(ESCAPES)
    return encodable(text)


#: For :meth:`str.translate`: the characters that break or space a line, which
#: :func:`printable` leaves to the text around them, to their escapes (``\\t``, ``\\n``).
_LINE_ESCAPES: Final = {
    ord("\t"): "\\t",
    ord("\n"): "\\n",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def printable_path(path: str) -> str:
    """``path`` as a line that names it shows it (``wrote 4 files to PATH``): :func:`printable`,
    and a tab or line break it holds as its escape, so that the line stays one line (a
    script reads ``fmt --check``'s one path a line) and shows the path that was used, never
    spaces for its tab.

    >>> printable_path("t\\tab/x\\u202ey"), printable_path("my data")
    ('t\\\\tab/x\\\\u202ey', 'my data')
    """
    return printable(path).translate(_LINE_ESCAPES)


def one_line(text: str) -> str:
    """``text`` as it may be shown within one line (a name in a heading or a list):
    :func:`printable`, and each run of white space (a line feed, a tab, a line separator)
    one space.

    >>> one_line("Jane\\nDoe"), one_line("Jane\\u2028 Doe\\u202e")
    ('Jane Doe', 'Jane Doe\\\\u202e')
    """
    if text.isprintable() and "  " not in text:
        return encodable(text)
    return " ".join(printable(text).split())


_JSON_NAMES: Final[dict[type, str]] = {
    str: "text",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def with_article(noun: str) -> str:
    """``noun`` with its indefinite article, by its first letter: ``'an event'``, ``'a
    person'``, ``'an Event'`` (no noun of the model starts with a silent or sounded-apart
    vowel: "a unit" would need more)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and its noun, singular for one: ``'1 event'``, ``'2 events'``, ``'1,000
    records'``; ``plural`` where adding an s will not do.

    >>> counted(1, "source"), counted(0, "record"), counted(2, "entry", "entries")
    ('1 source', '0 records', '2 entries')
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def counted_kind(n: int, kind: str) -> str:
    """``n`` records of a record kind (``'persons'``), by the kind's own word: ``'1 person'``,
    ``'2 persons'``."""
    return counted(n, kind.removesuffix("s"), kind)


#: An integer of more digits than this is told by its count of digits, not written out: a
#: message stays readable (every 64-bit integer is still shown whole), and Python refuses to
#: write one of more than 4,300 digits at all (``sys.get_int_max_str_digits``).
SHOWN_DIGITS: Final = 20


def digit_count(number: int) -> int:
    """How many digits ``number`` is written with (its sign left out), found without writing
    it out, which Python refuses past 4,300 digits.

    >>> digit_count(0), digit_count(-999), digit_count(10**5000)
    (1, 3, 5001)
    """
    number = abs(number)
    # 2 ** (bits - 1) <= number < 2 ** bits: a first guess from log10(2), then set right
    count = max(1, int(number.bit_length() * 0.30102999566398120))
    while number >= 10**count:
        count += 1
    while count > 1 and number < 10 ** (count - 1):
        count -= 1
    return count


def number_of_digits(count: int) -> str:
    """How a message tells a number too long to show: by its ``count`` of digits.

    >>> number_of_digits(5001)
    'a number of 5,001 digits'
    """
    return f"a number of {count:,} digits"


def shown_number(number: int) -> str:
    """``number`` as a message shows it: written out, or, past :data:`SHOWN_DIGITS` digits,
    by its count of digits (:func:`number_of_digits`). Never format an integer a user gave
    in a message otherwise: one of more than 4,300 digits raises ``ValueError``.

    >>> shown_number(-12), shown_number(10**5000), shown_number(-(10**30))
    ('-12', 'a number of 5,001 digits', 'a negative number of 31 digits')
    """
    count = digit_count(number)
    if count <= SHOWN_DIGITS:
        return str(number)
    told = number_of_digits(count)
    return told.replace("a ", "a negative ", 1) if number < 0 else told


def _one_line_repr(value: object) -> str | None:
    """``value``'s ``repr``, or None if Python refuses to write it (it holds an integer of
    more than 4,300 digits) or it runs over lines (a listing, such as a table's rows: a
    message is one line, and the value's type says it)."""
    try:
        shown = repr(value)
    except ValueError:
        return None
    return None if "\n" in shown or "\r" in shown else shown


def _written(value: object) -> str | None:
    """``value``'s ``repr`` in at most 40 columns, or None where :func:`_one_line_repr`
    gives none."""
    shown = _one_line_repr(value)
    if shown is None:
        return None
    if len(shown) > 20:  # (no text of 20 characters takes more than 40 columns)
        from rightsdata._values.columns import display_width, fit

        if display_width(shown) > 40:
            shown = shown[: fit(shown, 37)] + "..."
    return shown


def describe_json(value: object) -> str:
    """How a JSON value reads to a person, in JSON's words: ``"text ('5')"``, ``'an integer
    (5)'``, ``'null'``, ``'false'`` (never Python's: ``None``, ``False``); an integer of more
    than :data:`SHOWN_DIGITS` digits by their count (:func:`shown_number`).

    >>> describe_json("5"), describe_json(5), describe_json(None), describe_json(True)
    ("text ('5')", 'an integer (5)', 'null', 'true')
    >>> describe_json(10**5000)
    'a number of 5,001 digits'
    """
    if value is None or type(value) is bool:
        return "null" if value is None else "true" if value else "false"
    name = _JSON_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, list | dict):
        return name
    if type(value) is int and digit_count(value) > SHOWN_DIGITS:
        return shown_number(value)
    shown = _written(value)
    return name if shown is None else f"{name} ({shown})"


class RightsdataError(Exception):
    """Base class of the errors rightsdata raises about data and what it needs:
    :class:`InvalidDataError` (a load or a record), :class:`FieldError` (a record built in
    Python), :class:`UnknownIdError` (no record has an ID), :class:`UnknownDatasetError` (no
    bundled dataset has a name), :class:`DatasetVersionError` (a dataset's version does not
    meet the one required), ``EDTFError`` and ``DurationError`` (a date or duration that does
    not parse), and ``MissingExtraError`` (an optional dependency not installed). Each is also
    the built-in error it specialises (``ValueError``, ``KeyError`` or ``ImportError``), so
    either ``except`` catches it.

    A wrong argument to a function (an unknown record kind, a limit of 0, a number where text
    is expected) raises Python's own ``ValueError``, ``TypeError`` or ``KeyError``, as the
    standard library does.

    >>> import rightsdata
    >>> try:
    ...     rightsdata.EDTF("2012-13")
    ... except rightsdata.RightsdataError as error:
    ...     print(type(error).__name__, isinstance(error, ValueError))
    EDTFError True

    Each pickles and copies (``pickle``, ``copy.copy``, ``copy.deepcopy``) whole, as Python's
    own errors do: its arguments, and so its message and documented attributes, its notes
    (``add_note``) and any attribute set on it since it was made (but a private one, ``_name``:
    the error's own, which it rebuilds); its ``__cause__``, ``__context__`` and traceback are
    dropped, as they are for a ``ValueError``.

    >>> import copy
    >>> error = rightsdata.UnknownDatasetError("atlantis", ["kazakhstan"])
    >>> error.add_note("while loading the nightly data")
    >>> error.source = "nightly.py"
    >>> again = copy.deepcopy(error)
    >>> again.name, again.__notes__, again.source
    ('atlantis', ['while loading the nightly data'], 'nightly.py')
    """

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        """How every rightsdata error pickles and copies: remade by the callable and arguments
        its class's ``__reduce__`` gives (the constructor and what rebuilds the error: its
        message and documented attributes), then given the state Python keeps of the built-in
        error it specialises, its ``__dict__`` (:meth:`__setstate__`), less the private
        attributes (a leading underscore, not two: what the class keeps for itself, such as a
        hint not yet looked for, which its constructor rebuilds). So a class's ``__reduce__``
        says how to build it again, and need say nothing of notes or a caller's attributes;
        a state it gave would be ignored (its keywords go in a ``functools.partial``)."""
        made, args = cast("tuple[Any, ...]", self.__reduce__())[:2]
        builtin = cast("tuple[Any, ...]", super().__reduce__())  # (ImportError's: name, path)
        held: dict[str, Any] = builtin[2] if len(builtin) > 2 and builtin[2] else {}
        held = {**held, **slot_values(self, RightsdataError)}  # (a subclass's __slots__)
        state = {name: value for name, value in held.items() if not _private(name)}
        return (made, args, state)

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        """Set the attributes of ``state`` (:meth:`__reduce_ex__`'s) that the remade error
        does not have: those its constructor set stay as it made them (``problems``, a
        tuple shown capped in IPython, stays one)."""
        for name, value in (state or {}).items():
            if name not in vars(self):
                setattr(self, name, value)


def _private(name: str) -> bool:
    """Whether ``name`` is a private attribute of an error (``_hint``), not pickled: not a
    public one (``record_id``) nor a special one (``__notes__``).

    >>> _private("_hint"), _private("__notes__"), _private("record_id")
    (True, False, False)
    """
    return name.startswith("_") and not name.startswith("__")


class InvalidDataError(RightsdataError, ValueError):
    """Data that does not meet the rightsdata contract; ``problems`` lists every problem.

    Nothing is half-loaded: when this is raised, no dataset was built.

    ``unchecked`` names the record kinds (``("persons",)``) not checked in full: some of
    their records could not be read at all (a file that is not JSON, or no regular file; a
    JSON Lines line whose kind is unknown, which names every kind), so none of those was
    judged, and a reference to one of them may name a record that is there, so it is not
    reported (the kind is named even where nothing refers to it: a load after the fixes may
    report more); or references to them could not be compared with a record of theirs that
    failed to structure (a victim's birth, the rating before another: docs/loading.md);
    under ``strict``, whose records the strict checks could not read (one that failed). The
    message says so on
    its last line; :func:`rightsdata.validate` gives the same as its list's ``unchecked``.

    ``stopped_at`` is the ``max_problems`` a load was given and stopped at, having found that
    many problems (the data may have more, which it did not look for; its first line says
    so), or None when ``problems`` is every problem found (docs/loading.md, "Stopping at a
    number of problems").

    >>> import rightsdata
    >>> person = {"id": "person:a", "name": "A", "born": "2020-13"}
    >>> try:
    ...     rightsdata.load_documents({"persons": [person]})
    ... except rightsdata.InvalidDataError as error:
    ...     print(error)
    ...     print([(p.code, p.record_id, p.field) for p in error.problems])
    2 problems in documents:
      documents:persons[0] person:a.born: '2020-13' is not an EDTF date: month 13 does not exist
      documents:persons[0] person:a.citations: required field is missing
    [('value', 'person:a', 'born'), ('missing', 'person:a', 'citations')]
    """

    problems: tuple[Problem, ...]
    unchecked: tuple[str, ...]
    #: The ``max_problems`` the load stopped at, having found that many problems (the data may
    #: have more, which it did not look for); None when ``problems`` is every problem found.
    stopped_at: int | None

    def __init__(
        self,
        problems: Iterable[Problem],
        what: str = "the data",
        unchecked: Iterable[str] = (),
        *,
        stopped_at: int | None = None,
    ) -> None:
        self.problems = ProblemTuple(problems)  # (a tuple, shown capped in IPython)
        self.what = printable(what)  # a file name may not be text (bytes decoded as surrogates)
        self.unchecked = tuple(unchecked)
        self.stopped_at = _stopped_at(stopped_at)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        stopped = "" if self.stopped_at is None else f" ({stopped_note(self.stopped_at)})"
        lines = [f"{count:,} {noun} in {self.what}{stopped}:"]
        lines += [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        if count > SHOWN_PROBLEMS:
            lines.append(f"  ... and {count - SHOWN_PROBLEMS:,} more (see .problems)")
        if self.unchecked:
            lines.append(unchecked_note(self.unchecked))
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        # (stopped_at by keyword: a partial, as pickle passes no keywords to a class)
        from functools import partial

        made = partial(type(self), stopped_at=self.stopped_at)
        return (made, (self.problems, self.what, self.unchecked))


def stopped_note(max_problems: int) -> str:
    """What a load that stopped at ``max_problems`` says of it, after the count of problems.

    >>> stopped_note(1000)
    'stopped at max_problems=1000; the data may have more'
    """
    return f"stopped at max_problems={max_problems}; the data may have more"


def unchecked_note(kinds: Sequence[str]) -> str:
    """What a load says of the ``kinds`` it could not check everything of
    (:attr:`InvalidDataError.unchecked`): references to them, and the checks that need their
    records (a victim's birth, a rating's sequence, a ``part_of`` chain; under ``strict``, the
    strict checks of records that failed to load).

    >>> print(unchecked_note(["sources", "persons"]))  # doctest: +NORMALIZE_WHITESPACE
    Not checked: references to sources and persons, and checks that need their records
    (not all of them loaded); a load after the fixes may report more.
    """
    from rightsdata._values.joined import all_of  # (only when a note is written)

    named = all_of(kinds)
    return (
        f"Not checked: references to {named}, and checks that need their records (not all of "
        "them loaded); a load after the fixes may report more."
    )


class UnknownIdError(RightsdataError, KeyError):
    """No record has this ID (after following redirects).

    ``hint`` says more where there is more to say: where the ID leads, or, from the dataset
    asked, the IDs meant (``did you mean 'person:vladimir-kozlov'?``: records of the kinds
    asked for whose names match the ID or the name given in its place, IDs spelled like it, a
    country's place for its code), and for an ID without a kind an example of one of those
    kinds. Those are looked for only when the hint is first read (when the error is shown),
    so that code that expects misses (``try: ds.persons[x] except KeyError``) never pays for
    the search. ``at`` says where the ID was given, where it was one of several (``'the item
    at index 2'``), else None.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> try:
    ...     ds.persons["person:vladimir-kozlof"]
    ... except KeyError as error:  # an UnknownIdError is a KeyError
    ...     print(error)
    ...     print(error.record_id, type(error).__name__)
    no person has the id 'person:vladimir-kozlof'; did you mean 'person:vladimir-kozlov'?
    person:vladimir-kozlof UnknownIdError
    """

    def __init__(
        self,
        record_id: str,
        hint: str | None = None,
        what: str = "record",
        *,
        among: Callable[[], Iterable[str]] | None = None,
        otherwise: str | None = None,
        at: str | None = None,
        suggest: Callable[[], str | None] | None = None,
    ) -> None:
        self.record_id = record_id
        self.at = at
        self._hint = hint
        self._suggest = suggest  # the hint, found when first read (a dataset's suggestions)
        self._among = among  # the IDs to suggest from, if no hint is given
        self._otherwise = otherwise  # the hint where none of them is spelled like it
        self.what = what  # what was looked for: "record", or a kind ("person")
        super().__init__(record_id)

    @property
    def hint(self) -> str | None:
        """What more there is to say of the ID, or None.

        >>> import rightsdata
        >>> try:
        ...     rightsdata.load().organizations["org:kazakhstan-authorities"]
        ... except rightsdata.UnknownIdError as error:
        ...     print(error.hint)
        it redirects to 'group:kazakhstan-authorities', the ID of a group
        """
        if self._hint is None and self._suggest is not None:
            suggest, self._suggest = self._suggest, None
            self._hint = suggest()
        if self._hint is None and self._among is not None:
            from rightsdata._values.spelling import did_you_mean, like_id  # (only when shown)

            among, self._among = self._among, None
            # an ID without a kind ('almaty') is compared whole with the others' names
            slug = self.record_id if ":" in self.record_id else f":{self.record_id}"
            self._hint = did_you_mean(like_id(slug, among())) or self._otherwise
        return self._hint

    def __reduce__(self) -> tuple[Any, ...]:
        # (at by keyword: a partial, as pickle passes no keywords to a class)
        from functools import partial

        args = (self.record_id, self.hint, self.what)
        return (type(self), args) if self.at is None else (partial(type(self), at=self.at), args)

    def __str__(self) -> str:
        text = f"no {self.what} has the id {self.record_id!r}"
        if self.at is not None:
            text = f"{text} ({self.at})"
        return f"{text}; {self.hint}" if self.hint else text


class FieldError(RightsdataError, ValueError):
    """A bad value in one named field of a record built in Python (``Person(born="2020-13")``).

    ``field`` names the field (``"citations[0].source"``) and ``message`` says what is wrong,
    in the words the loader uses for the same value in a file; the loader turns it into a
    :class:`Problem` located at that field. Raised by a record's (or a part's) constructor,
    or by ``attrs.evolve``, it also names what was built: ``record_class`` (``"Person"``) and
    ``record_id`` (where the record's ``id`` is a well-formed ID, else None), as the text
    shows them (``Person person:a.born: ...``); both are None for a check made outside a
    constructor. ``code`` is the problem's (one of :data:`PROBLEM_CODES`).

    >>> import rightsdata
    >>> try:
    ...     rightsdata.Person(id="person:a", name="A", born="2020-13", citations=())
    ... except rightsdata.FieldError as error:
    ...     print(error.field, "|", error.message, "|", error.code)
    ...     print(error.record_class, error.record_id)
    ...     print(error)
    born | '2020-13' is not an EDTF date: month 13 does not exist | value
    Person person:a
    Person person:a.born: '2020-13' is not an EDTF date: month 13 does not exist
    """

    # (declared here, so that every type checker, pyright too, takes ``code`` to be one of
    # the codes, not any text: a ``match`` over them is then checked whole)
    field: str
    message: str
    code: ProblemCodeValue
    record_class: str | None
    record_id: str | None

    def __init__(
        self,
        field: str,
        message: str,
        code: ProblemCodeValue = ProblemCode.VALUE,
        record_class: str | None = None,
        record_id: str | None = None,
    ) -> None:
        for name, text in (("field", field), ("message", message), ("code", code)):
            checked(text, name, "a str", str)
        known_code(code)
        checked(record_class, "record_class", "a str or None", _TEXT_OR_NONE)
        checked(record_id, "record_id", "a str or None", _TEXT_OR_NONE)
        self.field = field
        self.message = message
        self.code = code
        self.record_class = record_class
        self.record_id = record_id
        super().__init__(self._text())

    def _text(self) -> str:
        if self.record_class is None:
            return f"{self.field}: {self.message}"
        built = (
            self.record_class if self.record_id is None else f"{self.record_class} {self.record_id}"
        )
        return f"{built}.{self.field}: {self.message}"

    def built(self, record_class: str, record_id: str | None) -> FieldError:
        """This error, saying what was built (a record's class and ID; the error path of a
        constructor only: the first to say it is kept).

        >>> error = FieldError("born", "'2020-13' is not an EDTF date")
        >>> print(error.built("Person", "person:a"))
        Person person:a.born: '2020-13' is not an EDTF date
        >>> error.built("Event", None).record_class
        'Person'
        """
        if self.record_class is None:
            self.record_class, self.record_id = record_class, record_id
            self.args = (self._text(),)
        return self

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str, str, str | None, str | None]]:
        args = (self.field, self.message, self.code, self.record_class, self.record_id)
        return (type(self), args)


class UnknownDatasetError(RightsdataError, ValueError):
    """No bundled dataset has this name (:func:`rightsdata.load`).

    ``name`` is the name asked for, ``known`` the bundled datasets' names (sorted).

    >>> import rightsdata
    >>> try:
    ...     rightsdata.load("atlantis")
    ... except rightsdata.UnknownDatasetError as error:
    ...     print(error.name, "kazakhstan" in error.known, isinstance(error, ValueError))
    atlantis True True
    """

    def __init__(self, name: str, known: Iterable[str]) -> None:
        from rightsdata._values.shell import python_call  # (a message's)

        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(
            f"no bundled dataset is called {printable(repr(name))}; bundled: "
            f"{', '.join(self.known) or 'none'}. To read a folder or file, use "
            f"{python_call('rightsdata.load_path(path)')}"
        )

    def __reduce__(self) -> tuple[type[UnknownDatasetError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.name, self.known))


class DatasetVersionError(RightsdataError, ValueError):
    """A dataset's version does not meet the version required of it (``load(version=)``,
    ``load_path(version=)``; docs/loading.md, "Requiring a dataset version").

    ``name`` is the dataset's name (:func:`rightsdata.load`) or path
    (:func:`rightsdata.load_path`), ``found`` its version (None when it has none), and
    ``required`` the requirement as given (``"3.1"``). The message says what to do: for a
    bundled dataset, install the rightsdata release that bundles a version that meets it, or
    update the code for the version found.

    >>> import rightsdata
    >>> try:
    ...     rightsdata.load(version="99")
    ... except rightsdata.DatasetVersionError as error:
    ...     print(error.required, error.found == rightsdata.load().version)
    99 True
    """

    def __init__(self, name: str, found: str | None, required: str, bundled: bool = False) -> None:
        checked(name, "name", "a str", str)
        checked(found, "found", "a str or None", _TEXT_OR_NONE)
        checked(required, "required", "a str", str)
        checked(bundled, "bundled", "True or False", bool)
        self.name = name
        self.found = found
        self.required = required
        self._bundled = bundled
        super().__init__(self._message())

    def _message(self) -> str:
        from rightsdata._values.requirement import describe, parse_requirement, parse_version

        what = f"bundled dataset {self.name!r}" if self._bundled else f"the dataset at {self.name}"
        try:
            least = parse_requirement(self.required)
        except ValueError:  # (made by hand with a requirement load() would have refused)
            return f"{printable(what)} is version {self.found}, but {self.required} is required"
        wanted = f"version {self.required} ({describe(self.required)})"
        major = least[0]
        if self.found is None:
            return (
                f"{printable(what)} has no version (its descriptor names none), so it cannot "
                f"be shown to meet the required {wanted}; give the data its version, or load "
                "it without version="
            )
        found = parse_version(self.found)
        if found is None:
            return (
                f"{printable(what)} has version {printable(repr(self.found))}, which is not a "
                f"semantic version (MAJOR.MINOR.PATCH), so it cannot be shown to meet the "
                f"required {wanted}; give the data a semantic version, or load it without "
                "version="
            )
        text = f"{printable(what)} is version {printable(self.found)}, but {wanted} is required"
        if self._bundled:
            if found[0] > major:
                # (No release is named: this one cannot know which exist. The CHANGELOG
                # gives each release's bundled version.)
                advice = (
                    f"update the code for version {found[0]}, or pin the rightsdata release "
                    f"that bundled version {major} of the data, if one did (the CHANGELOG "
                    "gives the dataset version each release bundles)"
                )
            else:
                advice = "upgrade rightsdata to a release that bundles it"
            from rightsdata._values.shell import python_call  # (a message's)

            listed = python_call("rightsdata.datasets()")
            return f"{text}: {advice} ({listed} lists the bundled versions)"
        if found[0] > major:
            advice = f"load data of version {major}, or update the code for version {found[0]}"
            return f"{text}: {advice}"
        return f"{text}: load a newer version of the data"

    def __reduce__(
        self,
    ) -> tuple[type[DatasetVersionError], tuple[str, str | None, str, bool]]:
        return (type(self), (self.name, self.found, self.required, self._bundled))


def name_publicly(*classes: type) -> None:
    """Give each of ``classes`` its public name, ``rightsdata.InvalidDataError`` (tracebacks
    and reprs say so, and pickles find it there), not the private module that defines it.

    Its annotations are resolved first, in that module: ``typing.get_type_hints`` (which
    sphinx, cattrs and IDEs call) looks them up in the module ``__module__`` names, and
    ``rightsdata`` does not hold every name they use (``Final``).
    """
    import sys

    resolved: dict[tuple[str, str], object] = {}  # (each once: "str | None" is common)
    for cls in classes:
        namespace = vars(sys.modules[cls.__module__])
        own = vars(cls).get("__annotations__", {})
        for name, hint in own.items():
            if isinstance(hint, str):  # (our own annotations, as the module's code wrote them)
                key = (cls.__module__, hint)
                if key not in resolved:
                    resolved[key] = eval(hint, namespace)
                own[name] = resolved[key]
        cls.__module__ = "rightsdata"


name_publicly(
    RightsdataError,
    InvalidDataError,
    UnknownIdError,
    UnknownDatasetError,
    DatasetVersionError,
    FieldError,
    Problem,
    ProblemCode,
    Problems,
)
