"""The value types: round trips, invariants, widening, labels."""

import calendar
import datetime
import io
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chronology import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    DateParseError,
    Endpoint,
    Interval,
    InvalidDateError,
    Precision,
    Qualifier,
    UncertainDate,
    Widening,
    parse,
)
from chronology._calendar import FIRST_SECOND, LAST_SECOND, OPEN_HI, OPEN_LO
from chronology.dates import MAX_WIDENING_UNITS

qualifier = st.sampled_from(["", "", "?", "~", "%"])


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    """Random single dates in EDTF levels 0-2 (some do not exist; those are skipped)."""
    kind = draw(st.sampled_from(["plain", "masked", "long", "negative"]))
    if kind == "long":
        return draw(st.sampled_from(["Y", "Y-"])) + str(draw(st.integers(10_000, 10**9))) + draw(qualifier)
    year = f"{draw(st.integers(1, 9999)):04d}"
    if kind == "masked":
        year = "".join(draw(st.sampled_from([c, "X"])) if i >= 2 else c for i, c in enumerate(year))
    if kind == "negative":
        year = "-" + year
    parts = [draw(qualifier) + year]
    depth = draw(st.integers(0, 2))
    if depth >= 1:
        month = draw(
            st.sampled_from([f"{m:02d}" for m in range(1, 13)] + ["XX", "1X", "0X"] + [str(s) for s in range(21, 42)])
        )
        parts.append(draw(qualifier) + month)
        if depth == 2 and int(month.replace("X", "0")) <= 12:
            parts.append(
                draw(qualifier) + draw(st.sampled_from([f"{d:02d}" for d in range(1, 32)] + ["XX", "3X", "1X"]))
            )
    return "-".join(parts) + draw(qualifier)


@st.composite
def edtf_values(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["date", "interval", "set", "time"]))
    if shape == "date":
        return draw(edtf_dates())
    if shape == "interval":
        ends = [draw(st.one_of(edtf_dates(), st.sampled_from(["..", ""]))) for _ in range(2)]
        return "/".join(ends)
    if shape == "time":
        day = draw(st.dates(min_value=datetime.date(1, 1, 1)))
        offset = draw(st.sampled_from(["", "Z", "+09:00", "-05:30"]))
        return f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}{offset}"
    members = draw(st.lists(edtf_dates(), min_size=1, max_size=3))
    return "[" + ", ".join(members) + "]"


def parse_or_skip(text: str) -> UncertainDate | Interval:
    try:
        return parse(text)
    except DateParseError:
        assume(False)
        raise


@given(text=edtf_values())
def test_parsing_the_edtf_of_a_value_gives_the_same_value(text: str) -> None:
    value = parse_or_skip(text)
    again = parse(value.to_edtf())
    assert again == value
    assert again.to_edtf() == value.to_edtf()


@given(text=edtf_values())
def test_earliest_never_follows_latest(text: str) -> None:
    value = parse_or_skip(text)
    assert value.lo <= value.hi
    if isinstance(value, Interval):
        assert value.start_bounds[0] <= value.start_bounds[1]
        assert value.end_bounds[0] <= value.end_bounds[1]


@given(day=st.dates(min_value=datetime.date(1, 1, 1)))
def test_a_day_round_trips_through_from_date(day: datetime.date) -> None:
    value = UncertainDate.from_date(day)
    assert value.earliest == day
    assert parse(day.isoformat()) == value


def test_the_original_wording_is_kept_but_not_compared() -> None:
    english, iso = parse("June 2024"), parse("2024-06")
    assert english == iso
    assert (english.text, iso.text) == ("June 2024", "2024-06")


def test_values_are_frozen_and_hashable() -> None:
    value = parse("2024-06")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.lo = 0  # type: ignore[misc]
    assert len({parse("2024-06"), parse("June 2024"), parse("2024-07")}) == 2


MONTHS = [datetime.date(2024, month, 1).strftime("%B") for month in range(1, 13)]


