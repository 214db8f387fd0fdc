"""``chronology plot``: the chronology, or the claims about a subject, drawn as a PNG (or SVG, PDF)."""

from __future__ import annotations

import argparse
import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from chronology.cli._chart import chart_options, check_claims_found, check_window
from chronology.cli._errors import OK, UsageError
from chronology.cli._options import (
    FILES_HELP,
    add_allow_outside,
    add_calendar,
    add_engine,
    add_filters,
    add_widening,
    add_zone,
    between,
    calendared,
    check_filter_names,
    option_filtered,
    widening_option,
    zoned,
)
from chronology.cli._output import numbered
from chronology.cli._plot_engine import engine_for_plot, plot_on_engine
from chronology.errors import ChronologyError
from chronology.files import load
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from chronology.cli._parser import Parser
    from chronology.plot.timeline import GroupBy


def add_plot_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``plot`` to the command line's commands."""
    plot = commands.add_parser(
        "plot",
        help="draw the chronology as a PNG (or SVG, PDF)",
        description="Draw the chronology: lanes of events, uncertainty visible, labels that never collide. "
        "The format follows the extension of -o.",
        epilog="example: chronology plot events.toml -o timeline.png --from 2023-08 --group-by kind",
    )
    plot.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    plot.add_argument("-o", "--output", required=True, metavar="OUT", help="timeline.png, .svg or .pdf")
    plot.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day shown ('2024-10', 'June 2024'; '-0043-03' is March 44 BCE)",
    )
    plot.add_argument("--to", dest="end", metavar="DATE", help="last day shown; a window is whole days")
    add_filters(plot)
    plot.add_argument(
        "--group-by",
        choices=["kind", "actor", "tag", "source", "none"],
        default="kind",
        help="one lane per kind (default), actor, tag or source; none: a single lane",
    )
    plot.add_argument("--lanes", help="lane order, comma-separated (the rest follow)")
    # the widths a timeline keeps every text inside (chronology.plot._layout.MIN_WIDTH and MAX_WIDTH)
    plot.add_argument("--width", type=between(6, 30, "inches"), default=11.0, help="inches, 6-30 (default 11)")
    plot.add_argument(
        "--height",
        type=between(2, 30, "inches"),
        metavar="INCHES",
        help="the whole figure's height, 2-30 inches (default: as tall as the rows need); the rows are fitted "
        "to it, the labels set smaller down to 6 points, and a warning says how tall it must be where even "
        "that is too small",
    )
    plot.add_argument(
        "--grey",
        "--greyscale",
        dest="grey",
        action="store_true",
        help="draw the events in black and greys, for print (the lanes told apart by their names)",
    )
    plot.add_argument(
        "--dpi", type=between(20, 600, "dots per inch"), default=100.0, help="dots per inch, 20-600 (default 100)"
    )
    plot.add_argument("--title", help="the title (default: the file's)")
    plot.add_argument(
        "--label-chars",
        type=between(8, 1000, "characters", whole=True),
        metavar="N",
        help="shorten titles to N characters, 8-1000, cut at a word and marked … (the legend says so); "
        "by default titles are whole, wrapped onto up to three lines",
    )
    plot.add_argument(
        "--dates", action="store_true", help="write each event's date before its title, as a report's chronology does"
    )
    plot.add_argument(
        "--no-breaks",
        dest="breaks",
        action="store_false",
        help="one plain time axis; by default, when quiet stretches take most of the window, the axis is broken "
        "there and the busy stretches get the width",
    )
    plot.add_argument(
        "--no-sources",
        dest="footnote",
        action="store_false",
        help="leave out the sources line under the picture; by default it cites every source the events drawn "
        "cite, titles whole, on up to six lines (the sources beyond those are counted)",
    )
    plot.add_argument(
        "--font",
        metavar="FONT",
        help="a font file (.ttf, .otf, .ttc) or an installed family's name, drawn in before DejaVu Sans; letters "
        "neither has (Korean, Chinese, Japanese) are drawn in an installed font that has them, found on the "
        "machine, and where there is none as '\u25a1', with a warning",
    )
    plot.add_argument("--claims", metavar="SUBJECT", help="draw the claims about SUBJECT instead of the events")
    plot.add_argument("--unit", help="with --claims: only claims in this unit")
    plot.add_argument(
        "--scale",
        choices=["auto", "linear", "log"],
        help="with --claims: the value axis; auto (the default): linear when every figure is within a factor "
        "of 10 of the others, logarithmic when they differ more",
    )
    plot.add_argument(
        "--claims-table",
        metavar="TABLE",
        help="with --claims: also write the claims drawn as a table (figure, unit, subject, claimant, source, "
        "date said, event id), by when each was said, CSV or Markdown by the extension: claims.csv, claims.md",
    )
    add_widening(plot)
    add_calendar(plot)
    add_zone(plot)
    add_allow_outside(plot)
    add_engine(
        plot,
        "for Parquet: where the events are counted (default duckdb); a window of more events than marks can "
        "show is drawn as density bands counted by the engine, never loaded; fewer are loaded and drawn as "
        "marks; memory: load the whole file first",
    )


