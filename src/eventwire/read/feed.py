"""RSS and Atom feeds, through feedparser: each item is an article.

An item's text is its full content (``content:encoded``, Atom ``content``) or else its summary,
with the item's own title, link, author and date (the feed's date where the item has none).
With ``ReadOptions.fetch`` the page at each item's link is fetched politely (see
:mod:`.fetch`) and read as HTML instead, the feed's title and date filling what the page lacks.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from eventwire.errors import Failure, InputError
from eventwire.read.byline import parse_byline
from eventwire.read.raw import RawArticle, ReadOptions

#: The start of a document that is a feed, not a web page.
_FEED_START = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr")


def is_feed(text: str) -> bool:
    """Whether a document is an RSS or Atom feed (its root element, after any prolog)."""
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text.lstrip()[:2000],
                  flags=re.DOTALL).lstrip()
    return bool(_FEED_START.match(head))


def read_feed(text: str, source: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    """One article per item; an item without text is a failure and the others go on."""
    import feedparser  # imported here: only feeds need it

    if not is_feed(text):  # a sitemap, a NewsML file: XML, but no feed
        yield Failure(source, "not an RSS or Atom feed (XML of another kind)", stage="skip")
        return
    parsed: Any = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries and parsed.get("bozo"):
        yield Failure(source, f"not a readable RSS or Atom feed ({parsed.bozo_exception})")
        return
    if not parsed.entries:
        yield Failure(source, "an RSS or Atom feed with no items", stage="skip")
        return
    feed = parsed.feed
    feed_date = _date(feed.get("updated_parsed") or feed.get("published_parsed"))
    fetcher = None
    if options.fetch:
        from eventwire.read.fetch import Fetcher

        fetcher = Fetcher(max_bytes=options.max_bytes, delay=options.fetch_delay)
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        where = f"{source}[{number}]" + (f" {link}" if link else "")
        published = options.published or _date(
            entry.get("published_parsed") or entry.get("updated_parsed")) or feed_date
        title = _plain(entry.get("title") or "") or None
        try:
            if fetcher is not None:
                if not link:
                    raise InputError(where, "the item has no link to fetch")
                yield _fetched(fetcher, link, options, title, published)
                continue
            body = _item_text(entry)
            if not body:
                raise InputError(where, "the item has no text (--fetch reads its page)")
            yield RawArticle(
                source=where, text=body, input_format="feed", title=title,
                authors=_authors(entry), outlet=None, published=published, url=link,
                key=link or entry.get("id") or where,
            )
        except InputError as exc:
            yield Failure(exc.source, exc.reason)


def _fetched(fetcher: Any, link: str, options: ReadOptions, title: str | None,
             published: dt.date | None) -> RawArticle:
    from eventwire.read.decode import decode_bytes
    from eventwire.read.html import read_html

    page = read_html(decode_bytes(fetcher.fetch(link), link), link, options)
    return replace(page, title=page.title or title, published=page.published or published,
                   url=page.url or link, key=link)


def _item_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    html = max(contents, key=len, default="") or entry.get("summary") or ""
    return _plain(html)


def _plain(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return _tidy(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup; fall back to the text
        return _tidy(re.sub(r"<[^>]+>", " ", fragment))
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name", "") for a in entry.get("authors") or [] if a.get("name")]
    if not names and entry.get("author"):
        names = list(parse_byline(entry["author"])[0])
    return tuple(n.strip() for n in names if n.strip())


def _date(parsed: time.struct_time | None) -> dt.date | None:
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None
