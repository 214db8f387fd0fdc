"""Adding to a draft keeps its comments true: what is drafted now is no longer said to be left out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import chronology
from chronology.cli import main

ARTICLE = """\
Dockers plan a strike at the port

The dockers' union said on Friday that its members had voted for a strike in February.
A strike will begin on Tuesday, the union said.
The talks had failed days after the vote.
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def undated_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A draft of an undated article, its relative phrases in comments; then its date given by hand."""
    monkeypatch.chdir(tmp_path)
    Path("strike.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("draft", "strike.txt", "-o", "events.toml")[0] == 0
    path = Path("events.toml")
    text = path.read_text(encoding="utf-8")
    assert "# - 'on Friday': relative to the article's date" in text
    assert "Undated: " in text
    path.write_text(text.replace('id = "strike"\n', 'id = "strike"\npublished = "2024-03-11"\n'), encoding="utf-8")
    return path


def test_comments_on_phrases_drafted_now_go_and_the_undated_note_is_renewed(undated_draft: Path) -> None:
    code, _, err = run("draft", "strike.txt", "-o", "events.toml", "--append", "--published", "2024-03-11")
    assert code == 0, err
    text = undated_draft.read_text(encoding="utf-8")
    for phrase in ("on Friday", "in February", "on Tuesday"):
        assert f"when = {phrase!r}".replace("'", '"') in text
        assert f"# - {phrase!r}:" not in text
    assert "Undated: " not in text
    assert "Published: given with the draft (--published 2024-03-11)" in text
    # what is still not drafted keeps its comment, under its heading
    assert "# Not drafted (each with its sentence):\n# - 'days after':" in text
    assert chronology.validate("events.toml") == ()
    again = undated_draft.read_text(encoding="utf-8")
    assert run("draft", "strike.txt", "-o", "events.toml", "--append", "--published", "2024-03-11")[0] == 0
    assert undated_draft.read_text(encoding="utf-8") == again  # idempotent still


def test_an_event_added_by_hand_takes_its_phrases_comment_away(undated_draft: Path) -> None:
    quote = "A strike will begin on Tuesday, the union said."
    code, _, err = run(
        "add", "events.toml", "--id", "strike-begins", "--title", "The strike begins", "--when", "on Tuesday",
        "--anchor", "strike", "--tense", "future", "--source", "strike", "--quote", quote,
    )  # fmt: skip
    assert code == 0, err
    assert run("draft", "strike.txt", "-o", "events.toml", "--append", "--published", "2024-03-11")[0] == 0
    text = undated_draft.read_text(encoding="utf-8")
    assert "# - 'on Tuesday':" not in text
    assert text.count(f"quote = {quote!r}".replace("'", '"')) == 1  # the hand's event, not drafted again


def test_a_note_and_comments_written_by_hand_are_kept(undated_draft: Path) -> None:
    text = undated_draft.read_text(encoding="utf-8")
    start = text.index("note = ")
    end = text.index("\n", start)
    mine = 'note = "Undated in print; the date is from the archive."\n# - my own comment on this source'
    undated_draft.write_text(text[:start] + mine + text[end:], encoding="utf-8")
    assert run("draft", "strike.txt", "-o", "events.toml", "--append", "--published", "2024-03-11")[0] == 0
    text = undated_draft.read_text(encoding="utf-8")
    assert mine in text
