"""Event detection over the dependency parse: triggers, their pattern, source and target.

A trigger is a verb or noun whose lemma the lexicon knows. The source is the subject (the
"by" agent of a passive; for a noun, its possessor, a "by"/"from" phrase, a nationality
adjective, or the subject of the verb it is the object of); the target is the object (the
subject of a passive) or the object of one of the pattern's prepositions. Subjects are
inherited through control and coordination ("X is set to meet", "X will meet A and hold
talks with B"). Conjoined actors give one event each ("Western leaders and Kyiv").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.coding.lexicon import Lexicon, Pattern
from eventwire.coding.participants import (
    Participant,
    Participants,
    domestic,
    undergoing_verb,
)
from eventwire.coding.syntax import (
    SUBJECTS,
    event_object,
    participation_verb,
    same_phrase,
    subject_of,
)
from eventwire.extract.actors import ActorIndex
from eventwire.parse import column, positions_with, tokens_with, word_forms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Detection", "Participant", "candidates", "choose_pattern", "detect", "subject_of"]

#: "X said that Y must ...": a demand (CAMEO 100) made by reporting an obligation; "X said
#: Y needs to ...": an appeal (020), which states a need rather than a duty.
DEMAND_BY_OBLIGATION = Pattern(code="100", pos="VERB", lemma="", origin="construction")
APPEAL_BY_NEED = Pattern(code="020", pos="VERB", lemma="", origin="construction")
_OBLIGATION_CUES = frozenset({"say", "state", "announce", "insist", "declare", "conclude",
                              "stress", "tell", "warn", "reiterate", "add", "write",
                              "remind"})
_OBLIGATION_FORMS = word_forms(_OBLIGATION_CUES)


@dataclass(frozen=True, slots=True)
class Detection:
    pattern: Pattern
    trigger: Token
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    #: the act judged, where the target is whoever did it ("condemned the attack")
    about: Token | None = None


_TRIGGER_POS = ("VERB", "AUX", "NOUN")


def detect(sent: Span, lexicon: Lexicon, actors: ActorIndex,
           place_codes: dict[int, str]) -> Iterator[Detection]:
    """Every trigger of a sentence with its best pattern and participants."""
    consumed: set[int] = set()
    for token in _triggers(sent, lexicon):
        if token.i in consumed:
            continue
        pattern = choose_pattern(token, candidates(token, lexicon))
        if pattern is None:
            continue
        finder = Participants(actors, place_codes)
        if pattern.pos == "VERB":
            sources, targets, used = finder.of_verb(token, pattern)
            consumed.update(used)
            # "suspended talks", "condemned the attack": the object noun is what this
            # verb is about, not a second event
            consumed.update(c.i for c in token.children if c.dep_ in {"dobj", "nsubjpass"})
            if pattern.objects and (act := event_object(token, pattern)) is not None:
                consumed.add(act.i)  # "declined to comment on X" is no comment on X
        else:
            sources, targets = finder.of_noun(token, pattern)
        if pattern.reciprocal and len(sources) >= 2 and not targets:
            # "Libya and Bulgaria signed a treaty": each signed with the other
            first, second = sources[0], sources[1]
            yield Detection(pattern, token, (second,), (first,))
            sources, targets = [first], [second]
        if pattern.code[:2] == "15" and sources:
            targets = [t for t in targets if not _own_forces(t, sources)]
        if pattern.code[:2] == "11" and targets and all(
                (t.code or "")[:3] == "IGO" for t in targets):
            # a complaint lodged at the UN about another's act is aimed at the other
            targets = finder.grievance(token) or targets
        if pattern.code[:2] in YIELDING:  # "offered his resignation": his own, no target
            targets = [t for t in targets if t.key not in {s.key for s in sources}]
        if sources and not targets:
            targets = finder.place_target(token, near=False) or _threatened_place(
                token, pattern, finder) or domestic(pattern, sources)
        elif not sources and not targets and unnamed_violence(token, pattern):
            # "stormed a hotel in Kabul, killing 12 people": the clause it hangs on places
            # it; "12 were killed after a bomb went off in a market in Kabul": the clause
            # that tells the cause does
            targets = finder.place_target(token) or (
                finder.place_target(token.head) if token.dep_ in {"advcl", "conj"}
                or (token.pos_ == "NOUN" and token.dep_ == "nsubj") else []
            ) or next((found for c in token.children if c.dep_ == "advcl"
                       and (found := finder.place_target(c))), [])
        if sources or targets:
            yield Detection(pattern, token, tuple(sources), tuple(targets))
    finder = Participants(actors, place_codes)
    reported = list(_reported_clauses(sent, finder, passive=True))
    yield from _obligations(reported)
    # a consequence is threatened to someone named: the clauses with a coded subject
    yield from _warned_consequences([r for r in reported if r[3]])
    yield from _judgements(sent, finder)


#: Roots of violence (assault, fighting, mass violence). CAMEO codes an attack whose doer the
#: news does not name ("gunmen stormed a hotel in Kabul", "a truck ploughed into a crowd in
#: Nice", "a journalist was shot dead in Juarez") with no source and the victims' country as
#: the target: who was hit is news even when who struck is not yet known.
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})


def unnamed_violence(trigger: Token, pattern: Pattern) -> bool:
    """An act of violence told with a doer that is no actor: a common noun ("gunmen",
    "assailants", "a truck"), a passive without an agent, or a noun its victim undergoes
    ("the convoy came under attack", "Ukraine suffered a missile attack")."""
    if pattern.code[:2] not in VIOLENCE_ROOTS:
        return False
    if trigger.pos_ == "NOUN":  # "came under attack", "assaults occurred in Hamburg"
        return undergoing_verb(trigger) is not None or (
            trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in HAPPENING)
    if trigger.pos_ not in {"VERB", "AUX"}:
        return False
    subject, passive = subject_of(trigger)
    if subject is None:  # "a truck [that] plowed into", "a man [who was] shot in Juarez"
        if trigger.dep_ != "acl" or trigger.head.pos_ != "NOUN":
            return passive
        # "an attempt to kill the governor", "a bid to assassinate the prime minister"
        return trigger.head.lemma_.lower() in ATTEMPTS or (
            trigger.tag_ in {"VBD", "VBN"} and trigger.head.ent_type_ not in _NAMED)
    # "Soviet security forces murdered ...": a doer named by its nation is not unnamed
    return subject.pos_ in {"NOUN", "PROPN"} and not any(
        t.ent_type_ in _NAMED for t in subject.subtree)


_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})

#: Nouns and verbs whose infinitive is an act tried (a plot or a plan is not yet an act).
ATTEMPTS = frozenset({"attempt", "bid", "try"})

#: Roots of giving up what is one's own (a post, troops, a claim): the doer's own thing is
#: not a target ("the minister offered his resignation"; 03 is the offer to yield).
YIELDING = frozenset({"03", "08"})

#: Verbs that say an act happened without saying who did it ("attacks occurred").
HAPPENING = frozenset({"occur", "happen", "take"})


def _threatened_place(trigger: Token, pattern: Pattern, finder: Participants
                      ) -> list[Participant]:
    """A threat to strike near a place is aimed at the place's country, though the strike
    itself would only land near it: "threatened to fire shells into the waters near
    Taiwan" threatens Taiwan, where "fired shells into the waters near Taiwan" shows force."""
    if pattern.code[:2] != "13":
        return []
    return next((found for act in (trigger, *(c for c in trigger.children if c.dep_ == "xcomp"))
                 if (found := finder.place_target(act, near=True))), [])


