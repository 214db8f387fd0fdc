"""When a claim with no ``said`` of its own was said: its source's date where known, else its event's.

A historian's 1996 estimate of the deaths of 1665 was said in 1996, not in 1665. The rule, in
``Timeline.said``: the claim's own ``said``; else, for a saying (a statement, an interview), its event's date;
else its source's publication (``published``, or the days an
undated source's links bound it to on both sides); else the date of the event holding it. The Markdown
export, the claims table and the claims chart say which date stands in. Every date here is on a different
day from every other, so a claim dated by the wrong rule shows a wrong day.
"""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import attrs
import pytest
from matplotlib.lines import Line2D

import chronology
from chronology import Citation, Claim, Event, Quantity, Source, Timeline, UncertainDate, parse
from chronology.cli import main
from chronology.exchange.markdown import to_markdown
from chronology.plot import claims_table, plot_claims
from chronology.plot.claims import DATED_BY_EVENT, DATED_BY_SOURCE

SUBJECT = "deaths in London"
EPOCH = 719163  # the day number of 31 December 1969: the chart's x is days since 1970

PLAGUE = """\
title = "The Great Plague"

[[sources]]
id = "historian"
title = "A history of the plague"
published = "1996-05-07"

[[sources]]
id = "bills"
title = "Bills of Mortality"       # undated; it tells of the plague in the past tense: after it, no end

[[sources]]
id = "pamphlet"
title = "A pamphlet on the plague"  # undated, but after the fire and before the charter
published_after = ["fire"]
published_before = ["charter"]

[[sources]]
id = "silent"
title = "A letter"                 # undated, and nothing bounds it

[[events]]
id = "plague"
title = "The Great Plague of London"
when = "1665-09-19"

[[events.citations]]
source = "bills"

[[events.claims]]
subject = "deaths in London"
value = "about 100,000"
claimant = "a historian"
source = "historian"

[[events.claims]]
subject = "deaths in London"
value = "75,000"
claimant = "a historian, earlier"
source = "historian"
said = "1996-03-02"

[[events.claims]]
subject = "deaths in London"
value = "68,596"
claimant = "the parish clerks"
source = "bills"

[[events.claims]]
subject = "deaths in London"
value = "70,000"
claimant = "a pamphleteer"
source = "pamphlet"

[[events.claims]]
subject = "deaths in London"
value = "60,000"
claimant = "a letter writer"
source = "silent"

[[events.claims]]
subject = "deaths in London"
value = "50,000"
claimant = "hearsay"

[[events]]
id = "fire"
title = "The Great Fire of London"
when = "1666-09-12"

[[events]]
id = "charter"
title = "A charter granted"
when = "1667-02-08"
"""

#: Each claim (by its figure): the date it is said on, as the library labels it, and the note after it.
EXPECTED = {
    "about 100,000": ("7 May 1996", "the source’s date: no ‘said’ given"),
    "75,000": ("2 March 1996", ""),  # its own said, not its source's 7 May
    "68,596": ("19 September 1665", "the event’s date: no ‘said’ given"),  # bounded on one side only
    "70,000": ("between 12 Sep 1666 and 8 Feb 1667", "the source’s date: no ‘said’ given"),
    "60,000": ("19 September 1665", "the event’s date: no ‘said’ given"),  # nothing dates the letter
    "50,000": ("19 September 1665", "the event’s date: no ‘said’ given"),  # no source at all
}
RULES = {"about 100,000": "source", "75,000": "claim", "68,596": "event", "70,000": "source", "60,000": "event"}


