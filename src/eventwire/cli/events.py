"""Commands that read event data: ``events``, ``timeline``, ``actors``, ``quotes``, ``figures``.

Thin wrappers: each turns its options into an :class:`~eventwire.store.filters.EventFilter`
(a bad value is a usage error, exit 2) and prints the rows of one
:mod:`eventwire.store.query` function. ``actors --lookup NAME`` reads the actor dictionary
instead of the store (:mod:`eventwire.cli.lookup`).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from eventwire.cli.lookup import lookup
from eventwire.cli.options import actors_option, db_option, format_option, parse_date
from eventwire.cli.query import _store
from eventwire.cli.render import print_rows, sparkline
from eventwire.coding.cameo import code_info, find_codes
from eventwire.errors import ConfigError
from eventwire.store.filters import MOODS, ORDERS, EventFilter, make_filter
from eventwire.store.query import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    PERIODS,
    QUAD_CLASSES,
    QUOTE_COLUMNS,
    REPORT_COLUMNS,
    TIMELINE_COLUMNS,
    Query,
    actor_rows,
    actors_query,
    count_rows,
    event_rows,
    events_query,
    figure_rows,
    figures_query,
    quote_rows,
    quotes_query,
    timeline_rows,
)

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "json", "jsonl", "csv")
EVENT_FILTERS = ("actor", "country", "dyad", "both_directions", "source", "target", "cameo",
                 "root", "plover", "quad_class", "mood", "date_from", "date_to", "outlet",
                 "min_reports", "min_confidence")
#: Columns of ``eventwire events`` in a terminal table (json and csv have them all).
EVENT_TABLE = ("id", "date", "source_code", "cameo", "event", "target_code", "quad_class",
               "goldstein", "mood", "n_reports", "n_sources", "sentence")
REPORT_TABLE = ("event_id", "published", "outlet", "source_code", "cameo", "event",
                "target_code",
                "trigger", "mood", "date", "date_source", "sentence")


def _option(name: str) -> Callable[[F], F]:
    """The click option of filter ``name``."""
    specs: dict[str, Callable[[F], F]] = {
        "actor": click.option("--actor", metavar="CODE", help="Actor code prefix on either "
                              "side: CHN, CHNGOV, ---GOV (any government)."),
        "country": click.option("--country", metavar="ISO3",
                                help="3-letter country code on either side, e.g. RUS."),
        "dyad": click.option("--dyad", nargs=2, metavar="A B", help="Source code starts "
                             "with A and target code with B, e.g. --dyad CHN RUS."),
        "both_directions": click.option("--both-directions", is_flag=True,
                                        help="With the dyad: B to A as well."),
        "source": click.option("--source", metavar="CODE", help="Source actor code prefix."),
        "target": click.option("--target", metavar="CODE", help="Target actor code prefix."),
        "cameo": click.option("--cameo", metavar="CODE", help="CAMEO code prefix: 04, 036."),
        "root": click.option("--root", metavar="NN", help="CAMEO root, 01 to 20."),
        "plover": click.option("--plover", metavar="CATEGORY",
                               help="PLOVER category (any case), e.g. CONSULT."),
        "quad_class": click.option("--quad-class", type=click.IntRange(1, 4), help="1 verbal "
                                   "cooperation, 2 material cooperation, 3 verbal conflict, "
                                   "4 material conflict."),
        "mood": click.option("--mood", type=click.Choice(MOODS), help="Only this mood."),
        "date_from": click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD",
                                  help="On or after this day (events: their whole date; "
                                  "otherwise the article's publication date)."),
        "date_to": click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD",
                                help="On or before this day (as --from)."),
        "outlet": click.option("--outlet", help="Only what this outlet reported (any case; "
                               "syndicated copies count)."),
        "min_reports": click.option("--min-reports", type=click.IntRange(min=1),
                                    help="Events reported at least this many times."),
        "min_confidence": click.option("--min-confidence", type=click.FloatRange(0, 1),
                                       metavar="X", help="Events coded with at least this "
                                       "confidence (0 to 1) in one of their reports."),
        "order": click.option("--order", type=click.Choice(list(ORDERS)), default="date",
                              show_default=True, help="date: oldest first; -date: newest "
                              "first; reports: most reported first."),
        "limit": click.option("--limit", type=click.IntRange(min=0), default=None,
                              help=f"At most this many rows (default: {TABLE_ROWS} in a "
                              "table, every row in csv, json and jsonl; 0: every row)."),
        "offset": click.option("--offset", type=click.IntRange(min=0), default=0,
                               help="Skip this many rows first."),
    }
    return specs[name]


def _options(*names: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        for name in reversed(names):
            func = _option(name)(func)
        return func
    return decorate


#: Rows a terminal table shows when --limit is not given.
TABLE_ROWS = 100


def _filter(options: dict[str, Any], fmt: str | None = None) -> EventFilter:
    """The filter the options describe; a bad value or combination is a usage error. The
    row limit: --limit N; 0 or a data format without --limit: every row; a table: one row
    more than it shows, to tell whether there are more."""
    if "limit" in options:
        if options["limit"] is None and fmt == "table":
            options = {**options, "limit": TABLE_ROWS + 1}
        elif not options["limit"]:
            options = {**options, "limit": None}
    if options.get("dyad") and (options.get("source") or options.get("target")):
        raise click.UsageError("Give either --dyad A B or --source/--target, not both")
    if options.get("both_directions") and "dyad" in options and not options["dyad"]:
        raise click.UsageError("--both-directions needs --dyad A B")
    try:
        return make_filter(**options)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def _total(store: Any, rows: list[dict[str, Any]], fmt: str,
           query: Callable[[EventFilter], Query], f: EventFilter) -> int | None:
    """All the rows a table shows part of (counted only when it does)."""
    if fmt != "table" or len(rows) <= TABLE_ROWS:
        return None
    return count_rows(store, query(replace(f, limit=None, offset=0)))


def _show(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str,
          table: Sequence[str] | None = None, total: int | None = None) -> None:
    """Rows in ``fmt``; a terminal table keeps the ``table`` columns and short sentences, and
    says when it shows only the first rows ("showing 100 of 2,345")."""
    if fmt == "table" and len(rows) > TABLE_ROWS:
        rows = rows[:TABLE_ROWS]
        of = f" of {total:,}" if total is not None else ""
        title = (f"{title}: showing {TABLE_ROWS}{of} (--limit 0 or --format csv for all)")
        print_rows(rows if not table else _table_rows(rows, table), fmt, title=title,
                   columns=list(table or columns))
        return
    if fmt == "table" and table:
        rows = _table_rows(rows, table)
        columns = table
    print_rows(rows, fmt, title=f"{title} ({len(rows)})", columns=list(columns))


def _table_rows(rows: list[dict[str, Any]], table: Sequence[str]) -> list[dict[str, Any]]:
    return [{k: _short(row[k]) if k == "sentence" else _name(row) if k == "event"
             else row[k] for k in table} for row in rows]


def _name(row: dict[str, Any]) -> str:
    """The CAMEO name of a row's code, beside the bare code in a table."""
    return code_info(row["cameo"]).name if row.get("cameo") else ""


