"""Stage 5, code events: who did what to whom, when, where, and who says so.

:func:`code_events` turns the triggers that :mod:`eventwire.coding.detect` finds into
:class:`~eventwire.records.Event` records with CAMEO and PLOVER codes, Goldstein score,
QuadClass, mood, date, place, reporting source, evidence and a confidence.

Policy (documented in the README): an event needs a doer, except in the passive voice
("it was slapped with sanctions"), and the content of a demand ("urged X to withdraw") is not
coded apart from the demand. As the codebook does, a stated intention to cooperate ("is set
to meet", "will sign") is coded in CAMEO 03 (036 for meetings), an announced conflictual act
("will impose sanctions") as a threat in 13, and a refusal ("refused to meet") as a rejection
in 12; ``mood`` still says how the act itself stands. A noun event mentioned only as background
("since the invasion") is not coded unless the text dates it; an event told in a "since"
clause ("since it was slapped with sanctions") gets the text's date or none. The same event
mentioned twice in an article (same actors, same root, agreeing dates) is kept once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.coding.cameo import code_info, intent_code, refusal_code
from eventwire.coding.context import STARTING_MARKS, Context, is_background, is_topic
from eventwire.coding.detect import (
    ATTEMPTS,
    Detection,
    Participant,
    detect,
    unnamed_violence,
)
from eventwire.coding.lexicon import Lexicon, load_lexicon
from eventwire.coding.mood import (
    detect_mood,
    is_condition,
    is_conditioned,
    is_demanded,
    is_proposed,
    is_refused,
    rules_nothing_out,
)
from eventwire.coding.topics import off_topic_sentences
from eventwire.extract.actors import ActorIndex
from eventwire.records import Article, Event, Mention, Mood, content_id
from eventwire.timeperiod import period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract import Sections

__all__ = ["code_events"]

_ANNOUNCED: frozenset[Mood] = frozenset({"future", "intended"})
#: Roots whose events need a counterpart: a visit, an accusation or an attack on no one
#: named is not coded (precision first). Statements, appeals, intentions, yielding,
#: investigations, demands, protests and force posture may stand alone.
NEEDS_TARGET = frozenset({"04", "05", "06", "07", "11", "12", "13", "16", "17", "18", "19",
                          "20"})


#: A "sentence" longer than this is no sentence of news prose but a list, a table or text
#: without punctuation; coding it would cost time quadratic in its length for no event.
MAX_SENTENCE_TOKENS = 250


@dataclass(frozen=True, slots=True)
class _Frame:
    doc: Doc
    article: Article
    context: Context


def code_events(doc: Doc, article: Article, sections: Sections,
                lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """Every event of one parsed article."""
    lexicon = lexicon or load_lexicon()
    context = Context.build(doc, sections.times, sections.places, sections.attributions,
                            sections.quotes, article.published)
    frame = _Frame(doc, article, context)
    territories = sections.actor_index.territories  # a place in Guam is the USA's (USAGUM)
    place_codes = {i: territories.get(code, code) for i, code in context.place_codes().items()}
    events: list[tuple[Event, bool]] = []
    skipped = off_topic_sentences(doc, article.title)
    actor_index = _with_quoted_speakers(doc, sections)
    acts: dict[str, tuple[Participant, ...]] = {}  # who did the last act of each kind
    for sent in doc.sents:
        if sent.start in skipped or len(sent) > MAX_SENTENCE_TOKENS:
            continue
        found = _threats_of_acts(list(detect(sent, lexicon, actor_index,
                                             place_codes)))
        triggers = frozenset(d.trigger.i for d in found)
        roots = {d.trigger.i: d.pattern.code[:2] for d in found}
        for detection in found:
            if _restates_its_head(detection, roots):
                continue
            detection = _doer_of_judged_act(detection, acts)
            if _complete(detection) and not _announces_another(detection, triggers):
                is_noun = detection.trigger.pos_ == "NOUN"
                events += [(e, is_noun) for e in _events(frame, detection, triggers)]
            if detection.sources and detection.pattern.code[:2] not in JUDGING:
                # an act whose victim is not named still has a doer to blame later
                acts[detection.trigger.lemma_.lower()] = detection.sources
                acts[f"root {detection.pattern.code[:2]}"] = detection.sources
    return tuple(_merge_repeats(events))


#: First-person words that, inside a quotation, stand for its speaker.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


def _with_quoted_speakers(doc: Doc, sections: Sections) -> ActorIndex:
    """The article's actor index, with "I" and "we" inside a quotation standing for its
    speaker: '"We condemn this attack," the Kenyan foreign minister said.'"""
    index = sections.actor_index
    added: dict[int, str] = {}
    for quote in sections.quotes:
        if quote.speaker_id is None or quote.speaker_id not in index.by_id:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for token in span if span is not None else ():
            if token.lower_ in FIRST_PERSON and token.i not in index.by_token:
                added[token.i] = quote.speaker_id
    if not added:
        return index
    return replace(index, by_token={**index.by_token, **added})


def _events(frame: _Frame, found: Detection, triggers: frozenset[int]) -> list[Event]:
    trigger = found.trigger
    date, date_source = frame.context.date(trigger, triggers - {trigger.i})
    if date_source != "text" and is_background(trigger):
        if trigger.pos_ == "NOUN" or not is_background(trigger, marks=STARTING_MARKS):
            return []  # "since the invasion", "after they met": context, not news
        # "since it was slapped with sanctions": a clause that tells a past event the text
        # does not date is coded with no date, never the day of the story
        date, date_source = None, "none"
    if rules_nothing_out(trigger):  # not ruling out talks is no rejection of them
        return []
    mood = detect_mood(trigger)
    if mood == "actual" and date_source == "text" and _after_publication(date, frame) \
            and not _past_tense(trigger):
        mood = "future"
    code = _attempted(found) or _unconventional(found) or found.pattern.code
    if mood == "future" and is_conditioned(trigger) and \
            intent_code(code)[:2] == "13":
        # "will boycott the vote unless the president resigns": a threat, made now
        code, mood = intent_code(code), "actual"
    elif mood in _ANNOUNCED:
        code = intent_code(code)
    elif mood == "negated" and is_refused(trigger):
        code = refusal_code(code)
    info = code_info(code)
    place = frame.context.place(trigger)
    sent = trigger.sent
    out = []
    for source in found.sources or (None,):
        for target in found.targets or (None,):
            if source is not None and target is not None and source.key == target.key:
                continue
            out.append(Event(
                id=content_id(frame.article.id, "event", trigger.i, code,
                              source.key if source else "", target.key if target else ""),
                cameo=code, source=_actor_id(source), target=_actor_id(target),
                source_code=source.code if source else None,
                target_code=target.code if target else None,
                sentence=sent.text.strip(), sentence_start=sent.start_char,
                trigger=_mention(trigger), plover=info.plover, plover_mode=info.plover_mode,
                goldstein=info.goldstein, quad_class=info.quad_class, date=date,
                date_source=date_source, mood=mood, place=place.name if place else None,
                place_country=place.country if place else None,
                attributed_to=frame.context.reporter(trigger.idx),
                source_span=_participant_span(source), target_span=_participant_span(target),
                confidence=_confidence(found, source, target),
            ))
    return out


#: Roots that judge another's act: disapproval (11) and rejection (12).
JUDGING = frozenset({"11", "12"})


def _doer_of_judged_act(found: Detection, acts: dict[str, tuple[Participant, ...]]
                        ) -> Detection:
    """"Japan condemned the launch", "Japan said the launch was unacceptable": with no one
    named, the act judged is the last act of that kind the article told ("North Korea
    launched a missile ... Japan condemned the launch"), and its doer is the target."""
    if found.targets or found.pattern.code[:2] not in JUDGING:
        return found
    act = found.about or next((c for c in found.trigger.children if c.dep_ == "dobj"
                               and c.pos_ == "NOUN"), None)
    if act is None or not any(c.dep_ == "det" and c.lower_ in _DEFINITE
                              for c in (*act.children, *act.head.children)):
        return found  # "condemned violence": no particular act, no one to blame
    doers = acts.get(act.lemma_.lower(), ()) or next(
        (acts[f"root {root}"] for root in ACT_NOUNS.get(act.lemma_.lower(), ())
         if f"root {root}" in acts), ())
    own = {s.key for s in found.sources}
    targets = tuple(d for d in doers if d.key not in own)
    return replace(found, targets=targets) if targets else found


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})

