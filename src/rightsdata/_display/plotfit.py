"""Keeping a timeline drawn into an axes of the user's figure (``plot_timeline(ax=)``) within
that axes' room (internal; see :mod:`rightsdata._display.plot`).

An axes' room is its cell of the grid it was made in, reaching halfway into the gaps
between cells and to the figure's edges at the grid's outside (the whole figure, for an axes
not made in a grid). The plot's labels, heading and legend are cut, wrapped and laid out to
fit it (:class:`Fit`), rows too close get smaller text, a narrow axis fewer dates; and in a
figure with no layout engine (none of ``layout="constrained"``, ``"tight"``) the axes is
drawn within its cell so that they fit beside and below it (:class:`InRoom`), as
``fig.tight_layout()`` would place this axes alone. A layout engine does that itself.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
>>> [round(float(x) / fig.dpi, 2) for x in right.get_window_extent().extents]  # inches
[5.48, 0.44, 9.0, 3.52]
>>> [round(float(x) / fig.dpi, 2) for x in room_of(right).extents]  # mid-gap to the edges
[5.12, 0.0, 10.0, 4.0]
>>> plt.close(fig)
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from rightsdata._display.words import isolated_lines, truncate
from rightsdata._values.columns import display_width

if TYPE_CHECKING:
    import matplotlib.axes
    import matplotlib.transforms

__all__ = [
    "HEADING_SHARE",
    "LABEL_SHARE",
    "LEGEND_SHARE",
    "RIGHT",
    "ROW_PITCH",
    "SMALLEST",
    "TICK_ROOM",
    "Fit",
    "InRoom",
    "fit_text",
    "has_engine",
    "renderer_of",
    "room_of",
    "text_width",
    "wrap_to",
]

PAD: Final = 6.0  # points kept clear inside the edge of a room


def renderer_of(ax: matplotlib.axes.Axes) -> Any:
    """A renderer of the axes' figure, to measure text with before the figure is drawn."""
    root: Any = ax.figure.figure  # (a subfigure's own figure; a figure is its own)
    get = getattr(root.canvas, "get_renderer", None)  # (Agg and the backends built on it)
    return get() if get is not None else root._get_renderer()


def room_of(ax: matplotlib.axes.Axes) -> matplotlib.transforms.Bbox:
    """The axes' room, in display units (pixels): its grid cell, reaching halfway into the
    gaps to its neighbours and to the figure's edge where it has none; in a figure with a
    layout engine, its share of the figure by the grid's ratios (the engine moves the grid's
    lines, by what the axes draw: a room drawn from them would change with each layout)."""
    from matplotlib.transforms import Bbox

    figure: Any = ax.figure
    spec = ax.get_subplotspec()
    if spec is None:
        return Bbox.from_extents(0, 0, 1, 1).transformed(figure.transSubfigure)
    grid: Any = spec.get_gridspec()
    rows, columns = grid.get_geometry()
    bottoms, tops, lefts, rights = grid.get_grid_positions(figure)
    if has_engine(figure) and not hasattr(grid, "get_topmost_subplotspec"):
        # placed by a layout engine, which moves the grid's lines (and "tight" its margins
        # and gaps, by what the axes draw): the room is the cell of a grid with none, so
        # that it stays what it is however the engine lays the figure out
        lefts, rights = _shares(grid.get_width_ratios() or [1] * columns)
        tops, bottoms = (1 - x for x in _shares(grid.get_height_ratios() or [1] * rows))
    first_row, last_row = spec.rowspan.start, spec.rowspan.stop - 1
    first_column, last_column = spec.colspan.start, spec.colspan.stop - 1
    x0 = 0.0 if first_column == 0 else (rights[first_column - 1] + lefts[first_column]) / 2
    x1 = 1.0 if last_column == columns - 1 else (rights[last_column] + lefts[last_column + 1]) / 2
    y1 = 1.0 if first_row == 0 else (bottoms[first_row - 1] + tops[first_row]) / 2
    y0 = 0.0 if last_row == rows - 1 else (bottoms[last_row] + tops[last_row + 1]) / 2
    room: Bbox = Bbox.from_extents(x0, y0, x1, y1).transformed(figure.transSubfigure)
    return room


