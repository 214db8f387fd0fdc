"""The check of reports told too early judges "certainly after" whatever zone a date without an offset is in.

A source and an event of the same day in different zones, an approximate date, a draft of a morning article
east of Greenwich, and a CSV round trip of a phrase that looks ahead must all pass; a report published days
before the event it tells as past must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import chronology
from chronology.consistency import certainly_after
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.errors import EventFileError

SOURCE = '[[sources]]\nid = "s"\npublished = "{published}"\n\n'
EVENT = '[[events]]\nid = "e"\ntitle = "E"\nwhen = "{when}"\n{more}[[events.citations]]\nsource = "s"\n'


def load(tmp_path: Path, published: str, when: str, more: str = "", head: str = "") -> chronology.Timeline:
    path = tmp_path / "events.toml"
    path.write_text(head + SOURCE.format(published=published) + EVENT.format(when=when, more=more), encoding="utf-8")
    return chronology.load(path)


@pytest.mark.parametrize(
    ("published", "when", "head"),
    [
        ("2024-10-19", "2024-10-19T21:00-04:00", ""),  # New York's evening of a day the source is dated
        ("2024-10-19T08:00+09:00", "2024-10-19", ""),  # Seoul's morning wire and the day it tells
        ("2024-10-19", "2024-10-19T20:00+03:00", '[reading]\nzone = "Asia/Seoul"\n\n'),  # the file's zone aside
        ("2024-10-31", "2024-11~", ""),  # "c. November 2024" may begin in October
        ("2024-10~", "2024-11-01", ""),  # nor is a publication of "c. October" certainly before 1 November
    ],
)
def test_a_date_that_may_share_the_sources_moment_passes(tmp_path: Path, published: str, when: str, head: str) -> None:
    assert len(load(tmp_path, published, when, head=head)) == 1


@pytest.mark.parametrize(
    ("published", "when"),
    [("2024-10-18", "2024-10-21"), ("2024-10-19T08:00+09:00", "2024-10-20T12:00+09:00"), ("2024-10", "2024-12")],
)
def test_a_report_published_before_the_event_began_is_refused(tmp_path: Path, published: str, when: str) -> None:
    with pytest.raises(EventFileError, match=r"before the event .* began"):
        load(tmp_path, published, when)


def test_certainly_after_reads_a_day_without_offset_in_every_zone() -> None:
    day = UncertainDate.parse("2024-10-19")
    assert not certainly_after(UncertainDate.parse("2024-10-20T01:59+14:00"), day)  # 19 Oct 11:59 UTC
    assert not certainly_after(UncertainDate.parse("2024-10-20T11:59Z"), day)  # still 19 Oct at UTC-12:00
    assert certainly_after(UncertainDate.parse("2024-10-20T12:00:01Z"), day)
    assert certainly_after(UncertainDate.parse("2024-10-20"), day)  # both as written: the next day
    assert not certainly_after(UncertainDate.parse("2024-10-19T23:00"), day)


def test_a_draft_of_a_morning_article_east_of_greenwich_keeps_the_days_event() -> None:
    text = (
        "SEOUL, Nov. 4 (Yonhap) -- North Korea fired a ballistic missile on 4 November 2024, the military said.\n\n"
        "The launch came hours after talks on 3 November 2024.\n"
    )
    published = UncertainDate.parse("2024-11-04T08:00+09:00")
    drafted = draft_article(article_from_text(text, "art.txt"), published=published, language="en")
    days = [p.event.when for p in drafted.proposals]
    assert UncertainDate.parse("2024-11-04") in days
    assert not [left for left in drafted.leftovers if "4 November 2024" in left.phrase]


def test_a_csv_round_trip_keeps_a_phrase_that_looks_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.cli import main

    monkeypatch.chdir(tmp_path)
    load(tmp_path, "2024-10-18", "next week", more='anchor = "s"\n')
    assert main(["export", "events.toml", "--to", "csv", "-o", "out.csv"]) == 0
    assert main(["import", "out.csv", "-o", "back.toml"]) == 0
    back = chronology.load(tmp_path / "back.toml")["e"]
    assert back.when.text == "next week"
    assert back.when == chronology.load(tmp_path / "events.toml")["e"].when
    assert [citation.when for citation in back.citations] == [None]  # the file as written, nothing added
