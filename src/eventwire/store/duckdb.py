"""The embedded default store: one DuckDB file.

DuckDB lets one process at a time open a file for writing; a second ``eventwire ingest``
waits for the first (up to ``LOCK_WAIT_SECONDS``) instead of failing at once.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore
from eventwire.store.frames import arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa

    from eventwire.store.query import Query


def _create_whole(path: Path) -> None:
    """Create an empty database at ``path`` unless one is there, so that no other process can
    ever open a half-written file: DuckDB writes the new file's header after creating it, and a
    second process opening it in between finds "not a valid DuckDB database file". The file is
    made under a private name and linked into place, which fails if another process won."""
    import os

    import duckdb

    if path.exists():
        return
    draft = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        duckdb.connect(str(draft)).close()
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process created it first: theirs is whole too
        except OSError:
            pass  # no hard links here (some network filesystems): let DuckDB create it
    finally:
        for leftover in (draft, draft.with_name(draft.name + ".wal")):
            leftover.unlink(missing_ok=True)


class DuckDBStore(SqlStore):
    """A DuckDB database file (or ``:memory:``)."""

    placeholder = "?"
    LOCK_WAIT_SECONDS = 60.0

    def __init__(self, connection: Any, url: str, read_only: bool = False) -> None:
        self._types: dict[str, list[tuple[str, pa.DataType]]] = {}
        super().__init__(connection, url, read_only)

    @classmethod
    def connect(cls, path: str, read_only: bool = False) -> DuckDBStore:
        """Open the file, waiting while another process writes to it. ``read_only`` writes
        nothing and lets other read-only processes open the file at the same time."""
        import duckdb

        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"Cannot open DuckDB store {path!r}: folder {parent} does not exist")
            if read_only and not Path(path).expanduser().exists():
                raise StoreError(f"No store at {path!r} yet: ingest articles into it first")
        read_only = read_only and path != ":memory:"
        if path != ":memory:" and not read_only:
            _create_whole(Path(path).expanduser())
        deadline = time.monotonic() + cls.LOCK_WAIT_SECONDS
        while True:
            try:
                connection = duckdb.connect(path, read_only=read_only)
                break
            except duckdb.Error as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    message = str(exc).splitlines()[0]
                    raise StoreError(f"Cannot open DuckDB store {path!r}: {message}") from exc
                time.sleep(0.1)  # another process is writing: wait for it
        return cls(connection, f"duckdb://{path}", read_only)

    def insert_rows(self, table: str, rows: Sequence[Sequence[Any]], keyed: bool = True
                    ) -> None:
        """The rows as one Arrow table (typed by the table's own columns), inserted by one
        statement: DuckDB reads Arrow without a round trip per row."""
        if not rows:
            return
        import pyarrow as pa

        types = self._arrow_types(table)
        columns = list(zip(*rows, strict=True))
        batch = pa.table({name: pa.array(values, type=kind)
                          for (name, kind), values in zip(types, columns, strict=True)})
        self._con.register("eventwire_rows", batch)
        try:
            self._con.execute(f"INSERT INTO {table} SELECT * FROM eventwire_rows"
                              + (" ON CONFLICT DO NOTHING" if keyed else ""))
        finally:
            self._con.unregister("eventwire_rows")

    def _arrow_types(self, table: str) -> list[tuple[str, pa.DataType]]:
        import pyarrow as pa

        if table not in self._types:
            kinds = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
                     "DOUBLE": pa.float64(), "DATE": pa.date32(),
                     "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_()}
            self._types[table] = [(name, kinds[kind]) for name, kind, *_ in
                                  self._con.execute(f"DESCRIBE {table}").fetchall()]
        return self._types[table]

    def fetch_arrow(self, query: Query) -> pa.Table:
        """Run ``query`` straight into Arrow (no Python rows), with the query's schema."""
        relation = self._con.sql(self._sql(query.sql), params=list(query.params))
        return relation.to_arrow_table().cast(arrow_schema(query.columns))
