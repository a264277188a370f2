"""Every field of every record and of every part it holds reaches both cards (HTML and text).

The fields and parts are read from the model, not listed here: for each record class, each
path to a part (``figures``, ``figures.citations``, ``penalty``...) and each field of the
record or part there, the field is set to another value (drawn from its own strategy, the
same every run) and both cards must change. A field with no words of its own on a card is
shown by the generic ``label value`` after its part or row
(:func:`rightsdata._display.words.other_fields`), so a field added to the model passes with
no edit to the cards; one that a renderer shows in its own way is named in
``rightsdata._display.words.SHOWN`` (records) or ``PART_SHOWN`` (parts), and must then show it.

A figure is rendered by hand in two more places, the card of a ``Figures`` (the claims'
table) and its repr (one line saying what they say): each field of Figure must change both
(but the line's, which leaves who and where to the card: ``NOT_IN_SUMMARY``).
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import pytest
from hypothesis import find
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

import rightsdata
from rightsdata import Event, Figure, Figures, testing
from rightsdata._display.cards import record_card
from rightsdata._display.lists import figures_card
from rightsdata._model.records import PARTS, RECORD_CLASSES
from rightsdata._values.format import FORMAT
from rightsdata._values.hints import field_hints, nested_part
from rightsdata.textcard import text_card
from rightsdata.vocab import FigureQualifier
from test_card_fields import SILENT  # (the values a card shows by saying nothing)

from conftest import searching

#: Fields neither card shows, each with why. (Empty: a field is shown, in words of its own
#: or by the generic ``label value``; a field added here needs a reason a reader accepts.)
NOT_ON_CARDS: Final[dict[tuple[str, str], str]] = {}

_STRATEGIES: Final = {cls: getattr(testing, cls.kind_name) for cls in RECORD_CLASSES}
_FIND: Final = searching(300)


def _part_paths(cls: type, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], type]]:
    """Each path from ``cls`` to a part it holds (through parts, too), with the part's class."""
    for field in attrs.fields(cls):
        part, _ = nested_part(field_hints(cls)[field.name])
        if part is not None:
            yield (*path, field.name), part
            yield from _part_paths(part, (*path, field.name))


#: (record class, path to a part or () for the record's own fields, the class there)
CASES: Final = [
    (cls, path, part) for cls in RECORD_CLASSES for path, part in [((), cls), *_part_paths(cls)]
]


def _first(value: Any, path: tuple[str, ...]) -> Any:
    """The first part at ``path`` under ``value``, or None where there is none."""
    for name in path:
        value = getattr(value, name)
        if isinstance(value, tuple):
            value = value[0] if value else None
        if value is None:
            return None
    return value


def _with(value: Any, path: tuple[str, ...], name: str, new: Any) -> Any:
    """``value`` with field ``name`` of its first part at ``path`` set to ``new`` (checked
    by the model: a value it refuses raises)."""
    return _replaced(value, path, lambda part: attrs.evolve(part, **{name: new}))


def _replaced(value: Any, path: tuple[str, ...], change: Callable[[Any], Any]) -> Any:
    """``value`` with its first part at ``path`` (itself, if none) made ``change(part)``."""
    if not path:
        return change(value)
    held = getattr(value, path[0])
    if isinstance(held, tuple):
        return attrs.evolve(value, **{path[0]: (_replaced(held[0], path[1:], change), *held[1:])})
    return attrs.evolve(value, **{path[0]: _replaced(held, path[1:], change)})


def _meaning(cls: type, name: str, value: object) -> object:
    return None if SILENT.get((cls.__name__, name), ...) is value else value


def _holder(record_cls: type, path: tuple[str, ...]) -> type:
    """The class holding the part at ``path`` (whose fields a citation or inference names)."""
    holder = record_cls
    for name in path[:-1]:
        part, _ = nested_part(field_hints(holder)[name])
        assert part is not None
        holder = part
    return holder


def test_every_part_class_is_reached() -> None:
    """The walk reaches every part class the model has (PARTS): none is left untested."""
    assert {part for _, path, part in CASES if path} == set(PARTS)


