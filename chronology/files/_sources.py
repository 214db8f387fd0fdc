"""The ``[[sources]]`` of an event file: each checked, its id unique, its publication date read.

Part of the loader's reader (:mod:`chronology.files.load`).
"""

from __future__ import annotations

from chronology.dates import Interval
from chronology.events import Source
from chronology.files._dates import _Dates
from chronology.files._state import _Record
from chronology.files.schema import SOURCE_KEYS


class _Sources(_Dates):
    """Reading the sources, before the events that cite them and read dates from them."""

    def _sources(self) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        first: dict[str, _Record] = {}
        for record in self.sources:
            table = record.table
            if not self._checked_table(record, record.where, table, SOURCE_KEYS, "source", ""):
                continue
            if not self._id(record):
                continue
            if record.table["id"] in first:
                self._duplicate(record, first[record.table["id"]])
                continue
            first[record.table["id"]] = record
            self._source_setting(record)
            published = None
            if "published" in table:
                value = self._absolute(record, "published", table["published"])
                if isinstance(value, Interval):
                    self.problem(
                        record.file,
                        (*record.where, "published"),
                        "a publication date is one date (possibly uncertain, '[2024-10-28..2024-10-31]'), "
                        "not an interval",
                        record=record,
                        field="published",
                    )
                    continue
                if value is None:
                    continue
                published = value
            sources[table["id"]] = Source(
                id=table["id"],
                outlet=table.get("outlet", ""),
                title=table.get("title", ""),
                authors=tuple(table.get("authors", ())),
                published=published,
                url=table.get("url", ""),
                note=table.get("note", ""),
                published_after=tuple(table.get("published_after", ())),
                published_before=tuple(table.get("published_before", ())),
            )
        return sources
