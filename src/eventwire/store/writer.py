"""The ingest loop: documents (and failures) in, batches stored, one report out.

Shared by ``eventwire ingest``, :meth:`SqlStore.ingest` and any other caller (a Dask client
gathering documents, a web upload). A DuckDB file is released between batches, so that
readers (``eventwire events``, the web server, a notebook opened with ``read_only=True``)
can open it while an ingest runs: after a batch that came a second or more after the one
before (the writer is waiting for the parse: it lets readers in while it waits), and else
after the first batch that ends a second or more after the file was opened. So a reader
waits about a second at most, while a writer fed faster than that (many workers) does not
pay for opening the file, and checkpointing it, for every batch. A PostgreSQL connection
is kept for the whole run, as the server lets readers in at any time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from eventwire.errors import Failure
from eventwire.records import Document
from eventwire.store.base import IngestReport, SqlStore


def ingest_documents(items: Iterable[Document | Failure], batch_size: int = 32, *,
                     store: SqlStore | None = None,
                     open_store: Callable[[], SqlStore] | None = None, release: bool = False,
                     progress: Callable[[int], object] | None = None,
                     hold_seconds: float = 1.0) -> IngestReport:
    """Store ``items`` batch by batch (each batch one transaction) and report what happened;
    a failure is counted and skipped, nothing good is lost. Writes through ``store`` (left
    open), or through a store from ``open_store``: with ``release``, one opened when a batch
    is ready and closed after a batch that came ``hold_seconds`` or more after the one
    before, or that ends ``hold_seconds`` or more after the store was opened (readers get
    in between), else one for the run."""
    if store is None and open_store is None:
        raise ValueError("ingest_documents needs a store or a way to open one")
    report = IngestReport()
    held = store if store is not None else None if release else open_store()  # type: ignore[misc]
    batch: list[Document] = []
    current: SqlStore | None = None  # with release: the store open now, since ``opened_at``
    opened_at = last_end = time.monotonic()  # last_end: when the batch before ended

    def flush() -> None:
        nonlocal current, opened_at, last_end
        if not batch:
            return
        waited = time.monotonic() - last_end
        if held is None and current is None:
            current, opened_at = open_store(), time.monotonic()  # type: ignore[misc]
        target = held if held is not None else current
        assert target is not None
        try:
            for outcome in target.store_batch(batch):
                report.count(outcome)
        finally:
            last_end = time.monotonic()
            if current is not None and max(waited, last_end - opened_at) >= hold_seconds:
                current.close()
                current = None
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
        if current is not None:
            current.close()
    return report


def releases_between_batches(url: str) -> bool:
    """Whether a store url names a DuckDB file, which one writer holds exclusively."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    return scheme in {"", "duckdb"} and not url.endswith(":memory:")
