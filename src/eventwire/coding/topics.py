"""Sentences and stories that are not political news: sport, entertainment, business.

A match "against Ireland" is not a use of force, a film "taking on Hollywood" is no threat
and a company suing a rival is no dispute between states. PETRARCH2 drops such sentences
with a discard list; eventwire does the same with ``data/off-topic.tsv`` (terms that almost
never mean anything political) and a score pattern ("beat Ghana 3-1"). An article whose
title has such a term, or many of whose sentences do, is not coded at all.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from eventwire.parse import doc_text
from eventwire.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: "beat Ghana 3-1", "a 2-2 draw": a score next to a result word. The patterns here are
#: matched against lower-cased text: Python's ``re`` scans alternatives case-sensitively
#: about four times faster than with IGNORECASE.
_SCORE = re.compile(r"\b(?:beat|beats|defeat|defeated|defeats|won|win|wins|lost|lose|drew|"
                    r"draw|victory|thrashed|edged)\b[^.]{0,40}?\b\d{1,2}-\d{1,2}\b"
                    r"|\b\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|draw|loss|lead)\b")
#: Share of an article's sentences that, off topic, make the whole article off topic.
STORY_SHARE = 0.25


@functools.lru_cache(maxsize=1)
def _terms() -> re.Pattern[str]:
    words = sorted((row["term"].lower() for row in read_tsv("off-topic.tsv")), key=len,
                   reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def off_topic(text: str) -> bool:
    """Whether a sentence or title is about sport, entertainment or business."""
    lowered = text.lower()
    return bool(_terms().search(lowered) or _SCORE.search(lowered))


def off_topic_sentences(doc: Doc, title: str | None = None) -> set[int]:
    """The start tokens of the sentences not to code; every sentence when the story itself
    is off topic (its title, or at least two sentences and a quarter of them)."""
    sentences: list[Span] = list(doc.sents)
    text = doc_text(doc)
    flagged = {s.start for s in sentences if off_topic(text[s.start_char : s.end_char])}
    whole = (title is not None and off_topic(title)) or (
        len(flagged) >= 2 and len(flagged) >= STORY_SHARE * len(sentences))
    return {s.start for s in sentences} if whole else flagged