def _own_forces(target: Participant, sources: list[Participant]) -> bool:
    """"deployed its troops", "put the police on alert": in a show of force the doer's own
    forces are what it uses, not whom it aims at."""
    code = target.code or ""
    return code[3:6] in {"MIL", "COP", "SPY"} and any(
        (s.code or "")[:3] == code[:3] for s in sources)


#: A reported clause: the reporting verb, the clause's head, the speaker's actors and the
#: actors of the clause's subject.
Reported = tuple["Token", "Token", list[Participant], list[Participant]]


def _reported_clauses(sent: Span, finder: Participants, passive: bool = False
                      ) -> Iterator[Reported]:
    """Each clause a speaker reports ("X said [that] Y ...", and the second clause of "said
    A and that B"), with the reporting verb and the actors of its speaker and of the clause's
    subject, when both are coded; with ``passive``, also a passive clause whose subject is
    no actor ("X said the killers must be punished": whoever must act is not named)."""
    for token in tokens_with(sent, "LEMMA", _OBLIGATION_FORMS):
        if token.lemma_.lower() not in _OBLIGATION_CUES:
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
        for clause in clauses + [c for k in clauses for c in k.conjuncts]:
            inner = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            sources, targets = finder.refs(subject_of(token)[0]), finder.refs(inner)
            if sources and (targets or (passive and inner is not None
                            and inner.dep_ == "nsubjpass")):
                yield token, clause, sources, targets


