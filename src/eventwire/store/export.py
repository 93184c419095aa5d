"""Export the store's events: GDELT 2.0 event table, CSV, JSON Lines or Parquet.

One row per real-world event (``event_clusters``), or with ``reports=True`` one row per
report of an event in an article. Each export is one query, in SQL that DuckDB and PostgreSQL
both run, whose result is fetched ``chunk_size`` rows at a time (a server-side cursor on
PostgreSQL), so memory stays flat however large the store. Files are written to a new
hidden file beside ``OUT`` (created exclusively: a file or symlink planted there is never
written through) and renamed over ``OUT`` at the end: a crash never leaves half a file
behind. No spaCy here: the store holds records only.

The GDELT layout follows the GDELT 2.0 Event Codebook (V2.0, 2015): 61 tab-separated columns,
no header. What eventwire does not know (tone, actor locations, ethnic and religion codes
unless the actor code has them, ADM1/ADM2 codes, feature ids) is an empty field.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import secrets
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from eventwire.errors import ConfigError, EventwireError
from eventwire.store.filters import EventFilter
from eventwire.store.frames import arrow_schema
from eventwire.store.query import cluster_conditions
from eventwire.timeperiod import period

if TYPE_CHECKING:
    from eventwire.store.base import SqlStore

Format = Literal["gdelt", "csv", "jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("gdelt", "csv", "jsonl", "parquet")
TEXT_FORMATS: tuple[Format, ...] = ("gdelt", "csv", "jsonl")
Row = dict[str, Any]
Pages = Generator[list[Row], None, None]
CHUNK_SIZE = 1000


class ExportError(EventwireError):
    """The export cannot be written (unwritable path, bad option combination)."""


# -- what is exported ------------------------------------------------------------------------
#: (column, type) of one row per real-world event; the type names the Parquet type.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("date", "string"), ("date_start", "date"), ("date_end", "date"),
    ("date_source", "string"), ("source_code", "string"), ("source_name", "string"),
    ("target_code", "string"), ("target_name", "string"), ("cameo", "string"),
    ("root", "string"), ("plover", "string"), ("quad_class", "int8"), ("goldstein", "float64"),
    ("mood", "string"), ("place", "string"), ("place_country", "string"), ("lat", "float64"),
    ("lon", "float64"), ("attributed_to", "string"), ("n_reports", "int64"),
    ("n_articles", "int64"), ("n_sources", "int64"), ("first_report", "date"),
    ("last_report", "date"), ("added", "timestamp"), ("outlet", "string"), ("url", "string"),
    ("article_source", "string"), ("sentence", "string"), ("trigger", "string"),
)
#: (column, type) of one row per report: an event as one article tells it.
REPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("report_id", "string"), ("event_id", "string"), ("article_id", "string"),
    ("published", "date"), ("outlet", "string"), ("url", "string"),
    ("article_source", "string"), ("added", "timestamp"), ("source_code", "string"),
    ("source_name", "string"), ("target_code", "string"), ("target_name", "string"),
    ("cameo", "string"), ("root", "string"), ("plover", "string"), ("plover_mode", "string"),
    ("quad_class", "int8"), ("goldstein", "float64"), ("date", "string"),
    ("date_start", "date"), ("date_end", "date"), ("date_source", "string"),
    ("mood", "string"), ("place", "string"), ("place_country", "string"), ("lat", "float64"),
    ("lon", "float64"), ("attributed_to", "string"), ("sentence", "string"),
    ("trigger", "string"), ("confidence", "float64"),
)


# -- reading, page by page -------------------------------------------------------------------
def _place_value(column: str, event: str) -> str:
    # A scalar subquery on the (article_id) index: the place the event names, in its article.
    return (f"(SELECT min(p.{column}) FROM places p WHERE p.article_id = {event}.article_id "
            f"AND p.name = {event}.place)")


_EVENT_SELECT: tuple[tuple[str, str], ...] = (
    ("event_id", "c.id"), ("date", "c.date"), ("date_start", "c.date_start"),
    ("date_end", "c.date_end"), ("date_source", "f.date_source"),
    ("source_code", "c.source_code"), ("source_name", "s.name"),
    ("target_code", "c.target_code"), ("target_name", "t.name"), ("cameo", "c.cameo"),
    ("root", "c.root"), ("plover", "c.plover"), ("quad_class", "c.quad_class"),
    ("goldstein", "c.goldstein"), ("mood", "c.mood"), ("place", "f.place"),
    ("place_country", "f.place_country"), ("lat", _place_value("lat", "f")),
    ("lon", _place_value("lon", "f")), ("place_feature", _place_value("feature", "f")),
    ("attributed_to", "f.attributed_to"), ("n_reports", "c.n_reports"),
    ("n_articles", "c.n_articles"), ("n_sources", "c.n_sources"),
    ("first_report", "c.first_report"), ("last_report", "c.last_report"),
    ("added", "f.ingested_at"), ("outlet", "f.outlet"), ("url", "f.url"),
    ("article_source", "f.article_source"), ("sentence", "c.sentence"),
    ("trigger", "f.trigger_text"), ("is_root", "coalesce(f.is_root, 0)"),
)
# The lead report of each event (first ingested; in an article, first in the text) gives
# what a cluster row does not keep: actor names, place, attribution, url.
_EVENTS_SQL = """
WITH lead_report AS (
  SELECT r.cluster_id, e.article_id, e.source, e.target, e.date_source, e.place,
         e.place_country, e.attributed_to, e.trigger_text, a.outlet, a.url,
         a.source AS article_source, a.ingested_at,
         row_number() OVER (PARTITION BY r.cluster_id ORDER BY a.ingested_at, a.published,
                            a.id, e.sentence_start, e.trigger_start, e.id) AS report_rank,
         max(CASE WHEN e.sentence_start = 0 THEN 1 ELSE 0 END)
             OVER (PARTITION BY r.cluster_id) AS is_root
  FROM event_reports r JOIN events e ON e.id = r.event_id JOIN articles a ON a.id = r.article_id
  WHERE r.cluster_id IN (SELECT c.id FROM event_clusters c WHERE {where})
)
SELECT {select} FROM event_clusters c
LEFT JOIN lead_report f ON f.cluster_id = c.id AND f.report_rank = 1
LEFT JOIN actors s ON s.id = f.source LEFT JOIN actors t ON t.id = f.target
WHERE {where} ORDER BY c.id
"""
_REPORT_SELECT: tuple[tuple[str, str], ...] = (
    ("report_id", "r.event_id"), ("event_id", "r.cluster_id"), ("article_id", "r.article_id"),
    ("published", "a.published"), ("outlet", "a.outlet"), ("url", "a.url"),
    ("article_source", "a.source"), ("added", "a.ingested_at"),
    ("source_code", "e.source_code"), ("source_name", "s.name"),
    ("target_code", "e.target_code"), ("target_name", "t.name"), ("cameo", "e.cameo"),
    ("root", "substr(e.cameo, 1, 2)"), ("plover", "e.plover"), ("plover_mode", "e.plover_mode"),
    ("quad_class", "e.quad_class"), ("goldstein", "e.goldstein"), ("date", "e.date"),
    ("date_source", "e.date_source"), ("mood", "e.mood"), ("place", "e.place"),
    ("place_country", "e.place_country"), ("lat", _place_value("lat", "e")),
    ("lon", _place_value("lon", "e")), ("attributed_to", "e.attributed_to"),
    ("sentence", "e.sentence"), ("trigger", "e.trigger_text"), ("confidence", "e.confidence"),
)
_REPORTS_SQL = """
SELECT {select} FROM event_reports r
JOIN event_clusters c ON c.id = r.cluster_id JOIN events e ON e.id = r.event_id
JOIN articles a ON a.id = r.article_id
LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
WHERE {where} ORDER BY r.cluster_id, r.event_id
"""


def _select(columns: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{expr} AS {name}" for name, expr in columns)


def _stream(store: SqlStore, query: str, params: Sequence[Any],
            chunk_size: int) -> Iterator[list[tuple[Any, ...]]]:
    return store.stream(query, params, chunk_size)


def event_pages(store: SqlStore, filters: EventFilter | None = None,
                chunk_size: int = CHUNK_SIZE) -> Pages:
    """Real-world events, ``chunk_size`` at a time, in event id order."""
    where, params = cluster_conditions(filters or EventFilter())
    query = _EVENTS_SQL.format(where=where, select=_select(_EVENT_SELECT))
    names = [name for name, _ in _EVENT_SELECT]
    for rows in _stream(store, query, (*params, *params), chunk_size):
        yield [dict(zip(names, row, strict=True)) for row in rows]


def report_pages(store: SqlStore, filters: EventFilter | None = None,
                 chunk_size: int = CHUNK_SIZE) -> Pages:
    """Reports of the selected events, ``chunk_size`` at a time, grouped by event."""
    where, params = cluster_conditions(filters or EventFilter())
    query = _REPORTS_SQL.format(where=where, select=_select(_REPORT_SELECT))
    names = [name for name, _ in _REPORT_SELECT]
    for rows in _stream(store, query, params, chunk_size):
        yield [_with_period(dict(zip(names, row, strict=True))) for row in rows]


def _with_period(row: Row) -> Row:
    """A report's own first and last day, from its TIMEX value (``2024-W33``...)."""
    days = period(row["date"]) if row["date"] else None
    row["date_start"], row["date_end"] = days or (None, None)
    return row


