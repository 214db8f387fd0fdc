"""Charts draw letters DejaVu Sans lacks in an installed font that has them, and say when none has them."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.text import Text

import chronology
from chronology.cli import main
from chronology.errors import PlotError
from chronology.plot import MissingFontWarning, _fonts, plot_claims, plot_timeline, save_figure
from chronology.plot._fonts import MAIN, fonts_for, installed_family
from chronology.plot._glyphs import MISSING

#: A letter DejaVu Sans lacks and STIXGeneral, which matplotlib ships, has: LATIN SMALL LETTER D WITH PALATAL HOOK.
HOOKED_D = "\u1d81"
STIX = str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "STIXGeneral.ttf")

KOREAN = """\
title = "북한군 파병"

[[sources]]
id = "yonhap"
outlet = "연합뉴스"
title = "국정원 발표"
published = "2024-10-18"

[[events]]
id = "a"
title = "국정원은 18일 밝혔다"
when = "2024-10-18"
kind = "statement"

[[events.citations]]
source = "yonhap"

[[events.claims]]
subject = "북한군"
value = "about 12,000"
unit = "명"
source = "yonhap"

[[events]]
id = "b"
title = "Troops arrive in Kursk"
when = "2024-10-20"
"""


@pytest.fixture(autouse=True)
def fresh_fonts() -> Iterator[None]:
    """Each test looks for fonts anew (the search is cached for the process)."""
    _fonts._fallbacks.cache_clear()
    _fonts._family_characters.cache_clear()
    yield
    _fonts._fallbacks.cache_clear()
    _fonts._family_characters.cache_clear()


@pytest.fixture
def only_matplotlibs_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with the fonts matplotlib ships and no other (no CJK font), as a bare CI machine has."""
    shipped = matplotlib.get_data_path()
    monkeypatch.setattr(
        font_manager.fontManager,
        "ttflist",
        [e for e in font_manager.fontManager.ttflist if e.fname.startswith(shipped)],
    )
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])


