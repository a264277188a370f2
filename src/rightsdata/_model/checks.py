"""One generated check per record class, run at the end of its ``__init__``.

attrs would call one validator per field: three or four Python calls a field. Instead
:func:`checked` wraps each class's ``__init__`` so that it ends with a single check generated
from the fields' check specs (:mod:`rightsdata._model.fields`): a cheap test per field, inline,
that every good value passes, calling the field's full check (which raises a located
:class:`~rightsdata.FieldError`) only when the test fails. The texts of a record are
joined and tested for contact data once. Then the class's cross-field rules (``_rules``) run.

Before the checks, a value a Python caller may reasonably pass in another form is converted
(a list to a tuple, an EDTF date's text to an :class:`~rightsdata.EDTF`, a term's text to its
vocabulary member), and a value of the wrong type is refused with the converter's words.

The full checks stay the single statement of each rule: the generated tests only decide
whether to call them, and a test that fails a good value costs time, never a wrong answer.

Records compare and hash by their fields with one ``__eq__`` and ``__hash__`` written here
(:class:`Validated`), so the classes say ``eq=False``: attrs would otherwise generate and
compile both for every class, 0.8 M instructions a class (13 M of a cold
``rightsdata.load()``, measured with callgrind).

The check hangs on ``__init__`` rather than on ``__attrs_post_init__`` because msgspec (the
fast load path) builds attrs instances without ``__init__`` but calls a post-init hook on
every object: a whole file is checked at once instead
(:func:`rightsdata._validation.bulkcheck.checked_tally`), and a million needless calls are saved.

>>> import attrs
>>> from rightsdata._model.fields import optional_text
>>> @checked
... @attrs.frozen(kw_only=True, eq=False)
... class Note(Validated):
...     body: str | None = optional_text("What it says, if anything.")
>>> Note(body=" padded")
Traceback (most recent call last):
...
rightsdata.FieldError: Note.body: must be non-empty text without leading or trailing spaces
"""

from __future__ import annotations

import functools
import inspect
import operator
import textwrap
import typing
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeVar

import attrs

from rightsdata._model.fields import (
    _EMAIL_RE,
    _PHONE_RE,
    SPEC,
    Text,
    absent_default,
    check_contact,
    check_holder_fields,
    declare_fields,
    may_hold_contact,
    spec_of,
)
from rightsdata._values import conversion as _conversion
from rightsdata._values.codegen import compile_function
from rightsdata._values.errors import FieldError, ProblemCode
from rightsdata._values.hints import field_hints, leaf_types, nested_part

__all__ = ["Validated", "checked"]

T = TypeVar("T", bound=type)

_SEPARATOR: Final = "\x00"  # in no field's text; neither contact regex can match across it


#: Per class: a function from a record to the tuple of its fields' values, in field order.
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _values_getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = [field.name for field in attrs.fields(cls)]
    if len(names) == 1:  # attrgetter of one name gives the value, not a 1-tuple
        one = operator.attrgetter(names[0])
        _VALUES[cls] = getter = lambda record: (one(record),)
    else:
        _VALUES[cls] = getter = operator.attrgetter(*names)
    return getter


