"""JSON documents: a news-please record (the format of most news crawls and research corpora:
``title``, ``maintext``, ``date_publish``, ``authors``, ``source_domain``, ``url``), a list of
them, or any object with eventwire's own JSON Lines fields, in a ``.json`` file that may span
many lines. JSON Lines files holding news-please records are read by :mod:`.jsonl`, which
maps the same fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventwire.errors import Failure, InputError
from eventwire.read.raw import RawArticle, ReadOptions

#: news-please field -> eventwire field (``maintext`` first; older dumps use ``text``).
NEWSPLEASE_FIELDS = {"maintext": "text", "date_publish": "published", "source_domain": "outlet",
                     "title": "title", "authors": "authors", "url": "url"}


def is_newsplease(record: dict[str, Any]) -> bool:
    """Whether a JSON object is a news-please record rather than one in eventwire's fields."""
    return "maintext" in record or ("source_domain" in record and "date_publish" in record)


def from_newsplease(record: dict[str, Any]) -> dict[str, Any]:
    """A news-please record in eventwire's field names (``description`` is not the text)."""
    out = {ours: record.get(theirs) for theirs, ours in NEWSPLEASE_FIELDS.items()}
    if not out.get("text") and isinstance(record.get("text"), str):
        out["text"] = record["text"]
    published = out.get("published")
    if isinstance(published, str):  # "2017-03-27 18:00:00"
        out["published"] = published[:10]
    out["id"] = record.get("filename") or record.get("url")
    return out


def read_json(text: str, source: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    """Every article of a JSON file: one object, or a list of objects (each one article; a
    bad one is a failure and the others go on)."""
    from eventwire.read.jsonl import article_from_record

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(source, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield Failure(source, "JSON nested too deeply")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = source if len(records) == 1 else f"{source}[{number}]"
        try:
            if not isinstance(record, dict):
                raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
            yield article_from_record(record, where, options, "json")
        except InputError as exc:
            yield Failure(exc.source, exc.reason)