def _short(text: str | None, width: int = 90) -> str | None:
    return text if text is None or len(text) <= width else text[: width - 1] + "…"


@click.command()
@db_option
@format_option(*FORMATS)
@_options(*EVENT_FILTERS, "order", "limit", "offset")
@click.option("--reports", is_flag=True, help="One row per report of each event (article, "
              "outlet, sentence, trigger, mood, date), not per event.")
def events(db: str | None, fmt: str, reports: bool, **options: Any) -> None:
    """List events, one row per real-world event (or per report), filtered."""
    f = _filter(options, fmt)
    with _store(db) as store:
        rows = event_rows(store, f, reports)
        total = _total(store, rows, fmt, lambda g: events_query(g, reports), f)
    columns = REPORT_COLUMNS if reports else EVENT_COLUMNS
    _show(rows, fmt, [c for c, _ in columns], "reports" if reports else "events",
          REPORT_TABLE if reports else EVENT_TABLE, total)


@click.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--by", type=click.Choice(PERIODS), default="week", show_default=True,
              help="Length of each period (weeks start on Monday).")
@db_option
@format_option(*FORMATS)
@_options("both_directions", "cameo", "root", "plover", "quad_class", "mood", "date_from",
          "date_to", "outlet", "min_reports")
def timeline(a: str, b: str, by: str, db: str | None, fmt: str, **options: Any) -> None:
    """Events of actors A -> B per period: counts by QuadClass, mean Goldstein score."""
    f = _filter(options)
    with _store(db) as store:
        try:
            rows = timeline_rows(store, a, b, by, f)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from exc
    arrow = "<->" if f.both_directions else "->"
    _show(rows, fmt, [c for c, _ in TIMELINE_COLUMNS], f"{a} {arrow} {b} by {by}")
    if fmt == "table" and rows and sys.stdout.isatty():
        for line in chart_lines(rows):
            click.echo(line)


