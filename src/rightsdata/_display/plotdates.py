"""The timeline plot's date labels (internal; imports matplotlib: import it only to draw).

A class of its own module, not one made inside a function, so that a figure holding it can
be pickled or deep-copied (``pickle.dumps(fig)``, ``copy.deepcopy(fig)``).

>>> import datetime
>>> from matplotlib.dates import AutoDateLocator, date2num
>>> locator = AutoDateLocator()
>>> days = [date2num(datetime.date(2012, month, 1)) for month in (12,)]
>>> DatedFirst(locator, show_offset=False).format_ticks(days + [days[0] + 62])
['Dec 2012', 'Feb']
"""

from __future__ import annotations

from typing import Any

from matplotlib import dates

__all__ = ["DatedFirst"]

# (untyped in matplotlib's stubs)
_Concise: Any = dates.ConciseDateFormatter
_num2date: Any = dates.num2date


class DatedFirst(_Concise):  # type: ignore[misc]
    """Concise tick labels ('Dec', '2013', 'Feb'), the first one with its year."""

    def format_ticks(self, values: Any) -> list[str]:
        labels: list[str] = list(super().format_ticks(values))
        if labels:
            first = _num2date(values[0])
            if str(first.year) not in labels[0]:
                day = labels[0].strip().isdigit()
                labels[0] = f"{first.day} {first:%b %Y}" if day else f"{first:%b %Y}"
        return labels
