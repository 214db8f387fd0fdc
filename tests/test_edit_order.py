"""Editing keeps every table where it was written, with the comments above it; new tables go after their kind."""

from __future__ import annotations

import difflib
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology import Event, EventFile, Source, UncertainDate
from chronology.cli import main
from chronology.files.load import load_text

SOURCE_P = '[[sources]]\nid = "pepys"\ntitle = "Diary"\npublished = "1666-09-02"\n'
SOURCE_C = '[[sources]]\nid = "commons"\ntitle = "Committee report"\npublished = "1667"\n'
EVENT_S = '[[events]]\nid = "start"\ntitle = "Fire starts"\nwhen = "1666-09-02"\n'
EVENT_E = '[[events]]\nid = "end"\ntitle = "Fire ends"\nwhen = "1666-09-06"\n'
LATE = "# A late find: the Commons committee report of 1667.\n"

# (the file, the text written right before a new event, and right before a new source)
LAYOUTS = [
    pytest.param(
        f'title = "Fire"\n\n{SOURCE_P}\n{SOURCE_C}\n{EVENT_S}\n{EVENT_E}',
        EVENT_E,
        SOURCE_C,
        id="sources-first",
    ),
    pytest.param(
        f'title = "Fire"\n\n{EVENT_S}\n{EVENT_E}\n{SOURCE_P}\n{LATE}{SOURCE_C}',
        EVENT_E,
        SOURCE_C,
        id="sources-last",
    ),
    pytest.param(
        f'title = "Fire"\n\n{SOURCE_P}\n{EVENT_S}\n{EVENT_E}\n{LATE}{SOURCE_C}',
        EVENT_E,
        SOURCE_C,
        id="a-late-source-below-the-events",
    ),
    pytest.param(
        f"{SOURCE_P}\n{EVENT_S}\n# The report.\n{SOURCE_C}\n\n# The end.\n{EVENT_E}",
        EVENT_E,
        SOURCE_C,
        id="interleaved",
    ),
    pytest.param(
        f"{EVENT_S}\n{LATE}{SOURCE_C}\n{EVENT_E}\n# ---- a second source ----\n{SOURCE_P}",
        EVENT_E,
        SOURCE_P,
        id="interleaved-events-first",
    ),
    pytest.param(
        f'title = "Fire"\n\n[reading]\ncalendar = "julian"  # Old Style\n\n{SOURCE_P}\n'
        f'{EVENT_S}[events.extra]\nward = "Pudding Lane"\n# inside the table\n\n'
        f'\n{LATE}{SOURCE_C}# inside the source\nnote = "late"\n\n\n{EVENT_E}',
        EVENT_E,
        '# inside the source\nnote = "late"\n',
        id="comments-inside-tables-and-blank-lines",
    ),
    pytest.param(
        f'{EVENT_S}\n# how dates are read\n[reading]\nzone = "Europe/London"\n\n{EVENT_E}\n{LATE}{SOURCE_C}',
        EVENT_E,
        SOURCE_C,
        id="a-table-of-another-kind-between-events",
    ),
]

NEW_EVENT = '[[events]]\nid = "inquiry"\ntitle = "An inquiry opens"\nwhen = "1666-10"\n'
NEW_SOURCE = '[[sources]]\nid = "evelyn"\ntitle = "Evelyn\'s diary"\n'


def _inserted(original: str, edited: str, new: str) -> str:
    """The text of ``edited`` before ``new``, once it is checked that ``edited`` adds only ``new`` and a blank line."""
    at = edited.index(new)
    before, after = edited[:at], edited[at + len(new) :]
    assert before.endswith("\n\n"), "a blank line before the new table"
    assert before[:-1] + after == original, "every other byte as it was, in its place"
    return before


def _add(file: EventFile, kind: str) -> None:
    if kind == "event":
        file.add(Event(id="inquiry", title="An inquiry opens", when=UncertainDate.parse("1666-10")))
    else:
        file.add_source(Source(id="evelyn", title="Evelyn's diary"))


@pytest.mark.parametrize("kind", ["event", "source"])
@pytest.mark.parametrize(("start", "before_event", "before_source"), LAYOUTS)
def test_a_new_table_goes_after_the_last_of_its_kind_and_moves_nothing(
    start: str, before_event: str, before_source: str, kind: str
) -> None:
    file = EventFile("events.toml", start)
    _add(file, kind)
    before = _inserted(start, file.text, NEW_EVENT if kind == "event" else NEW_SOURCE)
    assert before.rstrip("\n").endswith((before_event if kind == "event" else before_source).rstrip("\n"))
    assert EventFile("events.toml", file.text).text == file.text  # read back as written


@pytest.mark.parametrize(("start", "before_event", "before_source"), LAYOUTS)
def test_a_comment_above_a_table_stays_above_it_through_changes(
    start: str, before_event: str, before_source: str, tmp_path: Path
) -> None:
    path = tmp_path / "events.toml"
    path.write_text(start, encoding="utf-8")
    with EventFile.open(path) as file:
        _add(file, "event")
        _add(file, "source")
        file.update("start", title="The fire starts")
    text = path.read_text(encoding="utf-8")
    for comment, table in (
        (LATE, SOURCE_C),
        ("# The report.\n", SOURCE_C),
        ("# ---- a second source ----\n", SOURCE_P),
    ):
        if comment + table in start:
            assert comment + table in text
    # lines only added, but for the title changed: none moved, none lost
    changed = start.replace("Fire starts", "The fire starts").splitlines()
    matcher = difflib.SequenceMatcher(None, changed, text.splitlines(), autojunk=False)
    assert {tag for tag, *_ in matcher.get_opcodes()} == {"equal", "insert"}
    assert [event.id for event in chronology.load(path)] == ["start", "end", "inquiry"]


