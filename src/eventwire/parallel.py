"""Stages 2-5 on many cores or a Dask cluster: the same :class:`~eventwire.pipeline.Pipeline`
mapped over chunks of raw articles, in input order.

The reader runs in the calling process and feeds chunks of ``chunk_size`` articles to the
workers, keeping at most ``window`` chunks in flight, so memory stays bounded however long
the input; results come back in input order, so the one writer that stores them (the caller)
sees exactly the sequence a single process would make, and the store holds the same
articles, events and clusters. Each worker process loads the spaCy model once (the loaders
are cached per process) and keeps it for every chunk it is given.

    process_parallel(items, settings, workers=4)                    # local processes
    process_parallel(items, settings, dask="local", workers=4)      # a Dask LocalCluster
    process_parallel(items, settings, dask="tcp://host:8786")       # an existing scheduler
    process_parallel(items, settings, dask=..., shards="run-shards/")  # results as Parquet

With ``shards``, each worker writes the results of its chunk as a Parquet file in that folder
(which every worker must be able to reach: a shared disk on a cluster) and the caller reads
the files back in order; a chunk whose file is already there (from a run that was stopped) is
not computed again. A file is named by a hash of the chunk's articles and the settings, and
is written whole or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, Protocol

from eventwire.config import Settings
from eventwire.errors import ConfigError, Failure
from eventwire.read.raw import RawArticle
from eventwire.records import Document

__all__ = ["blas_threads", "default_workers", "process_parallel", "run_chunk"]

Item = RawArticle | Failure
Result = Document | Failure


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_chunk(settings: Settings, items: list[Item]) -> list[Result]:
    """One chunk through the whole pipeline, in a worker (a module-level function, so that
    process pools and Dask can ship it by name)."""
    from eventwire.pipeline import Pipeline

    return list(Pipeline(settings).process_many(items))


def run_chunk_to_shard(settings: Settings, items: list[Item], path: str) -> str:
    """:func:`run_chunk`, its results written to the Parquet file ``path``."""
    write_shard(run_chunk(settings, items), Path(path))
    return path


def write_shard(results: list[Result], path: Path) -> None:
    """Documents and failures as one Parquet file (a row each, in order), atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"document": json.dumps(r.to_dict(), ensure_ascii=False),
             "source": None, "reason": None, "stage": None} if isinstance(r, Document)
            else {"document": None, "source": r.source, "reason": r.reason, "stage": r.stage}
            for r in results]
    table = pa.Table.from_pylist(rows, schema=pa.schema(
        [("document", pa.string()), ("source", pa.string()), ("reason", pa.string()),
         ("stage", pa.string())]))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_shard(path: Path) -> list[Result]:
    import pyarrow.parquet as pq

    out: list[Result] = []
    for row in pq.read_table(path).to_pylist():
        if row["document"] is not None:
            out.append(Document.from_dict(json.loads(row["document"])))
        else:
            out.append(Failure(row["source"], row["reason"], row["stage"]))
    return out


def shard_name(settings: Settings, items: list[Item]) -> str:
    """A name that changes with the chunk's articles and with the settings."""
    digest = hashlib.sha1(repr(settings).encode())
    for item in items:
        digest.update(b"\x1e" + repr(item).encode("utf-8", "replace"))
    return f"chunk-{digest.hexdigest()[:20]}.parquet"


