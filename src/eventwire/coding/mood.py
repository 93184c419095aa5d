"""Mood: did the event happen (``actual``), is it announced (``future``), meant
(``intended``), claimed by someone (``alleged``), denied or not done (``negated``), or only
possible (``hypothetical``)?

The mood comes from the clause that holds the trigger (for a noun, the verb that governs
it) and the verbs above it: auxiliaries ("will", "would"), negation, and governing verbs
("is set to", "plans to", "refused to", "have alleged", "accused ... of").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Mood

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
NEGATION = frozenset({"not", "n't", "never", "no"})
FUTURE_HEADS = frozenset({"plan", "expect", "set", "schedule", "prepare", "prepared", "due",
                          "propose", "go", "agree", "pledge", "promise", "vow", "offer",
                          "decide", "ready", "willing", "likely", "poised", "about",
                          "threaten"})  # "threatened to cut off power": not done yet
#: Reporting verbs: "said it would allow" is the backshifted "will allow".
REPORTING = frozenset({"say", "tell", "announce", "state", "add", "report", "claim",
                       "declare", "indicate", "insist", "write", "note", "confirm"})
INTENDED_HEADS = frozenset({"aim", "intend", "seek", "want", "hope", "wish", "strive",
                            "design"})  # "tried to hack" is an act: an attempt happened
#: Verbs and nouns that ask for an act: what they govern has not happened ("demanded that
#: Israel ease restrictions"); the demand is the event, its content is not coded apart.
DIRECTIVE_HEADS = frozenset({"demand", "urge", "call", "ask", "appeal", "request", "press",
                             "insist", "require", "order", "want", "need", "plead", "beg",
                             "petition", "encourage", "push", "lobby",
                             "threaten"})  # the threat is the event, not what it threatens
NEGATING_HEADS = frozenset({"refuse", "decline", "fail", "reject", "deny", "rule", "avoid"})
ALLEGING_HEADS = frozenset({"allege", "accuse", "claim", "charge", "suspect", "blame"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def clause_verb(token: Token) -> Token:
    """The verb whose clause holds a token (the token itself when it is a verb)."""
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


#: A noun in these adjuncts names an event the sentence takes for granted ("during a trip").
PRESUPPOSING = frozenset({"during", "throughout", "on"})


def detect_mood(trigger: Token) -> Mood:
    """The mood of the event a trigger names."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in PRESUPPOSING:
        return "actual"
    verb = clause_verb(trigger)
    own = _own_mood(verb)
    if own is not None:
        return own
    current = verb
    for _ in range(4):
        if current.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "prep", "conj"} or \
                current.head == current:
            break
        coordinated = current.dep_ == "conj"
        current = current.head
        if current.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        # "will meet X and hold talks": a coordinated verb shares its head's auxiliaries
        found = _own_mood(current) if coordinated else _governing_mood(current)
        if found is not None:
            return found
    return "actual"


def is_conditioned(trigger: Token) -> bool:
    """Whether the trigger's clause is made to depend on another's act ("will halt aid if
    the junta delays the vote", "will boycott unless the president resigns")."""
    verb = clause_verb(trigger)
    return any(c.dep_ == "advcl" and _marked(c, {"if", "unless"}) for c in verb.children)


def is_condition(trigger: Token) -> bool:
    """Whether the trigger's clause is the condition of another ("will boycott unless the
    president resigns": the resigning) or a question ("asked whether X would act"): no
    event, whatever the mood of the clause it hangs on."""
    verb = clause_verb(trigger)
    return verb.dep_ in {"advcl", "ccomp"} and _marked(verb, CONDITIONAL_MARKS)


REFUSING_HEADS = frozenset({"refuse", "decline", "reject", "fail", "oppose"})


def is_refused(trigger: Token) -> bool:
    """Whether the trigger is what someone refused, declined or failed to do."""
    current = clause_verb(trigger)
    for _ in range(3):
        if current.dep_ not in {"xcomp", "ccomp", "pcomp", "prep", "pobj"} or \
                current.head == current:
            return False
        current = current.head
        if current.lemma_.lower() in REFUSING_HEADS:
            return True
    return False


