"""The store on both backends: migrations, idempotent and crash-safe ingest, versions, queries.

Every test that takes ``store`` or ``store_url`` runs twice: on a DuckDB file and on a
database of a real PostgreSQL server (see ``tests/pg.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.ingest_worker import make_doc, make_docs

from eventwire.cli import cli
from eventwire.errors import ConfigError, StoreError
from eventwire.store import open_store
from eventwire.store.postgres import redact
from eventwire.store.schema import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as s:
        yield s


def max_version(store) -> int:  # type: ignore[no-untyped-def]
    return int(store.execute("SELECT max(version) FROM articles")[0][0] or 0)


def test_store_is_migrated_to_the_latest_version(store):
    assert store.schema_version() == MIGRATIONS[-1][0]
    assert store.execute("SELECT count(*) FROM schema_migrations")[0][0] == len(MIGRATIONS)


def test_reingesting_the_same_article_changes_nothing(store):
    doc = make_doc("Monday: the army withdrew from the town.")
    assert store.store_batch([doc]) == ["stored"]
    before = store.stats()
    assert store.store_batch([doc]) == ["unchanged"]
    assert store.stats() == before
    assert before["articles"] == 1 and before["times"] == 1 and before["quotes"] == 1


def test_the_same_article_twice_in_one_batch_is_stored_once(store):
    first, second = make_docs(2)
    assert store.store_batch([second, first, second]) == ["stored", "stored", "unchanged"]
    assert store.stats()["versions"] == 2


def test_changed_text_is_a_new_version_of_the_same_article(store):
    store.store_batch([make_doc("Monday: the army withdrew from the town.")])
    assert store.store_batch([make_doc("Monday: the army withdrew from two towns.")]) == ["updated"]
    stats = store.stats()
    assert (stats["articles"], stats["versions"]) == (1, 2)
    (latest,) = store.articles()
    assert latest["version"] == 2
    assert len(store.articles(all_versions=True)) == 2


def test_a_text_reverted_to_an_earlier_version_is_the_latest_again(store):
    first, second = make_doc("First text."), make_doc("Second text, corrected.")
    store.ingest([first])
    store.ingest([second])
    assert store.ingest([first]).updated == 1
    (latest,) = store.articles(limit=5)
    assert latest["id"] == first.id and latest["version"] == 3
    assert store.ingest([first]).updated == 0  # and again: nothing changes


def test_a_failing_batch_leaves_nothing_behind(store):
    good = make_doc("Friday: rebels shelled the port.")
    broken = dataclasses.replace(make_doc("Saturday: talks began.", key="k2"),
                                 meta={"model": object()})  # type: ignore[dict-item]
    with pytest.raises(StoreError, match="could not store batch"):
        store.store_batch([good, broken])
    assert store.stats()["versions"] == 0
    assert store.store_batch([good]) == ["stored"]


def test_get_by_unique_prefix_round_trips_the_document(store):
    doc = make_doc("Tuesday: the court jailed two journalists.")
    store.store_batch([doc])
    assert store.get(doc.id[:5]) == doc
    assert store.get("ffffffffffff") is None


def test_get_with_an_ambiguous_prefix_is_an_error(store):
    store.store_batch(make_docs(40))
    with pytest.raises(StoreError, match="ambiguous"):
        store.get("")


def test_ingest_and_stats_count_outlets(store):
    docs = [make_doc(f"Day {i}: protesters marched.", key=f"k{i}", outlet="A" if i % 2 else "B")
            for i in range(5)]
    report = store.ingest(docs, batch_size=2)
    assert (report.stored, report.unchanged) == (5, 0)
    stats = store.stats()
    assert stats["outlets"] == {"B": 3, "A": 2}
    assert (stats["published_from"], stats["published_to"]) == ("2024-05-01", "2024-05-01")
    assert store.ingest(docs).summary() == "0 stored, 5 unchanged, 0 failed"


def test_articles_are_newest_first_with_undated_last_and_filter_by_outlet(store):
    store.store_batch([
        make_doc("Old news.", key="old", published=dt.date(2020, 1, 1)),
        make_doc("Undated news.", key="undated", published=None, outlet="Other Wire"),
        make_doc("New news.", key="new", published=dt.date(2024, 1, 1)),
    ])
    rows = store.articles()
    assert [r["source"] for r in rows] == ["new", "old", "undated"]
    assert rows[0]["published"] == dt.date(2024, 1, 1)
    assert (rows[0]["title"], rows[0]["quotes"], rows[0]["events"]) == ("New news.", 1, 0)
    assert [r["source"] for r in store.articles(outlet="other WIRE")] == ["undated"]
    assert len(store.articles(limit=1)) == 1


def test_store_reopens_an_existing_store(store_url):
    with open_store(store_url) as s:
        s.store_batch([make_doc("Sunday: the ceasefire held.")])
    with open_store(store_url) as s:
        assert s.stats()["articles"] == 1
        assert s.schema_version() == MIGRATIONS[-1][0]


def test_store_reopens_an_existing_duckdb_file_by_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with open_store(path) as s:
        s.store_batch([make_doc("Sunday: the ceasefire held.")])
    with open_store(f"duckdb:///{path}") as s:
        assert s.stats()["articles"] == 1


def test_a_new_duckdb_file_is_never_seen_half_written(tmp_path):
    """A new store file appears whole (made under a private name, then linked into place):
    another process opening it at that moment must not find a file without DuckDB's header."""
    from eventwire.store.duckdb import _create_whole

    path = tmp_path / "events.duckdb"
    _create_whole(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.duckdb"]
    size = path.stat().st_size
    assert size > 0
    _create_whole(path)  # already there: left alone
    assert path.stat().st_size == size
    with open_store(path) as s:
        assert s.schema_version() == MIGRATIONS[-1][0]


def test_bad_store_urls_get_clear_errors(tmp_path):
    with pytest.raises(ConfigError) as info:
        open_store("mysql://root:hunter2@localhost/db")
    message = str(info.value)
    assert "expected a DuckDB file path" in message and "or postgresql://" in message
    assert "hunter2" not in message
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "events.duckdb")


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_unreachable_postgres_is_a_one_line_error_without_the_password(scheme):
    with pytest.raises(StoreError) as info:
        open_store(f"{scheme}://nouser:s3cret@127.0.0.1:1/x")
    message = str(info.value)
    assert message.startswith(f"Cannot connect to PostgreSQL at {scheme}://nouser@127.0.0.1:1/x: ")
    assert "s3cret" not in message and "\n" not in message
    assert "refused" in message


