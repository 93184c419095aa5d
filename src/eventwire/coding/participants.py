"""Who fills an event's roles: the actors (or a place's country) that a trigger's source
and target stand for, found through subjects, objects, prepositions, possessors, conjuncts and
the other paths described in :mod:`eventwire.coding.detect`."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.coding.lexicon import Pattern
from eventwire.coding.syntax import (
    PLACE_PREPS,
    RELATIVE,
    SUBJECTS,
    event_object,
    first_conjunct,
    from_origin,
    in_background,
    participation_verb,
    same_phrase,
    subject_of,
)
from eventwire.extract.actors import ActorIndex
from eventwire.parse import sentence_starts
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns that relate to another actor; "its neighbor" is not the possessor.
RELATIONAL = frozenset({"neighbor", "neighbour", "ally", "partner", "counterpart", "rival",
                        "enemy", "friend", "foe", "adversary", "host", "country", "nation",
                        "state"})
#: Light verbs whose object noun carries the event ("hold talks", "launch an attack").
LIGHT_VERBS = frozenset({"hold", "make", "pay", "conduct", "launch", "carry", "stage",
                         "impose", "slap", "issue", "begin", "start", "resume", "continue",
                         "give", "lead", "mount", "open", "undertake", "step", "intensify",
                         "organize", "organise", "announce", "order", "declare", "call",
                         "renew", "reach", "sign", "extend", "escalate", "end", "lodge",
                         "file", "initiate", "wage", "unleash", "deliver", "offer", "express"})
#: Prepositions that introduce a target when a pattern names none.
DEFAULT_TARGET_PREPS = ("to", "with", "against", "toward", "towards")
#: Roots of acts launched from one place at another (a show of force, an attack, a strike):
#: "fired rockets from southern Lebanon" names where they started, not whom they hit. A
#: withdrawal, an expulsion or a demand "from X" is aimed at X.
LAUNCHED_ROOTS = frozenset({"15", "18", "19", "20"})
#: Verbs whose subject undergoes the event its object names ("Beijing faced pressure").
UNDERGO_VERBS = frozenset({"face", "receive", "suffer", "endure", "experience", "weather",
                           "come", "draw", "attract",
                           # "the mayor survived an attack", "the convoy escaped an ambush",
                           # "the garrison repelled an assault": the subject was the one hit
                           "survive", "escape", "withstand", "repel", "repulse"})


def undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the noun's event: "suffered [an attack]", "survived
    [an assassination attempt]", "came under [attack]"."""
    noun = first_conjunct(noun)
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in {
            "come", "fall"}:
        return head.head
    return None


_ANY = Pattern(code="010", pos="VERB", lemma="")


@dataclass(frozen=True, slots=True)
class Participant:
    """A source or target: an actor of the article, or a bare code (a place's country)."""

    token: Token
    actor: Actor | None
    code: str | None

    @property
    def key(self) -> str:
        return self.actor.id if self.actor else f"code:{self.code}"


#: Roots whose acts fall on the actor's own people when the text names no one else:
#: easing a curfew, releasing prisoners, a crackdown (CAMEO codes these against the country).
DOMESTIC_ROOTS = frozenset({"08", "17"})


def domestic(pattern: Pattern, sources: list[Participant]) -> list[Participant]:
    source = sources[0]
    country = (source.code or "")[:3]
    if pattern.code[:2] not in DOMESTIC_ROOTS or len(country) != 3 or country in {"IGO", "NGO"}:
        return []
    return [Participant(source.token, None, country)]


