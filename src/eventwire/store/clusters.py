"""One row per real-world event: events of different articles that agree on actor codes,
CAMEO root and date (within a day) and whose evidence is similar are one cluster."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from eventwire.records import Document, Event, content_id
from eventwire.store.dedup import EVIDENCE_THRESHOLD, evidence_similarity
from eventwire.timeperiod import period

if TYPE_CHECKING:
    from eventwire.store.base import SqlStore

_SLACK = dt.timedelta(days=1)


def cluster_events(store: SqlStore, doc: Document) -> None:
    """Attach every event of a newly stored article to its cluster (creating new ones)."""
    touched = set()
    for event in doc.events:
        touched.add(_attach(store, doc, event))
    for cluster_id in touched:
        _recount(store, cluster_id)


def _attach(store: SqlStore, doc: Document, event: Event) -> str:
    days = period(event.date) if event.date else None
    best: tuple[float, str] | None = None
    if days is not None:
        rows = store.execute(
            "SELECT id, sentence, cameo FROM event_clusters c WHERE root = ? "
            "AND coalesce(source_code, '') = ? AND coalesce(target_code, '') = ? "
            "AND date_start <= ? AND date_end >= ? AND NOT EXISTS ("
            "SELECT 1 FROM event_reports r WHERE r.cluster_id = c.id AND r.article_id = ?)",
            # one article's events stay apart: it told them as different events
            (event.cameo[:2], event.source_code or "", event.target_code or "",
             days[1] + _SLACK, days[0] - _SLACK, doc.id))
        for cluster_id, sentence, cameo in rows:
            score = evidence_similarity(sentence, event.sentence)
            if (score >= EVIDENCE_THRESHOLD or cameo == event.cameo) and (
                    best is None or score > best[0]):
                best = (score, cluster_id)
    if best is None:
        cluster_id = content_id("cluster", event.id)
        store.execute(
            "INSERT INTO event_clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, "
            "NULL, NULL) ON CONFLICT DO NOTHING",
            (cluster_id, event.source_code, event.target_code, event.cameo[:2], event.cameo,
             event.plover, event.quad_class, event.goldstein, event.date,
             days[0] if days else None, days[1] if days else None, event.mood,
             event.sentence))
        score = 1.0
    else:
        score, cluster_id = best
    store.execute("INSERT INTO event_reports VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  (event.id, cluster_id, doc.id, score))
    return cluster_id


def recount_article(store: SqlStore, article_id: str) -> None:
    """A new source of a stored article (a syndicated copy) counts for its events too."""
    for (cluster_id,) in store.execute(
            "SELECT DISTINCT cluster_id FROM event_reports WHERE article_id = ?", (article_id,)):
        _recount(store, cluster_id)


def _recount(store: SqlStore, cluster_id: str) -> None:
    """Reports, articles, sources (outlets, syndicated copies included), first and last."""
    (reports, articles, first, last), = store.execute(
        "SELECT count(*), count(DISTINCT r.article_id), min(a.published), max(a.published) "
        "FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.cluster_id = ?",
        (cluster_id,))
    (sources,), = store.execute(
        "SELECT count(DISTINCT coalesce(s.outlet, s.key)) FROM event_reports r "
        "JOIN article_sources s ON s.article_id = r.article_id WHERE r.cluster_id = ?",
        (cluster_id,))
    store.execute("UPDATE event_clusters SET n_reports = ?, n_articles = ?, n_sources = ?, "
                  "first_report = ?, last_report = ? WHERE id = ?",
                  (reports, articles, sources, first, last, cluster_id))
