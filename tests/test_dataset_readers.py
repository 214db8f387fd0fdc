"""The ACLED and GDELT readers: small files written here in the published formats, converted to the columnar form.

Nothing is downloaded: each test writes a dozen realistic rows as ACLED's CSV
export and GDELT 2.0's tab-separated event file lay them out, converts them,
and checks the bounds each precision gives, the ids, the claims, the columns
kept, that batches change nothing, that bad rows are named by line and
column, and that memory and DuckDB give the same answers.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any, Literal

import pyarrow.parquet as pq
import pytest

import chronology
from chronology import DatasetError, DatasetRowError, Event, Timeline
from chronology.cli import main
from chronology.exchange.acled import acled_to_parquet
from chronology.exchange.gdelt import COLUMNS as GDELT_COLUMNS
from chronology.exchange.gdelt import gdelt_to_parquet

MODES: tuple[Literal["possible", "certain"], ...] = ("possible", "certain")

#: The columns of an ACLED export since 2023, in its order.
ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def acled_row(**given: Any) -> dict[str, str]:
    """One row of an ACLED export: the values given, the rest as ACLED leaves them (empty)."""
    row = dict.fromkeys(ACLED_HEADER, "")
    row.update({key: str(value) for key, value in given.items()})
    row["timestamp"] = row["timestamp"] or "1729555200"
    return row


RUSSIA, UKRAINE = "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"
ACLED_ROWS = [
    acled_row(
        event_id_cnty="UKR187001", event_date="18 October 2024", year=2024, time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1=RUSSIA, inter1="State forces",
        actor2="Civilians (Ukraine)", inter2="Civilians", interaction="State forces-Civilians",
        civilian_targeting="Civilian targeting", iso=804, region="Europe", country="Ukraine", admin1="Kharkiv",
        admin2="Kharkivskyi", admin3="Kharkivska", location="Kharkiv", latitude="49.9935", longitude="36.2304",
        geo_precision=1, source="Ukrinform; Suspilne", source_scale="National",
        notes="On 18 October 2024, Russian forces shelled Kharkiv city.\nTwo civilians were killed, five wounded.",
        fatalities=2,
    ),
    acled_row(
        event_id_cnty="UKR187002", event_date="2024-10-16", year=2024, time_precision=2,
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash", actor1=RUSSIA,
        actor2=UKRAINE, iso=804, region="Europe", country="Ukraine", admin1="Donetsk", admin2="Pokrovskyi",
        admin3="Selydivska", location="Selydove", latitude="48.1475", longitude="37.3011", geo_precision=2,
        source="Ministry of Defence of Ukraine", source_scale="National",
        notes="Around the week of 16 October 2024, Russian and Ukrainian forces clashed near Selydove.",
        fatalities=0,
    ),
    acled_row(
        event_id_cnty="KOR2401", event_date="2024-10-15", year=2024, time_precision=3,
        disorder_type="Strategic developments", event_type="Strategic developments", sub_event_type="Other",
        actor1="Military Forces of North Korea (2011-)", iso=410, region="East Asia", country="South Korea",
        admin1="Seoul", location="Seoul", latitude="37.5665", longitude="126.9780", geo_precision=3,
        source="Yonhap; National Intelligence Service of South Korea", source_scale="National",
        notes="In mid-October 2024, South Korea's intelligence service reported troop transfers to Russia.",
        fatalities=0,
    ),
    acled_row(
        event_id_cnty="KOR2402", event_date="16-10-2024", year=2024, time_precision=3,
        disorder_type="Strategic developments", event_type="Strategic developments", sub_event_type="Agreement",
        actor1="Government of North Korea (2011-)", actor2="Government of Russia (2000-)", iso=410,
        region="East Asia", country="North Korea", admin1="Pyongyang", location="Pyongyang", latitude="39.0339",
        longitude="125.7543", geo_precision=3, source="KCNA", source_scale="National",
        notes="In October 2024, North Korea ratified its treaty with Russia.", fatalities=0,
    ),
    acled_row(
        event_id_cnty="RUS5501", event_date="18/10/2024", year=2024, time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1=UKRAINE, iso=643, region="Europe", country="Russia",
        admin1="Kursk", admin2="Kurskiy", location="Kursk", latitude="51.7373", longitude="36.1873",
        geo_precision=1, source="Kommersant", source_scale="National",
        notes="On 18 October 2024, Ukrainian drones struck an oil depot near Kursk.", fatalities=0,
    ),
    acled_row(
        event_id_cnty="UKR187003", event_date="2024-10-19", year=2024, time_precision=1,
        disorder_type="Political violence", event_type="Violence against civilians", sub_event_type="Attack",
        actor1=RUSSIA, actor2="Civilians (Ukraine)", assoc_actor_2="Women (Ukraine); Health Workers (Ukraine)",
        iso=804, region="Europe", country="Ukraine", admin1="Zaporizhia", admin2="Zaporizkyi",
        location="Zaporizhzhia", latitude="47.8388", longitude="35.1396", geo_precision=1,
        source="Suspilne", source_scale="Subnational",
        notes='On 19 October 2024, a Russian drone hit a clinic in Zaporizhzhia, the "Medcentre".', fatalities=1,
    ),
    acled_row(
        event_id_cnty="PSE9001", event_date="2024-10-17", year=2024, time_precision=1,
        disorder_type="Demonstrations", event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Palestine)", iso=275, region="Middle East", country="Palestine", admin1="West Bank",
        admin2="Ramallah and al-Bireh", location="Ramallah", latitude="31.9038", longitude="35.2034",
        geo_precision=1, source="WAFA", source_scale="National",
        notes="On 17 October 2024, around 200 people demonstrated in Ramallah.", fatalities=0,
        tags="crowd size=around 200",
    ),
    acled_row(
        event_id_cnty="SDN4401", event_date="2024-10-13", year=2024, time_precision=2,
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
        actor1="Rapid Support Forces", actor2="Military Forces of Sudan (2019-)", iso=729,
        region="Northern Africa", country="Sudan", admin1="Khartoum", location="Omdurman", latitude="15.6445",
        longitude="32.4777", geo_precision=1, source="Sudan Tribune; Radio Dabanga", source_scale="National",
        notes="During the week of 13 October 2024, fighting in Omdurman killed 12.", fatalities=12,
        timestamp=1729961999,  # 2024-10-26T16:59:59Z: when ACLED last changed the row
    ),
    acled_row(
        event_id_cnty="MMR7701", event_date="2024-02-03", year=2024, time_precision=3,
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
        actor1="Military Forces of Myanmar (2021-)", actor2="Arakan Army", iso=104, region="Southeast Asia",
        country="Myanmar", admin1="Rakhine", location="Pauktaw", latitude="20.1833", longitude="92.8667",
        geo_precision=2, source="Irrawaddy", source_scale="National",
        notes="In the past three weeks, clashes around Pauktaw left 3 dead.", fatalities=3,
    ),
    acled_row(
        event_id_cnty="UKR187004", event_date="2024-10-31", year=2024, time_precision=3,
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash", actor1=RUSSIA,
        actor2=UKRAINE, iso=804, region="Europe", country="Ukraine", admin1="Donetsk", location="Vuhledar",
        latitude="47.7794", longitude="37.2486", geo_precision=2, source="Ukrainska Pravda",
        source_scale="National", notes="At the end of October 2024, fighting continued near Vuhledar.",
        fatalities=0,
    ),
    acled_row(
        event_id_cnty="NGA3301", event_date="2024-10-19", year=2024, time_precision=1,
        disorder_type="Political violence", event_type="Riots", sub_event_type="Mob violence",
        actor1="Rioters (Nigeria)", actor2="Civilians (Nigeria)", iso=566, region="Western Africa",
        country="Nigeria", admin1="Kano", location="Kano", latitude="12.0000", longitude="8.5167",
        geo_precision=1, source="Premium Times", source_scale="National",
        notes="On 19 October 2024, a mob attacked a man in Kano; he died.", fatalities=1,
    ),
    acled_row(
        event_id_cnty="MEX6601", event_date="2024-10-20", year=2024, time_precision=2,
        disorder_type="Political violence", event_type="Violence against civilians", sub_event_type="Attack",
        actor1="Unidentified Armed Group (Mexico)", actor2="Civilians (Mexico)", iso=484,
        region="Central America", country="Mexico", admin1="Guerrero", location="Chilpancingo",
        latitude="17.5506", longitude="-99.5058", geo_precision=1, source="El Sur", source_scale="Subnational",
        notes="During the week, gunmen attacked a family in Chilpancingo.", fatalities=0,
    ),
]  # fmt: skip
#: The line each row starts on: the header is line 1, the first row's note takes two lines.
LINES = [2, *range(4, 4 + len(ACLED_ROWS) - 1)]


def write_acled(path: Path, rows: list[dict[str, str]] = ACLED_ROWS) -> Path:
    """Write ``rows`` as ACLED writes its CSV export: a header row, fields quoted where they need it."""
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, ACLED_HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def gdelt_row(**given: Any) -> str:
    """One line of a GDELT 2.0 event file: the 61 fields, tab-separated, the values not given empty."""
    row = {name: "" for name, _ in GDELT_COLUMNS}
    row.update({key: str(value) for key, value in given.items()})
    return "\t".join(row[name] for name, _ in GDELT_COLUMNS)


def gdelt_event(number: int, day: str, added: str, code: str, quad: int, **more: Any) -> str:
    """A GDELT event with the fields every row has, numbered from 1203451000."""
    year, month = day[:4], day[:6]
    return gdelt_row(
        GLOBALEVENTID=1203451000 + number, SQLDATE=day, MonthYear=month, Year=year,
        FractionDate=f"{year}.7918", IsRootEvent=1, EventCode=code, EventBaseCode=code[:3],
        EventRootCode=code[:2], QuadClass=quad, GoldsteinScale="-10.0" if quad == 4 else "3.4", NumMentions=6,
        NumSources=1, NumArticles=6, AvgTone="-4.53", DATEADDED=added,
        SOURCEURL=f"https://www.example.org/news/{number}", **more,
    )  # fmt: skip


GDELT_LINES = [
    gdelt_event(1, "20241018", "20241018121500", "190", 4, Actor1Code="RUS", Actor1Name="RUSSIA",
                Actor1CountryCode="RUS", Actor2Code="UKR", Actor2Name="UKRAINE", Actor2CountryCode="UKR",
                ActionGeo_Type=4, ActionGeo_FullName="Kharkiv, Kharkivs'ka Oblast', Ukraine",
                ActionGeo_CountryCode="UP", ActionGeo_ADM1Code="UP07", ActionGeo_Lat="49.9808",
                ActionGeo_Long="36.2527", ActionGeo_FeatureID="-1044367"),
    gdelt_event(2, "20241017", "20241018121500", "036", 1, Actor1Code="KOR", Actor1Name="SOUTH KOREA",
                Actor2Code="PRK", Actor2Name="NORTH KOREA", ActionGeo_Type=1, ActionGeo_FullName="South Korea",
                ActionGeo_CountryCode="KS", ActionGeo_Lat="37", ActionGeo_Long="127.5", ActionGeo_FeatureID="KS"),
    gdelt_event(3, "20240918", "20241018121500", "0251", 1, Actor1Name="UNITED NATIONS", Actor2Name="SUDAN"),
    gdelt_event(4, "20241011", "20241018121500", "112", 3, Actor1Name="UNITED STATES", Actor2Name="RUSSIA"),
    gdelt_event(5, "20241018", "20241018121500", "145", 4, Actor1Name="PROTESTER", ActionGeo_Type=4,
                ActionGeo_FullName="Tbilisi, Tbilisi, Georgia", ActionGeo_Lat="41.725", ActionGeo_Long="44.7908"),
    gdelt_event(6, "20241018", "20241018121500", "042", 1, Actor1Name="CHINA", Actor2Name="RUSSIA"),
    gdelt_event(7, "20241016", "20241018121500", "173", 4, Actor1Name="POLICE", Actor2Name="NIGERIA"),
    gdelt_event(8, "20241018", "20241018123000", "057", 2, Actor1Name="RUSSIA", Actor2Name="NORTH KOREA"),
    gdelt_event(9, "20241017", "20241018123000", "120", 3, Actor1Name="ISRAEL", Actor2Name="LEBANON"),
    gdelt_event(10, "20241018", "20241018123000", "193", 4, Actor1Name="ISRAEL", Actor2Name="HAMAS"),
    gdelt_event(11, "20241004", "20241018123000", "010", 1, Actor1Name="GERMANY"),
    gdelt_event(12, "20241018", "20241018123000", "183", 4, Actor2Name="CIVILIAN", ActionGeo_Type=4,
                ActionGeo_FullName="Kursk, Kursk, Russia", ActionGeo_Lat="51.7373", ActionGeo_Long="36.1873"),
]  # fmt: skip


def write_gdelt(path: Path, lines: list[str] = GDELT_LINES) -> Path:
    """Write ``lines`` as GDELT writes an event file: tab-separated, no header, one event per line."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def day(text: str) -> int:
    """An ISO day as the columnar form counts it: days from 1970-01-01."""
    return (datetime.date.fromisoformat(text) - datetime.date(1970, 1, 1)).days


