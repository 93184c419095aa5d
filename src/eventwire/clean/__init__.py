"""Stage 2, clean: take boilerplate and the dateline out of a raw article.

Every later offset refers to the cleaned ``Article.text``; what was removed is listed in
``Article.removed`` so a reader can check the cleaning.
"""

from __future__ import annotations

import re

from eventwire.clean.boilerplate import strip_boilerplate
from eventwire.clean.dateline import split_dateline
from eventwire.read.byline import tidy_authors
from eventwire.read.raw import RawArticle
from eventwire.records import Article, content_id
from eventwire.resources import outlet_name

__all__ = ["clean_article", "normalise_whitespace", "split_dateline", "strip_boilerplate"]


def clean_article(raw: RawArticle) -> Article:
    """Normalise whitespace, remove boilerplate and the dateline, and give the article its id."""
    text = normalise_whitespace(raw.text)
    text, removed = strip_boilerplate(text)
    text, dateline = split_dateline(text)
    authors, byline_outlet = tidy_authors(raw.authors, None)  # "By China Daily" is no author
    outlet = outlet_name(raw.outlet or byline_outlet, raw.url)  # "edition.cnn.com" -> CNN
    if dateline.outlet and not outlet:
        outlet = dateline.outlet
    if dateline.raw:
        removed = (dateline.raw.strip(), *removed)
    text = text.strip()
    published = raw.published
    article_id = content_id("article", text, published.isoformat() if published else "")
    return Article(
        id=article_id,
        source=raw.source,
        text=text,
        title=_no_nul(raw.title),
        authors=tuple(a.replace("\x00", "") for a in authors),
        outlet=_no_nul(outlet),
        published=published,
        dateline=dateline.place,
        url=_no_nul(raw.url),
        input_format=raw.input_format,
        removed=removed,
        key=raw.key or raw.url or raw.source,
    )


def _no_nul(value: str | None) -> str | None:
    return value.replace("\x00", "") if value else value


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise_whitespace(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\ufeff", "").replace("\x00", "")  # NUL: no store keeps it in text
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
