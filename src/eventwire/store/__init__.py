"""Stage 6, store: DuckDB by default (one file, nothing to run), or a PostgreSQL server.

``open_store`` takes a path (``eventwire.duckdb``), ``duckdb:///path``, ``duckdb:///:memory:``
or ``postgresql://user:password@host:port/db`` (also ``postgres://``).
"""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.store.base import IngestReport, SqlStore
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.postgres import SCHEMES, PostgresStore, redact

Store = SqlStore
DEFAULT_DB = "eventwire.duckdb"

__all__ = ["DEFAULT_DB", "DuckDBStore", "IngestReport", "PostgresStore", "Store", "open_store",
           "resolve_db"]


def resolve_db(db: str | Path | None = None) -> str:
    """The store to use: ``db``, else ``$EVENTWIRE_DB``, else ``eventwire.duckdb``."""
    return str(db or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


def open_store(db: str | Path | None = None) -> Store:
    """Open (and migrate) the store named by ``db``."""
    url = resolve_db(db)
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme == "duckdb":
        return DuckDBStore.connect(url.removeprefix("duckdb://").removeprefix("/") or ":memory:")
    if scheme in SCHEMES:
        return PostgresStore.connect(url)
    if scheme:
        raise ConfigError(
            f"Unsupported store url {redact(url)!r} (scheme {scheme!r}): expected a "
            "DuckDB file path such as events.duckdb, duckdb:///path/to/file.duckdb, "
            "or postgresql://user@host/db")
    return DuckDBStore.connect(url)
