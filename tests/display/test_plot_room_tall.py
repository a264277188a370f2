"""A timeline drawn into an axes of a tall figure keeps its heading, axes and labels apart
and within the figure, as drawn on screen and as saved: the grids of the plot room tests
made two and four times as tall, with no layout engine, ``"tight"`` and ``"constrained"``;
and a figure laid out by an engine and saved (``savefig`` draws it with the engine swapped
for a placeholder, where the axes was placed as in no engine, with no room for its labels,
heading and legend: all three left the figure). Checked with the renderer's bounding
boxes, as tests/display/test_plot_room.py does."""

from __future__ import annotations

import io

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backend_bases import DrawEvent, RendererBase  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from rightsdata import Dataset  # noqa: E402
from test_plot_room import (  # noqa: E402
    GRIDS,
    check_each_keeps_to_its_room,
    extent,
    more_subjects,
    overlaps,
    parts,
)

pytestmark = pytest.mark.usefixtures("figures_closed")


def check_heading_keeps_apart(fig: Figure, axes: list[Axes], renderer: RendererBase) -> None:
    """Each axes' heading keeps off its own axes and everything else it draws, and within
    the figure."""
    for ax in axes:
        heading = ax.title if ax.get_title() else ax._left_title  # type: ignore[attr-defined]
        if not heading.get_text():
            continue
        box = extent(heading, renderer)
        assert not overlaps(box, ax.get_window_extent(renderer)), heading
        for part in parts(ax):
            if part is not heading:
                assert not overlaps(box, extent(part, renderer)), (heading, part)
        assert box.x0 >= -1 and box.y0 >= -1, heading
        assert box.x1 <= fig.bbox.x1 + 1 and box.y1 <= fig.bbox.y1 + 1, heading


def draw_into(ds: Dataset, fig: Figure, axes: list[Axes]) -> None:
    for ax, subject in zip(axes, [*more_subjects(ds), "KZ"][::-1], strict=False):
        ds.plot_timeline(subject, ax=ax)


@pytest.mark.parametrize("layout", [None, "tight", "constrained"])
@pytest.mark.parametrize("taller", [2, 4])
@pytest.mark.parametrize("grid", ["1x2 10x4", "2x1 default size", "2x2"])
def test_a_tall_grid_keeps_headings_axes_and_labels_apart(
    ds: Dataset, grid: str, taller: int, layout: str | None
) -> None:
    (rows, columns), (width, height) = GRIDS[grid]
    fig, grid_axes = plt.subplots(rows, columns, figsize=(width, height * taller), layout=layout)
    axes = list(grid_axes.flat)
    draw_into(ds, fig, axes)
    for _ in range(2):  # (and so when drawn again: a layout engine's second pass starts
        # from where the first left the axes)
        check_each_keeps_to_its_room(fig, axes)
        check_heading_keeps_apart(fig, axes, fig.canvas.get_renderer())  # type: ignore[attr-defined]


@pytest.mark.parametrize("layout", ["tight", "constrained"])
@pytest.mark.parametrize(
    ("shape", "size"), [((1, 1), (8, 5)), ((1, 1), (8, 20)), ((1, 2), (12, 16)), ((2, 1), (8, 20))]
)
def test_a_figure_laid_out_by_an_engine_keeps_them_apart_as_saved(
    ds: Dataset, shape: tuple[int, int], size: tuple[float, float], layout: str
) -> None:
    fig, grid_axes = plt.subplots(*shape, figsize=size, layout=layout, squeeze=False)
    axes = list(grid_axes.flat)
    draw_into(ds, fig, axes)
    fig.canvas.draw()
    shown = [x for ax in axes for x in ax.get_position().bounds]
    seen: list[int] = []

    def check(event: DrawEvent) -> None:
        seen.append(int(fig.dpi))
        check_each_keeps_to_its_room(fig, axes, event.renderer)
        check_heading_keeps_apart(fig, axes, event.renderer)

    fig.canvas.mpl_connect("draw_event", check)
    fig.savefig(io.BytesIO(), format="png")
    assert seen  # (savefig lays it out in a draw of its own, then draws it)
    placed = [x for ax in axes for x in ax.get_position().bounds]
    assert placed == pytest.approx(shown, abs=0.01)  # (as on screen)
