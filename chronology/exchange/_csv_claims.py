"""An event's claims as the ``claim_*`` columns of a spreadsheet row, and those columns as claims again.

Each column lists one field of every claim of the event, in the claims' order,
as ``sources`` and ``quotes`` list their citations': ``claim_subjects``,
``claim_values`` (the figure as worded, "about 10,000"), ``claim_units``,
``claim_claimants``, ``claim_sources``, ``claim_said`` (when it was said: its
wording where that reads back without an anchor, else EDTF; empty for its
event's date), ``claim_anchors`` and ``claim_quotes``. A column in which no
claim has a value is left empty. The cells themselves (how items are joined)
are the business of :mod:`chronology.exchange.as_csv`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from chronology.events import Event
from chronology.exchange._records import date_text

__all__ = ["CLAIM_COLUMNS", "claim_items", "claim_tables"]

#: The claim columns, in the order written, each with the key of a claim table (``[[events.claims]]``) it holds.
CLAIM_COLUMNS: Final = {
    "claim_subjects": "subject",
    "claim_values": "value",
    "claim_units": "unit",
    "claim_claimants": "claimant",
    "claim_sources": "source",
    "claim_said": "said",
    "claim_anchors": "anchor",
    "claim_quotes": "quote",
}
#: What every claim gives.
_REQUIRED: Final = ("claim_subjects", "claim_values")


def claim_items(event: Event, records: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The items of each claim column: one per claim, ``[]`` for a column no claim fills.

    Args:
        event: the event whose claims they are.
        records: its claims as the event file writes them (``event_record(...)["claims"]``): figures as
            worded, anchors to what is not written alongside left out.

    """
    columns: dict[str, list[str]] = {column: [] for column in CLAIM_COLUMNS}
    for claim, record in zip(event.claims, records, strict=True):
        # said without its anchor: readable in a spreadsheet that does not date its sources
        fields = {**record, "said": date_text(claim.said, None) if claim.said is not None else ""}
        for column, key in CLAIM_COLUMNS.items():
            columns[column].append(str(fields.get(key, "")))
    return {column: items if any(items) else [] for column, items in columns.items()}


def claim_tables(items: Mapping[str, list[str]]) -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """The claim tables of a row's claim columns (their items, empty items kept); and its problems.

    Each problem is ``(column, message)``: a column with another count of
    items than the others, a claim without a subject or a figure. A claim
    with a problem is left out.
    """
    counts = {column: len(found) for column, found in items.items() if found}
    if not counts:
        return [], []
    count = max(counts.values())
    problems = [
        (
            column,
            f"{found} item{'s' if found != 1 else ''} for {count} claims: give one per claim, in the same order "
            "as the other claim columns, separated by '; ' (an empty one for a claim without it; "
            "a ';' inside an item is written ';;')",
        )
        for column, found in counts.items()
        if found != count
    ]
    if problems:
        return [], problems
    tables: list[dict[str, str]] = []
    for index in range(count):
        table = {
            key: items[column][index]
            for column, key in CLAIM_COLUMNS.items()
            if column in counts and items[column][index]
        }
        missing = [column for column in _REQUIRED if CLAIM_COLUMNS[column] not in table]
        if missing:
            what = " and ".join(repr(column) for column in missing)
            problems.append(
                (missing[0], f"claim {index + 1} has nothing in {what}: every claim needs a subject and a figure")
            )
            continue
        tables.append(table)
    return tables, problems
