"""Deduplication: syndicated copies stored once with all their sources, and one event per
real-world event with its report counts, on both databases. Articles are our own."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.store import open_store

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dedup"
# daily: a story; copy: the same wire story run by a second outlet under its own url with one
# line added; evening: another outlet's report of the same meeting; other: another event.
DAILY, COPY, EVENING, OTHER = (
    (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    for name in ("daily", "copy", "evening", "other"))


def ingest(url: str, *texts: str) -> list[str]:
    docs = []
    for text in texts:
        doc = eventwire.extract(text, source="test")
        docs.append(doc)
    with open_store(url) as store:
        return store.store_batch(docs)


def test_syndicated_copy_is_stored_once_with_both_sources(store_url):
    assert ingest(store_url, DAILY) == ["stored"]
    assert ingest(store_url, COPY) == ["duplicate"]
    with open_store(store_url) as store:
        stats = store.stats()
        assert stats["articles"] == 1 and stats["sources"] == 2
        outlets = store.execute("SELECT outlet FROM article_sources ORDER BY outlet")
        assert [o for (o,) in outlets] == ["Daily Planet", "Lakeside Herald"]


def test_same_event_in_several_articles_is_one_event_with_its_reports(store_url):
    assert ingest(store_url, DAILY, COPY, EVENING, OTHER) == [
        "stored", "duplicate", "stored", "stored"]
    with open_store(store_url) as store:
        rows = store.execute(
            "SELECT root, n_reports, n_articles, n_sources, first_report, last_report "
            "FROM event_clusters WHERE source_code = 'KENGOV' AND target_code = 'UGAGOV' "
            "AND root = '04'")
        assert len(rows) == 1
        _root, reports, articles, sources, first, last = rows[0]
        assert (reports, articles, sources) == (2, 2, 3)
        assert str(first) == str(last) == "2024-05-10"
        # events of other kinds or dyads stay apart
        assert store.execute("SELECT count(*) FROM event_clusters")[0][0] >= 2


def test_reingesting_does_not_count_reports_twice(store_url):
    ingest(store_url, DAILY, EVENING)
    ingest(store_url, DAILY, EVENING)
    with open_store(store_url) as store:
        (reports,), = store.execute(
            "SELECT n_reports FROM event_clusters WHERE source_code = 'KENGOV' "
            "AND target_code = 'UGAGOV' AND root = '04'")
        assert reports == 2


