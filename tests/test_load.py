"""Reading event files: every problem reported, each placed in the file."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

import chronology
from chronology import EventFileError

HEAD = '[[sources]]\nid = "report"\npublished = "2024-10-18"\n\n'

BROKEN = [
    pytest.param(
        'title = "x"\n[[events]]\nid = "a"\ntitle = "A\nwhen = "2024"\n',
        ['events.toml:4:11: TOML syntax: invalid basic string, expected `"`'],
        id="toml-syntax",
    ),
    pytest.param(
        '[[events]]\nid = "a"\ntitle = "A"\nid = "b"\n',
        ["events.toml:4:1: TOML syntax: duplicate key"],
        id="toml-duplicate-key",
    ),
    pytest.param(
        '[[events]]\nid "a"\n',
        ["events.toml:2:4: TOML syntax: key with no value, expected `=`"],
        id="toml-missing-equals",
    ),
    pytest.param(
        'titel = "x"\n',
        ["events.toml:1:1: field 'titel': unknown key 'titel' at the top level; did you mean 'title'?"],
        id="unknown-top-key",
    ),
    pytest.param(
        'title = ["x"]\n',
        ["events.toml:1:9: field 'title': expected a string, got an array"],
        id="title-not-string",
    ),
    pytest.param(
        'events = "a"\n',
        ["events.toml:1:10: field 'events': expected an array of tables, got a string ('a')"],
        id="events-not-array",
    ),
    pytest.param(
        HEAD + '[[events]]\ntitle = "A"\nwhen = "2024"\n',
        ["events.toml:5:1: field 'id': missing required key 'id'"],
        id="missing-id",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\nwhen = "2024"\n',
        ["events.toml:5:1: event 'a', field 'title': missing required key 'title'"],
        id="missing-title",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\nwhen = "2024-13"\n',
        [
            "events.toml:5:1: event 'a', field 'title': missing required key 'title'",
            "events.toml:7:14: event 'a', field 'when': '2024-13' (at character 6): month 13 does not exist; "
            "expected 01-12, or 21-41 for seasons and quarters",
        ],
        id="missing-title-and-a-bad-date",  # both said at once, not one round of fixing each
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n'
        '[[events.claims]]\nsubject = "x"\nvalue = 5\nanchor = "bad id!"\nsaid = "2024-10-01"\n',
        [
            "events.toml:13:10: event 'a', field 'claims[0].anchor': 'bad id!' is not an id: use letters, digits, "
            "'-', '_' and '.', starting with a letter or digit"
        ],
        id="claim-anchor-not-an-id",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n'
        '[[events.claims]]\nsubject = "x"\nvalue = 5\nanchor = "reprot"\nsaid = "Friday"\n',
        [
            "events.toml:13:10: event 'a', field 'claims[0].anchor': unknown event or source 'reprot'; did you mean 'report'?"
        ],
        id="claim-anchor-unknown-placed-at-the-claim",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\n',
        ["events.toml:5:1: event 'a', field 'when': missing required key 'when'"],
        id="missing-when",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a b"\ntitle = "A"\nwhen = "2024"\n',
        [
            "events.toml:6:6: event 'a b', field 'id': 'a b' is not a valid id: use letters, digits, '-', '_' and '.', starting with a letter or digit"
        ],
        id="bad-id",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = 7\ntitle = "A"\nwhen = "2024"\n',
        ["events.toml:6:6: field 'id': expected a string, got a number (7)"],
        id="id-number",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\ntags = "troops"\n',
        ["events.toml:9:8: event 'a', field 'tags': expected an array of strings, got a string ('troops')"],
        id="tags-string",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nsumary = "x"\n',
        [
            "events.toml:9:1: event 'a', field 'sumary': unknown key 'sumary' in an event; did you mean 'summary'? (put your own keys under [events.extra])"
        ],
        id="unknown-event-key",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events]]\nid = "a"\ntitle = "B"\nwhen = "2025"\n',
        ["events.toml:11:6: event 'a', field 'id': duplicate event id 'a' (first defined at events.toml:6)"],
        id="duplicate-event",
    ),
    pytest.param(  # the second event has another problem too: both are said in one run
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events]]\nid = "a"\ntitle = "B"\nwhen = 2025\n',
        [
            "events.toml:11:6: event 'a', field 'id': duplicate event id 'a' (first defined at events.toml:6)",
            "events.toml:13:8: event 'a', field 'when': expected a date as a string (\"2024-10-18\", \"June 2024\", "
            '"Friday") or a TOML date, got a number (2025)',
        ],
        id="duplicate-event-with-another-problem",
    ),
    pytest.param(  # the first one has it
        HEAD + '[[events]]\nid = "a"\nwhen = "2024"\n\n[[events]]\nid = "a"\ntitle = "B"\nwhen = "2025"\n',
        [
            "events.toml:5:1: event 'a', field 'title': missing required key 'title'",
            "events.toml:10:6: event 'a', field 'id': duplicate event id 'a' (first defined at events.toml:6)",
        ],
        id="duplicate-after-an-event-with-another-problem",
    ),
    pytest.param(
        HEAD + '[[sources]]\nid = "report"\n',
        ["events.toml:6:6: source 'report', field 'id': duplicate source id 'report' (first defined at events.toml:2)"],
        id="duplicate-source",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-13"\n',
        [
            "events.toml:8:14: event 'a', field 'when': '2024-13' (at character 6): month 13 does not exist; expected 01-12, or 21-41 for seasons and quarters"
        ],
        id="bad-month",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2023-02-29"\n',
        [
            "events.toml:8:17: event 'a', field 'when': '2023-02-29' (at character 9): day 29 does not exist in 2023-02; expected 01-28; did you mean '2023-02-28'?"
        ],
        id="impossible-day",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10/2024-09"\n',
        [
            "events.toml:8:16: event 'a', field 'when': '2024-10/2024-09' (at character 8): reversed interval: interval '2024-10/2024-09' ends (September 2024) before it starts (October 2024)"
        ],
        id="reversed-interval",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "sometime soonish"\n',
        [
            "events.toml:8:18: event 'a', field 'when': 'sometime soonish' (at character 10): 'soonish' is not a date word this reader knows; expected ISO 8601/EDTF (2024-10-18, 2024-06~, 2024-10-07/2024-10-13) or English such as 'June 2024', 'c. 1400', 'the 1450s', 'before 23 August 1456', 'Friday'; run 'chronology forms' to list the forms read"
        ],
        id="unknown-phrase",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = ""\n',
        [
            "events.toml:8:9: event 'a', field 'when': '': empty date; expected ISO 8601/EDTF (2024-10-18, 2024-06~, 2024-10-07/2024-10-13) or English such as 'June 2024', 'c. 1400', 'the 1450s', 'before 23 August 1456', 'Friday'; run 'chronology forms' to list the forms read"
        ],
        id="empty-when",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\n',
        [
            "events.toml:8:8: event 'a', field 'when': 'Friday' is relative: name what it is read from with anchor = \"<id of a source or event>\""
        ],
        id="relative-no-anchor",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\nanchor = "reprot"\n',
        ["events.toml:9:10: event 'a', field 'anchor': unknown event or source 'reprot'; did you mean 'report'?"],
        id="unknown-anchor",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\nanchor = "b"\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "two days ago"\nanchor = "a"\n',
        ["events.toml:15:10: event 'b', field 'anchor': anchors form a cycle: 'a' -> 'b' -> 'a'"],
        id="anchor-cycle",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-06/2024-08"\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "Friday"\nanchor = "a"\n',
        [
            "events.toml:14:10: event 'b', field 'anchor': anchor 'a' lasts (2024-06/2024-08); a relative date is read from one date: anchor to an event that is an instant, or to a source"
        ],
        id="anchor-interval",
    ),
    pytest.param(
        '[[sources]]\nid = "s"\n\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\nanchor = "s"\n',
        [
            "events.toml:8:10: event 'a', field 'anchor': anchor 's' is a source without a 'published' date to read 'Friday' from: "
            'give the source its date (`published = "2024-10-29"`) or, not known to the day, what is known of it '
            '(`published = "[2024-10-28..2024-10-30]"`, one of those days; `published = "2024-10~"`, about October '
            "2024); else write the date in full, with its year, instead of 'Friday'"
        ],
        id="anchor-undated-source",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "Tuesday"\nanchor = "report"\ntense = "later"\n',
        [
            "events.toml:10:9: event 'a', field 'tense': unknown tense 'later'; expected one of 'past', 'future', 'either'"
        ],
        id="bad-tense",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nafter = ["b"]\n',
        ["events.toml:9:9: event 'a', field 'after': unknown event 'b'"],
        id="unknown-link",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nbefore = ["a"]\n',
        ["events.toml:9:10: event 'a', field 'before': an event cannot be linked to itself (before 'a')"],
        id="self-link",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nafter = ["b"]\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\nafter = ["a"]\n',
        [
            "events.toml:15:9: event 'b', field 'after': order links (after, before, reports) form a cycle: 'b' -> 'a' -> 'b' "
            "(each before the next), closed by 'b' is after 'a'; remove or reverse one of these links"
        ],
        id="link-cycle",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10-01"\nafter = ["b"]\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024-10-05"\n',
        [
            "events.toml:9:9: event 'a', field 'after': the links contradict the dates: 'b' no earlier than 2024-10-05; 'a' is after 'b'; 'a' no later than 2024-10-01"
        ],
        id="after-contradicts",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "statement"\ntitle = "S"\nwhen = "2024-10-18"\nreports = ["transfer"]\n\n[[events]]\nid = "transfer"\ntitle = "T"\nwhen = "2024-10-20"\n',
        [
            "events.toml:9:11: event 'statement', field 'reports': 'transfer' would have begun after its own report 'statement': it begins no earlier than 2024-10-20, the report is dated no later than 2024-10-18"
        ],
        id="after-report",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10"\nafter = ["b"]\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024-10"\nafter = ["c"]\n\n[[events]]\nid = "c"\ntitle = "C"\nwhen = "2024-11"\n',
        [
            "events.toml:9:9: event 'a', field 'after': the links contradict the dates: 'c' no earlier than 2024-11-01; 'b' is after 'c'; 'a' is after 'b'; 'a' no later than 2024-10-31",
            "events.toml:15:9: event 'b', field 'after': the links contradict the dates: 'c' no earlier than 2024-11-01; 'b' is after 'c'; 'b' no later than 2024-10-31",
        ],
        id="chain-contradiction",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.citations]]\nsource = "reprt"\n',
        ["events.toml:11:10: event 'a', field 'citations[0].source': unknown source 'reprt'; did you mean 'report'?"],
        id="unknown-citation-source",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.citations]]\nquote = "x"\n',
        ["events.toml:10:1: event 'a', field 'citations[0].source': missing required key 'source'"],
        id="citation-missing-source",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.claims]]\nsubject = "troops"\nvalue = "lots"\n',
        [
            'events.toml:12:9: event \'a\', field \'claims[0].value\': \'lots\': expected a number ("1,500", "1.5 million", "$2,000"), optionally after about/around/nearly/perhaps, at least, more than/over, up to/as many as, fewer than, or followed by "or more", "or fewer" or "or so" ("100,000 or more"); or a range ("10,000-12,000")'
        ],
        id="claim-bad-value",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.claims]]\nvalue = 5\n',
        ["events.toml:10:1: event 'a', field 'claims[0].subject': missing required key 'subject'"],
        id="claim-missing-subject",
    ),
    pytest.param(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.claims]]\nsubject = "troops"\nvalue = 5\nclaimer = "x"\n',
        [
            "events.toml:13:1: event 'a', field 'claims[0].claimer': unknown key 'claimer' in a claim; did you mean 'claimant'?"
        ],
        id="claim-unknown-key",
    ),
    pytest.param(
        '[[sources]]\nid = "s"\npublished = "2024-10/2024-11"\n',
        [
            "events.toml:3:13: source 's', field 'published': a publication date is one date (possibly uncertain, '[2024-10-28..2024-10-31]'), not an interval"
        ],
        id="published-interval",
    ),
    pytest.param(
        '[[sources]]\nid = "s"\nauthor = "x"\n',
        ["events.toml:3:1: source 's', field 'author': unknown key 'author' in a source; did you mean 'authors'?"],
        id="source-unknown-key",
    ),
    pytest.param(
        'include = ["nowhere.toml"]\n',
        ["events.toml:1:11: field 'include': 'nowhere.toml' cannot read the file: No such file or directory"],
        id="include-missing",
    ),
    pytest.param(
        'include = ["events.toml"]\n',
        ["events.toml:1:11: field 'include': include loop: events.toml -> events.toml"],
        id="include-loop",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nextra = 5\n',
        ["events.toml:9:9: event 'a', field 'extra': expected a table, got a number (5)"],
        id="extra-not-table",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024\\u0007"\n',
        [
            "events.toml:8:13: event 'a', field 'when': '2024\\x07' (at character 5): contains a control or unprintable character (U+0007)"
        ],
        id="control-char",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nanchor = "reprot"\n',
        ["events.toml:9:10: event 'a', field 'anchor': unknown event or source 'reprot'; did you mean 'report'?"],
        id="anchor-unknown-absolute-date",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = 2024-10-01\nanchor = "zz"\n',
        ["events.toml:9:10: event 'a', field 'anchor': unknown event or source 'zz'"],
        id="anchor-unknown-toml-date",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-13"\nanchor = "zz"\n',
        [
            "events.toml:8:14: event 'a', field 'when': '2024-13' (at character 6): month 13 does not exist; "
            "expected 01-12, or 21-41 for seasons and quarters",
            "events.toml:9:10: event 'a', field 'anchor': unknown event or source 'zz'",
        ],
        id="anchor-unknown-unreadable-date",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.claims]]\nsubject = "troops"\n'
        'value = 5\nsaid = "2024-10-18"\nanchor = "reprt"\n',
        [
            "events.toml:14:10: event 'a', field 'claims[0].anchor': unknown event or source 'reprt'; "
            "did you mean 'report'?"
        ],
        id="claim-anchor-unknown-absolute-said",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[[events.claims]]\nsubject = "troops"\n'
        'value = 5\nanchor = "zz"\n',
        ["events.toml:13:10: event 'a', field 'claims[0].anchor': unknown event or source 'zz'"],
        id="claim-anchor-unknown-no-said",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nanchor = "zz"\n\n[[events.claims]]\n'
        'subject = "troops"\nvalue = 5\nsaid = "2024-10-18"\n',
        ["events.toml:9:10: event 'a', field 'anchor': unknown event or source 'zz'"],  # once, not again for the claim
        id="claim-anchor-inherited-reported-once",
    ),
    pytest.param(
        HEAD + '[[events]]\nid = "a"\ntitle = "A"\nwhen = 0000-01-01\n',
        [
            "events.toml:8:8: TOML syntax: a TOML date cannot have year 0 (0000-01-01), as the calendar it uses "
            'starts at year 1; if year 0 (1 BCE) is meant, write the date as text in EDTF: "0000-01-01" (or "0000")'
        ],
        id="toml-date-year-0",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_a_broken_file_is_reported_exactly(
    text: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(text, encoding="utf-8")
    assert [str(problem) for problem in chronology.validate("events.toml")] == expected
    with pytest.raises(EventFileError) as raised:
        chronology.load("events.toml")
    assert [str(problem) for problem in raised.value.problems] == expected
    assert all(problem.line is not None for problem in raised.value.problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(b'title = "\xff"\n', "events.toml: is not UTF-8 text (byte 0xff at offset 9)", id="not-utf8"),
        pytest.param(b"\x89PNG\x00\x01", "events.toml: is a binary file, not an event file (TOML text)", id="binary"),
    ],
)
def test_a_file_that_is_not_toml_text_is_named(
    content: bytes, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_bytes(content)
    assert [str(p) for p in chronology.validate("events.toml")] == [expected]


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EventFileError, match=r"nowhere\.toml: cannot read the file: No such file"):
        chronology.load("nowhere.toml")


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-13"\n\n'
        + '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\nafter = ["zz"]\n\n'
        + '[[events]]\nid = "c"\ntitle = "C"\nwhen = "2024"\nkinds = "x"\n',
        encoding="utf-8",
    )
    problems = chronology.validate("events.toml")
    assert [(p.line, p.event, p.field) for p in problems] == [(8, "a", "when"), (14, "b", "after"), (20, "c", "kinds")]


def test_a_reference_to_a_broken_event_is_not_reported_as_unknown(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-13"\n\n'
        + '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\nafter = ["a"]\n',
        encoding="utf-8",
    )
    assert [p.event for p in chronology.validate(path)] == ["a"]


def test_relative_dates_are_read_from_their_anchor_and_anchors_chain(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "aljazeera"\npublished = "[2024-10-29..2024-10-30]"\n\n'
        '[[events]]\nid = "nis-statement"\ntitle = "NIS"\nwhen = "On October 18"\nanchor = "aljazeera"\n'
        'reports = ["transfers"]\n\n'
        '[[events]]\nid = "transfers"\ntitle = "T"\nwhen = "during the second week of October"\n'
        'anchor = "nis-statement"\n\n'
        '[[events]]\nid = "brics"\ntitle = "Putin at BRICS"\nwhen = "on Thursday"\nanchor = "aljazeera"\n\n'
        '[[events]]\nid = "meeting"\ntitle = "Planned"\nwhen = "on Tuesday"\nanchor = "aljazeera"\ntense = "future"\n',
        encoding="utf-8",
    )
    timeline = chronology.load(path)
    assert timeline["nis-statement"].when.earliest == pendulum.Date(2024, 10, 18)
    transfers = timeline["transfers"].when
    assert (transfers.earliest, transfers.latest) == (pendulum.Date(2024, 10, 7), pendulum.Date(2024, 10, 13))
    assert timeline["transfers"].anchor == "nis-statement"
    assert timeline["brics"].when.earliest == timeline["brics"].when.latest == pendulum.Date(2024, 10, 24)
    meeting = timeline["meeting"].when
    # the Tuesday on or after each possible anchor day: 29 October itself, or 5 November
    assert (meeting.earliest, meeting.latest) == (pendulum.Date(2024, 10, 29), pendulum.Date(2024, 11, 5))
    assert timeline["meeting"].tense is chronology.Tense.FUTURE


@pytest.mark.parametrize("later_when", ["2024-10-05", "2024-13"], ids=["sound", "unreadable"])
def test_a_claim_said_from_an_event_later_in_the_file_is_read_from_it(tmp_path: Path, later_when: str) -> None:
    # The claim's anchor comes after it: its date is read first, not taken as missing (which dropped the event
    # with no word). When that date cannot be read, its own problem is the one said, once.
    path = tmp_path / "events.toml"
    path.write_text(
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10-01"\n'
        '[[events.claims]]\nsubject = "troops"\nvalue = "5"\nsaid = "two days after"\nanchor = "b"\n\n'
        f'[[events]]\nid = "b"\ntitle = "B"\nwhen = "{later_when}"\n',
        encoding="utf-8",
    )
    if later_when == "2024-13":
        problems = chronology.validate(path)
        assert [(p.event, p.field) for p in problems] == [("b", "when")]
        return
    timeline = chronology.load(path)
    assert [event.id for event in timeline] == ["a", "b"]
    said = timeline["a"].claims[0].said
    assert said == chronology.parse("two days after", anchor=chronology.parse(later_when))


def test_an_uncertain_anchor_carries_its_uncertainty(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "s"\npublished = "[2024-10-28..2024-10-31]"\n\n'
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "three weeks ago"\nanchor = "s"\n',
        encoding="utf-8",
    )
    when = chronology.load(path)["a"].when
    direct = [
        chronology.UncertainDate.parse("three weeks ago", anchor=pendulum.Date(2024, 10, d)) for d in range(28, 32)
    ]
    assert when.earliest == min(d.earliest for d in direct)
    assert when.latest == max(d.latest for d in direct)


def test_toml_dates_are_accepted_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = 2024-10-18\n', encoding="utf-8")
    assert chronology.load(path)["a"].when == chronology.parse("2024-10-18")


def test_extra_keys_are_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n[events.extra]\nanalyst = "J. Doe"\nscore = [1, 2]\n',
        encoding="utf-8",
    )
    assert dict(chronology.load(path)["a"].extra) == {"analyst": "J. Doe", "score": [1, 2]}


def test_includes_are_read_relative_to_the_including_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "more").mkdir()
    (tmp_path / "events.toml").write_text(
        'title = "Main"\ninclude = ["more/part.toml"]\n\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n',
        encoding="utf-8",
    )
    (tmp_path / "more" / "part.toml").write_text(
        'include = ["deeper.toml"]\n\n[[events]]\nid = "b"\ntitle = "B"\nwhen = "2025"\nafter = ["a"]\n',
        encoding="utf-8",
    )
    (tmp_path / "more" / "deeper.toml").write_text(
        '[[events]]\nid = "c"\ntitle = "C"\nwhen = "2026-13"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    problems = chronology.validate("events.toml")
    assert [str(p) for p in problems] == [
        "more/deeper.toml:4:14: event 'c', field 'when': '2026-13' (at character 6): month 13 does not exist; "
        "expected 01-12, or 21-41 for seasons and quarters"
    ]
    (tmp_path / "more" / "deeper.toml").write_text('[[events]]\nid = "c"\ntitle = "C"\nwhen = "2026"\n')
    timeline = chronology.load("events.toml")
    assert [event.id for event in timeline] == ["a", "b", "c"]
    assert timeline.title == "Main"


def test_an_include_outside_the_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "events.toml").write_text('include = ["../outside.toml"]\n', encoding="utf-8")
    (tmp_path / "outside.toml").write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n', encoding="utf-8")
    with pytest.raises(EventFileError, match="points outside the folder"):
        chronology.load(tmp_path / "inner" / "events.toml")
    assert len(chronology.load(tmp_path / "inner" / "events.toml", allow_outside=True)) == 1


def test_several_files_load_as_one_chronology_and_ids_clash_across_them(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[[events]]\nid = "x"\ntitle = "A"\nwhen = "2024"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[[events]]\nid = "x"\ntitle = "B"\nwhen = "2025"\n', encoding="utf-8")
    problems = chronology.validate([tmp_path / "a.toml", tmp_path / "b.toml"])
    assert len(problems) == 1
    assert "duplicate event id 'x' (first defined at" in problems[0].message
    assert problems[0].path is not None
    assert problems[0].path.endswith("b.toml")


def test_links_narrow_bounds_to_a_fixed_point(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10-10"\n\n'
        '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024-10"\nafter = ["a"]\n\n'
        '[[events]]\nid = "c"\ntitle = "C"\nwhen = "2024"\nafter = ["b"]\nbefore = ["d"]\n\n'
        '[[events]]\nid = "d"\ntitle = "D"\nwhen = "2024-11-20"\n',
        encoding="utf-8",
    )
    timeline = chronology.load(path)
    assert timeline.narrowed("b") == chronology.parse("[2024-10-10..2024-10-31]")
    assert timeline.narrowed("c") == chronology.parse("[2024-10-10..2024-11-20]")
    assert timeline.narrowed("a") is timeline["a"].when  # nothing to narrow: the date as written
    assert timeline["c"].when.earliest == pendulum.Date(2024, 1, 1)  # the stated date is kept


def test_the_reference_page_documents_every_key_the_loader_accepts() -> None:
    from chronology.files import schema

    page = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "event-file.md").read_text(encoding="utf-8")
    for keys in (schema.TOP_KEYS, schema.SOURCE_KEYS, schema.EVENT_KEYS, schema.CITATION_KEYS, schema.CLAIM_KEYS):
        for key in keys:
            assert f"| `{key}` |" in page, key


def test_an_absolute_date_may_name_an_anchor_that_exists(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        HEAD
        + '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\nanchor = "report"\n\n'
        + '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024"\nanchor = "a"\n\n'
        + '[[events.claims]]\nsubject = "troops"\nvalue = 5\nsaid = "2024-10-18"\nanchor = "b"\n',
        encoding="utf-8",
    )
    timeline = chronology.load(path)
    assert (timeline["a"].anchor, timeline["b"].anchor, timeline["b"].claims[0].anchor) == ("report", "a", "b")


def test_year_0_is_written_as_edtf_text(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "0000-01-01"\n', encoding="utf-8")
    assert chronology.load(path)["a"].when.label == "1 January 1 BCE"  # what the message advises works


def test_a_text_holding_a_lone_surrogate_is_not_unicode_and_is_placed(tmp_path: Path) -> None:
    from chronology.files.load import load_text

    text = HEAD + '[[events]]\nid = "a"\ntitle = "A\ud800"\nwhen = "2024"\n'
    with pytest.raises(EventFileError) as raised:
        load_text(tmp_path / "events.toml", text)
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == (7, 11)
    assert str(problem) == (
        f"{tmp_path / 'events.toml'}:7:11: is not valid Unicode text: it holds a lone surrogate (U+D800): half of a "
        "UTF-16 pair, not a character, so it is not valid Unicode and cannot be written as UTF-8; give the whole "
        "character (both halves of the pair) or remove it"
    )
    assert text.splitlines()[6][10] == "\ud800"


def test_null_and_huge_integers_in_extra_are_refused_where_a_parser_lets_them_through() -> None:
    from chronology.files.load import load_document

    document = {"events": [{"id": "a", "title": "A", "when": "2024", "extra": {"x": [[1], [None]], "n": 2**64}}]}
    with pytest.raises(EventFileError) as raised:
        load_document(document, path="data")
    assert [(p.event, p.field) for p in raised.value.problems] == [("a", "extra.x[1][0]"), ("a", "extra.n")]
    assert "is null, which TOML cannot hold: leave the key out" in raised.value.problems[0].message
    assert "18446744073709551616 is beyond what TOML holds" in raised.value.problems[1].message


def test_an_include_outside_the_folder_is_named_short_when_refused(tmp_path: Path) -> None:
    name = "../" + "x" * 300 + ".toml"
    path = tmp_path / "events.toml"
    path.write_text(f'include = ["{name}"]\n', encoding="utf-8")
    [problem] = chronology.validate(path)
    assert "x" * 100 not in problem.message
    assert "[308 characters]" in problem.message
    assert "allow_outside=True" in problem.message


@pytest.mark.parametrize("size", [0, 1, 3 * (1 << 20) + 7], ids=["empty", "one-byte", "over-three-mib"])
def test_a_regular_file_is_read_whole(tmp_path: Path, size: int) -> None:
    from chronology.files.load import read_regular

    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "events.toml"
    path.write_bytes(data)
    assert read_regular(path) == data
