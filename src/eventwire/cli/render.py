"""Printing rows and documents as tables (rich), JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.records import Document
from eventwire.store.export import csv_cell

#: Control characters (C0 but tab and newline, DEL, C1): an escape sequence in a title or a
#: file name could move the cursor, retitle the window or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_text(value: object) -> str:
    """Text from an article or a file name made safe to print: no control characters, and
    rich markup (``[/]``, ``[link=...]``) shown as written, never interpreted."""
    return escape(_CONTROL.sub("\N{REPLACEMENT CHARACTER}", str(value)))


def plain_terminal_text(value: object) -> str:
    """:func:`terminal_text` for output that is not rich markup (``click.echo``)."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", str(value))


def _console() -> Console:
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, title: str | None = None,
               columns: Sequence[str] | None = None) -> None:
    """Rows as a rich table, a JSON list, one JSON object per line, or CSV.

    ``columns`` names the columns when there may be no rows (a CSV header, table headings).
    """
    names = list(rows[0]) if rows else list(columns or [])
    if fmt == "json":
        click.echo(json.dumps([{k: _plain(v) for k, v in r.items()} for r in rows],
                              ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
    elif fmt == "csv":
        if names:
            writer = csv.DictWriter(sys.stdout, fieldnames=names)
            writer.writeheader()
            writer.writerows({k: csv_cell(_plain(v)) for k, v in r.items()} for r in rows)
    else:
        table = Table(title=terminal_text(title) if title else None)
        for name in names or ["(no rows)"]:
            table.add_column(terminal_text(name), overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else terminal_text(_plain(v)) for v in row.values()))
        _console().print(table)


def sparkline(values: Sequence[float], top: float | None = None) -> str:
    """``▁▃█ ▂``: one block per value, scaled to ``top`` (default the largest); zero is blank."""
    blocks = "▁▂▃▄▅▆▇█"
    top = top or max(values, default=0) or 1
    return "".join(" " if v <= 0 else blocks[min(7, int(v / top * 7.999))] for v in values)


def document_table(doc: Document) -> None:
    """A readable summary of one document: metadata, then one small table per section."""
    a = doc.article
    console = _console()
    safe = terminal_text
    console.print(f"[bold]{safe(a.title or a.text[:80])}[/bold]")
    console.print(f"id {a.id}  published {a.published or '?'}  outlet {safe(a.outlet or '?')}  "
                  f"dateline {safe(a.dateline or '-')}  "
                  f"authors {safe(', '.join(a.authors) or '-')}")
    console.print(f"source {safe(a.source)}  ({len(a.text):,} characters after cleaning, "
                  f"{len(a.removed)} boilerplate lines removed)")
    sections: dict[str, list[dict[str, Any]]] = {
        "actors": [{"name": x.name, "code": x.code, "mentions": len(x.mentions)}
                   for x in doc.actors],
        "events": [{"cameo": x.cameo, "source": x.source_code, "target": x.target_code,
                    "date": x.date, "mood": x.mood, "trigger": x.trigger.text} for x in doc.events],
        "quotes": [{"speaker": x.speaker, "kind": x.kind, "text": x.text[:70]} for x in doc.quotes],
        "times": [{"text": x.text, "value": x.value} for x in doc.times],
        "figures": [{"text": x.text, "value": x.value, "unit": x.unit, "subject": x.subject}
                    for x in doc.figures],
        "places": [{"name": x.name, "country": x.country, "lat": x.lat, "lon": x.lon}
                   for x in doc.places],
    }
    for name, rows in sections.items():
        if rows:
            print_rows(rows, "table", title=f"{name} ({len(rows)})")
        else:
            console.print(f"{name}: none")
