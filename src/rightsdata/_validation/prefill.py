"""Decoders that give a record's optional fields their defaults before msgspec reads it
(internal).

msgspec decodes a file straight into the record classes without calling their ``__init__``:
it makes an empty object, sets each field whose key the file holds, then asks of each field
whether the object has it (``hasattr``) and gives each one it lacks its default. On an empty
slot that question costs CPython an ``AttributeError`` made and dropped. A file that leaves
empty fields out (format 2 and later, as rightsdata writes every dataset, the bundled one
too) lacks most optional fields: the benchmark's realistic data, 38 an event with its other
records and parts, which cost the decoding of 10,000 events about 40 ms of its 140
(``bench/bench_load.py --format 2``).

A *sparse* decoder reads each record class that has optional fields (or holds a part that
has) into its *twin* (:func:`twins`): a subclass that adds no slot, so that an object can
change from one to the other. msgspec calls a twin's ``__attrs_pre_init__`` on each new
object before it reads the object's keys; the twin's sets each optional field to its
default and gives the object its own class back, so that msgspec's question then finds every
field set, a field the file leaves out keeps its default, and the records are of the record
classes as the plain decoder's are. The twins are settable (``object``'s ``__setattr__`` and
``__delattr__``): the fills are writes of the slots, which CPython specializes (about 50
instructions a field, where the slot's descriptor of a frozen class takes about 640), and
the change back of the class about 500 more. Their annotations name the other twins, so
that a record's parts are read into twins too. No hook or attribute is set on the record
classes: every other decoder of them, the plain ones beside and any a program builds,
reads them as before (msgspec keeps what it learns of a class on the class, each twin's on
the twin). Once a process has made its sparse decoders, each record class with a twin
lists it among its subclasses (``Citation.__subclasses__()``, though the classes are
final); no object is of a twin once its fields are filled.

What a sparse decoder cannot tell is which keys the file held: the bulk check's walk then
counts every optional field that holds its default as left out
(:func:`rightsdata._validation.bulkcheck.checked_tally`, ``sparse``), so a file that writes
an empty field (``"date": null``) holds a key more than the walk counts and is read again
by the plain decoder. Which decoder reads a file first is a guess from its first bytes
(:func:`leaves_fields_out`); a wrong guess costs time, never a wrong verdict. The sparse
decoders of a layout are made once the files it read that look sparse come to
:data:`SPARSE_FROM` bytes (making them costs about what 1 MB of such files spares).

>>> import msgspec
>>> from typing import Any
>>> from rightsdata import Source
>>> decoders: Variants[msgspec.json.Decoder[Any]]
>>> decoders = Variants(lambda types: msgspec.json.Decoder(types["sources"]))
>>> plain, sparse = decoders.plain(), decoders.sparse()
>>> data = b'{"id": "source:a", "title": "A report", "kind": "report", "language": "en"}'
>>> read = sparse.decode(data)
>>> read == plain.decode(data), type(read) is Source, read.publisher
(True, True, None)
>>> "__attrs_pre_init__" in vars(Source)
False
"""

from __future__ import annotations

import functools
import operator
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, Generic, TypeVar

import attrs
import msgspec

from rightsdata._model.fields import optional_defaults
from rightsdata._model.records import RECORD_CLASSES, RECORD_TYPES, Citation
from rightsdata._values.codegen import compile_function
from rightsdata._values.hints import field_hints, leaf_types

__all__ = ["SPARSE_FROM", "Variants", "leaves_fields_out", "read_as_expected", "twins"]

_D = TypeVar("_D")

#: msgspec's hook for attrs classes, called with the empty object before its keys are read.
_HOOK: Final = "__attrs_pre_init__"
#: How much of a file :func:`leaves_fields_out` reads: several records of any kind.
_HEAD: Final = 4096

_lock = threading.Lock()


