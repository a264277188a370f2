"""Sharing equal values among freshly decoded records (internal): less memory, fewer objects.

msgspec builds a new ``str`` for every text and ID it decodes, and a new object for every
nested part, so a large dataset holds the same source ID once per citation that names it, the
same role and actor once per participant, the same inference once per record that makes it.
:class:`Sharing` walks records just decoded (one generated function per record class) and
makes equal values one object: each text and ID through one dict of strings, each tuple of
texts through one dict of tuples, each part (a citation, participant, alias, penalty,
inference...) whose fields are then the same objects through one dict per class, and each
tuple of parts that are then the same objects through one dict of tuples. Records are
immutable values, so sharing is invisible except in memory (and in ``is``).

The records must be new and not yet seen by anyone: the walk sets their fields in place (past
the frozen classes' ``__setattr__``). One :class:`Sharing` serves a whole load, so that a
reference in one file shares the string of the ID in another.

>>> from rightsdata._model.records import Alias
>>> import msgspec
>>> a, b = msgspec.json.decode(b'[{"name": "Almaty", "language": "kk"}, '
...                            b'{"name": "Almaty", "language": "kk"}]', type=list[Alias])
>>> a is b
False
>>> sharing = Sharing()
>>> shared = sharing.share(Alias, [a, b])
>>> shared[0].name is shared[1].name, shared[0] == a
(True, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Final

import attrs

from rightsdata._values.codegen import compile_function
from rightsdata._values.hints import field_hints, leaf_types, nested_part

__all__ = ["Sharing"]

_sharers: dict[type, Callable[..., None]] = {}

#: Parts that are not made one object when equal, only their texts. Every figure differs
#: from every other. Citations repeat (on the benchmark's 100,000 events, shaped like the
#: bundled dataset, 508,599 citations are 155,944 distinct values, 3.26 each), but making
#: them one object too cost the load 16-31% more time for no less memory held (4,730
#: against 4,725 bytes an event: the duplicates are freed into pages the allocator keeps);
#: a full collection then walked 32% fewer objects and took 0.59-0.77 s instead of
#: 0.82-0.90 (two fresh processes each, on a busy machine). Other parts are shared: an
#: inference is on 1.51 records on average, a penalty on hundreds.
UNSHARED_PARTS: Final = frozenset({"Citation", "Figure"})


class Sharing:
    """The shared values of one load: pass every kind's new records to :meth:`share`."""

    __slots__ = ("_part_tuples", "_parts", "_strings", "_tuples")

    def __init__(self) -> None:
        self._strings: dict[Any, Any] = {}
        self._tuples: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._part_tuples: dict[tuple[int, ...], tuple[Any, ...]] = {}
        self._parts: dict[type, dict[tuple[Any, ...], Any]] = {}

    def share(self, cls: type, records: list[Any]) -> list[Any]:
        """``records`` (new records of ``cls``), their equal values made one object; the
        same list."""
        sharer = _sharers.get(cls)
        if sharer is None:
            sharer = _sharers[cls] = _compile(cls)
        sharer(records, self._strings, self._tuples, self._part_tuples, self._parts)
        return records


def _compile(cls: type) -> Callable[..., None]:
    namespace: dict[str, Any] = {}
    body = _object_lines(cls, 1, namespace, itertools.count())
    source = "\n".join(
        [
            f"def share_{cls.__name__}(records, strings, tuples, part_tuples, parts):",
            "    s = strings.setdefault",
            "    ts = tuples.setdefault",
            "    ps = part_tuples.setdefault",
            *(
                f"    p_{name} = parts.setdefault({name}, {{}}).setdefault"
                for name in sorted(n for n in namespace if n.startswith("c_"))
            ),
            "    for o1 in records:",
            *body,
        ]
    )
    namespace.update({"map": map, "tuple": tuple, "id": id})
    function: Callable[..., None] = compile_function(
        source, f"sharing of {cls.__name__}", namespace, f"share_{cls.__name__}"
    )
    return function


