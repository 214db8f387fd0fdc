"""Markdown export: a chronology table with labels as the library gives them, sources as footnotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import chronology as c
from chronology import Citation, Claim, Event, Quantity, Source, Timeline
from chronology.exchange import to_markdown
from chronology.exchange._describe import quoted

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


def small() -> Timeline:
    bbc = Source(
        id="bbc-1",
        outlet="BBC",
        title="A | B *story*",
        authors=("Ann", "Bo"),
        published=c.UncertainDate.parse("2024-11-17"),
        url="https://example.org/x?a=1",
    )
    undated = Source(id="undated", title="Undated report", published=c.UncertainDate.parse("[2024-10-29..2024-11-30]"))
    events = [
        Event(
            id="a",
            title="Troops <arrive> | go",
            when=c.parse("2024-W41"),
            citations=[Citation(source="bbc-1")],
        ),
        Event(
            id="b",
            title="War",
            when=c.parse("2022-02/.."),
            citations=[Citation(source="undated"), Citation(source="bbc-1")],
        ),
        Event(
            id="c",
            title="Call_me",
            when=c.parse("2024-11-15"),
            claims=[Claim(subject="x", value=Quantity.parse("10"), source="undated")],
        ),
        Event(id="d", title="Unsourced", when=c.parse("2024-06")),
    ]
    return Timeline(events, [bbc, undated], title="My *chronology*")


def test_a_small_timeline_renders_exactly() -> None:
    assert to_markdown(small()) == (
        "# My \\*chronology\\*\n"
        "\n"
        "| When | Event | Sources |\n"
        "| --- | --- | --- |\n"
        "| from February 2022 (ongoing) | War | [^undated] [^bbc-1] |\n"
        "| June 2024 | Unsourced |  |\n"
        "| between 7 and 13 Oct 2024 | Troops \\<arrive\\> \\| go | [^bbc-1] |\n"
        "| 15 November 2024 | Call\\_me | [^undated] |\n"
        "\n"
        "## Figures claimed\n"
        "\n"
        "### x\n"
        "\n"
        "| Figure | Claimed by | Said | Event | Source |\n"
        "| --- | --- | --- | --- | --- |\n"
        # no "said": its source's date (a range the file gives it), not its event's 15 November
        "| 10 |  | between 29 Oct and 30 Nov 2024 (the source’s date: no ‘said’ given) | Call\\_me | [^undated] |\n"
        "\n"
        "[^undated]: “Undated report”, published between 29 Oct and 30 Nov 2024\n"
        "[^bbc-1]: BBC, “A \\| B \\*story\\*”, by Ann and Bo, published 17 November 2024, <https://example.org/x?a=1>\n"
    )


def test_without_a_title_or_sources_there_is_just_the_table() -> None:
    timeline = Timeline([Event(id="e", title="E", when=c.parse("1950/1953"))])
    assert to_markdown(timeline) == "| When | Event | Sources |\n| --- | --- | --- |\n| from 1950 to 1953 | E |  |\n"


ESCAPES = [
    ("a|b", "a\\|b"),
    ("a\\b", "a\\\\b"),
    ("*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"),
    ("[link](x) <b> &amp;", "\\[link\\](x) \\<b\\> \\&amp;"),
    ("  padded  ", "padded"),
]


@pytest.mark.parametrize(("title", "cell"), ESCAPES, ids=[row[0].replace("\n", "\\n") for row in ESCAPES])
def test_cells_escape_markdown_and_keep_line_breaks(title: str, cell: str) -> None:
    text = to_markdown(Timeline([Event(id="e", title=title, when=c.parse("2024-10-18"))]))
    assert text.splitlines()[2] == f"| 18 October 2024 | {cell} |  |"


def test_a_cell_of_several_lines_keeps_them_as_line_breaks() -> None:
    # (an event's title is one line; a cell is also written from other text, which may not be)
    from chronology.exchange.markdown import _cell

    assert _cell("one\ntwo\r\nthree |") == "one<br>two<br>three \\|"


def test_an_address_that_is_not_a_web_link_is_text() -> None:
    source = Source(id="s", title="T", url="javascript:alert(1)")
    text = to_markdown(
        Timeline([Event(id="e", title="E", when=c.parse("2024"), citations=[Citation(source="s")])], [source])
    )
    assert text.endswith(
        "[^s]: “T”, undated (by what it reports, published no earlier than 1 January 2024), javascript:alert(1)\n"
    )


def cells(row: str) -> list[str]:
    """The cells of a table row, split on unescaped pipes."""
    assert row.startswith("| ")
    assert row.endswith(" |")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row[1:-1])]


def test_the_showcase_renders_one_row_per_event_in_order(showcase: Timeline) -> None:
    lines = to_markdown(showcase).splitlines()
    assert lines[:4] == [
        "# North Korean troops sent to Russia, 2023-2024",
        "",
        "| When | Event | Sources |",
        "| --- | --- | --- |",
    ]
    rows = lines[4 : 4 + len(showcase)]
    assert lines[4 + len(showcase)] == ""
    events = showcase.sorted()
    for row, event in zip(rows, events, strict=True):
        when, what, notes = cells(row)
        assert when == event.when.label
        title, *quotes = what.split("<br>")
        assert re.sub(r"\\(.)", r"\1", title) == event.title
        claimed = [claim.source for claim in event.claims if claim.source is not None]
        sources = [f"[^{source_id}]" for source_id in dict.fromkeys([*event.sources, *claimed])]
        assert notes.split() == sources
        # each quote, then the footnote of its source where the row has several
        shown = [re.sub(r"\\(.)", r"\1", quote) for quote in quotes]
        mark = len(sources) > 1
        assert shown == [quoted(q.quote) + (f" [^{q.source}]" if mark else "") for q in event.citations if q.quote]
    transfers = rows[[e.id for e in events].index("transfers")]
    assert (
        transfers == "| between 7 and 13 Oct 2024 | Russian ships transfer 1,500 North Korean soldiers to Russia<br>"
        "“On October 18, South Korea’s National Intelligence Service said Russian ships had transferred 1,500 "
        "North Korean soldiers to Russia during the second week of October.” | [^aljazeera-2024-10] |"
    )


def test_every_footnote_is_defined_once_and_used(showcase: Timeline) -> None:
    text = to_markdown(showcase)
    *tables, footnotes = text.split("\n\n")[1:]
    table = "\n\n".join(tables)
    used = list(dict.fromkeys(re.findall(r"\[\^([^\]]+)\]", table)))
    defined = re.findall(r"^\[\^([^\]]+)\]: ", footnotes, re.MULTILINE)
    assert defined == used
    assert sorted(defined) == sorted(showcase.sources)
    assert (
        "[^bloomberg-2024-11-17]: Bloomberg, “North Korea may deploy as many as 100,000 troops to aid Russia’s war "
        "on Ukraine, G20 assessments say”, by Alberto Nardelli and Michael Nienaber, published 17 November 2024"
    ) in footnotes.splitlines()
    assert (
        "[^pledge-until-victory]: “North Korea’s pledge to support Russia in Ukraine until victory raises alarm "
        "bells”, published between 29 Oct and 30 Nov 2024"
    ) in footnotes.splitlines()


# -- claims, quotes and zones --------------------------------------------------------------------------------

LAUNCHED = "drones launched at Ukraine, night of 10-11 March"


def night(*, zone: str | None = "Europe/Kyiv") -> Timeline:
    """A night's attack in Kyiv time, two figures claimed for it (one said the next morning), one quote."""
    sources = [
        Source(id="airforce", outlet="Air Force", title="Overnight summary"),
        Source(id="daily", outlet="Kyiv daily", title="Missiles | drones"),
    ]
    events = [
        Event(
            id="night-strike",
            title="Attack on Kyiv region",
            when=c.parse("[2025-03-10T18+02:00..2025-03-11T05+02:00]"),
            citations=[Citation(source="daily", quote="Russian forces attacked | the region\nat night.")],
            claims=[
                Claim(
                    subject=LAUNCHED,
                    value=Quantity.parse("126"),
                    unit="drones",
                    claimant="Air Force",
                    source="airforce",
                    said=c.parse("2025-03-11T09:00+02:00"),
                ),
                Claim(
                    subject=LAUNCHED,
                    value=Quantity.parse("more than 150"),
                    unit="drones",
                    claimant="regional administration",
                    source="daily",
                ),
            ],
        ),
        Event(id="elsewhere", title="Statement in Delhi", when=c.parse("2025-03-11T10:00+05:30")),
    ]
    return Timeline(events, sources, zone=zone)


