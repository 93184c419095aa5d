"""Lexical cues of attribution: reporting verbs, source nouns and quotation marks.

The verb list follows the reporting-verb classes used for attribution relations (Pareti,
"Attribution: a computational approach", 2015; Krestel, Bergler & Witte, "Minding the
Source", 2008): verbs of saying, of writing and posting, of stance (claim, deny, warn) and of
describing and labelling, which introduce quoted fragments ("called it “a disgrace”").
Everything here is general English; nothing is drawn from any particular corpus.

:func:`quoted_spans` and :func:`inside_quotes` are the only functions: quotation marks are the
surest cue a text has, and both quotations and attributions need to know what lies between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

#: Lemmas of verbs that introduce reported speech, writing or stance.
REPORTING_VERBS = frozenset(
    {
        # saying and telling
        "say", "tell", "add", "state", "declare", "announce", "report", "remark", "comment",
        "mention", "note", "observe", "explain", "describe", "recount", "recall", "relate",
        "reply", "respond", "answer", "ask", "inquire", "retort", "continue", "conclude",
        "repeat", "reiterate", "stress", "emphasize", "emphasise", "underline", "highlight",
        "insist", "maintain", "contend", "argue", "assert", "claim", "allege", "charge",
        "suggest", "propose", "predict", "forecast", "estimate", "speculate", "wonder",
        "acknowledge", "admit", "concede", "confirm", "deny", "disclose", "reveal", "confide",
        "testify", "inform", "brief", "notify", "assure", "reassure", "promise", "pledge", "vow",
        "swear", "threaten", "warn", "caution", "advise", "urge", "demand", "call", "appeal",
        "plead", "beg", "implore", "instruct", "order", "recommend", "agree", "disagree",
        # writing and posting
        "write", "tweet", "post", "blog", "publish", "quote", "cite", "read",
        # manner of speaking
        "shout", "yell", "scream", "cry", "whisper", "murmur", "mutter", "exclaim", "chant",
        "sing", "joke", "quip", "tease", "boast", "brag", "complain", "grumble", "lament",
        "sigh", "snap", "scoff", "laugh",
        # evaluating and labelling (typical hosts of partial quotations)
        "accuse", "blame", "criticize", "criticise", "condemn", "denounce", "decry", "slam",
        "blast", "attack", "mock", "ridicule", "praise", "hail", "welcome", "applaud", "laud",
        "tout", "dismiss", "reject", "rebuke", "dub", "label", "brand", "term", "characterize",
        "characterise", "portray", "refer", "liken", "compare",
        # cognition verbs reported as stance
        "believe", "think", "feel", "fear", "hope", "expect", "know",
    }
)

#: Reporting verbs that, alone, are weak evidence of reported speech ("think", "know",
#: "read"); attributions only accept them with a clausal complement.
WEAK_VERBS = frozenset(
    {"believe", "think", "feel", "fear", "hope", "expect", "know", "read", "continue",
     "welcome", "attack", "publish", "order", "agree", "disagree", "compare", "refer",
     "cry", "laugh", "sigh", "snap", "reject", "post"}
)

#: Inflected forms that are reporting verbs whatever the tagger says (sentence-initial "Said
#: Smith:" is often tagged as a proper noun).
REPORTING_FORMS = frozenset({"said", "says", "told", "tells", "added", "adds", "asked", "wrote"})

#: Nouns that stand for the organisation that speaks through them ("a spokesperson for X").
SPOKESPERSON_NOUNS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen",
     "representative", "mouthpiece"}
)

#: Nouns for people in a role; "the official said" refers back to a source named before.
ROLE_NOUNS = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
     "premier", "chancellor", "senator", "governor", "mayor", "lawmaker", "legislator",
     "congressman", "congresswoman", "leader", "chairman", "chairwoman", "chair", "director",
     "chief", "diplomat", "ambassador", "envoy", "negotiator", "general", "commander",
     "officer", "prosecutor", "judge", "lawyer", "attorney", "analyst", "expert", "economist",
     "witness", "executive", "secretary", "candidate", "nominee", "representative", "adviser",
     "advisor", "aide", "founder", "owner", "professor", "researcher", "scientist", "doctor",
     "activist", "organizer", "organiser", "campaigner", "resident", "victim", "survivor"}
)

#: Third-person singular pronouns, resolved to the most recent person named.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

#: Pronouns that head relative clauses ("Smith, who said ...").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})

#: Titles that precede names and are dropped when linking a surname to a full name.
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sen", "senator", "rep", "gov", "governor",
     "president", "premier", "minister", "secretary", "gen", "general", "col", "lt", "capt",
     "sgt", "adm", "judge", "justice", "rev", "sir", "lord", "lady", "mayor", "chancellor",
     "king", "queen", "prince", "princess", "pope", "chief", "speaker", "leader"}
)

#: Entity labels that name a possible source.
SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})

#: Dependency labels of a verb's subject and of the by-phrase of a passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

#: How a participial or coordinated cue ("..., adding ...", "said and added") reaches the
#: verb whose subject it shares.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "acl"})

_MARK = re.compile(r"``|''|[\"“”„]")
_OPENERS = frozenset({"“", "``", "„"})
_CLOSERS = frozenset({"”", "''"})
_OPEN_CONTEXT = "([{—–-/"


class QuotedSpan(NamedTuple):
    """Characters between a pair of double quotation marks.

    ``start``/``end`` bound the quoted words, ``outer_start``/``outer_end`` include the marks;
    ``closed`` is False when the paragraph ended first (a quotation that goes on in the next
    paragraph, by the newspaper convention of reopening without closing).
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool


def _opens(text: str, i: int, mark: str) -> bool | None:
    """Whether a mark opens (True), closes (False) or cannot tell from its neighbours (None)."""
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace():
        return True
    if after.isspace() or not after.isalnum():
        return False
    return None


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Outermost double-quoted passages, paragraph by paragraph, in text order.

    Curly, straight and corpus-tokenised (````...''``) marks are paired with a stack, so a
    quotation nested in another stays part of it; straight marks are judged by the spaces
    around them, as a reader would.
    """
    spans: list[QuotedSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        stack: list[str] = []
        begin = 0
        for m in _MARK.finditer(text, para.start(), para.end()):
            mark = m.group()
            opening = _opens(text, m.start(), mark)
            if mark == '"' and stack and stack[-1] == '"':
                opening = False  # straight marks do not nest inside each other
            if opening is None:
                opening = not stack
            if opening:
                if not stack:
                    begin = m.end()
                stack.append(mark)
            elif stack:
                opener = stack.pop()
                if not stack:
                    spans.append(QuotedSpan(begin, m.start(), begin - len(opener), m.end(), True))
        if stack:
            width = len(stack[0])
            spans.append(QuotedSpan(begin, para.end(), begin - width, para.end(), False))
    return [s for s in spans if text[s.start : s.end].strip()]


def inside_quotes(offsets: Sequence[int], spans: Sequence[QuotedSpan]) -> list[bool]:
    """For sorted token offsets, whether each lies between quotation marks (marks included).

    One linear merge of the two sorted sequences.
    """
    inside = [False] * len(offsets)
    j = 0
    for i, offset in enumerate(offsets):
        while j < len(spans) and spans[j].outer_end <= offset:
            j += 1
        inside[i] = j < len(spans) and spans[j].outer_start <= offset
    return inside
