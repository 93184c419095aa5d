"""Pure resolution rules for time expressions: numbers, durations and calendar arithmetic.

Nothing here knows about spaCy or about where an expression sits in a text: each function
takes what the finder in :mod:`eventwire.extract.times` read off the words (a number, a
unit, a weekday) plus the publication date, and returns a TIMEX3 value (Pustejovsky et al.,
"TimeML", 2003; the TIMEX3 value grammar of the TimeML 1.2.1 guidelines, 2006).

A *lean* is the tense of the verb that governs an expression, ``"past"``, ``"future"`` or
``None``; it only settles close calls between two candidate days or months.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import Literal

from eventwire.timeperiod import iso_day, iso_month, iso_quarter, iso_week, month_end

Lean = Literal["past", "future"] | None

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = MappingProxyType(
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: 10 * (i + 2) for i, w in enumerate(_TENS)}
    | {"a": 1, "an": 1, "zero": 0, "dozen": 12, "couple": 2, "hundred": 100}
)

#: unit -> (how many of the TIMEX3 unit it makes, TIMEX3 unit letter, is it a time-of-day unit)
UNITS = MappingProxyType({
    "second": (1, "S", True), "minute": (1, "M", True), "hour": (1, "H", True),
    "day": (1, "D", False), "night": (1, "D", False), "week": (1, "W", False),
    "fortnight": (2, "W", False), "month": (1, "M", False), "quarter": (3, "M", False),
    "year": (1, "Y", False), "decade": (10, "Y", False), "century": (100, "Y", False),
})
#: a fraction of a unit is written in the next smaller one: 2.5 years -> P2Y6M
_SMALLER = MappingProxyType({
    ("Y", False): (12, "M", False), ("M", False): (30, "D", False),
    ("W", False): (7, "D", False), ("D", False): (24, "H", True),
    ("H", True): (60, "M", True), ("M", True): (60, "S", True),
})

_FRACTION = re.compile(r"(\d+)\s+(\d)/(\d)")
_HALF = re.compile(r"\s*(?:and\s+)?(?:a\s+)?half$|\s*½$")


def unit_of(word: str) -> str | None:
    """The singular unit a word names ("Weeks" -> "week", "centuries" -> "century")."""
    word = word.lower()
    for unit in UNITS:
        if word in (unit, unit + "s") or (unit == "century" and word == "centuries"):
            return unit
    return None


def parse_number(text: str) -> float | None:
    """The amount in a spelled or written count: "two and a half" 2.5, "twenty-five" 25,
    "1 1/2" 1.5, "a couple of" 2, "an" 1, "3,000" 3000; ``None`` when it is not one."""
    text = text.lower().strip()
    half = 0.0
    if text in ("half a", "half an"):
        return 0.5
    if text != "half" and _HALF.search(text):
        text, half = _HALF.sub("", text).strip(), 0.5
    if m := _FRACTION.fullmatch(text):
        return int(m[1]) + int(m[2]) / int(m[3])
    try:
        return float(text.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    for word in re.split(r"[\s-]+", text.removeprefix("a ").replace(" of", "")):
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        total = total * value if value == 100 and total else total + value
    return total + half


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: (4, "day") -> ``P4D``, (2.5, "year") -> ``P2Y6M``, (None, "week")
    -> ``PXW``, (90, "minute") -> ``PT90M``."""
    scale, code, is_time = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{code}"
    total = amount * scale
    whole = int(total)
    rest = total - whole
    text = f"{whole}{code}" if whole else ""
    if rest > 1e-9 and (code, is_time) in _SMALLER:
        factor, small, small_is_time = _SMALLER[code, is_time]
        sub = round(rest * factor)
        if sub:
            text += ("T" if small_is_time and not is_time else "") + f"{sub}{small}"
    return prefix + (text or f"0{code}")


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (negative: back); months and years keep the day of
    the month where they can (31 March minus one month is 29 February or 28 February)."""
    scale, code, is_time = UNITS[unit]
    if is_time:
        return day  # hours and minutes do not move a day at day resolution
    if code in ("D", "W"):
        return day + dt.timedelta(days=round(amount * scale * (7 if code == "W" else 1)))
    months = round(amount * scale * (12 if code == "Y" else 1))
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_end(year, month + 1).day))


def at_granularity(day: dt.date, unit: str) -> str:
    """The value of the ``unit``-sized period that holds ``day``: week -> ``2024-W33``,
    month -> ``2024-07``, year -> ``2024``, decade -> ``202``; smaller units give the day."""
    if unit == "week":
        return iso_week(day)
    if unit == "month":
        return iso_month(day)
    if unit == "quarter":
        return iso_quarter(day)
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return iso_day(day)


def ago(published: dt.date, amount: float, unit: str) -> str:
    """"two weeks ago" and the like: the day, month or year that far back.

    Days and weeks give a day (TimeML writes "six weeks ago" as a week, and the day lies in
    it); months give a month; whole years give a year and fractions of years a month, so
    "two and a half years ago" is a month, not a whole year.
    """
    day = shift(published, -amount, unit)
    if unit in ("year", "decade", "century") and float(amount).is_integer():
        return at_granularity(day, unit if unit == "year" else "year")
    if unit in ("month", "quarter", "year", "decade", "century"):
        return iso_month(day)
    return iso_day(day)


def nearest_weekday(published: dt.date, weekday: int, lean: Lean = None) -> dt.date:
    """The ``weekday`` (0 = Monday) nearest to the publication day, the day itself included.

    A bare weekday in news means the closest such day: a story of Tuesday 20 August that says
    "Wednesday" means the 21st and "Monday" the 19th. Only when the two candidates are three
    and four days away does the tense of the governing verb decide (the past, when it says
    nothing).
    """
    ahead = (weekday - published.weekday()) % 7
    if ahead == 0:
        return published
    forward = published + dt.timedelta(days=ahead)
    backward = forward - dt.timedelta(days=7)
    if ahead in (3, 4):  # a near tie: news reports the past more often than it announces
        return forward if lean == "future" else backward
    return forward if ahead < 4 else backward


def relative_weekday(published: dt.date, weekday: int, direction: str) -> dt.date:
    """"last Friday" (the latest before the publication day), "next Friday" (the first after
    it) or "this Friday" (the nearest, leaning to the future)."""
    if direction == "last":
        back = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=back)
    if direction == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    return nearest_weekday(published, weekday, "future")


#: A month or day named without a year lies at most this far ahead of the publication date,
#: and so at most eight months back: news reports what happened more often than what will
#: (the split was checked against the development set, not fitted to any one story).
AHEAD_LIMIT = dt.timedelta(days=122)


def _pick(candidates: list[dt.date], published: dt.date, lean: Lean) -> dt.date:
    """The candidate between eight months back and four months ahead of ``published``, or
    with a future tense ("will meet on Aug. 3") the first not before it. A past tense is no
    help here: the words it governs ("payable Dec. 15") often lie ahead all the same."""
    if lean == "future":
        return min((d for d in candidates if d >= published), default=candidates[-1])
    return max((d for d in candidates if d <= published + AHEAD_LIMIT), default=candidates[0])


def day_in(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` where there is none (29 February in a common year, 31 April)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day(published: dt.date, month: int, day: int, lean: Lean = None) -> dt.date | None:
    """The year of a day written without one ("Aug. 3"), as :func:`_pick` chooses it."""
    return occurrence(published, lambda year: day_in(year, month, day), lean)


def occurrence(
    published: dt.date, in_year: Callable[[int], dt.date | None], lean: Lean = None,
    direction: str = "",
) -> dt.date | None:
    """Which yearly occurrence of a day is meant: ``direction`` "last" (the latest before
    the publication day), "next" (the first after it), else as :func:`_pick` chooses."""
    years = range(published.year - 1, published.year + 2)
    candidates = [d for d in map(in_year, years) if d is not None]
    if not candidates:
        return None
    if direction == "last":
        return max((d for d in candidates if d < published), default=None)
    if direction == "next":
        return min((d for d in candidates if d > published), default=None)
    return _pick(candidates, published, lean)


def holiday(name: str, year: int) -> dt.date | None:
    """The day of a holiday in a year: fixed ones (Christmas), weekday rules (Thanksgiving,
    the fourth Thursday of November) and Easter (the Gregorian computus)."""
    name = " ".join(name.lower().replace("’", "'").split()).removeprefix("the ")
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in _WEEKDAY_HOLIDAYS:
        month, weekday, nth = _WEEKDAY_HOLIDAYS[name]
        return nth_weekday(year, month, weekday, nth)
    if name == "election day":  # the Tuesday after the first Monday in November
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name.startswith(("easter", "good friday")):
        shift_days = {"good friday": -2, "easter monday": 1}.get(name, 0)
        return easter(year) + dt.timedelta(days=shift_days)
    return None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (0 = Monday) of a month; ``nth`` -1 is the last one."""
    if nth < 0:
        last = month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_FIXED_HOLIDAYS = MappingProxyType({
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "fourth of july": (7, 4), "boxing day": (12, 26),
})
#: (month, weekday, nth): US holidays that news in English names most often
_WEEKDAY_HOLIDAYS = MappingProxyType({
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
})