@pytest.mark.parametrize(
    ("cls", "path", "part"),
    CASES,
    ids=[".".join((cls.__name__, *path)) for cls, path, _ in CASES],
)
def test_every_field_changes_both_cards(cls: type, path: tuple[str, ...], part: type) -> None:
    holder = None if not path else _holder(cls, path)
    strategies = testing._field_strategies(part, holder, FORMAT)
    held = find(_STRATEGIES[cls](), lambda r: _first(r, path) is not None, settings=_FIND)
    unshown = []
    for field in attrs.fields(part):
        hint = field_hints(part)[field.name]
        if (part.__name__, field.name) in NOT_ON_CARDS or _one_term(hint):
            continue
        record, value = _changed(held, path, part, field.name, strategies[field.name])
        changed = _with(record, path, field.name, value)
        where = ".".join((cls.__name__, *path, field.name))
        if record_card(changed, None) == record_card(record, None):
            unshown.append(f"{where} = {value!r}: the HTML card is unchanged")
        if text_card(changed, None, width=80) == text_card(record, None, width=80):
            unshown.append(f"{where} = {value!r}: the text card is unchanged")
    assert not unshown, (
        "\n".join(unshown) + "\nA field named in rightsdata._display.words.SHOWN (a record's) "
        "or PART_SHOWN (a part's) is left to the cards' own code, in "
        "src/rightsdata/_display/cards.py and src/rightsdata/textcard.py: show it there, or "
        "take it out of SHOWN/PART_SHOWN and the generic 'label value' shows it (a part's "
        "renderer must add `_more(part, ...)` after the part, on both cards). A field no card "
        "may show goes in NOT_ON_CARDS here, with why."
    )


def _one_term(hint: Any) -> bool:
    """Whether a field's type is a vocabulary of one term (a rating's scale): its value
    cannot change, and the card that shows it is tested once a second term comes."""
    return isinstance(hint, enum.EnumMeta) and len(hint) == 1


def _changed(
    record: Any, path: tuple[str, ...], part: type, name: str, values: st.SearchStrategy[Any]
) -> tuple[Any, Any]:
    """(a record, another value for field ``name`` of its first part at ``path`` that the
    model takes there): ``record`` if some value fits it, else another record drawn with the
    value (a figure's range_meaning needs one with low and high)."""

    def fits(record: Any, value: Any) -> bool:
        current = _first(record, path)
        if current is None:
            return False
        if _meaning(part, name, value) == _meaning(part, name, getattr(current, name)):
            return False
        try:
            _with(record, path, name, value)
        except (ValueError, TypeError):
            return False
        return True

    try:
        return record, find(values, lambda value: fits(record, value), settings=_FIND)
    except NoSuchExample:
        pass
    # another part in its place, drawn with the value
    parts = testing._part(part, _holder(type(record), path), FORMAT) if path else None
    drawn = st.tuples(parts if parts is not None else _STRATEGIES[part](), values)
    found = find(
        drawn,
        lambda pair: fits(_replaced(record, path, lambda _: pair[0]), pair[1]),
        settings=_FIND,
    )
    return _replaced(record, path, lambda _: found[0]), found[1]


# --- a figure in the renderings of claims: the Figures card and repr -------------------------

#: The fields of a figure that the one line saying what the claims say (a Figures' repr, and
#: the line under its card's heading) leaves to the card's table, each with why. Every other
#: field, one added to Figure too, must change that line.
NOT_IN_SUMMARY: Final[dict[str, str]] = {
    "asserted_by": "who asserted a claim: the card's 'asserted by' column says it",
    "joined_by": "who asserted a claim: the card's 'asserted by' column says it",
    "relayed_by": "who relayed a claim: the card's 'asserted by' column says it",
    "citations": "where a claim is made: the card's 'source' column says it",
}
_IMPRECISE: Final = FigureQualifier.IMPRECISE
_FIGURE_HOLDER: Final = Event  # (a figure's citations name a figure's fields whatever holds it)


def _claims(figure: Figure) -> Figures:
    """One claim as ``ds.figures(id)`` answers it: no measure, unit, period or thing asked."""
    return Figures(record="event:a", measure=None, figures=(figure,))


_FIGURE_RENDERINGS: Final[dict[str, Callable[[Figure], str]]] = {
    "the Figures card": lambda figure: figures_card(_claims(figure), None),
    "the Figures repr": lambda figure: repr(_claims(figure)),
}


