"""Leftovers of the draft's claims: what a figure counts is its subject, in English, Russian and Ukrainian.

"погибли 4 человека" is people who died ("люди погибли"), not "погибли человека"; "shot down 12 drones" is drones
shot down, not drones "on Tuesday"; a Russian number word is a figure ("погибли два человека"); the Korean counters
are word data in the cues, not in the claims' code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import chronology
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article, write_draft
from chronology.draft.claims import find_figures
from chronology.draft.cues import CUES, Language
from chronology.draft.language import grammar_for
from chronology.draft.roles import attributions
from chronology.notation.find import find_dates
from chronology.notation.quantity import parse_quantity


def _figures(sentence: str, language: Language) -> list[tuple[str, str, str]]:
    """The (value in English, unit, subject) of each figure of ``sentence``, its date phrases skipped as a draft does."""
    dates = [(p.start, p.end) for p in find_dates(sentence, grammar_for(language))]
    found = find_figures(sentence, skip=dates, speakers=attributions(sentence, language, dates), language=language)
    return [(f.english, f.unit, f.subject) for f in found if f.counted]


# -- 1. Russian and Ukrainian: the counted noun is the subject, the verb after it -------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "figures"),
    [
        ("ru", "В Харькове погибли 4 человека.", [("4", "человека", "люди погибли")]),
        ("ru", "В Харькове 4 человека погибли.", [("4", "человека", "люди погибли")]),
        ("ru", "Во вторник при атаке дронов на Одессу погибли три человека.", [("3", "человека", "люди погибли")]),
        ("ru", "В результате обстрела погибли два человека, еще 11 ранены.",
         [("2", "человека", "люди погибли"), ("11", "человека", "ранены")]),
        ("ru", "Погибли пять человек.", [("5", "человек", "люди погибли")]),
        ("ru", "Погиб 1 человек.", [("1", "человек", "люди погибли")]),
        ("ru", "Нападавший ранил 4 человека.", [("4", "человека", "люди ранены")]),
        ("ru", "Погибли два северокорейских военных.", [("2", "военных", "северокорейские военные погибли")]),
        ("uk", "Загинули 4 людини, 11 поранені.", [("4", "людини", "люди загинули"), ("11", "людини", "поранені")]),
        ("uk", "Внаслідок атаки загинули три людини.", [("3", "людини", "люди загинули")]),
        ("uk", "Постраждали п’ять людей.", [("5", "людей", "люди постраждали")]),
    ],
    ids=["ru-verb-first", "ru-noun-first", "ru-tri", "ru-dva-eshche", "ru-pyat-chelovek", "ru-pogib-1",
         "ru-transitive", "ru-adjective", "uk-digits", "uk-try", "uk-apostrophe"],
)  # fmt: skip
def test_what_befell_those_counted_follows_them_in_the_nominative(
    language: Language, sentence: str, figures: list[tuple[str, str, str]]
) -> None:
    assert _figures(sentence, language) == figures


def test_both_word_orders_of_a_death_toll_say_the_same_claim() -> None:
    assert _figures("Погибли 4 человека.", "ru") == _figures("4 человека погибли.", "ru")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Он звонил туда три раза."),
        ("ru", "Две страны подписали соглашение."),
        ("ru", "Они потеряли семью."),  # "семью" is "family" first, no seven
        ("ru", "Двое из них вернулись."),
        ("uk", "Сьома бригада наступає."),  # "seventh", no seven
    ],
    ids=["times", "countries", "semyu", "no-noun", "uk-ordinal"],
)
def test_a_number_word_that_counts_no_claim_is_none(language: Language, sentence: str) -> None:
    assert _figures(sentence, language) == []


def test_a_number_word_is_a_figure_the_quantity_reader_reads() -> None:
    ((value, unit, _),) = _figures("По данным ГУР, погибли не менее трех военных.", "ru")
    quantity = parse_quantity(value)
    assert (quantity.low, quantity.comparison.name, unit) == (3, "AT_LEAST", "военных")


def test_a_claim_drafted_from_a_russian_death_toll_names_people(tmp_path: Path) -> None:
    text = "Обстрел Харькова\n\nВ понедельник в Харькове погибли 4 человека и 11 получили ранения, заявил мэр.\n"
    drafted = draft_article(
        article_from_text(text, "kharkiv.txt"), published=UncertainDate.parse("2024-11-06"), language="ru"
    )
    claims = [claim for p in drafted.proposals for claim in p.event.claims]
    assert [(c.subject, c.value.low, c.unit, c.claimant) for c in claims] == [
        ("люди погибли", 4, "человека", "мэр"),
        ("получили ранения", 11, "человека", "мэр"),
    ]
    path = tmp_path / "draft.toml"
    write_draft(path, [drafted])
    assert 'subject = "люди погибли"' in path.read_text(encoding="utf-8")
    assert "погибли человека" not in path.read_text(encoding="utf-8")
    assert len(chronology.load(path)) > 0


# -- 2. English: what is shot down is the subject, without the event's date ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Ukraine's air force said it shot down 12 drones over the Kyiv region on Tuesday.",
         [("12", "drones", "drones shot down over the Kyiv region")]),
        ("Air defences downed 25 drones overnight.", [("25", "drones", "drones shot down")]),
        ("On Monday, air defences shot down 40 Russian drones and two missiles, the military said.",
         [("40", "drones", "Russian drones shot down")]),
        ("The strike destroyed 3 tanks, officials said.", [("3", "tanks", "tanks destroyed")]),
        ("Russian forces launched 90 drones at Ukraine on November 17, the air force said.",
         [("90", "drones", "drones at Ukraine")]),
        ("The South Korean minister said six North Korean officers were killed in a strike on October 3.",
         [("6", "officers", "North Korean officers killed in a strike")]),
    ],
    ids=["shot-down", "downed", "and-two-missiles", "destroyed", "launched-date", "killed-date"],
)  # fmt: skip
def test_the_subject_of_an_english_figure_is_what_it_counts(sentence: str, figures: list[tuple[str, str, str]]) -> None:
    assert _figures(sentence, "en") == figures


def test_the_subject_is_neither_the_actor_nor_the_verb() -> None:
    ((_, unit, subject),) = _figures("Air defences shot down 12 drones.", "en")
    assert subject.split()[0] == unit == "drones"
    assert "defences" not in subject


# -- 3. the Korean counters are word data of the cues ----------------------------------------------------------


def test_korean_counters_and_currencies_are_read_from_the_cues() -> None:
    korean = CUES["ko"]
    assert {"명", "달러"} <= set(korean.counters)
    assert korean.currencies["달러"] == "USD"
    sentence = "국정원은 북한이 병사 1인당 월 약 2천 달러를 받는다고 밝혔다."
    (money,) = [f for f in find_figures(sentence, speakers=attributions(sentence, "ko"), language="ko") if f.unit]
    assert (money.reading, money.unit) == ("about 2,000", "USD")


def test_the_claims_module_holds_no_korean_word_table() -> None:
    import chronology.draft.claims as claims

    assert not hasattr(claims, "_KOREAN_COUNTERS")
    assert not hasattr(claims, "_KOREAN_CURRENCIES")


# -- 4. A date after the article's: told as to come, or left out -------------------------------------------------


def test_a_date_after_the_article_is_drafted_as_to_come_or_left_out(tmp_path: Path) -> None:
    text = (
        "Ministers to meet\n\n"
        "The ministers will meet again on 3 December 2024, the ministry said.\n"
        "The ministers met on 5 December 2024, the ministry said.\n"
    )
    drafted = draft_article(article_from_text(text, "meet.txt"), published=UncertainDate.parse("2024-11-04"))
    dated = {p.event.when: p.event for p in drafted.proposals if p.event.title.startswith("The ministers")}
    assert list(dated) == [UncertainDate.parse("2024-12-03")]
    assert dated[UncertainDate.parse("2024-12-03")].tense is chronology.Tense.FUTURE
    (left,) = [leftover for leftover in drafted.leftovers if "5 December 2024" in leftover.phrase]
    assert "after the article's, in a clause that tells the past" in left.why
    path = tmp_path / "draft.toml"
    write_draft(path, [drafted])
    assert len(chronology.load(path)) == len(drafted.proposals)  # passes the check of a report told too early
