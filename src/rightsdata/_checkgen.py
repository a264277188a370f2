"""One generated check per record class, run at the end of its ``__init__``.

attrs would call one validator per field: three or four Python calls a field. Instead
:func:`checked` wraps each class's ``__init__`` so that it ends with a single check generated
from the fields' check specs (:mod:`rightsdata._validators`): a cheap test per field, inline,
that every good value passes, calling the field's full check (which raises a located
:class:`~rightsdata.errors.FieldError`) only when the test fails. The texts of a record are
joined and tested for contact data once. Then the class's cross-field rules (``_rules``) run.

The full checks stay the single statement of each rule: the generated tests only decide
whether to call them, and a test that fails a good value costs time, never a wrong answer.

The check hangs on ``__init__`` rather than on ``__attrs_post_init__`` because msgspec (the
fast load path) builds attrs instances without ``__init__`` but calls a post-init hook on
every object: a whole file is checked at once instead
(:func:`rightsdata._bulkcheck.check_records`), and a million needless calls are saved.

>>> import attrs
>>> from rightsdata._validators import text
>>> @checked
... @attrs.frozen(kw_only=True)
... class Note(Validated):
...     body: str = text("What it says.")
>>> Note(body=" padded")
Traceback (most recent call last):
...
rightsdata.errors.FieldError: body: must be non-empty text without leading or trailing spaces
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from rightsdata._typing import field_hints, nested_part
from rightsdata._validators import (
    _EMAIL_RE,
    _PHONE_RE,
    CHECK,
    KNOWN_IDS,
    NAMES_HOLDER_FIELDS,
    MinimumCheck,
    MinItemsCheck,
    RefCheck,
    TextCheck,
    _regex,
    check_contact,
    check_holder_fields,
    check_min_items,
    check_minimum,
    check_ref,
    check_refs,
    check_text,
    may_hold_contact,
)

__all__ = ["Validated", "checked"]

T = TypeVar("T", bound=type)

_SEPARATOR: Final = "\x00"  # in no field's text; neither contact regex can match across it


class Validated:
    """Base of every checked class: :func:`checked` gives it the check that ``__init__`` runs.

    It has no ``__attrs_post_init__``, on purpose: msgspec would call it for every object.
    """

    __slots__ = ()

    def _check(self) -> None:
        """Every field's check, then the rules (generated on first use by :func:`checked`)."""
        check = _generate(type(self))
        type(self)._check = check  # type: ignore[method-assign,assignment]
        check(self)

    def _rules(self) -> None:
        """Cross-field rules, after every field passed its own check (subclasses add)."""


def _contact(texts: tuple[tuple[str, str | None], ...]) -> None:
    # The joined texts may hold contact data: find the field (or none: then nothing is wrong).
    for name, value in texts:
        if value is not None:
            check_contact(name, value)


