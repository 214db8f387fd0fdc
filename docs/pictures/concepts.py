"""Draw the pictures of docs/concepts.md with the library's own plotting.

Run: ``python docs/pictures/concepts.py [OUT_DIR]`` (writes precision.png,
qualifiers.png, intervals.png, anchors.png and ordering.png; by default next
to this script). Each picture is a timeline of made-up events, one lane a
case, drawn by :func:`chronology.plot.plot_timeline`: what the pictures show
is what the library computes and draws.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import chronology as c
from chronology.plot import plot_timeline, save_figure

WIDTH = 11.0  # inches, every picture: the width the legend needs


def notation(event: c.Event) -> str:
    """An event's label: its EDTF notation, then the library's own English label when it differs."""
    edtf, label = event.when.to_edtf(), event.when.label
    return edtf if edtf == label else f"{edtf}   {label}"


def lanes(rows: list[tuple[str, c.DateValue]]) -> c.Timeline:
    """A timeline of one event a lane: (lane name, date) pairs, top to bottom."""
    events = [c.Event(id=f"case-{n}", title=lane, when=when, kind=lane) for n, (lane, when) in enumerate(rows)]
    return c.Timeline(events)


def draw(
    timeline: c.Timeline,
    path: Path,
    title: str,
    *,
    start: str,
    end: str,
    label: Callable[[c.Event], str] = notation,
) -> None:
    """Draw ``timeline`` to ``path``, lanes in the order given, without the sources footnote."""
    order = list(dict.fromkeys(event.kind for event in timeline))
    drawn = plot_timeline(
        timeline, start=start, end=end, lane_order=order, title=title, width=WIDTH, label=label, footnote=False
    )
    save_figure(drawn.figure, path)


def precision(path: Path) -> None:
    """The same June day given ever more loosely: the bounds are as wide as the words."""
    rows = [
        ("a day", c.parse("2024-06-18")),
        ("a week", c.parse("2024-W25")),
        ("a month", c.parse("June 2024")),
        ("a season", c.parse("2024-22")),
        ("a year", c.parse("2024")),
    ]
    draw(lanes(rows), path, "Precision: one instant, somewhere between its bounds", start="2024-01", end="2024-12")


def qualifiers(path: Path) -> None:
    """June 2024 as stated, approximate, uncertain, and both."""
    rows = [
        ("as stated", c.parse("2024-06")),
        ("approximate ~", c.parse("2024-06~")),
        ("uncertain ?", c.parse("2024-06?")),
        ("both %", c.parse("2024-06%")),
    ]
    draw(lanes(rows), path, "Qualifiers: same bounds, said differently", start="2024-04-15", end="2024-08-15")


def intervals(path: Path) -> None:
    """Things that last: known, uncertain, open and unknown ends; and one day somewhere, for contrast."""
    rows = [
        ("one day somewhere", c.parse("[2024-05-06..2024-05-26]")),
        ("lasting, known ends", c.parse("2024-05-06/2024-05-26")),
        ("lasting, uncertain ends", c.parse("2024-03/2024-06")),
        ("open end ..", c.parse("2024-04/..")),
        ("unknown end", c.parse("2024-04/")),
        ("open start ..", c.parse("../2024-05")),
    ]
    draw(lanes(rows), path, "Intervals: each end has its own uncertainty", start="2024-01", end="2024-09")


def anchors(path: Path) -> None:
    """Relative phrases read from an exact report date and from an undated one."""
    dated = c.parse("2024-10-31")
    undated = c.parse("[2024-10-28..2024-10-31]")
    events = [
        c.Event(id="dated", title="a report dated 31 October", when=dated, kind="exact anchor"),
        c.Event(
            id="dated-3w",
            title='"three weeks ago"',
            when=c.parse("three weeks ago", anchor=dated),
            kind="exact anchor",
            anchor="dated",
        ),
        c.Event(
            id="undated",
            title="an undated report, from 28-31 October",
            when=undated,
            kind="uncertain anchor",
        ),
        c.Event(
            id="undated-3w",
            title='"three weeks ago"',
            when=c.parse("three weeks ago", anchor=undated),
            kind="uncertain anchor",
            anchor="undated",
        ),
    ]

    def label(event: c.Event) -> str:
        return f"{event.title} in that report: {event.when.label}" if event.anchor else event.title

    draw(
        c.Timeline(events),
        path,
        "Anchors: a relative date carries its anchor's uncertainty",
        start="2024-09-28",
        end="2024-11-05",
        label=label,
    )


def ordering_timeline() -> c.Timeline:
    """Three pairs of dates, A and B, each in a lane named by what ``chronology.before(A, B)`` answers."""
    pairs = [
        (c.parse("June 2024"), c.parse("the second week of October", anchor=c.parse("2024-10-18"))),
        (c.parse("2024-10"), c.parse("[2024-10-07..2024-10-13]")),
        (c.parse("2024-11-15"), c.parse("[2024-10-07..2024-10-13]")),
    ]
    events = []
    for n, (a, b) in enumerate(pairs):
        lane = f"A before B: {c.before(a, b).value}"
        events.append(c.Event(id=f"a{n}", title="A", when=a, kind=lane))
        events.append(c.Event(id=f"b{n}", title="B", when=b, kind=lane))
    return c.Timeline(events)


def ordering(path: Path) -> None:
    """Certainly, possibly and impossibly before: the library's own answers, drawn."""

    def label(event: c.Event) -> str:
        return f"{event.title}: {event.when.label}"

    title = "Order: certain, possible or impossible"
    draw(ordering_timeline(), path, title, start="2024-06", end="2024-11-20", label=label)


PICTURES: dict[str, Callable[[Path], None]] = {
    "precision.png": precision,
    "qualifiers.png": qualifiers,
    "intervals.png": intervals,
    "anchors.png": anchors,
    "ordering.png": ordering,
}


def draw_all(folder: Path) -> list[Path]:
    """Draw every picture into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, picture in PICTURES.items():
        picture(folder / name)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for written in draw_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent):
        print(f"wrote {written}")
