"""Plain-text articles, with or without a header line or block.

Recognised headers (the first lines, up to the first blank line):

* a date line with an optional byline: `` date 2024-08-20 By Simone McCarthy, CNN``;
* ``key: value`` lines with the keys ``title``, ``date``/``published``, ``by``/``author(s)``,
  ``outlet``/``source`` and ``url``.

Anything else is body text.
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.errors import InputError
from eventwire.read.byline import parse_byline, parse_date
from eventwire.read.raw import RawArticle, ReadOptions

_DATE_LINE = re.compile(
    r"^\s*(?:date|dated|published)\s*:?\s+(?P<date>\S+(?:\s+\d{1,2},?\s+\d{4})?)"
    r"(?:\s+(?P<byline>by\s+.+?))?\s*$",
    re.IGNORECASE,
)
_KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.+?)\s*$")
_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "dated": "published",
    "by": "byline", "author": "byline", "authors": "byline", "byline": "byline",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet",
    "url": "url", "link": "url",
}


def read_text(text: str, source: str, options: ReadOptions) -> RawArticle:
    """Split a plain-text article into its header fields and body."""
    fields, body = _split_header(text, source)
    authors, outlet = parse_byline(fields.get("byline", ""))
    published = options.published or _header_date(fields.get("published"), source)
    if not body.strip():
        raise InputError(source, "no article text after the header")
    return RawArticle(
        source=source,
        text=body,
        input_format="text",
        title=fields.get("title"),
        authors=authors,
        outlet=fields.get("outlet") or outlet,
        published=published,
        url=fields.get("url"),
    )


def _split_header(text: str, source: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\n").split("\n")
    match = _DATE_LINE.match(lines[0])
    if match:
        fields = {"published": match["date"]}
        if match["byline"]:
            fields["byline"] = match["byline"]
        return fields, "\n".join(lines[1:])
    block: dict[str, str] = {}
    for i, line in enumerate(lines[:12]):
        if not line.strip():
            return (block, "\n".join(lines[i + 1 :])) if block else ({}, text)
        key_match = _KEY_LINE.match(line)
        if not key_match or key_match["key"].lower() not in _KEYS:
            return {}, text
        block[_KEYS[key_match["key"].lower()]] = key_match["value"]
    return {}, text


def _header_date(value: str | None, source: str) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(source, f"header date {value!r} is not a date (expected YYYY-MM-DD)")
    return parsed
