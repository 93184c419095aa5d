"""Attributions: claims that a text reports from a source, and who that source is.

An attribution relation links a *source*, a *cue* and a *content* (Pareti, "Attribution: a
computational approach", 2015, after the PARC corpus): "[Tass]source [reported]cue [that the
talks ...]content". Cues are reporting verbs (:data:`~eventwire.extract.cues.REPORTING_VERBS`)
and "according to"; the source is the cue's subject, the agent of a passive or the object of
"according to"; the content is the cue's clausal complement or, for a parenthetical cue
("..., officials said."), the rest of its sentence.

Sources are named as a reader would name them: the organisation behind "a spokesperson for
X", the full name behind a surname, and the most salient person behind "he" or "she"
(recency with a preference for subjects, a light form of Lappin & Leass, "An algorithm for
pronominal anaphora resolution", 1994). The same helpers find the speakers of quotations in
:mod:`eventwire.extract.quotes`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.extract.cues import (
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_FORMS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SHARED_SUBJECT_DEPS,
    SOURCE_LABELS,
    SPOKESPERSON_NOUNS,
    SUBJECT_DEPS,
    TITLES,
    WEAK_VERBS,
    QuotedSpan,
    inside_quotes,
    quoted_spans,
)
from eventwire.parse import doc_text, entities, token_starts, tokens_with, word_forms
from eventwire.records import Attribution, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Left dependents that belong to a noun phrase's name ("Russian state-run news agency Tass").
_NP_LEFT_DEPS = frozenset({"det", "poss", "case", "compound", "amod", "nummod", "nmod", "punct"})
_REPRESENTED_PREPS = frozenset({"for", "of", "at", "from"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NOT_SOURCES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Entity labels the tagger gives proper nouns that are, for a source, most likely a person's
# name ("Mayor Ana Torres" is sometimes a WORK_OF_ART).
_NAMELESS = frozenset({"", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"})
_FORM_LEMMAS = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "added": "add",
                "adds": "add", "asked": "ask", "wrote": "write"}


def is_according(token: Token) -> bool:
    """Whether the token starts "according to"."""
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and \
        token.nbor(1).lower_ == "to"


def is_cue(token: Token, *, strong: bool = False) -> bool:
    """Whether the token is a reporting verb in the active voice, or "according" (to).

    A passive ("is expected to", "was told") reports nothing from its subject, so it is no cue.
    With ``strong``, stance verbs such as "think" or "expect" do not count.
    """
    if is_according(token):
        return True
    lemma = token.lemma_.lower()
    if token.lower_ in REPORTING_FORMS:
        lemma = _FORM_LEMMAS.get(token.lower_, lemma)
    elif lemma not in REPORTING_VERBS or not token.tag_.startswith("VB"):
        return False
    if strong and lemma in WEAK_VERBS:
        return False
    if token.i > 0 and token.nbor(-1).text == "-":
        return False  # "so-called", "self-described": an adjective, and a scare quote's mark
    return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


_CUE_WORDS = frozenset({"according", *REPORTING_FORMS})
_CUE_LEMMAS = word_forms(REPORTING_VERBS)


def _possible_cues(doc: Doc) -> list[Token]:
    """The tokens that may be cues (every one :func:`is_cue` accepts, and a few more), read
    from spaCy's arrays rather than by building every token of the article."""
    by_word = tokens_with(doc, "LOWER", _CUE_WORDS)
    by_lemma = tokens_with(doc, "LEMMA", _CUE_LEMMAS)
    return sorted({t.i: t for t in (*by_word, *by_lemma)}.values(), key=lambda t: t.i)


def cue_lemma(token: Token) -> str:
    """The cue as recorded: the verb's lemma, or "according to"."""
    if is_according(token):
        return "according to"
    return _FORM_LEMMAS.get(token.lower_, token.lemma_.lower())