def _check_claims_options(arguments: argparse.Namespace) -> None:
    """The options of a claims chart: only with --claims, a subject that is not empty; a table named .csv or .md."""
    if arguments.claims is not None and not arguments.claims.strip():
        raise UsageError(
            f"--claims {arguments.claims!r}: empty; give the subject of the claims to draw, or a word of it "
            "('--claims injured')"
        )
    if arguments.claims is None:
        options = {"--unit": arguments.unit, "--scale": arguments.scale, "--claims-table": arguments.claims_table}
        given = [option for option, value in options.items() if value is not None]
        if given:
            raise UsageError(f"{given[0]} is an option of the claims chart: give it with --claims SUBJECT")
    if arguments.claims is not None:
        # options of the events chart mean nothing to a claims chart: said, not silently dropped
        events_only = {
            "--from": arguments.start is not None,
            "--to": arguments.end is not None,
            "--group-by": arguments.group_by != "kind",
            "--lanes": arguments.lanes is not None,
            "--label-chars": arguments.label_chars is not None,
            "--dates": arguments.dates,
            "--no-breaks": not arguments.breaks,
            "--no-sources": not arguments.footnote,
            "--grey": arguments.grey,
        }
        given = [option for option, set_ in events_only.items() if set_]
        if given:
            raise UsageError(
                f"{given[0]} is an option of the events chart; a claims chart (--claims) draws every claim about "
                f"its subject: leave {given[0]} out"
            )
    table = arguments.claims_table
    if table is not None and Path(table).suffix.lower() not in (".csv", ".md"):
        raise UsageError(
            f"--claims-table {table!r}: the extension says the format; use a .csv or .md file name "
            f"({str(Path(table).with_suffix('.csv'))!r} or {str(Path(table).with_suffix('.md'))!r})"
        )


