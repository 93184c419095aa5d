"""eventwire: turn English news articles into structured, checkable event data.

    >>> import eventwire
    >>> doc = eventwire.extract("Chinese Premier Li Qiang met Russian President Vladimir Putin "
    ...                         "in Moscow on Wednesday.", published="2024-08-21")
    >>> doc.to_dict()["article"]["published"]
    '2024-08-21'

``eventwire.open(db)`` opens a store (DuckDB file by default).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from eventwire.api import extract, extract_many, ingest_many, open
from eventwire.config import Settings
from eventwire.errors import EventwireError, Failure
from eventwire.pipeline import Pipeline
from eventwire.records import Document

__all__ = ["Document", "EventwireError", "Failure", "Pipeline", "Settings", "__version__",
           "extract", "extract_many", "ingest_many", "open"]
