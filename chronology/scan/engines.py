"""Opening Parquet in the columnar form on an engine: DuckDB in-process, or Spark."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from chronology._extras import require
from chronology.errors import DatasetError, WrongTypeError
from chronology.exchange.arrow import FORMAT, METADATA_KEY, schema
from chronology.exchange.parquet import parquet_files
from chronology.scan.dataset import Dataset, quiet
from chronology.zones import zone_named

__all__ = ["ENGINES", "connect", "spark_session"]

#: The engines :func:`chronology.scan` runs on, and the extra that installs each.
ENGINES: Final = {"duckdb": "parquet", "spark": "spark"}


def connect(path: str | Path, engine: str, *, spark_master: str = "local[*]", connection: Any = None) -> Dataset:
    """See :func:`chronology.scan`."""
    if engine not in ENGINES:
        raise WrongTypeError(f"engine {engine!r} is not one of {', '.join(map(repr, ENGINES))}")
    files = parquet_files(path)
    metadata = _checked_schema(files[0])
    ibis = require("ibis", ENGINES[engine], f"queries on {engine}")
    if connection is None:
        if engine == "duckdb":
            require("duckdb", "parquet", "queries on DuckDB")
            connection = ibis.duckdb.connect()
        else:
            connection = ibis.pyspark.connect(spark_session(spark_master))
    names = [str(file) for file in files]
    with quiet():
        table = connection.read_parquet(names if engine == "duckdb" else names[0] if len(names) == 1 else str(path))
    zone = metadata.get("zone")
    return Dataset(table, engine, zone_named(zone) if zone else None, str(metadata.get("title") or ""))


def spark_session(master: str = "local[*]", config: Mapping[str, str] | None = None) -> Any:
    """The Spark session queries run in (the active one, else one started on ``master`` with ``config``).

    Raises:
        MissingExtraError: PySpark is not installed (``pip install "chronology[spark]"``).

    """
    sql = require("pyspark.sql", "spark", "queries on Spark")
    builder = sql.SparkSession.builder.master(master).appName("chronology")
    for key, setting in {**_SPARK_SETTINGS, **(config or {})}.items():
        builder = builder.config(key, setting)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")  # answers, not Spark's progress and notices, on the terminal
    return session


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
    try:
        found = parquet.read_schema(file)
    except OSError as error:
        raise DatasetError(f"{file}: not a Parquet file this library can read ({error})") from None
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
