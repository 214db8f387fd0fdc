"""Findings of an OSINT researcher's trial: an anchor left on a date of its own, claims quoted by ``show``,
``query`` with filters and no window, and the title through a CSV round trip."""

from __future__ import annotations

import datetime
import shlex
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology import Citation, Event, Source, Timeline
from chronology.cli import main
from chronology.consistency import read_from_anchor
from chronology.exchange import to_markdown
from chronology.notation import parse_expression

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "events.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- 1. an anchor left on a date of its own does not exempt it from its source's date ----------------------------

ANCHORED = """\
[[sources]]
id = "bbg"
outlet = "Bloomberg"
published = "2024-11-17"

[[events]]
id = "talks"
title = "Talks"
when = "{when}"
anchor = "bbg"
citations = [{{ source = "bbg" }}]
"""


@pytest.mark.parametrize("when", ["20 November 2024", "2024-11-20", "2024-11-20T10:00"])
def test_a_date_of_its_own_after_its_anchors_publication_is_a_problem(
    when: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, ANCHORED.format(when=when), monkeypatch)
    code, out, err = run("validate", "events.toml")
    assert code == 1
    assert "'talks', field 'citations[0].source'" in out + err
    assert "'bbg' was published 17 November 2024" in out + err
    assert "`anchor = 'bbg'` does not date it" in out + err  # the anchor, which looks as if it did, is named


@pytest.mark.parametrize("when", ["Friday", "next week", "two days later"])
def test_a_phrase_read_from_its_anchor_is_still_exempt(
    when: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "next week" and "two days later" from 17 November reach past the source's day: read from it, they are not
    # told as past, whatever the tense
    write(tmp_path, ANCHORED.format(when=when), monkeypatch)
    assert run("validate", "events.toml") == (0, "ok: 1 event, 1 source\n", "")


def test_a_date_of_its_own_before_its_anchors_publication_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, ANCHORED.format(when="13 November 2024"), monkeypatch)
    assert run("validate", "events.toml")[0] == 0


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Friday", True),
        ("next week", True),
        ("November 20", True),  # no year: read from the anchor's
        ("20 November 2024", False),
        ("2024-11-20", False),
        ("June 2024", False),
        ("", False),  # no wording: built in Python
    ],
)
def test_read_from_anchor_tells_a_phrase_from_a_date_of_its_own(text: str, read: bool) -> None:
    assert read_from_anchor(chronology.UncertainDate.from_date(datetime.date(2024, 11, 20), text=text)) is read


def test_an_event_built_in_python_is_exempt_only_when_its_date_is_a_phrase_read_from_its_anchor() -> None:
    published = chronology.UncertainDate.from_date(datetime.date(2024, 11, 17))
    source = Source(id="bbg", published=published)

    def built(when: chronology.DateValue) -> Event:
        return Event(id="talks", title="Talks", when=when, anchor="bbg", citations=(Citation(source="bbg"),))

    with pytest.raises(chronology.ValidationError) as caught:
        Timeline([built(chronology.parse("2024-11-20"))], [source])
    assert [(problem.event, problem.field) for problem in caught.value.problems] == [("talks", "citations[0].source")]
    phrase = parse_expression("next week")
    assert isinstance(phrase, chronology.RelativeDate)
    read = phrase.resolve(published)  # 18-24 November, read from the report
    assert len(Timeline([built(read)], [source])) == 1


def test_show_says_an_anchor_does_not_date_a_date_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, ANCHORED.format(when="13 November 2024"), monkeypatch)
    code, out, err = run("show", "events.toml", "talks")
    assert (code, err) == (0, "")
    assert "read against" not in out
    assert "its anchor 'bbg' does not date it" in out
    assert '"13 November 2024"' in out


def test_show_says_a_phrase_was_read_against_its_anchor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, ANCHORED.format(when="Friday"), monkeypatch)
    code, out, err = run("show", "events.toml", "talks")
    assert (code, err) == (0, "")
    assert "\"Friday\", read against 'bbg' (past tense)" in out
    assert "15 November 2024" in out  # the Friday before Sunday 17 November
    assert "does not date it" not in out


# -- 2. show quotes claimed figures as written --------------------------------------------------------------------

CLAIMS = """\
[[sources]]
id = "bbg"
outlet = "Bloomberg"
published = "2024-11-17"

[[events]]
id = "deployment"
title = "Troops deployed"
when = "2024-11"
citations = [{ source = "bbg" }]

[[events.claims]]
subject = "troops"
value = "an estimated 10,000"
unit = "soldiers"
source = "bbg"

[[events.claims]]
subject = "troops"
value = "some 10,000"
claimant = "Kyiv"

[[events.claims]]
subject = "troops"
value = "nearly 25,000"
claimant = "Seoul"
"""


