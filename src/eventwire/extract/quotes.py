"""Quotations: words a source is reported to have said verbatim, with their speaker.

The approach is that of rule-based quotation extractors such as textacy's
``direct_quotations`` and Pouliquen, Steinberger & Best, "Automatic detection of quotations in
multilingual news" (2007), read through the attribution model of Pareti (2015): a quotation is
an attribution whose content is, in whole or in part, between quotation marks.

1. Quotation marks are paired (:func:`~eventwire.extract.cues.quoted_spans`).
2. Passages are joined when an attribution interrupts them ("“We will not leave,” she said,
   “until they listen.”") or when a quotation goes on in the next paragraph.
3. The cue is the reporting verb that governs the quoted words in the dependency tree, else the
   nearest one in the same sentences, else the cue of a sentence ending in a colon just before.
   Its source, named by :class:`~eventwire.extract.attributions.SourceResolver`, is the speaker.
4. A passage with no cue is given the name after a closing dash (“...” ― Jane Roe), else the
   person the sentence before it is about, else the speaker of the quotation just before it,
   if that one is close. Otherwise it is a title, a nickname or scare quotes, and is not
   reported; so are quoted titles of shows and works and nicknames inside names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from eventwire.extract.attributions import (
    SourceResolver,
    cue_lemma,
    cue_source,
    is_cue,
    source_span,
    verb_subject,
)
from eventwire.extract.cues import PERSON_PRONOUNS, QuotedSpan, inside_quotes, quoted_spans
from eventwire.parse import doc_text, token_starts
from eventwire.records import Quote, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["direct", "partial"]

# Punctuation that ends the quoted words of a passage an attribution interrupts, and that
# ends the attribution before the passage resumes.
_HANDOVER_END = frozenset(",?!…—-:")
_RESUME_END = frozenset(",.:;—")
_SENTENCE_START = frozenset(".!?:;…\n")
_FINAL = frozenset(".!?…—-")
# Words before a quoted title that make it the name of a show, paper or work, not speech
# ("MSNBC's “Morning Joe”", "an episode of “...”", "said on “...”").
_TITLE_INTRODUCERS = frozenset({"'s", "’s", "of", "on", "at", "during"})
_BYLINE = re.compile(r"\s*[―—–-]{1,2}\s*(?=\S.{0,60}$)")
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                          "with", "by", "from", "as", "is", "it"})
_MAX_INTERLUDE_TOKENS = 30
_MAX_CONTINUATION_GAP = 40  # narrative tokens allowed between a quotation and its sequel


class _Speech(NamedTuple):
    """Who said a quotation, and how we know."""

    speaker: str | None
    cue: str | None
    end: int  # where the quotation ends, for the next one to continue from


class _Context(NamedTuple):
    """What every step over one document needs."""

    doc: Doc
    starts: list[int]  # token offsets, for offset -> token lookups
    inside: list[bool]  # whether each token lies within quotation marks


def _token_at(ctx: _Context, offset: int) -> Token:
    """The token that covers (or, in whitespace, precedes) a character offset."""
    return ctx.doc[max(0, bisect.bisect_right(ctx.starts, offset) - 1)]


def _tokens(ctx: _Context, start: int, end: int) -> list[Token]:
    """The tokens that start within ``[start, end)``."""
    first = _token_at(ctx, start)
    out = []
    for token in ctx.doc[first.i :]:
        if token.idx >= end:
            break
        if token.idx >= start:
            out.append(token)
    return out


def _interrupts(ctx: _Context, prev: QuotedSpan, nxt: QuotedSpan) -> bool:
    """Whether ``nxt`` goes on with ``prev``: across a paragraph break, or after an attribution."""
    text = doc_text(ctx.doc)
    between = text[prev.outer_end : nxt.outer_start]
    if not prev.closed:
        return not between.strip()
    if "\n" in between or not between.strip():
        return False
    said = text[prev.start : prev.end].rstrip().rstrip("'’")
    if said[-1:] not in _HANDOVER_END and not between.lstrip().startswith(","):
        return False
    if between.rstrip()[-1:] not in _RESUME_END:
        return False
    if not _ends_sentence(text, nxt):
        return False  # “...,” she said. “Squeezed” workers ...: the second passage is partial
    words = [t for t in _tokens(ctx, prev.outer_end, nxt.outer_start) if not t.is_punct]
    cues = [t for t in words if is_cue(t, strong=True)]
    # One finite cue: "she said", "said Smith". A participle ("adding later,") starts a new
    # attribution of its own.
    return len(words) <= _MAX_INTERLUDE_TOKENS and len(cues) == 1 and cues[0].tag_ != "VBG"


def _ends_sentence(text: str, span: QuotedSpan) -> bool:
    """Whether the passage ends its sentence: final punctuation inside, or nothing after."""
    if not span.closed or text[span.start : span.end].rstrip()[-1:] in _FINAL:
        return True
    rest = text[span.outer_end : span.outer_end + 80].split("\n", 1)[0].strip()
    return not rest or rest[0] in _FINAL or rest[0] == ","


def _group(ctx: _Context, spans: Sequence[QuotedSpan]) -> list[list[QuotedSpan]]:
    """Quoted passages gathered into quotations (one pass, each joined to the one before)."""
    groups: list[list[QuotedSpan]] = []
    for span in spans:
        if groups and _interrupts(ctx, groups[-1][-1], span):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph(s) around ``[start, end)``."""
    para_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if para_end < 0 else para_end


