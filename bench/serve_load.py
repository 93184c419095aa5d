"""Load on ``eventwire serve`` while an ingest writes to the same store.

    python bench/serve_load.py [FOLDER] [--clients 8] [--seconds 30] [--db URL]

Ingests the bundled example into a new DuckDB store (or uses ``--db``), starts ``eventwire
serve`` on a free loopback port, starts ``eventwire ingest FOLDER`` (default: the
development TimeBank articles) into the same store, and meanwhile lets ``--clients`` threads
send requests for ``--seconds``: a page of events, and one article with all its annotations,
in turn. Prints requests per second, latency percentiles and the error count (which must
be 0), and how many articles the ingest stored meanwhile.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def client(base: str, article: str, until: float, latencies: list[float],
           errors: list[str]) -> None:
    paths = ["/api/events?limit=50", f"/api/articles/{article}"]
    with httpx.Client(base_url=base, timeout=30) as http:
        turn = 0
        while time.monotonic() < until:
            path = paths[turn % 2]
            turn += 1
            start = time.perf_counter()
            try:
                response = http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code} {response.text[:100]}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {exc!r}")
            latencies.append(time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "dev" / "times-timebank")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    command = str(Path(sys.executable).with_name("eventwire"))
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-serve-"))
    db = args.db or str(scratch / "serve.duckdb")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        subprocess.run([command, "ingest", str(ROOT / "examples"), "--db", db], check=True,
                       capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        processes.append(subprocess.Popen([command, "serve", "--db", db, "--port", str(port)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_up(base)
        article = httpx.get(f"{base}/api/articles").json()["rows"][0]["id"]
        before = len(httpx.get(f"{base}/api/articles?limit=1000").json()["rows"])
        ingest = subprocess.Popen([command, "ingest", str(args.folder), "--db", db,
                                   "--workers", "1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(ingest)
        latencies: list[float] = []
        errors: list[str] = []
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(base, article, until, latencies,
                                                         errors)) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        after = len(httpx.get(f"{base}/api/articles?limit=1000").json()["rows"])
        ordered = sorted(latencies)

        def pct(q: float) -> float:
            return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

        print(f"{args.clients} clients for {args.seconds:g} s while an ingest ran "
              f"({after - before} articles stored meanwhile)")
        print(f"requests {len(latencies)}, {len(latencies) / args.seconds:.1f} per second; "
              f"latency ms: p50 {pct(0.5):.0f}, p95 {pct(0.95):.0f}, p99 {pct(0.99):.0f}, "
              f"max {ordered[-1] * 1000:.0f}, mean {statistics.mean(ordered) * 1000:.0f}")
        print(f"errors {len(errors)}" + (f": {errors[:3]}" if errors else ""))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
