"""news-please JSON records (a file, a list, a pretty-printed object, JSON Lines) and folders
that mix article files with others, which are named as skipped. Records are our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.clean import clean_article
from eventwire.cli import cli
from eventwire.errors import Failure
from eventwire.read import RawArticle, ReadOptions, read_inputs
from eventwire.resources import outlet_name

RECORD = {
    "authors": ["Ana Ruiz"], "date_download": "2024-03-02 10:00:00", "date_modify": None,
    "date_publish": "2024-03-01 18:00:00", "description": "A short summary.",
    "filename": "https%3A%2F%2Fnews.example%2Fdeal.json", "image_url": None, "language": "en",
    "localpath": None, "maintext": "Chile and Peru signed a trade agreement in Lima on Friday.",
    "source_domain": "news.example", "title": "Chile and Peru sign a trade deal",
    "title_page": None, "title_rss": None, "url": "https://news.example/deal",
}


def read(path: Path) -> list[RawArticle | Failure]:
    return list(read_inputs([path]))


def test_a_news_please_file_is_one_article_with_its_fields(tmp_path):
    path = tmp_path / "deal.json"
    path.write_text(json.dumps(RECORD, indent=2), encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, RawArticle)
    assert article.text == RECORD["maintext"]  # not the description, not the JSON syntax
    assert (article.title, str(article.published), article.authors, article.outlet,
            article.url) == ("Chile and Peru sign a trade deal", "2024-03-01", ("Ana Ruiz",),
                             "news.example", "https://news.example/deal")


def test_a_list_of_records_and_json_lines_of_records(tmp_path):
    other = dict(RECORD, url="https://news.example/2", maintext="Peru recalled its envoy.")
    listed = tmp_path / "two.json"
    listed.write_text(json.dumps([RECORD, other]), encoding="utf-8")
    lines = tmp_path / "two.jsonl"
    lines.write_text(json.dumps(RECORD) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    for path in (listed, lines):
        found = read(path)
        assert [a.url for a in found if isinstance(a, RawArticle)] == [
            "https://news.example/deal", "https://news.example/2"]


def test_a_pretty_printed_record_without_an_extension_is_sniffed(tmp_path):
    path = tmp_path / "record"
    path.write_text(json.dumps(RECORD, indent=2), encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, RawArticle) and article.text.startswith("Chile and Peru")


def test_a_record_without_text_is_a_failure_naming_it(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(dict(RECORD, maintext=None)), encoding="utf-8")
    (failure,) = read(path)
    assert isinstance(failure, Failure) and "empty.json" in str(failure)


def test_a_folder_names_the_files_it_skips(tmp_path):
    (tmp_path / "deal.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>x</loc></url></urlset>",
                                          encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    found = read(tmp_path)
    skipped = sorted(Path(f.source).name for f in found
                     if isinstance(f, Failure) and f.stage == "skip")
    assert skipped == ["notes.docx", "sitemap.xml"]
    assert sum(isinstance(a, RawArticle) for a in found) == 1


def test_ingest_summary_counts_and_names_skipped_files(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deal.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (folder / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db",
                                      str(tmp_path / "e.duckdb")])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.stderr
    assert "1 skipped" in result.stderr and "sitemap.xml" in result.stderr


def test_a_page_with_only_a_caption_is_a_failure_with_that_reason(tmp_path):
    path = tmp_path / "gallery.html"
    path.write_text("<html><head><title>Photos</title></head><body><article><p>Crowds "
                    "gathered outside parliament on Tuesday. (Photo: Staff)</p></article>"
                    "</body></html>", encoding="utf-8")
    (failure,) = read(path)
    assert isinstance(failure, Failure)
    assert "characters" in failure.reason or "no article body" in failure.reason


@pytest.mark.parametrize(("value", "url", "outlet"), [
    ("edition.cnn.com", None, "CNN"),          # a crawl's source_domain
    ("www.bbc.co.uk", None, "BBC"),
    ("Cable News Network", None, "CNN"),       # an alias
    (None, "https://www.reuters.com/world/a-story", "Reuters"),  # no name: the url's domain
    ("Harbour Times", "https://www.cnn.com/x", "Harbour Times"),  # a name is kept
    ("news.example", None, "news.example"),    # an unknown domain is kept as given
])
def test_an_outlet_is_named_from_its_alias_or_domain(value, url, outlet):
    assert outlet_name(value, url) == outlet


def test_a_news_please_record_from_a_known_domain_names_the_outlet(tmp_path):
    path = tmp_path / "cnn.json"
    path.write_text(json.dumps(dict(RECORD, source_domain="edition.cnn.com")), encoding="utf-8")
    (raw,) = read(path)
    assert isinstance(raw, RawArticle)
    assert clean_article(raw).outlet == "CNN"


@pytest.mark.parametrize(("authors", "outlet", "kept", "named"), [
    (("China Daily",), None, (), "China Daily"),             # the outlet wrote it
    (("CNN",), None, (), "CNN"),
    (("CBS News February 3, 2016",), None, (), "CBS News"),  # an outlet with a date run on
    (("Article by",), None, (), None),                       # the byline's frame
    (("Staff reporter",), None, (), None),
    (("Jane Roe", "jroe@ledger.example"), None, ("Jane Roe",), None),
    (("Ana Lima March",), None, (), None),                   # a date run into the name
    (("Dawn Okafor",), None, ("Dawn Okafor",), None),        # a first name, not the paper
    (("Jane Roe", "Jane Roe"), "Reuters", ("Jane Roe",), "Reuters"),
])
def test_bylines_lose_junk_and_an_outlet_named_as_author(authors, outlet, kept, named):
    from eventwire.read.byline import tidy_authors

    assert tidy_authors(authors, outlet) == (kept, named)


def test_an_outlet_named_in_the_byline_header_is_the_outlet_not_an_author(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(" date 2024-03-01 By China Daily\n\nBeijing hosted talks with Hanoi on "
                    "Friday.\n", encoding="utf-8")
    (raw,) = read(path)
    article = clean_article(raw)
    assert article.authors == () and article.outlet == "China Daily"


def test_the_outlet_table_has_hundreds_of_outlets_with_unique_aliases_and_domains():
    from eventwire.resources import load_outlet_domains, load_outlets, read_tsv

    rows = read_tsv("outlets.tsv")
    assert len(rows) >= 300
    names = [a for r in rows for a in {n.strip().casefold() for n in [
        r["name"], *filter(None, r["aliases"].split("|"))]}]
    assert len(names) == len(set(names)), "an alias names two outlets"
    domains = [d for r in rows for d in filter(None, r["domains"].split("|"))]
    assert len(domains) == len(set(domains))
    assert load_outlets()["mailonline"].name == "Daily Mail"
    assert load_outlet_domains()["dailymail.co.uk"] == "Daily Mail"


def test_users_extend_the_outlet_table(tmp_path, monkeypatch):
    table = tmp_path / "mine.tsv"
    table.write_text("name\taliases\tcountry\tdomains\n"
                     "Valley Courier\tThe Courier\tUSA\tvalleycourier.example\n"
                     "Reuters News\tReuters\tGBR\t\n", encoding="utf-8")  # an alias given again
    monkeypatch.setenv("EVENTWIRE_OUTLETS", str(table))
    assert outlet_name(None, "https://www.valleycourier.example/a") == "Valley Courier"
    assert outlet_name("The Courier") == "Valley Courier"
    assert outlet_name("Reuters") == "Reuters News"  # the user's row wins
    monkeypatch.delenv("EVENTWIRE_OUTLETS")
    assert outlet_name("Reuters") == "Reuters"


def test_a_bad_user_outlet_table_is_a_clear_error(tmp_path, monkeypatch):
    from eventwire.errors import ConfigError

    monkeypatch.setenv("EVENTWIRE_OUTLETS", str(tmp_path / "missing.tsv"))
    with pytest.raises(ConfigError, match=r"missing\.tsv: cannot read outlet table"):
        outlet_name("Reuters")


def test_a_json_lines_file_larger_than_the_size_limit_streams_line_by_line(tmp_path):
    path = tmp_path / "big.jsonl"
    record = {"text": "Chile and Peru signed a trade agreement in Lima on Friday. " * 20}
    with path.open("w", encoding="utf-8") as handle:
        for number in range(200):
            handle.write(json.dumps({**record, "id": number}) + "\n")
    options = ReadOptions(max_bytes=5_000)  # each line fits, the file (250 KB) does not
    found = list(read_inputs([path], options))
    assert len(found) == 200 and all(isinstance(a, RawArticle) for a in found)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "x" * 6_000}) + "\n")
    *_, last = read_inputs([path], options)
    assert isinstance(last, Failure) and last.source.endswith(":201")
    assert "longer than the 5,000-byte limit" in last.reason


def test_an_empty_json_lines_file_is_a_failure(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (failure,) = read(path)
    assert isinstance(failure, Failure) and failure.reason == "empty input"
