"""ACLED CSV exports to Parquet in the columnar form, streaming: :func:`acled_to_parquet`.

ACLED (the Armed Conflict Location & Event Data project) codes each event on
one day, ``event_date``, with ``time_precision`` saying how well the sources
know that day. Its codebook (https://acleddata.com/methodology/acled-codebook,
"Event Time", "Time precision codes") says:

* **1**: the sources give the actual date.
* **2**: the sources say "sometime during the week or within a similar period
  of time (i.e., during the weekend)"; the middle of the period is recorded
  ("with an event occurring last week, the Event date would be recorded on
  either Wednesday or Thursday of that week").
* **3**: the sources say only "sometime during a month (i.e., in the past two
  or three weeks, or in January)"; the month midpoint is recorded, or the first
  or last day of the month when the beginning or the end of the month is noted.

What this reader makes of each code, so that the true day is always inside:

* **1**: the day as given (EDTF ``2024-10-18``).
* **2**: six days either side of ``event_date`` (``[2024-10-12..2024-10-24]``):
  every week (Monday to Sunday, or Sunday to Saturday) and every weekend that
  holds the recorded day lies inside, whichever day ACLED took as the middle.
* **3**: the calendar month of ``event_date``, widened to fifteen days either
  side of it (``[2024-09-30..2024-10-31]`` for 15 October). "In the past two or
  three weeks" need not lie in one calendar month: three weeks centred on 3
  February reach back into January. Fifteen days either side holds any period
  of up to 31 days whose midpoint was recorded; the calendar month holds the
  "beginning" and "end of the month" cases. When the widening stays inside the
  month (the 16th of a 31-day month), the date is the month (``2024-10``).

Each row keeps what ACLED says beside the bounds: ``event_id_cnty`` is the
id; the title is ACLED's own words joined ("sub-event type · actor 1; actor 2
· location, country"); ``event_type`` is the kind; the actors (``actor1``,
``assoc_actor_1``, ``actor2``, ``assoc_actor_2``), the places (``location``,
``admin3``, ``admin2``, ``admin1``, ``country``), ACLED's ``tags`` and the
outlets its ``source`` names ("Sudan Tribune; Radio Dabanga", split at each
";", in ``sources``) go in the form's list columns; every other column of the
export is kept, under its own name (lower case), ``latitude`` and
``longitude`` as numbers, ``fatalities``, ``time_precision``,
``geo_precision``, ``year`` and ``timestamp`` as whole numbers, the rest as
text.

Fatalities are claims, not facts: ACLED records "the lowest number of reported
fatalities" from its sources. A row with fatalities above 0 gets a ``claims``
column holding, as JSON in the event file's claim shape, ``[{"subject":
"reported fatalities", "value": 12, "claimant": "<ACLED's source column>",
"said": "[..2024-10-22]"}]``; a 0 gets no claim, since ACLED also records 0
when the sources do not mention deaths at all. ACLED does not say when a
figure was reported, and revises figures later; ``timestamp`` is when it last
changed the row, so the claim was said no later than that (UTC) day, and
nothing more is known (a row without a timestamp gives a claim without
``said``, which reads as said on the event's date). :func:`chronology.load`
gives each event its claims.

pyarrow reads the file in blocks; each ``batch_rows`` rows are converted and
written as one row group. A bad row (a date that does not read, a precision
code ACLED does not have, an id that is not one, a number that is not) stops
the conversion with a :class:`~chronology.errors.DatasetRowError` naming the
file, the line, the row's id and the column; nothing is written. So does an
id given twice, anywhere in the file (the message names both lines).
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from chronology._calendar import SECONDS_PER_DAY
from chronology.errors import DatasetError
from chronology.exchange._streaming import (
    Batch,
    DayReader,
    Days,
    Format,
    delimited_to_parquet,
    distinct,
    iso_days,
    joined,
    listed,
    numbers,
    pyarrow_modules,
)
from chronology.exchange.arrow import COLUMNS, from_bounds

__all__ = ["ACCEPTED_DATES", "MONTH_DAYS", "PRECISIONS", "WEEK_DAYS", "acled_to_parquet"]

#: The forms of ``event_date`` this reader accepts (ACLED's exports have used each).
ACCEPTED_DATES: Final = "a day as 2024-10-18 or 18 October 2024, or day first as 18-10-2024 or 18/10/2024"
#: ACLED's ``time_precision`` codes and what each says of ``event_date``.
PRECISIONS: Final = {
    1: "the day itself",
    2: "the middle of a week or weekend",
    3: "the middle, first or last day of a month",
}
#: Days either side of ``event_date`` for code 2.
WEEK_DAYS: Final = 6
#: Days either side of ``event_date`` for code 3 (beside its calendar month).
MONTH_DAYS: Final = 15
#: The columns an export must have.
REQUIRED: Final = ("event_id_cnty", "event_date", "time_precision", "event_type")
#: How an export is written.
_FORMAT: Final = Format(
    name="ACLED", file="an ACLED export", delimiter=",", header=True, quoted=True, id_column="event_id_cnty"
)
#: The columns kept as numbers, and their Arrow types.
_TYPED: Final = {
    "latitude": "float64",
    "longitude": "float64",
    "fatalities": "int64",
    "time_precision": "int8",
    "geo_precision": "int8",
    "year": "int64",
    "timestamp": "int64",
}
_DAY_FIRST: Final = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
_ACTORS: Final = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
_PLACES: Final = ("location", "admin3", "admin2", "admin1", "country")
#: A separator no place name holds, to make lists of the place columns.
_UNIT: Final = "\x1f"
#: How ACLED separates the names in one field ("Civilians (Ukraine); Women (Ukraine)").
_SEMICOLON: Final = r"\s*;\s*"


def acled_to_parquet(
    csv_path: str | os.PathLike[str],
    parquet_path: str | os.PathLike[str],
    *,
    batch_rows: int = 100_000,
    block_bytes: int = 1 << 22,
) -> int:
    """Convert an ACLED CSV export to a Parquet file in the columnar form, never holding the whole file.

    Args:
        csv_path: the export (comma-separated, a header row; UTF-8).
        parquet_path: the Parquet file to write (replaced, atomically, when the conversion succeeds).
        batch_rows: rows converted and written at a time (one row group each).
        block_bytes: bytes pyarrow reads at a time; larger than the longest row.

    Returns:
        The number of events written.

    Raises:
        MissingExtraError: pyarrow is not installed.
        DatasetError: the file is not an ACLED export (a required column is missing) or cannot be read.
        DatasetRowError: a row that cannot be read, or an id given twice; the message names the line, the id and
            the column (and the line of the row first giving the id).

    """
    source = Path(csv_path)
    names = _header(source)
    convert = functools.partial(_convert, dates=DayReader(ACCEPTED_DATES, _normal_date))
    target = Path(parquet_path)
    return delimited_to_parquet(source, target, _FORMAT, names, convert, batch_rows=batch_rows, block_bytes=block_bytes)


def _header(source: Path) -> list[str]:
    """The export's column names, in lower case (older exports wrote them in capitals).

    Raises:
        DatasetError: an empty file, or one without the required columns.

    """
    with open(source, encoding="utf-8-sig", errors="replace", newline="") as stream:  # pyarrow says if not UTF-8
        first = next(csv.reader(stream), None)
    if not first:
        raise DatasetError(f"{source}: empty; an ACLED export starts with a header row ({', '.join(REQUIRED)}, ...)")
    names = [name.strip().lower() for name in first]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise DatasetError(
            f"{source}: not an ACLED export: no column {', '.join(map(repr, missing))} in its header "
            f"(an ACLED export has {', '.join(REQUIRED)}, ...)"
        )
    return names


def _normal_date(text: str) -> str | None:
    """``event_date`` as :func:`chronology.parse` reads it: ACLED's day-first numbers turned to ISO 8601."""
    found = _DAY_FIRST.match(text.strip())
    if found is None:
        return text
    day, month, year = found.groups()
    return f"{year}-{int(month):02}-{int(day):02}"


