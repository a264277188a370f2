"""The timeline plot's date labels, on its axis and beside its marks (internal; imports
matplotlib: import it only to draw).

Classes of its own module, not one made inside a function, so that a figure holding it can
be pickled or deep-copied (``pickle.dumps(fig)``, ``copy.deepcopy(fig)``).

>>> import datetime
>>> from matplotlib.dates import AutoDateLocator, date2num
>>> locator = AutoDateLocator()  # type: ignore[no-untyped-call]
>>> days = [date2num(datetime.date(2012, 12, 1))]  # type: ignore[no-untyped-call]
>>> DatedFirst(locator, show_offset=False).format_ticks(days + [days[0] + 62])
['Dec 2012', 'Feb']
"""

from __future__ import annotations

import itertools
import warnings
from typing import Any, Literal

from matplotlib import dates
from matplotlib.text import Annotation

from rightsdata._display.plotfit import fit_text, renderer_of, text_width

__all__ = ["DateNote", "DatedFirst", "SpacedDates"]

# (untyped in matplotlib's stubs)
_Auto: Any = dates.AutoDateLocator
_Concise: Any = dates.ConciseDateFormatter
_num2date: Any = dates.num2date


class SpacedDates(_Auto):  # type: ignore[misc]
    """The dates on the axis: at most ``most`` (and at least three, where they fit), fewer
    while any two of them, as drawn at the axes' width then, would come closer than a third
    of their font size (``size``, points): two, else the first alone. So an axes in a narrow
    cell (under 2 inches wide) keeps its dates apart, whatever the figure's size or dpi when
    it is drawn."""

    def __init__(self, most: int, size: float) -> None:
        super().__init__(minticks=3, maxticks=most)
        self.most = most
        self.size = size
        self.monthly = list(self.intervald[dates.MONTHLY])
        self._at_most(most)

    def _at_most(self, most: int) -> None:
        self.minticks = min(3, most)
        self.maxticks = dict.fromkeys(self._freqs, most)
        # (a year and a half in three dates: a year apart, not "no interval fits")
        self.intervald[dates.MONTHLY] = [1, 2, 3, 4, 6, 12] if most < 4 else self.monthly

    def __call__(self) -> Any:
        axes = None if self.axis is None else self.axis.axes
        most = self.most
        while True:
            self._at_most(most)
            with warnings.catch_warnings():  # (two dates in a short span: fewer, as it falls back)
                warnings.filterwarnings("ignore", "AutoDateLocator was unable", UserWarning)
                values = super().__call__()
            if axes is None or self._apart(axes, values):
                return values
            if most <= 2:  # (no fewer from the locator): the first date shown, alone
                low, high = sorted(axes.get_xlim())
                return [v for v in values if low <= v <= high][:1]
            most -= 1

    def _apart(self, axes: Any, values: Any) -> bool:
        low, high = sorted(axes.get_xlim())
        if high <= low:
            return True
        labels = self.axis.get_major_formatter().format_ticks(values)
        renderer = renderer_of(axes)
        scale = axes.bbox.width / (high - low)  # pixels a day
        ends = []
        for value, label in zip(values, labels, strict=True):
            if low <= value <= high:
                middle = (value - low) * scale
                half = text_width(renderer, label, self.size) / 2
                ends.append((middle - half, middle + half))
        gap = self.size * axes.figure.figure.dpi / 72 / 3
        return all(left[1] + gap <= right[0] for left, right in itertools.pairwise(ends))


class DatedFirst(_Concise):  # type: ignore[misc]
    """Concise tick labels ('Dec', '2013', 'Feb'), the first one with its year."""

    def format_ticks(self, values: Any) -> list[str]:
        labels: list[str] = list(super().format_ticks(values))
        for i, (value, label) in enumerate(zip(values, labels, strict=True)):
            when = _num2date(value)  # (a year's tick, on 1 January: in four digits, as
            if label == str(when.year) and when.month == when.day == 1:  # EDTF writes it)
                labels[i] = f"{when.year:04d}"
        if labels:
            first = _num2date(values[0])
            if f"{first.year:04d}" not in labels[0]:
                day = labels[0].strip().isdigit()
                month = f"{first:%b} {first.year:04d}"
                labels[0] = f"{first.day} {month}" if day else month
        return labels


class DateNote(Annotation):
    """A date beside its mark (``left`` and ``right``: the mark's ends, as fractions of the
    axes' width), placed when drawn by the axes' width then: right of the mark, else left
    of it, else over it on a white ground within the axes, cut (with an ellipsis) if wider
    than the axes. So it never reaches out of the axes, whatever its size when drawn."""

    def __init__(
        self, text: str, left: float, right: float, y: float, gap: float, **kwargs: Any
    ) -> None:
        super().__init__(
            text,
            xy=(right, y),
            xycoords=("axes fraction", "data"),
            xytext=(gap, 0),
            textcoords="offset points",
            ha="left",
            **kwargs,
        )
        self.whole = text
        self.ends = (left, right)
        self.gap = gap

    def update_positions(self, renderer: Any) -> None:
        self._place(renderer)
        super().update_positions(renderer)

    def _place(self, renderer: Any) -> None:
        axes: Any = self.axes
        if axes is None:
            return
        room = float(axes.bbox.width)
        pixels = renderer.points_to_pixels(1.0)
        font = self.get_fontproperties()
        width = renderer.get_text_width_height_descent(self.whole, font, ismath=False)[0]
        left, right = self.ends
        y = self.xy[1]
        need = (width + (self.gap + 1) * pixels) / max(room, 1.0)
        text, ground = self.whole, False
        align: Literal["left", "right"]
        if right + need <= 1:
            x, offset, align = right, self.gap, "left"
        elif left - need >= 0:
            x, offset, align = left, -self.gap, "right"
        else:  # over the mark, inside the axes
            inset = 3.0
            space = room - 2 * inset * pixels
            if width > space:
                text = fit_text(renderer, self.whole, font.get_size_in_points(), space)
                width = text_width(renderer, text, font.get_size_in_points())
            x = min(max(left, 0.0), max(1 - (width + 2 * inset * pixels) / max(room, 1.0), 0.0))
            offset, align, ground = inset, "left", True
        if self.get_text() != text:
            self.set_text(text)
        if (self.xy[0], self.xyann[0], self.get_horizontalalignment()) != (x, offset, align):
            self.xy = (x, y)
            self.xyann = (offset, 0)
            self.set_horizontalalignment(align)
        if ground != (self.get_bbox_patch() is not None):
            style = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
            self.set_bbox(style if ground else None)
