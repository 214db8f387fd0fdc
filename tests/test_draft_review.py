"""A new user's second trial of ``chronology draft``: languages it does not read, drafts after review, late dates,
datelines without their year, folders of articles, and how dates are written and asked for."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path

import pytest

import chronology
from chronology.cli import main
from chronology.draft import language as language_module
from chronology.draft.write import drafted_digest

ROOT = Path(__file__).resolve().parent.parent

GERMAN = (
    "Berlin, 15. November 2024 (dpa) - Bundeskanzler Olaf Scholz hat am Freitag mit dem russischen Präsidenten "
    'Wladimir Putin telefoniert. Nach Angaben der Bundesregierung sprach Scholz von einer "schwerwiegenden '
    'Eskalation". Im Oktober hatte Nordkorea nach Angaben Südkoreas rund 10.000 Soldaten nach Russland geschickt.\n'
)
POLISH = (
    "Warszawa, 18 października 2024 (PAP) - Południowokoreański wywiad poinformował w piątek, że Korea Północna "
    "wysłała do Rosji około 12 tys. żołnierzy. Według wywiadu od 8 do 13 października przetransportowano 1500 "
    "żołnierzy.\n"
)
BELARUSIAN = (
    "МІНСК, 18 кастрычніка 2024 года. Паводле звестак выведкі Паўднёвай Карэі, КНДР накіравала ў Расію каля 12 "
    "тысяч вайскоўцаў. У пятніцу Нацыянальная служба разведкі паведаміла, што з 8 па 13 кастрычніка было перавезена "
    "1500 вайскоўцаў.\n"
)
SCHOLZ = """\
Scholz calls Putin

German Chancellor Olaf Scholz spoke with Russian President Vladimir Putin on Friday, the government said.
About 10,000 North Korean soldiers were sent to Russia in October, according to Seoul.
The talks had been planned since March 2024.
"""
TASS = (
    "МОСКВА, 1 ноября. /ТАСС/. Министр иностранных дел России Сергей Лавров провел в пятницу в Москве переговоры "
    "с министром иностранных дел КНДР Цой Сон Хи. Цой Сон Хи прибыла в Россию во вторник с официальным визитом.\n"
)
INTERFAX = (
    "СЕУЛ. 21 октября. ИНТЕРФАКС - Министерство иностранных дел Южной Кореи в понедельник вызвало посла России "
    "Георгия Зиновьева в связи с отправкой северокорейских военных в РФ.\n"
)
PRAVDA = """\
Українська правда
Понеділок, 4 листопада 2024, 11:20
Заголовок новини

У жовтні військові КНДР прибудуть у Курську область.
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- 1. languages a draft does not read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [(GERMAN, "German"), (POLISH, "Polish"), (BELARUSIAN, "Belarusian")],
    ids=["german", "polish", "belarusian"],
)
def test_an_article_in_a_language_not_read_is_refused_in_one_line(here: Path, text: str, language: str) -> None:
    Path("article.txt").write_text(text, encoding="utf-8")
    code, out, err = run("draft", "article.txt", "--published", "2024-10-18", "-o", "x.toml")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    for said in ("article.txt", f"detected as {language}", "English, Russian, Ukrainian and Korean", "--language"):
        assert said in err
    assert not Path("x.toml").exists()


def test_an_article_in_a_language_not_read_drafts_as_english_with_language_en_and_a_warning(here: Path) -> None:
    Path("de.txt").write_text(GERMAN, encoding="utf-8")
    code, _, err = run("draft", "de.txt", "--language", "en", "--published", "2024-11-15", "-o", "x.toml")
    assert code == 0
    assert "warning: de.txt: --language en (English) was given" in err
    assert "detected as German" in err
    assert chronology.validate("x.toml") == ()


@pytest.mark.parametrize(
    "text",
    ["He said on Friday.", "Im Oktober.", "В пятницу.", SCHOLZ],
    ids=["short-english", "too-short-to-tell", "short-russian", "english-article"],
)
def test_a_text_not_clearly_in_another_language_is_taken_as_one_read(text: str) -> None:
    assert language_module.detect_language(text) in language_module.LANGUAGES


def test_the_detector_is_built_once() -> None:
    language_module.detect_language(SCHOLZ)
    assert language_module._screen() is language_module._screen()
    assert language_module._detector() is language_module._detector()


# -- 2. --append after review --------------------------------------------------------------------------------


def _events(path: str) -> list[dict[str, object]]:
    with open(path, "rb") as file:
        events: list[dict[str, object]] = tomllib.load(file)["events"]
    return events


