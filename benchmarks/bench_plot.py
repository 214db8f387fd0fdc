"""Render time of chronology's timeline against a bare matplotlib drawing of the same events.

Run: ``python benchmarks/bench_plot.py``.

For 50, 500 and 5,000 synthetic events (exact days, uncertain spans, things
that last, in four kinds), both draw a PNG of the same size and resolution:
chronology's ``plot_timeline`` (lanes, uncertainty styles, labels placed
without collisions, or density bands above 300 events) and a bare drawing
with ``Axes.broken_barh`` for the bars and one ``Axes.text`` per event for
the labels, in the same run. Goal: the 5,000-event picture within 3x the bare
drawing.
"""

from __future__ import annotations

import io
import random

from _timing import best  # benchmarks/ is on the path when a script runs
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from chronology import Event, Interval, Precision, Timeline, UncertainDate
from chronology.index import day_ends
from chronology.plot import plot_timeline
from chronology.plot._axis import day_to_x

GOAL = 3.0


def make_timeline(count: int, seed: int = 9) -> Timeline:
    rng = random.Random(seed)
    first = UncertainDate.parse("2020-01-01").earliest_day
    events = []
    for number in range(count):
        day = first + rng.randrange(4 * 365)
        shape = rng.random()
        when: UncertainDate | Interval
        if shape < 0.5:
            when = UncertainDate.from_days(day, day)
        elif shape < 0.8:
            when = UncertainDate.from_days(day, day + rng.choice([6, 30]), Precision.DAY)
        else:
            when = Interval(UncertainDate.from_days(day, day), UncertainDate.from_days(day + 20, day + 60))
        kind = rng.choice(["strike", "statement", "deployment", "diplomacy"])
        events.append(Event(id=f"e{number}", title=f"Event number {number} of the synthetic set", when=when, kind=kind))
    return Timeline(events, title="synthetic")


def render(figure: Figure) -> int:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.tell()


def ours(timeline: Timeline) -> Figure:
    return plot_timeline(timeline, footnote=False).figure


def bare(timeline: Timeline, size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    kinds = sorted({e.kind for e in timeline})
    for row, event in enumerate(timeline):
        lo, _, _, hi = day_ends(event.when)
        y = kinds.index(event.kind) * 10 + row % 10
        ax.broken_barh([(day_to_x(lo), hi - lo + 1)], (y - 0.3, 0.6))
        ax.text(day_to_x(hi + 1), y, event.title, fontsize=7, va="center")
    ax.set_xlim(
        day_to_x(min(day_ends(e.when)[0] for e in timeline)), day_to_x(max(day_ends(e.when)[3] for e in timeline))
    )
    ax.set_ylim(-1, len(kinds) * 10)
    return figure


def main() -> None:
    for count in (50, 500, 5000):
        timeline = make_timeline(count)
        figure = ours(timeline)
        size = (figure.get_figwidth(), figure.get_figheight())
        our_time = best(lambda t=timeline: render(ours(t)))
        bare_time = best(lambda t=timeline, s=size: render(bare(t, s)))
        ratio = our_time / bare_time
        verdict = f"goal <= {GOAL:.0f}x: {'meets' if ratio <= GOAL else 'MISSES'}" if count == 5000 else ""
        mode = "density bands" if count > 300 else "marks and labels"
        print(
            f"{count:>5,} events ({mode}): chronology {our_time:6.3f} s, bare broken_barh + text {bare_time:6.3f} s, "
            f"ratio {ratio:5.2f}x  {verdict}"
        )


if __name__ == "__main__":
    main()