# -- the GDELT 2.0 event table ---------------------------------------------------------------
def _actor_fields(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{name}" for name in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))


def _geo_fields(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{name}" for name in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))


#: The 61 columns of a GDELT 2.0 event record, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *_actor_fields("Actor1"), *_actor_fields("Actor2"),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo_fields("Actor1Geo"), *_geo_fields("Actor2Geo"), *_geo_fields("ActionGeo"),
    "DATEADDED", "SOURCEURL",
)
#: CAMEO role and international generic codes: GDELT's ActorType1-3 (CAMEO 1.1b3, ch. 3).
TYPE_CODES = frozenset((
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PTY", "SET", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"))
#: CAMEO first-level religion codes: GDELT's ActorReligion1-2.
RELIGION_CODES = frozenset((
    "ATH", "BAH", "BUD", "CHR", "CON", "HIN", "JAN", "JEW", "MOS", "SHN", "SIK", "TAO", "ABR",
    "ADR", "EAR", "INR", "IRR", "ITR", "NRM"))
#: place feature -> GDELT Geo_Type (1 country, 2 US state, 3 US city, 4 world city,
#: 5 world state); (outside the US, in the US).
_GEO_TYPES = {"country": ("1", "1"), "admin1": ("5", "2"), "city": ("4", "3"),
              "facility": ("4", "3")}


def actor_fields(code: str | None, name: str | None) -> list[str]:
    """The 10 GDELT actor fields from a CAMEO actor code such as ``CHNGOV`` or ``IGOUNO``.

    The first block is the country (ISO alpha-3 or CAMEO region) unless it is a role or
    generic code; role blocks fill Type1-3, religion blocks Religion1-2, and the last other
    block (an organisation, ``UNO`` in ``IGOUNO``) KnownGroupCode. Names are upper case, as
    GDELT's are.
    """
    if not code:
        return [""] * 10
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = blocks[0] if blocks[0] not in TYPE_CODES | RELIGION_CODES else ""
    rest = blocks[1:] if country else blocks
    types = [b for b in rest if b in TYPE_CODES][:3]
    religions = [b for b in rest if b in RELIGION_CODES][:2]
    groups = [b for b in rest if b not in TYPE_CODES | RELIGION_CODES]
    return [code, (name or "").upper(), country, groups[-1] if groups else "", "",
            *_pad(religions, 2), *_pad(types, 3)]


def _pad(values: list[str], n: int) -> list[str]:
    return values + [""] * (n - len(values))


def _action_geo(event: Row) -> list[str]:
    """ActionGeo_*: the event's place; country as ISO alpha-3 (GDELT writes FIPS 10-4)."""
    if not event["place"]:
        return [""] * 8
    country = event["place_country"] or ""
    kind = _GEO_TYPES.get(event["place_feature"] or "", ("", ""))[country == "USA"]
    return [kind, event["place"], country, "", "", _num(event["lat"]), _num(event["lon"]), ""]


def _num(value: float | int | None) -> str:
    return "" if value is None else format(value, ".10g")


def _day_fields(day: dt.date | None) -> list[str]:
    """Day, MonthYear, Year and FractionDate, the last by GDELT's (month*30+day)/365 rule."""
    if day is None:
        return [""] * 4
    fraction = ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
            f"{day.year + fraction:.4f}"]


