"""The time axis: ticks and labels that read well from minutes to millions of years, and its breaks.

:func:`format_axis` gives an ``Axes`` its x ticks from a :class:`~chronology.plot._scale.Scale`:
for each unbroken piece, the finest unit whose labels keep apart at the width
the piece is drawn (minutes, hours, days, months, years, decades, centuries,
millennia), ticks at round values of it ("14:00", "8", "Sep", "1450", "44 BCE",
"12,000"), and the larger unit ("18 Oct 2024", "Oct 2024", "2024") under the
first tick of each piece and wherever it changes. Every piece has two labels
at least (a narrow one its first and last tick of a unit), and no two labels
touch, the larger unit's line measured too. Short spans name each day under its
middle, as a calendar does; where hours or minutes are labelled, the zone of the
times is named under the axis's right end ("times in Europe/London"). The axis
is numeric (day numbers less :data:`EPOCH`), not matplotlib's dates, so every
year the model holds is drawn. :func:`draw_breaks` marks the breaks between
pieces on the axis line.

:func:`format_date_axis` and :func:`day_to_x`, matplotlib's date axis for years 1-9999, serve
the claims chart.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from typing import Final, Literal

import attrs
import matplotlib.dates as mdates
from matplotlib import ticker
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.textpath import text_to_path

from chronology._calendar import day_number, from_day_number
from chronology.plot._scale import EPOCH, Piece, Scale

__all__ = ["BREAK_MARK", "EPOCH", "day_to_x", "draw_breaks", "format_axis", "format_date_axis", "year_text"]

FONT_SIZE_TICKS: Final = 7.5
#: The mark of a break: a slanted stroke, drawn where the axis line and the bars across it are cut.
BREAK_MARK: Final = Path([(-0.4, -1.0), (0.4, 1.0)], [Path.MOVETO, Path.LINETO])
_LABEL_GAP_INCHES: Final = 0.3  # the least space between two tick labels
_TIGHT_GAP_INCHES: Final = 0.08  # the least space between the two labels of a piece labelled at two ticks only
_BREAK_CLEAR: Final = 0.04  # inches a tick label keeps clear of a break (or of the axis's end where no slack)
_LEAST_SPACING: Final = 0.5  # inches between two labelled ticks, whatever their labels
_DAY_BY_DAY: Final = 0.2  # inches a day needs to be named under its middle
_MINOR_SPACING: Final = 0.06  # inches between minor ticks at least
_EDGE_SLACK: Final = 0.15  # inches a tick label may reach beyond the right end of the axis
_LEFT_SLACK: Final = 0.3  # and beyond its left end, where a figure of its own has a margin of 0.45 inches at least
_SLIGHT: Final = 0.08  # inches a lone label of a narrow piece may reach into a break, for a coarser unit
_MAX_TICKS: Final = 400  # a candidate with more ticks than this in a piece is too fine to consider
_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Unit = Literal["minute", "hour", "day", "month", "year"]
_UNITS: Final[tuple[Unit, ...]] = ("minute", "hour", "day", "month", "year")


def year_text(year: int, *, era: bool = False) -> str:
    """A year on the axis: astronomical 0 is "1 BCE", -43 "44 BCE"; "AD 79" when ``era``; "12,000" past 9999."""
    if year <= 0:
        return f"{_number(1 - year)} BCE"
    return f"AD {_number(year)}" if era else _number(year)


def _number(n: int) -> str:
    return f"{n:,}" if n >= 10_000 else str(n)


@attrs.frozen
class _Step:
    """Ticks every ``count`` units; ``count == 1`` of days names each day under its middle."""

    unit: Unit
    count: int

    @property
    def days(self) -> float:
        """The step's length in days (months and years at their mean)."""
        per = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "month": 30.44, "year": 365.2425}[self.unit]
        return per * self.count

    @property
    def by_day(self) -> bool:
        """Whether each day is named under its middle (and the ticks are the days' edges)."""
        return self.unit == "day" and self.count == 1

    def ticks(self, first: float, last: float) -> list[float]:
        """The day numbers of the ticks from ``first`` to ``last`` (inclusive), in order."""
        if (last - first) / self.days > _MAX_TICKS:
            return []
        if self.unit in ("minute", "hour"):
            per_day = 1440 // (self.count * (60 if self.unit == "hour" else 1))
            start = math.ceil(first * per_day - 1e-6)
            return [n / per_day for n in range(start, math.floor(last * per_day + 1e-6) + 1)]
        if self.unit == "day":
            wanted = _DAYS_OF_MONTH[self.count]
            return [float(d) for d in range(math.ceil(first), math.floor(last) + 1) if from_day_number(d)[2] in wanted]
        year, month, _ = from_day_number(math.floor(first))
        if self.unit == "month":
            found = []
            while (day := day_number(year, month, 1)) <= last:
                if day >= first and (month - 1) % self.count == 0:
                    found.append(float(day))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return found
        return [
            float(d)
            for y in _years(year, from_day_number(math.floor(last))[0], self.count)
            if first <= (d := day_number(y, 1, 1)) <= last
        ]


