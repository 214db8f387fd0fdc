"""Findings of a newsroom analyst's trial: a report cited for what it could not yet tell, claims' quotes in
Markdown, and positions in date errors counted as a file's columns are."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology import Citation, Claim, Event, Quantity, Source, Timeline
from chronology.cli import main
from chronology.exchange import to_markdown
from chronology.exchange._describe import quoted
from chronology.files.schema import surrogate_message

# -- 1. a source cited by an event that began after it was published ------------------------------------------

EARLY = """\
[[sources]]
id = "daily-2024-10-18"
outlet = "The Daily"
published = "2024-10-18"

[[events]]
id = "vote"
title = "The vote"
when = "2024-11-05"
citations = [{source = "daily-2024-10-18", quote = "The vote was held."}]
"""


def load_text(tmp_path: Path, text: str) -> chronology.Timeline:
    path = tmp_path / "events.toml"
    path.write_text(text, encoding="utf-8")
    return chronology.load(path)


def test_an_event_after_its_sources_publication_is_a_problem_naming_both_dates(tmp_path: Path) -> None:
    with pytest.raises(chronology.ValidationError) as caught:
        load_text(tmp_path, EARLY)
    (problem,) = caught.value.problems
    assert (problem.event, problem.field, problem.line) == ("vote", "citations[0].source", 10)
    assert problem.path is not None
    assert problem.path.endswith("events.toml")
    assert "'daily-2024-10-18' was published 18 October 2024" in problem.message
    assert "(dated 5 November 2024)" in problem.message
    assert 'tense = "future"' in problem.message  # what to do when the report foresees the event


FINE = [
    ("future-tense", 'when = "2024-11-05"', 'when = "2024-11-05"\ntense = "future"'),
    ("either-tense", 'when = "2024-11-05"', 'when = "2024-11-05"\ntense = "either"'),
    ("possibly-before", '"2024-11-05"', '"[2024-10-15..2024-11-05]"'),
    ("the-same-day", '"2024-11-05"', '"2024-10-18T23:00"'),
    ("a-month-that-holds-it", '"2024-11-05"', '"2024-10"'),
    ("an-undated-source", 'published = "2024-10-18"', 'note = "undated"'),
    ("a-source-published-after", 'published = "2024-10-18"', 'published = "2024-11-06"'),
    ("read-from-the-source-itself", 'when = "2024-11-05"', 'when = "next week"\nanchor = "daily-2024-10-18"'),
]


@pytest.mark.parametrize(("old", "new"), [row[1:] for row in FINE], ids=[row[0] for row in FINE])
def test_what_the_source_could_tell_is_not_a_problem(tmp_path: Path, old: str, new: str) -> None:
    assert old in EARLY
    timeline = load_text(tmp_path, EARLY.replace(old, new))
    assert timeline["vote"].citations[0].source == "daily-2024-10-18"


def test_a_citation_worded_from_its_source_is_checked_by_its_wording_only(tmp_path: Path) -> None:
    # "next week" from 18 October cannot reach 5 November: the wording's problem, not a second one
    text = EARLY.replace('quote = "The vote was held."', 'when = "next week"').replace("-11-05", "-10-23")
    assert load_text(tmp_path, text)["vote"].when == chronology.parse("2024-10-23")
    with pytest.raises(chronology.ValidationError) as caught:
        load_text(tmp_path, EARLY.replace('quote = "The vote was held."', 'when = "next week"'))
    assert [problem.field for problem in caught.value.problems] == ["citations[0].when"]


def test_the_date_the_links_narrow_an_event_to_is_the_one_compared(tmp_path: Path) -> None:
    linked = EARLY.replace('"2024-11-05"', '"[2024-10-10..2024-10-30]"\nafter = ["count"]') + (
        '\n[[events]]\nid = "count"\ntitle = "The count"\nwhen = "2024-10-25"\n'
    )
    with pytest.raises(chronology.ValidationError) as caught:
        load_text(tmp_path, linked)
    (problem,) = caught.value.problems
    assert problem.event == "vote"
    assert "(dated between 25 and 30 Oct 2024)" in problem.message
    unlinked = linked.replace('after = ["count"]', "")
    assert load_text(tmp_path, unlinked)["vote"].citations  # as written, it may be before the 18th


def test_a_source_dated_by_the_day_alone_may_be_of_any_zone(tmp_path: Path) -> None:
    # 20:00 UTC on the 18th is the 19th in Seoul, but a paper of the 18th west of London was still on its 18th
    # (a source's day may be of its own zone, which the file's does not say): not certainly after, in any file
    text = EARLY.replace('"2024-11-05"', '"2024-10-18T20:00Z"')
    assert load_text(tmp_path, text)["vote"].citations
    assert load_text(tmp_path, '[reading]\nzone = "Asia/Seoul"\n\n' + text)["vote"].citations
    # a day later, it is after the paper's 18th everywhere
    later = EARLY.replace('"2024-11-05"', '"2024-10-19T13:00Z"')
    with pytest.raises(chronology.ValidationError, match=r"'daily-2024-10-18' was published 18 October 2024"):
        load_text(tmp_path, '[reading]\nzone = "Asia/Seoul"\n\n' + later)


def test_a_timeline_built_in_python_is_checked_too() -> None:
    source = Source(id="daily", published=chronology.UncertainDate.parse("2024-10-18"))
    cited = [Citation(source="other"), Citation(source="daily", quote="It was held.")]
    vote = Event(id="vote", title="Vote", when=chronology.parse("2024-11-05"), citations=cited)
    with pytest.raises(chronology.ValidationError) as caught:
        Timeline([vote], [source, Source(id="other")])
    (problem,) = caught.value.problems
    assert (problem.event, problem.field) == ("vote", "citations[1].source")
    plan = Event(
        id="vote", title="Vote", when=chronology.parse("2024-11-05"), citations=cited, tense=chronology.Tense.FUTURE
    )
    assert len(Timeline([plan], [source, Source(id="other")])) == 1


def test_validate_on_the_command_line_prints_it_and_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(EARLY, encoding="utf-8")
    out, err = StringIO(), StringIO()
    assert main(["validate", "events.toml"], out=out, err=err) == 1
    (line, *_) = err.getvalue().splitlines()
    assert line.startswith("events.toml:10:")
    assert "event 'vote', field 'citations[0].source': 'daily-2024-10-18' was published 18 October 2024" in line


# -- 2. a claim's quote in the Markdown export -----------------------------------------------------------------


def claimed(*claims: Claim) -> Timeline:
    event = Event(id="e", title="Strike", when=chronology.parse("2024-10-18"), claims=claims)
    return Timeline([event], [Source(id="s")])


def claimed_by(text: str) -> list[str]:
    """The "Claimed by" cell of each row of the figures claimed."""
    section = text.split("## Figures claimed\n", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")][1:]
    return [re.split(r"(?<!\\)\|", row[1:-1])[1].strip() for row in rows]


def test_a_claims_quote_is_under_its_claimant_escaped() -> None:
    quote = "About 126 | *drones* were\nlaunched."
    text = to_markdown(
        claimed(
            Claim(subject="drones", value=Quantity.parse("126"), claimant="Air_Force", source="s", quote=quote),
            Claim(subject="drones", value=Quantity.parse("150"), claimant="the mayor", source="s"),
            Claim(subject="drones", value=Quantity.parse("90"), quote="Ninety."),
        )
    )
    assert claimed_by(text) == [
        "Air\\_Force<br>“About 126 \\| \\*drones\\* were<br>launched.”",
        "the mayor",
        "“Ninety.”",
    ]


def test_the_showcases_claims_show_their_quotes() -> None:
    showcase = chronology.load(Path(__file__).resolve().parent.parent / "events.toml")
    quotes = [claim.quote for event in showcase.sorted() for claim in event.claims]
    assert any(quote.strip() for quote in quotes)
    text = to_markdown(showcase)
    for quote in filter(str.strip, quotes):
        shown = quoted(quote.strip().replace("\n", "<br>"))
        assert shown in re.sub(r"\\(.)", r"\1", text)


# -- 3. positions in date errors count characters from 1 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "character", "pointed"),
    [("2024-13", 6, "1"), ("2024-10-18 10:00", 11, " "), ("Febuary 3", 1, "F"), ("2024-02-30", 9, "3")],
    ids=["month", "space-before-time", "misspelt", "day"],
)
def test_a_date_error_names_the_character_counted_from_1(text: str, character: int, pointed: str) -> None:
    with pytest.raises(chronology.DateParseError) as caught:
        chronology.parse(text)
    assert str(caught.value).startswith(f"{text!r} (at character {character}): ")
    assert caught.value.position == character - 1  # the attribute stays a Python index
    assert text[character - 1] == pointed


@pytest.mark.parametrize(("text", "shown"), [("2024-W", "'2024-W' (at the end): "), ("", "'': empty date")])
def test_an_error_at_the_end_or_of_nothing_says_so(text: str, shown: str) -> None:
    with pytest.raises(chronology.DateParseError) as caught:
        chronology.parse(text)
    assert str(caught.value).startswith(shown)
    assert "position" not in str(caught.value)


def test_the_character_and_the_files_column_point_at_the_same_place(tmp_path: Path) -> None:
    text = '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-13"\n'
    with pytest.raises(chronology.ValidationError) as caught:
        load_text(tmp_path, text)
    (problem,) = caught.value.problems
    assert problem.column is not None
    character = int(re.search(r"at character (\d+)", problem.message)[1])  # type: ignore[index]
    line = text.splitlines()[3]
    assert line[problem.column - 1] == "2024-13"[character - 1] == "1"


def test_a_lone_surrogate_is_placed_at_its_character_counted_from_1() -> None:
    message = surrogate_message("ab\ud800", 2)
    assert "at character 3:" in message
    assert "position" not in message
    assert "at character" not in surrogate_message("ab\ud800", 2, position=False)
