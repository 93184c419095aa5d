"""Time share of each eventwire stage against the spaCy parse, on a folder of articles.

    python bench/stages.py ../shared/dev/times-timebank ../shared/dev/quotes-polnear

Parses every ``*.txt`` once as the pipeline does (``nlp.pipe`` in batches of
``Settings().batch_size``: the baseline), then runs each extraction stage on the parsed
documents and prints its time and its ratio to the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.clean import clean_article
from eventwire.coding import code_events
from eventwire.config import Settings
from eventwire.extract import Sections
from eventwire.extract.actors import find_actors
from eventwire.extract.attributions import find_attributions
from eventwire.extract.figures import find_figures
from eventwire.extract.places import find_places
from eventwire.extract.quotes import find_quotes
from eventwire.extract.times import find_times
from eventwire.parse import load_nlp, parse_texts
from eventwire.read import RawArticle, read_inputs
from eventwire.records import Article


def timed(timings: dict[str, float], name: str, fn: Callable[..., Any], *args: Any) -> Any:
    t0 = time.perf_counter()
    result = fn(*args)
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return result


def run_stages(article: Article, doc: Any, timings: dict[str, float]) -> None:
    """Every stage on one parsed article, each timed on its own."""
    aid = article.id
    actors = timed(timings, "actors", find_actors, doc, aid)
    times = tuple(timed(timings, "times", find_times, doc, article.published, aid))
    quotes = tuple(timed(timings, "quotes", find_quotes, doc, aid))
    attributions = tuple(timed(timings, "attributions", find_attributions, doc, aid))
    places = tuple(timed(timings, "places", find_places, doc, aid, article.dateline))
    figures = tuple(timed(timings, "figures", find_figures, doc, aid, times))
    sections = Sections(actors, places, times, quotes, attributions, figures)
    timed(timings, "events", code_events, doc, article, sections)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    files = sorted(p for folder in args.folders for p in folder.glob("*.txt"))
    raws = [r for r in read_inputs(files) if isinstance(r, RawArticle)]
    articles = [clean_article(r) for r in raws]
    nlp = load_nlp(args.model)
    nlp("warm up")
    start = time.perf_counter()  # parsed as the pipeline parses: same batches, same call
    docs = list(parse_texts(nlp, (a.text for a in articles), Settings().batch_size))
    parse = time.perf_counter() - start
    run_stages(articles[0], docs[0], {})  # load the dictionaries, gazetteer and lexicon first
    timings: dict[str, float] = {}
    for article, doc in zip(articles, docs, strict=True):
        run_stages(article, doc, timings)
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {words:,} tokens, model {nlp.meta['name']}")
    print(f"{'stage':14s} {'seconds':>8s} {'vs parse':>9s}")
    print(f"{'spaCy parse':14s} {parse:8.2f} {1.0:9.3f}   (baseline)")
    for name, seconds in timings.items():
        print(f"{name:14s} {seconds:8.2f} {seconds / parse:9.3f}")
    total = sum(timings.values())
    print(f"{'all stages':14s} {total:8.2f} {total / parse:9.3f}")
    extraction = total - timings.get("events", 0.0)
    print(f"event coding adds {timings.get('events', 0.0) / parse:.1%} to the parse; "
          f"extraction stages add {extraction / parse:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
