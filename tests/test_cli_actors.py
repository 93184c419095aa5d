"""``eventwire actors --lookup`` and the user's actor dictionaries (``--actors FILE`` on the
commands that extract, ``actors=`` in the Python API). Only the tests marked ``model`` parse
text; the names they code are our own inventions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import eventwire
from eventwire.cli import cli
from eventwire.errors import ConfigError

HEADER = "name\tvariants\tcode\tfrom\tto\tkind\tsource\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def user_tsv(tmp_path: Path) -> str:
    path = tmp_path / "user.tsv"
    path.write_text(HEADER + "Vladimir Putin\t\tRUSMIL\t\t\tperson\t\n"
                    "Odile Varneuil\tVarneuil\tFRAGOV\t2016-05-01\t2019-02-01\tperson\t\n",
                    encoding="utf-8")
    return str(path)


@pytest.fixture
def bad_tsv(tmp_path: Path) -> str:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "Odile Varneuil\t\tFRAGOV\t1 May 2016\t\tperson\t\n",
                    encoding="utf-8")
    return str(path)


def assert_one_line_error(result: Result, path: str) -> None:
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"eventwire: error: {path}:")
    assert result.stdout == ""


# ---------------------------------------------------------------- eventwire actors --lookup


def test_lookup_prints_the_code_on_the_day():
    result = run("actors", "--lookup", "Trump", "--date", "2017-06-01")
    assert result.exit_code == 0, result.output
    first, *rest = result.stdout.splitlines()
    assert first == "Trump on 2017-06-01: USAGOV"
    assert any("surname of Donald J. Trump" in line for line in rest)
    assert any("2025-01-20 on" in line for line in rest)  # the whole history


def test_lookup_json_parses_and_lists_every_entry():
    result = run("actors", "--lookup", "Trump", "--date", "2022-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["code"], found["name"], found["by_surname"]) == ("USA", "Donald J. Trump", True)
    assert [(e["code"], e["from"], e["to"]) for e in found["entries"]] == [
        ("USAGOV", "2017-01-20", "2021-01-20"), ("USAGOV", "2025-01-20", None)]
    assert found["source"] == "factbook" and "no role on 2022-06-01" in found["why"]


def test_lookup_with_a_user_file_changes_the_answer(user_tsv):
    plain = json.loads(run("actors", "--lookup", "Vladimir Putin", "--date", "2024-06-01",
                           "--format", "json").stdout)
    assert plain["code"] == "RUSGOV"
    result = run("actors", "--lookup", "Vladimir Putin", "--date", "2024-06-01",
                 "--actors", user_tsv, "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["code"], found["source"]) == ("RUSMIL", "user.tsv")
    assert found["dictionaries"][-1] == user_tsv


def test_lookup_of_an_unknown_name_exits_1():
    result = run("actors", "--lookup", "Plormbottle Qwzxv")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "'Plormbottle Qwzxv' is in no actor dictionary" in line


def test_lookup_with_a_bad_file_exits_2_naming_it(bad_tsv, tmp_path):
    assert_one_line_error(run("actors", "--lookup", "Trump", "--actors", bad_tsv), bad_tsv)
    missing = str(tmp_path / "missing.tsv")
    assert_one_line_error(run("actors", "--lookup", "Trump", "--actors", missing), missing)


@pytest.mark.parametrize("args", [
    ["--lookup", "Trump", "--country", "RUS"],
    ["--lookup", "Trump", "--format", "csv"],
    ["--date", "2020-01-01"],
    ["--lookup", "Trump", "--date", "01/06/2017"],
])
def test_lookup_refuses_options_that_do_not_go_with_it(args):
    assert run("actors", *args).exit_code == 2


def test_lookup_needs_no_spacy_model(tmp_path):
    """A dictionary is checked without a model: the lookup never loads one."""
    code = ("import sys; from click.testing import CliRunner; from eventwire.cli import cli; "
            "r = CliRunner().invoke(cli, ['actors', '--lookup', 'Obama', '--date', '2012-06-01']);"
            " print(r.exit_code, [m for m in sys.modules if m.startswith('en_core_web')])")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=tmp_path).stdout
    assert output.strip() == "0 []"


# ---------------------------------------------------------------- --actors and actors=


@pytest.mark.parametrize("command", ["extract", "ingest", "evaluate"])
def test_bad_actors_file_stops_the_command_before_it_starts(command, bad_tsv, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(" date 2017-03-01\n\nSome words.\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    args = {"extract": [str(article)], "ingest": [str(article), "--db", str(db)],
            "evaluate": [str(tmp_path)]}[command]
    assert_one_line_error(run(command, *args, "--actors", bad_tsv), bad_tsv)
    assert not db.exists()


def test_api_raises_config_error_for_a_bad_dictionary_at_once(bad_tsv):
    with pytest.raises(ConfigError, match=r"bad\.tsv:2: date"):
        eventwire.extract_many(["does-not-matter.txt"], actors=[Path(bad_tsv)])


STORY = (" date 2017-03-01\n\nOdile Varneuil met Canadian Prime Minister Justin Trudeau in "
         "Ottawa on Tuesday to talk about fishing quotas. Varneuil called the talks useful.\n")


@pytest.mark.model
def test_extract_codes_a_person_from_the_user_file(nlp, user_tsv, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    plain = json.loads(run("extract", str(article), "--format", "json").stdout)
    assert "FRAGOV" not in {a["code"] for a in plain["actors"]}
    result = run("extract", str(article), "--actors", user_tsv, "--format", "json")
    assert result.exit_code == 0, result.output
    codes = {a["name"]: a["code"] for a in json.loads(result.stdout)["actors"]}
    assert codes["Odile Varneuil"] == "FRAGOV"


@pytest.mark.model
def test_api_extract_takes_actors(nlp, user_tsv):
    doc = eventwire.extract(STORY, actors=[user_tsv])
    assert {a.name: a.code for a in doc.actors}["Odile Varneuil"] == "FRAGOV"
    later = eventwire.extract(STORY, published="2020-03-01", actors=[user_tsv])
    assert {a.name: a.code for a in later.actors}["Odile Varneuil"] == "FRA"  # no role then
