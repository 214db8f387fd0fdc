"""Labels: every label the library prints reads back to the value it names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import Endpoint, Interval, Precision, Qualifier, UncertainDate, parse
from chronology._calendar import OPEN_HI, OPEN_LO, SECONDS_PER_DAY, day_number, days_in_month, from_day_number

DAY = SECONDS_PER_DAY
qualifiers = st.sampled_from([Qualifier.NONE, Qualifier.APPROXIMATE, Qualifier.UNCERTAIN, Qualifier.BOTH])
day_precisions = st.sampled_from([p for p in Precision if not p.has_time])
#: Day numbers from 3000 BCE to 9999 CE.
days = st.integers(min_value=day_number(-2999, 1, 1), max_value=day_number(9999, 12, 31) - 800)


@st.composite
def day_ranges(draw: st.DrawFn) -> UncertainDate:
    """One day somewhere in a range of days, at any precision."""
    first = draw(days)
    last = first + draw(st.integers(min_value=0, max_value=800))
    return UncertainDate.from_days(first, last, draw(day_precisions), qualifier=draw(qualifiers))


@st.composite
def whole_units(draw: st.DrawFn) -> UncertainDate:
    """Whole months, years, decades and centuries, alone or several."""
    year = draw(st.integers(min_value=-2999, max_value=9899))
    kind = draw(st.sampled_from(["months", "years", "decade", "century"]))
    if kind == "months":
        month = draw(st.integers(min_value=1, max_value=12))
        count = draw(st.integers(min_value=1, max_value=14))
        end_year, end_month = divmod(month - 1 + count - 1, 12)
        first = day_number(year, month, 1)
        last = day_number(year + end_year, end_month + 1, days_in_month(year + end_year, end_month + 1))
        precision = draw(st.sampled_from([Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.YEAR]))
    elif kind == "years":
        first, last = day_number(year, 1, 1), day_number(year + draw(st.integers(0, 60)), 12, 31)
        precision = Precision.YEAR
    else:
        size = 10 if kind == "decade" else 100
        start = year - year % size
        first, last = day_number(start, 1, 1), day_number(start + size - 1, 12, 31)
        precision = Precision.DECADE if kind == "decade" else Precision.CENTURY
    return UncertainDate.from_days(first, last, precision, qualifier=draw(qualifiers))


@st.composite
def times(draw: st.DrawFn) -> UncertainDate:
    """A time, or a span of times, at hour, minute or second precision, local or with an offset."""
    precision = draw(st.sampled_from([Precision.HOUR, Precision.MINUTE, Precision.SECOND]))
    unit = {Precision.HOUR: 3600, Precision.MINUTE: 60, Precision.SECOND: 1}[precision]
    day = draw(st.integers(min_value=day_number(1, 1, 1), max_value=day_number(9999, 12, 27)))  # English: years to 9999
    start = day * DAY + draw(st.integers(min_value=0, max_value=DAY // unit - 1)) * unit
    count = draw(st.integers(min_value=1, max_value=3 * DAY // unit))
    offset = draw(st.sampled_from([None, 0, 9 * 3600, -5 * 3600, 5 * 3600 + 1800]))
    return UncertainDate.from_seconds(
        start, start + count * unit - 1, precision, qualifier=draw(qualifiers), utc_offset=offset
    )


@st.composite
def open_sided(draw: st.DrawFn) -> UncertainDate:
    """A date with one side left open ("by 1455", "no earlier than 1461")."""
    value = draw(st.one_of(day_ranges(), whole_units()))
    if draw(st.booleans()):
        return UncertainDate.from_seconds(OPEN_LO, value.hi, value.precision, qualifier=value.qualifier)
    return UncertainDate.from_seconds(value.lo, OPEN_HI, value.precision, qualifier=value.qualifier)


instants = st.one_of(day_ranges(), whole_units(), times(), open_sided())


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    first: UncertainDate = draw(st.one_of(day_ranges(), whole_units()))
    last: UncertainDate = draw(st.one_of(day_ranges(), whole_units()))
    if last.hi < first.lo:
        first, last = last, first
    start: UncertainDate | Endpoint = first
    end: UncertainDate | Endpoint = last
    choice = draw(st.integers(0, 4))
    if choice == 1:
        end = Endpoint.OPEN
    elif choice == 2:
        end = Endpoint.UNKNOWN
    elif choice == 3:
        start = Endpoint.OPEN
    elif choice == 4:
        start = Endpoint.UNKNOWN
    return Interval(start, end)


def same_instant(a: UncertainDate, b: UncertainDate) -> bool:
    return (a.lo, a.hi, a.qualifier, a.utc_offset) == (b.lo, b.hi, b.qualifier, b.utc_offset)


@settings(max_examples=400)
@given(value=instants)
def test_an_instants_label_reads_back_to_its_bounds_and_qualifiers(value: UncertainDate) -> None:
    back = parse(value.label)
    assert isinstance(back, UncertainDate), value.label
    assert same_instant(back, value), (value.to_edtf(), value.label, back.to_edtf())


@settings(max_examples=200)
@given(value=intervals())
def test_an_intervals_label_reads_back_to_its_ends(value: Interval) -> None:
    back = parse(value.label)
    assert isinstance(back, Interval), value.label
    for mine, theirs in ((value.start, back.start), (value.end, back.end)):
        if isinstance(mine, Endpoint):
            assert theirs is mine, value.label
        else:
            assert isinstance(theirs, UncertainDate)
            assert same_instant(theirs, mine), (value.to_edtf(), value.label, back.to_edtf())


@settings(max_examples=300)
@given(value=instants)
def test_the_edtf_of_every_value_reads_back_to_the_same_bounds(value: UncertainDate) -> None:
    back = parse(value.to_edtf())
    assert isinstance(back, UncertainDate)
    assert same_instant(back, value), value.to_edtf()


LABELS = [
    ("140X", "between 1400 and 1409"),
    ("14XX", "15th century"),
    ("145X", "1450s"),
    ("200X", "2000s"),
    ("20XX", "21st century"),
    ("1XXX", "2nd millennium"),
    ("1400~", "c. 1400"),
    ("2024-06?", "June 2024?"),
    ("-0043", "44 BCE"),
    ("0079", "AD 79"),
    ("1462-23", "Autumn 1462"),
    ("2024-35", "Q3 2024"),
    ("2024-40", "H1 2024"),
    ("[1434..1444]", "between 1434 and 1444"),
    ("[..1456-08-22]", "by 22 August 1456"),
    ("[1461..]", "no earlier than 1461"),
    ("[2024-10-07..2024-10-13]", "between 7 and 13 Oct 2024"),
    ("[2024-06..2024-08]", "between June and August 2024"),
    ("2024-06/2024-08", "from June to August 2024"),
    ("2024-10-03/2024-10-05", "from 3 to 5 October 2024"),
    ("1452/1455", "from 1452 to 1455"),
    ("2022-02/..", "from February 2022 (ongoing)"),
    ("/2024-03", "until March 2024 (start unknown)"),
    ("2024-10-18T03", "18 October 2024, 3 a.m."),
    ("2024-10-18T03~", "c. 18 October 2024, 3 a.m."),
    ("2024-10-18T14:30+09:00", "18 October 2024, 14:30 UTC+09:00"),
    ("[2024-10-18T02..2024-10-18T04]", "between 2 a.m. and 4 a.m. on 18 October 2024"),
]


@pytest.mark.parametrize(("edtf", "expected"), LABELS, ids=[edtf for edtf, _ in LABELS])
def test_labels_say_in_words_what_a_value_is(edtf: str, expected: str) -> None:
    assert parse(edtf).label == expected


#: A terminus as a historian writes it, and its label: the known bound itself, in the unit the precision allows.
OPEN_SIDED = [
    ("by 1455", "by 1455"),
    ("before 1456", "by 1455"),
    ("before 23 August 1456", "by 22 August 1456"),
    ("no later than May 1665", "by May 1665"),
    ("not after 1712", "by 1712"),
    ("on or before 3 October 2024", "by 3 October 2024"),
    ("by c. 1455", "by c. 1455"),
    ("before c. 1456", "by c. 1455"),
    ("by 1455?", "by 1455?"),
    ("[..1455-12-31]", "by 31 December 1455"),
    ("by 14:30 on 3 October 2024", "before 3 October 2024, 14:31"),  # a clock time names a moment
    ("before 3 a.m. on 18 October 2024", "before 18 October 2024, 3 a.m."),
    ("by 44 BCE", "by 44 BCE"),
    ("no earlier than 1450", "no earlier than 1450"),
    ("not before 1450", "no earlier than 1450"),
    ("after 1460", "no earlier than 1461"),
    ("after c. 1460", "no earlier than c. 1461"),
    ("on or after 3 October 2024", "no earlier than 3 October 2024"),
    ("after the 15th century", "no earlier than 1500"),
    ("after 14:30 on 3 October 2024", "after 3 October 2024, 14:30"),
]


@pytest.mark.parametrize(("text", "expected"), OPEN_SIDED, ids=[text for text, _ in OPEN_SIDED])
def test_a_terminus_is_labelled_by_its_known_bound_and_reads_back(text: str, expected: str) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    assert value.label == expected
    back = parse(value.label)
    assert isinstance(back, UncertainDate)
    assert same_instant(back, value)


def test_a_terminus_label_names_no_year_the_date_cannot_fall_in() -> None:
    # "by 1455" was labelled "before 1456", a year it is not in; the same for "no earlier than 1450"
    assert "1456" not in parse("by 1455").label
    assert "1449" not in parse("no earlier than 1450").label


def test_labels_of_open_sides_tell_apart_what_differs() -> None:
    texts = ["by 1455", "by c. 1455", "by 1455?", "[..1455-12-31]", "no earlier than 1455", "../1455"]
    labels = [parse(text).label for text in texts]
    assert labels == [
        "by 1455",
        "by c. 1455",
        "by 1455?",
        "by 31 December 1455",  # day precision: the day, not the year
        "no earlier than 1455",
        "until 1455 (no start)",  # something lasting, not one date
    ]
    assert len(set(labels)) == len(labels)


def test_a_decade_and_a_century_never_share_a_label() -> None:
    assert parse("140X").label != parse("14XX").label
    assert parse("200X").label != parse("20XX").label


def test_about_3_am_is_an_approximate_hour_labelled_without_an_invented_minute() -> None:
    value = parse("about 3 a.m.", anchor=parse("2024-10-18"))
    assert isinstance(value, UncertainDate)
    assert value.precision is Precision.HOUR
    assert value.approximate
    assert (value.lo % DAY, value.hi % DAY) == (3 * 3600, 4 * 3600 - 1)
    assert value.label == "c. 18 October 2024, 3 a.m."
    assert ":" not in value.label


#: The hours of 12 a.m. and 12 p.m., named; a span within one day names its offset once.
TWELVES = [
    ("2024-11-18T00", "18 November 2024, 12 midnight"),
    ("2024-11-18T12", "18 November 2024, 12 noon"),
    ("[2024-03-11T00..2024-03-11T07]", "between 12 midnight and 7 a.m. on 11 March 2024"),
    ("[2024-03-11T12..2024-03-11T17]", "between 12 noon and 5 p.m. on 11 March 2024"),
    ("[2024-03-11T00+02:00..2024-03-11T07+02:00]", "between 12 midnight and 7 a.m. on 11 March 2024 UTC+02:00"),
    ("[..2024-11-17T23]", "before 18 November 2024, 12 midnight"),
    ("[2019, 2020]", "2019 or 2020"),
    ("[2019..2020, 2022]", "2019 to 2020 or 2022"),
]


@pytest.mark.parametrize(("edtf", "expected"), TWELVES, ids=[edtf for edtf, _ in TWELVES])
def test_labels_name_midnight_and_noon_and_an_offset_once_and_read_back(edtf: str, expected: str) -> None:
    value = parse(edtf)
    assert value.label == expected
    assert "12 a.m." not in value.label
    assert "12 p.m." not in value.label
    assert parse(value.label).to_edtf() == value.to_edtf()


#: Years beyond 9999 (and before 9999 BCE): their digits inside a label, EDTF for a lone year (which reads back).
FAR_YEARS = [
    ("[Y12040..Y12045]", "between 12040 and 12045"),
    ("[9990..Y12040]", "between 9990 and 12040"),
    ("Y12040-03-01", "1 March 12040"),
    ("Y12040~", "c. 12040"),
    ("Y-12000?", "12001 BCE?"),
    ("Y12040", "Y12040"),
    ("Y-12000", "Y-12000"),
    ("-9999", "-9999"),
]


@pytest.mark.parametrize(("edtf", "expected"), FAR_YEARS, ids=[edtf for edtf, _ in FAR_YEARS])
def test_years_beyond_9999_are_labelled_in_digits_not_in_edtfs_long_year_form(edtf: str, expected: str) -> None:
    assert parse(edtf).label == expected


@given(year=st.integers(min_value=10_000, max_value=10**8) | st.integers(min_value=-(10**8), max_value=-9999))
def test_a_lone_year_beyond_the_english_years_is_labelled_so_that_it_reads_back(year: int) -> None:
    value = UncertainDate.from_days(day_number(year, 1, 1), day_number(year, 12, 31), Precision.YEAR)
    back = parse(value.label)
    assert isinstance(back, UncertainDate)
    assert same_instant(back, value), value.label


@given(
    year=st.integers(min_value=9000, max_value=9999),
    units=st.integers(min_value=1, max_value=10_000),
    qualifier=st.sampled_from([Qualifier.APPROXIMATE, Qualifier.BOTH]),
)
def test_a_widened_label_beyond_9999_names_its_years_in_digits(year: int, units: int, qualifier: Qualifier) -> None:
    from chronology import Widening

    value = UncertainDate.from_days(
        day_number(year, 1, 1), day_number(year, 12, 31), Precision.YEAR, qualifier=qualifier
    )
    lo, hi = Widening(approximate_by={"year": units}).bounds(value)
    widened = UncertainDate.from_seconds(lo, hi, Precision.YEAR, qualifier=qualifier)
    last_year = from_day_number(hi // DAY)[0]  # the year the widened value ends in, by the calendar
    assert "Y" not in widened.label
    assert f"{last_year}" in widened.label, widened.label
