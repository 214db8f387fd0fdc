"""Changing an event file: add, change and remove events and sources, and save.

Edits go through :mod:`tomlkit`, which keeps comments, key order, formatting
and unknown (``extra``) keys. Every table stays where it is written, with the
comments above it; a new one goes after the last of its kind. Saving checks
the new text as a whole before writing anything, then writes it atomically,
under the file's lock, and only if the file on disk is still what was read.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import tomlkit
import tomlkit.exceptions
from tomlkit.items import AoT, Array, Comment, InlineTable, Item, Key, Null, Table, Whitespace

from chronology.dates import DateValue, Interval, UncertainDate
from chronology.errors import EventFileError, FileChangedError, FileWriteError, Problem, WrongTypeError, _shorten
from chronology.events import Claim, Event, Source
from chronology.files._atomic import remove_leftovers, write_atomic
from chronology.files._lock import DEFAULT_TIMEOUT, FileLock, shown_path
from chronology.files.load import load_text, read_regular, year_zero_at, year_zero_message
from chronology.files.schema import EVENT_KEYS, lone_surrogates, not_in_toml
from chronology.relative import Tense
from chronology.timeline import Timeline

if TYPE_CHECKING:
    from chronology.notation import Calendar

__all__ = ["EventFile", "event_table", "source_table"]

_Written = TypeVar("_Written", Event, Source)


class EventFile:
    """One event file, open for changes.

    Use :meth:`open`, change it with :meth:`add`, :meth:`update`,
    :meth:`remove` and :meth:`add_source`, then :meth:`save` (or use it as a
    context manager, which saves on a clean exit). Nothing is written until
    the whole result has been checked.

    Saving never loses another writer's change: it refuses (with
    :class:`~chronology.errors.FileChangedError`) when the file on disk is no
    longer the text that was read. Opened with ``lock=True``, the file stays
    locked against every other writer that locks (other ``EventFile`` objects,
    in any process, and ``chronology add``) until :meth:`close` or the end of
    the ``with`` block, so that read, change and save are one step for them.

    Adding costs the same for the thousandth event as for the first: the
    text is rendered when it is asked for (:attr:`text`, :meth:`timeline`,
    :meth:`save`), not at each change.

    Args:
        path: the event file (it need not exist yet).
        text: its content, as read (or as a new file starts).
        allow_outside: let the file's ``include`` reach files outside its
            folder when it is checked (:meth:`timeline`, :meth:`save`), as
            :func:`~chronology.load`'s ``allow_outside`` does.

    """

    def __init__(self, path: str | os.PathLike[str], text: str, *, allow_outside: bool = False) -> None:
        self.path = Path(path)
        self.allow_outside = allow_outside
        self._target = Path(os.path.realpath(path))  # written through a symbolic link, not over it
        self._original = text  # what the file holds on disk, as far as this object knows
        self._read_from_disk = False  # whether the file must still exist when saving
        self._lock: FileLock | None = None
        self._timeout = DEFAULT_TIMEOUT
        # Kept up to date by each change, so that adding does not render the whole text each time:
        self._text: str | None = None  # the rendered text, None until asked for after a change
        self._blank_end: bool | None = None  # whether the text ends with a blank line; None: not known
        self._known: dict[str, set[str]] = {}  # "events"/"sources" -> the ids of its tables, once asked
        # The top-level items in the order written, when tomlkit would write them in another (see _written_order);
        # None when tomlkit writes the file back as it was written. _last: the item written last, once asked.
        self._order: list[Item] | None = None
        self._last: Item | None = None
        first = text.find("\n")
        self._newline = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"  # new lines end as the first does
        self._bom = _BOM if text.startswith(_BOM) else ""  # kept, before a text tomlkit can read
        try:
            self._load(text[len(self._bom) :])
        except tomlkit.exceptions.ParseError as error:
            message = _TOMLKIT_POSITION.sub("", str(error))
            message = year_zero_message() if year_zero_at(text, error.line) else f"TOML syntax: {message}"
            raise EventFileError([Problem(message, path=shown_path(path), line=error.line, column=error.col)]) from None
        except (tomlkit.exceptions.TOMLKitError, RecursionError) as error:
            raise EventFileError([Problem(f"TOML syntax: {error}", path=shown_path(path))]) from None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        lock: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        allow_outside: bool = False,
    ) -> EventFile:
        """Read ``path`` for editing.

        Args:
            path: the event file.
            lock: take the file's lock before reading it and hold it until
                :meth:`close` (or the end of the ``with`` block), so that no
                other locking writer changes the file in between.
            timeout: seconds to wait for the lock (and, when saving, for a
                lock this object does not hold) before giving up.
            allow_outside: let the file's ``include`` reach files outside its
                folder (``--allow-outside`` on the command line).

        Raises:
            NotRegularFileError: ``path`` is a named pipe, a device or a socket
                (an ``EventFileError``); it is not opened.
            EventFileError: the file cannot be read or is not TOML.
            FileLockError: another writer held the lock longer than ``timeout``.

        """
        if not isinstance(path, str | os.PathLike):
            raise WrongTypeError(f"an event file is named by a path (text or os.PathLike), not {type(path).__name__}")
        held = FileLock(os.path.realpath(path), timeout=timeout) if lock else None
        if held is not None:
            held.acquire()
        try:
            file = cls(path, _read(path), allow_outside=allow_outside)
        except BaseException:
            if held is not None:
                held.release()
            raise
        file._read_from_disk = True
        file._lock = held
        file._timeout = timeout
        return file

    def close(self) -> None:
        """Let go of the lock taken by ``open(..., lock=True)``; saving afterwards locks only while writing."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> EventFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self.save()
        finally:
            self.close()

    # -- reading ----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The file's text with the changes made so far."""
        if self._text is None:
            self._text = self._bom + self._render()
        return self._text

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
        return load_text(self.path, self.text, allow_outside=self.allow_outside)

    # -- changing ---------------------------------------------------------------------------------

    def add(self, event: Event) -> None:
        """Add ``event`` as a new ``[[events]]`` table, after the last one (or at the end of the file).

        Every other table stays where it is written, with the comments above
        it, also when ``[[sources]]`` and ``[[events]]`` tables alternate.

        Raises:
            EventFileError: an event with this id is already in the file, a
                value of the event cannot be written in TOML (``None`` in
                ``extra``, text holding a lone surrogate), or the file's
                ``events`` is not an array of tables; nothing was added.

        """
        self.add_many((event,))

    def add_many(self, events: Iterable[Event]) -> None:
        """Append ``events``, in order, each as a new ``[[events]]`` table: the same text as :meth:`add` for each.

        Every event is checked before any is added: when one is refused, none is.

        Raises:
            EventFileError: as :meth:`add` does, for the first event refused.

        """
        known = self._ids("events")
        given = list(events)
        calendar = self._calendar()  # a date's wording is kept where it reads back so in the file's calendar
        new: set[str] = set()
        tables = []
        for event in given:
            if event.id in known or event.id in new:
                where = "already in the file" if event.id in known else "given twice"
                raise EventFileError([Problem(f"an event {event.id!r} is {where}", path=shown_path(self.path))])
            new.add(event.id)
            tables.append(self._writable(functools.partial(event_table, calendar=calendar), event, "event"))
        self._tables("events")  # refused before anything is added when it is not an array of tables
        for table in tables:
            self._append("events", table)
        known.update(new)

    def add_source(self, source: Source) -> None:
        """Add ``source`` as a new ``[[sources]]`` table, after the last one (or at the end of the file).

        Raises:
            EventFileError: a source with this id is already in the file, a
                value of it cannot be written in TOML (text holding a lone
                surrogate), or the file's ``sources`` is not an array of tables.

        """
        self._tables("sources")  # refused before anything is added when it is not an array of tables
        known = self._ids("sources")
        if source.id in known:
            raise EventFileError(
                [Problem(f"a source {source.id!r} is already in the file", path=shown_path(self.path))]
            )
        table = self._writable(functools.partial(source_table, calendar=self._calendar()), source, "source")
        self._append("sources", table)
        known.add(source.id)

    def update(self, event_id: str, **changes: Any) -> None:
        """Change keys of one event; a value of ``None`` removes the key.

        Values are written as the file would hold them: text, lists of text,
        date values (written as their original wording or EDTF).

        Raises:
            EventFileError: no such event in this file, or an unknown key.

        """
        table = self._event(event_id)
        # tomlkit ends the lines it writes with "\n": they are given the file's line break when no line of the
        # table ends otherwise (a file of mixed line breaks is left as tomlkit writes it)
        crlf = isinstance(table, Table) and self._newline != "\n"
        crlf = crlf and not _BARE_LF.search(table.trivia.indent + table.trivia.trail + table.as_string())
        try:
            self._update(event_id, table, changes)
        finally:
            if crlf and isinstance(table, Table):
                _use_newline(table, self._newline)

    def _update(self, event_id: str, table: Table | InlineTable, changes: dict[str, Any]) -> None:
        for key, value in changes.items():
            if key not in _SETTABLE:
                raise EventFileError(
                    [Problem(f"cannot set {key!r}; keys that can be set: {', '.join(_SETTABLE)}", event=event_id)]
                )
            self._changed()
            if value is None:
                if key in table:
                    del table[key]
                continue
            calendar = self._calendar()
            plain = _toml_value(value, calendar) if isinstance(value, UncertainDate | Interval | Tense) else value
            problems = [
                Problem(message, path=shown_path(self.path), event=event_id, field=field)
                for _, field, message in itertools.chain(not_in_toml(plain, (), key), lone_surrogates(plain, (), key))
            ]
            if problems:
                raise EventFileError(problems)
            try:
                table[key] = _toml_value(value, calendar)
            except tomlkit.exceptions.TOMLKitError as error:
                raise EventFileError(
                    [
                        Problem(
                            f"cannot write {_shorten(repr(value))} in TOML: {error}",
                            path=shown_path(self.path),
                            event=event_id,
                            field=key,
                        )
                    ]
                ) from None

    def remove(self, event_id: str) -> None:
        """Remove one event's table, with the comments written inside it and the blank line before it.

        The lines that close the table from its first blank line on (a
        banner such as ``# ---- sources ----``, introducing what comes next)
        are kept where they are: they go to the table before it, or, for the
        first table of the array, to what the file holds before the array.
        A comment right under the table's last key goes with the table.
        Adding an event and removing it again gives back the file as it was.
        From ``events = [{...}, ...]`` the event's inline table is removed.

        Raises:
            EventFileError: no such event in this file.

        """
        events = self._document.get("events")
        if isinstance(events, AoT | Array):
            for index, table in enumerate(events):
                if isinstance(table, Table | InlineTable) and table.get("id") == event_id:
                    if isinstance(events, AoT):
                        self._remove_table("events", events, index)
                    else:
                        del events[index]  # "events = []" when it was the last: as written
                    self._changed()
                    return
        raise self._missing(event_id)

    def _remove_table(self, key: str, tables: AoT, index: int) -> None:
        """Remove ``tables[index]``, keeping the lines that close it from its first blank line (see :meth:`remove`)."""
        table = tables[index]
        closing = _pop_closing_lines(table)
        body = self._document.body
        # the body whose last lines are written right above the table's header: None when they are the document's
        before: _Body | None = None
        above_at: int | None = None  # where in the document's body the item right above the table is, if it is there
        if self._order is None:
            place = next((at for at, (_, item) in enumerate(body) if item is tables), None)
            if index:
                before = _closing_body(tables[index - 1])
            elif place:
                above, item = body[place - 1]
                above_at = place - 1
                if above is not None and not above.is_dotted():
                    before = _closing_body(item)  # a table, or an array of tables: None for a key
        else:  # the item written right above the table, which may be of another kind
            units = self._units()
            at = next(at for at, (_, item, _) in enumerate(units) if item is table)
            if at:
                above, item, element = units[at - 1]
                if element or (above is not None and not above.is_dotted()):
                    before = _closing_body(item)
                if not element:
                    above_at = next(at for at, (_, found) in enumerate(body) if found is item)
        if "\n" not in table.trivia.indent:  # the blank line above the table (if any) goes with it
            if before:
                _drop_blank_line(before, len(before) - 1)
                if before[-1][0] is None and isinstance(before[-1][1], Whitespace) and not before[-1][1].s:
                    before.pop()
            elif before is None and above_at is not None:
                _drop_blank_line(body, above_at)  # in place: the document's keys are mapped to their index
        if before is None and closing:
            # The first of the array, after the document's own keys and comments (or nothing): tomlkit adds
            # lines only at the end of a body, so the lines are written where the table began, and read again.
            table.trivia.indent = _MARK + table.trivia.indent  # no TOML text holds a NUL
            at = self._render().index(_MARK)
            lines = "".join(item.as_string() for _, item in closing)
            self._delete(key, tables, index)
            text = self._render()
            if not text[:at].strip():
                lines = _BLANK_LINES.sub("", lines)  # the file does not start with a blank line
            self._load(text[:at] + lines + text[at:])
        else:
            self._delete(key, tables, index)
            if before is not None:
                before.extend(closing)

    def _delete(self, key: str, tables: AoT, index: int) -> None:
        del tables[index]
        if not tables:
            del self._document[key]  # not "events = []"

    def save(self) -> Timeline:
        """Check the changed file and, if sound, write it atomically.

        Under the file's lock, temporary files that a writer of this file
        killed before its rename left next to it are removed first.

        Returns:
            The chronology as saved.

        Raises:
            EventFileError: the changed file has problems; nothing was written.
            FileChangedError: the file on disk is no longer the text that was
                read (another program or process changed it); nothing was written.
            FileLockError: another writer held the file's lock for longer than the timeout.
            NotRegularFileError: the path names a named pipe, a device or a socket
                now; nothing was written (a regular file is never put in its place).
            FileWriteError: writing failed (disk full, no permission, a read-only
                file: its mode is named); the file is as it was.

        """
        text = self.text
        timeline = load_text(self.path, text, allow_outside=self.allow_outside)
        if text != self._original:
            held = self._lock is not None and self._lock.held
            with contextlib.nullcontext() if held else FileLock(self._target, timeout=self._timeout):
                self._check_unchanged()
                remove_leftovers(self._target)  # under the lock: a writer that left them died before its rename
                try:
                    write_atomic(self._target, text)
                except OSError as error:
                    reason = error.strerror or str(error)
                    raise FileWriteError(
                        [Problem(f"cannot write the file: {reason}; it is left as it was", path=shown_path(self.path))]
                    ) from error
            self._original = text
            self._read_from_disk = True
        return timeline

    # -- helpers ----------------------------------------------------------------------------------

    def _calendar(self) -> Calendar:
        """The calendar this file reads its dates in words in: its ``[reading] calendar``, else Gregorian."""
        reading = self._document.get("reading")
        calendar = reading.get("calendar") if isinstance(reading, dict) else None
        return "julian" if calendar == "julian" else "gregorian"

    def _changed(self) -> None:
        """Forget what was known of the text after a change whose effect on it is not followed."""
        self._text = None
        self._blank_end = None
        self._last = None
        self._known.clear()

    def _load(self, text: str) -> None:
        """Read ``text`` (a byte-order mark taken off) as the document to change, and learn its layout.

        tomlkit gathers the tables of an array (``[[sources]]``) where its first
        one is written, so a ``[[sources]]`` written below the events would move
        up to the others, away from the comment above it. When tomlkit would
        write the text otherwise than it is, the order in which its top-level
        items are written is kept (see ``_written_order``), and the text is
        written in that order.

        Raises:
            tomlkit.exceptions.TOMLKitError: ``text`` is not TOML.

        """
        self._document = tomlkit.parse(text)
        self._order = self._last = None
        rendered = tomlkit.dumps(self._document)
        if rendered == text:
            self._text = self._bom + rendered  # what the text property would render: it is not rendered again
        else:
            self._order = _written_order(self._document, text)
            self._text = None

    def _render(self) -> str:
        """The document's text (without a byte-order mark), its top-level items in the order they are written."""
        if self._order is None:
            return tomlkit.dumps(self._document)
        return _rendered(self._document, self._units())

    def _units(self) -> list[_Unit]:
        """The document's top-level items in the order written (only when tomlkit's order is not that one)."""
        assert self._order is not None
        units = _in_order(self._document, self._order)
        self._order = [item for _, item, _ in units]
        self._last = units[-1][1] if units else None
        return units

    def _written_last(self) -> Item | None:
        """The top-level item written last in the text (only when tomlkit's order is not the text's)."""
        if self._last is None:
            self._units()
        return self._last

    def _ids(self, key: str) -> set[str]:
        """The ids of the ``[[key]]`` tables, kept up to date by :meth:`add_many` and :meth:`add_source`."""
        known = self._known.get(key)
        if known is None:
            tables = self._events() if key == "events" else iter(self._tables(key) or ())
            known = self._known[key] = {str(table.get("id")) for table in tables}
        return known

    def _ends_with_blank_line(self) -> bool:
        """Whether the text ends with a blank line; a text whose last line has no line break is given one first."""
        if self._blank_end is None:
            text = self.text
            if text and not text.endswith("\n"):  # so that what is added starts on a line of its own
                with contextlib.suppress(tomlkit.exceptions.TOMLKitError):
                    self._load(text[len(self._bom) :] + self._newline)
                    text = self._text = text + self._newline
            self._blank_end = text.endswith(_BLANK_ENDS)
        return self._blank_end

    def _append(self, key: str, table: Table) -> None:
        """Append ``table`` to the ``[[key]]`` tables (made when there are none), after a blank line.

        The caller has checked that ``key`` holds an array of tables, or
        nothing. What is known of the text is kept: whether it ends with a
        blank line depends only on the new table when it is the last thing in
        the file, and not at all on it when something else comes after.
        """
        if key in self._document and self._tables(key) is None:  # "events = []": the tables take its place
            del self._document[key]
            self._text = self._blank_end = self._last = None
        no_blank_line = not self._ends_with_blank_line()  # which may parse the text again: look the tables up after
        tables = self._tables(key)
        if no_blank_line:
            table.trivia.indent = "\n"  # a blank line before the new table, as people write them
        _use_newline(table, self._newline)  # the file's line break, not tomlkit's "\n"
        # a new table goes right after the last of its kind (or at the end), where the text is left as it was
        if tables is None:
            self._document.append(key, tomlkit.aot())
            tables = self._document[key]
            last = True
        elif self._order is None:
            last = any(item is tables for _, item in self._document.body[-1:])
        else:  # tables of this kind written apart: what matters is whether the last of them ends the file
            last = not len(tables) or tables[-1] is self._written_last()
        if not last and len(tables):
            _take_closing_lines(tables[-1], table)  # lines kept as written, line breaks and all
        tables.append(table)
        table.trivia.indent = _BARE_LF.sub(self._newline, table.trivia.indent)  # as moving and appending set it
        self._text = None
        if last:
            self._blank_end = table.as_string().endswith(_BLANK_ENDS)  # the text now ends as the table does
            self._last = table
        elif not any(item is tables for _, item in self._document.body):
            self._blank_end = None  # a layout not followed here: look again

    def _writable(self, render: Callable[[_Written], Table], record: _Written, kind: str) -> Table:
        """``record`` as a table, or every value of it a TOML file cannot hold, named by its field.

        Raises:
            EventFileError: naming the record, and the field, of each value that cannot be written.

        """
        extra: object = getattr(record, "extra", None) or {}
        problems = list(not_in_toml(extra, ("extra",), "extra"))  # what tomlkit would fail to convert
        if not problems:
            try:
                table = render(record)
            except tomlkit.exceptions.TOMLKitError as error:
                problems = [((), "", f"cannot be written in TOML: {error}")]
            else:
                problems = list(lone_surrogates(table.unwrap(), (), ""))
                if not problems:
                    return table
        raise EventFileError(
            [
                Problem(message, path=shown_path(self.path), event=record.id, field=field or None, record=kind)
                for _, field, message in problems
            ]
        )

    def _check_unchanged(self) -> None:
        """Refuse to write when the file on disk is not what this object read (or last wrote)."""
        try:
            current: str | None = _read(self._target)
        except EventFileError as error:
            if not isinstance(error.__cause__, FileNotFoundError):
                raise
            current = None
        if current == self._original:
            return
        if current is None and not self._read_from_disk:
            return  # a new file
        happened = "was removed" if current is None else "changed on disk"
        raise FileChangedError(
            [
                Problem(
                    f"the file {happened} after it was read (another program or process wrote it); nothing was "
                    "written, so that change is kept: open the file again and redo this one",
                    path=shown_path(self.path),
                )
            ]
        )

    def _tables(self, key: str) -> AoT | None:
        """The file's ``[[key]]`` tables, or None when it has none.

        Raises:
            EventFileError: ``key`` holds something else (a string, an inline array).

        """
        found = self._document.get(key)
        if found is None or isinstance(found, AoT):
            return found
        if isinstance(found, list) and not found:
            return None
        raise EventFileError(
            [
                Problem(
                    f"'{key}' is not an array of tables ([[{key}]]); cannot change it here",
                    path=shown_path(self.path),
                    field=key,
                )
            ]
        )

    def _events(self) -> Iterator[Table | InlineTable]:
        """The event tables: ``[[events]]`` ones, or the inline tables of ``events = [{...}, ...]``."""
        events = self._document.get("events")
        if isinstance(events, AoT):
            yield from events
        elif isinstance(events, list):
            yield from (table for table in events if isinstance(table, Table | InlineTable))

    def _event(self, event_id: str) -> Table | InlineTable:
        for table in self._events():
            if table.get("id") == event_id:
                return table
        raise self._missing(event_id)

    def _missing(self, event_id: str) -> EventFileError:
        from chronology.consistency import suggest

        return EventFileError(
            [Problem(f"no event {event_id!r} in this file{suggest(event_id, self.ids())}", path=shown_path(self.path))]
        )


