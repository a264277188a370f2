"""The calendar's names in English, stated once (internal): the months, and EDTF's season
codes with their names and months, for the dates module, the date words and the display.

>>> MONTH_NAMES[9], SEASON_NAMES[22], SEASON_MONTHS[22]
('October', 'summer', (6, 8))
"""

from __future__ import annotations

from typing import Final

__all__ = ["MONTH_NAMES", "SEASON_MONTHS", "SEASON_NAMES"]

#: The months' names, January first.
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: EDTF's season codes, as this library reads them: each code's first and last month (as
#: ``edtf.appsettings.SEASON_MONTHS_RANGE``).
SEASON_MONTHS: Final[dict[int, tuple[int, int]]] = {
    21: (3, 5),
    22: (6, 8),
    23: (9, 11),
    24: (12, 12),
}
#: Each season code's name.
SEASON_NAMES: Final[dict[int, str]] = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