def test_show_quotes_the_figures_as_written_as_the_markdown_export_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, CLAIMS, monkeypatch)
    code, out, err = run("show", "events.toml", "deployment")
    assert (code, err) == (0, "")
    claims = out.split("\nclaims\n", 1)[1]
    markdown = to_markdown(chronology.load(path))
    for wording in ("an estimated 10,000 soldiers", "some 10,000", "nearly 25,000"):
        assert f"troops: {wording}\n" in claims
        assert wording in markdown  # the same words as the export
    assert "about 10,000" not in claims  # not the label, which misquotes the source


# -- 3. query with filters and no window asks the whole chronology ------------------------------------------------


@pytest.fixture
def showcase(monkeypatch: pytest.MonkeyPatch) -> Timeline:
    monkeypatch.chdir(ROOT)
    return chronology.load(ROOT / "events.toml")


def test_query_with_filters_and_no_window_counts_the_whole_chronology(showcase: Timeline) -> None:
    expected = showcase.filter(kind="statement", source="aljazeera-2024-10")
    assert len(expected) > 1  # the showcase has several: the count means something
    code, out, err = run("query", "events.toml", "--kind", "statement", "--source", "aljazeera-2024-10", "--count")
    assert (code, err) == (0, "")
    assert out == f"{len(expected)}\n"
    code, out, err = run("query", "events.toml", "--kind", "statement", "--source", "aljazeera-2024-10", "--csv")
    assert (code, err) == (0, "")
    ids = [line.split(",", 1)[0] for line in out.splitlines()[1:]]
    assert sorted(ids) == sorted(event.id for event in expected)


def test_query_with_a_filter_alone_says_an_empty_answer_without_a_window(showcase: Timeline) -> None:
    assert run("query", "events.toml", "--text", "no such words here") == (
        0,
        "no events that pass --text 'no such words here'\n",
        "",
    )


def test_query_with_neither_window_nor_filter_asks_for_one(showcase: Timeline) -> None:
    code, out, err = run("query", "events.toml", "--count")
    assert (code, out) == (2, "")
    assert "query needs a window, an event or a filter" in err
    assert "chronology list" in err


# -- 4. the title through a CSV round trip ------------------------------------------------------------------------


def test_export_says_the_csv_lacks_the_title_and_import_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    original = chronology.load(ROOT / "events.toml")
    assert original.title
    code, out, err = run("export", str(ROOT / "events.toml"), "-o", "events.csv")
    assert (code, err) == (0, "")
    assert f"does not hold the title {original.title!r}" in out
    option = out.split("import it with ", 1)[1].split(" to keep", 1)[0]
    assert option.startswith("--title ")
    code, out, err = run("import", "events.csv", "-o", "back.toml", *shlex.split(option))
    assert (code, err) == (0, "")
    assert chronology.load(tmp_path / "back.toml").title == original.title


def test_export_names_both_the_title_and_the_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, 'title = "It\'s late"\n\n[reading]\nzone = "Europe/Kyiv"\n\n' + CLAIMS, monkeypatch)
    code, out, err = run("export", "events.toml", "-o", "out.csv")
    assert (code, err) == (0, "")
    said = out.splitlines()[-1]
    assert 'the title "It\'s late"' in said
    assert "the [reading] zone Europe/Kyiv" in said
    options = shlex.split(said.split("import it with ", 1)[1].split(" to keep", 1)[0])
    assert options == ["--title", "It's late", "--zone", "Europe/Kyiv"]
    code, out, err = run("import", "out.csv", "-o", "back.toml", *options)
    assert (code, err) == (0, "")
    back = chronology.load(tmp_path / "back.toml")
    assert (back.title, back.zone) == ("It's late", "Europe/Kyiv")


def test_export_of_an_untitled_file_without_a_zone_says_nothing_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, CLAIMS, monkeypatch)
    code, out, err = run("export", "events.toml", "-o", "out.csv")
    assert (code, err) == (0, "")
    assert out == "wrote out.csv (1 event as csv) and out.sources.csv (1 source's details)\n"


def test_import_refuses_a_title_with_append(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, CLAIMS, monkeypatch)
    assert run("export", "events.toml", "-o", "out.csv")[0] == 0
    code, out, err = run("import", "out.csv", "-o", "events.toml", "--append", "--title", "Other")
    assert (code, out) == (2, "")
    assert "--title: --append keeps the title of events.toml" in err