_SETTABLE = [key for key in EVENT_KEYS if key not in ("citations", "claims")]  # "id" renames (checked on save)
_TOMLKIT_POSITION = re.compile(r" at line \d+ col \d+$")
_BLANK_ENDS = ("\n\n", "\n\r\n")  # how a text ending with a blank line ends
_MARK = "\x00"  # marks a place in a rendered text: no TOML text holds it
_BOM = "\ufeff"  # a byte-order mark, which some editors write at the start of UTF-8 files


def _read(path: str | os.PathLike[str]) -> str:
    """The text of an event file, as it is on disk (line endings kept).

    Raises:
        NotRegularFileError: it is a named pipe, a device or a socket (it is not opened).
        EventFileError: it cannot be read, or is not UTF-8 text; a missing file's error has the
            ``FileNotFoundError`` as its ``__cause__``.

    """
    try:
        data = read_regular(path)
    except OSError as error:
        raise EventFileError(
            [Problem(f"cannot read the file: {error.strerror or error}", path=shown_path(path))]
        ) from error
    if b"\x00" in data[:8192]:
        raise EventFileError([Problem("is a binary file, not an event file (TOML text)", path=shown_path(path))])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EventFileError(
            [
                Problem(
                    f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})", path=shown_path(path)
                )
            ]
        ) from None


