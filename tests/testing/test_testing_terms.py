"""rightsdata.testing can draw every term of every vocabulary at every field that takes it, in
each format the strategies draw for (``format=``: not a term a later format added,
``TERMS_FROM``), so that a test of code that switches on a term meets each one.

Drawing whole records until every term has turned up is slow (an event's kind is one of 37;
300 events drew 25 of them), so the claim is proved in two halves, each fast:

- each vocabulary field's own strategy (``_field_strategies``, made from the field's type)
  draws every term of its format's list (``terms_in``), and none other;
- each record and part strategy takes every term it holds from that field's strategy: the
  value at each field of a vocabulary, in every draw, is one that field's strategy gave in
  that draw. A field a strategy fills by hand (an override, a term list of its own, a term
  set outright) fails here, naming it: it would not draw a term added to the vocabulary.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import pytest
from hypothesis import find
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from rightsdata import testing
from rightsdata._model.records import PARTS, RECORD_CLASSES, Citation, Event, Figure, Identifier
from rightsdata._values import format as formats
from rightsdata._values.hints import field_hints, leaf_types, nested_part

from conftest import searching

#: A field of a vocabulary: its class and name.
_Field = tuple[type, str]

#: Each strategy of a class that holds a vocabulary field, by that class: the parts' first,
#: so that the records' draws need only show their own fields.
STRATEGIES: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    Figure: testing.figures,
    Identifier: testing.identifiers,
    # (a citation's confidence: its fields name those of an event, which holds it)
    Citation: lambda: testing.citations(Event),
    **{cls: getattr(testing, cls.kind_name) for cls in RECORD_CLASSES},
}
#: How many values of a field's own strategy a search for its every term looks at (a few
#: hundred are enough for the 37 kinds of event).
FIELD_DRAWS: Final = 2000
#: How many records (or parts) a strategy draws to show each vocabulary field it holds.
DRAWS: Final = 200
#: A term a later format added, patched into ``TERMS_FROM`` as test_terms_from.py does: each
#: format's strategies then draw it or not.
MADE_UP: Final = {("EventKind", "strike"): formats.FORMAT}


def vocabulary_of(cls: type, name: str) -> type[enum.Enum] | None:
    """The vocabulary of the field ``name`` of ``cls`` (read from the model), or None."""
    for leaf in leaf_types(field_hints(cls)[name]):
        if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
            return leaf
    return None


def vocabulary_fields(cls: type) -> Iterator[tuple[_Field, type[enum.Enum]]]:
    """Each field of a vocabulary of ``cls`` and of the parts it holds, and the vocabulary."""
    for name, hint in field_hints(cls).items():
        vocabulary = vocabulary_of(cls, name)
        if vocabulary is not None:
            yield (cls, name), vocabulary
        part, _ = nested_part(hint)
        if part is not None and part is not cls:
            yield from vocabulary_fields(part)


ALL_FIELDS: Final = dict(
    pair for cls in (*RECORD_CLASSES, *PARTS) for pair in vocabulary_fields(cls)
)


def _clear_caches() -> None:
    """Forget the strategies made (by class, holder and format): made again, they are made
    from the map and the functions in place now."""
    formats._newer_of.clear()
    for made in vars(testing).values():
        if callable(getattr(made, "cache_clear", None)):
            made.cache_clear()


@pytest.fixture(params=["real", "made-up"])
def terms_from(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``TERMS_FROM`` as it is, and with :data:`MADE_UP` patched in."""
    if request.param == "made-up":
        monkeypatch.setattr(formats, "TERMS_FROM", {**formats.TERMS_FROM, **MADE_UP})
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def test_every_vocabulary_field_of_the_model_is_here() -> None:
    """Each vocabulary is held by some field, each field is held by a class a strategy here
    draws (the parts through the records)."""
    from rightsdata.vocab import VOCABULARIES

    assert set(VOCABULARIES) == set(ALL_FIELDS.values())
    drawn = {field for cls in STRATEGIES for field, _ in vocabulary_fields(cls)}
    assert drawn == set(ALL_FIELDS)