def _governing_cues(ctx: _Context, group: Sequence[QuotedSpan]) -> dict[int, int]:
    """Cues on the dependency path above the quoted words, by token index -> steps up."""
    found: dict[int, int] = {}
    for span in group:
        for token in _tokens(ctx, span.start, span.end):
            head = token.head
            if token.is_punct or span.start <= head.idx < span.end:
                continue  # punctuation hangs from anything; only words show what governs
            for steps in range(1, 30):
                if not ctx.inside[head.i] and is_cue(head):
                    found[head.i] = min(found.get(head.i, steps), steps)
                if head.head.i == head.i:
                    break
                head = head.head
    return found


def _frame_cue(ctx: _Context, group: Sequence[QuotedSpan]) -> Token | None:
    """The cue of a quotation among the words around it in its own sentences and paragraph.

    Governing cues beat nearby ones, and saying verbs beat stance verbs ("think", "expect").
    """
    text = doc_text(ctx.doc)
    lo, hi = _paragraph(text, group[0].outer_start, group[-1].outer_end)
    first, last = _token_at(ctx, group[0].start), _token_at(ctx, max(group[-1].end - 1, 0))
    start, end = max(first.sent.start_char, lo), min(last.sent.end_char, hi)
    governing = _governing_cues(ctx, group)

    def rank(token: Token) -> tuple[bool, bool, int]:
        distance = min(min(abs(token.idx - s.outer_start), abs(token.idx - s.outer_end))
                       for s in group)
        steps = governing.get(token.i)
        # The outermost governing cue wins: in "Smith said Jones called it “a sham”", the
        # article relies on Smith, as nested attributions are read in PARC (Pareti 2015).
        return (not is_cue(token, strong=True), steps is None,
                -steps if steps is not None else distance)

    candidates = [t for t in _tokens(ctx, start, end) if not ctx.inside[t.i] and is_cue(t)]
    return min(candidates, key=rank, default=None)


