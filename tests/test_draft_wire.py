"""What an analyst's short wire story found: casualty figures joined by "and", a statement titled as its strike."""

from __future__ import annotations

from pathlib import Path

import pytest

import chronology
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article, write_draft
from chronology.draft.claims import find_figures
from chronology.draft.cues import Language
from chronology.draft.roles import attributions

REUTERS = """\
Outlet: Reuters
date 2024-03-11

Drones hit Black Sea port of Marivsk, governor says

Drones struck the port of Marivsk overnight, setting a fuel depot ablaze, the regional governor said early on Monday.
The attack began at about 3 a.m. local time, he said, and at least four people were killed and 11 wounded.
The Ministry of Defence said on Sunday that air defences had shot down 12 drones.
"""


# -- 1. figures joined by "and": one claim each, of what each counts ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "figures"),
    [
        ("en", "At least four people were killed and 11 wounded.",
         [("At least 4", "people", "people killed"), ("11", "people", "people wounded")]),
        ("en", "Four people were killed, 11 wounded.",
         [("4", "people", "people killed"), ("11", "people", "people wounded")]),
        ("en", "Four people were killed and at least 11 were wounded.",
         [("4", "people", "people killed"), ("at least 11", "people", "people wounded")]),
        ("en", "At least 4 dead and 11 injured, officials said.", [("At least 4", "", "dead"), ("11", "", "injured")]),
        ("en", "The strike hit a market, killing at least four people and wounding 11.",
         [("at least 4", "people", "people killed"), ("11", "people", "people wounded")]),
        ("en", "The strike killed 4 people in the port and wounded 11.",
         [("4", "people", "people killed in the port"), ("11", "people", "people wounded")]),
        ("en", "Some 1200 North Korean soldiers have been killed in Kursk.",
         [("Some 1200", "soldiers", "North Korean soldiers killed in Kursk")]),
        ("en", "Russia has lost 654,430 soldiers who have been killed and wounded.",
         [("654,430", "soldiers", "soldiers killed and wounded")]),
        ("ru", "В результате удара погибли 4 человека, 11 ранены.",
         [("4", "человека", "люди погибли"), ("11", "человека", "ранены")]),
        ("ru", "По меньшей мере 4 человека погибли и 11 получили ранения.",
         [("at least 4", "человека", "люди погибли"), ("11", "человека", "получили ранения")]),
        ("ru", "Погибли не менее 4 человек, еще 11 ранены.",
         [("at least 4", "человек", "люди погибли"), ("11", "человек", "ранены")]),
        ("uk", "Загинули 4 людини, 11 поранені.", [("4", "людини", "люди загинули"), ("11", "людини", "поранені")]),
        ("uk", "Щонайменше 4 людини загинули, ще 11 отримали поранення.",
         [("at least 4", "людини", "люди загинули"), ("11", "людини", "отримали поранення")]),
    ],
    ids=["en-were-killed-and", "en-comma", "en-were-wounded", "en-dead-and-injured", "en-killing-and-wounding",
         "en-killed-and-wounded", "en-have-been-killed", "en-who-have-been-killed", "ru-pogibli-raneny", "ru-i-poluchili-raneniya",
         "ru-eshche", "uk-zahynuly-poraneni", "uk-shche"],
)  # fmt: skip
def test_figures_joined_by_and_are_a_claim_each_of_what_befell_those_counted(
    language: Language, sentence: str, figures: list[tuple[str, str, str]]
) -> None:
    found = find_figures(sentence, speakers=attributions(sentence, language), language=language)
    assert [(f.english, f.unit, f.subject) for f in found] == figures
    assert all(f.counted for f in found)


def test_a_comparison_does_not_carry_to_the_figure_joined_to_it() -> None:
    drafted = draft_article(article_from_text(REUTERS, "reuters.txt"), language="en")
    claims = {claim.subject: claim for p in drafted.proposals for claim in p.event.claims}
    killed, wounded = claims["people killed"], claims["people wounded"]
    assert (killed.value.text, killed.value.low, killed.unit) == ("at least 4", 4, "people")
    assert (wounded.value.text, wounded.value.low, wounded.value.high, wounded.unit) == ("11", 11, 11, "people")


# -- 2. a statement titled as what it reports is titled by who says what -----------------------------------------


def test_a_statement_titled_as_the_event_it_reports_says_who_says_what() -> None:
    drafted = draft_article(article_from_text(REUTERS, "reuters.txt"), language="en")
    by_phrase = {p.phrase: p.event for p in drafted.proposals}
    strike, statement = by_phrase["overnight"], by_phrase["early on Monday"]
    assert strike.title == "Drones struck the port of Marivsk overnight, setting a fuel depot ablaze"
    assert statement.kind == "statement"
    assert statement.title == (
        "The regional governor says drones struck the port of Marivsk overnight, setting a fuel depot ablaze"
    )
    assert statement.id.startswith("the-regional-governor-says-")  # its id of its own title, where it is named
    assert statement.reports == (strike.id,)
    assert strike.anchor == statement.id
    assert len({p.event.title for p in drafted.proposals}) == len(drafted.proposals)
    # a statement titled by its own sentence, as no other event is, keeps it
    assert (
        by_phrase["on Sunday"].title
        == "The Ministry of Defence said on Sunday that air defences had shot down 12 drones"
    )


def test_a_long_speaker_and_what_was_said_are_not_cut_to_the_speaker_alone() -> None:
    text = (
        "Национальная служба разведки Южной Кореи заявила 18 октября, что Россия перебросила "
        "северокорейских военных в середине октября.\n"
    )
    drafted = draft_article(
        article_from_text(text, "a.txt"), published=UncertainDate.parse("2024-10-18"), language="ru"
    )
    (statement,) = [p.event for p in drafted.proposals if p.event.kind == "statement"]
    assert statement.title.startswith("Национальная служба разведки Южной Кореи: Россия перебросила")


# -- 3. a comment on an event's date stays with the event, before its claims -------------------------------------


def test_a_comment_on_an_events_date_is_written_before_its_citations_and_claims(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    write_draft(path, [draft_article(article_from_text(REUTERS, name="reuters"))])
    text = path.read_text(encoding="utf-8")
    comment = text.index("# 'at about 3 a.m. local time' may date the statement")
    event = text.rindex("[[events]]", 0, comment)
    tables = [text.index(header, event) for header in ("[[events.citations]]", "[[events.claims]]")]
    assert all(comment < table for table in tables)  # not inside the event's last claim, where TOML puts it
    loaded = chronology.load(path)
    assert len(loaded) > 0
