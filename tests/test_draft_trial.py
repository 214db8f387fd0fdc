"""What a first Russian and Ukrainian reader found: wire datelines, header lines, stale comments, lost phrases."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.draft import language as language_module
from chronology.draft.claims import find_figures
from chronology.draft.cues import Language
from chronology.draft.propose import Proposal
from chronology.errors import MissingExtraError
from chronology.notation.english import ENGLISH_GRAMMAR
from chronology.notation.find import find_dates
from chronology.notation.slavic import slavic_grammar
from chronology.relative import Tense

INTERFAX = """\
Интерфакс, 21 октября 2024 года

Разведка Южной Кореи заявила о переброске более 10 000 человек

СЕУЛ. 21 октября. ИНТЕРФАКС - Разведка позавчера сообщила, что в Россию прибыли около 1,5 тыс. военных.

Каждому военному, по данным источника, платят около 2 тыс. долларов в месяц.
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- 1. wire datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("МОСКВА. 21 октября. INTERFAX.RU - Песков заявил в понедельник, что угроз нет.\n", "INTERFAX.RU"),
        ("МОСКВА, 21 окт — РИА Новости. Песков заявил в понедельник, что угроз нет.\n", "РИА Новости"),
    ],
    ids=["interfax", "ria"],
)
def test_a_wire_dateline_is_no_title_and_no_event_and_its_agency_is_the_outlet(text: str, outlet: str) -> None:
    drafted = draft_article(article_from_text(text, "wire.txt"), published=UncertainDate.parse("2024"))
    assert drafted.source.outlet == outlet
    assert drafted.source.title.startswith("Песков заявил")
    assert drafted.source.published is not None
    assert drafted.source.published.to_edtf() == "2024-10-21"
    assert {p.phrase for p in drafted.proposals} == {"2024-10-21", "в понедельник"}


def test_words_after_a_datelines_dash_that_name_no_agency_are_the_first_sentence() -> None:
    article = article_from_text("КИЇВ, 3 листопада — Тривога. Зеленський заявив у неділю, що все добре.\n", "a.txt")
    assert article.body_text.startswith("Тривога. Зеленський")
    assert article.outlet == ""


# -- 2. header lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Опубліковано: 3 листопада 2024 р.", "2024-11-03"),
        ("Оновлено: 3 листопада 2024 року", "2024-11-03"),
        ("Опубликовано: 21 октября 2024 года", "2024-10-21"),
        ("Обновлено 21 октября 2024 года", "2024-10-21"),
        ("Дата: 21 октября 2024 года", "2024-10-21"),
        ("입력 2024-11-04 10:04", "2024-11-04"),
        ("송고시간2024-11-04 10:04", "2024-11-04"),
        ("수정 2024년 11월 4일", "2024-11-04"),
        ("Published: 12 March 2024", "2024-03-12"),
    ],
    ids=[
        "uk-published",
        "uk-updated",
        "ru-published",
        "ru-updated",
        "ru-date",
        "ko-input",
        "ko-sent",
        "ko-edited",
        "en",
    ],
)
def test_a_labelled_date_line_in_each_language_dates_the_article(line: str, day: str) -> None:
    article = article_from_text(f"{line}\n\nЗеленський заявив у неділю, що партнери мають діяти.\n", "a.txt")
    assert article.dated is not None
    assert article.dated.to_edtf() == day
    assert article.body_text.startswith("Зеленський")


def test_an_outlet_and_date_line_gives_both_and_the_headline_is_the_next_line() -> None:
    article = article_from_text(INTERFAX, "interfax.txt")
    assert (article.outlet, article.headline) == (
        "Интерфакс",
        "Разведка Южной Кореи заявила о переброске более 10 000 человек",
    )
    assert article.dated is not None
    assert article.dated.to_edtf() == "2024-10-21"
    assert article.body_text.startswith("Разведка позавчера")  # the dateline under it left out too


def test_a_place_in_capitals_before_a_date_is_no_outlet() -> None:
    article = article_from_text("МОСКВА, 21 октября 2024 года\n\nЗаголовок статьи\n\nТекст статьи.\n", "a.txt")
    assert article.outlet == ""
    assert article.dated is not None
    assert article.dated.to_edtf() == "2024-10-21"


