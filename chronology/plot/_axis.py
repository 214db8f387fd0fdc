"""Days on a matplotlib date axis, and an axis that reads well from days to centuries."""

from __future__ import annotations

import datetime
from typing import Final

import matplotlib.dates as mdates
from matplotlib.axes import Axes

__all__ = ["EPOCH", "day_to_x", "format_date_axis"]

#: matplotlib's date numbers count days from 1970-01-01; ours are proleptic ordinals.
EPOCH: Final = datetime.date(1970, 1, 1).toordinal()
FIRST_DAY: Final = datetime.date(1, 1, 1).toordinal()
LAST_DAY: Final = datetime.date(9999, 12, 31).toordinal()


def day_to_x(day: float) -> float:
    """The x of the start of day number ``day`` (fractions move into the day)."""
    return day - EPOCH


def format_date_axis(ax: Axes, first_day: int, last_day: int) -> None:
    """Ticks and labels chosen for the span shown: days, months, years, decades or centuries."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=True))
    span = max(1, last_day - first_day)
    if span <= 120:
        ax.xaxis.set_minor_locator(mdates.DayLocator())
    elif span <= 3 * 366:
        ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.grid(axis="x", which="major", color="#e3e3e3", linewidth=0.8, zorder=0)
    ax.tick_params(axis="x", which="minor", length=2, color="#bbbbbb")
