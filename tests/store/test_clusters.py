"""Event clustering as one set-based pass: the same clusters whatever the order in which
articles arrive, one event per event told twice in an article, a new version's reports
replacing the old ones, and ``eventwire cluster``. Documents are built by hand (no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from click.testing import CliRunner
from tests.store.ingest_worker import make_doc

from eventwire.cli import cli
from eventwire.records import Actor, Document, Event, Mention, content_id
from eventwire.store import open_store


def _doc(key: str, published: str, events: list[tuple[str, str, str]],
         text: str | None = None) -> Document:
    """An article with one event per (cameo, date, sentence), all Kenya's government to
    Uganda's."""
    body = text or f"{key}: " + " ".join(s for _, _, s in events)
    doc = make_doc(body, key=f"https://news.example/{key}", outlet=key.split("-")[0],
                   published=dt.date.fromisoformat(published))
    aid = doc.id
    kenya = Actor(id=content_id(aid, "actor", "Kenya"), name="Kenya", code="KENGOV",
                  kind="country")
    uganda = Actor(id=content_id(aid, "actor", "Uganda"), name="Uganda", code="UGAGOV",
                   kind="country")
    made = tuple(Event(id=content_id(aid, "event", n), cameo=cameo, source=kenya.id,
                       target=uganda.id, source_code="KENGOV", target_code="UGAGOV",
                       sentence=sentence, sentence_start=n * 100,
                       trigger=Mention("met", n * 100, n * 100 + 3), date=date,
                       date_source="text", plover="CONSULT", quad_class=1, goldstein=1.0)
                 for n, (cameo, date, sentence) in enumerate(events))
    return dataclasses.replace(doc, actors=(kenya, uganda), events=made)


def corpus() -> list[Document]:
    """Five articles: a meeting told by three outlets (one tells it twice), and a chain of
    reports one day apart each (Monday, Tuesday, Wednesday), which only the middle one links."""
    meeting = "Kenya's president met Uganda's president in Kampala on Friday."
    return [
        _doc("star-1", "2024-05-10", [("040", "2024-05-10", meeting),
                                      ("040", "2024-05-10", "The Friday meeting in Kampala "
                                                            "was the first in a year.")]),
        _doc("post-1", "2024-05-11", [("040", "2024-05-10", meeting.replace("on Friday", ""))]),
        _doc("wire-1", "2024-05-11", [("040", "2024-05-10", "The presidents of Kenya and "
                                                            "Uganda met in Kampala."),
                                      ("112", "2024-05-09", "Kenya accused Uganda of raids.")]),
        _doc("star-2", "2024-06-03", [("043", "2024-06-03", "Nairobi hosted an envoy from "
                                                            "Kampala on Monday.")]),
        _doc("post-2", "2024-06-05", [("043", "2024-06-05", "A Ugandan delegation was "
                                                            "received by Kenya's cabinet.")]),
        _doc("wire-2", "2024-06-04", [("043", "2024-06-04", "Kenyan officials welcomed "
                                                            "Uganda's envoy to talks.")]),
    ]


def clusters(url: str) -> set[tuple[str, tuple[str, ...], int, int, int]]:
    with open_store(url) as store:
        rows = store.execute(
            "SELECT c.id, r.event_id, c.n_reports, c.n_articles, c.n_sources "
            "FROM event_clusters c JOIN event_reports r ON r.cluster_id = c.id")
    members: dict[tuple[str, int, int, int], list[str]] = {}
    for cluster_id, event_id, reports, articles, sources in rows:
        members.setdefault((cluster_id, reports, articles, sources), []).append(event_id)
    return {(cid, tuple(sorted(ids)), r, a, s) for (cid, r, a, s), ids in members.items()}


def ingest(url: str, docs: list[Document], batch: int) -> None:
    with open_store(url) as store:
        store.ingest(docs, batch_size=batch)


def test_the_same_corpus_in_two_orders_gives_the_same_clusters(store_url, tmp_path):
    ingest(store_url, corpus(), batch=1)
    forward = clusters(store_url)
    other = str(tmp_path / "reverse.duckdb") if "duckdb" in store_url else None
    if other is None:  # PostgreSQL: start again in the same database
        with open_store(store_url) as store:
            for table in ("event_reports", "event_clusters", "article_sources", "article_bands",
                          "article_minhash", "events", "actors", "times", "quotes", "articles"):
                store.execute(f"DELETE FROM {table}")
        other = store_url
    ingest(other, corpus()[::-1], batch=2)
    assert clusters(other) == forward
    by_size = sorted((len(ids), reports, articles) for _, ids, reports, articles, _ in forward)
    # the meeting: 4 mentions in 3 articles; the chain: 3 reports joined through Tuesday's;
    # the accusation alone
    assert by_size == [(1, 1, 1), (3, 3, 3), (4, 4, 3)]


def test_an_event_told_twice_in_one_article_is_one_event_with_two_mentions(store_url):
    ingest(store_url, corpus()[:1], batch=1)
    ((_, ids, reports, articles, _),) = clusters(store_url)
    assert (len(ids), reports, articles) == (2, 2, 1)


def test_a_new_version_replaces_the_reports_of_the_old_one(store_url):
    first = _doc("star-1", "2024-05-10", [("040", "2024-05-10", "Kenya met Uganda.")])
    edited = _doc("star-1", "2024-05-10", [("040", "2024-05-10", "Kenya met Uganda.")],
                  text="star-1: Kenya met Uganda. Updated with more detail.")
    ingest(store_url, [first], batch=1)
    ingest(store_url, [edited], batch=1)
    ((_, ids, reports, articles, _),) = clusters(store_url)
    assert (reports, articles) == (1, 1)
    assert ids == tuple(e.id for e in edited.events)


def test_cluster_command_reclusters_the_whole_store(store_url):
    ingest(store_url, corpus(), batch=3)
    before = clusters(store_url)
    result = CliRunner().invoke(cli, ["cluster", "--db", store_url, "--all"])
    assert result.exit_code == 0, result.output
    assert "events clustered" in result.stderr
    assert clusters(store_url) == before
