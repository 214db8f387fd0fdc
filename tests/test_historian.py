"""The historian's example file: a chronology written only in words, loaded, listed, queried and drawn."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rtoml

import chronology
from chronology import DateParseError, Endpoint, Interval, UncertainDate
from chronology.cli import main
from chronology.notation.edtf import parse_edtf

FILE = Path(__file__).resolve().parent.parent / "examples" / "gutenberg.toml"


def run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(arguments), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_every_date_in_the_file_is_written_in_words_not_edtf() -> None:
    written = [event["when"] for event in rtoml.loads(FILE.read_text(encoding="utf-8"))["events"]]
    assert len(written) >= 12
    for text in written:
        with pytest.raises(DateParseError):
            parse_edtf(text)


def test_the_file_loads_with_each_phrase_read_as_documented() -> None:
    timeline = chronology.load(FILE)
    expected = {
        "birth": ("1400-01-01", "1400-12-31", True),
        "strasbourg": ("1434-01-01", "1444-12-31", False),
        "dritzehn-lawsuit": ("1439-01-01", "1439-12-31", False),
        "bible-work": ("1450-01-01", "1452-12-31", False),  # the early 1450s: the first three years
        "frankfurt-quires": ("1454-09-01", "1454-11-30", False),
        "helmasperger": ("1455-11-06", "1455-11-06", False),
        "sack-of-mainz": ("1462-10-21", "1462-10-31", False),
        "printing-age": ("1466-01-01", "1499-12-31", False),  # the late 15th century: its last 34 years
    }
    for event_id, (earliest, latest, approximate) in expected.items():
        when = timeline[event_id].when
        assert isinstance(when, UncertainDate), event_id
        assert (when.earliest.isoformat(), when.latest.isoformat(), when.approximate) == (earliest, latest, approximate)
    death = timeline["death"].when
    assert isinstance(death, UncertainDate)
    assert death.open_before
    assert death.latest.isoformat() == "1468-02-25"
    spread = timeline["spread"].when
    assert isinstance(spread, Interval)
    assert not isinstance(spread.start, Endpoint)
    assert spread.to_edtf() == "1460/1500"


def test_the_list_shows_every_event_in_order_with_labels_that_read_back() -> None:
    code, out, err = run("list", str(FILE))
    assert (code, err) == (0, "")
    rows = out.splitlines()[3:]
    assert len(rows) == 16
    timeline = chronology.load(FILE)
    ids = [event.id for event in timeline.sorted()]
    assert ids.index("birth") < ids.index("back-in-mainz") < ids.index("helmasperger") < ids.index("death")
    for event in timeline:
        assert chronology.parse(event.when.label).to_edtf() == event.when.to_edtf(), event.id
        assert any(row.startswith(event.when.label) for row in rows), event.when.label


def test_a_certain_query_never_says_an_open_date_happened_inside_a_window() -> None:
    timeline = chronology.load(FILE)
    certain = {e.id for e in timeline.overlapping("1455", "1456", mode="certain")}
    assert certain == {"helmasperger"}  # not "by 24 August 1456": it may be far earlier
    possible = {e.id for e in timeline.overlapping("1455", "1456")}
    # c. 1450 reaches 1455 with the file's five years; "before" dates may lie in the window, or long before it
    assert possible == {"fust-loan", "helmasperger", "rubrication", "death"}


def test_the_files_reading_widens_c_1400_by_five_years() -> None:
    code, out, _ = run("query", str(FILE), "--from", "1396", "--to", "1396")
    assert code == 0
    assert "birth" in out
    code, out, _ = run("query", str(FILE), "--from", "1396", "--to", "1396", "--widening", "approximate=1")
    assert code == 0
    assert "birth" not in out


def test_the_chronology_is_drawn(tmp_path: Path) -> None:
    code, out, err = run("plot", str(FILE), "-o", str(tmp_path / "gutenberg.png"))
    assert (code, err) == (0, "")
    assert "16 events" in out
    assert (tmp_path / "gutenberg.png").read_bytes().startswith(b"\x89PNG")


def test_relate_and_query_agree_on_c_1400_with_the_files_five_years() -> None:
    # query finds the birth (c. 1400) possibly in 1403; relate must not call "born before 1403" certain
    code, out, _ = run("query", str(FILE), "--from", "1403", "--to", "1403")
    assert code == 0
    assert "birth" in out
    code, out, _ = run("relate", str(FILE), "birth", "1403")
    assert code == 0
    assert "A before B: possible" in out.splitlines()
    code, out, _ = run("relate", str(FILE), "birth", "1403", "--widening", "approximate=0")
    assert "A before B: certain" in out.splitlines()


def test_the_list_labels_a_terminus_by_the_day_the_file_names() -> None:
    code, out, _ = run("list", str(FILE))
    assert code == 0
    labels = {row.split("  ")[0] for row in out.splitlines()[3:]}
    assert "by 24 August 1456" in labels  # written "by 24 August 1456", once labelled "before 25 August 1456"
    assert "no earlier than November 1462" in labels  # written "after October 1462"
