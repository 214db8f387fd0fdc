"""A Julian (Old Style) file's exports and warnings: Markdown and HTML label dates in both calendars,
an ISO date in a Julian file is warned of by validate, and a JSON export given as an event file is named as one.

The Old Style days expected are those the file itself writes in words; the Gregorian ones are history's
(2 September 1666 O.S. is 12 September 1666 N.S.).
"""

from __future__ import annotations

import json
import warnings
from io import StringIO
from pathlib import Path

import pytest

import chronology
from chronology.cli import main
from chronology.errors import ChronologyWarning
from chronology.exchange.html import to_html
from chronology.exchange.markdown import to_markdown

JULIAN_FILE = """\
title = "The Great Fire"

[reading]
calendar = "julian"

[[sources]]
id = "pepys"
title = "The Diary of Samuel Pepys"
published = "5 September 1666"

[[sources]]
id = "braybrooke"
title = "Memoirs of Samuel Pepys, ed. Braybrooke"
published = "1825-03-01"

[[events]]
id = "bakery"
title = "Fire breaks out in Farriner's bakery"
when = "2 September 1666"
citations = [{ source = "pepys" }, { source = "braybrooke" }]

[[events]]
id = "later"
title = "Later"
when = "1 March 1825 (N.S.)"
"""

GREGORIAN_FILE = JULIAN_FILE.replace('[reading]\ncalendar = "julian"\n\n', "")


