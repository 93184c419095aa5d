"""``eventwire serve``: the HTTP API over the store."""

from __future__ import annotations

import click

from eventwire.cli.options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback: only this machine; 0.0.0.0: every one).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the store over HTTP: JSON endpoints under /api, OpenAPI docs at /docs.
    POST /api/ingest needs $EVENTWIRE_TOKEN as a bearer token."""
    import uvicorn

    from eventwire.serve import create_app

    click.echo(f"eventwire: serving {db or 'eventwire.duckdb'} at http://{host}:{port}/ "
               f"(API docs at http://{host}:{port}/docs)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
