"""Opening Parquet in the columnar form on an engine: DuckDB in-process, or Spark."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from chronology._extras import require
from chronology.errors import ChronologyError, DatasetError, WrongTypeError
from chronology.exchange.arrow import FORMAT, METADATA_KEY, schema
from chronology.exchange.parquet import parquet_files
from chronology.scan.dataset import Dataset, quiet
from chronology.zones import zone_named

__all__ = ["ENGINES", "connect", "spark_session"]

#: The engines :func:`chronology.scan` runs on, and the extra that installs each.
ENGINES: Final = {"duckdb": "parquet", "spark": "spark"}


def connect(
    path: str | Path, engine: str, *, spark_master: str = "local[*]", connection: Any = None, check: bool = False
) -> Dataset:
    """See :func:`chronology.scan`."""
    if engine not in ENGINES:
        raise WrongTypeError(f"engine {engine!r} is not one of {', '.join(map(repr, ENGINES))}")
    files = parquet_files(path)
    found = [_checked_schema(file) for file in files]  # each file's footer only: nothing else is read
    metadata = found[0]
    ibis = require("ibis", ENGINES[engine], f"queries on {engine}")
    backend = "duckdb" if engine == "duckdb" else "pyspark"
    if connection is None:
        if engine == "duckdb":
            require("duckdb", "parquet", "queries on DuckDB")
            connection = ibis.duckdb.connect()
        else:
            require("pyspark", "spark", "queries on Spark")
            connection = ibis.pyspark.connect(spark_session(spark_master))
    elif getattr(connection, "name", None) != backend:
        kind = getattr(connection, "name", type(connection).__name__)
        raise WrongTypeError(
            f"connection is {kind!r}, not an Ibis {backend} backend: give ibis.{backend}.connect(...) for "
            f"engine={engine!r}, or the engine that names the connection's kind"
        )
    names = [str(file) for file in files]
    try:
        with quiet():
            if engine == "duckdb":  # files of one folder may add columns of their own: matched by name
                table = connection.read_parquet(names, union_by_name=True)
            else:
                table = connection.read_parquet(names[0] if len(names) == 1 else str(path))
    except Exception as error:  # the engines' own errors (a file they cannot read) reach the user as one line
        raise DatasetError(f"{path}: {engine} cannot read it: {_first_line(error)}") from None
    zone = metadata.get("zone")
    dataset = Dataset(table, engine, zone_named(zone) if zone else None, str(metadata.get("title") or ""))
    if check:
        check_rows(dataset, str(path))
    return dataset


#: Pairs of day columns whose first may not come after the second (as ``chronology validate`` checks them).
_ORDERED: Final = (
    *(
        (f"{prefix}{first}", f"{prefix}{last}")
        for first, last in (("start_first", "start_last"), ("end_first", "end_last"), ("start_first", "end_last"))
        for prefix in ("", "possible_")
    ),
    ("possible_start_first", "start_first"),
    ("possible_end_first", "end_first"),
    ("start_last", "possible_start_last"),
    ("end_last", "possible_end_last"),
)


def check_rows(dataset: Dataset, path: str) -> None:
    """Refuse a data set whose rows ``chronology validate`` would refuse for their ids or the order of their days.

    One aggregate on the engine: distinct ids against rows, and rows whose
    days are out of order (a first day after its last, possible days inside
    the certain ones). What it does not check (every date text against its
    days, the records) is left to ``chronology validate``.

    Raises:
        DatasetError: an id given twice, or days out of order; the message names an id and the columns.

    """
    import ibis

    table = dataset.table
    wrong = [table[first] > table[last] for first, last in _ORDERED]
    with quiet():
        found = table.aggregate(
            rows=table.count(),
            ids=table.id.nunique(),
            missing=table.id.isnull().sum(),
            wrong=ibis.or_(*wrong).ifelse(1, 0).sum(),
        ).to_pyarrow()
    rows, ids, missing, reversed_ = (found.column(name)[0].as_py() or 0 for name in ("rows", "ids", "missing", "wrong"))
    problems = []
    if missing:
        problems.append(f"{_rows(missing)} no id")
    if rows - missing > ids:
        named = table.filter(table.id.notnull())
        with quiet():
            twice = named.group_by("id").aggregate(n=named.count()).filter(lambda t: t.n > 1).limit(1).to_pyarrow()
        repeat = rows - missing - ids
        problems.append(f"id {twice.column('id')[0].as_py()!r} is given twice ({_rows(repeat, 'repeat')} an id)")
    for (first, last), bad in zip(_ORDERED, wrong, strict=True) if reversed_ else ():
        with quiet():
            example = table.filter(bad).select("id").limit(1).to_pyarrow()
        if len(example):  # the first pair out of order, named; the count is of every row out of order
            event = example.column("id")[0].as_py()
            problems.append(f"event {event!r}: {first} comes after {last} ({_rows(reversed_)} days out of order)")
            break
    if problems:
        raise DatasetError(f"{path}: " + "; ".join(problems) + "; run chronology validate on it for every problem")


def _rows(count: int, verb: str = "have") -> str:
    """``1 row has``, ``3 rows have`` (or another verb: ``1 row repeats``)."""
    if count == 1:
        return f"1 row {'has' if verb == 'have' else verb + 's'}"
    return f"{count:,} rows {verb}"


def spark_session(master: str = "local[*]", config: Mapping[str, str] | None = None) -> Any:
    """The Spark session queries run in (the active one, else one started on ``master`` with ``config``).

    Raises:
        MissingExtraError: PySpark is not installed (``pip install "chronology[spark]"``).

    """
    require("pyspark", "spark", "queries on Spark")
    sql = require("pyspark.sql", "spark", "queries on Spark")
    builder = sql.SparkSession.builder.master(master).appName("chronology")
    logging = f"-Dlog4j2.configurationFile={_SPARK_LOGGING.as_uri()}"
    for key, setting in {**_SPARK_SETTINGS, "spark.driver.extraJavaOptions": logging, **(config or {})}.items():
        builder = builder.config(key, setting)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # no Java, a master that does not answer: one line, not the JVM's stack
        raise ChronologyError(f"cannot start Spark on {master!r}: {_first_line(error)}") from None
    session.sparkContext.setLogLevel("ERROR")  # answers, not Spark's progress and notices, on the terminal
    return session


#: Spark's log settings for the sessions :func:`spark_session` starts: errors only.
_SPARK_LOGGING: Final = Path(__file__).with_name("spark-log4j2.properties")
#: How :func:`spark_session` starts Spark: UTC (the columnar form holds numbers, but Spark's own dates
#: would follow the machine's zone otherwise), and quiet.
_SPARK_SETTINGS: Final = {
    "spark.sql.session.timeZone": "UTC",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


def _checked_schema(file: Path) -> dict[str, Any]:
    """The file's chronology metadata, once its schema is checked to be the columnar form (nothing else is read).

    Raises:
        DatasetError: a missing column, or one of another type.

    """
    parquet = require("pyarrow.parquet", "parquet", "Parquet files")
    pa = require("pyarrow", "parquet", "Parquet files")
    try:
        found = parquet.read_schema(file)
    except (OSError, pa.ArrowException) as error:
        raise DatasetError(f"{file}: not a Parquet file this library can read ({_first_line(error)})") from None
    for field in schema():
        if field.name not in found.names:
            raise DatasetError(
                f"{file}: column {field.name!r} is missing ({field.type}); see the columnar form's schema"
            )
        if not found.field(field.name).type.equals(field.type):
            got = found.field(field.name).type
            raise DatasetError(f"{file}: column {field.name!r} is {got}, expected {field.type}")
    raw = (found.metadata or {}).get(METADATA_KEY)
    metadata = json.loads(raw) if raw else {}
    if metadata.get("format", FORMAT) != FORMAT:
        raise DatasetError(f"{file}: format {metadata.get('format')!r} is not one this library reads ({FORMAT})")
    return metadata if isinstance(metadata, dict) else {}


def _first_line(error: BaseException) -> str:
    """An error's message, its first line only (engines' messages carry stacks of their own)."""
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]
