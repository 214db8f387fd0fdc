"""Finding date phrases in running text: spans, readings, the longest phrase, and words that only look like dates."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology.errors import WrongTypeError
from chronology.notation import DatePhrase, find_dates, parse_expression
from chronology.relative import RelativeDate

#: A sentence, and the phrases a reader finds in it, in order.
FOUND = [
    ("The Pentagon said on Monday that troops were moved.", ["on Monday"], "weekday with its lead"),
    (
        "On October 18, the agency said ships had transferred soldiers during the second week of October.",
        ["On October 18", "during the second week of October"],
        "a report date and an occurrence",
    ),
    ("Scholz told Putin Friday in a phone call.", ["Friday"], "bare weekday"),
    ("Kim visited Russia’s Far East in September 2023, where talks began.", ["in September 2023"], "month and year"),
    ("Three weeks ago, the minister spoke.", ["Three weeks ago"], "a distance"),
    ("As of October 1, losses stood at 654,430.", ["As of October 1"], "as of, not the figure"),
    ("The 1950-1953 Korean War ended in an armistice.", ["1950-1953"], "a span of years"),
    ("The town was founded c. 1400 and sacked before 23 August 1456.", ["c. 1400", "before 23 August 1456"], "hedge"),
    ("Troops arrived between 3 and 5 October 2024, officials said.", ["between 3 and 5 October 2024"], "one range"),
    ("It lasted from March to May 1665; nobody knows more.", ["from March to May 1665"], "a lasting range"),
    ("He arrived on Oct. 3, 2024.", ["on Oct. 3, 2024"], "abbreviated month with its day"),
    ("They met on Sat 12 Oct 2024 at noon.", ["on Sat 12 Oct 2024 at noon"], "a dateline and its time"),
    ("The fire began on 5 September\n1666 in a bakery.", ["on 5 September 1666"], "a line break"),
    ("In May, troops arrived. Theresa May spoke.", ["In May"], "May with its lead, not the name"),
    ("They will meet in 3 days.", ["in 3 days"], "in N days, forward"),
    ("It was the first visit in 24 years. They meet in 3 days.", ["in 3 days"], "only the second in N days"),
    ("It rained in the fall, after the fall of the city.", ["in the fall"], "season after a lead"),
    ("It ended in June. 2024 was calm.", ["in June", "2024"], "a full stop ends a phrase"),
    ("Earlier this month, the ambassador spoke; this past week allies met.", ["Earlier this month", "this past week"],
     "named periods"),
]  # fmt: skip

#: Text with words that only look like dates, and what is found in it (often nothing).
SKIPPED = [
    ("North Korea may deploy 100,000 troops.", [], "may, the verb"),
    ("Troops march on the capital.", [], "march, the verb"),
    ("May deploy more troops, officials warn.", [], "May alone"),
    ("Theresa May spoke on Tuesday.", ["on Tuesday"], "May, the name"),
    ("The sun rose; Sun Microsystems was sold.", [], "sun and Sun"),
    ("About 1500 soldiers and 2000 troops were sent.", [], "counts, not years"),
    ("It cost $2000 and 1,500 people came.", [], "money and a figure"),
    ("This was the first state visit in 24 years.", [], "in 24 years after first"),
    ("The fall of Kabul and the summer offensive.", [], "bare seasons"),
    ("The score was 3:20 at the break.", [], "a clock time alone"),
    ("Was it in June? Nobody knows.", ["in June"], "the question mark is not a doubt"),
    ("The 2022 elections were held.", [], "a year before a plural noun"),
    ("Some 1200 North Korean soldiers have been killed.", [], "a count before capitalised words"),
    ("The UN Security Council discussed Resolution 2231 on Tuesday.", ["on Tuesday"], "a resolution's number"),
    ("Flight 1750 landed on Route 1812 near Brigade 1950.", [], "names' numbers"),
    ("About 1500 North Korean soldiers arrived, around 3000 in all.", [], "hedged counts"),
]

#: A number alone, and the words that make it a year (or not).
BARE_YEARS = [
    ("Troops arrived in 2024.", ["in 2024"], "after in"),
    ("The war of 1812 ended.", ["1812"], "after of"),
    ("It was built c. 1400.", ["c. 1400"], "a date's hedge"),
    ("It ended in June. 2024 was calm.", ["in June", "2024"], "opening a sentence, with its verb"),
    ("The 1950-1953 Korean War ended.", ["1950-1953"], "a range"),
    ("In 2022 and 2023 it rained.", ["In 2022", "2023"], "after and"),
    ("The 1990s were calm.", ["The 1990s"], "a decade"),
    ("Route 1812 was closed.", [], "after a name"),
]

REFUSED = [
    ("It happened on February 30, 2024, they say.", "on February 30, 2024", "February"),
    ("The dateline read Monday 12 March 2024 in the paper.", "Monday 12 March 2024", "Tuesday"),
]


def texts(found: list[DatePhrase]) -> list[str]:
    return [phrase.text for phrase in found]


@pytest.mark.parametrize(("sentence", "phrases"), [case[:2] for case in FOUND], ids=[case[2] for case in FOUND])
def test_every_phrase_is_found_with_its_span_and_the_readers_own_reading(sentence: str, phrases: list[str]) -> None:
    found = find_dates(sentence)
    assert texts(found) == phrases
    for phrase in found:
        assert " ".join(sentence[phrase.start : phrase.end].split()) == phrase.text
        assert phrase.read
        assert phrase.refusal == ""
        assert phrase.reading == parse_expression(phrase.text)


@pytest.mark.parametrize(("sentence", "phrases"), [case[:2] for case in SKIPPED], ids=[case[2] for case in SKIPPED])
def test_words_that_only_look_like_dates_are_left_out(sentence: str, phrases: list[str]) -> None:
    assert texts(find_dates(sentence)) == phrases


@pytest.mark.parametrize(
    ("sentence", "phrases"), [case[:2] for case in BARE_YEARS], ids=[case[2] for case in BARE_YEARS]
)
def test_a_number_alone_is_a_year_only_where_its_words_say_so(sentence: str, phrases: list[str]) -> None:
    assert texts(find_dates(sentence)) == phrases


#: A range of days written month first, which the reader does not read yet: found whole, unread, never cut.
DAY_RANGES = [
    ("Joint drills will run Nov. 25-29 near the border.", "Nov. 25-29"),
    ("Leaders meet in Rio on Nov 18-19 for the summit.", "on Nov 18-19"),
    ("Between Oct. 23 and 25, the troops crossed.", "Between Oct. 23 and 25"),
]


@pytest.mark.parametrize(("sentence", "phrase"), DAY_RANGES, ids=["dash", "dash after on", "between and"])
def test_a_range_of_days_is_found_whole_even_where_the_reader_does_not_read_it(sentence: str, phrase: str) -> None:
    (found,) = find_dates(sentence)
    assert found.text == phrase
    if not found.read:
        assert "not a date this reader knows" in found.refusal


def test_a_day_and_a_count_after_and_are_not_a_range() -> None:
    assert texts(find_dates("On Oct. 23 and 25 people died.")) == ["On Oct. 23"]


@pytest.mark.parametrize(("sentence", "phrase", "said"), REFUSED, ids=["no such day", "wrong weekday"])
def test_a_phrase_the_reader_refuses_is_found_unread_with_the_readers_reason(
    sentence: str, phrase: str, said: str
) -> None:
    (found,) = find_dates(sentence)
    assert found.text == phrase
    assert found.reading is None
    assert not found.read
    assert said in found.refusal
    with pytest.raises(chronology.DateParseError) as refused:
        parse_expression(phrase)
    assert refused.value.reason == found.refusal


def test_the_longest_phrase_wins_where_phrases_would_overlap() -> None:
    found = find_dates("They sailed during the second week of October.")
    assert texts(found) == ["during the second week of October"]
    assert isinstance(found[0].reading, RelativeDate)


def test_a_full_stop_after_a_word_belongs_to_the_sentence_and_one_after_an_abbreviation_to_the_date() -> None:
    (august,) = find_dates("Kyiv's forces crossed in August.")
    assert august.text == "in August"
    (october,) = find_dates("It was signed 3 Oct.")
    assert october.text == "3 Oct."


def test_a_phrase_does_not_run_over_a_quotation_mark() -> None:
    assert texts(find_dates("He said “June” 2024 was hard.")) == ["June", "2024"]


def test_an_empty_text_has_no_phrases() -> None:
    assert find_dates("") == []
    assert find_dates("   \n  ") == []


def test_anything_but_text_is_refused_naming_its_type() -> None:
    with pytest.raises(WrongTypeError, match="bytes"):
        find_dates(b"June 2024")  # type: ignore[arg-type]


PHRASES = [
    "in June 2024",
    "on Friday",
    "three weeks ago",
    "the 1450s",
    "before 23 August 1456",
    "earlier this month",
    "between 1434 and 1444",
    "on 5 October 2024",
    "late last month",
    "at about 3 a.m.",
]
FILLERS = ["The ministry said", "troops moved", "and officials", "while the talks went ahead", "as planned"]


@given(
    before=st.sampled_from(FILLERS),
    phrase=st.sampled_from(PHRASES),
    after=st.sampled_from(FILLERS),
    end=st.sampled_from([".", ",", "", "!"]),
)
def test_a_phrase_in_a_sentence_is_found_whole_and_read_as_it_is_alone(
    before: str, phrase: str, after: str, end: str
) -> None:
    sentence = f"{before} {phrase} {after}{end}"
    (found,) = find_dates(sentence)
    assert found.text == phrase
    assert sentence[found.start : found.end] == phrase
    assert found.reading == parse_expression(phrase)


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
    | st.lists(st.sampled_from([*PHRASES, *FILLERS, ".", ",", "“", "$", "\n\n", "May", "1500"])).map(" ".join)
)
def test_any_text_gives_ordered_phrases_that_do_not_overlap_and_read_as_alone(text: str) -> None:
    found = find_dates(text)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
    for phrase in found:
        assert 0 <= phrase.start < phrase.end <= len(text)
        assert " ".join(text[phrase.start : phrase.end].split()) == phrase.text
        if phrase.read:
            assert phrase.reading == parse_expression(phrase.text)
        else:
            assert phrase.refusal


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They visited the Christmas market in Kyiv.", []),
        ("A Christmas truce was refused; the Easter offensive began.", []),
        ("Fighting paused over Christmas 2023, officials said.", ["Christmas 2023"]),
        ("On Christmas Day 2023 the shelling stopped.", ["On Christmas Day 2023"]),
        ("The ceasefire held at Easter 2024.", ["at Easter 2024"]),
    ],
)
def test_a_holidays_name_alone_in_running_text_is_no_date(text: str, found: list[str]) -> None:
    # ("the Christmas market": an adjective as often as a date; with its year or "Day", a date)
    assert [phrase.text for phrase in find_dates(text)] == found
