"""What a drafted date dates, as the second trial found it misread: tense, side clauses, fronted dates, titles, claims."""

from __future__ import annotations

import datetime
import io

import pytest

from chronology.cli import main
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article
from chronology.draft.claims import find_figures
from chronology.draft.cues import Language
from chronology.draft.language import grammar_for
from chronology.draft.propose import ArticleDraft, Proposal
from chronology.draft.roles import Role, attributions, claimant, role_of, side_clause
from chronology.draft.sentences import split_sentences
from chronology.notation.find import find_dates
from chronology.notation.quantity import parse_quantity
from chronology.relative import Tense

PUBLISHED = UncertainDate.parse("2024-11-04")


def _draft(text: str, language: Language) -> ArticleDraft:
    return draft_article(article_from_text(f"Заголовок\n\n{text}\n", "a.txt"), published=PUBLISHED, language=language)


def _proposal(drafted: ArticleDraft, phrase: str) -> Proposal:
    return next(p for p in drafted.proposals if p.phrase == phrase)


def _first_day(value: object) -> str:
    assert isinstance(value, UncertainDate)
    return datetime.date.fromordinal(value.earliest_day).isoformat()


# -- 1. a verb pymorphy3 may read in the present tells the present ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "tense", "first_day"),
    [
        ("uk", "За даними ГУР, станом на 1 жовтня у Курській області перебувають понад 11 000 військових КНДР.",
         "на 1 жовтня", Tense.PAST, "2024-10-01"),
        ("uk", "У жовтні у Курській області перебуває 3000 військових КНДР.", "У жовтні", Tense.PAST, "2024-10-01"),
        ("ru", "В октябре в Курской области находятся около 3000 военных КНДР.", "В октябре", Tense.PAST,
         "2024-10-01"),
        ("ru", "В октябре в Курской области остаются около 3000 военных КНДР.", "В октябре", Tense.PAST,
         "2024-10-01"),
        ("uk", "У грудні військові КНДР прибудуть у Курську область.", "У грудні", Tense.FUTURE, "2024-12-01"),
        ("ru", "В декабре переговоры пройдут в Москве.", "В декабре", Tense.FUTURE, "2024-12-01"),
    ],
    ids=["uk-perebuvayut", "uk-perebuvaye", "ru-nakhodyatsya", "ru-ostayutsya", "uk-prybudut", "ru-proydut"],
)  # fmt: skip
def test_a_verb_is_future_only_where_no_reading_of_it_is_present(
    language: Language, sentence: str, phrase: str, tense: Tense, first_day: str
) -> None:
    event = _proposal(_draft(sentence, language), phrase).event
    assert event.tense is tense
    assert _first_day(event.when) == first_day


def test_as_of_written_before_a_date_the_reader_leaves_out_is_said_in_a_comment() -> None:
    sentence = "За даними ГУР, станом на 1 жовтня у Курській області перебувають понад 11 000 військових КНДР."
    proposal = _proposal(_draft(sentence, "uk"), "на 1 жовтня")
    assert any("'станом на 1 жовтня'" in comment for comment in proposal.comments)


# -- 2. a date in a side clause dates that clause's event ------------------------------------------------------

KURSK = (
    "North Korea has so far sent more than 10,000 troops to fight alongside Putin’s army in Russia’s Kursk region, "
    "where Ukrainian forces have occupied part of the border territory since a surprise incursion in August."
)
PENTAGON = (
    "The Pentagon said on Monday that it is “increasingly concerned that Russia intends to use these soldiers in "
    "combat” in Kursk, a Russian region on the border with Ukraine that was invaded by Kyiv’s forces in August."
)
TREATY = (
    "На прошлой неделе президент России Владимир Путин, отвечая на вопросы журналистов по итогам саммита БРИКС в "
    "Казани, заявил, что Россия и КНДР сами решат, как выполнять договор о всеобъемлющем стратегическом "
    "партнерстве, подписанный в июне."
)


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "clause"),
    [
        ("en", KURSK, "in August",
         "Ukrainian forces have occupied part of the border territory since a surprise incursion in August"),
        ("en", PENTAGON, "in August",
         "a Russian region on the border with Ukraine that was invaded by Kyiv’s forces in August"),
        ("en", "Troops are fighting in Kursk, invaded by Kyiv's forces in August.", "in August",
         "Kursk, invaded by Kyiv's forces in August"),
        ("ru", TREATY, "в июне", "договор о всеобъемлющем стратегическом партнерстве, подписанный в июне"),
        ("uk", "Зеленський нагадав про угоду, яку Путін і Кім підписали у червні.", "у червні",
         "угоду, яку Путін і Кім підписали у червні"),
        ("uk", "Зеленський нагадав про угоду про партнерство, підписану у червні.", "у червні",
         "угоду про партнерство, підписану у червні"),
    ],
    ids=["where", "that-was", "en-participle", "ru-participle", "uk-yaku", "uk-participle"],
)  # fmt: skip
def test_a_side_clause_is_read_with_the_noun_it_tells_of(
    language: Language, sentence: str, phrase: str, clause: str
) -> None:
    start = sentence.index(phrase)
    found = side_clause(sentence, start, start + len(phrase), 0, language)
    assert found is not None
    assert found.text == clause


