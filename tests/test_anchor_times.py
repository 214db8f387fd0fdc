"""Times of day read on an anchor whose day is uncertain: one of the hours on its days, never the hours between.

"3 a.m." on an anchor of 10-11 March is 03:00-03:59 on the 10th or on the 11th
(EDTF one-of ``[2025-03-10T03, 2025-03-11T03]``), not one range of 25 hours.
A time of the anchor's own day read on an anchor that is a span of times (the
night of 10-11 March) lies within the anchor; one that cannot is refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology import DateParseError, Precision, UncertainDate, parse
from chronology._calendar import SECONDS_PER_DAY, day_number
from chronology.relative import ONE_OF_LIMIT

DAY = SECONDS_PER_DAY
HOUR = 3600

NIGHT = "the night of 10 to 11 March 2025"  # 18:00 on 10 March to 05:59 on 11 March
ONE_DAY = "2025-03-10"
TWO_DAYS = "[2025-03-10..2025-03-11]"
THREE_DAYS = "[2025-03-10..2025-03-12]"
MONTH = "2025-03"

READINGS = [
    # one day: the hour, or the part, on that day
    (ONE_DAY, "at 3 a.m.", "2025-03-10T03"),
    (ONE_DAY, "about 3 a.m.", "2025-03-10T03~"),
    (ONE_DAY, "at noon", "2025-03-10T12:00"),
    (ONE_DAY, "in the morning", "[2025-03-10T06..2025-03-10T11]"),
    (ONE_DAY, "3 a.m. Kyiv time", "2025-03-10T03+02:00"),
    # a night across midnight: the hours within the night only
    (NIGHT, "at 3 a.m.", "2025-03-11T03"),
    (NIGHT, "about 3 a.m.", "2025-03-11T03~"),
    (NIGHT, "3 a.m. Kyiv time", "2025-03-11T03+02:00"),
    (NIGHT, "at dawn", "[2025-03-11T03..2025-03-11T05]"),
    (NIGHT, "in the early hours", "[2025-03-11T00..2025-03-11T05]"),
    (NIGHT, "that night", "[2025-03-10T18..2025-03-11T05]"),
    # two and three days: one of the hours, one on each day
    (TWO_DAYS, "at 3 a.m.", "[2025-03-10T03, 2025-03-11T03]"),
    (TWO_DAYS, "about 3 a.m.", "[2025-03-10T03~, 2025-03-11T03~]"),
    (TWO_DAYS, "3 a.m. Kyiv time", "[2025-03-10T03+02:00, 2025-03-11T03+02:00]"),
    (TWO_DAYS, "at noon", "[2025-03-10T12:00, 2025-03-11T12:00]"),
    (TWO_DAYS, "in the morning", "[2025-03-10T06..2025-03-10T11, 2025-03-11T06..2025-03-11T11]"),
    (THREE_DAYS, "at 3 a.m.", "[2025-03-10T03, 2025-03-11T03, 2025-03-12T03]"),
    (THREE_DAYS, "at noon", "[2025-03-10T12:00, 2025-03-11T12:00, 2025-03-12T12:00]"),
    # a weekday's part on a long anchor: one of its nights, not the week between
    ("[2025-03-10..2025-03-18]", "Monday night", "[2025-03-10T18..2025-03-11T05, 2025-03-17T18..2025-03-18T05]"),
    # a month: more hours than ONE_OF_LIMIT, so the hull, as for any phrase
    (MONTH, "at 3 a.m.", "[2025-03-01T03..2025-03-31T03]"),
    (MONTH, "in the morning", "[2025-03-01T06..2025-03-31T11]"),
    # a span of times within one day: the part cut to it, to the anchor's minute where it cuts inside an hour
    ("[2025-03-10T02..2025-03-10T05]", "at dawn", "[2025-03-10T03..2025-03-10T05]"),
    ("[2025-03-10T02:30..2025-03-10T03:20]", "at 3 a.m.", "[2025-03-10T03:00..2025-03-10T03:20]"),
    # one moment (a report published at 09:00) is read from as its day is: 3 a.m. that day, before it
    ("2025-03-10T09:00", "at 3 a.m.", "2025-03-10T03"),
    ("2025-03-10T09:00", "this morning", "[2025-03-10T06..2025-03-10T11]"),
]


@pytest.mark.parametrize(
    ("anchor", "phrase", "expected"), READINGS, ids=[f"{phrase} on {anchor}" for anchor, phrase, _ in READINGS]
)
def test_a_time_of_day_on_an_uncertain_anchor_is_one_of_its_hours(anchor: str, phrase: str, expected: str) -> None:
    assert parse(phrase, anchor=anchor).to_edtf() == expected


def test_the_night_of_10_11_march_at_3_am_kyiv_time_is_the_11th_not_25_hours() -> None:
    value = parse("3 a.m. Kyiv time", anchor=NIGHT)
    assert isinstance(value, UncertainDate)
    assert value.hi - value.lo + 1 == HOUR
    assert str(value.earliest) == "2025-03-11 03:00:00+02:00"


ONE_OF_BOUNDARY = [(ONE_OF_LIMIT - 1, ONE_OF_LIMIT), (ONE_OF_LIMIT, 1)]


@pytest.mark.parametrize(("width", "members"), ONE_OF_BOUNDARY, ids=["at the limit", "past the limit"])
def test_up_to_one_of_limit_hours_are_kept_one_by_one_and_more_as_their_hull(width: int, members: int) -> None:
    first = day_number(2025, 3, 10)
    anchor = UncertainDate.from_days(first, first + width)
    value = parse("at 3 a.m.", anchor=anchor)
    assert isinstance(value, UncertainDate)
    assert len(value.members) == members
    assert (value.lo, value.hi) == (first * DAY + 3 * HOUR, (first + width) * DAY + 4 * HOUR - 1)


REFUSED = [
    (NIGHT, "at noon"),
    (NIGHT, "in the morning"),
    (NIGHT, "in the afternoon"),
    ("[2025-03-10T02..2025-03-10T05]", "at 6 p.m."),
]


@pytest.mark.parametrize(("anchor", "phrase"), REFUSED, ids=[f"{p} on {a}" for a, p in REFUSED])
def test_a_time_of_the_anchors_day_outside_the_anchors_times_is_refused_naming_both(anchor: str, phrase: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse(phrase, anchor=anchor)
    message = str(error.value)
    assert repr(phrase) in message
    assert parse(anchor).to_edtf() in message
    assert "within" in message


LABELS = [
    (TWO_DAYS, "at 3 a.m.", "3 a.m. on 10 or 11 March 2025"),
    (THREE_DAYS, "about 3 a.m.", "c. 3 a.m. on 10, 11 or 12 March 2025"),
    (TWO_DAYS, "3 a.m. Kyiv time", "3 a.m. UTC+02:00 on 10 or 11 March 2025"),
    (TWO_DAYS, "at noon", "12:00 on 10 or 11 March 2025"),
    (TWO_DAYS, "in the morning", "between 6 a.m. and 11 a.m. on 10 or 11 March 2025"),
    ("[2025-03-31..2025-04-01]", "at 3 a.m.", "3 a.m. on 31 March 2025 or 1 April 2025"),
]


@pytest.mark.parametrize(("anchor", "phrase", "expected"), LABELS, ids=[label for _, _, label in LABELS])
def test_one_of_several_times_is_labelled_as_one_of_them_and_reads_back(
    anchor: str, phrase: str, expected: str
) -> None:
    value = parse(phrase, anchor=anchor)
    assert value.label == expected
    assert parse(value.label).to_edtf() == value.to_edtf()


def test_a_time_on_several_days_without_a_year_is_refused() -> None:
    with pytest.raises(DateParseError, match=r"'3 a\.m\. on 10 or 11 March'"):
        parse("3 a.m. on 10 or 11 March")


# -- properties ---------------------------------------------------------------------------------

hours = st.integers(min_value=0, max_value=23)


def clock(hour: int) -> str:
    """The phrase for an hour as a reporter writes it: "at 3 a.m.", "at 12 p.m."."""
    return f"at {hour % 12 or 12} {'a.m.' if hour < 12 else 'p.m.'}"


@st.composite
def day_anchors(draw: st.DrawFn) -> UncertainDate:
    """One day somewhere in one to ``ONE_OF_LIMIT`` days."""
    first = draw(st.integers(min_value=day_number(1, 1, 2), max_value=day_number(9999, 12, 1)))
    return UncertainDate.from_days(first, first + draw(st.integers(min_value=0, max_value=ONE_OF_LIMIT - 1)))


@st.composite
def spans_of_times(draw: st.DrawFn) -> UncertainDate:
    """An event's time known to some hours: two to 144 hours (at most ``ONE_OF_LIMIT`` of any one hour)."""
    start = draw(st.integers(min_value=day_number(1, 1, 2), max_value=day_number(9999, 12, 1))) * DAY
    start += draw(hours) * HOUR
    length = draw(st.integers(min_value=2, max_value=(ONE_OF_LIMIT - 1) * 24))
    return UncertainDate.from_seconds(start, start + length * HOUR - 1, Precision.HOUR)