def _shares(ratios: list[float]) -> tuple[Any, Any]:
    """Where cells of these relative sizes start and end, side by side from 0 to 1."""
    import numpy as np

    ends = np.cumsum(ratios) / sum(ratios)
    return np.concatenate([[0.0], ends[:-1]]), ends


def text_width(renderer: Any, text: str, size: float, weight: str = "normal") -> float:
    """The width of one line of ``text`` as drawn, in display units (pixels)."""
    from matplotlib.font_manager import FontProperties

    font = FontProperties(size=size, weight=weight)
    width: float = renderer.get_text_width_height_descent(text, font, ismath=False)[0]
    return width


def fit_text(renderer: Any, text: str, size: float, limit: float, weight: str = "normal") -> str:
    """``text`` (shown as a plot shows it already: its isolates the plot's own) cut, with an
    ellipsis, to at most ``limit`` pixels wide as drawn; an isolate whose end the cut took
    is left open, for its line to close (:func:`isolated_lines`)."""
    columns = display_width(text)
    while columns > 1 and text_width(renderer, text, size, weight) > limit:
        columns -= max(1, columns // 10)
        text = truncate(text, columns, escape=False)  # (an isolate, not its escape)
    return text


def wrap_to(renderer: Any, text: str, size: float, weight: str, limit: float) -> str:
    """``text`` broken between words into lines at most ``limit`` pixels wide as drawn (a
    word wider than that alone on its line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            longer = f"{line} {word}" if line else word
            if line and text_width(renderer, longer, size, weight) > limit:
                lines.append(line)
                line = word
            else:
                line = longer
        lines.append(line)
    return "\n".join(lines)


#: The figures last seen with a layout engine. ``savefig`` lays a figure out, then draws it
#: with the engine swapped for a placeholder (which ``fig.tight_layout()`` leaves behind
#: too): a placeholder standing in for an engine still means the engine placed the axes.
_LAID_OUT: Final[weakref.WeakSet[Any]] = weakref.WeakSet()


def has_engine(figure: Any) -> bool:
    """Whether a layout engine places the figure's axes (``layout="constrained"`` or
    ``"tight"``, and the placeholder that stands in for it while ``savefig`` draws what it
    laid out; not the placeholder ``fig.tight_layout()`` leaves in a figure that had no
    engine)."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    root = figure.figure
    engine = root.get_layout_engine()
    if isinstance(engine, PlaceHolderLayoutEngine):
        return root in _LAID_OUT
    if engine is None:
        _LAID_OUT.discard(root)
        return False
    _LAID_OUT.add(root)
    return True