def verb_subject(verb: Token) -> Token | None:
    """The verb's subject (or passive agent) nearest to it; None if it has none that can speak.

    Subjects across a paragraph break, numbers and times are parser slips ("5:45 p.m." above
    a live-blog entry), so they do not count.
    """
    text, found = doc_text(verb.doc), []
    for child in verb.children:
        if child.dep_ == "agent":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in SUBJECT_DEPS:
            continue
        lo, hi = sorted((child.idx, verb.idx))
        if child.like_num or child.ent_type_ in _NOT_SOURCES or not child.text[:1].isalnum():
            continue
        if "\n" not in text[lo:hi]:
            found.append(child)
    return min(found, key=lambda c: abs(c.i - verb.i), default=None)


def _reported(verb: Token) -> bool:
    """Whether the verb heads the clause that a cue reports."""
    return verb.dep_ == "ccomp" and is_cue(verb.head)


def _can_speak(token: Token) -> bool:
    """Whether a subject can be a source: a name, a personal pronoun or a person noun."""
    if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or token.pos_ == "PROPN":
        return True
    if token.lemma_.lower() in ROLE_NOUNS:
        return True
    return token.pos_ == "PRON" and token.lower_ not in {"it", "this", "that", "which"}


def cue_source(cue: Token) -> Token | None:
    """Head token of the cue's source: its subject, its agent or the object of "according to".

    Participial and coordinated cues ("..., adding that", "said and added") share the subject
    of the verb they hang from, so the search climbs to it.
    """
    if is_according(cue):
        return next((c for c in cue.nbor(1).children if c.dep_ == "pobj"), None)
    verb = cue
    for _ in range(5):
        subject = verb_subject(verb)
        if subject is not None and verb.i != cue.i and _reported(verb) and not _can_speak(subject):
            # "X said the talks would resume, calling them ...": the participle hangs from
            # the reported clause, but talks do not call; the reporter does.
            verb = verb.head
            continue
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head  # "Smith, who said ..."
            return subject
        head = verb.head
        if verb.dep_ == "acl" and (head.pos_ in {"PROPN", "PRON"} or head.ent_type_):
            return head  # "footage of Smith asking ..."
        if verb.dep_ not in SHARED_SUBJECT_DEPS or head.i == verb.i:
            return None
        verb = head
        if verb.dep_ == "prep":
            verb = verb.head  # "responded by saying ...", "despite admitting ..."
        elif verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj"}:
            # "released a statement saying ..." and "in a statement saying ...": the
            # statement's maker is the subject of the verb the statement hangs from.
            verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    return None