def _figure_field_cases() -> list[tuple[str, str]]:
    return [
        (rendering, field.name)
        for field in attrs.fields(Figure)
        for rendering in _FIGURE_RENDERINGS
        if not (rendering == "the Figures repr" and field.name in NOT_IN_SUMMARY)
    ]


@pytest.mark.parametrize(("rendering", "name"), _figure_field_cases())
def test_every_figure_field_changes_the_renderings_of_claims(rendering: str, name: str) -> None:
    """For each field of Figure (read from the model: a field added to it is tested with no
    edit here), some figure and some other value of the field that the model takes change
    the card of the claims (every field: its table shows each claim whole) and their repr
    (every field but those of NOT_IN_SUMMARY). A field a renderer has no words for is shown
    by the generic ``label value`` (``_more`` on the card, ``_claims_more`` in the line)."""
    render = _FIGURE_RENDERINGS[rendering]
    if _one_term(field_hints(Figure)[name]):
        pytest.skip(f"Figure.{name} has one term: no other value to show")
    values = testing._field_strategies(Figure, _FIGURE_HOLDER, FORMAT)[name]
    drawn = testing._part(Figure, _FIGURE_HOLDER, FORMAT)
    # (and claims of no number, rare in the model's draws: the line says their words alone)
    numberless = drawn.map(
        lambda f: attrs.evolve(
            f, low=None, best=None, high=None, range_meaning=None, qualifier=_IMPRECISE
        )
    )
    figures = st.one_of(drawn, numberless)

    def shown(pair: tuple[Figure, Any]) -> bool:
        figure, value = pair
        if _meaning(Figure, name, value) == _meaning(Figure, name, getattr(figure, name)):
            return False
        try:
            changed = attrs.evolve(figure, **{name: value})
        except (ValueError, TypeError):
            return False
        return render(changed) != render(figure)

    try:
        find(st.tuples(figures, values), shown, settings=_FIND)
    except NoSuchExample:
        pytest.fail(
            f"Figure.{name}: no value of it changes {rendering}. A field named in "
            "rightsdata._display.words.PART_SHOWN['Figure'] is left to the renderers' own "
            "words: say it in src/rightsdata/_display/lists.py (figures_card) and in "
            "figures_summary (src/rightsdata/_display/words.py), or take it out of "
            "PART_SHOWN and the generic 'label value' says it; a field the one line may "
            "leave to the card goes in NOT_IN_SUMMARY here, with why."
        )


def test_every_field_left_out_of_the_summary_is_a_figures_field() -> None:
    assert set(NOT_IN_SUMMARY) <= {f.name for f in attrs.fields(Figure)}


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _FigureWithMore(Figure):  # type: ignore[misc]  # (Figure is final: for the test alone)
    """A figure with fields no renderer was written for, as a new model field would be."""

    method: str | None = None
    counted_by: tuple[str, ...] = ()


def test_a_figure_field_no_renderer_knows_is_in_every_rendering_of_the_figure() -> None:
    ds = rightsdata.load()
    base = ds.figures("event:zhanaozen-massacre-2011", "killed")[0]
    fields = {f.name: getattr(base, f.name) for f in attrs.fields(Figure)}
    figure = _FigureWithMore(
        **fields, method="morgue records", counted_by=("person:yevgeniy-zhovtis",)
    )
    # (the model takes a Figure, not a subclass: set without its checks, for the cards alone)
    event = copy.copy(ds.get("event:zhanaozen-massacre-2011", Event))
    object.__setattr__(event, "figures", (figure,))
    claims = Figures(record=event.id, measure=None, figures=(figure,))
    card = figures_card(claims, ds)
    assert "method morgue records; counted by Yevgeniy Zhovtis" in card
    assert repr(claims) == (
        "<Figures event:zhanaozen-massacre-2011 killed: 1 claim, at least 15 people, "
        "method morgue records, counted by person:yevgeniy-zhovtis>"
    )
    other = attrs.evolve(figure, method="hospital lists", counted_by=())
    both = Figures(record=event.id, measure=None, figures=(figure, other, figure))
    assert "method morgue records or hospital lists, counted by" in repr(both)
    assert "method morgue records" in record_card(event, ds)
    assert "method morgue records" in text_card(event, ds, width=80)
