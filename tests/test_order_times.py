"""A timeline's order questions follow the documented unit: the second when both give times, else the day.

``Timeline.before`` / ``after`` keep exactly the events :func:`chronology.before`
calls certainly (or possibly) before or after, for dates, floating times and
times with an offset, in any zone the timeline's days are in.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology import (
    DEFAULT_WIDENING,
    Event,
    Interval,
    InvalidDateError,
    Precision,
    Qualifier,
    Relation,
    Timeline,
    UncertainDate,
    Widening,
    WrongTypeError,
    before,
    parse,
    relations,
)
from chronology.cli import main
from chronology.dates import DateValue

DAY = 86_400
BASE = 739_000  # a day number in 2024
ZONES = [None, "Europe/Kyiv", "Asia/Seoul", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
#: Each mode, and the widening :func:`chronology.before` must be given to answer as it does.
MODES: list[tuple[Literal["certain", "possible"], Widening | None]] = [
    ("certain", None),
    ("possible", DEFAULT_WIDENING),
]
OFFSETS = [None, 0, 2 * 3600, 9 * 3600, -5 * 3600, 14 * 3600, -11 * 3600]


@st.composite
def dates(draw: st.DrawFn) -> UncertainDate:
    """A day, or a few days, perhaps approximate (widened in "possible" answers)."""
    first = BASE + draw(st.integers(0, 3))
    qualifier = draw(st.sampled_from([Qualifier.NONE, Qualifier.NONE, Qualifier.APPROXIMATE]))
    return UncertainDate.from_days(first, first + draw(st.integers(0, 1)), qualifier=qualifier)


@st.composite
def times(draw: st.DrawFn) -> UncertainDate:
    """A time to the hour, or a few hours; floating or at an offset."""
    start = (BASE + draw(st.integers(0, 3))) * DAY + draw(st.integers(0, 23)) * 3600
    hours = draw(st.integers(1, 8))
    qualifier = draw(st.sampled_from([Qualifier.NONE, Qualifier.NONE, Qualifier.APPROXIMATE]))
    offset = draw(st.sampled_from(OFFSETS))
    return UncertainDate.from_seconds(
        start, start + hours * 3600 - 1, Precision.HOUR, qualifier=qualifier, utc_offset=offset
    )


@st.composite
def lasting(draw: st.DrawFn) -> Interval:
    """Something that lasts between two times (or two dates)."""
    kind = draw(st.sampled_from([times, dates]))
    start, end = draw(kind()), draw(kind())
    if end.utc_offset != start.utc_offset:  # both ends floating, or both at one offset
        end = UncertainDate.from_seconds(
            end.lo, end.hi, end.precision, qualifier=end.qualifier, utc_offset=start.utc_offset
        )
    if end.lo < start.lo:
        start, end = end, start
    if end.hi < start.hi:
        end = start
    try:
        return Interval(start, end)
    except InvalidDateError:  # (times at two offsets that end before they start, in UTC)
        return Interval(start, start)


values = st.one_of(dates(), times(), times(), lasting())


def _timeline(drawn: list[DateValue], zone: str | None) -> Timeline:
    events = [Event(id=f"e{k}", title=f"E{k}", when=value) for k, value in enumerate(drawn)]
    return Timeline(events, zone=zone)


@given(st.lists(values, min_size=2, max_size=7), st.sampled_from(ZONES), st.booleans())
def test_before_and_after_keep_what_compare_says(drawn: list[DateValue], zone: str | None, earlier: bool) -> None:
    timeline = _timeline(drawn, zone)
    for asked in timeline:
        for mode, widening in MODES:
            query = timeline.before if earlier else timeline.after
            found = {event.id for event in query(asked, mode=mode)}
            for other in timeline:
                if other is asked:
                    continue
                pair = (other.when, asked.when) if earlier else (asked.when, other.when)
                answer = before(*pair, zone=zone, widening=widening)
                expected = answer.certain if mode == "certain" else answer.possible
                assert (other.id in found) is expected, (other.when, asked.when, mode, zone, answer)


@given(st.lists(values, min_size=1, max_size=6), values, st.sampled_from(ZONES), st.booleans())
def test_a_date_asked_about_is_compared_by_the_same_rule(
    drawn: list[DateValue], asked: DateValue, zone: str | None, earlier: bool
) -> None:
    timeline = _timeline(drawn, zone)
    for mode, widening in MODES:
        found = {e.id for e in (timeline.before if earlier else timeline.after)(asked, mode=mode, widening=widening)}
        for other in timeline:
            pair = (other.when, asked) if earlier else (asked, other.when)
            answer = before(*pair, zone=zone, widening=widening)
            assert (other.id in found) is (answer.certain if mode == "certain" else answer.possible)


def test_times_on_one_day_are_ordered_by_the_second() -> None:
    night = Event(id="explosion", title="Explosion", when=parse("2025-03-11T03:00+02:00"))
    statement = Event(id="statement", title="Statement", when=parse("2025-03-11T22:00+02:00"))
    same_day = Event(id="day", title="Talks", when=parse("2025-03-11"))
    timeline = Timeline([night, statement, same_day], zone="Europe/Kyiv")
    assert [e.id for e in timeline.before(statement)] == ["explosion"]  # certain: 3 a.m. is before 10 p.m.
    assert [e.id for e in timeline.after(night)] == ["statement"]
    assert [e.id for e in timeline.before(same_day, mode="possible")] == []  # a date: by the day
    assert [e.id for e in timeline.before(parse("2025-03-11T12:00+02:00"))] == ["explosion"]


@pytest.mark.parametrize("option", ["--before", "--after"])
def test_the_query_command_orders_times_by_the_second(tmp_path: Path, option: str) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[reading]\nzone = "Europe/Kyiv"\n\n'
        '[[events]]\nid = "explosion"\ntitle = "Explosion"\nwhen = "2025-03-11T03:00+02:00"\n\n'
        '[[events]]\nid = "statement"\ntitle = "Statement"\nwhen = "2025-03-11T22:00+02:00"\n'
    )
    asked, expected = ("statement", "explosion") if option == "--before" else ("explosion", "statement")
    out = io.StringIO()
    assert main(["query", str(path), option, asked, "--certain"], out=out, err=io.StringIO()) == 0
    assert expected in out.getvalue()


#: Allen's relations in which the two share a unit, and those in which ``a`` lies wholly within ``b``.
TOGETHER = frozenset(Relation) - {Relation.BEFORE, Relation.MEETS, Relation.MET_BY, Relation.AFTER}
INSIDE = frozenset({Relation.STARTS, Relation.DURING, Relation.FINISHES, Relation.EQUALS})


@st.composite
def windows(draw: st.DrawFn) -> tuple[UncertainDate, UncertainDate]:
    """A window's start and end: two dates, or two times."""
    kind = draw(st.sampled_from([dates, times]))
    start, end = draw(kind()), draw(kind())
    if kind is dates:
        start, end = (start, end) if start.lo <= end.lo else (end, start)
        return UncertainDate.from_days(start.earliest_day, start.earliest_day), end
    moments = sorted([start, end], key=lambda t: t.lo - (t.utc_offset or 0))
    return moments[0], moments[1]


