"""Anchored scanning finds exactly what a full scan finds, faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.anchored import AnchoredPattern, anchored
from eventwire.extract.figures import FRACTION, MONEY_AFTER, PERCENT
from eventwire.extract.times import RULES, UNDERSPECIFIED_RULES

#: Words of the time grammar and of the text around time expressions, mixed at random below.
WORDS = (
    "3", "12", "1.5", "2024", "1999", "2030", "07", "31st", "4th", "twenty-five", "seventy",
    "a", "an", "one", "half", "dozen", "couple", "of", "and", "hundred", "thousand",
    "nineteen", "ninety-nine", "the", "a", "its", "their", "last", "next", "this", "past",
    "coming", "previous", "following", "first", "final", "remaining", "entire", "more",
    "additional", "full", "straight", "consecutive", "trading", "business", "day", "days",
    "night", "weeks", "month", "months", "quarter", "years", "decade", "centuries", "century",
    "hours", "minutes", "fortnight", "ago", "earlier", "from", "now", "hence", "or", "so",
    "old", "-long", "year-end", "year-ago", "same", "comparable", "corresponding", "period",
    "time", "that", "end", "beginning", "start", "middle", "of", "fiscal", "FY", "Q3",
    "January", "March", "May", "Sept.", "Dec", "Wednesday", "Sundays", "today", "tonight",
    "yesterday", "tomorrow", "morning", "evening", "noon", "midnight", "10:30", "a.m.", "pm",
    "EST", "spring", "fall", "winter", "1990s", "'80s", "mid-", "early", "late", "daily",
    "weekly", "every", "other", "each", "Christmas", "Eve", "New", "Year's", "Day", "Easter",
    "Monday", "Labor", "Good", "Friday", "the", "Fourth", "July", "several", "few", "many",
    "some", "recent", "currently", "recently", "in", "future", "ended", "ending", "to",
    "market", "may", "decided", "said", "troops", ",", ".", ";", "-", "–", "/", "'", "’", "(",
    ")",
)
SEPARATORS = (" ", " ", " ", "  ", "-", "\n", ", ", "")
ALL_RULES = RULES + UNDERSPECIFIED_RULES

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.booleans()),
    max_size=40,
).map(lambda parts: "".join((w.upper() if up else w) + sep for w, sep, up in parts))


def full_scan(pattern: AnchoredPattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.pattern.finditer(text) if m.end() > m.start()]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_every_time_rule_finds_what_a_full_scan_finds(text: str) -> None:
    for pattern, rule in ALL_RULES:
        assert [m.span() for m in pattern.finditer(text)] == full_scan(pattern, text), rule


@pytest.mark.parametrize("text", [
    "The talks lasted three days and a half, and ended 20 years ago.",
    "He was freed a day and a half later; the curfew began at midnight, not 11 p.m.",
    "Sales for the same period last year rose in the first quarter of 2023, two weeks ago.",
    "Twenty-five      years ago, on Sunday, March 3, 1996, the year-long strike ended.",
])
def test_time_rules_on_sentences(text: str) -> None:
    for pattern, rule in ALL_RULES:
        assert [m.span() for m in pattern.finditer(text)] == full_scan(pattern, text), rule


def test_a_match_needs_its_anchor_within_reach() -> None:
    """The window is what makes the scan cheap: a pattern whose matches start further ahead
    of the anchor than ``before`` says is out of contract and loses them."""
    pattern = re.compile(r"alpha\s+\w+\s+omega")
    near = AnchoredPattern(pattern, re.compile("omega"), before=40)
    far = AnchoredPattern(pattern, re.compile("omega"), before=3)
    text = "then alpha beta omega and alpha gamma omega"
    assert [m.group() for m in near.finditer(text)] == ["alpha beta omega", "alpha gamma omega"]
    assert list(far.finditer(text)) == []


def test_text_whose_lower_case_changes_length_is_scanned_whole() -> None:
    pattern = AnchoredPattern(re.compile(r"\d+ days", re.I), re.compile("day"), before=5)
    text = "İstanbul talks took 3 DAYS"
    assert len(text.lower()) != len(text)
    assert [m.group() for m in pattern.finditer(text)] == ["3 DAYS"]


FIGURE_WORDS = (
    "3", "12.5", "1,200", "twenty", "five", "hundred", "one", "a", "an", "two", "million", "bn",
    "m", "thousand", "dollars", "dollar", "US", "u.s.", "American", "Hong", "Kong", "euros",
    "pounds", "sterling", "won", "yen", "yuan", "rand", "%", "per", "cent", "percent",
    "percentage", "points", "point", "pct", "half", "third", "thirds", "quarter", "quarters",
    "tenth", "of", "the", "rose", "by", "troops", ",", ".", "-", "$",
)
figure_texts = st.lists(
    st.tuples(st.sampled_from(FIGURE_WORDS), st.sampled_from(SEPARATORS), st.booleans()),
    max_size=40,
).map(lambda parts: "".join((w.upper() if up else w) + sep for w, sep, up in parts))


@settings(max_examples=300, deadline=None)
@given(figure_texts)
def test_figure_patterns_find_what_a_full_scan_finds(text: str) -> None:
    for pattern in (MONEY_AFTER, PERCENT, FRACTION):
        assert [m.span() for m in pattern.finditer(text)] == full_scan(pattern, text)


def test_only_patterns_without_letters_of_their_own_case_search_the_lower_cased_text() -> None:
    assert anchored(r"\b(?P<n>\d+)\s+days?\b", "day").folded is not None
    assert anchored(r"\b(?-i:Q)[1-4]\b", "q").folded is None  # "q3" is no quarter
    assert anchored(r"\b(?:FY)\s+\d{4}", "fy").folded is None
    months = anchored(r"\b(?-i:March)\s+\d+", "mar", after=10)
    assert [m.group() for m in months.finditer("on March 3, not march 4")] == ["March 3"]
