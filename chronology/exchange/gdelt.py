"""GDELT 2.0 event files to Parquet in the columnar form, streaming: :func:`gdelt_to_parquet`.

A GDELT 2.0 event file (``20241018121500.export.CSV``, unzipped) is
tab-separated, without a header, one event per line in the 61 columns of the
GDELT Event Codebook V2.0 (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf;
:data:`COLUMNS`). What this reader makes of them:

* ``GLOBALEVENTID`` is the id.
* ``SQLDATE`` ("date the event took place in YYYYMMDD format") is the
  occurrence: that day (EDTF ``2024-10-18``).
* ``SOURCEURL`` ("the URL or citation of the first news report it found this
  event in") is the source: the column ``source_url``.
* ``DATEADDED`` ("the date the event was added to the master database in
  YYYYMMDDHHMMSS format in the UTC timezone") is when GDELT ingested the
  report, not when the report was published nor when the event happened. It
  bounds the publication from above only: the report was published no later
  than that moment. The column ``published`` holds that bound in EDTF, open
  before it (``[..2024-10-18T12:15:00Z]``: one moment, at or before), so
  :func:`chronology.parse` reads it as what is known. ``DATEADDED`` is kept as
  given too.
* The title is GDELT's own fields joined ("actor 1 · CAMEO code · actor 2 ·
  place of the action"); the kind is the event's quad class as the codebook
  names it ("material conflict"); the actors are ``Actor1Name`` and
  ``Actor2Name``; the place is ``ActionGeo_FullName``.
* Every other column is kept under its codebook name, typed as the codebook
  types it (INTEGER as ``int64``, FLOAT as ``float64``, STRING as text; the
  CAMEO codes stay text, as the codebook asks, for their leading zeros).

pyarrow reads the file in blocks; each ``batch_rows`` rows are converted and
written as one row group. A bad row (an ``SQLDATE`` or ``DATEADDED`` that
does not read, a number that is not, a line without 61 fields, an id given
twice anywhere in the file) stops the conversion with an error naming the
file, the line and the column; nothing is written.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any, Final

import numpy as np

from chronology._calendar import SECONDS_PER_DAY
from chronology.errors import DatasetError
from chronology.exchange._streaming import (
    Batch,
    DayReader,
    Format,
    RowProblems,
    delimited_to_parquet,
    joined,
    listed,
    moment,
    numbers,
    pyarrow_modules,
)
from chronology.exchange.arrow import from_bounds

__all__ = ["COLUMNS", "QUAD_CLASSES", "gdelt_to_parquet"]

#: The 61 columns of a GDELT 2.0 event file, in order, with their codebook types.
COLUMNS: Final = (
    ("GLOBALEVENTID", "INTEGER"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    *(
        (f"{actor}{field}", "STRING")
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "STRING"),
    ("EventBaseCode", "STRING"),
    ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "FLOAT"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "FLOAT"),
    *(
        (f"{place}_{field}", kind)
        for place in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field, kind in (
            ("Type", "INTEGER"),
            ("FullName", "STRING"),
            ("CountryCode", "STRING"),
            ("ADM1Code", "STRING"),
            ("ADM2Code", "STRING"),
            ("Lat", "FLOAT"),
            ("Long", "FLOAT"),
            ("FeatureID", "STRING"),
        )
    ),
    ("DATEADDED", "INTEGER"),
    ("SOURCEURL", "STRING"),
)
#: The codebook's names of the four quad classes (``QuadClass``), the kind of each event.
QUAD_CLASSES: Final = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_NAMES: Final = tuple(name for name, _ in COLUMNS)
#: How an event file is written.
_FORMAT: Final = Format(
    name="GDELT 2.0",
    file="a GDELT 2.0 event file",
    delimiter="\t",
    header=False,
    quoted=False,
    id_column="GLOBALEVENTID",
)
#: The columns read as dates (and kept as the numbers GDELT writes).
_DATES: Final = ("SQLDATE", "DATEADDED")
_EIGHT_DIGITS: Final = re.compile(r"^\d{8}$")
_FOURTEEN_DIGITS: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$")
_SQLDATE_FORM: Final = "a day as YYYYMMDD (20241018)"
_DATEADDED_FORM: Final = "a UTC date and time as YYYYMMDDHHMMSS (20241018121500)"


def gdelt_to_parquet(
    path: str | os.PathLike[str],
    parquet_path: str | os.PathLike[str],
    *,
    batch_rows: int = 100_000,
    block_bytes: int = 1 << 22,
) -> int:
    """Convert a GDELT 2.0 event file to a Parquet file in the columnar form, never holding the whole file.

    Args:
        path: the event file (``*.export.CSV``, unzipped: tab-separated, no header, 61 columns).
        parquet_path: the Parquet file to write (replaced, atomically, when the conversion succeeds).
        batch_rows: rows converted and written at a time (one row group each).
        block_bytes: bytes pyarrow reads at a time; larger than the longest line.

    Returns:
        The number of events written.

    Raises:
        MissingExtraError: pyarrow is not installed.
        DatasetError: a line without 61 fields (the message names it), or a file that cannot be read.
        DatasetRowError: a row that cannot be read, or an id given twice; the message names the line, the id and
            the column (and the line of the row first giving the id).

    """
    source = Path(path)
    with open(source, "rb") as stream:
        if stream.read(4) == b"PK\x03\x04":
            raise DatasetError(f"{source}: a zip archive; unzip it and give the .CSV file inside")
    convert = functools.partial(_convert, days=DayReader(_SQLDATE_FORM, _iso_day))
    return delimited_to_parquet(
        source,
        Path(parquet_path),
        _FORMAT,
        _NAMES,
        convert,
        batch_rows=batch_rows,
        block_bytes=block_bytes,
        wrong_line=_wrong_line,
    )


def _iso_day(text: str) -> str | None:
    """``SQLDATE`` (``20241018``) as ISO 8601 (``2024-10-18``), for :func:`chronology.parse`; None if not 8 digits."""
    text = text.strip()
    return f"{text[:4]}-{text[4:6]}-{text[6:]}" if _EIGHT_DIGITS.match(text) else None


def _wrong_line(source: Path) -> str | None:
    """The first line that does not hold 61 tab-separated fields, said as an error; None when every line does."""
    with open(source, encoding="utf-8", errors="replace", newline="") as stream:
        for number, line in enumerate(stream, start=1):
            text = line.rstrip("\r\n")
            fields = text.count("\t") + 1
            if text and fields != len(COLUMNS):
                older = " (GDELT 1.0 files have 57 or 58)" if fields in (57, 58) else ""
                return (
                    f"{source}:{number}: {fields} tab-separated fields; a GDELT 2.0 event file has "
                    f"{len(COLUMNS)} on every line{older}"
                )
    return None


def _convert(batch: Batch, days: DayReader) -> Any:
    """One batch of the file's rows as rows of the columnar form.

    Raises:
        DatasetRowError: a row of the batch cannot be read.

    """
    _, pc, _, _ = pyarrow_modules()
    column = {name: batch.table.column(name).combine_chunks() for name in _NAMES}
    ids = pc.utf8_trim_whitespace(column["GLOBALEVENTID"])
    problems = batch.problems(ids)
    typed = {
        name: numbers(column[name], name, "float64" if kind == "FLOAT" else "int64", problems)
        for name, kind in COLUMNS
        if kind != "STRING" and name not in (*_DATES, "GLOBALEVENTID")
    }
    found = days.read(column["SQLDATE"])
    problems.add_all(found.bad, "SQLDATE")
    added = _published(column["DATEADDED"], problems)
    problems.raise_any()
    typed.update({name: pc.cast(pc.utf8_trim_whitespace(column[name]), "int64") for name in _DATES})  # read above
    kept = {name: typed.get(name, column[name]) for name in _NAMES if name not in ("GLOBALEVENTID", "SOURCEURL")}
    rows = from_bounds(
        ids,
        found.iso,
        found.start,
        found.start + SECONDS_PER_DAY - 1,
        titles=_titles(column),
        kinds=[QUAD_CLASSES.get(code, "") for code in typed["QuadClass"].fill_null(0).to_pylist()],
        extra={**kept, "source_url": column["SOURCEURL"], "published": added},
    )
    for name, parts in (("actors", ("Actor1Name", "Actor2Name")), ("places", ("ActionGeo_FullName",))):
        values = listed([column[part] for part in parts], "\x1f", "\x1f")
        rows = rows.set_column(rows.schema.get_field_index(name), rows.schema.field(name), values)
    return rows


def _published(texts: Any, problems: RowProblems) -> Any:
    """``DATEADDED`` as the upper bound of the report's publication, in EDTF (``[..2024-10-18T12:15:00Z]``)."""
    pa, pc, _, _ = pyarrow_modules()
    encoded = pc.dictionary_encode(pc.utf8_trim_whitespace(texts).fill_null(""))
    bounds: list[str | None] = []
    for text in encoded.dictionary.to_pylist():
        parts = _FOURTEEN_DIGITS.match(text)
        iso = "{}-{}-{}T{}:{}:{}Z".format(*parts.groups()) if parts else None
        bounds.append(f"[..{iso}]" if iso is not None and moment(iso) is not None else None)
    wrong = [k for k, bound in enumerate(bounds) if bound is None]
    rows = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.intp)
    for row in np.flatnonzero(np.isin(rows, wrong)).tolist():
        text = encoded.dictionary[rows[row]].as_py()
        shown = "the time GDELT added the event is missing" if not text else f"{text!r} is not a date and time"
        problems.add(row, "DATEADDED", f"{shown}; expected {_DATEADDED_FORM}")
    return pa.array(bounds, pa.string()).take(pa.array(rows))


def _titles(column: dict[str, Any]) -> Any:
    """GDELT's own fields for each row: "actor 1 · CAMEO code · actor 2 · place of the action"."""
    _, pc, _, _ = pyarrow_modules()
    code = pc.binary_join_element_wise("CAMEO ", column["EventCode"], "")
    parts = [column["Actor1Name"], code, column["Actor2Name"], column["ActionGeo_FullName"]]
    titles = pc.replace_substring_regex(joined(parts, " · "), r"\s*[\r\n]+\s*", " ")  # a title is one line
    return titles.fill_null("").to_numpy(zero_copy_only=False)
