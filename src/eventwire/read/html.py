"""HTML pages, through trafilatura: main text, title, authors, date and site name."""

from __future__ import annotations

from typing import Any

from eventwire.errors import InputError
from eventwire.read.byline import parse_date
from eventwire.read.raw import RawArticle, ReadOptions

#: Main text shorter than this is no article: a photo caption, a teaser, a list of links.
MIN_HTML_CHARS = 200


def read_html(html: str, source: str, options: ReadOptions) -> RawArticle:
    """Extract the article of an HTML page; a page with no article body is an error."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    url = source if source.startswith(("http://", "https://")) else None
    try:
        found: Any = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # lxml and trafilatura assert or raise on some broken markup
        raise InputError(source, f"the HTML page cannot be parsed ({type(exc).__name__})") \
            from None
    body = getattr(found, "text", None) if found is not None else None
    if not body or not body.strip():
        raise InputError(source, "no article body found in the HTML page")
    title = found.title or None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # trafilatura repeats the headline as the first line
    if not paragraphs:
        raise InputError(source, "no article body found in the HTML page (only a headline)")
    length = sum(len(p) for p in paragraphs)
    if length < MIN_HTML_CHARS:
        raise InputError(source, f"the page's main text is only {length} characters (under "
                         f"{MIN_HTML_CHARS}: a caption, a teaser or an index page, not an "
                         "article)")
    authors = tuple(a.strip() for a in (found.author or "").split(";") if a.strip())
    published = options.published or (parse_date(found.date) if found.date else None)
    return RawArticle(
        source=source,
        text="\n\n".join(paragraphs),
        input_format="html",
        title=title,
        authors=authors,
        outlet=found.sitename or None,
        published=published,
        url=found.url or url,
    )
