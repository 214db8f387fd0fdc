"""before / relations / probabilities agree with brute force; the sort key is total."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    AmbiguousTruthError,
    Certainty,
    Endpoint,
    Event,
    Interval,
    Precision,
    Qualifier,
    Relation,
    Timeline,
    UnboundedError,
    UncertainDate,
    Widening,
    after,
    before,
    parse,
    probabilities,
    probability_before,
    relations,
    sort_key,
)
from chronology.compare import relationship
from chronology.dates import DateValue

BASE = 738_000  # a day number in 2021


@st.composite
def instants(draw: st.DrawFn) -> UncertainDate:
    first = BASE + draw(st.integers(0, 12))
    return UncertainDate.from_days(first, first + draw(st.integers(0, 4)))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(instants())
    end_first = max(start.earliest_day, BASE + draw(st.integers(0, 16)))
    end = UncertainDate.from_days(end_first, end_first + draw(st.integers(0, 4)))
    if end.latest_day < start.earliest_day:
        end = start
    return Interval(start, end)


values = st.one_of(instants(), intervals())


def realisations(value: DateValue) -> list[tuple[int, int]]:
    """Every (start day, end day) a value allows."""
    if isinstance(value, UncertainDate):
        return [(d, d) for d in range(value.earliest_day, value.latest_day + 1)]
    assert isinstance(value.start, UncertainDate)
    assert isinstance(value.end, UncertainDate)
    starts = range(value.start.earliest_day, value.start.latest_day + 1)
    ends = range(value.end.earliest_day, value.end.latest_day + 1)
    return [(s, e) for s, e in itertools.product(starts, ends) if s <= e]


def allen(a: tuple[int, int], b: tuple[int, int]) -> Relation:
    """Allen's relation of day spans [a0, a1] and [b0, b1] (inclusive), as half-open [x, y + 1)."""
    (a0, a1), (b0, b1) = (a[0], a[1] + 1), (b[0], b[1] + 1)
    if a1 < b0:
        return Relation.BEFORE
    if a1 == b0:
        return Relation.MEETS
    if b1 < a0:
        return Relation.AFTER
    if b1 == a0:
        return Relation.MET_BY
    if (a0, a1) == (b0, b1):
        return Relation.EQUALS
    if a0 == b0:
        return Relation.STARTS if a1 < b1 else Relation.STARTED_BY
    if a1 == b1:
        return Relation.FINISHES if a0 > b0 else Relation.FINISHED_BY
    if b0 < a0 and a1 < b1:
        return Relation.DURING
    if a0 < b0 and b1 < a1:
        return Relation.CONTAINS
    return Relation.OVERLAPS if a0 < b0 else Relation.OVERLAPPED_BY


@given(a=values, b=values)
def test_before_agrees_with_every_pair_of_days(a: DateValue, b: DateValue) -> None:
    outcomes = {ra[1] < rb[0] for ra in realisations(a) for rb in realisations(b)}
    expected = (
        Certainty.CERTAIN if outcomes == {True} else Certainty.IMPOSSIBLE if outcomes == {False} else Certainty.POSSIBLE
    )
    assert before(a, b) is expected


@given(a=values, b=values)
def test_relations_are_exactly_those_some_pair_of_days_shows(a: DateValue, b: DateValue) -> None:
    expected = {allen(ra, rb) for ra in realisations(a) for rb in realisations(b)}
    assert relations(a, b) == expected


@given(a=values, b=values)
def test_relations_of_b_to_a_are_the_inverses(a: DateValue, b: DateValue) -> None:
    assert relations(b, a) == {r.inverse for r in relations(a, b)}


@given(a=instants(), b=instants())
def test_probabilities_of_instants_are_exact_and_sum_to_one(a: UncertainDate, b: UncertainDate) -> None:
    pairs = [(x, y) for x, _ in realisations(a) for y, _ in realisations(b)]
    odds = probabilities(a, b)
    assert odds.before == Fraction(sum(x < y for x, y in pairs), len(pairs))
    assert odds.after == Fraction(sum(x > y for x, y in pairs), len(pairs))
    assert odds.neither == Fraction(sum(x == y for x, y in pairs), len(pairs))  # the same day
    assert odds.before + odds.after + odds.neither == 1
    assert 0 <= odds.before <= 1


