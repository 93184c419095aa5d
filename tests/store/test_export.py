"""Exports on both databases: the GDELT 2.0 event table, CSV, JSON Lines and Parquet, filters,
paging and atomic writes. Documents are built by hand (no model) except in the last test."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.ingest_worker import make_doc

import eventwire
from eventwire.cli.export import export_command
from eventwire.records import Actor, Document, Event, Mention, Place, content_id
from eventwire.store import open_store
from eventwire.store.export import (
    EVENT_COLUMNS,
    GDELT_COLUMNS,
    REPORT_COLUMNS,
    ExportError,
    actor_fields,
    event_pages,
    export,
    gdelt_row,
)
from eventwire.store.filters import make_filter

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt"

FIRST = ("Premier Li Qiang will meet Russian officials in Moscow on Wednesday, the ministry said. "
         "Separately, Ukrainian forces seized villages in the Kursk region two weeks ago.")
SECOND = ("On Wednesday the Chinese premier is to hold talks with the Russian government in the "
          "capital. The United Nations accused Moscow of breaking the grain deal, diplomats "
          "alleged.")


def _actor(aid: str, name: str, code: str) -> Actor:
    return Actor(id=content_id(aid, "actor", name), name=name, code=code, kind="person")


def _event(aid: str, n: int, cameo: str, source: Actor, target: Actor, **fields: object
           ) -> Event:
    values: dict[str, object] = {
        "id": content_id(aid, "event", n), "cameo": cameo, "source": source.id,
        "target": target.id, "source_code": source.code, "target_code": target.code,
        "sentence": "", "sentence_start": 0, "trigger": Mention("met", 0, 3)}
    return Event(**(values | fields))  # type: ignore[arg-type]


def first_doc() -> Document:
    """Wire A, 20 Aug: a meeting planned for 21 Aug in Moscow, and an attack on 6 Aug."""
    doc = make_doc(FIRST, key="https://a.example/1", outlet="Wire A",
                   published=dt.date(2024, 8, 20))
    doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article,
                                                               url="https://a.example/1"))
    aid = doc.id
    li, rus = _actor(aid, "Li Qiang", "CHNGOV"), _actor(aid, "Russian officials", "RUSGOV")
    ukr = _actor(aid, "Ukrainian forces", "UKRMIL")
    split = FIRST.index("Separately")
    meet = _event(aid, 0, "036", li, rus, sentence=FIRST[:split - 1], date="2024-08-21",
                  date_source="text", mood="future", place="Moscow", place_country="RUS",
                  goldstein=4.0, quad_class=1, plover="CONSULT")
    seize = _event(aid, 1, "192", ukr, rus, sentence=FIRST[split:], sentence_start=split,
                   date="2024-08-06", date_source="text", place="Kursk", place_country="RUS",
                   goldstein=-9.5, quad_class=4, attributed_to="the ministry")
    places = (Place(id=content_id(aid, "place", "Moscow"), name="Moscow", country="RUS",
                    lat=55.75204, lon=37.61781, feature="city"),
              Place(id=content_id(aid, "place", "Kursk"), name="Kursk", country="RUS",
                    lat=51.72689, lon=36.18457, feature="city"))
    return dataclasses.replace(doc, actors=(li, rus, ukr), events=(meet, seize), places=places)


def second_doc() -> Document:
    """Wire B, 21 Aug: the same meeting, and an alleged UN accusation (actor IGOUNO)."""
    doc = make_doc(SECOND, key="https://b.example/2", outlet="Wire B",
                   published=dt.date(2024, 8, 21))
    aid = doc.id
    li, rus = _actor(aid, "Chinese premier", "CHNGOV"), _actor(aid, "Russian government",
                                                                  "RUSGOV")
    un = _actor(aid, "United Nations", "IGOUNO")
    split = SECOND.index("The United")
    meet = _event(aid, 0, "036", li, rus, sentence=SECOND[:split - 1], date="2024-08-21",
                  date_source="text", mood="future", goldstein=4.0, quad_class=1)
    accuse = _event(aid, 1, "112", un, rus, sentence=SECOND[split:], sentence_start=split,
                    date="2024-08-21", mood="alleged", goldstein=-2.0, quad_class=3,
                    attributed_to="diplomats")
    return dataclasses.replace(doc, actors=(li, rus, un), events=(meet, accuse))


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as s:
        assert s.store_batch([first_doc(), second_doc()]) == ["stored", "stored"]
        yield s


def gdelt_rows(path: Path) -> list[dict[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        assert len(fields) == 61, line
        rows.append(dict(zip(GDELT_COLUMNS, fields, strict=True)))
    return rows


def by_code(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["EventCode"]: row for row in rows}


def test_gdelt_columns_are_the_61_of_the_codebook_in_order():
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")
    assert GDELT_COLUMNS[15] == "Actor2Code" and GDELT_COLUMNS[25] == "IsRootEvent"
    assert GDELT_COLUMNS[34:36] == ("AvgTone", "Actor1Geo_Type")
    assert GDELT_COLUMNS[51:53] == ("ActionGeo_Type", "ActionGeo_FullName")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_actor_fields_split_country_role_and_known_group():
    assert actor_fields("CHNGOV", "Li Qiang") == [
        "CHNGOV", "LI QIANG", "CHN", "", "", "", "", "GOV", "", ""]
    assert actor_fields("IGOUNO", None)[2:4] + actor_fields("IGOUNO", None)[7:8] == [
        "", "UNO", "IGO"]
    assert actor_fields("IGOWSTNAT", "NATO")[3] == "NAT"
    assert actor_fields("WST", "the West")[2] == "WST"
    assert actor_fields("USAMILREB", "x")[7:] == ["MIL", "REB", ""]
    assert actor_fields(None, "x") == [""] * 10


def test_gdelt_export_has_one_row_per_event_with_cameo_fields(store, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(store, out, "gdelt") == 3
    rows = by_code(gdelt_rows(out))
    assert sorted(rows) == ["036", "112", "192"]
    meet = rows["036"]
    cluster = store.execute("SELECT id FROM event_clusters WHERE cameo = '036'")[0][0]
    assert meet["GlobalEventID"] == str(int(cluster[:15], 16))
    assert (meet["Day"], meet["MonthYear"], meet["Year"], meet["FractionDate"]) == (
        "20240821", "202408", "2024", "2024.6329")
    assert (meet["Actor1Code"], meet["Actor1Name"], meet["Actor1CountryCode"],
            meet["Actor1Type1Code"]) == ("CHNGOV", "LI QIANG", "CHN", "GOV")
    assert (meet["Actor2Code"], meet["Actor2CountryCode"]) == ("RUSGOV", "RUS")
    assert (meet["EventCode"], meet["EventBaseCode"], meet["EventRootCode"]) == (
        "036", "036", "03")
    assert (meet["QuadClass"], meet["GoldsteinScale"], meet["IsRootEvent"]) == ("1", "4", "1")
    assert (meet["NumMentions"], meet["NumSources"], meet["NumArticles"]) == ("2", "2", "2")
    assert (meet["ActionGeo_Type"], meet["ActionGeo_FullName"], meet["ActionGeo_CountryCode"],
            meet["ActionGeo_Lat"], meet["ActionGeo_Long"]) == (
        "4", "Moscow", "RUS", "55.75204", "37.61781")
    assert meet["SOURCEURL"] == "https://a.example/1"
    assert len(meet["DATEADDED"]) == 14 and meet["DATEADDED"].isdigit()
    assert meet["AvgTone"] == meet["Actor1Geo_Type"] == ""


def test_gdelt_export_dates_events_by_the_text_and_codes_groups(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store, out, "gdelt")
    rows = by_code(gdelt_rows(out))
    seize, accuse = rows["192"], rows["112"]
    assert (seize["Day"], seize["QuadClass"], seize["GoldsteinScale"]) == ("20240806", "4", "-9.5")
    assert (seize["IsRootEvent"], seize["Actor1Type1Code"], seize["NumArticles"]) == (
        "0", "MIL", "1")
    assert (accuse["Actor1Code"], accuse["Actor1CountryCode"], accuse["Actor1KnownGroupCode"],
            accuse["Actor1Type1Code"]) == ("IGOUNO", "", "UNO", "IGO")
    assert accuse["ActionGeo_FullName"] == "" and accuse["SOURCEURL"] == "https://b.example/2"


def test_csv_has_headers_and_one_row_per_event_or_report(store, tmp_path):
    assert export(store, tmp_path / "events.csv", "csv") == 3
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == [name for name, _ in EVENT_COLUMNS]
    meet = next(r for r in rows if r["cameo"] == "036")
    assert (meet["date_start"], meet["n_reports"], meet["mood"], meet["source_name"]) == (
        "2024-08-21", "2", "future", "Li Qiang")
    assert export(store, tmp_path / "reports.csv", "csv", reports=True) == 4
    with (tmp_path / "reports.csv").open(encoding="utf-8", newline="") as f:
        reports = list(csv.DictReader(f))
    assert list(reports[0]) == [name for name, _ in REPORT_COLUMNS]
    assert {r["event_id"] for r in reports if r["cameo"] == "036"} == {meet["event_id"]}


def test_jsonl_lines_parse_and_carry_the_evidence(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, out, "jsonl") == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    seize = next(r for r in rows if r["cameo"] == "192")
    assert seize["sentence"].startswith("Separately, Ukrainian forces seized")
    assert (seize["date_source"], seize["attributed_to"], seize["goldstein"]) == (
        "text", "the ministry", -9.5)
    assert (seize["lat"], seize["place"], seize["outlet"]) == (51.72689, "Kursk", "Wire A")


def test_parquet_reads_back_with_typed_columns(store, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(store, out, "parquet") == 3
    table = pq.read_table(out)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["date_start"] == pa.date32() and types["first_report"] == pa.date32()
    assert types["n_reports"] == types["n_articles"] == pa.int64()
    assert types["goldstein"] == pa.float64() and types["quad_class"] == pa.int8()
    assert pa.types.is_timestamp(types["added"])
    rows = {r["cameo"]: r for r in table.to_pylist()}
    assert rows["036"]["date_start"] == dt.date(2024, 8, 21)
    assert rows["112"]["mood"] == "alleged"
    assert export(store, tmp_path / "r.parquet", "parquet", reports=True) == 4
    reports = pq.read_table(tmp_path / "r.parquet")
    assert reports.num_rows == 4 and reports.schema.field("published").type == pa.date32()


@pytest.mark.parametrize(("filters", "expected"), [
    (make_filter(actor="ukr"), ["192"]),
    (make_filter(actor="RUS"), ["036", "112", "192"]),
    (make_filter(root="3"), ["036"]),
    (make_filter(cameo="19"), ["192"]),
    (make_filter(date_from=dt.date(2024, 8, 7)), ["036", "112"]),
    (make_filter(date_to=dt.date(2024, 8, 20)), ["192"]),
    (make_filter(mood="alleged", actor="IGO"), ["112"]),
    (make_filter(mood="negated"), []),
])
def test_filters_select_events(store, tmp_path, filters, expected):
    out = tmp_path / "events.jsonl"
    assert export(store, out, "jsonl", filters=filters) == len(expected)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["cameo"] for line in lines) == expected


def test_small_pages_give_the_same_rows(store, tmp_path):
    for reports in (False, True):
        export(store, tmp_path / "one.csv", "csv", reports=reports, chunk_size=1)
        export(store, tmp_path / "all.csv", "csv", reports=reports)
        one = (tmp_path / "one.csv").read_text(encoding="utf-8")
        assert one == (tmp_path / "all.csv").read_text(encoding="utf-8")
        assert one.count("\n") == (5 if reports else 4)


def test_filtered_reports_belong_to_the_selected_events(store, tmp_path):
    out = tmp_path / "r.jsonl"
    assert export(store, out, "jsonl", reports=True, filters=make_filter(actor="CHN")) == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["outlet"] for r in rows} == {"Wire A", "Wire B"}
    assert {r["date_start"] for r in rows} == {"2024-08-21"}


def test_unwritable_path_is_an_error_and_leaves_nothing(store, tmp_path):
    with pytest.raises(ExportError, match=r"Cannot write .*missing"):
        export(store, tmp_path / "missing" / "events.csv", "csv")
    with pytest.raises(ExportError, match="Cannot write"):
        export(store, tmp_path, "parquet")
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_symlink_planted_beside_the_output_is_never_written_through(store, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    for name in ("events.csv.tmp", ".events.csv.tmp"):
        (tmp_path / name).symlink_to(victim)
    assert export(store, out, "csv") == 3
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert out.read_text(encoding="utf-8").startswith("event_id,")


def test_csv_cells_that_would_run_as_spreadsheet_formulas_are_defused():
    from eventwire.store.export import csv_cell

    assert [csv_cell(v) for v in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "plain", -2.5,
                                  None)] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)",
                                             "plain", -2.5, None]


def test_a_failed_export_keeps_the_old_file(store, tmp_path, monkeypatch):
    out = tmp_path / "events.tsv"
    out.write_text("old\n", encoding="utf-8")

    def broken(event: dict[str, object]) -> list[str]:
        raise RuntimeError("crash")

    monkeypatch.setattr("eventwire.store.export.gdelt_row", broken)
    with pytest.raises(RuntimeError, match="crash"):
        export(store, out, "gdelt")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert not list(tmp_path.glob(".events.tsv.*.tmp"))
    monkeypatch.undo()
    assert export(store, out, "gdelt") == 3  # the store is still usable
    assert store.store_batch([make_doc("Later news.", key="later")]) == ["stored"]


def test_gdelt_fields_never_hold_tabs_or_line_breaks(store):
    (event, *_), *_ = event_pages(store)
    fields = gdelt_row(event | {"source_name": "Li\tQiang\nX", "url": "https://a.example/\t"})
    assert len(fields) == 61 and fields[6] == "LI QIANG X" and fields[-1] == "https://a.example/"


def test_gdelt_has_no_report_rows(store, tmp_path):
    with pytest.raises(ExportError, match="one row per event"):
        export(store, tmp_path / "x.tsv", "gdelt", reports=True)


def test_cli_writes_the_file_and_a_summary(store, store_url, tmp_path):
    store.close()
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(export_command, [str(out), "--db", store_url, "--root", "19"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"1 events written to {out} (parquet)\n"
    result = CliRunner().invoke(export_command, ["-", "--db", store_url, "--format", "jsonl",
                                                 "--reports", "--mood", "alleged"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cameo"] == "112"


def uncoded_doc() -> Document:
    """Wire C: an attack by nobody the coder knows, on nobody it knows, coded with little
    confidence."""
    text = "Gunmen attacked a bus on the highway."
    doc = make_doc(text, key="https://c.example/3", outlet="Wire C",
                   published=dt.date(2024, 8, 22))
    aid = doc.id
    gunmen = Actor(id=content_id(aid, "actor", "gunmen"), name="gunmen", code=None,
                   kind="group")
    bus = Actor(id=content_id(aid, "actor", "bus"), name="bus", code=None, kind="group")
    attack = _event(aid, 0, "180", gunmen, bus, sentence=text, date="2024-08-22",
                    quad_class=4, goldstein=-9.0, confidence=0.4)
    return dataclasses.replace(doc, actors=(gunmen, bus), events=(attack,))


def test_gdelt_leaves_out_events_without_a_coded_actor_unless_asked(store, store_url,
                                                                      tmp_path):
    assert store.store_batch([uncoded_doc()]) == ["stored"]
    store.close()
    out = tmp_path / "events.tsv"
    runner = CliRunner()
    result = runner.invoke(export_command, [str(out), "--db", store_url, "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    assert "180" not in by_code(gdelt_rows(out))
    result = runner.invoke(export_command, [str(out), "--db", store_url, "--format", "gdelt",
                                            "--uncoded"])
    assert result.exit_code == 0, result.output
    assert by_code(gdelt_rows(out))["180"]["Actor1Code"] == ""
    csv_out = tmp_path / "events.csv"  # other formats keep every event
    runner.invoke(export_command, [str(csv_out), "--db", store_url])
    assert "180" in csv_out.read_text(encoding="utf-8")


def test_min_confidence_filters_exports(store, store_url, tmp_path):
    assert store.store_batch([uncoded_doc()]) == ["stored"]
    out = tmp_path / "events.jsonl"
    store.close()
    result = CliRunner().invoke(export_command, [str(out), "--db", store_url,
                                                 "--min-confidence", "0.45"])
    assert result.exit_code == 0, result.output
    cameos = [json.loads(line)["cameo"] for line in out.read_text().splitlines()]
    assert "180" not in cameos and cameos
    result = CliRunner().invoke(export_command, [str(out), "--db", store_url,
                                                 "--min-confidence", "1.5"])
    assert result.exit_code == 2


def test_cli_errors_are_one_line(store_url, tmp_path):
    open_store(store_url).close()  # an empty store (a missing one is its own error, below)
    runner = CliRunner()
    missing = tmp_path / "no" / "events.csv"
    result = runner.invoke(export_command, [str(missing), "--db", store_url])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "Cannot write" in result.stderr
    result = runner.invoke(export_command, [str(tmp_path / "events.txt"), "--db", store_url])
    assert result.exit_code == 2 and "give --format" in result.stderr
    result = runner.invoke(export_command, ["-", "--db", store_url, "--format", "parquet"])
    assert result.exit_code == 2
    result = runner.invoke(export_command, ["x.tsv", "--db", store_url, "--format", "gdelt",
                                            "--reports"])
    assert result.exit_code == 2 and "one row per event" in result.stderr
    result = runner.invoke(export_command, [str(tmp_path / "e.csv"), "--db",
                                            str(tmp_path / "never-made.duckdb")])
    assert result.exit_code == 2 and "ingest articles into it first" in result.stderr


@pytest.mark.model
def test_gdelt_export_of_the_example_article(nlp, store_url, tmp_path):
    doc = eventwire.extract(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE))
    with open_store(store_url) as store:
        store.store_batch([doc])
        out = tmp_path / "events.tsv"
        assert export(store, out, "gdelt") > 0
    rows = gdelt_rows(out)
    assert any((r["EventCode"], r["Actor1Code"], r["Actor2Code"], r["Day"]) ==
               ("036", "CHNGOV", "RUSGOV", "20240821") for r in rows)
