"""The checks of every table of an event file: known keys, shapes, required keys, ids and control characters.

Part of the loader's reader (:mod:`chronology.files.load`). :func:`_sound` passes a sound
table in one go, without a message built; ``_Checks._checked_table`` is the full check,
which says what is wrong, where, and what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from chronology.consistency import suggest
from chronology.errors import _shorten
from chronology.events import ID_PATTERN
from chronology.files._state import KeyPath, _File, _ReaderState, _Record
from chronology.files.schema import CITATION_KEYS, CLAIM_KEYS, EVENT_KEYS, REQUIRED, SHAPES, SOURCE_KEYS, describe, fits

#: Control characters (C0, DEL, C1) but tab, in a text of one line; and but tab and line ends, in one that spans lines.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_IN_LINES: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
#: ... and in a title or a locator, but the line breaks (str.splitlines'), which their own rules name.
_CONTROL_IN_TITLE: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_MULTI_LINE: Final = frozenset({"summary", "note", "quote"})
#: The texts of one line whose line breaks have a message of their own (``_title_fault``, ``_locator_problem``).
_ONE_LINE: Final = frozenset({"title", "locator"})
#: The texts of events, sources, citations and claims that are read as prose (and printed as such).
_PROSE: Final = frozenset(
    {"kind", "actors", "places", "tags", "subject", "unit", "claimant", "outlet", "authors", "url"}
    | _MULTI_LINE
    | _ONE_LINE
)
_TEXT_SHAPES: Final = frozenset(shape for shape in SHAPES if fits("", shape))  # text, date, figure
_ID_MATCH: Final = ID_PATTERN.fullmatch
_IDS_MATCH: Final = re.compile(f"(?:{ID_PATTERN.pattern}\n)*").fullmatch  # ids, each ended by a line break
_ID_RULE: Final = "use letters, digits, '-', '_' and '.', starting with a letter or digit"


def _all_ids(texts: list[str]) -> bool:
    """Whether every text is an id (:data:`~chronology.events.ID_PATTERN`), in one match over them all.

    False says only that one may not be: each is then matched by itself.
    """
    if not texts:
        return True
    joined = "\n".join(texts) + "\n"
    return joined.count("\n") == len(texts) and _IDS_MATCH(joined) is not None  # no id holds the line break


def _sound(table: Mapping[str, Any], known: Mapping[str, str], required: Mapping[str, None]) -> bool:
    """Whether a table passes every check of ``_Reader._checked_table`` at once (it then reports nothing).

    Keys known and required ones present, each value of its key's shape, and every text read as prose
    printable, in one pass over the table. False says only that the full check must run: a text with
    a tab or a line break is not printable but may be allowed, and the full check says so.
    """
    keys = table.keys()
    if not (keys <= known.keys() and required.keys() <= keys):
        return False
    codes = _CODES_OF.get(id(known))
    if codes is None:
        codes = _codes(known)
    for key, value in table.items():
        code = codes[key]
        if value.__class__ is str:  # most values: text fits the shapes that take text, and only those
            if code == _TAKES_TEXT or (code == _PROSE_TEXT and value.isprintable()):
                continue
            return False
        if value.__class__ is list:  # fits only an array of tables or of text
            if code == _TABLES:
                for item in value:
                    if item.__class__ is not dict:
                        return False
                continue
            if code != _TEXTS and code != _PROSE_TEXTS:
                return False
            for text in value:  # links, names
                if text.__class__ is not str:
                    return False
            if code == _PROSE_TEXTS and not "".join(value).isprintable():
                return False
        elif not fits(value, known[key]):
            return False
    return True


# How _sound checks a key: text (or a date or a figure, which may be text) with nothing more to check; text
# read as prose; an array of text; an array of text read as prose; an array of tables; any other shape.
_TAKES_TEXT, _PROSE_TEXT, _TEXTS, _PROSE_TEXTS, _TABLES, _OTHER = range(6)


def _codes(known: Mapping[str, str]) -> dict[str, int]:
    prose = dict(_prose_keys(known))
    return {
        key: _PROSE_TEXT
        if prose.get(key) == "text"
        else _PROSE_TEXTS
        if prose.get(key) == "texts"
        else _TAKES_TEXT
        if shape in _TEXT_SHAPES
        else _TEXTS
        if shape == "texts"
        else _TABLES
        if shape == "tables"
        else _OTHER
        for key, shape in known.items()
    }


def _prose_keys(known: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The keys of a table read as prose (text, or arrays of text) and their shapes: checked for control characters."""
    return tuple((key, shape) for key, shape in known.items() if key in _PROSE and shape in ("text", "texts"))


