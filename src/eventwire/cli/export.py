"""``eventwire export``: the store's events as a GDELT 2.0 event table, CSV, JSON Lines or
Parquet."""

from __future__ import annotations

import datetime as dt
import sys
from typing import get_args

import click

from eventwire.cli.options import db_option, parse_date
from eventwire.errors import EventwireError
from eventwire.records import Mood
from eventwire.store import open_store
from eventwire.store.export import (
    CHUNK_SIZE,
    FORMATS,
    TEXT_FORMATS,
    export,
    format_for,
    write_stream,
)
from eventwire.store.filters import make_filter


def _export_gold(out: str, db: str | None) -> None:
    from eventwire.store.gold import write_gold

    if out == "-":
        raise click.UsageError("gold files go to a folder: give its name")
    try:
        with open_store(db, read_only=True) as store:
            count = write_gold(store, out)
    except (EventwireError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} corrected articles written to {out} as gold files "
               f"(eventwire evaluate {out})", err=True)


@click.command("export")
@click.argument("out", metavar="OUT")
@db_option
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "gold"]), default=None,
              help="gdelt: GDELT 2.0 event table (61 tab-separated columns, no header); csv; "
              "jsonl; parquet; gold: your corrections as gold files in the folder OUT. "
              "Default: from OUT's ending (.csv, .jsonl, .parquet).")
@click.option("--reports", is_flag=True,
              help="One row per report of an event in an article, not per event "
              "(csv, jsonl, parquet).")
@click.option("--actor", metavar="CODE", help="Only events with an actor code starting with "
              "CODE, as source or target (RUS, CHNGOV).")
@click.option("--root", metavar="NN", help="Only events of this CAMEO root (04, 19).")
@click.option("--cameo", metavar="CODE", help="Only events whose CAMEO code starts with CODE.")
@click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD",
              help="Only events that start on or after this day.")
@click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD",
              help="Only events that end on or before this day.")
@click.option("--mood", type=click.Choice(get_args(Mood)), help="Only events of this mood.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X",
              help="Only events coded with at least this confidence (0 to 1).")
@click.option("--uncoded", is_flag=True,
              help="gdelt: keep events that have no coded actor (left out by default, as "
              "GDELT rows need one); other formats always keep them.")
@click.option("--chunk-size", default=CHUNK_SIZE, show_default=True, type=click.IntRange(1),
              help="Rows read from the store at a time.")
def export_command(out: str, db: str | None, fmt: str | None, reports: bool, actor: str | None,
                   root: str | None, cameo: str | None, date_from: dt.date | None,
                   date_to: dt.date | None, mood: str | None, min_confidence: float | None,
                   uncoded: bool, chunk_size: int) -> None:
    """Write the stored events to OUT (a file, or - for stdout), one row per real event.

    The file is written whole or not at all (to a new temporary file beside OUT, then renamed).
    With --format gold, OUT is a folder: the gold files of every article you corrected.
    """
    if fmt == "gold":
        _export_gold(out, db)
        return
    try:
        fmt = format_for(out, fmt)
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
    if out == "-" and fmt not in TEXT_FORMATS:
        raise click.UsageError(f"{fmt} cannot go to stdout: give a file name")
    if reports and fmt == "gdelt":
        raise click.UsageError("GDELT's event table has one row per event: --reports works "
                               "with csv, jsonl and parquet")
    try:
        filters = make_filter(actor=actor, root=root, cameo=cameo, date_from=date_from,
                              date_to=date_to, mood=mood, min_confidence=min_confidence,
                              coded=fmt == "gdelt" and not uncoded)
        store = open_store(db, read_only=True)
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
    with store:
        try:
            if out == "-":
                count = write_stream(store, sys.stdout, fmt,
                                     filters=filters, reports=reports, chunk_size=chunk_size)
            else:
                count = export(store, out, fmt, filters=filters, reports=reports,
                               chunk_size=chunk_size)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    what = "reports" if reports else "events"
    click.echo(f"{count} {what} written to {'stdout' if out == '-' else out} ({fmt})", err=True)