def leaves_fields_out(data: bytes) -> bool:
    """Whether the file ``data`` looks like it leaves empty fields out: its first bytes
    give no key ``null`` or ``[]`` (a file with every field written gives several in its
    first record; a text holding ``": null`` only sends the file to the plain decoder first).

    >>> leaves_fields_out(b'[{"id": "person:a", "born": null}]')
    False
    >>> leaves_fields_out(b'[{"id": "person:a", "summary": "null and void"}]')
    True
    """
    head = data[:_HEAD]
    return not any(empty in head for empty in _EMPTY_VALUES)


#: A key given an empty value, as ``json.dumps`` writes it, with or without its space.
_EMPTY_VALUES: Final = (b'": null', b'":null', b'": []', b'":[]')


class Variants(Generic[_D]):
    """What ``build`` makes (a decoder, or a dict of them) of the classes to read each kind
    into, a mapping of the kinds' names to classes: plain, from the record classes, and
    sparse, from their twins (:func:`twins`); each made when first asked for, the sparse one
    also by :meth:`tries` once the files it was given that look like they leave empty fields
    out came to :data:`SPARSE_FROM` bytes."""

    def __init__(self, build: Callable[[Mapping[str, type]], _D]) -> None:
        self._build = build
        self._plain: _D | None = None
        self._sparse: _D | None = None
        self._sparse_looking = 0  # (bytes of the files that looked sparse, read plainly)

    def plain(self) -> _D:
        """The plain variant, which reads every file."""
        if self._plain is None:
            with _lock:
                if self._plain is None:
                    self._plain = self._build(RECORD_TYPES)
        return self._plain

    def sparse(self) -> _D:
        """The sparse variant, made now if not yet."""
        if self._sparse is None:
            with _lock:
                if self._sparse is None:
                    made = twins()
                    self._sparse = self._build(
                        {kind: made.get(cls, cls) for kind, cls in RECORD_TYPES.items()}
                    )
        return self._sparse

    def tries(self, data: bytes) -> tuple[tuple[_D, bool], ...]:
        """The variants to read ``data`` with, in turn until the tally agrees, each with
        whether it is sparse: the sparse one, then the plain one, for a file that looks like
        it leaves empty fields out (once such files, this one with them, came to
        :data:`SPARSE_FROM` bytes); the plain one alone for any other (it reads every file,
        at a cost of each field left out)."""
        plain = self.plain()
        if not leaves_fields_out(data):
            return ((plain, False),)
        if self._sparse is None:
            self._sparse_looking += len(data)
            if self._sparse_looking < SPARSE_FROM:
                return ((plain, False),)
        return ((self.sparse(), True), (plain, False))


#: How many bytes of files that look like they leave empty fields out make a layout's
#: sparse decoders, if they are not made yet (the file that reaches it, and every such file
#: after, is read by them). Making the kind files' takes about 2.4 ms of CPU time (22.6 M
#: instructions, 9.7 M for the plain ones: the twins are made, and msgspec reads each and
#: compiles each field's annotation); reading with them spares about 21 M instructions a
#: MB (a load of 1,000 events, 3.8 MB: 311 M read plainly, 229 M with them made before),
#: so that the files that make them nearly repay them, and every file after gains: a load
#: of 1,000 events after one of 230 (0.86 MB) takes 250.5 M instructions, where it took
#: 310.0 M with the plain decoders alone and 279.5 M once a single file of 1 MiB made
#: them (0.95 of that CPU time, medians of 21 fresh processes interleaved); a load of the
#: bundled dataset (0.44 MB) does not make them by itself.
SPARSE_FROM: Final = 1 << 20


@functools.cache
def _classes() -> tuple[type, ...]:
    """Every attrs class a record holds, the records' own first."""
    found: dict[type, None] = {}
    todo: list[type] = list(RECORD_CLASSES)
    while todo:
        cls = todo.pop(0)
        if cls in found:
            continue
        found[cls] = None
        for hint in field_hints(cls).values():
            todo += [t for t in leaf_types(hint) if isinstance(t, type) and attrs.has(t)]
    return tuple(found)


