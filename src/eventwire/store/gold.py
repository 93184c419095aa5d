"""Gold files from a user's corrections: the review work of the web pages becomes data that
``eventwire evaluate`` scores against.

For every article with at least one correction, ``NAME.txt`` holds the article (a
``date ... By ...`` header line, a blank line, the cleaned text) and ``NAME.gold.json`` its
events as corrected: eventwire's events, less those marked wrong, with the changed fields
replaced, plus the events the user added. ``NAME`` is the article id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore


def corrected_events(store: SqlStore, article_id: str) -> list[dict[str, Any]]:
    """An article's events after its corrections, in the gold format's fields."""
    doc = store.get(article_id)
    if doc is None:
        raise StoreError(f"No article with id {article_id!r}")
    events: dict[str, dict[str, Any]] = {
        e.id: {"source": e.source_code or "", "target": e.target_code or "", "cameo": e.cameo,
               "date": e.date, "evidence": e.sentence} for e in doc.events}
    added: list[dict[str, Any]] = []
    for fix in store.corrections(article_id):
        if fix["action"] == "wrong":
            events.pop(fix["event_id"], None)
        elif fix["action"] == "change" and fix["event_id"] in events:
            event = events[fix["event_id"]]
            for field, column in (("cameo", "cameo"), ("source", "source_code"),
                                  ("target", "target_code"), ("date", "date")):
                if fix[column] is not None:
                    event[field] = fix[column]
        elif fix["action"] == "add":
            added.append({"source": fix["source_code"] or "", "target": fix["target_code"] or "",
                          "cameo": fix["cameo"], "date": fix["date"],
                          "note": fix["note"]})
    out = [*events.values(), *added]
    for number, event in enumerate(out, start=1):
        event["id"] = f"E{number}"
        for empty in [k for k, v in event.items() if v is None]:
            del event[empty]
    return out


def write_gold(store: SqlStore, folder: str | Path) -> int:
    """Write the gold files of every corrected article into ``folder``; returns how many."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    ids = sorted({row["article_id"] for row in store.corrections()})
    for article_id in ids:
        doc = store.get(article_id)
        if doc is None:
            continue
        a = doc.article
        byline = ", ".join([*a.authors, *([a.outlet] if a.outlet else [])])
        header = f" date {a.published or ''} By {byline}".rstrip() if a.published else ""
        (out / f"{article_id}.txt").write_text((header + "\n\n" if header else "") + a.text
                                               + "\n", encoding="utf-8")
        gold = {"source": f"eventwire store, article {article_id}",
                "note": "events as corrected by a user in eventwire's review",
                "events": corrected_events(store, article_id)}
        (out / f"{article_id}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(ids)
