"""Which events to read: :class:`EventFilter`, and :func:`make_filter`, which builds a checked
one from keyword values (strings welcome, as they come from a command line or a notebook).

Actor codes match by prefix (``CHN`` matches ``CHNGOV``); ``-`` matches any one character, so
``---GOV`` is any country's government, as in the gold format of ``eventwire evaluate``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, get_args

from eventwire.errors import ConfigError
from eventwire.records import Mood
from eventwire.timeperiod import parse_day

MOODS: tuple[str, ...] = get_args(Mood)
#: ``events`` sort orders: oldest first, newest first, most reported first (ties by id).
ORDERS = MappingProxyType({
    "date": "c.date_start NULLS LAST, c.date_end NULLS LAST, c.id",
    "-date": "c.date_start DESC NULLS LAST, c.id",
    "reports": "c.n_reports DESC, c.date_start NULLS LAST, c.id"})
_CODE = re.compile(r"[A-Z0-9-]{1,24}")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events (or actors, quotes, figures) to return; ``None`` means any.

    Actor codes match by prefix (``CHN`` matches ``CHNGOV``; ``-`` matches any one
    character, so ``---GOV`` is any government). ``dyad`` is (source prefix, target prefix),
    in either direction with ``both_directions``. ``limit`` None returns every row.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    both_directions: bool = False
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    mood: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outlet: str | None = None
    min_reports: int | None = None
    min_confidence: float | None = None
    coded: bool = False  # only events with at least one coded actor
    limit: int | None = None
    offset: int = 0
    order: str = "date"


FILTER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(EventFilter))

def make_filter(base: EventFilter | None = None, **values: Any) -> EventFilter:
    """``base`` (or no filter) with ``values`` set, every value checked and normalised.

    Raises :class:`ConfigError` naming the value and what would be accepted.
    """
    if unknown := sorted(set(values) - set(FILTER_FIELDS)):
        raise ConfigError(f"Unknown filter(s) {unknown}. Known: {', '.join(FILTER_FIELDS)}")
    merged = {name: getattr(base or EventFilter(), name) for name in FILTER_FIELDS} | values
    return EventFilter(**{name: _check(name, value) for name, value in merged.items()})


def _check(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in {"both_directions", "coded"}:
        return bool(value)
    if name == "order" and value not in ORDERS:
        raise ConfigError(f"order {value!r} is not one of {', '.join(ORDERS)}")
    checker = _CHECKS.get(name)
    return checker(name, value) if checker else str(value).strip()


def _code(name: str, value: Any) -> str:
    code = str(value).strip().upper()
    if not _CODE.fullmatch(code):
        raise ConfigError(f"{name} {value!r} is not an actor code prefix such as CHN or CHNGOV")
    return code


def _country(name: str, value: Any) -> str:
    code = str(value).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ConfigError(f"{name} {value!r} is not a 3-letter code such as CHN or RUS")
    return code


def _dyad(name: str, value: Any) -> tuple[str, str]:
    if isinstance(value, str) or len(value) != 2:
        raise ConfigError(f"{name} {value!r} is not a pair of actor codes such as "
                          "('CHN', 'RUS')")
    return _code(f"{name} source", value[0]), _code(f"{name} target", value[1])


def _cameo(name: str, value: Any) -> str:
    code = str(value).strip()
    if not re.fullmatch(r"\d{1,4}", code):
        raise ConfigError(f"{name} {value!r} is not a CAMEO code prefix such as 04 or 036")
    return code


def _root(name: str, value: Any) -> str:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise ConfigError(f"{name} {value!r} is not a CAMEO root: use 01 to 20")
    return f"{int(text):02d}"


def _mood(name: str, value: Any) -> str:
    if value not in MOODS:
        raise ConfigError(f"{name} {value!r} is not one of {', '.join(MOODS)}")
    return str(value)


def _confidence(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if not 0.0 <= number <= 1.0 or isinstance(value, bool):
        raise ConfigError(f"{name} {value!r} is not a number from 0 to 1")
    return number


def _date(name: str, value: Any) -> dt.date:
    return parse_day(value, name)


def _number(name: str, value: Any) -> int:
    low, high = (1, 4) if name == "quad_class" else (1 if name == "min_reports" else 0, None)
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = low - 1
    if number < low or (high is not None and number > high) or isinstance(value, bool):
        bounds = f"from {low} to {high}" if high is not None else f"of {low} or more"
        raise ConfigError(f"{name} {value!r} is not a whole number {bounds}")
    return number


_CHECKS = MappingProxyType({
    "actor": _code, "source": _code, "target": _code, "country": _country, "dyad": _dyad,
    "cameo": _cameo, "root": _root, "mood": _mood, "date_from": _date, "date_to": _date,
    "quad_class": _number, "min_reports": _number, "limit": _number, "offset": _number,
    "min_confidence": _confidence})


def only(f: EventFilter, allowed: set[str], what: str) -> None:
    """Refuse filters that ``what`` cannot apply, rather than silently ignoring them."""
    default = EventFilter()
    if unused := [n for n in FILTER_FIELDS if n not in allowed
                  and getattr(f, n) != getattr(default, n)]:
        raise ConfigError(f"{what} cannot filter by {', '.join(unused)}; it filters by "
                          f"{', '.join(n for n in FILTER_FIELDS if n in allowed)}")
