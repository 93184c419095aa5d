"""Time expressions: find them in a parsed article and resolve them against its date.

Finding is a small grammar of regular expressions over the article text (:data:`RULES`),
one family per rule: calendar names in :mod:`~eventwire.extract.timenames`, relative
expressions and durations in :mod:`~eventwire.extract.timerelative`, the arithmetic in
:mod:`~eventwire.extract.timex`. The spaCy parse supplies only what the words cannot: the
tense of the governing verb (which settles close calls between two candidate days), the
sentence (for "the same period last year") and guards against numbers and names that are not
times. Overlapping matches are settled longest first; then qualifiers ("nearly", "since")
become TIMEX3 mods, ranges whose first end lacks a year become intervals, clock times are put
on their day, and expressions that point back ("that year") are valued.

Values follow the TIMEX3 grammar of TimeML (Pustejovsky et al. 2003; TimeML 1.2.1
guidelines) and news is anchored to its publication date, as in HeidelTime (Strötgen &
Gertz, "Multilingual and cross-domain temporal tagging", 2013). dateparser is not used: its
choices ("in 2022" as 2022-08-20, a bare weekday always in the past) are not TimeML's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from eventwire.extract import timenames as names
from eventwire.extract import timerelative as relative
from eventwire.extract import timex
from eventwire.extract.anchored import AnchoredPattern, anchored
from eventwire.extract.timenames import (
    DAY,
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    NUM,
    NUM_WORD,
    PART,
    REL,
    SMALL,
    UNIT,
    WEEKDAY,
    YEAR,
    Context,
    Found,
    Rule,
)
from eventwire.parse import doc_lower, doc_text
from eventwire.records import TimeExpression, content_id
from eventwire.timeperiod import period

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["RULES", "UNDERSPECIFIED_RULES", "find_times"]


def _compile(pattern: str, anchor: str | None = None, before: int = 0, after: int = 0,
             *, cased: bool = False) -> AnchoredPattern:
    """Patterns ignore case; names of months and weekdays opt out with ``(?-i:...)``.

    ``anchor`` (lower-case words) is what every match holds, starting at most ``before``
    characters into the match and ending at most ``after`` characters before its end, with
    room to spare: the pattern is then run only near the anchor's hits
    (:class:`~eventwire.extract.anchored.AnchoredPattern`).
    """
    return anchored(pattern, anchor, before, after, cased=cased)


#: Anchors: the words that the rules' matches are built around, in lower case.
_UNITS = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)"
#: Months and weekdays are names: their patterns take them capitalised only, so their anchors
#: are matched on the text itself (``cased``), where "may" and "market" are no hits.
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DIRECTIONS = r"(?:ago|earlier|from\s+now|hence)\b"
_HOLIDAYS = (r"christmas|new\s+year|halloween|valentine|boxing|thanksgiving|labor|memorial"
             r"|election|martin|easter|good\s+friday|fourth")


_DIR = r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)"
_TENS_WORDS = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"

#: (pattern, rule) in order of precedence: of two overlapping matches the longer wins, and of
#: two equally long ones the earlier rule.
RULES: tuple[tuple[AnchoredPattern, Rule], ...] = (
    (_compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), names.iso_date),
    (_compile(rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+|{WEEKDAY},?\s+)?"
              rf"{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", _MONTHS, 60, 60, cased=True),
     names.calendar_date),
    (_compile(rf"\b(?P<rel>)(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"
              rf"(?:,?\s+{YEAR})?", _MONTHS, 60, 60, cased=True), names.calendar_date),
    (_compile(rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}", _MONTHS, 10, 40, cased=True),
     names.month_of_year),
    (_compile(rf"\b(?:{REL}\s+)?(?P<mon>{MONTH_FULL}|{MONTH_ABBR})"
              r"(?:,?\s+(?:of\s+)?(?P<rel2>last|this|next)\s+year)?\b(?!-)",
              _MONTHS, 40, 60, cased=True), names.month_name),
    (_compile(rf"\b(?:{REL}\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?\b{PART}",
              _WEEKDAYS, 40, 40, cased=True), names.weekday_name),
    (_compile(r"\b(?:the\s+)?(?P<word>today|tonight|yesterday|tomorrow|day\s+before\s+yesterday"
              rf"|day\s+after\s+tomorrow)\b{PART}",
              r"today|tonight|yesterday|tomorrow", 40, 40), names.deictic),
    (_compile(r"\b(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
              r"morning|afternoon|evening|night", 20, 10),
     names.part_of_day),
    (_compile(r"\b(?P<rel>last|next|this(?:\s+past|\s+coming)?|the\s+(?:past|last|next|coming"
              r"|previous|following|current))\s+(?:fiscal\s+)?(?P<unit>week|weekend|month"
              r"|quarter|year|decade|century)\b(?!-\w)", _UNITS, 60, 40), relative.relative_unit),
    (_compile(rf"\b(?P<num>{NUM})\s+{UNIT}{_DIR}\b", _DIRECTIONS, 120, 20), relative.ago),
    (_compile(r"\b(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?P<rel>past|last|next|coming|previous"
              r"|first|final|latest|following|remaining|initial|entire)\s+)?"
              rf"(?:(?P<low>{NUM})\s*(?:to|or|-|–)\s*)?(?P<num>{NUM})(?:\s+|-)"
              r"(?:(?P<kind>more|additional|full|straight|consecutive|extra|further|trading"
              r"|business|working|calendar)[\s-]+)?"
              rf"{UNIT}(?:-long)?\b(?![-‑]\w|\s+old\b)", _UNITS, 150, 40), relative.duration),
    (_compile(r"\b(?:the\s+)?(?:(?P<pre>early|mid|late)[-\s]?)?(?:(?P<dec>1\d{2}0|20\d0)['’]?s"
              r"|['’](?P<short>\d0)['’]?s)\b", r"0['’]?s\b", 40, 10), names.decade_name),
    (_compile(rf"(?:\b(?:fiscal(?:\s+year)?|FY|the\s+year)\s+)?(?<![\w$€£#.,/:]){YEAR}"
              r"(?:\s*[-–/]\s*(?P<y2>\d{4}|\d{2})(?!\d))?(?!['’]?s\b)", r"1\d{3}|20\d\d", 40, 40),
     names.year_number),
    (_compile(rf"\b(?:the\s+year\s+)?nineteen[-\s](?P<tens>(?:{_TENS_WORDS})(?:-(?:{SMALL}))?)\b"
              rf"|\bthe\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<units>{SMALL}))?\b",
              r"nineteen|thousand", 40, 60),
     names.spoken_year),
    (_compile(r"\b(?:(?P<y1>1\d{3}|20\d{2})(?:['’]s)?\s+)?(?P<ord>first|second|third|fourth"
              r"|1st|2nd|3rd|4th)[-\s]quarter\b(?:\s+(?:of\s+)?(?P<y2>1\d{3}|20\d{2}))?"
              r"|\b(?-i:Q)(?P<q>[1-4])\b(?:\s+(?P<y3>1\d{3}|20\d{2}))?",
              r"quarter|q[1-4]", 40, 40), names.quarter_name),
    (_compile(r"\b(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?)\s+)?(?P<season>spring|summer"
              rf"|autumn|fall|winter)\b(?:,?\s+(?:of\s+)?{YEAR})?",
              r"spring|summer|autumn|fall|winter", 40, 40), names.season_name),
    (_compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|"
              r"[ap]m\b)(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?|\b(?P<word>noon|midnight)\b",
              r"[ap]\.\s?m\.|[ap]m\b|noon|midnight", 40, 40),
     names.clock_time),
    (_compile(r"\b(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly)\b|\b(?:every|each)"
              r"\s+(?P<other>other\s+)?(?P<unit>day|night|week|month|year|quarter)\b",
              r"daily|weekly|monthly|annually|yearly|hourly|nightly|every|each", 10, 40),
     relative.recurring),
    (_compile(r"\b(?:the\s+)?(?:same|comparable|corresponding)\s+(?:period|time|months?|quarter"
              r"|week|day)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous"
              r"|prior)\s+year)\b|\bthe\s+year[-\s](?:ago|earlier)\s+(?:period|quarter|months?)\b",
              r"same|comparable|corresponding|year", 20, 80),
     relative.same_period),
    (_compile(r"\b(?:that|the\s+same)\s+(?P<unit>day|week|month|year)\b",
              r"that|same", 10, 30), relative.that_period),
    (_compile(r"\byear[-\s](?:earlier|ago)\b", r"year", 10, 30), relative.year_ago),
    (_compile(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>(?-i:Christmas(?:\s+(?:Day|Eve))?"
              r"|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day|Boxing\s+Day"
              r"|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day"
              r"|Martin\s+Luther\s+King\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday"
              rf"|the\s+Fourth\s+of\s+July))(?P<week>\s+week)?\b(?:,?\s+{YEAR})?",
              _HOLIDAYS, 40, 80),
     names.holiday_name),
    (_compile(rf"\b(?P<num>a|an|one|\d+|{NUM_WORD})\s+{UNIT}\s+and\s+a\s+half\b", r"half", 80, 10),
     relative.half_duration),
    (_compile(r"\b(?:the\s+(?P<part>end|beginning|start|middle)\s+of\s+the\s+(?P<unit>year|month"
              r"|week|quarter)|(?P<unit2>year)[-\s]end)\b",
              r"end|beginning|start|middle", 40, 60), relative.period_end),
    (_compile(r"\bthe\s+(?:fiscal\s+|financial\s+|calendar\s+)?year(?=\s+(?:ended|ending|to))",
              r"year", 40, 40),
     relative.year_ended),
    (_compile(r"\b(?P<unit>day|week|month|year)-long\b", r"-long", 20, 10), relative.long_span),
    (_compile(r"\bthe\s+(?:full|whole|entire)\s+year\b(?!\s+(?:ended|ending|to)\b)",
              r"year", 30, 40),
     relative.full_year),
    (_compile(r"\bthe\s+(?P<rel>next|following|previous)\s+(?:day|morning|afternoon|evening"
              r"|night)\b", r"next|following|previous", 20, 30), relative.next_day),
)

#: Expressions with no calendar value or measured length ("now", "recently", "several days"):
#: TimeML tags them, but they date nothing, so they are reported only on request.
UNDERSPECIFIED_RULES: tuple[tuple[AnchoredPattern, Rule], ...] = (
    (_compile(rf"\b(?:a\s+few|few|several|many|some)\s+{UNIT}{_DIR}\b",
              _DIRECTIONS, 60, 20), relative.vague_ago),
    (_compile(r"\b(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?P<q>(?:a\s+)?few|several|many"
              r"|recent|coming)\s+(?P<unit>days|weeks|months|years|decades|hours)\b",
              r"days|weeks|months|years|decades|hours", 60, 20),
     relative.vague_duration),
    (_compile(r"\b(?P<ref>now|currently|recently|(?<=in\s)the\s+(?:past|future))\b",
    r"now|currently|recently|past|future", 20, 20),
     relative.reference),
)

_MODIFIER = re.compile(
    r"\b(?P<mod>nearly|almost|about|around|roughly|approximately|some|more\s+than|over|less\s+than"
    r"|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over"
    r"|just\s+under|well\s+over|since|early-?|earlier|late-?|later|mid-?|the\s+end\s+of"
    r"|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s*$", re.IGNORECASE)
_INTERVAL_LEAD = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_INTERVAL_GAP = re.compile(r"\s*(?P<word>and|to|through|until|till|-|–)\s*", re.IGNORECASE)
_MODS = MappingProxyType({
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "less than": "LESS_THAN",
    "just under": "LESS_THAN", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "since": "ON_OR_AFTER", "early": "START", "earlier": "START", "the beginning of": "START",
    "the start of": "START", "mid": "MID", "the middle of": "MID", "late": "END",
    "later": "END", "the end of": "END", "some": "APPROX", "over": "MORE_THAN",
    "under": "LESS_THAN"})
_DURATION_ONLY = frozenset({"some", "over", "under"})
_DATE_ONLY = frozenset({"since", "early", "earlier", "the beginning of", "the start of", "mid",
                        "the middle of", "late", "later", "the end of"})
_POINTING_BACK = frozenset({"ago", "same_period", "year_ago"})
_DAY_RULES = frozenset({"weekday_name", "calendar_date", "deictic", "iso_date"})
_CLOCK_TO_DAY = re.compile(r",?\s*(?:on\s+)?")


def find_times(
    doc: Doc, published: dt.date | None, article_id: str, *, underspecified: bool = False
) -> list[TimeExpression]:
    """Every time expression in ``doc``, with a TIMEX3 value resolved against ``published``.

    Values are ISO 8601 where one exists (``2024-08-21``, ``2024-W33``, ``2024-07``, ``2022``,
    ``P4D``, ``2024-01/2024-07``) and TIMEX3 otherwise (``2024-Q3``, ``199`` for the 1990s,
    ``XXXX-08-03`` when there is no publication date to give a day its year). Expressions
    that need the publication date to mean anything ("yesterday") get ``None`` without one.
    With ``underspecified``, "now" (``PRESENT_REF``), "recently" (``PAST_REF``) and "several
    days" (``PXD``) are reported too.
    """
    ctx = Context.of(doc, published)
    rules = RULES + UNDERSPECIFIED_RULES if underspecified else RULES
    found = _select(list(_candidates(ctx, rules)))
    found = [_with_modifier(f, doc_text(doc)) for f in found]
    found = _join_intervals(found, doc_text(doc))
    found = _anchor_clock_times(found, ctx)
    found = _resolve_anaphora(found, ctx)
    return [
        TimeExpression(
            id=content_id(article_id, "time", f.start, f.end),
            text=doc_text(doc)[f.start : f.end],
            start=f.start,
            end=f.end,
            value=f.value,
            type=f.type,
            mod=f.mod,
        )
        for f in found
    ]


def _candidates(
    ctx: Context, rules: tuple[tuple[AnchoredPattern, Rule], ...]
) -> Iterator[tuple[Found, int]]:
    """Every match of every rule, with the rule's rank (earlier rules win ties)."""
    text, lowered = doc_text(ctx.doc), doc_lower(ctx.doc)
    for rank, (pattern, rule) in enumerate(rules):
        for match in pattern.finditer(text, lowered):
            found = rule(match, ctx)
            if found is not None and found.end > found.start:
                yield replace(found, rule=rule.__name__), rank


