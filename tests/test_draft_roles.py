"""Clauses in Russian, Ukrainian, Korean and English: future verbs, clock times, claimants, statements and titles."""

from __future__ import annotations

import datetime

import pytest

from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.draft.claims import find_figures
from chronology.draft.cues import Language
from chronology.draft.propose import ArticleDraft, Proposal
from chronology.draft.roles import Role, attributions, claimant, role_of

pytest.importorskip("pymorphy3")

#: The articles below are of Monday 21 October 2024.
MONDAY = UncertainDate.parse("2024-10-21")


def _draft(sentence: str, language: Language, published: UncertainDate = MONDAY) -> ArticleDraft:
    return draft_article(
        article_from_text(f"Заголовок\n\n{sentence}\n", "a.txt"), published=published, language=language
    )


def _proposal(drafted: ArticleDraft, phrase: str) -> Proposal:
    return next(p for p in drafted.proposals if p.phrase == phrase)


def _days(value: object) -> tuple[str, str]:
    assert isinstance(value, UncertainDate)
    day = datetime.date.fromordinal
    return day(value.earliest_day).isoformat(), day(value.latest_day).isoformat()


def _claimants(drafted: ArticleDraft) -> list[str]:
    return [claim.claimant for p in drafted.proposals for claim in p.event.claims]


# -- 1. a verb in the future reads its date forward ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "days", "future"),
    [
        ("ru", "Переговоры пройдут в пятницу в Стамбуле.", "в пятницу", ("2024-10-25", "2024-10-25"), True),
        ("ru", "Путин посетит Казань в четверг.", "в четверг", ("2024-10-24", "2024-10-24"), True),
        ("ru", "Лавров проведет встречу во вторник.", "во вторник", ("2024-10-22", "2024-10-22"), True),
        ("ru", "Саммит состоится в начале ноября.", "в начале ноября", ("2024-11-01", "2024-11-10"), True),
        ("ru", "В пятницу Путин и Си проведут переговоры.", "В пятницу", ("2024-10-25", "2024-10-25"), True),
        ("ru", "Делегация прилетит в среду, сообщили в МИД.", "в среду", ("2024-10-23", "2024-10-23"), True),
        ("ru", "Лавров провел переговоры в пятницу и проведет новые во вторник.", "в пятницу",
         ("2024-10-18", "2024-10-18"), False),
        ("ru", "Лавров провел переговоры в пятницу и проведет новые во вторник.", "во вторник",
         ("2024-10-22", "2024-10-22"), True),
        ("ru", "Учения прошли в пятницу.", "в пятницу", ("2024-10-18", "2024-10-18"), False),
        ("uk", "Переговори відбудуться у п'ятницю.", "у п'ятницю", ("2024-10-25", "2024-10-25"), True),
        ("uk", "Зеленський відвідає Брюссель у четвер.", "у четвер", ("2024-10-24", "2024-10-24"), True),
        ("uk", "Навчання відбулися у п'ятницю.", "у п'ятницю", ("2024-10-18", "2024-10-18"), False),
        ("ko", "양국은 수요일에 협정에 서명할 예정이다.", "수요일", ("2024-10-23", "2024-10-23"), True),
        ("ko", "북한과 러시아는 목요일에 회담을 열 것이다.", "목요일", ("2024-10-24", "2024-10-24"), True),
        ("ko", "북한은 금요일에 미사일을 발사하겠다고 위협했다.", "금요일", ("2024-10-25", "2024-10-25"), True),
        ("ko", "북한은 금요일에 미사일을 발사했다.", "금요일", ("2024-10-18", "2024-10-18"), False),
        ("en", "The talks will be held on Friday.", "on Friday", ("2024-10-25", "2024-10-25"), True),
        ("en", "The talks were held on Friday.", "on Friday", ("2024-10-18", "2024-10-18"), False),
    ],
    ids=[
        "ru perfective", "ru visit", "ru holds", "ru month part", "ru verb after", "ru closing attribution",
        "ru past before", "ru future after", "ru past", "uk perfective", "uk visit", "uk past", "ko 예정", "ko ㄹ 것",
        "ko 겠", "ko past", "en will", "en past",
    ],
)  # fmt: skip
def test_a_verb_in_the_future_reads_its_date_forward(
    language: Language, sentence: str, phrase: str, days: tuple[str, str], future: bool
) -> None:
    event = _proposal(_draft(sentence, language), phrase).event
    assert _days(event.when) == days
    assert (event.tense.value == "future") is future


