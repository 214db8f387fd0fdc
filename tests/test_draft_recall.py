"""Recall of `chronology draft` against the showcase: what it drafts from the five seed articles, matched to events.toml.

A showcase event is found when an event drafted from the same article quotes
(part of) a sentence the showcase quotes from it, and its bounds agree with
the showcase's within a day at either end. The events counted are the 24
whose ``when`` is an article's words (not EDTF, not a judgment range), not
anchored to another event. Each article is given its publication date as the
showcase knows it (its source's ``published``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rtoml

import chronology
from chronology import Event, Timeline
from chronology.cli import main
from chronology.dates import DateValue
from chronology.notation.edtf import looks_like_edtf

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SHOWCASE = ROOT / "events.toml"
DAY = 86_400
#: The issue's threshold, and the events it names that must be found.
THRESHOLD = 0.70
NAMED = [
    "kim-far-east-visit",
    "defence-pact",
    "transfers",
    "nis-statement",
    "scholz-putin-call",
    "bloomberg-report",
    "scholz-putin-call-2022",  # "the first direct conversation ... since December 2022": the earlier call
]

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed articles live in ../shared/seeds, beside the checkout"
)


def raw_showcase() -> dict[str, Any]:
    return rtoml.loads(SHOWCASE.read_text(encoding="utf-8"))


def articles() -> dict[str, Path]:
    """Each showcase source's article, from its note ("Article 003" is 003_....txt)."""
    found = {}
    for source in raw_showcase()["sources"]:
        number = re.search(r"Article (\d{3})", source["note"])
        assert number is not None, f"source {source['id']!r} does not say which article it is"
        (path,) = SEEDS.glob(f"{number[1]}_*.txt")
        found[source["id"]] = path
    return found


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return chronology.load(SHOWCASE)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    out = tmp_path_factory.mktemp("recall") / "draft.toml"
    dates = {source["id"]: source["published"] for source in raw_showcase()["sources"]}
    published = [f"--published={path.name}={dates[sid]}" for sid, path in articles().items()]
    printed = io.StringIO()
    code = main(["draft", *(str(p) for p in articles().values()), "-o", str(out), *published], out=printed, err=printed)
    assert code == 0, printed.getvalue()
    assert chronology.validate(out) == ()
    return chronology.load(out)


def counted(timeline: Timeline) -> list[Event]:
    """The showcase events whose `when` is an article's words, not anchored to another event."""
    written = {table["id"]: table["when"] for table in raw_showcase()["events"]}
    return [
        event
        for event in timeline
        if isinstance(written[event.id], str)
        and not looks_like_edtf(written[event.id])
        and (event.anchor is None or event.anchor in timeline.sources)
    ]


def agree(a: DateValue, b: DateValue) -> bool:
    return abs(a.lo - b.lo) <= DAY and abs(a.hi - b.hi) <= DAY


def matches(event: Event, drafted: Timeline) -> Iterator[Event]:
    """The drafted events that find a showcase event: same article, (part of) the same sentence, the same bounds."""
    sources = {sid: path.stem for sid, path in articles().items()}
    for citation in event.citations:
        article = sources[citation.source]
        for candidate in drafted:
            for quoted in candidate.citations:
                same_sentence = quoted.quote in citation.quote or citation.quote in quoted.quote
                if quoted.source == article and same_sentence and agree(candidate.when, event.when):
                    yield candidate


def test_the_showcase_counts_24_events_told_in_an_articles_words(showcase: Timeline) -> None:
    assert len(counted(showcase)) == 24


def test_recall_against_the_showcase_meets_the_issue_threshold(showcase: Timeline, drafted: Timeline) -> None:
    events = counted(showcase)
    found = [event.id for event in events if any(matches(event, drafted))]
    missed = [event.id for event in events if event.id not in found]
    matched = {candidate.id for event in showcase for candidate in matches(event, drafted)}
    unmatched = [event.id for event in drafted if event.id not in matched]
    recall = len(found) / len(events)
    print(f"\nrecall {len(found)}/{len(events)} = {recall:.0%}; missed: {', '.join(missed) or 'none'}")
    print(f"{len(unmatched)} of {len(drafted)} drafted events match no showcase event")
    assert recall >= THRESHOLD


@pytest.mark.parametrize("event_id", NAMED)
def test_each_event_the_issue_names_is_found(showcase: Timeline, drafted: Timeline, event_id: str) -> None:
    assert any(matches(showcase[event_id], drafted)), f"{event_id} is not found"


def test_the_transfers_are_reported_by_the_nis_statement_and_read_from_its_date(
    showcase: Timeline, drafted: Timeline
) -> None:
    (statement,) = matches(showcase["nis-statement"], drafted)
    (transfers,) = matches(showcase["transfers"], drafted)
    assert statement.kind == "statement"
    assert transfers.id in statement.reports
    assert transfers.anchor == statement.id


def named_in(claimant: str, sentence: str) -> bool:
    """Whether a sentence names a claimant: the first two capitalised words of its name are in it."""
    words = re.findall(r"[A-Z][a-z]+", claimant.split(" (")[0])[:2]
    return bool(words) and all(word in sentence for word in words)


def test_the_troop_figures_are_claims_attributed_as_the_sentences_say(showcase: Timeline, drafted: Timeline) -> None:
    sources = {sid: path.stem for sid, path in articles().items()}
    claims = [(claim, event) for event in showcase for claim in event.claims]
    drafted_claims = [claim for event in drafted for claim in event.claims]
    found = {}
    for index, (claim, event) in enumerate(claims):
        article = sources[claim.source or event.citations[0].source]
        same = [c for c in drafted_claims if c.source == article and c.value == claim.value]
        if same:
            found[index] = same
    print(f"\nclaims found {len(found)}/{len(claims)}")
    assert len(found) == len(claims)
    named = [i for i in found if named_in(claims[i][0].claimant, " ".join(c.quote for c in found[i]))]
    attributed = [
        i for i in named if any(set(c.claimant.split()) & set(claims[i][0].claimant.split()) for c in found[i])
    ]
    missed = [claims[i][0].claimant for i in named if i not in attributed]
    print(f"attributed as the showcase does {len(attributed)}/{len(named)}; not: {missed}")
    assert len(named) >= 6
    assert attributed == named


def test_one_article_at_a_time_drafts_the_same_events_as_all_at_once(drafted: Timeline, tmp_path: Path) -> None:
    dates = {source["id"]: source["published"] for source in raw_showcase()["sources"]}
    out = tmp_path / "one-by-one.toml"
    for sid, path in articles().items():
        code = main(
            ["draft", str(path), "-o", str(out), "--append", f"--published={dates[sid]}"],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        assert code == 0
    one_by_one = chronology.load(out)
    assert sorted(e.id for e in one_by_one) == sorted(e.id for e in drafted)
    for event in drafted:
        assert one_by_one[event.id] == event