#: General nouns that name back an act told by another word, with the CAMEO roots such acts
#: have: "North Korea fired a missile ... Japan condemned the launch" (a show of force, 15,
#: or a strike, 19); "troops shelled the town ... the attack".
ACT_NOUNS: dict[str, tuple[str, ...]] = {
    "launch": ("15", "19"), "test": ("15",), "firing": ("19", "15"),
    "attack": ("19", "18", "20"), "strike": ("19",), "assault": ("19", "18"),
    "bombing": ("18", "19"), "shelling": ("19",), "killing": ("18", "19", "20"),
    "invasion": ("19",), "incursion": ("19",), "raid": ("19", "18"),
    "arrest": ("17",), "detention": ("17",), "crackdown": ("17",), "expulsion": ("17", "16"),
}


#: Verbs whose infinitive names the act threatened ("threatened to impose sanctions").
THREATENING = frozenset({"threaten", "warn"})


def _threats_of_acts(found: list[Detection]) -> list[Detection]:
    """"threatened to fire missiles at Guam" is a threat of force (138), "threatened to
    impose sanctions on X" one of sanctions (1312): a bare threat (130) takes the code of the
    act it names, and that act's target where the threat names none."""
    by_index = {d.trigger.i: d for d in found}
    out = []
    for detection in found:
        trigger = detection.trigger
        inner = next((by_index[c.i] for c in trigger.children
                      if c.dep_ == "xcomp" and c.i in by_index), None)
        if trigger.lemma_.lower() in THREATENING and detection.pattern.code[:2] == "13" \
                and inner is not None and inner.pattern.code[:2] != "13":
            code = intent_code(inner.pattern.code)
            if code[:2] == "13" and len(code) > len(detection.pattern.code.rstrip("0")):
                detection = replace(detection, pattern=replace(detection.pattern, code=code),
                                    targets=detection.targets or inner.targets)
        out.append(detection)
    return out


