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

A *sparse* decoder has msgspec call, before it reads an object's keys, a function that sets
each of its class's optional fields to its default: msgspec's hook for attrs classes,
``__attrs_pre_init__``, which it looks up on the class when it first meets it. The question
then finds every field set, and a field the file leaves out keeps its default. The hook is
on the classes only while a sparse decoder is built, under a lock: attrs's own ``__init__``
never calls it (attrs looks for the hook when it makes the class), and msgspec keeps what it
learnt of a class in the class's ``__msgspec_cache__``, which is set aside while the sparse
decoder is built and put back after, so that every other decoder of these classes, the plain
ones beside it and any a program builds afterwards, reads them as before (one that another
thread builds while the hook is set fills the fields too, and builds the same records).

What a sparse decoder cannot tell is which keys the file held: the bulk check's walk then
counts every optional field that holds its default as left out
(:func:`rightsdata._validation.bulkcheck.checked_tally`, ``sparse``), so a file that writes
an empty field (``"date": null``) holds a key more than the walk counts and is read again
by the plain decoder. Which decoder reads a file first is a guess from its first bytes
(:func:`leaves_fields_out`); a wrong guess costs time, never a wrong verdict. The sparse
decoders of a layout are made by the first file of :data:`SPARSE_FROM` bytes or more that
looks sparse (making them costs about what 4 MB of such files spare). Each fill is
counted (:func:`fill_count`), so that a plain decoder that filled fields (had msgspec kept a
sparse class elsewhere) is caught by its caller instead of trusted; another thread's sparse
read at the same time makes a plain read's fills look so too, and sends that file to the
diagnostic path (slower, never wrong).

>>> import msgspec
>>> from rightsdata import Citation
>>> decoders = Variants(lambda: msgspec.json.Decoder(Citation))
>>> plain, sparse = decoders.plain(), decoders.sparse()
>>> assert sparse is not None  # (None if msgspec kept what it learnt elsewhere)
>>> before = fill_count()
>>> sparse.decode(b'{"source": "source:a"}') == plain.decode(b'{"source": "source:a"}')
True
>>> fill_count() - before
1
>>> "__attrs_pre_init__" in vars(Citation)
False
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, Final, Generic, TypeVar

import attrs

from rightsdata._model.fields import counted_calls, optional_defaults
from rightsdata._model.records import RECORD_TYPES
from rightsdata._values.codegen import compile_function
from rightsdata._values.hints import field_hints, leaf_types

__all__ = ["SPARSE_FROM", "Variants", "fill_count", "leaves_fields_out"]

_D = TypeVar("_D")

#: msgspec's hook for attrs classes, called with the empty object before its keys are read.
_HOOK: Final = "__attrs_pre_init__"
#: Where msgspec keeps what it learnt of a class (msgspec 0.19 to 0.23; were a later one to
#: keep it elsewhere, :func:`_sparse_build` would find none there, and make no sparse variant).
_CACHE: Final = "__msgspec_cache__"
#: How much of a file :func:`leaves_fields_out` reads: several records of any kind.
_HEAD: Final = 4096

_lock = threading.Lock()
_tick, _ticks = counted_calls()


def fill_count() -> int:
    """How many objects sparse decoders have filled so far, in this process: the difference
    of two readings is how many were filled between them."""
    return _ticks()


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
    """What ``build`` makes (a decoder, or a dict of them), plain, and its sparse twin: made
    when first asked for, or by :meth:`tries` for the first file of :data:`SPARSE_FROM`
    bytes or more that looks like it leaves empty fields out. None if msgspec
    does not keep what it learns of the classes where this module sets it aside (then
    only the plain one)."""

    def __init__(self, build: Callable[[], _D]) -> None:
        self._build = build
        self._plain: _D | None = None
        self._sparse: tuple[_D | None] | None = None

    def plain(self) -> _D:
        """The plain variant, which reads every file."""
        if self._plain is None:
            with _lock:
                if self._plain is None:
                    self._plain = self._build()
        return self._plain

    def sparse(self) -> _D | None:
        """The sparse variant, made now if not yet (None if it cannot be made)."""
        if self._sparse is None:
            plain = self.plain()  # (msgspec has then met every class, and kept them)
            with _lock:
                if self._sparse is None:
                    self._sparse = (_sparse_build(self._build, plain),)
        return self._sparse[0]

    def tries(self, data: bytes) -> tuple[tuple[_D, bool], ...]:
        """The variants to read ``data`` with, in turn until the tally agrees, each with
        whether it is sparse: the sparse one, then the plain one, for a file that looks like
        it leaves empty fields out (once one of :data:`SPARSE_FROM` bytes or more was); the
        plain one alone for any other (it reads every file, at a cost of each field left
        out)."""
        plain = self.plain()
        if not leaves_fields_out(data):
            return ((plain, False),)
        if self._sparse is None and len(data) < SPARSE_FROM:
            return ((plain, False),)
        sparse = self.sparse()
        return ((plain, False),) if sparse is None else ((sparse, True), (plain, False))