class InRoom:
    """An axes locator that keeps a plot drawn into the user's axes in that axes' room
    each time it is drawn, as the room then is (after a resize, at another dpi).

    When the room (its size in pixels, the dpi) is not what the plot was last fitted to, it
    calls ``refit(ax, renderer)`` first: the plot's titles, heading, legend, font sizes and
    date ticks laid out anew for it. Then, in a figure with no layout engine, it places the
    axes within its room (:func:`room_of`), ``margins`` (points: left, bottom, right, top;
    what is drawn outside the axes, measured by :meth:`measure`) and :data:`PAD` inside the
    room's edges, at least a fifth of the room's width and height; an axes placed by hand
    (``fig.add_axes``) or placed by a layout engine stays where it is.

    The refit runs only when the room changes, so a figure drawn again at the same size costs
    nothing more; while it runs, the locator answers the last place (the refit measures the
    axes, which calls its locator). ``get_subplotspec`` lets ``fig.tight_layout()`` count
    the axes in its grid.
    """

    def __init__(self, ax: matplotlib.axes.Axes, refit: Any = None) -> None:
        self.ax = ax
        self.refit = refit
        self.margins: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0)
        self.key: tuple[float, ...] | None = None
        self.busy = False

    def __call__(self, ax: Any, renderer: Any) -> matplotlib.transforms.Bbox:
        if not self.busy and self._key(ax) != self.key:
            self.fit(ax, renderer)
        return self._box(ax)

    def fit(self, ax: Any, renderer: Any) -> None:
        """Fit the plot to its room as it is now, and measure its margins."""
        self.busy = True
        try:
            self.key = self._key(ax)
            if self.refit is not None:
                self.refit(ax, renderer)
            self.measure(ax, renderer)
        finally:
            self.busy = False

    def placed(self, ax: Any) -> bool:
        """Whether this locator places the axes (in a grid, with no layout engine)."""
        return ax.get_subplotspec() is not None and not has_engine(ax.figure)

    def measure(self, ax: Any, renderer: Any) -> None:
        """Measure what the plot draws outside the axes (its margins), twice: tick labels
        may change with the axes' size."""
        from matplotlib.transforms import Bbox

        if not self.placed(ax):
            return
        points = ax.figure.figure.dpi / 72
        legend = ax.get_legend()
        for _ in range(2):
            if legend is not None:  # anchored at the axes' right, it fits left of it
                legend.set_in_layout(False)
            beside = ax.get_tightbbox(renderer)  # (placed here by the margins of now)
            if legend is not None:
                legend.set_in_layout(True)
            inner = ax.get_window_extent(renderer)
            if beside is None:
                return
            outer = beside
            if legend is not None:
                outer = Bbox.union([beside, legend.get_window_extent(renderer)])
            margins = (
                inner.x0 - beside.x0,
                inner.y0 - outer.y0,
                beside.x1 - inner.x1,
                outer.y1 - inner.y1,
            )
            self.margins = tuple(max(m, 0.0) / points for m in margins)

    def _key(self, ax: Any) -> tuple[float, ...]:
        room = room_of(ax)
        return (round(room.width, 1), round(room.height, 1), ax.figure.figure.dpi)

    def _box(self, ax: Any) -> matplotlib.transforms.Bbox:
        from matplotlib.transforms import Bbox

        if not self.placed(ax):
            position: Bbox = ax.get_position(original=True)
            return position
        figure: Any = ax.figure
        room = room_of(ax)
        left, bottom, right, top = (m * figure.figure.dpi / 72 for m in self.margins)
        pad = PAD * figure.figure.dpi / 72
        x0, x1 = _at_least(room.x0 + pad + left, room.x1 - pad - right, room.width / 5)
        y0, y1 = _at_least(room.y0 + pad + bottom, room.y1 - pad - top, room.height / 5)
        box: Bbox = Bbox.from_extents(x0, y0, x1, y1).transformed(figure.transSubfigure.inverted())
        return box

    def get_subplotspec(self) -> Any:
        return self.ax.get_subplotspec()


def _at_least(low: float, high: float, least: float) -> tuple[float, float]:
    if high - low >= least:
        return low, high
    middle = (low + high) / 2
    return middle - least / 2, middle + least / 2


LABEL_SHARE: Final = 0.45  # of the room's width, at most, for the events' titles
ROW_PITCH: Final = 1.3  # a row's height, in font sizes of its texts, for them to keep apart
SMALLEST: Final = 5.5  # points: the smallest font size of a row's texts
RIGHT: Final = 12.0  # points: what stands out right of the axes, as a first guess
TICK_ROOM: Final = 32.0  # points of the axes' width for each date on the axis, at least
HEADING_SHARE: Final = 0.2  # of the room's height, at most, for the heading
LEGEND_SHARE: Final = 0.35  # of the room's height, at most, for the legend