def _complete(found: Detection) -> bool:
    """Enough participants to code: a counterpart where the root needs one, and a doer for a
    noun in an adjunct ("for an annual meeting with X" names nobody who meets)."""
    if not found.targets and found.pattern.code[:2] in NEEDS_TARGET:
        return False
    if _between_businesses(found) or _figurative(found):
        return False
    trigger = found.trigger
    if is_demanded(trigger) or is_topic(trigger) or is_proposed(trigger) or \
            is_condition(trigger):
        # the demand, the talks, the proposal are the events, not what they ask or offer
        return False
    if found.sources:
        return True
    if any(t.code for t in found.targets) and unnamed_violence(trigger, found.pattern):
        return True  # "gunmen stormed a hotel in Kabul": AFG was attacked by someone unnamed
    # no doer named: only a passive ("X was slapped with sanctions") says who was acted on,
    # and only a coded one makes it an event between political actors ("her phone was
    # stolen" is a crime report)
    return trigger.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children) and any(
        t.code for t in found.targets)


#: Violence done to a body: abduct, assault, torture, kill, assassinate (181, 182x, 185,
#: 186). A whole state as its victim is a figure of speech ("is out to strangle Cuba", "they
#: want to kill Europe"); people, forces and officials of a state are real victims.
BODILY_HARM = ("181", "182", "185", "186")


def _figurative(found: Detection) -> bool:
    return found.pattern.code.startswith(BODILY_HARM) and bool(found.targets) and all(
        t.actor is not None and t.actor.kind in {"country", "region"}  # the state itself,
        and t.token.dep_ not in {"amod", "compound", "nmod", "poss"}  # not "Italian engineers"
        for t in found.targets)


#: Conventional military force (190 generic, 193 small arms) is fighting between armed forces;
#: unnamed gunmen who attack a crowd, a club or a journalist use unconventional violence (180).
_CONVENTIONAL = frozenset({"190", "193"})


def _attempted(found: Detection) -> str | None:
    """"attempted to assassinate X", "an attempt to assassinate X": an attempted
    assassination (185), whether or not it succeeded."""
    trigger = found.trigger
    if found.pattern.code != "186" or trigger.dep_ not in {"xcomp", "acl"}:
        return None
    return "185" if trigger.head.lemma_.lower() in ATTEMPTS else None