def gdelt_row(event: Row) -> list[str]:
    """One event as the 61 fields of a GDELT 2.0 event record (unknown fields empty)."""
    cameo = event["cameo"]
    added = event["added"]
    fields = [
        str(int(event["event_id"][:15], 16)), *_day_fields(event["date_start"]),
        *actor_fields(event["source_code"], event["source_name"]),
        *actor_fields(event["target_code"], event["target_name"]),
        str(event["is_root"]), cameo, cameo[:3], cameo[:2], _num(event["quad_class"]),
        _num(event["goldstein"]), str(event["n_reports"]), str(event["n_sources"]),
        str(event["n_articles"]), "", *[""] * 16, *_action_geo(event),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        event["url"] or event["article_source"] or "",
    ]
    return [_one_line(field) for field in fields]


def _one_line(field: str) -> str:
    """A field without tabs or line breaks, which would break GDELT's tab-separated rows."""
    return " ".join(field.split()) if "\t" in field or "\n" in field or "\r" in field else field


# -- writers ---------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """JSON and CSV form of a value: dates and times in ISO 8601."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _write_gdelt(pages: Iterator[list[Row]], stream: IO[str], names: Sequence[str]) -> int:
    count = 0
    for page in pages:
        stream.writelines("\t".join(gdelt_row(row)) + "\n" for row in page)
        count += len(page)
    return count


