"""One rule for an event's title, kept alike by the event, the columnar reader and the event file.

A title is one line (none of the characters :meth:`str.splitlines` breaks at) and not blank space
alone; "" is no title, which an event made in Python may have and an event file's may not (its
title is a required key). Each path says what was wrong, where, and what to do, in the same words.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import chronology
from chronology import Event, EventFileError, InvalidEventError, Timeline
from chronology.files.load import load_text

BROKEN = "runs over more than one line"
BLANK = "is empty"
ADVICE = "give one line saying what happened (more goes in 'summary')"

#: (title, what every path says of it: None when accepted)
TITLES = [
    ("Scholz calls Putin", None),
    ("Fine\ttoo", None),
    (" \u00a0Title\u00a0 ", None),
    ("Ärger im Bundestag", None),
    ("\u00a0Über", None),
    ("a\nb", BROKEN),
    ("a\r\nb", BROKEN),
    ("a\rb", BROKEN),
    ("ends with a break\r\n", BROKEN),
    ("\nstarts with a break", BROKEN),
    ("vertical\x0btab", BROKEN),
    ("form\x0cfeed", BROKEN),
    ("file\x1cseparator", BROKEN),
    ("group\x1dseparator", BROKEN),
    ("record\x1eseparator", BROKEN),
    ("next\x85line", BROKEN),
    ("line\u2028separator", BROKEN),
    ("paragraph\u2029separator", BROKEN),
    (" ", BLANK),
    ("   ", BLANK),
    ("\t", BLANK),
    ("\u00a0", BLANK),
    ("\u3000", BLANK),
    ("\n", BLANK),
    (" \r\n ", BLANK),
    ("\u2028", BLANK),
]


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every character not printable escaped as TOML writes it."""
    escaped = "".join(
        c if c.isprintable() and c not in '"\\' else "\\" + c if c in '"\\' else f"\\u{ord(c):04X}" for c in text
    )
    return f'"{escaped}"'


def _by_event(title: str) -> str | None:
    try:
        Event(id="x", title=title, when=chronology.parse("2024-10-18"))
    except InvalidEventError as error:
        message = str(error)
        assert message.startswith("event 'x', field 'title': the title ")
        assert (f"({title!r}): {ADVICE}" in message) == (BROKEN in message)  # shown unless blank
        assert message.endswith(ADVICE)
        return _fault(message)
    return None


def _by_columns(title: str) -> str | None:
    try:
        Timeline.from_columns(["w", "x"], ["2024-10-18"] * 2, ["2024-10-18"] * 2, titles=["Fine", title])
    except InvalidEventError as error:
        message = str(error)
        assert message.startswith("titles, row 1 (id 'x'): the title ")
        assert (f"({title!r}): {ADVICE}" in message) == (BROKEN in message)
        assert ADVICE in message
        return _fault(message)
    return None


def _file(title: str) -> str:
    """An event file of two events, the second (``x``) titled ``title`` on line 8."""
    return (
        '[[events]]\nid = "w"\ntitle = "Fine"\nwhen = "2024-10-17"\n\n'
        f'[[events]]\nid = "x"\ntitle = {_toml_string(title)}\nwhen = "2024-10-18"\n'
    )


def _by_file(title: str, where: Path) -> str | None:
    try:
        timeline = load_text(where, _file(title))
    except EventFileError as error:
        refused = error
    else:
        assert timeline["x"].title == title  # accepted as it was written
        return None
    message = str(refused)
    assert f"{where}:8:9: event 'x', field 'title': the title " in message  # the file, line and column
    assert len(refused.problems) == 1, message  # one problem, said once (not a control character too)
    assert message.endswith(ADVICE)
    return _fault(message)


def _fault(message: str) -> str:
    found = re.search(f"the title ({BROKEN}|{BLANK})", message)
    assert found is not None, message
    return found[1]


@pytest.mark.parametrize(("title", "verdict"), TITLES, ids=[repr(title) for title, _ in TITLES])
def test_the_event_the_columns_and_the_event_file_accept_and_refuse_a_title_alike(
    title: str, verdict: str | None, tmp_path: Path
) -> None:
    said = {
        "Event": _by_event(title),
        "Timeline.from_columns": _by_columns(title),
        "event file": _by_file(title, tmp_path / "events.toml"),
    }
    assert said == dict.fromkeys(said, verdict)


def test_no_title_is_an_events_own_but_an_event_file_needs_one(tmp_path: Path) -> None:
    assert _by_event("") is None
    assert _by_columns("") is None
    assert Timeline.from_columns(["x"], ["2024"], ["2024"]).events[0].title == ""  # no titles given: none
    assert _by_file("", tmp_path / "events.toml") == BLANK


def test_every_character_str_splitlines_breaks_at_and_only_those_break_a_title() -> None:
    breaks = [chr(code) for code in range(sys.maxunicode + 1) if len(f"a{chr(code)}b".splitlines()) > 1]
    assert len(breaks) == 10  # LF, VT, FF, CR, FS, GS, RS, NEL, U+2028, U+2029, as Python documents them
    when = chronology.parse("2024")
    refused = []
    for code in range(0x10000):  # every line break is in the first plane
        try:
            Event(id="x", title=f"a{chr(code)}b", when=when)
        except InvalidEventError:
            refused.append(chr(code))
    assert refused == breaks


def test_the_columns_screen_misses_no_title_it_should_refuse_among_many() -> None:
    titles = ["Fine"] * 20_000
    for row, (title, verdict) in enumerate(TITLES):
        if verdict is not None:
            titles[1000 + 37 * row] = title  # spread over the screen's chunks
    bad = [1000 + 37 * row for row, (_, verdict) in enumerate(TITLES) if verdict is not None]
    ids = [f"e{row}" for row in range(len(titles))]
    with pytest.raises(InvalidEventError, match=rf"^titles, row {bad[0]} \(id 'e{bad[0]}'\)"):
        Timeline.from_columns(ids, ["2024"] * len(ids), ["2024"] * len(ids), titles=titles)
    titles[bad[0]] = "Fine"
    with pytest.raises(InvalidEventError, match=rf"^titles, row {bad[1]} \(id 'e{bad[1]}'\)"):
        Timeline.from_columns(ids, ["2024"] * len(ids), ["2024"] * len(ids), titles=titles)


def test_a_control_character_in_a_title_is_still_named_as_such_by_the_event_file(tmp_path: Path) -> None:
    with pytest.raises(EventFileError) as refused:
        load_text(tmp_path / "events.toml", _file("Evil \x1b]0;pwned\x07 title"))
    assert "control character U+001B at character 6" in str(refused.value)
    assert BROKEN not in str(refused.value)
