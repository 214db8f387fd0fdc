"""The TimelineJS export, opened by TimelineJS itself in headless Chromium.

The page loads TimelineJS's own ``timeline.js`` and ``timeline.css`` from
``CHRONOLOGY_TIMELINEJS_DIR`` (the package's ``dist`` folder; by default
``.ci/cache/node_modules/@knight-lab/timelinejs/dist``, where ``.ci/browser``
installs it) with the export inline, records script errors and TimelineJS's
own events and complaints into the page, and Chromium dumps the page once the
timeline has been drawn. Chromium is ``CHRONOLOGY_CHROMIUM`` or ``chromium`` on
the path. Without either the tests are skipped, saying what is missing, unless
``CHRONOLOGY_REQUIRE_BROWSER=1`` (as ``.ci/run`` sets it) makes them fail.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import chronology as c
from chronology import Citation, Event, Source, Timeline
from chronology.exchange import to_timelinejs

ROOT = Path(__file__).resolve().parent.parent
DIST = Path(
    os.environ.get(
        "CHRONOLOGY_TIMELINEJS_DIR", ROOT / ".ci" / "cache" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    )
)
SCRIPT = DIST / "js" / "timeline.js"
STYLE = DIST / "css" / "timeline.css"
_CHOSEN = os.environ.get("CHRONOLOGY_CHROMIUM")
CHROMIUM = shutil.which(_CHOSEN) if _CHOSEN else shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    if CHROMIUM is None:
        return "no Chromium: install it (apt-get install chromium, or run .ci/browser) or set CHRONOLOGY_CHROMIUM"
    if not SCRIPT.is_file() or not STYLE.is_file():
        return (
            f"no TimelineJS at {DIST} (js/timeline.js, css/timeline.css): run .ci/browser "
            "or set CHRONOLOGY_TIMELINEJS_DIR to the dist folder of @knight-lab/timelinejs"
        )
    return None


# .ci/run sets CHRONOLOGY_REQUIRE_BROWSER=1 after installing both: there, a missing piece fails instead of skipping.
_REQUIRED = os.environ.get("CHRONOLOGY_REQUIRE_BROWSER") == "1"
pytestmark = pytest.mark.skipif(_missing() is not None and not _REQUIRED, reason=_missing() or "")


def test_the_browser_and_timelinejs_are_there_when_required() -> None:
    assert _missing() is None


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>chronology in TimelineJS</title>
<link rel="stylesheet" href="{style}">
<script>
const outcome = {{errors: [], dataloaded: false, loaded: false, ready: false}};
window.onerror = function (message, source, line) {{
  outcome.errors.push(String(message) + " (" + source + ":" + line + ")");
}};
window.addEventListener("unhandledrejection", function (event) {{
  outcome.errors.push("unhandled rejection: " + event.reason);
}});
</script>
<script src="{script}"></script>
</head>
<body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<pre id="outcome">not reported</pre>
<script>
const DATA = {data};
let timeline = null;
function text(node) {{ return node ? node.textContent.trim() : null; }}
function report() {{
  const slides = Array.from(document.querySelectorAll(".tl-slide"));
  const events = slides.filter(s => !s.classList.contains("tl-slide-titleslide"));
  outcome.title_slides = slides.length - events.length;
  outcome.slides = events.map(s => ({{
    id: s.id,
    date: text(s.querySelector(".tl-headline-date")),
    headline: text(s.querySelector(".tl-headline")),
    text: text(s.querySelector(".tl-text-content")),
  }}));
  outcome.markers = Array.from(document.querySelectorAll(".tl-timemarker")).map(m => ({{
    id: m.id, label: m.ariaLabel || m.getAttribute("aria-label"),
  }}));
  outcome.groups = Array.from(document.querySelectorAll(".tl-timegroup-message")).map(text);
  outcome.config_errors = timeline && timeline.config ? timeline.config.messages.errors.map(String) : ["no config"];
  outcome.injected = window.injected === true;
  document.getElementById("outcome").textContent = JSON.stringify(outcome);
}}
try {{
  timeline = new TL.Timeline("timeline", DATA, {{script_path: "{script_dir}", font: null, hash_bookmark: false}});
  ["dataloaded", "loaded", "ready"].forEach(name => timeline.on(name, () => {{ outcome[name] = true; }}));
}} catch (error) {{
  outcome.errors.push("new TL.Timeline: " + error);
}}
setTimeout(report, 3000);
</script>
</body>
</html>
"""


