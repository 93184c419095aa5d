"""Documents to table rows: one function per table, shared by every database backend."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from eventwire.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Figure,
    Place,
    Quote,
    TimeExpression,
)
from eventwire.timeperiod import period

Row = tuple[Any, ...]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def article_row(doc: Document, version: int, now: dt.datetime) -> Row:
    a = doc.article
    return (a.id, a.key, version, a.source, a.url, a.title, dumps(list(a.authors)), a.outlet,
            a.published, a.dateline, a.input_format, a.text, dumps(list(a.removed)),
            doc.meta.get("model"), now, dumps(doc.to_dict()))


def _mentions(record: Actor | Place) -> str:
    return dumps([{"text": m.text, "start": m.start, "end": m.end} for m in record.mentions])


def _actor(aid: str, x: Actor) -> Row:
    return (x.id, aid, x.name, x.code, x.kind, x.country, x.role, x.title, _mentions(x))


def _event(aid: str, x: Event) -> Row:
    days = period(x.date) if x.date else None
    return (x.id, aid, x.cameo, x.plover, x.plover_mode, x.goldstein, x.quad_class, x.source,
            x.target, x.source_code, x.target_code, x.date, x.date_source, x.mood, x.place,
            x.place_country, x.attributed_to, x.sentence, x.sentence_start, x.trigger.text,
            x.trigger.start, x.trigger.end, x.confidence, x.cameo[:2],
            days[0] if days else None, days[1] if days else None)


def _quote(aid: str, x: Quote) -> Row:
    return (x.id, aid, x.text, x.start, x.end, x.speaker, x.speaker_id, x.speaker_code, x.kind,
            x.cue, x.date)


def _attribution(aid: str, x: Attribution) -> Row:
    return (x.id, aid, x.source, x.text, x.start, x.end, x.code, x.source_id, x.cue,
            x.covers_start, x.covers_end, x.date)


def _time(aid: str, x: TimeExpression) -> Row:
    return (x.id, aid, x.text, x.start, x.end, x.value, x.type, x.mod)


def _figure(aid: str, x: Figure) -> Row:
    return (x.id, aid, x.text, x.start, x.end, x.value, x.unit, x.qualifier, x.subject,
            x.period, x.source)


def _place(aid: str, x: Place) -> Row:
    return (x.id, aid, x.name, x.country, x.lat, x.lon, x.role, x.feature, _mentions(x))


#: table -> (function making a row from one record, number of columns)
SECTION_ROWS: dict[str, tuple[Callable[[str, Any], Row], int]] = {
    "actors": (_actor, 9),
    "events": (_event, 26),
    "quotes": (_quote, 11),
    "attributions": (_attribution, 12),
    "times": (_time, 8),
    "figures": (_figure, 11),
    "places": (_place, 9),
}


def section_rows(doc: Document) -> dict[str, list[Row]]:
    """Rows for every section table, keyed by table name."""
    return {table: [make(doc.id, record) for record in getattr(doc, table)]
            for table, (make, _) in SECTION_ROWS.items()}
