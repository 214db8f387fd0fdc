"""The event model: events, sources, claims and timelines built in Python."""

from __future__ import annotations

import attrs
import pendulum
import pytest

import chronology
from chronology import Citation, Claim, Comparison, Event, Quantity, Source, Timeline, ValidationError


def test_an_event_needs_only_an_id_a_title_and_a_date() -> None:
    event = Event(id="pact", title="Mutual defence pact", when=chronology.parse("June 2024"))
    assert (event.when.earliest, event.when.latest) == (pendulum.Date(2024, 6, 1), pendulum.Date(2024, 6, 30))
    assert event.actors == ()
    assert event.citations == ()
    assert dict(event.extra) == {}
    assert event.tense is chronology.Tense.PAST


def test_events_are_frozen_and_lists_become_tuples() -> None:
    event = Event(id="a", title="A", when=chronology.parse("2024"), actors=["Kim Jong Un"], tags="troops")
    assert event.actors == ("Kim Jong Un",)
    assert event.tags == ("troops",)  # a lone string is one tag, not its letters
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.title = "B"  # type: ignore[misc]
    with pytest.raises(TypeError):
        event.extra["x"] = 1  # type: ignore[index]


@pytest.mark.parametrize("bad", ["", "has space", "-lead", "é"])
def test_an_invalid_id_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a valid id"):
        Event(id=bad, title="A", when=chronology.parse("2024"))


def test_when_must_be_a_date_value() -> None:
    with pytest.raises(TypeError, match=r"chronology\.parse"):
        Event(id="a", title="A", when="2024")  # type: ignore[arg-type]


def test_a_timeline_from_python_events() -> None:
    report = Source(id="bloomberg", outlet="Bloomberg", published=chronology.UncertainDate.parse("2024-11-17"))
    call = Event(
        id="call",
        title="Scholz calls Putin",
        when=chronology.parse("Friday", anchor=report.published),
        anchor="bloomberg",
        citations=[Citation(source="bloomberg", quote="Scholz told Putin Friday ...")],
    )
    visit = Event(id="visit", title="Kim visits Russia's Far East", when=chronology.parse("September 2023"))
    timeline = Timeline([call, visit], sources=[report], title="Demo")
    assert list(timeline) == [call, visit]
    assert timeline["call"] is call
    assert "visit" in timeline
    assert len(timeline) == 2
    assert timeline.sources["bloomberg"] is report
    assert [e.id for e in timeline.sorted()] == ["visit", "call"]
    assert call.sources == ("bloomberg",)
    with pytest.raises(KeyError, match="did you mean 'call'"):
        timeline["cal"]


def test_a_timeline_reports_every_problem_of_python_events() -> None:
    a = Event(id="a", title="A", when=chronology.parse("2024-10-01"), after=["b"])
    b = Event(id="b", title="B", when=chronology.parse("2024-10-05"), before=["nowhere"])
    c = Event(id="a", title="A again", when=chronology.parse("2024"), citations=[Citation(source="s")])
    with pytest.raises(ValidationError) as raised:
        Timeline([a, b, c])
    messages = [str(p) for p in raised.value.problems]
    assert messages == [
        "event 'a', field 'id': duplicate event id 'a'",
        "event 'b', field 'before': unknown event 'nowhere'",
        "event 'a', field 'citations[0].source': unknown source 's'",
        "event 'a', field 'after': the links contradict the dates: 'b' no earlier than 2024-10-05; "
        "'a' is after 'b'; 'a' no later than 2024-10-01",
    ]


def test_conflicting_claims_stand_side_by_side() -> None:
    sources = [Source(id="pentagon-briefing"), Source(id="bloomberg")]
    about = Claim(
        subject="troops", value=Quantity.parse("about 10,000"), claimant="Pentagon", source="pentagon-briefing"
    )
    more = Claim(subject="troops", value=Quantity.parse("more than 10,000"), claimant="Bloomberg", source="bloomberg")
    pay = Claim(subject="pay", value=Quantity.parse("$2,000"), unit="US dollars per soldier")
    briefing = Event(id="briefing", title="Briefing", when=chronology.parse("2024-10-28"), claims=[about, pay])
    report = Event(
        id="report",
        title="Report",
        when=chronology.parse("2024-11-17"),
        claims=[more.__class__(**attrs.asdict(more, recurse=False))],
    )
    timeline = Timeline([briefing, report], sources)
    troops = timeline.claims("troops")
    assert [(event.id, claim.claimant, claim.value.label) for event, claim in troops] == [
        ("briefing", "Pentagon", "about 10,000"),
        ("report", "Bloomberg", "more than 10,000"),
    ]
    assert timeline.said(*troops[1]).earliest == pendulum.Date(2024, 11, 17)
    assert len(timeline.claims()) == 3


@pytest.mark.parametrize(
    ("text", "comparison", "low", "high", "label"),
    [
        ("1,500", Comparison.EXACTLY, 1500, 1500, "1,500"),
        (1500, Comparison.EXACTLY, 1500, 1500, "1,500"),
        ("about 10,000", Comparison.ABOUT, 10000, 10000, "about 10,000"),
        ("an estimated 10,000", Comparison.ABOUT, 10000, 10000, "about 10,000"),
        ("more than 10,000", Comparison.MORE_THAN, 10000, None, "more than 10,000"),
        ("over 71,000", Comparison.MORE_THAN, 71000, None, "more than 71,000"),
        ("at least 3", Comparison.AT_LEAST, 3, None, "at least 3"),
        ("up to 15,000", Comparison.UP_TO, None, 15000, "up to 15,000"),
        ("as many as 100,000", Comparison.UP_TO, None, 100000, "up to 100,000"),
        ("fewer than 50", Comparison.FEWER_THAN, None, 50, "fewer than 50"),
        ("10,000-12,000", Comparison.BETWEEN, 10000, 12000, "10,000-12,000"),
        ("10,000 to 12,000", Comparison.BETWEEN, 10000, 12000, "10,000-12,000"),
        ("1.5 million", Comparison.EXACTLY, 1500000, 1500000, "1,500,000"),
        ("$2,000", Comparison.EXACTLY, 2000, 2000, "$2,000"),
        ("654,430", Comparison.EXACTLY, 654430, 654430, "654,430"),
    ],
)
def test_claimed_figures_are_read_as_reports_write_them(
    text: str | int, comparison: Comparison, low: int | None, high: int | None, label: str
) -> None:
    quantity = Quantity.parse(text)
    assert (quantity.comparison, quantity.low, quantity.high, quantity.label) == (comparison, low, high, label)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", "expected a number"),
        ("", "expected a number"),
        ("12,000-10,000", "the range runs backwards"),
        ("about 10-12", "a range takes no 'about'"),
        (True, "not bool"),
        (float("nan"), "finite"),
        ("1,50", "expected a number"),
    ],
)
def test_an_unreadable_figure_is_an_error_naming_it(text: object, message: str) -> None:
    with pytest.raises(chronology.QuantityParseError, match=message):
        Quantity.parse(text)  # type: ignore[arg-type]
