"""``typing.get_type_hints`` works on every public class, function and method: sphinx autodoc,
cattrs, pydantic and IDEs call it. It looks a class's (string) annotations up in the module
its ``__module__`` names, which for the classes named ``rightsdata.X`` is not the module that
defines them (``ProblemCode``'s ``Final`` was a NameError), and a function's in its module's
globals, where a name imported only for type checkers is missing (``Dataset.to_pandas``'s
``pandas`` was a NameError)."""

from __future__ import annotations

import importlib
import inspect
import typing
from typing import Any, Final

import pytest

import rightsdata
from rightsdata import MissingExtraError

from conftest import PUBLIC_MODULES


def classes_of(module_name: str) -> dict[str, type]:
    """Every class of rightsdata's that a public module exports (its ``__all__``, else its
    public names), by its public name; the test is skipped if the module needs an absent
    extra to import at all."""
    try:
        module = importlib.import_module(module_name)
    except MissingExtraError as exc:
        pytest.skip(str(exc))
    names = getattr(module, "__all__", None) or [
        name for name in vars(module) if not name.startswith("_")
    ]
    values = {f"{module_name}.{name}": getattr(module, name) for name in names}
    return {
        name: value
        for name, value in values.items()
        if inspect.isclass(value) and value.__module__.startswith("rightsdata")
    }


def test_the_public_classes_are_found() -> None:
    assert {"ProblemCode", "Problem", "InvalidDataError", "Dataset", "Event"} <= {
        name.removeprefix("rightsdata.") for name in classes_of("rightsdata")
    }
    assert classes_of("rightsdata.vocab") and classes_of("rightsdata.tables")
    assert {"rightsdata.testing", "rightsdata.textcard", "rightsdata.plot"} <= set(PUBLIC_MODULES)


def unresolved(named: dict[str, Any]) -> list[str]:
    """Each of ``named`` (classes or functions) whose type hints do not resolve, with why;
    one whose hints leave out an annotation of its own fails the test at once."""
    failed = []
    for name, value in named.items():
        try:
            hints = typing.get_type_hints(value)
        except Exception as exc:  # (NameError, or any other failure a tool would meet)
            failed.append(f"{name}: {exc!r}")
        else:
            assert set(inspect.get_annotations(value)) <= set(hints), name
    return failed


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_the_type_hints_of_every_public_class_resolve(module_name: str) -> None:
    assert unresolved(classes_of(module_name)) == []


def test_the_hints_say_what_the_annotations_say() -> None:
    assert typing.get_type_hints(rightsdata.ProblemCode)["LIMIT"] is Final
    assert typing.get_type_hints(rightsdata.Problem)["file"] == str | None
    problems = typing.get_type_hints(rightsdata.InvalidDataError)["problems"]
    assert problems == tuple[rightsdata.Problem, ...]
    assert rightsdata.ProblemCode.__module__ == "rightsdata"  # (still its public name)


def callables_of(module_name: str) -> dict[str, Any]:
    """Every public function a public module exports, and every public method and property
    (and ``__init__``) of the classes it exports, by public name; rightsdata's own only."""
    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", None) or [
        name for name in vars(module) if not name.startswith("_")
    ]
    found: dict[str, Any] = {}
    for name in names:
        value = getattr(module, name)
        if not getattr(value, "__module__", "").startswith("rightsdata"):
            continue
        if inspect.isfunction(value):
            found[f"{module_name}.{name}"] = value
        if not inspect.isclass(value):
            continue
        for attribute, member in vars(value).items():
            if attribute.startswith("_") and attribute != "__init__":
                continue
            if isinstance(member, property):
                member = member.fget
            member = getattr(member, "__func__", member)  # (class and static methods)
            if inspect.isfunction(member):
                found[f"{module_name}.{name}.{attribute}"] = member
    return found


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_the_type_hints_of_every_public_function_and_method_resolve(module_name: str) -> None:
    # Names a module does not import when it is imported (pandas, matplotlib, pendulum, the
    # query engine) are written by their module, which is a LazyModule at run time.
    assert unresolved(callables_of(module_name)) == []


def test_resolving_the_hints_imports_what_they_name() -> None:
    hints = typing.get_type_hints(rightsdata.Dataset.to_pandas)
    import pandas

    assert hints["return"] == pandas.DataFrame | dict[str, Any]
    assert typing.get_type_hints(rightsdata.Dataset.related)["return"] is rightsdata.Related
    import pendulum

    earliest_property = vars(rightsdata.EDTF)["earliest"]
    assert isinstance(earliest_property, property)
    earliest = typing.get_type_hints(earliest_property.fget)["return"]
    assert pendulum.Date in typing.get_args(earliest)


def classes_named_by(hint: Any) -> set[type]:
    """The classes a type hint names, at any depth (``Dataset | None``, ``list[Problem]``)."""
    if isinstance(hint, type) and typing.get_origin(hint) is None:
        return {hint}
    found: set[type] = set()
    for argument in typing.get_args(hint):
        if isinstance(argument, list):  # Callable[[A, B], C]
            found.update(*(classes_named_by(a) for a in argument))
        else:
            found |= classes_named_by(argument)
    return found


#: Private classes a public signature may still name, and why.
PRIVATE_BY_DESIGN = {
    # the filtering collections' constructor, which only a Dataset calls (docs/api.md documents
    # them without one: `autoclass:: EventCollection()`)
    "rightsdata._data.query.Queries": {"__init__"},
}


def test_every_class_a_public_signature_names_is_public() -> None:
    # A user annotating their own code with what a public function returns or takes must
    # be able to name it: `dataset_of` returned a private protocol, `schema_problems` took a
    # private place class
    public: set[type] = set()
    for module_name in PUBLIC_MODULES:
        try:
            public.update(classes_of(module_name).values())
        except pytest.skip.Exception:
            continue
    private = []
    for module_name in PUBLIC_MODULES:
        try:
            callables = callables_of(module_name)
        except MissingExtraError:
            continue
        for name, function in callables.items():
            for hint in typing.get_type_hints(function).values():
                for cls in classes_named_by(hint):
                    where = f"{cls.__module__}.{cls.__qualname__}"
                    allowed = PRIVATE_BY_DESIGN.get(where, set())
                    ours = cls.__module__.startswith("rightsdata") and cls not in public
                    if ours and name.rsplit(".", 1)[-1] not in allowed:
                        private.append(f"{name}: {where}")
    assert private == []
