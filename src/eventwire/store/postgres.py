"""A PostgreSQL server as the store, through psycopg 3.

psycopg is imported only when a PostgreSQL url is opened, so DuckDB users never load it. The
connection runs in autocommit mode: the explicit ``BEGIN`` / ``COMMIT`` / ``ROLLBACK`` that
:class:`SqlStore` issues are then the only transactions, exactly as on DuckDB.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore

SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_S = 10


class PostgresStore(SqlStore):
    """A database on a PostgreSQL server (``postgresql://user:password@host:port/db``)."""

    placeholder = "%s"

    @classmethod
    def connect(cls, url: str, read_only: bool = False) -> PostgresStore:
        """Connect to ``url`` and migrate the database (with ``read_only``, check it and
        make every transaction read-only); StoreError when the server refuses."""
        import psycopg

        shown = redact(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())
            raise StoreError(f"Cannot connect to PostgreSQL at {shown}: {reason}") from None
        if read_only:
            connection.execute("SET default_transaction_read_only = on")
        return cls(connection, shown, read_only)

    def stream(self, query: str, params: Sequence[Any] = (), chunk_size: int = 1000
               ) -> Iterator[list[tuple[Any, ...]]]:
        """Rows ``chunk_size`` at a time through a server-side cursor (psycopg's ordinary
        cursor would fetch the whole result), inside a read-only transaction."""
        self.begin()
        try:
            with self._con.cursor(name="eventwire_stream") as cursor:
                cursor.execute(self._sql(query), params)
                while rows := cursor.fetchmany(chunk_size):
                    yield rows
        finally:
            self.rollback()  # nothing was written

    def insert_rows(self, table: str, rows: Sequence[Sequence[Any]], keyed: bool = True
                    ) -> None:
        """The rows COPYed into a temporary twin of ``table``, then inserted by one statement
        (COPY itself cannot skip rows whose key is already stored)."""
        if not rows:
            return
        twin = f"copy_{table}"
        self.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {twin} (LIKE {table})")
        self.execute(f"TRUNCATE {twin}")
        with self._con.cursor() as cursor, cursor.copy(f"COPY {twin} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        self.execute(f"INSERT INTO {table} SELECT * FROM {twin}"
                     + (" ON CONFLICT DO NOTHING" if keyed else ""))

    def lock(self, names: Iterable[str]) -> None:
        """Hold transaction-scoped advisory locks on ``names`` until COMMIT or ROLLBACK.

        Locks are taken in one global order (by lock id), so two writers that need some of
        the same names wait for each other instead of deadlocking.
        """
        for lock_id in sorted({_lock_id(name) for name in names}):
            self.execute("SELECT pg_advisory_xact_lock(?)", (lock_id,))

    def rollback(self) -> None:
        """Roll back, unless the connection is already gone (the server rolled back then)."""
        if not self._con.closed:
            super().rollback()


def redact(url: str) -> str:
    """``url`` without its password (in the user part or a ``password=`` parameter)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = userinfo.split(":", 1)[0] + "@" + host
    params = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in params if k != "password"], safe="/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _lock_id(name: str) -> int:
    """A signed 64-bit advisory lock id for ``name``, the same in every process."""
    digest = hashlib.sha256(f"eventwire\x1f{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
