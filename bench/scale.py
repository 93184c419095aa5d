"""Scaling on Dask: throughput with a LocalCluster of 1, 2, 4, ... workers, up to the cores.

    python bench/scale.py ../shared/dev/times-timebank [--repeat 2] [--max-workers 16]
                          [--scheduler tcp://HOST:8786]

Runs ``eventwire.parallel.process_parallel`` (no store) over the folder's ``*.txt`` articles
(repeated ``--repeat`` times) on a new LocalCluster of each size, or on an existing scheduler
with ``--scheduler`` (one run, with the workers it has). Each run first warms every worker
(loads the model) so that start-up is not counted; prints articles per second, the speed-up
over one worker and the scaling efficiency (speed-up / workers).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.config import Settings
from eventwire.parallel import default_workers, run_chunk
from eventwire.read import RawArticle, read_inputs


def articles(folder: Path, repeat: int) -> list[RawArticle]:
    found = [a for a in read_inputs([folder]) if isinstance(a, RawArticle)]
    out = []
    for copy in range(repeat):
        for article in found:
            text = article.text + (f"\n\nCopy {copy}." if copy else "")
            out.append(RawArticle(source=f"{article.source}#{copy}", text=text,
                                  input_format=article.input_format,
                                  published=article.published))
    return out


def run(client: object, items: list[RawArticle], chunk: int) -> float:
    from distributed import wait

    settings = Settings()
    # warm every worker: load the model before the clock starts
    client.run(run_chunk, settings, items[:1])  # type: ignore[attr-defined]
    start = time.perf_counter()
    futures = [client.submit(run_chunk, settings, items[i:i + chunk], pure=False)  # type: ignore[attr-defined]
               for i in range(0, len(items), chunk)]
    wait(futures)
    for future in futures:
        future.result()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--max-workers", type=int, default=default_workers())
    parser.add_argument("--chunk", type=int, default=8)
    parser.add_argument("--scheduler", default=None)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    items = articles(args.folder, args.repeat)
    print(f"{len(items)} articles; {'workers':>7}{'seconds':>9}{'art/s':>8}{'speed-up':>10}"
          f"{'efficiency':>12}")
    if args.scheduler:
        with Client(args.scheduler) as client:
            seconds = run(client, items, args.chunk)
            workers = len(client.scheduler_info()["workers"])
            print(f"{'':>14}{workers:>7}{seconds:>9.1f}{len(items) / seconds:>8.2f}")
        return
    sizes = [n for n in (1, 2, 4, 8, 16, 32, 64) if n <= args.max_workers]
    if args.max_workers not in sizes:
        sizes.append(args.max_workers)
    one = None
    for workers in sizes:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            seconds = run(client, items, args.chunk)
        one = one or seconds
        speedup = one / seconds
        print(f"{'':>14}{workers:>7}{seconds:>9.1f}{len(items) / seconds:>8.2f}"
              f"{speedup:>10.2f}{speedup / workers:>12.2f}")


if __name__ == "__main__":
    main()
