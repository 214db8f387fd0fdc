"""A timeline as a pandas DataFrame: one row per event, typed columns.

pandas is an optional dependency (``pip install 'chronology[pandas]'``); it is
imported only when a frame is asked for. Rows come in the timeline's own order
(``timeline.events``), so ``frame.iloc[i]`` is ``timeline.events[i]``; sort
with ``frame.sort_values(["earliest", "latest"])``.

The columns (:data:`COLUMNS`):

* ``id``, ``title``, ``kind`` (``string``): as in the event; an event without
  a kind has ``""``.
* ``earliest``, ``latest`` (``datetime64[s]``): the first and last possible
  day (at midnight; ``latest`` inclusive), in the timeline's zone for a time
  with an offset, as queries place it. ``NaT`` where the start or end is
  open or unknown: ``2022-02/..`` has no ``latest``, ``[..2024-05-01]``
  ("by 1 May 2024") no ``earliest``, ``[2024-06-03..]`` ("no earlier than
  3 June 2024") no ``latest``.
* ``precision`` (ordered ``category``, ``"second"`` ... ``"millennium"``,
  finest first, so ``frame["precision"] >= "month"`` works): of an interval,
  the coarser of its dated ends'.
* ``edtf``, ``label`` (``string``): ``to_edtf()`` and ``label``.
* ``approximate``, ``uncertain`` (``bool``): the EDTF qualifiers ``~`` and
  ``?``; of an interval, whether either dated end has it.
* ``lasting`` (``bool``): whether the date is an interval (something lasting)
  rather than one instant.
* ``actors``, ``places``, ``tags``, ``sources`` (``object``: tuples of
  ``str``): as in the event; ``sources`` lists the sources cited, then those
  the claims come from, each once.

The bounds are days, like the index's: a time of day stays in ``edtf`` and
``label``. So a frame goes back to a timeline through its ``edtf`` column
(``Timeline([Event(id=r.id, title=r.title, when=parse(r.edtf)) for r in
frame.itertuples()])``), not through ``earliest``, ``latest`` and
``precision`` given to ``Timeline.from_columns``: those would put a timed
event at midnight. ``datetime64[s]`` holds any year the model does (years before 1 and
after 9999 included). The list columns hold tuples, not ``"; "``-joined text,
so names may contain any character: ``frame.explode("actors")`` gives one row
per actor, and ``frame["tags"].map(set)`` sets.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Final

import numpy as np

from chronology.dates import Interval, Precision
from chronology.exchange._describe import bound_days, cited, coarsest_precision, dated_ends
from chronology.exchange._records import require_timeline

if TYPE_CHECKING:
    import pandas

from chronology.timeline import Timeline

__all__ = ["COLUMNS", "to_pandas"]

#: The columns of :func:`to_pandas`, in order.
COLUMNS: Final = (
    "id",
    "title",
    "kind",
    "earliest",
    "latest",
    "precision",
    "edtf",
    "label",
    "approximate",
    "uncertain",
    "lasting",
    "actors",
    "places",
    "tags",
    "sources",
)

_EPOCH: Final = datetime.date(1970, 1, 1).toordinal()  # day number of numpy's day 0
_NAT: Final = np.datetime64("NaT", "D")


def to_pandas(timeline: Timeline) -> pandas.DataFrame:
    """The timeline as a DataFrame, one row per event (see the module for the columns).

    Args:
        timeline: the chronology (or a view of one).

    Returns:
        A DataFrame with the columns :data:`COLUMNS` and a default index.

    Raises:
        ImportError: pandas is not installed; the message says how to install it.

    """
    require_timeline(timeline)
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(
            "Timeline.to_pandas needs pandas, an optional dependency: pip install 'chronology[pandas]'",
            name="pandas",
        ) from error
    events = timeline.events
    zone = timeline.zone_info
    earliest, latest = [], []
    approximate, uncertain = [], []
    for event in events:
        # NaT for an open or unknown side: an interval's missing end, and the open side of
        # "[..2024-05-01]" ("by 1 May 2024") or "[2024-06-03..]", whose day numbers are only sentinels.
        # A time with an offset is on its day in the timeline's zone, as every query places it.
        first, last = bound_days(event.when, zone=zone)
        earliest.append(_NAT if first is None else np.datetime64(first - _EPOCH, "D"))
        latest.append(_NAT if last is None else np.datetime64(last - _EPOCH, "D"))
        start, end = dated_ends(event.when)
        dated = [value for value in (start, end) if value is not None]
        approximate.append(any(value.approximate for value in dated))
        uncertain.append(any(value.uncertain for value in dated))
    columns = {
        "id": pd.array([e.id for e in events], dtype="string"),
        "title": pd.array([e.title for e in events], dtype="string"),
        "kind": pd.array([e.kind for e in events], dtype="string"),
        "earliest": np.array(earliest, dtype="datetime64[D]").astype("datetime64[s]"),
        "latest": np.array(latest, dtype="datetime64[D]").astype("datetime64[s]"),
        "precision": pd.Categorical(
            [coarsest_precision(e.when).value for e in events],
            categories=[precision.value for precision in Precision],
            ordered=True,
        ),
        "edtf": pd.array([e.when.to_edtf() for e in events], dtype="string"),
        "label": pd.array([e.when.label for e in events], dtype="string"),
        "approximate": np.array(approximate, dtype=bool),
        "uncertain": np.array(uncertain, dtype=bool),
        "lasting": np.array([isinstance(e.when, Interval) for e in events], dtype=bool),
        "actors": _tuples([e.actors for e in events]),
        "places": _tuples([e.places for e in events]),
        "tags": _tuples([e.tags for e in events]),
        "sources": _tuples([cited(e) for e in events]),
    }
    return pd.DataFrame(columns)


def _tuples(values: list[tuple[str, ...]]) -> np.ndarray:
    """An object array of tuples (``np.array`` would make a 2-D array of equal-length tuples)."""
    array = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        array[i] = value
    return array