def _select(candidates: list[tuple[Found, int]]) -> list[Found]:
    """Keep the longest of overlapping matches (then the earlier rule), in text order."""
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []
    for found, _ in sorted(candidates, key=lambda c: (c[0].start - c[0].end, c[1], c[0].start)):
        if all(found.end <= s or found.start >= e for s, e in taken):
            chosen.append(found)
            taken.append((found.start, found.end))
    return sorted(chosen, key=lambda f: f.start)


def _with_modifier(found: Found, text: str) -> Found:
    """Take in a qualifier just before the expression ("nearly", "more than", "since",
    "early", "the end of") and record it as a TIMEX3 ``mod``."""
    match = _MODIFIER.search(text, max(0, found.start - 30), found.start)
    if match is None:
        return found
    word = " ".join(match["mod"].lower().replace("-", " ").split())
    if word in _DURATION_ONLY and text.startswith(("the ", "The "), found.start):
        return found  # "over the past three years" is during them, not more than them
    mod = _modifier_for(word, found.type)
    if mod is None:
        return found
    return replace(found, start=match.start("mod"), mod=mod)


def _modifier_for(word: str, kind: str) -> str | None:
    """The TIMEX3 ``mod`` a qualifier gives an expression of type ``kind``, if any."""
    if word in _DURATION_ONLY and kind != "DURATION":
        return None
    if word in _DATE_ONLY and kind not in ("DATE", "TIME"):
        return None
    if kind == "DURATION" and word in ("nearly", "almost"):
        return "LESS_THAN"
    return _MODS.get(word)