@contextlib.contextmanager
def font_warnings(err: TextIO) -> Iterator[None]:
    """Say once on ``err`` that letters are drawn as boxes (no installed font has them); other warnings pass."""
    from chronology.plot import MissingFontWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingFontWarning)
        yield
    said: set[str] = set()
    for warning in caught:
        if issubclass(warning.category, MissingFontWarning):
            if str(warning.message) not in said:
                said.add(str(warning.message))
                print(f"chronology plot: warning: {warning.message}", file=err)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def run_plot(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``plot``: the events (or with --claims, the claims) drawn and saved to -o; return the exit code."""
    from chronology.plot import lane_of, plot_claims, plot_timeline

    if not arguments.output.lower().endswith((".png", ".svg", ".pdf")):
        nearest = str(Path(arguments.output).with_suffix(".png"))
        raise UsageError(f"cannot write {arguments.output!r}: use a .png, .svg or .pdf file name, such as {nearest!r}")
    _check_claims_options(arguments)
    if arguments.claims is not None and arguments.engine not in (None, "memory"):
        raise UsageError(f"--engine {arguments.engine}: a claims chart (--claims) is drawn from the file loaded")
    engine = None if arguments.claims is not None else engine_for_plot(arguments)
    if engine is not None and (arguments.height is not None or arguments.grey):
        option = "--height" if arguments.height is not None else "--grey"
        raise UsageError(
            f"{option} is not drawn on an engine (--engine {engine}): leave {option} out, or draw the file "
            "loaded (--engine memory)"
        )
    if engine is not None:
        on_engine = plot_on_engine(arguments, engine)
        if not isinstance(on_engine, Timeline):
            figure, count = on_engine
            return _save_plot(figure, count, arguments.output, out)
        timeline = on_engine  # few events: the window's rows, drawn as marks below
    else:
        timeline = zoned(load(arguments.files, allow_outside=arguments.allow_outside), arguments)
        timeline = calendared(timeline, arguments, (arguments.start, arguments.end))
        check_filter_names(timeline, arguments)
        timeline = option_filtered(timeline, arguments)
    if arguments.claims is not None:
        from chronology.plot import save_claims_table

        check_claims_found(timeline, arguments.claims, arguments.unit)
        drawn_claims = plot_claims(
            timeline,
            subject=arguments.claims,
            unit=arguments.unit,
            title=arguments.title,
            scale=arguments.scale or "auto",
            width=arguments.width,
            dpi=arguments.dpi,
            font=arguments.font,
            **({"height": arguments.height} if arguments.height is not None else {}),
        )
        figure = drawn_claims.figure
        count = numbered(len(drawn_claims.claims), "claim")
        if arguments.claims_table:
            try:
                table = save_claims_table(
                    timeline, arguments.claims_table, subject=arguments.claims, unit=arguments.unit
                )
            except OSError as error:
                raise ChronologyError(f"cannot write {arguments.claims_table!r}: {error.strerror or error}") from None
            print(f"wrote {table} ({count} as a table)", file=out)
    else:

        def lanes_in_memory(group_by: GroupBy) -> set[str]:
            return {lane_of(event, group_by) for event in timeline}

        # (or checked on the engine; a Parquet file's dates are Gregorian, and --calendar's)
        calendar = arguments.calendar or timeline.calendar
        chart = chart_options(arguments, lanes_in_memory if engine is None else None, calendar)
        if engine is None:  # on an engine, the window was checked there
            check_window(timeline, chart["start"], chart["end"], len(arguments.files))
        drawn = plot_timeline(
            timeline,
            **chart,
            ax=_axes(arguments.width, arguments.height, arguments.dpi) if arguments.height is not None else None,
            colors=_greys(timeline, chart["group_by"], chart["lane_order"]) if arguments.grey else None,
            widening=widening_option(arguments),
            label_chars=arguments.label_chars,
            dates=arguments.dates,
            breaks=arguments.breaks,
            footnote=arguments.footnote,
        )
        figure = drawn.figure
        lanes = len(drawn.lanes)
        count = f"{numbered(len(drawn.positions), 'event')} in {numbered(lanes, 'lane')}"
    return _save_plot(figure, count, arguments.output, out)


def _axes(width: float, height: float, dpi: float) -> Axes:
    """The axes of a figure ``width`` by ``height`` inches, laid out to hold the words around them (--height)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi, layout="constrained").subplots()


#: The lanes' colours with --grey: black and a dark grey in turn, so that neighbouring lanes differ in print.
_GREYS = ("#000000", "#555555")


def _greys(timeline: Timeline, group_by: GroupBy, lane_order: list[str] | None) -> dict[str, str]:
    """Each lane's colour with --grey (:data:`_GREYS`, in the order of the lanes)."""
    from chronology.plot import lane_colors

    lanes = lane_colors(timeline, group_by, lane_order)
    return {lane: _GREYS[i % len(_GREYS)] for i, lane in enumerate(lanes)}


def _save_plot(figure: Figure, count: str, output: str, out: TextIO) -> int:
    from chronology.plot import save_figure

    try:
        path = save_figure(figure, output)
    except OSError as error:
        raise ChronologyError(f"cannot write {output!r}: {error.strerror or error}") from None
    print(f"wrote {path} ({count})", file=out)
    return OK
