""" "Nearly 25,000": a figure a little under the one stated, never at or above it, read, written back and drawn so.

"nearly", "almost" and "just under" bound the true figure from above (the figure is the high, excluded, and no low
is stated), unlike "about", which may be on either side; every writer keeps the comparison, so a claim's figure
reads back to the same quantity, and the claims chart draws it as an open triangle pointing down, with no bar.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.lines import Line2D

import chronology
from chronology import Claim, Event, EventFile, Quantity, QuantityParseError, Source, Timeline, UncertainDate, parse
from chronology.exchange import from_csv, from_json, to_csv, to_json
from chronology.plot import plot_claims
from chronology.plot.claims import NEARLY
from chronology.quantity import Comparison

# -- reading --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparison", "low", "high", "currency"),
    [
        ("nearly 25,000", Comparison.NEARLY, None, 25_000, ""),
        ("Nearly 25,000", Comparison.NEARLY, None, 25_000, ""),
        ("almost 3 million", Comparison.NEARLY, None, 3_000_000, ""),
        ("just under 25 000", Comparison.NEARLY, None, 25_000, ""),
        ("just below 500", Comparison.NEARLY, None, 500, ""),
        ("just shy of 1,000", Comparison.NEARLY, None, 1_000, ""),
        ("nearly $2,000", Comparison.NEARLY, None, 2_000, "$"),
        ("거의 1만", Comparison.NEARLY, None, 10_000, ""),
        ("1만 가까이", Comparison.NEARLY, None, 10_000, ""),
        ("close to 25,000", Comparison.ABOUT, 25_000, 25_000, ""),
        ("about 25,000", Comparison.ABOUT, 25_000, 25_000, ""),
        ("under 25,000", Comparison.FEWER_THAN, None, 25_000, ""),
        ("just over 1,000", Comparison.MORE_THAN, 1_000, None, ""),
    ],
    ids=[
        "nearly",
        "capitalised",
        "almost-scaled",
        "just-under-spaced",
        "just-below",
        "just-shy-of",
        "currency",
        "korean-before",
        "korean-after",
        "close-to-either-side",
        "about-unchanged",
        "under-unchanged",
        "just-over",
    ],
)
def test_a_figure_is_read_with_the_side_its_wording_gives(
    text: str, comparison: Comparison, low: float | None, high: float | None, currency: str
) -> None:
    read = Quantity.parse(text)
    assert (read.comparison, read.low, read.high, read.currency) == (comparison, low, high, currency)
    assert read.text == text


def test_nearly_is_not_about_the_same_figure() -> None:
    assert Quantity.parse("nearly 25,000") != Quantity.parse("about 25,000")
    assert Quantity.parse("almost 25,000") == Quantity.parse("nearly 25,000")  # the wording differs, not the figure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("nearly 25,000", "nearly 25,000"),
        ("almost 3 million", "nearly 3,000,000"),
        ("just under $2,000", "nearly $2,000"),
        ("almost 2.5", "nearly 2.5"),
        ("1만 가까이", "nearly 10,000"),
    ],
)
def test_the_label_says_nearly_and_reads_back_to_the_same_figure(text: str, label: str) -> None:
    read = Quantity.parse(text)
    assert read.label == label
    assert Quantity.parse(read.label) == read


def test_a_nearly_figure_built_without_wording_has_a_label_that_reads_back() -> None:
    built = Quantity(comparison=Comparison.NEARLY, high=25_000)
    assert built.label == "nearly 25,000"
    assert Quantity.parse(built.label) == built


def test_nearly_a_range_is_refused_naming_the_text() -> None:
    with pytest.raises(QuantityParseError, match="nearly 10,000-12,000"):
        Quantity.parse("nearly 10,000-12,000")


# -- drafting -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Nearly 25,000 troops were deployed, officials said.", "en"),
        ("Officials said just under 25,000 troops were deployed.", "en"),
        ("По данным штаба, почти 25 000 военнослужащих были переброшены.", "ru"),
        ("Майже 25 тисяч військових було перекинуто.", "uk"),
        ("국정원은 북한군 거의 2만5천 명이 파병됐다고 밝혔다.", "ko"),
    ],
    ids=["en-nearly", "en-just-under", "ru-pochti", "uk-mayzhe", "ko-geoui"],
)
def test_a_drafted_figure_after_nearly_is_read_as_nearly(sentence: str, language: str) -> None:
    from chronology.draft.claims import find_figures

    if language != "en":
        pytest.importorskip("pymorphy3")
        pytest.importorskip("babel")
    (figure,) = find_figures(sentence, language=language)  # type: ignore[arg-type]
    read = Quantity.parse(figure.reading or figure.value)
    assert (read.comparison, read.low, read.high) == (Comparison.NEARLY, None, 25_000)


# -- writing back -----------------------------------------------------------------------------------------

SAID = UncertainDate.parse("2024-11-05")


def troops(*values: Quantity) -> Timeline:
    """One event, a claim for each figure, from one dated source."""
    source = Source(id="report", outlet="Wire", published=SAID)
    claims = [
        Claim(subject="North Korean troops", value=value, unit="soldiers", claimant=f"claimant {k}", source="report")
        for k, value in enumerate(values)
    ]
    return Timeline([Event(id="deploy", title="Deployment", when=SAID, claims=claims)], [source])


FIGURES = (
    Quantity.parse("nearly 25,000"),
    Quantity.parse("almost 3 million"),
    Quantity(comparison=Comparison.NEARLY, high=12_000),  # no wording: written as its label
    Quantity.parse("about 24,000"),
)


def assert_same_figures(back: Timeline) -> None:
    values = [claim.value for claim in back["deploy"].claims]
    assert values == list(FIGURES)
    assert [v.comparison for v in values] == [Comparison.NEARLY, Comparison.NEARLY, Comparison.NEARLY, Comparison.ABOUT]
    assert [v.text for v in values] == ["nearly 25,000", "almost 3 million", "nearly 12,000", "about 24,000"]


def test_an_event_file_writes_nearly_and_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[sources]]\nid = "report"\noutlet = "Wire"\npublished = "2024-11-05"\n', encoding="utf-8")
    with EventFile.open(path) as file:
        file.add(troops(*FIGURES)["deploy"])
    text = path.read_text(encoding="utf-8")
    assert 'value = "nearly 12,000"' in text
    assert_same_figures(chronology.load(path))


def test_json_writes_nearly_and_reads_it_back() -> None:
    assert_same_figures(from_json(to_json(troops(*FIGURES))))


def test_csv_writes_nearly_and_reads_it_back() -> None:
    timeline = troops(*FIGURES)
    assert_same_figures(from_csv(to_csv(timeline), path="troops.csv", sources=timeline.sources))


def test_parquet_writes_nearly_and_reads_it_back(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    troops(*FIGURES).to_parquet(tmp_path / "troops.parquet")
    assert_same_figures(chronology.load(tmp_path / "troops.parquet"))


def test_markdown_describes_nearly_as_nearly() -> None:
    from chronology.exchange.markdown import to_markdown

    text = to_markdown(troops(Quantity(comparison=Comparison.NEARLY, high=12_000)))
    assert "nearly 12,000 soldiers" in text
    assert "about 12,000" not in text


# -- the claims chart ---------------------------------------------------------------------------------------


def said_claim(value: str, claimant: str, said: str) -> Claim:
    return Claim(
        subject="North Korean troops",
        value=Quantity.parse(value),
        unit="soldiers",
        claimant=claimant,
        source="report",
        said=parse(said),
    )


@pytest.fixture(scope="module")
def chart() -> Timeline:
    source = Source(id="report", outlet="Wire", published=UncertainDate.parse("2024-11-01"))
    claims = (
        said_claim("nearly 12,000", "NIS", "2024-10-20"),
        said_claim("about 11,000", "Pentagon", "2024-10-25"),
        said_claim("up to 10,000", "G20 assessments", "2024-10-30"),
    )
    return Timeline([Event(id="deploy", title="Deployment", when=parse("2024-10-20"), claims=claims)], [source])


def test_a_nearly_claim_is_an_open_triangle_pointing_down_at_its_figure(chart: Timeline) -> None:
    drawn = plot_claims(chart)
    (number,) = [k for k, (_, c) in enumerate(drawn.claims) if c.value.comparison is Comparison.NEARLY]
    x, y = drawn.points[number]
    assert y == 12_000  # at the figure itself: its high, a little above the truth
    (triangles,) = [m for m in drawn.marks if any(np.allclose(o, (x, y)) for o in np.asarray(m.get_offsets()))]
    corners = np.asarray(triangles.get_paths()[0].vertices, dtype=float)
    vertices = [(float(vx), float(vy)) for vx, vy in corners.tolist()]
    top, bottom = max(vy for _, vy in vertices), min(vy for _, vy in vertices)
    assert len({v for v in vertices if np.isclose(v[1], top)}) == 2  # a flat side on top: two corners
    (apex,) = {v for v in vertices if np.isclose(v[1], bottom)}  # one point at the bottom, in the middle
    assert np.isclose(apex[0], 0.0)
    faces = np.asarray(triangles.get_facecolor(), dtype=float)
    assert faces[0, :3].tolist() == [1.0, 1.0, 1.0]  # open, as "about" is: approximate


def test_a_nearly_claim_has_no_bar_and_no_arrow(chart: Timeline) -> None:
    drawn = plot_claims(chart)
    (nearly,) = [
        x for (x, _), (_, c) in zip(drawn.points, drawn.claims, strict=True) if c.value.comparison is Comparison.NEARLY
    ]
    (up_to,) = [
        x for (x, _), (_, c) in zip(drawn.points, drawn.claims, strict=True) if c.value.comparison is Comparison.UP_TO
    ]
    assert drawn.ranges is not None
    bars_at = [segment[0][0] for segment in drawn.ranges.get_segments()]
    assert bars_at == [pytest.approx(up_to)]  # "up to" runs from the bottom; "nearly" does not
    arrows_at = [arrow.xy[0] for arrow in drawn.arrows]
    assert arrows_at == [pytest.approx(up_to)]
    assert nearly not in arrows_at


def test_the_legend_says_nearly_with_its_triangle(chart: Timeline) -> None:
    legend = plot_claims(chart).ax.get_legend()
    assert legend is not None
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles, strict=True))
    handle = entries[NEARLY]
    assert "nearly" in NEARLY
    assert isinstance(handle, Line2D)
    assert handle.get_marker() == "v"
    assert handle.get_markerfacecolor() == "white"


def test_a_chart_of_nearly_and_about_alone_has_no_figure_as_stated() -> None:
    source = Source(id="report", outlet="Wire", published=UncertainDate.parse("2024-11-01"))
    claims = (said_claim("nearly 12,000", "NIS", "2024-10-20"), said_claim("about 11,000", "Pentagon", "2024-10-25"))
    timeline = Timeline([Event(id="d", title="D", when=parse("2024-10-20"), claims=claims)], [source])
    legend = plot_claims(timeline).ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert "figure as stated" not in texts  # no dot is drawn
    assert texts[-2:] == ["“about”", NEARLY]


def test_the_claims_table_keeps_the_wording() -> None:
    from chronology.plot import claims_table

    source = Source(id="report", outlet="Wire", published=UncertainDate.parse("2024-11-01"))
    claims = (said_claim("almost 12,000", "NIS", "2024-10-20"),)
    timeline = Timeline([Event(id="d", title="D", when=parse("2024-10-20"), claims=claims)], [source])
    assert "almost 12,000" in claims_table(timeline, format="csv")