def rows_by_id(path: Path) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in pq.read_table(path).to_pylist()}


@pytest.fixture
def acled(tmp_path: Path) -> Path:
    """The sample export converted; the Parquet file."""
    target = tmp_path / "acled.parquet"
    assert acled_to_parquet(write_acled(tmp_path / "acled.csv"), target) == len(ACLED_ROWS)
    return target


def test_a_line_break_in_an_acled_field_makes_no_title_of_two_lines(tmp_path: Path) -> None:
    rows = [dict(row) for row in ACLED_ROWS]
    rows[0]["location"] = "Kharkiv\nregion"
    target = tmp_path / "acled.parquet"
    acled_to_parquet(write_acled(tmp_path / "acled.csv", rows), target)
    event = chronology.load(target)[rows[0]["event_id_cnty"]]
    assert "Kharkiv region" in event.title
    assert "\n" not in event.title


@pytest.fixture
def gdelt(tmp_path: Path) -> Path:
    """The sample event file converted; the Parquet file."""
    target = tmp_path / "gdelt.parquet"
    assert gdelt_to_parquet(write_gdelt(tmp_path / "20241018121500.export.CSV"), target) == len(GDELT_LINES)
    return target


# -- ACLED: the bounds of each time precision ----------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "edtf"),
    [("UKR187001", "2024-10-18"), ("RUS5501", "2024-10-18"), ("PSE9001", "2024-10-17")],
    ids=["18 October 2024", "18/10/2024 (day first)", "ISO 8601"],
)
def test_a_day_row_is_the_day_given_whatever_the_form(acled: Path, event: str, edtf: str) -> None:
    row = rows_by_id(acled)[event]
    assert row["edtf"] == edtf
    assert row["precision"] == "day"
    assert row["start_first"] == row["end_last"] == row["possible_start_first"] == day(edtf)


