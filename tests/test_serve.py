"""The HTTP API, in-process (httpx with its ASGI transport): every endpoint, the one error
shape, the token check and the body size limit."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.serve import create_app


class TestClient:
    """httpx's AsyncClient over the app's ASGI interface, driven one request at a time."""

    __test__ = False  # not a test class

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(send())

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory):  # type: ignore[no-untyped-def]
    import eventwire

    path = str(tmp_path_factory.mktemp("serve") / "e.duckdb")
    report = eventwire.ingest_many([EXAMPLE], path)
    assert report.stored == 1
    return path


@pytest.fixture(scope="module")
def client(db):  # type: ignore[no-untyped-def]
    return TestClient(create_app(db, token="s3cret-token"))


def test_index_lists_the_endpoints(client):
    body = client.get("/api").json()
    assert body["ok"] and {"/api/events", "/api/articles", "/api/extract"} <= set(
        body["endpoints"])
    assert client.get("/openapi.json").json()["info"]["title"] == "eventwire"


def test_articles_and_one_article_with_its_annotations(client):
    (row,) = client.get("/api/articles").json()["rows"]
    assert row["outlet"] == "CNN"
    doc = client.get(f"/api/articles/{row['id'][:8]}").json()["document"]
    assert doc["article"]["id"] == row["id"] and doc["events"] and doc["actors"]


def test_events_filter_and_page_with_a_total(client):
    every = client.get("/api/events").json()
    assert every["total"] == len(every["rows"]) > 2
    chinese = client.get("/api/events", params={"source": "CHN"}).json()
    assert chinese["rows"] and all(r["source_code"].startswith("CHN") for r in chinese["rows"])
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert len(page["rows"]) == 1 and page["total"] == every["total"]
    assert page["rows"][0]["id"] == every["rows"][1]["id"]
    reports = client.get("/api/events", params={"reports": "true"}).json()
    assert reports["rows"] and "article_id" in reports["rows"][0]


def test_timeline_actors_quotes_figures_codes(client):
    weeks = client.get("/api/timeline", params={"a": "CHN", "b": "RUS"}).json()
    assert weeks["rows"] and sum(r["events"] for r in weeks["rows"]) >= 1
    assert any(r["code"] == "CHNGOV" for r in client.get("/api/actors").json()["rows"])
    assert client.get("/api/quotes").json()["rows"]
    assert client.get("/api/figures").json()["rows"]
    (code,) = client.get("/api/codes", params={"q": "1823"}).json()["rows"]
    assert code["name"] == "Kill by physical assault"


def test_extract_returns_a_document_and_stores_nothing(client):
    response = client.post("/api/extract", json={
        "text": "Chile and Peru signed a trade agreement in Lima on Friday.",
        "published": "2024-03-01"})
    body = response.json()
    assert response.status_code == 200 and body["document"]["events"]
    assert len(client.get("/api/articles").json()["rows"]) == 1


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "message"), [
    ("get", "/api/articles/ffffffff", {}, 404, "No article with id 'ffffffff'"),
    ("get", "/api/events", {"params": {"source": "not a code!"}}, 400, "actor code"),
    ("get", "/api/events", {"params": {"limit": 0}}, 422, "limit"),
    ("get", "/api/no-such-thing", {}, 404, "Not Found"),
    ("post", "/api/extract", {"json": {"text": ""}}, 400, "no article text"),
    ("post", "/api/extract", {"json": {}}, 422, "text"),
])
def test_every_error_has_one_shape(client, method, path, kwargs, status, message):
    response = getattr(client, method)(path, **kwargs)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and message in body["error"]


def test_ingest_needs_the_bearer_token(client):
    article = {"id": "t1", "text": "Kenya recalled its ambassador to Somalia on Monday.",
               "published": "2024-03-04"}
    assert client.post("/api/ingest", json={"articles": [article]}).status_code == 401
    wrong = client.post("/api/ingest", json={"articles": [article]},
                        headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"].startswith("A valid bearer")
    right = client.post("/api/ingest", json={"articles": [article]},
                        headers={"Authorization": "Bearer s3cret-token"})
    assert right.status_code == 200 and right.json()["stored"] == 1
    assert len(client.get("/api/articles").json()["rows"]) == 2


def test_ingest_is_off_without_a_configured_token(db, monkeypatch):
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    off = TestClient(create_app(db)).post("/api/ingest", json={"articles": []})
    assert off.status_code == 403 and "EVENTWIRE_TOKEN" in off.json()["error"]


def test_request_bodies_have_a_size_limit(db):
    small = TestClient(create_app(db, max_body=1_000))
    response = small.post("/api/extract", json={"text": "x" * 5_000})
    assert response.status_code == 413
    assert response.json() == {"ok": False, "status": 413,
                                "error": "Request body larger than the 1,000-byte limit"}


def test_a_missing_store_is_a_503_in_the_error_shape(tmp_path):
    response = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/articles")
    assert response.status_code == 503 and response.json()["ok"] is False


def test_eventwire_serve_answers_on_loopback(db):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = Path(sys.executable).with_name("eventwire")
    server = subprocess.Popen([str(command), "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, answer = time.monotonic() + 30, None
        while answer is None and time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2)
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None and answer.status_code == 200
        assert len(answer.json()["rows"]) >= 1
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err.decode()


# ---------------------------------------------------------------- web pages

def test_the_article_page_highlights_annotations_and_lists_events(client):
    (row,) = [r for r in client.get("/api/articles").json()["rows"] if r["outlet"] == "CNN"]
    response = client.get(f"/articles/{row['id']}")
    html = response.text
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "text/html")
    doc = client.get(f"/articles/{row['id']}.json").json()["document"]  # the JSON twin
    assert doc == client.get(f"/api/articles/{row['id']}").json()["document"]
    for kind in ("actor", "trigger", "quote", "time", "figure"):
        assert re.search(rf'<span class="[^"]*\b{kind}\b', html), kind
    assert html.count('<tr class="event"') == len(doc["events"])
    assert re.search(r'<span class="[^"]*\bs-0\b', html)  # what clicking event 0 lights up
    assert "<script src=" not in html and "http://" not in html.split("<body>")[0]  # no CDN


def test_article_text_is_escaped_on_the_page(db, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_TOKEN", "t")
    hostile = {"id": "x1", "title": "<script>alert(1)</script>",
               "text": "Chile and Peru signed a pact. <img src=x onerror=alert(2)> it said.",
               "published": "2024-03-01"}
    app_client = TestClient(create_app(db))
    stored = app_client.post("/api/ingest", json={"articles": [hostile]},
                             headers={"Authorization": "Bearer t"}).json()
    assert stored["stored"] == 1
    (row,) = [r for r in app_client.get("/api/articles").json()["rows"]
              if "alert(1)" in (r["title"] or "")]
    html = app_client.get(f"/articles/{row['id']}").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_the_home_page_links_every_article(client):
    html = client.get("/").text
    for row in client.get("/api/articles").json()["rows"]:
        assert f'href="/articles/{row["id"]}"' in html


# ---------------------------------------------------------------- review round trip

def test_corrections_are_kept_shown_exported_as_gold_and_evaluated(tmp_path):
    import json

    from click.testing import CliRunner

    import eventwire
    from eventwire.cli import cli

    db = str(tmp_path / "review.duckdb")
    assert eventwire.ingest_many([EXAMPLE], db).stored == 1
    app = TestClient(create_app(db, token="tok"))
    auth = {"Authorization": "Bearer tok"}
    (row,) = app.get("/api/articles").json()["rows"]
    doc = app.get(f"/api/articles/{row['id']}").json()["document"]
    wrong, changed = doc["events"][0], doc["events"][1]
    url = f"/api/articles/{row['id']}/corrections"
    assert app.post(url, json={"action": "wrong", "event_id": wrong["id"]}).status_code == 401
    for body in ({"action": "wrong", "event_id": wrong["id"], "note": "not in the text"},
                 {"action": "change", "event_id": changed["id"], "cameo": "042"},
                 {"action": "add", "cameo": "190", "source": "RUSMIL", "target": "UKR",
                  "date": "2024-08-19"}):
        response = app.post(url, json=body, headers=auth)
        assert response.status_code == 200, response.text
    bad = app.post(url, json={"action": "change", "event_id": changed["id"], "cameo": "999"},
                   headers=auth)
    assert bad.status_code == 400 and "not a CAMEO event code" in bad.json()["error"]
    assert len(app.get(url).json()["rows"]) == 3
    assert "Your corrections (3)" in app.get(f"/articles/{row['id']}").text
    # a re-ingest leaves the corrections alone
    assert eventwire.ingest_many([EXAMPLE], db).unchanged == 1
    assert len(app.get(url).json()["rows"]) == 3

    gold = tmp_path / "gold"
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", str(gold), "--format", "gold", "--db", db])
    assert exported.exit_code == 0, exported.output
    data = json.loads((gold / f"{row['id']}.gold.json").read_text())
    codes = [e["cameo"] for e in data["events"]]
    assert len(codes) == len(doc["events"]) + 1 - 1  # one removed, one added
    assert "042" in codes and codes[-1] == "190"
    scored = runner.invoke(cli, ["evaluate", str(gold), "--only", "events", "--format", "json"])
    assert scored.exit_code in (0, 1), scored.output
    events = json.loads(scored.stdout)["totals"]["events"]
    assert events["false_positives"] >= 1  # the event marked wrong is found again
    assert events["tp"] < events["required"]  # the added event is missed


def test_the_timeline_page_draws_its_chart_and_lists_the_events(client):
    html = client.get("/timeline", params={"a": "CHN", "b": "RUS"}).text
    assert "<svg" in html and 'class="bar ' in html
    assert 'class="goldstein"' in html  # the mean Goldstein line
    twin = client.get("/api/timeline", params={"a": "CHN", "b": "RUS"}).json()
    busy = [r for r in twin["rows"] if r["events"]]
    assert busy and html.count('class="bar ') >= len(busy)  # a bar for every busy period
    one_actor = client.get("/timeline", params={"a": "CHN", "by": "month"})
    assert one_actor.status_code == 200 and "<svg" in one_actor.text
    bad = client.get("/timeline", params={"a": "CHN", "by": "day"})
    assert bad.status_code == 422 and bad.json()["ok"] is False


def test_the_search_page_filters_events_and_quotes(client):
    every = client.get("/search").text
    chinese = client.get("/search", params={"source": "CHN"}).text
    assert every.count('<tr class="result"') > chinese.count('<tr class="result"') > 0
    assert 'name="source" value="CHN"' in chinese  # the form keeps the filter
    assert "Quotations (" in every
    bad = client.get("/search", params={"source": "no!"})
    assert bad.status_code == 400 and "actor code" in bad.json()["error"]


def test_the_network_page_draws_actors_and_weighted_coloured_edges(client):
    edges = client.get("/api/network").json()["rows"]
    assert edges and all(e["events"] == e["cooperation"] + e["conflict"] for e in edges)
    html = client.get("/network").text
    assert html.count('class="node"') == len({e["source_code"] for e in edges}
                                             | {e["target_code"] for e in edges})
    assert html.count('<line class="edge') == len(edges)
    assert 'class="edge cooperation"' in html  # a state visit is cooperation
    narrowed = client.get("/api/network", params={"root": "04"}).json()["rows"]
    assert 0 < len(narrowed) <= len(edges)
    later = client.get("/api/network", params={"from": "2030-01-01"}).json()["rows"]
    assert later == []


def test_timeline_events_link_to_their_evidence_and_search_has_a_json_twin(client):
    html = client.get("/timeline", params={"a": "CHN", "b": "RUS"}).text
    article = client.get("/api/articles").json()["rows"][0]["id"]
    assert f'<a class="evidence" href="/articles/{article}">' in html
    twin = client.get("/search.json", params={"source": "CHN"}).json()
    page = client.get("/search", params={"source": "CHN"}).text
    assert twin["ok"] and page.count('<tr class="result"') == len(twin["events"]) > 0
    assert all(e["source_code"].startswith("CHN") for e in twin["events"])
    assert 'href="/search.json?source=CHN"' in page
