"""The HTML table and what Jupyter shows for a Timeline: the picture and a table, escaped."""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from pathlib import Path

import pytest

import chronology as c
from chronology import Citation, Event, Source, Timeline
from chronology.exchange import to_html

ROOT = Path(__file__).resolve().parent.parent
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def showcase() -> Timeline:
    return c.load(ROOT / "events.toml")


class Table(HTMLParser):
    """The caption, the rows' cell texts and the images of an HTML fragment, checking that tags nest."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.caption = ""
        self.rows: list[list[str]] = []
        self.images: list[dict[str, str | None]] = []
        self.open: list[str] = []
        self._cell: list[str] | None = None
        self.feed(text)
        self.close()
        assert self.open == [], f"unclosed tags: {self.open}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
            return
        self.open.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self.open and self.open[-1] == "caption":
            self.caption += data


def test_the_table_lists_every_event_in_order(showcase: Timeline) -> None:
    table = Table(to_html(showcase))
    assert table.caption == "North Korean troops sent to Russia, 2023-2024"
    assert table.rows[0] == ["When", "Event", "Kind", "Sources"]
    body = table.rows[1:]
    events = showcase.sorted()
    assert [row[0] for row in body] == [e.when.label for e in events]
    assert [row[1] for row in body] == [e.title for e in events]
    assert [row[2] for row in body] == [e.kind for e in events]
    transfers = body[[e.id for e in events].index("transfers")]
    assert transfers == [
        "between 7 and 13 Oct 2024",
        "Russian ships transfer 1,500 North Korean soldiers to Russia",
        "deployment",
        "Al Jazeera",
    ]
    assert '<td title="EDTF [2024-10-07..2024-10-13]">between 7 and 13 Oct 2024</td>' in to_html(showcase)


def test_max_rows_cuts_the_table_and_says_how_many_more(showcase: Timeline) -> None:
    table = Table(to_html(showcase, max_rows=2))
    assert len(table.rows) == 1 + 2 + 1
    assert table.rows[-1] == ["… and 31 more events"]
    assert Table(to_html(showcase, max_rows=32)).rows[-1] == ["… and 1 more event"]
    assert len(Table(to_html(showcase, max_rows=33)).rows) == 34
    with pytest.raises(ValueError, match="max_rows=-1"):
        to_html(showcase, max_rows=-1)


def test_text_is_escaped() -> None:
    source = Source(id="s", outlet="<b>Outlet</b> & co")
    event = Event(
        id="e",
        title='<script>alert("x")</script>',
        when=c.parse("2024"),
        kind="<i>k</i>",
        citations=[Citation(source="s")],
    )
    text = to_html(Timeline([event], [source], title="<T>"))
    assert "<script>" not in text
    assert "<i>k" not in text
    table = Table(text)
    assert table.caption == "<T>"
    assert table.rows[1] == ["2024", '<script>alert("x")</script>', "<i>k</i>", "<b>Outlet</b> & co"]


def test_jupyter_gets_the_picture_and_the_table_drawn_once(showcase: Timeline) -> None:
    view = showcase.within("2024-10-01", "2024-10-31")
    bundle = view._repr_mimebundle_()
    assert sorted(bundle) == ["image/png", "text/html", "text/plain"]
    assert bundle["text/plain"] == repr(view)
    picture = bundle["image/png"]
    assert picture.startswith(PNG)
    assert picture == view._repr_png_()
    html = bundle["text/html"]
    assert html.startswith('<div class="chronology-timeline">')
    table = Table(html)
    [image] = table.images
    assert image["src"] == "data:image/png;base64," + base64.b64encode(picture).decode("ascii")
    assert image["alt"] == "the timeline: North Korean troops sent to Russia, 2023-2024"
    assert [row[0] for row in table.rows[1:]] == [e.when.label for e in view.sorted()]


def test_jupyter_lists_at_most_sixty_events(showcase: Timeline) -> None:
    events = [Event(id=f"e{i}", title=f"Event {i}", when=c.parse(f"2024-01-{i % 28 + 1:02d}")) for i in range(65)]
    table = Table(Timeline(events)._repr_mimebundle_()["text/html"])
    assert len(table.rows) == 1 + 60 + 1
    assert table.rows[-1] == ["… and 5 more events"]


def test_jupyter_draws_years_far_beyond_9999_too() -> None:
    timeline = Timeline([Event(id="far", title="Far", when=c.parse("Y170000002"))])
    bundle = timeline._repr_mimebundle_()
    assert sorted(bundle) == ["image/png", "text/html", "text/plain"]
    table = Table(bundle["text/html"])
    assert len(table.images) == 1
    assert table.rows[1][0] == "Y170000002"
