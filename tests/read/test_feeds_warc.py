"""RSS and Atom feeds, WARC archives and urls: each item or captured page is an article with
its own title, date and link; fetching is polite (robots.txt, a user agent). Texts are our own."""

from __future__ import annotations

import io
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.errors import Failure
from eventwire.read import RawArticle, ReadOptions, read_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example World News</title>
  <link>https://news.example/</link>
  <lastBuildDate>Tue, 05 Mar 2024 08:00:00 GMT</lastBuildDate>
  <item>
    <title>Chile and Peru sign a fisheries accord</title>
    <link>https://news.example/world/accord</link>
    <guid>https://news.example/world/accord</guid>
    <pubDate>Mon, 04 Mar 2024 17:30:00 GMT</pubDate>
    <dc:creator>Ana Ruiz</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Chile and Peru signed a fisheries accord in Lima on
      Monday.</p><p>The two governments agreed to share patrol data.</p>]]></content:encoded>
  </item>
  <item>
    <title>Kenya recalls envoy</title>
    <link>https://news.example/world/envoy</link>
    <description>Kenya recalled its ambassador to Somalia on Tuesday.</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://news.example/gallery</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2024-03-06T09:00:00Z</updated>
  <entry>
    <title>Japan and India hold talks</title>
    <id>urn:example:wire:1</id>
    <link href="https://wire.example/talks"/>
    <updated>2024-03-06T07:00:00Z</updated>
    <author><name>Kenji Sato</name></author>
    <content type="html">&lt;p&gt;Japan and India held security talks in Tokyo on
      Wednesday.&lt;/p&gt;</content>
  </entry>
</feed>
"""

BODY = ("Officials from Ghana and Togo met in Accra on Thursday to discuss the shared border, "
        "where smugglers have been moving fuel for months. The ministers agreed to set up "
        "joint patrols and to meet again in Lome next month, a spokesman for the Ghanaian "
        "foreign ministry said after the meeting.")


ARCHIVED = ("Chad closed its border with Sudan on Friday after fighting spread to the "
            "frontier town, the interior ministry in N'Djamena said. Thousands of refugees "
            "have crossed in recent weeks, and aid groups warned that camps near Adre were "
            "running out of water and medicine as the rainy season approached.")


def page(title: str, body: str = BODY) -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{body}</p></article></body></html>")


def articles(found):
    return [a for a in found if isinstance(a, RawArticle)]


def failures(found):
    return [f for f in found if isinstance(f, Failure)]


# ---------------------------------------------------------------- feeds

def test_each_rss_item_is_an_article_with_its_title_date_link_and_author(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    found = list(read_inputs([path]))
    accord, envoy = articles(found)
    assert accord.text == ("Chile and Peru signed a fisheries accord in Lima on Monday.\n\n"
                           "The two governments agreed to share patrol data.")  # full content
    assert (accord.title, str(accord.published), accord.url, accord.authors) == (
        "Chile and Peru sign a fisheries accord", "2024-03-04",
        "https://news.example/world/accord", ("Ana Ruiz",))
    assert envoy.text == "Kenya recalled its ambassador to Somalia on Tuesday."  # the summary
    assert str(envoy.published) == "2024-03-05"  # no date of its own: the feed's
    (empty,) = failures(found)
    assert "has no text" in empty.reason and "gallery" in empty.source


def test_an_atom_feed_named_xml_is_read_as_a_feed(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = list(read_inputs([path]))
    assert isinstance(entry, RawArticle)
    assert entry.text == "Japan and India held security talks in Tokyo on Wednesday."
    assert (entry.title, str(entry.published), entry.authors, entry.url) == (
        "Japan and India hold talks", "2024-03-06", ("Kenji Sato",), "https://wire.example/talks")


def test_a_feed_saved_as_html_is_still_a_feed(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text(RSS, encoding="utf-8")
    assert len(articles(read_inputs([path]))) == 2


def test_an_empty_feed_and_other_xml_are_named_as_skipped(tmp_path):
    (tmp_path / "empty.rss").write_text("<rss version='2.0'><channel><title>x</title>"
                                        "</channel></rss>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://a.example/</loc></url>"
                                          "</urlset>", encoding="utf-8")
    skipped = {Path(f.source).name: f.reason for f in failures(read_inputs([tmp_path]))
               if f.stage == "skip"}
    assert "no items" in skipped["empty.rss"]
    assert "not an RSS or Atom feed" in skipped["sitemap.xml"]


# ---------------------------------------------------------------- fetching

class _Handler(SimpleHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):  # the name http.server calls
        type(self).agents.append(self.headers.get("User-Agent", ""))
        super().do_GET()


@pytest.fixture
def site(tmp_path):
    """A web site on loopback: two article pages, one under a path robots.txt forbids, and a
    feed that links to both."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "private").mkdir()
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "news" / "border.html").write_text(page("Ghana and Togo agree patrols"))
    (root / "private" / "memo.html").write_text(page("Internal memo"))
    _Handler.agents = []
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = RSS.replace("https://news.example/world/accord", f"{base}/news/border.html") \
              .replace("https://news.example/world/envoy", f"{base}/private/memo.html") \
              .replace("https://news.example/gallery", f"{base}/news/missing.html")
    (root / "feed.rss").write_text(feed)
    yield base
    server.shutdown()
    server.server_close()


