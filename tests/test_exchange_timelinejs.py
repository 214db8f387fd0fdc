"""TimelineJS export: dates to the precision their bounds warrant, labels as displayed, escaped HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import chronology as c
from chronology import Citation, Claim, Event, Quantity, Source, Timeline
from chronology.exchange import to_timelinejs, to_timelinejs_json
from chronology.exchange.timelinejs import TITLE_ID

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


def slide_of(when: str) -> dict[str, Any]:
    timeline = Timeline([Event(id="e", title="E", when=c.parse(when))])
    [slide] = to_timelinejs(timeline)["events"]
    assert isinstance(slide, dict)
    return slide


DATES = [
    # (when, start_date without display_date, end_date without display_date or None, displayed label)
    ("2024-10-18", {"year": "2024", "month": "10", "day": "18"}, None, "18 October 2024"),
    ("June 2024", {"year": "2024", "month": "6"}, None, "June 2024"),
    ("[2024-10-07..2024-10-13]", {"year": "2024", "month": "10"}, None, "between 7 and 13 Oct 2024"),
    ("2024-W41", {"year": "2024", "month": "10"}, None, "between 7 and 13 Oct 2024"),
    (
        "[2024-10-29..2024-11-30]",
        {"year": "2024", "month": "10"},
        {"year": "2024", "month": "11"},
        "between 29 Oct and 30 Nov 2024",
    ),
    ("2024", {"year": "2024"}, None, "2024"),
    ("201X", {"year": "2010"}, {"year": "2019"}, "2010s"),
    ("2004-06-11%", {"year": "2004", "month": "6", "day": "11"}, None, "c. 11 June 2004?"),
    (
        "2024-10-18T14:30+09:00",
        {"year": "2024", "month": "10", "day": "18", "hour": "14", "minute": "30"},
        None,
        "18 October 2024, 14:30 UTC+09:00",
    ),
    ("2024-10-18T14", {"year": "2024", "month": "10", "day": "18", "hour": "14"}, None, "18 October 2024, 2 p.m."),
    ("2024-06/2024-08", {"year": "2024", "month": "6"}, {"year": "2024", "month": "8"}, "from June to August 2024"),
    ("1950/1953", {"year": "1950"}, {"year": "1953"}, "from 1950 to 1953"),
    (
        "2024-10-07/2024-10-13",
        {"year": "2024", "month": "10", "day": "7"},
        {"year": "2024", "month": "10", "day": "13"},
        "from 7 to 13 October 2024",
    ),
    ("2022-02/..", {"year": "2022", "month": "2"}, None, "from February 2022 (ongoing)"),
    ("2024-06/", {"year": "2024", "month": "6"}, None, "from June 2024 (end unknown)"),
    ("../2024-01", {"year": "2024", "month": "1"}, None, "until January 2024 (no start)"),
]


@pytest.mark.parametrize(("when", "start", "end", "label"), DATES, ids=[row[0] for row in DATES])
def test_dates_carry_only_the_parts_their_bounds_warrant_and_show_the_label(
    when: str, start: dict[str, str], end: dict[str, str] | None, label: str
) -> None:
    slide = slide_of(when)
    assert slide["display_date"] == label
    shown_start = dict(slide["start_date"])
    assert shown_start.pop("display_date")
    assert shown_start == start
    if end is None:
        assert "end_date" not in slide
    else:
        shown_end = dict(slide["end_date"])
        assert shown_end.pop("display_date")
        assert shown_end == end


def test_an_instant_spanning_months_labels_both_date_objects_with_its_one_label() -> None:
    slide = slide_of("[2024-10-29..2024-11-30]")
    assert slide["start_date"]["display_date"] == slide["end_date"]["display_date"] == "between 29 Oct and 30 Nov 2024"


def test_interval_ends_are_labelled_each_on_its_own() -> None:
    slide = slide_of("2024-06~/2024-08")
    assert slide["start_date"]["display_date"] == "c. June 2024"
    assert slide["end_date"]["display_date"] == "August 2024"
    assert slide["display_date"] == "from c. June 2024 to August 2024"


def test_an_open_start_puts_the_slide_at_the_known_end() -> None:
    slide = slide_of("../2024-01-15")
    assert slide["start_date"] == {"year": "2024", "month": "1", "day": "15", "display_date": "15 January 2024"}


def test_the_showcase_has_one_slide_per_event_with_its_id_kind_and_label(showcase: Timeline) -> None:
    document = to_timelinejs(showcase)
    slides = document["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in showcase.sorted()]
    assert len(slides) == len(showcase) == 33
    for slide in slides:
        event = showcase[slide["unique_id"]]
        wording = event.when.text.casefold().removeprefix("in ").removeprefix("on ")
        if event.anchor is not None and wording and wording not in event.when.label.casefold():  # a report's words
            assert slide["display_date"] == f"{event.when.text} ({event.when.label})"
        else:
            assert slide["display_date"] == event.when.label
        assert slide["group"] == event.kind
        assert slide["text"]["headline"] == event.title.replace("'", "&#x27;")


def test_the_transfers_slide_shows_its_week_and_invents_no_day(showcase: Timeline) -> None:
    transfers = next(s for s in to_timelinejs(showcase)["events"] if s["unique_id"] == "transfers")
    assert transfers["display_date"] == "the second week of October (between 7 and 13 Oct 2024)"
    assert transfers["start_date"] == {"year": "2024", "month": "10", "display_date": "between 7 and 13 Oct 2024"}
    assert "end_date" not in transfers


def test_only_single_days_get_a_day_in_the_showcase(showcase: Timeline) -> None:
    for slide in to_timelinejs(showcase)["events"]:
        when = showcase[slide["unique_id"]].when
        single = isinstance(when, c.UncertainDate) and when.earliest_day == when.latest_day
        assert ("day" in slide["start_date"]) is single, slide["unique_id"]


def test_the_title_slide_names_the_chronology_and_has_an_id_no_event_can_take(showcase: Timeline) -> None:
    title = to_timelinejs(showcase)["title"]
    assert title["unique_id"] == TITLE_ID
    assert title["text"]["headline"] == "North Korean troops sent to Russia, 2023-2024"
    assert "33 events" in title["text"]["text"]
    with pytest.raises(ValueError, match="not a valid id"):
        Event(id=TITLE_ID, title="x", when=c.parse("2024"))


def test_a_timeline_without_a_title_has_no_title_slide() -> None:
    document = to_timelinejs(Timeline([Event(id="e", title="E", when=c.parse("2024"))]))
    assert "title" not in document


def test_slide_text_quotes_the_sources_and_lists_claims(showcase: Timeline) -> None:
    slide = next(s for s in to_timelinejs(showcase)["events"] if s["unique_id"] == "nis-statement")
    text = slide["text"]["text"]
    assert "<p>When: 18 October 2024; EDTF <code>2024-10-18</code>.</p>" in text
    assert "<footer>Al Jazeera, “US says about 10,000 North Korean soldiers deployed in Russia" in text
    assert "published between 29 and 30 Oct 2024</footer></blockquote>" in text
    assert (
        "<li>North Korean soldiers transferred to Russia: 1,500 soldiers "
        "(National Intelligence Service (South Korea); in Al Jazeera)</li>" in text
    )


def test_uncertain_dates_say_so_in_the_slide_text(showcase: Timeline) -> None:
    slide = next(s for s in to_timelinejs(showcase)["events"] if s["unique_id"] == "transfers")
    assert (
        "<p>When: between 7 and 13 Oct 2024 (as precisely as the sources give it); EDTF <code>[2024-10-07..2024-10-13]</code>.</p>"
        in slide["text"]["text"]
    )


def tricky() -> Timeline:
    source = Source(
        id="s1",
        outlet="A & B <News>",
        title='"Quoted" <i>title</i>',
        authors=("Ann", "Bo", "Cy"),
        published=c.UncertainDate.parse("2024-11-17"),
        url="https://example.org/a?b=1&c=2",
    )
    bad_link = Source(id="s2", title="Not linked", url="javascript:alert(1)")
    event = Event(
        id="x",
        title="<script>alert(1)</script> & co",
        when=c.parse("2024-11"),
        kind="a<b>&amp;",
        summary="line one\nline <two>",
        citations=[Citation(source="s1", quote="He said <b>no</b>."), Citation(source="s2")],
        claims=[Claim(subject="troops <x>", value=Quantity.parse("up to 100"), unit="soldiers", source="s1")],
    )
    return Timeline([event], [source, bad_link], title="<Title> & more")


def test_headline_and_text_are_escaped_html() -> None:
    document = to_timelinejs(tricky())
    [slide] = document["events"]
    assert document["title"]["text"]["headline"] == "&lt;Title&gt; &amp; more"
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    text = slide["text"]["text"]
    assert text.startswith("<p>line one<br>line &lt;two&gt;</p>")
    assert "<blockquote><p>He said &lt;b&gt;no&lt;/b&gt;.</p><footer>A &amp; B &lt;News&gt;, " in text
    assert '<a href="https://example.org/a?b=1&amp;c=2">“&quot;Quoted&quot; &lt;i&gt;title&lt;/i&gt;”</a>' in text
    assert ", by Ann, Bo and Cy, published 17 November 2024</footer>" in text
    assert "<p>Source: “Not linked”, javascript:alert(1)</p>" in text
    assert 'href="javascript' not in text
    assert "<li>troops &lt;x&gt;: up to 100 soldiers (in A &amp; B &lt;News&gt;)</li>" in text


def test_fields_timelinejs_strips_of_markup_are_escaped_twice() -> None:
    [slide] = to_timelinejs(tricky())["events"]
    assert slide["group"] == "a&amp;lt;b&amp;gt;&amp;amp;amp;"


def test_json_text_is_the_document_with_unicode_kept(showcase: Timeline) -> None:
    text = to_timelinejs_json(showcase)
    assert json.loads(text) == to_timelinejs(showcase)
    assert "“" in text
    one_line = to_timelinejs_json(showcase, indent=None)
    assert one_line.endswith("}\n")
    assert one_line.count("\n") == 1


def test_a_view_exports_only_its_events(showcase: Timeline) -> None:
    october = showcase.within("2024-10-01", "2024-10-31")
    ids = [s["unique_id"] for s in to_timelinejs(october)["events"]]
    assert ids == [e.id for e in october.sorted()]
    assert "transfers" in ids
    assert "korean-war" not in ids


def test_a_date_read_from_a_reports_words_shows_them_with_what_they_can_mean(showcase: Timeline) -> None:
    slides = {slide["unique_id"]: slide for slide in to_timelinejs(showcase)["events"]}
    assert slides["transfers"]["display_date"] == "the second week of October (between 7 and 13 Oct 2024)"
    assert slides["scholz-putin-call"]["display_date"] == "Friday (15 November 2024)"
    assert slides["defence-pact"]["display_date"] == "June 2024"  # "in June": the label says it all
    assert slides["october-reports-10000"]["display_date"] == "October 2024"  # "In October"
    assert slides["transfers"]["start_date"]["display_date"] == "between 7 and 13 Oct 2024"
