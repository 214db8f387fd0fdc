"""``Timeline.relate(a, b, widening=...)`` reads approximate dates as the "possible" queries do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    Certainty,
    Event,
    Precision,
    Qualifier,
    Relation,
    Timeline,
    UncertainDate,
    Widening,
    parse,
)
from chronology.dates import DateValue, Interval


def about_1400(own: Widening | None = None) -> Timeline:
    return Timeline(
        [
            Event(id="treatise", title="Treatise written", when=parse("c. 1400"), widening=own),
            Event(id="council", title="Council meets", when=parse("March 1401")),
            Event(id="charter", title="Charter", when=parse("December 1400")),
            Event(id="copy", title="Copy made", when=parse("c. 1400"), after=("charter",)),
        ]
    )


def test_relate_widens_by_default_as_a_possible_query_does() -> None:
    timeline = about_1400()
    known = timeline.relate("treatise", "council")
    assert (known.before, known.after) == (Certainty.POSSIBLE, Certainty.POSSIBLE)  # c. 1400 may be April 1401
    assert "treatise" in {e.id for e in timeline.after("council", mode="possible")}  # as the query says
    assert Relation.AFTER in known.relations
    assert known.probabilities is not None
    assert known.probabilities.after > 0
    assert known.a == parse("c. 1400")  # the values given back are the stated ones, not the widened
    assert timeline.relate("treatise", "council", widening=DEFAULT_WIDENING) == known


def test_no_widening_relates_the_stated_bounds() -> None:
    timeline = about_1400()
    known = timeline.relate("treatise", "council", widening=NO_WIDENING)
    assert (known.before, known.after) == (Certainty.CERTAIN, Certainty.IMPOSSIBLE)
    assert known.relations == {Relation.BEFORE}
    assert timeline.relate("treatise", "council", widening=Widening(approximate=0)).before is Certainty.CERTAIN


def test_an_events_own_policy_is_used_unless_one_is_given() -> None:
    timeline = about_1400(NO_WIDENING)  # its file's [reading] says: do not widen
    assert timeline.relate("treatise", "council").before is Certainty.CERTAIN
    assert timeline.relate("treatise", "council", widening=DEFAULT_WIDENING).before is Certainty.POSSIBLE
    # a date given as text has no file: the policy given, else the default
    assert timeline.relate("c. 1400", "council").before is Certainty.POSSIBLE
    assert timeline.relate("c. 1400", "council", widening=NO_WIDENING).before is Certainty.CERTAIN


def test_a_bound_a_link_sets_is_not_widened() -> None:
    # the copy is after a charter of December 1400: c. 1400 may spill into 1401, never back before December
    timeline = about_1400()
    known = timeline.relate("copy", "November 1400")
    assert (known.before, known.after) == (Certainty.IMPOSSIBLE, Certainty.CERTAIN)
    assert timeline.relate("copy", "1401-06").before is Certainty.POSSIBLE
    assert timeline.relate("copy", "1401-06", widening=NO_WIDENING).before is Certainty.CERTAIN
    # the link decides, widened or not, and says so
    for policy in (None, NO_WIDENING):
        linked = timeline.relate("charter", "copy", widening=policy)
        assert linked.before is Certainty.CERTAIN
        assert [link.reason for link in linked.because] == ["'copy' is after 'charter'"]


@st.composite
def qualified(draw: st.DrawFn) -> DateValue:
    def one() -> UncertainDate:
        first = 738_000 + draw(st.integers(0, 60))
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
@given(
    a=qualified(),
    b=qualified(),
    policy=st.sampled_from([None, DEFAULT_WIDENING, NO_WIDENING, Widening(approximate=2, uncertain=1)]),
)
def test_relate_never_calls_certain_what_a_possible_query_finds_otherwise(
    a: DateValue, b: DateValue, policy: Widening | None
) -> None:
    timeline = Timeline([Event(id="a", title="A", when=a), Event(id="b", title="B", when=b)])
    known = timeline.relate("a", "b", widening=policy)
    for way, ask in ((known.before, timeline.before), (known.after, timeline.after)):
        possible = "a" in {e.id for e in ask("b", mode="possible", widening=policy)}
        assert way.possible == possible, (a.to_edtf(), b.to_edtf())