@given(a=values, b=values)
def test_probability_before_of_intervals_compares_a_end_with_b_start(a: DateValue, b: DateValue) -> None:
    def ends(value: DateValue) -> range:
        end = value if isinstance(value, UncertainDate) else value.end
        assert isinstance(end, UncertainDate)
        lo = end.earliest_day if isinstance(value, UncertainDate) else value.end_bounds[0] // 86_400
        return range(lo, end.latest_day + 1)

    def starts(value: DateValue) -> range:
        start = value if isinstance(value, UncertainDate) else value.start
        assert isinstance(start, UncertainDate)
        hi = start.latest_day if isinstance(value, UncertainDate) else value.start_bounds[1] // 86_400
        return range(start.earliest_day, hi + 1)

    pairs = [(x, y) for x in ends(a) for y in starts(b)]
    assert probability_before(a, b) == Fraction(sum(x < y for x, y in pairs), len(pairs))


def test_certainty_has_no_truth_value() -> None:
    answer = before(parse("2024-06"), parse("2024-10"))
    assert answer is Certainty.CERTAIN
    with pytest.raises(AmbiguousTruthError, match="has no truth value"):
        bool(answer)
    assert answer.possible
    assert answer.certain


def test_the_pact_in_june_certainly_precedes_the_october_transfers() -> None:
    pact = parse("2024-06")
    transfers = parse("[2024-10-07..2024-10-13]")
    statement = parse("2024-10-18")
    assert before(pact, transfers) is Certainty.CERTAIN
    assert before(transfers, statement) is Certainty.CERTAIN
    assert before(statement, pact) is Certainty.IMPOSSIBLE
    assert before(parse("2024-10"), transfers) is Certainty.POSSIBLE
    assert probability_before(parse("2024-10-08"), transfers) == Fraction(5, 7)


def test_same_day_instants_are_equal_not_before() -> None:
    assert before(parse("2024-10-18"), parse("2024-10-18")) is Certainty.IMPOSSIBLE
    assert relations(parse("2024-10-18"), parse("2024-10-18")) == {Relation.EQUALS}


def test_times_compare_by_the_second_in_utc() -> None:
    seoul = parse("2024-10-18T09:00+09:00")  # 00:00 UTC
    london = parse("2024-10-18T01:00Z")
    assert before(seoul, london) is Certainty.CERTAIN
    # Against a day, the comparison is by the day.
    assert before(parse("2024-10-18"), london) is Certainty.IMPOSSIBLE
    assert relations(parse("2024-10-18"), london) == {Relation.EQUALS}


def test_open_and_unknown_ends_differ_in_what_is_certain() -> None:
    ongoing = parse("2024-06/..")
    ended_sometime = parse("2024-06/")
    later = parse("2030")
    assert before(ongoing, later) is Certainty.IMPOSSIBLE
    assert before(ended_sometime, later) is Certainty.POSSIBLE
    assert Relation.CONTAINS in relations(ongoing, later)
    assert probability_before(ongoing, later) == 0
    with pytest.raises(UnboundedError, match="unknown"):
        probability_before(ended_sometime, later)


def test_negative_years_compare() -> None:
    assert before(parse("-0500"), parse("0001")) is Certainty.CERTAIN
    assert before(parse("Y-170000002"), parse("-0500")) is Certainty.CERTAIN


@given(a=values, b=values)
def test_the_sort_key_is_a_total_order_consistent_with_certain_precedence(a: DateValue, b: DateValue) -> None:
    assert (sort_key(a) == sort_key(b)) == (a == b)
    if before(a, b) is Certainty.CERTAIN:
        assert sort_key(a) < sort_key(b)


