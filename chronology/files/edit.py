"""Changing an event file: add, change and remove events and sources, and save.

Edits go through :mod:`tomlkit`, which keeps comments, key order, formatting
and unknown (``extra``) keys. Saving checks the new text as a whole before
writing anything, then writes it atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import AoT, Table

from chronology.dates import DateValue, Interval, UncertainDate
from chronology.errors import EventFileError, Problem
from chronology.events import Claim, Event, Source
from chronology.files._atomic import write_atomic
from chronology.files.load import load_text
from chronology.files.schema import EVENT_KEYS
from chronology.relative import Tense
from chronology.timeline import Timeline

__all__ = ["EventFile", "event_table", "source_table"]


class EventFile:
    """One event file, open for changes.

    Use :meth:`open`, change it with :meth:`add`, :meth:`update`,
    :meth:`remove` and :meth:`add_source`, then :meth:`save` (or use it as a
    context manager, which saves on a clean exit). Nothing is written until
    the whole result has been checked.
    """

    def __init__(self, path: str | os.PathLike[str], text: str) -> None:
        self.path = Path(path)
        self._original = text
        try:
            self._document = tomlkit.parse(text)
        except tomlkit.exceptions.ParseError as error:
            raise EventFileError(
                [Problem(f"TOML syntax: {error}", path=str(path), line=error.line, column=error.col)]
            ) from None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> EventFile:
        """Read ``path`` for editing.

        Raises:
            EventFileError: the file cannot be read or is not TOML.

        """
        try:
            with open(path, encoding="utf-8", newline="") as stream:
                text = stream.read()
        except (OSError, UnicodeDecodeError) as error:
            raise EventFileError([Problem(f"cannot read the file: {error}", path=str(path))]) from None
        return cls(path, text)

    def __enter__(self) -> EventFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.save()

    # -- reading ----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The file's text with the changes made so far."""
        return tomlkit.dumps(self._document)

    @property
    def changed(self) -> bool:
        """Whether the text differs from what was read or last saved."""
        return self.text != self._original

    def ids(self) -> list[str]:
        """The ids of the events written in this file (not those it includes), in order."""
        return [str(table.get("id")) for table in self._events()]

    def timeline(self) -> Timeline:
        """The chronology as it would be after saving: checked, with its includes.

        Raises:
            EventFileError: every problem the changed file would have.

        """
        return load_text(self.path, self.text)

    # -- changing ---------------------------------------------------------------------------------

    def add(self, event: Event) -> None:
        """Append ``event`` as a new ``[[events]]`` table.

        Raises:
            EventFileError: an event with this id is already in the file.

        """
        if event.id in self.ids():
            raise EventFileError([Problem(f"an event {event.id!r} is already in the file", path=str(self.path))])
        events = self._document.get("events")
        table = event_table(event)
        if not self.text.endswith("\n\n"):
            table.trivia.indent = "\n"  # a blank line before the new [[events]], as people write them
        if events is None:
            self._document.append("events", tomlkit.aot())
            events = self._document["events"]
        events.append(table)

    def add_source(self, source: Source) -> None:
        """Append ``source`` as a new ``[[sources]]`` table."""
        existing = [str(t.get("id")) for t in self._document.get("sources", [])]
        if source.id in existing:
            raise EventFileError([Problem(f"a source {source.id!r} is already in the file", path=str(self.path))])
        table = source_table(source)
        if not self.text.endswith("\n\n"):
            table.trivia.indent = "\n"
        if "sources" not in self._document:
            self._document.append("sources", tomlkit.aot())
        self._document["sources"].append(table)

    def update(self, event_id: str, **changes: Any) -> None:
        """Change keys of one event; a value of ``None`` removes the key.

        Values are written as the file would hold them: text, lists of text,
        date values (written as their original wording or EDTF).

        Raises:
            EventFileError: no such event in this file, or an unknown key.

        """
        table = self._event(event_id)
        for key, value in changes.items():
            if key not in EVENT_KEYS or key in ("citations", "claims"):
                raise EventFileError(
                    [Problem(f"cannot set {key!r}; keys that can be set: {', '.join(_SETTABLE)}", event=event_id)]
                )
            if value is None:
                if key in table:
                    del table[key]
                continue
            table[key] = _toml_value(value)

    def remove(self, event_id: str) -> None:
        """Remove one event's table, with the comments written inside it.

        Raises:
            EventFileError: no such event in this file.

        """
        events = self._document["events"]
        for index, table in enumerate(events):
            if table.get("id") == event_id:
                del events[index]
                return
        raise self._missing(event_id)

    def save(self) -> Timeline:
        """Check the changed file and, if sound, write it atomically.

        Returns:
            The chronology as saved.

        Raises:
            EventFileError: the changed file has problems; nothing was written.

        """
        text = self.text
        timeline = load_text(self.path, text)
        if text != self._original:
            write_atomic(self.path, text)
            self._original = text
        return timeline

    # -- helpers ----------------------------------------------------------------------------------

    def _events(self) -> Iterator[Table]:
        events = self._document.get("events")
        if isinstance(events, AoT | list):
            yield from events

    def _event(self, event_id: str) -> Table:
        for table in self._events():
            if table.get("id") == event_id:
                return table
        raise self._missing(event_id)

    def _missing(self, event_id: str) -> EventFileError:
        from chronology.consistency import suggest

        return EventFileError(
            [Problem(f"no event {event_id!r} in this file{suggest(event_id, self.ids())}", path=str(self.path))]
        )


