"""Reading the store as event data: filters, and SQL that DuckDB and PostgreSQL both run.

:class:`EventFilter` says which events to keep and :func:`make_filter` builds a checked one
from keyword values (strings welcome, as they come from a command line or a notebook). Each
``*_query`` function turns a filter into one :class:`Query`: a statement with ``?``
placeholders (the store translates them for PostgreSQL) and the type of every column it
returns. The ``*_rows`` functions run a query on a store and return plain rows, which the CLI
prints; :mod:`eventwire.store.frames` turns the same queries into DataFrames and Arrow tables.

Events are the deduplicated ``event_clusters`` (one row per real-world event); their dates
are day ranges, and a date filter keeps the events whose whole range lies inside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, Protocol, get_args

from eventwire.errors import ConfigError
from eventwire.store.filters import ORDERS, EventFilter, make_filter, only

__all__ = ["EventFilter", "Query", "make_filter"]

ColumnType = Literal["text", "date", "count", "int", "float"]
Columns = tuple[tuple[str, ColumnType], ...]
Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = get_args(Period)


@dataclass(frozen=True, slots=True)
class Query:
    """One SQL statement (``?`` placeholders), its parameters and its typed columns."""

    sql: str
    params: tuple[Any, ...]
    columns: Columns


class Store(Protocol):
    """What the ``*_rows`` functions need of a store."""

    def fetch(self, query: Query) -> list[dict[str, Any]]:
        """Run ``query`` and return its rows as dicts."""


# -- WHERE clauses ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Where:
    clauses: list[str]
    params: list[Any]

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _like(code: str) -> str:
    """A LIKE pattern for a code prefix (``-`` is any one character)."""
    return code.replace("-", "_") + "%"


def _cluster_where(f: EventFilter, outlet: bool = True) -> _Where:
    """Conditions on ``event_clusters c`` for every event filter."""
    w = _Where([], [])
    for prefix in (f.actor, f.country):
        if prefix:
            w.add("(c.source_code LIKE ? OR c.target_code LIKE ?)", _like(prefix), _like(prefix))
    if f.dyad:
        a, b = _like(f.dyad[0]), _like(f.dyad[1])
        one_way = "(c.source_code LIKE ? AND c.target_code LIKE ?)"
        if f.both_directions:
            w.add(f"({one_way} OR {one_way})", a, b, b, a)
        else:
            w.add(one_way, a, b)
    for column, prefix in (("source_code", f.source), ("target_code", f.target),
                           ("cameo", f.cameo)):
        if prefix:
            w.add(f"c.{column} LIKE ?", _like(prefix))
    for column, value in (("root", f.root), ("quad_class", f.quad_class), ("mood", f.mood)):
        if value is not None:
            w.add(f"c.{column} = ?", value)
    if f.plover:
        w.add("upper(c.plover) = ?", f.plover.upper())
    _range(w, "c.date_start", "c.date_end", f)
    if f.min_reports:
        w.add("c.n_reports >= ?", f.min_reports)
    if f.min_confidence:  # an event that one report codes with this confidence
        w.add("EXISTS (SELECT 1 FROM event_reports r JOIN events e ON e.id = r.event_id "
              "WHERE r.cluster_id = c.id AND e.confidence >= ?)", f.min_confidence)
    if f.coded:
        w.add("(c.source_code IS NOT NULL OR c.target_code IS NOT NULL)")
    if f.outlet and outlet:
        match, value = text_match("s.outlet", f.outlet)
        w.add("EXISTS (SELECT 1 FROM event_reports r JOIN article_sources s "
              "ON s.article_id = r.article_id WHERE r.cluster_id = c.id "
              f"AND {match})", value)
    return w


def cluster_conditions(f: EventFilter) -> tuple[str, list[Any]]:
    """A filter as ``AND``-joined conditions on ``event_clusters c``, for SQL built elsewhere
    (the exports); ``1 = 1`` when it selects everything."""
    w = _cluster_where(f)
    return " AND ".join(w.clauses) or "1 = 1", w.params


def _range(w: _Where, start: str, end: str, f: EventFilter) -> None:
    if f.date_from:
        w.add(f"{start} >= ?", f.date_from)
    if f.date_to:
        w.add(f"{end} <= ?", f.date_to)


def _article_where(f: EventFilter, code_column: str | None = None) -> _Where:
    """Latest versions of ``articles a``: outlet (any source of it), published, code prefix."""
    w = _Where(["a.version = (SELECT max(b.version) FROM articles b WHERE b.key = a.key)"], [])
    if code_column:
        for prefix in (f.actor, f.country):
            if prefix:
                w.add(f"{code_column} LIKE ?", _like(prefix))
    if f.outlet:
        _outlet(w, f.outlet)
    _range(w, "a.published", "a.published", f)
    return w


def text_match(column: str, value: str) -> tuple[str, str]:
    """How every text filter matches (outlet, speaker, subject, unit): any case, part of the
    text, or the whole text when the value starts with ``=`` (``--outlet =RT``)."""
    value = value.strip()
    if value.startswith("="):
        return f"lower({column}) = lower(?)", value[1:].strip()
    return f"strpos(lower({column}), lower(?)) > 0", value


def _outlet(w: _Where, outlet: str) -> None:
    """Articles of an outlet, as any of their sources (syndicated copies count)."""
    match, value = text_match("s.outlet", outlet)
    w.add(f"EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id AND {match})",
          value)


def count_rows(store: Store, query: Query) -> int:
    """How many rows ``query`` gives (build it with no ``limit`` to count them all): what a
    paged view says it shows part of ("showing 100 of 2,345")."""
    counted = Query(f"SELECT count(*) AS n FROM ({query.sql}) AS counted", query.params,
                    (("n", "count"),))
    return int(store.fetch(counted)[0]["n"])


def _page(f: EventFilter) -> tuple[str, tuple[Any, ...]]:
    if f.limit is None:
        return (" OFFSET ?", (f.offset,)) if f.offset else ("", ())
    return " LIMIT ? OFFSET ?", (f.limit, f.offset)


def _select(columns: Columns, exprs: dict[str, str]) -> str:
    return ", ".join(f"{exprs[n]} AS {n}" if n in exprs else f"c.{n}" for n, _ in columns)


# -- events ----------------------------------------------------------------------------------
EVENT_COLUMNS: Columns = (
    ("id", "text"), ("date", "text"), ("date_start", "date"), ("date_end", "date"),
    ("source_code", "text"), ("target_code", "text"), ("cameo", "text"), ("root", "text"),
    ("plover", "text"), ("quad_class", "int"), ("goldstein", "float"), ("mood", "text"),
    ("n_reports", "count"), ("n_articles", "count"), ("n_sources", "count"),
    ("first_report", "date"), ("last_report", "date"), ("sentence", "text"))

REPORT_COLUMNS: Columns = (
    ("event_id", "text"), ("report_id", "text"), ("article_id", "text"), ("outlet", "text"),
    ("published", "date"), ("url", "text"), ("source_code", "text"), ("target_code", "text"),
    ("cameo", "text"), ("sentence", "text"), ("trigger", "text"), ("mood", "text"),
    ("date", "text"), ("date_source", "text"), ("attributed_to", "text"),
    ("confidence", "float"))

_REPORT_EXPRS = {"event_id": "c.id", "report_id": "e.id", "article_id": "a.id",
                 "outlet": "a.outlet", "published": "a.published",
                 "url": "coalesce(a.url, a.source)", "trigger": "e.trigger_text"}


def events_query(f: EventFilter, reports: bool = False) -> Query:
    """Deduplicated events, or with ``reports`` every report of them (with ``outlet``, only
    that outlet's reports), in ``f.order`` (ties by id)."""
    page, page_params = _page(f)
    if not reports:
        w = _cluster_where(f)
        sql = (f"SELECT {_select(EVENT_COLUMNS, {})} FROM event_clusters c {w.sql()} "
               f"ORDER BY {ORDERS[f.order]}, c.id{page}")
        return Query(sql, (*w.params, *page_params), EVENT_COLUMNS)
    w = _cluster_where(f, outlet=False)
    if f.outlet:
        _outlet(w, f.outlet)
    exprs = _REPORT_EXPRS | {name: f"e.{name}" for name, _ in REPORT_COLUMNS
                             if name not in _REPORT_EXPRS}
    sql = (f"SELECT {_select(REPORT_COLUMNS, exprs)} FROM event_clusters c "
           "JOIN event_reports r ON r.cluster_id = c.id JOIN events e ON e.id = r.event_id "
           f"JOIN articles a ON a.id = r.article_id {w.sql()} "
           f"ORDER BY {ORDERS[f.order]}, c.id, a.published NULLS LAST, a.id, e.id{page}")
    return Query(sql, (*w.params, *page_params), REPORT_COLUMNS)


def event_rows(store: Store, f: EventFilter | None = None,
               reports: bool = False) -> list[dict[str, Any]]:
    """:func:`events_query` run on ``store``."""
    return store.fetch(events_query(f or EventFilter(), reports))


# -- timeline --------------------------------------------------------------------------------
QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
TIMELINE_COLUMNS: Columns = (
    ("period", "date"), ("events", "count"), *((q, "count") for q in QUAD_CLASSES),
    ("goldstein", "float"), ("reports", "count"))


def timeline_query(a: str, b: str, by: str = "week", f: EventFilter | None = None) -> Query:
    """Events of the dyad ``a`` -> ``b`` (both ways with ``f.both_directions``) per period
    of their first day: counts by QuadClass (1 verbal cooperation ... 4 material conflict),
    mean Goldstein score and reports. Every other filter of ``f`` applies too."""
    if by not in PERIODS:
        raise ConfigError(f"timeline period {by!r} is not one of {', '.join(PERIODS)}")
    f = make_filter(f, dyad=(a, b), limit=None, offset=0)
    w = _cluster_where(f)
    w.add("c.date_start IS NOT NULL")
    quads = ", ".join(f"count(*) FILTER (WHERE c.quad_class = {i}) AS {name}"
                      for i, name in enumerate(QUAD_CLASSES, start=1))
    sql = (f"SELECT CAST(date_trunc('{by}', CAST(c.date_start AS TIMESTAMP)) AS DATE) "
           f"AS period, count(*) AS events, {quads}, avg(c.goldstein) AS goldstein, "
           f"CAST(sum(c.n_reports) AS BIGINT) AS reports FROM event_clusters c {w.sql()} "
           "GROUP BY 1 ORDER BY 1")
    return Query(sql, tuple(w.params), TIMELINE_COLUMNS)


def timeline_rows(store: Store, a: str, b: str, by: str = "week",
                  f: EventFilter | None = None) -> list[dict[str, Any]]:
    """:func:`timeline_query` on ``store``, with empty periods between the first and the last
    filled in (zero counts, no Goldstein mean), so the rows are an even time series. Means
    are rounded to 3 decimals (scores have one), the same on both databases."""
    rows = store.fetch(timeline_query(a, b, by, f))
    if not rows:
        return rows
    found = {row["period"]: row | {"goldstein": _round(row["goldstein"])} for row in rows}
    filled, day = [], rows[0]["period"]
    while day <= rows[-1]["period"]:
        filled.append(found.get(day) or _empty_period(day))
        day = _next_period(day, by)
    return filled


def _round(mean: float | None) -> float | None:
    return None if mean is None else round(mean, 3)


def _empty_period(day: dt.date) -> dict[str, Any]:
    row: dict[str, Any] = {name: 0 for name, _ in TIMELINE_COLUMNS}
    return row | {"period": day, "goldstein": None}


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + dt.timedelta(days=7 if by == "week" else 1)


# -- actors, quotes, figures -----------------------------------------------------------------
ARTICLE_FILTERS = {"outlet", "date_from", "date_to", "limit", "offset"}
ACTOR_COLUMNS: Columns = (
    ("code", "text"), ("name", "text"), ("kind", "text"), ("mentions", "count"),
    ("articles", "count"), ("events_as_source", "count"), ("events_as_target", "count"))


def actors_query(f: EventFilter) -> Query:
    """Actors (one row per code, name and kind) with their mentions, articles and event
    reports as source and as target, most mentioned first. Filters: actor and country
    (code prefix), outlet, date_from/date_to (publication date), limit, offset."""
    only(f, ARTICLE_FILTERS | {"actor", "country"}, "actors")
    w = _article_where(f, "x.code")
    page, page_params = _page(f)
    counts = ("LEFT JOIN (SELECT {0} AS actor_id, count(*) AS n FROM events GROUP BY {0}) {1} "
              "ON {1}.actor_id = x.id")
    sql = ("SELECT x.code, x.name, x.kind, "
           "CAST(sum(json_array_length(CAST(x.mentions AS JSON))) AS BIGINT) AS mentions, "
           "count(DISTINCT x.article_id) AS articles, "
           "CAST(coalesce(sum(s.n), 0) AS BIGINT) AS events_as_source, "
           "CAST(coalesce(sum(t.n), 0) AS BIGINT) AS events_as_target "
           f"FROM actors x JOIN articles a ON a.id = x.article_id "
           f"{counts.format('source', 's')} {counts.format('target', 't')} {w.sql()} "
           "GROUP BY x.code, x.name, x.kind "
           f"ORDER BY mentions DESC, articles DESC, x.code NULLS LAST, x.name, x.kind{page}")
    return Query(sql, (*w.params, *page_params), ACTOR_COLUMNS)


QUOTE_COLUMNS: Columns = (
    ("speaker", "text"), ("speaker_code", "text"), ("text", "text"), ("kind", "text"),
    ("cue", "text"), ("date", "text"), ("published", "date"), ("outlet", "text"),
    ("article_id", "text"))


def quotes_query(f: EventFilter, speaker: str | None = None) -> Query:
    """Quotations, newest article first; ``speaker`` matches part of the speaker's name (any
    case), ``actor``/``country`` the speaker's code prefix."""
    only(f, ARTICLE_FILTERS | {"actor", "country"}, "quotes")
    w = _article_where(f, "q.speaker_code")
    if speaker:
        w.add(*text_match("q.speaker", speaker))
    page, page_params = _page(f)
    sql = ("SELECT q.speaker, q.speaker_code, q.text, q.kind, q.cue, q.date, a.published, "
           f"a.outlet, a.id AS article_id FROM quotes q JOIN articles a ON a.id = q.article_id "
           f"{w.sql()} ORDER BY a.published DESC NULLS LAST, a.id, q.start_char, q.id{page}")
    return Query(sql, (*w.params, *page_params), QUOTE_COLUMNS)


FIGURE_COLUMNS: Columns = (
    ("value", "float"), ("unit", "text"), ("qualifier", "text"), ("subject", "text"),
    ("period", "text"), ("source", "text"), ("text", "text"), ("published", "date"),
    ("outlet", "text"), ("article_id", "text"))


def figures_query(f: EventFilter, subject: str | None = None, unit: str | None = None) -> Query:
    """Figures, newest article first; ``subject`` matches part of what a figure measures
    (any case), ``unit`` the unit (``USD``, ``percent``, ``troops``; any case)."""
    only(f, ARTICLE_FILTERS, "figures")
    w = _article_where(f)
    if subject:
        w.add(*text_match("x.subject", subject))
    if unit:
        w.add(*text_match("x.unit", unit))
    page, page_params = _page(f)
    sql = ("SELECT x.value, x.unit, x.qualifier, x.subject, x.period, x.source, x.text, "
           "a.published, a.outlet, a.id AS article_id FROM figures x "
           f"JOIN articles a ON a.id = x.article_id {w.sql()} "
           f"ORDER BY a.published DESC NULLS LAST, a.id, x.start_char, x.id{page}")
    return Query(sql, (*w.params, *page_params), FIGURE_COLUMNS)


# -- network ---------------------------------------------------------------------------------
NETWORK_COLUMNS: Columns = (
    ("source_code", "text"), ("target_code", "text"), ("events", "count"),
    ("cooperation", "count"), ("conflict", "count"), ("goldstein", "float"))


def network_query(f: EventFilter) -> Query:
    """Who acts on whom: one row per (source, target) pair of coded actors, with the count of
    their events, how many are cooperation (QuadClass 1-2) and conflict (3-4), and the mean
    Goldstein score; the busiest pairs first (``f.limit`` of them)."""
    w = _cluster_where(f)
    w.add("c.source_code IS NOT NULL AND c.target_code IS NOT NULL")
    page, page_params = _page(f)
    sql = ("SELECT c.source_code, c.target_code, count(*) AS events, "
           "count(*) FILTER (WHERE c.quad_class <= 2) AS cooperation, "
           "count(*) FILTER (WHERE c.quad_class >= 3) AS conflict, "
           f"avg(c.goldstein) AS goldstein FROM event_clusters c {w.sql()} "
           f"GROUP BY c.source_code, c.target_code ORDER BY events DESC, c.source_code, "
           f"c.target_code{page}")
    return Query(sql, (*w.params, *page_params), NETWORK_COLUMNS)


def actor_rows(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """:func:`actors_query` run on ``store``."""
    return store.fetch(actors_query(f or EventFilter()))


def quote_rows(store: Store, f: EventFilter | None = None,
               speaker: str | None = None) -> list[dict[str, Any]]:
    """:func:`quotes_query` run on ``store``."""
    return store.fetch(quotes_query(f or EventFilter(), speaker))


def figure_rows(store: Store, f: EventFilter | None = None, subject: str | None = None,
                unit: str | None = None) -> list[dict[str, Any]]:
    """:func:`figures_query` run on ``store``."""
    return store.fetch(figures_query(f or EventFilter(), subject, unit))
