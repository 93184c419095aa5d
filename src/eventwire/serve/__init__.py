"""Stage 7, serve: the store over HTTP (FastAPI), for other programs and the web pages.

``create_app(db)`` builds the app; ``eventwire serve`` runs it with uvicorn, on loopback
unless told otherwise. Every endpoint calls the same library functions as the CLI (the store
queries, :func:`eventwire.extract`, :func:`eventwire.store.ingest`); every error has one JSON
shape, ``{"ok": false, "error": "...", "status": 404}``.
"""

from eventwire.serve.app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app"]