@pytest.mark.parametrize(("start", "before_event", "before_source"), LAYOUTS)
def test_adding_then_removing_an_event_gives_the_file_back(start: str, before_event: str, before_source: str) -> None:
    file = EventFile("events.toml", start)
    _add(file, "event")
    file.remove("inquiry")
    assert file.text == start


def test_removing_an_event_keeps_the_tables_around_it_and_their_comments() -> None:
    later = '[[sources]]\nid = "later"\n'
    start = f"{SOURCE_P}\n{EVENT_S}\n# The report.\n{SOURCE_C}\n# The end.\n{EVENT_E}\n# Later.\n{later}"
    file = EventFile("events.toml", start)
    file.remove("end")  # the lines above it close the source before it; "# Later." stays above its source
    assert file.text == start.replace(EVENT_E, "")
    file.remove("start")
    assert file.text == start.replace(EVENT_E, "").replace(f"{EVENT_S}\n", "")


def test_chronology_add_leaves_a_source_added_at_the_end_by_hand_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    start = f'title = "Fire"\n\n{SOURCE_P}\n{EVENT_S}\n{EVENT_E}\n{LATE}{SOURCE_C}'  # as the how-to's "by hand"
    (tmp_path / "events.toml").write_text(start, encoding="utf-8")
    out, err = StringIO(), StringIO()
    argv = ["add", "events.toml", "--id", "inquiry", "--title", "An inquiry opens", "--when", "1666-10"]
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    text = (tmp_path / "events.toml").read_text(encoding="utf-8")
    assert text == start.replace(EVENT_E, f"{EVENT_E}\n{NEW_EVENT}")


# The messages that name an unknown key suggest the key meant: a word people use for it, not the nearest spelling.
# (Here, with the editing tests, as the file owned by this change; they belong with tests/test_load.py.)
EVENT_WITH = '[[sources]]\nid = "pepys"\n\n[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "1666-09-02"\n'


@pytest.mark.parametrize(
    ("key", "suggested"),
    [
        pytest.param('date = "1666"', "did you mean 'when'?", id="date"),
        pytest.param('Date = "1666"', "did you mean 'when'?", id="date-capitalised"),
        pytest.param('time = "noon"', "did you mean 'when'?", id="time"),
        pytest.param('on = "1666"', "did you mean 'when'?", id="on"),
        pytest.param('source = "pepys"', 'did you mean a [[events.citations]] table with source = "..."?', id="source"),
        pytest.param('sources = ["pepys"]', "did you mean a [[events.citations]] table", id="sources"),
        pytest.param('cite = "pepys"', "did you mean a [[events.citations]] table", id="cite"),
        pytest.param('name = "Fire"', "did you mean 'title'?", id="name"),
        pytest.param('description = "A fire"', "did you mean 'summary'?", id="description"),
        pytest.param('notes = "A fire"', "did you mean 'summary'?", id="notes"),
        pytest.param('tag = ["fire"]', "did you mean 'tags'?", id="tag"),
        pytest.param('actor = ["Pepys"]', "did you mean 'actors'?", id="actor"),
        pytest.param('place = ["London"]', "did you mean 'places'?", id="place"),
        pytest.param('location = ["London"]', "did you mean 'places'?", id="location"),
        pytest.param('Title = "Fire"', "did you mean 'title'?", id="other-capitals"),
        pytest.param('sumary = "A fire"', "did you mean 'summary'?", id="misspelt"),
    ],
)
def test_an_unknown_event_key_suggests_the_key_meant(key: str, suggested: str) -> None:
    with pytest.raises(chronology.EventFileError) as raised:
        load_text("events.toml", EVENT_WITH + key + "\n")
    (problem,) = raised.value.problems
    name = key.split(" ")[0]
    assert f"unknown key {name!r} in an event; {suggested}" in str(problem)
    assert str(problem).count("did you mean") == 1


@pytest.mark.parametrize(
    ("table", "key", "suggested"),
    [
        pytest.param("source", 'date = "1666-09-02"', "did you mean 'published'?", id="source-date"),
        pytest.param("source", 'notes = "a diary"', "did you mean 'note'?", id="source-notes"),
        pytest.param("claim", 'date = "1666-09-05"', "did you mean 'said'?", id="claim-date"),
    ],
)
def test_a_synonym_suggests_the_key_of_the_table_it_is_in(table: str, key: str, suggested: str) -> None:
    if table == "source":
        text = EVENT_WITH.replace('id = "pepys"\n', f'id = "pepys"\n{key}\n')
    else:
        text = EVENT_WITH + f'\n[[events.claims]]\nsubject = "houses burnt"\nvalue = 13200\n{key}\n'
    with pytest.raises(chronology.EventFileError) as raised:
        load_text("events.toml", text)
    assert f"in a {table}; {suggested}" in str(raised.value.problems[0])