# -- 2. a clock time is never a figure -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "figures"),
    [
        ("ru", "Заседание Совбеза начнется около 15:00 по московскому времени.", []),
        ("ru", "Заседание начнется в 15.00 мск, придут до 200 депутатов.", [("до 200", "депутатов")]),
        ("uk", "Засідання почнеться близько 15:00 за київським часом.", []),
        ("en", "The council met at about 3 p.m. and again at 17:30 with 1,500 delegates.", [("1,500", "delegates")]),
        ("ko", "회의는 약 15시에 시작했으며 오후 3시 30분에 끝났다.", []),
    ],
    ids=["ru", "ru with a figure", "uk", "en", "ko"],
)
def test_a_clock_time_is_never_a_figure(language: Language, sentence: str, figures: list[tuple[str, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence, language=language)] == figures


def test_a_clock_time_is_no_claim_nor_a_leftover_figure() -> None:
    drafted = _draft("Заседание Совбеза начнется около 15:00 по московскому времени.", "ru")
    assert _claimants(drafted) == []
    assert not [leftover for leftover in drafted.leftovers if "15" in leftover.phrase]


# -- 3, 4, 5. claimants: no date phrase, in the nominative, the speaker who is the subject ----------------------


@pytest.mark.parametrize(
    ("language", "sentence", "who"),
    [
        ("ru", "Как сообщил Генштаб ВСУ на прошлой неделе, в Курской области находятся до 12 тысяч военных КНДР.",
         "Генштаб ВСУ"),
        ("ru", "Национальная служба разведки Южной Кореи (НИС) позавчера сообщила, что в Россию прибыли 3000 военных.",
         "Национальная служба разведки Южной Кореи (НИС)"),
        ("ru", "Три дня назад Пентагон заявил, что в Курской области находятся 8000 военных КНДР.", "Пентагон"),
        ("en", "In the fall of 2024 the NIS said about 10,000 North Korean troops had been sent to Russia.", "the NIS"),
        ("ru", "По данным источника, до 5000 военных прибыли в Приморье 3 октября.", "источник"),
        ("uk", "За словами джерела УП, минулого тижня до Курської області прибули понад 10 000 військових КНДР.",
         "джерело УП"),
        ("ru", "По данным разведки, до 100 000 военных могут быть направлены к концу года.", "разведка"),
        ("ru", "По данным Национальной службы разведки Южной Кореи, 18 октября в Россию прибыли 3000 военных.",
         "Национальная служба разведки Южной Кореи"),
        ("ru", "По данным ГУР, 5 октября в Курской области находились 11 000 военных КНДР.", "ГУР"),
        ("ru", "В понедельник, 4 ноября, президент Украины Владимир Зеленский сказал, что Пхеньян может направить в "
               "Россию до 100 тысяч военных.", "президент Украины Владимир Зеленский"),
        ("ru", "Зеленский сказал 4 ноября, что Пхеньян может направить в Россию до 100 тысяч военных.", "Зеленский"),
        ("ru", "Осенью 2024 года КНДР может отправить еще до 12 тысяч военных, считают в разведке.", "разведка"),
        ("uk", "Восени КНДР може відправити ще до 12 тисяч військових, вважають у розвідці.", "розвідка"),
        ("uk", "До Курської області прибули понад 10 000 військових КНДР, повідомив у неділю міністр оборони Рустем "
               "Умєров.", "міністр оборони Рустем Умєров"),
        ("en", "Zelenskiy said on Monday that up to 100,000 troops could be sent.", "Zelenskiy"),
        ("ko", "국정원에 따르면 북한군 1만2천 명이 화요일에 러시아에 도착했다.", "국정원"),
        ("ko", "북한군 1만 명이 지난 8일 쿠르스크에 배치됐다고 국방부가 밝혔다.", "국방부"),
    ],
    ids=[
        "ru aside with its date", "ru date after the speaker", "ru date before the speaker", "en fronted date",
        "ru genitive", "uk genitive with an abbreviation", "ru по данным", "ru adjective and noun", "ru abbreviation",
        "ru lower-case subject", "ru subject", "ru closing в + locative", "uk closing у + locative",
        "uk closing speaker after a date", "en subject", "ko 에 따르면", "ko subject particle",
    ],
)  # fmt: skip
def test_a_claimant_is_who_claims_named_as_a_claimant(language: Language, sentence: str, who: str) -> None:
    assert _claimants(_draft(sentence, language, UncertainDate.parse("2024-11-04"))) == [who]


@pytest.mark.parametrize(
    ("words", "language", "case", "named"),
    [
        ("источника", "ru", "gent", "источник"),
        ("Владимира Зеленского", "ru", "gent", "Владимир Зеленский"),
        ("президента Украины", "ru", "gent", "президент Украины"),
        ("западных чиновников", "ru", "gent", "западные чиновники"),
        ("источнику", "ru", "datv", "источник"),
        ("в МИД", "ru", "", "МИД"),
        ("его", "ru", "gent", ""),
        ("Генштаб ВСУ", "ru", "", "Генштаб ВСУ"),
        ("джерелом", "uk", "ablt", "джерело"),
        ("the union", "en", "", "the union"),
    ],
    ids=["noun", "a name", "a noun and what follows", "plural", "dative", "preposition and abbreviation", "pronoun",
         "nominative", "uk instrumental", "en"],
)  # fmt: skip
def test_a_claimant_is_named_in_the_nominative(words: str, language: Language, case: str, named: str) -> None:
    assert claimant(words, language, case) == named


# -- 6. statements -------------------------------------------------------------------------------------------


def test_a_date_in_an_aside_dates_the_statement_that_reports_the_rest() -> None:
    drafted = _draft("Как сообщил Генштаб в пятницу, два дня назад в Курской области погибли военные КНДР.", "ru")
    statement = _proposal(drafted, "в пятницу").event
    reported = _proposal(drafted, "два дня назад").event
    assert statement.kind == "statement"
    assert statement.title == "Генштаб: два дня назад в Курской области погибли военные КНДР"  # apart from it
    assert reported.title == "Два дня назад в Курской области погибли военные КНДР"
    assert _days(statement.when) == ("2024-10-18", "2024-10-18")
    assert _days(reported.when) == ("2024-10-16", "2024-10-16")  # two days before the statement, not the article
    assert (reported.anchor, statement.reports) == (statement.id, (reported.id,))


def test_an_aside_with_its_date_is_a_statement_titled_by_what_it_reports() -> None:
    sentence = "Как сообщил Генштаб ВСУ на прошлой неделе, в Курской области находятся до 12 тысяч военных КНДР."
    event = _proposal(_draft(sentence, "ru"), "на прошлой неделе").event
    assert (event.kind, event.title) == ("statement", "В Курской области находятся до 12 тысяч военных КНДР")
    assert [claim.claimant for claim in event.claims] == ["Генштаб ВСУ"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Песков назвал в пятницу эти сообщения фальшивкой."),
        ("ru", "Песков отметил в пятницу, что Кремль не видит угроз."),
        ("ru", "Песков подчеркнул в пятницу, что Кремль не видит угроз."),
        ("ru", "Песков уточнил в пятницу, что Кремль не видит угроз."),
        ("ru", "Песков сообщил в пятницу, что Кремль не видит угроз."),
        ("ru", "Песков рассказал в пятницу, что Кремль не видит угроз."),
        ("ru", "ТАСС передает в пятницу, что Кремль не видит угроз."),
        ("uk", "Зеленський зазначив у п'ятницю, що партнери мають діяти."),
        ("uk", "Зеленський наголосив у п'ятницю, що партнери мають діяти."),
        ("uk", "Зеленський розповів у п'ятницю, що партнери мають діяти."),
        ("uk", "Укрінформ передає у п'ятницю, що партнери мають діяти."),
    ],
    ids=["назвал", "отметил", "подчеркнул", "уточнил", "сообщил", "рассказал", "передает", "зазначив", "наголосив",
         "розповів", "передає"],
)  # fmt: skip
def test_speech_verbs_make_statements(language: Language, sentence: str) -> None:
    phrase = "в пятницу" if language == "ru" else "у п'ятницю"
    start = sentence.index(phrase)
    found = attributions(sentence, language, [(start, start + len(phrase))])
    assert role_of(sentence, start, start + len(phrase), found, language).role is Role.REPORT
    assert _proposal(_draft(sentence, language), phrase).event.kind == "statement"


