"""Commands that read the store: ``articles``, ``show`` and ``stats``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import click

from eventwire.cli.options import db_option, fail, format_option
from eventwire.cli.render import document_table, print_rows
from eventwire.errors import EventwireError
from eventwire.store import Store, open_store


@contextmanager
def _store(db: str | None, read_only: bool = True) -> Iterator[Store]:
    """The store, read-only unless the command writes (nothing is migrated or locked for
    longer than the command)."""
    try:
        store = open_store(db, read_only=read_only)
    except EventwireError as exc:
        fail(exc)  # one line: the url or file and what is wrong with it
    with store:
        yield store


@click.command()
@db_option
@format_option("table", "json", "jsonl", "csv")
@click.option("--limit", default=100, show_default=True, help="Show at most this many.")
@click.option("--outlet", default=None, help="Only articles from this outlet.")
@click.option("--all-versions", is_flag=True, help="List every stored version, not the latest.")
def articles(db: str | None, fmt: str, limit: int, outlet: str | None,
             all_versions: bool) -> None:
    """List stored articles, newest first, with counts of what was extracted."""
    with _store(db) as store:
        rows = store.articles(limit=limit, outlet=outlet, all_versions=all_versions)
    print_rows(rows, fmt, title=f"articles ({len(rows)})")


@click.command()
@click.argument("article_id")
@db_option
@format_option("json", "table", default="json")
def show(article_id: str, db: str | None, fmt: str) -> None:
    """Print the stored document ARTICLE_ID (a unique prefix is enough)."""
    with _store(db) as store:
        try:
            doc = store.get(article_id)
        except EventwireError as exc:
            raise click.UsageError(str(exc)) from exc
    if doc is None:
        raise click.ClickException(f"No article with id {article_id!r} in the store")
    if fmt == "table":
        document_table(doc)
    else:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))


@click.command()
@db_option
@format_option("table", "json", default="table")
def stats(db: str | None, fmt: str) -> None:
    """Counts of stored articles, versions, events and other sections, by outlet."""
    with _store(db) as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    outlets = counts.pop("outlets")
    print_rows([{"what": k, "count": v} for k, v in counts.items()], "table", title="store")
    print_rows([{"outlet": k, "articles": v} for k, v in outlets.items()], "table",
               title="by outlet")


@click.command()
@db_option
@click.option("--all", "everything", is_flag=True,
              help="Forget every cluster and cluster all events again (after a change of the "
              "rules), not only those without one.")
def cluster(db: str | None, everything: bool) -> None:
    """Group stored events into real-world events (ingest does this after every batch)."""
    with _store(db, read_only=False) as store:
        try:
            count = store.cluster(everything=everything)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
        distinct = store.execute("SELECT count(*) FROM event_clusters")[0][0]
    click.echo(f"{count} events clustered; {distinct} real-world events in the store", err=True)
