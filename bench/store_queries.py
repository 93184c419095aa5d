"""Time the store's event queries on N synthetic events, on DuckDB and PostgreSQL.

    python bench/store_queries.py                        # 1,000,000 events, DuckDB only
    python bench/store_queries.py --events 200000 --postgres auto
    python bench/store_queries.py --postgres postgresql://user@host/emptydb
    python bench/store_queries.py --cluster --events 1000000   # the clustering pass

Generates the events straight into ``event_clusters``, ``event_reports``, ``articles`` and
``article_sources`` of a fresh DuckDB file (one ``INSERT ... SELECT`` over ``range(N)`` per
table), with a realistic skew: 200 country codes drawn with a power law, a few dominant dyads
(a third of all events), ten roles, 20 CAMEO roots weighted as news reports them, days over five
years (one in ten dated only by its month), moods, and 1 to ~10 reports per event in
``N / 4`` articles from 60 outlets, a fifth of them also run by a second outlet. PostgreSQL gets the
same rows with ``COPY ... FROM STDIN`` (psycopg ``cursor.copy``) from a CSV that DuckDB writes;
``--postgres auto`` starts a private server with ``tests/pg.py``. Then each query runs
``--repeat`` times (best time kept) through the same functions the CLI calls, and a table
gives seconds per query per backend and the ratio PostgreSQL / DuckDB.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.store import Store, open_store
from eventwire.store.clusters import cluster_pending
from eventwire.store.query import event_rows, make_filter, timeline_rows

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "article_sources", "event_clusters", "event_reports")
DOMINANT = ("USA", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "GBR", "FRA", "DEU", "IND", "PAK",
            "TUR", "SYR", "PRK", "KOR", "JPN", "SAU", "EGY", "NGA")
DYADS = (("RUS", "UKR"), ("UKR", "RUS"), ("USA", "CHN"), ("CHN", "USA"), ("ISR", "PSE"),
         ("PSE", "ISR"), ("USA", "RUS"), ("CHN", "RUS"), ("IRN", "ISR"), ("IND", "PAK"))
ROLES = ("GOV", "GOV", "GOV", "GOV", "MIL", "MIL", "", "OPP", "REB", "MED", "BUS", "COP")
#: root -> (weight, quad class, Goldstein, PLOVER)
ROOTS = {1: (14, 1, 0.0, ""), 2: (6, 1, 3.0, ""), 3: (8, 1, 4.0, "AGREE"),
         4: (14, 1, 1.0, "CONSULT"), 5: (5, 1, 3.5, "SUPPORT"), 6: (3, 2, 6.0, "COOPERATE"),
         7: (3, 2, 7.0, "AID"), 8: (2, 2, 5.0, ""), 9: (2, 2, -2.0, "ACCUSE"),
         10: (4, 3, -5.0, "REQUEST"), 11: (8, 3, -2.0, "ACCUSE"), 12: (3, 3, -4.0, "REJECT"),
         13: (3, 3, -6.0, "THREATEN"), 14: (3, 3, -6.5, "PROTEST"),
         15: (2, 4, -7.2, "MOBILIZE"), 16: (2, 4, -4.0, "SANCTION"),
         17: (5, 4, -7.0, "COERCE"), 18: (6, 4, -9.0, "ASSAULT"), 19: (6, 4, -10.0, "ASSAULT"),
         20: (1, 4, -10.0, "ASSAULT")}
MOODS = ("actual",) * 16 + ("future", "future", "alleged", "negated")
OUTLETS = 60
QUERIES: tuple[tuple[str, Callable[[Store], Any]], ...] = (
    ("timeline USA->CHN by week", lambda s: timeline_rows(s, "USA", "CHN", "week")),
    ("events RUS->UKR root 19, 2022-2023, limit 100", lambda s: event_rows(s, make_filter(
        dyad=("RUS", "UKR"), root="19", date_from="2022-01-01", date_to="2023-12-31",
        limit=100))),
    ("events actor CHN, most reported, limit 100", lambda s: event_rows(s, make_filter(
        actor="CHN", order="reports", limit=100))),
    ("events outlet 'Outlet 7' root 04, limit 100", lambda s: event_rows(s, make_filter(
        outlet="Outlet 7", root="04", limit=100))),
)


def _list(values: Any) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _countries() -> list[str]:
    """200 country codes, the dominant ones first (a power law then favours them)."""
    import pycountry

    others = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in DOMINANT)
    return [*DOMINANT, *others][:200]


def event_sql(n: int) -> str:
    """``SELECT`` of ``n`` synthetic event_clusters rows."""
    roots = [f"{r:02d}" for r, (w, *_rest) in ROOTS.items() for _ in range(w)]
    info = {k: [ROOTS[r][k] for r in sorted(ROOTS)] for k in (1, 2, 3)}
    return f"""
    WITH base AS (
      SELECT i, random() AS r_dyad, floor(random() * {len(DYADS)})::INT + 1 AS k,
        floor(pow(random(), 3) * 200)::INT + 1 AS s, floor(pow(random(), 3) * 200)::INT + 1 AS t,
        floor(random() * {len(ROLES)})::INT + 1 AS sr,
        floor(random() * {len(ROLES)})::INT + 1 AS tr,
        list_element({_list(roots)}, floor(random() * {len(roots)})::INT + 1) AS root,
        floor(random() * 6)::INT AS sub, DATE '2020-01-01' + floor(random() * 1826)::INT AS day,
        random() < 0.1 AS by_month, floor(random() * {len(MOODS)})::INT + 1 AS m,
        floor(-ln(1 - random()) * 1.5)::INT + 1 AS n, floor(random() * 4)::INT AS lag
      FROM range({n}) r(i)
    ), coded AS (
      SELECT *, CAST(root AS INT) AS ri,
        CASE WHEN r_dyad < 0.33 THEN list_element({_list(d[0] for d in DYADS)}, k)
             ELSE list_element({_list(_countries())}, s) END AS src,
        CASE WHEN r_dyad < 0.33 THEN list_element({_list(d[1] for d in DYADS)}, k)
             ELSE list_element({_list(_countries())}, t) END AS tgt,
        CASE WHEN by_month THEN date_trunc('month', day)::DATE ELSE day END AS d0,
        CASE WHEN by_month THEN last_day(day) ELSE day END AS d1
      FROM base
    )
    SELECT 'e' || i, src || list_element({_list(ROLES)}, sr),
      tgt || list_element({_list(ROLES)}, tr), root, root || sub,
      nullif(list_element({_list(info[3])}, ri), ''), list_element({info[1]}, ri),
      list_element({info[2]}, ri),
      CASE WHEN by_month THEN strftime(d0, '%Y-%m') ELSE strftime(d0, '%Y-%m-%d') END, d0, d1,
      list_element({_list(MOODS)}, m), 'Synthetic event ' || i, n, n, n + (n > 1)::INT,
      d1 + lag, d1 + lag + n - 1
    FROM coded"""


def generate_duckdb(path: Path, n: int) -> None:
    """A fresh, migrated DuckDB store at ``path`` holding ``n`` synthetic events."""
    articles = max(1, n // 4)
    with open_store(f"duckdb:///{path}") as store:
        run = store.execute
        run(f"INSERT INTO event_clusters {event_sql(n)}")
        run("INSERT INTO articles SELECT 'a' || i, 'k' || i, 1, 'synthetic/' || i, "
            "'https://news.example/' || i, 'Story ' || i, '[]', "
            f"'Outlet ' || floor(pow(random(), 2) * {OUTLETS})::INT, "
            "DATE '2020-01-01' + floor(random() * 1830)::INT, NULL, 'text', '', '[]', "
            f"'synthetic', TIMESTAMP '2025-01-01', '{{}}' FROM range({articles}) r(i)")
        run("INSERT INTO article_sources SELECT id, key, source, url, outlet, published, 1.0, "
            "ingested_at FROM articles")
        run("INSERT INTO article_sources SELECT id, key || '/copy', source || '/copy', url, "
            f"'Outlet ' || floor(random() * {OUTLETS})::INT, published, 0.9, ingested_at "
            "FROM articles WHERE random() < 0.2")
        run("INSERT INTO event_reports SELECT 'r' || substr(c.id, 2) || '-' || j, c.id, "
            f"'a' || ((CAST(substr(c.id, 2) AS BIGINT) + j * 7919) % {articles}), 1.0 "
            "FROM event_clusters c, range(c.n_reports) r(j)")
        run("CHECKPOINT")


def generate_events(path: Path, n: int) -> None:
    """``n`` synthetic events (unclustered) in the ``events`` table of a fresh DuckDB store,
    drawn like the clusters above; every third event repeats its neighbour's evidence, so
    that the clustering pass has real work: joins, similarity, components."""
    articles = max(1, n // 4)
    with open_store(f"duckdb:///{path}") as store:
        run = store.execute
        run(f"CREATE TEMPORARY TABLE drawn AS SELECT * FROM ({event_sql(n)}) AS t(id, src, "
            "tgt, root, cameo, plover, quad, goldstein, date, d0, d1, mood, sentence, n1, n2, "
            "n3, f, l)")
        run("INSERT INTO articles SELECT 'a' || i, 'k' || i, 1, 'synthetic/' || i, NULL, NULL, "
            f"'[]', 'Outlet ' || (i % {OUTLETS}), DATE '2020-01-01' + (i % 1830)::INT, NULL, "
            f"'text', '', '[]', 'synthetic', TIMESTAMP '2025-01-01', '{{}}' "
            f"FROM range({articles}) r(i)")
        run("INSERT INTO article_sources SELECT id, key, source, url, outlet, published, 1.0, "
            "ingested_at FROM articles")
        run("INSERT INTO events SELECT 'v' || substr(id, 2), "
            f"'a' || (CAST(substr(id, 2) AS BIGINT) % {articles}), cameo, plover, NULL, "
            "goldstein, quad, NULL, NULL, src, tgt, date, 'text', mood, NULL, NULL, NULL, "
            "'Synthetic evidence number ' || (CAST(substr(id, 2) AS BIGINT) // 3), 0, 'met', "
            "0, 3, 0.8, root, d0, d1 FROM drawn")
        run("CHECKPOINT")


def time_clustering(url: str, batch: int = 1000) -> tuple[float, int, int, float]:
    """Seconds for one clustering pass over every event, events clustered, clusters made,
    and seconds to cluster ``batch`` new events (copies of stored ones) on top of them."""
    with open_store(url) as store:
        start = time.perf_counter()
        count = store.cluster(everything=True)
        seconds = time.perf_counter() - start
        clusters = store.execute("SELECT count(*) FROM event_clusters")[0][0]
        store.execute("INSERT INTO events SELECT 'w' || substr(id, 2), article_id, cameo, "
                      "plover, plover_mode, goldstein, quad_class, source, target, source_code, "
                      "target_code, date, date_source, mood, place, place_country, "
                      "attributed_to, sentence, sentence_start, trigger_text, trigger_start, "
                      f"trigger_end, confidence, root, date_start, date_end FROM events "
                      f"ORDER BY id LIMIT {batch}")
        keys = [k for (k,) in store.execute(
            "SELECT DISTINCT a.key FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.id LIKE 'w%'")]
        start = time.perf_counter()
        store.begin()  # as store_batch does for the stories it wrote
        cluster_pending(store, keys)
        store.commit()
        increment = time.perf_counter() - start
    return seconds, count, clusters, increment


def copy_to_postgres(duck: Path, url: str, workdir: Path) -> None:
    """The DuckDB store's rows into the (empty) PostgreSQL store at ``url``, by COPY."""
    import psycopg

    with open_store(url) as store:
        if store.execute("SELECT count(*) FROM event_clusters")[0][0]:
            raise SystemExit(f"{url}: the benchmark needs an empty database")
    with open_store(f"duckdb:///{duck}") as store:
        for table in TABLES:
            store.execute(f"COPY {table} TO '{workdir / table}.csv' (FORMAT csv, HEADER false)")
    with psycopg.connect(url, autocommit=True) as con:
        for table in TABLES:
            with con.cursor().copy(f"COPY {table} FROM STDIN (FORMAT csv)") as copy, \
                    (workdir / f"{table}.csv").open("rb") as source:
                while block := source.read(1 << 20):
                    copy.write(block)
            con.execute(f"ANALYZE {table}")


