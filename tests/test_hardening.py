"""Regression tests for inputs that once crashed a batch, hung a run or reached the terminal
raw: each with a minimal input of our own."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import cli
from eventwire.errors import EventwireError, Failure
from eventwire.read import RawArticle, read_inputs

GOOD = "Chile and Peru signed a trade agreement in Lima on Friday.\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


# ---------------------------------------------------------------- a batch is never lost

@pytest.mark.model
def test_an_article_over_the_parsers_limit_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD)
    (folder / "b-huge.txt").write_text(("The council met again. " * 46_000) + "\n")
    (folder / "c-good.txt").write_text("Kenya recalled its ambassador to Somalia on Monday.\n")
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "e.duckdb"),
                    "--published", "2024-03-01")
    assert result.exit_code == 1
    assert "2 stored" in result.stderr and "1 failed" in result.stderr
    assert "b-huge.txt" in result.stderr and "over the parser's limit" in result.stderr


@pytest.mark.model
def test_html_that_breaks_the_html_parser_is_a_clear_error():
    with pytest.raises(EventwireError, match=r"cannot be parsed|no article body"):
        eventwire.extract("</html><math><!doctype html><!doctype html>", input_format="html")


@pytest.mark.model
def test_nul_characters_never_reach_the_store(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"id": "1", "title": "A\u0000title", "text": "Chile\u0000 and "
                               "Peru signed a trade agreement in Lima on Friday.",
                               "published": "2024-03-01"}) + "\n")
    doc = next(d for d in eventwire.extract_many([path]) if not isinstance(d, Failure))
    assert "\x00" not in doc.article.text and doc.article.title == "Atitle"


def test_a_deeply_nested_json_line_is_a_failure_of_that_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    first, second = read_inputs([path])
    assert isinstance(first, Failure) and first.source.endswith(":1")
    assert isinstance(second, RawArticle)


# ---------------------------------------------------------------- paths that hang or lie

def test_a_fifo_is_named_and_never_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (failure,) = read_inputs([fifo])  # would block forever if opened
    assert isinstance(failure, Failure) and "not a regular file" in failure.reason
    skipped = [f for f in read_inputs([tmp_path]) if isinstance(f, Failure)]
    assert [f.stage for f in skipped] == ["skip"]


def test_a_symlink_loop_and_a_dangling_link_say_what_they_are(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in read_inputs(
        [tmp_path / "loop.txt", tmp_path / "dangling.txt"]) if isinstance(f, Failure)}
    assert "points to itself" in reasons["loop.txt"]
    assert "does not exist" in reasons["dangling.txt"]


# ---------------------------------------------------------------- the terminal

@pytest.mark.model
@pytest.mark.parametrize("title", [
    "Talks [/] collapse",                      # rich markup that crashed the table
    "[link=https://evil.example]Click[/link]",  # markup that made a link
    "Red \x1b[31malert\x1b[0m \x1b]0;owned\x07",  # escape sequences
])
def test_article_text_reaches_the_terminal_as_written_and_inert(tmp_path, title):
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps({"id": "1", "title": title, "text": GOOD,
                                "published": "2024-03-01"}) + "\n")
    result = invoke("extract", str(path), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if "\x1b" not in title:
        assert title in " ".join(result.stdout.split())  # shown, not interpreted
    db = str(tmp_path / "e.duckdb")
    assert invoke("ingest", str(path), "--db", db).exit_code == 0
    listing = invoke("articles", "--db", db)
    assert listing.exit_code == 0 and "\x1b" not in listing.stdout


def test_a_file_name_with_escape_sequences_is_printed_inert(tmp_path):
    path = tmp_path / "bad\x1b[2Jname.txt"
    path.write_text("")
    result = invoke("extract", str(path))
    assert result.exit_code == 1 and "\x1b" not in result.stderr
    assert "empty input" in result.stderr


# ---------------------------------------------------------------- store urls and options

@pytest.mark.parametrize(("url", "message"), [
    ("postgresql://bob:se%zzcret9@127.0.0.1:1/db", "write it as %25"),
    ("postgresql://bob:p@ss9word@127.0.0.1:1/db", "write it as %40"),
    ("postgresql://[::1/db", "not a valid url"),
    ("postgresql://bob:hunter2word@127.0.0.1:1/db", "Cannot connect to PostgreSQL"),
    ("postgresql://bob@127.0.0.1:1/db?password=hunter2word", "Cannot connect to PostgreSQL"),
])
def test_a_bad_store_url_is_one_line_that_never_shows_the_password(url, message):
    result = invoke("stats", "--db", url)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("eventwire: error: ") and message in line
    for secret in ("zzcret9", "ss9word", "hunter2word"):
        assert secret not in line


@pytest.mark.parametrize("size", ["inf", "1e400", "-5", "nan", "0", "5GB"])
def test_an_impossible_max_size_is_a_usage_error(size):
    result = invoke("extract", "-", "--max-size", size)
    assert result.exit_code == 2 and "is not a size" in result.stderr
    assert "Traceback" not in result.output


def test_a_duckdb_url_with_three_slashes_is_an_absolute_path(tmp_path, monkeypatch):
    from eventwire.store import duckdb_path, open_store

    assert duckdb_path("duckdb:///data/e.duckdb") == "/data/e.duckdb"
    assert duckdb_path("duckdb://e.duckdb") == "e.duckdb"
    assert duckdb_path("duckdb:///:memory:") == ":memory:"
    monkeypatch.chdir(tmp_path / ".." if (tmp_path / "..").is_dir() else tmp_path)
    open_store(f"duckdb://{tmp_path / 'abs.duckdb'}").close()
    assert (tmp_path / "abs.duckdb").exists()


@pytest.mark.model
def test_show_takes_an_id_prefix_never_a_wildcard(tmp_path):
    db = str(tmp_path / "e.duckdb")
    (tmp_path / "a.txt").write_text(GOOD)
    assert invoke("ingest", str(tmp_path / "a.txt"), "--db", db).exit_code == 0
    for pattern in ("_", "%", "_%", "____"):
        result = invoke("show", pattern, "--db", db)
        assert result.exit_code == 1 and "ambiguous" not in result.output


# ---------------------------------------------------------------- encodings and dates

def test_utf8_with_one_broken_byte_stays_utf8(tmp_path, caplog):
    path = tmp_path / "story.txt"
    text = "Zürich and Malmö signed a pact in Kraków on Friday. " * 5
    path.write_bytes(text.encode("utf-8") + b"\xff and more.\n")
    (article,) = read_inputs([path])
    assert isinstance(article, RawArticle)
    assert "Zürich" in article.text and "Kraków" in article.text  # not read as Latin-1
    assert "\ufffd" in article.text
    assert "not valid UTF-8" in caplog.text


def test_latin1_is_still_detected_as_latin1(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("Le café de la mairie a fermé à Orléans.\n".encode("latin-1"))
    (article,) = read_inputs([path])
    assert isinstance(article, RawArticle) and "café" in article.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_text(tmp_path, encoding):
    path = tmp_path / "story.txt"
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (article,) = read_inputs([path])
    assert isinstance(article, RawArticle) and article.text.strip() == GOOD.strip()


@pytest.mark.model
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_at_the_calendars_edge_fails_with_a_clear_reason(day):
    with pytest.raises(EventwireError, match="outside the years"):
        eventwire.extract("Chile and Peru signed a pact two weeks ago.", published=day)


# ---------------------------------------------------------------- time

@pytest.mark.model
def test_an_article_over_its_time_budget_fails_alone_and_says_why(tmp_path, monkeypatch):
    import eventwire.pipeline as pipeline

    clock = iter(range(0, 10_000, 50))  # every look at the clock: 50 seconds later
    monkeypatch.setattr(pipeline.time, "monotonic", lambda: next(clock))
    (tmp_path / "a.txt").write_text(GOOD)
    result = invoke("extract", str(tmp_path / "a.txt"), "--time-budget", "60")
    assert result.exit_code == 1
    assert "more than the 60-second budget per article (over at the" in result.stderr


@pytest.mark.model
def test_a_long_sentence_without_punctuation_codes_nothing_rather_than_stalling():
    from eventwire.coding import MAX_SENTENCE_TOKENS

    phrase = "officials from Chile met delegates from Peru and talked about trade "
    text = (phrase * (MAX_SENTENCE_TOKENS * 3 // 11)).strip()
    doc = eventwire.extract(text, published="2024-03-01")  # would take minutes per 100k chars
    assert doc.events == ()


# ---------------------------------------------------------------- what identifies an article

def _keys(paths, **kwargs):  # type: ignore[no-untyped-def]
    return [a.key for a in read_inputs(paths, **kwargs) if isinstance(a, RawArticle)]


def test_one_file_under_several_spellings_is_one_article(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    keys = set(_keys(["sub/a.txt", "./sub/a.txt", str(tmp_path / "sub" / "a.txt"),
                      "sub/../sub/a.txt"]))
    assert keys == {str((tmp_path / "sub" / "a.txt").resolve())}


def test_json_lines_records_without_ids_keep_their_identity_when_others_are_added(tmp_path):
    path = tmp_path / "feed.jsonl"
    first = json.dumps({"text": "Chile and Peru signed a trade agreement on Friday."})
    second = json.dumps({"text": "Kenya recalled its ambassador to Somalia on Monday."})
    path.write_text(first + "\n" + second + "\n")
    before = _keys([path])
    added = json.dumps({"text": "Norway criticised Iceland over whaling on Tuesday."})
    path.write_text(added + "\n" + first + "\n" + second + "\n")
    after = _keys([path])
    assert after[1:] == before and after[0] not in before  # the new record is a new article


@pytest.mark.model
def test_versions_follow_the_file_whatever_its_spelling_and_a_revert_is_latest(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "e.duckdb")
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    assert "1 stored" in invoke("ingest", "story.txt", "--db", db,
                                "--published", "2024-03-01").stderr
    story.write_text(GOOD.replace("Friday", "Saturday"))
    assert "1 new versions" in invoke("ingest", "./story.txt", "--db", db,
                                 "--published", "2024-03-01").stderr
    story.write_text(GOOD)  # reverted
    assert "1 new versions" in invoke("ingest", str(story), "--db", db,
                                 "--published", "2024-03-01").stderr
    rows = json.loads(invoke("articles", "--db", db, "--format", "json").stdout)
    (latest,) = rows
    assert latest["version"] == 3
    shown = json.loads(invoke("show", latest["id"], "--db", db).stdout)
    assert "Friday" in shown["article"]["text"]


@pytest.mark.model
def test_nul_characters_in_a_batch_store_on_every_backend(store_url, tmp_path):
    path = tmp_path / "nul.jsonl"
    rows = [{"id": str(i), "title": f"Title\u0000{i}", "authors": ["A\u0000B"],
             "text": f"Chile\u0000 and Peru signed trade agreement number {i} in Lima.",
             "published": "2024-03-01"} for i in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = invoke("ingest", str(path), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "3 stored" in result.stderr
