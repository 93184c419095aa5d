"""Stage 4, extract: actors, places, times, quotations, attributions and figures.

Each extractor is a plain function over a parsed spaCy ``Doc`` whose text is the cleaned
``Article.text``, so token offsets (``token.idx``) are offsets into the article. Extractors
return records from :mod:`eventwire.records`; spaCy objects never leave this package and
:mod:`eventwire.coding`. :func:`extract_sections` runs them in order, each seeing what the
earlier ones found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.actor_lexicon import ActorLexicon
from eventwire.extract.actors import ActorIndex, find_actors
from eventwire.extract.attributions import find_attributions
from eventwire.extract.figures import find_figures
from eventwire.extract.places import find_places
from eventwire.extract.quotes import find_quotes
from eventwire.extract.times import find_times
from eventwire.records import Article, Attribution, Figure, Place, Quote, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorIndex", "Sections", "extract_sections"]


@dataclass(frozen=True, slots=True)
class Sections:
    """What the extractors found in one article; ``actor_index`` maps tokens to actors."""

    actor_index: ActorIndex
    places: tuple[Place, ...]
    times: tuple[TimeExpression, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    figures: tuple[Figure, ...]


def extract_sections(doc: Doc, article: Article, lexicon: ActorLexicon | None = None,
                     check: Callable[[str], None] | None = None) -> Sections:
    """Run every extractor over one parsed article (``lexicon``: the actor lexicon with the
    user's dictionaries, else the bundled one); ``check(stage)`` is called after each stage
    (the pipeline's time budget raises there)."""
    done = check or (lambda stage: None)
    aid = article.id
    actors = find_actors(doc, aid, lexicon, dateline=article.dateline, day=article.published)
    done("actors")
    times = tuple(find_times(doc, article.published, aid))
    done("times")
    quotes = tuple(_speaker_codes(q, doc, actors) for q in find_quotes(doc, aid))
    done("quotes")
    attributions = tuple(_source_codes(a, doc, actors) for a in find_attributions(doc, aid))
    done("attributions")
    places = tuple(find_places(doc, aid, article.dateline))
    done("places")
    figures = tuple(find_figures(doc, aid, times))
    done("figures")
    return Sections(actor_index=actors, places=places, times=times, quotes=quotes,
                    attributions=attributions, figures=figures)


def _actor_for_chars(doc: Doc, actors: ActorIndex, start: int | None, end: int | None
                     ) -> str | None:
    if start is None or end is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    found = actors.actor_in(span) if span is not None and len(span) else None
    return found.id if found else None


def _speaker_codes(quote: Quote, doc: Doc, actors: ActorIndex) -> Quote:
    """Give a quote's speaker its actor id, canonical name and code."""
    span = getattr(quote, "speaker_span", None)
    actor_id = _actor_for_chars(doc, actors, span.start, span.end) if span else None
    if actor_id is None and quote.speaker:
        actor_id = _actor_by_name(actors, quote.speaker)
    if actor_id is None:
        return quote
    actor = actors.by_id[actor_id]
    return replace(quote, speaker=actor.name, speaker_id=actor.id, speaker_code=actor.code)


def _source_codes(attribution: Attribution, doc: Doc, actors: ActorIndex) -> Attribution:
    actor_id = _actor_for_chars(doc, actors, attribution.start, attribution.end)
    if actor_id is None:
        actor_id = _actor_by_name(actors, attribution.source)
    if actor_id is None:
        return attribution
    actor = actors.by_id[actor_id]
    return replace(attribution, source_id=actor.id, code=actor.code)


def _actor_by_name(actors: ActorIndex, name: str) -> str | None:
    wanted = name.casefold()
    for actor in actors.actors:
        names = [actor.name.casefold(), *(m.text.casefold() for m in actor.mentions)]
        if wanted in names or any(wanted.endswith(n) for n in names if len(n) > 3):
            return actor.id
    return None