def hours_of(value: UncertainDate) -> list[tuple[int, int]]:
    return [(member.lo, member.hi) for member in value.members]


@given(anchor=day_anchors(), hour=hours)
def test_an_hour_on_a_day_anchor_is_that_hour_on_each_of_its_days(anchor: UncertainDate, hour: int) -> None:
    value = parse(clock(hour), anchor=anchor)
    assert isinstance(value, UncertainDate)
    expected = [
        (day * DAY + hour * HOUR, day * DAY + (hour + 1) * HOUR - 1)
        for day in range(anchor.earliest_day, anchor.latest_day + 1)
    ]
    assert hours_of(value) == expected
    assert (value.lo, value.hi) == (expected[0][0], expected[-1][1])
    assert all(member.precision is Precision.HOUR for member in value.members)


@given(anchor=spans_of_times(), hour=hours)
def test_an_hour_on_a_span_of_times_is_each_such_hour_within_it(anchor: UncertainDate, hour: int) -> None:
    # brute force: every whole hour of the anchor that is the hour named
    expected = [(s, s + HOUR - 1) for s in range(anchor.lo, anchor.hi + 1, HOUR) if s % DAY // HOUR == hour]
    if not expected:
        with pytest.raises(DateParseError, match="within its anchor"):
            parse(clock(hour), anchor=anchor)
        return
    value = parse(clock(hour), anchor=anchor)
    assert isinstance(value, UncertainDate)
    assert hours_of(value) == expected
    assert anchor.lo <= value.lo <= value.hi <= anchor.hi


parts = st.sampled_from(
    [("in the morning", (6, 12)), ("in the afternoon", (12, 18)), ("at dawn", (3, 9)), ("in the evening", (18, 22))]
)


@given(anchor=spans_of_times(), part=parts)
def test_a_part_of_the_day_on_a_span_of_times_lies_within_it(
    anchor: UncertainDate, part: tuple[str, tuple[int, int]]
) -> None:
    phrase, (first, stop) = part
    inside = [s for s in range(anchor.lo, anchor.hi + 1, HOUR) if first <= s % DAY // HOUR < stop]
    if not inside:
        with pytest.raises(DateParseError, match="within its anchor"):
            parse(phrase, anchor=anchor)
        return
    value = parse(phrase, anchor=anchor)
    assert isinstance(value, UncertainDate)
    assert anchor.lo <= value.lo <= value.hi <= anchor.hi
    covered = {s for lo, hi in hours_of(value) for s in range(lo, hi + 1, HOUR)}
    assert covered == set(inside)  # every hour of the part within the anchor, and no other


@given(anchor=st.one_of(day_anchors(), spans_of_times()), hour=hours)
def test_the_label_of_an_hour_on_an_uncertain_anchor_reads_back(anchor: UncertainDate, hour: int) -> None:
    try:
        value = parse(clock(hour), anchor=anchor)
    except DateParseError:
        return
    back = parse(value.label)
    assert isinstance(back, UncertainDate)
    assert back.to_edtf() == value.to_edtf(), value.label
