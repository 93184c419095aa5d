"""Day ranges for the TIMEX3-style ISO 8601 values that eventwire stores.

A time value names a day (``2024-08-21``), an ISO week (``2024-W33``), a month (``2024-07``),
a quarter (``2024-Q3``), a year (``2022``), a decade (``199``) or a century (``19``), or an
interval of two of these (``2024-01/2024-07``). :func:`period` turns any of them into the first
and last day it covers, which is how events are matched to dates and how values are compared.
A time of day (``2024-08-20TMO``, ``2024-08-20T19:15``) covers its day. Durations (``P4D``)
and references (``PRESENT_REF``) cover no fixed days and give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def iso_day(d: dt.date) -> str:
    """``2024-08-21``."""
    return d.isoformat()


def iso_week(d: dt.date) -> str:
    """The ISO 8601 week that holds ``d``: ``2024-W33`` (the week-numbering year may differ)."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def iso_month(d: dt.date) -> str:
    """``2024-07``."""
    return f"{d.year:04d}-{d.month:02d}"


def iso_quarter(d: dt.date) -> str:
    """``2024-Q3``: TIMEX3's quarter value, not ISO 8601 proper."""
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day covered by a time value, or ``None`` when it covers no fixed days.

    >>> period("2024-W33")
    (datetime.date(2024, 8, 12), datetime.date(2024, 8, 18))
    >>> period("2024-01/2024-07")
    (datetime.date(2024, 1, 1), datetime.date(2024, 7, 31))
    """
    value = value.strip() if isinstance(value, str) else ""
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = period(first), period(last)
        if start is None or end is None or end[1] < start[0]:
            return None
        return start[0], end[1]
    try:
        return _single_period(value)
    except ValueError:  # well-formed but impossible, such as 2024-02-31 or 2023-W53
        return None


def _single_period(value: str) -> tuple[dt.date, dt.date] | None:
    """:func:`period` for one value, not an interval; raises ``ValueError`` on impossible days."""
    if m := _DAY.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), month_end(year, month)
    if m := _QUARTER.fullmatch(value):
        year, first_month = int(m[1]), 3 * int(m[2]) - 2
        return dt.date(year, first_month, 1), month_end(year, first_month + 2)
    for pattern, span in ((_YEAR, 1), (_DECADE, 10), (_CENTURY, 100)):
        if pattern.fullmatch(value):
            first_year = int(value) * span
            return dt.date(max(first_year, 1), 1, 1), dt.date(first_year + span - 1, 12, 31)
    return None


def parse_day(value: object, what: str = "date") -> dt.date:
    """A day from a ``YYYY-MM-DD`` string, a date or a datetime; a :class:`ConfigError` that
    names ``what`` and the value otherwise. The one date parser of options, filters, the
    API and dictionary files."""
    from eventwire.errors import ConfigError

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{what} {value!r} is not a date: use YYYY-MM-DD") from None