def open_in_chromium(document: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Draw ``document`` with TimelineJS in headless Chromium; what the page recorded."""
    assert CHROMIUM is not None
    data = json.dumps(document, ensure_ascii=False).replace("<", "\\u003c")  # no "</script>" inside the script
    page = folder / "timeline.html"
    page.write_text(
        PAGE.format(
            style=STYLE.resolve().as_uri(),
            script=SCRIPT.resolve().as_uri(),
            script_dir=SCRIPT.resolve().parent.as_uri() + "/",
            data=data,
        ),
        encoding="utf-8",
    )
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--allow-file-access-from-files",
        f"--user-data-dir={folder / 'profile'}",
        "--window-size=1280,900",
        "--virtual-time-budget=15000",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="outcome">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found is not None, f"Chromium gave no page (exit {done.returncode}): {done.stderr[-2000:]}"
    assert found[1] != "not reported", "the page never reported: TimelineJS did not finish in the time budget"
    outcome = json.loads(html.unescape(found[1]))
    assert isinstance(outcome, dict)
    return outcome


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


@pytest.fixture(scope="module")
def drawn(showcase: Timeline, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return open_in_chromium(to_timelinejs(showcase), tmp_path_factory.mktemp("timelinejs"))


def test_timelinejs_loads_the_showcase_without_an_error(drawn: dict[str, Any]) -> None:
    assert drawn["errors"] == []
    assert drawn["config_errors"] == []
    assert (drawn["dataloaded"], drawn["loaded"], drawn["ready"]) == (True, True, True)


def test_timelinejs_draws_one_slide_and_one_marker_per_event(drawn: dict[str, Any], showcase: Timeline) -> None:
    ids = sorted(e.id for e in showcase)
    assert drawn["title_slides"] == 1
    assert sorted(s["id"] for s in drawn["slides"]) == ids
    assert sorted(m["id"] for m in drawn["markers"]) == sorted(f"{i}-marker" for i in ids)


def test_timelinejs_shows_every_date_as_the_library_labels_it(drawn: dict[str, Any], showcase: Timeline) -> None:
    shown = {s["id"]: s["date"] for s in drawn["slides"]}
    assert shown == {s["unique_id"]: s["display_date"] for s in to_timelinejs(showcase)["events"]}
    for event in showcase:  # the label itself, after the report's words where the date was read from them
        assert shown[event.id] == event.when.label or shown[event.id].endswith(f" ({event.when.label})")


def test_the_transfers_slide_shows_its_week_not_an_invented_day(drawn: dict[str, Any]) -> None:
    transfers = next(s for s in drawn["slides"] if s["id"] == "transfers")
    assert transfers["date"] == "the second week of October (between 7 and 13 Oct 2024)"
    assert transfers["headline"] == "Russian ships transfer 1,500 North Korean soldiers to Russia"
    assert "When: between 7 and 13 Oct 2024 (as precisely as the sources give it)" in transfers["text"]
    marker = next(m for m in drawn["markers"] if m["id"] == "transfers-marker")
    assert marker["label"].startswith(
        "Russian ships transfer 1,500 North Korean soldiers to Russia, the second week of October (between 7 and 13 Oct 2024)"
    )
    # TimelineJS's own formatting of a day ("October 7, 2024") or of the month it is placed on ("October 2024")
    for shown in (transfers["date"], marker["label"]):
        assert not re.search(r"October( \d{1,2},)? 2024", shown)


def test_open_and_lasting_dates_are_shown_as_labelled(drawn: dict[str, Any]) -> None:
    shown = {s["id"]: s["date"] for s in drawn["slides"]}
    assert shown["war-in-ukraine"] == "from February 2022 (ongoing)"
    assert shown["korean-war"] == "from 1950 to 1953"
    assert shown["choe-moscow-pledge"] == "between 29 Oct and 30 Nov 2024"


def test_the_kinds_are_timelinejs_groups(drawn: dict[str, Any], showcase: Timeline) -> None:
    assert sorted(drawn["groups"]) == sorted({e.kind for e in showcase})


def test_markup_in_the_data_shows_as_text_and_runs_nothing(tmp_path: Path) -> None:
    source = Source(id="s", outlet="A & B <News>", title="<b>bold</b>", published=c.UncertainDate.parse("2024-11-17"))
    event = Event(
        id="x",
        title='<img src="nowhere" onerror="window.injected = true">Title & more',
        when=c.parse("2024-W41~"),
        kind="<img src=nowhere onerror='window.injected=true'>&lt;kind&gt;",
        citations=[Citation(source="s", quote="<script>window.injected = true</script>said")],
    )
    other = Event(id="y", title="Other", when=c.parse("2024-11-02"), kind="plain")
    outcome = open_in_chromium(to_timelinejs(Timeline([event, other], [source], title="<i>T</i>")), tmp_path)
    assert outcome["errors"] == []
    assert outcome["config_errors"] == []
    assert outcome["injected"] is False
    slide = next(s for s in outcome["slides"] if s["id"] == "x")
    assert slide["headline"] == '<img src="nowhere" onerror="window.injected = true">Title & more'
    assert slide["date"] == "c. between 7 and 13 Oct 2024"
    assert "<script>window.injected = true</script>said" in slide["text"]
    assert "A & B <News>, “<b>bold</b>”, published 17 November 2024" in slide["text"]
    assert "<img src=nowhere onerror='window.injected=true'>&lt;kind&gt;" in outcome["groups"]
