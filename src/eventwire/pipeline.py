"""The flow: read -> clean -> parse -> extract -> code events, one batch at a time.

:func:`process` takes what the readers yield and gives back a :class:`Document` per article,
or a :class:`Failure` that says which input failed at which stage and why. One bad article
never sinks a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from eventwire import __version__
from eventwire.clean import clean_article
from eventwire.coding import code_events
from eventwire.config import Settings
from eventwire.errors import Failure
from eventwire.extract import extract_sections
from eventwire.extract.actor_lexicon import ActorLexicon, load_actor_lexicon
from eventwire.parse import load_nlp, model_label
from eventwire.read.raw import RawArticle
from eventwire.records import Article, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def process(items: Iterable[RawArticle | Failure], settings: Settings | None = None
            ) -> Iterator[Document | Failure]:
    """Turn raw articles into documents, in input order, batch by batch."""
    settings = settings or Settings()
    lexicon = load_actor_lexicon(settings.actors)  # a bad user dictionary fails here, once
    nlp = load_nlp(settings.model)
    iterator = iter(items)
    while batch := list(islice(iterator, settings.batch_size)):
        yield from _process_batch(nlp, batch, settings, lexicon)


def _process_batch(nlp: Language, batch: list[RawArticle | Failure], settings: Settings,
                   lexicon: ActorLexicon) -> Iterator[Document | Failure]:
    cleaned: list[Article | Failure] = [_clean(item) for item in batch]
    articles = [a for a in cleaned if isinstance(a, Article)]
    docs = iter(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    label = model_label(nlp)
    for item in cleaned:
        if isinstance(item, Failure):
            yield item
            continue
        doc = next(docs)
        try:
            yield analyse(item, doc, label, lexicon, settings.min_confidence)
        except Exception as exc:  # one bad article must not sink the batch
            log.warning("extraction failed on %s: %r", item.source, exc)
            yield Failure(item.source, f"extraction failed ({exc!r})", stage="extract")


def _clean(item: RawArticle | Failure) -> Article | Failure:
    if isinstance(item, Failure):
        return item
    try:
        article = clean_article(item)
    except Exception as exc:  # a cleaning bug on one input is reported, not raised
        log.warning("cleaning failed on %s: %r", item.source, exc)
        return Failure(item.source, f"cleaning failed ({exc!r})", stage="clean")
    if not article.text:
        return Failure(item.source, "no article text left after removing boilerplate",
                       stage="clean")
    return article


def analyse(article: Article, doc: Doc, model: str, lexicon: ActorLexicon | None = None,
            min_confidence: float = 0.0) -> Document:
    """Everything eventwire extracts from one parsed article (events of at least
    ``min_confidence``)."""
    found = extract_sections(doc, article, lexicon)
    actors = found.actor_index.actors
    return Document(
        article=article,
        actors=tuple(a if a.code else replace(a, coded=False) for a in actors),
        events=tuple(e for e in code_events(doc, article, found)
                     if e.confidence >= min_confidence),
        quotes=found.quotes,
        attributions=found.attributions,
        times=found.times,
        figures=found.figures,
        places=found.places,
        meta={"model": model, "eventwire": __version__},
    )
