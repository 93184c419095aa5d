"""Calendar names in text: dates, months, weekdays, years, decades, quarters, seasons,
holidays and clock times, and what every time rule shares (:class:`Found`, :class:`Context`).

A rule is a function ``(match, context) -> Found | None``: the match is one of the patterns
that :data:`eventwire.extract.times.RULES` pairs it with, the context gives the parse and the
publication date, and ``None`` rejects the match ("May" the verb, "2000 troops"). The
arithmetic is in :mod:`eventwire.extract.timex`; relative expressions and durations are in
:mod:`eventwire.extract.timerelative`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from eventwire.extract import timex
from eventwire.parse import doc_text, token_starts
from eventwire.timeperiod import iso_week

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression before it becomes a record; offsets are into the Doc text."""

    start: int
    end: int
    value: str | None
    type: TimeType = "DATE"
    mod: str | None = None
    yearless: bool = False  # month or day named without a year: an interval may supply it
    anaphor: str | None = None  # "same_period", "that:year:0": valued from an earlier one
    rule: str = ""  # the rule that found it


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may consult besides its match: the parse and the publication date."""

    doc: Doc
    published: dt.date | None
    token_starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, published: dt.date | None) -> Context:
        """The context of one parsed article."""
        return cls(doc, published, tuple(token_starts(doc)))

    def token_at(self, offset: int) -> Token | None:
        """The token that holds character ``offset``."""
        i = bisect.bisect_right(self.token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def sentence_span(self, offset: int, widen: int = 0) -> tuple[int, int]:
        """The characters of the sentence that holds ``offset``, widened back by ``widen``
        sentences; the whole text when the Doc has no sentence boundaries."""
        token = self.token_at(offset)
        doc = self.doc
        if token is None or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return 0, len(doc_text(doc))
        sentence = token.sent
        first = sentence.start
        for _ in range(widen):
            first = doc[first - 1].sent.start if first > 0 else 0
        return doc[first].idx, sentence.end_char

    def told_as_done(self, start: int) -> bool:
        """Whether the expression at ``start`` dates a plain past act ("clashed on Sunday",
        not "was scheduled for Sunday" or "said it would meet on Sunday")."""
        token = self.token_at(start)
        for _ in range(6):
            if token is None or token.pos_ in ("VERB", "AUX"):
                break
            token = None if token.head is token else token.head
        return (token is not None and token.tag_ == "VBD" and token.lemma_ not in _INTENTIONS
                and not any(c.dep_ in ("aux", "auxpass") for c in token.children))

    def lean(self, start: int) -> timex.Lean:
        """The tense of the verb that governs the expression at ``start``."""
        if SINCE_BEFORE.search(doc_text(self.doc), max(0, start - 20), start):
            return "past"  # "since Oct. 23" cannot lie ahead
        token = self.token_at(start)
        for _ in range(6):  # climb through prepositions and nouns to the clause's verb
            if token is None or token.pos_ in ("VERB", "AUX"):
                break
            token = None if token.head is token else token.head
        return _tense(token) if token is not None else None


Rule = Callable[[re.Match[str], Context], Found | None]


def _tense(verb: Token) -> timex.Lean:
    """Past, future or neither, from the verb and its auxiliaries ("will meet", "had met")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "shall", "wo") for a in auxiliaries):
        return "future"
    if any(a.tag_ == "VBD" or a.lower_ in ("had", "'d") for a in auxiliaries):
        return "past"
    if any(a.lemma_ == "have" for a in auxiliaries):
        return "past"  # "has been searching since Oct. 23": the perfect looks back
    if verb.tag_ == "VBD" and not auxiliaries:
        return "past"
    if (verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxiliaries)
            and verb.head.lemma_ in _INTENTIONS):
        return "future"  # "is scheduled to close Monday": an intention lies ahead
    if verb.tag_ == "VBN" and not auxiliaries and verb.dep_ in ("acl", "advcl"):
        return "past"  # "the injunction issued Thursday"
    return None


#: verbs whose "to" clause lies ahead ("plans to visit", "is due to arrive", "is to resume")
_INTENTIONS = frozenset({"plan", "expect", "schedule", "set", "due", "intend", "hope", "aim",
                         "prepare", "promise", "vow", "decide", "propose", "threaten", "be",
                         "agree", "want", "seek", "try", "going", "go", "likely", "poise"})
SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:shortly\s+)?(?:before|after)\s+(?:the\s+)?)?$", re.I)

# ---------------------------------------------------------------- vocabulary

WEEKDAY = "(?-i:" + "|".join(w.capitalize() for w in timex.WEEKDAYS) + ")"
MONTH_FULL = ("(?-i:January|February|March|April|May|June|July|August|September|October"
              "|November|December)")
MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
MONTH = rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR})"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d%]|[.,]\d|(?:st|nd|rd|th)\b)"
SMALL = "one|two|three|four|five|six|seven|eight|nine"
NUM_WORD = (rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:{SMALL}))?"
            rf"|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|{SMALL}")
NUM = (rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:{NUM_WORD}|a\s+couple\s+of|a\s+dozen|a|an)"
       r"(?:\s+hundred)?|half\s+an?)(?:\s+and\s+(?:a\s+)?half)?")
UNIT = (r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?"
        r"|quarters?|years?|decades?|century|centuries)")
PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
REL = r"(?P<rel>last|next|this(?:\s+past|\s+coming)?|the\s+(?:previous|following))"
REL_OFFSETS = MappingProxyType({"last": -1, "this past": -1, "the previous": -1, "this": 0,
                                "the current": 0, "next": 1, "this coming": 1,
                                "the following": 1})
NOT_A_TIME_ENTITY = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW",
                               "EVENT"})
_PARTS = MappingProxyType({"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"})
_SEASONS = MappingProxyType({"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9),
                             "fall": ("FA", 9), "winter": ("WI", 12)})
