"""Timelines as pictures: an actor's (a person, organisation or group), a place's or a case's
events, or some events chosen, on a time axis.

Needs matplotlib (``pip install "rightsdata[plot]"``), imported only when a plot is drawn.
One row per event, in date order (the order of :meth:`~rightsdata.Dataset.timeline`), its
title on the left and its date beside its mark. A day is a dot; a month, season or year, or
a set of dates ("one of"), is a light bar over the days it could be ("some time within"; a
set's bar runs from its first date to its last); an interval is a solid bar from its
start to its end (one whose end is a month, season or year: light where it may have run,
solid where it surely ran); an unknown side fades out towards the edge, an open side
(``..``) runs to the edge and ends in an arrow; a qualified date (``?``, ``~``, ``%``) has
a hollow dot or a dashed outline (a fading bar's open at its unknown side). Each kind of
event has its own style, the same in every plot (:data:`KIND_ORDER`): a colour from a
colour-blind-safe palette, and past ten kinds a hatch.
Undated events are listed at the bottom, with no mark. Every text is drawn as it is: a
``$`` in a title is a dollar sign, never mathtext. Dates from year 1 to 9999 can be drawn.
See docs/plotting.md.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import rightsdata
>>> ax = rightsdata.load().plot_timeline("person:vladimir-kozlov")
>>> len(ax.get_yticklabels())
13
>>> import matplotlib.pyplot as plt
>>> plt.close("all")
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from rightsdata._data.answers import DateLike
from rightsdata._data.dataset import Dataset
from rightsdata._data.query import window
from rightsdata._display.given import given
from rightsdata._display.marks import Mark, case_events, mark_of, subject_events
from rightsdata._display.plotfit import TICK_ROOM, Fit, InRoom, renderer_of
from rightsdata._display.words import (
    INFERRED_MARK,
    isolated,
    listed_date,
    status_note,
    term,
    truncate,
)
from rightsdata._model.records import Event, Record
from rightsdata._values.columncount import columns_given
from rightsdata._values.columns import display_width
from rightsdata._values.errors import not_a_name
from rightsdata._values.extras import require
from rightsdata._values.flags import flag
from rightsdata._values.lazymodule import LazyModule
from rightsdata._values.shell import python_call
from rightsdata.vocab import EventKind, EventKindValue

if TYPE_CHECKING:
    import matplotlib.artist
    import matplotlib.axes
else:  # imported when used, or when typing.get_type_hints reads an annotation
    matplotlib = LazyModule("matplotlib")

__all__ = ["KIND_ORDER", "PALETTE", "case_events", "kind_style", "plot_timeline"]

#: The colours: Petroff's ten-colour sequence ("Accessible Color Sequences for Data
#: Visualization", 2021; matplotlib's ``petroff10``), chosen to stay distinct under the
#: common colour-vision deficiencies. Which kind gets which is fixed: :data:`KIND_ORDER`.
PALETTE: Final = (
    "#3f90da",
    "#ffa90e",
    "#bd1f01",
    "#94a4a2",
    "#832db6",
    "#a96b59",
    "#e76300",
    "#b9ac70",
    "#717581",
    "#92dadd",
)
# After ten kinds the colours come round again, with another marker and a hatch.
_ROUNDS: Final = (("o", ""), ("D", "////"), ("s", "xxxx"), ("^", "...."))

#: Every kind of event, in the order that gives each its style, the same in every plot: the
#: kind at position ``i`` has colour ``PALETTE[i % 10]``; the first ten are plain, the next
#: ten hatched ``////`` (a diamond for a day), then ``xxxx`` (a square), then ``....`` (a
#: triangle). The first ten are the commonest kinds; each later kind shares its colour with a
#: related one of them (a strike with a protest, an appeal with a verdict, a parole hearing
#: with a release), so a colour says what sort of event it is and the hatch which. Every
#: kind is placed here (tests/model/test_vocabulary_partitions.py): a kind added to the
#: vocabulary goes at the end, or where its colour says what it is related to (each kind
#: after it then changes its style). One left out would be drawn after these, in vocabulary
#: order.
KIND_ORDER: Final = (
    # plain
    "protest", "arrest", "detention", "charge", "trial",
    "verdict", "release", "killing", "crackdown", "other",
    # hatched ////
    "strike", "assault", "prison_punishment", "prosecution", "investigation",
    "appeal", "parole_hearing", "ill_treatment", "ban", "publication",
    # hatched xxxx
    "unrest", "deployment", "hunger_strike", "lawsuit", "ban_request",
    "legislation", "election", "death_in_custody", "candidacy_rejection", "interview",
    # hatched ....
    "campaign", "visit", "meeting", "letter", "resolution", "ratification", "watchlist",
)  # fmt: skip
_BAR: Final = 0.56  # bar height, in rows
_SPAN_BAR: Final = 0.3  # a "some time within" bar: thinner, so a year does not dominate
_LIGHT: Final = 0.22  # fill opacity of "some time within"
_SOLID: Final = 0.9
_GREY: Final = "#777777"
_DOT: Final = 0.006  # a span narrower than this part of the axis is drawn as a dot
_FONT: Final = 9


def _pyplot() -> Any:
    """matplotlib's pyplot, or MissingExtraError (an ImportError) saying what to install."""
    require("matplotlib", "plot")
    return require("matplotlib.pyplot", "plot")


