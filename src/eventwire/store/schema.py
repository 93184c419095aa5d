"""Versioned schema migrations, in SQL that DuckDB and PostgreSQL both accept.

Each migration runs once, in order, inside a transaction, and is recorded in
``schema_migrations``. Never edit a migration that has shipped: add a new one.
JSON-valued columns are TEXT so that both databases store them the same way.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles and extracted sections", """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    authors TEXT NOT NULL,
    outlet TEXT,
    published DATE,
    dateline TEXT,
    input_format TEXT NOT NULL,
    text TEXT NOT NULL,
    removed TEXT NOT NULL,
    model TEXT,
    ingested_at TIMESTAMP NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX articles_key ON articles (key);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE actors (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, name TEXT NOT NULL, code TEXT,
    kind TEXT, country TEXT, role TEXT, title TEXT, mentions TEXT NOT NULL
);
CREATE INDEX actors_article ON actors (article_id);
CREATE TABLE events (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT,
    plover_mode TEXT, goldstein DOUBLE PRECISION, quad_class INTEGER,
    source TEXT, target TEXT, source_code TEXT, target_code TEXT,
    date TEXT, date_source TEXT, mood TEXT, place TEXT, place_country TEXT,
    attributed_to TEXT, sentence TEXT NOT NULL, sentence_start INTEGER,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE PRECISION
);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL, start_char INTEGER,
    end_char INTEGER, speaker TEXT, speaker_id TEXT, speaker_code TEXT, kind TEXT, cue TEXT,
    date TEXT
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE TABLE attributions (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL,
    start_char INTEGER, end_char INTEGER, code TEXT, source_id TEXT, cue TEXT,
    covers_start INTEGER, covers_end INTEGER, date TEXT
);
CREATE INDEX attributions_article ON attributions (article_id);
CREATE TABLE times (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL, start_char INTEGER,
    end_char INTEGER, value TEXT, type TEXT, mod TEXT
);
CREATE INDEX times_article ON times (article_id);
CREATE TABLE figures (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL, start_char INTEGER,
    end_char INTEGER, value DOUBLE PRECISION, unit TEXT, qualifier TEXT, subject TEXT,
    period TEXT, source TEXT
);
CREATE INDEX figures_article ON figures (article_id);
CREATE TABLE places (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, role TEXT, feature TEXT, mentions TEXT NOT NULL
);
CREATE INDEX places_article ON places (article_id);
"""),
)

MIGRATIONS += (
    (2, "syndicated copies and cross-article events", """
CREATE TABLE article_sources (
    article_id TEXT NOT NULL, key TEXT NOT NULL, source TEXT NOT NULL, url TEXT,
    outlet TEXT, published DATE, similarity DOUBLE PRECISION, ingested_at TIMESTAMP NOT NULL,
    PRIMARY KEY (article_id, key)
);
CREATE TABLE article_minhash (article_id TEXT PRIMARY KEY, signature TEXT NOT NULL);
CREATE TABLE event_clusters (
    id TEXT PRIMARY KEY, source_code TEXT, target_code TEXT, root TEXT NOT NULL,
    cameo TEXT NOT NULL, plover TEXT, quad_class INTEGER, goldstein DOUBLE PRECISION,
    date TEXT, date_start DATE, date_end DATE, mood TEXT, sentence TEXT NOT NULL,
    n_reports INTEGER NOT NULL, n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL,
    first_report DATE, last_report DATE
);
CREATE INDEX event_clusters_dyad ON event_clusters (source_code, target_code, date_start);
CREATE INDEX event_clusters_date ON event_clusters (date_start);
CREATE TABLE event_reports (
    event_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL, article_id TEXT NOT NULL,
    similarity DOUBLE PRECISION
);
CREATE INDEX event_reports_cluster ON event_reports (cluster_id);
"""),
)

MIGRATIONS += (
    # The reports of an article (recounting its events when a syndicated copy arrives, the
    # --outlet filter) and events of one CAMEO root over time (--root with --from/--to).
    (3, "indexes for event queries", """
CREATE INDEX event_reports_article ON event_reports (article_id);
CREATE INDEX event_clusters_root ON event_clusters (root, date_start);
"""),
)

MIGRATIONS += (
    # Set-based clustering joins events on their dyad and dates; near-duplicate articles are
    # found by joining their MinHash LSH bands (see clusters.py and dedup.py). Existing rows
    # are filled in by BACKFILLS[4].
    (4, "event dates and LSH bands for set-based clustering and deduplication", """
ALTER TABLE events ADD COLUMN root TEXT;
ALTER TABLE events ADD COLUMN date_start DATE;
ALTER TABLE events ADD COLUMN date_end DATE;
CREATE INDEX events_dyad ON events (root, source_code, target_code, date_start);
CREATE TABLE article_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL,
                            article_id TEXT NOT NULL);
CREATE INDEX article_bands_hash ON article_bands (band, hash);
"""),
)

MIGRATIONS += (
    # A user's corrections of what eventwire found, kept apart from it: a re-ingest never
    # touches them, and `export --format gold` turns them into gold files.
    (5, "user corrections of events", """
CREATE TABLE corrections (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, event_id TEXT, action TEXT NOT NULL,
    cameo TEXT, source_code TEXT, target_code TEXT, date TEXT, note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX corrections_article ON corrections (article_id);
"""),
)

SECTION_TABLES = ("actors", "events", "quotes", "attributions", "times", "figures", "places")