@pytest.fixture(scope="module")
def plague(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    path = tmp_path_factory.mktemp("said") / "plague.toml"
    path.write_text(PLAGUE, encoding="utf-8")
    return chronology.load(path)


def by_figure(timeline: Timeline) -> dict[str, tuple[Event, Claim]]:
    return {claim.value.text: (event, claim) for event, claim in timeline.claims()}


def test_a_claim_is_said_on_its_own_date_else_its_sources_else_its_events(plague: Timeline) -> None:
    claims = by_figure(plague)
    assert set(claims) == set(EXPECTED)
    for figure, (label, _) in EXPECTED.items():
        event, claim = claims[figure]
        assert plague.said(event, claim).label == label, figure
        assert plague.said_from(event, claim) == RULES.get(figure, "event"), figure


def test_a_dated_sources_claim_is_said_on_the_day_it_was_published_not_the_events() -> None:
    estimate = Claim(subject=SUBJECT, value=Quantity.parse("about 100,000"), source="historian")
    plague = Event(id="plague", title="The Great Plague", when=parse("1665-09-19"), claims=(estimate,))
    historian = Source(id="historian", title="A history", published=UncertainDate.parse("1996-05-07"))
    timeline = Timeline([plague], [historian])
    assert timeline.said(plague, estimate) == historian.published
    assert timeline.said_from(plague, estimate) == "source"
    undated = Timeline([plague], [Source(id="historian", title="A history")])
    assert undated.said(plague, estimate) is plague.when  # nothing dates the source: the event's date
    assert undated.said_from(plague, estimate) == "event"


@pytest.mark.parametrize(
    ("kind", "rule"),
    [
        ("statement", "event"),
        ("Interview", "event"),
        ("press conference", "event"),
        ("deployment", "source"),
        ("", "source"),
    ],
)
def test_a_claim_held_by_a_saying_is_said_on_the_sayings_date_not_its_reports(kind: str, rule: str) -> None:
    figure = Claim(subject="troops", value=Quantity.parse("1,500"), source="article")
    event = Event(id="nis", title="The NIS reports troops", when=parse("2024-10-18"), kind=kind, claims=(figure,))
    article = Source(id="article", title="A later article", published=UncertainDate.parse("2024-10-30"))
    timeline = Timeline([event], [article])
    assert timeline.said_from(event, figure) == rule
    assert timeline.said(event, figure) == (event.when if rule == "event" else article.published)
    given = attrs.evolve(figure, said=parse("2024-10-20"))
    assert timeline.said(event, given) == parse("2024-10-20")  # a said given is always the claim's own


def test_an_undated_sources_links_date_its_claims_where_they_bound_it_on_both_sides() -> None:
    figure = Claim(subject=SUBJECT, value=Quantity.parse("70,000"), source="pamphlet")
    plague = Event(id="plague", title="The Great Plague", when=parse("1665-09-19"), claims=(figure,))
    fire = Event(id="fire", title="The Great Fire", when=parse("1666-09-12"))
    charter = Event(id="charter", title="A charter", when=parse("1667-02-08"))
    both = Source(id="pamphlet", title="A pamphlet", published_after=("fire",), published_before=("charter",))
    timeline = Timeline([plague, fire, charter], [both])
    said = timeline.said(plague, figure)
    assert said == timeline.publication("pamphlet").value
    assert isinstance(said, UncertainDate)
    assert said.to_edtf() == "[1666-09-12..1667-02-08]"  # after the fire ended, before the charter began
    # one side only ("after the fire"): no end to say it by, so the event's date stands
    after = Source(id="pamphlet", title="A pamphlet", published_after=("fire",))
    assert Timeline([plague, fire, charter], [after]).said(plague, figure) is plague.when
    told = Source(id="pamphlet", title="A pamphlet")  # told by the event, in the past tense: after it began
    cited = Event(
        id="plague",
        title="The Great Plague",
        when=parse("1665-09-19"),
        citations=(Citation(source="pamphlet"),),
        claims=(figure,),
    )
    timeline = Timeline([cited, fire, charter], [told])
    assert timeline.publication("pamphlet").value is not None  # bounded below...
    assert timeline.said(cited, figure) is cited.when  # ...but not above: the event's date
    assert timeline.said_from(cited, figure) == "event"


def test_the_markdown_export_says_which_date_stands_in_for_a_said(plague: Timeline) -> None:
    text = to_markdown(plague)
    rows = [line for line in text.split("## Figures claimed", 1)[1].splitlines() if line.startswith("| ")]
    said = {cells[0]: cells[2] for cells in ([cell.strip() for cell in row.strip("|").split(" | ")] for row in rows)}
    for figure, (label, note) in EXPECTED.items():
        assert said[figure] == (f"{label} ({note})" if note else label), figure


@pytest.mark.parametrize("format", ["csv", "markdown"])
def test_the_claims_table_says_which_date_stands_in_for_a_said(plague: Timeline, format: str) -> None:
    text = claims_table(plague, subject="deaths", format="csv" if format == "csv" else "markdown")
    if format == "csv":
        table = list(csv.DictReader(StringIO(text, newline="")))
        said = {row["figure"]: row["said"] for row in table}
    else:
        lines = text.splitlines()
        header = [cell.strip() for cell in lines[0].strip("|").split(" | ")]
        rows = [dict(zip(header, (c.strip() for c in line.strip("|").split(" | ")), strict=True)) for line in lines[2:]]
        said = {row["figure"]: row["said"] for row in rows}
    for figure, (label, note) in EXPECTED.items():
        assert said[figure] == (f"{label} ({note})" if note else label), figure


def test_the_chart_draws_a_sources_date_dotted_and_says_so() -> None:
    """A claim said on its undated source's bounds is drawn across them, dotted; its event's date, dashed."""
    fire = Event(id="fire", title="The Great Fire", when=parse("1666-09-12"))
    charter = Event(id="charter", title="A charter", when=parse("1667-02-08"))
    season = Event(
        id="plague",
        title="The Great Plague",
        when=parse("[1665-06-01..1665-09-30]"),  # some day of that summer: a bar across it
        claims=(
            Claim(subject=SUBJECT, value=Quantity.parse("70,000"), claimant="a pamphleteer", source="pamphlet"),
            Claim(subject=SUBJECT, value=Quantity.parse("50,000"), claimant="hearsay"),
        ),
    )
    pamphlet = Source(id="pamphlet", title="A pamphlet", published_after=("fire",), published_before=("charter",))
    drawn = plot_claims(Timeline([season, fire, charter], [pamphlet]), width=10)
    legend = drawn.ax.get_legend()
    assert legend is not None
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles, strict=True))
    dotted, dashed = entries[DATED_BY_SOURCE], entries[DATED_BY_EVENT]
    assert isinstance(dotted, Line2D)
    assert isinstance(dashed, Line2D)
    assert "-" not in (dotted.get_linestyle(), dashed.get_linestyle())  # neither solid
    assert drawn.ax.get_xlabel() == "when it was said (if not given: its source’s date, else its event’s)"
    assert drawn.spans is not None
    patterns = [style[1] for style in drawn.spans.get_linestyle()]  # type: ignore[index]
    assert len(patterns) == 2
    assert all(pattern is not None for pattern in patterns)  # neither is solid
    assert patterns[0] != patterns[1]
    # the pamphlet's claim is drawn inside its bounds, a year after the summer of the plague
    at = {c.value.text: x for (_, c), (x, _) in zip(drawn.claims, drawn.points, strict=True)}
    days = [UncertainDate.parse(day).earliest_day - EPOCH for day in ("1666-09-12", "1667-02-09")]
    assert days[0] < at["70,000"] < days[1]
    assert at["50,000"] < days[0]