@pytest.mark.usefixtures("terms_from")
@pytest.mark.parametrize("format", formats.READABLE)
def test_each_vocabulary_field_strategy_draws_every_term_of_its_format(format: int) -> None:
    missing, extra = [], []
    for (cls, name), vocabulary in ALL_FIELDS.items():
        expected = set(formats.terms_in(vocabulary, format))
        seen: set[Any] = set()

        def every_term(value: Any, seen: set[Any] = seen, expected: set[Any] = expected) -> bool:
            if value is not None:
                seen.add(value)
            return seen >= expected

        strategy = testing._field_strategies(cls, None, format)[name]
        with contextlib.suppress(NoSuchExample):  # (what it drew is told below)
            find(strategy, every_term, settings=searching(FIELD_DRAWS))
        where = f"{cls.__name__}.{name} (format {format})"
        missing += [f"{where}: {t.value}" for t in sorted(expected - seen, key=str)]
        extra += [f"{where}: {t.value}" for t in sorted(seen - expected, key=str)]
    assert not missing, f"never drawn in {FIELD_DRAWS} draws:\n" + "\n".join(missing)
    assert not extra, "drawn, though no term of the format:\n" + "\n".join(extra)


class _Given:
    """The values each vocabulary field's strategy gave while one value was drawn."""

    def __init__(self) -> None:
        self.values: dict[_Field, set[Any]] = {}

    def logged(self, field: _Field, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        """``strategy``, each value it gives noted for ``field`` (the draws unchanged)."""

        def note(value: Any) -> Any:
            self.values.setdefault(field, set()).add(value)
            return value

        return strategy.map(note)


@pytest.fixture
def given_values(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Given]:
    """Every vocabulary field's strategy, made again with what it gives noted."""
    given = _Given()
    original = testing._field_strategy

    def noted(cls: type, field: attrs.Attribute[Any], holder: type | None, format: int) -> Any:
        made = original(cls, field, holder, format)
        if vocabulary_of(cls, field.name) is None:
            return made
        return given.logged((cls, field.name), made)

    monkeypatch.setattr(testing, "_field_strategy", noted)
    _clear_caches()
    yield given
    monkeypatch.undo()
    _clear_caches()


def _held(value: Any) -> Iterator[tuple[_Field, Any]]:
    """Each vocabulary field of ``value`` (a record or part) and of the parts it holds that
    holds a term, with the term."""
    for field in attrs.fields(type(value)):
        held = getattr(value, field.name)
        for item in held if isinstance(held, tuple) else (held,):
            if isinstance(item, enum.Enum):
                yield (type(value), field.name), item
            elif attrs.has(type(item)):
                yield from _held(item)


def test_each_strategy_takes_every_term_from_its_fields_strategy(given_values: _Given) -> None:
    filled: set[_Field] = set()
    by_hand: set[str] = set()
    unfilled: list[str] = []
    for cls, made in STRATEGIES.items():
        wanted = {field for field, _ in vocabulary_fields(cls)}
        strategy = made()  # (made now: from the strategies noted)

        @st.composite
        def drawn(draw: st.DrawFn, strategy: st.SearchStrategy[Any] = strategy) -> Any:
            given_values.values.clear()
            value = draw(strategy)
            return value, {field: set(values) for field, values in given_values.values.items()}

        def judged(pair: tuple[Any, dict[_Field, set[Any]]], wanted: set[_Field] = wanted) -> bool:
            value, given = pair
            for field, term in _held(value):
                filled.add(field)
                if term not in given.get(field, ()):
                    by_hand.add(f"{field[0].__name__}.{field[1]} = {term.value}")
            return wanted <= filled

        try:
            find(drawn(), judged, settings=searching(DRAWS))
        except NoSuchExample:
            unfilled += [f"{c.__name__}.{n}" for c, n in sorted(wanted - filled, key=str)]
    assert not by_hand, (
        "terms not drawn from their field's strategy (testing._field_strategies), so never "
        "a term added to the vocabulary:\n" + "\n".join(sorted(by_hand))
    )
    assert not unfilled, f"never holding a term in {DRAWS} draws:\n" + "\n".join(unfilled)