def test_a_preposition_phrase_is_no_side_clause() -> None:
    sentence = "The talks were held before the summit on Monday."
    start = sentence.index("on Monday")
    assert side_clause(sentence, start, start + len("on Monday")) is None


def test_a_side_clauses_event_holds_no_figure_of_the_main_clause() -> None:
    drafted = draft_article(article_from_text(KURSK, "kursk.txt"), published=PUBLISHED, language="en")
    august = _proposal(drafted, "in August").event
    assert august.title.startswith("Ukrainian forces have occupied")
    assert august.claims == ()
    own = next(p.event for p in drafted.proposals if p.event.kind == "report")
    assert [claim.value.text for claim in own.claims] == ["more than 10,000"]


def test_a_statement_does_not_report_a_side_clauses_event() -> None:
    drafted = draft_article(article_from_text(PENTAGON, "pentagon.txt"), published=PUBLISHED, language="en")
    statement, august = _proposal(drafted, "on Monday").event, _proposal(drafted, "in August").event
    assert statement.kind == "statement"
    assert august.id not in statement.reports
    assert august.title.startswith("A Russian region on the border with Ukraine that was invaded")
    assert statement.title.startswith("The Pentagon says it is “increasingly concerned")  # 4: who says what


def test_a_participle_phrase_dates_what_it_tells_not_the_main_clause() -> None:
    drafted = _draft(TREATY, "ru")
    june, statement = _proposal(drafted, "в июне").event, _proposal(drafted, "На прошлой неделе").event
    assert june.title == "Договор о всеобъемлющем стратегическом партнерстве, подписанный в июне"
    assert june.id not in statement.reports


# -- 3. a date before the speaker dates the statement in Russian and Ukrainian --------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "phrase", "speaker"),
    [
        ("ru", "В пятницу Национальная служба разведки (НСР) Южной Кореи заявила, что КНДР приняла решение "
               "отправить в Россию около 12 тыс. военных.", "В пятницу",
         "Национальная служба разведки (НСР) Южной Кореи"),
        ("uk", "У неділю президент Володимир Зеленський заявив, що Україна фіксує зростання кількості військових.",
         "У неділю", "президент Володимир Зеленський"),
        ("ru", TREATY, "На прошлой неделе", "президент России Владимир Путин"),
    ],
    ids=["ru-v-pyatnitsu", "uk-u-nedilyu", "ru-aside-by-a-gerund"],
)  # fmt: skip
def test_a_date_opening_the_sentence_before_its_speaker_dates_the_statement(
    language: Language, sentence: str, phrase: str, speaker: str
) -> None:
    start = sentence.index(phrase)
    verbs = attributions(sentence, language, [(start, start + len(phrase))])
    role = role_of(sentence, start, start + len(phrase), verbs, language)
    assert role.role is Role.REPORT
    assert verbs[0].speaker == speaker
    assert _proposal(_draft(sentence, language), phrase).event.kind == "statement"


def test_a_date_before_another_clause_is_not_the_statements() -> None:
    sentence = "В пятницу КНДР отправила войска, министр заявил, что это так."
    verbs = attributions(sentence, "ru", [(0, 9)])
    assert role_of(sentence, 0, 9, verbs, "ru").role is Role.UNCLEAR


# -- 4. a title says what happened, not who said it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "phrase", "title"),
    [
        ("ru", "На прошлой неделе, по данным ГУР Минобороны Украины, на полигонах в Приморье проходили подготовку "
               "около 2600 северокорейских военных.", "На прошлой неделе",
         "На полигонах в Приморье проходили подготовку около 2600 северокорейских военных"),
        ("uk", "За словами джерела УП у Генштабі, наступного тижня очікується перекидання ще кількох тисяч "
               "військових.", "наступного тижня", "Наступного тижня очікується перекидання ще кількох тисяч військових"),
        ("ru", "Вчера президент Украины Владимир Зеленский заявил, что, по данным ГУР, КНДР готовит к отправке до "
               "10 000 военных.", "Вчера", "КНДР готовит к отправке до 10 000 военных"),
        ("uk", "Військові КНДР уже беруть участь у бойових діях. Про це у вівторок повідомили в Головному управлінні "
               "розвідки.", "у вівторок", "Військові КНДР уже беруть участь у бойових діях"),
    ],
    ids=["ru-po-dannym", "uk-za-slovamy", "ru-zayavil-chto-po-dannym", "uk-pro-tse"],
)  # fmt: skip
def test_a_title_is_what_happened_not_the_attribution(language: Language, text: str, phrase: str, title: str) -> None:
    assert _proposal(_draft(text, language), phrase).event.title == title


