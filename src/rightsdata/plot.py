"""Timelines as plots (needs ``rightsdata[plot]``): ``Dataset.plot_timeline`` and the fixed
style of each event kind, the same in every plot.

>>> from rightsdata.plot import KIND_ORDER, kind_style
>>> KIND_ORDER[0], kind_style("protest")[1:]
('protest', ('o', ''))
"""

from rightsdata._display.plot import KIND_ORDER, PALETTE, case_events, kind_style, plot_timeline

__all__ = ["KIND_ORDER", "PALETTE", "case_events", "kind_style", "plot_timeline"]


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
