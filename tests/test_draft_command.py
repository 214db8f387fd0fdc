"""`chronology draft` on the command line: publication dates, idempotent --append, errors in one line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import chronology
from chronology.cli import main

ARTICLE = """\
Dockers plan a strike at the port

The dockers' union said on Friday that its members had voted for a strike in February.
A strike will begin on Tuesday, the union said.
"""
OTHER = "The port authority said on Monday that ships would wait.\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def usage(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The usage error a command line gives (argparse exits with 2)."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "port.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def test_a_dated_draft_is_written_and_validates(articles: Path) -> None:
    code, out, err = run("draft", "strike.txt", "--published", "2024-03-11", "-o", "draft.toml")
    assert code == 0, err
    assert "strike.txt: 4 events proposed (published 11 March 2024)" in out
    assert "wrote 4 events to draft.toml" in out
    assert chronology.validate("draft.toml") == ()
    timeline = chronology.load("draft.toml")
    assert timeline.sources["strike"].published == chronology.parse("2024-03-11")
    assert sorted(event.when.label for event in timeline) == sorted(
        ["February 2024", "8 March 2024", "11 March 2024", "12 March 2024"]
    )


def test_each_of_several_articles_takes_its_own_date(articles: Path) -> None:
    code, _out, err = run(
        "draft", "strike.txt", "port.txt", "-o", "draft.toml",
        "--published", "strike.txt=2024-03-11", "--published", "./port.txt=[2024-03-12..2024-03-13]",
    )  # fmt: skip
    assert code == 0, err
    timeline = chronology.load("draft.toml")
    assert timeline.sources["port"].published == chronology.parse("[2024-03-12..2024-03-13]")
    monday = [event for event in timeline if event.citations[0].source == "port" and event.kind == "statement"]
    assert [event.when.label for event in monday] == ["11 March 2024"]


def test_without_a_date_relative_phrases_are_kept_in_comments(articles: Path) -> None:
    code, out, err = run("draft", "strike.txt", "-o", "draft.toml")
    assert code == 0, err
    assert "(undated), 3 phrases kept in comments" in out
    text = Path("draft.toml").read_text(encoding="utf-8")
    assert "# - 'on Friday': relative to the article's date, which is unknown" in text
    assert chronology.validate("draft.toml") == ()


def test_append_twice_adds_nothing_the_second_time(articles: Path) -> None:
    assert run("draft", "strike.txt", "--published", "2024-03-11", "-o", "events.toml", "--append")[0] == 0
    first = Path("events.toml").read_text(encoding="utf-8")
    code, out, _ = run("draft", "strike.txt", "--published", "2024-03-11", "-o", "events.toml", "--append")
    assert code == 0
    assert "added 0 events, 4 already there to events.toml\n" in out
    assert "review each" not in out  # nothing was added to review
    assert Path("events.toml").read_text(encoding="utf-8") == first


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["strike.txt", "strike.txt"], "strike.txt is given twice"),
        (["strike.txt", "./strike.txt"], "strike.txt and ./strike.txt are the same file"),
        (["strike.txt", "--bogus"], "unrecognized arguments: --bogus"),
    ],
    ids=["the same name twice", "the same file by two names", "an unknown option"],
)
def test_a_command_line_that_does_not_fit_is_drafts_own_usage_error(
    articles: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    error = usage("draft", *argv, "-o", "draft.toml", capsys=capsys)
    assert said in error
    assert error.startswith("usage: chronology draft ")
    assert "duplicate" not in error
    assert not Path("draft.toml").exists()


def test_a_draft_into_a_folder_that_does_not_exist_is_one_line_naming_the_folder(articles: Path) -> None:
    code, _, err = run("draft", "strike.txt", "-o", "nowhere/dir/x.toml")
    assert code == 1
    assert err.startswith("chronology: ")
    assert len(err.strip().splitlines()) == 1
    assert str(articles / "nowhere" / "dir") in err
    assert "does not exist" in err


def test_one_article_at_a_time_gives_the_events_of_one_run_over_all(articles: Path) -> None:
    dates = ["--published", "strike.txt=2024-03-11", "--published", "port.txt=2024-03-12"]
    assert run("draft", "strike.txt", "port.txt", "-o", "all.toml", *dates)[0] == 0
    assert run("draft", "port.txt", "-o", "each.toml", "--published", "2024-03-12")[0] == 0
    assert run("draft", "strike.txt", "-o", "each.toml", "--published", "2024-03-11", "--append")[0] == 0
    together, one_by_one = chronology.load("all.toml"), chronology.load("each.toml")
    assert {event.id: event for event in together} == {event.id: event for event in one_by_one}


def test_an_existing_file_is_not_replaced_without_append(articles: Path) -> None:
    Path("draft.toml").write_text("# mine\n", encoding="utf-8")
    code, _, err = run("draft", "strike.txt", "-o", "draft.toml")
    assert code == 1
    assert "draft.toml already exists: --append adds the draft to it" in err
    assert Path("draft.toml").read_text(encoding="utf-8") == "# mine\n"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["strike.txt", "--published", "Friday"], "'Friday' is not a date"),
        (["strike.txt", "--published", "2024-03-11/2024-03-12"], "'2024-03-11/2024-03-12' lasts"),
        (["strike.txt", "port.txt", "--published", "2024-03-11"], "say which each date is for"),
        (["strike.txt", "--published", "nowhere.txt=2024-03-11"], "'nowhere.txt' is none of the articles"),
        (["strike.txt", "--published", "2024-03-11", "--published", "strike.txt=2024-03-12"], "two dates"),
        (["strike.txt", "--published", "=2024-03-11"], "'=2024-03-11' names no article before '='"),
    ],
    ids=["relative", "lasting", "one date for two", "unknown file", "twice", "no file before ="],
)
def test_a_publication_date_that_does_not_fit_is_a_usage_error(
    articles: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    assert said in usage("draft", *argv, "-o", "draft.toml", capsys=capsys)
    assert not Path("draft.toml").exists()


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("nowhere.txt", None, "nowhere.txt: cannot read the article"),
        ("nowhere.txt", b"\x00\x01binary", "is a binary file"),
        ("page.html", b"<!DOCTYPE html>\n<html><head><title>Troops</title></head><body><nav></nav></body>",
         "page.html: the page has no main text to draft"),
        ("zh.txt", "国家情报院周二表示，朝鲜已向俄罗斯增派约3000名士兵。\n".encode(),
         "mostly in CJK letters"),
    ],
    ids=["missing", "binary", "html without text", "chinese"],
)  # fmt: skip
def test_an_article_that_cannot_be_read_is_one_line_naming_it(
    articles: Path, name: str, content: bytes | None, said: str
) -> None:
    if content is not None:
        Path(name).write_bytes(content)
    code, _, err = run("draft", name, "-o", "draft.toml")
    assert code == 1
    assert said in err
    assert len(err.strip().splitlines()) == 1
    assert not Path("draft.toml").exists()


def test_the_installed_command_drafts_without_a_traceback(articles: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "draft", "missing.txt", "-o", "x.toml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "missing.txt" in done.stderr