@pytest.mark.parametrize(
    "top",
    ["Суспільне Новини\n4 листопада 2024 року\n\n", "Суспільне Новини\n\n", "Харківські вісті\n\n"],
    ids=["known-with-date", "known", "unknown-above-headline"],
)
def test_a_short_line_above_the_headline_is_the_outlet(top: str) -> None:
    text = f"{top}У Харкові вночі пролунали вибухи\n\nУ ніч на 4 листопада Харків атакували.\n"
    article = article_from_text(text, "a.txt")
    assert article.outlet == top.split("\n")[0]
    assert article.headline == "У Харкові вночі пролунали вибухи"


def test_a_headline_without_an_outlet_line_is_still_the_headline() -> None:
    article = article_from_text("У Харкові вночі пролунали вибухи\n\nУ ніч на 4 листопада Харків атакували.\n", "a")
    assert (article.outlet, article.headline) == ("", "У Харкові вночі пролунали вибухи")


# -- 3. --append and figures ----------------------------------------------------------------------------


def test_append_with_the_date_takes_away_the_comments_on_figures_now_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("interfax.txt").write_text(INTERFAX.split("\n", 2)[2], encoding="utf-8")  # no date line: undated
    assert run("draft", "interfax.txt", "-o", "app.toml")[0] == 0
    text = Path("app.toml").read_text(encoding="utf-8")
    assert text.count(": a figure, but no dated event") == 2
    Path("app.toml").write_text(text.replace('id = "interfax"\n', 'id = "interfax"\npublished = "2024-10-21"\n'))
    code, _, err = run("draft", "interfax.txt", "--published", "2024-10-21", "--append", "-o", "app.toml")
    assert code == 0, err
    text = Path("app.toml").read_text(encoding="utf-8")
    assert "a figure, but no dated event" not in text
    assert 'value = "about 2,000"' in text


# -- 4. phrases found are never lost ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Накануне Лавров провел переговоры в Минске.", "Накануне"),
        ("В тот же день Шойгу прилетел в Пхеньян.", "В тот же день"),
        ("Напередодні Зеленський говорив з Байденом.", "Напередодні"),
        ("Того ж дня Зеленський говорив з Байденом.", "Того ж дня"),
        ("The day before, the minister met his counterpart.", "The day before"),
    ],
    ids=["ru-the-day-before", "ru-the-same-day", "uk-the-day-before", "uk-the-same-day", "en-the-day-before"],
)
def test_a_phrase_read_from_another_event_is_kept_with_the_same_reason_in_each_language(
    sentence: str, phrase: str
) -> None:
    drafted = draft_article(article_from_text(sentence + "\n", "a.txt"), published=UncertainDate.parse("2024-10-21"))
    kept = {leftover.phrase: leftover.why for leftover in drafted.leftovers}
    assert kept[phrase].startswith("read from another event the sentence tells, not from the article's date")


def test_a_date_in_the_headline_is_kept_in_a_comment() -> None:
    text = "Делегация прилетит на следующей неделе\n\nПесков заявил в пятницу, что переговоры возможны.\n"
    drafted = draft_article(article_from_text(text, "a.txt"), published=UncertainDate.parse("2024-10-21"))
    assert [(left.phrase, left.why.split(",")[0]) for left in drafted.leftovers] == [
        ("на следующей неделе", "in the headline")
    ]


@pytest.mark.parametrize("published", [None, "2024-10-21"], ids=["undated", "dated"])
def test_every_relative_phrase_found_is_an_event_or_a_comment(published: str | None) -> None:
    text = (
        "Песков заявил, что переговоры пройдут на этой неделе. Делегация прилетит на следующей неделе, сообщили "
        "в МИД. В прошлом году Пхеньян поставил России снаряды. Глава МИД на этой неделе сказал, что в следующем "
        "месяце саммит пройдет в Казани.\n"
    )
    date = UncertainDate.parse(published) if published else None
    drafted = draft_article(article_from_text(text, "a.txt"), published=date)
    kept = [p.phrase for p in drafted.proposals] + [left.phrase for left in drafted.leftovers]
    assert sorted(p.text for p in find_dates(text)) == sorted(p for p in kept if p != published)


# -- 5. an English quotation in a Russian article -------------------------------------------------------


def test_an_english_quotation_in_a_russian_text_is_read_with_the_english_grammar() -> None:
    text = '"We have seen North Korean troops moving toward Kursk since last week," — сказал он 31 октября.'
    found = [(p.text, p.read) for p in find_dates(text, slavic_grammar())]
    assert found == [("since last week", True), ("31 октября", True)]