def _obligations(reported: list[Reported]) -> Iterator[Detection]:
    """"Russia said Sudan must return the helicopter": Russia demands something of Sudan;
    "Russia said the crew must be released": a demand of no one named (``reported``: the
    sentence's reported clauses, passive ones included)."""
    for token, clause, sources, targets in reported:
        pattern = _obligation(clause)
        if pattern is not None:
            yield Detection(pattern, token, tuple(sources), tuple(targets))


#: "X said Y would face consequences": a threat (CAMEO 130) by X against Y; "would face
#: sanctions" a threat of sanctions (1312).
THREAT_BY_CONSEQUENCE = Pattern(code="130", pos="VERB", lemma="", origin="construction")
THREAT_OF_SANCTIONS = Pattern(code="1312", pos="VERB", lemma="", origin="construction")
#: What a speaker warns another will face: penalties, not mere difficulties ("face a
#: challenge", "face an election").
CONSEQUENCES = frozenset({"consequence", "retaliation", "response", "punishment", "reprisal",
                          "repercussion", "fury", "wrath", "sanction", "penalty", "action"})


def _warned_consequences(reported: list[Reported]) -> Iterator[Detection]:
    """"Washington said Pyongyang would face consequences if it tested again": a threat
    (``reported``: the sentence's reported clauses whose subject is coded)."""
    for token, clause, sources, targets in reported:
        if clause.lemma_.lower() != "face" or not any(
                c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"}
                for c in clause.children):
            continue
        what = [o for c in clause.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        if any(o.lemma_.lower() in CONSEQUENCES for o in what):
            sanctions = any(o.lemma_.lower() in {"sanction", "penalty"} for o in what)
            yield Detection(THREAT_OF_SANCTIONS if sanctions else THREAT_BY_CONSEQUENCE,
                            token, tuple(sources), tuple(targets))


def _obligation(clause: Token) -> Pattern | None:
    """What a reported clause obliges its subject to: "Y must/should/has to act" a demand,
    "Y needs to act" an appeal; None for a clause that obliges nobody."""
    if any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children):
        return DEMAND_BY_OBLIGATION
    if not any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                         for a in c.children) for c in clause.children):
        return None
    lemma = clause.lemma_.lower()
    return DEMAND_BY_OBLIGATION if lemma == "have" else APPEAL_BY_NEED if lemma == "need" \
        else None


#: "X said the launch was unacceptable", "X called the move reckless": a negative judgement of
#: an act, said of it, is a criticism (CAMEO 111) of whoever did it.
CRITICISM_BY_JUDGEMENT = Pattern(code="111", pos="VERB", lemma="", origin="construction")
_JUDGING_CUES = frozenset({"say", "call", "describe", "term", "label", "brand", "deem",
                           "consider", "declare", "add", "tell", "state", "warn", "insist"})