@pytest.fixture
def no_font_but_dejavu(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose only font is DejaVu Sans: no font has Korean letters."""
    monkeypatch.setattr(
        font_manager.fontManager, "ttflist", [e for e in font_manager.fontManager.ttflist if e.name == MAIN]
    )
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])


def texts(figure: object) -> str:
    return "\n".join(artist.get_text() for artist in figure.findobj(Text))  # type: ignore[attr-defined]


def korean(tmp_path: Path) -> chronology.Timeline:
    path = tmp_path / "ko.toml"
    path.write_text(KOREAN, encoding="utf-8")
    return chronology.load(path)


@pytest.mark.parametrize(
    "text",
    ["Dockers vote for a strike", "Kyiv – Київ, 18 October…", "Αθήνα", "Launch 🚀 day"],
    ids=["English", "Cyrillic", "Greek", "an emoji, which is left out"],
)
def test_text_dejavu_draws_whole_is_drawn_in_dejavu_alone(text: str) -> None:
    assert fonts_for([text]).families == (MAIN,)  # no font.family set: the pictures stay as they were


def test_a_letter_dejavu_lacks_is_drawn_in_an_installed_font_that_has_it(only_matplotlibs_fonts: None) -> None:
    fonts = fonts_for([f"Palatal {HOOKED_D}"])
    assert fonts.families[0] == MAIN
    assert "STIXGeneral" in fonts.families
    assert ord(HOOKED_D) in fonts.characters


def test_the_preferred_families_are_looked_at_first(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = next(e for e in font_manager.fontManager.ttflist if e.name == "STIXGeneral")
    renamed = [
        font_manager.FontEntry(fname=entry.fname, name=name, style="normal", weight=400)
        for name in ("AAA Symbols", "NanumGothic")  # "AAA" first by name, "NanumGothic" preferred
    ]
    dejavu = [e for e in font_manager.fontManager.ttflist if e.name == MAIN]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", dejavu + renamed)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])
    assert [name for name, _, _ in _fonts._candidates()] == ["NanumGothic", "AAA Symbols"]


def test_a_timeline_with_a_letter_dejavu_lacks_draws_it(tmp_path: Path, only_matplotlibs_fonts: None) -> None:
    path = tmp_path / "hooked.toml"
    path.write_text(f'[[events]]\nid = "a"\ntitle = "The {HOOKED_D} letter"\nwhen = "2024-03-11"\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither a missing glyph nor a missing font
        drawn = plot_timeline(chronology.load(path))
        save_figure(drawn.figure, tmp_path / "hooked.png")
    assert drawn.labels["a"].get_text() == f"The {HOOKED_D} letter"
    assert "STIXGeneral" in drawn.labels["a"].get_fontfamily()
    assert matplotlib.rcParams["font.family"] != drawn.labels["a"].get_fontfamily()  # nothing leaks out


def test_letters_no_font_has_are_boxes_and_warned_of_once(tmp_path: Path, no_font_but_dejavu: None) -> None:
    timeline = korean(tmp_path)
    with pytest.warns(MissingFontWarning) as caught:
        drawn = plot_timeline(timeline)
    save_figure(drawn.figure, tmp_path / "ko.png")  # drawing it warns of nothing more
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "Hangul" in message
    assert "apt-get install fonts-noto-cjk" in message
    assert "brew install --cask font-noto-sans-cjk" in message
    assert "--font PATH" in message
    assert drawn.labels["a"].get_text() == f"{MISSING * 4} 18{MISSING} {MISSING * 3}"
    assert "Troops arrive in Kursk" in texts(drawn.figure)


def test_a_claims_chart_warns_of_letters_no_font_has(tmp_path: Path, no_font_but_dejavu: None) -> None:
    with pytest.warns(MissingFontWarning, match="Hangul"):
        drawn = plot_claims(korean(tmp_path))
    assert MISSING in texts(drawn.figure)


def test_a_font_file_is_drawn_in_first(tmp_path: Path) -> None:
    assert fonts_for(["Kursk"], font=STIX).families[:2] == ("STIXGeneral", MAIN)
    path = tmp_path / "hooked.toml"
    path.write_text(f'[[events]]\nid = "a"\ntitle = "The {HOOKED_D} letter"\nwhen = "2024-03-11"\n', encoding="utf-8")
    drawn = plot_timeline(chronology.load(path), font=STIX)
    assert drawn.labels["a"].get_fontfamily()[0] == "STIXGeneral"


@pytest.mark.parametrize(
    ("given", "family"),
    [("DejaVu Serif", "DejaVu Serif"), ("dejavu  serif", "DejaVu Serif"), ("DejaVuSerif", "DejaVu Serif")],
    ids=["as named", "case and spaces", "without spaces"],
)
def test_an_installed_family_is_found_by_its_name(given: str, family: str) -> None:
    assert installed_family(given) == family


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("DejaVu Sanz", "the nearest installed family is 'DejaVu Sans'"),
        ("/no/such/font.ttf", "no such font file"),
        ("fonts/Missing.otf", "no such font file"),
        ("", "give a font file's path or an installed family's name"),
    ],
    ids=["misspelt family", "missing file", "relative missing file", "empty"],
)
def test_a_font_not_found_is_refused_naming_it(given: str, said: str) -> None:
    with pytest.raises(PlotError, match="font") as raised:
        installed_family(given)
    assert repr(given) in str(raised.value)
    assert said in str(raised.value)


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.ttf"
    path.write_text("not a font", encoding="utf-8")
    with pytest.raises(PlotError, match="not a font file"):
        installed_family(path)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_plot_command_says_once_which_letters_no_font_has(tmp_path: Path, no_font_but_dejavu: None) -> None:
    (tmp_path / "ko.toml").write_text(KOREAN, encoding="utf-8")
    code, out, err = run("plot", str(tmp_path / "ko.toml"), "-o", str(tmp_path / "ko.png"))
    assert code == 0
    assert "wrote" in out
    assert err.count("chronology plot: warning: no installed font has the Hangul letters") == 1
    assert "fonts-noto-cjk" in err


def test_the_plot_command_draws_in_the_font_given(tmp_path: Path, only_matplotlibs_fonts: None) -> None:
    (tmp_path / "ko.toml").write_text(KOREAN, encoding="utf-8")
    code, out, err = run("plot", str(tmp_path / "ko.toml"), "-o", str(tmp_path / "ko.png"), "--font", STIX)
    assert code == 0
    assert "wrote" in out
    assert "Hangul" in err  # STIXGeneral has no Korean letters either: said on standard error, not raised


def test_the_plot_command_refuses_a_font_not_installed(tmp_path: Path) -> None:
    (tmp_path / "ko.toml").write_text(KOREAN, encoding="utf-8")
    code, out, err = run("plot", str(tmp_path / "ko.toml"), "-o", str(tmp_path / "ko.png"), "--font", "DejaVu Sanz")
    assert code != 0
    assert out == ""
    assert err.startswith("chronology: font 'DejaVu Sanz'")
    assert "DejaVu Sans" in err
    assert "Traceback" not in err
    assert not (tmp_path / "ko.png").exists()
