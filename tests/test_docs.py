"""Every example in the README and docs runs as written."""

from __future__ import annotations

import doctest
import importlib
import re
import shutil
from pathlib import Path

import pytest

import chronology

ROOT = Path(__file__).resolve().parent.parent


def blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)


def test_the_event_file_reference_example_loads_and_its_code_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = ROOT / "docs" / "reference" / "event-file.md"
    example, same_day, reading = blocks(page, "toml")
    monkeypatch.chdir(tmp_path)
    Path("same-day.toml").write_text(same_day, encoding="utf-8")
    linked = chronology.load("same-day.toml")  # the links section's example: what it says holds
    assert linked.narrowed("statement") == chronology.parse("2024-10-03")
    assert linked.relate("strike", "statement").before is chronology.Certainty.CERTAIN
    Path("reading.toml").write_text(reading, encoding="utf-8")
    read = chronology.load("reading.toml")  # a date read from another event binds both ways, as the page says
    assert read["talks"].when == chronology.parse("[2024-10-12..2024-10-22]")
    assert read.narrowed("talks") == chronology.parse("[2024-10-12..2024-10-14]")
    assert read.narrowed("strike") == chronology.parse("[2024-10-10..2024-10-12]")
    Path("events.toml").write_text(example, encoding="utf-8")
    timeline = chronology.load("events.toml")
    assert [event.id for event in timeline] == ["nis-statement", "transfers"]
    assert timeline["transfers"].when.label == "between 7 and 13 Oct 2024"
    assert dict(timeline["transfers"].extra) == {"analyst": "J. Doe"}
    for code in blocks(page, "python"):
        exec(compile(code, str(page), "exec"), {})
    printed = [line.split("#")[0].strip() for line in capsys.readouterr().out.splitlines()]
    assert printed == ["from 18 to 19 November 2024", "between 7 and 13 Oct 2024"]
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


def test_the_readme_commands_run_as_written_on_the_showcase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shlex

    from chronology.cli import main

    shutil.copy(ROOT / "events.toml", tmp_path / "events.toml")
    monkeypatch.chdir(tmp_path)
    (commands,) = [block for block in blocks(ROOT / "README.md", "sh") if "chronology add" in block]
    ran = []
    for line in commands.splitlines():
        argv = shlex.split(line, comments=True)
        if argv[0] == "cp":  # a copy to edit, as a reader would make it
            shutil.copy(*argv[1:])
            continue
        assert argv[0] == "chronology", line
        assert main(argv[1:]) == 0, f"{line}\n{capsys.readouterr().err}"
        ran.append(argv[1])
    assert ran == ["validate", "list", "query", "relate", "export", "plot", "plot", "add"]
    assert (tmp_path / "timeline.json").stat().st_size > 10_000
    assert (tmp_path / "october.png").stat().st_size > 10_000
    assert (tmp_path / "claims.png").stat().st_size > 10_000
    assert chronology.load(tmp_path / "mine.toml")["rutte-escalation"].when.label == "28 October 2024"
    assert "rutte-escalation" not in chronology.load(tmp_path / "events.toml")  # the showcase as shipped


DOCS = ROOT / "docs"
PAGES = sorted(page for page in DOCS.glob("**/*.md") if "_build" not in page.relative_to(DOCS).parts)
PAGES_WITH_SESSIONS = [page for page in PAGES if blocks(page, "pycon")]


def name(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("page", PAGES_WITH_SESSIONS, ids=name)
def test_every_doctest_session_in_the_docs_passes(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # sessions may read the showcase, events.toml
    sessions = blocks(page, "pycon")
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(sessions), {}, name(page), str(page), 0)
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


def test_the_concepts_pictures_are_drawn_by_the_script_and_up_to_date(tmp_path: Path) -> None:
    import runpy

    from matplotlib.testing.compare import compare_images

    script = runpy.run_path(str(DOCS / "pictures" / "concepts.py"))
    written = script["draw_all"](tmp_path)
    page = (DOCS / "concepts.md").read_text(encoding="utf-8")
    for path in written:
        assert f"(pictures/{path.name})" in page, path.name
        committed = DOCS / "pictures" / path.name
        difference = compare_images(str(committed), str(path), tol=2)
        assert difference is None, f"{committed} is out of date: python docs/pictures/concepts.py ({difference})"


def test_the_ordering_picture_shows_the_librarys_three_answers() -> None:
    import runpy

    script = runpy.run_path(str(DOCS / "pictures" / "concepts.py"))
    timeline = script["ordering_timeline"]()
    lanes = list(dict.fromkeys(event.kind for event in timeline))
    assert lanes == ["A before B: certain", "A before B: possible", "A before B: impossible"]


HOWTOS = sorted((DOCS / "howto").glob("*.md"))


@pytest.mark.parametrize("page", HOWTOS, ids=name)
def test_every_howto_guide_works_as_written(page: Path, tmp_path: Path) -> None:
    from matplotlib.testing.compare import compare_images
    from walkthrough import follow

    shutil.copy(ROOT / "events.toml", tmp_path / "events.toml")  # the showcase, as in a checkout of the code
    walk = follow(page, tmp_path)
    assert walk.commands or walk.files, f"{name(page)} has nothing to follow"
    shown = re.findall(r"!\[[^\]]*\]\(\.\./pictures/([^)]+\.png)\)", page.read_text(encoding="utf-8"))
    assert len(shown) == len(walk.pictures), "each picture drawn by a command is shown on the page, in order"
    for picture, drawn in zip(shown, walk.pictures, strict=True):
        actual = tmp_path / f"drawn-{picture}"
        actual.write_bytes(drawn)
        difference = compare_images(str(DOCS / "pictures" / picture), str(actual), tol=2)
        assert difference is None, f"docs/pictures/{picture} is out of date ({difference}): copy the new one in"


def test_the_timelinejs_guide_makes_a_page_that_loads_the_export(tmp_path: Path) -> None:
    import json

    from walkthrough import follow

    shutil.copy(ROOT / "events.toml", tmp_path / "events.toml")
    follow(DOCS / "howto" / "export-timelinejs.md", tmp_path)
    exported = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert len(exported["events"]) == len(chronology.load(ROOT / "events.toml"))
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert 'new TL.Timeline("timeline", "timeline.json")' in page
    inline = (tmp_path / "october.html").read_text(encoding="utf-8")
    data = inline.split('new TL.Timeline("timeline", ', 1)[1].rsplit(");</script>", 1)[0]
    assert len(json.loads(data)["events"]) == 18


def test_the_api_reference_documents_every_public_name() -> None:
    page = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. (?:auto)?(?:class|function|exception|data):: (\w+)", page, re.MULTILINE))
    assert set(chronology.__all__) <= documented


def test_the_api_reference_documents_every_exchange_format() -> None:
    import chronology.exchange

    page = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\.\. automodule:: (chronology\.exchange\.\w+)$", page, re.MULTILINE)
    for name in chronology.exchange.__all__:
        function = getattr(chronology.exchange, name)
        # a format's module documents its functions, written there or in its private parts (``__all__``)
        homes = [m for m in documented if name in getattr(importlib.import_module(m), "__all__", ())]
        assert function.__module__ in documented or homes, name


def test_the_cli_reference_has_a_generated_section_for_every_command() -> None:
    import argparse

    from chronology.cli import build_parser

    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    (commands,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    sections = re.findall(r"^## chronology (\S+)\n\n```\{chronology-cli\} (\S+)\n```$", page, re.MULTILINE)
    assert sections == [(name, name) for name in commands.choices]
    assert "```{chronology-cli}\n```" in page  # the overview
