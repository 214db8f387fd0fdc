"""Changing event files: nothing lost, nothing half-written, nothing invalid saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
import pytest
import tomlkit

import chronology
from chronology import Citation, Claim, Event, EventFile, EventFileError, Quantity, Source, UncertainDate
from chronology.files.edit import _take_closing_lines, _use_newline, event_table, source_table

REPORT_DAY = UncertainDate.parse("2024-11-17")

ORIGINAL = """\
# A hand-kept chronology.  Comments, spacing and order must survive.
title = "Demo"

[[sources]]
id    = "report"          # aligned, on purpose
published = "2024-10-18"

[[events]]
# the statement
id = "statement"
title = "Statement"
when = "October 18"
anchor = "report"
reports = [ "transfers" ]

  [events.extra]
  colour = "red"   # a user's own key
  nested = { a = 1, b = [true, false] }

[[events]]
id = "transfers"
title = "Transfers"
when = "the second week of October"
anchor = "statement"
"""

EVENT_E = '[[events]]\nid = "e"\ntitle = "E"\nwhen = "2024"\n'


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "events.toml"
    target.write_text(ORIGINAL, encoding="utf-8")
    return target


def test_adding_an_event_leaves_every_other_byte_unchanged(path: Path) -> None:
    file = EventFile.open(path)
    file.add(
        Event(
            id="g20-summit",
            title="G20 summit in Rio",
            when=chronology.parse("2024-11-18/2024-11-19"),
            kind="diplomacy",
            tags=["g20"],
            tense=chronology.Tense.FUTURE,  # the report of 18 October announces it
            citations=[Citation(source="report", quote="A sentence.")],
        )
    )
    file.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(ORIGINAL)
    added = text[len(ORIGINAL) :]
    assert 'id = "g20-summit"' in added
    assert 'when = "2024-11-18/2024-11-19"' in added
    assert "[[events.citations]]" in added
    timeline = chronology.load(path)
    assert [event.id for event in timeline] == ["statement", "transfers", "g20-summit"]
    assert dict(timeline["statement"].extra) == {"colour": "red", "nested": {"a": 1, "b": [True, False]}}


def test_a_relative_event_is_written_as_worded_with_its_anchor(path: Path) -> None:
    with EventFile.open(path) as file:
        when = chronology.parse("two days after", anchor=chronology.parse("2024-10-18"))
        file.add(Event(id="later", title="Later", when=when, anchor="statement"))
    text = path.read_text(encoding="utf-8")
    assert 'when = "two days after"\nanchor = "statement"' in text
    assert chronology.load(path)["later"].when.earliest == pendulum.Date(2024, 10, 20)


def test_update_and_remove_keep_the_rest(path: Path) -> None:
    file = EventFile.open(path)
    file.update("transfers", kind="deployment", tags=["troops", "ships"])
    file.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(ORIGINAL)  # keys are appended to the event's table, at its end
    assert text.endswith('kind = "deployment"\ntags = ["troops", "ships"]\n')
    file.update("transfers", kind=None, tags=None)
    file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_removing_an_event_that_others_need_is_refused_and_nothing_is_written(path: Path) -> None:
    file = EventFile.open(path)
    file.remove("statement")
    with pytest.raises(EventFileError, match=r"event 'transfers', field 'anchor': unknown event or source 'statement'"):
        file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_an_invalid_addition_is_refused_before_writing(path: Path) -> None:
    file = EventFile.open(path)
    file.add(Event(id="odd", title="After its report", when=chronology.parse("2024-10-25"), before=["statement"]))
    with pytest.raises(EventFileError, match="links contradict the dates"):
        file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_a_duplicate_id_is_refused_at_once(path: Path) -> None:
    file = EventFile.open(path)
    with pytest.raises(EventFileError, match="'statement' is already in the file"):
        file.add(Event(id="statement", title="Again", when=chronology.parse("2024")))


def test_an_unknown_event_to_change_is_named_with_a_suggestion(path: Path) -> None:
    file = EventFile.open(path)
    with pytest.raises(EventFileError, match="no event 'transfer' in this file; did you mean 'transfers'"):
        file.update("transfer", kind="x")


def test_a_failed_write_leaves_the_original_intact(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    file = EventFile.open(path)
    file.update("transfers", kind="deployment")

    def broken_replace(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in path.parent.iterdir()) == ["events.toml"]  # no temporary file left


def test_windows_line_endings_survive_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    original = ORIGINAL.replace("\n", "\r\n")
    path.write_bytes(original.encode())
    with EventFile.open(path) as file:
        file.update("transfers", kind="deployment")
    data = path.read_bytes().decode()
    assert data.startswith(original)


@pytest.mark.parametrize(
    "start",
    [
        pytest.param(ORIGINAL, id="hand-kept"),
        pytest.param('[[sources]]\nid = "report"\n\n# ---- events ----\n' + EVENT_E, id="a-banner"),
        pytest.param('title = "T"\n[[events]]\nid = "x"\ntitle = "X"\nwhen = "2024"', id="no-final-newline"),
        pytest.param(ORIGINAL + "\n", id="ending-in-a-blank-line"),
    ],
)
def test_what_is_added_to_a_file_of_windows_line_endings_ends_its_lines_as_the_file_does(
    start: str, tmp_path: Path
) -> None:
    def edit(text: str) -> str:
        file = EventFile(tmp_path / "events.toml", text)
        file.add_many(_events(3))
        file.add_source(Source(id="new-source", outlet="Outlet"))
        file.update(file.ids()[0], kind="meeting", tags=["a"])
        file.remove(file.ids()[-2])
        return file.text

    edited = edit(start.replace("\n", "\r\n"))
    assert edited == edit(start).replace("\n", "\r\n")  # the same text, with Windows line endings
    assert "\n" not in edited.replace("\r\n", "")


def test_a_file_of_mixed_line_endings_keeps_each_line_s_ending_when_an_event_is_changed() -> None:
    start = ORIGINAL.replace("\n", "\r\n", 1)  # the first line ends with CRLF, the others with LF
    file = EventFile("events.toml", start)
    file.update("transfers", kind="deployment")
    # as tomlkit writes it, no line of the event touched
    assert file.text == start + 'kind = "deployment"\n'


# -- adding many events -----------------------------------------------------------------------------


def _events(count: int, start: int = 0) -> list[Event]:
    """Events of every shape a table is written in: plain, cited with claims, with nested extra keys."""
    events = []
    for index in range(start, start + count):
        shape = index % 3
        events.append(
            Event(
                id=f"e{index}",
                title=f"Event {index}",
                when=chronology.parse("2024-10-18" if shape else "[2024-10-28..2024-10-31]"),
                tags=["a", "b"] if shape == 1 else [],
                citations=[Citation(source="report", quote="A sentence.")] if shape == 2 else [],
                claims=[Claim(subject="troops", value=Quantity.parse("up to 1,500"), source="report")]
                if shape == 2
                else [],
                extra={"score": index, "nested": {"list": [1, 2]}} if shape == 0 else {},
            )
        )
    return events


def _added_by_rendering_each_time(text: str, steps: list[Event | Source]) -> str:
    """What adding writes when it renders the whole file before each table: the bytes to keep."""
    newline = "\r\n" if "\n" in text and text.index("\n") > 0 and text[text.index("\n") - 1] == "\r" else "\n"
    if text and not text.endswith("\n"):
        text += newline  # a last line is ended before adding after it
    document = tomlkit.parse(text)
    for step in steps:
        key, table = ("events", event_table(step)) if isinstance(step, Event) else ("sources", source_table(step))
        if not tomlkit.dumps(document).endswith(("\n\n", "\n\r\n")):
            table.trivia.indent = "\n"
        if document.get(key) is None:
            document.append(key, tomlkit.aot())
        elif document.body[-1][1] is not document[key]:  # in the middle: the lines closing the last table move
            _take_closing_lines(document[key][-1], table)
        document[key].append(table)
        _use_newline(table, newline)
    return tomlkit.dumps(document)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        pytest.param(
            '[[sources]]\nid = "a"\n\n# ---- events ----\n# In order.\n\n' + EVENT_E,
            '[[sources]]\nid = "a"\n\n[[sources]]\nid = "b"\n\n# ---- events ----\n# In order.\n\n' + EVENT_E,
            id="a-banner-after-a-blank-line-moves",
        ),
        pytest.param(
            '[[sources]]\nid = "a"\n# about a\n' + EVENT_E,
            '[[sources]]\nid = "a"\n# about a\n\n[[sources]]\nid = "b"\n' + EVENT_E,
            id="a-comment-under-the-last-key-stays",
        ),
        pytest.param(
            '[[sources]]\nid = "a"\n# about a\n\n# ---- events ----\n' + EVENT_E,
            '[[sources]]\nid = "a"\n# about a\n\n[[sources]]\nid = "b"\n\n# ---- events ----\n' + EVENT_E,
            id="both",
        ),
        pytest.param(
            '[[sources]]\nid = "a"\n' + EVENT_E,
            '[[sources]]\nid = "a"\n\n[[sources]]\nid = "b"\n' + EVENT_E,
            id="nothing-to-move",
        ),
        pytest.param(
            '[[sources]]\nid = "a"\n[sources.extra]\nx = 1\n# about extra\n\n\n# ---- events ----\n' + EVENT_E,
            '[[sources]]\nid = "a"\n[sources.extra]\nx = 1\n# about extra\n\n[[sources]]\nid = "b"\n\n\n'
            "# ---- events ----\n" + EVENT_E,
            id="closing-a-sub-table",
        ),
    ],
)
def test_a_source_added_before_the_events_goes_above_the_banner_that_introduces_them(start: str, expected: str) -> None:
    edited = EventFile("events.toml", start)
    edited.add_source(Source(id="b"))
    assert edited.text == expected
    assert EventFile("events.toml", expected).text == expected  # well-formed: read back as written


STARTS = [
    pytest.param("", id="empty"),
    pytest.param('# Imported by `chronology import`.\n\ntitle = "T"\n', id="new-import"),
    pytest.param(ORIGINAL, id="hand-kept"),
    pytest.param(ORIGINAL + "\n", id="ending-in-a-blank-line"),
    pytest.param(ORIGINAL + "# the end\n", id="ending-in-a-comment"),
    pytest.param(ORIGINAL.replace("\n", "\r\n"), id="windows-line-endings"),
    pytest.param('title = "T"', id="no-final-newline"),
    # New events go in the middle of this file (test_roundtrip_files also adds and removes one there).
    pytest.param('[[events]]\nid = "x"\ntitle = "X"\nwhen = "2024"\n\n[[sources]]\nid = "s"\n', id="events-first"),
    pytest.param(
        '[[events]]\nid = "x"\ntitle = "X"\nwhen = "2024"\n# about x\n[[sources]]\nid = "s"\n', id="no-blank-line"
    ),
]


@pytest.mark.parametrize("start", STARTS)
def test_adding_one_by_one_or_all_at_once_writes_the_bytes_adding_always_wrote(start: str) -> None:
    first, second = _events(5), _events(3, start=5)
    steps: list[Event | Source] = [Source(id="new-source"), *first, Source(id="later-source"), *second]
    expected = _added_by_rendering_each_time(start, steps)
    one_by_one = EventFile("events.toml", start)
    together = EventFile("events.toml", start)
    for step in steps:
        if isinstance(step, Event):
            one_by_one.add(step)
        else:
            one_by_one.add_source(step)
    together.add_source(Source(id="new-source"))
    together.add_many(first)
    together.add_source(Source(id="later-source"))
    together.add_many(second)
    assert one_by_one.text == expected
    assert together.text == expected


def test_adding_many_events_renders_the_file_a_constant_number_of_times(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders = 0
    render = tomlkit.TOMLDocument.as_string

    def counted(document: tomlkit.TOMLDocument) -> str:
        nonlocal renders
        renders += 1
        return render(document)

    monkeypatch.setattr(tomlkit.TOMLDocument, "as_string", counted)
    counts = {}
    for count in (10, 400):
        renders = 0
        path = path.with_name(f"events-{count}.toml")
        path.write_text(ORIGINAL, encoding="utf-8")
        file = EventFile.open(path)
        for event in _events(count):
            file.add(event)
        for index in range(count):
            file.add_source(Source(id=f"s{index}"))
        counts[count] = renders
        file.save()
        counts[-count] = renders
    # one render, for the first add, whatever the number of events; saving renders once more
    assert counts == {10: 1, 400: 1, -10: 2, -400: 2}
    assert len(chronology.load(path)) == 2 + 400


def test_add_many_adds_none_when_one_is_refused(path: Path) -> None:
    file = EventFile.open(path)
    good = Event(id="fine", title="Fine", when=chronology.parse("2024"))
    with pytest.raises(EventFileError, match="an event 'fine' is given twice"):
        file.add_many([good, good])
    with pytest.raises(EventFileError, match="an event 'statement' is already in the file"):
        file.add_many([good, Event(id="statement", title="Again", when=chronology.parse("2024"))])
    bad = Event(id="bad", title="Bad", when=chronology.parse("2024"), extra={"x": None})
    with pytest.raises(EventFileError, match=r"field 'extra\.x': is null"):
        file.add_many([good, bad])
    assert not file.changed
    assert file.ids() == ["statement", "transfers"]
    file.add_many([good])
    assert file.ids() == ["statement", "transfers", "fine"]


def test_ids_stay_known_across_changes(path: Path) -> None:
    file = EventFile.open(path)
    file.add(Event(id="new", title="New", when=chronology.parse("2024")))
    file.remove("new")
    file.add(Event(id="new", title="New again", when=chronology.parse("2024")))  # removed: may be added again
    file.update("new", id="renamed")
    file.add(Event(id="new", title="Third", when=chronology.parse("2024")))
    with pytest.raises(EventFileError, match="'renamed' is already in the file"):
        file.add(Event(id="renamed", title="Twice", when=chronology.parse("2024")))
    assert file.ids() == ["statement", "transfers", "renamed", "new"]


def test_an_empty_inline_array_of_events_makes_way_for_the_first_added(tmp_path: Path) -> None:
    file = EventFile(tmp_path / "events.toml", "events = []\n")
    file.add(Event(id="a", title="A", when=chronology.parse("2024")))
    assert file.text == '\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n'  # as added to an empty file
    assert [event.id for event in file.save()] == ["a"]


# -- removing ---------------------------------------------------------------------------------------

EVENTS_FIRST = (
    '[[events]]\nid = "e1"\ntitle = "E1"\nwhen = "2024"\n# about e1\n\n# ---- sources ----\n[[sources]]\nid = "s"\n'
)


@pytest.mark.parametrize(
    ("start", "added"),
    [
        pytest.param(
            EVENTS_FIRST,
            '[[events]]\nid = "e1"\ntitle = "E1"\nwhen = "2024"\n# about e1\n\n'
            '[[events]]\nid = "e2"\ntitle = "E2"\nwhen = "2024"\n\n# ---- sources ----\n[[sources]]\nid = "s"\n',
            id="a-comment-under-e1",
        ),
        pytest.param(
            EVENTS_FIRST.replace("# about e1\n", ""),
            '[[events]]\nid = "e1"\ntitle = "E1"\nwhen = "2024"\n\n'
            '[[events]]\nid = "e2"\ntitle = "E2"\nwhen = "2024"\n\n# ---- sources ----\n[[sources]]\nid = "s"\n',
            id="no-comment",
        ),
        pytest.param(
            EVENTS_FIRST.replace("\n# ---- sources ----\n", ""),
            '[[events]]\nid = "e1"\ntitle = "E1"\nwhen = "2024"\n# about e1\n\n'
            '[[events]]\nid = "e2"\ntitle = "E2"\nwhen = "2024"\n[[sources]]\nid = "s"\n',
            id="no-blank-line",
        ),
    ],
)
def test_adding_then_removing_an_event_before_the_sources_gives_the_file_back(
    start: str, added: str, tmp_path: Path
) -> None:
    file = EventFile("events.toml", start)
    file.add(Event(id="e2", title="E2", when=chronology.parse("2024")))
    assert file.text == added
    file.remove("e2")
    assert file.text == start
    path = tmp_path / "events.toml"  # saved and read again: the lines are now held as tomlkit reads them
    path.write_bytes(start.encode())
    with EventFile.open(path) as file:
        file.add(Event(id="e2", title="E2", when=chronology.parse("2024")))
    assert path.read_bytes() == added.encode()
    with EventFile.open(path) as file:
        file.remove("e2")
    assert path.read_bytes() == start.encode()


THREE = (
    '# top\ntitle = "T"\n\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n# about a\n\n# ---- b ----\n'
    '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\n[[events.citations]]\nsource = "s"\n# about the citation\n\n'
    '# ---- c ----\n[[events]]\nid = "c"\ntitle = "C"\nwhen = "2024"\n\n# ---- sources ----\n[[sources]]\nid = "s"\n'
)


@pytest.mark.parametrize(
    ("start", "removed", "expected"),
    [
        pytest.param(
            THREE,
            ["b"],
            THREE.replace(
                '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\n[[events.citations]]\nsource = "s"\n'
                "# about the citation\n\n",
                "\n",
            ),
            id="in-the-middle",
        ),
        pytest.param(
            THREE,
            ["c"],
            THREE.replace('[[events]]\nid = "c"\ntitle = "C"\nwhen = "2024"\n\n', "\n"),
            id="the-last-before-the-sources",
        ),
        pytest.param(
            THREE,
            ["a"],
            THREE.replace('\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n# about a\n', ""),
            id="the-first-after-the-file-s-own-keys",
        ),
        pytest.param(
            THREE,
            ["a", "b", "c"],
            '# top\ntitle = "T"\n\n# ---- b ----\n\n# ---- c ----\n\n# ---- sources ----\n[[sources]]\nid = "s"\n',
            id="every-one",
        ),
        pytest.param(
            '[[sources]]\nid = "s"\n\n# ---- events ----\n'
            + EVENT_E
            + "\n# ---- more ----\n"
            + EVENT_E.replace('"e"', '"f"'),
            ["e"],
            '[[sources]]\nid = "s"\n\n# ---- events ----\n\n# ---- more ----\n' + EVENT_E.replace('"e"', '"f"'),
            id="the-first-after-a-table",
        ),
        pytest.param(EVENTS_FIRST, ["e1"], '# ---- sources ----\n[[sources]]\nid = "s"\n', id="at-the-top"),
        pytest.param(
            'title = "T"\n\n' + EVENT_E + "\n# the end\n", ["e"], 'title = "T"\n\n# the end\n', id="at-the-end"
        ),
    ],
)
def test_removing_an_event_keeps_the_lines_that_introduce_what_comes_next(
    start: str, removed: list[str], expected: str
) -> None:
    file = EventFile("events.toml", start)
    for event_id in removed:
        file.remove(event_id)
    assert file.text == expected
    assert EventFile("events.toml", expected).text == expected
    file.timeline()  # sound


def test_removing_the_first_event_keeps_the_lines_before_a_table_written_with_no_header_of_its_own() -> None:
    # tomlkit holds a [settings] table with no header of its own, only [settings.display]'s (a layout to keep,
    # though chronology loads no such file: an unknown key at the top level)
    start = EVENT_E + '\n  # ---- settings ----\n[settings.display]\ntheme = "dark"\n'
    file = EventFile("events.toml", start)
    file.remove("e")
    assert file.text == '  # ---- settings ----\n[settings.display]\ntheme = "dark"\n'


INLINE = 'events = [{id = "a", title = "A", when = "2024"}, {id = "b", title = "B", when = "2024"}]\n'
INLINE_LINES = (
    'events = [\n  {id = "a", title = "A", when = "2024"},  # about a\n  # before b\n'
    '  {id = "b", title = "B", when = "2024"},\n  {id = "c", title = "C", when = "2024"},\n]\n# after\n'
)


@pytest.mark.parametrize(
    ("start", "removed", "expected"),
    [
        pytest.param(INLINE, "a", 'events = [{id = "b", title = "B", when = "2024"}]\n', id="first"),
        pytest.param(INLINE, "b", 'events = [{id = "a", title = "A", when = "2024"}]\n', id="last"),
        pytest.param(
            INLINE_LINES,
            "b",
            'events = [\n  {id = "a", title = "A", when = "2024"},  # about a\n  # before b\n'
            '  {id = "c", title = "C", when = "2024"},\n]\n# after\n',
            id="one-a-line",
        ),
    ],
)
def test_an_event_is_removed_from_an_inline_array_of_events(start: str, removed: str, expected: str) -> None:
    file = EventFile("events.toml", start)
    file.remove(removed)
    assert file.text == expected
    assert removed not in file.ids()
    assert [event.id for event in file.timeline()] == file.ids()


def test_an_inline_array_of_events_can_be_changed_and_emptied(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(INLINE, encoding="utf-8")
    with EventFile.open(path) as file:
        assert file.ids() == ["a", "b"]
        file.update("b", kind="meeting")
        file.remove("a")
        with pytest.raises(EventFileError, match="no event 'a' in this file"):
            file.remove("a")
    assert path.read_text(encoding="utf-8") == 'events = [{id = "b", title = "B", when = "2024", kind = "meeting"}]\n'
    with EventFile.open(path) as file:
        file.remove("b")
    assert path.read_text(encoding="utf-8") == "events = []\n"
    assert len(chronology.load(path)) == 0


# -- values no event file can hold ------------------------------------------------------------------

NOT_WRITABLE = [
    pytest.param({"extra": {"x": [[1], [None]]}}, "extra.x[1][0]", "is null, which TOML cannot hold", id="null"),
    pytest.param({"extra": {"big": 2**70}}, "extra.big", "is beyond what TOML holds", id="huge-integer"),
    pytest.param({"extra": {"set": {1, 2}}}, "extra.set", "is a set, which TOML cannot hold", id="a-set"),
    pytest.param({"title": "A\ud800"}, "title", "holds a lone surrogate (U+D800) at character 2", id="surrogate"),
    pytest.param(
        {"citations": [Citation(source="report", quote="q\udc00")]},
        "citations[0].quote",
        "holds a lone surrogate (U+DC00)",
        id="surrogate-in-a-citation",
    ),
    pytest.param({"extra": {"k\ud800": 1}}, "extra", "the key 'k\\ud800' holds a lone surrogate", id="surrogate-key"),
]


@pytest.mark.parametrize(("changes", "field", "message"), NOT_WRITABLE)
def test_a_value_no_event_file_can_hold_is_refused_naming_the_event_and_field(
    changes: dict[str, Any], field: str, message: str, path: Path
) -> None:
    file = EventFile.open(path)
    values: dict[str, Any] = {"id": "bad", "title": "Bad", "when": chronology.parse("2024"), **changes}
    with pytest.raises(chronology.ChronologyError) as raised:
        file.add(Event(**values))
    assert isinstance(raised.value, EventFileError)
    [problem] = raised.value.problems
    assert (problem.path, problem.event, problem.field) == (str(path), "bad", field)
    assert message in problem.message
    assert not file.changed
    file.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_a_source_or_a_change_no_event_file_can_hold_is_refused(path: Path) -> None:
    file = EventFile.open(path)
    with pytest.raises(EventFileError) as raised:
        file.add_source(Source(id="s", outlet="Outlet \ud83d"))
    assert str(raised.value).startswith(f"{path}: source 's', field 'outlet': holds a lone surrogate (U+D83D)")
    with pytest.raises(EventFileError) as raised:
        file.update("transfers", tags=["fine", "x\udfff"])
    assert str(raised.value).startswith(f"{path}: event 'transfers', field 'tags[1]': holds a lone surrogate")
    with pytest.raises(EventFileError, match=r"field 'extra.a\[0\]': is null"):
        file.update("transfers", extra={"a": [None]})
    assert file.text == ORIGINAL


def test_a_text_holding_a_lone_surrogate_is_refused_on_saving_and_placed(path: Path) -> None:
    file = EventFile(path, ORIGINAL.replace('title = "Demo"', 'title = "De\ud800mo"'))
    with pytest.raises(EventFileError) as raised:
        file.save()
    assert str(raised.value).startswith(f"{path}:2:12: is not valid Unicode text: it holds a lone surrogate (U+D800)")
    assert path.read_text(encoding="utf-8") == ORIGINAL


# -- includes outside the folder, year 0, long paths ------------------------------------------------


def test_a_file_including_outside_its_folder_can_be_edited_when_allowed(tmp_path: Path) -> None:
    (tmp_path / "shared.toml").write_text('[[sources]]\nid = "report"\npublished = "2024-11-17"\n', encoding="utf-8")
    path = tmp_path / "project" / "events.toml"
    path.parent.mkdir()
    path.write_text('include = ["../shared.toml"]\n', encoding="utf-8")
    friday = Event(id="call", title="Call", when=chronology.parse("Friday", anchor=REPORT_DAY), anchor="report")
    refused = EventFile.open(path)
    refused.add(friday)
    with pytest.raises(EventFileError, match="points outside the folder"):
        refused.save()
    with EventFile.open(path, lock=True, allow_outside=True) as file:
        assert file.allow_outside
        assert list(file.timeline().sources) == ["report"]
        file.add(friday)
    assert chronology.load(path, allow_outside=True)["call"].when.earliest == pendulum.Date(2024, 11, 15)
    made = EventFile(path, path.read_text(encoding="utf-8"), allow_outside=True)
    assert [event.id for event in made.timeline()] == ["call"]


def test_a_toml_date_of_year_0_says_how_to_write_year_0(tmp_path: Path) -> None:
    text = '[[events]]\nid = "a"\ntitle = "A"\nwhen = 0000-01-01\n'
    with pytest.raises(EventFileError) as raised:
        EventFile(tmp_path / "events.toml", text)
    message = str(raised.value)
    assert "a TOML date cannot have year 0" in message
    assert 'write the date as text in EDTF: "0000-01-01" (or "0000")' in message
    assert "valueError" not in message


def test_a_very_long_path_is_named_once_and_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "a" * 5000 + ".toml"
    for lock in (True, False):
        with pytest.raises(EventFileError) as raised:
            EventFile.open(name, lock=lock)
        message = str(raised.value)
        assert "a" * 300 not in message
        assert len(message) < 600
        # the path, and the lock file named after it, each cut to its start and end
        assert message.count("characters]...") == (2 if lock else 1)
