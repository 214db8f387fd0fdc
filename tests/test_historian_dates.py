"""A historian of 17th-century England: feast and quarter days, Old Style Easter and weekdays, older wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

import chronology
from chronology import DateParseError, RelativeDate, UnboundedError, UncertainDate, parse
from chronology.notation import find_dates

FEASTS = [
    ("Michaelmas 1666", "1666-09-29"),
    ("Michaelmas Day 1666", "1666-09-29"),
    ("Lady Day 1665", "1665-03-25"),
    ("Midsummer 1665", "1665-06-24"),
    ("Midsummer Day 1665", "1665-06-24"),
    ("Lammas 1665", "1665-08-01"),
    ("Candlemas 1666", "1666-02-02"),
    ("Martinmas 1665", "1665-11-11"),
    ("All Saints' Day 1665", "1665-11-01"),
    ("All Saints\u2019 Day 1665", "1665-11-01"),
    ("All Hallows 1665", "1665-11-01"),
    ("St Bartholomew's Day 1666", "1666-08-24"),
    ("St. Bartholomew's Day 1666", "1666-08-24"),
    ("Saint Bartholomew's Day 1666", "1666-08-24"),
    ("St Bartholomew\u2019s Day 1666", "1666-08-24"),
    ("the feast of St Bartholomew 1666", "1666-08-24"),
    ("St James' Day 1665", "1665-07-25"),
    ("St John the Baptist's Day 1665", "1665-06-24"),
    ("St John the Evangelist's Day 1665", "1665-12-27"),
    # Western (Gregorian) Easter 1666 is 25 April; Whitsun is 49 days on
    ("Whitsun 1666", "1666-06-13"),
    ("Whit Sunday 1666", "1666-06-13"),
    ("Pentecost 2024", "2024-05-19"),
    ("Ash Wednesday 2024", "2024-02-14"),
]


@pytest.mark.parametrize(("phrase", "day"), FEASTS, ids=[phrase for phrase, _ in FEASTS])
def test_a_feast_or_quarter_day_is_read_as_its_day(phrase: str, day: str) -> None:
    value = parse(phrase)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == day


COMPOSED = [
    ("before Michaelmas 1666", "[..1666-09-28]"),
    ("c. Lady Day 1665", "1665-03-25~"),
    ("by Lammas 1665", "[..1665-08-01]"),
    ("Michaelmas 1666 (O.S.)", "1666-10-09"),  # 29 September Old Style
    ("Lady Day 1665 O.S.", "1665-04-04"),
    ("between Lady Day and Michaelmas 1666", "[1666-03-25..1666-09-29]"),
]


@pytest.mark.parametrize(("phrase", "edtf"), COMPOSED, ids=[phrase for phrase, _ in COMPOSED])
def test_a_feast_day_composes_with_the_rest_of_the_grammar(phrase: str, edtf: str) -> None:
    value = parse(phrase)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == edtf


JULIAN = [
    ("Michaelmas 1666", "1666-10-09"),
    ("Candlemas 1666", "1666-02-12"),
    ("Christmas 1665", "1666-01-04"),
    # the Julian reckoning's Easter: 26 March 1665, 15 April 1666 and 7 April 1667 Old Style
    ("Easter 1665", "1665-04-05"),
    ("Easter 1666", "1666-04-25"),
    ("Easter 1667", "1667-04-17"),
    ("Whitsun 1666", "1666-06-13"),  # 3 June Old Style
    ("Good Friday 1667", "1667-04-15"),
    ("Easter 1667 (N.S.)", "1667-04-10"),  # said to be the Gregorian reckoning's
]


@pytest.mark.parametrize(("phrase", "day"), JULIAN, ids=[phrase for phrase, _ in JULIAN])
def test_in_a_julian_reading_feasts_and_easter_are_the_julian_ones(phrase: str, day: str) -> None:
    value = parse(phrase, calendar="julian")
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == day


def test_easter_written_old_style_is_the_julian_reckoning_in_a_gregorian_reading() -> None:
    assert parse("Easter 1667 (O.S.)") == parse("Easter 1667", calendar="julian")
    assert parse("Easter 1667 (O.S.)") != parse("Easter 1667")
    # before the Gregorian reckoning only the Julian one is read: 19 April 1500 Old Style
    assert parse("Easter 1500 (O.S.)").to_edtf() == "1500-04-29"


def test_easter_before_the_gregorian_reckoning_is_refused_saying_to_write_old_style() -> None:
    with pytest.raises(DateParseError, match=r"'Easter 1500'.*1583.*'Easter 1500 \(O\.S\.\)'"):
        parse("Easter 1500")


def test_easter_before_the_julian_reckoning_is_read_is_refused() -> None:
    with pytest.raises(DateParseError, match=r"Easter 400 is before the Julian reckoning of Easter is read \(525"):
        parse("Easter AD 400 (O.S.)")


def test_a_moving_feast_without_its_year_is_refused_saying_to_give_the_year() -> None:
    with pytest.raises(DateParseError, match=r"'Whitsun': Easter moves from year to year: give its year"):
        parse("Whitsun", anchor=parse("1666-09-01"))


def test_st_johns_day_is_refused_naming_both_feasts_and_each_named_alternative_reads() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("St John's Day 1665")
    message = str(caught.value)
    assert '"St John\'s Day 1665"' in message
    assert "24 June" in message
    assert "27 December" in message
    assert "'St John the Baptist's Day 1665'" in message
    assert parse("St John the Baptist's Day 1665") == parse("24 June 1665")


def test_a_weekday_right_in_the_julian_calendar_says_so() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("Sunday 2 September 1666")
    message = str(caught.value)
    assert message.startswith("'Sunday 2 September 1666': 2 September 1666 is a Thursday, not a Sunday; ")
    assert "in the Julian calendar (Old Style) it is a Sunday: write 'Sunday 2 September 1666 (O.S.)'" in message
    assert 'calendar = "julian"' in message
    assert parse("Sunday 2 September 1666 (O.S.)").to_edtf() == "1666-09-12"
    assert parse("Sunday 2 September 1666", calendar="julian").to_edtf() == "1666-09-12"


def test_a_weekday_right_in_the_gregorian_calendar_says_so_in_a_julian_reading() -> None:
    with pytest.raises(DateParseError, match=r"in the Gregorian calendar \(New Style\) it is a Thursday: write "):
        parse("Thursday 2 September 1666", calendar="julian")


@pytest.mark.parametrize(
    "phrase",
    [
        "Wednesday 2 September 1666",  # wrong in both calendars
        "Sunday 2 September 1800",  # after Britain's reform: no Julian hint
        "Sunday 2 September 1666 (N.S.)",  # the date names its calendar
    ],
)
def test_a_weekday_wrong_in_both_calendars_or_years_gets_no_calendar_hint(phrase: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(phrase)
    assert "is a" in str(caught.value)
    assert "Julian calendar" not in str(caught.value)


def test_an_anchor_open_on_one_side_is_named_as_the_cause(tmp_path: Path) -> None:
    days_after = chronology.parse_expression("days after")
    assert isinstance(days_after, RelativeDate)
    with pytest.raises(UnboundedError) as caught:
        days_after.resolve(parse("by 6 September 1666"))
    message = str(caught.value)
    assert "'days after'" in message
    assert "open before" in message
    assert "no earliest day" in message
    assert "6 September 1666" in message
    assert "years 1-9999" not in message
    hours_later = chronology.parse_expression("three hours later")
    assert isinstance(hours_later, RelativeDate)
    with pytest.raises(UnboundedError, match=r"open after: it has no latest day"):
        hours_later.resolve(parse("after 6 September 1666"))
    path = tmp_path / "events.toml"
    path.write_text(
        '[[events]]\nid = "fire"\ntitle = "Fire out"\nwhen = "by 6 September 1666"\n\n'
        '[[events]]\nid = "after"\ntitle = "After"\nwhen = "days after"\nanchor = "fire"\n',
        encoding="utf-8",
    )
    problems = chronology.validate(path)
    assert [(p.event, p.field) for p in problems] == [("after", "when")]
    assert "open before" in str(problems[0])


def test_a_reign_is_refused_saying_to_write_the_years() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("the reign of Charles II")
    assert caught.value.position == 4
    assert "reigns are not read" in str(caught.value)
    assert "'from 1660 to 1685'" in str(caught.value)


WORDINGS = [
    ("shortly before 2 September 1666", "[1666-08-23..1666-09-01]"),
    ("shortly after 2 September 1666", "[1666-09-03..1666-09-12]"),
    ("the later 1660s", "[1666..1669]"),
    ("the earlier 17th century", "[1600..1632]"),
    ("September the 2nd 1666", "1666-09-02"),
    ("2d September 1666", "1666-09-02"),
    ("3d September 1666", "1666-09-03"),
    ("the 23d of September 1666", "1666-09-23"),
    ("anno 1665", "1665"),
    ("anno domini 1665", "1665"),
    ("New Year\u2019s Eve 1665", "1665-12-31"),
]


@pytest.mark.parametrize(("phrase", "edtf"), WORDINGS, ids=[phrase for phrase, _ in WORDINGS])
def test_older_wordings_read(phrase: str, edtf: str) -> None:
    value = parse(phrase)
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == edtf


def test_the_later_1660s_is_the_late_1660s_and_later_this_month_is_unchanged() -> None:
    assert parse("the later 1660s") == parse("the late 1660s")
    anchor = parse("2024-11-17")
    assert parse("later this month", anchor=anchor) != parse("late this month", anchor=anchor)


def test_shortly_before_a_year_is_refused_saying_what_to_write() -> None:
    with pytest.raises(DateParseError, match=r"'shortly before 1666': .*read with a day.*'before June 1666'"):
        parse("shortly before 1666")


def test_shortly_before_a_clock_time_is_still_the_hour_before() -> None:
    value = parse("shortly before midnight", anchor=parse("2024-11-17"))
    assert isinstance(value, UncertainDate)
    assert value.to_edtf() == "2024-11-16T23"


def test_a_bare_year_is_gregorian_in_a_julian_reading_and_a_year_in_words_is_not() -> None:
    # as the Old Style section of docs/reference/dates.md cautions
    assert parse("1667", calendar="julian").to_edtf() == "1667"
    assert parse("in 1667", calendar="julian").to_edtf() == "[1667-01-11..1668-01-10]"
    assert parse("late 1664", calendar="julian").to_edtf() == "[1664-09-11..1665-01-10]"


def test_a_double_year_is_read_in_the_calendar_of_the_reading() -> None:
    assert parse("10 February 1665/6").to_edtf() == "1666-02-10"
    assert parse("10 February 1665/6", calendar="julian").to_edtf() == "1666-02-20"
    assert parse("10 February 1665/6 (O.S.)").to_edtf() == "1666-02-20"


def test_a_feast_name_alone_in_running_text_is_no_date_but_with_its_year_it_is() -> None:
    found = find_dates("The Michaelmas term began; rents fell due at Michaelmas 1666.")
    assert [phrase.text for phrase in found] == ["at Michaelmas 1666"]