class Fit:
    """The room of a plot drawn into the user's axes, and how much of it each part may take:
    the events' titles at most :data:`LABEL_SHARE` of its width, the heading and the legend
    no more than the rest, and the legend no wider than the room."""

    def __init__(self, ax: matplotlib.axes.Axes, renderer: Any = None) -> None:
        self.ax = ax
        self.room = room_of(ax)
        self.renderer = renderer_of(ax) if renderer is None else renderer
        self.pixels: float = ax.figure.figure.dpi / 72  # pixels a point
        self.pad = PAD * self.pixels
        self.label_width = 0.0
        self.right = RIGHT * self.pixels  # what stands out right of the axes, till measured

    def labels(self, labels: list[str], size: float, bold: Sequence[bool] = ()) -> list[str]:
        """The events' titles, each cut to fit its share of the room (as drawn: in bold
        where ``bold`` says so, the case's own event)."""
        limit = LABEL_SHARE * self.room.width
        weights = ["bold" if n < len(bold) and bold[n] else "normal" for n in range(len(labels))]
        cut = [
            isolated_lines(fit_text(self.renderer, label, size, limit, weight))
            for label, weight in zip(labels, weights, strict=True)
        ]
        widths = [
            text_width(self.renderer, label, size, weight)
            for label, weight in zip(cut, weights, strict=True)
        ]
        self.label_width = max(widths, default=0.0) + 4 * self.pixels  # (and the ticks' pad)
        return cut

    @property
    def plot_width(self) -> float:
        """The width the axes will have, in points (when laid out in its room)."""
        width = self.room.width - 2 * self.pad - self.label_width - self.right
        return max(width, self.room.width / 5) / self.pixels

    def measure_right(self) -> None:
        """Measure what the plot draws right of the axes (half the last tick's label, the
        date beside a mark at the edge, an open end's arrow), for :attr:`legend_width`."""
        outer = self.ax.get_tightbbox(self.renderer)
        inner = self.ax.get_window_extent(self.renderer)
        if outer is not None:
            self.right = max(float(outer.x1 - inner.x1), 0.0)

    @property
    def legend_width(self) -> float:
        """The widest a legend may be, in pixels: from the axes' right edge (where it is
        anchored) to the room's left. Where a layout engine places the axes, its right edge
        is where the engine put it (``"tight"`` keeps a margin of its own), not the room's
        edge less what stands out right of it."""
        width = self.room.width - 2 * self.pad - self.right
        if has_engine(self.ax.figure):
            anchor = float(self.ax.get_window_extent(self.renderer).x1)
            width = min(width, anchor - self.room.x0 - self.pad)
        return width

    def heading(self, text: str, size: float) -> str:
        """The heading, broken into lines that fit from the axes' left edge to the room's,
        no more of them than fit :data:`HEADING_SHARE` of the room's height (the last one
        kept cut, with an ellipsis)."""
        limit = max(self.room.width - 2 * self.pad - self.label_width, self.room.width / 5)
        lines = wrap_to(self.renderer, text, size, "bold", limit).split("\n")
        most = max(1, int(HEADING_SHARE * self.room.height / (1.25 * size * self.pixels)))
        if len(lines) > most:
            lines = [
                *lines[: most - 1],
                fit_text(self.renderer, " ".join(lines[most - 1 :]) + " …", size, limit, "bold"),
            ]
        # (a name wrapped or cut: isolated on each of its lines, each isolate closed)
        return isolated_lines(
            "\n".join(
                line
                if text_width(self.renderer, line, size, "bold") <= limit
                else fit_text(self.renderer, line, size, limit, "bold")
                for line in lines
            )
        )

    @property
    def legend_height(self) -> float:
        """The tallest a legend may be, in pixels: :data:`LEGEND_SHARE` of the room's."""
        return LEGEND_SHARE * self.room.height

    def size(self, artist: Any) -> tuple[float, float]:
        """The width and height of an artist as drawn, in pixels."""
        box = artist.get_window_extent(self.renderer)
        return float(box.width), float(box.height)

    def row_size(self, rows: int) -> float:
        """The font size (points) at which ``rows`` rows of text keep apart in the height the
        axes will have in its room (what the heading, ticks and legend leave); at least
        :data:`SMALLEST`."""
        outer = self.ax.get_tightbbox(self.renderer)
        inner = self.ax.get_window_extent(self.renderer)
        if outer is None:
            return SMALLEST
        decorations = outer.height - inner.height
        height = self.room.height - 2 * self.pad - decorations
        return max(height / max(rows, 1) / self.pixels / ROW_PITCH, SMALLEST)
