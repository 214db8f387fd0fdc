import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# CI runs a fixed, reproducible set of examples; local runs explore afresh. No deadline: an example's time
# is a wall-clock limit, and the machines are shared and noisy (a loaded one took 370 ms for a 200 ms example).
settings.register_profile(
    "ci", derandomize=True, max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def _why_no_spark() -> str | None:
    """Why Spark cannot run here (no PySpark, no Java), or None when it can."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None:
        return 'PySpark is not installed (pip install ".[spark]")'
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "no Java: Spark needs Java 17 (apt-get install openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for the whole run (starting one takes seconds); skipped where Spark cannot run.

    ``CHRONOLOGY_REQUIRE_SPARK=1`` (as CI sets) turns the skip into a failure.
    """
    reason = _why_no_spark()
    if reason is not None:
        if os.environ.get("CHRONOLOGY_REQUIRE_SPARK") == "1":
            pytest.fail(f"CHRONOLOGY_REQUIRE_SPARK=1 but {reason}")
        pytest.skip(reason)
    from chronology.scan.engines import spark_session

    # small data: a few partitions, not Spark's 200 for each shuffle
    session = spark_session("local[2]", {"spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2"})
    yield session
    session.stop()
