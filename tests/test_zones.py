"""Named time zones: a local time given its zone's offset, skipped hours refused, repeated hours covered."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from convertdate import julian

import chronology
from chronology import DateParseError, UncertainDate, parse

HOUR = 3600


def instant(text: str, **options: object) -> UncertainDate:
    value = parse(text, **options)  # type: ignore[arg-type]
    assert isinstance(value, UncertainDate)
    return value


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("2024-10-18T03:00 Asia/Seoul", "2024-10-18T03:00+09:00"),
        ("2024-07-01T12:00 Europe/London", "2024-07-01T12:00+01:00"),  # summer time
        ("2024-01-15T12:00 Europe/London", "2024-01-15T12:00Z"),
        ("14:30 on 3 October 2024 America/New_York", "2024-10-03T14:30-04:00"),
        ("2024-10-18T03:00+09:00 Asia/Seoul", "2024-10-18T03:00+09:00"),  # the zone's own offset: agreed
    ],
)
def test_a_named_zone_gives_a_local_time_its_offset_then(text: str, edtf: str) -> None:
    assert instant(text).to_edtf() == edtf


def test_a_local_time_in_the_hour_skipped_when_clocks_go_forward_is_an_error() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("2024-03-31T01:30 Europe/London")
    assert "01:30 does not exist in Europe/London on 2024-03-31: the clocks went forward over it" in str(caught.value)


def test_a_local_time_in_the_hour_repeated_when_clocks_go_back_covers_both() -> None:
    value = instant("2024-10-27T01:30 Europe/London")  # 00:30 UTC (summer time), then 01:30 UTC (winter time)
    first_reading = instant("2024-10-27T01:30+01:00")
    second_reading = instant("2024-10-27T01:30Z")
    assert chronology.before(first_reading, second_reading) is chronology.Certainty.CERTAIN
    assert value.lo - value.utc_offset == first_reading.lo - HOUR  # type: ignore[operator]
    assert value.hi - value.utc_offset == second_reading.hi  # type: ignore[operator]
    assert parse(value.label).to_edtf() == value.to_edtf()


def test_given_offsets_must_be_the_named_zones() -> None:
    with pytest.raises(DateParseError, match=r"the offset given is not Asia/Seoul's then \(UTC\+09:00\)"):
        parse("2024-10-18T03:00+02:00 Asia/Seoul")


def test_an_unknown_zone_is_named_with_the_nearest() -> None:
    with pytest.raises(
        DateParseError, match="'Asia/Seol' is not a time zone of the IANA database; did you mean 'Asia/Seoul'"
    ):
        parse("2024-10-18T03:00 Asia/Seol")


def test_dates_without_a_time_are_calendar_days_whatever_the_zone() -> None:
    assert chronology.parse_expression("2024-10-18", zone="Asia/Seoul") == parse("2024-10-18")


def test_a_files_zone_applies_to_its_times_without_an_offset(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[reading]\nzone = "Asia/Seoul"\n\n'
        '[[sources]]\nid = "report"\npublished = "2024-10-18"\n\n'
        '[[events]]\nid = "strike"\ntitle = "Strike"\nwhen = "3 a.m. local time"\nanchor = "report"\n\n'
        '[[events]]\nid = "london"\ntitle = "London"\nwhen = "2024-10-17T20:00Z"\n'
    )
    timeline = chronology.load(path)
    strike = timeline["strike"].when
    assert isinstance(strike, UncertainDate)
    assert strike.to_edtf() == "2024-10-18T03+09:00"  # 17 October, 18:00 UTC
    assert [e.id for e in timeline.sorted()] == ["strike", "london"]
    path.write_text(path.read_text().replace("Asia/Seoul", "Asia/Seol"))
    with pytest.raises(chronology.EventFileError, match="did you mean 'Asia/Seoul'"):
        chronology.load(path)


def test_the_skipped_hour_error_names_the_zones_own_offsets() -> None:
    with pytest.raises(DateParseError, match=r"give the offset \(\+02:00 or \+03:00\)"):
        parse("2024-03-31T03:30 Europe/Kyiv")


def test_a_date_open_on_one_side_takes_the_zones_offset_at_its_known_bound() -> None:
    value = instant("before 3 a.m. on 18 October 2024 Europe/Kyiv")
    assert value.open_before
    assert value.utc_offset == 3 * HOUR
    assert value.to_edtf() == "[..2024-10-18T02+03:00]"


def test_list_shows_a_time_with_an_offset_on_the_day_queries_place_it(tmp_path: Path) -> None:
    import io

    from chronology.cli import main

    path = tmp_path / "events.toml"
    path.write_text('[[events]]\nid = "seoul"\ntitle = "Seoul"\nwhen = "2024-10-18T03:00 Asia/Seoul"\n')
    out = io.StringIO()
    assert main(["list", str(path)], out=out, err=io.StringIO()) == 0
    assert "2024-10-17 .. 2024-10-17" in out.getvalue()  # 17 October, 18:00 UTC
    assert [e.id for e in chronology.load(path).on("2024-10-17", mode="certain")] == ["seoul"]


def test_a_sources_zone_and_calendar_read_the_events_read_from_it(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "yonhap"\npublished = "2024-10-18"\nzone = "Asia/Seoul"\n\n'
        '[[sources]]\nid = "pepys"\npublished = "1666-09-10"\ncalendar = "julian"\n\n'
        '[[events]]\nid = "strike"\ntitle = "Strike"\nwhen = "at about 3 a.m. local time"\nanchor = "yonhap"\n\n'
        '[[events]]\nid = "fire"\ntitle = "Fire"\nwhen = "2 September 1666"\nanchor = "pepys"\n\n'
        '[[events]]\nid = "plain"\ntitle = "Plain"\nwhen = "2 September 1666"\n'
    )
    timeline = chronology.load(path)
    assert timeline["strike"].when.to_edtf() == "2024-10-18T03+09:00~"
    assert timeline["fire"].when.to_edtf() == "1666-09-12"  # Old Style, as its source writes
    assert timeline["plain"].when.to_edtf() == "1666-09-02"
    path.write_text(path.read_text().replace('"Asia/Seoul"', '"Asia/Soul"').replace('"julian"', '"julien"'))
    with pytest.raises(chronology.EventFileError) as caught:
        chronology.load(path)
    problems = [str(p) for p in caught.value.problems]
    assert any("source 'yonhap', field 'zone'" in p and "did you mean 'Asia/Seoul'" in p for p in problems), problems
    assert any("field 'calendar'" in p and "did you mean 'julian'" in p for p in problems), problems


def test_local_mean_time_offsets_are_kept_to_the_minute() -> None:
    value = instant("1666-09-15T03:00 Asia/Seoul")  # before standard time: +08:27:52
    assert value.utc_offset == 8 * HOUR + 28 * 60
    assert parse(value.label).to_edtf() == value.to_edtf() == "1666-09-15T03:00+08:28"


def test_a_date_open_on_one_side_with_an_offset_labels_its_offset() -> None:
    value = instant("before 3 a.m. on 18 October 2024 Asia/Seoul")
    assert value.label == "before 18 October 2024, 3 a.m. UTC+09:00"
    assert parse(value.label) == value


def test_a_sources_zone_reads_its_own_date_and_the_claims_said_from_it(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "yonhap"\npublished = "2024-10-18T09:00"\nzone = "Asia/Seoul"\n\n'
        '[[events]]\nid = "strike"\ntitle = "Strike"\nwhen = "3 a.m."\nanchor = "yonhap"\n\n'
        '[[events.claims]]\nsubject = "soldiers"\nvalue = "100"\nsource = "yonhap"\n'
        'said = "2024-10-18T03:00"\nanchor = "yonhap"\n'
    )
    timeline = chronology.load(path)
    published = timeline.sources["yonhap"].published
    assert published is not None
    assert published.to_edtf() == "2024-10-18T09:00+09:00"
    said = timeline["strike"].claims[0].said
    assert said is not None
    assert said.to_edtf() == "2024-10-18T03:00+09:00"


def test_weeks_of_a_month_are_read_old_style_in_the_julian_month() -> None:
    # the rows of March 1603 O.S. printed Monday first: the second is the Monday after the first Sunday to Sunday
    first = datetime.date(*julian.to_gregorian(1603, 3, 1))
    monday = first + datetime.timedelta(days=7 - first.weekday())
    value = parse("the second week of March 1603", calendar="julian")
    assert isinstance(value, UncertainDate)
    assert (value.earliest_day, value.latest_day) == (monday.toordinal(), monday.toordinal() + 6)


def test_a_misspelt_zone_is_answered_with_a_zone_of_its_own_not_a_deprecated_link() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("2024-03-11T03:00 Europe/Kiev2")
    assert "did you mean 'Europe/Kyiv'?" in str(caught.value)


def test_a_citys_time_is_the_zone_named_for_the_city() -> None:
    from chronology.zones import city_zones

    cities = city_zones()
    assert (cities["kyiv"], cities["seoul"], cities["new york"]) == ("Europe/Kyiv", "Asia/Seoul", "America/New_York")
    assert cities["kiev"] == "Europe/Kyiv"  # an old name: the zone it links to
    assert "eastern" not in cities  # "US/Eastern" names no city
    assert instant("3 a.m. Kyiv time on 11 March 2024").to_edtf() == "2024-03-11T03+02:00"


# -- exports and the claims chart place times on the timeline zone's days, and keep the wording ----------------

KYIV = """\
title = "Strikes on Kyiv, March 2024"

