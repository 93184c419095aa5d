"""Relative time expressions and spans: "last week", "two weeks ago", "four-day", "the past
three years", "every week", "year-end", and the ones that point back to an earlier date
("that year", "the same period last year"), which :mod:`eventwire.extract.times` values once
it has found everything else.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from eventwire.extract import timex
from eventwire.extract.timenames import (
    REL_OFFSETS,
    SINCE_BEFORE,
    Context,
    Found,
    is_title,
)
from eventwire.parse import doc_text

_SETS = MappingProxyType({"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                          "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"})
_RATE_WORDS = frozenset({"once", "twice", "thrice", "times", "per", "%"})


def relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"last week" (``2024-W33``), "this month", "next year", "last fiscal year"; "the past
    week" and "the next month" are durations (TimeML reads them as spans of time)."""
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    if is_title(m, ctx):
        return None
    if rel in ("the past", "the last", "the next", "the coming"):
        value = "P2D" if unit == "weekend" else timex.duration(1, unit)
        return Found(m.start(), m.end(), value, "DURATION")
    if rel in ("the previous", "the following"):
        anaphor = f"shift:{unit}:{REL_OFFSETS[rel]}"
        return Found(m.start(), m.end(), None, anaphor=anaphor)
    if ctx.published is None:
        return Found(m.start(), m.end(), None)
    value = timex.relative_period(ctx.published, unit, REL_OFFSETS[rel])
    return Found(m.start(), m.end(), value)


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    """"two weeks ago", "a year earlier", "three days from now", "nearly two and half years
    ago": counted back (or on) from the publication date."""
    unit, amount = timex.unit_of(m["unit"]), timex.parse_number(m["num"])
    if unit is None or amount is None:
        return None
    if ctx.published is None:
        return Found(m.start(), m.end(), None)
    sign = 1 if m["dir"].lower() in ("ago", "earlier") else -1
    value = timex.ago(ctx.published, sign * amount, unit)
    if sign > 0 and amount == 1 and unit == "year":
        return Found(m.start(), m.end(), value, anaphor="year_back")
    return Found(m.start(), m.end(), value)


def vague_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """"a few days ago", "several years from now": the past (or future) as a whole."""
    future = m["dir"].lower() in ("from now", "hence")
    return Found(m.start(), m.end(), "FUTURE_REF" if future else "PAST_REF")


def duration(m: re.Match[str], ctx: Context) -> Found | None:
    """"four-day" (P4D), "two weeks" (P2W), "the past three years" (P3Y), "90 minutes"."""
    unit = timex.unit_of(m["unit"])
    amount = timex.parse_number(m["low"] or m["num"])
    if unit is None or amount is None:
        return None
    number = m["num"].lower()
    if number.isdigit() and len(number) == 4 and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter" names a year
    if unit == "second" and not number[0].isdigit():
        return None  # "a second term", "one second thought": an ordinal, as a rule
    if unit == "quarter" and (number in ("a", "an", "one") or "-" in m[0]
                              or doc_text(ctx.doc).startswith(" of", m.end())):
        return None  # "a quarter of", "three-quarters of its food"
    single = number in ("a", "an", "one")
    if single and (m["kind"] or "").lower() == "calendar":
        return None  # "a calendar year" is a kind of year, not a span of one
    if single and _is_rate_or_someday(ctx, m.start("num"), unit):
        return None
    start = m.start() if m["rel"] else m.start("low") if m["low"] else m.start("num")
    return Found(start, m.end(), timex.duration(amount, unit), "DURATION")


def _is_rate_or_someday(ctx: Context, start: int, unit: str) -> bool:
    """"four flights a week", "$5 million a year", "twice a day" are rates (TimeML SETs, which
    we leave out), and "will one day be" means some day, not a span of one day."""
    token = ctx.token_at(start)
    if token is None or token.i == 0:
        return False
    previous = token.nbor(-1)
    if token.lower_ == "one":  # "will one day be", but not "a one-day visit"
        return unit == "day" and previous.pos_ != "ADP" and not doc_text(ctx.doc).startswith(
            "-", token.idx + 3)
    return previous.pos_ in ("NUM", "NOUN", "PROPN", "SYM") or previous.lower_ in _RATE_WORDS