def test_sort_key_orders_a_mixed_chronology() -> None:
    texts = ["2024-10-18", "2024-06", "1950/1953", "2023-09", "../2024-01", "2024-10-07/2024-10-13", "2024"]
    ordered = [v.to_edtf() for v in sorted((parse(t) for t in texts), key=sort_key)]
    assert ordered == ["../2024-01", "1950/1953", "2023-09", "2024", "2024-06", "2024-10-07/2024-10-13", "2024-10-18"]


def test_values_refuse_lt() -> None:
    with pytest.raises(TypeError):
        _ = parse("2024") < parse("2025")  # type: ignore[operator]
    assert parse("2024").__eq__("2024") is NotImplemented
    assert Endpoint.OPEN.value == ".."


def test_a_widening_makes_c_1400_only_possibly_before_march_1401() -> None:
    about, march = parse("c. 1400"), parse("March 1401")
    assert before(about, march) is Certainty.CERTAIN  # by the stated bounds
    assert before(about, march, widening=NO_WIDENING) is Certainty.CERTAIN
    assert before(about, march, widening=DEFAULT_WIDENING) is Certainty.POSSIBLE  # c. 1400 may be April 1401
    assert after(about, march, widening=DEFAULT_WIDENING) is Certainty.POSSIBLE
    assert Relation.AFTER in relations(about, march, widening=DEFAULT_WIDENING)
    assert probabilities(about, march, widening=DEFAULT_WIDENING).after > 0
    known = relationship(about, march, widening=DEFAULT_WIDENING)
    assert (known.before, known.after) == (Certainty.POSSIBLE, Certainty.POSSIBLE)
    assert known.relations == relations(about, march, widening=DEFAULT_WIDENING)


def test_a_widening_moves_an_intervals_dated_end_and_the_unknown_start_follows_it() -> None:
    # ends c. 1400, so possibly in 1401; its unknown start may lie anywhere up to that widened end
    ended = parse("/1400~")
    assert after(ended, parse("1401-06")) is Certainty.IMPOSSIBLE
    assert after(ended, parse("1401-06"), widening=DEFAULT_WIDENING) is Certainty.POSSIBLE
    assert Relation.CONTAINS in relations(ended, parse("1401-06"), widening=DEFAULT_WIDENING)
    assert Relation.CONTAINS not in relations(ended, parse("1401-06"))


@st.composite
def qualified(draw: st.DrawFn) -> DateValue:
    """An instant or an interval whose dated ends may be approximate or uncertain, at day, month or year precision."""

    def one() -> UncertainDate:
        first = BASE + draw(st.integers(0, 60))
        return UncertainDate.from_days(
            first,
            first + draw(st.integers(0, 4)),
            draw(st.sampled_from([Precision.DAY, Precision.WEEK, Precision.MONTH])),
            qualifier=draw(st.sampled_from(list(Qualifier))),
        )

    start = one()
    if draw(st.booleans()):
        return start
    end = one()
    if end.latest_day < start.earliest_day:
        start, end = end, start
    return Interval(start, end)


@settings(max_examples=150)
@given(a=qualified(), b=qualified(), policy=st.sampled_from([DEFAULT_WIDENING, Widening(approximate=2, uncertain=1)]))
def test_the_free_functions_give_a_timelines_answers(a: DateValue, b: DateValue, policy: Widening) -> None:
    # "possible" queries widen by the policy; "certain" ones never widen
    timeline = Timeline([Event(id="a", title="A", when=a), Event(id="b", title="B", when=b)])
    other = timeline["b"]
    for ask, compare in ((timeline.before, before), (timeline.after, after)):
        possible = "a" in {e.id for e in ask(other, mode="possible", widening=policy)}
        certain = "a" in {e.id for e in ask(other, mode="certain", widening=policy)}
        assert possible == compare(a, b, widening=policy).possible, (a.to_edtf(), b.to_edtf())
        assert certain == compare(a, b).certain, (a.to_edtf(), b.to_edtf())


# -- times: counted by the second, as dates by the day; odds that agree with what is possible -------------------------

HOUR = 3600


