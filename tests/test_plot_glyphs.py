"""Charts draw only characters their font has: no "Glyph ... missing from font" warning for an emoji."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from matplotlib.text import Text

import chronology
from chronology.plot import plot_claims, plot_timeline, save_figure
from chronology.plot._glyphs import MISSING, drawable

EMOJI = """\
title = "Launch day 🚀"

[[sources]]
id = "s"
title = "Report 📰"
outlet = "Gazette ✨"

[[events]]
id = "a"
title = "Rocket 🚀 launched 🎉 from the pad"
when = "2024-03-11"
kind = "launch 🚀"
actors = ["Team 👩‍🚀"]
tags = ["go ❤️"]

[[events.citations]]
source = "s"

[[events]]
id = "b"
title = "Crowd cheered 👏🏽 and left"
when = "2024-03-14"
kind = "crowd"

[[events.claims]]
subject = "people 👥 present"
value = "about 2,000"
unit = "people 🧑"
claimant = "the organisers 🎪"
source = "s"
"""


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("Rocket 🚀 launched", "Rocket launched"),
        ("🚀 Launch", "Launch"),
        ("Launch 🚀", "Launch"),
        ("“Report 📰”", "“Report”"),
        ("cheered 👏🏽 and left", "cheered and left"),
        ("👩‍🚀 crew", "crew"),
        ("❤️ love", "❤ love"),
        ("한국 talks", f"{MISSING}{MISSING} talks"),
        ("Kyiv – Київ, 18 October…", "Kyiv – Київ, 18 October…"),
        ("line 🚀\nnext", "line\nnext"),
    ],
    ids=["between words", "first", "last", "inside quotation marks", "skin tone", "joined", "variation selector",
         "letters the font lacks", "all in the font", "over two lines"],
)  # fmt: skip
def test_what_the_font_lacks_is_left_out_or_shown_as_a_box(text: str, drawn: str) -> None:
    assert drawable(text) == drawn


def texts(figure: object) -> list[str]:
    return [artist.get_text() for artist in figure.findobj(Text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("group_by", ["kind", "actor", "tag", "source", None])
def test_a_timeline_with_emoji_is_drawn_without_a_glyph_warning(tmp_path: Path, group_by: str | None) -> None:
    path = tmp_path / "emoji.toml"
    path.write_text(EMOJI, encoding="utf-8")
    timeline = chronology.load(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph warns as it is measured or drawn
        drawn = plot_timeline(timeline, group_by=group_by, dates=True)  # type: ignore[arg-type]
        save_figure(drawn.figure, tmp_path / "emoji.png")
    shown = "\n".join(texts(drawn.figure))
    assert "Rocket launched from the pad" in shown
    assert "Crowd cheered and left" in shown
    assert "Launch day" in shown
    assert not any(ord(character) >= 0x1F000 for character in shown)


def test_a_claims_chart_with_emoji_is_drawn_without_a_glyph_warning(tmp_path: Path) -> None:
    path = tmp_path / "emoji.toml"
    path.write_text(EMOJI, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = plot_claims(chronology.load(path), subject="people")
        save_figure(drawn.figure, tmp_path / "claims.png")
    shown = "\n".join(texts(drawn.figure))
    assert "people present" in shown
    assert "the organisers" in shown
    assert not any(ord(character) >= 0x1F000 for character in shown)
