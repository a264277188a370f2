"""A Python call a message advises is written one way: in backticks (``python_call``), as a
command is, so that it reads as code to copy and ``textcard.wrap(whole=True)`` keeps it whole."""

from __future__ import annotations

import ast
import pathlib
import pickle
import re
from collections.abc import Callable

import pytest

import rightsdata
from rightsdata import testing
from rightsdata._data.dataset import base_of
from rightsdata._validation.convert import unstructure
from rightsdata._values.errors import DatasetVersionError, Problems
from rightsdata._values.shell import python_call
from rightsdata.textcard import text_card, wrap

from conftest import ROOT

SRC = ROOT / "src" / "rightsdata"


def _message(action: Callable[[], object]) -> str:
    with pytest.raises((TypeError, ValueError, pickle.PickleError)) as caught:
        action()
    return str(caught.value)


def _ds() -> rightsdata.Dataset:
    return rightsdata.load()


#: Each message that advises a call, and the calls it advises (each in backticks).
CASES: list[tuple[str, Callable[[], str], list[str]]] = [
    (
        "load() of no name",
        lambda: _message(lambda: rightsdata.load(5)),  # type: ignore[arg-type]
        ["rightsdata.load_path(path)"],
    ),
    (
        "unknown bundled name",
        lambda: _message(lambda: rightsdata.load("atlantis")),
        ["rightsdata.load_path(path)"],
    ),
    (
        "base given as a name",
        lambda: _message(lambda: base_of("kazakhstan")),
        ["rightsdata.load('kazakhstan')", "rightsdata.load_path(path)"],
    ),
    (
        "Dataset of a list",
        lambda: _message(lambda: rightsdata.Dataset([])),  # type: ignore[arg-type]
        ["Dataset({'persons': [person, ...], 'events': [event, ...]})"],
    ),
    (
        "get by a kind's name",
        lambda: _message(lambda: _ds().get("event:x", "events")),  # type: ignore[call-overload]
        ["ds.collection('events')[id]"],
    ),
    (
        "get by something not a record class",
        lambda: _message(lambda: _ds().get("event:x", int)),  # type: ignore[type-var]
        [
            "Dataset.get(id, kind)",
            "rightsdata.Event",
            "rightsdata.Record",
            "(Person, Organization)",
        ],
    ),
    (
        "Problems of an int",
        lambda: _message(lambda: Problems(5)),  # type: ignore[arg-type]
        ["Problems([problem])", "Problems()"],
    ),
    ("ids() of none", lambda: _message(testing.ids), ["ids('person')", "ids('person', 'org')"]),
    (
        "text_card of the dataset first",
        lambda: _message(lambda: text_card(_ds(), None)),  # type: ignore[arg-type]
        ["ds.get(id)", "text_card(ds.get(id), ds)"],
    ),
    (
        "unstructure of a dataset",
        lambda: _message(lambda: unstructure(_ds())),  # type: ignore[arg-type]
        ["ds.to_dict()"],
    ),
    (
        "load_documents of a list",
        lambda: _message(lambda: rightsdata.load_documents([])),  # type: ignore[arg-type]
        ["ds.to_dict()"],
    ),
    (
        "a bundled version too new",
        lambda: str(DatasetVersionError("kazakhstan", "4.0.0", "3", bundled=True)),
        ["rightsdata.datasets()"],
    ),
    (
        "a card pickled",
        lambda: _message(lambda: pickle.dumps(_ds().card("person:vladimir-kozlov"))),
        ["ds.card(id)"],
    ),
    (
        "a card shown of a changed copy",
        lambda: _message(
            lambda: _ds().card(
                __import__("attrs").evolve(_ds().get("person:vladimir-kozlov"), name="X")
            )
        ),
        ["Dataset(..., base=ds)"],
    ),
    # a window given as one text, or as one value, or backwards: the pair to pass
    (
        "between as one text",
        lambda: _message(lambda: _ds().events(between="2012 to 2013")),  # type: ignore[arg-type]
        ["between=('2012', '2013')"],
    ),
    (
        "between as one value",
        lambda: _message(lambda: _ds().events(between=("2012-01..2012-03",))),  # type: ignore[arg-type]
        ["between=('2012-01', '2012-03')"],
    ),
    (
        "between backwards",
        lambda: _message(lambda: _ds().statements(between=("2013", "2012"))),
        ["between=('2012', '2013')"],
    ),
    (
        "a side of between as a span",
        lambda: _message(lambda: _ds().events(between=("2012 to 2013", None))),
        ["between=('2012', '2013')"],
    ),
]


@pytest.mark.parametrize(("name", "message", "calls"), CASES, ids=[c[0] for c in CASES])
def test_each_call_a_message_advises_is_in_backticks(
    name: str, message: Callable[[], str], calls: list[str]
) -> None:
    text = message()
    for call in calls:
        assert f"`{call}`" in text, text
    # and a copy of it is whole: wrap keeps each call on one line
    lines = wrap(text, 30, whole=True)
    for call in calls:
        assert any(f"`{call}`" in line for line in lines), lines


def test_python_call_refuses_a_backtick_that_would_end_its_span() -> None:
    assert python_call("rightsdata.load()") == "`rightsdata.load()`"
    with pytest.raises(ValueError, match="no backtick"):
        python_call("rightsdata.validate('a`b')")


#: Python of the library's in a string: a call (``rightsdata.load_path(``, ``ds.export(``,
#: ``Dataset.get(``) or a public name (``rightsdata.Event``, ``rightsdata.tables.rows``). Not a
#: file (``dataset.json``), nor a private module (``rightsdata._data.loading``, which the
#: lazy imports' tables and generated source name, and no message tells a user to call).
_CALL = re.compile(
    r"\b(?:rightsdata|ds|dataset)\.(?!_|(?:json|jsonl|csv|toml|parquet|md)\b)[A-Za-z_][\w.]*"
    r"|\b[A-Z][A-Za-z]*\.[a-z_]\w*\("
)


def _text(node: ast.Constant | ast.JoinedStr) -> str:
    """The text of a string, an f-string's with ``x`` for each value it formats (so that
    ``f"rightsdata.{name}(...)"`` reads as the call it writes, and a span in backticks around a
    value as one span)."""
    if isinstance(node, ast.Constant):
        return str(node.value)
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "x" for v in node.values)


def _unmarked_calls(path: pathlib.Path) -> list[str]:
    """The strings of ``path`` (not docstrings) that write Python of the library's outside
    backticks and outside an argument of ``python_call``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):  # a docstring
            skipped.add(id(first.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "python_call":
            skipped.update(id(n) for a in node.args for n in ast.walk(a))
        if isinstance(node, ast.JoinedStr):  # read whole, not piece by piece
            skipped.update(id(v) for v in node.values)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str)
        ):
            text = _text(node)
            if re.fullmatch(r"[\w.]+", text):  # a module's path to import, not a message
                continue
            # what is in backticks is marked already (a call in a literal span)
            outside = re.sub(r"`[^`]*`", "", text)
            if _CALL.search(outside):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {text!r}")
    return found


def test_no_message_writes_a_call_outside_backticks() -> None:
    found = [line for path in sorted(SRC.rglob("*.py")) for line in _unmarked_calls(path)]
    assert found == []