@st.composite
def hours(draw: st.DrawFn) -> UncertainDate:
    """An instant known to the hour, somewhere in a few hours (a night, "3 a.m.")."""
    first = BASE * 24 + draw(st.integers(0, 30))
    return UncertainDate.from_seconds(first * HOUR, (first + draw(st.integers(0, 6))) * HOUR + HOUR - 1, Precision.HOUR)


@st.composite
def minutes(draw: st.DrawFn) -> UncertainDate:
    """An instant known to the minute, within the hours ``hours`` draws from."""
    first = BASE * 24 * 60 + draw(st.integers(0, 30 * 60))
    return UncertainDate.from_seconds(first * 60, (first + draw(st.integers(0, 200))) * 60 + 59, Precision.MINUTE)


def test_three_am_on_the_night_may_be_the_same_second_and_the_odds_say_so() -> None:
    night, three = parse("the night of 10-11 March 2024"), parse("3 a.m. on 11 March 2024")
    known = relationship(night, three)
    assert known.unit is Precision.SECOND
    assert Relation.EQUALS in known.relations
    assert known.probabilities is not None
    # 6 p.m. to 5:59:59 a.m. is 43,200 seconds; each second of 3 a.m. is one of them
    assert known.probabilities.neither == Fraction(1, 43_200)
    assert relationship(night, parse("2024-03-11")).unit is Precision.DAY  # a time against a date: by the day


timed_or_not = st.one_of(values, qualified(), hours(), minutes())


@settings(max_examples=300)
@given(a=timed_or_not, b=timed_or_not, widen=st.booleans())
def test_odds_agree_with_what_is_possible_and_certain(a: DateValue, b: DateValue, widen: bool) -> None:
    # a way that is possible has odds above 0, an impossible one 0, a certain one 1; "neither" likewise
    known = relationship(a, b, widening=DEFAULT_WIDENING if widen else None)
    odds = known.probabilities
    assert odds is not None
    for way, chance in ((known.before, odds.before), (known.after, odds.after)):
        assert way.possible == (chance > 0), (a.to_edtf(), b.to_edtf())
        assert way.certain == (chance == 1), (a.to_edtf(), b.to_edtf())
    apart = {Relation.BEFORE, Relation.MEETS, Relation.MET_BY, Relation.AFTER}
    assert bool(known.relations - apart) == (odds.neither > 0), (a.to_edtf(), b.to_edtf())
    assert odds.before + odds.after + odds.neither == 1


@pytest.mark.parametrize(
    "text", ["2024-04-09T18+09:00/", "2024-04-09T18+09:00/2024-04-10T05:00Z", "/2024-04-10T05+09:00"]
)
def test_each_end_of_an_interval_is_moved_to_utc_by_its_own_offset_before_the_ends_are_clipped(text: str) -> None:
    # (an unknown end clipped to a start at +09:00 was read as that start's local time, nine hours late)
    from chronology.compare import seconds_of

    s_lo, s_hi, e_lo, e_hi = seconds_of(parse(text))
    assert s_lo <= s_hi
    assert e_lo <= e_hi
    assert s_hi <= e_hi
    assert e_lo >= s_lo
    value = parse(text)
    assert isinstance(value, Interval)
    if isinstance(value.start, UncertainDate):  # its own first second, in UTC
        assert s_lo == value.start.lo - (value.start.utc_offset or 0)
        if not isinstance(value.end, UncertainDate):  # an unknown end: no earlier than the start, in UTC too
            assert e_lo == s_lo
    if isinstance(value.end, UncertainDate):
        assert e_hi == value.end.hi - (value.end.utc_offset or 0)
        if not isinstance(value.start, UncertainDate):
            assert s_hi == e_hi


def test_an_event_with_an_unknown_end_after_a_time_at_an_offset_is_placed_in_utc() -> None:
    timeline = Timeline([Event(id="x", title="x", when=parse("2024-04-09T18+09:00/"))])  # 09:00 UTC, then unknown
    assert list(timeline.overlapping("2024-04-09T13:09", "2024-04-10T12", mode="certain").ids) == []
    assert list(timeline.before("2024-04-09T06-05:00", mode="possible").ids) == ["x"]  # 11:00 UTC: after its start
