"""The parts of drafting: articles' headers, sentences, titles, what a date dates, and figures."""

from __future__ import annotations

import pytest

import chronology
from chronology import Comparison, Quantity, Tense
from chronology.draft.article import article_from_text
from chronology.draft.claims import find_figures
from chronology.draft.roles import Role, according_to, attributions, in_quotation, role_of, tense_of
from chronology.draft.sentences import split_sentences
from chronology.draft.titles import LONGEST, cut_title

# -- articles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dated", "body"),
    [
        (" date 2024-11-17 By Alberto Nardelli\n\nNorth Korea may deploy troops.", "2024-11-17", "North Korea"),
        ("Published: 12 March 2024\nThe ministry said so.", "2024-03-12", "The ministry"),
        ("12 March 2024 — The ministry said so.", "2024-03-12", "The ministry"),
        ("KYIV, 12 March 2024 (Reuters) - The ministry said so.", "2024-03-12", "The ministry"),
        ("MOSCOW-The United States says troops are in Russia.", None, "MOSCOW-The"),
        ("Troops moved on Friday.\nMore came later.", None, "Troops moved"),
    ],
    ids=["date line and byline", "labelled", "wire dateline", "place and agency", "place without date", "undated"],
)
def test_an_articles_own_date_is_read_from_its_dateline_only(text: str, dated: str | None, body: str) -> None:
    article = article_from_text(text, "a.txt")
    assert article.dated == (None if dated is None else chronology.parse(dated))
    assert article.body_text.startswith(body)


def test_a_relative_date_at_the_top_is_no_dateline() -> None:
    article = article_from_text("date Friday\nTroops moved.", "a.txt")
    assert article.dated is None
    assert article.dateline == ""


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Dockers plan a strike\n\nThe union said so on Friday.", "Dockers plan a strike"),
        ("What impact could they have?\nThe union said so.", "What impact could they have?"),
        ("The union said so on Friday.\nIt will strike.", ""),
        ("Title: Port strike\nThe union said so.", "Port strike"),
        ("A headline alone", ""),
    ],
    ids=["short first line", "a question", "a sentence", "labelled", "nothing after it"],
)
def test_a_headline_is_a_short_first_line_without_a_full_stop(text: str, headline: str) -> None:
    assert article_from_text(text, "a.txt").headline == headline


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Ana Lima and Bo Chen", ("Ana Lima", "Bo Chen")),
        ("By Ana Lima, Bo Chen and Cy Dee", ("Ana Lima", "Bo Chen", "Cy Dee")),
        ("By Tuesday, the troops had left.", ()),
    ],
    ids=["two", "three", "a sentence starting with By"],
)
def test_a_byline_names_the_authors(line: str, authors: tuple[str, ...]) -> None:
    assert article_from_text(f"{line}\nThe text goes on.", "a.txt").authors == authors


# -- sentences --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Troops moved. Officials said so.", ["Troops moved.", "Officials said so."]),
        ("He called it a “grave escalation.” This was new.", ["He called it a “grave escalation.”", "This was new."]),
        ("Gen. Smith met Mr. Kim in the U.S. on Oct. 3, 2024. Talks ended.", ["Gen. Smith met Mr. Kim in the U.S. on Oct. 3, 2024.", "Talks ended."]),
        ("J. R. Smith arrived. Then he left!", ["J. R. Smith arrived.", "Then he left!"]),
        ("Was it June? Nobody knows.", ["Was it June?", "Nobody knows."]),
        ("One line\nAnother line.", ["One line", "Another line."]),
        ("- US warns\n- Troops moved", ["- US warns", "- Troops moved"]),
    ],
    ids=["two", "a closing quotation", "abbreviations", "initials", "a question", "a line each", "bullets"],
)  # fmt: skip
def test_sentences_end_where_a_reader_would_end_them(text: str, sentences: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == sentences


def test_a_hard_wrapped_text_is_read_as_paragraphs() -> None:
    text = (
        "The ministry said on Monday that a mutual defence pact was signed in\n"
        "June during the visit, the first by a head of state in many years, and\n"
        "that more talks would follow in the autumn, officials told reporters here.\n"
        "\n"
        "A second paragraph starts here and it too runs on past the width of the\n"
        "line without a full stop at the end of each line of the paragraph text.\n"
    )
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert "signed in June during" in sentences[0].text
    assert text[sentences[0].start : sentences[0].end].startswith("The ministry")
    assert sentences[1].paragraph == 1


# -- titles -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Scholz told Putin Friday in a rare phone call.", "Scholz told Putin Friday in a rare phone call"),
        (
            "North Korea’s pledge to support Russia in Ukraine until victory raises alarm bells as reports suggest "
            "thousands of troops could be deployed.",
            "North Korea’s pledge to support Russia in Ukraine until victory raises alarm bells",
        ),
        (
            "North Korea is reportedly prepared to dispatch as many as 100,000 troops to assist Russia in its war "
            "against Ukraine, according to sources familiar with assessments.",
            "North Korea is reportedly prepared to dispatch as many as 100,000 troops to assist Russia in its war "
            "against Ukraine",
        ),
        ("MOSCOW-The United States says troops are in Russia.", "The United States says troops are in Russia"),
        ("— UK at the UN October 21, 2024", "UK at the UN October 21, 2024"),
        ("six officers were killed.", "Six officers were killed"),
    ],
    ids=["short", "cut before as", "not inside as many as", "dateline place", "a dash", "a capital"],
)
def test_a_title_is_the_sentence_cut_at_a_clause_boundary(sentence: str, title: str) -> None:
    assert cut_title(sentence) == title


