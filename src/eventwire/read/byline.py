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
    elif len(parts) == 1 and (parts[0].casefold() in load_outlets() or (
            looks_like_outlet(parts[0]) and len(parts[0].split()) == 1)):
        return (), parts[0]  # "By China Daily": the outlet wrote it
    authors = [a for a in _SPLIT_AUTHORS.split(", ".join(parts)) if a]
    return tuple(dict.fromkeys(authors)), outlet


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec")
#: Words that are a byline's frame, never a name: "Article by", "Posted", "Updated".
_FRAME_WORDS = frozenset({"by", "article", "story", "posted", "updated", "published", "written",
                          "and", "staff", "reporter", "reporters", "correspondent", "editor",
                          "editors", "contributor", "author", "authors", "more", "from", "the",
                          "view", "all", "posts", "email", "follow", "twitter", "bio", "profile"})
_JUNK = re.compile(r"\d|@|https?:|www\.|\.(?:com|org|net)\b", re.IGNORECASE)


def tidy_authors(authors: tuple[str, ...], outlet: str | None
                 ) -> tuple[tuple[str, ...], str | None]:
    """Authors with what is not a person's name taken out, and the outlet when an "author"
    is one ("China Daily", "CNN", "CBS News February 3": the outlet and a date).

    Dropped: names with digits, addresses or urls, names made only of byline words ("Article
    by", "Staff reporter"), and names that end in a month (a date run into the byline)."""
    kept: list[str] = []
    for author in authors:
        name = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.IGNORECASE).strip(" .,;:|-")
        words = name.split()
        # the whole name, or a name followed by a date ("CBS News February 3"), not "Dawn
        # Smith" (a person whose first name is also a paper's)
        known = next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                      if " ".join(words[:n]).casefold() in load_outlets()
                      and (n == len(words) or _dated(words[n:]))), None)
        if known is not None:  # the outlet, maybe with a date run on
            outlet = outlet or known
            continue
        if not words or _JUNK.search(name) or all(w.casefold() in _FRAME_WORDS for w in words) \
                or words[-1].casefold().strip(".") in _MONTHS:
            continue
        kept.append(name)
    return tuple(dict.fromkeys(kept)), outlet


def _dated(words: list[str]) -> bool:
    first = words[0].casefold().strip(".,")
    return first in _MONTHS or first[:1].isdigit()


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