def _join_intervals(found: list[Found], text: str) -> list[Found]:
    """"between January and July this year", "from March 3 to May 5, 2023": one interval,
    whose first end takes the year of the second."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is None or prev.type != "DATE" or item.type != "DATE" or not item.value:
            out.append(item)
            continue
        gap = text[prev.end : item.start]
        lead = _INTERVAL_LEAD.search(text, max(0, prev.start - 12), prev.start)
        # TimeML tags the two ends of a range apart; we join them only where the first
        # end needs the year that the second one states ("between January and July 2024")
        if (lead is None or not prev.yearless or item.yearless
                or item.rule not in ("calendar_date", "month_name", "month_of_year")
                or _INTERVAL_GAP.fullmatch(gap) is None):
            out.append(item)
            continue
        first = _borrow_year(prev, item) if prev.value else None
        if first is None:
            out.append(item)
            continue
        out[-1] = Found(lead.start(), item.end, f"{first}/{item.value}", "DATE")
    return out


def _borrow_year(first: Found, last: Found) -> str | None:
    """The first end of an interval, in the year of the last end when it had none."""
    assert first.value is not None and last.value is not None
    value = first.value
    if first.yearless and re.match(r"\d{4}", last.value):
        value = last.value[:4] + value[4:]
    bounds, end = period(value), period(last.value)
    if bounds is None or end is None:
        return None
    if bounds[0] > end[0] and first.yearless:
        value = f"{int(value[:4]) - 1:04d}" + value[4:]
    elif bounds[0] > end[0]:
        return None
    return value


def _anchor_clock_times(found: list[Found], ctx: Context) -> list[Found]:
    """Put a clock time on its day: "10 p.m. Wednesday" is one TIME (as TimeML tags it), and
    "at 9 a.m." takes the day named nearest to it in its sentence, else the publication day."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule == "clock_time" and item.rule in _DAY_RULES
                and item.value
                and _CLOCK_TO_DAY.fullmatch(doc_text(ctx.doc), prev.end, item.start)):
            time_of_day = str(prev.value).partition("T")[2]
            out[-1] = replace(prev, end=item.end, value=f"{item.value}T{time_of_day}", rule="")
            continue
        out.append(item)
    return [_on_nearest_day(item, out, ctx) if item.rule == "clock_time" else item for item in out]