def test_a_title_without_a_boundary_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "Officials " + "very " * 40 + "much agreed."
    title = cut_title(sentence)
    assert title.endswith("very…")
    assert len(title) <= LONGEST + 1
    assert sentence.startswith(title[:-1])


def test_a_title_is_not_cut_inside_a_quotation() -> None:
    sentence = "The Pentagon said on Monday that it is “increasingly concerned that Russia intends to use these soldiers in combat” in Kursk, a region."
    assert cut_title(sentence) == "The Pentagon said on Monday"


# -- what a date dates ------------------------------------------------------------------------------

ROLES = [
    ("The Pentagon said on Monday that troops moved.", "on Monday", Role.REPORT),
    ("The Pentagon said on Monday that troops moved in August.", "in August", Role.OCCURRENCE),
    ("On October 18, the agency said ships had sailed.", "On October 18", Role.REPORT),
    ("The agency said ships had sailed during the second week of October.", "during the second week of October", Role.OCCURRENCE),
    ("Scholz told Putin Friday in a rare phone call.", "Friday", Role.REPORT),
    ("Allies met in Lima this past week, another person said.", "this past week", Role.OCCURRENCE),
    ("Troops arrived, the ministry said on Tuesday.", "on Tuesday", Role.REPORT),
    ("Choe arrived in Russia on Tuesday.", "on Tuesday", Role.OCCURRENCE),
    ("In a video address on October 13, Zelensky also alleged troops had moved.", "on October 13", Role.REPORT),
    ("A letter sent in June to the ministry, who had resigned, was then alleged to be fake.", "in June", Role.UNCLEAR),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "phrase", "role"), ROLES, ids=[f"{r[2].value}: {r[1]}" for r in ROLES])
def test_a_date_dates_the_statement_or_what_it_reports_as_the_grammar_shows(
    sentence: str, phrase: str, role: Role
) -> None:
    start = sentence.index(phrase)
    assert role_of(sentence, start, start + len(phrase), attributions(sentence)).role is role


def test_what_a_statement_reports_starts_after_its_that() -> None:
    sentence = "Kim said it was “highly likely” that six officers were killed in a strike on October 3."
    start = sentence.index("on October 3")
    role = role_of(sentence, start, start + 12, attributions(sentence))
    assert sentence[role.clause :].startswith("six officers")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("MOSCOW-The United States says 10,000 troops moved.", "The United States"),
        ("Earlier this month, Ukraine’s ambassador, Dmytro Ponomarenko, told VOA so.", "Dmytro Ponomarenko"),
        ("Allies met, Bloomberg previously reported.", "Bloomberg"),
        ("He said troops moved.", ""),
        ("Troops moved amid reports that more would come.", None),
        ("A Russian media report put the death toll at 71,000.", "A Russian media report"),
    ],
    ids=["dateline stripped", "appositive", "adverb stripped", "a pronoun", "reports, the noun", "put the toll at"],
)
def test_who_speaks_is_the_words_before_the_verb(sentence: str, speaker: str | None) -> None:
    found = attributions(sentence)
    if speaker is None:
        assert found == []
    else:
        assert found[0].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "phrase", "tense"),
    [
        ("Scholz will press Xi at their meeting on Tuesday.", "on Tuesday", Tense.FUTURE),
        ("The summit is to open on Tuesday.", "on Tuesday", Tense.FUTURE),
        ("Troops will stay, officials said on Tuesday.", "on Tuesday", Tense.PAST),
        ("Troops arrived on Tuesday.", "on Tuesday", Tense.PAST),
        ("The soldiers may be rotated in March, officials said.", "in March", Tense.FUTURE),
        ("Talks are set for January.", "January", Tense.FUTURE),
        ("North Korea may double that by spring.", "by spring", Tense.FUTURE),
        ("The next shipment is due on Monday.", "on Monday", Tense.FUTURE),
        ("The troops may have arrived in March.", "in March", Tense.PAST),
        ("Flights were cancelled due to fog on Monday.", "on Monday", Tense.PAST),
        ("They'll meet on Friday.", "on Friday", Tense.FUTURE),
    ],
    ids=[
        "will",
        "is to",
        "will in another clause",
        "past",
        "may be",
        "set for",
        "may double that",
        "next, due",
        "may have",
        "due to",
        "'ll",
    ],
)
def test_a_clause_that_says_will_or_a_plan_or_a_modal_points_forward(sentence: str, phrase: str, tense: Tense) -> None:
    assert tense_of(sentence, sentence.index(phrase)) is tense