def _date_text(value: DateValue, anchored: bool, calendar: Calendar = "gregorian") -> str:
    """How a date is written: its wording when it was read against a kept anchor, or reads back to it, else EDTF.

    ``calendar``: the calendar the file reads dates in words in (``"julian"``: Old Style, converted on reading).
    """
    if anchored and value.text:
        return value.text
    if isinstance(value, UncertainDate | Interval) and value.text and _reads_back(value, calendar):
        return value.text
    return value.to_edtf()


def _reads_back(value: DateValue, calendar: Calendar = "gregorian") -> bool:
    from chronology.errors import ChronologyError
    from chronology.notation import parse

    try:
        return parse(value.text, calendar=calendar) == value
    except ChronologyError:
        return False


def _toml_value(value: Any, calendar: Calendar = "gregorian") -> Any:
    if isinstance(value, UncertainDate | Interval):
        return _date_text(value, anchored=False, calendar=calendar)
    if isinstance(value, Tense):
        return value.value
    if isinstance(value, tuple | list):
        array = tomlkit.array()
        array.extend(value)
        return array
    return value


def event_table(event: Event, *, calendar: Calendar = "gregorian") -> Table:
    """``event`` as a TOML table in the documented key order, defaults left out.

    ``calendar``: the calendar of the file it is written in (its ``[reading] calendar``): a date is written
    as worded where its wording reads back to it in that calendar, else in EDTF.
    """
    table = tomlkit.table()
    table["id"] = event.id
    table["title"] = event.title
    table["when"] = _date_text(event.when, anchored=event.anchor is not None, calendar=calendar)
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
            if citation.locator:
                item["locator"] = citation.locator
            if citation.when is not None:  # the date as the source words it, read again from its publication
                item["when"] = citation.when.text
            citations.append(item)
        table["citations"] = citations
    if event.claims:
        claims = tomlkit.aot()
        for claim in event.claims:
            claims.append(_claim_table(claim, calendar))
        table["claims"] = claims
    if event.extra:
        table["extra"] = _filled(tomlkit.table(), event.extra.items())
    return table


