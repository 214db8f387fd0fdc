"""The command line: output, exit codes, and errors as one line each, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from chronology.cli import main

GOOD = """\
title = "Demo"

[[sources]]
id = "bloomberg"
published = "2024-11-17"

[[events]]
id = "call"
title = "Scholz calls Putin"
when = "Friday"
anchor = "bloomberg"

[[events]]
id = "visit"
title = "Kim visits Russia's Far East"
when = "September 2023"
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "events.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_validate_says_ok_for_a_sound_file(good: Path) -> None:
    assert run("validate", "events.toml") == (0, "ok: 2 events, 1 source\n", "")


def test_validate_prints_every_problem_and_exits_1(good: Path) -> None:
    good.write_text(
        GOOD.replace('"September 2023"', '"Septembre 2023"').replace('anchor = "bloomberg"', 'anchor = "bloomberb"')
    )
    code, out, err = run("validate", "events.toml")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "events.toml:11:10: event 'call', field 'anchor': unknown event or source 'bloomberb'; did you mean 'bloomberg'?",
        "events.toml:16:9: event 'visit', field 'when': 'Septembre 2023' (at character 1): not a date this reader knows; "
        "did you mean 'September 2023'? (run 'chronology forms' to list the forms read)",
        "2 problems found",
    ]


def test_list_prints_the_chronology_in_order_with_labels_and_bounds(good: Path) -> None:
    code, out, err = run("list", "events.toml")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Demo",
        "",
        "date              bounds                    id     title",
        "September 2023    2023-09-01 .. 2023-09-30  visit  Kim visits Russia's Far East",
        "15 November 2024  2024-11-15 .. 2024-11-15  call   Scholz calls Putin",
    ]


def test_add_appends_an_event_and_keeps_the_file(good: Path) -> None:
    code, out, err = run(
        "add", "events.toml", "--id", "xi-meeting", "--title", "Scholz meets Xi", "--when", "on Tuesday",
        "--anchor", "bloomberg", "--tense", "future", "--kind", "diplomacy", "--tag", "g20", "--tag", "china",
        "--source", "bloomberg", "--quote", "Scholz will press the Chinese leader at their meeting in Rio on Tuesday.",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "added 'xi-meeting' (19 November 2024) to events.toml\n"
    text = good.read_text(encoding="utf-8")
    assert text.startswith(GOOD)
    assert 'when = "on Tuesday"\nanchor = "bloomberg"\ntense = "future"\nkind = "diplomacy"' in text


def test_add_refuses_an_event_that_breaks_the_file(good: Path) -> None:
    code, out, err = run("add", "events.toml", "--id", "x", "--title", "X", "--when", "2024", "--kind", "k")
    assert code == 0
    code, out, err = run("add", "events.toml", "--id", "y", "--title", "Y", "--when", "2024-13")
    assert code == 1
    assert err.startswith("chronology: '2024-13' (at character 6): month 13 does not exist")
    code, out, err = run("add", "events.toml", "--id", "x", "--title", "X again", "--when", "2024")
    assert (code, out) == (1, "")
    assert "'x' is already in the file" in err


def test_a_missing_file_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("list", "nowhere.toml") == (1, "", "nowhere.toml: cannot read the file: No such file or directory\n")


def test_a_wrong_command_line_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "Friday"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "chronology", "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "field 'when': 'Friday' is relative" in done.stderr


@pytest.mark.parametrize(
    "command", ["validate", "list", "show", "query", "relate", "forms", "plot", "export", "import", "add"]
)
def test_every_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([command, "--help"])
    assert raised.value.code == 0
    assert f"example: chronology {command}" in capsys.readouterr().out


def test_plot_writes_the_picture_and_says_what_it_drew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    code, out, err = run(
        "plot",
        "events.toml",
        "-o",
        str(tmp_path / "t.png"),
        "--from",
        "2024-10",
        "--to",
        "2024-10-31",
        "--kind",
        "statement",
    )
    assert (code, err) == (0, "")
    assert out == f"wrote {tmp_path / 't.png'} (9 events in 1 lane)\n"
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    code, out, err = run(
        "plot", "events.toml", "-o", str(tmp_path / "c.svg"), "--claims", "North Korean", "--unit", "soldiers"
    )
    assert (code, out, err) == (0, f"wrote {tmp_path / 'c.svg'} (10 claims)\n", "")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["-o", "t.gif"],
            "chronology plot: error: cannot write 't.gif': use a .png, .svg or .pdf file name, such as 't.png'\n",
        ),
        (
            ["-o", "t.png", "--from", "2024-13"],
            "chronology plot: error: --from: '2024-13' (at character 6): month 13 does not exist; expected 01-12, or 21-41 for seasons and quarters\n",
        ),
        (
            ["-o", "t.png", "--claims", "North Korean", "--unit", "troops"],
            "chronology: --unit 'troops': there are claims about 'North Korean', but none in 'troops'; they are in "
            "'US dollars per soldier' (1 claim), 'officers' (1 claim), 'soldiers' (10 claims): give one of those to "
            "--unit, or leave --unit out\n",
        ),
        (
            ["-o", "/nonexistent/dir/t.png"],
            "chronology: cannot write '/nonexistent/dir/t.png': No such file or directory\n",
        ),
    ],
)
def test_plot_errors_are_one_line(arguments: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    usage = message.startswith("chronology plot: error:")  # a command line that cannot be: exit 2
    assert run("plot", "events.toml", *arguments) == (2 if usage else 1, "", message)


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def showcase(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT / "events.toml"


def test_show_prints_one_event_whole(showcase: Path) -> None:
    code, out, err = run("show", "events.toml", "nis-statement")
    assert (code, err) == (0, "")
    assert out.splitlines()[:12] == [
        "nis-statement: South Korea's NIS reports the transfer of 1,500 North Korean soldiers to Russia",
        "",
        "  when       18 October 2024  (EDTF 2024-10-18)",
        "  read       \"October 18\", read against 'aljazeera-2024-10' (past tense)",
        "  bounds     2024-10-18 .. 2024-10-18",
        "  precision  day",
        "  kind       statement",
        "  actors     National Intelligence Service (South Korea)",
        "  tags       troops, intelligence",
        "  reports    transfers: Russian ships transfer 1,500 North Korean soldiers to Russia",
        "",
        "sources",
    ]
    assert out.splitlines()[-3:] == [
        "claims",
        "  - North Korean soldiers transferred to Russia: 1,500 soldiers",
        "    said 18 October 2024 by National Intelligence Service (South Korea), aljazeera-2024-10",
    ]


def test_show_says_how_links_narrow_an_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10"\nafter = ["b"]\n\n'
        '[[events]]\nid = "b"\ntitle = "B"\nwhen = "2024-10-20"\n',
        encoding="utf-8",
    )
    code, out, _ = run("show", "e.toml", "a")
    assert code == 0
    # links compare whole days: an event after the 20th may share that day
    assert "  narrowed   between 20 and 31 Oct 2024  (2024-10-20 .. 2024-10-31), by its links:" in out.splitlines()
    assert "               'a' is after 'b'" in out.splitlines()
    assert "  after      b: B" in out.splitlines()
    assert "  precision  month" in out.splitlines()


def test_show_an_unknown_event_suggests_a_near_id(showcase: Path) -> None:
    assert run("show", "events.toml", "transfer") == (
        1,
        "",
        "chronology: events.toml: no event 'transfer'; did you mean 'transfers'?\n",
    )


def test_query_a_window_possible_and_certain(showcase: Path) -> None:
    def ids(*arguments: str) -> list[str]:
        code, out, err = run("query", "events.toml", *arguments)
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[:2] == ["North Korean troops sent to Russia, 2023-2024", ""]
        start = lines[2].index(" id ") + 1
        return [line[start:].split()[0] for line in lines[3:]]

    possible = ids("--from", "2024-10-13", "--to", "2024-10-13")
    certain = ids("--from", "2024-10-13", "--to", "2024-10-13", "--certain")
    assert "transfers" in possible  # the second week of October holds the 13th: maybe on it
    assert "transfers" not in certain  # but not surely
    assert "zelensky-video-address" in certain
    assert set(certain) <= set(possible)
    assert ids("--from", "2024-10", "--to", "October 2024", "--kind", "deployment") == ["transfers"]
    assert ids("--from", "2024-10", "--to", "2024-10", "--text", "ROADS") == ["roads-blown-up"]
    assert ids("--to", "2023-12", "--within", "--tag", "korea") == ["korean-war"]


def test_query_json_and_csv_are_for_scripts(showcase: Path) -> None:
    import csv
    import io
    import json

    code, out, _ = run("query", "events.toml", "--from", "2024-10-18", "--to", "2024-10-18", "--certain", "--json")
    assert code == 0
    document = json.loads(out)
    assert [event["id"] for event in document["events"]] == ["war-in-ukraine", "nis-statement"]
    code, out, _ = run("query", "events.toml", "--from", "2024-10-18", "--to", "2024-10-18", "--certain", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["id"], row["earliest"], row["latest"]) for row in rows] == [
        ("war-in-ukraine", "2022-02-01", ""),
        ("nis-statement", "2024-10-18", "2024-10-18"),
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            [],
            "chronology query: error: query needs a window, an event or a filter: give --from, --to, --before or "
            "--after ('--from 2024-10 --to 2024-11'), or --kind, --tag, --actor, --source or --text for the whole "
            "chronology; `chronology list` prints every event\n",
        ),
        (
            ["--from", "2024-02-30"],
            "chronology query: error: --from: '2024-02-30' (at character 9): day 30 does not exist in 2024-02; expected 01-29; did you mean '2024-02-29'?\n",
        ),
    ],
)
def test_query_errors_are_one_line(arguments: list[str], message: str, showcase: Path) -> None:
    usage = message.startswith("chronology query: error:")
    assert run("query", "events.toml", *arguments) == (2 if usage else 1, "", message)


