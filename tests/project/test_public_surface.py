"""The public surface a downstream package relies on changes only on purpose.

docs/api.md ("Versions, and what each promises") makes renaming or removing any of these a
breaking change, recorded in CHANGELOG.md with its reason: the public modules' names (each
public module's ``__all__``) and what each is (a function's parameters, a class's bases,
signature, fields, methods and properties), the vocabularies' terms (every enum's members),
the export tables' names and columns (``TABLES``), the record kinds, the export formats, the
problem codes (``PROBLEM_CODES``), the command line's commands, options and arguments (from
the parser it builds) and its exit codes, and the old spellings still kept with a warning
(rightsdata._values.deprecation). ``public_surface.txt`` (beside this file) is the ledger of
them, one sorted line each; this test fails when what the code has differs from it, listing
each line added and removed and what to do.

Not here, as each has a ledger of its own: what the JSON Schemas accept
(test_frozen_schemas.py) and the bundled dataset's IDs (tests/data/bundled_ids.txt). Not
here yet: ``--json`` output's keys, which tests/cli/test_cli_json_documented.py holds to
docs/cli.md only (a key renamed in both passes it).

How the lines are made, so that they read the same on Python 3.11 to 3.13 and on every run:

- a signature is ``inspect.signature``'s, with each parameter's name, kind (the ``/`` and
  ``*`` Python prints) and default, but no annotations. Not every public module defers its
  annotations (``rightsdata.testing`` does not: its strategies are Hypothesis's functions,
  whose hints resolve in Hypothesis's module), and an evaluated
  annotation prints differently from one Python to the next (``typing.Optional`` and
  ``X | None``, ``collections.abc`` generics); a deferred one prints the source's spelling,
  which changes with a refactoring (an alias named) that changes no caller's code. What the
  types are is held by mypy --strict on the examples in tests/typing (test_typing.py). A
  default's ``repr`` that holds a memory address is shown as its type;
- an enum has no signature (``inspect.signature`` of an enum differs by version); a class
  has one only from an ``__init__`` or ``__new__`` of rightsdata's;
- a class's members are the public names its rightsdata classes define (not those of
  ``str``, ``Exception`` or ``attrs``), and the container and ordering protocols
  (``__getitem__``, ``__lt__``...), without signatures;
- a constant is its type; only the sets the contract names give their values (terms, tables
  and columns, kinds, formats, problem codes). A column's place among the table's is not
  recorded: the contract is the names.

Why a test that prints the lines rather than a ``scripts/generate_*.py`` that writes the
ledger: the ledger is a record of decisions, like bundled_ids.txt. A generator's ``--check``
says only "stale, run the script", and running it rewrites every line without anyone reading
which name went; here each removed line is shown with what a removal takes (a CHANGELOG entry
and, where the old spelling can keep working, a deprecation), and the lines are changed by
hand, in the commit that changes the name.
"""

from __future__ import annotations

import argparse
import enum
import functools
import importlib
import inspect
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

import rightsdata
from rightsdata._cli import exits
from rightsdata._cli.parser import _subparser, build_parser
from rightsdata._values.deprecation import Renamed, RenamedNames, renamed_keywords_of
from rightsdata.tables import FORMATS, TABLES

from conftest import PUBLIC_MODULES, ROOT

LEDGER: Final = Path(__file__).with_name("public_surface.txt")

#: What a failure says about lines the code has lost or changed.
_REMOVED: Final = (
    "the public surface lost these lines (a name, parameter, default, member, term, table, "
    "column, command, option or code removed, renamed or changed): a breaking change "
    "(docs/api.md). If it is meant: an entry in CHANGELOG.md under its release, saying why "
    "and what to use instead; where the old spelling can keep working, keep it with a "
    "DeprecationWarning until the next minor release (rightsdata._values.deprecation: "
    "RenamedNames, renamed_keywords; docs/maintaining.md, Changing a public name); then "
    "remove the lines from tests/project/public_surface.txt"
)

#: What a failure says about new lines.
_ADDED: Final = (
    "the public surface has lines the ledger lacks (an addition: no breaking change, but a "
    "promise from the next release on): add them to tests/project/public_surface.txt (kept "
    "sorted), with a CHANGELOG.md entry if users can see it"
)

