"""``chronology query`` on Parquet: the engine picks the rows, the command prints them as it prints any timeline.

The window and the --before/--after options run on the engine (DuckDB by
default, or Spark), so only the answer leaves it. The answer (with the rows of
the events the options name) then becomes a small timeline of columns, on
which the command's usual code runs: the same questions again (they keep every
row the engine kept), the filters, and the printing. Links are not followed on
an engine: the narrowed dates written in the file stand for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, Literal

from chronology.dates import DateValue, Widening
from chronology.errors import ChronologyError, DateParseError, UnknownEventError
from chronology.notation import parse
from chronology.scan import scan
from chronology.scan.dataset import Dataset, quiet
from chronology.timeline import Timeline

if TYPE_CHECKING:
    import pyarrow

__all__ = ["Asked", "counted", "engine_for", "holds_records", "prefiltered", "timeline_of_rows", "with_filters"]


class Asked:
    """What the command asks, read from its options: the window's ends and the events before and after."""

    def __init__(
        self,
        options: Mapping[str, str | None],
        *,
        certain: bool,
        within: bool,
        widening: Widening | None,
        engine: str,
        spark_master: str,
        filters: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.options = options  # "start", "end", "before", "after": the text given, or None
        self.filters = filters or {}  # "kind", "tag", "actor": the names given
        self.mode: Literal["certain", "possible"] = "certain" if certain else "possible"
        self.within = within
        self.widening = widening
        self.engine = engine
        self.spark_master = spark_master


def engine_for(files: list[str], engine: str | None) -> str | None:
    """The engine a command runs on (None: in memory), unless told: DuckDB for a data set in Parquet.

    A Parquet file written from a chronology (its rows hold whole events, the
    ``record`` column) is a chronology: it is loaded, so that links, sources
    and quotes take part in the answers, as from its event file. A data set
    (no records: ACLED, GDELT, columns from elsewhere) is scanned on DuckDB.

    Raises:
        ChronologyError: an engine asked for event files.

    """
    from chronology.files.load import is_parquet

    parquet = len(files) == 1 and is_parquet(files[0])
    if engine not in (None, "memory") and not parquet:
        raise ChronologyError(f"--engine {engine}: engines read Parquet (one .parquet file or folder), not event files")
    if not parquet or engine == "memory":
        return None
    if engine is None:
        return None if holds_records(files[0]) else "duckdb"
    return engine


def holds_records(path: str) -> bool:
    """Whether a Parquet file (or a folder's first file) holds whole events, read from its footer's statistics."""
    from chronology._extras import require
    from chronology.exchange.parquet import parquet_files

    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    try:
        footer = parquet.ParquetFile(parquet_files(path)[0]).metadata
    except Exception:  # unreadable: the command that reads it says why
        return False
    names = [footer.schema.column(k).name for k in range(footer.num_columns)]
    if "record" not in names or footer.num_rows == 0:
        return False
    column = names.index("record")
    for group in range(footer.num_row_groups):
        statistics = footer.row_group(group).column(column).statistics
        if statistics is None or not statistics.has_null_count:
            return True  # no statistics: take it for what the library writes
        if statistics.null_count < footer.row_group(group).num_rows:
            return True
    return False


def with_filters(dataset: Dataset, filters: Mapping[str, list[str]], path: str) -> Dataset:
    """The data set with --kind, --tag, --actor and --source applied on the engine, each name one some event has.

    ``--source`` keeps the rows whose ``sources`` (the ids of the sources an event cites) hold the id: the
    events a file or data set rebuilds from rows carry no citations to filter on afterwards.

    Raises:
        ChronologyError: a name that no event of the data set has (a typo, not silence).

    """
    import ibis

    table = dataset.table
    kept = []
    for option, column in (("kind", "kind"), ("tag", "tags"), ("actor", "actors"), ("source", "sources")):
        names = filters.get(option) or []
        if not names:
            continue
        has = [table.kind == name if column == "kind" else table[column].contains(name) for name in names]
        for name, holds in zip(names, has, strict=True):
            if not Dataset(table.filter(holds), dataset.engine).count():
                raise ChronologyError(f"--{option} {name!r}: no event of {path} has it")
        kept.append(ibis.or_(*has))
    if not kept:
        return dataset
    return Dataset(table.filter(ibis.and_(*kept)), dataset.engine, dataset.zone, dataset.title)


def prefiltered(path: str, asked: Asked, earliest: str, latest: str) -> Timeline:
    """The rows of the Parquet at ``path`` that the window and order options keep, with the events they name.

    ``earliest`` and ``latest`` stand for a window end left out.

    Raises:
        UnknownEventError: an option names no event of the file.

    """
    dataset, named = _narrowed(path, asked, earliest, latest)
    return timeline_of_rows(dataset, named)


def timeline_of_rows(dataset: Dataset, also: pyarrow.Table | None = None) -> Timeline:
    """The data set's rows, and those of ``also`` that are not among them, as a timeline (its title, its zone)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from chronology.exchange.parquet import TableColumns

    table = dataset.to_arrow()
    if also is not None and also.num_rows:
        table = pa.concat_tables([table, also.filter(pc.invert(pc.is_in(also["id"], table["id"])))])
    zone = dataset.zone
    return Timeline.of_columns(TableColumns(table), dataset.title, zone=None if zone is None else zone.key)


def counted(path: str, asked: Asked, earliest: str, latest: str) -> int:
    """How many events the window and order options keep, counted by the engine."""
    dataset, named = _narrowed(path, asked, earliest, latest)
    if named.num_rows and (asked.options["before"] is not None or asked.options["after"] is not None):
        table = dataset.table  # an event is neither before nor after itself
        dataset = Dataset(table.filter(~table.id.isin(named["id"].to_pylist())), dataset.engine, dataset.zone)
    return dataset.count()


def _narrowed(path: str, asked: Asked, earliest: str, latest: str) -> tuple[Dataset, pyarrow.Table]:
    """The data set with the window and order options applied on the engine, and the rows of the events named."""
    dataset = scan(path, engine=asked.engine, spark_master=asked.spark_master)  # type: ignore[arg-type]
    dataset = with_filters(dataset, asked.filters, path)
    names = {option: _event_name(text) for option, text in asked.options.items()}
    wanted = sorted({name for name in names.values() if name is not None})
    with quiet():
        named = dataset.table.filter(dataset.table.id.isin(wanted or [""])).to_pyarrow()
    dates: dict[str, DateValue] = {row["id"]: parse(row["narrowed"] or row["edtf"]) for row in named.to_pylist()}
    for option, name in names.items():
        if name is not None and name not in dates:
            flag, text = _FLAGS[option], asked.options[option]
            if option in ("start", "end") and text is not None and not text.startswith("@"):
                try:  # no event of that id: what is wrong with it as a date ("month 13 does not exist")
                    parse(text)
                except DateParseError as error:
                    raise UnknownEventError(f"{flag}: {error}; nor is it an event id of {path}") from None
            raise UnknownEventError(f"{flag}: {text!r} is neither a date nor an event id of {path}")

    def value(option: str, missing: str) -> DateValue | str:
        name, text = names[option], asked.options[option]
        return dates[name] if name is not None else text if text is not None else missing

    options = asked.options
    if options["start"] is not None or options["end"] is not None:
        ask = dataset.within if asked.within else dataset.overlapping
        dataset = ask(value("start", earliest), value("end", latest), mode=asked.mode, widening=asked.widening)
    for option in ("before", "after"):
        if options[option] is not None:
            order = dataset.before if option == "before" else dataset.after
            dataset = order(value(option, ""), mode=asked.mode, widening=asked.widening)
    return dataset, named


#: The command's option for each thing asked.
_FLAGS: Final = {"start": "--from", "end": "--to", "before": "--before", "after": "--after"}


def _event_name(text: str | None) -> str | None:
    """The event id an option's text names (``@id``, or text that is not a date); None for a date or no text."""
    if text is None:
        return None
    if text.startswith("@"):
        return text[1:]
    try:
        parse(text)
    except ChronologyError:
        return text
    return None
