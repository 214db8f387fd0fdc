"""Drawing a data set on an engine: the density bands of :func:`~chronology.plot.plot_timeline`, counted by the engine.

:func:`plot_dataset` draws what ``plot_timeline`` draws for a timeline of
many events (lanes of density bands, the same colours, axis, lane names and
title), from numbers the engine counts
(:func:`chronology.scan.density.density_bands`): per lane and day a few sums
leave the engine, never the events. The figure, the scale, the lanes' words
and the bands are made by ``plot_timeline``'s own helpers.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs
import matplotlib
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from chronology.notation import DateLike
from chronology.plot._fonts import drawing_fonts, strings_of
from chronology.plot._layout import check_options
from chronology.plot._scale import Scale
from chronology.plot.timeline import (
    _DENSE_ROWS,
    GroupBy,
    _Canvas,
    _draw_bands,
    _figure,
    _inches_wide,
    _plot_rc,
    _scale_and_shapes,
)
from chronology.scan.dataset import Dataset
from chronology.scan.density import DensityBands, density_bands
from chronology.timeline import Timeline

__all__ = ["DatasetPlot", "plot_dataset"]


@attrs.frozen(kw_only=True)
class DatasetPlot:
    """What :func:`plot_dataset` drew.

    Attributes:
        figure: the figure drawn on.
        ax: the axes drawn on.
        lanes: lane names, top to bottom.
        numbers: the engine's numbers the bands show: the bars, and each lane's events a day and events.
        density: the density bands, one a lane, top to bottom.
        title: the title, if any.
        scale: where each day is drawn: ``scale.x(day_number)`` is its x.

    """

    figure: Figure
    ax: Axes
    lanes: tuple[str, ...]
    numbers: DensityBands
    density: tuple[PolyCollection, ...]
    title: Text | None
    scale: Scale


def plot_dataset(
    dataset: Dataset,
    *,
    ax: Axes | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    group_by: GroupBy = "kind",
    lane_order: Sequence[str] | None = None,
    title: str | None = None,
    width: float = 11.0,
    dpi: float = 100.0,
    font: str | os.PathLike[str] | None = None,
) -> DatasetPlot:
    """Draw a data set's events as density bands per lane, counted by its engine (DuckDB or Spark).

    The picture is the one :func:`~chronology.plot.plot_timeline` draws for the same events when they
    are too many for marks: per lane, the expected number of events a day (each spreading one unit evenly
    over its days), in about 300 bars, each band as tall as its lane at its busiest. It is drawn whatever
    the number of events; for a window of a few, load them (:func:`chronology.load`, or the window's rows,
    ``dataset.overlapping(...).to_arrow()``) and draw them with ``plot_timeline``, marks and labels. No
    sources are cited under the picture (a data set's may be one a row).

    Args:
        dataset: the events, on an engine (:func:`chronology.scan`).
        ax: the axes to draw on; a new figure (``width`` inches wide, its height fitted to the lanes) when
            ``None``.
        start: the first day shown; the earliest event's when ``None``. Events that cannot overlap the
            window are left out.
        end: the last day shown.
        group_by: lanes by ``"kind"``, first ``"actor"``, first ``"tag"`` or first ``"source"`` (named by
            its id), or ``None`` for one lane.
        lane_order: lane names, top first; lanes not named follow, by their earliest event.
        title: the title; the data set's own when ``None``.
        width: the width in inches of a new figure, 6-30.
        dpi: the resolution of a new figure.
        font: a font file's path or an installed family's name, drawn in before DejaVu Sans; letters
            neither has are drawn in an installed font that has them, else as "□" (see ``plot_timeline``).

    Returns:
        What was drawn: see :class:`DatasetPlot`.

    Raises:
        PlotError: a ``width`` outside 6-30 inches for a new figure, or a ``font`` that is neither a font
            file nor an installed family.
        InvalidDateError: the window ends before it starts.

    """
    check_options(width, None, own_figure=ax is None)
    numbers = density_bands(dataset, start=start, end=end, group_by=group_by, lane_order=lane_order)
    bins, lane_names = numbers.bins, numbers.lanes
    with (
        matplotlib.rc_context(_plot_rc(own_figure=ax is None)),
        drawing_fonts(strings_of(title, numbers.title, lane_names), font),
    ):
        figure, ax, own_figure = _figure(ax, width, dpi)
        scale, _ = _scale_and_shapes(
            (),
            {},
            (bins.first_day, bins.last_day + 1),
            chosen=(start is not None, end is not None),
            breaks=False,
            marks=False,
            inches=_inches_wide(ax),
            widening=None,
            zone=dataset.zone,
        )
        canvas = _Canvas.of(figure, ax, scale, own_figure=own_figure, width=width)
        no_sources = Timeline([])  # source lanes are named by their ids: the file's sources are not at hand
        names = canvas.name_lanes(no_sources, lane_names, group_by)
        # a lane's name written over it, inside the axes (no margin for it beside them), takes a row above its band
        rows = {name: max(_DENSE_ROWS, names.rows[name]) + names.heading for name in lane_names}
        stack = canvas.stack_lanes(names, rows, numbers.every_lane)  # colours follow the whole data set's lanes
        tops = {name: top + names.heading for name, top in stack.top.items()}
        density = _draw_bands(ax, bins, {name: numbers.density[name] for name in lane_names}, tops, stack.colors)
        words = canvas.finish(
            stack,
            times_in=dataset.zone.key if dataset.zone is not None else "UTC",
            heading=title if title is not None else numbers.title,
            handles=None,  # density bands draw none of the uncertainty styles: nothing to explain
            key=[],
            sources="",
        )
    return DatasetPlot(
        figure=figure,
        ax=ax,
        lanes=lane_names,
        numbers=numbers,
        density=density,
        title=words.title,
        scale=scale,
    )
