"""Every example in the README and docs runs as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import chronology

ROOT = Path(__file__).resolve().parent.parent


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)


def test_the_event_file_reference_example_loads_and_its_code_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = ROOT / "docs" / "event-file.md"
    (example,) = blocks(page, "toml")
    monkeypatch.chdir(tmp_path)
    Path("events.toml").write_text(example, encoding="utf-8")
    timeline = chronology.load("events.toml")
    assert [event.id for event in timeline] == ["nis-statement", "transfers"]
    assert timeline["transfers"].when.label == "7-13 Oct 2024"
    assert dict(timeline["transfers"].extra) == {"analyst": "J. Doe"}
    for code in blocks(page, "python"):
        exec(compile(code, str(page), "exec"), {})
    printed = [line.split("#")[0].strip() for line in capsys.readouterr().out.splitlines()]
    assert printed == ["18 November – 19 November 2024", "7-13 Oct 2024"]
    saved = Path("events.toml").read_text(encoding="utf-8").splitlines()
    kept = iter(saved)
    assert all(line in kept for line in example.splitlines())  # every line, comments included, in order


def test_the_readme_example_gives_what_its_comments_say() -> None:
    (code,) = blocks(ROOT / "README.md", "python")
    namespace: dict[str, object] = {}
    for line in code.splitlines():
        statement, _, comment = line.partition("  # ")
        if not statement.strip():
            continue
        if comment and not statement.lstrip().startswith(("import", "report", "transfers =", "pact")):
            assert repr(eval(statement, namespace)) == comment.strip(), statement
        else:
            exec(statement, namespace)


PAGES_WITH_SESSIONS = sorted(page for page in (ROOT / "docs").glob("*.md") if blocks(page, "pycon"))


@pytest.mark.parametrize("page", PAGES_WITH_SESSIONS, ids=lambda p: p.name)
def test_every_doctest_session_in_the_docs_passes(page: Path) -> None:
    sessions = blocks(page, "pycon")
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(sessions), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} of {runner.tries} examples in {page.name} failed"


def test_the_readme_event_file_loads_as_described(tmp_path: Path) -> None:
    (example,) = blocks(ROOT / "README.md", "toml")
    path = tmp_path / "events.toml"
    path.write_text(example, encoding="utf-8")
    timeline = chronology.load(path)
    assert timeline["scholz-putin-call"].when.label == "15 November 2024"


def test_the_queries_page_code_runs_on_the_showcase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for code in blocks(ROOT / "docs" / "queries.md", "python"):
        exec(compile(code, "queries.md", "exec"), namespace)
    october = namespace["october"]
    assert isinstance(october, chronology.Timeline)
    assert "transfers" in october
    assert "defence-pact" not in october
    earlier = namespace["earlier"]
    assert isinstance(earlier, chronology.Timeline)
    assert "transfers" in earlier


def test_the_queries_picture_is_drawn_from_the_librarys_answers(tmp_path: Path) -> None:
    import runpy

    script = runpy.run_path(str(ROOT / "docs" / "pictures" / "queries.py"))
    script["draw"](tmp_path / "queries.png")
    assert (tmp_path / "queries.png").stat().st_size > 10_000
    verdicts = [script["verdicts"](start, end) for _, start, end in script["CASES"]]
    assert verdicts == [
        ("certain", "certain"),
        ("certain", "certain"),
        ("possible", "possible"),
        ("no", "no"),
        ("certain", "no"),
        ("possible", "no"),
        ("certain", "certain"),
    ]