def _on_nearest_day(clock: Found, found: list[Found], ctx: Context) -> Found:
    """The clock time on the day named nearest to it in its sentence, if any."""
    first, last = ctx.sentence_span(clock.start)
    days = [f for f in found if f.rule in _DAY_RULES and f.value and len(f.value) == 10
            and first <= f.start < last]
    if not days:
        return clock
    day = min(days, key=lambda f: abs(f.start - clock.start))
    return replace(clock, value=f"{day.value}T{str(clock.value).partition('T')[2]}")


def _resolve_anaphora(found: list[Found], ctx: Context) -> list[Found]:
    """"the same period last year" (the last period named in the sentence, a year back) and
    "that year", "the following month" (the last date named before them)."""
    out: list[Found] = []
    for item in found:
        resolved = _resolve_anaphor(item, out, ctx) if item.anaphor is not None else item
        if resolved is not None:
            out.append(resolved)
    return out


def _resolve_anaphor(item: Found, earlier: list[Found], ctx: Context) -> Found | None:
    """Value an expression that points back (HeidelTime's reference time).

    "the same period last year" is the last period named in its sentence (or the one before),
    a year back; so is "a year earlier" after "third-quarter", as business news uses it;
    "that year" and "the following month" start from the last date named before them.
    """
    assert item.anaphor is not None
    kind, unit, offset = [*item.anaphor.split(":"), "year", "0"][:3]
    dated = [f for f in earlier if f.type == "DATE" and f.value and period(f.value)]
    if kind in ("same_period", "year_back"):
        anchor = _period_nearby(item, dated, ctx)
        if anchor is not None:
            return replace(item, value="/".join(map(_year_back, anchor.split("/"))), anaphor=None)
        if item.value is None and ctx.published is not None:
            return replace(item, value=f"{ctx.published.year - 1:04d}", anaphor=None)
        return replace(item, anaphor=None)
    bounds = period(str(dated[-1].value)) if dated else None
    if bounds is None or bounds[0].year != bounds[1].year:
        if kind == "that" or ctx.published is None:
            return None  # nothing to point back to
        bounds = (ctx.published, ctx.published)
    if (unit == "day" and bounds[0] != bounds[1]) or (
            unit == "month" and bounds[0].month != bounds[1].month):
        return None  # "that day" after "in 1996" names no day
    day = timex.shift(bounds[0], int(offset), unit) if unit in timex.UNITS else bounds[0]
    return replace(item, value=timex.at_granularity(day, unit), anaphor=None)


def _period_nearby(item: Found, dated: list[Found], ctx: Context) -> str | None:
    """What "the same period last year" or "a year earlier" is a year back from: the last
    part of a year (quarter, month or range) named in its sentence or the one before; for
    "the year-ago quarter" and the like, else the last quarter named before it."""
    first, _ = ctx.sentence_span(item.start, widen=1)
    candidates = [f for f in dated if f.rule not in _POINTING_BACK]  # not two years back
    for found in reversed(candidates):
        value = str(found.value)
        if found.start >= first and ("-Q" in value or "/" in value or len(value) == 7):
            return value
    quarters = [f for f in candidates if "-Q" in str(f.value)]
    if item.anaphor != "same_period" or not quarters:
        return None
    return str(quarters[-1].value)


def _year_back(value: str) -> str:
    """``2024-Q3`` -> ``2023-Q3``."""
    return f"{int(value[:4]) - 1:04d}{value[4:]}" if value[:4].isdigit() else value