#: The dunder methods that are part of what a class does for its callers (``ds[...]``,
#: ``len(collection)``, ``level < other``): listed as a class's members, unlike the rest.
_PROTOCOL: Final = frozenset(
    {
        "__call__",
        "__contains__",
        "__getitem__",
        "__iter__",
        "__len__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
    }
)

_ADDRESS: Final = re.compile(r" at 0x[0-9a-fA-F]+")


class _Shown:
    """A default as the ledger shows it (its ``repr`` with no memory address)."""

    def __init__(self, value: object) -> None:
        text = repr(value)
        self.text = f"<{type(value).__name__}>" if _ADDRESS.search(text) else text

    def __repr__(self) -> str:
        return self.text


def signature(value: Callable[..., Any]) -> str:
    """``value``'s parameters: names, kinds and defaults, no annotations, and none whose name
    starts with ``_``; empty if it has none that ``inspect`` can read.

    >>> def f(a: int, /, b: str = "x", *args: int, c: object = None, **kw: int) -> None: ...
    >>> signature(f)
    "(a, /, b='x', *args, c=None, **kw)"
    """
    try:
        found = inspect.signature(value)
    except (TypeError, ValueError):
        return ""
    parameters = [
        parameter.replace(
            annotation=inspect.Parameter.empty,
            default=(
                parameter.default
                if parameter.default is inspect.Parameter.empty
                else _Shown(parameter.default)
            ),
        )
        for parameter in found.parameters.values()
        if not parameter.name.startswith("_")  # (an internal keyword, for the package's own use)
    ]
    return str(found.replace(parameters=parameters, return_annotation=inspect.Signature.empty))


def _is_alias(value: object) -> bool:
    """Whether ``value`` is a type alias (``Literal[...]``, ``X | Y``, ``tuple[X, ...]``)."""
    return isinstance(value, types.GenericAlias | types.UnionType) or (
        type(value).__module__ == "typing" and not isinstance(value, type)
    )


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] == "rightsdata"


@functools.cache
def _public_classes() -> dict[type, str]:
    """Every public class, by its first public name (``rightsdata.Event``)."""
    named: dict[type, str] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type):
                named.setdefault(value, f"{module_name}.{name}")
    return named


def _bases(cls: type) -> str:
    """What ``cls`` is besides itself, for ``isinstance`` and ``except``: the public classes
    and builtins of its MRO (not ``object``, ``Exception``, ``BaseException``)."""
    public = _public_classes()
    shown = [
        public.get(base, base.__name__)
        for base in cls.__mro__[1:]
        if base in public
        or (base.__module__ == "builtins" and base not in (object, Exception, BaseException))
    ]
    return f"({', '.join(shown)})" if shown else ""


def _class_lines(path: str, cls: type) -> Iterator[str]:
    if issubclass(cls, enum.Enum):
        yield f"{path}: enum{_bases(cls)}"
        for name, member in cls.__members__.items():  # (an alias too: a name that works)
            yield f"{path}.{name}: term {member.value!r}"
    else:
        made_by = next(
            (c for c in cls.__mro__ if "__init__" in vars(c) or "__new__" in vars(c)), object
        )
        called = f" {signature(cls)}" if _ours(made_by) else ""
        yield f"{path}: class{_bases(cls)}{called}".rstrip()
        for maker in ("__init__", "__new__"):  # (an old keyword of the constructor's)
            yield from _keyword_lines(path, vars(made_by).get(maker))
    fields = [field.name for field in attrs.fields(cls)] if attrs.has(cls) else []
    yield from (f"{path}.{name}: field" for name in fields if not name.startswith("_"))
    ours = [c for c in cls.__mro__ if _ours(c)]
    seen = set(fields) | set(getattr(cls, "__members__", ()))
    for name in sorted({name for c in ours for name in vars(c)} - seen):
        if name.startswith("_") and name not in _PROTOCOL:
            continue
        owner = next(c for c in cls.__mro__ if name in vars(c))
        if _ours(owner):
            yield from _member_lines(f"{path}.{name}", vars(owner)[name])
        seen.add(name)
    annotated = {name for c in ours for name in inspect.get_annotations(c)}
    for name in sorted(annotated - seen):
        if not name.startswith("_"):
            yield f"{path}.{name}: attribute"