def half_duration(m: re.Match[str], ctx: Context) -> Found | None:
    """"a year and a half" (P1Y6M), "an hour and a half" (PT1H30M)."""
    unit, amount = timex.unit_of(m["unit"]), timex.parse_number(m["num"])
    if unit is None or amount is None:
        return None
    return Found(m.start(), m.end(), timex.duration(amount + 0.5, unit), "DURATION")


def long_span(m: re.Match[str], ctx: Context) -> Found | None:
    """"day-long", "year-long": a span of one unit."""
    unit = timex.unit_of(m["unit"])
    return Found(m.start(), m.end(), timex.duration(1, unit), "DURATION") if unit else None


def vague_duration(m: re.Match[str], ctx: Context) -> Found | None:
    """"several days", "the past few years": a span of unknown length (``PXD``); "recent
    weeks" and "coming months" point at the past or future as a whole (``PAST_REF``)."""
    unit = timex.unit_of(m["unit"])
    quantity = m["q"].lower()
    if quantity in ("recent", "coming"):
        return Found(m.start(), m.end(), "PAST_REF" if quantity == "recent" else "FUTURE_REF")
    return Found(m.start(), m.end(), timex.duration(None, unit), "DURATION") if unit else None


def period_end(m: re.Match[str], ctx: Context) -> Found | None:
    """"the end of the month", "the start of the year": the current period with TIMEX3's
    START, MID or END; "year-end", the accounting term, is the last day of the year."""
    if m["unit2"]:
        if ctx.published is None:
            return Found(m.start(), m.end(), None)
        since = SINCE_BEFORE.search(doc_text(ctx.doc), max(0, m.start() - 20), m.start())
        year = ctx.published.year - (since is not None)  # "since year-end": the last one
        return Found(m.start(), m.end(), f"{year:04d}-12-31")
    unit = m["unit"].lower()
    part = (m["part"] or "end").lower()
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[part]
    value = timex.relative_period(ctx.published, unit, 0) if ctx.published else None
    return Found(m.start(), m.end(), value, mod=mod)


def full_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"the full year", "the whole year": in business news, the current year as a whole."""
    return Found(m.start(), m.end(), f"{ctx.published.year:04d}" if ctx.published else None)


def year_ended(m: re.Match[str], ctx: Context) -> Found | None:
    """"the year ended Sept. 30", "the fiscal year ending in June": a twelve-month span."""
    return Found(m.start(), m.end(), "P1Y", "DURATION")


def recurring(m: re.Match[str], ctx: Context) -> Found | None:
    """"daily", "every week", "each year": a SET, valued as its period."""
    if m["adv"]:
        token = ctx.token_at(m.start())
        if token is None or token.pos_ != "ADV":
            return None  # "a daily newspaper" is not a time expression
        return Found(m.start(), m.end(), _SETS[m["adv"].lower()], "SET")
    unit = timex.unit_of(m["unit"]) or "day"
    return Found(m.start(), m.end(), timex.duration(2 if m["other"] else 1, unit), "SET")


def reference(m: re.Match[str], ctx: Context) -> Found | None:
    """"now", "recently", "in the future": TIMEX3 ``PRESENT_REF``, ``PAST_REF``..."""
    word = " ".join(m["ref"].lower().split())
    value = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "the future": "FUTURE_REF"}
    return Found(m.start("ref"), m.end(), value.get(word, "PAST_REF"))


def same_period(m: re.Match[str], ctx: Context) -> Found | None:
    """"the same period last year", "the year-ago quarter": a period named earlier, a year
    back (valued once everything before it is found)."""
    return Found(m.start(), m.end(), None, anaphor="same_period")


def year_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """"year-earlier", "year-ago" (as in "year-ago profit"): the year before, or the quarter
    a year back when a quarter is under discussion."""
    value = f"{ctx.published.year - 1:04d}" if ctx.published else None
    return Found(m.start(), m.end(), value, anaphor="year_back")


def that_period(m: re.Match[str], ctx: Context) -> Found | None:
    """"that year", "the same day": the period of that size around the last date named."""
    return Found(m.start(), m.end(), None, anaphor=f"that:{m['unit'].lower()}:0")


def next_day(m: re.Match[str], ctx: Context) -> Found | None:
    """"the next day", "the following morning", "the previous evening": a day from the last
    day named before it."""
    offset = -1 if m["rel"].lower() == "previous" else 1
    return Found(m.start(), m.end(), None, anaphor=f"shift:day:{offset}")


