"""Throughput of bare spaCy, eventwire's pipeline and ``eventwire ingest``, side by side, with
1 and N processes.

    python bench/throughput.py ../shared/dev/times-timebank [--workers 1,2] [--repeat 1]

On the ``*.txt`` articles of a folder (repeated ``--repeat`` times, each copy made unique so
that nothing is deduplicated), measures articles and words per second of:

* spaCy: ``nlp.pipe`` with the same model over the cleaned texts (the baseline), in one
  process, or split across N processes that each load the model;
* pipeline: ``eventwire.extract_many`` (read, clean, parse, extract, code; no store);
* ingest: the ``eventwire ingest`` command into a new DuckDB file;

and prints each against spaCy with the same process count, and N processes against one.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import eventwire
from eventwire.clean import clean_article
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
    start = time.perf_counter()
    if workers == 1:
        _parse_share(texts)
    else:
        shares = [texts[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(_parse_share, shares))
    return time.perf_counter() - start


def pipeline(folder: Path, workers: int) -> float:
    start = time.perf_counter()
    for _ in eventwire.extract_many([folder], workers=workers):
        pass
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
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        folder = scratch / "corpus"
        folder.mkdir()
        texts = corpus(args.folder, args.repeat, folder)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} articles, {words:,} words; seconds include each process loading "
              "the model")
        print(f"{'what':<10}{'procs':>6}{'seconds':>9}{'art/s':>8}{'words/s':>9}"
              f"{'vs spaCy':>10}{'vs 1 proc':>10}")
        base: dict[str, float] = {}
        for workers in counts:
            spacy_s = bare_spacy(texts, workers)
            for name, seconds in (("spaCy", spacy_s), ("pipeline", pipeline(folder, workers)),
                                  ("ingest", ingest(folder, workers, scratch))):
                base.setdefault(name, seconds)
                print(f"{name:<10}{workers:>6}{seconds:>9.1f}{len(texts) / seconds:>8.2f}"
                      f"{words / seconds:>9,.0f}{spacy_s / seconds:>10.2f}"
                      f"{base[name] / seconds:>10.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