def _entity_bounds(token: Token) -> tuple[int, int] | None:
    """Token bounds of the named entity around ``token``, if it names a possible source."""
    if token.ent_type_ not in SOURCE_LABELS:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _represented(head: Token) -> Token | None:
    """The organisation behind "a spokesperson for X" or "a Foreign Ministry spokesman"."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _REPRESENTED_PREPS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    named = [c for c in head.lefts if c.dep_ in {"compound", "poss"} and c.ent_type_]
    return named[-1] if named else None


def source_span(head: Token) -> Span:
    """The most informative name for the source headed by ``head``.

    An entity around the head wins ("Tass" in "state-run news agency Tass"), with a possessor
    in front kept ("China's Foreign Ministry"); otherwise the noun phrase up to the head.
    """
    if head.lemma_.lower() in SPOKESPERSON_NOUNS:
        org = _represented(head)
        if org is not None:
            return source_span(org)
    doc = head.doc
    bounds = _entity_bounds(head)
    if bounds is not None:
        start, end = bounds
        poss = next((c for c in head.lefts if c.dep_ == "poss" and c.i < start), None)
        if poss is not None and poss.ent_type_:
            start = poss.left_edge.i
        elif doc[start].lower_ == "the" and end - start > 1:
            start += 1
        return doc[start:end]
    left = [c for c in head.lefts if c.dep_ in _NP_LEFT_DEPS]
    start = min((c.left_edge.i for c in left), default=head.i)
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start : head.i + 1]


def _core_name(words: Sequence[str]) -> list[str]:
    """A name without leading titles ("Sen. Jane Doe" -> ["Jane", "Doe"])."""
    out = list(words)
    while len(out) > 1 and out[0].lower().rstrip(".") in TITLES:
        out.pop(0)
    return out


class SourceResolver:
    """Names sources: links surnames to full names and resolves pronouns and descriptions.

    State is per document: the person names seen outside quotations, in text order, and the
    sources already named, which later pronouns and descriptions refer back to. With
    ``full_names=False`` a named source keeps the form it has at the cue ("Mr. Haddad").
    """

    def __init__(
        self, doc: Doc, quoted: Sequence[QuotedSpan], *, full_names: bool = True
    ) -> None:
        self._full_names = full_names
        starts = [q.outer_start for q in quoted]
        self._people: list[tuple[int, str, bool]] = []  # (offset, full name, is a subject)
        for ent in entities(doc):
            i = bisect.bisect_right(starts, ent.start_char) - 1
            if ent.label_ != "PERSON" or (i >= 0 and ent.start_char < quoted[i].outer_end):
                continue  # people named inside a quotation are not its speaker
            name = " ".join(_core_name([t.text for t in ent if not t.is_punct or t.text == "."]))
            self._people.append((ent.start_char, name, ent.root.dep_ in SUBJECT_DEPS))
        self._offsets = [p[0] for p in self._people]
        self._named: list[tuple[int, str]] = []

    def remember(self, offset: int, name: str) -> None:
        """Record a named source, for later descriptions ("the official said")."""
        self._named.append((offset, name))

    def full_name(self, name: str, offset: int) -> str:
        """The longest form of a person's name seen before ``offset`` ("Li" -> "Li Qiang")."""
        if not self._full_names:
            return name
        words = _core_name(name.split())
        if len(words) != 1:
            return " ".join(words) if words != name.split() else name
        for i in range(bisect.bisect_left(self._offsets, offset) - 1, -1, -1):
            full = self._people[i][1].split()
            if len(full) > 1 and words[0] in (full[0], full[-1]):
                return self._people[i][1]
        return words[0]

    def _person_before(self, offset: int) -> str | None:
        """The most salient person before ``offset``: the latest subject nearby, else the latest."""
        last = bisect.bisect_left(self._offsets, offset) - 1
        for i in range(last, -1, -1):
            if offset - self._people[i][0] > 600:
                break
            if self._people[i][2]:
                return self.full_name(self._people[i][1], self._people[i][0] + 1)
        if last < 0:
            return None
        return self.full_name(self._people[last][1], self._people[last][0] + 1)

    def resolve(self, head: Token) -> str | None:
        """The name to record for the source headed by ``head``; None if there is none.

        Coordinated names are all kept ("Jane Roe and John Doe").
        """
        name = self._resolve_one(head)
        if name is None:
            return None
        others = [c for c in head.conjuncts if c.i > head.i and c.pos_ == "PROPN"]
        names = [name, *(n for c in others if (n := self._resolve_one(c)) is not None)]
        return " and ".join(names)

    def _resolve_one(self, head: Token) -> str | None:
        lower = head.lower_
        if head.ent_type_ in _NOT_SOURCES or head.like_num:
            return None
        if lower in PERSON_PRONOUNS:
            return self._person_before(head.idx)
        if head.pos_ == "PRON":
            return None if lower in RELATIVE_PRONOUNS else head.text
        span = source_span(head)
        while len(span) > 1 and not span[0].is_alpha:
            span = span[1:]  # stray markup or punctuation the parser folded into the phrase
        root = span.root
        if root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and root.ent_type_ in _NAMELESS):
            return self.full_name(span.text, head.idx)
        if root.ent_type_ or root.pos_ == "PROPN":
            return span.text
        if len(span) == 2 and span[0].lower_ == "the" and root.lemma_ in ROLE_NOUNS and self._named:
            # "the official" refers back to the last named source; a fuller description
            # ("the Vermont senator") says more than a guess would, so it stays.
            return self._named[-1][1]
        return span.text


