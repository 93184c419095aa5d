"""Bylines ("By Simone McCarthy and Ivana Kottasova, CNN") and publication dates."""

from __future__ import annotations

import datetime as dt
import re

from eventwire.resources import load_outlets

_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.IGNORECASE)
_OUTLET_WORDS = frozenset((
    "news", "press", "times", "post", "agency", "journal", "network", "wire", "herald",
    "tribune", "guardian", "telegraph", "daily", "radio", "tv", "television", "broadcasting",
    "media", "service", "gazette", "chronicle", "review", "monitor", "magazine", "online",
    "staff", "bureau",
))


def parse_byline(byline: str) -> tuple[tuple[str, ...], str | None]:
    """Authors and outlet of a byline; the outlet is the last comma part when it looks like one.

    >>> parse_byline("By Simone McCarthy, CNN")
    (('Simone McCarthy',), 'CNN')
    """
    text = re.sub(r"^\s*by\s+", "", byline.strip(), flags=re.IGNORECASE).strip(" .")
    if not text:
        return (), None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    outlet = None
    if len(parts) > 1 and looks_like_outlet(parts[-1]):
        outlet = parts.pop()
    elif len(parts) == 1 and looks_like_outlet(parts[0]) and len(parts[0].split()) == 1:
        return (), parts[0]
    authors = [a for a in _SPLIT_AUTHORS.split(", ".join(parts)) if a]
    return tuple(dict.fromkeys(authors)), outlet


def looks_like_outlet(name: str) -> bool:
    """A known outlet, an acronym (``AP``), or a name with a word such as News or Times."""
    if name.casefold() in load_outlets():
        return True
    words = name.split()
    if len(words) == 1 and (name.isupper() or not name[:1].isupper()):
        return True
    return any(w.casefold().strip(".") in _OUTLET_WORDS for w in words)


def parse_date(value: str) -> dt.date | None:
    """An ISO date or a full written date ("Aug 20, 2024"); ``None`` when it is neither."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser  # slow to import; needed only for the rare written-out header date

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None