def _without_event(text: str, when: str) -> str:
    start = text.index(f'when = "{when}"')
    start = text.rindex("[[events]]\n", 0, start)
    end = text.find("\n[[events]]\n", start)
    return text[:start] + (text[end + 1 :] if end != -1 else "")


def test_what_review_removed_or_rewrote_is_not_drafted_again(here: Path) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    assert run("draft", "a.txt", "--published", "2024-11-17", "-o", "x.toml")[0] == 0
    path = Path("x.toml")
    text = _without_event(path.read_text(encoding="utf-8"), "in October")  # removed in review
    text = re.sub(r'when = "on Friday"[^\n]*\n', 'when = "2024-11-15"\n', text)  # rewritten as a date
    path.write_text(text, encoding="utf-8")
    reviewed = path.read_text(encoding="utf-8")
    code, out, err = run("draft", "a.txt", "--published", "2024-11-17", "-o", "x.toml", "--append")
    assert code == 0, err
    assert "added 0 events" in out
    assert "2 drafted before and removed or rewritten in review since" in out
    assert path.read_text(encoding="utf-8") == reviewed  # drafting twice changes nothing
    assert not any(str(event["id"]).endswith("-2") for event in _events("x.toml"))


def test_the_source_records_a_digest_of_each_event_drafted_from_it(here: Path) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    assert run("draft", "a.txt", "--published", "2024-11-17", "-o", "x.toml")[0] == 0
    with open("x.toml", "rb") as file:
        document = tomllib.load(file)
    recorded = document["sources"][0]["drafted"]
    expected = [
        drafted_digest(event["citations"][0]["source"], event["citations"][0]["quote"], event["when"])
        for event in document["events"]
    ]
    assert sorted(recorded) == sorted(expected)
    assert all(re.fullmatch(r"[0-9a-f]{12}", digest) for digest in recorded)
    assert run("validate", "x.toml")[0] == 0


def test_an_older_file_without_the_record_keeps_matching_by_source_quote_and_date(here: Path) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    assert run("draft", "a.txt", "--published", "2024-11-17", "-o", "x.toml")[0] == 0
    path = Path("x.toml")
    text = re.sub(r"\ndrafted = \[[^\]]*\]", "", path.read_text(encoding="utf-8"))
    path.write_text(_without_event(text, "in October"), encoding="utf-8")
    code, out, _ = run("draft", "a.txt", "--published", "2024-11-17", "-o", "x.toml", "--append")
    assert code == 0
    assert "added 1 event, 3 already there" in out  # the removed one is back: nothing recorded it
    assert "drafted = [" in path.read_text(encoding="utf-8")  # recorded from now on
    assert chronology.validate("x.toml") == ()


@pytest.mark.parametrize(
    ("value", "wrong"),
    [('"abc"', "list"), ("[1, 2]", "text")],
    ids=["text-not-list", "numbers"],
)
def test_the_drafted_key_is_a_list_of_text(here: Path, value: str, wrong: str) -> None:
    Path("x.toml").write_text(f'[[sources]]\nid = "a"\ndrafted = {value}\n', encoding="utf-8")
    problems = chronology.validate("x.toml")
    assert problems
    assert "drafted" in str(problems[0])


def test_the_event_file_reference_documents_the_drafted_key() -> None:
    reference = (ROOT / "docs" / "reference" / "event-file.md").read_text(encoding="utf-8")
    assert "| `drafted` |" in reference


# -- 3. an undated source dated later ------------------------------------------------------------------------


def test_an_undated_source_is_dated_by_a_later_draft_with_its_date(here: Path) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    assert run("draft", "a.txt", "-o", "all.toml")[0] == 0
    code, out, err = run("draft", "a.txt", "--published", "a.txt=2024", "-o", "all.toml", "--append")
    assert code == 0, err
    assert "set published = '2024' on its source 'a' (undated until now)" in out
    with open("all.toml", "rb") as file:
        document = tomllib.load(file)
    assert document["sources"][0]["published"] == "2024"
    whens = {event["when"] for event in document["events"]}
    assert "in October" in whens  # read now from the article's date
    assert "Undated: " not in Path("all.toml").read_text(encoding="utf-8")
    assert chronology.validate("all.toml") == ()