def _filled(table: Table, items: Iterable[tuple[str, Any]]) -> Table:
    """``table`` given each key and value of ``items``, as ``table[key] = value`` in turn would, in linear time.

    tomlkit puts each plain value before the table's first sub-table, which it
    finds by scanning the table from its start, key after key: quadratic in the
    keys (a spreadsheet row of 10,000 columns took 199 s to import). Here the
    plain values are set first, with tomlkit told that it is reading (so that it
    appends each without that scan), then the sub-tables and arrays of tables,
    in their order, each filled the same way. The text is the same.
    """
    from tomlkit.container import Container
    from tomlkit.items import Trivia

    plain: list[tuple[str, Any]] = []
    later: list[tuple[str, Any]] = []
    table_first = False  # whether the first key holds a table
    for key, value in items:
        holds_table = isinstance(value, dict) or _tables_in_array(value)
        table_first = table_first or (holds_table and not plain)
        (later if holds_table else plain).append((key, value))
    with _reading(table):
        for key, value in plain:
            table[key] = value
    for index, (key, value) in enumerate(later):
        written: Table | AoT
        if isinstance(value, dict):
            written = _filled(tomlkit.table(), value.items())
        else:
            written = tomlkit.aot()
            for element in value:  # each as tomlkit makes it: an element of an array, keys holding a table last
                ordered = sorted(element.items(), key=lambda item: isinstance(item[1], dict))
                written.append(_filled(Table(Container(), Trivia(), True), ordered))
        if index == 0 and table_first and plain:
            # tomlkit sets it in a table still empty, then moves it down a line as plain values go in before it
            if isinstance(written, Table):
                written.invalidate_display_name()
            with _reading(table):
                table[key] = written
            if "\n" not in written.trivia.indent:
                written.trivia.indent = "\n" + written.trivia.indent
        else:
            table[key] = written
    return table


