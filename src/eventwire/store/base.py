"""The store: articles and everything extracted from them, in a SQL database.

:class:`SqlStore` holds the logic that every backend shares (migrations, idempotent ingest,
queries); a backend only says how to connect and which parameter style it uses. Readers and
the store never import spaCy: they see records only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.errors import StoreError
from eventwire.records import Document
from eventwire.store.clusters import cluster_events, recount_article
from eventwire.store.dedup import NearDuplicates, signature
from eventwire.store.frames import QueryMixin
from eventwire.store.rows import SECTION_ROWS, article_row, section_rows
from eventwire.store.schema import MIGRATIONS, SECTION_TABLES

Outcome = Literal["stored", "updated", "unchanged", "duplicate"]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did, for the closing summary line."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        """``412 stored, 3 unchanged, 2 failed: a.txt (empty input); b.html (...)``"""
        parts = [f"{self.stored} stored"]
        if self.updated:
            parts.append(f"{self.updated} new versions")
        if self.duplicate:
            parts.append(f"{self.duplicate} copies of stored stories")
        parts.append(f"{self.unchanged} unchanged")
        line = ", ".join(parts) + f", {len(self.failed)} failed"
        return line + (": " + "; ".join(self.failed) if self.failed else "")


class SqlStore(QueryMixin):
    """Shared logic; subclasses set ``placeholder`` and provide a DB-API connection.

    The event-data queries (``events``, ``timeline``, ``actors``...) come from
    :class:`~eventwire.store.frames.QueryMixin`.
    """

    placeholder = "?"
    url: str

    def __init__(self, connection: Any, url: str) -> None:
        self._con = connection
        self.url = url
        self._near: NearDuplicates | None = None
        self.migrate()

    # -- plumbing ---------------------------------------------------------------------------
    def _sql(self, query: str) -> str:
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)

    def _run(self, query: str, params: Sequence[Any]) -> Any:
        # DuckDB cursors are separate connections, so statements go through the connection
        # itself (psycopg's Connection.execute behaves the same way) to share its transaction.
        return self._con.execute(self._sql(query), params)

    def execute(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._run(query, params)
        return list(cursor.fetchall()) if cursor.description else []

    def stream(self, query: str, params: Sequence[Any] = (), chunk_size: int = 1000
               ) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a query, ``chunk_size`` at a time, never the whole result at once
        (DuckDB streams a result as it is fetched)."""
        cursor = self._run(query, params)
        while rows := cursor.fetchmany(chunk_size):
            yield rows

    def _columns(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._run(query, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def lock(self, names: Iterable[str]) -> None:
        """Serialise writers that touch ``names`` until the transaction ends.

        A no-op here: DuckDB lets one process at a time open a file for writing.
        """

    def begin(self) -> None:
        self.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------
    def schema_version(self) -> int:
        self.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP)")
        rows = self.execute("SELECT max(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction.

        Each one takes the schema lock and re-reads the version inside its transaction, so
        two processes that open a new database at once apply it once.
        """
        for version, name, sql in MIGRATIONS:
            self.begin()
            try:
                self.lock(["schema"])
                if version > self.schema_version():
                    for statement in filter(str.strip, sql.split(";")):
                        self.execute(statement)
                    self.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 (version, name, _now()))
                self.commit()
            except Exception as exc:
                self.rollback()
                raise StoreError(f"{self.url}: migration {version} ({name}) failed: {exc}") from exc

    # -- writing ----------------------------------------------------------------------------
    def store_batch(self, documents: Sequence[Document]) -> list[Outcome]:
        """Store documents in one transaction: all of them, or none if anything fails.

        Articles are written in id order, after locking their keys, so that concurrent
        writers wait for each other rather than deadlock, and versions stay 1, 2, 3...
        """
        order = sorted(range(len(documents)), key=lambda i: documents[i].id)
        outcomes: list[Outcome] = ["unchanged"] * len(documents)
        self.begin()
        try:
            self.lock(doc.article.key for doc in documents)
            for i in order:
                outcomes[i] = self._store_one(documents[i])
            self.commit()
        except Exception as exc:
            self.rollback()
            raise StoreError(f"{self.url}: could not store batch: {exc}") from exc
        return outcomes

    def _store_one(self, doc: Document) -> Outcome:
        if self.execute("SELECT 1 FROM articles WHERE id = ?", (doc.id,)):
            self._record_source(doc.id, doc, 1.0)  # the same text under another url
            recount_article(self, doc.id)
            return "unchanged"
        rows = self.execute("SELECT max(version) FROM articles WHERE key = ?", (doc.article.key,))
        previous = int(rows[0][0] or 0)
        hashvalues = signature(doc.article.text)
        if not previous:  # a new story, or a syndicated copy of a stored one?
            copy = self.near_duplicates().find(hashvalues)
            if copy is not None:
                self._record_source(copy[0], doc, copy[1])
                recount_article(self, copy[0])
                return "duplicate"
        # Another process may have stored the same article since the check above: then the
        # insert does nothing, returns no row, and the article counts as unchanged.
        if not self.execute(f"INSERT INTO articles VALUES ({_marks(16)}) "
                            "ON CONFLICT DO NOTHING RETURNING id",
                            article_row(doc, previous + 1, _now())):
            return "unchanged"
        for table, records in section_rows(doc).items():
            marks = _marks(SECTION_ROWS[table][1])
            for row in records:
                self.execute(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT DO NOTHING", row)
        self.execute("INSERT INTO article_minhash VALUES (?, ?)", (doc.id, json.dumps(hashvalues)))
        self.near_duplicates().add(doc.id, hashvalues)
        self._record_source(doc.id, doc, 1.0)
        cluster_events(self, doc)
        return "updated" if previous else "stored"

    def near_duplicates(self) -> NearDuplicates:
        """The LSH index of stored articles, loaded from the store once per connection."""
        if self._near is None:
            self._near = NearDuplicates()
            for article_id, stored in self.execute(
                    "SELECT article_id, signature FROM article_minhash"):
                self._near.add(article_id, json.loads(stored))
        return self._near

    def _record_source(self, article_id: str, doc: Document, score: float) -> None:
        a = doc.article
        self.execute("INSERT INTO article_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT DO NOTHING",
                     (article_id, a.key, a.source, a.url, a.outlet, a.published, score, _now()))

    # -- reading ----------------------------------------------------------------------------
    def articles(self, limit: int = 100, outlet: str | None = None,
                 all_versions: bool = False) -> list[dict[str, Any]]:
        """Stored articles, newest publication first (latest version of each unless asked)."""
        where, params = [], []
        if not all_versions:
            where.append("version = (SELECT max(b.version) FROM articles b WHERE b.key = a.key)")
        if outlet:
            where.append("lower(outlet) = lower(?)")
            params.append(outlet)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        counts = ", ".join(f"(SELECT count(*) FROM {t} s WHERE s.article_id = a.id) AS {t}"
                           for t in ("actors", "events", "quotes"))
        return self._columns(
            "SELECT a.id, a.published, a.outlet, "
            "coalesce(a.title, substr(a.text, 1, 60)) AS title, "
            f"a.source, a.version, {counts} "
            f"FROM articles a {clause} ORDER BY a.published DESC NULLS LAST, a.source LIMIT ?",
            (*params, limit))

    def get(self, article_id: str) -> Document | None:
        """The stored document whose id is ``article_id`` or starts with it (unique prefix)."""
        rows = self.execute("SELECT document FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2",
                            (article_id.replace("%", "") + "%",))
        if len(rows) > 1:
            raise StoreError(f"Article id prefix {article_id!r} is ambiguous: give more characters")
        return Document.from_dict(json.loads(rows[0][0])) if rows else None

    def stats(self) -> dict[str, Any]:
        """Counts of articles, versions and every section, and articles per outlet."""
        counts: dict[str, Any] = {
            "articles": self.execute("SELECT count(DISTINCT key) FROM articles")[0][0],
            "versions": self.execute("SELECT count(*) FROM articles")[0][0],
        }
        for table in SECTION_TABLES:
            counts[table] = self.execute(f"SELECT count(*) FROM {table}")[0][0]
        counts["distinct_events"] = self.execute("SELECT count(*) FROM event_clusters")[0][0]
        counts["sources"] = self.execute("SELECT count(*) FROM article_sources")[0][0]
        span = self.execute("SELECT min(published), max(published) FROM articles")[0]
        counts["published_from"] = span[0].isoformat() if span[0] else None
        counts["published_to"] = span[1].isoformat() if span[1] else None
        counts["outlets"] = dict(self.execute(
            "SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles "
            "GROUP BY 1 ORDER BY 2 DESC, 1"))
        return counts

    def ingest(self, documents: Iterable[Document], batch_size: int = 32) -> IngestReport:
        """Store documents batch by batch (convenience for the Python API)."""
        report = IngestReport()
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= batch_size:
                for outcome in self.store_batch(batch):
                    report.count(outcome)
                batch = []
        for outcome in self.store_batch(batch) if batch else []:
            report.count(outcome)
        return report


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