@pytest.mark.parametrize("event", ["UKR187002", "SDN4401", "MEX6601"])
def test_a_week_row_holds_every_week_and_weekend_around_the_recorded_day(acled: Path, event: str) -> None:
    row = rows_by_id(acled)[event]
    recorded = day(next(r["event_date"] for r in ACLED_ROWS if r["event_id_cnty"] == event))
    for start in range(recorded - 6, recorded + 1):  # every seven days that hold the recorded day
        assert row["start_first"] <= start < start + 6 <= row["end_last"], start
    assert (row["start_first"], row["end_last"]) == (recorded - 6, recorded + 6)
    assert row["edtf"].startswith("[")
    assert ".." in row["edtf"]
    assert chronology.parse(row["edtf"]).lo == chronology.parse(row["edtf"][1:11]).lo


def test_a_week_row_is_written_as_the_days_it_may_be() -> None:
    text = "event_id_cnty,event_date,time_precision,event_type\nX1,2024-10-18,2,Battles\n"
    assert _converted(text)["X1"]["edtf"] == "[2024-10-12..2024-10-24]"


@pytest.mark.parametrize(
    ("event", "first", "last"),
    [
        ("KOR2401", "2024-09-30", "2024-10-31"),  # mid-month: the month, and 15 days before the 15th
        ("MMR7701", "2024-01-19", "2024-02-29"),  # "the past three weeks" before 3 February reach into January
        ("UKR187004", "2024-10-01", "2024-11-15"),  # the last day: the end of the month was noted, or a midpoint
    ],
    ids=["15 October", "3 February", "31 October"],
)
def test_a_month_row_holds_its_calendar_month_and_fifteen_days_either_side(
    acled: Path, event: str, first: str, last: str
) -> None:
    row = rows_by_id(acled)[event]
    assert (row["start_first"], row["end_last"]) == (day(first), day(last))
    assert row["edtf"] == f"[{first}..{last}]"
    recorded = datetime.date.fromisoformat(row["event_date"])
    month_first = recorded.replace(day=1)
    assert row["start_first"] <= day(month_first.isoformat())
    assert row["start_first"] <= day(recorded.isoformat()) - 15
    assert day(recorded.isoformat()) + 15 <= row["end_last"]