def month_year(published: dt.date, month: int, lean: Lean = None) -> int:
    """The year of a month named without one ("in January"), as :func:`_pick` chooses it
    (the month of publication counts as both past and future)."""
    this = published.replace(day=1)
    candidates = [dt.date(y, month, 1) for y in (this.year - 1, this.year, this.year + 1)]
    return _pick(candidates, this, lean).year


def quarter_year(published: dt.date, quarter: int) -> int:
    """The year of "the third quarter" named without one: the latest such quarter to have
    begun by the publication date (in October, the third quarter is this year's)."""
    return published.year if 3 * quarter - 2 <= published.month else published.year - 1


def season_year(published: dt.date, first_month: int, offset: int) -> int:
    """The year of "last summer" (offset -1: the latest one over), "next winter" (+1: the
    first to begin after the publication date) or "this spring" (0: the publication year's;
    a winter is the one that began last December until March). TIMEX3 gives a winter the
    year of its December."""
    now = published.year * 12 + published.month - 1
    starts = [y * 12 + first_month - 1 for y in range(published.year - 2, published.year + 2)]
    if offset < 0:
        return max(s for s in starts if s + 2 < now) // 12
    if offset > 0:
        return min(s for s in starts if s > now) // 12
    return published.year - (first_month == 12 and published.month < 3)


def relative_period(published: dt.date, unit: str, offset: int) -> str:
    """"last week" (offset -1: the ISO week before the publication day's), "this month" (0),
    "next year" (+1) and so on."""
    if unit in ("week", "weekend"):
        day = published + dt.timedelta(weeks=offset)
        return iso_week(day) + ("-WE" if unit == "weekend" else "")
    if unit in ("decade", "century"):
        span = 10 if unit == "decade" else 100
        return at_granularity(dt.date(published.year + offset * span, 1, 1), unit)
    return at_granularity(shift(published.replace(day=1), offset, unit), unit)