def _years(first: int, last: int, step: int) -> list[int]:
    """The years from ``first`` to ``last`` whose number is a multiple of ``step`` (BCE counted as written).

    Where BCE ticks are, year 1 is added from steps of five on, so that ticks run on evenly across the start of
    the era (50 BCE, AD 1, AD 50).
    """
    found = set()
    for year in range(-(-max(first, 1) // step) * step, last + 1, step):  # AD years: 1450, 1500...
        found.add(year)
    high, low = 1 - first, 1 - last  # written BCE numbers: 100 BCE is year -99
    for written in range(max(step, -(-max(low, 1) // step) * step), high + 1, step):
        found.add(1 - written)
    if step >= 5 and first <= 1 <= last and any(year <= 0 for year in found):
        found.add(1)
    return sorted(found)


_DAYS_OF_MONTH: Final = {
    1: frozenset(range(1, 32)),
    2: frozenset(range(1, 30, 2)),
    7: frozenset((1, 8, 15, 22)),
    14: frozenset((1, 15)),
}
_STEPS: Final = (
    *(_Step("minute", n) for n in (1, 2, 5, 10, 15, 30)),
    *(_Step("hour", n) for n in (1, 2, 3, 6, 12)),
    *(_Step("day", n) for n in (1, 2, 7, 14)),
    *(_Step("month", n) for n in (1, 2, 3, 6)),
    *(_Step("year", m * 10**e) for e in range(10) for m in (1, 2, 5)),
)
#: The minor ticks under each unit's major ones.
_MINOR: Final = {
    "minute": _Step("minute", 1),
    "hour": _Step("minute", 15),
    "day": _Step("day", 1),
    "month": _Step("month", 1),
}


def _minor_of(step: _Step) -> _Step | None:
    if step.unit == "hour":
        return _Step("hour", 1) if step.count > 1 else _MINOR["hour"]
    if step.unit == "year":
        lead = int(str(step.count)[0])
        count = step.count // (4 if lead == 2 else 5) if step.count >= 5 else 1 if step.count > 1 else 0
        return _Step("year", count) if count else _Step("month", 3)
    if step.by_day or (step.unit == "minute" and step.count < 5) or (step.unit == "month" and step.count == 1):
        return None
    return _MINOR[step.unit]


def _label(step: _Step, day: float, era: bool) -> tuple[str, str]:
    """The tick's text and the larger unit it lies in (shown under it where that changes)."""
    whole = math.floor(day + 1e-6)
    year, month, date = from_day_number(whole)
    if step.unit in ("minute", "hour"):
        minutes = round((day - whole) * 1440) % 1440
        return f"{minutes // 60:02d}:{minutes % 60:02d}", f"{date} {_MONTHS[month - 1]} {year_text(year, era=era)}"
    if step.unit == "day":
        return str(date), f"{_MONTHS[month - 1]} {year_text(year, era=era)}"
    if step.unit == "month":
        return _MONTHS[month - 1], year_text(year, era=era)
    return year_text(year, era=era), ""


@attrs.frozen
class _Plan:
    """The steps chosen for one piece at the width it is drawn, and its labelled ticks (day numbers)."""

    piece: Piece
    major: _Step
    minor: _Step | None
    ticks: tuple[float, ...]


class _Planner:
    """Chooses each piece's steps for the axis's width in inches, once per width."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self._plans: tuple[float, tuple[_Plan, ...]] | None = None

    def plans(self, axes: Axes) -> tuple[_Plan, ...]:
        figure = axes.get_figure()
        dpi = figure.dpi if figure is not None else 100.0
        inches = axes.bbox.width / dpi
        if self._plans is None or abs(self._plans[0] - inches) > 1e-6:
            left, right = axes.get_xlim()
            per_x = inches / abs(right - left) if right != left else 1.0
            self._plans = (inches, tuple(self._plan(piece, per_x) for piece in self.scale.pieces))
        return self._plans[1]

    def _plan(self, piece: Piece, per_x: float) -> _Plan:
        """The finest step whose labels keep apart and inside the piece, two of them at least.

        A piece too narrow for that step's every tick is labelled at two ticks only, its first and last of
        the coarsest step that keeps those two apart; a piece too narrow even for two labels gets the one
        that sticks out least.
        """
        per_day = piece.per_day * per_x  # inches a day takes
        width = (piece.x1 - piece.x0) * per_x
        # a label keeps clear of the breaks; at the axis's own ends it may reach a little beyond
        slack = (
            _LEFT_SLACK if piece is self.scale.pieces[0] else -_BREAK_CLEAR,
            _EDGE_SLACK if piece is self.scale.pieces[-1] else -_BREAK_CLEAR,
        )
        single: tuple[tuple[bool, int, bool, float, int], _Step, float] | None = None  # the best, should none fit
        pair: tuple[_Step, list[float]] | None = None  # the coarsest step whose first and last labels keep apart
        for rank, step in enumerate(_STEPS):
            if step.by_day:
                middles = [d for d in step.ticks(piece.first, piece.last) if d + 0.5 < piece.last]
                if per_day >= _DAY_BY_DAY and piece.last - piece.first <= 31 and len(middles) >= 2:
                    return _Plan(piece, step, None, tuple(step.ticks(piece.first, piece.last)))
                continue
            ticks = step.ticks(piece.first, piece.last)
            if not ticks:
                continue
            era = _era(ticks)
            texts = [_label(step, t, era) for t in ticks]

            def overflow(t: float, shown: float) -> float:
                """Inches a label ``shown`` wide at tick ``t`` would reach beyond its piece."""
                offset = (t - piece.first) * per_day
                return max(0.0, shown / 2 - slack[0] - offset, offset + shown / 2 - width - slack[1])

            # the labels that fit, each as wide as drawn: the larger unit under the first and where it changes
            inner: list[tuple[float, float, str]] = []  # (tick, inches, context)
            middle = (piece.first + piece.last) / 2
            for t, (text, context) in zip(ticks, texts, strict=True):
                shown = max(_inches(text), _inches(context) if not inner or context != inner[-1][2] else 0.0)
                over = overflow(t, shown)
                # a little over is fine for a coarser unit, named at the start of the one the piece's middle is in
                key = (over > _SLIGHT, -_UNITS.index(step.unit), t > middle, abs(t - middle), rank)
                if single is None or key < single[0]:
                    single = (key, step, t)
                if over == 0.0:
                    inner.append((t, shown, context))
            if len(inner) >= 2:
                (a, a_shown, a_context), (b, _, b_context) = inner[0], inner[-1]
                b_text = texts[ticks.index(b)][0]
                b_shown = max(_inches(b_text), _inches(b_context) if b_context != a_context else 0.0)
                if overflow(b, b_shown) == 0.0 and (b - a) * per_day >= (a_shown + b_shown) / 2 + _TIGHT_GAP_INCHES:
                    pair = (step, [a, b])
            if step.days * per_day < _LEAST_SPACING * 0.9 or len(inner) < 2:
                continue
            need = max(_LEAST_SPACING, max(_inches(text) for text, _ in texts) + _LABEL_GAP_INCHES)
            if min(b - a for a, b in itertools.pairwise(ticks)) * per_day < need:
                continue
            if any(
                (b - a) * per_day < (wa + wb) / 2 + _TIGHT_GAP_INCHES
                for (a, wa, _), (b, wb, _) in itertools.pairwise(inner)
            ):
                continue  # a wide second line ("Jun 2024") would touch its neighbour
            return self._with_minor(piece, step, [t for t, _, _ in inner], per_day)
        if pair is not None:  # two labels, the piece's first and last of a step; its other ticks unlabelled
            step, ends = pair
            minor = step if step.days * per_day >= _MINOR_SPACING else _minor_of(step)
            if minor is not None and minor.days * per_day < _MINOR_SPACING:
                minor = None
            return _Plan(piece, step, minor, tuple(ends))
        if single is None:  # not even one tick: the piece goes unlabelled
            return _Plan(piece, _STEPS[-1], None, ())
        # no two labels fit inside the piece: the one that sticks out least, a coarse unit rather than a fine one
        _, step, tick = single
        return self._with_minor(piece, step, [tick], per_day)

    @staticmethod
    def _with_minor(piece: Piece, step: _Step, ticks: list[float], per_day: float) -> _Plan:
        minor = _minor_of(step)
        if minor is not None and minor.days * per_day < _MINOR_SPACING:
            minor = None
        return _Plan(piece, step, minor, tuple(ticks))


@functools.lru_cache(maxsize=4096)
def _inches(text: str) -> float:
    """The width in inches of a tick label's widest line, as the ticks' font draws it."""
    if not text:
        return 0.0
    font = FontProperties(family="DejaVu Sans", size=FONT_SIZE_TICKS)
    widths = [text_to_path.get_text_width_height_descent(line, font, ismath=False)[0] for line in text.split("\n")]
    return max(widths) / 72


def _era(days: Sequence[float]) -> bool:
    """Whether years on this axis need their era: some lie before AD 1000."""
    return any(from_day_number(math.floor(d + 1e-6))[0] < 1000 for d in (days[0], days[-1])) if days else False


class _Ticks(ticker.Locator):
    """The ticks of each piece: major (labelled) or minor (for day-by-day axes, the labelled day middles)."""

    def __init__(self, planner: _Planner, *, minor: bool) -> None:
        self.planner = planner
        self.minor = minor

    def __call__(self) -> Sequence[float]:
        axes: Axes | None = getattr(self.axis, "axes", None)
        if axes is None:
            return []
        scale = self.planner.scale
        found: list[float] = []
        for plan in self.planner.plans(axes):
            piece = plan.piece
            if not self.minor:
                found += [scale.x(d) for d in plan.ticks]
            elif plan.major.by_day:
                found += [scale.x(d + 0.5) for d in plan.ticks if d + 0.5 < piece.last]
            elif plan.minor is not None:
                found += [scale.x(d) for d in plan.minor.ticks(piece.first, piece.last)]
        return found

    def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
        return self()


class _Labels(ticker.Formatter):
    """Labels of the major ticks (or, for day-by-day pieces, of the day middles)."""

    def __init__(self, planner: _Planner, *, minor: bool, times_in: str | None = None) -> None:
        self.planner = planner
        self.minor = minor
        self.times_in = times_in

    def get_offset(self) -> str:
        """The zone of the times of day, under the axis's right end, where some piece labels hours or minutes."""
        axes: Axes | None = getattr(self.axis, "axes", None)
        if self.minor or self.times_in is None or axes is None:
            return ""
        timed = any(plan.major.unit in ("minute", "hour") and plan.ticks for plan in self.planner.plans(axes))
        return f"times in {self.times_in}" if timed else ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        axes: Axes | None = getattr(self.axis, "axes", None)
        if axes is None:
            return [""] * len(values)
        scale = self.planner.scale
        plans = {id(p.piece): p for p in self.planner.plans(axes)}
        days = [scale.day(x) for x in values]
        pieces = [scale.piece_at(x) for x in values]
        eras = {  # a piece that reaches before AD 1000 names the era of every year it shows
            id(piece): _era([d for d, p in zip(days, pieces, strict=True) if p is piece]) for piece in scale.pieces
        }
        labels = []
        previous: tuple[int, str] | None = None
        for day, piece in zip(days, pieces, strict=True):
            plan = plans.get(id(piece)) if piece is not None else None
            if plan is None or plan.major.by_day != self.minor:
                labels.append("")
                continue
            step = plan.major
            day = round(day * 1440) / 1440  # ticks fall on whole minutes: undo the float's wobble
            text, context = _label(step, day - 0.5 if step.by_day else day, eras[id(piece)])
            if context and (previous is None or previous != (id(piece), context)):
                text = f"{text}\n{context}"
            previous = (id(piece), context)
            labels.append(text)
        return labels


def format_axis(ax: Axes, scale: Scale, *, times_in: str | None = None) -> None:
    """Ticks, labels and grid lines of the x axis for ``scale``, each piece at its own unit.

    Args:
        ax: the axes.
        scale: where each day is drawn.
        times_in: the zone the times of day are in ("UTC", "Asia/Seoul"), named under the right end of the
            axis ("times in UTC") whenever hours or minutes are labelled; None names none.

    """
    planner = _Planner(scale)
    ax.set_xlim(scale.left, scale.right)
    ax.xaxis.set_major_locator(_Ticks(planner, minor=False))
    ax.xaxis.set_minor_locator(_Ticks(planner, minor=True))
    ax.xaxis.set_major_formatter(_Labels(planner, minor=False, times_in=times_in))
    ax.xaxis.set_minor_formatter(_Labels(planner, minor=True))
    ax.xaxis.remove_overlapping_locs = False  # a day's middle never meets its edges; keep both
    ax.grid(axis="x", which="major", color="#e3e3e3", linewidth=0.8, zorder=0)
    ax.tick_params(axis="x", which="major", length=3, labelsize=FONT_SIZE_TICKS)
    ax.tick_params(axis="x", which="minor", length=2, color="#bbbbbb", labelsize=FONT_SIZE_TICKS)
    if any(p.major.by_day for p in planner.plans(ax)):
        ax.tick_params(axis="x", which="minor", length=0)
    ax.xaxis.get_offset_text().set(fontsize=FONT_SIZE_TICKS, color="#555555")


def draw_breaks(ax: Axes, scale: Scale) -> tuple[Artist, ...]:
    """Mark each break: the axis line cut, a slanted stroke each side, the lanes' lines interrupted."""
    if not scale.breaks:
        return ()
    drawn: list[Artist] = []
    on_axis = ax.get_xaxis_transform()  # x in data, y in axes fractions
    spine = ax.spines["bottom"]
    color, width = spine.get_edgecolor(), spine.get_linewidth()
    spine.set_visible(False)
    for piece in scale.pieces:
        line = Line2D([piece.x0, piece.x1], [0, 0], transform=on_axis, color=color, linewidth=width, clip_on=False)
        line.set_label("_axis line")
        ax.add_line(line)
        drawn.append(line)
    for x0, x1 in scale.breaks:
        band = Rectangle((x0, 0), x1 - x0, 1, transform=on_axis, facecolor="white", edgecolor="none", zorder=0.5)
        band.set_label("_break")
        ax.add_patch(band)
        marks = Line2D(
            [x0, x1],
            [0, 0],
            transform=on_axis,
            linestyle="",
            marker=BREAK_MARK,
            markersize=9,
            markeredgewidth=1.0,
            color="#444444",
            clip_on=False,
            zorder=3,
        )
        marks.set_label("_break marks")
        ax.add_line(marks)
        drawn += [band, marks]
    return tuple(drawn)


def day_to_x(day: float) -> float:
    """The x of the start of day number ``day`` (fractions move into the day)."""
    return day - EPOCH


def format_date_axis(ax: Axes, first_day: int, last_day: int) -> None:
    """Date ticks from matplotlib, days to centuries in years 1-9999 (the claims chart's axis).

    Up to three weeks, every day is named under its middle (a day is the space between two grid lines,
    and what happened on the 18th is drawn inside it), the month and year under the first day and the 1st.
    """
    if last_day - first_day <= _DAY_BY_DAY_DAYS:
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


_DAY_BY_DAY_DAYS: Final = 21


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