@given(st.integers(1600, 2400), st.integers(1, 12), st.data())
def test_a_day_past_the_months_end_offers_the_months_last_day_in_words_and_in_iso(
    year: int, month: int, data: st.DataObject
) -> None:
    last = calendar.monthrange(year, month)[1]
    assume(last < 31)
    day = data.draw(st.integers(last + 1, 31))
    for text, nearest in (
        (f"{day} {MONTHS[month - 1]} {year}", f"{last} {MONTHS[month - 1]} {year}"),
        (f"{MONTHS[month - 1]} {day}, {year}", f"{last} {MONTHS[month - 1]} {year}"),
        (f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{last:02d}"),
    ):
        with pytest.raises(DateParseError) as caught:
            parse(text)
        assert str(caught.value).endswith(f"; did you mean {nearest!r}?")
        assert parse(nearest) == parse(f"{year:04d}-{month:02d}-{last:02d}")  # the month's last day


def test_a_day_past_the_end_of_a_month_without_its_year_offers_the_longest_the_month_has() -> None:
    with pytest.raises(DateParseError, match="did you mean '29 February'"):
        parse("February 30", anchor=parse("2024-03-10"))


def test_contradictory_values_are_refused() -> None:
    with pytest.raises(InvalidDateError, match="earliest bound lies after the latest"):
        UncertainDate(lo=10, hi=5, precision=Precision.DAY, edtf="x")
    with pytest.raises(InvalidDateError, match=r"ends .* before it starts"):
        Interval(parse("2024-10"), parse("2024-09"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "policy", "earliest", "latest"),
    [
        ("2024-06~", DEFAULT_WIDENING, "2024-05-01", "2024-07-31"),
        ("2024-06~", NO_WIDENING, "2024-06-01", "2024-06-30"),
        ("2024-06?", DEFAULT_WIDENING, "2024-06-01", "2024-06-30"),
        ("2024-06?", Widening(uncertain=1), "2024-05-01", "2024-07-31"),
        ("2024-06-18%", Widening(approximate=2, uncertain=1), "2024-06-15", "2024-06-21"),
        ("2024-06", DEFAULT_WIDENING, "2024-06-01", "2024-06-30"),
        ("1850~", DEFAULT_WIDENING, "1849-01-01", "1851-12-31"),
    ],
)
def test_widening_is_a_policy_applied_to_possible_bounds(
    text: str, policy: Widening, earliest: str, latest: str
) -> None:
    value = parse(text)
    assert isinstance(value, UncertainDate)
    lo, hi = policy.bounds(value)
    # A unit counts at its longest (a month as 31 days), so widening reaches at least the neighbouring unit.
    assert datetime.date.fromordinal(lo // 86_400).isoformat() <= earliest
    assert datetime.date.fromordinal(hi // 86_400).isoformat() >= latest
    widened = (earliest, latest) != (value.earliest.isoformat(), value.latest.isoformat())
    assert ((lo, hi) != (value.lo, value.hi)) is widened


TOO_WIDE = [
    pytest.param(lambda: Widening(approximate=10_001), "widening approximate is 10,001", id="approximate"),
    pytest.param(
        lambda: Widening(uncertain=2**63 - 1), "widening uncertain is 9,223,372,036,854,775,807", id="uncertain"
    ),
    pytest.param(
        lambda: Widening(approximate_by={"year": 10**20}),
        "widening for 'year' is 100,000,000,000,000,000,000",
        id="by-year",
    ),
    pytest.param(
        lambda: Widening.from_mapping({"approximate": 9_223_372_036_854_775_807}),
        "widening approximate is 9,223,372,036,854,775,807",
        id="from-mapping",
    ),
    pytest.param(
        lambda: Widening.from_mapping({"uncertain": {"month": 50_000}}),
        "widening uncertain.month is 50,000",
        id="from-mapping-table",
    ),
    pytest.param(
        lambda: Widening.parse("approximate=99999999999999999999"),
        "widening approximate is 99,999,999,999,999,999,999",
        id="parse",
    ),
    pytest.param(
        lambda: Widening.parse("approximate.year=20000"), "widening approximate.year is 20,000", id="parse-table"
    ),
    pytest.param(
        lambda: Widening.parse("uncertain=" + "9" * 5000),  # beyond what int() reads from text
        "widening uncertain is a number of 5,000 digits",
        id="parse-5000-digits",
    ),
]


@pytest.mark.parametrize(("build", "named"), TOO_WIDE)
def test_a_widening_beyond_ten_thousand_units_is_refused_naming_setting_value_and_maximum(
    build: Callable[[], object], named: str
) -> None:
    with pytest.raises(InvalidDateError) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    assert named in str(caught.value)
    assert "more than the 10,000 units allowed" in str(caught.value)
    assert "give 10,000 or fewer" in str(caught.value)


@pytest.mark.parametrize("units", [-1, "1", 1.5, True], ids=["negative", "text", "fraction", "bool"])
def test_a_widening_that_is_not_a_whole_number_of_units_is_a_chronology_error(units: object) -> None:
    with pytest.raises(
        InvalidDateError, match=r"widening approximate is .*; give a whole number of units, 0 to 10,000"
    ):
        Widening(approximate=units)  # type: ignore[arg-type]


def test_a_widening_on_the_command_line_is_written_in_ascii_digits() -> None:
    with pytest.raises(InvalidDateError, match=r"widening 'approximate=١٢' is not name=units"):
        Widening.parse("approximate=١٢")


@pytest.mark.parametrize("text", ["Y-1000000000%", "Y1000000000%", "-9999%", "1850~"])
def test_ten_thousand_units_is_the_widest_widening_and_keeps_every_bound_on_the_timeline(text: str) -> None:
    with pytest.raises(InvalidDateError, match="more than the 10,000 units allowed"):
        Widening(approximate=MAX_WIDENING_UNITS + 1)
    widest = Widening(approximate=MAX_WIDENING_UNITS, uncertain=MAX_WIDENING_UNITS)
    value = parse(text)
    assert isinstance(value, UncertainDate)
    lo, hi = widest.bounds(value)
    # widened on each side, as far as the years the model holds: at their first or last year it stops there
    assert lo < value.lo or lo == value.lo == FIRST_SECOND
    assert hi > value.hi or hi == value.hi == LAST_SECOND
    assert lo >= FIRST_SECOND
    assert hi <= LAST_SECOND
    UncertainDate.from_seconds(lo, hi, value.precision)  # inside the supported timeline: no error
    millennium = UncertainDate.from_seconds(value.lo, value.hi, Precision.MILLENNIUM, qualifier=Qualifier.APPROXIMATE)
    UncertainDate.from_seconds(*widest.bounds(millennium), Precision.MILLENNIUM)


@pytest.mark.parametrize(
    ("lo", "hi"),
    [(FIRST_SECOND - 1, 0), (0, LAST_SECOND + 1), (10**17, 10**17 + 5), (OPEN_LO - 1, 0), (0, OPEN_HI + 1)],
)
def test_a_bound_beyond_the_years_held_is_refused_by_every_constructor(lo: int, hi: int) -> None:
    # (its EDTF would name a year the reader refuses: the value could not be written and read back)
    held = r"the model holds years -1,000,000,000 to 1,000,000,000"
    with pytest.raises(InvalidDateError, match=held):
        UncertainDate.from_seconds(lo, hi, Precision.SECOND)
    with pytest.raises(InvalidDateError, match=held):
        UncertainDate(lo=lo, hi=hi, precision=Precision.SECOND, edtf="")


@pytest.mark.parametrize(("lo", "hi"), [(FIRST_SECOND, LAST_SECOND), (OPEN_LO, 0), (0, OPEN_HI)])
def test_the_first_and_last_seconds_held_and_open_sides_write_and_read_back(lo: int, hi: int) -> None:
    value = UncertainDate.from_seconds(lo, hi, Precision.SECOND)
    assert parse(value.edtf) == value


def test_an_instant_open_on_both_sides_is_refused() -> None:
    with pytest.raises(InvalidDateError, match="an instant open on both sides says nothing"):
        UncertainDate.from_seconds(OPEN_LO, OPEN_HI, Precision.YEAR)


LABELS = [
    ("2024-06", "June 2024"),
    ("2024", "2024"),
    ("2024-10-03", "3 October 2024"),
    ("[2024-10-07..2024-10-13]", "between 7 and 13 Oct 2024"),
    ("[2024-09-28..2024-10-04]", "between 28 Sep and 4 Oct 2024"),
    ("[2024-12-28..2025-01-03]", "between 28 Dec 2024 and 3 Jan 2025"),
    ("[2024-06..2024-08]", "between June and August 2024"),
    ("1850~", "c. 1850"),
    ("2024-06?", "June 2024?"),
    ("2024-06%", "c. June 2024?"),
    ("185X", "1850s"),
    ("18XX", "19th century"),
    ("-0500", "501 BCE"),
    ("0000", "1 BCE"),
    ("2024-21", "Spring 2024"),
    ("2024-24", "Winter 2024-25"),
    ("2024-33", "Q1 2024"),
    ("2024-06/2024-08", "from June to August 2024"),
    ("1950/1953", "from 1950 to 1953"),
    ("2024-06/..", "from June 2024 (ongoing)"),
    ("2024-06/", "from June 2024 (end unknown)"),
    ("../2024-06", "until June 2024 (no start)"),
    ("2024-10-18T14:30+09:00", "18 October 2024, 14:30 UTC+09:00"),
]


@pytest.mark.parametrize(("text", "label"), LABELS, ids=[c[0] for c in LABELS])
def test_labels_read_as_a_person_would_write_them(text: str, label: str) -> None:
    assert parse(text).label == label


@given(st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_a_day_read_by_the_fast_path_is_the_same_value_as_one_built_otherwise(day: datetime.date) -> None:
    import copy
    import pickle

    from chronology.notation.edtf import clear_day_cache

    clear_day_cache()
    fast = UncertainDate.parse(day.isoformat())
    built = UncertainDate.from_days(day.toordinal(), day.toordinal())
    assert fast == built
    assert built == fast
    assert not fast != built  # noqa: SIM202 (__ne__ is written out)
    assert hash(fast) == hash(built)
    assert attrs.asdict(fast) == attrs.asdict(built)
    assert (fast.text, fast.label, fast.earliest, fast.latest) == (day.isoformat(), built.label, day, day)
    for twin in (copy.copy(fast), copy.deepcopy(fast), pickle.loads(pickle.dumps(fast)), attrs.evolve(fast)):
        assert type(twin) is UncertainDate
        assert twin == fast
    changed = attrs.evolve(fast, qualifier=Qualifier.UNCERTAIN, edtf=f"{day.isoformat()}?")
    assert type(changed) is UncertainDate
    assert changed != fast
    assert changed.qualifier is Qualifier.UNCERTAIN


@given(st.integers(-1_000_000, 1_000_000), st.integers(1, 12))
def test_the_days_of_a_month_are_the_standard_librarys_for_any_year(year: int, month: int) -> None:
    import calendar

    from chronology import _calendar

    in_cycle = (year - 1) % 400 + 1  # the same year of the 400-year Gregorian cycle, which the library reads
    assert _calendar.days_in_month(year, month) == calendar.monthrange(in_cycle, month)[1]


@pytest.mark.parametrize("month", [0, 13, -1])
def test_a_month_that_does_not_exist_has_no_number_of_days(month: int) -> None:
    import calendar

    from chronology import _calendar

    with pytest.raises(calendar.IllegalMonthError):
        _calendar.days_in_month(2024, month)


def test_an_interval_built_on_the_quick_route_is_an_interval_in_every_way() -> None:
    import copy
    import pickle

    quick = parse("1980-04/1981-12")
    assert type(quick) is Interval
    built = Interval(parse("1980-04"), parse("1981-12"))  # type: ignore[arg-type]
    assert quick == built
    assert hash(quick) == hash(built)
    for twin in (copy.copy(quick), copy.deepcopy(quick), pickle.loads(pickle.dumps(quick)), attrs.evolve(quick)):
        assert twin == quick
        assert twin.text == "1980-04/1981-12"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quick.start = Endpoint.OPEN  # type: ignore[misc]


HUGE_WIDENING_FILE = """\
[reading]
widening.approximate = 9223372036854775807

[[events]]
id = "a"
title = "A"
when = "c. 2018"

[[events]]
id = "b"
title = "B"
when = "2019"
"""


def test_a_huge_widening_on_the_command_line_is_one_usage_line_not_a_traceback(tmp_path: Path) -> None:
    from chronology.cli import main

    path = tmp_path / "events.toml"
    path.write_text(HUGE_WIDENING_FILE.split("\n\n", 1)[1], encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["query", str(path), "--from", "2018", "--to", "2018", "--widening", "approximate=99999999999999999999"],
        out=out,
        err=err,
    )
    assert code == 2
    assert err.getvalue().count("\n") == 1
    assert "--widening: widening approximate is 99,999,999,999,999,999,999" in err.getvalue()
    assert "10,000" in err.getvalue()
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize("command", ["validate", "query", "relate"])
def test_a_huge_widening_in_a_files_reading_is_a_problem_at_its_line(tmp_path: Path, command: str) -> None:
    from chronology.cli import main

    path = tmp_path / "events.toml"
    path.write_text(HUGE_WIDENING_FILE, encoding="utf-8")
    extra = {"validate": [], "query": ["--from", "2018", "--to", "2018"], "relate": ["a", "b"]}[command]
    out, err = io.StringIO(), io.StringIO()
    code = main([command, str(path), *extra], out=out, err=err)
    assert code == 1
    assert f"{path}:2:" in err.getvalue()
    assert "widening approximate is 9,223,372,036,854,775,807, more than the 10,000 units allowed" in err.getvalue()
    assert "Traceback" not in err.getvalue()


@given(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.permutations(["edtf", "text", "hi", "str", "hash"]),
)
def test_a_plain_day_tells_its_last_second_and_writes_its_edtf_in_any_order(
    day: datetime.date, order: list[str]
) -> None:
    # A day read from plain text keeps only its first second; the rest is told by its class, whatever is asked first.
    text = day.isoformat()
    fast = UncertainDate.parse(text)
    built = UncertainDate.from_days(day.toordinal(), day.toordinal())
    answers: dict[str, Callable[[], object]] = {
        "edtf": lambda: fast.edtf,
        "text": lambda: fast.text,
        "hi": lambda: fast.hi,
        "str": lambda: str(fast),
        "hash": lambda: hash(fast),
    }
    expected = {"edtf": text, "text": text, "hi": built.hi, "str": text, "hash": hash(built)}
    for name in order:
        assert answers[name]() == expected[name], name
    assert (fast.lo, fast.to_edtf(), fast.latest_day) == (built.lo, text, day.toordinal())
    for field, value in (("hi", 0), ("edtf", "1999-01-01"), ("lo", 0)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(fast, field, value)
    assert fast.edtf == text  # unchanged by the refused writes


def test_values_of_the_same_bounds_but_not_equal_are_told_apart_in_sets_and_mappings() -> None:
    # The hash is of the bounds alone: values that share them (a month, the same month approximate, a range of
    # its days) hash alike and stay apart by equality.
    texts = ["2024-06", "2024-06~", "2024-06?", "2024-06%", "[2024-06-01..2024-06-30]"]
    values = [parse(text) for text in texts]
    assert len({(value.lo, value.hi) for value in values}) == 1
    assert len(set(values)) == len(texts)
    found = dict(zip(values, texts, strict=True))
    assert [found[parse(text)] for text in texts] == texts
