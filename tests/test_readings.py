"""A date read from another event's ("two days after the strike", "within hours") is a constraint like a link.

The reading binds both ways: the anchor's bounds bound the date read from it,
and the date read (narrowed by its own links) bounds the anchor.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronology
from chronology import Certainty, Event, Timeline, UncertainDate
from chronology.cli import main
from chronology.exchange import to_json
from chronology.exchange.as_json import from_json

parse = chronology.parse


def read(event_id: str, phrase: str, anchor: Event, **links: list[str]) -> Event:
    """An event whose date is ``phrase`` read from ``anchor``'s, as the loader reads it."""
    return Event(
        id=event_id,
        title=event_id.title(),
        when=parse(phrase, anchor=anchor.when),
        anchor=anchor.id,
        **links,  # type: ignore[arg-type]
    )


STRIKE = Event(id="strike", title="Strike", when=parse("[2024-10-10..2024-10-20]"))


def test_a_link_on_the_date_read_narrows_its_anchor() -> None:
    talks = read("talks", "two days after", STRIKE, before=["deal"])
    tl = Timeline([STRIKE, talks, Event(id="deal", title="Deal", when=parse("2024-10-14"))])
    assert tl["talks"].when == parse("[2024-10-12..2024-10-22]")  # as written: read from the strike's days
    assert tl.narrowed("talks") == parse("[2024-10-12..2024-10-14]")  # before the deal
    assert tl.narrowed("strike") == parse("[2024-10-10..2024-10-12]")  # so the strike was two days before that
    assert [link.reason for link in tl.narrowed_by("strike")] == [
        "'talks' is 'two days after' (anchor 'strike')",
        "'talks' is before 'deal'",
    ]


def test_a_link_on_the_anchor_narrows_the_date_read_from_it() -> None:
    strike = Event(id="strike", title="Strike", when=STRIKE.when, after=["walkout"])
    talks = read("talks", "two days after", strike)
    tl = Timeline([strike, talks, Event(id="walkout", title="Walkout", when=parse("2024-10-17"))])
    assert tl.narrowed("strike") == parse("[2024-10-17..2024-10-20]")
    assert tl.narrowed("talks") == parse("[2024-10-19..2024-10-22]")


def test_hours_from_an_event_bind_to_the_hour() -> None:
    strike = Event(id="strike", title="Strike", when=parse("2024-10-18"))
    reply = read("reply", "within hours", strike, before=["statement"])
    tl = Timeline([strike, reply, Event(id="statement", title="Statement", when=parse("2024-10-18T05:00Z"))])
    assert tl["reply"].when == parse("[2024-10-18T00..2024-10-19T22]")
    assert tl.narrowed("reply") == parse("[2024-10-18T00:00..2024-10-18T05:00]")
    assert tl.narrowed("strike") == parse("[2024-10-18T00:00..2024-10-18T05:00]")  # the reply came within hours


def test_a_reading_that_points_one_way_makes_the_order_certain() -> None:
    day = Event(id="a", title="A", when=parse("2024-10-18"))
    later = read("b", "three hours later", day)
    tl = Timeline([day, later])
    assert tl.relate("a", "b").before is Certainty.CERTAIN
    assert [link.reason for link in tl.relate("a", "b").because] == ["'b' is 'three hours later' (anchor 'a')"]
    assert ("a", "b") in tl.precedence().edges
    assert [event.id for event in tl.after("a")] == ["b"]
    within = Timeline([day, read("c", "within hours", day)])
    assert within.relate("a", "c").before is Certainty.POSSIBLE  # within hours: perhaps at the same hour
    assert ("a", "c") not in within.precedence().edges  # nor an order link
    earlier = Timeline([day, read("d", "the day before", day)])
    assert earlier.relate("d", "a").before is Certainty.CERTAIN


def test_readings_that_contradict_the_links_are_an_error_naming_the_chain() -> None:
    talks = read("talks", "two days after", Event(id="strike", title="Strike", when=parse("2024-10-18")))
    talks = Event(id="talks", title="Talks", when=talks.when, anchor="strike", before=["deal"])
    with pytest.raises(chronology.ValidationError, match=r"'talks' is before 'deal'"):
        Timeline(
            [
                Event(id="strike", title="Strike", when=parse("2024-10-18")),
                talks,
                Event(id="deal", title="Deal", when=parse("2024-10-19")),
            ]
        )


