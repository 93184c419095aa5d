"""A PostgreSQL server as the store, through psycopg 3.

psycopg is imported only when a PostgreSQL url is opened, so DuckDB users never load it. The
connection runs in autocommit mode: the explicit ``BEGIN`` / ``COMMIT`` / ``ROLLBACK`` that
:class:`SqlStore` issues are then the only transactions, exactly as on DuckDB.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from eventwire.errors import ConfigError, StoreError
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
        check_url(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            reason = _scrub(" ".join(str(exc).split()), url)
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
    """``url`` without its password (in the user part or a ``password=`` parameter); a url
    too broken to split shows only its scheme."""
    try:
        parts = urlsplit(url)
        parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return url.split("://", 1)[0] + "://..." if "://" in url else "..."
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = userinfo.split(":", 1)[0].split("@", 1)[0] + "@" + host
    params = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in params if k != "password"], safe="/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def check_url(url: str) -> None:
    """A one-line :class:`ConfigError` for a url that the driver would misread, naming the
    mistake but never the password: an ``@`` or a stray ``%`` in the password, a broken
    IPv6 address."""
    shown = redact(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises on a bad one
    except ValueError as exc:
        raise ConfigError(f"Store url {shown!r} is not a valid url ({exc})") from None
    if parts.netloc.count("@") > 1:
        raise ConfigError(f"Store url {shown!r}: the user name or password holds an '@'; "
                          "write it as %40")
    userinfo = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else ""
    if _BAD_PERCENT.search(userinfo) or _BAD_PERCENT.search(parts.query):
        raise ConfigError(f"Store url {shown!r}: a '%' in the user name, password or "
                          "parameters is not followed by two hex digits; write it as %25")


def _scrub(reason: str, url: str) -> str:
    """The driver's message with every form of the password taken out."""
    try:
        parts = urlsplit(url)
        secrets = [parts.password or "", unquote(parts.password or "")]
        secrets += [v for k, v in parse_qsl(parts.query) if k == "password"]
    except ValueError:
        return "the url could not be read"
    for secret in sorted(filter(None, set(secrets)), key=len, reverse=True):
        reason = reason.replace(secret, "***")
    return reason


def _lock_id(name: str) -> int:
    """A signed 64-bit advisory lock id for ``name``, the same in every process."""
    digest = hashlib.sha256(f"eventwire\x1f{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