def chunked(items: Iterable[Item], size: int, workers: int) -> Iterator[list[Item]]:
    """``items`` in chunks of ``size``, read ``workers`` chunks ahead so that the end of
    the input is seen coming: the last articles go out in smaller and smaller chunks
    (guided self-scheduling, down to a quarter of ``size``), so that the workers finish
    together instead of one parsing a whole last chunk while the others wait. The chunks
    depend on the input alone, so a resumed run cuts them (and names their shards) as the
    first run did."""
    iterator = iter(items)
    ahead: deque[Item] = deque()
    exhausted = False
    while True:
        while not exhausted and len(ahead) < size * (workers + 1):
            try:
                ahead.append(next(iterator))
            except StopIteration:
                exhausted = True
        if not ahead:
            return
        share = -(-len(ahead) // (4 * workers))  # a quarter of each worker's share of the rest
        count = size if not exhausted else max(size // 4, 1, min(size, share))
        yield [ahead.popleft() for _ in range(min(count, len(ahead)))]


class _Submitter(Protocol):
    def submit(self, settings: Settings, items: list[Item]) -> Any: ...

    def submit_shard(self, settings: Settings, items: list[Item], path: str) -> Any: ...

    def result(self, future: Any) -> list[Result]: ...

    def close(self) -> None: ...


def blas_threads(workers: int, cores: int) -> int:
    """Threads each worker's matrix library (OpenBLAS, under spaCy's numpy ops) may use: its
    share of the cores. By default every process starts one thread per core, so N workers on
    N cores would run N times N threads that evict each other's caches (measured here: two
    workers parse 1.2 times faster with one thread each). Dask's workers are limited the same
    way by Dask itself."""
    return max(1, cores // workers)


def limit_blas_threads(threads: int) -> None:
    """Limit the matrix library of this (worker) process to ``threads`` threads (numpy is
    imported first: only a library already loaded can be limited)."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")


def start_worker(threads: int, settings: Settings) -> None:
    """A new worker process: its matrix library limited to ``threads`` threads, and the
    pipeline's model and tables loaded now, while the caller is still reading the first
    articles, rather than inside the first chunk. A load that fails here is left for the
    first chunk, which raises it to the caller."""
    limit_blas_threads(threads)
    from eventwire.pipeline import Pipeline

    with contextlib.suppress(Exception):  # raised again, to the caller, by the first chunk
        Pipeline(settings).warm()


class _Processes:
    """A pool of local worker processes, started fresh (spawn): no state is inherited.
    Each loads the pipeline as it starts. Closing the pool terminates the workers, so an
    interrupted run leaves none behind."""

    def __init__(self, workers: int, settings: Settings) -> None:
        threads = blas_threads(workers, default_workers())
        self.pool = multiprocessing.get_context("spawn").Pool(
            workers, initializer=start_worker, initargs=(threads, settings))

    def submit(self, settings: Settings, items: list[Item]) -> AsyncResult[list[Result]]:
        return self.pool.apply_async(run_chunk, (settings, items))

    def submit_shard(self, settings: Settings, items: list[Item], path: str) -> Any:
        return self.pool.apply_async(run_chunk_to_shard, (settings, items, path))

    def result(self, future: AsyncResult[list[Result]]) -> list[Result]:
        return future.get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class _Dask:
    """A Dask cluster: a LocalCluster of ``workers`` processes, or an existing scheduler."""

    def __init__(self, address: str, workers: int) -> None:
        try:  # untyped for mypy: its stubs are partial
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise ConfigError("--dask needs the 'distributed' package: pip install "
                              "'eventwire[dask]'") from None
        self.cluster: Any = None
        self.client: Any
        quiet = not logging.getLogger("eventwire").isEnabledFor(logging.INFO)
        if quiet:  # Dask's own log lines only with -v
            for name in [n for n in logging.root.manager.loggerDict if n.startswith("distributed")]:
                logging.getLogger(name).setLevel(logging.ERROR)
        if address == "local":
            self.cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR if quiet else logging.INFO)
            self.client = distributed.Client(self.cluster)
        else:
            try:
                self.client = distributed.Client(address, timeout="20s")
            except OSError as exc:
                raise ConfigError(f"Cannot reach the Dask scheduler at {address}: {exc}") \
                    from None

    def submit(self, settings: Settings, items: list[Item]) -> Any:
        return self.client.submit(run_chunk, settings, items, pure=False)

    def submit_shard(self, settings: Settings, items: list[Item], path: str) -> Any:
        return self.client.submit(run_chunk_to_shard, settings, items, path, pure=False)

    def result(self, future: Any) -> list[Result]:
        result: list[Result] = future.result()
        return result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def process_parallel(items: Iterable[Item], settings: Settings | None = None, *,
                     workers: int | None = None, dask: str | None = None,
                     chunk_size: int = 16, window: int | None = None,
                     shards: str | Path | None = None) -> Iterator[Result]:
    """Documents (or failures) for ``items``, in input order, computed by ``workers`` local
    processes, or on Dask (``dask="local"`` for a LocalCluster of ``workers`` processes,
    or a scheduler address). At most ``window`` chunks (default twice the workers) are in
    flight at a time; with ``shards``, results go through Parquet files in that folder."""
    settings = settings or Settings()
    workers = workers or default_workers()
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    window = window or 2 * workers
    folder = Path(shards) if shards is not None else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"Cannot use {folder} for shards: {exc.strerror or exc}") \
                from None
    with ExitStack() as stack:
        submitter: _Submitter = (_Dask(dask, workers) if dask
                                 else _Processes(workers, settings))
        stack.callback(submitter.close)
        pending: deque[tuple[Any, Path | None]] = deque()
        chunks = chunked(items, chunk_size, workers)
        while True:
            while len(pending) < window and (chunk := next(chunks, None)) is not None:
                if folder is None:
                    pending.append((submitter.submit(settings, chunk), None))
                    continue
                shard = folder / shard_name(settings, chunk)
                done = shard.exists()  # finished by an earlier run: not computed again
                pending.append((None if done else submitter.submit_shard(
                    settings, chunk, str(shard)), shard))
            if not pending:
                return
            future, written = pending.popleft()
            if written is None:
                yield from submitter.result(future)
                continue
            if future is not None:
                submitter.result(future)  # raises what the worker raised
            yield from read_shard(written)
