"""Fitting the claims chart into its figure.

The axes placed in the room its texts leave, the legend beside it or under it, and the key of subjects.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

from chronology.errors import PlotError
from chronology.plot._glyphs import drawable
from chronology.plot._style import FONT_SIZE

_MARGIN: Final = 8.0  # points between the canvas edge and anything drawn
_BESIDE: Final = 3.5  # inches: the narrowest chart that has its legend beside it; a narrower one has it below
_MIN_AXES: Final = (1.5, 1.0)  # inches: the smallest chart (width, height) worth drawing beside its legend


def _fit(
    figure: Figure, ax: Axes, renderer: Any, legend: Legend, handles: Sequence[Line2D], key: Text | None, title: Text
) -> Legend:
    """Place the axes so that its tick labels, axis labels, title, legend and the key fit inside the figure.

    Measured, not guessed: the margins are the extents of what sits around the axes, so the chart uses the
    width there is, from 6 inches to 30 and beyond. The legend stands beside the chart; where that would
    leave the chart less than :data:`_BESIDE` inches wide, it goes under the chart instead, in as many
    columns as the width takes.

    Returns:
        The legend, beside the chart or under it.

    Raises:
        PlotError: the figure leaves less than :data:`_MIN_AXES` for the chart itself, or has no room for
            its legend (the message says how large it must be).

    """
    points = figure.dpi / 72
    margin = _MARGIN * points
    width, height = figure.bbox.width, figure.bbox.height
    key_height = key.get_window_extent(renderer).height + margin if key is not None else 0.0
    x0, y0, x1, y1 = _place_axes(figure, ax, renderer, legend, key_height, title, under=False)
    under = x1 - x0 < _BESIDE * figure.dpi
    if under:
        legend.remove()
        legend = _legend_under(figure, ax, renderer, handles, margin, margin + key_height)
        x0, y0, x1, y1 = _place_axes(figure, ax, renderer, legend, key_height, title, under=True)
    if x1 - x0 < _MIN_AXES[0] * figure.dpi or y1 - y0 < _MIN_AXES[1] * figure.dpi:
        need_w = (width + max(0.0, _MIN_AXES[0] * figure.dpi - (x1 - x0))) / figure.dpi
        need_h = (height + max(0.0, _MIN_AXES[1] * figure.dpi - (y1 - y0))) / figure.dpi
        raise PlotError(
            f"a claims chart of {width / figure.dpi:g} by {height / figure.dpi:g} inches has no room for the "
            f"chart beside its legend, axis labels and key; make it at least {math.ceil(need_w * 2) / 2:g} "
            f"inches wide and {math.ceil(need_h * 2) / 2:g} high"
        )
    shown = legend.get_window_extent(renderer)
    if shown.x1 > width - margin + 0.5:
        need = (shown.width + 2 * margin) / figure.dpi
        raise PlotError(
            f"a claims chart {width / figure.dpi:g} inches wide has no room for its legend of "
            f"{len(legend.get_texts())} entries; make it at least {math.ceil(need * 2) / 2:g} inches wide"
        )
    if not under and shown.y0 < margin + key_height:
        need = (height + margin + key_height - shown.y0) / figure.dpi
        raise PlotError(
            f"a claims chart {height / figure.dpi:g} inches high has no room for its legend of "
            f"{len(legend.get_texts())} entries; make it at least {math.ceil(need * 2) / 2:g} inches high"
        )
    return legend


def _place_axes(
    figure: Figure, ax: Axes, renderer: Any, legend: Legend, key_height: float, title: Text, *, under: bool
) -> tuple[float, float, float, float]:
    """Move the axes to the room the texts around it leave (the legend beside it, or ``under`` it).

    Returns:
        The room for the axes: x0, y0, x1, y1 in pixels. The axes are not moved where it is too small.

    """
    margin = _MARGIN * figure.dpi / 72
    width, height = figure.bbox.width, figure.bbox.height
    heading = title.get_text()
    unit = ax.yaxis.label
    unit_text = unit.get_text().replace("\n", " ")
    room = (0.0, 0.0, 0.0, 0.0)
    for _ in range(3):  # tick labels change with the room there is: measure again
        box = ax.bbox
        _wrap(unit, unit_text, box.height, renderer, along="height")  # the unit, as long as the axis is high
        below = ax.xaxis.get_tightbbox(renderer)
        beside = ax.yaxis.get_tightbbox(renderer)
        shown = legend.get_window_extent(renderer)
        left = box.x0 - min(beside.x0 if beside is not None else box.x0, below.x0 if below is not None else box.x0)
        right = max(0.0, (below.x1 if below is not None else box.x1) - box.x1)  # a tick label sticking out
        bottom = box.y0 - (below.y0 if below is not None else box.y0)
        if under:
            bottom += shown.height + margin
        else:
            right = max(right, shown.x1 - box.x1)
        x0 = margin + left
        _wrap(title, heading, width - margin - x0, renderer)
        top = title.get_window_extent(renderer).y1 - box.y1 if heading else 0.0
        room = (x0, margin + key_height + bottom, width - margin - right, height - margin - max(top, 0.0))
        if room[2] - room[0] < _MIN_AXES[0] * figure.dpi or room[3] - room[1] < _MIN_AXES[1] * figure.dpi:
            return room
        place = (room[0] / width, room[1] / height, (room[2] - room[0]) / width, (room[3] - room[1]) / height)
        if np.allclose(ax.get_position().bounds, place, atol=0.5 / max(width, height)):
            break  # within half a pixel of where it is: settled
        ax.set_position(place)
    _wrap(unit, unit_text, ax.bbox.height, renderer, along="height")
    return room


def _legend_under(
    figure: Figure, ax: Axes, renderer: Any, handles: Sequence[Line2D], left: float, bottom: float
) -> Legend:
    """The legend under the chart, ``left`` and ``bottom`` pixels from the figure's edges.

    In as many columns as the width of the figure takes; one when none do.
    """
    room = figure.bbox.width - 2 * left
    legend = None
    for columns in range(len(handles), 0, -1):
        if legend is not None:
            legend.remove()
        legend = ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(left / figure.bbox.width, bottom / figure.bbox.height),
            bbox_transform=figure.transFigure,
            ncols=columns,
            frameon=False,
            title="source",
            alignment="left",
        )
        if legend.get_window_extent(renderer).width <= room:
            break
    assert legend is not None
    return legend


def _wrap(text: Text, whole: str, room: float, renderer: Any, *, along: Literal["width", "height"] = "width") -> None:
    """Set ``text`` to ``whole``, wrapped onto as few lines as keep it within ``room`` pixels long.

    Its length is its ``width``, or its ``height`` for a text turned upright (the label of the value axis).
    """
    text.set_text(whole)
    chars = len(whole)
    wide = getattr(text.get_window_extent(renderer), along)
    while chars > 8 and wide > room:
        chars = min(int(chars * 0.95), int(chars * room / wide))  # as many characters as the room takes, or fewer
        text.set_text(textwrap.fill(whole, chars, break_long_words=False))
        wide = getattr(text.get_window_extent(renderer), along)


def _subject_key(figure: Figure, renderer: Any, letters: Mapping[str, str]) -> Text:
    """Under the chart, what each subject letter stands for, wrapped to the width of the figure."""
    whole = drawable("; ".join(f"[{letter}] {name}" for name, letter in letters.items()))
    margin = _MARGIN / 72
    key = figure.text(
        margin / figure.get_figwidth(),
        margin / figure.get_figheight(),
        whole,
        ha="left",
        va="bottom",
        fontsize=FONT_SIZE - 1,
        color="#555555",
    )
    _wrap(key, whole, figure.bbox.width - 2 * _MARGIN * figure.dpi / 72, renderer)
    return key
