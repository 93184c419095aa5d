"""When, where and who says so: an event's date, place and reporting source.

Date: the time expression that governs the trigger's clause or noun ("began in 2022 with
Russia's invasion", "China last month hosted", "an incursion ... two weeks ago"), else the
date of the statement that reports it ("Tass reported Wednesday"), else the publication date;
``date_source`` records which.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Attribution, DateSource, Place, Quote, TimeExpression
from eventwire.timeperiod import period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?",
                    re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
LOCATIVE = frozenset({"in", "at", "into", "near", "inside", "outside", "across", "around"})
#: Prepositions that put a noun in the background ("since the invasion", "amid the war").
BACKGROUND = frozenset({"since", "following", "after", "before", "amid", "despite", "like",
                        "than"})


@dataclass(frozen=True, slots=True)
class Context:
    """Per-article lookups, built once: which token starts which time, place, report."""

    times: dict[int, TimeExpression]
    places: dict[int, Place]
    attributions: tuple[Attribution, ...]
    quotes: tuple[Quote, ...]
    published: dt.date | None

    @classmethod
    def build(cls, doc: Doc, times: tuple[TimeExpression, ...], places: tuple[Place, ...],
              attributions: tuple[Attribution, ...], quotes: tuple[Quote, ...],
              published: dt.date | None) -> Context:
        by_time: dict[int, TimeExpression] = {}
        for time in times:
            for token in _tokens(doc, time.start, time.end):
                by_time[token.i] = time
        by_place: dict[int, Place] = {}
        for place in places:
            for mention in place.mentions:
                for token in _tokens(doc, mention.start, mention.end):
                    by_place[token.i] = place
        return cls(by_time, by_place, attributions, quotes, published)

    def place_codes(self) -> dict[int, str]:
        return {i: p.country for i, p in self.places.items() if p.country}

    def date(self, trigger: Token, others: frozenset[int] = frozenset()
             ) -> tuple[str | None, DateSource]:
        """The event's date and where it came from; ``others`` are the other triggers of the
        sentence, which keep their own time expressions."""
        own = self.text_date(trigger, others)
        if own is not None:
            return own, "text"
        report = self.report_date(trigger.idx)
        if report is not None:
            return report, "report"
        return (self.published.isoformat() if self.published else None), "publication"

    def text_date(self, trigger: Token, others: frozenset[int] = frozenset()) -> str | None:
        """The nearest time expression hanging from the trigger or the verb of its clause."""
        anchors = _anchors(trigger)
        best: tuple[int, str] | None = None
        told_past = trigger.tag_ == "VBD"
        sent = trigger.sent
        for i in range(sent.start, sent.end):  # the sentence's times, not the article's
            time = self.times.get(i)
            if time is None or time.value is None or time.type == "DURATION" \
                    or not _is_date(time.value):
                continue
            token = trigger.doc[i]
            reached = _attachment(token, anchors, others)
            if reached is not None and (best is None or reached < best[0]):
                best = (reached, self._year_back(time) if told_past else time.value)
        if best is not None:
            return best[1]
        head = anchors[-1]
        if head.dep_ == "relcl" and head.head.i in self.times:  # "Tuesday, where he was ..."
            value = self.times[head.head.i].value
            return value if value and _is_date(value) else None
        return None

    def _year_back(self, time: TimeExpression) -> str:
        """"attacked the club on November 13", in a story of July: a day written without its
        year that a past-tense act puts after the story's own day is last year's."""
        value = time.value or ""
        days = period(value)
        if days is None or self.published is None or len(value) != 10 \
                or days[0] <= self.published or _YEAR.search(time.text) \
                or not _MONTH.search(time.text):  # "on Tuesday" is this week's, not a year's
            return value
        try:
            return days[0].replace(year=days[0].year - 1).isoformat()
        except ValueError:  # 29 February
            return value

    def report_date(self, char: int) -> str | None:
        for attribution in self.attributions:
            if _covers(attribution.covers_start, attribution.covers_end, char):
                if attribution.date:
                    return attribution.date
                for time in self.times.values():
                    if attribution.start <= time.start < attribution.end and time.value \
                            and _is_date(time.value):
                        return time.value
        for quote in self.quotes:
            if quote.start <= char < quote.end and quote.date:
                return quote.date
        return None

    def reporter(self, char: int) -> str | None:
        """Who reports the claim that holds this character: an attribution or a quote."""
        for attribution in self.attributions:
            if _covers(attribution.covers_start, attribution.covers_end, char):
                return attribution.source
        for quote in self.quotes:
            if quote.start <= char < quote.end and quote.speaker:
                return quote.speaker
        return None

    def place(self, trigger: Token) -> Place | None:
        """The place attached to the event by a locative preposition in its clause."""
        anchors = _anchors(trigger)
        found: list[tuple[bool, int, Place]] = []
        sent = trigger.sent
        for i in range(sent.start, sent.end):
            place = self.places.get(i)
            if place is None or place.role == "dateline":
                continue
            token = trigger.doc[i]
            prep = _locative_prep(token)
            if prep is not None and _attached(prep, anchors, through_nouns=True):
                # the object of the preposition itself beats a possessor inside it
                found.append((token.dep_ != "pobj", i, place))
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


#: Subordinators of clauses that give an event's background ("after rebels shelled...").
BACKGROUND_MARKS = frozenset({"after", "before", "because", "following", "since", "until", "once"})


#: Marks of a clause that tells the event a state started with ("has depended on Beijing
#: since it was slapped with sanctions"): the event is told, just not dated.
STARTING_MARKS = frozenset({"since"})


def is_background(trigger: Token, marks: frozenset[str] = BACKGROUND_MARKS) -> bool:
    """An event mentioned only as background: "since the invasion", "amid the war", or a
    verb in an "after ..." / "because ..." clause (``marks``) of another event's sentence;
    but not the cause of the toll the sentence leads with ("nine were hurt after a bomb went
    off at a bus stop", "eleven shoppers are dead after a van rammed into a market")."""
    if trigger.pos_ == "NOUN":
        return trigger.dep_ == "pobj" and trigger.head.lower_ in BACKGROUND
    return trigger.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in marks for c in trigger.children
    ) and not tells_a_toll(trigger.head)


