"""One row per real-world event, found by one set-based pass over the events not yet clustered.

Two reports are of one event when they agree on actor codes and CAMEO root, their dates agree
within a day, and their evidence agrees (the same CAMEO code, or similar sentences). Events
are linked pairwise and a cluster is a connected component of those links (single linkage),
so the result does not depend on the order in which articles arrived: a new batch only adds
links, which may join two clusters into one. The pairs are found by a join on an index
(root, source, target, dates) between the new events and all current ones; the cost of a
batch grows with the events that could match, not with the number of clusters stored.

The same event told twice in one article ("the premier will meet Mishustin on Wednesday ...
the Wednesday meeting") is one event with several mentions, as GDELT's NumMentions counts.
A new version of an article replaces its old version's reports. Undated events are never
linked: nothing says two of them happened at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from eventwire.records import content_id
from eventwire.store.dedup import EVIDENCE_THRESHOLD, evidence_similarity

if TYPE_CHECKING:
    from eventwire.store.base import SqlStore

#: Days by which two reports' dates may differ and still be one event.
SLACK_DAYS = 1

#: Latest version of every story: only those report events.
_LATEST = ("a.version = (SELECT max(b.version) FROM articles b WHERE b.key = a.key)")

_EVENT_COLUMNS = ("e.id, e.article_id, e.cameo, e.root, e.source_code, e.target_code, "
                  "e.date_start, e.date_end, e.sentence")


def cluster_pending(store: SqlStore, keys: Sequence[str] | None = None) -> int:
    """Cluster every event of a latest article version that has no report yet, and drop the
    reports of versions that a newer one replaced. Returns the number of events clustered.
    With ``keys`` (the stories a batch just wrote), only their articles are looked at, so
    the cost of a batch does not grow with the store.

    Runs inside the caller's transaction (``store_batch`` calls it at the end of a batch;
    ``eventwire cluster`` on demand, over everything).
    """
    scope = ""
    if keys is not None:
        if not keys:
            return 0
        _fill(store, "batch_keys", [(k,) for k in sorted(set(keys))])
        scope = " AND a.key IN (SELECT id FROM batch_keys)"
    stale = [cid for (cid,) in store.execute(
        "SELECT DISTINCT r.cluster_id FROM event_reports r JOIN articles a ON a.id = r.article_id "
        f"WHERE NOT ({_LATEST}){scope}")]
    if stale:
        store.execute("DELETE FROM event_reports WHERE article_id IN (SELECT a.id FROM articles a "
                      f"WHERE NOT ({_LATEST}){scope})")
    pending = store.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {_LATEST}{scope} AND NOT EXISTS (SELECT 1 FROM event_reports r "
        "WHERE r.event_id = e.id) ORDER BY e.id")
    if not pending and not stale:
        return 0
    links = _links(store, pending)
    members = _components(store, pending, links)
    touched = _rewrite(store, members, stale)
    recount(store, touched)
    return len(pending)


def _links(store: SqlStore, pending: list[tuple[Any, ...]]) -> list[tuple[str, str, float]]:
    """Pairs (event, event, similarity) of one event, among the pending events and between
    them and every current event, found by a join on the dyad index."""
    if not pending:
        return []
    _fill(store, "pending_events", [(row[0],) for row in pending])
    rows = store.execute(
        f"SELECT n.id, o.id, n.cameo, o.cameo, n.sentence, o.sentence "
        "FROM pending_events p JOIN events n ON n.id = p.id "
        "JOIN events o ON o.root = n.root "
        "AND coalesce(o.source_code, '') = coalesce(n.source_code, '') "
        "AND coalesce(o.target_code, '') = coalesce(n.target_code, '') "
        f"AND o.date_start <= n.date_end + {SLACK_DAYS} "
        f"AND o.date_end >= n.date_start - {SLACK_DAYS} AND o.id <> n.id "
        f"JOIN articles a ON a.id = o.article_id WHERE {_LATEST}")
    links = []
    for first, second, cameo_a, cameo_b, sentence_a, sentence_b in rows:
        score = evidence_similarity(sentence_a, sentence_b)
        if cameo_a == cameo_b or score >= EVIDENCE_THRESHOLD:
            links.append((first, second, score))
    store.execute("DELETE FROM pending_events")
    return links


def _components(store: SqlStore, pending: list[tuple[Any, ...]],
                links: list[tuple[str, str, float]]) -> dict[str, set[str]]:
    """Event ids by the root of their component: the pending events, their links, and the
    current members of every cluster a link reaches."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for row in pending:
        find(row[0])
    for a, b, _ in links:
        union(a, b)
    reached = {b for _, b, _ in links} - {row[0] for row in pending}
    for cluster_id, events in _cluster_members(store, reached).items():
        first = min(events)
        for event_id in events:
            union(first, event_id)
        parent.setdefault(f"cluster:{cluster_id}", first)
        union(first, f"cluster:{cluster_id}")
    groups: dict[str, set[str]] = {}
    for node in list(parent):
        groups.setdefault(find(node), set()).add(node)
    return groups