_JUDGING_FORMS = word_forms(_JUDGING_CUES)
#: Adjectives of moral or legal condemnation (not mere description: "big", "sudden").
NEGATIVE_JUDGEMENTS = frozenset({
    "unacceptable", "irresponsible", "reckless", "provocative", "illegal", "unlawful",
    "illegitimate", "unjustified", "unjustifiable", "outrageous", "deplorable",
    "reprehensible", "despicable", "cowardly", "barbaric", "heinous", "shameful",
    "disgraceful", "appalling", "abhorrent", "inexcusable", "intolerable", "destabilizing",
    "destabilising", "dangerous", "wrong", "unprovoked", "criminal", "absurd", "baseless",
    "groundless", "irrational"})


def _judgements(sent: Span, finder: Participants) -> Iterator[Detection]:
    """"Japan said the launch was unacceptable" (a clause whose subject is an act and whose
    complement a judgement), "Japan called the launch reckless" (an object and its
    predicate): Japan criticises whoever launched; the target is found by the caller from
    the act (``about``)."""
    for token in tokens_with(sent, "LEMMA", _JUDGING_FORMS):
        if token.lemma_.lower() not in _JUDGING_CUES or token.pos_ not in {"VERB", "AUX"}:
            continue
        pairs: list[tuple[Token, Token]] = []
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}),
                           None)
            judged = next((c for c in clause.children if c.dep_ in {"acomp", "attr"}), None)
            if subject is not None and judged is not None:
                pairs.append((subject, judged))
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        predicate = next((c for c in token.children if c.dep_ in {"oprd", "ccomp", "xcomp"}
                          and c.pos_ == "ADJ"), None)
        if obj is None and predicate is not None:  # the parser often hangs "the test" on
            obj = next((c for c in predicate.children  # the adjective: "called the test
                        if c.dep_ == "compound" and c.pos_ == "NOUN"), None)  # reckless"
        if obj is not None and predicate is not None:
            pairs.append((obj, predicate))
        for act, judged in pairs:
            words = {judged.lemma_.lower(), *(c.lemma_.lower() for c in judged.conjuncts)}
            negated = any(c.dep_ == "neg" for c in (*judged.children, judged.head))
            if act.pos_ != "NOUN" or negated or not words & NEGATIVE_JUDGEMENTS:
                continue
            subject, _ = subject_of(token)
            sources = finder.refs(subject)
            targets = finder.refs(act)  # "North Korea's launch": the possessor
            if sources:
                yield Detection(CRITICISM_BY_JUDGEMENT, token, tuple(sources), tuple(targets),
                                about=act)


def candidates(token: Token, lexicon: Lexicon) -> tuple[Pattern, ...]:
    """Patterns for a token, by its lemma or, where the tagger's lemma is off ("staged" ->
    "stag"), by the regular base forms of its text."""
    pos = _PATTERN_POS.get(token.pos_)
    return () if pos is None else _patterns_for(lexicon, pos, token.lemma_.lower(), token.lower_)


#: The part of speech a trigger's patterns are filed under, by the tagger's.
_PATTERN_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN"}


def _patterns_for(lexicon: Lexicon, pos: str, lemma: str, word: str) -> tuple[Pattern, ...]:
    found = lexicon.lookup(pos, lemma)
    if found:
        return found
    for form in _base_forms(word, pos):
        found = lexicon.lookup(pos, form)
        if found:
            return found
    return ()


def _triggers(sent: Span, lexicon: Lexicon) -> list[Token]:
    """The verbs and nouns of a sentence that the lexicon has patterns for, told from spaCy's
    arrays (each distinct word is looked up once per document): most words of a sentence
    trigger nothing, and only the few that may are built as tokens."""
    doc = sent.doc
    strings = doc.vocab.strings
    tags, lemmas, words = column(doc, "POS"), column(doc, "LEMMA"), column(doc, "LOWER")
    cached = doc.user_data.get("eventwire.triggers")
    if cached is None or cached[0] is not lexicon:
        cached = doc.user_data["eventwire.triggers"] = (lexicon, {})
    known: dict[tuple[int, int, int], bool] = cached[1]
    out = []
    for i in positions_with(sent, "POS", _TRIGGER_POS):
        key = (tags[i], lemmas[i], words[i])
        found = known.get(key)
        if found is None:
            pos = _PATTERN_POS[strings[tags[i]]]
            found = known[key] = bool(_patterns_for(
                lexicon, pos, strings[lemmas[i]].lower(), strings[words[i]]))
        if found:
            out.append(doc[i])
    return out


