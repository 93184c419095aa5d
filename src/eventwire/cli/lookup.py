"""``eventwire actors --lookup NAME``: what a name stands for on a day, and why.

Only formatting: :func:`eventwire.extract.dictionary.explain` does the lookup. Nothing here
needs a spaCy model, so a user can check a dictionary before a long run.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from eventwire.cli.options import load_actors
from eventwire.extract.dictionary import Entry, Explanation, explain


def lookup(name: str, day: dt.date, files: tuple[str, ...], fmt: str) -> int:
    """Print the explanation of ``name`` on ``day`` in ``fmt`` (text or json); the exit code:
    0 found, 1 unknown name. A bad dictionary file ends the command (exit 2)."""
    dictionary = load_actors(files)
    found = explain(dictionary, name, day)
    if found is None:
        click.echo(f"eventwire: {name!r} is in no actor dictionary "
                   f"({', '.join(dictionary.layers)}), as a name, variant or surname", err=True)
        return 1
    if fmt == "json":
        click.echo(json.dumps(as_json(found, dictionary.layers), ensure_ascii=False, indent=2))
    else:
        for line in text_lines(found):
            click.echo(line)
    return 0


def text_lines(found: Explanation) -> list[str]:
    """The answer, how it was reached, then every dated entry (``*`` marks the one used)."""
    answer, entry = found.resolution, found.resolution.entry
    lines = [f"{found.query} on {found.day}: {answer.code}",
             f"  entry   {entry.name} ({entry.kind or 'no kind'}), {entry.source}, "
             f"{period(entry)}"]
    if found.by_surname:
        lines.append(f"  note    {found.query!r} is no name or variant in the dictionary; "
                     f"taken as the surname of {entry.name}")
    lines.append(f"  why     {answer.why}")
    lines.append(f"entries of {entry.name}:")
    for item in found.history:
        mark = "*" if item == entry else " "
        lines.append(f" {mark} {item.code:9s} {period(item):26s} {item.source}")
    return lines


def as_json(found: Explanation, layers: list[str]) -> dict[str, Any]:
    answer, entry = found.resolution, found.resolution.entry
    return {
        "query": found.query, "date": found.day.isoformat(), "code": answer.code,
        "name": entry.name, "kind": answer.kind, "source": entry.source,
        "from": _iso(entry.start), "to": _iso(entry.end), "why": answer.why,
        "by_surname": found.by_surname,
        "entries": [_entry_json(e) for e in found.history],
        "dictionaries": layers,
    }


def period(entry: Entry) -> str:
    """``2017-01-20 to 2021-01-20``, ``2025-01-20 on``, ``until 2014-05-01`` or ``any date``."""
    if entry.start and entry.end:
        return f"{entry.start} to {entry.end}"
    if entry.start:
        return f"{entry.start} on"
    return f"until {entry.end}" if entry.end else "any date"


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {"name": entry.name, "code": entry.code, "from": _iso(entry.start),
            "to": _iso(entry.end), "kind": entry.kind, "source": entry.source,
            "variants": list(entry.variants)}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