def test_query_certain_and_possible_exclude_each_other(showcase: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["query", "events.toml", "--from", "2024", "--certain", "--possible"])
    assert raised.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_relate_two_events(showcase: Path) -> None:
    code, out, err = run("relate", "events.toml", "transfers", "nis-statement")
    assert (code, err) == (0, "")
    assert out.splitlines()[3:] == [
        "A before B: certain",
        "A after B:  impossible",
        "relations of A to B: before (certain)",
        "odds, each day equally likely: before 100%, after 0%, neither (same day or overlapping) 0%",
    ]


ABOUT_1400 = """\
[reading]
widening.approximate = {widening}

[[events]]
id = "treatise"
title = "Treatise written"
when = "c. 1400"

[[events]]
id = "council"
title = "Council meets"
when = "March 1401"

[[events]]
id = "copy"
title = "Copy made"
when = "c. 1400"
after = ["charter"]

[[events]]
id = "charter"
title = "Charter"
when = "December 1400"
"""


def relate_lines(*argv: str) -> dict[str, str]:
    code, out, err = run("relate", *argv)
    assert (code, err) == (0, "")
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def test_relate_widens_c_1400_as_query_does_so_the_two_never_contradict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(ABOUT_1400.format(widening="1"), encoding="utf-8")
    code, out, _ = run("query", "e.toml", "--from", "1401", "--to", "1401")
    assert code == 0
    assert "treatise" in out  # possibly in 1401: "c." spills over its bounds
    lines = relate_lines("e.toml", "treatise", "council")
    assert lines["A before B"] == "possible"  # not "certain": c. 1400 may be April 1401
    assert lines["A after B"].strip() == "possible"
    assert "(widened: possibly between" in lines["A  treatise (Treatise written)"]
    # the command line overrides the file's [reading], as for query
    assert relate_lines("e.toml", "treatise", "council", "--widening", "approximate=0")["A before B"] == "certain"


def test_relate_reads_the_widening_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(ABOUT_1400.format(widening="0"), encoding="utf-8")
    assert relate_lines("e.toml", "treatise", "council")["A before B"] == "certain"
    Path("e.toml").write_text(ABOUT_1400.format(widening="{ year = 2 }"), encoding="utf-8")
    assert relate_lines("e.toml", "treatise", "1402-06")["A before B"] == "possible"


def test_relate_does_not_widen_past_a_bound_a_link_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the copy is after a charter of December 1400: c. 1400 may spill into 1401, never back before December 1400
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(ABOUT_1400.format(widening="1"), encoding="utf-8")
    lines = relate_lines("e.toml", "copy", "November 1400")
    assert (lines["A before B"], lines["A after B"].strip()) == ("impossible", "certain")
    assert relate_lines("e.toml", "copy", "1401-06")["A before B"] == "possible"