def _fixed(start: UncertainDate, end: UncertainDate) -> Interval:
    """The window as a value: from ``start``'s first unit to ``end``'s last, both fixed."""
    if not start.has_time:
        return Interval(
            UncertainDate.from_days(start.earliest_day, start.earliest_day),
            UncertainDate.from_days(end.latest_day, end.latest_day),
        )
    first = UncertainDate.from_seconds(start.lo, start.lo, Precision.SECOND, utc_offset=start.utc_offset)
    last = UncertainDate.from_seconds(end.hi, end.hi, Precision.SECOND, utc_offset=end.utc_offset)
    return Interval(first, last)


@given(st.lists(values, min_size=1, max_size=6), windows(), st.sampled_from(ZONES))
def test_windows_given_in_times_keep_what_the_relations_allow(
    drawn: list[DateValue], window: tuple[UncertainDate, UncertainDate], zone: str | None
) -> None:
    timeline = _timeline(drawn, zone)
    start, end = window
    fixed = _fixed(start, end)
    first, last = fixed.start, fixed.end
    assert isinstance(first, UncertainDate)
    assert isinstance(last, UncertainDate)
    if first.lo - (start.utc_offset or 0) > last.hi - (end.utc_offset or 0) or fixed.lo > fixed.hi:
        return  # (a floating time and one at an offset that the model cannot hold as one interval)
    refused = ""
    try:
        timeline.count(start, end)
    except InvalidDateError as error:  # (a floating side read in the timeline's zone lands after the other)
        refused = str(error)
    if refused:
        assert "before it starts" in refused
        return
    for within, wanted in ((False, TOGETHER), (True, INSIDE)):
        for mode, widening in MODES:
            query = timeline.within if within else timeline.overlapping
            found = {e.id for e in query(start, end, mode=mode)}
            assert timeline.count(start, end, within=within, mode=mode) == len(found)
            for event in timeline:
                left = relations(event.when, fixed, zone=zone, widening=widening)
                expected = left <= wanted if mode == "certain" else bool(left & wanted)
                assert (event.id in found) is expected, (event.when, start, end, mode, within, left)


def test_a_window_of_hours_leaves_out_the_rest_of_the_day() -> None:
    timeline = Timeline(
        [
            Event(id="explosion", title="Explosion", when=parse("2025-03-11T03:00+02:00")),
            Event(id="statement", title="Statement", when=parse("2025-03-11T22:00+02:00")),
            Event(id="talks", title="Talks", when=parse("2025-03-11")),
        ],
        zone="Europe/Kyiv",
    )
    night = ("2025-03-11T02:00+02:00", "2025-03-11T05:00+02:00")
    assert list(timeline.overlapping(*night, mode="certain").ids) == ["explosion", "talks"]  # a date: by the day
    assert list(timeline.within(*night, mode="possible").ids) == ["explosion", "talks"]
    assert timeline.count(*night) == 2
    assert list(timeline.overlapping("2025-03-11T12:00+02:00", None).ids) == ["statement", "talks"]


def test_a_window_open_on_one_side_is_written_with_none() -> None:
    timeline = Timeline(
        [Event(id="a", title="A", when=parse("2024-09")), Event(id="b", title="B", when=parse("2024-11-02"))]
    )
    assert list(timeline.overlapping("2024-10", None).ids) == ["b"]
    assert list(timeline.within(None, "2024-10").ids) == ["a"]
    assert timeline.count(None, "2024-10") == 1
    assert timeline.count(None, None) == 2
    with pytest.raises(
        WrongTypeError, match=r"the window.s end is a date value .* not int; None leaves that side open"
    ):
        timeline.overlapping("2024-10", 5)  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match="on\\(\\) takes a day"):
        timeline.on(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match="before it starts"):
        timeline.overlapping("2024-10-18T05:00", "2024-10-18T03:00")
