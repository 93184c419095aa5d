"""Option bundles shared by several commands, as decorators (after sqlite-utils)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from eventwire.config import Settings
from eventwire.errors import ConfigError, EventwireError
from eventwire.extract.dictionary import ActorDictionary, load_dictionary
from eventwire.read import FORMATS, ReadOptions
from eventwire.read.raw import DEFAULT_MAX_BYTES, JSONL_FIELDS
from eventwire.timeperiod import parse_day

F = TypeVar("F", bound=Callable[..., Any])


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None
               ) -> dt.date | None:
    """A click callback: ``YYYY-MM-DD`` to a date, or a usage error naming the value."""
    if value is None:
        return None
    try:
        return parse_day(value, "")
    except ConfigError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


#: The largest --max-size: 1 GB per input (one article, one JSON Lines line, one page).
MAX_SIZE = 1_000_000_000


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    text = value.strip().upper().removesuffix("B")
    scale = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}.get(text[-1:], 1)
    try:
        size = float(text.rstrip("KMG")) * scale
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 2MB or 500K") from None
    if not 1 <= size <= MAX_SIZE:  # also nan, inf, 1e400
        raise click.BadParameter(f"{value!r} is not a size between 1 byte and 1GB")
    return int(size)


def _fields(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
            ) -> dict[str, str]:
    mapping = {}
    for item in value:
        ours, sep, theirs = item.partition("=")
        if not sep or ours not in JSONL_FIELDS or not theirs:
            raise click.BadParameter(
                f"{item!r}: expected OURS=THEIRS with OURS one of {', '.join(JSONL_FIELDS)}")
        mapping[ours] = theirs
    return mapping


def read_options(func: F) -> F:
    """``--input-format``, ``--published``, ``--max-size``, ``--field``, ``--fetch``,
    ``--fetch-delay`` and ``--model``."""
    decorators = [
        click.option("--input-format", type=click.Choice(FORMATS), default="auto",
                     show_default=True, help="Read inputs as this format instead of guessing."),
        click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
                     help="Publication date for every input (overrides the input's own)."),
        click.option("--max-size", callback=_size, default=str(DEFAULT_MAX_BYTES),
                     metavar="SIZE", help="Refuse inputs larger than this (e.g. 2MB, 500K)."),
        click.option("--field", "fields", multiple=True, callback=_fields, metavar="OURS=THEIRS",
                     help="JSON Lines field name mapping, e.g. --field text=body (repeatable)."),
        click.option("--fetch", is_flag=True,
                     help="Read the page at each feed item's link (robots.txt obeyed) "
                     "instead of the item's own text."),
        click.option("--fetch-delay", type=click.FloatRange(0, 3600), default=1.0,
                     show_default=True, metavar="SECONDS",
                     help="Seconds between two requests to the same site."),
        click.option("--model", default=None, envvar="EVENTWIRE_MODEL",
                     help="spaCy pipeline to use (default en_core_web_sm, else its re-upload)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def build_read_options(input_format: str, published: dt.date | None, max_size: int,
                       fields: dict[str, str], fetch: bool = False,
                       fetch_delay: float = 1.0) -> ReadOptions:
    return ReadOptions(input_format=input_format, published=published, max_bytes=max_size,
                       field_map=fields, fetch=fetch, fetch_delay=fetch_delay)


def build_settings(model: str | None, max_size: int, actors: tuple[str, ...] = (),
                   min_confidence: float | None = None,
                   time_budget: float | None = None) -> Settings:
    return Settings().with_overrides(model=model, max_bytes=max_size, actors=actors,
                                     min_confidence=min_confidence, time_budget=time_budget)


def parallel_options(func: F) -> F:
    """``--workers N``, ``--dask local|ADDRESS`` and ``--shards DIR``."""
    decorators = [
        click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Processes that parse and extract (default: one per core when "
                     "the input holds more than 64 articles, else 1)."),
        click.option("--dask", default=None, metavar="local|tcp://HOST:PORT",
                     help="Run on Dask: a LocalCluster of --workers processes ('local'), or "
                     "an existing scheduler."),
        click.option("--shards", default=None, metavar="DIR",
                     help="Workers write their results as Parquet files in DIR (shared by "
                     "all workers); a rerun reuses the finished ones."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def time_budget_option(func: F) -> F:
    """``--time-budget SECONDS``: an article whose extraction takes longer fails alone."""
    return click.option("--time-budget", type=click.FloatRange(min=0, min_open=True),
                        default=None, metavar="SECONDS",
                        help="Fail an article whose extraction (after its parse) takes "
                        "longer than this (default 120).")(func)


def min_confidence_option(func: F) -> F:
    """``--min-confidence X``: leave out events coded with less confidence."""
    return click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X",
                        help="Leave out events whose confidence (0 to 1) is below X.")(func)


def actors_option(func: F) -> F:
    """``--actors FILE`` (repeatable): the user's actor dictionaries."""
    # Not click.Path(exists=True): a missing file should get the same one-line error as a
    # bad one, not click's usage text.
    return click.option("--actors", "actors", multiple=True, metavar="FILE",
                        help="Actor dictionary (TSV, YAML or TABARI .actors) over the bundled "
                        "one; repeatable, later files win.")(func)


def load_actors(files: tuple[str, ...]) -> ActorDictionary:
    """The actor dictionary with the user's files on top, loaded before any input is read.

    A bad file ends the command with a one-line error naming it (exit 2). The dictionary is
    cached per process and set of files, so the pipeline reuses this one.
    """
    try:
        return load_dictionary(files)
    except ConfigError as exc:
        fail(exc)


def fail(exc: EventwireError) -> NoReturn:
    """End the command on an error the user must fix first (no model, a bad dictionary):
    one line on stderr, exit 2."""
    from eventwire.cli.render import plain_terminal_text

    click.echo(f"eventwire: error: {plain_terminal_text(exc)}", err=True)
    sys.exit(2)


def db_option(func: F) -> F:
    """``--db PATH_OR_URL`` (or ``$EVENTWIRE_DB``)."""
    return click.option("--db", "db", envvar="EVENTWIRE_DB", default=None, metavar="PATH_OR_URL",
                        help="Store: a DuckDB file (default eventwire.duckdb), duckdb:///path, "
                        "or postgresql://user:password@host:port/db.")(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """``--format`` with the given choices."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")