@contextlib.contextmanager
def _reading(table: Table) -> Iterator[None]:
    """Let tomlkit append to ``table`` as it does while reading a file: each value at the end, nothing scanned."""
    table.value.parsing(True)
    try:
        yield
    finally:
        table.value.parsing(False)


def _tables_in_array(value: object) -> bool:
    """Whether tomlkit writes ``value`` as an array of tables (``[[...]]``): a list of tables only."""
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(element, dict) for element in value)


def _claim_table(claim: Claim, calendar: Calendar = "gregorian") -> Table:
    item = tomlkit.table()
    item["subject"] = claim.subject
    item["value"] = _figure(claim.value.text or claim.value.label)
    for key in ("unit", "claimant", "source"):
        value = getattr(claim, key)
        if value:
            item[key] = value
    if claim.said is not None:
        item["said"] = _date_text(claim.said, anchored=claim.anchor is not None, calendar=calendar)
    if claim.anchor is not None:
        item["anchor"] = claim.anchor
    if claim.quote:
        item["quote"] = claim.quote
    return item


def _figure(text: str) -> str | int | float:
    """A claimed figure as TOML writes it: a number when the text is that number as written, else the text.

    ``120`` and ``-2.5`` go back as numbers (the form a person types, and what a CSV or JSON round trip
    read); "1,000", "about 120" and "0120" stay text, which reads back to the same figure.
    """
    if _PLAIN_NUMBER.fullmatch(text):
        number: int | float = float(text) if "." in text else int(text)
        if str(number) == text and abs(number) < 2**63:
            return number
    return text


