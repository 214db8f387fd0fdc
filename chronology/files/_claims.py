"""The claims of an event (``[[events.claims]]``): a figure, who claimed it, and when it was said.

Part of the loader's reader (:mod:`chronology.files.load`), which passes the common claim
(a subject and a figure read before) by a quicker route and gives every other one to
``_Claims._claim``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronology.dates import DateValue
from chronology.errors import ChronologyError, _shorten
from chronology.events import ID_PATTERN, Claim, Source
from chronology.files._checks import _ID_RULE
from chronology.files._dates import _Dates
from chronology.files._state import _Record
from chronology.files.schema import CLAIM_KEYS
from chronology.notation.quantity import parse_quantity
from chronology.relative import RelativeDate


class _Claims(_Dates):
    """Reading a claim in full: its checks, its figure (each text read once) and its ``said`` date."""

    def _claim(
        self,
        record: _Record,
        index: int,
        item: dict[str, Any],
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> Claim | None:
        """The claim ``item`` (the ``index``-th of ``record``'s event); None after reporting what is wrong."""
        text = item.get("value")
        value = self._quantities.get(text) if text.__class__ is str else None  # a figure written before: read once
        where = (*record.where, "claims", index)
        prefix = f"claims[{index}]."
        if not self._checked_table(record, where, item, CLAIM_KEYS, "claim", prefix):
            return None
        text = item["value"]
        if value is None:
            try:
                value = parse_quantity(text)
            except ChronologyError as error:
                self.problem(record.file, (*where, "value"), str(error), record=record, field=prefix + "value")
                return None
            if text.__class__ is str:
                self._quantities[text] = value
        said = None
        own_anchor = item.get("anchor")
        if own_anchor is not None and ID_PATTERN.fullmatch(own_anchor) is None:
            message = f"{_shorten(own_anchor)!r} is not an id: {_ID_RULE}"
            self.problem(record.file, (*where, "anchor"), message, record=record, field=prefix + "anchor")
            return None
        said_reading = self._reading_of(record, own_anchor)
        relative = "said" in item and isinstance(
            self._expression(item["said"], record.file, said_reading), RelativeDate
        )
        # a relative said's anchor is checked as the date is read from it; another's must still name something
        if (
            own_anchor is not None
            and not relative
            and not self._known_anchor(record, own_anchor, (*where, "anchor"), prefix + "anchor")
        ):
            return None
        if "said" in item:
            expression = self._expression(item["said"], record.file, said_reading)
            anchor_id = item.get("anchor", record.table.get("anchor"))
            own = ((*where, "anchor"), prefix + "anchor") if own_anchor is not None else None
            said = self._resolve(
                record, expression, records, sources, resolved, prefix + "said", (*where, "said"), anchor_id, own
            )
            if said is None:
                return None
        source = item.get("source")
        if source is None:
            source = self._first_cited(record)
        return Claim(
            subject=item["subject"],
            value=value,
            unit=item.get("unit", ""),
            claimant=item.get("claimant", ""),
            source=source,
            said=said,
            anchor=item.get("anchor"),
            quote=item.get("quote", ""),
        )

    def _first_cited(self, record: _Record) -> str | None:
        """The source an event cites first (a claim's source where it names none); None if it cites none."""
        cited = [c.get("source") for c in record.table.get("citations", ()) if isinstance(c, dict)]
        return cited[0] if cited and isinstance(cited[0], str) else None
