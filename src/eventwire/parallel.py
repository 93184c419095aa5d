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
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, Protocol

from eventwire.config import Settings
from eventwire.errors import ConfigError, Failure
from eventwire.read.raw import RawArticle
from eventwire.records import Document

__all__ = ["default_workers", "process_parallel", "run_chunk"]

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


class _Submitter(Protocol):
    def submit(self, settings: Settings, items: list[Item]) -> Any: ...

    def result(self, future: Any) -> list[Result]: ...

    def close(self) -> None: ...


class _Processes:
    """A pool of local worker processes, started fresh (spawn): no state is inherited.
    Closing it terminates the workers, so an interrupted run leaves none behind."""

    def __init__(self, workers: int) -> None:
        self.pool = multiprocessing.get_context("spawn").Pool(workers)

    def submit(self, settings: Settings, items: list[Item]) -> AsyncResult[list[Result]]:
        return self.pool.apply_async(run_chunk, (settings, items))

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
        if address == "local":
            self.cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                                    processes=True, dashboard_address=None)
            self.client = distributed.Client(self.cluster)
        else:
            try:
                self.client = distributed.Client(address, timeout="20s")
            except OSError as exc:
                raise ConfigError(f"Cannot reach the Dask scheduler at {address}: {exc}") \
                    from None

    def submit(self, settings: Settings, items: list[Item]) -> Any:
        return self.client.submit(run_chunk, settings, items, pure=False)

    def result(self, future: Any) -> list[Result]:
        result: list[Result] = future.result()
        return result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def process_parallel(items: Iterable[Item], settings: Settings | None = None, *,
                     workers: int | None = None, dask: str | None = None,
                     chunk_size: int = 16, window: int | None = None) -> Iterator[Result]:
    """Documents (or failures) for ``items``, in input order, computed by ``workers`` local
    processes, or on Dask (``dask="local"`` for a LocalCluster of ``workers`` processes,
    or a scheduler address). At most ``window`` chunks (default twice the workers) are in
    flight at a time."""
    settings = settings or Settings()
    workers = workers or default_workers()
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    window = window or 2 * workers
    with ExitStack() as stack:
        submitter: _Submitter = _Dask(dask, workers) if dask else _Processes(workers)
        stack.callback(submitter.close)
        pending: deque[Any] = deque()
        iterator = iter(items)
        while True:
            while len(pending) < window and (chunk := list(islice(iterator, chunk_size))):
                pending.append(submitter.submit(settings, chunk))
            if not pending:
                return
            yield from submitter.result(pending.popleft())
