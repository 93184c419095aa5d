"""Resident memory of ``eventwire ingest`` over a large JSON Lines file.

    python bench/memory.py ../shared/dev/times-timebank --size 1GB [--workers 2]
                           [--seconds 600] [--keep FILE]
    python bench/memory.py ../shared/dev/times-timebank --size 1GB --writer-only

Writes a JSON Lines file of about ``--size`` from the folder's ``*.txt`` articles (each
record with its own id and a line that makes its text unique), then runs ``eventwire ingest``
on it with ``--workers`` processes into a new DuckDB file, sampling every second the resident
memory of the command and all its worker processes together (from /proc), for at most
``--seconds``. Prints the file size, the articles stored, the peak and the last sample of
total resident memory, and the memory at a few points in between, so that a flat line shows
that memory does not grow with the input.

The whole gigabyte takes hours to parse on a small machine, while what could grow with the
input is on the writing side: the store (its indexes, near-duplicate bands and clusters) and
the reader. ``--writer-only`` runs that side over the whole file in one process: every record
is read and cleaned by eventwire's reader, its analysis is that of its distinct text (each
distinct text is parsed once, first), and the documents go through the same ``ingest`` that
the command uses, into a new DuckDB file; the process's resident memory is sampled by a
thread. The model workers' share is what the time-limited run measures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path


def write_corpus(folder: Path, size: int, out: Path) -> int:
    texts = [p.read_text(encoding="utf-8", errors="replace").split("\n", 2)[-1]
             for p in sorted(folder.glob("*.txt"))]
    written = count = 0
    with out.open("w", encoding="utf-8") as handle:
        while written < size:
            for text in texts:
                line = json.dumps({"id": str(count), "published": "2024-03-01",
                                   "text": f"{text}\n\nRecord {count} of the corpus."}) + "\n"
                handle.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= size:
                    break
    return count


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines()
                          if line.startswith("VmRSS:"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        todo += [int(c) for c in children]
    return total


def writer_only(corpus: Path, cycle: int, store: Path, seconds: float) -> None:
    """Store every record of ``corpus`` (see the module's docstring), sampling memory."""
    import dataclasses
    import threading

    from eventwire.config import Settings
    from eventwire.errors import Failure
    from eventwire.pipeline import process
    from eventwire.read import ReadOptions, read_inputs
    from eventwire.records import Document
    from eventwire.store import ingest

    def template(text: str) -> str:
        return text.rsplit("\n\nRecord ", 1)[0]

    distinct: dict[str, object] = {}  # the corpus repeats its first ``cycle`` texts
    for item in islice(read_inputs([corpus], ReadOptions()), cycle):
        if not isinstance(item, Failure):
            distinct.setdefault(template(item.text), item)
    print(f"parsing the {len(distinct)} distinct texts once", flush=True)
    analysed = {template(d.article.text): d for d in process(distinct.values(), Settings())
                if isinstance(d, Document)}

    def documents() -> Iterator[Document | Failure]:
        from eventwire.clean import clean_article

        for item in read_inputs([corpus], ReadOptions()):
            if isinstance(item, Failure):
                yield item
                continue
            article = clean_article(item)
            model = analysed.get(template(article.text))
            if model is None:
                yield Failure(article.source, "its text was not among the distinct texts")
                continue
            yield dataclasses.replace(model, article=article)

    samples: list[tuple[float, int]] = []
    done = threading.Event()
    start = time.monotonic()

    def sample() -> None:
        import os

        while not done.wait(1.0):
            samples.append((time.monotonic() - start, tree_rss(os.getpid())))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stored = [0]

    def counted(n: int) -> None:
        stored[0] += n
        if time.monotonic() - start > seconds:
            raise TimeoutError

    try:
        report = ingest(documents(), store, progress=counted)
        print(f"stored all {stored[0]:,} records in {time.monotonic() - start:.0f} s: "
              f"{report.stored:,} articles, {report.duplicate:,} copies, "
              f"{len(report.failed)} failed")
    except TimeoutError:
        print(f"stopped after {seconds:.0f} s with {stored[0]:,} records stored")
    done.set()
    sampler.join()
    report_samples(samples)


def report_samples(samples: list[tuple[float, int]]) -> None:
    if samples:
        peak = max(rss for _, rss in samples)
        print(f"peak resident memory {peak / 1e6:,.0f} MB; last {samples[-1][1] / 1e6:,.0f}"
              " MB; over time (s: MB):")
        step = max(1, len(samples) // 8)
        print("  " + ", ".join(f"{t:.0f}: {rss / 1e6:,.0f}" for t, rss in samples[::step]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1GB")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--keep", type=Path, default=None, help="write the JSON Lines here")
    parser.add_argument("--writer-only", action="store_true",
                        help="read, clean and store every record; parse each distinct text once")
    args = parser.parse_args()
    text = args.size.upper().removesuffix("B")
    size = int(float(text.rstrip("KMG")) * {"K": 1e3, "M": 1e6, "G": 1e9}.get(text[-1:], 1))
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-memory-"))
    try:
        corpus = args.keep or scratch / "corpus.jsonl"
        if not (args.keep and corpus.exists() and corpus.stat().st_size >= size):
            write_corpus(args.folder, size, corpus)
        records = sum(1 for _ in corpus.open("rb"))
        print(f"{corpus.stat().st_size / 1e9:.2f} GB, {records:,} records")
        if args.writer_only:
            writer_only(corpus, len(list(args.folder.glob("*.txt"))), scratch / "m.duckdb",
                        args.seconds)
            return
        command = [str(Path(sys.executable).with_name("eventwire")), "ingest", str(corpus),
                   "--db", str(scratch / "m.duckdb"), "--workers", str(args.workers)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        start, samples = time.monotonic(), []
        while process.poll() is None and time.monotonic() - start < args.seconds:
            samples.append((time.monotonic() - start, tree_rss(process.pid)))
            time.sleep(1)
        finished = process.poll() is not None
        if not finished:
            process.terminate()
        stderr = process.communicate()[1].decode(errors="replace").strip().splitlines()
        print(f"ran {time.monotonic() - start:.0f} s ({'finished' if finished else 'stopped'})"
              + (f": {stderr[-1][:120]}" if stderr and finished else ""))
        report_samples(samples)
        if not finished:
            import duckdb

            with duckdb.connect(str(scratch / "m.duckdb"), read_only=True) as con:
                stored = con.execute("SELECT count(*) FROM article_sources").fetchone()
            print(f"records stored when stopped: {stored[0] if stored else 0:,}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
