"""Drafting Russian and Ukrainian articles: the events, bounds, quotes, claims and reports links they propose."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from drafting import draft_text, iso_days

import chronology
from chronology.cli import main
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.draft.language import detect_language

pytest.importorskip("pymorphy3")
pytest.importorskip("lingua")

RUSSIAN = """Северная Корея перебросила войска в Россию
date 2024-10-18

Национальная служба разведки Южной Кореи заявила 18 октября, что Россия перебросила северокорейских военных в середине октября. По данным разведки, до 100 000 военных могут быть направлены к концу года. Путин и Ким Чен Ын встретились в сентябре 2023 года на Дальнем Востоке. Каждому солдату платят около 2000 долларов в месяц, сообщил источник.
"""
UKRAINIAN = """Розвідка: КНДР направила військових до Росії

Як повідомила розвідка, минулого тижня понад 10 000 військових КНДР прибули до Курської області. Зеленський заявив у п'ятницю, що 3 жовтня 2024 року відбувся перший бій.
"""


def test_the_language_of_each_article_is_detected() -> None:
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(UKRAINIAN) == "uk"


def test_a_dated_russian_article_proposes_its_events_with_their_bounds() -> None:
    drafted = draft_text(RUSSIAN, "ru.txt")
    events = {p.phrase: p.event for p in drafted.proposals}
    assert set(events) == {"2024-10-18", "18 октября", "в середине октября", "к концу года", "в сентябре 2023 года"}
    assert iso_days(events["18 октября"].when) == ("2024-10-18", "2024-10-18")
    assert iso_days(events["в середине октября"].when) == ("2024-10-11", "2024-10-20")
    assert iso_days(events["в сентябре 2023 года"].when) == ("2023-09-01", "2023-09-30")
    statement = events["18 октября"]
    assert statement.kind == "statement"
    assert statement.reports == (events["в середине октября"].id,)
    assert events["в середине октября"].anchor == statement.id
    assert events["к концу года"].tense.value == "future"
    assert events["в сентябре 2023 года"].citations[0].quote.startswith("Путин и Ким Чен Ын встретились")


def test_a_title_is_what_was_said_not_who_said_it_alone() -> None:
    drafted = draft_text(RUSSIAN, "ru.txt")
    statement = next(p.event for p in drafted.proposals if p.phrase == "18 октября")
    moved = next(p.event for p in drafted.proposals if p.phrase == "в середине октября")
    assert moved.title == "Россия перебросила северокорейских военных в середине октября"
    # the statement, titled apart from what it reports: who says what
    assert statement.title == (
        "Национальная служба разведки Южной Кореи: Россия перебросила северокорейских военных в середине октября"
    )


def test_figures_become_attributed_claims_of_their_sentences_event() -> None:
    drafted = draft_text(RUSSIAN, "ru.txt")
    events = {p.phrase: p.event for p in drafted.proposals}
    (troops,) = events["к концу года"].claims  # the sentence's own event, not the article's
    assert (troops.value.comparison.name, troops.value.high, troops.unit) == ("UP_TO", 100_000, "военных")
    assert troops.claimant == "разведка"  # "по данным разведки", in the nominative
    (pay,) = events["2024-10-18"].claims  # a sentence without a date: the article's own event
    assert (pay.value.low, pay.unit, pay.claimant) == (2000, "USD", "источник")  # "долларов": a currency


def test_an_undated_ukrainian_article_keeps_its_relative_phrases_in_comments() -> None:
    drafted = draft_text(UKRAINIAN, "uk.txt")
    assert [p.phrase for p in drafted.proposals] == ["3 жовтня 2024 року"]
    assert iso_days(drafted.proposals[0].event.when) == ("2024-10-03", "2024-10-03")
    kept = {leftover.phrase for leftover in drafted.leftovers}
    assert {"минулого тижня", "у п'ятницю", "more than 10,000"} <= kept


def test_a_ukrainian_article_given_its_date_reads_its_relative_phrases() -> None:
    drafted = draft_text(UKRAINIAN, "uk.txt", published=UncertainDate.parse("2024-11-17"), language="uk")
    events = {p.phrase: p.event for p in drafted.proposals}
    assert iso_days(events["минулого тижня"].when) == ("2024-11-04", "2024-11-10")
    assert iso_days(events["у п'ятницю"].when) == ("2024-11-15", "2024-11-15")
    (claim,) = events["минулого тижня"].claims
    assert (claim.value.low, claim.claimant) == (10_000, "розвідка")


def test_validate_accepts_a_russian_and_ukrainian_draft(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    out = tmp_path / "draft.toml"
    printed = io.StringIO()
    code = main(["draft", str(tmp_path / "ru.txt"), str(tmp_path / "uk.txt"), "-o", str(out)], out=printed)
    assert code == 0, printed.getvalue()
    assert chronology.validate(out) == ()
    assert main(["validate", str(out)], out=io.StringIO()) == 0
    whens = {event.when.text for event in chronology.load(out)}
    assert {"18 октября", "в середине октября", "3 жовтня 2024 року"} <= whens


def test_language_forced_english_finds_no_cyrillic_dates() -> None:
    drafted = draft_text(UKRAINIAN, "uk.txt", language="en")
    assert drafted.proposals == ()


@pytest.mark.parametrize(
    ("opening", "day", "written", "outlet"),
    [
        ("МОСКВА, 18 октября. /ТАСС/. ", "2024-10-18", "18 октября", "ТАСС"),
        ("МОСКВА, 18 окт — РИА Новости. ", "2024-10-18", "18 окт", "РИА Новости"),
        ("КИЇВ, 3 листопада — ", "2024-11-03", "3 листопада", ""),
        ("СЕУЛ. 21 октября. ИНТЕРФАКС - ", "2024-10-21", "21 октября", "Интерфакс"),
        ("МОСКВА. 21 октября. INTERFAX.RU - ", "2024-10-21", "21 октября", "INTERFAX.RU"),
    ],
    ids=["tass", "ria", "ukrinform", "interfax", "interfax-ru"],
)
def test_a_wire_dateline_in_cyrillic_gives_its_day_within_the_date_given(
    opening: str, day: str, written: str, outlet: str
) -> None:
    text = f"Заголовок\n\n{opening}Пресс-секретарь заявил, что переговоры возможны.\n"
    article = article_from_text(text, "wire.txt")
    assert article.dateline == written
    assert article.body_text.startswith("Пресс")  # after the dateline, and the agency it names
    assert article.outlet == outlet
    drafted = draft_article(article, published=UncertainDate.parse("2024"))
    assert drafted.source.published is not None
    assert iso_days(drafted.source.published) == (day, day)
    assert "its day from the text's dateline" in drafted.source.note
    same = draft_article(article, published=UncertainDate.parse(day))
    assert "names the same day" in same.source.note


def test_ids_from_cyrillic_titles_and_names_are_transliterated() -> None:
    drafted = draft_text(RUSSIAN, "северная-корея.txt")
    assert drafted.source.id == "severnaya-koreya"
    ids = [p.event.id for p in drafted.proposals]
    assert all(i.isascii() and not i.startswith("event-") for i in ids), ids
    moved = next(p.event for p in drafted.proposals if p.phrase == "в середине октября")
    assert moved.id.startswith("rossiya-perebrosila-"), moved.id
    statement = next(p.event for p in drafted.proposals if p.phrase == "18 октября")
    assert statement.id.startswith("natsional-naya-sluzhba-razvedki-"), statement.id