def _unconventional(found: Detection) -> str | None:
    if found.sources or found.pattern.code not in _CONVENTIONAL:
        return None
    if any((t.code or "")[3:6] in {"MIL", "COP", "REB", "INS"} for t in found.targets):
        return None  # an ambush on soldiers or police is still fighting
    return "180"


def _between_businesses(found: Detection) -> bool:
    """A company suing, buying or criticising another is business news, not an event
    between political actors; violence against a company (roots 17-20) still is one."""
    if found.pattern.code[:2] in {"17", "18", "19", "20"}:
        return False
    codes = [p.code for p in (*found.sources, *found.targets) if p.code]
    return bool(codes) and all(c.startswith("MNC") or c[3:6] == "BUS" for c in codes)


#: Verbs that announce the act in their infinitive: "agreed to lift the embargo" is coded
#: once, as the announced act (an intention in CAMEO 03), not also as an agreement.
ANNOUNCING = frozenset({"agree", "pledge", "promise", "vow", "offer", "decide", "plan"})


def _restates_its_head(found: Detection, roots: dict[int, str]) -> bool:
    """"staged a hunger strike to protest the verdict": the purpose names the act it serves
    (a protest to protest), one event, not two."""
    trigger = found.trigger
    return trigger.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ) and roots.get(trigger.head.i) == found.pattern.code[:2]


def _announces_another(found: Detection, triggers: frozenset[int]) -> bool:
    """"agreed to lift the embargo"; "issued a statement condemning the raid": the act in the
    infinitive or in the statement's participle is the event, not the announcing."""
    trigger = found.trigger
    if trigger.lemma_.lower() in ANNOUNCING and any(
            c.dep_ == "xcomp" and c.i in triggers for c in trigger.children):
        return True
    return found.pattern.code == "010" and any(
        c.dep_ == "dobj" and any(a.dep_ == "acl" and a.i in triggers for a in c.children)
        for c in trigger.children)


def _past_tense(trigger: Token) -> bool:
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return verb.tag_ in {"VBD", "VBN"}


def _after_publication(date: str | None, frame: _Frame) -> bool:
    published = frame.article.published
    days = period(date) if date else None
    return bool(published and days and days[0] > published)


def _actor_id(participant: Participant | None) -> str | None:
    return participant.actor.id if participant and participant.actor else None


def _mention(token: Token) -> Mention:
    return Mention(token.text, token.idx, token.idx + len(token.text))


def _participant_span(participant: Participant | None) -> Mention | None:
    """The actor's mention that holds the participant's token (else the token itself)."""
    if participant is None:
        return None
    token = participant.token
    if participant.actor is not None:
        for mention in participant.actor.mentions:
            if mention.start <= token.idx < mention.end:
                return mention
    return _mention(token)


def _confidence(found: Detection, source: Participant | None,
                target: Participant | None) -> float:
    score = 0.4 + 0.2 * (source is not None and source.actor is not None)
    score += 0.2 * (target is not None and target.actor is not None)
    score += 0.1 * min(found.pattern.specificity, 2) / 2
    return round(min(score, 1.0), 2)


def _merge_repeats(events: list[tuple[Event, bool]]) -> list[Event]:
    """One event per (source, target, root) when the dates agree: the first mention wins."""
    kept: list[tuple[Event, bool]] = []
    for event in events:
        if not any(_same(event, other) for other in kept):
            kept.append(event)
    return [event for event, _ in kept]


def _same(first: tuple[Event, bool], second: tuple[Event, bool]) -> bool:
    """Same actors (or, for two mentions of one event noun, same codes), same root, dates
    that agree."""
    (a, a_noun), (b, b_noun) = first, second
    if (a.source_code, a.target_code, a.cameo[:2]) != (b.source_code, b.target_code,
                                                       b.cameo[:2]):
        return False
    same_noun = a_noun and b_noun and a.trigger.text.lower() == b.trigger.text.lower()
    if (a.source, a.target) != (b.source, b.target) and not same_noun:
        return False
    pa, pb = period(a.date or ""), period(b.date or "")
    if pa is None or pb is None:
        return a.date == b.date
    return pa[0] <= pb[1] and pb[0] <= pa[1]