def _convert(batch: Batch, dates: DayReader) -> Any:
    """One batch of the export's rows as rows of the columnar form.

    Raises:
        DatasetRowError: a row of the batch cannot be read.

    """
    pa, _, _, _ = pyarrow_modules()
    table = batch.table
    column = {name: table.column(name).combine_chunks() for name in table.column_names}
    ids = column["event_id_cnty"]
    problems = batch.problems(ids)
    typed = {
        name: numbers(column[name], name, kind, problems, _precision_message if name == "time_precision" else None)
        for name, kind in _TYPED.items()
        if name in column
    }
    precisions = typed["time_precision"]
    codes = np.asarray(precisions.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)
    for row in np.flatnonzero(~np.isin(codes, list(PRECISIONS))).tolist():
        text = column["time_precision"][row].as_py()
        if text is None or precisions[row].is_valid:  # a text that is no number is a problem of numbers() already
            problems.add(row, "time_precision", _precision_message(text))
    if "fatalities" in typed:
        negative = _less(typed["fatalities"], 0)
        for row in np.flatnonzero(negative).tolist():
            problems.add(
                row, "fatalities", f"{column['fatalities'][row].as_py()!r} is not a count of deaths (0 or more)"
            )
    days = dates.read(column["event_date"])
    problems.add_all(days.bad, "event_date")
    problems.raise_any()
    lo, hi, edtf, precision = _bounds(days, codes)
    kept = {name: typed.get(name, column[name]) for name in table.column_names if name not in ("event_id_cnty", "tags")}
    extra = {(f"acled_{name}" if name in COLUMNS else name): values for name, values in kept.items()}
    extra["claims"] = _claims(typed.get("fatalities"), column.get("source"), typed.get("timestamp"), len(table))
    rows = from_bounds(
        ids,
        edtf,
        lo,
        hi,
        precision=precision,
        titles=_titles(column, len(table)),
        kinds=column["event_type"].fill_null("").to_numpy(zero_copy_only=False),
        extra=extra,
    )
    lists = (
        ("actors", _ACTORS, "; ", _SEMICOLON),
        ("places", _PLACES, _UNIT, _UNIT),
        ("tags", ("tags",), "; ", _SEMICOLON),
        ("sources", ("source",), "; ", _SEMICOLON),
    )
    for name, parts, separator, split in lists:
        present = distinct([column[part] for part in parts if part in column])  # "Kharkiv", city and region: once
        values = listed(present, separator, split) if present else pa.array([[]] * len(table), pa.list_(pa.string()))
        rows = rows.set_column(rows.schema.get_field_index(name), rows.schema.field(name), values)
    return rows


