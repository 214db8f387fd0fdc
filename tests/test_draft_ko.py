"""Drafting Korean articles: the events, bounds, quotes, claims and reports links they propose."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from drafting import draft_text, iso_days

import chronology
from chronology.cli import main
from chronology.dates import UncertainDate
from chronology.draft import article_from_text
from chronology.draft.language import detect_language

pytest.importorskip("babel")
pytest.importorskip("lingua")

DATED = """국정원 "北, 러시아에 특수부대 파병"
date 2024-10-18

(서울=연합뉴스) 홍길동 기자 = 국가정보원은 북한이 지난 8일부터 13일까지 특수부대 1천500명을 러시아로 이송했다고 18일 밝혔다. 국정원에 따르면 북한은 연말까지 최대 1만2천 명을 파병할 예정이다. 김정은 국무위원장은 지난해 9월 러시아 극동을 방문했다. 북한과 러시아는 올해 6월 포괄적 전략동반자 관계 조약을 체결했다.
"""
UNDATED = """북한군 러시아 파병

조선중앙통신은 지난 금요일 북한과 러시아가 협력을 강화하기로 했다고 보도했다. 북한군 1만 명 이상이 2024년 10월 쿠르스크 지역에 배치됐다.
"""


def test_a_korean_article_is_detected_as_korean() -> None:
    assert detect_language(DATED) == "ko"
    assert detect_language(UNDATED) == "ko"


def test_a_yonhap_dateline_gives_the_outlet_and_reporter_and_is_left_out_of_the_first_sentence() -> None:
    article = article_from_text(DATED, "ko.txt")
    assert (article.outlet, article.authors) == ("연합뉴스", ("홍길동",))
    assert article.body_text.startswith("국가정보원은 북한이")


def test_a_dated_korean_article_proposes_its_events_with_their_bounds() -> None:
    drafted = draft_text(DATED, "ko.txt")
    events = {p.phrase: p.event for p in drafted.proposals}
    assert set(events) == {"2024-10-18", "18일", "지난 8일부터 13일까지", "연말", "지난해 9월", "올해 6월"}
    transfers = events["지난 8일부터 13일까지"].when
    assert isinstance(transfers, chronology.Interval)
    assert isinstance(transfers.start, UncertainDate)
    assert isinstance(transfers.end, UncertainDate)
    assert (iso_days(transfers.start)[0], iso_days(transfers.end)[1]) == ("2024-10-08", "2024-10-13")
    assert iso_days(events["18일"].when) == ("2024-10-18", "2024-10-18")
    assert iso_days(events["지난해 9월"].when) == ("2023-09-01", "2023-09-30")
    assert iso_days(events["올해 6월"].when) == ("2024-06-01", "2024-06-30")
    assert events["연말"].tense.value == "future"  # "파병할 예정이다"


def test_the_nis_statement_of_the_18th_reports_what_its_clause_dates() -> None:
    drafted = draft_text(DATED, "ko.txt")
    events = {p.phrase: p.event for p in drafted.proposals}
    statement, transfers = events["18일"], events["지난 8일부터 13일까지"]
    assert statement.kind == "statement"
    assert statement.reports == (transfers.id,)
    assert transfers.anchor == statement.id
    assert transfers.title == "북한이 지난 8일부터 13일까지 특수부대 1천500명을 러시아로 이송했다"
    assert transfers.citations[0].quote.endswith("이송했다고 18일 밝혔다.")


def test_korean_figures_become_claims_with_their_claimant() -> None:
    drafted = draft_text(DATED, "ko.txt")
    events = {p.phrase: p.event for p in drafted.proposals}
    (troops,) = events["연말"].claims
    assert (troops.value.comparison.name, troops.value.high, troops.unit, troops.claimant) == (
        "UP_TO",
        12_000,
        "명",
        "국정원",
    )
    (moved,) = events["18일"].claims
    assert (moved.value.low, moved.unit, moved.claimant) == (1_500, "명", "국가정보원")


def test_an_undated_korean_article_keeps_its_relative_phrases_in_comments() -> None:
    drafted = draft_text(UNDATED, "undated.txt")
    assert [p.phrase for p in drafted.proposals] == ["2024년 10월"]
    assert iso_days(drafted.proposals[0].event.when) == ("2024-10-01", "2024-10-31")
    kept = {leftover.phrase for leftover in drafted.leftovers}
    assert "지난 금요일" in kept
    (claim,) = drafted.proposals[0].event.claims
    assert (claim.value.comparison.name, claim.value.low, claim.unit) == ("AT_LEAST", 10_000, "명")


def test_an_undated_korean_article_given_its_date_reads_its_relative_phrases() -> None:
    drafted = draft_text(UNDATED, "undated.txt", published=UncertainDate.parse("2024-11-17"), language="ko")
    events = {p.phrase: p.event for p in drafted.proposals}
    assert iso_days(events["지난 금요일"].when) == ("2024-11-15", "2024-11-15")
    assert events["지난 금요일"].kind == "statement"


def test_validate_accepts_a_korean_draft(tmp_path: Path) -> None:
    (tmp_path / "ko.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    out = tmp_path / "draft.toml"
    printed = io.StringIO()
    code = main(["draft", str(tmp_path / "ko.txt"), str(tmp_path / "undated.txt"), "-o", str(out)], out=printed)
    assert code == 0, printed.getvalue()
    assert chronology.validate(out) == ()
    assert main(["validate", str(out)], out=io.StringIO()) == 0
    whens = {event.when.text for event in chronology.load(out)}
    assert {"18일", "지난 8일부터 13일까지", "지난해 9월", "2024년 10월"} <= whens


def test_language_ko_is_a_choice_of_the_command(tmp_path: Path) -> None:
    (tmp_path / "ko.txt").write_text(DATED, encoding="utf-8")
    out = tmp_path / "draft.toml"
    assert main(["draft", str(tmp_path / "ko.txt"), "--language", "ko", "-o", str(out)], out=io.StringIO()) == 0
    assert "지난해 9월" in out.read_text(encoding="utf-8")