def _colon_cue(ctx: _Context, group: Sequence[QuotedSpan]) -> Token | None:
    """The cue of a sentence that introduces the quotation with a colon ("Smith added:")."""
    text = doc_text(ctx.doc)
    before = text[: group[0].outer_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = _token_at(ctx, len(before) - 1)
    cues = [t for t in colon.sent if t.i < colon.i and not ctx.inside[t.i] and is_cue(t)]
    return cues[-1] if cues else None


def _kind(text: str, group: Sequence[QuotedSpan]) -> Kind:
    """Direct when the passage starts a sentence or follows "said," / a colon, else partial."""
    before = text[: group[0].outer_start].rstrip(" \t")
    prev = before[-1:] or "\n"
    first = text[group[0].start : group[0].end].lstrip()[:1]
    if prev in _SENTENCE_START or prev in "”\"'" or (prev == "," and first.isupper()):
        return "direct"
    return "partial"


def _continues(ctx: _Context, group: Sequence[QuotedSpan], previous: _Speech | None) -> bool:
    """Whether an unattributed passage carries on the speech of the quotation before it."""
    if previous is None or previous.speaker is None:
        return False
    text = doc_text(ctx.doc)
    start = group[0].outer_start
    if text.count("\n", previous.end, start) > 2:
        return False
    gap = [t for t in _tokens(ctx, previous.end, start) if not t.is_punct and not ctx.inside[t.i]]
    return len(gap) <= _MAX_CONTINUATION_GAP


def _adjacent_source(ctx: _Context, cue: Token) -> Token | None:
    """A speaker beside the cue, when the parser put the cue's subject inside the quotation.

    "..., said Jane Roe" names the speaker right after the cue; otherwise the nearest name
    (people before organisations before other nouns) in the few words before it.
    """
    doc = ctx.doc
    for token in doc[cue.i + 1 : cue.i + 4]:
        if ctx.inside[token.i] or token.is_punct:
            break
        if token.ent_type_ in {"PERSON", "ORG"} or (token.pos_ == "PROPN" and not token.ent_type_):
            return token
    best: tuple[int, int, Token] | None = None
    for token in reversed(doc[max(cue.i - 12, 0) : cue.i]):
        if ctx.inside[token.i] or token.text in {".", "!", "?"}:
            break
        rank = 0 if token.ent_type_ == "PERSON" else 1 if token.ent_type_ else 2
        if token.ent_type_ in {"DATE", "TIME"} or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if best is None or rank < best[0]:
            best = (rank, cue.i - token.i, token)
    return best[2] if best is not None else None


def _byline_source(ctx: _Context, group: Sequence[QuotedSpan]) -> Token | None:
    """The name after a dash that closes a quotation's line, as under an epigraph or in a
    vox pop: “We need change.” ― Jane Roe, 34."""
    end = group[-1].outer_end
    line = doc_text(ctx.doc)[end:].split("\n", 1)[0]
    match = _BYLINE.match(line)
    if match is None:
        return None
    for token in _tokens(ctx, end + match.end(), end + len(line)):
        if token.ent_type_ in {"PERSON", "ORG"} or token.pos_ == "PROPN":
            return token
    return None


def _narrative_subject(ctx: _Context, group: Sequence[QuotedSpan]) -> Token | None:
    """The person the sentence just before an unattributed quotation is about.

    News introduces a speaker and then quotes them: "Smith visited the site on Monday.
    “It was heartbreaking.”" Only a subject that names or refers to a person counts.
    """
    text = doc_text(ctx.doc)
    before = text[: group[0].outer_start].rstrip(" ")
    if not before or before[-1] not in ".!?":
        return None
    sent = _token_at(ctx, len(before) - 1).sent
    if ctx.inside[sent.root.i]:
        return None
    subject = verb_subject(sent.root)
    if subject is None or ctx.inside[subject.i]:
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_PRONOUNS:
        return subject
    return None


def _neighbours(ctx: _Context, span: QuotedSpan) -> tuple[Token | None, Token | None]:
    """The words just before the opening mark and just after the closing one."""
    i = bisect.bisect_left(ctx.starts, span.outer_start) - 1
    j = bisect.bisect_left(ctx.starts, span.outer_end)
    before = ctx.doc[i] if i >= 0 else None
    after = ctx.doc[j] if j < len(ctx.doc) else None
    return before, after


def _is_name(ctx: _Context, group: Sequence[QuotedSpan]) -> bool:
    """Whether a quoted passage names a show, a work or a person instead of quoting speech.

    Title-case words after a possessive or "on"/"of" ("MSNBC's “Morning Joe”"), in front of
    the noun they name ("a “Town Hall” forum"), or inside a name (Jane “JJ” Roe).
    """
    if len(group) > 1:
        return False
    words = doc_text(ctx.doc)[group[0].start : group[0].end].strip().rstrip(",.").split()
    if not words or len(words) > 8 or not all(w[:1].isupper() or not w[:1].isalpha()
                                               or w in _MINOR_WORDS for w in words):
        return False
    before, after = _neighbours(ctx, group[0])
    if before is not None and after is not None and before.pos_ == "PROPN" and after.is_title:
        return True
    if after is not None and after.pos_ == "NOUN" and after.text.islower():
        return True
    return before is not None and before.lower_ in _TITLE_INTRODUCERS


def _speech(
    ctx: _Context, group: Sequence[QuotedSpan], resolver: SourceResolver, previous: _Speech | None
) -> _Speech | None:
    """Who said a quotation: through its cue, a byline, the sentence before it or the
    quotation before it; None when nothing attributes it."""
    end = group[-1].outer_end
    if _is_name(ctx, group):
        return None
    cue = _frame_cue(ctx, group) or _colon_cue(ctx, group)
    if cue is None:
        named = _byline_source(ctx, group) or _narrative_subject(ctx, group)
        if named is not None and (speaker := resolver.resolve(named)) is not None:
            return _Speech(speaker, None, end)
        if previous is not None and _kind(doc_text(ctx.doc), group) == "direct" and _continues(
            ctx, group, previous
        ):
            return _Speech(previous.speaker, previous.cue, end)
        return None
    source = cue_source(cue)
    if source is None or any(ctx.inside[t.i] for t in source_span(source)):
        source = _adjacent_source(ctx, cue)
    speaker = resolver.resolve(source) if source is not None else None
    if speaker is not None and source is not None:
        resolver.remember(source.idx, speaker)
    return _Speech(speaker, cue_lemma(cue), end)


def _quoted_text(text: str, group: Sequence[QuotedSpan]) -> str:
    """The quoted words, parts joined, without the comma or period that closes a part."""
    parts = [text[s.start : s.end].strip().rstrip(",.").strip() for s in group]
    return " ".join(p for p in parts if p)


def find_quotes(doc: Doc, article_id: str, *, full_names: bool = True) -> list[Quote]:
    """Direct and partial quotations in ``doc``, each with its speaker and cue.

    A quotation split by its attribution is one record whose text joins the parts; its
    ``start``/``end`` run from the first quoted word to the last. ``full_names`` names a
    person speaker by the fullest form the article gave before ("Li Qiang" for "Li", "Ann
    Roe" for "Ms. Roe"); turn it off to keep the form used at the cue.
    """
    text = doc_text(doc)
    spans = quoted_spans(text)
    if not spans:
        return []
    starts = token_starts(doc)
    ctx = _Context(doc, starts, inside_quotes(starts, spans))
    resolver = SourceResolver(doc, spans, full_names=full_names)
    quotes: list[Quote] = []
    previous: _Speech | None = None
    for group in _group(ctx, spans):
        speech = _speech(ctx, group, resolver, previous)
        kind = _kind(text, group)
        if speech is None or (speech.speaker is None and kind == "partial"):
            continue  # a fragment nobody is said to have said is a scare quote or a title
        previous = speech
        start, end = group[0].start, group[-1].end
        quotes.append(
            Quote(
                id=content_id(article_id, "quote", start, end),
                text=_quoted_text(text, group),
                start=start,
                end=end,
                speaker=speech.speaker,
                kind=kind,
                cue=speech.cue,
            )
        )
    return quotes