def _cluster_members(store: SqlStore, event_ids: Iterable[str]) -> dict[str, set[str]]:
    """The clusters of these events, with all their current members."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    _fill(store, "reached_events", [(i,) for i in ids])
    clusters: dict[str, set[str]] = {}
    for cluster_id, event_id in store.execute(
            "SELECT r.cluster_id, r.event_id FROM event_reports r WHERE r.cluster_id IN "
            "(SELECT x.cluster_id FROM event_reports x JOIN reached_events t "
            "ON t.id = x.event_id)"):
        clusters.setdefault(cluster_id, set()).add(event_id)
    return clusters


def _rewrite(store: SqlStore, groups: dict[str, set[str]], stale: Sequence[str]) -> set[str]:
    """Give each component its cluster (id from its smallest event id, so the same events
    always make the same cluster), replacing the clusters it absorbed: one bulk statement
    per table, whatever the number of components."""
    touched: set[str] = set(stale)
    assigned: list[tuple[str, str]] = []
    gone: set[str] = set()
    for nodes in groups.values():
        events = sorted(n for n in nodes if not n.startswith("cluster:"))
        if not events:
            continue
        cluster_id = content_id("cluster", events[0])
        gone |= {n.removeprefix("cluster:") for n in nodes if n.startswith("cluster:")}
        assigned += [(event_id, cluster_id) for event_id in events]
        touched.add(cluster_id)
    kept = {cluster_id for _, cluster_id in assigned}
    _fill(store, "assigned_events", assigned)
    store.execute("DELETE FROM event_reports WHERE event_id IN "
                  "(SELECT event_id FROM assigned_events)")
    store.execute("INSERT INTO event_reports SELECT a.event_id, a.cluster_id, e.article_id, 1.0 "
                  "FROM assigned_events a JOIN events e ON e.id = a.event_id")
    _fill(store, "touched_clusters", [(c,) for c in sorted(gone - kept)])
    store.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM touched_clusters)")
    touched -= gone - kept
    return touched


def recount(store: SqlStore, cluster_ids: Iterable[str]) -> None:
    """Rebuild these clusters' rows from their reports: the representative report (earliest
    published, then smallest id), counts of mentions, articles and sources, first and last
    report; a cluster left without reports is deleted. Set-based: three statements."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    _fill(store, "touched_clusters", [(c,) for c in ids])
    store.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM touched_clusters)")
    store.execute(
        "INSERT INTO event_clusters "
        "SELECT l.cluster_id, e.source_code, e.target_code, e.root, e.cameo, e.plover, "
        "e.quad_class, e.goldstein, e.date, e.date_start, e.date_end, e.mood, e.sentence, "
        "s.n_reports, s.n_articles, s.n_sources, s.first_report, s.last_report "
        "FROM (SELECT r.cluster_id, r.event_id, row_number() OVER ("
        "  PARTITION BY r.cluster_id ORDER BY a.published NULLS LAST, r.event_id) AS rank "
        "  FROM event_reports r JOIN touched_clusters t ON t.id = r.cluster_id "
        "  JOIN articles a ON a.id = r.article_id) l "
        "JOIN events e ON e.id = l.event_id "
        "JOIN (SELECT r.cluster_id, count(DISTINCT r.event_id) AS n_reports, "
        "  count(DISTINCT r.article_id) AS n_articles, "
        "  count(DISTINCT coalesce(src.outlet, src.key)) AS n_sources, "
        "  min(a.published) AS first_report, max(a.published) AS last_report "
        "  FROM event_reports r JOIN touched_clusters t ON t.id = r.cluster_id "
        "  JOIN articles a ON a.id = r.article_id "
        "  LEFT JOIN article_sources src ON src.article_id = r.article_id "
        "  GROUP BY r.cluster_id) s "
        "ON s.cluster_id = l.cluster_id WHERE l.rank = 1")


def _fill(store: SqlStore, table: str, rows: Sequence[tuple[str, ...]]) -> None:
    """A temporary table of ids for the set-based statements, emptied and filled."""
    columns = "event_id TEXT, cluster_id TEXT" if table == "assigned_events" else "id TEXT"
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {table} ({columns})")
    store.execute(f"DELETE FROM {table}")
    store.insert_rows(table, rows, keyed=False)


def recount_articles(store: SqlStore, article_ids: Iterable[str]) -> None:
    """A new source of stored articles (a syndicated copy) counts for their events too."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    _fill(store, "reached_events", [(i,) for i in ids])
    recount(store, [cid for (cid,) in store.execute(
        "SELECT DISTINCT r.cluster_id FROM event_reports r "
        "JOIN reached_events t ON t.id = r.article_id")])


def backfill(store: SqlStore) -> None:
    """Fill what migration 4 added for rows stored before it (event roots and dates, LSH
    bands), and cluster every event again by the set-based rules."""
    from eventwire.store.dedup import bands
    from eventwire.timeperiod import period

    store.execute("UPDATE events SET root = substr(cameo, 1, 2)")
    for event_id, date in store.execute("SELECT id, date FROM events WHERE date IS NOT NULL"):
        days = period(date)
        if days is not None:
            store.execute("UPDATE events SET date_start = ?, date_end = ? WHERE id = ?",
                          (days[0], days[1], event_id))
    rows = [(band, value, article_id) for article_id, signature in store.execute(
        "SELECT article_id, signature FROM article_minhash")
        for band, value in bands(json.loads(signature))]
    store.insert_rows("article_bands", rows, keyed=False)
    recluster_all(store)


def recluster_all(store: SqlStore) -> int:
    """Forget every cluster and cluster all current events again (``eventwire cluster
    --all``): after a change of the rules, or to check that the store is consistent."""
    store.execute("DELETE FROM event_reports")
    store.execute("DELETE FROM event_clusters")
    return cluster_pending(store)


