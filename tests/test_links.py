"""What an event file says about order reaches every answer: narrowed dates, certain order by links, queries by event."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import chronology
from chronology import Certainty, Event, Interval, Timeline, UncertainDate
from chronology.cli import main
from chronology.consistency import check
from chronology.errors import AmbiguousReferenceError, UnknownEventError
from chronology.exchange import to_csv, to_ics, to_json, to_markdown, to_timelinejs
from chronology.exchange.as_json import from_json

parse = chronology.parse


def timeline(*events: Event) -> Timeline:
    return Timeline(events)


def ids(view: Timeline) -> list[str]:
    return [event.id for event in view]


ISSUE = timeline(
    Event(id="y", title="Y", when=parse("[2024-10-10..2024-10-20]")),
    Event(id="x", title="X", when=parse("2024-10"), after=["y"]),
)


# -- each link kind narrows what it should --------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "target", "own", "narrowed"),
    [
        ("after", "[2024-10-10..2024-10-20]", "2024-10", "[2024-10-10..2024-10-31]"),
        ("before", "[2024-10-10..2024-10-20]", "2024-10", "[2024-10-01..2024-10-20]"),
        # a report is not before what it reports: the reported event began no later than its report
        ("reports", "2024-10", "[2024-10-05..2024-10-08]", "[2024-10-05..2024-10-08]"),
        ("part_of", "2024-10-12/2024-10-15", "2024-10", "[2024-10-12..2024-10-15]"),
    ],
)
def test_each_link_kind_narrows_the_linking_event(field: str, target: str, own: str, narrowed: str) -> None:
    other = Event(id="other", title="Other", when=parse(target))
    link: dict[str, Any] = {field: ("other",) if field != "part_of" else "other"}
    event = Event(id="event", title="Event", when=parse(own), **link)
    tl = timeline(other, event)
    assert tl.narrowed("event") == parse(narrowed)


def test_a_report_narrows_what_it_reports() -> None:
    tl = timeline(
        Event(id="report", title="Report", when=parse("2024-10-18"), reports=["strike"]),
        Event(id="strike", title="Strike", when=parse("2024-10")),
    )
    assert tl.narrowed("strike") == parse("[2024-10-01..2024-10-18]")


def test_part_of_narrows_the_whole_from_its_parts() -> None:
    tl = timeline(
        Event(id="war", title="War", when=parse("2022/")),  # its end unknown
        Event(id="battle", title="Battle", when=parse("2024-06"), part_of="war"),
    )
    narrowed = tl.narrowed("war")
    assert isinstance(narrowed, Interval)
    assert isinstance(narrowed.end, UncertainDate)
    assert narrowed.end.earliest_day == parse("2024-06-01").earliest_day  # type: ignore[union-attr]  # the war lasted at least to the battle
    assert narrowed.end.open_after


def test_a_whole_that_is_one_moment_is_narrowed_to_its_part_and_the_reason_says_how_to_make_it_last() -> None:
    night = parse("[2025-03-10T18+02:00..2025-03-11T05+02:00]")
    part = Event(id="blast", title="Blast", when=parse("2025-03-11T03+02:00"), part_of="strike")
    tl = timeline(Event(id="strike", title="Strike", when=night), part)
    assert tl.narrowed("strike") == part.when  # one moment, within its part: the part's hour
    [link] = tl.narrowed_by("strike")
    assert (link.event, link.field, link.target) == ("blast", "part_of", "strike")
    assert "'strike' is one moment" in link.reason
    suggested = link.reason.split('when = "')[1].split('"')[0]
    lasting = parse(suggested)  # the way to say it lasted reads as an interval over the night it was given
    assert isinstance(lasting, Interval)
    assert (lasting.start, lasting.end) == (parse("2025-03-10T18+02:00"), parse("2025-03-11T05+02:00"))
    # so written, the night keeps its date and the part lies within it
    lasted = timeline(Event(id="strike", title="Strike", when=lasting), part)
    assert lasted.narrowed("strike") is lasting
    assert lasted.narrowed_by("strike") == ()


def test_a_whole_that_is_one_day_gets_the_hint_without_a_form_to_copy() -> None:
    tl = timeline(
        Event(id="day", title="Day", when=parse("2025-03-11")),
        Event(id="blast", title="Blast", when=parse("2025-03-11T03"), part_of="day"),
    )
    [link] = tl.narrowed_by("day")
    assert "'day' is one moment" in link.reason
    assert "'START/END' in EDTF" in link.reason


def test_a_whole_that_lasts_is_not_said_to_be_one_moment() -> None:
    tl = timeline(
        Event(id="war", title="War", when=parse("2022/")),
        Event(id="battle", title="Battle", when=parse("2024-06"), part_of="war"),
    )
    assert [link.reason for link in tl.narrowed_by("war")] == ["'battle' is part of 'war'"]


def test_narrowing_runs_along_chains() -> None:
    tl = timeline(
        Event(id="a", title="A", when=parse("2024-10-10")),
        Event(id="b", title="B", when=parse("2024-10"), after=["a"]),
        Event(id="c", title="C", when=parse("2024"), after=["b"], before=["d"]),
        Event(id="d", title="D", when=parse("2024-11-20")),
    )
    assert tl.narrowed("c") == parse("[2024-10-10..2024-11-20]")
    assert tl.narrowed("d") is tl["d"].when  # nothing to narrow: the date as written, the same value


def test_the_same_day_rule_lets_linked_events_share_a_day() -> None:
    """``after`` on two events known to the day: the later may fall on the same day, its earliest day is b's."""
    tl = timeline(
        Event(id="b", title="B", when=parse("[2024-10-03..2024-10-05]")),
        Event(id="a", title="A", when=parse("[2024-10-01..2024-10-03]"), after=["b"]),
    )
    assert tl.narrowed("a") == parse("2024-10-03")
    assert tl.narrowed("b") == parse("2024-10-03")