def _base_forms(word: str, pos: str) -> tuple[str, ...]:
    if pos == "NOUN":
        return (word[:-1],) if word.endswith("s") else ()
    forms = []
    for suffix in ("ied", "ed", "d", "ing", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"] if suffix != "ied" else [stem + "y"]
            if suffix in {"ed", "ing"} and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "banned" -> "ban"
    return (word, *forms)


def choose_pattern(token: Token, patterns: tuple[Pattern, ...]) -> Pattern | None:
    """The most specific pattern whose particle, object and preposition constraints the
    token meets."""
    fitting = [p for p in patterns if _fits(token, p)]
    return max(fitting, key=lambda p: p.specificity, default=None)


def _fits(token: Token, pattern: Pattern) -> bool:
    if pattern.intransitive and any(c.dep_ == "dobj" for c in token.children):
        return False  # "demonstrated resolve", "rallied support": no protest
    if pattern.particle and not any(
            c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == pattern.particle
            for c in token.children):
        return False
    found = event_object(token, pattern) if pattern.objects else None
    if pattern.objects and found is None:
        return False
    if pattern.preps and pattern.reciprocal and _conjoined_subject(token):
        return True  # "Israel and Lebanon renewed negotiations": each is the other's partner
    return not pattern.preps or _prep_present(token, pattern, found)


def _conjoined_subject(token: Token) -> bool:
    """"Israel and Lebanon ...", "Indian and Japanese forces ...": two parties act together."""
    subject, _ = subject_of(token) if token.pos_ in {"VERB", "AUX"} else (None, False)
    return subject is not None and (bool(subject.conjuncts) or any(
        c.dep_ in {"amod", "nmod", "compound"} and c.conjuncts for c in subject.children))


def _prep_present(token: Token, pattern: Pattern, event_object: Token | None) -> bool:
    """The preposition is on the trigger, on its object, or (spaCy often attaches it
    there) on the object's own object."""
    holders = [token, *(c for c in token.children if c.dep_ in {"dobj", "attr"})]
    if (verb := participation_verb(token)) is not None:  # "engaged in X against Y"
        holders.append(verb)
    if token.pos_ in {"VERB", "AUX"}:  # "donated and delivered goods to X": shared phrases
        holders += [c for c in token.conjuncts if c.pos_ in {"VERB", "AUX"}]
    elif token.pos_ == "NOUN":  # "a suspension of air links with Serbia"
        holders += [t for t in token.subtree if t.pos_ in {"NOUN", "PROPN"} and t != token
                    and same_phrase(t, token)]
    if event_object is not None:  # "held talks on trade and ties with X"
        holders += [t for t in event_object.subtree if t.pos_ not in {"VERB", "AUX"}]
    has_dative = any(c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN", "PRON"}
                     for c in token.children)
    if has_dative and pattern.preps & {"to", "for"}:  # "gave Tanzania a grant" = "...to"
        return True
    if any(_for_clause(c, pattern) for c in token.children):
        return True
    return any(c.dep_ in {"prep", "dative", "agent"} and c.lower_ in pattern.preps
               and not _time_phrase(c) for holder in holders for c in holder.children)


def _for_clause(clause: Token, pattern: Pattern) -> bool:
    """"called for Ethiopia to halt the dam": the parser makes "for" the mark of the clause
    that says what is asked, not a preposition of the verb."""
    return clause.dep_ in {"advcl", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ in pattern.preps for c in clause.children)


def _time_phrase(prep: Token) -> bool:
    """"on Sunday", "in March": a preposition that dates the act names no counterpart."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)
