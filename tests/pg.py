"""A throwaway PostgreSQL server for the tests, from the binaries of Debian's postgresql package.

:func:`start_server` runs ``initdb`` in a new temporary folder (as the unprivileged system user
``eventwire-pg`` when the tests run as root, since initdb refuses root), starts the server with
``pg_ctl -w start`` listening only on a unix socket inside that folder, and returns a
:class:`PostgresServer`; :meth:`PostgresServer.stop` stops it (``pg_ctl stop -m fast``) and
deletes the folder. Nothing outside the folder is touched, apart from creating that user once.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REQUIRE_ENV = "EVENTWIRE_REQUIRE_POSTGRES"
SERVER_ACCOUNT = "eventwire-pg"
ROLE = "eventwire"
NOT_INSTALLED = ("PostgreSQL is not installed (no initdb via pg_config, /usr/lib/postgresql/*/bin "
                 "or PATH): install Debian's postgresql package (apt-get install -y postgresql)")
#: Durability is not under test (the server itself is never killed), speed is.
SETTINGS = {"listen_addresses": "''", "port": "5432", "fsync": "off",
            "synchronous_commit": "off", "full_page_writes": "off"}


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: from pg_config, Debian's layout, or PATH."""
    candidates: list[Path] = []
    if pg_config := shutil.which("pg_config"):
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                check=False)
        candidates.append(Path(result.stdout.strip()))
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(debian, key=lambda p: _version(p.parent.name), reverse=True)
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    return next((d for d in candidates
                 if (d / "initdb").is_file() and (d / "pg_ctl").is_file()), None)


def _version(name: str) -> int:
    return int(name) if name.isdigit() else -1


def _server_account() -> tuple[int, int] | None:
    """(uid, gid) to run the server as: None when we are not root, else ``eventwire-pg``."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--user-group",
                        "--shell", "/usr/sbin/nologin", SERVER_ACCOUNT],
                       check=True, capture_output=True)
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    return entry.pw_uid, entry.pw_gid


@dataclass(frozen=True, slots=True)
class PostgresServer:
    """A running server whose data, socket and log all live in ``root``."""

    bindir: Path
    root: Path
    account: tuple[int, int] | None

    def url(self, dbname: str) -> str:
        """A ``postgresql://`` url for ``dbname``, over the unix socket in ``root``."""
        return f"postgresql://{ROLE}@/{dbname}?host={self.root}"

    def _run(self, tool: str, *args: str) -> None:
        as_user: dict[str, Any] = {}
        if self.account:
            as_user = {"user": self.account[0], "group": self.account[1], "extra_groups": []}
        result = subprocess.run([str(self.bindir / tool), *args], capture_output=True,
                                text=True, check=False, timeout=120, cwd=self.root, **as_user)
        if result.returncode:
            raise RuntimeError(f"{tool} {' '.join(args)} failed ({result.returncode}): "
                               f"{result.stderr.strip()} {self.log_tail()}")

    def log_tail(self) -> str:
        """The end of the server log, for error messages."""
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def start(self) -> None:
        """initdb (trust auth, C locale, UTF-8) and start the server; returns once it accepts."""
        data = str(self.root / "data")
        self._run("initdb", "--auth=trust", f"--username={ROLE}", "--locale=C",
                  "--encoding=UTF8", "--no-sync", "-D", data)
        settings = {**SETTINGS, "unix_socket_directories": f"'{self.root}'"}
        with (self.root / "data" / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self._run("pg_ctl", "-D", data, "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "start")

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        try:
            if (self.root / "data" / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @contextmanager
    def database(self) -> Iterator[str]:
        """A new, empty database for one test; dropped (with its connections) afterwards."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        try:
            yield self.url(name)
        finally:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(statement)


def start_server(bindir: Path) -> PostgresServer:
    """Start a private server from the binaries in ``bindir``, in a new temporary folder."""
    account = _server_account()
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    if account:
        os.chown(root, *account)
    server = PostgresServer(bindir, root, account)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
