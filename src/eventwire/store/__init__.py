"""Stage 6, store: DuckDB by default (one file, nothing to run), or a PostgreSQL server.

``open_store`` takes a path (``eventwire.duckdb``), ``duckdb:///absolute/path``,
``duckdb://relative/path``, ``duckdb:///:memory:`` or
``postgresql://user:password@host:port/db`` (also ``postgres://``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from eventwire.errors import ConfigError, Failure
from eventwire.records import Document
from eventwire.store.base import IngestReport, SqlStore
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.postgres import SCHEMES, PostgresStore, redact
from eventwire.store.writer import ingest_documents, releases_between_batches

Store = SqlStore
DEFAULT_DB = "eventwire.duckdb"

__all__ = ["DEFAULT_DB", "DuckDBStore", "IngestReport", "PostgresStore", "Store", "ingest",
           "open_store", "resolve_db"]


def resolve_db(db: str | Path | None = None) -> str:
    """The store to use: ``db``, else ``$EVENTWIRE_DB``, else ``eventwire.duckdb``."""
    return str(db or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


def open_store(db: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (and migrate) the store named by ``db``; with ``read_only``, open it for reading
    only: nothing is written (not even a migration), and on DuckDB other readers may open
    the file at the same time. A store object is for one thread: open one per thread."""
    url = resolve_db(db)
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme == "duckdb":
        return DuckDBStore.connect(duckdb_path(url), read_only)
    if scheme in SCHEMES:
        return PostgresStore.connect(url, read_only)
    if scheme:
        raise ConfigError(
            f"Unsupported store url {redact(url)!r} (scheme {scheme!r}): expected a "
            "DuckDB file path such as events.duckdb, duckdb:///abs/path/file.duckdb, "
            "or postgresql://user@host/db")
    return DuckDBStore.connect(url, read_only)


def duckdb_path(url: str) -> str:
    """The file of a ``duckdb://`` url, as in file urls: ``duckdb:///data/e.duckdb`` is the
    absolute path /data/e.duckdb, ``duckdb://e.duckdb`` a path relative to the working
    folder, ``duckdb:///:memory:`` (or ``duckdb://``) a database in memory."""
    path = url.removeprefix("duckdb://")
    if path.lstrip("/") in {"", ":memory:"}:
        return ":memory:"
    return path


def ingest(items: Iterable[Document | Failure], db: str | Path | None = None,
           batch_size: int = 32, progress: Callable[[int], object] | None = None) -> IngestReport:
    """Store documents into the store named by ``db``, batch by batch, and report what
    happened (failures among ``items`` are counted and skipped). The store is opened first,
    so a bad url fails before any document is read; a DuckDB file is released between
    batches so that readers can open it meanwhile."""
    url = resolve_db(db)
    open_store(url).close()
    return ingest_documents(items, batch_size, open_store=lambda: open_store(url),
                            release=releases_between_batches(url), progress=progress)
