"""Timing shared by the benchmarks: the best of several runs (the least disturbed by the machine)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """The shortest of ``repeat`` timings of ``run()``, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)