def test_a_month_row_whose_widening_stays_in_the_month_is_the_month(acled: Path) -> None:
    row = rows_by_id(acled)["KOR2402"]  # 16 October, given day first: 1-31 October
    assert (row["edtf"], row["precision"]) == ("2024-10", "month")
    assert (row["start_first"], row["end_last"]) == (day("2024-10-01"), day("2024-10-31"))


# -- ACLED: ids, titles, claims, the columns kept ------------------------------------------------------


def test_each_row_keeps_acleds_id_words_and_kind(acled: Path) -> None:
    rows = rows_by_id(acled)
    assert list(rows) == [row["event_id_cnty"] for row in ACLED_ROWS]
    first = rows["UKR187001"]
    assert first["title"] == (
        "Shelling/artillery/missile attack · Military Forces of Russia (2000-); Civilians (Ukraine) · Kharkiv, Ukraine"
    )
    assert first["kind"] == "Explosions/Remote violence"
    assert rows["KOR2401"]["title"] == "Other · Military Forces of North Korea (2011-) · Seoul, South Korea"
    assert rows["UKR187003"]["actors"] == [
        RUSSIA,
        "Civilians (Ukraine)",
        "Women (Ukraine)",
        "Health Workers (Ukraine)",
    ]
    assert first["places"] == ["Kharkiv", "Kharkivska", "Kharkivskyi", "Ukraine"]  # Kharkiv once
    assert rows["PSE9001"]["tags"] == ["crowd size=around 200"]
    assert first["record"] is None
    assert first["sources"] == ["Ukrinform", "Suspilne"]


def test_the_outlets_acled_names_are_the_sources_and_its_words_stay_the_claimant(acled: Path) -> None:
    rows = rows_by_id(acled)
    assert rows["SDN4401"]["sources"] == ["Sudan Tribune", "Radio Dabanga"]
    assert rows["SDN4401"]["source"] == "Sudan Tribune; Radio Dabanga"  # ACLED's column, as written
    assert rows["UKR187003"]["sources"] == ["Suspilne"]
    (claim,) = chronology.load(acled)["SDN4401"].claims
    assert claim.claimant == "Sudan Tribune; Radio Dabanga"


def test_query_by_source_selects_a_data_sets_rows_by_outlet(acled: Path) -> None:
    code, out, _ = run("query", str(acled), "--from", "2024-10", "--to", "2024-10", "--source", "Radio Dabanga")
    assert code == 0
    assert "SDN4401" in out
    assert "UKR187001" not in out


