"""``chronology plot`` of a Parquet file on an engine: density bands counted there, or the window's rows."""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING, NoReturn

from chronology.cli._chart import chart_options
from chronology.cli._errors import UsageError
from chronology.cli._options import EARLIEST, LATEST, widening_option
from chronology.cli._output import numbered
from chronology.dates import DateValue, UncertainDate
from chronology.errors import ChronologyError
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from chronology.scan.dataset import Dataset


def engine_for_plot(arguments: argparse.Namespace) -> str | None:
    """The engine ``plot`` counts on: as ``query``'s (DuckDB for Parquet), None to load the files."""
    from chronology.scan._command import engine_for

    engine = engine_for(arguments.files, arguments.engine)
    if engine is not None and arguments.zone is not None:
        raise UsageError("--zone: on an engine a Parquet file's days are in its own zone; add --engine memory")
    return engine


def plot_on_engine(arguments: argparse.Namespace, engine: str) -> tuple[Figure, str] | Timeline:
    """A Parquet file's window on an engine: density bands counted there, or the window's few rows.

    A window of more events than marks can show is drawn as bands (the figure, and what it shows); for
    fewer, its rows come back as a timeline, to be drawn as any timeline is. The filters (--tag, --kind,
    --actor), the lane names (--lanes) and the window run on the engine first.
    """
    from chronology.plot import plot_dataset
    from chronology.plot.timeline import DENSE
    from chronology.scan import scan
    from chronology.scan._command import timeline_of_rows
    from chronology.scan.dataset import quiet
    from chronology.scan.density import lanes_of

    widening_option(arguments)  # refused when wrong, though bands and the window do not widen by it
    path = arguments.files[0]
    dataset = _engine_filtered(scan(path, engine=engine, spark_master=arguments.spark_master), arguments, path)  # type: ignore[arg-type]
    lanes = functools.cache(functools.partial(lanes_of, dataset))  # counted on the engine once, when needed
    chart = chart_options(
        arguments, lambda group_by: [lane.name for lane in lanes(group_by)], arguments.calendar or "gregorian"
    )
    start, end = chart["start"], chart["end"]
    view = dataset
    if start is not None or end is not None:
        view = dataset.overlapping(start if start is not None else EARLIEST, end if end is not None else LATEST)
    found = view.count()
    if not found and view is not dataset:
        _no_events_on_engine(dataset, start, end, path)
    if found <= DENSE:
        firsts = None
        if view is not dataset:  # each lane's earliest event too, outside the window: colours follow every lane
            table = dataset.table
            earliest = [lane.earliest for lane in lanes(chart["group_by"])]
            with quiet():
                firsts = table.filter(table.id.isin(earliest)).to_pyarrow()
        return timeline_of_rows(view, firsts)
    drawn = plot_dataset(dataset, **chart)
    events = drawn.numbers.events
    return drawn.figure, f"{numbered(events, 'event')} in {numbered(len(drawn.lanes), 'lane')}, as density bands"


def _engine_filtered(dataset: Dataset, arguments: argparse.Namespace, path: str) -> Dataset:
    """The data set with --kind, --tag and --actor applied on the engine (each a name some event has)."""
    from chronology.scan._command import with_filters

    return with_filters(dataset, {"kind": arguments.kind, "tag": arguments.tag, "actor": arguments.actor}, path)


def _no_events_on_engine(dataset: Dataset, start: DateValue | None, end: DateValue | None, path: str) -> NoReturn:
    """Refuse a window that no event of the data set reaches into, saying when its events are."""
    from chronology.exchange.arrow import EPOCH_DAY
    from chronology.scan.dataset import quiet

    if start is not None and end is not None:
        window = f"between {start.label} and {end.label}"
    else:
        window = f"from {start.label} on" if start is not None else f"up to {end.label}"  # type: ignore[union-attr]
    table = dataset.table
    with quiet():
        (row,) = table.aggregate(first=table.start_first.min(), last=table.end_last.max()).to_pyarrow().to_pylist()
    if not dataset.count():
        raise ChronologyError(f"no events {window}: there are no events to draw")

    def label(day: int | None, missing: str) -> str:
        return missing if day is None else UncertainDate.from_days(day + EPOCH_DAY, day + EPOCH_DAY).label

    first, last = label(row["first"], "an open start"), label(row["last"], "an open end")
    span = f"are all on {first}" if first == last else f"span {first} to {last}"
    raise ChronologyError(f"no events {window}; {path}'s events {span}: give a window that reaches into those days")