_PROSE_OF: Final = {id(known): _prose_keys(known) for known in (EVENT_KEYS, SOURCE_KEYS, CITATION_KEYS, CLAIM_KEYS)}
_CODES_OF: Final = {id(known): _codes(known) for known in (EVENT_KEYS, SOURCE_KEYS, CITATION_KEYS, CLAIM_KEYS)}


class _Checks(_ReaderState):
    """Checking a table's keys, shapes, ids and texts, each problem placed at its key."""

    def _shape(
        self, file: _File, where: KeyPath, value: object, shape: str, *, record: _Record | None = None, field: str
    ) -> bool:
        ok = fits(value, shape)
        if not ok:
            self.problem(file, where, f"expected {SHAPES[shape]}, got {describe(value)}", record=record, field=field)
        return ok

    def _unknown_keys(
        self,
        file: _File,
        where: KeyPath,
        table: Mapping[str, Any],
        known: Mapping[str, str],
        place: str,
        record: _Record | None = None,
        prefix: str = "",
    ) -> None:
        for key in table:
            if key not in known:
                hint = suggest(key, known) or f"; known keys: {', '.join(known)}"
                extra = " (put your own keys under [events.extra])" if place == "in an event" else ""
                message = f"unknown key {_shorten(key)!r} {place}{hint}{extra}"
                self.problem(file, (*where, key), message, record=record, field=prefix + key, at_key=True)

    def _checked_table(
        self,
        record: _Record,
        where: KeyPath,
        table: Mapping[str, Any],
        known: Mapping[str, str],
        what: str,
        prefix: str,
    ) -> bool:
        """Unknown keys, shapes and required keys of one table; True when it can be read further.

        The full check, every problem said (the reader passes a sound table by :func:`_sound` first).
        """
        self._unknown_keys(
            record.file, where, table, known, f"in {'an' if what[0] in 'aeiou' else 'a'} {what}", record, prefix
        )
        sound = True
        for key, value in table.items():
            if key in known and not self._shape(
                record.file, (*where, key), value, known[key], record=record, field=prefix + key
            ):
                sound = False
        for key in REQUIRED[what]:
            if key not in table:
                self.problem(record.file, where, f"missing required key {key!r}", record=record, field=prefix + key)
                sound = False
        return self._no_control_characters(record, where, table, known, prefix) and sound

    def _no_control_characters(
        self, record: _Record, where: KeyPath, table: Mapping[str, Any], known: Mapping[str, str], prefix: str
    ) -> bool:
        """Refuse control characters (ESC, BEL, NUL...) in texts: a title could retitle or clear a terminal.

        Tab is allowed anywhere, and line breaks (LF, or CR LF) in the texts that may span lines.
        """
        sound = True
        prose = _PROSE_OF.get(id(known))
        if prose is None:
            prose = _prose_keys(known)
        for key, shape in prose:  # ids, links and dates have checks of their own
            value = table.get(key)
            if value is None:
                continue
            if shape == "text":
                if value.__class__ is str and value.isprintable():
                    continue  # the common case, in C
                texts: Iterable[object] = (value,)
            elif not isinstance(value, list):
                continue  # the wrong shape: reported as such
            else:
                texts = value
            for text in texts:
                if not isinstance(text, str) or text.isprintable():
                    continue  # the common case, in C
                lines = key in _MULTI_LINE
                # a title's and a locator's line breaks have a message of their own (_event's)
                found = (_CONTROL_IN_LINES if lines else _CONTROL_IN_TITLE if key in _ONE_LINE else _CONTROL).search(
                    text
                )
                if found is None:
                    continue
                allowed = "tab and line breaks are" if lines else "tab is"
                self.problem(
                    record.file,
                    (*where, key),
                    f"control character U+{ord(found[0]):04X} at character {found.start() + 1} of {_shorten(text)!r}: "
                    f"only {allowed} allowed in {key!r}" + ("" if lines else " (a text of one line)"),
                    record=record,
                    field=prefix + key,
                )
                sound = False
                break
        return sound

    def _id(self, record: _Record) -> bool:
        value = record.table["id"]
        if ID_PATTERN.fullmatch(value) is None:
            self.problem(
                record.file,
                (*record.where, "id"),
                f"{_shorten(value)!r} is not a valid id: {_ID_RULE}",
                record=record,
                field="id",
            )
            return False
        return True

    def _duplicate(self, record: _Record, first: _Record) -> None:
        spot = first.file.spot((*first.where, "id"))
        at = f"{first.file.name}:{spot.line}" if spot is not None else first.file.name
        self.problem(
            record.file,
            (*record.where, "id"),
            f"duplicate {record.kind} id {_shorten(record.table['id'])!r} (first defined at {at})",
            record=record,
            field="id",
        )

    def _field_problem(self, record: _Record, field: str, message: str) -> None:
        """A problem with one top-level key of an event, placed at that key."""
        self.problem(record.file, (*record.where, field), message, record=record, field=field)
