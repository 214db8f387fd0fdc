"""Drafting short articles: the events, claims and leftovers each proposes, dated and undated."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest

import chronology
from chronology import Comparison, Interval, Tense, UncertainDate
from chronology.draft import (
    DRAFT_TAG,
    ArticleDraft,
    DraftError,
    Proposal,
    article_from_text,
    draft_article,
    write_draft,
)
from chronology.draft.article import read_article, source_id_for

# 11 March 2024 is a Monday: its Friday before is the 8th, its Tuesday after the 12th.
DATED = """\
Outlet: The Harbour Gazette
date 2024-03-11 By Ana Lima and Bo Chen

Dockers plan a strike at the port

The dockers' union said on Friday that its members had voted for a strike in February.
A strike will begin on Tuesday, the union said.
Up to 5,000 workers could walk out, according to the union.
Police said protesters had gathered days before.
The port was founded in 1887.
“We will stop work tomorrow,” a docker said.
The last strike, on February 30, 2023, lasted a week.
"""

UNDATED = """\
Dockers plan a strike at the port, which was founded in 1887.
The union said on Friday that more than 3,000 members had voted for it.
"""


def by_phrase(draft: ArticleDraft) -> dict[str, Proposal]:
    return {proposal.phrase: proposal for proposal in draft.proposals}


def day(text: str) -> UncertainDate:
    """A publication date: one date, maybe uncertain."""
    value = chronology.parse(text)
    assert isinstance(value, UncertainDate)
    return value


def days(value: object) -> tuple[pendulum.Date, pendulum.Date]:
    assert isinstance(value, UncertainDate)
    return value.earliest, value.latest


@pytest.fixture(scope="module")
def dated() -> ArticleDraft:
    return draft_article(article_from_text(DATED, "harbour/strike-2024.txt"))


@pytest.fixture(scope="module")
def undated() -> ArticleDraft:
    return draft_article(article_from_text(UNDATED, "port.txt"))


def test_the_source_takes_what_the_text_says_of_the_article(dated: ArticleDraft) -> None:
    source = dated.source
    assert source.id == "strike-2024"
    assert source.outlet == "The Harbour Gazette"
    assert source.title == "Dockers plan a strike at the port"
    assert source.authors == ("Ana Lima", "Bo Chen")
    assert source.published == chronology.parse("2024-03-11")
    assert "dateline" in source.note
    assert "headline" in source.note


def test_a_statements_date_makes_a_statement_that_reports_what_its_clause_dates(dated: ArticleDraft) -> None:
    events = by_phrase(dated)
    statement, vote = events["on Friday"].event, events["in February"].event
    assert days(statement.when) == (pendulum.Date(2024, 3, 8), pendulum.Date(2024, 3, 8))
    assert statement.kind == "statement"
    assert statement.anchor == dated.source.id
    assert statement.reports == (vote.id,)
    assert vote.anchor == statement.id  # "in February" read from the statement's Friday
    assert days(vote.when) == (pendulum.Date(2024, 2, 1), pendulum.Date(2024, 2, 29))
    assert vote.title == "Its members had voted for a strike in February"


def test_a_clause_that_says_will_is_read_forward(dated: ArticleDraft) -> None:
    strike = by_phrase(dated)["on Tuesday"]
    assert strike.event.tense is Tense.FUTURE
    assert days(strike.event.when) == (pendulum.Date(2024, 3, 12), pendulum.Date(2024, 3, 12))
    assert "still to come" in strike.note
    assert strike.event.kind == ""  # ", the union said." closes the sentence: the strike is what was said


def test_a_date_with_its_year_needs_no_anchor(dated: ArticleDraft) -> None:
    founded = by_phrase(dated)["in 1887"].event
    assert founded.anchor is None
    assert days(founded.when) == (pendulum.Date(1887, 1, 1), pendulum.Date(1887, 12, 31))


def test_the_dated_article_is_an_event_holding_its_undated_figures_as_claims(dated: ArticleDraft) -> None:
    (report,) = [p.event for p in dated.proposals if p.event.kind == "report"]
    assert report.when == dated.source.published
    assert (
        report.citations[0].quote
        == "The dockers' union said on Friday that its members had voted for a strike in February."
    )
    (claim,) = report.claims
    assert claim.value.comparison is Comparison.UP_TO
    assert claim.value.high == 5000
    assert claim.unit == "workers"
    assert claim.claimant == "the union"
    assert claim.source == dated.source.id
    assert claim.quote == "Up to 5,000 workers could walk out, according to the union."


def test_every_event_is_tagged_a_draft_and_quotes_its_sentence(dated: ArticleDraft) -> None:
    sentences = DATED.splitlines()
    for proposal in dated.proposals:
        assert proposal.event.tags == (DRAFT_TAG,)
        (citation,) = proposal.event.citations
        assert citation.source == dated.source.id
        assert citation.quote in sentences


def test_the_events_come_in_the_order_of_their_dates(dated: ArticleDraft) -> None:
    starts = [proposal.event.when.lo for proposal in dated.proposals]
    assert starts == sorted(starts)
    assert [p.phrase for p in dated.proposals] == ["in 1887", "in February", "on Friday", "2024-03-11", "on Tuesday"]


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("days before", "another event"),
        ("tomorrow", "inside a quotation"),
        ("on February 30, 2023", "day 30 does not exist in February"),
    ],
    ids=["read from another event", "in a quotation", "refused"],
)
def test_what_cannot_be_drafted_is_kept_with_its_sentence_and_why(dated: ArticleDraft, phrase: str, why: str) -> None:
    (leftover,) = [left for left in dated.leftovers if left.phrase == phrase]
    assert why in leftover.why
    assert phrase.split()[-1].rstrip(".") in leftover.sentence


def test_an_undated_article_drafts_what_has_its_year_and_keeps_the_rest(undated: ArticleDraft) -> None:
    assert undated.source.published is None
    assert "Undated" in undated.source.note
    assert [p.phrase for p in undated.proposals] == ["in 1887"]
    left = {leftover.phrase: leftover.why for leftover in undated.leftovers}
    assert "--published" in left["on Friday"]
    assert "date is unknown" in left["more than 3,000"]


def test_an_undated_article_given_a_date_drafts_its_relative_phrases_too() -> None:
    article = article_from_text(UNDATED, "port.txt")
    draft = draft_article(article, published=day("[2024-03-11..2024-03-12]"))
    friday = by_phrase(draft)["on Friday"].event
    assert days(friday.when) == (pendulum.Date(2024, 3, 8), pendulum.Date(2024, 3, 8))
    assert [c.value.text for c in friday.claims] == ["more than 3,000"]
    assert draft.leftovers == ()


def test_a_since_phrase_is_drafted_as_it_lasts_with_a_comment() -> None:
    draft = draft_article(
        article_from_text("Ukrainian forces have held the town since December 2022.", "talk.txt"),
        published=day("2024-11-17"),
    )
    (since,) = [p for p in draft.proposals if p.phrase == "since December 2022"]
    assert isinstance(since.event.when, Interval)
    assert any("lasts from then on" in comment for comment in since.comments)


@pytest.mark.parametrize(
    ("sentence", "when", "earliest"),
    [
        (
            "This was the first direct conversation between the two leaders since December 2022, during which "
            "Scholz called for an immediate end to the war.",
            "December 2022",
            pendulum.Date(2022, 12, 1),
        ),
        (
            "Pyongyang fired a ballistic missile on Thursday, its first launch since September 18.",
            "September 18",
            pendulum.Date(2024, 9, 18),
        ),
    ],
    ids=["since a month", "since a day, read from the article"],
)
def test_since_after_first_dates_the_earlier_event_it_names(sentence: str, when: str, earliest: object) -> None:
    draft = draft_article(article_from_text(sentence, "talk.txt"), published=day("2024-11-04"))
    (since,) = [p for p in draft.proposals if p.phrase.startswith("since")]
    assert isinstance(since.event.when, UncertainDate)
    assert since.event.when.text == when
    assert since.event.when.earliest == earliest
    assert any("the earlier event it names" in comment for comment in since.comments)
    assert not any("lasts from then on" in comment for comment in since.comments)


def test_a_date_the_sentence_leaves_open_is_said_so_in_a_comment() -> None:
    text = "In a letter sent in June to the ministry, the mayor, who had resigned, then alleged fraud."
    draft = draft_article(article_from_text(text, "letter.txt"), published=day("2024-11-17"))
    (june,) = [p for p in draft.proposals if p.phrase == "in June"]
    assert any("does not say" in comment for comment in june.comments)


def test_drafts_write_a_file_the_loader_accepts(dated: ArticleDraft, undated: ArticleDraft, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    written = write_draft(out, [dated, undated])
    assert written.events == len(dated.proposals) + len(undated.proposals)
    assert written.sources == 2
    assert chronology.validate(out) == ()
    timeline = chronology.load(out)
    assert {event.id for event in timeline} == {p.event.id for p in (*dated.proposals, *undated.proposals)}
    text = out.read_text(encoding="utf-8")
    assert "# - 'days before': read from another event" in text
    assert "#   > Police said protesters had gathered days before." in text
    assert 'when = "on Friday"  # 8 March 2024, read from the article\'s date' in text


def test_writing_over_a_file_that_exists_is_refused_without_append(dated: ArticleDraft, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    out.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(DraftError, match="--append") as refused:
        write_draft(out, [dated])
    assert str(out) in str(refused.value)
    assert out.read_text(encoding="utf-8") == "# mine\n"


def test_appending_the_same_draft_twice_adds_nothing_the_second_time(dated: ArticleDraft, tmp_path: Path) -> None:
    out = tmp_path / "events.toml"
    out.write_text('title = "Mine"\n\n# my own notes stay\n', encoding="utf-8")
    first = write_draft(out, [dated], append=True)
    after_first = out.read_text(encoding="utf-8")
    second = write_draft(out, [dated], append=True)
    assert first.events == len(dated.proposals)
    assert first.present == 0
    assert second.events == 0
    assert second.present == len(dated.proposals)
    assert second.sources == 0
    assert out.read_text(encoding="utf-8") == after_first
    assert after_first.startswith('title = "Mine"\n\n# my own notes stay\n')


def test_an_appended_event_refers_to_the_id_an_event_already_has_in_the_file(
    dated: ArticleDraft, tmp_path: Path
) -> None:
    out = tmp_path / "events.toml"
    write_draft(out, [dated])
    statement = by_phrase(dated)["on Friday"].event
    text = out.read_text(encoding="utf-8").replace(f'"{statement.id}"', '"union-statement"')
    text = re.sub(r"\ndrafted = \[[^\]]*\]", "", text)  # a file drafted before sources recorded their events
    vote = by_phrase(dated)["in February"].event
    # the reported vote removed by hand: drafted again, it must be anchored to the statement as renamed
    start = text.index(f'[[events]]\nid = "{vote.id}"')
    end = text.index("[[events]]", start + 1)
    out.write_text(text[:start] + text[end:], encoding="utf-8")
    text_without = out.read_text(encoding="utf-8").replace('reports = ["' + vote.id + '"]\n', "")
    out.write_text(text_without, encoding="utf-8")
    written = write_draft(out, [dated], append=True)
    assert written.events == 1
    timeline = chronology.load(out)
    assert timeline[vote.id].anchor == "union-statement"


def test_a_source_already_in_the_file_with_another_date_is_refused(dated: ArticleDraft, tmp_path: Path) -> None:
    out = tmp_path / "events.toml"
    write_draft(out, [dated])
    other = draft_article(dated.article, published=day("2024-03-12"))
    before = out.read_text(encoding="utf-8")
    with pytest.raises(DraftError, match="strike-2024") as refused:
        write_draft(out, [other], append=True)
    assert "2024-03-11" in str(refused.value)
    assert "2024-03-12" in str(refused.value)
    assert out.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("data", "said"),
    [(b"", "empty"), (b"\xff\xfe\x00J\x00u\x00n", "binary"), (b"caf\xe9 in June", "not UTF-8")],
    ids=["empty", "binary", "latin-1"],
)
def test_an_article_that_is_not_text_is_refused_naming_the_file(tmp_path: Path, data: bytes, said: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DraftError, match=said) as refused:
        read_article(path)
    assert str(path) in str(refused.value)


def test_a_missing_article_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="cannot read") as refused:
        read_article(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("000_b050b8bb18299fc1.txt", "000_b050b8bb18299fc1"),
        ("Reports/Día 3 (copy).txt", "dia-3-copy"),
        ("...", "article"),
    ],
    ids=["seed", "accents and spaces", "nothing left"],
)
def test_a_sources_id_is_its_files_name_as_a_slug(name: str, slug: str) -> None:
    assert source_id_for(name) == slug


@pytest.mark.parametrize(
    ("sentence", "drafted"),
    [
        ("Protesters gathered the day before yesterday.", True),
        ("Protesters gathered earlier this month.", True),
        ("Protesters gathered a week later.", False),
        ("Protesters gathered the next day.", False),
        ("Protesters gathered later that day.", False),
        ("Protesters gathered the following Monday.", False),
    ],
    ids=["day before yesterday", "earlier this month", "later", "next day", "that day", "the following Monday"],
)
def test_a_phrase_read_from_another_event_is_left_for_a_person_to_anchor(sentence: str, drafted: bool) -> None:
    draft = draft_article(article_from_text(sentence, "a.txt"), published=day("2024-03-11"))
    phrases = [p.phrase for p in draft.proposals if p.event.kind != "report"]
    assert bool(phrases) is drafted
    assert any("another event" in left.why for left in draft.leftovers) is not drafted


# -- a new user's articles --------------------------------------------------------------------------

SEOUL = """\
North Korea sends 3,000 more troops to Russia, Seoul says