_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,18}(\.[0-9]{1,15})?")


def source_table(source: Source, *, calendar: Calendar = "gregorian") -> Table:
    """``source`` as a TOML table in the documented key order, defaults left out.

    ``calendar``: the calendar of the file it is written in, as for :func:`event_table`.
    """
    table = tomlkit.table()
    table["id"] = source.id
    for key in ("outlet", "title", "authors"):
        value = getattr(source, key)
        if value:
            table[key] = _toml_value(value)
    if source.published is not None:
        table["published"] = _date_text(source.published, anchored=False, calendar=calendar)
    for key in ("url", "note", "published_after", "published_before"):
        value = getattr(source, key)
        if value:
            table[key] = _toml_value(value)
    return table


_Body = list[tuple[Key | None, Item]]
#: A top-level item as it is written: its key (None for a comment or a blank line), the item, and whether it is
#: one table of an array of tables (``[[sources]]``), which tomlkit keeps in the array, not in the document's body.
_Unit = tuple[Key | None, Item, bool]


def _units_grouped(document: tomlkit.TOMLDocument) -> list[_Unit]:
    """The document's top-level items as tomlkit writes them: each array's tables together, where its first is."""
    units: list[_Unit] = []
    for key, item in document.body:
        if isinstance(item, AoT) and key is not None:
            units.extend((key, table, True) for table in item)
        elif not isinstance(item, Null):
            units.append((key, item, False))
    return units


