"""Resident memory of ``eventwire ingest`` over a large JSON Lines file.

    python bench/memory.py ../shared/dev/times-timebank --size 1GB [--workers 2]
                           [--seconds 600] [--keep FILE]

Writes a JSON Lines file of about ``--size`` from the folder's ``*.txt`` articles (each
record with its own id and a line that makes its text unique), then runs ``eventwire ingest``
on it with ``--workers`` processes into a new DuckDB file, sampling every second the resident
memory of the command and all its worker processes together (from /proc), for at most
``--seconds``. Prints the file size, the articles stored, the peak and the last sample of
total resident memory, and the memory at a few points in between, so that a flat line shows
that memory does not grow with the input.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1GB")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--keep", type=Path, default=None, help="write the JSON Lines here")
    args = parser.parse_args()
    text = args.size.upper().removesuffix("B")
    size = int(float(text.rstrip("KMG")) * {"K": 1e3, "M": 1e6, "G": 1e9}.get(text[-1:], 1))
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-memory-"))
    try:
        corpus = args.keep or scratch / "corpus.jsonl"
        records = write_corpus(args.folder, size, corpus)
        print(f"{corpus.stat().st_size / 1e9:.2f} GB, {records:,} records")
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
        if samples:
            peak = max(rss for _, rss in samples)
            print(f"peak resident memory {peak / 1e6:,.0f} MB; last {samples[-1][1] / 1e6:,.0f}"
                  " MB; over time (s: MB):")
            step = max(1, len(samples) // 8)
            print("  " + ", ".join(f"{t:.0f}: {rss / 1e6:,.0f}" for t, rss in samples[::step]))
        if not finished:
            import duckdb

            with duckdb.connect(str(scratch / "m.duckdb"), read_only=True) as con:
                stored = con.execute("SELECT count(*) FROM articles").fetchone()
            print(f"articles stored when stopped: {stored[0] if stored else 0:,}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