#: A cell that starts with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet: text that would start a formula ("=HYPERLINK(...)",
    "+1", "@SUM") gets a leading apostrophe, as OWASP advises; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(pages: Iterator[list[Row]], stream: IO[str], names: Sequence[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for page in pages:
        writer.writerows({k: csv_cell(_plain(v)) for k, v in row.items()} for row in page)
        count += len(page)
    return count


def _write_jsonl(pages: Iterator[list[Row]], stream: IO[str], names: Sequence[str]) -> int:
    count = 0
    for page in pages:
        stream.writelines(json.dumps({k: _plain(row[k]) for k in names}, ensure_ascii=False)
                          + "\n" for row in page)
        count += len(page)
    return count


_TEXT_WRITERS: dict[str, Callable[[Iterator[list[Row]], IO[str], Sequence[str]], int]] = {
    "gdelt": _write_gdelt, "csv": _write_csv, "jsonl": _write_jsonl}


def _write_parquet(pages: Iterator[list[Row]], path: Path,
                   columns: Sequence[tuple[str, str]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for page in pages:
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
            count += len(page)
    return count


# -- the entry points ------------------------------------------------------------------------
def _pages(store: SqlStore, filters: EventFilter | None, reports: bool,
           chunk_size: int) -> tuple[Pages, tuple[tuple[str, str], ...]]:
    if reports:
        return report_pages(store, filters, chunk_size), REPORT_COLUMNS
    return event_pages(store, filters, chunk_size), EVENT_COLUMNS


def _check(fmt: str, reports: bool) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if reports and fmt == "gdelt":
        raise ExportError("GDELT's event table has one row per event: --reports works with "
                          "csv, jsonl and parquet")


def write_stream(store: SqlStore, stream: IO[str], fmt: str, *,
                 filters: EventFilter | None = None, reports: bool = False,
                 chunk_size: int = CHUNK_SIZE) -> int:
    """Write events (or reports) in a text format to an open stream; returns the row count."""
    _check(fmt, reports)
    if fmt not in TEXT_FORMATS:
        raise ExportError(f"{fmt} is a binary format: give a file name, not a stream")
    pages, columns = _pages(store, filters, reports, chunk_size)
    with contextlib.closing(pages):  # a failed write ends the query (and its transaction) now
        return _TEXT_WRITERS[fmt](pages, stream, [name for name, _ in columns])


def export(store: SqlStore, out: str | Path, fmt: str, *, filters: EventFilter | None = None,
           reports: bool = False, chunk_size: int = CHUNK_SIZE) -> int:
    """Write events (or reports) to the file ``out``, atomically; returns the row count.

    Raises :class:`ExportError` with a one-line reason when ``out`` cannot be written.
    """
    _check(fmt, reports)
    out = Path(out)
    with _atomic(out) as tmp:
        if fmt == "parquet":
            pages, columns = _pages(store, filters, reports, chunk_size)
            with contextlib.closing(pages):
                return _write_parquet(pages, tmp, columns)
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            return write_stream(store, stream, fmt, filters=filters, reports=reports,
                                chunk_size=chunk_size)


@contextlib.contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    """A new temporary file next to ``out`` (created exclusively, so a planted file or
    symlink is never written through) that replaces ``out`` when the block succeeds."""
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(tmp, flags, 0o666))  # the user's umask applies, as for any file
    except OSError as exc:
        raise ExportError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


#: File name endings that name a format when none is given.
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def format_for(out: str | Path, fmt: str | None = None) -> str:
    """The export format asked for, else the one that ``out``'s ending names; a
    :class:`~eventwire.errors.ConfigError` when neither says."""
    if fmt:
        if fmt not in FORMATS:
            raise ConfigError(f"Unknown export format {fmt!r}: use {'|'.join(FORMATS)}")
        return fmt
    if guessed := SUFFIXES.get(Path(out).suffix.lower()):
        return guessed
    raise ConfigError(f"Cannot tell the format from {str(out)!r}: give --format "
                      f"({'|'.join(FORMATS)})")
