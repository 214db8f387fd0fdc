"""What several benchmarks do alike: empty chronology's caches of readings, and say how busy the machine is.

The scripts are run as ``python benchmarks/bench_x.py``, so this folder is on the path and they import
``_shared`` by name.
"""

from __future__ import annotations

import os

from chronology import constraints
from chronology.notation import edtf as edtf_module


def cold_caches() -> None:
    """Empty chronology's process-wide caches of readings, as a fresh process has them."""
    edtf_module.clear_day_cache()
    edtf_module._YEAR_BOUNDS.clear()
    constraints._day_of.cache_clear()


def load_average() -> str:
    """The load average over 1, 5 and 15 minutes (a shared machine's other work), or "unknown"."""
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # pragma: no cover - not on every system
        return "unknown"