def test_a_loop_of_readings_and_links_that_cannot_hold_is_an_error() -> None:
    year = Event(id="a", title="A", when=parse("2024"), after=["b"])
    # b is two days after a, and a after b: on every turn a moves two days later; a year of turns, then an error
    with pytest.raises(chronology.ValidationError) as caught:
        Timeline([year, read("b", "two days after", year)])
    assert "a loop that cannot hold: 'b' is 'two days after' (anchor 'a'); 'a' is after 'b'" in str(caught.value)


def test_a_date_that_does_not_read_again_from_its_anchor_is_bound_by_its_links_only() -> None:
    # Built in Python with a text that is not what its anchor gives: taken as written, not as a reading.
    strike = Event(id="strike", title="Strike", when=parse("2024-10-18"), before=["talks"])
    odd = Event(id="talks", title="Talks", when=parse("[2024-10-01..2024-10-31]"), anchor="strike")
    tl = Timeline([strike, odd])
    assert tl.narrowed("talks") == parse("[2024-10-18..2024-10-31]")  # by the before link, not "two days after"


FILE = """\
[[events]]
id = "strike"
title = "The strike"
when = "[2024-10-10..2024-10-20]"

[[events]]
id = "talks"
title = "Talks"
when = "two days after"
anchor = "strike"
before = ["deal"]

[[events]]
id = "deal"
title = "The deal"
when = "2024-10-14"
"""


def test_the_command_line_says_why_by_the_reading_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "events.toml"
    path.write_text(FILE, encoding="utf-8")
    assert main(["show", str(path), "strike"]) == 0
    out = capsys.readouterr().out
    assert "narrowed   between 10 and 12 Oct 2024  (2024-10-10 .. 2024-10-12), by its links:" in out
    assert "'talks' is 'two days after' (anchor 'strike')" in out
    assert main(["relate", str(path), "strike", "talks"]) == 0
    out = capsys.readouterr().out
    assert f"A before B: certain ('talks' is 'two days after' (anchor 'strike') ({path}:10))" in out
    assert main(["query", str(path), "--to", "2024-10-11", "--certain"]) == 0
    assert "strike" not in capsys.readouterr().out  # may have struck on the 12th


# -- the property: narrowed bounds are tight and sound, over hours, with readings ---------------------

DAY = UncertainDate.parse("2024-10-01").earliest_day
#: Phrases read from an event, with the hours (or days) they put between it and the event read from it.
READINGS = {
    "three hours later": ("hours", 3, 3),
    "hours later": ("hours", 1, 23),
    "within hours": ("hours", 0, 23),
    "two hours earlier": ("hours", -2, -2),
    "the next day": ("days", 1, 1),
    "the day before": ("days", -1, -1),
}


@st.composite
def networks(draw: st.DrawFn) -> list[Event]:
    """Two or three events on 1-2 October, known to some hours or to the day, one read from another, and links."""
    count = draw(st.integers(2, 3))
    events: list[Event] = []
    for i in range(count):
        day = draw(st.integers(1, 2))
        if draw(st.booleans()):
            when = parse(f"2024-10-0{day}")
        else:
            lo, hi = sorted(draw(st.tuples(st.integers(0, 23), st.integers(0, 23))))
            when = parse(f"[2024-10-0{day}T{lo:02d}..2024-10-0{day}T{hi:02d}]")
        events.append(Event(id=f"e{i}", title=f"E{i}", when=when))
    anchor = events[draw(st.integers(0, count - 1))]
    events.append(read("r", draw(st.sampled_from(sorted(READINGS))), anchor))
    names = [event.id for event in events]
    links = draw(
        st.lists(
            st.tuples(st.sampled_from(names), st.sampled_from(names), st.sampled_from(("after", "before"))), max_size=3
        )
    )
    linked = []
    for event in events:
        mine = {
            f: tuple(dict.fromkeys(b for a, b, g in links if a == event.id and g == f and b != a))
            for f in ("after", "before")
        }
        linked.append(Event(id=event.id, title=event.title, when=event.when, anchor=event.anchor, **mine))  # type: ignore[arg-type]
    return linked


