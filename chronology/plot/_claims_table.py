"""The claims a chart draws, chosen by subject and unit, and their table (CSV or Markdown)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal

from chronology.errors import PlotError
from chronology.events import Claim, Event
from chronology.exchange._describe import said_note, source_name  # the one wording of a default said
from chronology.exchange.as_csv import _defused  # the one rule for cells a spreadsheet would run as formulas
from chronology.exchange.markdown import _cell  # the one rule for Markdown table cells
from chronology.files._atomic import write_atomic
from chronology.plot._claims_geometry import _said_span
from chronology.plot._claims_values import _anchor_value
from chronology.timeline import Timeline
from chronology.zones import local_time

#: The formats of a claims table.
TableFormat = Literal["csv", "markdown"]
#: Table formats by file extension.
TABLE_FORMATS: Final[Mapping[str, TableFormat]] = {".csv": "csv", ".md": "markdown"}
#: The columns of a claims table in order. The figure as written ("up to 15,000"), its unit, what it is about,
#: who claims it, the source that carries it (as named in running text) and its id, when it was said (as the
#: library labels dates, then in EDTF), and the id of the event that holds the claim. Where the timeline has a
#: zone, times at its own offset are written without it and the ``said`` header names the zone once
#: ("said (Europe/Kyiv time)"), as ``chronology list`` writes them; ``said_edtf`` keeps every offset. A claim
#: with no ``said`` of its own is said on its source's date, else on its event's (``Timeline.said``), and its
#: ``said`` cell says which.
TABLE_COLUMNS: Final = (
    "figure",
    "unit",
    "subject",
    "claimant",
    "source",
    "source_id",
    "said",
    "said_edtf",
    "event_id",
)


def claims_table(
    timeline: Timeline,
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
    format: TableFormat = "csv",
) -> str:
    """The claims :func:`plot_claims` draws for the same ``subject`` and ``unit``, as a table: one row a claim.

    The columns are :data:`~chronology.plot.claims.TABLE_COLUMNS`, the rows by when each claim was said (the
    first moment of that time, then its last, as the chart draws it; a claim with no ``said`` at its source's
    date, else at its event's), then by figure (smallest first), then in file order, as the Markdown export's
    "Figures claimed" lists its rows by date.

    CSV: a header row, cells quoted as CSV needs, lines ending in CRLF (RFC 4180), and a cell that a
    spreadsheet would run as a formula (a claimant written ``=HYPERLINK(...)``) written with a leading
    ``'``, as :func:`~chronology.exchange.as_csv.to_csv` writes it. Markdown: a table whose cells are escaped to
    show as written (``|`` and Markdown's punctuation get a backslash).

    Args:
        timeline: where the claims are.
        subject: as for :func:`plot_claims`.
        unit: as for :func:`plot_claims`.
        format: ``"csv"`` or ``"markdown"``.

    Returns:
        The table as text, ending in a line break.

    Raises:
        PlotError: a format other than ``"csv"`` and ``"markdown"``.

    """
    rows = [_row(timeline, event, claim) for event, claim in _by_said(timeline, _chosen(timeline, subject, unit))]
    local = any(row.pop("local") for row in rows)
    headers = [f"said ({timeline.zone} time)" if column == "said" and local else column for column in TABLE_COLUMNS]
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_defused(row[column]) for column in TABLE_COLUMNS])
        return out.getvalue()
    if format == "markdown":
        lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(TABLE_COLUMNS)]
        lines += ["| " + " | ".join(_cell(row[column]) for column in TABLE_COLUMNS) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    raise PlotError(f"format {format!r} is not a claims table format; use 'csv' or 'markdown'")


def save_claims_table(
    timeline: Timeline,
    path: str | os.PathLike[str],
    *,
    subject: str | Callable[[Claim], bool] | None = None,
    unit: str | None = None,
) -> Path:
    """Write :func:`claims_table` to ``path``, CSV or Markdown by its extension, atomically.

    The file is written through a temporary file renamed over it (a reader sees the old table or the new,
    never half of one); a symbolic link is written through, not replaced.

    Args:
        timeline: where the claims are.
        path: ``claims.csv`` or ``claims.md``.
        subject: as for :func:`plot_claims`.
        unit: as for :func:`plot_claims`.

    Returns:
        ``path``.

    Raises:
        PlotError: an extension other than ``.csv`` and ``.md``; nothing is written.
        OSError: the file could not be written; it is as it was.

    """
    target = Path(path)
    format_name = TABLE_FORMATS.get(target.suffix.lower())
    if format_name is None:
        accepted = " or ".join(TABLE_FORMATS)
        raise PlotError(
            f"cannot write a claims table to {str(target)!r}: the extension says the format; "
            f"use {accepted} ({str(target.with_suffix('.csv'))!r} or {str(target.with_suffix('.md'))!r})"
        )
    text = claims_table(timeline, subject=subject, unit=unit, format=format_name)
    write_atomic(Path(os.path.realpath(target)), text)
    return target


def _chosen(
    timeline: Timeline, subject: str | Callable[[Claim], bool] | None, unit: str | None
) -> list[tuple[Event, Claim]]:
    return [(e, c) for e, c in timeline.claims() if _wanted(c, subject) and (unit is None or c.unit == unit)]


def _by_said(timeline: Timeline, chosen: Sequence[tuple[Event, Claim]]) -> list[tuple[Event, Claim]]:
    """The claims by when each was said (its first moment, then its last), then by figure; else as given."""

    def key(pair: tuple[Event, Claim]) -> tuple[float, float, float]:
        event, claim = pair
        start, stop = _said_span(timeline.said(event, claim), timeline.zone_info)
        return start, stop, _anchor_value(claim, "linear")

    return sorted(chosen, key=key)


def _row(timeline: Timeline, event: Event, claim: Claim) -> dict[str, Any]:
    """A claim's cells, and ``local``: whether a time in ``said`` is written without its offset."""
    said = timeline.said(event, claim)
    shown = local_time(said, timeline.zone_info)
    default = said_note(timeline, event, claim)  # "" where the claim gives its own
    label = f"{shown.label} ({default})" if default else shown.label
    return {
        "figure": claim.value.text or claim.value.label,
        "unit": claim.unit,
        "subject": claim.subject,
        "claimant": claim.claimant,
        "source": source_name(claim.source, timeline.sources) if claim.source else "",
        "source_id": claim.source or "",
        "said": label,
        "said_edtf": said.to_edtf(),
        "event_id": event.id,
        "local": shown is not said,
    }


def _wanted(claim: Claim, subject: str | Callable[[Claim], bool] | None) -> bool:
    if subject is None:
        return True
    if callable(subject):
        return subject(claim)
    return subject.casefold() in claim.subject.casefold()
