"""Throughput of bare spaCy, eventwire's pipeline and ``eventwire ingest``, side by side, with
1 and N processes.

    python bench/throughput.py ../shared/dev/times-timebank [--workers 1,2] [--repeat 1]

On the ``*.txt`` articles of a folder (repeated ``--repeat`` times, each copy with a line of
its own, so that it is parsed again: the store then keeps it as a syndicated copy of the
first), measures articles and words per second of:

* spaCy: ``nlp.pipe`` with the same model over the cleaned texts (the baseline), in one
  process, or split across N processes that each load the model and, like eventwire's
  workers, use their share of the cores for the matrix library;
* pipeline: ``eventwire.extract_many`` (read, clean, parse, extract, code; no store);
* ingest: the ``eventwire ingest`` command into a new DuckDB file;

and prints each against spaCy with the same process count, and N processes against one.
Every run starts new processes, so every figure includes loading the model in each of them.
With ``--trials K`` every measurement is taken K times, the runs of one trial side by side
(so a slow spell of a shared machine slows all of them alike), and the median is shown; the
spread of each ratio over the trials is printed below the table.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import eventwire
from eventwire.clean import clean_article
from eventwire.parallel import blas_threads, default_workers, limit_blas_threads
from eventwire.read import RawArticle, read_inputs

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, repeat: int, into: Path) -> list[str]:
    """The folder's articles, ``repeat`` times, as files under ``into``; their clean texts."""
    texts = []
    for copy in range(repeat):
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if copy:
                text += f"\n\nCopy {copy} of this report."
            (into / f"{copy:03d}-{path.name}").write_text(text, encoding="utf-8")
    for item in read_inputs([into]):
        if isinstance(item, RawArticle):
            texts.append(clean_article(item).text)
    return texts


def _parse_share(texts: list[str]) -> int:
    from eventwire.parse import load_nlp

    nlp = load_nlp(None)
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))


def bare_spacy(texts: list[str], workers: int) -> float:
    """Seconds for ``workers`` new processes to load the model and parse a share each."""
    start = time.perf_counter()
    shares = [texts[i::workers] for i in range(workers)]
    # the same thread share per process as eventwire's workers: a like-for-like baseline
    threads = blas_threads(workers, default_workers())
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=limit_blas_threads, initargs=(threads,)) as pool:
        list(pool.map(_parse_share, shares))
    return time.perf_counter() - start


def _extract_all(folder: Path, workers: int) -> None:
    for _ in eventwire.extract_many([folder], workers=workers):
        pass


def pipeline(folder: Path, workers: int) -> float:
    """Seconds for ``extract_many`` in a new process (which, with more than one worker,
    starts its worker processes), so that every run pays for loading the model once per
    process, as the spaCy runs and the ingest command do."""
    start = time.perf_counter()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(_extract_all, folder, workers).result()
    return time.perf_counter() - start


def ingest(folder: Path, workers: int, scratch: Path) -> float:
    db = scratch / f"bench-{workers}.duckdb"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    command = Path(sys.executable).with_name("eventwire")
    subprocess.run([str(command), "ingest", str(folder), "--db", str(db), "--workers",
                    str(workers)], check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--trials", type=int, default=1,
                        help="times to take each measurement (the median is shown)")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        folder = scratch / "corpus"
        folder.mkdir()
        texts = corpus(args.folder, args.repeat, folder)
        words = sum(len(t.split()) for t in texts)
        runs: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.trials):
            for workers in counts:
                runs.setdefault(("spaCy", workers), []).append(bare_spacy(texts, workers))
                runs.setdefault(("pipeline", workers), []).append(pipeline(folder, workers))
                runs.setdefault(("ingest", workers), []).append(
                    ingest(folder, workers, scratch))
        print(f"{len(texts)} articles, {words:,} words; seconds include each process loading "
              f"the model; median of {args.trials} trial(s)")
        print(f"{'what':<10}{'procs':>6}{'seconds':>9}{'art/s':>8}{'words/s':>9}"
              f"{'vs spaCy':>10}{'vs 1 proc':>10}")
        for workers in counts:
            for name in ("spaCy", "pipeline", "ingest"):
                seconds = statistics.median(runs[(name, workers)])
                spacy_s = statistics.median(runs[("spaCy", workers)])
                one = statistics.median(runs[(name, counts[0])])
                print(f"{name:<10}{workers:>6}{seconds:>9.1f}{len(texts) / seconds:>8.2f}"
                      f"{words / seconds:>9,.0f}{spacy_s / seconds:>10.2f}{one / seconds:>10.2f}")
        if args.trials > 1:
            print("ratios per trial:")
            for workers in counts:
                for name in ("pipeline", "ingest"):
                    against = [s / t for s, t in zip(runs[("spaCy", workers)],
                                                     runs[(name, workers)], strict=True)]
                    scaling = [o / t for o, t in zip(runs[(name, counts[0])],
                                                     runs[(name, workers)], strict=True)]
                    print(f"  {name:<9}{workers:>2} procs: vs spaCy "
                          f"{' '.join(f'{r:.2f}' for r in against)}; vs 1 proc "
                          f"{' '.join(f'{r:.2f}' for r in scaling)}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