def _member_lines(path: str, raw: object) -> Iterator[str]:
    """The line of a class's member, from the class's ``__dict__`` (``raw``)."""
    if path.endswith("__"):
        yield f"{path}: protocol"
    elif isinstance(raw, property | functools.cached_property):
        yield f"{path}: property"
    elif isinstance(raw, classmethod | staticmethod):
        function = raw.__func__
        yield f"{path}: {type(raw).__name__} {signature(function)}"
        yield from _keyword_lines(path, function)
    elif inspect.isfunction(raw):
        yield f"{path}: method {signature(raw)}"
        yield from _keyword_lines(path, raw)
    else:
        yield f"{path}: attribute"


def _keyword_lines(path: str, function: object) -> Iterator[str]:
    function = getattr(function, "__func__", function)  # (a classmethod's, a staticmethod's)
    for old, (new, removed_in) in renamed_keywords_of(function).items():
        yield f"{path}: deprecated keyword {old}=, goes in {removed_in}: {new}="


def _value_lines(path: str, value: object) -> Iterator[str]:
    if isinstance(value, type):
        yield from _class_lines(path, value)
    elif _is_alias(value):
        yield f"{path}: type alias"
    elif callable(value):
        yield f"{path}: function {signature(value)}"
        yield from _keyword_lines(path, value)
    else:
        shown = "mapping" if isinstance(value, Mapping) else type(value).__name__
        yield f"{path}: constant {shown}"


def deprecated_names(module: types.ModuleType) -> dict[str, Renamed]:
    """The old names ``module`` still takes (its ``__getattr__``, a ``RenamedNames``)."""
    kept = vars(module).get("__getattr__")
    return dict(kept.renamed) if isinstance(kept, RenamedNames) else {}


def python_lines() -> Iterator[str]:
    """The public modules' names, each with what it is, and their classes' members."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        yield f"{module_name}: module"
        for name in module.__all__:
            yield from _value_lines(f"{module_name}.{name}", getattr(module, name))
        for old, (new, removed_in) in deprecated_names(module).items():
            instead = new if "." in new else f"{module_name}.{new}"
            yield f"{module_name}.{old}: deprecated name, goes in {removed_in}: {instead}"


def _option_lines(command: str, parser: argparse.ArgumentParser) -> Iterator[str]:
    """The options and arguments of ``parser`` (``command``'s; the top level's if ``""``):
    each option with its other spellings, whether it takes a value, and whether it may be
    given more than once; each argument by its place, with how many values it takes. The
    options that only say what to give instead (hidden) and ``--help`` are left out."""
    at = f"cli {command}".rstrip()
    place = 0
    for action in parser._actions:
        if action.help is argparse.SUPPRESS or isinstance(
            action, argparse._HelpAction | argparse._SubParsersAction
        ):
            continue  # (the commands are listed each with its own options)
        if not action.option_strings:
            place += 1
            nargs: dict[int | str | None, str] = {
                None: "one value",
                "?": "one value or none",
                "*": "any values",
                "+": "one or more values",
            }
            taken = nargs.get(action.nargs, f"values: {action.nargs}")
            yield f"{at}: argument {place}, {taken}"
            continue
        takes = "no value" if action.nargs == 0 else "a value"
        if action.choices is not None:
            takes = f"one of {', '.join(sorted(action.choices))}"
        again = ", repeatable" if isinstance(action, argparse._AppendAction) else ""
        yield f"{at}: option {' '.join(action.option_strings)}, {takes}{again}"


def cli_lines() -> Iterator[str]:
    """The command line's commands, options and arguments, and its exit codes."""
    parser = build_parser()
    yield from _option_lines("", parser)
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for command in commands.choices:
        yield f"cli {command}: command"
        yield from _option_lines(command, _subparser(parser, command))
    for name in exits.__all__:
        if name.startswith("EXIT_"):
            yield f"cli: exit code {getattr(exits, name)} ({name.removeprefix('EXIT_').lower()})"


def data_lines() -> Iterator[str]:
    """What programs read besides Python names: tables and columns, record kinds, export
    formats, problem codes (the vocabularies' terms are their enums', above)."""
    for name, table in TABLES.items():
        yield f"table {name}"
        yield from (f"table {name}: column {column}" for column in table.column_names)
    yield from (f"record kind {kind}" for kind in rightsdata.KINDS)
    yield from (f"export format {name}" for name in FORMATS)
    yield from (f"problem code {code}" for code in rightsdata.PROBLEM_CODES)


def surface() -> list[str]:
    """Every line of the public surface, sorted, each once."""
    return sorted({*python_lines(), *cli_lines(), *data_lines()})