@pytest.mark.parametrize(
    ("again", "said"),
    [
        (("--published", "2024-11-18"), "but this draft has '2024-11-18'"),
        ((), "but this draft has no publication date"),
    ],
    ids=["another-date", "no-date"],
)
def test_a_source_dated_otherwise_in_the_file_is_refused_saying_what_to_do(
    here: Path, again: tuple[str, ...], said: str
) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    assert run("draft", "a.txt", "--published", "2024-11-17", "-o", "all.toml")[0] == 0
    before = Path("all.toml").read_text(encoding="utf-8")
    code, _, err = run("draft", "a.txt", *again, "-o", "all.toml", "--append")
    assert code == 1
    assert said in err
    assert "published = '2024-11-17'" in err
    assert "--published a.txt=2024-11-17" in err
    assert Path("all.toml").read_text(encoding="utf-8") == before


# -- 4. a wire dateline without its year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "day"),
    [("tass.txt", TASS, "1 ноября"), ("interfax.txt", INTERFAX, "21 октября")],
    ids=["tass", "interfax"],
)
def test_a_dateline_without_its_year_is_a_hint_on_the_console(here: Path, name: str, text: str, day: str) -> None:
    Path(name).write_text(text, encoding="utf-8")
    code, out, _ = run("draft", name, "-o", "x.toml")
    assert code == 0
    assert f"its dateline gives the day, {day!r}, but not the year" in out
    assert f"--published {name}=YEAR" in out
    code, out, _ = run("draft", name, "--published", f"{name}=2024", "-o", "y.toml")
    assert code == 0
    assert "(undated)" not in out
    assert "YEAR" not in out


# -- 5. a folder of articles ---------------------------------------------------------------------------------


def test_a_folder_drafts_its_articles_in_the_order_of_their_names(here: Path) -> None:
    Path("articles").mkdir()
    Path("articles/b.txt").write_text(SCHOLZ, encoding="utf-8")
    Path("articles/a.md").write_text(TASS, encoding="utf-8")
    Path("articles/notes.csv").write_text("not,an,article\n", encoding="utf-8")
    Path("articles/sub.txt").mkdir()
    code, out, err = run("draft", "articles", "--published", "b.txt=2024-11-17", "-o", "x.toml")
    assert code == 0, err
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines[0].startswith("articles/a.md: ")
    assert lines[1].startswith("articles/b.txt: 4 events proposed (published 17 November 2024)")
    assert "notes" not in out
    assert {source.id for source in chronology.load("x.toml").sources.values()} == {"a", "b"}


def test_an_empty_folder_is_one_line_naming_it_and_what_it_should_hold(here: Path) -> None:
    Path("empty").mkdir()
    Path("empty/readme.pdf").write_bytes(b"%PDF")
    code, _, err = run("draft", "empty", "-o", "x.toml")
    assert code == 1
    assert err.count("\n") == 1
    assert "empty: the folder holds no article" in err
    assert ".txt" in err
    assert ".html" in err


# -- 6. nits --------------------------------------------------------------------------------------------------


def test_a_publication_date_in_words_is_written_iso_and_kept_in_the_note(here: Path) -> None:
    Path("up.txt").write_text(PRAVDA, encoding="utf-8")
    assert run("draft", "up.txt", "-o", "x.toml")[0] == 0
    with open("x.toml", "rb") as file:
        source = tomllib.load(file)["sources"][0]
    assert source["published"] == "2024-11-04"
    assert "Понеділок, 4 листопада 2024" in source["note"]


@pytest.mark.parametrize(
    ("given", "hint"),
    [("Nov 17", "--published 'Nov 17 YYYY'"), ("a.txt=17 ноября", "--published 'a.txt=17 ноября YYYY'")],
    ids=["english", "russian"],
)
def test_a_day_without_its_year_given_to_published_asks_for_the_year(
    here: Path, capsys: pytest.CaptureFixture[str], given: str, hint: str
) -> None:
    Path("a.txt").write_text(SCHOLZ, encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["draft", "a.txt", "--published", given, "-o", "x.toml"])
    err = capsys.readouterr().err
    assert "gives no year: add the year it was published" in err
    assert hint in err
    assert "anchor" not in err


@pytest.mark.parametrize(
    ("document", "section"),
    [("README.md", "draft"), ("docs/tutorial.md", "Where next")],
    ids=["readme", "tutorial"],
)
def test_the_docs_name_korean_among_the_languages_drafted(document: str, section: str) -> None:
    text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
    assert "English, Russian or Ukrainian" not in text
    assert "English, Russian, Ukrainian or Korean" in text or "English, Russian, Ukrainian and Korean" in text


def test_the_dates_reference_introduces_the_other_languages() -> None:
    text = (ROOT / "docs" / "reference" / "dates.md").read_text(encoding="utf-8")
    intro = text[: text.index("\n## ")]
    for language in ("Russian", "Ukrainian", "Korean"):
        assert language in intro
    assert "](#" in intro