@pytest.mark.parametrize(
    "text",
    ["В НАТО и Reuters сообщили в пятницу.", "Госсекретарь Blinken May 5 сказал."],
    ids=["names", "two-words"],
)
def test_a_few_words_in_latin_letters_are_names_not_english(text: str) -> None:
    assert all(not p.text.isascii() for p in find_dates(text, slavic_grammar()))


def test_an_english_text_is_read_as_before() -> None:
    text = "The ministry said on Monday, 4 November, that troops had moved since last week."
    assert [p.text for p in find_dates(text)] == [p.text for p in find_dates(text, ENGLISH_GRAMMAR)]
    assert [p.text for p in find_dates(text)] == ["on Monday, 4 November", "since last week"]


def test_the_draft_keeps_an_english_quotation_in_a_russian_article() -> None:
    text = (
        "Заголовок статьи\n\nВ понедельник Зеленский выступил.\n"
        '"We have seen North Korean troops moving toward Kursk since last week," — сказал он.\n'
    )
    drafted = draft_article(article_from_text(text, "a.txt"), published=UncertainDate.parse("2024-11-05"))
    assert "since last week" in {left.phrase for left in drafted.leftovers}


# -- 6. a --language that does not fit ------------------------------------------------------------------

RUSSIAN = "Песков заявил в пятницу, что встреча намечена на середину ноября. Лавров прилетел 3 октября.\n"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("en", "its dates written in Cyrillic letters are not read"),
        ("uk", "is detected as Russian; its sentences are read with the Ukrainian words"),
    ],
    ids=["english", "ukrainian"],
)
def test_a_language_given_that_the_detector_disagrees_with_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ru.txt").write_text(RUSSIAN, encoding="utf-8")
    code, _, err = run("draft", "ru.txt", "--language", given, "-o", "out.toml")
    assert code == 0
    assert f"warning: ru.txt: --language {given}" in err
    assert said in err


def test_the_right_language_given_is_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ru.txt").write_text(RUSSIAN, encoding="utf-8")
    assert run("draft", "ru.txt", "--language", "ru", "-o", "out.toml")[2] == ""


def test_without_the_detector_a_script_the_language_cannot_have_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(text: str) -> str:
        raise MissingExtraError("no lingua")

    monkeypatch.setattr(language_module, "detect_language", missing)
    monkeypatch.chdir(tmp_path)
    Path("ru.txt").write_text(RUSSIAN, encoding="utf-8")
    err = run("draft", "ru.txt", "--language", "en", "-o", "out.toml")[2]
    assert "the article is written mostly in Cyrillic letters" in err
    assert run("draft", "ru.txt", "--language", "uk", "-o", "out2.toml")[2] == ""  # the script fits


# -- 8. several articles, one date ----------------------------------------------------------------------


def test_one_date_for_several_articles_is_refused_showing_the_command_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(RUSSIAN, encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["draft", "a.txt", "b.txt", "--published", "2024", "-o", "out.toml"])
    error = capsys.readouterr().err
    assert "write --published a.txt=2024 --published b.txt=2024" in error
    assert not Path("out.toml").exists()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Мост\n\nМОСКВА, 14 марта 2025 года. Губернатор заявил в пятницу, что мост достроят.\n", "2025-03-14"),
        ("Bridge\n\nLONDON, 14 March 2025. The governor said on Friday that the bridge was finished.\n", "2025-03-14"),
    ],
    ids=["russian", "english"],
)
def test_a_dated_line_closed_by_a_full_stop_is_the_dateline_not_an_event(text: str, day: str) -> None:
    drafted = draft_article(article_from_text(text, "wire.txt"))
    assert drafted.source.published is not None
    assert drafted.source.published.to_edtf() == day
    titles = [p.event.title for p in drafted.proposals]
    assert not any(title.startswith(("МОСКВА", "LONDON")) for title in titles), titles
    assert any(p.phrase in ("в пятницу", "on Friday") for p in drafted.proposals)


# -- 9. a side clause of order dates its own event: the main clause's comes after or before it ------------------

FRIDAY = UncertainDate.parse("2025-03-14")  # a Friday: Tuesday is the 11th, Thursday the 13th


def _by_phrase(text: str, language: Language | None = None) -> dict[str, Proposal]:
    drafted = draft_article(article_from_text(text + "\n", "a.txt"), published=FRIDAY, language=language)
    return {proposal.phrase: proposal for proposal in drafted.proposals}