def best_of(store: Store, query: Callable[[Store], Any], repeat: int) -> tuple[float, int]:
    """The fastest of ``repeat`` runs (seconds) and the number of rows it returned."""
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(query(store))
        best = min(best, time.perf_counter() - start)
    return best, rows


@contextlib.contextmanager
def postgres_url(arg: str | None) -> Iterator[str | None]:
    """``arg`` itself, a database on a private server for ``auto``, or None."""
    if arg != "auto":
        yield arg
        return
    sys.path.insert(0, str(ROOT))
    from tests.pg import NOT_INSTALLED, find_bindir, start_server

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit(NOT_INSTALLED)
    server = start_server(bindir)
    try:
        with server.database() as url:
            yield url
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events")
    parser.add_argument("--postgres", metavar="URL|auto", help="also time PostgreSQL")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (best kept)")
    parser.add_argument("--cluster", action="store_true",
                        help="time the set-based clustering pass on N unclustered events "
                        "(DuckDB) instead of the queries")
    args = parser.parse_args()
    if args.cluster:
        with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
            duck = Path(tmp) / "cluster.duckdb"
            start = time.perf_counter()
            generate_events(duck, args.events)
            print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s",
                  file=sys.stderr)
            seconds, count, clusters, increment = time_clustering(f"duckdb:///{duck}")
        print(f"clustering pass (DuckDB): {count:,} events into {clusters:,} real-world events "
              f"in {seconds:.1f} s ({count / seconds:,.0f} events/s); 1,000 new events on "
              f"top of them in {increment:.2f} s")
        return 0
    times: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp, \
            postgres_url(args.postgres) as pg:
        duck = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        generate_duckdb(duck, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)
        backends = {"duckdb": f"duckdb:///{duck}"}
        if pg:
            start = time.perf_counter()
            copy_to_postgres(duck, pg, Path(tmp))
            print(f"copied to PostgreSQL in {time.perf_counter() - start:.1f} s",
                  file=sys.stderr)
            backends["postgresql"] = pg
        for backend, url in backends.items():
            with open_store(url) as store:
                for name, query in QUERIES:
                    seconds, rows = best_of(store, query, args.repeat)
                    times.setdefault(name, {})[backend] = seconds
                    print(f"{backend:10s} {name}: {seconds:.4f} s ({rows} rows)",
                          file=sys.stderr)
    print_table(times, args.events)
    return 0


def print_table(times: dict[str, dict[str, float]], n: int) -> None:
    """Seconds per query and backend, and PostgreSQL / DuckDB, as a Markdown table."""
    print(f"| query ({n:,} events, best of runs) | DuckDB s | PostgreSQL s | PG / DuckDB |")
    print("|---|---:|---:|---:|")
    for name, by in times.items():
        duck, pg = by["duckdb"], by.get("postgresql")
        pg_cells = f"{pg:.4f} | {pg / duck:.1f}" if pg is not None else "- | -"
        print(f"| {name} | {duck:.4f} | {pg_cells} |")


if __name__ == "__main__":
    sys.exit(main())
