"""The HTTP API: JSON endpoints over the store, extraction and (with a token) ingestion."""

from __future__ import annotations

import datetime as dt
import hmac
import os
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.errors import ConfigError, EventwireError, StoreError
from eventwire.records import Document
from eventwire.store import Store, open_store
from eventwire.store.filters import EventFilter, make_filter

#: Request bodies larger than this are refused (413): one article is far smaller.
MAX_BODY_BYTES = 5_000_000
#: Rows per page when the request names no limit, and the most one page may hold.
PAGE, MAX_PAGE = 100, 1000
TOKEN_ENV = "EVENTWIRE_TOKEN"
#: The other side of a one-actor timeline: any coded actor ("-" matches any one letter).
ANY_ACTOR = "---"
_CODE = re.compile(r"[A-Z]{3}(?:[A-Z]{3}){0,3}|")


class ExtractRequest(BaseModel):
    """An article to extract: plain text, HTML or one JSON Lines record."""

    text: str
    published: dt.date | None = None
    input_format: str = "auto"


class IngestRequest(BaseModel):
    """Articles to store, each with the JSON Lines fields (``text``, ``title``,
    ``published``, ``authors``, ``outlet``, ``url``, ``id``)."""

    articles: list[dict[str, Any]]


class CorrectionRequest(BaseModel):
    """A correction of one event (``wrong``, ``change``) or an event eventwire missed
    (``add``); codes are CAMEO event and actor codes, the date ISO 8601."""

    action: str
    event_id: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    note: str | None = None