def test_reported_fatalities_are_claims_attributed_to_acleds_sources(acled: Path) -> None:
    rows = rows_by_id(acled)
    assert json.loads(rows["SDN4401"]["claims"]) == [
        {
            "subject": "reported fatalities",
            "value": 12,
            "claimant": "Sudan Tribune; Radio Dabanga",
            "said": "[..2024-10-26]",
        }
    ]
    assert rows["UKR187002"]["claims"] is None  # 0: ACLED's figure when the sources say nothing of deaths
    timeline = chronology.load(acled)
    (claim,) = timeline["UKR187001"].claims
    assert (claim.subject, claim.value.low, claim.claimant) == ("reported fatalities", 2, "Ukrinform; Suspilne")
    assert timeline["UKR187002"].claims == ()
    with_claims = [event.id for event in timeline if event.claims]
    assert sorted(with_claims) == ["MMR7701", "NGA3301", "SDN4401", "UKR187001", "UKR187003"]


def test_a_figure_is_said_no_later_than_the_day_acled_last_changed_the_row(acled: Path, tmp_path: Path) -> None:
    (claim,) = chronology.load(acled)["SDN4401"].claims
    assert claim.said is not None
    assert claim.said.to_edtf() == "[..2024-10-26]"
    assert claim.said.hi == chronology.parse("2024-10-26").hi  # the timestamp's day, and nothing earlier is known
    assert claim.said.lo < chronology.parse("1000").lo
    code, out, _ = run("show", str(acled), "SDN4401")
    assert code == 0
    assert "said on or before 26 October 2024 by Sudan Tribune; Radio Dabanga" in out
    assert "said between" not in out  # not the event's own week


def test_a_row_without_a_timestamp_gives_a_claim_without_a_saying_date() -> None:
    text = "event_id_cnty,event_date,time_precision,event_type,fatalities,source\nX1,2024-10-18,1,Battles,3,A; B\n"
    row = _converted(text)["X1"]
    assert json.loads(row["claims"]) == [{"subject": "reported fatalities", "value": 3, "claimant": "A; B"}]
    assert row["sources"] == ["A", "B"]


def test_acleds_columns_are_kept_beside_the_form_typed(acled: Path) -> None:
    table = pq.read_table(acled)
    rows = rows_by_id(acled)
    first = rows["UKR187001"]
    assert first["notes"] == ACLED_ROWS[0]["notes"]  # the line break inside the quoted note kept
    assert (first["latitude"], first["longitude"], first["fatalities"]) == (49.9935, 36.2304, 2)
    assert (first["source"], first["country"], first["admin1"], first["location"]) == (
        "Ukrinform; Suspilne",
        "Ukraine",
        "Kharkiv",
        "Kharkiv",
    )
    assert (first["actor1"], first["actor2"], first["time_precision"]) == (RUSSIA, "Civilians (Ukraine)", 1)
    assert rows["RUS5501"]["event_date"] == "18/10/2024"  # as ACLED gave it
    assert rows["MEX6601"]["longitude"] == -99.5058
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    assert "event_id_cnty" not in table.column_names  # it is the id
    assert json.loads(table.schema.metadata[b"chronology"])["title"] == "ACLED: acled.csv"


def test_a_claims_column_that_is_not_claims_is_refused_when_the_event_is_made(acled: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    table = pq.read_table(acled)
    broken = table.set_column(
        table.schema.get_field_index("claims"), "claims", pa.array(['[{"value": 3}]'] * len(table), pa.string())
    )
    pq.write_table(broken, tmp_path / "broken.parquet")
    timeline = chronology.load(tmp_path / "broken.parquet")
    with pytest.raises(DatasetError, match=r"event 'UKR187001', column 'claims'"):
        timeline["UKR187001"]


# -- streaming -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("batch_rows", "groups"), [(1, 12), (5, 3), (12, 1)], ids=["1", "5", "12"])
def test_small_batches_write_the_same_table_in_more_row_groups(
    acled: Path, tmp_path: Path, batch_rows: int, groups: int
) -> None:
    target = tmp_path / "batched.parquet"
    acled_to_parquet(tmp_path / "acled.csv", target, batch_rows=batch_rows, block_bytes=1024)
    assert pq.ParquetFile(target).num_row_groups == groups
    assert pq.ParquetFile(acled).num_row_groups == 1
    batched, whole = pq.read_table(target), pq.read_table(acled)
    assert batched.equals(whole)
    assert batched.schema.metadata == whole.schema.metadata


def test_small_batches_of_gdelt_write_the_same_table(gdelt: Path, tmp_path: Path) -> None:
    target = tmp_path / "batched.parquet"
    gdelt_to_parquet(tmp_path / "20241018121500.export.CSV", target, batch_rows=5, block_bytes=512)
    assert pq.ParquetFile(target).num_row_groups == 3
    assert pq.read_table(target).equals(pq.read_table(gdelt))


def test_an_export_with_no_rows_gives_an_empty_table(tmp_path: Path) -> None:
    target = tmp_path / "empty.parquet"
    assert acled_to_parquet(write_acled(tmp_path / "empty.csv", []), target) == 0
    assert len(chronology.load(target)) == 0


# -- errors name the file, the line and the column -----------------------------------------------------


@pytest.mark.parametrize(
    ("column", "bad", "said"),
    [
        ("event_date", "31 February 2024", "day 31 does not exist"),
        ("event_date", "2024-10", "is not one day"),
        ("event_date", "last week", "expected a day as 2024-10-18"),
        ("event_date", "", "the date is missing"),
        ("time_precision", "4", "1 (the day itself); 2 (the middle of a week or weekend)"),
        ("time_precision", "week", "is not one of ACLED's codes"),
        ("time_precision", "", "the time precision is missing; expected one of ACLED's codes"),
        ("fatalities", "several", "is not a whole number"),
        ("fatalities", "-3", "is not a count of deaths"),
        ("latitude", "49,99", "is not a number"),
        ("event_id_cnty", "UKR 187", "is not an id"),
    ],
    ids=lambda value: str(value)[:20],
)
def test_a_bad_acled_row_is_named_by_file_line_and_column(tmp_path: Path, column: str, bad: str, said: str) -> None:
    rows = [dict(row) for row in ACLED_ROWS]
    rows[3][column] = bad  # the fourth row: line 6, after the header and a note of two lines
    source = write_acled(tmp_path / "bad.csv", rows)
    target = tmp_path / "bad.parquet"
    with pytest.raises(DatasetRowError) as caught:
        acled_to_parquet(source, target, batch_rows=2)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.field) == (str(source), LINES[3], column)
    assert LINES[3] == 6
    assert said in problem.message
    assert f"{source}:6: " in str(caught.value)
    if bad:
        assert repr(bad) in str(caught.value)
    assert not target.exists()
    assert list(tmp_path.glob("*.parquet*")) == []