_SETTABLE = [key for key in EVENT_KEYS if key not in ("id", "citations", "claims")]


def _date_text(value: DateValue, anchored: bool) -> str:
    """How a date is written: its wording when it was read against a kept anchor, else EDTF."""
    if anchored and value.text:
        return value.text
    if isinstance(value, UncertainDate | Interval) and value.text and _reads_back(value):
        return value.text
    return value.to_edtf()


def _reads_back(value: DateValue) -> bool:
    from chronology.errors import ChronologyError
    from chronology.notation import parse

    try:
        return parse(value.text) == value
    except ChronologyError:
        return False


def _toml_value(value: Any) -> Any:
    if isinstance(value, UncertainDate | Interval):
        return _date_text(value, anchored=False)
    if isinstance(value, Tense):
        return value.value
    if isinstance(value, tuple | list):
        array = tomlkit.array()
        array.extend(value)
        return array
    return value


def event_table(event: Event) -> Table:
    """``event`` as a TOML table in the documented key order, defaults left out."""
    table = tomlkit.table()
    table["id"] = event.id
    table["title"] = event.title
    table["when"] = _date_text(event.when, anchored=event.anchor is not None)
    if event.anchor is not None:
        table["anchor"] = event.anchor
    if event.tense is not Tense.PAST:
        table["tense"] = event.tense.value
    for key in ("kind", "actors", "places", "tags", "summary", "after", "before", "part_of", "reports"):
        value = getattr(event, key)
        if value:
            table[key] = _toml_value(value)
    if event.citations:
        citations = tomlkit.aot()
        for citation in event.citations:
            item = tomlkit.table()
            item["source"] = citation.source
            if citation.quote:
                item["quote"] = citation.quote
            citations.append(item)
        table["citations"] = citations
    if event.claims:
        claims = tomlkit.aot()
        for claim in event.claims:
            claims.append(_claim_table(claim))
        table["claims"] = claims
    if event.extra:
        extra = tomlkit.table()
        for key, value in event.extra.items():
            extra[key] = value
        table["extra"] = extra
    return table


def _claim_table(claim: Claim) -> Table:
    item = tomlkit.table()
    item["subject"] = claim.subject
    item["value"] = claim.value.text or claim.value.label
    for key in ("unit", "claimant", "source"):
        value = getattr(claim, key)
        if value:
            item[key] = value
    if claim.said is not None:
        item["said"] = _date_text(claim.said, anchored=claim.anchor is not None)
    if claim.anchor is not None:
        item["anchor"] = claim.anchor
    if claim.quote:
        item["quote"] = claim.quote
    return item


def source_table(source: Source) -> Table:
    """``source`` as a TOML table in the documented key order, defaults left out."""
    table = tomlkit.table()
    table["id"] = source.id
    for key in ("outlet", "title", "authors"):
        value = getattr(source, key)
        if value:
            table[key] = _toml_value(value)
    if source.published is not None:
        table["published"] = _date_text(source.published, anchored=False)
    for key in ("url", "note"):
        value = getattr(source, key)
        if value:
            table[key] = value
    return table