# -- 7. a closing speaker ----------------------------------------------------------------------------------------


def test_a_closing_speaker_makes_a_statement_titled_by_what_was_said() -> None:
    sentence = (
        "Північнокорейські військові вже беруть участь у боях у Курській області, повідомив у неділю міністр "
        "оборони Рустем Умєров."
    )
    event = _proposal(_draft(sentence, "uk", UncertainDate.parse("2024-11-04")), "у неділю").event
    assert (event.kind, event.title) == (
        "statement",
        "Північнокорейські військові вже беруть участь у боях у Курській області",
    )
    assert _days(event.when) == ("2024-11-03", "2024-11-03")


def test_a_closing_speaker_reports_the_dated_event_of_its_clause() -> None:
    sentence = (
        "У ніч на 3 листопада Харків атакували керовані авіабомби, повідомив у неділю очільник ОВА Олег Синєгубов."
    )
    drafted = _draft(sentence, "uk", UncertainDate.parse("2024-11-04"))
    statement = _proposal(drafted, "у неділю").event
    night = _proposal(drafted, "У ніч на 3 листопада").event
    assert statement.kind == "statement"
    assert statement.title == "Очільник ОВА Олег Синєгубов: у ніч на 3 листопада Харків атакували керовані авіабомби"
    assert night.title == "У ніч на 3 листопада Харків атакували керовані авіабомби"
    assert statement.reports == (night.id,)


