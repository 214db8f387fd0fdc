"""The event model: events, sources, claims and timelines built in Python."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import Citation, Claim, Comparison, Event, Quantity, Source, Timeline, ValidationError
from chronology.events import _EventSlots


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


# -- Event's own __init__: what attrs would write, in fewer steps ------------------------------------


class _Names:
    """An iterable of names that is neither a tuple, a list nor a text (read afresh at each iteration)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)


_WHENS = [chronology.parse("2024-10-18"), chronology.parse("2024-10"), chronology.parse("2024-10-01/2024-10-20")]
_NAME_VALUES = st.one_of(
    st.just(()),
    st.text(max_size=3),  # a lone name: one name, not its letters
    st.lists(st.text(max_size=3), max_size=3),
    st.lists(st.text(max_size=3), max_size=3).map(tuple),
    st.lists(st.text(max_size=3), max_size=2).map(_Names),  # any iterable
)
_ARGUMENTS = st.fixed_dictionaries(
    {
        "id": st.one_of(st.from_regex(r"[a-z][a-z0-9.\-]{0,4}", fullmatch=True), st.sampled_from(["", "a b", "-a"])),
        "title": st.text(max_size=4),
        "when": st.one_of(st.sampled_from(_WHENS), st.sampled_from(["2024", None, 5])),
    },
    optional={
        "kind": st.text(max_size=3),
        "actors": _NAME_VALUES,
        "places": _NAME_VALUES,
        "tags": _NAME_VALUES,
        "after": _NAME_VALUES,
        "before": _NAME_VALUES,
        "reports": _NAME_VALUES,
        "summary": st.text(max_size=3),
        "citations": st.lists(st.builds(Citation, source=st.sampled_from(["s", "t"])), max_size=2),
        "claims": st.lists(st.builds(Claim, subject=st.just("x"), value=st.just(Quantity.parse("5"))), max_size=1),
        "part_of": st.one_of(st.none(), st.just("p")),
        "anchor": st.one_of(st.none(), st.just("a")),
        "tense": st.sampled_from(list(chronology.Tense)),
        "extra": st.one_of(st.just({}), st.dictionaries(st.sampled_from(["k", "n"]), st.integers(), max_size=2)),
    },
)


def _made(make: Any, arguments: dict[str, Any]) -> object:
    """The fields (each with its class) of what ``make`` builds from ``arguments``, or its error."""
    try:
        event = make(**arguments)
    except Exception as error:
        return (type(error), str(error))
    return (
        type(event),
        [(name, getattr(event, name), type(getattr(event, name))) for name in attrs.fields_dict(Event)],
    )


def _through_attrs(**arguments: Any) -> Event:
    """An event made by the ``__init__`` attrs writes for Event (``__attrs_init__``): the reference."""
    event = object.__new__(Event)
    event.__attrs_init__(**arguments)
    return event


@given(arguments=_ARGUMENTS)
@settings(max_examples=300)
def test_event_init_builds_what_the_init_attrs_writes_would(arguments: dict[str, Any]) -> None:
    assert _made(Event, arguments) == _made(_through_attrs, arguments)


def test_event_init_takes_the_arguments_attrs_would_give_it() -> None:
    ours, theirs = inspect.signature(Event.__init__), inspect.signature(Event.__attrs_init__)
    assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == [
        (p.name, p.kind, p.default) for p in theirs.parameters.values()
    ]


def test_an_event_is_still_a_frozen_attrs_value() -> None:
    when = chronology.parse("2024-10-18")
    event = Event(id="e", title="T", when=when, tags="troops", extra={"k": 1})
    assert type(event) is Event
    assert event == Event(id="e", title="T", when=when, tags=("troops",), extra={"k": 1})
    assert hash(event) == hash(attrs.evolve(event))
    assert attrs.evolve(event, title="U").title == "U"
    assert repr(event).startswith("Event(id='e', title='T', when=")
    assert weakref.ref(event)() is event
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.title = "U"  # type: ignore[misc]
    assert Event.__basicsize__ == _EventSlots.__basicsize__  # no slot of its own: a filler shares its layout


def test_validators_disabled_are_disabled_for_events_too() -> None:
    with attrs.validators.disabled():
        event = Event(id="not an id", title="T", when="2024")  # type: ignore[arg-type]
    assert event.id == "not an id"
    assert event.when == "2024"


def test_a_subclass_of_event_is_built_field_by_field() -> None:
    class Marked(Event):
        pass

    @attrs.frozen(kw_only=True)
    class Longer(Event):
        more: int = 0

    when = chronology.parse("2024")
    marked = Marked(id="e", title="T", when=when, tags="x")
    assert type(marked) is Marked
    assert (marked.id, marked.tags, marked.extra) == ("e", ("x",), {})
    longer = Longer(id="e", title="T", when=when, more=3)
    assert (type(longer), longer.more, longer.title) == (Longer, 3, "T")
