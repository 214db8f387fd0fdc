"""The showcase chronology (events.toml): sound, and true to the five seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest

import chronology
from chronology import Comparison, Interval, Timeline, UncertainDate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return chronology.load(ROOT / "events.toml")


def bounds(timeline: Timeline, event_id: str) -> tuple[object, object]:
    when = timeline[event_id].when
    return when.earliest, when.latest


def test_the_showcase_validates() -> None:
    assert chronology.validate(ROOT / "events.toml") == ()


def test_the_four_events_the_project_is_built_around(timeline: Timeline) -> None:
    assert bounds(timeline, "defence-pact") == (pendulum.Date(2024, 6, 1), pendulum.Date(2024, 6, 30))
    assert bounds(timeline, "kim-far-east-visit") == (pendulum.Date(2023, 9, 1), pendulum.Date(2023, 9, 30))
    assert bounds(timeline, "transfers") == (pendulum.Date(2024, 10, 7), pendulum.Date(2024, 10, 13))
    assert timeline["transfers"].anchor == "nis-statement"
    assert bounds(timeline, "nis-statement") == (pendulum.Date(2024, 10, 18), pendulum.Date(2024, 10, 18))
    assert "transfers" in timeline["nis-statement"].reports
    assert bounds(timeline, "bloomberg-report") == (pendulum.Date(2024, 11, 17), pendulum.Date(2024, 11, 17))
    assert timeline.sources["bloomberg-2024-11-17"].published == chronology.parse("2024-11-17")


def test_it_holds_every_dated_event_asked_for(timeline: Timeline) -> None:
    assert len(timeline) >= 30
    assert isinstance(timeline["korean-war"].when, Interval)
    assert isinstance(timeline["war-in-ukraine"].when, Interval)
    days = {
        "strike-october-3": "2024-10-03",
        "zelensky-video-address": "2024-10-13",
        "roads-blown-up": "2024-10-15",
        "uk-tweet": "2024-10-21",
        "putin-brics-remarks": "2024-10-24",
        "pentagon-statement": "2024-10-28",
        "choe-arrival": "2024-10-29",
        "scholz-putin-call": "2024-11-15",
        "xi-biden-talks": "2024-11-16",
        "scholz-xi-meeting": "2024-11-19",
    }
    for event_id, day in days.items():
        assert timeline[event_id].when == chronology.parse(day), event_id
    assert bounds(timeline, "voa-interview") == (pendulum.Date(2024, 11, 1), pendulum.Date(2024, 11, 16))
    assert bounds(timeline, "kursk-incursion") == (pendulum.Date(2024, 8, 1), pendulum.Date(2024, 8, 31))


def test_relative_wording_is_kept_with_its_anchor(timeline: Timeline) -> None:
    kept = {
        "scholz-putin-call": "Friday",
        "voa-interview": "earlier this month",
        "kim-yong-hyun-statement": "Three weeks ago",
        "transfers": "the second week of October",
    }
    for event_id, wording in kept.items():
        event = timeline[event_id]
        assert event.anchor is not None, event_id
        assert wording.casefold() in event.when.text.casefold(), event_id
    anchored = [e for e in timeline if e.anchor is not None]
    assert len(anchored) >= 20


def test_undated_articles_have_uncertain_dates_with_their_reasoning(timeline: Timeline) -> None:
    for source in timeline.sources.values():
        assert isinstance(source.published, UncertainDate)
        if source.id != "bloomberg-2024-11-17":
            assert source.published.earliest != source.published.latest, source.id
            assert "inferred" in source.note, source.id
    al_jazeera = timeline.sources["aljazeera-2024-10"].published
    assert al_jazeera is not None
    assert (al_jazeera.earliest, al_jazeera.latest) == (pendulum.Date(2024, 10, 29), pendulum.Date(2024, 10, 30))


def test_conflicting_troop_figures_stand_side_by_side_each_attributed(timeline: Timeline) -> None:
    claims = timeline.claims()
    figures = sorted({claim.value.label for _, claim in claims})
    for figure in ("1,500", "about 10,000", "more than 10,000", "up to 10,000", "up to 15,000", "up to 100,000"):
        assert figure in figures
    hundred_thousand = [c for _, c in claims if c.value.high == 100_000 and c.value.comparison is Comparison.UP_TO]
    assert sorted(c.source or "" for c in hundred_thousand) == [
        "bloomberg-2024-11-17",
        "may-deploy-100000",
        "prepared-to-dispatch-100000",
    ]
    assert all(claim.claimant and claim.source for _, claim in claims)
    assert any(c.value.high == 654_430 for _, c in claims)
    assert any(c.value.currency == "$" and c.value.low == 2_000 for _, c in claims)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles live in ../shared/seeds, beside the checkout")
def test_every_quote_is_one_sentence_copied_exactly_from_its_article(timeline: Timeline) -> None:
    articles = {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    article_of = {
        source_id: re.search(r"Article (\d{3})", source.note)[1]  # type: ignore[index]
        for source_id, source in timeline.sources.items()
    }
    quotes: list[tuple[str | None, str]] = [(c.source, c.quote) for event in timeline for c in event.citations]
    quotes += [(c.source, c.quote) for _, c in timeline.claims() if c.quote]
    assert len(quotes) >= 33
    for source_id, quote in quotes:
        assert source_id is not None
        assert quote in articles[article_of[source_id]], (source_id, quote)
