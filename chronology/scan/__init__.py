"""Questions answered where the data lives: Parquet in the columnar form, queried on DuckDB or Spark.

:func:`scan` opens a Parquet file (or a folder of them) as a lazy
:class:`Dataset`; its questions are Ibis expressions (one definition, in
:mod:`chronology.scan._semantics`) that DuckDB or Spark run, never pulling the
data into Python. ``docs/howto/outgrow-memory.md`` says when to use it rather
than :func:`chronology.load`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from chronology.scan.dataset import Dataset
from chronology.scan.engines import ENGINES, connect

__all__ = ["ENGINES", "Dataset", "scan"]


def scan(
    path: str | Path,
    *,
    engine: Literal["duckdb", "spark"] = "duckdb",
    spark_master: str = "local[*]",
    connection: Any = None,
    check: bool = False,
) -> Dataset:
    """A Parquet file (or a folder of them) in the columnar form, as a lazy data set on an engine.

    Args:
        path: a ``.parquet`` file, or a folder of them (read as one data set).
        engine: ``"duckdb"`` (in-process; scans larger than memory) or ``"spark"`` (PySpark).
        spark_master: where Spark runs (``local[*]``: on this machine, every core).
        connection: an Ibis backend already connected (``ibis.duckdb.connect(memory_limit="16GB")``,
            ``ibis.pyspark.connect(session)``), to choose its settings; ``engine`` must name its kind.
        check: first check the rows on the engine, in one pass over the ids and days: an id given twice, a
            first day after its last (what ``chronology validate`` refuses them for; it checks the date texts
            and records too). Without it only the columns (names, types) are checked, from the files' footers,
            and rows ``validate`` would refuse are answered as they are.

    Raises:
        MissingExtraError: the engine's extra is not installed (``parquet`` or ``spark``).
        DatasetError: the file does not exist, or does not hold the columnar form (the message names the
            column); with ``check``, an id given twice or days out of order (the message names an id).

    """
    return connect(path, engine, spark_master=spark_master, connection=connection, check=check)