def test_redact_removes_passwords_from_user_and_query():
    assert redact("postgresql://u:pw@h:5/db?password=pw&sslmode=off") == (
        "postgresql://u@h:5/db?sslmode=off")
    assert redact("postgresql://u@/db?host=/tmp/x") == "postgresql://u@/db?host=/tmp/x"


def run_worker(url: str, count: int, *options: str) -> subprocess.Popen[str]:
    """Start ``tests/store/ingest_worker.py`` in a new process."""
    return subprocess.Popen([sys.executable, "-m", "tests.store.ingest_worker", url, str(count),
                             *options], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(marker: Path, worker: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if worker.poll() is not None:
            pytest.fail(f"worker exited early ({worker.returncode}): {worker.communicate()}")
        if time.monotonic() > deadline:
            worker.kill()
            worker.communicate()
            pytest.fail("worker never reached the middle of its second batch")
        time.sleep(0.05)


@pytest.mark.slow
def test_a_process_killed_mid_batch_loses_only_that_batch(store_url, tmp_path):
    marker = tmp_path / "mid-batch"
    worker = run_worker(store_url, 12, "--batch", "4", "--stall-after", "6",
                        "--marker", str(marker))
    wait_for(marker, worker)
    worker.kill()  # SIGKILL: no cleanup, no rollback from the client
    worker.communicate(timeout=30)
    with open_store(store_url) as store:
        assert store.stats()["versions"] == 4  # the first batch, not a row of the second
        report = store.ingest(make_docs(12), batch_size=5)
        assert (report.stored, report.unchanged) == (8, 4)
        stats = store.stats()
        assert (stats["articles"], stats["versions"], stats["quotes"]) == (12, 12, 12)
        assert max_version(store) == 1


def ingest_at_once(url: str, *options: list[str]) -> list[dict[str, int]]:
    """Run one worker per ``options`` at the same moment; every one must succeed (on DuckDB
    the second waits for the first to release the file)."""
    start_at = f"{time.time() + 3:.3f}"
    workers = [run_worker(url, 30, "--batch", "4", "--pace", "0.01", "--start-at", start_at,
                          *extra) for extra in options]
    results = [(*w.communicate(timeout=120), w.returncode) for w in workers]
    assert all(rc == 0 for _, _, rc in results), results
    return [json.loads(out) for out, _, rc in results]


@pytest.mark.slow
def test_two_processes_ingesting_at_once_store_each_article_once(store_url):
    reports = ingest_at_once(store_url, [], ["--reverse"])
    assert sum(r["stored"] for r in reports) == 30
    with open_store(store_url) as store:
        stats = store.stats()
        assert (stats["articles"], stats["versions"], stats["times"]) == (30, 30, 30)
        assert max_version(store) == 1
        assert store.ingest(make_docs(30)).summary() == "0 stored, 30 unchanged, 0 failed"


@pytest.mark.slow
def test_two_processes_storing_new_versions_at_once_number_them_1_and_2(store_url):
    ingest_at_once(store_url, ["--edition", "1"], ["--edition", "2", "--reverse"])
    with open_store(store_url) as store:
        versions = store.execute("SELECT key, count(*), count(DISTINCT version), max(version) "
                                 "FROM articles GROUP BY key")
    assert len(versions) == 30
    assert {row[1:] for row in versions} == {(2, 2, 2)}


@pytest.mark.slow
def test_a_reader_runs_events_while_another_process_ingests(store_url):
    open_store(store_url).close()
    worker = run_worker(store_url, 24, "--batch", "2", "--pace", "0.1", "--by-url")
    reads = []
    while worker.poll() is None:
        result = CliRunner().invoke(cli, ["events", "--db", store_url, "--format", "json"])
        reads.append((result.exit_code, result.stderr))
        time.sleep(0.05)
    out, err = worker.communicate()
    assert worker.returncode == 0, err
    assert json.loads(out)["stored"] == 24
    assert len(reads) >= 3 and all(code == 0 for code, _ in reads), reads


CLUSTER_VIEW = ("SELECT source_code, target_code, root, date_start, n_reports, n_articles, "
                "n_sources FROM event_clusters ORDER BY target_code, date_start")


@pytest.mark.slow
def test_four_concurrent_writers_agree_with_one_writer(store_url, postgres, tmp_path):
    """15 real-world events, each reported by three outlets and one syndicated copy (60
    documents), ingested by four processes at once: the same articles, copies, clusters and
    counts as one process storing them in order."""
    start_at = f"{time.time() + 3:.3f}"
    workers = [run_worker(store_url, 15, "--news", "--part", f"{k}/4", "--batch", "3",
                          "--pace", "0.01", "--start-at", start_at, *(["--reverse"] * (k % 2)))
               for k in range(4)]
    results = [(*w.communicate(timeout=180), w.returncode) for w in workers]
    assert all(rc == 0 for _, _, rc in results), results
    reports = [json.loads(out) for out, _, _ in results]
    with postgres.database() as alone:
        solo = run_worker(alone, 15, "--news", "--batch", "3")
        out, err, rc = (*solo.communicate(timeout=180), solo.returncode)
        assert rc == 0, err
        (expected,) = [json.loads(out)]
        with open_store(alone) as store:
            want = (store.stats(), store.execute(CLUSTER_VIEW))
    assert sum(r["stored"] for r in reports) == expected["stored"] == 45
    assert sum(r["duplicate"] for r in reports) == expected["duplicate"] == 15
    with open_store(store_url) as store:
        got = (store.stats(), store.execute(CLUSTER_VIEW))
    assert len(got[1]) == 15
    assert [tuple(row) for row in got[1]] == [tuple(row) for row in want[1]]
    # which of a story's two copies is stored and which is its syndicated copy follows the
    # order they arrive in; everything else is the same
    got_outlets, want_outlets = got[0].pop("outlets"), want[0].pop("outlets")
    assert got[0] == want[0]
    assert sum(got_outlets.values()) == sum(want_outlets.values()) == 45


def _paced(docs, pause: float):  # type: ignore[no-untyped-def]
    for doc in docs:
        time.sleep(pause)
        yield doc


@pytest.mark.parametrize(("pause", "opens"), [(0.0, 1), (0.6, 3)])
def test_a_duckdb_writer_releases_the_file_between_batches_once_it_held_it_a_second(
        tmp_path, pause, opens):
    """Fed faster than a second a batch, the writer keeps the file across batches; fed
    slower, it opens it for each batch and releases it after, so readers get in."""
    from eventwire.store.writer import ingest_documents

    path = tmp_path / "held.duckdb"
    opened: list[int] = []

    def open_counted():  # type: ignore[no-untyped-def]
        opened.append(1)
        return open_store(path)

    report = ingest_documents(_paced(make_docs(6), pause), 2, open_store=open_counted,
                              release=True)
    assert (report.stored, len(opened)) == (6, opens)
    with open_store(path, read_only=True) as reader:  # released at the end
        assert reader.stats()["articles"] == 6
