"""Test articles, and a separate process that ingests them (for the crash and race tests).

    python -m tests.store.ingest_worker URL COUNT [--edition N] [--batch N] [--reverse]
                         [--start-at EPOCH] [--pace SECONDS] [--stall-after N --marker PATH]
                         [--by-url] [--news --part K/N]

``--news`` ingests :func:`make_news` (COUNT stories of four reports each) instead, and
``--part K/N`` only every N-th of them from the K-th (one of N writers).

prints the ingest report as JSON on stdout; a StoreError goes to stderr with exit code 3.
``--stall-after N`` touches ``--marker`` once N articles are written, then hangs in the middle
of that batch's transaction, waiting to be killed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import (
    Article,
    Document,
    Event,
    Mention,
    Quote,
    TimeExpression,
    content_id,
)
from eventwire.store import DuckDBStore, PostgresStore, ingest, open_store


def make_doc(text: str, key: str = "https://news.example/a", outlet: str = "Example Wire",
             published: dt.date | None = dt.date(2024, 5, 1)) -> Document:
    """A document with one time expression and one quotation."""
    day = published.isoformat() if published else ""
    aid = content_id("article", text, day)
    article = Article(id=aid, source=key, text=text, outlet=outlet, published=published, key=key)
    time_ = TimeExpression(id=content_id(aid, "time", 0, 6), text=text[:6], start=0, end=6,
                           value=day or None)
    quote = Quote(id=content_id(aid, "quote", 0, 4), text=text[:4], start=0, end=4,
                  speaker="A. Speaker")
    return Document(article=article, times=(time_,), quotes=(quote,), meta={"model": "test"})


def make_docs(count: int, edition: int = 0) -> list[Document]:
    """``count`` different articles, each under its own key; another edition changes the text."""
    suffix = f" (edition {edition})" if edition else ""
    return [make_doc(f"Day {i}: protesters marched in the capital.{suffix}",
                     key=f"https://n.example/{i}") for i in range(count)]


_TARGETS = ("CHN", "RUS", "IND", "BRA", "ZAF", "MEX", "JPN", "KOR", "TUR", "EGY", "NGA", "KEN",
            "ARG", "CHL", "PER")
#: Three outlets' ways of telling one meeting, in words different enough not to be copies.
_REPORTS = (
    "The American envoy met the {t} foreign minister on Tuesday in meeting {g}, officials "
    "confirmed, and the two discussed trade, energy and regional security over lunch.",
    "Washington sent its special representative to see {t}'s top diplomat for round {g} of "
    "their dialogue; neither delegation briefed journalists on what had been agreed.",
    "Talks number {g} between a senior US official and the chief of {t} diplomacy took place "
    "behind closed doors, according to a short communique issued by the host ministry.",
)


def make_news(stories: int) -> list[Document]:
    """``stories`` real-world events, each told by three outlets in their own words and once
    more by a syndicated copy of the first report: four documents per event."""
    docs = []
    for g in range(stories):
        target = _TARGETS[g % len(_TARGETS)]
        day = dt.date(2024, 5, 1 + g % 28)
        for r in range(3):
            text = _REPORTS[r].format(t=target, g=g)
            docs.append(_news_doc(text, f"https://outlet{r}.example/{g}", f"Outlet {r}", day,
                                  target))
        copy = docs[-3].article.text + " Distributed by the wire service."
        docs.append(_news_doc(copy, f"https://partner.example/{g}", "Partner Paper", day,
                              target))
    return docs


def _news_doc(text: str, key: str, outlet: str, day: dt.date, target: str) -> Document:
    aid = content_id("article", text, day.isoformat())
    article = Article(id=aid, source=key, text=text, outlet=outlet, published=day, key=key,
                      url=key)
    start = 4
    event = Event(id=content_id(aid, "event", start), cameo="040", source=None, target=None,
                  source_code="USAGOV", target_code=f"{target}GOV", sentence=text.split(".")[0],
                  sentence_start=0, trigger=Mention(text[4:8], start, start + 4), plover="CONSULT",
                  goldstein=1.0, quad_class=1, date=day.isoformat(), date_source="publication")
    return Document(article=article, events=(event,), meta={"model": "test"})


def _slow_down(target: Any, pace: float, stall_after: int | None, marker: Path | None) -> None:
    """Make every article write take ``pace`` seconds; hang inside the transaction of the
    batch that brings the count of written articles to ``stall_after``. ``target`` is a
    store, or a store class (for stores opened batch by batch)."""
    insert = target.insert_rows
    unbound = isinstance(target, type)
    written = 0

    def slow_insert(*args: Any, **kwargs: Any) -> Any:
        nonlocal written
        result = insert(*args, **kwargs)
        table, rows = args[1:3] if unbound else args[:2]
        if table == "articles":
            written += len(rows)
            time.sleep(pace * len(rows))
            if stall_after is not None and written >= stall_after and marker:
                marker.touch()
                time.sleep(600)
        return result

    target.insert_rows = slow_insert


def main(argv: list[str] | None = None) -> int:
    """Ingest the test articles into the store at URL."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("count", type=int)
    parser.add_argument("--edition", type=int, default=0)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--reverse", action="store_true")
    parser.add_argument("--start-at", type=float, default=0.0)
    parser.add_argument("--pace", type=float, default=0.0)
    parser.add_argument("--stall-after", type=int)
    parser.add_argument("--marker", type=Path)
    parser.add_argument("--by-url", action="store_true")
    parser.add_argument("--news", action="store_true")
    parser.add_argument("--part", default="0/1")
    args = parser.parse_args(argv)
    docs = make_news(args.count) if args.news else make_docs(args.count, args.edition)
    part, parts = (int(n) for n in args.part.split("/"))
    docs = docs[part::parts][:: -1 if args.reverse else 1]
    time.sleep(max(0.0, args.start_at - time.time()))
    try:
        if args.by_url:  # as `eventwire ingest` does: a DuckDB file is released between batches
            for backend in (DuckDBStore, PostgresStore):
                _slow_down(backend, args.pace, args.stall_after, args.marker)
            report = ingest(docs, args.url, batch_size=args.batch)
        else:
            with open_store(args.url) as store:
                _slow_down(store, args.pace, args.stall_after, args.marker)
                report = store.ingest(docs, batch_size=args.batch)
    except StoreError as exc:
        sys.stderr.write(f"{exc}\n")
        return 3
    sys.stdout.write(json.dumps(dataclasses.asdict(report)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