SEOUL, Nov 4 (Reuters) - North Korea has sent about 3,000 more troops to Russia since late October, according to \
South Korea's spy agency, bringing the total to about 13,000.
The soldiers may be rotated in March, officials said.
More than 1,500 of them are special forces, the agency said, and nearly 500 are officers.
"""

TRICKY = """\
PYONGYANG, Nov 20 (Reuters) - Some 1200 North Korean soldiers have been killed in Kursk, a lawmaker said on Wednesday.
Kim Jong Un has been the biggest backer of Putin in recent years.
Officials said 24 people died in 24 hours.
More troops will arrive in the coming weeks, and casualties could rise by the end of the year.
Talks are set for January.
"""


def test_a_count_is_a_claim_not_a_year() -> None:
    draft = draft_article(article_from_text(TRICKY, "tricky.txt"), published=day("2024-11-20"))
    assert not any(p.event.when == chronology.parse("1200") for p in draft.proposals)
    claims = [claim for p in draft.proposals for claim in p.event.claims]
    assert [(c.value.text, c.unit, c.claimant) for c in claims if "Kursk" in c.subject] == [
        ("Some 1200", "soldiers", "a lawmaker")
    ]


def test_a_short_quotation_in_another_script_leaves_an_article_english() -> None:
    text = "Putin said on Monday that the troops were «наши союзники», our allies, and would stay.\n"
    draft = draft_article(article_from_text(text, "quote.txt"), published=day("2024-11-04"))
    assert [p.phrase for p in draft.proposals if p.phrase == "on Monday"] == ["on Monday"]


@pytest.mark.parametrize(
    ("article", "phrase", "label"),
    [
        (SEOUL, "in March", "March 2025"),
        (TRICKY, "January", "January 2025"),
        ("Seoul warned that North Korea may double that by spring.", "by spring", "2025"),
        ("The next shipment is due on Monday.", "on Monday", "11 November 2024"),
    ],
    ids=["may be rotated in March", "set for January", "may double that by spring", "next ... due on Monday"],
)
def test_what_a_clause_says_is_still_to_come_is_read_forward(article: str, phrase: str, label: str) -> None:
    draft = draft_article(article_from_text(article, "ahead.txt"), published=day("2024-11-05"))
    event = by_phrase(draft)[phrase].event
    assert event.tense is Tense.FUTURE
    assert label in event.when.label


def test_a_duration_in_a_clause_that_tells_the_past_is_kept_not_dated() -> None:
    draft = draft_article(article_from_text(TRICKY, "tricky.txt"), published=day("2024-11-20"))
    assert "in 24 hours" not in by_phrase(draft)
    left = {leftover.phrase: leftover for leftover in draft.leftovers}
    assert left["in 24 hours"].sentence == "Officials said 24 people died in 24 hours."
    assert "how long" in left["in 24 hours"].why


@pytest.mark.parametrize(
    ("article", "kept"),
    [
        (SEOUL, ["about 13,000", "More than 1,500", "nearly 500"]),
        ("Fighting has gone on for months, and talks may resume at the turn of the year.",
         ["for months", "at the turn of the year"]),
        ("More than 50,000 US soldiers are stationed in Japan, and nearly 500 are officers.", ["nearly 500"]),
    ],
    ids=["figures that count nothing beside them", "time phrases not read yet", "nearly 500 are officers"],
)  # fmt: skip
def test_nothing_is_dropped_without_a_comment(article: str, kept: list[str]) -> None:
    draft = draft_article(article_from_text(article, "kept.txt"), published=day("2024-11-20"))
    left = {leftover.phrase: leftover for leftover in draft.leftovers}
    for phrase in kept:
        assert phrase in left, phrase
        assert phrase in left[phrase].sentence


def test_what_is_still_to_come_is_drafted_after_the_articles_day() -> None:
    draft = draft_article(article_from_text(TRICKY, "tricky.txt"), published=day("2024-11-20"))
    drafted = by_phrase(draft)
    coming, year_end = drafted["in the coming weeks"], drafted["by the end of the year"]
    assert coming.event.tense is Tense.FUTURE
    assert {relation.name for relation in chronology.relations("2024-11-20", coming.event.when)} <= {"BEFORE", "MEETS"}
    assert year_end.event.tense is Tense.FUTURE
    # by the end of the article's year, and not before the article: from its day on
    assert days(year_end.event.when) == (pendulum.Date(2024, 11, 20), pendulum.Date(2024, 12, 31))


def test_in_recent_years_after_a_superlative_is_drafted() -> None:
    draft = draft_article(article_from_text(TRICKY, "tricky.txt"), published=day("2024-11-20"))
    assert "in recent years" in by_phrase(draft)


@pytest.mark.parametrize(
    ("text", "published", "dateline", "first_words"),
    [
        ("SEOUL, Nov 4, 2024 (Reuters) - Troops moved on Monday.\n", "2024-11-04", "Nov 4, 2024", "Troops"),
        ("November 4, 2024\nBy Jane Doe\n\nTroops moved on Monday.\n", "2024-11-04", "November 4, 2024", "Troops"),
        ("Troops move east\nNovember 4, 2024\n\nTroops moved on Monday.\n", "2024-11-04", "November 4, 2024",
         "Troops"),
        ("Published 10:04 AM EST, November 4, 2024\n\nWASHINGTON (AP) — Troops moved on Monday.\n", "2024-11-04",
         "November 4, 2024", "WASHINGTON"),
        ("Mon 4 Nov 2024 10.04 GMT\n\nTroops moved on Monday.\n", "2024-11-04", "Mon 4 Nov 2024", "Troops"),
    ],
    ids=["dateline with its year", "a date line alone", "a date line under the headline", "published at a time",
         "a date line with its time"],
)  # fmt: skip
def test_a_date_line_or_dateline_dates_the_article(text: str, published: str, dateline: str, first_words: str) -> None:
    article = article_from_text(text, "wire.txt")
    assert article.dated == day(published)
    assert article.dated is not None
    assert article.dated.precision.value == "day"
    assert article.dateline == dateline
    assert article.body_text.lstrip().startswith(first_words)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("SEOUL, Nov 4 (Reuters) - Troops moved on Monday.\n", "Nov 4"),
        ("KYIV, Dec 16 (AP) — Troops moved on Monday.\n", "Dec 16"),
    ],
    ids=["Reuters", "AP"],
)
def test_a_datelines_day_without_its_year_refines_the_year_given(text: str, dateline: str) -> None:
    article = article_from_text(text, "wire.txt")
    assert article.dated is None
    assert article.dateline == dateline
    assert article.body_text.startswith("Troops moved on Monday.")
    undated = draft_article(article)
    assert [p.phrase for p in undated.proposals] == []  # the dateline is no event
    assert dateline in (undated.source.note or "")
    draft = draft_article(article, published=day("2024"))
    assert draft.source.published is not None
    assert draft.source.published.precision.value == "day"
    assert draft.source.published.to_edtf() == chronology.parse(f"{dateline} 2024").to_edtf()
    assert not any(dateline in p.event.title for p in draft.proposals)


def test_an_updated_line_closing_the_article_is_no_event() -> None:
    text = "WASHINGTON (AP) — Troops moved on Monday.\n\nUpdated 10:04 AM EST, November 4, 2024\n"
    article = article_from_text(text, "closing.txt")
    assert "Updated" not in article.body_text
    draft = draft_article(article, published=day("2024-11-04"))
    assert all("Updated" not in p.quote for p in draft.proposals)


@pytest.mark.parametrize(
    ("sentence", "phrase", "title", "comment"),
    [
        (
            "The allegations of North Korea deploying its soldiers, which the Kremlin has called fake news, have made "
            "it into the news headlines after Moscow and Pyongyang signed a mutual defence pact in June during "
            "Putin’s first state visit to the isolated nation in 24 years.",
            "in June",
            "Moscow and Pyongyang signed a mutual defence pact in June",
            "",
        ),
        (
            "North Korean troops are fighting in the Kursk region, which was invaded by Kyiv's forces in August.",
            "in August",
            "The Kursk region, which was invaded by Kyiv's forces in August",
            "stands in a side clause",
        ),
    ],
    ids=["after a subject: the clause is the title", "a relative clause: the noun and the clause are the title"],
)
def test_a_date_in_a_side_clause_dates_what_that_clause_tells(
    sentence: str, phrase: str, title: str, comment: str
) -> None:
    draft = draft_article(article_from_text(sentence, "side.txt"), published=day("2024-11-04"))
    proposal = by_phrase(draft)[phrase]
    assert proposal.quote == sentence
    assert proposal.event.title.startswith(title)
    if comment:
        assert any(comment in line for line in proposal.comments)


def test_a_closing_said_on_a_day_makes_the_statement_that_reports_what_its_sentence_dates() -> None:
    sentence = "Troops moved to Kursk last week, his office said on Sunday."
    draft = draft_article(article_from_text(sentence, "closing.txt"), published=day("2024-11-04"))
    statement, moved = by_phrase(draft)["on Sunday"].event, by_phrase(draft)["last week"].event
    assert statement.kind == "statement"
    assert days(statement.when) == (pendulum.Date(2024, 11, 3), pendulum.Date(2024, 11, 3))
    assert statement.reports == (moved.id,)
    assert moved.anchor == statement.id  # read from the Sunday: 21-27 October
    assert days(moved.when) == (pendulum.Date(2024, 10, 21), pendulum.Date(2024, 10, 27))


def test_a_plan_told_before_a_closing_said_on_a_day_is_read_from_that_day() -> None:
    sentence = "South Korean President Yoon Suk Yeol will visit Washington next week, his office said on Sunday."
    draft = draft_article(article_from_text(sentence, "closing.txt"), published=day("2024-11-04"))
    statement, visit = by_phrase(draft)["on Sunday"].event, by_phrase(draft)["next week"]
    assert statement.kind == "statement"
    assert visit.event.anchor == statement.id
    assert visit.event.tense is Tense.FUTURE
    assert not any("may date the statement" in comment for comment in visit.comments)


@pytest.mark.parametrize(("given", "used"), [("2024", "2024-11-04"), ("2024-11", "2024-11-04"), ("2023", "2023")])
def test_a_date_given_that_holds_the_texts_own_gives_way_to_it(given: str, used: str) -> None:
    # The text's full date lies within --published 2024 (or November 2024): the sharper one is the article's.
    # A date given that excludes it wins, as the command warns.
    text = "Strike at the port\n\nNovember 4, 2024 — The union said on Sunday that the strike would go on.\n"
    drafted = draft_article(article_from_text(text, "port.txt"), published=UncertainDate.parse(given))
    assert drafted.source.published is not None
    assert drafted.source.published.to_edtf() == used
    sunday = next(p.event for p in drafted.proposals if p.phrase == "on Sunday")
    assert isinstance(sunday.when, UncertainDate)
    expected = "2024-11-03" if used != "2023" else None
    if expected is not None:
        assert sunday.when.to_edtf() == expected
        assert "its day from the text's dateline ('November 4, 2024')" in drafted.source.note
