"""What storing costs against extracting, on a folder of articles: the bare spaCy parse, the
whole extraction (parse and every stage, no store), and writing those documents into DuckDB
and into PostgreSQL, side by side in one run.

    python bench/ingest.py ../shared/dev/times-timebank ../shared/dev/quotes-polnear

PostgreSQL is a throwaway server started from Debian's binaries (as the tests do), skipped
when none is installed. The store figures are for writing already extracted documents, batch
by batch as ``eventwire ingest`` does, clustering included.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.config import Settings  # noqa: E402
from eventwire.parse import load_nlp  # noqa: E402
from eventwire.pipeline import process  # noqa: E402
from eventwire.read import RawArticle, read_inputs  # noqa: E402
from eventwire.records import Document  # noqa: E402
from eventwire.store import ingest, open_store  # noqa: E402
from eventwire.store.dedup import signature  # noqa: E402


def store_seconds(url: str, documents: list[Document], batch_size: int) -> float:
    """Seconds to store ``documents`` through the command's own ingest loop (fed here as
    fast as it takes them, so it keeps a DuckDB file over batches and releases it once a
    second; it keeps one PostgreSQL connection for the run)."""
    open_store(url).close()  # create the schema outside the timing, as a second run finds it
    start = time.perf_counter()
    ingest(iter(documents), url, batch_size)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    args = parser.parse_args()
    files = sorted(p for folder in args.folders for p in folder.glob("*.txt"))
    raws = [r for r in read_inputs(files) if isinstance(r, RawArticle)]
    settings = Settings(batch_size=args.batch_size)
    nlp = load_nlp()
    nlp("warm up")
    list(process([raws[0]], settings))  # load the gazetteer, lexicon and dictionary once
    signature("warm up")  # and the MinHash library, so that no store row pays its import

    start = time.perf_counter()
    for _ in nlp.pipe((r.text for r in raws), batch_size=args.batch_size):
        pass
    parse = time.perf_counter() - start
    start = time.perf_counter()
    documents = [d for d in process(raws, settings) if isinstance(d, Document)]
    extract = time.perf_counter() - start

    rows = [("spaCy parse (baseline)", parse), ("extract (parse + all stages)", extract)]
    with tempfile.TemporaryDirectory() as folder:
        rows.append(("store into DuckDB", store_seconds(f"{folder}/bench.duckdb", documents,
                                                         args.batch_size)))
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.pg import find_bindir, start_server

    bindir = find_bindir()
    if bindir is not None:
        server = start_server(bindir)
        try:
            with server.database() as url:
                rows.append(("store into PostgreSQL", store_seconds(url, documents,
                                                                    args.batch_size)))
        finally:
            server.stop()
    print(f"{len(documents)} articles, batches of {args.batch_size}")
    print(f"{'step':30s} {'seconds':>8s} {'vs parse':>9s} {'vs extract':>11s}")
    for name, seconds in rows:
        print(f"{name:30s} {seconds:8.2f} {seconds / parse:9.3f} {seconds / extract:11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