SAME_DAY = """\
[[events]]
id = "printing"
title = "Printing"
when = "1450s"

[[events]]
id = "rubrication"
title = "Rubrication"
when = "1450s"
after = ["printing"]

[[events]]
id = "sealed"
title = "Sealed"
when = "3 October 1455"

[[events]]
id = "sent"
title = "Sent"
when = "3 October 1455"
after = ["sealed"]
"""


def test_relate_says_per_relation_whether_it_is_certain_or_possible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text(SAME_DAY, encoding="utf-8")
    lines = relate_lines("e.toml", "printing", "rubrication")
    assert lines["A before B"].startswith("certain ('rubrication' is after 'printing'")
    # "equals" is only possible: no "certain" stands beside it
    assert lines["relations of A to B"] == (
        "before (possible), meets (possible: A ends the day before B starts, so A is before B), "
        "equals (possible: on the same day, A first by the links)"
    )
    _, out, _ = run("relate", "e.toml", "printing", "rubrication", "--json")
    answer = json.loads(out)
    assert answer["relation_certainty"] == {"before": "possible", "meets": "possible", "equals": "possible"}
    # the same day, one after the other: "equals" by the day is certain, and says why "before" is certain too
    lines = relate_lines("e.toml", "sent", "sealed")
    assert lines["A after B"].strip() == "certain"
    assert lines["relations of A to B"] == "equals (certain: on the same day, B first by the links)"


def test_relate_an_event_and_a_date_with_odds(showcase: Path) -> None:
    import json

    # the second week of October (7-13) against 10 October: 3 days before, 3 after, 1 the same
    code, out, _ = run("relate", "events.toml", "transfers", "2024-10-10", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["before"] == answer["after"] == "possible"
    # by whole days: ending the day before the 10th "meets" it, as in docs/reference/dates.md
    assert answer["relations"] == ["before", "meets", "equals", "met by", "after"]
    assert answer["probabilities"] == {"before": "3/7", "after": "3/7", "neither": "1/7"}
    code, out, _ = run("relate", "events.toml", "transfers", "2024-10-10")
    assert out.splitlines()[-1] == (
        "odds, each day equally likely: before 42.9%, after 42.9%, neither (same day or overlapping) 14.3%"
    )


def test_relate_an_unbounded_end_has_no_odds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("e.toml").write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10/"\n', encoding="utf-8")
    code, out, _ = run("relate", "e.toml", "a", "2025")
    assert code == 0
    assert out.splitlines()[-1].startswith("odds: none ('2024-10/': its end is unknown")


def test_relate_refuses_what_is_neither_event_nor_date(showcase: Path) -> None:
    code, out, err = run("relate", "events.toml", "transfer", "2024-10-10")
    assert (code, out) == (1, "")
    assert err == "chronology: events.toml: no event 'transfer'; did you mean 'transfers'? (nor is it a date)\n"


@pytest.mark.parametrize(
    ("arguments", "name", "starts"),
    [
        (["--to", "json"], "out.json", '{\n  "chronology": "1"'),
        (["--to", "csv"], "out.csv", "id,title,earliest,latest,precision,edtf,kind,actors,tags,sources"),
        (["--to", "timelinejs"], "out.json", '{\n  "title"'),
        ([], "out.timelinejs.json", '{\n  "title"'),
        (["--to", "ics"], "out.ics", "BEGIN:VCALENDAR\r\n"),
        ([], "out.md", "# North Korean troops sent to Russia, 2023-2024\n"),
    ],
)
def test_export_writes_each_format(
    arguments: list[str], name: str, starts: str, showcase: Path, tmp_path: Path
) -> None:
    target = tmp_path / name
    code, out, err = run("export", "events.toml", *arguments, "-o", str(target))
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {target} (33 events as ")
    assert target.read_bytes().decode("utf-8").startswith(starts)


def test_export_to_standard_output_is_what_the_file_gets(showcase: Path, tmp_path: Path) -> None:
    code, printed, _ = run("export", "events.toml", "--to", "markdown")
    assert code == 0
    run("export", "events.toml", "-o", str(tmp_path / "t.md"))
    assert printed == (tmp_path / "t.md").read_text(encoding="utf-8")
    assert (
        "| between 7 and 13 Oct 2024 | Russian ships transfer 1,500 North Korean soldiers to Russia<br>“On October 18"
        in printed
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["-o", "out.txt"],
            "chronology export: error: cannot tell the format from the extension of 'out.txt': give --to "
            "json|csv|timelinejs|ics|markdown|parquet or name .json (json), .csv (csv), .timelinejs.json "
            "(timelinejs), .ics (ics), .md (markdown), .parquet (parquet)\n",
        ),
        (
            ["--to", "ics", "-o", "/nonexistent/dir/x.ics"],
            "chronology: cannot write '/nonexistent/dir/x.ics': No such file or directory\n",
        ),
    ],
)
def test_export_errors_are_one_line(arguments: list[str], message: str, showcase: Path) -> None:
    usage = message.startswith("chronology export: error:")
    assert run("export", "events.toml", *arguments) == (2 if usage else 1, "", message)