def test_times_narrow_to_the_hour_by_the_utc_day_rule() -> None:
    tl = timeline(
        Event(id="strike", title="Strike", when=parse("2024-10-18T03:00+09:00")),  # 17 October, 18:00 UTC
        Event(id="response", title="Response", when=parse("2024-10-17"), after=["strike"]),
    )
    narrowed = tl.narrowed("response")
    assert isinstance(narrowed, UncertainDate)
    assert narrowed.earliest_day == narrowed.latest_day == UncertainDate.parse("2024-10-17").earliest_day
    assert narrowed.to_edtf() == "[2024-10-17T18..2024-10-17T23]"  # from 18:00 UTC, when the strike was


def test_links_that_contradict_the_dates_name_the_chain() -> None:
    with pytest.raises(chronology.ValidationError, match="'late' is after 'early'") as caught:
        timeline(
            Event(id="early", title="Early", when=parse("2024-10-20")),
            Event(id="late", title="Late", when=parse("2024-10-05"), after=["early"]),
        )
    assert "no earlier than 2024-10-20" in str(caught.value)


# -- every answer uses them -------------------------------------------------------------------------


def test_window_queries_use_the_narrowed_dates() -> None:
    assert ids(ISSUE.overlapping("2024-10-01", "2024-10-09")) == []
    assert ids(ISSUE.overlapping("2024-10-01", "2024-10-09", mode="certain")) == []
    assert ids(ISSUE.within("2024-10-10", "2024-10-31")) == ["y", "x"]


def test_after_an_event_uses_its_links() -> None:
    assert ids(ISSUE.after(ISSUE["y"])) == ["x"]
    assert ids(ISSUE.after("y")) == ["x"]  # an id names the event
    assert ids(ISSUE.before("x")) == ["y"]


def test_precedence_has_the_edges_the_links_give() -> None:
    order = ISSUE.precedence()
    assert order.edges == (("y", "x"),)
    assert order.layers == (("y",), ("x",))


def test_same_day_events_are_sorted_and_listed_in_link_order() -> None:
    tl = timeline(
        Event(id="a-second", title="Second", when=parse("2024-11-03"), after=["z-first"]),
        Event(id="z-first", title="First", when=parse("2024-11-03")),
    )
    assert [e.id for e in tl.sorted()] == ["z-first", "a-second"]
    assert [e.id for e in tl.sorted("latest")] == ["z-first", "a-second"]
    relation = tl.relate("z-first", "a-second")
    assert relation.before is Certainty.CERTAIN
    assert relation.after is Certainty.IMPOSSIBLE
    assert [link.reason for link in relation.because] == ["'a-second' is after 'z-first'"]
    # the free function knows nothing of links: the same day is not "before"
    assert chronology.before(tl["z-first"].when, tl["a-second"].when) is Certainty.IMPOSSIBLE
    # and the order queries agree with relate, even on one day
    assert ids(tl.before("a-second")) == ["z-first"]
    assert ids(tl.after("z-first")) == ["a-second"]
    assert ids(tl.after("a-second", mode="possible")) == []
    assert tl.precedence().edges == (("z-first", "a-second"),)