#: Predicates of a casualty toll: "were killed", "are dead", "was injured", "died".
TOLL_WORDS = frozenset({"kill", "dead", "die", "injure", "wound", "hurt", "hospitalize",
                        "hospitalise", "injured", "wounded", "killed"})


def tells_a_toll(clause: Token) -> bool:
    """Whether a clause's predicate is a casualty toll, its own verb or an adjective after a
    copula ("are dead")."""
    return clause.lemma_.lower() in TOLL_WORDS or any(
        c.dep_ == "acomp" and c.lemma_.lower() in TOLL_WORDS for c in clause.children)


TOPIC = frozenset({"on", "about", "over", "regarding", "concerning"})


#: Nouns whose "on/about/over" phrase names a topic, even when the parser hangs the phrase
#: on their verb ("renewed negotiations today on a troop pullback").
TALK_NOUNS = frozenset({"talk", "negotiation", "discussion", "meeting", "agreement", "deal",
                        "consultation", "dialogue", "accord", "treaty", "report", "statement",
                        "resolution", "debate", "conference", "summit", "vote", "referendum"})


def is_topic(trigger: Token) -> bool:
    """A noun that is what other events are about: "negotiations on a troop pullback"."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ not in TOPIC:
        return False
    holder = trigger.head.head
    if holder.pos_ == "NOUN":
        return True
    return holder.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS for c in holder.children)


def _anchors(trigger: Token) -> list[Token]:
    """The trigger and the tokens up to the verb of its clause (only the trigger for a noun
    in a "during" adjunct, whose time is its own)."""
    chain = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in {
            "during", "throughout", "on"}:
        return chain
    current = trigger
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.head == current:
            break
        current = current.head
        chain.append(current)
    return chain


def _attachment(token: Token, anchors: list[Token], others: frozenset[int]) -> int | None:
    """Which anchor (0 = the trigger) a time expression hangs from, if any; climbing stops at
    another clause's verb and at another event's trigger."""
    position = {a.i: n for n, a in enumerate(anchors)}
    current = token
    for _ in range(12):
        if current.i in position:
            return position[current.i]
        if current.i in others or current.head == current:
            return None
        if current.pos_ in {"VERB", "AUX"} and current != token:
            return None
        if current.dep_ in {"relcl", "acl", "ccomp", "advcl"}:
            return None
        current = current.head
    return None


def _attached(token: Token, anchors: list[Token], through_nouns: bool = False) -> bool:
    """Whether a token hangs from one of the anchors without crossing another clause."""
    anchor_ids = {a.i for a in anchors}
    current = token
    for _ in range(10):
        if current.i in anchor_ids:
            return True
        if current.head == current:
            return False
        if current.pos_ in {"VERB", "AUX"} and current != token:
            return False
        if not through_nouns and current.dep_ in {"relcl", "acl", "ccomp", "advcl"}:
            return False
        if current.dep_ == "prep" and current.lower_ in BACKGROUND:
            return False
        current = current.head
    return False


def _locative_prep(token: Token) -> Token | None:
    """The locative preposition a place hangs from: "in Moscow", "at Moscow's airport",
    "into the border region of Kursk"."""
    current = token
    for _ in range(5):
        if current.dep_ == "pobj" and current.head.lower_ in LOCATIVE:
            return current.head
        if current.dep_ == "prep" and current.lower_ == "of":
            current = current.head
            continue
        if current.dep_ not in {"poss", "compound", "pobj", "appos"}:
            return None
        current = current.head
    return None


def _covers(start: int | None, end: int | None, char: int) -> bool:
    return start is not None and end is not None and start <= char < end


def _is_date(value: str) -> bool:
    return period(value) is not None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