def test_import_json_gives_back_the_same_chronology(showcase: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    run("export", "events.toml", "-o", str(exported))
    target = tmp_path / "back.toml"
    code, out, err = run("import", str(exported), "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"wrote {target} (33 events, 5 sources)\n"
    assert run("list", str(target))[1] == run("list", "events.toml")[1]
    assert run("show", str(target), "transfers")[1] == run("show", "events.toml", "transfers")[1]


def test_import_csv_reports_every_bad_row_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rows.csv").write_text("id,title,when\nok,Fine,2024-10-18\nb,B,2024-13\nc,,2024\n", encoding="utf-8")
    code, out, err = run("import", "rows.csv", "-o", "events.toml")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "rows.csv:3: event 'b', field 'when': '2024-13' (at character 6): month 13 does not exist; expected 01-12, or 21-41 for seasons and quarters",
        "rows.csv:4: event 'c', field 'title': empty 'title' cell; every row needs an id, a title and a date ('edtf', 'when', or 'earliest' and 'latest')",
    ]
    assert not Path("events.toml").exists()


def test_import_never_overwrites_and_appends_when_asked(good: Path) -> None:
    Path("more.csv").write_text(
        "id,title,when,kind\nsummit,G20 summit,2024-11-18/2024-11-19,diplomacy\n", encoding="utf-8"
    )
    before = good.read_text(encoding="utf-8")
    assert run("import", "more.csv", "-o", "events.toml") == (
        1,
        "",
        "chronology: events.toml exists: give --append to add to it, or another -o\n",
    )
    assert good.read_text(encoding="utf-8") == before
    assert run("import", "more.csv", "-o", "events.toml", "--append") == (
        0,
        "added 1 event to events.toml (now 3 events)\n",
        "",
    )
    after = good.read_text(encoding="utf-8")
    assert after.startswith(before)  # everything kept, comments and order included
    assert 'id = "summit"' in after
    assert run("validate", "events.toml")[:2] == (0, "ok: 3 events, 1 source\n")


def test_import_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bin.csv").write_bytes(b"\xff\xfe\x00binary")
    code, out, err = run("import", "bin.csv", "-o", "x.toml")
    assert (code, out) == (1, "")
    assert err == "bin.csv: is not UTF-8 text (byte 0xff at offset 0); save the spreadsheet as CSV UTF-8\n"
    assert run("import", "rows.txt", "-o", "x.toml")[2] == (
        "chronology import: error: cannot tell the format from the extension of 'rows.txt': give --from csv|json or name .csv (csv), .json (json)\n"
    )


def test_a_closed_pipe_ends_the_command_quietly(showcase: Path) -> None:
    done = subprocess.run(
        f"{sys.executable} -m chronology export events.toml --to json | head -c 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout == "{"
    assert "Traceback" not in done.stderr
    assert "Broken pipe" not in done.stderr


def test_version_is_the_packages(capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    from chronology.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert capsys.readouterr().out == f"chronology {project['project']['version']}\n"


def test_import_append_reads_rows_against_the_files_own_sources(good: Path) -> None:
    Path("more.csv").write_text(
        "id,title,when,anchor,sources\nxi,Xi meets Biden,Saturday,bloomberg,bloomberg\n", encoding="utf-8"
    )
    assert run("import", "more.csv", "-o", "events.toml", "--append") == (
        0,
        "added 1 event to events.toml (now 3 events)\n",
        "",
    )
    import chronology

    xi = chronology.load(good)["xi"]
    assert xi.when.label == "16 November 2024"
    assert xi.when.text == "Saturday"


def test_import_of_nothing_is_refused_and_writes_nothing(good: Path) -> None:
    Path("empty.csv").write_text("id,title,when\n", encoding="utf-8")
    assert run("import", "empty.csv", "-o", "new.toml") == (1, "", "chronology: empty.csv: no events to import\n")
    assert not Path("new.toml").exists()


def test_import_writes_only_toml(good: Path) -> None:
    Path("more.csv").write_text("id,title,when\nx,X,2024\n", encoding="utf-8")
    assert run("import", "more.csv", "-o", "more.json") == (
        2,
        "",
        "chronology import: error: cannot write 'more.json': import writes an event file; use a .toml file name\n",
    )
    assert not Path("more.json").exists()


def test_a_window_that_ends_before_it_starts_is_refused(good: Path) -> None:
    assert run("query", "events.toml", "--from", "2024-11", "--to", "2024-10") == (
        2,  # a wrong command line
        "",
        "chronology query: error: the window ends (October 2024) before it starts (November 2024); "
        "give the start first\n",
    )


FAR = """\
[[events]]
id = "far"
title = "Far"
when = "Y170000002"

[[events]]
id = "near"
title = "Near"
when = "2024-10"

[[events]]
id = "old"
title = "Old"
when = "-0500"
"""


@pytest.fixture
def far(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "far.toml"
    path.write_text(FAR, encoding="utf-8")
    return path


def test_list_and_show_write_years_beyond_1_9999_in_edtf(far: Path) -> None:
    code, out, err = run("list", "far.toml")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "date          bounds                                id    title",
        "501 BCE       -0500-01-01 .. -0500-12-31            old   Old",
        "October 2024  2024-10-01 .. 2024-10-31              near  Near",
        "Y170000002    Y170000002-01-01 .. Y170000002-12-31  far   Far",
    ]
    code, out, err = run("show", "far.toml", "far")
    assert (code, err) == (0, "")
    assert "  bounds     Y170000002-01-01 .. Y170000002-12-31\n" in out
    assert "narrowed" not in out


def test_a_query_window_left_open_reaches_beyond_the_years_1_9999(far: Path) -> None:
    code, out, _ = run("query", "far.toml", "--from", "2024")
    assert code == 0
    assert [line.split()[-1] for line in out.splitlines()[1:]] == ["Near", "Far"]
    code, out, _ = run("query", "far.toml", "--to", "2024", "--certain")
    assert [line.split()[-1] for line in out.splitlines()[1:]] == ["Old", "Near"]


def test_plot_draws_years_before_the_era_and_beyond_9999_with_or_without_breaks(far: Path) -> None:
    assert run("plot", "far.toml", "-o", "far.png") == (0, "wrote far.png (3 events in 1 lane)\n", "")
    assert Path("far.png").read_bytes().startswith(b"\x89PNG")
    assert run("plot", "far.toml", "-o", "plain.png", "--no-breaks") == (
        0,
        "wrote plain.png (3 events in 1 lane)\n",
        "",
    )
    assert Path("far.png").read_bytes() != Path("plain.png").read_bytes()
    assert run("plot", "far.toml", "-o", "far.png", "--from", "2020") == (0, "wrote far.png (2 events in 1 lane)\n", "")
    assert run("plot", "far.toml", "-o", "far.png", "--to", "2020") == (0, "wrote far.png (1 event in 1 lane)\n", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["query", "events.toml", "--from", "2023", "--kind", "diplomcy"],
            "--kind 'diplomcy': no event has it (there are: none)",
        ),
        (
            ["plot", "events.toml", "-o", "t.png", "--lanes", "visits"],
            "--lanes 'visits': no such lane when grouping by kind (there are: no kind)",
        ),
        (
            ["query", "events.toml", "--from", "2023", "--source", "bloomberb"],
            "--source 'bloomberb': no event has it; did you mean 'bloomberg'? (there are: bloomberg)",
        ),
        (
            ["add", "events.toml", "--id", "x", "--title", "X", "--when", "Friday", "--anchor", "bloomberb"],
            "--anchor 'bloomberb': events.toml has no such event or source; did you mean 'bloomberg'?",
        ),
    ],
)
def test_names_that_match_nothing_are_errors_with_a_suggestion(good: Path, argv: list[str], message: str) -> None:
    before = good.read_text(encoding="utf-8")
    assert run(*argv) == (1, "", f"chronology: {message}\n")
    assert good.read_text(encoding="utf-8") == before
    assert not Path("t.png").exists()


def test_an_empty_title_is_refused_by_add_and_by_validate(good: Path) -> None:
    code, out, err = run("add", "events.toml", "--id", "x", "--title", " ", "--when", "2024")
    assert (code, out) == (1, "")
    assert err.endswith(
        "event 'x', field 'title': the title is empty: give one line saying what happened (more goes in 'summary')\n"
    )
    good.write_text(GOOD.replace('title = "Scholz calls Putin"', 'title = """Scholz\ncalls Putin"""'))
    assert run("validate", "events.toml")[2].splitlines()[0] == (
        "events.toml:9:9: event 'call', field 'title': the title runs over more than one line: "
        "give one line saying what happened (more goes in 'summary')"
    )


def test_a_file_name_the_system_refuses_is_one_line_naming_it_short(good: Path) -> None:
    Path("ok.csv").write_text("id,title,when\nx,X,2024\n", encoding="utf-8")
    name = "a" * 5000 + ".toml"
    code, out, err = run("import", "ok.csv", "-o", name)
    assert (code, out) == (1, "")
    assert err == f"chronology: {'a' * 60}...[5005 characters]...{'a' * 5}.toml: File name too long\n"


def test_add_edits_a_file_that_includes_outside_its_folder_only_when_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inner").mkdir()
    (tmp_path / "ok.toml").write_text('[[events]]\nid = "o"\ntitle = "O"\nwhen = "2024"\n', encoding="utf-8")
    target = tmp_path / "inner" / "f.toml"
    target.write_text('include = ["../ok.toml"]\n', encoding="utf-8")
    code, out, err = run("add", "inner/f.toml", "--id", "q", "--title", "Q", "--when", "2024")
    assert (code, out) == (1, "")
    assert "points outside the folder of the chronology" in err
    assert "(--allow-outside on the command line)" in err
    assert target.read_text(encoding="utf-8") == 'include = ["../ok.toml"]\n'
    assert run("add", "inner/f.toml", "--id", "q", "--title", "Q", "--when", "2024", "--allow-outside") == (
        0,
        "added 'q' (2024) to inner/f.toml\n",
        "",
    )


def test_show_keeps_the_paragraphs_of_a_summary(good: Path) -> None:
    good.write_text(GOOD + 'summary = """First paragraph.\n\nSecond paragraph."""\n', encoding="utf-8")
    code, out, err = run("show", "events.toml", "visit")
    assert (code, err) == (0, "")
    assert out.endswith("\n  First paragraph.\n\n  Second paragraph.\n")


def test_a_quote_without_its_source_is_a_usage_error(good: Path) -> None:
    before = good.read_text(encoding="utf-8")
    assert run("add", "events.toml", "--id", "x", "--title", "X", "--when", "2024", "--quote", "Said so.") == (
        2,
        "",
        "chronology add: error: --quote needs --source: the id of the source the quoted sentence is from\n",
    )
    assert good.read_text(encoding="utf-8") == before


def test_an_anchor_without_a_date_is_named_as_such(good: Path) -> None:
    good.write_text('[[sources]]\nid = "undated"\n', encoding="utf-8")
    assert run("add", "events.toml", "--id", "x", "--title", "X", "--when", "Friday", "--anchor", "undated") == (
        1,
        "",
        "chronology: --anchor 'undated': the source has no 'published' date in events.toml to read 'Friday' from; "
        "give it one, or give --when as a date\n",
    )


def test_show_names_open_and_unknown_ends(good: Path) -> None:
    good.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10-05/.."\n', encoding="utf-8")
    assert "  precision  an interval: from a day to an open end\n" in run("show", "events.toml", "a")[1]
    good.write_text('[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-10/"\n', encoding="utf-8")
    assert "  precision  an interval: from a month to an unknown end\n" in run("show", "events.toml", "a")[1]


def test_import_append_refuses_a_source_that_would_re_date_its_events(good: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(GOOD.replace('published = "2024-11-17"', 'published = "2024-12-01"'), encoding="utf-8")
    assert run("export", str(other), "--to", "json", "-o", "other.json")[0] == 0
    before = good.read_text(encoding="utf-8")
    code, out, err = run("import", "other.json", "-o", "events.toml", "--append")
    assert (code, out) == (1, "")
    assert err == (
        "chronology: other.json: source 'bloomberg' is not the source of that id in events.toml; "
        "rename it in one of them, or make them the same\n"
    )
    assert good.read_text(encoding="utf-8") == before


def test_export_writes_through_a_symbolic_link_and_into_a_pipe(showcase: Path, tmp_path: Path) -> None:
    import os
    import threading

    real = tmp_path / "real"
    real.mkdir()
    (real / "t.json").write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real / "t.json")
    assert run("export", "events.toml", "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert (real / "t.json").read_text(encoding="utf-8").startswith('{\n  "chronology"')

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    assert run("export", "events.toml", "--to", "markdown", "-o", str(pipe))[0] == 0
    reader.join(timeout=30)
    assert pipe.exists()
    assert not pipe.is_file()  # still the pipe, not a file put in its place
    assert len(received) == 1
    assert received[0].startswith("# North Korean troops sent to Russia")


# -- plot: claims found or not, windows, dates before the era ---------------------------------------------------

FIRE = """\
title = "Dock Road fire"

[[sources]]
id = "gazette"
outlet = "Harbour Gazette"
published = "2025-03-14"

[[events]]
id = "fire"
title = "Warehouse fire"
when = "2025-03-12"

[[events.claims]]
subject = "people injured in the Dock Road fire"
value = "up to 20"
unit = "people"
claimant = "Union"
source = "gazette"

[[events.claims]]
subject = "people evacuated"
value = "40"
unit = "people"
claimant = "Council"
source = "gazette"

[[events.claims]]
subject = "damage"
value = "$2,000,000"
unit = "US dollars"
claimant = "Insurer"
source = "gazette"

[[events]]
id = "inquiry"
title = "Inquiry opens"
when = "2025-06"
"""


@pytest.fixture
def fire(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "fire.toml"
    path.write_text(FIRE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("subject", "first"),
    [("injred", "people injured in the Dock Road fire"), ("evacuted", "people evacuated"), ("damges", "damage")],
    ids=["injured", "evacuated", "damage"],
)
def test_claims_about_a_subject_none_has_name_the_subjects_there_are_nearest_first(
    fire: Path, subject: str, first: str
) -> None:
    code, out, err = run("plot", "fire.toml", "-o", "c.png", "--claims", subject)
    assert (code, out) == (1, "")
    assert err.startswith(f"chronology: --claims {subject!r}: no claim's subject contains it; the subjects claimed are")
    listed = err.split("nearest first: ", 1)[1].strip()
    assert listed.startswith(repr(first))
    assert sorted(listed.split(", ")) == sorted(
        repr(name) for name in ("people injured in the Dock Road fire", "people evacuated", "damage")
    )
    assert not Path("c.png").exists()


def test_claims_in_another_unit_than_asked_say_which_units_they_are_in(fire: Path) -> None:
    assert run("plot", "fire.toml", "-o", "c.png", "--claims", "injured", "--unit", "dollars") == (
        1,
        "",
        "chronology: --unit 'dollars': there are claims about 'injured', but none in 'dollars'; they are in "
        "'people' (1 claim): give one of those to --unit, or leave --unit out\n",
    )
    assert not Path("c.png").exists()


def test_claims_asked_of_a_file_without_any_are_refused(good: Path) -> None:
    assert run("plot", "events.toml", "-o", "c.png", "--claims", "injured") == (
        1,
        "",
        "chronology: --claims 'injured': no event has claims ([[events.claims]]), so there are none to draw\n",
    )


@pytest.mark.parametrize("subject", ["", "   "], ids=["empty", "blank"])
def test_an_empty_claims_subject_is_refused_not_read_as_no_claims_chart(fire: Path, subject: str) -> None:
    assert run("plot", "fire.toml", "-o", "c.png", "--claims", subject) == (
        2,
        "",
        f"chronology plot: error: --claims {subject!r}: empty; give the subject of the claims to draw, or a word "
        "of it ('--claims injured')\n",
    )
    assert not Path("c.png").exists()


def test_one_claim_drawn_is_counted_in_the_singular(fire: Path) -> None:
    assert run("plot", "fire.toml", "-o", "c.png", "--claims", "damage", "--claims-table", "c.csv") == (
        0,
        "wrote c.csv (1 claim as a table)\nwrote c.png (1 claim)\n",
        "",
    )
    assert run("plot", "fire.toml", "-o", "c.png", "--claims", "people")[1] == "wrote c.png (2 claims)\n"


@pytest.mark.parametrize(
    ("window", "said"),
    [
        (["--from", "2030-01-01"], "no events from 1 January 2030 on"),
        (["--from", "2030", "--to", "2031-06"], "no events between 2030 and June 2031"),
        (["--to", "1990"], "no events up to 1990"),
        (["--from", "2025-04", "--to", "2025-05"], "no events between April 2025 and May 2025"),
    ],
    ids=["after", "window after", "before", "between"],
)
def test_a_window_without_events_is_refused_saying_when_the_events_are(
    fire: Path, window: list[str], said: str
) -> None:
    assert run("plot", "fire.toml", "-o", "t.png", *window) == (
        1,
        "",
        f"chronology: {said}; the file's events span 12 March 2025 to 30 June 2025: give a window that reaches "
        "into those days\n",
    )
    assert not Path("t.png").exists()


@pytest.mark.parametrize(
    ("option", "value", "day"),
    [("--from", "2025-03-12T02:00", "2025-03-12"), ("--to", "2025-03-12T06:00:30", "2025-03-12")],
)
def test_a_plot_window_with_a_time_of_day_is_refused_naming_the_day(
    fire: Path, option: str, value: str, day: str
) -> None:
    assert run("plot", "fire.toml", "-o", "t.png", option, value) == (
        2,
        "",
        f"chronology plot: error: {option} {value!r}: a plot window is whole days, and its time would be ignored; "
        f"give the day ({day!r}): a window of a day or a few is drawn with the hours on its axis\n",
    )
    assert not Path("t.png").exists()


ROME = """\
[[events]]
id = "rubicon"
title = "Caesar crosses the Rubicon"
when = "-0048-01-10"

[[events]]
id = "ides"
title = "Caesar assassinated"
when = "-0043-03-15"

[[events]]
id = "actium"
title = "Battle of Actium"
when = "-0030-09-02"
"""


@pytest.fixture
def rome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "rome.toml"
    path.write_text(ROME, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "rome.toml", "--from", "-0043-03", "--to", "-0043-03"],
        ["query", "rome.toml", "--from", "-0044", "--to", "-0043"],
        ["query", "rome.toml", "--to", "-0043-03-15", "--from", "-0043-03", "--json"],
    ],
    ids=["month", "years", "day, options in another order"],
)
def test_date_options_take_a_year_before_the_era_as_the_edtf_writes_it(rome: Path, argv: list[str]) -> None:
    joined = [f"{word}={argv[i + 1]}" if word in ("--from", "--to") else word for i, word in enumerate(argv)]
    joined = [word for i, word in enumerate(joined) if i == 0 or argv[i - 1] not in ("--from", "--to")]
    code, out, err = run(*argv)
    assert (code, err) == (0, "")
    assert "ides" in out
    assert "rubicon" not in out
    assert "actium" not in out
    assert run(*joined) == (code, out, err)  # as --from=-0043-03 gives it


def test_plot_and_add_take_a_date_before_the_era_after_their_option(rome: Path) -> None:
    assert run("plot", "rome.toml", "-o", "r.png", "--from", "-0044", "--to", "-0043") == (
        0,
        "wrote r.png (1 event in 1 lane)\n",
        "",
    )
    assert run("add", "rome.toml", "--id", "philippi", "--title", "Philippi", "--when", "-0041-10") == (
        0,
        "added 'philippi' (October 42 BCE) to rome.toml\n",
        "",
    )


def test_only_a_date_options_value_is_joined_to_it() -> None:
    from chronology.cli._parser import _joined_dates

    assert _joined_dates(["plot", "f.toml", "--from", "-0043", "--title", "-5 days", "--to", "-0030-09"]) == [
        "plot",
        "f.toml",
        "--from=-0043",
        "--title",
        "-5 days",
        "--to=-0030-09",
    ]
    assert _joined_dates(["query", "--from", "-x", "--", "--to", "-0030"]) == [
        "query",
        "--from",
        "-x",
        "--",
        "--to",
        "-0030",
    ]


# -- a newsroom analyst's trial: times, empty answers, zones, the forms read -------------------------------------

NIGHT = """\
[reading]
zone = "Europe/Kyiv"

[[events]]
id = "blast"
title = "Blast"
when = "the night of 10-11 March 2024"

[[events]]
id = "call"
title = "Call"
when = "3 a.m. on 11 March 2024"

[[events]]
id = "warsaw"
title = "Statement in Warsaw"
when = "2024-03-11T09:00+01:00"

[[events]]
id = "siege"
title = "Siege"
when = "2024-03-12T10:00+02:00/2024-04-02T10:00+03:00"
"""


@pytest.fixture
def night(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "night.toml"
    path.write_text(NIGHT, encoding="utf-8")
    return path


def test_relate_names_the_second_it_counts_times_by_and_never_prints_0_beside_a_possible_equals(night: Path) -> None:
    import json

    # two times are counted by the second (as dates by the day): "equals", the same second, is possible, and rare
    lines = relate_lines("night.toml", "blast", "call")
    assert "equals (possible)" in lines["relations of A to B"]
    assert lines["odds, each second equally likely"] == (
        "before 79.2%, after 20.8%, neither (same second or overlapping) <0.1%"
    )
    _, out, _ = run("relate", "night.toml", "blast", "call", "--json")
    answer = json.loads(out)
    assert answer["probabilities"]["neither"] == "1/43200"  # the exact odds stay exact
    assert answer["unit"] == "second"
    assert json.loads(run("relate", "night.toml", "blast", "2024-03-11", "--json")[1])["unit"] == "day"


def test_relate_odds_never_print_0_or_100_percent_for_what_is_only_possible(good: Path) -> None:
    # a day of the 15th century against its last day: the same day is possible, one day in 36,524
    lines = relate_lines("events.toml", "the 15th century", "1499-12-31")
    assert lines["relations of A to B"] == (
        "before (possible), meets (possible: A ends the day before B starts, so A is before B), equals (possible)"
    )
    assert lines["odds, each day equally likely"] == (
        "before >99.9%, after 0%, neither (same day or overlapping) <0.1%"
    )


def test_an_empty_query_says_there_are_no_events_in_the_window(night: Path) -> None:
    import json

    for mode, how in (("--certain", "certainly"), ("--possible", "possibly")):
        code, out, err = run("query", "night.toml", "--from", "2024-03-05", "--to", "2024-03-06", mode)
        assert (code, err) == (0, "")
        assert out == f"no events {how} between 5 March 2024 and 6 March 2024\n"
    code, out, _ = run("query", "night.toml", "--to", "2024-03-05", "--within", "--certain")
    assert out == "no events certainly wholly up to 5 March 2024\n"
    code, out, _ = run("query", "night.toml", "--from", "2024-03-12", "--before", "call", "--kind", "x")
    assert code == 1  # (a kind no event has is a typo: said, not an empty answer)
    code, out, _ = run("query", "night.toml", "--after", "siege", "--certain")
    assert out == "no events certainly after 'siege'\n"
    # for scripts, an empty answer stays a document
    code, out, _ = run("query", "night.toml", "--from", "2024-03-05", "--to", "2024-03-06", "--certain", "--json")
    assert json.loads(out)["events"] == []
    # an answer with events is still the table
    code, out, _ = run("query", "night.toml", "--from", "2024-03-11", "--to", "2024-03-11", "--certain")
    assert "no events" not in out
    assert "warsaw" in out


def test_an_order_question_says_which_it_answers_possibly_by_default(night: Path) -> None:
    code, out, _ = run("query", "night.toml", "--before", "siege")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "events possibly before 'siege' (add --certain for only those that certainly were)"
    assert lines[1] == ""
    assert lines[2].startswith("date")
    code, out, _ = run("query", "night.toml", "--after", "call", "--certain", "--from", "2024-03-11")
    assert out.splitlines()[0] == "events certainly from 11 March 2024 on and after 'call'"
    assert "warsaw" in out  # 09:00 in Warsaw is 10:00 in Kyiv: certainly after 3 a.m., by the second
    # a window alone is the table as it was; scripts get the document alone
    code, out, _ = run("query", "night.toml", "--from", "2024-03-11", "--to", "2024-03-11")
    assert out.splitlines()[0].startswith("date")
    code, out, _ = run("query", "night.toml", "--before", "siege", "--json")
    assert out.startswith("{")


def test_relate_says_that_meeting_counts_as_before(night: Path) -> None:
    # a day of 10-13 March against 11 March: it may end the day before, share the day, or start the day after
    Path("week.toml").write_text(
        NIGHT + '\n[[events]]\nid = "advance"\ntitle = "Advance"\nwhen = "between 10 and 13 March 2024"\n\n'
        '[[events]]\nid = "talks"\ntitle = "Talks"\nwhen = "2024-03-11"\n',
        encoding="utf-8",
    )
    lines = relate_lines("week.toml", "advance", "talks")
    assert lines["A before B"] == "possible"
    relations = lines["relations of A to B"]
    assert not relations.startswith("before")  # no "before" relation: the possible "A before B" is by meeting
    assert "meets (possible: A ends the day before B starts, so A is before B)" in relations
    assert "met by (possible: A starts the day after B ends, so A is after B)" in relations


def test_list_names_the_zone_once_and_keeps_only_the_offsets_that_differ(night: Path) -> None:
    code, out, err = run("list", "night.toml")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("date (Europe/Kyiv time)")
    assert "bounds (Europe/Kyiv days)" in lines[0]
    rows = {line.split()[-2] if not line.endswith("Warsaw") else "warsaw": line for line in lines[1:]}
    assert rows["call"].startswith("11 March 2024, 3 a.m.  ")  # read in Kyiv's time (+02:00): not repeated
    # both ends of the siege are Kyiv's own offsets, winter and summer time
    assert rows["siege"].startswith("from 12 March 2024, 10:00 to 2 April 2024, 10:00  ")
    assert "UTC+01:00" in rows["warsaw"]  # another offset than the zone's is kept
    assert "UTC+02:00" not in out
    # in another zone, every offset is the event's own again
    code, out, _ = run("list", "night.toml", "--zone", "UTC")
    assert out.splitlines()[0].startswith("date  ")
    assert "11 March 2024, 3 a.m. UTC+02:00" in out


def test_forms_prints_every_example_with_the_reading_the_reader_gives_now(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.notation import forms

    languages: tuple[forms.Language, ...] = ("en", "ru", "uk", "ko")
    for language in languages:
        code, out, err = run("forms", "--language", language)
        assert (code, err) == (0, "")
        rows = out.splitlines()[4:]
        table = forms.forms(language)
        assert len(rows) == len(table)
        for row, form in zip(rows, table, strict=True):
            value = forms.read(form)
            assert form.example in row
            assert row.endswith(f"{value.label}  ({value.to_edtf()})")
    assert run("forms")[1] == run("forms", "--language", "en")[1]
    # the reading is computed: a table row changed is printed as the reader reads it
    changed = forms.Form("en", "calendar date", "4 October 2024")
    monkeypatch.setattr(forms, "FORMS", (changed,))
    assert run("forms")[1].splitlines()[4].endswith("4 October 2024  (2024-10-04)")


def test_forms_refuses_a_language_without_a_reader() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["forms", "--language", "fr"])
    assert raised.value.code == 2


@pytest.mark.parametrize("form", __import__("chronology.notation.forms").notation.forms.FORMS, ids=lambda f: f.example)
def test_every_example_of_the_forms_table_reads(form: object) -> None:
    from chronology.notation.forms import Form, read

    assert isinstance(form, Form)
    value = read(form)  # raises DateParseError if the reader no longer reads it
    assert value.label


def test_errors_point_to_the_forms_command_which_an_installed_package_has(good: Path) -> None:
    good.write_text(GOOD.replace('"September 2023"', '"sometime soonish"'), encoding="utf-8")
    _, _, err = run("validate", "events.toml")
    assert "run 'chronology forms' to list the forms read" in err


KYIV_FILE = """title = "Kyiv"

[reading]
zone = "Europe/Kyiv"

[[sources]]
id = "r"
outlet = "Reuters"
title = "Strike"
published = "2024-03-11T09:00+02:00"

[[events]]
id = "strike"
title = "Strike"
when = "early Monday"
anchor = "r"

[[events]]
id = "talk"
title = "Talk"
when = "2024-03-12T15:00"
"""


def _reading_zone(path: Path) -> str | None:
    import tomllib

    zone = tomllib.loads(path.read_text(encoding="utf-8")).get("reading", {}).get("zone")
    return None if zone is None else str(zone)


def test_import_of_a_zoned_json_export_keeps_its_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("kyiv.toml").write_text(KYIV_FILE, encoding="utf-8")
    assert run("export", "kyiv.toml", "-o", "kyiv.json")[0] == 0
    assert run("import", "kyiv.json", "-o", "back.toml")[0] == 0
    assert _reading_zone(Path("back.toml")) == "Europe/Kyiv"
    assert run("list", "back.toml")[1] == run("list", "kyiv.toml")[1]


def test_import_csv_reads_times_in_the_zone_given_and_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rows.csv").write_text("id,title,when\ntalk,Talk,2024-03-12T23:30\n", encoding="utf-8")
    assert run("import", "rows.csv", "-o", "plain.toml")[0] == 0
    assert run("import", "rows.csv", "-o", "kyiv.toml", "--zone", "Europe/Kyiv")[0] == 0
    assert _reading_zone(Path("plain.toml")) is None
    assert _reading_zone(Path("kyiv.toml")) == "Europe/Kyiv"
    # 23:30 in Kyiv is 21:30 UTC: on the 12th whichever zone the days are counted in
    for zone in ("UTC", "Europe/Kyiv", "Asia/Seoul"):
        code, out, _ = run("query", "kyiv.toml", "--from", "2024-03-12", "--to", "2024-03-12", "--zone", zone)
        assert (code, "talk" in out) == (0, zone != "Asia/Seoul"), zone  # 06:30 on the 13th in Seoul


def test_import_append_reads_csv_in_the_files_zone_and_refuses_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("kyiv.toml").write_text(KYIV_FILE, encoding="utf-8")
    Path("rows.csv").write_text("id,title,when\nlate,Late,2024-03-13T00:30\n", encoding="utf-8")
    before = Path("kyiv.toml").read_text(encoding="utf-8")
    code, out, err = run("import", "rows.csv", "-o", "kyiv.toml", "--append", "--zone", "Asia/Seoul")
    assert (code, out) == (1, "")
    assert "kyiv.toml reads its times in Europe/Kyiv" in err
    assert Path("kyiv.toml").read_text(encoding="utf-8") == before
    assert run("import", "rows.csv", "-o", "kyiv.toml", "--append")[0] == 0
    # 00:30 on the 13th in Kyiv: the 12th in UTC, the 13th in the file's zone
    assert "late" in run("query", "kyiv.toml", "--from", "2024-03-13", "--to", "2024-03-13")[1]
    assert "late" in run("query", "kyiv.toml", "--from", "2024-03-12", "--to", "2024-03-12", "--zone", "UTC")[1]


def test_import_names_a_misspelt_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rows.csv").write_text("id,title,when\na,A,2024-03-12\n", encoding="utf-8")
    code, _, err = run("import", "rows.csv", "-o", "x.toml", "--zone", "Europe/Kiyv")
    assert code == 2
    assert "--zone: 'Europe/Kiyv' is not a time zone of the IANA database; did you mean 'Europe/Kyiv'?" in err
    assert not Path("x.toml").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--from", "2020-13"), "--from: '2020-13' (at character 6): month 13 does not exist"),
        (("--from", "Septembr 2023"), "did you mean 'September 2023'?"),
        (("--from", "2024-03", "--to", "2024-02"), "the window ends (February 2024) before it starts (March 2024)"),
    ],
    ids=["impossible month", "misspelt month", "reversed window"],
)
def test_a_bad_window_on_an_engine_is_the_same_usage_error_as_in_memory(
    good: Path, options: tuple[str, ...], message: str
) -> None:
    pytest.importorskip("duckdb")
    from chronology import load

    load("events.toml").to_parquet("events.parquet")
    for engine in ("memory", "duckdb"):
        code, out, err = run("query", "events.parquet", "--engine", engine, "--count", *options)
        assert (code, out) == (2, ""), engine
        assert err.startswith("chronology query: error: "), (engine, err)
        assert message in err, (engine, err)