def chart_lines(rows: Sequence[dict[str, Any]], width: int | None = None) -> list[str]:
    """One sparkline per QuadClass over the periods (the latest that fit the terminal),
    on one scale so that heights compare across lines."""
    width = width or max(10, shutil.get_terminal_size().columns - 28)
    shown = rows[-width:]
    top = max((r[q] for r in shown for q in QUAD_CLASSES), default=0)
    lines = [f"{q.replace('_', ' '):18s} {sparkline([r[q] for r in shown], top)} "
             f"{sum(r[q] for r in rows)}" for q in QUAD_CLASSES]
    if len(shown) < len(rows):
        lines.append(f"(last {len(shown)} of {len(rows)} periods)")
    return lines


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "text"]), default="table",
              show_default=True, help="Output format (text is table; --lookup prints text or "
              "json).")
@_options("actor", "country", "outlet", "date_from", "date_to", "limit", "offset")
@click.option("--lookup", "name", metavar="NAME", help="Instead of listing the store, say "
              "what NAME stands for in the actor dictionary on --date, and why.")
@click.option("--date", "day", callback=parse_date, metavar="YYYY-MM-DD",
              help="With --lookup: the day to code NAME for (default today).")
@actors_option
@click.pass_context
def actors(ctx: click.Context, /, db: str | None, fmt: str, name: str | None,
           day: dt.date | None, actors: tuple[str, ...], **options: Any) -> None:
    """List actors by mentions, with their articles and events as source and target; or, with
    --lookup NAME, explain a name's code on a day (no store or spaCy model needed)."""
    if name is not None:
        _check_lookup(ctx, fmt)
        ctx.exit(lookup(name, day or dt.date.today(), actors, "json" if fmt == "json" else "text"))
    if day is not None or actors:
        raise click.UsageError("--date and --actors go with --lookup NAME")
    f = _filter(options, "table" if fmt == "text" else fmt)
    fmt = "table" if fmt == "text" else fmt
    with _store(db) as store:
        rows = actor_rows(store, f)
        total = _total(store, rows, fmt, actors_query, f)
    _show(rows, fmt, [c for c, _ in ACTOR_COLUMNS], "actors", total=total)


def _check_lookup(ctx: click.Context, fmt: str) -> None:
    """--lookup reads no store: a store filter or a row format beside it is a mistake to
    point out, not to ignore."""
    if fmt in {"jsonl", "csv"}:
        raise click.UsageError(f"--lookup prints text or json, not {fmt}")
    store_only = ("db", "actor", "country", "outlet", "date_from", "date_to", "limit", "offset")
    given = [param.opts[0] for param in ctx.command.params
             if param.name in store_only
             and ctx.get_parameter_source(param.name) == ParameterSource.COMMANDLINE]
    if given:
        raise click.UsageError(f"--lookup reads the actor dictionary, not the store: drop "
                               f"{', '.join(given)}")


@click.command()
@db_option
@format_option(*FORMATS)
@click.option("--speaker", help="Part of the speaker's name, any case (e.g. putin).")
@_options("actor", "country", "outlet", "date_from", "date_to", "limit", "offset")
def quotes(db: str | None, fmt: str, speaker: str | None, **options: Any) -> None:
    """List quotations with their speaker, newest article first."""
    f = _filter(options, fmt)
    with _store(db) as store:
        rows = quote_rows(store, f, speaker)
        total = _total(store, rows, fmt, lambda g: quotes_query(g, speaker), f)
    _show(rows, fmt, [c for c, _ in QUOTE_COLUMNS], "quotes", total=total)


@click.command()
@db_option
@format_option(*FORMATS)
@click.option("--subject", help="Part of what the figure measures, any case (e.g. trade).")
@click.option("--unit", help="Unit, any case: USD, percent, troops...")
@_options("outlet", "date_from", "date_to", "limit", "offset")
def figures(db: str | None, fmt: str, subject: str | None, unit: str | None,
            **options: Any) -> None:
    """List figures (money, percentages, counts) with what they measure, newest first."""
    f = _filter(options, fmt)
    with _store(db) as store:
        rows = figure_rows(store, f, subject, unit)
        total = _total(store, rows, fmt, lambda g: figures_query(g, subject, unit), f)
    _show(rows, fmt, [c for c, _ in FIGURE_COLUMNS], "figures", total=total)


@click.command()
@click.argument("query", required=False, default="")
@format_option("table", "json", "csv", default="table")
def codes(query: str, fmt: str) -> None:
    """Look up CAMEO event codes: by code prefix (19, 0256), by words of the name (sanction),
    or by PLOVER category (ASSAULT); every code without QUERY."""
    rows = [{"code": c.code, "name": c.name, "goldstein": c.goldstein,
             "quad_class": c.quad_class, "plover": c.plover} for c in find_codes(query)]
    if not rows:
        raise click.ClickException(f"No CAMEO code matches {query!r}")
    print_rows(rows, fmt, title=f"CAMEO codes ({len(rows)})",
               columns=["code", "name", "goldstein", "quad_class", "plover"])
