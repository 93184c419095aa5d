"""The result does not depend on how it was computed: one process, two worker processes and a
Dask LocalCluster of two workers give the same documents, in the same order, and the same
store (events, clusters, exports)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import cli
from eventwire.config import Settings
from eventwire.errors import Failure
from eventwire.parallel import blas_threads, chunked, limit_blas_threads, process_parallel
from eventwire.read import read_inputs

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
STORIES = [
    "Chile and Peru signed a fisheries agreement in Lima on Friday.",
    "Kenya recalled its ambassador to Somalia on Monday after a dispute over the border.",
    "Norway criticised Iceland over whaling, the foreign ministry in Oslo said on Tuesday.",
    "Chile and Peru signed a fisheries accord in the Peruvian capital on Friday, officials said.",
    "Turkish forces shelled Kurdish positions in northern Syria on Wednesday.",
    "Japan and India held security talks in Tokyo on Thursday.",
    "",  # a failure in the middle keeps its place
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("corpus")
    for number, text in enumerate(STORIES):
        (folder / f"{number:02d}.txt").write_text(f" date 2024-03-0{1 + number % 7} By Wire\n\n"
                                                  f"{text}\n")
    (folder / "example.txt").write_text(
        (ROOT / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt").read_text())
    return folder


def results(items):  # type: ignore[no-untyped-def]
    return [item if isinstance(item, Failure) else item.to_dict() for item in items]


def test_workers_and_dask_give_the_documents_of_one_process_in_order(corpus):
    alone = results(eventwire.extract_many([corpus]))
    settings = Settings()
    two = results(process_parallel(read_inputs([corpus]), settings, workers=2, chunk_size=2))
    on_dask = results(process_parallel(read_inputs([corpus]), settings, dask="local",
                                       workers=2, chunk_size=2))
    assert len(alone) == len(STORIES) + 1
    assert two == alone
    assert on_dask == alone


def test_ingest_with_workers_or_dask_makes_the_same_store(corpus, tmp_path):
    runner = CliRunner()
    exports = []
    for name, extra in (("one", ["--workers", "1"]), ("two", ["--workers", "2"]),
                        ("dask", ["--dask", "local", "--workers", "2"])):
        db = str(tmp_path / f"{name}.duckdb")
        result = runner.invoke(cli, ["ingest", str(corpus), "--db", db, *extra])
        assert result.exit_code == 1, result.output  # the empty story fails, in every run
        assert "7 stored" in result.stderr
        events = runner.invoke(cli, ["events", "--db", db, "--format", "json"]).stdout
        out = tmp_path / f"{name}.csv"
        assert runner.invoke(cli, ["export", str(out), "--db", db, "--format", "csv"]
                             ).exit_code == 0
        with out.open(encoding="utf-8") as handle:
            rows = [{k: v for k, v in row.items() if k != "added"}  # when it was stored
                    for row in csv.DictReader(handle)]
        exports.append((json.loads(events), rows))
    assert exports[0][0], "the corpus has events"
    assert exports[1] == exports[0]
    assert exports[2] == exports[0]


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        found += [int(c) for c in children]
        todo += [int(c) for c in children]
    return found


def test_a_terminated_run_leaves_no_worker_processes_behind(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(200):
        (folder / f"{number:03d}.txt").write_text(f"Chile and Peru held talks number {number} "
                                                  "in Lima on Friday.\n")
    command = Path(sys.executable).with_name("eventwire")
    run = subprocess.Popen([str(command), "ingest", str(folder), "--db",
                            str(tmp_path / "e.duckdb"), "--workers", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_descendants(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = _descendants(run.pid)
    assert len(workers) >= 2, "the workers started"
    time.sleep(2)
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=30) != 0
    time.sleep(1)
    alive = []
    for pid in workers:
        try:
            os.kill(pid, 0)
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
            if state != "Z":
                alive.append(pid)
        except (OSError, ProcessLookupError):
            pass
    assert alive == []


def test_dask_results_go_through_parquet_shards_that_a_rerun_reuses(corpus, tmp_path):
    from eventwire.parallel import shard_name

    shards = tmp_path / "shards"
    alone = results(eventwire.extract_many([corpus]))
    first = results(process_parallel(read_inputs([corpus]), Settings(), dask="local",
                                     workers=2, chunk_size=3, shards=shards))
    assert first == alone
    written = {f.name: f.stat().st_mtime_ns for f in shards.glob("chunk-*.parquet")}
    assert len(written) == len(list(chunked(read_inputs([corpus]), 3, 2)))  # one a chunk
    # a rerun (here with local workers) reads the finished shards and computes nothing
    rerun = results(process_parallel(read_inputs([corpus]), Settings(), workers=2,
                                     chunk_size=3, shards=shards))
    assert rerun == alone
    assert {f.name: f.stat().st_mtime_ns for f in shards.glob("chunk-*")} == written
    # other settings, other results: their shards have other names
    chunk = list(read_inputs([corpus]))[:3]
    assert shard_name(Settings(), chunk) != shard_name(Settings(min_confidence=0.5), chunk)


def test_workers_default_to_one_for_small_or_unknown_inputs_and_cores_for_large(tmp_path):
    from eventwire.cli.run import PARALLEL_FROM, _workers
    from eventwire.parallel import default_workers
    from eventwire.read import ReadOptions

    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("Chile and Peru met.\n")
    large = tmp_path / "large"
    large.mkdir()
    for number in range(PARALLEL_FROM + 1):
        (large / f"{number}.txt").write_text(f"Story {number}.\n")
    options = ReadOptions()
    assert _workers(None, None, (str(small),), options) == 1
    assert _workers(None, None, ("-",), options) == 1  # standard input: size unknown
    assert _workers(None, None, (str(large),), options) == default_workers()
    assert _workers(3, None, ("-",), options) == 3  # as asked


@pytest.mark.parametrize(("workers", "cores", "threads"), [(1, 2, 2), (2, 2, 1), (4, 16, 4),
                                                           (32, 16, 1)])
def test_each_worker_gets_its_share_of_the_cores_for_the_matrix_library(workers, cores,
                                                                        threads):
    assert blas_threads(workers, cores) == threads


def _blas_threads_here(_: int) -> list[int]:
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_the_worker_pool_limits_each_worker_s_matrix_library():
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(
            2, initializer=limit_blas_threads, initargs=(1,)) as pool:
        assert pool.map(_blas_threads_here, [0, 1]) == [[1], [1]]


def test_chunks_keep_the_input_and_shrink_towards_its_end_so_workers_finish_together():
    sizes = [len(c) for c in chunked(range(200), 16, 2)]
    assert [x for c in chunked(range(200), 16, 2) for x in c] == list(range(200))
    assert sizes[:8] == [16] * 8  # full chunks while the end is not in sight
    assert sizes[-1] <= 4 and sizes == sorted(sizes, reverse=True)
    assert sizes == [len(c) for c in chunked(iter(range(200)), 16, 2)]  # the input alone
    assert list(chunked([], 16, 2)) == []
    assert [len(c) for c in chunked(range(3), 16, 2)] == [3]