def _kind_index() -> dict[str, int]:
    from rightsdata.vocab import EventKind

    order = [k for k in KIND_ORDER if k in EventKind.__members__.values()]
    order += [k.value for k in EventKind if k.value not in order]
    return {kind: index for index, kind in enumerate(order)}


def kind_style(kind: str) -> tuple[str, str, str]:
    """The colour, dot marker and bar hatch of a kind of event, the same in every plot.

    >>> kind_style("trial"), kind_style("verdict"), kind_style("appeal")
    (('#832db6', 'o', ''), ('#a96b59', 'o', ''), ('#a96b59', 'D', '////'))
    """
    wrong = not_a_name(kind, "an event kind", "arrest")
    if wrong is not None:
        raise TypeError(wrong)  # (a wrong type, docs/api.md)
    indexes = _kind_index()
    index = indexes.get(kind)
    if index is None:  # (a KeyError named the value only)
        from rightsdata._values.spelling import spelled_like  # (only when wrong)

        raise ValueError(
            f"{kind!r} is not an event kind{spelled_like(kind, indexes)}; the event kinds are: "
            f"{', '.join(indexes)}"
        )
    marker, hatch = _ROUNDS[index // len(PALETTE) % len(_ROUNDS)]
    return PALETTE[index % len(PALETTE)], marker, hatch


class _Style:
    """The kinds of a plot, in order of first appearance (for the legend), and their styles."""

    def __init__(self, marks: Sequence[Mark]) -> None:
        self.kinds: list[str] = []
        for mark in marks:
            if mark.shape != "undated" and mark.event.kind.value not in self.kinds:
                self.kinds.append(mark.event.kind.value)

    def of(self, kind: str) -> tuple[str, str, str]:
        return kind_style(kind)


def _plain(text: str) -> str:
    """``text`` as matplotlib should show it: a ``$`` is a dollar sign, never the start of
    mathtext (which would garble ``$5 and $6`` or fail on an unbalanced formula)."""
    return text.replace("$", r"\$")


def _num(day: datetime.date) -> float:
    from matplotlib import dates

    date2num: Any = dates.date2num
    return float(date2num(day))


def _axis_range() -> tuple[float, float]:
    """The first and last instants matplotlib can show: 1 January of year 1 to the end of
    31 December 9999 (a hair before year 10000, which it refuses)."""
    return _num(datetime.date(1, 1, 1)), _num(datetime.date(9999, 12, 31)) + 0.99


def _asked_days(between: tuple[DateLike | None, DateLike | None]) -> list[datetime.date]:
    """The first and last day of the window ``between`` asks for; an open side is the
    year of the other's, both open none."""
    lo, hi = window(between)
    first, last = datetime.date.min.toordinal(), datetime.date.max.toordinal()
    sides = [datetime.date.fromordinal(min(max(n, first), last)) for n in (lo, hi)]
    if lo < first and hi > last:
        return []
    if lo < first:
        sides[0] = sides[1].replace(month=1, day=1)
    if hi > last:
        sides[1] = sides[0].replace(month=12, day=31)
    return sides


def _limits(
    marks: Sequence[Mark], between: tuple[DateLike | None, DateLike | None] | None = None
) -> tuple[float, float]:
    days = [d for m in marks for d in (m.first, m.last) if d is not None]
    if not days and between is not None:  # nothing left in the window: show the window
        days = _asked_days(between)
    if not days:
        today = datetime.date.today()
        days = [today.replace(month=1, day=1), today.replace(month=12, day=31)]
    low, high = _num(min(days)), _num(max(days)) + 1
    if high - low < 60:  # a few days: show about two months around them
        middle = (low + high) / 2
        low, high = middle - 30, middle + 30
    pad = (high - low) * 0.04
    first, last = _axis_range()
    return max(low - pad, first), min(high + pad, last)


def _fade(
    ax: matplotlib.axes.Axes, x0: float, x1: float, y: float, color: str, rising: bool, gid: str
) -> matplotlib.artist.Artist:
    import numpy as np
    from matplotlib.colors import to_rgb

    rgba = np.zeros((1, 256, 4))
    rgba[..., :3] = to_rgb(color)
    ramp = np.linspace(0.0, _SOLID, 256)
    rgba[..., 3] = ramp if rising else ramp[::-1]
    image = ax.imshow(
        rgba,
        extent=(x0, x1, y + _BAR / 2, y - _BAR / 2),
        aspect="auto",
        interpolation="bilinear",
        zorder=2,
    )
    image.set_gid(gid)
    return image


def _dashed_outline(
    ax: matplotlib.axes.Axes, mark: Mark, x0: float, x1: float, y: float, color: str, gid: str
) -> None:
    """A fading bar's dashed outline, for a qualified date (``/2012-10-08?``): along its top
    and bottom, and across its known end; none across an unknown or open side, where no end
    is known to draw. Its gid is the event's ID and ``#qualified``."""
    top, bottom = y - _BAR / 2, y + _BAR / 2
    xs, ys = [x0, x1, float("nan"), x0, x1], [top, top, float("nan"), bottom, bottom]
    for side, x in (("start", x0), ("end", x1)):
        if getattr(mark, f"{side}_side") == "known":
            xs += [float("nan"), x, x]
            ys += [float("nan"), top, bottom]
    ax.plot(xs, ys, linestyle="--", color=color, linewidth=1.2, zorder=3, gid=f"{gid}#qualified")


def _form(mark: Mark, xlim: tuple[float, float]) -> str:
    """How a mark is drawn: 'dot', 'span', 'interval', 'fade' or 'open' ('' if undated).

    A day, or a known span too short to see at this scale, is a dot; a side not known
    fades; an open side (and no unknown one) is a bar to the edge with an arrow.
    """
    if mark.shape == "undated":
        return ""
    if "unknown" in (mark.start_side, mark.end_side):
        return "fade"
    if "open" in (mark.start_side, mark.end_side):
        return "open"
    assert mark.first is not None and mark.last is not None
    days = _num(mark.last) + 1 - _num(mark.first)
    if mark.shape == "day" or days < _DOT * (xlim[1] - xlim[0]):
        return "dot"
    return mark.shape


def _draw(
    ax: matplotlib.axes.Axes, mark: Mark, y: float, style: _Style, xlim: tuple[float, float]
) -> None:
    """Draw one event's mark on row ``y``; its artist's gid is the event's ID."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    color, marker, hatch = style.of(mark.event.kind.value)
    gid = mark.event.id
    form = _form(mark, xlim)
    if form == "dot":
        assert mark.first is not None and mark.last is not None
        ax.plot(
            [(_num(mark.first) + _num(mark.last) + 1) / 2],
            [y],
            linestyle="none",
            marker=marker,
            markersize=8,
            markeredgewidth=1.6,
            color=color,
            markerfacecolor="white" if mark.qualified else color,
            zorder=3,
            gid=gid,
        )
        return
    x0 = xlim[0] if mark.first is None else _num(mark.first)
    x1 = xlim[1] if mark.last is None else _num(mark.last) + 1
    if form == "fade":
        _fade(ax, x0, x1, y, color, rising=mark.start_side == "unknown", gid=gid)
        if mark.qualified:
            _dashed_outline(ax, mark, x0, x1, y, color, gid)
    elif form in ("interval", "open") and mark.imprecise_ends:
        _sure_bar(ax, mark, x0, x1, y, (color, hatch), gid)
    else:
        light = mark.shape == "span" and form in ("span", "open")  # (a set may be open)
        height = _SPAN_BAR if light else _BAR
        ax.add_patch(
            Rectangle(
                (x0, y - height / 2),
                x1 - x0,
                height,
                facecolor=to_rgba(color, _LIGHT if light else 0.55 if hatch else _SOLID),
                edgecolor=to_rgba(color, 0.7) if light else color,
                linewidth=0.8 if light else 1.2,
                linestyle="--" if mark.qualified else "-",
                hatch=hatch or None,
                zorder=2,
                gid=gid,
            )
        )
    for side, x, arrow in (("start", xlim[0], "<"), ("end", xlim[1], ">")):
        if getattr(mark, f"{side}_side") == "open":
            ax.plot(
                [x], [y], marker=arrow, color=color, markersize=8, clip_on=False,
                zorder=3, gid=f"{gid}#open-{side}",
            )  # fmt: skip


def _sure_bar(
    ax: matplotlib.axes.Axes,
    mark: Mark,
    x0: float,
    x1: float,
    y: float,
    style: tuple[str, str],
    gid: str,
) -> None:
    """An interval with an end that is a month, a season or a year (``2011/2011-12``): a
    light bar over every day it may cover ("some time within", as a month's is), and a solid
    one over the days it surely covers, from its start's last possible day to its end's
    first (none where those cross: it may have begun after it may have ended); its gid is
    the event's ID, the solid one's that and ``#sure``."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    color, hatch = style
    dashes = "--" if mark.qualified else "-"
    ax.add_patch(
        Rectangle(
            (x0, y - _SPAN_BAR / 2), x1 - x0, _SPAN_BAR,
            facecolor=to_rgba(color, _LIGHT), edgecolor=to_rgba(color, 0.7), linewidth=0.8,
            linestyle=dashes, zorder=2, gid=gid,
        )
    )  # fmt: skip
    sure_x0 = x0 if mark.sure_first is None else _num(mark.sure_first)
    sure_x1 = x1 if mark.sure_last is None else _num(mark.sure_last) + 1
    if sure_x1 > sure_x0:
        ax.add_patch(
            Rectangle(
                (sure_x0, y - _BAR / 2), sure_x1 - sure_x0, _BAR,
                facecolor=to_rgba(color, 0.55 if hatch else _SOLID), edgecolor=color,
                linewidth=1.2, linestyle=dashes, hatch=hatch or None, zorder=2,
                gid=f"{gid}#sure",
            )
        )  # fmt: skip


def _date_text(mark: Mark) -> str:
    """What is written beside a mark: its date (``'date not known'`` if none), and in
    brackets the event's status and what its date is of where it did not simply happen then
    (:func:`~rightsdata._display.words.status_note`, as every list says them): a planned
    hearing must not read as held."""
    text = listed_date(mark.event) or "date not known"  # (an inferred date marked *)
    note = status_note(mark.event)
    return _plain(f"{text} ({note})" if note else text)


def _date_label(
    ax: matplotlib.axes.Axes,
    mark: Mark,
    y: float,
    xlim: tuple[float, float],
    room: float,
    dot: bool,
) -> None:
    """The date beside its mark: right of it, else left of it, else over its start."""
    text = _date_text(mark)
    width = xlim[1] - xlim[0]
    left = 0.0 if mark.first is None else (_num(mark.first) - xlim[0]) / width
    right = 1.0 if mark.last is None else (_num(mark.last) + 1 - xlim[0]) / width
    need = display_width(text) * 0.55 * _FONT / room  # its width, as a fraction of the axes
    common: dict[str, Any] = {"va": "center", "fontsize": _FONT - 0.5, "color": "#444444"}
    gap = 8 if dot else 4  # points between the mark and its date: clear of a dot's edge
    if dot:
        left = right = (left + right) / 2
    if right + need + 0.01 <= 1:
        x, offset, align = right, gap, "left"
    elif left - need - 0.01 >= 0:
        x, offset, align = left, -gap, "right"
    else:
        x, offset, align = max(left, 0.0), 5, "left"
        common["bbox"] = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
    ax.annotate(
        text,
        xy=(x, y),
        xycoords=("axes fraction", "data"),
        xytext=(offset, 0),
        textcoords="offset points",
        ha=align,
        zorder=4,
        **common,
    )


def _legends(
    ax: matplotlib.axes.Axes,
    marks: Sequence[Mark],
    style: _Style,
    xlim: tuple[float, float],
    fit: Fit | None = None,
) -> None:
    """One legend below the axes: the kinds in the first columns, the date forms in the last,
    each headed. In the user's figure (``fit``), the lowest layout that keeps within the
    axes' room: the kinds in one to four columns, the date forms' labels whole or broken
    into lines, or all in one column (the narrowest, if none fits). Where an inferred date
    is drawn, what its ``*`` means is never lost with the room: the forms' heading says it,
    and where the forms are left out, a line under the kinds, or under the axes where the
    legend is left out too (:func:`_inferred_note`)."""
    kinds = _kind_handles(style)
    forms = _form_handles(marks, xlim)
    inferred = _has_inferred(marks)
    if inferred:
        forms = _Forms(forms)  # (the forms' heading says what a date's * means)
    _inferred_note(ax, False)  # (a refit in more room may have the forms' heading again)
    widest = 1 if len(kinds) <= len(forms) + 1 else 2 if len(kinds) <= 2 * len(forms) else 3
    if fit is None:
        _legend(ax, style, kinds, forms, widest)
        return
    # For each width of the forms' labels, the most kinds' columns that fit (a layout with
    # as many columns and wider labels is never taller: only more columns are tried); the
    # lowest of them, if it is no taller than the room allows; else the kinds alone (and the
    # key to the * under them); else no legend (a room too small for one: see
    # docs/plotting.md), and the key to the * under the axes.
    fitting: list[tuple[float, int, int]] = []  # (height, kinds' columns, wrap)
    most = 0
    for wrap in (0, 34, 22):
        for columns in range(4, most, -1):
            width, height = fit.size(_legend(ax, style, kinds, forms, columns, wrap))
            if width <= fit.legend_width:
                fitting.append((height, columns, wrap))
                most = columns
                break
    fitting = [f for f in fitting if f[0] <= fit.legend_height]
    if fitting:
        _, columns, wrap = min(fitting)
        _legend(ax, style, kinds, forms, columns, wrap)
        return
    for columns in range(6, 0, -1):
        legend = _legend(ax, style, kinds, [], columns)
        width, height = fit.size(legend)
        if width <= fit.legend_width:
            note = _inferred_note(ax, inferred, legend, fit)
            if note is not None:
                height += fit.size(note)[1]
            if height <= fit.legend_height:
                return
            break
    legend = ax.get_legend()
    if legend is not None:
        legend.remove()
    _inferred_note(ax, inferred, fit=fit)


def _has_inferred(marks: Sequence[Mark]) -> bool:
    """Whether a date drawn beside a mark is inferred (ends with ``*``)."""
    return any((listed_date(m.event) or "").endswith(INFERRED_MARK) for m in marks)


#: What an inferred date's ``*`` means, said under a plot whose legend does not say it (the
#: forms' heading left out for room, or the legend: ``legend=False``, or none fits); in a
#: room too narrow for it, :data:`_INFERRED_SHORT`.
_INFERRED_NOTE: Final = f"{INFERRED_MARK} date inferred, not stated"
_INFERRED_SHORT: Final = f"{INFERRED_MARK} inferred"
#: The gid of the text that says :data:`_INFERRED_NOTE`.
_NOTE_GID: Final = "inferred-note"


def _inferred_note(
    ax: matplotlib.axes.Axes,
    shown: bool,
    under: matplotlib.artist.Artist | None = None,
    fit: Fit | None = None,
) -> Any:
    """Say :data:`_INFERRED_NOTE` under ``under`` (the legend) or, if None, under the axes,
    at its right edge, where the legend goes, and return its text; in the user's figure
    (``fit``), :data:`_INFERRED_SHORT` where the room is narrower than it. Unless ``shown``,
    say it nowhere (and return None). Either way, where it was said before, it is said no
    longer (a plot fitted anew says it anew)."""
    for text in [t for t in ax.texts if t.get_gid() == _NOTE_GID]:
        text.remove()
    if not shown:
        return None
    note = ax.annotate(
        _INFERRED_NOTE,
        xy=(1.0, 0.0),
        xycoords="axes fraction" if under is None else under,
        xytext=(0, -4 if under is None else 0),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=_FONT - 0.5,
        color="#444444",
        gid=_NOTE_GID,
    )
    if fit is not None and fit.size(note)[0] > fit.legend_width:
        note.set_text(_INFERRED_SHORT)
    return note


def _kind_handles(style: _Style) -> list[Any]:
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    kinds: list[Any] = []
    for kind in style.kinds:
        color, marker, hatch = style.of(kind)
        if not hatch:
            kinds.append(Patch(facecolor=color, edgecolor=color))
            continue
        # colours come round again: show the hatch (on a light face) and the dot's marker
        patch = Patch(facecolor=to_rgba(color, _LIGHT), edgecolor=color, hatch=hatch)
        kinds.append((patch, Line2D([], [], ls="none", marker=marker, color=color)))
    return kinds


class _Forms(list[tuple[Any, str]]):
    """The date forms of a plot some of whose dates were inferred: their heading in the
    legend says what the ``*`` after such a date means (:data:`_INFERRED_HEADING`), in no
    row of its own, which a plot's legend has no room for."""


#: The heading of the date forms where a date shown is inferred (marked ``*``).
_INFERRED_HEADING: Final = f"dates ({INFERRED_MARK} inferred)"


def _form_handles(marks: Sequence[Mark], xlim: tuple[float, float]) -> list[tuple[Any, str]]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    drawn = {_form(m, xlim) for m in marks}
    forms: list[tuple[Any, str]] = []
    if "dot" in drawn:
        forms.append((Line2D([], [], ls="none", marker="o", color=_GREY), "a day"))
    if "span" in drawn:
        light = Patch(facecolor=(0.47, 0.47, 0.47, _LIGHT), edgecolor=_GREY)
        forms.append((light, "some time within (month, season, year, one of some days)"))
    if "interval" in drawn:
        forms.append((Patch(facecolor=_GREY, edgecolor=_GREY), "from a start to an end"))
    if any(m.imprecise_ends for m in marks if _form(m, xlim) in ("interval", "open")):
        sure = Patch(facecolor=_GREY, edgecolor=_GREY)
        may = Patch(facecolor=(0.47, 0.47, 0.47, _LIGHT), edgecolor=_GREY)
        forms.append(((may, sure, may), "an end some time within: solid where it surely ran"))
    if "fade" in drawn:
        fade = tuple(Patch(facecolor=_GREY, alpha=a, lw=0) for a in (0.9, 0.6, 0.35, 0.12))
        forms.append((fade, "start or end not known"))
    if "open" in drawn:
        open_side = Line2D([], [], ls="none", marker=">", color=_GREY)
        forms.append((open_side, "open (..): no end, or no first or last possible day"))
    if any(m.qualified for m in marks):
        hollow = Line2D([], [], ls="none", marker="o", mfc="white", color=_GREY, mew=1.6)
        dashed = Patch(facecolor=(0.47, 0.47, 0.47, _LIGHT), edgecolor=_GREY, ls="--")
        forms.append(((hollow, dashed), "uncertain or approximate (? ~ %)"))
    return forms


def _legend(
    ax: matplotlib.axes.Axes,
    style: _Style,
    kinds: list[Any],
    forms: list[tuple[Any, str]],
    kind_columns: int,
    wrap: int = 0,
) -> Any:
    """The legend, with the kinds in ``kind_columns`` columns and the date forms in one more
    (their labels broken at ``wrap`` columns, if given); ``kind_columns=0``: one column, the
    forms under the kinds."""
    import textwrap

    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.patches import Patch

    blank = Patch(visible=False)
    names = [_plain(term(k)) for k in style.kinds]
    dates = _INFERRED_HEADING if isinstance(forms, _Forms) else "dates"
    form_labels = [textwrap.fill(label, wrap) if wrap else label for _, label in forms]
    handles: list[Any] = []
    labels: list[str] = []
    headings: set[int] = set()
    if kind_columns == 0:  # one column: the kinds, then the forms
        headings = {0, len(kinds) + 1}
        handles = [blank, *kinds] + ([blank, *(h for h, _ in forms)] if forms else [])
        labels = ["kind of event", *names] + ([dates, *form_labels] if forms else [])
        columns = 1
    else:
        rows = max(-(-len(kinds) // kind_columns), len(forms)) + 1
        kind_columns = -(-len(kinds) // (rows - 1))  # (no empty column, where forms are many)
        for column in range(kind_columns):
            chunk = kinds[column * (rows - 1) : (column + 1) * (rows - 1)]
            headings.add(len(handles))
            handles += [blank, *chunk] + [blank] * (rows - 1 - len(chunk))
            labels += ["kind of event" if column == 0 else ""]
            labels += names[column * (rows - 1) : (column + 1) * (rows - 1)]
            labels += [""] * (rows - 1 - len(chunk))
        if forms:
            headings.add(len(handles))
            handles += [blank] + [h for h, _ in forms] + [blank] * (rows - 1 - len(forms))
            labels += [dates, *form_labels] + [""] * (rows - 1 - len(forms))
        columns = kind_columns + (1 if forms else 0)
    legend = ax.legend(
        handles,
        labels,
        loc="upper right",  # below the axes, reaching left under the labels if it must
        bbox_to_anchor=(1.0, -0.01),
        ncols=columns,
        fontsize=_FONT,
        frameon=False,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0)},
        columnspacing=2.0,
    )
    for index, text in enumerate(legend.get_texts()):
        if index in headings:
            text.set_fontweight("bold")
            text.set_x(-28)  # a heading starts where the handles do
    return legend


def plot_timeline(
    dataset: Dataset,
    subject: str | Record | Iterable[str | Event],
    *,
    ax: matplotlib.axes.Axes | None = None,
    kind: EventKind | EventKindValue | Iterable[EventKind | EventKindValue] | None = None,
    between: tuple[DateLike | None, DateLike | None] | None = None,
    title: str | None = None,
    legend: bool = True,
    label_width: int = 60,
) -> matplotlib.axes.Axes:
    """Draw the events of ``subject`` on a time axis, one row each, in date order.

    ``subject`` (an ID or a record) is a person, an organisation or a group (its events are
    :meth:`ds.timeline(actor) <rightsdata.Dataset.timeline>`), a place (its events are
    :meth:`ds.events(place=place) <rightsdata.EventCollection.__call__>`: those at it or at a
    place within it, however deep; a country's ISO code, ``"KZ"``, stands for its place) or
    an event, which stands for its case (:func:`case_events`: the largest event it is part
    of, and every event part of that one). Or it is some events chosen: any iterable of Event
    records or their IDs (``ds.events(kind="arrest")``, a list of IDs), drawn each once.
    Another kind of record raises ValueError, an unknown ID
    :class:`~rightsdata.UnknownIdError`; among the events chosen, a record of another kind
    ValueError and anything else TypeError, each naming the item.

    ``ax``: draw on these axes (default: a new figure sized to the rows), keeping to their
    room in the figure: their grid cell, to halfway into the gaps (the event titles cut to
    fit 45% of its width, the heading wrapped and the legend laid out to fit it, or left out
    where the room is too low for it, and in a figure with no layout engine the axes placed
    in its cell so that all these fit; fitted again whenever the figure is drawn at another
    size or dpi; see docs/plotting.md, "Several timelines in one figure"); ``kind`` and
    ``between``: keep only the events of this kind (or these kinds), and those whose date
    overlaps the window, exactly as :meth:`ds.events(kind=, between=)
    <rightsdata.EventCollection.__call__>` does (an undated event is in no window; where
    no event is left, the axis is the window asked for); ``title``: the heading (default:
    the subject and the number of events drawn, ``"Almaty — 11 events (2 at places within
    it)"``, or for events chosen their number, ``"5 events"``; ``""`` for none);
    ``legend``: draw the legends of kinds and date forms below the axes (a plot without the
    forms, for ``legend=False`` or for room, says what an inferred date's ``*`` means in a
    line under the kinds or the axes); ``label_width``:
    the columns of an event's title kept as its label (a CJK character counts two; fewer if
    they do not fit the room of ``ax``). Returns
    the axes. Each event's mark is the artist whose gid is the event's ID.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> ax = plot_timeline(ds, "event:bloody-january-2022", kind=["detention", "release"])
    >>> for label in ax.get_yticklabels():
    ...     print(label.get_text())
    Mass detentions during the January 2022 events
    8,000 to 9,000 January 2022 detainees released
    >>> plot_timeline(ds, "place:zhanaozen", between=("2011", "2011")).get_title(loc="left")
    'Zhanaozen — 4 events (1 at a place within it)'
    >>> ax = plot_timeline(ds, ds.events(kind="arrest", between=("2019", "2019")))
    >>> ax.get_title(loc="left"), len(ax.get_yticklabels())
    ('4 events', 4)
    >>> import matplotlib.pyplot as plt
    >>> plt.close("all")
    """
    given(dataset, "plot_timeline", "dataset", "a Dataset", Dataset)
    title = given(title, "plot_timeline", "title", "a str or None", (str, type(None)))
    legend = flag(legend, "legend")
    label_width = columns_given(label_width, "label_width", 1)
    plt = _pyplot()
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    taken = f"matplotlib axes or None (such as {python_call('plt.subplots()[1]')})"
    ax = given(ax, "plot_timeline", "ax", taken, (Axes, type(None)))

    resolved = subject_events(dataset, subject, kind, between)
    marks = [mark_of(e) for e in resolved.events]
    rows = max(len(marks), 1)
    labels = [_plain(isolated(truncate(m.event.title, label_width))) for m in marks]
    mine = ax is None
    if ax is None:
        height = 1.3 + 0.3 * rows + (1.2 if legend else 0)
        ax = plt.subplots(figsize=(10, height), layout="constrained")[1]
        fig = ax.get_figure()
        inches = fig.get_figwidth() if isinstance(fig, Figure) else 10.0
        # the axes' width in points, less what the event labels will take once laid out
        room = 72 * inches * ax.get_position().width * 0.7
    assert ax is not None
    xlim = _limits(marks, between)
    style = _Style(marks)
    ax.xaxis_date()
    if mine:
        _date_ticks(ax, 9)
    for y, mark in enumerate(marks):
        if y % 2:
            ax.axhspan(y - 0.5, y + 0.5, color=(0.5, 0.5, 0.5, 0.07), lw=0, zorder=0)
        if mark.shape == "undated":
            faint: dict[str, Any] = {"va": "center", "fontsize": _FONT - 0.5, "color": _GREY,
                                     "style": "italic"}  # fmt: skip
            if mine:
                ax.annotate(_date_text(mark), xy=(0.01, y), xycoords=("axes fraction", "data"),
                            **faint)  # fmt: skip
            else:  # (with its status, it may be wider than a narrow axes: cut to fit them)
                ax.add_artist(_undated_note(mark, y, faint))
            continue
        _draw(ax, mark, y, style, xlim)
        dot = _form(mark, xlim) == "dot"
        if mine:
            _date_label(ax, mark, y, xlim, room, dot)
        else:  # placed when drawn, by the axes' width then
            ax.add_artist(_date_note(mark, y, xlim, dot))
    undated = sum(m.shape == "undated" for m in marks)
    if undated and undated < len(marks):
        ax.axhline(len(marks) - undated - 0.5, color=_GREY, lw=0.8, ls=":")
    ax.set_xlim(xlim)
    ax.set_ylim(rows - 0.5, -0.5)
    focus = resolved.record.id if resolved.is_case and resolved.record is not None else None
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=_FONT, top=True, labeltop=True, bottom=False,
                   labelbottom=False)  # fmt: skip
    ax.grid(axis="x", color=_GREY, alpha=0.25, lw=0.6)
    ax.set_axisbelow(True)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if not marks:
        ax.text(0.5, 0.5, "no events to show", transform=ax.transAxes, ha="center",
                va="center", color=_GREY)  # fmt: skip
    heading = _plain(resolved.heading if title is None else title)
    fitted = _Fitted(marks, labels, heading, legend, xlim, focus)
    if not mine:  # the user's figure: keep to this axes' room, as it is whenever drawn
        locator = InRoom(ax, fitted)
        ax.set_axes_locator(locator)
        locator.fit(ax, renderer_of(ax))
        return ax
    _set_labels(ax, labels, _FONT, marks, focus)
    if heading:  # wrapped where the figure ends when drawn (the axes' left edge is known only then)
        ax.set_title(heading, loc="left", fontsize=_FONT + 3, fontweight="bold", pad=10, wrap=True)
    if legend and style.kinds:
        _legends(ax, marks, style, xlim)
    else:
        _inferred_note(ax, _has_inferred(marks))
    return ax


def _date_ticks(ax: matplotlib.axes.Axes, most: int) -> None:
    from rightsdata._display.plotdates import DatedFirst, SpacedDates

    locator = SpacedDates(most, _FONT)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DatedFirst(locator, show_offset=False))


def _set_labels(
    ax: matplotlib.axes.Axes,
    labels: list[str],
    size: float,
    marks: Sequence[Mark],
    focus: str | None,
) -> None:
    ax.set_yticks(range(len(marks)), labels, fontsize=size)
    for label, mark in zip(ax.get_yticklabels(), marks, strict=True):
        if mark.event.id == focus:
            label.set_fontweight("bold")


def _date_note(mark: Mark, y: float, xlim: tuple[float, float], dot: bool) -> Any:
    from rightsdata._display.plotdates import DateNote

    width = xlim[1] - xlim[0]
    left = 0.0 if mark.first is None else (_num(mark.first) - xlim[0]) / width
    right = 1.0 if mark.last is None else (_num(mark.last) + 1 - xlim[0]) / width
    if dot:
        left = right = (left + right) / 2
    text = _date_text(mark)
    gap = 8 if dot else 4  # points between the mark and its date: clear of a dot's edge
    return DateNote(text, left, right, y, gap, va="center", fontsize=_FONT - 0.5,
                    color="#444444", zorder=4)  # fmt: skip


def _undated_note(mark: Mark, y: float, style: dict[str, Any]) -> Any:
    """'date not known' (and the event's status) at the left of its row, placed when drawn
    within the axes' width then."""
    from rightsdata._display.plotdates import DateNote

    return DateNote(_date_text(mark), 0.0, 0.0, y, 4, zorder=4, **style)


class _Fitted:
    """What a plot in the user's axes lays out to fit the axes' room, anew whenever the room
    changes (called by its :class:`~rightsdata._display.plotfit.InRoom` locator): the events'
    titles, the number of dates on the axis, the heading, the legend and the font size of
    the rows."""

    def __init__(
        self,
        marks: list[Mark],
        labels: list[str],
        heading: str,
        legend: bool,
        xlim: tuple[float, float],
        focus: str | None,
    ) -> None:
        self.marks = marks
        self.labels = labels
        self.heading = heading
        self.legend = legend
        self.xlim = xlim
        self.focus = focus

    def __call__(self, ax: matplotlib.axes.Axes, renderer: Any) -> None:
        fit = Fit(ax, renderer)
        style = _Style(self.marks)
        bold = [mark.event.id == self.focus for mark in self.marks]
        _set_labels(ax, fit.labels(self.labels, _FONT, bold), _FONT, self.marks, self.focus)
        notes = [t for t in ax.texts if t is not ax.title and t.get_gid() != _NOTE_GID]
        for note in notes:  # (the dates, and "date not known")
            note.set_fontsize(_FONT - 0.5)
        _date_ticks(ax, max(3, min(9, int(fit.plot_width // TICK_ROOM))))
        fit.measure_right()
        if self.heading:
            text = fit.heading(self.heading, _FONT + 3)
            ax.set_title(text, loc="left", fontsize=_FONT + 3, fontweight="bold", pad=10)
        else:
            ax.set_title("", loc="left")
        if self.legend and style.kinds:
            _legends(ax, self.marks, style, self.xlim, fit)
        else:  # (legend=False: the key to the * all the same)
            _inferred_note(ax, _has_inferred(self.marks), fit=fit)
        size = fit.row_size(max(len(self.marks), 1))
        if size < _FONT:  # rows too close for the titles and dates: smaller, cut anew
            _set_labels(ax, fit.labels(self.labels, size, bold), size, self.marks, self.focus)
            for note in notes:
                note.set_fontsize((_FONT - 0.5) * size / _FONT)
