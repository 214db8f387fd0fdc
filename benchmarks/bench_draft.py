"""Drafting a 1,000-word article: in one process, and as the whole ``chronology draft`` command.

Run: ``python benchmarks/bench_draft.py [--rounds N] [--process-rounds N]`` (needs the ``draft`` extra for
the HTML side: ``pip install '.[draft]'``).

The article: the whole paragraphs of the seed article ``003_80b3058face6d8d5.txt`` (a report on North
Korean troops in Russia, from the seeds of issue 26), from its first, until they reach 1,000 words; it
is drafted with the publication date 2024-10-29, so that its relative phrases are read. The same text is
also saved as an HTML page (a head with its metadata, a menu and a footer around an ``<article>`` of its
paragraphs), to time what reading a page adds.

In one process, after the imports and every table the reading needs are loaded (one untimed draft of each
side first), three sides are timed, interleaved round by round, so that each sees the same moments of a
shared machine's load:

* text, drafted: ``article_from_text`` then ``draft_article`` (the sentences, their date phrases, roles,
  titles and claims), nothing written;
* text, drafted and written: the same, then ``write_draft`` to a new file (the TOML made, read back by
  the loader to check it, written atomically under its lock): what ``chronology draft`` does;
* page, drafted: ``read_article`` of the HTML page (trafilatura reduces it to its text and metadata),
  then ``draft_article``.

Goal (issue 26): the text drafted in under 1 s in one process. Then the whole process, ``python -m
chronology draft ARTICLE --published 2024-10-29 -o OUT`` of the text and of the page, as a user runs it
(the interpreter's start, the imports and the writing included), timed from outside, interleaved too.
Each line prints the median and the min-max over the rounds.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

from chronology import parse
from chronology.dates import UncertainDate
from chronology.draft import article_from_text, draft_article, read_article, write_draft

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = "003_80b3058face6d8d5.txt"
WORDS = 1_000
PUBLISHED = "2024-10-29"
GOAL = 1.0


def article_text(seed: Path) -> str:
    """The seed's whole paragraphs, from its first, until they reach :data:`WORDS` words."""
    kept: list[str] = []
    words = 0
    for line in seed.read_text(encoding="utf-8").splitlines():
        if line.strip() and words < WORDS:
            kept.append(line.strip())
            words += len(line.split())
    return "\n\n".join(kept) + "\n"


def as_page(text: str) -> str:
    """The article as a news site would serve it: metadata in its head, a menu and a footer around it."""
    paragraphs = "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in text.split("\n\n") if paragraph.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>North Korean troops in Russia | Benchmark News</title>
<meta property="og:site_name" content="Benchmark News">
<meta property="og:title" content="North Korean troops in Russia">
<meta property="article:published_time" content="{PUBLISHED}T08:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/archive">Archive of 28 October 2024</a></nav>
<article><h1>North Korean troops in Russia</h1>
{paragraphs}
</article>
<footer>Updated on Monday. Copyright 2024 Benchmark News.</footer>
</body></html>
"""


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def spread(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:8.1f} ms   (min-max {min(times) * 1000:.1f}-{max(times) * 1000:.1f})"
    )


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--rounds", type=int, default=15, help="interleaved rounds in process (default 15)")
    options.add_argument("--process-rounds", type=int, default=5, help="rounds of the whole command (default 5)")
    arguments = options.parse_args()

    seed = SEEDS / SEED
    text = article_text(seed)
    published = parse(PUBLISHED)
    assert isinstance(published, UncertainDate)
    folder = Path(tempfile.mkdtemp(prefix="bench_draft_"))
    text_file = folder / "article.txt"
    page_file = folder / "article.html"
    text_file.write_text(text, encoding="utf-8")
    page_file.write_text(as_page(text), encoding="utf-8")
    outputs = iter(range(10**9))

    def draft_text() -> object:
        return draft_article(article_from_text(text, "article.txt"), published=published)

    def draft_and_write() -> object:
        draft = draft_article(article_from_text(text, "article.txt"), published=published)
        return write_draft(folder / f"out-{next(outputs)}.toml", [draft])

    def draft_page() -> object:
        return draft_article(read_article(page_file), published=published)

    sides: dict[str, Callable[[], object]] = {
        "text, drafted": draft_text,
        "text, drafted and written": draft_and_write,
        "page, drafted": draft_page,
    }
    first = draft_text()
    page_first = draft_page()
    draft_and_write()  # every side once, untimed: imports, grammars and tables loaded

    proposals = len(first.proposals)  # type: ignore[attr-defined]
    page_proposals = len(page_first.proposals)  # type: ignore[attr-defined]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, load average {load}")
    print(
        f"article: {SEED}, its first {len(text.split())} words ({len(text):,} characters) in whole paragraphs, "
        f"published {PUBLISHED}; {proposals} events proposed from the text, {page_proposals} from the page"
    )
    print(f"in one process, after one untimed draft of each side; {arguments.rounds} interleaved rounds:")
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(arguments.rounds):
        for name, work in sides.items():
            times[name].append(timed(work))
    for name, spent in times.items():
        print(f"  {name:28} {spread(spent)}")
    median = statistics.median(times["text, drafted"])
    met = "met" if median < GOAL else "MISSED"
    print(f"goal: a 1,000-word article drafted in under {GOAL:g} s in one process: {met} ({median:.3f} s)")

    print(
        f"the whole process, `python -m chronology draft ARTICLE --published {PUBLISHED} -o OUT`; "
        f"{arguments.process_rounds} interleaved rounds:"
    )
    commands = {"text": text_file, "page": page_file}
    whole: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(arguments.process_rounds):
        for name, path in commands.items():
            out = folder / f"cli-{next(outputs)}.toml"
            argv = [sys.executable, "-m", "chronology", "draft", str(path), "--published", PUBLISHED, "-o", str(out)]
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            whole[name].append(time.perf_counter() - start)
    for name, spent in whole.items():
        print(f"  {name:28} {spread(spent)}")
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
