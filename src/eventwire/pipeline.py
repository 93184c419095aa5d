"""The flow: read -> clean -> parse -> extract -> code events, one batch at a time.

:func:`process` takes what the readers yield and gives back a :class:`Document` per article,
or a :class:`Failure` that says which input failed at which stage and why. One bad article
never sinks a batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from eventwire import __version__
from eventwire.clean import clean_article
from eventwire.coding import code_events
from eventwire.config import Settings
from eventwire.errors import Failure, OverBudget
from eventwire.extract import extract_sections
from eventwire.extract.actor_lexicon import ActorLexicon, load_actor_lexicon
from eventwire.parse import load_nlp, model_label, parse_texts
from eventwire.read.raw import RawArticle
from eventwire.records import Article, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


class Pipeline:
    """The one entry that the CLI, the Python API, a web server and Dask workers call:
    ``Pipeline(settings).warm()`` loads the spaCy model, the actor dictionary, the gazetteer
    and the event lexicon once; :meth:`process` turns one raw article into a document (or a
    failure), :meth:`process_many` a stream of them in batches.

    A pipeline pickles as its settings alone (a Dask worker warms its own copy).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp: Language | None = None
        self._lexicon: ActorLexicon | None = None

    def warm(self) -> Pipeline:
        """Load everything a parse needs now, not at the first article; a bad user
        dictionary or a missing model raises here (ConfigError, ModelNotFound)."""
        if self._nlp is None:
            self._lexicon = load_actor_lexicon(self.settings.actors)
            self._nlp = load_nlp(self.settings.model)
            from eventwire.coding.lexicon import load_lexicon
            from eventwire.geo import load_gazetteer

            load_lexicon()
            load_gazetteer()
        return self

    def process(self, item: RawArticle | Failure) -> Document | Failure:
        """One article in, its document (or why it failed) out."""
        return next(iter(self.process_many([item])))

    def process_many(self, items: Iterable[RawArticle | Failure]
                     ) -> Iterator[Document | Failure]:
        """Documents in input order, parsed ``settings.batch_size`` at a time."""
        self.warm()
        assert self._nlp is not None and self._lexicon is not None
        iterator = iter(items)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from _process_batch(self._nlp, batch, self.settings, self._lexicon)

    def __getstate__(self) -> dict[str, Settings]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Settings]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]


def process(items: Iterable[RawArticle | Failure], settings: Settings | None = None
            ) -> Iterator[Document | Failure]:
    """Turn raw articles into documents, in input order, batch by batch."""
    return Pipeline(settings).process_many(items)


def _process_batch(nlp: Language, batch: list[RawArticle | Failure], settings: Settings,
                   lexicon: ActorLexicon) -> Iterator[Document | Failure]:
    cleaned: list[Article | Failure] = [_too_long(_clean(item), nlp.max_length)
                                        for item in batch]
    articles = [a for a in cleaned if isinstance(a, Article)]
    docs = iter(_parse(nlp, articles, settings.batch_size))
    label = model_label(nlp)
    for item in cleaned:
        if isinstance(item, Failure):
            yield item
            continue
        doc = next(docs)
        if isinstance(doc, Failure):
            yield doc
            continue
        if item.published is None:
            log.warning("%s: no publication date: relative times ('last week') stay "
                        "unresolved and events are dated only by the text", item.source)
        try:
            document = analyse(item, doc, label, lexicon, settings.min_confidence,
                               settings.time_budget)
            log.info("%s: parsed %d tokens; %d actors, %d events, %d quotes, %d times, "
                     "%d places, %d figures", item.source, len(doc), len(document.actors),
                     len(document.events), len(document.quotes), len(document.times),
                     len(document.places), len(document.figures))
            yield document
        except OverBudget as exc:
            log.warning("%s: %s", item.source, exc)
            yield Failure(item.source, str(exc), stage="extract")
        except Exception as exc:  # one bad article must not sink the batch
            log.warning("extraction failed on %s: %r", item.source, exc)
            yield Failure(item.source, f"extraction failed ({exc!r})", stage="extract")


def _budget(seconds: float) -> Callable[[str], None]:
    """A check, called after each stage, that raises once ``seconds`` have passed."""
    deadline = time.monotonic() + seconds

    def check(stage: str) -> None:
        if time.monotonic() > deadline:
            raise OverBudget(f"extraction took more than the {seconds:g}-second budget per "
                             f"article (over at the {stage} stage)")

    return check


#: Publication years that relative times ("a century ago", "next decade") can be counted from
#: without leaving the calendar that Python's dates cover (years 1 to 9999).
FIRST_YEAR, LAST_YEAR = 100, 9899


def _too_long(item: Article | Failure, limit: int) -> Article | Failure:
    """An article over the parser's length limit fails alone, not its whole batch."""
    if isinstance(item, Article) and len(item.text) > limit:
        return Failure(item.source, f"the article is {len(item.text):,} characters, over the "
                       f"parser's limit of {limit:,}", stage="parse")
    return item


def _parse(nlp: Language, articles: list[Article], batch_size: int) -> list[Doc | Failure]:
    """The parses of a batch; when the batch fails, each article is parsed alone so that only
    the one that fails is lost."""
    try:
        return list(parse_texts(nlp, (a.text for a in articles), batch_size))
    except Exception:  # one bad article (spaCy raises several kinds) must not sink the batch
        out: list[Doc | Failure] = []
        for article in articles:
            try:
                out.append(nlp(article.text))
            except Exception as exc:
                log.warning("parsing failed on %s: %r", article.source, exc)
                out.append(Failure(article.source, f"parsing failed ({exc!r})", stage="parse"))
        return out


def _clean(item: RawArticle | Failure) -> Article | Failure:
    if isinstance(item, Failure):
        if item.stage == "skip":
            log.info("%s: skipped (%s)", item.source, item.reason)
        return item
    try:
        article = clean_article(item)
    except Exception as exc:  # a cleaning bug on one input is reported, not raised
        log.warning("cleaning failed on %s: %r", item.source, exc)
        return Failure(item.source, f"cleaning failed ({exc!r})", stage="clean")
    if not article.text:
        return Failure(item.source, "no article text left after removing boilerplate",
                       stage="clean")
    if article.published and not FIRST_YEAR <= article.published.year <= LAST_YEAR:
        return Failure(item.source, f"publication date {article.published} is outside the "
                       f"years {FIRST_YEAR}-{LAST_YEAR} that times in the text can be "
                       "resolved against", stage="clean")
    log.info("%s: read as %s, %d characters; removed %d boilerplate lines%s", item.source,
             item.input_format, len(article.text), len(article.removed),
             f"; dateline {article.dateline}" if article.dateline else "")
    return article


def analyse(article: Article, doc: Doc, model: str, lexicon: ActorLexicon | None = None,
            min_confidence: float = 0.0, time_budget: float | None = None) -> Document:
    """Everything eventwire extracts from one parsed article (events of at least
    ``min_confidence``); past ``time_budget`` seconds, :class:`OverBudget` is raised after
    the stage that ran over."""
    check = _budget(time_budget) if time_budget else None
    found = extract_sections(doc, article, lexicon, check)
    events = tuple(e for e in code_events(doc, article, found) if e.confidence >= min_confidence)
    if check is not None:
        check("events")
    actors = found.actor_index.actors
    return Document(
        article=article,
        actors=tuple(a if a.code else replace(a, coded=False) for a in actors),
        events=events,
        quotes=found.quotes,
        attributions=found.attributions,
        times=found.times,
        figures=found.figures,
        places=found.places,
        meta={"model": model, "eventwire": __version__},
    )