def _object_lines(
    cls: type, depth: int, namespace: dict[str, Any], serial: itertools.count[int]
) -> list[str]:
    """Statements that share the fields of ``o{depth}`` (of ``cls``); for a part (depth > 1)
    they end with ``o{depth}`` made the shared part equal to it."""
    pad, obj = "    " * (depth + 1), f"o{depth}"
    lines: list[str] = []
    keys: list[str] = []
    sets: list[tuple[str, str, str]] = []  # (field, new value, setter)
    hints = field_hints(cls)
    keyed = depth > 1 and cls.__name__ not in UNSHARED_PARTS  # made one object when equal
    for field in attrs.fields(cls):
        name, hint = field.name, hints[field.name]
        value, local = f"{obj}.{name}", f"v{next(serial)}"
        setter = f"set_{cls.__name__}_{name}"
        namespace[setter] = getattr(cls, name).__set__  # the slot itself: past __setattr__
        nested, many = nested_part(hint)
        leaves = {leaf for leaf in leaf_types(hint) if leaf is not type(None)}
        if nested is not None:
            inner = f"o{depth + 1}"
            inner_lines = _object_lines(nested, depth + 1, namespace, serial)
            if many and nested.__name__ in UNSHARED_PARTS:  # their texts only
                lines += [
                    f"{pad}for {inner} in {value}:",
                    *(f"{line}" for line in inner_lines),
                ]
            elif many:
                lines += [
                    f"{pad}{local} = {value}",
                    f"{pad}if {local}:",
                    f"{pad}    l{depth} = []",
                    f"{pad}    for {inner} in {local}:",
                    *(f"    {line}" for line in inner_lines),
                    f"{pad}        l{depth}.append({inner})",
                    f"{pad}    n{depth} = tuple(l{depth})",
                    f"{pad}    n{depth} = ps(tuple(map(id, n{depth})), n{depth})",
                    f"{pad}    if n{depth} is not {local}:",
                    f"{pad}        {setter}({obj}, n{depth})",
                    f"{pad}        {local} = n{depth}",
                ]
            else:
                lines += [
                    f"{pad}{inner} = {local} = {value}",
                    f"{pad}if {inner} is not None:",
                    *inner_lines,
                    f"{pad}    if {inner} is not {local}:",
                    f"{pad}        {setter}({obj}, {inner})",
                    f"{pad}        {local} = {inner}",
                ]
            keys.append(f"id({local})")
        elif many:  # a tuple of texts (IDs, field names)
            lines += [
                f"{pad}{local} = {value}",
                f"{pad}if {local}:",
                f"{pad}    {local} = tuple(map(s, {local}, {local}))",
                f"{pad}    {local} = ts({local}, {local})",
            ]
            sets.append((name, local, setter))
            keys.append(f"id({local})")
        elif leaves == {str}:
            lines += [f"{pad}{local} = {value}", f"{pad}{local} = s({local}, {local})"]
            sets.append((name, local, setter))
            keys.append(local)
        elif not keyed:  # a record's or an unshared part's number, term or date: kept
            continue
        elif leaves <= {int, bool}:
            lines.append(f"{pad}{local} = {value}")
            keys.append(local)
        else:  # vocabulary terms (members), dates and durations (cached by their text)
            lines.append(f"{pad}{local} = {value}")
            keys.append(f"id({local})")
    if not keyed:  # set the shared texts
        lines += [
            f"{pad}if {local} is not {obj}.{name}: {setter}({obj}, {local})"
            for name, local, setter in sets
        ]
        return lines
    part = f"c_{cls.__name__}"
    namespace[part] = cls
    key = f"({', '.join(keys)},)"
    lines.append(f"{pad}c{depth} = p_{part}({key}, {obj})")
    if sets:  # the first part of its value keeps its fields: share them
        lines.append(f"{pad}if c{depth} is {obj}:")
        lines += [
            f"{pad}    if {local} is not {obj}.{name}: {setter}({obj}, {local})"
            for name, local, setter in sets
        ]
    lines.append(f"{pad}{obj} = c{depth}")
    return lines