class Participants:
    """Finds the actors that fill a trigger's roles."""

    def __init__(self, actors: ActorIndex, place_codes: dict[int, str]) -> None:
        self.actors = actors
        self.place_codes = place_codes

    def refs(self, token: Token | None, fallback: bool = True, origin: bool = True
             ) -> list[Participant]:
        """The actors a token stands for, with its conjuncts ("Western leaders and Kyiv",
        "the Turkish and Greek sides"); without ``origin``, "X from Y" is not Y's ("rockets
        from Lebanon" are not Lebanon's, "refugees from Rwanda" are Rwandan)."""
        if token is None:
            return []
        out: list[Participant] = []
        for item in (token, *token.conjuncts):
            found = self._one(item, fallback, origin)
            if found is None:
                continue
            extra = [] if found.token == item else [
                Participant(c, a, a.code) for c in found.token.conjuncts
                if (a := self.actors.actor_at(c)) is not None]
            extra += self._shared_head(item, found)
            for participant in (found, *extra):
                if participant.key not in {p.key for p in out}:
                    out.append(participant)
        return out

    def _shared_head(self, token: Token, found: Participant) -> list[Participant]:
        """"French and Egyptian warships": the second country's group too (EGYMIL)."""
        role = (found.code or "")[3:]
        out = []
        for modifier in (c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}):
            for other in modifier.conjuncts:
                actor = self.actors.actor_at(other)
                if actor is not None and actor.code and actor.kind in {"country", "region"}:
                    out.append(Participant(other, actor, actor.code[:3] + role
                                           if role else actor.code))
        return out

    def _one(self, token: Token, fallback: bool, origin: bool = True) -> Participant | None:
        actor = self.actors.actor_at(token)
        if actor is not None:
            return Participant(token, actor, actor.code)
        if not fallback:
            return None
        # "its neighbor" is not its possessor; "its European Community partners" are the EC
        relational = token.lemma_.lower() in RELATIONAL
        modifiers = []
        for child in sorted(token.children, key=lambda c: c.dep_ != "poss"):
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and not (
                    relational and child.dep_ == "poss"):
                actor = self.actors.actor_at(child)
                if actor is None and child.dep_ == "compound":  # "a Security Council motion"
                    actor = next((a for c in child.children if c.dep_ == "compound"
                                  and (a := self.actors.actor_at(c)) is not None), None)
                if actor is not None:
                    modifiers.append(Participant(child, actor, actor.code))
        if modifiers:  # "Osama bin Laden's al-Qaeda network": the coded one speaks for it
            return next((m for m in modifiers if m.code), modifiers[0])
        if relational:
            return None
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in (
                {"of", "from", "by"} if origin else {"of", "by"})):
            for obj in prep.children:  # "scores of refugees", "members of the party"
                actor = self.actors.actor_at(obj) if obj.dep_ == "pobj" else None
                if actor is not None:
                    return Participant(obj, actor, actor.code)
        for i in (token.i, *(c.i for c in token.children if c.dep_ == "prep")):
            code = self.place_codes.get(i)
            if code:
                return Participant(token, None, code)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in prep.children:
                if (code := self.place_codes.get(obj.i)) is not None:
                    return Participant(obj, None, code)
        return None

    def of_verb(self, verb: Token, pattern: Pattern
                ) -> tuple[list[Participant], list[Participant], set[int]]:
        """Source and target of a verb trigger, and the tokens it used (its event noun)."""
        subject, passive = subject_of(verb)
        used: set[int] = set()
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            sources, targets = self.refs(pobj), self.refs(subject)
            if targets:
                return sources, targets, used
        else:
            sources = self.refs(subject)
        holder = verb
        if pattern.objects:
            event_noun = event_object(verb, pattern)
            if event_noun is not None:
                used.add(event_noun.i)
                holder = event_noun
        # the first place that names anyone wins (a target that is the doer itself ends the
        # search: such an event is not coded, which measured better than searching on)
        for strategy in self._target_strategies(verb, holder, pattern, passive, sources):
            found = strategy()
            if found:
                return sources, found, used
        return sources, [], used

    def _target_strategies(self, verb: Token, holder: Token, pattern: Pattern, passive: bool,
                           sources: list[Participant]) -> list[Callable[[], list[Participant]]]:
        """Where a verb's target may be, most telling first."""
        dative = next((c for c in verb.children if c.dep_ == "dative"
                       and c.pos_ in {"PROPN", "NOUN", "PRON"}), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        direct = not pattern.objects and not passive
        launched = pattern.code[:2] in LAUNCHED_ROOTS
        return [
            lambda: self.refs(dative) if direct or pattern.objects else [],
            lambda: self.refs(obj) if direct else [],
            lambda: self._relational(obj, sources) if direct else [],
            lambda: self._clause_subject(verb) if direct else [],
            lambda: self._actor_below(obj) if direct and obj is not None else [],
            lambda: self._prep_targets(holder, pattern),
            lambda: self._prep_targets(verb, pattern),
            lambda: self._prep_targets(obj, pattern) if obj is not None else [],
            *(lambda v=v: self._prep_targets(v, pattern)  # "donated and delivered ... to X"
              for v in verb.conjuncts if v.pos_ in {"VERB", "AUX"}),
            # "hold talks on trade and security with X", "banned opposition candidates"
            lambda: self._prep_targets_below(holder, pattern) if holder is not verb else [],
            lambda: self._actor_below(holder, launched) if holder is not verb else [],
            lambda: self.refs(holder, origin=not launched) if holder is not verb
            and holder.dep_ == "dobj" else [],
            # "agreed to US mediation", "shrugged off criticism from X"
            lambda: [] if pattern.preps else self._prep_targets(verb, pattern,
                                                                 DEFAULT_TARGET_PREPS),
            lambda: self._prep_targets(verb, pattern, (pattern.particle,))
            if pattern.particle else [],
            # "threatened to cut off electricity to X", "kidnapped up to 16 Russian advisers"
            lambda: self._xcomp_target(verb, sources),
            lambda: self._condition_subject(verb, sources),
            lambda: self._purpose_host(verb, sources),
            lambda: self._actor_after(verb, sources, launched),
        ]

    def _prep_targets(self, head: Token, pattern: Pattern,
                      preps: tuple[str, ...] | None = None) -> list[Participant]:
        wanted = set(preps or pattern.preps)
        for child in head.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in wanted:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = self.refs(pobj)
                if found:
                    return found
        return []

    def _xcomp_target(self, verb: Token, sources: list[Participant]) -> list[Participant]:
        """The target of a controlled or purpose clause: "threatened to cut off power to X",
        "blocked roads to show their anger at X"."""
        for child in verb.children:
            purpose = child.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            if (child.dep_ == "xcomp" or purpose) and child.pos_ in {"VERB", "AUX"}:
                obj = next((c for c in child.children if c.dep_ in {"dobj", "dative"}), None)
                keys = {s.key for s in sources}
                for found in (self.refs(obj),
                              self._prep_targets(child, _ANY, DEFAULT_TARGET_PREPS),
                              self._actor_below(obj) if obj is not None else []):
                    others = [f for f in found if f.key not in keys]  # not "their" own
                    if others:
                        return others
        return []

    def _actor_after(self, verb: Token, sources: list[Participant], launched: bool = False
                     ) -> list[Participant]:
        """The first actor after the verb in its own clause's object side."""
        keys = {s.key for s in sources}
        for token in verb.subtree:
            if token.i <= verb.i or token.dep_ not in {"pobj", "dobj"} or \
                    not same_phrase(token, verb) or in_background(token, verb) or \
                    (launched and from_origin(token, verb)):
                continue
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
                continue  # "in southeastern Serbia" is where, not whom
            found = [f for f in self.refs(token, fallback=False) if f.key not in keys]
            if found:
                return found
        return []

    def _purpose_host(self, verb: Token, sources: list[Participant]) -> list[Participant]:
        """"The UN sent experts to Bosnia to investigate": the purpose's target is where the
        governing verb sends them."""
        head = verb.head
        if verb.dep_ != "advcl" or head == verb or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return []
        keys = {s.key for s in sources}
        found = self._prep_targets(head, _ANY, DEFAULT_TARGET_PREPS)
        return [f for f in found if f.key not in keys]

    def _condition_subject(self, verb: Token, sources: list[Participant]
                           ) -> list[Participant]:
        """"X threatened a strike unless Israel rescinded the annexation": Israel is the one
        the threat is aimed at."""
        keys = {s.key for s in sources}
        for token in verb.subtree:
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"unless", "if"}
                                             for c in token.children):
                subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
                found = [f for f in self.refs(subject) if f.key not in keys]
                if found:
                    return found
        return []

    def _clause_subject(self, head: Token) -> list[Participant]:
        """"X demanded that Y end curbs": the subject of the clause is the target."""
        for child in head.children:
            for_clause = child.dep_ == "advcl" and any(  # "called for X to leave"
                c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
            if (child.dep_ in {"ccomp", "acl"} or for_clause) and child.pos_ in {"VERB", "AUX"}:
                subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
                if subject is not None and subject.lower_ not in RELATIVE:
                    return self.refs(subject)
        return []

    def _actor_below(self, head: Token, launched: bool = False) -> list[Participant]:
        """The first actor inside an object phrase ("lift embargoes on sales to Iran"); for
        a launched act, not the place it came from."""
        for token in head.subtree:
            if token.i != head.i and token.dep_ == "pobj" and same_phrase(token, head) \
                    and not (launched and from_origin(token, head)):
                found = self.refs(token)
                if found and all(f.actor is not None for f in found):
                    return found
        return []

    def grievance(self, trigger: Token) -> list[Participant]:
        """Whoever an "over"/"about" phrase blames: "complained to the UN over Somali air
        raids" is a complaint about Somalia, lodged at the UN."""
        holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in {"over", "about"}:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    found = self.refs(pobj)
                    if found:
                        return found
        return []

    def place_target(self, trigger: Token, near: bool = True) -> list[Participant]:
        """Where an event has no other target, the country of the place it happens in; with
        ``near`` false, not a place it only happens near ("fired shells into the sea near
        Taiwan" by a named doer aims at the sea, not at Taiwan)."""
        preps = {"in", "at", "into", "inside"} | ({"near"} if near else set())
        for token in trigger.subtree:
            code = self.place_codes.get(token.i)
            if code and token.dep_ == "pobj" and token.head.lower_ in preps and \
                    same_phrase(token, trigger):
                return [Participant(token, None, code)]
        return []

    def _prep_targets_below(self, head: Token, pattern: Pattern) -> list[Participant]:
        for token in head.subtree:
            if token.pos_ in {"VERB", "AUX"}:
                continue
            if token.dep_ == "prep" and token.lower_ in pattern.preps:
                found = self.refs(next((c for c in token.children if c.dep_ == "pobj"), None))
                if found:
                    return found
        return []

    def of_noun(self, noun: Token, pattern: Pattern
                ) -> tuple[list[Participant], list[Participant]]:
        between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"),
                       None)
        if between is not None:
            pobj = next((c for c in between.children if c.dep_ == "pobj"), None)
            pair = self.refs(pobj)
            if len(pair) >= 2:  # "talks between X and Y": coded once, from the first named
                return pair[:1], pair[1:2]
        sources = self._noun_source(noun, pattern)
        verb = participation_verb(noun)
        targets = (self._prep_targets(noun, pattern)
                   or (self._prep_targets(verb, pattern) if verb is not None else [])
                   or self._prep_targets_below(noun, pattern)  # "suspension of links with X"
                   or self._undergoer(noun)
                   or self._clause_subject(noun))
        if not targets:
            compound = [c for c in noun.children if c.dep_ == "compound"]
            if any(c.dep_ == "poss" for c in noun.children) and compound:
                targets = self.refs(compound[0], fallback=False)
        if not targets:
            targets = self._relational_target(noun, pattern, sources)
        sources = [s for s in sources if s.key not in {t.key for t in targets}]
        return sources, targets

    def _relational_target(self, noun: Token, pattern: Pattern, sources: list[Participant]
                           ) -> list[Participant]:
        """"Russia's invasion of its neighbor": the nearest other country named before."""
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in pattern.preps]
        pobjs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        return self._relational(pobjs[0] if pobjs else None, sources)

    def _relational(self, token: Token | None, sources: list[Participant]
                    ) -> list[Participant]:
        """A target named by its relation to the source ("its neighbor", "the two
        countries' relations"): the nearest other country named before, within 3 sentences."""
        if token is None or not sources:
            return []
        words = {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children
                                         if c.dep_ == "poss")}
        if not words & RELATIONAL:
            return []
        own = {(s.code or "")[:3] for s in sources}
        starts = sentence_starts(token.doc)
        first = starts[: bisect.bisect_right(starts, token.i)][-3:][0]  # two sentences back
        for prior in reversed(token.doc[first : token.i]):
            actor = self.actors.actor_at(prior)
            if actor is not None and actor.code and actor.code[:3] not in own \
                    and actor.kind in {"country", "capital", "group", "people"}:
                return [Participant(token, actor, actor.code)]
        return []

    def _undergoer(self, noun: Token) -> list[Participant]:
        """"Beijing has faced pressure from the West", "the convoy came under fire": the
        subject is the target."""
        verb = undergoing_verb(noun)
        if verb is None:
            return []
        subject, passive = subject_of(verb)
        return [] if passive else self.refs(subject)

    def _noun_source(self, noun: Token, pattern: Pattern) -> list[Participant]:
        """The doer of a noun event; never the subject of a verb of undergoing it."""
        children = list(noun.children)
        first = first_conjunct(noun)
        if first is not noun:  # "scrutiny and pressure from the West": shared modifiers
            children += [c for c in first.children if c.dep_ in {"prep", "poss", "amod"}]
        has_poss = any(c.dep_ == "poss" for c in children)
        for child in sorted(children, key=lambda c: c.dep_ != "poss"):
            if child.dep_ == "poss":
                found = self.refs(child, fallback=False)
            elif child.dep_ == "prep" and (child.lower_ == "by" or (
                    child.lower_ == "from" and "from" not in pattern.preps)):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = self.refs(pobj)
            elif child.dep_ == "amod" or (child.dep_ == "compound" and not has_poss):
                found = self.refs(child, fallback=False)
            else:
                continue
            if found:
                return found
        return self._governing_subject(noun)

    def _governing_subject(self, noun: Token) -> list[Participant]:
        """"China imposed sanctions": the subject of the verb whose object the noun is."""
        noun = first_conjunct(noun)
        head = noun.head
        if noun.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
            subject, passive = subject_of(head)
            if not passive and head.lemma_.lower() in LIGHT_VERBS:
                return self.refs(subject)
        if (verb := participation_verb(noun)) is not None:
            # "Serb forces were engaged in ethnic cleansing": they did it
            return self.refs(subject_of(verb)[0])
        if noun.dep_ == "pobj" and head.lower_ in {"during", "on"} and \
                head.head.pos_ in {"VERB", "AUX"}:
            subject, passive = subject_of(head.head)
            if not passive:
                return self.refs(subject)
        return []