def test_the_files_calendars_are_read_without_reaching_inside(tmp_path: Path) -> None:
    julian = tmp_path / "julian.toml"
    julian.write_text('[reading]\ncalendar = "julian"\n\n[[events]]\nid = "a"\ntitle = "A"\nwhen = "1666-09-02"\n')
    plain = tmp_path / "plain.toml"
    plain.write_text('[[events]]\nid = "b"\ntitle = "B"\nwhen = "1666-09-03"\n')
    timeline = chronology.load([julian, plain])
    assert timeline.file_calendars == ((str(julian), "julian"), (str(plain), "gregorian"))
    assert timeline.calendar == "gregorian"  # they differ
    assert timeline.in_calendar("julian").file_calendars == timeline.file_calendars
    assert timeline.in_zone("Europe/London").file_calendars == timeline.file_calendars
    assert chronology.load(julian).file_calendars == ((str(julian), "julian"),)
    assert Timeline([Event(id="c", title="C", when=parse("1666"))]).file_calendars == ()


def test_show_says_a_sources_date_stands_in_for_a_said(plague: Timeline, tmp_path: Path) -> None:
    path = tmp_path / "plague.toml"
    path.write_text(PLAGUE, encoding="utf-8")
    out, err = StringIO(), StringIO()
    assert main(["show", str(path), "plague"], out=out, err=err) == 0
    said = [line.strip() for line in out.getvalue().splitlines() if line.strip().startswith("said ")]
    assert "said 7 May 1996 by a historian, historian (the source’s date: no ‘said’ given)" in said
    assert "said 2 March 1996 by a historian, earlier, historian" in said  # its own: no note
