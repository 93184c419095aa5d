"""Stage 6, store: DuckDB by default (one file, nothing to run).

``open_store`` takes a path (``eventwire.duckdb``), ``duckdb:///path`` or ``duckdb:///:memory:``.
"""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.store.base import IngestReport, SqlStore
from eventwire.store.duckdb import DuckDBStore

Store = SqlStore
DEFAULT_DB = "eventwire.duckdb"

__all__ = ["DEFAULT_DB", "DuckDBStore", "IngestReport", "Store", "open_store", "resolve_db"]


def resolve_db(db: str | Path | None = None) -> str:
    """The store to use: ``db``, else ``$EVENTWIRE_DB``, else ``eventwire.duckdb``."""
    return str(db or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


def open_store(db: str | Path | None = None) -> Store:
    """Open (and migrate) the store named by ``db``."""
    url = resolve_db(db)
    if url.startswith("duckdb://"):
        return DuckDBStore.connect(url.removeprefix("duckdb://").removeprefix("/") or ":memory:")
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise ConfigError(
            f"Unsupported store url {url!r} (scheme {scheme!r}): expected a DuckDB file path "
            "such as events.duckdb, or duckdb:///path/to/file.duckdb")
    return DuckDBStore.connect(url)