def _unit_text(document: tomlkit.TOMLDocument, unit: _Unit) -> str:
    """One top-level item's text, as tomlkit writes it in the document (a table with its header)."""
    key, item, element = unit
    if key is None:
        return item.as_string()
    if element:
        assert isinstance(item, Table)
        return document._render_aot_table(item, prefix=key.as_string())
    if isinstance(item, Table):
        return document._render_table(key, item)
    return document._render_simple_item(key, item)


def _rendered(document: tomlkit.TOMLDocument, units: list[_Unit]) -> str:
    """The document's text with its top-level items in the order of ``units`` (as tomlkit writes them, otherwise)."""
    parts: list[str] = []
    ends_line = True  # whether the text so far is empty or ends its last line (spaces aside)
    for unit in units:
        key, item, element = unit
        text = _unit_text(document, unit)
        header = key is not None and (element or isinstance(item, Table))
        if header and not ends_line and "\n" not in item.trivia.indent:
            parts.append("\n")  # a header starts a line of its own, as tomlkit makes sure
        parts.append(text)
        if text.strip(" "):
            ends_line = text.rstrip(" ").endswith("\n")
    return "".join(parts)


def _in_order(document: tomlkit.TOMLDocument, order: list[Item]) -> list[_Unit]:
    """The document's top-level items in the order written, ``order`` being that order before the latest changes.

    What was removed since is left out. A table added to an array goes right
    after the table before it in the array, the first of a new array at the
    end, and any other new item after the item tomlkit writes before it.
    """
    placed = {id(item) for item in order}
    after: dict[int | None, list[_Unit]] = {}  # id of an item placed before (None: at the start) -> what follows it
    at_end: list[_Unit] = []
    anchor: dict[int, int | None] = {}  # id of a new item -> id of the item placed before that it follows
    previous: _Unit | None = None
    grouped = _units_grouped(document)
    for unit in grouped:
        key, item, element = unit
        if id(item) not in placed:
            same_array = previous is not None and element and previous[2] and previous[0] == key
            if previous is None or (element and not same_array):
                follows = at_end if element else after.setdefault(None, [])
                anchor[id(item)] = -1 if element else None
            else:
                before = id(previous[1])
                where = anchor.get(before, before)
                follows = at_end if where == -1 else after.setdefault(where, [])
                anchor[id(item)] = where
            follows.append(unit)
        previous = unit
    current = {id(unit[1]): unit for unit in grouped}
    units = list(after.get(None, ()))
    for item in order:
        kept = current.get(id(item))
        if kept is not None:
            units.append(kept)
            units.extend(after.get(id(item), ()))
    units.extend(at_end)
    return units