def test_fetch_reads_each_items_page_and_obeys_robots_txt(site):
    options = ReadOptions(fetch=True, fetch_delay=0)
    found = list(read_inputs([f"{site}/feed.rss"], options))
    (border,) = articles(found)
    assert border.input_format == "html" and "joint patrols" in border.text
    assert border.url == f"{site}/news/border.html"
    assert str(border.published) == "2024-03-04"  # the page has no date: the item's
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in failures(found)}
    assert "robots.txt" in reasons["memo.html"]
    assert "HTTP 404" in reasons["missing.html"]
    assert all(a.startswith("eventwire/") for a in _Handler.agents)


def test_without_fetch_a_feed_url_gives_the_items_own_text(site):
    found = list(read_inputs([f"{site}/feed.rss"], ReadOptions(fetch_delay=0)))
    assert [a.title for a in articles(found)] == ["Chile and Peru sign a fisheries accord",
                                                  "Kenya recalls envoy"]


def test_a_page_url_is_fetched_and_read_as_html(site):
    (article,) = list(read_inputs([f"{site}/news/border.html"], ReadOptions(fetch_delay=0)))
    assert isinstance(article, RawArticle) and article.url == f"{site}/news/border.html"


def test_a_url_that_cannot_be_fetched_is_a_one_line_failure():
    (failure,) = list(read_inputs(["http://127.0.0.1:9/nothing"], ReadOptions(fetch_delay=0)))
    assert isinstance(failure, Failure) and "cannot fetch" in failure.reason


# ---------------------------------------------------------------- WARC

def write_warc(path: Path, gzip: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def response(url: str, body: str, status: str = "200 OK",
                     kind: str = "text/html; charset=utf-8") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            data = body.encode("utf-8")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), length=len(data),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2021-05-06T10:00:00Z"})
            writer.write_record(record)

        writer.write_record(writer.create_warc_record(
            "https://paper.example/a", "request", length=19,
            payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://paper.example/a", page("Chad closes border", ARCHIVED))
        response("https://paper.example/logo.png", "PNG", kind="image/png")
        response("https://paper.example/gone", page("Gone"), status="404 Not Found")
        response("https://paper.example/caption", page("Photo", "A photo of the minister."))


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False),
                                            ("crawl-dump", True)])  # the last by its content
def test_each_html_page_of_a_warc_is_an_article_dated_by_its_capture(tmp_path, name, gzip):
    path = tmp_path / name
    write_warc(path, gzip)
    found = list(read_inputs([path]))
    (article,) = articles(found)
    assert article.input_format == "warc" and "closed its border" in article.text
    assert article.url == "https://paper.example/a"
    assert str(article.published) == "2021-05-06"  # the page has no date: the capture's
    (caption,) = failures(found)  # images, requests and the 404 are passed over
    assert "paper.example/caption" in caption.source and "characters" in caption.reason


def test_a_warc_larger_than_the_size_limit_is_read_record_by_record(tmp_path):
    path = tmp_path / "big.warc.gz"
    write_warc(path)
    options = ReadOptions(max_bytes=path.stat().st_size // 2 + 1000)
    assert len(articles(read_inputs([path], options))) == 1


def test_a_damaged_warc_is_a_failure_naming_it(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    found = list(read_inputs([path]))
    assert not articles(found)
    assert failures(found) and failures(found)[0].source.startswith(str(path))


# ---------------------------------------------------------------- every kind at once

@pytest.mark.model
def test_ingest_of_a_folder_mixing_every_input_kind_stores_each_article_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text("Uganda expelled two Rwandan diplomats on Monday.\n")
    (folder / "page.html").write_text(page("Ghana and Togo agree patrols"))
    (folder / "record.json").write_text(json.dumps({
        "maintext": "Brazil and Argentina signed a trade pact on Monday.",
        "date_publish": "2024-03-04 10:00:00", "source_domain": "paper.example",
        "title": "Trade pact", "url": "https://paper.example/pact"}))
    (folder / "lines.jsonl").write_text(json.dumps({
        "id": "7", "text": "Norway criticized Iceland over whaling.",
        "published": "2024-03-01"}) + "\n")
    (folder / "world.rss").write_text(RSS)
    (folder / "wire.atom").write_text(ATOM)
    write_warc(folder / "crawl.warc.gz")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    db = str(tmp_path / "e.duckdb")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(folder), "--db", db, "--published", "2024-03-06"])
    assert first.exit_code == 1, first.output  # some inputs failed, and the run says so
    # txt, html, json, jsonl, 2 rss items, 1 atom entry, 1 warc page
    assert "8 stored" in first.stderr
    assert "notes.docx" in first.stderr and "1 skipped" in first.stderr
    assert "failed" in first.stderr  # the feed item without text, the warc caption: named
    second = runner.invoke(cli, ["ingest", str(folder), "--db", db, "--published", "2024-03-06"])
    assert "0 stored" in second.stderr and "8 unchanged" in second.stderr