class ApiError(Exception):
    """An error to answer with its status, in the one error shape."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def create_app(db: str | None = None, token: str | None = None,
               max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The app for the store ``db`` (default ``$EVENTWIRE_DB`` or ``eventwire.duckdb``).
    ``POST /api/ingest`` needs ``token`` (default ``$EVENTWIRE_TOKEN``) as a bearer token,
    and is refused while none is configured."""
    app = FastAPI(title="eventwire", version=__version__,
                  description="Event data from news articles: articles, events, timelines, "
                  "actors, quotes, figures, CAMEO codes; extraction and ingestion.")
    secret = token if token is not None else os.environ.get(TOKEN_ENV) or None

    @contextmanager
    def store() -> Iterator[Store]:
        """A read-only store for one request (readers work beside a running ingest)."""
        try:
            opened = open_store(db, read_only=True)
        except StoreError as exc:
            raise ApiError(503, str(exc)) from None
        with opened:
            yield opened

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            return _error(413, f"Request body larger than the {max_body:,}-byte limit")
        if length is None and request.method in {"POST", "PUT", "PATCH"}:
            body = b""
            async for part in request.stream():
                body += part
                if len(body) > max_body:
                    return _error(413, f"Request body larger than the {max_body:,}-byte limit")
            request._body = body  # read once here, kept for the endpoint
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in {"query", "body"})
        return _error(422, f"{where}: {first.get('msg', 'invalid value')}".strip(": "))

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        return _error(400, str(exc))

    def document(s: Store, article_id: str) -> Document:
        """The stored article, or a 404 in the error shape."""
        doc = s.get(article_id)
        if doc is None:
            raise ApiError(404, f"No article with id {article_id!r}")
        return doc

    def filters(**values: Any) -> EventFilter:
        try:
            return make_filter(**{k: v for k, v in values.items() if v is not None})
        except ConfigError as exc:
            raise ApiError(400, str(exc)) from None

    def page(limit: int | None, offset: int) -> dict[str, Any]:
        return {"limit": PAGE if limit is None else limit, "offset": offset}

    @app.get("/api", summary="What this server serves")
    def index() -> dict[str, Any]:
        paths = {str(getattr(r, "path", "")) for r in app.routes}
        return {"ok": True, "eventwire": __version__,
                "endpoints": sorted(p for p in paths if p.startswith("/api/"))}

    @app.get("/api/articles", summary="Stored articles, newest first")
    def articles(limit: int = Query(PAGE, ge=1, le=MAX_PAGE), outlet: str | None = None
                 ) -> dict[str, Any]:
        with store() as s:
            rows = s.articles(limit=limit, outlet=outlet)
        return {"ok": True, "rows": rows, "limit": limit}

    @app.get("/api/articles/{article_id}", summary="One article with everything found in it")
    def article(article_id: str) -> dict[str, Any]:
        with store() as s:
            return {"ok": True, "document": document(s, article_id).to_dict()}

    @app.get("/api/events", summary="Events (one per real-world event, or per report)")
    def events(actor: str | None = None, country: str | None = None,
               source: str | None = None, target: str | None = None,
               cameo: str | None = None, root: str | None = None, plover: str | None = None,
               quad_class: int | None = None, mood: str | None = None,
               date_from: Annotated[dt.date | None, Query(alias="from")] = None,
               date_to: Annotated[dt.date | None, Query(alias="to")] = None,
               outlet: str | None = None, min_reports: int | None = None,
               order: str = "date", reports: bool = False,
               limit: int = Query(PAGE, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)
               ) -> dict[str, Any]:
        from eventwire.store.query import count_rows, events_query

        f = filters(actor=actor, country=country, source=source, target=target, cameo=cameo,
                    root=root, plover=plover, quad_class=quad_class, mood=mood,
                    date_from=date_from, date_to=date_to, outlet=outlet,
                    min_reports=min_reports, order=order, limit=limit, offset=offset)
        with store() as s:
            rows = s.fetch(events_query(f, reports))
            total = count_rows(s, events_query(make_filter(f, limit=None, offset=0), reports))
        return {"ok": True, "rows": rows, "total": total, **page(limit, offset)}

    @app.get("/api/timeline", summary="Events of A -> B (or of one actor) per week or month")
    def timeline(a: str, b: str = "", by: str = Query("week", pattern="^(week|month)$"),
                 both_directions: bool = False) -> dict[str, Any]:
        from eventwire.store.query import timeline_rows

        f = filters(both_directions=both_directions or not b)
        with store() as s:
            try:
                rows = timeline_rows(s, a, b or ANY_ACTOR, by, f)
            except ConfigError as exc:
                raise ApiError(400, str(exc)) from None
        return {"ok": True, "a": a, "b": b, "by": by, "rows": rows}

    @app.get("/api/actors", summary="Actors by mentions")
    def actors(actor: str | None = None, country: str | None = None,
               limit: int = Query(PAGE, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)
               ) -> dict[str, Any]:
        from eventwire.store.query import actor_rows

        f = filters(actor=actor, country=country, limit=limit, offset=offset)
        with store() as s:
            rows = actor_rows(s, f)
        return {"ok": True, "rows": rows, **page(limit, offset)}

    @app.get("/api/quotes", summary="Quotations with their speakers")
    def quotes(speaker: str | None = None, actor: str | None = None,
               limit: int = Query(PAGE, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)
               ) -> dict[str, Any]:
        from eventwire.store.query import quote_rows

        f = filters(actor=actor, limit=limit, offset=offset)
        with store() as s:
            rows = quote_rows(s, f, speaker)
        return {"ok": True, "rows": rows, **page(limit, offset)}

    @app.get("/api/figures", summary="Figures (money, percentages, counts)")
    def figures(subject: str | None = None, unit: str | None = None,
                limit: int = Query(PAGE, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)
                ) -> dict[str, Any]:
        from eventwire.store.query import figure_rows

        f = filters(limit=limit, offset=offset)
        with store() as s:
            rows = figure_rows(s, f, subject, unit)
        return {"ok": True, "rows": rows, **page(limit, offset)}

    @app.get("/api/codes", summary="CAMEO codes by prefix, name words or PLOVER category")
    def codes(q: str = "") -> dict[str, Any]:
        from eventwire.coding.cameo import find_codes

        return {"ok": True, "rows": [
            {"code": c.code, "name": c.name, "goldstein": c.goldstein,
             "quad_class": c.quad_class, "plover": c.plover} for c in find_codes(q)]}

    @app.post("/api/extract", summary="Extract one article (text or HTML); nothing is stored")
    def extract(request: ExtractRequest) -> dict[str, Any]:
        from eventwire.api import extract as extract_one

        doc = extract_one(request.text, published=request.published, source="<request>",
                          input_format=request.input_format)
        return {"ok": True, "document": doc.to_dict()}

    @app.post("/api/ingest", summary="Extract and store articles (needs the bearer token)")
    def ingest(request: IngestRequest,
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        check_token(authorization, needed=True)
        from eventwire.pipeline import process
        from eventwire.read import ReadOptions
        from eventwire.read.jsonl import article_from_record
        from eventwire.store import ingest as store_ingest

        raws = [article_from_record(record, f"<request>[{n}]", ReadOptions(), "jsonl")
                for n, record in enumerate(request.articles, start=1)]
        report = store_ingest(process(raws), db)
        return {"ok": True, "stored": report.stored, "updated": report.updated,
                "unchanged": report.unchanged, "duplicates": report.duplicate,
                "failed": report.failed}

    def check_token(authorization: str | None, needed: bool) -> None:
        if secret is None:
            if needed:
                raise ApiError(403, f"Ingestion is off: start the server with {TOKEN_ENV} set")
            return
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), secret.encode()):
            raise ApiError(401, "A valid bearer token is needed")

    @app.get("/api/articles/{article_id}/corrections", summary="An article's corrections")
    def corrections(article_id: str) -> dict[str, Any]:
        with store() as s:
            rows = s.corrections(document(s, article_id).article.id)
        return {"ok": True, "rows": rows}

    @app.post("/api/articles/{article_id}/corrections",
              summary="Correct an event (wrong, change) or add a missed one")
    def correct(article_id: str, request: CorrectionRequest,
                authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        from eventwire.coding.cameo import load_cameo

        check_token(authorization, needed=False)  # with a token configured, only its holder
        if request.cameo is not None and request.cameo not in load_cameo():
            raise ApiError(400, f"{request.cameo!r} is not a CAMEO event code")
        for name in ("source", "target"):
            value = getattr(request, name)
            if value is not None and not _CODE.fullmatch(value):
                raise ApiError(400, f"{name} {value!r} is not an actor code such as CHNGOV")
        try:
            with open_store(db) as s:
                aid = document(s, article_id).article.id
                row = s.add_correction(aid, request.action, request.event_id, request.cameo,
                                       request.source, request.target, request.date,
                                       request.note)
        except StoreError as exc:
            raise ApiError(400, str(exc)) from None
        return {"ok": True, "correction": row}

    @app.get("/timeline", response_class=HTMLResponse,
             summary="Web page: a dyad's or an actor's events over time")
    def timeline_html(a: str, b: str = "",
                      by: Annotated[str, Query(pattern="^(week|month)$")] = "week") -> str:
        from eventwire.serve.pages import timeline_page
        from eventwire.store.query import events_query, timeline_rows

        both = filters(both_directions=not b)  # one actor: as source or as target
        listing = filters(dyad=(a, b), limit=MAX_PAGE) if b else filters(actor=a,
                                                                          limit=MAX_PAGE)
        with store() as s:
            try:
                rows = timeline_rows(s, a, b or ANY_ACTOR, by, both)
            except ConfigError as exc:
                raise ApiError(400, str(exc)) from None
            events = s.fetch(events_query(listing, reports=True))  # each with its article
        return timeline_page(a, b, by, rows, events)

    def search_results(request: Request) -> tuple[dict[str, str], list[dict[str, Any]],
                                                  list[dict[str, Any]], int]:
        from eventwire.store.query import count_rows, events_query, quote_rows

        given = {k: v for k, v in request.query_params.items() if v.strip()}
        names = {"from": "date_from", "to": "date_to"}
        allowed = {"actor", "source", "target", "cameo", "root", "mood", "from", "to",
                   "outlet"}
        f = filters(**{names.get(k, k): v for k, v in given.items() if k in allowed},
                    limit=PAGE)
        with store() as s:
            events = s.fetch(events_query(f))
            total = count_rows(s, events_query(make_filter(f, limit=None, offset=0)))
            quotes = quote_rows(s, make_filter(actor=f.actor, limit=PAGE),
                                given.get("speaker"))
        return given, events, quotes, total

    @app.get("/search.json", summary="The search page's data (its JSON twin)")
    def search_twin(request: Request) -> dict[str, Any]:
        _, events, quotes, total = search_results(request)
        return {"ok": True, "events": events, "total": total, "quotes": quotes}

    @app.get("/search", response_class=HTMLResponse,
             summary="Web page: events and quotations with the CLI's filters")
    def search_html(request: Request) -> str:
        from eventwire.serve.pages import search_page

        return search_page(*search_results(request))

    def network_edges(request: Request) -> tuple[dict[str, str], list[dict[str, Any]]]:
        from eventwire.store.query import network_query

        given = {k: v for k, v in request.query_params.items() if v.strip()}
        names = {"from": "date_from", "to": "date_to"}
        f = filters(**{names.get(k, k): v for k, v in given.items()
                       if k in {"from", "to", "root", "actor", "cameo"}}, limit=200)
        with store() as s:
            return given, s.fetch(network_query(f))

    @app.get("/api/network", summary="Who acts on whom: event counts per actor pair")
    def network(request: Request) -> dict[str, Any]:
        _, edges = network_edges(request)
        return {"ok": True, "rows": edges}

    @app.get("/network", response_class=HTMLResponse,
             summary="Web page: actors as nodes, events as edges")
    def network_html(request: Request) -> str:
        from eventwire.serve.pages import network_page

        given, edges = network_edges(request)
        return network_page(edges, given)

    @app.get("/", response_class=HTMLResponse, summary="Web page: the stored articles")
    def home() -> str:
        from eventwire.serve.pages import index_page

        with store() as s:
            rows = s.articles(limit=MAX_PAGE)
        return index_page(rows)

    @app.get("/articles/{article_id}.json", summary="The article page's data (its JSON twin)")
    def article_twin(article_id: str) -> dict[str, Any]:
        return article(article_id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse,
             summary="Web page: one article with its annotations highlighted and its events")
    def article_html(article_id: str) -> str:
        from eventwire.serve.pages import article_page

        with store() as s:
            doc = document(s, article_id)
            fixes = s.corrections(doc.article.id)
        return article_page(doc, fixes)

    return app