@functools.cache
def twins() -> Mapping[type, type]:
    """Each class a record holds that has optional fields, or holds (at any depth) a part
    that has, and its twin, which a sparse decoder reads it into: a subclass of it that
    adds no slot, annotated with the other twins, whose ``__attrs_pre_init__`` gives an
    object's optional fields their defaults and the object its own class back.

    >>> from rightsdata import Citation, Participant
    >>> made = twins()
    >>> issubclass(made[Citation], Citation), Participant in made  # (no optional field)
    (True, False)
    """
    classes = _classes()
    twinned = {cls for cls in classes if optional_defaults(cls)}
    grown = True
    while grown:  # (a class holding a twinned part reads it into its twin: twinned too)
        holders = {
            cls
            for cls in classes
            if cls not in twinned
            and any(t in twinned for hint in field_hints(cls).values() for t in leaf_types(hint))
        }
        twinned |= holders
        grown = bool(holders)
    made = {cls: _twin(cls) for cls in classes if cls in twinned}
    fills = _fills(made)
    for cls, twin in made.items():
        twin.__annotations__ = {
            name: _retyped(hint, made) for name, hint in field_hints(cls).items()
        }
        setattr(twin, _HOOK, fills[cls])
    # (a msgspec that no longer called the hook would build objects of the twins: then the
    # sparse decoders read into the record classes, as slowly as the plain ones, and as
    # soundly, as the walk's count does not ask who filled a field)
    return made if read_as_expected(made) else {}


def read_as_expected(made: Mapping[type, type]) -> bool:
    """Whether msgspec reads into the twins of ``made`` as this module needs: a citation
    read into its twin comes out a :class:`~rightsdata.Citation`, which only the twin's
    hook makes it (msgspec 0.19 to 0.23 call the hook of an attrs class on each object
    before they read its keys). True if ``made`` has no citation's twin (none to ask).

    The fields' factories are not asked about: their count is the process's, which
    another thread's plain read moves meanwhile."""
    twin = made.get(Citation)
    if twin is None:
        return True
    read: Any = msgspec.json.decode(b'{"source": "source:a"}', type=twin)
    return type(read) is Citation and read.locator is None


def _twin(cls: type) -> type:
    """A subclass of ``cls`` that adds no slot, so that an object may change from one class
    to the other, and whose ``__setattr__`` and ``__delattr__`` are ``object``'s, so that
    CPython sets attributes in C (a Python ``__delattr__`` left to it, as a frozen class's
    is, would make CPython call Python for both)."""
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}._sparse",
    }
    return type(cls)(cls.__name__, (cls,), namespace)


def _retyped(hint: Any, made: Mapping[type, type]) -> Any:
    """``hint`` with each class of ``made`` replaced by its twin.

    >>> from rightsdata import Citation
    >>> made: dict[type, type] = {Citation: int}
    >>> _retyped(tuple[Citation, ...], made), _retyped(Citation | None, made)
    (tuple[int, ...], int | None)
    """
    if isinstance(hint, type) and hint in made:
        return made[hint]
    args = typing.get_args(hint)
    new = tuple(_retyped(arg, made) for arg in args)
    if new == args:
        return hint
    origin = typing.get_origin(hint)
    if origin is types.UnionType or origin is typing.Union:
        return functools.reduce(operator.or_, new)
    return origin[new]


def _fills(made: Mapping[type, type]) -> dict[type, Callable[[Any], None]]:
    """For each class of ``made``, the function its twin calls on each new object: the
    object's optional fields set to their defaults, in the twin, then the object given its
    own class back. The functions are compiled as one source, in one call of ``compile``."""
    namespace: dict[str, Any] = {}
    sources: list[str] = []
    names: dict[type, str] = {}
    for cls in made:
        name = names[cls] = f"fill_{len(names)}_{cls.__name__}"
        namespace[f"{name}_class"] = cls
        lines = [f"def {name}(record):"]
        lines += [f"    record.{field} = {default!r}" for field, default in optional_defaults(cls)]
        lines.append(f"    record.__class__ = {name}_class")
        sources.append("\n".join(lines))
    if names:  # (one compile; the function it returns is the first's)
        first = next(iter(names.values()))
        compile_function("\n\n".join(sources), "defaults of the records", namespace, first)
    return {cls: namespace[name] for cls, name in names.items()}