@pytest.mark.parametrize(
    ("sentence", "main", "side", "title", "side_title", "language"),
    [
        ("Lawmakers voted on Thursday to approve the budget after talks collapsed on Tuesday.", "on Thursday",
         "on Tuesday", "Lawmakers voted on Thursday to approve the budget", "Talks collapsed on Tuesday", "en"),
        ("After talks collapsed on Tuesday, lawmakers voted on Thursday to approve the budget.", "on Thursday",
         "on Tuesday", "Lawmakers voted on Thursday to approve the budget", "Talks collapsed on Tuesday", "en"),
        ("After talks collapsed on Tuesday, the union said on Friday that its members would strike.", "on Friday",
         "on Tuesday", "The union said on Friday that its members would strike", "Talks collapsed on Tuesday", "en"),
        ("Prices rose on Thursday after the central bank cut rates on Tuesday.", "on Thursday", "on Tuesday",
         "Prices rose on Thursday", "The central bank cut rates on Tuesday", "en"),
        ("Депутаты проголосовали в четверг после того как переговоры сорвались во вторник.", "в четверг",
         "во вторник", "Депутаты проголосовали в четверг", "Переговоры сорвались во вторник", "ru"),
    ],
    ids=["en-after", "en-fronted-after", "en-fronted-after-a-statement", "en-irregular-verb", "ru-posle-togo-kak"],
)  # fmt: skip
def test_a_date_after_after_dates_the_side_clause_and_the_main_event_comes_after_it(
    sentence: str, main: str, side: str, title: str, side_title: str, language: Language
) -> None:
    proposals = _by_phrase(sentence, language)
    vote, collapse = proposals[main].event, proposals[side].event
    assert (collapse.title, collapse.kind) == (side_title, "")
    assert vote.title == title
    assert vote.after == (collapse.id,)
    assert isinstance(collapse.when, UncertainDate)
    assert collapse.when.to_edtf() == "2025-03-11"


@pytest.mark.parametrize(
    ("sentence", "main", "order"),
    [
        ("Lawmakers voted to approve the budget after talks collapsed on Tuesday.",
         "Lawmakers voted to approve the budget", "after"),
        ("The port stayed closed until dockers accepted the offer on Tuesday.", "The port stayed closed", "before"),
        ("The port has been closed since dockers walked out on Tuesday.", "The port has been closed", "after"),
    ],
    ids=["after", "until", "since"],
)  # fmt: skip
def test_a_main_clause_without_a_date_of_its_own_is_not_given_the_side_clauses(
    sentence: str, main: str, order: str
) -> None:
    proposals = _by_phrase(sentence, "en")
    tuesday = proposals["on Tuesday"]
    assert not tuesday.event.title.startswith(main)  # the side clause's event, not the main clause's
    assert any(f"({main!r}), which came {order} it" in comment and f"`{order}`" in comment
               for comment in tuesday.comments), tuesday.comments  # fmt: skip


# -- 10. a sum of money: what it is of, in its currency ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "unit", "subject"),
    [
        ("ru", "Стоимость проекта составила 5 млрд рублей.", "RUB", "стоимость проекта"),
        ("ru", "Стоимость проекта составила 5 млрд долларов.", "USD", "стоимость проекта"),
        ("ru", "Общая стоимость проекта, по данным министерства, составила 5 млрд евро.", "EUR",
         "общая стоимость проекта"),
        ("ru", "Ущерб оценивается в 5 млрд руб.", "RUB", "ущерб"),
        ("ru", "Россия выделит 5 млрд рублей на восстановление.", "RUB", "Россия выделит"),
        ("uk", "Вартість проєкту склала 5 млрд гривень.", "UAH", "вартість проєкту"),
        ("uk", "Вартість проєкту становить 5 млрд грн.", "UAH", "вартість проєкту"),
        ("en", "The cost of the project reached $5 billion.", "USD", "The cost of the project"),
        ("en", "The cost of the project was 5 billion rubles, the minister said.", "RUB", "The cost of the project"),
    ],
    ids=["ru-rubles", "ru-dollars", "ru-euros-aside", "ru-abbreviation", "ru-no-amount-verb", "uk-hryvnias",
         "uk-abbreviation", "en-dollars", "en-rubles"],
)  # fmt: skip
def test_a_sum_of_money_is_claimed_in_its_currency_of_what_it_is_of(
    language: Language, sentence: str, unit: str, subject: str
) -> None:
    (figure,) = find_figures(sentence, language=language)
    assert (figure.unit, figure.subject) == (unit, subject)


