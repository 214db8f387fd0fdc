"""The value axis of the claims chart: linear or logarithmic as the figures call for, in plain numbers."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Literal

from matplotlib import ticker
from matplotlib.axes import Axes

from chronology.errors import ChronologyDeprecationWarning, PlotError
from chronology.events import Claim, Event
from chronology.quantity import Comparison

#: The value axis asked for: chosen from the figures, or fixed.
Scale = Literal["auto", "linear", "log"]


def _asked_scale(scale: object, log: bool | None) -> Scale:
    """The scale asked for, from ``scale`` and the deprecated ``log``."""
    known: dict[object, Scale] = {"auto": "auto", "linear": "linear", "log": "log"}
    if not isinstance(scale, str) or scale not in known:
        raise PlotError(f"scale {scale!r} is not a scale of the claims chart; use 'auto', 'linear' or 'log'")
    if log is None:
        return known[scale]
    replacement: Scale = "log" if log else "linear"
    if scale != "auto":
        raise PlotError(f"log={log!r} and scale={scale!r} both choose the scale; give scale={replacement!r} alone")
    warnings.warn(
        f"plot_claims(log={log!r}) is deprecated: write scale={replacement!r} (or leave the scale to be chosen "
        "from the figures, scale='auto')",
        ChronologyDeprecationWarning,
        stacklevel=3,
    )
    return replacement


def _figures(chosen: Sequence[tuple[Event, Claim]]) -> list[float]:
    """Every figure claimed, both ends of a range."""
    return [float(v) for _, c in chosen for v in (c.value.low, c.value.high) if v is not None]


def _scale_for(chosen: Sequence[tuple[Event, Claim]], asked: Scale) -> Literal["linear", "log"]:
    """The scale drawn: the one asked for, or for ``"auto"`` the one the figures call for."""
    if asked == "log":
        for event, claim in chosen:
            bad = [v for v in (claim.value.low, claim.value.high) if v is not None and v <= 0]
            if bad:
                figure = claim.value.text or claim.value.label
                who = f" by {claim.claimant}" if claim.claimant else ""
                raise PlotError(
                    f"cannot draw the figure {figure!r} (claimed{who}, event {event.id!r}) on a log scale, which "
                    "shows figures above 0 only; draw it on a linear scale (scale='linear', --scale linear on "
                    "the command line), or let the scale be chosen from the figures (scale='auto')"
                )
        return "log"
    if asked == "linear":
        return "linear"
    values = _figures(chosen)
    if not values or min(values) <= 0 or max(values) < 10 * min(values):
        return "linear"
    return "log"


def _limits(values: Sequence[float], scale: Literal["linear", "log"]) -> tuple[float, float]:
    """The bottom and top of the value axis: room above and below the figures (0 in view on a linear axis)."""
    low, high = (min(values), max(values)) if values else (1.0, 1.0)
    if scale == "log":
        return low / 3, high * 3
    bottom = min(0.0, low * 1.2)
    top = max(0.0, high * 1.2)
    return (bottom, top) if top > bottom else (bottom, bottom + 1)


def _anchor_value(claim: Claim, scale: Literal["linear", "log"]) -> float:
    """Where a claim's mark sits: its figure; between the two of a range (the geometric mean on a log axis)."""
    value = claim.value
    number = value.high if value.low is None else value.low
    if value.comparison is Comparison.BETWEEN and value.low is not None and value.high is not None:
        both = value.low * value.high
        number = both**0.5 if scale == "log" else (value.low + value.high) / 2
    return float(number if number is not None else 0)


def _plain_number(value: float) -> str:
    """A tick label as a person writes the number: ``10``, ``1,000``, ``0.5``, ``2.5``; never ``10³``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def _value_axis(ax: Axes, scale: Literal["linear", "log"], bottom: float, top: float, *, integral: bool) -> None:
    """Ticks with plain labels ("1,000", never "10³"), on round steps.

    On a log axis, every power of ten; when fewer than three are in view, 2 and 5 times each power too
    (labelled), otherwise unlabelled minor ticks between them.
    """
    plain = ticker.FuncFormatter(lambda v, _: _plain_number(v))
    if scale == "log":
        powers = math.floor(math.log10(top)) - math.ceil(math.log10(bottom)) + 1
        ax.yaxis.set_major_locator(ticker.LogLocator(base=10))
        ax.yaxis.set_major_formatter(plain)
        if powers < 3:
            ax.yaxis.set_minor_locator(ticker.LogLocator(base=10, subs=(2.0, 5.0)))
            ax.yaxis.set_minor_formatter(plain)
        else:
            ax.yaxis.set_minor_locator(ticker.LogLocator(base=10, subs=tuple(range(2, 10))))
            ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    else:
        ax.yaxis.set_major_locator(ticker.MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=integral))
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(ticker.NullFormatter())