def test_relate_is_certain_by_a_chain_of_links_when_the_dates_overlap() -> None:
    tl = timeline(
        Event(id="printing", title="Printing", when=parse("[1454..1455]")),
        Event(id="binding", title="Binding", when=parse("1455"), after=["printing"]),
        Event(id="sale", title="Sale", when=parse("[1455..1456]"), after=["binding"]),
    )
    known = tl.relate("printing", "sale")
    assert known.before is Certainty.CERTAIN
    assert [link.reason for link in known.because] == ["'binding' is after 'printing'", "'sale' is after 'binding'"]
    assert known.probabilities is not None
    assert known.probabilities.before == 1
    # without the links, the dates alone leave it open
    assert chronology.before(tl["printing"].when, tl["sale"].when) is Certainty.POSSIBLE
    assert tl.relate("sale", "printing").after is Certainty.CERTAIN


def test_odds_are_conditioned_on_a_report() -> None:
    """A report is not before what it reports: that order is given, the same day stays 'neither'."""
    tl = timeline(
        Event(id="event", title="Event", when=parse("[2024-10-01..2024-10-02]")),
        Event(id="report", title="Report", when=parse("[2024-10-01..2024-10-02]"), reports=["event"]),
    )
    known = tl.relate("event", "report")
    assert known.before is Certainty.POSSIBLE
    assert known.after is Certainty.IMPOSSIBLE
    assert known.probabilities is not None
    # pairs (event day, report day) with event <= report: (1,1), (1,2), (2,2); one of them "before"
    assert (known.probabilities.before, known.probabilities.after) == (Fraction(1, 3), Fraction(0))


def test_narrowed_values_go_to_the_free_functions() -> None:
    narrowed = ISSUE.narrowed("x")
    assert chronology.before(ISSUE.narrowed("y"), narrowed) is Certainty.POSSIBLE
    assert chronology.before(narrowed, parse("2024-10-09")) is Certainty.IMPOSSIBLE
    assert chronology.before(ISSUE["x"].when, parse("2024-10-09")) is Certainty.POSSIBLE


def test_widening_does_not_cross_a_link() -> None:
    tl = timeline(
        Event(id="b", title="B", when=parse("2024-10-15")),
        Event(id="a", title="A", when=parse("2024-10~"), after=["b"]),
    )
    wide = chronology.Widening(approximate=1)
    # approximate October reaches into September and November, but the link keeps it after 15 October
    assert ids(tl.overlapping("2024-11-05", "2024-11-05", widening=wide)) == ["a"]
    assert ids(tl.overlapping("2024-10-01", "2024-10-14", widening=wide)) == []


# -- questions by event ------------------------------------------------------------------------------


def test_an_id_that_is_also_a_date_is_an_error_naming_both() -> None:
    tl = timeline(
        Event(id="2024-10", title="The October offensive", when=parse("[2024-10-05..2024-10-20]")),
        Event(id="ship", title="Ship leaves", when=parse("2024-10-25"), after=["2024-10"]),
    )
    with pytest.raises(AmbiguousReferenceError, match=r"'2024-10' is both an event id .* and a date \(October 2024\)"):
        tl.before("2024-10")
    assert ids(tl.after("@2024-10")) == ["ship"]
    assert ids(tl.overlapping("October 2024", "October 2024", mode="certain")) == ["2024-10", "ship"]
    with pytest.raises(UnknownEventError, match="no event 'shp' in this timeline; did you mean 'ship'"):
        tl.before("@shp")


def test_windows_may_end_at_an_event() -> None:
    tl = timeline(
        Event(id="talks", title="Talks", when=parse("[2024-03-04..2024-03-15]"), before=["strike"]),
        Event(id="strike", title="Strike", when=parse("2024-03-13")),
        Event(id="march", title="March", when=parse("2024-03-20")),
    )
    assert ids(tl.within("2024-03-01", "strike")) == ["talks", "strike"]
    assert ids(tl.overlapping("strike", "2024-03-31", mode="certain")) == ["strike", "march"]


