"""Datelines in the common wire styles, at the start of an article's first paragraph.

    Hong Kong (CNN) —            place "Hong Kong", outlet CNN
    London (CNN)It was           the web style, with no dash or space before the story
    SEOUL/WASHINGTON (Reuters) - two places
    WASHINGTON (AP) —            place "Washington", outlet AP
    MOSCOW, Aug 20 (Reuters) -   place "Moscow", outlet Reuters
    OFER PRISON, West Bank —     place "Ofer Prison, West Bank"
    BEIJING —                    place "Beijing"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.resources import load_outlets

_DASH = r"(?:--|[—–-])"
_PLACE_WORD = r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}"
_CAPS_WORD = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
_OUTLET = r"[A-Z][\w.&'’/-]*(?: [A-Z][\w.&'’/-]*){0,3}"  # "CNN", "Reuters", "The Daily Ledger"
_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"

# Place (one or two comma parts, or places joined by "/"), an optional date, then "(Outlet)"
# and a dash, or no dash at all when the story follows at once ("London (CNN)It was").
_WITH_OUTLET = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:/{_PLACE_WORD}){{0,3}}(?:, {_PLACE_WORD})?)"
    rf"(?:, (?P<date>{_DATE}))?"
    rf"\s*\((?P<outlet>{_OUTLET})\)(?:\s*{_DASH}+\s*|(?=[A-Z\"“‘']))"
)
# An upper-case place, optional ", Region" and date, then a dash: "BEIJING — ".
_CAPS_ONLY = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:/{_CAPS_WORD}){{0,3}}(?:, {_PLACE_WORD})?)"
    rf"(?:, (?P<date>{_DATE}))?\s+{_DASH}+\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None = None
    outlet: str | None = None
    date: str | None = None
    raw: str = ""


def split_dateline(text: str) -> tuple[str, Dateline]:
    """Remove a leading dateline from ``text`` and return it parsed."""
    match = _WITH_OUTLET.match(text) or _CAPS_ONLY.match(text)
    if not match:
        return text, Dateline()
    place = _tidy_place(match["place"])
    outlet = match.groupdict().get("outlet")
    return text[match.end() :], Dateline(
        place=place, outlet=_canonical_outlet(outlet), date=match["date"], raw=match.group(0)
    )


def _tidy_place(place: str) -> str:
    """Upper-case datelines read "WASHINGTON"; store them as "Washington"."""
    parts = [p.strip() for p in place.split(",")]
    return ", ".join("/".join(w.title() if w.isupper() and len(w) > 3 else w
                              for w in p.split("/")) for p in parts)


def _canonical_outlet(outlet: str | None) -> str | None:
    if not outlet:
        return None
    known = load_outlets().get(outlet.strip().casefold())
    return known.name if known else outlet.strip()
