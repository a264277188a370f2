"""rightsdata.testing draws every field of every record and part, so that the differential and
property tests meet each: a field its strategy never fills is a field they never test.

The fields are read from the model (every record class, every path to a part, every field
there), not listed by hand: over a fixed run of draws (derandomized: the same every run),
each strategy must draw each field filled at least once, and each optional field empty at
least once. A field added to the model is drawn from its spec
(``rightsdata.testing._field_strategy``); one a strategy builds by hand, or overrides, must
be drawn there too, or this fails naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rightsdata import testing
from rightsdata._model.records import PARTS, RECORD_CLASSES, Citation, Event, Figure, Identifier
from rightsdata._values.hints import field_hints, nested_part

#: Each strategy, by the class it draws.
STRATEGIES: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    **{cls: getattr(testing, cls.kind_name) for cls in RECORD_CLASSES},
    Figure: testing.figures,
    # (with a holder: a citation's fields name the fields of the record holding it)
    Citation: lambda: testing.citations(Event),
    Identifier: testing.identifiers,
}
#: Draws a strategy gets to show every field filled and empty.
DRAWS: Final = 150

_Path = tuple[str, ...]


def _fields(cls: type, path: _Path = ()) -> Iterator[tuple[_Path, attrs.Attribute[Any], Any]]:
    """(path, field, type hint) of each field of ``cls`` and of the parts it holds."""
    hints = field_hints(cls)
    for field in attrs.fields(cls):
        yield (*path, field.name), field, hints[field.name]
        part, _ = nested_part(hints[field.name])
        if part is not None:
            yield from _fields(part, (*path, field.name))


def _empty(value: object) -> bool:
    return value is None or value == () or value == ""


class _Seen:
    """The paths at which the draws held a field filled, and empty."""

    def __init__(self) -> None:
        self.filled: set[_Path] = set()
        self.empty: set[_Path] = set()

    def add(self, value: Any, path: _Path = ()) -> None:
        for field in attrs.fields(type(value)):
            held = getattr(value, field.name)
            at = (*path, field.name)
            (self.empty if _empty(held) else self.filled).add(at)
            for item in held if isinstance(held, tuple) else (held,):
                if attrs.has(type(item)):
                    self.add(item, at)


def _drawn(strategy: st.SearchStrategy[Any]) -> _Seen:
    seen = _Seen()

    @settings(
        max_examples=DRAWS,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: Any) -> None:
        seen.add(value)

    draw()
    return seen


def test_every_record_and_part_class_has_a_strategy_here() -> None:
    """Each record class is drawn here by its strategy, and each part through them."""
    assert set(RECORD_CLASSES) <= set(STRATEGIES)
    held = {nested_part(hint)[0] for cls in RECORD_CLASSES for _, _, hint in _fields(cls)}
    assert held - {None} == set(PARTS)


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda cls: cls.__name__)
def test_each_strategy_draws_every_field(cls: type) -> None:
    seen = _drawn(STRATEGIES[cls]())
    missing = []
    for path, field, _ in _fields(cls):
        where = ".".join((cls.__name__, *path))
        if path not in seen.filled:
            missing.append(f"{where}: never filled")
        optional = field.default is not attrs.NOTHING
        # (a part's field is judged where the part is drawn: an empty list holds none)
        if optional and path not in seen.empty:
            missing.append(f"{where}: never empty")
    assert not missing, (
        f"testing.{STRATEGIES[cls].__name__}() in {DRAWS} draws:\n"
        + "\n".join(missing)
        + "\nA field is drawn from its spec unless the strategy builds it by hand or overrides "
        "it (src/rightsdata/testing.py: _PARTS, the _builds/_made overrides of each record "
        "strategy): draw it there."
    )