def _written_order(document: tomlkit.TOMLDocument, text: str) -> list[Item] | None:
    """The document's top-level items (each table of an array apart) in the order ``text`` writes them.

    tomlkit keeps the items of the document's body in the order written, but
    puts every ``[[key]]`` table in the array of the first, so that it writes
    a ``[[sources]]`` written below the events with the sources above them.
    The order written is found by matching, along ``text``, the next item of
    the body or the next table of an array already begun; it is None when
    ``text`` cannot be matched so (a layout not followed here: tomlkit's order
    is used).
    """
    if any(isinstance(item, AoT) and not len(item) for _, item in document.body):
        return None  # an empty array, which tomlkit writes with no header of its own: not followed here
    # each item of the body, as the items it writes: one, or each table of an array, with their texts
    entries: list[list[tuple[Item, str]]] = []
    for key, item in document.body:
        if isinstance(item, AoT) and key is not None:
            entries.append([(table, _unit_text(document, (key, table, True))) for table in item])
        elif not isinstance(item, Null):
            entries.append([(item, _unit_text(document, (key, item, False)))])
    order: list[Item] = []
    begun: list[collections.deque[tuple[Item, str]]] = []  # the tables still to place of each array begun
    position = next_entry = 0
    while next_entry < len(entries) or begun:
        candidates = [(index, rest[0][1]) for index, rest in enumerate(begun)]
        if next_entry < len(entries):
            candidates.append((-1, entries[next_entry][0][1]))  # -1: the next item of the body
        matching = [(len(written), index) for index, written in candidates if text.startswith(written, position)]
        if not matching:
            return None
        length, index = max(matching)  # two can match only when one text starts the other: the longer is whole
        if index == -1:
            begun.append(collections.deque(entries[next_entry]))
            next_entry += 1
        rest = begun[index]
        order.append(rest.popleft()[0])
        if not rest:
            del begun[index]
        position += length
    return order if position == len(text) else None


_BARE_LF = re.compile(r"(?<!\r)\n")
_BLANK_LINES = re.compile(r"\A(?:[ \t]*\r?\n)+")


def _closing_body(item: Item) -> _Body | None:
    """The body that holds the lines closing ``item`` (a table, or an array of tables): None for another item.

    tomlkit keeps the lines after a table's last key with the innermost table written last in it: a
    sub-table (``[events.extra]``) or the last of an array of them (``[[events.citations]]``).
    """
    if isinstance(item, AoT):
        if not len(item):
            return None
        item = item[-1]
    if not isinstance(item, Table):
        return None
    body = item.value.body
    while body:
        key, last = body[-1]
        if isinstance(last, AoT) and len(last):
            body = last[-1].value.body
        elif isinstance(last, Table) and key is not None and not key.is_dotted():
            body = last.value.body
        else:
            break
    return body


def _pop_closing_lines(table: Table) -> _Body:
    """Take from ``table`` the lines that close it, from its first blank line on, and give them back.

    The comments right under its last key (before any blank line) are about the table and stay with it;
    what follows a blank line ("# ---- events ----") introduces what comes next in the file.
    """
    body = _closing_body(table)
    if body is None:
        return []
    end = len(body)
    while end and body[end - 1][0] is None and isinstance(body[end - 1][1], Comment | Whitespace):
        end -= 1
    for start in range(end, len(body)):
        item = body[start][1]
        if isinstance(item, Whitespace) and "\n" in item.s:  # on a line of its own: each item ends its line
            closing = body[start:]
            del body[start:]
            return closing
    return []


def _drop_blank_line(body: _Body, index: int) -> None:
    """Take one blank line out of ``body[index]``, when it is whitespace holding one (a blank line, the rest kept)."""
    key, item = body[index]
    if key is None and isinstance(item, Whitespace) and "\n" in item.s:
        body[index] = (None, Whitespace(item.s[item.s.index("\n") + 1 :]))


def _take_closing_lines(last: Table, new: Table) -> None:
    """Move the lines that close ``last`` from its first blank line on to the end of ``new``, which will follow it.

    tomlkit keeps the lines after a table's last key with that table, so a banner introducing what comes
    next in the file ("# ---- events ----") belongs to the last ``[[sources]]``; a new source appended
    after it would land under the banner. Moved, the banner stays right before what it introduces, and
    a comment right under ``last``'s last key stays with it. ``new`` is written after a blank line either
    way (which also starts it on a line of its own).
    """
    new.trivia.indent = "\n"
    new.value.body.extend(_pop_closing_lines(last))


def _use_newline(table: Table, newline: str) -> None:
    """Write every line break of ``table`` (of its header, keys, comments and sub-tables) as ``newline``."""
    if newline == "\n":
        return
    table.trivia.indent = _BARE_LF.sub(newline, table.trivia.indent)
    table.trivia.trail = _BARE_LF.sub(newline, table.trivia.trail)
    body = table.value.body
    for index, (key, item) in enumerate(body):
        if isinstance(item, Whitespace):
            body[index] = (key, Whitespace(_BARE_LF.sub(newline, item.s), fixed=item.is_fixed()))
        elif isinstance(item, Table):
            _use_newline(item, newline)
        elif isinstance(item, AoT):
            for inner in item:
                _use_newline(inner, newline)
        else:
            item.trivia.indent = _BARE_LF.sub(newline, item.trivia.indent)
            item.trivia.trail = _BARE_LF.sub(newline, item.trivia.trail)