[reading]
zone = "Europe/Kyiv"

[[sources]]
id = "kyiv-independent"
outlet = "Kyiv Independent"
published = "2024-03-11T09:00"

[[sources]]
id = "ukrinform"
outlet = "Ukrinform"
published = "2024-03-12T10:30"

[[events]]
id = "strike"
title = "Missile strike on Kyiv"
when = "early Monday"
anchor = "kyiv-independent"

[[events.citations]]
source = "kyiv-independent"
quote = "Russia struck Kyiv early Monday, the city administration said."

[[events.claims]]
subject = "killed"
value = 3
unit = "people"
source = "kyiv-independent"
said = "early Monday"
anchor = "kyiv-independent"

[[events]]
id = "drones"
title = "Drone attack on the region"
when = "overnight"
anchor = "kyiv-independent"

[[events.claims]]
subject = "killed"
value = 5
unit = "people"
source = "ukrinform"
said = "2024-03-12"

[[events]]
id = "blast"
title = "Explosion heard in the centre"
when = "at about 3 a.m. local time"
anchor = "kyiv-independent"
"""

WORDED = {"strike": "early Monday", "drones": "overnight", "blast": "at about 3 a.m. local time"}


@pytest.fixture
def kyiv(tmp_path: Path) -> chronology.Timeline:
    path = tmp_path / "events.toml"
    path.write_text(KYIV, encoding="utf-8")
    return chronology.load(path)


def _rows(text: str) -> dict[str, dict[str, str]]:
    import csv
    import io

    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_csv_days_are_the_timeline_zones_as_queries_place_them(kyiv: chronology.Timeline) -> None:
    from chronology.exchange import to_csv

    # 00:00-07:59 in Kyiv on 11 March: from 22:00 UTC on the 10th; the times are written in the timeline's zone
    kyiv_times = ("2024-03-11T00:00+02:00", "2024-03-11T07:59+02:00")
    utc_times = ("2024-03-10T22:00Z", "2024-03-11T05:59Z")
    for timeline, moments in ((kyiv, kyiv_times), (kyiv.in_zone("UTC"), utc_times)):
        strike = _rows(to_csv(timeline))["strike"]
        assert (strike["earliest"], strike["latest"]) == moments, timeline.zone
        assert (strike["narrowed_earliest"], strike["narrowed_latest"]) == moments, timeline.zone
        assert [e.id for e in timeline.on(moments[0][:10], mode="possible")][:1] == ["strike"]


def test_csv_keeps_the_wording_of_times_read_in_the_files_zone_and_reads_it_back(
    kyiv: chronology.Timeline,
) -> None:
    from chronology.exchange import from_csv, to_csv

    text = to_csv(kyiv)
    assert {key: row["when"] for key, row in _rows(text).items()} == WORDED
    back = from_csv(text, sources=kyiv.sources, zone="Europe/Kyiv")
    for event in kyiv.events:
        assert back[event.id].when == event.when
        assert back[event.id].when.text == WORDED[event.id]


def test_json_keeps_the_wording_and_the_zone_of_a_zoned_file(kyiv: chronology.Timeline, tmp_path: Path) -> None:
    import json

    from chronology.exchange import from_json, to_json

    text = to_json(kyiv)
    document = json.loads(text)
    assert document["reading"] == {"zone": "Europe/Kyiv"}
    assert {event["id"]: event["when"] for event in document["events"]} == WORDED
    assert document["events"][0]["claims"][0]["said"] == "early Monday"
    back = from_json(text)
    assert back.zone == "Europe/Kyiv"
    assert [e.when for e in back.events] == [e.when for e in kyiv.events]
    assert to_json(back) == text
    # a time without an offset would take the zone's on reading: no zone is written for it
    floating = tmp_path / "floating.toml"
    floating.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-03-11T03:00"\n', encoding="utf-8")
    in_kyiv = chronology.load(floating).in_zone("Europe/Kyiv")  # days in Kyiv; the time itself stays floating
    assert "reading" not in json.loads(to_json(in_kyiv))
    assert from_json(to_json(in_kyiv))["a"].when == in_kyiv["a"].when


def test_json_in_another_zone_writes_edtf_and_reads_back_the_same_dates(kyiv: chronology.Timeline) -> None:
    import json

    from chronology.exchange import from_json, to_json

    tokyo = kyiv.in_zone("Asia/Tokyo")
    document = json.loads(to_json(tokyo))
    assert document["reading"] == {"zone": "Asia/Tokyo"}
    assert document["events"][0]["when"] == "[2024-03-11T00+02:00..2024-03-11T07+02:00]"  # not Tokyo's early Monday
    back = from_json(to_json(tokyo))
    assert back.zone == "Asia/Tokyo"
    assert [e.when for e in back.events] == [e.when for e in tokyo.events]


def test_the_claims_chart_places_a_said_time_on_the_timeline_zones_days(kyiv: chronology.Timeline) -> None:
    from chronology import _calendar
    from chronology.plot import plot_claims
    from chronology.plot._axis import day_to_x

    # "early Monday" in Kyiv, 00:00-07:59 on 11 March there (22:00 UTC on the 10th to 06:00): drawn at its hours
    day = _calendar.day_number(2024, 3, 11)
    for timeline, (start, stop) in ((kyiv, (0, 8)), (kyiv.in_zone("UTC"), (-2, 6))):  # hours of 11 March
        drawn = plot_claims(timeline, subject="killed", unit="people")
        strike = [claim.said for _, claim in drawn.claims].index(timeline["strike"].claims[0].said)
        assert drawn.points[strike][0] == pytest.approx(day_to_x(day + (start + stop) / 48)), timeline.zone
        spans = [[x for x, _ in span] for span in ([] if drawn.spans is None else drawn.spans.get_segments())]
        assert [pytest.approx(day_to_x(day + start / 24)), pytest.approx(day_to_x(day + stop / 24))] in spans


def test_the_pandas_frame_gives_the_timeline_zones_days(kyiv: chronology.Timeline) -> None:
    pytest.importorskip("pandas")
    frame = kyiv.in_zone("UTC").to_pandas().set_index("id")
    assert str(frame.loc["strike", "earliest"].date()) == "2024-03-10"  # 22:00 UTC on the 10th
    frame = kyiv.to_pandas().set_index("id")
    assert str(frame.loc["strike", "earliest"].date()) == "2024-03-11"


def test_a_zone_the_phrase_names_wins_over_the_files_zone(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[reading]\nzone = "Europe/London"\n\n[[sources]]\nid = "r"\ntitle = "T"\npublished = "2025-03-11T09:00Z"\n\n'
        '[[events]]\nid = "kyiv"\ntitle = "K"\nwhen = "3 a.m. Kyiv time"\nanchor = "r"\n\n'
        '[[events]]\nid = "london"\ntitle = "L"\nwhen = "3 a.m."\nanchor = "r"\n',
        encoding="utf-8",
    )
    timeline = chronology.load(path)
    assert timeline["kyiv"].when.to_edtf() == "2025-03-11T03+02:00"
    assert timeline["london"].when.to_edtf() == "2025-03-11T03Z"


def test_show_names_the_files_zone_once_and_leaves_out_its_offsets(tmp_path: Path) -> None:
    import io

    from chronology.cli import main

    path = tmp_path / "events.toml"
    path.write_text(
        '[reading]\nzone = "Europe/Kyiv"\n\n'
        '[[sources]]\nid = "r"\noutlet = "Radio"\npublished = "2025-03-11T09:00"\n\n'
        '[[events]]\nid = "later"\ntitle = "Later"\nwhen = "2025-03-11T05:00/2025-03-11T07:00"\n'
        'citations = [{ source = "r" }]\n\n'
        '[[events]]\nid = "abroad"\ntitle = "Abroad"\nwhen = "2025-03-11T05:00+09:00"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["show", str(path), "later"], out=out, err=io.StringIO()) == 0
    shown = out.getvalue()
    assert "  when       from 11 March 2025, 05:00 to 11 March 2025, 07:00  (EDTF 2025-03-11T05:00+02:00/" in shown
    assert "  zone       Europe/Kyiv (times are its local time, days are its days)" in shown
    assert "[1] r: Radio, 11 March 2025, 09:00\n" in shown
    out = io.StringIO()
    assert main(["show", str(path), "abroad"], out=out, err=io.StringIO()) == 0
    assert "11 March 2025, 05:00 UTC+09:00" in out.getvalue()  # another offset than the zone's keeps its own