def test_a_posts_signature_dates_the_post_whose_text_is_above_it() -> None:
    text = (
        "The statement comes amid reports that North Korea may deploy up to 10,000 troops to support Russian forces "
        "in Ukraine, a move that would signal a significant escalation in the conflict and a clear demonstration of "
        "North Korea’s commitment to its Russian allies, and so much more besides.\n"
        "The UK assesses that it is highly likely North Korea has agreed to send troops.\n"
        "Putin is clearly desperate. pic.twitter.com/Srum41rvMG\n"
        "— UK at the UN (@UKUN_NewYork) October 21, 2024\n"
    )
    sentences = [sentence.text for sentence in split_sentences(text)]
    assert sentences[-1].startswith("The UK assesses that")
    assert sentences[-1].endswith("(@UKUN_NewYork) October 21, 2024")
    assert sentences[0].startswith("The statement comes")


# -- 5. claims: claimants without adverbs, what is counted, values in digits ---------------------------------


@pytest.mark.parametrize(
    ("language", "words", "named"),
    [("ru", "Ранее в Пентагоне", "Пентагон"), ("uk", "Раніше у Пентагоні", "Пентагон")],
)
def test_an_adverb_before_a_claimant_is_no_part_of_it(language: Language, words: str, named: str) -> None:
    assert claimant(words, language) == named


@pytest.mark.parametrize(
    ("language", "sentence", "value", "unit", "subject", "claimant_"),
    [
        ("ko", "앞서 우크라이나 정보당국은 지난주 북한군 약 1만 명이 러시아에서 훈련을 받고 있다고 주장했다.",
         "about 10,000", "명", "북한군", "우크라이나 정보당국"),
        ("ko", "국정원은 어제 국회 정보위원회 비공개 회의에서 북한이 파병 대가로 병사 1인당 월 약 2천 달러를 받는 것으로 "
               "파악했다고 보고했다.", "about 2,000", "USD", "병사 1인당 월", "국정원"),
        ("en", "Soldiers are being paid about $2,000 each, officials said.", "about $2,000", "USD",
         "Soldiers are being paid (each)", "officials"),
        ("ru", "Ранее в Пентагоне заявили, что в Россию прибыли около 10 тыс. военнослужащих КНДР.", "about 10,000",
         "военнослужащих", "военнослужащих КНДР", "Пентагон"),
        ("uk", "До кінця року Росія може залучити до 100 тисяч військових КНДР, вважають у розвідці.", "up to 100,000",
         "військових", "військових КНДР", "розвідка"),
        ("en", "Up to 1.5 million people fled.", "Up to 1,500,000", "people", "people fled", ""),
    ],
    ids=["ko-apseo", "ko-per-soldier", "en-each", "ru-ranee", "uk-100-thousand", "en-million"],
)  # fmt: skip
def test_a_claim_is_what_is_counted_by_whom_in_digits(
    language: Language, sentence: str, value: str, unit: str, subject: str, claimant_: str
) -> None:
    dates = [(p.start, p.end) for p in find_dates(sentence, grammar_for(language))]  # as a draft skips them
    figures = find_figures(sentence, skip=dates, speakers=attributions(sentence, language, dates), language=language)
    (figure,) = [f for f in figures if f.unit]
    assert (figure.english, figure.unit, figure.subject, figure.claimant) == (value, unit, subject, claimant_)
    assert parse_quantity(figure.english).text == value


# -- 6. the wrong-language warning says what happens -----------------------------------------------------------


def test_the_wrong_language_warning_says_latin_dates_are_still_read(tmp_path: pytest.TempPathFactory) -> None:
    article = tmp_path / "en.txt"  # type: ignore[operator]
    article.write_text(
        "Troops moved\n\nOn October 18, the NIS said North Korea had sent troops. Officials met on Tuesday. "
        "North Korea will send more troops next week, officials said. They arrived in Russia in October.\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    code = main(["draft", str(article), "--language", "ko", "--published", "2024-11-04", "-o",
                 str(tmp_path / "out.toml")], out=io.StringIO(), err=err)  # type: ignore[operator]  # fmt: skip
    assert code == 0
    assert "are still read" in err.getvalue()
    assert "neither drafted nor kept" not in err.getvalue()