def ledger_lines(lines: Iterable[str]) -> list[str]:
    """The ledger's lines that are not blank and not a ``#`` comment.

    >>> ledger_lines(["# a comment", "rightsdata.load: function (name)", ""])
    ['rightsdata.load: function (name)']
    """
    return [line.rstrip() for line in lines if line.strip() and not line.startswith("#")]


def changed(ledger: Iterable[str], current: Iterable[str]) -> str:
    """What differs between the ``ledger``'s lines and the ``current`` surface's, with what
    to do: the lines removed, then the lines added; empty if nothing.

    >>> changed(["a: function (x)"], ["a: function (x)"])
    ''
    """
    known, found = set(ledger), set(current)
    removed, added = sorted(known - found), sorted(found - known)
    said = [_REMOVED, "", *(f"- {line}" for line in removed)] if removed else []
    if added:
        said += [*([""] if said else []), _ADDED, "", *added]
    return "\n".join(said)


def _release(version: str) -> tuple[int, int, int]:
    """``version``'s numbers (``"0.2.0.dev1"``: 0, 2, 0)."""
    found = re.match(r"(\d+)\.(\d+)\.(\d+)", version)
    assert found, version
    major, minor, patch = map(int, found.groups())
    return major, minor, patch


def _next_minor(version: str) -> str:
    major, minor, _ = _release(version)
    return f"{major}.{minor + 1}.0"


def untimely(spellings: Mapping[str, str], version: str, changelog: str) -> list[str]:
    """Each deprecated spelling (:func:`deprecated_spellings`: its path, the release that
    removes it) whose release is not the next minor one after ``version`` (the policy,
    docs/api.md), or has come (remove it), or that ``changelog`` names in no code span (the
    old name; an old keyword with its ``=`` and its function's name, in one span).

    >>> untimely({"rightsdata.old": "0.2.0"}, "0.1.1", "`rightsdata.old` is deprecated")
    []
    >>> untimely({"rightsdata.f(old=...)": "0.2.0"}, "0.1.1", "`f(old=...)` is deprecated")
    []
    >>> untimely({"rightsdata.old": "0.2.0"}, "0.2.0", "`old()`")
    ['rightsdata.old: goes in 0.2.0, which is this version (0.2.0): remove it']
    """
    said = []
    spans = re.findall(r"`([^`\n]+)`", changelog)
    for path, removed_in in spellings.items():
        # the words a span must hold: an old name; an old keyword and its function's name
        called, _, keyword = path.partition("(")
        words = [called.rpartition(".")[2], *([keyword.removesuffix("...)")] if keyword else [])]
        if _release(removed_in) <= _release(version):
            said.append(
                f"{path}: goes in {removed_in}, which is this version ({version}): remove it"
            )
        elif removed_in != _next_minor(version):
            said.append(
                f"{path}: goes in {removed_in}, not the next minor release "
                f"({_next_minor(version)}), as docs/api.md promises"
            )
        if not any(all(re.search(rf"\b{re.escape(w)}", span) for w in words) for span in spans):
            said.append(f"{path}: not in CHANGELOG.md")
    return said


def deprecated_spellings(lines: Iterable[str]) -> dict[str, str]:
    """Each old spelling the ledger's ``lines`` say is kept: its path (a keyword's as
    ``path(keyword=...)``), and the release that removes it.

    >>> deprecated_spellings(["m.f: deprecated keyword old=, goes in 0.2.0: new="])
    {'m.f(old=...)': '0.2.0'}
    """
    spellings = {}
    for line in lines:
        path, _, what = line.partition(": ")
        if what.startswith("deprecated name, goes in "):
            spellings[path] = what.split()[4].rstrip(":")
        elif what.startswith("deprecated keyword "):
            keyword = what.split()[2].rstrip(",")
            spellings[f"{path}({keyword}...)"] = what.split()[5].rstrip(":")
    return spellings


def test_the_public_surface_is_the_ledgers() -> None:
    message = changed(ledger_lines(LEDGER.read_text("utf-8").splitlines()), surface())
    assert not message, message


def test_the_ledger_is_sorted_and_holds_each_line_once() -> None:
    lines = ledger_lines(LEDGER.read_text("utf-8").splitlines())
    assert lines == sorted(set(lines))