def test_a_russian_sum_is_a_claim_in_its_currency_with_its_value_in_digits() -> None:
    proposals = _by_phrase("Стоимость проекта составила 5 млрд рублей, сообщил министр в пятницу.", "ru")
    (claim,) = proposals["в пятницу"].event.claims
    assert (claim.subject, claim.unit, claim.value.low, claim.claimant) == (
        "стоимость проекта",
        "RUB",
        5_000_000_000,
        "министр",
    )


# -- 11. a statement that opens an article without a headline is titled apart from the article --------------


KIM = "Kim said on Friday that the bridge would be finished by the end of the year."


def test_a_statement_opening_an_article_without_a_headline_is_titled_by_who_says_what() -> None:
    drafted = draft_article(article_from_text(KIM + "\n", "a.txt"), published=FRIDAY)
    by_kind = {p.event.kind: p.event for p in drafted.proposals}
    assert by_kind["report"].title == KIM.rstrip(".")  # the article itself: its first sentence
    assert by_kind["statement"].title == "Kim says the bridge would be finished by the end of the year"
    assert len({p.event.title for p in drafted.proposals}) == len(drafted.proposals)
    # under a headline, the article's title is the headline's, and the statement keeps its sentence
    headlined = draft_article(article_from_text(f"The bridge\n\n{KIM}\n", "a.txt"), published=FRIDAY)
    assert [p.event.title for p in headlined.proposals if p.event.kind == "statement"] == [KIM.rstrip(".")]


def test_a_russian_statement_titled_apart_from_the_article_says_who_and_what() -> None:
    text = "Песков заявил в пятницу, что переговоры с Киевом пока невозможны.\n"
    drafted = draft_article(article_from_text(text, "a.txt"), published=FRIDAY, language="ru")
    (statement,) = [p.event for p in drafted.proposals if p.event.kind == "statement"]
    assert statement.title == "Песков: переговоры с Киевом пока невозможны"


# -- 12. a plan told in the past ("would", "was to", "должен был", "мав") is read forward -----------------------


@pytest.mark.parametrize(
    ("language", "sentence", "phrase"),
    [
        ("en", "Kim said the bridge would be finished in June.", "in June"),
        ("en", "The bridge would be finished in June, officials said.", "in June"),
        ("ru", "Губернатор сказал, что мост должен быть достроен в июне.", "в июне"),
        ("ru", "Мост должен был быть достроен в июне.", "в июне"),
        ("ru", "Мост планировалось достроить в июне.", "в июне"),
        ("ru", "Мост собирались достроить в июне.", "в июне"),
        ("ru", "Губернатор намеревался достроить мост в июне.", "в июне"),
        ("uk", "Губернатор сказав, що міст повинен бути добудований у червні.", "у червні"),
        ("uk", "Міст мав бути добудований у червні.", "у червні"),
        ("uk", "Міст планувалося добудувати у червні.", "у червні"),
    ],
    ids=["en-would", "en-would-closing", "ru-dolzhen", "ru-dolzhen-byl", "ru-planirovalos", "ru-sobiralis", "ru-namerevalsya", "uk-povynen", "uk-mav",
         "uk-planuvalosya"],
)  # fmt: skip
def test_a_plan_told_in_the_past_is_read_forward(language: Language, sentence: str, phrase: str) -> None:
    event = _by_phrase(sentence, language)[phrase].event
    assert event.tense is Tense.FUTURE
    assert isinstance(event.when, UncertainDate)
    assert event.when.to_edtf() == "2025-06"


def test_would_marks_a_plan_and_would_have_does_not() -> None:
    plan = _by_phrase(KIM, "en")["by the end of the year"].event
    assert plan.tense is Tense.FUTURE
    assert isinstance(plan.when, UncertainDate)
    assert plan.when.to_edtf() == "[2025-03-14..2025-12-31]"  # from the Friday, not "before 2026"
    past = _by_phrase("The bridge would have been finished in February.", "en")["in February"].event
    assert past.tense is Tense.PAST
    assert isinstance(past.when, UncertainDate)
    assert past.when.to_edtf() == "2025-02"