#: Texts whose relative clause says what they would do: "a resolution that aims to impose
#: a blockade" proposes the blockade; no one has imposed or threatened it.
PROPOSALS = frozenset({"resolution", "bill", "draft", "proposal", "plan", "motion",
                       "amendment", "initiative", "measure"})


def is_proposed(trigger: Token) -> bool:
    """Whether the trigger is what a proposal would do, not yet done: in a relative clause
    of a proposal noun, and announced, intended or hypothetical rather than actual."""
    if detect_mood(trigger) == "actual":
        return False
    current = clause_verb(trigger)
    for _ in range(3):
        if current.dep_ == "relcl" and current.head.lemma_.lower() in PROPOSALS:
            return True
        if current.dep_ not in {"xcomp", "conj"} or current.head == current:
            return False
        current = current.head
    return False


def is_demanded(trigger: Token) -> bool:
    """Whether the trigger's clause (or, for a noun, the noun itself: "called for sanctions",
    "demanded the removal of") is the content of a demand, order or appeal."""
    if trigger.pos_ == "NOUN":
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if trigger.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in DIRECTIVE_HEADS:
            return True
    verb = clause_verb(trigger)
    if any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGING_HEADS and \
            verb.head.pos_ in {"VERB", "AUX"}:
        return True  # "Turkey has to release them": owed, not done
    current = verb
    for _ in range(3):
        if current.dep_ not in {"ccomp", "xcomp", "acl", "pcomp", "advcl"} or \
                current.head == current or _circumstance(current):
            return False
        current = current.head
        if current.dep_ == "prep":
            current = current.head
        if current.lemma_.lower() in DIRECTIVE_HEADS:
            return True
    return False


#: Subordinators of a clause that tells when, why or on what condition, never what is
#: demanded or threatened: "X threatened Y after Z said ..." does not threaten Z's saying.
CIRCUMSTANCE_MARKS = frozenset({"after", "before", "when", "while", "because", "since", "as",
                                "until", "although", "though", "once", "whereas"}
                               ) | CONDITIONAL_MARKS


def _circumstance(clause: Token) -> bool:
    return clause.dep_ == "advcl" and _marked(clause, CIRCUMSTANCE_MARKS)


def _marked(clause: Token, marks: AbstractSet[str]) -> bool:
    """Whether a clause is introduced by one of ``marks`` ("if", "after", "whether")."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _own_mood(verb: Token) -> Mood | None:
    children = list(verb.children)
    if any(c.dep_ == "neg" or (c.lower_ in NEGATION and c.dep_ in {"advmod", "det"})
           for c in children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return "hypothetical"
    auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if auxes & FUTURE_AUX:
        return "future"
    if "would" in auxes and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING:
        return "future"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and verb.dep_ == "ROOT":
        return "future"  # headline style: "Premier to visit Moscow"
    return None


#: Verbs of exclusion: negated, they leave the act open ("has not ruled out resigning").
EXCLUDING = frozenset({"rule", "exclude"})


def rules_nothing_out(verb: Token) -> bool:
    """"did not rule out", "would not exclude": a possibility, neither a refusal nor a
    denial of what it governs."""
    if verb.lemma_.lower() not in EXCLUDING:
        return False
    if verb.lemma_.lower() == "rule" and not any(c.lower_ == "out" for c in verb.children):
        return False
    return _own_mood(verb) == "negated"


def _governing_mood(head: Token) -> Mood | None:
    lemma = head.lemma_.lower()
    if rules_nothing_out(head):
        return "hypothetical"
    own = _own_mood(head)
    if own == "negated":
        return "negated"
    if lemma in NEGATING_HEADS:
        return "negated"
    if lemma in ALLEGING_HEADS:
        return "alleged"
    if lemma in INTENDED_HEADS:
        return "intended"
    if lemma in FUTURE_HEADS:
        return "future"
    if lemma in OBLIGING_HEADS and head.pos_ in {"VERB", "AUX"}:
        return "hypothetical"  # "Turkey has to release them": owed, not done
    return own


#: Verbs whose infinitive is an act owed or needed ("has to withdraw", "needs to act").
OBLIGING_HEADS = frozenset({"have", "need", "ought"})
