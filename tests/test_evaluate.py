"""`eventwire evaluate`: the matching rules of the gold format, and the command end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.evaluate import (
    code_agrees,
    date_agrees,
    match_event,
    match_figure,
    match_quote,
    match_time,
    names_agree,
    score_section,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize(("system", "gold", "ok"), [
    ("RUSGOV", "RUS", True), ("RUS", "RUSGOV", False), ("UKRGOV", "---GOV", True),
    ("UKRMIL", "---GOV", False), (None, "", True), (None, "RUS", False),
])
def test_codes_agree_by_prefix(system, gold, ok):
    assert code_agrees(system, gold) is ok


@pytest.mark.parametrize(("system", "gold", "tolerance", "ok"), [
    ("2024-08-21", "2024-08-21", 0, True), ("2024-08-21", "2024-W34", 0, True),
    ("2024-08-21", "2024-08", 0, True), ("2024-08", "2024-08-21", 0, False),
    ("2024-08-09", "2024-08-06", 3, True), ("2024-08-10", "2024-08-06", 3, False),
    (None, "2024", 0, False), ("2024-01/2024-07", "2024", 0, True),
])
def test_dates_agree_by_period(system, gold, tolerance, ok):
    assert date_agrees(system, gold, tolerance) is ok


def test_names_agree_word_by_word():
    assert names_agree("Li", "Li Qiang") and names_agree("the West", "West")
    assert not names_agree("Li", "Kremlin") and not names_agree("", "Li")


def test_event_matching_uses_root_codes_dates_and_plover():
    system = {"cameo": "0362", "source_code": "CHNGOV", "target_code": "RUSGOV",
              "date": "2024-08-21", "plover": "AGREE"}
    assert match_event(system, {"cameo": "036", "source": "CHN", "target": "RUS"})
    assert not match_event(system, {"cameo": "042", "source": "CHN", "target": "RUS"})
    assert match_event(system, {"plover": "agree", "source": "CHN", "target": ""})
    assert not match_event(system, {"cameo": "03", "source": "CHN", "date": "2024-07"})


def test_quote_time_and_figure_matching():
    assert match_quote({"speaker": "Li Qiang", "text": "deepening mutually beneficial ties"},
                       {"speaker": "Li", "text": "deepening mutually beneficial ties"})
    assert match_time({"text": "two weeks ago", "value": "2024-08-06"},
                      {"text": "two weeks ago", "value": "2024-W32"})
    assert match_figure({"value": 240e9, "unit": "USD"}, {"value": 2.4e11, "unit": "usd"})
    assert not match_figure({"value": 250e9, "unit": "USD"}, {"value": 2.4e11, "unit": "USD"})


def test_optional_items_are_neither_required_nor_false_positives():
    gold = [{"text": "Monday", "value": "2024-05-06"},
            {"text": "now", "value": "PRESENT_REF", "optional": True}]
    system = [{"text": "Monday", "value": "2024-05-06"}, {"text": "now", "value": "PRESENT_REF"}]
    score = score_section(system, gold, "times")
    assert (score.tp, score.required, len(score.false_positives)) == (1, 1, 0)
    assert score.f1 == 1.0


@pytest.mark.model
def test_evaluate_command_scores_a_gold_folder(nlp):
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["totals"]["events"]["f1"] == 1.0
    assert report["totals"]["times"]["f1"] == 1.0
    assert report["summary"].startswith("score: events F1 1.00")


@pytest.mark.model
def test_evaluate_agrees_with_the_shared_scorer(nlp, tmp_path):
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is not beside the repository")
    doc = CliRunner().invoke(cli, ["extract", str(GOLD / "border-talks.txt")]).stdout
    (tmp_path / "border-talks.json").write_text(doc, encoding="utf-8")
    shared = subprocess.run([sys.executable, str(scorer), "--dir", str(GOLD), str(tmp_path),
                             "--quiet"], capture_output=True, text=True, check=True)
    ours = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--quiet"]).stdout
    assert shared.stdout.strip().splitlines()[-1] == ours.strip().splitlines()[-1]