def test_every_bad_row_of_a_batch_is_named_with_its_own_line(tmp_path: Path) -> None:
    rows = [dict(row) for row in ACLED_ROWS]
    rows[0]["time_precision"], rows[5]["event_date"] = "0", "2024-13-01"
    with pytest.raises(DatasetRowError) as caught:
        acled_to_parquet(write_acled(tmp_path / "bad.csv", rows), tmp_path / "bad.parquet")
    found = [(p.line, p.event, p.field) for p in caught.value.problems]
    assert found == [(LINES[0], "UKR187001", "time_precision"), (LINES[5], "UKR187003", "event_date")]


@pytest.mark.parametrize("batch_rows", [1, 5, 100], ids=["each row a batch", "a later batch", "one batch"])
def test_an_acled_id_given_twice_anywhere_is_named_by_both_lines(tmp_path: Path, batch_rows: int) -> None:
    rows = [*ACLED_ROWS, {**ACLED_ROWS[1], "event_date": "2024-10-17"}]  # the last row repeats the second's id
    source = write_acled(tmp_path / "twice.csv", rows)
    target = tmp_path / "twice.parquet"
    with pytest.raises(DatasetRowError) as caught:
        acled_to_parquet(source, target, batch_rows=batch_rows)
    (problem,) = caught.value.problems
    last = LINES[-1] + 1
    assert (problem.path, problem.line, problem.event, problem.field) == (
        str(source),
        last,
        "UKR187002",
        "event_id_cnty",
    )
    assert str(problem) == (
        f"{source}:{last}: event 'UKR187002', field 'event_id_cnty': "
        f"id 'UKR187002' is given twice: first at {source}:{LINES[1]}"
    )
    assert not target.exists()
    assert list(tmp_path.glob("*.parquet*")) == []


def test_every_repeated_id_is_counted_and_the_first_ones_shown(tmp_path: Path) -> None:
    rows = [*ACLED_ROWS, *ACLED_ROWS]
    with pytest.raises(DatasetRowError) as caught:
        acled_to_parquet(write_acled(tmp_path / "twice.csv", rows), tmp_path / "twice.parquet", batch_rows=12)
    problems = caught.value.problems
    assert [p.event for p in problems[:10]] == [row["event_id_cnty"] for row in ACLED_ROWS[:10]]
    assert problems[10].message == "and 2 more ids given twice; nothing was written"


def test_a_gdelt_id_given_twice_in_two_batches_is_named_by_both_lines(tmp_path: Path) -> None:
    source = write_gdelt(tmp_path / "twice.export.CSV", [*GDELT_LINES, GDELT_LINES[2]])
    with pytest.raises(DatasetRowError) as caught:
        gdelt_to_parquet(source, tmp_path / "twice.parquet", batch_rows=5)
    (problem,) = caught.value.problems
    assert (problem.line, problem.event, problem.field) == (13, "1203451003", "GLOBALEVENTID")
    assert problem.message == f"id '1203451003' is given twice: first at {source}:3"
    assert not (tmp_path / "twice.parquet").exists()


