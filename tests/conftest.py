"""Shared fixtures. This is the only conftest.py (as in spaCy's test suite)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline eventwire loads by default (skips when none is installed)."""
    from eventwire.errors import ModelNotFound
    from eventwire.parse import load_nlp

    try:
        return load_nlp()
    except ModelNotFound as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def postgres():  # type: ignore[no-untyped-def]
    """A private PostgreSQL server for the whole session (see tests/pg.py).

    Without PostgreSQL installed, tests that need it are skipped, or fail when
    ``EVENTWIRE_REQUIRE_POSTGRES=1`` (as CI sets it).
    """
    from tests.pg import NOT_INSTALLED, REQUIRE_ENV, find_bindir, start_server

    bindir = find_bindir()
    if bindir is None and os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{NOT_INSTALLED} ({REQUIRE_ENV}=1)", pytrace=False)
    if bindir is None:
        pytest.skip(NOT_INSTALLED)
    server = start_server(bindir)
    yield server
    server.stop()


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """The url of a new, empty store: a DuckDB file, then a PostgreSQL database.

    Tests that take this fixture run once on each backend.
    """
    if request.param == "duckdb":
        yield f"duckdb:///{tmp_path / 'events.duckdb'}"
        return
    with request.getfixturevalue("postgres").database() as url:
        yield url
