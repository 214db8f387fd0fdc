"""HTML pages drafted: their main text only, their metadata's title, outlet, authors and date."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import chronology
from chronology.cli import main
from chronology.draft import read_article
from chronology.errors import MissingExtraError

DATED = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dockers vote to strike | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Dockers vote to strike at the port">
<meta property="article:published_time" content="2024-03-11T09:30:00+00:00">
<meta name="author" content="Jane Rivers">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive of 12 March 2024</a></li></ul></nav>
<article>
<h1>Dockers vote to strike at the port</h1>
<p>The dockers' union said on Friday that its members had voted for a strike in February.</p>
<p>A strike will begin on Tuesday, the union said. More than 1,500 workers are expected to join it.</p>
</article>
<footer><p>Site updated on 1 January 2024. Subscribe by Monday for a discount.</p></footer>
</body>
</html>
"""
#: A page whose menus and footer name dates, and whose metadata gives none.
UNDATED = """\
<html><head><title>Port talks</title></head>
<body><div class="menu"><a href="/">Home</a> | <a href="/news">News of 2 May 2023</a></div>
<div id="content"><h2>Port talks</h2>
<p>Talks between the union and the port authority resumed on 4 March 2024, a spokesman said. The strike vote
followed in February 2024, after weeks of failed negotiations between both sides.</p>
<p>The authority said it would answer on Monday.</p></div>
<div class="footer">Posted 2023-05-01. Copyright 2024. Cookie settings were changed on 3 June 2023.</div>
</body></html>
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strike.html").write_text(DATED, encoding="utf-8")
    (tmp_path / "talks.htm").write_text(UNDATED, encoding="utf-8")
    return tmp_path


def test_a_page_is_read_with_its_metadata(pages: Path) -> None:
    article = read_article("strike.html")
    assert article.from_page
    assert article.headline == "Dockers vote to strike at the port"
    assert article.outlet == "Harbour Gazette"
    assert article.authors == ("Jane Rivers",)
    assert article.dated == chronology.parse("2024-03-11")
    assert article.dated_from == "metadata"
    assert article.body_text.startswith("The dockers' union said on Friday")  # the headline is not a sentence


def test_a_pages_metadata_date_is_its_sources_published_date_with_a_note(pages: Path) -> None:
    code, out, err = run("draft", "strike.html", "-o", "draft.toml")
    assert (code, err) == (0, "")
    assert "strike.html: 4 events proposed (published 11 March 2024)" in out
    timeline = chronology.load("draft.toml")
    source = timeline.sources["strike"]
    assert source.published == chronology.parse("2024-03-11")
    assert "from the page's metadata ('2024-03-11')" in source.note
    assert "the title is the page's" in source.note
    assert "dateline" not in source.note
    assert sorted(event.when.label for event in timeline) == sorted(
        ["February 2024", "8 March 2024", "11 March 2024", "12 March 2024"]
    )


def test_menus_and_footers_become_no_events_and_date_no_page(pages: Path) -> None:
    article = read_article("talks.htm")
    assert article.dated is None  # "Posted 2023-05-01" in the footer is not the page's metadata
    assert article.headline == "Port talks"
    code, out, err = run("draft", "talks.htm", "strike.html", "-o", "draft.toml")
    assert code == 0, err
    assert "talks.htm: 2 events proposed (undated), 1 phrase kept in comments" in out
    text = Path("draft.toml").read_text(encoding="utf-8")
    for boilerplate in ("2023", "Archive", "Cookie", "Subscribe", "January", "Home"):
        assert boilerplate not in text
    quotes = {event.citations[0].quote for event in chronology.load("draft.toml")}
    assert any(quote.startswith("Talks between the union") for quote in quotes)


def test_a_page_that_starts_as_html_is_read_as_one_whatever_its_name(pages: Path) -> None:
    Path("saved.txt").write_text(DATED, encoding="utf-8")
    article = read_article("saved.txt")
    assert (article.from_page, article.dated) == (True, chronology.parse("2024-03-11"))


@pytest.mark.parametrize(
    ("published", "used"),
    [("2024-03-12", "2024-03-12"), ("strike.html=[2024-03-01..2024-03-05]", "[2024-03-01..2024-03-05]")],
    ids=["a day", "an uncertain date"],
)
def test_a_published_date_that_disagrees_with_the_page_is_used_with_a_warning(
    pages: Path, published: str, used: str
) -> None:
    code, _, err = run("draft", "strike.html", "-o", "draft.toml", "--published", published)
    assert code == 0
    assert err.startswith("chronology draft: warning: strike.html: ")
    assert f"--published {used} disagrees with the date its page's metadata gives ('2024-03-11'" in err
    assert f"the draft uses --published {used}" in err
    assert len(err.splitlines()) == 1
    assert chronology.load("draft.toml").sources["strike"].published == chronology.parse(used)


def test_a_published_date_that_disagrees_with_a_dateline_is_warned_of(pages: Path) -> None:
    Path("wire.txt").write_text("12 March 2024 — The ministry said on Monday that talks had ended.\n", "utf-8")
    code, _, err = run("draft", "wire.txt", "-o", "draft.toml", "--published", "2024-03-20")
    assert code == 0
    assert "wire.txt: --published 2024-03-20 disagrees with the date its dateline gives ('12 March 2024'" in err


@pytest.mark.parametrize("published", ["2024-03-11", "[2024-03-10..2024-03-12]", "2024-03"])
def test_a_published_date_the_page_agrees_with_is_no_warning(pages: Path, published: str) -> None:
    code, _, err = run("draft", "strike.html", "-o", "draft.toml", "--published", published)
    assert (code, err) == (0, "")


def test_without_the_draft_extra_a_page_says_which_install_gives_it(
    pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    with pytest.raises(MissingExtraError, match=r'pip install "chronology\[draft\]"'):
        read_article("strike.html")
    code, _, err = run("draft", "strike.html", "-o", "draft.toml")
    assert code == 1
    assert err == 'chronology: HTML pages need trafilatura, an optional dependency: pip install "chronology[draft]"\n'
    assert not Path("draft.toml").exists()