def _dates_utterance(child: Token) -> bool:
    """Whether a dependent of a cue is its date ("said Monday", "reported on Wednesday")."""
    if child.dep_ == "prep":
        return child.lower_ == "on" and any(c.ent_type_ in _TIME_LABELS for c in child.children)
    return child.ent_type_ in _TIME_LABELS and child.dep_ in {"npadvmod", "tmod", "advmod"}


def _cue_phrase(cue: Token, source: Token) -> tuple[int, int]:
    """Token bounds of the cue phrase: source, verb and date ("Tass reported Wednesday")."""
    if is_according(cue):
        return cue.i, cue.right_edge.i + 1
    tokens = [cue]
    for mod in (c for c in cue.children if _dates_utterance(c)):
        tokens.extend(mod.subtree)
    if source.head.i == cue.i:
        tokens.append(source)
        tokens.extend(c.left_edge for c in source.lefts)
    return min(t.i for t in tokens), max(t.i for t in tokens) + 1


def _parenthetical(cue: Token) -> bool:
    """A cue that ends or interrupts the claim it reports ("..., officials said.")."""
    if cue.dep_ in {"ROOT", "parataxis"}:
        return True
    # The parser often coordinates a trailing "..., Tass reported" with the claim's verb.
    return cue.dep_ == "conj" and cue.head.i < cue.i and cue.left_edge.i > cue.sent.start


def _content_bounds(cue: Token) -> tuple[int, int] | None:
    """Token bounds of the reported claim: the clausal complement, else the rest of the sentence."""
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        return _trimmed(cue.doc, comp.left_edge.i, comp.right_edge.i + 1)
    if is_according(cue):
        own = (cue.left_edge.i, cue.nbor(1).right_edge.i + 1)
    elif cue.lemma_.lower() not in WEAK_VERBS and _parenthetical(cue):
        own = (cue.left_edge.i, cue.right_edge.i + 1)  # "..., officials said."
    else:
        return None
    sent = cue.sent
    before, after = (sent.start, own[0]), (own[1], sent.end)
    best = max(before, after, key=lambda b: b[1] - b[0])
    return _trimmed(cue.doc, *best)


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds without the punctuation and marks at either end; None if too short."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end - start >= 2 else None


def find_attributions(
    doc: Doc, article_id: str, *, full_names: bool = True
) -> list[Attribution]:
    """Every reported claim in ``doc``: its source, cue phrase and the span it covers.

    ``full_names`` names a person source by the fullest form the article gave before
    ("Li Qiang" for "Li"); turn it off to keep the form used at the cue.
    """
    spans = quoted_spans(doc_text(doc))
    inside = inside_quotes(token_starts(doc), spans)
    resolver = SourceResolver(doc, spans, full_names=full_names)
    found: list[Attribution] = []
    for token in _possible_cues(doc):
        if inside[token.i] or not is_cue(token):
            continue  # a cue inside a quotation belongs to the quoted speaker's own story
        content = _content_bounds(token)
        source = cue_source(token)
        if content is None or source is None or inside[source.i]:
            continue
        name = resolver.resolve(source)
        if not name:
            continue
        resolver.remember(source.idx, name)
        start_i, end_i = _cue_phrase(token, source)
        start, end = doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1])
        covers = doc[content[0] : content[1]]
        found.append(
            Attribution(
                id=content_id(article_id, "attribution", start, end),
                source=name,
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                cue=cue_lemma(token),
                covers_start=covers.start_char,
                covers_end=covers.end_char,
            )
        )
    return found
