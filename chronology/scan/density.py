"""Density bands counted where the data lives: per lane, the expected number of events a day, from the engine.

A timeline of many events is drawn as density bands
(:func:`chronology.plot.plot_timeline`): per lane, each event spreads one
unit evenly over its days, from the first day its start can fall on to the
last day its end can (both held inside the window shown), and the days are
binned to about 300 bars. The arithmetic is here once, for the bands drawn in
memory and for :func:`density_bands`, which asks an engine for the same
numbers:

* :class:`Bins`: the bars a window is cut into, and the binning of a
  difference array (its running sum, day by day, averaged per bar);
* :func:`spread`: the difference array of events in memory (+1/days at each
  event's first day, -1/days the day after its last);
* :func:`density_bands`: the same difference array from one ``GROUP BY`` on
  the engine, summed per (lane, day), so that only a few numbers a lane and
  day leave it, never the events.

Days are the columnar form's ``start_first`` and ``end_last`` (the stated
days, as the links narrow them; a missing one is beyond every date on its
side), the days the bands in memory take from ``day_ends``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs
import numpy as np
import numpy.typing as npt

from chronology._calendar import MAX_ABS_YEAR, NEG_INF, POS_INF, day_number
from chronology.dates import UncertainDate
from chronology.exchange.arrow import EPOCH_DAY
from chronology.index import NEG_DAY, POS_DAY, day_ends
from chronology.notation import DateLike, as_value
from chronology.scan._semantics import HIGHEST, LOWEST
from chronology.scan.dataset import Dataset, quiet

if TYPE_CHECKING:
    import ibis.expr.types as ir

__all__ = ["BARS", "Bins", "DensityBands", "Lane", "density_bands", "lane_ranking", "lanes_of", "spread"]

#: How a picture's lanes are made: by kind, first actor, first tag or first source; None for one lane.
GroupBy = Literal["kind", "actor", "tag", "source"] | None
#: About this many bars across a band (smooth enough to read, fine enough to see).
BARS: Final = 300
#: The window's open sides when only one is given: beyond every day an event file can hold.
_EARLIEST: Final = UncertainDate.from_days(day_number(-MAX_ABS_YEAR, 1, 1), day_number(-MAX_ABS_YEAR, 1, 1))
_LATEST: Final = UncertainDate.from_days(day_number(MAX_ABS_YEAR, 12, 31), day_number(MAX_ABS_YEAR, 12, 31))
_LISTS: Final = {"actor": "actors", "tag": "tags", "source": "sources"}
_NOWHERE: Final = 738_000  # the day a window of nothing dated is drawn on, as in memory


@attrs.frozen
class Bins:
    """The bars a window of days is cut into: ``count`` bars of ``width`` days from ``first_day``.

    Attributes:
        first_day: the window's first day (the model's day numbers, as ``chronology.index.day_ends`` gives them).
        last_day: its last day.
        width: days a bar (one up to 600 days, more beyond: about :data:`BARS` bars across).
        count: how many bars (the last may reach past ``last_day``).

    """

    first_day: int
    last_day: int
    width: int
    count: int

    @classmethod
    def of(cls, first_day: int, last_day: int) -> Bins:
        """The bars of the window ``first_day``-``last_day``."""
        days = last_day - first_day + 1
        width = max(1, days // BARS)
        return cls(first_day, last_day, width, -(-days // width))

    @property
    def size(self) -> int:
        """How long a difference array over these bars is (a day past the last bar's end)."""
        return self.count * self.width + 1

    def starts(self) -> npt.NDArray[np.int64]:
        """The first day of each bar."""
        return self.first_day + np.arange(self.count, dtype=np.int64) * self.width

    def binned(self, change: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The mean of each bar's days, from a difference array (:attr:`size` long) of day-by-day changes."""
        per_day = np.cumsum(change)[: self.count * self.width]
        result: npt.NDArray[np.float64] = per_day.reshape(self.count, self.width).mean(axis=1)
        return result


def spread(first: npt.ArrayLike, last: npt.ArrayLike, bins: Bins) -> npt.NDArray[np.float64]:
    """The difference array of events spreading one unit each evenly over their days, held inside the window.

    Args:
        first: each event's first day (the model's day numbers; a sentinel where there is none).
        last: each event's last day.
        bins: the window and its bars.

    Returns:
        ``bins.size`` changes: +1/days at each event's first day in the window, -1/days the day after its last.

    """
    lo = np.clip(np.asarray(first, dtype=np.int64), bins.first_day, bins.last_day) - bins.first_day
    hi = np.clip(np.asarray(last, dtype=np.int64), bins.first_day, bins.last_day) - bins.first_day
    share = 1.0 / (hi - lo + 1)
    change = np.zeros(bins.size)
    np.add.at(change, lo, share)
    np.add.at(change, hi + 1, -share)
    return change


def lane_ranking(found: Sequence[str], order: Sequence[str] | None) -> tuple[str, ...]:
    """Lanes in the order asked (``order``, top first), those not named after them in the order ``found``."""
    if not order:
        return tuple(found)
    return tuple([name for name in order if name in found] + [name for name in found if name not in order])


@attrs.frozen
class Lane:
    """A lane of a data set: its name, how many events it holds, and the id of its earliest event."""

    name: str
    events: int
    earliest: str


@attrs.frozen(kw_only=True)
class DensityBands:
    """The numbers of density bands: per lane, the expected number of events a day, bar by bar.

    Attributes:
        bins: the window and its bars.
        lanes: the lanes with events in the window, top first: by their earliest event (or as asked).
        every_lane: the lanes of the whole data set in the same order, which the lanes' colours follow.
        density: lane -> the mean number of events a day in each bar.
        counts: lane -> how many events it holds in the window.
        title: the data set's title.

    """

    bins: Bins
    lanes: tuple[str, ...]
    every_lane: tuple[str, ...]
    density: Mapping[str, npt.NDArray[np.float64]]
    counts: Mapping[str, int]
    title: str = ""

    @property
    def events(self) -> int:
        """How many events the window holds."""
        return sum(self.counts.values())


def density_bands(
    dataset: Dataset,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    group_by: GroupBy = "kind",
    lane_order: Sequence[str] | None = None,
) -> DensityBands:
    """Per lane, the expected number of events a day in a window, counted by the engine: the bands' numbers.

    The events are those :func:`chronology.plot.plot_timeline` draws for the same window (possibly
    overlapping it, each by its own widening); each spreads one unit evenly over its days held inside the
    window. The engine sums the spread's changes per lane and day in one ``GROUP BY`` and gives back only
    those sums; the running sum and the bars are worked out here, as in memory (:class:`Bins`). A few small
    queries more find the window's days (when a side is not given) and the lanes in their order.

    Args:
        dataset: the events, on DuckDB or Spark (:func:`chronology.scan`).
        start: the first day shown; the earliest event's when None.
        end: the last day shown; the latest event's when None.
        group_by: lanes by ``"kind"``, first ``"actor"``, first ``"tag"`` or first ``"source"`` (the first id
            of the ``sources`` column), or None for one lane ``""``; events without one are in "no kind"
            ("no actor", ...). No list is unnested: an event is in one lane, as in memory.
        lane_order: lane names, top first; the others follow, by their earliest event.

    Returns:
        The bars, the lanes and each lane's density.

    Raises:
        InvalidDateError: the window ends before it starts.

    """
    import ibis

    zone = dataset.zone
    view = dataset
    if start is not None or end is not None:
        view = dataset.overlapping(start if start is not None else _EARLIEST, end if end is not None else _LATEST)
    first_day, last_day = _window_days(view, start, end, zone)
    bins = Bins.of(first_day, last_day)
    table = view.table
    lane = _lane(table, group_by)
    a, b = first_day - EPOCH_DAY, last_day - EPOCH_DAY  # the window in the columnar form's days
    lo = ibis.least(ibis.greatest(table.start_first.fill_null(LOWEST), a), b) - a
    hi = ibis.least(ibis.greatest(table.end_last.fill_null(HIGHEST), a), b) - a
    spreads = table.select(lane=lane, lo=lo, hi=hi)
    spreads = spreads.mutate(share=1.0 / (spreads.hi - spreads.lo + 1).cast("float64"))
    rises = spreads.select(spreads.lane, day=spreads.lo, change=spreads.share)
    falls = spreads.select(spreads.lane, day=spreads.hi + 1, change=-spreads.share)
    changes = rises.union(falls, distinct=False)
    summed = changes.group_by(["lane", "day"]).aggregate(change=changes.change.sum())
    with quiet():
        answer = summed.to_pyarrow()
    found = _lanes(view.table, group_by)
    lanes = lane_ranking([lane.name for lane in found], lane_order)
    # colours follow the lanes of the whole data set, so that a lane keeps its colour in every window drawn of it
    whole = found if view is dataset else _lanes(dataset.table, group_by)
    every = lane_ranking([lane.name for lane in whole], lane_order)
    names, which = np.unique(np.asarray(answer.column("lane").to_pylist(), dtype=str), return_inverse=True)
    days = np.asarray(answer.column("day"), dtype=np.int64)
    deltas = np.asarray(answer.column("change"), dtype=np.float64)
    order = np.argsort(which, kind="stable")  # each lane's rows together
    ends = np.searchsorted(which[order], np.arange(len(names) + 1))
    density = {}
    for k, name in enumerate(names.tolist()):
        rows = order[ends[k] : ends[k + 1]]
        change = np.zeros(bins.size)
        np.add.at(change, days[rows], deltas[rows])
        density[name] = bins.binned(change)
    return DensityBands(
        bins=bins,
        lanes=lanes,
        every_lane=every,
        density={name: density[name] for name in lanes},
        counts={lane.name: lane.events for lane in found},
        title=dataset.title,
    )


def lanes_of(dataset: Dataset, group_by: GroupBy = "kind") -> tuple[Lane, ...]:
    """The data set's lanes (see :func:`density_bands`), top first: by their earliest event, as in memory."""
    return _lanes(dataset.table, group_by)


def _window_days(view: Dataset, start: DateLike | None, end: DateLike | None, zone: Any) -> tuple[int, int]:
    """The window's first and last day: as given, else the earliest and latest day of the events in it.

    As in memory: days that exist (no missing bound) count; a window of nothing dated is one day.
    """
    first = day_ends(as_value(start, "the window's start"), zone=zone)[0] if start is not None else None
    last = day_ends(as_value(end, "the window's end"), zone=zone)[3] if end is not None else None
    if first is None or last is None:
        table = view.table
        ends = table.aggregate(
            s_lo=table.start_first.min(),
            e_lo=table.end_first.min(),
            s_hi=table.start_last.max(),
            e_hi=table.end_last.max(),
        )
        with quiet():
            (row,) = ends.to_pyarrow().to_pylist()
        if first is None:
            lows = [row[key] + EPOCH_DAY for key in ("s_lo", "e_lo") if row[key] is not None]
            first = min(lows, default=None)
        if last is None:
            highs = [row[key] + EPOCH_DAY for key in ("s_hi", "e_hi") if row[key] is not None]
            last = max(highs, default=None)
    if first is None or first == POS_DAY:
        first = last if last is not None and last != NEG_DAY else _NOWHERE
    if last is None or last == NEG_DAY:
        last = first
    return first, max(last, first)


def _lane(table: ir.Table, group_by: GroupBy) -> Any:
    """Each row's lane: its kind, or the first of its actors, tags or sources; "no kind" ... where it has none."""
    import ibis

    if group_by is None:
        return ibis.literal("")
    missing = f"no {group_by}"
    if group_by == "kind":
        return ibis.ifelse(table.kind.isnull() | (table.kind == ""), missing, table.kind)
    values = table[_LISTS[group_by]]
    return ibis.ifelse(values.length() > 0, values[0], missing)  # a null list has no length: the missing lane


def _lanes(table: ir.Table, group_by: GroupBy) -> tuple[Lane, ...]:
    """The lanes and their events' counts, by their earliest event: the order of a timeline's lanes in memory.

    Events sort as :meth:`chronology.Timeline.sorted` sorts them: by earliest moment, then latest, then the
    links' rank, then id; a date with one side open sorts at its known bound.
    """
    import ibis

    lasting = table.lasting.fill_null(False)
    known_lo = table.start_lo.fill_null(table.start_hi)  # an instant open on one side sorts at its known bound
    known_hi = table.start_hi.fill_null(table.start_lo)
    low = ibis.ifelse(lasting, table.start_lo.fill_null(NEG_INF), known_lo)
    high = ibis.ifelse(lasting, table.end_hi.fill_null(POS_INF), known_hi)
    rows = table.select(lane=_lane(table, group_by), low=low, high=high, rank=table["rank"].fill_null(-1), id=table.id)
    earliest = ibis.window(group_by=rows.lane, order_by=[rows.low, rows.high, rows["rank"], rows.id])
    rows = rows.mutate(
        place=ibis.row_number().over(earliest), events=rows.id.count().over(ibis.window(group_by=rows.lane))
    )
    firsts = rows.filter(rows.place == 0).select("lane", "low", "high", "rank", "id", "events")
    with quiet():
        found = firsts.to_pyarrow().to_pylist()
    found.sort(key=lambda row: (row["low"], row["high"], row["rank"], row["id"]))
    return tuple(Lane(row["lane"], int(row["events"]), row["id"]) for row in found)
