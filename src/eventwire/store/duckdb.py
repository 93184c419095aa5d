"""The embedded default store: one DuckDB file.

DuckDB lets one process at a time open a file for writing; a second ``eventwire ingest``
waits for the first (up to ``LOCK_WAIT_SECONDS``) instead of failing at once.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore
from eventwire.store.frames import arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa

    from eventwire.store.query import Query


class DuckDBStore(SqlStore):
    """A DuckDB database file (or ``:memory:``)."""

    placeholder = "?"
    LOCK_WAIT_SECONDS = 60.0

    @classmethod
    def connect(cls, path: str) -> DuckDBStore:
        import duckdb

        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"Cannot open DuckDB store {path!r}: folder {parent} does not exist")
        deadline = time.monotonic() + cls.LOCK_WAIT_SECONDS
        while True:
            try:
                connection = duckdb.connect(path)
                break
            except duckdb.Error as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    message = str(exc).splitlines()[0]
                    raise StoreError(f"Cannot open DuckDB store {path!r}: {message}") from exc
                time.sleep(0.1)  # another process is writing: wait for it
        return cls(connection, f"duckdb:///{path}")

    def fetch_arrow(self, query: Query) -> pa.Table:
        """Run ``query`` straight into Arrow (no Python rows), with the query's schema."""
        relation = self._con.sql(self._sql(query.sql), params=list(query.params))
        return relation.to_arrow_table().cast(arrow_schema(query.columns))