def _less(values: Any, limit: int) -> npt.NDArray[np.bool_]:
    """Where ``values`` (numbers, some null) are below ``limit``."""
    _, pc, _, _ = pyarrow_modules()
    return np.asarray(pc.fill_null(pc.less(values, limit), False).to_numpy(zero_copy_only=False), dtype=bool)


def _precision_message(text: str | None) -> str:
    codes = "; ".join(f"{code} ({meaning})" for code, meaning in PRECISIONS.items())
    if text is None:
        return f"the time precision is missing; expected one of ACLED's codes: {codes}"
    return f"time precision {text!r} is not one of ACLED's codes: {codes}"


def _bounds(
    days: Days, codes: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], list[str], list[str]]:
    """Each row's first and last second, its EDTF and its precision, from its day and its code."""
    day = SECONDS_PER_DAY
    start = days.start
    lo, hi = start.copy(), start + day - 1
    week = codes == 2
    lo[week], hi[week] = start[week] - WEEK_DAYS * day, start[week] + (WEEK_DAYS + 1) * day - 1
    month = codes == 3
    lo[month] = np.minimum(days.month_first[month], start[month] - MONTH_DAYS * day)
    hi[month] = np.maximum(days.month_last[month], start[month] + (MONTH_DAYS + 1) * day - 1)
    whole_month = month & (lo == days.month_first) & (hi == days.month_last)
    ranged = (week | month) & ~whole_month
    ranges = np.char.add(np.char.add("[", iso_days(lo)), np.char.add("..", np.char.add(iso_days(hi), "]")))
    edtf = np.where(ranged, ranges, np.where(whole_month, days.iso.astype("U7"), days.iso))  # U7: "2024-10"
    precision = np.where(whole_month, "month", "day")
    return lo, hi, edtf.tolist(), precision.tolist()


def _titles(column: dict[str, Any], count: int) -> Any:
    """ACLED's own words for each row: "sub-event type · actor 1; actor 2 · location, country"."""
    pa, pc, _, _ = pyarrow_modules()
    nothing = pa.nulls(count, pa.string())
    what = pc.coalesce(joined([column.get("sub_event_type", nothing)], ""), joined([column["event_type"]], ""))
    who = joined([column.get("actor1", nothing), column.get("actor2", nothing)], "; ")
    where = joined([column.get("location", nothing), column.get("country", nothing)], ", ")
    titles = pc.replace_substring_regex(joined([what, who, where], " · "), r"\s*[\r\n]+\s*", " ")  # one line
    return titles.fill_null("").to_numpy(zero_copy_only=False)


def _claims(fatalities: Any, sources: Any, timestamps: Any, count: int) -> Any:
    """Each row's reported fatalities as claims, JSON in the event file's shape; null where none are reported.

    A claim is said no later than the (UTC) day of the row's ``timestamp``,
    when ACLED last changed the row: ``"said": "[..2024-10-22]"``; without a
    timestamp it has no ``said``. Built in bulk: each distinct source is
    written as JSON once.
    """
    pa, pc, _, _ = pyarrow_modules()
    if fatalities is None:
        return pa.nulls(count, pa.string())
    text = pa.string()
    figure = pc.cast(fatalities, text)
    head = '[{"subject": "reported fatalities", "value": '
    if sources is None:
        claimant = pa.nulls(count, text)
    else:
        encoded = pc.dictionary_encode(sources)
        quoted = pa.array([json.dumps(name, ensure_ascii=False) for name in encoded.dictionary.to_pylist()], text)
        claimant = pc.binary_join_element_wise(', "claimant": ', quoted.take(encoded.indices), "")
    if timestamps is None:
        said = pa.nulls(count, text)
    else:
        seconds = np.asarray(timestamps.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)
        days = pa.array(np.char.add(np.char.add(', "said": "[..', iso_days(seconds)), ']"'), text)
        said = pc.if_else(pc.is_null(timestamps), pa.scalar(None, text), days)
    claims = pc.binary_join_element_wise(
        head, figure, pc.fill_null(claimant, ""), pc.fill_null(said, ""), "}]", "", null_handling="emit_null"
    )
    reported = pc.fill_null(pc.greater(fatalities, 0), False)
    return pc.if_else(reported, claims, pa.scalar(None, text))
