"""``eventwire extract`` and ``eventwire ingest``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator

import click
from tqdm import tqdm

from eventwire.api import extract_many
from eventwire.cli.options import (
    actors_option,
    build_read_options,
    build_settings,
    db_option,
    fail,
    load_actors,
    min_confidence_option,
    read_options,
)
from eventwire.cli.render import document_table
from eventwire.config import Settings
from eventwire.errors import EventwireError, Failure, ModelNotFound
from eventwire.read import ReadOptions
from eventwire.records import Document
from eventwire.store import ingest as store_ingest
from eventwire.store import open_store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@read_options
@actors_option
@min_confidence_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True, help="json: one document (a list for several); jsonl: one per "
              "line; table: a readable summary.")
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[str, ...], fmt: str, input_format: str,
            published: dt.date | None, max_size: int, fields: dict[str, str],
            model: str | None, actors: tuple[str, ...], min_confidence: float | None) -> None:
    """Extract INPUTS (files, folders or - for stdin) and print the documents."""
    settings = build_settings(model, max_size, actors, min_confidence)
    load_actors(settings.actors)
    options = build_read_options(input_format, published, max_size, fields)
    stream = _documents(inputs, settings, options)
    failed = 0
    collected: list[dict[str, object]] = []
    for item in stream:
        if isinstance(item, Failure) and item.stage == "skip":
            click.echo(f"eventwire: skipped: {item}", err=True)
        elif isinstance(item, Failure):
            failed += 1
            click.echo(f"eventwire: error: {item}", err=True)
        elif fmt == "jsonl":
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        elif fmt == "table":
            document_table(item)
        else:
            collected.append(item.to_dict())
    if fmt == "json" and collected:
        payload = collected[0] if len(collected) == 1 else collected
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    ctx.exit(1 if failed else 0)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@read_options
@actors_option
@min_confidence_option
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], db: str | None, input_format: str,
           published: dt.date | None, max_size: int, fields: dict[str, str],
           model: str | None, actors: tuple[str, ...], min_confidence: float | None) -> None:
    """Extract INPUTS and store them (idempotent: re-ingesting changes nothing)."""
    settings = build_settings(model, max_size, actors, min_confidence)
    load_actors(settings.actors)  # before the store is opened: nothing to undo
    options = build_read_options(input_format, published, max_size, fields)
    try:
        open_store(db).close()  # a bad url is a usage error before any input is read
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
    with tqdm(desc="ingest", unit=" articles", file=sys.stderr, disable=None) as bar:
        try:
            report = store_ingest(_documents(inputs, settings, options), db,
                                  settings.batch_size, progress=bar.update)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(report.summary(), err=True)
    ctx.exit(1 if report.failed else 0)


def _documents(inputs: tuple[str, ...], settings: Settings, options: ReadOptions
               ) -> Iterator[Document | Failure]:
    try:
        yield from extract_many(inputs, settings=settings, read_options=options)
    except ModelNotFound as exc:
        fail(exc)
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