_DEICTIC_DAYS = MappingProxyType({"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                                  "day before yesterday": -2, "day after tomorrow": 2})
_ORDINALS = MappingProxyType({"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                              "fourth": 4, "4th": 4})
_NOT_YEAR_BEFORE = frozenset({"no", "no.", "number", "#", "flight", "route", "room", "highway",
                              "interstate", "channel", "chapter", "article", "section", "page",
                              "model", "resolution", "bill", "code", "rule", "form", "unit"})
_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|hours|hrs|local\s+time)\b", re.I)
_MONTH_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "from", "through", "during",
                                 "early", "late", "mid", "mid-", "before", "after", "last",
                                 "next", "this", "of", "to", "between", "and", "or", "on"})


def month_number(name: str) -> int:
    """1 for "January" or "Jan.", and so on."""
    return timex.MONTHS.index(name[:3].lower()) + 1


def is_name(ctx: Context, start: int) -> bool:
    """Whether the word at ``start`` is part of a name ("USA Today", "April Ryan")."""
    token = ctx.token_at(start)
    return token is not None and token.ent_type_ in NOT_A_TIME_ENTITY


def is_title(m: re.Match[str], ctx: Context) -> bool:
    """Whether words that are lowercase in running text are capitalised in mid-sentence, as
    in a title ("ABC's This Week", "High Noon", "VOA Today")."""
    token = ctx.token_at(m.start())
    if token is None or token.is_sent_start or not all(w[:1].isupper() for w in m[0].split()):
        return False
    return token.i > 0 and token.nbor(-1).is_alpha


def iso_date(m: re.Match[str], ctx: Context) -> Found | None:
    """"2024-08-03", if there is such a day."""
    day = timex.day_in(int(m["y"]), int(m["m"]), int(m["d"]))
    return Found(m.start(), m.end(), day.isoformat()) if day else None


def calendar_date(m: re.Match[str], ctx: Context) -> Found | None:
    """"Aug. 3", "August 3, 2024", "3 August", "last Oct. 23": a day, its year from the text
    or, failing that, chosen by :func:`timex.month_day`."""
    month, day = month_number(m["mon"]), int(m["day"])
    if m["rel"] and ctx.published is not None and not m["year"]:
        direction = "last" if REL_OFFSETS[" ".join(m["rel"].lower().split())] < 0 else "next"
        found = timex.occurrence(
            ctx.published, lambda y: timex.day_in(y, month, day), None, direction)
        return Found(m.start(), m.end(), found.isoformat()) if found else None
    if m["year"]:
        exact = timex.day_in(int(m["year"]), month, day)
        return Found(m.start(), m.end(), exact.isoformat()) if exact else None
    if ctx.published is None:
        return Found(m.start(), m.end(), f"XXXX-{month:02d}-{day:02d}", yearless=True)
    found = timex.month_day(ctx.published, month, day, ctx.lean(m.start()))
    return Found(m.start(), m.end(), found.isoformat(), yearless=True) if found else None


def month_of_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"August 1988", "Aug. of 1988": ``1988-08``."""
    return Found(m.start(), m.end(), f"{m['year']}-{month_number(m['mon']):02d}")


def month_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"January", "last March", "July this year": a month; the year of a bare one is chosen
    by :func:`timex.month_year` ("May" counts only after a preposition: it is mostly a verb)."""
    month, rel, rel2 = month_number(m["mon"]), m["rel"], m["rel2"]
    if rel is None and rel2 is None:
        before = doc_text(ctx.doc)[max(0, m.start() - 12) : m.start()].lower().split()
        if m["mon"] == "May" and not (before and before[-1] in _MONTH_PREPOSITIONS):
            return None  # "May" is a verb far more often than a month
        if is_name(ctx, m.start()):
            return None
    if ctx.published is None:
        return Found(m.start(), m.end(), f"XXXX-{month:02d}", yearless=True)
    pub = ctx.published
    if rel2 is not None:
        year = pub.year + REL_OFFSETS[rel2.lower()]
    elif rel is not None:
        offset = REL_OFFSETS[" ".join(rel.lower().split())]
        year = pub.year + offset
        if (offset < 0 and month < pub.month) or (offset > 0 and month > pub.month):
            year = pub.year  # "last March" in August is this year's March
    else:
        year = timex.month_year(pub, month, ctx.lean(m.start()))
    return Found(m.start(), m.end(), f"{year:04d}-{month:02d}", yearless=rel2 is None)


def weekday_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"Wednesday", "last Friday", "Tuesday morning", "Wednesday's meeting": the nearest
    such day; "Tuesdays" is a SET."""
    weekday = timex.WEEKDAYS.index(m["wd"].lower())
    if m["plural"]:
        return Found(m.start(), m.end(), f"XXXX-WXX-{weekday + 1}", "SET")
    if ctx.published is None:
        return Found(m.start(), m.end(), f"XXXX-WXX-{weekday + 1}")
    rel = " ".join((m["rel"] or "").lower().split())
    if rel:
        direction = {-1: "last", 0: "this", 1: "next"}[REL_OFFSETS[rel]]
        day = timex.relative_weekday(ctx.published, weekday, direction)
    else:
        day = timex.nearest_weekday(ctx.published, weekday, ctx.lean(m.start()))
        if (day - ctx.published).days >= 2 and ctx.told_as_done(m.start()):
            # "protesters rallied on Sunday" lies behind the story; the day after it may
            # still be news told in the past, from a time zone ahead of the story's date
            day -= dt.timedelta(days=7)
    return Found(m.start(), m.end(), day.isoformat())


def deictic(m: re.Match[str], ctx: Context) -> Found | None:
    """"today", "yesterday", "the day after tomorrow", "tomorrow morning"; not the generic
    "in today's world" or "the people of tomorrow", nor the name "VOA Today"."""
    if is_name(ctx, m.start()) or is_title(m, ctx):
        return None
    before = doc_text(ctx.doc)[max(0, m.start() - 6) : m.start()].lower().split()
    if before and before[-1] in ("of", "in", "for") and (
            doc_text(ctx.doc).startswith("'s", m.end()) or m["word"].lower() == "tomorrow"):
        return None
    offset = _DEICTIC_DAYS[" ".join(m["word"].lower().split()).removeprefix("the ")]
    if ctx.published is None:
        return Found(m.start(), m.end(), None)
    return Found(m.start(), m.end(), (ctx.published + dt.timedelta(days=offset)).isoformat())


def part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    """"this morning", "last night": a TIME of the publication day or the day before."""
    if ctx.published is None:
        return Found(m.start(), m.end(), None, "TIME")
    day = ctx.published - dt.timedelta(days=m["rel"].lower() == "last")
    return Found(m.start(), m.end(), f"{day.isoformat()}T{_PARTS[m['part'].lower()]}", "TIME")


def year_number(m: re.Match[str], ctx: Context) -> Found | None:
    """"2022", "fiscal 1989", "the year 2000", "1998-99": a year (or a span of years),
    unless the number is money, a count ("2000 troops") or a label ("Flight 1549")."""
    if _not_a_year(m, ctx):
        return None
    year = int(m["year"])
    if m["y2"]:
        last = int(m["y2"]) if len(m["y2"]) == 4 else year // 100 * 100 + int(m["y2"])
        if last <= year or last - year > 100:
            return None
        return Found(m.start(), m.end(), f"{year:04d}/{last:04d}")
    return Found(m.start(), m.end(), f"{year:04d}")


def _not_a_year(m: re.Match[str], ctx: Context) -> bool:
    """Whether a year-like number is money, a count, a label or a clock time instead."""
    token = ctx.token_at(m.start("year"))
    if token is None:
        return True
    if _CLOCK_AFTER.match(doc_text(ctx.doc), m.end()):
        return True  # "at 1500 GMT" is a time of day
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or is_name(ctx, token.idx):
        return True
    previous = token.nbor(-1) if token.i > 0 else token
    if previous.lower_ in _NOT_YEAR_BEFORE:
        return True
    # "2000 troops": a count of something, not "the 2000 election"
    head = token.head
    return (token.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and head.i > token.i
            and timex.unit_of(head.text) is None and previous.lower_ not in ("the", "in", "of"))


def spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Broadcast transcripts spell years out: "nineteen ninety-eight", "the year two thousand"."""
    spelled = m["tens"] or m["units"]
    year = (1900 if m["tens"] else 2000) + int((timex.parse_number(spelled) if spelled else 0) or 0)
    return Found(m.start(), m.end(), f"{year:04d}")


def decade_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"the 1990s", "the mid-1980s", "the '90s": TIMEX3 writes a decade as ``199``."""
    if m["dec"]:
        decade = m["dec"][:3]
    else:
        short = int(m["short"])
        century = 20 if ctx.published and 2000 + short <= ctx.published.year else 19
        decade = f"{century}{short // 10}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["pre"] or "").lower())
    return Found(m.start(), m.end(), decade, mod=mod)


def quarter_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"the third quarter", "third-quarter", "Q3 2024": TIMEX3 ``2024-Q3``; without a year,
    the latest such quarter to have begun by the publication date."""
    number = int(m["q"]) if m["q"] else _ORDINALS[m["ord"].lower()]
    year_text = m["y1"] or m["y2"] or m["y3"]
    if year_text:
        year = int(year_text)
    elif ctx.published is not None:
        year = timex.quarter_year(ctx.published, number)
    else:
        return Found(m.start(), m.end(), f"XXXX-Q{number}")
    return Found(m.start(), m.end(), f"{year:04d}-Q{number}")


def season_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"last summer", "this fall", "spring 1998": TIMEX3 ``1998-SP`` (a winter takes the year
    of its December)."""
    code, first_month = _SEASONS[m["season"].lower()]
    if m["year"]:
        return Found(m.start(), m.end(), f"{m['year']}-{code}")
    if m["rel"] is None or ctx.published is None:
        return None
    offset = REL_OFFSETS[" ".join(m["rel"].lower().split())]
    year = timex.season_year(ctx.published, first_month, offset)
    return Found(m.start(), m.end(), f"{year:04d}-{code}")


def holiday_name(m: re.Match[str], ctx: Context) -> Found | None:
    """"Thanksgiving", "last Christmas", "Easter 2024", "Easter week"."""
    name = m["name"]
    if m["year"]:
        day = timex.holiday(name, int(m["year"]))
    elif ctx.published is None:
        return None
    else:
        rel = (m["rel"] or "").lower()
        day = timex.occurrence(ctx.published, lambda y: timex.holiday(name, y),
                               ctx.lean(m.start()), rel if rel in ("last", "next") else "")
    if day is None:
        return None
    return Found(m.start(), m.end(), iso_week(day) if m["week"] else day.isoformat())


def clock_time(m: re.Match[str], ctx: Context) -> Found | None:
    """"7:15 p.m.", "9 a.m. EST", "noon": a TIME on the publication day."""
    if is_title(m, ctx):
        return None
    if m["word"]:
        hour, minute = (12, 0) if m["word"].lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        hour += 12 if m["ap"].lower().startswith("p") else 0
    day = ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"
    return Found(m.start(), m.end(), f"{day}T{hour:02d}:{minute:02d}", "TIME")