# -- the command line ---------------------------------------------------------------------------------

FILE = """\
title = "Printing"

[[events]]
id = "b42-printing"
title = "The 42-line Bible is printed"
when = "[1454..1455]"

[[events]]
id = "rubrication"
title = "A copy is rubricated"
when = "by 24 August 1456"
after = ["b42-printing"]

[[events]]
id = "ship-leaves"
title = "The ship leaves"
when = "1456"
after = ["rubrication"]
"""


def run(*arguments: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(arguments), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_relate_says_why_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(FILE, encoding="utf-8")
    code, out, _ = run("relate", str(path), "b42-printing", "rubrication")
    assert code == 0
    assert f"A before B: certain ('rubrication' is after 'b42-printing' ({path}:12))" in out.splitlines()
    assert "odds: the links decide it" in out
    code, out, _ = run("relate", str(path), "b42-printing", "rubrication", "--json")
    assert json.loads(out)["because"] == [f"'rubrication' is after 'b42-printing' ({path}:12)"]


def test_query_before_an_event(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(FILE, encoding="utf-8")
    code, out, _ = run("query", str(path), "--before", "ship-leaves", "--certain", "--json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)["events"]] == ["b42-printing", "rubrication"]
    code, out, _ = run("query", str(path), "--after", "@b42-printing", "--json")
    assert [e["id"] for e in json.loads(out)["events"]] == ["rubrication", "ship-leaves"]
    code, _, err = run("query", str(path), "--before", "ship-leavs")
    assert (code, err) == (
        2,
        f"chronology query: error: --before: no event 'ship-leavs' in {path}; did you mean 'ship-leaves'?\n",
    )
    code, out, _ = run("list", str(path))
    assert "1454-01-01 .. 1456-08-24 *  rubrication" in out  # after the printing: no longer open; marked


def test_exports_carry_the_narrowed_dates() -> None:
    document = json.loads(to_json(ISSUE))
    x = next(e for e in document["events"] if e["id"] == "x")
    assert x["narrowed"] == {"edtf": "[2024-10-10..2024-10-31]", "earliest": "2024-10-10", "latest": "2024-10-31"}
    assert "narrowed" not in next(e for e in document["events"] if e["id"] == "y")
    assert from_json(to_json(ISSUE)).narrowed("x") == ISSUE.narrowed("x")  # read back from the links
    header, _, row_x = to_csv(ISSUE).splitlines()
    cells = dict(zip(header.split(","), row_x.split(","), strict=True))
    assert (cells["earliest"], cells["narrowed_earliest"], cells["narrowed_latest"]) == (
        "2024-10-01",
        "2024-10-10",
        "2024-10-31",
    )
    assert "| October 2024 (by its links: between 10 and 31 Oct 2024) | X |  |" in to_markdown(ISSUE).splitlines()
    slide = next(s for s in to_timelinejs(ISSUE)["events"] if s["unique_id"] == "x")
    assert slide["start_date"]["display_date"] == "between 10 and 31 Oct 2024"
    assert "DTSTART;VALUE=DATE:20241010" in to_ics(ISSUE)


# -- the property: narrowed bounds are tight and sound ------------------------------------------------

HOURS = 24
DAY = UncertainDate.parse("2024-10-01").earliest_day


@st.composite
def hour_networks(draw: st.DrawFn) -> list[Event]:
    """Up to three events within one day, each known to some hours of it (or the whole day), and links."""
    count = draw(st.integers(2, 3))
    events = []
    fields = ("after", "before", "reports")
    links = [
        (a, b, draw(st.sampled_from(fields)))
        for a, b in draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=3))
        if a != b
    ]
    for i in range(count):
        if draw(st.booleans()):
            when = parse("2024-10-01")
        else:
            lo, hi = sorted(draw(st.tuples(st.integers(0, HOURS - 1), st.integers(0, HOURS - 1))))
            when = parse(f"[2024-10-01T{lo:02d}..2024-10-01T{hi:02d}]") if lo != hi else parse(f"2024-10-01T{lo:02d}")
        mine: dict[str, Any] = {
            field: tuple(dict.fromkeys(f"e{b}" for a, b, f in links if a == i and f == field)) for field in fields
        }
        events.append(Event(id=f"e{i}", title=f"E{i}", when=when, **mine))
    return events


def hours_of(value: UncertainDate) -> range:
    start = value.lo - DAY * 86_400
    return range(start // 3600, (value.hi - DAY * 86_400) // 3600 + 1)


@settings(max_examples=60, deadline=None)
@given(hour_networks())
def test_narrowed_hours_are_exactly_those_some_solution_takes(events: list[Event]) -> None:
    assume(not any("cycle" in p.message for p in check(events).problems))  # a cycle is an error of its own
    number = {event.id: i for i, event in enumerate(events)}
    solutions = []
    for hours in itertools.product(*(hours_of(e.when) for e in events)):  # type: ignore[arg-type]
        ok = all(
            all(hours[i] >= hours[number[t]] for t in event.after)
            and all(hours[i] <= hours[number[t]] for t in event.before)
            and all(hours[number[t]] <= hours[i] for t in event.reports)
            for i, event in enumerate(events)
        )
        if ok:
            solutions.append(hours)
    if not solutions:  # sound: nothing satisfies the links, so they contradict the dates
        with pytest.raises(chronology.ValidationError):
            Timeline(events)
        return
    tl = Timeline(events)  # complete: no contradiction where something satisfies them
    for i, event in enumerate(events):
        narrowed = tl.narrowed(event.id)
        assert isinstance(narrowed, UncertainDate)
        got = hours_of(narrowed)
        # tight: every narrowed bound is taken by some solution; sound: no solution lies outside
        assert (got.start, got.stop - 1) == (min(s[i] for s in solutions), max(s[i] for s in solutions))


# -- undated sources, dated by what they tell -------------------------------------------------------

SOURCES = """\
[[sources]]
id = "leaflet"
outlet = "A union leaflet"

[[sources]]
id = "memo"
published_after = ["strike"]

[[sources]]
id = "rumour"

[[events]]
id = "strike"
title = "The strike"
when = "2024-10-17"
citations = [{source = "leaflet"}]

[[events]]
id = "march"
title = "The march"
when = "2024-10-27"
tense = "future"
citations = [{source = "leaflet"}]
"""


def test_an_undated_source_is_dated_by_what_it_tells(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(SOURCES, encoding="utf-8")
    tl = chronology.load(path)
    leaflet = tl.publication("leaflet")
    assert leaflet.inferred
    assert leaflet.value == parse(
        "[2024-10-17..2024-10-27]"
    )  # after the strike it tells, before the march it announces
    assert [link.reason for link in (*leaflet.after, *leaflet.before)] == [
        "'leaflet' tells 'strike' in the past tense",
        "'leaflet' tells 'march' as to come",
    ]
    memo = tl.publication("memo")
    assert memo.value is not None
    assert memo.value.open_after
    assert memo.value.earliest_day == UncertainDate.parse("2024-10-17").earliest_day
    assert tl.publication("rumour").value is None  # nothing tells when
    code, out, _ = run("show", str(path), "strike")
    assert code == 0
    assert "undated, published between 17 and 27 Oct 2024 (inferred: 'leaflet' tells 'strike'" in out


def test_events_that_disagree_leave_a_source_undated_and_say_why() -> None:
    tl = Timeline(
        [
            Event(id="late", title="Late", when=parse("2024-10-20"), citations=[chronology.Citation(source="paper")]),
            Event(
                id="early",
                title="Early",
                when=parse("2024-10-10"),
                tense=chronology.Tense.FUTURE,
                citations=[chronology.Citation(source="paper")],
            ),
        ],
        [chronology.Source(id="paper")],
    )
    known = tl.publication("paper")
    assert known.value is None
    assert known.inferred
    assert [link.event for link in (*known.after, *known.before)] == ["late", "early"]


def test_published_after_names_a_known_event(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(SOURCES.replace('published_after = ["strike"]', 'published_after = ["strik"]'), encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 1
    assert f"{path}:7:19: source 'memo', field 'published_after': unknown event 'strik'; did you mean 'strike'?" in err


def test_the_showcase_links_are_honoured_and_narrow_nothing_they_should_not() -> None:
    tl = chronology.load(Path(__file__).parent.parent / "events.toml")
    for event in tl:
        assert tl.narrowed(event.id) is event.when  # its dates already agree with its links: held answers unchanged
        for target in event.after:
            assert tl.relate(target, event.id).before is Certainty.CERTAIN
        for target in event.before:
            assert tl.relate(event.id, target).before is Certainty.CERTAIN
    known = tl.relate("drone-statement", "roads-blown-up")
    assert known.before is Certainty.CERTAIN
    assert known.because == ()  # the dates decide it: no chain of links is named


# -- found by a new user's review ------------------------------------------------------------------


def test_query_before_and_after_together_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        FILE
        + '\n[[events]]\nid = "between"\ntitle = "Between"\nwhen = "1455"\nafter = ["b42-printing"]\n'
        + 'before = ["ship-leaves"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("query", str(path), "--after", "b42-printing", "--before", "ship-leaves", "--certain", "--json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)["events"]] == ["rubrication", "between"]


ZONED = """\
[reading]
zone = "Asia/Seoul"

[[events]]
id = "strike"
title = "Strike"
when = "2024-10-18T03:00+09:00"

[[events]]
id = "statement"
title = "Statement"
when = "2024-10-17"
after = ["strike"]
"""


def test_links_compare_on_the_days_of_the_timelines_zone(tmp_path: Path) -> None:
    """03:00 in Seoul on the 18th is the 17th in UTC: a statement of the 17th may follow it there, not in Seoul."""
    path = tmp_path / "events.toml"
    path.write_text(ZONED, encoding="utf-8")
    with pytest.raises(chronology.EventFileError, match="'statement' is after 'strike'"):
        chronology.load(path)
    utc = tmp_path / "utc.toml"
    utc.write_text(ZONED.replace('[reading]\nzone = "Asia/Seoul"\n', ""), encoding="utf-8")
    tl = chronology.load(utc)
    assert tl.narrowed("statement").to_edtf() == "[2024-10-17T18..2024-10-17T23]"  # from the strike, UTC
    assert ids(tl.after("strike")) == ["statement"]
    with pytest.raises(chronology.ValidationError, match="'statement' is after 'strike'"):
        tl.in_zone("Asia/Seoul")


def test_a_time_narrows_a_day_to_a_well_formed_range() -> None:
    tl = timeline(
        Event(id="c", title="C", when=parse("2024-10-18")),
        Event(id="d", title="D", when=parse("2024-10-18T09:30+09:00"), reports=["c"]),  # 00:30 UTC
    )
    narrowed = tl.narrowed("c")
    assert narrowed.to_edtf() == "[2024-10-18T00:00..2024-10-18T00:30]"
    assert parse(narrowed.label) == narrowed  # its label reads back


def test_an_event_related_to_itself_is_equal() -> None:
    known = ISSUE.relate("x", "x")
    assert known.relations == {chronology.Relation.EQUALS}
    assert (known.before, known.after) == (Certainty.IMPOSSIBLE, Certainty.IMPOSSIBLE)
    assert known.probabilities is not None
    assert known.probabilities.neither == 1


def test_show_names_the_links_that_narrow_and_takes_at_ids(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(FILE, encoding="utf-8")
    code, out, _ = run("show", str(path), "@rubrication")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("  narrowed   between 1 Jan 1454 and 24 Aug 1456  (1454-01-01 .. 1456-08-24), by its links:")
    assert lines[at + 1] == "               'rubrication' is after 'b42-printing'"


def test_precedence_of_a_long_chain_of_links_is_linear() -> None:
    """20,000 events of one undated century, each after the one before: 19,999 edges, one event a layer."""
    count = 20_000
    events = [Event(id=f"e{i}", title="E", when=parse("15XX"), after=[f"e{i - 1}"] if i else []) for i in range(count)]
    tl = Timeline(events)
    order = tl.precedence()
    assert len(order.edges) == count - 1
    assert len(order.layers) == count
    known = tl.relate("e0", f"e{count - 1}")
    assert known.before is Certainty.CERTAIN
    assert len(known.because) == count - 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--before", "1455"], "--before: no event '1455' in {path}; for what happened before a date, give it as --to"),
        (["--after", "1455"], "--after: no event '1455' in {path}; for what happened after a date, give it as --from"),
        (["--from", ""], "--from: empty; give a date ('2024-10') or an event id, or leave --from out"),
        (["--before", "@ship-leavs"], "--before: no event 'ship-leavs' in {path}; did you mean 'ship-leaves'?"),
    ],
)
def test_query_by_event_says_what_went_wrong(tmp_path: Path, arguments: list[str], message: str) -> None:
    path = tmp_path / "events.toml"
    path.write_text(FILE, encoding="utf-8")
    code, out, err = run("query", str(path), *arguments)
    assert (code, out, err) == (
        2,
        "",
        f"chronology query: error: {message.format(path=path)}\n",
    )  # a wrong command line


def test_published_after_and_before_that_cannot_hold_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[sources]]\nid = "memo"\npublished_after = ["late"]\npublished_before = ["early"]\n\n'
        '[[sources]]\nid = "paper"\npublished = "2024-10-01"\npublished_after = ["late"]\n\n'
        '[[events]]\nid = "early"\ntitle = "Early"\nwhen = "2024-10-10"\n\n'
        '[[events]]\nid = "late"\ntitle = "Late"\nwhen = "2024-10-20"\n',
        encoding="utf-8",
    )
    code, _, err = run("validate", str(path))
    assert code == 1
    assert err.splitlines() == [
        f"{path}:4:20: source 'memo', field 'published_before': published after 'late' (20 October 2024) "
        "and before 'early' (10 October 2024): both cannot hold",
        f"{path}:9:19: source 'paper', field 'published_after': published after 'late' (20 October 2024), "
        "but dated 1 October 2024",
        "2 problems found",
    ]


def test_relate_names_the_report_that_rules_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(
        '[[events]]\nid = "event"\ntitle = "Event"\nwhen = "[2024-10-01..2024-10-02]"\n\n'
        '[[events]]\nid = "report"\ntitle = "Report"\nwhen = "[2024-10-01..2024-10-02]"\nreports = ["event"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("relate", str(path), "report", "event")
    assert code == 0
    assert f"A before B: impossible ('event' is reported by 'report' ({path}:10))" in out.splitlines()
    assert "odds, each day equally likely: before 0%, after 33.3%, neither (same day or overlapping) 66.7%" in out


def test_json_carries_an_undated_sources_inferred_date_and_reads_it_back(tmp_path: Path) -> None:
    import jsonschema  # type: ignore[import-untyped]  # the stubs are a separate package

    from chronology.exchange import json_schema

    path = tmp_path / "events.toml"
    path.write_text(SOURCES, encoding="utf-8")
    tl = chronology.load(path)
    text = to_json(tl)
    jsonschema.validate(json.loads(text), json_schema())
    leaflet = next(s for s in json.loads(text)["sources"] if s["id"] == "leaflet")
    assert leaflet["inferred_published"] == {
        "edtf": "[2024-10-17..2024-10-27]",
        "because": ["'leaflet' tells 'strike' in the past tense", "'leaflet' tells 'march' as to come"],
    }
    back = from_json(text)
    assert back.sources["leaflet"].published is None  # still undated: worked out again, not read
    assert back.publication("leaflet").value == tl.publication("leaflet").value


@pytest.mark.parametrize("key", ["earliest", "latest", "midpoint"])
def test_a_sorted_list_keeps_every_order_link_even_where_an_open_side_sorts_later(key: str) -> None:
    # "by 1455" sorts at the end of 1455, "before 23 August 1456" (narrowed from 1453) earlier: the link wins
    events = [
        Event(id="fall", title="Fall of Constantinople", when=chronology.parse("1453-05-29")),
        Event(id="exile", title="Vlad in Transylvania", when=chronology.parse("by 1455")),
        Event(id="accession", title="Vlad's accession", when=chronology.parse("before 23 August 1456"),
              after=("exile", "fall")),
        Event(id="unlinked", title="A council", when=chronology.parse("1454")),
    ]  # fmt: skip
    tl = Timeline(events)
    order = [e.id for e in tl.sorted(key)]  # type: ignore[arg-type]
    assert order.index("exile") < order.index("accession")
    assert order.index("fall") < order.index("accession")
    assert sorted(order) == sorted(e.id for e in events)
    if key == "earliest":  # "by 1455" at its known bound; the accession moves down to just after it
        assert order == ["fall", "unlinked", "exile", "accession"]
