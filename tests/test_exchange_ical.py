"""iCalendar export, read back with the icalendar library: all-day entries over every possible day, said plainly."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest

import chronology as c
from chronology import Citation, Claim, DateRangeError, Event, Quantity, Source, Timeline
from chronology.exchange import to_ics
from chronology.exchange.ical import DEFAULT_STAMP

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


@pytest.fixture(scope="module")
def showcase_ics(showcase: Timeline) -> str:
    return to_ics(showcase)


def entries(text: str) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def one(when: str, title: str = "E") -> Any:
    return entries(to_ics(Timeline([Event(id="e", title=title, when=c.parse(when))])))["e"]


DAYS = [
    # (when, DTSTART, DTEND (exclusive), SUMMARY)
    ("2024-10-18", D(2024, 10, 18), D(2024, 10, 19), "E"),
    ("2024-10-18T14:30+09:00", D(2024, 10, 18), D(2024, 10, 19), "E [18 October 2024, 14:30 UTC+09:00]"),
    ("June 2024", D(2024, 6, 1), D(2024, 7, 1), "E [June 2024]"),
    ("[2024-10-07..2024-10-13]", D(2024, 10, 7), D(2024, 10, 14), "E [between 7 and 13 Oct 2024]"),
    ("2024-12", D(2024, 12, 1), D(2025, 1, 1), "E [December 2024]"),
    ("2024-10-18~", D(2024, 10, 18), D(2024, 10, 19), "E [c. 18 October 2024]"),
    ("2024-10-07/2024-10-13", D(2024, 10, 7), D(2024, 10, 14), "E"),
    ("1950/1953", D(1950, 1, 1), D(1954, 1, 1), "E [from 1950 to 1953]"),
    ("2022-02/..", D(2022, 2, 1), D(2022, 3, 1), "E [from February 2022 (ongoing)]"),
    ("2024-06-03/", D(2024, 6, 3), D(2024, 6, 4), "E [from 3 June 2024 (end unknown)]"),
    ("../2024-01", D(2024, 1, 1), D(2024, 2, 1), "E [until January 2024 (no start)]"),
]


@pytest.mark.parametrize(("when", "start", "end", "summary"), DAYS, ids=[row[0] for row in DAYS])
def test_an_entry_covers_every_day_the_date_may_fall_on(
    when: str, start: datetime.date, end: datetime.date, summary: str
) -> None:
    entry = one(when)
    assert entry["DTSTART"].dt == start
    assert entry["DTEND"].dt == end
    assert entry["DTSTART"].params["VALUE"] == "DATE"
    assert entry["DTEND"].params["VALUE"] == "DATE"
    assert str(entry["SUMMARY"]) == summary


MEANINGS = [
    ("2024-10-18", "When: 18 October 2024 (EDTF 2024-10-18)."),
    (
        "[2024-10-07..2024-10-13]",
        "When: one day somewhere between 7 and 13 Oct 2024 (EDTF [2024-10-07..2024-10-13]); "
        "the entry covers every day it may fall on.",
    ),
    ("June 2024", "When: one day somewhere in June 2024 (EDTF 2024-06); the entry covers every day it may fall on."),
    (
        "2024-06/2024-08",
        "When: from June to August 2024 (EDTF 2024-06/2024-08); "
        "the entry runs from the first day it may have begun to the last day it may have ended.",
    ),
    (
        "2022-02/..",
        "When: from February 2022 (ongoing) (EDTF 2022-02/..); "
        "it is still going on, so the entry covers only the days it may have begun.",
    ),
    (
        "2022-02/",
        "When: from February 2022 (end unknown) (EDTF 2022-02/); "
        "its end is not known, so the entry covers only the days it may have begun.",
    ),
    (
        "../2024-01",
        "When: until January 2024 (no start) (EDTF ../2024-01); "
        "it has gone on for as long as anyone can tell, so the entry covers only the days it may have ended.",
    ),
    (
        "/2024-01",
        "When: until January 2024 (start unknown) (EDTF /2024-01); "
        "its start is not known, so the entry covers only the days it may have ended.",
    ),
]


@pytest.mark.parametrize(("when", "first_line"), MEANINGS, ids=[row[0] for row in MEANINGS])
def test_the_description_opens_with_what_the_entry_means(when: str, first_line: str) -> None:
    assert str(one(when)["DESCRIPTION"]).split("\n")[0] == first_line


def test_the_showcase_gives_one_entry_per_event_with_stable_uids(showcase: Timeline, showcase_ics: str) -> None:
    found = entries(showcase_ics)
    assert sorted(found) == sorted(e.id for e in showcase)
    assert len(found) == 33
    assert {str(e["UID"]) for e in found.values()} == {f"{e.id}@chronology.invalid" for e in showcase}
    assert entries(to_ics(showcase, domain="example.org"))["transfers"]["UID"] == "transfers@example.org"


def test_the_showcase_entries_match_the_bounds_and_labels(showcase: Timeline, showcase_ics: str) -> None:
    found = entries(showcase_ics)
    transfers = found["transfers"]
    assert (transfers["DTSTART"].dt, transfers["DTEND"].dt) == (D(2024, 10, 7), D(2024, 10, 14))
    assert (
        transfers["SUMMARY"]
        == "Russian ships transfer 1,500 North Korean soldiers to Russia [between 7 and 13 Oct 2024]"
    )
    assert str(transfers["CATEGORIES"].to_ical(), "utf-8") == "deployment"
    war = found["war-in-ukraine"]
    assert (war["DTSTART"].dt, war["DTEND"].dt) == (D(2022, 2, 1), D(2022, 3, 1))
    call = found["scholz-putin-call"]
    assert (call["DTSTART"].dt, call["DTEND"].dt) == (D(2024, 11, 15), D(2024, 11, 16))
    assert (
        call["SUMMARY"] == "Scholz tells Putin in a rare phone call that North Korean troops are a 'grave escalation'"
    )
    for event in showcase:
        entry = found[event.id]
        start, end = entry["DTSTART"].dt, entry["DTEND"].dt
        if isinstance(event.when, c.UncertainDate):
            assert (start, end - datetime.timedelta(days=1)) == (event.when.earliest, event.when.latest)
        assert event.when.label in str(entry["DESCRIPTION"])


def test_the_description_quotes_sources_and_lists_claims(showcase_ics: str) -> None:
    description = str(entries(showcase_ics)["nis-statement"]["DESCRIPTION"])
    assert description.split("\n\n")[-2:] == [
        "Sources:\n- Al Jazeera, “US says about 10,000 North Korean soldiers deployed in Russia: what impact could "
        "they have on the Ukraine war?”, published between 29 and 30 Oct 2024: “On October 18, South Korea’s National Intelligence Service said "
        "Russian ships had transferred 1,500 North Korean soldiers to Russia during the second week of October.”",
        "Claims:\n- North Korean soldiers transferred to Russia: 1,500 soldiers "
        "(National Intelligence Service (South Korea); in Al Jazeera)",
    ]


def test_the_calendar_is_named_after_the_timeline(showcase_ics: str) -> None:
    # RFC 7986's NAME, and the X-WR-CALNAME older clients read (the icalendar library keeps both as raw text)
    assert "\r\nNAME:North Korean troops sent to Russia\\, 2023-2024\r\n" in showcase_ics
    assert "\r\nX-WR-CALNAME:North Korean troops sent to Russia\\, 2023-2024\r\n" in showcase_ics
    calendar = icalendar.Calendar.from_ical(showcase_ics)
    assert calendar["X-WR-CALNAME"].to_ical() == b"North Korean troops sent to Russia\\, 2023-2024"
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//chronology//chronology ")


def test_output_is_reproducible_with_a_fixed_stamp_unless_one_is_given(showcase: Timeline, showcase_ics: str) -> None:
    assert to_ics(showcase) == showcase_ics
    assert entries(showcase_ics)["transfers"]["DTSTAMP"].dt == DEFAULT_STAMP
    seoul = datetime.timezone(datetime.timedelta(hours=9))
    stamped = to_ics(showcase, stamp=datetime.datetime(2024, 11, 18, 9, 30, tzinfo=seoul))
    assert "DTSTAMP:20241118T003000Z\r\n" in stamped
    assert entries(stamped)["transfers"]["DTSTAMP"].dt == datetime.datetime(2024, 11, 18, 0, 30, tzinfo=datetime.UTC)
    assert "DTSTAMP:20241118T093000Z\r\n" in to_ics(showcase, stamp=datetime.datetime(2024, 11, 18, 9, 30))


def test_lines_end_in_crlf_and_fold_at_75_octets(showcase_ics: str) -> None:
    assert showcase_ics.endswith("END:VCALENDAR\r\n")
    lines = showcase_ics.split("\r\n")[:-1]
    assert "\n" not in "".join(lines)
    assert "\r" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(len(line.encode("utf-8")) == 75 for line in lines)
    assert sum(line.startswith(" ") for line in lines) > 30


def test_folding_never_splits_a_character() -> None:
    title = "“" * 40 + "é" * 40  # three- and two-octet characters
    text = to_ics(Timeline([Event(id="e", title=title, when=c.parse("2024-10-18"))]))
    for line in text.split("\r\n"):
        line.encode("utf-8").decode("utf-8")  # every physical line is whole UTF-8
        assert len(line.encode("utf-8")) <= 75
    assert entries(text)["e"]["SUMMARY"] == title


def test_text_escapes_backslashes_semicolons_commas_and_line_breaks() -> None:
    source = Source(id="s", outlet="A; B, C\\D", title="T")
    event = Event(
        id="e",
        title="one, two; three \\ four",
        when=c.parse("2024-10-18"),
        kind="a,b",
        places=("Kursk, Russia", "Donetsk"),
        summary="line one\nline two\r\nline three",
        citations=[Citation(source="s", quote="said; done")],
        claims=[Claim(subject="troops", value=Quantity.parse("up to 100"), source="s")],
    )
    text = to_ics(Timeline([event], [source]))
    assert "SUMMARY:one\\, two\\; three \\\\ four\r\n" in text
    assert "CATEGORIES:a\\,b\r\n" in text
    assert "LOCATION:Kursk\\, Russia\\; Donetsk\r\n" in text
    entry = entries(text)["e"]
    assert entry["SUMMARY"] == "one, two; three \\ four"
    assert entry["LOCATION"] == "Kursk, Russia; Donetsk"
    assert str(entry["DESCRIPTION"]) == (
        "When: 18 October 2024 (EDTF 2024-10-18).\n\n"
        "line one\nline two\nline three\n\n"
        "Sources:\n- A; B, C\\D, “T”: “said; done”\n\n"
        "Claims:\n- troops: up to 100 (in A; B, C\\D)"
    )


def test_every_entry_is_transparent_all_day_and_has_the_required_properties(showcase_ics: str) -> None:
    for entry in entries(showcase_ics).values():
        assert entry["TRANSP"] == "TRANSPARENT"
        assert isinstance(entry["DTSTART"].dt, datetime.date)
        assert not isinstance(entry["DTSTART"].dt, datetime.datetime)
        assert entry["DTEND"].dt > entry["DTSTART"].dt
        for name in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION"):
            assert name in entry


def test_an_empty_view_is_an_empty_calendar(showcase: Timeline) -> None:
    text = to_ics(showcase.filter(kind="nothing"))
    assert icalendar.Calendar.from_ical(text).walk("VEVENT") == []
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


@pytest.mark.parametrize("when", ["-0500", "9999-12-31", "Y10000"], ids=["500 BCE", "last day", "year 10000"])
def test_days_an_icalendar_date_cannot_hold_raise(when: str) -> None:
    with pytest.raises(DateRangeError, match=r"event 'far': .* outside the years 1-9999"):
        to_ics(Timeline([Event(id="far", title="Far", when=c.parse(when))]))