def test_the_figures_claimed_follow_the_table_one_table_a_subject() -> None:
    text = to_markdown(night())
    claims = text.split("## Figures claimed\n\n", 1)[1].split("\n\n")
    assert claims[0] == f"### {LAUNCHED}"
    header, rule, *rows = claims[1].splitlines()
    assert cells(header) == ["Figure", "Claimed by", "Said (Europe/Kyiv time)", "Event", "Source"]
    assert cells(rule) == ["---"] * 5
    assert [cells(row) for row in rows] == [
        ["126 drones", "Air Force", "11 March 2025, 09:00", "Attack on Kyiv region", "[^airforce]"],
        [
            "more than 150 drones",
            "regional administration",
            "between 10 March 2025, 6 p.m. and 11 March 2025, 5 a.m. (the event’s date: no ‘said’ given)",
            "Attack on Kyiv region",
            "[^daily]",
        ],
    ]
    footnotes = claims[-1].splitlines()
    assert footnotes == [
        "[^daily]: Kyiv daily, “Missiles \\| drones”, undated (by what it reports, published no earlier than 10 March 2025)",
        "[^airforce]: Air Force, “Overnight summary”, undated",
    ]


def test_a_quote_is_shown_under_its_events_title_with_its_source() -> None:
    row = to_markdown(night()).splitlines()[2]
    what = cells(row)[1]
    assert what == "Attack on Kyiv region<br>“Russian forces attacked \\| the region<br>at night.” [^daily]"


def test_times_at_the_zones_own_offset_are_bare_under_a_header_naming_it() -> None:
    lines = to_markdown(night()).splitlines()
    assert cells(lines[0])[0] == "When (Europe/Kyiv time)"
    whens = [cells(line)[0] for line in lines[2:4]]
    assert whens == [
        "between 10 March 2025, 6 p.m. and 11 March 2025, 5 a.m.",
        "11 March 2025, 10:00 UTC+05:30",  # another offset: kept
    ]
    plain = to_markdown(night(zone=None))
    assert plain.splitlines()[0] == "| When | Event | Sources |"
    assert "between 10 March 2025, 6 p.m. UTC+02:00 and 11 March 2025, 5 a.m. UTC+02:00" in plain
    assert "| Figure | Claimed by | Said | Event | Source |" in plain


def test_a_timeline_without_claims_has_no_claims_section() -> None:
    assert "Figures claimed" not in to_markdown(Timeline([Event(id="e", title="E", when=c.parse("2024"))]))