def hours(value: object) -> np.ndarray:
    assert isinstance(value, UncertainDate)
    return np.arange((value.lo - DAY * 86_400) // 3600, (value.hi - DAY * 86_400) // 3600 + 1)


def has_cycle(events: list[Event]) -> bool:
    """Whether the order links (after, before) go round in a cycle."""
    later = {event.id: set(event.before) for event in events}
    for event in events:
        for target in event.after:
            later[target].add(event.id)
    for start in later:
        seen, stack = set(), list(later[start])
        while stack:
            node = stack.pop()
            if node == start:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(later[node])
    return False


@settings(max_examples=80, deadline=None)
@given(networks())
def test_narrowed_hours_are_exactly_those_some_solution_takes(events: list[Event]) -> None:
    number = {event.id: i for i, event in enumerate(events)}
    grids = np.meshgrid(*(hours(e.when) for e in events), indexing="ij")
    ok = np.ones(grids[0].shape, dtype=bool)
    for i, event in enumerate(events):
        for target in event.after:
            ok &= grids[i] >= grids[number[target]]
        for target in event.before:
            ok &= grids[i] <= grids[number[target]]
    reading = events[-1]
    assert reading.anchor is not None
    unit, low, high = READINGS[reading.when.text]
    x, e = grids[number[reading.anchor]], grids[-1]
    apart = e - x if unit == "hours" else e // 24 - x // 24
    ok &= (apart >= low) & (apart <= high)
    if has_cycle(events):  # a cycle of order links is an error of its own
        with pytest.raises(chronology.ValidationError, match="cycle"):
            Timeline(events)
        return
    if not ok.any():  # sound: nothing satisfies them, so they are an error
        with pytest.raises(chronology.ValidationError):
            Timeline(events)
        return
    tl = Timeline(events)  # complete: no error where something satisfies them
    for i, event in enumerate(events):
        narrowed = tl.narrowed(event.id)
        assert isinstance(narrowed, UncertainDate)
        taken = grids[i][ok]
        # tight: every narrowed bound is taken by some solution; sound: no solution lies outside
        assert (hours(narrowed)[0], hours(narrowed)[-1]) == (taken.min(), taken.max()), event.id


def test_an_anchor_cannot_fall_on_a_day_that_gives_no_reading() -> None:
    # "earlier this month" names no day when read on the 1st: the anchor was not on the 1st
    month = Event(id="visit", title="Visit", when=parse("2024-06"))
    tl = Timeline([month, read("talks", "earlier this month", month)])
    assert tl["talks"].when == parse("[2024-06-01..2024-06-29]")
    assert tl.narrowed("visit") == parse("[2024-06-02..2024-06-30]")
    assert tl.narrowed("talks") is tl["talks"].when


# -- a source dated by how it words an event's date ---------------------------------------------------

WORDED = """\
[[sources]]
id = "preview"
outlet = "The Courier"

[[events]]
id = "summit"
title = "The summit"
when = "2024-11-20"
tense = "future"
citations = [{source = "preview", quote = "Leaders meet at the summit next week.", when = "next week"}]
"""


def test_an_undated_source_is_dated_by_how_it_words_an_events_date(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(WORDED, encoding="utf-8")
    tl = chronology.load(path)
    known = tl.publication("preview")
    # the summit is on Wednesday 20 November: "next week" was written in the week before, 11-17 November
    assert known.value is not None
    assert known.value.to_edtf() == "[2024-11-11..2024-11-17]"
    assert {link.reason for link in (*known.after, *known.before)} == {"'preview' words 'summit' as 'next week'"}
    assert tl["summit"].citations[0].when == chronology.parse_expression("next week")
    again = from_json(to_json(tl))
    assert again["summit"].citations == tl["summit"].citations
    assert again.publication("preview").value == known.value


def test_a_dated_source_that_words_a_date_it_cannot_reach_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(WORDED.replace('outlet = "The Courier"', 'published = "2024-11-25"'), encoding="utf-8")
    with pytest.raises(chronology.ValidationError) as caught:
        chronology.load(path)
    assert (
        f"{path}:10:13: event 'summit', field 'citations[0].when': 'preview' words it as 'next week', which from "
        "the source's date (25 November 2024) names between 2 and 8 Dec 2024; the event is dated 20 November 2024"
    ) in str(caught.value)


def test_a_citation_words_a_date_relative_to_its_source(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(WORDED.replace('when = "next week"', 'when = "3 May 2024"'), encoding="utf-8")
    with pytest.raises(chronology.ValidationError, match=r"'3 May 2024' is a date of its own; a citation's when"):
        chronology.load(path)
    with pytest.raises(chronology.WrongTypeError, match=r"chronology.parse_expression\('next week'\)"):
        chronology.Citation(source="preview", when="next week")  # type: ignore[arg-type]
