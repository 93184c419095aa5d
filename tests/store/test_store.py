"""The DuckDB store: migrations, idempotent ingest, versions, atomic batches, queries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire.errors import ConfigError, StoreError
from eventwire.records import Article, Document, Quote, TimeExpression, content_id
from eventwire.store import open_store
from eventwire.store.schema import MIGRATIONS


def make_doc(text: str, key: str = "https://news.example/a", outlet: str = "Example Wire",
             published: dt.date = dt.date(2024, 5, 1)) -> Document:
    aid = content_id("article", text, published.isoformat())
    article = Article(id=aid, source=key, text=text, outlet=outlet, published=published, key=key)
    time = TimeExpression(id=content_id(aid, "time", 0, 6), text=text[:6], start=0, end=6,
                          value=published.isoformat())
    quote = Quote(id=content_id(aid, "quote", 0, 4), text=text[:4], start=0, end=4,
                  speaker="A. Speaker")
    return Document(article=article, times=(time,), quotes=(quote,), meta={"model": "test"})


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "events.duckdb") as s:
        yield s


def test_store_is_migrated_to_the_latest_version(store):
    assert store.schema_version() == MIGRATIONS[-1][0]


def test_reingesting_the_same_article_changes_nothing(store):
    doc = make_doc("Monday: the army withdrew from the town.")
    assert store.store_batch([doc]) == ["stored"]
    before = store.stats()
    assert store.store_batch([doc]) == ["unchanged"]
    assert store.stats() == before
    assert before["articles"] == 1 and before["times"] == 1 and before["quotes"] == 1


def test_changed_text_is_a_new_version_of_the_same_article(store):
    store.store_batch([make_doc("Monday: the army withdrew from the town.")])
    assert store.store_batch([make_doc("Monday: the army withdrew from two towns.")]) == ["updated"]
    stats = store.stats()
    assert (stats["articles"], stats["versions"]) == (1, 2)
    (latest,) = store.articles()
    assert latest["version"] == 2
    assert len(store.articles(all_versions=True)) == 2


def test_a_failing_batch_leaves_nothing_behind(store):
    good = make_doc("Friday: rebels shelled the port.")
    broken = dataclasses.replace(make_doc("Saturday: talks began.", key="k2"),
                                 meta={"model": object()})  # type: ignore[dict-item]
    with pytest.raises(StoreError):
        store.store_batch([good, broken])
    assert store.stats()["versions"] == 0


def test_get_by_unique_prefix_round_trips_the_document(store):
    doc = make_doc("Tuesday: the court jailed two journalists.")
    store.store_batch([doc])
    assert store.get(doc.id[:5]) == doc
    assert store.get("ffffffffffff") is None


def test_ingest_and_stats_count_outlets(store):
    docs = [make_doc(f"Day {i}: protesters marched.", key=f"k{i}", outlet="A" if i % 2 else "B")
            for i in range(5)]
    report = store.ingest(docs, batch_size=2)
    assert (report.stored, report.unchanged) == (5, 0)
    assert store.stats()["outlets"] == {"B": 3, "A": 2}
    assert store.ingest(docs).summary() == "0 stored, 5 unchanged, 0 failed"


def test_store_reopens_existing_file(tmp_path):
    path = tmp_path / "events.duckdb"
    with open_store(path) as s:
        s.store_batch([make_doc("Sunday: the ceasefire held.")])
    with open_store(f"duckdb:///{path}") as s:
        assert s.stats()["articles"] == 1


def test_bad_store_urls_get_clear_errors(tmp_path):
    with pytest.raises(ConfigError, match="expected a DuckDB file path"):
        open_store("mysql://localhost/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "events.duckdb")