#: How large a file that looks like it leaves empty fields out makes a layout's sparse
#: decoders, if they are not made yet (later such files of any size are read by them).
#: Making the kind files' takes about 3 ms of CPU
#: time (24 M instructions: msgspec reads every record class again, and compiles each
#: field's annotation anew), and its change of the classes makes CPython drop what it
#: learnt of reading their attributes; such files spare about 0.9 ms a MB (10,000 events,
#: 37 MB: 0.349 -> 0.317 s, fresh processes), so such a file repays them by itself. Made
#: once the files read came to 2 MiB, a load of 1,000 events (3.7 MB, its largest file
#: 1.6 MB) took 1.10 of its CPU time before (medians of nine interleaved); by this mark, no
#: file of it or of the bundled dataset (0.19 MB) makes them.
SPARSE_FROM: Final = 4 << 20


def _sparse_build(build: Callable[[], _D], plain: _D) -> _D | None:
    """``build()`` with every record class's optional fields filled with their defaults
    before msgspec reads an object, the classes as they were after (None if msgspec did not
    keep what it learnt of them where this module sets it aside). Under the lock."""
    classes = _classes()
    kept = {cls: vars(cls).get(_CACHE) for cls in classes}
    if all(info is None for info in kept.values()):
        return None  # (msgspec keeps it elsewhere: a sparse build would be plain)
    try:
        for cls, fill in _fills_by_class().items():
            setattr(cls, _HOOK, fill)
        for cls in classes:
            if _CACHE in vars(cls):
                delattr(cls, _CACHE)
        return build()
    finally:
        for cls in classes:
            if _HOOK in vars(cls):
                delattr(cls, _HOOK)
            info = kept[cls]
            if info is not None:
                setattr(cls, _CACHE, info)
            elif _CACHE in vars(cls):
                delattr(cls, _CACHE)


@functools.cache
def _classes() -> tuple[type, ...]:
    """Every attrs class a record holds, the records' own first."""
    found: dict[type, None] = {}
    todo = list(RECORD_TYPES.values())
    while todo:
        cls = todo.pop(0)
        if cls in found:
            continue
        found[cls] = None
        for hint in field_hints(cls).values():
            todo += [t for t in leaf_types(hint) if isinstance(t, type) and attrs.has(t)]
    return tuple(found)


@functools.cache
def _fills_by_class() -> dict[type, Callable[[Any], None]]:
    """For each class with optional fields, the function that gives them their defaults:
    each field's slot set by its descriptor (a third cheaper than ``object.__setattr__``).
    The functions are compiled as one source, in one call of ``compile``."""
    namespace: dict[str, Any] = {"tick": _tick}
    sources: list[str] = []
    names: dict[type, str] = {}
    for cls in _classes():
        defaults = optional_defaults(cls)
        if not defaults:
            continue
        name = names[cls] = f"fill_{len(names)}_{cls.__name__}"
        lines = [f"def {name}(record):", "    tick()"]
        for k, (field, default) in enumerate(defaults):
            setter = f"{name}_{k}"
            namespace[setter] = getattr(cls, field).__set__
            lines.append(f"    {setter}(record, {default!r})")
        sources.append("\n".join(lines))
    if names:  # (one compile; the function it returns is the first's)
        first = next(iter(names.values()))
        compile_function("\n\n".join(sources), "defaults of the records", namespace, first)
    return {cls: namespace[name] for cls, name in names.items()}
