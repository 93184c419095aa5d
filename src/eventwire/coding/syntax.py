"""Small questions about the dependency parse that the event stage asks again and again:
who is the subject of a verb, which noun is a light verb's event, is a token in the same
phrase as another, behind a background preposition ("amid"), the first of its conjuncts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.coding.lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp"})
RELATIVE = frozenset({"which", "that", "who", "whom"})


def event_object(verb: Token, pattern: Pattern) -> Token | None:
    """The noun that a light-verb pattern needs: "hold [talks]", "slapped with [sanctions]",
    "gave 5 million dollars of [aid]"; or the verb it governs: "declined [to comment]"."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr"}:
            if _named(child, pattern.objects):
                return child
            for part in child.children:
                if part.dep_ in {"compound", "nummod", "quantmod"} and \
                        _named(part, pattern.objects):
                    return child
                if part.dep_ == "prep" and part.lower_ in {"of", "in"}:
                    inner = next((o for o in part.children if o.dep_ == "pobj"), None)
                    if inner is not None and _named(inner, pattern.objects):
                        return inner
        if child.dep_ == "prep" and child.lower_ in {"with", "in", "on"}:
            for obj in child.children:  # "slapped with sanctions", "went on strike"
                if obj.dep_ == "pobj" and _named(obj, pattern.objects):
                    return obj
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"} and \
                _named(child, pattern.objects):
            return child  # "declined [to comment]": the act declined
    return None


def _named(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


#: Texts that act through a participle: "a statement condemning", "a letter urging".
STATEMENT_NOUNS = frozenset({"statement", "declaration", "communique", "letter", "resolution",
                             "message", "note", "announcement", "editorial", "motion"})


def issuer_of(text: Token) -> Token | None:
    """Who issued a statement noun: its possessor ("the ministry's statement") or the
    subject of the verb that has it as object ("the ministry issued a statement")."""
    owner = next((c for c in text.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if text.dep_ in {"dobj", "nsubjpass"} and text.head.pos_ in {"VERB", "AUX"}:
        return subject_of(text.head)[0]
    return None


#: Participles that, after "be", say what the subject itself does or holds, not what is done
#: to it: "Israel is opposed to the plan" opposes it.
STATIVE = frozenset({"oppose"})


def stative(verb: Token) -> bool:
    """"is opposed to X": a stative participle with its "to" phrase, active in meaning."""
    return verb.lemma_.lower() in STATIVE and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, inherited through control and coordination; and whether the
    verb is passive."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) and \
        not stative(verb)
    seen = 0
    while seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                    return verb.head, passive
                # an inherited passive subject ("X is set to meet") is the doer of the xcomp
                return child, passive
        if verb.dep_ == "relcl":
            return verb.head, passive
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and \
                verb.head.lemma_.lower() in STATEMENT_NOUNS:
            # "issued a statement condemning the raid": whoever issued it condemns
            return issuer_of(verb.head), passive
        if verb.dep_ == "pcomp" and verb.head.lower_ in {"of", "for"}:
            # "accused Russian troops of shelling": the accused did the shelling
            governor = verb.head.head
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, passive
        if verb.dep_ == "acomp" and stative(verb) and verb.head != verb:
            verb = verb.head  # "the government is opposed to X", parsed as a predicate
            continue
        if verb.dep_ in INHERIT and verb.head.pos_ in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
            continue
        return None, passive
    return None, False


PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around",
                          "throughout", "within"})
_BACKGROUND = frozenset({"amid", "since", "after", "before", "following", "despite", "during"})


def in_background(token: Token, head: Token) -> bool:
    """Whether the path from token up to head passes a background preposition ("amid")."""
    current = token
    while current != head and current.head != current:
        if current.dep_ == "prep" and current.lower_ in _BACKGROUND:
            return True
        current = current.head
    return False


def from_origin(token: Token, head: Token) -> bool:
    """Whether the path from token up to head passes "from": where an act starts ("fired
    from near the capital", "rockets launched from the south") is not whom it aims at."""
    current = token
    while current != head and current.head != current:
        if current.dep_ == "prep" and current.lower_ == "from":
            return True
        current = current.head
    return False


def same_phrase(token: Token, head: Token) -> bool:
    """Whether a token belongs to the head's own phrase (or to a verb it controls: "agreed
    to set up a centre in Tokyo"), not to a clause inside it."""
    current = token
    while current != head and current.head != current:
        current = current.head
        if current != head and current.pos_ in {"VERB", "AUX"} and current.dep_ != "xcomp":
            return False
    return current == head


def first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


#: Verbs whose "in" phrase names what their subject does ("engaged in", "took part in").
PARTICIPATION_VERBS = frozenset({"engage", "involve", "participate", "part", "join"})


def participation_verb(noun: Token) -> Token | None:
    """The verb of "X engaged in [ethnic cleansing] against Y", whose phrases are the
    event's own."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and \
            head.head.lemma_.lower() in PARTICIPATION_VERBS:
        return head.head
    return None