def checked(cls: T) -> T:
    """Make an attrs class (a :class:`Validated`) run its generated check after ``__init__``.

    The check is generated on the first record built: a fast-path load never calls
    ``__init__``, so it need not pay for generating them.
    """
    attrs_init: Callable[..., None] = cls.__init__  # type: ignore[misc]

    @functools.wraps(attrs_init)  # keeps attrs' signature for help() and the docs
    def __init__(self: Validated, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        attrs_init(self, *args, **kwargs)
        self._check()

    cls.__init__ = __init__  # type: ignore[misc]
    return cls


def _generate(cls: type) -> Callable[[Validated], None]:
    namespace: dict[str, Any] = {
        "_email": _EMAIL_RE,
        "_phone": _PHONE_RE,
        "_may_contact": may_hold_contact,
        "_contact": _contact,
        "_text": check_text,
        "_ref": check_ref,
        "_refs": check_refs,
        "_min_items": check_min_items,
        "_minimum": check_minimum,
    }
    lines = ["def _check(self):"]
    texts: list[tuple[str, str, bool]] = []
    for index, field in enumerate(attrs.fields(cls)):
        spec = field.metadata.get(CHECK)
        if spec is None:
            continue
        name, local = field.name, f"v{index}"
        namespace[f"s{index}"] = spec
        lines.append(f"    {local} = self.{name}")
        if isinstance(spec, TextCheck):
            lines += _text_lines(spec, name, local, index, namespace)
            texts.append((name, local, spec.optional))
        elif isinstance(spec, RefCheck):
            lines += _ref_lines(spec, name, local, index, namespace)
        elif isinstance(spec, MinItemsCheck):
            lines.append(
                f"    if len({local}) < {spec.minimum}: _min_items({name!r}, {local}, "
                f"{spec.minimum})"
            )
        elif isinstance(spec, MinimumCheck):
            lines.append(
                f"    if {local} is not None and {local} < {spec.minimum}: "
                f"_minimum({name!r}, {local}, {spec.minimum})"
            )
        else:  # pragma: no cover - a new kind of spec must be taught here
            raise TypeError(f"{cls.__name__}.{name}: unknown check {spec!r}")
    lines += _contact_lines(texts)
    lines += _holder_lines(cls, namespace)
    lines.append("    self._rules()")
    exec(compile("\n".join(lines), f"<rightsdata checks for {cls.__name__}>", "exec"), namespace)
    check: Callable[[Validated], None] = namespace["_check"]
    return check


def _text_lines(
    spec: TextCheck, name: str, local: str, index: int, namespace: dict[str, Any]
) -> list[str]:
    bad = [
        f"type({local}) is not str",
        f"not {local}",
        f"{local}[0].isspace()",
        f"{local}[-1].isspace()",
    ]
    if spec.max_length is not None:
        bad.append(f"len({local}) > {spec.max_length}")
    if spec.pattern is not None:
        namespace[f"p{index}"] = _regex(spec.pattern)
        bad.append(f"p{index}.search({local}) is None")
    test = f"if {' or '.join(bad)}: _text({name!r}, {local}, s{index})"
    if spec.optional:
        return [f"    if {local} is not None:", f"        {test}"]
    return [f"    {test}"]


def _ref_lines(
    spec: RefCheck, name: str, local: str, index: int, namespace: dict[str, Any]
) -> list[str]:
    namespace[f"k{index}"] = KNOWN_IDS.setdefault(spec.prefixes, set())
    namespace[f"x{index}"] = spec.prefixes
    if spec.many:
        return [
            f"    for item in {local}:",
            f"        if item not in k{index}:",
            f"            _refs({name!r}, {local}, x{index})",
            "            break",
        ]
    test = f"if {local} not in k{index}: _ref({name!r}, {local}, x{index})"
    if spec.optional:
        return [f"    if {local} is not None:", f"        {test}"]
    return [f"    {test}"]


def holder_fields(cls: type) -> list[tuple[str, str, str]]:
    """The list fields of ``cls`` whose parts name fields of ``cls``, as (list field, the
    part's naming field, ``"names"`` or ``"path"``): ``("citations", "fields", "names")``."""
    found = []
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        part, many = nested_part(hints[field.name])
        if part is None or not many:
            continue
        for inner in attrs.fields(part):
            how = inner.metadata.get(NAMES_HOLDER_FIELDS)
            if how is not None:
                found.append((field.name, inner.name, how))
    return found


def _holder_lines(cls: type, namespace: dict[str, Any]) -> list[str]:
    namespace["_holder"] = check_holder_fields
    namespace["cls"] = cls
    return [
        f"    _holder({name!r}, self.{name}, {attribute!r}, {how!r}, cls)"
        for name, attribute, how in holder_fields(cls)
    ]


def _contact_lines(texts: list[tuple[str, str, bool]]) -> list[str]:
    if not texts:
        return []
    parts = [f"({local} or '')" if optional else local for _, local, optional in texts]
    joined = parts[0] if len(parts) == 1 else f"{_SEPARATOR!r}.join(({', '.join(parts)},))"
    pairs = ", ".join(f"({name!r}, {local})" for name, local, _ in texts)
    return [
        f"    t = {joined}",
        "    if t and _may_contact(t) and (_email.search(t) or _phone.search(t)):",
        f"        _contact(({pairs},))",
    ]
