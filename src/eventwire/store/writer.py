"""The ingest loop: documents (and failures) in, batches stored, one report out.

Shared by ``eventwire ingest``, :meth:`SqlStore.ingest` and any other caller (a Dask client
gathering documents, a web upload). On a DuckDB file the file is opened for each batch and
released between batches, so that readers (``eventwire events``, the web server, a
notebook opened with ``read_only=True``) can open it while an ingest runs; a PostgreSQL
connection is kept for the whole run, as the server lets readers in at any time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eventwire.errors import Failure
from eventwire.records import Document
from eventwire.store.base import IngestReport, SqlStore


def ingest_documents(items: Iterable[Document | Failure], batch_size: int = 32, *,
                     store: SqlStore | None = None,
                     open_store: Callable[[], SqlStore] | None = None, release: bool = False,
                     progress: Callable[[int], object] | None = None) -> IngestReport:
    """Store ``items`` batch by batch (each batch one transaction) and report what happened;
    a failure is counted and skipped, nothing good is lost. Writes through ``store`` (left
    open), or through a store from ``open_store``: with ``release``, one opened for each
    batch and closed after it (readers get in between batches), else one for the run."""
    if store is None and open_store is None:
        raise ValueError("ingest_documents needs a store or a way to open one")
    report = IngestReport()
    held = store if store is not None else None if release else open_store()  # type: ignore[misc]
    batch: list[Document] = []

    def flush() -> None:
        if not batch:
            return
        target = held if held is not None else open_store()  # type: ignore[misc]
        try:
            for outcome in target.store_batch(batch):
                report.count(outcome)
        finally:
            if held is None:
                target.close()
        batch.clear()

    try:
        for item in items:
            if progress is not None:
                progress(1)
            if isinstance(item, Failure):
                (report.skipped if item.stage == "skip" else report.failed).append(str(item))
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
    finally:
        if held is not None and store is None:  # opened here for the run
            held.close()
    return report


def releases_between_batches(url: str) -> bool:
    """Whether a store url names a DuckDB file, which one writer holds exclusively."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    return scheme in {"", "duckdb"} and not url.endswith(":memory:")
