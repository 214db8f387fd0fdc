"""The fields of an ``[[events]]`` table, read into an :class:`~chronology.Event`.

Part of the loader's reader (:mod:`chronology.files.load`), which reads each event's date first:
the title (one line, as :class:`~chronology.Event` asks), the tense, links, anchor, extra keys,
citations and claims, each checked, and the event built without its validators run again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from chronology.dates import DateValue, Widening
from chronology.errors import _shorten
from chronology.events import (
    ID_PATTERN,
    Citation,
    Event,
    Source,
    _frozen_mapping,
    _locator_problem,
    _title_fault,
    _title_problem,
)
from chronology.files._checks import _ID_MATCH, _ID_RULE
from chronology.files._claims import _Claims
from chronology.files._common_event import _PLAIN_CITATION_KEYS, _PLAIN_EVENT_KEYS, _names, plain_citation
from chronology.files._dates import _TENSES
from chronology.files._state import _Record
from chronology.files.schema import CITATION_KEYS, not_in_toml
from chronology.relative import RelativeDate, Tense

_NO_EXTRA: Final[Mapping[str, Any]] = {}
_NO_EXTRA_FROZEN: Final = _frozen_mapping(_NO_EXTRA)


def _common_event(event_id: str, plain: Any, when: DateValue, anchor: str | None, widening: Widening | None) -> Event:
    """The event of a common table (``plain``: its checked values, as the loader's quick route reads them).

    No links, claims or extra; told in the past tense; dated ``when`` (read from ``anchor`` where given).
    """
    return Event._checked(
        event_id,
        plain[1],
        when,
        plain[3],
        plain[4],
        plain[5],
        plain[6],
        plain[7],
        plain[8],
        (),
        (),
        (),
        None,
        (),
        anchor,
        Tense.PAST,
        widening,
        _NO_EXTRA_FROZEN,
    )


class _EventFields(_Claims):
    """Building an event from its checked table and its date."""

    def _event(
        self,
        record: _Record,
        when: DateValue | None,
        records: Mapping[str, _Record],
        sources: Mapping[str, Source],
        resolved: dict[str, DateValue | None],
    ) -> Event | None:
        table = record.table
        get = table.get
        sound = when is not None
        tense_text = get("tense", "past")
        if tense_text not in _TENSES:
            self._field_problem(
                record, "tense", f"unknown tense {tense_text!r}; expected one of {', '.join(map(repr, _TENSES))}"
            )
            sound = False
        title = table["title"]
        fault = _title_fault(title, required=True)
        if fault is not None:  # (the title is not shown: the file's line and column place it)
            self._field_problem(record, "title", _title_problem(fault))
            sound = False
        for field in ("anchor", "part_of") if "anchor" in table or "part_of" in table else ():
            if field in table and ID_PATTERN.fullmatch(table[field]) is None:
                self.problem(
                    record.file,
                    (*record.where, field),
                    f"{_shorten(table[field])!r} is not an id: {_ID_RULE}",
                    record=record,
                    field=field,
                )
                sound = False
        if "anchor" in table and not isinstance(
            self._expression(table["when"], record.file, self._reading_of(record)), RelativeDate
        ):
            # a relative date's anchor is checked as the date is read from it; another's must still name something
            sound = self._known_anchor(record, table["anchor"], (*record.where, "anchor"), "anchor") and sound
        extra = get("extra")
        if extra:  # null and integers TOML cannot hold come from other parsers (JSON): refused, as no file holds them
            for where, field, message in not_in_toml(extra, (*record.where, "extra"), "extra"):
                self.problem(record.file, where, message, record=record, field=field)
                sound = False
        citations = []
        cited = self._cited
        for index, item in enumerate(get("citations", ())):
            # The common case, a source (an id), a quote and a locator (printable), in a few tests: what follows
            # would say nothing of it. Each source's id is matched once.
            source, quote, locator = item.get("source"), item.get("quote", ""), item.get("locator", "")
            if (
                item.keys() <= _PLAIN_CITATION_KEYS
                and source.__class__ is str
                and quote.__class__ is str
                and quote.isprintable()
                and locator.__class__ is str
                and locator.isprintable()
                and (source in cited or (_ID_MATCH(source) is not None and cited.setdefault(source, True)))
            ):
                citations.append(Citation._checked(source, quote, locator, None))
                continue
            where = (*record.where, "citations", index)
            checked = self._checked_table(record, where, item, CITATION_KEYS, "citation", f"citations[{index}].")
            locator = item.get("locator", "")
            problem = _locator_problem(locator) if isinstance(locator, str) else None  # else: the wrong shape, said
            if problem is not None:  # said with the table's other problems, as a title's line break is
                field = f"citations[{index}].locator"
                self.problem(record.file, (*where, "locator"), problem, record=record, field=field)
            if not checked or problem is not None:
                sound = False
                continue
            if ID_PATTERN.fullmatch(item["source"]) is None:
                field = f"citations[{index}].source"
                self.problem(
                    record.file,
                    (*where, "source"),
                    f"{_shorten(item['source'])!r} is not an id: {_ID_RULE}",
                    record=record,
                    field=field,
                )
                sound = False
                continue
            worded = self._citation_when(record, index, item) if "when" in item else None
            if "when" in item and worded is None:
                sound = False
                continue
            citations.append(Citation._checked(item["source"], item.get("quote", ""), locator, worded))
        claims = []
        for index, item in enumerate(get("claims", ())):
            claim = self._claim(record, index, item, records, sources, resolved)
            if claim is None:
                sound = False
            else:
                claims.append(claim)
        if not sound or when is None:
            return None
        names = self._names
        # Every value below is checked: the shapes by _checked_table, the id by _id, the anchor and part_of
        # above, the date by _when; so the event is built without __init__'s validators (its converters are
        # applied here: lists to tuples, extra read-only).
        return Event._checked(
            table["id"],
            title,
            when,
            get("kind", ""),
            _names(get("actors", ()), names),
            _names(get("places", ()), names),
            _names(get("tags", ()), names),
            get("summary", ""),
            tuple(citations),
            tuple(claims),
            tuple(get("after", ())),
            tuple(get("before", ())),
            get("part_of"),
            tuple(get("reports", ())),
            get("anchor"),
            _TENSES[tense_text],
            record.file.widening,
            _frozen_mapping(get("extra", _NO_EXTRA)),
        )

    def _plain_event(self, table: dict[str, Any], when: DateValue, widening: Widening | None) -> Event | None:
        """The event of a table of the common keys only (no links, anchor, tense, claims or extra), as ``_event``.

        What ``_event`` would build from such a table, in fewer steps; None when it is not such a table,
        or when something in it needs a word from ``_event`` (which then says it).
        """
        if not table.keys() <= _PLAIN_EVENT_KEYS:
            return None
        title = table["title"]
        if _title_fault(title, required=True) is not None:
            return None
        citations = []
        cited = self._cited
        for item in table.get("citations", ()):
            citation = plain_citation(item, cited)
            if citation is None:
                return None
            citations.append(citation)
        get, names = table.get, self._names
        actors, places, tags = get("actors"), get("places"), get("tags")
        return Event._checked(
            table["id"],
            title,
            when,
            get("kind", ""),
            () if actors is None else _names(actors, names),
            () if places is None else _names(places, names),
            () if tags is None else _names(tags, names),
            get("summary", ""),
            tuple(citations),
            (),
            (),
            (),
            None,
            (),
            None,
            Tense.PAST,
            widening,
            _NO_EXTRA_FROZEN,
        )

    def _duplicates_among_unreadable(self, unreadable: set[int]) -> None:
        """Report an id taken twice where either event has other problems (the readable pairs are reported already).

        Every problem is found in one run: a second ``id = "a"`` whose date is a number is a duplicate too.
        """
        first: dict[str, _Record] = {}
        for record in self.events:
            event_id = record.table.get("id")
            if not isinstance(event_id, str):
                continue
            earlier = first.setdefault(event_id, record)
            if earlier is not record and (id(record) in unreadable or id(earlier) in unreadable):
                self._duplicate(record, earlier)
