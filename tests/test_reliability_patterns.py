"""Findings of the reliability audit (issue 27): patterns that see user text, wide spreadsheets, formula cells.

Each test runs the audit's input at the audit's size and checks the answer;
none is timed (a regression shows as a slow run, and
``benchmarks/bench_pathological.py`` says which pattern grew).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomlkit
from hypothesis import given
from hypothesis import strategies as st

import chronology
from chronology import Event, EventFileError, Timeline
from chronology.cli import main
from chronology.exchange import from_csv, to_csv
from chronology.files import EventFile, load_text
from chronology.files._locate import Spot, locate
from chronology.files.edit import event_table

# -- finding 2: placing keys in a TOML text, in time linear in the line ------------------------------------------


@pytest.mark.parametrize("spaces", [3_200, 6_400], ids=["3200-spaces", "6400-spaces"])
def test_a_header_with_thousands_of_spaces_before_a_quoted_key_is_placed(spaces: int) -> None:
    text = "[" + " " * spaces + '"a!"]\nk = 1\n'
    assert locate(text) == {("a!",): Spot(1, 1), ("a!", "k"): Spot(2, 1, 5)}


@pytest.mark.parametrize("spaces", [3_200, 6_400], ids=["3200-spaces", "6400-spaces"])
def test_a_problem_after_such_a_header_is_placed_on_its_line(spaces: int) -> None:
    text = (
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\n\n'
        + "["
        + " " * spaces
        + '"a!"]\nk = 1\n'
        + '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024-13"\n'
    )
    with pytest.raises(EventFileError) as caught:
        load_text("events.toml", text)
    places = sorted((problem.line, problem.column, problem.field) for problem in caught.value.problems)
    assert places == [(6, 1, "a!"), (11, 14, "when")]


def test_a_comment_of_80_kb_of_quotes_and_backslashes_in_an_array_is_skipped() -> None:
    comment = '"\\' * 40_000  # 80 KB: every quote escaped, none closing
    text = f'[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024"\ntags = [\n  # {comment}\n  "x",\n]\nkind = "k"\n'
    spots = locate(text)
    assert spots[("events", 0, "tags")] == Spot(5, 1, 8)
    assert spots[("events", 0, "kind")] == Spot(9, 1, 8)
    assert len(spots) == 6  # nothing inside the array is taken for a key


HEADERS = [
    pytest.param("[a]", {("a",): Spot(1, 1)}, id="bare"),
    pytest.param("  [ a . b ]  # note", {("a", "b"): Spot(1, 3)}, id="spaced-dotted-with-comment"),
    pytest.param('["a.b"]', {("a.b",): Spot(1, 1)}, id="quoted-dot-is-one-key"),
    pytest.param("['x y'.z]", {("x y", "z"): Spot(1, 1)}, id="literal-quoted"),
    pytest.param('["a\\"b"]', {('a"b',): Spot(1, 1)}, id="escaped-quote"),
    pytest.param('["\\u00e9"]', {("\u00e9",): Spot(1, 1)}, id="unicode-escape"),
    pytest.param("[[events]]\t# c", {("events", 0): Spot(1, 1)}, id="array-of-tables"),
    pytest.param("[[ events ]]", {("events", 0): Spot(1, 1)}, id="array-of-tables-spaced"),
    pytest.param("[a!]", {}, id="bare-key-with-bang-is-no-header"),
    pytest.param("[a] x", {}, id="junk-after-header"),
    pytest.param("[[a]", {}, id="unbalanced"),
    pytest.param("[a.]", {}, id="empty-part"),
    pytest.param('["a]', {}, id="unclosed-quote"),
]


@pytest.mark.parametrize(("line", "expected"), HEADERS)
def test_table_headers_are_read_as_toml_writes_them(line: str, expected: dict[tuple[str | int, ...], Spot]) -> None:
    assert locate(line + "\n") == expected


NESTED = [
    pytest.param('x = ["]", "[", \'[\']\n', 2, id="brackets-in-strings"),
    pytest.param('x = ["a\\"]"]\n', 2, id="escaped-quote-in-string"),
    pytest.param("x = [ # [[[\n  1,\n]\n", 4, id="comment"),
    pytest.param('x = ["#", [\n  1],\n  ["a"]\n]\n', 5, id="hash-in-string"),
    pytest.param('x = [""" ] """, 1]\n', 2, id="multi-line-string-on-one-line"),
    pytest.param("x = ['''\\''', 1]\n", 2, id="literal-strings-keep-backslashes"),
    pytest.param('x = ["a\\\\"]\n', 2, id="escaped-backslash-before-closing-quote"),
    pytest.param('x = [\n  "]", # ]\n  "\\"]",\n  ["a"]\n]\n', 6, id="closing-brackets-in-strings-and-comments"),
]


@pytest.mark.parametrize(("array", "next_line"), NESTED)
def test_brackets_inside_strings_and_comments_do_not_open_or_close_arrays(array: str, next_line: int) -> None:
    assert tomllib.loads(array)["x"]  # valid TOML
    assert locate(array + "y = 1\n") == {("x",): Spot(1, 1, 5), ("y",): Spot(next_line, 1, 5)}


def test_a_dotted_key_with_long_spaces_is_placed() -> None:
    key = "a" + " " * 5_000 + ". b = "
    spots = locate(key + "1\n" + "c" + " " * 5_000 + "!\n")
    assert spots == {("a",): Spot(1, 1, len(key) + 1)}


# -- finding 3: a spreadsheet row of thousands of columns, written in time linear in the columns ---------------


def test_import_of_a_row_of_10_000_extra_columns_writes_every_column_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    columns = [f"c{i}" for i in range(10_000)]
    Path("big.csv").write_text(
        "id,title,edtf," + ",".join(columns) + "\n" + "e1,T,2024," + ",".join(f"v{i}" for i in range(10_000)) + "\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", "big.csv", "-o", "out.toml"], out=out, err=err) == 0, err.getvalue()
    written = tomllib.loads(Path("out.toml").read_text(encoding="utf-8"))
    extra = written["events"][0]["extra"]
    assert list(extra) == columns
    assert list(extra.values()) == [f"v{i}" for i in range(10_000)]


EXTRAS = [
    pytest.param({"a": "x", "b": 2}, id="scalars"),
    pytest.param({"t": {"k": 1}, "a": "x"}, id="scalar-after-table"),
    pytest.param({"a": [1, 2], "t": {"k": {"deep": True}}, "b": "y", "u": {}}, id="nested-tables"),
    pytest.param({"list": [{"k": 1}, {"k": 2}], "a": 1.5, "b": ["x", {"in": "line"}]}, id="array-of-tables"),
    pytest.param({"a b": "x", "é": "y", "": "empty key", "x.y": "dotted"}, id="quoted-keys"),
    pytest.param({"t": {"z": 1, "s": {"q": 2}, "a": 3}}, id="scalar-after-subtable-inside-table"),
]


def _tomlkit_table(mapping: dict[str, Any]) -> tomlkit.items.Table:
    """The table as tomlkit builds it by inserting each key in turn (quadratic in the keys, but the reference)."""
    table = tomlkit.table()
    for key, value in mapping.items():
        table[key] = value
    return table


def _reference_text(extra: dict[str, Any]) -> str:
    reference = event_table(Event(id="a", title="A", when=chronology.parse("2024")))
    if extra:
        reference["extra"] = _tomlkit_table(extra)
    document = tomlkit.document()
    document.append("events", tomlkit.aot())
    document["events"].append(reference)
    return tomlkit.dumps(document)


def _our_text(extra: dict[str, Any]) -> str:
    document = tomlkit.document()
    document.append("events", tomlkit.aot())
    document["events"].append(event_table(Event(id="a", title="A", when=chronology.parse("2024"), extra=extra)))
    return tomlkit.dumps(document)


@pytest.mark.parametrize("extra", EXTRAS)
def test_extra_tables_are_written_as_tomlkit_writes_them(extra: dict[str, Any]) -> None:
    text = _our_text(extra)
    assert text == _reference_text(extra)
    assert tomllib.loads(text)["events"][0]["extra"] == extra


_VALUES = st.recursive(
    st.text(max_size=5) | st.integers() | st.booleans(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=6), _VALUES, max_size=6))
def test_any_extra_table_is_written_as_tomlkit_writes_it(extra: dict[str, Any]) -> None:
    assert _our_text(extra) == _reference_text(extra)


def test_an_event_of_many_extra_keys_added_to_a_file_reads_back() -> None:
    extra = {f"k{i}": f"v{i}" for i in range(10_000)} | {"t": {f"n{i}": i for i in range(10_000)}}
    edited = EventFile("events.toml", "")
    edited.add(Event(id="a", title="A", when=chronology.parse("2024"), extra=extra))
    assert edited.timeline()["a"].extra == extra


# -- finding 9: cells that a spreadsheet splitting at ';' or ',' would run as formulas ------------------------

_FORMULA = "=+-@\t\r"
_SPLITS = re.compile(r"(?:\A|(?<=[,;\t\r\n]))")


def exposed(text: str) -> list[str]:
    """What a spreadsheet splitting rows at any line break and cells at ``, ; tab`` would run as formulas.

    Spaces and quotes before a formula do not hide it; a leading ``'`` does.
    """
    parts = []
    for line in text.split("\r\n"):  # the rows' own ends start no cell
        for found in _SPLITS.finditer(line):
            rest = line[found.start() : found.start() + 200]
            first = rest.lstrip(' "')[:1]
            if first and first in _FORMULA:
                parts.append(rest[:40])
    return parts


def test_a_formula_after_a_semicolon_is_written_as_text_and_read_back() -> None:
    value = "see;=cmd|' /C calc'!A0"
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024"), extra={"note": value})])
    text = to_csv(timeline)
    assert exposed(text) == []
    assert "see;'=cmd|' /C calc'!A0" in text
    assert from_csv(text)["a"].extra["note"] == value


def test_reading_the_written_rows_with_a_semicolon_split_exposes_no_formula() -> None:
    value = "see;=cmd|' /C calc'!A0"
    timeline = Timeline([Event(id="a", title="A;=1", when=chronology.parse("2024"), extra={"note": value})])
    text = to_csv(timeline)
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        for cell in row:
            first = cell.lstrip(' "')[:1]
            assert not first or first not in _FORMULA, cell


FORMULA_CELLS = [
    pytest.param("see;=cmd|' /C calc'!A0", id="after-semicolon"),
    pytest.param("a, -5", id="after-comma-and-space"),
    pytest.param('a;"=1+1', id="after-semicolon-and-quote"),
    pytest.param("a\t@x", id="after-tab"),
    pytest.param("a\n=x", id="after-line-break"),
    pytest.param("a;;=x", id="after-doubled-semicolon"),
    pytest.param("a;'=x", id="already-quoted-after-semicolon"),
    pytest.param(" =x", id="leading-space"),
    pytest.param("a;\t\r\n", id="formula-characters-only"),
]


@pytest.mark.parametrize("value", FORMULA_CELLS)
def test_every_part_of_a_text_cell_a_split_would_expose_is_defused_and_read_back(value: str) -> None:
    event = Event(id="a", title="T" + value.replace("\n", " ").replace("\r", " "), when=chronology.parse("2024"))
    timeline = Timeline([attrs.evolve(event, summary=value, extra={"k" + value.strip(): value})])
    text = to_csv(timeline)
    assert exposed(text) == []
    back = from_csv(text)["a"]
    assert (back.title, back.summary, back.extra) == (event.title, value, {"k" + value.strip(): value})


def test_list_items_that_would_start_a_formula_after_a_semicolon_are_defused_and_read_back() -> None:
    actors = ("plain", "=1+1", "-x", "a;=b", "@c")
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024"), actors=actors, tags=("+t",))])
    text = to_csv(timeline)
    assert exposed(text) == []
    back = from_csv(text)["a"]
    assert (back.actors, back.tags) == (actors, ("+t",))


def test_extra_values_written_as_json_are_defused_and_read_back_as_that_json() -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024"), extra={"n": [1, "=x", -2]})])
    text = to_csv(timeline)
    assert exposed(text) == []
    assert from_csv(text)["a"].extra["n"] == '[1, "=x", -2]'


#: What an event file's texts may hold (control characters are refused, tab and line breaks aside).
_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\n"), max_size=20)


@given(_ANY_TEXT.filter(lambda t: bool(t.strip())), _ANY_TEXT)
def test_any_text_cell_is_defused_everywhere_and_read_back_as_written(summary: str, note: str) -> None:
    timeline = Timeline([Event(id="a", title="A", when=chronology.parse("2024"), summary=summary, extra={"n": note})])
    text = to_csv(timeline)
    assert exposed(text) == []
    back = from_csv(text)["a"]
    assert back.summary == summary
    assert back.extra.get("n", "") == (note if note.strip() else "")


# -- smaller: a title is kept as written ---------------------------------------------------------------------


def test_a_title_keeps_its_leading_space_and_no_break_space() -> None:
    timeline = from_csv("id,title,edtf,summary,note\n a ,\u00a0 Title \u00a0, 2024 , said ,\u00a0v \n")
    event = timeline["a"]
    assert (event.title, event.when, event.summary) == ("\u00a0 Title \u00a0", chronology.parse("2024"), " said ")
    assert event.extra == {"note": "\u00a0v "}


def test_a_title_with_surrounding_spaces_survives_a_round_trip() -> None:
    timeline = Timeline([Event(id="a", title=" \u00a0Title\u00a0 ", when=chronology.parse("2024"), summary=" s ")])
    back = from_csv(to_csv(timeline))["a"]
    assert (back.title, back.summary) == (" \u00a0Title\u00a0 ", " s ")


def test_ids_dates_and_headers_are_still_read_without_surrounding_spaces() -> None:
    text = " id , title , edtf , anchor , tags \n a ,A, 2024 ,, x ; y \n b ,B, 2025 ,, \n"
    timeline = from_csv(text)
    assert [event.id for event in timeline] == ["a", "b"]
    assert timeline["a"].tags == ("x", "y")
    assert timeline["b"].when == chronology.parse("2025")
