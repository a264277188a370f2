"""A timeline drawn into an axes of the user's figure (``plot_timeline(ax=)``) keeps within
that axes' room: nothing it draws (event titles, dates, heading, ticks, legend) reaches
another axes of the grid or leaves the figure, with or without a layout engine, and the
axes keeps a fair share of its cell. Checked with the renderer's bounding boxes."""

from __future__ import annotations

import itertools

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backend_bases import RendererBase  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox, BboxBase  # noqa: E402

from rightsdata import Dataset, Event  # noqa: E402
from rightsdata._display.plotfit import LABEL_SHARE, room_of  # noqa: E402
from rightsdata._display.words import listed_date  # noqa: E402

KOZLOV, TULESOVA = "person:vladimir-kozlov", "person:asya-tulesova"


pytestmark = pytest.mark.usefixtures("figures_closed")


def subjects(ds: Dataset) -> list[str | list[Event]]:
    """A person with few events, one with many (and undated ones), a place, a query."""
    return [KOZLOV, TULESOVA, "place:zhanaozen", ds.events(kind="arrest", between=("2019", "2020"))]


def parts(ax: Axes) -> list[Artist]:
    """What the plot draws around and in the axes: event titles, ticks, dates, the heading
    (its children that are texts), the legend."""
    low, high = ax.get_xlim()
    shown = [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
    found: list[Artist] = [*ax.get_yticklabels(), *shown]  # (not the ticks off the axis)
    found += [child for child in ax.get_children() if isinstance(child, Text)]
    found = [p for p in found if isinstance(p, Text) and p.get_text() and p.get_visible()]
    legend = ax.get_legend()
    return found + ([legend] if legend is not None else [])


def extent(part: Artist, renderer: RendererBase) -> Bbox:
    box = part.get_window_extent(renderer)
    assert isinstance(box, Bbox)
    return box


def overlaps(a: BboxBase, b: BboxBase) -> bool:
    """Whether two boxes share more than an edge (a pixel of rounding)."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1


def check_each_keeps_to_its_room(
    fig: Figure, axes: list[Axes], renderer: RendererBase | None = None
) -> None:
    """Draw the figure (or, given the ``renderer`` it was just drawn with, look at it as
    drawn) and check that nothing one plot draws reaches another axes or leaves the figure."""
    if renderer is None:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ax, other in itertools.permutations(axes, 2):
        area = other.get_tightbbox(renderer)  # its area, its labels, heading and legend
        assert area is not None
        for part in parts(ax):
            box = extent(part, renderer)
            assert not overlaps(box, area), (ax.get_title(loc="left"), part, other)
    for ax in axes:
        for part in parts(ax):
            box = extent(part, renderer)
            assert box.x0 >= -1 and box.y0 >= -1, part
            assert box.x1 <= fig.bbox.x1 + 1 and box.y1 <= fig.bbox.y1 + 1, part
        low, high = ax.get_xlim()  # the dates on the axis keep apart
        dates = [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
        for one, next_one in itertools.pairwise(dates):
            assert not overlaps(extent(one, renderer), extent(next_one, renderer)), one


GRIDS = {
    "1x2": ((1, 2), (14, 5)),
    "2x1": ((2, 1), (10, 10)),
    "2x2": ((2, 2), (14, 10)),
    "1x3 15x5": ((1, 3), (15, 5)),
    "2x3 15x8": ((2, 3), (15, 8)),
    "1x2 default size": ((1, 2), (6.4, 4.8)),
    "1x2 10x4": ((1, 2), (10, 4)),
    "2x1 default size": ((2, 1), (6.4, 9.6)),
}


def more_subjects(ds: Dataset) -> list[str | list[Event]]:
    return [*subjects(ds), "place:almaty", "event:bloody-january-2022"]


@pytest.mark.parametrize("layout", [None, "tight", "constrained"])
@pytest.mark.parametrize("grid", sorted(GRIDS))
def test_nothing_one_plot_draws_reaches_another_axes_of_the_grid(
    ds: Dataset, grid: str, layout: str | None
) -> None:
    (rows, columns), size = GRIDS[grid]
    fig, grid_axes = plt.subplots(rows, columns, figsize=size, layout=layout)
    axes = list(grid_axes.flat)
    for ax, subject in zip(axes, more_subjects(ds), strict=False):
        assert ds.plot_timeline(subject, ax=ax) is ax
    check_each_keeps_to_its_room(fig, axes)
    for ax in axes:  # and each keeps a fair share of its cell (not a sliver)
        assert ax.get_window_extent().width >= 0.3 * fig.bbox.width / columns
        assert ax.get_window_extent().height >= 0.2 * fig.bbox.height / rows
    check_each_keeps_to_its_room(fig, axes)  # (and so when drawn again: a layout engine's
    # second pass starts from where the first left the axes)


def test_the_legend_and_titles_fit_the_room_and_say_the_same(ds: Dataset) -> None:
    """Cut and laid out to fit, but with every kind and date form (where the room has the
    height for them), and titles cut at the end (an ellipsis), not dropped."""
    alone = ds.plot_timeline(TULESOVA)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 6))
    ds.plot_timeline(KOZLOV, ax=left)
    ax = ds.plot_timeline(TULESOVA, ax=right)
    legend, whole = ax.get_legend(), alone.get_legend()
    assert legend is not None and whole is not None
    words = sorted(" ".join(t.get_text().split()) for t in legend.get_texts() if t.get_text())
    assert words == sorted(t.get_text() for t in whole.get_texts() if t.get_text())
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    half = fig.bbox.width / 2
    assert extent(legend, renderer).width <= half
    full = [t.get_text() for t in alone.get_yticklabels()]
    cut = [t.get_text() for t in ax.get_yticklabels()]
    assert len(cut) == len(full) and cut != full
    for short, long in zip(cut, full, strict=True):
        assert short == long or (short.endswith("…") and long.startswith(short[:-1]))
    labels = max(extent(t, renderer).width for t in ax.get_yticklabels())
    assert labels <= 0.45 * half + 1


def test_a_long_heading_is_wrapped_within_the_room(ds: Dataset) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 7))
    title = "A heading much longer than the room that this axes has in a figure of two, so wrapped"
    ds.plot_timeline(KOZLOV, ax=left, title=title)
    ds.plot_timeline(KOZLOV, ax=right, title=title)
    assert left.get_title(loc="left").count("\n") >= 2
    assert " ".join(left.get_title(loc="left").split()) == " ".join(title.split())
    check_each_keeps_to_its_room(fig, [left, right])


def test_a_roomy_axes_keeps_the_whole_titles(ds: Dataset) -> None:
    _, ax = plt.subplots(figsize=(20, 6))
    ds.plot_timeline(KOZLOV, ax=ax)
    own = [t.get_text() for t in ds.plot_timeline(KOZLOV).get_yticklabels()]
    assert [t.get_text() for t in ax.get_yticklabels()] == own


def test_an_axes_placed_by_hand_stays_where_it_was_put(ds: Dataset) -> None:
    fig = plt.figure(figsize=(10, 6))
    ax = fig.add_axes((0.5, 0.4, 0.4, 0.5))
    ds.plot_timeline(KOZLOV, ax=ax)
    assert tuple(ax.get_position().bounds) == pytest.approx((0.5, 0.4, 0.4, 0.5))


def test_tight_layout_afterwards_leaves_the_axes_in_their_rooms(ds: Dataset) -> None:
    """An axes moved within its cell is out of ``fig.tight_layout()`` (as ``set_position``
    makes it), which would otherwise put it back where its grid has it."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 10))
    ds.plot_timeline(KOZLOV, ax=top)
    ds.plot_timeline("place:zhanaozen", ax=bottom)
    fig.tight_layout()
    check_each_keeps_to_its_room(fig, [top, bottom])


def test_subfigures_are_rooms_of_their_own(ds: Dataset) -> None:
    fig = plt.figure(figsize=(14, 6))
    rooms = fig.subfigures(1, 2)
    assert isinstance(rooms, np.ndarray)
    left, right = rooms
    one = left.subplots()
    two, three = right.subplots(2, 1)
    ds.plot_timeline(KOZLOV, ax=one)
    ds.plot_timeline("place:zhanaozen", ax=two)
    ds.plot_timeline(ds.events(kind="arrest", between=("2019", "2020")), ax=three)
    check_each_keeps_to_its_room(fig, [one, two, three])


def test_a_figure_resized_or_drawn_at_another_resolution_keeps_them_in_their_rooms(
    ds: Dataset,
) -> None:
    """The axes is placed in its room when drawn, not once when plotted."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    ds.plot_timeline(KOZLOV, ax=left)
    ds.plot_timeline(TULESOVA, ax=right)
    fig.set_size_inches(16, 7)
    fig.set_dpi(150)
    check_each_keeps_to_its_room(fig, [left, right])


@pytest.mark.parametrize("layout", [None, "tight", "constrained"])
@pytest.mark.parametrize("size", [(10, 5), (8, 4), (6.4, 4.8)])
def test_a_figure_made_smaller_after_drawing_fits_its_plots_anew(
    ds: Dataset, size: tuple[float, float], layout: str | None
) -> None:
    """The titles' cut, the heading's lines, the legend, the font size and the dates on the
    axis are fitted to the room as it is when drawn, not as it was when plotted."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5), layout=layout)
    ds.plot_timeline(KOZLOV, ax=left)
    ds.plot_timeline(TULESOVA, ax=right)
    check_each_keeps_to_its_room(fig, [left, right])
    before = [t.get_text() for t in left.get_yticklabels()]
    fig.set_size_inches(*size)
    check_each_keeps_to_its_room(fig, [left, right])
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    assert [t.get_text() for t in left.get_yticklabels()] != before
    for ax in (left, right):  # cut to the share of the room it has now
        widest = max(extent(t, renderer).width for t in ax.get_yticklabels())
        assert widest <= LABEL_SHARE * room_of(ax).width + 1


@pytest.mark.parametrize("dpi", [50, 70, 300])
def test_a_figure_saved_at_another_dpi_keeps_them_in_their_rooms(ds: Dataset, dpi: int) -> None:
    """Checked as saved: text is relatively wider at a low dpi (hinting), so the plot is
    fitted to the room at the dpi it is drawn at."""
    import io

    fig = plt.figure(figsize=(12, 8))
    rooms = fig.subfigures(1, 2)
    assert isinstance(rooms, np.ndarray)
    left, right = rooms
    one = left.subplots()
    two, three = right.subplots(2, 1)
    ds.plot_timeline(TULESOVA, ax=one)
    ds.plot_timeline("place:almaty", ax=two)
    ds.plot_timeline(KOZLOV, ax=three)
    seen: list[int] = []

    def check(event: object) -> None:
        seen.append(int(fig.dpi))
        check_each_keeps_to_its_room(fig, [one, two, three], event.renderer)  # type: ignore[attr-defined]

    fig.canvas.mpl_connect("draw_event", check)
    fig.savefig(io.BytesIO(), format="png", dpi=dpi)
    assert seen == [dpi]
    check_each_keeps_to_its_room(fig, [one, two, three])  # and back at the figure's own


@pytest.mark.parametrize("layout", [None, "constrained"])
def test_rows_too_close_for_the_titles_get_smaller_titles_not_overlapping_ones(
    ds: Dataset, layout: str | None
) -> None:
    """Nineteen rows in what a 5-inch-high figure leaves under the heading and above the
    legend: the titles (and dates) are set smaller, so that they keep apart."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5), layout=layout)
    ds.plot_timeline(KOZLOV, ax=left)
    ax = ds.plot_timeline(TULESOVA, ax=right)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [extent(label, renderer) for label in ax.get_yticklabels()]
    assert len(boxes) == 19
    for upper, lower in itertools.pairwise(boxes):
        assert not overlaps(upper, lower), (upper, lower)
    smaller = ax.get_yticklabels()[0].get_fontsize()
    alone = ds.plot_timeline(TULESOVA).get_yticklabels()[0].get_fontsize()
    assert isinstance(smaller, float) and isinstance(alone, float)
    assert smaller < alone


def test_a_legend_wider_than_its_axes_reaches_left_only_to_its_rooms_edge(
    ds: Dataset,
) -> None:
    """Short titles leave the axes wide and its legend (anchored at its right) reaching
    left under them: not into the neighbour on the left, nor off the figure."""
    fig, grid = plt.subplots(2, 3, figsize=(15, 8))
    axes = list(grid[1])
    ds.plot_timeline(KOZLOV, ax=axes[0], label_width=12, title="A heading of three lines " * 4)
    ds.plot_timeline("KZ", ax=axes[1], kind="protest")
    ds.plot_timeline(KOZLOV, ax=axes[2], label_width=12)
    check_each_keeps_to_its_room(fig, axes)
    for ax in (axes[0], axes[2]):  # the axes took the room its titles did not
        assert ax.get_window_extent().width >= 0.6 * fig.bbox.width / 3


def inferred_key(ax: Axes) -> list[str]:
    """Where the plot says what the ``*`` after an inferred date means: the legend's forms
    heading, or a line under the legend or the axes."""
    legend = ax.get_legend()
    said = [t.get_text() for t in legend.get_texts()] if legend is not None else []
    said += [t.get_text() for t in ax.texts if t.get_visible()]
    return [t for t in said if t.startswith("* ") or t == "dates (* inferred)"]


@pytest.mark.parametrize("layout", [None, "constrained"])
def test_the_key_to_an_inferred_dates_star_outlives_the_legend_in_a_small_room(
    ds: Dataset, layout: str | None
) -> None:
    """Kozlov's plot marks inferred dates with *: in a room too low for the date forms the
    legend shows the kinds alone, and with the key under them; in one too low for that, no
    legend, and the key under the axes; each within its room. Given the room again, the
    forms' heading says it, and nothing else does."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), layout=layout)
    ds.plot_timeline(KOZLOV, ax=left)
    ds.plot_timeline(KOZLOV, ax=right)
    check_each_keeps_to_its_room(fig, [left, right])
    legend = left.get_legend()
    assert legend is not None and "dates (* inferred)" not in [
        t.get_text() for t in legend.get_texts()
    ]
    assert inferred_key(left) == ["* date inferred, not stated"]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    (note,) = [t for t in left.texts if t.get_text().startswith("* ")]
    assert extent(note, renderer).y1 <= extent(legend, renderer).y0 + 1  # (under the kinds)
    small, grid = plt.subplots(3, 3, layout=layout)  # (the default size: cells 2 inches wide)
    axes = list(grid.flat)
    for ax in axes:
        ds.plot_timeline(KOZLOV, ax=ax)
    check_each_keeps_to_its_room(small, axes)
    for ax in axes:
        assert ax.get_legend() is None and len(inferred_key(ax)) == 1, inferred_key(ax)
    fig.set_size_inches(16, 9)  # room for the whole legend again
    check_each_keeps_to_its_room(fig, [left, right])
    assert inferred_key(left) == ["dates (* inferred)"]


def test_the_key_to_an_inferred_dates_star_outlives_legend_false(ds: Dataset) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    ds.plot_timeline(KOZLOV, ax=left, legend=False)
    ds.plot_timeline(TULESOVA, ax=right)
    check_each_keeps_to_its_room(fig, [left, right])
    assert left.get_legend() is None and inferred_key(left) == ["* date inferred, not stated"]
    alone = ds.plot_timeline(KOZLOV, legend=False)
    assert inferred_key(alone) == ["* date inferred, not stated"]
    stated = [e for e in ds.timeline(KOZLOV) if not (listed_date(e) or "").endswith("*")]
    assert inferred_key(ds.plot_timeline(stated, legend=False)) == []  # (no *: no key)


def test_a_figure_of_timelines_can_be_pickled_and_copied(ds: Dataset) -> None:
    """Its date labels and its axes' placement are classes of their own modules, not made
    inside a function (which pickle cannot name)."""
    import copy
    import pickle

    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    ds.plot_timeline(KOZLOV, ax=left)
    ds.plot_timeline(TULESOVA, ax=right)
    again = pickle.loads(pickle.dumps(fig))
    assert [ax.get_title(loc="left") for ax in again.axes] == [
        "Vladimir Kozlov — 13 events",
        "Asya Tulesova — 19 events",
    ]
    check_each_keeps_to_its_room(again, list(again.axes))
    copy.deepcopy(ds.plot_timeline(KOZLOV).figure)


NARROW = {  # cells under 2 inches wide, and figures 3 and 4 inches wide
    "1x2 3.5x3": ((1, 2), (3.5, 3)),
    "1x2 4x3": ((1, 2), (4, 3)),
    "1x3 5x3": ((1, 3), (5, 3)),
    "2x2 4x4": ((2, 2), (4, 4)),
    "1x1 3x4": ((1, 1), (3, 4)),
    "1x1 4x4": ((1, 1), (4, 4)),
}


@pytest.mark.parametrize("layout", [None, "constrained"])
@pytest.mark.parametrize("grid", sorted(NARROW))
def test_the_dates_on_a_narrow_axis_keep_apart(ds: Dataset, grid: str, layout: str | None) -> None:
    """Fewer dates on the axis where the axes is narrow (two, or one alone), not three that
    touch: in cells 1.75 inches wide, 2012, 2014 and 2016 overlapped."""
    (rows, columns), size = NARROW[grid]
    fig, grid_axes = plt.subplots(rows, columns, figsize=size, layout=layout, squeeze=False)
    axes = list(grid_axes.flat)
    for ax, subject in zip(axes, more_subjects(ds), strict=False):
        ds.plot_timeline(subject, ax=ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ax in axes:
        low, high = ax.get_xlim()
        dates = [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
        assert dates, ax.get_title(loc="left")  # (one at least)
        for one, other in itertools.combinations(dates, 2):
            assert not overlaps(extent(one, renderer), extent(other, renderer)), (one, other)
    # and the same when the figure is drawn again at another width
    fig.set_size_inches(size[0] * 0.8, size[1])
    fig.canvas.draw()
    for ax in axes:
        low, high = ax.get_xlim()
        dates = [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
        for one, other in itertools.combinations(dates, 2):
            assert not overlaps(extent(one, renderer), extent(other, renderer)), (one, other)
