"""Changing event files: nothing lost, nothing half-written, nothing invalid saved."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

import chronology
from chronology import Citation, Event, EventFile, EventFileError

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