# -- 8. words that open a sentence are no part of its title -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "title"),
    [
        ("ru", "Ранее, 3 октября, министр иностранных дел Сергей Лавров провел переговоры с северокорейской коллегой.",
         "3 октября", "Министр иностранных дел Сергей Лавров провел переговоры с северокорейской коллегой"),
        ("ru", "По его словам, договор, подписанный в июне, не направлен против третьих стран.", "в июне",
         "Договор, подписанный в июне"),
        ("ru", "Кроме того, 5 октября в Минске прошли учения.", "5 октября", "5 октября в Минске прошли учения"),
        ("ru", "При этом, в июне стороны подписали договор о партнерстве.", "в июне",
         "В июне стороны подписали договор о партнерстве"),
        ("uk", "Раніше, 3 жовтня, міністр закордонних справ провів переговори у Мінську.", "3 жовтня",
         "Міністр закордонних справ провів переговори у Мінську"),
        ("uk", "За його словами, договір, підписаний у червні, не спрямований проти третіх країн.", "у червні",
         "Договір, підписаний у червні"),
        ("en", "Earlier, on October 3, Lavrov met his counterpart in Moscow.", "on October 3",
         "Lavrov met his counterpart in Moscow"),
        ("en", "According to him, the treaty signed in June is not aimed at third countries.", "in June",
         "The treaty signed in June is not aimed at third countries"),
    ],
    ids=["Ранее", "По его словам", "Кроме того", "При этом", "Раніше", "За його словами", "Earlier",
         "According to him"],
)  # fmt: skip
def test_opening_words_are_left_out_of_a_title(language: Language, sentence: str, phrase: str, title: str) -> None:
    assert _proposal(_draft(sentence, language), phrase).event.title == title
