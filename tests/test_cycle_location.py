"""A cycle of links is placed at a link that is written, and said without going round it twice."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import Event
from chronology.constraints import link_cycles

# Four events in order by their links and dates; then the first gets a link that puts it last.
JEDDAH = """\
[[events]]
id = "arrives"
title = "Zelensky arrives in Jeddah"
when = "2025-03-10"

[[events]]
id = "talks"
title = "Talks in Jeddah"
when = "2025-03-11"
after = ["arrives"]

[[events]]
id = "statement"
title = "Joint statement"
when = "2025-03-11"
after = ["talks"]

[[events]]
id = "response"
title = "Kremlin responds"
when = "2025-03-12"
before = ["arrives"]
after = ["statement"]
"""


def _event(event_id: str, **links: object) -> Event:
    return Event(id=event_id, title=event_id.upper(), when=chronology.parse("2024"), **links)  # type: ignore[arg-type]


def test_a_cycle_is_placed_at_the_link_that_closes_it_on_the_event_that_writes_it() -> None:
    events = [
        _event("arrives"),
        _event("talks", after=["arrives"]),
        _event("statement", after=["talks"]),
        _event("response", before=["arrives"], after=["statement"]),
    ]
    [problem] = link_cycles(events, {event.id for event in events})
    # 'arrives' writes no link at all: the problem is at response's `before`, which closes the cycle
    assert (problem.event, problem.field) == ("response", "before")
    assert "'arrives' -> 'talks' -> 'statement' -> 'response' -> 'arrives'" in problem.message
    assert "closed by 'response' is before 'arrives'" in problem.message


def test_a_part_of_cycle_names_the_part_of_that_closes_it() -> None:
    events = [_event("a", part_of="b"), _event("b", part_of="c"), _event("c", part_of="a")]
    [problem] = link_cycles(events, {"a", "b", "c"})
    assert problem.field == "part_of"
    written = {event.id: event.part_of for event in events}
    assert problem.event in written
    assert problem.message.startswith("part_of links form a cycle: ")
    assert f"closed by {problem.event!r} is part of {written[problem.event]!r}" in problem.message


def test_links_to_unknown_events_or_to_itself_make_no_cycle() -> None:
    events = [_event("a", after=["b"]), _event("b", after=["a"], before=["b"])]
    assert link_cycles(events, {"a"}) == []  # 'b' is not known here: its links are reported elsewhere


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(["after", "before", "reports"]), st.integers(0, 4)),
        max_size=12,
    )
)
def test_every_cycle_reported_is_placed_at_a_written_link_and_walks_each_event_once(
    links: list[tuple[int, str, int]],
) -> None:
    written: dict[str, dict[str, list[str]]] = {f"e{i}": {"after": [], "before": [], "reports": []} for i in range(5)}
    for source, field, target in links:
        if source != target and f"e{target}" not in written[f"e{source}"][field]:
            written[f"e{source}"][field].append(f"e{target}")
    events = [_event(event_id, **fields) for event_id, fields in written.items()]
    for problem in link_cycles(events, set(written)):
        assert problem.event is not None
        assert problem.field in ("after", "before", "reports")
        path = problem.message.split("form a cycle: ")[1].split(" (each before the next)")[0]
        nodes = [node.strip("'") for node in path.split(" -> ")]
        assert nodes[0] == nodes[-1]
        assert len(set(nodes[:-1])) == len(nodes) - 1  # each event once
        # the link it is placed at is written on that event, and is the last step of the path
        placed_on, named = (nodes[-2], nodes[-1]) if problem.field == "before" else (nodes[-1], nodes[-2])
        assert problem.event == placed_on
        assert named in written[placed_on][problem.field]
        # every step of the path is a link that is written, one way or the other
        for earlier, later in itertools.pairwise(nodes):
            assert (
                later in written[earlier]["before"]
                or earlier in written[later]["after"]
                or earlier in written[later]["reports"]
            )


def test_the_contradiction_a_cycle_makes_is_said_at_a_written_link_each_link_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(JEDDAH, encoding="utf-8")
    problems = [p for p in chronology.validate("events.toml") if "contradict the dates" in p.message]
    [problem] = problems
    steps = problem.message.split(": ", 1)[1].split("; ")
    assert len(steps) == len(set(steps))  # no link said twice
    # the shortest account: the response is dated after the arrival it is said to come before
    assert steps == [
        "'response' no earlier than 2025-03-12",
        "'response' is before 'arrives'",
        "'arrives' no later than 2025-03-10",
    ]
    line = JEDDAH.splitlines().index('before = ["arrives"]') + 1
    assert (problem.event, problem.field, problem.line) == ("response", "before", line)


def test_a_file_places_the_cycle_at_the_key_that_closes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(JEDDAH, encoding="utf-8")
    [problem] = [p for p in chronology.validate("events.toml") if "form a cycle" in p.message]
    line = JEDDAH.splitlines().index('before = ["arrives"]') + 1
    assert (problem.event, problem.field, problem.line) == ("response", "before", line)
    assert str(problem).startswith(f"events.toml:{line}:10: event 'response', field 'before': ")
