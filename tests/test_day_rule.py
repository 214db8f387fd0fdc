"""One day rule everywhere: instants with an offset compare in UTC, by free functions, timelines and commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import chronology
from chronology import Certainty, Event, Timeline, before, parse
from chronology.cli import main

SEOUL = "2024-10-18T03:00+09:00"  # 17 October, 18:00 UTC
LONDON = "2024-10-17T20:00Z"


@pytest.fixture
def timeline() -> Timeline:
    return Timeline(
        [
            Event(id="seoul", title="At 3 a.m. in Seoul", when=parse(SEOUL)),
            Event(id="london", title="At 8 p.m. in London", when=parse(LONDON)),
            Event(id="the-17th", title="On the 17th", when=parse("2024-10-17")),
        ]
    )


def test_the_seoul_time_is_before_the_london_time_for_every_function(timeline: Timeline) -> None:
    seoul, london = timeline["seoul"].when, timeline["london"].when
    assert before(seoul, london) is Certainty.CERTAIN
    order = [e.id for e in timeline.sorted() if e.id != "the-17th"]
    assert order == ["seoul", "london"]
    # a timeline's order questions follow the same rule: two times by the second (in UTC), a date by the day
    assert [e.id for e in timeline.after(timeline["london"])] == []
    assert [e.id for e in timeline.after(timeline["seoul"])] == ["london"]
    assert [e.id for e in timeline.before(timeline["london"])] == ["seoul"]
    assert [e.id for e in timeline.after(timeline["the-17th"])] == []  # the same day as both times
    assert [e.id for e in timeline.after(parse("2024-10-16"))] == ["seoul", "london", "the-17th"]


def test_a_time_with_an_offset_falls_on_its_utc_day(timeline: Timeline) -> None:
    seoul = timeline["seoul"].when
    assert {e.id for e in timeline.on("2024-10-17", mode="certain")} == {"seoul", "london", "the-17th"}
    assert [e.id for e in timeline.on("2024-10-18")] == []
    assert before(seoul, parse("2024-10-18")) is Certainty.CERTAIN
    assert before(parse("2024-10-17"), seoul) is Certainty.IMPOSSIBLE
    assert chronology.relations(seoul, parse("2024-10-17")) == {chronology.Relation.EQUALS}


def test_the_query_command_follows_the_same_rule(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        f'[[events]]\nid = "seoul"\ntitle = "Seoul"\nwhen = "{SEOUL}"\n\n'
        f'[[events]]\nid = "london"\ntitle = "London"\nwhen = "{LONDON}"\n'
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["query", str(path), "--from", "2024-10-17", "--to", "2024-10-17", "--certain"], out=out, err=err) == 0
    listed = [line.split()[-2] for line in out.getvalue().splitlines()[1:]]
    assert listed == ["seoul", "london"]
    out = io.StringIO()
    assert main(["query", str(path), "--from", "2024-10-18", "--to", "2024-10-18"], out=out, err=err) == 0
    assert "seoul" not in out.getvalue()


def test_a_timeline_in_a_zone_places_times_on_that_zones_days(timeline: Timeline) -> None:
    seoul = timeline.in_zone("Asia/Seoul")
    assert seoul.zone == "Asia/Seoul"
    # 03:00 in Seoul and 20:00 in London (05:00 in Seoul) both fall on 18 October, Seoul's day
    assert {e.id for e in seoul.on("2024-10-18", mode="certain")} == {"seoul", "london"}
    assert {e.id for e in timeline.on("2024-10-17", mode="certain")} >= {"seoul", "london"}  # UTC: the 17th
    day = parse("2024-10-18")
    assert before(timeline["london"].when, day) is Certainty.CERTAIN
    assert before(timeline["london"].when, day, zone="Asia/Seoul") is Certainty.IMPOSSIBLE
    assert [e.id for e in seoul.sorted() if e.id != "the-17th"] == ["seoul", "london"]  # instants: zone-free


def test_a_files_reading_zone_is_its_days_and_zone_overrides_it(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[reading]\nzone = "Asia/Seoul"\n\n[[sources]]\nid = "src"\npublished = "2024-10-18"\n\n'
        '[[events]]\nid = "strike"\ntitle = "Strike"\nwhen = "early Monday"\nanchor = "src"\n'
    )
    assert chronology.load(path).zone == "Asia/Seoul"

    def query(*extra: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["query", str(path), "--from", "2024-10-14", "--to", "2024-10-14", *extra], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    assert "strike" in query("--certain")[1]  # early Monday in Seoul is Monday, in Seoul's days
    assert "strike" not in query("--zone", "UTC")[1]  # in UTC it is Sunday
    code, _, err = query("--zone", "Asia/Seol")
    assert code == 2
    assert "--zone: 'Asia/Seol' is not a time zone of the IANA database; did you mean 'Asia/Seoul'?" in err
    out = io.StringIO()
    assert main(["list", str(path)], out=out, err=io.StringIO()) == 0
    assert "bounds (Asia/Seoul days)" in out.getvalue()


def test_links_are_checked_by_the_same_day_rule() -> None:
    seoul = parse(SEOUL)  # 17 October in UTC
    with pytest.raises(chronology.ValidationError, match="'a' no later than 2024-10-17"):
        Timeline(
            [Event(id="a", title="A", when=seoul, after=("b",)), Event(id="b", title="B", when=parse("2024-10-18"))]
        )
    assert before(seoul, parse("2024-10-18")) is Certainty.CERTAIN  # as the link check says