def test_quotations_and_according_to() -> None:
    sentence = "“We stop tomorrow,” he said, according to German officials."
    assert in_quotation(sentence, sentence.index("tomorrow"))
    assert not in_quotation(sentence, sentence.index("he said"))
    assert according_to(sentence) == "German officials"


# -- figures ----------------------------------------------------------------------------------------

FIGURES = [
    ("North Korea may deploy up to 100,000 troops to support Russia’s war.", "up to 100,000", "troops", Comparison.UP_TO),
    ("It has sent more than 10,000 troops.", "more than 10,000", "troops", Comparison.MORE_THAN),
    ("Ships moved 1,500 North Korean soldiers to Russia.", "1,500", "soldiers", Comparison.EXACTLY),
    ("Soldiers are paid approximately $2,000 each.", "approximately $2,000", "USD", Comparison.ABOUT),
    ("Six North Korean officers were killed.", "6", "officers", Comparison.EXACTLY),
    ("The US says an estimated 10,000 soldiers are there.", "an estimated 10,000", "soldiers", Comparison.ABOUT),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "value", "unit", "comparison"), FIGURES, ids=[f[1] for f in FIGURES])
def test_a_figure_and_what_it_counts_becomes_a_claim(
    sentence: str, value: str, unit: str, comparison: Comparison
) -> None:
    (figure,) = find_figures(sentence)
    assert figure.value == value
    assert figure.unit == unit
    assert Quantity.parse(figure.value).comparison is comparison


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first visit in 24 years.",
        "It grew by 70% in 2023.",
        "The two countries signed a pact.",
        "The G20 summit met in Group of 20 (G20) format.",
        "It is 83 years’ wages.",
        "The UN Security Council discussed Resolution 2231.",
    ],
    ids=["years", "a share", "two", "G20", "years’", "a resolution's number"],
)
def test_what_counts_time_or_a_share_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("More than 50,000 US soldiers are stationed in Japan, and nearly 500 are officers.", ["nearly 500"]),
        ("North Korea has sent about 3,000 more troops to Russia since late October, according to South Korea's "
         "spy agency, bringing the total to about 13,000.", ["about 13,000"]),
        ("More than 1,500 of them are special forces, the agency said, and nearly 500 are officers.",
         ["More than 1,500", "nearly 500"]),
    ],
    ids=["nearly 500 are officers", "the total to about 13,000", "of them, nearly 500 are"],
)  # fmt: skip
def test_a_figure_that_counts_nothing_beside_it_is_found_but_not_counted(sentence: str, values: list[str]) -> None:
    assert [f.value for f in find_figures(sentence) if not f.counted] == values


def test_more_before_what_a_figure_counts_is_part_of_it() -> None:
    sentence = "North Korea has sent about 3,000 more troops to Russia since late October."
    (figure,) = find_figures(sentence)
    assert (figure.value, figure.unit, figure.counted) == ("about 3,000", "troops", True)


def test_a_number_inside_a_date_phrase_is_no_figure() -> None:
    sentence = "Troops arrived in 1500 boats on 3 October 2024."
    start = sentence.index("on 3 October 2024")
    figures = find_figures(sentence, skip=[(start, start + len("on 3 October 2024"))])
    assert [f.value for f in figures] == ["1500"]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Up to 5,000 workers could walk out, according to the union.", "the union"),
        ("The NIS said ships moved 1,500 soldiers.", "The NIS"),
        ("Ships moved 1,500 soldiers, officials said.", "officials"),
        ("Ships moved 1,500 soldiers.", ""),
    ],
    ids=["according to", "a speaker before", "a closing speaker", "nobody"],
)
def test_a_claimant_is_who_the_sentence_says_claims_it(sentence: str, claimant: str) -> None:
    (figure,) = find_figures(sentence, speakers=attributions(sentence))
    assert figure.claimant == claimant
