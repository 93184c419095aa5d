"""The Python API: what the CLI, the web app and notebooks call."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Settings
from eventwire.errors import EventwireError, Failure
from eventwire.extract.dictionary import load_dictionary
from eventwire.pipeline import process
from eventwire.read import RawArticle, ReadOptions, read_inputs, read_string
from eventwire.records import Document
from eventwire.timeperiod import parse_day

if TYPE_CHECKING:
    from eventwire.store import IngestReport, Store


def extract(text: str, published: str | dt.date | None = None, *, source: str = "<string>",
            model: str | None = None, input_format: str = "auto",
            actors: Sequence[str | Path] = (), min_confidence: float = 0.0) -> Document:
    """Extract one article from a string (plain text, HTML, or one JSON Lines record).

    ``actors`` are the user's actor dictionaries (TSV, YAML or TABARI ``.actors``) over the
    bundled one, later files winning; events coded with less than ``min_confidence`` (0 to
    1) are left out. Raises :class:`EventwireError` with the reason when the
    text cannot be processed (:class:`ConfigError` for a bad dictionary).
    """
    options = ReadOptions(input_format=input_format, published=as_date(published))
    settings = Settings(model=model, actors=tuple(str(p) for p in actors),
                        min_confidence=min_confidence)
    results = builtins.list(process(read_string(text, source, options), settings))
    if not results:
        raise EventwireError(f"{source}: no article found")
    first = results[0]
    if isinstance(first, Failure):
        raise EventwireError(str(first))
    return first


def extract_many(inputs: Iterable[str | Path], *, published: str | dt.date | None = None,
                 settings: Settings | None = None, read_options: ReadOptions | None = None,
                 actors: Sequence[str | Path] | None = None, workers: int = 1,
                 dask: str | None = None, shards: str | Path | None = None
                 ) -> Iterator[Document | Failure]:
    """Extract every article in files, folders, urls or ``-`` (stdin), in input order.

    ``actors`` (user actor dictionaries, later files winning) replaces ``settings.actors``.
    Failures of single inputs are yielded as :class:`Failure` records, never raised; a bad
    actor dictionary raises :class:`ConfigError` here, before any input is read. With
    ``workers`` above 1 the articles are processed by that many local processes, with
    ``dask`` on a Dask cluster (``"local"`` or a scheduler address; see
    :mod:`eventwire.parallel`; ``shards``: through Parquet files in that folder, reused by a
    rerun); the documents are the same and come in the same order.
    """
    settings = settings or Settings()
    if actors is not None:
        settings = settings.with_overrides(actors=tuple(str(p) for p in actors))
    if settings.actors:
        load_dictionary(settings.actors)  # cached: the pipeline reuses it
    options = read_options or ReadOptions()
    if published is not None:
        options = replace(options, published=as_date(published))
    if workers > 1 or dask or shards:
        from eventwire.parallel import process_parallel

        return process_parallel(read_inputs(inputs, options), settings, workers=workers,
                                dask=dask, shards=shards)
    return process(read_inputs(inputs, options), settings)


def ingest_many(inputs: Iterable[str | Path], db: str | Path | None = None, *,
                settings: Settings | None = None, read_options: ReadOptions | None = None,
                workers: int = 1, dask: str | None = None, resume: bool = True,
                shards: str | Path | None = None,
                progress: Callable[[int], object] | None = None) -> IngestReport:
    """Read, extract and store every article of ``inputs`` into the store ``db``, as
    ``eventwire ingest`` does; returns what happened.

    With ``resume`` (the default), an article whose cleaned text is already stored as the
    latest version of the same url, id or file is counted as unchanged without being parsed
    again, so a run that was killed picks up where it stopped at the cost of reading. A bad
    store url raises :class:`ConfigError` or :class:`StoreError` before anything is read.
    """
    from eventwire.store import ingest, open_store

    settings = settings or Settings()
    options = read_options or ReadOptions()
    url = str(db) if db is not None else None
    with open_store(url) as store:
        empty = not store.has_articles()
    skipped: builtins.list[int] = [0]

    def counted(item: object) -> None:
        if progress is not None:
            progress(1)

    items: Iterable[RawArticle | Failure] = read_inputs(inputs, options)
    if resume and not empty:  # nothing stored yet: nothing to skip
        items = _unstored(items, url, skipped, counted)
    if workers > 1 or dask or shards:
        from eventwire.parallel import process_parallel

        documents = process_parallel(items, settings, workers=workers, dask=dask,
                                     shards=shards)
    else:
        documents = process(items, settings)
    report = ingest(documents, url, settings.batch_size, progress=progress)
    report.unchanged += skipped[0]
    return report


def _unstored(items: Iterable[RawArticle | Failure], url: str | None,
              skipped: builtins.list[int], counted: Callable[[object], None],
              chunk: int = 256) -> Iterator[RawArticle | Failure]:
    """``items`` without the articles already stored as they are (see :func:`ingest_many`);
    the store is opened for each chunk of lookups and closed again."""
    from eventwire.clean import clean_article
    from eventwire.store import open_store

    iterator = iter(items)
    while batch := builtins.list(islice(iterator, chunk)):
        pairs: dict[int, tuple[str, str]] = {}
        for number, item in enumerate(batch):
            if isinstance(item, RawArticle):
                try:
                    article = clean_article(item)
                except Exception:  # the pipeline reports it
                    continue
                pairs[number] = (article.id, article.key)
        with open_store(url) as store:
            known = store.latest_of(builtins.list(pairs.values())) if pairs else set()
        for number, item in enumerate(batch):
            if number in pairs and pairs[number][0] in known:
                skipped[0] += 1
                counted(item)
                continue
            yield item


def open(db: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``db``: a DuckDB path, ``duckdb:///path``,
    or ``postgresql://...``; default ``$EVENTWIRE_DB`` or ``eventwire.duckdb``. With
    ``read_only`` nothing is written and readers can work beside a writer."""
    from eventwire.store import open_store

    return open_store(db, read_only)


def as_date(value: str | dt.date | None) -> dt.date | None:
    """A date from a ``YYYY-MM-DD`` string (or a date), with a clear error otherwise."""
    return None if value is None else parse_day(value, "published date")
