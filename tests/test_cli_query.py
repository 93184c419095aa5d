"""``eventwire events``, ``timeline``, ``actors``, ``quotes`` and ``figures`` through click's
runner, on both databases, over the hand-made documents of ``tests/store/query_docs.py``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli
from eventwire.cli.events import chart_lines
from eventwire.cli.render import sparkline
from eventwire.store import open_store
from tests.store.query_docs import fill

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def db(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as store:
        fill(store)
    return store_url


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_events_json_parses_and_filters(db):
    result = run("events", "--db", db, "--dyad", "CHN", "RUS", "--root", "4",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.stdout)
    assert (event["cameo"], event["n_reports"], event["date_start"]) == ("042", 2, "2024-05-07")


@pytest.mark.parametrize(("args", "count"), [
    (["--actor", "USA"], 1), (["--country", "UKR"], 2), (["--source", "RUS"], 2),
    (["--target", "RUSGOV"], 6), (["--cameo", "03"], 2), (["--plover", "Assault"], 2),
    (["--quad-class", "3"], 2), (["--mood", "alleged"], 1), (["--from", "2024-06-01"], 3),
    (["--to", "2024-05-31"], 6), (["--outlet", "Evening Star"], 3), (["--min-reports", "2"], 1),
    (["--dyad", "CHN", "RUS", "--both-directions"], 6), (["--limit", "4"], 4),
    (["--limit", "4", "--offset", "7"], 2), (["--reports"], 10),
])
def test_events_options_filter(db, args, count):
    result = run("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == count


def test_events_csv_has_a_header_even_without_rows(db):
    result = run("events", "--db", db, "--format", "csv", "--order", "reports")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9 and rows[0]["cameo"] == "042"
    empty = run("events", "--db", db, "--format", "csv", "--actor", "FRA")
    assert empty.stdout.splitlines() == [
        "id,date,date_start,date_end,source_code,target_code,cameo,root,plover,quad_class,"
        "goldstein,mood,n_reports,n_articles,n_sources,first_report,last_report,sentence"]


def test_events_reports_of_a_syndicated_copy_show_its_article(db):
    result = run("events", "--db", db, "--reports", "--outlet", "wire copy")
    assert result.exit_code == 0
    assert "reports (4)" in result.stdout and "Wire Copy" not in result.stdout  # its article's
    assert "Daily Planet" in result.stdout


def test_timeline_by_week_as_json(db):
    result = run("timeline", "CHN", "RUS", "--by", "week", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    weeks = json.loads(result.stdout)
    assert [w["period"] for w in weeks] == ["2024-05-06", "2024-05-13", "2024-05-20",
                                            "2024-05-27", "2024-06-03"]
    assert (weeks[0]["verbal_coop"], weeks[0]["goldstein"]) == (2, 2.5)
    assert weeks[2]["goldstein"] is None


def test_timeline_piped_table_has_no_chart(db):
    result = run("timeline", "CHN", "RUS", "--both-directions", "--db", db)
    assert result.exit_code == 0
    assert "CHN <-> RUS by week" in result.stdout and "verbal coop " not in result.stdout


def test_timeline_chart_lines_share_one_scale():
    rows = [{"verbal_coop": v, "material_coop": 0, "verbal_conflict": c,
             "material_conflict": 0} for v, c in [(4, 0), (0, 2), (2, 0)]]
    lines = chart_lines(rows, width=10)
    assert lines[0] == "verbal coop        █ ▄ 6"
    assert lines[2] == "verbal conflict     ▄  2"
    assert len(chart_lines(rows, width=2)) == 5  # and a note on what is left out
    assert sparkline([0, 1, 8]) == " ▁█"


def test_actors_quotes_figures(db):
    actors = json.loads(run("actors", "--db", db, "--country", "RUS", "--format", "json").stdout)
    assert [(a["name"], a["events_as_target"]) for a in actors] == [("Vladimir Putin", 7)]
    quotes = run("quotes", "--db", db, "--speaker", "PUTIN", "--format", "csv").stdout
    assert quotes.splitlines()[0].startswith("speaker,speaker_code,text")
    assert "Our partnership is not aimed at anyone" in quotes
    figures = json.loads(run("figures", "--db", db, "--subject", "trade", "--from",
                             "2024-06-01", "--format", "json").stdout)
    assert [(f["value"], f["unit"]) for f in figures] == [(25.0, "percent")]
    assert "240000000000.0" in run("figures", "--db", db, "--unit", "USD").stdout


@pytest.mark.parametrize(("args", "message"), [
    (["events", "--from", "2024-02-30"], "'2024-02-30' is not a date: use YYYY-MM-DD"),
    (["events", "--root", "21"], "root '21' is not a CAMEO root: use 01 to 20"),
    (["events", "--country", "RU"], "country 'RU' is not a 3-letter code"),
    (["events", "--quad-class", "5"], "'--quad-class': 5 is not in the range 1<=x<=4"),
    (["events", "--dyad", "CHN", "RUS", "--target", "USA"], "either --dyad A B or --source"),
    (["events", "--both-directions"], "--both-directions needs --dyad A B"),
    (["timeline", "CHN", "RUS", "--by", "year"], "'year' is not one of 'day', 'week', 'month'"),
    (["timeline", "CHN", "RUS%"], "dyad target 'RUS%' is not an actor code prefix"),
    (["quotes", "--to", "yesterday"], "'yesterday' is not a date"),
])
def test_bad_values_are_usage_errors(tmp_path, args, message):
    open_store(str(tmp_path / "e.duckdb")).close()
    result = run(*args, "--db", str(tmp_path / "e.duckdb"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")


@pytest.mark.model
def test_events_of_the_ingested_example(nlp, tmp_path):
    db = str(tmp_path / "events.duckdb")
    assert run("ingest", str(EXAMPLES), "--db", db).exit_code == 0
    result = run("events", "--db", db, "--dyad", "CHN", "RUS", "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and all(e["source_code"].startswith("CHN") for e in events)
    assert {"03", "04"} & {e["root"] for e in events}


def test_data_formats_return_every_row_and_tables_say_when_they_cut(db, monkeypatch):
    import sys

    events_module = sys.modules["eventwire.cli.events"]  # the package's "events" is the command
    every = json.loads(run("events", "--db", db, "--format", "json").stdout)
    assert len(every) == len(json.loads(run("events", "--db", db, "--format", "json",
                                            "--limit", "0").stdout))
    assert len(json.loads(run("events", "--db", db, "--format", "json", "--limit", "2")
                          .stdout)) == 2
    monkeypatch.setattr(events_module, "TABLE_ROWS", 2)  # a table of the first 2 of them
    table = " ".join(run("events", "--db", db, "--format", "table").stdout.split())
    assert f"events: showing 2 of {len(every)} (--limit 0 or --format csv for all)" in table
    actors = json.loads(run("actors", "--db", db, "--format", "json").stdout)
    table = " ".join(run("actors", "--db", db).stdout.split())
    assert f"actors: showing 2 of {len(actors)}" in table


def test_codes_looks_up_cameo_codes_by_prefix_name_or_plover():
    rows = json.loads(run("codes", "1823", "--format", "json").stdout)
    assert [(r["code"], r["name"]) for r in rows] == [("1823", "Kill by physical assault")]
    by_word = json.loads(run("codes", "sanction", "--format", "json").stdout)
    assert by_word and all("sanction" in r["name"].lower() or r["plover"] == "SANCTION"
                           for r in by_word)
    assert {r["plover"] for r in json.loads(run("codes", "assault", "--format", "json")
                                            .stdout)} >= {"ASSAULT"}
    missing = run("codes", "no such thing")
    assert missing.exit_code == 1 and "No CAMEO code matches" in missing.stderr


def test_event_tables_name_the_codes(db):
    table = run("events", "--db", db, "--format", "table").stdout
    assert "event" in table and "Threaten" in table  # 130 beside its name