def test_an_export_that_is_not_utf8_is_refused_with_what_to_do(tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes(
        "event_id_cnty,event_date,time_precision,event_type,notes\nX1,2024-10-18,1,Battles,café\n".encode("latin-1")
    )
    with pytest.raises(DatasetError, match="not UTF-8 text: convert it to UTF-8"):
        acled_to_parquet(source, tmp_path / "x.parquet")


def test_a_file_that_is_not_an_acled_export_is_refused_by_its_header(tmp_path: Path) -> None:
    source = tmp_path / "events.csv"
    source.write_text("id,title,when\na,A,2024-10-18\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"no column 'event_id_cnty', 'event_date', 'time_precision'"):
        acled_to_parquet(source, tmp_path / "x.parquet")


@pytest.mark.parametrize(
    ("column", "bad", "said"),
    [
        ("SQLDATE", "20241318", "month 13"),
        ("SQLDATE", "2024-10-18", "expected a day as YYYYMMDD (20241018)"),
        ("DATEADDED", "2024101812", "expected a UTC date and time as YYYYMMDDHHMMSS"),
        ("DATEADDED", "20241018256000", "is not a date and time"),
        ("NumMentions", "many", "is not a whole number"),
        ("GLOBALEVENTID", "12034 51007", "is not an id"),
    ],
    ids=lambda value: str(value)[:20],
)
def test_a_bad_gdelt_row_is_named_by_file_line_and_column(tmp_path: Path, column: str, bad: str, said: str) -> None:
    lines = list(GDELT_LINES)
    fields = lines[6].split("\t")
    fields[[name for name, _ in GDELT_COLUMNS].index(column)] = bad
    lines[6] = "\t".join(fields)
    source = write_gdelt(tmp_path / "bad.export.CSV", lines)
    with pytest.raises(DatasetRowError) as caught:
        gdelt_to_parquet(source, tmp_path / "bad.parquet", batch_rows=4)
    (problem,) = caught.value.problems
    event = bad if column == "GLOBALEVENTID" else "1203451007"
    assert (problem.line, problem.event, problem.field) == (7, event, column)
    assert said in problem.message
    assert repr(bad) in problem.message
    assert not (tmp_path / "bad.parquet").exists()


def test_a_line_without_61_fields_is_named(tmp_path: Path) -> None:
    lines = list(GDELT_LINES)
    lines[2] = "\t".join(lines[2].split("\t")[:57])  # as GDELT 1.0 wrote them
    with pytest.raises(DatasetError, match=r"bad\.export\.CSV:3: 57 tab-separated fields; .* has 61"):
        gdelt_to_parquet(write_gdelt(tmp_path / "bad.export.CSV", lines), tmp_path / "bad.parquet")


def test_a_zipped_gdelt_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "20241018121500.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("20241018121500.export.CSV", "\n".join(GDELT_LINES))
    with pytest.raises(DatasetError, match="a zip archive; unzip it"):
        gdelt_to_parquet(archive, tmp_path / "gdelt.parquet")


# -- GDELT ---------------------------------------------------------------------------------------------


def test_gdelt_keeps_the_event_day_apart_from_when_gdelt_added_the_report(gdelt: Path) -> None:
    rows = rows_by_id(gdelt)
    assert list(rows) == [str(1203451000 + number) for number in range(1, 13)]
    old = rows["1203451003"]
    assert (old["edtf"], old["start_first"], old["end_last"]) == ("2024-09-18", day("2024-09-18"), day("2024-09-18"))
    assert old["published"] == "[..2024-10-18T12:15:00Z]"
    published = chronology.parse(old["published"])
    assert published.hi == chronology.parse("2024-10-18T12:15:00Z").lo  # no later than, and nothing more
    assert published.lo < chronology.parse("1000").lo
    assert old["DATEADDED"] == 20241018121500
    assert old["source_url"] == "https://www.example.org/news/3"


def test_gdelt_keeps_its_columns_with_the_codebooks_types(gdelt: Path) -> None:
    table = pq.read_table(gdelt)
    first = rows_by_id(gdelt)["1203451001"]
    assert first["title"] == "RUSSIA · CAMEO 190 · UKRAINE · Kharkiv, Kharkivs'ka Oblast', Ukraine"
    assert first["kind"] == "material conflict"
    assert (first["actors"], first["places"]) == (["RUSSIA", "UKRAINE"], ["Kharkiv, Kharkivs'ka Oblast', Ukraine"])
    assert (first["ActionGeo_Lat"], first["GoldsteinScale"], first["NumMentions"]) == (49.9808, -10.0, 6)
    assert rows_by_id(gdelt)["1203451002"]["EventCode"] == "036"  # a code keeps its leading zero
    assert str(table.schema.field("SQLDATE").type) == "int64"
    assert "SOURCEURL" not in table.column_names
    assert "GLOBALEVENTID" not in table.column_names
    assert len(GDELT_COLUMNS) == 61


# -- the same answers in memory and on DuckDB; validate; the command line ------------------------------

WINDOWS = [
    ("2024-10-14", "2024-10-20"),
    ("2024-10-18", "2024-10-18"),
    ("2024-10-01", "2024-10-11"),
    ("2024-01-01", "2024-02-10"),
    ("2024-11-01", "2024-11-30"),
]


@pytest.mark.parametrize("reader", ["acled", "gdelt"])
def test_load_and_scan_give_the_same_answers_as_the_dates_written(request: pytest.FixtureRequest, reader: str) -> None:
    path: Path = request.getfixturevalue(reader)
    written = Timeline(
        [
            Event(id=row["id"], title=row["title"], when=chronology.parse(row["edtf"]))
            for row in rows_by_id(path).values()
        ]
    )
    loaded, dataset = chronology.load(path), chronology.scan(path)
    for start, end in WINDOWS:
        for mode in MODES:
            expected = sorted(written.overlapping(start, end, mode=mode).ids)
            assert sorted(loaded.overlapping(start, end, mode=mode).ids) == expected, (start, end, mode)
            answered = dataset.overlapping(start, end, mode=mode).ids().column("id").to_pylist()
            assert sorted(answered) == expected, (start, end, mode)
            within = sorted(written.within(start, end, mode=mode).ids)
            assert sorted(dataset.within(start, end, mode=mode).ids().column("id").to_pylist()) == within


def test_a_week_row_is_possible_but_not_certain_in_its_recorded_days(acled: Path) -> None:
    timeline = chronology.load(acled)
    assert "UKR187002" in timeline.overlapping("2024-10-16", "2024-10-16", mode="possible")
    assert "UKR187002" not in timeline.overlapping("2024-10-16", "2024-10-16", mode="certain")
    assert "UKR187002" in timeline.within("2024-10-07", "2024-10-27", mode="certain")


@pytest.mark.parametrize("reader", ["acled", "gdelt"])
def test_validate_accepts_what_the_readers_write(request: pytest.FixtureRequest, reader: str) -> None:
    path: Path = request.getfixturevalue(reader)
    assert chronology.validate(path) == ()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_imports_acled_then_reads_it_as_any_file(tmp_path: Path) -> None:
    source, target = write_acled(tmp_path / "acled.csv"), tmp_path / "acled.parquet"
    assert run("import", "--from", "acled", str(source), "-o", str(target)) == (
        0,
        f"wrote {target} (12 events from ACLED)\n",
        "",
    )
    assert run("validate", str(target))[:2] == (0, "ok: 12 events, 0 sources\n")
    code, out, _ = run("query", str(target), "--from", "2024-10-18", "--to", "2024-10-18", "--certain")
    assert code == 0
    assert "UKR187001" in out
    assert "RUS5501" in out
    assert "UKR187002" not in out


def test_the_command_line_imports_gdelt(tmp_path: Path) -> None:
    source, target = write_gdelt(tmp_path / "20241018121500.export.CSV"), tmp_path / "gdelt.parquet"
    assert run("import", "--from", "gdelt", str(source), "-o", str(target))[:2] == (
        0,
        f"wrote {target} (12 events from GDELT 2.0)\n",
    )
    code, out, _ = run("list", str(target))
    assert code == 0
    assert "1203451003" in out
    assert "18 September 2024" in out


def test_the_command_line_names_a_bad_row_without_a_traceback(tmp_path: Path) -> None:
    rows = [dict(row) for row in ACLED_ROWS]
    rows[3]["time_precision"] = "5"
    source = write_acled(tmp_path / "bad.csv", rows)
    code, out, err = run("import", "--from", "acled", str(source), "-o", str(tmp_path / "bad.parquet"))
    assert (code, out) == (1, "")
    assert f"{source}:6: event 'KOR2402', field 'time_precision': time precision '5'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "bad.parquet").exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["-o", "out.toml"], "a data set is imported to Parquet"),
        (["-o", "out.parquet", "--append"], "--append adds to an event file"),
    ],
    ids=["not parquet", "append"],
)
def test_the_command_line_refuses_a_data_set_to_anything_but_a_new_parquet_file(
    tmp_path: Path, argv: list[str], said: str
) -> None:
    source = write_acled(tmp_path / "acled.csv")
    code, _, err = run("import", "--from", "acled", str(source), *argv)
    assert code == 2
    assert said in err


def test_the_command_line_never_overwrites_a_parquet_file(acled: Path, tmp_path: Path) -> None:
    before = acled.read_bytes()
    source = write_acled(tmp_path / "other.csv", ACLED_ROWS[:2])
    assert run("import", "--from", "acled", str(source), "-o", str(acled)) == (
        1,
        "",
        f"chronology: {acled} exists: a data set is written whole to a new .parquet file; "
        "give another -o, or remove the file first\n",
    )
    assert acled.read_bytes() == before


def test_the_import_help_says_a_data_set_goes_to_a_new_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["import", "--help"])
    assert raised.value.code == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "to a new Parquet file in the columnar form (OUT ends in .parquet and does not exist yet)" in said


def _converted(text: str) -> dict[str, dict[str, Any]]:
    """A small export given as text, converted in a scratch folder."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "small.csv"
        source.write_text(text, encoding="utf-8")
        acled_to_parquet(source, Path(folder) / "small.parquet")
        return rows_by_id(Path(folder) / "small.parquet")
