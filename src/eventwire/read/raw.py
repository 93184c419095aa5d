"""What a reader produces: an article's text and metadata before cleaning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Default limit on the size of one input, in bytes (2 MB).
DEFAULT_MAX_BYTES = 2_000_000
#: JSON Lines field names eventwire reads, each mappable to another name with ``field_map``.
JSONL_FIELDS = ("text", "title", "published", "authors", "outlet", "url", "id")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs.

    Args:
        input_format: ``auto`` (by extension, then content), or one of ``text``, ``html``,
            ``json``, ``jsonl``, ``feed`` and ``warc``.
        published: overrides (or supplies) the publication date of every article.
        max_bytes: inputs larger than this are refused, one error each.
        field_map: JSON Lines names, ours -> theirs, e.g. ``{"text": "body"}``.
        fetch: read the page at each feed item's link instead of the item's own text.
        fetch_delay: seconds between two requests to the same host.
    """

    input_format: str = "auto"
    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    field_map: Mapping[str, str] = field(default_factory=dict)
    fetch: bool = False
    fetch_delay: float = 1.0

    def field_name(self, ours: str) -> str:
        return self.field_map.get(ours, ours)


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before cleaning: the body text and what the input said about it."""

    source: str
    text: str
    input_format: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    #: What identifies the article across versions: its url, a JSON Lines id, else the source.
    key: str | None = None