class _DocumentedSlots(type):
    """The metaclass of the checked classes: the class attrs makes with slots holds each
    field's meaning (its spec's ``doc``) as its slot's docstring, so that ``Event.status?``
    in IPython and ``help(Event.status)`` say what the field holds, as the class's
    "Attributes:" list does. A slot's docstring can only be given as the class is made
    (``__slots__`` as a dict of docstrings), and attrs makes the class through its
    metaclass; the slots stay C descriptors, as fast as before."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _DocumentedSlots:
        slots = namespace.get("__slots__")
        fields = namespace.get("__attrs_attrs__")
        if isinstance(slots, tuple) and slots and fields is not None:
            docs = {field.name: spec_of(field).doc for field in fields if SPEC in field.metadata}
            namespace["__slots__"] = {slot: docs.get(slot) for slot in slots}
        return super().__new__(mcs, name, bases, namespace, **kwargs)


# Type checkers are told the plain metaclass: they would infer the join of two record classes
# (``[Person, Event]``) as this private one, where they infer ``type``.
if TYPE_CHECKING:
    _Slots = type
else:
    _Slots = _DocumentedSlots


class Validated(metaclass=_Slots):
    """Base of every checked class: :func:`checked` gives it the check that ``__init__`` runs.

    It has no ``__attrs_post_init__``, on purpose: msgspec would call it for every object.
    Its subclasses are attrs classes with ``eq=False``: they compare and hash with the
    ``__eq__`` and ``__hash__`` here, by class and fields' values, as attrs' would.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declare_fields(cls)  # the fields' specs made attrs fields, before attrs reads them

    def __eq__(self, other: object) -> bool:
        cls = self.__class__
        if other.__class__ is not cls:
            return NotImplemented
        values = _VALUES.get(cls) or _values_getter(cls)
        # (a tuple compares items by identity first, then ==; the model holds no NaN)
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        cls = self.__class__
        values = _VALUES.get(cls) or _values_getter(cls)
        return hash((cls, values(self)))

    #: The cross-field rules that ``_rules`` checks, one line each, for the docs and schemas.
    _RULES: ClassVar[tuple[str, ...]] = ()

    def _check(self) -> None:
        """Every field's check, then the rules (generated on first use by :func:`checked`)."""
        check = _generate(type(self))
        type(self)._check = check  # type: ignore[method-assign,assignment]
        check(self)

    def _rules(self, broken: list[FieldError] | None = None) -> None:
        """Cross-field rules, after every field passed its own check (subclasses add). Each
        rule broken goes to :func:`broken_rule`: where ``broken`` is None (the checks, the
        fast path's walks) the first is raised; the loader's diagnostic path passes a list,
        and is told every one."""