def written(tmp_path: Path, text: str, name: str = "events.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def loaded(path: Path) -> chronology.Timeline:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ChronologyWarning)
        return chronology.load(path)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- 1. Markdown and HTML of a Julian file ------------------------------------------------------------


def test_markdown_of_a_julian_file_labels_a_date_before_1752_in_both_calendars(tmp_path: Path) -> None:
    timeline = loaded(written(tmp_path, JULIAN_FILE))
    assert timeline["bakery"].when == chronology.parse("1666-09-12")
    text = to_markdown(timeline)
    (row,) = [line for line in text.splitlines() if "Fire breaks out" in line]
    assert row.startswith("| 12 September 1666 (2 September 1666 O.S.) |")


def test_markdown_of_a_julian_file_labels_a_date_from_1752_in_the_gregorian_alone(tmp_path: Path) -> None:
    text = to_markdown(loaded(written(tmp_path, JULIAN_FILE)))
    (row,) = [line for line in text.splitlines() if "| Later |" in line]
    assert row.startswith("| 1 March 1825 |")
    assert "O.S." not in row


def test_markdown_footnotes_of_a_julian_file_label_publication_dates_in_both(tmp_path: Path) -> None:
    text = to_markdown(loaded(written(tmp_path, JULIAN_FILE)))
    (pepys,) = [line for line in text.splitlines() if line.startswith("[^pepys]:")]
    assert "published 15 September 1666 (5 September 1666 O.S.)" in pepys
    (modern,) = [line for line in text.splitlines() if line.startswith("[^braybrooke]:")]
    assert modern.endswith("published 1 March 1825")


def test_markdown_of_a_gregorian_file_has_no_old_style_labels(tmp_path: Path) -> None:
    timeline = loaded(written(tmp_path, GREGORIAN_FILE))
    text = to_markdown(timeline)
    assert "O.S." not in text
    assert "| 2 September 1666 |" in text


def test_the_export_command_writes_both_calendars_for_a_julian_file(tmp_path: Path) -> None:
    path = written(tmp_path, JULIAN_FILE)
    out = tmp_path / "fire.md"
    code, _, err = run("export", str(path), "-o", str(out))
    assert code == 0, err
    assert "| 12 September 1666 (2 September 1666 O.S.) |" in out.read_text(encoding="utf-8")


def test_html_of_a_julian_file_labels_a_date_before_1752_in_both_calendars(tmp_path: Path) -> None:
    html = to_html(loaded(written(tmp_path, JULIAN_FILE)))
    assert ">12 September 1666 (2 September 1666 O.S.)</td>" in html
    assert ">1 March 1825</td>" in html
    assert "O.S." not in to_html(loaded(written(tmp_path, GREGORIAN_FILE, "gregorian.toml")))


# -- 2. an ISO date in a Julian file ------------------------------------------------------------------

JULIAN_HEAD = '[reading]\ncalendar = "julian"\n'


def event(event_id: str, when: str) -> str:
    return f'\n[[events]]\nid = "{event_id}"\ntitle = "{event_id}"\nwhen = "{when}"\n'


def caught_on_validate(path: Path) -> list[str]:
    """The ChronologyWarnings of validating ``path``, after checking that loading it says none.

    An ISO date in an Old Style file may be meant as Gregorian: a caution of ``validate``, not of every load.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", ChronologyWarning)
        chronology.load(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert chronology.validate(path) == ()
    return [str(w.message) for w in caught if issubclass(w.category, ChronologyWarning)]


def test_a_bare_year_in_a_julian_file_is_warned_of_at_its_place(tmp_path: Path) -> None:
    text = JULIAN_HEAD + event("plague", "1665")
    path = written(tmp_path, text)
    (message,) = caught_on_validate(path)
    line = text.splitlines().index('when = "1665"') + 1
    assert message.startswith(f"{path}:{line}:")
    assert "event 'plague', field 'when'" in message
    assert "Gregorian" in message
    assert "'in 1665'" in message
    assert "'1665 (O.S.)'" in message


def test_an_iso_day_in_a_julian_file_is_warned_of_with_its_old_style_words(tmp_path: Path) -> None:
    (message,) = caught_on_validate(written(tmp_path, JULIAN_HEAD + event("fire", "1666-09-02")))
    assert "event 'fire', field 'when'" in message
    assert "'2 September 1666'" in message  # the same day in words, read Old Style


def test_many_iso_dates_in_a_julian_file_are_warned_of_once_with_their_count(tmp_path: Path) -> None:
    text = JULIAN_HEAD + "".join(event(f"e{n}", f"16{60 + n}") for n in range(5))
    (message,) = caught_on_validate(written(tmp_path, text))
    assert "event 'e0'" in message
    assert "4 more" in message


@pytest.mark.parametrize("when", ["in 1665", "1665 (O.S.)", "2 September 1665", "1800-01-01"])
def test_no_iso_warning_for_dates_in_words_or_after_the_reform(tmp_path: Path, when: str) -> None:
    assert caught_on_validate(written(tmp_path, JULIAN_HEAD + event("x", when))) == []


def test_no_iso_warning_in_a_gregorian_file(tmp_path: Path) -> None:
    assert caught_on_validate(written(tmp_path, event("x", "1665"))) == []


def test_validate_says_the_iso_warning(tmp_path: Path) -> None:
    path = written(tmp_path, JULIAN_HEAD + event("plague", "1665"))
    code, _, err = run("validate", str(path))
    assert code == 0
    assert err.count("warning:") == 1
    assert "'in 1665'" in err


# -- 3. an export given where an event file is expected -----------------------------------------------


def test_a_json_export_given_as_an_event_file_names_the_import_command(tmp_path: Path) -> None:
    timeline = loaded(written(tmp_path, GREGORIAN_FILE))
    export = tmp_path / "plague.json"
    export.write_text(chronology.exchange.to_json(timeline), encoding="utf-8")
    json.loads(export.read_text(encoding="utf-8"))  # a JSON document indeed
    code, _, err = run("list", str(export))
    assert code != 0
    assert "TOML syntax" not in err
    assert "JSON" in err
    assert f"chronology import {export} -o events.toml" in err


def test_a_csv_given_as_an_event_file_names_the_import_command(tmp_path: Path) -> None:
    export = written(tmp_path, "id,title,when\nfire,Fire,1666-09-02\n", "plague.csv")
    code, _, err = run("list", str(export))
    assert code != 0
    assert "CSV" in err
    assert f"chronology import {export} -o events.toml" in err