def test_every_public_module_says_its_names() -> None:
    # the ledger reads __all__: a module without one would have no names in it
    assert all(hasattr(importlib.import_module(name), "__all__") for name in PUBLIC_MODULES)
    lines = surface()
    assert "rightsdata.vocab.Role.DEFENDANT: term 'defendant'" in lines
    assert "table events.charges: column provision" in lines
    assert "cli events: option --kind, a value, repeatable" in lines
    assert "cli: exit code 2 (usage)" in lines


def test_a_kept_spelling_is_timely_and_in_the_changelog() -> None:
    said = untimely(
        deprecated_spellings(python_lines()),
        rightsdata.__version__,
        (ROOT / "CHANGELOG.md").read_text("utf-8"),
    )
    assert not said, "\n".join(said)


def test_a_change_is_told_line_by_line() -> None:
    ledger = ["a: function (x)", "b: function (y)", "c: constant int"]
    message = changed(ledger, ["a: function (x)", "b: function (z)", "c: constant int", "d"])
    assert message == "\n".join(
        [_REMOVED, "", "- b: function (y)", "", _ADDED, "", "b: function (z)", "d"]
    )
    assert changed(ledger, [*ledger, "d"]) == f"{_ADDED}\n\nd"


def test_a_renamed_parameter_is_a_removed_line_and_an_added_one() -> None:
    def load(name: str = "kazakhstan", *, strict: bool = False) -> None: ...

    def renamed(dataset: str = "kazakhstan", *, strict: bool = False) -> None: ...

    before, after = list(_value_lines("m.load", load)), list(_value_lines("m.load", renamed))
    assert before == ["m.load: function (name='kazakhstan', *, strict=False)"]
    assert changed(before, after).splitlines()[2:] == [
        "- m.load: function (name='kazakhstan', *, strict=False)",
        "",
        _ADDED,
        "",
        "m.load: function (dataset='kazakhstan', *, strict=False)",
    ]


def test_a_deprecated_spelling_is_a_line_and_is_held_to_its_release() -> None:
    from rightsdata._values.deprecation import renamed_keywords

    @renamed_keywords({"dataset": Renamed("name", "0.2.0")})
    def load(name: str) -> None: ...

    assert list(_value_lines("m.load", load)) == [
        "m.load: function (name)",
        "m.load: deprecated keyword dataset=, goes in 0.2.0: name=",
    ]

    class Card:
        @renamed_keywords({"columns": Renamed("width", "0.2.0")})
        def __init__(self, width: int) -> None: ...

        @classmethod
        @renamed_keywords({"columns": Renamed("width", "0.2.0")})
        def of(cls, width: int) -> Card:
            return cls(width)

    Card.__module__ = "rightsdata.made_up"  # (the members of rightsdata's classes are listed)
    assert list(_value_lines("m.Card", Card)) == [
        "m.Card: class (width)",
        "m.Card: deprecated keyword columns=, goes in 0.2.0: width=",
        "m.Card.of: classmethod (cls, width)",
        "m.Card.of: deprecated keyword columns=, goes in 0.2.0: width=",
    ]
    module = types.ModuleType("m")
    module.__getattr__ = RenamedNames("m", {"old": Renamed("new", "0.2.0")})  # type: ignore[method-assign]
    assert deprecated_names(module) == {"old": Renamed("new", "0.2.0")}
    assert deprecated_spellings(["m.old: deprecated name, goes in 0.2.0: new"]) == {
        "m.old": "0.2.0"
    }
    changelog = "`m.old` and `load(dataset=...)` are deprecated"
    kept = {"m.old": "0.2.0", "m.load(dataset=...)": "0.2.0"}
    assert untimely(kept, "0.1.1", changelog) == []
    assert untimely({"m.old": "0.3.0"}, "0.1.1", changelog) == [
        "m.old: goes in 0.3.0, not the next minor release (0.2.0), as docs/api.md promises"
    ]
    # a keyword is named beside its function: `version=` alone is some other one's
    assert untimely({"m.load(version=...)": "0.2.0"}, "0.1.1", "`version=`, `load`") == [
        "m.load(version=...): not in CHANGELOG.md"
    ]
    assert untimely({"m.gone": "0.2.0"}, "0.2.1", changelog + " gone") == [
        "m.gone: goes in 0.2.0, which is this version (0.2.1): remove it",
        "m.gone: not in CHANGELOG.md",
    ]