def broken_rule(broken: list[FieldError] | None, error: FieldError) -> None:
    """Raise ``error``, a cross-field rule broken, or add it to ``broken`` where the caller
    collects every one (the loader's diagnostic path). Called only where a rule is broken,
    so that the rules cost a valid record what they did when they raised."""
    if broken is None:
        raise error
    broken.append(error)


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

    @functools.wraps(attrs_init)
    def __init__(self: Validated, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        attrs_init(self, *args, **kwargs)
        try:  # (free unless it raises: the work of naming the record is on the error path)
            self._check()
        except FieldError as error:
            raise _named(error, self) from None

    # The signature help() and the docs show: attrs' with the real defaults. Not through
    # __wrapped__, which leads Sphinx's autodoc_preserve_defaults to attrs' generated source
    # and its `= NOTHING` defaults.
    del __init__.__wrapped__
    __init__.__signature__ = _signature(cls, attrs_init)  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[misc]
    cls.__doc__ = _with_attributes(cls)
    return cls


def _with_attributes(cls: type) -> str:
    """``cls``'s docstring with an "Attributes:" section, each field with the meaning its spec
    gives (as docs/data-model.md does), so that ``help()``, ``Event?`` and the API docs tell
    what a field holds. A definition list: plain text in ``help()``, valid reStructuredText."""
    lines = [inspect.cleandoc(cls.__doc__ or ""), "", "Attributes:", ""]
    for field in attrs.fields(cls):
        meaning = textwrap.wrap(spec_of(field).doc, 84)
        lines += [field.name, *(f"    {line}" for line in meaning)]
    return "\n".join(lines).strip() + "\n"


def _signature(cls: type, attrs_init: Callable[..., None]) -> inspect.Signature:
    """attrs' signature of ``attrs_init`` with each optional field's real default (None, the
    empty tuple), where attrs shows ``NOTHING`` for a default made by a factory."""
    signature = inspect.signature(attrs_init)
    defaults = {field.alias: absent_default(field) for field in attrs.fields(cls)}
    return signature.replace(
        parameters=[
            parameter.replace(default=defaults.get(parameter.name, parameter.default))
            for parameter in signature.parameters.values()
        ]
    )


def _named(error: FieldError, built: Validated) -> FieldError:
    """``error``, raised by the check of ``built``, saying its class and its ID (where it has
    a well-formed one: a record; a part, such as a citation, has none)."""
    from rightsdata._values.ids import is_valid_id

    record_id = getattr(built, "id", None)
    well_formed = isinstance(record_id, str) and is_valid_id(record_id)
    return error.built(type(built).__name__, record_id if well_formed else None)


def _convert(name: str, value: object, how: Callable[..., Any], *args: Any) -> Any:
    """``how(value, *args)``, its failures raised as a :class:`FieldError` at ``name``."""
    try:
        return how(value, *args)
    except _conversion.WrongTypeError as exc:
        raise FieldError(name, str(exc), ProblemCode.TYPE) from None
    except ValueError as exc:
        raise FieldError(name, str(exc), ProblemCode.VALUE) from None


def _wrong_type(name: str, value: object, expected: type) -> None:
    from rightsdata._values.errors import describe_json

    if isinstance(value, dict):  # (a record built in Python: JSON's documents load whole)
        got = (
            f"a dict; build it as `rightsdata.{expected.__name__}(...)`, or load JSON "
            "documents with `rightsdata.load_documents`"
        )
    else:
        got = describe_json(value)
    raise FieldError(name, f"expected {expected.__name__}, got {got}", ProblemCode.TYPE)


def _item_types(name: str, values: tuple[Any, ...], expected: type) -> None:
    for index, item in enumerate(values):
        if type(item) is not expected:
            _wrong_type(f"{name}[{index}]", item, expected)


def _type_lines(hint: Any, name: str, local: str, key: str, namespace: dict[str, Any]) -> list[str]:
    """Lines that convert the value in ``local`` to the field's type where a caller may give
    it in another form, and refuse a value of another type; every good value passes one
    ``type(...) is`` test."""
    from rightsdata._values.dates import EDTF
    from rightsdata._values.durations import Duration

    arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
    optional = len(arms) != len(typing.get_args(hint))
    core = arms[0] if optional and len(arms) == 1 else hint
    leaves = [leaf for leaf in leaf_types(core) if leaf is not type(None)]
    many = typing.get_origin(core) is tuple
    guard = f"{local} is not None and " if optional else ""
    lines: list[str] = []
    if many:
        lines += [
            f"    if {guard}type({local}) is not tuple:",
            f"        {local} = _convert({name!r}, {local}, _to_tuple)",
            f"        _set(self, {name!r}, {local})",
        ]
    (leaf,) = leaves
    namespace[f"T{key}"] = leaf
    if many:
        if attrs.has(leaf):
            lines += [
                f"    for item in {local}:",
                f"        if type(item) is not T{key}:",
                f"            _item_types({name!r}, {local}, T{key})",
                "            break",
            ]
        return lines
    how = None
    if leaf is EDTF:
        how = "_to_edtf"
    elif leaf is Duration:
        how = "_to_duration"
    elif leaf is float:
        how = "_to_float"
    elif isinstance(leaf, type) and issubclass(leaf, Enum):
        how = "_to_enum"
    if how is not None:
        extra = f", T{key}" if how == "_to_enum" else ""
        lines += [
            f"    if {guard}type({local}) is not T{key}:",
            f"        {local} = _convert({name!r}, {local}, {how}{extra})",
            f"        _set(self, {name!r}, {local})",
        ]
    elif attrs.has(leaf):
        lines.append(
            f"    if {guard}type({local}) is not T{key}: _wrong({name!r}, {local}, T{key})"
        )
    return lines


def _generate(cls: type) -> Callable[[Validated], None]:
    namespace: dict[str, Any] = {
        "_email": _EMAIL_RE,
        "_phone": _PHONE_RE,
        "_may_contact": may_hold_contact,
        "_contact": _contact,
        "_set": object.__setattr__,
        "_convert": _convert,
        "_wrong": _wrong_type,
        "_item_types": _item_types,
        "_to_tuple": _conversion.to_tuple,
        "_to_edtf": _conversion.to_edtf,
        "_to_duration": _conversion.to_duration,
        "_to_enum": _conversion.to_enum,
        "_to_float": _conversion.to_float,
    }
    lines = ["def _check(self):"]
    texts: list[tuple[str, str, bool]] = []
    hints = field_hints(cls)
    for index, field in enumerate(attrs.fields(cls)):
        spec = spec_of(field)
        name, local, key = field.name, f"v{index}", str(index)
        lines.append(f"    {local} = self.{name}")
        lines += _type_lines(hints[name], name, local, key, namespace)
        lines += spec.inline(name, local, key, namespace)
        if isinstance(spec, Text):
            texts.append((name, local, spec.optional))
    lines += _contact_lines(texts)
    lines += _holder_lines(cls, namespace)
    lines.append("    self._rules()")
    check: Callable[[Validated], None] = compile_function(
        "\n".join(lines), f"checks of {cls.__name__}", namespace, "_check"
    )
    return check


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
            how = spec_of(inner).names_holder
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
