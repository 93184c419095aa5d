"""The store: articles and everything extracted from them, in a SQL database.

:class:`SqlStore` holds the logic that every backend shares (migrations, idempotent ingest,
queries); a backend only says how to connect and which parameter style it uses. Readers and
the store never import spaCy: they see records only.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from eventwire.errors import Failure, StoreError
from eventwire.records import Document
from eventwire.store.clusters import (
    backfill,
    cluster_pending,
    recluster_all,
    recount_articles,
)
from eventwire.store.dedup import DUPLICATE_THRESHOLD, bands, signature, similarity
from eventwire.store.frames import QueryMixin
from eventwire.store.query import text_match
from eventwire.store.rows import SECTION_ROWS, Row, article_row, section_rows
from eventwire.store.schema import MIGRATIONS, SECTION_TABLES

Outcome = Literal["stored", "updated", "unchanged", "duplicate"]
#: Python steps that fill the columns a migration added, for rows stored before it.
BACKFILLS: MappingProxyType[int, Callable[[SqlStore], None]] = MappingProxyType({4: backfill})


#: What a user's correction of an event says (see :meth:`SqlStore.add_correction`).
CORRECTIONS = ("wrong", "change", "add")
#: The name of the lock that writers hold for the length of one batch's transaction.
WRITER_LOCK = "store-writer"


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did, for the closing summary line."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are no article at all

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
        line += (": " + "; ".join(self.failed) if self.failed else "")
        if self.skipped:
            shown = "; ".join(self.skipped[:5]) + ("; ..." if len(self.skipped) > 5 else "")
            line += f"; {len(self.skipped)} skipped: {shown}"
        return line


class SqlStore(QueryMixin):
    """Shared logic; subclasses set ``placeholder`` and provide a DB-API connection.

    The event-data queries (``events``, ``timeline``, ``actors``...) come from
    :class:`~eventwire.store.frames.QueryMixin`.
    """

    placeholder = "?"
    url: str

    def __init__(self, connection: Any, url: str, read_only: bool = False) -> None:
        self._con = connection
        self.url = url
        self.read_only = read_only
        if read_only:
            self._check_version()
        else:
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
    def _check_version(self) -> None:
        """A read-only store must already be at this version's schema (nothing is written)."""
        latest = MIGRATIONS[-1][0]
        try:
            found = int(self.execute("SELECT max(version) FROM schema_migrations")[0][0] or 0)
        except Exception:  # no table at all: never written to
            found = 0
        if found < latest:
            raise StoreError(f"{self.url}: the store is {'empty' if not found else 'older'} "
                             f"(schema {found}, this eventwire needs {latest}): ingest into it "
                             "first, which creates or upgrades it")

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
                    if version in BACKFILLS:
                        BACKFILLS[version](self)
                    self.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 (version, name, _now()))
                self.commit()
            except Exception as exc:
                self.rollback()
                raise StoreError(f"{self.url}: migration {version} ({name}) failed: {exc}") from exc

    # -- writing ----------------------------------------------------------------------------
    def insert_rows(self, table: str, rows: Sequence[Sequence[Any]], keyed: bool = True
                    ) -> None:
        """Insert rows into ``table`` (rows already there by primary key are kept). One
        statement per row here; the backends write a whole batch at once (Arrow, COPY)."""
        if not rows:
            return
        marks = _marks(len(rows[0]))
        for row in rows:
            self.execute(f"INSERT INTO {table} VALUES ({marks})"
                         + (" ON CONFLICT DO NOTHING" if keyed else ""), row)

    def store_batch(self, documents: Sequence[Document]) -> list[Outcome]:
        """Store documents in one transaction: all of them, or none if anything fails.

        Writers take one store-wide lock first (PostgreSQL: an advisory lock; DuckDB: one
        writing process per file), so a batch sees every batch committed before it: copies
        of a story stored by another process are found, versions stay 1, 2, 3..., and
        clustering joins the events that other writers stored. Parsing, the costly part,
        still runs in every process at once; only these short bulk writes take turns. The
        batch becomes one bulk write per table, then one clustering pass.
        """
        self.begin()
        try:
            self.lock([WRITER_LOCK])
            outcomes = self._write_batch(documents)
            cluster_pending(self, [d.article.key for d in documents])
            self.commit()
        except Exception as exc:
            self.rollback()
            raise StoreError(f"{self.url}: could not store batch: {exc}") from exc
        return outcomes

    def _write_batch(self, documents: Sequence[Document]) -> list[Outcome]:
        order = sorted(range(len(documents)), key=lambda i: documents[i].id)
        outcomes: list[Outcome] = ["unchanged"] * len(documents)
        ids = sorted({d.id for d in documents})
        keys = sorted({d.article.key for d in documents})
        held = {row[0]: (row[1], int(row[2])) for row in self._in(
            "SELECT id, key, version FROM articles WHERE id IN ({})", ids)}
        stored = set(held)
        versions: dict[str, int] = {k: int(v) for k, v in self._in(
            "SELECT key, max(version) FROM articles WHERE key IN ({}) GROUP BY key", keys)}
        new = [d for d in documents if d.id not in stored and not versions.get(d.article.key)]
        signatures = {d.id: signature(d.article.text) for d in documents if d.id not in stored}
        copies = self._stored_copies({d.id: signatures[d.id] for d in new})
        tables: dict[str, list[Row]] = {t: [] for t in ("articles", *SECTION_ROWS,
                                                        "article_minhash", "article_bands")}
        sources: list[Row] = []
        recount: set[str] = set()
        batch_bands: dict[tuple[int, int], list[str]] = {}
        now = _now()
        for i in order:
            doc = documents[i]
            if doc.id in stored:  # the same text again, perhaps under another url
                sources.append(_source_row(doc.id, doc, 1.0, now))
                recount.add(doc.id)
                key, version = held.get(doc.id, (None, 0))
                if key == doc.article.key and version < versions.get(key, 0):
                    # reverted to an earlier text: that text is the latest version again
                    versions[key] += 1
                    held[doc.id] = (key, versions[key])
                    self.execute("UPDATE articles SET version = ? WHERE id = ?",
                                 (versions[key], doc.id))
                    outcomes[i] = "updated"
                continue
            hashvalues = signatures[doc.id]
            previous = versions.get(doc.article.key, 0)
            copy = None if previous else (copies.get(doc.id) or _batch_copy(
                hashvalues, batch_bands, signatures))
            if copy is not None:  # a syndicated copy of a stored story
                sources.append(_source_row(copy[0], doc, copy[1], now))
                recount.add(copy[0])
                outcomes[i] = "duplicate"
                continue
            versions[doc.article.key] = previous + 1
            stored.add(doc.id)
            tables["articles"].append(article_row(doc, previous + 1, now))
            for table, records in section_rows(doc).items():
                tables[table] += records
            tables["article_minhash"].append((doc.id, json.dumps(hashvalues)))
            for band in bands(hashvalues):
                tables["article_bands"].append((band[0], band[1], doc.id))
                batch_bands.setdefault(band, []).append(doc.id)
            sources.append(_source_row(doc.id, doc, 1.0, now))
            outcomes[i] = "updated" if previous else "stored"
        for table, rows in tables.items():
            if table == "article_bands":
                self.insert_rows(table, rows, keyed=False)
            else:
                self.insert_rows(table, _unique(rows))
        self.insert_rows("article_sources", _unique(sources, width=2))
        recount_articles(self, recount)
        return outcomes

    def cluster(self, everything: bool = False) -> int:
        """Cluster the events that have no cluster yet (every event with ``everything``), in
        one transaction; returns how many events were clustered."""
        self.begin()
        try:
            self.lock(["clusters"])
            count = recluster_all(self) if everything else cluster_pending(self)
            self.commit()
        except Exception as exc:
            self.rollback()
            raise StoreError(f"{self.url}: could not cluster events: {exc}") from exc
        return count

    def _in(self, query: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """``query`` with its ``IN ({})`` filled for ``values`` (in chunks of 500)."""
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(values), 500):
            chunk = list(values[start : start + 500])
            out += self.execute(query.format(", ".join("?" * len(chunk))), chunk)
        return out

    def _stored_copies(self, wanted: dict[str, list[int]]) -> dict[str, tuple[str, float]]:
        """For each new article, the stored article it nearly duplicates (most similar above
        the threshold), found by joining LSH bands in SQL."""
        if not wanted:
            return {}
        self.execute("CREATE TEMPORARY TABLE IF NOT EXISTS new_bands ("
                     "band INTEGER, hash BIGINT, article_id TEXT)")
        self.execute("DELETE FROM new_bands")
        self.insert_rows("new_bands", [(b, h, aid) for aid, values in wanted.items()
                                       for b, h in bands(values)], keyed=False)
        pairs = self.execute(
            "SELECT DISTINCT n.article_id, s.article_id, m.signature FROM new_bands n "
            "JOIN article_bands s ON s.band = n.band AND s.hash = n.hash "
            "JOIN article_minhash m ON m.article_id = s.article_id")
        self.execute("DELETE FROM new_bands")
        best: dict[str, tuple[str, float]] = {}
        for new_id, stored_id, stored in pairs:
            score = similarity(wanted[new_id], json.loads(stored))
            if score >= DUPLICATE_THRESHOLD and (
                    new_id not in best or (score, stored_id) > (best[new_id][1], best[new_id][0])):
                best[new_id] = (stored_id, score)
        return best

    # -- reading ----------------------------------------------------------------------------
    def articles(self, limit: int = 100, outlet: str | None = None,
                 all_versions: bool = False) -> list[dict[str, Any]]:
        """Stored articles, newest publication first (latest version of each unless asked)."""
        where, params = [], []
        if not all_versions:
            where.append("version = (SELECT max(b.version) FROM articles b WHERE b.key = a.key)")
        if outlet:
            match, value = text_match("outlet", outlet)
            where.append(match)
            params.append(value)
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
        prefix = article_id.strip().lower()
        if any(c not in "0123456789abcdef" for c in prefix):
            return None  # ids are hex: "_" or "%" would be LIKE wildcards, never an id
        rows = self.execute("SELECT document FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2",
                            (prefix + "%",))
        if len(rows) > 1:
            raise StoreError(f"Article id prefix {article_id!r} is ambiguous: give more characters")
        return Document.from_dict(json.loads(rows[0][0])) if rows else None

    def add_correction(self, article_id: str, action: str, event_id: str | None = None,
                       cameo: str | None = None, source_code: str | None = None,
                       target_code: str | None = None, date: str | None = None,
                       note: str | None = None) -> dict[str, Any]:
        """Keep a user's correction of an article's events, apart from what eventwire found:
        ``wrong`` (the event did not happen as coded), ``change`` (its codes, actors or date
        were wrong: the given fields replace them) or ``add`` (an event eventwire missed).
        Raises :class:`StoreError` for an unknown article or event or a missing field."""
        if action not in CORRECTIONS:
            raise StoreError(f"Correction {action!r} is not one of {', '.join(CORRECTIONS)}")
        if not self.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
            raise StoreError(f"No article with id {article_id!r}")
        if action == "add":
            if not cameo:
                raise StoreError("A missed event needs at least its CAMEO code")
            event_id = None
        elif not event_id or not self.execute(
                "SELECT 1 FROM events WHERE id = ? AND article_id = ?", (event_id, article_id)):
            raise StoreError(f"No event {event_id!r} in article {article_id!r}")
        row = {"id": uuid.uuid4().hex[:16], "article_id": article_id, "event_id": event_id,
               "action": action, "cameo": cameo, "source_code": source_code,
               "target_code": target_code, "date": date, "note": note, "created_at": _now()}
        self.begin()
        try:
            self.execute(f"INSERT INTO corrections ({', '.join(row)}) VALUES "
                         f"({', '.join('?' * len(row))})", tuple(row.values()))
            self.commit()
        except Exception as exc:
            self.rollback()
            raise StoreError(f"{self.url}: could not store the correction: {exc}") from exc
        return row

    def corrections(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """The corrections of one article (or of every article), oldest first."""
        where, params = ("WHERE article_id = ?", (article_id,)) if article_id else ("", ())
        return self._columns(f"SELECT * FROM corrections {where} ORDER BY created_at, id",
                             params)

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

    def has_articles(self) -> bool:
        """Whether any article is stored (a new store has none)."""
        return bool(self.execute("SELECT 1 FROM articles LIMIT 1"))

    def latest_of(self, pairs: Sequence[tuple[str, str]]) -> set[str]:
        """Of ``(article id, key)`` pairs, the ids stored as the latest version of that key:
        articles that a run may skip without parsing them again (a resumed run)."""
        wanted = dict(pairs)
        found = self._in(
            "SELECT a.id, a.key FROM articles a WHERE a.id IN ({}) AND a.version = "
            "(SELECT max(b.version) FROM articles b WHERE b.key = a.key)", sorted(wanted))
        return {aid for aid, key in found if wanted.get(aid) == key}

    def ingest(self, documents: Iterable[Document | Failure], batch_size: int = 32
               ) -> IngestReport:
        """Store documents batch by batch through this open store (the Python API; see
        :func:`eventwire.store.ingest` for a url)."""
        from eventwire.store.writer import ingest_documents

        return ingest_documents(documents, batch_size, store=self)


def _source_row(article_id: str, doc: Document, score: float, now: dt.datetime) -> Row:
    a = doc.article
    return (article_id, a.key, a.source, a.url, a.outlet, a.published, score, now)


def _batch_copy(hashvalues: list[int], batch_bands: dict[tuple[int, int], list[str]],
                signatures: dict[str, list[int]]) -> tuple[str, float] | None:
    """An article of this same batch that the new one nearly duplicates."""
    found = {aid for band in bands(hashvalues) for aid in batch_bands.get(band, [])}
    scored = sorted(((similarity(hashvalues, signatures[aid]), aid) for aid in found),
                    reverse=True)
    return (scored[0][1], scored[0][0]) if scored and scored[0][0] >= DUPLICATE_THRESHOLD \
        else None


def _unique(rows: list[Row], width: int = 1) -> list[Row]:
    """Rows without repeats of their first ``width`` columns (their key): a bulk insert
    must not hold the same key twice."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for row in rows:
        key = tuple(row[:width])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
