"""``eventwire extract`` and ``eventwire ingest``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any

import click
from tqdm import tqdm

from eventwire.api import extract_many, ingest_many
from eventwire.cli.options import (
    actors_option,
    build_read_options,
    build_settings,
    db_option,
    fail,
    load_actors,
    min_confidence_option,
    parallel_options,
    read_options,
    time_budget_option,
)
from eventwire.cli.render import document_table, plain_terminal_text
from eventwire.config import Settings
from eventwire.errors import EventwireError, Failure, ModelNotFound
from eventwire.parallel import default_workers
from eventwire.parse import resolve_model_name
from eventwire.pipeline import Pipeline
from eventwire.read import ReadOptions, count_inputs
from eventwire.records import Document
from eventwire.store import open_store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@read_options
@actors_option
@min_confidence_option
@time_budget_option
@parallel_options
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True, help="json: one document (a list for several); jsonl: one per "
              "line; table: a readable summary.")
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[str, ...], fmt: str, input_format: str,
            published: dt.date | None, max_size: int, fields: dict[str, str],
            model: str | None, actors: tuple[str, ...], min_confidence: float | None,
            fetch: bool, fetch_delay: float, time_budget: float | None, workers: int | None,
            dask: str | None, shards: str | None) -> None:
    """Extract INPUTS (files, folders, urls or - for stdin) and print the documents."""
    settings = build_settings(model, max_size, actors, min_confidence, time_budget)
    load_actors(settings.actors)
    options = build_read_options(input_format, published, max_size, fields, fetch, fetch_delay)
    workers = _workers(workers, dask, inputs, options, shards)
    _warm(settings, workers, dask)
    failed = 0
    collected: list[dict[str, object]] = []
    with _bar("extract", inputs, options) as bar:
        for item in _documents(inputs, settings, options, workers, dask, shards):
            bar.update(1)
            if isinstance(item, Failure) and item.stage == "skip":
                bar.write(f"eventwire: skipped: {plain_terminal_text(item)}", file=sys.stderr)
            elif isinstance(item, Failure):
                failed += 1
                bar.write(f"eventwire: error: {plain_terminal_text(item)}", file=sys.stderr)
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
@time_budget_option
@parallel_options
@click.option("--no-resume", "resume", flag_value=False, default=True,
              help="Parse every article again, even those already stored as they are.")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], db: str | None, input_format: str,
           published: dt.date | None, max_size: int, fields: dict[str, str],
           model: str | None, actors: tuple[str, ...], min_confidence: float | None,
           fetch: bool, fetch_delay: float, time_budget: float | None, workers: int | None,
           dask: str | None, shards: str | None, resume: bool) -> None:
    """Extract INPUTS and store them (idempotent: re-ingesting changes nothing; articles
    already stored as they are are not parsed again, so a killed run resumes)."""
    settings = build_settings(model, max_size, actors, min_confidence, time_budget)
    load_actors(settings.actors)  # before the store is opened: nothing to undo
    options = build_read_options(input_format, published, max_size, fields, fetch, fetch_delay)
    try:
        open_store(db).close()  # a bad url is an error before any input is read
    except EventwireError as exc:
        fail(exc)
    workers = _workers(workers, dask, inputs, options, shards)
    _warm(settings, workers, dask)
    with _bar("ingest", inputs, options) as bar:
        try:
            report = ingest_many(inputs, db, settings=settings, read_options=options,
                                 workers=workers, dask=dask, resume=resume,
                                 shards=shards, progress=bar.update)
        except ModelNotFound as exc:
            fail(exc)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(plain_terminal_text(report.summary()), err=True)
    ctx.exit(1 if report.failed else 0)


#: Below this many articles, one process beats starting workers that each load the model.
PARALLEL_FROM = 64


def _workers(workers: int | None, dask: str | None, inputs: tuple[str, ...],
             options: ReadOptions, shards: str | None = None) -> int:
    """The worker processes to use: as asked, else one per core for a large input (and with
    --shards, at least one worker: shards are written by workers)."""
    if workers is not None or dask or shards:
        return workers or default_workers()
    total = count_inputs(inputs, options)
    # an input of unknown size (standard input, a url, a feed, an archive) is usually one
    # article or a few: one process, unless --workers says otherwise
    return default_workers() if total is not None and total > PARALLEL_FROM else 1


def _warm(settings: Settings, workers: int = 1, dask: str | None = None) -> None:
    """Load the model and eventwire's tables under a status line (on a terminal only); with
    workers, each loads its own, so here the model is only looked up."""
    from rich.console import Console

    model = settings.model or "en_core_web_sm"
    if workers > 1 or dask:
        try:
            resolve_model_name(settings.model)
        except ModelNotFound as exc:
            fail(exc)
        return
    try:
        with Console(stderr=True).status(f"loading the spaCy model {model} and eventwire's "
                                         "dictionaries...", spinner="dots"):
            Pipeline(settings).warm()  # cached: extraction reuses what this loads
    except ModelNotFound as exc:
        fail(exc)


def _bar(desc: str, inputs: tuple[str, ...], options: ReadOptions) -> tqdm[Any]:
    """A progress bar on stderr (a terminal only): with the total, rate and time left where
    the number of articles is known in advance, else a counter with the rate."""
    return tqdm(desc=desc, total=count_inputs(inputs, options), unit=" articles",
                file=sys.stderr, disable=None, dynamic_ncols=True)


def _documents(inputs: tuple[str, ...], settings: Settings, options: ReadOptions,
               workers: int = 1, dask: str | None = None, shards: str | None = None
               ) -> Iterator[Document | Failure]:
    try:
        yield from extract_many(inputs, settings=settings, read_options=options,
                                workers=workers, dask=dask, shards=shards)
    except ModelNotFound as exc:
        fail(exc)
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
