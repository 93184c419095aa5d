"""Readers: every input format, header styles, encodings, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from eventwire.errors import Failure
from eventwire.read import RawArticle, ReadOptions, read_inputs, read_string
from eventwire.read.byline import parse_byline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def read_all(*paths: str | Path, **options: object) -> list[RawArticle | Failure]:
    return list(read_inputs(paths, ReadOptions(**options)))  # type: ignore[arg-type]


def only_article(items: list[RawArticle | Failure]) -> RawArticle:
    (item,) = items
    assert isinstance(item, RawArticle), item
    return item


def only_failure(items: list[RawArticle | Failure]) -> Failure:
    (item,) = items
    assert isinstance(item, Failure), item
    return item


def test_text_reader_parses_date_and_byline_header():
    raw = only_article(read_all(FIXTURES / "ap-style.txt"))
    assert raw.published == dt.date(2024, 3, 5)
    assert raw.authors == ("Jane Porter", "Malik Osei")
    assert raw.outlet == "AP"
    assert raw.text.lstrip().startswith("WASHINGTON (AP)")
    assert raw.input_format == "text"


def test_text_reader_parses_key_value_header_block():
    raw = only_article(read_all(FIXTURES / "reuters-style.txt"))
    assert raw.title == "Grain talks resume in Istanbul"
    assert raw.published == dt.date(2023, 7, 11)
    assert raw.authors == ("Pavel Ivanov",)
    assert raw.outlet == "Reuters"
    assert "Title:" not in raw.text


def test_text_reader_without_header_keeps_whole_text():
    raw = only_article(read_all(FIXTURES / "caps-dateline.txt"))
    assert raw.published is None
    assert raw.text.startswith("BEIJING —")


def test_published_option_overrides_header_date():
    raw = only_article(read_all(FIXTURES / "ap-style.txt", published=dt.date(2024, 1, 1)))
    assert raw.published == dt.date(2024, 1, 1)


@pytest.mark.parametrize(("byline", "authors", "outlet"), [
    ("By Simone McCarthy, CNN", ("Simone McCarthy",), "CNN"),
    ("By Ana Lima and Omar Haddad, Reuters", ("Ana Lima", "Omar Haddad"), "Reuters"),
    ("By Ana Lima, Omar Haddad and Li Wei", ("Ana Lima", "Omar Haddad", "Li Wei"), None),
    ("By Ana Lima, The Daily Ledger", ("Ana Lima",), "The Daily Ledger"),
    ("by Omar Haddad", ("Omar Haddad",), None),
    ("", (), None),
])
def test_byline_gives_authors_and_outlet(byline, authors, outlet):
    assert parse_byline(byline) == (authors, outlet)


def test_html_reader_takes_body_and_page_metadata():
    raw = only_article(read_all(FIXTURES / "article.html"))
    assert raw.input_format == "html"
    assert raw.title == "Ministers agree on river water deal"
    assert raw.authors == ("Ana Lima", "Omar Haddad")
    assert raw.published == dt.date(2024, 6, 2)
    assert raw.outlet == "The Daily Ledger"
    assert raw.url == "https://ledger.example/world/river-deal"
    assert "signed an agreement" in raw.text
    assert "Home" not in raw.text
    assert not raw.text.startswith("Ministers agree")  # the headline is not repeated


def test_html_without_article_body_is_a_failure():
    failure = only_failure(read_all(FIXTURES / "no-body.html"))
    assert failure.source.endswith("no-body.html")
    assert "no article body" in failure.reason


def test_jsonl_reader_reads_every_line_with_its_fields():
    first, second = read_all(FIXTURES / "articles.jsonl")
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.title == "Port strike ends"
    assert first.authors == ("Li Wei",)
    assert first.published == dt.date(2024, 2, 12)
    assert first.url == "https://harbour.example/strike-ends"
    assert first.key == "https://harbour.example/strike-ends"
    assert first.source.endswith("articles.jsonl:1")
    assert second.authors == ("Sara Kim", "Tom Ode")
    assert second.key is not None and second.key.endswith("articles.jsonl#a2")


def test_jsonl_bad_lines_fail_alone_and_good_lines_survive():
    items = read_all(FIXTURES / "bad.jsonl")
    good = [i for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert len(good) == 2
    assert [f.source.rsplit(":", 1)[1] for f in bad] == ["2", "3"]
    assert "not valid JSON" in bad[0].reason
    assert "'text'" in bad[1].reason


def test_jsonl_field_mapping(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"body": "Troops withdrew from the town on Monday.", "headline": "Pullout", '
                    '"date": "2024-04-01"}\n', encoding="utf-8")
    raw = only_article(read_all(path, field_map={"text": "body", "title": "headline",
                                                 "published": "date"}))
    assert raw.title == "Pullout"
    assert raw.published == dt.date(2024, 4, 1)


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    assert len([i for i in read_all(path) if isinstance(i, RawArticle)]) == 2


def test_folder_is_read_recursively_and_skips_other_files(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text("The minister resigned on Friday.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.txt").write_text("Rebels seized the airport.",
                                                         encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    found = read_all(tmp_path)
    assert [Path(i.source).name for i in found if not isinstance(i, Failure)] == [
        "one.txt", "two.txt"]
    skipped = [i for i in found if isinstance(i, Failure)]  # named, not silently dropped
    assert [(Path(f.source).name, f.stage) for f in skipped] == [("notes.csv", "skip")]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(tmp_path, encoding):
    text = ("The café owner said the président’s visit to Zürich was “très important” "
            "for the town, and the mayor agreed.\n" * 3)
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    raw = only_article(read_all(path))
    assert "café" in raw.text and "Zürich" in raw.text


def test_empty_file_is_a_failure(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    failure = only_failure(read_all(path))
    assert failure.source == str(path) and failure.reason == "empty input"


def test_binary_file_is_a_failure(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    assert "binary" in only_failure(read_all(path)).reason


def test_missing_path_is_a_failure():
    failure = only_failure(read_all("/nonexistent/article.txt"))
    assert failure.reason == "no such file or folder"


def test_input_over_the_size_limit_is_a_failure(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    failure = only_failure(read_all(path, max_bytes=1000))
    assert "limit" in failure.reason and "--max-size" in failure.reason


def test_header_with_bad_date_is_a_failure(tmp_path):
    path = tmp_path / "baddate.txt"
    path.write_text("date 2024-13-45\n\nSoldiers crossed the river.", encoding="utf-8")
    assert "not a date" in only_failure(read_all(path)).reason


def test_input_format_option_overrides_extension(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text((FIXTURES / "article.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert only_article(read_all(path, input_format="html")).input_format == "html"


def test_read_string_sniffs_the_format():
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    assert only_article(list(read_string(html))).input_format == "html"
    line = '{"text": "Police arrested two men.", "published": "2024-01-02"}'
    assert only_article(list(read_string(line))).input_format == "jsonl"
    assert only_article(list(read_string("Police arrested two men."))).input_format == "text"
