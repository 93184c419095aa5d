"""The ``eventwire`` command: a thin click layer over the library functions.

Data goes to stdout; logs, progress and summaries go to stderr. Exit codes: 0 all inputs
processed, 1 some inputs failed, 2 usage error (bad option, no model, bad store url).
"""

from __future__ import annotations

import logging
import signal
import threading

import click

from eventwire import __version__
from eventwire.cli.evaluate import evaluate
from eventwire.cli.events import actors, codes, events, figures, quotes, timeline
from eventwire.cli.export import export_command
from eventwire.cli.query import articles, cluster, show, stats
from eventwire.cli.run import extract, ingest
from eventwire.cli.serve import serve

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does, on stderr.")
def cli(verbose: bool) -> None:
    """Turn English news articles into structured, checkable event data."""
    # a terminated run unwinds like an interrupted one: worker processes are stopped and the
    # batch being written is rolled back, instead of the process vanishing mid-way
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(levelname)s: %(message)s")
    # -v: what each stage did to each input; other libraries stay quiet (trafilatura's own
    # warnings about a page are eventwire's to report, as one failure line)
    logging.getLogger("eventwire").setLevel(logging.INFO if verbose else logging.WARNING)
    for noisy in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer",
                  "distributed", "dask"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.ERROR)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


for command in (extract, ingest, articles, show, stats, cluster, events, timeline, actors, quotes,
                figures, codes, export_command, evaluate, serve):
    cli.add_command(command)

__all__ = ["cli"]
