"""The embedded default store: one DuckDB file."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore


class DuckDBStore(SqlStore):
    """A DuckDB database file (or ``:memory:``)."""

    placeholder = "?"

    @classmethod
    def connect(cls, path: str) -> DuckDBStore:
        import duckdb

        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"Cannot open DuckDB store {path!r}: folder {parent} does not exist")
        try:
            connection = duckdb.connect(path)
        except duckdb.Error as exc:
            raise StoreError(f"Cannot open DuckDB store {path!r}: {exc}") from exc
        return cls(connection, f"duckdb:///{path}")
