"""`chronology validate` on a date without a year that the past-tense rule puts a year back, far before its source.

And the message for a phrase read from a source without a ``published`` date, with the remedies it names.
"""

from __future__ import annotations

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest

from chronology import Event, Source, UncertainDate, load, validate
from chronology.cli import main
from chronology.consistency import FAR_BEFORE_DAYS, far_before_anchor
from chronology.errors import EventFileError

FILE = """\
title = "Trial"

[[sources]]
id = "article"
title = "An article"
published = "{published}"

[[events]]
id = "raid"
title = "The raid"
when = "{when}"
anchor = "article"
tense = "{tense}"
citations = [{{source = "article"}}]
"""


def write(tmp_path: Path, when: str, published: str = "2024-10-29", tense: str = "past") -> Path:
    path = tmp_path / "events.toml"
    path.write_text(FILE.format(when=when, published=published, tense=tense), encoding="utf-8")
    return path


def when_line(path: Path) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("when ="))


def test_november_13_read_from_a_report_of_29_october_lands_a_year_back_and_validate_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "November 13")
    landed = load(path)["raid"].when  # load reads it as the rule says: the check is validate's
    assert isinstance(landed, UncertainDate)
    assert landed.earliest.year == 2023
    problems = validate(path)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.event, problem.field) == (str(path), when_line(path), "raid", "when")
    message = problem.message
    for part in ("'November 13'", "'article'", "29 October 2024", landed.label, 'tense = "future"'):
        assert part in message
    gap = (datetime.date(2024, 10, 29) - datetime.date(2023, 11, 13)).days
    assert f"{gap} days before" in message


def test_the_year_it_suggests_writing_reads_as_the_same_date_and_validates(tmp_path: Path) -> None:
    path = write(tmp_path, "November 13")
    landed = load(path)["raid"].when
    written = re.search(r'`when = "([^"]+)"`', validate(path)[0].message)
    assert written is not None
    fixed = write(tmp_path, written[1])
    assert validate(fixed) == ()
    assert load(fixed)["raid"].when == landed


def test_marking_the_event_future_validates_and_reads_the_date_the_message_names(tmp_path: Path) -> None:
    message = validate(write(tmp_path, "November 13"))[0].message
    future = write(tmp_path, "November 13", tense="future")
    assert validate(future) == ()
    assert f"it then reads {load(future)['raid'].when.label}" in message


@pytest.mark.parametrize(
    "when",
    ["late November", "the second week of November", "c. November 13", "December 25", "on 13 November", "November"],
    ids=["late-month", "week-of-month", "hedged-day", "december", "on-day", "month"],
)
def test_other_phrases_put_a_year_back_are_reported_with_the_date_they_land_on(tmp_path: Path, when: str) -> None:
    path = write(tmp_path, when)
    landed = load(path)["raid"].when
    problems = validate(path)
    assert [p.field for p in problems] == ["when"]
    assert repr(when) in problems[0].message
    assert landed.label in problems[0].message


@pytest.mark.parametrize(
    ("when", "published", "tense"),
    [
        ("in March", "2024-10-29", "past"),  # the March of the report's year: what a report means
        ("ten months ago", "2024-10-29", "past"),  # as far back as it says, whatever the tense
        ("last year", "2024-10-29", "past"),
        ("eleven months ago", "2024-10-29", "past"),
        ("December 25", "2024-01-02", "past"),  # a year back, but a week before the report
        ("Friday", "2024-10-29", "past"),
        ("November 13, 2023", "2024-10-29", "past"),  # the year is written: meant
        ("November 13", "2024-10-29", "future"),
        ("November 13", "2024-10-29", "either"),
        ("November 13", "2024-11-20", "past"),  # in the report's own year
    ],
    ids=[
        "same-year",
        "months-ago",
        "last-year",
        "eleven-months-ago",
        "near-new-year",
        "weekday",
        "year-written",
        "future",
        "either",
        "after-its-month",
    ],
)
def test_dates_the_tense_did_not_put_far_back_are_not_reported(
    tmp_path: Path, when: str, published: str, tense: str
) -> None:
    assert validate(write(tmp_path, when, published, tense)) == ()


@pytest.mark.parametrize(("extra", "reported"), [(0, False), (1, True)], ids=["at-the-threshold", "a-day-past-it"])
def test_the_threshold_is_far_before_days_after_the_date(tmp_path: Path, extra: int, reported: bool) -> None:
    published = datetime.date(2023, 7, 31) + datetime.timedelta(days=FAR_BEFORE_DAYS + extra)
    assert published.year == 2024  # "July 31" is then put back in 2023
    problems = validate(write(tmp_path, "July 31", published.isoformat()))
    assert bool(problems) is reported


def test_a_claims_said_read_from_the_source_is_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    text = write(tmp_path, "2024-10-28").read_text() + (
        '\n[[events.claims]]\nsubject = "troops"\nvalue = "1,500"\nsaid = "November 13"\nanchor = "article"\n'
    )
    path.write_text(text, encoding="utf-8")
    said = load(path)["raid"].claims[0].said
    assert said is not None
    problems = validate(path)
    assert [(p.event, p.field) for p in problems] == [("raid", "claims[0].said")]
    assert said.label in problems[0].message
    assert '`said = "November 13, 2023"`' in problems[0].message


def test_a_date_built_in_python_without_a_phrase_is_not_read_from_its_anchor() -> None:
    event = Event(id="raid", title="The raid", when=UncertainDate.parse("2023-11-13"), anchor="article")
    source = Source(id="article", title="An article", published=UncertainDate.parse("2024-10-29"))
    assert far_before_anchor([event], [source]) == []


def test_the_command_prints_it_and_fails_while_other_commands_read_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "November 13")
    out, err = StringIO(), StringIO()
    assert main(["validate", "events.toml"], out=out, err=err) == 1
    assert err.getvalue().splitlines()[0].startswith(f"events.toml:{when_line(tmp_path / 'events.toml')}:")
    assert "'November 13'" in err.getvalue()
    assert main(["list", "events.toml"], out=StringIO(), err=StringIO()) == 0


UNDATED = """\
title = "Trial"

[[sources]]
id = "undated"
title = "An undated article"
{published}
[[events]]
id = "raid"
title = "The raid"
when = "yesterday"
anchor = "undated"
"""


def test_a_phrase_read_from_an_undated_source_names_the_remedies_and_each_one_reads(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(UNDATED.format(published=""), encoding="utf-8")
    with pytest.raises(EventFileError) as raised:
        load(path)
    (problem,) = raised.value.problems
    assert (problem.event, problem.field) == ("raid", "anchor")
    assert "'undated' is a source without a 'published' date to read 'yesterday' from" in problem.message
    forms = re.findall(r'`published = "([^"]+)"`', problem.message)
    assert len(forms) == 3  # a day, a range of days, an approximate month
    for form in forms:
        path.write_text(UNDATED.format(published=f'published = "{form}"\n'), encoding="utf-8")
        published = load(path).sources["undated"].published
        assert published is not None
        when = load(path)["raid"].when
        assert isinstance(when, UncertainDate)
        assert when.latest_day < published.latest_day  # "yesterday" is read from it


def test_the_cli_reference_quotes_what_validate_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (Path(__file__).parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    (quoted,) = re.findall(r"^    (events\.toml:.*'November 13'.*)$", page, re.MULTILINE)
    head, _, tail = quoted.partition(" ... ")
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "November 13")
    (problem,) = validate("events.toml")
    assert str(problem).startswith(head)
    assert str(problem).endswith(tail)
