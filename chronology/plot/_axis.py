"""Days on a matplotlib date axis, and an axis that reads well from days to centuries."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final

import matplotlib.dates as mdates
from matplotlib import ticker
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
    """Ticks and labels chosen for the span shown: days, months, years, decades or centuries.

    Up to three weeks, every day is named under its middle (a day is the space between two grid lines,
    and what happened on the 18th is drawn inside it), the month and year under the first day and the 1st.
    """
    if last_day - first_day <= _DAY_BY_DAY:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(ticker.NullFormatter())
        ax.xaxis.set_minor_locator(mdates.HourLocator(byhour=12))
        ax.xaxis.set_minor_formatter(ticker.FuncFormatter(_day_label))
        ax.grid(axis="x", which="major", color="#e3e3e3", linewidth=0.8, zorder=0)
        ax.tick_params(axis="x", which="minor", length=0, labelsize=FONT_SIZE_TICKS)
        ax.tick_params(axis="x", which="major", length=3)
        return
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DatedAxisFormatter(locator, show_offset=True))
    span = max(1, last_day - first_day)
    if span <= 120:
        ax.xaxis.set_minor_locator(mdates.DayLocator())
    elif span <= 3 * 366:
        ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.grid(axis="x", which="major", color="#e3e3e3", linewidth=0.8, zorder=0)
    ax.tick_params(axis="x", which="minor", length=2, color="#bbbbbb")


_DAY_BY_DAY: Final = 21
FONT_SIZE_TICKS: Final = 7.5


def _day_label(x: float, position: int | None) -> str:
    """The day of the month under a day's middle; with the month and year on the first shown and on each 1st."""
    day = mdates.num2date(x)
    if position == 0 or day.day == 1:
        return f"{day.day}\n{day:%b %Y}"
    return str(day.day)


class _DatedAxisFormatter(mdates.ConciseDateFormatter):
    """matplotlib's concise labels, with the year always somewhere a reader finds it.

    Month ticks name their year only in January, so an axis from September 2023
    showed "Sep", "Nov", "2024": the first tick now says "Sep 2023". Day ticks
    across months name each month already, so the corner shows just the year
    ("2024", not "2024-Nov", which read as if the whole axis were November).
    """

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        labels: list[str] = super().format_ticks(values)
        if not labels:
            return labels
        days = [mdates.num2date(value) for value in values]
        years = {day.year for day in days}
        months = {(day.year, day.month) for day in days}
        first = days[0]
        if len(years) > 1 and labels[0] and str(first.year) not in labels[0] and not labels[0].isdigit():
            labels[0] = f"{labels[0]} {first.year}"
        self._year_only = str(first.year) if len(months) > 1 and len(years) == 1 else None
        return labels

    def get_offset(self) -> str:
        offset: str = super().get_offset()
        year_only: str | None = getattr(self, "_year_only", None)
        return year_only if offset and year_only else offset
